"""A known set of cases for the digest, export, report and scheduler tests: a real migrated
SQLite database seeded through `store`, with fixed timestamps written back afterwards (the
store's functions take no clock), and a stand-in for `netra.services.Services` (config, db,
files, election). The fixtures `services` and `seeded` (tests/conftest.py) provide them."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import store
from netra.config import Config, TelegramSettings
from netra.files import FileStore
from rules.election import Election, parse_election
from rules.elections import ElectionSet, as_set
from store.models import AuditLog, Case, Submission
from tests.conftest import ELECTION_TOML

# 2026-11-25 07:00 WIB: the digest's scheduled time; the period is the 24 h before it.
NOW = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
H = timedelta(hours=1)
D = timedelta(days=1)
ADMIN = 900
EXTRA_CHAT = -1002000000002
MOD_CHAT = -1001000000001


@dataclass
class StubServices:
    """The parts of `bot.services.Services` the scheduled jobs use."""

    config: Config
    db: async_sessionmaker[AsyncSession]
    files: FileStore
    election: Election
    cases: dict[str, int] = field(default_factory=dict)

    @property
    def elections(self) -> ElectionSet:
        return as_set(self.election)

    def election_of(self, name: str | None) -> Election | None:
        return self.elections.get(name)


def make_seeded_config(tmp_path: Path, **sections: Any) -> Config:
    """The seeded services' configuration; `sections` replace whole sections (`digest=`...)."""
    return Config(
        data_dir=tmp_path / "var",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'var' / 'netra.db'}",
        telegram=TelegramSettings(
            token="123456:TEST-token", moderator_chat_id=MOD_CHAT, admin_ids=(ADMIN,)
        ),
        **sections,
    )


async def open_services(config: Config) -> StubServices:
    await store.migrate(config.database_url)
    engine = store.create_engine(config.database_url)
    return StubServices(
        config,
        store.session_factory(engine),
        FileStore(config.data_dir),
        parse_election(ELECTION_TOML),
    )


