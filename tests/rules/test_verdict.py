"""Combining who posted and what it backs into flagged / review / clear."""

from __future__ import annotations

import dataclasses

from rules.support import SupportFinding
from rules.types import AsnMatch, Poster, RosterEntry
from rules.verdict import FULL_NAME_HANDLE, decide

HANA = [
    RosterEntry("197004102022222361", "Dra. Hana Tamba", unit_kerja="Inspektorat"),
    RosterEntry("198001012005012001", "Hana Utami", unit_kerja="Kecamatan Pauh"),
    RosterEntry("198502022010012002", "Hana Yulianti", unit_kerja="Sekretariat Daerah"),
]
CLEAR_SUPPORT = SupportFinding(candidate=3, confidence=1.0)
WEAK_SUPPORT = SupportFinding(candidate=3, confidence=0.4)


def _verdict(confidences: list[float], support: SupportFinding = CLEAR_SUPPORT):  # type: ignore[no-untyped-def]
    matches = [
        AsnMatch(entry, c, "name-first") for entry, c in zip(HANA, confidences, strict=False)
    ]
    return decide(
        platform="whatsapp",
        poster=Poster("contact_name", "Bu Hana Pemkot"),
        seen="Kemarin 12.36",
        matches=matches,
        support=support,
    )


def test_one_identified_asn_with_clear_support_is_flagged() -> None:
    v = _verdict([0.9])
    assert v.kind == "flagged" and v.asn is not None and v.asn.entry.nip == HANA[0].nip


def test_clear_support_by_one_of_several_namesakes_goes_to_review() -> None:
    v = _verdict([0.25, 0.25, 0.25])
    assert v.kind == "review"
    assert v.asn is None  # nobody is picked for the moderator ...
    assert [m.entry.nip for m in v.alternatives] == [e.nip for e in HANA]  # ... all offered
    assert any("3 orang di daftar ASN" in r for r in v.reasons)


def test_many_namesakes_or_weak_support_stay_clear() -> None:
    assert _verdict([0.08, 0.08, 0.08]).kind == "clear"
    assert _verdict([0.25, 0.25, 0.25], WEAK_SUPPORT).kind == "clear"
    assert _verdict([0.3]).kind == "clear"


def test_a_handle_spelling_a_name_several_share_is_no_lead() -> None:
    """ "hanautami" beside three Hana Utamis, none with a handle on the roster: a name that
    common is as common off the roster. One holder alone is a lead for review."""
    people = [dataclasses.replace(e, nama="Hana Utami") for e in HANA]

    def verdict(entries: list[RosterEntry], confidence: float) -> str:
        return decide(
            platform="instagram",
            poster=Poster("username", "hanautami"),
            seen="2 j",
            matches=[AsnMatch(e, confidence, FULL_NAME_HANDLE) for e in entries],
            support=CLEAR_SUPPORT,
        ).kind

    assert verdict(people, 0.33) == "clear"
    assert verdict(people[:1], 0.72) == "review"


def test_on_a_roster_listing_no_handles_a_name_several_share_goes_to_review() -> None:
    """The same "hanautami", where the roster (as an agency exports it) lists nobody's
    handle: it may as well be one of the three, and a moderator sees the three."""
    people = [dataclasses.replace(e, nama="Hana Utami") for e in HANA]
    v = decide(
        platform="instagram",
        poster=Poster("username", "hanautami"),
        seen="2 j",
        matches=[AsnMatch(e, 0.33, "instagram-fullname-unlisted") for e in people],
        support=CLEAR_SUPPORT,
    )
    assert v.kind == "review" and not v.flagged and len(v.alternatives) == len(people)


def test_a_toast_over_a_named_asns_caption_sends_it_to_review() -> None:
    """An ASN named surely, the caption under a system toast saying nothing clear: a
    moderator reads what is left of it. Without the toast, or without a sure ASN, clear."""
    nothing = SupportFinding(candidate=None, confidence=0.0)

    def kind(confidence: float, covered: bool) -> str:
        return decide(
            platform="whatsapp",
            poster=Poster("phone", "+62856-8646-96840"),
            seen="20 menit yang lalu",
            matches=[AsnMatch(HANA[0], confidence, "phone-exact")],
            support=nothing,
            content_covered=covered,
        ).kind

    assert kind(0.99, covered=True) == "review"
    assert kind(0.99, covered=False) == "clear"
    assert kind(0.5, covered=True) == "clear"
