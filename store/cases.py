"""Everything the bot does to reports and cases, one short transaction per call.

Convention: every function takes the `async_sessionmaker` (`db`) and opens its own transaction,
and returns frozen dataclasses, never ORM objects, so callers cannot trip over lazy loading or
hold a transaction open across a Telegram round trip.

Case states and who moves them:

    new --save_verdict--> flagged | review | clear | error
    new --mark_analysis_failed / claim_for_analysis (attempts exhausted)--> error
    flagged | review --decide_case--> approved | rejected | needs_info
    needs_info --decide_case--> approved | rejected
    error | clear | flagged | review --reanalyse--> new

approved and rejected are final. Every state change bumps `cases.version`. "First decision
wins" is one guarded `UPDATE cases ... WHERE id = :id AND state = :seen [AND version = :seen]
RETURNING ...`; a loser gets ok=False and the winner's name and time. The moderators' buttons
carry the version they were drawn for, so a press on a card that changed since (needs_info
racing approve) is refused too. Every transition writes one `AuditLog` row.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import json
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, NamedTuple, TypeVar

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store import phash as ph
from store.db import READ_ONLY
from store.models import AuditLog, Case, Reporter, Setting, Submission, utcnow

Db = async_sessionmaker[AsyncSession]
DecisionKind = Literal["approved", "rejected", "needs_info"]
Source = Literal["photo", "document", "album", "forward"]

PENDING_STATES = ("flagged", "review", "needs_info")
VERDICT_STATES = ("flagged", "review", "clear", "error")
DECISIONS = ("approved", "rejected", "needs_info")
FINAL_STATES = ("approved", "rejected")
REANALYSABLE = ("error", "clear", "flagged", "review")
# Of 64 bits. Measured: JPEG q=60 recompression 0-6, a 3% crop 6-20 (median 7-10), different
# real screenshots >= 16, but different stories on the same background photo can be 4.
DEFAULT_PHASH_DISTANCE = 8
SYSTEM = "system"
INTAKE_LOCK = 0x4E657472  # "Netr": PostgreSQL advisory lock key for intake
T = TypeVar("T")


class StoreError(Exception):
    """Base of the store's own errors."""


class NotFound(StoreError, LookupError):
    """The case, ticket or reporter does not exist."""


class ReporterBlocked(StoreError):
    """A blocked reporter's screenshot is not recorded."""


