"""Who posted, from readings of a header: what the roster confirms, what stands without it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from netra.header import (
    WEAK_MATCH,
    _age_read_apart,
    _age_was_the_handles,
    _split_by_gap,
    clearly_someone_else,
    guess_poster,
    match_reading,
)
from netra.header_agreement import read_alike_twice, settle_unmatched
from netra.header_guess import guess_alike, strip_guess
from netra.header_marks import other_punctuation, punctuation_lost
from ocr.engine import OcrLine
from rules.layout import read_layout
from rules.poster import HeaderReading, instagram_user_candidates, parse_header_text
from rules.roster_index import RosterIndex
from rules.types import AsnMatch, Poster, RosterEntry


def _readings(*texts: str, conf: float = 0.95) -> list[tuple[HeaderReading, list[str]]]:
    def one(text: str) -> tuple[HeaderReading, list[str]]:
        kind = "phone" if text.startswith("+62") else "username"
        return HeaderReading("instagram", Poster(kind, text), None, (), confidence=conf), [text]

    return [one(t) for t in texts]


def test_an_unmatched_poster_read_alike_by_two_variants_stands() -> None:
    reading, _, found = settle_unmatched(_readings("ia", "zeldamaulana", "zeldamaulana81"))
    assert found == [] and reading.poster is not None
    assert reading.poster.text.startswith("zeldamaulana")


def test_unmatched_scraps_that_disagree_make_the_header_unreadable() -> None:
    reading, _, _ = settle_unmatched(_readings("cogs", "os"))
    assert reading.poster is None
    assert any("tidak konsisten" in e for e in reading.evidence)
    assert settle_unmatched(_readings("os"))[0].poster is None
    # Variants of one blank patch agree on its scraps: "imam__prak", white on a white cup,
    # read "m_pk1" and "m_pk1" (ours 9225 0045) is still unread.
    assert settle_unmatched(_readings("m_pk1", "m_pk1", "pk1"))[0].poster is None
    assert settle_unmatched(_readings("ahmad", "ahmad"))[0].poster is not None


@pytest.mark.parametrize(
    ("platform", "first", "later", "agrees"),
    [
        # A volunteer's contact over a pale header, its time lost to every reading (blindgen
        # 281 0268): read letter for letter again, someone off the roster.
        ("whatsapp", "Relawan RUSFA Tombolo Pao", "Relawan RUSFA TomboloPao", True),
        ("instagram", "zelda_marb", "zelda_marb 5j", True),
        # What stands where a crop cut the header off is nobody (ours 9221 0300, 9215 0138).
        ("whatsapp", "Yesterday11:34AM", "Yesterday 11:34 AM", False),
        ("instagram", "original_audio", "Original audio", False),
        # A notification's app line no reading found as one (blindgen 279 0076), and its
        # message over a hidden header (ours 9237 0069), are no poster either.
        ("whatsapp", "Instagram", "Instagram", False),
        ("instagram", "siap_terima_kasih", "Siap,terima kasih", False),
    ],
)
def test_a_line_read_without_its_anchor_agrees_only_as_a_name(
    platform: str, first: str, later: str, agrees: bool
) -> None:
    kind = "username" if platform == "instagram" else "contact_name"
    earlier = HeaderReading(platform, Poster(kind, first), None, (), confidence=0.0)  # type: ignore[arg-type]
    unanchored = HeaderReading(platform, None, None, ())  # type: ignore[arg-type]
    line = OcrLine(later, 100, 90, 400, 120, 0.9)
    found = guess_alike([line], unanchored, [(earlier, [])])
    assert bool(found) == agrees, found
    if agrees:
        assert settle_unmatched([(earlier, []), *found])[0].poster is not None


def test_a_lone_well_formed_username_or_a_phone_stands() -> None:
    assert settle_unmatched(_readings("twacanasaputra88"))[0].poster is not None
    # Read unsurely, a lone handle may be a rostered one misread: the header is unread.
    unsure = settle_unmatched(_readings("nuttampuibobn.4", conf=0.76))[0]
    assert unsure.poster is None
    for order in (("+62 878-1652-2293", "kemarau08"), ("kemarau08", "+62 878-1652-2293")):
        poster = settle_unmatched(_readings(*order))[0].poster
        assert poster is not None and poster.kind == "phone"


def test_a_phone_number_read_clearly_and_on_no_roster_row_is_someone_else() -> None:
    """An unsaved number read sure and whole, not one digit from any roster number (those
    the roster matches as near): nobody on the roster; the header is not read again."""
    number = Poster("phone", "+62 853-5999-2408")
    reading = HeaderReading("whatsapp", number, "Hari ini 14.24", (), confidence=0.95)
    assert clearly_someone_else(reading, [])
    assert not clearly_someone_else(dataclasses.replace(reading, confidence=0.6), [])
    cut = dataclasses.replace(reading, poster=Poster("phone", "+62 853-59"))
    assert not clearly_someone_else(cut, [])  # a number cut short is no number yet


def test_a_legible_contact_name_only_a_namesake_shares_is_someone_else() -> None:
    """A contact name read sure whose nearest roster row shares only its surname is
    someone off the roster; a handle weakly near some row is not (a handle cut short over a
    pale photo is weakly near many, and read again it is read whole), nor a contact name
    near enough to be a misreading."""
    namesake = AsnMatch(RosterEntry("198109172021211260", "Andi Tampubolon"), 0.12, "name-single")
    contact = HeaderReading(
        "whatsapp", Poster("contact_name", "Dediy Tampubolon"), "Baru saja", (), confidence=0.97
    )
    assert clearly_someone_else(contact, [namesake], weak=WEAK_MATCH)
    assert not clearly_someone_else(contact, [namesake])  # only when asked
    near = dataclasses.replace(namesake, confidence=0.6)
    assert not clearly_someone_else(contact, [near], weak=WEAK_MATCH)
    cut = HeaderReading("instagram", Poster("username", "wan_real"), "22j", (), confidence=0.97)
    assert not clearly_someone_else(cut, [namesake], weak=WEAK_MATCH)


def test_a_poster_two_readings_read_letter_for_letter_is_legible() -> None:
    """Two readings agree to the letter on the poster the roster matched only as near: the
    last-resort opinion (for the faintest names) would read it the same. Not so for a
    contact saved under a roster unit, where a lost letter may still be found."""
    roster = RosterIndex(
        [RosterEntry("198501012010012001", "Siti Aminah", unit_kerja="BPKAD Kota Contoh")]
    )
    handle = Poster("username", "mahendra36")
    assert read_alike_twice(handle, [handle, Poster("username", "mahendra36")], roster)
    assert not read_alike_twice(handle, [handle, Poster("username", "mahendraao")], roster)
    saved = Poster("contact_name", "Bu Sit BPKAD")
    assert not read_alike_twice(saved, [saved, saved], roster)


def test_a_contact_name_that_can_only_be_a_handle_is_looked_up_as_one() -> None:
    """A gallery viewer's date line read as WhatsApp's age puts an Instagram handle where a
    contact name would be: the roster's handles decide, and the platform follows."""
    roster = RosterIndex(
        [
            RosterEntry("199201242013042527", "Oktavia Rangkuti, S.Pd.", instagram="oktavia.1992"),
            RosterEntry("196711231991032180", "Oktavia", unit_kerja="Dinas Sosial"),
        ]
    )
    reading = HeaderReading("whatsapp", Poster("contact_name", "oktavia.1992"), "14 Nov", ())
    found, matches = match_reading(reading, roster, 5)
    assert found.poster == Poster("username", "oktavia.1992") and found.platform == "instagram"
    assert matches[0].entry.nip == "199201242013042527" and matches[0].confidence >= 0.9
    saved = HeaderReading("whatsapp", Poster("contact_name", "Bu Oktavia Dinsos"), "Kemarin", ())
    assert match_reading(saved, roster, 5)[0].poster == saved.poster  # a name stays a name


