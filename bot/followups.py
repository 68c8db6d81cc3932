"""What a decision owes: the moderators' card shows it, the reporters hear it.

A decision is committed first (`store.decide_case`), its follow-ups come after, over the
network. If the process dies in between, the case's `card_version` / `outcome_version` lag
behind its `version`; `settle_case` brings both up to date and is safe to run any number of
times (an edit that changes nothing is fine, a reporter already told a final outcome is
skipped), so it runs after each decision, when a moderator's press turns out to be a
re-delivery of their own decision, and at start-up for every case left unsettled.
"""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, MaybeInaccessibleMessage
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

import store
from bot import cards, fit
from bot.errors import OutcomeUndelivered
from netra.services import MODERATOR_NAME_SETTING, Services
from wording import id as t

log = logging.getLogger(__name__)

OUTCOME_LINE_LIMIT = 300


async def who(services: Services, user_id: int | None) -> str:
    """A moderator's display name as remembered (the name Telegram showed when they acted)."""
    if user_id is None:
        return t.SYSTEM_ACTOR
    stored = await store.get_setting(services.db, MODERATOR_NAME_SETTING.format(user_id))
    return stored or t.MODERATOR_UNNAMED.format(user_id=user_id)


async def render(
    services: Services, case: store.CaseDetail
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Caption and buttons of a case's card as it stands now (buttons carry its version)."""
    outcome = None
    if case.state in t.DECISION_NAMES and case.decided_at is not None:
        outcome = fit.fill(
            t.DECIDED,
            OUTCOME_LINE_LIMIT,
            html_mode=True,
            decision=t.DECISION_NAMES[case.state],
            who=await who(services, case.decided_by),
            when=t.when(case.decided_at),
        )
    caption = cards.caption(
        case, services.elections, outcome, deadline_days=services.config.digest.deadline_days
    )
    return caption, cards.decision_keyboard(services, case)


async def show(
    bot: Bot,
    chat_id: int,
    message_id: int,
    caption: str,
    markup: InlineKeyboardMarkup | None,
    *,
    photo: bool = True,
) -> bool:
    """Edit one card to `caption`/`markup`; True when it shows them now (also when it did
    already), False when the message is gone. Network failures propagate (retry later)."""
    try:
        if photo:
            await bot.edit_message_caption(
                chat_id, message_id, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        else:
            await bot.edit_message_text(
                caption, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=markup
            )
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return True
        log.info("card %s not edited: %s", message_id, exc.message)
        return False
    return True


async def settle_case(
    bot: Bot, services: Services, case_id: int, also: MaybeInaccessibleMessage | None = None
) -> None:
    """Make the moderators' card (and `also`, the card a press came from) show the case as it
    is, then tell the reporters its outcome if they have not heard it."""
    async with services.case_lock(case_id):
        case = await store.get_case(services.db, case_id)
        if case is None:
            return
        caption, markup = await render(services, case)
        chat, message = case.moderator_chat_id, case.moderator_message_id
        if chat is not None and message is not None and case.card_version < case.version:
            await show(bot, chat, message, caption, markup)
            await store.mark_card_shown(services.db, case_id, case.version)
        if also is not None and (also.chat_id, also.message_id) != (chat, message):
            await show(bot, also.chat_id, also.message_id, caption, markup, photo=bool(also.photo))
    if case.state in t.OUTCOME and case.outcome_version < case.version:
        if services.distributed:
            # Several processes may settle one decision (two bots starting together): the
            # telling is a job under the case's lock, done once (`tell_outcome`).
            await store.defer_outcome(services.db, case_id)
        else:
            await tell_outcome(bot, services, case_id)


async def tell_outcome(bot: Bot, services: Services, case_id: int) -> None:
    """Tell the reporters the case's outcome unless they heard this version of it already."""
    case = await store.get_case(services.db, case_id)
    if case is None or case.state not in t.OUTCOME or case.outcome_version >= case.version:
        return
    await notify_reporters(bot, services, case_id, case.state)
    await store.mark_outcome_told(services.db, case_id, case.version)


async def notify_reporters(bot: Bot, services: Services, case_id: int, state: str) -> None:
    """Tell every reporter of the case what the moderators decided (if configured)."""
    if not services.config.bot.notify_reporters or state not in t.OUTCOME:
        return
    done, failed = [], 0
    for chat_id, message_id, ticket in await store.submissions_to_notify(services.db, case_id):
        try:
            await bot.send_message(
                chat_id,
                t.OUTCOME[state].format(ticket=ticket),
                parse_mode=ParseMode.HTML,
                reply_to_message_id=message_id,
                allow_sending_without_reply=True,
            )
        except (BadRequest, Forbidden) as exc:  # blocked the bot, deleted: nothing more to do
            log.info("outcome not delivered: %s", type(exc).__name__)
        except TelegramError as exc:  # still failing after the retries: try again later
            log.warning("outcome not delivered yet: %s", type(exc).__name__)
            failed += 1
            continue
        done.append(ticket)
    if state != "needs_info":  # needs_info is not the outcome: the final decision is told too
        await store.mark_notified(services.db, done)
    if failed:
        raise OutcomeUndelivered(f"{failed} reporters not reached yet")


async def settle_all(bot: Bot, services: Services) -> int:
    """At start-up: finish the follow-ups of decisions a dead process left unsettled."""
    unsettled = await store.unsettled_cases(services.db)
    for case_id in unsettled:
        try:
            await settle_case(bot, services, case_id)
        except TelegramError as exc:
            log.warning("case %d not settled yet: %s", case_id, type(exc).__name__)
    if unsettled:
        log.info("%d decided cases settled at start-up", len(unsettled))
    return len(unsettled)
