"""The whole analysis on rendered screenshots with real tesseract: who posted, what it backs."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import time
from collections.abc import Callable

import pytest

from netra.analysis import AnalysisPool, _not_the_poster, _only_the_posters_name, analyse
from netra.framed_header import with_first_header
from netra.header import read_poster
from ocr.engine import OcrEngine
from rules.poster import HeaderReading
from rules.roster import parse_roster
from rules.roster_index import RosterIndex
from rules.types import Poster
from rules.verdict import Verdict
from tests.synth import Frame, StorySpec, render_story
from tests.synth.render import name_cut

Scan = Callable[[StorySpec], Verdict]

IG_SUPPORT_ON_PHOTO = StorySpec(
    platform="instagram",
    poster="budisantoso91",
    age="38 m",
    lines=["Coblos No. 2", "#BaraJuara"],
    background="photo",
    photo="coffee",
    photo_dim=0.3,
    font="lato_black",
)
WA_CONTACT_WITH_UNIT = StorySpec(
    platform="whatsapp",
    poster="Pak Zulkifli Dinkes",
    age="Kemarin 21.03",
    lines=["Salam tiga jari ✌️", "YUDA yg terbaik"],
    background="solid",
    bg_colors=((192, 160, 63), (192, 160, 63)),
    font="noto_serif",
    effect="plain",
)
WA_PHONE = StorySpec(
    platform="whatsapp",
    poster="+62 813-9988-7766",
    age="Beberapa menit yang lalu",
    lines=["Jangan lupa", "nomor urut dua", "tgl 27 Nov 🙏"],
    background="solid",
    bg_colors=((37, 194, 219), (37, 194, 219)),
    font="dejavu_sans",
    effect="plain",
)
NAMESAKE = StorySpec(
    platform="whatsapp",
    poster="Pak Budi Dinkes",
    age="Hari ini 08.15",
    lines=["Bangkit Bersama Rakyat", "#BaraJuara"],
    background="solid",
    bg_colors=((40, 40, 40), (40, 40, 40)),
    font="comic_bold",
    effect="plain",
)
SCRIPT_ON_GRADIENT = StorySpec(
    platform="instagram",
    poster="zulkifli.hrp",
    age="5 j",
    lines=["mari dukung pak Yusuf 🙏"],
    background="gradient",
    bg_colors=((120, 40, 120), (190, 150, 60)),
    font="dancing_bold",
    text_color=(120, 230, 255),
    rotation=-4,
)
HIGHLIGHT_ON_PHOTO = StorySpec(
    platform="instagram",
    poster="siti.aminah88",
    age="2 j",
    lines=["Hendra-Wulan", "lanjutkan!!"],
    background="photo",
    photo="chelsea",
    effect="highlight",
    effect_color=(250, 212, 10),
    text_color=(30, 30, 30),
    font="comic_bold",
)
ROTATED_CAPS = StorySpec(
    platform="instagram",
    poster="budisantoso91",
    age="3 m",
    lines=["nomor urut 01", "#HendraWulanMenang"],
    background="photo",
    photo="astronaut",
    font="bebas",
    rotation=6,
    font_size=64,
)
BIG_NUMBER = StorySpec(
    platform="whatsapp",
    poster="Bu Rina Disdik",
    age="Kemarin 19.40",
    lines=["02", "Menang!"],
    line_scales=[2.5, 1.0],
    background="solid",
    bg_colors=((200, 30, 40), (200, 30, 40)),
    font="lato_black",
    effect="plain",
)
NEUTRALITY = StorySpec(
    platform="whatsapp",
    poster="Pak Agus Kel. Bacang",
    age="Kemarin 07.00",
    lines=["Netralitas ASN harga mati", "#ASNNetral"],
    background="solid",
    bg_colors=((37, 120, 200), (37, 120, 200)),
    font="dancing",
    effect="plain",
)
TURNOUT = StorySpec(
    platform="instagram",
    poster="siti.aminah88",
    age="1 j",
    lines=["Ayo ke TPS 27 November", "gunakan hak pilihmu!"],
    background="gradient",
    font="lato_bold",
)
KPU_INFO = StorySpec(
    platform="whatsapp",
    poster="Pak Zulkifli Dinkes",
    age="Hari ini 10.00",
    lines=[
        "Debat Publik Pasangan Calon",
        "1. Hendra Siregar - Wulan Pratiwi",
        "2. Bambang Sutejo - Rahmat Hidayat",
        "3. Yusuf Halim - Dewi Anggraini",
        "KPU Kota Contoh",
    ],
    background="solid",
    bg_colors=((120, 130, 200), (120, 130, 200)),
    font="roboto_condensed_bold",
    font_size=40,
    effect="plain",
)
NON_ASN = StorySpec(
    platform="instagram",
    poster="warga.kota77",
    age="5 j",
    lines=["Coblos No. 1", "#HendraWulanMenang"],
    background="gradient",
    font="dejavu_sans_bold",
)
# White outlined text over a photo with large bright areas (sky, a white coat) in the mask.
OUTLINED_OVER_BRIGHT_PHOTO = StorySpec(
    platform="instagram",
    poster="zulkifli.hrp",
    age="5 j",
    lines=["sdh mantap pilihan ke", "bapak Yusuf 👍"],
    background="photo",
    photo="camera",
    font="comic_bold",
    effect="outline",
    font_size=56,
)
# An Instagram story on a photo whose pale part (a white cup) sits behind the username.
IG_NAME_OVER_CUP = StorySpec(
    platform="instagram",
    poster="budisantoso91",
    age="3 m",
    lines=["Coblos No. 2", "#BaraJuara"],
    background="photo",
    photo="coffee",
    photo_zoom=1.2,
    photo_focus=(0.5, 0.3),
    top_shade=0.0,
    font="lato_black",
)
# A pale status: the white header text is only a few grey levels above the background.
WA_PALE_HEADER = StorySpec(
    platform="whatsapp",
    poster="Bu Siti BPKAD",
    age="Kemarin 23.59",
    lines=["Coblos No. 1", "Hendra-Wulan"],
    background="solid",
    bg_colors=((242, 242, 242), (242, 242, 242)),
    text_color=(40, 40, 40),
    font="lato_bold",
    effect="plain",
)
RELATIVE_NOT_ON_ROSTER = StorySpec(
    platform="whatsapp",
    poster="Om Budiman Tetangga",
    age="Kemarin 20.00",
    lines=["Gaspol BARA!!", "Menangkan paslon 2"],
    background="solid",
    bg_colors=((30, 90, 60), (30, 90, 60)),
    font="lato_bold",
    effect="plain",
)


def test_instagram_story_on_photo_is_flagged_with_nip_and_candidate(scan: Scan) -> None:
    v = scan(IG_SUPPORT_ON_PHOTO)
    assert v.platform == "instagram"
    assert v.poster is not None and v.poster.text == "budisantoso91"
    assert v.kind == "flagged", v.reasons
    assert v.asn is not None and v.asn.entry.nip == "199107072016041005"
    assert v.candidate == 2


def test_whatsapp_contact_name_with_unit_hint_is_flagged(scan: Scan) -> None:
    v = scan(WA_CONTACT_WITH_UNIT)
    assert v.platform == "whatsapp"
    assert v.kind == "flagged", v.reasons
    assert v.asn is not None and v.asn.entry.nip == "197002172001062406"
    assert v.candidate == 3
    assert any("salam-jari" in r for r in v.reasons)


def test_whatsapp_phone_number_matches_the_roster_phone(scan: Scan) -> None:
    v = scan(WA_PHONE)
    assert v.poster is not None and v.poster.kind == "phone"
    assert v.asn is not None and v.asn.entry.nip == "197511042000031007"
    assert v.candidate == 2
    assert v.kind == "flagged", v.reasons


@pytest.mark.parametrize(
    ("grey", "header_font", "poster", "nip"),
    [
        (238, "roboto", "Bu Siti BPKAD", "198812312014022006"),
        (246, "lato", "Bu Siti BPKAD", "198812312014022006"),
        (238, "roboto", "+62 813-9988-7766", "197511042000031007"),
    ],
)
def test_white_header_over_a_pale_status_is_still_read(
    scan: Scan, grey: int, header_font: str, poster: str, nip: str
) -> None:
    spec = dataclasses.replace(
        WA_PALE_HEADER, bg_colors=((grey,) * 3,) * 2, header_font=header_font, poster=poster
    )
    v = scan(spec)
    assert v.poster is not None, v.text
    assert v.asn is not None and v.asn.entry.nip == nip, v.reasons
    assert v.kind == "flagged", v.reasons


def test_outlined_text_among_bright_photo_shapes_is_read(scan: Scan, scene_text_only: None) -> None:
    v = scan(OUTLINED_OVER_BRIGHT_PHOTO)
    assert v.candidate == 3, v.text
    assert v.kind == "flagged", v.reasons


def test_white_username_over_a_white_cup_is_read_from_its_contrast(scan: Scan) -> None:
    v = scan(IG_NAME_OVER_CUP)
    assert v.poster is not None and v.poster.text == "budisantoso91", v.reasons
    assert v.kind == "flagged", v.reasons


def test_a_half_read_name_behind_strong_support_goes_to_review_with_the_near_asn(
    scan: Scan, scene_text_only: None
) -> None:
    # The username sits on the cup's rim: only its end is read ("santoso91"). Nobody on the
    # roster has that handle, but "budisantoso91" ends with it: a moderator must look.
    v = scan(dataclasses.replace(IG_NAME_OVER_CUP, photo_focus=(0.8, 0.3)))
    assert v.kind == "review", v.reasons
    offered = [m.entry.instagram for m in [*([v.asn] if v.asn else []), *v.alternatives]]
    assert "budisantoso91" in offered, v.reasons


def test_tiny_support_by_an_identified_asn_is_read_again_enlarged(
    scan: Scan, scene_text_only: None
) -> None:
    # Support in a 12 px font on a photo: the first, coarse detection finds no text in the
    # body; the poster is an ASN, so the body is read again enlarged.
    v = scan(dataclasses.replace(IG_SUPPORT_ON_PHOTO, font_size=12))
    assert v.asn is not None and v.asn.entry.nip == "199107072016041005", v.reasons
    assert v.candidate == 2, v.text
    assert v.kind == "flagged", v.reasons


def test_tiny_support_on_a_pale_status_nothing_was_read_on_is_read_then_its_poster(
    scan: Scan, scene_text_only: None
) -> None:
    # A pale status on a tall phone, its caption in 10 px letters: the first reading read
    # nothing at all, not even the white name. The small drawn band is read enlarged, and
    # what it backs earns the header its further readings.
    spec = dataclasses.replace(
        WA_PALE_HEADER,
        lines=["pilih nomor 1", "hewan menang"],
        header_font="dejavu",
        font="comic_bold",
        font_size=12,
        line_scales=[],
        width=591,
        height=1280,
        jpeg_quality=64,
        bg_colors=((243,) * 3,) * 2,
        text_color=(20, 20, 20),
    )
    v = scan(spec)
    assert v.candidate == 1, v.text
    assert v.asn is not None and v.asn.entry.nip == "198812312014022006", v.reasons
    assert v.kind == "flagged", v.reasons


def test_a_contact_saved_under_a_unit_alone_backing_a_pair_goes_to_review(scan: Scan) -> None:
    # The person's name cropped off or never saved: "Kel. Bacang" names a unit on the
    # roster; with clear support a moderator looks, though no one person can be named.
    v = scan(dataclasses.replace(RELATIVE_NOT_ON_ROSTER, poster="Kel. Bacang"))
    assert v.candidate == 2, v.text
    assert v.kind == "review", v.reasons
    assert any("unit pemerintah" in r for r in v.reasons), v.reasons


def test_a_campaign_post_saved_with_its_area_is_no_government_unit(scan: Scan) -> None:
    # "Posko BARA Kel. Bacang": the campaign's own post in that area, nobody on the roster.
    v = scan(dataclasses.replace(RELATIVE_NOT_ON_ROSTER, poster="Posko BARA Kel. Bacang"))
    assert v.candidate == 2, v.text
    assert v.kind == "clear", v.reasons


def test_unit_hint_picks_the_right_namesake_and_offers_the_other(scan: Scan) -> None:
    v = scan(NAMESAKE)
    assert v.asn is not None and v.asn.entry.nip == "199001052015031004"
    assert v.candidate == 2
    assert v.kind == "flagged", v.reasons


def test_script_font_first_name_with_support_word(scan: Scan, scene_text_only: None) -> None:
    v = scan(SCRIPT_ON_GRADIENT)
    assert v.asn is not None and v.asn.entry.nip == "197002172001062406"
    assert v.candidate == 3, v.text
    assert v.kind in {"flagged", "review"}


def test_pair_alias_in_highlight_boxes_on_photo(scan: Scan) -> None:
    v = scan(HIGHLIGHT_ON_PHOTO)
    assert v.candidate == 1, v.text
    assert v.kind == "flagged", v.reasons


def test_rotated_condensed_caps_on_photo(scan: Scan) -> None:
    v = scan(ROTATED_CAPS)
    assert v.candidate == 1, v.text
    assert v.kind == "flagged", v.reasons


def test_big_number_with_menang(scan: Scan) -> None:
    v = scan(BIG_NUMBER)
    assert v.asn is not None and v.asn.entry.nip == "198503122010012003"
    assert v.candidate == 2, v.text


@pytest.mark.parametrize("spec", [NEUTRALITY, TURNOUT, KPU_INFO], ids=["netral", "tps", "kpu"])
def test_neutral_content_by_an_asn_is_not_flagged(scan: Scan, spec: StorySpec) -> None:
    v = scan(spec)
    assert v.asn is not None, v.reasons  # the poster is on the roster…
    assert v.kind == "clear", v.reasons  # …but backs nobody


@pytest.mark.parametrize(
    ("spec", "flagged"),
    [
        (dataclasses.replace(IG_SUPPORT_ON_PHOTO, subline="♫ Ungu · Dia Sang Juara"), True),
        (dataclasses.replace(TURNOUT, subline="♫ Ungu · Dia Sang Juara"), False),
    ],
    ids=["support", "neutral"],
)
def test_a_songs_line_under_the_handle_is_neither_poster_nor_support(
    scan: Scan, spec: StorySpec, flagged: bool
) -> None:
    """Instagram moves the handle up for the story's song ("♫ Ungu · Dia Sang Juara"): the
    handle is still the poster, and a song's title is no campaign ("juara")."""
    v = scan(spec)
    assert v.poster is not None and v.poster.text == spec.poster, v.reasons
    assert v.asn is not None, v.reasons
    assert v.flagged is flagged, v.reasons