def png(seed: int) -> bytes:
    img = Image.new("RGB", (36, 64), ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


ASN_A = {
    "nip": "199001052015031004",
    "nama": "Budi Santoso",
    "jabatan": "Staf Pelaksana",
    "unit_kerja": "Dinas Kesehatan",
    "instansi": "Pemerintah Kota Contoh",
    "confidence": 0.93,
}
ASN_B = {
    "nip": "199107072016041005",
    "nama": "Budi Santoso",
    "jabatan": "Analis Kebijakan",
    "unit_kerja": "Bappeda",
    "instansi": "Pemerintah Kota Contoh",
    "confidence": 0.88,
}


async def seed_case(
    svc: StubServices,
    seed: int,
    *,
    reporter: int,
    created: datetime,
    verdict: str | None = "flagged",
    asn: dict[str, Any] | None = None,
    candidate: int | None = 2,
    decision: str | None = None,
    moderator: int = 501,
    decided: datetime | None = None,
    extra_reporters: tuple[tuple[int, datetime], ...] = (),
) -> int:
    """One case through the real store functions, then its timestamps set to fixed times."""
    data = png(seed)
    sha = hashlib.sha256(data).hexdigest()
    rel = svc.files.relative_path(sha, ".png")
    svc.files.write(rel, data)
    kw = dict(
        sha256=sha,
        phash=None,
        file_path=rel,
        size=len(data),
        mime="image/png",
        width=36,
        height=64,
        source="photo",
        chat_id=reporter,
    )
    res = await store.record_submission(
        svc.db, telegram_user_id=reporter, message_id=seed * 10, **kw
    )
    case_id = res.case_id
    tickets = [(res.ticket, created)]
    for i, (other, when) in enumerate(extra_reporters, start=1):
        more = await store.record_submission(
            svc.db, telegram_user_id=other, message_id=seed * 10 + i, **{**kw, "chat_id": other}
        )
        tickets.append((more.ticket, when))
    if verdict is not None:
        await store.save_verdict(
            svc.db,
            case_id,
            {
                "verdict": verdict,
                "platform": "whatsapp",
                "poster": {"kind": "name", "text": f"Pak Budi {seed}"},
                "seen": "2 jam yang lalu",
                "candidate": candidate,
                "support_confidence": 0.9,
                "score": 0.8,
                "reasons": ["nomor urut paslon", "ajakan memilih"],
                "evidence": [
                    {
                        "candidate": candidate,
                        "rule": "nomor_urut",
                        "matched": "no. 2",
                        "weight": 0.6,
                    },
                    {
                        "candidate": candidate,
                        "rule": "slogan",
                        "matched": "=SUM(A1)",
                        "weight": 0.4,
                    },
                ],
                "text": f"=coblos no. 2 kasus {seed}",
            },
            asn,
        )
    if decision is not None:
        d = await store.decide_case(svc.db, case_id, actor=moderator, decision=decision)  # type: ignore[arg-type]
        assert d.ok
    async with svc.db() as s, s.begin():
        values: dict[str, Any] = {"created_at": created}
        if verdict is not None:
            values["analysed_at"] = created + timedelta(minutes=1)
        if decided is not None:
            values["decided_at"] = decided
        await s.execute(update(Case).where(Case.id == case_id).values(**values))
        for ticket, when in tickets:
            await s.execute(
                update(Submission).where(Submission.id == ticket).values(received_at=when)
            )
        if decided is not None:
            await s.execute(
                update(AuditLog)
                .where(AuditLog.case_id == case_id, AuditLog.action == "decision")
                .values(at=decided)
            )
    return case_id


async def seed_all(svc: StubServices) -> dict[str, int]:
    """The known data set the digest tests check (numbers worked out in test_digest_numbers)."""
    r1, r2, r3 = 1001, 1002, 1003
    c = {}
    c["c1"] = await seed_case(
        svc,
        1,
        reporter=r1,
        created=NOW - 30 * H,
        asn=ASN_A,
        decision="approved",
        decided=NOW - 20 * H,
        extra_reporters=((r2, NOW - 10 * H),),
    )
    c["c2"] = await seed_case(
        svc,
        2,
        reporter=r1,
        created=NOW - 10 * H,
        asn=ASN_A,
        decision="approved",
        moderator=502,
        decided=NOW - 5 * H,
    )
    c["c3"] = await seed_case(
        svc,
        3,
        reporter=r1,
        created=NOW - 5 * D,
        asn=ASN_B,
        candidate=1,
        decision="approved",
        decided=NOW - 4 * D,
    )
    c["c4"] = await seed_case(
        svc,
        4,
        reporter=r1,
        created=NOW - 8 * H,
        asn=ASN_B,
        decision="rejected",
        decided=NOW - 2 * H,
    )
    c["c5"] = await seed_case(svc, 5, reporter=r2, created=NOW - 6 * H, asn=ASN_A)
    c["c6"] = await seed_case(svc, 6, reporter=r2, created=NOW - 40 * H, verdict="review")
    c["c7"] = await seed_case(svc, 7, reporter=r3, created=NOW - 2 * H, verdict="clear")
    c["c8"] = await seed_case(svc, 8, reporter=r3, created=NOW - 1 * H, verdict=None)
    c["c9"] = await seed_case(svc, 9, reporter=r3, created=NOW - 40 * D, verdict="clear")
    c["c10"] = await seed_case(
        svc,
        10,
        reporter=r3,
        created=NOW - 35 * D - H,
        decision="rejected",
        moderator=502,
        decided=NOW - 35 * D,
    )
    c["c11"] = await seed_case(
        svc,
        11,
        reporter=r3,
        created=NOW - 10 * D - 2 * H,
        decision="rejected",
        moderator=502,
        decided=NOW - 10 * D,
    )
    svc.cases = c
    return c
