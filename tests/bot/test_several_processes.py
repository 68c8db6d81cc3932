"""PostgreSQL mode as separate OS processes against the fake Bot API: a bot and two
`netra worker`s, one of them killed -9 in the middle of a burst; two webhook instances given
the same update; a digest due while two bots run; one decision settled by two processes."""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import text
from telegram.ext import ExtBot

import store
from bot import followups
from bot.fake_telegram import FakeTelegram, contains
from bot.jobs import run_job_queues
from netra.config import TelegramSettings
from netra.services import start_services, stop_services
from tests.bot.bot_process import ADMIN, MOD_CHAT, MODERATOR, ROOT
from tests.bot.conftest import FLAGGED_VERDICT
from tests.bot.processes import NetraProcess, flagged_story, free_port
from tests.conftest import ROSTER_CSV
from tests.netra.test_jobs import new_case, pg_config
from tests.postgres import _admin, needs_postgres, pg_url  # noqa: F401 - the fixture
from tests.synth import render_story

pytestmark = [needs_postgres, pytest.mark.slow]
CASE = re.compile(r"Kasus #(\d+)")


async def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = store.create_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(r) for r in await conn.execute(text(sql))]
    finally:
        await engine.dispose()


def _cards(tg: FakeTelegram) -> Counter[int]:
    """Cards posted to the moderators' chat, by case number (edits are not posts)."""
    return Counter(
        int(m.group(1))
        for sent in tg.sent
        if sent.get("_method") == "sendPhoto" and sent["chat"]["id"] == MOD_CHAT
        if (m := CASE.search(sent.get("caption", "")))
    )


def _acks(tg: FakeTelegram) -> set[tuple[int, int]]:
    return {
        (m["chat"]["id"], m["reply_to_message"]["message_id"])
        for m in tg.sent
        if m.get("_method") == "sendMessage"
        and m.get("reply_to_message")
        and "diterima" in m["text"]
    }


async def _all_answered_analysed_and_carded(
    tg: FakeTelegram, url: str, sent: set[tuple[int, int]]
) -> bool:
    """Every screenshot answered with its ticket, every case analysed, every flagged or
    review case's card showing its latest version."""
    new = await _rows(url, "SELECT count(*) FROM cases WHERE state = 'new'")
    shown = await _rows(
        url,
        "SELECT count(*) FROM cases WHERE state IN ('flagged', 'review')"
        " AND (moderator_message_id IS NULL OR card_version < version)",
    )
    return sent <= _acks(tg) and new[0][0] == 0 and shown[0][0] == 0


async def _until(check, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.3)