def test_a_bare_number_taken_for_the_age_may_be_the_handles_own_digits() -> None:
    """ "yulia.saragih 2" of "yulia.saragih_2 7 j": the underscore read as a space and the
    age lost, the 2 looks like the age; the roster knows the handle with it, and that wins
    over the name without it (which only resembles her full name)."""
    roster = RosterIndex(
        [
            RosterEntry("196906162024212322", "Yulia Saragih", instagram="yulia.saragih_2"),
            RosterEntry("197001012000012001", "Yulia Siregar", instagram="yulia.siregar"),
        ]
    )
    reading = parse_header_text(["yulia.saragih 2", "DOAKAN PAK SOF"], footer_text="Kirim pesan")
    assert reading.poster == Poster("username", "yulia.saragih")
    found, matches = match_reading(reading, roster, 5)
    assert found.poster == Poster("username", "yulia.saragih_2")
    assert matches[0].entry.nip == "196906162024212322" and matches[0].confidence >= 0.9
    # An age with its unit is an age: no other spelling is offered.
    assert parse_header_text(["yulia.saragih 2 j"]).alternatives == ()


def test_an_age_run_into_the_handle_with_its_unit_lost_is_the_rostered_handle() -> None:
    """ "andi.chaniago_144" of "andi.chaniago_1 44 m", the space and the "m" lost: with no
    age read, the last digits may be the age; the rostered handle they leave is the poster,
    saying so, for review (the digits may be the handle's own: "christinawattimena2" is not
    "christinawattimena"). The handle as read wins when the roster has it, and a handle
    read with its age keeps its digits."""
    andi = RosterEntry("197210102001101206", "Andi Chaniago", instagram="andi.chaniago_1")
    roster = RosterIndex([andi])
    reading = HeaderReading("instagram", Poster("username", "andi.chaniago_144"), None, ())
    found, matches = match_reading(reading, roster, 5)
    assert found.poster == Poster("username", "andi.chaniago_1")
    assert matches[0].entry.nip == andi.nip and 0.6 <= matches[0].confidence < 0.85
    assert any("andi.chaniago_144" in e for e in found.evidence)
    aged = dataclasses.replace(reading, seen="5 j")
    assert match_reading(aged, roster, 5)[1][0].confidence < 0.8  # a near miss: review
    # Digits that leave only a handle near a rostered one are no lead of their own.
    garbled = HeaderReading("instagram", Poster("username", "ndi.chaniag15"), None, ())
    found, _ = match_reading(garbled, roster, 5)
    assert found.poster == garbled.poster and not any("@" in e for e in found.evidence)
    own = RosterEntry("197210102001101207", "Andi C", instagram="andi.chaniago_144")
    found, matches = match_reading(reading, RosterIndex([andi, own]), 5)
    assert found.poster == reading.poster and matches[0].entry.nip == own.nip


