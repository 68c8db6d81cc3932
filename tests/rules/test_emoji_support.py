"""What a story's emoji say about a pair's number, once `ocr.emoji` has named them."""

from __future__ import annotations

import pytest

from rules.election import Election
from rules.emoji_support import CHEERED, WEIGHT
from rules.support import detect_support


def _said(election: Election, names: list[str], text: str = "") -> tuple[int | None, float]:
    finding = detect_support(text, election, names)
    return finding.candidate, finding.confidence


@pytest.mark.parametrize(
    ("names", "text", "number"),
    [
        (["cheer_100", "key2", "cheer_100", "key2", "cheer_100"], "10210210", 2),  # 💯 2️⃣ 💯 2️⃣ 💯
        (["finger1", "key1", "cheer_fire"], "", 1),  # ☝️ 1️⃣ 🔥
        (["finger3", "key3", "cheer_fire"], "", 3),  # 🤟 3️⃣ 🔥
        (["finger2", "finger2", "finger2", "cheer_fire"], "02665", 2),  # ✌️✌️✌️ 02 🔥, run in
        (["finger1", "finger1", "finger1", "finger1"], "HEWAN", 1),  # ☝️☝️ HEWAN ☝️☝️
        (["finger2", "cheer_fire"], "2", 2),  # ✌️ 2️⃣ 🔥, the keycap read by OCR as its digit
    ],
)
def test_emoji_with_a_second_voice_back_the_pair(
    election: Election, names: list[str], text: str, number: int
) -> None:
    candidate, confidence = _said(election, names, text)
    assert candidate == number and confidence >= WEIGHT


def test_a_ballot_box_and_a_check_beside_one_digit_is_a_vote_shown(election: Election) -> None:
    assert _said(election, ["cheer_ballot", "cheer_check", "cheer_100"], "3") == (3, WEIGHT)
    # Two digits: a date, a count, no vote shown.
    assert _said(election, ["cheer_ballot", "cheer_check"], "2 3")[0] is None
    # The check mark lost, its two cheers seen: the vote shown all the same.
    assert _said(election, ["cheer_ballot", "cheer_100", "cheer_100"], "3") == (3, WEIGHT)
    # A ballot box alone (books, a parcel read as one) beside "Hari ke-2": no vote; nor
    # beside one cheer.
    assert _said(election, ["cheer_ballot"], "3")[0] is None
    assert _said(election, ["cheer_ballot", "cheer_100"], "3")[0] is None
    assert _said(election, ["cheer_ballot", "cheer_check"], "Hari ke-2 bimtek")[0] is None
    # The check mark misnamed and "💯💯" found as one, both hundreds read as text
    # ("100100", "700700"): the two cheers seen all the same (ours 9163).
    names = ["other_heart", "cheer_ballot", "cheer_100"]
    assert _said(election, names, "100100\nT00100\n700700\n3") == (3, WEIGHT)
    assert _said(election, names, "100\n3")[0] is None  # one hundred read: one cheer
    # The 💯s read on their own line and the check, painted over among the emoji, read as a
    # 7 or a "v" after the digit ("🗳️ 2 ✅💯💯" read "700100" and "2 7": ours 9229).
    vote = ["cheer_ballot", "cheer_check", "cheer_100", "cheer_100"]
    assert _said(election, vote, "700100\n2 7") == (2, WEIGHT)
    # A 7 with words around it is a count, not the check.
    assert _said(election, vote, "2 7 hari lagi")[0] is None
    # The ballot box matched as no emoji and read as a stroke before the row ("12V10100",
    # blindgen 265): the row in text alone says the vote; a row with no check read is none.
    unnamed = ["cheer_check", "other_blue_heart"]
    assert _said(election, unnamed, "12V10100\n2 100 00") == (2, WEIGHT)
    assert _said(election, [], "12V10100") == (2, WEIGHT)
    assert _said(election, [], "12 10100")[0] is None
    # The ballot box unnamed (dark over a dark photo, named a fist: ours 9247 0198), the check
    # and two 💯 named, the digit read alone on its line: the vote; a digit in a sentence is
    # a count ("Sudah vaksin dosis 2"), and one cheer is too few.
    boxless = ["other_fist", "cheer_check", "cheer_100", "cheer_100"]
    assert _said(election, boxless, "100100\n2") == (2, WEIGHT)
    assert _said(election, boxless, "Sudah vaksin dosis 2")[0] is None
    assert _said(election, ["other_fist", "cheer_check", "cheer_100"], "2")[0] is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1100100\nKirim pesan\n100 100", 1),  # 💯💯 read "100100", run into the digit
        ("Sheila On 7·Dan\n2 V100100\n2 10 10", 2),  # a music sticker numbers the story too
    ],
)
def test_a_vote_row_read_with_its_emoji_as_digits_still_shows_the_vote(
    election: Election, text: str, number: int
) -> None:
    """ "🗳️ 1 ✅💯💯": OCR reads the check as "V" and each 💯 as "100": the row is the vote."""
    names = ["cheer_ballot", "cheer_check", "cheer_100", "cheer_100"]
    assert _said(election, names, text) == (number, WEIGHT)
    # Two such rows naming two numbers back nobody; a count of a hundred is no vote row.
    assert _said(election, names, "1100100\n2 V100100")[0] is None
    assert _said(election, names, "2 100 orang\n3 dan 1")[0] is None


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (["finger1"], "ingat rapat besok"),  # one raised finger alone says nothing
        (["key1", "key2", "key3"], "langkah mudah"),  # a numbered list
        (["finger2", "key3"], ""),  # two numbers: nobody
        (["other_pray", "other_love", "other_heart"], "Selamat hari guru"),
        (["cheer_fire", "cheer_100"], "Mantap jiwa"),  # a cheer with no number
        (["key7", "key7"], ""),  # no pair has that number
    ],
)
def test_emoji_that_say_no_one_number_back_nobody(
    election: Election, names: list[str], text: str
) -> None:
    candidate, confidence = _said(election, names, text)
    assert candidate is None or confidence < 0.7, (candidate, confidence)


