"""The images that bring out story text a reader missed: white, faint, brighter-than-
surroundings and vivid-hue text, each from a drawn band with known text pixels."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from ocr import preprocess as pp


def band(
    background: tuple[int, int, int], text: tuple[int, int, int], *, solid: bool = False
) -> np.ndarray:
    """A 60x240 band with "text" in the middle (rows 20-39, columns 60-179): strokes two
    pixels wide every six, as glyphs are, or with `solid` one filled block."""
    image = Image.new("RGB", (240, 60), background)
    draw = ImageDraw.Draw(image)
    if solid:
        draw.rectangle((60, 20, 179, 39), fill=text)
    for x in range(60, 180, 6):
        draw.rectangle((x, 20, x + 1, 39), fill=text)
    return pp.as_array(image)


STROKES = (slice(20, 40), slice(60, 180, 6))  # the first column of every stroke
OUTSIDE = (slice(0, 15), slice(0, 240))


def test_white_text_is_found_and_a_saturated_colour_is_not() -> None:
    rgb = band((40, 60, 90), (245, 245, 240))
    mask = pp.white_text_mask(rgb)
    assert mask[STROKES].all() and not mask[OUTSIDE].any()
    yellow = band((40, 60, 90), (250, 220, 30))
    assert not pp.white_text_mask(yellow).any()


def test_text_masks_become_black_on_white() -> None:
    mask = np.zeros((4, 6), dtype=bool)
    mask[1:3, 2:4] = True
    image = pp.to_image(mask)
    pixels = np.asarray(image)
    assert image.mode == "L" and pixels[1, 2] == 0 and pixels[0, 0] == 255
    assert pp.grey(band((10, 20, 30), (10, 20, 30))).getextrema() == (20, 20)


def test_faint_white_on_pale_becomes_dark_text() -> None:
    """White letters over a white cup or sky: a few levels of contrast become clear dark
    strokes on white."""
    rgb = band((236, 236, 236), (250, 250, 250))
    image = np.asarray(pp.faint_bright_text(rgb))
    assert image[STROKES].max() < 60
    assert image[OUTSIDE].min() == 255


def test_brighter_than_surroundings_finds_shadowed_text_of_any_hue() -> None:
    rgb = band((70, 70, 80), (200, 230, 255))
    mask = pp.brighter_than_mean(rgb)
    assert mask[STROKES].all() and not mask[OUTSIDE].any()
    dull = band((70, 70, 80), (100, 100, 110))
    assert not pp.brighter_than_mean(dull).any()


def test_a_vivid_text_colour_gets_its_own_mask_and_a_vivid_photo_does_not() -> None:
    cyan = band((30, 30, 30), (20, 230, 240))
    [(hue, mask)] = pp.vivid_text_masks(cyan)
    assert 170 <= hue <= 200
    assert mask[STROKES].all() and not mask[OUTSIDE].any()
    # An orange cup covers far more of the band than text ever does: no mask.
    assert pp.vivid_text_masks(band((30, 30, 30), (240, 120, 20), solid=True)) == []
    # Grey has no hue at all.
    assert pp.vivid_text_masks(band((90, 90, 90), (200, 200, 200))) == []


def test_upscale_keeps_the_aspect() -> None:
    image = Image.new("L", (100, 30))
    assert pp.upscale(image, 2.0).size == (200, 60)
    assert pp.upscale(image, 0.5).size == (50, 15)
