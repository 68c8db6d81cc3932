"""Handlers for the public: /start, /help, /status, and screenshots (photo, file, album)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, ProgrammingError
from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

import store
from bot.context import NetraContext
from bot.handlers.arguments import number_arg
from bot.sending import Priority, answer, retrying
from bot.updates import UpdateProcessor
from netra import intake
from ocr.image_input import ImageRejected
from wording import id as t

log = logging.getLogger(__name__)


async def start(update: Update, context: NetraContext) -> None:
    """The reporter sees what to send and how their data is used."""
    await answer(update.effective_message, t.START, priority=Priority.CHATTER)


async def help_command(update: Update, context: NetraContext) -> None:
    """The reporter sees how to report."""
    await answer(update.effective_message, t.HELP, priority=Priority.CHATTER)


async def status(update: Update, context: NetraContext) -> None:
    """The reporter sees the state of their own tickets (never anyone else's)."""
    services = context.services
    message = update.effective_message
    ticket = number_arg(context.args)
    if context.args and ticket is None:
        await answer(message, t.STATUS_USAGE, priority=Priority.CHATTER)
        return
    tickets = await store.tickets_of(
        services.db, update.effective_user.id, [ticket] if ticket else None, limit=20
    )
    if not tickets:
        text = t.STATUS_NOT_YOURS.format(ticket=ticket) if ticket else t.STATUS_NONE
        await answer(message, text, priority=Priority.CHATTER)
        return
    lines = [
        t.STATUS_LINE.format(
            ticket=s.ticket,
            when=t.when(s.received_at),
            state=t.STATE_NAMES.get(s.case_state, s.case_state),
        )
        for s in tickets
    ]
    await answer(message, "\n".join(lines), priority=Priority.CHATTER)


async def text_only(update: Update, context: NetraContext) -> None:
    """A text message gets a short pointer to what Netra needs (once in a while per chat)."""
    await _notice(update, context, "help", t.TEXT_ONLY)


async def unsupported(update: Update, context: NetraContext) -> None:
    """Stickers, voice, video…: a short helpful answer (once in a while per chat)."""
    await _notice(update, context, "help", t.UNSUPPORTED)


async def _notice(update: Update, context: NetraContext, kind: str, text: str) -> None:
    """Texts need no answer each: one pointer per chat per `bot.notice_every_seconds`."""
    message = update.effective_message
    if context.notices.allow(message.chat_id, kind):
        await answer(message, text, priority=Priority.CHATTER)


def _source(message: Message) -> str:
    if message.media_group_id:
        return "album"
    if message.forward_origin is not None:
        return "forward"
    return "photo" if message.photo else "document"


@dataclass
class Outcome:
    """What became of one screenshot: its ticket (None if refused) and the reply text; a
    `notice` reply (rate limit, blocked) is sent once in a while, not for every file."""

    ticket: int | None
    reply: str
    notice: str | None = None


async def screenshot(update: Update, context: NetraContext) -> None:
    """A screenshot is stored and ticketed before the reporter gets the ticket number."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None or message.chat.type != ChatType.PRIVATE:
        return
    album = _album_arriving(message, context) if message.media_group_id else None
    try:
        outcome = await _accept_when_stored(message, user.id, context)
    finally:
        if album is not None:
            album.storing -= 1
    if album is not None:
        _album_reply(update, message, album, outcome, context)
        return
    if outcome.notice and not context.notices.allow(message.chat_id, outcome.notice):
        return
    await answer(message, outcome.reply, priority=Priority.ACK, quote=True)


async def _accept_when_stored(message: Message, user_id: int, context: NetraContext) -> Outcome:
    """`_accept`, waiting out a database outage (a PostgreSQL restart, a failover): the
    reporter gets the ticket a little later instead of an error and a request to send the
    screenshot again. Safe to repeat: a message already stored keeps its ticket."""
    delay = 0.5
    waited = 0.0
    while True:
        try:
            return await _accept(message, user_id, context)
        except DBAPIError as exc:  # the connection, not the statement: retried
            if waited >= STORE_OUTAGE_WAIT or isinstance(exc, _STATEMENT_ERRORS):
                raise
            log.warning("screenshot not stored yet (%s), retrying", type(exc).__name__)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)


STORE_OUTAGE_WAIT = 120.0  # seconds a screenshot waits for the database before it fails
_STATEMENT_ERRORS = (IntegrityError, ProgrammingError, DataError)  # a retry fails the same


async def _accept(message: Message, user_id: int, context: NetraContext) -> Outcome:
    """Store the screenshot; returns its ticket (or None) and the reply text."""
    services = context.services
    settings = services.config.bot
    reporter = await store.get_or_create_reporter(services.db, user_id)
    if reporter.blocked:
        return Outcome(None, t.BLOCKED, notice="blocked")
    attachment = message.photo[-1] if message.photo else message.document
    if attachment is None:
        return Outcome(None, t.UNSUPPORTED, notice="help")
    limit = settings.max_file_mb * 1024 * 1024
    if attachment.file_size and attachment.file_size > limit:
        return Outcome(
            None,
            t.TOO_BIG.format(
                size_mb=attachment.file_size / 1_048_576, limit_mb=settings.max_file_mb
            ),
        )
    recent = await store.count_recent_submissions(
        services.db, user_id, datetime.now(UTC) - timedelta(hours=1)
    )
    if recent >= settings.rate_limit_per_hour:
        # Handled before a crash, this message counts in `recent` itself: its ticket stands.
        # (Otherwise a repeat is recognised by `store.record_submission`.)
        earlier = await store.submission_of_message(
            services.db, message.chat_id, message.message_id
        )
        if earlier is not None:
            return _received(earlier)
        text = t.RATE_LIMITED.format(count=recent, limit=settings.rate_limit_per_hour)
        return Outcome(None, text, notice="rate")
    try:
        file = await retrying(attachment.get_file)
        data = bytes(await retrying(file.download_as_bytearray))
    except TelegramError as exc:
        log.warning("download failed: %s", type(exc).__name__)
        return Outcome(None, t.DOWNLOAD_FAILED)
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
        return Outcome(None, t.REJECTED_IMAGE.format(reason=t.esc(exc)))
    except store.ReporterBlocked:
        return Outcome(None, t.BLOCKED, notice="blocked")
    except store.RateLimited as exc:  # a burst that passed the early check above
        text = t.RATE_LIMITED.format(count=exc.count, limit=settings.rate_limit_per_hour)
        return Outcome(None, text, notice="rate")
    return _received(result)


def _received(result: store.SubmissionResult) -> Outcome:
    if result.match == "new":
        return Outcome(result.ticket, t.RECEIVED.format(ticket=result.ticket))
    text = t.RECEIVED_DUPLICATE.format(ticket=result.ticket, reporters=result.reporters)
    return Outcome(result.ticket, text)


@dataclass
class Album:
    """An album's outcomes so far, how many of its photos are still being stored, and the
    task that will answer them all at once."""

    outcomes: list[Outcome] = field(default_factory=list)
    arrived: float = 0.0
    storing: int = 0
    reply: asyncio.Task[None] | None = None


# How often an album's reply looks again whether its last photos are stored, and how long
# after the last photo's arrival it waits at most for the sender's queued updates.
_ALBUM_POLL = 0.05
_ALBUM_MAX_WAIT = 30.0


def _album_key(message: Message) -> str:
    return f"{message.chat_id}:{message.media_group_id}"


def _album_arriving(message: Message, context: NetraContext) -> Album:
    """The album a photo belongs to, told of the photo as it arrives, before it is stored:
    a photo slow to store (a large download, a busy database) must not miss the reply and
    get one of its own."""
    album = context.bot_data.albums.setdefault(_album_key(message), Album())
    album.storing += 1
    album.arrived = asyncio.get_running_loop().time()
    return album


def _album_reply(
    update: Update, message: Message, album: Album, outcome: Outcome, context: NetraContext
) -> None:
    """One reply per album: `album_wait_seconds` after its last photo arrived, once every
    photo that arrived is stored.

    Every photo is stored with its ticket before it is collected here; only the reply waits,
    because Telegram delivers an album as separate messages. Each photo's update stays
    unfinished in the inbox until that reply is sent, so a crash before it answers again.
    """
    services = context.services
    albums = context.bot_data.albums
    key = _album_key(message)
    album.outcomes.append(outcome)
    loop = asyncio.get_running_loop()
    wait = services.config.bot.album_wait_seconds

    processor = context.application.update_processor
    sender = update.effective_user.id if update.effective_user else message.chat_id

    def more_coming() -> bool:
        """The sender's next updates (the album's other photos, handled one at a time in
        order) are waiting their turn; not waited for beyond `_ALBUM_MAX_WAIT`."""
        return (
            isinstance(processor, UpdateProcessor)
            and processor.in_hand(sender) > 0
            and loop.time() < album.arrived + _ALBUM_MAX_WAIT
        )

    async def reply() -> None:
        while (
            (delay := album.arrived + wait - loop.time()) > 0 or album.storing > 0 or more_coming()
        ):
            await asyncio.sleep(max(delay, _ALBUM_POLL))
        albums.pop(key, None)
        tickets = sorted(o.ticket for o in album.outcomes if o.ticket is not None)
        lines = []
        if tickets:
            numbers = ", ".join(f"<b>#{tk}</b>" for tk in tickets)
            lines.append(t.ALBUM_RECEIVED.format(count=len(tickets), tickets=numbers))
        lines += list(dict.fromkeys(o.reply for o in album.outcomes if o.ticket is None))
        await answer(message, "\n".join(lines), priority=Priority.ACK, quote=True)

    if album.reply is None:
        album.reply = context.application.create_task(reply(), update=None)
    if isinstance(processor, UpdateProcessor):
        processor.owe(update, album.reply)
