"""How updates get from Telegram to the handlers without being lost, repeated or starved.

Durable: python-telegram-bot's Updater confirms updates to Telegram only after it has put
them into the Application's update queue — polling moves its getUpdates offset past a batch
after `await update_queue.put(...)` returned for each update, the webhook answers 200 after
its `put` returned. `InboxQueue` is that queue: its `put` first records the raw update in the
database (`store.record_update`), so whatever Telegram considers delivered is on disk. An
update the inbox already knows (Telegram delivered it again after a crash) is not queued a
second time. At start-up `recover` queues again whatever a dead process recorded but did not
finish; `UpdateProcessor` marks each update done when its handling — and anything its handler
still owes the user, such as an album's single reply — has finished.

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
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

import store
from bot import texts as t

log = logging.getLogger(__name__)

# Deaths an update may be in hand at before it is given up. Several updates are in hand at
# once, so a crash cannot be pinned on one of them: counting every one of them is fair only
# with room for bad luck (the crash test kills five times in a row).
MAX_ATTEMPTS = 5
RECORD_BACKOFF_MAX = 5.0


@dataclass
class UpdateInbox:
    """The bot's side of `store.inbox`: which bot, which database."""

    db: Any  # async_sessionmaker
    bot_id: int

    async def record(self, update: Update) -> bool:
        """Record until it sticks: the offset must not move past an update that is not on
        disk, so a database hiccup holds polling (Telegram keeps the update) rather than
        dropping it. False when the update is known already."""
        payload = json.dumps(update.to_dict(), ensure_ascii=False)
        delay = 0.1
        while True:
            try:
                return await store.record_update(self.db, self.bot_id, update.update_id, payload)
            except SQLAlchemyError as exc:
                log.warning("inbox: update not recorded yet (%s), retrying", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RECORD_BACKOFF_MAX)

    async def finish(self, update_id: int) -> None:
        await store.finish_update(self.db, self.bot_id, update_id)


class InboxQueue(asyncio.Queue[object]):
    """The Application's update queue; `put` records an update before it is queued."""

    def __init__(self) -> None:
        super().__init__()
        self.inbox: UpdateInbox | None = None

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            if self.inbox is None:
                raise RuntimeError("update inbox not attached (bot.app.startup not run)")
            if not await self.inbox.record(item):
                log.info("update %d delivered again: already recorded", item.update_id)
                return
        await super().put(item)


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class UpdateProcessor(BaseUpdateProcessor):
    """Per-user order, bounded work, and the inbox's "done" mark (see the module docstring)."""

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
        self.inbox: UpdateInbox | None = None

    async def initialize(self) -> None:
        self._work = asyncio.Semaphore(self.workers)

    async def shutdown(self) -> None:
        """Nothing to release."""

    def owe(self, update: object, work: Awaitable[object]) -> None:
        """The update is not finished until `work` (e.g. an album's reply) is: it stays pending
        in the inbox meanwhile, so a crash before the reply handles it again."""
        if isinstance(update, Update):
            self._owed.setdefault(update.update_id, []).append(work)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        lane_key = _lane_of(update)
        if self._work is None:
            self._work = asyncio.Semaphore(self.workers)
        if lane_key is None:
            async with self._work:
                await coroutine
        else:
            lane = self._lanes.setdefault(lane_key, _Lane())
            ahead = lane.users  # this user's updates in hand or waiting before this one
            lane.users += 1
            try:
                async with lane.lock:
                    if ahead >= self.lane_backlog and not _is_screenshot(update):
                        self.skipped += 1
                        _close(coroutine)
                    else:
                        async with self._work:
                            await coroutine
            finally:
                lane.users -= 1
                if lane.users == 0:
                    self._lanes.pop(lane_key, None)
        if not isinstance(update, Update):
            return
        owed = self._owed.pop(update.update_id, [])
        if owed:
            await asyncio.gather(*owed, return_exceptions=True)
        if self.inbox is not None:
            await self.inbox.finish(update.update_id)


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


def attach(queue: InboxQueue, processor: UpdateProcessor, db: Any, bot: Bot) -> UpdateInbox:
    """Connect queue and processor to the database once it is open (at start-up)."""
    inbox = UpdateInbox(db, bot.id)
    queue.inbox = inbox
    processor.inbox = inbox
    return inbox


async def recover(queue: InboxQueue, inbox: UpdateInbox, bot: Bot) -> int:
    """Queue again the updates a previous process recorded but did not finish; returns how
    many. Old finished rows are pruned on the way."""
    pruned = await store.prune_updates(inbox.db)
    if pruned:
        log.info("inbox: %d finished updates pruned", pruned)
    unfinished = await store.unfinished_updates(inbox.db, inbox.bot_id, max_attempts=MAX_ATTEMPTS)
    for item in unfinished.retry:
        update = Update.de_json(json.loads(item.payload), bot)
        queue.put_nowait(update)  # already recorded: straight into the queue
    if unfinished.retry:
        log.info("inbox: %d unfinished updates queued again", len(unfinished.retry))
    for item in unfinished.given_up:
        log.error("inbox: update %d given up after %d attempts", item.update_id, item.attempts)
        await _tell_given_up(bot, item.payload)
    return len(unfinished.retry)


async def _tell_given_up(bot: Bot, payload: str) -> None:
    """The sender of a given-up update hears that it was not processed (not silence)."""
    try:
        update = Update.de_json(json.loads(payload), bot) if payload else None
    except (ValueError, TypeError):
        return
    chat = update.effective_chat if update is not None else None
    if chat is None or chat.type != "private":
        return
    try:
        await bot.send_message(chat.id, t.UPDATE_GIVEN_UP)
    except TelegramError as exc:
        log.info("given-up update not reported: %s", type(exc).__name__)
