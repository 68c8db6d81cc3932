"""A handle one dot or underscore short of a rostered one is looked at again, enlarged,
before it names anyone: a citizen's twin account ("sitiaminah88" beside the roster's
"siti.aminah88") is not flagged, and a mark the first reading lost is found again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from netra.mark_check import (
    DOTS_SEEN,
    MARK_ABSENT,
    NEAR_READ_AGAIN,
    _reads_as,
    check_lost_mark,
)
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


def test_a_handle_one_letter_off_read_whole_again_enlarged_is_raised_to_a_flag() -> None:
    """ "abdhanaf" read for "abdhanafi" (blindgen 213: the thin "i" lost before the age) is
    one letter off a rostered handle, a lead for review. The header line read again,
    enlarged, reads the rostered handle whole: a flag's worth. A roster handle one letter
    longer than what the line shows ("citra_januar_idn") stays the lead it was."""
    engine = make_engine("ppocr")
    image, _label = _rebuilt(9139, 7, "citra_januar_id")
    box = _header_box(image, engine, "citra")
    header = HeaderReading("instagram", Poster("username", "citra_januar_i"), "35m", ())
    near = dataclasses.replace(_match("citra_januar_id"), confidence=0.55, method="instagram-near")
    raised = check_lost_mark(image, engine, header, [near], box)
    assert raised[0].confidence == NEAR_READ_AGAIN
    assert raised[0].evidence[-1] == why.HANDLE_READ_AGAIN.format(
        handle="citra_januar_i", roster="citra_januar_id"
    )
    header = HeaderReading("instagram", Poster("username", "citra_januar_id"), "35m", ())
    twin = dataclasses.replace(near, entry=_match("citra_januar_idn").entry)
    assert check_lost_mark(image, engine, header, [twin], box) == [twin]


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


def test_a_twin_whose_other_dot_was_read_as_a_gap_again_is_still_read_as_first(
    tmp_path: Path,
) -> None:
    """A citizen's "rahmat.dongoran9" beside a teacher's rostered "rahmat.dongoran_9" (ours
    9251 0012), backing pair 4: read again enlarged, "rahmat dongoran9", its dot a gap. That
    is the handle as first read, the underscore still absent, though not letter for letter:
    it was taken for a line read otherwise, the match stood, and the citizen was flagged."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9251, 12, "rahmat.dongoran9", tmp_path)
    assert label["category"] == "nonasn_support" and "twin_account" in label["noise"], label
    assert not v.flagged and v.kind == "review", v.reasons
    assert any("dibaca ulang diperbesar" in r for r in v.reasons), v.reasons


def test_a_dot_no_reader_sees_is_found_on_the_baseline_where_the_handle_puts_it() -> None:
    """ "rahmat.lubis70": every reader, at any size, reads "rahmatlubis70"; its dot, run
    into the "t"'s hook, stands on the letters' baseline where the handle puts it. Neither
    "rahmatlubis70" nor an underscore ("rahmat_lubis70") shows one, in any header font."""
    from ocr.handle_marks import dots_in_place
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    # A song's line under the handle ("♫ Sheila On 7 · Dan", its tops inside the handle's box:
    # ours 9201) is no part of the handle's line.
    fonts = [("roboto", ""), ("lato", ""), ("dejavu", ""), ("roboto", "♫ Sheila On 7 · Dan")]
    for font, song in fonts:
        for shown, seen in [("rahmat.lubis70", True), ("rahmatlubis70", False),
                            ("rahmat_lubis70", False)]:  # fmt: skip
            spec = dataclasses.replace(
                STORIES["governor_hashtag"], poster=shown, header_font=font, subline=song
            )
            image = load_screenshot(render_story(spec)).image
            line = next(x for x in engine.read(image) if x.text.startswith("rahmat"))
            box = (line.left, line.top, line.right, line.bottom)
            assert dots_in_place(image, box, "rahmat.lubis70") == seen, (shown, font, line.text)