class RateLimited(StoreError):
    """The reporter reached their hourly limit; the screenshot is not recorded."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} laporan dalam satu jam terakhir")
        self.count = count


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class ReporterInfo:
    id: int
    blocked: bool


@dataclass(frozen=True, slots=True)
class SubmissionResult:
    ticket: int
    case_id: int
    new_case: bool
    case_state: str
    reporter_id: int
    reporters: int  # distinct reporters of the case, this one included
    match: str  # "new", "exact" or "near"
    phash_distance: int | None
    repeat: bool = False  # this Telegram message was recorded before (a re-delivered update)


@dataclass(frozen=True, slots=True)
class CaseFile:
    """What the analysis worker needs to OCR a case."""

    case_id: int
    image_path: str
    sha256: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Decision:
    ok: bool
    case_id: int
    state: str
    decided_by: int | None
    decided_at: datetime | None
    previous_state: str | None  # the state this call moved from (None when ok is False)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case_id: int
    state: str
    created_at: datetime
    age: timedelta
    platform: str | None
    asn_nip: str | None
    asn_nama: str | None
    candidate: int | None
    score: float | None
    reporters: int
    submissions: int
    moderator_chat_id: int | None
    moderator_message_id: int | None


@dataclass(frozen=True, slots=True)
class AsnSnapshot:
    nip: str | None
    nama: str | None
    jabatan: str | None
    unit_kerja: str | None
    instansi: str | None
    confidence: float | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case_id: int
    state: str
    sha256: str
    phash: str | None
    image_path: str
    created_at: datetime
    analysed_at: datetime | None
    verdict: dict[str, Any] | None
    platform: str | None
    poster_kind: str | None
    poster_text: str | None
    seen_text: str | None
    asn: AsnSnapshot | None
    alternatives: list[dict[str, Any]]
    candidate: int | None
    support_confidence: float | None
    score: float | None
    reasons: list[str]
    ocr_text: str | None
    decided_by: int | None
    decided_at: datetime | None
    decision_note: str | None
    moderator_chat_id: int | None
    moderator_message_id: int | None
    attempts: int
    files_deleted_at: datetime | None
    reporters: int
    submissions: int
    reporter_ids: tuple[int, ...]
    tickets: tuple[int, ...]
    version: int = 0  # bumped by every state change; buttons carry it
    card_version: int = 0  # the version the moderators' card shows
    outcome_version: int = 0  # the version whose outcome the reporters were told


@dataclass(frozen=True, slots=True)
class Change:
    """The last state change of a case: what it became, who did it (None: the system), when."""

    case_id: int
    state: str
    version: int
    actor: int | None
    at: datetime | None


@dataclass(frozen=True, slots=True)
class TicketStatus:
    ticket: int
    case_id: int
    case_state: str
    received_at: datetime
    notified_outcome_at: datetime | None


class Notification(NamedTuple):
    chat_id: int
    message_id: int
    ticket: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    case_id: int | None
    actor: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str | None
    at: datetime


# ---------------------------------------------------------------- helpers


@asynccontextmanager
async def _tx(
    db: Db, *, read_only: bool = False, urgent: bool = False
) -> AsyncIterator[AsyncSession]:
    """One transaction; writers take SQLite's write lock up front (BEGIN IMMEDIATE).

    On SQLite, this process's writers first queue in `_WriterQueue`: SQLite's busy handler
    retries after sleeps of up to 100 ms and favours whoever comes along at the right moment,
    so under load a writer waiting inside SQLite could starve for a second. `urgent` writers
    (marking an update done right after its reply went out: the shorter that gap, the fewer
    replies a crash makes the bot repeat) go before the others waiting. Writers of other
    processes still meet at BEGIN IMMEDIATE.
    """
    queue = None if read_only else _writer_queue(db)
    turn = queue.turn(urgent) if queue else contextlib.nullcontext()
    async with turn, db() as session, session.begin():
        if read_only:
            await session.connection(execution_options={READ_ONLY: True})
        yield session


class _WriterQueue:
    """One writer at a time; urgent ones first, then in arrival order."""

    def __init__(self) -> None:
        self._busy = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = 0

    @asynccontextmanager
    async def turn(self, urgent: bool) -> AsyncIterator[None]:
        if self._busy or self._waiting:
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._seq += 1
            heapq.heappush(self._waiting, (0 if urgent else 1, self._seq, future))
            try:
                await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled():
                    self._next()  # our turn came as we were cancelled: pass it on
                raise
        self._busy = True
        try:
            yield
        finally:
            self._next()

    def _next(self) -> None:
        while self._waiting:
            _, _, future = heapq.heappop(self._waiting)
            if not future.done():
                future.set_result(None)  # stays busy: the turn passes straight on
                return
        self._busy = False


_WRITER_QUEUES: weakref.WeakKeyDictionary[Db, _WriterQueue] = weakref.WeakKeyDictionary()


def _writer_queue(db: Db) -> _WriterQueue | None:
    """This process's queue of SQLite writers for `db` (None for other databases)."""
    bind = db.kw.get("bind")
    if bind is None or bind.dialect.name != "sqlite":
        return None
    queue = _WRITER_QUEUES.get(db)
    if queue is None:
        queue = _WRITER_QUEUES[db] = _WriterQueue()
    return queue


def _actor(telegram_user_id: int | None) -> str:
    return SYSTEM if telegram_user_id is None else f"tg:{telegram_user_id}"


