"""What a story's emoji say about a pair's number (`ocr/emoji.py` finds and names them).

"☝️☝️☝️ 01 🔥🔥🔥", "💯 2️⃣ 💯 2️⃣ 💯", "✌️ 2️⃣ 🔥", "✌️✌️ IGHEN ✌️✌️", "🗳️ 3 ✅💯💯": a
person reads a pair's number in the raised fingers or the keycap, and reads it as support
when something else says the same number or cheers it. One emoji alone says nothing ("☝️
ingat rapat besok"): a number needs a second voice — the keycap repeated, fingers and a
keycap (or its digit, read by OCR alone on its line), fingers or a keycap beside the pair's
"0N", its name or its alias, or a keycap with a cheer (fire, 100, a flexed arm); the "0N"
alone on its line between cheers says it too. A ballot box and a check mark (or two cheers)
beside one bare digit are a vote shown. Emoji that name two numbers back nobody.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from rules.election import Candidate
from rules.lexicon import is_word
from rules.types import Signal
from wording import id_analysis as why

WEIGHT = 0.8
CHEERED = 0.6  # fingers cheered, no number: a review
CHEERED_ALIAS = 0.75  # an acronym read with a slip, alone on its line, and a cheer
_PADDED = re.compile(r"(?<!\d)0([1-9])")
_VOTE_SHOWN = {"cheer_ballot", "cheer_check"}
_CHEERS_AFTER_VOTE = {"cheer_100", "cheer_fire"}
# "💯💯" read as a run of hundreds on its own line ("100100", "t00100", "700700"): the cheers
# after a vote, however many of them the emoji finder told apart.
_HUNDREDS_READ = re.compile(r"^\W*(?:[17t][0o]{2}\s*){2,}\W*$", re.MULTILINE)
# "🗳️ 1 ✅💯💯" read as one row: the digit, then the check as "v" and each 💯 as "100" or "10"
# ("1100100", "2 v100100", "2 10 10"). The row's digit is the vote whatever else the story
# numbers (a music sticker's "Sheila On 7").
_VOTE_ROW = re.compile(r"^\s*v?\s*([1-9])(?:\s*v)?(?:\s*1[0o]{1,2}){1,3}\s*$", re.MULTILINE)
# The row's digit alone on its line with the check after it read as "v" or "7", its 💯s
# read on their own line or painted over ("🗳️ 2 ✅💯💯" read "700100" and "2 7": ours 9229).
_VOTE_MARKED = re.compile(r"^\W*([1-9])\s?[v7]\W*$", re.MULTILINE)
# The same row with its check read as "v" and both its 💯 read ("1V100100"), the ballot box
# before it read as a stroke or not at all ("12V10100": blindgen 265, the box matched as no
# emoji): the vote shown in text alone, whatever the emoji finder made of the row. Tiny,
# one 💯 of the two read whole ("2V100", blindgen 275 0035) is the row too.
_VOTE_ROW_READ = re.compile(
    r"^\s*(?:[1il|]\s*)?([1-9])\s*v(?:\s*1[0o]{2}|(?:\s*1[0o]{1,2}){2,3})\s*$", re.MULTILINE
)
# "💯 2️⃣ 💯 2️⃣ 💯" read as one row of digits: each 💯 as "100", "10" or "700" (its underline
# a 1 or a 7), each keycap as its digit ("1021002700", "100210027100"). The same digit twice
# between hundreds is the keycap repeated, whatever the emoji finder made of the row.
_HUNDRED = r"[17]{1,2}[0o]{1,2}"
_KEYCAP_ROW = re.compile(
    rf"^\s*(?:{_HUNDRED}\s*)?([1-9])\s*{_HUNDRED}\s*\1(?:\s*{_HUNDRED}\s*\1)*(?:\s*{_HUNDRED})?\s*$",
    re.MULTILINE,
)
# A pair's "0N" alone on its line, or run into the cheers after it read as digits ("02 🔥🔥🔥"
# read "02600", "0236").
_LONE_PADDED = re.compile(r"^\W*0([1-9])(?:\s?\d){0,4}\W*$", re.MULTILINE)
# The same row with its emoji read as digits too: a run of one digit thrice or more (each
# 🔥 a "6", each ✌️ a "4") after the number, and before it the same, or up to four letters
# and digits, one an emoji (🤟 read "F", tiny ☝️ read "8" or "e"): "✌️✌️✌️ 02 🔥🔥🔥" read
# "44402666", "🤟🤟🤟 03 🔥🔥🔥" read "F03666", "☝️☝️☝️ 01 🔥🔥🔥" 12 px high read "8ee01666"
# (blindgen 247 0140).
_CHEERS_AS_DIGITS = re.compile(
    r"^\W*(?P<pre>(?P<a>\d)(?P=a){2,}|(?:[a-z\d] ?){1,4})?\s?0(?P<n>[1-9])\s?(?P<b>\d)(?P=b){2,}\W*$",
    re.MULTILINE,
)
# Tinier still, the emoji after the number read as mixed characters too: up to four before
# it, a letter among them (a run of digits is a row of 💯s, "100100"), and two to four after
# it, three or a letter among them ("2 V100100" is a vote row), neither side a word:
# "8ee01660", "ddd016oo" (blindgen 251 0298).
_CHEERS_AS_CHARS = re.compile(
    r"^[^\w\n]*(?P<pre>(?:[a-z\d] ?){1,4}) ?0(?P<n>[1-9]) ?(?P<post>(?:[a-z\d] ?){2,4})[^\w\n]*$",
    re.MULTILINE,
)
# A polling station (or an address: a neighbourhood, a block, a floor, a room) named at a
# line's end, its number read apart ("Sudah nyoblos di TPS" / "04" between cheers; "di Balai
# RW" / "02"): the lone "04" is the station's, not a pair's (ours 9161, 9201).
_PLACES = r"(?:tps|rt|rw|blok|gg|gang|lt|lantai|kav|kamar|ruang|kelas)"
_STATION_CUT = re.compile(rf"\b{_PLACES}\s*$", re.MULTILINE)
# A polling station's number read with it ("Sudah nyoblos di TPS 02 🗳️", the "02" read again
# alone among the emoji): that number is the station's (ours 9191).
_STATION = re.compile(rf"\b{_PLACES}\W{{0,2}}0?([1-9])(?!\d)")
# A digit alone on its line: a keycap OCR read as its digit ("✌️ 2️⃣ 🔥", the keycap read "2").
_LONE_LINE = re.compile(r"^\W*([1-9])\W*$", re.MULTILINE)
_LONE_DIGIT = re.compile(r"(?<![\w.,:/-])([1-9])(?![\d.,:/])")


def _hundred_read(row: re.Match[str]) -> bool:
    """A row of digits alone, "01" and zeros after it: a 💯 read "100" after an emoji read
    "0" as much as pair 1 cheered ("😎🥰💯🔥" read "01000" under "Selamat pagi, semangat
    bekerja!": ours 9285 0015, a false flag). With emoji read before the number ("dee01000"
    of "☝️☝️☝️ 01 🔥🔥🔥", blindgen 251 0100) it is the row."""
    return row["n"] == "1" and row.groupdict().get("b") == "0" and not row["pre"]


def alone_on_its_line(text: str) -> bool:
    """A pair's "0N" alone on its line, its emoji unread or read as digits after it ("03",
    "02600"): a row a person reads as one statement with the emoji along it."""
    return _LONE_PADDED.fullmatch(text.strip().lower()) is not None


def _emoji_before(row: re.Match[str]) -> bool:
    """A `_CHEERS_AS_DIGITS` row's start: nothing, a run of one digit, or characters with a
    letter among them. A digit or two alone is no emoji: "0010000" under "ASN BUKAN TIM" is
    no "01" cheered (ours 9201 0037)."""
    pre = row["pre"] or ""
    return not pre or row["a"] is not None or re.search(r"[a-z]", pre) is not None


def _mixed_rows(norm: str, names: Sequence[str]) -> list[re.Match[str]]:
    """`_CHEERS_AS_CHARS` rows (`_mixed`), where the emoji finder saw two emoji or more:
    a sign's "SDN 01 CBR" alone on its line is no row of emoji."""
    return [m for m in _CHEERS_AS_CHARS.finditer(norm) if _mixed(m)] if len(names) >= 2 else []


