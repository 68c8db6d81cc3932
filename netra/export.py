"""Exports of approved cases for a report to Bawaslu: XLSX, CSV, and a ZIP of the screenshots.

Columns follow what a report needs (Form A.1: what, who, where, when it happened and when it
was discovered, evidence): the status's own "seen" text as shown on screen next to the time it
was first reported (a relative "2 jam lalu" only means something with that time), the reported
ASN's roster snapshot (NIP is what BKN's form asks for), the candidate, the OCR text and rule
evidence, the SHA-256 of the original screenshot (so the file handed over can be verified),
how many independent reporters sent it, and the moderator's decision.

Times are in the election's time zone. Cells from OCR or users are written as text, never as
formulas (CSV/Excel formula injection), and control characters Excel refuses are dropped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

import store
from netra import legal
from netra.files import Files
from rules.election import Election
from rules.elections import ElectionSet, as_set
from wording import id as t

ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what openpyxl refuses
MAX_CELL = 32_000  # Excel's cell limit is 32,767 characters


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    width: int

    @property
    def header(self) -> str:
        return t.EXPORT_COLUMNS[self.key]


COLUMNS = (
    Column("case", 9),
    Column("election", 28),
    Column("tier", 16),
    Column("seen", 36),
    Column("first_reported", 18),
    Column("platform", 11),
    Column("poster", 26),
    Column("asn_nama", 28),
    Column("nip", 20),
    Column("jabatan", 24),
    Column("unit", 26),
    Column("instansi", 24),
    Column("candidate", 9),
    Column("candidate_names", 30),
    Column("ocr_text", 50),
    Column("evidence", 40),
    Column("sha256", 66),
    Column("reporters", 10),
    Column("decision", 22),
    Column("decided_by", 16),
    Column("decided_at", 18),
    Column("file", 34),
    Column("case_file", 24),
)
DATETIME_KEYS = ("first_reported", "decided_at")


def file_name(row: store.ExportRow) -> str:
    """The screenshot's name inside the ZIP: case number and the start of its hash."""
    suffix = PurePath(row.image_path).suffix or ".img"
    if suffix == ".img":
        suffix = ".jpg"
    return t.EXPORT_FILE_SCREENSHOT.format(case=row.case_id, sha=row.sha256[:12], suffix=suffix)


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    return None if moment is None else moment.astimezone(tz)


def _evidence(row: store.ExportRow) -> str:
    verdict = row.verdict or {}
    parts: list[str] = []
    seen: set[tuple[Any, Any]] = set()
    for e in sorted(verdict.get("evidence") or [], key=lambda e: -float(e.get("weight") or 0)):
        key = (e.get("rule"), e.get("matched"))
        if key in seen:
            continue
        seen.add(key)
        parts.append(
            t.EXPORT_EVIDENCE.format(
                rule=e.get("rule"),
                matched=e.get("matched"),
                candidate=e.get("candidate"),
                weight=e.get("weight"),
            )
        )
    reasons = row.reasons or verdict.get("reasons") or []
    if reasons:
        parts.append(t.EXPORT_REASONS.format(reasons="; ".join(str(r) for r in reasons)))
    return "\n".join(parts)


def case_file_name(row: store.ExportRow) -> str:
    """The case file's (PDF) name inside the ZIP."""
    return t.BERKAS_FILE.format(case=row.case_id)


Elections = Election | ElectionSet | None


def _election_of(row: store.ExportRow, elections: Elections) -> Election | None:
    if elections is None:
        return None
    pool = as_set(elections)
    for name in (row.election, *row.election_options):
        found = pool.get(name)
        if found is not None:
            return found
    return pool.primary if len(pool) == 1 else None


def record(row: store.ExportRow, elections: Elections, tz: ZoneInfo) -> dict[str, Any]:
    """One export row as values (datetimes aware, in the election's zone)."""
    election = _election_of(row, elections)
    tier = "unknown"
    if elections is not None:
        tier = legal.standing(
            seen_text=row.seen_text,
            first_reported_at=row.first_reported_at,
            election=row.election,
            election_options=row.election_options,
            elections=elections,
        ).tier
    first = _local(row.first_reported_at, tz)
    zone = first.strftime("%Z") if first else ""
    seen = row.seen_text or "-"
    seen_at = (
        t.EXPORT_SEEN_AT.format(seen=seen, first=f"{first:%d-%m-%Y %H:%M}", zone=zone)
        if first
        else seen
    )
    cand = election.candidate(row.candidate) if (election and row.candidate is not None) else None
    decision = t.EXPORT_DECISION_NAMES.get(row.state, row.state)
    if row.decision_note:
        decision = t.EXPORT_DECISION_NOTE.format(decision=decision, note=row.decision_note)
    return {
        "case": row.case_id,
        "election": row.election or " / ".join(row.election_options),
        "tier": t.TIER_SHORT[tier],
        "seen": seen_at,
        "first_reported": first,
        "platform": t.PLATFORM_NAMES.get(row.platform or "", row.platform or ""),
        "poster": row.poster_text or "",
        "asn_nama": row.asn_nama or "",
        "nip": row.asn_nip or "",
        "jabatan": row.asn_jabatan or "",
        "unit": row.asn_unit_kerja or "",
        "instansi": row.asn_instansi or "",
        "candidate": row.candidate if row.candidate is not None else "",
        "candidate_names": " – ".join(cand.people) if cand else "",
        "ocr_text": row.ocr_text or "",
        "evidence": _evidence(row),
        "sha256": row.sha256,
        "reporters": row.reporters,
        "decision": decision,
        "decided_by": str(row.decided_by) if row.decided_by is not None else "",
        "decided_at": _local(row.decided_at, tz),
        "file": file_name(row),
        "case_file": case_file_name(row),
    }


