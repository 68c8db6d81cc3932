"""A handle one dot or underscore short of a rostered one is looked at again, enlarged,
before it names anyone: a citizen's twin account ("sitiaminah88" beside the roster's
"siti.aminah88") is not flagged, and a mark the first reading lost is found again."""

from __future__ import annotations

import dataclasses

from netra.mark_check import MARK_ABSENT, check_lost_mark
from ocr.engine import OcrEngine, make_engine
from rules.poster import HeaderReading
from rules.roster import RosterEntry
from rules.types import AsnMatch, Poster
from tests.netra.test_analysis import NON_ASN, Scan
from tests.ocr.test_reader import _rebuilt
from wording import id_analysis as why


def _match(handle: str) -> AsnMatch:
    entry = RosterEntry(
        nip="199209232024072271",
        nama="Citra Januar, S.Pd.",
        jabatan="Guru",
        unit_kerja="SMP Negeri 1",
        instansi="Pemerintah Kota Contoh",
        instagram=handle,
    )
    return AsnMatch(entry, 0.9, "instagram-ocr", ("lookalike",))


def _header_box(image, engine: OcrEngine, start: str) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    line = next(x for x in engine.read(image) if x.text.replace(" ", "").startswith(start))
    return line.left, line.top, line.right, line.bottom


def test_a_citizens_twin_of_a_rostered_handle_backing_a_pair_goes_to_review(
    scan: Scan, engine: OcrEngine
) -> None:
    v = scan(dataclasses.replace(NON_ASN, poster="sitiaminah88"))
    assert v.candidate == 1, v.text
    assert not v.flagged, v.reasons
    if engine.name == "ppocr":  # read "sitiaminah88" at first, and so again, enlarged
        assert v.kind == "review" and v.asn is not None, v.reasons
        assert v.asn.confidence <= MARK_ABSENT
        assert any("dibaca ulang diperbesar" in r for r in v.reasons), v.reasons


def test_a_mark_the_first_reading_lost_is_read_again_and_the_match_stands() -> None:
    """ "citra_januar_id" over a photo, read "citrajanuar_id" by the first reading: enlarged,
    its gap is read (as "_" or a space), so the rostered handle keeps its flag-level match."""
    engine = make_engine("ppocr")
    image, label = _rebuilt(9139, 7, "citra_januar_id")
    assert label["category"] in ("positive", "hard_positive")
    box = _header_box(image, engine, "citra")
    header = HeaderReading("instagram", Poster("username", "citrajanuar_id"), "35m", ())
    matches = [_match("citra_januar_id")]
    assert check_lost_mark(image, engine, header, matches, box) == matches


def test_a_handle_read_again_as_it_was_first_lowers_its_match_to_review() -> None:
    engine = make_engine("ppocr")
    image, _label = _rebuilt(9139, 7, "citra_januar_id")
    box = _header_box(image, engine, "citra")
    # As if the roster held a twin with one more mark than the screenshot shows.
    header = HeaderReading("instagram", Poster("username", "citra_januar_id"), "35m", ())
    lowered = check_lost_mark(image, engine, header, [_match("citra_januar_id.")], box)
    assert lowered == [_match("citra_januar_id.")]  # a mark at the end: not this check's
    twin = [_match("citra_januar_i_d")]
    lowered = check_lost_mark(image, engine, header, twin, box)
    assert lowered[0].confidence == MARK_ABSENT
    assert lowered[0].evidence[-1] == why.HANDLE_MARK_ABSENT.format(
        handle="citra_januar_id", roster="citra_januar_i_d"
    )


def test_a_dot_no_reader_sees_is_counted_on_the_baseline() -> None:
    """ "rahmat.lubis70": every reader, at any size, reads "rahmatlubis70"; the dot stands on
    the letters' baseline, and "rahmatlubis70" has none."""
    from ocr.image_input import load_screenshot
    from ocr.left_out import baseline_dots
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    for shown, dots in [("rahmat.lubis70", 1), ("rahmatlubis70", 0)]:
        spec = dataclasses.replace(STORIES["governor_hashtag"], poster=shown)
        image = load_screenshot(render_story(spec)).image
        line = next(x for x in engine.read(image) if x.text.startswith("rahmat"))
        found = baseline_dots(image, (line.left, line.top, line.right, line.bottom))
        assert (found >= 1) == (dots == 1), (shown, line.text, found)
