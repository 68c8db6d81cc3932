"""Platform and poster from header OCR lines, including the noise tesseract adds."""

from __future__ import annotations

import pytest

from rules.contact_name import restore_spaces
from rules.poster import (
    digits_moved,
    instagram_user_candidates,
    parse_header_text,
    strong_username,
)
from rules.types import Poster


def test_instagram_username_is_read_before_the_story_age() -> None:
    reading = parse_header_text(['21.24 mi "1 19%', "@ zelaya53 5j oe X"])
    assert reading.platform == "instagram"
    assert reading.poster == Poster("username", "zelaya53")
    assert reading.seen == "5j"


def test_instagram_age_split_from_its_unit() -> None:
    reading = parse_header_text(["0) Ayu.Iswahyudi_82 38 m “.X"])
    assert reading.poster == Poster("username", "ayu.iswahyudi_82")
    assert reading.seen == "38 m"


@pytest.mark.parametrize("song", ["Dewa 19 · Kangen", "♫ Sheila On 7 · Dan", "Dewa 19 • Kangen"])
def test_a_songs_line_under_the_handle_is_no_name_and_age(song: str) -> None:
    """A music sticker's line under an Instagram handle whose age went unread: the artist's
    "19" before the middle dot was taken for the age, and "dewa" for the poster (ours 9197).
    A number the song's title follows is the artist's."""
    reading = parse_header_text(["10.05", "96%", "jokolazuardi90", song], "Kirim pesan")
    assert reading.poster == Poster("username", "jokolazuardi90")
    # An age whose unit was read as a dot still is one, with no words after it.
    assert parse_header_text(["budi.santoso 19 ·"]).seen == "19 ·"


def test_a_sentences_word_shaped_like_a_handle_is_no_poster() -> None:
    """ "Besok rapat jam8ya", a notification's message above a story whose white name is
    unread (ours 9259 0067): its last word looks like a handle, but a handle opens its line.
    One after the avatar's scrap still is one."""
    assert parse_header_text(["Besok rapat jam8ya", "20.53", "21%"]).poster is None
    reading = parse_header_text(["O dedisaputra.96", "Bersama kita bisa"])
    assert reading.poster == Poster("username", "dedisaputra.96")


def test_whatsapp_contact_name_above_relative_time() -> None:
    reading = parse_header_text(["09.53 ma 61%", "_ Bapak Karsana Sepupu ;", 'Kemarin 21.03 "'])
    assert reading.platform == "whatsapp"
    assert reading.poster == Poster("contact_name", "Bapak Karsana Sepupu")
    assert reading.seen == "Kemarin 21.03"


def test_whatsapp_unsaved_contact_is_a_phone_number() -> None:
    reading = parse_header_text(["— +62 812-4544-5201", "Beberapa menit yang talu"])
    assert reading.poster == Poster("phone", "+62 812-4544-5201")


def test_a_faint_numbers_hyphen_read_as_a_colon_is_still_the_number() -> None:
    """ "+62 877-524-0597" white on pale grey, read "462877:524-0597" (ours 9265 0281): its
    "+" read as a 4, its first hyphen as a colon. A clock's colon is no number's."""
    reading = parse_header_text(["14.24", "462877:524-0597", "Hari ini 10.28"])
    assert reading.poster == Poster("phone", "62877-524-0597")
    assert parse_header_text(["Rapat 08:00 di aula"]).poster is None


def test_contact_name_keeps_unit_in_parentheses() -> None:
    reading = parse_header_text(["<- Bu Rina (Bappeda)", "Hari ini 08.15"])
    assert reading.poster == Poster("contact_name", "Bu Rina (Bappeda)")


