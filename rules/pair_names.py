"""How a story names a pair, as OCR gives it: its aliases and its people's names misread by
a letter, glued into other words, or shouted with a mark for a letter; accounts named for
it; its number beside its name. The support rules (`rules.support`) weigh what these find.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from rapidfuzz.distance import DamerauLevenshtein

from rules.election import Candidate
from rules.lexicon import is_word
from rules.names import HONORIFICS
from rules.ocr_text import ADDRESS, compact_in, fold_compact, normalise_text, ocr_fold, words_of

# What a campaign account adds to a name: "@ana.center", "@relawan_ana", "@timana.official".
_ACCOUNT_AFFIXES = ("center", "centre", "official", "ofc", "relawan", "menang", "team", "tim")


def short_name_account(c: Candidate, handle: str) -> bool:
    """A name too short to be a stem ("Ana") counts in an account only beside a campaign
    word, the whole handle being the two: "@ana.center" yes, "@anastasia" no."""
    for person in c.people:
        for word in person.split():
            w = fold_compact(word)
            if not 3 <= len(w) < 5:
                continue
            rest = handle[len(w) :] if handle.startswith(w) else None
            if rest is None and handle.endswith(w):
                rest = handle[: -len(w)]
            if rest and any(rest.strip("0123456789") in (a, a + "id") for a in _AFFIXES_FOLDED):
                return True
    return False


_AFFIXES_FOLDED = tuple(fold_compact(a) for a in _ACCOUNT_AFFIXES)


@functools.lru_cache(maxsize=64)
def campaign_stems(c: Candidate) -> tuple[str, ...]:
    """Folded aliases (four letters or more) and name words (five or more) of a candidate."""
    stems = {fold_compact(a) for a in c.aliases if len(fold_compact(a)) >= 4}
    for person in c.people:
        stems.update(fold_compact(w) for w in person.split() if len(w) >= 5)
    return tuple(sorted(stems))


# A term of office after a bare number ("2 periode", "dua periode").
_TERMS = re.compile(r"p[e3]r[il1|!]ode")


def named_with_number(c: Candidate, norm: str, supported: bool) -> tuple[str, float] | None:
    """The pair's own number next to its alias or a name ("pasy 01", "Bustami no 1",
    "02 SOPA"): two kinds of evidence that agree, in two words. What matched and its weight.

    The alias or name may be one OCR slip off ("FU&L nOmOr 2!" for "ZUEL nomor 2", "FUHRI 2
    PERIODE" for "ZUHRI 2 PERIODE": a script Z read as an F): the number agreeing with it is
    what makes the slip a misreading. Then the alias has four letters or more, the name
    five, and the word read is no ordinary word ("Antrian baru nomor 2" is no "BARA", even
    though "FU&L nOmOr 2!" then stays with its number alone); and the number carries its
    keyword, or its leading zero beside a word read with digits for letters ("H8Q0 04"). A
    bare number only beside a name, in a text with a support word (`supported`): "HARI KE-2,
    SEMANGAT" is a day, not "HAMI", and "Juara 1 omba" (a "lomba" whose l was read as a one)
    no "OMMA"."""
    aliases = {fold_compact(a) for a in c.aliases if len(fold_compact(a)) >= 3}
    names = {fold_compact(w) for p in c.people for w in p.split() if len(w) >= 4}
    number = re.compile(r"^(no\.?|nomor|nomer)?(0)?" + str(c.number) + r"$")
    words: list[str] = []
    for w in re.split(r"[^a-z0-9.]+", norm):
        if w and words and words[-1] in {"no", "no.", "nomor", "nomer"} and w.isdigit():
            words[-1] += w  # "no 2" is one word here
        elif w:
            words.append(w)
    slipped: tuple[str, float] | None = None
    for i, word in enumerate(words):
        m = number.match(word.strip("."))
        if not m:
            continue
        # An alias within two words, a name right beside it.
        near = words[max(0, i - 2) : i] + words[i + 1 : i + 3]
        beside = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
        hit = next((w for w in near if fold_compact(w) in aliases), None) or next(
            (w for w in beside if fold_compact(w) in names), None
        )
        # A bare number before "periode" counts terms, not pairs: "BUSTAMI 2 PERIODE!!" is
        # pair 1's second term, not pair 2 (whose "Wiranto Bustami Kahar" shares the name:
        # ours 9269). It still tells a name read a slip off ("FUHRI 2 PERIODE") from prose.
        terms = not m.group(1) and _TERMS.match(" ".join(words[i + 1 : i + 2]))
        if hit and not terms:
            return f"{hit} {word}", 0.85
        if slipped is None:
            alias_slip = next((w for w in near if _one_slip(w, aliases, 4)), None)
            name_slip = next((w for w in beside if _one_slip(w, names, 5)), None)
            # The keyword; or the zero a pair's number is written with beside a word OCR
            # read with digits for letters ("H8Q0 04" for "HEQO 04"), a shouted alias, not
            # a word of prose ("Juara 03 yuba renang").
            padded = m.group(2) and re.search(r"\d", alias_slip or name_slip or "")
            if (m.group(1) or padded) and (alias_slip or name_slip):
                slipped = (f"{alias_slip or name_slip} {word}", 0.75)
            elif name_slip and supported:
                slipped = (f"{name_slip} {word}", 0.75)
    return slipped


def _one_slip(word: str, targets: set[str], shortest: int) -> bool:
    """The word one OCR slip (a letter misread, lost or added) from one of the folded
    targets of `shortest` letters or more, and not the target itself, nor an ordinary word:
    "Antrian baru nomor 2" is a queue's new number, not "BARA nomor 2"."""
    if is_word(word):
        return False
    folded = fold_compact(word)
    return any(
        len(t) >= shortest
        and folded != t
        and abs(len(folded) - len(t)) <= 1
        and DamerauLevenshtein.distance(folded, t, score_cutoff=1) <= 1
        for t in targets
    )


def confusable(word: str) -> str:
    """A regex for a shouted word with OCR's letter/digit swaps (I/1/l/!, O/0, S/5, B/8) and
    light leetspeak (E/3, A/4)."""
    classes = {
        "I": "[I1l!|]", "L": "[L1I|]", "O": "[O0]", "S": "[S5]", "B": "[B8]", "Z": "[Z2]",
        "E": "[E3]", "A": "[A4]",
    }  # fmt: skip
    return "".join(classes.get(ch, re.escape(ch)) for ch in word)


def shouted_with_marks(alias: str, raw: str, acronyms: frozenset[str]) -> float | None:
    """The weight of the acronym in capitals with a letter read as a mark or a digit ("HAM!",
    "Z4TRI"), standing alone (not the word itself, which the other rules see): a lead (0.6),
    "Tegakkan HAM!" being about human rights; unless what is left of it is no word either
    (0.8): "FERL!!!!" can only be the pair's "FERLI!!!" (blindgen 233). None if not there."""
    pattern = r"(?<![A-Za-z0-9])" + confusable(alias.upper()) + r"(?![A-Za-z0-9])"
    read = [m.group(0) for m in re.finditer(pattern, raw) if m.group(0) not in acronyms]
    if not read:
        return None
    stem = re.sub(r"[^A-Za-z]", "", read[0]).lower()
    coined = len(stem) >= 4 and not is_word(stem) and not is_word(alias.lower().split()[0])
    return 0.8 if coined else 0.6


# A lower-case letter OCR reads as a mark or a digit in a name ("Zu!!!" for "Zul!!").
_MARKED = {"l": "[l1I!|]", "i": "[il1!|]", "o": "[o0]"}


def name_with_mark(alias: str, raw: str) -> bool:
    """A pair's name of two words or more read with an l or i as a mark or digit (or an o as
    a 0), standing alone: "all in Abah Zu!!!" for "Abah Zul!!" (ours 9249 0091), its l run
    into the marks after it. The name as written is matched elsewhere; this only adds the marked reading."""
    words = re.findall(r"[a-z]+", alias.lower())
    if len(words) < 2:
        return False
    body = r"[\s\-–]*".join("".join(_MARKED.get(ch, re.escape(ch)) for ch in w) for w in words)
    pattern = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
    return any(re.search(r"[^A-Za-z\s\-–]", m.group(0)) for m in re.finditer(pattern, raw, re.I))


def glued_in(word: str, tokens: list[str]) -> bool:
    """A name of five letters or more glued inside a longer token ("kepakzuhri")."""
    if len(word) < 5:
        return False
    target = ocr_fold(word)
    return any(len(tok) >= len(word) + 2 and target in ocr_fold(tok) for tok in tokens)


# Given names too many share to name a pair by ("Muhammad", "Andi", "Siti"), and titles.
COMMON_GIVEN = frozenset(
    {"muhammad", "muhamad", "mohammad", "mohamad", "mochammad", "moh", "muh", "abdul", "abd",
     "ahmad", "achmad", "andi", "siti", "nur", "sri", "haji", "hajjah", "daeng", "raden",
     "teuku", "cut"}
)  # fmt: skip
# What joins a pair's two names when a story calls the pair by them: "-", "&", "/", "+",
# "x", "dan", "and", "bersama", or nothing ("Herman Wiranto").
_PAIR_JOIN = re.compile(r"\s*(?:[-–—&/+x]|dan|and|bersama)?\s*")


def pair_named_together(c: Candidate, norm: str) -> str | None:
    """A word of each of the pair's two people's names side by side ("Herman & Wiranto",
    "KAHAR - PERMANA"): the pair's name for itself, as an alias is, whether the election
    file lists that alias or not. The words of three letters or more, each an exact word
    of the text."""
    if len(c.people) < 2:
        return None
    own = [" ".join(re.findall(r"[a-z]+", p.lower())) for p in c.people]
    first, second = (
        [w for w in re.findall(r"[a-z]+", p.lower()) if len(w) >= 3] for p in c.people[:2]
    )
    for a in first:
        for b in second:
            if a in COMMON_GIVEN or b in COMMON_GIVEN or max(len(a), len(b)) < 5:
                continue
            for x, y in ((a, b), (b, a)):
                if any(f"{x} {y}" in name for name in own):
                    continue  # one person's own two names ("Ahmad Yani" beside "Yani Rahman")
                if m := re.search(rf"\b{x}{_PAIR_JOIN.pattern}{y}\b", norm):
                    return m.group(0)
    return None


# Two words joined by a mark or "dan" ("guhri & lils"), overlapping matches found.
_JOINED_WORDS = re.compile(r"(?=\b([a-z]{4,})\s*(?:[-–—&/+]|dan)\s*([a-z]{4,})\b)")


def pair_named_misread(c: Candidate, norm: str) -> str | None:
    """The pair's two people's names joined by a mark or "dan", each read a letter off
    ("bersama guhri & lils" for "Zuhri & Lilis", a thin font): the pair as `pair_named_together`
    finds it exactly. Each name word five letters or more, no read word an ordinary one."""
    if len(c.people) < 2:
        return None
    first, second = (
        {
            fold_compact(w)
            for w in re.findall(r"[a-z]+", p.lower())
            if len(w) >= 5 and w not in COMMON_GIVEN
        }
        for p in c.people[:2]
    )
    for m in _JOINED_WORDS.finditer(norm):
        u, v = m.group(1), m.group(2)
        if is_word(u) or is_word(v):
            continue
        for x, y in ((u, v), (v, u)):
            if _named_or_slipped(x, first) and _named_or_slipped(y, second):
                return f"{u} {v}"
    return None


def _named_or_slipped(word: str, names: set[str]) -> bool:
    return fold_compact(word) in names or _one_slip(word, names, 5)


def glued_across(word: str, tokens: list[str]) -> bool:
    """A name of five letters or more run into the form of address before it, with OCR's
    space put inside the name instead ("PAKRUS TAM" for "PAK RUSTAM", tiny letters)."""
    if len(word) < 5:
        return False
    target = ocr_fold(word)
    for a, b in itertools.pairwise(tokens):
        joined = ocr_fold(a + b)
        if any(address + target in joined for address in ADDRESS) and not (
            target in ocr_fold(a) or target in ocr_fold(b)
        ):
            return True
    return False


# Letters a script or handwriting font makes OCR read as another ("sofa" for "sota", "guro"
# for "zuro", "kame" for "kama", "okiu" for "okru"): unordered pairs.
_SCRIPT_SLIPS = frozenset(
    frozenset(p)
    for p in ("ft", "gz", "gq", "eo", "ao", "ae", "nh", "uv", "rn", "ce", "lt", "il", "ri")
)


def _unknown_words(text: str, length: int, acronyms: frozenset[str]) -> list[str]:
    """The words of `text` in lower case, `length` letters long, that are neither an ordinary
    word nor one of the pairs' acronyms: what a misread acronym may be."""
    lowered = {a.lower() for a in acronyms}
    found = re.findall(rf"\b[a-z]{{{length}}}\b", text)
    return [w for w in found if w not in lowered and not is_word(w)]


def script_near(alias: str, text: str, acronyms: frozenset[str]) -> bool:
    """A word in lower case one script slip from the acronym ("guro menaang" for "zuro
    menang"): the same length, one letter swapped for one a script font is read as (see
    `_SCRIPT_SLIPS`); never an ordinary word ("kami" is not "kama" misread) nor another pair's
    acronym. Counts only beside a support word, like `shouted_near`."""
    target = alias.lower()
    if len(target) < 4 or not target.isalpha():
        return False
    for seen in _unknown_words(text, len(target), acronyms):
        slips = [(a, b) for a, b in zip(seen, target, strict=True) if a != b]
        if len(slips) == 1 and frozenset(slips[0]) in _SCRIPT_SLIPS:
            return True
    return False


def letter_doubled(alias: str, text: str, acronyms: frozenset[str]) -> bool:
    """A word of `text` that is the coined acronym (five letters or more, no ordinary word)
    with one of its letters read twice ("rahillh" for "RAHILH", a script font's l): never an
    ordinary word, another pair's acronym, or a double the acronym has itself."""
    target = alias.lower()
    if len(target) < 5 or not target.isalpha() or is_word(target):
        return False
    for seen in _unknown_words(text.lower(), len(target) + 1, acronyms):
        for i in range(len(seen) - 1):
            double = seen[i] == seen[i + 1] and seen[i] * 2 not in target
            if double and seen[:i] + seen[i + 1 :] == target:
                return True
    return False


def letter_glued(alias: str, raw: str) -> bool:
    """The acronym in capitals with one letter glued to it, never an ordinary word: "SYHU!!"
    read "SYHUM", "ZUYON" (one "!" read as a letter), "ZUJUo" (an emoji after it read as a
    small letter), "VENUR" alone on its line (a ✅ before it read as a V, blindgen 275 0218;
    not a "VANDI" among words). "SUDAH NYOBLOS" is not "SUDA"."""
    target = re.escape(alias.upper())
    after = re.finditer(rf"\b{target}[A-Z1!|a-z]\b", raw)
    before = re.finditer(rf"(?m)^\W*(V{target})\W*$", raw)
    return any(not is_word(m.group(0).lower()) for m in after) or any(
        not is_word(m.group(1)) for m in before
    )


def shouted_near(alias: str, text: str, acronyms: frozenset[str]) -> bool:
    """A word in capitals (all but one letter: script capitals come out in either case,
    "BuRT") one slip from the acronym: a letter misread, a digit for a letter ("ZUH8" for
    "ZUHE"), or a letter lost ("OKJ" for "OKJU"); and neither an ordinary word ("HARI" and
    "HATI" are a day and a heart, not "HAMI" misread) nor another pair's acronym as written
    ("JAMA" is pair 2's, not pair 3's "JUMA")."""
    target = alias.upper()
    n = len(target)
    for seen in re.findall(rf"\b[A-Za-z][A-Za-z0-9]{{{n - 2},{n - 1}}}\b", text):
        # Script capitals come out in either case ("BuRT" for "BURI"): most of them capitals.
        if sum(c.isupper() for c in seen) < max(2, len(seen) - 1):
            continue
        word = seen.upper()
        if word in acronyms or is_word(word) or sum(c.isdigit() for c in word) > 1:
            continue
        if len(word) == n and sum(a != b for a, b in zip(word, target, strict=True)) == 1:
            return True
        if (
            len(word) == n - 1
            and not word[-1].isdigit()
            and any(target[:i] + target[i + 1 :] == word for i in range(n))
        ):
            return True
    return False


def tag_of_names(tag: str, c: Candidate) -> bool:
    """A hashtag made of the pair's people's names alone ("#UntungMarcus"): its words run
    over two lines are as likely a ballot's rows ("UNTUNG" over "MARCUS OHORELLA") as the
    tag; a tag with a word of its own ("#EfhaMenang") stacked a word a line is the tag."""
    words = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", tag)]
    names = {w.lower() for person in c.people for w in re.findall(r"[A-Za-z]+", person)}
    return bool(words) and all(w in names for w in words)


def form_of_address(words: list[str], c: Candidate) -> str | None:
    """The name an alias like "Mas Rudi", "Mbak Kartika" or "Pak Jun" calls the candidate by
    (`words`, normalised): an honorific before a word (or a word's start, two letters or
    more: "Pak Ok" of Oktaf, ours 9231) of one of the pair's own names. Anyone of that name
    may be called so: in a personal greeting ("Selamat ulang tahun Mas Rudi", "Terima kasih
    Pak Ok atas oleh-olehnya") such an alias weighs what the name does, not what a coined
    nickname does (`rules.support`)."""
    if len(words) != 2 or words[0] not in HONORIFICS or len(words[1]) < 2:
        return None
    called = fold_compact(words[1])
    names = {fold_compact(w) for person in c.people for w in person.split()}
    return words[1] if any(n.startswith(called) for n in names) else None


def start_of_a_name(words: list[str], c: Candidate, tokens: list[str], norm: str) -> bool:
    """The alias (`words`: "Pak Jun") is only the start of the candidate's own name as read
    ("Pak Junaidi", among the story's `tokens`, in its `norm`): the name counts for what it
    is, not a second time as the alias."""
    longer = {
        w
        for person in c.people
        for w in words_of(normalise_text(person))
        if len(w) > len(words[-1]) and w.startswith(words[-1])
    }
    whole = r"\b" + r"\s*".join(re.escape(w) for w in words) + r"\b"
    return bool(longer & set(tokens)) and not re.search(whole, norm)


def run_together(whole: str, flat: str, words: Iterable[str]) -> bool:
    """A candidate's whole name (folded, ten letters or more) with its spaces lost: as it
    is anywhere in the folded text, or one OCR slip off inside one of the words read
    ("LUKMANAMR1"), not across words read apart ("Pak Lukman dari Bapenda" holds
    "lukmandari", one slip from "lukmanamri": ours 9287 0290)."""
    if len(whole) < 10:
        return False
    return whole in flat or any(compact_in(whole, fold_compact(w)) for w in words)
