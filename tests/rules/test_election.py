"""The election file is validated with messages that name the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.election import load_election, parse_election
from rules.errors import ElectionError

GOOD = """
[election]
name = "Pilkada Kota Contoh 2024"
region = "Kota Contoh"
timezone = "Asia/Makassar"
voting_day = 2024-11-27

[[candidates]]
number = 1
people = ["Andi Saputra", "Rina Marlina"]
aliases = ["ANRI"]
hashtags = ["AnriMenang"]

[[candidates]]
number = 2
people = ["Kotak Kosong"]
"""


def test_valid_file_loads_with_normalised_hashtags() -> None:
    election = parse_election(GOOD)
    assert election.timezone == "Asia/Makassar"
    assert [c.number for c in election.candidates] == [1, 2]
    assert election.candidate(1).hashtags == ("#AnriMenang",)
    assert str(election.voting_day) == "2024-11-27"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (GOOD.replace('name = "Pilkada Kota Contoh 2024"\n', ""), "election.name"),
        (GOOD.replace("number = 2", "number = 1"), "candidates[2].number"),
        (GOOD.replace('people = ["Kotak Kosong"]', "people = []"), "candidates[2].people"),
        (GOOD.replace("Asia/Makassar", "Asia/Bandung"), "election.timezone"),
        (GOOD.replace("2024-11-27", '"27 Nov"'), "election.voting_day"),
        (
            GOOD.replace('hashtags = ["AnriMenang"]', 'hashtags = "AnriMenang"'),
            "candidates[1].hashtags",
        ),
        ("[election]\nname='x'\n", "[[candidates]]"),
        ("not toml = = =", "TOML"),
    ],
)
def test_invalid_files_name_the_field(text: str, field: str) -> None:
    with pytest.raises(ElectionError, match=field.replace("[", r"\[").replace("]", r"\]")):
        parse_election(text)


def test_sample_election_file_loads() -> None:
    path = Path(__file__).resolve().parents[3] / "shared" / "samples" / "election.toml"
    if not path.exists():
        pytest.skip("../shared/samples not present")
    assert len(load_election(path).candidates) == 3


SHARED = """
[election]
name = "Pilkada Kota Padang 2024"

[[candidates]]
number = 1
people = ["Ismail Harun", "Zulkifli Zulfahmi"]
hashtags = ["#IszulMenang", "#PadangBerkah"]

[[candidates]]
number = 2
people = ["Yusnita Fatmawati", "Ilham Mairizal"]
aliases = ["YUIL"]
hashtags = ["#YuilMenang", "#padangberkah"]
"""


def test_a_label_two_pairs_list_names_neither_and_is_said() -> None:
    """ "#PadangBerkah" in both pairs' hashtags is a cheer for the city: it backs neither,
    and `netra check` is told (`Election.shared`); "#YuilMenang" still backs pair 2."""
    from rules.support import detect_support

    election = parse_election(SHARED)
    assert election.shared == ("#PadangBerkah", "#padangberkah")
    assert election.candidate(1).hashtags == ("#IszulMenang",)
    assert election.candidate(2).hashtags == ("#YuilMenang",)
    found = detect_support("#YuilMenang #PadangBerkah", election)
    assert found.candidate == 2 and found.confidence >= 0.8, found
    assert detect_support("Selamat pagi #PadangBerkah", election).candidate is None
