"""The shared job queue of PostgreSQL mode, on procrastinate: every process — `netra run`
instances and `netra worker`s on any machine — takes work from the same database.

* Jobs are deferred in the transaction of the row that needs them (`store.jobs`): a ticket
  commits with its analysis job, so no acknowledged report is without one.
* A job that raises is retried with backoff (`RETRY`). A job whose worker died (kill -9, a
  lost machine) stays "doing" with a silent worker: procrastinate's heartbeats show it, and
  every process runs `rescue_stalled`, which hands such jobs back to the queue once their
  worker has been silent `queue.stalled_after_seconds` — bounded, about that plus one
  heartbeat. Whatever a job does must therefore be safe to do twice: analysis saves one
  verdict (`store.save_verdict_once`), a card is posted once per case version.
* Each queue gets its own procrastinate worker in a process, so slow OCR never holds the
  send lane's slots.

The analysis task lives here (no Telegram); the send lane's tasks are registered by the bot
(`bot.jobs`), which owns the Telegram client.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

import procrastinate
from procrastinate import RetryStrategy
from sqlalchemy.engine import make_url

import store
from netra import worker
from netra.services import Services

log = logging.getLogger(__name__)

RETRY = RetryStrategy(max_attempts=8, wait=1, exponential_wait=2)  # 3 s, 5 s, 9 s … ~4 min
FOLLOW_INPUTS_EVERY = 5.0  # seconds between checks for a roster or election replaced elsewhere


def conninfo(database_url: str) -> str:
    """The SQLAlchemy URL as libpq understands it (procrastinate connects with psycopg)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(services: Services) -> procrastinate.App:
    """A procrastinate app on the services' database; tasks are registered on it next."""
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo(services.config.database_url), min_size=1, max_size=6
    )
    return procrastinate.App(connector=connector)


def register_analysis(app: procrastinate.App, services: Services) -> None:
    """The `analyse` task: one case through OCR and the rules, its card asked for."""
    followed = [0.0]

    @app.task(name=store.ANALYSE_TASK, queue=store.ANALYSE_QUEUE, retry=RETRY)
    async def analyse(case_id: int) -> None:
        if time.monotonic() - followed[0] > FOLLOW_INPUTS_EVERY:
            await services.follow_inputs()
            followed[0] = time.monotonic()
        state = await worker.analyse_case(services, case_id)
        if state is None:  # analysed before (this job runs again): is its card still owed?
            await card_if_owed(services, case_id)


async def card_if_owed(services: Services, case_id: int) -> None:
    """A case a moderator must see whose card was never posted for its current version (the
    worker died between the verdict and the card's job): ask for it. Posting checks again."""
    case = await store.get_case(services.db, case_id)
    if (
        case is not None
        and case.state in ("flagged", "review")
        and case.card_version < case.version
    ):
        await services.request_card(case_id, case.version)


async def rescue_stalled(app: procrastinate.App, services: Services) -> None:
    """Forever: jobs left "doing" by a worker silent too long go back to the queue. Every
    process runs this; two rescuing one job is harmless (the second finds it waiting)."""
    settings = services.config.queue
    while True:
        await asyncio.sleep(settings.heartbeat_seconds)
        try:
            stalled = await app.job_manager.get_stalled_jobs(
                seconds_since_heartbeat=settings.stalled_after_seconds
            )
            for job in stalled:
                with contextlib.suppress(Exception):  # rescued by another process meanwhile
                    await app.job_manager.retry_job(job)
                    log.warning("job %s (%s) of a dead worker queued again", job.id, job.task_name)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database is away: try again next round
            log.warning("stalled jobs not checked: %s", type(exc).__name__)


async def run_queues(
    app: procrastinate.App,
    services: Services,
    queues: dict[str, int],
    started: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Work `queues` (name → jobs at once) until cancelled, with the stalled-job rescuer."""
    settings = services.config.queue
    async with app.open_async():
        if started is not None:
            await started()
        runners = [
            asyncio.create_task(
                app.run_worker_async(
                    queues=[queue],
                    name=f"netra-{queue}",
                    concurrency=concurrency,
                    install_signal_handlers=False,
                    update_heartbeat_interval=settings.heartbeat_seconds,
                    stalled_worker_timeout=settings.stalled_after_seconds,
                    delete_jobs="successful",
                )
            )
            for queue, concurrency in queues.items()
        ]
        runners.append(asyncio.create_task(rescue_stalled(app, services)))
        try:
            await asyncio.gather(*runners)
        finally:
            for runner in runners:
                runner.cancel()
            await asyncio.gather(*runners, return_exceptions=True)


def queue_sizes(services: Services, queues: tuple[str, ...] | list[str]) -> dict[str, int]:
    """How many jobs of each queue a process runs at once: OCR one per pool thread."""
    sizes = {
        store.ANALYSE_QUEUE: services.pool.workers,
        store.SEND_QUEUE: services.config.queue.send_concurrency,
    }
    return {queue: sizes[queue] for queue in queues}
