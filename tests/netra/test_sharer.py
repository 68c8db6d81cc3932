"""A bare number above a story forwarded into a group chat is who shared it, not who posted
it: the chat's title bar is read again when the first reading saw no group there."""

from __future__ import annotations

import dataclasses

from netra.sharer import group_chat_again, sharers_number
from ocr.engine import make_engine
from ocr.image_input import load_screenshot
from rules.frame import in_group_chat
from rules.poster import HeaderReading
from rules.types import Poster
from tests.netra.test_reader import CHAT, WA_SUPPORT
from tests.ocr.test_reader import _rebuilt
from tests.synth import render_story

NUMBER = HeaderReading("whatsapp", Poster("phone", "+62853-244-8597"), None, ())


def test_a_groups_member_list_run_together_is_read_again_from_the_title_bar() -> None:
    """ "Bening, Clarissa, Bonifasius, Anda" read "Beninglsaonifasius" at first: enlarged,
    the list is a group's, so the number heading the bubble is its sender's."""
    engine = make_engine("ppocr")
    image, label = _rebuilt(9133, 30, "dewi.tanjung.7")
    assert "chat" in label["noise"]
    assert not in_group_chat(engine.read(image))
    assert group_chat_again(image, NUMBER, engine)
    assert sharers_number(NUMBER, "whatsapp", group_chat=True)


def test_a_one_to_one_chat_is_no_group_and_a_named_poster_is_not_looked_into() -> None:
    engine = make_engine("ppocr")
    spec = dataclasses.replace(WA_SUPPORT, frame=CHAT)  # "Mas Ferdi", "online"
    image = load_screenshot(render_story(spec)).image
    assert not group_chat_again(image, NUMBER, engine)
    named = HeaderReading("whatsapp", Poster("contact_name", "Mas Ferdi"), None, ())
    calls: list[object] = []

    class Counting:
        name = "ppocr"

        def read(self, *args: object, **kwargs: object) -> list[object]:
            calls.append(args)
            return []

    assert not group_chat_again(image, named, Counting())  # type: ignore[arg-type]
    timed = dataclasses.replace(NUMBER, seen="5 menit yang lalu")
    assert not group_chat_again(image, timed, Counting())  # type: ignore[arg-type]
    assert calls == []  # nothing read: a named or timed poster is decided without the bar
