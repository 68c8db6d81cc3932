"""Handlers for admins: replace the roster or election file in chat, block and reveal reporters."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

import scheduler
import store
from bot import fit
from bot.handlers import reporter
from bot.handlers.common import is_admin, number_arg, services_of
from bot.sending import Priority, answer
from rules.election import ElectionError
from rules.roster import RosterError
from wording import id as t

AWAIT_SECONDS = 600
MAX_LISTED_PROBLEMS = 15
REASON_LIMIT = 300  # a rejected row's or file's reason may quote the file: keep it short


async def roster(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/roster: the admin's next file (within 10 minutes) replaces the roster."""
    await _await_file(update, context, "roster", t.SEND_ROSTER)


async def election(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/election: the admin's next file (within 10 minutes) replaces the election file."""
    await _await_file(update, context, "election", t.SEND_ELECTION)


async def _await_file(
    update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str, prompt: str
) -> None:
    if not is_admin(update, context):
        await answer(update.effective_message, t.ADMIN_ONLY, priority=Priority.CHATTER)
        return
    context.user_data["awaiting"] = (kind, time.monotonic())
    await answer(update.effective_message, prompt)


def _awaited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """Which admin file this document is: from its caption or a recent /roster, /election."""
    caption = (update.effective_message.caption or "").strip().lower()
    for kind in ("roster", "election"):
        if caption.startswith(f"/{kind}"):
            return kind
    pending = context.user_data.pop("awaiting", None) if context.user_data is not None else None
    if pending and time.monotonic() - pending[1] < AWAIT_SECONDS:
        return str(pending[0])
    return None


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A file: an admin's roster/election upload, otherwise a reporter's screenshot."""
    message = update.effective_message
    caption = (message.caption or "").strip().lower()
    wants_admin_file = caption.startswith(("/roster", "/election"))
    if not is_admin(update, context):
        if wants_admin_file:
            await answer(message, t.ADMIN_ONLY, priority=Priority.CHATTER)
            return
        await reporter.screenshot(update, context)
        return
    kind = _awaited(update, context)
    if kind is None:
        await reporter.screenshot(update, context)
        return
    services = services_of(context)
    try:
        file = await message.document.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError:
        await answer(message, t.DOWNLOAD_FAILED)
        return
    name = message.document.file_name or ("roster.csv" if kind == "roster" else "election.toml")
    if kind == "roster":
        await _replace_roster(update, services, data, name)
    else:
        await _replace_election(update, services, data)
        jobs = context.application.bot_data.get("scheduler")
        if jobs is not None:
            await jobs.follow_election()


async def _replace_roster(update: Update, services, data: bytes, name: str) -> None:  # type: ignore[no-untyped-def]
    message = update.effective_message
    try:
        change = await services.replace_roster(data, name)
    except (RosterError, ValueError) as exc:
        await answer(
            message, fit.fill(t.ROSTER_REFUSED, REASON_LIMIT, html_mode=True, reason=str(exc))
        )
        return
    problems = change.load.problems
    lines = [
        t.ROSTER_DONE.format(
            total=change.total,
            added=change.added,
            updated=change.updated,
            removed=change.removed,
            unchanged=change.unchanged,
            rejected=len(problems),
        )
    ]
    lines += [
        fit.fill(t.ROSTER_PROBLEM, REASON_LIMIT, html_mode=True, line=p.line, reason=p.reason)
        for p in problems[:MAX_LISTED_PROBLEMS]
    ]
    if len(problems) > MAX_LISTED_PROBLEMS:
        lines.append(t.ROSTER_MORE.format(count=len(problems) - MAX_LISTED_PROBLEMS))
    await answer(message, "\n".join(lines), priority=Priority.NORMAL)


async def _replace_election(update: Update, services, data: bytes) -> None:  # type: ignore[no-untyped-def]
    message = update.effective_message
    try:
        text = data.decode("utf-8")
        new = await services.replace_election(text)
    except (ElectionError, UnicodeDecodeError) as exc:
        await answer(
            message, fit.fill(t.ELECTION_REFUSED, REASON_LIMIT, html_mode=True, reason=str(exc))
        )
        return
    await answer(
        message,
        fit.fill(
            t.ELECTION_DONE, REASON_LIMIT, html_mode=True, name=new.name, count=len(new.candidates)
        ),
        priority=Priority.NORMAL,
    )


async def block(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/block N: reporter N's further screenshots are refused."""
    await _set_block(update, context, True)


async def unblock(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unblock N: reporter N may report again."""
    await _set_block(update, context, False)


async def _set_block(update: Update, context: ContextTypes.DEFAULT_TYPE, blocked: bool) -> None:
    reporter_id = await _admin_number(update, context, t.BLOCK_USAGE)
    if reporter_id is None:
        return
    services = services_of(context)
    actor = update.effective_user.id
    change = store.block_reporter if blocked else store.unblock_reporter
    try:
        await change(services.db, reporter_id, actor)
    except store.NotFound:
        await answer(update.effective_message, t.REPORTER_NOT_FOUND.format(reporter=reporter_id))
        return
    text = t.BLOCK_DONE if blocked else t.UNBLOCK_DONE
    await answer(update.effective_message, text.format(reporter=reporter_id))


async def _admin_number(
    update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str
) -> int | None:
    """The N of an admin's "/command N"; None (and the reason told) if not an admin or no N."""
    if not is_admin(update, context):
        await answer(update.effective_message, t.ADMIN_ONLY, priority=Priority.CHATTER)
        return None
    number = number_arg(context.args)
    if number is None:
        await answer(update.effective_message, usage)
    return number


async def reveal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reveal N reason: an admin learns who reporter N is; the reveal is audited."""
    if not is_admin(update, context):
        await answer(update.effective_message, t.ADMIN_ONLY, priority=Priority.CHATTER)
        return
    reporter_id = number_arg(context.args, more=True)
    reason = " ".join((context.args or [])[1:]).strip()
    if reporter_id is None or not reason:
        await answer(update.effective_message, t.REVEAL_USAGE)
        return
    services = services_of(context)
    try:
        user_id = await store.reveal_reporter(
            services.db, reporter_id, update.effective_user.id, reason
        )
    except store.NotFound:
        await answer(update.effective_message, t.REPORTER_NOT_FOUND.format(reporter=reporter_id))
        return
    # Only ever in the admin's private chat, never in a group.
    await context.bot.send_message(
        update.effective_user.id,
        t.REVEAL_DONE.format(reporter=reporter_id, user_id=user_id),
        parse_mode=ParseMode.HTML,
    )


async def archive(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/archive N: an approved, exported case's screenshots are deleted; the record stays."""
    case_id = await _admin_number(update, context, t.ARCHIVE_USAGE)
    if case_id is None:
        return
    files = await scheduler.archive_case(
        services_of(context), case_id, update.effective_user.id, datetime.now(UTC)
    )
    text = t.ARCHIVE_REFUSED if files is None else t.ARCHIVE_DONE
    await answer(update.effective_message, text.format(case=case_id, files=files))
