"""Contact names the OCR ran together, set apart again into the words a roster knows.

PP-OCR drops the spaces of names saved in capitals: "RADITWIBISONOSMKN1MUNTOK",
"BAPAKJOKOKEC.LUBUKBEGALUNG", "PAKNANANG RSSOEKARNO". A person reads them by the names and
units they know; so does this: a run of letters no known word spells is split into known
words (roster names, honorifics, unit words, the roster's own place words), fewest pieces
first, and only when every letter is covered. A word after the first may open with its
capital I read as an l ("Halomoanllham"), or with the letter the word before ends with,
read once where the lost space stood between the two ("SITINDRIANI": Siti Indriani).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from rules.names import HONORIFICS, WEAK_HONORIFICS, cut_prefixes

# Long enough that a run of letters is worth splitting; shorter ones are names themselves
# more often than not ("Masriani" is no "Mas Riani").
MIN_RUN = 9
_MAX_WORD = 20
_LETTERS = re.compile(r"[A-Za-z]+")
# A run with a unit's figure inside it ("SUGENGSAPUTRIDP3A": DP3A, "DP2KB"): split whole first.
_RUN = re.compile(r"[A-Za-z]+(?:\d[A-Za-z]+)+|[A-Za-z]+")
_CUT = re.compile(r"\s?(?:…|\.{2,})\s*$")  # the app's mark at the end of a cut name
_MAX_CUT = 4  # letters of a word begun before the mark
# A shorter run that opens with an office's word is split too ("DINASKB"): no name does.
# When what follows is no known word, the office's word alone is set apart: "RSUDDHAT",
# the initials of RSUD Drs. H. Amri Tambunan, which the unit hints read (blindgen 229). No
# name begins "Rs" either: "IRWAN-RSHAMZAH" is RS(UD Depati) Hamzah's Irwan (ours 9199).
_OFFICE_LED = re.compile(r"(?i)(dinas|badan|kantor|bagian|bidang|uptd|rsud|rs)[a-z]{2,}")


# A short run led by a form of address or "Kec." is split too, where known words cover it
# ("IBUINDAH(KECMEDAN JOHOR)", ours 9163): no name begins so ("Kelana" might be "Kel. Ana").
_ADDRESS_LED = re.compile(r"(?i)(?:ibu|bapak|pak|kec)[a-z]{3,}")


# A school's or health post's head run into its kind ("KSSD N 2 HAMPARAN PERAK": the
# principal of SD Negeri 2, blindgen 229): too short a run for the rest, split all the same.
_POST_KIND = re.compile(
    r"(?i)(ks|kepsek|kasek|wakasek|guru|kapus|kapuskes)"
    r"(sd|sdn|smp|smpn|sma|sman|smk|smkn|mi|min|mts|mtsn|man|tk|pkm|puskesmas)"
)


def words_apart(
    text: str, known: Callable[[str], bool], unit: Callable[[str], bool] | None = None
) -> str:
    """`text` with each long run of letters no known word spells split into known words
    (`known` takes a lower-case word), where they cover it all; other runs as they were.
    With `unit`, a run's end may be a unit's short form the roster spells no word of
    ("DEBORANASUTIONPERPUSDA": Debora Nasution of the Dinas Perpustakaan, blindgen 203)
    after two known words at least."""

    def spaced(match: re.Match[str]) -> str:
        run = match.group(0)
        if post := _POST_KIND.fullmatch(run):
            return f" {post[1]} {post[2]} "
        short = not _OFFICE_LED.match(run) and not _ADDRESS_LED.fullmatch(run)
        if (len(run) < MIN_RUN and short) or known(run.lower()):
            return run
        pieces = _split(run.lower(), known)
        if pieces is None:
            pieces = _split(run.lower(), known, shared=True)
        if pieces is None:
            pieces = _after_short_honorific(run.lower(), known)
        if pieces is None and _CUT.match(match.string, match.end()):
            # Cut by the app ("ARIFSLAMETWIDODOSDNE…"): the last word is only begun.
            for k in range(1, min(_MAX_CUT, len(run) - MIN_RUN) + 1):
                pieces = _split(run[:-k].lower(), known)
                if pieces is not None:
                    pieces = [*pieces, run[-k:].lower()]
                    break
        if pieces is None and unit is not None:
            pieces = _unit_at_end(run.lower(), known, unit)
        if pieces is None and (office := _OFFICE_LED.fullmatch(run)):
            pieces = [office[1].lower(), run[office.end(1) :].lower()]
        if (pieces is None or len(pieces) < 2) and not run.isalpha():
            return _LETTERS.sub(spaced, run)  # no unit's figure: each run of letters alone
        if pieces is None or len(pieces) < 2:
            return run
        out, at = [], 0
        for piece in pieces:
            if piece.startswith(_SHARES):
                piece, at = piece[1:], at - 1  # the letter both words share
            out.append(run[at : at + len(piece)])
            at += len(piece)
        return " " + " ".join(out) + " "

    return " ".join(_RUN.sub(spaced, text).split())


def _after_short_honorific(run: str, known: Callable[[str], bool]) -> list[str] | None:
    """A form of address of two letters ("Mb", "Bg", "Dg"), which no known word of two letters
    is for fear of splitting names at it, opening a run, then two known words or more: "MB
    SULASTRI SMPN 1 PRAMBANAN" read "MBSULASTRISMPN1PRAMBANAN" (blindgen 317 0030). Not one
    that starts many names ("Ko", "Ka": "KOMALASARI" is no Ko Mala Sari)."""
    if run[:2] not in HONORIFICS or run[:2] in WEAK_HONORIFICS or known(run[:2]):
        return None
    rest = _split(run[2:], known)
    return [run[:2], *rest] if rest is not None and len(rest) >= 2 else None


_MIN_UNIT = 3  # letters of a unit's short form ending a run (`_unit_at_end`)


def _unit_at_end(
    run: str, known: Callable[[str], bool], unit: Callable[[str], bool]
) -> list[str] | None:
    """Two known words or more, then a unit's short form (three letters or more)."""
    for j in range(len(run) - _MIN_UNIT, len(run) // 2 - 1, -1):
        head = _split(run[:j], known)
        if head is not None and len(head) >= 2 and unit(run[j:]):
            return [*head, run[j:]]
    return None


def _cost(pieces: tuple[str, ...]) -> tuple[int, int]:
    """Fewest pieces first, then fewest of two letters, the weakest word: "PAKMAHMUDDKP" is
    "PAK MAHMUD DKP", not "PAK MAHMUDD KP" (a doubled letter folds away)."""
    return len(pieces), sum(len(p.lstrip(_SHARES)) == 2 for p in pieces)


# The least letters of a word that opens on the letter the word before it ends with, and the
# least read before it: "SITINDRIANI" is Siti Indriani, but short words sharing a letter are
# too easily found in any run.
_MIN_SHARING = 4
_SHARES = ">"  # marks such a word in `_split`'s result


def _split(run: str, known: Callable[[str], bool], *, shared: bool = False) -> list[str] | None:
    """The fewest known words that spell `run` exactly (of those, the fewest of two
    letters), or None. With `shared`, a word may open with the last letter of the word
    before it (the same letter twice, read once where the space between them was lost)."""

    @cache
    def best(i: int) -> tuple[str, ...] | None:
        if i == len(run):
            return ()
        found: tuple[str, ...] | None = None
        for j in range(min(len(run), i + _MAX_WORD), i, -1):
            word = run[i:j]
            if not (
                known(word)
                or (i > 0 and _capital_i_read_l(word, known))
                or (i > 0 and j == len(run) and word in _ROMAN_END)
            ):
                continue
            rest = best(j)
            if rest is not None and (found is None or _cost((word, *rest)) < _cost(found)):
                found = (word, *rest)
        if shared and found is None and i >= _MIN_SHARING - 1:
            # The word may begin one letter back, on the letter the word before ends with.
            for j in range(min(len(run), i + _MAX_WORD), i + _MIN_SHARING - 2, -1):
                word = run[i - 1 : j]
                if not known(word):
                    continue
                rest = best(j)
                if rest is not None and (found is None or _cost((word, *rest)) < _cost(found)):
                    found = (_SHARES + word, *rest)
        return found

    result = best(0)
    return list(result) if result is not None else None


# A place's number in Roman figures ending the run ("…PKMPATUMBAKI": Puskesmas Patumbak I).
_ROMAN_END = frozenset({"i", "ii", "iii", "iv", "v"})
_CONSONANT_AFTER = re.compile(r"^l[bcdfghjklmnpqrstvwxz]")


def _capital_i_read_l(word: str, known: Callable[[str], bool]) -> bool:
    """A word after the first whose capital I OCR read as an l ("HalomoanIlham" read
    "Halomoanllham"), or lost before its l ("Pak Ilham" read "Paklham", blindgen 217): no
    word opens with an l and a consonant, so it is the word with an i."""
    return _CONSONANT_AFTER.match(word) is not None and (known("i" + word[1:]) or known("i" + word))


# Letters of a cut last word enough to complete it from the roster ("Tampubol…"); after two
# name words read whole, fewer: "Mulyadi Ilham Na…" is the one whose next word begins "Na".
MIN_BEGUN = 4
MIN_BEGUN_AFTER_NAME = 2


def name_cut(text: str) -> bool:
    """The contact name ends with the app's "…" (read "..", "...")."""
    return bool(_CUT.search(text))


def uncut(text: str) -> str:
    """The name as shown before the app's "…", the mark taken off."""
    return _CUT.sub("", text)


def begun_words(vocabulary: list[str], word: str, least: int = MIN_BEGUN) -> list[str]:
    """The words of a sorted `vocabulary` that `word`, cut by the app, begins (spelled as
    folded, `cut_prefixes`), when it holds `least` letters or more."""
    if len(word) < least:
        return []
    out: list[str] = []
    for begun in cut_prefixes(word):
        for known in vocabulary[bisect.bisect_left(vocabulary, begun) :]:
            if not known.startswith(begun):
                break
            out.append(known)
    return out