def test_a_dot_is_found_on_a_line_of_few_tall_letters_in_a_roomy_box() -> None:
    """ "siti.saputra 1m" over gravel (ours 9203 0290), read "sitisaputra" in a box twice as
    tall as its letters: of its blobs only the "p" was tall, and its foot, below the line's,
    was taken for the baseline, so the dot stood nowhere. The letters' own feet place it; it
    stands after "siti", not after "sitisa"."""
    from ocr.handle_marks import dots_in_place

    image, _label = _rebuilt(9203, 290, "siti.saputra")
    box = _header_box(image, make_engine("ppocr"), "siti")
    assert dots_in_place(image, box, "siti.saputra")
    assert not dots_in_place(image, box, "sitisa.putra")


def test_a_lost_mark_no_line_can_show_again_leaves_a_lead_for_review() -> None:
    """A handle read only by a later reading (a framed story over a pale photo): no line of
    the screenshot spells it, so its underscore cannot be looked for. Unseen, it is a lead."""
    from PIL import Image

    header = HeaderReading("instagram", Poster("username", "citrajanuar_id"), "35m", ())
    blank = Image.new("RGB", (720, 1280), (240, 240, 240))
    lowered = check_lost_mark(
        blank, make_engine("ppocr"), header, [_match("citra_januar_id")], None
    )
    assert lowered[0].confidence == MARK_ABSENT


def test_dots_on_the_name_line_confirm_a_handle_read_with_underscores_for_them() -> None:
    """ "togar.santoso" read "togar santoso", its gap taken for an underscore: the roster's
    "togar.santoso" differs by its mark, a lead at most. The dot standing on the line's
    baseline says it was a dot; a twin "togar_santoso" shows none and stays a lead."""
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    header = HeaderReading("instagram", Poster("username", "togar_santoso"), "21j", ())
    similar = dataclasses.replace(
        _match("togar.santoso"), confidence=0.6, method="instagram-similar"
    )
    for shown, raised in [("togar.santoso", True), ("togar_santoso", False)]:
        spec = dataclasses.replace(STORIES["governor_hashtag"], poster=shown)
        image = load_screenshot(render_story(spec)).image
        lines = engine.read(image)
        box = _header_box(image, engine, "togar")
        found = check_lost_mark(image, engine, header, [similar], box, lines)
        assert (found[0].confidence == DOTS_SEEN) == raised, (shown, found[0].evidence)
        # Read only by a later reading (no line of the first spells it): its header band is
        # read again, enlarged, and the dot looked for there.
        found = check_lost_mark(image, engine, header, [similar], box, ())
        assert (found[0].confidence == DOTS_SEEN) == raised, (shown, "enlarged")


def test_a_mark_after_the_handles_last_letter_is_seen_where_readers_drop_it() -> None:
    """ "ardisantoso_" and "ardisantoso.", read "ardisantoso" (the header's cleaning strips
    a stray mark at a handle's ends): the mark stands after the last letter, low on the line,
    in every header font, over a plain colour and a photo; the handle without it shows none
    (the story's age after the gap is not looked at)."""
    from ocr.handle_marks import trailing_mark
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    for font in ("roboto", "lato", "dejavu"):
        for background in ("solid", "photo"):
            for shown, marked in [("ardisantoso", False), ("ardisantoso_", True),
                                  ("ardisantoso.", True)]:  # fmt: skip
                spec = dataclasses.replace(
                    STORIES["governor_hashtag"], poster=shown, header_font=font,
                    background=background,
                )  # fmt: skip
                image = load_screenshot(render_story(spec)).image
                box = _header_box(image, engine, "ardis")
                assert trailing_mark(image, box) == marked, (shown, font, background)


def test_an_underscore_every_reader_loses_is_seen_under_its_line() -> None:
    """ "eka_84" and "agus_yogi" (its tails of "g" and "y" under the foot), read without their
    underscore: the bar stands under the letters' foot where the handle puts it, in every
    header font, over a plain colour and a photo; their twins without it show none."""
    from ocr.handle_marks import underscores_in_place
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    for handle in ("eka_84", "agus_yogi"):
        for font in ("roboto", "lato", "dejavu"):
            for background in ("solid", "photo"):
                for shown in (handle, handle.replace("_", "")):
                    spec = dataclasses.replace(
                        STORIES["governor_hashtag"], poster=shown, header_font=font,
                        background=background,
                    )  # fmt: skip
                    image = load_screenshot(render_story(spec)).image
                    box = _header_box(image, engine, handle[:3])
                    seen = underscores_in_place(image, box, handle)
                    assert seen == (shown == handle), (shown, font, background)