def test_a_later_reading_of_the_age_apart_gives_the_handle_its_digits_back() -> None:
    """ "christinawattimena2", its pale "24 m" unread: the roster's "christinawattimena" was
    a lead only while the "2" might be the age. A later reading of "christinawattimena2 24m"
    settles it: the digit is the handle's own. A later reading of another handle does not."""
    first = HeaderReading("instagram", Poster("username", "christinawattimena2"), None, ())
    glued = dataclasses.replace(first, poster=Poster("username", "christinawattimena"))
    later = dataclasses.replace(first, seen="24m")
    assert _age_was_the_handles(first, later, glued)
    assert not _age_was_the_handles(first, dataclasses.replace(first, seen=None), glued)
    other = dataclasses.replace(later, poster=Poster("username", "christinawattimena"))
    assert not _age_was_the_handles(first, other, glued)
    assert not _age_was_the_handles(first, later, first)  # the handle as read: no question


def test_a_handle_run_into_its_age_split_to_fit_the_roster_is_only_a_lead() -> None:
    """ "veronika_haning23j": read first as "veronika_haning2" + "3j", also as
    "veronika_haning" + "23j", which the roster has. Which digit is the handle's the reading
    cannot tell: the rostered one is a lead for review, not a flag, until a later reading
    reads "veronika_haning2 3 j" apart (it is then another account)."""
    own = RosterEntry("199301192023212926", "Veronika Haning", instagram="veronika_haning")
    roster = RosterIndex([own])
    splits = instagram_user_candidates("veronika_haning23j", strict=True)
    assert splits[:2] == [("veronika_haning2", "3j"), ("veronika_haning", "23j")]
    others = tuple(Poster("username", user) for user, _age in splits[1:])
    glued = HeaderReading("instagram", Poster("username", splits[0][0]), "3j", (), others)
    found, matches = match_reading(glued, roster, 5)
    assert found.poster == Poster("username", "veronika_haning")
    assert matches[0].entry.nip == own.nip and 0.6 <= matches[0].confidence < 0.85
    apart = parse_header_text(["veronika_haning2 3 j"])
    assert _age_was_the_handles(glued, apart, found)
    assert not _age_was_the_handles(glued, glued, found)  # read glued again: still a lead
    # The handle read as the roster has it, its age apart, is no question.
    plain = parse_header_text(["veronika_haning 23 j"])
    assert match_reading(plain, roster, 5)[1][0].confidence >= 0.95


