"""Emoji, seen as a person sees them.

Campaign stories say a pair's number in emoji as often as in words: "☝️☝️☝️ 01 🔥🔥🔥",
"💯 2️⃣ 💯 2️⃣ 💯", "✌️✌️ IGHEN ✌️✌️", "🗳️ 3 ✅💯💯". OCR reads such lines as junk ("BeE01666",
"10210210") or as nothing. This finds colour glyphs in a band of the screenshot (blobs that
stand out of their surroundings, about square) and names each by the nearest of a few
templates rendered from Noto Color Emoji (the emoji of Android and of most Linux systems;
`scripts/emoji_templates.py`, committed as PNGs): a raised finger, two, three, a keycap
digit, or a cheer (fire, 100, flexed arm, check box, ballot box, thumbs up). Faces, hearts and
hands that mean nothing about a number are templates too, so that they are not taken for the
nearest meaningful one. What the emoji say is weighed in `rules/emoji_support.py`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image
from scipy import ndimage

from ocr.emoji_labels import label_boxes
from ocr.emoji_likeness import TEMPLATE_SIDE, likeness, templates
from ocr.glyph_colour import a_letter

# A glyph this like its nearest template is that emoji (Pearson correlation of the 24×24
# colour images; measured on blindgen's emoji lines: matches 0.8–0.97). Letters can reach
# 0.84–0.93 (yellow serif capitals against a raised hand): `find_emoji` drops glyphs inside
# lines OCR read surely as words.
MIN_LIKENESS = 0.75
# A finger or a keycap decides a number: it must be nearer (letters' pieces and grey
# squares of a photo reach 0.75–0.8).
NUMBER_LIKENESS = 0.82
NEARLY = 0.5  # worth a closer look (`_fit`)
# How far (0–441, RGB distance) a pixel stands out of its surroundings to belong to a glyph.
_STANDS_OUT = 60.0
MIN_SIDE = 12  # pixels: smaller blobs are JPEG noise, dots and letters' pieces
# A turned template names a glyph only when it fits it surely and clearly better than any
# upright one: turned emoji measured 0.96–0.99, 0.11–0.2 above the nearest upright; a
# photo's shapes and letters 0.83–0.93, at most 0.07 above.
TURNED_SURE = 0.9
TURNED_GAIN = 0.1
# A turned template fitting this surely names the glyph with a smaller gain: no photo's shape
# or letter fits one above 0.93, and a ✌️ turned 20° fits a turned ✌️ at 0.99 and an upright
# ☝️ at 0.91 over red, at 0.97 over orange (a wrong number). Over the 44,000 blobs of 420
# screenshots, a turned fit this sure with a gain under 0.1 named only what the upright
# template named too.
TURNED_VERY_SURE = 0.98
TURNED_VERY_GAIN = 0.02
# A blob within this many of a surely named emoji's sides of it is its neighbour in a row,
# looked at with the turned templates however unlike an upright one it is (`_turned_row`).
ROW_REACH = 2.5
# An emoji named at least this surely marks a row of emoji (cheers measured 0.91-0.97 on
# the row, a texture's blobs mostly under 0.9).
ROW_SURE = 0.9
# A wide blob whose vivid rows are fewer than this share of its own is glyphs in a glow.
GLOW_SHARE = 0.85


@dataclass(frozen=True, slots=True)
class Emoji:
    name: str  # a `TEMPLATES` key
    left: int
    top: int
    side: int
    likeness: float

    @property
    def meaning(self) -> str:
        """ "finger1", "finger2", "finger3", "key1".."key9", "cheer" or "other": the name
        up to its first "_"."""
        return self.name.split("_")[0]


def find_emoji(
    image: Image.Image,
    span: tuple[int, int],
    words: Sequence[tuple[int, int, int, int]] = (),
    width: int | None = None,
) -> list[Emoji]:
    """The emoji in the band `span` (rows) of the screenshot, in reading order. `words`:
    boxes (left, top, right, bottom) where OCR surely read words: a glyph there is a letter
    (yellow serif capitals over a photo are near a raised hand's template). `width`: the
    screenshot's, when `image` is a piece of it (sizes are judged against it)."""
    band = np.asarray(image.crop((0, span[0], image.width, span[1])).convert("RGB"))
    if band.size == 0:
        return []
    width = width or band.shape[1]
    found = _glyphs(band, standing_out(band), width, inner=True)
    if len(found) > _NOISY:
        vivid = _glyphs(band, _vivid(band), width, inner=True, busy_again=False)
        if len(vivid) <= _NOISY and any(e.meaning[:3] in ("fin", "key") for e in vivid):
            found = vivid
    # A piece of a glyph matched on its own ("🗳️" in a keycap's corner) is part of the
    # larger one around it.
    found = [
        e
        for e in found
        if not any(
            o.side > e.side
            and o.left <= e.left
            and o.top <= e.top
            and e.left + e.side <= o.left + o.side + 2
            and e.top + e.side <= o.top + o.side + 2
            for o in found
        )
    ]
    found = [e for e in found if e.meaning in ("cheer", "other") or e.likeness >= NUMBER_LIKENESS]
    found += _keycaps(band, found)
    # Emoji do not overlap: of two matches over one glyph ("💯" also near "🤟" slid half
    # onto it), the likelier stands; of one glyph found twice (within a label and a label
    # held in it, `ocr.emoji_labels`), the first.
    found = [
        e
        for i, e in enumerate(found)
        if not any(
            overlap(o, e) and (o.likeness > e.likeness or (o.likeness == e.likeness and j < i))
            for j, o in enumerate(found)
        )
    ]
    found.sort(key=lambda e: (round(e.top / max(e.side, 1)), e.left))
    placed = [Emoji(e.name, e.left, e.top + span[0], e.side, e.likeness) for e in found]
    return [e for e in placed if e.meaning == "other" or not _among(e, words)]


def overlap(a: Emoji, b: Emoji) -> bool:
    """The two squares share more than half the smaller one's side, across and down."""
    side = min(a.side, b.side) / 2
    across = min(a.left + a.side, b.left + b.side) - max(a.left, b.left)
    down = min(a.top + a.side, b.top + b.side) - max(a.top, b.top)
    return across > side and down > side


def _keycaps(band: np.ndarray, found: Sequence[Emoji]) -> list[Emoji]:
    """Keycaps the blobs missed, found by their own colour: "💯 2️⃣ 💯 2️⃣ 💯" over a crowd
    photo, where each keycap's blob runs into the heads around it. A keycap is a filled
    square of its steel blue (its digit a hole in it) that its template names a keycap."""
    r, g, b = (band[:, :, k].astype(np.int16) for k in range(3))
    blue = b - r
    steel = (blue >= 25) & (g - r >= 0.45 * blue) & (b - g <= 0.6 * blue) & (b >= g)
    steel &= (b >= 95) & (b <= 225)
    squares, _count = ndimage.label(steel)
    out: list[Emoji] = []
    for k, sl in enumerate(ndimage.find_objects(squares), start=1):
        if sl is None:
            continue
        y0, y1, x0, x1 = sl[0].start, sl[0].stop, sl[1].start, sl[1].stop
        h, w = y1 - y0, x1 - x0
        if min(h, w) < MIN_SIDE or not 0.8 <= w / h <= 1.25 or y0 <= 0 or x0 <= 0:
            continue
        if ndimage.binary_fill_holes(squares[sl] == k).mean() < _KEYCAP_FILL:
            continue
        if any(abs(e.left + e.side / 2 - (x0 + x1) / 2) < e.side / 2 and
               abs(e.top + e.side / 2 - (y0 + y1) / 2) < e.side / 2 for e in found):  # fmt: skip
            continue  # found already
        match = _classify(band, y0, y1, x0, x1)
        if match is not None and match[0].startswith("key"):
            out.append(Emoji(match[0], x0, y0, max(h, w), match[1]))
    return out


_KEYCAP_FILL = 0.8  # of its bounding box a keycap's colour fills, its digit filled in (0.83 over
# gravel, JPEG-blurred: ours 9263 0122)


def _among(e: Emoji, words: Sequence[tuple[int, int, int, int]]) -> bool:
    cx, cy = e.left + e.side / 2, e.top + e.side / 2
    return any(left <= cx <= right and top <= cy <= bottom for left, top, right, bottom in words)


# More glyph-sized blobs than this in the band: a busy photo (a crowd, foliage: 230-420 on
# the generators' sets), in which emoji cannot be told from its texture and naming each blob
# cost up to 0.7 s. Stories with emoji on the generators' sets show 1-92.
_BUSY = 200
# More emoji than this named in a band: a texture's blobs named one by one (ours 9157: a
# histology slide's, 65 "emoji"). Its vivid blobs stand instead if few and naming a number (a
# vivid 🗳️ alone is less than the noisy look's 🗳️ ✅💯💯: ours 9153).
_NOISY = 12


def _glyphs(
    band: np.ndarray, mask: np.ndarray, width: int, inner: bool, busy_again: bool = True
) -> list[Emoji]:
    """The emoji among the blobs of `mask` (band coordinates). A blob that is a highlight
    box the text sits in (a white or yellow label) is looked into, once (`inner`): its
    glyphs stand out of its own colour. A band too busy to look through (`_BUSY`) is looked
    through again for its vivid blobs alone (`busy_again`, `_vivid`)."""
    labels, _count = ndimage.label(mask, structure=np.ones((3, 3)))
    boxes = _stacked(
        [
            (sl[0].start, sl[0].stop, sl[1].start, sl[1].stop)
            for sl in ndimage.find_objects(labels)
            if sl is not None
        ]
    )
    sized = [
        b
        for b in boxes
        if min(b[1] - b[0], b[3] - b[2]) >= MIN_SIDE and b[1] - b[0] <= 0.25 * width
    ]
    found: list[Emoji] = []
    unnamed: list[tuple[int, int, int, int]] = []  # glyph-sized blobs no upright emoji fits
    looked: list[tuple[int, int, int, int]] = []  # labels whose glyphs are found
    for y0, y1, x0, x1 in label_boxes(band, width, _STANDS_OUT, MIN_SIDE) if inner else ():
        inside = _inside_label(band, y0, y1, x0, x1, width)
        if inside:
            found += inside
            looked.append((y0, y1, x0, x1))
    if len(sized) > _BUSY:
        # A busy photo's texture, not a line of emoji (see `_BUSY`); a label on it is its
        # own colour, and what it holds was looked at. Over a grey or dull photo (gravel, a
        # wall) emoji are its only vivid blobs: those are looked at alone.
        if found or not inner or not busy_again:
            return found
        return _glyphs(band, _vivid(band), width, inner=True, busy_again=False)
    for y0, y1, x0, x1 in sized:
        h, w = y1 - y0, x1 - x0
        if any(
            a0 <= (y0 + y1) / 2 <= a1 and b0 <= (x0 + x1) / 2 <= b1 for a0, a1, b0, b1 in looked
        ):
            continue  # looked at within its label
        if y0 <= 0 or x0 <= 0 or y1 >= band.shape[0] or x1 >= band.shape[1]:
            continue  # cut by the screen's edge, or a highlight box's own rounded edge
        if not inner and h < 0.3 * band.shape[0]:
            continue  # a scrap of a glyph, not one
        if h > 2.2 * w:
            continue  # a line, a stroke: no emoji is that narrow (☝️ is 0.6 as wide as tall)
        if w > 1.4 * h:
            boxed = _box_like(mask, y0, y1, x0, x1)
            if inner and boxed and (inside := _inside_label(band, y0, y1, x0, x1, width)):
                found += inside
                continue
            if h > 0.15 * width:
                continue  # a photo's shape
            # Emoji side by side, joined by a pixel or two, are cut where the blob thins, in
            # a glow where their vivid colours do; one glow around a line is looked along.
            y0, y1, cuts = _inside_glow(band, mask, y0, y1, x0, x1)
            parts = _cut(cuts)
            if len(parts) > 1:
                for a, b in parts:
                    rows = np.flatnonzero(cuts[:, a:b].any(axis=1))
                    top, bottom = y0 + int(rows[0]), y0 + int(rows[-1]) + 1
                    match = _glyph_fit(band, mask, top, bottom, x0 + a, x0 + b)
                    if match is not None:
                        side = max(bottom - top, b - a)
                        found.append(Emoji(match[0], x0 + a, top, side, match[1]))
                continue
            found += [
                e
                for e in _along(band, y0, y1, x0, x1)
                if not a_letter(e.name, band[y0:y1, e.left : e.left + e.side],
                                 mask[y0:y1, e.left : e.left + e.side])
            ]  # fmt: skip
            continue
        match = _glyph_fit(band, mask, y0, y1, x0, x1)
        if match is not None:
            found.append(Emoji(match[0], x0, y0, max(h, w), match[1]))
        elif 0.6 * w <= h <= 1.6 * w:
            unnamed.append((y0, y1, x0, x1))
    return found + _turned_row(band, mask, found, unnamed)


def _turned_row(
    band: np.ndarray,
    mask: np.ndarray,
    found: Sequence[Emoji],
    unnamed: Sequence[tuple[int, int, int, int]],
) -> list[Emoji]:
    """The glyphs among the `unnamed` blobs (about square) next to an emoji named surely,
    named by the turned templates alone. A keycap turned 20° over red is like no upright
    template (0.41: `_fit` never looks at it turned, which would cost six times as much for
    each of a photo's blobs) and like a turned 2️⃣ at 0.99; beside the 🔥 of its row, it is
    worth the look."""
    sure = [e for e in found if e.likeness >= ROW_SURE]
    named = []
    for y0, y1, x0, x1 in unnamed:
        cy, cx, side = (y0 + y1) / 2, (x0 + x1) / 2, max(y1 - y0, x1 - x0)
        if not any(
            math.dist((cx, cy), (e.left + e.side / 2, e.top + e.side / 2))
            <= ROW_REACH * max(e.side, side)
            for e in sure
        ):
            continue
        match = _classify(band, y0, y1, x0, x1, search=False)
        if match is None or match[1] < TURNED_SURE:  # (above `NUMBER_LIKENESS` too)
            continue
        if not a_letter(match[0], band[y0:y1, x0:x1], mask[y0:y1, x0:x1]):
            named.append(Emoji(match[0], x0, y0, side, match[1]))
    return named


def _glyph_fit(
    band: np.ndarray, mask: np.ndarray, y0: int, y1: int, x0: int, x1: int
) -> tuple[str, float] | None:
    """`_fit`, but no emoji for a letter or digit in white or black ("01" between ☝️ and 🔥),
    however like a star or a thumb its shape; a white digit alone may be a keycap's, on a
    face like what is behind it."""
    match = _fit(band, y0, y1, x0, x1)
    if match is None or a_letter(match[0], band[y0:y1, x0:x1], mask[y0:y1, x0:x1]):
        return None
    return match


# How far a glyph's colour stands out of its label's when the first look (`_STANDS_OUT`)
# names no finger and no keycap on it.
_FAINT_ON_LABEL = 35.0
# Of the median side of a label's glyphs, what a whole glyph's side is at least.
PIECE = 0.75


def _inside_label(band: np.ndarray, y0: int, y1: int, x0: int, x1: int, width: int) -> list[Emoji]:
    """The emoji on a highlight label (band coordinates), found as they stand out of its
    own colour; none unless one of them says something."""
    box = band[y0:y1, x0:x1]
    fill = np.median(box.reshape(-1, 3), axis=0)
    within = np.sqrt(((box.astype(np.float32) - fill) ** 2).sum(axis=2))
    inside = _glyphs(box, within > _STANDS_OUT, width, inner=False)
    if not any(e.meaning.startswith(("finger", "key")) for e in inside):
        # Yellow fingers and orange fire on an orange label stand out of it by 40 or so
        # (ours 9249 0170, "☝️☝️☝️ 01 🔥🔥🔥"): only the hearts and the 💯 were found.
        faint = _glyphs(box, within > _FAINT_ON_LABEL, width, inner=False)
        if len(faint) > len(inside):
            inside = faint
    if len(inside) >= 3:
        # A label's emoji are set in one size: a glyph much smaller than the row's is a
        # piece of one, pale on a label its own colour (a yellow 👊's knuckles on a yellow
        # sticker named ☝️, ours 9203 0296).
        middle = float(np.median([e.side for e in inside]))
        inside = [e for e in inside if e.side >= PIECE * middle]
    if not any(e.meaning != "other" for e in inside):
        return []
    return [Emoji(e.name, e.left + x0, e.top + y0, e.side, e.likeness) for e in inside]


def _cut(blob: np.ndarray) -> list[tuple[int, int]]:
    """Column ranges of a wide blob between the columns where it (nearly) vanishes."""
    h = blob.shape[0]
    thin = blob.sum(axis=0) <= max(1, 0.08 * h)
    parts: list[tuple[int, int]] = []
    start = None
    for x, empty in enumerate([*thin.tolist(), True]):
        if not empty and start is None:
            start = x
        elif empty and start is not None:
            if x - start >= MIN_SIDE:
                parts.append((start, x))
            start = None
    return parts


def _along(band: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> list[Emoji]:
    """The emoji in a wide blob: a square window slid along it, all windows compared at
    once against the templates over the blob's own colour; the best that do not overlap
    looked at closely (`_fit`)."""
    side = y1 - y0
    stride = max(2, side // 6)
    lefts = list(range(x0, max(x0 + 1, x1 - side + 1), stride))
    windows = [
        np.asarray(
            Image.fromarray(band[y0:y1, left : left + side]).resize(
                (TEMPLATE_SIDE, TEMPLATE_SIDE), Image.Resampling.BILINEAR
            ),
            dtype=np.float32,
        )
        for left in lefts
    ]
    bank = templates()
    if not windows or not bank.names:
        return []
    behind = np.median(band[y0:y1, x0:x1].reshape(-1, 3), axis=0).astype(np.float32)
    scores = likeness(np.stack(windows), bank, behind).max(axis=1)
    kept: list[Emoji] = []
    tried: list[int] = []
    for j in np.argsort(-scores):
        left = lefts[int(j)]
        if scores[j] < NEARLY or len(tried) > 2 * (x1 - x0) / side:
            break
        if all(abs(left - t) >= 0.6 * side for t in tried):
            tried.append(left)
            match = _fit(band, y0, y1, left, left + side)
            if match is not None:
                kept.append(Emoji(match[0], left, y0, side, match[1]))
    return kept


def _stacked(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Blobs one above the other in the same columns joined: "💯" is its digits and, apart
    from them, its two underlines. Top to bottom, a joined blob whose bottom the next blob
    starts too far below can take no more, and is set aside: a busy photo's thousands of
    blobs are compared only with those of the rows they stand in (3 s to 20 ms on one)."""
    out: list[list[int]] = []  # [y0, y1, x0, x1], in the order first seen
    active: list[list[int]] = []
    for y0, y1, x0, x1 in sorted(boxes):
        active = [b for b in active if y0 - b[1] <= max(2, 0.25 * (b[1] - b[0]))]
        for b in active:
            a0, a1, b0, b1 = b[0], b[1], b[2], b[3]
            overlap = min(x1, b1) - max(x0, b0)
            alike = max(x1 - x0, b1 - b0) <= 2 * min(x1 - x0, b1 - b0)
            if (
                alike
                and overlap > 0.5 * min(x1 - x0, b1 - b0)
                and -2 <= y0 - a1 <= max(2, 0.25 * (a1 - a0))
            ):
                b[1], b[2], b[3] = max(a1, y1), min(x0, b0), max(x1, b1)
                break
        else:
            box = [y0, y1, x0, x1]
            out.append(box)
            active.append(box)
    return [(a0, a1, b0, b1) for a0, a1, b0, b1 in out]


def _inside_glow(
    band: np.ndarray, mask: np.ndarray, y0: int, y1: int, x0: int, x1: int
) -> tuple[int, int, np.ndarray]:
    """The rows of a wide blob's glyphs and the mask to cut it by: a glow around them
    ("neon" text's dark halo) joins emoji the halo makes one blob taller than they are
    ("✌️✌️✌️" matched as 🤲 by windows that tall: blindgen 213 0183); their vivid colours
    stand apart. The blob's own rows and mask otherwise."""
    vivid = _vivid(band[y0:y1, x0:x1])
    rows = np.flatnonzero(vivid.sum(axis=1) >= 2)
    if len(rows) and MIN_SIDE <= rows[-1] - rows[0] + 1 < GLOW_SHARE * (y1 - y0):
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        return y0 + top, y0 + bottom, vivid[top:bottom]
    return y0, y1, mask[y0:y1, x0:x1]


def _box_like(mask: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> bool:
    """A blob that fills its bounding box (a highlight label), not a glyph's outline."""
    return bool(mask[y0:y1, x0:x1].mean() > 0.6)


# How far a pixel's strongest channel is above its weakest for it to be vivid: an emoji's
# yellows, oranges and reds (measured 120-230), not a grey or dull photo's (under 60).
_VIVID = 100


def _vivid(band: np.ndarray) -> np.ndarray:
    """Pixels of a vivid colour (`_VIVID`)."""
    channels = band.astype(np.int16)
    return (channels.max(axis=2) - channels.min(axis=2)) > _VIVID


def standing_out(band: np.ndarray) -> np.ndarray:
    """Pixels far in colour from their surroundings' median: glyphs over a plain or soft
    background (a photo's edges stand out too; templates tell them apart)."""
    h, w = band.shape[:2]
    f = 8
    small = np.ascontiguousarray(band[::f, ::f])
    size = max(5, (w // f) // 6 | 1)
    # (OpenCV's median, edges replicated: scipy's `median_filter(mode="nearest")` to the
    # level, ten times faster.)
    background = cv2.medianBlur(small, size).astype(np.float32)
    background = np.repeat(np.repeat(background, f, axis=0), f, axis=1)[:h, :w]
    distance = np.sqrt(((band.astype(np.float32) - background) ** 2).sum(axis=2))
    return distance > _STANDS_OUT


def _around(band: np.ndarray, top: int, left: int, side: int) -> np.ndarray:
    """The median colour just outside a square: what shows through a glyph's corners."""
    h, w = band.shape[:2]
    ring = max(2, side // 8)
    y0, y1 = max(0, top - ring), min(h, top + side + ring)
    x0, x1 = max(0, left - ring), min(w, left + side + ring)
    outer = band[y0:y1, x0:x1].astype(np.float32)
    keep = np.ones(outer.shape[:2], dtype=bool)
    keep[top - y0 : top - y0 + side, left - x0 : left - x0 + side] = False
    pixels = outer[keep] if keep.any() else outer.reshape(-1, 3)
    return np.median(pixels.reshape(-1, 3), axis=0)


def _classify(
    band: np.ndarray,
    y0: int,
    y1: int,
    x0: int,
    x1: int,
    search: bool = True,
    turned: bool = True,
) -> tuple[str, float] | None:
    """The nearest template to the glyph in this box, if it is near enough. A blob's box is
    a pixel or two off the glyph (JPEG's halo, a glow): the square is tried a little smaller
    and shifted, and the best fit counts. `turned`: turned templates are compared too."""
    bank = templates(turned)
    if not bank.names:
        return None
    side = max(y1 - y0, x1 - x0)
    cy, cx = (y0 + y1) / 2, (x0 + x1) / 2
    glyphs: list[np.ndarray] = []
    behinds: list[np.ndarray] = []
    for scale in (1.0, 0.85) if search else (1.0,):
        s = max(MIN_SIDE, round(side * scale))
        shift = max(1, s // 10) if search else 0
        for dy in sorted({-shift, 0, shift}):
            for dx in sorted({-shift, 0, shift}):
                top = max(0, round(cy - s / 2) + dy)
                left = max(0, round(cx - s / 2) + dx)
                crop = band[top : top + s, left : left + s].copy()
                if crop.shape[0] < MIN_SIDE or crop.shape[1] < MIN_SIDE:
                    continue
                if not behinds:
                    behinds.append(_around(band, top, left, s))
                # A narrow glyph's square reaches its neighbours: outside the blob's own
                # columns is background.
                crop[:, : max(0, x0 - 1 - left)] = behinds[0]
                crop[:, max(0, x1 + 1 - left) :] = behinds[0]
                glyph = Image.fromarray(crop).resize(
                    (TEMPLATE_SIDE, TEMPLATE_SIDE), Image.Resampling.BILINEAR
                )
                glyphs.append(np.asarray(glyph, dtype=np.float32))
    if not glyphs:
        return None
    scores = likeness(np.stack(glyphs), bank, behinds[0])  # (variants, templates)
    i = int(np.argmax(scores.max(axis=0)))
    best_name, best_score = bank.names[i], float(scores[:, i].max())
    if search and best_score < MIN_LIKENESS:
        return None
    return best_name, best_score


def _fit(band: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> tuple[str, float] | None:
    """`_classify` as it is, searched around only when it is nearly a match (most blobs of
    a photo are nothing like any emoji); the turned templates only then too (a turned
    emoji is still nearly its upright self, and they cost six times the upright ones)."""
    first = _classify(band, y0, y1, x0, x1, search=False, turned=False)
    if first is None or first[1] < NEARLY:
        return None
    turned = _classify(band, y0, y1, x0, x1, search=False)
    if turned is not None and (
        (turned[1] >= TURNED_SURE and turned[1] - first[1] >= TURNED_GAIN)
        or (turned[1] >= TURNED_VERY_SURE and turned[1] - first[1] >= TURNED_VERY_GAIN)
    ):
        return turned
    keycap = first[0].startswith("key")
    if first[1] >= (NUMBER_LIKENESS if keycap else MIN_LIKENESS):
        return first
    # Nearly a match, or a keycap not yet sure enough to count (one of "💯 3️⃣ 💯 3️⃣ 💯" on
    # a sky fits a 4️⃣ at 0.75 where it is, a 3️⃣ at 0.9 a few pixels off): searched around.
    # (Raised fingers searched so were a photo's shapes and letters.)
    searched = _classify(band, y0, y1, x0, x1, turned=False)
    if first[1] >= MIN_LIKENESS and (searched is None or searched[1] < first[1]):
        return first
    return searched