def test_fingers_cheered_without_their_number_are_only_a_review(election: Election) -> None:
    """ "✌️✌️✌️ … 🔥🔥🔥", the "02" between them unread: likely, not sure."""
    assert _said(election, ["finger2", "finger2", "cheer_fire"]) == (2, CHEERED)


@pytest.mark.parametrize(
    "text",
    [
        "1021002700",  # 💯 read "10", the keycaps "2", the last 💯 "700"
        "Balas...\n100210027100",
        "100 2 100 2 100",
    ],
)
def test_a_keycap_row_read_as_digits_backs_its_number(election: Election, text: str) -> None:
    """ "💯 2️⃣ 💯 2️⃣ 💯" that no emoji template named (neon, at a slant): the same digit twice
    between hundreds is the keycap repeated."""
    assert _said(election, [], text) == (2, WEIGHT)


@pytest.mark.parametrize(
    "text",
    [
        "197612192004031025",  # a NIP
        "081210027100",  # a phone number
        "1002100",  # one digit between hundreds: a count, not a row
        "2 100 3 100",  # two numbers
        "harga 1021002700",  # words beside it: not a row of emoji
    ],
)
def test_numbers_that_are_no_keycap_row_back_nobody(election: Election, text: str) -> None:
    assert _said(election, [], text)[0] is None


def test_a_vote_row_read_in_full_shows_the_vote_without_its_emoji_named(
    election: Election,
) -> None:
    """ "🗳️ 1 ✅💯💯" read "1V100100", its emoji set at a slant and named by no template: the
    digit, the check as "V" and two hundreds are the vote shown."""
    assert _said(election, [], "Foto: Foto\n1V100100\nBalas...") == (1, WEIGHT)
    # Tiny, one 💯 of the two read whole (blindgen 275 0035); a "10" alone may be anything.
    assert _said(election, [], "2V100\nKirim pesan\n12V0") == (2, WEIGHT)
    assert _said(election, [], "2V10")[0] is None
    assert _said(election, [], "1 100 100")[0] is None  # no check: a count


def test_a_ballot_box_with_its_hundreds_read_as_text_shows_the_vote(election: Election) -> None:
    """ "🗳️ 2 ✅💯💯" where the emoji finder named only the ballot box: the 💯💯 read as
    "100100" and the "2" read between the emoji are the vote. No ballot box, or no digit,
    and it is none."""
    assert _said(election, ["cheer_ballot"], "100100\n\n2") == (2, WEIGHT)
    assert _said(election, ["cheer_ballot"], "100100")[0] is None
    assert _said(election, [], "100100\n\n2")[0] is None