def test_a_near_handle_split_from_its_age_stays_a_lead_for_review() -> None:
    """ "kurmiawan912" of "kurniawan91" + "2 3m" over a pale photo: split so, the handle is
    one letter off the roster's, a lead. The doubt about the digits keeps a lead below a
    flag; it does not push it below review (it had made it 0.44, and the story `clear`)."""
    from rules.verdict import Thresholds

    own = RosterEntry("198309262007041423", "Kurniawan Ramadhan", instagram="kurniawan91")
    roster = RosterIndex([own])
    splits = instagram_user_candidates("kurmiawan9123m", strict=True)
    others = tuple(Poster("username", user) for user, _age in splits[1:])
    glued = HeaderReading("instagram", Poster("username", splits[0][0]), splits[0][1], (), others)
    found, matches = match_reading(glued, roster, 5)
    assert matches and matches[0].entry.nip == own.nip, (splits, found)
    limits = Thresholds()
    assert limits.asn_review <= matches[0].confidence < limits.asn_flag


@pytest.mark.parametrize(
    ("age", "handle"),
    [
        ("3 j", "veronika_haning2"),
        ("23j", "veronika_haning"),
        ("23]", "veronika_haning"),
        ("231j", "veronika_haning"),
    ],
)
def test_the_age_read_right_of_the_gap_decides_which_digits_are_the_handles(
    age: str, handle: str
) -> None:
    """ "veronika_haning23j" read as one line: the age read alone, right of the gap between
    handle and age, says where the handle ends ("3 j": the roster's "veronika_haning" is
    another account; "23j", its "j" misread "]": it is the roster's, at full confidence)."""
    own = RosterEntry("199301192023212926", "Veronika Haning", instagram="veronika_haning")
    roster = RosterIndex([own])
    shorter = (Poster("username", "veronika_haning"),)
    glued = HeaderReading("instagram", Poster("username", "veronika_haning2"), "3j", (), shorter)
    best = match_reading(glued, roster, 5)
    found, matches = _split_by_gap(glued, best, age, roster, 5)
    assert found.poster == Poster("username", handle)
    exact = [m for m in matches if m.confidence >= 0.95]
    assert bool(exact) == (handle == "veronika_haning"), matches
    assert _split_by_gap(glued, best, None, roster, 5) == best  # no gap read: still a lead


def test_a_handle_run_into_its_age_by_a_later_reading_is_split_at_the_gap(tmp_path: Path) -> None:
    """ "mulyadi_mulyadi 48 m" white over a pale photo: the first reading read no header, a
    later one "mulyadi_mulyadi48m", taken as "mulyadi_mulyadi4" aged "8m", the rostered
    "mulyadi_mulyadi" only if the 4 was the age's. The gap the later reading's line shows is
    read there too, as for a first reading's: "48 m" stands right of it, and the ASN's
    campaign is flagged, not left a lead (ours 9241 0167)."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9241, 167, "mulyadi_mulyadi", tmp_path)
    assert "pale_header" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_an_age_read_apart_by_another_reading_confirms_the_digits_were_the_age() -> None:
    """ "latika_hutapea_official54" read with no unit: the rostered handle without the 54 is
    only a lead (the digits may be the handle's). Another reading that ends the handle
    before them and reads "54 m" apart settles it; "24 m" after a handle still ending in a
    digit, or another number, settles nothing."""

    def reading(text: str, seen: str | None) -> HeaderReading:
        return HeaderReading("instagram", Poster("username", text), seen, ())

    glued = reading("latika_hutapea_official54", None)
    best = reading("latika_hutapea_official", None)
    assert _age_read_apart(glued, best, reading("latika_hutopca_official", "54 m"))
    assert not _age_read_apart(glued, best, reading("latika_hutopca_official", "5 m"))
    assert not _age_read_apart(glued, best, reading("latika_hutapea_official5", "4 m"))
    christina = reading("christinawattimena2", None)
    shorter = reading("christinawattimena", None)
    assert not _age_read_apart(christina, shorter, reading("christinawattimena2", "24 m"))


def test_a_handle_whose_age_another_reading_read_apart_is_flagged(tmp_path: Path) -> None:
    """ "latika_hutapea_official 54 m" white over a pale photo: one later reading ran the age's
    number into the handle and lost its unit ("…official54"), another misread a letter
    ("hutopca") but read "54 m" apart. Together they say the handle is the roster's: the
    ASN's "GASSPOL 01" is flagged, not a lead (ours 9243 0005)."""
    from tests.netra.flags import assert_flagged_as_labelled
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9243, 5, "latika_hutapea_official", tmp_path)
    assert "pale_header" in label["noise"] and label["should_flag"], label
    assert_flagged_as_labelled(v, label)


