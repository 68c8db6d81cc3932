"""Where screenshots and uploaded files live: a folder under the data directory (SQLite, one
machine) or the database itself (PostgreSQL, any number of machines: `store.BlobStore`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import store


class Files(Protocol):
    """What the services need of a file store (synchronous: call it from a thread)."""

    def relative_path(self, sha256: str, suffix: str = ".img") -> str: ...
    def write(self, relative: str, data: bytes) -> None: ...
    def read(self, relative: str) -> bytes: ...
    def exists(self, relative: str) -> bool: ...
    def delete(self, paths: tuple[str, ...] | list[str]) -> int: ...
    def close(self) -> None: ...


class FileStore:
    """Screenshots on local disk, named by their SHA-256 (so a duplicate is stored once)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def relative_path(self, sha256: str, suffix: str = ".img") -> str:
        return f"files/{sha256[:2]}/{sha256}{suffix}"

    def write(self, relative: str, data: bytes) -> None:
        """Atomic and durable: a crash leaves either the whole file or none."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            return
        tmp = target.with_suffix(target.suffix + f".{os.getpid()}.tmp")
        with open(tmp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)

    def read(self, relative: str) -> bytes:
        return (self.root / relative).read_bytes()

    def exists(self, relative: str) -> bool:
        return (self.root / relative).exists()

    def delete(self, paths: tuple[str, ...] | list[str]) -> int:
        """Delete these files under the root (never outside it); how many were there."""
        deleted = 0
        base = self.root.resolve()
        for rel in paths:
            target = (self.root / rel).resolve()
            if base not in target.parents:  # never outside the data directory
                continue
            try:
                target.unlink()
                deleted += 1
            except FileNotFoundError:
                pass
        return deleted

    def close(self) -> None:
        """Nothing to release."""


def open_files(database_url: str, data_dir: Path) -> Files:
    """The database's blobs in PostgreSQL mode, else the data directory's folder."""
    if database_url.startswith("postgresql"):
        return store.BlobStore(database_url)
    return FileStore(data_dir)
