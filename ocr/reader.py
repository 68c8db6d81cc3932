"""Second opinions on a header the first reading could not make out.

The whole screenshot is read once (`OcrEngine.read`). White header text over a pale photo or
a pale status colour (a white cup, sky, a light grey background) can stay unread in that
pass; when who posted matters (the content backs a candidate) the header band is read again
from images that bring such text out, one at a time until the poster is identified:

- "plain": the band as captured, read alone at its own size (the first reading shrinks the
  whole screenshot for detection): thin white text over grass, gravel or leaves;
- "contrast": the band in grey, contrast-stretched: faint white-on-pale text becomes dark
  enough to detect;
- "faint": the brightness above the local median, amplified, as dark text on white: for white
  names over a white cup or sky, where stretching the whole band does not help;
- "strip": the name line alone, as its faint contrast over a wider neighbourhood with JPEG
  noise averaged away, enlarged ×2: the faintest names. The line is looked for below the
  story's status bar, or from the story's top when none was read (cropped off, zoomed out
  of the picture), at the story's scale (`NamePlace`);
- "tophat": the name line alone, as its darkest channel above its grey opening, enlarged ×2:
  white names over a white glow, which a median smooths away;
- "tesseract" (not asked by default, kept for the benchmark): the stretched band read by
  tesseract, when the main engine is not tesseract.

Which of them earns its cost is measured by `bench/ocr_engines.py` (README).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageOps
from scipy import ndimage

from ocr import preprocess as pp
from ocr.engine import OcrEngine, OcrLine

# Measured on a set not used for tuning (bench/ocr_engines.py, README): of 11 posters the
# first reading missed, contrast reads 4, faint 7 (2 no other reads), strip 5 (1), tesseract
# 2 (none no other reads): tesseract is no longer asked by default. Tophat (2026-12-02) read
# 6 of 14 pale names the scored sets missed, strip 2 of them. Cheapest first: each stops the
# chain once the poster is identified, and faint's full-resolution median costs the most.
# "plain" (2026-12-02): the band as captured, read at its own size, which the first reading
# shrinks with the whole screenshot; over grass or gravel thin white text drowns there, and
# contrast stretching makes it worse.
HEADER_OPINIONS = ("plain", "contrast", "tophat", "strip", "faint")
OPTIONAL_OPINIONS = ("tesseract",)
# Where the poster's name sits in both apps' headers, below the status bar and progress
# segments, right of the avatar (fractions of the width, and of the height below the story's
# top).
NAME_STRIP = (0.10, 0.045, 0.80, 0.11)
# A story inside a chat or a viewer is shown at half its size or less: read it enlarged.
FRAME_ZOOM = 2.0
FRAME_MAX_SIDE = 2600
# The band read again: from the story's top to this share of the image's height below it.
HEADER_BAND = 0.2


@dataclass(frozen=True, slots=True)
class NamePlace:
    """Where the name strip lies in the header band. `below_bar`: a status bar opens the
    band and the name line sits below it; without one (cropped off, or not read) the name
    may be at the band's very top. `scale`: the story's height as a share of the image's (a
    story inside a chat or a viewer is smaller)."""

    below_bar: bool = True
    scale: float = 1.0
    # How much further down (a share of the image's height) the strip reaches: a story
    # framed in a chat or a viewer, with no status bar of its own read, starts somewhere
    # below the last message, within its bubble's padding.
    slack: float = 0.0


# A framed story smaller than this share of the screenshot's height has its header band
# enlarged by the inverse of its scale, at most this much, before the band's opinions read it.
FRAMED_SCALE = 0.8
FRAMED_ZOOM_MAX = 2.0


def header_band(image: Image.Image, top: int = 0) -> tuple[int, int, int, int]:
    """The band a header is read again in: from the story's `top` (0: not known, then below
    a letterbox's top bar if there is one) down a fifth of the screen."""
    h = image.height
    top = max(0, min(top or letterbox_top(image), h - 1))
    bottom = min(h, top + round(HEADER_BAND * h))
    return (*_between_side_bars(image, top, bottom), bottom)


