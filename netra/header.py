"""Who posted a screenshot: the layout's reading of its header, matched against the roster,
and (only when the content backs someone and the poster is not yet identified) the header
band read again by each opinion in turn, the reading the roster knows best winning.

A name line read alone often lacks its anchor (the story's age lost in the glare): its words
are then a guess (`strip_guess`) that only counts when the roster knows it or someone near
it. Readings nobody on the roster matches are weighed against each other
(`netra.header_agreement.settle_unmatched`): someone off the roster, or a header nobody
could read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from PIL import Image

from netra.header_agreement import (
    alike_count,
    looks_real,
    off_the_roster,
    poster_key,
    read_alike_twice,
    read_otherwise,
    read_surely,
    settle_unmatched,
)
from netra.header_guess import LETTERED_AGE, guess_alike, strip_guess
from netra.header_marks import CLEAR_READING, not_as_read
from netra.sharer import sharers_number
from ocr.engine import OcrEngine, OcrLine
from ocr.left_out import read_beyond_gap
from ocr.reader import (
    HEADER_OPINIONS,
    NAME_STRIP,
    NamePlace,
    header_band,
    name_strip,
    pale_behind_name,
    read_header_again,
)
from rules.frame import card_rows, is_chrome, spelling_line, status_row, under_card
from rules.layout import Layout, read_layout
from rules.ocr_text import compact_word
from rules.poster import HeaderReading, age_glued, digits_moved, is_time_line, strong_username
from rules.roster import normalise_phone
from rules.roster_index.handles import misread_of
from rules.roster_index.segment import name_cut, uncut
from rules.types import AsnMatch, Poster
from wording import id_analysis as why


class RosterLookup(Protocol):
    def match(self, poster: Poster, limit: int = 5, *, ended: bool = False) -> list[AsnMatch]: ...

    def unit_named(self, text: str) -> str | None: ...

    def faint(self, handle: str) -> list[AsnMatch]: ...


# A contact name's best roster match below this (`asn_review`'s default) is nobody near
# enough to read the header again for (see `clearly_someone_else`); a name line read alone,
# with no anchor, matching nobody nearer is no reading of the poster at all.
WEAK_MATCH = 0.45
# A rostered handle found only by taking the read handle's last digits for the story's age
# (`age_glued`) counts at most this much: the digits may be the handle's own, so it is
# below a flag (`Thresholds.asn_flag`) until a later reading reads the age apart
# ("christinawattimena2" of "christinawattimena2 24 m" is not the roster's
# "christinawattimena"). A lead for review already below it stays one: the doubt is about
# the digits, not about the letters ("kurmiawan912" read for "kurniawan91" + "2 3m", with
# support, had ended `clear` at 0.44).
AGE_GLUED = 0.79
EXACT_HANDLE = "instagram-exact"
# The header opinion not asked once two readings agree on someone off the roster.
LAST_RESORT = "faint"
# Readings done (the first, "plain", "contrast", "tophat") before a poster read alike three
# times over a pale photo is taken as read.
PALE_ALIKE_AFTER = 4
# A match made of one reading against the poster read surely otherwise by two (see
# `read_otherwise`) counts at most this much: a lead for review, below a flag.
READ_OTHERWISE = 0.6
# Roster matches by a handle or number near the one read, not by the one itself.
NEAR_METHODS = frozenset({"instagram-near", "instagram-similar", "phone-ocr"})


@functools.cache
def tesseract_opinion() -> OcrEngine:
    """The second opinion on a header: tesseract on the stretched grey band, one pass."""
    from ocr.tesseract import TesseractEngine

    return TesseractEngine(variant_names=("grey",))


def clearly_someone_else(
    reading: HeaderReading, matches: list[AsnMatch], weak: float = 0.0
) -> bool:
    """A poster read confidently from its anchored line, well formed, and nobody on the
    roster near it: someone off the roster. Reading the header again would not change that
    (and costs more than the first reading). With `weak`, a contact name whose best match is
    weaker than that counts as nobody near too (a namesake sharing a surname). Not a handle:
    a handle cut short over a pale photo ("wan_real" of "arif_gunawan_real") is near many
    handles weakly, and a further reading reads it whole."""
    weakly = (
        weak > 0
        and bool(matches)
        and reading.poster is not None
        and reading.poster.kind == "contact_name"
        and matches[0].confidence < weak
    )
    return (
        reading.poster is not None
        and (not matches or weakly)
        and reading.confidence >= CLEAR_READING
        and looks_real(reading.poster)
    )


def match_reading(
    reading: HeaderReading, roster: RosterLookup, limit: int
) -> tuple[HeaderReading, list[AsnMatch]]:
    """The reading's poster, or the alternative the roster knows best."""
    best: tuple[HeaderReading, list[AsnMatch]] = (reading, [])
    if reading.poster is None:
        return best
    top = -1.0
    posters = [reading.poster, *reading.alternatives]
    shown = reading.poster.text.strip()
    if reading.poster.kind == "contact_name" and strong_username(shown) == shown:
        # A name that can only be a handle ("oktavia.1992") under a date line a gallery
        # viewer shows, taken for WhatsApp's: the roster's handles decide too.
        posters.append(Poster("username", shown))
    glued = age_glued(reading.poster) if reading.seen is None else ()
    # An age with its unit read after the handle: its end was read, nothing cut off it.
    ended = reading.seen is not None and LETTERED_AGE.fullmatch(reading.seen) is not None
    for poster in [*posters, *glued]:
        found = roster.match(poster, limit=limit, ended=ended and poster is reading.poster)
        if poster in glued:  # only the rostered handle itself: a near one is no lead here
            found = [
                replace(m, confidence=min(m.confidence, AGE_GLUED))
                for m in found
                if m.method == EXACT_HANDLE
            ]
        elif poster is not reading.poster and digits_moved(reading.poster, poster):
            # "veronika_haning23j": "veronika_haning2" and "3j" as read first; the roster's
            # "veronika_haning" only if the 2 was the age's. The same doubt as `age_glued`.
            found = [replace(m, confidence=min(m.confidence, AGE_GLUED)) for m in found]
            glued = (*glued, poster)
        score = found[0].confidence if found else 0.0
        if score > top:
            top = score
            platform = reading.platform
            if poster.kind == "username" and reading.poster.kind == "contact_name":
                platform = "instagram"  # a handle only Instagram shows
            evidence = reading.evidence
            if poster in glued:
                note = why.HEADER_AGE_GLUED.format(read=reading.poster.text, handle=poster.text)
                evidence = (*evidence, note)
            best = (replace(reading, poster=poster, platform=platform, evidence=evidence), found)
    return best


