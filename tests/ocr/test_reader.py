"""Second opinions on a header: which image each opinion reads, and that the lines come
back in the whole screenshot's coordinates. The engine is swapped at the OCR boundary for
one that records what it was given."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.engine import OcrLine
from ocr.reader import (
    HEADER_OPINIONS,
    OPTIONAL_OPINIONS,
    header_band,
    pale_behind_name,
    read_framed,
    read_header_again,
    second_reading,
    small_ink,
)


class Recording:
    """An engine that returns one line at a fixed place of whatever it reads."""

    def __init__(self, name: str = "ppocr") -> None:
        self.name = name
        self.images: list[Image.Image] = []
        self.fine: list[bool] = []
        self.known: list[list[OcrLine]] = []
        self.whole_widths: list[int] = []

    def read(
        self,
        image: Image.Image,
        *,
        fine: bool = False,
        known: Sequence[OcrLine] = (),
        second_look: bool = False,
        whole_width: int = 0,
    ) -> list[OcrLine]:
        self.images.append(image)
        self.fine.append(fine)
        self.known.append(list(known))
        self.whole_widths.append(whole_width)
        return [OcrLine("budi.santoso", 10, 4, 110, 24, 0.9, height=20.0)]


def screenshot() -> Image.Image:
    """A 400x800 story: white name over a pale header, dark body."""
    image = Image.new("RGB", (400, 800), (60, 60, 70))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 399, 159), fill=(232, 232, 228))
    for x in range(40, 200, 6):  # the name: thin strokes, as glyphs are
        draw.rectangle((x, 60, x + 1, 80), fill=(250, 250, 250))
    return image


def test_the_header_band_is_a_fifth_of_the_height_below_the_story_top() -> None:
    image = screenshot()
    assert header_band(image) == (0, 0, 400, 160)
    assert header_band(image, top=100) == (0, 100, 400, 260)
    assert header_band(image, top=5000) == (0, 799, 400, 800)


@pytest.mark.parametrize("opinion", ["contrast", "faint"])
def test_an_opinion_reads_the_band_and_answers_in_screenshot_coordinates(opinion: str) -> None:
    image, engine = screenshot(), Recording()
    box = (0, 100, 400, 260)
    [line] = read_header_again(image, box, opinion, engine)
    assert (line.left, line.top, line.right, line.bottom) == (10, 104, 110, 124)
    [seen] = engine.images
    assert seen.size == (400, 160) and seen.mode == "RGB"


def test_the_faint_opinion_is_for_a_name_over_a_pale_background() -> None:
    """White text is faint only over something pale: over a dark photo every other opinion
    reads it, and the costliest one is not asked."""
    pale = screenshot()  # a light grey header behind the name
    assert pale_behind_name(pale, header_band(pale))
    dark = Image.new("RGB", (400, 800), (40, 60, 50))
    ImageDraw.Draw(dark).rectangle((60, 60, 200, 80), fill=(250, 250, 250))  # a white name
    assert not pale_behind_name(dark, header_band(dark))


def test_the_faint_opinion_turns_white_on_pale_into_dark_text() -> None:
    engine = Recording()
    read_header_again(screenshot(), (0, 0, 400, 160), "faint", engine)
    pixels = np.asarray(engine.images[0].convert("L"))
    assert pixels[62:79, 40:200:6].max() < 100  # the name's strokes, dark
    assert pixels[120:150, :].min() > 200  # the plain background, white


def test_tesseract_reads_the_band_enlarged_and_is_scaled_back() -> None:
    main, second = Recording("ppocr"), Recording("tesseract")
    [line] = read_header_again(
        screenshot(), (0, 100, 400, 260), "tesseract", main, tesseract=lambda: second
    )
    assert main.images == [] and second.images[0].size == (800, 320)
    assert (line.left, line.top, line.right, line.bottom) == (5, 102, 55, 112)
    assert line.text_height == 10.0


def test_tesseract_gives_no_second_opinion_on_itself_or_when_missing() -> None:
    tess = Recording("tesseract")
    assert read_header_again(screenshot(), (0, 0, 400, 160), "tesseract", tess, lambda: tess) == []
    assert read_header_again(screenshot(), (0, 0, 400, 160), "tesseract", Recording()) == []


def test_the_strip_opinion_reads_the_name_line_alone_enlarged() -> None:
    image, engine = screenshot(), Recording()
    [line] = read_header_again(image, (0, 100, 400, 260), "strip", engine)
    [seen] = engine.images
    assert seen.width == 2 * round(400 * 0.7) and engine.fine == [True]
    # Read at twice the size, answered at the screenshot's: half the box, shifted to the strip.
    assert (line.right - line.left, line.bottom - line.top) == (50, 10)
    assert line.left == 5 + 40 and line.top >= 100


def test_an_unknown_opinion_is_a_programming_error() -> None:
    assert {"contrast", "faint"} <= set(HEADER_OPINIONS)
    assert "tesseract" in HEADER_OPINIONS + OPTIONAL_OPINIONS
    with pytest.raises(ValueError, match="sharpened"):
        read_header_again(screenshot(), (0, 0, 400, 160), "sharpened", Recording())


def test_a_framed_story_is_read_enlarged_at_full_detection_density() -> None:
    """Only the rows with something drawn on them are read (a plain colour above and below a
    caption holds no text), and the lines come back in the whole enlarged band's terms."""
    engine = Recording()
    image = screenshot()
    ImageDraw.Draw(image).rectangle((20, 300, 220, 330), fill=(250, 250, 250))  # a caption
    legible = OcrLine("Ayo coblos", 20, 300, 220, 330, 0.95, height=30.0)
    faint = OcrLine("kecil", 20, 340, 60, 350, 0.95, height=10.0)
    outside = OcrLine("header", 20, 10, 120, 40, 0.99, height=30.0)
    lines, size = read_framed(image, (200, 500), engine, first=[legible, faint, outside])
    # the band's drawn rows: 100-131 of its 300, with 9 rows (3%) on either side
    assert size == (800, 600) and engine.images[0].size == (800, 98) and engine.fine == [True]
    [line] = lines
    assert line.text == "budi.santoso" and line.top == 4 + 2 * 91
    # Only what the first reading read well inside those rows is offered again, enlarged too.
    [known] = engine.known[0]
    assert known.text == "Ayo coblos" and (known.left, known.top) == (40, 18)
    # a band of one plain colour is not read at all
    assert read_framed(screenshot(), (200, 500), engine)[0] == [] and len(engine.images) == 1
    huge = Image.new("RGB", (2000, 3000))
    ImageDraw.Draw(huge).rectangle((100, 100, 900, 1900), outline=(255, 255, 255))
    _lines, size = read_framed(huge, (0, 2000), engine)
    assert max(size) == 2600  # never beyond FRAME_MAX_SIDE


