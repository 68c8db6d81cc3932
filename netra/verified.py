"""A handle read with Instagram's verified tick as its last character ("ayurajasa870" of
"ayurajasa87 ✓", our set 9189) is the handle without it: the tick is found by its colour
and shape (`ocr.verified_tick`) where that character stands on the poster line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from ocr.engine import OcrLine
from ocr.verified_tick import tick_centre
from rules.layout import Layout
from rules.types import Poster
from wording import id_analysis as why

# What readers make of the blue disc with its white check.
TICK_READS = frozenset("0oOQ@©®✓✔Vv")
# How far (in the line's mean character widths) the tick's centre may stand from where the
# handle's last character is estimated to stand.
_SLACK = 1.5


def without_tick(image: Image.Image, layout: Layout, lines: Sequence[OcrLine]) -> Layout:
    """The layout as read, or with its Instagram poster's last character dropped when that
    character is the verified tick read as a letter: a blue disc inside the poster line
    where the character stands."""
    header, box = layout.header, layout.header_box
    poster = header.poster
    if (
        box is None
        or poster is None
        or poster.kind != "username"
        or poster.text[-1:] not in TICK_READS
        or len(poster.text) < 4
    ):
        return layout
    # The tick read apart from the handle ("nugroho62 0") came as an underscore before it.
    line = next((x for x in lines if _holds(x, box) and poster.text in _spaced(x.text)[0]), None)
    if line is None:
        return layout
    centre = tick_centre(image, (line.left, line.top, line.right, line.bottom))
    if centre is None or centre > line.right:
        return layout
    text = line.text.lower()
    spaced, where = _spaced(text)
    last = where[spaced.index(poster.text) + len(poster.text) - 1]
    width = (line.right - line.left) / len(text)
    if abs(line.left + (last + 0.5) * width - centre) > _SLACK * width:
        return layout
    handle = poster.text[: -2 if text[last - 1] == " " else -1]
    note = why.HEADER_VERIFIED_TICK.format(read=poster.text, handle=handle)
    header = replace(header, poster=Poster("username", handle), evidence=(*header.evidence, note))
    return replace(layout, header=header)


def _spaced(text: str) -> tuple[str, list[int]]:
    """The line's text as the header reads a handle of it: a space as an underscore, a space
    beside a mark dropped ("suci _harahap_ofcO", ours 9219 0017); and where each of its
    characters stands in `text`."""
    text = text.lower()
    kept = [
        (i, "_" if ch == " " else ch)
        for i, ch in enumerate(text)
        if ch != " " or not (text[i - 1 : i] in ("_", ".") or text[i + 1 : i + 2] in ("_", "."))
    ]
    return "".join(ch for _i, ch in kept), [i for i, _ch in kept]


def _holds(line: OcrLine, box: tuple[int, int, int, int]) -> bool:
    """The line lies within the header box (the box may span the age's line too)."""
    left, top, _right, bottom = box
    return line.left >= left - 2 and line.top >= top - 2 and line.bottom <= bottom + 2
