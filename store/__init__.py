"""Persistence for Netra (SQLAlchemy 2 async): the one public face of the store.

Start-up: `await store.migrate(url)`, then `db = store.session_factory(store.create_engine(url))`;
every function takes `db` first, opens its own short transaction and returns frozen records
(`store.records`), never ORM objects. Callers outside the store import this package only
(`import store`; `store.decide_case(db, ...)`), never its modules, which are split by job:

* `reporters` — pseudonymous reporters, blocking, reveals, their own tickets and outcomes;
* `submissions` — intake: tickets, cases of identical screenshots, merges and splits;
* `analysis_queue` — cases waiting for analysis, claims, verdicts, re-analysis;
* `cases` — one case as a card shows it, the moderators' queue;
* `moderation` — decisions (first one wins) and what their follow-ups have shown;
* `audit` — the audit trail; `settings` — small persistent values;
* `reports` — the digest's numbers and the export's rows;
* `ledgers` — the scheduler's exactly-once records (digests sent, reminders);
* `deadlines` — Bawaslu's deadline: cases handed over, deadline reminders owed;
* `retention` — screenshots that may be deleted (retention, archive);
* `inbox` — every Telegram update, recorded before Telegram is told it arrived;
* `jobs` — the job queue's rows (PostgreSQL mode), deferred in the caller's transaction;
  `blobs` — screenshots in the database (PostgreSQL mode); `pacing` — Telegram's pace shared
  by every process;
* `records`, `errors`, `models` (tables and case states), `db` (engine, transactions,
  migrations), `phash` (perceptual hashes).
"""

from store.analysis_queue import (
    claim_for_analysis,
    mark_analysis_failed,
    pending_analysis,
    reanalyse,
    save_verdict,
    save_verdict_once,
)
from store.audit import (
    audit_of,
    last_change,
)
from store.blobs import (
    BlobStore,
)
from store.cases import (
    get_case,
    pending_cases,
)
from store.db import (
    Db,
    create_engine,
    migrate,
    schema_revision,
    session_factory,
)
from store.deadlines import (
    claim_deadline_reminder,
    deadline_reminders_due,
    mark_handed_over,
    unclaim_deadline_reminder,
)
from store.errors import (
    NotFound,
    RateLimited,
    ReporterBlocked,
    StoreError,
)
from store.inbox import (
    finish_update,
    finish_updates,
    given_up_updates,
    prune_updates,
    record_update,
    record_updates,
    restart_update,
    unfinished_updates,
)
from store.jobs import (
    ANALYSE_QUEUE,
    ANALYSE_TASK,
    CARD_TASK,
    OUTCOME_TASK,
    SEND_QUEUE,
    QueueDepth,
    QueueReport,
    defer_analysis,
    defer_card,
    defer_outcome,
    queue_report,
    requeue_orphans,
)
from store.ledgers import (
    claim_digest,
    claim_reminder,
    digest_runs,
    digest_since,
    finish_digest,
    last_digest_sent,
    unclaim_reminder,
)
from store.moderation import (
    DecisionKind,
    decide_case,
    mark_card_shown,
    mark_outcome_told,
    set_moderator_message,
    unsettled_cases,
)
from store.pacing import (
    reserve_sends,
)
from store.phash import (
    phash_hex,
)
from store.records import (
    AsnSnapshot,
    AuditEntry,
    CaseDetail,
    CaseFile,
    CaseSummary,
    Change,
    DayCount,
    DeadlineCase,
    DeadlineItem,
    Decision,
    DigestReport,
    DigestRunInfo,
    ExportRow,
    GroupCount,
    ModeratorStat,
    Notification,
    PendingUpdate,
    RepeatAsn,
    ReporterInfo,
    RetentionCase,
    SubmissionResult,
    TicketStatus,
    Unfinished,
)
from store.reporters import (
    block_reporter,
    count_recent_submissions,
    get_or_create_reporter,
    mark_notified,
    reveal_reporter,
    submissions_to_notify,
    tickets_of,
    unblock_reporter,
)
from store.reports import (
    approved_cases,
    cases_per_day,
    digest_report,
    oldest_pending,
)
from store.retention import (
    archive_candidate,
    mark_archived,
    mark_files_deleted,
    retention_candidates,
)
from store.settings import (
    get_setting,
    set_setting,
    setting_changed_at,
)
from store.submissions import (
    DEFAULT_PHASH_DISTANCE,
    Source,
    merge_case,
    near_duplicates,
    record_submission,
    split_submission,
    submission_of_message,
)

__all__ = [
    "ANALYSE_QUEUE",
    "ANALYSE_TASK",
    "CARD_TASK",
    "DEFAULT_PHASH_DISTANCE",
    "OUTCOME_TASK",
    "SEND_QUEUE",
    "AsnSnapshot",
    "AuditEntry",
    "BlobStore",
    "CaseDetail",
    "CaseFile",
    "CaseSummary",
    "Change",
    "DayCount",
    "Db",
    "DeadlineCase",
    "DeadlineItem",
    "Decision",
    "DecisionKind",
    "DigestReport",
    "DigestRunInfo",
    "ExportRow",
    "GroupCount",
    "ModeratorStat",
    "NotFound",
    "Notification",
    "PendingUpdate",
    "QueueDepth",
    "QueueReport",
    "RateLimited",
    "RepeatAsn",
    "ReporterBlocked",
    "ReporterInfo",
    "RetentionCase",
    "Source",
    "StoreError",
    "SubmissionResult",
    "TicketStatus",
    "Unfinished",
    "approved_cases",
    "archive_candidate",
    "audit_of",
    "block_reporter",
    "cases_per_day",
    "claim_deadline_reminder",
    "claim_digest",
    "claim_for_analysis",
    "claim_reminder",
    "count_recent_submissions",
    "create_engine",
    "deadline_reminders_due",
    "decide_case",
    "defer_analysis",
    "defer_card",
    "defer_outcome",
    "digest_report",
    "digest_runs",
    "digest_since",
    "finish_digest",
    "finish_update",
    "finish_updates",
    "get_case",
    "get_or_create_reporter",
    "get_setting",
    "given_up_updates",
    "last_change",
    "last_digest_sent",
    "mark_analysis_failed",
    "mark_archived",
    "mark_card_shown",
    "mark_files_deleted",
    "mark_handed_over",
    "mark_notified",
    "mark_outcome_told",
    "merge_case",
    "migrate",
    "near_duplicates",
    "oldest_pending",
    "pending_analysis",
    "pending_cases",
    "phash_hex",
    "prune_updates",
    "queue_report",
    "reanalyse",
    "record_submission",
    "record_update",
    "record_updates",
    "requeue_orphans",
    "reserve_sends",
    "restart_update",
    "retention_candidates",
    "reveal_reporter",
    "save_verdict",
    "save_verdict_once",
    "schema_revision",
    "session_factory",
    "set_moderator_message",
    "set_setting",
    "setting_changed_at",
    "split_submission",
    "submission_of_message",
    "submissions_to_notify",
    "tickets_of",
    "unblock_reporter",
    "unclaim_deadline_reminder",
    "unclaim_reminder",
    "unfinished_updates",
    "unsettled_cases",
]