def test_a_lost_underscore_seen_on_the_line_keeps_the_flag_and_a_twins_line_does_not(
    tmp_path: Path,
) -> None:
    """ "eka_84 43 m" over a wooden photo, read "eka8443m" and "eka84" enlarged (ours 9261
    0115, backing pair 1): the underscore is lost by every reading, and the match was lowered
    to review as a possible twin. The bar under the line shows it: flagged. A twin "eka84"
    in its place stays a lead for review."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9261, 115, "eka_84", tmp_path)
    assert_flagged_as_labelled(v, label, 1)
    twin, _label = _scan_ours(9261, 115, "eka_84", tmp_path, "eka84")
    assert twin.kind == "review" and twin.asn is not None, twin.reasons
    assert twin.asn.confidence <= MARK_ABSENT


def test_a_twin_account_with_a_mark_at_its_end_is_not_flagged(scan: Scan) -> None:
    """A citizen's "budisantoso91_" beside the roster's "budisantoso91", backing a pair, is
    not flagged as the roster's analyst (however the mark is read); the rostered handle is."""
    v = scan(dataclasses.replace(NON_ASN, poster="budisantoso91_"))
    assert v.candidate == 1, v.text
    assert not v.flagged, v.reasons
    rostered = scan(dataclasses.replace(NON_ASN, poster="budisantoso91"))
    assert rostered.flagged and rostered.asn is not None, rostered.reasons
    assert rostered.asn.entry.instagram == "budisantoso91"


def test_a_twin_with_a_mark_at_its_end_in_a_story_shared_into_a_chat_is_a_lead(
    tmp_path: Path,
) -> None:
    """ "agus__sara_", a citizen's twin of the roster's "agus__sara", in small pale letters on
    a story forwarded into a WhatsApp group (ours 9259 0283): only the story's enlarged
    reading read the handle ("agus_sara"), so no line of the first reading showed where to
    look for the mark after it, and the citizen was flagged. The enlarged reading's lines,
    placed in the screenshot, show it: a lead for review. The rostered handle in its place
    is still flagged."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9259, 283, "agus__sara_", tmp_path)
    assert "twin_account" in label["noise"] and "chat" in label["noise"]
    assert v.candidate == 3 and not v.flagged, v.reasons
    assert v.kind == "review" and v.asn is not None and v.asn.confidence <= MARK_ABSENT
    rostered, _label = _scan_ours(9259, 283, "agus__sara_", tmp_path, "agus__sara")
    assert rostered.flagged and rostered.asn is not None, rostered.reasons
    assert rostered.asn.entry.instagram == "agus__sara"


def test_a_twin_read_again_with_a_thin_letter_lost_too_is_still_read_as_first(
    tmp_path: Path,
) -> None:
    """A citizen's "zahrarahmawati83" beside the roster's "zahrarahmawati_83" (ours 9263
    0136): the header line read again enlarged read "zahrarahmawat83", its thin "i" lost as
    well, so it did not count as read as first and the twin was flagged. A thin letter lost
    is still the line as first read, its underscore absent: a lead for review. The rostered
    handle in its place is still flagged."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9263, 136, "zahrarahmawati83", tmp_path)
    assert "twin_account" in label["noise"] and not label["should_flag"]
    assert v.candidate == 1 and not v.flagged, v.reasons
    assert v.kind == "review" and v.asn is not None and v.asn.confidence <= MARK_ABSENT
    rostered, _label = _scan_ours(9263, 136, "zahrarahmawati83", tmp_path, "zahrarahmawati_83")
    assert rostered.flagged and rostered.asn is not None, rostered.reasons
    assert rostered.asn.entry.instagram == "zahrarahmawati_83"


def test_a_handle_read_as_the_rostered_one_with_a_mark_after_it_is_a_lead() -> None:
    """Read "budisantoso91" (the mark lost, or stripped as a stray), matched exactly: the mark
    after its last letter on the line lowers the match to a lead for review, with the
    reason; the same handle without one keeps its match."""
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    header = HeaderReading("instagram", Poster("username", "budisantoso91"), "5j", ())
    exact = dataclasses.replace(_match("budisantoso91"), confidence=0.99, method="instagram-exact")
    for shown, lowered in [("budisantoso91_", True), ("budisantoso91.", True),
                           ("budisantoso91", False)]:  # fmt: skip
        spec = dataclasses.replace(STORIES["governor_hashtag"], poster=shown)
        image = load_screenshot(render_story(spec)).image
        lines = engine.read(image)
        found = check_lost_mark(image, engine, header, [exact], None, lines)
        assert (found[0].confidence == MARK_ABSENT) == lowered, (shown, found[0].evidence)
        if lowered:
            assert found[0].evidence[-1] == why.HANDLE_MARK_AFTER.format(
                handle="budisantoso91", roster="budisantoso91"
            )


