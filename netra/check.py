"""`netra check`: will this configuration work, before the first report arrives?

Each finding is one line; a problem says what to fix. `fatal` problems are those Netra would
not run (or not work) with: a configuration that does not load, no roster or an unreadable
one, no valid election file, the configured OCR engine missing, an unreachable database; the
command exits non-zero when there is one. Notes are worth knowing but not blocking (an
election without a designation day: its cases' tier will be "unknown"). The Telegram side
(token, the bot in its moderators' chats) is checked in `bot.check`, above this layer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import store
from netra.config import Config, load_config
from netra.errors import ConfigError
from netra.services import load_elections
from ocr.engine import ENGINES
from rules.errors import RosterError
from rules.names import strip_titles
from rules.roster import load_roster
from wording import id as t
from wording import id_check as w


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "ok", "note" or "problem"
    text: str
    fatal: bool = False

    @property
    def line(self) -> str:
        template = {"ok": w.OK, "note": w.NOTE, "problem": w.PROBLEM}[self.kind]
        return template.format(text=self.text)


def ok(text: str) -> Finding:
    return Finding("ok", text)


def note(text: str) -> Finding:
    return Finding("note", text)


def problem(text: str, fatal: bool = True) -> Finding:
    return Finding("problem", text, fatal)


def check_config(path: Path) -> tuple[Config | None, list[Finding]]:
    try:
        config = load_config(path)
    except ConfigError as exc:
        return None, [problem(w.CONFIG_BAD.format(error=exc))]
    return config, [ok(w.CONFIG_READ.format(path=path))]


def _reason_kind(reason: str) -> str:
    """A rejected row's reason without what varies between rows (quoted values, numbers)."""
    return re.sub(r"\s+", " ", re.sub(r"'[^']*'|\([^)]*\)|\d+", "…", reason)).strip()


def check_roster(config: Config) -> list[Finding]:
    if config.roster is None:
        return [problem(w.ROSTER_MISSING)]
    name = config.roster.name
    try:
        load = load_roster(config.roster)
    except (RosterError, OSError, ValueError) as exc:
        return [problem(w.ROSTER_BAD.format(name=name, error=exc))]
    entries = load.entries
    if not entries:
        return [problem(w.ROSTER_BAD.format(name=name, error=t.ROSTER_NO_VALID_ROWS))]
    names: dict[str, int] = defaultdict(int)
    for e in entries:
        names[" ".join(strip_titles(e.nama).lower().split())] += 1
    share = 100.0 / len(entries)
    findings = [
        ok(
            w.ROSTER_READ.format(
                name=name,
                rows=len(entries),
                bad=len(load.problems),
                phone=round(sum(1 for e in entries if e.phone) * share),
                instagram=round(sum(1 for e in entries if e.instagram) * share),
                namesakes=sum(1 for n in names.values() if n > 1),
            )
        )
    ]
    by_reason: dict[str, list[int]] = defaultdict(list)
    for p in load.problems:
        by_reason[_reason_kind(p.reason)].append(p.line)
    for reason, lines in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        shown = ", ".join(str(n) for n in lines[:5])
        findings.append(
            problem(
                w.ROSTER_BAD_ROWS.format(name=name, count=len(lines), reason=reason, lines=shown),
                fatal=False,
            )
        )
    if not any(e.phone or e.instagram for e in entries):
        findings.append(note(w.ROSTER_NO_CONTACT.format(name=name)))
    return findings


def check_elections(config: Config) -> list[Finding]:
    try:
        files = config.election_files()
        elections = load_elections(config)
    except ConfigError as exc:
        return [problem(w.ELECTIONS_BAD.format(error=exc))]
    findings = []
    for path, e in zip(files, elections, strict=True):
        chat = w.ELECTION_OWN_CHAT.format(chat=e.moderator_chat_id) if e.moderator_chat_id else ""
        designation = f"{e.designation_day:%d-%m-%Y}" if e.designation_day else "-"
        findings.append(
            ok(
                w.ELECTION_READ.format(
                    name=e.name,
                    file=path.name,
                    region=e.region or "-",
                    count=len(e.candidates),
                    zone=e.timezone,
                    designation=designation,
                    chat=chat,
                )
            )
        )
        if e.designation_day is None:
            findings.append(note(w.ELECTION_NO_DESIGNATION.format(name=e.name, file=path.name)))
        if e.shared:
            labels = ", ".join(e.shared)
            findings.append(
                note(w.ELECTION_SHARED.format(name=e.name, file=path.name, labels=labels))
            )
        if not e.region and len(elections) > 1:
            findings.append(note(w.ELECTION_NO_REGION.format(name=e.name, file=path.name)))
    return findings


def _engine_status(name: str) -> str | None:
    """None when the engine can run here, else why not."""
    try:
        if name == "tesseract":
            import pytesseract

            languages = set(pytesseract.get_languages(config=""))
            missing = {"ind", "eng"} - languages
            return (
                w.OCR_NO_LANGUAGES.format(languages=", ".join(sorted(missing))) if missing else None
            )
        import rapidocr_onnxruntime  # noqa: F401
    except Exception as exc:  # a missing binary, library or model: all mean "not here"
        return f"{type(exc).__name__}: {exc}"[:160]
    return None


def check_ocr(config: Config) -> list[Finding]:
    findings = []
    for name in ENGINES:
        error = _engine_status(name)
        if error is None:
            detail = " (dipakai)" if name == config.ocr.engine else ""
            findings.append(ok(w.OCR_OK.format(engine=name, detail=detail)))
        elif name == config.ocr.engine:
            findings.append(problem(w.OCR_MISSING.format(engine=name, error=error)))
        else:
            findings.append(problem(w.OCR_SECOND_MISSING.format(engine=name, error=error), False))
    return findings


def _safe_url(url: str) -> str:
    """The database URL without its password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


async def check_database(config: Config) -> list[Finding]:
    url = _safe_url(config.database_url)
    if config.database_url.startswith("sqlite"):
        config.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        current, head = await store.schema_revision(config.database_url)
    except Exception as exc:  # a refused connection, bad credentials, a missing driver
        return [problem(w.DB_BAD.format(url=url, error=f"{type(exc).__name__}: {exc}"[:200]))]
    if current == head:
        return [ok(w.DB_OK.format(url=url, revision=head))]
    return [note(w.DB_OLD.format(url=url, current=current or "-", head=head))]


async def check_all(path: Path) -> tuple[Config | None, list[Finding]]:
    """Everything below Telegram; the config (None when it did not load) and the findings."""
    config, findings = check_config(path)
    if config is None:
        return None, findings
    findings += check_roster(config)
    findings += check_elections(config)
    findings += check_ocr(config)
    findings += await check_database(config)
    return config, findings


def summary(findings: list[Finding]) -> str:
    problems = [f for f in findings if f.fatal]
    if problems:
        return w.SUMMARY_PROBLEMS.format(count=len(problems))
    return w.SUMMARY_OK.format(notes=sum(1 for f in findings if f.kind != "ok"))