def test_a_roman_numeral_numbering_a_unit_stays_in_the_contact_name() -> None:
    """ "Puskesmas Godean I" and "Godean II" are two units: the last "I" is the name's, not the
    ⋮ menu read as a letter (which a name without a unit before it still loses)."""
    for shown in ("Bu Kapus Godean I", "Ibu Dwi Pusk. Purwoharjo II"):
        reading = parse_header_text([f"< {shown}", "Hari ini 08.15"])
        assert reading.poster == Poster("contact_name", shown)
    reading = parse_header_text(["< BuRahmawatiPusk.SlemanIl", "Hari ini 08.15"])
    assert reading.poster == Poster("contact_name", "Bu Rahmawati Pusk. Sleman II")
    reading = parse_header_text(["< Bu Rina Sari I", "Hari ini 08.15"])
    assert reading.poster == Poster("contact_name", "Bu Rina Sari")
    # Both I's read l (blindgen 227: dropped as noise, the Rahmat of Genteng I was flagged).
    reading = parse_header_text(["< Bp.Rahmat PKM Genteng ll", "Hari ini 08.15"])
    assert reading.poster == Poster("contact_name", "Bp. Rahmat PKM Genteng II")
    reading = parse_header_text(["< Bu Rina Sari ll", "Hari ini 08.15"])
    assert reading.poster == Poster("contact_name", "Bu Rina Sari")


def test_the_space_before_an_age_read_as_a_mark_still_splits_it_off() -> None:
    """No handle holds a "-", and no age a dot before its unit: "hastui34-1j" is hastui34
    aged 1 j, "bagus.wbisono.14.m" one of bagus.wbisono.1 aged 4 m (the roster decides);
    "yulianti87-6 m", its unit apart, is yulianti87 aged 6 m."""
    assert instagram_user_candidates("hastui34-1j", strict=True)[0] == ("hastui34", "1j")
    assert instagram_user_candidates("yulianti87-6 m", strict=True)[0] == ("yulianti87", "6m")
    assert ("bagus.wbisono.1", "4m") in instagram_user_candidates("bagus.wbisono.14.m")


def test_the_gap_before_a_glued_age_read_as_a_dot_is_no_part_of_the_handle() -> None:
    """ "agus.h6659.10m" of "agus.h6659   10 m" (blindgen 215): Instagram takes no username
    ending in a period, so the dot was the gap. "ahmad_smp10.51m" is ahmad_smp10.5 aged 1 m
    or ahmad_smp10 aged 51 m: both, and the two are the same handle's split in doubt."""
    assert instagram_user_candidates("agus.h6659.10m", strict=True)[0] == ("agus.h6659", "10m")
    found = instagram_user_candidates("ahmad_smp10.51m", strict=True)
    assert ("ahmad_smp10.5", "1m") in found and ("ahmad_smp10", "51m") in found
    split = [Poster("username", "ahmad_smp10.5"), Poster("username", "ahmad_smp10")]
    assert digits_moved(*split)
    assert not digits_moved(Poster("username", "ahmad_smp10_5"), Poster("username", "ahmad_smp10"))


def test_footer_decides_platform_when_header_has_no_anchor() -> None:
    reading = parse_header_text(["12.00 100%", "budi.santoso"], footer_text="halo\nKirim pesan")
    assert reading.platform == "instagram"
    assert reading.poster == Poster("username", "budi.santoso")


def test_a_number_over_an_instagram_story_is_not_its_poster() -> None:
    """A group member's number atop the bubble they shared an Instagram story in; the
    story's own name line unread. Instagram never names a poster by number."""
    lines = ["+62 852-659-4902", "ZUHA MENANG"]
    assert parse_header_text(lines, footer_text="Kirim pesan").poster is None
    assert parse_header_text(lines, footer_text="Balas").poster == Poster(
        "phone", "+62 852-659-4902"
    )


def test_a_clock_read_with_a_stray_dot_is_not_taken_for_the_contact() -> None:
    """The pale time under the contact unread: the name line under "06.16·" is the poster."""
    lines = ["06.16·", "Bp. Obed (Puskesmas Oesapa Barat)"]
    assert parse_header_text(lines, footer_text="Balas").poster == Poster(
        "contact_name", "Bp. Obed (Puskesmas Oesapa Barat)"
    )


def test_unreadable_header_gives_no_poster() -> None:
    assert parse_header_text(["~~ ..", "| |"]).poster is None


def test_username_split_by_ocr_without_an_age_is_joined() -> None:
    reading = parse_header_text(["| caraka marbun ."], footer_text="Kirim pesan")
    assert reading.poster == Poster("username", "caraka_marbun")


