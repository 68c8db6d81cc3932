"""The analysis: screenshot bytes → OCR → layout → poster → roster match → support → verdict.

One synchronous function, `analyse`, is the whole pipeline; the CLI, the bot and the
benchmarks all call it. `AnalysisPool` runs it off the event loop in threads: ONNX Runtime
and tesseract (a subprocess) release the GIL, so threads give real parallelism without
copying the roster or the OCR models into workers.
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Protocol

from PIL import Image
from rapidfuzz.distance import Levenshtein

from ocr.engine import OcrEngine, OcrLine, make_engine
from ocr.image_input import ImageRejected, load_screenshot
from ocr.reader import (
    HEADER_OPINIONS,
    LEGIBLE_CONF,
    LEGIBLE_HEIGHT,
    NamePlace,
    header_band,
    legible,
    pale_behind_name,
    read_framed,
    read_header_again,
    second_reading,
)
from rules.election import Election
from rules.elections import ElectionSet, decide, find_support
from rules.frame import content_text, status_bar_at, story_span
from rules.layout import Layout, read_layout
from rules.poster import HeaderReading, strong_username
from rules.support import SupportFinding, no_campaign_words
from rules.types import AsnMatch, Poster
from rules.verdict import Thresholds, Verdict
from wording import id_analysis as why


class RosterLookup(Protocol):
    def match(self, poster: Poster, limit: int = 5) -> list[AsnMatch]: ...

    def unit_named(self, text: str) -> str | None: ...


# The body's second reading: enlarged ×2, a framed story's (already read ×2) ×3; a body
# shorter than MIN_BODY pixels (a header cropped to the bottom) is not read again.
BODY_ZOOM = 2.0
BODY_ZOOM_FRAMED = 3.0
MIN_BODY = 40
# A framed story's top, with no status bar of its own read, is known only to within its
# bubble's padding: the name strip reaches this share of the image's height further down.
FRAMED_SLACK = 0.03


@functools.cache
def default_engine() -> OcrEngine:
    return make_engine("ppocr")


# PP-OCR's confidence in a poster line above which a well-formed poster nobody on the roster
# is near stands without a second opinion.
CLEAR_READING = 0.9
# Two readings of a poster this alike (normalised Levenshtein) agree, an OCR slip or two apart.
AGREE = 0.8
# The header opinion not asked once two readings agree on someone off the roster.
LAST_RESORT = "faint"


@functools.cache
def _tesseract() -> OcrEngine:
    """The second opinion on a header: tesseract on the stretched grey band, one pass."""
    from ocr.tesseract import TesseractEngine

    return TesseractEngine(variant_names=("grey",))


def analyse(
    data: bytes,
    roster: RosterLookup,
    election: Election | ElectionSet,
    *,
    engine: OcrEngine | None = None,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen
    alternatives: int = 4,
) -> Verdict:
    """Analyse one screenshot. Bad input yields an `error` verdict, never an exception."""
    started = time.perf_counter()
    engine = engine or default_engine()
    try:
        shot = load_screenshot(data)
    except ImageRejected as exc:
        return Verdict(kind="error", error=str(exc), seconds=time.perf_counter() - started)

    lines = engine.read(shot.image)
    texts = [line.text for line in lines]
    known: list[OcrLine] = []  # enlarged readings' lines a later one need not recognise
    story_lines = lines  # the reading the layout's body comes from
    layout = read_layout(lines, *shot.image.size)
    span = story_span(lines, *shot.image.size)
    support = find_support(layout.body_text, election)
    # Where the story's body is in the screenshot, for a second reading of it.
    body: tuple[int, int] | None = (
        (layout.header_box[3], shot.image.height) if layout.header_box is not None else None
    )
    if span is not None and not _settled(
        layout, support, roster, alternatives + 1, thresholds, span
    ):
        # A story inside a chat or a gallery viewer, not yet both identified and clear: read
        # it again, enlarged, and keep that reading of it (the chat's and the viewer's own
        # text stays out of it).
        framed_lines, size = read_framed(shot.image, span, engine, lines)
        known = legible(framed_lines, span, size)
        story_lines = framed_lines
        texts += [line.text for line in framed_lines]
        framed = read_layout(framed_lines, *size, framed=True)
        first_box = layout.header_box
        if (
            framed.header.poster is None
            and layout.header.poster is not None
            and first_box is not None
            and first_box[1] >= span[0]
        ):
            # The first reading's poster, if it stands inside the story: above it is the
            # chat's title or the viewer's ("Satgas Netralitas Pangkalpinang"), never the poster.
            # Its lines, as the enlarged reading read them, are no part of the story's body
            # (the poster "Yuni Maulana" is not the candidate "Maulan" beside "bersama").
            framed = _with_first_header(framed, layout.header, first_box, framed_lines, span, size)
        # The story's own top, in the screenshot: a header read again is read there, not
        # in the chat's or the viewer's title bar.
        scale = (span[1] - span[0]) / size[1]
        layout = replace(framed, story_top=span[0] + round(framed.story_top * scale), framed=True)
        box = framed.header_box
        body = (span[0] + round(box[3] * scale) if box is not None else span[0], span[1])
        # The enlarged reading is usually the better one, but not always (an emoji read as
        # digits beside a number): the stronger finding of the two stands.
        enlarged = find_support(layout.body_text, election)
        if enlarged.confidence >= support.confidence:
            support = enlarged
    # Who posted matters for the verdict only when the content backs someone: only then is
    # an unidentified header read again.
    backs_someone = (
        support.candidate is not None and support.confidence >= thresholds.support_review
    )
    # Where the name line is to be looked for again: below the story's status bar if one was
    # read at its top, at the story's scale.
    below_bar = status_bar_at(lines, layout.story_top, shot.image.height)
    place = NamePlace(
        below_bar=below_bar,
        scale=(span[1] - span[0]) / shot.image.height if layout.framed and span else 1.0,
        slack=FRAMED_SLACK if layout.framed and not below_bar else 0.0,
    )
    header, matches, extra = _read_poster(
        shot.image,
        engine,
        roster,
        layout,
        backs_someone,
        alternatives + 1,
        thresholds.asn_flag,
        place,
    )
    if (
        body is not None
        and body[1] - body[0] >= MIN_BODY
        and _worth_reading_body_again(support, matches, thresholds)
        and not _plainly_neutral(story_lines, layout, support)
    ):
        # An ASN identified and nothing clear found in what they posted: tiny, script or
        # thin text the first, coarser detection missed or misread. Read the body again,
        # enlarged (a framed story's more than its first enlargement); a finding stronger
        # than the first stands. Small text read from a box a few pixels off reads otherwise:
        # each unsure line is recognised a second time from a tighter crop, and what that
        # reading finds counts too. A framed story's enlarged reading that read its body
        # large and sure, with no word of a campaign, is not read a third time.
        zoom = BODY_ZOOM_FRAMED if layout.framed else BODY_ZOOM
        body_lines, _size = read_framed(
            shot.image, body, engine, lines, zoom=zoom, known=known, second_look=True
        )
        texts += [line.text for line in body_lines] + [x.second for x in body_lines if x.second]
        for reading in (body_lines, second_reading(body_lines) or []):
            again = find_support(content_text(reading), election)
            if again.confidence > support.confidence:
                support = again
    unit = None
    if (
        header.poster is not None
        and header.poster.kind == "contact_name"
        and (not matches or matches[0].confidence < thresholds.asn_review)
    ):
        unit = roster.unit_named(header.poster.text)
    verdict = decide(
        platform=header.platform,
        poster=header.poster,
        seen=header.seen,
        matches=matches,
        support=support,
        header_evidence=header.evidence,
        thresholds=thresholds,
        poster_unit=unit,
    )
    verdict.text = _unique_lines(texts + extra)
    verdict.seconds = time.perf_counter() - started
    return verdict


def _with_first_header(
    framed: Layout,
    header: HeaderReading,
    box: tuple[int, int, int, int],
    lines: Sequence[OcrLine],
    span: tuple[int, int],
    size: tuple[int, int],
) -> Layout:
    """The enlarged reading's layout with the first reading's header (`box`, in the
    screenshot) in place of its own unread one: the box mapped into the enlarged band, and
    the lines at or above it out of the body."""
    f = size[1] / (span[1] - span[0])
    left, top, right, bottom = box
    mapped = (
        round(left * f),
        round((top - span[0]) * f),
        round(right * f),
        round((bottom - span[0]) * f),
    )
    above = {line.text for line in lines if line.centre_y <= mapped[3]}
    body = tuple(text for text in framed.body if text not in above)
    return replace(framed, header=header, header_box=mapped, body=body)


def _worth_reading_body_again(
    support: SupportFinding, matches: list[AsnMatch], thresholds: Thresholds
) -> bool:
    """The poster is identified as an ASN and the first reading found no clear support, nor
    every pair of an election named (a list of the pairs, a ballot notice: the same
    information graphic however well it is read again)."""
    return (
        bool(matches)
        and matches[0].confidence >= thresholds.asn_flag
        and (support.candidate is None or support.confidence < thresholds.support_flag)
        and why.NEUTRAL_ALL_PAIRS not in support.neutral_cues
    )


def _plainly_neutral(lines: Sequence[OcrLine], layout: Layout, support: SupportFinding) -> bool:
    """The body read in full by `lines` (the first reading, or a framed story's enlarged one:
    the reading `layout` comes from), every line large and sure, and not one word of a
    campaign in it, nor a name or label of any pair: a further reading would read the same
    ("Selamat pagi, semangat bekerja" is read again, "semangat" being a support word). Saves
    that reading for most of an ASN's everyday posts."""
    content = set(layout.body)  # the story's own lines: no footer, chrome or header
    inside = [line for line in lines if line.text in content]
    return (
        bool(inside)
        and all(line.conf >= LEGIBLE_CONF and line.text_height >= LEGIBLE_HEIGHT for line in inside)
        and not any(support.scores.values())
        and not any(any(f.scores.values()) for _e, f in getattr(support, "options", ()))
        and no_campaign_words("\n".join(line.text for line in inside))
    )


