"""The roster index in one file, mapped read-only by every process that opens it.

A national roster (4.3 M rows) indexed in each worker would cost gigabytes per worker and
minutes per start. The tables that grow with the roster are numpy arrays (`tables.ARRAYS`);
they are written once to one file and opened with `np.memmap`, so the pages are the page
cache's, shared by every process on the machine, and opening costs a header read plus one
pass of checksumming. The vocabulary (tokens, skeletons, one-deletion neighbourhood) is
arrays too; only the tables over units and aliases are in the header (JSON, not pickle: a
file is data, never code).

Layout: magic (8 bytes), header length (8), blake2b of the header (32), the header (JSON:
format, roster digest, the small tables, each array's dtype, shape and offset, the data
length and its blake2b), then the arrays, each 64-byte aligned. A file that is short, whose
header or data do not hash to what it says, or of another format or roster, is refused
(`StoredIndexError`) and `cached` rebuilds it. Files are written to a temporary name and
renamed, so a reader never sees a half-written one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from rules.roster_index.tables import ARRAYS, RosterTables
from rules.types import RosterEntry

log = logging.getLogger(__name__)

MAGIC = b"NETRAIX1"
# 3: unit keys with a school's town and runs of a unit's words; 4: _post_unit; 5: _thin_keys;
# 6: more name prefixes ("Baiq", "Lalu", "Ahmad", "Abdul") and a unit's exact place keys
# 7: leading chains of name prefixes ("Uray Muhammad Hasan") and more prefixes
# 8: Buton's "La Ode", "Wa Ode" as name prefixes
# 9: which prefixes are religious given names ("Ahmad Syarifuddin" of Muhammad Ahmad S.)
# 10: "St." folded to "siti"
FORMAT = 11
_ALIGN = 64
_CHUNK = 1 << 24

T = TypeVar("T", bound=RosterTables)


class StoredIndexError(ValueError):
    """The file is not a complete roster index of this format (and roster, if asked)."""


def _small_tables(t: RosterTables) -> dict[str, Any]:
    return {
        "size": t._size,
        "strings": t._strings,
        "unit_keys": [sorted(k) for k in t._unit_keys],
        "units": list(t._unit_ids),
        "key_units": {k: sorted(v) for k, v in t._key_units.items()},
        "prefix_tids": sorted(t._prefix_tids),
        "religious_tids": sorted(t._religious_tids),
        "post_words": sorted(t._post_words),
        "aliases": [[i, [list(a) for a in al]] for i, al in t._aliases.items()],
    }


def _pad(n: int) -> int:
    return -n % _ALIGN


def save(tables: RosterTables, path: Path, roster_digest: str = "") -> None:
    """Write the index to `path` (atomically: a temporary file renamed over it)."""
    path = Path(path)
    layout: dict[str, dict[str, Any]] = {}
    offset = 0
    arrays = []
    for name in ARRAYS:
        a = np.ascontiguousarray(getattr(tables, name))
        layout[name] = {"dtype": a.dtype.str, "shape": list(a.shape), "offset": offset}
        arrays.append(a)
        offset += a.nbytes + _pad(a.nbytes)
    data_hash = hashlib.blake2b()
    for a in arrays:
        data_hash.update(a.data)
        data_hash.update(bytes(_pad(a.nbytes)))
    header = {
        "format": FORMAT,
        "roster": roster_digest,
        "arrays": layout,
        "data_length": offset,
        "data_blake2b": data_hash.hexdigest(),
        "tables": _small_tables(tables),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode()
    prefix = (
        MAGIC + len(head).to_bytes(8, "little") + hashlib.blake2b(head, digest_size=32).digest()
    )
    start = len(prefix) + len(head)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with tmp.open("wb") as f:
            f.write(prefix + head + bytes(_pad(start)))
            for a in arrays:
                f.write(a.data)
                f.write(bytes(_pad(a.nbytes)))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _read_header(f: Any, path: Path) -> tuple[dict[str, Any], int]:
    fixed = f.read(48)
    if len(fixed) < 48 or fixed[:8] != MAGIC:
        raise StoredIndexError(f"{path.name}: not a roster index file")
    length = int.from_bytes(fixed[8:16], "little")
    head = f.read(length)
    if len(head) != length or hashlib.blake2b(head, digest_size=32).digest() != fixed[16:48]:
        raise StoredIndexError(f"{path.name}: header damaged or cut short")
    header = json.loads(head)
    start = 48 + length
    return header, start + _pad(start)


def open_tables(cls: type[T], path: Path, roster_digest: str | None = None) -> T:
    """The index stored at `path`, its arrays mapped read-only; `StoredIndexError` if the
    file is incomplete, damaged, of another format or (when given) of another roster."""
    path = Path(path)
    try:
        return _open(cls, path, roster_digest)
    except StoredIndexError:
        raise
    except (KeyError, TypeError, ValueError) as exc:  # a header that hashes right but is wrong
        raise StoredIndexError(f"{path.name}: header not of this format ({exc!r})") from exc


def _open(cls: type[T], path: Path, roster_digest: str | None) -> T:
    with path.open("rb") as f:
        header, data_start = _read_header(f, path)
        if header.get("format") != FORMAT:
            raise StoredIndexError(f"{path.name}: format {header.get('format')}, not {FORMAT}")
        if roster_digest is not None and header.get("roster") != roster_digest:
            raise StoredIndexError(f"{path.name}: index of another roster")
        if os.fstat(f.fileno()).st_size != data_start + header["data_length"]:
            raise StoredIndexError(f"{path.name}: cut short or overlong")
        # Reading (not mapping) the data to check it leaves it in the page cache, where
        # every process's mapping finds it, and adds nothing to this process's memory.
        f.seek(data_start)
        digest = hashlib.blake2b()
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
        if digest.hexdigest() != header["data_blake2b"]:
            raise StoredIndexError(f"{path.name}: data damaged")
        # One read-only mapping of the whole file; the arrays are views into it.
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    tables = cls.__new__(cls)
    for name in ARRAYS:
        spec = header["arrays"][name]
        dtype = np.dtype(spec["dtype"])
        count = int(np.prod(spec["shape"]))
        arr = np.frombuffer(mapped, dtype=dtype, count=count, offset=data_start + spec["offset"])
        setattr(tables, name, arr.reshape(spec["shape"]))
    small = header["tables"]
    tables._size = small["size"]
    tables._strings = small["strings"]
    tables._string_ids = {s: i for i, s in enumerate(tables._strings)}
    tables._unit_keys = [frozenset(k) for k in small["unit_keys"]]
    tables._unit_ids = {u: i for i, u in enumerate(small["units"])}
    tables._key_units = {k: set(v) for k, v in small["key_units"].items()}
    tables._prefix_tids = frozenset(small["prefix_tids"])
    tables._religious_tids = frozenset(small["religious_tids"])
    tables._post_words = frozenset(small["post_words"])
    tables._aliases = {i: [tuple(a) for a in al] for i, al in small["aliases"]}
    tables._variant_cache = {}
    tables._wrap_vocabulary()
    return tables


def roster_digest(data: bytes) -> str:
    """What names a roster file's index: the SHA-256 of the file, as the store names it."""
    return hashlib.sha256(data).hexdigest()


def cached(
    cls: type[T],
    data: bytes,
    cache_dir: Path,
    entries: Callable[[], Iterable[RosterEntry]],
) -> T:
    """The index of the roster file `data`: opened from `cache_dir` if a complete index of
    this very file is there, else built from `entries()`, saved and opened. Indexes of other
    rosters in the folder are removed (a process still using one keeps its mapping)."""
    digest = roster_digest(data)
    path = Path(cache_dir) / f"roster-{digest}.idx"
    if path.exists():
        try:
            return open_tables(cls, path, digest)
        except (StoredIndexError, OSError) as exc:
            log.warning("roster index %s not used, rebuilding: %s", path.name, exc)
    built = cls(entries())
    save(built, path, digest)
    for other in Path(cache_dir).glob("roster-*.idx"):
        if other != path:
            other.unlink(missing_ok=True)
    return open_tables(cls, path, digest)
