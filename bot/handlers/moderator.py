"""Handlers for moderators: decision buttons on case cards, /queue and /case."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

import store
from bot import cards
from bot import texts as t
from bot.handlers.common import first_int, is_moderator, services_of
from bot.services import MODERATOR_NAME_SETTING, Services

log = logging.getLogger(__name__)

DECISIONS = {"a": "approved", "r": "rejected", "n": "needs_info", "x": "rejected"}


async def _who(services: Services, user_id: int | None, names: dict[int, str]) -> str:
    """A decider's display name, remembered across restarts (moderators only)."""
    if user_id is None:
        return "-"
    if user_id not in names:
        stored = await store.get_setting(services.db, MODERATOR_NAME_SETTING.format(user_id))
        names[user_id] = stored or f"moderator {user_id}"
    return names[user_id]


async def _edit_card(query, text: str, markup: InlineKeyboardMarkup | None) -> None:  # type: ignore[no-untyped-def]
    try:
        await query.edit_message_caption(
            caption=text, parse_mode=ParseMode.HTML, reply_markup=markup
        )
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


async def notify_reporters(bot: Bot, services: Services, case_id: int, state: str) -> None:
    """Tell every reporter of the case what the moderators decided (if configured)."""
    if not services.config.bot.notify_reporters or state not in t.OUTCOME:
        return
    done = []
    for chat_id, message_id, ticket in await store.submissions_to_notify(services.db, case_id):
        try:
            await bot.send_message(
                chat_id,
                t.OUTCOME[state].format(ticket=ticket),
                parse_mode=ParseMode.HTML,
                reply_to_message_id=message_id,
                allow_sending_without_reply=True,
            )
            done.append(ticket)
        except TelegramError as exc:  # a reporter who blocked the bot: nothing more to do
            log.info("outcome not delivered: %s", type(exc).__name__)
            done.append(ticket)
    if state != "needs_info":  # needs_info is not the outcome: the final decision is told too
        await store.mark_notified(services.db, done)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A moderator presses a decision button; the first decision wins, others see who won."""
    query = update.callback_query
    services = services_of(context)
    press = cards.parse_press(services, query.data or "")
    if press is None:
        await query.answer(t.BAD_BUTTON, show_alert=True)
        return
    if not await is_moderator(update, context):
        await query.answer(t.NOT_ALLOWED, show_alert=True)
        return
    names: dict[int, str] = context.application.bot_data.setdefault("moderator_names", {})
    user = update.effective_user
    if names.get(user.id) != user.full_name:
        names[user.id] = user.full_name
        await store.set_setting(services.db, MODERATOR_NAME_SETTING.format(user.id), user.full_name)
    case = await store.get_case(services.db, press.case_id)
    if case is None:
        await query.answer(t.BAD_BUTTON, show_alert=True)
        return
    if case.state not in cards.PENDING:
        await _already_decided(query, services, case, names)
        return
    if press.action in ("o", "b"):
        await query.answer()
        markup = (
            cards.other_person_keyboard(services, case)
            if press.action == "o"
            else cards.decision_keyboard(services, case.case_id)
        )
        try:
            await query.edit_message_reply_markup(reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                raise
        return

    asn_override: dict[str, object] | None = None
    note = None
    if press.action.startswith("p") and press.action[1:].isdigit():
        index = int(press.action[1:])
        if index >= len(case.alternatives):
            await query.answer(t.BAD_BUTTON, show_alert=True)
            return
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
        decision_kind = "approved"
        note = f"orang lain dipilih: NIP {alt.get('nip')}"
    elif press.action in DECISIONS:
        decision_kind = DECISIONS[press.action]
        if press.action == "x":
            asn_override, note = {}, "bukan ASN"
    else:
        await query.answer(t.BAD_BUTTON, show_alert=True)
        return

    decision = await store.decide_case(
        services.db,
        case.case_id,
        actor=user.id,
        decision=decision_kind,  # type: ignore[arg-type]
        note=note,
        asn_override=asn_override,
        expected_state=case.state,
    )
    fresh = await store.get_case(services.db, case.case_id)
    if not decision.ok or fresh is None:
        await _already_decided(query, services, fresh or case, names)
        return
    await query.answer(t.DECISION_NAMES[decision.state])
    outcome = t.DECIDED.format(
        decision=t.DECISION_NAMES[decision.state],
        who=t.esc(user.full_name),
        when=t.when(decision.decided_at),
    )
    # needs_info can still be approved or rejected later: keep those two buttons.
    markup = (
        cards.decision_keyboard(services, case.case_id) if decision.state == "needs_info" else None
    )
    await _edit_card(query, cards.caption(fresh, services.election, outcome), markup)
    await notify_reporters(context.bot, services, case.case_id, decision.state)


async def _already_decided(
    query, services: Services, case: store.CaseDetail, names: dict[int, str]
) -> None:  # type: ignore[no-untyped-def]
    state = t.DECISION_NAMES.get(case.state, t.STATE_NAMES.get(case.state, case.state))
    await query.answer(
        t.ALREADY_DECIDED.format(
            case=case.case_id,
            state=state,
            who=await _who(services, case.decided_by, names),
            when=t.when(case.decided_at),
        ),
        show_alert=True,
    )


async def queue(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A moderator sees pending cases, oldest first, with their age."""
    if not await is_moderator(update, context):
        await update.effective_message.reply_text(t.NOT_ALLOWED)
        return
    services = services_of(context)
    pending = await store.queue(services.db, limit=30)
    if not pending:
        await update.effective_message.reply_text(t.QUEUE_EMPTY)
        return
    lines = [t.QUEUE_HEAD.format(count=len(pending))]
    for c in pending:
        lines.append(
            t.QUEUE_LINE.format(
                case=c.case_id,
                state=t.VERDICT_NAMES.get(c.state, t.DECISION_NAMES.get(c.state, c.state)),
                age=t.age(c.age),
                who=t.esc(c.asn_nama or "ASN tidak teridentifikasi"),
                candidate=f"{c.candidate:02d}" if c.candidate is not None else "-",
                reporters=c.reporters,
            )
        )
    await update.effective_message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


