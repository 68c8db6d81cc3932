"""Emoji of a slanted row run into one blob by their glows.

"🤟🤟🤟 03 🔥🔥🔥" turned 23° over a dark photo, each emoji in a soft glow (blindgen 205
0271): the glows join each three into one blob about as wide as it is tall, that no template
fits and that no cut between columns parts, its emoji turned too. A person sees a tilted
line of emoji. A blob that is a slanted bar (its pixels spread along one direction 8–45°
from level at least `LONG` times as far as across it) is turned level with a margin around
it and looked through as a level band is; what is found there is put back where it stands,
for `ocr.slanted_rows` to read the row with its number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image
from scipy import ndimage

from ocr.emoji import MIN_SIDE, Emoji, find_emoji, overlap, standing_out
from ocr.slanted_rows import slanted_rows, turn_point, turned_level

MIN_SLANT = 8.0
MAX_SLANT = 45.0
# A bar: the pixels' spread along its direction this many times their spread across it (a
# row of two emoji measures about 2, of three about 3; a single glyph about 1), at most
# `MOST_LONG` times (a railing, a photo's edge: 9; seven glyphs, "✌️✌️✌️ 02 🔥🔥🔥" turned
# over a pale sky, blindgen 241 0049: 6.6).
LONG = 1.8
MOST_LONG = 7.5
# Of the turned rectangle its spread spans, a row of emoji fills 0.8-0.87 (their outlines
# leave gaps), 0.92 in soft glows (blindgen 243 0297); a solid bar of one colour fills it
# all (0.97-1).
MOST_BAR_FILL = 0.95
# Of an emoji's square found in a bar, this share at least is the bar's own pixels.
ON_BLOB = 0.33
# At most this many bars are looked through, the largest first: a busy photo's many slanted
# shapes are not each turned and searched.
MOST_BARS = 3
# At most this share of the band's width: wider is a photo's edge, not a row of emoji.
MOST_WIDE = 0.7
# Of its level box a bar of emoji fills little; a photo's slanted shape more.
MOST_FILL = 0.5
# A glyph named for a square this share of the bar's longer side at least was named for the
# whole bar (blindgen 243 0297: "✌️ 2️⃣ 🔥" turned 35°, their glows one blob, named a 💯
# at 0.77): it does not keep the bar from being looked through.
WHOLE_BAR = 0.8
# A turned row of separate glyphs (`_blob_rows`): this many blobs at least along one line,
# each at most this share of the band's width, among at most `MOST_BLOBS` in the band (more
# is a photo's texture, whose blobs line up by chance).
ROW_BLOBS = 2
BLOB_MOST = 0.2
MOST_BLOBS = 60


def slanted_emoji(image: Image.Image, span: tuple[int, int], found: Sequence[Emoji]) -> list[Emoji]:
    """The emoji in slanted blobs of the band `span` (rows) where none of `found` stands,
    in the screenshot's coordinates."""
    band = np.asarray(image.crop((0, span[0], image.width, span[1])).convert("RGB"))
    if band.size == 0:
        return []
    mask = standing_out(band)
    labels, _count = ndimage.label(mask, structure=np.ones((3, 3)))
    bars: list[tuple[int, tuple[int, int, int, int], float, np.ndarray]] = []
    for k, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        y0, y1, x0, x1 = sl[0].start, sl[0].stop, sl[1].start, sl[1].stop
        if min(y1 - y0, x1 - x0) < 2 * MIN_SIDE or x1 - x0 > MOST_WIDE * band.shape[1]:
            continue
        if mask[sl].mean() > MOST_FILL or any(
            x0 <= e.left + e.side / 2 <= x1
            and y0 <= e.top - span[0] + e.side / 2 <= y1
            and e.side < WHOLE_BAR * max(x1 - x0, y1 - y0)
            for e in found
        ):
            continue
        blob = labels[sl] == k
        angle = _bar_slant(blob)
        if angle is not None:
            bars.append((int(blob.sum()), (x0, y0 + span[0], x1, y1 + span[0]), angle, blob))
    bars.sort(key=lambda bar: -bar[0])
    turned = [
        e
        for _size, box, angle, blob in bars[:MOST_BARS]
        for e in _in_bar(image, box, angle)
        if _on_blob(e, box, blob)
    ]
    for box, angle, blob in _blob_rows(labels, span, found)[:MOST_BARS]:
        parts, _count = ndimage.label(blob, structure=np.ones((3, 3)))
        glyphs = [sl for sl in ndimage.find_objects(parts) if sl is not None]
        turned += [
            e
            for e in _in_bar(image, box, angle)
            if _amid_a_blob(e, box, glyphs) and not any(overlap(e, f) for f in (*found, *turned))
        ]
    return turned


def _amid_a_blob(
    e: Emoji, box: tuple[int, int, int, int], glyphs: Sequence[tuple[slice, slice]]
) -> bool:
    """The emoji's middle lies within one of a row's blobs' boxes (`glyphs`, slices in
    `box`). Not `_on_blob`: a keycap turned 31° over green stands out only by its outline
    and its digit (blindgen 285 0131, "🖐️ 4️⃣ 🔥"), a tenth of its square; the row's blobs
    are each glyph-sized and apart, so a photo's rim is none of them."""
    cx, cy = e.left + e.side / 2 - box[0], e.top + e.side / 2 - box[1]
    return any(sl[0].start <= cy < sl[0].stop and sl[1].start <= cx < sl[1].stop for sl in glyphs)


