"""Handlers for moderators: decision buttons on case cards, /queue, /case and /reanalyse.

A press is checked against the case version its card was drawn for (see `bot.cards`): the
first decision wins, and a press on a card that changed since — another moderator decided,
asked for information, or the case was analysed again — is refused, told who changed it and
when, and its card is redrawn as the case now stands. Presses on one case are handled one at
a time in this process (`Services.case_lock`), so card edits land in decision order; the
database guard (`store.decide_case`) decides between processes.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from telegram import CallbackQuery, Update, User
from telegram.constants import ParseMode
from telegram.error import BadRequest

import store
from bot import cards, fit
from bot.context import NetraContext
from bot.followups import notify_reporters, render, settle_case, show, who
from bot.handlers.access import Role, has_role, requires, scope
from bot.handlers.arguments import number_arg
from bot.sending import answer
from netra.services import MODERATOR_NAME_SETTING, Services
from wording import id as t

log = logging.getLogger(__name__)

DECISIONS = {"a": "approved", "r": "rejected", "n": "needs_info", "x": "rejected"}
FINAL = ("approved", "rejected")

__all__ = ["button", "case", "notify_reporters", "queue", "reanalyse"]


async def _answer(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """Answer a press (the spinner stops); a query answered or expired already is no error."""
    try:
        await query.answer(
            fit.fit_plain(text, fit.CALLBACK_ANSWER) if text else None, show_alert=alert
        )
    except BadRequest as exc:
        log.info("callback not answered: %s", exc.message)


async def _remember_name(services: Services, context: NetraContext, user: User) -> None:
    names = context.bot_data.moderator_names
    if names.get(user.id) != user.full_name:
        names[user.id] = user.full_name
        await store.set_setting(services.db, MODERATOR_NAME_SETTING.format(user.id), user.full_name)


def _decision_of(action: str) -> str | None:
    if action in DECISIONS:
        return DECISIONS[action]
    if action.startswith("p") and action[1:].isascii() and action[1:].isdigit():
        return "approved"
    return None


async def button(update: Update, context: NetraContext) -> None:
    """A moderator presses a button on a card; only a press on the current card counts."""
    query = update.callback_query
    services = context.services
    press = cards.parse_press(services, query.data or "")
    if press is None:
        await _answer(query, t.BAD_BUTTON, alert=True)
        return
    current = await store.get_case(services.db, press.case_id)
    if not await has_role(update, context, Role.MODERATOR, current):
        await _answer(query, t.NOT_ALLOWED, alert=True)
        return
    if press.version is None:
        await _answer(query, t.CARD_OUTDATED.format(case=press.case_id), alert=True)
        return
    user = update.effective_user
    await _remember_name(services, context, user)
    async with services.case_lock(press.case_id):
        case = await store.get_case(services.db, press.case_id)
        if case is None:
            await _answer(query, t.BAD_BUTTON, alert=True)
            return
        if case.version != press.version or case.state not in cards.PENDING:
            settle = await _changed(query, services, case, press, user)
        elif press.action in ("o", "b"):
            await _navigate(query, services, case, press.action)
            settle = False
        else:
            settle = await _decide(query, services, case, press, user)
    # Outside the lock: settling takes it itself, and tells the reporters.
    if settle:
        await settle_case(context.bot, services, press.case_id, also=query.message)


async def _navigate(
    query: CallbackQuery, services: Services, case: store.CaseDetail, action: str
) -> None:
    """Switch the card between its decision buttons and the "another person" choices."""
    await _answer(query)
    markup = (
        cards.other_person_keyboard(services, case)
        if action == "o"
        else cards.decision_keyboard(services, case)
    )
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


async def _decide(
    query: CallbackQuery, services: Services, case: store.CaseDetail, press: cards.Press, user: User
) -> bool:
    """Record the decision the press asks for; True when its follow-ups are due."""
    asn_override: dict[str, object] | None = None
    note = None
    kind = _decision_of(press.action)
    if kind is None:
        await _answer(query, t.BAD_BUTTON, alert=True)
        return False
    if press.action.startswith("p"):
        index = int(press.action[1:])
        if index >= len(case.alternatives):
            await _answer(query, t.BAD_BUTTON, alert=True)
            return False
        alt = dict(case.alternatives[index])
        entry = services.roster.get(str(alt.get("nip")))
        asn_override = {
            "nip": alt.get("nip"),
            "nama": alt.get("nama"),
            "jabatan": alt.get("jabatan"),
            "unit_kerja": alt.get("unit_kerja"),
            "instansi": entry.instansi if entry else None,
            "confidence": alt.get("confidence"),
        }
        note = t.NOTE_OTHER_PERSON.format(nip=alt.get("nip"))
    elif press.action == "x":
        asn_override, note = {}, t.NOTE_NOT_ASN
    decision = await store.decide_case(
        services.db,
        case.case_id,
        actor=user.id,
        decision=kind,  # type: ignore[arg-type]
        note=note,
        asn_override=asn_override,
        expected_version=press.version,
    )
    if not decision.ok:
        fresh = await store.get_case(services.db, case.case_id)
        return await _changed(query, services, fresh or case, press, user)
    await _answer(query, t.DECISION_NAMES[decision.state])
    return True


async def _changed(
    query: CallbackQuery,
    services: Services,
    case: store.CaseDetail,
    press: cards.Press,
    user: User,
) -> bool:
    """The card the press came from is out of date: say who changed the case, show it as it
    is now. A press that repeats the presser's own decision (a double tap, or the update
    handled again after a crash) gets that decision's answer; True then: its follow-ups may
    still be owed."""
    change = await store.last_change(services.db, case.case_id)
    own = (
        change is not None
        and change.actor == user.id
        and case.state == _decision_of(press.action)
        and case.version == (press.version or 0) + 1
    )
    if own:
        await _answer(query, t.DECISION_NAMES.get(case.state, case.state))
        return True
    state = t.DECISION_NAMES.get(case.state, t.STATE_NAMES.get(case.state, case.state))
    template = t.ALREADY_DECIDED if case.state in FINAL else t.CARD_CHANGED
    name = await who(services, change.actor if change else case.decided_by)
    await _answer(
        query,
        fit.fill(
            template,
            fit.CALLBACK_ANSWER,
            case=case.case_id,
            state=state,
            who=name,
            when=t.when(change.at if change else case.decided_at),
        ),
        alert=True,
    )
    message = query.message
    if message is not None:
        caption, markup = await render(services, case)
        await show(
            query.get_bot(),
            message.chat.id,
            message.message_id,
            caption,
            markup,
            photo=bool(getattr(message, "photo", None)),
        )
    return False


QUEUE_SHOWN = 30
QUEUE_LINE_LIMIT = 230
QUEUE_MORE_ROOM = 80


@requires(Role.MODERATOR)
async def queue(update: Update, context: NetraContext) -> None:
    """A moderator sees pending cases, closest to Bawaslu's deadline (oldest) first, with
    their age, election and days left; a regional task force sees its elections' only."""
    message = update.effective_message
    services = context.services
    allowed = await scope(update, context, Role.MODERATOR)
    pending = await store.pending_cases(services.db, limit=QUEUE_SHOWN, elections=allowed)
    days = timedelta(days=services.config.digest.deadline_days)
    now = datetime.now(UTC)
    if not pending:
        await answer(message, t.QUEUE_EMPTY)
        return
    lines = [t.QUEUE_HEAD.format(count=len(pending))]
    used = fit.units(lines[0])
    for shown, c in enumerate(pending):
        line = fit.fill(
            t.QUEUE_LINE,
            QUEUE_LINE_LIMIT,
            html_mode=True,
            case=c.case_id,
            state=t.VERDICT_NAMES.get(c.state, t.DECISION_NAMES.get(c.state, c.state)),
            age=t.age(c.age),
            who=c.asn_nama or t.QUEUE_NO_ASN,
            candidate=f"{c.candidate:02d}" if c.candidate is not None else "-",
            reporters=c.reporters,
            election=_queue_election(c),
            deadline=t.QUEUE_DEADLINE.format(left=_left(c.created_at + days - now)),
        )
        if used + fit.units(line) + QUEUE_MORE_ROOM > fit.MESSAGE:
            lines.append(t.QUEUE_MORE.format(count=len(pending) - shown))
            break
        lines.append(line)
        used += fit.units(line) + 1
    await answer(message, "\n".join(lines))


