"""Background analysis: queued cases → OCR/rules in the pool → verdict → moderators' chat.

Workers are asyncio tasks awaiting `AnalysisPool.analyse`, which runs in threads, so the
event loop never blocks on OCR. A case is claimed (attempt counted) before analysis: if the
process dies mid-analysis the case is still "new" and is queued again at start-up; after
`analysis_attempts` crashes it becomes "error" instead of looping forever.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

import store
from bot import followups
from bot.services import Services
from rules.duplicates import same_story
from rules.verdict import Verdict
from wording import id as t

log = logging.getLogger(__name__)
T = TypeVar("T")


def asn_snapshot(verdict: Verdict) -> dict[str, object] | None:
    if verdict.asn is None:
        return None
    e = verdict.asn.entry
    return {
        "nip": e.nip,
        "nama": e.nama,
        "jabatan": e.jabatan,
        "unit_kerja": e.unit_kerja,
        "instansi": e.instansi,
        "confidence": round(verdict.asn.confidence, 3),
    }


async def with_retries(call: Callable[[], Awaitable[T]]) -> T:
    """Run a Bot API call. Retries of network errors, timeouts and flood control live in the
    bot's rate limiter (`bot.sending.FairRateLimiter`), which every request passes; this
    wrapper stays for the callers that name it (the scheduled jobs)."""
    return await call()


async def post_to_moderators(bot: Bot, services: Services, case_id: int) -> None:
    """Send the case card (screenshot, evidence, buttons) to the moderators' chat."""
    chat_id = services.config.telegram.moderator_chat_id
    case = await store.get_case(services.db, case_id)
    if case is None or chat_id is None:
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
    for admin in services.config.telegram.admin_ids:
        try:
            await bot.send_message(admin, text, parse_mode=ParseMode.HTML)
        except TelegramError:
            log.warning("could not reach an admin")


async def analyse_case(bot: Bot, services: Services, case_id: int) -> str | None:
    """Analyse one case end to end; returns its new state (None if someone else had it)."""
    attempts = services.config.bot.analysis_attempts
    claimed = await store.claim_for_analysis(services.db, case_id, max_attempts=attempts)
    if claimed is None:
        return None
    try:
        data = await asyncio.to_thread(services.files.read, claimed.image_path)
        verdict = await services.pool.analyse(data)
    except Exception as exc:  # the pool itself failed: count it, maybe retry later
        log.exception("analysis of case %d failed", case_id)
        return await store.mark_analysis_failed(services.db, case_id, type(exc).__name__, attempts)
    state = await store.save_verdict(services.db, case_id, verdict.to_dict(), asn_snapshot(verdict))
    if await merge_if_duplicate(services, case_id):
        return "merged"
    if state in ("flagged", "review"):
        services.cards.put_nowait(case_id)
    return state


async def merge_if_duplicate(services: Services, case_id: int) -> bool:
    """Fold a freshly analysed case into an older one showing the same story (see
    `rules.duplicates`): its reporters then corroborate the existing case."""
    threshold = services.config.bot.phash_distance
    candidates = await store.near_duplicates(services.db, case_id, threshold)
    if not candidates:
        return False
    mine = await store.get_case(services.db, case_id)
    if mine is None or mine.verdict is None:
        return False
    for other_id in candidates:
        other = await store.get_case(services.db, other_id)
        if (
            other is not None
            and other.verdict is not None
            and same_story(mine.verdict, other.verdict)
        ):
            return await store.merge_case(services.db, case_id, other_id, reason=t.MERGED_SIMILAR)
    return False


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


async def drain(queue: asyncio.Queue[int], handle: Callable[[int], Awaitable[object]]) -> None:
    """Handle queued case ids forever; one failure is logged and never stops the loop."""
    while True:
        case_id = await queue.get()
        try:
            await handle(case_id)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("case %d failed in %s", case_id, getattr(handle, "__name__", "handler"))
        finally:
            queue.task_done()


async def start_workers(bot: Bot, services: Services) -> None:
    """Queue everything acknowledged but not analysed (e.g. before a crash), start workers."""
    for case_id in await store.pending_analysis(services.db):
        services.queue.put_nowait(case_id)
    # Analysed before a restart but never shown to the moderators: post them now.
    for pending in await store.queue(services.db, limit=1000):
        if pending.moderator_message_id is None and pending.state in ("flagged", "review"):
            services.cards.put_nowait(pending.case_id)
    # Decided before a crash but the card or the reporters never heard: finish that.
    services.tasks.append(asyncio.create_task(followups.settle_all(bot, services)))
    analyse = functools.partial(analyse_case, bot, services)
    for _ in range(services.pool.workers):
        services.tasks.append(asyncio.create_task(drain(services.queue, analyse)))
    # Cards are posted apart from the OCR workers: the moderators' group is rate limited
    # (20 messages a minute), and OCR should not wait for it.
    card = functools.partial(post_card, bot, services)
    services.tasks.append(asyncio.create_task(drain(services.cards, card)))
