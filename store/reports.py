"""Read models for the admins' digest and the Bawaslu export.

Every number is computed with SQL aggregates (COUNT/GROUP BY over indexed columns), never by
loading all cases. The only per-row data fetched is bounded: decision durations (one float per
decision, for medians), the cases near their deadline (a window of days) and, for the export,
the approved cases it must list anyway.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.cases import counts_subquery, in_elections
from store.db import Db, dialect_of, transaction
from store.models import CASE_STATES, PENDING_STATES, AuditLog, Case, Submission, from_json
from store.records import (
    DayCount,
    DeadlineItem,
    DigestReport,
    ExportRow,
    GroupCount,
    ModeratorStat,
    RepeatAsn,
)


def _seconds_between(dialect: str, later: Any, earlier: Any) -> Any:
    if dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return func.extract("epoch", later - earlier)


def _local_day(dialect: str, column: Any, tz: ZoneInfo, at: datetime) -> Any:
    """The local calendar date of a UTC timestamp column. SQLite has no time zones: the zone's
    UTC offset at `at` is applied (Indonesia's zones have no daylight saving)."""
    if dialect == "sqlite":
        offset = at.astimezone(tz).utcoffset() or timedelta(0)
        return func.date(column, f"{int(offset.total_seconds() // 60):+d} minutes")
    return func.date(func.timezone(tz.key, column))


def _in(column: Any, start: datetime, end: datetime) -> Any:
    return and_(column >= start, column < end)


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


async def digest_report(
    db: Db,
    *,
    start: datetime,
    end: datetime,
    deadline_days: int = 7,
    warn_days: int = 3,
    top: int = 15,
) -> DigestReport:
    """The digest's numbers for [start, end) and since the start of records (up to `end`),
    read in one transaction so they agree with each other."""
    async with transaction(db, read_only=True) as s:
        submitted, reporters = await _submissions(s, start, end)
        states_total, states_period = await _state_counts(s, start, end)
        decisions = await _decisions(s, start, end)
        oldest = (await s.execute(_oldest_pending())).one_or_none()
        approved_total, approved_period = await _approved(s, start, end)
        by_unit, by_candidate, repeat = await _approved_breakdowns(s, start, end, top)
        moderators, period_all, total_all = await _moderators(s, start, end)
        deadlines = await _deadlines(s, end, deadline_days, warn_days, top)
    backlog_by_state = {st: states_total[st] for st in PENDING_STATES}
    return DigestReport(
        start=start,
        end=end,
        submissions_period=submitted[1],
        submissions_total=submitted[0],
        reporters_period=reporters[1],
        reporters_total=reporters[0],
        cases_period=sum(states_period.values()),
        cases_total=sum(states_total.values()),
        states_period=states_period,
        states_total=states_total,
        decisions_period=decisions,
        backlog=sum(backlog_by_state.values()),
        backlog_by_state=backlog_by_state,
        oldest_pending_case=oldest[0] if oldest else None,
        oldest_pending_at=oldest[1] if oldest else None,
        awaiting_analysis=states_total["new"],
        approved_period=approved_period,
        approved_total=approved_total,
        approved_by_unit=by_unit,
        approved_by_candidate=by_candidate,
        repeat_asns=repeat,
        moderators=moderators,
        median_decision_seconds_period=_median(period_all),
        median_decision_seconds_total=_median(total_all),
        deadlines=deadlines,
        deadline_days=deadline_days,
    )


async def _submissions(
    s: AsyncSession, start: datetime, end: datetime
) -> tuple[tuple[int, int], tuple[int, int]]:
    """(screenshots total, in period), (distinct reporters total, in period)."""
    row = (
        await s.execute(
            select(
                func.count(Submission.id),
                func.count(func.distinct(Submission.reporter_id)),
                func.count(case((_in(Submission.received_at, start, end), Submission.id))),
                func.count(
                    func.distinct(
                        case((_in(Submission.received_at, start, end), Submission.reporter_id))
                    )
                ),
            ).where(Submission.received_at < end)
        )
    ).one()
    return (int(row[0]), int(row[2])), (int(row[1]), int(row[3]))


async def _state_counts(
    s: AsyncSession, start: datetime, end: datetime
) -> tuple[dict[str, int], dict[str, int]]:
    """Cases by their current state: all opened before `end`, and those opened in the period."""
    states_total: dict[str, int] = dict.fromkeys(CASE_STATES, 0)
    states_period: dict[str, int] = dict.fromkeys(CASE_STATES, 0)
    for state, total, period in await s.execute(
        select(
            Case.state,
            func.count(Case.id),
            func.count(case((Case.created_at >= start, Case.id))),
        )
        .where(Case.created_at < end)
        .group_by(Case.state)
    ):
        states_total[state] = int(total)
        states_period[state] = int(period)
    return states_total, states_period


async def _decisions(s: AsyncSession, start: datetime, end: datetime) -> dict[str, int]:
    """Moderator decisions taken in the period, by kind."""
    decisions: dict[str, int] = {"approved": 0, "rejected": 0, "needs_info": 0}
    for to_state, n in await s.execute(
        select(AuditLog.to_state, func.count(AuditLog.id))
        .where(AuditLog.action == "decision", _in(AuditLog.at, start, end))
        .group_by(AuditLog.to_state)
    ):
        decisions[str(to_state)] = int(n)
    return decisions


async def _approved(s: AsyncSession, start: datetime, end: datetime) -> tuple[int, int]:
    """Approved cases: all, and those decided in the period."""
    row = (
        await s.execute(
            select(
                func.count(Case.id),
                func.count(case((_in(Case.decided_at, start, end), Case.id))),
            ).where(Case.state == "approved")
        )
    ).one()
    return int(row[0]), int(row[1])


async def _approved_breakdowns(
    s: AsyncSession, start: datetime, end: datetime, top: int
) -> tuple[list[GroupCount], list[GroupCount], list[RepeatAsn]]:
    """Approved cases per unit and per candidate pair, and ASNs approved more than once."""
    approved = Case.state == "approved"
    in_period = func.count(case((_in(Case.decided_at, start, end), Case.id)))
    by_unit = [
        GroupCount(unit, int(period), int(total))
        for unit, total, period in await s.execute(
            select(Case.asn_unit_kerja, func.count(Case.id), in_period)
            .where(approved)
            .group_by(Case.asn_unit_kerja)
            .order_by(func.count(Case.id).desc(), Case.asn_unit_kerja)
            .limit(top)
        )
    ]
    by_candidate = [
        GroupCount(cand, int(period), int(total))
        for cand, total, period in await s.execute(
            select(Case.candidate, func.count(Case.id), in_period)
            .where(approved)
            .group_by(Case.candidate)
            .order_by(Case.candidate)
        )
    ]
    repeat = [
        RepeatAsn(nip, nama, unit, int(n))
        for nip, nama, unit, n in await s.execute(
            select(
                Case.asn_nip,
                func.max(Case.asn_nama),
                func.max(Case.asn_unit_kerja),
                func.count(Case.id),
            )
            .where(approved, Case.asn_nip.is_not(None))
            .group_by(Case.asn_nip)
            .having(func.count(Case.id) > 1)
            .order_by(func.count(Case.id).desc(), Case.asn_nip)
            .limit(top)
        )
    ]
    return by_unit, by_candidate, repeat


async def _moderators(
    s: AsyncSession, start: datetime, end: datetime
) -> tuple[list[ModeratorStat], list[float], list[float]]:
    """Each moderator's decisions (period, total, median time to decision in the period),
    and the seconds from report to decision of the period's decisions and of every case's
    first decision (for the overall medians)."""
    dialect = await dialect_of(s)
    totals = {
        actor: int(n)
        for actor, n in await s.execute(
            select(AuditLog.actor, func.count(AuditLog.id))
            .where(AuditLog.action == "decision", AuditLog.at < end)
            .group_by(AuditLog.actor)
        )
    }
    seconds = _seconds_between(dialect, AuditLog.at, Case.created_at)
    durations: dict[str, list[float]] = {}
    period_all: list[float] = []
    for actor, secs in await s.execute(
        select(AuditLog.actor, seconds)
        .join(Case, Case.id == AuditLog.case_id)
        .where(AuditLog.action == "decision", _in(AuditLog.at, start, end))
    ):
        durations.setdefault(actor, []).append(round(float(secs)))
        period_all.append(round(float(secs)))
    # The overall median: one float per first decision of a case (bounded by the cases).
    total_all = [
        round(float(x))
        for x in await s.scalars(
            select(_seconds_between(dialect, Case.decided_at, Case.created_at)).where(
                Case.decided_at.is_not(None), Case.decided_at < end
            )
        )
    ]
    moderators = sorted(
        (
            ModeratorStat(
                actor,
                len(durations.get(actor, [])),
                total,
                _median(durations.get(actor, [])),
            )
            for actor, total in totals.items()
        ),
        key=lambda m: (-m.period, -m.total, m.actor),
    )
    return moderators, period_all, total_all


async def _deadlines(
    s: AsyncSession, end: datetime, deadline_days: int, warn_days: int, top: int
) -> list[DeadlineItem]:
    """Approved cases with `warn_days` or fewer left of Bawaslu's deadline."""
    due = timedelta(days=deadline_days)
    return [
        DeadlineItem(cid, nama, unit, created, created + due, created + due - end)
        for cid, nama, unit, created in await s.execute(
            select(Case.id, Case.asn_nama, Case.asn_unit_kerja, Case.created_at)
            .where(
                Case.state == "approved",
                Case.created_at > end - due,
                Case.created_at <= end - due + timedelta(days=warn_days),
            )
            .order_by(Case.created_at, Case.id)
            .limit(top)
        )
    ]


def _oldest_pending() -> Any:
    """The case that has waited longest for a moderator (id, created_at)."""
    return (
        select(Case.id, Case.created_at)
        .where(Case.state.in_(PENDING_STATES))
        .order_by(Case.created_at, Case.id)
        .limit(1)
    )


async def oldest_pending(db: Db) -> tuple[int, datetime, int] | None:
    """(case id, created_at, backlog size) of the oldest case waiting for a moderator."""
    async with transaction(db, read_only=True) as s:
        count = await s.scalar(select(func.count(Case.id)).where(Case.state.in_(PENDING_STATES)))
        if not count:
            return None
        row = (await s.execute(_oldest_pending())).one()
        return int(row[0]), row[1], int(count)


async def cases_per_day(db: Db, *, tz: ZoneInfo, until: datetime) -> list[DayCount]:
    """Cases opened per local day, by current state (for the chart), oldest day first."""
    async with transaction(db, read_only=True) as s:
        day = _local_day(await dialect_of(s), Case.created_at, tz, until)
        rows = await s.execute(
            select(day.label("day"), Case.state, func.count(Case.id))
            .where(Case.created_at < until)
            .group_by(day, Case.state)
            .order_by(day)
        )
        out = []
        for d, state, n in rows:
            d = d if isinstance(d, date) else date.fromisoformat(str(d))
            out.append(DayCount(d, state, int(n)))
        return out


async def approved_cases(
    db: Db,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    elections: Collection[str] | None = None,
) -> list[ExportRow]:
    """Approved cases first reported in [since, until) (None = unbounded), by case number;
    `elections` limits them to those elections' cases (None: all)."""
    counts = counts_subquery()
    q = (
        select(Case, counts.c.reporters, counts.c.submissions)
        .outerjoin(counts, counts.c.case_id == Case.id)
        .where(Case.state == "approved", in_elections(elections))
        .order_by(Case.id)
    )
    if since is not None:
        q = q.where(Case.created_at >= since)
    if until is not None:
        q = q.where(Case.created_at < until)
    async with transaction(db, read_only=True) as s:
        return [
            ExportRow(
                case_id=c.id,
                seen_text=c.seen_text,
                first_reported_at=c.created_at,
                platform=c.platform,
                poster_text=c.poster_text,
                asn_nama=c.asn_nama,
                asn_nip=c.asn_nip,
                asn_jabatan=c.asn_jabatan,
                asn_unit_kerja=c.asn_unit_kerja,
                asn_instansi=c.asn_instansi,
                candidate=c.candidate,
                ocr_text=c.ocr_text,
                verdict=from_json(c.verdict_json, None),
                reasons=from_json(c.reasons_json, []),
                sha256=c.sha256,
                image_path=c.image_path,
                files_deleted_at=c.files_deleted_at,
                reporters=int(reporters or 0),
                submissions=int(submissions or 0),
                state=c.state,
                decision_note=c.decision_note,
                decided_by=c.decided_by,
                decided_at=c.decided_at,
                election=c.election,
                election_options=tuple(from_json(c.election_options, [])),
                handed_over_at=c.handed_over_at,
            )
            for c, reporters, submissions in await s.execute(q)
        ]