async def test_a_worker_killed_mid_burst_loses_no_verdict_and_posts_no_card_twice(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    screenshots = 24
    tg.group(MOD_CHAT)
    bot = NetraProcess(tg, tmp_path / "bot", database_url=pg_url, queues=("send",))
    workers = [
        NetraProcess(
            tg, tmp_path / f"w{i}", database_url=pg_url, command="worker", queues=("analyse",)
        )
        for i in range(2)
    ]
    images = [render_story(flagged_story(i)) for i in range(screenshots)]
    sent: set[tuple[int, int]] = set()
    try:
        await bot.start()
        await asyncio.gather(*(w.start() for w in workers))
        users = [tg.user(7100 + i, f"Pelapor{i}") for i in range(5)]
        for i, image in enumerate(images):
            update = tg.send_photo(users[i % 5], image)
            sent.add((update["message"]["chat"]["id"], update["message"]["message_id"]))

        async def some_analysed() -> bool:
            rows = await _rows(pg_url, "SELECT count(*) FROM cases WHERE state <> 'new'")
            return int(rows[0][0]) >= 6  # type: ignore[call-overload]

        await _until(some_analysed, 90, "no case analysed")
        workers[0].kill()  # kill -9 while the burst is analysed
        assert await workers[0].wait_exit(10)

        async def all_done() -> bool:
            return await _all_answered_analysed_and_carded(tg, pg_url, sent)

        await _until(all_done, 150, "not every screenshot reached a verdict and a card")
        await asyncio.sleep(2.0)  # room for a second card to show up
    finally:
        for process in (bot, *workers):
            await process.close()
    tickets = await _rows(
        pg_url,
        "SELECT s.id, s.case_id, c.state FROM submissions s JOIN cases c ON c.id = s.case_id",
    )
    assert len(tickets) == screenshots
    assert {state for _t, _c, state in tickets} <= {"flagged", "review"}, tickets
    # Merged cases bring their audit trail along: a case and those merged into it were
    # each opened once and must each have been analysed once.
    trail = await _rows(
        pg_url, "SELECT case_id, action FROM audit_log WHERE action IN ('created', 'analysed')"
    )
    opened = Counter(case for case, action in trail if action == "created")
    verdicts = Counter(case for case, action in trail if action == "analysed")
    cases = {case for _t, case, _s in tickets}
    cards = _cards(tg)
    assert verdicts == opened, (verdicts, opened)  # one saved verdict each
    assert set(cards) == cases and max(cards.values()) == 1, cards  # a card each, once
    print(f"{len(cases)} cases for {screenshots} screenshots; worker 0 killed after it started")


async def test_a_database_outage_mid_burst_loses_nothing_acknowledged(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    """PostgreSQL goes away in the middle of a burst (every connection cut, new ones refused
    for four seconds, as in a restart): the bot and the worker reconnect; every screenshot
    is acknowledged once, reaches a verdict and, flagged, a card."""
    screenshots = 16
    tg.group(MOD_CHAT)
    bot = NetraProcess(tg, tmp_path / "bot", database_url=pg_url, queues=("send",))
    worker = NetraProcess(
        tg, tmp_path / "w", database_url=pg_url, command="worker", queues=("analyse",)
    )
    images = [render_story(flagged_story(i)) for i in range(screenshots)]
    sent: set[tuple[int, int]] = set()
    name = pg_url.rsplit("/", 1)[1]
    try:
        await bot.start()
        await worker.start()
        users = [tg.user(7200 + i, f"Pelapor{i}") for i in range(4)]
        for i, image in enumerate(images):
            update = tg.send_photo(users[i % 4], image)
            sent.add((update["message"]["chat"]["id"], update["message"]["message_id"]))

        async def some_acknowledged() -> bool:
            return len(_acks(tg) & sent) >= 5

        await _until(some_acknowledged, 60, "nothing acknowledged")
        await _admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await _admin(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        await asyncio.sleep(4.0)
        await _admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

        async def all_done() -> bool:
            return await _all_answered_analysed_and_carded(tg, pg_url, sent)

        try:
            await _until(all_done, 120, "not every screenshot reached a verdict and a card")
        except TimeoutError:
            states = await _rows(pg_url, "SELECT state, count(*) FROM cases GROUP BY state")
            jobs = await _rows(
                pg_url,
                "SELECT task_name, status, count(*) FROM procrastinate_jobs GROUP BY 1, 2",
            )
            raise AssertionError(
                f"unanswered {len(sent - _acks(tg))}, cases {states}, jobs {jobs}\n"
                f"bot:\n{bot.log_tail(40)}\nworker:\n{worker.log_tail(40)}"
            ) from None
        await asyncio.sleep(2.0)  # room for a second card or answer to show up
        assert bot.running and worker.running, "a process died of the outage"
    finally:
        await bot.close()
        await worker.close()
    tickets = await _rows(pg_url, "SELECT telegram_chat_id, telegram_message_id FROM submissions")
    assert sorted(tickets) == sorted(sent)  # each stored once
    answers = Counter(
        (m["chat"]["id"], m["reply_to_message"]["message_id"])
        for m in tg.sent
        if m.get("_method") == "sendMessage"
        and m.get("reply_to_message")
        and "diterima" in m["text"]
    )
    assert set(answers) == sent
    cards = _cards(tg)
    assert cards and max(cards.values()) == 1, cards


async def test_two_webhook_instances_given_the_same_update_make_one_ticket(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    instances = [
        NetraProcess(
            tg, tmp_path / f"web{i}", database_url=pg_url, queues=(), webhook_port=free_port()
        )
        for i in range(2)
    ]
    try:
        await asyncio.gather(*(web.start() for web in instances))
        reporter = tg.user(7300, "Pelapor")
        update = tg.send_photo(reporter, render_story(flagged_story(1)))
        headers = {"X-Telegram-Bot-Api-Secret-Token": "rahasia"}
        async with httpx.AsyncClient() as client:
            answers = await asyncio.gather(
                *(
                    client.post(
                        f"http://127.0.0.1:{web.webhook_port}/telegram",
                        json=update,
                        headers=headers,
                    )
                    for web in instances
                )
            )
        assert [a.status_code for a in answers] == [200, 200]
        await tg.wait_for(lambda m: "diterima" in m.get("text", ""), since=0, timeout=30)
        await asyncio.sleep(1.5)  # room for a second ticket or answer
        tickets = await _rows(pg_url, "SELECT id FROM submissions")
        inbox = await _rows(pg_url, "SELECT update_id, state FROM inbox")
        assert len(tickets) == 1 and len(_acks(tg)) == 1
        assert inbox == [(update["update_id"], "done")]
        # A worker given another roster than the one these bots use is refused, by name.
        other = NetraProcess(
            tg,
            tmp_path / "stranger",
            database_url=pg_url,
            command="worker",
            queues=("analyse",),
            roster=ROSTER_CSV + "199201012019011001,Dedi Kurnia,Staf,Dinas Sosial,Kota Contoh,,\n",
        )
        config = other.write_config()
        refused = subprocess.run(
            [sys.executable, "-m", "cli", "worker", "--config", str(config), "--queues", "analyse"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert refused.returncode == 2, refused.stderr
        assert "roster" in refused.stderr and "versi" in refused.stderr, refused.stderr
    finally:
        for web in instances:
            await web.close()


async def test_a_digest_due_while_two_bots_run_is_sent_once(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    """Both bots catch the owed digest up a few seconds after start-up, at the same moment;
    the `digest_runs` claim lets one of them send it."""
    tg.send_text(tg.user(ADMIN, "Admin"), "/start")  # the admin's private chat exists
    await store.migrate(pg_url)
    engine = store.create_engine(pg_url)
    db = store.session_factory(engine)
    now = datetime.now(UTC)
    await store.digest_since(db, now - timedelta(days=2))  # digests are owed since then
    await engine.dispose()
    due = (now - timedelta(minutes=5)).astimezone(ZoneInfo("Asia/Jakarta")).strftime("%H:%M")
    bots = [
        NetraProcess(
            tg,
            tmp_path / f"bot{i}",
            database_url=pg_url,
            queues=(),
            webhook_port=free_port(),
            scheduler=True,
            sections={"digest": {"time": due, "attach_export": False}},
        )
        for i in range(2)
    ]
    try:
        await asyncio.gather(*(b.start() for b in bots))
        await tg.wait_for(
            lambda m: m["chat"]["id"] == ADMIN and m.get("_method") == "sendPhoto",
            since=0,
            timeout=40,
        )
        await asyncio.sleep(6.0)  # the other bot's catch-up has run by now
    finally:
        for b in bots:
            await b.close()
    charts = [m for m in tg.sent if m["chat"]["id"] == ADMIN and m.get("_method") == "sendPhoto"]
    runs = await _rows(pg_url, "SELECT chat_id, state, attempts FROM digest_runs")
    assert len(charts) == 1, [m.get("caption") for m in charts]
    assert runs == [(ADMIN, "sent", 1)]


async def test_one_netra_run_on_postgresql_does_everything_itself(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    """The README's `netra run` with a PostgreSQL URL and nothing else: it works both queues."""
    bot = NetraProcess(tg, tmp_path / "bot", database_url=pg_url)
    try:
        await bot.start()
        tg.send_photo(tg.user(7400, "Pelapor"), render_story(flagged_story(4)))
        card = await tg.wait_for(
            lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, since=0, timeout=60
        )
        assert "Kasus #1" in card["caption"]
    finally:
        await bot.close()
    blobs = await _rows(pg_url, "SELECT count(*) FROM blobs")
    assert blobs[0][0] >= 3  # the screenshot, the roster and the election file


async def test_two_processes_settling_one_decision_tell_the_reporter_once(
    tg: FakeTelegram,
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    """Two processes settle the same decision at once (a press handled by one while the
    other starts up): the telling is a job under the case's lock, so the reporter hears the
    outcome once — told inline, each would read "not told yet" and both would tell it."""
    reporter = tg.user(7000, "Pelapor")
    tg.send_text(reporter, "/start")  # the reporter's chat exists
    tg._queue.clear()  # nobody polls here
    settings = TelegramSettings(
        token=tg.token,
        api_base_url=f"{tg.url}/bot",
        file_base_url=f"{tg.url}/file/bot",
        moderator_chat_id=MOD_CHAT,
    )
    one = await start_services(replace(pg_config(tmp_path / "one", pg_url), telegram=settings))
    two = await start_services(replace(pg_config(tmp_path / "two", pg_url), telegram=settings))
    bots = [ExtBot(tg.token, base_url=f"{tg.url}/bot") for _ in range(2)]
    worker_task: asyncio.Task[None] | None = None
    try:
        for b in bots:
            await b.initialize()
        case_id = await new_case(one, 1)
        await store.save_verdict(one.db, case_id, dict(FLAGGED_VERDICT))
        async with one.db() as s, s.begin():  # analysed here, not by its job
            await s.execute(text("DELETE FROM procrastinate_jobs WHERE task_name = 'analyse'"))
        await store.decide_case(one.db, case_id, actor=MODERATOR, decision="approved")
        mark = len(tg.sent)
        await asyncio.gather(
            followups.settle_case(bots[0], one, case_id),
            followups.settle_case(bots[1], two, case_id),
        )
        worker_task = asyncio.create_task(run_job_queues(two, bots[1], [store.SEND_QUEUE]))
        await tg.wait_for(contains("dikonfirmasi", chat_id=7000), since=mark, timeout=20)
        await asyncio.sleep(2.0)  # room for a second notice
    finally:
        if worker_task is not None:
            worker_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker_task
        for b in bots:
            await b.shutdown()
        await stop_services(one)
        await stop_services(two)
    told = [
        m
        for m in tg.sent[mark:]
        if m.get("_method") == "sendMessage" and "dikonfirmasi" in m.get("text", "")
    ]
    assert len(told) == 1, [m["text"] for m in told]
