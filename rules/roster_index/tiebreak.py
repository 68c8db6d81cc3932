"""Ties among namesakes a contact name fits alike, broken by what people write when they
save a colleague: a name as they know it spelled, the name they call them by, a title they
bear. Each only breaks a tie (candidates within `PEER_MARGIN` of the best): it never makes a
weaker match the likelier one.
"""

from __future__ import annotations

import numpy as np

from rules.names import (
    fold_token,
    name_tokens,
    name_tokens_unfolded,
    strip_titles,
    telling_titles,
)
from rules.roster_index.scoring import PEER_MARGIN
from rules.roster_index.segment import name_cut
from rules.roster_index.tables import RELIGIOUS_PREFIXES, real_tokens
from rules.roster_index.unit_hints import UnitHintLookup
from rules.units import SKIP_WORDS, count_repeats

# A namesake who spells a shown word otherwise ranks below one spelled as shown, by more
# than a tie; checked among this many candidates at most.
SPELLED_OTHERWISE = 0.85
_SPELLING_CHECKED = 12
# A title is looked for among more: "DR. SRI RSUD BLAMBANGAN", its hospital's one doctor Sri
# among thirteen Sris (blindgen 215).
_TITLES_CHECKED = 40


class TieBreakLookup(UnitHintLookup):
    """The tie-breakers of `CandidateLookup._match_contact`, each returning which of the
    `chosen` candidates rank below the others (None: it tells no one apart)."""

    def _spelled_otherwise(
        self, chosen: np.ndarray, raws: np.ndarray, text: str
    ) -> np.ndarray | None:
        """Which of the candidates tied for the top spell one of the shown name's words
        otherwise, the same once spellings are folded ("Ahmad" for a shown "Akhmad"), when
        some do and some do not: people save a name as they know it written. None when that
        tells no one apart."""
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) else raws
        if not 1 < len(tied) <= _SPELLING_CHECKED:
            return None
        # Two letters only as a short form ("St." of Sitti, written so on the roster too).
        folded = {
            fold_token(w): w
            for w in name_tokens_unfolded(text)
            if len(w) >= 3 or (len(w) == 2 and fold_token(w) != w)
        }
        out = np.zeros(len(chosen), dtype=bool)
        for j in tied.tolist():
            words = set(name_tokens_unfolded(self._field(int(chosen[j]), 1)))
            out[j] = any(
                folded.get(fold_token(v), v) != v and folded[fold_token(v)] not in words
                for v in words
            )
        return out if out.any() and not out[tied].all() else None

    def _fuller_names(
        self, chosen: np.ndarray, raws: np.ndarray, shown: list[str]
    ) -> np.ndarray | None:
        """Which of the candidates tied for the top carry a name word beyond the `shown` ones
        (folded), when one of them is named by exactly those words: a name saved whole is
        likelier its bearer's than a longer one's shortened. A single word says nothing so:
        "Aisyah" is how an Aisyah Putri is called too. None when that tells no one apart."""
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) else raws
        if len(set(shown)) < 2 or not 1 < len(tied) <= _SPELLING_CHECKED:
            return None
        words = set(shown)
        out = np.zeros(len(chosen), dtype=bool)
        for j in tied.tolist():
            out[j] = set(name_tokens(strip_titles(self._field(int(chosen[j]), 1)))) != words
        return out if not out[tied].all() and out[tied].any() else None

    def _unit_spelled_otherwise(
        self, chosen: np.ndarray, raws: np.ndarray, text: str
    ) -> np.ndarray | None:
        """Which of the candidates tied for the top work in a unit whose acronym the contact
        does not write as it stands, when another's it does: "Dwi DKP" is the Dwi of Dinas
        Kelautan dan Perikanan (D-K-P), not the one of Dinas Pertanian dan Ketahanan Pangan,
        whom "DKP" reaches only as "DKPP" folded (blindgen 225). None when that tells no one
        apart."""
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) else raws
        written = {w for w in name_tokens_unfolded(text) if 3 <= len(w) <= 8}
        if not written or not 1 < len(tied) <= _SPELLING_CHECKED:
            return None
        out = np.ones(len(chosen), dtype=bool)
        for j in tied.tolist():
            words = [
                w
                for w in name_tokens_unfolded(self._strings_unit(int(chosen[j])))
                if w not in SKIP_WORDS and w[0].isalpha()
            ]
            initials = "".join(w[0] for w in words)
            out[j] = not written & {initials, count_repeats(initials)}
        return out if not out[tied].all() and out[tied].any() else None

    def _unit_begun(self, chosen: np.ndarray, raws: np.ndarray, text: str) -> np.ndarray | None:
        """Which of the candidates tied for the top work in a unit no word of which the
        contact's last word, cut by the app, begins, when another's does: "Wulan Simanjuntak
        Sat…" is the Wulan Simanjuntak of Satuan Polisi Pamong Praja (ours 9195, three
        namesakes). A cut word that begins one of their names says nothing so. None when that
        tells no one apart."""
        words = name_tokens_unfolded(text)
        last = words[-1] if words and name_cut(text) else ""
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) else raws
        if len(last) < 3 or not last.isalpha() or not 1 < len(tied) <= _SPELLING_CHECKED:
            return None
        out = np.ones(len(chosen), dtype=bool)
        for j in tied.tolist():
            c = int(chosen[j])
            if any(w.startswith(last) for w in name_tokens_unfolded(self._field(c, 1))):
                return None
            unit = name_tokens_unfolded(self._strings_unit(c))
            out[j] = not any(w.startswith(last) for w in unit if w not in SKIP_WORDS)
        return out if not out[tied].all() and out[tied].any() else None

    def _titled(self, chosen: np.ndarray, raws: np.ndarray, text: str) -> np.ndarray | None:
        """Which of the candidates tied for the top carry a title the contact shows ("drg.",
        "Ns.", "Hj."), when some do and some do not. A title only breaks a tie: many
        rosters leave titles out, and a contact's "dr." is no reason to doubt a full name."""
        shown = telling_titles(text)
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) and shown else []
        if not 1 < len(tied) <= _TITLES_CHECKED:
            return None
        out = np.zeros(len(chosen), dtype=bool)
        for j in tied.tolist():
            out[j] = bool(shown & telling_titles(self._field(int(chosen[j]), 1)))
        return out if out[tied].any() and not out[tied].all() else None

    def _called_otherwise(
        self, chosen: np.ndarray, raws: np.ndarray, shown: list[str]
    ) -> np.ndarray | None:
        """Which of the candidates tied for the top are not called by the one `shown` word
        (folded) when some are: "Made" is the Made of Dinas Sosial, not its Sugeng Made; "Siti"
        the teacher named just Siti, not the Siti Janet Sudiati of her school, called Janet
        (a religious prefix, see `RELIGIOUS_PREFIXES`). The names someone is called by are
        their first after the prefixes and titles, and their prefixes but religious ones
        ("I Made Suardana" is Bli Made too). None when that tells no one apart (two
        "Made"s); several shown words are `_fuller_names`' to weigh."""
        tied = np.flatnonzero(raws >= raws.max() - PEER_MARGIN) if len(raws) else raws
        if len(set(shown)) != 1 or not 1 < len(tied) <= _SPELLING_CHECKED:
            return None
        out = np.zeros(len(chosen), dtype=bool)
        for j in tied.tolist():
            toks = name_tokens(strip_titles(self._field(int(chosen[j]), 1)))
            real = real_tokens(toks)
            # Titles of birth and birth order are names people call each other by too ("Bli
            # Made", "Andi"); a religious prefix is not.
            kept = [t for t in toks[: len(toks) - len(real)] if t not in RELIGIOUS_PREFIXES]
            out[j] = shown[0] not in (*kept, *real[:1])
        return out if not out[tied].all() and out[tied].any() else None