def _blob_rows(
    labels: np.ndarray, span: tuple[int, int], found: Sequence[Emoji]
) -> list[tuple[tuple[int, int, int, int], float, np.ndarray]]:
    """Glyph-sized blobs apart from one another along one slanted line: a turned row of
    emoji whose glows did not join ("☝️ 1️⃣ 🔥" turned 17° over a plain gradient, blindgen 269
    0225, the finger and the keycap one blob), of which no upright template names more than
    the 🔥. Each row of `ROW_BLOBS` or more blobs, one of them at least unnamed, with its box
    (left, top, right, bottom, in the screenshot), its slant and its blobs' mask; the rows of
    most blobs first."""
    width = labels.shape[1]
    slices = ndimage.find_objects(labels)
    blobs: list[tuple[Emoji, int]] = []
    for k, sl in enumerate(slices, start=1):
        if sl is None:
            continue
        h, w = sl[0].stop - sl[0].start, sl[1].stop - sl[1].start
        if min(h, w) < MIN_SIDE or max(h, w) > BLOB_MOST * width or not 0.4 <= h / w <= 2.5:
            continue
        if sl[0].start == 0 or sl[0].stop == labels.shape[0]:
            continue  # cut by the band's edge
        # Sized by its height: glyphs side by side run into one blob are as tall as one.
        blobs.append((Emoji("blob", sl[1].start, sl[0].start + span[0], h, 0.0), k))
    if not ROW_BLOBS <= len(blobs) <= MOST_BLOBS:
        return []  # too few for a row, or a busy photo's texture
    rows = []
    for angle, row in slanted_rows([e for e, _k in blobs]):
        if len(row) < ROW_BLOBS or all(any(overlap(e, f) for f in found) for e in row):
            continue
        ids = [k for e, k in blobs if e in row]
        boxes = [slices[k - 1] for k in ids]
        x0, x1 = min(b[1].start for b in boxes), max(b[1].stop for b in boxes)
        y0 = min(b[0].start for b in boxes) + span[0]
        y1 = max(b[0].stop for b in boxes) + span[0]
        mask = np.isin(labels[y0 - span[0] : y1 - span[0], x0:x1], ids)
        rows.append(((x0, y0, x1, y1), angle, mask))
    rows.sort(key=lambda r: -int(r[2].sum()))
    return rows


def _on_blob(e: Emoji, box: tuple[int, int, int, int], blob: np.ndarray) -> bool:
    """The emoji stands on the blob itself, not on what the margin around it took in (a
    photo's slanted rim turned level beside a level row of emoji, turned with it: ours 9193
    0228, a 👍 named a finger): a third of its square at least is the blob's."""
    x0, y0 = box[0], box[1]
    left, top = max(0, e.left - x0), max(0, e.top - y0)
    square = blob[top : max(top, e.top - y0 + e.side), left : max(left, e.left - x0 + e.side)]
    return square.size > 0 and square.sum() >= ON_BLOB * e.side * e.side


def _bar_slant(blob: np.ndarray) -> float | None:
    """The slant of a bar-shaped blob in degrees (negative: climbing to the right), from its
    pixels' principal direction; None when it is no slanted bar."""
    ys, xs = np.nonzero(blob)
    if len(xs) < 3:
        return None
    spread = np.cov(np.vstack([xs, ys]).astype(np.float64))
    values, vectors = np.linalg.eigh(spread)
    if values[0] <= 0 or not LONG <= math.sqrt(values[1] / values[0]) <= MOST_LONG:
        return None
    # (A spread of v over a length L is L²/12: the rectangle the pixels span.)
    if len(xs) > MOST_BAR_FILL * 12 * math.sqrt(values[0] * values[1]):
        return None
    vx, vy = vectors[:, 1]
    angle = math.degrees(math.atan2(vy, vx))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return angle if MIN_SLANT <= abs(angle) <= MAX_SLANT else None


def _in_bar(image: Image.Image, box: tuple[int, int, int, int], angle: float) -> list[Emoji]:
    """The emoji found in `box` (left, top, right, bottom) turned level by `angle`, where
    they stand in the screenshot."""
    x0, y0, x1, y1 = box
    margin = (y1 - y0) // 2
    x0, y0 = max(0, x0 - margin), max(0, y0 - margin)
    x1, y1 = min(image.width, x1 + margin), min(image.height, y1 + margin)
    turned = turned_level(image, (x0, y0, x1, y1), angle)
    placed = []
    for e in find_emoji(turned, (0, turned.height), width=image.width):
        ox, oy = turn_point(turned, (e.left + e.side / 2, e.top + e.side / 2), angle, back=True)
        left, top = round(x0 + ox - e.side / 2), round(y0 + oy - e.side / 2)
        placed.append(Emoji(e.name, left, top, e.side, e.likeness))
    return placed
