"""Small helpers shared by the handlers."""

from __future__ import annotations

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


def first_int(args: list[str] | None) -> int | None:
    if not args:
        return None
    token = args[0].lstrip("#")
    return int(token) if token.isdigit() else None