def _split_in_doubt(reading: HeaderReading, chosen: HeaderReading) -> bool:
    """The roster chose another split of a handle run into its age than the reading's own."""
    return (
        reading.seen is not None
        and reading.poster is not None
        and chosen.poster is not None
        and digits_moved(reading.poster, chosen.poster)
    )


def _split_by_gap(
    reading: HeaderReading,
    best: tuple[HeaderReading, list[AsnMatch]],
    age: str | None,
    roster: RosterLookup,
    limit: int,
) -> tuple[HeaderReading, list[AsnMatch]]:
    """`best` confirmed (its match whole again) or refuted (the reading's own handle) by the
    age's number read right of the gap in the name line ("3j" makes "veronika_haning23j" the
    handle "veronika_haning2"; "58m" makes "poltak_9758m" "poltak_97"; the unit may be
    misread, "19]")."""
    number = re.match(r"\s*(\d+)", age or "")
    if number is None or reading.poster is None or best[0].poster is None:
        return best
    glued = compact_word(f"{reading.poster.text}{reading.seen}")

    def age_after(poster: Poster) -> str:
        handle = compact_word(poster.text)
        found = re.match(r"\d+", glued[len(handle) :]) if glued.startswith(handle) else None
        # The longest that the digits read begin with wins ("551m1" read of "55 m").
        return found.group() if found and number.group(1).startswith(found.group()) else ""

    chosen, own = age_after(best[0].poster), age_after(reading.poster)
    if chosen and len(chosen) > len(own):
        return best[0], roster.match(best[0].poster, limit=limit)
    if own and len(own) > len(chosen):
        return match_reading(replace(reading, alternatives=()), roster, limit)
    return best


