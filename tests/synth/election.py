"""Random candidate pairs (number, people, acronym, slogans, hashtags) and the election.toml."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from .people import REGIONS

CAND_MALE = [
    "Gamani",
    "Ridwan",
    "Maulan",
    "Saparudin",
    "Erzaldi",
    "Syahrial",
    "Bustami",
    "Zuhri",
    "Tarmizi",
    "Ramlan",
    "Rustam",
    "Marzuki",
    "Jamaludin",
    "Darwis",
    "Sofyan",
    "Herman",
    "Junaidi",
    "Hasbi",
    "Mahyudin",
    "Lukman",
    "Oktaf",
    "Efendi",
    "Tobari",
    "Kemal",
    "Wiranto",
    "Zulkarnain",
    "Pahlevi",
    "Yogi",
]
CAND_FEMALE = [
    "Nabila",
    "Dalima",
    "Mitra",
    "Ana",
    "Hellyana",
    "Rosita",
    "Marlina",
    "Yustina",
    "Fatmawati",
    "Zuraida",
    "Kamelia",
    "Sumarni",
    "Julaiha",
    "Farida",
    "Husnul",
    "Elvira",
    "Omah",
    "Ivana",
    "Qori",
    "Lilis",
]
CAND_SURNAMES = [
    "Napitupulu",
    "Latupono",
    "Puspita",
    "Mardhiyah",
    "Mandasari",
    "Rosalina",
    "Djohan",
    "Batubara",
    "Hamzah",
    "Syarif",
    "Alamsyah",
    "Ibrahim",
    "Rasyid",
    "Mukti",
    "Sudrajat",
    "Amri",
    "Zainuddin",
    "Kahar",
    "Bakri",
    "Umar",
    "Yasin",
    "Darmawan",
    "Sanjaya",
    "Permana",
]
SLOGANS = [
    "{city} Hebat Untuk Semua",
    "Lanjutkan Pembangunan Nyata",
    "{city} Maju Bersama",
    "Bersama Membangun {city}",
    "{city} Bangkit",
    "Amanah dan Merakyat",
    "{city} Sejahtera dan Religius",
    "Kerja Nyata untuk Rakyat",
    "Sehati Membangun Negeri",
    "Bersih, Peduli, Melayani",
    "{city} Juara",
    "Dari Rakyat untuk Rakyat",
]
NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}


@dataclass
class Candidate:
    number: int
    people: list[str]
    genders: list[int]
    aliases: list[str]
    slogans: list[str]
    hashtags: list[str]

    @property
    def firsts(self) -> list[str]:
        return [p.split()[0] for p in self.people]

    @property
    def acronym(self) -> str:
        return self.aliases[0]

    @property
    def pair(self) -> str:
        return self.aliases[1]

    @property
    def nick(self) -> str | None:
        """A campaign nickname ("Bang Zul", "Bunda Nabila"), when the pair has one."""
        return self.aliases[2] if len(self.aliases) > 2 else None


@dataclass
class Election:
    name: str
    region: str
    head: str  # "Walikota" / "Bupati" / "Gubernur"
    city: str
    voting_day: str
    candidates: list[Candidate]

    @property
    def head_word(self) -> str:
        """The office as people write it ("Wali Kota" or "Walikota", "Bupati", "Gubernur")."""
        return self.head

    @property
    def pil(self) -> str:
        """The election's everyday name: Pilwako, Pilbup, Pilgub."""
        return {"Walikota": "Pilwako", "Bupati": "Pilbup", "Gubernur": "Pilgub"}.get(
            self.head, "Pilkada"
        )

    def candidate(self, number: int) -> Candidate:
        return next(c for c in self.candidates if c.number == number)