def test_avatar_noise_before_a_contact_name_is_dropped() -> None:
    reading = parse_header_text(["Pe 7 Teguh Chaniago BPBD .", "Beberapa menit yang lalu"])
    assert reading.poster == Poster("contact_name", "Teguh Chaniago BPBD")
    reading = parse_header_text(["Fa 4 PS $ Rizka Anggun Pohan", "Kemarin 20.10"])
    assert reading.poster == Poster("contact_name", "Rizka Anggun Pohan")
    reading = parse_header_text(["— Bu Rina Disdik", "Kemarin 20.10"])
    assert reading.poster == Poster("contact_name", "Bu Rina Disdik")
    # Two capitals that are a post's short form ("KS": kepala sekolah) are the contact's.
    reading = parse_header_text(["KS SMP N 2", "Kemarin 15.09"])
    assert reading.poster == Poster("contact_name", "KS SMP N 2")


def test_a_name_before_a_short_honorific_look_alike_is_kept() -> None:
    """ "PkM" (PKM, its k read small) split as "Pk M": "Pk" is no "Pak" that the avatar's
    scraps stand before; "Mardiana Perawat" is the contact's name."""
    reading = parse_header_text(["Mardiana PerawatPkM Kota Baru", "Hari ini 20.44"])
    assert reading.poster == Poster("contact_name", "Mardiana Perawat PKM Kota Baru")


def test_misread_whatsapp_time_still_anchors_the_name() -> None:
    assert parse_header_text(["Bu Sri Bappeda :", "og Hariini1449 :"]).poster == Poster(
        "contact_name", "Bu Sri Bappeda"
    )
    reading = parse_header_text(["Eva Diskominfo", "S, a Kematin 23.59 :"])
    assert reading.platform == "whatsapp"
    assert reading.poster == Poster("contact_name", "Eva Diskominfo")


@pytest.mark.parametrize("time", ["Barusaja", "Yesterday11:34AM", "Justnow"])
def test_a_time_read_with_its_space_lost_is_no_contact_name(time: str) -> None:
    """A header cut by the reporter's crop, its name line gone: the time under it, its space
    lost ("Yesterday11:34AM", ours 9221 0300), was taken for the contact's name."""
    assert parse_header_text([time, "SALAM SATUJARI"]).poster is None
    assert parse_header_text(["Pak Budi Disdik", time]).poster == Poster(
        "contact_name", "Pak Budi Disdik"
    )


def test_a_pairs_padded_number_before_an_emoji_read_as_a_letter_is_no_age() -> None:
    """ "gaspoool 01 👊" on a label mid-story, the fist read "m" (ours 9251 0116, its white
    header unread over a pale sky): "01m" is no story's age, Instagram never pads one, so the
    caption is not taken for the poster and the header is read again."""
    assert parse_header_text(["gaspoool 01m", "Send message"]).poster != Poster(
        "username", "gaspoool"
    )
    assert parse_header_text(["yuni__nasy 1m", "gaspoool 01m"]).poster == Poster(
        "username", "yuni__nasy"
    )


def test_two_letters_before_a_bare_number_are_no_instagram_username() -> None:
    assert parse_header_text(["— Y YaniDisdik :", "Sd 2 menhiyanalslu ."]).poster != Poster(
        "username", "sd"
    )


def test_instagram_age_with_a_digit_read_as_a_letter() -> None:
    reading = parse_header_text(["21.10 antl =O 76%", "C) agus97 S6m ws &"])
    assert reading.poster == Poster("username", "agus97")
    assert reading.seen == "56m"


def test_username_dot_read_as_a_comma() -> None:
    reading = parse_header_text(["18.55 wilh 5226", "0) shakim,379 56m roe XK"])
    assert reading.poster == Poster("username", "shakim.379")
    # A colon between letters is the dot too, and the underscore read as a space before the
    # age read apart ("andi.rahmawati_5 43 m" read "andl:rahmawati 5 43m").
    reading = parse_header_text(["andl:rahmawati 5 43m"])
    assert reading.poster == Poster("username", "andl.rahmawati_5") and reading.seen == "43m"


