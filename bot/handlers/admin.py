"""Handlers for admins: replace the roster or an election file in chat, block and reveal
reporters, archive a case, the digest and export on demand, and a case's file for the
hand-over (`/berkas`). An election's own admins (a regency's task force) export, archive and
file their elections' cases only; the roster, the elections, reporters and the digest are
the configured admins'."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

import scheduler
import store
from bot import fit
from bot.context import NetraContext
from bot.handlers import reporter
from bot.handlers.access import Role, has_role, refuse, requires, scope
from bot.handlers.arguments import number_arg
from bot.sending import Priority, answer
from netra import casefile, housekeeping
from netra import export as exports
from netra.digest import build_digest
from netra.services import Services
from rules.errors import ElectionError, RosterError
from wording import id as t

AWAIT_SECONDS = 600
MAX_LISTED_PROBLEMS = 15
REASON_LIMIT = 300  # a rejected row's or file's reason may quote the file: keep it short
MAX_UPLOAD = 50 * 1024 * 1024  # Bot API upload limit for documents


@requires(Role.ADMIN, everywhere=True)
async def roster(update: Update, context: NetraContext) -> None:
    """/roster: the admin's next file (within 10 minutes) replaces the roster."""
    context.user_data.expect_file("roster")
    await answer(update.effective_message, t.SEND_ROSTER)


@requires(Role.ADMIN, everywhere=True)
async def election(update: Update, context: NetraContext) -> None:
    """/election: the admin's next file (within 10 minutes) replaces the election file."""
    context.user_data.expect_file("election")
    await answer(update.effective_message, t.SEND_ELECTION)


def _awaited(update: Update, context: NetraContext) -> str | None:
    """Which admin file this document is: from its caption or a recent /roster, /election."""
    caption = (update.effective_message.caption or "").strip().lower()
    for kind in ("roster", "election"):
        if caption.startswith(f"/{kind}"):
            return kind
    return context.user_data.take_expected(AWAIT_SECONDS)


async def document(update: Update, context: NetraContext) -> None:
    """A file: an admin's roster/election upload, otherwise a reporter's screenshot."""
    message = update.effective_message
    caption = (message.caption or "").strip().lower()
    wants_admin_file = caption.startswith(("/roster", "/election"))
    if await scope(update, context, Role.ADMIN) is not None:
        if wants_admin_file:
            await refuse(update, Role.ADMIN)
            return
        await reporter.screenshot(update, context)
        return
    kind = _awaited(update, context)
    if kind is None:
        await reporter.screenshot(update, context)
        return
    services = context.services
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
        jobs = context.bot_data.scheduler
        if jobs is not None:
            await jobs.follow_election()


async def _replace_roster(update: Update, services: Services, data: bytes, name: str) -> None:
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


async def _replace_election(update: Update, services: Services, data: bytes) -> None:
    message = update.effective_message
    try:
        text = data.decode("utf-8")
        new, added = await services.replace_election(text)
    except (ElectionError, UnicodeDecodeError) as exc:
        await answer(
            message, fit.fill(t.ELECTION_REFUSED, REASON_LIMIT, html_mode=True, reason=str(exc))
        )
        return
    await answer(
        message,
        fit.fill(
            t.ELECTION_ADDED if added else t.ELECTION_DONE,
            REASON_LIMIT,
            html_mode=True,
            name=new.name,
            count=len(new.candidates),
            total=len(services.elections),
        ),
        priority=Priority.NORMAL,
    )


@requires(Role.ADMIN, everywhere=True)
async def block(update: Update, context: NetraContext) -> None:
    """/block N: reporter N's further screenshots are refused."""
    await _set_block(update, context, True)


@requires(Role.ADMIN, everywhere=True)
async def unblock(update: Update, context: NetraContext) -> None:
    """/unblock N: reporter N may report again."""
    await _set_block(update, context, False)


async def _set_block(update: Update, context: NetraContext, blocked: bool) -> None:
    reporter_id = await _number(update, context, t.BLOCK_USAGE)
    if reporter_id is None:
        return
    actor = update.effective_user.id
    change = store.block_reporter if blocked else store.unblock_reporter
    try:
        await change(context.services.db, reporter_id, actor)
    except store.NotFound:
        await answer(update.effective_message, t.REPORTER_NOT_FOUND.format(reporter=reporter_id))
        return
    text = t.BLOCK_DONE if blocked else t.UNBLOCK_DONE
    await answer(update.effective_message, text.format(reporter=reporter_id))


async def _number(update: Update, context: NetraContext, usage: str) -> int | None:
    """The N of an admin's "/command N"; None (and the usage told) when there is none."""
    number = number_arg(context.args)
    if number is None:
        await answer(update.effective_message, usage)
    return number


