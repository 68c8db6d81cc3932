"""Ballots in a story: the election body's specimen backs nobody; a campaign's sample ballot,
one number urged or ticked beside the pairs ("COBLOS NOMOR 3! Ini caranya", "03 ✓"), backs
that pair. Read by `rules.support`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from rapidfuzz import fuzz

from rules.ocr_text import fold_compact
from rules.types import Signal
from wording import id_analysis as why

# How a story urges one number: a vote, a choice, a firm word, a hashtag, the fingers, a tick.
URGING = frozenset(
    {why.RULE_VOTE_NUMBER, why.RULE_CHOOSE_NUMBER, why.RULE_CHOOSE_DIGITS, why.RULE_FIRM_NUMBER,
     why.RULE_NUMBER_HASHTAG, why.RULE_FINGERS, why.RULE_NUMBER_MARKED, why.RULE_NUMBER_CHEER}
)  # fmt: skip
# A number alone on its line, its tick read as a stroke, a letter or not at all ("01/",
# "02 V", "01,", "01M": a boxed ✅ on a turned card, blindgen 235), or as a 7 set apart
# ("04.7": ours 9255 0016; never "047"), or a round mark as a zero ("010" of "01 ●": ours 9283
# 0258; no pair is numbered ten).
_LONE_NUMBER = re.compile(r"(?m)^\s*0([1-9])(?:\s*[✓✔√/,.a-zA-Z0]|\s*[.,]\s*7|\s+7)?\s*$")
# "surat suara" as a turned or italic print reads it too: U as J, V or L, S as 5
# ("SJRATSJARA", ours 9223 0243; "SLRATSUARA", ours 9241 0180), its first S lost at the
# card's turned edge ("URATSUARAPEIARBHAN…", ours 9231 0154), or its "SU" ("RAT SUARA PEM…",
# ours 9239 0132: only as a word's start, so no "Jawa Barat suara").
_SUARA = r"[s5][uvjl]ara"
_SURAT_SUARA = r"(?:[s5]?[uvjl]|\b)rat\s?" + _SUARA
_BALLOT = re.compile(_SURAT_SUARA)
_OF_A_VOTE = re.compile(r"\s?" + _SUARA)


def of_a_vote_only(word: str, norm: str) -> bool:
    """Each time `word` stands in the text it opens the voting's own phrase: a pair's
    acronym that spells an ordinary word is not named by it ("SURAT" of pair 4 in "SURAT
    SUARA PEMILIHAN BUPATI", blindgen 317 0061; "KOTAK SUARA")."""
    found = list(re.finditer(rf"\b{re.escape(word)}\b", norm))
    return bool(found) and all(_OF_A_VOTE.match(norm, m.end()) for m in found)


# A candidate's name, however it was matched, in a lone number's lines below.
_NAME_RULES = frozenset(
    {why.RULE_FULL_NAME, why.RULE_NAME_PART, why.RULE_NAME_WITH_NUMBER, why.RULE_PAIR_NAMED}
)
# The election body's own ballots: a specimen, an example of a valid vote, a simulation.
_OFFICIAL = re.compile(r"\b(?:spesimen|contoh|sah|sosialisasi|kpu|simulasi|tata\s?cara)\b")


class _Signal(Protocol):
    candidate: int
    rule: str
    matched: str


def urged_number(
    signals: Iterable[_Signal], neutral: tuple[str, ...], norm: str, numbers: set[int]
) -> tuple[int, str] | None:
    """The one pair's number a ballot urges, with what was matched: none when two numbers
    are urged (a how-to-vote graphic) or the story is a news item, an appeal or a contest.
    On a ballot a lone "01" on its own line under the list is the tick's number, the tick
    unread (`numbers`: the election's). Where one has another pair named below it, lone
    numbers are the list's labels (KPU's "01 ARIYADI ABDULLAH … 02 HAIRUL HIDAYAT", the "02"
    unread), not a tick."""
    signals = list(signals)
    urged = {s.candidate: s.matched for s in signals if s.rule in URGING}
    lone = [m for m in _LONE_NUMBER.finditer(norm) if int(m.group(1)) in numbers]
    if not any(_named_below(signals, int(m.group(1)), norm[m.end() :]) for m in lone):
        for m in lone:
            if not _labels_its_pair(signals, int(m.group(1)), norm[m.end() :]):
                urged.setdefault(int(m.group(1)), m.group(0).strip())
    if len(urged) != 1 or set(neutral) - {why.NEUTRAL_ELECTION_BODIES, why.NEUTRAL_TURNOUT}:
        return None
    return next(iter(urged.items()))


def _labels_its_pair(signals: list[_Signal], number: int, below: str) -> bool:
    """The lone number's next line names its own pair: the list's label ("02" over "ANDI
    RIDWAN", a debate's graphic whose "01" went unread: blindgen 195), not a tick. A mention
    or a hashtag there is no list's line ("02 ✅" over "@amiruddin2": blindgen 193)."""
    rows = [row for row in below.splitlines() if row.strip()]
    if not rows or rows[0].strip()[0] in "@#":
        return False
    return _names_in(signals, rows[0], lambda candidate: candidate == number)


def _named_below(signals: list[_Signal], number: int, below: str) -> bool:
    """A candidate of a pair other than `number` named in the text `below`."""
    return _names_in(signals, below, lambda candidate: candidate != number)


def _names_in(signals: list[_Signal], text: str, whose: Callable[[int], bool]) -> bool:
    """A name signal of a candidate `whose` accepts, one of its words read in `text`."""
    flat = fold_compact(text)
    return any(
        whose(s.candidate)
        and s.rule in _NAME_RULES
        and any(len(w) >= 4 and fold_compact(w) in flat for w in s.matched.split())
        for s in signals
    )


# A ballot's own title ("SURAT SUARA PEMILIHAN WALI KOTA", "SURATSUARAPEMULIHAN…", "SURAT
# SUARA / PILBUP BANGKA"), not a sentence about ballots ("bawa surat suara ke TPS").
_BALLOT_TITLE = re.compile(_SURAT_SUARA + r"\s?(?:pe[mn]|pil)")


# A ballot's title read so small or turned that its letters are lost or mistaken beyond
# `_SURAT_SUARA` ("SRAT SUSRA PEHLOHANWALKOT…", a card turned in a story in a gallery
# viewer, ours 9247 0003): the title run together is this like "suratsuarapemilihan"
# (rapidfuzz's partial ratio; 78 there, 73 at most for sentences about ballots or elections,
# "bawa surat suara ke TPS" 65), with an office the election is for after it.
_TITLE = "suratsuarapemilihan"
TITLE_LIKENESS = 75.0
_OFFICE = re.compile(r"wa[l1i]+kot|wa[l1i]+kota|bupat|gubern|pilkada|pilbup|pilwalkot|pilgub")


def ballot_title_restored(norm: str) -> str:
    """Normalised text with a ballot's misread title (see `_TITLE`) spelt out: "surat suara
    pemilihan" and what followed it, so the rules that know ballots see one."""
    lines = norm.split("\n")
    for k, line in enumerate(lines):
        if _BALLOT_TITLE.search(line):
            return norm
        spots = [i for i, ch in enumerate(line) if ch.isalnum()]
        flat = "".join(line[i] for i in spots)
        if len(flat) < 12:
            continue
        found = fuzz.partial_ratio_alignment(_TITLE, flat, score_cutoff=TITLE_LIKENESS)
        if found is None:
            continue
        after = flat[found.dest_end :] + "".join(lines[k + 1 : k + 2]).replace(" ", "")
        if _OFFICE.search(after):
            rest = line[spots[found.dest_end - 1] + 1 :]
            lines[k] = f"{line[: spots[found.dest_start]]}surat suara pemilihan {rest.strip()}"
            return "\n".join(lines)
    return norm


def is_ballot(norm: str) -> bool:
    """A ballot is shown: its title read (`_BALLOT_TITLE`)."""
    return bool(_BALLOT_TITLE.search(norm))


def specimen_ballot(norm: str) -> bool:
    """The election body's own ballot: its title read, and its words (a specimen, an
    example, a valid vote); or its stamp read on a line of its own ("CONTOH" across a
    specimen whose title went unread: ours 9191), which no sentence of a campaign is."""
    return (is_ballot(norm) and bool(_OFFICIAL.search(norm))) or bool(_STAMP.search(norm))


# The stamp across the election body's specimen, alone on its line.
_STAMP = re.compile(r"(?m)^\W*(?:contoh|spesimen)\W*$")


def campaign_ballot(norm: str) -> bool:
    """A ballot ("surat suara", its spaces lost too) that is not the election body's."""
    return bool(_BALLOT.search(norm)) and not _OFFICIAL.search(norm)


def on_campaign_ballot(
    urged: Signal, signals: Sequence[Signal], neutral: tuple[str, ...], norm: str
) -> bool:
    """The number urged stands on a campaign's ballot (not the election body's specimen),
    no explicit word backing another pair (its names are the ballot's list)."""
    listed = {why.RULE_NUMBER, *_NAME_RULES}
    others = [s for s in signals if s.candidate != urged.candidate and s.rule not in listed]
    return bool(neutral) and campaign_ballot(norm) and all(s.weight < 0.9 for s in others)


def urged_signal(
    signals: Sequence[Signal], neutral: tuple[str, ...], norm: str, numbers: set[int]
) -> Signal | None:
    """`urged_number` as a signal."""
    urged = urged_number(signals, neutral, norm, numbers)
    return Signal(urged[0], why.RULE_BALLOT_URGED, urged[1], 0.8) if urged else None
