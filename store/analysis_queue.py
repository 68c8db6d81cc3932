"""The analysis queue: cases in state "new" wait for OCR and the rules; a worker claims one
(counting the attempt), then saves its verdict. A case whose analysis killed the process
`max_attempts` times gives up into "error" instead of looping forever.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from store import audit
from store.db import Db, transaction
from store.errors import NotFound
from store.models import REANALYSABLE, VERDICT_STATES, Case, asn_columns, to_json, utcnow
from store.records import CaseFile
from wording import id as t


async def pending_analysis(db: Db) -> list[int]:
    """Cases still waiting for analysis, oldest first (re-queued at start-up)."""
    async with transaction(db, read_only=True) as s:
        rows = await s.scalars(select(Case.id).where(Case.state == "new").order_by(Case.id))
        return list(rows)


async def claim_for_analysis(db: Db, case_id: int, max_attempts: int = 3) -> CaseFile | None:
    """Count one more analysis attempt and return the file to analyse.

    None when the case is no longer "new", or when `max_attempts` attempts were already made
    (e.g. the process crashed mid-OCR each time): then the case gives up into "error".
    """
    async with transaction(db) as s:
        row = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new", Case.attempts < max_attempts)
                .values(attempts=Case.attempts + 1)
                .returning(Case.id, Case.image_path, Case.sha256, Case.attempts)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if row is not None:
            return CaseFile(row.id, row.image_path, row.sha256, row.attempts)
        gave_up = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new")
                .values(
                    state="error",
                    analysed_at=utcnow(),
                    verdict_json=to_json({"verdict": "error", "error": "too many attempts"}),
                    version=Case.version + 1,
                )
                .returning(Case.attempts)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if gave_up is not None:
            note = f"gave up after {gave_up.attempts} attempts"
            audit.write(s, case_id, audit.SYSTEM, "analysis_failed", "new", "error", note)
        return None


async def save_verdict(
    db: Db, case_id: int, verdict_dict: dict[str, Any], asn: dict[str, Any] | None = None
) -> str:
    """`save_verdict_once` without telling whether this call was the one that saved."""
    state, _saved = await save_verdict_once(db, case_id, verdict_dict, asn)
    return state


async def save_verdict_once(
    db: Db, case_id: int, verdict_dict: dict[str, Any], asn: dict[str, Any] | None = None
) -> tuple[str, bool]:
    """Store `Verdict.to_dict()` and move the case from "new" to its verdict, atomically.

    `asn` is the full roster snapshot (nip, nama, jabatan, unit_kerja, instansi, confidence);
    without it the verdict's own "asn" is used (it lacks instansi). Returns the case's state
    afterwards and whether this call saved it: a case no longer "new" (analysed already, by
    another worker that raced this one) is left untouched, so a case has one saved verdict.
    """
    state = verdict_dict.get("verdict")
    if state not in VERDICT_STATES:
        raise ValueError(f"verdict must be one of {VERDICT_STATES}, got {state!r}")
    poster = verdict_dict.get("poster") or {}
    values: dict[str, Any] = {
        "state": state,
        "version": Case.version + 1,
        "analysed_at": utcnow(),
        "verdict_json": to_json(verdict_dict),
        "platform": verdict_dict.get("platform"),
        "poster_kind": poster.get("kind"),
        "poster_text": poster.get("text"),
        "seen_text": verdict_dict.get("seen"),
        "alternatives_json": to_json(verdict_dict.get("alternatives") or []),
        "candidate": verdict_dict.get("candidate"),
        "support_confidence": verdict_dict.get("support_confidence"),
        "score": verdict_dict.get("score"),
        "reasons_json": to_json(verdict_dict.get("reasons") or []),
        "ocr_text": verdict_dict.get("text"),
        "election": verdict_dict.get("election"),
        "election_options": to_json(verdict_dict.get("elections") or []),
        **asn_columns(asn if asn is not None else verdict_dict.get("asn")),
    }
    async with transaction(db) as s:
        done = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == "new")
                .values(**values)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            current = await s.scalar(select(Case.state).where(Case.id == case_id))
            if current is None:
                raise NotFound(t.REF_CASE.format(case=case_id))
            return current, False
        note = verdict_dict.get("error")
        audit.write(s, case_id, audit.SYSTEM, "analysed", "new", state, note, values["analysed_at"])
        return state, True


async def mark_analysis_failed(db: Db, case_id: int, error: str, max_attempts: int = 3) -> str:
    """Record a failed attempt; after `max_attempts` the case becomes "error". Returns state."""
    async with transaction(db) as s:
        case = await s.get(Case, case_id)
        if case is None:
            raise NotFound(t.REF_CASE.format(case=case_id))
        if case.state != "new":
            return case.state
        if case.attempts >= max_attempts:
            case.state = "error"
            case.version += 1
            case.analysed_at = utcnow()
            case.verdict_json = to_json({"verdict": "error", "error": error})
        audit.write(s, case_id, audit.SYSTEM, "analysis_failed", "new", case.state, error)
        return case.state


async def reanalyse(db: Db, case_id: int, *, actor: int) -> bool:
    """Send an undecided case back to "new" (e.g. after a roster fix); False if not allowed."""
    async with transaction(db) as s:
        prev = await s.scalar(select(Case.state).where(Case.id == case_id))
        if prev is None:
            raise NotFound(t.REF_CASE.format(case=case_id))
        if prev not in REANALYSABLE:
            return False
        done = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == prev)
                .values(state="new", attempts=0, version=Case.version + 1)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if done is None:
            return False
        audit.write(s, case_id, audit.actor(actor), "reanalyse", prev, "new")
        return True
