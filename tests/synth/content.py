"""Story texts by category. Each returns a `Body`: the logical lines and what they mean.

The wording is deliberately wide (DOMAIN.md, "Campaign language"): numbers as digits, "0N",
words and gestures; nicknames, acronyms, slogans and hashtags; slang, abbreviations,
elongation, mixed case and emojis between words. Neutral texts reuse the same vocabulary
(numbers that are dates, prices, RT/TPS/school numbers; "pilih yang terbaik"; KPU and
Bawaslu information naming every pair) and must never count as support.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from .election import NUMBER_WORDS, Candidate, Election

GESTURE = {1: "☝️", 2: "✌️", 3: "🤟"}
EMOJIS = ["🔥", "💪", "🙏", "❤️", "👍", "💯", "😎", "✨", "🥰", "👊", "🤩", "😍", "🎉", "⭐"]


@dataclass
class Body:
    lines: list[str]
    content: str  # support | hard-support | poster | everyday | neutrality | turnout | info | news
    # | namesake-greeting
    supports: int | None = None
    scales: list[float] = field(default_factory=list)  # per-line size factor (1.0 default)
    hard_text: bool = False  # the support is only implicit (nickname, slang)
    art: dict | None = None  # a drawn graphic: candidate poster or KPU information
    wording: list[str] = field(default_factory=list)  # transforms applied: caps, abbrev, ...

    @property
    def art_text(self) -> str:
        return " ".join(self.art.get("texts", [])) if self.art else ""

    @property
    def text(self) -> str:
        return " ".join([*self.lines, self.art_text]).strip()


def _hon(gender: int, rng: random.Random) -> str:
    return rng.choice(["pak", "Pak", "bapak"]) if gender == 1 else rng.choice(["bu", "Bu", "ibu"])


MONTHS = {"08": ("Agustus", "Agu"), "11": ("November", "Nov"), "12": ("Desember", "Des")}


def _day(election: Election, rng: random.Random | None = None) -> str:
    _y, m, d = election.voting_day.split("-")
    full, short = MONTHS.get(m, (m, m))
    if rng is None:
        return f"{int(d)} {short}"
    return rng.choice([f"{int(d)} {short}", f"{int(d)} {full}", f"{int(d)}/{int(m)}"])


def _head(rng: random.Random, e: Election) -> str:
    if e.head == "Walikota":
        return rng.choice(["Walikota", "Wali Kota", "Walkot"])
    return e.head


def _slots(rng: random.Random, e: Election, c: Candidate) -> dict[str, str]:
    y = int(e.voting_day[:4])
    tags = c.hashtags[:]
    rng.shuffle(tags)
    return {
        "n": str(c.number),
        "nn": f"0{c.number}",
        "w": NUMBER_WORDS[c.number],
        "W": NUMBER_WORDS[c.number].capitalize(),
        "acr": c.acronym,
        "Acr": c.acronym.capitalize(),
        "pair": c.pair,
        "p1": c.people[0],
        "p2": c.people[1],
        "f1": c.firsts[0],
        "f2": c.firsts[1],
        "nick": c.nick or c.acronym,
        "slogan": c.slogans[0],
        "tag": tags[0],
        "tag2": tags[-1],
        "g": GESTURE.get(c.number, rng.choice(["💪", "🔥"])),
        "head": _head(rng, e),
        "city": e.city,
        "hon": _hon(c.genders[0], rng),
        "day": _day(e, rng),
        "y": str(y),
        "y5": str(y + 5),
        "pil": e.pil,
        "menang": rng.choice(["Menang", "Juara", "Pasti Menang", "MENANG"]),
        "at": "@"
        + rng.choice(
            [
                f"{c.acronym.lower()}_official",
                f"relawan.{c.acronym.lower()}",
                f"{c.firsts[0].lower()}.center",
            ]
        ),
    }


# Explicit support: a number, a gesture word, or full names with a campaign verb.
SUPPORT = [
    ["Nomor urut {n}", "{p1} - {p2}", "{slogan}", "{tag}"],
    ["Coblos No. {n}!", "{acr} {menang} {g}"],
    ["Salam {w} jari {g}", "{acr} yg terbaik"],
    ["{p1}", "{head} {city} {y}-{y5}", "Coblos {n}"],
    ["Bismillah {pair} coblos nomor {n} tgl {day}"],
    ["Gaspol {acr}!! Menangkan Paslon {n} {g}", "{tag}"],
    ["Ayo pilih nomor urut {w}", "{p1} & {p2}", "🔥🔥"],
    ["{slogan}!", "Coblos nomor urut {nn} {pair}"],
    ["Relawan {acr} siap memenangkan paslon {n}", "{tag}"],
    ["{acr} satu putaran!", "Nomor {n} {g}", "{tag}"],
    ["Tanggal {day} jangan lupa coblos {w}", "{pair} {g}"],
    ["Dukung {p1}", "{head} {city}", "No. {n}"],
    ["{tag} {tag2}", "Pilih {acr} nomor {n}"],
    ["mari dukung {hon} {f1}", "nomor urut {w} 🙏"],
    ["sudah pasti nomor {n} 💯"],
    ["lanjutkan 2 periode!!", "{acr} nomor {n}"],
    ["gaspol {nn} 🔥🔥"],
    ["salam {w} jari {g}{g}", "{pair}"],
    ["all in {acr} no {n}!!"],
    ["paslon {nn} paling mantap 😎"],
    ["coblos {w}!", "{acr} 👊"],
    ["nomor {n} pilihan kita", "{p1} - {p2}"],
    ["{city} butuh pemimpin yg merakyat.", "{acr} jawabannya 💪", "No. {n}"],
    ["Yuk dukung {p1} & {p2} no {n}"],
    ["Pilih {pair}, pilih yg pasti", "No. {n}"],
    ["Kita pilih yg sudah terbukti.", "{acr} nomor {n}!"],
    ["{day} ingat nomor {n} ya 😉"],
    ["Menangkan {acr}", "{slogan}", "Paslon nomor urut {nn}"],
    ["Bersama {p1}", "{city} lebih maju", "coblos {nn}"],
    ["Dari hati utk {city}", "{acr} {nn} {g}"],
    ["Deklarasi dukungan utk paslon {n}", "{pair}", "{tag}"],
    ["Posko relawan {acr} siap bergerak", "nomor urut {w} 💪"],
    ["jgn lupa {day} coblos no {n}", "{p1}"],
    ["{W} jari {g}", "{acr} menang!!"],
    ["{hon} {f1} {head} kita", "no urut {n} ✨"],
    ["Ayo menangkan {pair}", "Nomor {n}"],
    ["{nick}", "{head} {city} {y}", "nomor urut {nn}"],
    ["Doakan {nick} menang ya", "Nomor {n} 🙏"],
    ["{acr} menang satu putaran", "no {n} {g}"],
    ["Nomor {n}", "nomor urut {w}", "{acr}"],
    ["{pil} {y}", "pilihanku no. {n}", "{pair}"],
    ["sudah pasti nomor {w}", "{tag}"],
    ["Ayo dukung {at}", "nomor urut {n} 💪"],
    ["Follow {at}", "menangkan paslon {nn}!"],
    ["pokoknya pilih {n} aja 👍", "yg lain belum meyakinkan"],
    ["sikat {nn}!!", "yg lain minggir dulu"],
    ["kompak kita, nomor {n}!"],
]
# Implicit support: nickname, pair name, acronym, slogan or hashtag with slang; no number.
HARD = [
    ["mari dukung {hon} {f1} 🙏"],
    ["{pair} lanjutkan!!"],
    ["gaspol {acr} 🔥🔥"],
    ["{f1} 2 periode!!", "💪"],
    ["all in {hon} {f1}", "kita kawal sampai menang"],
    ["doakan {hon} {f1} menang ya 🙏"],
    ["{acr} pasti menang", "yakin 💯"],
    ["insyaAllah {hon} {f1} amanah", "lanjutkan!"],
    ["Bersama {f1} & {f2}", "kita menangkan!"],
    ["{f1}-{f2} yg terbaik utk {city} 🔥"],
    ["sdh mantap pilihan ke {hon} {f1} 👍"],
    ["{acr}!! {acr}!! {acr}!!", "gas terus 💪"],
    ["Yg lain lewat, {acr} paling mantap 😎"],
    ["{acr} menang satu putaran"],
    ["menang {acr} menang"],
    ["gas {acr} gas 🔥"],
    ["{nick} di hati 💙"],
    ["all in {nick}!!"],
    ["{slogan}", "{tag}"],
    ["{acr} for {city} ❤️"],
    ["pokoknya {acr}!!"],
    ["kita kawal {pair} sampai menang"],
    ["{nick} {head} kita ✨"],
    ["{tag} 🔥"],
    ["Yuk!! {tag}"],
    ["{city} butuh pemimpin yg merakyat.", "{acr} jawabannya 💪"],
    ["Kita pilih yg sudah terbukti. {acr}!"],
    ["MENANG BERSAMA {acr}"],
    ["bismillah {acr} 🤲", "menang!"],
    ["dukung {hon} {f1} & {f2}"],
    ["mantap {at} 🔥", "{acr} menang!"],
    ["repost {at}", "{slogan}"],
]

ELONGATE = {
    "menang": ["menaaang", "menangggg", "menaang"],
    "Menang": ["Menaaang", "Menaaaang"],
    "MENANG": ["MENAAANG", "MENANGGG"],
    "gas": ["gasss", "gaaas", "gassss"],
    "Gas": ["Gasss"],
    "gaspol": ["gaspoool", "gasspol"],
    "Gaspol": ["Gaspoll", "Gaspoool"],
    "ayo": ["ayooo", "ayokk"],
    "Ayo": ["Ayooo"],
    "yuk": ["yuuuk", "yukkk"],
    "Yuk": ["Yuuuk"],
    "mantap": ["mantaaap", "mantul"],
    "lanjutkan": ["lanjutkaaan", "lanjutkannn"],
}
ABBREV = {
    "yang": "yg",
    "untuk": "utk",
    "dengan": "dgn",
    "sudah": "sdh",
    "jangan": "jgn",
    "tanggal": "tgl",
    "sampai": "sampe",
    "kita": "qta",
    "nomor urut": "no urut",
    "Nomor urut": "No urut",
}
LEET = {"coblos": "c0bl0s", "Coblos": "C0blos", "nomor": "n0m0r", "ayo": "ay0", "yok": "y0k"}
PROTECT = re.compile(r"(#\S+|\d+)")


def _mixed(word: str, rng: random.Random) -> str:
    return "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in word)


def stylize(
    lines: list[str], rng: random.Random, protect: list[str]
) -> tuple[list[str], list[str]]:
    """Casual typing: case, abbreviations, elongation, a little leetspeak, emojis between
    words. Names, aliases, hashtags and digits in `protect` are left readable."""
    applied: list[str] = []
    keep = sorted({p for p in protect if p}, key=len, reverse=True)

    def sub_words(s: str, table: dict[str, list[str] | str]) -> str:
        def rep(m: re.Match) -> str:
            v = table[m.group(0)]
            return rng.choice(v) if isinstance(v, list) else v

        pat = r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b"
        return re.sub(pat, rep, s)

    out = lines[:]

    def step(name: str, new: list[str]) -> None:
        nonlocal out
        if new != out:
            applied.append(name)
            out = new

    if rng.random() < 0.4:
        step("abbrev", [sub_words(s, ABBREV) for s in out])
    if rng.random() < 0.3:
        step("elongation", [sub_words(s, ELONGATE) for s in out])
    if rng.random() < 0.07:
        step("leet", [sub_words(s, LEET) for s in out])
    roll = rng.random()
    if roll < 0.2:
        step("upper", [s if s.startswith("#") else s.upper() for s in out])
    elif roll < 0.32:
        step("lower", [s if s.startswith("#") else s.lower() for s in out])
    elif roll < 0.37:
        res = []
        for s in out:
            words = s.split(" ")
            res.append(
                " ".join(
                    w
                    if PROTECT.fullmatch(w) or any(k.lower() in w.lower() for k in keep)
                    else _mixed(w, rng)
                    for w in words
                )
            )
        step("mixed_case", res)
    if rng.random() < 0.25:
        res = []
        for s in out:
            words = s.split(" ")
            kept = [k.lower() for k in keep if k.lower() in s.lower()]
            if len(words) > 2 and not s.startswith("#"):
                for _ in range(4):  # never inside a name, nickname or slogan
                    cand = words[:]
                    cand.insert(rng.randrange(1, len(words)), rng.choice(EMOJIS))
                    joined = " ".join(cand)
                    if all(k in joined.lower() for k in kept):
                        s = joined
                        break
            res.append(s)
        step("emoji_between", res)
    return out, applied


def _fmt(lines: list[str], slots: dict[str, str]) -> list[str]:
    return [ln.format(**slots) for ln in lines]


def _templates(pool: list[list[str]], c: Candidate) -> list[list[str]]:
    return [t for t in pool if c.nick or not any("{nick}" in ln for ln in t)]


# Support in wording the templates above never use: the regions' own number words
# (Javanese siji/loro/telu, Sundanese hiji/dua/tilu), English, a pair's number or a
# candidate's name inside a hashtag, the term of office, "it is time".
REGIONAL_NUMBERS = {
    "jw": {1: "siji", 2: "loro", 3: "telu", 4: "papat"},
    "su": {1: "hiji", 2: "dua", 3: "tilu", 4: "opat"},
}
OTHER_WORDING = [
    ["Ayo nyoblos nomer {jw}", "{pair} {g}"],
    ["Pilih nomer {su} nya", "{acr} {g}"],
    ["Vote number {n}!", "{pair} for {city}"],
    ["Let's go {acr}!!", "vote no {n}"],
    ["#{nn}Menang {g}", "{acr}"],
    ["#Coblos{n}", "{city} {menang}"],
    ["#Tetap{F1}", "{slogan}"],
    ["{hon} {f1}", "{head} {city} {y}-{y5}"],
    ["Saatnya {f1} memimpin {city}", "💪"],
    ["{city} butuh {hon} {f1}", "{tag}"],
    ["contreng nomor {n} ya", "{city} {menang}"],
    ["nomer {jw} wae", "{acr} {g}"],
]


def other_wording(rng: random.Random, e: Election, c: Candidate) -> Body:
    """Support as people also say it, beyond the templates above (see `OTHER_WORDING`)."""
    slots = _slots(rng, e, c)
    slots |= {key: names.get(c.number, str(c.number)) for key, names in REGIONAL_NUMBERS.items()}
    slots["F1"] = c.firsts[0].capitalize()
    lines = _fmt(rng.choice(_templates(OTHER_WORDING, c)), slots)
    return Body(lines, "support", c.number, wording=["other_wording"])


def support(rng: random.Random, e: Election, c: Candidate) -> Body:
    """Explicit support: number, gesture, acronym, full names, slogan or hashtag."""
    slots = _slots(rng, e, c)
    roll = rng.random()
    if roll < 0.06:  # a big number alone with a short cheer
        return Body(
            [slots["nn"], rng.choice(["Menang!", "MENANG!", "Pasti Menang!", "Menang Telak!!"])],
            "support",
            c.number,
            [2.6, 1.0],
        )
    if roll < 0.1:
        return campaign_ballot(rng, e, c)
    lines = _fmt(rng.choice(_templates(SUPPORT, c)), slots)
    lines, applied = stylize(lines, rng, _protect(c))
    return Body(lines, "support", c.number, wording=applied)


def campaign_ballot(rng: random.Random, e: Election, c: Candidate) -> Body:
    """A campaign's sample ballot: every pair listed as on the ballot, one number urged or
    ticked beside it (names small, the call large)."""
    lines = ["SURAT SUARA", f"{e.pil} {e.city} {e.voting_day[:4]}".upper()]
    lines += [f"{x.number} {x.people[0]} {x.people[1]}".upper() for x in e.candidates]
    lines.append(
        rng.choice(
            [
                f"COBLOS NOMOR {c.number}!",
                f"0{c.number} ✓",
                f"Pilih no {c.number} ya, begini caranya 👇",
                f"Jangan salah coblos, nomor {c.number}!",
            ]
        )
    )
    scales = [1.0, 0.8] + [0.7] * len(e.candidates) + [1.3]
    return Body(lines, "support", c.number, scales, wording=["ballot"])


# Support said in emoji: raised fingers (one, two, three), keycaps, cheers, a ballot box.
_FINGERS = {1: "\u261d\ufe0f", 2: "\u270c\ufe0f", 3: "\U0001f91f"}
EMOJI_SUPPORT = (
    "{f}{f}{f} 0{n} 🔥🔥🔥",
    "💯 {k} 💯 {k} 💯",
    "{f} {k} 🔥",
    "🗳️ {n} ✅💯💯",
    "{f}{f} {alias} {f}{f}",
)


def hard_support(rng: random.Random, e: Election, c: Candidate) -> Body:
    """Implicit support: nickname or pair name with a support verb, slang, no number; or
    emoji alone (drawn from its own generator, so that the sets' other draws stay as
    they were)."""
    slots = _slots(rng, e, c)
    lines = _fmt(rng.choice(_templates(HARD, c)), slots)
    pick = random.Random("emoji:" + "|".join(lines))
    if pick.random() < 0.15:
        key = f"{c.number}\ufe0f\u20e3"
        finger = _FINGERS.get(c.number)
        forms = [t for t in EMOJI_SUPPORT if finger or "{f}" not in t]
        line = pick.choice(forms).format(f=finger, k=key, n=c.number, alias=c.aliases[0])
        return Body([line], "hard-support", c.number, hard_text=True, wording=["emoji"])
    lines, applied = stylize(lines, rng, _protect(c))
    return Body(lines, "hard-support", c.number, hard_text=True, wording=applied)


def _protect(c: Candidate) -> list[str]:
    return [*c.people, *c.aliases, *c.firsts, *c.hashtags, *c.slogans]


def poster(rng: random.Random, e: Election, c: Candidate) -> Body:
    """A campaign poster graphic (the pair, their number, slogan, a call to vote), sometimes
    re-shared from a campaign account, with or without a caption of the poster's own."""
    slots = _slots(rng, e, c)
    head = {"Walikota": "WALI KOTA", "Bupati": "BUPATI", "Gubernur": "GUBERNUR"}[e.head]
    place = e.city.upper()
    cta = rng.choice(
        [
            f"PILIH NOMOR {c.number}",
            f"COBLOS NO. {c.number}!",
            f"COBLOS NOMOR {c.number}",
            f"NOMOR URUT {c.number}",
            f"COBLOS {NUMBER_WORDS[c.number].upper()}!",
        ]
    )
    texts = [
        f"PEMILIHAN {head} {place} {e.voting_day[:4]}",
        f"CALON {head} & WAKIL {head}",
        f"0{c.number}",
        c.people[0].upper(),
        c.people[1].upper(),
        c.slogans[0],
        cta,
        c.hashtags[-1],
    ]
    art = {
        "kind": "poster",
        "number": c.number,
        "genders": c.genders,
        "texts": texts,
        "palette": rng.randrange(6),
        "reshare": "",
    }
    if rng.random() < 0.35:
        handle = rng.choice(
            [f"relawan.{c.acronym.lower()}", f"{c.acronym.lower()}_official", "info_pilkada_"]
        )
        if handle.endswith("_"):
            handle += e.city.lower().replace(" ", "")
        art["reshare"] = handle
        art["texts"] = [handle, *texts]
    caption: list[str] = []
    roll = rng.random()
    if roll < 0.45:
        caption = [
            rng.choice(["Yuk!! {tag}", "Bismillah 🤲", "{acr} 🔥🔥", "Ayo!! 💪", "Gasss {nn}"])
        ]
        caption = _fmt(caption, slots)
    elif roll < 0.6:
        caption = ["Mantap 👍"]
    return Body(caption, "poster", c.number, art=art)


