"""Screenshots read with the real OCR against a province: a governor's race and two regencies'
races sharing pair numbers and a nickname. Each story is rendered and analysed once."""

from __future__ import annotations

import pytest

from netra.analysis import analyse
from ocr.engine import make_engine
from rules.roster import parse_roster
from rules.roster_index import RosterIndex
from rules.verdict import Verdict
from tests.province import ROSTER_CSV, province
from tests.synth import StorySpec, render_story

GUB, DELI, KARO = (
    "Pilgub Sumatera Utara 2024",
    "Pilkada Kabupaten Deli Serdang 2024",
    "Pilkada Kabupaten Karo 2024",
)


def story(poster: str, *lines: str, seed: int) -> StorySpec:
    return StorySpec(
        platform="instagram",
        poster=poster,
        age="3 j",
        lines=list(lines),
        background="solid",
        bg_colors=((30 + seed * 20, 60, 90), (30 + seed * 20, 60, 90)),
        font="dejavu_sans_bold",
        effect="plain",
        seed=seed,
    )


STORIES = {
    "governor_hashtag": story("rahmat.lubis70", "Coblos nomor 2", "#EdyHasan", seed=1),
    "number_by_deli_asn": story("joko.susilo90", "Ayo coblos nomor 2", seed=2),
    "number_by_medan_asn": story("dewi.lestari88", "Ayo coblos nomor 2", seed=3),
    "nickname_by_karo_asn": story("maya.sembiring91", "Bang Zul pilihanku", "gaspol!", seed=4),
}


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    roster = RosterIndex(parse_roster(ROSTER_CSV.encode(), "roster.csv").entries)
    engine, elections = make_engine("ppocr"), province()
    return {
        key: analyse(render_story(spec), roster, elections, engine=engine)
        for key, spec in STORIES.items()
    }


def test_a_governors_hashtag_is_the_governors_race(verdicts: dict[str, Verdict]) -> None:
    v = verdicts["governor_hashtag"]
    assert (v.kind, v.election, v.candidate) == ("flagged", GUB, 2)
    assert v.asn is not None and v.asn.entry.nip == "197002172001062406"


def test_a_bare_number_is_the_race_of_the_posters_regency(verdicts: dict[str, Verdict]) -> None:
    v = verdicts["number_by_deli_asn"]
    assert (v.kind, v.election, v.candidate) == ("flagged", DELI, 2)


def test_a_bare_number_nobody_can_place_goes_to_review(verdicts: dict[str, Verdict]) -> None:
    """A Medan ASN: no configured election is Medan's, so it could be any of the three."""
    v = verdicts["number_by_medan_asn"]
    assert v.kind == "review" and v.election is None
    assert v.elections == [GUB, DELI, KARO]
    assert v.to_dict()["elections"] == [GUB, DELI, KARO]


def test_a_nickname_of_two_regencies_is_the_posters_regency(verdicts: dict[str, Verdict]) -> None:
    v = verdicts["nickname_by_karo_asn"]
    assert (v.kind, v.election, v.candidate) == ("flagged", KARO, 2)
