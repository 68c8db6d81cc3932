"""The digest's numbers (`store.reports`) against a database seeded with known cases and
decisions (`tests.seeding`)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import store
from tests.seeding import NOW, D, H, StubServices

JAKARTA = ZoneInfo("Asia/Jakarta")


async def report(svc: StubServices) -> store.DigestReport:
    return await store.digest_report(svc.db, start=NOW - D, end=NOW, deadline_days=7, warn_days=3)


async def test_digest_numbers(seeded: StubServices) -> None:
    r = await report(seeded)
    c = seeded.cases
    assert (r.submissions_period, r.submissions_total) == (6, 12)
    assert (r.reporters_period, r.reporters_total) == (3, 3)
    assert (r.cases_period, r.cases_total) == (5, 11)
    assert {k: v for k, v in r.states_period.items() if v} == {
        "approved": 1,
        "rejected": 1,
        "flagged": 1,
        "clear": 1,
        "new": 1,
    }
    assert {k: v for k, v in r.states_total.items() if v} == {
        "approved": 3,
        "rejected": 3,
        "clear": 2,
        "flagged": 1,
        "review": 1,
        "new": 1,
    }
    assert r.decisions_period == {"approved": 2, "rejected": 1, "needs_info": 0}
    assert r.backlog == 2
    assert r.backlog_by_state == {"flagged": 1, "review": 1, "needs_info": 0}
    assert r.oldest_pending_case == c["c6"]
    assert r.oldest_pending_age == 40 * H
    assert r.awaiting_analysis == 1
    assert (r.approved_period, r.approved_total) == (2, 3)
    assert [(g.key, g.period, g.total) for g in r.approved_by_unit] == [
        ("Dinas Kesehatan", 2, 2),
        ("Bappeda", 0, 1),
    ]
    assert [(g.key, g.period, g.total) for g in r.approved_by_candidate] == [(1, 0, 1), (2, 2, 2)]
    assert [(a.nip, a.approved) for a in r.repeat_asns] == [("199001052015031004", 2)]
    mods = {m.actor: m for m in r.moderators}
    assert (mods["tg:501"].period, mods["tg:501"].total) == (2, 3)
    assert mods["tg:501"].median_seconds_period == (8 * H).total_seconds()
    assert (mods["tg:502"].period, mods["tg:502"].total) == (1, 3)
    assert mods["tg:502"].median_seconds_period == (5 * H).total_seconds()
    assert r.median_decision_seconds_period == (6 * H).total_seconds()
    assert r.median_decision_seconds_total == (5.5 * H).total_seconds()
    assert [(d.case_id, d.remaining) for d in r.deadlines] == [(c["c3"], 2 * D)]


async def test_period_bounds_exclude_later_activity(seeded: StubServices) -> None:
    """A report for an earlier period does not see what happened after its end."""
    r = await store.digest_report(seeded.db, start=NOW - 2 * D, end=NOW - D)
    assert r.cases_total == 6  # c1 (NOW-30h), c3, c6 (NOW-40h), c9, c10, c11
    assert r.approved_total == 3  # current state; c1/c2 are approved now
    assert r.decisions_period == {"approved": 0, "rejected": 0, "needs_info": 0}
