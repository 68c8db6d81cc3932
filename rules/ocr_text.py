"""Text as OCR gives it, made comparable: look-alike glyphs folded (I/l/1, O/0, script E
read as "&"), the spaces PP-OCR drops put back around campaign words, words and phrases found
with OCR's slips tolerated. The support rules (`rules.support`) read stories through these.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from rules.lexicon import is_word

# A month as dates abbreviate it, in Indonesian or English ("Agt", "Okt", its O read 0).
MONTH = r"(?:jan|feb|mar|apr|mei|may|jun|jul|agu|aug|agt|sep|okt|0kt|oct|nov|des|dec)"


def normalise_text(text: str) -> str:
    """Lower case, accents folded, OCR's typographic quotes and dashes made plain."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("—", "-").replace("–", "-").replace("’", "'").replace("‘", "'")
    return re.sub(r"[ \t]+", " ", text.lower())


# A word's capital I read as a small l ("Saatnya lvana memimpin" for Ivana, ours 9191): no
# Indonesian word opens with an l before a consonant. Four letters at least ("lt 2" is a
# floor).
_CAPITAL_I_READ_L = re.compile(r"(?<![\w'])l(?=[bcdfghjkmnpqrstvwxz][a-z]{2,})")


def capital_i_restored(norm: str) -> str:
    """Normalised text with a word-initial l before a consonant read as the I it was, and a
    word no dictionary has that is one once some of its l's are read as the I's they were
    ("pllIH" of a script "pIlIH", ours 9203): that word, when it is the only one."""
    return _WORD_WITH_L.sub(_ls_as_is, _CAPITAL_I_READ_L.sub("i", norm))


# "Win" as Kupang's, Ambon's and Minang speech say it ("pasti manang!"): the campaign's
# "menang", never a candidate "Danang" one letter off (blindgen 275 0003).
_REGIONAL_MENANG = re.compile(r"\bmanang(?=(?:kan|lah)?\b)")


def regional_spelled(norm: str) -> str:
    """Normalised text with a campaign word spelt as a region says it in its common form."""
    return _REGIONAL_MENANG.sub("menang", norm)


_WORD_WITH_L = re.compile(r"(?<![\w'])[a-z]*l[a-z]*(?![\w'])")


def _ls_as_is(match: re.Match[str]) -> str:
    """The matched word, or the one dictionary word its l's (three at most) make when some
    are read as i's."""
    word = match.group(0)
    spots = [k for k, c in enumerate(word) if c == "l"]
    if len(word) < 4 or len(spots) > 3 or is_word(word):
        return word
    found: set[str] = set()
    for chosen in range(1, 2 ** len(spots)):
        letters = list(word)
        for bit, k in enumerate(spots):
            if chosen >> bit & 1:
                letters[k] = "i"
        if is_word(candidate := "".join(letters)):
            found.add(candidate)
    return found.pop() if len(found) == 1 else word


def compact_word(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


_FOLD_COMPACT = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b", "3": "e", "4": "a"}
)


def fold_compact(text: str) -> str:
    """Letters and digits only, lower case, OCR's confusions folded (I/l/1, O/0, S/5, B/8,
    rn/m, vv/w) and light leetspeak (E/3, A/4): the form in which spaces and look-alike
    glyphs no longer matter."""
    return _plain(text).replace("rn", "m").replace("vv", "w").translate(_FOLD_COMPACT)


def line_flats(norm: str) -> list[str]:
    """Each line of the text run together and folded (`fold_compact`); a line ending in a
    hashtag's start also with the next line, which may hold the rest of it."""
    lines = norm.splitlines()
    flats = [fold_compact(line) for line in lines]
    for line, after in itertools.pairwise(lines):
        if line.split() and line.split()[-1].startswith("#"):
            flats.append(fold_compact(f"{line}{after}"))
    return flats