def test_a_mark_read_after_the_handle_lowers_its_rostered_twins_match() -> None:
    """ "firmansyah.anggun." (a twin's account, white letters outlined on a white photo)
    read with its dot by a later reading: the roster's "firmansyah.anggun" is offered for
    review, not flagged. The same handle read with its age after it stands."""
    from PIL import Image

    from ocr.engine import OcrLine

    image = Image.new("RGB", (720, 1280), (240, 240, 240))
    header = HeaderReading("instagram", Poster("username", "firmansyah.anggun"), None, ())
    exact = dataclasses.replace(_match("firmansyah.anggun"), method="instagram-exact")
    twin = [OcrLine("firmansyah.anggun.", 107, 93, 328, 120, 0.93)]
    lowered = check_lost_mark(image, make_engine("ppocr"), header, [exact], None, twin)
    assert lowered[0].confidence == MARK_ABSENT
    assert lowered[0].evidence[-1] == why.HANDLE_MARK_AFTER.format(
        handle="firmansyah.anggun", roster="firmansyah.anggun"
    )
    aged = [OcrLine("firmansyah.anggun 7j", 107, 93, 358, 120, 0.93)]
    assert check_lost_mark(image, make_engine("ppocr"), header, [exact], None, aged) == [exact]


def test_an_age_run_into_a_handle_ending_in_digits_does_not_spell_the_rostered_one() -> None:
    """ "ariyadi_6726m" (blindgen 219: a citizen's "ariyadi_672" aged 6m) reads the roster's
    "ariyadi_67" aged 26m just as well: the line does not say where the handle ends, so the
    near match is not raised. With a gap before the age it does say so."""
    assert not _reads_as("ariyadi_6726m", "ariyadi_67")
    assert _reads_as("ariyadi_67 26m", "ariyadi_67")
    assert not _reads_as("ariyadi_672 6m", "ariyadi_67")
    assert _reads_as("abdhanafi3j", "abdhanafi")  # a handle ending in a letter ends there


def test_white_letters_over_a_mottled_dark_patch_show_no_mark_after_them(tmp_path: Path) -> None:
    """ "dinsos.poltak" in white over a woman's hair, in a gallery viewer: the hair's light
    specks outnumbered the letters in the line's middle rows, so the dark was taken for the
    letters and the hair's lower edge for an underscore after the handle; the rostered
    account's campaign went to review as a possible twin (ours 9237 0270)."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9237, 270, "dinsos.poltak", tmp_path)
    assert label["frame"] == "gallery" and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_thin_underscore_read_as_a_dot_names_the_rostered_handle_and_a_twins_dot_does_not(
    tmp_path: Path,
) -> None:
    """ "rahmathidayat_86" in a thin font, read "rahmathidayat.8620m" by the first reading and
    with its underscore by every later one (blindgen 285 0231, backing pair 2): the first,
    sure reading stood, "another account" than the roster's, and the story ended `clear`.
    No dot stands on the line where the first reading put one: the rostered handle is
    flagged. A citizen's "rahmathidayat.86" beside it, its dot on the line and read by
    every reading, is another account, as before."""
    from tests.netra.test_hidden_and_small import _blind

    v, label = _blind(285, 231, tmp_path, "rahmathidayat_86")
    assert label["should_flag"] and "thin_font" in label["noise"], label
    assert v.flagged and v.asn is not None and v.asn.entry.nip == label["nip"], v.reasons
    assert v.candidate == 2, v.reasons
    twin, _label = _blind(285, 231, tmp_path, "rahmathidayat.86")
    assert not twin.flagged and twin.candidate == 2, twin.reasons
    assert twin.asn is None or twin.asn.entry.nip != label["nip"], twin.reasons


def test_a_twins_dot_on_the_line_keeps_a_later_reading_of_an_underscore_a_lead() -> None:
    """Were a later reading to read a citizen's "rahmathidayat.86" as the roster's
    "rahmathidayat_86", the dot standing on the line where the first reading put it keeps
    the near match the lead for review it was; on the rostered handle's own line, no dot
    stands there, and the match is raised to a flag's worth."""
    from bench.blindgen.render import render_scene
    from bench.blindgen.scenes import allocate, plan
    from bench.blindgen.world import build_world
    from ocr.engine import OcrLine
    from ocr.image_input import load_screenshot

    engine = make_engine("ppocr")
    world = build_world(285)
    scene = plan(world, 230, allocate(300, 285)[230])
    header = HeaderReading("instagram", Poster("username", "rahmathidayat.86"), "20m", ())
    near = dataclasses.replace(
        _match("rahmathidayat_86"), confidence=0.6, method="instagram-similar"
    )
    for shown, raised in [("rahmathidayat.86", False), ("rahmathidayat_86", True)]:
        data, _label = render_scene(dataclasses.replace(scene, poster_text=shown), world)
        image = load_screenshot(data).image
        box = _header_box(image, engine, "rahmathidayat")
        later = OcrLine("rahmathidayat_86 20m", box[0], box[1], box[2], box[3], 0.98)
        found = check_lost_mark(image, engine, header, [near], box, [later])
        assert (found[0].confidence == DOTS_SEEN) == raised, (shown, found[0].evidence)


