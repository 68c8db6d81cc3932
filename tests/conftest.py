"""Shared fixtures: a small roster and election, and screenshots rendered once per session.

OCR costs ~0.5 s an image, so every rendered screenshot is analysed once and the verdict is
shared by all tests that look at it (`scan`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from netra.analysis import analyse
from ocr.engine import ENGINES, OcrEngine, make_engine
from rules.election import Election, parse_election
from rules.roster import parse_roster
from rules.roster_index import RosterIndex
from rules.verdict import Verdict
from tests.synth import StorySpec, render_story

if TYPE_CHECKING:  # tests.seeding reads this module's roster and election
    from tests.seeding import StubServices

ROSTER_CSV = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
197002172001062406,"H. Zulkifli Harahap, S.Sos.",Kepala Bidang,Dinas Kesehatan,Pemerintah Kota Contoh,081234567001,zulkifli.hrp
198503122010012003,Dra. Rina Marlina,Guru Ahli Muda,Dinas Pendidikan,Pemerintah Kota Contoh,081234567002,
199001052015031004,Budi Santoso,Staf Pelaksana,Dinas Kesehatan,Pemerintah Kota Contoh,081234567003,
199107072016041005,Budi Santoso,Analis Kebijakan,Bappeda,Pemerintah Kota Contoh,085277001234,budisantoso91
198812312014022006,"Siti Aminah, S.E.",Bendahara,Badan Pengelola Keuangan Daerah,Pemerintah Kota Contoh,,siti.aminah88
197511042000031007,Agus Prasetyo,Lurah,Kelurahan Bacang,Pemerintah Kota Contoh,081399887766,
"""

ELECTION_TOML = """
[election]
name = "Pilkada Kota Contoh 2024"
region = "Kota Contoh"
timezone = "Asia/Jakarta"
voting_day = 2024-11-27

[[candidates]]
number = 1
people = ["Hendra Siregar", "Wulan Pratiwi"]
aliases = ["HEWAN", "Hendra-Wulan"]
slogans = ["Contoh Sejahtera Merata"]
hashtags = ["#HendraWulanMenang"]

[[candidates]]
number = 2
people = ["Bambang Sutejo", "Rahmat Hidayat"]
aliases = ["BARA", "Bambang-Rahmat"]
slogans = ["Bangkit Bersama Rakyat"]
hashtags = ["#BaraJuara"]

[[candidates]]
number = 3
people = ["Yusuf Halim", "Dewi Anggraini"]
aliases = ["YUDA", "Yusuf-Dewi"]
slogans = ["Kota Maju Warga Bahagia"]
hashtags = ["#YudaPasti"]
"""


@pytest.fixture(scope="session")
def election() -> Election:
    return parse_election(ELECTION_TOML)


@pytest.fixture(scope="session")
def roster() -> RosterIndex:
    loaded = parse_roster(ROSTER_CSV.encode(), "roster.csv")
    assert not loaded.problems, loaded.problems
    return RosterIndex(loaded.entries)


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> OcrEngine:
    """Every test that reads a screenshot runs with each OCR engine."""
    return make_engine(request.param)


@pytest.fixture
def scene_text_only(engine: OcrEngine) -> None:
    """Input only the scene-text reader is expected to read (script on gradients, text among
    bright photo shapes, half a name over a white cup): tesseract, even with its colour
    masks, does not (README, "Which OCR engine"). Such tests skip under tesseract."""
    if engine.name != "ppocr":
        pytest.skip("tesseract does not read this input; PP-OCR is the default engine")


@pytest.fixture(scope="session")
def scan(
    roster: RosterIndex, election: Election, engine: OcrEngine
) -> Callable[[StorySpec], Verdict]:
    """Render a story and analyse it with the real OCR; cached per spec for the session."""
    cache: dict[str, Verdict] = {}

    def run(spec: StorySpec) -> Verdict:
        key = repr(spec)
        if key not in cache:
            cache[key] = analyse(render_story(spec), roster, election, engine=engine)
        return cache[key]

    return run


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[StubServices]:
    """A migrated SQLite database and a stand-in for the services, no cases yet."""
    from tests.seeding import make_seeded_config, open_services

    svc = await open_services(make_seeded_config(tmp_path))
    yield svc
    await svc.db.kw["bind"].dispose()


@pytest.fixture
async def seeded(services: StubServices) -> StubServices:
    """The known cases of `tests.seeding.seed_all`."""
    from tests.seeding import seed_all

    await seed_all(services)
    return services
