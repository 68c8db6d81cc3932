"""Moderation: decisions on cases, and what their follow-ups have shown.

    flagged | review --decide_case--> approved | rejected | needs_info
    needs_info --decide_case--> approved | rejected

approved and rejected are final. Every state change bumps `cases.version`. "First decision
wins" is one guarded `UPDATE cases ... WHERE id = :id AND state = :seen [AND version = :seen]
RETURNING ...`; a loser gets ok=False and the winner's name and time. The moderators' buttons
carry the version they were drawn for, so a press on a card that changed since (needs_info
racing approve) is refused too. The card and the reporters follow a decision over the network
after its commit: `card_version` and `outcome_version` record what they were last shown, so
a crash in between is finished at start-up (`unsettled_cases`).
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import or_, select, update

from store import audit
from store.db import Db, transaction
from store.errors import NotFound
from store.models import DECISIONS, PENDING_STATES, Case, asn_columns, utcnow
from store.records import Decision
from wording import id as t

DecisionKind = Literal["approved", "rejected", "needs_info"]


async def decide_case(
    db: Db,
    case_id: int,
    *,
    actor: int,
    decision: DecisionKind,
    note: str | None = None,
    asn_override: dict[str, Any] | None = None,
    expected_state: str | None = None,
    expected_version: int | None = None,
) -> Decision:
    """A moderator's decision; the first one wins.

    approved/rejected are accepted from flagged, review and needs_info; needs_info only from
    flagged and review. Pass `expected_version` (the version the moderator's buttons were
    drawn for) to refuse a decision on a case that changed since, e.g. an approve pressed on
    the flagged card after a needs_info landed; `expected_state` likewise for the state.
    `asn_override` replaces the ASN snapshot in the same transaction ({} = "not an ASN"); it
    is recorded in the audit note.
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}, got {decision!r}")
    allowed = ("flagged", "review") if decision == "needs_info" else PENDING_STATES
    now = utcnow()
    async with transaction(db) as s:
        cur = (
            await s.execute(
                select(
                    Case.state, Case.version, Case.decided_by, Case.decided_at, Case.asn_nip
                ).where(Case.id == case_id)
            )
        ).one_or_none()
        if cur is None:
            raise NotFound(t.REF_CASE.format(case=case_id))
        refused = Decision(False, case_id, cur.state, cur.decided_by, cur.decided_at, None)
        if (
            cur.state not in allowed
            or (expected_state and cur.state != expected_state)
            or (expected_version is not None and cur.version != expected_version)
        ):
            return refused
        values: dict[str, Any] = {
            "state": decision,
            "version": cur.version + 1,
            "decided_by": actor,
            "decided_at": now,
            "decision_note": note,
        }
        notes = [note] if note else []
        if asn_override is not None:
            values.update(asn_columns(asn_override))
            new_nip = values["asn_nip"]
            notes.append(t.AUDIT_ASN_CHANGED.format(old=cur.asn_nip or "-", new=new_nip or "-"))
        won = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.state == cur.state, Case.version == cur.version)
                .values(**values)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        if won is None:  # lost a race (PostgreSQL READ COMMITTED); report the winner
            row = (
                await s.execute(
                    select(Case.state, Case.decided_by, Case.decided_at).where(Case.id == case_id)
                )
            ).one()
            return Decision(False, case_id, row.state, row.decided_by, row.decided_at, None)
        audit.write(
            s,
            case_id,
            audit.actor(actor),
            "decision",
            cur.state,
            decision,
            "; ".join(notes) or None,
            now,
        )
        return Decision(True, case_id, decision, actor, now, cur.state)


async def set_moderator_message(
    db: Db, case_id: int, chat_id: int, message_id: int, version: int | None = None
) -> None:
    """Remember the moderators' message of a case (to edit it when the case is decided) and
    the case version it shows."""
    values: dict[str, Any] = {"moderator_chat_id": chat_id, "moderator_message_id": message_id}
    if version is not None:
        values["card_version"] = version
    async with transaction(db) as s:
        res = await s.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if res.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound(t.REF_CASE.format(case=case_id))


async def mark_card_shown(db: Db, case_id: int, version: int) -> None:
    """The moderators' card now shows `version` (never moves back)."""
    async with transaction(db) as s:
        await s.execute(
            update(Case)
            .where(Case.id == case_id, Case.card_version < version)
            .values(card_version=version)
            .execution_options(synchronize_session=False)
        )


async def mark_outcome_told(db: Db, case_id: int, version: int) -> None:
    """The reporters were told the outcome of `version` (never moves back)."""
    async with transaction(db) as s:
        await s.execute(
            update(Case)
            .where(Case.id == case_id, Case.outcome_version < version)
            .values(outcome_version=version)
            .execution_options(synchronize_session=False)
        )


async def unsettled_cases(db: Db, limit: int = 1000) -> list[int]:
    """Decided cases whose card or reporters' outcome lags behind the decision (the process
    died between the decision and its follow-ups), oldest first."""
    async with transaction(db, read_only=True) as s:
        rows = await s.scalars(
            select(Case.id)
            .where(
                Case.state.in_(DECISIONS),
                or_(
                    Case.outcome_version < Case.version,
                    (Case.card_version < Case.version) & Case.moderator_message_id.is_not(None),
                ),
            )
            .order_by(Case.id)
            .limit(limit)
        )
        return list(rows)