async def _case_from_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str
) -> store.CaseDetail | None:
    """The case a moderator's "/command N" names; None after telling them why not."""
    reply = update.effective_message.reply_text
    if not await is_moderator(update, context):
        await reply(t.NOT_ALLOWED)
        return None
    case_id = first_int(context.args)
    if case_id is None:
        await reply(usage)
        return None
    detail = await store.get_case(services_of(context).db, case_id)
    if detail is None:
        await reply(t.CASE_NOT_FOUND.format(case=case_id))
    return detail


async def case(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A moderator sees one case's card (with buttons while it is pending)."""
    detail = await _case_from_command(update, context, t.CASE_USAGE)
    if detail is None:
        return
    services, case_id = services_of(context), detail.case_id
    markup = cards.decision_keyboard(services, case_id) if detail.state in cards.PENDING else None
    caption = cards.caption(detail, services.election)
    if detail.files_deleted_at is None:
        data = await asyncio.to_thread(services.files.read, detail.image_path)
        await update.effective_message.reply_photo(
            data, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )
    else:
        await update.effective_message.reply_text(
            caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )


async def reanalyse(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reanalyse N: a moderator runs a case through OCR and the rules again (after a roster
    or election fix, say); undecided cases only."""
    detail = await _case_from_command(update, context, t.REANALYSE_USAGE)
    if detail is None:
        return
    services, case_id = services_of(context), detail.case_id
    ok = detail.files_deleted_at is None and await store.reanalyse(
        services.db, case_id, actor=update.effective_user.id
    )
    if ok:
        services.queue.put_nowait(case_id)
    text = t.REANALYSE_DONE if ok else t.REANALYSE_REFUSED
    await update.effective_message.reply_text(text.format(case=case_id))
