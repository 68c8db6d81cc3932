"""Every scheduled job of Netra, on PTB's JobQueue (an APScheduler 3 AsyncIOScheduler).

Jobs (registered by `start_scheduler` from `bot.app.startup`):

* ``netra-digest`` — daily at ``digest.time`` (default 07:00) in the election's time zone: the
  admins' digest for the 24 hours ending then, to every admin and ``digest.chat_ids``.
* ``netra-retention`` — daily at ``retention.time``: deletes screenshot files of rejected
  and clear cases settled more than ``retention.days`` ago.
* ``netra-checks`` — every ``scheduler.check_every_minutes`` (default hourly): the backlog reminder,
  the admins' deadline reminders (an approved case with ``reminders.deadline_days_left`` days
  left of Bawaslu's deadline and not handed over, once per case), and a retry of the latest
  digest if it is still owed (a failed or missed send).
* ``netra-catch-up`` — once, a few seconds after start-up: sends the latest digest if its time
  passed while the bot was down and we are still within ``digest.catch_up_grace_hours``.

Each job is a plain coroutine taking ``(services, bot, now)`` — `run_digest`, `run_retention`,
`run_reminder`, `run_checks` — so tests call them with a fixed time; the JobQueue callbacks only
read the injectable clock (`Scheduler.clock`) and delegate. No timer loops of our own.

Exactly once: a digest is claimed per (period, chat) in `digest_runs` (UNIQUE) before sending
and confirmed after; see `store.ledgers` for the claim/stale-claim rules.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot, InputFile
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, CallbackContext, Job

import store
from netra import digest as digest_mod
from netra import housekeeping
from netra.digest import DigestBundle
from netra.housekeeping import RetentionResult
from netra.services import Services
from wording import id as t

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
JOB_NAMES = ("netra-digest", "netra-retention", "netra-checks", "netra-catch-up")
LATE_AFTER = timedelta(minutes=10)  # a digest sent later than this says it is late
CATCH_UP_DELAY = timedelta(seconds=3)


def system_clock() -> datetime:
    return datetime.now(UTC)


def parse_hhmm(value: str) -> time:
    hour, minute = (int(x) for x in value.split(":"))
    return time(hour, minute)


def last_digest_time(now: datetime, tz: ZoneInfo, at: time) -> datetime:
    """The most recent scheduled digest time at or before `now` (aware UTC)."""
    local = now.astimezone(tz)
    candidate = datetime.combine(local.date(), at, tz)
    if candidate > local:
        candidate = datetime.combine(local.date() - timedelta(days=1), at, tz)
    return candidate.astimezone(UTC)


def period_key(end: datetime) -> str:
    return "digest:" + end.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def recipients(services: Services) -> list[int]:
    cfg = services.config
    return list(dict.fromkeys([*cfg.telegram.admin_ids, *cfg.digest.chat_ids]))


# ---------------------------------------------------------------- jobs (plain coroutines)


@dataclass
class DigestOutcome:
    period_key: str | None
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # someone else has it / already sent
    reason: str = ""  # why nothing was attempted


async def run_digest(services: Services, bot: Bot, now: datetime) -> DigestOutcome:
    """Send the latest scheduled digest if it is still owed; safe to call at any time and from
    several processes (each (period, chat) is claimed once). Called at the scheduled time, at
    start-up (catch-up) and by the periodic check (retry of failed sends)."""
    settings = services.config.digest
    tz = services.election.zone
    end = last_digest_time(now, tz, parse_hhmm(settings.time))
    start = end - timedelta(days=1)
    key = period_key(end)
    if now - end > timedelta(hours=settings.catch_up_grace_hours):
        log.info("digest %s: outside the catch-up grace period, not sent", key)
        return DigestOutcome(key, reason="outside grace")
    since = await store.digest_since(services.db, now)
    if end < since:
        return DigestOutcome(key, reason="before the scheduler existed")
    outcome = DigestOutcome(key)
    bundle = None
    for chat_id in recipients(services):
        token = await store.claim_digest(
            services.db,
            period_key=key,
            chat_id=chat_id,
            start=start,
            end=end,
            now=now,
            stale_after=timedelta(minutes=settings.claim_timeout_minutes),
            max_attempts=settings.max_attempts,
        )
        if token is None:
            outcome.skipped.append(chat_id)
            continue
        try:
            if bundle is None:
                bundle = await digest_mod.build_digest(
                    services, start=start, end=end, late=now - end > LATE_AFTER
                )
            await send_digest(bot, chat_id, bundle)
        except Exception as exc:  # recorded as failed: the periodic check retries
            log.warning("digest %s to a chat failed: %s", key, type(exc).__name__)
            await store.finish_digest(
                services.db,
                period_key=key,
                chat_id=chat_id,
                token=token,
                now=now,
                error=f"{type(exc).__name__}: {exc}"[:200],
            )
            outcome.failed.append(chat_id)
            continue
        await store.finish_digest(
            services.db, period_key=key, chat_id=chat_id, token=token, now=now
        )
        outcome.sent.append(chat_id)
    if outcome.sent or outcome.failed:
        log.info(
            "digest %s: sent to %d chats, %d failed", key, len(outcome.sent), len(outcome.failed)
        )
    return outcome


async def run_retention(services: Services, bot: Bot | None, now: datetime) -> RetentionResult:
    """Delete screenshot files of rejected/clear cases past retention (`netra.housekeeping`);
    hashes, decisions and the audit trail stay, approved cases keep their evidence."""
    return await housekeeping.delete_expired_files(services, now)


async def send_digest(bot: Bot, chat_id: int, bundle: DigestBundle) -> None:
    """Chart with a short caption, then the full text, then the XLSX export. Raises on failure.
    The scheduled digest and an admin's /digest are sent alike."""
    await bot.send_photo(
        chat_id,
        photo=InputFile(bundle.chart, filename=t.DIGEST_CHART_FILE),
        caption=bundle.caption,
    )
    for text in bundle.messages:
        await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
    if bundle.export is not None and bundle.export_name:
        await bot.send_document(
            chat_id,
            document=InputFile(bundle.export, filename=bundle.export_name),
            caption=bundle.export_caption,
        )


