"""Marks OCR runs into what a person reads past: a "💯" glued to the pair's number, a vote
of emoji in a forwarded story read as digits, Instagram's bullet before a story's age taken
for a notification's dot or read as a zero, and an honorific run into a contact name in
capitals. Each is a screenshot of a set scored before it was looked at (blindgen 259, ours
9227), rebuilt and read with the real PP-OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.netra.flags import assert_flagged_as_labelled
from tests.netra.test_hidden_and_small import _blind
from tests.netra.test_reader import _scan_ours


@pytest.mark.parametrize(
    ("index", "noise"),
    [
        # "otw menang 01 💯" in thin neon letters over a sky: the emoji read "1g0" and run into
        # the number ("otw menang 011g0"), so no pair was urged and an ASN's story ended clear.
        (125, "neon"),
        # "🗳️ 1 ✅💯💯" in a story forwarded into a chat: the first reading read the row
        # "100100" surely, and a framed story read surely with no word of a campaign was taken
        # for a plainly neutral one, its emoji never looked at.
        (165, "chat_reshare"),
        # "MB HALIMAH - SMPN 2 TURI" read "MBHALIMAH-SMPN 2TURI": the honorific run into the
        # name hid it, and the school's Halimah was not found.
        (238, "statusbar"),
    ],
)
def test_an_asns_vote_read_past_a_glued_mark_is_flagged(
    tmp_path: Path, index: int, noise: str
) -> None:
    v, label = _blind(259, index, tmp_path)
    assert noise in label["noise"] and label["should_flag"] and not label["poster_hidden"], label
    assert_flagged_as_labelled(v, label)


def test_a_handle_with_a_bullet_before_its_age_is_no_notification(tmp_path: Path) -> None:
    """ "_kartika1977 · 12j" read "kartika1977·12j", a song's line under it: shaped like a
    notification's "Gojek · 2 mnt", its lines were taken for a card over the story, so no
    poster was read and a campaign's ballot went to review."""
    v, label = _scan_ours(9227, 202, "_kartika1977", tmp_path)
    assert "age_bullet" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_cut_handle_whose_bullet_was_read_as_a_zero_is_offered_for_review(
    tmp_path: Path,
) -> None:
    """ "ahmadarifin19… • 34 m" in a gallery viewer, read "ahmadarifin19...034 m": the "0"
    made the age unreadable, a lesser reading ("ahmadarifn19") stood, nobody on the roster was
    near and a story backing pair 1 ended clear. The bullet is no age's digit: the cut handle
    is the start of the rostered one, a lead for a moderator."""
    v, label = _scan_ours(9227, 125, "ahmadarifin1978", tmp_path)
    assert "cut_name" in label["noise"] and label["should_flag"], label
    assert v.kind in {"review", "flagged"} and v.candidate == label["supports_candidate"]
    offered = [m.entry.nip for m in [*([v.asn] if v.asn else []), *v.alternatives]]
    assert label["nip"] in offered, v.reasons
