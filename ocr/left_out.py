"""Text the detector left out: a digit standing alone beside emoji.

PP-OCR's detector passes over a lone thin "1" in a wide row, and reads a digit between emoji
as part of them ("🗳️ 2 ✅💯💯" read "210100"). Where the analysis expects a number (after a
line that ends "COBLOS NOMOR", or among emoji that say a vote), the place is read again: the
emoji painted over with the colour behind them, what is left cropped to its ink, enlarged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

import numpy as np
from PIL import Image, ImageOps

from ocr.emoji import Emoji, find_emoji
from ocr.engine import OcrEngine, OcrLine
from ocr.handle_marks import LINE_ZOOM
from ocr.slanted_rows import levelled, slanted_rows, turned_level

# Where a number left out of a line is looked for, in the line's heights: the row below it,
# as wide as the line (a caption wrapped before its number, set left or centred), and right
# after it. What is there is read enlarged this much, on a margin of the colour behind it.
NEXT_ROW = 1.8
LINE_END = 3.0
ZOOM = 3
MARGIN = 16
INK = 80  # how far from the colour behind it a pixel is drawn
# A row of emoji is read enlarged to about this height (never more than `ZOOM`): emoji 19 px
# high ×3, 60 px not at all.
ROW_HEIGHT = 60
# Emoji beside which a number counts: raised fingers, keycaps, and these.
_VOTE = frozenset({"cheer_ballot", "cheer_check"})

Box = tuple[int, int, int, int]


def read_after(image: Image.Image, box: Box, engine: OcrEngine) -> list[OcrLine]:
    """What stands right after a horizontal line (`box`) and on the row below it: a lone "1"
    beside an emoji on a caption's last row. The lines are in the crops' own coordinates."""
    left, top, right, bottom = box
    h = bottom - top
    found: list[OcrLine] = []
    for region in (
        (right, top, right + round(LINE_END * h), bottom),
        (left - h // 2, bottom, right + h // 2, bottom + round(NEXT_ROW * h)),
    ):
        emoji = find_emoji(image, (max(0, region[1] - h), min(image.height, region[3] + h)))
        lines = _read_masked(image, region, emoji, h, engine)
        if lines and max(x.conf for x in lines) < _WIDENED_SURE:
            # A lone thin "1" read unsurely at one size is often sure at another (0.60 at
            # three times its size, 1.00 at four: blindgen 279 0050).
            again = _read_masked(image, region, emoji, h, engine, ZOOM + 1)
            lines = max(lines, again, key=lambda read: max((x.conf for x in read), default=0))
        found += lines
    return found


# A number alone after a line waiting for it ("1", "02", "1!").
LONE_NUMBER = re.compile(r"0?[1-9][!.]?")
# What a line read again from its widened box must hold to say the number it waited for.
_WIDENED_SURE = 0.9


def number_after(image: Image.Image, box: Box, text: str, engine: OcrEngine) -> str | None:
    """The number a line waiting for one ("COBLOS NOMOR", `text`, in `box`) was cut off
    from: the line read again from its box widened by one height each way, where its row
    reads as itself and a number ("COBLOS NO 1" on a label, whose detected box ended in the
    "1": read "COBLOSNO"; "contreng nomor 4 ya", its blue "4" between two detected lines),
    or the one number right of it or on the row below (`read_after`: "🔥 2 ya 😉 💯" read
    "2", "ya", "100"). None when there is not exactly one."""
    left, top, right, bottom = box
    h = bottom - top
    above = max(0, top - h // 4)
    crop = image.crop((max(0, left - h), above, right + h, bottom + h // 4)).convert("RGB")
    said = _LETTERS_DIGITS.sub("", text).lower()
    if (number := _widened_number(crop, top - above + h / 2, said, engine)) is not None:
        return number
    after = [x.text for x in read_after(image, box, engine) if x.conf >= _WIDENED_SURE]
    numbers = [t for t in after if LONE_NUMBER.fullmatch(t)]
    if len(numbers) == 1:
        return numbers[0]
    # Enlarged, the detector sets the words apart and the number with them: "Beta pilih
    # nomor 4," in bold italic over a crowd, read "Betapilihnomor" at its own size.
    big = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
    return _widened_number(big, 2 * (top - above + h / 2), said, engine)


# A line slanted this much or more (degrees) is turned level before the number after it is
# looked for: its level box is no row.
LEVEL_TILT = 3.0


def number_after_line(
    image: Image.Image, line: OcrLine, engine: OcrEngine, beside: bool = False
) -> str | None:
    """`number_after` for a detected line waiting for a number. A line set at a slant
    ("MONGGO DULUR, COBLOS NOMOR" turned 6° over "1 🙏", blindgen 279 0050: its level box
    cut the row below in half) is turned level with what lies around it and found again
    there, and the number looked for after it as for a level one. `beside`: only if
    something is drawn right after the line ("pokoknya pilih" before "👍 3", the detector's
    line ended at "pilih": ours 9271 0271); a line ending in empty background is read once."""
    box = (line.left, line.top, line.right, line.bottom)
    if beside and not drawn_after(image, box):
        return None
    if abs(line.angle) < LEVEL_TILT:
        return number_after(image, box, line.text, engine)
    h = round(line.text_height)
    around = (
        max(0, line.left - 2 * h),
        max(0, line.top - 2 * h),
        min(image.width, line.right + 2 * h),
        min(image.height, line.bottom + 3 * h),
    )
    turned = turned_level(image, around, line.angle)
    said = _LETTERS_DIGITS.sub("", line.text).lower()
    for again in engine.read(turned):
        if _LETTERS_DIGITS.sub("", again.text).lower() == said:
            return number_after(turned, (again.left, again.top, again.right, again.bottom),
                                again.text, engine)  # fmt: skip
    return None


# Right of a line, this many of its heights are looked at for something drawn.
BESIDE = 1.5


def drawn_after(image: Image.Image, box: Box) -> bool:
    """Something (a glyph, an emoji) is drawn right after the line in `box`, on its row: a
    few columns there differ from the colour behind the line's own letters."""
    left, top, right, bottom = box
    h = bottom - top
    end = min(image.width, right + round(BESIDE * h))
    if h < 4 or end - right < 4 or right <= left:
        return False
    behind = _median_colour(image.crop((left, top, right, bottom)).convert("RGB"))
    after = image.crop((right + 2, top, end, bottom)).convert("RGB")
    return len(_ink_columns(after, behind)) >= max(2, h // 5)


def _widened_number(crop: Image.Image, middle: float, said: str, engine: OcrEngine) -> str | None:
    """The number right after the line's own words (`said`, letters and digits only) on the
    row through `middle` of the widened `crop`, read surely; None otherwise."""
    lines = engine.read(ImageOps.expand(crop, MARGIN, fill=_median_colour(crop)))
    # The widened line's row, left to right (the line's middle, in the crop's coordinates).
    row = sorted((x for x in lines if x.top <= MARGIN + middle <= x.bottom), key=lambda x: x.left)
    read = _LETTERS_DIGITS.sub("", "".join(x.text for x in row)).lower()
    head, rest = read[: len(said)], read[len(said) :]
    same = head.replace("0", "o") == said.replace("0", "o")  # "COBLOS N0 1"
    number = _NUMBER_FIRST.match(rest)
    if number and row and same and min(x.conf for x in row) >= _WIDENED_SURE:
        return number.group(1)
    return None


_LETTERS_DIGITS = re.compile(r"[^A-Za-z0-9]")
# The number first in what the widened line holds after the line as first read, the next
# line's words after it ("4ya" of "contreng nomor 4 ya"), not a year or a date ("2024").
_NUMBER_FIRST = re.compile(r"(0?[1-9])(?![\d.,:/])")


def read_among_emoji(image: Image.Image, emoji: Sequence[Emoji], engine: OcrEngine) -> list[str]:
    """Each row of emoji read with the emoji painted over: the digit between "🗳️" and "✅"
    that OCR glued to them. One text per row, its lines joined. A row slanted with the
    story's rotated text (`slanted_rows`) is turned level first, and read instead of the
    pieces its emoji made of rows by their tops."""
    rows: list[list[Emoji]] = []
    for e in sorted(emoji, key=lambda e: e.top):
        if rows and abs(rows[-1][0].top - e.top) < rows[-1][0].side / 2:
            rows[-1].append(e)
        else:
            rows.append([e])
    slanted = slanted_rows(emoji)
    on_slant = {id(e) for _, row in slanted for e in row}
    texts = [
        text
        for row in rows
        if not all(id(e) in on_slant for e in row) and (text := _read_row(image, row, engine))
    ]
    for angle, row in slanted:
        level_image, level_row = levelled(image, row, angle)
        if text := _read_row(level_image, level_row, engine):
            texts.append(text)
    return texts


def _read_row(image: Image.Image, row: Sequence[Emoji], engine: OcrEngine) -> str:
    """What one row of emoji holds beside them, read with them painted over ("" when the
    row says nothing a number could go with)."""
    if not any(e.meaning.startswith(("finger", "key")) or e.name in _VOTE for e in row) and not (
        _typed_cheers(row)
    ):
        # One fire or heart alone: no number beside it to read. A row of them typed side
        # by side may flank a pair's number ("✌️✌️✌️ 02 🔥🔥🔥" in white script on
        # yellow, its fingers lost on the yellow and its "02" read by no first reading:
        # blindgen 225); "💯"s matched all over a photo's texture do not stand so.
        return ""
    # Sized by the emoji that say something: a "🖐️" matched on a label's rounded end,
    # twice their size, would make the row's read too coarse for a thin "1".
    sized = [e for e in row if e.meaning != "other"] or list(row)
    side = max(e.side for e in sized)
    top = min(e.top for e in sized)
    region = (
        min(e.left for e in sized) - 2 * side,
        top - side // 4,
        max(e.left + e.side for e in sized) + 2 * side,
        top + side + side // 4,
    )
    zoom = min(ZOOM, max(1.0, ROW_HEIGHT / side))
    lines = _read_masked(image, region, row, side, engine, zoom)
    # Nothing read among large emoji: a thin script "1" alone between them ("🗳️ 1
    # ✅💯💯") is no text to the detector until it is large; one 12 pixels high on a
    # label, not at three times that either.
    for larger in (ZOOM, 2 * ZOOM):
        if lines or zoom >= larger:
            continue
        lines = _read_masked(image, region, row, side, engine, larger)
    text = " ".join(line.text for line in lines)
    if not _LONE_DIGIT.search(text):
        # The row read whole gave no number ("🗳️ 2 ✅💯💯" read "100", a 💯 left unnamed
        # drawing the reading to it): the gap between two vote emoji read alone.
        text = " ".join([text, *_between_votes(image, sized, side, engine)]).strip()
    unsure = _unsure_between(row)
    if not _PAIR_NUMBER.search(text) and unsure:
        # A white italic "01" between "☝️☝️☝️" and "🔥🔥🔥" taken for a "✨" and painted
        # over with the emoji (ours 9193): read again with only the emoji that say
        # something painted over; an "other" emoji read as junk is no lone digit.
        kept = [e for e in row if e not in unsure]
        again = _read_masked(image, region, kept, side, engine, max(zoom, ZOOM))
        text = " ".join([text, *(line.text for line in again)]).strip()
    return text


def _unsure_between(row: Sequence[Emoji]) -> list[Emoji]:
    """The "other" emoji of a row matched unsurely (`_OTHER_SURE`) that stand between two
    that say something, where a pair's number would: "☝️☝️☝️ ✨ 🔥🔥🔥". And any but a vote's
    between a ballot box and a tick, the number's own place: a grey "2" matched as a "💯"
    in "🗳️ 2 ✅💯💯" (blindgen 217)."""
    said = [e.left for e in row if e.meaning != "other"]
    votes = [e.left for e in row if e.name in _VOTE]

    def between(e: Emoji, xs: list[int]) -> bool:
        return any(x < e.left for x in xs) and any(x > e.left for x in xs)

    return [
        e
        for e in row
        if (e.meaning == "other" and e.likeness < _OTHER_SURE and between(e, said))
        or (e.name not in _VOTE and between(e, votes))
    ]


def _typed_cheers(row: Sequence[Emoji]) -> bool:
    """`_CHEERS_ROW` cheers or more, of one size, each next to the last as typed emoji
    stand: not overlapping, and no wider apart than half an emoji."""
    cheers = sorted((e for e in row if e.meaning == "cheer"), key=lambda e: e.left)
    if len(cheers) < _CHEERS_ROW:
        return False
    side = max(e.side for e in cheers)
    return min(e.side for e in cheers) >= 0.8 * side and all(
        0.9 * side <= b.left - a.left <= 1.5 * side for a, b in pairwise(cheers)
    )


_LONE_DIGIT = re.compile(r"(?<!\d)[1-9](?!\d)")
_PAIR_NUMBER = re.compile(r"(?<!\d)0?[1-9](?!\d)")  # "2" or "02"
_CHEERS_ROW = 2
# An emoji that says nothing, matched this unsurely, may be a letter or digit after all.
_OTHER_SURE = 0.85


def _between_votes(
    image: Image.Image, row: Sequence[Emoji], side: int, engine: OcrEngine
) -> list[str]:
    """What stands in each gap between two emoji of a row, one of them a vote's ("🗳️ 2 ✅"),
    read alone and enlarged: a glyph's width to three emoji wide."""
    ordered = sorted(row, key=lambda e: e.left)
    texts = []
    for a, b in pairwise(ordered):
        gap = b.left - (a.left + a.side)
        if not (a.name in _VOTE or b.name in _VOTE) or not side // 3 <= gap <= 3 * side:
            continue
        top = min(a.top, b.top)
        region = (a.left, top - side // 4, b.left + b.side, top + side + side // 4)
        lines = _read_masked(image, region, row, side, engine, 2 * ZOOM)
        texts += [line.text for line in lines]
    return texts


# A keycap read on its own is enlarged to about this side: its digit, at 24×24 beside the
# templates (`ocr.emoji`), is one blur from its neighbours (a 3 matched as a 4).
KEYCAP_SIDE = 96


def read_keycaps(image: Image.Image, emoji: Sequence[Emoji], engine: OcrEngine) -> list[Emoji]:
    """The emoji, each keycap's digit read by OCR from the keycap alone, enlarged: "3️⃣"
    whose template match said "4️⃣". A keycap whose digit OCR does not read as one digit
    keeps its template's."""
    out = []
    for e in emoji:
        if e.meaning.startswith("key") and e.side >= 8:
            cap = image.crop((e.left, e.top, e.left + e.side, e.top + e.side)).convert("RGB")
            behind = _median_colour(cap)
            zoom = max(1.0, KEYCAP_SIDE / e.side)
            cap = cap.resize((round(cap.width * zoom),) * 2, Image.Resampling.BICUBIC)
            read = "".join(x.text for x in engine.read(ImageOps.expand(cap, 24, fill=behind)))
            digit = read.strip(" .,:;'\"|()[]")
            if len(digit) == 1 and digit in "123456789":
                e = replace(e, name=f"key{digit}")
        out.append(e)
    return out


def _read_masked(
    image: Image.Image,
    region: Box,
    emoji: Sequence[Emoji],
    h: int,
    engine: OcrEngine,
    zoom: float = ZOOM,
) -> list[OcrLine]:
    x0, y0, x1, y1 = region
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(image.width, x1), min(image.height, y1)
    if x1 - x0 < h or y1 - y0 < h // 2:
        return []
    crop = image.crop((x0, y0, x1, y1)).convert("RGB")
    behind = _median_colour(crop)
    for e in emoji:
        if e.left + e.side > x0 and e.left < x1:
            crop.paste(behind, (e.left - x0, e.top - y0, e.left - x0 + e.side, e.top - y0 + e.side))
    # Only what is drawn there, enlarged: a thin "1" alone in a wide row is no text to the
    # detector.
    cols = _ink_columns(crop, behind)
    if not len(cols):
        return []
    crop = crop.crop((max(0, cols[0] - h // 2), 0, cols[-1] + h // 2, crop.height))
    size = (round(crop.width * zoom), round(crop.height * zoom))
    crop = crop.resize(size, Image.Resampling.BICUBIC)
    return engine.read(ImageOps.expand(crop, border=round(MARGIN * zoom), fill=behind))


def _ink_columns(
    crop: Image.Image, behind: tuple[int, int, int], faint: bool = False
) -> np.ndarray:
    """The columns of an RGB crop with something drawn on them (`INK` from `behind`).
    `faint`: white over a pale photo, or grey over a pale header, differs from it by less than
    `INK`; there, ink is what differs by most of the crop's widest difference."""
    diff = np.abs(np.asarray(crop, dtype=np.int16) - np.array(behind)).max(axis=2)
    ink = INK
    if faint and diff.size:
        ink = min(INK, max(FAINT_INK, round(FAINT_SHARE * int(diff.max()))))
    return np.flatnonzero((diff > ink).any(axis=0))


# Faint ink: at least this far from the colour behind, and this share of the widest distance.
FAINT_INK = 30
FAINT_SHARE = 0.6


def _median_colour(crop: Image.Image) -> tuple[int, int, int]:
    """The colour most of an RGB crop is: what is behind the glyphs on it."""
    r, g, b = (int(c) for c in np.median(np.asarray(crop).reshape(-1, 3), axis=0))
    return r, g, b


# A space between words is at least this share of the line's height wide; the gaps between
# letters of a handle are narrower.
SPACE = 0.3


def read_beyond_gap(image: Image.Image, box: Box, engine: OcrEngine) -> str | None:
    """What stands right of the widest gap in a line (left, top, right, bottom), read alone:
    the story's age after an Instagram handle that OCR read run into it ("veronika_haning23j"
    of "veronika_haning2 · 3 j"). The age may hold a wider space of its own ("maimunahpermadi.98
    59 m", ours 9271 0041): what follows the widest gap holding no digit, the next widest is
    read too. None when the line shows no gap a space wide."""
    x0, y0, x1, y1 = box
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(image.width, x1), min(image.height, y1)
    h = y1 - y0
    if x1 - x0 < 2 * h or h < 6:
        return None
    crop = image.crop((x0, y0, x1, y1)).convert("RGB")
    behind = _median_colour(crop)
    cols = _ink_columns(crop, behind, faint=True)
    if len(cols) < 2:
        return None
    steps = np.diff(cols)
    read = None
    for gap in np.argsort(-steps, kind="stable")[:2]:
        if steps[gap] < SPACE * h:
            break
        part = crop.crop((max(0, int(cols[gap + 1]) - h // 4), 0, crop.width, crop.height))
        part = part.resize((part.width * 2, part.height * 2), Image.Resampling.BICUBIC)
        lines = engine.read(ImageOps.expand(part, border=2 * MARGIN, fill=behind))
        read = " ".join(line.text for line in lines) or None
        if read and any(ch.isdigit() for ch in read):
            break
    return read


def read_full_size(image: Image.Image, rows: tuple[int, int], engine: OcrEngine) -> list[str]:
    """The rows (top, bottom) of a story's body read with the detector at the screenshot's
    own size, not the first reading's coarser one: text a few pixels high over a photo (a
    sticker's "#MaokMenang", 8 pixels high over gravel), which the coarser detection passes
    over and which no band of ink singles out from the photo's own edges."""
    top, bottom = rows
    if bottom - top < MARGIN:
        return []
    crop = image.crop((0, top, image.width, bottom)).convert("RGB")
    # Enlarged for the recognizer; the detector sees it at the screenshot's own scale.
    crop = crop.resize((crop.width * LINE_ZOOM, crop.height * LINE_ZOOM), Image.Resampling.LANCZOS)
    return [line.text for line in engine.read(crop, fine=True)]


# Under a system toast: from the toast's middle down this many of its heights. The caption a
# toast lies over shows its lower half below the toast's pill.
UNDER_TOAST = 2.5


def read_under_toast(image: Image.Image, box: Box, engine: OcrEngine) -> list[str]:
    """What a system toast (`box`, its text's line) leaves showing of the caption under it:
    the rows from its middle down, read at their own size (the first reading took the toast
    and the caption's remains for one line, or none)."""
    _left, top, _right, bottom = box
    h = bottom - top
    band = (0, (top + bottom) // 2, image.width, min(image.height, round(bottom + UNDER_TOAST * h)))
    if band[3] - band[1] < h:
        return []
    return [line.text for line in engine.read(image.crop(band).convert("RGB"), fine=True)]
