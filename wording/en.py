"""What Netra says in English: the command line's help, read by operators.

Everything reporters, moderators and admins read, and the command line's errors, are in
Indonesian (`wording.id`).
"""

from __future__ import annotations

CLI_DESCRIPTION = "Netra: ASN neutrality report triage"
SCAN_SUMMARY = "analyse screenshots, print JSON lines"
SCAN_HELP = """\
Analyse screenshots of WhatsApp statuses / Instagram stories and print one JSON object per
line per image, in the order given. Fields: image, verdict (flagged/review/clear/error),
flagged, platform, poster {kind, text}, seen, asn {nip, nama, jabatan, unit_kerja,
confidence, method} or null, alternatives, candidate, support_confidence, score, reasons,
evidence, text (OCR), seconds, and error for unreadable files. A file that is not a
readable image gets verdict "error"; the others are still scanned. Exit status: 0, or 2 when
the roster, election file or configuration cannot be used.
"""
SCAN_ROSTER = "ASN roster, CSV or XLSX"
SCAN_ELECTION = "election file (TOML)"
SCAN_CONFIG = "config.toml (thresholds, OCR settings)"
SCAN_JOBS = "parallel OCR workers (default: one per core)"
DEMO_SUMMARY = "the whole bot flow offline: a local Bot API, a reporter and a moderator (no token)"
DEMO_DIR = "folder with roster.csv, election.toml, images/"
RUN_SUMMARY = "start the Telegram bot (token in NETRA_TELEGRAM_TOKEN)"
WORKER_SUMMARY = "PostgreSQL mode: work the shared job queue (analysis and/or sending), any machine"
WORKER_QUEUES = "queues to work, comma separated: analyse, send (default: both)"
STATUS_SUMMARY = (
    "queue depth, oldest waiting job, workers alive, last digest (for the person on call)"
)
CHECK_SUMMARY = "check a configuration before the campaign: files, OCR, database, Telegram"
CHECK_HELP = """\
Check whether Netra will work with this configuration, before the first report arrives: the
configuration, the roster (rows read, rejected rows by reason, namesakes, share of rows with a
phone number or Instagram), each election file (pairs, designation day, time zone), the OCR
engines, the database (reachable, migrated) and, with NETRA_TELEGRAM_TOKEN set, the bot's
identity, that it is in the moderators' chat(s) with the right to post, and the configured
admin and moderator ids. One line per finding (✓ fine, ! worth knowing, ✗ a problem, saying
what to fix). Exit status 1 when Netra would not work, else 0.
"""