def test_a_dot_is_found_on_white_letters_over_a_pale_face() -> None:
    """ "janet.dpmptsp" white over a forehead (ours 9265 0296), read with a gap and then
    without its dot: one threshold on grey took the pale skin for ink with the letters, and
    the dot stood nowhere, so the teacher's story backing pair 4 went to review. Lifted off
    the photo behind them, the letters show it; the twins without it, in its place, show
    none."""
    from ocr.handle_marks import dots_in_place

    engine = make_engine("ppocr")
    for shown in ("janet.dpmptsp", "janetdpmptsp", "janet_dpmptsp"):
        image, label = _rebuilt(9265, 296, "janet.dpmptsp", shown)
        assert "pale_header" in label["noise"]
        box = _header_box(image, engine, "janet")
        assert dots_in_place(image, box, "janet.dpmptsp") == (shown == "janet.dpmptsp"), shown


def test_a_dotted_handle_over_a_pale_face_is_flagged_and_its_twin_is_a_lead(
    tmp_path: Path,
) -> None:
    """The story itself (ours 9265 0296, backing pair 4): flagged once the dot is seen; a
    twin "janetdpmptsp" in its place stays a lead for review."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9265, 296, "janet.dpmptsp", tmp_path)
    assert_flagged_as_labelled(v, label, 4)
    twin, _label = _scan_ours(9265, 296, "janet.dpmptsp", tmp_path, "janetdpmptsp")
    assert not twin.flagged and twin.asn is not None, twin.reasons
    assert twin.asn.confidence <= MARK_ABSENT


def test_a_twin_read_a_letter_off_and_without_the_rostered_handles_mark_is_a_lead(
    tmp_path: Path,
) -> None:
    """A citizen's "yuni.rangkuti4" over a pale photo in a gallery viewer, read
    "uni.rangkuti4": one letter off the roster's "yuni.rangkuti_4", and without its
    underscore. Two slips were a flag (ours 9267 0171); with no bar on the line where the
    rostered handle puts it, the story goes to review, the teacher offered."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9267, 171, "yuni.rangkuti4", tmp_path)
    assert label["category"] == "nonasn_support"
    assert v.kind == "review" and v.asn is not None, v.reasons
    assert v.asn.entry.instagram == "yuni.rangkuti_4" and v.asn.confidence <= MARK_ABSENT


def test_a_double_underscore_draws_one_bar() -> None:
    """ "maria__journey": its two underscores are one bar under the line, where they stand;
    a twin "mariajourney" shows none."""
    from ocr.handle_marks import underscores_in_place
    from ocr.image_input import load_screenshot
    from tests.netra.test_elections import STORIES
    from tests.synth import render_story

    engine = make_engine("ppocr")
    for shown in ("maria__journey", "mariajourney"):
        spec = dataclasses.replace(STORIES["governor_hashtag"], poster=shown)
        image = load_screenshot(render_story(spec)).image
        box = _header_box(image, engine, "maria")
        assert underscores_in_place(image, box, "maria__journey") == (shown != "mariajourney")


