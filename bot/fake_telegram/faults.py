"""Faults a test can switch on, each as Telegram would show it to the bot (see the package
docstring): kill points at the n-th call of a method, per-chat flood control, failed first
attempts, queued failures.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.fake_telegram.limits import SEND_METHODS, TelegramApiError


@dataclass
class CallHook:
    """An action to run at the n-th call of a method (a kill point)."""

    method: str
    nth: int  # fire when the method's call count reaches this
    action: Callable[[], object]
    after: bool


class Faults:
    """Fault injection of `FakeTelegram` (a mixin: state lives in `FakeTelegram.__init__`)."""

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = 1,
    ) -> None:
        """Make the next call of ``method`` fail like Telegram does. Calls stack up (FIFO).

        Defaults per code: 429 "Too Many Requests: retry after N" with parameters.retry_after
        (PTB raises RetryAfter); 400 "Bad Request: chat not found"; 403 "Forbidden: bot was
        kicked from the group chat". ``retry_after`` is only sent with 429 (PTB would turn any
        retry_after into RetryAfter)."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                400: "Bad Request: chat not found",
                403: "Forbidden: bot was kicked from the group chat",
                409: "Conflict: terminated by other getUpdates request; make sure that only one "
                "bot instance is running",
                502: "Bad Gateway",
            }.get(error_code, "Internal Server Error")
        params = {"retry_after": retry_after} if error_code == 429 and retry_after else None
        self._failures[method.lower()].append(TelegramApiError(error_code, description, params))

    def on_call(
        self, method: str, nth: int, action: Callable[[], object], *, after: bool = False
    ) -> None:
        """Run ``action`` at the bot's ``nth`` call of ``method`` from now on (1 = the next)
        instead of carrying the call out (its connection ends unanswered) or, with ``after``,
        once it was carried out but before the bot gets the answer (0 = the call in progress).
        One-shot."""
        key = method.lower()
        self._hooks.append(CallHook(key, self._call_counts[key] + nth, action, after))

    def clear_hooks(self) -> None:
        self._hooks.clear()

    def flood_control(self, burst: float = 30, per_second: float = 1.0) -> None:
        """Per-chat flood control on sends: ``burst`` at once, then ``per_second``."""
        self._flood = (burst, per_second)
        self._flood_buckets.clear()

    def fail_first_attempts(self, methods: set[str] | None = None, code: int = 502) -> None:
        """The first attempt of each distinct request of ``methods`` (None: every method but
        getUpdates) fails with HTTP ``code`` (502 Bad Gateway), or with ``code=0`` by dropping
        the connection unanswered; an identical request afterwards succeeds."""
        chosen = {m.lower() for m in methods} if methods is not None else None
        self._fail_first = (chosen, code)
        self._attempted.clear()

    def _run_hooks(self, method: str, after: bool) -> bool:
        """Run the hooks due now; True when one ran."""
        count = self._call_counts[method]
        ran = False
        for hook in list(self._hooks):
            if hook.method == method and hook.after == after and hook.nth == count:
                self._hooks.remove(hook)
                hook.action()
                ran = True
        return ran

    def _check_flood(self, method: str, params: dict) -> None:
        if self._flood is None or method not in SEND_METHODS:
            return
        try:
            chat_id = int(params.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        burst, rate = self._flood
        now = time.monotonic()
        tokens, stamp = self._flood_buckets.get(chat_id, (burst, now))
        tokens = min(burst, tokens + (now - stamp) * rate)
        if tokens < 1:
            self._flood_buckets[chat_id] = (tokens, now)
            self.flood_refusals += 1
            wait = max(1, int((1 - tokens) / rate + 0.999))
            raise TelegramApiError(
                429, f"Too Many Requests: retry after {wait}", {"retry_after": wait}
            )
        self._flood_buckets[chat_id] = (tokens - 1, now)

    def _first_attempt(self, method: str, params: dict) -> int | None:
        """The failure code if this is the first attempt of a request that should fail."""
        if self._fail_first is None or method == "getupdates":
            return None
        methods, code = self._fail_first
        if methods is not None and method not in methods:
            return None
        files = {k: hashlib.sha1(f["data"]).hexdigest() for k, f in params["_files"].items()}
        plain = {k: v for k, v in params.items() if k != "_files"}
        key = json.dumps([method, plain, files], sort_keys=True, default=str)
        if key in self._attempted:
            return None
        self._attempted.add(key)
        self.failed_attempts += 1
        return code
