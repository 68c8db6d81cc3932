"""Contact names as a WhatsApp header shows them, cleaned of what OCR adds: the back arrow
and avatar read as letters, icons and the ⋮ menu after the name, spaces lost between words.

What is left is the name as the reporter's phone saved it ("Bu Ratih SMP 10"), for the
roster to match (`rules.roster_index`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules.posts import posts_named
from rules.units import UNIT_WORDS

_SHORT_HONORIFICS = {"bu", "bp", "om", "pk", "kk", "ka", "mb", "da"}
_HONORIFICS = _SHORT_HONORIFICS | {
    "pak", "bapak", "bpk", "ibu", "ibuk", "bunda", "kak", "mas", "mbak", "bang", "abang",
    "uda", "uni", "teteh", "akang", "tante", "dik", "adik",
}  # fmt: skip
# At the end a lone digit stays: "Pak Ahmad SDN 3" names a school.
_TRAILING_NOISE = re.compile(r"^(\W+|[_\-—–~=«»<>←]+|[a-z])$", re.IGNORECASE)
_NOISE_TOKEN = re.compile(r"^(\W+|[_\-—–~=«»<>←]+|[a-z]|\d)$", re.IGNORECASE)

# OCR drops the space between words of a contact name ("YaniDisdik", "Bu'Siti",
# "BapakRidwanSMP4", "Pak RTIwan"): names do not change case mid-word, so a lower-case letter
# before a capital, an acronym before a capitalised word or a doctor's title ("RSdr. Rasidin"
# for "RS dr. Rasidin"), and letters beside digits mark a lost space.
_LOST_SPACE = re.compile(
    r"(?<=[a-z])'?(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z](?!drg?\.)[a-z]{2})|(?<=[A-Za-z]{2})(?=\d+\b)"
    r"|(?<=[A-Za-z][a-z][.-])(?=[A-Z])|(?<=[a-z])(?=-[A-Z])|(?<=[A-Z]{2})(?=drg?\.)"
)


# Capitals with letters between them OCR read small, those that look alike in both cases
# ("PkM" for PKM, "BkPsDM" for BKPSDM run onto a name: ours 9229): an acronym, not a name
# and lost spaces.
_SMALL_IN_ACRONYM = re.compile(r"(?:(?<=[a-z])|\b)[A-Z](?:[cksopuvwxz]?[A-Z])+\b")


def restore_spaces(text: str) -> str:
    """A contact name with the spaces OCR dropped put back ("Bu RatihSMP10" → "Bu Ratih SMP 10")."""
    text = _SMALL_IN_ACRONYM.sub(lambda m: m.group(0).upper(), text)
    return _LOST_SPACE.sub(" ", text).replace(" -", " - ").replace("  ", " ")


# An emoji after a unit's number read as a small letter ("SMK Negeri 1🥰" as "Negeri1e").
_UNIT_NUMBER_LETTER = re.compile(r"((?i:\b(?:sdn?|smpn?|sman?|smkn?|negeri|n|pkm)) ?\d{1,3})[a-z]$")


_LETTER_BEFORE_HONORIFIC = re.compile(r"^[A-Z]([A-Z][a-z]+)$")


def clean_contact_name(text: str) -> str:
    """The contact name in a WhatsApp header line, without avatar noise and icons."""
    text = _UNIT_NUMBER_LETTER.sub(r"\1", restore_spaces(text).strip())
    tokens = restore_spaces(text).split()
    if tokens:
        tokens[0] = tokens[0].lstrip("«»<>—–-~=_|'\"‘’“”;:,.") or tokens[0]
        # An emoji before the honorific or the name read as a capital run into it ("🙏 Ibu
        # Ni" as "AIbu Ni", "🙏 Sri Salmah Purwanti" as "ASri Salmah Purwanti": blindgen 317
        # 0147): no name has two capitals before its first small letter.
        glued = _LETTER_BEFORE_HONORIFIC.match(tokens[0])
        if glued and (glued.group(1).lower() in _HONORIFICS or len(glued.group(1)) >= 3):
            tokens[0] = glued.group(1)
    # Contact names saved by people start with an honorific more often than not; words OCR
    # put before one ("Rea Bapak Budi") are the back arrow and avatar.
    # The last word is never that honorific: "Budi (Kecamatan Simpang Ka..." ends cut short.
    # Only short scraps are that noise: "Mardiana Perawat PkM Kota Baru" keeps its name
    # before "Pk" (PKM read with a small k and split).
    for i, token in enumerate(tokens[1 : min(4, len(tokens) - 1)], start=1):
        if token.lower().strip(".") in _HONORIFICS:
            if all(len(t) <= 3 or not t.isalpha() for t in tokens[:i]):
                tokens = tokens[i:]
            break
    # The back arrow and avatar also read as symbols, digits and short words ("Pe 7 Teguh",
    # "Fa 4 PS $ Rizka"); a leading token of two letters that is no honorific ("Bu", "Om",
    # "Bp") is that noise too.
    # A short name before a dash and a unit ("Ni - RS Jiwa") or a unit in brackets ("Ni
    # (Itko)", our set 9189) is the name, not the avatar.
    while (
        len(tokens) > 1
        and (
            _NOISE_TOKEN.match(tokens[0])
            or (len(tokens[0]) <= 2 and tokens[0].lower().strip(".") not in _SHORT_HONORIFICS)
        )
        and not (tokens[0].istitle() and tokens[0].isalpha() and tokens[1][:1] in "-(")
        and not (tokens[0].isupper() and posts_named([tokens[0].lower()]))  # "KS SMP N 2"
        and not _name_particle(tokens)
    ):
        tokens.pop(0)
    if tokens and _ROMAN_READ.fullmatch(tokens[-1]) and _roman_after_unit([*tokens[:-1], "I"]):
        tokens[-1] = "I" * len(tokens[-1])  # "Pusk. Sleman Il": its II with an I read as l
    while (
        tokens
        and not _roman_after_unit(tokens)
        and (
            _TRAILING_NOISE.match(tokens[-1])
            or not re.search(r"\w", tokens[-1])
            # the ⋮ menu read as "Bi" or "i:"; upper-case short words are units ("PU", "PP")
            or (
                len(tokens) > 1
                and len(tokens[-1]) <= 2
                and not tokens[-1].isupper()
                and not re.search(r"\d", tokens[-1])
            )
        )
    ):
        tokens.pop()
    cleaned = " ".join(tokens)
    # A name too long for the header, cut by the app with "…" (OCR reads "..", "..."): the
    # mark stays, as one "…", so that its last words may be completed from the roster.
    cut = _CUT_MARK.search(cleaned)
    cleaned = cleaned.strip(" '\"‘’“”;:,.|")
    return cleaned.rstrip("….") + "…" if cut and cleaned else cleaned


# Two-letter words that begin names: Balinese "Ni" (Ni Luh Putu), Buton's "Wa" and "La"
# (Wa Ode Mery, La Ode Ahmad).
_NAME_PARTICLES = frozenset({"ni", "wa", "la"})


def _name_particle(tokens: Sequence[str]) -> bool:
    """The first word begins the name ("Wa Ode Mery"), not the avatar read as letters."""
    return (
        tokens[0].lower() in _NAME_PARTICLES
        and tokens[0].istitle()
        and tokens[1][:1].isupper()
        and tokens[1].isalpha()
    )


def _roman_after_unit(tokens: Sequence[str]) -> bool:
    """A last "I" or "II" that numbers the unit named before it ("Bu Kapus Godean I", "Pusk.
    Purwoharjo II"): part of the name, not the ⋮ menu read as a letter."""
    return (
        len(tokens) >= 3
        and tokens[-1] in _ROMAN
        and tokens[-2].isalpha()
        and any(t.lower().strip(".,()") in UNIT_WORDS for t in tokens[:-1])
    )


_ROMAN = frozenset({"I", "II", "III", "IV"})
# Both I's read l too ("PKM Genteng ll" of Genteng II, blindgen 227: a false flag on the
# roster's Rahmat of Genteng I once the "ll" was dropped as noise).
_ROMAN_READ = re.compile(r"[Il]{2,3}")
# ("SD Negeri 5…" is often read "SD Negeri 5.": a unit's number takes no full stop.)
_CUT_MARK = re.compile(r"\w\s?(?:…|\.{2,})$|\d\.$")
