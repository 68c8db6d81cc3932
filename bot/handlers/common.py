"""Small helpers shared by the handlers."""

from __future__ import annotations

import re
import time

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.services import Services

MEMBER_TTL = 300.0


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]  # type: ignore[no-any-return]


async def is_moderator(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Configured moderators and admins, or members of the configured moderators' chat."""
    services = services_of(context)
    user = update.effective_user
    if user is None:
        return False
    settings = services.config.telegram
    if user.id in settings.moderator_ids or user.id in settings.admin_ids:
        return True
    chat_id = settings.moderator_chat_id
    if chat_id is None:
        return False
    # Membership is cached briefly: a removed moderator loses access within MEMBER_TTL.
    cache: dict[int, tuple[bool, float]] = context.application.bot_data.setdefault(
        "member_cache", {}
    )
    hit = cache.get(user.id)
    if hit and time.monotonic() - hit[1] < MEMBER_TTL:
        return hit[0]
    try:
        member = await context.bot.get_chat_member(chat_id, user.id)
        allowed = member.status in ("creator", "administrator", "member")
    except TelegramError:  # an unknown chat or user simply is no member
        allowed = False
    cache[user.id] = (allowed, time.monotonic())
    return allowed


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and services_of(context).is_admin(user.id)


# Case, ticket and reporter numbers are database ids: positive and within a 32-bit integer
# (PostgreSQL's `integer`; SQLite overflows only at 64 bits, but one rule for both).
MAX_NUMBER = 2**31 - 1
_NUMBER = re.compile(r"#?([0-9]{1,10})", re.ASCII)


def parse_number(text: str) -> int | None:
    """A case/ticket/reporter number typed by a person: ASCII digits only (`str.isdigit`
    also accepts "²" and "٣", which `int` then refuses or reads), an optional "#",
    1 … 2**31-1. None for anything else."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    number = int(match.group(1))
    return number if 1 <= number <= MAX_NUMBER else None


def number_arg(args: list[str] | None, *, more: bool = False) -> int | None:
    """The N of "/command N"; None when it is missing, malformed, out of range, or followed
    by more words where none are expected (`more=False`)."""
    if not args or (len(args) > 1 and not more):
        return None
    return parse_number(args[0])
