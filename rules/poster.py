"""Platform and poster: reading who posted a status from the OCR'd header.

Instagram story header: ``<avatar> username  5 j   ⋯ ×`` (age in m/j/h/mg) and a
"Kirim pesan" field at the bottom. WhatsApp status header: ``← <avatar> Contact name`` over a
time line ("Kemarin 21.03", "Beberapa menit yang lalu") and "Balas" at the bottom; an unsaved
contact shows as a phone number. The avatar circle and icons come out of OCR as stray
punctuation, so the parser keys on those layout anchors rather than on positions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rules.contact_name import clean_contact_name
from rules.ocr_text import MONTH
from rules.types import Platform, Poster
from wording import id_analysis as why

_STATUS_BAR = re.compile(r"^\W{0,3}\d{1,2}[.:]\d{2}\b.*(%|\d\s*$)|^\W*\d{1,3}\s?%\W*$")
_WA_TIME = re.compile(
    r"\b(kemarin|hari ini|baru\s?saja|beberapa (menit|detik|jam)|\d+\s+(menit|jam|detik)( yang)? lalu|"
    r"yesterday|today|just\s?now|minutes? ago|\w+ yang lalu|yang [lt]alu|(menit|jam|detik)\s+yang)\b"
    # The day run into its clock, the space lost: "Yesterday11:34AM"
    r"|\b(?:yesterday|today)\d{1,2}[.:]\d{2}"
    # OCR of the small grey time: "Hariini 14.49", "Kematin 23.59", "Kemarm 06.17"
    r"|\bhari\s?ini|\bkem[a-z]{2,4}\s?\d{1,2}[.:]\d{2}|\b[a-z]{3,8}\s\d{1,2}[.:]\d"
    # "44 menityang lalu"; a word and a time whose dot was lost ("Harlint 1729")
    r"|yang\s?[lt]alu|[a-z]{2,}\W*\s+\d{1,2}[.:]?\d{2}\W*$",
    re.IGNORECASE,
)
SHOUTED = re.compile(r"^[^a-z]*[A-Z]{5}[^a-z]*$")
# A status's own time: a clock or "... yang lalu" (a chat's day chip "Hari ini" has neither).
_CLOCKED = re.compile(
    r"\d{1,2}\s?[.:]\s?\d{2}|yang\s?[lt]alu|baru\s?saja|\bjust now\b|\bago\b", re.I
)


# A month and its year: a date ("November 2024", the second line of a caption "Insya Allah
# 27 / November 2024" whose poster a notification hid, blindgen 231 0143), never a status's
# time, however like one with its dot lost ("Harlint 1729") it reads.
_MONTH_YEAR = re.compile(rf"\b{MONTH}[a-z]*\W*\s*(?:19|20)\d{{2}}\b", re.IGNORECASE)


def is_time_line(line: str) -> bool:
    """WhatsApp's status time under the contact, as OCR reads it; never a line in capitals
    ("PILKADA BANGKA TENGAH 2024" is content, though "TENGAH 2024" looks like a lost dot),
    nor a date (`dated`)."""
    return bool(_WA_TIME.search(line)) and not SHOUTED.match(line) and not dated(line)


def dated(line: str) -> bool:
    """The line holds a month and its year ("November 2024")."""
    return _MONTH_YEAR.search(line) is not None


# (Never a number padded with a zero: Instagram writes "1m", and "gaspoool 01 👊" read
# "gaspoool 01m" is a caption with the pair's number, ours 9251 0116, not a header.)
_IG_AGE = re.compile(r"^(?!0\d)(\d{1,2})\s?(j|m|h|d|mg|jam|mnt|menit|w)$", re.IGNORECASE)
_USERNAME = re.compile(r"^@?([a-z0-9._]{2,30})$", re.IGNORECASE)
# A faint hyphen may be read as a colon ("+62 877-524-0597" read "462877:524-0597", white on
# a pale status shared into a chat: ours 9265 0281).
_PHONE = re.compile(r"(\+?\s?62|0)\s?[-\s]?8[\d\s\-.:]{7,16}\d")
_FOOTER_IG = re.compile(r"kirim\s+pesan|send\s+message", re.IGNORECASE)
_FOOTER_WA = re.compile(r"^\W{0,3}(balas|reply)\W{0,3}$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class HeaderReading:
    platform: Platform
    poster: Poster | None
    seen: str | None  # the status's age as shown ("5 j", "Kemarin 21.03")
    evidence: tuple[str, ...]
    # Other readings the text allows ("olga297133m": "olga29713" aged 3 m, or "olga2971"
    # aged 33 m); the roster decides between them.
    alternatives: tuple[Poster, ...] = ()
    # The OCR's confidence in the poster line (0..1); 0 when read from text alone.
    confidence: float = 0.0


def phone_in(text: str) -> str | None:
    match = _PHONE.search(text)
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(0))
    return match.group(0).strip().replace(":", "-") if 9 <= len(digits) <= 15 else None


def _age_at(tokens: list[str], i: int, lenient: bool = False) -> str | None:
    """The story age ("5 j", "38m") starting at token i, tolerating a misread unit ("5 |").

    Lenient: a bare one- or two-digit number also counts (its unit was lost entirely).
    """
    token = tokens[i]
    if lenient:  # (60 and over is no age in any unit: the name's own digits, "budi 61")
        # Never zero-padded either: "paslon 02" is a caption's pair, not a story 2 hours old.
        bare = token.isdigit() and len(token) <= 2 and not token.startswith("0")
        bare = bare and not _song_after(tokens, i + 1)
        return token if bare and int(token) < 60 else None
    folded = _fold_age_digits(token)
    if folded != token and _IG_AGE.match(folded):
        return folded  # "S6m" is "56m": the small grey 5 read as an S
    if _IG_AGE.match(token) or _IG_AGE_MISREAD.match(token):
        return token
    if (
        i + 1 < len(tokens)
        and _IG_UNIT.match(tokens[i + 1])
        and len(token) <= 2
        and not any(c.isalnum() for c in token)
    ):
        return f"{token} {tokens[i + 1]}"  # the number garbled ("'£ m"), its unit intact
    if token.isdigit() and len(token) <= 2 and i + 1 < len(tokens):
        unit = tokens[i + 1]
        misread_unit = len(unit) <= 2 and not unit.isalnum() and not any(c.isdigit() for c in unit)
        if _IG_AGE.match(token + unit) or (misread_unit and not _song_after(tokens, i + 1)):
            return f"{token} {unit}"
    return None


_AGE_DIGITS = str.maketrans("SOoIilB", "5001118")
SONG_DOTS = "·•"  # what parts a song's artist from its title


def _song_after(tokens: list[str], i: int) -> bool:
    """A middle dot at token i with words after it: it parts a song's artist from its title,
    on the line under the handle ("♫ Dewa 19 · Kangen", ours 9197), so the number before it
    is the artist's, no story's age."""
    return (
        i < len(tokens)
        and len(tokens[i]) == 1
        and tokens[i] in SONG_DOTS
        and any(t[:1].isalpha() for t in tokens[i + 1 :])
    )


def _fold_age_digits(token: str) -> str:
    """Letters OCR puts for digits in an age ("S6m", "1Oj"), folded back when a real digit
    is beside them; a word with no digit is left alone."""
    m = re.match(r"^([0-9SOoIlB]{1,2})([a-z]{1,5})$", token)
    if not m or not any(c.isdigit() for c in m.group(1)):
        return token
    return m.group(1).translate(_AGE_DIGITS) + m.group(2)


# A status's day and clock, spaces or not ("Yesterday,05:21", "Kemarin23.15").
_DAY_CLOCK = re.compile(
    r"^\W{0,2}(?:hari\s?ini|kemarin|today|yesterday)\W{0,2}\s?(?:pukul\s?)?\d{1,2}[.:]\d{2}\W{0,2}$",
    re.IGNORECASE,
)
_IG_UNIT = re.compile(r"^(j|m|h|d|mg|jam|mnt|menit|w)$", re.IGNORECASE)
_USER_PART = re.compile(r"^[a-z0-9._/]+$", re.IGNORECASE)
# The age's unit letter in a small grey font often comes out as punctuation: "23)", "20;".
_IG_AGE_MISREAD = re.compile(r"^(?!0\d)\d{1,2}[)\]};:|!]$")
# A name only a username has: a dot or an underscore inside, or lower-case letters with
# digits after them ("laksmiwati32"), all lower case.
_HANDLE_SHAPED = re.compile(r"^[a-z0-9]+[._][a-z0-9._]*[a-z0-9]$|^[a-z]{4,}[a-z.]*\d{1,4}$")


# The bullet may be read as a zero or a degree sign standing alone before the age ("budi 0 5j");
# no age begins with a zero.
_BETWEEN_NAME_AND_AGE = re.compile(
    r"\s?[•·∙●]\s?(?=\d)|\s[✓✔]\s|\s[0o°]\s(?=[1-9]\d?\s?(?:j|m|h|d|mg|w)\b)"
)


def _instagram_user(
    line: str, lenient: bool = False, strict: bool = False
) -> tuple[str, str] | None:
    """(username, age) from an Instagram header line, keyed on the age token after the name.

    Usernames have no spaces, so words OCR split apart before the age are one username whose
    `_` was lost ("eka rangkuti 5j" → "eka_rangkuti"); the avatar's noise ("0)", "@") stops it.
    """
    if _DAY_CLOCK.match(line.strip()):
        return None  # "Yesterday,05:21": WhatsApp's time, not "yesterday.05" aged 21
    # A comma between letters or digits, a colon between letters: the dot ("andl:rahmawati").
    line = re.sub(r"(?<=[A-Za-z0-9]),(?=[A-Za-z0-9])|(?<=[a-z]):(?=[a-z])", ".", line)
    line = re.sub(r"(?<=[a-z0-9]):(?=\d{1,2}\s?[a-z]{0,3}\W?$)", " ", line)  # "agus:19)", ":59m"
    # A bullet between the name and the age (the web's "budi.santoso • 5j"), a verified tick
    # read as a glyph: no part of either; the app's cut mark before the age kept apart.
    line = _CUT_BEFORE_AGE.sub("... ", _BETWEEN_NAME_AND_AGE.sub(" ", line))
    tokens = [t.strip("'\"‘’“”,;:") for t in line.split()]
    for i in range(1, len(tokens)):
        age = _age_at(tokens, i, lenient)
        if age is None:
            continue
        if age.endswith(")") and any("(" in t for t in tokens[:i]):
            continue  # "Ibu Nia (SD Negeri 51)": a bracket closed, no age's unit
        # Strict: a real age, or its unit misread as punctuation ("19)") after a name only a
        # username has (a dot or an underscore inside, lower case).
        if strict and not (
            _IG_AGE.match(age.replace(" ", ""))
            or (_IG_AGE_MISREAD.match(age) and _HANDLE_SHAPED.match(tokens[i - 1]))
        ):
            continue
        parts: list[str] = []
        j = i - 1
        while j >= 0 and _USER_PART.match(tokens[j]) and len(parts) < 4:
            if j == 0 and len(tokens[j]) <= 2 and parts:
                break  # the avatar circle read as a letter or two
            parts.insert(0, tokens[j])
            j -= 1
        # The words' lost underscores put back; one read beside its space is kept once
        # ("yuni _rahmawati" is "yuni_rahmawati"), as is a dot ("budi .santoso").
        user = parts[0] if parts else ""
        for part in parts[1:]:
            user += part if user.endswith(("_", ".")) or part.startswith(("_", ".")) else "_" + part
        user = user.lower().replace("/", "7")  # a thin 7 reads as "/"
        # A bare number as the age is weak evidence: then a short word is noise, and
        # capitalised words are a WhatsApp contact name ("Yuni Simanjuntak SDN 7"), not a
        # username (usernames are lower case).
        letters = sum(c.isalnum() for c in user)
        capitalised = sum(p[:1].isupper() for p in parts)
        if lenient and (letters < 4 or capitalised >= 2):
            continue
        if _USERNAME.match(user) and re.search(r"[a-z]", user):
            return user, age
    return None


# Capitals OCR never makes of a lower-case letter (it does of "o", "s", "l", "i"...).
_CAPITAL_NOT_SLIP = re.compile(r"^[A-HJMNPQRTY]")
# A word of three letters or more, two of them capitals ("MIEF", "SUWI" read "sUwI"): a
# story's text (an alias, a slogan), never an age.
_CAPITALS_WORD = re.compile(r"^(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{3,}\W*$")
_COLLAB = re.compile(r"([a-z0-9._]{3,30})_(?:dan|and)_([a-z0-9._]{3,30})")
_COLLAB_WORD = re.compile(r"\s(?:dan|and)\s")
# The age's bullet after the mark read as a zero ("ahmadarifin19...034 m", ours 9227).
_CUT_BEFORE_AGE = re.compile(r"(?<=[a-z0-9_])(?:…|\.{2,})\s?(?:[0o°]\s?(?=[1-9]))?(?=\d)")
_GLUED_AGE = re.compile(r"^@?([a-z0-9._]+?)(\d{1,3})\s?(j|m|h|d|mg|w|jam|mnt|menit)$")
_AGE_UNIT_MARK = re.compile(r"(?<=\d)[.,](?=(?:j|m|h|d|mg|w)$)")
_GLUED_AGE_LETTERS = re.compile(r"(?<=\d)([oli]{1,2})(?=(?:j|m|h|d|mg|w|jam|mnt|menit)$)")
# "h": hari (days) in Indonesian, hours in English ("14h"): the looser limit.
_AGE_LIMITS = {
    "m": 59,
    "mnt": 59,
    "menit": 59,
    "j": 23,
    "jam": 23,
    "h": 23,
    "d": 7,
    "mg": 4,
    "w": 4,
}


def instagram_user_candidates(line: str, strict: bool = False) -> list[tuple[str, str]]:
    """(username, age) readings of an Instagram header line, most likely first.

    PP-OCR often glues the age to the name ("bagas_bappeda4j"). When the name ends in digits
    the split is ambiguous ("olga297133m": olga29713 aged 3 m, or olga2971 aged 33 m); every
    split that gives a real age (under 60 m, 24 j, a week, a month) is returned, and the
    roster decides. `strict`: the age must be a clean number and unit, and the name lower case
    (Instagram shows usernames in lower case; OCR swaps case only for look-alike letters),
    so a line of content ("COBLOS NO. 3!", "Tinggal 2 h lagi") is no username.
    """
    if strict and re.search(_CAPITAL_NOT_SLIP.pattern[1:], line.split()[0] if line.split() else ""):
        return []
    # A handle cut by the app with "…" before its age ("warsita_yolanda_of…21j"): the mark
    # kept as "...", what follows it the age, never the handle's own digits.
    line = _CUT_BEFORE_AGE.sub("... ", _BETWEEN_NAME_AND_AGE.sub(" ", line))
    spaced = _instagram_user(line, strict=strict)
    found: list[tuple[str, str]] = [spaced] if spaced else []
    collab = _COLLAB.fullmatch(spaced[0]) if spaced and _COLLAB_WORD.search(line) else None
    if spaced and collab:
        # A story two accounts posted together: "budi.santoso dan rina_m 5j". Each is a
        # poster; the words joined as one handle stay the last reading.
        found = [(collab[1], spaced[1]), (collab[2], spaced[1]), spaced]
    line = re.sub(r"(?<=[A-Za-z0-9]),(?=[A-Za-z0-9])", ".", line)
    # The age's unit letter read as a bracket ("pertiwi8715)"): the unit is unknown, so it is
    # taken as minutes, the loosest limit (under 60), and every split that gives such an age
    # is a reading for the roster to weigh.
    # Not a bracket that closes one opened before it ("Ibu Yuni (SD Negeri50)").
    line = re.sub(
        r"(?<=[a-z0-9]\d)[)\]}|](?=\s|$)",
        lambda g: g.group(0) if g.group(0) == ")" and "(" in line[: g.start()] else "m",
        line,
    )
    # The hours' "j" read as a "y" in the small grey font ("yunlbudiman_6311y"): the same
    # splits into a name and an age, the roster deciding.
    as_read = re.findall(r"[a-z0-9._]*[a-z0-9]\dy(?=\W*$)", line)
    line = re.sub(r"(?<=[a-z0-9]\d)y(?=\W*$)", "j", line)
    # The space before the age read as a dash and the one before its unit kept
    # ("yulianti87-6 m"): the unit joins the glued token.
    line = re.sub(r"(?<=[a-z0-9]-\d)\s(?=(?:j|m|h|d|w)\W*$)", "", line)
    tokens = [t.strip("'\"‘’“”,;:()|") for t in line.split()]
    # The glued token is the last one that holds letters (trailing "X", "..." are icons).
    for i in range(len(tokens) - 1, -1, -1):
        # The age's 0 and 1 read as letters right after the name's digits ("pertiwi611oj"
        # for "pertiwi61" aged "10j").
        token = _GLUED_AGE_LETTERS.sub(
            lambda g: g.group(1).translate(_AGE_DIGITS), tokens[i].lower()
        )
        # The space before the age, or before its unit, read as a mark no handle holds
        # ("hastui34-1j", "bagus.wbisono.14.m").
        token = _AGE_UNIT_MARK.sub("", token.replace("-", ""))
        m = _GLUED_AGE.match(token)
        if not m:
            continue
        digits, unit = m.group(2), m.group(3)
        head = token[: m.start(2)]
        for k in range(1, len(digits) + 1):
            age_digits = digits[-k:]
            user = head + digits[:-k]
            if age_digits.startswith("0") or not 1 <= int(age_digits) <= _AGE_LIMITS[unit]:
                continue
            if user.startswith("@"):
                user = user[1:]
            # The gap before the age read as a dot ("agus.h6659.10m" of "agus.h6659 10 m",
            # blindgen 215): Instagram takes no username ending in a period.
            user = user.removesuffix(".")
            if (
                _USERNAME.match(user)
                and re.search(r"[a-z]", user)
                and len(user) >= 3
                and not CAMPAIGN_NUMBER.match(user)
            ):
                reading = (user, f"{age_digits}{unit}")
                if reading not in found:
                    found.append(reading)
        # Among glued splits, the one keeping the most characters in the name first: a name
        # ends in digits more often than a story is older than nine units.
        if not spaced:
            found.sort(key=lambda r: -len(r[0]))
        # The age's number lost and its unit kept ("budimarbun96m" of "budimarbun96 5m"):
        # the last resort, for the roster to confirm.
        whole = (token[: m.start(3)].rstrip().lstrip("@"), unit)
        if (
            _USERNAME.match(whole[0])
            and re.search(r"[a-z]{2}", whole[0])
            and whole not in found
            and found
        ):
            found.append(whole)
        break
    # A handle that does end in digits and a "y" ("budi88y") stays a reading, last.
    found += [(t, "") for t in as_read if found and _USERNAME.match(t) and t not in dict(found)]
    return found


def digits_as_name(user: str, age: str) -> tuple[Poster, ...]:
    """A bare number read as the age may be the name's own digits, their underscore or dot
    read as a space and the real age lost ("yulia.saragih 2" of "yulia.saragih_2 7 j"):
    those spellings too, for the roster to decide."""
    if not age.isdigit():
        return ()
    return tuple(Poster("username", user + sep + age) for sep in ("_", "", "."))


# A space OCR put beside a handle's underscore, or before its dot ("yuni_yuni _id"): a
# username has no space, and no word of prose starts with "_" or ".".
_MARK_SPACED = re.compile(r"(?<=[a-z0-9])\s+(?=[._][a-z0-9])|(?<=[a-z0-9]_)\s+(?=[a-z0-9])")


def _marks_rejoined(line: str) -> str:
    """The line with a handle's words split beside its underscore or dot joined again."""
    return _MARK_SPACED.sub("", line)