def _between_side_bars(image: Image.Image, top: int, bottom: int) -> tuple[int, int, int]:
    """(left, top, right) of rows `top`..`bottom` without a letterbox's black side bars, whose
    black would hold a contrast stretch of a pale header down."""
    w, _h = image.size
    cols = np.asarray(image.crop((0, top, w, bottom)).convert("L"), dtype=np.float32)
    black = (cols.max(axis=0) <= _BAR_LEVEL) & (cols.std(axis=0) <= _BAR_SPREAD)
    left = int(np.argmin(black)) if not black.all() else 0
    right = w - int(np.argmin(black[::-1])) if not black.all() else w
    if left < MIN_LETTERBOX * w:
        left = 0
    if w - right < MIN_LETTERBOX * w:
        right = w
    return left, top, right


def read_header_again(
    image: Image.Image,
    box: tuple[int, int, int, int],
    opinion: str,
    engine: OcrEngine,
    tesseract: Callable[[], OcrEngine] | None = None,
    place: NamePlace = NamePlace(),
) -> list[OcrLine]:
    """Lines of the header band prepared for one opinion, in full-image coordinates.

    Each opinion recognises every line it detects, even one the first reading read large
    and sure: its box differs, and so can its reading ("Satpol" where the first read
    "Satol"). Reusing those readings was measured (2026-12-02): 0.1–0.3 s less on a header
    read again; on 21 looked-at sets four true flags lost, one more flagged with the wrong
    ASN, one gained."""
    band = image.crop(box)
    # A story shrunk into a chat or a viewer is read at a phone screen's scale: its name 14 px
    # high over grass was detected in no opinion at its own size, and read "dewi 82" at 1.5×
    # (our set 9189).
    zoom = min(FRAMED_ZOOM_MAX, 1 / place.scale) if place.scale < FRAMED_SCALE else 1.0
    if zoom > 1.0:
        band = pp.upscale(band, zoom)
    rgb = pp.as_array(band)
    stretched = ImageOps.autocontrast(pp.grey(rgb), cutoff=3)
    if opinion == "plain":
        lines = engine.read(band.convert("RGB"))
    elif opinion == "contrast":
        lines = engine.read(stretched.convert("RGB"))
    elif opinion == "faint":
        lines = engine.read(pp.faint_bright_text(rgb).convert("RGB"))
    elif opinion in ("strip", "tophat"):
        # The name line alone, enlarged: for a white name on a white cup or a bright sky.
        # "strip": its faint contrast over a wider neighbourhood with the JPEG noise averaged
        # out; "tophat": its darkest channel above the background's grey opening.
        strip_box = name_strip(image, box, place)
        rgb = pp.as_array(image.crop(strip_box))
        if opinion == "strip":
            strip = pp.faint_bright_text(rgb, size=(15, 61), gain=15, smooth=2)
        else:
            strip = pp.tophat_bright_text(rgb)
        lines = engine.read(pp.upscale(strip, 2.0).convert("RGB"), fine=True)
        return [_shifted(_scaled(line, 0.5), strip_box[0], strip_box[1]) for line in lines]
    elif opinion == "tesseract":
        reader = tesseract() if tesseract else None
        if reader is None or reader.name == engine.name:
            return []
        lines = reader.read(pp.upscale(stretched, 2.0))
        lines = [_scaled(line, 0.5) for line in lines]
    else:
        raise ValueError(f"unknown header opinion {opinion!r}")
    return [_shifted(_scaled(line, 1 / zoom), box[0], box[1]) for line in lines]


def name_strip(
    image: Image.Image, box: tuple[int, int, int, int], place: NamePlace = NamePlace()
) -> tuple[int, int, int, int]:
    """Where the poster's name line lies in the header band `box` (see `NamePlace`)."""
    w, h = image.size
    left, top, right, bottom = NAME_STRIP
    return (
        round(w * left),
        box[1] + (round(h * place.scale * top) if place.below_bar else 0),
        round(w * right),
        min(h, box[1] + round(h * (place.scale * bottom + place.slack))),
    )


# How far below a framed story's upper bound its picture may begin (a share of the height),
# and the spread of grey levels along a row of flat background (JPEG noise stays under it).
PICTURE_SEARCH = 0.3
FLAT_ROW = 4.0


# White text is faint only over a background at least this bright (the brightest channel's
# median over the name strip): over a darker one it stands out to every other opinion.
PALE_BACKGROUND = 150


