"""The store's behaviour on a real, migrated database."""

from __future__ import annotations

import asyncio
import hashlib
import io
from datetime import timedelta
from typing import Any

import imagehash
import pytest
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import store as st
from netra import EXAMPLES
from rules.support import Signal, SupportFinding
from rules.types import AsnMatch, Poster, RosterEntry
from rules.verdict import Verdict
from store import phash as ph
from store.models import utcnow

Db = async_sessionmaker[AsyncSession]
IMAGES = EXAMPLES / "images"
MOD_A, MOD_B = 9001, 9002


def jpeg(image: Image.Image, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def crop(image: Image.Image, fraction: float = 0.03) -> Image.Image:
    w, h = image.size
    dx, dy = int(w * fraction), int(h * fraction)
    return image.crop((dx, dy, w - dx, h - dy))


def screenshot(name: str) -> Image.Image:
    return Image.open(IMAGES / name).convert("RGB")


_message_ids = iter(range(1, 10**6))


async def submit(
    db: Db, user: int, data: bytes, *, source: st.Source = "photo", **kw: Any
) -> st.SubmissionResult:
    image = Image.open(io.BytesIO(data))
    return await st.record_submission(
        db,
        telegram_user_id=user,
        sha256=hashlib.sha256(data).hexdigest(),
        phash=str(imagehash.phash(image)),
        file_path=f"img/{hashlib.sha256(data).hexdigest()[:12]}.jpg",
        size=len(data),
        mime="image/jpeg",
        width=image.width,
        height=image.height,
        source=source,
        chat_id=user,
        message_id=kw.pop("message_id", None) or next(_message_ids),
        **kw,
    )


def verdict(kind: str = "flagged") -> dict[str, Any]:
    entry = RosterEntry(
        nip="197002172001062406",
        nama="H. Zulkifli Harahap, S.Sos.",
        jabatan="Kepala Bidang",
        unit_kerja="Dinas Kesehatan",
        instansi="Pemerintah Kota Contoh",
    )
    other = RosterEntry(nip="199001052015031004", nama="Budi Santoso", unit_kerja="Dinkes")
    v = Verdict(
        kind=kind,  # type: ignore[arg-type]
        platform="instagram",
        poster=Poster("username", "zulkifli.hrp"),
        seen="2 jam",
        asn=AsnMatch(entry, 0.95, "instagram-exact"),
        alternatives=[AsnMatch(other, 0.4, "name-fuzzy")],
        support=SupportFinding(1, 0.9, (Signal(1, "hashtag", "#HendraWulanMenang", 0.9),)),
        reasons=["pengunggah: username 'zulkifli.hrp'"],
        text="zulkifli.hrp 2 jam #HendraWulanMenang",
    )
    return v.to_dict()


ASN = {
    "nip": "197002172001062406",
    "nama": "H. Zulkifli Harahap, S.Sos.",
    "jabatan": "Kepala Bidang",
    "unit_kerja": "Dinas Kesehatan",
    "instansi": "Pemerintah Kota Contoh",
    "confidence": 0.95,
}


async def flagged_case(db: Db, user: int = 1, name: str = "0004.jpg") -> int:
    r = await submit(db, user, jpeg(screenshot(name)))
    assert await st.claim_for_analysis(db, r.case_id) is not None
    assert await st.save_verdict(db, r.case_id, verdict(), ASN) == "flagged"
    return r.case_id


# ---------------------------------------------------------------- intake and duplicates


async def test_measured_phash_distances() -> None:
    """The numbers the default threshold (8) rests on, for these screenshots."""
    base = screenshot("0004.jpg")
    h = imagehash.phash(base)
    recompressed = imagehash.phash(Image.open(io.BytesIO(jpeg(base, 60))))
    cropped = imagehash.phash(crop(base))
    different = imagehash.phash(screenshot("0001.jpg"))
    assert h - recompressed <= 2
    assert h - cropped <= st.DEFAULT_PHASH_DISTANCE
    assert h - different > 2 * st.DEFAULT_PHASH_DISTANCE


async def test_exact_and_near_duplicates_attach_different_image_does_not(db: Db) -> None:
    base = screenshot("0004.jpg")
    first = await submit(db, 1, jpeg(base))
    assert first.new_case and first.case_state == "new" and first.match == "new"
    assert first.reporters == 1

    exact = await submit(db, 2, jpeg(base))  # same bytes
    assert (exact.case_id, exact.new_case, exact.match) == (first.case_id, False, "exact")

    recompressed = await submit(db, 3, jpeg(base, quality=60))
    assert (recompressed.case_id, recompressed.match) == (first.case_id, "near")
    assert recompressed.phash_distance is not None and recompressed.phash_distance <= 2

    cropped = await submit(db, 4, jpeg(crop(base)), source="document")
    assert (cropped.case_id, cropped.match) == (first.case_id, "near")
    assert cropped.reporters == 4

    other = await submit(db, 1, jpeg(screenshot("0001.jpg")))
    assert other.new_case and other.case_id != first.case_id
    assert len({first.ticket, exact.ticket, recompressed.ticket, cropped.ticket}) == 4

    detail = await st.get_case(db, first.case_id)
    assert detail is not None
    assert (detail.reporters, detail.submissions) == (4, 4)
    assert detail.tickets == (first.ticket, exact.ticket, recompressed.ticket, cropped.ticket)
    created = [a for a in await st.audit_of(db, first.case_id) if a.action == "created"]
    assert len(created) == 1 and created[0].actor == "system"
    assert "tg:" not in (created[0].note or "")  # pseudonymous


async def test_threshold_zero_disables_near_attach(db: Db) -> None:
    base = screenshot("0004.jpg")
    first = await submit(db, 1, jpeg(base))
    cropped = await submit(db, 2, jpeg(crop(base)), phash_distance=0)
    assert cropped.new_case and cropped.case_id != first.case_id


async def test_distinct_reporters_counted_once(db: Db) -> None:
    data = jpeg(screenshot("0007.jpg"))
    results = [await submit(db, user, data) for user in (1, 1, 2, 1, 3)]
    assert len({r.case_id for r in results}) == 1
    assert [r.reporters for r in results] == [1, 1, 2, 2, 3]
    assert len({r.reporter_id for r in results}) == 3
    detail = await st.get_case(db, results[0].case_id)
    assert detail is not None
    assert (detail.reporters, detail.submissions) == (3, 5)
    assert detail.reporter_ids == (
        results[0].reporter_id,
        results[2].reporter_id,
        results[4].reporter_id,
    )


async def test_concurrent_identical_submissions_make_one_case(db: Db) -> None:
    data = jpeg(screenshot("0008.jpg"))
    results = await asyncio.gather(*(submit(db, 100 + i, data) for i in range(12)))
    assert len({r.case_id for r in results}) == 1
    assert sum(r.new_case for r in results) == 1
    assert len({r.ticket for r in results}) == 12
    detail = await st.get_case(db, results[0].case_id)
    assert detail is not None and detail.reporters == 12


async def test_split_undoes_a_wrong_near_attach(db: Db) -> None:
    base = screenshot("0004.jpg")
    first = await submit(db, 1, jpeg(base))
    near = await submit(db, 2, jpeg(crop(base)))
    assert near.case_id == first.case_id
    with pytest.raises(ValueError):
        await st.split_submission(db, first.ticket, actor=MOD_A)
    new_case = await st.split_submission(db, near.ticket, actor=MOD_A)
    assert new_case != first.case_id
    assert new_case in await st.pending_analysis(db)
    old = await st.get_case(db, first.case_id)
    assert old is not None and old.tickets == (first.ticket,)


async def test_rate_limit_count_and_blocking(db: Db) -> None:
    since = utcnow() - timedelta(minutes=1)
    await submit(db, 5, jpeg(screenshot("0002.jpg")))
    r = await submit(db, 5, jpeg(screenshot("0003.jpg")))
    await submit(db, 6, jpeg(screenshot("0005.jpg")))
    assert await st.count_recent_submissions(db, 5, since) == 2
    assert await st.count_recent_submissions(db, 5, utcnow() + timedelta(seconds=1)) == 0
    assert await st.count_recent_submissions(db, 404, since) == 0

    assert await st.block_reporter(db, r.reporter_id, by=MOD_A)
    assert not await st.block_reporter(db, r.reporter_id, by=MOD_A)
    assert (await st.get_or_create_reporter(db, 5)).blocked
    with pytest.raises(st.ReporterBlocked):
        await submit(db, 5, jpeg(screenshot("0006.jpg")))
    assert await st.count_recent_submissions(db, 5, since) == 2
    assert await st.unblock_reporter(db, r.reporter_id, by=MOD_A)
    assert not (await st.get_or_create_reporter(db, 5)).blocked


async def test_reporter_is_stable_and_reveal_is_audited(db: Db) -> None:
    a = await st.get_or_create_reporter(db, 777)
    assert a == await st.get_or_create_reporter(db, 777)
    assert a.blocked is False
    assert await st.reveal_reporter(db, a.id, by=MOD_A, reason="permintaan Bawaslu") == 777
    from sqlalchemy import select

    from store.models import AuditLog

    async with db() as s:
        rows = (await s.scalars(select(AuditLog).where(AuditLog.action == "reveal_reporter"))).all()
    assert len(rows) == 1
    assert rows[0].actor == f"tg:{MOD_A}" and "permintaan Bawaslu" in (rows[0].note or "")
    with pytest.raises(st.NotFound):
        await st.reveal_reporter(db, 999_999, by=MOD_A, reason="x")


# ---------------------------------------------------------------- analysis


async def test_verdict_is_saved_with_snapshot(db: Db) -> None:
    case_id = await flagged_case(db)
    d = await st.get_case(db, case_id)
    assert d is not None
    assert d.state == "flagged" and d.analysed_at is not None
    assert d.asn == st.AsnSnapshot(
        ASN["nip"], ASN["nama"], ASN["jabatan"], ASN["unit_kerja"], ASN["instansi"], 0.95
    )
    assert d.verdict == verdict()
    assert d.alternatives[0]["nip"] == "199001052015031004"
    assert (d.platform, d.poster_kind, d.poster_text, d.seen_text) == (
        "instagram",
        "username",
        "zulkifli.hrp",
        "2 jam",
    )
    assert (d.candidate, d.support_confidence, d.score) == (1, 0.9, 0.855)
    assert d.reasons and d.ocr_text and d.attempts == 1
    # Only from "new": a second save changes nothing.
    assert await st.save_verdict(db, case_id, verdict("clear")) == "flagged"
    analysed = [a for a in await st.audit_of(db, case_id) if a.action == "analysed"]
    assert [(a.from_state, a.to_state) for a in analysed] == [("new", "flagged")]


async def test_pending_analysis_survives_a_crash(db: Db) -> None:
    a = await submit(db, 1, jpeg(screenshot("0002.jpg")))
    b = await submit(db, 1, jpeg(screenshot("0003.jpg")))
    assert await st.pending_analysis(db) == [a.case_id, b.case_id]
    claimed = await st.claim_for_analysis(db, a.case_id)
    assert claimed is not None and claimed.attempts == 1 and claimed.image_path
    # ... the process dies here, before save_verdict ...
    assert await st.pending_analysis(db) == [a.case_id, b.case_id]
    again = await st.claim_for_analysis(db, a.case_id)
    assert again is not None and again.attempts == 2
    await st.save_verdict(db, a.case_id, verdict("clear"))
    assert await st.pending_analysis(db) == [b.case_id]
    assert await st.claim_for_analysis(db, a.case_id) is None  # no longer new


async def test_repeated_crashes_give_up_into_error(db: Db) -> None:
    r = await submit(db, 1, jpeg(screenshot("0005.jpg")))
    for _ in range(3):
        assert await st.claim_for_analysis(db, r.case_id, max_attempts=3) is not None
    assert await st.claim_for_analysis(db, r.case_id, max_attempts=3) is None
    d = await st.get_case(db, r.case_id)
    assert d is not None and d.state == "error"
    assert r.case_id not in await st.pending_analysis(db)


async def test_mark_analysis_failed_errors_after_max_attempts(db: Db) -> None:
    r = await submit(db, 1, jpeg(screenshot("0006.jpg")))
    for attempt in (1, 2, 3):
        assert await st.claim_for_analysis(db, r.case_id) is not None
        state = await st.mark_analysis_failed(db, r.case_id, f"boom {attempt}", max_attempts=3)
        assert state == ("error" if attempt == 3 else "new")
    d = await st.get_case(db, r.case_id)
    assert (
        d is not None
        and d.state == "error"
        and d.verdict == {"verdict": "error", "error": "boom 3"}
    )
    trail = [(a.action, a.to_state) for a in await st.audit_of(db, r.case_id)]
    assert trail[-1] == ("analysis_failed", "error")
    # A moderator can send it back for another try.
    assert await st.reanalyse(db, r.case_id, actor=MOD_A)
    assert r.case_id in await st.pending_analysis(db)
    assert (await st.claim_for_analysis(db, r.case_id)) is not None


# ---------------------------------------------------------------- moderation


async def test_first_decision_wins_under_concurrency(db: Db) -> None:
    case_id = await flagged_case(db)
    moderators = [1000 + i for i in range(20)]
    decisions = await asyncio.gather(
        *(
            st.decide_case(db, case_id, actor=m, decision="approved" if i % 2 else "rejected")
            for i, m in enumerate(moderators)
        )
    )
    winners = [d for d in decisions if d.ok]
    assert len(winners) == 1
    w = winners[0]
    assert w.previous_state == "flagged" and w.decided_by in moderators
    for d in decisions:
        if not d.ok:
            assert (d.state, d.decided_by, d.decided_at) == (w.state, w.decided_by, w.decided_at)
    audit = [a for a in await st.audit_of(db, case_id) if a.action == "decision"]
    assert len(audit) == 1 and audit[0].actor == f"tg:{w.decided_by}"
    detail = await st.get_case(db, case_id)
    assert detail is not None and detail.state == w.state and detail.decided_by == w.decided_by


async def test_needs_info_then_approved_and_approved_is_final(db: Db) -> None:
    case_id = await flagged_case(db)
    first = await st.decide_case(db, case_id, actor=MOD_A, decision="needs_info", note="kabur")
    assert first.ok and first.state == "needs_info" and first.previous_state == "flagged"
    assert [c.case_id for c in await st.pending_cases(db)] == [case_id]  # still waiting
    again = await st.decide_case(db, case_id, actor=MOD_B, decision="needs_info")
    assert not again.ok and again.decided_by == MOD_A
    # A moderator whose buttons still show "flagged" does not override needs_info silently.
    stale = await st.decide_case(
        db, case_id, actor=MOD_B, decision="rejected", expected_state="flagged"
    )
    assert not stale.ok and stale.state == "needs_info"
    final = await st.decide_case(db, case_id, actor=MOD_B, decision="approved", note="jelas")
    assert final.ok and final.previous_state == "needs_info" and final.decided_by == MOD_B
    assert await st.pending_cases(db) == []
    for decision in ("approved", "rejected", "needs_info"):
        late = await st.decide_case(db, case_id, actor=MOD_A, decision=decision)  # type: ignore[arg-type]
        assert not late.ok and late.state == "approved" and late.decided_by == MOD_B
    assert not await st.reanalyse(db, case_id, actor=MOD_A)
    trail = [(a.action, a.from_state, a.to_state) for a in await st.audit_of(db, case_id)]
    assert trail == [
        ("created", None, "new"),
        ("analysed", "new", "flagged"),
        ("decision", "flagged", "needs_info"),
        ("decision", "needs_info", "approved"),
    ]


async def test_undecidable_states_and_bad_input(db: Db) -> None:
    r = await submit(db, 1, jpeg(screenshot("0009.jpg")))
    d = await st.decide_case(db, r.case_id, actor=MOD_A, decision="approved")
    assert not d.ok and d.state == "new"  # not analysed yet
    with pytest.raises(ValueError):
        await st.decide_case(db, r.case_id, actor=MOD_A, decision="maybe")  # type: ignore[arg-type]
    with pytest.raises(st.NotFound):
        await st.decide_case(db, 424242, actor=MOD_A, decision="approved")
    with pytest.raises(ValueError):
        await st.save_verdict(db, r.case_id, {"verdict": "approved"})


async def test_asn_override_rewrites_snapshot_and_is_audited(db: Db) -> None:
    case_id = await flagged_case(db)
    other = {"nip": "199001052015031004", "nama": "Budi Santoso", "unit_kerja": "Dinkes"}
    d = await st.decide_case(db, case_id, actor=MOD_A, decision="approved", asn_override=other)
    assert d.ok
    detail = await st.get_case(db, case_id)
    assert detail is not None and detail.asn is not None
    assert (detail.asn.nip, detail.asn.nama, detail.asn.instansi) == (
        "199001052015031004",
        "Budi Santoso",
        None,
    )
    note = next(a.note for a in await st.audit_of(db, case_id) if a.action == "decision")
    assert note and "197002172001062406 -> 199001052015031004" in note

    case2 = await flagged_case(db, name="0010.jpg")
    await st.decide_case(db, case2, actor=MOD_A, decision="rejected", asn_override={})
    detail2 = await st.get_case(db, case2)
    assert detail2 is not None and detail2.asn is None


async def test_queue_order_age_and_moderator_message(db: Db) -> None:
    c1 = await flagged_case(db, name="0002.jpg")
    c2 = await flagged_case(db, name="0003.jpg")
    r3 = await submit(db, 3, jpeg(screenshot("0005.jpg")))
    await st.claim_for_analysis(db, r3.case_id)
    await st.save_verdict(db, r3.case_id, verdict("clear"))
    await submit(db, 4, jpeg(screenshot("0006.jpg")))  # still new
    await st.set_moderator_message(db, c2, chat_id=-100123, message_id=55)
    q = await st.pending_cases(db)
    assert [c.case_id for c in q] == [c1, c2]
    assert q[1].moderator_chat_id == -100123 and q[1].moderator_message_id == 55
    assert all(c.age >= timedelta(0) and c.reporters == 1 for c in q)
    assert q[0].asn_nama == ASN["nama"] and q[0].candidate == 1
    assert [c.case_id for c in await st.pending_cases(db, limit=1)] == [c1]
    with pytest.raises(st.NotFound):
        await st.set_moderator_message(db, 424242, chat_id=1, message_id=1)


# ---------------------------------------------------------------- reporters' view


async def test_tickets_are_private_and_notifications_once(db: Db) -> None:
    data = jpeg(screenshot("0004.jpg"))
    a = await submit(db, 111, data)
    b = await submit(db, 222, data)  # same case, another reporter
    assert a.case_id == b.case_id
    mine = await st.tickets_of(db, 111, None)
    assert [t.ticket for t in mine] == [a.ticket]
    assert await st.tickets_of(db, 111, [b.ticket]) == []  # A cannot see B's ticket
    assert [t.ticket for t in await st.tickets_of(db, 222, [a.ticket, b.ticket])] == [b.ticket]
    assert mine[0].case_state == "new"

    await st.claim_for_analysis(db, a.case_id)
    await st.save_verdict(db, a.case_id, verdict(), ASN)
    await st.decide_case(db, a.case_id, actor=MOD_A, decision="approved")
    assert (await st.tickets_of(db, 111, [a.ticket]))[0].case_state == "approved"
    todo = await st.submissions_to_notify(db, a.case_id)
    assert [(n.chat_id, n.ticket) for n in todo] == [(111, a.ticket), (222, b.ticket)]
    chat_id, message_id, ticket = todo[0]
    assert (chat_id, ticket) == (111, a.ticket) and message_id > 0
    await st.mark_notified(db, [n.ticket for n in todo])
    assert await st.submissions_to_notify(db, a.case_id) == []
    assert (await st.tickets_of(db, 111))[0].notified_outcome_at is not None


async def test_settings(db: Db) -> None:
    assert await st.get_setting(db, "roster") is None
    await st.set_setting(db, "roster", "roster.csv:abc")
    await st.set_setting(db, "roster", "roster.csv:def")
    assert await st.get_setting(db, "roster") == "roster.csv:def"


def test_phash_hex_matches_imagehash() -> None:
    image = screenshot("0001.jpg")
    assert ph.phash_hex(image) == str(imagehash.phash(image))
    assert len(ph.phash_hex(image)) == 16


async def test_hourly_limit_holds_under_a_concurrent_burst(db: Db) -> None:
    """Twelve uploads at once from one reporter with a limit of 5: exactly 5 are recorded."""
    images = [jpeg(Image.new("RGB", (200, 300), (i * 20, 40, 200 - i * 10))) for i in range(12)]
    results = await asyncio.gather(
        *(submit(db, 77, data, max_per_hour=5) for data in images), return_exceptions=True
    )
    recorded = [r for r in results if isinstance(r, st.SubmissionResult)]
    limited = [r for r in results if isinstance(r, st.RateLimited)]
    assert len(recorded) == 5 and len(limited) == 7
    assert len(await st.tickets_of(db, 77)) == 5


# ---------------------------------------------------------------- re-deliveries, versions, follow-ups


async def test_one_telegram_message_is_one_ticket_however_often_it_is_handled(db: Db) -> None:
    data = jpeg(screenshot("0004.jpg"))
    first = await submit(db, 1, data, message_id=777)
    again = await submit(db, 1, data, message_id=777)
    assert not first.repeat and again.repeat
    assert (again.ticket, again.case_id, again.match) == (first.ticket, first.case_id, "new")
    assert not again.new_case  # not queued for analysis a second time
    # Even a blocked or rate-limited reporter gets the ticket they were already given.
    other = await submit(db, 2, data, message_id=778)
    assert other.match == "exact" and not other.repeat
    tickets = await st.tickets_of(db, 1)
    assert [t.ticket for t in tickets] == [first.ticket]
    limited = await submit(db, 1, data, message_id=777, max_per_hour=1)
    assert limited.ticket == first.ticket
    concurrent = await asyncio.gather(*(submit(db, 3, data, message_id=900) for _ in range(6)))
    assert len({r.ticket for r in concurrent}) == 1
    assert sum(not r.repeat for r in concurrent) == 1


async def test_every_state_change_bumps_the_version(db: Db) -> None:
    r = await submit(db, 1, jpeg(screenshot("0004.jpg")))
    versions = [(await st.get_case(db, r.case_id)).version]  # type: ignore[union-attr]
    assert await st.claim_for_analysis(db, r.case_id) is not None
    await st.save_verdict(db, r.case_id, verdict(), ASN)
    versions.append((await st.get_case(db, r.case_id)).version)  # type: ignore[union-attr]
    assert await st.reanalyse(db, r.case_id, actor=MOD_A)
    versions.append((await st.get_case(db, r.case_id)).version)  # type: ignore[union-attr]
    assert await st.claim_for_analysis(db, r.case_id) is not None
    await st.save_verdict(db, r.case_id, verdict(), ASN)
    d = await st.decide_case(db, r.case_id, actor=MOD_A, decision="needs_info")
    assert d.ok
    versions.append((await st.get_case(db, r.case_id)).version)  # type: ignore[union-attr]
    assert versions == [0, 1, 2, 4]


async def test_a_press_on_a_card_that_changed_since_is_refused(db: Db) -> None:
    """Approve pressed on the still-flagged card after needs_info landed: refused, with who."""
    case_id = await flagged_case(db)
    seen = (await st.get_case(db, case_id)).version  # type: ignore[union-attr]
    asked = await st.decide_case(
        db, case_id, actor=MOD_A, decision="needs_info", expected_version=seen
    )
    assert asked.ok
    stale = await st.decide_case(
        db, case_id, actor=MOD_B, decision="approved", expected_version=seen
    )
    assert not stale.ok and stale.state == "needs_info" and stale.decided_by == MOD_A
    change = await st.last_change(db, case_id)
    assert change is not None and (change.state, change.actor) == ("needs_info", MOD_A)
    assert change.version == seen + 1
    fresh = await st.decide_case(
        db, case_id, actor=MOD_B, decision="approved", expected_version=seen + 1
    )
    assert fresh.ok
    decisions = [a for a in await st.audit_of(db, case_id) if a.action == "decision"]
    assert [(a.from_state, a.to_state) for a in decisions] == [
        ("flagged", "needs_info"),
        ("needs_info", "approved"),
    ]


async def test_concurrent_decisions_on_one_version_record_one(db: Db) -> None:
    kinds = ("approved", "rejected", "needs_info")
    for i, (first, second) in enumerate((a, b) for a in kinds for b in kinds):
        image = screenshot("0004.jpg")
        image.paste((i * 25, 255 - i * 25, 90), (0, 0, 40, 40))  # another file, its own case
        r = await submit(db, 10 + i, jpeg(image), attach_near=False)
        assert r.new_case and await st.claim_for_analysis(db, r.case_id) is not None
        await st.save_verdict(db, r.case_id, verdict(), ASN)
        seen = (await st.get_case(db, r.case_id)).version  # type: ignore[union-attr]
        results = await asyncio.gather(
            *(
                st.decide_case(db, r.case_id, actor=actor, decision=kind, expected_version=seen)  # type: ignore[arg-type]
                for actor, kind in ((MOD_A, first), (MOD_B, second))
            )
        )
        assert sum(d.ok for d in results) == 1, (first, second, results)
        decisions = [a for a in await st.audit_of(db, r.case_id) if a.action == "decision"]
        assert len(decisions) == 1


async def test_follow_ups_of_a_decision_are_tracked_until_done(db: Db) -> None:
    case_id = await flagged_case(db)
    detail = await st.get_case(db, case_id)
    assert detail is not None
    await st.set_moderator_message(db, case_id, -100, 5, version=detail.version)
    assert await st.unsettled_cases(db) == []
    d = await st.decide_case(db, case_id, actor=MOD_A, decision="approved")
    assert d.ok
    assert await st.unsettled_cases(db) == [case_id]  # card and reporters not told yet
    after = await st.get_case(db, case_id)
    assert after is not None
    await st.mark_card_shown(db, case_id, after.version)
    assert await st.unsettled_cases(db) == [case_id]
    await st.mark_outcome_told(db, case_id, after.version)
    assert await st.unsettled_cases(db) == []
    await st.mark_card_shown(db, case_id, 0)  # never moves back
    assert (await st.get_case(db, case_id)).card_version == after.version  # type: ignore[union-attr]
