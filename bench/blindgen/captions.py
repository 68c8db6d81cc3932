"""What a story says: support for a pair (plain or hard), or something that backs no one.

Wording is written for this generator: Indonesian status language with slang, regional
dialect (Javanese, Medan, Minang, Makassar, Kupang/Ambon, Pontianak Malay, Banjar, Sasak),
emojis and hand-sign symbols. Neutral content deliberately includes election words (TPS,
paslon, nomor, KPU lists naming every pair, news) so that words alone do not decide.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .election import Candidate, Election

GESTURE = {1: "☝️", 2: "✌️", 3: "🤟", 4: "🖐️"}
WORD = {1: "satu", 2: "dua", 3: "tiga", 4: "empat"}
KEYCAP = {1: "1️⃣", 2: "2️⃣", 3: "3️⃣", 4: "4️⃣"}


@dataclass
class Content:
    """A story's own words and, for graphic stories, what the graphic shows."""

    caption: str
    supports: int | None
    kind: str
    graphic: str = ""  # "", poster, twibbon, ballot, kpu, news, banner
    fields: dict[str, str] = field(default_factory=dict)


EASY = (
    "Coblos nomor {N}!\n{P0} – {P1}\n{S}",
    "Ayo dukung paslon nomor urut {N}, {ACR} 💪\n{H}",
    "Bismillah, {ACR} nomor {N} menang satu putaran 🤲",
    "{DAY} jangan lupa coblos no. {N} ya {G}\n{P0} & {P1}",
    "Salam {W} jari {G}\n{ACR} untuk {R}!",
    "Kita menangkan {P0}-{P1}!\n{H}",
    "{R} butuh pemimpin yang peduli.\n{ACR} jawabannya. Coblos {NN}!",
    "Dukung penuh {NICK}, nomor urut {NN} 🔥",
    "Deklarasi relawan {ACR} Kec. {KEC} hari ini 🔥\nNomor {N} menang!",
    "Hadir di kampanye akbar {ACR} di {PLACE} 🔥🔥\nNo {N} pasti menang",
    "Doakan {P0} amanah & menang 🙏\n{H}",
    "Insya Allah {DAY} kita coblos {ACR} nomor {N} 🙏",
    "Bapak ibu, mari pilih {P0} - {P1} nomor urut {N}.\n{S}!",
    "Jangan salah pilih! {G} {NN} {ACR} {G}",
    "Terima kasih {NICK} sudah mampir ke {PLACE}. Sukses nomor {N}! 🙏",
    "{ACR} for {R}! Pilih {N}, pilih yang pasti",
    "Sudah mantap hati: nomor {N}, {P0} dan {P1} 💯",
    "Yuk rame-rame ke TPS {DAY}, coblos nomor {N} {ACR} ✅",
)

HARD_NICK = (
    "{NICK} pasti menang 💪",
    "Gass {NICK}!! 🔥🔥",
    "Cuma {NICK} yg bisa 👍",
    "{NICK} di hati 💚",
    "Semoga {NICK} amanah, kami siap menangkan 🙏",
    "Bersama {NICK} sampai menang",
)
HARD_TAG = ("{H}", "{H} {H2}", "{ACR} 🔥", "{S} 💪", "{ACR}!!!", "✅ {ACR}", "{H} 🙏")
HARD_EMOJI = (
    "{G}{G}{G} {NN} 🔥🔥🔥",
    "🗳️ {N} ✅💯💯",
    "{ACR} 🔥💪🔥💪 {G}",
    "{G} {K} 🔥",
    "💯 {K} 💯 {K} 💯",
    "{G}{G} {ACR} {G}{G}",
)
HARD_SLANG = (
    "gaspoll {acr} wkwk 😎",
    "udh fix no {N} lah, gk ada obat 😂",
    "all in {acr}!! jgn smpe slh coblos ya gaes",
    "sikat {NN} 🔥 yg lain minggir",
    "{acr} tuh the best sih, no debat",
    "otw menang {NN} 💯",
    "fix pilih {N} dong, yg lain ga jelas 🙄",
    "gw mah {acr} garis keras 😤",
    "kl ditanya pilih siapa ya jelas {NN} lah 😁",
)
DIALECT: dict[str, tuple[str, ...]] = {
    "jawa": (
        "Monggo dulur, coblos nomor {N} 🙏",
        "Wis pokoke {ACR}, nomer {N}!",
        "Ojo lali {DAY} nyoblos nomer {N} {G}",
    ),
    "jatim": ("Ayo rek, coblos nomer {N}! {ACR} mantap cak", "Gak onok liyane, {ACR} nomer {N} 🔥"),
    "medan": (
        "Awak pilih nomor {N}, kelen kek mana? 😁",
        "Horas! {ACR} nomor {N} pasti menang",
        "Pokoknya {NN}lah, mantap kali {ACR} ini",
    ),
    "minang": ("Ambo piliah nomor {N}, sanak! Ayo basamo {ACR}", "Ka TPS, coblos nomor {N}! {ACR}"),
    "makassar": (
        "Ayo mi pilih nomor {N}, {ACR} ji paling mantap 👍",
        "Nomor {N} mi, tidak ada lagi yang lain ces",
        "Sipakatau sipakalebbi. {ACR} nomor {N}!",
    ),
    "timur": (
        "Beta pilih nomor {N}, sonde ada yang lain!",
        "Katong samua pilih nomor {N}, pasti manang! 🔥",
        "Ale deng beta satu suara: {ACR} nomor {N}",
        "Basudara, mari katong kawal {ACR} nomor {N}",
    ),
    "melayu": (
        "Kamek pilih nomor {N}, ayok lah kite menangkan {ACR}",
        "Same-same kite, nomor {N}!",
    ),
    "banjar": (
        "Ulun pilih nomor {N}, kada salah lagi! {ACR} bungas 👍",
        "Ayo dingsanak, coblos nomor {N}",
    ),
    "sasak": ("Ayo semeton, pilih nomor {N}! {ACR} 💪", "Tiang pilih nomor {N}, {ACR} for {R}"),
}

