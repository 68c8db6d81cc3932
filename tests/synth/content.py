"""Story texts by category. Each returns a `Body`: the logical lines and what they mean."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .election import NUMBER_WORDS, Candidate, Election

GESTURE = {1: "☝️", 2: "✌️"}


@dataclass
class Body:
    lines: list[str]
    content: str  # support | hard-support | everyday | neutrality | turnout | info
    supports: int | None = None
    scales: list[float] = field(default_factory=list)  # per-line size factor (1.0 default)
    hard_text: bool = False  # the support is only implicit (nickname, slang)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _hon(gender: int, rng: random.Random) -> str:
    return rng.choice(["pak", "Pak", "bapak"]) if gender == 1 else rng.choice(["bu", "Bu", "ibu"])


def _day(election: Election) -> str:
    _y, m, d = election.voting_day.split("-")
    mon = {"11": "Nov", "08": "Agustus"}.get(m, m)
    return f"{int(d)} {mon}"


def support(rng: random.Random, e: Election, c: Candidate) -> Body:
    """Explicit support: number, gesture, acronym, full names, slogan or hashtag."""
    n, word = c.number, NUMBER_WORDS[c.number]
    p1, p2 = c.people
    acr, pair, slogan, tag = c.acronym, c.pair, c.slogans[0], rng.choice(c.hashtags)
    g = GESTURE.get(n, rng.choice(["💪", "🔥"]))
    t = rng.randrange(14)
    if t == 0:
        lines = [f"Nomor urut {n}", f"{p1} - {p2}", slogan, tag]
    elif t == 1:
        lines = [f"Coblos No. {n}!", f"{acr} {rng.choice(['Menang', 'Juara', 'Pasti Menang'])} {g}"]
    elif t == 2:
        lines = [f"Salam {word} jari {g}", f"{acr} yg terbaik"]
    elif t == 3:
        return Body(
            [f"0{n}", rng.choice(["Menang!", "MENANG!", "Pasti Menang!"])], "support", n, [2.6, 1.0]
        )
    elif t == 4:
        lines = [
            f"{p1}",
            f"{e.head} {e.city} {e.voting_day[:4]}-{int(e.voting_day[:4]) + 5}",
            f"Coblos {n}",
        ]
    elif t == 5:
        lines = [f"Bismillah {pair} coblos nomor {n} tgl {_day(e)}"]
    elif t == 6:
        lines = [f"Gaspol {acr}!! Menangkan Paslon {n} {g}", tag]
    elif t == 7:
        lines = [f"Ayo pilih nomor urut {word}", f"{p1} & {p2}", rng.choice(["🔥🔥", "💪", "🙏"])]
    elif t == 8:
        lines = [f"{slogan}!", f"Coblos nomor urut 0{n} {pair}"]
    elif t == 9:
        lines = [f"Relawan {acr} siap memenangkan paslon {n}", tag]
    elif t == 10:
        lines = [f"{acr} satu putaran!", f"Nomor {n} {g}", tag]
    elif t == 11:
        lines = [f"Tanggal {_day(e)} jangan lupa coblos {word}", f"{pair} {g}"]
    elif t == 12:
        lines = [f"Dukung {p1}", f"{e.head} {e.city}", f"No. {n}"]
    else:
        lines = [
            f"{tag} {c.hashtags[0] if tag != c.hashtags[0] else c.hashtags[1]}",
            f"Pilih {acr} nomor {n}",
        ]
    return Body(lines, "support", n)


def hard_support(rng: random.Random, e: Election, c: Candidate) -> Body:
    """Implicit support: nickname or pair name with a support verb, slang, no number."""
    f1, f2 = c.firsts
    h1 = _hon(c.genders[0], rng)
    acr, pair = c.acronym, c.pair
    t = rng.randrange(12)
    lines = [
        [f"mari dukung {h1} {f1} 🙏"],
        [f"{pair} lanjutkan!!"],
        [f"gaspol {acr} 🔥🔥"],
        [f"{f1} 2 periode!!", "💪"],
        [f"all in {h1} {f1}", "kita kawal sampai menang"],
        [f"doakan {h1} {f1} menang ya 🙏"],
        [f"{acr} pasti menang", "yakin 💯"] if rng.random() < 0.5 else [f"{acr} pasti menang"],
        [f"insyaAllah {h1} {f1} amanah", "lanjutkan!"],
        [f"Bersama {f1} & {f2}", "kita menangkan!"],
        [f"{f1}-{f2} yg terbaik utk {e.city} 🔥"],
        [f"sdh mantap pilihan ke {h1} {f1} 👍"],
        [f"{acr}!! {acr}!! {acr}!!", "gas terus 💪"],
    ][t]
    return Body(lines, "hard-support", c.number, hard_text=True)


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
]
TURNOUT = [
    ["Ayo ke TPS {day}", "gunakan hak pilihmu"],
    ["Jangan golput!", "Datang ke TPS {day}"],
    ["Satu suara menentukan", "masa depan {city}", "Ayo memilih {day}"],
    ["Rabu {day}", "Ayo ke TPS!", "#PilkadaDamai"],
    ["Sudah nyoblos? 😊", "Tinta ungu hari ini"],
]


def _fill(lines: list[str], e: Election, unit_short: str) -> list[str]:
    y = e.voting_day[:4]
    return [
        ln.format(city=e.city, day=_day(e), year=y, unit=unit_short, short=unit_short)
        for ln in lines
    ]


def neutral(rng: random.Random, e: Election, unit_short: str) -> Body:
    """ASN everyday content, neutrality appeals, turnout calls, KPU-style info listing all pairs."""
    roll = rng.random()
    if roll < 0.38:
        return Body(_fill(rng.choice(EVERYDAY), e, unit_short), "everyday")
    if roll < 0.56:
        return Body(_fill(rng.choice(NEUTRALITY), e, unit_short), "neutrality")
    if roll < 0.72:
        return Body(_fill(rng.choice(TURNOUT), e, unit_short), "turnout")
    return info(rng, e)


def info(rng: random.Random, e: Election) -> Body:
    """Election-commission style information naming every pair: not support."""
    title = rng.choice(
        [
            f"Debat Publik Pasangan Calon {e.head} dan Wakil {e.head} {e.city}",
            f"Pasangan Calon Pilkada {e.city} {e.voting_day[:4]}",
            f"Kenali Paslon {e.head} {e.city}",
            f"Hasil Pengundian Nomor Urut Paslon {e.city}",
        ]
    )
    lines = [title]
    for c in e.candidates:
        sep = rng.choice([" - ", " & ", "-"])
        lines.append(f"{c.number}. {c.people[0]}{sep}{c.people[1]}")
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