def _mixed(row: re.Match[str]) -> bool:
    """A `_CHEERS_AS_CHARS` row whose emoji read as letters and digits mixed, not as a row of
    💯s or a vote row, nor a word after the number."""
    pre, post = (re.sub(r"\W", "", row[k]) for k in ("pre", "post"))
    return (
        re.search(r"[a-z]", pre) is not None
        and (len(post) >= 3 or re.search(r"[a-z]", post) is not None)
        and not _a_word(post)
    )


def _a_word(before: str) -> bool:
    """What stands beside a row's number is a word ("tps", "nomor"), not emoji read as
    letters. Three alike emoji read as letters repeat one: "dee" of "☝️☝️☝️" (blindgen 251
    0100) is in tesseract's word list, but no word of four letters or fewer stands doubled
    beside a pair's number so."""
    letters = re.sub(r"[^a-z]", "", before)
    if len(letters) <= 4 and re.search(r"([a-z])\1", letters):
        return False
    return len(letters) >= 2 and (is_word(letters) or re.fullmatch(_PLACES, letters) is not None)


def emoji_signals(
    names: Sequence[str],
    norm: str,
    signals: Iterable[Signal],
    numbers: set[int],
    candidates: Sequence[Candidate] = (),
) -> list[Signal]:
    """Signals from the emoji `names` (`ocr.emoji.TEMPLATES` keys, in reading order),
    given the story's text (`norm`, as `rules.support` reads it), its other signals and the
    pairs (`candidates`, for their acronyms). Emoji that say no number may still cheer a
    pair's acronym read with a slip (`_alias_cheered`)."""
    signals = list(signals)
    said = _numbers_said(names, norm, signals, numbers, candidates)
    if said or not any(name.startswith("cheer") for name in names):
        return said
    if any(name.startswith(("finger", "key")) for name in names):
        return []
    cheered = _alias_cheered(norm, signals)
    return [cheered] if cheered else []