DAILY = (
    "Selamat pagi, semangat Senin 💪",
    "Alhamdulillah rapat evaluasi triwulan III selesai",
    "Otw kantor, hujan deres bgt 🌧️",
    "Ngopi dulu sebelum apel ☕",
    "Makan siang bareng tim {U} 🍜",
    "Posyandu balita hari ini di Kel. {KEL}, 42 balita hadir",
    "Hari ke-2 bimtek SIPD, semangat! 📚",
    "Kerja bakti bersihkan saluran air Kec. {KEC} 🧹",
    "Mohon doanya, ibu sedang dirawat di RS 🙏",
    "HBD anakku yg ke-5 🎂🎈",
    "Senam pagi Jumat sehat bersama keluarga besar {U}",
    "Apel pagi jam 07.30 di halaman kantor",
    "Kelas 2B juara 1 lomba kebersihan kelas 🏆",
    "Rapat koordinasi pukul 14.00, ruang rapat lt. 2",
    "Pelayanan KTP-el keliling di Kec. {KEC} sampai jam 3 sore",
    "Me time dulu 😌",
    "Nikmat mana lagi yang kau dustakan 🌅",
    "Capek tapi bahagia 🥰",
    "Lembur lagi, laporan akhir tahun belum kelar 😩",
    "Selamat datang siswa baru! MPLS hari pertama",
    "Terima kasih tim {U} atas kerja kerasnya tahun ini 🙏",
    "Pulang kampung dulu 🚗",
    "Ujian praktik kelas 9 berjalan lancar",
    "Vaksinasi anak sekolah di SD wilayah kerja kami ✅",
)
RELIGIOUS = (
    "Jumat berkah 🤲\nSemoga hari ini penuh kebaikan",
    "Selamat Hari Guru Nasional\n25 November 2024\nGuru hebat, Indonesia kuat 🇮🇩",
    "Selamat Hari Pahlawan 10 November 🇮🇩",
    "Selamat Hari Kesehatan Nasional ke-60\n12 November 2024",
    "Allahumma sholli 'ala sayyidina Muhammad 🤲",
    "Tuhan Yesus memberkati 🙏\nSelamat hari Minggu",
    "Selamat memperingati Maulid Nabi Muhammad SAW 1446 H",
    "HUT KORPRI ke-53\nBersatu, berdaulat, mewujudkan Indonesia maju",
    "Selamat Hari Santri 22 Oktober 2024",
    "Rahajeng Galungan lan Kuningan 🙏",
)
NEUTRALITY = (
    "ASN harus netral!\nNetralitas ASN harga mati",
    "Kami ASN {R} siap menjaga netralitas dalam Pilkada 2024\n#ASNNetral",
    "Jangan like, jangan share, jangan komen konten paslon.\nASN netral 👍",
    "ASN bijak bermedsos, netral di Pilkada {YEAR}",
    "Ikrar netralitas ASN hari ini di aula kantor bupati/wali kota",
    "Sosialisasi netralitas ASN bersama Bawaslu {R} 📋",
    "Siapapun pilihanmu, kita tetap bersaudara 🤝\n#PilkadaDamai",
    "Beda pilihan boleh, bermusuhan jangan ✋",
)
TURNOUT = (
    "Ayo ke TPS {DAY}!\nGunakan hak pilihmu 🗳️",
    "Jangan golput ya, satu suara menentukan",
    "TPS {TPS} Kel. {KEL} buka jam 07.00\nBawa KTP & undangan",
    "Pilkada damai, tolak politik uang ✋",
    "Sudah cek namamu di DPT? cekdptonline.kpu.go.id",
    "Sudah nyoblos 💜 jari ungu\n#PilkadaDamai",
    "Datang ke TPS, pilih sesuai hati nurani 🗳️",
    "Petugas KPPS TPS {TPS} siap melayani! 💪",
)