def test_instagram_name_line_below_a_line_of_noise() -> None:
    reading = parse_header_text(["re a", ". * - -", "} rajasa26"], footer_text="Kirim pesan")
    assert reading.poster == Poster("username", "rajasa26")


def test_name_line_with_a_clear_age_beats_a_misread_status_bar() -> None:
    reading = parse_header_text(["45:74. _ ae 0 Ii Boe", "C) budi_firmansyah 11 j a -"])
    assert reading.poster == Poster("username", "budi_firmansyah")


def test_instagram_age_number_garbled_but_unit_intact() -> None:
    reading = parse_header_text(["09.56 mio TN 36%", "0) novirangkuti67 '£ m 4"])
    assert reading.poster == Poster("username", "novirangkuti67")


def test_whatsapp_time_misread_without_spaces_or_dots() -> None:
    reading = parse_header_text(
        [
            "Sra ag Hr",
            "12,44 Me 55%",
            "— IK Yg Yuni Simanjuntak SDN 7 ;",
            "3 s3 44 menityang lalu -",
        ]
    )
    assert reading.platform == "whatsapp"
    assert reading.poster == Poster("contact_name", "Yuni Simanjuntak SDN 7")
    reading = parse_header_text(
        ["maa Pa | Vil 92%", "20.49", "— Cy Hasan BPBD -", "A ow £ Harlint 1729"]
    )
    assert reading.poster == Poster("contact_name", "Hasan BPBD")


def test_capitalised_words_before_a_bare_number_are_no_username() -> None:
    reading = parse_header_text(["— Yuni Simanjuntak SDN 7"])
    assert reading.poster is None or reading.poster.kind != "username"


def test_a_word_only_a_username_can_be_is_one_without_other_anchors() -> None:
    assert parse_header_text([", srierna.82 5."]).poster == Poster("username", "srierna.82")
    assert parse_header_text(["dedisaputra.96 :"]).poster == Poster("username", "dedisaputra.96")
    assert parse_header_text(["Pak Budi Dinkes"]).poster is None
    assert parse_header_text(["09.55 al 75%"]).poster is None


def test_age_digits_read_as_letters_after_a_glued_name() -> None:
    """ "pertiwi611oj": the name "pertiwi61" aged "10j", its 0 read as an o."""
    assert instagram_user_candidates("pertiwi611oj")[0] == ("pertiwi61", "10j")


def test_a_word_glued_to_a_time_is_no_username() -> None:
    """ "manin14.24" is "Hari ini 14.24" misread, not an account."""
    assert strong_username("manin14.24") is None
    assert strong_username("srierna.82") == "srierna.82"


def test_a_cropped_off_name_leaves_no_poster() -> None:
    """The time line at the top of a cropped story is no contact name, and a line of content
    in capitals ending in a year is no time line."""
    reading = parse_header_text(["Baru saja", "PEMILIHAN BUPATI BANGKA TENGAH 2024"])
    assert reading.poster is None


def test_a_campaign_word_glued_to_its_number_is_no_username() -> None:
    """ "paslon01!" is content: neither a handle aged "1m" with its "!" read as the unit, nor
    an account by its shape."""
    assert instagram_user_candidates("paslon01!") == []
    assert strong_username("paslon3") is None
    assert instagram_user_candidates("pertiwi8715)")[1] == ("pertiwi87", "15m")


def test_an_age_unit_read_as_a_bracket_after_a_name_with_digits() -> None:
    """ "laksmiwat32 5)": the "j" of "5 j" read as ")" after a name only a username has
    (lower-case letters, then digits); the same bracket after a word is no age."""
    assert instagram_user_candidates("laksmiwat32 5)", strict=True)[0] == ("laksmiwat32", "5)")
    assert instagram_user_candidates("pilih 2)", strict=True) == []


def test_a_capitalised_word_of_content_is_no_username_by_its_shape() -> None:
    """ "Pilwako2024", big content text in a header band left unread, is not the poster:
    Instagram shows usernames in lower case (OCR capitalises only look-alikes: "Ira" of
    "ira", "Sari" of "sari")."""
    assert parse_header_text(["Pilwako2024"], "Kirim pesan").poster is None
    reading = parse_header_text(["nurtanjung.63"], "Kirim pesan")
    assert reading.poster == Poster("username", "nurtanjung.63")


