"""Emoji found and named in rendered stories: keycaps, raised fingers, cheers; letters and
faces are no number. Rendered with Noto Color Emoji (installed by scripts/bootstrap.sh),
the font the templates come from; the product needs only the committed templates."""

from __future__ import annotations

import glob
import io
import math

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from netra.analysis import analyse
from ocr.emoji import find_emoji
from ocr.engine import make_engine
from rules.election import Election
from rules.roster_index import RosterIndex
from rules.verdict import Verdict
from tests.synth import StorySpec, render_story
from tests.synth.render import font

_FONTS = glob.glob("/usr/share/fonts/**/NotoColorEmoji.ttf", recursive=True)
pytestmark = pytest.mark.skipif(not _FONTS, reason="Noto Color Emoji not installed")


def _line(
    parts: list[str],
    size: int,
    background: tuple[int, int, int],
    label: tuple[int, ...] = (),
    text: tuple[str, tuple[int, int, int]] = ("lato", (20, 20, 20)),
    turn: float = 0.0,
    shadow: int = 0,
    gap: int | None = None,
    glow: bool = False,
    glow_colour: tuple[int, int, int] = (70, 66, 40),
) -> Image.Image:
    """A 720×1280 screenshot with one line of emoji (and words, in `text`'s font and colour)
    at `size` px, on a plain background, inside a label box of colour `label` if given, the
    emoji row set at a slant of `turn` degrees (counter-clockwise), each emoji with a drop
    shadow of opacity `shadow` (0–255) if given, `gap` pixels apart (a quarter of their size
    by default), in a halo ("neon" text's glow, dark unless `glow_colour` says otherwise) if
    `glow`; JPEG-compressed."""
    emoji_font = ImageFont.truetype(_FONTS[0], 109)
    image = Image.new("RGB", (720, 1280), background)
    draw = ImageDraw.Draw(image)
    x, y = 120, 600
    row = Image.new("RGBA", image.size)  # the emoji, over their glow if any
    if label:
        draw.rounded_rectangle((x - 20, y - 12, 620, y + size + 12), 12, fill=label)
    for part in parts:
        if part.isascii():
            draw.text((x, y), part, font=font(text[0], size), fill=text[1])
            x += round(font(text[0], size).getlength(part)) + size // 3
            continue
        glyph = Image.new("RGBA", (160, 160))
        ImageDraw.Draw(glyph).text((10, 10), part, font=emoji_font, embedded_color=True)
        glyph = glyph.crop(glyph.getbbox())
        glyph = glyph.resize((round(glyph.width * size / glyph.height), size))
        width = glyph.width
        if turn:
            glyph = glyph.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True)
        rise = round(math.tan(math.radians(turn)) * (x - 120))
        if shadow:  # a soft drop shadow, `shadow` of 255 opaque, 4 px down and right
            dark = Image.new("RGBA", glyph.size, (0, 0, 0, 0))
            dark.putalpha(glyph.getchannel("A").point(lambda a: a * shadow // 255))
            dark = dark.filter(ImageFilter.GaussianBlur(2))
            image.paste(dark, (x + 4, y - rise + 4), dark)
        row.alpha_composite(glyph, (x, y - rise))
        x += width + (size // 4 if gap is None else gap)
    if glow:
        halo = row.getchannel("A").filter(ImageFilter.MaxFilter(9))
        halo = halo.filter(ImageFilter.GaussianBlur(6)).point(lambda a: a * 170 // 255)
        image.paste(glow_colour, (0, 0), halo)
    image.paste(row, (0, 0), row)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return Image.open(io.BytesIO(out.getvalue())).convert("RGB")


def _emoji_story(poster: str, lines: list[str], roster: RosterIndex, election: Election) -> Verdict:
    """A WhatsApp status of these lines in 40 px on a dark plain colour, analysed."""
    spec = StorySpec(
        platform="whatsapp",
        poster=poster,
        age="Kemarin 21.03",
        lines=lines,
        background="solid",
        bg_colors=((30, 30, 40),) * 2,
        font="lato",
        effect="plain",
        font_size=40,
    )
    return analyse(render_story(spec), roster, election, engine=make_engine("ppocr"))


def _named(image: Image.Image) -> list[str]:
    return [e.name for e in find_emoji(image, (200, 1100))]


def test_keycaps_and_a_hundred_in_small_print() -> None:
    image = _line(["💯", "2️⃣", "💯", "2️⃣", "💯"], 24, (30, 30, 40))
    assert _named(image) == ["cheer_100", "key2", "cheer_100", "key2", "cheer_100"]


def test_raised_fingers_inside_a_white_label() -> None:
    """The label stands out of the photo as one box; the fingers stand out of the label."""
    image = _line(["☝️", "☝️", "HEWAN", "☝️", "☝️"], 40, (90, 40, 160), label=(250, 250, 250))
    assert [n for n in _named(image) if not n.startswith("other")] == ["finger1"] * 4


def test_three_fingers_a_keycap_and_fire() -> None:
    image = _line(["🤟", "3️⃣", "🔥"], 56, (120, 200, 160))
    assert _named(image) == ["finger3", "key3", "cheer_fire"]


def test_words_and_faces_are_no_number() -> None:
    image = _line(["Selamat", "hari", "guru", "😍", "🙏", "❤️"], 40, (240, 240, 240))
    named = _named(image)
    assert not [n for n in named if n.startswith(("finger", "key"))], named


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        (["💯 2️⃣ 💯 2️⃣ 💯"], 2),
        (["☝️ 1️⃣ 🔥"], 1),
        (["😍🙏❤️"], None),
        # the "2" read glued to the emoji ("100100"): read again with them painted over
        (["🗳️ 2 ✅💯💯"], 2),
    ],
)
def test_an_asn_s_emoji_only_story_is_read_for_its_number(
    roster: RosterIndex, election: Election, lines: list[str], number: int | None
) -> None:
    verdict = _emoji_story("Pak Zulkifli Dinkes", lines, roster, election)
    assert verdict.asn is not None and verdict.asn.entry.nip == "197002172001062406"
    assert verdict.candidate == number, verdict.reasons
    assert verdict.kind == ("flagged" if number else "clear"), verdict.reasons


@pytest.mark.parametrize(
    ("row", "number", "colour", "turn"),
    [
        ("✌️ 2️⃣ 🔥", 2, (199, 50, 80), 20.0),
        ("✌️ 2️⃣ 🔥", 2, (230, 111, 81), -20.0),
        ("☝️ 1️⃣ 🔥", 1, (230, 111, 81), 20.0),
        ("🤟 3️⃣ 🔥", 3, (199, 50, 80), 30.0),
        ("✌️ 2️⃣ 🔥", 2, (193, 160, 63), 15.0),  # the ✌️ named ☝️: the keycap stands
        ("☝️☝️☝️ 01 🔥🔥🔥", 1, (252, 176, 69), 0.0),  # ☝️ named ✌️: the "01" stands
        ("✌️✌️✌️ 02 🔥🔥🔥", 2, (38, 196, 220), 15.0),  # ✌️ named ☝️: the "02" stands
    ],
)
def test_a_row_of_emoji_turned_over_a_warm_colour_is_read_for_its_number(
    roster: RosterIndex,
    election: Election,
    row: str,
    number: int,
    colour: tuple[int, int, int],
    turn: float,
) -> None:
    """A status's "✌️ 2️⃣ 🔥" turned 20° over red or orange: the turned keycap is like no
    upright template (0.41), so it was never compared with the turned ones, and the turned
    ✌️ fits an upright ☝️ at 0.91-0.97 (a turned ✌️ at 0.99), so a number no one wrote was
    named and the story ended `clear`. Beside the row's sure 🔥, the keycap is looked at
    turned; a turned fit that sure names the finger. Where a finger is still named for
    another number (a ✌️ turned 15°, a ☝️ over orange), the keycap or the "0N" written beside
    it is what a person reads, and it stands (`rules.emoji_support`)."""
    spec = StorySpec(
        platform="whatsapp",
        poster="Pak Zulkifli Dinkes",
        age="Kemarin 21.03",
        lines=[row],
        background="solid",
        bg_colors=(colour, colour),
        font="lato",
        effect="plain",
        font_size=44,
        rotation=turn,
    )
    verdict = analyse(render_story(spec), roster, election, engine=make_engine("ppocr"))
    assert verdict.asn is not None and verdict.asn.entry.nip == "197002172001062406"
    assert (verdict.kind, verdict.candidate) == ("flagged", number), verdict.reasons


@pytest.mark.parametrize("face", ["noto_serif", "dejavu_serif"])
def test_yellow_capitals_over_a_photo_are_letters_not_raised_hands(
    roster: RosterIndex, election: Election, face: str
) -> None:
    """A quiet-period notice in yellow serif capitals: each "M" and "A" is near the raised
    hands' template, but OCR read those words surely there, so they are letters."""
    spec = StorySpec(
        platform="instagram",
        poster="budisantoso91",
        age="22m",
        lines=["MASA TENANG PILKADA", "DIMULAI HARI INI", "24 NOVEMBER 2024"],
        background="photo",
        photo="coffee",
        font=face,
        text_color=(250, 210, 40),
        font_size=56,
    )
    verdict = analyse(render_story(spec), roster, election, engine=make_engine("ppocr"))
    assert verdict.asn is not None and verdict.kind == "clear", verdict.reasons


def test_a_keycaps_digit_is_read_by_ocr_whatever_its_template_said() -> None:
    """ "💯 3️⃣ 💯 3️⃣ 💯" on a photo had its second 3️⃣ matched as a 4️⃣ at the templates'
    24×24: the digit read from the keycap itself, enlarged, decides."""
    import dataclasses

    from ocr.left_out import read_keycaps

    image = _line(["3️⃣", "🔥", "7️⃣", "🔥", "8️⃣"], 44, (70, 110, 150))
    found = [e for e in find_emoji(image, (200, 1100)) if e.meaning.startswith("key")]
    assert len(found) == 3, found
    wrong = [dataclasses.replace(e, name="key4") for e in found]
    assert [e.name for e in read_keycaps(image, wrong, make_engine("ppocr"))] == [
        "key3",
        "key7",
        "key8",
    ]


def test_a_thin_script_digit_alone_between_large_emoji_is_read() -> None:
    """ "🗳️ 1 ✅💯💯" with a white script "1" between 56 px emoji: painted over, the emoji
    leave a lone thin stroke no detector sees at the row's own size; read large, it is the
    pair's number."""
    from ocr.left_out import read_among_emoji

    image = _line(
        ["🗳️", "1", "✅", "💯", "💯"], 56, (115, 105, 105), text=("dancing", (255, 255, 255))
    )
    emoji = find_emoji(image, (200, 1100))
    assert {"cheer_ballot", "cheer_check"} <= {e.name for e in emoji}
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["1"]


def test_the_number_between_ballot_and_tick_is_read_when_the_cheers_after_go_unfound() -> None:
    """ "🗳️ 2 ✅💯💯" shrunk on a dark story, its 💯💯 not found as emoji: left unpainted, they
    drew the row's reading to them ("2100", the 2 run into them) and the pair's number was
    lost. The gap between the ballot box and the tick, read alone, holds it."""
    from ocr.left_out import read_among_emoji

    image = _line(["🗳️", "2", "✅", "💯", "💯"], 26, (10, 10, 10), text=("roboto", (255,) * 3))
    image = image.resize((504, 896), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    image = Image.open(out).convert("RGB")
    found = find_emoji(image, (100, 1000))
    tick = next(e for e in found if e.name == "cheer_check")
    emoji = [e for e in found if e.left <= tick.left]  # the cheers after it unfound
    assert [e.name for e in emoji] == ["cheer_ballot", "cheer_check"], found
    read = " ".join(read_among_emoji(image, emoji, make_engine("ppocr")))
    assert "2" in read.split(), read


@pytest.mark.parametrize("turn", [-18.0, 15.0, 30.0])
def test_an_emoji_row_set_at_a_slant_is_named_as_upright(turn: float) -> None:
    """ "☝️ 1️⃣ 🔥" turned on a story: the turned finger was nearest an upright "✌️" and
    the turned keycap nearest nothing, so a pair's number went unread."""
    image = _line(["☝️", "1️⃣", "🔥"], 48, (140, 105, 140), turn=turn)
    emoji = find_emoji(image, (200, 1100))
    assert [e.name for e in sorted(emoji, key=lambda e: e.left)] == [
        "finger1",
        "key1",
        "cheer_fire",
    ]


def test_touching_raised_fingers_in_a_neon_glow_are_each_found() -> None:
    """ "✌️✌️✌️ 02 🔥🔥🔥" with a dark glow over a pale sky (blindgen 213 0183): the glow
    makes the touching fingers one blob taller than they are, and windows that tall, slid
    along it, matched 🤲. Their vivid colours part them where the glow does not."""
    image = _line(["✌️", "✌️", "✌️"], 42, (222, 226, 234), gap=1, glow=True)
    assert _named(image) == ["finger2"] * 3


def test_keycaps_with_a_drop_shadow_on_a_sky_are_both_found() -> None:
    """ "💯 3️⃣ 💯 3️⃣ 💯" on a pale blue sky, each emoji with a soft shadow: a keycap's blob
    (glyph and shadow) fitted a 4️⃣ at 0.75, too unsure to count for a number, and a 3️⃣ at
    0.9 a few pixels off; it was dropped unsearched. Searched, both keycaps are found, and
    each one's digit read by OCR is the 3."""
    from ocr.left_out import read_keycaps

    image = _line(["💯", "3️⃣", "💯", "3️⃣", "💯"], 64, (160, 190, 228), shadow=140)
    found = find_emoji(image, (200, 1100))
    assert len([e for e in found if e.meaning.startswith("key")]) == 2, found
    keys = [e.name for e in read_keycaps(image, found, make_engine("ppocr"))]
    assert [k for k in keys if k.startswith("key")] == ["key3", "key3"], keys


def test_a_white_number_between_raised_fingers_is_no_emoji() -> None:
    """ "☝️☝️☝️ 01 🔥🔥🔥" in white bold on yellow: the "1" matched a star's template and was
    painted over with the emoji, leaving "0". White glyphs are letters and digits."""
    from ocr.left_out import read_among_emoji

    image = _line(
        ["☝️", "☝️", "☝️", "01", "🔥", "🔥", "🔥"], 36, (180, 180, 40), text=("lato", (255,) * 3)
    )
    emoji = find_emoji(image, (200, 1100))
    assert [e.name for e in emoji] == ["finger1"] * 3 + ["cheer_fire"] * 3, emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["01"]


def test_the_number_between_fires_is_read_when_the_fingers_are_lost_on_yellow() -> None:
    """ "✌️✌️✌️ 02 🔥🔥🔥" in white script on yellow (blindgen 225): the yellow fingers are
    no glyphs on the yellow, and no first reading read the "02". The row of fires, typed side
    by side, is read with them painted over."""
    from ocr.left_out import read_among_emoji

    image = _line(
        ["✌️", "✌️", "✌️", "02", "🔥", "🔥", "🔥"], 48, (236, 178, 48), text=("dancing", (255,) * 3)
    )
    emoji = find_emoji(image, (200, 1100))
    assert [e.name for e in emoji if e.meaning != "other"] == ["cheer_fire"] * 3, emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["02"]


@pytest.mark.parametrize(
    ("parts", "turn", "number"),
    [
        (["✌️", "2️⃣", "🔥"], 30.0, "2"),
        (["🗳️", "3", "✅", "💯", "💯"], 20.0, "3"),
        (["✌️", "✌️", "✌️", "02", "🔥", "🔥", "🔥"], -33.0, "02"),
    ],
)
def test_the_number_in_a_row_of_emoji_turned_with_the_story_is_read(
    parts: list[str], turn: float, number: str
) -> None:
    """A story's content turned some 30° (blindgen 203, 211, 217, 229): its emoji made no
    row by their tops, each was read alone with a sliver of the number beside it ("21",
    "UI"), and the pair's number was lost. Along their slant they are one row, read level."""
    from ocr.left_out import read_among_emoji
    from ocr.slanted_rows import slanted_rows

    background = (120, 140, 170)
    image = _line(parts, 44, background, text=("dancing", (255,) * 3))
    image = image.rotate(turn, center=(360, 620), resample=Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    image = Image.open(out).convert("RGB")
    emoji = find_emoji(image, (200, 1100))
    assert [len(row) for _, row in slanted_rows(emoji)] == [len(emoji)], emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == [number]


@pytest.mark.parametrize("turn", [-23.0, 28.0])
def test_a_turned_row_its_glows_run_into_one_blob_is_found_along_its_slant(turn: float) -> None:
    """ "🤟🤟🤟 03 🔥🔥🔥" turned over a dark photo, each emoji in a bright glow (blindgen 205
    0271): the glows join each three into one slanted blob that no template fits, and no
    emoji was found. Turned level, the blob holds its emoji, upright; put back where they
    stand, they make the slanted row whose number is read."""
    from ocr.emoji_rows import emoji_in_rows
    from ocr.left_out import read_among_emoji

    parts = ["🤟", "🤟", "🤟", "03", "🔥", "🔥", "🔥"]
    dark = (20, 20, 24)
    image = _line(
        parts, 44, dark, text=("dancing", (255,) * 3), glow=True, glow_colour=(150, 120, 30)
    )
    image = image.rotate(turn, center=(360, 620), resample=Image.Resampling.BICUBIC, fillcolor=dark)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    image = Image.open(out).convert("RGB")
    level = find_emoji(image, (200, 1100))
    assert not any(e.meaning == "finger3" for e in level), level  # the blobs fit no finger
    emoji = emoji_in_rows(image, (200, 1100))
    assert [e.name for e in emoji].count("finger3") >= 2, emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["03"]


@pytest.mark.parametrize("turn", [-35.0, 30.0])
def test_a_turned_row_in_a_neon_glow_named_as_one_glyph_is_looked_through(turn: float) -> None:
    """ "✌️ 2️⃣ 🔥" in a neon glow, turned over a red story, blurred and shrunk (blindgen 243
    0297, an ASN's story that ended `clear`): the glows fill the bar they make (0.92 of its
    rectangle, near a solid bar's), and the whole bar was named one 💯. A glyph named for
    the whole bar does not keep it from being looked through, and the bar's emoji replace it."""
    from PIL import ImageFilter

    from bench.blindgen import stickers
    from ocr.emoji_rows import emoji_in_rows

    red = (199, 50, 80)
    canvas = Image.new("RGBA", (828, 1792), (*red, 255))
    style = stickers.StickerStyle("noto", 56, (255, 255, 255), "neon")
    stickers.paste(canvas, stickers.render("✌️ 2️⃣ 🔥", style, 700), 414, 940, turn)
    image = canvas.convert("RGB").filter(ImageFilter.GaussianBlur(0.7))
    image = image.resize((591, 1280), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=77)
    named = [e.name for e in emoji_in_rows(Image.open(out).convert("RGB"), (150, 1150))]
    assert named == ["finger2", "key2", "cheer_fire"], named


def test_only_emoji_standing_on_the_slanted_blob_itself_are_kept() -> None:
    """A cup's slanted rim (ours 9193 0228) turned level with a margin took in the level
    "🙏 👍💪🥰" beside it, turned: the 👍 was named a raised finger, and a neutral greeting
    was flagged. What the turned blob yields counts only where the blob itself stands."""
    import numpy as np

    from ocr.emoji import Emoji
    from ocr.slanted_blobs import _on_blob

    blob = np.zeros((100, 200), dtype=bool)
    blob[40:80, 100:200] = True  # the blob's own pixels: the right part of its box
    box = (300, 500, 500, 600)
    assert _on_blob(Emoji("cheer_fire", 420, 540, 40, 0.9), box, blob)
    assert not _on_blob(Emoji("finger1", 310, 540, 40, 0.9), box, blob)  # in the margin
    assert not _on_blob(Emoji("finger1", 250, 540, 40, 0.9), box, blob)  # outside the box


def test_a_slanted_photo_edge_holds_no_emoji() -> None:
    """A thin slanted bar of one colour (a railing, a shadow) is turned level and looked
    through like any slanted blob, and found to hold no emoji."""
    from PIL import ImageDraw

    from ocr.emoji_rows import emoji_in_rows

    image = Image.new("RGB", (720, 1280), (20, 20, 24))
    ImageDraw.Draw(image).line((120, 700, 460, 560), fill=(230, 170, 40), width=40)
    assert emoji_in_rows(image, (200, 1100)) == []


def test_emoji_level_or_scattered_make_no_slanted_row() -> None:
    """A level row, a column, and emoji far apart are no slanted row: only emoji each next
    to the last along one slant are turned level."""
    from ocr.emoji import Emoji
    from ocr.slanted_rows import slanted_rows

    level = [Emoji("finger1", x, 600 + x % 7, 40, 0.95) for x in (100, 150, 200)]
    column = [Emoji("cheer_fire", 300, y, 40, 0.95) for y in (100, 150, 200)]
    apart = [Emoji("finger2", 100, 900, 40, 0.95), Emoji("cheer_fire", 400, 800, 40, 0.95)]
    zigzag = [
        Emoji("finger2", 100 + 40 * i, 1000 - 30 * (i % 2) - 12 * i, 40, 0.9) for i in range(4)
    ]
    assert slanted_rows([*level, *column, *apart]) == []
    assert slanted_rows(zigzag) == []
    climbing = [Emoji("finger2", 100 + 45 * i, 700 - 26 * i, 40, 0.95) for i in range(3)]
    [(angle, row)] = slanted_rows(climbing)
    assert -32 < angle < -28 and row == climbing


def test_a_number_taken_for_a_cheer_between_ballot_and_tick_is_read() -> None:
    """ "🗳️ 2 ✅💯💯" with a grey "2" matched as a "💯" (blindgen 217 0240): painted over with
    the emoji, it left nothing to read. Between a ballot box and a tick stands the pair's
    number: what was matched there is left unpainted in the row's second reading."""
    from ocr.emoji import Emoji
    from ocr.left_out import read_among_emoji

    image = _line(["🗳️", "2", "✅", "💯", "💯"], 44, (240, 120, 100), text=("lato", (225,) * 3))
    found = find_emoji(image, (200, 1100))
    ballot = next(e for e in found if e.name == "cheer_ballot")
    tick = next(e for e in found if e.name == "cheer_check")
    middle = (ballot.left + ballot.side + tick.left) // 2
    taken = Emoji("cheer_100", middle - 15, tick.top + 6, 30, 0.85)
    emoji = [e for e in found if e.left <= tick.left] + [taken]
    read = " ".join(read_among_emoji(image, emoji, make_engine("ppocr")))
    assert "2" in read.split(), read


def test_cheers_matched_over_a_photos_texture_are_no_typed_row() -> None:
    """ "💯"s matched on a saucer's rim, overlapping one another (ours 9189): no row of typed
    emoji, so nothing is read among them (it read a "1", a false flag). Typed ones stand
    side by side, one size."""
    from ocr.emoji import Emoji
    from ocr.left_out import _typed_cheers

    texture = [Emoji("cheer_100", x, 297, 26, 0.9) for x in (600, 620, 636, 652, 672, 688)]
    assert not _typed_cheers(texture)
    typed = [Emoji("cheer_fire", x, 599, 69, 0.99) for x in (419, 486, 552)]
    assert _typed_cheers(typed)
    assert not _typed_cheers(typed[:1])
    assert not _typed_cheers([*typed[:2], Emoji("cheer_fire", 552, 599, 30, 0.99)])


def test_a_white_italic_number_taken_for_a_sparkle_is_read_all_the_same() -> None:
    """ "☝️☝️☝️ 01 🔥🔥🔥" in a white italic serif on mustard, a story inside a chat (ours
    9193): the "0" matched the sparkles' template, half its pixels the mustard behind, and
    was painted over with the emoji. An unsure emoji that says nothing is left unpainted in
    the row's second reading."""
    from ocr.left_out import read_among_emoji
    from tests.ocr.test_reader import _rebuilt

    image, _label = _rebuilt(9193, 299, "Bang Ahmad Nyoman Lubis")
    emoji = find_emoji(image, (500, 800))
    assert [e.name for e in emoji if e.meaning != "other"].count("finger1") == 3, emoji
    read = read_among_emoji(image, emoji, make_engine("ppocr"))
    assert any(text.replace(" ", "").endswith("01") for text in read), read


@pytest.mark.parametrize(
    ("background", "label"), [((230, 180, 180), (250, 200, 20)), ((60, 60, 90), (255, 255, 255))]
)
def test_emoji_on_a_label_wider_than_their_window_are_found(
    background: tuple[int, int, int], label: tuple[int, int, int]
) -> None:
    """ "🗳️ 1 ✅💯💯" on a yellow box across most of a pink story: the box's middle was its
    surroundings to the glyphs' window, its ends glyphs, and the ballot box at one end was
    lost in them."""
    from ocr.left_out import read_among_emoji

    image = _line(
        ["🗳️", "1", "✅", "💯", "💯"], 44, background, label=label, text=("dancing", (0,) * 3)
    )
    emoji = find_emoji(image, (200, 1100))
    assert {"cheer_ballot", "cheer_check"} <= {e.name for e in emoji}, emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["1"]


def test_an_unsure_posters_emoji_only_story_is_read_and_reviewed(
    roster: RosterIndex, election: Election
) -> None:
    """ "Budi Santoso" is two people on the roster: the emoji are read all the same, and the
    story goes to review with both offered (it was cleared unread)."""
    verdict = _emoji_story("Budi Santoso", ["💯 2️⃣ 💯 2️⃣ 💯"], roster, election)
    assert verdict.kind == "review" and verdict.candidate == 2, verdict.reasons
    offered = {m.entry.nip for m in [verdict.asn, *verdict.alternatives] if m is not None}
    assert {"199001052015031004", "199107072016041005"} <= offered


def test_keycaps_among_a_crowds_heads_are_found_by_their_colour() -> None:
    """ "💯 2️⃣ 💯 2️⃣ 💯" over a crowd photo: each keycap's blob ran into the heads behind it
    and no template matched the whole."""
    import random

    image = _line(["💯", "2️⃣", "💯", "2️⃣", "💯"], 34, (235, 235, 230))
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    for _ in range(160):  # heads and shoulders, some touching the emoji
        x, y, r = rng.randint(60, 660), rng.randint(560, 680), rng.randint(12, 22)
        if any(abs(x - cx) < 14 + r for cx in range(120, 330, 50)) and abs(y - 617) < 17 + r:
            continue
        colour = rng.choice(
            [(160, 110, 80), (60, 60, 60), (200, 40, 40), (40, 120, 60), (190, 150, 40)]
        )
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    image = Image.open(io.BytesIO(out.getvalue())).convert("RGB")
    assert [n for n in _named(image) if n.startswith("key")] == ["key2", "key2"]


@pytest.mark.parametrize(("size", "background"), [(16, (140, 155, 175)), (20, (110, 130, 150))])
def test_small_keycaps_on_a_background_of_their_own_grey(
    size: int, background: tuple[int, int, int]
) -> None:
    """ "💯 2️⃣ 💯 2️⃣ 💯" small on a steel-grey story: where only a keycap's white digit stands
    out of the background, it is still a keycap's (not a white letter), found by its face or
    its digit."""
    image = _line(["💯", "2️⃣", "💯", "2️⃣", "💯"], size, background)
    assert [n for n in _named(image) if n.startswith("key")] == ["key2", "key2"]


@pytest.mark.parametrize(
    ("part", "letter"), [("0", True), ("3", True), ("💙", False), ("🤟", False), ("🔥", False)]
)
def test_a_digit_in_white_is_told_from_an_emoji_by_its_colours(part: str, letter: bool) -> None:
    """A white italic "0" between 🤟 and 🔥 on a blue story was a blue heart to the
    templates: its pixels are the blue behind it blended with white, an emoji's its own."""
    import numpy as np

    from ocr.emoji import standing_out
    from ocr.glyph_colour import colourless

    image = _line([part], 20, (90, 190, 250), text=("noto_serif_italic", (255, 255, 255)))
    band = np.asarray(image.crop((100, 580, 200, 640)))
    mask = standing_out(band)
    ys, xs = np.nonzero(mask)
    box = np.s_[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    assert colourless(band[box], mask[box]) is letter


@pytest.mark.parametrize(("index", "handle"), [(22, "hadi.usamah_5"), (178, "jokosuharto.69")])
def test_emoji_over_a_gravel_photo_on_a_label_or_not_are_found(index: int, handle: str) -> None:
    """ "✌️✌️✌️ 02 🔥🔥🔥" over gravel (our set 9141), on a blue label and bare in a gallery
    viewer: the stones made hundreds of blobs (`_BUSY`) and the label ran into them. The
    label is found by its own colour, and bare emoji as the photo's only vivid blobs."""
    from tests.ocr.test_reader import _rebuilt

    image, label = _rebuilt(9141, index, handle)
    assert label["content_text"].startswith("✌️✌️✌️ 02")
    names = _named(image)
    assert names.count("finger2") == 3 and names.count("cheer_fire") == 3, names


def test_a_keycap_over_gravel_blurred_by_jpeg_is_found() -> None:
    """ "☝️ 1️⃣ 🔥" bare over gravel (ours 9263 0122): the stones' grey bled into the keycap's
    edges, which its steel blue filled only 0.83 of; the finger and the fire alone named
    no pair, and the ASN's story ended `clear`."""
    from tests.ocr.test_reader import _rebuilt

    image, label = _rebuilt(9263, 122, "yudisyarifah94")
    assert label["content_text"] == "☝️ 1️⃣ 🔥"
    assert "key1" in _named(image)


def test_a_small_digit_between_small_emoji_on_a_label_is_read() -> None:
    """ "🗳️ 1 ✅💯💯" at 18-22 px on an orange label over a cream story (blindgen 187): the
    white "1", 12 px high, is no text to the detector at three times its size; at six it is
    the pair's number."""
    from ocr.left_out import read_among_emoji

    image = _line(
        ["🗳️", "1", "✅", "💯", "💯"], 18, (244, 240, 230), label=(240, 125, 45),
        text=("lato", (255, 255, 255)),
    )  # fmt: skip
    emoji = find_emoji(image, (200, 1100))
    assert {"cheer_ballot", "cheer_check"} <= {e.name for e in emoji}, emoji
    assert read_among_emoji(image, emoji, make_engine("ppocr")) == ["1"]


def test_emoji_filling_most_of_a_small_label_over_a_wall_are_found_once() -> None:
    """ "☝️ 1️⃣ 🔥" large on a small blue label, slightly turned, over a brick wall (ours 9245
    0148): the mortar ran into the label, and by its own colour the glyphs' holes left it
    0.58 of its box, no label. Its holes filled, it is one, found once though two shades of
    its blue find it: each emoji named once, not counted twice (a keycap twice is a pair's
    number said twice)."""
    from tests.ocr.test_reader import _rebuilt

    image, label = _rebuilt(9245, 148, "anisaanisa83")
    assert label["content_text"] == "☝️ 1️⃣ 🔥"
    assert sorted(_named(image)) == ["cheer_fire", "finger1", "key1"]


def test_a_piece_of_a_pale_emoji_on_a_label_its_own_colour_is_no_emoji() -> None:
    """ "👊💪💯❤️" on a yellow sticker under an ASN's news of the election body (ours 9203
    0296): the yellow fist's knuckles stood out of the yellow label alone, a glyph two thirds
    the size of the row's others, and were named ☝️, a pair's number. A label's emoji are set
    in one size; a much smaller one is a piece."""
    from tests.ocr.test_reader import _rebuilt

    image, label = _rebuilt(9203, 296, "+62 896-5879-8216")
    assert label["content_text"].endswith("👊💪💯❤️")
    assert not [n for n in _named(image) if n.startswith(("finger", "key"))]