# An app's own name, the title of its notification ("Instagram" over "Seseorang menyukai
# foto Anda", blindgen 293 0034 and 301 0010): never the account of whoever posted a story.
APP_NAMES = frozenset(
    {"instagram", "whatsapp", "facebook", "tiktok", "telegram", "threads", "messenger"}
)


def leading_username(line: str) -> str | None:
    """The first username-like word(s) of a header line, after the avatar's noise.

    Consecutive lower-case words are one username whose "_" OCR lost ("caraka marbun").
    A word opening with a capital no OCR slip makes of a lower-case letter is content
    ("Pilwako2024"): Instagram shows usernames in lower case. So is a line that goes on
    with a word in capitals ("gaspol SUWI", "bismillah MIEF": a story's text near its top,
    its header unread): a header has only the story's age after the name.
    """
    tokens = [t.strip("'\"‘’“”,;:()").replace("/", "7") for t in _marks_rejoined(line).split()]
    for i, token in enumerate(tokens):
        if _CAPITAL_NOT_SLIP.match(token) or token.lower() in APP_NAMES:
            continue
        if _USERNAME.match(token) and len(token) >= 4 and re.search(r"[a-z]{2}", token):
            parts = [token]
            for more in tokens[i + 1 : i + 3]:
                if not (_USER_PART.match(more) and more == more.lower() and len(more) >= 2):
                    break
                parts.append(more)
            if any(_CAPITALS_WORD.match(t) for t in tokens[i + len(parts) :]):
                return None
            return "_".join(parts).lower()
    return None