def _plain(text: str) -> str:
    """Letters, digits and the glyphs read for them (|, !) only, lower case."""
    return re.sub(r"[^a-z0-9|!]", "", normalise_text(_SCRIPT_E.sub("e", text)))


def compact_in(needle: str, flat: str) -> bool:
    """A folded needle in the folded text, allowing one OCR error per eight characters (none
    below eight: a short needle one letter off is too often another word, and two hashtags
    of one election often share a tail: "#SopaMenang", "#BumaMenang")."""
    if not needle or len(needle) > len(flat) + 2:
        return False
    if needle in flat:
        return True
    errors = len(needle) // 8
    if errors <= 0:
        return False
    return fuzz.partial_ratio(needle, flat) >= 100.0 * (1 - errors / len(needle))


# A dictionary word this long that starts inside a run-together match and runs on past it
# owns the match's last letters. Shorter words, and words crossing the match's start, are
# too often chance: the word list holds "awang" across "…WANGATA…" (the alias "GATA").
BORROWING_WORD = 6
LONGEST_WORD = 16


def borrowed_in(needle: str, text: str) -> bool:
    """Every place the folded `needle` stands in `text` run together, its last letters
    start a longer dictionary word: "ASNBANGGAMELAYANI" holds "banggam" (the alias "Bang
    Gam"), but its "m" starts "melayani". A nickname run into the words after it
    ("BangGammenang") borrows nothing."""
    plain = _plain(text)
    folded = plain.translate(_FOLD_COMPACT)  # letter for letter, so places match `plain`
    starts = [m.start() for m in re.finditer(f"(?={re.escape(needle)})", folded)]
    if not starts:
        return False
    return all(_crossed(plain, p, p + len(needle)) for p in starts)


def _crossed(plain: str, start: int, end: int) -> bool:
    """A dictionary word in `plain` that starts inside [start, end) and ends past `end`."""
    return _word_over(plain, range(start + 1, end), end + 1)


# Letters of a prefix before an election's word ("ber" of "bersama", "ke" of "keadilan").
_PREFIX_LETTERS = 4


def _ended_in(plain: str, start: int, end: int) -> bool:
    """A dictionary word in `plain` that starts a few letters before `start` and runs to
    `end` or past it: "BERSAMA" holds pair 2's "SAMA" as its last letters, and is no alias."""
    return _word_over(plain, range(max(0, start - _PREFIX_LETTERS), start), end)


def _word_over(plain: str, starts: range, least_end: int) -> bool:
    """A dictionary word of `BORROWING_WORD` letters or more in `plain`, starting at one of
    `starts` and ending at `least_end` or later."""
    return any(
        is_word(plain[a:b])
        for a in starts
        for b in range(max(least_end, a + BORROWING_WORD), min(len(plain), a + LONGEST_WORD) + 1)
    )


