"""Posts people save a colleague under: "Pak Camat Koba", "Bu Kepsek SDN 5", "Warsita Kabid
Kominfo". A post tells namesakes in one unit apart, and a unit's head is one person even when
the contact shows no name at all. Matched against the roster's own `jabatan` column, so a
region's wording of a post ("Kasi Pemerintahan", "Kepala Seksi Pemerintahan") works alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rules.names import name_tokens

# (how a contact names the post, folded tokens joined by spaces; how a roster's `jabatan`
# names it, lower case). Heads of a unit come first: those are one person per unit.
_POSTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (key, re.compile(rf"\b(?:{contact})\b"), re.compile(rf"^(?:{roster})\b"))
    for key, contact, roster in (
        ("kepsek", r"kepsek|kasek|ks|kepala sekolah", r"kepala sekolah"),
        (
            "kapus",
            r"kapus|kapuskes|kepala puskesmas|ka (?:pkm|pusk|puskes|puskesmas)",
            r"kepala (?:uptd )?puskesmas",
        ),
        ("kadis", r"kadis|kepala dinas", r"kepala dinas"),
        ("kaban", r"kaban|kepala badan", r"kepala badan"),
        ("direktur", r"direktur|dirut", r"direktur(?! \w+ \w)|direktur utama"),
        ("kasat", r"kasat|kepala satuan", r"kepala satuan(?! \w)|kasat"),
        ("camat", r"camat", r"camat"),
        # One in a regency or a city: "Pak Sekda", "Bu Inspektur" need no unit after them
        # (not the "Inspektur Pembantu" of a region, an Irban).
        ("sekda", r"sekda|sekretaris daerah", r"sekretaris daerah"),
        # The DPRD's secretary, as "Pak Sekwan" (sekretaris dewan; blindgen 273 0080).
        ("sekwan", r"sekwan|sekretaris dewan|sekretaris dprd", r"sekretaris (?:dprd|dewan)"),
        ("inspektur", r"inspektur(?! pembantu| wilayah)", r"inspektur(?! \w)"),
        ("lurah", r"lurah", r"lurah"),
        (
            "sekcam",
            r"sekcam|sekretaris camat|sekretaris kecamatan",
            r"sekretaris (?:camat|kecamatan)",
        ),
        (
            "seklur",
            r"seklur|sekretaris lurah|sekretaris kelurahan",
            r"sekretaris (?:lurah|kelurahan)",
        ),
        ("sekdis", r"sekdis|sekretaris dinas", r"sekretaris$|sekretaris dinas"),
        ("sekretaris", r"sekre|sekretaris", r"sekretaris"),
        ("kabid", r"kabid|kepala bidang", r"kepala bidang|kabid"),
        ("kabag", r"kabag|kepala bagian", r"kepala bagian|kabag"),
        ("kasubag", r"kasubb?ag|kepala sub ?bagian", r"kepala sub ?bagian|kasubb?ag"),
        ("kasubid", r"kasubid|kepala sub ?bidang", r"kepala sub ?bidang|kasubid"),
        ("kasi", r"kasie?|kepala seksi", r"kepala seksi|kasie?"),
        ("kaur", r"kaur|kepala urusan", r"kepala urusan|kaur"),
        ("wakasek", r"wakasek|wakil kepala sekolah", r"wakil kepala sekolah"),
        ("bendahara", r"bendahara", r"bendahara"),
        ("guru", r"guru", r"guru"),
        ("bidan", r"bidan", r"bidan"),
        ("perawat", r"perawat", r"perawat"),
        ("dokter", r"dokter", r"dokter"),
        ("penyuluh", r"penyuluh", r"penyuluh"),
        ("pengawas", r"pengawas", r"pengawas"),
        ("operator", r"operator", r"operator"),
    )
)
_KEYS = {key: roster for key, _contact, roster in _POSTS}
# One holder per unit: a contact naming only the post and the unit ("Camat Koba") is them.
HEADS = frozenset(
    {
        "kepsek", "kapus", "kadis", "kaban", "direktur", "kasat", "camat", "lurah", "sekcam",
        "seklur", "sekdis", "sekda", "sekwan", "inspektur",
    }
)  # fmt: skip
# Heads of the whole government, one on a roster: named by the post alone.
REGION_HEADS = frozenset({"sekda", "sekwan", "inspektur"})


# The one-word forms of the posts above, which a contact may run into a name ("MARIAKABID").
POST_SHORT_FORMS = frozenset(
    {
        "kepsek", "kasek", "kapus", "kapuskes", "kadis", "kaban", "camat", "lurah", "sekcam",
        "seklur", "sekdis", "sekre", "kabid", "kabag", "kasubag", "kasubbag", "kasubid",
        "kasi", "kasie", "kaur", "wakasek", "bendahara", "guru", "bidan", "perawat", "dokter",
        "penyuluh", "pengawas", "operator", "direktur", "dirut", "kasat", "sekda", "sekwan",
        "inspektur",
    }
)  # fmt: skip


def posts_named(tokens: Sequence[str]) -> frozenset[str]:
    """The posts a contact name's folded tokens name ("kabid", "kepsek"); the longer of two
    overlapping ones only ("sekretaris camat" is no "camat")."""
    text = " ".join(tokens)
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    for key, contact, _roster in sorted(_POSTS, key=lambda p: -len(p[1].pattern)):
        for m in contact.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.add(key)
                taken.append(m.span())
    return frozenset(found)


def holds(jabatan: str, posts: frozenset[str], words: frozenset[str] = frozenset()) -> bool:
    """True if the roster's `jabatan` is one of these posts, or holds one of the contact's
    post `words` ("Sahnan Apoteker RSUD": "Asisten Apoteker Terampil")."""
    position = " ".join(jabatan.lower().split())
    return any(_KEYS[key].search(position) for key in posts) or bool(
        words & frozenset(name_tokens(jabatan))
    )


def post_words(positions: Iterable[str]) -> frozenset[str]:
    """The words of a roster's posts ("apoteker", "penyuluh", "bidan", "arsiparis"), folded
    as name tokens: in a contact name they are the post, not a name the roster lacks."""
    return frozenset(w for p in positions for w in name_tokens(p) if len(w) >= 4)