def _clearly_someone_else(reading: HeaderReading, matches: list[AsnMatch]) -> bool:
    """A poster read confidently from its anchored line, well formed, and nobody on the
    roster near it: someone off the roster. Reading the header again would not change that
    (and costs more than the first reading)."""
    return (
        reading.poster is not None
        and not matches
        and reading.confidence >= CLEAR_READING
        and _looks_real(reading.poster)
    )


def _settled(
    layout: Layout,
    support: SupportFinding,
    roster: RosterLookup,
    limit: int,
    thresholds: Thresholds,
    span: tuple[int, int],
) -> bool:
    """Nothing an enlarged reading of a framed story could change: the first reading already
    names a rostered poster and clear support, or it read the story's own poster line (inside
    the frame) clearly as someone nobody on the roster is near, whatever the story says."""
    reading, matches = _match_reading(layout.header, roster, limit)
    box = layout.header_box
    if box is not None and box[1] >= span[0] and _clearly_someone_else(reading, matches):
        return True
    if support.candidate is None or support.confidence < thresholds.support_flag:
        return False
    return bool(matches) and matches[0].confidence >= thresholds.asn_flag


def _unique_lines(texts: Iterable[str]) -> str:
    """Each distinct line once, in reading order."""
    seen: set[str] = set()
    out: list[str] = []
    for line in texts:
        line = line.strip()
        key = " ".join(line.lower().split())
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            out.append(line)
    return "\n".join(out)


