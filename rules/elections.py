"""Many elections at once: which election a story backs a pair of, when one Netra watches a
governor's race and every regency's race of a province.

`rules.support.detect_support` knows one election. This layer runs it for each configured
election and resolves between them, in the order a person would:

1. an election whose pair is named by something only that election has (a name, an alias,
   a slogan, a hashtag, a campaign account) wins over one backed by a number alone: "Nomor
   2" is pair 2 of every election, "Nomor 2 #BaraJuara" is one election's pair 2;
2. still several (a number alone, or the same nickname in two regions): the election of the
   poster's own region — the roster row's instansi (or, without one, its unit) names the
   election's region ("Pemerintah Kabupaten Deli Serdang" ↔ region "Kabupaten Deli Serdang");
3. still several: no election is chosen; the verdict goes to `review` at most, naming the
   elections it could be.

An ASN of one regency backing a candidate of another is still a violation: the region only
breaks ties, it never rules an election out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from zoneinfo import ZoneInfo

from rules.election import Election
from rules.errors import ElectionError
from rules.support import NAMING_RULES, SupportFinding, detect_support
from rules.types import AsnMatch, RosterEntry
from rules.verdict import Thresholds, Verdict
from rules.verdict import decide as decide_one
from wording import id as t
from wording import id_analysis as why


@dataclass(frozen=True, slots=True)
class ElectionSet:
    """The configured elections, in configuration order; names are unique (cases refer to
    their election by name). The first is the primary one: its time zone schedules the
    digest."""

    elections: tuple[Election, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for e in self.elections:
            if e.name in seen:
                raise ElectionError(t.ELECTION_NAME_TWICE.format(name=e.name))
            seen.add(e.name)

    def __iter__(self) -> Iterator[Election]:
        return iter(self.elections)

    def __len__(self) -> int:
        return len(self.elections)

    @property
    def primary(self) -> Election:
        return self.elections[0]

    @property
    def zone(self) -> ZoneInfo:
        return self.primary.zone

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.elections)

    def get(self, name: str | None) -> Election | None:
        return next((e for e in self.elections if e.name == name), None)

    def with_election(self, election: Election) -> ElectionSet:
        """This set with `election` added, or replacing the one of the same name in place."""
        if self.get(election.name) is None:
            return ElectionSet((*self.elections, election))
        return ElectionSet(tuple(election if e.name == election.name else e for e in self))


def as_set(elections: Election | ElectionSet | Iterable[Election]) -> ElectionSet:
    if isinstance(elections, ElectionSet):
        return elections
    if isinstance(elections, Election):
        return ElectionSet((elections,))
    return ElectionSet(tuple(elections))


@dataclass(frozen=True, slots=True)
class ElectionFinding(SupportFinding):
    """A support finding that says which election it is about: `election` when resolved,
    else None with the elections it could be in `options` (each with its own finding)."""

    election: str | None = None
    options: tuple[tuple[Election, SupportFinding], ...] = field(default=())

    @property
    def option_names(self) -> list[str]:
        return [e.name for e, _ in self.options]


def _wrap(
    finding: SupportFinding,
    election: str | None,
    options: tuple[tuple[Election, SupportFinding], ...],
) -> ElectionFinding:
    values = {f.name: getattr(finding, f.name) for f in fields(SupportFinding)}
    return ElectionFinding(**values, election=election, options=options)


def _specific(finding: SupportFinding) -> bool:
    return any(s.candidate == finding.candidate and s.rule in NAMING_RULES for s in finding.signals)


def find_support(
    text: str, elections: Election | ElectionSet, emoji: Sequence[str] = ()
) -> ElectionFinding:
    """Support detected in every election, resolved by what only one election has (step 1
    of the module docstring); the poster's region is applied later, by `settle`. `emoji`:
    the story's emoji, named (`ocr.emoji`)."""
    found = [(e, detect_support(text, e, emoji)) for e in as_set(elections)]
    backed = [(e, f) for e, f in found if f.candidate is not None]
    if not backed:
        # Nothing backs a pair anywhere: the neutral cues of every election are kept.
        cues = tuple(dict.fromkeys(c for _, f in found for c in f.neutral_cues))
        election, first = found[0]
        plain = SupportFinding(None, 0.0, first.signals, cues, first.scores)
        return _wrap(plain, election.name if len(found) == 1 else None, ())
    narrowed = [(e, f) for e, f in backed if _specific(f)] or backed
    best = max(narrowed, key=lambda ef: ef[1].confidence)
    options = tuple(narrowed)
    return _wrap(best[1], best[0].name if len(options) == 1 else None, options)


_KINDS = {
    "provinsi": "provinsi",
    "prov": "provinsi",
    "pemprov": "provinsi",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "pemkot": "kota",
}
_NOISE = {"pemerintah", "pemerintahan", "daerah", "administrasi", "adm"}


def region_of(text: str) -> tuple[str | None, str]:
    """(kind, place) of a region or an instansi: "Pemerintah Kabupaten Deli Serdang" →
    ("kabupaten", "deli serdang"); "Kota Bogor" and "Kabupaten Bogor" are two regions."""
    text = unicodedata.normalize("NFKD", text).lower()
    words = re.findall(r"[a-z0-9]+", text)
    kind = next((_KINDS[w] for w in words if w in _KINDS), None)
    place = " ".join(w for w in words if w not in _KINDS and w not in _NOISE)
    return kind, place


def in_region(entry: RosterEntry, election: Election) -> bool:
    """The roster row belongs to the election's region: its instansi names the region (kind
    and place), or, with no instansi, its unit names the place."""
    kind, place = region_of(election.region)
    if not place:
        return False
    if entry.instansi:
        their_kind, their_place = region_of(entry.instansi)
        return their_place == place and (kind is None or their_kind in (None, kind))
    unit = " ".join(re.findall(r"[a-z0-9]+", entry.unit_kerja.lower()))
    return bool(re.search(rf"\b{re.escape(place)}\b", unit))


def settle(finding: SupportFinding, poster: RosterEntry | None) -> SupportFinding:
    """Step 2: an unresolved finding goes to the election of the poster's own region, when
    exactly one of the possible elections is theirs."""
    if not isinstance(finding, ElectionFinding) or finding.election or poster is None:
        return finding
    theirs = [(e, f) for e, f in finding.options if in_region(poster, e)]
    if len(theirs) != 1:
        return finding
    election, chosen = theirs[0]
    return _wrap(chosen, election.name, finding.options)


def decide(
    *,
    support: SupportFinding,
    matches: list[AsnMatch],
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen
    **rest: object,
) -> Verdict:
    """`rules.verdict.decide` over every election: the finding settled by the poster's
    region, the verdict naming its election; a pair backed in several elections that
    nothing tells apart goes to `review` at most, with the elections it could be."""
    poster = (
        matches[0].entry if matches and matches[0].confidence >= thresholds.asn_review else None
    )
    support = settle(support, poster)
    verdict = decide_one(support=support, matches=matches, thresholds=thresholds, **rest)  # type: ignore[arg-type]
    if not isinstance(support, ElectionFinding):
        return verdict
    verdict.election = support.election
    verdict.elections = support.option_names
    if support.election is None and len(support.options) > 1 and verdict.kind != "clear":
        names = "; ".join(support.option_names)
        verdict.reasons.append(why.REASON_ELECTION_AMBIGUOUS.format(elections=names))
        verdict.kind = "review"
    return verdict
