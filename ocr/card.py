"""A notification card found by its shape: a box of one colour across the screen's top,
inset from both sides alike, around a line of text.

A notification is usually known by its app line ("WhatsApp · sekarang", `rules.frame`). A
reporter's crop can cut that line off and leave the sender's name and message at the top of
the screenshot, where a story's poster stands: read as the poster, a colleague on the roster
who only sent a message ("Bu Rian SD 8 / Besok rapat jam 8 ya") was flagged. What a person
sees is the card itself; so is this.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# How far (summed RGB difference) a pixel may be from the card's colour and be the card.
SAME = 48
# The card's margin to each side of the screen, as a share of its width (Android's and iOS's
# cards: 1.5-4%), and how much the two may differ.
MARGIN = (0.005, 0.06)
MARGIN_SKEW = 0.015
# Lines of text a card holds under the one looked at, at most (title, message, a second
# row of it): its bottom is within this many of the line's heights below it.
CARD_ROWS = 4


def inset_card(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The rows (top, bottom) of the card the line in `box` (left, top, right, bottom) lies
    on, or None when the line does not lie on one: the colour just left of it reaches,
    along the line's middle row, to a margin near each side of the screen (the same on both)
    and, down the margin, ends a few lines below it."""
    width, height = image.size
    x0, y0, x1, y1 = box
    h = y1 - y0
    inset = max(3, h // 4)
    if h < 6 or x0 - inset < 2 or x1 + inset >= width - 2:
        return None
    # Only the rows the card can reach are looked at.
    height = min(height, y1 + CARD_ROWS * h + 2)
    rgb = np.asarray(image.crop((0, 0, width, height)).convert("RGB"), dtype=np.int16)
    y = (y0 + y1) // 2
    colour = np.median(rgb[max(0, y - 1) : y + 2, x0 - inset : x0 - 1].reshape(-1, 3), axis=0)
    same = np.abs(rgb - colour).sum(axis=2) < SAME

    def run(x: int, step: int) -> int:
        while 0 < x < width - 1 and same[y, x]:
            x += step
        return x

    left, right = run(x0 - inset, -1), run(x1 + inset, 1)
    low, high = (round(m * width) for m in MARGIN)
    margins = (left, width - 1 - right)
    if not all(low <= m <= high for m in margins):
        return None
    if abs(margins[0] - margins[1]) > MARGIN_SKEW * width:
        return None
    column = left + max(2, inset // 2)  # down the card's own margin, clear of its text
    bottom = y1
    while bottom < height - 1 and same[bottom, column]:
        bottom += 1
    if bottom - y1 > CARD_ROWS * h or bottom >= height - 1:
        return None
    top = y0
    while top > 0 and same[top, column]:
        top -= 1
    return top, bottom