@pytest.mark.parametrize("spec", [NON_ASN, RELATIVE_NOT_ON_ROSTER], ids=["username", "relative"])
def test_support_by_someone_not_on_the_roster_is_not_flagged(scan: Scan, spec: StorySpec) -> None:
    v = scan(spec)
    assert v.candidate is not None, v.text  # the support is seen…
    assert not v.flagged, v.reasons  # …but nobody on the roster posted it


@pytest.mark.parametrize(
    ("spec", "poster"),
    [(NON_ASN, "siti_aminah88"), (WA_PHONE, "+62 813-9988-7761")],
    ids=["underscore-for-a-dot", "another-digit"],
)
def test_a_handle_or_number_read_clearly_a_mark_or_digit_off_a_rostered_one_is_someone_else(
    scan: Scan, engine: OcrEngine, spec: StorySpec, poster: str
) -> None:
    """ "siti_aminah88" beside the roster's "siti.aminah88", "…-7761" beside Agus Prasetyo's
    "…-7766" (a 1 is no misread 6): read clearly twice, another person's account and
    number, not a report for a moderator to dismiss."""
    v = scan(dataclasses.replace(spec, poster=poster))
    assert v.candidate is not None, v.text
    assert not v.flagged, v.reasons
    if engine.name == "ppocr":  # the scene-text reader reads the header surely
        assert v.kind == "clear" and v.asn is None, v.reasons


