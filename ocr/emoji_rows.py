"""Emoji looked for again along the row of one surely named.

A story's emoji stand in rows ("☝️ 1️⃣ 🔥"). Over a busy or bokeh photo, or right under a
tilted label, the finger and the keycap can run into the label's or the photo's blobs and go
unnamed while the fire beside them is named surely (ours 9157: "📍 KANTOR SD 54" over "☝️ 1️⃣
🔥", only the fire found). A band as high as that row, looked through alone, holds the row
and little else: its neighbours are found there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from ocr.emoji import MIN_SIDE, ROW_SURE, Emoji, find_emoji, overlap
from ocr.slanted_blobs import slanted_emoji

MAX_ROWS = 3  # rows looked along, at most: a texture's sure cheers are not all looked at
EDGE = MIN_SIDE  # pixels above the band its top strip begins
STRIP = 5 * MIN_SIDE  # pixels below the band's top its top strip ends
ROW_SIDES = 1.3  # the largest glyph of a row at most this many times the smallest's side


def emoji_in_rows(
    image: Image.Image, span: tuple[int, int], words: Sequence[tuple[int, int, int, int]] = ()
) -> list[Emoji]:
    """`find_emoji` in the band `span`; when it names no finger and no keycap, each surely
    named cheer's row is looked along too, and what it finds there is added (in reading
    order)."""
    found = find_emoji(image, span, words)
    # An emoji row right under the header may begin a pixel above the band: its glyphs, cut,
    # go unnamed ("✌️ 2️⃣ 🔥" under a status's time line, ours 9221). A strip across the
    # band's top edge is looked through alone; what is centred above the band is not the
    # body's, and only a row counts there: two glyphs or more of one size side by side, as a
    # story sets its emoji (a photo's blobs under the header, a cup's rim, named a finger and
    # a cheer of two sizes at two heights and backed a candidate named in thanks: ours 9241).
    strip = (max(0, span[0] - EDGE), min(span[1], span[0] + STRIP))
    cut = [
        e
        for e in find_emoji(image, strip, words)
        if span[0] <= e.top + e.side / 2 and not any(overlap(e, f) for f in found)
    ]
    found += [e for e in cut if any(_side_by_side(e, f) for f in cut if f is not e)]
    turned = slanted_emoji(image, span, found)  # a turned row its glows ran into one blob
    # A glyph named for the whole bar (its emoji's square inside its own) was the row.
    found = [e for e in found if not any(_inside(t, e) for t in turned)] + turned
    if any(e.meaning.startswith(("finger", "key")) for e in found):
        return found
    sure = sorted(
        (e for e in found if e.meaning == "cheer" and e.likeness >= ROW_SURE),
        key=lambda e: -e.likeness,
    )
    looked: list[tuple[int, int]] = []
    for cheer in sure[:MAX_ROWS]:
        margin = max(2, cheer.side // 4)
        row = (max(span[0], cheer.top - margin), min(span[1], cheer.top + cheer.side + margin))
        if any(a <= (row[0] + row[1]) / 2 <= b for a, b in looked):
            continue
        looked.append(row)
        found += [e for e in find_emoji(image, row, words) if not any(overlap(e, f) for f in found)]
    found.sort(key=lambda e: (round(e.top / max(e.side, 1)), e.left))
    return found


def _side_by_side(a: Emoji, b: Emoji) -> bool:
    """Two glyphs of one row: sides within ROW_SIDES of each other, centres on one level
    (within a third of the smaller side)."""
    small, large = sorted((a.side, b.side))
    level = abs((a.top + a.side / 2) - (b.top + b.side / 2)) <= small / 3
    return large <= ROW_SIDES * small and level


def _inside(small: Emoji, large: Emoji) -> bool:
    """`small`'s square lies within `large`'s, which is at least twice its side."""
    return (
        large.side >= 2 * small.side
        and large.left <= small.left + small.side / 2 <= large.left + large.side
        and large.top <= small.top + small.side / 2 <= large.top + large.side
    )
