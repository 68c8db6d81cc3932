"""Intake: a screenshot becomes a ticket (`Submission`) of a case, the case of an identical
screenshot or a new one; near-identical cases are merged after analysis when their content
agrees, and a wrong attach can be split off again.

Intake transactions take turns (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
two copies of one screenshot arriving together cannot both open a case, and a burst cannot
overshoot the hourly limit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from store import audit, jobs
from store import phash as ph
from store.db import Db, retry_on_conflict, transaction
from store.errors import NotFound, RateLimited, ReporterBlocked
from store.models import AuditLog, Case, Submission, utcnow
from store.records import SubmissionResult
from store.reporters import reporter_row
from wording import id as t

Source = Literal["photo", "document", "album", "forward"]
# Of 64 bits. Measured: JPEG q=60 recompression 0-6, a 3% crop 6-20 (median 7-10), different
# real screenshots >= 16, but different stories on the same background photo can be 4.
DEFAULT_PHASH_DISTANCE = 8
INTAKE_LOCK = 0x4E657472  # "Netr": PostgreSQL advisory lock key for intake


async def _serialise_intake(session: AsyncSession) -> None:
    """Make intake transactions take turns, so two copies of one screenshot arriving together
    cannot both open a case. SQLite already does (BEGIN IMMEDIATE); PostgreSQL needs a lock."""
    conn = await session.connection()
    if conn.dialect.name == "postgresql":
        await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INTAKE_LOCK})


async def _counts(session: AsyncSession, case_id: int) -> tuple[int, int]:
    row = (
        await session.execute(
            select(
                func.count(func.distinct(Submission.reporter_id)), func.count(Submission.id)
            ).where(Submission.case_id == case_id)
        )
    ).one()
    return int(row[0]), int(row[1])


async def _find_case(
    s: AsyncSession, sha256: str, phash: str | None, threshold: int
) -> tuple[int, str, int | None] | None:
    """(case id, "exact"|"near", distance) of the case this screenshot belongs to, if any."""
    exact = await s.scalar(
        select(Submission.case_id)
        .where(Submission.sha256 == sha256)
        .order_by(Submission.id)
        .limit(1)
    )
    if exact is not None:
        return exact, "exact", 0
    if phash is None:
        return None
    probes = ph.band_probes(phash, threshold)
    columns = (Case.phash_b0, Case.phash_b1, Case.phash_b2, Case.phash_b3)
    rows = await s.execute(
        select(Case.id, Case.phash).where(
            or_(*(col.in_(values) for col, values in zip(columns, probes, strict=True)))
        )
    )
    best: tuple[int, int] | None = None  # (distance, case id)
    for case_id, other in rows:
        d = ph.distance(phash, other)
        if d <= threshold and (best is None or (d, case_id) < best):
            best = (d, case_id)
    return (best[1], "near", best[0]) if best else None


async def record_submission(
    db: Db,
    *,
    telegram_user_id: int,
    sha256: str,
    phash: str | None,
    file_path: str,
    size: int,
    mime: str | None,
    width: int | None,
    height: int | None,
    source: Source,
    chat_id: int,
    message_id: int,
    media_group_id: str | None = None,
    phash_distance: int = DEFAULT_PHASH_DISTANCE,
    attach_near: bool = True,
    max_per_hour: int | None = None,
    defer_analysis: bool = False,
) -> SubmissionResult:
    """Give a screenshot its ticket, attaching it to the case of an identical or near-identical
    screenshot (pHash distance <= `phash_distance`), else opening a new case in state "new".

    With `attach_near=False` only an identical file attaches at intake; near-identical ones
    get their own case, to be merged after analysis when their content agrees
    (`near_duplicates`, `merge_case`): a perceptual hash alone cannot tell two different
    stories on the same background apart.

    Raises `ReporterBlocked` for a blocked reporter and `RateLimited` when the reporter already
    sent `max_per_hour` screenshots in the last hour (checked inside the serialised intake
    transaction, so concurrent uploads cannot overshoot it); nothing is recorded then.

    One Telegram message is one ticket: when (chat_id, message_id) was recorded before (the
    update was handled again after a crash), that ticket is returned with `repeat=True`.

    With `defer_analysis` (PostgreSQL mode) a new case's analysis job is deferred in the same
    transaction: the ticket and its job commit together or not at all.
    """
    phash = phash.lower() if phash else None
    b = ph.bands(phash) if phash else (None, None, None, None)

    async def attempt() -> SubmissionResult:
        now = utcnow()
        async with transaction(db) as s:
            await _serialise_intake(s)
            earlier = await _recorded(s, chat_id, message_id)
            if earlier is not None:
                return earlier
            reporter = await reporter_row(s, telegram_user_id)
            if reporter.blocked:
                raise ReporterBlocked(t.REF_REPORTER.format(reporter=reporter.id))
            if max_per_hour is not None:
                recent = await s.scalar(
                    select(func.count(Submission.id)).where(
                        Submission.reporter_id == reporter.id,
                        Submission.received_at >= now - timedelta(hours=1),
                    )
                )
                if (recent or 0) >= max_per_hour:
                    raise RateLimited(int(recent or 0))
            found = await _find_case(s, sha256, phash if attach_near else None, phash_distance)
            if found is None:
                case = Case(
                    state="new",
                    sha256=sha256,
                    phash=phash,
                    phash_b0=b[0],
                    phash_b1=b[1],
                    phash_b2=b[2],
                    phash_b3=b[3],
                    image_path=file_path,
                    created_at=now,
                    attempts=0,
                )
                s.add(case)
                await s.flush()
                case_id, state, match, dist = case.id, "new", "new", None
            else:
                case_id, match, dist = found
                state = await s.scalar(select(Case.state).where(Case.id == case_id)) or "new"
            sub = Submission(
                reporter_id=reporter.id,
                case_id=case_id,
                sha256=sha256,
                phash=phash,
                match=match,
                phash_distance=dist,
                file_path=file_path,
                size=size,
                mime=mime,
                width=width,
                height=height,
                source=source,
                telegram_chat_id=chat_id,
                telegram_message_id=message_id,
                media_group_id=media_group_id,
                received_at=now,
            )
            s.add(sub)
            await s.flush()
            if found is None:
                # Pseudonymous on purpose: moderators may read the audit log.
                note = t.AUDIT_CASE_OPENED.format(ticket=sub.id, reporter=reporter.id)
                audit.write(s, case_id, audit.SYSTEM, "created", None, "new", note, now)
                if defer_analysis:
                    await jobs.defer_in(
                        s,
                        jobs.ANALYSE_TASK,
                        jobs.ANALYSE_QUEUE,
                        {"case_id": case_id},
                        lock=jobs.case_lock(case_id),
                    )
            reporters, _ = await _counts(s, case_id)
            return SubmissionResult(
                ticket=sub.id,
                case_id=case_id,
                new_case=found is None,
                case_state=state,
                reporter_id=reporter.id,
                reporters=reporters,
                match=match,
                phash_distance=dist,
            )

    return await retry_on_conflict(attempt)


async def _recorded(s: AsyncSession, chat_id: int, message_id: int) -> SubmissionResult | None:
    """The ticket already given to this Telegram message, if any."""
    row = (
        await s.execute(
            select(Submission.id, Submission.case_id, Submission.reporter_id)
            .add_columns(Submission.match, Submission.phash_distance, Case.state)
            .join(Case, Case.id == Submission.case_id)
            .where(
                Submission.telegram_chat_id == chat_id,
                Submission.telegram_message_id == message_id,
            )
            .order_by(Submission.id)
            .limit(1)
        )
    ).one_or_none()
    if row is None:
        return None
    reporters, _ = await _counts(s, row.case_id)
    return SubmissionResult(
        ticket=row.id,
        case_id=row.case_id,
        new_case=False,
        case_state=row.state,
        reporter_id=row.reporter_id,
        reporters=reporters,
        match=row.match,
        phash_distance=row.phash_distance,
        repeat=True,
    )


async def submission_of_message(db: Db, chat_id: int, message_id: int) -> SubmissionResult | None:
    """The ticket a Telegram message already has (`repeat=True`), or None."""
    async with transaction(db, read_only=True) as s:
        return await _recorded(s, chat_id, message_id)


async def near_duplicates(db: Db, case_id: int, threshold: int) -> list[int]:
    """Older analysed cases whose screenshot's pHash is within `threshold` bits of this one's."""
    async with transaction(db, read_only=True) as s:
        phash = await s.scalar(select(Case.phash).where(Case.id == case_id))
        if not phash:
            return []
        probes = ph.band_probes(phash, threshold)
        columns = (Case.phash_b0, Case.phash_b1, Case.phash_b2, Case.phash_b3)
        rows = await s.execute(
            select(Case.id, Case.phash)
            .where(or_(*(col.in_(values) for col, values in zip(columns, probes, strict=True))))
            .where(Case.id < case_id, Case.state.not_in(("new", "error")))
        )
        near = sorted(
            (ph.distance(phash, other), cid)
            for cid, other in rows
            if other and ph.distance(phash, other) <= threshold
        )
        return [cid for _, cid in near]


async def merge_case(db: Db, case_id: int, into: int, *, reason: str) -> bool:
    """Fold an undecided case into an older one showing the same story: its tickets and audit
    trail move over and the case disappears. False if either case is gone or already decided."""
    now = utcnow()
    async with transaction(db) as s:
        source = await s.get(Case, case_id)
        target = await s.get(Case, into)
        undecided = ("new", "flagged", "review", "clear", "error")
        if source is None or target is None or source.state not in undecided:
            return False
        await s.execute(
            update(Submission).where(Submission.case_id == case_id).values(case_id=into)
        )
        await s.execute(update(AuditLog).where(AuditLog.case_id == case_id).values(case_id=into))
        await s.delete(source)
        audit.write(
            s,
            into,
            audit.SYSTEM,
            "merged",
            None,
            None,
            t.AUDIT_MERGED.format(case=case_id, reason=reason),
            now,
        )
        return True


async def split_submission(db: Db, ticket: int, *, actor: int) -> int:
    """Undo a wrong near-duplicate attach: the ticket (and its exact copies in the same case)
    get their own new case, queued for analysis. Returns the new case id."""
    now = utcnow()
    async with transaction(db) as s:
        await _serialise_intake(s)
        sub = await s.get(Submission, ticket)
        if sub is None:
            raise NotFound(t.REF_TICKET.format(ticket=ticket))
        if sub.match != "near":
            raise ValueError(f"ticket {ticket} is not a near-duplicate attach")
        old_case = sub.case_id
        b = ph.bands(sub.phash) if sub.phash else (None, None, None, None)
        case = Case(
            state="new",
            sha256=sub.sha256,
            phash=sub.phash,
            phash_b0=b[0],
            phash_b1=b[1],
            phash_b2=b[2],
            phash_b3=b[3],
            image_path=sub.file_path,
            created_at=now,
            attempts=0,
        )
        s.add(case)
        await s.flush()
        await s.execute(
            update(Submission)
            .where(Submission.case_id == old_case, Submission.sha256 == sub.sha256)
            .values(case_id=case.id, match="new", phash_distance=None)
            .execution_options(synchronize_session=False)
        )
        note = t.AUDIT_SPLIT.format(ticket=ticket, case=old_case)
        audit.write(s, case.id, audit.actor(actor), "created", None, "new", note, now)
        audit.write(
            s,
            old_case,
            audit.actor(actor),
            "split",
            None,
            None,
            t.AUDIT_SPLIT_TO.format(note=note, case=case.id),
            now,
        )
        return case.id