def _age_read_apart(glued: HeaderReading, best: HeaderReading, later: HeaderReading) -> bool:
    """A handle read with no age after it lost its last digits to the age (`age_glued`), and
    a later reading read the handle end before those digits and the age apart, its number
    those digits: the split stands ("latika_hutapea_official54" read, then
    "latika_hutopca_official" and "54 m": ours 9243 0005). A later handle ending in a digit
    settles nothing ("christinawattimena2" and "24 m": see `_age_was_the_handles`)."""
    read, kept, apart = glued.poster, best.poster, later.poster
    if read is None or kept is None or apart is None or glued.seen or not later.seen:
        return False
    number = re.match(r"\s*(\d+)", later.seen)
    return (
        digits_moved(read, kept)
        and read.text.startswith(kept.text)
        and number is not None
        and number.group(1) == read.text[len(kept.text) :]
        and not apart.text[-1:].isdigit()
    )


def _age_was_the_handles(first: HeaderReading, later: HeaderReading, best: HeaderReading) -> bool:
    """The best reading's handle is the first one's with its last digits taken for the age
    (`age_glued`, or another split of a handle run into its age), and a later reading read
    the first handle whole with an age after it, splitting it no other way."""
    return (
        first.poster is not None
        and best.poster is not None
        and later.seen is not None
        and later.poster == first.poster
        and best.poster not in later.alternatives
        and digits_moved(first.poster, best.poster)
    )