def test_a_name_line_read_alone_keeps_digits_no_age_can_be() -> None:
    """ "budihastuti 61", its underscore lost and its age ("30 m") lost in the glare: 61 is
    no age in any unit, so it is the handle's own; the roster finds "budihastuti_61"."""
    roster = RosterIndex(
        [RosterEntry("197205172004121310", "Budi Hastuti, S.Pd.I.", instagram="budihastuti_61")]
    )
    blank = HeaderReading("instagram", None, None, ())
    reading, matches = match_reading(strip_guess("budihastuti 61", blank), roster, 5)
    assert reading.poster == Poster("username", "budihastuti_61")
    assert matches[0].confidence >= 0.9
    # A small number is still an age: "budihastuti 12" guesses "budihastuti".
    assert strip_guess("budihastuti 12", blank).poster == Poster("username", "budihastuti")


def test_a_name_line_read_alone_sheds_an_age_read_with_a_stray_dash() -> None:
    """ "tami tam_2 -1": the story's age read as "-1" beside the handle is no part of it."""
    roster = RosterIndex([RosterEntry("199406062020032667", "Tami", instagram="tami.tami_2")])
    blank = HeaderReading("instagram", None, None, ())
    reading, matches = match_reading(strip_guess("tami tam_2 -1", blank), roster, 5)
    assert reading.poster == Poster("username", "tamitam_2")
    assert matches and matches[0].entry.nip == "199406062020032667"


def test_a_handle_read_alone_with_its_dot_misread_and_its_age_unit_a_digit() -> None:
    """ "eko:frmansyoh93 17" and "(eko.5rmansyah93 17j": the dot read as a colon, the avatar
    ring as a bracket; "eko.hrmansyah93 171", the age's "j" read as a 1. Each is looked up
    as the handle it is, and finds the roster's "eko.firmansyah93" near (review)."""
    roster = RosterIndex(
        [RosterEntry("199305202019111027", "Eko Firmansyah", instagram="eko.firmansyah93")]
    )
    blank = HeaderReading("instagram", None, None, ())
    for text in ("eko:frmansyoh93 17", "(eko.5rmansyah93 17j", "eko.hrmansyah93 171"):
        reading, matches = match_reading(strip_guess(text, blank), roster, 5)
        assert matches and matches[0].entry.nip == "199305202019111027", (text, reading)
    # Two digits stay the handle's own: "rina 71" is never looked up as "rina" alone.
    for text in ("budihastuti 85", "rina 71"):
        assert len(strip_guess(text, blank).alternatives) == 1, text


def test_a_contact_saved_under_a_numbered_unit_keeps_its_number() -> None:
    """ "Pak Bambang SMA Negeri 4" read alone: the 4 could be an age, but with it the roster
    knows one Bambang; without it, a Bambang of another SMA would do as well."""
    roster = RosterIndex(
        [
            RosterEntry("196705221995071443", "Bambang Marbun, M.Pd.", unit_kerja="SMA Negeri 4"),
            RosterEntry("197708251996051602", "Bambang", unit_kerja="SMA Negeri 1"),
        ]
    )
    blank = HeaderReading("whatsapp", None, None, ())
    reading, matches = match_reading(strip_guess("Pak Bambang SMA Negeri 4", blank), roster, 5)
    assert reading.poster == Poster("contact_name", "Pak Bambang SMA Negeri 4")
    assert matches[0].entry.nip == "196705221995071443" and matches[0].confidence >= 0.8


