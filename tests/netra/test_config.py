"""The configuration: sections named for what they configure, old names still read."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from netra.config import Config, load_config
from netra.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_the_example_configuration_loads_without_deprecations(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        config = load_config(ROOT / "config.example.toml", env={})
    assert caplog.records == []
    defaults = Config()
    assert config.scheduler == defaults.scheduler
    assert config.digest == defaults.digest
    assert config.retention == defaults.retention
    assert config.reminders == defaults.reminders
    assert config.roster is not None and config.roster.is_file()
    assert [p.name for p in config.election_files()] == ["election.toml"]


def test_retention_and_reminders_have_sections_of_their_own(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "[scheduler]\nenabled = false\ncheck_every_minutes = 15\n"
            '[retention]\ndays = 10\ntime = "02:00"\n'
            "[reminders]\nafter_hours = 4\nevery_hours = 2\n",
        ),
        env={},
    )
    assert (config.scheduler.enabled, config.scheduler.check_every_minutes) == (False, 15)
    assert (config.retention.days, config.retention.time) == (10, "02:00")
    assert (config.reminders.after_hours, config.reminders.every_hours) == (4, 2)


def test_old_names_under_digest_are_still_read_with_a_deprecation_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = (
        '[digest]\ntime = "06:30"\nenabled = false\ncheck_every_minutes = 20\n'
        'retention_days = 14\nretention_time = "04:00"\n'
        "reminder_after_hours = 8\nreminder_every_hours = 5\n"
    )
    with caplog.at_level(logging.WARNING, logger="netra.config"):
        config = load_config(write(tmp_path, old), env={})
    assert config.digest.time == "06:30"
    assert (config.scheduler.enabled, config.scheduler.check_every_minutes) == (False, 20)
    assert (config.retention.days, config.retention.time) == (14, "04:00")
    assert (config.reminders.after_hours, config.reminders.every_hours) == (8, 5)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 6
    assert "digest.retention_days is deprecated, write it as retention.days" in lines[2]


def test_a_setting_under_both_names_is_refused(tmp_path: Path) -> None:
    both = "[digest]\nretention_days = 14\n[retention]\ndays = 10\n"
    with pytest.raises(ConfigError, match=r"digest\.retention_days dan retention\.days"):
        load_config(write(tmp_path, both), env={})


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ('[digest]\ntime = "25:00"\n', "digest.time"),
        ('[retention]\ntime = "7"\n', "retention.time"),
    ],
)
def test_a_bad_time_names_its_setting(tmp_path: Path, text: str, setting: str) -> None:
    with pytest.raises(ConfigError, match=setting.replace(".", r"\.")):
        load_config(write(tmp_path, text), env={})


def test_an_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"reminders\.every_day"):
        load_config(write(tmp_path, "[reminders]\nevery_day = 1\n"), env={})
