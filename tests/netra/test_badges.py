"""Instagram's header marks, as our generator draws them from seed 9189 on: a verified tick
after the handle and a green "★ Teman Dekat" pill (a story for close friends only, where an
ASN may think a campaign post safe). Neither is part of the poster's handle or the story."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert v.kind == "flagged" and v.candidate == label["supports_candidate"], v.reasons
    assert v.asn is not None and v.asn.entry.nip == label["nip"]
    assert v.poster is not None and v.poster.text == shown
