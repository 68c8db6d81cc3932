"""Ballots in a story: the election body's specimen backs nobody; a campaign's sample ballot,
one number urged or ticked beside the pairs ("COBLOS NOMOR 3! Ini caranya", "03 ✓"), backs
that pair. Read by `rules.support`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from wording import id_analysis as why

# How a story urges one number: a vote, a choice, a firm word, a hashtag, the fingers, a tick.
URGING = frozenset(
    {why.RULE_VOTE_NUMBER, why.RULE_CHOOSE_NUMBER, why.RULE_CHOOSE_DIGITS, why.RULE_FIRM_NUMBER,
     why.RULE_NUMBER_HASHTAG, why.RULE_FINGERS, why.RULE_NUMBER_MARKED, why.RULE_NUMBER_CHEER}
)  # fmt: skip
_BALLOT = re.compile(r"surat\s?suara")
# The election body's own ballots: a specimen, an example of a valid vote, a simulation.
_OFFICIAL = re.compile(r"\b(?:spesimen|contoh|sah|sosialisasi|kpu|simulasi|tata\s?cara)\b")


class _Signal(Protocol):
    candidate: int
    rule: str
    matched: str


def urged_number(signals: Iterable[_Signal], neutral: tuple[str, ...]) -> tuple[int, str] | None:
    """The one pair's number a story urges, with what was matched: none when two numbers
    are urged (a how-to-vote graphic) or the story is a news item, an appeal or a contest."""
    urged = {s.candidate: s.matched for s in signals if s.rule in URGING}
    if len(urged) != 1 or set(neutral) - {why.NEUTRAL_ELECTION_BODIES, why.NEUTRAL_TURNOUT}:
        return None
    return next(iter(urged.items()))


def campaign_ballot(norm: str) -> bool:
    """A ballot ("surat suara", its spaces lost too) that is not the election body's."""
    return bool(_BALLOT.search(norm)) and not _OFFICIAL.search(norm)
