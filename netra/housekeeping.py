"""Housekeeping of the data directory: screenshots that retention or an admin's archive
lets go. The record, hashes, decision and audit trail of a case always stay; logs carry
counts only, no personal data."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import store
from netra.services import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetentionResult:
    """What a retention run deleted: the files of `cases` cases, `files` files in all."""

    cases: int
    files: int


async def delete_expired_files(services: Services, now: datetime) -> RetentionResult:
    """Delete screenshot files of rejected/clear cases past retention; hashes, decisions and the
    audit trail stay. Approved cases keep their evidence. Logs counts only (no personal data)."""
    days = services.config.retention.days
    cases = files = 0
    seen: set[int] = set()
    while True:
        batch = await store.retention_candidates(services.db, before=now - timedelta(days=days))
        batch = [item for item in batch if item.case_id not in seen]
        if not batch:
            break
        for item in batch:
            seen.add(item.case_id)
            deleted = await asyncio.to_thread(services.files.delete, item.paths)
            if await store.mark_files_deleted(
                services.db, item.case_id, now=now, files=deleted, retention_days=days
            ):
                cases += 1
                files += deleted
    # Raw updates carry reporters' names and ids: finished ones leave the inbox after two days.
    pruned = await store.prune_updates(services.db)
    log.info(
        "retention (%d days): files of %d cases deleted, %d files; %d inbox updates pruned",
        days,
        cases,
        files,
        pruned,
    )
    return RetentionResult(cases, files)


async def archive_case(services: Services, case_id: int, actor: int, now: datetime) -> int | None:
    """An admin archives an approved case once its evidence is handed over: the screenshot
    files go, the record, hashes and decision stay. Returns files deleted, None if refused."""
    item = await store.archive_candidate(services.db, case_id)
    if item is None:
        return None
    deleted = await asyncio.to_thread(services.files.delete, item.paths)
    if not await store.mark_archived(services.db, case_id, actor=actor, now=now, files=deleted):
        return None
    log.info("case archived by an admin: %d files deleted", deleted)
    return deleted