EVERYDAY = [
    ["Selamat pagi, semangat bekerja!"],
    ["Jangan lupa bahagia 😊"],
    ["Selamat Hari Guru Nasional 🙏", "Terima kasih guruku"],
    ["Alhamdulillah", "Jumat berkah 🙏"],
    ["Semangat Senin!", "💪"],
    ["Selamat Hari Pahlawan", "10 November"],
    ["Apel pagi bersama", "keluarga besar {unit}"],
    ["HUT KORPRI ke-53", "ASN Bangga Melayani Bangsa"],
    ["Selamat ulang tahun anakku sayang", "😊"],
    ["Ngopi dulu biar gak ngantuk ☕"],
    ["Hujan terus, jaga kesehatan ya 🙏"],
    ["Selamat Hari Kesehatan Nasional"],
    ["Weekend bersama keluarga 😊"],
    ["Posyandu hari ini", "Alhamdulillah ramai"],
    ["Terima kasih atas kerja kerasnya tim {short}!", "🔥"],
    ["Selamat menunaikan ibadah", "🙏"],
    ["Bimtek hari ke-2, semangat 📚"],
    ["{city}", "Bimtek hari ke-{k}, semangat 📚"],
    ["Rapat koordinasi di lantai {k}", "kantor {unit}"],
    ["Arisan RT 0{k} hari Minggu", "jam 4 sore ya ibu2 🙏"],
    ["Harga cabai naik lagi", "Rp 45.000/kg 😭"],
    ["Lomba 17an {unit}", "juara {k} lari karung 🏆"],
    ["Alhamdulillah {k} tahun menikah ❤️"],
    ["Kelas {k}B hari ini belajar di luar 🌳"],
    ["Posyandu Balita", "tgl 12 di Balai RW 0{k}"],
    ["Jadwal imunisasi", "Senin, 2 Desember"],
    ["Selamat ulang tahun ke-{k} nak 🎂"],
    ["Lari pagi 5 km 💪", "#sehat"],
    ["Juara {k} lomba senam tingkat kota 🥳"],
    ["Gotong royong RT 0{k} 💪"],
    ["Diskon 50% hari ini aja", "mampir ya 😁"],
    ["Pelayanan KB gratis", "di {unit} 🙏"],
    ["Menuju {unit} yang bersih dan sehat"],
    ["{k} hari lagi libur 😁"],
    ["Try out kelas 6", "semangat anak2 ku 📚"],
    ["Vaksinasi lansia dosis ke-{k}"],
]
NEUTRALITY = [
    ["Netralitas ASN harga mati", "#ASNNetral"],
    ["ASN netral", "Pilkada damai 🙏"],
    ["Saya ASN, saya NETRAL"],
    ["Jaga netralitas ASN", "di Pilkada {year}", "#ASNNetral"],
    ["ASN bukan tim sukses", "#NetralitasASN"],
    ["Tolak politik uang!", "Pilkada damai"],
    ["Pilkada {city} damai, aman dan sejuk 🙏"],
    ["Katakan tidak pada politik uang", "#TolakPolitikUang"],
    ["Bangga melayani bangsa. ASN netral!", "#NetralitasASN"],
    ["Beda pilihan tetap saudara 🤝"],
    ["ASN dilarang like, komen dan share", "konten paslon. Ingat ya!"],
    ["Jgn ajak ASN berpolitik praktis 🙏", "#ASNNetral"],
    ["Siapapun pemenangnya", "{city} tetap satu ❤️"],
    ["Pegawai {unit} siap netral", "di {pil} {year}"],
]
TURNOUT = [
    ["Ayo ke TPS {day}", "gunakan hak pilihmu"],
    ["Jangan golput!", "Datang ke TPS {day}"],
    ["Satu suara menentukan", "masa depan {city}", "Ayo memilih {day}"],
    ["Rabu {day}", "Ayo ke TPS!", "#PilkadaDamai"],
    ["Sudah nyoblos? 😊", "Tinta ungu hari ini"],
    ["Pilih yang terbaik", "sesuai hati nurani 🙏"],
    ["Jangan golput ya", "pilih yg terbaik menurut kalian"],
    ["Sudah nyoblos di TPS 0{k} 🗳️", "Kel. {kel}"],
    ["TPS 0{k} sudah buka", "jam 07.00 sampai 13.00"],
    ["Pemimpin yg amanah", "pilihan rakyat. Ayo ke TPS!"],
    ["Cek DPT kamu", "di cekdptonline.kpu.go.id"],
    ["Suaramu menentukan {city} 5 tahun ke depan"],
]
NEWS = [
    ["KPU tetapkan {count} paslon", "{pil} {city} {year}"],
    ["Debat kedua {pil} {city}", "digelar Sabtu malam di TVRI"],
    ["Bawaslu {city} temukan 12 APK", "melanggar aturan kampanye"],
    ["BREAKING: Bawaslu ingatkan ASN", "tidak boleh foto dgn gaya jari"],
    ['"ASN harus netral," kata Sekda {city}', "Senin (11/11)"],
    ["Masa tenang {pil} dimulai", "hari ini, 24 November {year}"],
    ["Survei: partisipasi pemilih {city}", "ditargetkan 77,5%"],
    ["Logistik pemilu tiba di {city}", "1.254 kotak suara"],
]
KPU_TITLES = [
    "Debat Publik Pasangan Calon {head} dan Wakil {head} {city}",
    "Pasangan Calon Pilkada {city} {year}",
    "Kenali Paslon {head} {city}",
    "Hasil Pengundian Nomor Urut Paslon {city}",
    "KPU {city}: Daftar Pasangan Calon",
]


