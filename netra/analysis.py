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
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

from PIL import Image

from netra.emoji_reading import emoji_finding, emoji_row
from netra.framed_header import first_handle_kept, with_first_header
from netra.header import RosterLookup, read_poster
from netra.mark_check import check_lost_mark
from netra.notification import card_by_shape, poster_under_card, without_card
from netra.rereading import (
    better_finding,
    framed_plainly_neutral,
    names_only,
    plainly_neutral,
    read_small,
    settled,
    unclear,
)
from netra.sharer import group_chat_again, sharers_number
from netra.verified import without_tick
from ocr.emoji_likeness import templates
from ocr.engine import OcrEngine, OcrLine, make_engine
from ocr.image_input import ImageRejected, load_screenshot
from ocr.inset import read_card, unread_cards
from ocr.left_out import (
    number_after_line,
    read_full_size,
    read_under_toast,
)
from ocr.reader import (
    NamePlace,
    in_screenshot,
    legible,
    lines_in_screenshot,
    picture_top,
    read_framed,
    read_white_letters,
    second_reading,
    small_ink,
)
from ocr.upright import MAX_TILT, read_upright, slanted_caption
from rules.election import Election
from rules.elections import ElectionFinding, ElectionSet, decide, find_support
from rules.frame import (
    card_rows,
    content_text,
    in_group_chat,
    is_toast,
    status_bar_at,
    status_bar_below,
    story_span,
    toast_over_text,
    under_card,
)
from rules.layout import Layout, past_chrome, read_layout
from rules.ocr_text import compact_word
from rules.pair_numbers import waits_beside, waits_for_number
from rules.poster import HeaderReading, is_time_line
from rules.support_words import names_a_campaign
from rules.types import AsnMatch
from rules.verdict import Thresholds, Verdict
from wording import id_analysis as why

# The body's second reading: enlarged ×2, a framed story's (already read ×2) ×3; a body
# shorter than MIN_BODY pixels (a header cropped to the bottom) is not read again.
BODY_ZOOM = 2.0
BODY_ZOOM_FRAMED = 3.0
TOP_EDGE = 2  # pixels: a line whose box starts this near the top was cut by a crop
MIN_BODY = 40
# A body read empty is looked at for small drawn text between these shares of the height
# (below any header, above any footer) and that text read enlarged this much.
EMPTY_BODY = (0.12, 0.9)
SMALL_ZOOM = 3.0
# A framed story's top, with no status bar of its own read, is known only to within its
# bubble's padding: the name strip reaches this share of the image's height further down.
FRAMED_SLACK = 0.03


@functools.cache
def default_engine() -> OcrEngine:
    return make_engine("ppocr")


