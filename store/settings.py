"""Small persistent values: the stored roster and election files, moderators' display names,
the scheduler's marks.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from store.db import Db, retry_on_conflict, transaction
from store.models import Setting, utcnow


async def get_setting(db: Db, key: str) -> str | None:
    async with transaction(db, read_only=True) as s:
        return await s.scalar(select(Setting.value).where(Setting.key == key))


async def setting_changed_at(db: Db, key: str) -> datetime | None:
    """When a setting was last written (the stored roster's "since", for instance)."""
    async with transaction(db, read_only=True) as s:
        return await s.scalar(select(Setting.updated_at).where(Setting.key == key))


async def set_setting(db: Db, key: str, value: str) -> None:
    """Upsert a small persistent value (e.g. the loaded roster's sha256)."""

    async def attempt() -> None:
        async with transaction(db) as s:
            row = await s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value, updated_at=utcnow()))
            else:
                row.value, row.updated_at = value, utcnow()

    await retry_on_conflict(attempt)