def test_every_verdict_carries_its_evidence(scan: Scan) -> None:
    d = scan(IG_SUPPORT_ON_PHOTO).to_dict()
    assert d["evidence"] and all(e["candidate"] == 2 for e in d["evidence"] if e["weight"] >= 0.9)
    assert d["asn"]["confidence"] >= 0.8
    assert "BaraJuara" in d["text"] or "Coblos" in d["text"]


def test_bad_bytes_give_an_error_verdict(roster, election, engine) -> None:  # type: ignore[no-untyped-def]
    v = analyse(b"%PDF-1.4 not a screenshot", roster, election, engine=engine)
    assert v.kind == "error" and v.error and "PDF" in v.error
    assert v.to_dict()["verdict"] == "error"


def test_a_pool_loads_the_emoji_templates_before_its_first_screenshot(
    roster, election, engine
) -> None:  # type: ignore[no-untyped-def]
    """The turned emoji templates (0.2-0.4 s to build) are built when the pool starts, in a
    worker, not by whichever reporter's story first shows an emoji at a slant."""
    from ocr.emoji_likeness import templates

    templates.cache_clear()
    pool = AnalysisPool(roster, election, workers=1, engine=engine)
    try:
        pool.warmed.result(timeout=60)
        assert templates.cache_info().currsize == 2  # upright and turned
    finally:
        pool.close()


async def test_pool_keeps_the_event_loop_responsive(roster, election, engine) -> None:  # type: ignore[no-untyped-def]
    """OCR runs in worker threads: a ticker on the loop keeps ticking during analysis. Its
    longest pause is a scheduling hiccup, under 0.25 s, or on a loaded machine (where the
    whole run takes many seconds) under a tenth of the run; analysis on the loop would pause
    it for the whole of one analysis."""

    data = render_story(TURNOUT)
    pool = AnalysisPool(roster, election, workers=2, engine=engine)
    ticks: list[float] = []

    async def ticker() -> None:
        while True:
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    try:
        verdicts = await asyncio.gather(pool.analyse(data), pool.analyse(data))
    finally:
        task.cancel()
        pool.close()
    assert all(v.kind == "clear" for v in verdicts)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < max(0.25, (ticks[-1] - ticks[0]) / 10)


def test_the_posters_own_line_is_no_support_in_a_body_read_again() -> None:
    """A story shared in a chat, its header found by shape alone (no box), read again from
    its top: the poster's line "hmaulana.117" is no content, so "maulana" beside
    "semangat" is no support for a candidate "Maulan". Short names are not filtered."""
    from ocr.engine import OcrLine
    from rules.election import Candidate, Election
    from rules.elections import find_support

    lines = [
        OcrLine("hmaulana.117", 40, 10, 260, 40, 0.97),
        OcrLine("Selamat pagi, semangat", 40, 300, 500, 340, 0.95),
        OcrLine("bekerja!", 40, 350, 200, 390, 0.95),
    ]
    header = HeaderReading("instagram", Poster("username", "hmaulana.117"), None, ())
    election = Election(
        "Pilkada Kota Medan 2024", "Kota Medan", "Asia/Jakarta", None,
        (Candidate(1, ("Zuhri Nasution", "Efendi Lubis")),
         Candidate(3, ("Rustam Hakim", "Maulan Siregar"), aliases=("RUMA",))),
    )  # fmt: skip
    kept = _not_the_poster(lines, header)
    assert [x.text for x in kept] == ["Selamat pagi, semangat", "bekerja!"]
    assert find_support("\n".join(x.text for x in lines), election).candidate == 3
    assert find_support("\n".join(x.text for x in kept), election).candidate is None
    short = HeaderReading("instagram", Poster("username", "ana"), None, ())
    assert len(_not_the_poster(lines, short)) == 3


def test_the_first_readings_poster_is_no_part_of_the_enlarged_body() -> None:
    """A story in a gallery viewer whose enlarged reading missed the age ("Hari n 15.06"),
    so took the poster's line for content: with the first reading's header in its place,
    the poster's lines leave the body (the poster "Yuni Maulana" beside "bersama" backed a
    candidate "Maulan")."""
    from ocr.engine import OcrLine
    from rules.layout import Layout

    poster = HeaderReading(
        "whatsapp", Poster("contact_name", "Yuni Maulana SMAN 3"), "Hari ini", ()
    )
    texts = ["Yuni Maulana SMAN 3", "Hari n 15.06", "Weekend bersama", "keluarga"]
    # The story spans rows 200-1000 of the screenshot, read enlarged ×2 (1600 rows).
    lines = [
        OcrLine(t, 100, 60 + 50 * i if i < 2 else 600 + 80 * i, 700, 0, 0.9)
        for i, t in enumerate(texts)
    ]
    lines = [dataclasses.replace(x, bottom=x.top + 40) for x in lines]
    framed = Layout(HeaderReading("unknown", None, None, ()), None, 0, tuple(texts), ())
    first_box = (50, 230, 400, 280)  # the poster's two lines, in the screenshot
    found = with_first_header(framed, poster, first_box, lines, (200, 1000), (1440, 1600))
    assert found.header == poster and found.header_box == (100, 60, 800, 160)
    assert found.body == ("Weekend bersama", "keluarga")


class _Counting:
    """The real engine, counting how many times it is asked to read, and how many of those
    readings were of more than a line (200,000 pixels or more: a screenshot, a story)."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine, self.name, self.reads, self.large_reads = engine, engine.name, 0, 0

    def read(self, image, *, fine=False, known=(), second_look=False, whole_width=0):  # type: ignore[no-untyped-def]
        self.reads += 1
        self.large_reads += image.width * image.height >= 200_000
        return self.engine.read(
            image, fine=fine, known=known, second_look=second_look, whole_width=whole_width
        )


class _Unsure:
    """The real engine, made unsure of the story's support: every reading of it loses its
    words ("Coblos No. 2" read "Coblos No."), as small text read from a box a few pixels
    off does; only a second look, when asked for, reads it whole."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine, self.name, self.second_looks = engine, engine.name, 0

    def read(self, image, *, fine=False, known=(), second_look=False, whole_width=0):  # type: ignore[no-untyped-def]
        self.second_looks += second_look
        lines = self.engine.read(image, fine=fine, known=known, whole_width=whole_width)
        out = []
        for line in lines:
            if "2" in line.text or "bara" in line.text.lower():
                garbled = line.text.replace("2", "").replace("Bara", "Ba").replace("BARA", "BA")
                second = line.text if second_look else ""
                line = dataclasses.replace(line, text=garbled, second=second, conf=0.8)
            out.append(line)
        return out


