"""The marks of a handle that readers lose: its dots and underscores, looked for on its line.

A detector reading a whole screenshot drops a handle's "." and "_" now and then, and every
reader drops one after the handle's last letter ("ardisantoso_" read "ardisantoso"). Twin
accounts differ from a rostered handle by just such a mark, so `netra.mark_check` reads the
header line again enlarged (`line_enlarged`) and looks at its pixels: a dot where the handle
puts one (`dots_in_place`), an underscore there (`underscores_in_place`), a mark after its
last letter (`trailing_mark`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

from ocr.engine import OcrEngine, OcrLine

Box = tuple[int, int, int, int]


# A header line read again this many times its size: a handle's dots and underscores, which
# the first, coarser detection may lose.
LINE_ZOOM = 2


def line_enlarged(
    image: Image.Image, box: Box, engine: OcrEngine
) -> tuple[Image.Image, list[OcrLine]]:
    """The line in `box` (left, top, right, bottom) read again, enlarged, with a margin of a
    third of its height above and below and half of it beside: the enlarged crop and the
    lines' boxes in it, for a closer look at what they hold (a handle's dot,
    `dots_in_place`)."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    band = (
        max(0, x0 - h // 2),
        max(0, y0 - h // 3),
        min(image.width, x1 + h // 2),
        min(image.height, y1 + h // 3),
    )
    if band[2] - band[0] < h or band[3] - band[1] < 4:
        return image, []
    crop = image.crop(band).convert("RGB")
    crop = crop.resize((crop.width * LINE_ZOOM, crop.height * LINE_ZOOM), Image.Resampling.LANCZOS)
    return crop, engine.read(crop, fine=True)


# A dot is a run of columns inked only near the letters' foot, at least two columns and at
# most DOT_WIDTH of the letters' height wide: alone ("togar.santoso") or run into the hook of
# the letter before it ("rahmat.lubis70", its dot touching the "t"), where a blob of its own
# would not be found. Its ink tops out between DOT_HEIGHT and DOT_ABOVE of that height above
# the foot (an underscore lies below it) and ends at most DOT_BELOW under it.
DOT_HEIGHT = 0.4
DOT_ABOVE = 0.12
DOT_BELOW = 0.15
DOT_WIDTH = 0.5
# A sans-serif's narrow letters ("i", "l", "t", "."), and its wide ones ("m", "w"), in
# letter widths: where each of a handle's characters stands along its line.
_NARROW, _WIDE = 0.5, 1.5
# Letters whose stroke reaches right over their foot, so a dot after them may touch them.
_OVERHANG = frozenset("tfr7")
# The handle ends at the first gap this wide (of the letters' height): its age follows.
WORD_GAP = 0.6


def dots_in_place(image: Image.Image, box: Box, handle: str) -> bool:
    """Whether each "." of `handle` stands where it should on the line in `box`: the dot every
    reader loses ("rahmat.lubis70" read "rahmatlubis70" at any size), which a person sees.
    The line's ink is its colour apart from the background's (Otsu's threshold on grey); a
    dot is a short run of columns inked only at the letters' foot, within a letter's width of
    where the handle's letters put it. An underscore is too wide for one, a "t"'s hook too
    narrow; the story's age after the handle is not looked at."""
    places = [k for k, c in enumerate(handle) if c == "."]
    if not places:
        return True
    line = _line_ink(image, box, lifted=True)
    if line is None:
        return False
    foot, size, top = line.foot, line.size, line.top
    # A dot stands on the baseline, so reaches above it; an underscore lies below it.
    low = (
        line.inked
        & (top >= foot - DOT_HEIGHT * size)
        & (top <= foot - DOT_ABOVE * size)
        & (line.bottom < foot + DOT_BELOW * size + 1)
    )
    # A run touching a letter's stroke on its left is a dot run into that letter only where
    # the letter reaches over its own foot (a "t"'s crossbar, `_OVERHANG`); after any other
    # it is that letter's foot: a "1"'s serif made "caraka1970" look dotted as
    # "caraka.1970", and a citizen's twin account was flagged (ours 9229).
    stroke = line.inked & (top < foot - DOT_HEIGHT * size)
    runs = [
        ((start + end) / 2, start > 0 and bool(stroke[start - 1]))  # touching a stroke?
        for start, end in _runs(low, line.left, line.right)
        if 2 <= end - start <= DOT_WIDTH * size
    ]
    middles, pitch = _middles(handle, line.left, line.right)
    return all(
        any(
            abs(run - middles[k]) <= pitch and (not touching or handle[k - 1 : k] in _OVERHANG)
            for run, touching in runs
        )
        for k in places
    )


# An underscore is a bar under the letters' foot: its columns inked nowhere above
# UNDER_TOP of the letters' height over the foot nor further than UNDER_BELOW under it, in a
# run at least UNDER_WIDTH of that height wide (a "y"'s or a "j"'s tail under the foot is
# narrower), within a letter's width of where the handle puts it.
UNDER_TOP = 0.05
UNDER_BELOW = 0.4
UNDER_WIDTH = 0.45
BAR_BROKEN = 0.25  # a gap this wide (of that height) with no ink in it parts no bar


def underscores_in_place(image: Image.Image, box: Box, handle: str, lifted: bool = False) -> bool:
    """Whether each "_" of `handle` stands where it should on the line in `box`: an
    underscore the readers lost at every size ("eka_84" read "eka84", ours 9261 0115), which
    a person sees. A twin account without it ("eka84") shows no bar under its foot there.
    `lifted`: the letters lifted off the background first (`_lifted`)."""
    # A double underscore ("maria__journey") draws one bar, where its two stand.
    places = [(m.start(), m.end() - 1) for m in re.finditer("_+", handle)]
    if not places:
        return True
    line = _line_ink(image, box, lifted=lifted)
    if line is None:
        return False
    runs = [(start + end) / 2 for start, end in _bars(line)]
    # As many bars as the handle has underscores: one bar beside where two stand close
    # ("citra_januar_id" beside a twin's "citra_januar_i_d") is not both.
    middles, pitch = _middles(handle, line.left, line.right)
    return len(runs) >= len(places) and all(
        any(abs(run - (middles[first] + middles[last]) / 2) <= pitch for run in runs)
        for first, last in places
    )


# Two bars this close (of the letters' height) are one: a double underscore ("endang__nasy").
BARS_APART = 0.3


def bar_more(image: Image.Image, box: Box, handle: str) -> bool:
    """Whether the line in `box` shows more underscore bars than `handle` has (a run of them
    drawing one): a citizen's "rina.rina_00" or "_puti1992", read "rina.rina00" and
    "puti1992" as every reader loses the bar, beside the roster's handles without it. The
    letters are lifted off the background (`_lifted`): a dark shape rising into the line's
    box passes for ink on grey alone ("latika_hakim_smk3" over a head)."""
    line = _line_ink(image, box, lifted=True)
    if line is None:
        return False
    # Each bar wide on its own: the two feet of a "1"'s serif either side of its stem are
    # no bar (ours 9275 0296, "budi.1995" in outlined letters).
    bars = _bars(line)
    apart = max(2, BARS_APART * line.size)
    seen = len(bars) - sum(
        1 for (_, end), (start, _) in itertools.pairwise(bars) if start - end <= apart
    )
    return seen > len(re.findall("_+", handle))


def _bars(line: _Line) -> list[tuple[int, int]]:
    """The runs of the line's columns inked only at its letters' foot and under it, at
    least UNDER_WIDTH of the letters' height wide: its underscores' bars."""
    foot, size = _baseline(line.ink, line.foot, line.size), line.size
    bar = (
        line.inked
        & (line.top >= foot - UNDER_TOP * size)
        & (line.bottom <= foot + UNDER_BELOW * size)
    )
    # A bar broken by a JPEG's blocks over a pale photo ("_hendramandala77" white over a pale
    # sky: 4 px, a gap of 4, 3 px; ours 9285 0070) is one where nothing at all is inked
    # between its pieces: a "1"'s two feet have its stem between them.
    runs: list[tuple[int, int]] = []
    for a, b in _runs(bar, line.left, line.right):
        if runs and a - runs[-1][1] <= BAR_BROKEN * size and not line.inked[runs[-1][1] : a].any():
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return [(a, b) for a, b in runs if b - a >= UNDER_WIDTH * size]


def _baseline(ink: np.ndarray, foot: float, size: float) -> float:
    """The row the line's letters stand on, where its ink thins most from one row to the
    next between half the letters' height above `foot` and a row below it: the tall
    letters' feet are the descenders' where "g", "j", "y" are most of them ("agus_yogi").
    Not further below: the underscores' own bottom is a drop as steep when they are long
    beside letters without tall ones ("_ni__sina": ours 9287 0246)."""
    counts = ink.sum(axis=1).astype(np.float32)
    lo, hi = max(1, int(foot - size / 2)), min(len(counts) - 1, int(foot) + 1)
    if hi <= lo:
        return foot
    drops = counts[lo - 1 : hi] - counts[lo : hi + 1]
    return float(lo + int(np.argmax(drops)))


def _middles(handle: str, left: int, right: int) -> tuple[list[float], float]:
    """Where each character of the handle has its middle on its line, its columns `left` to
    `right`, and a letter's width there."""
    widths = [_NARROW if c in "iljtfr.,'!|1" else _WIDE if c in "mw" else 1.0 for c in handle]
    pitch = (right - left) / sum(widths)
    ends = np.cumsum(widths) * pitch + left
    return [float(ends[k] - widths[k] * pitch / 2) for k in range(len(handle))], pitch


@dataclass(frozen=True)
class _Line:
    """A handle's line as ink: `ink` (rows × columns), the row its letters stand on (`foot`)
    and their height (`size`); per column, whether it is inked and its first and last inked
    row; the handle's columns, from its first ink to the first word gap (`left`, `right`)."""

    ink: np.ndarray
    foot: float
    size: float
    inked: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    left: int
    right: int


def _line_ink(image: Image.Image, box: Box, lifted: bool = False) -> _Line | None:
    """The line in `box` as ink (its colour apart from the background's, Otsu's threshold on
    grey, a quarter of its height more above and below); None when no letters are found.
    `lifted`: the letters lifted off the background first (`_lifted`)."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    crop = image.crop((max(0, x0), max(0, y0 - h // 4), min(image.width, x1), y1 + h // 4))
    grey = np.asarray(crop.convert("L"), dtype=np.float32)
    if grey.size == 0 or h < 6:
        return None
    if lifted:
        ink = _lifted(grey, h)
    else:
        ink = grey > _otsu(grey)
        if ink.mean() > 0.5:
            ink = ~ink  # dark text on a light background
    measured = _foot_and_size(ink, h)
    if measured is None:
        return None
    foot, size = measured
    # Letters wholly below the foot are the next line's (a song's "♫ Sheila On 7" under the
    # handle, their tops inside the box), never a mark: no part of this line's columns. An
    # underscore, thin and right under the foot, is the handle's own and stays.
    labels, _count = ndimage.label(ink)
    for k, blob in enumerate(ndimage.find_objects(labels), start=1):
        tall = blob and blob[0].stop - blob[0].start >= max(3, 0.25 * size)
        if blob and blob[0].start >= foot and (tall or blob[0].start > foot + 0.3 * size):
            ink[blob][labels[blob] == k] = False
    rows = np.arange(ink.shape[0])[:, None]
    inked = ink.any(axis=0)
    cols = np.flatnonzero(inked)
    gaps = np.flatnonzero(np.diff(cols) > WORD_GAP * size)
    return _Line(
        ink,
        foot,
        size,
        inked,
        np.where(ink, rows, ink.shape[0]).min(axis=0),
        np.where(ink, rows, -1).max(axis=0),
        int(cols[0]),
        int(cols[gaps[0]] if len(gaps) else cols[-1]) + 1,
    )


# The background is what a square a third (1 / LIFT_WINDOW) of the line's height wide leaves of
# the grey when it is opened: no stroke of a letter is as thick.
LIFT_WINDOW = 3


def _lifted(grey: np.ndarray, h: int) -> np.ndarray:
    """The letters' ink as what stands out lighter than the background right behind it (a
    top-hat): white letters over a pale photo, a forehead or a cup, are as light as much of
    what is behind them, and one threshold on grey takes the photo's pale parts for ink with
    them (ours 9265 0296, "janet.dpmptsp" over a face). A story's header is always white."""
    size = max(5, h // LIFT_WINDOW)
    raised = grey - ndimage.grey_opening(grey, size=(size, size))
    return raised > _otsu(raised)


def _runs(mask: np.ndarray, left: int, right: int) -> list[tuple[int, int]]:
    """The runs of True columns of `mask` from `left` to `right`: (first, one past last)."""
    runs = []
    start: int | None = None
    for c in range(left, right + 1):
        if c < right and mask[c]:
            start = c if start is None else start
        elif start is not None:
            runs.append((start, c))
            start = None
    return runs


# A mark after a handle's last letter ("ardisantoso_", "puti66."), in the letters' heights:
# a blob at least MARK_WIDTH wide, inking MARK_AREA of a square that high, its top no higher
# than MARK_TOP above the foot; the line's rows end MARK_BELOW under the foot (an underscore
# lies just under it, the next line further). The line is looked at PAST_BOX line heights
# past its box, where a mark the reader left out of the line lies; there ink stands out
# from its own column's background by MARK_CONTRAST of the letters' contrast (and at least
# MARK_CONTRAST_MIN grey levels). More than MAX_SPECKS blobs smaller than a mark, and the
# line is too faint (JPEG noise around a white name on a pale header) to tell a dot from
# noise; an underscore still tells, a bar at least BAR_WIDTH wide, at most BAR_HEIGHT high,
# filling BAR_FILL of its box. The handle ends before a glyph beginning more than BOX_SLACK
# past the reader's box, however close (an underscore reaches to its cell's edge).
MARK_WIDTH = 0.1
MARK_AREA = 0.02
MARK_TOP = 0.4
MARK_BELOW = 0.4
PAST_BOX = 1.0
MARK_CONTRAST = 0.25
MARK_CONTRAST_MIN = 8
MAX_SPECKS = 2
BOX_SLACK = 0.3
BAR_WIDTH = 0.4
BAR_HEIGHT = 0.3
BAR_FILL = 0.7
# The handle's ink ends no earlier than this share of the reader's box (a story's age read
# in the same box is shorter than the handle before it).
HANDLE_SPAN = 0.5
# Dark pixels running as one over this share of a line's width are its background.
ALONG_THE_LINE = 0.8


def trailing_mark(image: Image.Image, box: Box) -> bool:
    """Whether the handle on the line in `box` ends in a dot or an underscore after its last
    letter, which readers drop ("awulandari.556_" read "awulandari.556"): another account than
    the rostered one without it, which a person tells apart. Letters are the line's tall
    blobs; the handle ends at the first word gap (the story's age follows)."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    if h < 6 or x1 <= x0:
        return False
    top, bottom = max(0, y0 - h // 4), min(image.height, y1 + h // 4)
    crop = image.crop((max(0, x0), top, min(image.width, x1 + int(PAST_BOX * h)), bottom))
    grey = np.asarray(crop.convert("L"), dtype=np.float32)
    # The box's middle rows hold letters and the colour right behind them; a photo's dark
    # shape may rise into its bottom rows (a head under a white name on grey).
    width = max(1, min(x1, image.width) - max(0, x0))
    middle = grey[y0 - top + h // 4 : y1 - top - h // 4, :width]
    if not middle.size:
        return False
    if _dark_letters(middle, grey[:, :width]):
        grey, middle = 255 - grey, 255 - middle
    threshold = _otsu(middle)
    within = grey[:, :width]
    letters_ink = within > threshold
    core = middle > threshold
    if core.all() or not core.any():
        return False
    # Past the box lies another background (a pale cup under white text): ink is as light as
    # the letters' and stands out from its own column's background by a share of their
    # contrast.
    contrast = float(np.median(middle[core]) - np.median(middle[~core]))
    behind = np.percentile(grey, 30, axis=0)
    ink = (grey > threshold) & (grey - behind > max(MARK_CONTRAST_MIN, MARK_CONTRAST * contrast))
    measured = _foot_and_size(letters_ink, h)
    if measured is None:
        return False
    foot, size = measured
    # The line's own rows: an underscore lies just under its foot, the line below further.
    below = ink
    ink = ink[: int(foot + MARK_BELOW * size) + 1]
    inked = ink.any(axis=0)
    cols = np.flatnonzero(inked)
    if not len(cols):
        return False
    gaps = np.flatnonzero(np.diff(cols) > WORD_GAP * size)
    right = int(cols[gaps[0]] if len(gaps) else cols[-1]) + 1
    if right < HANDLE_SPAN * width:
        # The handle's letters end well short of the box the reader read it in: its ink was
        # not told from the background (white letters over a pale sky, where JPEG noise
        # was taken for letters and the story's faint age for a mark after the handle: ours
        # 9231 0127). Nothing is seen, as over a line too faint to tell a dot from noise.
        return False
    # An underscore reaches to its cell's edge, so the age's first digit may follow closer
    # than a word gap ("wahyu65_ 21 j", ours 9221): a glyph beginning well past the reader's
    # box, which ends at or just past the handle's last letter, is not the handle's.
    past = np.flatnonzero(inked[:right])
    begins = past[np.r_[True, np.diff(past) > 1]]
    beyond = begins[begins > width + BOX_SLACK * size]
    right = int(beyond[0]) if len(beyond) else right
    # The glyph that ends the handle: a mark if it keeps low, its own blob ("4"'s crossbar
    # past its stem and "2"'s foot are the digit's), wide and inked enough not to be noise.
    blobs, _count = ndimage.label(ink[:, :right])
    pieces = [p for p in ndimage.find_objects(blobs) if p is not None]
    if len(pieces) < 2:
        return False
    areas = np.bincount(blobs.ravel())[1:]
    specks = areas < MARK_AREA * size * size
    if specks.all():
        return False
    # The glyph that ends the handle is no speck of JPEG noise after it.
    last = max(np.flatnonzero(~specks), key=lambda k: pieces[k][1].stop)
    rows, cols = pieces[last]
    high, wide = rows.stop - rows.start, cols.stop - cols.start
    if _runs_on_down(below, blobs[rows, cols] == last + 1, rows, cols):
        return False  # a photo's line under the handle (a brick's mortar, ours 9275 0016)
    if int(specks.sum()) > MAX_SPECKS:
        # JPEG noise around letters too faint to tell a dot from it; an underscore, a solid
        # bar on the foot, still stands out of it: its fullest row spans it (a white bar
        # with a shadow over a pale photo is inked as one row and a few specks beside it:
        # ours 9273 0024, a twin's "sman2.fajar_").
        fullest = int((blobs[rows, cols] == last + 1).sum(axis=1).max())
        return (
            rows.start >= foot - MARK_TOP * size
            and wide >= BAR_WIDTH * size
            and high <= BAR_HEIGHT * size
            and fullest >= BAR_FILL * wide
        )
    return (
        rows.start >= foot - MARK_TOP * size
        and wide >= max(2, MARK_WIDTH * size)
        and int(areas[last]) >= MARK_AREA * size * size
    )


def _runs_on_down(ink: np.ndarray, blob: np.ndarray, rows: slice, cols: slice) -> bool:
    """Whether the blob (`blob`, its mask in the box `rows` × `cols` of `ink`) runs on under
    the line's rows, where `ink` goes on: a mark ends there, a photo's line does not."""
    if rows.stop >= ink.shape[0]:
        return False
    pieces, _count = ndimage.label(ink[rows.start :, cols])
    own = set(np.unique(pieces[: rows.stop - rows.start][blob])) - {0}
    return any(
        s is not None and s[0].stop > rows.stop - rows.start
        for k, s in enumerate(ndimage.find_objects(pieces), start=1)
        if k in own
    )


def _dark_letters(middle: np.ndarray, line: np.ndarray) -> bool:
    """Whether the line's letters are its dark pixels: the light ones are most of its middle
    rows (`middle`), and the dark ones do not run along the whole line (`line`, its rows
    above and below the letters too) as one. White letters over a photo's mottled dark patch
    (hair) may be outnumbered by its light specks, but the dark then is what runs from end to
    end around them: taken for letters, the patch's lower edge was found an underscore after
    the handle (ours 9237 0270, a true flag sent to review)."""
    threshold = _otsu(middle)
    if (middle > threshold).mean() <= 0.5:
        return False
    dark, _count = ndimage.label(line <= threshold)
    return not any(
        s[1].stop - s[1].start >= ALONG_THE_LINE * line.shape[1]
        for s in ndimage.find_objects(dark)
        if s is not None
    )


def _foot_and_size(ink: np.ndarray, h: int) -> tuple[float, float] | None:
    """The row the letters stand on and their height, by the median of the line's tall blobs
    (at least 0.4 of the line's box height `h`); None when there are none. With fewer than
    three tall blobs, the foot is the median of every letter's (a quarter of `h` at least):
    in "siti.saputra" in a roomy box only the "p" was tall, and its foot is below the line's
    (ours 9203). Letters are no wider than tall; an avatar's ring in a box read with its
    handle is."""
    labels, _count = ndimage.label(ink)
    blobs = [s for s in ndimage.find_objects(labels) if s and s[0].stop - s[0].start >= 0.25 * h]
    letters = [s for s in blobs if s[1].stop - s[1].start <= s[0].stop - s[0].start]
    # A handle of small letters only ("_ni__sina", its i's dots apart: ours 9287 0246) in a
    # roomy box has none that tall: three letters or more stand for them.
    tall = [s for s in blobs if s[0].stop - s[0].start >= 0.4 * h] or (
        letters if len(letters) >= 3 else []
    )
    if not tall:
        return None
    footing = tall if len(tall) >= 3 or len(letters) < 3 else letters
    foot = float(np.median([s[0].stop for s in footing]))
    # The height is a tall letter's still (an x-height makes a letter's foot look like a
    # dot), unless no tall blob is a letter (an avatar's ring is twice a letter's height).
    typical = np.median([s[0].stop - s[0].start for s in letters]) if letters else h
    sizing = [s for s in tall if s in letters and s[0].stop - s[0].start <= 2 * typical] or footing
    return foot, float(np.median([s[0].stop - s[0].start for s in sizing]))


def _otsu(grey: np.ndarray) -> float:
    """The grey level that best splits the pixels in two (Otsu's method)."""
    counts, edges = np.histogram(grey, bins=64, range=(0, 256))
    centres = (edges[:-1] + edges[1:]) / 2
    below = np.cumsum(counts)
    weighted = np.cumsum(counts * centres)
    total, mean_all = below[-1], weighted[-1]
    above = total - below
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_all * below - total * weighted) ** 2 / (below * above)
    between[~np.isfinite(between)] = -1
    return float(edges[int(np.argmax(between)) + 1])
