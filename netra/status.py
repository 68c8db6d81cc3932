"""`netra status`: what a person on call asks first — is work waiting, since when, is anyone
working it, did the digest go out. Read-only; the same lines in either mode."""

from __future__ import annotations

from datetime import datetime

import store
from netra.config import Config
from wording import id as t


async def status_lines(config: Config) -> list[str]:
    engine = store.create_engine(config.database_url)
    db = store.session_factory(engine)
    try:
        lines = await (_postgres(db, config) if config.distributed else _sqlite(db))
        last = await store.last_digest_sent(db)
        lines.append(t.STATUS_LAST_DIGEST.format(when=t.when(last)) if last else t.STATUS_NO_DIGEST)
        return lines
    finally:
        await engine.dispose()


async def _sqlite(db: store.Db) -> list[str]:
    waiting = await store.pending_analysis(db)
    return [t.STATUS_MODE_SQLITE, t.STATUS_UNANALYSED.format(count=len(waiting))]


async def _postgres(db: store.Db, config: Config) -> list[str]:
    report = await store.queue_report(db, config.queue.stalled_after_seconds)
    lines = [t.STATUS_MODE_POSTGRES]
    for depth in report.queues:
        lines.append(
            t.STATUS_QUEUE.format(
                queue=depth.queue, waiting=depth.waiting, running=depth.running, failed=depth.failed
            )
        )
    oldest = min(
        ((q.oldest_waiting, q.queue) for q in report.queues if q.oldest_waiting is not None),
        default=None,
    )
    if oldest is None:
        lines.append(t.STATUS_NONE_WAITING)
    else:
        lines.append(t.STATUS_OLDEST.format(age=_age(report.now, oldest[0]), queue=oldest[1]))
    if report.workers_alive and report.last_heartbeat is not None:
        age = _age(report.now, report.last_heartbeat)
        lines.append(t.STATUS_WORKERS.format(alive=report.workers_alive, age=age))
    else:
        lines.append(t.STATUS_NO_WORKERS)
    waiting = await store.pending_analysis(db)
    lines.append(t.STATUS_UNANALYSED.format(count=len(waiting)))
    return lines


def _age(now: datetime, then: datetime) -> str:
    seconds = max(0, int((now - then).total_seconds()))
    return t.STATUS_SECONDS.format(seconds=seconds) if seconds < 120 else t.age(now - then)
