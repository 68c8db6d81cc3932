"""Who may do what: the one permission check of every moderator and admin handler.

Moderators are the configured moderator ids, the admins, and members of the configured
moderators' chat (checked with getChatMember, cached for `MEMBER_TTL`, so a removed member
loses access within five minutes). Admins are the configured admin ids.

Commands declare their role with `@requires(Role.ADMIN)` / `@requires(Role.MODERATOR)`;
others get a short refusal (a chatty reply: dropped when their chat floods). Handlers that
must decide something first (a button's payload, a file that may be a screenshot) call
`has_role` themselves.

Many elections: an election file may name its own admins, moderators and moderators' chat
(a regency's task force). They hold their role for that election's cases only — and for the
cases that could be that election's — while the configured ones (the province) hold it for
every case. `scope` says which elections a user acts for (None: all); `has_role` with a case
checks that case; without one, a role for any election lets a command run, and the command
shows only what `scope` allows.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Sequence
from enum import Enum

from telegram import Update
from telegram.error import TelegramError

import store
from bot.context import NetraContext
from bot.sending import Priority, answer
from wording import id as t

MEMBER_TTL = 300.0

Handler = Callable[[Update, NetraContext], Awaitable[None]]


class Role(Enum):
    MODERATOR = "moderator"
    ADMIN = "admin"


REFUSALS = {Role.MODERATOR: t.NOT_ALLOWED, Role.ADMIN: t.ADMIN_ONLY}


Scope = frozenset[str] | None  # election names a user acts for; None: every election


async def _member(context: NetraContext, chat_id: int, user_id: int) -> bool:
    """Whether the user is in the chat (getChatMember, cached for `MEMBER_TTL`)."""
    cache = context.bot_data.member_cache
    hit = cache.get((chat_id, user_id))
    if hit and time.monotonic() - hit[1] < MEMBER_TTL:
        return hit[0]
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
        allowed = member.status in ("creator", "administrator", "member")
    except TelegramError:  # an unknown chat or user simply is no member
        allowed = False
    cache[(chat_id, user_id)] = (allowed, time.monotonic())
    return allowed


async def scope(update: Update, context: NetraContext, role: Role) -> Scope:
    """The elections the update's user holds `role` for: None for every election (the
    configured admins, moderators and moderators' chat), else the elections whose own
    files name them (possibly none)."""
    user = update.effective_user
    if user is None:
        return frozenset()
    settings = context.services.config.telegram
    if user.id in settings.admin_ids:
        return None
    if role is Role.MODERATOR:
        if user.id in settings.moderator_ids:
            return None
        chat_id = settings.moderator_chat_id
        if chat_id is not None and await _member(context, chat_id, user.id):
            return None
    names = set()
    for election in context.services.elections:
        if user.id in election.admin_ids or (
            role is Role.MODERATOR
            and (
                user.id in election.moderator_ids
                or (
                    election.moderator_chat_id is not None
                    and await _member(context, election.moderator_chat_id, user.id)
                )
            )
        ):
            names.add(election.name)
    return frozenset(names)


def covers(allowed: Scope, election: str | None, options: Sequence[str] = ()) -> bool:
    """Whether a case of `election` (or that could be one of `options`) is in the scope."""
    if allowed is None:
        return True
    return (election in allowed) if election else any(o in allowed for o in options)


async def has_role(
    update: Update, context: NetraContext, role: Role, case: store.CaseDetail | None = None
) -> bool:
    """Whether the update's user has `role` (an admin is also a moderator): for `case` when
    given, else for at least one election."""
    allowed = await scope(update, context, role)
    if case is not None:
        return covers(allowed, case.election, case.election_options)
    return allowed is None or bool(allowed)


async def refuse(update: Update, role: Role) -> None:
    """Tell someone without `role` that this is not for them."""
    if update.effective_message is not None:
        await answer(update.effective_message, REFUSALS[role], priority=Priority.CHATTER)


def requires(role: Role, *, everywhere: bool = False) -> Callable[[Handler], Handler]:
    """The handler runs only for users with `role` — for every election when `everywhere`
    (what changes Netra as a whole: the roster, the elections, reporters), else for at
    least one; everyone else is refused."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: NetraContext) -> None:
            allowed = await scope(update, context, role)
            if (allowed is not None) and (everywhere or not allowed):
                await refuse(update, role)
                return
            await handler(update, context)

        return guarded

    return decorate