def test_a_closing_bracket_after_a_unit_is_no_story_age() -> None:
    """ "Ibu Nia (SD Negeri 51)" over a WhatsApp time: "51)" closes the bracket, it is no
    Instagram age with its unit misread, and "Negeri" no username."""
    reading = parse_header_text(["Ibu Nla (SD Negeni 51)", "Kemarin 06.09"])
    assert reading.platform == "whatsapp"
    assert reading.poster == Poster("contact_name", "Ibu Nla (SD Negeni 51)")
    # The time garbled: no anchor, no poster (the name line is read again alone), and
    # certainly not the username "negeni".
    garbled = parse_header_text(["Ibu Nla (SD Negeni 51)", "Keat D6.09"])
    assert garbled.poster is None or garbled.poster.kind != "username"
    # The same with the number run into the unit's word ("Negeri50)"): still no username
    # "negeri" aged "50 m".
    assert instagram_user_candidates("Ibu Yuni (SD Negeri50)") == []


def test_an_underscore_read_after_a_space_is_kept_once() -> None:
    """ "yuni _rahmawati _dinkes 11 m": OCR put a space before each underscore; the handle
    has one underscore there, not two."""
    reading = parse_header_text(["yuni _rahmawati _dinkes 11 m"])
    assert reading.poster == Poster("username", "yuni_rahmawati_dinkes")
    assert parse_header_text(["budi .santoso 5j"]).poster == Poster("username", "budi.santoso")


def test_a_status_whose_name_was_cropped_off_has_no_poster_below_its_time() -> None:
    """ "Hari ini 16.48" at the very top, its contact line cropped off: below it is the
    status (a reshared post's own account), never the poster; the header is unread. With no
    footer read, the time alone tells WhatsApp."""
    lines = ["Hari ini 16.48", "info_pilkada_kota", "PEMILIHANWALIKOTA2024"]
    for footer in ("Balas", ""):
        reading = parse_header_text(lines, footer_text=footer)
        assert reading.poster is None and reading.platform == "whatsapp", reading
    # A chat's day chip ("Hari ini", no clock) above a shared story is no status time: the
    # handle below it is still read by its shape.
    chip = parse_header_text(["Hari ini", "budi.santoso_88", "semangat pagi"])
    assert chip.poster == Poster("username", "budi.santoso_88")


def test_a_handle_with_its_age_behind_a_colon_is_read() -> None:
    """The gap between handle and age read as a colon: "wwahyudi.301:59m", "agus.h:19)".
    A handle has no colon, so the age after one is the story's."""
    assert instagram_user_candidates("wwahyudi.301:59m", strict=True)[0] == (
        "wwahyudi.301",
        "59m",
    )
    assert parse_header_text(["hidayat.agus:19)"]).poster == Poster("username", "hidayat.agus")


def test_a_whatsapp_day_and_clock_run_together_is_no_handle_and_age() -> None:
    """ "Yesterday, 05:21" at the top of a cropped status, read "Yesterday,05:21": the comma
    is no handle's dot nor the colon a gap before an age, so no "yesterday.05" aged 21."""
    for time in ("Yesterday,05:21", "Kemarin23.15", "Hari ini,07.04"):
        reading = parse_header_text([time, "PEMILIHANBUPATIBANGKATENGAH2024"], "Reply")
        assert reading.poster is None and reading.platform == "whatsapp", (time, reading)


def test_a_relative_time_without_yang_still_anchors_the_contact() -> None:
    """ "5 menit lalu", "2 jam lalu": the time as some phones and people shorten it."""
    for time in ("5 menit lalu", "2 jam lalu"):
        reading = parse_header_text(["Pak Budi Dinkes", time])
        assert reading.poster == Poster("contact_name", "Pak Budi Dinkes"), (time, reading)
        assert reading.platform == "whatsapp"


