"""What the store returns: small frozen records, never ORM objects, so callers cannot trip over
lazy loading or hold a transaction open across a Telegram round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

# ---------------------------------------------------------------- reporters and cases


@dataclass(frozen=True, slots=True)
class ReporterInfo:
    id: int
    blocked: bool


@dataclass(frozen=True, slots=True)
class SubmissionResult:
    ticket: int
    case_id: int
    new_case: bool
    case_state: str
    reporter_id: int
    reporters: int  # distinct reporters of the case, this one included
    match: str  # "new", "exact" or "near"
    phash_distance: int | None
    repeat: bool = False  # this Telegram message was recorded before (a re-delivered update)


@dataclass(frozen=True, slots=True)
class CaseFile:
    """What the analysis worker needs to OCR a case."""

    case_id: int
    image_path: str
    sha256: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Decision:
    ok: bool
    case_id: int
    state: str
    decided_by: int | None
    decided_at: datetime | None
    previous_state: str | None  # the state this call moved from (None when ok is False)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case_id: int
    state: str
    created_at: datetime
    age: timedelta
    platform: str | None
    asn_nip: str | None
    asn_nama: str | None
    candidate: int | None
    score: float | None
    reporters: int
    submissions: int
    moderator_chat_id: int | None
    moderator_message_id: int | None
    election: str | None = None
    election_options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AsnSnapshot:
    nip: str | None
    nama: str | None
    jabatan: str | None
    unit_kerja: str | None
    instansi: str | None
    confidence: float | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case_id: int
    state: str
    sha256: str
    phash: str | None
    image_path: str
    created_at: datetime
    analysed_at: datetime | None
    verdict: dict[str, Any] | None
    platform: str | None
    poster_kind: str | None
    poster_text: str | None
    seen_text: str | None
    asn: AsnSnapshot | None
    alternatives: list[dict[str, Any]]
    candidate: int | None
    support_confidence: float | None
    score: float | None
    reasons: list[str]
    ocr_text: str | None
    decided_by: int | None
    decided_at: datetime | None
    decision_note: str | None
    moderator_chat_id: int | None
    moderator_message_id: int | None
    attempts: int
    files_deleted_at: datetime | None
    reporters: int
    submissions: int
    reporter_ids: tuple[int, ...]
    tickets: tuple[int, ...]
    version: int = 0  # bumped by every state change; buttons carry it
    card_version: int = 0  # the version the moderators' card shows
    outcome_version: int = 0  # the version whose outcome the reporters were told
    election: str | None = None  # the election whose pair it backs
    election_options: tuple[str, ...] = ()  # the elections it could be, when not resolved
    handed_over_at: datetime | None = None  # its case file went to an admin (/berkas, /export)


@dataclass(frozen=True, slots=True)
class Change:
    """The last state change of a case: what it became, who did it (None: the system), when."""

    case_id: int
    state: str
    version: int
    actor: int | None
    at: datetime | None


@dataclass(frozen=True, slots=True)
class TicketStatus:
    ticket: int
    case_id: int
    case_state: str
    received_at: datetime
    notified_outcome_at: datetime | None


class Notification(NamedTuple):
    chat_id: int
    message_id: int
    ticket: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    case_id: int | None
    actor: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str | None
    at: datetime


# ---------------------------------------------------------------- digest and export


@dataclass(frozen=True, slots=True)
class GroupCount:
    key: str | int | None
    period: int  # within the digest period
    total: int  # since the start


@dataclass(frozen=True, slots=True)
class RepeatAsn:
    nip: str
    nama: str | None
    unit: str | None
    approved: int


@dataclass(frozen=True, slots=True)
class ModeratorStat:
    actor: str  # "tg:<id>"
    period: int
    total: int
    median_seconds_period: float | None


@dataclass(frozen=True, slots=True)
class DeadlineItem:
    case_id: int
    asn_nama: str | None
    unit: str | None
    first_reported_at: datetime
    due_at: datetime
    remaining: timedelta


@dataclass(frozen=True, slots=True)
class DigestReport:
    start: datetime
    end: datetime
    submissions_period: int
    submissions_total: int
    reporters_period: int
    reporters_total: int
    cases_period: int
    cases_total: int
    states_period: dict[str, int]  # cases opened in the period, by their current state
    states_total: dict[str, int]
    decisions_period: dict[str, int]  # moderator decisions taken in the period, by kind
    backlog: int  # waiting for a moderator (flagged, review, needs_info)
    backlog_by_state: dict[str, int]
    oldest_pending_case: int | None
    oldest_pending_at: datetime | None
    awaiting_analysis: int  # "new"
    approved_period: int
    approved_total: int
    approved_by_unit: list[GroupCount]
    approved_by_candidate: list[GroupCount]
    repeat_asns: list[RepeatAsn]
    moderators: list[ModeratorStat]
    median_decision_seconds_period: float | None
    median_decision_seconds_total: float | None
    deadlines: list[DeadlineItem] = field(default_factory=list)
    deadline_days: int = 7

    @property
    def oldest_pending_age(self) -> timedelta | None:
        return None if self.oldest_pending_at is None else self.end - self.oldest_pending_at


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    state: str
    count: int


@dataclass(frozen=True, slots=True)
class ExportRow:
    case_id: int
    seen_text: str | None
    first_reported_at: datetime
    platform: str | None
    poster_text: str | None
    asn_nama: str | None
    asn_nip: str | None
    asn_jabatan: str | None
    asn_unit_kerja: str | None
    asn_instansi: str | None
    candidate: int | None
    ocr_text: str | None
    verdict: dict[str, Any] | None
    reasons: list[str]
    sha256: str
    image_path: str
    files_deleted_at: datetime | None
    reporters: int
    submissions: int
    state: str
    decision_note: str | None
    decided_by: int | None
    decided_at: datetime | None
    election: str | None = None
    election_options: tuple[str, ...] = ()
    handed_over_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeadlineCase:
    """An approved case near Bawaslu's deadline whose admins are to be reminded."""

    case_id: int
    election: str | None
    asn_nama: str | None
    first_reported_at: datetime
    remaining: timedelta


# ---------------------------------------------------------------- ledgers and retention


@dataclass(frozen=True, slots=True)
class DigestRunInfo:
    period_key: str
    chat_id: int
    period_start: datetime
    period_end: datetime
    state: str
    attempts: int
    sent_at: datetime | None
    error: str | None


@dataclass(frozen=True, slots=True)
class RetentionCase:
    case_id: int
    paths: tuple[str, ...]  # files only this (or another eligible) case uses


# ---------------------------------------------------------------- the update inbox


@dataclass(frozen=True, slots=True)
class PendingUpdate:
    """An update a previous run recorded but did not finish handling."""

    update_id: int
    payload: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Unfinished:
    """What a dead process left: updates to handle again, and updates given up just now
    (their content is returned once more so the sender can be told)."""

    retry: list[PendingUpdate]
    given_up: list[PendingUpdate]