def _audit(
    session: AsyncSession,
    case_id: int | None,
    actor: str,
    action: str,
    from_state: str | None = None,
    to_state: str | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> None:
    session.add(
        AuditLog(
            case_id=case_id,
            actor=actor,
            action=action,
            from_state=from_state,
            to_state=to_state,
            note=note,
            at=at or utcnow(),
        )
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _loads(text: str | None, default: Any) -> Any:
    return json.loads(text) if text else default


def _asn_values(asn: dict[str, Any] | None) -> dict[str, Any]:
    """Case columns for an ASN snapshot; None or {} clears it ("not an ASN / nobody")."""
    asn = asn or {}
    confidence = asn.get("confidence")
    return {
        "asn_nip": asn.get("nip"),
        "asn_nama": asn.get("nama"),
        "asn_jabatan": asn.get("jabatan"),
        "asn_unit_kerja": asn.get("unit_kerja"),
        "asn_instansi": asn.get("instansi"),
        "asn_confidence": float(confidence) if confidence is not None else None,
    }


async def _retry_on_conflict(attempt: Callable[[], Awaitable[T]], tries: int = 3) -> T:
    """Re-run a transaction that lost a unique-key race (PostgreSQL; SQLite serialises)."""
    for i in range(tries):
        try:
            return await attempt()
        except IntegrityError:
            if i == tries - 1:
                raise
    raise AssertionError("unreachable")


async def _serialise_intake(session: AsyncSession) -> None:
    """Make intake transactions take turns, so two copies of one screenshot arriving together
    cannot both open a case. SQLite already does (BEGIN IMMEDIATE); PostgreSQL needs a lock."""
    conn = await session.connection()
    if conn.dialect.name == "postgresql":
        await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INTAKE_LOCK})


async def _reporter_row(session: AsyncSession, telegram_user_id: int) -> Reporter:
    reporter = await session.scalar(
        select(Reporter).where(Reporter.telegram_user_id == telegram_user_id)
    )
    if reporter is None:
        reporter = Reporter(telegram_user_id=telegram_user_id, created_at=utcnow(), blocked=False)
        session.add(reporter)
        await session.flush()
    return reporter


async def _counts(session: AsyncSession, case_id: int) -> tuple[int, int]:
    row = (
        await session.execute(
            select(
                func.count(func.distinct(Submission.reporter_id)), func.count(Submission.id)
            ).where(Submission.case_id == case_id)
        )
    ).one()
    return int(row[0]), int(row[1])


# ---------------------------------------------------------------- reporters


async def get_or_create_reporter(db: Db, telegram_user_id: int) -> ReporterInfo:
    """The pseudonymous reporter for a Telegram user, created on first contact. A known
    reporter is only read: no write lock taken for every screenshot."""
    async with _tx(db, read_only=True) as s:
        known = (
            await s.execute(
                select(Reporter.id, Reporter.blocked).where(
                    Reporter.telegram_user_id == telegram_user_id
                )
            )
        ).one_or_none()
    if known is not None:
        return ReporterInfo(known.id, known.blocked)

    async def attempt() -> ReporterInfo:
        async with _tx(db) as s:
            r = await _reporter_row(s, telegram_user_id)
            return ReporterInfo(r.id, r.blocked)

    return await _retry_on_conflict(attempt)


async def _set_blocked(db: Db, reporter_id: int, by: int, blocked: bool) -> bool:
    now = utcnow()
    async with _tx(db) as s:
        r = await s.get(Reporter, reporter_id)
        if r is None:
            raise NotFound(f"Pelapor #{reporter_id}")
        if r.blocked == blocked:
            return False
        r.blocked, r.blocked_at, r.blocked_by = blocked, (now if blocked else None), by
        action = "block_reporter" if blocked else "unblock_reporter"
        _audit(s, None, _actor(by), action, note=f"Pelapor #{reporter_id}", at=now)
        return True


