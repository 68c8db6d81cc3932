"""The legal tier: the day the story was posted against the day KPU designated the pairs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rules.tier import story_moment, tier_on

WIB = ZoneInfo("Asia/Jakarta")
DESIGNATION = date(2024, 9, 22)
# First reported 22 Sep 2024 at 09:00 WIB.
REPORTED = datetime(2024, 9, 22, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seen", "posted_local"),
    [
        ("5 j", datetime(2024, 9, 22, 4, 0)),
        ("12 j", datetime(2024, 9, 21, 21, 0)),
        ("38 m", datetime(2024, 9, 22, 8, 22)),
        ("Kemarin 21.03", datetime(2024, 9, 21, 21, 3)),
        ("Hari ini 08.15", datetime(2024, 9, 22, 8, 15)),
        ("2 jam yang lalu", datetime(2024, 9, 22, 7, 0)),
        ("Baru saja", datetime(2024, 9, 22, 9, 0)),
        # A phone set to English, and PP-OCR's lost spaces.
        ("5h", datetime(2024, 9, 22, 4, 0)),
        ("5minutes ago", datetime(2024, 9, 22, 8, 55)),
        ("Justnow", datetime(2024, 9, 22, 9, 0)),
        ("Today,08:15", datetime(2024, 9, 22, 8, 15)),
        ("Yesterday 9:41 PM", datetime(2024, 9, 21, 21, 41)),
        ("Today 12:05 AM", datetime(2024, 9, 22, 0, 5)),
    ],
)
def test_the_story_was_posted_its_age_before_the_first_report(
    seen: str, posted_local: datetime
) -> None:
    moment, read = story_moment(seen, REPORTED, WIB)
    assert read and moment.astimezone(WIB).replace(tzinfo=None) == posted_local


def test_an_unread_age_falls_back_to_the_first_report() -> None:
    assert story_moment(None, REPORTED, WIB) == (REPORTED, False)
    assert story_moment("?!", REPORTED, WIB) == (REPORTED, False)


def test_before_designation_is_ethics_on_and_after_is_discipline() -> None:
    day_before = story_moment("Kemarin 21.03", REPORTED, WIB)[0].astimezone(WIB).date()
    assert tier_on(day_before, [DESIGNATION]) == "etik"
    assert tier_on(DESIGNATION, [DESIGNATION]) == "disiplin"
    assert tier_on(DESIGNATION + timedelta(days=30), [DESIGNATION]) == "disiplin"


def test_no_designation_day_is_unknown_and_so_are_disagreeing_ones() -> None:
    assert tier_on(DESIGNATION, [None]) == "unknown"
    assert tier_on(DESIGNATION, []) == "unknown"
    assert tier_on(DESIGNATION, [DESIGNATION, DESIGNATION]) == "disiplin"
    assert tier_on(DESIGNATION, [DESIGNATION, date(2024, 9, 23)]) == "unknown"
    assert tier_on(DESIGNATION, [DESIGNATION, None]) == "unknown"