def read_poster(
    image: Image.Image,
    engine: OcrEngine,
    roster: RosterLookup,
    layout: Layout,
    backs_someone: bool,
    limit: int,
    good_enough: float,
    place: NamePlace,
    group_chat: Callable[[], bool] = lambda: False,
    card: tuple[int, int] | None = None,
    first: HeaderReading | None = None,
    elsewhere: Sequence[str] = (),
) -> tuple[HeaderReading, list[AsnMatch], list[OcrLine]]:
    """Who posted: the layout's reading, then (only when the content backs someone and the
    poster is not identified) the header band read again by each opinion in turn; the
    reading whose roster match is best wins. `place`: where the name line is looked for;
    `group_chat`: whether the story is shown in a group chat (see `netra.sharer`); `card`:
    the rows a notification covers (see `card_rows`); `first`: the first reading's header, when the
    layout is a framed story's enlarged reading (see `netra.header_marks`); `elsewhere`: what
    the story's other readings read, a handle among it with its marks. Also the later
    readings' lines, in the image's coordinates."""
    if first is None or first.confidence < layout.header.confidence:
        first = layout.header
    best = match_reading(layout.header, roster, limit)
    if layout.header_box and _split_in_doubt(layout.header, best[0]):
        # The age read alone, right of the gap: which digits were the handle's.
        age = read_beyond_gap(image, layout.header_box, engine)
        best = _split_by_gap(layout.header, best, age, roster, limit)
    unmatched: list[tuple[HeaderReading, list[str]]] = []
    if best[0].poster is not None and not best[1]:
        unmatched.append((best[0], []))
    # Every reading's poster, as read (each reading's own, before the roster chose).
    read_as: list[Poster] = [best[0].poster] if best[0].poster is not None else []
    extra: list[OcrLine] = []
    opinions: list[HeaderReading] = []  # the later readings that read an anchored poster
    source = layout.header  # the reading the best match was made of, as read
    tried = 1
    covered = 0  # opinions that read nothing but the notification dropped over the header
    if clearly_someone_else(best[0], best[1], weak=WEAK_MATCH):
        # Nobody on the roster nearer than a namesake sharing a surname ("Dediy Tampubolon"
        # beside "Andi Tampubolon", 0.12): five more readings of a legible name would not
        # make them one.
        return best[0], best[1], extra
    if card is not None and not layout.framed and covers_name_line(image, layout, place, card):
        below = None
        if backs_someone and not (best[1] and best[1][0].confidence >= good_enough):
            below = _story_below_card(image, engine, roster, limit, card, good_enough)
        return below or (best[0], best[1], extra)
    box: tuple[int, int, int, int] | None = None  # the header band, found once when needed
    for opinion in HEADER_OPINIONS:
        if not backs_someone or (best[1] and best[1][0].confidence >= good_enough):
            break
        if best[1] and not another_account(best, first, opinions):
            break  # read surely and alike twice, nobody on the roster: nothing left to find
        box = box or header_band(image, layout.story_top)
        if (
            tried > 1
            and read_surely(first, opinions, best[0].poster)
            and not layout.framed
            and read_alike_twice(best[0].poster, read_as, roster)
            and (
                not pale_behind_name(image, box, place)
                or (tried >= PALE_ALIKE_AFTER and alike_count(best[0].poster, read_as) >= 3)
            )
        ):
            # Read surely and letter for letter again: more readings read the same; only the
            # roster is unsure of it. Over a pale photo, whose losses readings share ("sit_slt"
            # for "siti__siti"), once the name strip's own opinion has read it so too.
            break
        if opinion == LAST_RESORT and (
            (not best[1] and off_the_roster(unmatched, roster))
            or read_alike_twice(best[0].poster, read_as, roster)
            or (not layout.framed and not pale_behind_name(image, box, place))
        ):
            # The costliest opinion, for the faintest names, is not asked when two readings
            # agree on a poster nobody on the roster is near (someone off the roster, see
            # `settle_unmatched`), or read the best-matched poster letter for letter (it is
            # legible; only the roster is unsure of it), or when the name is white over a
            # dark or mid-tone background (the others read what is there; not decided for a
            # framed story, whose name strip is placed less surely and may lie on the chat's
            # own title bar).
            break
        lines = read_header_again(image, box, opinion, engine, tesseract_opinion, place)
        if not lines:
            continue
        lines = _name_joined(lines, layout)
        tried += 1
        extra.extend(lines)
        # A notification dropped over the header hides the poster; its sender is not one
        # (an opinion reading the name strip alone may miss the card's app line). One the
        # first reading missed (over a story shared in a chat) is found in this one.
        card = card or card_rows(lines, image.height)
        lines = [line for line in lines if not under_card(line, card)]
        if not lines or (card and all(status_row(x, lines) or is_chrome(x.text) for x in lines)):
            # nothing but the notification's lines, or the phone's or chat's lines above them
            covered += 1
            if covered == 2:
                break  # twice only the notification's lines: it lies over the name line
            continue
        reading = read_layout(lines, *image.size).header
        if reading.platform == "unknown" and layout.header.platform != "unknown":
            reading = replace(reading, platform=layout.header.platform)
        if sharers_number(reading, layout.header.platform, group_chat, extra):
            reading = replace(reading, poster=None)
        if reading.poster is None:
            # No anchor read (the age lost in the glare): each line's words are a guess; a
            # number guessed is a group member's as one read with its anchor is.
            found = guess_poster([x.text for x in lines], reading, roster, limit)
            if found is not None and sharers_number(
                found[0], layout.header.platform, group_chat, extra
            ):
                found = None
            if found is None:
                unmatched.extend(guess_alike(lines, reading, unmatched))
                continue
        else:
            found = match_reading(reading, roster, limit)
            doubt = _split_in_doubt(reading, found[0])
            if doubt and (spelled := spelling_line(lines, reading.poster.text)) is not None:
                # This reading's own handle run into its age, the first reading's header
                # unread (white over a pale photo): the age read alone right of the gap
                # settles which digits were the handle's ("mulyadi_mulyadi48m", ours 9241).
                age = read_beyond_gap(image, spelled, engine)
                found = _split_by_gap(reading, found, age, roster, limit)
            opinions.append(reading)
            if reading.seen and _split_in_doubt(source, best[0]):
                # The age read apart by this reading settles which digits were the handle's.
                best = _split_by_gap(source, best, reading.seen, roster, limit)
            if _age_was_the_handles(layout.header, reading, best[0]):
                # "christinawattimena2 24m": the digits were the handle's own, the age
                # unread at first; the roster's "christinawattimena" is another account.
                best = found
                break
        if not_as_read(first, found, elsewhere, read_as):
            continue
        if found[0].poster is not None and not found[1]:
            unmatched.append((found[0], []))
        if reading.poster is not None:
            read_as.append(reading.poster)
        top = best[1][0].confidence if best[1] else -1.0
        if (found[1] and found[1][0].confidence > top) or (
            best[0].poster is None and found[0].poster is not None
        ):
            best, source = found, reading
        if (
            best[1]
            and best[0].poster is not None
            and best[1][0].confidence <= AGE_GLUED
            and any(_age_read_apart(source, best[0], o) for o in opinions)
        ):
            # The age read apart by any reading confirms a split `age_glued` only offered.
            best = best[0], roster.match(best[0].poster, limit=limit)
    if best[1] and best[0].poster and (kept := another_account(best, first, opinions)) != best[1]:
        if kept:  # only a near match dropped; the rest stand as found
            return best[0], kept, extra
        note = why.HEADER_ANOTHER_ACCOUNT.format(read=best[0].poster.text)
        return replace(best[0], evidence=(*best[0].evidence, note)), kept, extra
    if best[1] and (said := read_otherwise(best[0].poster, first, read_as)) is not None:
        note = why.HEADER_READ_OTHERWISE.format(read=said.text, times=alike_count(said, read_as))
        best = best[0], [_doubted(m, note) for m in best[1]]
    if best[1] or tried == 1 or not unmatched:
        return best[0], best[1], extra
    reading, _lines, matches = settle_unmatched(unmatched)
    if reading.poster is not None and reading.poster.kind == "username":
        # Readings that agree over a pale photo may share its losses: "sit_slt" three times
        # for "siti__siti". A rostered handle that losing thin strokes makes one of them
        # is offered for review, not cleared as someone off the roster.
        box = box or header_band(image, layout.story_top)
        if layout.framed or pale_behind_name(image, box, place):
            matches = _faint_matches(read_as, roster)
    return reading, matches, extra