def test_small_support_read_whole_only_by_a_second_look_is_flagged(  # type: ignore[no-untyped-def]
    roster, election
) -> None:
    """An identified ASN's small support misread by every reading but the tighter crop's
    (`second_look`): the stronger finding of the two readings stands."""
    from ocr.ppocr import PpOcrEngine

    engine = _Unsure(PpOcrEngine())
    v = analyse(
        render_story(dataclasses.replace(IG_SUPPORT_ON_PHOTO, font_size=12)),
        roster,
        election,
        engine=engine,
    )
    assert engine.second_looks >= 1
    assert v.asn is not None and v.asn.entry.nip == "199107072016041005", v.reasons
    assert v.kind == "flagged" and v.candidate == 2, (v.reasons, v.text)


@pytest.mark.parametrize(
    ("frame", "first", "with_everyday_word", "with_campaign_word"),
    [
        (None, 1, 1, 2),
        (
            Frame(kind="gallery", title="IMG-20241121-WA0064.jpg", actions=["Kirim", "Hapus"]),
            1,
            2,
            2,
        ),
    ],
    ids=["story", "gallery"],
)
def test_an_everyday_post_read_large_and_sure_is_not_read_again(  # type: ignore[no-untyped-def]
    roster,
    election,
    frame: Frame | None,
    first: int,
    with_everyday_word: int,
    with_campaign_word: int,
) -> None:
    """An identified ASN's everyday post, every line large and sure and no campaign word
    in it, is read once (inside a gallery viewer too: its poster line and body read surely
    at the first reading need no enlarged one), also with a support word everyday posts are
    as full of ("semangat", `EVERYDAY_WORDS`), read at its own size; with a word of a
    campaign ("pilih") in it, a plain story is read again, enlarged. A framed story's first
    reading is of small text: with any support word it is read enlarged once, and not a
    third time larger still."""
    from ocr.ppocr import PpOcrEngine

    everyday = dataclasses.replace(
        IG_SUPPORT_ON_PHOTO,
        lines=["Selamat pagi", "Jangan lupa sarapan"],
        background="solid",
        frame=frame,
    )
    for lines, reads in (
        (everyday.lines, first),
        (["Selamat pagi", "Semangat bekerja"], with_everyday_word),
        (["Selamat pagi", "Jangan lupa pilih"], with_campaign_word),
    ):
        engine = _Counting(PpOcrEngine())
        v = analyse(
            render_story(dataclasses.replace(everyday, lines=lines)),
            roster,
            election,
            engine=engine,
        )
        assert v.asn is not None and v.asn.entry.nip == "199107072016041005", v.reasons
        assert engine.reads == reads, (lines, engine.reads, v.text)


def test_a_poster_off_the_roster_two_readings_agree_on_is_not_read_by_the_last_resort(
    roster,  # type: ignore[no-untyped-def]
) -> None:
    """The first reading of a header not sure enough to stand, and the band read again
    agreeing with it, surely and letter for letter, on someone nobody on the roster is near:
    neither the costliest opinion (for the faintest names) nor the cheaper ones after it are
    asked (all but the costliest were, until a later reading's sureness counted too)."""
    import io

    from PIL import Image

    from ocr.ppocr import PpOcrEngine
    from ocr.reader import HEADER_OPINIONS, NamePlace
    from rules.layout import read_layout

    spec = dataclasses.replace(IG_SUPPORT_ON_PHOTO, poster="zeldamaulana_off", background="solid")
    image = Image.open(io.BytesIO(render_story(spec))).convert("RGB")
    engine = _Counting(PpOcrEngine())
    layout = read_layout(engine.engine.read(image), *image.size)
    assert layout.header.poster is not None and "zeldamaulana" in layout.header.poster.text
    unsure = dataclasses.replace(layout, header=dataclasses.replace(layout.header, confidence=0.5))
    reading, matches, _ = read_poster(image, engine, roster, unsure, True, 5, 0.85, NamePlace())
    assert not matches and reading.poster is not None, reading
    assert 1 <= engine.reads <= 2 < len(HEADER_OPINIONS) - 1


@pytest.mark.parametrize(
    "frame",
    [None, Frame(kind="chat_whatsapp", chat_name="Mas Ferdi", chat_status="online",
                 caption="ini pak, status teman kantor", before=["Ada yg posting lagi nih"])],
    ids=["story", "chat"],
)  # fmt: skip
def test_a_list_of_every_pair_is_not_read_again(roster, election, frame: Frame | None) -> None:  # type: ignore[no-untyped-def]
    """An identified ASN sharing the list of the pairs (a ballot notice): every pair named is
    an information graphic however well it is read again, so it is read once and cleared
    (shared in a chat too: not read again enlarged)."""
    from ocr.ppocr import PpOcrEngine

    notice = dataclasses.replace(
        IG_SUPPORT_ON_PHOTO,
        lines=["Pasangan Calon", "01 Hendra - Wulan", "02 Bambang - Rahmat", "03 Yusuf - Dewi"],
        background="solid",
        frame=frame,
    )
    engine = _Counting(PpOcrEngine())
    v = analyse(render_story(notice), roster, election, engine=engine)
    assert v.kind == "clear", v.reasons
    assert v.asn is not None, v.reasons
    # (Shared in the chat, the handle and its age are read run together, "budisantoso9138m":
    # the age is then read alone, a line's reading, to tell which digits are the handle's.)
    assert engine.large_reads == 1, (engine.reads, v.text)


def test_a_framed_story_by_someone_off_the_roster_is_settled_at_the_first_reading(
    roster,  # type: ignore[no-untyped-def]
    election,
) -> None:
    """A story shared in a chat whose poster line, inside the story, the first reading read
    clearly as a contact nobody on the roster is near ("Pak Budi - RT 05": two Budis, and a
    neighbourhood head's title) backs a pair: an enlarged reading would not make the
    neighbour an ASN, so none is made. Read unsurely, or as the name of two on the roster,
    it is."""
    from netra.rereading import settled
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout
    from rules.verdict import Thresholds

    def lines(poster: str, conf: float) -> list[OcrLine]:
        return [
            OcrLine("Mas Ferdi", 110, 30, 300, 62, 0.99),
            OcrLine("online", 110, 64, 200, 88, 0.98),
            OcrLine(poster, 150, 262, 430, 292, conf),
            OcrLine("56 menit yang lalu", 150, 294, 380, 320, 0.98),
            OcrLine("Coblos No. 2", 200, 600, 520, 660, 0.99),
            OcrLine("#BaraJuara", 230, 680, 480, 730, 0.99),
        ]

    support = find_support("Coblos No. 2\n#BaraJuara", election)
    span = (230, 1040)
    for poster, conf, done in (
        ("Pak Budi - RT 05", 0.97, True),
        ("Pak Budi - RT 05", 0.7, False),  # unsure: an enlarged reading may read it otherwise
        ("Pak Budi Santoso", 0.97, False),  # two Budi Santosos: which, a unit read may tell
    ):
        layout = read_layout(lines(poster, conf), 720, 1280)
        assert layout.header.poster is not None, layout.header
        assert settled(layout, support, roster, 5, Thresholds(), span) is done, poster


