"""The poster line, the content and the chrome, found from OCR line boxes as a person would."""

from __future__ import annotations

from ocr.engine import OcrLine
from rules.frame import content_text, is_chrome, story_span
from rules.layout import read_layout
from rules.types import Poster

W, H = 720, 1280


def line(text: str, left: int, top: int, height: int = 30, width: int | None = None) -> OcrLine:
    right = left + (width if width is not None else 15 * len(text))
    return OcrLine(text, left, top, right, top + height, 0.95)


STATUS = [line("21.33", 20, 10), line("66%", 600, 10)]


def test_a_contact_whose_box_reaches_into_the_time_line_is_still_above_it() -> None:
    """ "Wati-Kesbangpol" (227–270) over "Kemarin 19.19" (256–282): the detector's boxes
    overlap, the name's reaching a pixel below the time's middle. It is the contact."""
    lines = [*STATUS, line("Wati-Kesbangpol", 234, 227, 43), line("Kemarin 19.19", 237, 256, 26),
             line("Kamelia-Saparudin YG", 208, 527, 48), line("Balas", 403, 1040)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("contact_name", "Wati - Kesbangpol")
    assert layout.header.seen == "Kemarin 19.19"


def test_a_contact_name_boxed_in_two_is_read_whole() -> None:
    """ "Bambang - Kec. Koba" over "Hari ini 15.53", enlarged (ours 9263 0160): the detector
    boxed "Bambang" and "-Kec. Koba" apart on one row, and another reading boxed the row
    twice, once as "Bambang" and once whole. Either way the contact is the whole row, not a
    "Bambang" one of 107 on the roster; a line a wide gap to the right is no part of it."""
    apart = [*STATUS, OcrLine("Bambang", 172, 53, 329, 90, 0.99),
             OcrLine("-Kec. Koba", 318, 50, 515, 90, 0.97),
             OcrLine("Hari ini 15.53", 171, 89, 329, 122, 0.98), line("Balas", 320, 1200)]  # fmt: skip
    twice = [*STATUS, OcrLine("Bambang", 87, 236, 167, 255, 1.0),
             OcrLine("Bambang -Kec.Koba", 86, 236, 257, 255, 0.98),
             OcrLine("Hari ini15.53", 86, 255, 165, 271, 0.96), line("Balas", 320, 1200)]  # fmt: skip
    for lines in (apart, twice):
        poster = read_layout(lines, W, H).header.poster
        assert poster is not None and poster.text.replace(" ", "") == "Bambang-Kec.Koba", poster
    far = [*STATUS, OcrLine("Bambang", 172, 53, 329, 90, 0.99),
           OcrLine("12.58", 600, 50, 680, 90, 0.97),
           OcrLine("Hari ini 15.53", 171, 89, 329, 122, 0.98), line("Balas", 320, 1200)]  # fmt: skip
    assert read_layout(far, W, H).header.poster == Poster("contact_name", "Bambang")


def test_whatsapp_contact_is_the_line_above_the_time() -> None:
    lines = [*STATUS, line("BapakRidwanSMP4", 140, 90), line("Hariini12.54", 140, 122, 25),
             line("Coblos No. 1!", 200, 600, 60), line("Balas", 320, 1200)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.platform == "whatsapp"
    assert layout.header.poster == Poster("contact_name", "Bapak Ridwan SMP 4")
    assert layout.body == ("Coblos No. 1!",)


def test_the_reply_footer_read_with_its_chevron_as_dots_is_no_part_of_the_body() -> None:
    """ "Balas...." (the chevron above it read as dots) closes the story like "Balas": a
    caption read large and sure is all the body, and a reply footer read unsurely would
    otherwise earn the whole body a second, enlarged reading."""
    lines = [*STATUS, line("Tante Ellen (SD 26)", 140, 90), line("41 menit yang lalu", 140, 122),
             line("Selamat Hari Guru", 200, 600, 60), line("Balas....", 320, 1200)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.body == ("Selamat Hari Guru",)


def test_instagram_username_with_its_age_glued_on() -> None:
    lines = [*STATUS, line("bagas_bappeda4j", 88, 99), line("Yuk!! #DaniMenang", 50, 170, 50)]
    layout = read_layout(lines, W, H)
    assert layout.header.platform == "instagram"
    assert layout.header.poster == Poster("username", "bagas_bappeda")
    assert layout.header.seen == "4j"


def test_the_song_under_the_username_is_no_part_of_the_story() -> None:
    """ "Rizky Febian·Kesempurnaan Cinta", the song under "rosmawati1975 1h" (its note lost):
    the singer is no voice for a candidate called Rizky. A caption with a dot further down is
    the story's."""
    lines = [*STATUS, line("rosmawati1975 1h", 82, 76, 29), line("Rizky Febian·Kesempurnaan Cinta", 82, 100, 35),
             line("SIAPAPUN PILIHANMU", 86, 540, 38), line("Rizky · 02", 86, 600, 38),
             line("Kirim pesan", 50, 1180)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("username", "rosmawati1975")
    assert layout.body == ("SIAPAPUN PILIHANMU", "Rizky · 02")
    assert "Rizky Febian·Kesempurnaan Cinta" in layout.chrome
    # A WhatsApp status has no song line: the line under its time is its caption.
    wa = [*STATUS, line("Bu Rina", 140, 90), line("Hari ini 12.54", 140, 122, 25),
          line("Rizky·Jaya 02", 140, 150, 35), line("Balas", 320, 1200)]  # fmt: skip
    assert read_layout(wa, W, H).body == ("Rizky·Jaya 02",)


def test_the_song_under_the_username_with_its_note_and_dot_lost_is_no_part_of_the_story() -> None:
    """ "Husnul Idol Jaga Hatimu" (♫ and · lost), small and right under "bambang.halim 33m"
    where it starts: the song, whose singer is named as pair 2's candidate is, not the story
    backing pair 3 (ours 9229). A caption larger, or further down, is the story's."""
    song = line("Husnul Idol Jaga Hatimu", 105, 108, 34)
    lines = [*STATUS, line("bambang.halim 33m", 103, 76, 34), song,
             line("Pangkalpinang Bangkit", 169, 663, 46), line("Kirim pesan", 50, 1188)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.body == ("Pangkalpinang Bangkit",)
    assert "Husnul Idol Jaga Hatimu" in layout.chrome
    big = line("Husnul Idol Jaga Hatimu", 105, 108, 60)  # the story's own large words
    assert "Husnul Idol Jaga Hatimu" in read_layout([*lines[:-3], big, *lines[-2:]], W, H).body
    lower = line("Husnul Idol Jaga Hatimu", 105, 140, 34)  # a line's height below
    assert "Husnul Idol Jaga Hatimu" in read_layout([*lines[:-3], lower, *lines[-2:]], W, H).body
    # Its note lost in place, the song starts a note's width in ("Tobari Idol Rindu Setengah
    # Mati" beside a pair 4's Tobari, under "rradit.5858m": ours 9281 0239, a false flag).
    tobari = [*STATUS, line("rradit.5858m", 91, 66, 30), line("Tobari Idol Rindu Setengah Mati", 111, 97, 25),
              line("Sudah nyoblos?", 264, 179, 64), line("Kirim pesan", 50, 1188)]  # fmt: skip
    layout = read_layout(tobari, W, H)
    assert layout.body == ("Sudah nyoblos?",) and "Tobari Idol Rindu Setengah Mati" in layout.chrome
    far = line("Tobari Idol Rindu Setengah Mati", 150, 97, 25)  # a caption set further in
    assert far.text in read_layout([*tobari[:-3], far, *tobari[-2:]], W, H).body


def test_a_clock_with_an_icon_read_after_it_is_the_status_bar_not_the_body() -> None:
    """ "22.04·O" (a notification icon read as a dot and an O) beside "30%": the phone's
    status bar, no line of the story, which would otherwise earn an unsure body a second
    reading. Alone, with no battery beside it, such a line is left to the body."""
    lines = [line("22.04·O", 20, 10), line("30%", 600, 10), line("zahra393", 88, 99),
             line("Ujian praktik kelas 9", 100, 600, 55), line("Kirim pesan", 50, 1200)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("username", "zahra393")
    assert layout.body == ("Ujian praktik kelas 9",)
    alone = [line("zahra393", 88, 99), line("10.000", 100, 600, 55), line("Kirim pesan", 50, 1200)]
    assert read_layout(alone, W, H).body == ("10.000",)


def test_a_handle_the_detector_split_at_its_underscores_is_one_name() -> None:
    """ "citra__raja" over a pale sky, its age unread, came as "citra," and "raja" side by
    side (ours 9201 0172): the poster is "citra_raja" (the roster decides the underscores),
    not "citra", and neither piece is the story's text. A word far off on the row stays
    apart."""
    lines = [*STATUS, line("citra,", 158, 134, 28, 58), line("raja", 226, 138, 22, 54),
             line("DARI HATI UTK BANGKA", 180, 602, 52), line("Kirim pesan", 84, 1134)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("username", "citra_raja")
    assert layout.body == ("DARI HATI UTK BANGKA",)
    apart = [*STATUS, line("citra", 158, 134, 28, 58), line("raja", 500, 138, 22, 54),
             line("DARI HATI UTK BANGKA", 180, 602, 52), line("Kirim pesan", 84, 1134)]  # fmt: skip
    assert read_layout(apart, W, H).header.poster == Poster("username", "citra")
    # A caption high on a story whose header went unread keeps its words in the body, though
    # its first words have a handle's shape (ours 9197 0137).
    caption = [*STATUS, line("kita kawal Jamaludin-Oktaf sampai", 60, 200, 40),
               line("menang", 250, 245, 40), line("Kirim pesan", 84, 1134)]  # fmt: skip
    assert "kita kawal Jamaludin-Oktaf sampai" in read_layout(caption, W, H).body


def test_ambiguous_glued_age_keeps_every_reading_for_the_roster() -> None:
    layout = read_layout([*STATUS, line("olga297133m", 88, 99)], W, H)
    readings = [layout.header.poster, *layout.header.alternatives]
    assert Poster("username", "olga29713") in readings
    assert Poster("username", "olga2971") in readings


def test_an_english_hours_age_glued_on_keeps_the_handles_own_digits() -> None:
    """Instagram in English shows "14h" (hours, up to 23): "yunimarbun_75" aged 14 h, read
    glued, is one of the readings, not only "yunimarbun_751" aged 4 h."""
    layout = read_layout([*STATUS, line("yunimarbun_7514h", 88, 99)], W, H)
    readings = [layout.header.poster, *layout.header.alternatives]
    assert Poster("username", "yunimarbun_75") in readings


def test_an_hours_j_read_as_y_still_splits_the_age_off() -> None:
    """ "yunlbudiman_6311y": a pale handle read in a chat, its age "11 j" glued on with the
    j read as a y. The readings with the age split off are offered to the roster; the
    handle as read stays one of them (a handle may end in digits and a y)."""
    layout = read_layout([*STATUS, line("yunlbudiman_6311y", 88, 99)], W, H)
    readings = [layout.header.poster, *layout.header.alternatives]
    assert Poster("username", "yunlbudiman_63") in readings
    assert Poster("username", "yunlbudiman_6311y") in readings
    # With its real age after it, a handle ending in a y is read as it is.
    spaced = read_layout([*STATUS, line("budi88y 5j", 88, 99)], W, H).header
    assert spaced.poster == Poster("username", "budi88y") and not spaced.alternatives


def test_age_in_its_own_box_to_the_right() -> None:
    layout = read_layout([*STATUS, line("olga29713", 93, 80), line("3m", 220, 82, 28)], W, H)
    assert layout.header.poster == Poster("username", "olga29713")
    # The detector's boxes overlap by their margins: the age is still the handle's.
    overlapping = [*STATUS, line("rosmiatinur1", 84, 85, 32, 148), line("19m", 222, 86, 31, 74)]
    header = read_layout(overlapping, W, H).header
    assert header.poster == Poster("username", "rosmiatinur1") and header.seen == "19m"


def test_gallery_viewer_title_and_buttons_are_chrome_not_the_poster() -> None:
    lines = [
        *STATUS,
        line("IMG-20241121-WA0064.jpg", 64, 84),
        line("20.34", 103, 160, 25), line("66%", 501, 160, 25),
        line("Bapak Ridwan SMP 4", 190, 214), line("Hari ini 17.51", 190, 244, 25),
        line("COBLOS NO. 1!", 259, 834, 40), line("Balas", 331, 1062),
        line("Kirim", 39, 1226), line("Edit", 175, 1228), line("Hapus", 451, 1229),
    ]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("contact_name", "Bapak Ridwan SMP 4")
    assert layout.body == ("COBLOS NO. 1!",)
    assert layout.framed
    assert story_span(lines, W, H) is not None


def test_the_chat_partner_above_online_is_never_the_poster() -> None:
    lines = [
        *STATUS,
        line("Mas Ferdi", 110, 60), line("terakhir dilihat hari ini pukul 10.42", 110, 92, 22),
        line("Kemarin", 300, 150, 22),
        line("zelaya53 5j", 260, 420, 18), line("Coblos 2", 300, 600, 30),
        line("Ketik pesan", 60, 1210),
    ]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("username", "zelaya53")
    assert story_span(lines, W, H) == (172, 1210)  # below the chat's "Kemarin" chip


def test_content_that_reads_like_a_header_is_not_the_poster() -> None:
    # "COBLOS NO. 3!" has a number and a '!' where an age would be; upper case is no username.
    layout = read_layout([line("COBLOS NO. 3!", 200, 500, 50), line("no urut 3 #", 200, 600)], W, H)
    assert layout.header.poster is None


def test_a_storys_text_near_its_top_is_no_poster_when_the_header_went_unread() -> None:
    """A pale header nobody read, and the story's own text high up: "bismillah MIEF" and
    "gaspol sUwI" (a word in capitals after the first) are content, not a poster "bismillah"
    or "gaspol" taking its line out of the body. Where the line starts says nothing: a story
    shared in a chat from the right has its header right of the middle."""
    footer = line("Kirim pesan", 60, 1200)
    for text, left in (("bismillah MIEF", 510), ("gaspol sUwI", 240)):
        layout = read_layout(
            [line(text, left, 160, 40), line("menang!", 560, 220, 40), footer], W, H
        )
        assert layout.header.poster is None, text
        assert text in layout.body
    # A lower-case handle alone on the top left still is the poster, its age lost.
    layout = read_layout(
        [line("rizkysetiawan.87", 88, 70), line("gaspol SUWI", 240, 160), footer], W, H
    )
    assert layout.header.poster == Poster("username", "rizkysetiawan.87")


def test_a_story_with_its_own_status_bar_has_its_header_below_it() -> None:
    """A gallery viewer whose buttons were cropped off and whose title is a date: the story's
    own status bar (a second clock at the left) starts it, and its header, the age's unit
    lost ("sitipohan79 22"), is found below it, lower than a header usually stands."""
    lines = [*STATUS, line("←27Jul2025", 20, 85), line("21.12", 110, 155),
             line("sitipohan79 22", 165, 207), line("sudah pasti nomor satu", 175, 390, 50),
             line("Kirim pesan", 130, 815)]  # fmt: skip
    layout = read_layout(lines, W, 1000)
    assert layout.header.poster == Poster("username", "sitipohan79")
    assert layout.story_top == 155
    assert "sudah pasti nomor satu" in layout.body and "sitipohan79 22" not in layout.body


def test_chrome_is_recognised_by_what_it_says() -> None:
    for text in ["Screenshot_20241124-125814_WhatsApp.jpg", "online", "413 anggota",
                 "Wardaya, Aurel, Valentino, Anda", "~ Tirta", "Ketik pesan", "18 Oktober 2024",
                 "Kemarin", "terakhirdilihatpukul16.34", "10 November 2024 21.22",
                 "10November202421.22", "27 Jul 2025 pukul 21.12", "↪ Diteruskan",
                 "Diteruskan berkali-kali", "Anda, +62 812-..", "Anda,+62812-..",
                 "Original audio", "♫ Audio asli"]:  # fmt: skip
        assert is_chrome(text), text
    # A caption that starts with a date is the story's: "27 November 2024 jangan lupa…".
    for text in ["Kemarin 21.03", "belanja online murah", "anggota DPRD", "Bu Rina (Bappeda)",
                 "27 November 2024 jangan lupa coblos no. 2", "Anda, jangan lupa coblos no 2",
                 "Bersih, Peduli, Melayani", "Audio dan video kampanye"]:  # fmt: skip
        assert not is_chrome(text), text


def test_a_chat_title_is_chrome_even_when_its_presence_line_is_misread() -> None:
    """The group or partner above "terakhir diihat …" (OCR dropped an l) is the chat's title,
    never the poster; the story's own header below it still is."""
    lines = [
        *STATUS,
        line("Pengaduan Bawaslu Medan", 150, 78), line("terakhir diihat hariini pukul14.16", 147, 115, 30),
        line("Hari ini", 362, 195, 30),
        line("pertiwi8715)", 93, 308, 30), line("Paslon nomor urut 02", 103, 600, 60),
        line("Kirim pesan", 60, 1150), line("Ketik pesan", 60, 1235),
    ]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert "Pengaduan Bawaslu Medan" in layout.chrome
    readings = [layout.header.poster, *layout.header.alternatives]
    assert Poster("username", "pertiwi87") in readings


def test_a_time_line_misread_at_its_start_still_anchors_the_name_above() -> None:
    """ "manin14.24" is "Hari ini 14.24" with its first letters lost: it starts right of the
    contact name, and is no username."""
    lines = [*STATUS, line("Dedi (BPBD)", 161, 265, 40), line("manin14.24", 199, 308, 28),
             line("Kita pilih yg sudah terbukti.", 134, 800, 60)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert layout.header.poster == Poster("contact_name", "Dedi (BPBD)")


def test_a_chats_own_messages_are_chrome_but_a_storys_text_beside_a_clock_is_not() -> None:
    """ "Selamat siang, mau lapor" with its smaller sending time beside it is the chat's
    message (never a poster, never content); "nomor 1" beside a "7.00" of its own size is
    the story's text."""
    lines = [
        *STATUS,
        line("Bang Latika", 132, 69, 34), line("mengetik...", 130, 105, 30),
        line("Selamat siang,mau lar", 31, 244, 34, 269), line("09.42", 330, 256, 27),
        line("jgn lupa", 102, 534, 41), line("nomor 1", 201, 600, 61), line("7.00", 496, 600, 58),
        line("Kirim pesan", 52, 1065), line("Ketik pesan", 72, 1219),
    ]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert "Selamat siang,mau lar" in layout.chrome
    assert layout.header.poster is None
    assert "nomor 1" in layout.body


def test_a_time_of_two_misread_words_anchors_the_name_in_a_framed_story() -> None:
    """ "Har inl 17.25" is "Hari ini 17.25": in a story cut out of a chat the header can sit
    below the top 40 %, the chat's own lines above it."""
    lines = [
        line("Assalamualaikum pak", 560, 290, 70), line("17.24", 900, 320, 60),
        line("Uni Citra (Kec. Koba)", 300, 700, 49), line("Har inl 17.25", 302, 750, 38),
        line("kita kawal sampai menang", 250, 1000, 60),
    ]  # fmt: skip
    layout = read_layout(lines, 1000, 1500, framed=True)
    assert layout.header.poster == Poster("contact_name", "Uni Citra (Kec. Koba)")


def test_a_group_members_number_above_a_shared_story_is_not_its_poster() -> None:
    """In a group chat the member who shared the story is named above it ("+62857-…"); the
    story's own header below, its age's unit misread as ")", is the poster."""
    lines = [
        line("GrupRelawan RT05", 272, 144, 55), line("Ada yg posting lagi nih", 69, 360, 60),
        line("13.56", 607, 380, 54), line("+62857-5370-3438", 67, 617, 47),
        line("17.58", 85, 681, 51), line("hidayat.agus:19)", 159, 769, 52),
        line("BERSAMAIVANA&", 233, 1241, 55), line("KITAMENANGKAN!", 218, 1419, 65),
        line("Kirimpesan", 102, 2137, 43), line("Ketik pesan", 72, 2330, 40),
    ]  # fmt: skip
    layout = read_layout(lines, 1440, 2438, framed=True)
    assert layout.header.poster == Poster("username", "hidayat.agus")


def test_a_stories_own_status_bar_starts_it_when_the_chats_title_went_unread() -> None:
    """A story shared in a group chat, the group's member line misread ("Valentiy") so
    nothing marks the chat's top: the story's own status bar (a second clock and battery,
    below the phone's) and the chat's messages above it bound it, so its header is read
    there and not in the chat's title bar."""
    lines = [
        line("22.41", 22, 10, 37), line("56%", 696, 13, 29),
        line("Keluarga Besar", 150, 78, 39), line("Valentiy", 149, 115, 35),
        line("Selamat siang,mau lapor", 398, 201, 36, 295), line("21.58", 723, 216, 31),
        line("Assalamualaikum pak", 433, 276, 36, 259), line("21.58", 724, 293, 26),
        line("06:29", 318, 350, 24), line("49%", 716, 353, 17),
        line("laksmiwat32", 369, 396, 23), line("TOYO pasti", 345, 455, 95),
        line("Kirim pesan", 335, 1043, 24), line("Ketik pesan", 81, 1211, 39),
    ]  # fmt: skip
    assert story_span(lines, 813, 1280) == (350, 1211)
    # Without the story's status bar, the chat's last message above still bounds it.
    no_bar = [x for x in lines if x.text not in ("06:29", "49%")]
    assert story_span(no_bar, 813, 1280) == (312, 1211)


def test_a_date_opening_a_forwarded_storys_caption_is_no_chat_date_chip() -> None:
    """A story forwarded into a chat, its caption opening "27 November 2024 / jangan lupa
    coblos": below the story's own status bar and header the date is the caption's, so the
    story starts at its status bar, not under the date (its header was left out of it)."""
    lines = [
        line("09.27", 18, 7, 30), line("33%", 441, 5, 35),
        line("Laporan Warga", 130, 57, 37), line("mengetik.", 130, 95, 27),
        line("Diteruskan", 164, 167, 26),
        line("09.27", 171, 203, 24), line("33%", 467, 202, 27),
        line("yuni.pkmbanyuwangi4m", 219, 256, 27),
        line("27 November 2024", 244, 353, 34), line("jangan lupa coblos", 227, 390, 33),
        line("no.2ya", 285, 423, 36), line("Kirim pesan", 191, 1032, 31),
        line("07.08", 522, 1093, 24), line("Ketik pesan", 80, 1198, 39),
    ]  # fmt: skip
    assert story_span(lines, 591, 1280) == (203, 1198)


def test_a_date_below_the_stories_handle_is_its_caption_in_a_gallery_too() -> None:
    """A story in a gallery viewer, its own status bar read without its battery: the handle
    heading it ("olivia_tuasikal27m") puts the date under it in the caption, not in the
    viewer's frame, and the story is not cut below the date (its poster left out)."""
    lines = [
        line("21:29", 20, 10, 27), line("23%", 438, 1, 39),
        line("IMG-20241118-WA0297.jpg", 84, 60, 39), line("9 November202419.19", 85, 100, 25),
        line("21:29", 79, 158, 22), line("olivia_tuasikal27m", 131, 218, 26),
        line("27November2024", 133, 426, 38), line("jangan lupa coblos", 127, 486, 48),
        line("no.1ya", 207, 552, 43), line("Kirimpesan", 102, 1032, 27),
        line("Kirim", 32, 1225, 28), line("Edit", 161, 1223, 30), line("Favorit", 267, 1223, 31),
        line("Hapus", 391, 1226, 28), line("Lainnya", 506, 1225, 30),
    ]  # fmt: skip
    top, _bottom = story_span(lines, 606, 1280) or (None, None)
    assert top is not None and top < 218


def test_a_member_number_above_the_stories_status_bar_is_not_its_poster() -> None:
    """A story shared in a Telegram group, read enlarged, its poster line's age lost
    ("aguspiliang 93" of "aguspiliang_93 30 m"): the sharer's number above the story's own
    status bar is not the poster; the lower-case line right under that bar is."""
    lines = [
        line("Kemarin", 627, 70, 63), line("+62852-1659-9359", 65, 186, 53, 363),
        line("15.06", 85, 270, 29), line("aguspiliang 93", 167, 355, 41),
        line("Gaspol TOyO!l", 214, 710, 101), line("Menanghan Paslon1", 188, 824, 109),
        line("Kirumpe", 114, 1692, 28), line("cekinimin", 63, 1875, 55),
        line("06.57", 842, 1935, 45),
    ]  # fmt: skip
    layout = read_layout(lines, 1440, 2054, framed=True)
    assert layout.header.poster == Poster("username", "aguspiliang_93")
    assert Poster("username", "aguspiliang93") in layout.header.alternatives
    # Content in capitals right under the bar is no username.
    shouted = [x if x.text != "aguspiliang 93" else line("Gaspol 02", 167, 355, 41) for x in lines]
    assert read_layout(shouted, 1440, 2054, framed=True).header.poster is None


def test_a_senders_number_at_the_bubbles_edge_is_not_the_poster_of_the_story() -> None:
    """A story shared in a WhatsApp group, its header too pale to read: the member's number
    over it starts at the bubble's edge, left of the story's own "Kirim pesan" (cut short by
    OCR), where no header of the story can stand. Nobody is named, rather than the sender."""
    lines = [
        line("+62812-338-9501", 67, 67, 42, 336), line("TARMIZI-HERMAN", 203, 702, 139),
        line("YG TERBAIK", 207, 804, 144), line("Kirimp", 116, 1699, 37),
        line("10.57", 910, 1739, 47),
    ]  # fmt: skip
    assert read_layout(lines, 1490, 1878, framed=True).header.poster is None
    # The same number right of the footer's start is a WhatsApp header of its own.
    inset = [line("+62812-338-9501", 180, 67, 42, 336), *lines[1:]]
    assert read_layout(inset, 1490, 1878, framed=True).header.poster is not None


def test_a_chats_date_chip_marks_the_story_as_shared_in_a_chat() -> None:
    """ "Hari ini" alone in a chip above the story, the chat's title and members misread:
    the story starts below it, so the chat's title is never read as its poster."""
    lines = [
        *STATUS, line("Keluarga Besar", 134, 81, 33), line("Stefaniaanaonifasiusn", 134, 120, 28),
        line("Hari ini", 345, 195, 34), line("OKRO menang", 104, 667, 55),
        line("Kirim pesan", 35, 1036, 33), line("Ketik pesan", 64, 1211, 39),
    ]  # fmt: skip
    assert story_span(lines, W, H) == (229, 1211)


def test_a_chats_full_date_chip_is_the_storys_top() -> None:
    """A story shared in a chat, the screenshot cropped through a notification over the
    chat's title (its app line cut off, "Besok rapat jam 8 ya" left): the chat's date chip
    ("22 Oktober 2024"), with the chat's input box below, is where the story starts, so the
    notification's message is never read as the story's header."""
    lines = [
        line("Bu Budi Disperindag", 30, 20), line("Besok rapat jam 8 ya", 30, 58),
        line("22 Oktober 2024", 258, 130, 34), line("mari dukung", 240, 700, 40),
        line("Kirim pesan", 230, 1080), line("Ketik pesan", 64, 1211, 39),
    ]  # fmt: skip
    assert story_span(lines, W, H) == (164, 1211)
    # Without the chat's input box the date opens the story.
    alone = [*STATUS, line("22 Oktober 2024", 150, 240), line("mari dukung", 240, 700, 40)]
    assert story_span(alone, W, H) is None


def test_a_slogan_listed_with_commas_is_no_group_chats_member_list() -> None:
    """ "Bersih, Peduli, Melayani" mid-screen, on a campaign poster re-shared to a status, is
    shaped like a group's member list; only in a chat's title bar, at the top, is it one."""
    lines = [
        *STATUS, line("relawan.kera", 120, 176), line("Bersih,Peduli,Melayani", 120, 760),
        line("NOMOR URUT 3", 150, 820), line("Balas", 320, 1200),
    ]  # fmt: skip
    assert story_span(lines, W, H) is None
    in_title = [*STATUS, line("Zelda, Wening, Jessica, Anda", 120, 110), *lines[2:]]
    assert story_span(in_title, W, H) is not None


def test_a_viewers_date_title_above_its_action_bar_is_not_the_storys_top() -> None:
    """A story re-shot in a gallery viewer titled with the photo's date ("31 Okt 2024", its
    back arrow read on, its O read 0), the story's own header too pale to read: the story
    starts below the title, so a header read again is read there, not in the title
    ("okt2024" of "←310kt2024" once became the poster)."""
    lines = [
        *STATUS, line("←310kt2024", 18, 85), line("Bersama Junaidi & Oktaf", 153, 605, 40),
        line("kita menangkan!", 217, 660, 40), line("Kirim pesan", 115, 1068),
        line("Kirim", 43, 1228), line("Edit", 195, 1229), line("Favorit", 324, 1231),
        line("Hapus", 471, 1231), line("Lainnya", 609, 1229),
    ]  # fmt: skip
    assert is_chrome("←310kt2024")
    assert story_span(lines, W, H) == (115, 1228)
    # A date opening a story shown full screen (no viewer's action bar) frames nothing.
    plain = [*STATUS, line("27 November 2024", 150, 240), *lines[2:4]]
    assert story_span(plain, W, H) is None


def test_the_content_of_a_story_read_again_leaves_out_the_chats_messages() -> None:
    """A body read again around a story shared in a chat: the reporter's message beside its
    sending time is not the poster's support; the story's own lines are."""
    lines = [
        line("Pak, ini dukung paslon 2 ya?", 31, 244, 34, 330), line("09.42", 380, 256, 27),
        line("Coblos No. 1", 150, 600, 60), line("21.33", 20, 10), line("66%", 600, 10),
    ]  # fmt: skip
    text = content_text(lines)
    assert "Coblos No. 1" in text
    assert "paslon 2" not in text and "66%" not in text


def test_a_notification_over_the_top_is_chrome() -> None:
    """A notification over the screen's top ("WhatsApp • sekarang", as OCR reads it), its
    sender and its message: neither the poster nor the body; what it hides starts below a
    gap (the status bar, the story's own header)."""
    shown = ("WhatsApp·sekarang", "WhatsApp-gekarang", "Telegram · 2 mnt", "Wha tsApp·sekarang")
    # Any app's, by its dot; a common app's by its name when the dot is lost.
    for app in (*shown, "Shopee·sekarang", "Gojek • 5 menit", "Gmailsekarang"):
        lines = [
            line(app, 98, 40, 44),
            line("Bu Ajeng Disnaker", 48, 90, 46),
            line("Dukung nomor 2 ya pak", 46, 132, 50),
            line("15.33", 174, 208),
            line("Pak Agus Kel. Bacang", 140, 254),
            line("Kemarin 07.00", 140, 286, 25),
            line("Selamat pagi", 200, 600, 60),
            line("Balas", 320, 1200),
        ]
        layout = read_layout(lines, W, H)
        assert layout.header.poster == Poster("contact_name", "Pak Agus Kel. Bacang"), app
        assert layout.body == ("Selamat pagi",), app
        # The story's header unread too: still no poster, and the message is no content.
        unread = read_layout([x for x in lines if x.top not in (254, 286)], W, H)
        assert unread.header.poster is None, app
        assert "Dukung nomor 2 ya pak" not in unread.body_text, app
    # A handle with a bullet before its age, a song under it, is no app's line (ours 9227).
    lines = [
        *STATUS,
        line("kartika1977·12j", 286, 188, 41),
        line("Rhoma lrama· Begadang", 274, 221, 41),
        line("COBLOS NO. 1!", 475, 823, 50),
    ]
    assert read_layout(lines, W, H).header.poster == Poster("username", "kartika1977")
    # One digit at its end, or none: still all in lower case, a handle (ours 9241 0100).
    for handle in ("andismpn5", "andismpn"):
        lines = [line(f"{handle}·34m", 98, 33, 38), line("coblos 03", 276, 545, 73)]
        assert read_layout(lines, W, H).header.poster == Poster("username", handle), handle
    # Story text naming an app is no notification.
    lines = [*STATUS, line("bagas_bappeda 4j", 88, 99), line("WhatsApp sekarang rame", 50, 700)]
    assert "WhatsApp sekarang rame" in read_layout(lines, W, H).body
    lines = [*STATUS, line("bagas_bappeda 4j", 88, 99), line("Pilih sekarang 02", 50, 160)]
    assert "Pilih sekarang 02" in read_layout(lines, W, H).body


def test_a_contact_cut_by_the_app_keeps_its_mark() -> None:
    """WhatsApp cuts a name too long for its header with "…", which OCR reads ".." or "...":
    the poster keeps one "…" (its last words may be completed from the roster); a name
    ending in a single dot is not cut."""
    for shown, poster in [
        ("Pak Ucok Fauzi UPTD Balai K..", "Pak Ucok Fauzi UPTD Balai K…"),
        ("ABANG RADIT (UPTD BALAI...", "ABANG RADIT (UPTD BALAI…"),
        ("Bu Endang (SMKN 2 Tanjung Pan…", "Bu Endang (SMKN 2 Tanjung Pan…"),
        ("Bu Rina.", "Bu Rina"),
        # "Ka" of "Katis" cut short is no honorific ("Kak") that would start the name.
        ("Budi (Kecamatan Simpang Ka...", "Budi (Kecamatan Simpang Ka…"),
    ]:
        lines = [*STATUS, line(shown, 140, 70), line("Kemarin 06.50", 140, 105, 25)]
        assert read_layout(lines, W, H).header.poster == Poster("contact_name", poster)


def test_a_handle_cut_by_the_app_keeps_its_mark_and_its_age() -> None:
    """Instagram cuts a long handle with "…" before the story's age; OCR reads the mark as
    "..." and often glues the age on. The digits after the mark are the age, never the
    handle's."""
    for shown in ("warsita_yolanda_of… 21 j", "warsita_yolanda_of...21j", "warsita_yolanda_of…21j"):
        header = read_layout([*STATUS, line(shown, 88, 99)], W, H).header
        assert header.poster == Poster("username", "warsita_yolanda_of..."), shown
        assert header.seen is not None and header.seen.replace(" ", "") == "21j", shown


def test_a_system_toast_is_known_with_its_spaces_lost_or_a_caption_run_into_it() -> None:
    from rules.frame import is_toast

    for text in ("Tidak ada koneksi internet", "Tidak adakoneksi internet",
                 "BismilTangkapan layardisimpan", "Screenshot saved", "Disalin ke papan klip",
                 "Mencoba menghubungkan...", "Link copied", "Tekan sekali lagi untuk keluar",
                 "Pesan terkirim"):  # fmt: skip
        assert is_toast(text), text
    for text in ("Tidak ada yang lain", "koneksi", "Simpan nomor 2", "internet murah",
                 "Menghubungkan kita semua", "Pesan dari Pak Kades"):  # fmt: skip
        assert not is_toast(text), text


def test_a_toast_lying_on_a_row_of_the_caption_is_known_to_cover_it() -> None:
    """ "Slem" and "eduli." either side of "Tidak ada koneksi internet": the toast covers a
    line of the caption. A toast over a photo, the caption on rows of its own, covers none."""
    from rules.frame import toast_over_text

    toast = line("Tidak ada koneksi internet", 170, 1040, 34, width=270)
    covered = [line("Slem", 78, 1042, 34), toast, line("eduli.", 450, 1041, 34),
               line("52!", 400, 1084, 30)]  # fmt: skip
    assert toast_over_text(toast, covered)
    cut = [toast, line("ORRA IVILINAAAAING", 280, 1070, 34)]  # its top under the toast
    assert toast_over_text(toast, cut)
    cut = [toast, line("dL", 120, 1066, 27)]  # left of it, lower: "dUKUng BApak Junaidi"
    assert toast_over_text(toast, cut)
    apart = [line("Coblos nomor 2!", 200, 900, 34), toast, line("Balas", 60, 1200, 30)]
    assert not toast_over_text(toast, apart)


def test_a_toast_is_never_the_storys_text() -> None:
    """ "Tidakada koneksi internet" under "Lari pagi 5 km": its "tiDAKAda" is no pair's
    "DAKA". Neither the story's body nor an enlarged reading's content holds it."""
    from rules.frame import content_text

    lines = [*STATUS, line("Bp. Ucok (Kecamatan Kuranji)", 88, 60), line("Kemarin 23.54", 88, 95),
             line("Lari pagi 5 km", 200, 600), line("Tidakada koneksi internet", 170, 1040),
             line("Balas", 320, 1200)]  # fmt: skip
    layout = read_layout(lines, W, H)
    assert "Lari pagi 5 km" in layout.body
    assert not any("koneksi" in t for t in layout.body), layout.body
    assert "koneksi" not in content_text(lines[-3:])


def test_a_status_bar_under_a_notification_is_found_its_icons_read_as_a_digit() -> None:
    from rules.frame import status_bar_below

    lines = [
        line("Telegram·sekarang", 79, 30, 35), line("Pak Hadi SMKN3", 38, 70, 32),
        line("Dukung nomor 2 ya pak", 37, 107, 32),
        line("17.240", 96, 184, 32), line("35%", 530, 187, 27),
        line("ZUMA menaaang satu putaran", 153, 621, 44),
    ]  # fmt: skip
    assert status_bar_below(lines, 154) == 187
    assert status_bar_below([x for x in lines if x.text != "35%"], 154) is None
    assert status_bar_below(lines, 300) is None


def test_a_handle_read_in_two_pieces_far_apart_is_no_sure_reading() -> None:
    """ "lest" and "lahudin93 23m" two letter heights apart (ours 9211 0013: the pale middle
    of "lestarisalahudin93" over a white cup, unread): joined as "lest_lahudin93", nobody on
    the roster, it was taken for someone off it and a "01 Menang!" story ended `clear`. A
    gap that wide held letters: the joined reading is not sure, so the header is read
    again. A space read where an underscore stands, and an age apart, leave it sure."""
    from netra.header_marks import CLEAR_READING

    def header(*lines: OcrLine) -> tuple[Poster | None, float]:
        reading = read_layout([*STATUS, *lines, line("01", 300, 611, 130)], W, H).header
        return reading.poster, reading.confidence

    gapped = header(line("lest", 94, 76, 25, 50), line("lahudin93 23m", 198, 75, 28, 190))
    assert gapped[0] == Poster("username", "lest_lahudin93")
    assert gapped[1] < CLEAR_READING
    spaced = header(line("eka", 94, 76, 25, 40), line("rangkuti 5j", 145, 75, 28, 140))
    assert spaced == (Poster("username", "eka_rangkuti"), 0.95)
    aged = header(line("olga29713", 94, 76, 25, 120), line("3m", 260, 75, 28, 30))
    assert aged == (Poster("username", "olga29713"), 0.95)


def test_a_handle_split_at_its_underscore_is_one_handle_not_its_tail() -> None:
    """ "dewi" (boxed 13 px high, its right edge 8 px into the next box) and "_chan16j" of
    "dewi__chan" in a chat (ours 9213 0195): the tail alone was read as the poster
    "_chan1", nobody on the roster, and a "LIZU … No. 1" story ended `clear`. The pieces
    are one handle, run on at its mark; one of a doubled mark's strokes may be lost
    between the boxes, so the reading is not sure and the header is read again."""
    from netra.header_marks import CLEAR_READING

    reading = read_layout(
        [*STATUS, line("dewi", 102, 389, 13, 32), line("_chan16j", 126, 383, 25, 94),
         line("No.1", 232, 601, 39)], W, H,
    ).header  # fmt: skip
    # "16j" or "6j" old: both readings are offered, the roster settles which.
    readings = [reading.poster, *reading.alternatives]
    assert Poster("username", "dewi_chan") in readings, readings
    assert all(p is not None and p.text.startswith("dewi_chan") for p in readings), readings
    assert reading.confidence < CLEAR_READING
    # A handle that ends in its mark, the age boxed apart: a twin account, read sure (ours
    # 9199 0152, "oktavia_bpkad6_" beside the roster's "oktavia_bpkad").
    twin = read_layout(
        [*STATUS, line("oktavia_bpkad6_", 94, 76, 25, 200), line("3m", 300, 75, 28, 30),
         line("coblos 02", 232, 601, 39)], W, H,
    ).header  # fmt: skip
    assert twin.poster == Poster("username", "oktavia_bpkad6_") and twin.confidence >= CLEAR_READING


def test_a_month_and_its_year_under_a_caption_line_is_no_status_time() -> None:
    """A notification over the poster line; the caption below reads "Insya Allah 27" over
    "November 2024" over "kita coblos JOGU nomor1" (blindgen 231 0143). "November 2024"
    looked like a status time with its dot lost (20.24), so "Insya Allah 27" became the
    poster, nobody on the roster, and the story ended `clear`. A month with its year is a
    date: no poster is read, and the story's support goes to review."""
    lines = [*STATUS, line("WhatsApp·now", 205, 252, 22), line("GrupAlumni SMA95", 203, 273, 26),
             line("Insya Allah 27", 232, 508, 46), line("November 2024", 216, 565, 42),
             line("kita coblos JOGU", 205, 621, 42), line("nomor1", 256, 677, 42),
             line("Reply", 336, 1037, 26)]  # fmt: skip
    # The story cut out of the chat that re-shares it, where a header may stand lower.
    assert read_layout(lines, W, H, framed=True).header.poster is None
    # A status's time with its dot lost still is one.
    lines = [*STATUS, line("Bu Maya SD 39", 88, 60), line("Harlint 1729", 88, 95),
             line("Lari pagi 5 km", 200, 600)]  # fmt: skip
    assert read_layout(lines, W, H).header.poster == Poster("contact_name", "Bu Maya SD 39")


def test_an_emoji_row_under_a_name_read_without_its_age_is_the_storys_not_the_headers() -> None:
    """ "dewi.dinkes" over a pale glow, its age unread, "✌️ 2️⃣ 🔥" right under it read "2"
    (ours 9269 0215): the header ends with the name's line, so the row below is looked at
    as the story's (its emoji), not passed over as part of the header."""
    lines = [
        OcrLine("20.15", 20, 5, 90, 30, 0.99, 25.0),
        OcrLine("20%", 640, 5, 700, 30, 0.99, 25.0),
        OcrLine("dewi.dinkes", 96, 81, 254, 107, 0.99, 25.2),
        OcrLine("2", 81, 130, 161, 168, 0.69, 37.0),
        OcrLine("Kirim pesan", 40, 1200, 200, 1230, 0.99, 30.0),
    ]
    layout = read_layout(lines, 720, 1280)
    assert layout.header.poster == Poster("username", "dewi.dinkes")
    assert layout.body == ("2",)
    assert layout.header_box is not None and layout.header_box[3] == 107