def _story_in_a_chat() -> Image.Image:
    """A chat's wallpaper with a story in a bubble (columns 190-570 of 600, rows 100-900)."""
    image = Image.new("RGB", (600, 1000), (236, 229, 221))
    draw = ImageDraw.Draw(image)
    for x in range(10, 600, 60):  # the wallpaper's doodles
        for y in range(20, 1000, 70):
            draw.ellipse((x, y, x + 12, y + 12), outline=(200, 192, 184))
    draw.rectangle((190, 100, 570, 900), fill=(40, 44, 48))
    return image


def test_a_story_narrower_than_the_screenshot_is_read_between_its_borders() -> None:
    """A story in a chat's bubble: only its columns are read enlarged (the wallpaper beside
    it holds none of its text), detected at the whole band's scale, and its lines come back
    where they stand in the whole enlarged band."""
    engine = Recording()
    lines, size = read_framed(_story_in_a_chat(), (50, 950), engine, bordered=True)
    assert size == (1200, 1800)
    crop = engine.images[0]
    assert 760 <= crop.width <= 800 and engine.whole_widths == [1200]
    [line] = lines
    assert 360 <= line.left - 10 <= 390  # shifted by the columns left of the story, enlarged
    # Not a framed story's band: the whole width, as before.
    engine = Recording()
    read_framed(_story_in_a_chat(), (50, 950), engine)
    assert engine.images[0].width == 1200 and engine.whole_widths == [0]
    # A line the first reading read beside the story, outside its borders: a card inside a
    # story is no story's border, and the whole width is read.
    engine = Recording()
    beside = OcrLine("caption", 20, 500, 170, 530, 0.95, height=30.0)
    read_framed(_story_in_a_chat(), (50, 950), engine, first=[beside], bordered=True)
    assert engine.images[0].width == 1200


def test_text_in_a_story_read_between_its_borders_is_read_in_full() -> None:
    """The real engine reads the story's caption from its columns alone, in the whole
    enlarged band's coordinates."""
    from ocr.engine import make_engine
    from tests.synth.render import font

    image = _story_in_a_chat()
    ImageDraw.Draw(image).text(
        (230, 480), "Coblos nomor 2", font=font("roboto_bold", 34), fill="white"
    )
    lines, _size = read_framed(image, (50, 950), make_engine("ppocr"), bordered=True)
    [caption] = [line for line in lines if "nomor" in line.text.lower()]
    assert caption.text.replace(" ", "").lower() == "coblosnomor2"
    assert abs(caption.left - 2 * 230) < 24 and abs(caption.top - 2 * (480 - 50)) < 24


