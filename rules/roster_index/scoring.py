"""Scoring and evidence: how sure a contact-name match is, and why, in words a moderator
reads on the card.

Confidence levels (the caller's thresholds): ≥ 0.85 strong enough to flag, 0.6-0.85 worth
a moderator's review, below that only an alternative. A match is only strong when the
evidence singles out one person: equal candidates share the confidence between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from rules.roster_index.tables import leading_prefixes
from wording import id_analysis as why

if TYPE_CHECKING:
    from rules.roster_index.tables import RosterTables

# Per rule, (confidence without a unit in the contact, with one that agrees).
_BASE = {
    "name-full": (0.95, 0.97),
    "name-single": (0.58, 0.88),
    "name-partial": (0.78, 0.92),
    "name-partial-other": (0.75, 0.88),
    "name-first": (0.55, 0.86),
    "name-other": (0.45, 0.78),
    "name-last": (0.45, 0.85),
    "name-alias": (0.6, 0.86),
}
_CONTRADICT = 0.6
_UNMATCHED = 0.7
_REORDERED = 0.7
PEER_MARGIN = 0.05
_PARENT_GAP = 0.06
PEER_PENALTY = 0.6


@dataclass(slots=True)
class Scored:
    """A candidate entry (by index) with its confidence so far, rule and evidence."""

    idx: int
    raw: float
    method: str
    evidence: tuple[str, ...]


def score_contact(
    tables: RosterTables,
    i: int,
    known: list[tuple[str, dict[int, float]]],
    initials: list[str],
    n_unknown: int,
    hint_units: set[int] | None,
    hint_text: str,
    implied_units: set[int] = frozenset(),  # type: ignore[assignment]
    *,
    with_evidence: bool = True,
) -> tuple[float, str, tuple[str, ...]]:
    """(confidence, rule, evidence) of entry i for this contact name; evidence only
    when asked, since formatting it for hundreds of namesakes costs more than scoring.
    Without evidence it must read entry i only as `CandidateLookup._score_alike_once`
    groups entries (token count; per token its variant weights, first letter, prefix
    status; unit class; aliases): entries alike there are scored once."""
    tids = tables._tok_flat[tables._tok_off[i] : tables._tok_off[i + 1]].tolist()
    unit = int(tables._unit_of[i])
    n = len(tids)
    lead = leading_prefixes(tids, tables._prefix_tids)
    given_pos = set(range(lead + 1))
    real_pos = set(range(lead, n))
    used: set[int] = set()
    scores: list[float] = []
    evidence: list[str] = []
    given_hit = alias_hit = False
    order: list[int] = []  # the roster positions the shown words took, in the shown order
    unmatched = n_unknown
    ev = with_evidence
    for tok, variants in known:
        best_pos, best = -1, 0.0
        for pos in range(n):
            if pos not in used:
                s = variants.get(tids[pos], 0.0)
                if s > best:
                    best_pos, best = pos, s
        if best_pos < 0:
            for alias in tables._aliases.get(i, ()):
                s = max((variants.get(t, 0.0) for t in alias), default=0.0)
                if s > best:
                    best = s
            if best > 0:
                alias_hit = True
                scores.append(best)
                if ev:
                    evidence.append(why.EVIDENCE_WORD_ALIAS.format(word=tok))
            else:
                unmatched += 1
            continue
        used.add(best_pos)
        order.append(best_pos)
        scores.append(best)
        given_hit |= best_pos in given_pos
        if ev:
            roster_tok = tables._tokens[tids[best_pos]]
            evidence.append(
                why.EVIDENCE_WORD_EXACT.format(word=tok, roster=roster_tok)
                if best == 1.0
                else why.EVIDENCE_WORD_NEAR.format(word=tok, roster=roster_tok, score=best)
            )
    for letter in initials:
        pos = next((p for p in sorted(real_pos - used) if tables._tokens[tids[p]][0] == letter), -1)
        if pos < 0:
            unmatched += 1
        else:
            used.add(pos)
            scores.append(0.9)
            if ev:
                evidence.append(
                    why.EVIDENCE_INITIAL.format(letter=letter, roster=tables._tokens[tids[pos]])
                )
    n_hit = len(scores)
    matched_real = used & real_pos
    if alias_hit and not used:
        method = "name-alias"
    elif matched_real == real_pos and matched_real:
        # "M. Rizki" is the full "Mochammad Rizki"; "Rizki" alone is only a given name. One
        # name word and one of two prefixes before it ("Ahmad Syarifuddin" for Muhammad
        # Ahmad Syarifuddin), that prefix a religious given name, is a name as common off
        # the roster as on it (blindgen 181: a citizen so called was flagged as him):
        # partial, a flag only with the unit. A title of birth shown ("Ode Mery" of Wa Ode
        # Mery) is no such name.
        religious = {p for p in used - real_pos if tids[p] in tables._religious_tids}
        if len(real_pos) >= 2 or len(used) == n or not religious:
            method = "name-full" if len(real_pos) >= 2 or len(used) >= 2 else "name-single"
        else:
            method = "name-partial"
    elif n_hit >= 2:
        method = "name-partial" if given_hit else "name-partial-other"
    elif given_hit or alias_hit:
        method = "name-first"
    elif used == {n - 1}:
        # The last name alone ("Ompung Sitorus", "Bu Hasanah"): how a Batak is called by
        # the marga, and many by their father's name; a middle name much less.
        method = "name-last"
    else:
        method = "name-other"
    base, with_unit = _BASE[method]
    if hint_units is None:
        raw = base
    elif unit in hint_units and unit in implied_units:
        # Agrees only through its parent agency ("Diknas" for a school's teacher): below a
        # namesake in the agency itself, by more than a tie (a person saving the teacher
        # writes the school).
        raw = (base + with_unit) / 2 - _PARENT_GAP
        method += "+unit-parent"
        if ev:
            evidence.append(
                why.EVIDENCE_UNIT_PARENT.format(hint=hint_text, unit=tables._strings_unit(i))
            )
    elif unit in hint_units:
        raw = with_unit
        method += "+unit"
        if ev:
            evidence.append(
                why.EVIDENCE_UNIT_AGREES.format(hint=hint_text, unit=tables._strings_unit(i))
            )
    else:
        raw = base * _CONTRADICT
        method += "+unit-mismatch"
        if ev:
            evidence.append(
                why.EVIDENCE_UNIT_CONTRADICTS.format(hint=hint_text, unit=tables._strings_unit(i))
            )
    raw *= sum(scores) / len(scores) if scores else 0.0
    raw *= _UNMATCHED**unmatched
    if any(b < a for a, b in pairwise(order)):
        # "Noorhayati Mardiah Hayati" for Mardiah Noorhayati Hayati: nobody saves a name
        # with its words moved; another person's as likely. A review at most.
        raw *= _REORDERED
        method += "+order"
        if ev:
            evidence.append(why.EVIDENCE_WORDS_REORDERED)
    if unmatched:
        # Marked: the contact shows words this person's name does not have ("Jati" in
        # "Jati Saputri" for Siti Saputri); such matches never add up as namesakes.
        method += "+partial"
        if ev:
            evidence.append(why.EVIDENCE_UNMATCHED_WORDS.format(count=unmatched))
    return raw, method, tuple(evidence)


def one_edit_weight(shown: str, roster: str) -> float:
    """How likely one edit between two name tokens is an OCR slip rather than another name.

    OCR misreads letters inside a word ("Sni" for "Sri"): 0.8. A different first letter
    (0.7) or a letter more or less at either end ("Rezay"/"Reza", "Karsana"/"Akarsana",
    0.6) is how people's names differ, and rarely how tesseract errs on a clean header; so
    is a letter that sounds like the other ("Ahmat"/"Ahmad", "Arip"/"Arif": 0.6). But a
    thin final i lost at the end of the name line ("Purwant" of "Purwanti", "Hastut"), as
    OCR often drops it, leaves no name of its own: 0.8. (Skeletons: an i reads as an l.)
    """
    if len(shown) != len(roster):
        longer, shorter = (shown, roster) if len(shown) > len(roster) else (roster, shown)
        if longer is roster and len(shorter) >= 5 and roster[:-1] == shown and roster[-1] == "l":
            return 0.8
        if longer[1:] == shorter or longer[:-1] == shorter:
            return 0.6
        return 0.8
    if shown[0] != roster[0]:
        return 0.7
    ((a, b),) = ((x, y) for x, y in zip(shown, roster, strict=True) if x != y)
    # OCR confuses letters that look alike, not letters that sound alike.
    return 0.6 if frozenset((a, b)) in _SOUND_ALIKE else 0.8


_SOUND_ALIKE = frozenset(
    frozenset(pair) for pair in ("dt", "iy", "fp", "fv", "sz", "kc", "kq", "bp")
)


def peer_counts(raws: np.ndarray, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Candidates within a hair of each other split the confidence: an even tie between
    two namesakes must not leave either of them at a flaggable level. Stronger candidates
    count against a weaker one too, so sharing never reorders them.

    Per confidence in `raws`: its peers (everyone about as likely or likelier, scaled up when
    only a sample was scored; 1 when it shares with nobody) and how many are clearly
    stronger. A lone weaker match must not end up above three namesakes who share a stronger
    one. Divide by `1 + PEER_PENALTY * (peers - 1)` where peers exceed 1."""
    ordered = np.sort(raws)
    hi = len(ordered)
    lo = np.searchsorted(ordered, raws - PEER_MARGIN, "left")
    peers = np.where(hi - lo > 1, (hi - lo) * scale, 1.0)
    stronger = hi - np.searchsorted(ordered, raws + PEER_MARGIN, "right")
    return peers, stronger