@requires(Role.ADMIN, everywhere=True)
async def reveal(update: Update, context: NetraContext) -> None:
    """/reveal N reason: an admin learns who reporter N is; the reveal is audited."""
    reporter_id = number_arg(context.args, more=True)
    reason = " ".join((context.args or [])[1:]).strip()
    if reporter_id is None or not reason:
        await answer(update.effective_message, t.REVEAL_USAGE)
        return
    try:
        user_id = await store.reveal_reporter(
            context.services.db, reporter_id, update.effective_user.id, reason
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


@requires(Role.ADMIN)
async def archive(update: Update, context: NetraContext) -> None:
    """/archive N: an approved, exported case's screenshots are deleted; the record stays."""
    case_id = await _number(update, context, t.ARCHIVE_USAGE)
    if case_id is None:
        return
    case = await store.get_case(context.services.db, case_id)
    if case is None or not await has_role(update, context, Role.ADMIN, case):
        await answer(update.effective_message, t.CASE_NOT_FOUND.format(case=case_id))
        return
    files = await housekeeping.archive_case(
        context.services, case_id, update.effective_user.id, datetime.now(UTC)
    )
    text = t.ARCHIVE_REFUSED if files is None else t.ARCHIVE_DONE
    await answer(update.effective_message, text.format(case=case_id, files=files))


@requires(Role.ADMIN, everywhere=True)
async def digest(update: Update, context: NetraContext) -> None:
    """/digest: the admin gets the digest of the last 24 hours, now (not recorded)."""
    message = update.effective_message
    if context.args:  # /digest takes nothing; anything after it was meant for another command
        await message.reply_text(t.DIGEST_USAGE)
        return
    services = context.services
    end = datetime.now(UTC)
    bundle = await build_digest(services, start=end - timedelta(days=1), end=end, manual=True)
    await scheduler.send_digest(context.bot, update.effective_chat.id, bundle)


@requires(Role.ADMIN)
async def export(update: Update, context: NetraContext) -> None:
    """/export [from] [to]: the admin gets the approved cases as XLSX, CSV and the
    screenshots ZIP."""
    message = update.effective_message
    services = context.services
    tz = services.election.zone
    try:
        since, until = exports.parse_range(context.args or [], tz)
    except ValueError:
        await message.reply_text(t.EXPORT_USAGE)
        return
    allowed = await scope(update, context, Role.ADMIN)
    rows = await store.approved_cases(services.db, since=since, until=until, elections=allowed)
    if not rows:
        await message.reply_text(t.EXPORT_EMPTY)
        return
    if since or until:
        last = (until - timedelta(days=1)).date().isoformat() if until else "…"
        span = t.EXPORT_RANGE.format(since=since.date().isoformat() if since else "…", until=last)
    else:
        span = t.EXPORT_ALL
    stamp = datetime.now(tz).strftime("%Y%m%d-%H%M")
    election = services.elections
    xlsx = await asyncio.to_thread(exports.xlsx_bytes, rows, election, tz)
    table = await asyncio.to_thread(exports.csv_bytes, rows, election, tz)
    pdfs = await casefile.build_case_files(services, [row.case_id for row in rows])
    archived = await asyncio.to_thread(exports.zip_bytes, rows, services.files, election, tz, pdfs)
    chat_id = update.effective_chat.id
    caption = t.esc(t.EXPORT_CAPTION.format(count=len(rows), range=span, what=t.EXPORT_TABLE_WHAT))
    for name, data in (
        (t.EXPORT_FILE_XLSX.format(stamp=stamp), xlsx),
        (t.EXPORT_FILE_CSV.format(stamp=stamp), table),
    ):
        await context.bot.send_document(
            chat_id, document=InputFile(data, filename=name), caption=caption
        )
    if len(archived.data) > MAX_UPLOAD:
        await message.reply_text(t.EXPORT_TOO_BIG.format(size_mb=len(archived.data) / 2**20))
        return
    zip_caption = t.esc(
        t.EXPORT_CAPTION.format(count=len(rows), range=span, what=t.EXPORT_ZIP_WHAT)
    )
    await context.bot.send_document(
        chat_id,
        document=InputFile(archived.data, filename=t.EXPORT_FILE_ZIP.format(stamp=stamp)),
        caption=zip_caption,
    )
    await store.mark_handed_over(
        services.db, pdfs, actor=update.effective_user.id, at=datetime.now(UTC)
    )


@requires(Role.ADMIN)
async def berkas(update: Update, context: NetraContext) -> None:
    """/berkas N: the admin gets the case file (one-page PDF) of approved case N for
    Bawaslu or BKN; the case counts as handed over from then on."""
    message = update.effective_message
    case_id = await _number(update, context, t.BERKAS_USAGE)
    if case_id is None:
        return
    services = context.services
    case = await store.get_case(services.db, case_id)
    if case is None or not await has_role(update, context, Role.ADMIN, case):
        await answer(message, t.CASE_NOT_FOUND.format(case=case_id))
        return
    if case.state != "approved":
        await answer(message, t.BERKAS_REFUSED.format(case=case_id))
        return
    pdf = await casefile.build_case_file(services, case)
    standing = casefile.standing_of(services, case)
    await context.bot.send_document(
        update.effective_chat.id,
        document=InputFile(pdf, filename=t.BERKAS_FILE.format(case=case_id)),
        caption=t.esc(t.BERKAS_CAPTION.format(case=case_id, tier=t.TIER_SHORT[standing.tier])),
    )
    await store.mark_handed_over(
        services.db, [case_id], actor=update.effective_user.id, at=datetime.now(UTC)
    )