def pale_behind_name(
    image: Image.Image, box: tuple[int, int, int, int], place: NamePlace = NamePlace()
) -> bool:
    """The name strip's background is pale: the case the "faint" opinion is for."""
    rgb = pp.as_array(image.crop(name_strip(image, box, place)))
    return bool(rgb.size) and float(np.median(rgb.max(axis=2))) >= PALE_BACKGROUND


# A first-pass line at least this tall and this sure needs no second recognition. Not 0.9
# (2026-12-03): tiny neon text in a gallery read "KITAPILIHYGSDHTERBUKTIUJU" at 0.90 kept that
# text through every enlarged reading; recognised again enlarged it is "KITA PILIH YG SDH
# TERBUKTI.ZUJU!" (0.93).
LEGIBLE_HEIGHT = 24
LEGIBLE_CONF = 0.95


def read_framed(
    image: Image.Image,
    span: tuple[int, int],
    engine: OcrEngine,
    first: Sequence[OcrLine] = (),
    zoom: float = FRAME_ZOOM,
    known: Sequence[OcrLine] = (),
    second_look: bool = False,
    bordered: bool = False,
) -> tuple[list[OcrLine], tuple[int, int]]:
    """The band a framed story occupies, enlarged and read for small text: its lines (in
    the enlarged band's coordinates) and the band's size. Lines the first reading (`first`)
    read well at a legible size, and the `known` lines of other enlarged readings (see
    `legible`), are reused, not recognised again. `bordered`: the band is a framed story's,
    and where the story stands narrower than the screenshot (in a chat's bubble, in a
    viewer), only the columns between its borders are read (see `story_columns`)."""
    w, _h = image.size
    band = image.crop((0, span[0], w, span[1]))
    factor = min(zoom, FRAME_MAX_SIDE / max(band.size))
    size = (round(band.width * factor), round(band.height * factor))
    # Rows with nothing drawn on them (a plain or graded colour above and below a caption)
    # hold no text: only the rows between the first and last drawn ones are read, and the
    # lines are put back where they stand in the whole band.
    top, bottom = drawn_rows(band)
    if bottom <= top:
        return [], size
    left, right = story_columns(band, top, bottom, first, span[0]) if bordered else (0, w)
    part = band.crop((left, top, right, bottom))
    big = part.resize(
        (round(part.width * factor), round(part.height * factor)), Image.Resampling.LANCZOS
    )
    dx, dy = round(left * factor), round(top * factor)
    reused = [
        _scaled(_shifted(line, -left, -span[0] - top), factor)
        for line in [*legible(first), *known]
        if line.top >= span[0] + top
        and line.bottom <= span[0] + bottom
        and line.left >= left
        and line.right <= right
    ]
    whole = size[0] if right - left < w else 0
    lines = engine.read(big, fine=True, known=reused, second_look=second_look, whole_width=whole)
    return [_shifted(line, dx, dy) for line in lines], size


# A story's border: a column where this share of the band's drawn rows step by more than
# `BORDER_STEP` in grey from the column before; the story between two borders is at least
# `NARROWEST_STORY` of the screenshot's width, and is read with `BORDER_PAD` pixels either side.
# Where the two borders run side by side, breaks of up to `BORDER_GAP` rows are bridged.
BORDER_STEP = 40
BORDER_SHARE = 0.6
NARROWEST_STORY = 0.4
BORDER_PAD = 4
BORDER_GAP = 8


def story_columns(
    band: Image.Image, top: int, bottom: int, first: Sequence[OcrLine], band_top: int
) -> tuple[int, int]:
    """The columns (left, right) of a story standing narrower than the screenshot in its
    band's rows `top`..`bottom`: a chat's bubble or a viewer's page, whose two borders run down
    most of the band; the chat's wallpaper and the viewer's margins beside it hold no text of
    the story, and reading them enlarged costs as much as the story. The whole width when no
    two borders are found, or when a line the first reading (`first`, in the screenshot's
    coordinates; the band starts at `band_top`) read beside the borders' rows stands outside
    them: a card inside the story, not the story."""
    w = band.width
    grey = np.asarray(band.crop((0, top, w, bottom)).convert("L"), dtype=np.int16)
    steps = np.abs(np.diff(grey, axis=1)) > BORDER_STEP
    borders = np.flatnonzero(steps.mean(axis=0) > BORDER_SHARE)
    if len(borders) < 2:
        return 0, w
    left, right = int(borders[0]), int(borders[-1]) + 2  # the step is right of column x
    if right - left < NARROWEST_STORY * w or (left <= BORDER_PAD and right >= w - BORDER_PAD):
        return 0, w
    start, end = _longest_run(steps[:, left] & steps[:, right - 2])
    if end < start:
        return 0, w  # two edges never side by side: no story's borders
    first_row, last_row = band_top + top + start, band_top + top + end
    left, right = max(0, left - BORDER_PAD), min(w, right + BORDER_PAD)
    for line in first:
        beside = first_row <= line.centre_y <= last_row
        if beside and (line.left < left or line.right > right):
            return 0, w
    return left, right