def warm_up(engine: OcrEngine) -> None:
    """Load what a worker's first screenshots would otherwise wait for: the reader's models
    (one reading of a blank strip) and the emoji templates, upright and turned (0.2-0.4 s,
    paid until now by whichever story first showed an emoji at a slant)."""
    templates()
    templates(turned=True)
    engine.read(Image.new("RGB", (96, 32), "white"))


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
    # A verified tick read as the handle's last letter is dropped from it.
    layout = without_tick(shot.image, read_layout(lines, *shot.image.size), lines)
    first_header = layout.header
    span = story_span(lines, *shot.image.size)
    if span is not None:
        span = (picture_top(shot.image, *span), span[1])
        # Nothing above a framed story is its body: a notification's message left there by a
        # crop ("Dukung nomor 2 ya pak"), its app line and sender cut off, backs nobody.
        above = {line.text for line in lines if line.bottom <= span[0]}
        layout = replace(layout, body=tuple(t for t in layout.body if t not in above))
    support = find_support(layout.body_text, election)
    # Where the story's body is in the screenshot, for a second reading of it.
    body: tuple[int, int] | None = None
    if layout.header_box is not None:
        body = _body_below(layout.header_box[3], lines, layout, shot.image.height)
    # A framed story whose poster line the first reading found inside the frame and whose
    # body it read surely with no word of a campaign: no enlarged reading, of the story or
    # of its body.
    plain_framed = span is not None and framed_plainly_neutral(lines, layout, support, span)
    every_line = list(lines)  # and a framed story's enlarged reading's, in the screenshot
    if (
        span is not None
        and not plain_framed
        and not settled(layout, support, roster, alternatives + 1, thresholds, span)
    ):
        # A story inside a chat or a gallery viewer, not yet both identified and clear: read
        # it again, enlarged, and keep that reading of it (the chat's and the viewer's own
        # text stays out of it).
        framed_lines, size = read_framed(shot.image, span, engine, lines, bordered=True)
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
            framed = with_first_header(framed, layout.header, first_box, framed_lines, span, size)
        elif first_box is not None and first_box[1] >= span[0]:
            framed = first_handle_kept(framed, layout.header, roster, alternatives + 1)
        # The story's own top, in the screenshot: a header read again is read there, not
        # in the chat's or the viewer's title bar.
        scale = (span[1] - span[0]) / size[1]
        box = framed.header_box
        every_line += lines_in_screenshot(framed_lines, span[0], scale)
        layout = replace(
            framed,
            story_top=span[0] + round(framed.story_top * scale),
            framed=True,
            header_box=box and in_screenshot(box, span[0], scale),  # as a later look reads it
        )
        body = (span[0] + round(box[3] * scale) if box is not None else span[0], span[1])
        # The enlarged reading is usually the better one, but not always (an emoji read as
        # digits beside a number): the stronger finding of the two stands.
        enlarged = find_support(layout.body_text, election)
        if enlarged.confidence >= support.confidence:
            support = enlarged
    emoji_read: list[str] | None = None  # the story's text its emoji were read with
    if body is not None and not plain_framed and emoji_row(layout.body):
        # Nothing read on the body, or only a lone "03" or emoji read as letters: what its
        # emoji say is looked at first ("🤟🤟🤟 03 🔥🔥🔥"); found clear, the costly enlarged
        # readings of the body are not needed.
        said, among = emoji_finding(shot.image, body, lines, layout.body, engine, election)
        texts += among
        support = better_finding(support, said) if said is not None else support
        emoji_read = list(layout.body)
    small_read = False
    if not layout.framed and not layout.body_text.strip() and unclear(support, thresholds):
        # Nothing read between header and footer: a caption too small for the first
        # detection ("nomor 2" in letters 7 pixels high on a pale status) is read again,
        # enlarged, where something is drawn; a plain colour or a photo is not.
        h = shot.image.height
        top = max(body[0] if body is not None else 0, round(h * EMPTY_BODY[0]))
        ink = small_ink(shot.image, top, round(h * EMPTY_BODY[1]))
        if ink is not None:
            small, _size = read_framed(shot.image, ink, engine, zoom=SMALL_ZOOM)
            texts += [line.text for line in small]
            layout = replace(layout, body=tuple(line.text for line in small))
            support = find_support(layout.body_text, election)
            small_read = bool(small)  # (an emoji read as nothing: the body's reading stays)
    card = card_rows(lines, shot.image.height)
    if card is None and not layout.framed and (found := card_by_shape(shot.image, lines)):
        # A notification whose app line a crop cut off: its sender is no poster, its
        # message no part of the story.
        card, layout = found, without_card(layout, lines, found)
        support = find_support(layout.body_text, election)
    if card is not None and not layout.framed:
        layout, hidden = poster_under_card(shot.image, layout, lines, card)
        if hidden:
            support = find_support(layout.body_text, election)
        if body is None:
            # The header hidden under it: the body lies below it ("☝️ 1️⃣ 🔥", for the emoji).
            body = _body_below(card[1], lines, layout, shot.image.height)
    group_chat = functools.cache(  # asked only of a number read as the poster
        lambda: in_group_chat(lines) or (span is not None and group_chat_again(shot.image, engine))
    )
    if sharers_number(layout.header, layout.header.platform, group_chat, lines):
        # A group member's number atop the bubble they shared the story in (any reading's).
        layout = replace(layout, header=replace(layout.header, poster=None, evidence=()))
    # Who posted matters for the verdict only when the content backs someone: only then is
    # an unidentified header read again.
    backs_someone = (
        support.candidate is not None and support.confidence >= thresholds.support_review
    )
    if card is not None and not layout.framed and layout.story_top < card[1]:
        bar = status_bar_below(lines, card[1])
        if bar is not None:
            # The story's own status bar read under the notification (a story re-shot, or in
            # a viewer whose own lines the notification hides): its header is under that bar.
            layout = replace(layout, story_top=bar)
    # Where the name line is to be looked for again: below the story's status bar if one was
    # read at its top, at the story's scale.
    below_bar = status_bar_at(lines, layout.story_top, shot.image.height)
    place = NamePlace(
        below_bar=below_bar,
        scale=(span[1] - span[0]) / shot.image.height if layout.framed and span else 1.0,
        slack=FRAMED_SLACK if layout.framed and not below_bar else 0.0,
    )
    who_posted = functools.partial(
        _who_posted,
        shot.image,
        engine,
        roster,
        layout,
        alternatives + 1,
        thresholds,
        (place, group_chat, card, first_header),
        every_line,
        texts,  # (the list itself: a later call sees what later readings added)
    )
    header, matches, extra, unit = who_posted(backs_someone)
    identified = bool(matches) and matches[0].confidence >= thresholds.asn_flag
    if body is None and header.poster is None and not layout.framed:
        # No name line read at all (white over a pale photo): the story's rows below where
        # one stands, for the looks at a number left out and at emoji ("contreng nomor 4").
        h = shot.image.height
        body = _body_below(round(h * EMPTY_BODY[0]), lines, layout, h)
    # Support found would still make a review: a plausible ASN or namesakes, a poster
    # nobody can read (a notification over the name), a unit named instead of a person.
    plausible = bool(matches) or header.poster is None or unit is not None
    story = [t for t in layout.body if not _names_the_poster(t, header)]
    if (
        body is not None
        and body[1] - body[0] >= MIN_BODY
        and not small_read
        and not plain_framed
        and identified
        and (
            unclear(support, thresholds, layout.body_text)
            or read_small(story_lines, layout, support)
        )
        and not plainly_neutral(story_lines, layout, support, story_lines is not lines)
    ):
        # An ASN identified and nothing clear found in what they posted: tiny, script or thin
        # text the first, coarser detection missed or misread. Read the body again, enlarged
        # (a framed story's more than its first enlargement); a finding stronger than the
        # first stands. Small text read from a box a few pixels off reads otherwise: each
        # unsure line is recognised again from a tighter crop, and that reading counts too. A
        # framed story's enlarged reading that read its body large and sure, with no word of
        # a campaign, is not read a third time.
        zoom = BODY_ZOOM_FRAMED if layout.framed else BODY_ZOOM
        body_lines, _size = read_framed(
            shot.image, body, engine, lines, zoom, known, second_look=True, bordered=layout.framed
        )
        texts += [line.text for line in body_lines] + [x.second for x in body_lines if x.second]
        # All readings together too, as a person puts glances together: a support word read
        # by one, the name by another ("pihan ke pak Pahlevi", "pilihan ke pak Palei").
        second = second_reading(body_lines)
        said = [content_text(_not_the_poster(r, header)) for r in (body_lines, second) if r]
        for again in [*said, "\n".join([layout.body_text, *said])]:
            support = better_finding(support, find_support(again, election))
    body_text = ""  # the body as read upright, if it is read so
    slant = slanted_caption(lines, body, shot.image.width) if body is not None else None
    if slant is not None and not plain_framed and identified and unclear(support, thresholds):
        # A caption set at a slant over a photo, still not read clearly: the body turned
        # upright and read again.
        upright = read_upright(shot.image, slant[1], slant[0], engine)
        texts += [line.text for line in upright]
        body_text = content_text(_not_the_poster(upright, header))
        support = better_finding(support, find_support(body_text, election))
    if body is not None and plausible and (unclear(support, thresholds) or names_only(support)):
        # A printed card in the story (a sample ballot, shrunk and turned) the first reading
        # could not read, or read only a pair's names of: turned level, enlarged and read on
        # its own (in a framed story too: its other lines' sureness says nothing of it).
        for inset in unread_cards(shot.image, body, lines):
            on_card = [line.text for line in read_card(shot.image, inset, engine)]
            texts += on_card
            # The caption around it, without what the first reading made of the card.
            scraps = {line.text for line in lines if inset.holds(line)}
            rest = [t for t in layout.body if t not in scraps]
            said = find_support("\n".join([*rest, *on_card]), election)
            support = better_finding(support, said)
    under_header = "\n".join(x.text for x in lines if body is not None and x.top >= body[0])
    if body is not None and plausible and unclear(support, thresholds, under_header):
        # A caption's number alone on its last row beside an emoji ("COBLOS NOMOR" over
        # "1 🙏"), passed over by every detection: read where it stands. Also under a ballot
        # that names every pair ("COBLOS NO 1" on a label, read "COBLOSNO"); a slanted line
        # turned level first.
        in_body = [x for x in lines if x.top >= body[0] and abs(x.angle) <= MAX_TILT]
        for line in [x for x in in_body if waits_for_number(x.text)]:
            beside = waits_beside(line.text)
            if (number := number_after_line(shot.image, line, engine, beside)) is not None:
                texts.append(number)
                said = find_support(f"{layout.body_text}\n{line.text} {number}", election)
                support = better_finding(support, said)
    toasts = [line for line in lines if is_toast(line.text)]
    if toasts and plausible and unclear(support, thresholds):
        # A system toast over the caption ("Tidak ada koneksi internet"): what shows of the
        # caption below the toast's middle, read at its own size.
        box = (toasts[0].left, toasts[0].top, toasts[0].right, toasts[0].bottom)
        under = read_under_toast(shot.image, box, engine)
        texts += under
        said = find_support("\n".join([*layout.body, *under]), election)
        support = better_finding(support, said)
    if (
        not layout.framed
        and not any(t.strip() and not _names_the_poster(t, header) for t in layout.body)
        and not small_read
        and plausible
        and unclear(support, thresholds)
    ):
        # Nothing read on the body but the poster's name, and no small band of ink on it (a
        # photo): text a few pixels high, detected at the screenshot's own size.
        h = shot.image.height
        top = max(body[0] if body is not None else 0, round(h * EMPTY_BODY[0]))
        rows = (top, round(h * EMPTY_BODY[1]))
        tiny = read_full_size(shot.image, rows, engine)
        texts += tiny
        support = better_finding(support, find_support("\n".join(tiny), election))
    with_upright = [*story, body_text] if body_text else story
    if (
        body is not None
        and not plain_framed
        and plausible
        and unclear(support, thresholds)
        and with_upright != emoji_read  # (read with the same text already)
    ):
        # Still nothing clear: what the story's emoji say, with its text ("☝️☝️ 01 🔥", "💯 2️⃣
        # 💯 2️⃣ 💯"), read as junk or not at all by OCR. Not the poster's own name line, left
        # in the body when a later reading found the header ("Sri Aisyah Utami" is no voice
        # for a candidate "Dewi Utami").
        said, among = emoji_finding(shot.image, body, lines, with_upright, engine, election)
        texts += among
        support = better_finding(support, said) if said is not None else support
    if header.poster is None and not layout.framed and unclear(support, thresholds):
        # Nobody read as the poster, nothing clear: white letters over a busy photo, the name
        # over a pale sky above them, read with the photo taken away (a notification's not).
        white = [x for x in read_white_letters(shot.image, engine) if not under_card(x, card)]
        texts += [line.text for line in white]
        support = better_finding(support, find_support(content_text(white), election))
    if (
        not backs_someone
        and (not matches or matches[0].confidence < thresholds.asn_flag)
        and support.candidate is not None
        and support.confidence >= thresholds.support_review
    ):
        # Support found only by a later look (tiny text, emoji): the header is read again now,
        # as when the first reading finds support (a white name over a pale photo; ours 9187).
        header, matches, more, unit = who_posted(True)
        extra += more
    if _only_the_posters_name(support, header, layout.body):
        # "FERDIIDRIS DISPERKIM", the name line as a later reading read it, left in the
        # body: the poster's own name is no voice for a candidate called Idris.
        support = replace(support, candidate=None, confidence=0.0, signals=(), options=())
    verdict = decide(
        platform=header.platform,
        poster=header.poster,
        seen=header.seen,
        matches=matches,
        support=support,
        header_evidence=header.evidence,
        thresholds=thresholds,
        poster_unit=unit,
        content_covered=any(toast_over_text(t, lines) for t in toasts),
    )
    verdict.text = _unique_lines(texts + [line.text for line in extra])
    verdict.seconds = time.perf_counter() - started
    return verdict


