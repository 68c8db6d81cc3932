"""The bot's background work: cases the analysis sends to the moderators (`netra.worker`,
through `services.cards`) are posted to the moderators' chat as cards, apart from the OCR
workers, since the group is rate limited (20 messages a minute) and OCR should not wait for
it; decisions a crash interrupted are finished at start-up (`followups.settle_all`).
"""

from __future__ import annotations

import asyncio
import functools
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

import store
from bot import followups
from netra import worker
from netra.services import Services
from wording import id as t

log = logging.getLogger(__name__)


async def post_to_moderators(bot: Bot, services: Services, case_id: int) -> None:
    """Send the case card (screenshot, evidence, buttons) to the moderators' chat: its
    election's own, when the election file names one, else the configured one."""
    case = await store.get_case(services.db, case_id)
    if case is None:
        return
    chat_id = services.moderator_chat_for(case.election)
    if chat_id is None:
        return
    data = await asyncio.to_thread(services.files.read, case.image_path)
    async with services.case_lock(case_id):
        case = await store.get_case(services.db, case_id) or case
        caption, markup = await followups.render(services, case)
        message = await bot.send_photo(
            chat_id, photo=data, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )
        await store.set_moderator_message(
            services.db, case_id, message.chat_id, message.message_id, version=case.version
        )


async def tell_admins(bot: Bot, services: Services, text: str) -> None:
    """Something every admin must know (a refused moderators' chat)."""
    for admin in services.config.telegram.admin_ids:
        try:
            await bot.send_message(admin, text, parse_mode=ParseMode.HTML)
        except TelegramError:
            log.warning("could not reach an admin")


async def post_card(bot: Bot, services: Services, case_id: int) -> None:
    """Post one case card; a refused moderators' chat is reported to the admins."""
    try:
        await post_to_moderators(bot, services, case_id)
    except (BadRequest, Forbidden) as exc:
        # A deleted or misconfigured moderators' chat: the case stays in /queue; admins hear.
        log.error("moderators' chat refused case %d: %s", case_id, exc.message)
        await tell_admins(
            bot, services, t.MODERATOR_CHAT_FAILED.format(case=case_id, error=t.esc(exc.message))
        )


async def post_card_once(bot: Bot, services: Services, case_id: int, version: int) -> None:
    """The send lane's card job: post the card unless it shows `version` already (the job ran
    before and its worker died after posting, or two jobs asked for one card). Jobs of one
    case never run together (their lock), so the check and the post cannot interleave."""
    case = await store.get_case(services.db, case_id)
    if case is None or case.state not in ("flagged", "review"):
        return  # merged into another case, or decided already
    if case.moderator_message_id is not None and case.card_version >= version:
        return
    await post_card(bot, services, case_id)


async def start_workers(bot: Bot, services: Services) -> None:
    """Queue everything acknowledged but not analysed (e.g. before a crash), start the
    analysis workers and the one that posts cards. In PostgreSQL mode the shared job queue
    holds the work (`bot.jobs`); only what a dead process left without a job is queued."""
    if services.distributed:
        await owed_work(services)
        services.tasks.append(asyncio.create_task(followups.settle_all(bot, services)))
        return
    await worker.queue_unanalysed(services)
    # Analysed before a restart but never shown to the moderators: post them now.
    for pending in await store.pending_cases(services.db, limit=1000):
        if pending.moderator_message_id is None and pending.state in ("flagged", "review"):
            services.cards.put_nowait(pending.case_id)
    # Decided before a crash but the card or the reporters never heard: finish that.
    services.tasks.append(asyncio.create_task(followups.settle_all(bot, services)))
    worker.start_analysis(services)
    # Cards are posted apart from the OCR workers: the moderators' group is rate limited
    # (20 messages a minute), and OCR should not wait for it.
    card = functools.partial(post_card, bot, services)
    services.tasks.append(asyncio.create_task(worker.drain(services.cards, card)))


async def owed_work(services: Services) -> None:
    """PostgreSQL mode, at start-up: a job for every case still "new" without one, and a card
    job for every case a moderator must see whose card was never posted."""
    orphans = await store.requeue_orphans(services.db)
    if orphans:
        log.info("%d unanalysed cases had no job: queued", len(orphans))
    for pending in await store.pending_cases(services.db, limit=1000):
        if pending.moderator_message_id is None and pending.state in ("flagged", "review"):
            case = await store.get_case(services.db, pending.case_id)
            if case is not None:
                await services.request_card(case.case_id, case.version)
