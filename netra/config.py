"""One typed configuration object, from a TOML file plus the environment.

No other module reads environment variables: secrets (the bot token) come in here from
`NETRA_TELEGRAM_TOKEN` and nowhere else, and are never part of `repr()` or logs.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from netra.errors import ConfigError
from ocr.engine import ENGINES
from rules.verdict import Thresholds
from wording import id as t

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OcrSettings:
    engine: str = "ppocr"  # "ppocr" (PP-OCRv4 via ONNX Runtime) or "tesseract"
    languages: str = "ind+eng"  # tesseract's languages
    workers: int = 0  # 0 = one per core

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(
                t.CONFIG_UNKNOWN_ENGINE.format(engine=self.engine, choices=t.OR.join(ENGINES))
            )


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    token: str = field(default="", repr=False)
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    moderator_chat_id: int | None = None
    moderator_ids: tuple[int, ...] = ()
    admin_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class BotSettings:
    """Intake limits and behaviour of the Telegram bot."""

    rate_limit_per_hour: int = 30  # screenshots per reporter per hour
    max_file_mb: int = 20  # larger files are refused unread
    notify_reporters: bool = True  # tell reporters the moderators' decision
    phash_distance: int = 6  # near-duplicate threshold (bits of a 64-bit pHash)
    mode: str = "polling"  # or "webhook"
    webhook_url: str = ""  # public HTTPS URL Telegram posts to (webhook mode)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    album_wait_seconds: float = 1.5  # gather an album's photos before the single reply
    analysis_attempts: int = 3  # a case whose analysis crashed this often becomes "error"
    notice_every_seconds: float = 300.0  # at most one help/limit notice per chat this often


def _check_time(setting: str, value: object) -> None:
    """A local time of day as "HH:MM"."""
    try:
        hour, minute = (int(x) for x in str(value).split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
    except ValueError:
        raise ConfigError(t.CONFIG_BAD_TIME.format(setting=setting, value=value)) from None


@dataclass(frozen=True, slots=True)
class SchedulerSettings:
    """The scheduled jobs (`scheduler.py`) as a whole."""

    enabled: bool = True  # register the scheduled jobs at start-up
    check_every_minutes: float = 60.0  # how often the reminder / digest retry check runs


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """The admins' daily digest."""

    time: str = "07:00"  # local time of the daily digest, in the election's time zone
    chat_ids: tuple[int, ...] = ()  # extra recipients besides telegram.admin_ids
    catch_up_grace_hours: float = 12.0  # a missed digest is still sent this long after its time
    claim_timeout_minutes: float = 30.0  # a send claimed but never confirmed may be retried after
    max_attempts: int = 5  # failed sends of one digest to one chat before giving up
    attach_export: bool = True  # attach the XLSX export of approved cases to the digest
    deadline_days: int = 7  # Bawaslu: a report within 7 days of discovery
    deadline_warn_days: int = 3  # list approved cases with this many days or fewer left

    def __post_init__(self) -> None:
        _check_time("digest.time", self.time)


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """How long screenshots of rejected and clear cases are kept."""

    days: int = 30  # screenshots of rejected/clear cases are deleted after this
    time: str = "03:30"  # local time of the daily retention run

    def __post_init__(self) -> None:
        _check_time("retention.time", self.time)


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """The moderators' backlog reminder."""

    after_hours: float = 6.0  # remind moderators when the oldest pending case is older
    every_hours: float = 3.0  # at most one reminder per this many hours
    # Admins are reminded once of an approved case not yet handed over (/berkas, /export)
    # when this many days are left of Bawaslu's deadline (digest.deadline_days).
    deadline_days_left: float = 2.0


QUEUES = ("analyse", "send")


@dataclass(frozen=True, slots=True)
class QueueSettings:
    """PostgreSQL mode only: the job queue shared by every process (`netra run`, `netra worker`).

    `bot_queues` are the queues `netra run` works itself; the default lets one `netra run`
    on PostgreSQL do everything, `[]` leaves analysis and sending to `netra worker` processes.
    """

    bot_queues: tuple[str, ...] = QUEUES
    send_concurrency: int = 4  # sends in flight per process (Telegram's pace is shared anyway)
    heartbeat_seconds: float = 5.0  # how often a worker says it is alive
    stalled_after_seconds: float = 20.0  # a worker silent this long is dead: its jobs run again

    def __post_init__(self) -> None:
        for queue in self.bot_queues:
            if queue not in QUEUES:
                raise ConfigError(
                    t.CONFIG_UNKNOWN_QUEUE.format(queue=queue, choices=t.OR.join(QUEUES))
                )
        if self.stalled_after_seconds < 2 * self.heartbeat_seconds:
            raise ConfigError(t.CONFIG_STALLED_TOO_SHORT)


# Settings that moved out of [digest]: old key → (section, key). Still read, with a warning.
MOVED = {
    "enabled": ("scheduler", "enabled"),
    "check_every_minutes": ("scheduler", "check_every_minutes"),
    "retention_days": ("retention", "days"),
    "retention_time": ("retention", "time"),
    "reminder_after_hours": ("reminders", "after_hours"),
    "reminder_every_hours": ("reminders", "every_hours"),
}


