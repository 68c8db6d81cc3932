"""What a person reads as one, which the readings had in pieces: a slanted caption's words,
a cut contact name read in two halves, a unit's short form and its letters, a vote row's
check read as a digit, a song's line under a username. And a letter's foot that is no dot.
Each is a screenshot of our set 9229, scored before it was looked at, rebuilt and read
with the real PP-OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.engine import OcrLine, sort_lines
from tests.netra.flags import assert_flagged_as_labelled
from tests.netra.test_hidden_and_small import _blind
from tests.netra.test_reader import _scan_ours


@pytest.mark.parametrize(
    ("index", "shown", "noise"),
    [
        # "27/11 ingat nomor ❤️ 4 ya 😉" on a sign turned 6°: each word boxed apart, "nomor"
        # (higher on the rising row) was read before "27/11" and the "4" parted from it.
        (102, "ani_wulandari_rsud", "pale_header"),
        # "Lina Wulandari BKPSDM" with the tops of its letters cut off: read "Lina" at first
        # and "WuiandariBkPsDM" alone again; nobody was named and the story ended clear.
        (64, "Lina Wulandari BKPSDM", "crop_top"),
        # "Pak Sugeng Satpol PP": the "PP" of "Satpol PP" taken for the initials of
        # "Puskesmas Pasir Putih" too, and three Sugengs tied.
        (54, "Pak Sugeng Satpol PP", "screen_photo"),
        # "🗳️ 2 ✅💯💯": its 💯s read "700100", and among the emoji "2 7", the check read as a
        # 7 after the vote's digit.
        (185, "Amelia (RS Hamzah)", ""),
        # A song under the username, "Husnul Idol · Jaga Hatimu", its note and dot lost: the
        # singer, named as pair 2's candidate is, halved the story's support for pair 3.
        (177, "bambang.halim", "music"),
    ],
)
def test_an_asns_campaign_read_as_a_person_reads_it_is_flagged(
    tmp_path: Path, index: int, shown: str, noise: str
) -> None:
    v, label = _scan_ours(9229, index, shown, tmp_path)
    assert noise in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_citizens_twin_whose_one_has_a_serif_is_not_flagged(tmp_path: Path) -> None:
    """ "caraka1970", a citizen beside a teacher's rostered "caraka.1970", the header white
    on a pale sky: the foot of the "1" stands where the rostered handle puts its dot, and
    was taken for it. A foot under a letter's stroke is no dot: a lead for review."""
    v, label = _scan_ours(9229, 247, "caraka1970", tmp_path)
    assert "twin_account" in label["noise"] and not label["should_flag"], label
    assert v.kind == "review" and v.asn is not None and v.asn.confidence < 0.7, v.reasons


def test_a_faint_age_after_a_white_handle_is_no_twins_mark(tmp_path: Path) -> None:
    """ "bambang68 17 j" white on a pale blue sky: the look for a mark after the handle took
    JPEG noise for its letters, which ended a tenth of the way along the line, and the age
    for a mark after them; a rostered ASN's campaign went to review as a possible twin. A
    handle whose letters were not found along its line shows no mark (ours 9231)."""
    v, label = _scan_ours(9231, 127, "bambang68", tmp_path)
    assert "pale_header" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_thanks_to_a_colleague_called_as_a_candidate_is_no_flag(tmp_path: Path) -> None:
    """ "Terima kasih Pak Ok atas oleh-olehnya": "Pak Ok" is pair 3's alias and what anyone
    calls an Oktaf; in a thank-you it is a lead, not a campaign (ours 9231, flagged)."""
    v, label = _scan_ours(9231, 150, "Bambang Purwanti", tmp_path)
    assert label["content"] == "namesake-greeting" and not label["should_flag"], label
    assert not v.flagged, v.reasons


def test_an_urged_number_with_its_fire_read_as_a_digit_is_flagged(tmp_path: Path) -> None:
    """ "sikat 02 🔥 yg lain minggir" in a script font: read "sikat025" and "sikat 02G", the
    fire run into the number; an ASN's campaign ended clear (blindgen 263)."""
    v, label = _blind(263, 177, tmp_path)
    assert label["content_text"].startswith("sikat 02") and label["should_flag"], label
    assert_flagged_as_labelled(v, label, 2)


def _word(text: str, left: int, top: int, angle: float, height: int = 60) -> OcrLine:
    width = 40 * len(text)
    return OcrLine(text, left, top, left + width, top + height, 0.95, height * 0.8, angle)


def test_words_of_a_slanted_row_are_read_in_their_row_order() -> None:
    """A caption rising 6° to the right: its last word's box stands higher than its first's
    (by 20 px over 200 px), and the next row's starts lower still. Read by their rows."""
    words = [
        _word("27/11", 100, 680, -5.6),
        _word("ingat", 320, 660, -5.6),
        _word("nomor", 540, 638, -5.6),
        _word("4 ya", 350, 745, -5.1),
    ]
    assert [x.text for x in sort_lines(words)] == ["27/11", "ingat", "nomor", "4 ya"]
    # Level lines keep their order by their own centres.
    level = [_word("Pak Budi", 100, 100, 0.0), _word("Hari ini", 100, 140, 0.0)]
    assert [x.text for x in sort_lines(level)] == ["Pak Budi", "Hari ini"]