def test_a_name_line_read_alone_that_names_nobody_near_is_no_guess() -> None:
    """A script name read alone, with no anchor, as "Opa lnduh": only a common first name
    resembles it, weakly, so it names nobody and the header stays unread (strong support then
    goes to review, not cleared as someone off the roster). A line the roster knows counts."""
    roster = RosterIndex(
        [
            RosterEntry(f"19781220201001273{i}", name)
            for i, name in enumerate(["Indah", "Indah Ismail", "Dra. Indah Harahap"])
        ]
    )
    blank = HeaderReading("whatsapp", None, None, ())
    assert guess_poster(["Opa lnduh", "Rnm Pmk.Opm Hidnh"], blank, roster, 5) is None
    found = guess_poster(["Opa lnduh", "Bu Indah Harahap"], blank, roster, 5)
    assert found is not None and found[1][0].entry.nama == "Dra. Indah Harahap"


def test_either_account_of_a_story_posted_together_is_its_poster() -> None:
    """An Instagram story two accounts posted together shows "budi.santoso dan rina_m": the
    rostered one of them is the poster (the words read as one handle named nobody)."""
    from tests.rules.test_layout import STATUS, line

    roster = RosterIndex(
        [RosterEntry("199107072016041005", "Rina Marbun", unit_kerja="Bappeda", instagram="rina_m")]
    )
    header = read_layout([*STATUS, line("budi.santoso dan rina_m 2j", 88, 99)], 720, 1280).header
    found, matches = match_reading(header, roster, 5)
    assert found.poster == Poster("username", "rina_m"), found
    assert matches[0].entry.nip == "199107072016041005" and matches[0].confidence >= 0.9
    # A handle with "_dan_" in it, read with its underscores, is one account.
    one = read_layout([*STATUS, line("rumah_dan_taman 2j", 88, 99)], 720, 1280).header
    assert one.poster == Poster("username", "rumah_dan_taman") and not one.alternatives


def test_a_clear_reading_with_an_underscore_more_is_not_the_rostered_handle() -> None:
    """ "eko.widodo_18j" read at 0.97 splits into "eko.widodo_" aged 18j: another account than
    the roster's "eko.widodo". A blurred re-reading, "eko.widedo", one slip from the rostered
    handle, must not make it the roster's, nor one that lost the underscore; the handle read
    as the roster has it still stands."""
    entry = RosterEntry("198608142018011016", "Eko Widodo", instagram="eko.widodo")
    near = [AsnMatch(entry, 0.85, "instagram-ocr")]
    first = HeaderReading(
        "instagram",
        Poster("username", "eko.widodo_1"),
        "8j",
        (),
        (Poster("username", "eko.widodo_"), Poster("username", "eko.widodo_18")),
        confidence=0.97,
    )
    assert other_punctuation(first, near)
    # nor a re-reading that lost the underscore and so reads the rostered handle exactly
    assert other_punctuation(first, [dataclasses.replace(near[0], method="instagram-exact")])
    assert not other_punctuation(dataclasses.replace(first, confidence=0.7), near)
    plain = dataclasses.replace(first, alternatives=(Poster("username", "eko.widodo"),))
    assert not other_punctuation(plain, near)
    # a first reading that lost a separator the roster's handle has says nothing against it
    lost = dataclasses.replace(first, poster=Poster("username", "ekowidodo"), alternatives=())
    assert not other_punctuation(lost, near)
    other = dataclasses.replace(first, poster=Poster("username", "eko_widodo"), alternatives=())
    assert other_punctuation(other, near)  # an underscore where the roster has a dot


def test_a_contact_name_read_short_later_does_not_replace_the_whole_one() -> None:
    """ "KakAzhar Kelurahan Karang Baru" read by one opinion (nobody on the roster), then
    "Kak Azhar kelurahan Karang" by another (blindgen 249 0118): read short, "Karang" began
    five kelurahan, one holding an Azhar, and a citizen's "pilih nomor 2!" was flagged as
    his. The short reading is the whole one with a word lost; a mark or a letter lost at the
    end, or another name, is not."""
    from netra.header_marks import words_lost

    earlier = [Poster("contact_name", "KakAzhar Kelurahan Karang Baru")]
    assert words_lost(earlier, Poster("contact_name", "Kak Azhar kelurahan Karang"))
    assert words_lost(earlier, Poster("contact_name", "Kak Azhar"))
    assert not words_lost(earlier, Poster("contact_name", "Kak Azhar Kelurahan Karang Baru"))
    assert not words_lost(earlier, Poster("contact_name", "Kak Azhar Kelurahan Karang Bar"))
    assert not words_lost(earlier, Poster("contact_name", "Kak Azmi Kelurahan Karang"))
    assert not words_lost(
        [Poster("contact_name", "Bu Rina SD 5 ~")], Poster("contact_name", "Bu Rina SD 5")
    )
    assert not words_lost(
        [Poster("username", "kak.azhar.karang")], Poster("contact_name", "Kak Azhar")
    )