def test_a_list_read_whole_only_enlarged_is_a_list_not_one_pairs_support() -> None:
    """A commission's list of two pairs whose first line the first reading missed: alone,
    "02 Bambang Sutejo - Rahmat Hidayat" under "Info KPU" looks like a lead for pair 2; the
    enlarged reading names both pairs, and that finding stands, however weak. A stronger
    enlarged finding stands too, and a weaker one does not."""
    from netra.rereading import better_finding
    from rules.election import parse_election
    from rules.elections import find_support

    two = parse_election(
        "[election]\nname='x'\n[[candidates]]\nnumber=1\npeople=['Hendra Siregar', 'Wulan Pratiwi']"
        "\n[[candidates]]\nnumber=2\npeople=['Bambang Sutejo', 'Rahmat Hidayat']\n"
    )
    first = find_support("Info KPU\n02 Bambang Sutejo - Rahmat Hidayat", two)
    assert first.candidate == 2, first
    both = find_support(
        "Info KPU\n01 Hendra Siregar - Wulan Pratiwi\n02 Bambang Sutejo - Rahmat Hidayat", two
    )
    assert better_finding(first, both).candidate is None
    clear = find_support("Coblos No. 2 Bambang Sutejo", two)
    assert better_finding(first, clear) is clear
    assert better_finding(clear, first) is clear


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Selamat pagi\nJangan lupa sarapan", True),
        ("Semangat bekerja", False),  # "semangat" is a support word
        ("Coblos ya", False),
        ("Pagi #netral", True),  # a neutrality hashtag is no campaign's
        ("ASN bukan tim sukses #NetralitasASN", True),
        ("Pagi #BaraJuara", False),
        ("Selamat pagi 2", False),
        ("sudah nyoblos di TPS 07", False),
        ("Kelas 3B hari ini belajar di luar", True),
        ("HUT KORPRI KE-53", True),
        ("salam dua jari", False),
        ("menangkanlah", False),
    ],
)
def test_campaign_vocabulary_keeps_the_second_reading(text: str, plain: bool) -> None:
    from rules.support_words import no_campaign_words

    assert no_campaign_words(text) is plain


def test_an_emoji_read_as_a_letter_does_not_earn_a_second_reading(election) -> None:  # type: ignore[no-untyped-def]
    """ "HUT KORPRI 👍 ke-53 ASN Bangga 👊 …" read large and sure but for the fist, read as
    "m" at 0.63: still plainly neutral. A lone digit read unsurely is not set aside."""
    from netra.rereading import plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    def read(scrap: str) -> list[OcrLine]:
        texts = [("Pak Budi Dinkes", 90, 0.97), ("Kemarin 09.36", 122, 0.97),
                 ("HUT KORPRI", 600, 0.97), ("ke-53", 670, 1.0), (scrap, 740, 0.63),
                 ("ASN Bangga", 810, 0.99), ("Balas", 1200, 0.99)]  # fmt: skip
        return [OcrLine(t, 140, y, 140 + 20 * len(t), y + 60, c) for t, y, c in texts]

    for scrap, plain in (("m", True), ("2", False)):
        lines = read(scrap)
        layout = read_layout(lines, 720, 1280)
        support = find_support(layout.body_text, election)
        assert plainly_neutral(lines, layout, support, False) is plain, (scrap, layout.body)


def test_a_neutrality_reminder_read_surely_is_not_read_again(election) -> None:  # type: ignore[no-untyped-def]
    """ "ASN harus netral! Jangan like konten paslon": campaign words, but a neutral cue's
    subject, every line large and sure (0.85 and 20 px do beside a cue): plainly neutral.
    Read unsurely, or with a pair's number beside the cue, it is read again."""
    from netra.rereading import plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    def read(body: list[str], conf: float) -> list[OcrLine]:
        texts = [("Pak Budi Dinkes", 90, 0.97), ("Kemarin 09.36", 122, 0.97)]
        texts += [(t, 600 + 70 * k, conf) for k, t in enumerate(body)]
        texts.append(("Balas", 1200, 0.99))
        return [OcrLine(t, 140, y, 140 + 20 * len(t), y + 60, c) for t, y, c in texts]

    # (Sure, but below `FRAMED_SURE`: these lines alone make a layout read as framed.)
    reminder = ["ASN harus netral!", "Jangan like konten paslon"]
    for body, conf, plain in (
        (reminder, 0.93, True),
        (reminder, 0.87, True),  # the cue says what it is: a little less sure will do
        (["Rapat koordinasi pukul 14.00"], 0.87, False),  # no cue: not sure enough
        (reminder, 0.8, False),
        ([*reminder, "coblos nomor 2"], 0.93, False),
        (["Jangan like konten paslon"], 0.93, False),  # campaign words, no cue
    ):
        lines = read(body, conf)
        layout = read_layout(lines, 720, 1280)
        support = find_support(layout.body_text, election)
        assert plainly_neutral(lines, layout, support, False) is plain, (body, conf)


def test_a_news_cards_unsure_time_stamp_does_not_earn_a_second_reading(election) -> None:  # type: ignore[no-untyped-def]
    """A news card ("POLITIK", a headline, "Senin,15Nov202416:59WTA" at 0.79: blindgen 237)
    read large and sure but for its time stamp is plainly neutral; any other line that unsure
    is read again, and so is the stamp without the card's cue."""
    from netra.rereading import plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    def read(body: list[tuple[str, float]]) -> list[OcrLine]:
        texts = [("Pak Budi Dinkes", 90, 0.97), ("Kemarin 09.36", 122, 0.97)]
        texts += [(t, 600 + 70 * k, c) for k, (t, c) in enumerate(body)]
        texts.append(("Balas", 1200, 0.99))
        return [OcrLine(t, 140, y, 140 + 20 * len(t), y + 60, c) for t, y, c in texts]

    news = [("POLITIK", 0.99), ("Logistik Pilkada mulai didistribusikan", 0.97)]
    for body, plain in (
        ([*news, ("Senin,15Nov202416:59WTA", 0.79)], True),
        ([*news, ("Senin,15Nov2024 hadir semua", 0.79)], False),  # words beside the date
        ([("Logistik Pilkada mulai didistribusikan", 0.97), ("Senin,15Nov202416:59", 0.79)], False),
    ):
        lines = read(body)
        layout = read_layout(lines, 720, 1280)
        support = find_support(layout.body_text, election)
        assert plainly_neutral(lines, layout, support, False) is plain, body


def test_a_news_card_naming_two_pairs_alike_read_surely_is_not_read_again(election) -> None:  # type: ignore[no-untyped-def]
    """ "Debat publik kedua Pilkada: Hendra Siregar dan Bambang Sutejo adu gagasan" read large
    and sure names two pairs alike and backs neither: read again it would read the same
    (blindgen 253's slowest). One candidate named alone, or one of the two urged, is read
    again."""
    from netra.rereading import plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    def read(body: list[str]) -> list[OcrLine]:
        texts = [("priyo_sulistyo42 4j", 90), *((t, 600 + 70 * k) for k, t in enumerate(body))]
        texts.append(("Kirim pesan", 1200))
        return [OcrLine(t, 140, y, 140 + 20 * len(t), y + 60, 0.98) for t, y in texts]

    card = ["Warta Contoh", "POLITIK", "Debat publik kedua Pilkada"]
    for body, plain in (
        ([*card, "Contoh: Hendra Siregar dan", "Bambang Sutejo adu gagasan"], True),
        ([*card, "Contoh: Hendra Siregar", "hadir adu gagasan"], False),
        ([*card, "Hendra Siregar dan Bambang Sutejo", "Coblos nomor 1!"], False),
    ):
        lines = read(body)
        layout = read_layout(lines, 720, 1280)
        support = find_support(layout.body_text, election)
        assert plainly_neutral(lines, layout, support, False) is plain, (body, support)