def _queue_election(c: store.CaseSummary) -> str:
    if c.election:
        return t.QUEUE_ELECTION.format(name=c.election)
    if c.election_options:
        return t.QUEUE_ELECTION.format(name=" / ".join(c.election_options) + " ?")
    return ""


def _left(delta: timedelta) -> str:
    return t.days_hours(delta) if delta > timedelta(0) else t.QUEUE_OVERDUE


async def _case_from_command(
    update: Update, context: NetraContext, usage: str
) -> store.CaseDetail | None:
    """The case a moderator's "/command N" names; None after telling them why not."""
    message = update.effective_message
    case_id = number_arg(context.args)
    if case_id is None:
        await answer(message, usage)
        return None
    detail = await store.get_case(context.services.db, case_id)
    # Another region's case is as good as absent for a regional task force.
    if detail is None or not await has_role(update, context, Role.MODERATOR, detail):
        await answer(message, t.CASE_NOT_FOUND.format(case=case_id))
        return None
    return detail


@requires(Role.MODERATOR)
async def case(update: Update, context: NetraContext) -> None:
    """A moderator sees one case's card (with buttons while it is pending)."""
    detail = await _case_from_command(update, context, t.CASE_USAGE)
    if detail is None:
        return
    services = context.services
    caption, markup = await render(services, detail)
    message = update.effective_message
    if detail.files_deleted_at is None:
        data = await asyncio.to_thread(services.files.read, detail.image_path)
        await message.reply_photo(
            data, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )
    else:
        await message.reply_text(caption, parse_mode=ParseMode.HTML, reply_markup=markup)


@requires(Role.MODERATOR)
async def reanalyse(update: Update, context: NetraContext) -> None:
    """/reanalyse N: a moderator runs a case through OCR and the rules again (after a roster
    or election fix, say); undecided cases only."""
    detail = await _case_from_command(update, context, t.REANALYSE_USAGE)
    if detail is None:
        return
    services, case_id = context.services, detail.case_id
    ok = detail.files_deleted_at is None and await store.reanalyse(
        services.db, case_id, actor=update.effective_user.id
    )
    if ok:
        await services.request_analysis(case_id)
    text = t.REANALYSE_DONE if ok else t.REANALYSE_REFUSED
    await answer(update.effective_message, text.format(case=case_id))
