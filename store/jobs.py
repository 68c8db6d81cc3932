"""The job queue's side of the store (PostgreSQL mode): jobs are rows of procrastinate's
`procrastinate_jobs`, deferred through its versioned SQL function, so that a job is written in
the same transaction as the row that needs it — a ticket is never acknowledged without its
analysis job, a verdict never saved without its card's job. Only the names of the tasks and
queues are shared with the workers (`netra.jobs`, `bot.jobs` register them).

A case's jobs all carry the lock `case:<id>`: procrastinate runs one job per lock at a time,
across every worker, so a case's analysis and its card never run together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from store.db import Db, transaction
from store.models import utcnow

ANALYSE_TASK = "analyse"
ANALYSE_QUEUE = "analyse"
CARD_TASK = "post_card"
OUTCOME_TASK = "tell_outcome"
SEND_QUEUE = "send"
ACK_PRIORITY = 10  # procrastinate takes higher priorities first

_DEFER = text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW("
    "CAST(:queue AS varchar), CAST(:task AS varchar), CAST(:priority AS integer), "
    "CAST(:lock AS text), CAST(NULL AS text), CAST(:args AS jsonb), "
    "CAST(NULL AS timestamptz))::procrastinate_job_to_defer_v1])"
)


def case_lock(case_id: int) -> str:
    return f"case:{case_id}"


async def defer_in(
    s: AsyncSession, task: str, queue: str, args: dict[str, object], *, lock: str | None = None
) -> None:
    """Defer a job inside the caller's transaction (it exists only if that commits)."""
    await s.execute(
        _DEFER,
        {"queue": queue, "task": task, "priority": 0, "lock": lock, "args": json.dumps(args)},
    )


async def defer_analysis(db: Db, case_id: int) -> None:
    """An analysis job for a case (re-analysis, or one found without its job)."""
    async with transaction(db) as s:
        await defer_in(
            s, ANALYSE_TASK, ANALYSE_QUEUE, {"case_id": case_id}, lock=case_lock(case_id)
        )


async def defer_card(db: Db, case_id: int, version: int) -> None:
    """A job to post the case's card as of `version` to the moderators' chat."""
    async with transaction(db) as s:
        await defer_in(
            s,
            CARD_TASK,
            SEND_QUEUE,
            {"case_id": case_id, "version": version},
            lock=case_lock(case_id),
        )


async def defer_outcome(db: Db, case_id: int) -> None:
    """A job to tell the case's reporters its outcome. Under the case's lock, so two processes
    settling the same decision (two bots starting together) tell it one at a time, and the
    second finds it told."""
    async with transaction(db) as s:
        await defer_in(s, OUTCOME_TASK, SEND_QUEUE, {"case_id": case_id}, lock=case_lock(case_id))


async def requeue_orphans(db: Db) -> list[int]:
    """Cases still "new" with no analysis job waiting or running (they were opened before the
    queue existed, or the process died between a re-analysis and its job): defer one each."""
    async with transaction(db) as s:
        rows = await s.execute(
            text(
                "SELECT c.id FROM cases c WHERE c.state = 'new' AND NOT EXISTS ("
                " SELECT 1 FROM procrastinate_jobs j WHERE j.task_name = :task"
                " AND j.status IN ('todo', 'doing') AND j.lock = 'case:' || c.id)"
                " ORDER BY c.id"
            ),
            {"task": ANALYSE_TASK},
        )
        orphans = [int(r[0]) for r in rows]
        for case_id in orphans:
            await defer_in(
                s, ANALYSE_TASK, ANALYSE_QUEUE, {"case_id": case_id}, lock=case_lock(case_id)
            )
        return orphans


@dataclass(frozen=True, slots=True)
class QueueDepth:
    queue: str
    waiting: int
    running: int
    failed: int
    oldest_waiting: datetime | None  # when the oldest waiting job was deferred


@dataclass(frozen=True, slots=True)
class QueueReport:
    """What a person on call asks first (`netra status`)."""

    queues: list[QueueDepth]
    workers_alive: int
    last_heartbeat: datetime | None
    now: datetime


async def queue_report(db: Db, alive_within_seconds: float) -> QueueReport:
    async with transaction(db, read_only=True) as s:
        rows = await s.execute(
            text(
                "SELECT j.queue_name,"
                " count(*) FILTER (WHERE j.status = 'todo'),"
                " count(*) FILTER (WHERE j.status = 'doing'),"
                " count(*) FILTER (WHERE j.status = 'failed'),"
                " min(e.at) FILTER (WHERE j.status = 'todo')"
                " FROM procrastinate_jobs j LEFT JOIN procrastinate_events e"
                " ON e.job_id = j.id AND e.type = 'deferred'"
                " GROUP BY j.queue_name ORDER BY j.queue_name"
            )
        )
        queues = [QueueDepth(q, int(w), int(r), int(f), at) for q, w, r, f, at in rows]
        alive, last = (
            await s.execute(
                text(
                    "SELECT count(*) FILTER (WHERE last_heartbeat >= now() - make_interval("
                    "secs => :within)), max(last_heartbeat) FROM procrastinate_workers"
                ),
                {"within": alive_within_seconds},
            )
        ).one()
        return QueueReport(queues, int(alive or 0), last, utcnow())