def _fill(rng: random.Random, lines: list[str], e: Election, unit_short: str) -> list[str]:
    return [
        ln.format(
            city=e.city,
            day=_day(e, rng),
            year=e.voting_day[:4],
            unit=unit_short,
            short=unit_short,
            k=rng.randint(2, 9),
            kel=rng.choice(["Bacang", "Opas", "Semabung", "Lapai", "Koba", "Berok"]),
            pil=e.pil,
            count=len(e.candidates),
            head=_head(rng, e),
        )
        for ln in lines
    ]


def neutral(rng: random.Random, e: Election, unit_short: str) -> Body:
    """ASN everyday content, neutrality appeals, turnout calls, news, KPU-style information
    listing all pairs (text or graphic); numbers that are dates, prices, RT, TPS, floors."""
    roll = rng.random()
    if roll < 0.34:
        body = Body(_fill(rng, rng.choice(EVERYDAY), e, unit_short), "everyday")
    elif roll < 0.50:
        body = Body(_fill(rng, rng.choice(NEUTRALITY), e, unit_short), "neutrality")
    elif roll < 0.65:
        body = Body(_fill(rng, rng.choice(TURNOUT), e, unit_short), "turnout")
    elif roll < 0.74:
        body = Body(_fill(rng, rng.choice(NEWS), e, unit_short), "news")
    elif roll < 0.86:
        return info(rng, e)
    else:
        return kpu_graphic(rng, e)
    body.lines, body.wording = stylize(body.lines, rng, [])
    return body