def _who_posted(
    image: Image.Image,
    engine: OcrEngine,
    roster: RosterLookup,
    layout: Layout,
    limit: int,
    thresholds: Thresholds,
    where: tuple[NamePlace, Callable[[], bool], tuple[int, int] | None, HeaderReading],
    lines: Sequence[OcrLine],
    elsewhere: Sequence[str],
    backs_someone: bool,
) -> tuple[HeaderReading, list[AsnMatch], list[OcrLine], str | None]:
    """The poster, their roster matches, the later readings' lines and the unit a contact
    name names instead of a person (`read_poster`; `where`: the name's place, whether a
    group chat shows the story, a notification's rows and the first reading's header;
    `elsewhere`: what the readings so far read)."""
    place, group_chat, card, first_header = where
    header, matches, extra = read_poster(
        image,
        engine,
        roster,
        layout,
        backs_someone,
        limit,
        thresholds.asn_flag,
        place,
        group_chat,
        card,
        first_header,
        elsewhere,
    )
    # A handle one dot or underscore short of a rostered one, or with underscores for its
    # dots: looked at again.
    matches = check_lost_mark(image, engine, header, matches, layout.header_box, [*lines, *extra])
    unsure = not matches or matches[0].confidence < thresholds.asn_review
    if unsure and header.poster is not None and _name_line_cropped(layout, lines):
        # A crop through the name line: what a later reading made of its remains ("GADANG)"
        # of "BP. POLTAK (KELURAHAN SURAU GADANG)") is no one off the roster.
        evidence = why.HEADER_NAME_CROPPED.format(text=header.poster.text)
        header = replace(header, poster=None, evidence=(*header.evidence, evidence))
        matches = []
    unit = None
    if (
        unsure
        and header.poster is not None
        and header.poster.kind == "contact_name"
        and not names_a_campaign(header.poster.text)
    ):
        unit = roster.unit_named(header.poster.text)
    return header, matches, extra, unit