def _text(value: str) -> str:
    return ILLEGAL.sub("", value)[:MAX_CELL]


def xlsx_bytes(rows: Sequence[store.ExportRow], election: Elections, tz: ZoneInfo) -> bytes:
    """The approved cases as an XLSX workbook (one sheet, header row frozen, filters on)."""
    wb = Workbook()
    ws = wb.active
    ws.title = t.EXPORT_SHEET
    zone = datetime.now(tz).strftime("%Z")
    headers = [f"{c.header} ({zone})" if c.key in DATETIME_KEYS else c.header for c in COLUMNS]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        values = record(row, election, tz)
        ws.append([_cell_value(values[c.key]) for c in COLUMNS])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, even if OCR read "=..."
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, c in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = c.width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no zones: local time, zone in the header
    if isinstance(value, str):
        return _text(value)
    return value


def _csv_safe(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text  # spreadsheet formula injection
    return text


def csv_bytes(rows: Sequence[store.ExportRow], election: Elections, tz: ZoneInfo) -> bytes:
    """The same table as CSV (UTF-8 with BOM so Excel reads the accents; times ISO 8601)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([c.header for c in COLUMNS])
    for row in rows:
        values = record(row, election, tz)
        writer.writerow([_csv_safe(values[c.key]) for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


@dataclass(frozen=True, slots=True)
class ZipResult:
    data: bytes
    files: int
    missing: int


def zip_bytes(
    rows: Sequence[store.ExportRow],
    files: Files,
    election: Elections,
    tz: ZoneInfo,
    case_files: dict[int, bytes] | None = None,
) -> ZipResult:
    """Screenshots of the approved cases, plus `manifest.csv` / `manifest.json` (SHA-256 of each
    file as stored in the ZIP, next to the hash recorded at intake), the CSV table, and each
    case's file (PDF, `netra.casefile`) when given."""
    buf = io.BytesIO()
    manifest: list[dict[str, Any]] = []
    present = missing = 0
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for row in rows:
            name = file_name(row)
            entry: dict[str, Any] = {
                "case": row.case_id,
                "file": name,
                "sha256_recorded": row.sha256,
            }
            try:
                data = files.read(row.image_path)
            except OSError:
                data = None
            if data is None:
                missing += 1
                entry.update(sha256=None, size=None, matches=False, note=t.EXPORT_FILE_MISSING)
            else:
                present += 1
                digest = hashlib.sha256(data).hexdigest()
                zf.writestr(name, data, compress_type=zipfile.ZIP_STORED)  # images: no gain
                entry.update(sha256=digest, size=len(data), matches=digest == row.sha256, note="")
            manifest.append(entry)
        out = io.StringIO()
        writer = csv.writer(out)
        keys = ["case", "file", "sha256", "sha256_recorded", "matches", "size", "note"]
        writer.writerow(keys)
        for entry in manifest:
            writer.writerow(["" if entry.get(k) is None else entry.get(k) for k in keys])
        zf.writestr("manifest.csv", out.getvalue())
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.writestr(t.EXPORT_FILE_TABLE, csv_bytes(rows, election, tz))
        for row in rows:
            pdf = (case_files or {}).get(row.case_id)
            if pdf is not None:
                zf.writestr(case_file_name(row), pdf)
    return ZipResult(buf.getvalue(), present, missing)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
YEARS = range(2000, 2101)  # election records; far dates would overflow time-zone arithmetic


def parse_date(text: str) -> date:
    """A YYYY-MM-DD date in ASCII digits within `YEARS`; ValueError otherwise
    (`date.fromisoformat` alone also reads other scripts' digits and year 1)."""
    if not _DATE.fullmatch(text):
        raise ValueError("not YYYY-MM-DD")
    day = date.fromisoformat(text)
    if day.year not in YEARS:
        raise ValueError("year out of range")
    return day


def parse_range(args: Sequence[str], tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """`/export [from] [to]`: YYYY-MM-DD local dates, `to` inclusive. Raises ValueError."""
    if len(args) > 2:
        raise ValueError("too many arguments")
    since = until = None
    if args:
        since = datetime.combine(parse_date(args[0]), time(0), tz)
    if len(args) == 2:
        until = datetime.combine(parse_date(args[1]), time(0), tz) + timedelta(days=1)
        if since is not None and until <= since:
            raise ValueError("empty range")
    return since, until
