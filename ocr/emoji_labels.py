"""Highlight labels in a band of a screenshot: the solid boxes of one colour a story's text
and emoji sit on ("☝️ 1️⃣ 🔥" on a blue label). `ocr.emoji` looks into each for its glyphs,
which stand out of the label's own colour however little they stand out of the photo."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

Box = tuple[int, int, int, int]  # y0, y1, x0, x1


# A label is looked for against the median colour of strips this tall (of the screen's
# width): wider than the glyphs' own window (`ocr.emoji.standing_out`), so that a label
# wider than that window (a yellow box across half the story) stands out whole, not only
# its ends.
_LABEL_STRIP = 0.7
_LABEL_STEP = 4  # pixels: labels are looked for on the band taken every 4th pixel


def label_boxes(band: np.ndarray, width: int, stands_out: float, min_side: int) -> list[Box]:
    """Boxes (y0, y1, x0, x1) of solid highlight labels in the band: a wide area of one
    colour, filling most of its bounding box, that stands out of its strip's median (by
    `stands_out`, an RGB distance), at least twice `min_side` tall."""
    f = _LABEL_STEP
    small = band[::f, ::f].astype(np.float32)
    strip = max(1, round(_LABEL_STRIP * width / f))
    far = np.zeros(small.shape[:2], dtype=bool)
    for top in range(0, small.shape[0], strip):
        rows = small[top : top + strip]
        median = np.median(rows.reshape(-1, 3), axis=0)
        far[top : top + strip] = np.sqrt(((rows - median) ** 2).sum(axis=2)) > stands_out
    found = _solid_boxes(small, far, width, stands_out, min_side)
    # A label over a busy photo runs into the stones or leaves around it that stand out as
    # much ("✌️✌️✌️ 02 🔥🔥🔥" on blue over gravel): its own colour, the commonest there, is
    # looked for alone too.
    for colour in _commonest(small[far]):
        near = np.sqrt(((small - colour) ** 2).sum(axis=2)) < stands_out / 2
        # (two shades of one label's colour find it twice: once is looked into)
        found += [
            b
            for b in _solid_boxes(small, far & near, width, stands_out, min_side)
            if not any(_same(b, a) for a in found)
        ]
    return [(y0 * f, y1 * f, x0 * f, x1 * f) for y0, y1, x0, x1 in found]


def _same(a: Box, b: Box) -> bool:
    """Two boxes (y0, y1, x0, x1) mostly over each other: half of the smaller at least. Not
    a label held whole in one at least `NESTED` times its size: a white "📍 KOTA MEDAN" label
    on a yellow card whose row of emoji is below it (ours 9253 0221) is a label of its own."""
    h = min(a[1], b[1]) - max(a[0], b[0])
    w = min(a[3], b[3]) - max(a[2], b[2])
    smaller, larger = sorted(((a[1] - a[0]) * (a[3] - a[2]), (b[1] - b[0]) * (b[3] - b[2])))
    if h <= 0 or w <= 0 or h * w < 0.5 * smaller:
        return False
    return not (h * w >= 0.95 * smaller and larger >= NESTED * smaller)


# How many times its size a label holding another whole is, to be a label of its own.
NESTED = 2.0


def _solid_boxes(
    small: np.ndarray, mask: np.ndarray, width: int, stands_out: float, min_side: int
) -> list[Box]:
    """Boxes (in `small`'s pixels) of `mask`'s areas that are labels: wide, one colour,
    filling most of their bounding box."""
    f = _LABEL_STEP
    labels, _count = ndimage.label(mask)
    found = []
    for k, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        h, w = (sl[0].stop - sl[0].start) * f, (sl[1].stop - sl[1].start) * f
        if not (2 * min_side <= h <= 0.25 * width and 1.4 * h < w < 0.97 * width):
            continue
        part = labels[sl] == k
        colours = small[sl][part]
        one = np.sqrt(((colours - np.median(colours, axis=0)) ** 2).sum(axis=1)) < stands_out / 2
        # The glyphs it holds are holes in its colour: "☝️ 1️⃣ 🔥" large on a small blue label
        # leave it 0.58 of its box (ours 9245 0148), their holes filled 0.9.
        if ndimage.binary_fill_holes(part).mean() >= 0.6 and one.mean() >= 0.6:
            found.append((sl[0].start, sl[0].stop, sl[1].start, sl[1].stop))
    return found


# How many of the commonest colours standing out of a band are looked for as a label's.
_LABEL_COLOURS = 5


def _commonest(colours: np.ndarray) -> list[np.ndarray]:
    """The middles of the commonest colours among `colours` (bins of 32 a channel), the
    commonest first: the texture's greys, then a label's own colour."""
    if not len(colours):
        return []
    bins = (colours // 32).astype(np.int32)
    keys = bins[:, 0] * 64 + bins[:, 1] * 8 + bins[:, 2]
    values, counts = np.unique(keys, return_counts=True)
    top = values[np.argsort(-counts)[:_LABEL_COLOURS]]
    return [np.median(colours[keys == v], axis=0) for v in top]