def test_a_twin_read_without_two_of_the_rostered_handles_marks_is_a_lead(
    tmp_path: Path,
) -> None:
    """A citizen's "andi.mandala6" read "andimandala6": both marks of the roster's
    "andi.mandala.6" lost, its letters all there. No one mark was lost, so no look was
    asked for, and the twin was flagged (ours 9273 0183). The rostered handle's dots must
    stand on the line: the twin's story goes to review, the teacher offered."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9273, 183, "andi.mandala6", tmp_path)
    assert label["category"] == "nonasn_support"
    assert v.kind == "review" and v.asn is not None, v.reasons
    assert v.asn.entry.instagram == "andi.mandala.6" and v.asn.confidence <= MARK_ABSENT
    own, _label = _scan_ours(9273, 183, "andi.mandala6", tmp_path, "andi.mandala.6")
    assert own.flagged, own.reasons  # the teacher's own story, in the same picture


@pytest.mark.parametrize(
    ("index", "twin", "handle"),
    [(251, "darmajilubis76", "darmajilubis_76"), (24, "sman2.fajar_", "sman2.fajar")],
)
def test_a_twin_over_a_pale_photo_is_a_lead(
    index: int, twin: str, handle: str, tmp_path: Path
) -> None:
    """Two citizens' twins in white over a pale photo (ours 9273), both flagged before.
    "darmajilubis76" beside the roster's "darmajilubis_76": no bar under the line, and the
    line read again enlarged read nothing, which was taken as "not read as first"; with no
    bar seen and nothing read again, it is a lead (0251). "sman2.fajar_" beside
    "sman2.fajar", its letters shadowed, read "sman2.fajar": the underscore's shadow is one
    full row with a few specks beside it, which filled too little of its box to count as a
    bar; its fullest row spans it (0024). Each twin's story goes to review; the rostered
    handle in its place is still flagged."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9273, index, twin, tmp_path)
    assert label["category"] == "nonasn_support" and "pale_header" in label["noise"]
    assert v.kind == "review" and v.asn is not None, v.reasons
    assert v.asn.entry.instagram == handle and v.asn.confidence <= MARK_ABSENT
    own, _label = _scan_ours(9273, index, twin, tmp_path, handle)
    assert own.flagged, own.reasons