@dataclass(frozen=True, slots=True)
class Config:
    roster: Path | None = None
    election: Path | None = None  # the old single election file; see `election_files`
    elections: tuple[Path, ...] = ()  # election files and folders of them ([netra] elections)
    data_dir: Path = Path("var")
    database_url: str = "sqlite+aiosqlite:///var/netra.db"
    ocr: OcrSettings = field(default_factory=OcrSettings)
    thresholds: Thresholds = field(default_factory=Thresholds)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    bot: BotSettings = field(default_factory=BotSettings)
    webhook_secret: str = field(default="", repr=False)
    scheduler: SchedulerSettings = field(default_factory=SchedulerSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    queue: QueueSettings = field(default_factory=QueueSettings)

    @property
    def distributed(self) -> bool:
        """PostgreSQL mode: screenshots in the database, work through the shared job queue."""
        return self.database_url.startswith("postgresql")

    def election_files(self) -> list[Path]:
        """Every configured election file: the files listed, each folder's `*.toml` in name
        order, then the old single file. A missing path is a ConfigError."""
        out: list[Path] = []
        for path in (*self.elections, *([self.election] if self.election else [])):
            if path.is_dir():
                found = sorted(path.glob("*.toml"))
                if not found:
                    raise ConfigError(t.ELECTION_NONE.format(path=path))
                out += found
            elif path.is_file():
                out.append(path)
            else:
                raise ConfigError(t.CONFIG_NO_ELECTION_FILE.format(path=path))
        return list(dict.fromkeys(out))


def _elections(netra: dict[str, Any], rel: Any) -> tuple[Path, ...]:
    """`[netra] elections` (a folder, a file, or a list of either); the old `election` is
    still read, with a deprecation line in the log; both at once are refused."""
    value = netra.get("elections")
    old = netra.get("election")
    if old not in (None, ""):
        if value not in (None, "", []):
            raise ConfigError(
                t.CONFIG_OLD_AND_NEW.format(old="netra.election", new="netra.elections")
            )
        log.warning(
            "config: netra.election is deprecated, write it as netra.elections (read as such for now)"
        )
        value = old
    if value in (None, ""):
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v for v in items):
        raise ConfigError(t.CONFIG_BAD_ELECTIONS)
    return tuple(rel(v) for v in items)


def _section(cls: type, raw: Any, name: str) -> Any:
    if raw is None:
        return cls()
    if not isinstance(raw, dict):
        raise ConfigError(t.CONFIG_NOT_TABLE.format(section=name))
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(t.CONFIG_UNKNOWN_SETTING.format(section=name, key=key))
        if isinstance(value, list):
            value = tuple(value)
        values[key] = value
    try:
        return cls(**values)
    except TypeError as exc:
        raise ConfigError(t.CONFIG_BAD_SECTION.format(section=name, error=exc)) from exc


def _moved_settings(raw: dict[str, Any]) -> dict[str, Any]:
    """Settings under their old names in [digest] are read into their sections, with a
    deprecation line in the log; set under both names they are refused."""
    digest = raw.get("digest")
    if not isinstance(digest, dict) or not MOVED.keys() & digest.keys():
        return raw
    raw = {**raw, "digest": dict(digest)}
    for old, (section, key) in MOVED.items():
        if old not in raw["digest"]:
            continue
        target = raw.get(section)
        target = dict(target) if isinstance(target, dict) else {}
        if key in target:
            raise ConfigError(
                t.CONFIG_OLD_AND_NEW.format(old=f"digest.{old}", new=f"{section}.{key}")
            )
        log.warning(
            "config: digest.%s is deprecated, write it as %s.%s (read as such for now)",
            old,
            section,
            key,
        )
        target[key] = raw["digest"].pop(old)
        raw[section] = target
    return raw


def _database_url(configured: Any, data_dir: Path) -> str:
    """The configured URL, or the embedded default: SQLite in the data directory."""
    if configured:
        return str(configured)
    return f"sqlite+aiosqlite:///{data_dir / 'netra.db'}"


def load_config(path: str | Path | None, env: dict[str, str] | None = None) -> Config:
    """Read `path` (optional) and the environment; relative paths are relative to the file."""
    env = dict(os.environ) if env is None else env
    raw: dict[str, Any] = {}
    base = Path.cwd()
    if path is not None:
        p = Path(path)
        try:
            raw = tomllib.loads(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(t.CONFIG_UNREADABLE.format(path=p, error=exc.strerror)) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(t.CONFIG_BAD_TOML.format(path=p, error=exc)) from exc
        base = p.resolve().parent
    netra = raw.get("netra", {})

    def rel(value: Any) -> Path | None:
        if value in (None, ""):
            return None
        q = Path(str(value)).expanduser()
        return q if q.is_absolute() else base / q

    raw = _moved_settings(raw)
    if "token" in (raw.get("telegram") or {}):
        raise ConfigError(t.CONFIG_TOKEN_IN_FILE)
    telegram = _section(TelegramSettings, raw.get("telegram"), "telegram")
    token = env.get("NETRA_TELEGRAM_TOKEN", "")
    if token:
        telegram = TelegramSettings(
            **{**{f.name: getattr(telegram, f.name) for f in fields(telegram)}, "token": token}
        )
    return Config(
        roster=rel(netra.get("roster")),
        elections=_elections(netra, rel),
        data_dir=rel(netra.get("data_dir")) or base / "var",
        database_url=_database_url(
            raw.get("database", {}).get("url"), rel(netra.get("data_dir")) or base / "var"
        ),
        ocr=_section(OcrSettings, raw.get("ocr"), "ocr"),
        thresholds=_section(Thresholds, raw.get("thresholds"), "thresholds"),
        telegram=telegram,
        bot=_section(BotSettings, raw.get("bot"), "bot"),
        webhook_secret=env.get("NETRA_WEBHOOK_SECRET", ""),
        scheduler=_section(SchedulerSettings, raw.get("scheduler"), "scheduler"),
        digest=_section(DigestSettings, raw.get("digest"), "digest"),
        retention=_section(RetentionSettings, raw.get("retention"), "retention"),
        reminders=_section(ReminderSettings, raw.get("reminders"), "reminders"),
        queue=_section(QueueSettings, raw.get("queue"), "queue"),
    )