def _match_reading(
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
    for poster in posters:
        found = roster.match(poster, limit=limit)
        score = found[0].confidence if found else 0.0
        if score > top:
            top = score
            platform = reading.platform
            if poster.kind == "username" and reading.poster.kind == "contact_name":
                platform = "instagram"  # a handle only Instagram shows
            best = (replace(reading, poster=poster, platform=platform), found)
    return best


def _read_poster(
    image: Image.Image,
    engine: OcrEngine,
    roster: RosterLookup,
    layout: Layout,
    backs_someone: bool,
    limit: int,
    good_enough: float,
    place: NamePlace,
) -> tuple[HeaderReading, list[AsnMatch], list[str]]:
    """Who posted: the layout's reading, then (only when the content backs someone and the
    poster is not identified) the header band read again by each opinion in turn; the
    reading whose roster match is best wins. `place`: where the name line is looked for."""
    best = _match_reading(layout.header, roster, limit)
    unmatched: list[tuple[HeaderReading, list[str]]] = []
    if best[0].poster is not None and not best[1]:
        unmatched.append((best[0], []))
    # Every reading's poster, as read (each reading's own, before the roster chose).
    read_as: list[Poster] = [best[0].poster] if best[0].poster is not None else []
    extra: list[str] = []
    tried = 1
    if _clearly_someone_else(best[0], best[1]):
        return best[0], best[1], extra
    for opinion in HEADER_OPINIONS:
        if not backs_someone or (best[1] and best[1][0].confidence >= good_enough):
            break
        box = header_band(image, layout.story_top)
        if opinion == LAST_RESORT and (
            (not best[1] and _off_the_roster(unmatched, roster))
            or _read_alike_twice(best[0].poster, read_as, roster)
            or (not layout.framed and not pale_behind_name(image, box, place))
        ):
            # The costliest opinion, for the faintest names, is not asked when two readings
            # agree on a poster nobody on the roster is near (someone off the roster, see
            # `_settle_unmatched`), or read the best-matched poster letter for letter (it is
            # legible; only the roster is unsure of it), or when the name is white over a
            # dark or mid-tone background (the others read what is there; not decided for a
            # framed story, whose name strip is placed less surely and may lie on the chat's
            # own title bar).
            break
        lines = read_header_again(image, box, opinion, engine, _tesseract, place)
        if not lines:
            continue
        tried += 1
        extra.extend(line.text for line in lines)
        reading = read_layout(lines, *image.size).header
        if reading.platform == "unknown" and layout.header.platform != "unknown":
            reading = replace(reading, platform=layout.header.platform)
        if reading.poster is None:
            # No anchor read (the age lost in the glare): each line's words are a guess, which
            # only counts when the roster knows it, or someone near it.
            guesses = (_match_reading(_strip_guess(x.text, reading), roster, limit) for x in lines)
            found = next((g for g in guesses if g[1]), None)
            if found is None:
                continue
        else:
            found = _match_reading(reading, roster, limit)
        if found[0].poster is not None and not found[1]:
            unmatched.append((found[0], []))
        if reading.poster is not None:
            read_as.append(reading.poster)
        top = best[1][0].confidence if best[1] else -1.0
        if (found[1] and found[1][0].confidence > top) or (
            best[0].poster is None and found[0].poster is not None
        ):
            best = found
    if best[1] or tried == 1 or not unmatched:
        return best[0], best[1], extra
    reading, _lines, matches = _settle_unmatched(unmatched)
    return reading, matches, extra


_LETTERED_AGE = re.compile(r"\d{1,2}\s?[a-z]{1,3}")
_AGE = re.compile(rf"{_LETTERED_AGE.pattern}|[1-5]?\d")
_STRAY = "-–—·•|:;,.!"  # punctuation OCR reads around an age
_DOT_READ = re.compile(r"[:,;]")
_NOT_HANDLE = re.compile(r"[^a-z0-9._]")
# An age of ten hours or more with its "j" read as a digit ("17j" as "171"). Not "5j" as "51":
# two digits are too often a handle's own, and the handle without them someone else's.
_AGE_UNIT_AS_DIGIT = re.compile(r"(?:1\d|2[0-3])[17]")


def _strip_guess(text: str, reading: HeaderReading) -> HeaderReading:
    """The name line read alone often lacks its anchor (the age is lost in the glare): its
    words are the poster, for the roster to confirm or find near ("aguskusumawe" of
    "aguskusumawati81"); an unmatched guess never stands on its own (see `_settle_unmatched`)."""
    # An age ("5j", "38m", a bare "12", "-1" with a stray dash), never a number of 60 or more:
    # that is the name's own ("budihastuti 61" of "budihastuti_61", its underscore lost).
    tokens = [w for w in text.split() if not re.fullmatch(r"\W+", w)]
    words = [w for w in tokens if not _AGE.fullmatch(w.strip(_STRAY))]
    if not words:
        return reading
    contact = Poster("contact_name", " ".join(words))
    # A contact saved under a numbered unit ("Pak Bambang SMA Negeri 4") ends in a number
    # an age could be: the name with it is looked up too, and the roster decides.
    numbered = " ".join(w for w in tokens if not _LETTERED_AGE.fullmatch(w.strip(_STRAY)))
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
    # both are tried and the roster decides (`_match_reading`).
    poster, others = {
        "whatsapp": (contact, kept),
        "instagram": (username, others),
    }.get(reading.platform, (username, (*others, contact, *kept)))
    evidence = (*reading.evidence, why.HEADER_NAME_LINE_ALONE)
    return replace(reading, poster=poster, alternatives=others, evidence=evidence)


def _off_the_roster(readings: list[tuple[HeaderReading, list[str]]], roster: RosterLookup) -> bool:
    """Two of the readings name the same poster (within an OCR slip or two), and none is a
    contact saved under a unit the roster has: "Bu Sit BPKAD", read alike twice with the
    final i of "Siti" lost, is a lead another reading may complete."""
    posters = [r.poster for r, _ in readings if r.poster]
    if any(_under_a_unit(p, roster) for p in posters):
        return False
    keys = [_poster_key(p) for p in posters]
    return any(
        Levenshtein.normalized_similarity(a, b) >= AGREE
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
    )


def _read_alike_twice(poster: Poster | None, read_as: list[Poster], roster: RosterLookup) -> bool:
    """Two readings read `poster` letter for letter, and it is no contact saved under a unit
    the roster has (see `_off_the_roster`)."""
    if poster is None or _under_a_unit(poster, roster):
        return False
    key = _poster_key(poster)
    return sum(_poster_key(p) == key for p in read_as) >= 2


def _under_a_unit(poster: Poster, roster: RosterLookup) -> bool:
    """A contact saved under a unit the roster has ("Bu Sit BPKAD")."""
    return poster.kind == "contact_name" and roster.unit_named(poster.text) is not None


def _settle_unmatched(
    readings: list[tuple[HeaderReading, list[str]]],
) -> tuple[HeaderReading, list[str], list[AsnMatch]]:
    """Several variants read a poster nobody on the roster matches: is it someone off the
    roster, or an unreadable header? Keep the reading most others agree with (within an OCR
    slip or two). It stands if another reading agrees, if it is a phone number, or if it is
    the only reading and looks like a real name or username. Otherwise ("cogs", "os", "ess")
    the header is unreadable: strong support then goes to review instead of being cleared."""
    keys = [_poster_key(r.poster) for r, _ in readings if r.poster]

    def agreeing(key: str) -> int:
        others = list(keys)
        others.remove(key)
        return sum(Levenshtein.normalized_similarity(key, o) >= AGREE for o in others)

    def rank(rl: tuple[HeaderReading, list[str]]) -> tuple[int, bool, bool]:
        poster = rl[0].poster
        assert poster is not None
        return agreeing(_poster_key(poster)), poster.kind == "phone", _looks_real(poster)

    reading, lines = max(readings, key=rank)
    poster = reading.poster
    assert poster is not None
    key = _poster_key(poster)
    stands = (
        agreeing(key) > 0 or poster.kind == "phone" or (len(set(keys)) == 1 and _looks_real(poster))
    )
    if not stands:
        shown = ", ".join(sorted(set(keys)))
        evidence = (*reading.evidence, why.HEADER_POSTER_INCONSISTENT.format(readings=shown))
        reading = replace(reading, poster=None, evidence=evidence)
    return reading, lines, []


def _looks_real(poster: Poster) -> bool:
    """A username of six characters or more with three letters in a row, a phone number of
    ten digits or more, or a contact name of two words of three letters or more: not the
    two- or three-letter scraps OCR makes of an unreadable name."""
    if poster.kind == "username":
        return bool(re.fullmatch(r"(?=.*[a-z]{3})[a-z0-9._]{6,30}", poster.text.lower()))
    if poster.kind == "phone":  # the roster's numbers one digit off are matched already
        return len(re.sub(r"\D", "", poster.text)) >= 10
    return len(re.findall(r"[A-Za-z]{3,}", poster.text)) >= 2


def _poster_key(poster: Poster | None) -> str:
    return re.sub(r"[^a-z0-9]", "", poster.text.lower()) if poster else ""


def _lower_priority(nice: int) -> None:
    """Lower this thread's CPU priority (a no-op where threads cannot be reniced)."""
    try:
        current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), max(current, nice))
    except (AttributeError, OSError):
        pass