def _numbers_said(
    names: Sequence[str],
    norm: str,
    signals: Sequence[Signal],
    numbers: set[int],
    candidates: Sequence[Candidate],
) -> list[Signal]:
    """The pair's number the emoji say, with a second voice (see the module's docstring)."""
    fingers: Counter[int] = Counter()
    keys: Counter[int] = Counter()
    for name in names:
        if name.startswith("finger"):
            fingers[int(name[6])] += 1
        elif name.startswith("key"):
            keys[int(name[3])] += 1
    cheers = sum(name.startswith("cheer") for name in names)
    for digit in set(_KEYCAP_ROW.findall(norm)):  # (each reading of the row reads it again)
        keys[int(digit)] += 2
        cheers += 1
    if len(keys) == 1 and set(fingers) - set(keys):
        # A keycap's digit against fingers named another number: the digit stands ("✌️ 2️⃣ 🔥"
        # turned 15°, its ✌️ named ☝️: a finger's template is near the others', turned).
        fingers = Counter({n: c for n, c in fingers.items() if n in keys})
    said = {n: fingers[n] + keys[n] for n in {*fingers, *keys}}
    written = {int(d) for d in _LONE_PADDED.findall(norm)} & numbers
    if said and not keys and len(written) == 1 and not written & set(fingers):
        # Raised fingers named one number, the pair's "0N" alone on its line another: the
        # digits, read by OCR, stand. A finger's template is a fist with one, two or three
        # fingers up, near the others turned or over orange ("☝️☝️☝️ 01 🔥🔥🔥" named ✌️ thrice
        # over orange, "✌️✌️✌️ 02 🔥🔥🔥" turned 15° named ☝️); a person reads the number.
        said = {}
    if said:
        n = max(said, key=lambda k: said[k])
        if n not in numbers or any(k != n and 2 * c > said[n] for k, c in said.items()):
            return []
        # Beside the emoji a pair's "0N" may be read run into their junk ("02665").
        padded = {int(d) for d in _PADDED.findall(norm)}
        named = {s.candidate for s in signals}
        lone = {int(d) for d in _LONE_LINE.findall(norm)}
        second_voice = (
            keys[n] >= 2
            or (keys[n] >= 1 and (fingers[n] >= 1 or cheers >= 1))
            or (fingers[n] >= 1 and lone == {n})
            or n in padded
            or n in named
            or _acronym_alone(norm, candidates, n)
        )
        if second_voice:
            return [Signal(n, why.RULE_EMOJI_NUMBER, _shown(fingers, keys, n), WEIGHT)]
        if fingers[n] >= 2 and cheers:
            # "✌️✌️✌️ … 🔥🔥🔥", the number between them unread: likely, not sure.
            return [Signal(n, why.RULE_EMOJI_NUMBER, _shown(fingers, keys, n), CHEERED)]
        return []
    # A pair's "0N" alone on its line among cheers ("☝️☝️☝️ 01 🔥🔥🔥", the fingers as yellow
    # as the story behind them, unseen): the number cheered.
    lone = {int(d) for d in _LONE_PADDED.findall(norm)} & numbers
    rows = [
        m
        for m in [
            *filter(_emoji_before, _CHEERS_AS_DIGITS.finditer(norm)),
            *_mixed_rows(norm, names),
        ]
        if int(m["n"]) in numbers and not _a_word(m["pre"] or "") and not _hundred_read(m)
    ]
    if len({m["n"] for m in rows}) == 1 and (not lone or lone == {int(rows[0]["n"])}):
        # Each character of the row but the number's is one of its emoji.
        lone = {int(rows[0]["n"])}
        cheers = max(cheers, len(re.sub(r"\W", "", rows[0][0])) - 2)
    stations = {int(d) for d in _STATION.findall(norm)}
    if len(lone) == 1 and cheers >= 2 and not _STATION_CUT.search(norm) and not lone & stations:
        n = lone.pop()
        return [
            Signal(n, why.RULE_EMOJI_NUMBER, why.EMOJI_CHEERED.format(n=n, count=cheers), WEIGHT)
        ]
    # The check mark lost, the cheers after it still seen ("🗳️ 3 ✅💯💯" found as 🗳️ 💯💯):
    # the vote shown all the same. A ballot box alone is often books or a parcel.
    two_cheers = sum(name in _CHEERS_AFTER_VOTE for name in names) >= 2
    cheered = two_cheers
    # "💯💯" read as "100100", named or not ("🗳️ 2 ✅💯💯" with only its ballot box named).
    read_as_hundreds = _HUNDREDS_READ.search(norm) is not None
    cheered = cheered or (read_as_hundreds and bool({"cheer_100", "cheer_ballot"} & set(names)))
    row_read = _VOTE_ROW_READ.findall(norm)
    if set(names) >= _VOTE_SHOWN or ("cheer_ballot" in names and cheered) or row_read:
        rows = [*_VOTE_ROW.findall(norm), *_VOTE_MARKED.findall(norm), *row_read]
        digits = {int(d) for d in rows}
        digits = digits or {int(d) for d in _LONE_DIGIT.findall(norm)}
    elif "cheer_check" in names and two_cheers:
        # The ballot box unnamed (dark over a dark photo, named a fist: ours 9247 0198), the
        # check and the cheers after it named: the vote shown, when its digit stands alone on
        # its line ("2"), not a number in a sentence ("dosis 2 ✅🔥🔥").
        digits = {int(d) for d in _LONE_LINE.findall(norm)}
    else:
        return []
    if len(digits) == 1 and (n := digits.pop()) in numbers:
        return [Signal(n, why.RULE_EMOJI_VOTE, f"🗳 {n} ✅", WEIGHT)]
    return []


