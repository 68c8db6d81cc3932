"""The services open the roster index a process of this machine saved before, and build it
only for a roster file they have not indexed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from netra.config import load_config
from netra.services import roster_index
from rules.types import Poster

ROOT = Path(__file__).resolve().parents[2]


def test_the_roster_index_is_saved_in_the_data_folder_and_opened_next_time(
    tmp_path: Path,
) -> None:
    example = load_config(ROOT / "config.example.toml", env={})
    assert example.roster is not None
    config = dataclasses.replace(example, data_dir=tmp_path)
    data = example.roster.read_bytes()
    first = roster_index(config, data, example.roster.name)
    (saved,) = (tmp_path / "roster-index").glob("roster-*.idx")
    built_at = saved.stat().st_mtime_ns

    def must_not_build() -> list:
        raise AssertionError("the saved index should have been opened")

    second = roster_index(config, data, example.roster.name, must_not_build)
    assert saved.stat().st_mtime_ns == built_at
    assert list(second) == list(first)
    someone = next(iter(first))
    poster = Poster("contact_name", someone.nama)
    assert second.match(poster) == first.match(poster)
