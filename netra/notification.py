"""A notification over a story's top: its sender is no poster, its message no part of the
story. Found by its app line (`rules.frame.card_rows`) or, cropped off, by its shape
(`ocr.card.inset_card`); what lies under it is set aside here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from netra.header import covers_name_line
from ocr.card import inset_card
from ocr.engine import OcrLine
from ocr.reader import NamePlace
from rules.frame import status_bar_at, status_row, under_card
from rules.layout import Layout
from wording import id_analysis as why

# A notification's card is looked for by its shape among the lines this high on the screen.
CARD_SEARCH = 0.2


def card_by_shape(image: Image.Image, lines: Sequence[OcrLine]) -> tuple[int, int] | None:
    """The rows of a notification card around the first line atop the screen that lies on
    one (`inset_card`), or None."""
    for line in lines:
        if line.bottom <= CARD_SEARCH * image.height:
            card = inset_card(image, (line.left, line.top, line.right, line.bottom))
            if card is not None:
                return card
    return None


def without_card(layout: Layout, lines: Sequence[OcrLine], card: tuple[int, int]) -> Layout:
    """The layout with the card's lines set aside: a poster read there is the notification's
    sender (nobody can tell who posted), its message no part of the body."""
    on_card = {line.text for line in lines if under_card(line, card)}
    body = tuple(t for t in layout.body if t not in on_card)
    box = layout.header_box
    if layout.header.poster is None or box is None or box[1] >= card[1]:
        return replace(layout, body=body)
    header = replace(
        layout.header,
        poster=None,
        alternatives=(),
        evidence=(*layout.header.evidence, why.HEADER_UNDER_NOTIFICATION),
    )
    return replace(layout, header=header, header_box=None, body=body)


def poster_under_card(
    image: Image.Image, layout: Layout, lines: Sequence[OcrLine], card: tuple[int, int]
) -> tuple[Layout, bool]:
    """A notification covering every row a story's name line can be on: what the first
    reading took for the poster lies below the card, in the story's body ("insyaAllah Pak",
    a re-shared post's "relawan.kera"). Nobody can tell who posted; that line is content
    again. (layout, whether a poster was set aside)"""
    box = layout.header_box
    if layout.header.poster is None or (box is not None and box[1] < card[1]):
        return layout, False
    place = NamePlace(below_bar=status_bar_at(lines, layout.story_top, image.height))
    if not covers_name_line(image, layout, place, card):
        return layout, False
    header = replace(
        layout.header,
        poster=None,
        alternatives=(),
        evidence=(*layout.header.evidence, why.HEADER_UNDER_NOTIFICATION),
    )
    lost = [
        line.text
        for line in lines
        if box is not None
        and box[1] <= line.centre_y <= box[3]
        and line.text not in layout.body
        and not status_row(line, lines)
    ]
    return replace(layout, header=header, header_box=None, body=(*lost, *layout.body)), True