@pytest.mark.parametrize(
    ("read", "saved"),
    [
        ("Resti Perawat RSdr. Rasidin", "Resti Perawat RS dr. Rasidin"),
        ("Pak Joni RSUDdr. Soetomo", "Pak Joni RSUD dr. Soetomo"),
        ("Bu RatihSMP10", "Bu Ratih SMP 10"),
        ("Bu Andri Dinkes", "Bu Andri Dinkes"),
        # A unit's short form with letters read small, run onto the name (ours 9229).
        ("Lina WuiandariBkPsDM", "Lina Wuiandari BKPSDM"),
        ("Mardiana Perawat PkM Kota Baru", "Mardiana Perawat PKM Kota Baru"),
    ],
)
def test_a_contact_names_lost_spaces_are_put_back(read: str, saved: str) -> None:
    assert restore_spaces(read) == saved


def test_a_zero_padded_number_after_a_word_is_no_story_age() -> None:
    """ "paslon 02 paling mantap", a caption under a header nobody read: no handle "paslon"
    aged two hours (Instagram never pads an age)."""
    reading = parse_header_text(["97%", "paslon 02 paling mantap"])
    assert reading.poster != Poster("username", "paslon")


def test_an_emoji_after_a_units_number_read_as_a_letter_is_dropped() -> None:
    """ "Pak Agus SMK Negeri 1🥰" read "PakAgusSMKNegeri1e" (ours 9161): no unit is numbered
    "1e"; a capital after the number ("SD 4B") or a class ("Kelas 4b") is kept."""
    reading = parse_header_text(["PakAgusSMKNegeri1e", "Hari ini 05.56"])
    assert reading.poster == Poster("contact_name", "Pak Agus SMK Negeri 1")
    reading = parse_header_text(["Bu Rina SD 4B", "Hari ini 05.56"])
    assert reading.poster == Poster("contact_name", "Bu Rina SD 4B")


def test_a_handle_split_beside_its_underscore_without_an_age_is_one_handle() -> None:
    """ "yuni_yuni _id" with its age unread (pale over a cup): the roster's "yuni_yuni" is
    another ASN; the word starting with "_" is the handle's end, not a second word
    (ours 9225 0112 had flagged the wrong person)."""
    assert parse_header_text(["15.46", "88%", "yuni_yuni _id"]).poster == Poster(
        "username", "yuni_yuni_id"
    )
    assert parse_header_text(["budi_ santoso"]).poster == Poster("username", "budi_santoso")
    # A dot after a word and a space is prose, not a handle's dot.
    assert parse_header_text(["Ayo. dukung"]).poster != Poster("username", "ayo.dukung")


@pytest.mark.parametrize(
    "line", ["budi.santoso • 5j", "budi.santoso·5j", "budi.santoso ✓ 5j", "budi.santoso · 5 j"]
)
def test_a_bullet_or_a_tick_between_the_handle_and_its_age_is_neither(line: str) -> None:
    """Instagram on the web sets a bullet between the name and the age; a verified tick may
    be read as a glyph there. The age is read: a sure reading, not a name by its shape alone."""
    reading = parse_header_text([line])
    assert reading.poster == Poster("username", "budi.santoso")
    assert reading.seen is not None and reading.seen.replace(" ", "") == "5j"


@pytest.mark.parametrize(
    ("line", "handle", "age"),
    [
        ("ahmadarifin19...034 m", "ahmadarifin19...", "34 m"),  # ours 9227: cut, then "•"
        ("ahmadarifin19... 0 34 m", "ahmadarifin19...", "34 m"),
        ("budi.santoso 0 5j", "budi.santoso", "5j"),
    ],
)
def test_a_bullet_read_as_a_zero_before_the_age_is_no_digit(
    line: str, handle: str, age: str
) -> None:
    """No story's age begins with a zero: a "0" between a handle (or the app's cut mark) and
    the age is the bullet Instagram sets there."""
    reading = parse_header_text([line])
    assert reading.poster == Poster("username", handle)
    assert reading.seen is not None and reading.seen == age


def test_an_apps_name_over_its_notification_is_no_handle() -> None:
    """ "Instagram" under "Instagram·now" on a notification that hides the poster (blindgen
    301 0010): Instagram's own name is nobody's account; a handle that merely holds it is."""
    from rules.poster import leading_username

    assert leading_username("Instagram") is None
    assert leading_username("WhatsApp") is None
    assert leading_username("instagram_lovers 2 j") == "instagram_lovers"