# The cheapest opinions, for a story whose header may stand right below a notification.
_BELOW_CARD_OPINIONS = ("plain", "contrast")
# A rostered handle read letter for letter needs no age beside it to be a header.
_EXACT_HANDLE = frozenset({"instagram-exact"})


def _story_below_card(
    image: Image.Image,
    engine: OcrEngine,
    roster: RosterLookup,
    limit: int,
    card: tuple[int, int],
    sure: float,
) -> tuple[HeaderReading, list[AsnMatch], list[OcrLine]] | None:
    """A story re-shot in a gallery viewer, the viewer's title under a notification: the
    story's own header stands below the card, its status bar too faint to have been read
    (white on a pale sky, ours 9197). Read there, a name with the story's age beside it that
    the roster knows surely (`sure`), or a rostered handle letter for letter, is the poster;
    anything else (the story's body, under a notification that does hide its header) is
    not, and the poster stays unknown."""
    box = header_band(image, card[1])
    for opinion in _BELOW_CARD_OPINIONS:
        lines = read_header_again(image, box, opinion, engine, None, NamePlace(below_bar=False))
        reading = read_layout([x for x in lines if not under_card(x, card)], *image.size).header
        if reading.poster is None:
            continue
        found = match_reading(reading, roster, limit)
        top = found[1][0] if found[1] else None
        if top and top.confidence >= sure and (reading.seen or top.method in _EXACT_HANDLE):
            return found[0], found[1], lines
    return None


def _name_joined(lines: list[OcrLine], layout: Layout) -> list[OcrLine]:
    """`lines` with the first reading's contact name put before the rest of its line, when
    this reading read only that rest: the name line begins well right of the time line
    under it, which a WhatsApp header aligns it with. A name whose tops a crop cut off was
    read "Lina" at first and "WuiandariBkPsDM" alone again, each a part a person reads as
    one ("Lina Wulandari BKPSDM", ours 9229)."""
    shown = layout.header.poster
    if shown is None or shown.kind != "contact_name":
        return lines
    joined = list(lines)
    for k, line in enumerate(lines):
        height = line.bottom - line.top
        under = [
            x
            for x in lines
            if line.bottom - 0.3 * height <= x.top <= line.bottom + height
            and x.left < line.left - 1.5 * height
            and x.right > line.left
            and is_time_line(x.text)
        ]
        if under and compact_word(shown.text) not in compact_word(line.text):
            joined[k] = replace(line, text=f"{shown.text} {line.text}", left=under[0].left)
    return joined


