"""The verdict: combine who posted (roster match) and what it backs (support) into a decision.

- flagged: an ASN is identified and support for one candidate is clear;
- review: one of the two is likely but uncertain, so a person should look;
- clear: otherwise (no ASN, or no partisan content).
Thresholds live in `Thresholds` (configurable) and every verdict carries its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from rules.support import SupportFinding
from rules.types import AsnMatch, Platform, Poster
from wording import id_analysis as why

# The roster lookup's method for a handle that is a rostered name run together.
FULL_NAME_HANDLE = "instagram-fullname"

VerdictKind = Literal["flagged", "review", "clear", "error"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    asn_flag: float = 0.8  # an identified ASN
    asn_review: float = 0.45  # an ASN is plausible
    support_flag: float = 0.7  # support is clear
    support_review: float = 0.3  # support is plausible


@dataclass(slots=True)
class Verdict:
    kind: VerdictKind
    platform: Platform = "unknown"
    poster: Poster | None = None
    seen: str | None = None
    asn: AsnMatch | None = None
    alternatives: list[AsnMatch] = field(default_factory=list)
    support: SupportFinding | None = None
    reasons: list[str] = field(default_factory=list)
    text: str = ""
    seconds: float = 0.0
    error: str | None = None
    election: str | None = None  # the election whose pair it backs, when known
    elections: list[str] = field(default_factory=list)  # the elections it could be

    @property
    def flagged(self) -> bool:
        return self.kind == "flagged"

    @property
    def candidate(self) -> int | None:
        return self.support.candidate if self.support else None

    @property
    def score(self) -> float:
        asn = self.asn.confidence if self.asn else 0.0
        sup = self.support.confidence if self.support else 0.0
        return round(asn * sup, 3)

    def to_dict(self) -> dict[str, Any]:
        def match(m: AsnMatch) -> dict[str, Any]:
            return {
                "nip": m.entry.nip,
                "nama": m.entry.nama,
                "jabatan": m.entry.jabatan,
                "unit_kerja": m.entry.unit_kerja,
                "confidence": round(m.confidence, 3),
                "method": m.method,
            }

        support = self.support
        return {
            "verdict": self.kind,
            "flagged": self.flagged,
            "platform": self.platform,
            "poster": {"kind": self.poster.kind, "text": self.poster.text}
            if self.poster
            else {"kind": None, "text": None},
            "seen": self.seen,
            "asn": match(self.asn) if self.asn else None,
            "alternatives": [match(m) for m in self.alternatives],
            "candidate": self.candidate,
            "election": self.election,
            "elections": self.elections,
            "support_confidence": support.confidence if support else 0.0,
            "score": self.score,
            "reasons": self.reasons,
            "evidence": [
                {"candidate": s.candidate, "rule": s.rule, "matched": s.matched, "weight": s.weight}
                for s in (support.signals if support else ())
            ],
            "text": self.text,
            "seconds": round(self.seconds, 3),
            **({"error": self.error} if self.error else {}),
        }


def decide(
    *,
    platform: Platform,
    poster: Poster | None,
    seen: str | None,
    matches: list[AsnMatch],
    support: SupportFinding,
    header_evidence: tuple[str, ...] = (),
    thresholds: Thresholds = Thresholds(),
    poster_unit: str | None = None,
    content_covered: bool = False,
) -> Verdict:
    """Combine the roster match and the support finding into a verdict with its reasons.
    `poster_unit`: the government unit the contact name shows (`RosterIndex.unit_named`);
    someone saved under a unit and backing a pair is never cleared unseen, even when no
    name on the roster fits (the name cropped off or misread). `content_covered`: a system
    toast lies over the caption's text; an ASN named surely, whatever shows of it says nothing
    clear, and what it hides may: a moderator looks."""
    best = matches[0] if matches else None
    asn_conf = best.confidence if best else 0.0
    sup_conf = support.confidence if support.candidate is not None else 0.0
    reasons = list(header_evidence)
    if poster is None:
        reasons.append(why.REASON_POSTER_UNREAD)
    else:
        reasons.append(why.REASON_POSTER.format(kind=poster.kind, text=poster.text))
    if best:
        reasons.append(
            why.REASON_ASN.format(
                name=best.entry.nama,
                nip=best.entry.nip,
                method=best.method,
                confidence=best.confidence,
                evidence=why.REASON_ASN_EVIDENCE.format(evidence="; ".join(best.evidence))
                if best.evidence
                else "",
            )
        )
    elif poster is not None:
        reasons.append(why.REASON_NOT_ON_ROSTER)
    if support.candidate is not None:
        signals = ", ".join(
            sorted(
                {
                    why.REASON_SUPPORT_SIGNAL.format(rule=s.rule, matched=s.matched)
                    for s in support.signals
                    if s.candidate == support.candidate
                }
            )
        )
        reasons.append(
            why.REASON_SUPPORT.format(
                candidate=support.candidate, confidence=sup_conf, signals=signals
            )
        )
    else:
        reasons.append(why.REASON_NO_SUPPORT)
    if support.neutral_cues:
        reasons.append(why.REASON_NEUTRAL.format(cues=", ".join(support.neutral_cues)))

    # Namesakes split the confidence between them ("Bu Hana" and three Hanas on the roster):
    # no one of them is likely, but that the poster is one of them may be. Not a handle that
    # spells a name several share ("fitria.hasanah" beside four Fitria Hasanahs, none with
    # that handle on the roster): a name that common is as common off the roster, and on six
    # sets of two generators every such review was someone else's account. On a roster that
    # lists no handles ("instagram-fullname-unlisted") it may as well be one of theirs, and a
    # moderator should see it.
    none_of_them = 1.0
    for m in matches:
        if "+partial" not in m.method and m.method != FULL_NAME_HANDLE:
            none_of_them *= 1.0 - m.confidence
    one_of_them = 1.0 - none_of_them
    among_namesakes = (
        len(matches) > 1
        and asn_conf < thresholds.asn_review <= one_of_them
        and sup_conf >= thresholds.support_flag
    )
    if among_namesakes:
        reasons.append(why.REASON_NAMESAKES.format(count=len(matches), confidence=one_of_them))

    if asn_conf >= thresholds.asn_flag and sup_conf >= thresholds.support_flag:
        kind: VerdictKind = "flagged"
    elif (
        (asn_conf >= thresholds.asn_review and sup_conf >= thresholds.support_review)
        or (poster is None and sup_conf >= thresholds.support_flag)
        or among_namesakes
    ):
        kind = "review"
    elif poster_unit and sup_conf >= thresholds.support_flag:
        kind = "review"
        reasons.append(why.REASON_POSTER_UNIT.format(unit=poster_unit))
    elif content_covered and asn_conf >= thresholds.asn_flag:
        kind = "review"
        reasons.append(why.REASON_CONTENT_COVERED)
    else:
        kind = "clear"
    return Verdict(
        kind=kind,
        platform=platform,
        poster=poster,
        seen=seen,
        asn=best if asn_conf >= thresholds.asn_review else None,
        alternatives=[m for m in matches[1:]]
        if asn_conf >= thresholds.asn_review
        else list(matches),
        support=support,
        reasons=reasons,
    )
