"""Screenshots and uploaded files in PostgreSQL, content-addressed by SHA-256.

In PostgreSQL mode a worker on another machine must read the very bytes the bot received,
so they live in the database (`blobs`), not in a local folder. The interface is the local
`netra.files.FileStore`'s — `write`, `read`, `exists`, `delete` by the relative names the
cases keep (`files/ab/<sha256>.jpg`, `roster/<sha256>.csv`), whose stem is the SHA-256 — and
it is synchronous like the disk's, called from threads (`asyncio.to_thread`), through its own
small psycopg pool: a file is read in one round trip and never holds an async connection.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

from sqlalchemy import create_engine, delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Engine, make_url

from store.models import Blob, utcnow

_SHA256 = re.compile(r"[0-9a-f]{64}")


def sha_of(relative: str) -> str:
    """The SHA-256 a stored file is named by (its name's stem)."""
    stem = PurePosixPath(relative).name.split(".")[0]
    if not _SHA256.fullmatch(stem):
        raise ValueError(f"not a content-addressed name: {relative!r}")
    return stem


def sync_url(url: str) -> str:
    """The same PostgreSQL database through psycopg 3 (synchronous)."""
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


class BlobStore:
    """Files in the `blobs` table; a duplicate is stored once (same bytes, same key)."""

    def __init__(self, url: str, pool_size: int = 4) -> None:
        self._engine: Engine = create_engine(
            sync_url(url), pool_size=pool_size, max_overflow=4, pool_pre_ping=True
        )

    def relative_path(self, sha256: str, suffix: str = ".img") -> str:
        return f"files/{sha256[:2]}/{sha256}{suffix}"

    def write(self, relative: str, data: bytes) -> None:
        """Durable once this returns (committed); the name must be the data's SHA-256."""
        sha = sha_of(relative)
        if hashlib.sha256(data).hexdigest() != sha:
            raise ValueError(f"{relative!r} is not named by its content's SHA-256")
        stmt = (
            insert(Blob)
            .values(sha256=sha, data=data, size=len(data), created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
        with self._engine.begin() as conn:
            conn.execute(stmt)

    def read(self, relative: str) -> bytes:
        with self._engine.connect() as conn:
            data = conn.scalar(select(Blob.data).where(Blob.sha256 == sha_of(relative)))
        if data is None:
            raise FileNotFoundError(relative)
        return bytes(data)

    def exists(self, relative: str) -> bool:
        with self._engine.connect() as conn:
            found = conn.scalar(select(Blob.sha256).where(Blob.sha256 == sha_of(relative)))
        return found is not None

    def delete(self, paths: tuple[str, ...] | list[str]) -> int:
        """Delete these files; how many were there."""
        shas = [sha_of(p) for p in paths]
        if not shas:
            return 0
        with self._engine.begin() as conn:
            result = conn.execute(delete(Blob).where(Blob.sha256.in_(shas)))
        return int(result.rowcount or 0)

    def close(self) -> None:
        self._engine.dispose()