def _alias_cheered(norm: str, signals: Iterable[Signal]) -> Signal | None:
    """A pair's acronym read with one slip ("TKAZ" of a script "IKAZ", blindgen 285 0235),
    alone on its line, in a story whose emoji hold a cheer (the 🔥 seen; where it stands is
    not known here): the cheer is the support word a slip needs
    (`rules.support_words.lifted_by_support_words`). Only one pair's acronym."""
    slipped = {s.candidate: s.matched for s in signals if s.rule == why.RULE_ALIAS_OCR}
    if len(slipped) != 1:
        return None
    ((n, alias),) = slipped.items()
    if _one_off_alone(norm, [alias.lower()]):
        return Signal(n, why.RULE_ALIAS_CHEERED, alias, CHEERED_ALIAS)
    return None


def _acronym_alone(norm: str, candidates: Sequence[Candidate], n: int) -> bool:
    """A word alone on its line one letter off pair `n`'s acronym (one word, four letters or
    more), an ordinary word or not: "🤟🤟 DIIR 🤟🤟" read "DIR", the lexicon's "dir", between
    fingers naming pair 3 (blindgen 251 0262). The fingers and the acronym agree; neither
    alone is sure."""
    acronyms = [
        a.lower()
        for c in candidates
        if c.number == n
        for a in c.aliases
        if len(a) >= 4 and a.isalpha() and a.isupper()
    ]
    return _one_off_alone(norm, acronyms)


def _one_off_alone(norm: str, targets: Sequence[str]) -> bool:
    """A line of `norm` that is one word, one letter off (lost, added or misread) one of
    the `targets`."""
    for line in norm.splitlines():
        words = re.findall(r"[a-z0-9]+", line)
        if len(words) == 1 and any(Levenshtein.distance(words[0], t) == 1 for t in targets):
            return True
    return False


def _shown(fingers: Counter[int], keys: Counter[int], n: int) -> str:
    """ "3× jari 2, 2× angka 2": what was seen, for the moderator."""
    parts = [why.EMOJI_FINGERS.format(count=fingers[n], n=n)] if fingers[n] else []
    parts += [why.EMOJI_KEYCAPS.format(count=keys[n], n=n)] if keys[n] else []
    return ", ".join(parts)
