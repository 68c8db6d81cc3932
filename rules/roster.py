"""Roster import: CSV/XLSX exports from the personnel office (BKPSDM) into `RosterEntry`s.

Personnel exports are messy: `;` CSVs from Excel, cp1252 files, NIPs with spaces, phones in
five formats. A bad row must never block the rest of the import, and must never vanish
silently either: it is reported with its spreadsheet line number and a reason in
Indonesian that the admin can act on.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import gc
import io
import operator
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from rules.errors import RosterError
from rules.types import RosterEntry
from wording import id as t

__all__ = [
    "RosterLoad",
    "RowProblem",
    "load_roster",
    "normalise_handle",
    "normalise_phone",
    "parse_roster",
    "validate_nip",
]


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was skipped or imported with a caveat. `line`: header is line 1."""

    line: int
    reason: str


@dataclass(slots=True)
class RosterLoad:
    """Result of an import: the good entries and what was wrong with the others."""

    entries: list[RosterEntry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


# --- field normalisation -------------------------------------------------------------

_NIP_STRIP_RE = re.compile(r"[\s.\-_/']+")
_MIN_AGE_AT_APPOINTMENT = 17


def validate_nip(text: str, this_year: int | None = None) -> str:
    """Return the 18-digit NIP or raise ValueError with a reason in Indonesian.

    PNS: YYYYMMDD birth, YYYYMM CPNS start (TMT), gender 1/2, 3-digit sequence.
    PPPK: YYYYMMDD birth, YYYY appointment year, "2" + contract digit, gender, sequence:
    positions 13-14 look like month "21" and must not be rejected for it.
    `this_year` (default: today's) is passed once by an import of millions of rows.
    """
    text = str(text)
    # Most NIPs are already 18 plain digits: the strip would find nothing to remove.
    nip = text if text.isdigit() and text.isascii() else _NIP_STRIP_RE.sub("", text)
    if not nip:
        raise ValueError(t.NIP_EMPTY)
    if not nip.isdigit() or not nip.isascii():
        raise ValueError(t.NIP_NOT_DIGITS.format(text=text))
    if len(nip) != 18:
        raise ValueError(t.NIP_LENGTH.format(length=len(nip)))
    if this_year is None:
        this_year = dt.date.today().year
    born = _birth_month(nip[0:8], this_year)
    started, pppk = _start_month(nip[8:14], this_year)
    age_months = started - born
    # PPPK carries only the year: compare years, one year of slack.
    min_months = (_MIN_AGE_AT_APPOINTMENT - (1 if pppk else 0)) * 12
    if age_months < min_months:
        raise ValueError(t.NIP_AGE.format(years=max(age_months // 12, 0)))
    if nip[14] not in "12":
        raise ValueError(t.NIP_GENDER.format(digit=nip[14]))
    return nip


# Both halves of a NIP's dates are checked once per distinct value (cached): a roster has a
# few tens of thousands of birth dates and a few thousand start months, millions of rows.


@lru_cache(maxsize=65536)
def _birth_month(date: str, this_year: int) -> int:
    """A NIP's YYYYMMDD birth date as months since year 0, or ValueError if it is not a real
    date at a plausible age."""
    year, month, day = int(date[0:4]), int(date[4:6]), int(date[6:8])
    if not (1930 <= year <= this_year - _MIN_AGE_AT_APPOINTMENT) or not 1 <= month <= 12:
        raise ValueError(t.NIP_BIRTH_DATE.format(date=date))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(t.NIP_BIRTH_DATE.format(date=date))
    return year * 12 + month


@lru_cache(maxsize=65536)
def _start_month(start: str, this_year: int) -> tuple[int, bool]:
    """A NIP's YYYYMM CPNS start (PNS) or YYYY2n appointment year (PPPK, read as January)
    as months since year 0, and whether it is PPPK; ValueError for an impossible one."""
    start_year = int(start[0:4])
    pppk = start[4] == "2"
    if pppk:
        start_month = 1
    else:
        start_month = int(start[4:6])
        if not 1 <= start_month <= 12:
            raise ValueError(t.NIP_START_MONTH.format(month=start[4:6]))
    if start_year > this_year + 1:
        raise ValueError(t.NIP_START_FUTURE.format(year=start_year))
    return start_year * 12 + start_month, pppk


_PHONE_JUNK_RE = re.compile(r"[\s().\-/]+")


def normalise_phone(text: str | None) -> str | None:
    """Indonesian mobile number as "+628…", or None if empty or not a mobile number."""
    if text is None:
        return None
    s = str(text).strip()
    if not (s.isdigit() and s.isascii()):  # most cells are plain digits: nothing to remove
        s = _PHONE_JUNK_RE.sub("", s)
    if s.endswith(".0"):  # a number cell read as float
        s = s[:-2]
    if not s:
        return None
    if s.startswith("+"):
        s = s[1:]
    elif s.startswith("00"):
        s = s[2:]
    if not s.isdigit() or not s.isascii():
        return None
    if s.startswith("0"):
        s = "62" + s[1:]
    elif s.startswith("8"):
        s = "62" + s
    if not s.startswith("628") or not 11 <= len(s) <= 14:
        return None
    return "+" + s


_HANDLE_URL_RE = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:instagram\.com|instagr\.am)/+([^/?#\s]+)", re.IGNORECASE
)
_HANDLE_RE = re.compile(r"^[a-z0-9._]{1,30}$")


def normalise_handle(text: str | None) -> str | None:
    """Instagram username, lower case without "@"; None if empty or impossible."""
    if text is None:
        return None
    s = str(text).strip()
    m = _HANDLE_URL_RE.match(s) if "/" in s else None  # a URL has a "/"; most cells none
    if m:
        s = m.group(1)
    s = s.strip().lstrip("@").strip().lower()
    if not s or not _HANDLE_RE.match(s):
        return None
    return s


# --- columns -------------------------------------------------------------------------

_ALIASES: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nomor induk pegawai", "no nip"),
    "nama": ("nama", "nama lengkap", "nama pegawai", "nama asn"),
    "jabatan": ("jabatan", "nama jabatan"),
    "unit_kerja": ("unit kerja", "opd", "unit organisasi", "satuan kerja", "satker", "unor"),
    "instansi": ("instansi", "instansi induk"),
    "phone": (
        "no hp", "telepon", "hp", "whatsapp", "no wa", "wa", "nomor hp", "no telepon",
        "telp", "no telp", "nomor whatsapp", "no handphone", "handphone", "ponsel",
    ),
    "instagram": ("instagram", "ig", "akun instagram", "username instagram"),
    "aliases": ("alias", "nama panggilan", "panggilan"),
}  # fmt: skip
_HEADER_TO_FIELD = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_REQUIRED = {"nip": "NIP", "nama": "Nama"}


def _header_key(cell: object) -> str:
    s = str(cell or "").replace("\ufeff", "").strip().lower()
    s = re.sub(r"[._:]+", " ", s)
    return " ".join(s.split())


def _map_header(header: Sequence[object]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = _HEADER_TO_FIELD.get(_header_key(cell))
        if name and name not in cols:
            cols[name] = i
    missing = [label for key, label in _REQUIRED.items() if key not in cols]
    if missing:
        found = ", ".join(str(c).strip() for c in header if str(c or "").strip()) or "-"
        raise RosterError(t.ROSTER_MISSING_COLUMNS.format(missing=", ".join(missing), found=found))
    return cols


# --- rows → entries ------------------------------------------------------------------

_ALIAS_SPLIT_RE = re.compile(r"[;|,]")
_MAX_FLOAT_EXACT = 2**53


def _cell(value: object) -> str:
    if type(value) is str:  # every CSV cell: the common case first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Builder:
    """Turns raw rows into entries, collecting problems; interns repeated strings.

    Runs once per row of rosters with millions of rows, so the columns are looked up once
    (`_slots`) and a row's cells fetched in one call rather than per field."""

    _FIELDS = ("nip", "nama", "jabatan", "unit_kerja", "instansi", "phone", "instagram",
               "aliases")  # fmt: skip

    def __init__(self, cols: dict[str, int]) -> None:
        self.cols = cols
        self.load = RosterLoad()
        self.seen: set[int] = set()
        self._intern: dict[str, str] = {}
        self._this_year = dt.date.today().year
        # A row padded to `_width` cells holds every field; a missing column reads the
        # padding cell at `_width - 1` (always empty: no column maps there).
        self._width = max(cols.values()) + 2
        self._pick = operator.itemgetter(*(cols.get(f, self._width - 1) for f in self._FIELDS))

    def add_rows(self, rows: Iterator[Sequence[Any]], line: int, text_cells: bool) -> None:
        """Add every row after the header (`line`: the header's line number). One loop with
        its lookups hoisted, as it runs millions of times; `text_cells`: every cell is a
        `str` (CSV), so a cell is just stripped."""
        problems, entries, seen = self.load.problems, self.load.entries, self.seen
        shared, this_year, pick = self._intern.setdefault, self._this_year, self._pick
        width = self._width
        pad = "" if text_cells else None
        for row in rows:
            line += 1
            cells = list(row[: width - 1])
            if len(cells) < width:
                cells += [pad] * (width - len(cells))
            picked = pick(cells)
            raw_nip = picked[0]
            if text_cells:
                nip_cell, nama, jabatan, unit, instansi, raw_phone, raw_ig, raw_alias = [
                    v.strip() for v in picked
                ]
            else:
                nip_cell, nama, jabatan, unit, instansi, raw_phone, raw_ig, raw_alias = [
                    _cell(v) for v in picked
                ]
            nama = " ".join(nama.split())
            if not nama and not nip_cell and not any(_cell(v) for v in row):
                continue  # a blank line, not data
            if isinstance(raw_nip, float) and raw_nip > _MAX_FLOAT_EXACT:
                problems.append(RowProblem(line, t.ROSTER_NIP_AS_NUMBER))
                continue
            try:
                nip = validate_nip(nip_cell, this_year)
            except ValueError as exc:
                problems.append(RowProblem(line, str(exc)))
                continue
            if not nama:
                problems.append(RowProblem(line, t.ROSTER_NAME_EMPTY.format(nip=nip)))
                continue
            key = int(nip)
            if key in seen:
                problems.append(RowProblem(line, t.ROSTER_NIP_REPEATED.format(nip=nip)))
                continue
            seen.add(key)
            phone = normalise_phone(raw_phone) if raw_phone else None
            if raw_phone and phone is None:
                problems.append(RowProblem(line, t.ROSTER_PHONE_UNKNOWN.format(phone=raw_phone)))
            handle = normalise_handle(raw_ig) if raw_ig else None
            if raw_ig and raw_ig not in {"-", "@"} and handle is None:
                problems.append(RowProblem(line, t.ROSTER_INSTAGRAM_UNKNOWN.format(handle=raw_ig)))
            aliases = (
                tuple(
                    a for a in (" ".join(x.split()) for x in _ALIAS_SPLIT_RE.split(raw_alias)) if a
                )
                if raw_alias
                else ()
            )
            entries.append(
                RosterEntry(
                    nip,
                    nama,
                    shared(jabatan, jabatan),  # units/positions repeat: keep one copy
                    shared(unit, unit),
                    shared(instansi, instansi),
                    phone,
                    sys.intern(handle) if handle else None,
                    aliases,
                )
            )


def _consume(rows: Iterator[Sequence[Any]], text_cells: bool = False) -> RosterLoad:
    header: Sequence[Any] | None = None
    line = 0
    for row in rows:
        line += 1
        if any(_cell(v) for v in row):
            header = row
            break
    if header is None:
        raise RosterError(t.ROSTER_EMPTY_FILE)
    builder = _Builder(_map_header(header))
    builder.add_rows(rows, line, text_cells)
    return builder.load


# --- formats -------------------------------------------------------------------------


def _sniff_delimiter(sample: str) -> str:
    """Pick `,`, `;` or tab by counting them in the header line (outside quotes)."""
    first = sample.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(data: bytes, encoding: str) -> Iterator[list[str]]:
    sample = data[:65536].decode(encoding, errors="replace").lstrip("\ufeff")
    delimiter = _sniff_delimiter(sample)
    text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="", errors="strict")
    return csv.reader(text, delimiter=delimiter)


def _load_csv(data: bytes) -> RosterLoad:
    encodings: Iterable[str]
    encodings = ("utf-8-sig", "cp1252", "latin-1")
    last: UnicodeDecodeError | None = None
    for enc in encodings:
        try:
            return _consume(_csv_rows(data, enc), text_cells=True)
        except UnicodeDecodeError as exc:  # restart the whole file with the next guess
            last = exc
        except csv.Error as exc:
            raise RosterError(t.ROSTER_CSV_UNREADABLE.format(error=exc)) from exc
    raise RosterError(t.ROSTER_ENCODING.format(error=last))


def _load_xlsx(data: bytes) -> RosterLoad:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise RosterError(t.ROSTER_NO_OPENPYXL) from exc
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile/xml errors: surface as a readable message
        raise RosterError(t.ROSTER_XLSX_UNREADABLE.format(error=exc)) from exc
    try:
        ws = wb.active if wb.active is not None else wb.worksheets[0]
        return _consume(iter(ws.iter_rows(values_only=True)))
    finally:
        wb.close()


def load_roster(path: str | Path) -> RosterLoad:
    """Import a roster file (CSV or XLSX) from disk; see `parse_roster`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(t.ROSTER_UNREADABLE.format(path=path, error=exc.strerror)) from exc
    return parse_roster(data, path.name)


def parse_roster(data: bytes, filename: str) -> RosterLoad:
    """Import a roster from CSV or XLSX bytes (format from the extension, then content)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".xlsx", ".xlsm"} or data[:4] == b"PK\x03\x04":
        with paused_gc():
            return _load_xlsx(data)
    if suffix == ".xls":
        raise RosterError(t.ROSTER_OLD_XLS)
    with paused_gc():
        return _load_csv(data)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while millions of objects are made and kept.

    Every few hundred allocations it would walk the young objects, and ever more often
    all of them: at 4.3 M rows a large share of the import. An import makes no cycles to
    collect; the collector is switched back on (if it was on) however the import ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
