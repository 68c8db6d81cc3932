"""A caption set at a slant over a busy photo, read upright: the slant from the first
reading's boxes, the band it may reach, and the whole analysis on a rendered story."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image, ImageDraw

from netra.analysis import analyse
from ocr.engine import OcrLine, make_engine
from ocr.upright import MIN_TILT, slanted_caption
from rules.election import Election
from rules.roster_index import RosterIndex
from tests.synth import StorySpec, render_story
from tests.synth.render import font


def _line(text: str, top: int, bottom: int, angle: float, height: float = 0.0) -> OcrLine:
    return OcrLine(text, 100, top, 400, bottom, 0.9, height=height or bottom - top, angle=angle)


def test_level_lines_have_no_slant() -> None:
    lines = [_line("Coblos nomor 2", 500, 540, 0.5), _line("ya", 560, 590, -3.0)]
    assert slanted_caption(lines, (150, 1280), 720) is None


def test_the_slant_is_the_caption_s_and_its_band_reaches_across_the_width() -> None:
    lines = [
        _line("Kirim pesan", 1200, 1230, 1.0),  # the footer: level
        _line("02lar", 628, 770, -20.8, height=73),  # a piece of the caption
        _line("😁", 600, 640, 35.0),  # an emoji's box: no letters, its angle its own
    ]
    found = slanted_caption(lines, (114, 1280), 800)
    assert found is not None
    angle, (top, bottom) = found
    assert angle == pytest.approx(-20.8)
    # A line across the 800 pixels rises ~300: the band reaches that far around the piece,
    # but not up to the header nor down to the footer.
    assert 114 < top < 628 - 150 and 770 + 150 < bottom < 1200
    # Out of the body, a tilted line is no caption.
    assert slanted_caption(lines, (800, 1280), 800) is None
    assert abs(angle) >= MIN_TILT


def test_a_slanted_caption_read_surely_already_is_not_read_again() -> None:
    """ "KATAKAN TIDAK / PADA POLITIK UANG" turned 15°, each line read at 0.97 in letters
    50 px high: turned upright it reads the same (none of 20 such readings over four sets
    found anything). One unsure piece ("02lar" at 0.9) and the caption is read upright."""
    sure = [
        OcrLine("KATAKAN TIDAK", 100, 500, 500, 600, 0.97, height=51, angle=-15.0),
        OcrLine("PADA POLITIK UANG", 100, 600, 560, 720, 0.97, height=54, angle=-15.0),
    ]
    assert slanted_caption(sure, (114, 1280), 800) is None
    small = [
        OcrLine(x.text, x.left, x.top, x.right, x.bottom, 0.97, height=14, angle=-15.0)
        for x in sure
    ]
    assert slanted_caption(small, (114, 1280), 800) is not None
    assert slanted_caption([*sure, _line("02lar", 628, 770, -20.8, height=73)], (114, 1280), 800)


def _crowd_with_slanted_caption(caption: tuple[str, str], face: str) -> bytes:
    """An Instagram story of a crowd (rows of heads and shirts) with a thin white caption
    turned 21 degrees across it, as JPEG."""
    spec = StorySpec(
        platform="instagram",
        poster="budisantoso91",
        age="11 j",
        lines=["."],
        background="solid",
        bg_colors=((200, 215, 225),) * 2,
    )
    image = Image.open(io.BytesIO(render_story(spec))).convert("RGB")
    w, h = image.size
    rng = random.Random(0)
    draw = ImageDraw.Draw(image)
    shirts = [(200, 40, 40), (40, 60, 160), (230, 230, 230), (60, 140, 60), (180, 150, 40)]
    for row in range(int(h * 0.25), int(h * 0.85), 70):
        for x in range(-20, w, 55):
            draw.rounded_rectangle((x, row + 25, x + 50, row + 120), 12, fill=rng.choice(shirts))
            skin = rng.choice([(224, 172, 105), (198, 134, 66), (141, 85, 36)])
            draw.ellipse((x + 8, row, x + 42, row + 34), fill=skin)
    layer = Image.new("RGBA", (w, 400), (0, 0, 0, 0))
    text = ImageDraw.Draw(layer)
    text.text((40, 120), caption[0], font=font(face, 40), fill=(255, 255, 255, 255))
    text.text((90, 180), caption[1], font=font(face, 40), fill=(255, 255, 255, 255))
    layer = layer.rotate(21, resample=Image.Resampling.BICUBIC)
    image.paste(layer, (0, int(h * 0.4)), layer)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def test_a_slanted_caption_over_a_crowd_is_read_upright_and_flagged(
    roster: RosterIndex, election: Election
) -> None:
    """Read as it stands, the caption is scraps ("ditanya pi", "62", "jelas"): no support.
    Turned upright it reads "pilih siapa … jelas 02 lah", and the ASN's story is flagged."""
    data = _crowd_with_slanted_caption(("kl ditanya pilih siapa", "ya jelas 02 lah"), "noto_serif")
    verdict = analyse(data, roster, election, engine=make_engine("ppocr"))
    assert verdict.asn is not None and verdict.asn.entry.nip == "199107072016041005"
    assert verdict.candidate == 2, verdict.text
    assert verdict.kind == "flagged", verdict.reasons
