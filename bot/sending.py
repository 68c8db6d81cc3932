"""The one path everything the bot sends goes through: pacing, fairness, retries, length.

python-telegram-bot hands every Bot API request except getUpdates to the bot's rate limiter
(`ExtBot._do_post` → `BaseRateLimiter.process_request`); `FairRateLimiter` is that limiter,
so no reply, card, edit or callback answer can bypass it. For each request it

* fits texts, captions and callback answers to Telegram's limits (`bot.fit`), so a long name
  never turns an answer into a refused request;
* paces per chat (private chats: a burst of 20, then one a second; groups: 20 sends a
  minute), then overall (30 a second), and on a 429 holds only the chat it was about —
  python-telegram-bot's own AIORateLimiter held every send on any 429;
* serves acknowledgements of screenshots first (`Priority.ACK`), so they never wait behind
  other chats' traffic, and drops a chatty reply (`Priority.CHATTER`: answers to texts and
  commands) that would have to wait more than `chatter_wait` seconds for its chat (flood
  control holds it, or its pace is used up): a flooding chat is throttled alone and cannot
  queue minutes of replies;
* with several processes (PostgreSQL mode, `share`), also reserves each send in the
  database (`store.pacing`), so the pace holds for the bot as a whole, not per process;
* retries network errors and timeouts (a few times, backing off) and waits out flood control
  up to `max_hold` seconds. A timed-out send may have reached Telegram, so a retry can repeat
  a message: replies are at-least-once, because a lost acknowledgement is worse than a twin.

Priorities travel as python-telegram-bot's `rate_limit_args`; `answer` is the helper
handlers use for replies.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
from collections.abc import Callable, Coroutine
from enum import IntEnum
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import BaseRateLimiter

import store
from bot import fit
from bot.errors import Dropped

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]


class Priority(IntEnum):
    """Who goes first when sends have to wait (lower first). Never 0: PTB drops falsy args."""

    ACK = 1  # the answer to a screenshot: the reporter waits for it
    NORMAL = 2  # cards, outcomes, edits, staff replies
    CHATTER = 3  # answers to texts and commands; dropped when the chat is flooding


class TokenBucket:
    """`burst` sends at once, then `rate` a second; waiters are served by priority, then in
    arrival order. Cancelled waiters give their turn away."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = burst
        self._stamp = time.monotonic()
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self._timer: asyncio.TimerHandle | None = None

    @property
    def waiting(self) -> int:
        return sum(1 for _, _, f in self._waiters if not f.done())

    def wait_estimate(self) -> float:
        """Seconds a newcomer would wait behind everyone already waiting."""
        self._refill()
        return max(0.0, (self.waiting + 1 - self._tokens) / self.rate)

    def idle(self) -> bool:
        """Full and nobody waiting: safe to forget."""
        self._refill()
        return not self._waiters and self._tokens >= self.burst

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def take(self, priority: int = Priority.NORMAL) -> None:
        self._refill()
        if not self._waiters and self._tokens >= 1:
            self._tokens -= 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._seq), future))
        self._pump()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._tokens += 1  # granted just as we were cancelled: give it back
                self._pump()
            raise

    def _on_timer(self) -> None:
        self._timer = None
        self._pump()

    def _pump(self) -> None:
        """Grant tokens to waiters in priority order; come back when the next one is due."""
        self._refill()
        while self._waiters and self._tokens >= 1:
            _, _, future = heapq.heappop(self._waiters)
            if future.done():
                continue
            self._tokens -= 1
            future.set_result(None)
        while self._waiters and self._waiters[0][2].done():
            heapq.heappop(self._waiters)
        if self._waiters and self._timer is None:
            delay = (1 - self._tokens) / self.rate
            self._timer = asyncio.get_running_loop().call_later(delay, self._on_timer)


_NOT_RETRIED = (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated, EndPointNotFound)
_SENDS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendMediaGroup",
        "sendVideo",
        "sendAnimation",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "copyMessage",
        "forwardMessage",
    }
)
_TEXT_LIMITS = {"sendMessage": ("text", fit.MESSAGE), "editMessageText": ("text", fit.MESSAGE)}
_CAPTIONED = frozenset(
    {"sendPhoto", "sendDocument", "sendVideo", "sendAnimation", "sendAudio", "sendVoice"}
    | {"editMessageCaption", "copyMessage"}
)


def fit_request(endpoint: str, data: dict[str, Any]) -> None:
    """Shorten an over-long text, caption or callback answer in place (last resort: the
    composing code should already have used `bot.fit.fill`)."""
    key, limit = _TEXT_LIMITS.get(endpoint, ("caption", fit.CAPTION))
    if endpoint == "answerCallbackQuery":
        key, limit = "text", fit.CALLBACK_ANSWER
    elif endpoint not in _TEXT_LIMITS and endpoint not in _CAPTIONED:
        return
    value = data.get(key)
    if not isinstance(value, str):
        return
    html_mode = str(data.get("parse_mode") or "").upper() == "HTML"
    fitted = fit.fit_html(value, limit) if html_mode else fit.fit_plain(value, limit)
    if fitted != value:
        log.warning("%s: %s shortened to fit %d characters", endpoint, key, limit)
        data[key] = fitted