# Campaign words PP-OCR glues to their neighbours ("PILIHNOMOR1", "PASTIMENANG",
# "sdhmantappilihankepak"): long tokens are split around them, and around the election's own
# aliases and names ("GASBUMAGASS", "SOPAJAWABANNYA"), before the rules read them.
_GLUE_WORDS = (
    "menangkan", "lanjutkan", "pemenangan", "pemenang", "pilihanku", "coblos", "nomor", "nomer",
    "paslon", "dukung", "menang", "pilih", "salam", "mantap", "pasti", "gaspol", "periode", "putaran",
    "relawan", "doakan", "jagoan", "jawabannya", "urut", "jari", "ingat", "bismillah",
    "insyaallah", "amanah", "nyoblos",
)  # fmt: skip
# TitleCase words run together ("PastiMenang", "ZuhriYogi"); each part three letters or more,
# so mixed-case shouting ("bapAk", "MEnaAang") is left alone.
_TITLE_RUN = re.compile(r"^[A-Za-z][a-z]{2,}(?:[A-Z][a-z]{2,})+$")
# Where a hashtag's words join: at a capital after a small letter, and between letters and
# digits ("#Ilrat01", "#ZamonMenang", "#02Ridyu"). A hashtag the election file does not list
# still says what its words say.
_TAG_JOINS = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_FIX_NUMBER = re.compile(r"(fix)(n[o0]\.?|nomor|nomer)(0?[1-9])(?!\d)", re.I)
_FIX_KEYWORD = re.compile(r"^(fix)(?:n[o0]\.?|nomor|nomer)$", re.I)
# A script x read as "&", "e" or "k" in "fix" before a number's keyword ("udh fi&no2 lah").
_SCRIPT_FIX = re.compile(r"\bfi[&ek×](?= ?(?:n[o0]\.?|nomor|nomer) ?0?[1-9](?!\d))", re.I)
# The O of "no" read as a zero before the number: "COBLOS N0 1", "n0.2".
_ZERO_FOR_O = re.compile(r"\b([Nn])0(?=\.? ?0?[1-9]\b)")
_KEYWORD_DIGIT = re.compile(
    r"(nomor|nomer|n0m0r|paslon|coblos|urut|salam|pilih|gas+pol|sikat|hajar|jelas|\bno\.?)(\d)",
    re.I,
)
# The zero of a pair's number read as the letter O, run into its keyword: "GASSPOLO3".
_KEYWORD_O_DIGIT = re.compile(
    r"(nomor|nomer|paslon|coblos|urut|pilih|gas+pol|sikat|hajar|\bno\.)[oO](\d)(?!\d)", re.I
)
_DIGIT_JARI = re.compile(r"(\d)(jari)", re.I)
# A second term run into its number and its name, "i" read as "l" ("Ana2perlode" of "Ana 2
# periode"): set apart, its word spelt right.
_DIGIT_TERM = re.compile(r"(?<!\d)(\d) ?(p[e3]r[il1|!]ode)\b", re.I)
# The number of terms ending a line, "periode" opening the next ("OMAH2" over "PERIODE!!",
# ours 9195): one phrase.
_DIGIT_TERM_BROKEN = re.compile(r"(?<!\d)(\d)[ \t]*\n[ \t]*(?=p[e3]r[il1|!]ode\b)", re.I)
# A pair's number 1 read as the letter I, l or a bar after its keyword, run into it or not:
# "HANA NOMOR 1" read "HANNOMORI", "nomor l", "#Coblos1" in a script font read "#Coblosl".
# After "no" a space or dot must part them ("nol" is zero) and only an l or a bar is the
# one ("Pilih no l ya, begini caranya", ours 9235): English's "no I" is a reply.
_KEYWORD_ONE_AS_LETTER = re.compile(
    r"\b(?:(nomor|nomer|urut|paslon|coblos|pilih) ?[Il|]|(no(?:\. ?| ))(?-i:[l|]))(?![\w|])",
    re.I,
)
# A number run into the word after it ("27/11INGAT", "nomor 1YA"), not a digit inside a
# word ("H3WAN" is leetspeak).
_DIGIT_WORD = re.compile(r"(?<![A-Za-z\d])(\d[\d/.:-]*)(?=[A-Za-z]{2})")
# A regional particle after a number run into the next word: "Nomor 1 mitidakada lagi"
# (Makassar "mi"), not a word that starts so ("1 minggu").
_PARTICLE_GLUED = re.compile(r"(?<=\d )(ji|mi|mo)([a-z]{4,})\b", re.I)
# Emoji OCR reads as glyphs: a sparkle or a star before a number read as "+" or "*"
# ("nomor ✨ 2" → "+2"), and "💯" after one read as "100" or "700" ("nomor 2 💯" → "2100").
_SYMBOL_BEFORE_DIGIT = re.compile(r"^[+*&%~^=]+(?=\d)")
# The same sparkles around a number run into its keyword: "no urut ✨ 2 ✨" → "nourut+2+".
_SYMBOLS_BETWEEN = re.compile(r"(?<=[A-Za-z])[+*%~^=]+(?=\d)")
_SYMBOLS_AFTER_DIGIT = re.compile(r"(?<=\d)[+*%~^=]+$")
# A sparkle after a word read as a glyph run into it: "ingat ✨ nomor 1" → "ingat# nomor 1".
_SYMBOLS_AFTER_WORD = re.compile(r"(?<=[A-Za-z]{3})[#+*%~^=]+$")
# "💯" after a number, its underlines read as 1 or 7, its first zero as "g": "03700", "21g0".
_HUNDRED_EMOJI = re.compile(r"^(0?[1-9])[17][0g]0(?=\W*$)")
# "pasti nomor 1 💯" read as "pasti nomor 100": the emoji read as "00" after the pair's
# number. Only right after a number's keyword that follows a firm or campaign word: "Jl.
# Sudirman No. 100" and "rumah nomor 100" are addresses.
_NUMBER_KEYWORD = re.compile(r"^(?:nomor|nomer|urut)$", re.I)
_FIRM_WORD = re.compile(
    r"^(?:pasti|ingat|tetap|fix|wajib|lupa|yakin|mantap|gas+pol|gas+|pilih|coblos|dukung|"
    r"menangkan|paslon)$",
    re.I,
)
# Its "00" may be read "90" or "g0", its underline a 1 or a 7 ("NOMOR390", "NOMOR3790",
# "otw menang 011g0": blindgen 259), or the whole emoji one "0" ("sdh pasti nomor 30", ours
# 9241 0229), and the number may be run into its keyword.
_HUNDRED_READ = r"(?:[17]?[09g]0|0)(?=\W*$)"
_NUMBER_THEN_HUNDRED = re.compile(r"^([1-9])" + _HUNDRED_READ)
_KEYWORD_THEN_HUNDRED = re.compile(r"^(nomor|nomer|urut)([1-9])" + _HUNDRED_READ, re.I)
# The same after a padded number urged ("otw menang 04 💯" read "otwmenang0470"): the
# padded number is the pair's, what follows it the emoji ("otwmenang020": the 💯 a lone
# "0", blindgen 255).
_URGED_PADDED_THEN_HUNDRED = re.compile(
    r"\b(menang|pilih|coblos|dukung|sikat|hajar|gas+pol|paslon|nomor|urut) (0[1-9])(?:[17]?[09g]0|[17]?0)\b",
    re.I,
)
# An emoji or a symbol standing alone between words ("nomor ⭐ 1", "ya 😉" read as "@"): no
# word, and in the way of "nomor 1".
_LONE_SYMBOLS = re.compile(r"^[+*%~^=#@.,:;?°•·_-]+$")
# An emoji read as a lone number before a zero-padded pair number: "gaspol 💯 02" read as
# "gaspol 1 02", "PASLON 💯 01" as "PASLON 19 01" (nobody writes a number before "02").
_DIGIT_BEFORE_PADDED = re.compile(r"(?<![\d.,:/-])\b[1-9]\d? (?=0[1-9]\b)")
# Words a pair's zero-padded number follows ("gaspol 02").
_PADDED_AFTER = re.compile(r"nomor|nomer|paslon|coblos|urut|pilih|gas+pol", re.I)
# An emoji after a pair's zero-padded number read as one letter run into it, the number
# already off its keyword: "gasspol 02 🔥" read "gasspol02m".
_PADDED_THEN_LETTER = re.compile(rf"\b((?:{_PADDED_AFTER.pattern}) 0[1-9])[A-Za-z]\b", re.I)
# The same after an urging verb, the emoji read as a letter or a digit, the number apart or
# not: "sikat 02 🔥" read "sikat025" and "sikat 02G" (blindgen 263). Only after a verb that
# urges: "Nomor 025 Tahun 2024" numbers a decree. Its zero read as an "o" too: "gasspol 02 😍"
# read "gasspol o2b" (ours 9259 0159).
_URGED_PADDED_THEN_GLYPH = re.compile(
    r"\b(sikat|hajar|pilih|coblos|dukung|menang|gas+pol) ?[0oO]([1-9])[A-Za-z\d](?=[\s!.,]|$)", re.I
)
# The same emoji between the keyword and the number, read as a letter run into the keyword:
# "GASPOL 👊 01" read "GASPOLm 01".
_LETTER_BEFORE_PADDED = re.compile(rf"\b({_PADDED_AFTER.pattern})[A-Za-z] ?(0[1-9])\b", re.I)
# A padded 2 read as two letters after its keyword: "paslon 02" read "paslon uz" (ours 9271
# 0259). No word is "uz" or "oz"; "u" and "z" are what a script 0 and 2 read as.
_PADDED_TWO_AS_LETTERS = re.compile(
    rf"\b({_PADDED_AFTER.pattern}) (?:[0oOuU][zZ]|[uU]2)(?![A-Za-z\d])", re.I
)


