"""A printed card set into a story, read where it stands: a ballot, a leaflet.

Stories carry a photo of a sample ballot, shrunk and turned ("COBLOS NOMOR 1!" on its red
label, a circle on one pair): the first detection reads nothing of it, its letters a few
pixels high and at a slant (blindgen 183 0150, 199 0031, 213 0119). A person sees the white
card first and looks closer. So does this: a near-white, four-sided region of the body, found
by its shape (`cv2.minAreaRect` of the bright pixels' outline), is turned upright, enlarged
and read on its own. Measured on those three: "COBLOS NOMOR 1!", "COBLOS N01" and the
ticked "02" read where the whole screenshot read nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from ocr.engine import OcrEngine, OcrLine
from ocr.reader import LEGIBLE_HEIGHT

# Paper: every channel this bright, and the channels this close (no colour). Over a pale,
# faintly tinted background that counts as paper too (a pale blue story, 217-228-250), the
# card is the whiter paper on it (ours 9245 0174): looked for so when no card is found.
PAPER = 200
PAPER_TINT = 40
WHITE_PAPER = 238
WHITE_TINT = 20
# A card's share of the screenshot: smaller holds no readable text even enlarged; larger is
# the story's own background (a white status), read by the first reading already.
SHARE = (0.008, 0.35)
# How much of the turned rectangle around its outline the card fills: a card, not a blob.
FILL = 0.85
# A card's outline simplified to within this share of its length, for its straight edges;
# and the share of the fullest row (column) a row (column) of the card itself fills.
EDGE_TOLERANCE = 0.01
MOSTLY = 0.5
# The share of the outline along the card's two directions: the rest is what lies over it.
STRAIGHT = 0.45
# Below this slant a card's text reads level.
MIN_TILT = 5.0
# The card's longer side once enlarged, and the most it is enlarged: past that letters blur.
TARGET_SIDE = 1100
MAX_ZOOM = 6.0
# At most this many cards are read: the largest.
MOST = 2


@dataclass(frozen=True)
class Inset:
    """A card: its centre and size in the screenshot, and its slant in degrees (the turn
    that sets it level, within ±45)."""

    centre: tuple[float, float]
    size: tuple[float, float]
    angle: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The level box around the card (left, top, right, bottom)."""
        (cx, cy), (w, h) = self.centre, self.size
        rad = np.radians(self.angle)
        half_w = (abs(w * np.cos(rad)) + abs(h * np.sin(rad))) / 2
        half_h = (abs(w * np.sin(rad)) + abs(h * np.cos(rad))) / 2
        return round(cx - half_w), round(cy - half_h), round(cx + half_w), round(cy + half_h)

    def holds(self, line: OcrLine) -> bool:
        """The line's middle lies on the card (within its level box)."""
        left, top, right, bottom = self.box
        return left <= (line.left + line.right) / 2 <= right and top <= line.centre_y <= bottom


def paper_cards(image: Image.Image, rows: tuple[int, int]) -> list[Inset]:
    """The near-white cards within `rows` (top, bottom) of the screenshot, largest first.
    Looked for at half size: a card is large, and the look is made on most stories."""
    band = image.crop((0, rows[0], image.width, rows[1])).convert("RGB").reduce(2)
    pixels = np.asarray(band)
    lo, hi = pixels.min(axis=2), pixels.max(axis=2)
    for least, tint in ((PAPER, PAPER_TINT), (WHITE_PAPER, WHITE_TINT)):
        mask = ((lo > least) & (hi - lo < tint)).astype(np.uint8) * 255
        if found := _cards_in(mask, image, rows):
            return found
    return []


