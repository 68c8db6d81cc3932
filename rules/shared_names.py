"""Words that several pairs' slogans or people share, and names one pair's person holds
inside another's.

An election may hold "Faisal Rahmat Ismail" in pair 1 and "Rahmat Ismail" in pair 3 (father
and son, a common name twice: blindgen 245, Gowa). "Coblos nomor 3! Rahmat Ismail – Sitti
Maryam" names pair 3's candidate, not pair 1's by two of his three words; "Faisal Rahmat
Ismail" names pair 1's, not also pair 3's inside it. A person reads the words that set the
two apart. Alone, a shared word is the pair's whose person it is the given name of: "dukung
pak Rahmat" is pair 3's Rahmat Ismail; pair 1's candidate is called Faisal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rules.election import Candidate, Election
from rules.ocr_text import normalise_text, words_of


def several_pairs_words(
    election: Election, phrases: Callable[[Candidate], Sequence[str]]
) -> frozenset[str]:
    """The words two or more pairs' `phrases` (slogans, people's names) share."""
    seen: dict[str, set[int]] = {}
    for c in election.candidates:
        for phrase in phrases(c):
            for w in words_of(normalise_text(phrase)):
                seen.setdefault(w, set()).add(c.number)
    return frozenset(w for w, pairs in seen.items() if len(pairs) >= 2)


def unnamed_alone(election: Election) -> dict[int, frozenset[str]]:
    """For each pair, the name words its people share with another pair's, which alone name
    neither ("Nugroho" of Priyo Adi Nugroho and of Heru Nugroho); save a pair's person's given
    name (the name's first word) that no other pair's person is given: "pak Rustam" is pair
    1's Rustam Darmawan, not pair 4's Hasbi Rustam Darmawan, who holds it in the middle and
    is called Hasbi (ours 9217)."""
    shared = several_pairs_words(election, lambda c: c.people)
    given: dict[str, set[int]] = {}
    for c in election.candidates:
        for person in c.people:
            if words := words_of(normalise_text(person)):
                given.setdefault(words[0], set()).add(c.number)
    return {
        c.number: frozenset(w for w in shared if given.get(w) != {c.number})
        for c in election.candidates
    }


def people_words(election: Election) -> tuple[tuple[int, frozenset[str]], ...]:
    """Each pair's people as (pair number, the name's words of three letters or more)."""
    return tuple(
        (c.number, frozenset(w for w in words_of(normalise_text(p)) if len(w) >= 3))
        for c in election.candidates
        for p in c.people
    )


def anothers_name(
    number: int,
    words: Collection[str],
    found: Collection[str],
    in_text: Callable[[str], bool],
    people: Sequence[tuple[int, frozenset[str]]],
) -> bool:
    """The words `found` of pair `number`'s person (`words`) name another pair's person
    instead: both share two words or more, all found are shared, and either this name's own
    words are not in the text (`in_text`: "Rahmat Ismail" is not "Faisal Rahmat Ismail"),
    or the other's own words are ("Faisal Rahmat Ismail" is not pair 3's "Rahmat
    Ismail")."""
    own, seen = frozenset(words), frozenset(found)
    for pair, other in people:
        shared = own & other
        if pair == number or len(shared) < 2 or not seen <= shared:
            continue  # (two shared words at least: one alone names no one in full)
        mine, theirs = own - other, other - own
        if (mine and not any(in_text(w) for w in mine)) or any(in_text(w) for w in theirs):
            return True
    return False


def own_words(
    number: int,
    found: Sequence[str],
    unnamed: Collection[str],
    in_text: Callable[[str], bool],
    people: Sequence[tuple[int, frozenset[str]]],
) -> list[str]:
    """The words `found` of pair `number`'s person that name that pair alone: none of the
    `unnamed` (`unnamed_alone`, common given names: "Heru Nugroho & Dwi Utomo" names pair 2
    in full, not also pair 1's "Priyo Adi Nugroho" by its surname, which would read as every
    pair named, a neutral list), and none standing inside another
    pair's person's name whose other words are in the text too ("Faisal Rahmat Ismail"
    holds pair 3's given name "Rahmat": it is pair 1's candidate)."""
    return [
        w
        for w in found
        if w not in unnamed
        and not any(
            pair != number and w in words and all(in_text(x) for x in words - {w})
            for pair, words in people
        )
    ]
