"""A later reading of a handle weighed against the first, clear one by its dots and
underscores: OCR drops them far more often than it adds them, and a reading that guesses one
must not turn the handle read into a rostered one that differs only there (`netra.header`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules.poster import HeaderReading
from rules.types import AsnMatch, Poster

# PP-OCR's confidence in a poster line above which a well-formed poster nobody on the roster
# is near stands without a second opinion.
CLEAR_READING = 0.9


def punctuation_lost(
    first: HeaderReading, poster: Poster | None, elsewhere: Sequence[str] = ()
) -> bool:
    """A later reading of a handle the first read clearly, the same letters with its dots and
    underscores lost or guessed ("lusiana kimin" joined as "lusiana_kimin" for the
    "lusiana.kimin" read first, "utinabdullah_8989" for "utinabdullah_8989_"): it must not
    turn the handle into a rostered one that differs only there. Unless another reading of
    the story (`elsewhere`) read the handle so, its marks in place: readers drop marks, they
    do not add them ("ahmad_85" in a chat's enlarged story, read "ahmad85 9j" in the header's
    first reading and "ahmad 85 9j" in the name strip's; ours 9161). Nor is a mark lost that
    the first reading never read: its underscores a gap guessed ("intan.in tan 14j" taken for
    "intan.in_tan", the letters only set apart), a later reading that reads the letters run
    together ("intan.intan 14j") reads them as they stand (ours 9203)."""
    shown = first.poster
    if shown is None or poster is None:
        return False
    lowered = [t.lower() for t in elsewhere]
    return (
        shown.kind == poster.kind == "username"
        and first.confidence >= CLEAR_READING
        and shown.text != poster.text
        and _letters(shown.text) == _letters(poster.text)
        and _unguessed(shown.text, lowered) != poster.text
        and not any(w.strip("@,;:") == poster.text for t in lowered for w in t.split())
    )


def _unguessed(handle: str, lowered: Sequence[str]) -> str:
    """The handle without the underscores the first reading only guessed: each one a gap
    in a line of the story's readings (`lowered`, in lower case)."""
    if "_" in handle and any(handle.replace("_", " ") in t for t in lowered):
        return handle.replace("_", "")
    return handle


def other_punctuation(
    first: HeaderReading, found: list[AsnMatch], elsewhere: Sequence[str] = ()
) -> bool:
    """A later reading matched to a rostered handle whose letters the first, clear reading
    read with other dots or underscores: "eko.widodo_" (a glued age's split of
    "eko.widodo_18j", read at 0.97) is another account than the roster's "eko.widodo", which a
    blurred re-reading, "eko.widedo", is one slip from, and "budi.darmawan90_19j" than the
    roster's "budi.darmawan90", which a re-reading that lost the underscore read exactly. OCR
    drops an underscore over a pale header far more often than it adds one, and it does not
    turn a dot into an underscore when it reads both clearly ("slamet_wibowo54m" is not the
    roster's "slamet.wibowo"); a first reading with fewer separators ("yunibudiman") says
    nothing against "yuni.budiman", nor one whose underscore a gap guessed (`elsewhere`: see
    `punctuation_lost`)."""
    if not found or first.confidence < CLEAR_READING or first.poster is None:
        return False
    handle = found[0].entry.instagram
    if not handle:
        return False
    lowered = [t.lower() for t in elsewhere]
    shown = [
        _unguessed(p.text, lowered)
        for p in (first.poster, *first.alternatives)
        if p.kind == "username"
    ]
    seps = len(re.findall(r"[._]", handle))
    return handle not in shown and any(
        _letters(s) == _letters(handle) and len(re.findall(r"[._]", s)) >= seps for s in shown
    )


def _letters(handle: str) -> str:
    return re.sub(r"[._]", "", handle.lower())
