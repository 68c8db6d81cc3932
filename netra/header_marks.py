"""A later reading of a poster weighed against the first, clear one: by a handle's dots and
underscores (OCR drops them far more often than it adds them, and a reading that guesses one
must not turn the handle read into a rostered one that differs only there), and by a
contact name's last words, which a later reading may lose (`netra.header`)."""

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


def not_as_read(
    first: HeaderReading,
    found: tuple[HeaderReading, list[AsnMatch]],
    elsewhere: Sequence[str],
    earlier: Sequence[Poster],
) -> bool:
    """A later reading (`found`, with its roster matches) that must not replace the first,
    clear one: its handle's marks lost or guessed (`punctuation_lost`), matched to a handle
    the first read with other marks (`other_punctuation`), or its contact name one of the
    `earlier` readings' with its last words lost (`words_lost`), or its handle one letter
    off a rostered one where an earlier reading read other letters (`letters_in_doubt`)."""
    return (
        punctuation_lost(first, found[0].poster, elsewhere)
        or other_punctuation(first, found[1], elsewhere)
        or words_lost(earlier, found[0].poster)
        or letters_in_doubt(earlier, found)
    )


def letters_in_doubt(
    earlier: Sequence[Poster], found: tuple[HeaderReading, list[AsnMatch]]
) -> bool:
    """A later reading's handle one letter off a rostered one, as long ("waskita.panda" of
    the roster's "waskita.panca"), where an earlier reading read it as long with other
    letters, further from the roster's ("waskita pandu"): the readings disagree on its
    letters, and only the later one nears the roster. A citizen's "waskita.pandu" was
    flagged so (ours 9213 0069); the earlier reading stands, a lead at most."""
    poster, matches = found[0].poster, found[1]
    if poster is None or poster.kind != "username" or not matches:
        return False
    roster = _plain(matches[0].entry.instagram or "")
    read = _plain(poster.text)
    if matches[0].method != "instagram-ocr" or len(read) != len(roster) or _off(read, roster) != 1:
        return False
    return any(
        shown.kind == "username"
        and len(other := _plain(shown.text)) == len(read)
        and _off(other, roster) > 1
        for shown in earlier
    )


def _plain(handle: str) -> str:
    """The handle's letters, its marks and any gap read in it left out."""
    return re.sub(r"\s", "", _letters(handle))


def _off(a: str, b: str) -> int:
    """Letters that differ, place by place, between two handles as long."""
    return sum(x != y for x, y in zip(a, b, strict=True))


def words_lost(earlier: Sequence[Poster], poster: Poster | None) -> bool:
    """A later reading's contact name is an earlier reading's with its last words lost: "Kak
    Azhar kelurahan Karang" after "KakAzhar Kelurahan Karang Baru" (blindgen 249 0118). Read
    in full, the name fits nobody on the roster; read short, "Karang" began five kelurahan
    and one held an Azhar, so a citizen was flagged as him. Spaces aside, as readers differ
    on them; a word lost is three letters or more (a stray mark or an emoji read as a letter
    at the end is none). A handle with its end lost is one too (`_end_lost`)."""
    if poster is not None and poster.kind == "username":
        return _end_lost(earlier, poster.text.lower())
    if poster is None or poster.kind != "contact_name":
        return False
    part = "".join(_words(poster.text))
    for shown in earlier:
        words = _words(shown.text) if shown.kind == "contact_name" else []
        for k in range(1, len(words)):
            if "".join(words[:-k]) == part and len("".join(words[-k:])) >= 3:
                return True
    return False


def _end_lost(earlier: Sequence[Poster], handle: str) -> bool:
    """The handle is an earlier reading's with its end lost, three characters or more of it,
    two of them letters: "harahap.wa" after "harahap.wardaya" (a later reading of a story
    shared in a chat, ours 9205), not an age read onto it ("christina24m", "suharto424tm")."""
    return any(
        shown.kind == "username"
        and (text := shown.text.lower()).startswith(handle)
        and len(text) - len(handle) >= 3
        and sum(c.isalpha() for c in text[len(handle) :]) >= 2
        and not _AGE_READ_ON.fullmatch(text[len(handle) :])
        for shown in earlier
    )


# A story's age read onto the handle's end: "suharto424tm" of "suharto42 4m" (ours 9209).
_AGE_READ_ON = re.compile(r"[._ ]?\d{1,2}\s?[a-z]{1,3}")


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower())


def _letters(handle: str) -> str:
    return re.sub(r"[._]", "", handle.lower())
