"""Texts fitted to Telegram's length limits by one helper (`bot.fit`)."""

from __future__ import annotations

import random

from bot import fit
from bot.fake_telegram import parse_html
from wording import id as t

# Telegram allows 64 characters for a first name and 64 for a last name; emoji count twice in
# UTF-16, and names may contain what HTML must escape.
LONGEST_FIRST = "😀" * 32 + "Ж" * 32
LONGEST_LAST = "<&>" * 21 + "x"
LONGEST_NAME = f"{LONGEST_FIRST} {LONGEST_LAST}"


def test_units_count_like_telegram() -> None:
    assert fit.units("abc") == 3
    assert fit.units("😀") == 2
    assert fit.units(LONGEST_NAME) == 64 + 32 + 1 + 64


def test_cut_never_splits_a_character_and_marks_the_cut() -> None:
    rng = random.Random(3)
    alphabet = "aЖ😀 <&>"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        limit = rng.randint(0, 90)
        out = fit.cut(text, limit)
        assert fit.units(out) <= limit
        if fit.units(text) <= limit:
            assert out == text
        elif limit:
            assert out.endswith(fit.ELLIPSIS)
            assert text.startswith(out.removesuffix(fit.ELLIPSIS))
        out.encode("utf-8")  # no lone surrogate


def test_fit_html_keeps_tags_balanced_and_the_visible_text_within_the_limit() -> None:
    rng = random.Random(5)
    pieces = ["<b>", "</b>", "<code>", "</code>", "&amp;", "&lt;", "Ж", "😀", "kata ", "\n"]
    for _ in range(500):
        opened: list[str] = []
        parts = []
        for _ in range(rng.randint(1, 60)):
            piece = rng.choice(pieces)
            if piece in ("<b>", "<code>"):
                if piece[1:-1] in opened:
                    continue
                opened.append(piece[1:-1])
            elif piece.startswith("</"):
                if not opened or opened[-1] != piece[2:-1]:
                    continue
                opened.pop()
            parts.append(piece)
        parts += [f"</{tag}>" for tag in reversed(opened)]
        source = "".join(parts)
        limit = rng.randint(1, 40)
        out = fit.fit_html(source, limit)
        shown, _ = parse_html(out)  # the fake parses like Telegram: raises on broken HTML
        assert fit.units(shown.strip()) <= limit, (source, out)


def test_fill_shortens_the_name_not_the_sentence() -> None:
    text = fit.fill(
        t.ALREADY_DECIDED,
        fit.CALLBACK_ANSWER,
        case=123456,
        state=t.DECISION_NAMES["approved"],
        who=LONGEST_NAME,
        when="26-11-2026 10:00 WIB",
    )
    assert fit.units(text) <= fit.CALLBACK_ANSWER
    assert text.startswith("Kasus #123456 sudah diputuskan (✅ Disetujui) oleh 😀")
    assert text.endswith("… pada 26-11-2026 10:00 WIB.")


def test_fill_in_html_escapes_what_it_shortens() -> None:
    text = fit.fill("<b>{who}</b> memutuskan", 40, html_mode=True, who=LONGEST_LAST * 3)
    shown, entities = parse_html(text)
    assert fit.units(shown) <= 40 and shown.endswith("… memutuskan")
    assert entities and entities[0]["type"] == "bold"
    short = fit.fill("<b>{who}</b>", 40, html_mode=True, who="A & B")
    assert short == "<b>A &amp; B</b>"