def make_election(rng: random.Random, region: str) -> Election:
    info = REGIONS[region]
    k = rng.choices([1, 2, 3, 4], weights=[1, 3, 4, 2])[0]
    males, females = CAND_MALE[:], CAND_FEMALE[:]
    surnames = CAND_SURNAMES[:]
    rng.shuffle(males)
    rng.shuffle(females)
    rng.shuffle(surnames)
    slogans = SLOGANS[:]
    rng.shuffle(slogans)
    used_acr: set[str] = set()
    cands = []
    for i in range(k):
        genders = [1 if rng.random() < 0.7 else 2, 1 if rng.random() < 0.6 else 2]
        firsts = [(males if g == 1 else females).pop() for g in genders]
        lasts = [surnames.pop(), surnames.pop() if rng.random() < 0.85 else ""]
        if not lasts[1] and rng.random() < 0.5:
            lasts[1] = lasts[0]  # relatives share a surname, like "Nabila/Dalima Puspita"
        people = [f"{f} {s}".strip() for f, s in zip(firsts, lasts, strict=True)]
        n = 2
        acr = (firsts[0][:n] + firsts[1][:n]).upper()
        while acr in used_acr:
            n += 1
            acr = (firsts[0][:n] + firsts[1][:2]).upper()
        used_acr.add(acr)
        pair = f"{firsts[0]}-{firsts[1]}"
        slogan = slogans.pop().format(city=info["city"])
        tags = [f"#{acr.capitalize()}Menang", f"#{firsts[0]}{firsts[1]}"]
        aliases = [acr, pair]
        if rng.random() < 0.6:
            nick = _nickname(rng, firsts[0], genders[0])
            if all(nick not in c.aliases for c in cands):
                aliases.append(nick)
        cands.append(Candidate(i + 1, people, genders, aliases, [slogan], tags))
    day = "2024-11-27" if rng.random() < 0.8 else "2025-08-27"
    year = day[:4]
    return Election(f"Pilkada {region} {year}", region, info["head"], info["city"], day, cands)


def share_names(election: Election, rng: random.Random, share: float = 0.35) -> None:
    """Now and then one pair's candidate bears another pair's candidate's whole name inside
    their own, as relatives and namesakes do (blindgen 245, Gowa: pair 1's "Faisal Rahmat
    Ismail", pair 3's "Rahmat Ismail"). The given name, and so the pair's aliases and
    hashtags, stay the candidate's own."""
    if len(election.candidates) < 2 or rng.random() >= share:
        return
    inner_pair, outer_pair = rng.sample(election.candidates, 2)
    i = rng.randrange(2)
    inner = inner_pair.people[i]
    same = [j for j in range(2) if outer_pair.genders[j] == inner_pair.genders[i]]
    if not same:
        return
    j = rng.choice(same)
    first = outer_pair.firsts[j]
    if len(inner.split()) < 2 or first in inner.split():
        return
    outer_pair.people[j] = f"{first} {inner}"


def _nickname(rng: random.Random, first: str, gender: int) -> str:
    """How a campaign shortens a candidate: "Bang Zul" (Zulkarnain), "Bunda Nabila"."""
    if gender == 2:
        return f"{rng.choice(['Bunda', 'Kak', 'Mak', 'Bu'])} {first}"
    vowels = [i for i, ch in enumerate(first.lower()) if ch in "aeiou"]
    cut = first[: vowels[0] + 2] if vowels and vowels[0] + 2 < len(first) else first
    return f"{rng.choice(['Bang', 'Pak', 'Abah', 'Om'])} {cut}"


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_election_toml(election: Election, path: Path) -> None:
    lines = [
        "[election]",
        f"name = {_q(election.name)}",
        f"region = {_q(election.region)}",
        'timezone = "Asia/Jakarta"',
        f"voting_day = {election.voting_day}",
        "",
    ]
    for c in election.candidates:
        lines += [
            "[[candidates]]",
            f"number = {c.number}",
            "people = [" + ", ".join(_q(p) for p in c.people) + "]",
            "aliases = [" + ", ".join(_q(a) for a in c.aliases) + "]",
            "slogans = [" + ", ".join(_q(s) for s in c.slogans) + "]",
            "hashtags = [" + ", ".join(_q(h) for h in c.hashtags) + "]",
            "",
        ]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