async def block_reporter(db: Db, reporter_id: int, by: int) -> bool:
    """Stop recording a reporter's screenshots; False if already blocked."""
    return await _set_blocked(db, reporter_id, by, True)


async def unblock_reporter(db: Db, reporter_id: int, by: int) -> bool:
    """Undo `block_reporter`; False if not blocked."""
    return await _set_blocked(db, reporter_id, by, False)


async def reveal_reporter(db: Db, reporter_id: int, by: int, reason: str) -> int:
    """The Telegram user id behind "Pelapor #N"; always leaves an audit row (who, why)."""
    async with _tx(db) as s:
        r = await s.get(Reporter, reporter_id)
        if r is None:
            raise NotFound(f"Pelapor #{reporter_id}")
        _audit(s, None, _actor(by), "reveal_reporter", note=f"Pelapor #{reporter_id}: {reason}")
        return r.telegram_user_id


# ---------------------------------------------------------------- intake


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
    """
    phash = phash.lower() if phash else None
    b = ph.bands(phash) if phash else (None, None, None, None)

    async def attempt() -> SubmissionResult:
        now = utcnow()
        async with _tx(db) as s:
            await _serialise_intake(s)
            earlier = await _recorded(s, chat_id, message_id)
            if earlier is not None:
                return earlier
            reporter = await _reporter_row(s, telegram_user_id)
            if reporter.blocked:
                raise ReporterBlocked(f"Pelapor #{reporter.id}")
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
                note = f"Laporan #{sub.id} dari Pelapor #{reporter.id}"
                _audit(s, case_id, SYSTEM, "created", None, "new", note, now)
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

    return await _retry_on_conflict(attempt)


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
    async with _tx(db, read_only=True) as s:
        return await _recorded(s, chat_id, message_id)


async def near_duplicates(db: Db, case_id: int, threshold: int) -> list[int]:
    """Older analysed cases whose screenshot's pHash is within `threshold` bits of this one's."""
    async with _tx(db, read_only=True) as s:
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
    async with _tx(db) as s:
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
        _audit(s, into, SYSTEM, "merged", None, None, f"Kasus #{case_id} digabung: {reason}", now)
        return True


async def count_recent_submissions(db: Db, telegram_user_id: int, since: datetime) -> int:
    """How many screenshots a user sent since `since` (aware datetime), for rate limits."""
    async with _tx(db, read_only=True) as s:
        n = await s.scalar(
            select(func.count(Submission.id))
            .join(Reporter, Reporter.id == Submission.reporter_id)
            .where(Reporter.telegram_user_id == telegram_user_id, Submission.received_at >= since)
        )
        return int(n or 0)


# ---------------------------------------------------------------- analysis


async def pending_analysis(db: Db) -> list[int]:
    """Cases still waiting for analysis, oldest first (re-queued at start-up)."""
    async with _tx(db, read_only=True) as s:
        rows = await s.scalars(select(Case.id).where(Case.state == "new").order_by(Case.id))
        return list(rows)


async def claim_for_analysis(db: Db, case_id: int, max_attempts: int = 3) -> CaseFile | None:
    """Count one more analysis attempt and return the file to analyse.

    None when the case is no longer "new", or when `max_attempts` attempts were already made
    (e.g. the process crashed mid-OCR each time): then the case gives up into "error".
    """
    async with _tx(db) as s:
        row = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new", Case.attempts < max_attempts)
                .values(attempts=Case.attempts + 1)
                .returning(Case.id, Case.image_path, Case.sha256, Case.attempts)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if row is not None:
            return CaseFile(row.id, row.image_path, row.sha256, row.attempts)
        gave_up = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new")
                .values(
                    state="error",
                    analysed_at=utcnow(),
                    verdict_json=_dumps({"verdict": "error", "error": "too many attempts"}),
                    version=Case.version + 1,
                )
                .returning(Case.attempts)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if gave_up is not None:
            note = f"gave up after {gave_up.attempts} attempts"
            _audit(s, case_id, SYSTEM, "analysis_failed", "new", "error", note)
        return None


async def save_verdict(
    db: Db, case_id: int, verdict_dict: dict[str, Any], asn: dict[str, Any] | None = None
) -> str:
    """Store `Verdict.to_dict()` and move the case from "new" to its verdict, atomically.

    `asn` is the full roster snapshot (nip, nama, jabatan, unit_kerja, instansi, confidence);
    without it the verdict's own "asn" is used (it lacks instansi). Returns the case's state
    afterwards; a case no longer "new" (already analysed) is left untouched.
    """
    state = verdict_dict.get("verdict")
    if state not in VERDICT_STATES:
        raise ValueError(f"verdict must be one of {VERDICT_STATES}, got {state!r}")
    poster = verdict_dict.get("poster") or {}
    values: dict[str, Any] = {
        "state": state,
        "version": Case.version + 1,
        "analysed_at": utcnow(),
        "verdict_json": _dumps(verdict_dict),
        "platform": verdict_dict.get("platform"),
        "poster_kind": poster.get("kind"),
        "poster_text": poster.get("text"),
        "seen_text": verdict_dict.get("seen"),
        "alternatives_json": _dumps(verdict_dict.get("alternatives") or []),
        "candidate": verdict_dict.get("candidate"),
        "support_confidence": verdict_dict.get("support_confidence"),
        "score": verdict_dict.get("score"),
        "reasons_json": _dumps(verdict_dict.get("reasons") or []),
        "ocr_text": verdict_dict.get("text"),
        **_asn_values(asn if asn is not None else verdict_dict.get("asn")),
    }
    async with _tx(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new")
                .values(**values)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            current = await s.scalar(select(Case.state).where(Case.id == case_id))
            if current is None:
                raise NotFound(f"Kasus #{case_id}")
            return current
        note = verdict_dict.get("error")
        _audit(s, case_id, SYSTEM, "analysed", "new", state, note, values["analysed_at"])
        return state


async def mark_analysis_failed(db: Db, case_id: int, error: str, max_attempts: int = 3) -> str:
    """Record a failed attempt; after `max_attempts` the case becomes "error". Returns state."""
    async with _tx(db) as s:
        case = await s.get(Case, case_id)
        if case is None:
            raise NotFound(f"Kasus #{case_id}")
        if case.state != "new":
            return case.state
        if case.attempts >= max_attempts:
            case.state = "error"
            case.version += 1
            case.analysed_at = utcnow()
            case.verdict_json = _dumps({"verdict": "error", "error": error})
        _audit(s, case_id, SYSTEM, "analysis_failed", "new", case.state, error)
        return case.state


async def reanalyse(db: Db, case_id: int, *, actor: int) -> bool:
    """Send an undecided case back to "new" (e.g. after a roster fix); False if not allowed."""
    async with _tx(db) as s:
        prev = await s.scalar(select(Case.state).where(Case.id == case_id))
        if prev is None:
            raise NotFound(f"Kasus #{case_id}")
        if prev not in REANALYSABLE:
            return False
        done = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == prev)
                .values(state="new", attempts=0, version=Case.version + 1)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        _audit(s, case_id, _actor(actor), "reanalyse", prev, "new")
        return True


# ---------------------------------------------------------------- moderation


async def decide_case(
    db: Db,
    case_id: int,
    *,
    actor: int,
    decision: DecisionKind,
    note: str | None = None,
    asn_override: dict[str, Any] | None = None,
    expected_state: str | None = None,
    expected_version: int | None = None,
) -> Decision:
    """A moderator's decision; the first one wins.

    approved/rejected are accepted from flagged, review and needs_info; needs_info only from
    flagged and review. Pass `expected_version` (the version the moderator's buttons were
    drawn for) to refuse a decision on a case that changed since, e.g. an approve pressed on
    the flagged card after a needs_info landed; `expected_state` likewise for the state.
    `asn_override` replaces the ASN snapshot in the same transaction ({} = "not an ASN"); it
    is recorded in the audit note.
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}, got {decision!r}")
    allowed = ("flagged", "review") if decision == "needs_info" else PENDING_STATES
    now = utcnow()
    async with _tx(db) as s:
        cur = (
            await s.execute(
                select(
                    Case.state, Case.version, Case.decided_by, Case.decided_at, Case.asn_nip
                ).where(Case.id == case_id)
            )
        ).one_or_none()
        if cur is None:
            raise NotFound(f"Kasus #{case_id}")
        refused = Decision(False, case_id, cur.state, cur.decided_by, cur.decided_at, None)
        if (
            cur.state not in allowed
            or (expected_state and cur.state != expected_state)
            or (expected_version is not None and cur.version != expected_version)
        ):
            return refused
        values: dict[str, Any] = {
            "state": decision,
            "version": cur.version + 1,
            "decided_by": actor,
            "decided_at": now,
            "decision_note": note,
        }
        notes = [note] if note else []
        if asn_override is not None:
            values.update(_asn_values(asn_override))
            new_nip = values["asn_nip"]
            notes.append(f"ASN diganti: {cur.asn_nip or '-'} -> {new_nip or '-'}")
        won = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == cur.state, Case.version == cur.version)
                .values(**values)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if won is None:  # lost a race (PostgreSQL READ COMMITTED); report the winner
            row = (
                await s.execute(
                    select(Case.state, Case.decided_by, Case.decided_at).where(Case.id == case_id)
                )
            ).one()
            return Decision(False, case_id, row.state, row.decided_by, row.decided_at, None)
        _audit(
            s,
            case_id,
            _actor(actor),
            "decision",
            cur.state,
            decision,
            "; ".join(notes) or None,
            now,
        )
        return Decision(True, case_id, decision, actor, now, cur.state)