def _name_line_cropped(layout: Layout, lines: Sequence[OcrLine]) -> bool:
    """A crop cut through the name line: the poster line read touches the screenshot's top
    edge, or the first reading found no poster and read a WhatsApp time line ("Hari ini
    06.52") so near the top that the name line above it, as tall as it, had no room."""
    poster = layout.header.poster
    if layout.framed or (poster is not None and poster.kind == "phone"):
        return False  # (a number read whole has all its digits, whatever cut its line)
    if poster is not None:
        key = compact_word(poster.text)[:6]
        return bool(key) and any(x.top <= TOP_EDGE and key in compact_word(x.text) for x in lines)
    return any(is_time_line(x.text) and x.top < x.bottom - x.top for x in lines)


def _not_the_poster(lines: Sequence[OcrLine], header: HeaderReading) -> list[OcrLine]:
    """The lines without the poster's own name line: a body read again from the story's top
    (its header found by shape alone, with no box) holds it, and "hmaulana.117" beside
    "semangat" is no support for a candidate "Maulan"."""
    return [line for line in lines if not _names_the_poster(line.text, header)]


def _names_the_poster(text: str, header: HeaderReading) -> bool:
    """The text holds the poster's name as read in the header (six letters or more)."""
    key = compact_word(header.poster.text) if header.poster is not None else ""
    return len(key) >= 6 and key in compact_word(text)


