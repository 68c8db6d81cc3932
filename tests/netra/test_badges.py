"""Instagram's header marks, as our generator draws them from seed 9189 on: a verified tick
after the handle and a green "★ Teman Dekat" pill (a story for close friends only, where an
ASN may think a campaign post safe). Neither is part of the poster's handle or the story,
even where a reader takes the tick for a letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.netra.flags import assert_flagged_as_labelled
from tests.netra.test_reader import _scan_ours


@pytest.mark.parametrize(
    ("index", "shown", "badge"),
    [(260, "ujang__arif", "close_friends"), (227, "bambang.gunawan82", "verified")],
)
def test_a_badge_in_the_header_leaves_the_handle_and_the_flag(
    tmp_path: Path, index: int, shown: str, badge: str
) -> None:
    v, label = _scan_ours(9190, index, shown, tmp_path)
    assert badge in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)
    assert v.poster is not None and v.poster.text == shown


def test_a_verified_tick_read_as_the_handles_last_letter_is_dropped(tmp_path: Path) -> None:
    """ "ayurajasa87 ✓ 6j" photographed off a screen (ours 9189) read "ayurajasa8706j": the
    tick taken for a "0", the handle named nobody on the roster and the story ended
    `clear`. The blue disc stands where that "0" was read: it is no letter of the handle."""
    v, label = _scan_ours(9189, 47, "ayurajasa87", tmp_path)
    assert "verified" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)
    assert any("centang biru" in r for r in v.reasons), v.reasons


def test_a_verified_tick_read_apart_from_the_handle_is_dropped_with_its_gap(
    tmp_path: Path,
) -> None:
    """ "nugroho62 ✓" read "nugroho62 0" (ours 9205): the gap became an underscore and the
    tick a "0", "nugroho62_0", someone else's account by one added character, and a story
    saying "JARI JAWABANNYA" ended `clear`. Tick and gap both go."""
    v, label = _scan_ours(9205, 121, "nugroho62", tmp_path)
    assert "verified" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_verified_tick_after_a_handle_read_with_a_stray_space_is_dropped(
    tmp_path: Path,
) -> None:
    """ "suci_harahap_ofc ✓ 15 j" over leaves (ours 9219 0017) read "suci _harahap_ofcO 15j":
    the header joined the handle without the stray space, so the tick's "O" was never looked
    for on the line, and the rostered ASN's story naming pair 2 ended `clear`."""
    v, label = _scan_ours(9219, 17, "suci_harahap_ofc", tmp_path)
    assert "verified" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label, 2)


def test_a_handle_the_app_cut_short_beside_a_pill_is_no_other_account(tmp_path: Path) -> None:
    """ "tamitami19…" (a close-friends pill and a large font left no room for "tamitami1998",
    ours 9209 0150) read alike twice was taken for someone else's account, and "coblos satu!
    JAHE" ended `clear`. The app's cut, not the owner, made it short: the rostered handle it
    begins stays a lead, and the story goes to review with that ASN."""
    v, label = _scan_ours(9209, 150, "tamitami1998", tmp_path)
    assert "cut_name" in label["noise"] and label["should_flag"], label
    assert v.kind == "review" and v.candidate == label["supports_candidate"], v.reasons
    assert v.asn is not None and v.asn.entry.nip == label["nip"]
