"""Screenshots that may go: of rejected and clear cases past retention (`retention_candidates`,
`mark_files_deleted`), and of approved cases an admin archives once the evidence is handed
over (`archive_candidate`, `mark_archived`). The record, hashes, decision and audit trail
stay; only files no other case still uses are offered for deletion.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store import audit
from store.db import Db, transaction
from store.models import Case, Submission
from store.records import RetentionCase
from wording import id as t

RETENTION_STATES = ("rejected", "clear")


async def retention_candidates(
    db: Db, *, before: datetime, limit: int = 500
) -> list[RetentionCase]:
    """Rejected and clear cases settled before `before` whose files are still on disk, with the
    files that no other (non-eligible) case still needs."""
    settled = func.coalesce(Case.decided_at, Case.analysed_at, Case.created_at)
    async with transaction(db, read_only=True) as s:
        ids = list(
            await s.scalars(
                select(Case.id)
                .where(
                    Case.state.in_(RETENTION_STATES),
                    Case.files_deleted_at.is_(None),
                    settled < before,
                )
                .order_by(Case.id)
                .limit(limit)
            )
        )
        if not ids:
            return []
        return await _deletable(s, ids)


async def _deletable(s: AsyncSession, ids: list[int]) -> list[RetentionCase]:
    """The files of these cases that no other case still needs."""
    paths: dict[int, set[str]] = {i: set() for i in ids}
    for cid, path in await s.execute(select(Case.id, Case.image_path).where(Case.id.in_(ids))):
        paths[cid].add(path)
    for cid, path in await s.execute(
        select(Submission.case_id, Submission.file_path).where(Submission.case_id.in_(ids))
    ):
        paths[cid].add(path)
    wanted = set().union(*paths.values())
    # A file another case still uses (same bytes split off, reanalysed...) stays.
    shared = set(
        await s.scalars(
            select(Submission.file_path).where(
                Submission.file_path.in_(wanted), Submission.case_id.not_in(ids)
            )
        )
    ) | set(
        await s.scalars(
            select(Case.image_path).where(Case.image_path.in_(wanted), Case.id.not_in(ids))
        )
    )
    return [RetentionCase(cid, tuple(sorted(p - shared))) for cid, p in paths.items()]


async def archive_candidate(db: Db, case_id: int) -> RetentionCase | None:
    """An approved case whose evidence is still on disk (what `/archive` may delete)."""
    async with transaction(db, read_only=True) as s:
        ok = await s.scalar(
            select(Case.id).where(
                Case.id == case_id, Case.state == "approved", Case.files_deleted_at.is_(None)
            )
        )
        return (await _deletable(s, [case_id]))[0] if ok else None


async def mark_archived(db: Db, case_id: int, *, actor: int, now: datetime, files: int) -> bool:
    """An admin archived an approved case: its files are gone, the record and hashes stay."""
    async with transaction(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(
                    Case.id == case_id, Case.state == "approved", Case.files_deleted_at.is_(None)
                )
                .values(files_deleted_at=now)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        note = t.AUDIT_ARCHIVED.format(files=files)
        audit.write(s, case_id, audit.actor(actor), "archived", "approved", "approved", note, now)
        return True


async def mark_files_deleted(
    db: Db, case_id: int, *, now: datetime, files: int, retention_days: int
) -> bool:
    """Set `files_deleted_at` (hashes and decisions stay) and write the audit row."""
    async with transaction(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(
                    Case.id == case_id,
                    Case.files_deleted_at.is_(None),
                    Case.state.in_(RETENTION_STATES),
                )
                .values(files_deleted_at=now)
                .returning(Case.state)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        note = t.AUDIT_RETENTION.format(days=retention_days, files=files)
        audit.write(s, case_id, audit.SYSTEM, "files_deleted", done[0], done[0], note, now)
        return True