# A row is drawn on where two neighbouring pixels differ by more than this in grey (JPEG's
# noise on a plain colour stays under 12); the rows read keep this share of the band's
# height around the drawn ones.
DRAWN_STEP = 24
DRAWN_MARGIN = 0.03


def drawn_rows(band: Image.Image) -> tuple[int, int]:
    """The first and last (exclusive) rows of `band` with anything drawn on them, widened
    by `DRAWN_MARGIN`; (0, 0) for a band of one plain or graded colour."""
    grey = np.asarray(band.convert("L"), dtype=np.int16)
    steps = np.abs(np.diff(grey, axis=1)).max(axis=1, initial=0) > DRAWN_STEP
    rows = np.flatnonzero(steps)
    if not len(rows):
        return 0, 0
    margin = round(DRAWN_MARGIN * band.height)
    return max(0, int(rows[0]) - margin), min(band.height, int(rows[-1]) + 1 + margin)


def _longest_run(mask: np.ndarray, gap: int = BORDER_GAP) -> tuple[int, int]:
    """The first and last index of the longest run of True in `mask`, gaps of up to `gap`
    False bridged (a border crossed by a glyph or a thin line)."""
    best, start, last = (0, -1), -1, -gap - 2
    for i in np.flatnonzero(mask):
        if i - last > gap + 1:
            start = int(i)
        last = int(i)
        if last - start > best[1] - best[0]:
            best = (start, last)
    return best


def legible(
    lines: Sequence[OcrLine], span: tuple[int, int] = (0, 0), size: tuple[int, int] | None = None
) -> list[OcrLine]:
    """The lines read with confidence at a legible size, in the image's coordinates: lines
    of an enlarged reading of the band `span` (whose enlarged size is `size`) are mapped
    back. A later, more enlarged reading would read their text again, no better."""
    factor = 1.0 if size is None else size[1] / max(1, span[1] - span[0])
    return [
        _shifted(_scaled(line, 1 / factor), 0, span[0]) if size is not None else line
        for line in lines
        if line.conf >= LEGIBLE_CONF and line.text_height >= LEGIBLE_HEIGHT
    ]


def _scaled(line: OcrLine, f: float) -> OcrLine:
    return replace(
        line,
        left=round(line.left * f),
        top=round(line.top * f),
        right=round(line.right * f),
        bottom=round(line.bottom * f),
        height=line.height * f,
    )


def in_screenshot(box: tuple[int, int, int, int], top: int, f: float) -> tuple[int, int, int, int]:
    """A box (left, top, right, bottom) of a band enlarged from the screenshot's row `top`
    on, `f` its screenshot pixels per enlarged pixel, in the screenshot."""
    left, upper, right, lower = box
    return round(left * f), top + round(upper * f), round(right * f), top + round(lower * f)


def lines_in_screenshot(lines: Sequence[OcrLine], top: int, f: float) -> list[OcrLine]:
    """Lines read in a band enlarged from the screenshot's row `top` on, where they stand in
    the screenshot (see `in_screenshot`)."""
    placed = []
    for x in lines:
        left, upper, right, lower = in_screenshot((x.left, x.top, x.right, x.bottom), top, f)
        placed.append(
            replace(x, left=left, top=upper, right=right, bottom=lower, height=x.height * f)
        )
    return placed


def _shifted(line: OcrLine, dx: int, dy: int) -> OcrLine:
    return replace(
        line, left=line.left + dx, top=line.top + dy, right=line.right + dx, bottom=line.bottom + dy
    )


def second_reading(lines: Sequence[OcrLine]) -> list[OcrLine] | None:
    """The lines with each one the engine read otherwise from a tighter crop taken as that
    (see `OcrEngine.read`'s `second_look`); None when no line was."""
    if not any(line.second for line in lines):
        return None
    return [replace(line, text=line.second) if line.second else line for line in lines]


