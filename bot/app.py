"""Wiring: builds the python-telegram-bot Application and registers every handler.

Every entry point of the bot is listed in `build_application`. Services (database, analysis
pool, roster) start in `startup`, inside the application's event loop, and stop in
`shutdown`; `run` serves with long polling or, when configured, a webhook.

Handlers receive a typed `bot.context.NetraContext` (`context.services`, `context.bot_data`).
Three seams of python-telegram-bot carry the reliability rules: the update queue
(`bot.updates.InboxQueue`: every update is on disk before Telegram is told it arrived, in
polling and webhook mode alike), the update processor (`bot.updates.UpdateProcessor`: one
update at a time per user, done only when handled) and the rate limiter
(`bot.sending.FairRateLimiter`: every request paced per chat, retried, fitted to length).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

import scheduler
from bot.context import CONTEXT_TYPES, NetraApplication
from bot.handlers import admin, fallback, moderator, reporter
from bot.jobs import run_job_queues
from bot.sending import FairRateLimiter
from bot.throttle import NoticeThrottle
from bot.updates import InboxGate, InboxQueue, UpdateProcessor, attach, recover
from bot.worker import start_workers
from netra.config import Config
from netra.errors import ConfigError
from netra.logs import setup_logging
from netra.services import start_services, stop_services
from wording import id as t

log = logging.getLogger(__name__)

COMMANDS = [
    BotCommand("start", t.COMMAND_START),
    BotCommand("status", t.COMMAND_STATUS),
    BotCommand("help", t.COMMAND_HELP),
]


async def startup(application: NetraApplication) -> None:
    data = application.bot_data
    assert data.config is not None, "built by build_application"
    services = await start_services(data.config)
    data.services = services
    queue, processor = application.update_queue, application.update_processor
    if isinstance(queue, InboxQueue) and isinstance(processor, UpdateProcessor):
        inbox = attach(queue, processor, data.inbox_gate, services.db, application.bot)
        await recover(queue, inbox, application.bot, processor)
    await start_workers(application.bot, services)
    if services.distributed:  # PostgreSQL mode: the shared pace and job queue
        if isinstance(application.bot.rate_limiter, FairRateLimiter):
            application.bot.rate_limiter.share(services.db)
        if services.config.queue.bot_queues:
            runner = run_job_queues(services, application.bot, services.config.queue.bot_queues)
            services.tasks.append(asyncio.create_task(runner))
    data.scheduler = await scheduler.start_scheduler(application, services)
    try:
        await application.bot.set_my_commands(COMMANDS)
    except Exception:
        log.warning("could not set the command menu")


async def shutdown(application: NetraApplication) -> None:
    data = application.bot_data
    scheduler.stop_scheduler(data.scheduler)
    data.scheduler = None
    services, data.services = data.services, None
    if services is not None:
        await stop_services(services)


WORKERS = 16  # updates handled at once (each user's in order; see bot.updates)


def build_application(
    config: Config, *, rate_limiter: BaseRateLimiter | None = None
) -> NetraApplication:
    """The Application with every handler; `rate_limiter` replaces the default fair limiter
    (tests with many cards raise the moderators' group pace)."""
    if not config.telegram.token:
        raise ConfigError(t.CONFIG_NO_TOKEN)
    gate = InboxGate()
    application = (
        Application.builder()
        .token(config.telegram.token)
        .context_types(CONTEXT_TYPES)
        .base_url(config.telegram.api_base_url)
        .base_file_url(config.telegram.file_base_url)
        .update_queue(InboxQueue(batched=config.bot.mode != "webhook"))
        .get_updates_request(gate)
        .rate_limiter(rate_limiter or FairRateLimiter())
        .concurrent_updates(UpdateProcessor(workers=WORKERS))
        .post_init(startup)
        .post_shutdown(shutdown)
        .build()
    )
    application.bot_data.config = config
    application.bot_data.inbox_gate = gate
    application.bot_data.notices = NoticeThrottle(config.bot.notice_every_seconds)
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            # the public
            CommandHandler("start", reporter.start, filters=private),
            CommandHandler("help", reporter.help_command, filters=private),
            CommandHandler("status", reporter.status, filters=private),
            MessageHandler(filters.PHOTO & private, reporter.screenshot),
            MessageHandler(filters.Document.ALL & private, admin.document),
            MessageHandler(filters.TEXT & ~filters.COMMAND & private, reporter.text_only),
            # moderators
            CallbackQueryHandler(moderator.button, pattern=r"^m:"),
            CallbackQueryHandler(fallback.unknown_button),
            CommandHandler("queue", moderator.queue),
            CommandHandler("case", moderator.case),
            CommandHandler("reanalyse", moderator.reanalyse),
            # admins
            CommandHandler("roster", admin.roster),
            CommandHandler("election", admin.election),
            CommandHandler("block", admin.block),
            CommandHandler("unblock", admin.unblock),
            CommandHandler("reveal", admin.reveal),
            CommandHandler("archive", admin.archive),
            CommandHandler("digest", admin.digest, filters=private),
            CommandHandler("export", admin.export, filters=private),
            CommandHandler("berkas", admin.berkas, filters=private),
            # anything else in private: a short answer
            MessageHandler(private & ~filters.COMMAND, reporter.unsupported),
        ]
    )
    application.add_error_handler(fallback.on_error)
    return application


def run(config: Config) -> None:
    """Serve until interrupted: long polling, or a webhook when `bot.mode = "webhook"`."""
    setup_logging([config.telegram.token, config.webhook_secret])
    application = build_application(config)
    if config.bot.mode == "webhook":
        application.run_webhook(**webhook_options(config), allowed_updates=Update.ALL_TYPES)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def webhook_options(config: Config) -> dict[str, object]:
    """Where the webhook listens and what Telegram is told; the secret comes from the env."""
    if not config.bot.webhook_url:
        raise ConfigError(t.CONFIG_NO_WEBHOOK_URL)
    return {
        "listen": config.bot.webhook_listen,
        "port": config.bot.webhook_port,
        "url_path": "telegram",
        "webhook_url": config.bot.webhook_url,
        "secret_token": config.webhook_secret or None,
    }
