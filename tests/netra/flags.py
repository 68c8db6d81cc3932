"""What a rebuilt screenshot's test asserts of a true flag, said once."""

from __future__ import annotations

from rules.verdict import Verdict


def assert_flagged_as_labelled(v: Verdict, label: dict, candidate: int | None = None) -> None:
    """The verdict flags the labelled ASN (by NIP) as backing the labelled pair, or
    `candidate` where the test names it; the reasons are shown when it does not."""
    expected = label["supports_candidate"] if candidate is None else candidate
    assert v.kind == "flagged" and v.candidate == expected, v.reasons
    assert v.asn is not None and v.asn.entry.nip == label["nip"], v.reasons
