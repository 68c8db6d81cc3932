"""What a person makes of a screenshot by putting its readings together: two blurred
glances at one caption, a vote row whose ballot box no reading named, a name in capitals
whose shared letter was read once; a caption under a shared story told from the story; a
ballot's tick that the readings together put above its list. Each is a screenshot of a set
scored before it was looked at (blindgen 265, ours 9233, 9235 and 9239), rebuilt and read
with the real PP-OCR."""

from __future__ import annotations

from pathlib import Path

from tests.netra.flags import assert_flagged_as_labelled
from tests.netra.test_hidden_and_small import _blind
from tests.netra.test_reader import _scan_ours


def test_a_support_word_and_a_name_read_by_two_glances_are_one_sentence(tmp_path: Path) -> None:
    """ "sdh mantap pilihan ke pak Pahlevi 👍", turned and tiny: the first reading lost
    "pilihan" ("pihan"), the enlarged one "Pahlevi" ("Palei"). Alone, each was a bare name
    or nothing, and an ASN's campaign went to review."""
    v, label = _scan_ours(9233, 180, "intan.agustina67", tmp_path)
    assert label["style"] == "rotated+tiny" and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_vote_row_whose_ballot_box_was_read_as_a_stroke_is_a_vote(tmp_path: Path) -> None:
    """ "🗳️ 2 ✅💯💯" in a status quoted in a chat: the ballot box matched as no emoji and
    read "1", the row "12V10100"; the story ended clear (blindgen 265)."""
    v, label = _blind(265, 30, tmp_path)
    assert label["content_text"].startswith("🗳️ 2") and label["should_flag"], label
    assert_flagged_as_labelled(v, label, 2)


def test_a_name_in_capitals_with_a_letter_read_once_is_the_asn(tmp_path: Path) -> None:
    """ "SITI INDRIANI SD 1 GLENMORE" read "SITINDRIANISD1GLENMORE": the I ending "SITI"
    and opening "INDRIANI" read once, no split of known words spelled it, and a teacher's
    campaign ended clear (blindgen 265)."""
    v, label = _blind(265, 171, tmp_path)
    assert label["poster"]["shown"] == "SITI INDRIANI SD 1 GLENMORE" and label["should_flag"]
    assert_flagged_as_labelled(v, label)


def test_a_caption_under_a_story_shared_in_a_chat_is_the_chats(tmp_path: Path) -> None:
    """ "✌️✌️✌️ 02 🔥🔥🔥" in a script font, shared into a WhatsApp group under "SS dari
    status WA": the caption's time at the bubble's corner was read 30 px high beside its 33,
    so the caption was taken for the story's only line, read surely with no campaign word,
    and the story was never read again (ours 9235 0040, clear)."""
    v, label = _scan_ours(9235, 40, "indah__prat", tmp_path)
    assert label["frame"] == "chat_whatsapp" and label["should_flag"], label
    assert_flagged_as_labelled(v, label, 2)


def test_a_ballots_tick_read_above_its_list_still_urges_its_number(tmp_path: Path) -> None:
    """A turned sample ballot, "01 ✓" in a red box under pair 1, "Ini caranya 👇" below: the
    first reading read only the "01", above the card's title; the enlarged one read the title
    and scraps of both pairs, a campaign ballot urging 01. Taken together, the "01" stood
    above both pairs' names, a list's label, and that list of every pair overrode the
    ballot: a teacher's campaign ended clear (ours 9239 0216)."""
    v, label = _scan_ours(9239, 216, "Banara Basri SMA 2", tmp_path)
    assert "ballot_photo" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)
