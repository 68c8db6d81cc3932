"""Emoji standing along a slanted line: a story's text turned with its emoji.

A story's content rotated some 30° ("✌️ 2️⃣ 🔥" climbing to the right, blindgen 203, 211,
217, 229) makes no row of emoji by their tops: each emoji is a row of its own, read with a
sliver of the number beside it, or not at all. Emoji that follow one another along one line
8–45° from level, each within a few emoji of the next, are one slanted row; it is turned
level around its middle and read as any row is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

import numpy as np
from PIL import Image, ImageStat

from ocr.emoji import Emoji

# The slant of a row, in degrees from level: less is a level row (`read_among_emoji` groups
# those by their tops), more is a column.
MIN_SLANT = 8.0
MAX_SLANT = 45.0
# Two emoji of one row stand at most this many emoji apart, centre to centre: a pair's
# number ("02") between them.
REACH = 4.0
SAME_SIZE = 0.6  # the smaller at least this share of the larger
ON_LINE = 0.35  # each centre within this share of an emoji of the row's line
# Around a slanted row, this many emoji of the screenshot are kept to be turned level: the
# row and what stands beside it, at its ends turned.
AROUND = 3


def slanted_rows(emoji: Sequence[Emoji]) -> list[tuple[float, list[Emoji]]]:
    """The slanted rows among `emoji`, each with its slant in degrees (negative: climbing to
    the right), its emoji left to right."""
    parent = list(range(len(emoji)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(emoji)), 2):
        if _linked(emoji[i], emoji[j]):
            parent[root(i)] = root(j)
    groups: dict[int, list[Emoji]] = {}
    for i, e in enumerate(emoji):
        groups.setdefault(root(i), []).append(e)
    rows = []
    for group in groups.values():
        if len(group) < 2:
            continue
        angle = _slant(group)
        if angle is not None:
            rows.append((angle, sorted(group, key=lambda e: e.left)))
    return rows


def levelled(
    image: Image.Image, row: Sequence[Emoji], angle: float
) -> tuple[Image.Image, list[Emoji]]:
    """The part of `image` around a slanted row, turned level; the row's emoji where they
    stand once turned. Each emoji stands upright in its square once turned, so it is painted
    over there, as a level row's are; painted before turning, its square turned would reach
    into the number beside it."""
    side = max(e.side for e in row)
    x0 = max(0, min(e.left for e in row) - AROUND * side)
    y0 = max(0, min(e.top for e in row) - AROUND * side)
    x1 = min(image.width, max(e.left + e.side for e in row) + AROUND * side)
    y1 = min(image.height, max(e.top + e.side for e in row) + AROUND * side)
    turned = turned_level(image, (x0, y0, x1, y1), angle)
    moved = []
    for e in row:
        mx, my = turn_point(turned, (e.left - x0 + e.side / 2, e.top - y0 + e.side / 2), angle)
        moved.append(replace(e, left=round(mx - e.side / 2), top=round(my - e.side / 2)))
    return turned, moved


def turned_level(image: Image.Image, box: tuple[int, int, int, int], angle: float) -> Image.Image:
    """The part of `image` in `box` (left, top, right, bottom) turned by `angle` degrees
    counter-clockwise about its middle, its corners filled with its median colour."""
    crop = image.crop(box).convert("RGB")
    behind = tuple(round(v) for v in ImageStat.Stat(crop).median)
    return crop.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=behind)


def turn_point(
    crop: Image.Image, point: tuple[float, float], angle: float, back: bool = False
) -> tuple[float, float]:
    """Where a point of a crop stands once `turned_level` turned it by `angle` (or, `back`,
    where a point of the turned crop stood before)."""
    cx, cy = crop.width / 2, crop.height / 2
    a = math.radians(-angle if back else angle)
    dx, dy = point[0] - cx, point[1] - cy
    return cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a)


def _linked(a: Emoji, b: Emoji) -> bool:
    """Whether two emoji stand next to each other along a slanted line."""
    side = max(a.side, b.side)
    if min(a.side, b.side) < SAME_SIZE * side:
        return False
    dx = (b.left + b.side / 2) - (a.left + a.side / 2)
    dy = (b.top + b.side / 2) - (a.top + a.side / 2)
    if math.hypot(dx, dy) > REACH * side or dx == 0:
        return False
    return MIN_SLANT <= abs(math.degrees(math.atan(dy / dx))) <= MAX_SLANT


def _slant(group: Sequence[Emoji]) -> float | None:
    """The slant of the line through the group's centres, in degrees; None when one centre
    stands off it (emoji matched here and there over a photo's texture, no row)."""
    xs = np.array([e.left + e.side / 2 for e in group])
    ys = np.array([e.top + e.side / 2 for e in group])
    if np.ptp(xs) == 0:
        return None
    slope, offset = np.polyfit(xs, ys, 1)
    angle = math.degrees(math.atan(slope))
    if not MIN_SLANT <= abs(angle) <= MAX_SLANT:
        return None
    # Distance of each centre from the line, across it.
    off = np.abs(ys - (slope * xs + offset)) / math.hypot(1.0, slope)
    side = max(e.side for e in group)
    return angle if float(off.max()) <= ON_LINE * side else None
