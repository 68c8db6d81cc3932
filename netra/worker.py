"""Background analysis: queued cases → OCR and the rules in the pool → verdict → the cases a
moderator must see go to `services.cards` (the bot posts them).

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

import store
from netra.services import Services
from rules.duplicates import same_story
from rules.verdict import Verdict
from wording import id as t

log = logging.getLogger(__name__)


def asn_snapshot(verdict: Verdict) -> dict[str, object] | None:
    """The matched ASN as the roster has them now (the case keeps this snapshot)."""
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


async def analyse_case(services: Services, case_id: int) -> str | None:
    """Analyse one case end to end; returns its new state (None if someone else had it).

    Two workers may race on one case (a job run again after its worker was thought dead):
    both may analyse, but only the first verdict is saved (`store.save_verdict_once`), and
    only its saver merges the case or asks for its card."""
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
    state, saved = await store.save_verdict_once(
        services.db, case_id, verdict.to_dict(), asn_snapshot(verdict)
    )
    if not saved:
        return None
    if await merge_if_duplicate(services, case_id):
        return "merged"
    if state in ("flagged", "review"):
        case = await store.get_case(services.db, case_id)
        if case is not None:
            await services.request_card(case_id, case.version)
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


async def queue_unanalysed(services: Services) -> None:
    """Queue everything acknowledged but not analysed (e.g. before a crash)."""
    for case_id in await store.pending_analysis(services.db):
        services.queue.put_nowait(case_id)


def start_analysis(services: Services) -> None:
    """One analysis task per pool worker, draining `services.queue`."""
    analyse = functools.partial(analyse_case, services)
    for _ in range(services.pool.workers):
        services.tasks.append(asyncio.create_task(drain(services.queue, analyse)))