# A news item shared to a story that names one candidate, neutrally: the outlet's name or
# address, the desk, the headline and the article's time stamp, each on its line.
NEWS_OUTLETS = ["{city}Terkini.com", "kabar{town}.id", "Warta {city}", "{city} Pos Online",
                "tribun{town}.com", "Suara {city}"]  # fmt: skip
NEWS_DESKS = ["POLITIK", "PILKADA 2024", "REGIONAL", "Berita Daerah", ""]
NEWS_NAMING = [
    "Calon {head} {name} jalani tes kesehatan di RSUD",
    "{name} sambangi pasar tradisional, dengar keluhan pedagang",
    "KPU verifikasi berkas {name}, hasil diumumkan pekan depan",
    "Bawaslu panggil tim {name} soal baliho di jalan protokol",
    "Harta kekayaan {name} capai Rp 4,2 miliar",
    "{name} laporkan dana awal kampanye ke KPU {city}",
]


def news_naming_one(rng: random.Random, e: Election) -> Body:
    """A news card naming one candidate (a health check, a market visit, a report to the
    KPU): information, not support, whoever shares it."""
    who = rng.choice(e.candidates)
    town = e.city.lower().replace(" ", "")
    fill = {"city": e.city, "town": town, "head": _head(rng, e), "name": who.people[0]}
    day = rng.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat"])
    stamp = f"{day}, {rng.randint(1, 26)} Nov 2024 {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d} WIB"
    lines = [rng.choice(NEWS_OUTLETS).format(**fill), rng.choice(NEWS_DESKS)]
    lines += [
        rng.choice(NEWS_NAMING).format(**fill),
        rng.choice([stamp, f"({rng.randint(1, 26)}/11)", ""]),
    ]
    return Body([line for line in lines if line], "news")