async def last_change(db: Db, case_id: int) -> Change | None:
    """Who moved the case last and to what (from the audit trail), for a refused press."""
    async with _tx(db, read_only=True) as s:
        case = (
            await s.execute(select(Case.state, Case.version).where(Case.id == case_id))
        ).one_or_none()
        if case is None:
            return None
        row = (
            await s.execute(
                select(AuditLog.actor, AuditLog.at)
                .where(AuditLog.case_id == case_id, AuditLog.to_state.is_not(None))
                .order_by(AuditLog.id.desc())
                .limit(1)
            )
        ).one_or_none()
        actor = None
        if row is not None and row.actor.startswith("tg:"):
            actor = int(row.actor.removeprefix("tg:"))
        return Change(case_id, case.state, case.version, actor, row.at if row else None)


async def set_moderator_message(
    db: Db, case_id: int, chat_id: int, message_id: int, version: int | None = None
) -> None:
    """Remember the moderators' message of a case (to edit it when the case is decided) and
    the case version it shows."""
    values: dict[str, Any] = {"moderator_chat_id": chat_id, "moderator_message_id": message_id}
    if version is not None:
        values["card_version"] = version
    async with _tx(db) as s:
        res = await s.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if res.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound(f"Kasus #{case_id}")


async def mark_card_shown(db: Db, case_id: int, version: int) -> None:
    """The moderators' card now shows `version` (never moves back)."""
    async with _tx(db) as s:
        await s.execute(
            update(Case)
            .where(Case.id == case_id, Case.card_version < version)
            .values(card_version=version)
            .execution_options(synchronize_session=False)
        )


