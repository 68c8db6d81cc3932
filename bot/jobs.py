"""The send lane of PostgreSQL mode: cards for the moderators go out as jobs of the shared
queue (`netra.jobs`), worked by whichever process runs the "send" queue, with the Telegram
client of that process — whose rate limiter reserves every send in the database
(`store.pacing`), so Telegram's limits hold for the bot as a whole, not per process.

`run_job_queues` is what `netra run` (its `queue.bot_queues`) and `netra worker` start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

import procrastinate
from telegram import Bot
from telegram.ext import ExtBot

import store
from bot import followups
from bot.sending import FairRateLimiter
from bot.worker import post_card_once
from netra import jobs
from netra.config import Config
from netra.errors import ConfigError
from netra.services import Services, start_services, stop_services
from wording import id as t

log = logging.getLogger(__name__)


def register_sending(app: procrastinate.App, services: Services, bot: Bot) -> None:
    @app.task(name=store.CARD_TASK, queue=store.SEND_QUEUE, retry=jobs.RETRY)
    async def post_card(case_id: int, version: int) -> None:
        await post_card_once(bot, services, case_id, version)

    @app.task(name=store.OUTCOME_TASK, queue=store.SEND_QUEUE, retry=jobs.RETRY)
    async def tell_outcome(case_id: int) -> None:
        await followups.tell_outcome(bot, services, case_id)


def job_app(
    services: Services, bot: Bot | None, queues: tuple[str, ...] | list[str]
) -> procrastinate.App:
    """A procrastinate app with the tasks of `queues` registered."""
    app = jobs.make_app(services)
    if store.ANALYSE_QUEUE in queues:
        jobs.register_analysis(app, services)
    if store.SEND_QUEUE in queues:
        if bot is None:
            raise ValueError("the send queue needs a Telegram client")
        register_sending(app, services, bot)
    return app


async def run_job_queues(
    services: Services, bot: Bot | None, queues: tuple[str, ...] | list[str]
) -> None:
    """Work `queues` of the shared job queue until cancelled."""
    app = job_app(services, bot, queues)
    log.info("working the job queues: %s", ", ".join(queues))
    await jobs.run_queues(app, services, jobs.queue_sizes(services, queues))


def worker_bot(config: Config, limiter: FairRateLimiter) -> ExtBot[None]:
    """A `netra worker`'s Telegram client: the bot's token and server, the shared pace."""
    return ExtBot(
        config.telegram.token,
        base_url=config.telegram.api_base_url,
        base_file_url=config.telegram.file_base_url,
        rate_limiter=limiter,
    )


async def serve_worker(config: Config, queues: tuple[str, ...] | list[str]) -> None:
    """`netra worker`: the same config as the bot, on any machine; works `queues` of the shared
    job queue until SIGTERM or SIGINT, then lets the jobs in hand finish."""
    if not config.distributed:
        raise ConfigError(t.CONFIG_WORKER_NEEDS_POSTGRES)
    if store.SEND_QUEUE in queues and not config.telegram.token:
        raise ConfigError(t.CONFIG_NO_TOKEN)
    services = await start_services(config, worker=True)
    bot: ExtBot[None] | None = None
    try:
        if store.SEND_QUEUE in queues:
            limiter = FairRateLimiter()
            limiter.share(services.db)
            bot = worker_bot(config, limiter)
            await bot.initialize()
        runner = asyncio.create_task(run_job_queues(services, bot, queues))
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, runner.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await runner
    finally:
        if bot is not None:
            await bot.shutdown()
        await stop_services(services)
