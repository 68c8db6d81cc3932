"""How a contact's words become name words: a form of address that is her given name too,
a last word the app cut, a name OCR split in two. Each is weighed against the roster's own
names, never against a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from rules.names import HONORIFICS
from rules.roster_index.segment import MIN_BEGUN, MIN_BEGUN_AFTER_NAME, begun_words
from rules.roster_index.tables import in_two_or_more
from rules.roster_index.tiebreak import TieBreakLookup

_BEGUN = 0.9  # a name word completed from the letters before the app's "…"
# A run of letters too short for `words_apart` (names that long are mostly one name), spelled
# by two of one person's name words: "ANILUBIS", a name saved in capitals, its space lost.
_SHORT_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]{6,8}(?![A-Za-z])")
_MIN_PIECE = 3


class NameWordsLookup(TieBreakLookup):
    """The name-word helpers of `CandidateLookup._match_contact`."""

    _sorted_tokens: list[str] | None = None  # the name words, sorted (`_name_begun`), on first use

    def _variants(self, tok: str) -> dict[int, float]:  # the contact lookup's vocabulary
        raise NotImplementedError

    def _posting_slices(self, variants: dict[int, float]) -> list[tuple[int, int]]:
        raise NotImplementedError

    def _postings(self, slices: list[tuple[int, int]]) -> np.ndarray:
        raise NotImplementedError

    def _honorific_named(self, tokens: Sequence[str], named: list[str]) -> list[str]:
        """ "Umi Sulistyowati": "Umi" addresses a mother and is a given name too. The form of
        address just before the name is kept as a name word when someone on the roster
        bears it, exactly, together with the name's first word."""
        at = tokens.index(named[0]) if named and named[0] in tokens else 0
        if at == 0:
            return named
        spoken = tokens[at - 1]
        exact = {t: w for t, w in self._variants(spoken).items() if w >= 1.0}
        if spoken not in HONORIFICS or not exact:
            return named
        return [spoken, *named] if self._borne_together(exact, named[0]) else named

    def _borne_together(self, first: dict[int, float], word: str) -> bool:
        """Someone on the roster bears one of the name words `first` and `word` both."""
        both = [self._postings(self._posting_slices(first))]
        both.append(self._postings(self._posting_slices(self._variants(word))))
        return bool(len(in_two_or_more(both)))

    def _name_begun(self, word: str, after_name: bool = False) -> dict[int, float]:
        """The roster's name words a last word cut by the app begins ("Tampubol…" of
        Tampubolon), as near variants: the cut hides the rest. `after_name`: two name words
        were read whole before it, which the person must bear too, so two letters will do."""
        if self._sorted_tokens is None:
            self._sorted_tokens = sorted(self._tokens)
        least = MIN_BEGUN_AFTER_NAME if after_name else MIN_BEGUN
        words = begun_words(self._sorted_tokens, word, least)
        return {tid: _BEGUN for w in words if (tid := self._vocab.get_one(w)) is not None}

    def _begun_after(
        self, known: list[tuple[str, dict[int, float]]], word: str
    ) -> dict[int, float]:
        """The roster's name words `word` begins, cut by the app to a few letters after two
        name words or more `known` read whole (`MIN_BEGUN_AFTER_NAME`), when someone bears one
        of them beside every word of `known`: else the letters say nothing. "Mulyadi Ilham
        Na…": the two letters, dropped as unreadable, complete Mulyadi Ilham Nasyiah."""
        begun = self._name_begun(word, after_name=True) if len(known) >= 2 else {}
        if not begun:
            return {}
        bearers = self._postings(self._posting_slices(begun))
        for _t, variants in known:
            bearers = np.intersect1d(bearers, self._postings(self._posting_slices(variants)))
        return begun if len(bearers) else {}

    def _split_words_joined(self, words: list[str]) -> list[str]:
        """A name OCR split with a space it never had ("San toso" of "Santoso", read off a
        thick outline): two neighbours that together spell a roster name, one of them no name
        on its own, are that name."""
        out: list[str] = []
        known = self._vocab.get_one
        for word in words:
            if (
                out
                and known(out[-1] + word) is not None
                and (known(out[-1]) is None or known(word) is None)
            ):
                out[-1] += word
                continue
            out.append(word)
        return out

    def _short_runs_apart(self, text: str) -> str | None:
        """`text` with each short run of letters that no roster word spells, and that one
        way only two name words of one person on the roster spell, set apart ("ANILUBIS":
        Ani Lubis); None when no run is. Asked only of a contact nobody on the roster fits
        as read: "Masriani" is Masriani, whether or not a Mas Riani is on it too."""
        get = self._vocab.get_one
        changed = False

        def apart(match: re.Match[str]) -> str:
            nonlocal changed
            run = match.group(0)
            if get(run.lower()) is not None:
                return run
            splits = [
                k
                for k in range(_MIN_PIECE, len(run) - _MIN_PIECE + 1)
                if (a := get(run[:k].lower())) is not None
                and (b := get(run[k:].lower())) is not None
                and len(
                    in_two_or_more([self._postings(self._posting_slices({t: 1.0})) for t in (a, b)])
                )
            ]
            if len(splits) != 1:
                return run
            changed = True
            return f"{run[: splits[0]]} {run[splits[0] :]}"

        text = _SHORT_RUN.sub(apart, text)
        return text if changed else None
