"""The moderators' view of a case: caption text and inline buttons.

Button payloads are `m:<case>:<action>:<version>:<mac>`: the version is the case version the
card was drawn for (`store` bumps it on every state change), and the MAC (see
`Services.sign`) binds case, action and version, so an edited payload can neither act on
another case nor pretend to be fresh. A press whose version is not the case's current one
comes from a card that changed since and is refused (`bot.handlers.moderator`). Actions:
a = approve, r = reject, n = needs info, o = show "another person" choices, b = back,
p<i> = the i-th alternative is the right person (approve with that ASN), x = not an ASN
(reject). Payloads of cards drawn before versions existed (`m:<case>:<action>:<mac>`) parse
as `Press(version=None)`: refused with a pointer to /case.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

import store
from bot import fit
from netra import legal
from netra.services import Services
from rules.election import Election
from rules.elections import ElectionSet, as_set
from wording import id as t

CAPTION_LIMIT = fit.CAPTION
PENDING = ("flagged", "review", "needs_info")


@dataclass(frozen=True, slots=True)
class Press:
    case_id: int
    action: str
    version: int | None  # None: a card from before versions; always refused


def payload(services: Services, case_id: int, action: str, version: int) -> str:
    body = f"{case_id}:{action}:{version}"
    return f"m:{body}:{services.sign(body)}"


def parse_press(services: Services, data: str) -> Press | None:
    """The press a payload encodes, or None when it is malformed or its MAC is wrong."""
    parts = data.split(":")
    if parts[0] != "m" or len(parts) not in (4, 5):
        return None
    numbers = [parts[1]] + ([parts[3]] if len(parts) == 5 else [])
    if not all(n.isascii() and n.isdigit() and len(n) <= 10 for n in numbers):
        return None
    if not hmac.compare_digest(services.sign(":".join(parts[1:-1])), parts[-1]):
        return None
    version = int(parts[3]) if len(parts) == 5 else None
    return Press(int(parts[1]), parts[2], version)


def _button(
    services: Services, label: str, case_id: int, action: str, version: int
) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        fit.cut(label, fit.BUTTON_LABEL),
        callback_data=payload(services, case_id, action, version),
    )


def decision_keyboard(services: Services, case: store.CaseDetail) -> InlineKeyboardMarkup | None:
    """The buttons a case in its current state offers; None once it is decided for good.
    needs_info has been asked already: approve, reject or another person remain."""
    if case.state not in PENDING:
        return None
    v, cid = case.version, case.case_id
    second = [_button(services, t.BUTTON_OTHER, cid, "o", v)]
    if case.state != "needs_info":
        second.append(_button(services, t.BUTTON_NEEDS_INFO, cid, "n", v))
    return InlineKeyboardMarkup(
        [
            [
                _button(services, t.BUTTON_APPROVE, cid, "a", v),
                _button(services, t.BUTTON_REJECT, cid, "r", v),
            ],
            second,
        ]
    )


def other_person_keyboard(services: Services, case: store.CaseDetail) -> InlineKeyboardMarkup:
    v, cid = case.version, case.case_id
    rows = []
    for i, alt in enumerate(case.alternatives[:5]):
        label = f"{alt.get('nama', '?')} · {alt.get('unit_kerja') or '-'}"
        rows.append([_button(services, label, cid, f"p{i}", v)])
    rows.append(
        [
            _button(services, t.BUTTON_NOT_ASN, cid, "x", v),
            _button(services, t.BUTTON_BACK, cid, "b", v),
        ]
    )
    return InlineKeyboardMarkup(rows)


def _nip(nip: str | None) -> str:
    if nip and len(nip) == 18:
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip or "-"


def _election_lines(
    case: store.CaseDetail, elections: ElectionSet, now: datetime, deadline_days: int
) -> list[tuple[str, str]]:
    """The election the case is about (or those it could be), its legal tier, and for an
    approved case the days left of Bawaslu's deadline."""
    lines = []
    if case.election:
        lines.append(("election", t.CARD_ELECTION.format(name=t.esc(case.election))))
    elif case.election_options:
        names = "; ".join(t.esc(n) for n in case.election_options)
        lines.append(("election", t.CARD_ELECTION_UNSURE.format(names=names)))
    if case.candidate is None:
        return lines
    standing = legal.standing(
        seen_text=case.seen_text,
        first_reported_at=case.created_at,
        election=case.election,
        election_options=case.election_options,
        elections=elections,
        deadline_days=deadline_days,
    )
    lines.append(("tier", legal.tier_text(standing)))
    if case.state == "approved":
        if case.handed_over_at is not None:
            lines.append(("deadline", t.CARD_HANDED_OVER.format(when=t.when(case.handed_over_at))))
        else:
            lines.append(("deadline", legal.deadline_text(standing, now)))
    return lines