class AnalysisPool:
    """Runs `analyse` in a thread pool sized to the cores, awaitable from asyncio.

    The worker threads run at a lower CPU priority (`nice`): OCR is background work, and an
    acknowledgement a burst of reporters is waiting for must never wait behind it (Linux
    gives each thread its own nice value; ONNX Runtime with one intra-op thread computes on
    the calling thread, and tesseract's processes inherit it)."""

    def __init__(
        self,
        roster: RosterLookup,
        election: Election | ElectionSet,
        *,
        workers: int | None = None,
        engine: OcrEngine | None = None,
        thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen
        nice: int = 10,
    ) -> None:
        self.roster = roster
        self.election = election
        self.engine = engine or default_engine()
        self.thresholds = thresholds
        self.workers = workers or os.cpu_count() or 1
        self._executor = ThreadPoolExecutor(
            max_workers=self.workers,
            thread_name_prefix="netra-ocr",
            initializer=_lower_priority,
            initargs=(nice,),
        )

    def run(self, data: bytes) -> Verdict:
        return analyse(
            data, self.roster, self.election, engine=self.engine, thresholds=self.thresholds
        )

    async def analyse(self, data: bytes) -> Verdict:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.run, data)

    def submit(self, source: Callable[[], bytes]) -> Future[Verdict]:
        """Analyse the bytes `source` returns, in a worker (reading happens there too)."""
        return self._executor.submit(lambda: self.run(source()))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
