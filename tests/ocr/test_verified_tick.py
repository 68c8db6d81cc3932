"""Instagram's verified tick is found by its colour and shape beside a handle, and a blue
photo behind the header is no tick."""

from __future__ import annotations

from PIL import Image, ImageDraw

from ocr.verified_tick import tick_centre
from tests.synth.render import font

_BOX = (20, 30, 260, 60)  # a poster line 30 px high


def _header(background: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (400, 100), background)
    draw = ImageDraw.Draw(image)
    draw.text((20, 45), "ayurajasa87", font=font("roboto_bold", 24), fill="white", anchor="lm")
    return image, draw


def test_a_blue_disc_with_a_check_after_the_handle_is_the_tick() -> None:
    image, draw = _header((60, 40, 50))
    draw.ellipse((170, 36, 188, 54), fill=(0, 149, 246))
    draw.text((179, 45), "✓", font=font("dejavu_sans", 13), fill="white", anchor="mm")
    centre = tick_centre(image, _BOX)
    assert centre is not None and abs(centre - 179) <= 2


def test_a_blue_sky_behind_the_header_is_no_tick() -> None:
    image, draw = _header((60, 40, 50))
    draw.rectangle((150, 0, 400, 100), fill=(40, 150, 240))  # sky through the whole band
    assert tick_centre(image, _BOX) is None
    image, _draw = _header((40, 150, 240))
    assert tick_centre(image, _BOX) is None
