"""A pair's slogan in a story's text, as written or read with OCR's slips.

A slogan is long, so a fuzzy match finds it through a misread letter or two; but its words
are often ordinary ("Bersama Membangun Medan") and the region's name is in every post of
the place. The tolerance is spent only on words that are the pair's own.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from rules import shared_names
from rules.election import Election
from rules.ocr_text import compact_in, fold_compact, normalise_text, phrase_in, words_of


def slogan_in(
    slogan: str, tokens: Sequence[str], norm: str, flat: str, shared: frozenset[str]
) -> bool:
    """A slogan in the text: as written, or read with OCR's slips when the words that tell
    it apart are there too. The election's region and the words several pairs' slogans share
    ("Bangka Tengah Juara", "Bangka Tengah Maju Bersama") are in ordinary posts ("📍 KABUPATEN
    BANGKA TENGAH jangan golput"): the fuzzy match must not spend its tolerance on the one word
    that makes the slogan this pair's. `tokens`, `norm`, `flat`: the text's words, its
    normalised form and its folded letters run together (`rules.support`)."""
    words = words_of(normalise_text(slogan))
    if not words:
        return False
    if " ".join(words) in " ".join(tokens) or fold_compact(slogan) in flat:
        return True
    if not (phrase_in(slogan, norm) or compact_in(fold_compact(slogan), flat)):
        return False
    own = [w for w in words if w not in shared]
    if not own:
        return False
    # Nor on a shared word as a whole: "Bersama Membangun Desa" is not "Bersama Membangun
    # Medan" with its place misread. Each of four letters or more is there, one slip off at
    # most (a short one, "dan", may be misread whole).
    where = fuzz.partial_ratio_alignment(fold_compact(slogan), flat)
    read = flat[max(0, where.dest_start - 2) : where.dest_end + 2] if where else flat
    if not all(within_a_slip(fold_compact(w), read) for w in words if w in shared and len(w) >= 4):
        return False
    # The distinctive words as read (one slip per eight letters of them, as for the rest).
    return compact_in(fold_compact("".join(own)), flat) or all(
        w in tokens or compact_in(fold_compact(w), flat) for w in own
    )


def within_a_slip(word: str, flat: str) -> bool:
    """The folded word in the folded text (the slogan's place in it), or one letter of it
    misread, lost or added."""
    if word in flat:
        return True
    sizes = (len(word) - 1, len(word), len(word) + 1)
    return any(
        Levenshtein.distance(word, flat[i : i + size], score_cutoff=1) <= 1
        for size in sizes
        for i in range(len(flat) - size + 1)
    )


@functools.lru_cache(maxsize=16)
def shared_words(election: Election) -> frozenset[str]:
    """Words of the election's region, and words found in two or more pairs' slogans."""
    region = frozenset(words_of(normalise_text(election.region)))
    return region | shared_names.several_pairs_words(election, lambda c: c.slogans)