def test_a_handle_read_short_later_does_not_replace_the_whole_one() -> None:
    """ "harahap.wardaya" read whole at first, "harahap.wa" by a later reading of the story
    shared in a chat (ours 9205 0092): the short one, near a rostered "harahap34", sent a
    citizen's story to review. A handle with its end lost is no new reading of it; one with
    an age read onto it, or a letter lost, or another handle is."""
    from netra.header_marks import words_lost

    earlier = [Poster("username", "harahap.wardaya")]
    assert words_lost(earlier, Poster("username", "harahap.wa"))
    assert not words_lost(earlier, Poster("username", "harahap.warday"))
    assert not words_lost(earlier, Poster("username", "harahap.wardaya"))
    assert not words_lost(earlier, Poster("username", "harahapwa"))
    assert not words_lost([Poster("username", "christina24m")], Poster("username", "christina"))
    assert not words_lost([Poster("username", "suharto424tm")], Poster("username", "suharto42"))


def test_a_later_reading_one_letter_off_a_rostered_handle_against_an_earlier_one() -> None:
    """A citizen's "waskita.pandu", read "waskita pandu" first and "waskita.panda" later,
    one letter off the roster's "waskita.panca" (ours 9213 0069, flagged): the readings
    disagree on its letters and only the later one nears the roster, so it does not replace
    the earlier. A later reading that agrees with the earlier, or an earlier one as near,
    or one garbled to another length, does not hold it back."""
    from netra.header_marks import letters_in_doubt

    panca = RosterEntry("198704152010051474", "Panca Prabawa Waskita", instagram="waskita.panca")
    later = HeaderReading("instagram", Poster("username", "waskita.panda"), "2j", ())
    found = (later, [AsnMatch(panca, 0.85, "instagram-ocr")])
    assert letters_in_doubt([Poster("username", "waskita pandu")], found)
    assert not letters_in_doubt([Poster("username", "waskita panda")], found)
    assert not letters_in_doubt([Poster("username", "waskita pancu")], found)
    assert not letters_in_doubt([Poster("username", "waskit pa")], found)
    exact = (later, [AsnMatch(panca, 0.99, "instagram-exact")])
    assert not letters_in_doubt([Poster("username", "waskita pandu")], exact)


def test_a_mark_another_reading_read_in_place_is_no_guess() -> None:
    """ "ahmad85 9j" read clearly first, "ahmad 85 9j" by the name strip: the gap joined as
    "_" is a guess, and must not make the roster's "ahmad_85" of it. Unless another reading
    of the story read "ahmad_85" itself, its underscore in place (ours 9161: the chat's
    enlarged story): readers drop marks, they do not add them."""
    first = HeaderReading("instagram", Poster("username", "ahmad85"), "9j", (), confidence=0.95)
    guessed = Poster("username", "ahmad_85")
    assert punctuation_lost(first, guessed)
    assert punctuation_lost(first, guessed, ("~Olga", "ahmad85 9j"))
    assert not punctuation_lost(first, guessed, ("~Olga", "ahmad_85", "PILIH NOMOR 2"))


def test_a_gap_the_first_reading_took_for_an_underscore_is_no_mark_lost() -> None:
    """ "intan.in tan 14j" read first (the letters set apart, taken for "intan.in_tan"), then
    "intan.intan 14j" by the name strip: no mark was read, so none is lost, and the rostered
    "intan.intan" stands (ours 9203). An underscore read as one stays one."""
    first = HeaderReading(
        "instagram", Poster("username", "intan.in_tan"), "14j", (), confidence=0.93
    )
    whole = Poster("username", "intan.intan")
    assert not punctuation_lost(first, whole, ("14.45", "intan.in tan 14j", "gaspol EFHU"))
    assert punctuation_lost(first, whole, ("14.45", "intan.in_tan 14j", "gaspol EFHU"))
    assert punctuation_lost(first, Poster("username", "intanin_tan"), ("intan.in tan 14j",))
    rostered = [
        AsnMatch(
            RosterEntry("199307182021032518", "Intan", instagram="intan.intan"),
            0.99,
            "instagram-exact",
            (),
        )
    ]
    assert not other_punctuation(first, rostered, ("intan.in tan 14j",))
    assert other_punctuation(first, rostered, ("intan.in_tan 14j",))