# A campaign word glued to its number ("paslon3", "nomor02"): content, never an account.
CAMPAIGN_NUMBER = re.compile(r"^(?:paslon|nomor|nomer|coblos|pilih|urut|salam|no)\d{0,2}$")
# Not a word glued to a time ("manin14.24" is "Hari ini 14.24" misread), nor a campaign word
# glued to its number ("paslon3", "nomor02").
_STRONG_USERNAME = re.compile(
    r"^(?=.*[a-z]{3})(?=.*[\d._])(?!.*[a-z]\d{1,2}[.:]\d{2}$)"
    r"(?!" + CAMPAIGN_NUMBER.pattern.lstrip("^") + r")[a-z][a-z0-9._]{5,29}$"
)


def _opening(line: str) -> str:
    """The line's first word of three characters or more (what an avatar reads as, "O" or
    "@", left out), or nothing."""
    return next((w for w in _marks_rejoined(line).split() if len(w) >= 3), "")


def strong_username(line: str) -> str | None:
    """A word that can only be an Instagram username: lower-case letters with digits, dots
    or underscores, six characters or more ("srierna.82"); never a contact name or a time."""
    for token in _marks_rejoined(line).split():
        token = token.strip("'\"‘’“”,;:()|")
        if _STRONG_USERNAME.match(token) and not token.endswith("."):
            return token
    return None


