"""Read models for the admins' digest and the Bawaslu export, plus the scheduler's ledgers.

Every number is computed with SQL aggregates (COUNT/GROUP BY over indexed columns), never by
loading all cases. The only per-row data fetched is bounded: decision durations (one float per
decision, for medians), the cases near their deadline (a window of days) and, for the export,
the approved cases it must list anyway.

Scheduler ledgers (exactly once):

* `claim_digest` / `finish_digest`: one `digest_runs` row per (period, recipient chat), UNIQUE.
  The claim is the INSERT itself (ON CONFLICT DO NOTHING): whoever inserts sends; everyone else
  backs off. A "failed" row, or a "claimed" row older than the claim timeout (its sender died
  between claiming and confirming), may be re-claimed by a guarded UPDATE. That last case is the
  one place a digest can go out twice: we prefer a rare duplicate after a crash mid-send over a
  digest that is silently never sent.
* `claim_reminder`: the time of the last backlog reminder, in `settings`, advanced by one guarded
  UPDATE so two processes cannot both remind within the window.
* `retention_candidates` / `mark_files_deleted`: rejected and clear cases past retention.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from store.cases import PENDING_STATES, SYSTEM, Db, _audit, _counts_subquery, _loads, _tx
from store.models import CASE_STATES, AuditLog, Case, DigestRun, Setting, Submission

REMINDER_SETTING = "scheduler.last_reminder_at"
DIGEST_SINCE_SETTING = "scheduler.digest_since"
RETENTION_STATES = ("rejected", "clear")


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class GroupCount:
    key: str | int | None
    period: int  # within the digest period
    total: int  # since the start


@dataclass(frozen=True, slots=True)
class RepeatAsn:
    nip: str
    nama: str | None
    unit: str | None
    approved: int


@dataclass(frozen=True, slots=True)
class ModeratorStat:
    actor: str  # "tg:<id>"
    period: int
    total: int
    median_seconds_period: float | None


@dataclass(frozen=True, slots=True)
class DeadlineItem:
    case_id: int
    asn_nama: str | None
    unit: str | None
    first_reported_at: datetime
    due_at: datetime
    remaining: timedelta


@dataclass(frozen=True, slots=True)
class DigestReport:
    start: datetime
    end: datetime
    submissions_period: int
    submissions_total: int
    reporters_period: int
    reporters_total: int
    cases_period: int
    cases_total: int
    states_period: dict[str, int]  # cases opened in the period, by their current state
    states_total: dict[str, int]
    decisions_period: dict[str, int]  # moderator decisions taken in the period, by kind
    backlog: int  # waiting for a moderator (flagged, review, needs_info)
    backlog_by_state: dict[str, int]
    oldest_pending_case: int | None
    oldest_pending_at: datetime | None
    awaiting_analysis: int  # "new"
    approved_period: int
    approved_total: int
    approved_by_unit: list[GroupCount]
    approved_by_candidate: list[GroupCount]
    repeat_asns: list[RepeatAsn]
    moderators: list[ModeratorStat]
    median_decision_seconds_period: float | None
    median_decision_seconds_total: float | None
    deadlines: list[DeadlineItem] = field(default_factory=list)
    deadline_days: int = 7

    @property
    def oldest_pending_age(self) -> timedelta | None:
        return None if self.oldest_pending_at is None else self.end - self.oldest_pending_at


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    state: str
    count: int


@dataclass(frozen=True, slots=True)
class ExportRow:
    case_id: int
    seen_text: str | None
    first_reported_at: datetime
    platform: str | None
    poster_text: str | None
    asn_nama: str | None
    asn_nip: str | None
    asn_jabatan: str | None
    asn_unit_kerja: str | None
    asn_instansi: str | None
    candidate: int | None
    ocr_text: str | None
    verdict: dict[str, Any] | None
    reasons: list[str]
    sha256: str
    image_path: str
    files_deleted_at: datetime | None
    reporters: int
    submissions: int
    state: str
    decision_note: str | None
    decided_by: int | None
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class RetentionCase:
    case_id: int
    paths: tuple[str, ...]  # files only this (or another eligible) case uses


# ---------------------------------------------------------------- dialect helpers


async def _dialect(s: AsyncSession) -> str:
    return (await s.connection()).dialect.name


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


# ---------------------------------------------------------------- digest numbers


async def digest_report(
    db: Db,
    *,
    start: datetime,
    end: datetime,
    deadline_days: int = 7,
    warn_days: int = 3,
    top: int = 15,
) -> DigestReport:
    """The digest's numbers for [start, end) and since the start of records (up to `end`)."""
    async with _tx(db, read_only=True) as s:
        dialect = await _dialect(s)
        sub_row = (
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
        decisions: dict[str, int] = {"approved": 0, "rejected": 0, "needs_info": 0}
        for to_state, n in await s.execute(
            select(AuditLog.to_state, func.count(AuditLog.id))
            .where(AuditLog.action == "decision", _in(AuditLog.at, start, end))
            .group_by(AuditLog.to_state)
        ):
            decisions[str(to_state)] = int(n)
        oldest = (await s.execute(_oldest_pending())).one_or_none()
        approved = Case.state == "approved"
        approved_row = (
            await s.execute(
                select(
                    func.count(Case.id),
                    func.count(case((_in(Case.decided_at, start, end), Case.id))),
                ).where(approved)
            )
        ).one()
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
        due = timedelta(days=deadline_days)
        deadlines = [
            DeadlineItem(cid, nama, unit, created, created + due, created + due - end)
            for cid, nama, unit, created in await s.execute(
                select(Case.id, Case.asn_nama, Case.asn_unit_kerja, Case.created_at)
                .where(
                    approved,
                    Case.created_at > end - due,
                    Case.created_at <= end - due + timedelta(days=warn_days),
                )
                .order_by(Case.created_at, Case.id)
                .limit(top)
            )
        ]
    backlog_by_state = {st: states_total[st] for st in PENDING_STATES}
    return DigestReport(
        start=start,
        end=end,
        submissions_period=int(sub_row[2]),
        submissions_total=int(sub_row[0]),
        reporters_period=int(sub_row[3]),
        reporters_total=int(sub_row[1]),
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
        approved_period=int(approved_row[1]),
        approved_total=int(approved_row[0]),
        approved_by_unit=by_unit,
        approved_by_candidate=by_candidate,
        repeat_asns=repeat,
        moderators=moderators,
        median_decision_seconds_period=_median(period_all),
        median_decision_seconds_total=_median(total_all),
        deadlines=deadlines,
        deadline_days=deadline_days,
    )


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
    async with _tx(db, read_only=True) as s:
        count = await s.scalar(select(func.count(Case.id)).where(Case.state.in_(PENDING_STATES)))
        if not count:
            return None
        row = (await s.execute(_oldest_pending())).one()
        return int(row[0]), row[1], int(count)


async def cases_per_day(db: Db, *, tz: ZoneInfo, until: datetime) -> list[DayCount]:
    """Cases opened per local day, by current state (for the chart), oldest day first."""
    async with _tx(db, read_only=True) as s:
        day = _local_day(await _dialect(s), Case.created_at, tz, until)
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


# ---------------------------------------------------------------- export


async def approved_cases(
    db: Db, *, since: datetime | None = None, until: datetime | None = None
) -> list[ExportRow]:
    """Approved cases first reported in [since, until) (None = unbounded), by case number."""
    counts = _counts_subquery()
    q = (
        select(Case, counts.c.reporters, counts.c.submissions)
        .outerjoin(counts, counts.c.case_id == Case.id)
        .where(Case.state == "approved")
        .order_by(Case.id)
    )
    if since is not None:
        q = q.where(Case.created_at >= since)
    if until is not None:
        q = q.where(Case.created_at < until)
    async with _tx(db, read_only=True) as s:
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
                verdict=_loads(c.verdict_json, None),
                reasons=_loads(c.reasons_json, []),
                sha256=c.sha256,
                image_path=c.image_path,
                files_deleted_at=c.files_deleted_at,
                reporters=int(reporters or 0),
                submissions=int(submissions or 0),
                state=c.state,
                decision_note=c.decision_note,
                decided_by=c.decided_by,
                decided_at=c.decided_at,
            )
            for c, reporters, submissions in await s.execute(q)
        ]