def picture_top(image: Image.Image, top: int, bottom: int) -> int:
    """Where a framed story's picture begins below `top` (the lowest of the frame's own lines
    above it), when a plain band of the viewer's or the chat's background lies between them:
    the first row, across the middle of the screen, that is no longer that flat colour. A
    gallery viewer whose title was cropped off leaves its date line as the frame's last line,
    a tenth of the screen above the story, and the name strip, placed from the story's top,
    missed the name. Text is never skipped: a row with any on it is not flat."""
    w, h = image.size
    stop = min(bottom, top + round(PICTURE_SEARCH * h))
    if stop - top < 8:
        return top
    band = image.crop((round(0.2 * w), top, round(0.8 * w), stop)).convert("L")
    rows = np.asarray(band, dtype=np.float32)
    means, spread = rows.mean(axis=1), rows.std(axis=1)
    ref = float(np.median(means[:3]))
    if float(spread[:3].max()) > FLAT_ROW:
        return top
    for y in range(len(means)):
        if spread[y] > 1.5 * FLAT_ROW or abs(means[y] - ref) > 1.5 * FLAT_ROW:
            return top + max(0, y - 2)
    return top


# Text this small (a share of the body's height, every inked row together) is a caption the
# first reading's detector may pass over; a photo's edges fill far more of it.
SMALL_INK_SHARE = 0.25
_EDGE = 200.0  # Sobel magnitude of a glyph's stroke edge, well above JPEG noise and gradients
_INKED_ROW = 3  # strong edge pixels in a row that make it a row of text


def small_ink(
    image: Image.Image, top: int, bottom: int, margin: int = 12
) -> tuple[int, int] | None:
    """Where a body the first reading found empty has something drawn on it, when that is a
    small band (tiny text on a flat status colour): its rows, with a margin, to be read
    enlarged. None when nothing is drawn (a plain colour) or too much is (a photo)."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)[top:bottom]
    if grey.shape[0] < 2 * margin:
        return None
    edges = np.hypot(ndimage.sobel(grey, 1), ndimage.sobel(grey, 0)) > _EDGE
    rows = np.nonzero(edges.sum(axis=1) >= _INKED_ROW)[0]
    if not len(rows) or rows[-1] - rows[0] > SMALL_INK_SHARE * grey.shape[0]:
        return None
    return max(top, top + int(rows[0]) - margin), min(bottom, top + int(rows[-1]) + margin)


# A letterbox's bars: black, flat (JPEG ringing stays well below these).
_BAR_LEVEL = 24
_BAR_SPREAD = 6.0
# Bars thinner than this share of the height are a phone's own black status strip's edge,
# not a letterbox.
MIN_LETTERBOX = 0.015


def letterbox_top(image: Image.Image) -> int:
    """Where a story shown letterboxed (black bars above and beside it, a story taller or
    wider than the phone's screen) begins: the first row below the top bar that is not flat
    black, or 0 when no such bar is there. A phone's status bar printed on black (a clock and
    icons, the rows mostly black still) is no letterbox: the story's header may lie anywhere
    below it, and the band is placed as for any screenshot."""
    w, h = image.size
    rows = np.asarray(image.crop((0, 0, w, h // 4)).convert("L"), dtype=np.float32)
    black = (rows.max(axis=1) <= _BAR_LEVEL) & (rows.std(axis=1) <= _BAR_SPREAD)
    top = int(np.argmin(black)) if not black.all() else 0
    if top < MIN_LETTERBOX * h or float(np.median(rows[top : top + 4])) <= _BAR_LEVEL:
        return 0
    return top


# White letters: every channel at least this bright, and the channels at most this far apart.
WHITE_LETTERS = (236, 40)


def read_white_letters(image: Image.Image, engine: OcrEngine) -> list[OcrLine]:
    """The screenshot's near-white pixels alone, black on white, read whole: white letters
    over a busy photo, a serif caption over grey grass that the detector found no line in
    and a white name over the pale sky above it (ours 9197), the photo's texture gone."""
    mask = pp.white_text_mask(pp.as_array(image), *WHITE_LETTERS)
    return engine.read(pp.to_image(mask).convert("RGB"))