def another_account(
    best: tuple[HeaderReading, list[AsnMatch]],
    first: HeaderReading,
    opinions: list[HeaderReading],
) -> list[AsnMatch]:
    """The best reading's matches left once those only near its poster are dropped, when
    the handle or number was read surely by the first reading (`CLEAR_READING`) and alike
    by a later one, and OCR cannot have made it of the rostered one (`misread_of`: something
    added, not lost or taken for a look-alike). "resti.smp45" read twice is another account
    than the roster's "resti.smp4", and "+62 814-2980-1319" another number than
    "0814-2980-1519": people make handles and hold numbers that near, and two generators'
    sets measured that such near matches with support were someone off the roster. A handle
    read short ("wan_real" of "arif_gunawan_real") or one look-alike digit off stays a lead
    for review, and so does a rostered handle a later reading read letter and mark for
    letter and mark ("rahmathidayat_86" read so four times after a thin underscore was read
    as a dot first: blindgen 285 0231); `netra.mark_check` looks at the mark itself."""
    reading, matches = best
    shown = reading.poster
    if shown is None or shown.kind == "contact_name" or first.confidence < CLEAR_READING:
        return matches
    key = poster_key(shown)

    def says(r: HeaderReading) -> bool:
        posters = [p for p in (r.poster, *r.alternatives) if p is not None]
        if r.poster is not None:
            posters.extend(age_glued(r.poster))
        return key in {poster_key(p) for p in posters}

    if not says(first) or not any(says(r) for r in opinions):
        return matches
    read_whole = {r.poster.text.lower() for r in opinions if r.poster is not None}
    return [
        m
        for m in matches
        if m.method not in NEAR_METHODS
        or _could_misread(shown, m)
        or (m.entry.instagram or "").lower() in read_whole
    ]


def _could_misread(shown: Poster, match: AsnMatch) -> bool:
    if shown.kind == "phone":
        phone = normalise_phone(shown.text)
        return phone is None or match.entry.phone is None or misread_of(phone, match.entry.phone)
    if name_cut(shown.text) and match.entry.instagram:  # "tamitami19…": the app cut it short
        return match.entry.instagram.lower().startswith(uncut(shown.text).lower())
    return match.entry.instagram is None or misread_of(shown.text.lower(), match.entry.instagram)


def _doubted(match: AsnMatch, note: str) -> AsnMatch:
    """The match kept as a lead for review, with why."""
    confidence = min(match.confidence, READ_OTHERWISE)
    return replace(match, confidence=confidence, evidence=(*match.evidence, note))


def _faint_matches(read_as: list[Poster], roster: RosterLookup) -> list[AsnMatch]:
    found: dict[str, AsnMatch] = {}
    for poster in read_as:
        if poster.kind == "username":
            for m in roster.faint(poster.text):
                found.setdefault(m.entry.nip, m)
    return list(found.values())


def covers_name_line(
    image: Image.Image, layout: Layout, place: NamePlace, card: tuple[int, int]
) -> bool:
    """A notification covers every row the name line can be on (it drops from the top of
    the screen, so nothing of the story is above it): nothing under it to read again. Or it
    covers the upper half of those rows, where the name line stands on every phone measured,
    and the first reading read no poster below it (0.6 s of five readings of nothing)."""
    strip = name_strip(image, header_band(image, layout.story_top), place)
    top = max(strip[1], layout.story_top + round(NAME_STRIP[1] * image.height))
    if card[0] > top:
        return False
    return card[1] >= strip[3] or (card[1] >= (top + strip[3]) / 2 and layout.header.poster is None)


def guess_poster(
    texts: list[str], reading: HeaderReading, roster: RosterLookup, limit: int
) -> tuple[HeaderReading, list[AsnMatch]] | None:
    """The first of a header's lines, read with no anchor, whose words the roster knows, or
    someone near them (`WEAK_MATCH`): not a scrawl read "Opa lnduh" that only a common first
    name ("Indah", 0.06) resembles. None: no line names anyone."""
    for text in texts:
        found = match_reading(strip_guess(text, reading), roster, limit)
        if found[1] and found[1][0].confidence >= WEAK_MATCH:
            return found
    return None