def _rebuilt(
    seed: int, index: int, handle: str, shown: str | None = None
) -> tuple[Image.Image, dict[str, Any]]:
    """One screenshot of the generator's sets, rebuilt from its seed and index (its label
    checked, so a change in the generator cannot silently test another picture); its poster
    shown as `shown` instead, if given (the label left as it was)."""
    import random

    from ocr.image_input import load_screenshot
    from tests.synth import render_story
    from tests.synth.dataset import categories_for, make_item, make_world

    world = make_world(seed)
    category = categories_for(300, random.Random(f"cats:{seed}"))[index - 1]
    spec, label = make_item(world, index, category, seed)
    assert label["poster"]["shown"] == handle
    if shown is not None:
        spec = dataclasses.replace(spec, poster=shown)
    return load_screenshot(render_story(spec)).image, label


def _words(lines: Sequence[OcrLine]) -> set[str]:
    return {w.lower() for line in lines for w in line.text.split()}


@pytest.mark.parametrize(
    ("seed", "index", "handle"),
    [(6105, 71, "yrahmawati.779"), (6205, 233, "ratna.sd31")],
)
def test_the_tophat_opinion_reads_white_names_the_others_miss(
    seed: int, index: int, handle: str
) -> None:
    """Two pale Instagram headers of the generator's sets: a white name over a white glow
    that neither the local median nor the wide strip brings out."""
    from ocr.ppocr import PpOcrEngine

    image, label = _rebuilt(seed, index, handle)
    assert "pale_header" in label["noise"]
    engine = PpOcrEngine()

    def words(opinion: str) -> set[str]:
        return _words(read_header_again(image, header_band(image), opinion, engine))

    assert handle in words("tophat")
    assert handle not in words("faint") | words("strip")


@pytest.mark.parametrize(
    ("seed", "index", "handle"),
    [(6503, 56, "nurtanjung.63"), (6503, 157, "asepdinsos")],
)
def test_with_no_status_bar_read_the_name_strip_starts_at_the_stories_top(
    seed: int, index: int, handle: str
) -> None:
    """Two pale Instagram headers with no status bar above them, cropped off or zoomed out of
    the picture: the name sits at the very top, where a strip placed below a status bar
    begins too late."""
    from ocr.ppocr import PpOcrEngine
    from ocr.reader import NamePlace

    image, label = _rebuilt(seed, index, handle)
    assert "pale_header" in label["noise"]
    engine = PpOcrEngine()

    def words(place: NamePlace) -> set[str]:
        box = header_band(image)
        return _words(read_header_again(image, box, "strip", engine, place=place))

    assert handle in words(NamePlace(below_bar=False))
    assert handle not in words(NamePlace())


def test_the_plain_opinion_reads_a_header_over_grass_at_its_own_size() -> None:
    """A clear white name over a grey grass photo: the first reading, the whole screenshot
    shrunk for detection, finds no header at all, and stretching its contrast drowns the
    name in the grass; the band as captured, read alone, reads it."""
    from ocr.ppocr import PpOcrEngine

    handle = "putri_sembiring_id"
    image, _label = _rebuilt(6103, 254, handle)
    engine = PpOcrEngine()
    assert not any(handle in line.text for line in engine.read(image))

    def words(opinion: str) -> set[str]:
        return _words(read_header_again(image, header_band(image), opinion, engine))

    assert handle in words("plain")
    assert handle not in words("contrast")


def test_a_second_reading_takes_each_line_read_otherwise() -> None:
    lines = [
        OcrLine("Kita pilih yg sudah terbukt RUU!", 0, 0, 300, 20, 0.82, second="terbukti RUZU!"),
        OcrLine("Balas", 0, 40, 60, 60, 0.99),
    ]
    again = second_reading(lines)
    assert again is not None and [x.text for x in again] == ["terbukti RUZU!", "Balas"]
    assert second_reading(lines[1:]) is None


