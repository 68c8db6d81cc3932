"""Who may do what: the one permission check of every moderator and admin handler.

Moderators are the configured moderator ids, the admins, and members of the configured
moderators' chat (checked with getChatMember, cached for `MEMBER_TTL`, so a removed member
loses access within five minutes). Admins are the configured admin ids.

Commands declare their role with `@requires(Role.ADMIN)` / `@requires(Role.MODERATOR)`;
others get a short refusal (a chatty reply: dropped when their chat floods). Handlers that
must decide something first (a button's payload, a file that may be a screenshot) call
`has_role` themselves.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from enum import Enum

from telegram import Update
from telegram.error import TelegramError

from bot.context import NetraContext
from bot.sending import Priority, answer
from wording import id as t

MEMBER_TTL = 300.0

Handler = Callable[[Update, NetraContext], Awaitable[None]]


class Role(Enum):
    MODERATOR = "moderator"
    ADMIN = "admin"


REFUSALS = {Role.MODERATOR: t.NOT_ALLOWED, Role.ADMIN: t.ADMIN_ONLY}


async def has_role(update: Update, context: NetraContext, role: Role) -> bool:
    """Whether the update's user has `role` (an admin is also a moderator)."""
    user = update.effective_user
    if user is None:
        return False
    settings = context.services.config.telegram
    if user.id in settings.admin_ids:
        return True
    if role is Role.ADMIN:
        return False
    if user.id in settings.moderator_ids:
        return True
    chat_id = settings.moderator_chat_id
    if chat_id is None:
        return False
    cache = context.bot_data.member_cache
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


async def refuse(update: Update, role: Role) -> None:
    """Tell someone without `role` that this is not for them."""
    if update.effective_message is not None:
        await answer(update.effective_message, REFUSALS[role], priority=Priority.CHATTER)


def requires(role: Role) -> Callable[[Handler], Handler]:
    """The handler runs only for users with `role`; everyone else is refused."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: NetraContext) -> None:
            if not await has_role(update, context, role):
                await refuse(update, role)
                return
            await handler(update, context)

        return guarded

    return decorate
