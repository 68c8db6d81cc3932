"""A notification card is found by its shape when a crop cut off its app line, and no
story's own header, chat title or gallery bar is taken for one."""

from __future__ import annotations

import dataclasses

import pytest

from ocr.card import inset_card
from ocr.engine import make_engine
from ocr.image_input import load_screenshot
from tests.netra.test_reader import CHAT, GALLERY, WA_SUPPORT
from tests.ocr.test_reader import _rebuilt
from tests.synth import render_story


def _top_lines(image):  # type: ignore[no-untyped-def]
    lines = make_engine("ppocr").read(image)
    return [x for x in lines if x.bottom <= 0.2 * image.height]


def test_a_card_cut_above_its_senders_name_is_found_by_its_shape() -> None:
    """ "Bu Rian SD 8 / Besok rapat jam 8 ya" atop a story, the card's "WhatsApp · sekarang"
    line cut off by the reporter's crop: the sender's line lies on a card."""
    image, label = _rebuilt(9137, 194, "Ekah Utami")
    assert "banner" in label["noise"] and "crop_top" in label["noise"]
    sender = next(x for x in _top_lines(image) if x.text.startswith("Bu Rian"))
    card = inset_card(image, (sender.left, sender.top, sender.right, sender.bottom))
    assert card is not None and card[0] <= sender.top and card[1] >= sender.bottom


@pytest.mark.parametrize("frame", [None, CHAT, GALLERY], ids=["story", "chat", "gallery"])
def test_no_header_title_bar_or_status_bar_lies_on_a_card(frame) -> None:  # type: ignore[no-untyped-def]
    image = load_screenshot(render_story(dataclasses.replace(WA_SUPPORT, frame=frame))).image
    lines = _top_lines(image)
    assert lines
    for x in lines:
        assert inset_card(image, (x.left, x.top, x.right, x.bottom)) is None, x.text