def _cards_in(mask: np.ndarray, image: Image.Image, rows: tuple[int, int]) -> list[Inset]:
    """The cards `mask` (paper's pixels of the band, at half size) outlines, largest first."""
    # Close the gaps the card's own print leaves in its outline.
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    outlines, tree = cv2.findContours(mask, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    whole = image.width * image.height / 4
    found: list[tuple[float, Inset]] = []
    for outline in _outer(outlines, tree):
        area = cv2.contourArea(outline)
        if not SHARE[0] * whole <= area <= SHARE[1] * whole:
            continue
        (cx, cy), (w, h), angle = cv2.minAreaRect(outline)
        if area < FILL * w * h:
            # A label or a sticker laid over the card's corner ("Ini caranya 👇" over a
            # ballot, ours 9223 0116) spoils the rectangle around the whole: the card is the
            # rectangle along its own edges that the outline fills.
            edged = _along_edges(outline)
            if edged is None:
                continue
            (cx, cy), (w, h), angle = edged
        if min(w, h) < 0.25 * max(w, h):
            continue
        # OpenCV gives the angle in [-90, 90): the same rectangle turned by less than 45°.
        while angle > 45:
            angle, w, h = angle - 90, h, w
        while angle < -45:
            angle, w, h = angle + 90, h, w
        card = Inset((2 * cx + 1, 2 * cy + 1 + rows[0]), (2 * w + 2, 2 * h + 2), angle)
        found.append((area, card))
    found.sort(key=lambda item: -item[0])
    return [inset for _area, inset in found]


def _along_edges(
    outline: np.ndarray,
) -> tuple[tuple[float, float], tuple[float, float], float] | None:
    """The rectangle (centre, size, angle as `cv2.minAreaRect` gives them) at the slant of
    the outline's longest straight edges, over the rows and columns the outline mostly
    fills; None unless it fills that rectangle as a card does (`FILL`)."""
    poly = cv2.approxPolyDP(outline, EDGE_TOLERANCE * cv2.arcLength(outline, True), True)
    corners = poly[:, 0, :].astype(np.float64)
    edges = np.roll(corners, -1, axis=0) - corners
    weight = np.zeros(90)
    for (dx, dy), length in zip(edges, np.hypot(edges[:, 0], edges[:, 1]), strict=True):
        slant = round(float(np.degrees(np.arctan2(dy, dx)))) % 90
        for near in (slant - 1, slant, slant + 1):
            weight[near % 90] += length
    slant = int(weight.argmax())
    if weight[slant] < STRAIGHT * float(np.hypot(edges[:, 0], edges[:, 1]).sum()):
        return None  # a round thing (a white cup, a cloud), not a card
    x, y, w, h = cv2.boundingRect(outline)
    side = int(np.hypot(w, h)) + 4
    canvas = np.zeros((side, side), np.uint8)
    dx, dy = (side - w) // 2 - x, (side - h) // 2 - y
    cv2.drawContours(canvas, [outline + np.array([dx, dy])], -1, 255, cv2.FILLED)
    turn = cv2.getRotationMatrix2D((side / 2, side / 2), slant, 1.0)
    level = cv2.warpAffine(canvas, turn, (side, side)) > 0
    rows, cols = level.sum(axis=1), level.sum(axis=0)
    ys = np.nonzero(rows >= MOSTLY * rows.max())[0]
    xs = np.nonzero(cols >= MOSTLY * cols.max())[0]
    top, bottom, left, right = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    if level[top:bottom, left:right].mean() < FILL:
        return None
    back = cv2.invertAffineTransform(turn)
    cx, cy = back @ np.array([(left + right) / 2, (top + bottom) / 2, 1.0])
    return (float(cx - dx), float(cy - dy)), (float(right - left), float(bottom - top)), slant


def _outer(outlines: Sequence[np.ndarray], tree: np.ndarray | None) -> list[np.ndarray]:
    """The outlines of paper, not of the holes in it: those at an even depth of the tree. A
    card inside a white frame (a chat's bubble around a shared story, ours 9201) lies in the
    frame's hole, and is no outermost outline."""
    if tree is None:
        return []
    parents = tree[0][:, 3]
    kept = []
    for k, outline in enumerate(outlines):
        depth, up = 0, parents[k]
        while up >= 0:
            depth, up = depth + 1, parents[up]
        if depth % 2 == 0:
            kept.append(outline)
    return kept


def unread_cards(
    image: Image.Image, rows: tuple[int, int], lines: Sequence[OcrLine]
) -> list[Inset]:
    """The cards whose text the first reading could not read: turned (`MIN_TILT` or more),
    or with no line on them read at a legible size. At most `MOST`."""
    out = []
    for card in paper_cards(image, rows):
        on_it = [line for line in lines if card.holds(line)]
        if abs(card.angle) >= MIN_TILT or not any(
            line.text_height >= LEGIBLE_HEIGHT for line in on_it
        ):
            out.append(card)
    return out[:MOST]


def read_card(image: Image.Image, card: Inset, engine: OcrEngine) -> list[OcrLine]:
    """The card turned level, cut out, enlarged and read (its lines' boxes are in the cut
    card's coordinates, good for their text only)."""
    (cx, cy), (w, h) = card.centre, card.size
    # Only the square the turned card can reach is turned, not the whole screenshot.
    reach = (w * w + h * h) ** 0.5 / 2 + 2
    x0, y0 = max(0, round(cx - reach)), max(0, round(cy - reach))
    around = image.crop((x0, y0, round(cx + reach), round(cy + reach))).convert("RGB")
    cx, cy = cx - x0, cy - y0
    turn = cv2.getRotationMatrix2D((cx, cy), card.angle, 1.0)
    level = cv2.warpAffine(
        np.asarray(around), turn, around.size, flags=cv2.INTER_CUBIC, borderValue=(255, 255, 255)
    )
    cut = Image.fromarray(level).crop(
        (round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2))
    )
    zoom = min(MAX_ZOOM, TARGET_SIDE / max(cut.size))
    size = (max(1, round(cut.width * zoom)), max(1, round(cut.height * zoom)))
    return engine.read(cut.resize(size, Image.Resampling.LANCZOS))