def test_a_pairs_padded_number_alone_among_cheers_backs_it(election: Election) -> None:
    """ "☝️☝️☝️ 01 🔥🔥🔥", the fingers as yellow as the story behind them and unseen: the
    "01" alone on its line, cheered. One cheer, or the number inside a sentence, is not."""
    assert _said(election, ["cheer_fire"] * 3, "01") == (1, WEIGHT)
    assert _said(election, ["cheer_fire"], "01")[0] is None
    assert _said(election, ["cheer_fire"] * 3, "rapat 01 desember")[0] is None
    # The fires after it read as digits and run into it ("02600", "0236"): still the "02".
    assert _said(election, ["cheer_fire"] * 3, "02600\n02360\n0236") == (2, WEIGHT)
    assert _said(election, ["cheer_fire"] * 3, "02 666") == (2, WEIGHT)
    # The emoji unseen, read as digits or letters around it ("✌️✌️✌️ 02 🔥🔥🔥" read
    # "44402666", "🤟🤟🤟 03 🔥🔥🔥" read "F03666"): the row is its own cheers.
    assert _said(election, [], "Foto\n44402666\nBalas") == (2, WEIGHT)
    assert _said(election, [], "03\nf03666") == (3, WEIGHT)
    # Tiny emoji read some as digits, some as letters ("☝️☝️☝️ 01 🔥🔥🔥" 12 px high read
    # "8ee01666", blindgen 247 0140): the same row.
    assert _said(election, [], "8ee01666\n88e0166") == (1, WEIGHT)
    assert _said(election, [], "tps 01666")[0] is None  # a word is no row of emoji
    # Tinier still, the fires read mixed too ("8ee01660", "ddd016oo": blindgen 251 0100,
    # 0298), where the emoji finder saw some of the row; a sign's "SDN 01 CBR" is none.
    seen = ["other_palms", "cheer_fire"]
    for text in ("dee01000\n8ee01660\n3A", "Kirimpesan\nddd016oo"):
        assert _said(election, seen, text) == (1, WEIGHT), text
    assert _said(election, [], "8ee01660")[0] is None
    assert _said(election, ["cheer_fire"], "ASN BUKAN TIM\n0010000")[0] is None  # ours 9201
    # A row is one line: "V100100" over "3" is a vote row, not "01" cheered (ours 9143).
    vote = ["cheer_check", "cheer_100", "cheer_ballot", "cheer_100"]
    assert _said(election, vote, "V100100\n3\n100100\n3") == (3, WEIGHT)
    assert _said(election, seen, "SDN 01 pagi")[0] is None
    assert _said(election, [], "f 03 6")[0] is None  # one digit after it: no row of emoji
    assert _said(election, [], "44402666\n01 777")[0] is None  # two pairs' rows: neither
    # A clock ("05.25") or a number too long for a few emoji ("0812345678") is none.
    assert _said(election, ["cheer_fire"] * 3, "Hari ini 05.25\n0212345678")[0] is None
    # "Sudah nyoblos di TPS 03 🗳️ … 💪🥰💯", the station's number read on a line of its own.
    names = ["cheer_arm", "other_smile", "cheer_100"]
    assert _said(election, names, "Sudah nyoblos di TPS\nKel. Semabung\n03")[0] is None
    # Or read with it, and again alone among the emoji (ours 9191); another number is a pair's.
    names = ["cheer_arm", "cheer_fire", "cheer_100"]
    assert _said(election, names, "Sudah nyoblos di TPS 02\nKel. Berok\n:02")[0] is None
    assert _said(election, names, "Sudah nyoblos di TPS 14\nKel. Berok\n02") == (2, WEIGHT)
    # An address's number wrapped onto a line of its own ("Posyandu di Balai RW" / "02"),
    # cheers seen in the photo around it: the neighbourhood's, not a pair's (ours 9201).
    names = ["cheer_100", "cheer_100", "cheer_fire"]
    assert _said(election, names, "Posyandu Balita\ntgl 12 di Balai RW\n02")[0] is None
    assert _said(election, names, "Kumpul di RT 02\n02")[0] is None
    assert _said(election, names, "Posyandu Balita\ntgl 12 di Balai\n02") == (2, WEIGHT)


