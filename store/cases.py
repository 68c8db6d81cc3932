"""Reading cases: one case with everything a moderator's card needs, and the cases pending
for a moderator (the /queue).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import false, func, or_, select

from store.db import Db, transaction
from store.models import PENDING_STATES, Case, Submission, from_json, utcnow
from store.records import AsnSnapshot, CaseDetail, CaseSummary


def counts_subquery() -> Any:
    return (
        select(
            Submission.case_id.label("case_id"),
            func.count(func.distinct(Submission.reporter_id)).label("reporters"),
            func.count(Submission.id).label("submissions"),
        )
        .group_by(Submission.case_id)
        .subquery()
    )


def in_elections(elections: Collection[str] | None) -> Any:
    """Cases of these elections (by name), or that could be one of them; None: every case."""
    if elections is None:
        return Case.id.is_not(None)
    if not elections:
        return false()
    return or_(
        Case.election.in_(sorted(elections)),
        *(
            Case.election_options.contains(json.dumps(name, ensure_ascii=False), autoescape=True)
            for name in sorted(elections)
        ),
    )


async def pending_cases(
    db: Db, limit: int = 20, *, elections: Collection[str] | None = None
) -> list[CaseSummary]:
    """Cases waiting for a moderator (flagged, review, needs_info), oldest first — which is
    also the order of their deadlines, counted from the first report. `elections` limits them
    to a regional task force's elections (None: all)."""
    counts = counts_subquery()
    now = utcnow()
    async with transaction(db, read_only=True) as s:
        rows = await s.execute(
            select(Case, counts.c.reporters, counts.c.submissions)
            .join(counts, counts.c.case_id == Case.id)
            .where(Case.state.in_(PENDING_STATES), in_elections(elections))
            .order_by(Case.created_at, Case.id)
            .limit(limit)
        )
        return [
            CaseSummary(
                case_id=c.id,
                state=c.state,
                created_at=c.created_at,
                age=now - c.created_at,
                platform=c.platform,
                asn_nip=c.asn_nip,
                asn_nama=c.asn_nama,
                candidate=c.candidate,
                score=c.score,
                reporters=int(reporters),
                submissions=int(submissions),
                moderator_chat_id=c.moderator_chat_id,
                moderator_message_id=c.moderator_message_id,
                election=c.election,
                election_options=tuple(from_json(c.election_options, [])),
            )
            for c, reporters, submissions in rows
        ]


async def get_case(db: Db, case_id: int) -> CaseDetail | None:
    """Everything about one case, with its distinct reporters and tickets."""
    async with transaction(db, read_only=True) as s:
        c = await s.get(Case, case_id)
        if c is None:
            return None
        subs = (
            await s.execute(
                select(Submission.id, Submission.reporter_id)
                .where(Submission.case_id == case_id)
                .order_by(Submission.id)
            )
        ).all()
        reporter_ids = tuple(dict.fromkeys(r for _, r in subs))
        asn = None
        if c.asn_nip or c.asn_nama:
            asn = AsnSnapshot(
                c.asn_nip,
                c.asn_nama,
                c.asn_jabatan,
                c.asn_unit_kerja,
                c.asn_instansi,
                c.asn_confidence,
            )
        return CaseDetail(
            case_id=c.id,
            state=c.state,
            sha256=c.sha256,
            phash=c.phash,
            image_path=c.image_path,
            created_at=c.created_at,
            analysed_at=c.analysed_at,
            verdict=from_json(c.verdict_json, None),
            platform=c.platform,
            poster_kind=c.poster_kind,
            poster_text=c.poster_text,
            seen_text=c.seen_text,
            asn=asn,
            alternatives=from_json(c.alternatives_json, []),
            candidate=c.candidate,
            support_confidence=c.support_confidence,
            score=c.score,
            reasons=from_json(c.reasons_json, []),
            ocr_text=c.ocr_text,
            decided_by=c.decided_by,
            decided_at=c.decided_at,
            decision_note=c.decision_note,
            moderator_chat_id=c.moderator_chat_id,
            moderator_message_id=c.moderator_message_id,
            attempts=c.attempts,
            files_deleted_at=c.files_deleted_at,
            reporters=len(reporter_ids),
            submissions=len(subs),
            reporter_ids=reporter_ids,
            tickets=tuple(t for t, _ in subs),
            version=c.version,
            card_version=c.card_version,
            outcome_version=c.outcome_version,
            election=c.election,
            election_options=tuple(from_json(c.election_options, [])),
            handed_over_at=c.handed_over_at,
        )
