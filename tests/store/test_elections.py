"""The store and many elections: cases name their election (or the elections they could be),
a regional task force's queue and export hold only theirs, and Bawaslu's deadline is tracked
per approved case (handed over, reminded once). SQLite, and PostgreSQL when configured."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import store as st
from store.models import Case, utcnow

Db = async_sessionmaker[AsyncSession]
GUB, DELI, KARO = "Pilgub Sumut", "Pilkada Deli Serdang", "Pilkada Karo"


async def case(db: Db, n: int, election: str | None, options: list[str], **verdict: Any) -> int:
    data = f"shot {n}".encode()
    sha = hashlib.sha256(data).hexdigest()
    result = await st.record_submission(
        db,
        telegram_user_id=1000 + n,
        sha256=sha,
        phash=None,
        file_path=f"img/{sha[:12]}.png",
        size=len(data),
        mime="image/png",
        width=1,
        height=1,
        source="photo",
        chat_id=1000 + n,
        message_id=n,
        attach_near=False,
    )
    assert await st.claim_for_analysis(db, result.case_id) is not None
    await st.save_verdict(
        db,
        result.case_id,
        {"verdict": "flagged", "candidate": 2, "election": election, "elections": options}
        | verdict,
        {"nip": f"19900105201503100{n}", "nama": f"ASN {n}", "instansi": "Pemkab"},
    )
    return result.case_id


async def test_a_case_keeps_its_election_and_the_queue_is_filtered_by_it(db: Db) -> None:
    deli = await case(db, 1, DELI, [DELI])
    karo = await case(db, 2, KARO, [KARO])
    unsure = await case(db, 3, None, [GUB, DELI, KARO])
    detail = await st.get_case(db, unsure)
    assert detail is not None and detail.election is None
    assert detail.election_options == (GUB, DELI, KARO)
    everyone = [c.case_id for c in await st.pending_cases(db)]
    assert everyone == [deli, karo, unsure]
    # Deli Serdang's task force sees its case and the one that could be Deli Serdang's.
    assert [c.case_id for c in await st.pending_cases(db, elections={DELI})] == [deli, unsure]
    assert [c.election for c in await st.pending_cases(db, elections={KARO})] == [KARO, None]
    assert await st.pending_cases(db, elections=set()) == []


async def test_the_export_of_a_regional_admin_holds_their_elections_cases(db: Db) -> None:
    deli = await case(db, 1, DELI, [DELI])
    karo = await case(db, 2, KARO, [KARO])
    for case_id in (deli, karo):
        assert (await st.decide_case(db, case_id, actor=501, decision="approved")).ok
    rows = await st.approved_cases(db, elections={KARO})
    assert [(r.case_id, r.election) for r in rows] == [(karo, KARO)]
    assert len(await st.approved_cases(db)) == 2


async def test_deadline_reminders_are_owed_once_until_the_case_is_handed_over(db: Db) -> None:
    now = utcnow()
    near = await case(db, 1, DELI, [DELI])
    fresh = await case(db, 2, DELI, [DELI])
    late = await case(db, 3, KARO, [KARO])
    for case_id in (near, fresh, late):
        assert (await st.decide_case(db, case_id, actor=501, decision="approved")).ok
    async with db() as s, s.begin():
        ages = {
            near: timedelta(days=5, hours=12),
            fresh: timedelta(hours=3),
            late: timedelta(days=8),
        }
        for case_id, age in ages.items():
            await s.execute(update(Case).where(Case.id == case_id).values(created_at=now - age))
    due = await st.deadline_reminders_due(db, now=now, deadline_days=7, warn_days=2)
    assert [(d.case_id, d.election) for d in due] == [(near, DELI)]
    assert timedelta(hours=35) < due[0].remaining < timedelta(hours=37)
    assert await st.claim_deadline_reminder(db, near, now=now)
    assert not await st.claim_deadline_reminder(db, near, now=now)  # once
    assert await st.deadline_reminders_due(db, now=now, deadline_days=7, warn_days=2) == []
    await st.unclaim_deadline_reminder(db, near)  # the send failed: owed again
    assert await st.mark_handed_over(db, [near, fresh], actor=900, at=now) == 2
    assert await st.mark_handed_over(db, [near], actor=900, at=now) == 0  # the first counts
    assert await st.deadline_reminders_due(db, now=now, deadline_days=7, warn_days=2) == []
    detail = await st.get_case(db, near)
    assert detail is not None and detail.handed_over_at is not None
    assert [a.action for a in await st.audit_of(db, near)][-1] == "handed_over"


async def test_the_schema_is_at_its_newest_revision(db_url: str) -> None:
    assert await st.schema_revision(db_url) == (None, "0005")
    await st.migrate(db_url)
    current, head = await st.schema_revision(db_url)
    assert current == head == "0005"
