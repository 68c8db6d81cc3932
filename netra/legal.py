"""Where a case stands in law: its tier (ethics before KPU designated the pairs, discipline
from that day on: `rules.tier`) and Bawaslu's deadline (a report within 7 days of
discovery, counted from the first report). Computed when shown, from the case and the
elections as configured now, so a designation day added to an election file later applies to
the cases already decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from rules.election import Election
from rules.elections import ElectionSet, as_set
from rules.tier import Tier, story_moment, tier_on
from wording import id as t

DEADLINE_DAYS = 7


@dataclass(frozen=True, slots=True)
class Standing:
    tier: Tier
    story_at: datetime  # when the story was posted (estimated: first report − its age)
    age_read: bool  # whether the story's age was read from its header
    designation_day: date | None
    zone: ZoneInfo
    due_at: datetime  # Bawaslu's deadline: first report + 7 days

    def left(self, now: datetime) -> timedelta:
        return self.due_at - now


def elections_of(
    name: str | None, options: Sequence[str], elections: Election | ElectionSet
) -> list[Election]:
    """The case's election, or those it could be (known ones only). A case from before
    elections were named (neither) is the one election's, when only one is configured."""
    pool = as_set(elections)
    if not name and not options and len(pool) == 1:
        return [pool.primary]
    names = [name] if name else list(options)
    return [e for e in (pool.get(n) for n in names) if e is not None]


def standing(
    *,
    seen_text: str | None,
    first_reported_at: datetime,
    election: str | None,
    election_options: Sequence[str],
    elections: Election | ElectionSet,
    deadline_days: int = DEADLINE_DAYS,
) -> Standing:
    """The tier and deadline of one case (see the module docstring)."""
    possible = elections_of(election, election_options, elections)
    zone = possible[0].zone if possible else as_set(elections).zone
    moment, read = story_moment(seen_text, first_reported_at, zone)
    days = [e.designation_day for e in possible]
    tier = tier_on(moment.astimezone(zone).date(), days) if possible else "unknown"
    known = {d for d in days if d is not None}
    return Standing(
        tier=tier,
        story_at=moment,
        age_read=read,
        designation_day=next(iter(known)) if len(known) == 1 else None,
        zone=zone,
        due_at=first_reported_at + timedelta(days=deadline_days),
    )


def tier_text(s: Standing) -> str:
    """One line for a card, the case file and the export: the tier and why."""
    if s.tier == "unknown":
        return t.TIER_UNKNOWN
    return t.TIER_LINE.format(
        tier=t.TIER_NAMES[s.tier],
        seen=s.story_at.astimezone(s.zone).strftime("%d-%m-%Y %H:%M %Z"),
        estimated="" if s.age_read else t.TIER_AGE_UNREAD,
        designation=f"{s.designation_day:%d-%m-%Y}" if s.designation_day else "-",
    )


def deadline_text(s: Standing, now: datetime) -> str:
    left = s.left(now)
    due = s.due_at.astimezone(s.zone).strftime("%d-%m-%Y %H:%M %Z")
    if left <= timedelta(0):
        return t.DEADLINE_PASSED.format(ago=t.days_hours(-left), due=due)
    return t.DEADLINE_LEFT.format(left=t.days_hours(left), due=due)
