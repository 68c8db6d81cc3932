"""The wording modules: every template's fields are plain names (so `.format(name=...)` fills
them and a stray brace is caught here, not in front of a reporter), the HTML they carry is
balanced, and the few formatting helpers say times the way the texts expect."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta
from types import ModuleType

from bot.fake_telegram import parse_html
from wording import en, id_analysis, id_check
from wording import id as t

INDONESIAN = (t, id_analysis, id_check)


def texts(module: ModuleType) -> dict[str, str]:
    """Every string a wording module holds, dictionaries' values included."""
    found: dict[str, str] = {}
    for name, value in vars(module).items():
        if name.startswith("_") or not name.isupper():
            continue
        if isinstance(value, str):
            found[name] = value
        elif isinstance(value, dict):
            found |= {f"{name}[{k}]": v for k, v in value.items() if isinstance(v, str)}
    return found


def test_templates_have_named_fields_only() -> None:
    bad = []
    for name, text in (item for module in INDONESIAN for item in texts(module).items()):
        try:
            fields = [
                f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None
            ]
        except ValueError as exc:
            bad.append(f"{name}: {exc}")
            continue
        bad += [f"{name}: {{{f}}}" for f in fields if not f.isidentifier()]
    assert bad == []


def test_the_command_lines_help_is_plain_text() -> None:
    """`wording.en` is read by argparse, which formats nothing but `%` in argument help."""
    assert all("%" not in text for text in texts(en).values())
    assert en.SCAN_HELP.endswith("cannot be used.\n")


def test_html_in_the_indonesian_wording_is_balanced() -> None:
    for name, text in (item for module in INDONESIAN for item in texts(module).items()):
        if "<" in text:
            filled = text.format_map(_Anything())
            parse_html(filled)  # raises on unbalanced or unknown tags
            assert name


def test_times_are_shown_as_the_texts_say() -> None:
    moment = datetime(2026, 11, 24, 18, 5, tzinfo=UTC)
    assert t.when(moment) == "25-11-2026 01:05 WIB"
    assert t.when(None) == "-"
    assert [t.age(timedelta(minutes=m)) for m in (5, 90, 47 * 60, 50 * 60)] == [
        "5 mnt",
        "1 jam",
        "47 jam",
        "2 hari",
    ]
    assert t.days_hours(timedelta(days=2, hours=5, minutes=59)) == "2 hari 5 jam"
    assert t.days_hours(timedelta(hours=7)) == "7 jam"
    assert t.days_hours(timedelta(hours=-3)) == "0 jam"
    assert t.esc("<b>&") == "&lt;b&gt;&amp;"


class _Anything(dict[str, object]):
    """Fills any field with a harmless value that takes any format spec."""

    def __missing__(self, key: str) -> object:
        return 7
