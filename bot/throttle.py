"""At most one notice of a kind per chat per interval.

A reporter who sends 200 texts, stickers or over-the-limit screenshots needs to read the help
once, not 200 times: every extra reply costs the bot's shared sending budget and, under
Telegram's per-chat flood control, the bot's time. Kept in memory: after a restart a chat may
get one notice again, which is harmless.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class NoticeThrottle:
    """Remembers when each (chat, kind) was last told something."""

    def __init__(self, every: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._last: dict[tuple[int, str], float] = {}

    def allow(self, chat_id: int, kind: str) -> bool:
        """True (and remembered) when this chat was not told `kind` within the interval."""
        now = self.clock()
        if len(self._last) > 10_000:
            self._last = {k: v for k, v in self._last.items() if now - v < self.every}
        last = self._last.get((chat_id, kind))
        if last is not None and now - last < self.every:
            return False
        self._last[(chat_id, kind)] = now
        return True
