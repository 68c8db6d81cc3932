"""How updates get from Telegram to the handlers without being lost, repeated or starved.

Durable: Telegram considers an update delivered once polling asks for the next getUpdates
offset past it, or once the webhook answered 200. python-telegram-bot's Updater hands each
update to the Application's update queue first — `await update_queue.put(...)` — and only
then moves its offset or answers 200. `InboxQueue` is that queue, and records every update
in the database (`store.inbox`) before Telegram can consider it delivered:

* webhook: `put` records the update before it returns, so before the 200;
* polling: `put` only collects the batch, and `InboxGate` — the request object that carries
  getUpdates — writes what was collected in one transaction before the next getUpdates (the
  one that confirms the batch) leaves; a flood of updates costs one commit per batch of up
  to 100, not one per update.

Updates the inbox knew already (Telegram delivered them again after a crash) are not queued
a second time. At start-up `recover` queues again whatever a dead process recorded but did
not finish; `UpdateProcessor` marks each update done when its handling — and anything its
handler still owes the user, such as an album's single reply — has finished.

Fair: `UpdateProcessor` handles one update at a time per user (their messages stay in order
and a user who floods waits for themselves) and at most `workers` updates at once overall; a
user's queued updates wait for their own turn without taking a worker, so another
reporter's screenshot starts at once. A user with `lane_backlog` updates already waiting is
flooding: texts, commands and presses arriving then are marked done unhandled (screenshots
never are), so a flood costs its sender, not everyone's shutdown or disk.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor
from telegram.request import HTTPXRequest

import store
from wording import id as t

log = logging.getLogger(__name__)

# Starts of an update's handling, each ended by the process dying, before it is given up: the
# first start, one among others after a recovery, then three alone (see UpdateProcessor).
MAX_ATTEMPTS = 6  # recorded (1) + started among others (2) + four deaths alone
RECORD_BACKOFF_MAX = 5.0
T = TypeVar("T")


@dataclass
class UpdateInbox:
    """The bot's side of `store.inbox`: which bot, which database, which queue."""

    db: Any  # async_sessionmaker
    bot_id: int
    queue: InboxQueue
    _collected: list[Update] = field(default_factory=list)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def record(self, update: Update) -> bool:
        """Record one update now; False when it is known already."""
        payload = json.dumps(update.to_dict(), ensure_ascii=False)
        return await _until_stored(
            lambda: store.record_update(self.db, self.bot_id, update.update_id, payload)
        )

    def collect(self, update: Update) -> None:
        """Keep a polled update for the next `flush` (before the next getUpdates)."""
        self._collected.append(update)

    async def flush(self) -> None:
        """Write the collected updates in one transaction, then queue the new ones. Shielded:
        polling may be cancelled mid-write when the bot stops, but the batch it took must
        still reach the disk before the final getUpdates confirms it."""
        await asyncio.shield(self._flush())

    async def _flush(self) -> None:
        async with self._lock:
            batch, self._collected = self._collected, []
            if not batch:
                return
            rows = [(u.update_id, json.dumps(u.to_dict(), ensure_ascii=False)) for u in batch]
            fresh = await _until_stored(lambda: store.record_updates(self.db, self.bot_id, rows))
            for update in batch:
                if update.update_id in fresh:
                    self.queue.put_nowait(update)
            if len(fresh) < len(batch):
                log.info(
                    "inbox: %d updates delivered again, already recorded", len(batch) - len(fresh)
                )

    async def finish(self, update_id: int) -> None:
        await store.finish_update(self.db, self.bot_id, update_id)

    async def restart(self, update_id: int) -> None:
        await store.restart_update(self.db, self.bot_id, update_id)


async def _until_stored(write: Callable[[], Awaitable[T]]) -> T:
    """Retry a write until it sticks: Telegram must not be told an update arrived that is not
    on disk, so a database hiccup holds polling (Telegram keeps the updates) or the webhook's
    answer (Telegram posts again) rather than dropping anything."""
    delay = 0.1
    while True:
        try:
            return await write()
        except SQLAlchemyError as exc:
            log.warning("inbox: update not recorded yet (%s), retrying", type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECORD_BACKOFF_MAX)


