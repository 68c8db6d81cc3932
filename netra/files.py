"""Screenshots and uploaded files on local disk, under the data directory."""

from __future__ import annotations

import os
from pathlib import Path


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
