"""The election a set is about: 2-4 candidate pairs with acronyms, nicknames, slogans, tags.

Candidates are invented per seed from the region's name pools (never a roster name), with
the alias forms campaigns really use: a pair acronym built from syllables of the two names,
a regional honorific nickname ("Bang", "Uda", "Daeng", "Abah", "Bunda"), slogans naming
the region, and hashtags.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .people import PersonName, person_name, pick_pool
from .places import Region

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

HONORIFICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # dialect: (for men, for women)
    "jawa": (("Mas", "Pak", "Gus", "Abah"), ("Mbak", "Bu", "Bunda", "Ning")),
    "jatim": (("Cak", "Mas", "Pak", "Gus"), ("Ning", "Mbak", "Bunda", "Bu")),
    "medan": (("Bang", "Pak", "Amang", "Abah"), ("Kak", "Bunda", "Inang", "Bu")),
    "minang": (("Uda", "Buya", "Pak", "Mamak"), ("Uni", "Bundo", "Bunda", "Bu")),
    "makassar": (("Daeng", "Puang", "Kak", "Abah"), ("Daeng", "Puang", "Bunda", "Kak")),
    "timur": (("Bung", "Om", "Kaka", "Bapa"), ("Usi", "Mama", "Kaka", "Bunda")),
    "melayu": (("Bang", "Pak Long", "Wak", "Abah"), ("Kak", "Mak Long", "Bunda", "Cik")),
    "banjar": (("Abah", "Paman", "Kak", "Guru"), ("Acil", "Bunda", "Umi", "Kak")),
    "sasak": (("Mamiq", "Bang", "Abah", "Tuan Guru"), ("Bunda", "Umi", "Inaq", "Kak")),
}

SLOGANS = (
    "{R} Lebih Baik",
    "Satu Hati Bangun {R}",
    "Kerja Nyata untuk {R}",
    "{R} Berdaya dan Bermartabat",
    "Menuju {R} Emas",
    "Cerdas, Religius, Sejahtera",
    "{R} Tangguh, Rakyat Bahagia",
    "Dari Rakyat untuk {R}",
    "Melanjutkan Kebaikan",
    "{R} Bangkit Bersama",
    "Bersih, Melayani, Merakyat",
    "Jaga {R}, Rawat Persatuan",
    "Muda, Berani, Membangun",
    "{R} Harmonis",
    "Perubahan untuk {R}",
    "Amanah dan Berkeadilan",
)


@dataclass
class Candidate:
    """A pair on the ballot and every name it is called by."""

    number: int
    people: list[str]
    genders: list[str]
    acronym: str
    nicknames: list[str]
    slogans: list[str]
    hashtags: list[str]

    @property
    def aliases(self) -> list[str]:
        first = [_call(p) for p in self.people]
        return [self.acronym, f"{first[0]}-{first[1]}", *self.nicknames]


@dataclass
class Election:
    name: str
    region: str
    region_short: str
    office: str  # "Bupati" | "Wali Kota" | "Gubernur"
    timezone: str
    voting_day: date
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def day_text(self) -> str:
        d = self.voting_day
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def candidate(self, number: int) -> Candidate:
        return next(c for c in self.candidates if c.number == number)


PROVINCE_SHORT = {
    "Daerah Istimewa Yogyakarta": "DIY",
    "Nusa Tenggara Timur": "NTT",
    "Sulawesi Selatan": "Sulsel",
    "Kalimantan Barat": "Kalbar",
    "Sumatera Utara": "Sumut",
    "Maluku": "Maluku",
    "Jawa Timur": "Jatim",
    "Sumatera Barat": "Sumbar",
    "Kalimantan Selatan": "Kalsel",
    "Nusa Tenggara Barat": "NTB",
}


def _syllable(word: str) -> str:
    """The first syllable: leading consonants, a vowel, and a closing consonant if any."""
    w = "".join(ch for ch in word.lower() if ch.isalpha())
    i = 0
    while i < len(w) and w[i] not in "aeiou":
        i += 1
    end = i + 1
    if (end + 1 < len(w) and w[end] not in "aeiou" and w[end + 1] not in "aeiou") or end + 1 == len(
        w
    ):
        end += 1
    return w[:end]


def _call(name: str) -> str:
    return PersonName(name, "L").call


def _acronym(a: str, b: str, rng: random.Random) -> str:
    """Pair acronyms the way campaigns coin them: 'Su'+'Ra' -> SURA, 'Mas'+'Gun' -> MASGUN."""
    ca, cb = _call(a), _call(b)
    style = rng.random()
    if style < 0.6:
        acr = _syllable(ca) + _syllable(cb)
    elif style < 0.8:
        acr = ca[:2] + cb[:2]
    else:
        acr = _syllable(ca) + cb[:3]
    if len(acr) < 4:
        acr += cb[len(_syllable(cb)) : len(_syllable(cb)) + 2]
    return acr.upper()


def build_election(region: Region, rng: random.Random, taken_names: set[str]) -> Election:
    """A Pilkada with 2-4 pairs; a quarter of the seeds use the governor's race instead."""
    if rng.random() < 0.25 and region.province != "Daerah Istimewa Yogyakarta":
        office, scope = "Gubernur", f"Provinsi {region.province}"
        short = PROVINCE_SHORT.get(region.province, region.province)
        name = rng.choice(
            [
                f"Pilgub {region.province} 2024",
                f"Pemilihan Gubernur dan Wakil Gubernur {region.province} 2024",
            ]
        )
    else:
        office = "Wali Kota" if region.is_city else "Bupati"
        scope, short = region.name, region.short
        name = rng.choice(
            [
                f"Pilkada {region.name} 2024",
                f"Pemilihan {office} dan Wakil {office} {region.short} 2024",
            ]
        )
    day = date(2024, 11, 27)
    if office != "Gubernur" and rng.random() < 0.05:
        day = date(2025, 8, 27)
        name = f"Pemilihan Ulang {office} dan Wakil {office} {region.short} 2025"
    election = Election(name, scope, short, office, region.timezone, day)
    men, women = HONORIFICS[region.dialect]
    acronyms: set[str] = set()
    used_calls: set[str] = set()
    slogans = list(SLOGANS)
    rng.shuffle(slogans)
    for number in range(1, rng.choice([2, 3, 3, 3, 4]) + 1):
        genders = ["L" if rng.random() < 0.85 else "P", "L" if rng.random() < 0.7 else "P"]
        people = []
        for g in genders:
            while True:
                n = person_name(rng, pick_pool(rng, region), g).full
                toks = n.split()
                if (
                    n not in taken_names
                    and 2 <= len(toks) <= 3
                    and "." not in n
                    and (len(toks) == 2 or rng.random() < 0.3)
                    and _call(n) not in used_calls
                ):
                    used_calls.add(_call(n))
                    taken_names.add(n)
                    people.append(n)
                    break
        acr = _acronym(people[0], people[1], rng)
        for _ in range(10):
            if acr not in acronyms:
                break
            acr = _acronym(people[0], people[1], rng)
        if acr in acronyms:
            acr += str(number)
        acronyms.add(acr)
        nick_head = f"{rng.choice(men if genders[0] == 'L' else women)} {_call(people[0])}"
        nicks = [nick_head]
        if rng.random() < 0.5:
            nicks.append(f"{rng.choice(men if genders[1] == 'L' else women)} {_call(people[1])}")
        cap = acr.capitalize()
        first = [_call(p) for p in people]
        region_tag = short.replace(" ", "")
        tags = [
            rng.choice([f"#{cap}Menang", f"#{cap}{number:02d}", f"#{cap}Pasti", f"#Pilih{cap}"]),
            rng.choice([f"#{first[0]}{first[1]}", f"#{cap}Untuk{region_tag}", f"#Coblos{number}"]),
        ]
        if rng.random() < 0.4:
            tags.append(f"#{region_tag}{rng.choice(['Baru', 'Maju', 'Hebat', 'Berkah'])}")
        slogan = [slogans.pop().format(R=short)]
        election.candidates.append(Candidate(number, people, genders, acr, nicks, slogan, tags))
    return election


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join('"' + s.replace('"', '\\"') + '"' for s in items) + "]"


def write_election(path: Path, e: Election) -> None:
    lines = [
        "[election]",
        f'name = "{e.name}"',
        f'region = "{e.region}"',
        f'timezone = "{e.timezone}"',
        f"voting_day = {e.voting_day.isoformat()}",
    ]
    for c in e.candidates:
        lines += [
            "",
            "[[candidates]]",
            f"number = {c.number}",
            f"people = {_toml_list(c.people)}",
            f"aliases = {_toml_list(c.aliases)}",
            f"slogans = {_toml_list(c.slogans)}",
            f"hashtags = {_toml_list(c.hashtags)}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
