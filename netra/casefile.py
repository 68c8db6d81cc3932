"""The case file: one A4 page per approved case, in Indonesian, for the hand-over to Bawaslu
(Form A.1: the reported person, what happened, where, when it happened and when it was
discovered, the evidence) or BKN (which needs the NIP).

Built with fpdf2 (pure Python, maintained, embeds a TrueType font so names and OCR text in
any script come out as extractable text, not pictures). The font is DejaVu Sans as
matplotlib ships it (a dependency already), so nothing depends on the system's fonts.
Everything is cut to fit one page: long evidence and the audit trail's oldest rows go first.
"""

from __future__ import annotations

import asyncio
import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image

import store
from netra import legal
from netra.files import Files
from netra.services import MODERATOR_NAME_SETTING, Services
from rules.election import Election
from rules.elections import ElectionSet, as_set
from wording import id as t

PAGE_W, MARGIN = 210.0, 14.0
IMAGE_W = 58.0  # the screenshot's column, right
TEXT_W = PAGE_W - 2 * MARGIN - IMAGE_W - 6
MAX_EVIDENCE = 8
MAX_AUDIT = 14


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def plain(text: str) -> str:
    """Wording written for Telegram's HTML, as plain text."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@dataclass(frozen=True, slots=True)
class CaseFileInput:
    """Everything one case file shows, gathered by `gather` (the store and the files)."""

    case: store.CaseDetail
    audit: Sequence[store.AuditEntry]
    image: bytes | None
    decided_by_name: str | None


async def gather(
    db: store.Db, files: Files, case: store.CaseDetail, name: str | None
) -> CaseFileInput:
    """The audit trail and the screenshot (None once deleted) of an approved case."""
    audit = await store.audit_of(db, case.case_id)
    image = None
    if case.files_deleted_at is None:
        try:
            image = await asyncio.to_thread(files.read, case.image_path)
        except OSError:
            image = None
    return CaseFileInput(case, audit, image, name)


def _candidate(case: store.CaseDetail, elections: ElectionSet) -> str:
    if case.candidate is None:
        return "-"
    for name in (case.election, *case.election_options):
        election = elections.get(name)
        found = election.candidate(case.candidate) if election else None
        if found is not None:
            return found.label
    return f"{case.candidate:02d}"


def _evidence(case: store.CaseDetail) -> list[str]:
    seen: set[tuple[str, str]] = set()
    out = []
    items = (case.verdict or {}).get("evidence") or []
    for e in sorted(items, key=lambda e: -float(e.get("weight") or 0)):
        key = (str(e.get("rule")), str(e.get("matched")))
        if e.get("candidate") != case.candidate or key in seen:
            continue
        seen.add(key)
        out.append(
            t.EXPORT_EVIDENCE.format(
                rule=key[0],
                matched=key[1][:120],
                candidate=e.get("candidate"),
                weight=e.get("weight"),
            )
        )
    return out[:MAX_EVIDENCE]


def _audit_lines(audit: Sequence[store.AuditEntry], zone: object) -> list[str]:
    rows = []
    for a in audit:
        states = f" ({a.from_state or '-'} → {a.to_state})" if a.to_state else ""
        note = f": {a.note[:90]}" if a.note else ""
        when = a.at.astimezone(zone).strftime("%d-%m-%Y %H:%M")  # type: ignore[arg-type]
        rows.append(
            t.PDF_AUDIT_ROW.format(
                when=when, actor=a.actor, action=a.action, states=states, note=note
            )
        )
    if len(rows) > MAX_AUDIT:
        rows = [t.PDF_AUDIT_MORE.format(count=len(rows) - MAX_AUDIT + 1), *rows[-(MAX_AUDIT - 1) :]]
    return rows


def case_pdf(
    data: CaseFileInput,
    elections: Election | ElectionSet,
    *,
    now: datetime | None = None,
    deadline_days: int = legal.DEADLINE_DAYS,
) -> bytes:
    """The one-page case file as PDF bytes. Synchronous: call it through a thread."""
    case, pool = data.case, as_set(elections)
    standing = legal.standing(
        seen_text=case.seen_text,
        first_reported_at=case.created_at,
        election=case.election,
        election_options=case.election_options,
        elections=pool,
        deadline_days=deadline_days,
    )
    zone = standing.zone
    now = now or datetime.now(UTC)

    def at(moment: datetime | None) -> str:
        return moment.astimezone(zone).strftime("%d-%m-%Y %H:%M %Z") if moment else "-"

    regular, bold = _fonts()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(t.PDF_TITLE.format(case=case.case_id))
    pdf.set_creator("Netra")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(
        0, 6.5, t.PDF_TITLE.format(case=case.case_id), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(
        0, 4, t.PDF_SUBTITLE.format(when=at(now)), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    top = pdf.get_y() + 2
    _screenshot(pdf, data.image, top)
    pdf.set_xy(MARGIN, top)
    f = t.PDF_FIELDS
    asn = case.asn
    election = case.election or " / ".join(case.election_options) or "-"
    decided = "-"
    if case.decided_at is not None:
        decided = t.PDF_DECIDED.format(
            when=at(case.decided_at), who=data.decided_by_name or "-", user_id=case.decided_by
        )
    seen = t.PDF_SEEN.format(
        when=at(standing.story_at),
        estimated="" if standing.age_read else plain(t.TIER_AGE_UNREAD),
        shown=case.seen_text or "-",
    )
    sections = [
        (
            t.PDF_REPORTED,
            [
                (f["nama"], asn.nama if asn else "-"),
                (f["nip"], asn.nip if asn else "-"),
                (f["jabatan"], asn.jabatan if asn else "-"),
                (f["unit"], asn.unit_kerja if asn else "-"),
                (f["instansi"], asn.instansi if asn else "-"),
            ],
        ),
        (
            t.PDF_WHAT,
            [
                (
                    f["poster"],
                    f"{t.PLATFORM_NAMES.get(case.platform or '', '-')} · {case.poster_text or '-'}",
                ),
                (f["election"], election),
                (f["candidate"], _candidate(case, pool)),
                (f["tier"], plain(legal.tier_text(standing)).removeprefix("Jenis: ")),
            ],
        ),
        (
            t.PDF_WHEN,
            [
                (f["seen"], seen),
                (f["reported"], at(case.created_at)),
                (f["decided"], decided),
                (f["deadline"], plain(legal.deadline_text(standing, now)).split(": ", 1)[-1]),
            ],
        ),
    ]
    for title, rows in sections:
        _heading(pdf, title, TEXT_W)
        for label, value in rows:
            _field(pdf, label, str(value or "-"), TEXT_W)
    pdf.set_y(max(pdf.get_y(), top + _image_height(data.image)) + 2)
    width = PAGE_W - 2 * MARGIN
    _heading(pdf, t.PDF_EVIDENCE, width)
    pdf.set_font("DejaVu", "", 8)
    for line in _evidence(case) or [t.PDF_NO_EVIDENCE]:
        pdf.multi_cell(width, 3.8, f"• {line}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _field(pdf, f["sha256"], case.sha256, width)
    _field(pdf, f["reporters"], str(case.reporters), width)
    _heading(pdf, t.PDF_AUDIT, width)
    pdf.set_font("DejaVu", "", 7.5)
    for line in _audit_lines(data.audit, zone):
        if pdf.get_y() > 280:
            break
        pdf.multi_cell(width, 3.6, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_xy(MARGIN, 287)
    pdf.set_font("DejaVu", "", 6.5)
    pdf.cell(0, 3, t.PDF_FOOTER.format(case=case.case_id, sha=case.sha256))
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str, width: float) -> None:
    pdf.set_x(MARGIN)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(width, 5.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _field(pdf: FPDF, label: str, value: str, width: float) -> None:
    pdf.set_x(MARGIN)
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(36, 4.2, label)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(width - 36, 4.2, value[:400], align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _image_height(image: bytes | None) -> float:
    if image is None:
        return 10.0
    try:
        with Image.open(io.BytesIO(image)) as img:
            w, h = img.size
    except OSError:
        return 10.0
    return min(IMAGE_W * h / max(w, 1), 120.0)


def _screenshot(pdf: FPDF, image: bytes | None, top: float) -> None:
    """The screenshot in the right column, at most 120 mm tall."""
    x = PAGE_W - MARGIN - IMAGE_W
    pdf.set_font("DejaVu", "", 7)
    if image is None:
        pdf.set_xy(x, top)
        pdf.multi_cell(
            IMAGE_W, 3.5, t.PDF_SCREENSHOT_GONE, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        return
    try:
        with Image.open(io.BytesIO(image)) as img:
            picture = img.convert("RGB")
    except OSError:
        pdf.set_xy(x, top)
        pdf.multi_cell(
            IMAGE_W, 3.5, t.PDF_SCREENSHOT_GONE, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        return
    height = _image_height(image)
    width = min(IMAGE_W, height * picture.width / max(picture.height, 1))
    pdf.image(picture, x=x + (IMAGE_W - width) / 2, y=top, w=width, h=height)
    pdf.set_xy(x, top + height + 0.5)
    pdf.multi_cell(IMAGE_W, 3.2, t.PDF_SCREENSHOT, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def standing_of(services: Services, case: store.CaseDetail) -> legal.Standing:
    return legal.standing(
        seen_text=case.seen_text,
        first_reported_at=case.created_at,
        election=case.election,
        election_options=case.election_options,
        elections=services.elections,
        deadline_days=services.config.digest.deadline_days,
    )


async def build_case_file(services: Services, case: store.CaseDetail) -> bytes:
    """The case file of one approved case, as it stands now."""
    name = None
    if case.decided_by is not None:
        name = await store.get_setting(services.db, MODERATOR_NAME_SETTING.format(case.decided_by))
    data = await gather(services.db, services.files, case, name)
    return await asyncio.to_thread(
        case_pdf, data, services.elections, deadline_days=services.config.digest.deadline_days
    )


async def build_case_files(services: Services, case_ids: Sequence[int]) -> dict[int, bytes]:
    """The case files of several approved cases (the export's ZIP), by case number."""
    out: dict[int, bytes] = {}
    for case_id in case_ids:
        case = await store.get_case(services.db, case_id)
        if case is not None and case.state == "approved":
            out[case_id] = await build_case_file(services, case)
    return out
