"""A bare number above a story forwarded into a group chat is who shared it, not who posted
it: the chat's title bar is read again when the first reading saw no group there."""

from __future__ import annotations

import dataclasses
from pathlib import Path

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
    assert group_chat_again(image, engine)
    assert sharers_number(NUMBER, "whatsapp", lambda: group_chat_again(image, engine))


def test_a_one_to_one_chat_is_no_group_and_a_named_poster_is_not_looked_into() -> None:
    engine = make_engine("ppocr")
    spec = dataclasses.replace(WA_SUPPORT, frame=CHAT)  # "Mas Ferdi", "online"
    image = load_screenshot(render_story(spec)).image
    assert not group_chat_again(image, engine)
    named = HeaderReading("whatsapp", Poster("contact_name", "Mas Ferdi"), None, ())
    asked: list[bool] = []

    def group_chat() -> bool:
        asked.append(True)
        return True

    assert not sharers_number(named, "whatsapp", group_chat)
    timed = dataclasses.replace(NUMBER, seen="5 menit yang lalu")
    assert not sharers_number(timed, "whatsapp", group_chat)
    assert asked == []  # nothing read: a named or timed poster is decided without the bar


def test_a_number_a_later_reading_takes_for_the_poster_is_who_shared_it(tmp_path: Path) -> None:
    """A WhatsApp status ("Eka Marbun", its "Baru saja" too small to read) sent as a picture
    into a family group by a member saved by number: the first reading placed no poster, a
    later one the number heading the bubble, and the status ended clear as someone off the
    roster's (ours 9239 0103). The number is the sharer's whichever reading reads it."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9239, 103, "Eka Marbun", tmp_path)
    assert label["frame"] == "chat_whatsapp" and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_number_under_the_storys_own_status_bar_in_a_group_chat_is_the_poster(
    tmp_path: Path,
) -> None:
    """A WhatsApp status of an unsaved number, white on a pale grey, shared into a group
    chat: no reading placed a poster, one read the number alone under the story's own "14.24"
    ("462877:524-0597", its "+" read as a 4 and a hyphen as a colon). It stands under the
    story's status bar, not atop a member's bubble: the poster, rostered (ours 9265 0281)."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9265, 281, "+62 877-524-0597", tmp_path)
    assert label["frame"] == "chat_whatsapp" and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_number_is_under_the_status_bar_only_when_the_bar_stands_right_above_it() -> None:
    from netra.sharer import under_its_status_bar
    from ocr.engine import OcrLine

    def line(text: str, left: int, top: int) -> OcrLine:
        return OcrLine(text, left, top, left + 10 * len(text), top + 17, 0.9, 17.0)

    number = line("462877:524-0597", 275, 319)
    assert under_its_status_bar("62877-524-0597", [line("14.24", 226, 302), number])
    # A bubble's time at the right of the bubble above; the bar far above.
    assert not under_its_status_bar("62877-524-0597", [line("10.28", 530, 300), number])
    assert not under_its_status_bar("62877-524-0597", [line("14.24", 226, 200), number])