# An ASN greeting or thanking someone who shares a candidate's given name, called as the
# pair's nickname calls the candidate ("Selamat ulang tahun Pak Jun", "Terima kasih Kak
# Husnul"), or mentioning them at work: a namesake, not a campaign.
NAMESAKE_GREETINGS = [
    "Selamat ulang tahun {addr}, sehat selalu 🎂",
    "Terima kasih {addr} atas oleh-olehnya",
    "Turut berduka cita atas wafatnya ayahanda {addr}",
    "Selamat pagi {addr}, semangat kerjanya",
    "Selamat purna tugas {addr}, terima kasih atas bimbingannya",
    "Rapat koordinasi bersama {addr} dari {unit}",
    "Makan siang bareng {addr} dan tim {unit}",
]


def namesake_greeting(rng: random.Random, e: Election, unit_short: str) -> Body:
    """A greeting or a work note to a colleague named like a candidate (`NAMESAKE_GREETINGS`),
    called by the pair's nickname when it has one, else by an honorific and the given name."""
    c = rng.choice(e.candidates)
    k = rng.randrange(len(c.people))
    given = c.firsts[k]
    honorific = rng.choice(["Pak", "Bang", "Mas"] if c.genders[k] == 1 else ["Bu", "Kak", "Mbak"])
    addr = c.nick if c.nick and k == 0 and rng.random() < 0.6 else f"{honorific} {given}"
    line = rng.choice(NAMESAKE_GREETINGS).format(addr=addr, unit=unit_short)
    return Body([line], "namesake-greeting")