_NAME_PART_CUED = why.RULE_WITH_SUPPORT_WORD.format(rule=why.RULE_NAME_PART)


def _only_the_posters_name(
    support: ElectionFinding, header: HeaderReading, body: Sequence[str]
) -> bool:
    """All the support found is a candidate's bare first or last name, each a word of the
    poster's own name as the header reads it; or such a name beside a support word where
    the body spells it only in its lines that name the poster (a name line read again,
    left in the body: "Pak Anwar SDN 2 Tombolo Pao" over "Beda pilihan boleh" is no
    "pilih Anwar"; blindgen 201 0063)."""
    key = compact_word(header.poster.text) if header.poster is not None else ""
    rest = compact_word(" ".join(t for t in body if not _names_the_poster(t, header)))
    return (
        support.candidate is not None
        and bool(key)
        and bool(support.signals)
        and all(
            compact_word(s.matched) in key
            and (
                s.rule == why.RULE_NAME_PART
                or (s.rule == _NAME_PART_CUED and compact_word(s.matched) not in rest)
            )
            for s in support.signals
        )
    )


def _body_below(top: int, lines: Sequence[OcrLine], layout: Layout, height: int) -> tuple[int, int]:
    """The story's body from row `top` down to its footer ("Kirim pesan", "Balas"): below
    it is only the phone's chrome."""
    footer = [x.top for x in lines if x.text in layout.footer and x.top > top]
    top = past_chrome(top, lines, layout.chrome)  # the song under a username
    return top, min(footer, default=height)


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
        # In the background, at the workers' nice: the first reports do not wait for it.
        self.warmed = self._executor.submit(warm_up, self.engine)

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