def test_a_framed_turnout_call_read_surely_is_not_read_enlarged(election) -> None:  # type: ignore[no-untyped-def]
    """ "Jangan golput ya, satu suara menentukan" in a gallery viewer, its first line at 0.94
    (blindgen 215): "satu" is a number word, but beside the cue it is the cue's subject, and
    read as surely as a plain story's lines it is not read again enlarged. Without the cue,
    or with a pair scored, it is."""
    from netra.rereading import framed_plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    def read(body: list[tuple[str, float]]) -> list[OcrLine]:
        texts = [("Pak Budi Dinkes", 150, 0.97), ("Kemarin 09.36", 182, 0.97)]
        texts += [(t, 600 + 70 * k, c) for k, (t, c) in enumerate(body)]
        texts.append(("Balas", 1100, 0.99))
        return [OcrLine(t, 140, y, 140 + 20 * len(t), y + 30, c) for t, y, c in texts]

    span = (120, 1180)
    for body, plain in (
        ([("Jangan golput ya,", 0.94), ("satu suara menentukan", 0.98)], True),
        ([("Jangan golput ya,", 0.87), ("satu suara menentukan", 0.98)], False),
        ([("Kita satu suara", 0.94), ("menentukan", 0.98)], False),  # no cue
        ([("Jangan golput ya,", 0.96), ("coblos nomor 2", 0.98)], False),  # a pair scored
    ):
        lines = read(body)
        layout = read_layout(lines, 720, 1280)
        support = find_support(layout.body_text, election)
        assert framed_plainly_neutral(lines, layout, support, span) is plain, body


def test_a_framed_storys_turned_word_read_surely_is_no_plainly_neutral_body(election) -> None:  # type: ignore[no-untyped-def]
    """ "udh fix no 1 lah, gk ada obat" turned 36° in a story shared into a chat, only "obat"
    read (0.97) above a sure "22NOV2024" (blindgen 241 0250): a turned line is a piece of a
    caption the first reading read in part, so the story is read again enlarged."""
    from netra.rereading import framed_plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    span = (154, 981)
    for angle, plain in ((-35.7, False), (-2.0, True)):
        lines = [
            OcrLine("frederiklerik_77 8m", 226, 246, 364, 267, 0.99),
            OcrLine("obat", 242, 570, 358, 671, 0.97, height=42.6, angle=angle),
            OcrLine("22NOV2024", 282, 694, 399, 734, 0.99, height=25.7, angle=-6.8),
        ]
        layout = read_layout(lines, 590, 1280)
        support = find_support(layout.body_text, election)
        assert framed_plainly_neutral(lines, layout, support, span) is plain, angle


def test_a_campaign_word_read_surely_at_first_is_read_again_though_a_frame_is_seen(  # type: ignore[no-untyped-def]
    election,
) -> None:
    """ "lanjutkannn!!" read at 0.99, the pair's names beside it over a photo's patch unread
    (ours 9159): the body is read again, enlarged, even where the first reading's layout
    looks framed. Only an enlarged reading of a framed story (already a second look) that
    read a campaign word alone so surely is not read a third time."""
    from netra.rereading import plainly_neutral
    from ocr.engine import OcrLine
    from rules.elections import find_support
    from rules.layout import read_layout

    texts = [("suci.1966 30m", 90, 0.99), ("PROVINSI BANGKA BELITUNG", 400, 0.99),
             ("lanjutkannn!!", 900, 0.99), ("Kirim pesan", 1200, 0.99)]  # fmt: skip
    lines = [OcrLine(t, 140, y, 140 + 20 * len(t), y + 60, c) for t, y, c in texts]
    layout = read_layout(lines, 720, 1280)
    support = find_support(layout.body_text, election)
    assert not plainly_neutral(lines, layout, support, False)
    assert plainly_neutral(lines, layout, support, True)


def test_a_legible_contact_sharing_only_a_surname_with_the_roster_is_read_once(  # type: ignore[no-untyped-def]
    roster, election
) -> None:
    """A supporter saved as "Pak Andi Harahap", read clearly: the roster's nearest is
    "H. Zulkifli Harahap", who shares only the surname. That is nobody near enough to be
    worth five more readings of a legible name: the header is read once, nobody is
    named, and the support is still found."""
    from ocr.ppocr import PpOcrEngine

    spec = dataclasses.replace(WA_CONTACT_WITH_UNIT, poster="Pak Andi Harahap")
    engine = _Counting(PpOcrEngine())
    v = analyse(render_story(spec), roster, election, engine=engine)
    assert v.poster is not None and "Andi Harahap" in v.poster.text, v.reasons
    assert v.asn is None and v.kind != "flagged", v.reasons
    assert v.candidate == 3, v.reasons
    assert engine.reads == 1, (engine.reads, v.text)


def test_a_group_members_number_over_a_shared_instagram_story_is_not_its_poster(  # type: ignore[no-untyped-def]
    roster, election
) -> None:
    """An Instagram story shared in a Telegram group, the member's number atop the bubble and
    the story's own name line unreadable (here: no name at all, only its age) and its status
    bar's clock cropped off: the number is who shared it, not who posted, so strong support
    goes to a person, never to `clear`."""
    from ocr.ppocr import PpOcrEngine

    shared = dataclasses.replace(
        IG_SUPPORT_ON_PHOTO,
        poster="",
        clock="",
        frame=Frame(
            kind="chat_telegram",
            chat_name="Warga Komplek Griya",
            chat_status="35 anggota",
            sender="+62 852-659-4902",
            before=["Min, ini gimana?"],
            caption="cek ini min",
        ),
    )
    v = analyse(render_story(shared), roster, election, engine=PpOcrEngine())
    assert "852" in v.text, v.text  # the number was read, and is not taken for the poster
    assert v.poster is None or v.poster.kind != "phone", v.reasons
    assert v.kind == "review", v.reasons


def _good_morning_under_a_notification(
    kind: str = "chat_whatsapp", crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
) -> StorySpec:
    """An ASN's good-morning status forwarded to a group chat, a notification from a
    colleague ("Dukung nomor 2 ya pak") dropped over the chat's title."""
    return dataclasses.replace(
        NEUTRALITY,
        lines=["Selamat pagi", "semangat bekerja"],
        bg_colors=((255, 123, 107), (255, 123, 107)),
        font="lato_black",
        frame=Frame(
            kind=kind,
            chat_name="Satgas Netralitas Contoh",
            chat_status="Margareta, Bonifasius, Theresia, Anda",
            sender="~ Kristian",
            before=["Pak, ada laporan", "Siap, dicek dulu"],
            date_chip="18 Juli 2025",
            banner=("WhatsApp", "Pak Zulkifli Dinkes", "Dukung nomor 2 ya pak"),
            crop=crop,
        ),
    )


def test_a_notification_over_the_screenshot_is_neither_poster_nor_content(  # type: ignore[no-untyped-def]
    roster, election
) -> None:
    """A WhatsApp notification dropped over a story forwarded to a group chat, hiding the
    chat's title: its sender (a colleague on the roster) is not the poster, and its message
    ("Dukung nomor 2 ya pak") is not what the poster posted (it was read as the story's body
    once the chat's title was hidden: a false flag of an ASN's good-morning post)."""
    from ocr.ppocr import PpOcrEngine

    shot = _good_morning_under_a_notification()
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert "Zulkifli" in v.text and "nomor 2" in v.text, v.text  # the banner was read
    assert v.kind != "flagged" and v.candidate is None, v.reasons
    assert v.asn is not None and "Agus" in v.asn.entry.nama, v.reasons