def test_a_written_number_or_a_keycap_outweighs_fingers_named_otherwise(election: Election) -> None:
    """A finger's template is a fist with one, two or three fingers up, near the others
    turned or over orange: "☝️☝️☝️ 01 🔥🔥🔥" over orange was named ✌️ thrice, "✌️ 2️⃣ 🔥"
    turned 15° named its ✌️ a ☝️, and both backed nobody. The pair's "0N" alone on its
    line, or a keycap's digit, is what a person reads; fingers that agree still count."""
    fingers_two = ["finger2"] * 3 + ["cheer_fire"] * 3
    assert _said(election, fingers_two, "01") == (1, WEIGHT)  # "0N" alone on its line
    assert _said(election, ["finger1", "key2", "cheer_fire"]) == (2, WEIGHT)  # the keycap
    assert _said(election, ["finger2", "key2", "cheer_fire"]) == (2, WEIGHT)
    # A "0N" inside a sentence is no written vote: the fingers are weighed as before.
    assert _said(election, fingers_two, "rapat RT 01 besok") == (2, CHEERED)
    # A keycap against a finger with nothing else beside them still backs nobody.
    assert _said(election, ["finger2", "key3"])[0] is None


def test_an_acronym_read_with_a_slip_alone_on_its_line_is_backed_by_a_cheer(
    election: Election,
) -> None:
    """ "IKAZ 🔥" in a script font read "TKAZ" (blindgen 285 0235): one slip from a pair's
    acronym counts only beside a support word, and the 🔥 seen beside it is one. The slip
    inside a sentence, or with no cheer, is no more than it was."""
    from rules.emoji_support import CHEERED_ALIAS

    candidate, confidence = _said(election, ["cheer_fire"], "YUDH")
    assert candidate == 3 and confidence >= CHEERED_ALIAS
    assert _said(election, [], "YUDH")[1] < 0.7
    assert _said(election, ["cheer_fire"], "YUDH datang besok ke kantor")[1] < 0.7
    # Fingers or a keycap say their own number; the cheer is theirs.
    assert _said(election, ["finger1", "cheer_fire"], "YUDH")[0] != 3


def test_fingers_and_a_word_one_letter_off_their_pairs_acronym_agree() -> None:
    """ "🤟🤟 DIIR 🤟🤟" read "DIR" (blindgen 251 0262): the lexicon's "dir" is no alias of
    pair 3, but alone on its line one letter off its acronym, beside fingers naming 3, it is
    the second voice the fingers need. The same word under fingers naming another pair, or
    inside a sentence, is not."""
    from rules.election import parse_election

    election = parse_election(
        "[election]\nname='x'\n[[candidates]]\nnumber=1\npeople=['Ana Putri', 'Budi Santoso']\n"
        "aliases=['ANBU']\n[[candidates]]\nnumber=3\npeople=['Dimas Wahyudi', 'Irfan Hasyim']\n"
        "aliases=['DIIR']\n"
    )
    fingers = ["finger3"] * 4
    assert _said(election, fingers, "DIR") == (3, WEIGHT)
    assert _said(election, fingers, "DIR datang ke kantor")[0] is None
    assert _said(election, ["finger1"] * 4, "DIR")[0] is None


def test_three_alike_emoji_read_as_a_word_of_doubled_letters_are_still_emoji(
    election: Election,
) -> None:
    """ "☝️☝️☝️ 01 🔥🔥🔥" 12 px high read "dee01000" (blindgen 251 0100): "dee" is in
    tesseract's word list, and a word beside the number is no row of emoji. Three alike
    emoji read as letters repeat one; the row is pair 1's, cheered. A place beside its
    number ("tps 01000") still is not."""
    assert _said(election, ["cheer_fire", "other_palms"], "dee01000") == (1, WEIGHT)
    assert _said(election, ["cheer_fire", "other_palms"], "tps01000")[0] is None
    # Alone, "01000" is as much "😎🥰💯🔥", a 💯 read "100" after an emoji read "0", under
    # a morning greeting (ours 9285 0015, a false flag); "02666" stays a row.
    assert _said(election, ["cheer_fire"], "Selamat pagi,\nsemangat\nbekerja!\n01000")[0] is None
    assert _said(election, ["cheer_fire"], "Selamat pagi,\nsemangat\nbekerja!\n02666")[0] == 2