def _loosely(word: str) -> str:
    """`word` as OCR may read it: an o as a zero, an l or an i as a one or a bar, each
    letter held or not ("gaspoool", "gasspol")."""
    loose = {"o": "[o0]", "l": "[l1|i]", "i": "[i1l|!]"}
    return "".join(loose.get(ch, re.escape(ch)) + "+" for ch in word)


# A campaign word misread where the misreading is no word: a small font's l read as a t
# ("paston 01 paling mantap", 8 px high in a gallery viewer, read so at every size: ours
# 9287 0043), anywhere; a thin letter lost before the pair's number ("poksknya pilh 3 aja":
# ours 9283 0232).
_SLIPPED_WORDS = ("paslon", "coblos", "pilih", "gaspol", "dukung", "nomor")
_NUMBER_NEXT = r"(?= ?0?[1-9](?![\d.:]))"
_CAMPAIGN_SLIPS = [
    (word, re.compile(rf"(?<![A-Za-z]){re.escape(slip)}{after}", re.I))
    for word in _SLIPPED_WORDS
    for slip, after in {
        **{word[:i] + "t" + word[i + 1 :]: "(?![a-z])" for i, ch in enumerate(word) if ch == "l"},
        **{word[:i] + word[i + 1 :]: _NUMBER_NEXT for i in range(1, len(word))},
    }.items()
    if len(slip) >= 4 and not is_word(slip)
]
# An urging word misread in its o, l or i and run into a padded number: "gaSPOOOl 02" read
# "gaSP000102" and "gaSPO0OI02" (ours 9271 0166). The number is the run's last two digits;
# an emoji between them read as one letter is no part of either ("GASPOOOL 💪 01" read
# "GASP000LC01": ours 9285 0053).
_URGED_LOOSE = {
    word: re.compile(
        rf"(?<![A-Za-z\d])(?:{_loosely(word)})(?:[A-Za-z] ?| ?)[0oO]([1-9])(?![A-Za-z\d])", re.I
    )
    for word in ("gaspol", "coblos", "pilih", "paslon", "nomor")
}
_LETTER_O_DIGIT = re.compile(r"(?<![A-Za-z])[oO](?=\d\b)")  # "paslon O3": the zero read as O
# A padded 1 read as a letter: "sikat 0l!!" (ours 9207 0214); no word is "0l".
_PADDED_ONE_AS_LETTER = re.compile(r"(?<![A-Za-z\d])0[lI|](?![A-Za-z\d])")
_DOTTED = re.compile(r"(?<=[A-Za-z]{2})[.,!](?=[A-Za-z]{2})")  # "terbukti.SOPA!"
# "menaaang", "gasss", "gaspOool" (a run in mixed case is still one letter held)
_ELONGATED = re.compile(r"([A-Za-z])\1{2,}", re.IGNORECASE)
# "gasp0ool", "GASP000L": an O read as a zero
_ZERO_IN_WORD = re.compile(r"(?<=[A-Za-z])0+(?=[A-Za-z])")
# A script capital E reads as "&" inside a word ("M&NANG", "&R&F" for EREF, "Abah&r").
_SCRIPT_E = re.compile(r"(?<=[A-Za-z])&|&(?=[A-Za-z])")


