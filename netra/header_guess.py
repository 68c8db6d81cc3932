"""A header's name line read alone, without the age or time that anchors it: its words are
a guess at the poster (`strip_guess`), for the roster to confirm or find near, or, read so
by several readings, someone off the roster (`guess_alike`). Split from `netra.header`."""

from __future__ import annotations

import re
from dataclasses import replace

from netra.header_agreement import looks_real, poster_key
from ocr.engine import OcrLine
from rules.frame import is_chrome
from rules.poster import HeaderReading, is_time_line, phone_in
from rules.types import Poster
from wording import id_analysis as why

LETTERED_AGE = re.compile(r"\d{1,2}\s?[a-z]{1,3}")
_AGE = re.compile(rf"{LETTERED_AGE.pattern}|[1-5]?\d")
_STRAY = "-–—·•|:;,.!"  # punctuation OCR reads around an age
_DOT_READ = re.compile(r"[:,;]")
_NOT_HANDLE = re.compile(r"[^a-z0-9._]")
# An age of ten hours or more with its "j" read as a digit ("17j" as "171"). Not "5j" as "51":
# two digits are too often a handle's own, and the handle without them someone else's.
_AGE_UNIT_AS_DIGIT = re.compile(r"(?:1\d|2[0-3])[17]")


def guess_alike(
    lines: list[OcrLine], reading: HeaderReading, unmatched: list[tuple[HeaderReading, list[str]]]
) -> list[tuple[HeaderReading, list[str]]]:
    """A line read with no anchor (its time misread: "Kemarit") that spells, letter for
    letter, a poster an earlier reading read and the roster does not know: a second reading
    of someone off the roster ("Relawan RUSFA TomboloPao", blindgen 281 0268), counted by
    `settle_unmatched` as an anchored one would be. Only a name of two words or a handle with
    letters (`looks_real`: not "Instagram", a notification's app line no reading found as
    one, blindgen 279 0076), and a handle only from a line read as one: words with a comma
    between them ("Siap, terima kasih", a notification's message over a hidden header, ours
    9237 0069) are no handle, whatever the underscores joining them make."""
    known = {poster_key(r.poster) for r, _ in unmatched if r.poster is not None}
    for line in lines:
        if is_time_line(line.text) or is_chrome(line.text):
            continue  # "Baru saja", "Original audio": what stands where a cut header was
        guess = strip_guess(line.text, reading)
        for poster in (guess.poster, *guess.alternatives):
            if poster is None or poster_key(poster) not in known or not looks_real(poster):
                continue
            if poster.kind == "username" and _sentence(line.text):
                continue
            return [(replace(guess, poster=poster, alternatives=()), [])]
    return []


def _sentence(text: str) -> bool:
    """Words a handle cannot be, its age left out: three or more, or two with a comma."""
    words = _name_words(text)[1]
    return len(words) >= 3 or (len(words) == 2 and "," in text)


def _name_words(text: str) -> tuple[list[str], list[str]]:
    """The line's tokens (bare punctuation dropped), and those that are no age ("5j", "38m",
    a bare "12", "-1" with a stray dash; never a number of 60 or more: that is the name's
    own, "budihastuti 61" of "budihastuti_61", its underscore lost)."""
    tokens = [w for w in text.split() if not re.fullmatch(r"\W+", w)]
    return tokens, [w for w in tokens if not _AGE.fullmatch(w.strip(_STRAY))]


def strip_guess(text: str, reading: HeaderReading) -> HeaderReading:
    """The name line read alone often lacks its anchor (the age is lost in the glare): its
    words are the poster, for the roster to confirm or find near ("aguskusumawe" of
    "aguskusumawati81"); an unmatched guess never stands on its own (see `settle_unmatched`).
    A phone number is an unsaved contact's, on any platform but Instagram ("462877:524-0597",
    white on a pale status in a chat: ours 9265 0281)."""
    if reading.platform != "instagram" and (phone := phone_in(text)) is not None:
        evidence = (*reading.evidence, why.HEADER_NAME_LINE_ALONE)
        return replace(reading, poster=Poster("phone", phone), alternatives=(), evidence=evidence)
    tokens, words = _name_words(text)
    if not words:
        return reading
    contact = Poster("contact_name", " ".join(words))
    # A contact saved under a numbered unit ("Pak Bambang SMA Negeri 4") ends in a number
    # an age could be: the name with it is looked up too, and the roster decides.
    numbered = " ".join(w for w in tokens if not LETTERED_AGE.fullmatch(w.strip(_STRAY)))
    kept = (Poster("contact_name", numbered),) if numbered != contact.text else ()
    # A handle's dot read as ":" or ",", the avatar ring's edge as a bracket before it.
    handle = [w for w in (_NOT_HANDLE.sub("", _DOT_READ.sub(".", x.lower())) for x in words) if w]
    username = Poster("username", "".join(handle).strip("._"))
    others: tuple[Poster, ...] = ()
    if len(handle) > 1 and handle[-1].isdigit():
        # The underscore before the digits lost: both spellings, for the roster to decide.
        others = (Poster("username", "_".join(handle).strip("._")),)
        if _AGE_UNIT_AS_DIGIT.fullmatch(handle[-1]):
            # Or the digits are the age, its unit read as a digit ("17j" as "171").
            others += (Poster("username", "".join(handle[:-1]).strip("._")),)
    if len(username.text) < 4:
        return reading
    # Which of the two, the platform tells; with no platform read (a story shared in a chat),
    # both are tried and the roster decides (`match_reading`).
    poster, others = {
        "whatsapp": (contact, kept),
        "instagram": (username, others),
    }.get(reading.platform, (username, (*others, contact, *kept)))
    evidence = (*reading.evidence, why.HEADER_NAME_LINE_ALONE)
    return replace(reading, poster=poster, alternatives=others, evidence=evidence)