async def mark_outcome_told(db: Db, case_id: int, version: int) -> None:
    """The reporters were told the outcome of `version` (never moves back)."""
    async with _tx(db) as s:
        await s.execute(
            update(Case)
            .where(Case.id == case_id, Case.outcome_version < version)
            .values(outcome_version=version)
            .execution_options(synchronize_session=False)
        )


async def unsettled_cases(db: Db, limit: int = 1000) -> list[int]:
    """Decided cases whose card or reporters' outcome lags behind the decision (the process
    died between the decision and its follow-ups), oldest first."""
    async with _tx(db, read_only=True) as s:
        rows = await s.scalars(
            select(Case.id)
            .where(
                Case.state.in_(DECISIONS),
                or_(
                    Case.outcome_version < Case.version,
                    (Case.card_version < Case.version) & Case.moderator_message_id.is_not(None),
                ),
            )
            .order_by(Case.id)
            .limit(limit)
        )
        return list(rows)


def _counts_subquery() -> Any:
    return (
        select(
            Submission.case_id.label("case_id"),
            func.count(func.distinct(Submission.reporter_id)).label("reporters"),
            func.count(Submission.id).label("submissions"),
        )
        .group_by(Submission.case_id)
        .subquery()
    )


async def queue(db: Db, limit: int = 20) -> list[CaseSummary]:
    """Cases waiting for a moderator (flagged, review, needs_info), oldest first."""
    counts = _counts_subquery()
    now = utcnow()
    async with _tx(db, read_only=True) as s:
        rows = await s.execute(
            select(Case, counts.c.reporters, counts.c.submissions)
            .join(counts, counts.c.case_id == Case.id)
            .where(Case.state.in_(PENDING_STATES))
            .order_by(Case.created_at, Case.id)
            .limit(limit)
        )
        return [
            CaseSummary(
                case_id=c.id,
                state=c.state,
                created_at=c.created_at,
                age=now - c.created_at,
                platform=c.platform,
                asn_nip=c.asn_nip,
                asn_nama=c.asn_nama,
                candidate=c.candidate,
                score=c.score,
                reporters=int(reporters),
                submissions=int(submissions),
                moderator_chat_id=c.moderator_chat_id,
                moderator_message_id=c.moderator_message_id,
            )
            for c, reporters, submissions in rows
        ]