@pytest.mark.parametrize("kind", ["chat_whatsapp", "chat_telegram"])
def test_a_notifications_message_left_above_a_cropped_chat_backs_nobody(  # type: ignore[no-untyped-def]
    roster, election, kind: str
) -> None:
    """The same notification over a forwarded status, the screenshot cropped so that only its
    message is left ("Dukung nomor 2 ya pak"), above the chat's date chip and messages: it is
    no part of the story below them, and the ASN's good-morning post backs nobody."""
    from ocr.ppocr import PpOcrEngine

    shot = _good_morning_under_a_notification(kind, crop=(0.07, 0.0, 0.0, 0.0))
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert "nomor 2" in v.text, v.text  # the message was read
    assert v.kind != "flagged" and v.candidate is None, v.reasons


@pytest.mark.parametrize(
    ("spec", "sender"),
    [
        (WA_CONTACT_WITH_UNIT, "Bu Rina Disdik"),
        (WA_CONTACT_WITH_UNIT, "+62 812-3456-7003"),
        (IG_SUPPORT_ON_PHOTO, "+62 812-3456-7003"),
        # a tall phone: the card covers the name line, not every row it could be on
        (dataclasses.replace(IG_SUPPORT_ON_PHOTO, width=576), "Bu Rina Disdik"),
    ],
    ids=["whatsapp-contact", "whatsapp-number", "instagram-number", "tall-instagram"],
)
def test_a_notification_hiding_a_storys_poster_is_not_taken_for_it(  # type: ignore[no-untyped-def]
    roster, election, spec: StorySpec, sender: str
) -> None:
    """A WhatsApp notification dropped over a status as it was shot hides the poster's name;
    its sender (a colleague on the roster, by name or by number) was read again by a header
    opinion that saw the card's rows without its app line, and flagged for a post not theirs.
    Nobody is named now, and the support goes to a person. The card covers the rows the
    name line stands on: the header is not read again there (not six times), only the band
    right below the card by the two cheapest opinions, where a story in a gallery viewer
    has its own header (`_story_below_card`); the story's text there names nobody."""
    from ocr.ppocr import PpOcrEngine

    shot = dataclasses.replace(
        spec, frame=Frame(kind="story", banner=("WhatsApp", sender, "Pak, sudah lihat ini?"))
    )
    engine = _Counting(PpOcrEngine())
    v = analyse(render_story(shot), roster, election, engine=engine)
    assert sender[-4:] in v.text.replace(" ", ""), v.text  # the card was read
    assert v.asn is None and v.kind == "review", v.reasons
    assert engine.reads <= 3, (engine.reads, v.text)


@pytest.mark.parametrize(
    "lines",
    [["insyaAllah Pak", "Yusuf amanah", "lanjutkan!"], ["Pak Yusuf amanah", "lanjutkan!"]],
    ids=["pak-alone", "pak-yusuf"],
)
def test_a_story_opening_like_a_name_under_a_notification_is_no_poster(  # type: ignore[no-untyped-def]
    roster, election, lines: list[str]
) -> None:
    """The notification hides the poster's line; the story's first words, high on the
    screen ("insyaAllah Pak", "Pak Yusuf amanah"), were then taken for a contact nobody on
    the roster is, and strong support for Yusuf ended `clear`. The poster is hidden: the
    line is content again, and the support goes to a person."""
    from ocr.ppocr import PpOcrEngine

    shot = dataclasses.replace(
        WA_CONTACT_WITH_UNIT,
        lines=lines,
        text_center_y=0.22,
        font_size=64,
        frame=Frame(kind="story", banner=("WhatsApp", "Bu Intan Dishub", "Siap, terima kasih")),
    )
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert "Intan" in v.text and "amanah" in v.text, v.text
    assert v.candidate == 3, v.reasons
    assert v.poster is None and v.kind == "review", v.reasons


@pytest.mark.parametrize("kind", ["chat_telegram", "chat_whatsapp"])
def test_a_number_heading_a_bubble_in_a_group_chat_is_who_shared_it(  # type: ignore[no-untyped-def]
    roster, election, kind: str
) -> None:
    """A WhatsApp status forwarded into a group ("392 anggota") by a member saved by number:
    the number heads the bubble. The status's own name and time are unread (here: none), so
    the number is who shared it, and strong support goes to a person, not to `clear` as
    someone off the roster."""
    from ocr.ppocr import PpOcrEngine

    shot = dataclasses.replace(
        RELATIVE_NOT_ON_ROSTER,
        poster="",
        age="",
        clock="",
        frame=Frame(
            kind=kind,
            chat_name="Satgas Netralitas Contoh",
            chat_status="392 anggota",
            sender="+62 813-6236-8604",
        ),
    )
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert "6236" in v.text, v.text
    assert v.poster is None or v.poster.kind != "phone", v.reasons
    assert v.kind == "review", v.reasons


CUT_ROSTER = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
196503261984071704,Radit Handayani,Perawat,UPTD Balai Kesehatan Paru,Pemerintah Kota Contoh,,
196501232023211899,Radit,Staf,Badan Penanggulangan Bencana Daerah,Pemerintah Kota Contoh,,
197201011990031002,Ir. Radit Ahmad Dongoran,Kepala Seksi,Dinas Pendidikan,Pemerintah Kota Contoh,,
"""


@pytest.mark.parametrize(
    "contact", ["ABANG RADIT (UPTD BALAI KESEHATAN PARU)", "Pak Radit UPTD Balai Kesehatan Paru"]
)
def test_a_contact_cut_with_an_ellipsis_by_a_large_font_is_still_its_unit(  # type: ignore[no-untyped-def]
    election, contact: str
) -> None:
    """The phone's font set large: WhatsApp shows "ABANG RADIT(UPTD BALAI K…". The roster's
    three Radits are told apart by the unit the cut words begin (the letter "K" alone was
    not enough: `clear`, the worst kind of miss)."""
    from ocr.ppocr import PpOcrEngine

    roster = RosterIndex(parse_roster(CUT_ROSTER.encode(), "roster.csv").entries)
    shot = dataclasses.replace(WA_CONTACT_WITH_UNIT, poster=contact, header_scale=1.6)
    assert name_cut(shot)
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert v.poster is not None and v.poster.text.endswith("…"), v.reasons
    assert v.kind == "flagged" and v.asn is not None, v.reasons
    assert v.asn.entry.nip == "196503261984071704", v.reasons


FAINT_ROSTER = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
197804042003032733,Siti,Staf,Dinas Sosial,Pemerintah Kota Contoh,,siti__siti
197407192005072565,Siti Piliang,Staf,Bappeda,Pemerintah Kota Contoh,,spiliang.825
"""
# A white handle over an overexposed photo of flowers (seed 8501's 271st screenshot).
OVEREXPOSED_HANDLE = StorySpec(
    poster="siti__siti",
    age="10 j",
    lines=["sdh mantap pilihan ke pak Yusuf 👍"],
    width=813,
    font="liberation_serif",
    font_size=58,
    background="photo",
    photo="flowers",
    photo_zoom=1.0944750202501823,
    photo_focus=(0.4796489832648655, 0.06116991048632232),
    top_shade=0.0,
    rotation=3.6,
    text_center_y=0.3737982677776541,
    avatar_color=(190, 117, 61),
    segments=6,
    jpeg_quality=63,
    recompress_quality=83,
    seed=850125774,
    phone="android",
    pale_top="overexposed",
)