def parse_header_text(lines: Sequence[str], footer_text: str = "") -> HeaderReading:
    """Platform, poster and age from the header's OCR lines (top to bottom), from their text
    alone: the fallback when no poster line was found by its layout (`rules.layout`)."""
    lines = [line.strip() for line in lines if line.strip()]
    content = [line for line in lines if not _STATUS_BAR.match(line)]
    evidence: list[str] = []

    # WhatsApp: a name line directly above a relative-time line.
    # The first status time ("Hari ini 16.48", not a chat's "Hari ini" chip) whose name line
    # was cropped off above it: the lines below it are the status, never its poster.
    nameless: int | None = None
    for i, line in enumerate(content):
        if is_time_line(line):
            # The name is the nearest line above with letters (icons come out as "— ; .").
            # (the avatar's rim can add a line of two letters between name and time).
            above = [c for c in content[:i] if re.search(r"[A-Za-z]{3}|\d{3}", c)]
            if not above or is_time_line(above[-1]):
                if nameless is None and _CLOCKED.search(line):
                    nameless = i
                continue  # the name was cropped off: the time itself is no name
            name_line = above[-1]
            seen = clean_contact_name(line)
            phone = phone_in(name_line)
            evidence.append(why.HEADER_WHATSAPP.format(seen=seen))
            if phone:
                return HeaderReading("whatsapp", Poster("phone", phone), seen, tuple(evidence))
            name = clean_contact_name(name_line)
            if re.search(r"[A-Za-z]{2}", name):
                return HeaderReading(
                    "whatsapp", Poster("contact_name", name), seen, tuple(evidence)
                )
            return HeaderReading("whatsapp", None, seen, tuple(evidence))

    # Every line with a clear age first: a misread status bar above ("45:74. _ ae 0") must not
    # win with a bare number over the real name line below it.
    found = next(
        (
            f
            for lenient in (False, True)
            for line in content
            if (f := _instagram_user(line, lenient))
        ),
        None,
    )
    if found:
        evidence.append(why.HEADER_INSTAGRAM.format(age=found[1]))
        return HeaderReading(
            "instagram",
            Poster("username", found[0]),
            found[1],
            tuple(evidence),
            alternatives=digits_as_name(*found),
        )

    # No layout anchor in the header: fall back on the footer and on what the name looks like.
    platform: Platform = "unknown"
    if _FOOTER_IG.search(footer_text):
        platform = "instagram"
    elif _FOOTER_WA.search(footer_text):
        platform = "whatsapp"
    if platform != "unknown":
        evidence.append(why.HEADER_PLATFORM_FROM_FOOTER.format(platform=platform))
    if nameless is not None:
        # A reshared post's "info_pilkada_kota" under "Hari ini 16.48": the header is unread.
        if platform == "unknown":
            platform = "whatsapp"
            evidence.append(why.HEADER_WHATSAPP.format(seen=clean_contact_name(content[nameless])))
        content = content[:nameless]
    for line in content if platform != "instagram" else ():
        # Not under Instagram's footer: a story there names its poster by handle, never by
        # number; a number above it is a group chat's sender who shared it ("+62 852-…"
        # atop the bubble), not who posted.
        phone = phone_in(line)
        if phone:
            return HeaderReading(
                "whatsapp" if platform == "unknown" else platform,
                Poster("phone", phone),
                None,
                tuple(evidence),
            )
    if platform == "instagram":
        # The name line need not come first: the avatar's rim or the progress bar can read
        # as a line of noise above it.
        for line in content:
            user = leading_username(line)
            if user:
                return HeaderReading(platform, Poster("username", user), None, tuple(evidence))
    if platform == "unknown":
        # Only a username looks like "dedisaputra.96": lower case with digits, dots or "_";
        # at its line's start, after the avatar's scraps. A sentence's last word is none:
        # "Besok rapat jam8ya", a notification's message (ours 9259 0067).
        for line in content:
            user = strong_username(_opening(line))
            if user:
                evidence.append(why.HEADER_USERNAME_BY_SHAPE)
                return HeaderReading("instagram", Poster("username", user), None, tuple(evidence))
    # A time line ("Baru'saja") is no name.
    names = [line for line in content if not _WA_TIME.search(re.sub(r"[^\w\s.:]", " ", line))]
    # The first with letters: the phone's clock read with a stray dot ("06.16·") is no name.
    lettered = (n for line in names if re.search(r"[A-Za-z]{3}", n := clean_contact_name(line)))
    if platform == "whatsapp" and (name := next(lettered, None)):
        return HeaderReading(platform, Poster("contact_name", name), None, tuple(evidence))
    return HeaderReading(platform, None, None, tuple(evidence))


