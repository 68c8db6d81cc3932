"""`netra check`, the Telegram side: the token is accepted (getMe), the bot is in every
moderators' chat — the configured one and each election's own — with the right to post
(getChatMember), and the configured admins and moderators can be written to. Talks to the
configured Bot API server (`telegram.api_base_url`), so it runs against the local one too.
"""

from __future__ import annotations

import contextlib

from telegram import Bot, ChatMemberRestricted
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError

from netra.check import Finding, note, ok, problem
from netra.config import Config
from netra.errors import ConfigError
from netra.services import load_elections
from wording import id_check as w

POSTING = ("creator", "administrator", "member")


def _chats(config: Config) -> list[int]:
    """Every moderators' chat: the configured one, then each election's own."""
    chats = [config.telegram.moderator_chat_id] if config.telegram.moderator_chat_id else []
    with contextlib.suppress(ConfigError):  # an invalid election file: netra.check says so
        chats += [e.moderator_chat_id for e in load_elections(config) if e.moderator_chat_id]
    return list(dict.fromkeys(chats))


async def _chat(bot: Bot, chat_id: int) -> Finding:
    try:
        chat = await bot.get_chat(chat_id)
        member = await bot.get_chat_member(chat_id, bot.id)
    except (BadRequest, Forbidden) as exc:
        return problem(w.CHAT_NOT_FOUND.format(chat=chat_id, error=exc.message))
    if member.status not in POSTING and not isinstance(member, ChatMemberRestricted):
        return problem(w.CHAT_NOT_MEMBER.format(chat=chat_id, status=member.status))
    if isinstance(member, ChatMemberRestricted) and not (
        member.is_member and member.can_send_messages
    ):
        return problem(w.CHAT_CANNOT_POST.format(chat=chat_id))
    return ok(w.CHAT_OK.format(chat=chat_id, title=chat.title or "-", status=member.status))


async def _people(bot: Bot, role: str, ids: tuple[int, ...]) -> list[Finding]:
    findings = [ok(w.PEOPLE.format(role=role, ids=", ".join(str(i) for i in ids) or "-"))]
    for user_id in ids:
        try:
            await bot.get_chat(user_id)
        except TelegramError as exc:
            message = getattr(exc, "message", str(exc))
            findings.append(note(w.PERSON_UNREACHABLE.format(role=role, id=user_id, error=message)))
    return findings


async def check_telegram(config: Config) -> list[Finding]:
    """The Telegram findings (see the module docstring); no token: one problem, nothing else."""
    settings = config.telegram
    if not settings.token:
        return [problem(w.TOKEN_MISSING)]
    bot = Bot(settings.token, base_url=settings.api_base_url, base_file_url=settings.file_base_url)
    try:
        await bot.initialize()
    except (InvalidToken, Forbidden):  # the error's text quotes the token: never shown
        return [problem(w.TOKEN_BAD)]
    except NetworkError as exc:
        return [problem(w.TELEGRAM_UNREACHABLE.format(url=settings.api_base_url, error=exc))]
    try:
        me = bot.bot
        findings = [ok(w.BOT_IDENTITY.format(username=me.username, id=me.id))]
        chats = _chats(config)
        if not chats:
            findings.append(problem(w.NO_MODERATOR_CHAT))
        for chat_id in chats:
            findings.append(await _chat(bot, chat_id))
        if not settings.admin_ids:
            findings.append(note(w.NO_ADMINS))
        findings += await _people(bot, w.ROLE_ADMINS, settings.admin_ids)
        findings += await _people(bot, w.ROLE_MODERATORS, settings.moderator_ids)
        return findings
    finally:
        await bot.shutdown()