class InboxQueue(asyncio.Queue[object]):
    """The Application's update queue: an update is recorded before it is queued. With
    `batched` (polling), `put` collects and `InboxGate` writes before the next getUpdates."""

    def __init__(self, *, batched: bool = True) -> None:
        super().__init__()
        self.batched = batched
        self.inbox: UpdateInbox | None = None

    async def put(self, item: object) -> None:
        if not isinstance(item, Update):
            await super().put(item)  # python-telegram-bot's stop signal
            return
        if self.inbox is None:
            raise RuntimeError("update inbox not attached (bot.app.startup not run)")
        if self.batched:
            self.inbox.collect(item)
        elif await self.inbox.record(item):
            await super().put(item)
        else:
            log.info("update %d delivered again: already recorded", item.update_id)


class InboxGate(HTTPXRequest):
    """The HTTP client of getUpdates: before each request (which confirms the updates polled
    so far to Telegram) the updates collected from the last answer are written to the inbox.
    Also flushes before the final getUpdates python-telegram-bot sends when stopping."""

    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)
        self.inbox: UpdateInbox | None = None

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        if self.inbox is not None:
            await self.inbox.flush()
        return await super().do_request(*args, **kwargs)


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class UpdateProcessor(BaseUpdateProcessor):
    """Per-user order, bounded work, poison isolation and the inbox's "done" mark.

    Poison: an update that kills the process whenever it is handled must not keep the bot
    down, but several updates are in hand at any death, so a death cannot be pinned on one.
    A recovered update counts a start (`store.restart_update`) each time its handling begins;
    one that was started after a recovery and still left unfinished (attempts >= 2) is a
    suspect: after the next start-up suspects are handled one at a time, alone, before
    anything else. Deaths while handling a suspect alone are what brings it to MAX_ATTEMPTS
    and gets it given up; deaths that merely catch it among others (an external kill, a crash
    loop at start-up) soon make it a suspect but do not give it up.
    """

    def __init__(self, workers: int = 16, backlog: int = 100_000, lane_backlog: int = 20) -> None:
        # PTB's own semaphore (max_concurrent_updates) only bounds tasks in flight; the work
        # bound is ours, taken after the user's turn so that waiting costs no worker.
        super().__init__(max_concurrent_updates=backlog)
        self.workers = workers
        self.lane_backlog = lane_backlog
        self.skipped = 0
        self._work: asyncio.Semaphore | None = None
        self._lanes: dict[int, _Lane] = {}
        self._owed: dict[int, list[Awaitable[object]]] = {}
        self.recovered: set[int] = set()  # update ids a dead process left unfinished
        self.suspects: set[int] = set()  # recovered ones to handle alone, first
        self._alone = asyncio.Lock()
        self._suspects_done = asyncio.Event()
        self._suspects_done.set()
        self.inbox: UpdateInbox | None = None

    async def initialize(self) -> None:
        self._work = asyncio.Semaphore(self.workers)

    async def shutdown(self) -> None:
        """Nothing to release."""

    def expect(self, pending: list[store.PendingUpdate]) -> None:
        """Updates a dead process left, about to be queued again (see the class docstring)."""
        for item in pending:
            self.recovered.add(item.update_id)
            if item.attempts >= 2:
                self.suspects.add(item.update_id)
        if self.suspects:
            self._suspects_done.clear()

    def owe(self, update: object, work: Awaitable[object]) -> None:
        """The update is not finished until `work` (e.g. an album's reply) is: it stays pending
        in the inbox meanwhile, so a crash before the reply handles it again."""
        if isinstance(update, Update):
            self._owed.setdefault(update.update_id, []).append(work)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._work is None:
            self._work = asyncio.Semaphore(self.workers)
        if isinstance(update, Update) and update.update_id in self.suspects:
            async with self._alone:
                await self._started(update)
                await coroutine
            self.suspects.discard(update.update_id)
            if not self.suspects:
                self._suspects_done.set()
        else:
            await self._suspects_done.wait()
            await self._in_lane(update, coroutine)
        if not isinstance(update, Update):
            return
        owed = self._owed.pop(update.update_id, [])
        if owed:
            await asyncio.gather(*owed, return_exceptions=True)
        if self.inbox is not None:
            await self.inbox.finish(update.update_id)

    async def _in_lane(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle in the user's turn, with a worker; skip a flooding user's chatter."""
        assert self._work is not None
        lane_key = _lane_of(update)
        if lane_key is None:
            async with self._work:
                await self._started(update)
                await coroutine
            return
        lane = self._lanes.setdefault(lane_key, _Lane())
        ahead = lane.users  # this user's updates in hand or waiting before this one
        lane.users += 1
        try:
            async with lane.lock:
                if ahead >= self.lane_backlog and not _is_screenshot(update):
                    self.skipped += 1
                    _close(coroutine)
                    return
                async with self._work:
                    await self._started(update)
                    await coroutine
        finally:
            lane.users -= 1
            if lane.users == 0:
                self._lanes.pop(lane_key, None)

    def in_hand(self, user_id: int) -> int:
        """How many of this user's updates are being handled or wait their turn."""
        lane = self._lanes.get(user_id)
        return lane.users if lane is not None else 0

    async def _started(self, update: object) -> None:
        """A recovered update's handling starts once more: count it (see MAX_ATTEMPTS)."""
        if isinstance(update, Update) and update.update_id in self.recovered:
            self.recovered.discard(update.update_id)
            if self.inbox is not None:
                await self.inbox.restart(update.update_id)


def _is_screenshot(update: object) -> bool:
    """A photo or file from someone: never skipped, whatever else they send."""
    message = update.effective_message if isinstance(update, Update) else None
    return message is not None and bool(message.photo or message.document)


def _close(coroutine: Awaitable[Any]) -> None:
    """Discard a handling that will not run (without "never awaited" warnings)."""
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()


def _lane_of(update: object) -> int | None:
    """Updates of one user are handled in order; those without a user in parallel."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return None


def attach(
    queue: InboxQueue, processor: UpdateProcessor, gate: InboxGate | None, db: Any, bot: Bot
) -> UpdateInbox:
    """Connect queue, processor and getUpdates gate to the database once it is open."""
    inbox = UpdateInbox(db, bot.id, queue)
    queue.inbox = inbox
    processor.inbox = inbox
    if gate is not None:
        gate.inbox = inbox
    return inbox


async def recover(
    queue: InboxQueue, inbox: UpdateInbox, bot: Bot, processor: UpdateProcessor | None = None
) -> int:
    """Queue again the updates a previous process recorded but did not finish; returns how
    many. Old finished rows are pruned on the way."""
    pruned = await store.prune_updates(inbox.db)
    if pruned:
        log.info("inbox: %d finished updates pruned", pruned)
    unfinished = await store.unfinished_updates(inbox.db, inbox.bot_id, max_attempts=MAX_ATTEMPTS)
    if processor is not None:
        processor.expect(unfinished.retry)
    # Suspects first (they are handled alone before anything else), then the others in order.
    ordered = sorted(unfinished.retry, key=lambda item: (item.attempts < 2, item.update_id))
    for item in ordered:
        update = Update.de_json(json.loads(item.payload), bot)
        queue.put_nowait(update)  # already recorded: straight into the queue
    if unfinished.retry:
        log.info("inbox: %d unfinished updates queued again", len(unfinished.retry))
    for item in unfinished.given_up:
        log.error("inbox: update %d given up after %d attempts", item.update_id, item.attempts)
        await _tell_given_up(bot, inbox, item.payload)
    return len(unfinished.retry)


async def _tell_given_up(bot: Bot, inbox: UpdateInbox, payload: str) -> None:
    """The sender of a given-up update hears that it was not processed (not silence) —
    unless it was a screenshot that already has its ticket: that report is safe."""
    try:
        update = Update.de_json(json.loads(payload), bot) if payload else None
    except (ValueError, TypeError):
        return
    chat = update.effective_chat if update is not None else None
    message = update.effective_message if update is not None else None
    if chat is None or message is None or chat.type != "private":
        return
    if await store.submission_of_message(inbox.db, chat.id, message.message_id) is not None:
        return
    try:
        await bot.send_message(chat.id, t.UPDATE_GIVEN_UP)
    except TelegramError as exc:
        log.info("given-up update not reported: %s", type(exc).__name__)