def _candidate_election(case: store.CaseDetail, elections: ElectionSet) -> Election:
    """The election whose pair numbers the card names: the case's, else the first it could be."""
    for name in (case.election, *case.election_options):
        found = elections.get(name)
        if found is not None:
            return found
    return elections.primary


def caption(
    case: store.CaseDetail,
    elections: Election | ElectionSet,
    outcome: str | None = None,
    *,
    now: datetime | None = None,
    deadline_days: int = legal.DEADLINE_DAYS,
) -> str:
    """HTML caption with the evidence a moderator needs, within Telegram's 1024 characters."""
    pool = as_set(elections)
    election = _candidate_election(case, pool)
    verdict = case.verdict or {}
    head = (
        t.VERDICT_NAMES.get(case.state)
        or t.DECISION_NAMES.get(case.state)
        or t.STATE_NAMES.get(case.state, case.state)
    )
    # (what the line shows, the line): detail is dropped by what it shows when over the limit.
    lines = [("head", t.CARD_HEAD.format(case=case.case_id, head=head))]
    extra = _election_lines(case, pool, now or datetime.now(UTC), deadline_days)
    lines += [line for line in extra if line[0] == "election"]
    platform = t.PLATFORM_NAMES.get(case.platform or "", "?")
    poster = t.esc((case.poster_text or t.CARD_POSTER_UNREAD)[:80])
    seen = f" · {t.esc(case.seen_text[:40])}" if case.seen_text else ""
    lines.append(("poster", t.CARD_POSTER.format(platform=platform, poster=poster, seen=seen)))
    if case.asn and case.asn.nip:
        a = case.asn
        conf = f"{a.confidence:.2f}" if a.confidence is not None else "-"
        method = (verdict.get("asn") or {}).get("method", "")
        lines.append(("asn", t.CARD_ASN.format(name=t.esc(a.nama), nip=_nip(a.nip))))
        role = t.CARD_ASN_ROLE.format(
            jabatan=t.esc(a.jabatan or "-"),
            unit=t.esc(a.unit_kerja or "-"),
            confidence=conf,
            method=t.esc(method),
        )
        lines.append(("asn", role))
    else:
        lines.append(("asn", t.CARD_NO_ASN))
    if case.alternatives:
        names = "; ".join(t.esc(alt.get("nama", "?")) for alt in case.alternatives[:3])
        lines.append(("alternatives", t.CARD_ALTERNATIVES.format(names=names)))
    if case.candidate is not None:
        cand = election.candidate(case.candidate)
        people = t.esc(" – ".join(cand.people)) if cand else ""
        sup = f"{case.support_confidence:.2f}" if case.support_confidence is not None else "-"
        line = t.CARD_CANDIDATE.format(number=case.candidate, people=people, confidence=sup)
        lines.append(("candidate", line))
        evidence: list[str] = []
        seen_rules: set[str] = set()
        for e in sorted(verdict.get("evidence", []), key=lambda e: -float(e.get("weight", 0))):
            if e.get("candidate") != case.candidate or e.get("rule") in seen_rules:
                continue
            seen_rules.add(e.get("rule"))
            matched = t.esc(str(e["matched"])[:60])
            evidence.append(t.CARD_EVIDENCE_ITEM.format(rule=t.esc(e["rule"]), matched=matched))
        if evidence:
            lines.append(("evidence", t.CARD_EVIDENCE.format(evidence="; ".join(evidence[:4]))))
    else:
        lines.append(("candidate", t.CARD_NO_CANDIDATE))
    lines += [line for line in extra if line[0] != "election"]
    reporters = t.CARD_REPORTERS.format(
        count=case.reporters,
        numbers=", ".join(f"#{r}" for r in case.reporter_ids[:5]),
        submissions=case.submissions,
    )
    lines.append(("reporters", reporters))
    if outcome:
        lines.append(("outcome", fit.fit_html(outcome, 300)))

    def joined() -> str:
        return "\n".join(line for _kind, line in lines)

    text = joined()
    # Over Telegram's limit: drop detail before anything a decision depends on. Whole lines
    # go, never half a line, so the HTML stays balanced.
    for kind in ("evidence", "alternatives", "reporters"):
        if len(text) <= CAPTION_LIMIT:
            break
        lines = [line for line in lines if line[0] != kind]
        text = joined()
    while len(text) > CAPTION_LIMIT and len(lines) > 2:
        lines.pop(-2 if outcome else -1)
        text = joined()
    return fit.fit_html(text, CAPTION_LIMIT)