def info(rng: random.Random, e: Election) -> Body:
    """Election-commission style information naming every pair: not support."""
    lines = [_fill(rng, [rng.choice(KPU_TITLES)], e, "")[0]]
    for c in e.candidates:
        sep = rng.choice([" - ", " & ", "-"])
        num = rng.choice([f"{c.number}.", f"0{c.number}", f"No. {c.number}"])
        lines.append(f"{num} {c.people[0]}{sep}{c.people[1]}")
    if len(e.candidates) == 1:
        lines.append("Melawan kolom kosong")
    lines.append(
        rng.choice(
            [
                f"Pemungutan suara {_day(e)}",
                "Info: KPU",
                "Ayo gunakan hak pilih",
                f"Ayo ke TPS {_day(e)}",
            ]
        )
    )
    return Body(lines, "info")


def kpu_graphic(rng: random.Random, e: Election) -> Body:
    """A KPU or Bawaslu graphic that names every pair (like samples-b 0011): not support."""
    head = {"Walikota": "Wali Kota", "Bupati": "Bupati", "Gubernur": "Gubernur"}[e.head]
    org = rng.choice(["KPU", "KPU", "Bawaslu"])
    level = e.region.split()[0]
    y, m, d = e.voting_day.split("-")
    weekday = ["SENIN", "SELASA", "RABU", "KAMIS", "JUMAT", "SABTU", "MINGGU"][
        dt.date(int(y), int(m), int(d)).weekday()
    ]
    texts = [
        f"{org} {level} {e.city}",
        rng.choice(["JANGAN LUPA MEMILIH!", "AYO KE TPS!", "KENALI PASLONMU"]),
        f"Pemilihan {head} dan Wakil {head} {e.city} {y}",
        f"{weekday}, {int(d)} {MONTHS.get(m, (m, m))[0].upper()} {y}",
    ]
    pairs = [f"{c.number} {c.people[0]} - {c.people[1]}" for c in e.candidates]
    texts += pairs
    if len(e.candidates) == 1:
        texts.append("Kolom Kosong")
    texts += [
        "TPS buka pukul 07.00 WIB",
        rng.choice(["Bawa KTP-el dan surat pemberitahuan", "ASN wajib netral"]),
        rng.choice(["#PemilihBerdaulatNegaraKuat", "#PilkadaDamai", "#AyoMemilih"]),
    ]
    art = {
        "kind": "kpu",
        "texts": texts,
        "pairs": [(c.number, c.people[0], c.people[1], c.genders) for c in e.candidates],
        "palette": rng.randrange(3),
    }
    caption = [rng.choice(["Info dari KPU", "Jangan lupa ya 🙏", "Yuk ke TPS"])]
    return Body(caption if rng.random() < 0.6 else [], "info", art=art)


