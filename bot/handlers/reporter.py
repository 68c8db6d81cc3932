"""Handlers for the public: /start, /help, /status, and screenshots (photo, file, album)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from telegram import Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

import store
from bot import intake
from bot import texts as t
from bot.handlers.common import first_int, services_of
from ocr.image_input import ImageRejected

log = logging.getLogger(__name__)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reporter sees what to send and how their data is used."""
    await update.effective_message.reply_text(t.START, parse_mode=ParseMode.HTML)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reporter sees how to report."""
    await update.effective_message.reply_text(t.HELP, parse_mode=ParseMode.HTML)


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reporter sees the state of their own tickets (never anyone else's)."""
    services = services_of(context)
    user = update.effective_user
    ticket = first_int(context.args)
    if context.args and ticket is None:
        await update.effective_message.reply_text(t.STATUS_USAGE)
        return
    tickets = await store.tickets_of(services.db, user.id, [ticket] if ticket else None, limit=20)
    if not tickets:
        text = t.STATUS_NOT_YOURS.format(ticket=ticket) if ticket else t.STATUS_NONE
        await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)
        return
    lines = [
        t.STATUS_LINE.format(
            ticket=s.ticket,
            when=t.when(s.received_at),
            state=t.STATE_NAMES.get(s.case_state, s.case_state),
        )
        for s in tickets
    ]
    await update.effective_message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


async def text_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A text message gets a short pointer to what Netra needs."""
    await update.effective_message.reply_text(t.TEXT_ONLY, parse_mode=ParseMode.HTML)


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, voice, video…: a short helpful answer."""
    await update.effective_message.reply_text(t.UNSUPPORTED)


def _source(message: Message) -> str:
    if message.media_group_id:
        return "album"
    if message.forward_origin is not None:
        return "forward"
    return "photo" if message.photo else "document"


async def screenshot(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A screenshot is stored and ticketed before the reporter gets the ticket number."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None or message.chat.type != ChatType.PRIVATE:
        return
    ticket, reply = await _accept(message, user.id, context)
    if message.media_group_id:
        await _album_reply(message, ticket, reply, context)
    else:
        await message.reply_text(reply, parse_mode=ParseMode.HTML)


async def _accept(
    message: Message, user_id: int, context: ContextTypes.DEFAULT_TYPE
) -> tuple[int | None, str]:
    """Store the screenshot; returns (ticket or None, reply text)."""
    services = services_of(context)
    settings = services.config.bot
    reporter = await store.get_or_create_reporter(services.db, user_id)
    if reporter.blocked:
        return None, t.BLOCKED
    recent = await store.count_recent_submissions(
        services.db, user_id, datetime.now(UTC) - timedelta(hours=1)
    )
    if recent >= settings.rate_limit_per_hour:
        return None, t.RATE_LIMITED.format(count=recent, limit=settings.rate_limit_per_hour)
    attachment = message.photo[-1] if message.photo else message.document
    if attachment is None:
        return None, t.UNSUPPORTED
    limit = settings.max_file_mb * 1024 * 1024
    if attachment.file_size and attachment.file_size > limit:
        return None, t.TOO_BIG.format(
            size_mb=attachment.file_size / 1_048_576, limit_mb=settings.max_file_mb
        )
    try:
        file = await attachment.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("download failed: %s", type(exc).__name__)
        return None, t.DOWNLOAD_FAILED
    mime = "image/jpeg" if message.photo else getattr(message.document, "mime_type", None)
    try:
        result = await intake.accept(
            services,
            data,
            user_id=user_id,
            chat_id=message.chat_id,
            message_id=message.message_id,
            mime=mime,
            source=_source(message),
            media_group_id=message.media_group_id,
        )
    except ImageRejected as exc:
        return None, t.REJECTED_IMAGE.format(reason=t.esc(exc))
    except store.ReporterBlocked:
        return None, t.BLOCKED
    except store.RateLimited as exc:  # a burst that passed the early check above
        return None, t.RATE_LIMITED.format(count=exc.count, limit=settings.rate_limit_per_hour)
    if result.match == "new":
        return result.ticket, t.RECEIVED.format(ticket=result.ticket)
    return result.ticket, t.RECEIVED_DUPLICATE.format(
        ticket=result.ticket, reporters=result.reporters
    )


async def _album_reply(
    message: Message, ticket: int | None, reply: str, context: ContextTypes.DEFAULT_TYPE
) -> None:
    """One reply per album: collect each photo's outcome, answer once after a short wait.

    Every photo is already stored with its ticket when it is collected here; only the reply
    waits, because Telegram delivers an album as separate messages.
    """
    services = services_of(context)
    albums: dict[str, list[tuple[int | None, str]]] = context.application.bot_data.setdefault(
        "albums", {}
    )
    key = f"{message.chat_id}:{message.media_group_id}"
    first = key not in albums
    albums.setdefault(key, []).append((ticket, reply))
    if not first:
        return

    async def answer() -> None:
        await asyncio.sleep(services.config.bot.album_wait_seconds)
        outcomes = albums.pop(key, [])
        tickets = sorted(tk for tk, _ in outcomes if tk is not None)
        lines = []
        if tickets:
            numbers = ", ".join(f"<b>#{tk}</b>" for tk in tickets)
            lines.append(t.ALBUM_RECEIVED.format(count=len(tickets), tickets=numbers))
        lines += [text for tk, text in outcomes if tk is None]
        await message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)

    context.application.create_task(answer(), update=None)