async def run_reminder(services: Services, bot: Bot, now: datetime) -> bool:
    """Remind the moderators' chat when the oldest pending case waits too long; at most once
    per `reminders.every_hours` across restarts and processes. True if sent."""
    settings = services.config.reminders
    chat_id = services.config.telegram.moderator_chat_id
    if chat_id is None:
        return False
    oldest = await store.oldest_pending(services.db)
    if oldest is None:
        return False
    case_id, created_at, backlog = oldest
    waited = now - created_at
    if waited < timedelta(hours=settings.after_hours):
        return False
    every = timedelta(hours=settings.every_hours)
    if not await store.claim_reminder(services.db, now=now, every=every):
        return False
    text = t.REMINDER.format(backlog=backlog, case=case_id, age=digest_mod.duration(waited))
    try:
        await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.warning("backlog reminder failed: %s", type(exc).__name__)
        await store.unclaim_reminder(services.db, previous=None)
        return False
    log.info("backlog reminder sent (%d pending)", backlog)
    return True


async def run_deadline_reminders(services: Services, bot: Bot, now: datetime) -> list[int]:
    """Remind the admins — the configured ones and the case's election's own — of each
    approved case whose Bawaslu deadline is `reminders.deadline_days_left` days away or
    closer and whose file was not handed over; once per case, across restarts and
    processes. Returns the cases reminded of."""
    due = await store.deadline_reminders_due(
        services.db,
        now=now,
        deadline_days=services.config.digest.deadline_days,
        warn_days=services.config.reminders.deadline_days_left,
    )
    reminded = []
    for case in due:
        if not await store.claim_deadline_reminder(services.db, case.case_id, now=now):
            continue
        own = services.election_of(case.election)
        admins = dict.fromkeys(
            [*services.config.telegram.admin_ids, *(own.admin_ids if own else ())]
        )
        text = t.DEADLINE_REMINDER.format(
            case=case.case_id,
            who=t.esc(case.asn_nama or t.DIGEST_UNKNOWN_ASN),
            election=f" · {t.esc(case.election)}" if case.election else "",
            left=t.days_hours(case.remaining),
        )
        sent = 0
        for admin in admins:
            try:
                await bot.send_message(admin, text, parse_mode=ParseMode.HTML)
                sent += 1
            except TelegramError as exc:
                log.warning("deadline reminder to an admin failed: %s", type(exc).__name__)
        if sent:
            reminded.append(case.case_id)
        else:
            await store.unclaim_deadline_reminder(services.db, case.case_id)
    return reminded