def test_readings_that_agree_over_a_pale_photo_are_not_someone_off_the_roster(  # type: ignore[no-untyped-def]
    election,
) -> None:
    """ "siti__siti" in white over an overexposed photo: every reading loses the same thin
    strokes ("sit_slt", "siu_slt"), they agree with each other, and strong support for
    Yusuf was cleared as posted by someone off the roster. The rostered handle that losing
    thin strokes makes them is offered to a moderator instead."""
    from ocr.ppocr import PpOcrEngine

    roster = RosterIndex(parse_roster(FAINT_ROSTER.encode(), "roster.csv").entries)
    v = analyse(render_story(OVEREXPOSED_HANDLE), roster, election, engine=PpOcrEngine())
    assert v.candidate == 3, v.reasons
    assert v.kind == "review", v.reasons
    assert v.asn is not None and v.asn.entry.nip == "197804042003032733", v.reasons


CUT_HANDLES = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
199210062023212591,Warsita Yolanda,Staf,Dinas Sosial,Pemerintah Kota Contoh,,warsitayolanda_official_dinsos
197407192005072565,Warsita Yolanda,Staf,Bappeda,Pemerintah Kota Contoh,,warsitayolanda_82
"""


def test_a_handle_cut_with_an_ellipsis_by_a_large_font_is_its_rostered_account(  # type: ignore[no-untyped-def]
    election,
) -> None:
    """The phone's font set large: Instagram shows "warsitayolanda_official_di…" with its age.
    One roster handle begins so: that ASN, named for review, not flagged: the cut hides how
    the handle ends, and a twin account ("…_dinsos_") shows the same (blindgen 201)."""
    from ocr.ppocr import PpOcrEngine

    roster = RosterIndex(parse_roster(CUT_HANDLES.encode(), "roster.csv").entries)
    shot = dataclasses.replace(
        IG_SUPPORT_ON_PHOTO, poster="warsitayolanda_official_dinsos", age="21 j", header_scale=1.6
    )
    assert name_cut(shot)
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert v.kind == "review" and v.asn is not None, v.reasons
    assert v.asn.entry.nip == "199210062023212591", v.reasons
    assert v.asn.method == "instagram-cut", v.asn


@pytest.mark.parametrize("crop", [0.052, 0.058])
def test_a_crop_through_the_name_line_leaves_no_one_off_the_roster(  # type: ignore[no-untyped-def]
    roster, election, crop: float
) -> None:
    """The screenshot cropped through the contact's line: what is left of the name
    ("LTAK(KELURAHANSURAU GADANG)", or only its time line read) names nobody on the roster,
    and strong support was cleared as someone off it. The name is cut: a person looks."""
    from ocr.ppocr import PpOcrEngine

    shot = dataclasses.replace(
        WA_CONTACT_WITH_UNIT,
        poster="BP. POLTAK (KELURAHAN SURAU GADANG)",
        lines=["Coblos No. 2", "#BaraJuara"],
        frame=Frame(kind="story", crop=(crop, 0.0, 0.0, 0.0)),
    )
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert "GADANG" in v.text.upper().replace(" ", ""), v.text  # the name's remains were read
    assert v.candidate == 2 and v.kind == "review", v.reasons


SEPARATOR_ROSTER = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
198205222022212615,Lusiana Kimin,Guru,SD Negeri 10 Kota Contoh,Pemerintah Kota Contoh,,lusiana_kimin
198911292023212458,Utin Abdullah,Guru,SMP Negeri 16 Kota Contoh,Pemerintah Kota Contoh,,utinabdullah_8989
"""


@pytest.mark.parametrize("handle", ["lusiana.kimin", "utinabdullah_8989_"])
def test_a_handle_one_separator_from_a_rostered_one_is_someone_else(  # type: ignore[no-untyped-def]
    election, handle: str
) -> None:
    """Someone else's account, its dot where the rostered handle has an underscore or one
    underscore more at its end, backing a pair: a later reading that loses the separator
    must not make it the rostered account, and read clearly twice it is nobody on the
    roster (`another_account`), not a case for a moderator to dismiss."""
    from ocr.ppocr import PpOcrEngine

    roster = RosterIndex(parse_roster(SEPARATOR_ROSTER.encode(), "roster.csv").entries)
    shot = dataclasses.replace(NON_ASN, poster=handle)
    v = analyse(render_story(shot), roster, election, engine=PpOcrEngine())
    assert v.candidate == 1, v.reasons
    assert v.kind == "clear" and v.asn is None, v.reasons


@pytest.mark.parametrize("effect", ["box", "highlight"])
def test_a_number_alone_beside_an_emoji_on_the_last_row_is_read(  # type: ignore[no-untyped-def]
    roster, election, effect: str
) -> None:
    """ "MONGGO DULUR, COBLOS NOMOR" over "1 🙏" in a condensed font: the detector passes over
    the lone thin "1" in every reading, so an ASN's call to vote names no pair. The row under
    a line that ends waiting for its number is read where it stands, the emoji painted over;
    the emoji alone there is no number, nor is a count ("3 hari lagi")."""
    from ocr.ppocr import PpOcrEngine

    def story(*lines: str, rotation: float = 0.0) -> Verdict:
        shot = dataclasses.replace(
            IG_SUPPORT_ON_PHOTO,
            lines=list(lines),
            background="solid",
            bg_colors=((232, 120, 90), (232, 120, 90)),
            font="bebas",
            effect=effect,
            rotation=rotation,
        )
        return analyse(render_story(shot), roster, election, engine=PpOcrEngine())

    v = story("Monggo dulur, coblos nomor", "1 🙏")
    assert (v.kind, v.candidate) == ("flagged", 1), v.text
    # Set at a slant (blindgen 279 0050, turned 6°): its level box cut the row below in half;
    # turned level, the row is read, its lone "1" surely at one size or another. (On a black
    # highlight turned back, the 🙏 is found by no template and read as a "/" beside the 1:
    # left, `clear` as before.)
    for turn in (6.0, -8.0) if effect == "box" else ():
        v = story("Monggo dulur, coblos nomor", "1 🙏", rotation=turn)
        assert (v.kind, v.candidate) == ("flagged", 1), (turn, v.text)
    assert story("Monggo dulur, coblos nomor", "🙏").candidate is None
    assert story("Jangan lupa coblos", "3 hari lagi 🙏").candidate is None


def test_the_posters_own_name_beside_a_support_word_is_no_voice(election) -> None:  # type: ignore[no-untyped-def]
    """ "Pak Rahmat SDN 2 Tombolo Pao", the contact's name line read again and left in the
    body above "Beda pilihan boleh, bermusuhan jangan": "Rahmat" beside "pilihan" backed the
    candidate Rahmat Hidayat (blindgen 201 0063, a neutral post sent to review with pair 3;
    an identified ASN's would have been flagged). The poster's own name is no voice for a
    candidate, even beside a support word, unless the body spells it outside that line too
    ("Dukung Rahmat!")."""
    from rules.elections import find_support

    header = HeaderReading(
        "whatsapp", Poster("contact_name", "Pak Rahmat SDN 2 Tombolo Pao"), "Hari ini", ()
    )
    leaked = ["PakRahmatSDN 2 TomboloPao", "Beda pilihan boleh, bermusuhan jangan"]
    support = find_support("\n".join(leaked), election)
    assert support.candidate == 2  # what the rules alone make of it
    assert _only_the_posters_name(support, header, leaked)
    meant = ["PakRahmatSDN 2 TomboloPao", "Dukung Rahmat!"]
    assert not _only_the_posters_name(find_support("\n".join(meant), election), header, meant)
