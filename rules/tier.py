"""The legal tier of a violation: the 2022 joint decree on ASN neutrality (SKB) treats support
posted before KPU designates the candidate pairs as a code-of-ethics violation (moral
sanction) and support posted on or after that day as a discipline violation (PP 94/2021;
on social media mostly heavy).

What counts is when the story was posted. A screenshot shows the story's age ("5 j",
"Kemarin 21.03", "12 menit yang lalu"), and was taken no later than its first report: the
story's moment is the first report minus that age, in the election's time zone. A header
whose age could not be read gives the first report itself (a story lives 24 hours, so only a
story reported on the day after designation can be misjudged, and only when its age was lost).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

Tier = Literal["etik", "disiplin", "unknown"]
TIERS: tuple[Tier, ...] = ("etik", "disiplin", "unknown")

# "h" is hours: Instagram in English ("5h"); a story lives 24 hours, so the Indonesian "h"
# (hari, days) never shows on one.
_UNITS = {
    "m": timedelta(minutes=1),
    "mnt": timedelta(minutes=1),
    "menit": timedelta(minutes=1),
    "min": timedelta(minutes=1),
    "mins": timedelta(minutes=1),
    "minute": timedelta(minutes=1),
    "minutes": timedelta(minutes=1),
    "detik": timedelta(seconds=1),
    "j": timedelta(hours=1),
    "jam": timedelta(hours=1),
    "h": timedelta(hours=1),
    "hour": timedelta(hours=1),
    "hours": timedelta(hours=1),
    "d": timedelta(days=1),
    "hari": timedelta(days=1),
    "mg": timedelta(weeks=1),
    "w": timedelta(weeks=1),
}
# PP-OCR drops the spaces: "5minutes ago", "Justnow", "Today,10:03".
_AGE = re.compile(
    r"^(\d{1,3})\s?(minutes|minute|mins|min|hours|hour|mnt|menit|detik|jam|hari|mg|m|j|h|d|w)\b"
    r"(?:\s*(?:yang\s*lalu|ago))?$"
)
_CLOCK = re.compile(
    r"^(hari\s?ini|kemarin|today|yesterday)\W*(?:pukul\s*)?(\d{1,2})[.:](\d{2})\s?([ap]\.?m\.?)?$"
)
_JUST_NOW = re.compile(r"^(baru\s?saja|beberapa\s*(detik|menit)(\s*yang\s*lalu)?|just\s?now)$")


def story_moment(seen: str | None, reported_at: datetime, tz: ZoneInfo) -> tuple[datetime, bool]:
    """(when the story was posted, whether its age was read): the first report minus the age
    the header shows, or the first report itself when no age can be read."""
    text = " ".join((seen or "").lower().split())
    if _JUST_NOW.match(text):
        return reported_at, True
    if m := _AGE.match(text):
        return reported_at - int(m.group(1)) * _UNITS[m.group(2)], True
    if m := _CLOCK.match(text):
        hour, minute = int(m.group(2)), int(m.group(3))
        if m.group(4) and hour <= 12:  # "9:41 PM" on a phone set to English
            hour = hour % 12 + (12 if m.group(4).startswith("p") else 0)
        if hour < 24 and minute < 60:
            day = reported_at.astimezone(tz).date()
            if m.group(1) in ("kemarin", "yesterday"):
                day -= timedelta(days=1)
            return datetime.combine(day, time(hour, minute), tz), True
    return reported_at, False


def tier_on(day: date, designation_days: list[date | None]) -> Tier:
    """The tier of support posted on `day` (local). The designation days are those of the
    elections the case could be about: unknown when one of them is missing or they differ."""
    known = {d for d in designation_days if d is not None}
    if not designation_days or len(known) != 1 or None in designation_days:
        return "unknown"
    return "etik" if day < next(iter(known)) else "disiplin"