def test_a_handle_read_with_its_age_after_it_is_matched_as_read_to_its_end() -> None:
    """ "lamhot_journey 21j" (blindgen 225): the age read after the handle says its end was
    read, so the roster's "lamhot__journey35" is no peer of "lamhot__journey" and the
    poster is flagged; a bare number after it ("lamhot_journey 2") says no such thing."""
    roster = RosterIndex(
        [
            RosterEntry("199508242022211024", "Lamhot Ginting", instagram="lamhot__journey"),
            RosterEntry("199508242022211025", "Lamhot Damanik", instagram="lamhot__journey35"),
        ]
    )
    aged = HeaderReading("instagram", Poster("username", "lamhot_journey"), "21j", ())
    _found, matches = match_reading(aged, roster, 5)
    assert [m.entry.nip for m in matches] == ["199508242022211024"] and matches[0].confidence >= 0.9
    bare = HeaderReading("instagram", Poster("username", "lamhot_journey"), "2", ())
    _found, matches = match_reading(bare, roster, 5)
    assert len(matches) == 2 and matches[0].confidence < 0.9


def test_a_name_read_surely_with_a_letter_more_is_not_the_one_a_single_reading_fits() -> None:
    """ "Dewii Wahyudi" read surely three times, "Dewi Wahyudi" once by the name line read
    alone: OCR does not add one letter alike in reading after reading, so the roster's "Dewi
    Wahyudi" is a lead for review. A poster read with a letter less (lost over a pale
    photo, in every reading alike), or read so once only, or the match read alike twice,
    is not doubted."""
    from netra.header_agreement import read_otherwise

    def first(text: str, conf: float = 0.97) -> HeaderReading:
        return HeaderReading("whatsapp", Poster("contact_name", text), None, (), confidence=conf)

    dewii, dewi = Poster("contact_name", "Dewii Wahyudi"), Poster("contact_name", "Dewi Wahyudi")
    assert read_otherwise(dewi, first("Dewii Wahyudi"), [dewii, dewii]) == dewii
    assert read_otherwise(dewi, first("Dewii Wahyudi"), [dewii]) is None  # read so once
    assert read_otherwise(dewi, first("Dewii Wahyudi", 0.6), [dewii, dewii]) is None
    assert read_otherwise(dewi, first("Dewii Wahyudi"), [dewii, dewii, dewi, dewi]) is None
    ring = Poster("contact_name", "O Dewi Wahyudi")  # the avatar's ring read as an O
    assert read_otherwise(dewi, first("O Dewi Wahyudi"), [ring, ring]) is None
    lost = Poster("contact_name", "Dew Wahyudi")
    assert read_otherwise(dewi, first("Dew Wahyudi"), [lost, lost]) is None  # a letter lost
    twin = Poster("username", "restii.smp4")
    rostered = Poster("username", "resti.smp4")
    surely = HeaderReading("instagram", twin, None, (), confidence=0.97)
    assert read_otherwise(rostered, surely, [twin, twin]) == twin


def test_a_namesakes_contact_read_surely_is_not_flagged_as_the_one_a_guess_fits(
    tmp_path: Path,
) -> None:
    """A citizen saved as "Dewii Wahyudi" urging pair 2: three readings of the header read
    the name so, surely; the name line read alone, enlarged, read "Dewi Wahyudi", a rostered
    ASN, and the story was flagged as hers (ours 9279 0014). It goes to review with her
    offered, the doubt said."""
    from tests.netra.test_reader import _scan_ours

    v, label = _scan_ours(9279, 14, "Dewii Wahyudi", tmp_path)
    assert not label["should_flag"] and label["nip"] is None, label
    assert v.kind == "review", v.reasons
    assert any("Dewii Wahyudi" in r for r in v.reasons), v.reasons