def _vars(rng: random.Random, e: Election, c: Candidate, place: dict[str, str]) -> dict[str, str]:
    others = [h for h in c.hashtags]
    rng.shuffle(others)
    return {
        "N": str(c.number),
        "NN": f"{c.number:02d}",
        "P0": c.people[0],
        "P1": c.people[1],
        "ACR": c.acronym,
        "acr": c.acronym.lower(),
        "NICK": rng.choice(c.nicknames),
        "S": rng.choice(c.slogans),
        "H": others[0],
        "H2": others[-1],
        "G": GESTURE[c.number],
        "W": WORD[c.number],
        "K": KEYCAP[c.number],
        "R": e.region_short,
        "DAY": e.day_text,
        **place,
    }


def support(
    rng: random.Random, e: Election, c: Candidate, place: dict[str, str], dialect: str, hard: bool
) -> Content:
    """Words backing pair `c`: plain for clear positives, alias/slang/emoji forms if hard."""
    v = _vars(rng, e, c, place)
    if not hard:
        r = rng.random()
        if r < 0.22:
            return Content(rng.choice(EASY[:6]).format(**v), c.number, "support:poster", "poster")
        if r < 0.3:
            return Content(
                rng.choice(["", "Bismillah 🙏", "Siap menangkan!"]),
                c.number,
                "support:twibbon",
                "twibbon",
            )
        if r < 0.4:
            return Content(rng.choice(DIALECT[dialect]).format(**v), c.number, "support:dialect")
        return Content(rng.choice(EASY).format(**v), c.number, "support:text")
    kind = rng.choices(
        ["nick", "tag", "emoji", "slang", "dialect", "ballot", "poster_small"],
        [0.2, 0.2, 0.15, 0.17, 0.12, 0.08, 0.08],
    )[0]
    table = {"nick": HARD_NICK, "tag": HARD_TAG, "emoji": HARD_EMOJI, "slang": HARD_SLANG}
    if kind == "dialect":
        return Content(rng.choice(DIALECT[dialect]).format(**v), c.number, "hard:dialect")
    if kind == "ballot":
        return Content(
            rng.choice(["", "Jangan sampai salah ya", "Ini caranya 👇"]),
            c.number,
            "hard:ballot",
            "ballot",
        )
    if kind == "poster_small":
        return Content(rng.choice(["", "🔥", "Siap!"]), c.number, "hard:poster", "poster")
    return Content(rng.choice(table[kind]).format(**v), c.number, f"hard:{kind}")


def neutral(rng: random.Random, e: Election, place: dict[str, str], unit_short: str) -> Content:
    """Content that backs no pair, election words included."""
    v = {
        "U": unit_short,
        "R": e.region_short,
        "DAY": e.day_text,
        "YEAR": str(e.voting_day.year),
        "TPS": f"{rng.randint(1, 38):03d}" if rng.random() < 0.5 else str(rng.randint(1, 38)),
        **place,
    }
    kind = rng.choices(
        ["daily", "religious", "neutrality", "turnout", "kpu", "news", "specimen", "banner"],
        [0.3, 0.14, 0.13, 0.14, 0.1, 0.08, 0.04, 0.07],
    )[0]
    if kind == "kpu":
        return Content(
            rng.choice(["", "Kenali calonnya 👇", "Info dari KPU"]), None, "neutral:kpu", "kpu"
        )
    if kind == "news":
        return Content(rng.choice(["", "Simak beritanya", "📰"]), None, "neutral:news", "news")
    if kind == "specimen":
        return Content(
            rng.choice(["", "Contoh surat suara, pelajari ya"]), None, "neutral:specimen", "ballot"
        )
    if kind == "banner":
        return Content(
            "", None, "neutral:banner", "banner", {"topic": rng.choice(["netral", "damai", "tps"])}
        )
    table = {"daily": DAILY, "religious": RELIGIOUS, "neutrality": NEUTRALITY, "turnout": TURNOUT}
    return Content(rng.choice(table[kind]).format(**v), None, f"neutral:{kind}")


NEWS_NEUTRAL = (
    "KPU {R} tetapkan {K} paslon {O}, nomor urut diundi besok",
    "Debat publik kedua Pilkada {R}: {A} dan {B} adu gagasan soal banjir",
    "Bawaslu {R} tertibkan ratusan APK yang melanggar aturan",
    "{A} dan {B} sama-sama klaim siap kampanye damai",
    "Calon {O} {A} jalani tes kesehatan di RSUD, hasil diumumkan pekan depan",
    "Logistik Pilkada {R} mulai didistribusikan ke {K2} kecamatan",
    "BKN: ASN yang terbukti tidak netral dijatuhi sanksi disiplin berat",
)


def news_headline(rng: random.Random, e: Election) -> str:
    cs = e.candidates
    a, b = rng.sample(cs, 2)
    return rng.choice(NEWS_NEUTRAL).format(
        R=e.region_short,
        K=len(cs),
        K2=rng.randint(5, 24),
        O=e.office,
        A=a.people[0],
        B=b.people[0],
    )