@functools.lru_cache(maxsize=64)
def _glue_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    words = {*_GLUE_WORDS, *extra}
    return re.compile("|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)), re.I)


def split_glued(text: str, extra_words: tuple[str, ...] = ()) -> str:
    """The text with the spaces OCR dropped put back where they matter to the rules, case
    kept: at TitleCase joins, after a dot or comma between words, around campaign words
    (and `extra_words`, the election's aliases and names) inside tokens of six letters or
    more, and between a campaign word and its number ("nomor1", "paslon02", "2jari");
    letters repeated for emphasis are collapsed ("MENAAANG"); an emoji read as a digit before
    a pair's number ("gaspol 1 02"), as a letter beside a padded one ("GASPOLm 01",
    "gasspol02m"), as a glyph after a word ("ingat# nomor 1") or standing alone ("nomor ★ 1")
    is dropped, and "💯" read as "00" after a firm word and a number's
    keyword is set apart ("pasti nomor 100" → "pasti nomor 1 100"). Hashtags and mentions stay
    whole; a hashtag's words, where capitals or digits join them, follow it ("#Ilrat01"
    "Ilrat 01")."""
    glue = _glue_pattern(extra_words)
    extra = frozenset(w.lower() for w in extra_words) - frozenset(_GLUE_WORDS)
    lines = []
    before = two_before = ""  # the words before, across lines
    for line in _DIGIT_TERM_BROKEN.sub(r"\1 ", _symbols_as_stars(text)).splitlines():
        out = []
        line = _ZERO_FOR_O.sub(r"\1o", _SCRIPT_FIX.sub("fix", line))
        for word, slip in _CAMPAIGN_SLIPS:
            line = slip.sub(lambda m, w=word: w.upper() if m[0].isupper() else w, line)
        for word, loose in _URGED_LOOSE.items():
            line = loose.sub(lambda m, w=word: f"{w} 0{m[1]}", line)
        line = _PADDED_TWO_AS_LETTERS.sub(r"\1 02", line)
        line = _URGED_PADDED_THEN_GLYPH.sub(r"\1 0\2", line)
        line = _LETTER_BEFORE_PADDED.sub(r"\1 \2", _DIGIT_BEFORE_PADDED.sub("", line))
        line = _DIGIT_TERM.sub(r" \1 periode", line)
        for word in line.split():
            if _LONE_SYMBOLS.match(word):
                continue
            if _NUMBER_KEYWORD.match(before) and _FIRM_WORD.match(two_before):
                word = _NUMBER_THEN_HUNDRED.sub(r"\1 100", word)
            elif _FIRM_WORD.match(before):
                word = _KEYWORD_THEN_HUNDRED.sub(r"\1 \2 100", word)
            before, two_before = word, before
            if word.startswith(("#", "@")):
                out.append(word)
                if word.startswith("#") and len(words := _TAG_JOINS.split(word[1:])) > 1:
                    out.append(" ".join(words))  # "#Ilrat01", "#ZamonMenang": its words too
                continue
            word = _SCRIPT_E.sub("E", word)
            word = _SYMBOL_BEFORE_DIGIT.sub("", word)
            word = _SYMBOLS_AFTER_DIGIT.sub("", _SYMBOLS_BETWEEN.sub(" ", word))
            word = _SYMBOLS_AFTER_WORD.sub("", word)
            word = _LETTER_O_DIGIT.sub("0", _KEYWORD_O_DIGIT.sub(r"\1 0\2", word))
            word = _PADDED_ONE_AS_LETTER.sub("01", word)
            word = _ELONGATED.sub(r"\1", _ZERO_IN_WORD.sub(lambda m: "o" * len(m[0]), word))
            word = _DOTTED.sub(lambda m: m.group(0) + " ", word)
            pieces = []
            for piece in word.split():
                if _TITLE_RUN.match(piece):
                    piece = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", piece)
                sub = []
                for part in piece.split():
                    if len(part) >= 6:
                        part = glue.sub(lambda m: _glued_apart(m, extra), part)
                    sub.append(part)
                pieces.append(" ".join(sub))
            word = " ".join(pieces)
            word = _FIX_NUMBER.sub(r" \1 no \3 ", word)  # "udhfixno2lah": sudah fix no 2 lah
            word = _FIX_KEYWORD.sub(r"\1 no", word)  # "udh fixno 2 lah": the number apart
            word = _KEYWORD_DIGIT.sub(r"\1 \2", _KEYWORD_O_DIGIT.sub(r"\1 0\2", word))
            word = _PADDED_THEN_LETTER.sub(r"\1", word)
            # "2100", and "NOMOR2100" once the number is off its keyword: the 💯 set apart
            word = " ".join(_HUNDRED_EMOJI.sub(r"\1 100", w) for w in word.split())
            word = _DIGIT_JARI.sub(r"\1 \2", word)
            word = _PARTICLE_GLUED.sub(_particle_apart, _DIGIT_WORD.sub(r"\1 ", word))
            out.append(" ".join(word.split()))
        line = _URGED_PADDED_THEN_HUNDRED.sub(r"\1 \2 100", " ".join(out))
        lines.append(_KEYWORD_ONE_AS_LETTER.sub(_one_for_letter, line))
    return "\n".join(lines)


def _one_for_letter(match: re.Match[str]) -> str:
    """The keyword and the 1 its letter stood for (`_KEYWORD_ONE_AS_LETTER`)."""
    return f"{match[1]} 1" if match[1] else f"{match[2]}1"


def _particle_apart(match: re.Match[str]) -> str:
    """The particle set apart when what follows it opens with a word and the whole is none."""
    whole, rest = match.group(0), match.group(2)
    if is_word(whole) or not any(is_word(rest[:k]) for k in range(4, len(rest) + 1)):
        return whole
    return f"{match.group(1)} {rest}"


def _glued_apart(match: re.Match[str], extra: frozenset[str]) -> str:
    """A glued word set apart, unless it is an election's word (an alias, a name) that is
    only the start or the end of an ordinary one: "SUDAHNYOBLOS" is "sudah nyoblos", not the alias
    "SUDA" before "HNYOBLOS"."""
    word, rest = match.group(0), match.string[match.end() :]
    if word.lower() in extra and (
        any(is_word((word + rest[:k]).lower()) for k in range(1, min(3, len(rest)) + 1))
        # Or the end of one: "MENANGBERSAMAHUSU" is "menang bersama HUSU", not "SAMA".
        or _ended_in(match.string.lower(), match.start(), match.end())
        # Its last letters another word's first: "ASNBANGGAMELAYANI" is "bangga melayani",
        # not the alias "BANGGAM" before "ELAYANI". Unless what follows it is a word whole:
        # "TASUPALING" is "TASU paling" (ours 9183), whatever "supali" is.
        or (
            _crossed(match.string.lower(), match.start(), match.end())
            and not (len(rest) >= 4 and is_word(rest.lower()))
        )
    ):
        return word
    return f" {word} "


def _symbols_as_stars(text: str) -> str:
    """Pictographs OCR keeps as glyphs (★, ✓, ♥) as "*", which the rules above know."""
    return "".join("*" if unicodedata.category(ch) == "So" else ch for ch in text)


_TOKEN = re.compile(r"[#@]?[a-z0-9][a-z0-9'._]*")  # hyphens split: "napitupulu-yogi"


def words_of(text: str) -> list[str]:
    return [t.strip("'._-") for t in _TOKEN.findall(text)]


# A script q's tail reads as a g's ("doakan bu gori menang" for "bu qori", ours 9287 0218).
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l", "q": "g"})


def ocr_fold(word: str) -> str:
    """Undo OCR's commonest confusions in words that should hold no digits."""
    # "h" often reads as "li" in small or thin fonts ("Zuhri" → "Zuliri"); folded on both sides.
    return word.translate(_OCR_FOLD).replace("rn", "m").replace("vv", "w").replace("li", "h")


def fuzzy_token_in(word: str, tokens: list[str], threshold: float) -> str | None:
    """The text token that `word` most likely is, allowing OCR errors on longer words.

    Damerau-Levenshtein, so a transposition ("Bambnag") costs one error, like a substitution.
    An ordinary word is that word, not a name one letter off: "hati nurani" names no
    "Nuraini", "gunakan hak pilihmu" no "Gunawan" (blindgen 237, 231).
    """
    target = ocr_fold(word)
    if len(word) < 6:  # one error in five letters turns "yakin" into "yasin"
        return next((t for t in tokens if ocr_fold(t) == target), None)
    best, best_score = None, 0.0
    for token in tokens:
        if abs(len(token) - len(word)) > 2 or (is_word(token) and ocr_fold(token) != target):
            continue
        score = DamerauLevenshtein.normalized_similarity(target, ocr_fold(token))
        if score > best_score:
            best, best_score = token, score
    return best if best_score >= threshold else None


_PHRASE_LOST = 2  # letters OCR may lose of a phrase read whole


def phrase_in(phrase: str, text: str, threshold: float = 88.0) -> bool:
    """A multi-word phrase somewhere in the text, tolerant of OCR errors and line breaks."""
    p = " ".join(words_of(normalise_text(phrase)))
    flat = " ".join(words_of(text))
    if not p:
        return False
    if p in flat:
        return True
    # A text much shorter than the phrase is no reading of it: `partial_ratio` would look for
    # the text inside the phrase ("husnul umar", a candidate's name, inside the pair's alias
    # "Husnul-Sumarni").
    return (
        len(p) >= 10
        and len(flat) >= len(p) - _PHRASE_LOST
        and fuzz.partial_ratio(p, flat) >= threshold
    )


# Forms of address before a person's name in a story ("doakan pak Oktaf menang").
ADDRESS = frozenset(
    {"pak", "bapak", "bpk", "bu", "ibu", "bang", "abang", "mas", "mbak", "kak", "abah", "bunda"}
)


# Verbs of a campaign before a form of address ("mari dukung pak ..."): whoever follows is a
# pair's candidate, read with a second slip allowed.
_CAMPAIGN_VERBS = ("dukung", "pilih", "coblos", "menangkan", "doakan")


def addressed_near(name: str, tokens: list[str]) -> str | None:
    """The word right after a form of address that is one OCR slip from `name` (five letters
    or more): "pak Ohtaf" for "pak Oktaf", a script k read as an h. After "pak" or "bu" a
    person is meant, so one slip is a misreading there, not another word. After a campaign
    verb too ("mari dukung pak fondi" for "Efendi", the script E lost and an e read as o),
    two slips in a name of six letters or more. An ordinary word is that word: "mari dukung
    pak camat" backs the subdistrict head, not a candidate "Rahmat"."""
    if len(name) < 5:
        return None
    target = ocr_fold(name)
    for verb, before, word in zip(["", *tokens], tokens, tokens[1:], strict=False):
        if before not in ADDRESS or is_word(word):
            continue
        slips = 2 if len(name) >= 6 and _campaign_verb(verb) else 1
        if (
            abs(len(word) - len(name)) <= slips
            and DamerauLevenshtein.distance(target, ocr_fold(word), score_cutoff=slips) <= slips
        ):
            return word
    return None


def _campaign_verb(word: str) -> bool:
    """A campaign verb as read, or one slip off ("daukung")."""
    folded = ocr_fold(word)
    return any(
        DamerauLevenshtein.distance(ocr_fold(v), folded, score_cutoff=1) <= 1
        for v in _CAMPAIGN_VERBS
    )
