"""Everything one seed fixes before any story is drawn: region, roster, election, indexes."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .election import Election, build_election
from .places import REGIONS, Region
from .roster import Employee, build_roster
from .units import Unit, hint_index


def has_words(text: str, words: str) -> bool:
    """Whole-word match: 'Bidan' is in 'Bidan Terampil', not in 'Kepala Bidang'."""
    return re.search(rf"\b{re.escape(words.lower())}\b", text.lower()) is not None


def tokens_of(name: str) -> list[str]:
    """Lower-cased name words, each once, in order (never a set: its order varies by process)."""
    return list(dict.fromkeys(t.strip(".,").lower() for t in name.split() if t.strip(".,")))


@dataclass
class World:
    """The seed's fixed facts, shared read-only by every worker."""

    seed: int
    region: Region
    units: list[Unit]
    people: list[Employee]
    election: Election
    hints: dict[str, set[str]]
    by_token: dict[str, list[int]] = field(default_factory=dict)
    full_names: dict[str, int] = field(default_factory=dict)
    handles: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)

    def matches(
        self,
        token: str | None = None,
        hint: str | None = None,
        role: str | None = None,
        jabatan_word: str | None = None,
    ) -> list[int]:
        """Roster rows a contact name with these parts could mean (names match whole words)."""
        if token:
            rows = self.by_token.get(token.lower().strip("."), [])
        else:
            rows = list(range(len(self.people)))
        units = self.hints.get(hint.lower()) if hint else None
        if hint and units is None:
            return []
        out = []
        for i in rows:
            p = self.people[i]
            if units is not None and p.unit.name not in units:
                continue
            if role and p.role != role:
                continue
            if jabatan_word and not has_words(p.jabatan, jabatan_word):
                continue
            out.append(i)
        return out


def build_world(seed: int) -> World:
    rng = random.Random(f"blindgen:{seed}:world")
    region = rng.choice(REGIONS)
    units, people = build_roster(region, rng)
    full = defaultdict(int)
    by_token: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        full[p.name.full.lower()] += 1
        for t in tokens_of(p.name.full):
            by_token[t].append(i)
    election = build_election(region, rng, {p.name.full for p in people})
    return World(
        seed=seed,
        region=region,
        units=units,
        people=people,
        election=election,
        hints=hint_index(units),
        by_token=dict(by_token),
        full_names=dict(full),
        handles={p.instagram for p in people if p.instagram},
        phones={p.phone_nsn for p in people if p.phone_nsn},
    )