def test_small_drawn_text_in_an_empty_body_is_found_not_a_plain_colour_or_a_photo() -> None:
    """A caption in small letters on a flat status colour is a band worth reading enlarged;
    a plain colour has nothing drawn, and a photo has edges everywhere."""
    plain = Image.new("RGB", (400, 800), (243, 243, 243))
    assert small_ink(plain, 100, 700) is None
    caption = plain.copy()
    draw = ImageDraw.Draw(caption)
    for x in range(150, 250, 5):
        draw.rectangle((x, 400, x + 1, 408), fill=(20, 20, 20))
    top, bottom = small_ink(caption, 100, 700) or (0, 0)
    assert top < 400 and bottom > 408 and bottom - top < 60
    photo = Image.fromarray(np.random.default_rng(1).integers(0, 255, (800, 400, 3), np.uint8))
    assert small_ink(photo, 100, 700) is None


DARK_TEAL = ((20, 120, 110), (220, 230, 230))
PALE_BLUE = ((184, 192, 204), (236, 240, 246))  # white and pale grey over a pale photo


@pytest.mark.parametrize(
    ("handle", "age", "colours"),
    [("veronika_haning2", "3 j", DARK_TEAL), ("poltak_97", "58m", DARK_TEAL),
     ("indah_nasution", "24 m", PALE_BLUE), ("maimunahpermadi.98", "59   m", DARK_TEAL)],
)  # fmt: skip
def test_the_age_right_of_the_gap_after_a_handle_is_read_alone(
    handle: str, age: str, colours: tuple[tuple[int, int, int], tuple[int, int, int]]
) -> None:
    """An Instagram name line, handle and age a space apart, that OCR reads as one run
    ("veronika_haning23j", "indah_nasution24m"): right of the widest gap is the age, read on
    its own; also where the line is white over a pale photo, fainter than ink usually is,
    and where the age's own space is wider than the one after the handle."""
    from ocr.engine import make_engine
    from ocr.left_out import read_beyond_gap
    from tests.synth.render import font

    behind, age_colour = colours
    image = Image.new("RGB", (600, 80), behind)
    draw = ImageDraw.Draw(image)
    bold, plain = font("roboto_bold", 26), font("roboto", 26)
    draw.text((60, 24), handle, font=bold, fill=(255, 255, 255))
    x = 60 + round(draw.textlength(handle, font=bold)) + 14
    draw.text((x, 24), age, font=plain, fill=age_colour)
    box = (50, 18, x + round(draw.textlength(age, font=plain)) + 10, 60)
    read = read_beyond_gap(image, box, make_engine("ppocr"))
    assert read is not None and read.replace(" ", "") == age.replace(" ", ""), read
    # A line with no gap a space wide (the handle alone) gives nothing.
    assert read_beyond_gap(image, (50, 18, x - 10, 60), make_engine("ppocr")) is None


def test_the_number_a_label_was_detected_without_is_read_from_its_widened_box() -> None:
    """ "COBLOS NO 1" on a red label under a ballot: the detector's box ended a few pixels
    into the "1" (read "COBLOSNO"), and the "1" read right of it alone is unsure or nothing.
    Read again from the box widened by a height, the line is itself and the number; a label
    with no number after it gives none."""
    from ocr.engine import make_engine
    from ocr.left_out import number_after
    from tests.synth.render import font

    bold = font("roboto_bold", 22)
    for text, number in (("COBLOS NO 1", "1"), ("COBLOS NO", None)):
        image = Image.new("RGB", (400, 120), (245, 245, 240))
        draw = ImageDraw.Draw(image)
        width = round(draw.textlength(text, font=bold))
        draw.rounded_rectangle((40, 40, 40 + width + 14, 76), 4, fill=(200, 30, 40))
        draw.text((47, 45), text, font=bold, fill=(255, 255, 255))
        one = 47 + round(draw.textlength("COBLOS NO ", font=bold))
        for into in (3, 4):  # as detected: a few pixels into the "1", read then "0" or not
            box = (44, 42, one + into, 74)
            assert number_after(image, box, "COBLOSNO", make_engine("ppocr")) == number, text


def test_a_number_the_detector_ran_into_its_line_is_read_enlarged() -> None:
    """ "Beta pilih nomor 4," in small italics over a crowd of coloured shapes: the line was
    detected as far as "nomor", and neither its widened box nor what stands right of it
    reads the "4" at its own size; enlarged, the words stand apart and the number with
    them."""
    import random

    from PIL import ImageFilter

    from ocr.engine import make_engine
    from ocr.left_out import number_after
    from tests.synth.render import font

    rng = random.Random(0)
    image = Image.new("RGB", (580, 200), (200, 200, 205))
    draw = ImageDraw.Draw(image)
    colours = [(200, 40, 50), (40, 140, 60), (190, 150, 40), (40, 60, 170), (230, 230, 230)]
    for _ in range(60):
        x, y = rng.randrange(-20, 580), rng.randrange(-20, 200)
        draw.ellipse((x, y, x + 50, y + 80), fill=rng.choice([*colours, (120, 120, 120)]))
    image = image.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(image)
    italic = font("lato_italic", 18)
    draw.text((60, 70), "Beta pilih nomor 4,", font=italic, fill=(25, 25, 25), stroke_width=2,
              stroke_fill=(235, 235, 235))  # fmt: skip
    top, bottom = draw.textbbox((60, 70), "Beta pilih nomor 4,", font=italic)[1::2]
    box = (55, top - 3, round(62 + draw.textlength("Beta pilih nomor", font=italic)), bottom + 3)
    assert number_after(image, box, "Betapilihnomor", make_engine("ppocr")) == "4"