async def run_checks(services: Services, bot: Bot, now: datetime) -> None:
    """The periodic check: backlog reminder, deadline reminders, then a retry of an owed
    digest."""
    await run_reminder(services, bot, now)
    await run_deadline_reminders(services, bot, now)
    await run_digest(services, bot, now)


# ---------------------------------------------------------------- registration


class Scheduler:
    """Registers the jobs on the application's JobQueue; `clock` is injectable for tests."""

    def __init__(
        self, application: Application, services: Services, clock: Clock = system_clock
    ) -> None:
        self.application = application
        self.services = services
        self.clock = clock
        self.jobs: list[Job[Any]] = []
        self.tz: ZoneInfo | None = None

    async def start(self) -> None:
        config = self.services.config
        settings = config.digest
        if not config.scheduler.enabled:
            log.info("scheduler disabled (scheduler.enabled = false)")
            return
        jq = self.application.job_queue
        if jq is None:
            raise RuntimeError("python-telegram-bot[job-queue] is required for the scheduler")
        # Digests are owed from the first start on (see run_digest).
        await store.digest_since(self.services.db, self.clock())
        tz = self.tz = self.services.election.zone
        self.jobs = [
            jq.run_daily(
                self._job(run_digest),
                time=parse_hhmm(settings.time).replace(tzinfo=tz),
                name="netra-digest",
                job_kwargs={"misfire_grace_time": 3600, "coalesce": True},
            ),
            jq.run_daily(
                self._job(run_retention),
                time=parse_hhmm(config.retention.time).replace(tzinfo=tz),
                name="netra-retention",
                job_kwargs={"misfire_grace_time": 3600, "coalesce": True},
            ),
            jq.run_repeating(
                self._job(run_checks),
                interval=timedelta(minutes=config.scheduler.check_every_minutes),
                first=timedelta(minutes=config.scheduler.check_every_minutes),
                name="netra-checks",
                job_kwargs={"coalesce": True, "max_instances": 1},
            ),
            jq.run_once(self._job(run_digest), when=CATCH_UP_DELAY, name="netra-catch-up"),
        ]
        log.info(
            "scheduler: digest at %s %s, retention at %s",
            settings.time,
            tz.key,
            config.retention.time,
        )

    def _job(self, run: Callable[..., Any]) -> Callable[[CallbackContext[Any, Any, Any, Any]], Any]:
        async def callback(context: CallbackContext[Any, Any, Any, Any]) -> None:
            try:
                await run(self.services, context.bot, self.clock())
            except Exception:
                log.exception("scheduled job %s failed", run.__name__)

        callback.__name__ = run.__name__
        return callback

    async def follow_election(self) -> bool:
        """After an admin replaced the election file: move the daily jobs to its time zone
        if it changed (a digest already sent for a period is not sent again: see
        run_digest). Returns whether the jobs moved."""
        if self.tz is None or self.services.election.zone == self.tz:
            return False
        self.stop()
        await self.start()
        return True

    def stop(self) -> None:
        for job in self.jobs:
            with contextlib.suppress(Exception):  # already removed / scheduler shut down
                job.schedule_removal()
        self.jobs = []


async def start_scheduler(
    application: Application, services: Services, clock: Clock = system_clock
) -> Scheduler:
    scheduler = Scheduler(application, services, clock)
    await scheduler.start()
    return scheduler


def stop_scheduler(scheduler: Scheduler | None) -> None:
    if scheduler is not None:
        scheduler.stop()
