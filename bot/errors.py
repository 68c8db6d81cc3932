"""Errors of the Telegram adapter, beside python-telegram-bot's own.

Hierarchy:

* telegram.error.TelegramError - python-telegram-bot's errors (NetworkError, TimedOut,
  BadRequest, Forbidden, RetryAfter, ...): retried by `bot.sending` where that helps
  * Dropped - a chatty reply was not sent: its chat already has too many sends waiting
    (`bot.sending.FairRateLimiter`; only for `Priority.CHATTER`)
  * OutcomeUndelivered - some reporters could not be told a decision yet; the case stays
    unsettled and is finished at the next start (`bot.followups`)

Errors of the layers below reach the handlers as they are (`store.errors`, `netra.errors`,
`rules.errors`) and are turned into Indonesian replies there; anything else reaches the
error handler (`bot.handlers.fallback.on_error`), which tells the person something failed.
"""

from __future__ import annotations

from telegram.error import TelegramError


class Dropped(TelegramError):
    """A chatty reply was not sent because its chat already has too many sends waiting."""


class OutcomeUndelivered(TelegramError):
    """Some reporters could not be told yet; the case stays unsettled for the next start."""
