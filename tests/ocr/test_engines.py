"""The OCR boundary: each engine reads rendered story text into lines with boxes."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engine import ENGINES, OcrLine, make_engine, sort_lines
from ocr.ppocr import _clean
from ocr.tesseract import merge_lines

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _card(lines: list[tuple[str, int, int]], size: tuple[int, int] = (720, 1280)) -> Image.Image:
    image = Image.new("RGB", size, (30, 60, 90))
    draw = ImageDraw.Draw(image)
    for text, y, px in lines:
        draw.text((60, y), text, font=ImageFont.truetype(FONT, px), fill=(255, 255, 255))
    return image


@pytest.mark.parametrize("name", ENGINES)
def test_each_engine_reads_lines_in_order_with_their_boxes(name: str) -> None:
    image = _card([("Coblos Nomor 2", 300, 56), ("Bangkit Bersama", 700, 56)])
    lines = make_engine(name).read(image)
    texts = [line.text.lower() for line in lines]
    assert any("coblos" in t for t in texts) and any("bangkit" in t for t in texts), texts
    first = next(line for line in lines if "coblos" in line.text.lower())
    second = next(line for line in lines if "bangkit" in line.text.lower())
    assert first.top < second.top
    assert 250 < first.centre_y < 400 and 650 < second.centre_y < 800
    assert 0.0 < first.conf <= 1.0


def test_scene_text_reader_reads_small_text_when_asked_for_fine_detail() -> None:
    # 12 px text on a wide band: lost at the usual detection size, read in fine mode.
    band = _card([("zelaya53 5j", 40, 12)], size=(1440, 120))
    engine = make_engine("ppocr")
    fine = " ".join(line.text for line in engine.read(band, fine=True))
    assert "zelaya53" in fine.replace(" ", "")


def test_a_second_look_is_taken_only_when_asked_and_only_at_unsure_lines() -> None:
    """Small text read at twice its size: a line read surely keeps one reading; an unsure
    one may carry a second, from a tighter crop, that differs from the first."""
    from ocr.ppocr import UNSURE

    card = _card([("Kita pilih yg sudah terbukti. RUZU!", 40, 9), ("Balas", 80, 40)], (720, 140))
    big = card.resize((1440, 280), Image.Resampling.LANCZOS)
    engine = make_engine("ppocr")
    assert not any(line.second for line in engine.read(big, fine=True))
    looked = engine.read(big, fine=True, second_look=True)
    assert any("balas" in line.text.lower() for line in looked), looked
    for line in looked:
        assert not line.second or (line.conf < UNSURE and line.second != line.text), line


def test_scene_text_reader_reads_rotated_text_with_its_angle() -> None:
    image = Image.new("RGB", (720, 1280), (38, 196, 220))
    text = Image.new("RGBA", (600, 120), (0, 0, 0, 0))
    ImageDraw.Draw(text).text((10, 10), "Coblos No. 1!", font=ImageFont.truetype(FONT, 70))
    image.paste(rotated := text.rotate(-15, expand=True), (60, 500), rotated)
    lines = make_engine("ppocr").read(image)
    hit = next(line for line in lines if "coblos" in line.text.lower())
    assert 8 < abs(hit.angle) < 25, hit


def test_cjk_glyphs_and_full_width_forms_are_cleaned() -> None:
    assert _clean("11%口") == "11%"
    assert _clean("三：口 Balas") == ": Balas"
    assert _clean("１２.３０") == "12.30"


def test_lines_found_by_several_variants_are_kept_once_the_most_confident() -> None:
    a = OcrLine("Coblos 2", 100, 100, 300, 140, 0.6)
    b = OcrLine("Coblos No 2", 98, 102, 310, 141, 0.9)
    c = OcrLine("Bangkit", 100, 300, 250, 340, 0.8)
    assert [line.text for line in merge_lines([a, b, c])] == ["Coblos No 2", "Bangkit"]


def test_a_row_is_read_left_to_right() -> None:
    left = OcrLine("olga29713", 93, 80, 200, 110, 0.9, height=30)
    right = OcrLine("3m", 220, 82, 250, 110, 0.9, height=28)
    below = OcrLine("Coblos", 60, 300, 200, 340, 0.9)
    assert [line.text for line in sort_lines([below, right, left])] == ["olga29713", "3m", "Coblos"]


def test_an_unknown_engine_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="ppocr"):
        make_engine("easyocr")