async def get_case(db: Db, case_id: int) -> CaseDetail | None:
    """Everything about one case, with its distinct reporters and tickets."""
    async with _tx(db, read_only=True) as s:
        c = await s.get(Case, case_id)
        if c is None:
            return None
        subs = (
            await s.execute(
                select(Submission.id, Submission.reporter_id)
                .where(Submission.case_id == case_id)
                .order_by(Submission.id)
            )
        ).all()
        reporter_ids = tuple(dict.fromkeys(r for _, r in subs))
        asn = None
        if c.asn_nip or c.asn_nama:
            asn = AsnSnapshot(
                c.asn_nip,
                c.asn_nama,
                c.asn_jabatan,
                c.asn_unit_kerja,
                c.asn_instansi,
                c.asn_confidence,
            )
        return CaseDetail(
            case_id=c.id,
            state=c.state,
            sha256=c.sha256,
            phash=c.phash,
            image_path=c.image_path,
            created_at=c.created_at,
            analysed_at=c.analysed_at,
            verdict=_loads(c.verdict_json, None),
            platform=c.platform,
            poster_kind=c.poster_kind,
            poster_text=c.poster_text,
            seen_text=c.seen_text,
            asn=asn,
            alternatives=_loads(c.alternatives_json, []),
            candidate=c.candidate,
            support_confidence=c.support_confidence,
            score=c.score,
            reasons=_loads(c.reasons_json, []),
            ocr_text=c.ocr_text,
            decided_by=c.decided_by,
            decided_at=c.decided_at,
            decision_note=c.decision_note,
            moderator_chat_id=c.moderator_chat_id,
            moderator_message_id=c.moderator_message_id,
            attempts=c.attempts,
            files_deleted_at=c.files_deleted_at,
            reporters=len(reporter_ids),
            submissions=len(subs),
            reporter_ids=reporter_ids,
            tickets=tuple(t for t, _ in subs),
            version=c.version,
            card_version=c.card_version,
            outcome_version=c.outcome_version,
        )