def test_a_letterboxs_black_bars_are_left_out_of_the_header_band() -> None:
    """A story shown letterboxed on black: its band begins below the top bar and between the
    side bars. A phone's own black status strip with its clock on it is no letterbox."""
    image = Image.new("RGB", (400, 800), (0, 0, 0))
    ImageDraw.Draw(image).rectangle((20, 40, 379, 799), fill=(232, 230, 220))
    assert header_band(image) == (20, 40, 380, 200)
    assert header_band(image, top=100) == (20, 100, 380, 260)  # a known top stands
    strip = Image.new("RGB", (400, 800), (232, 230, 220))
    draw = ImageDraw.Draw(strip)
    draw.rectangle((0, 0, 399, 30), fill=(0, 0, 0))
    draw.text((10, 10), "21:53", fill=(255, 255, 255))
    assert header_band(strip)[:2] == (0, 0)  # a status bar on black is no letterbox


def test_a_pale_name_on_a_letterboxed_story_is_read_once_the_bars_are_left_out() -> None:
    """A white handle on a pale photo, the story letterboxed on black: stretched with the
    bars in the band, the black holds the stretch down and nothing is read."""
    from ocr.ppocr import PpOcrEngine

    image, label = _rebuilt(9133, 171, "andi.smkn3")
    assert "letterbox" in label["noise"] and "pale_header" in label["noise"]
    engine = PpOcrEngine()
    box = header_band(image)
    assert box[0] > 0 and box[1] > 0 and box[2] < image.width
    with_bars = (0, 0, image.width, box[3])
    read = "".join(_words(read_header_again(image, box, "contrast", engine)))
    assert "andi.smkn3" in read
    assert "andi.smkn3" not in "".join(
        _words(read_header_again(image, with_bars, "contrast", engine))
    )


def test_a_line_waits_for_a_number_its_keyword_run_into_the_words_before() -> None:
    """ "Betapilihnomor" (PP-OCR lost the spaces of "Beta pilih nomor") waits for a number
    as "COBLOS NOMOR" does; "Nomor 4" has its number, and a word ending in "no" is none."""
    from rules.pair_numbers import waits_for_number

    assert waits_for_number("Betapilihnomor") and waits_for_number("COBLOS NOMOR")
    assert not waits_for_number("Beta pilih nomor 4,") and not waits_for_number("kasino")
    # A sentence ended after "paslon" waits for nothing; "no." is the short form's own stop.
    assert waits_for_number("pilih paslon") and waits_for_number("COBLOS NO.")
    assert not waits_for_number("jangan komen konten paslon.")
    # "pokoknya pilih 👍 3": its number after the emoji; the right to vote waits for none.
    assert waits_for_number("pokoknya pilih") and not waits_for_number("Ayo gunakan hak pilih")
    assert not waits_for_number("memilih")


def test_a_number_after_pilih_is_looked_for_only_beside_something_drawn() -> None:
    """ "pokoknya pilih 👍 3": the detector's line ended at "pilih", the thumb and the 3
    right after it; "Jangan lupa pilih" ends in the story's plain background, and says all
    it says: it is not read again for a number."""
    from ocr.left_out import drawn_after
    from rules.pair_numbers import waits_beside
    from tests.synth.render import font

    assert waits_beside("pokoknya pilih") and not waits_beside("COBLOS NOMOR")
    image = Image.new("RGB", (600, 80), (110, 100, 115))
    draw = ImageDraw.Draw(image)
    draw.text((40, 24), "pokoknya pilih", font=font("roboto", 26), fill=(255, 255, 255))
    right = 40 + round(draw.textlength("pokoknya pilih", font=font("roboto", 26)))
    box = (36, 20, right + 2, 56)
    assert not drawn_after(image, box)
    draw.ellipse((right + 10, 24, right + 36, 52), fill=(250, 200, 40))  # the thumb
    assert drawn_after(image, box)
