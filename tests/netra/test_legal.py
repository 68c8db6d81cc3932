"""The legal tier and the deadline where people read them: counted per election in the digest,
a column of the export, for cases seen before and after KPU designated the pairs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import store
from netra import export, legal
from netra.digest import election_counts
from tests.province import province

GUB, DELI, KARO = (
    "Pilgub Sumatera Utara 2024",
    "Pilkada Kabupaten Deli Serdang 2024",
    "Pilkada Kabupaten Karo 2024",
)
# 22 Sep 2024, 10:00 WIB: the day KPU designated the pairs.
DESIGNATION = datetime(2024, 9, 22, 3, 0, tzinfo=UTC)


def row(
    case_id: int, reported: datetime, seen: str, election: str | None, **kw: Any
) -> store.ExportRow:
    values: dict[str, Any] = dict(
        case_id=case_id,
        seen_text=seen,
        first_reported_at=reported,
        platform="instagram",
        poster_text="x",
        asn_nama="A",
        asn_nip="1",
        asn_jabatan="",
        asn_unit_kerja="",
        asn_instansi="",
        candidate=2,
        ocr_text="",
        verdict=None,
        reasons=[],
        sha256="0" * 64,
        image_path="x.png",
        files_deleted_at=None,
        reporters=1,
        submissions=1,
        state="approved",
        decision_note=None,
        decided_by=501,
        decided_at=reported + timedelta(hours=2),
        election=election,
        election_options=(election,) if election else (GUB, DELI, KARO),
    )
    return store.ExportRow(**(values | kw))


ROWS = [
    # Posted the evening before designation, reported the morning of: ethics.
    row(1, DESIGNATION, "Kemarin 21.03", GUB),
    # Posted five hours before a report on designation day at 10:00 → 05:00 that day: discipline.
    row(2, DESIGNATION, "5 j", GUB),
    row(3, DESIGNATION + timedelta(days=3), "2 j", DELI),
    # Karo's file has no designation day.
    row(4, DESIGNATION + timedelta(days=3), "2 j", KARO),
    # Could be any election; all three are not on one designation day (Karo has none).
    row(5, DESIGNATION + timedelta(days=3), "2 j", None),
]


def test_the_export_has_a_tier_and_an_election_column() -> None:
    tz = province().zone
    records = [export.record(r, province(), tz) for r in ROWS]
    assert [r["tier"] for r in records] == [
        "etik",
        "disiplin",
        "disiplin",
        "tidak diketahui",
        "tidak diketahui",
    ]
    assert records[0]["election"] == GUB
    assert records[4]["election"] == f"{GUB} / {DELI} / {KARO}"
    assert records[2]["candidate_names"] == "Zakky Shahri – Hendri Sitepu"


def test_the_digest_counts_tiers_per_election() -> None:
    start, end = DESIGNATION - timedelta(days=1), DESIGNATION + timedelta(days=10)
    counts = {c.name: c for c in election_counts(ROWS, [], province(), start, end)}
    assert counts[GUB].tiers == {"etik": 1, "disiplin": 1, "unknown": 0}
    assert counts[DELI].approved == 1 and counts[DELI].tiers["disiplin"] == 1
    assert counts[KARO].tiers["unknown"] == 1
    assert counts[None].approved == 1  # the unsettled one has a line of its own


def test_an_approved_cards_deadline_counts_down_from_the_first_report() -> None:
    s = legal.standing(
        seen_text="5 j",
        first_reported_at=DESIGNATION,
        election=GUB,
        election_options=(GUB,),
        elections=province(),
    )
    assert s.due_at == DESIGNATION + timedelta(days=7)
    assert "sisa <b>2 hari 0 jam</b>" in legal.deadline_text(s, DESIGNATION + timedelta(days=5))
    assert "lewat 1 hari 0 jam" in legal.deadline_text(s, DESIGNATION + timedelta(days=8))
    assert "tidak diketahui" in legal.tier_text(
        legal.standing(
            seen_text=None,
            first_reported_at=DESIGNATION,
            election=KARO,
            election_options=(KARO,),
            elections=province(),
        )
    )