def test_a_photos_line_running_down_from_under_a_handle_is_no_mark(tmp_path: Path) -> None:
    """ "ani.1971 20 m" over bricks: a mortar line runs down from under the handle's last
    "1", and its top, cut at the line's lowest row, was taken for a mark after the handle;
    the teacher's story went to review as a possible twin's (ours 9275 0016). A mark ends
    under the line; what runs on down is the photo: flagged."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9275, 16, "ani.1971", tmp_path)
    assert label["should_flag"] and label["poster"]["shown"] == "ani.1971"
    assert_flagged_as_labelled(v, label, 3)


def test_a_twin_without_the_rostered_handles_leading_underscore_is_a_lead(
    tmp_path: Path,
) -> None:
    """Every reader loses the underscore a handle opens with: the roster's "_puti1992" is
    read "puti1992" (ours 9221 0061), as a citizen's twin "puti1992" would be, and both
    were flagged. The bar must stand at the line's start: the teacher's story keeps its
    flag, the twin's is a lead. Over a photo the bar is lifted off it (ours 9269 0251,
    "_susi1979" white over green)."""
    from tests.netra.test_reader import _scan_ours

    for seed, index, handle in ((9221, 61, "_puti1992"), (9269, 251, "_susi1979")):
        own, label = _scan_ours(seed, index, handle, tmp_path)
        assert label["should_flag"] and own.flagged, own.reasons
        assert own.asn is not None and own.asn.entry.instagram == handle
        twin, _label = _scan_ours(seed, index, handle, tmp_path, handle[1:])
        assert twin.kind == "review" and twin.asn is not None, twin.reasons
        assert twin.asn.entry.instagram == handle and twin.asn.confidence <= MARK_ABSENT


@pytest.mark.parametrize(
    ("seed", "index", "handle", "twin"),
    [(9273, 30, "firman_78", "_firman_78"), (9273, 40, "ismail81", "_ismail81"),
     (9275, 251, "rina.rina00", "rina.rina_00")],
)  # fmt: skip
def test_a_twin_with_an_underscore_the_rostered_handle_lacks_is_a_lead(
    seed: int, index: int, handle: str, twin: str, tmp_path: Path
) -> None:
    """A citizen's "_firman_78" beside the roster's "firman_78", "_ismail81" beside
    "ismail81", "rina.rina_00" beside "rina.rina00": the reader loses the underscore and
    reads the rostered handle exactly, and each twin was flagged (ours 9273 0030 and 0040,
    9275 0251, their posters changed). The line's bars are counted, lifted off the header's
    photo, the reader's box widened where it ends at a leading bar's middle: more than the
    rostered handle has, and the twin's story is a lead for review. The teachers' own
    stories keep their flags."""
    from tests.netra.test_reader import _scan_ours

    own, label = _scan_ours(seed, index, handle, tmp_path)
    assert label["should_flag"] and own.flagged, own.reasons
    other, _label = _scan_ours(seed, index, handle, tmp_path, twin)
    assert other.kind == "review" and other.asn is not None, other.reasons
    assert other.asn.entry.instagram == handle and other.asn.confidence <= MARK_ABSENT
    more = why.HANDLE_BAR_MORE.format(handle=handle, roster=handle)
    assert more in other.asn.evidence, other.asn.evidence


def test_the_feet_of_a_serifed_one_are_no_bar(tmp_path: Path) -> None:
    """ "budi.1995" in outlined white letters on a near-white photo (ours 9275 0296): the
    "1"'s serif has a foot either side of its stem, each too narrow for a bar, which were
    counted as one bar the handle lacks, and the teacher's story went to review as a
    twin's. Bars are counted only where each is wide on its own: flagged."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9275, 296, "budi.1995", tmp_path)
    assert label["poster"]["shown"] == "budi.1995" and label["should_flag"]
    assert_flagged_as_labelled(v, label)


def test_an_underscore_read_with_the_l_after_it_as_a_capital_j_is_the_mark(
    tmp_path: Path,
) -> None:
    """ "hendri_lubis" read "hendriJubis", first and enlarged (ours 9287 0118): the bar and
    the l's stem make a J, and a handle holds no capital. The mark was taken for lost, a
    twin's, and an ASN's campaign went to review; the J is the mark seen. A twin without the
    underscore reads no J, and stays a lead."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9287, 118, "hendri_lubis", tmp_path)
    assert label["should_flag"] and "pale_header" in label["noise"], label
    assert v.kind == "flagged" and v.asn is not None, v.reasons
    assert v.asn.entry.nip == label["nip"] and v.candidate == 2, v.reasons
    twin, _label = _scan_ours(9287, 118, "hendri_lubis", tmp_path, instead="hendrilubis")
    assert not twin.flagged, twin.reasons


@pytest.mark.parametrize(
    ("seed", "index", "twin", "rostered"),
    [
        # Small letters only, no tall one to stand the line on, and the bars' own bottom
        # taken for the letters' foot (ours 9287 0246, a false flag).
        (9287, 246, "_ni__sina", "ni__sina"),
        # White over a pale sky, the leading bar broken in two by the JPEG (ours 9285 0070,
        # a false flag).
        (9285, 70, "_hendramandala77", "hendramandala77"),
    ],
)
def test_a_twins_leading_underscore_is_seen_where_readers_lose_it(
    tmp_path: Path, seed: int, index: int, twin: str, rostered: str
) -> None:
    """A citizen's twin account with a leading underscore the rostered handle lacks, read
    without it: the bar stands on the line, and the story is a lead, the ASN offered. The
    rostered handle itself on the same story shows no such bar, and is flagged."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(seed, index, twin, tmp_path)
    assert label["category"] == "nonasn_support" and "twin_account" in label["noise"], label
    assert v.kind == "review" and v.asn is not None, v.reasons
    assert v.asn.entry.instagram == rostered and v.asn.confidence <= MARK_ABSENT, v.reasons
    own, _ = _scan_ours(seed, index, twin, tmp_path, instead=rostered)
    assert own.flagged and own.asn is not None and own.asn.entry.instagram == rostered, own.reasons
