"""A photo of a sample ballot set into a story, shrunk and turned: found by its shape, read
level and enlarged. A campaign's ballot (one pair circled, "COBLOS NOMOR 2!") is support;
the commission's specimen stamped "CONTOH" is not, even with a valid vote circled on it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from netra.analysis import analyse
from ocr.engine import OcrEngine, OcrLine, make_engine
from ocr.inset import MIN_TILT, paper_cards, unread_cards
from rules.election import Election
from rules.roster_index import RosterIndex
from tests.synth import StorySpec, render_story

PAIRS = [(1, [1, 2]), (2, [1, 1]), (3, [1, 2])]
NAMES = ["HENDRA SIREGAR - WULAN PRATIWI", "BAMBANG SUTEJO - RAHMAT HIDAYAT",
         "YUSUF HALIM - DEWI ANGGRAINI"]  # fmt: skip


def _ballot_story(label: str, mark: int, turn: float, caption: str) -> StorySpec:
    """Budi Santoso's (Bappeda) WhatsApp status: a sample ballot, 36% of the screen wide
    (read as it stands, its "COBLOS NOMOR 2!" is not read at all)."""
    texts = ["SURAT SUARA PEMILIHAN WALI KOTA DAN WAKIL WALI KOTA", "KOTA MAJU TAHUN 2024"]
    for (number, _genders), names in zip(PAIRS, NAMES, strict=True):
        texts += [str(number), names]
    art = {"kind": "ballot", "texts": [*texts, label], "pairs": PAIRS, "mark": mark}
    art["turn"] = turn
    return StorySpec(
        platform="whatsapp",
        poster="+62 852-7700-1234",
        age="Hari ini 07.12",
        lines=[caption],
        background="solid",
        bg_colors=((17, 17, 17), (17, 17, 17)),
        art=art,
        art_width=0.36,
        art_y=0.48,
    )


CAMPAIGN = _ballot_story("COBLOS NOMOR 2!", 2, -32.0, "Jangan sampai salah ya")
SPECIMEN = _ballot_story("CONTOH", 1, 24.0, "Contoh coblosan yang sah 👇")


@pytest.fixture(scope="module")
def ppocr() -> OcrEngine:
    return make_engine("ppocr")


def _image(spec: StorySpec) -> Image.Image:
    return Image.open(io.BytesIO(render_story(spec))).convert("RGB")


def test_the_card_is_found_with_its_slant() -> None:
    image = _image(CAMPAIGN)
    cards = paper_cards(image, (150, image.height - 150))
    assert len(cards) == 1
    # PIL turns counter-clockwise; the card is set level by turning it back.
    assert cards[0].angle == pytest.approx(32.0, abs=2.0)
    left, top, right, _bottom = cards[0].box
    assert right - left > 0.36 * image.width and top > 0.25 * image.height


def test_a_card_inside_a_white_frame_is_found_too() -> None:
    """A story shared in a chat sits in a white bubble: the card lies inside the bubble's
    frame, in its hole, and is found there as it is without the frame (ours 9201)."""
    from PIL import ImageDraw

    image = _image(CAMPAIGN)
    ImageDraw.Draw(image).rectangle(
        (12, 90, image.width - 12, image.height - 90), outline=(255, 255, 255), width=10
    )
    cards = paper_cards(image, (0, image.height))
    assert len(cards) == 1
    assert cards[0].angle == pytest.approx(32.0, abs=2.0)


def test_a_card_under_a_label_laid_over_its_corner_is_found_along_its_own_edges() -> None:
    """ "Ini caranya 👇" on a white label over the turned ballot's top corner (ours 9223 0116):
    the white of both is one outline, which no rectangle fills; the card is the rectangle
    along its own edges."""
    from PIL import ImageDraw

    image = _image(CAMPAIGN)
    (alone,) = paper_cards(image, (150, image.height - 150))
    left, top, right, _bottom = alone.box
    label = (left - 30, top - 20, left + (right - left) // 2, top + 45)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(label, radius=12, fill=(255, 255, 255))
    draw.text((label[0] + 20, label[1] + 20), "Ini caranya", fill=(20, 20, 20))
    (card,) = paper_cards(image, (150, image.height - 150))
    assert card.angle == pytest.approx(alone.angle, abs=2.0)
    assert card.centre == pytest.approx(alone.centre, abs=12)
    assert card.size == pytest.approx(alone.size, abs=16)


def test_a_card_on_a_pale_tinted_background_is_the_whiter_paper_on_it() -> None:
    """A pale blue story (217, 228, 250) is near-white paper itself, and the card merged into
    it was too large to be a card: the whiter paper on it is the card (ours 9245 0174)."""
    import dataclasses

    pale = dataclasses.replace(CAMPAIGN, bg_colors=((217, 228, 250), (208, 223, 244)))
    image = _image(pale)
    (card,) = paper_cards(image, (150, image.height - 150))
    assert card.angle == pytest.approx(32.0, abs=2.0)
    left, top, right, _bottom = card.box
    assert right - left < 0.8 * image.width and top > 0.25 * image.height


def test_a_turned_ballot_on_a_pale_story_is_read_and_flagged(tmp_path: Path) -> None:
    """ "Ini caranya 👇" over a small sample ballot turned 30° on a pale blue story, pair 1
    circled and "01 ✓" on its label: the first reading read nothing of the card, which the
    pale background hid from the look for cards (ours 9245 0174, `clear`)."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9245, 174, "yunisaputri1973", tmp_path)
    assert "ballot_photo" in label["noise"] and label["supports_candidate"] == 1, label
    assert_flagged_as_labelled(v, label)


def test_a_level_card_read_at_a_legible_size_is_not_read_again() -> None:
    image = _image(_ballot_story("COBLOS NOMOR 2!", 2, 0.0, "Jangan sampai salah ya"))
    rows = (150, image.height - 150)
    (card,) = paper_cards(image, rows)
    assert abs(card.angle) < MIN_TILT
    left, top, right, _bottom = card.box
    legible = OcrLine("SURAT SUARA", left + 10, top + 5, right - 10, top + 35, 0.99, height=30)
    assert unread_cards(image, rows, [legible]) == []
    tiny = OcrLine("SURAT SUARA", left + 10, top + 5, right - 10, top + 15, 0.6, height=10)
    assert unread_cards(image, rows, [tiny]) == [card]


def test_a_turned_campaign_ballot_is_read_and_flagged(
    roster: RosterIndex, election: Election, ppocr: OcrEngine
) -> None:
    verdict = analyse(render_story(CAMPAIGN), roster, election, engine=ppocr)
    assert verdict.asn is not None and verdict.asn.entry.nip == "199107072016041005"
    assert verdict.candidate == 2, verdict.text
    assert verdict.kind == "flagged", verdict.reasons


def test_the_commission_s_specimen_is_no_support(
    roster: RosterIndex, election: Election, ppocr: OcrEngine
) -> None:
    verdict = analyse(render_story(SPECIMEN), roster, election, engine=ppocr)
    assert verdict.asn is not None
    assert verdict.kind == "clear", (verdict.reasons, verdict.text)
