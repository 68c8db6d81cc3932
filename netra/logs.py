"""Process logging: one format, and secrets never written out.

The bot token sits in every Bot API URL, and libraries put it in their own messages (python-
telegram-bot's `InvalidToken` says "The token `…` was rejected", with the token, and its
start-up retry loop logs that with the traceback). Quieting one logger is not enough: every
line, traceback included, passes through a formatter that blanks the configured secrets.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HIDDEN = "[rahasia]"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then replaces each secret (tokens, webhook secrets) with a mark."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        # Longest first, so a secret containing another is hidden whole.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        return text


def setup_logging(secrets: Iterable[str]) -> None:
    """INFO to stderr with the secrets blanked; httpx's per-request lines (URLs) off."""
    logging.basicConfig(level=logging.INFO, format=FORMAT)
    formatter = RedactingFormatter(secrets)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    logging.getLogger("httpx").setLevel(logging.WARNING)