class FairRateLimiter(BaseRateLimiter[int]):
    """See the module docstring. One instance per bot, created by `bot.app`."""

    def __init__(
        self,
        *,
        overall_per_second: float = 30.0,
        chat_burst: float = 20.0,
        chat_per_second: float = 1.0,
        group_per_minute: float = 20.0,
        chatter_wait: float = 3.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_hold: float = 120.0,
    ) -> None:
        self.overall = TokenBucket(overall_per_second, overall_per_second)
        self.chat_burst = chat_burst
        self.chat_per_second = chat_per_second
        self.group_per_minute = group_per_minute
        self.chatter_wait = chatter_wait
        self.retries = retries
        self.backoff = backoff
        self.max_hold = max_hold
        self._chats: dict[int | str, TokenBucket] = {}
        self._held: dict[int | str, float] = {}  # chat → monotonic time its 429 ends
        self.dropped = 0
        self._shared: Any = None  # the database whose `send_pace` every process reserves in

    def share(self, db: Any) -> None:
        """Pace together with every other process of this bot (PostgreSQL mode)."""
        self._shared = db

    async def _shared_turn(self, chat: int | str, priority: int) -> None:
        """Reserve this send in the pace every process shares, and wait for its slot. A
        database hiccup does not stop sending: Telegram's own 429 is still obeyed."""
        group = isinstance(chat, str) or chat < 0
        step, burst = (
            (60 / self.group_per_minute, self.group_per_minute)
            if group
            else (
                1 / self.chat_per_second,
                self.chat_burst,
            )
        )
        keys = [("all", 1 / self.overall.rate, self.overall.burst), (f"chat:{chat}", step, burst)]
        try:
            wait = await store.reserve_sends(self._shared, keys)
        except SQLAlchemyError as exc:
            log.warning(
                "shared pace not reserved (%s): pacing this process only", type(exc).__name__
            )
            return
        if priority >= Priority.CHATTER and wait > self.chatter_wait:
            self._drop()
        if wait > 0:
            await asyncio.sleep(wait)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def _chat_bucket(self, chat: int | str) -> TokenBucket:
        bucket = self._chats.get(chat)
        if bucket is None:
            if len(self._chats) > 4096:
                for key in [k for k, b in self._chats.items() if b.idle()]:
                    del self._chats[key]
            group = isinstance(chat, str) or chat < 0
            bucket = (
                TokenBucket(self.group_per_minute / 60, self.group_per_minute)
                if group
                else TokenBucket(self.chat_per_second, self.chat_burst)
            )
            self._chats[chat] = bucket
        return bucket

    async def _turn(self, endpoint: str, chat: int | str | None, priority: int) -> None:
        """Wait until this request may go: its chat's 429 hold, its chat's pace, overall."""
        if chat is None:
            return
        chatter = priority >= Priority.CHATTER
        while (wait := self._held.get(chat, 0.0) - time.monotonic()) > 0:
            if chatter and wait > self.chatter_wait:
                self._drop()
            await asyncio.sleep(wait)
        self._held.pop(chat, None)
        if endpoint not in _SENDS:
            return  # edits and answers are not messages; only a 429 holds them
        bucket = self._chat_bucket(chat)
        if chatter and bucket.wait_estimate() > self.chatter_wait:
            self._drop()
        await bucket.take(priority)
        await self.overall.take(priority)
        if self._shared is not None:
            await self._shared_turn(chat, priority)

    def _drop(self) -> None:
        self.dropped += 1
        raise Dropped(f"the chat would wait more than {self.chatter_wait} s")

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        fit_request(endpoint, data)
        priority = int(rate_limit_args or Priority.NORMAL)
        chat = _chat_of(data)
        for attempt in range(self.retries + 1):
            await self._turn(endpoint, chat, priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                hold = _seconds(exc) + 0.1
                if attempt == self.retries or hold > self.max_hold:
                    raise
                log.info("flood control on %s: holding that chat %.1f s", endpoint, hold)
                if chat is None:
                    await asyncio.sleep(hold)
                else:
                    until = time.monotonic() + hold
                    self._held[chat] = max(self._held.get(chat, 0.0), until)
            except _NOT_RETRIED:
                raise
            except NetworkError as exc:  # timeouts, refused connections, 5xx
                if attempt == self.retries:
                    raise
                log.info("%s failed (%s), retrying", endpoint, type(exc).__name__)
                await asyncio.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")


def _chat_of(data: dict[str, Any]) -> int | str | None:
    chat = data.get("chat_id")
    if chat is None:
        return None
    with contextlib.suppress(TypeError, ValueError):
        return int(chat)
    return str(chat)


def _seconds(exc: RetryAfter) -> float:
    delay = exc._retry_after  # a timedelta; the public attribute warns about its type change
    return float(delay.total_seconds())


async def answer(
    message: Message,
    text: str,
    *,
    priority: Priority = Priority.NORMAL,
    html: bool = True,
    quote: bool = False,
) -> Message | None:
    """Reply in the message's chat through the fair path; None when the reply was dropped
    because the chat is flooding (only ever for `Priority.CHATTER`: answers to the public's
    texts and commands, and refusals of staff commands to outsiders)."""
    reply = ReplyParameters(message.message_id, allow_sending_without_reply=True)
    try:
        return await message.get_bot().send_message(
            message.chat_id,
            fit.fit_html(text, fit.MESSAGE) if html else fit.fit_plain(text, fit.MESSAGE),
            parse_mode=ParseMode.HTML if html else None,
            reply_parameters=reply if quote else None,
            rate_limit_args=int(priority),
        )
    except Dropped:
        log.info("reply dropped: the chat is flooding")
        return None


async def retrying(call: Callable[[], Coroutine[Any, Any, Any]], attempts: int = 3) -> Any:
    """Retry a call that does not pass the rate limiter (file downloads) on network errors."""
    for attempt in range(attempts):
        try:
            return await call()
        except _NOT_RETRIED:
            raise
        except NetworkError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.5 * 2**attempt)
    raise AssertionError("unreachable")