def ballot_photo(rng: random.Random, e: Election, c: Candidate | None) -> Body:
    """A photo of a sample ballot, shrunk and usually turned (blindgen draws them so): one
    pair circled with a red label urging it (`c`), or the commission's specimen stamped
    "CONTOH" (`c` None), perhaps with the valid vote it teaches circled. The caption is the
    sharer's. Drawn by `art.draw_ballot`; the turn and size are set by the dataset."""
    head = _head(rng, e).upper()
    texts = [f"SURAT SUARA PEMILIHAN {head} DAN WAKIL {head}",
             f"{e.city.upper()} TAHUN {e.voting_day[:4]}"]  # fmt: skip
    for x in e.candidates:
        texts += [str(x.number), f"{x.people[0]} - {x.people[1]}".upper()]
    mark = c.number if c is not None else None
    if c is not None:
        texts.append(rng.choice([f"COBLOS NOMOR {c.number}!", f"COBLOS NO {c.number}",
                                 f"0{c.number} ✓"]))  # fmt: skip
        caption = rng.choice(["Jangan sampai salah ya", "Ini caranya 👇", ""])
    else:
        texts.append("CONTOH")
        if rng.random() < 0.4:
            mark = rng.choice(e.candidates).number
            caption = "Contoh coblosan yang sah 👇"
        else:
            caption = rng.choice(["Contoh surat suara, pelajari ya", "Jangan golput ya 🙏"])
    art = {
        "kind": "ballot",
        "texts": texts,
        "pairs": [(x.number, x.genders) for x in e.candidates],
        "mark": mark,
    }
    content = "support" if c is not None else "info"
    return Body([caption] if caption else [], content, mark if c else None, art=art)