# ---------------------------------------------------------------- digest ledger


def _insert(dialect: str) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(DigestRun)


async def claim_digest(
    db: Db,
    *,
    period_key: str,
    chat_id: int,
    start: datetime,
    end: datetime,
    now: datetime,
    stale_after: timedelta,
    max_attempts: int = 5,
) -> str | None:
    """Claim the right to send one digest to one chat; returns a claim token, or None when
    someone else has it (sent, or claimed recently, or failed `max_attempts` times)."""
    token = str(uuid.uuid4())
    async with _tx(db) as s:
        dialect = await _dialect(s)
        stmt = (
            _insert(dialect)
            .values(
                period_key=period_key,
                chat_id=chat_id,
                period_start=start,
                period_end=end,
                state="claimed",
                claim_token=token,
                claimed_at=now,
                attempts=1,
            )
            .on_conflict_do_nothing(index_elements=["period_key", "chat_id"])
            .returning(DigestRun.id)
        )
        if (await s.execute(stmt)).one_or_none() is not None:
            return token
        retaken = (
            await s.execute(
                update(DigestRun)
                .where(
                    DigestRun.period_key == period_key,
                    DigestRun.chat_id == chat_id,
                    DigestRun.attempts < max_attempts,
                    or_(
                        DigestRun.state == "failed",
                        and_(
                            DigestRun.state == "claimed", DigestRun.claimed_at < now - stale_after
                        ),
                    ),
                )
                .values(
                    state="claimed",
                    claim_token=token,
                    claimed_at=now,
                    attempts=DigestRun.attempts + 1,
                )
                .returning(DigestRun.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        return token if retaken is not None else None


async def finish_digest(
    db: Db, *, period_key: str, chat_id: int, token: str, now: datetime, error: str | None = None
) -> bool:
    """Record the outcome of a claimed send ("sent", or "failed" with a short error)."""
    async with _tx(db) as s:
        res = await s.execute(
            update(DigestRun)
            .where(
                DigestRun.period_key == period_key,
                DigestRun.chat_id == chat_id,
                DigestRun.claim_token == token,
            )
            .values(
                state="failed" if error else "sent",
                sent_at=None if error else now,
                error=(error or None) and error[:200],
            )
            .execution_options(synchronize_session=False)
        )
        return bool(res.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class DigestRunInfo:
    period_key: str
    chat_id: int
    period_start: datetime
    period_end: datetime
    state: str
    attempts: int
    sent_at: datetime | None
    error: str | None


async def digest_runs(db: Db, period_key: str | None = None) -> list[DigestRunInfo]:
    async with _tx(db, read_only=True) as s:
        q = select(DigestRun).order_by(DigestRun.id)
        if period_key is not None:
            q = q.where(DigestRun.period_key == period_key)
        return [
            DigestRunInfo(
                r.period_key,
                r.chat_id,
                r.period_start,
                r.period_end,
                r.state,
                r.attempts,
                r.sent_at,
                r.error,
            )
            for r in await s.scalars(q)
        ]


async def digest_since(db: Db, now: datetime) -> datetime:
    """When digests started being owed: the first start of the scheduler (stored once). A
    scheduled time before it was never missed (the bot did not exist yet)."""
    async with _tx(db) as s:
        row = await s.get(Setting, DIGEST_SINCE_SETTING)
        if row is not None:
            return datetime.fromisoformat(row.value)
        s.add(Setting(key=DIGEST_SINCE_SETTING, value=_iso(now), updated_at=now))
        return now


def _iso(moment: datetime) -> str:
    """Fixed-width UTC text, so that string order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


# ---------------------------------------------------------------- reminders


async def claim_reminder(db: Db, *, now: datetime, every: timedelta) -> bool:
    """True if no reminder was sent in the last `every` (and records `now` as the last one).

    One transaction: SQLite serialises writers (BEGIN IMMEDIATE); on PostgreSQL the guarded
    UPDATE (or the primary key of the first INSERT) decides between concurrent callers.
    """
    async with _tx(db) as s:
        dialect = await _dialect(s)
        ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Setting)
        first = (
            await s.execute(
                ins.values(key=REMINDER_SETTING, value=_iso(now), updated_at=now)
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(Setting.key)
            )
        ).one_or_none()
        if first is not None:
            return True
        done = (
            await s.execute(
                update(Setting)
                .where(Setting.key == REMINDER_SETTING, Setting.value <= _iso(now - every))
                .values(value=_iso(now), updated_at=now)
                .returning(Setting.key)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        return done is not None


async def unclaim_reminder(db: Db, *, previous: datetime | None) -> None:
    """Give a reminder claim back after the send failed (so the next check retries)."""
    async with _tx(db) as s:
        row = await s.get(Setting, REMINDER_SETTING)
        if row is not None:
            row.value = _iso(previous or datetime(1970, 1, 1, tzinfo=UTC))


# ---------------------------------------------------------------- retention


async def retention_candidates(
    db: Db, *, before: datetime, limit: int = 500
) -> list[RetentionCase]:
    """Rejected and clear cases settled before `before` whose files are still on disk, with the
    files that no other (non-eligible) case still needs."""
    settled = func.coalesce(Case.decided_at, Case.analysed_at, Case.created_at)
    async with _tx(db, read_only=True) as s:
        ids = list(
            await s.scalars(
                select(Case.id)
                .where(
                    Case.state.in_(RETENTION_STATES),
                    Case.files_deleted_at.is_(None),
                    settled < before,
                )
                .order_by(Case.id)
                .limit(limit)
            )
        )
        if not ids:
            return []
        return await _deletable(s, ids)


async def _deletable(s: AsyncSession, ids: list[int]) -> list[RetentionCase]:
    """The files of these cases that no other case still needs."""
    paths: dict[int, set[str]] = {i: set() for i in ids}
    for cid, path in await s.execute(select(Case.id, Case.image_path).where(Case.id.in_(ids))):
        paths[cid].add(path)
    for cid, path in await s.execute(
        select(Submission.case_id, Submission.file_path).where(Submission.case_id.in_(ids))
    ):
        paths[cid].add(path)
    wanted = set().union(*paths.values())
    # A file another case still uses (same bytes split off, reanalysed...) stays.
    shared = set(
        await s.scalars(
            select(Submission.file_path).where(
                Submission.file_path.in_(wanted), Submission.case_id.not_in(ids)
            )
        )
    ) | set(
        await s.scalars(
            select(Case.image_path).where(Case.image_path.in_(wanted), Case.id.not_in(ids))
        )
    )
    return [RetentionCase(cid, tuple(sorted(p - shared))) for cid, p in paths.items()]


async def archive_candidate(db: Db, case_id: int) -> RetentionCase | None:
    """An approved case whose evidence is still on disk (what `/archive` may delete)."""
    async with _tx(db, read_only=True) as s:
        ok = await s.scalar(
            select(Case.id).where(
                Case.id == case_id, Case.state == "approved", Case.files_deleted_at.is_(None)
            )
        )
        return (await _deletable(s, [case_id]))[0] if ok else None


async def mark_archived(db: Db, case_id: int, *, actor: int, now: datetime, files: int) -> bool:
    """An admin archived an approved case: its files are gone, the record and hashes stay."""
    async with _tx(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(
                    Case.id == case_id, Case.state == "approved", Case.files_deleted_at.is_(None)
                )
                .values(files_deleted_at=now)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        note = f"diarsipkan: {files} berkas dihapus"
        _audit(s, case_id, f"tg:{actor}", "archived", "approved", "approved", note, now)
        return True


async def mark_files_deleted(
    db: Db, case_id: int, *, now: datetime, files: int, retention_days: int
) -> bool:
    """Set `files_deleted_at` (hashes and decisions stay) and write the audit row."""
    async with _tx(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(
                    Case.id == case_id,
                    Case.files_deleted_at.is_(None),
                    Case.state.in_(RETENTION_STATES),
                )
                .values(files_deleted_at=now)
                .returning(Case.state)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        note = f"retensi {retention_days} hari: {files} berkas dihapus"
        _audit(s, case_id, SYSTEM, "files_deleted", done[0], done[0], note, now)
        return True
