"""Words that several pairs' slogans or people share, and names one pair's person holds
inside another's.

An election may hold "Faisal Rahmat Ismail" in pair 1 and "Rahmat Ismail" in pair 3 (father
and son, a common name twice: blindgen 245, Gowa). "Coblos nomor 3! Rahmat Ismail – Sitti
Maryam" names pair 3's candidate, not pair 1's by two of his three words; "Faisal Rahmat
Ismail" names pair 1's, not also pair 3's inside it. A person reads the words that set the
two apart.
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
