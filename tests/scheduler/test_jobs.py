"""Scheduled jobs driven by a fixed clock: exactly-once digests, catch-up within the grace
period, concurrent runs, retries, retention and the backlog reminder; and the registration of
the jobs on PTB's JobQueue with the right times and time zone."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from telegram import Bot
from telegram.ext import ApplicationBuilder

import scheduler
import store
from bot.fake_telegram import FakeTelegram
from netra.config import DigestSettings, ReminderSettings, SchedulerSettings
from rules.election import parse_election
from tests.conftest import ELECTION_TOML
from tests.seeding import (
    ADMIN,
    EXTRA_CHAT,
    MOD_CHAT,
    NOW,
    D,
    H,
    StubServices,
    make_seeded_config,
    open_services,
    seed_all,
)

JAKARTA = ZoneInfo("Asia/Jakarta")


def digests_to(tg: FakeTelegram, chat_id: int) -> list[dict]:
    return [m for m in tg.sent if m["chat"]["id"] == chat_id and m.get("_method") == "sendPhoto"]


async def installed(svc: StubServices, at: datetime = NOW - 10 * D) -> None:
    """The scheduler first started at `at` (digests are owed from then on)."""
    await store.digest_since(svc.db, at)


def test_last_digest_time_in_election_zone() -> None:
    at = time(7, 0)
    assert scheduler.last_digest_time(NOW, JAKARTA, at) == NOW  # exactly 07:00 WIB
    assert scheduler.last_digest_time(NOW - timedelta(seconds=1), JAKARTA, at) == NOW - D
    assert scheduler.last_digest_time(NOW + 23 * H, JAKARTA, at) == NOW
    assert scheduler.period_key(NOW) == "digest:2026-11-25T00:00Z"


async def test_scheduled_digest_sent_once(seeded: StubServices, tg: FakeTelegram, bot: Bot) -> None:
    await installed(seeded)
    out = await scheduler.run_digest(seeded, bot, NOW)
    assert out.sent == [ADMIN] and not out.failed
    [photo] = digests_to(tg, ADMIN)
    assert "photo" in photo and len(photo["caption"]) <= 1024
    assert "periode: 24-11-2026 07:00 – 25-11-2026 07:00 WIB" in photo["caption"]
    texts = [m for m in tg.sent if m["chat"]["id"] == ADMIN and "text" in m]
    assert any("Antrean moderator: 2 kasus" in m["text"] for m in texts)
    assert not any("terlambat" in m["text"] for m in texts)
    doc = [m for m in tg.sent if m["chat"]["id"] == ADMIN and "document" in m][-1]
    assert doc["document"]["file_name"].endswith(".xlsx")
    assert tg.file_bytes(doc["document"]["file_id"])[:2] == b"PK"
    # Again (a restart, the periodic check, the catch-up job): nothing more is sent.
    again = await scheduler.run_digest(seeded, bot, NOW + 2 * H)
    assert again.sent == [] and again.skipped == [ADMIN]
    assert len(digests_to(tg, ADMIN)) == 1
    runs = await store.digest_runs(seeded.db)
    assert [(r.period_key, r.chat_id, r.state) for r in runs] == [
        ("digest:2026-11-25T00:00Z", ADMIN, "sent")
    ]


async def test_extra_chats_get_the_digest(tmp_path: Path, tg: FakeTelegram, bot: Bot) -> None:
    svc = await open_services(
        make_seeded_config(tmp_path, digest=DigestSettings(chat_ids=(EXTRA_CHAT, ADMIN)))
    )
    await installed(svc)
    out = await scheduler.run_digest(svc, bot, NOW)
    assert out.sent == [ADMIN, EXTRA_CHAT]
    await svc.db.kw["bind"].dispose()


async def test_missed_digest_sent_on_startup_within_grace(
    seeded: StubServices, tg: FakeTelegram, bot: Bot
) -> None:
    await installed(seeded)
    # The bot was down at 07:00 and comes back at 10:00 WIB: the catch-up run sends it, late.
    out = await scheduler.run_digest(seeded, bot, NOW + 3 * H)
    assert out.sent == [ADMIN]
    texts = [m["text"] for m in tg.sent if m["chat"]["id"] == ADMIN and "text" in m]
    assert any(
        "periode: 24-11-2026 07:00 – 25-11-2026 07:00 WIB" in t and "terlambat" in t for t in texts
    )


async def test_missed_digest_not_sent_outside_grace(
    seeded: StubServices, tg: FakeTelegram, bot: Bot
) -> None:
    await installed(seeded)
    out = await scheduler.run_digest(seeded, bot, NOW + 12 * H + timedelta(minutes=1))
    assert out.sent == [] and out.reason == "outside grace"
    assert digests_to(tg, ADMIN) == []
    assert await store.digest_runs(seeded.db) == []


async def test_no_digest_owed_before_first_start(
    seeded: StubServices, tg: FakeTelegram, bot: Bot
) -> None:
    """A fresh install at 09:00 does not send "yesterday's" 07:00 digest."""
    await installed(seeded, at=NOW + 2 * H)
    out = await scheduler.run_digest(seeded, bot, NOW + 3 * H)
    assert out.sent == [] and out.reason == "before the scheduler existed"


async def test_two_processes_send_exactly_one(tmp_path: Path, tg: FakeTelegram, bot: Bot) -> None:
    """Two processes (separate engines on one database) run the same digest at once."""
    config = make_seeded_config(tmp_path)
    one = await open_services(config)
    two = await open_services(config)
    await seed_all(one)
    await installed(one)
    a, b = await asyncio.gather(
        scheduler.run_digest(one, bot, NOW), scheduler.run_digest(two, bot, NOW)
    )
    assert sorted([len(a.sent), len(b.sent)]) == [0, 1]
    assert len(digests_to(tg, ADMIN)) == 1
    for svc in (one, two):
        await svc.db.kw["bind"].dispose()


async def test_failed_send_is_retried_later(
    seeded: StubServices, tg: FakeTelegram, bot: Bot
) -> None:
    await installed(seeded)
    tg.fail_next("sendPhoto", 400)  # e.g. chat not found: not retried within the call
    out = await scheduler.run_digest(seeded, bot, NOW)
    assert out.failed == [ADMIN]
    [run] = await store.digest_runs(seeded.db)
    assert run.state == "failed" and run.error
    retry = await scheduler.run_digest(seeded, bot, NOW + H)  # the hourly check
    assert retry.sent == [ADMIN]
    [run] = await store.digest_runs(seeded.db)
    assert (run.state, run.attempts) == ("sent", 2)
    assert len(digests_to(tg, ADMIN)) == 1


async def test_stale_claim_is_taken_over(seeded: StubServices, tg: FakeTelegram, bot: Bot) -> None:
    """A sender that died after claiming: others wait for the claim timeout, then send."""
    await installed(seeded)
    key = scheduler.period_key(NOW)
    token = await store.claim_digest(
        seeded.db,
        period_key=key,
        chat_id=ADMIN,
        start=NOW - D,
        end=NOW,
        now=NOW,
        stale_after=timedelta(minutes=30),
    )
    assert token
    early = await scheduler.run_digest(seeded, bot, NOW + timedelta(minutes=10))
    assert early.skipped == [ADMIN] and not early.sent
    late = await scheduler.run_digest(seeded, bot, NOW + H)
    assert late.sent == [ADMIN]
    # The dead sender's late confirmation does not overwrite the new claim's outcome.
    assert not await store.finish_digest(
        seeded.db, period_key=key, chat_id=ADMIN, token=token, now=NOW + H
    )


async def test_retention_deletes_only_eligible_files(seeded: StubServices) -> None:
    c = seeded.cases
    paths = {}
    for name, case_id in c.items():
        detail = await store.get_case(seeded.db, case_id)
        assert detail
        paths[name] = seeded.files.root / detail.image_path
        assert paths[name].exists()
    result = await scheduler.run_retention(seeded, None, NOW)
    assert (result.cases, result.files) == (2, 2)
    for name in c:
        gone = name in ("c9", "c10")  # clear 40 days ago, rejected 35 days ago
        assert paths[name].exists() is not gone, name
    c9 = await store.get_case(seeded.db, c["c9"])
    assert c9 and c9.files_deleted_at == NOW and c9.sha256  # hash and state stay
    audit = await store.audit_of(seeded.db, c["c10"])
    assert audit[-1].action == "files_deleted" and audit[-1].actor == "system"
    assert (await scheduler.run_retention(seeded, None, NOW + H)).cases == 0  # idempotent


async def test_reminder_not_repeated_within_window(
    seeded: StubServices, tg: FakeTelegram, bot: Bot
) -> None:
    # Oldest pending: c6, 40 hours old at NOW (> 6 h).
    assert await scheduler.run_reminder(seeded, bot, NOW)
    reminders = lambda: [m for m in tg.sent if m["chat"]["id"] == MOD_CHAT]  # noqa: E731
    assert len(reminders()) == 1
    assert f"Kasus #{seeded.cases['c6']}</b>" not in reminders()[0]["text"]  # entities parsed
    assert "Kasus #" in reminders()[0]["text"] and "40 jam" in reminders()[0]["text"]
    assert not await scheduler.run_reminder(seeded, bot, NOW + H)
    assert not await scheduler.run_reminder(seeded, bot, NOW + 2 * H + 59 * timedelta(minutes=1))
    # A restart does not reset the window (it is in the database).
    other = replace(seeded)
    assert not await scheduler.run_reminder(other, bot, NOW + 2 * H)
    assert await scheduler.run_reminder(seeded, bot, NOW + 3 * H)
    assert len(reminders()) == 2


async def test_no_reminder_for_young_backlog(tmp_path: Path, tg: FakeTelegram, bot: Bot) -> None:
    svc = await open_services(
        make_seeded_config(tmp_path, reminders=ReminderSettings(after_hours=48))
    )
    await seed_all(svc)  # oldest pending is 40 h old
    assert not await scheduler.run_reminder(svc, bot, NOW)
    await svc.db.kw["bind"].dispose()


async def test_jobs_registered_with_times_and_zone(seeded: StubServices) -> None:
    app = ApplicationBuilder().token("123456:TEST-token").build()
    clock_calls: list[datetime] = []

    def clock() -> datetime:
        clock_calls.append(NOW)
        return NOW

    sched = await scheduler.start_scheduler(app, seeded, clock=clock)  # type: ignore[arg-type]
    jobs = {j.name: j for j in app.job_queue.jobs()}
    assert set(jobs) == set(scheduler.JOB_NAMES)
    digest = jobs["netra-digest"].job.trigger
    assert isinstance(digest, CronTrigger)
    assert str(digest.timezone) == "Asia/Jakarta"
    nxt = digest.get_next_fire_time(None, NOW + timedelta(seconds=1))
    assert nxt.astimezone(JAKARTA).strftime("%Y-%m-%d %H:%M") == "2026-11-26 07:00"
    retention = jobs["netra-retention"].job.trigger
    nxt = retention.get_next_fire_time(None, NOW)
    assert nxt.astimezone(JAKARTA).strftime("%H:%M") == "03:30"
    checks = jobs["netra-checks"].job.trigger
    assert isinstance(checks, IntervalTrigger) and checks.interval == timedelta(hours=1)
    assert await store.digest_since(seeded.db, NOW + D) == NOW  # recorded by the first start
    sched.stop()
    assert sched.jobs == []


async def test_configured_time_and_disable(tmp_path: Path) -> None:
    svc = await open_services(
        make_seeded_config(
            tmp_path,
            digest=DigestSettings(time="18:45"),
            scheduler=SchedulerSettings(check_every_minutes=30),
        )
    )
    app = ApplicationBuilder().token("123456:TEST-token").build()
    await scheduler.start_scheduler(app, svc)  # type: ignore[arg-type]
    jobs = {j.name: j for j in app.job_queue.jobs()}
    nxt = jobs["netra-digest"].job.trigger.get_next_fire_time(None, NOW)
    assert nxt.astimezone(JAKARTA).strftime("%H:%M") == "18:45"
    assert jobs["netra-checks"].job.trigger.interval == timedelta(minutes=30)
    off = await open_services(
        make_seeded_config(tmp_path / "off", scheduler=SchedulerSettings(enabled=False))
    )
    app2 = ApplicationBuilder().token("123456:TEST-token").build()
    await scheduler.start_scheduler(app2, off)  # type: ignore[arg-type]
    assert app2.job_queue.jobs() == ()
    for s in (svc, off):
        await s.db.kw["bind"].dispose()


async def test_jobs_follow_a_new_election_time_zone(seeded: StubServices) -> None:
    app = ApplicationBuilder().token("123456:TEST-token").build()
    sched = await scheduler.start_scheduler(app, seeded)  # type: ignore[arg-type]
    assert not await sched.follow_election()  # same zone: nothing moves
    seeded.election = parse_election(ELECTION_TOML.replace("Asia/Jakarta", "Asia/Makassar"))
    assert await sched.follow_election()
    jobs = [j for j in app.job_queue.jobs() if j.name == "netra-digest"]
    assert len(jobs) == 1  # moved, not duplicated
    nxt = jobs[0].job.trigger.get_next_fire_time(None, NOW + timedelta(seconds=1))
    assert nxt.astimezone(ZoneInfo("Asia/Makassar")).strftime("%H:%M") == "07:00"
    assert nxt.astimezone(JAKARTA).strftime("%H:%M") == "06:00"
    sched.stop()