async def split_submission(db: Db, ticket: int, *, actor: int) -> int:
    """Undo a wrong near-duplicate attach: the ticket (and its exact copies in the same case)
    get their own new case, queued for analysis. Returns the new case id."""
    now = utcnow()
    async with _tx(db) as s:
        await _serialise_intake(s)
        sub = await s.get(Submission, ticket)
        if sub is None:
            raise NotFound(f"Laporan #{ticket}")
        if sub.match != "near":
            raise ValueError(f"Laporan #{ticket} is not a near-duplicate attach")
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
        note = f"Laporan #{ticket} dipisah dari Kasus #{old_case}"
        _audit(s, case.id, _actor(actor), "created", None, "new", note, now)
        _audit(s, old_case, _actor(actor), "split", None, None, f"{note} ke Kasus #{case.id}", now)
        return case.id


# ---------------------------------------------------------------- reporters' view


async def tickets_of(
    db: Db, telegram_user_id: int, ticket_ids: Sequence[int] | None = None, limit: int = 50
) -> list[TicketStatus]:
    """A reporter's own tickets (never anyone else's), newest first."""
    async with _tx(db, read_only=True) as s:
        q = (
            select(Submission.id, Submission.case_id, Case.state, Submission.received_at)
            .add_columns(Submission.notified_outcome_at)
            .join(Reporter, Reporter.id == Submission.reporter_id)
            .join(Case, Case.id == Submission.case_id)
            .where(Reporter.telegram_user_id == telegram_user_id)
            .order_by(Submission.id.desc())
            .limit(limit)
        )
        if ticket_ids is not None:
            q = q.where(Submission.id.in_(list(ticket_ids)))
        return [TicketStatus(*row) for row in await s.execute(q)]


async def submissions_to_notify(db: Db, case_id: int) -> list[Notification]:
    """Tickets of a case whose reporter has not yet been told the outcome."""
    async with _tx(db, read_only=True) as s:
        rows = await s.execute(
            select(Submission.telegram_chat_id, Submission.telegram_message_id, Submission.id)
            .where(Submission.case_id == case_id, Submission.notified_outcome_at.is_(None))
            .order_by(Submission.id)
        )
        return [Notification(*row) for row in rows]


async def mark_notified(db: Db, tickets: Iterable[int]) -> None:
    """Record that these tickets' reporters were told the outcome."""
    ids = list(tickets)
    if not ids:
        return
    async with _tx(db) as s:
        await s.execute(
            update(Submission)
            .where(Submission.id.in_(ids), Submission.notified_outcome_at.is_(None))
            .values(notified_outcome_at=utcnow())
            .execution_options(synchronize_session=False)
        )


async def audit_of(db: Db, case_id: int) -> list[AuditEntry]:
    """The audit trail of one case, oldest first."""
    async with _tx(db, read_only=True) as s:
        rows = await s.scalars(
            select(AuditLog).where(AuditLog.case_id == case_id).order_by(AuditLog.id)
        )
        return [
            AuditEntry(a.id, a.case_id, a.actor, a.action, a.from_state, a.to_state, a.note, a.at)
            for a in rows
        ]


# ---------------------------------------------------------------- settings


async def get_setting(db: Db, key: str) -> str | None:
    async with _tx(db, read_only=True) as s:
        return await s.scalar(select(Setting.value).where(Setting.key == key))


async def set_setting(db: Db, key: str, value: str) -> None:
    """Upsert a small persistent value (e.g. the loaded roster's sha256)."""

    async def attempt() -> None:
        async with _tx(db) as s:
            row = await s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value, updated_at=utcnow()))
            else:
                row.value, row.updated_at = value, utcnow()

    await _retry_on_conflict(attempt)