def digits_moved(read: Poster, other: Poster) -> bool:
    """Two spellings of a handle run into its age that differ only in where its digits end
    ("veronika_haning2" + "3j" and "veronika_haning" + "23j"; "ahmad_smp10.5" + "1m" read,
    and "ahmad_smp10" + "51m", the gap before the age read as a dot: only where the reading
    itself holds the dot, not a spelling offered for a bare age, "srl.usamah" + "4" read
    and the roster's "sri.usamah.4")."""
    if read.kind != "username" or other.kind != "username" or read.text == other.text:
        return False
    short, long = sorted((read.text, other.text), key=len)
    rest = long[len(short) :]
    if long.startswith(short) and rest.isdigit():
        return True
    return long == read.text and long.startswith(short) and rest[:1] == "." and rest[1:].isdigit()


def age_glued(poster: Poster) -> tuple[Poster, ...]:
    """An Instagram handle read with no age after it and ending in digits: its last one or
    two digits may be the age, its unit lost and its number run into the handle
    ("andi.chaniago_144" of "andi.chaniago_1 44 m", "dp3a.oktavia17" of "dp3a.oktavia
    17 j"). Those spellings too, for the roster to decide (see `AGE_GLUED`)."""
    if poster.kind != "username":
        return ()
    found = []
    for k in (2, 1):
        head, digits = poster.text[:-k], poster.text[-k:]
        if (
            digits.isdigit()
            and not digits.startswith("0")
            and 1 <= int(digits) <= 59
            and len(re.sub(r"[^a-z]", "", head)) >= 4
            and not head.endswith((".", "_"))
        ):
            found.append(Poster("username", head))
    return tuple(found)
