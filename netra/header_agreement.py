"""How several readings of one header agree: a poster two readings read alike, or read
surely, stands; scraps that disagree are an unreadable header.

Split from `netra.header`, which asks these as it reads the header again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from netra.header_marks import CLEAR_READING
from rules.ocr_text import compact_word
from rules.poster import HeaderReading
from rules.types import AsnMatch, Poster
from wording import id_analysis as why

if TYPE_CHECKING:
    from netra.header import RosterLookup

# Two readings of a poster this alike (normalised Levenshtein) agree, an OCR slip or two apart.
AGREE = 0.8


def off_the_roster(readings: list[tuple[HeaderReading, list[str]]], roster: RosterLookup) -> bool:
    """Two of the readings name the same poster (within an OCR slip or two), and none is a
    contact saved under a unit the roster has: "Bu Sit BPKAD", read alike twice with the
    final i of "Siti" lost, is a lead another reading may complete."""
    posters = [r.poster for r, _ in readings if r.poster]
    if any(under_a_unit(p, roster) for p in posters):
        return False
    keys = [poster_key(p) for p in posters]
    return any(
        Levenshtein.normalized_similarity(a, b) >= AGREE
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
    )


def alike_count(poster: Poster | None, read_as: list[Poster]) -> int:
    """How many readings read `poster` letter for letter."""
    key = poster_key(poster) if poster is not None else None
    return sum(poster_key(p) == key for p in read_as)


def read_alike_twice(poster: Poster | None, read_as: list[Poster], roster: RosterLookup) -> bool:
    """Two readings read `poster` letter for letter, and it is no contact saved under a unit
    the roster has (see `off_the_roster`)."""
    if poster is None or under_a_unit(poster, roster):
        return False
    return alike_count(poster, read_as) >= 2


def read_otherwise(
    poster: Poster | None, first: HeaderReading, read_as: list[Poster]
) -> Poster | None:
    """The poster the first reading read surely, and another reading letter for letter, where
    it is `poster` with one character more inside it: "Dewii Wahyudi" three times, "Dewi
    Wahyudi" once by the name line read alone (ours 9279 0014, a namesake's contact). OCR
    loses a letter often, over a pale photo in every reading alike; it does not add the same
    one again and again. The roster's "Dewi Wahyudi" is then a lead for review, not the
    poster."""
    said = first.poster
    if poster is None or said is None or first.confidence < CLEAR_READING:
        return None
    if alike_count(said, read_as) < 2 or alike_count(poster, read_as) >= 2:
        return None
    more, less = poster_key(said), poster_key(poster)
    # The letter more inside the poster: one before it or after it may be an avatar's ring
    # or a mark read as a letter ("o" before a name), alike in every reading.
    inside = range(1, len(more) - 1)
    if len(more) == len(less) + 1 and any(more[:i] + more[i + 1 :] == less for i in inside):
        return said
    return None


def read_surely(first: HeaderReading, opinions: list[HeaderReading], poster: Poster | None) -> bool:
    """The first reading was sure, or a later one read `poster` surely by its anchor (its age
    read beside it: "sahabatferdi" alone at first, then "sahabatferdi 1j" at 0.99)."""
    return first.confidence >= CLEAR_READING or any(
        o.poster == poster and o.confidence >= CLEAR_READING for o in opinions
    )


def under_a_unit(poster: Poster, roster: RosterLookup) -> bool:
    """A contact saved under a unit the roster has ("Bu Sit BPKAD")."""
    return poster.kind == "contact_name" and roster.unit_named(poster.text) is not None


def settle_unmatched(
    readings: list[tuple[HeaderReading, list[str]]],
) -> tuple[HeaderReading, list[str], list[AsnMatch]]:
    """Several variants read a poster nobody on the roster matches: is it someone off the
    roster, or an unreadable header? Keep the reading most others agree with (within an OCR
    slip or two). It stands if another reading agrees (a username then has three letters in a
    row: variants of one blank patch agree on its scraps, "m_pk1"; "ahmad" stands), if it is a phone number, or if it is
    the only reading, looks like a real name or username and was read surely (`CLEAR_READING`;
    one parsed from text alone has no confidence). A lone "nuttampuibobn.4" read at 0.76 over
    a pale photo is "nur.tampubolon.4" misread as often as someone else. Otherwise ("cogs",
    "os", "ess", or that lone unsure reading) the header is unreadable: strong support then
    goes to review instead of being cleared."""
    keys = [poster_key(r.poster) for r, _ in readings if r.poster]

    def agreeing(key: str) -> int:
        others = list(keys)
        others.remove(key)
        return sum(Levenshtein.normalized_similarity(key, o) >= AGREE for o in others)

    def rank(rl: tuple[HeaderReading, list[str]]) -> tuple[int, bool, bool]:
        poster = rl[0].poster
        assert poster is not None
        return agreeing(poster_key(poster)), poster.kind == "phone", looks_real(poster)

    reading, lines = max(readings, key=rank)
    poster = reading.poster
    assert poster is not None
    key = poster_key(poster)
    stands = (
        (agreeing(key) > 0 and (poster.kind != "username" or re.search("[a-z]{3}", poster.text)))
        or poster.kind == "phone"
        or (len(set(keys)) == 1 and looks_real(poster) and reading.confidence >= CLEAR_READING)
    )
    if not stands:
        shown = ", ".join(sorted(set(keys)))
        evidence = (*reading.evidence, why.HEADER_POSTER_INCONSISTENT.format(readings=shown))
        reading = replace(reading, poster=None, evidence=evidence)
    return reading, lines, []


def looks_real(poster: Poster) -> bool:
    """A username of six characters or more with three letters in a row, a phone number of
    ten digits or more, or a contact name of two words of three letters or more: not the
    two- or three-letter scraps OCR makes of an unreadable name."""
    if poster.kind == "username":
        return bool(re.fullmatch(r"(?=.*[a-z]{3})[a-z0-9._]{6,30}", poster.text.lower()))
    if poster.kind == "phone":  # the roster's numbers one digit off are matched already
        return len(re.sub(r"\D", "", poster.text)) >= 10
    return len(re.findall(r"[A-Za-z]{3,}", poster.text)) >= 2


def poster_key(poster: Poster | None) -> str:
    return compact_word(poster.text) if poster else ""
