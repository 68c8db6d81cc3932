"""What the running product holds, whatever talks to people: database, analysis pool, file
store, roster and election, the queues of cases to analyse and to show the moderators.

Built once at start-up (`start_services`); the bot keeps it in `bot_data.services`. The roster
and election can be replaced at run time by an admin (`replace_roster`, `replace_election`):
the new file is validated completely first, then stored on disk and swapped in one
assignment, so a bad upload never leaves a half-imported roster. Nothing here knows Telegram.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import store
from netra.analysis import AnalysisPool
from netra.config import Config
from netra.errors import ConfigError
from netra.files import Files, open_files
from ocr.engine import make_engine
from rules.election import Election, parse_election
from rules.elections import ElectionSet, as_set
from rules.errors import ElectionError, RosterError
from rules.roster import RosterLoad, parse_roster
from rules.roster_index import RosterIndex
from rules.types import RosterEntry
from wording import id as t

log = logging.getLogger(__name__)

ROSTER_SETTING = "roster_file"
MODERATOR_NAME_SETTING = "moderator_name:{}"  # display name of a moderator who decided
ELECTION_SETTING = "election_file"  # before many elections: the one uploaded file
ELECTIONS_SETTING = "election_files"  # uploaded election files: {name: stored path}
# PostgreSQL: the configured election files as the first process stored them, [stored path]
ELECTIONS_CONFIGURED_SETTING = "election_files_configured"


@dataclass(frozen=True, slots=True)
class RosterChange:
    """Summary of a roster replacement, for the admin's reply."""

    total: int
    added: int
    updated: int
    removed: int
    unchanged: int
    load: RosterLoad


@dataclass
class Services:
    config: Config
    engine: AsyncEngine
    db: async_sessionmaker[AsyncSession]
    pool: AnalysisPool
    files: Files
    callback_key: bytes
    roster_source: str | None = None  # the stored roster file in use (PostgreSQL: followed)
    election_source: str | None = None
    queue: asyncio.Queue[int] = field(default_factory=asyncio.Queue)  # cases to analyse
    cards: asyncio.Queue[int] = field(default_factory=asyncio.Queue)  # cases to show moderators
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _case_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = field(
        default_factory=weakref.WeakValueDictionary
    )

    def case_lock(self, case_id: int) -> asyncio.Lock:
        """Serialises what this process does to one case's cards, so edits land in the order
        of the decisions they show (a slow edit cannot overwrite a newer one)."""
        lock = self._case_locks.get(case_id)
        if lock is None:
            lock = asyncio.Lock()
            self._case_locks[case_id] = lock
        return lock

    @property
    def roster(self) -> RosterIndex:
        return self.pool.roster  # type: ignore[return-value]

    @property
    def elections(self) -> ElectionSet:
        return as_set(self.pool.election)

    @property
    def election(self) -> Election:
        """The primary election (the first configured): its zone schedules the digest."""
        return self.elections.primary

    def election_of(self, name: str | None) -> Election | None:
        return self.elections.get(name)

    def moderator_chat_for(self, election: str | None) -> int | None:
        """Where a case's card goes: its election's own moderators' chat, if it names one,
        else the configured (province-wide) chat."""
        own = self.elections.get(election)
        if own is not None and own.moderator_chat_id is not None:
            return own.moderator_chat_id
        return self.config.telegram.moderator_chat_id

    @property
    def distributed(self) -> bool:
        """PostgreSQL mode: work goes through the shared job queue (`store.jobs`)."""
        return self.config.distributed

    async def request_analysis(self, case_id: int) -> None:
        """Have a case analysed: this process's queue, or a job any worker may take."""
        if self.distributed:
            await store.defer_analysis(self.db, case_id)
        else:
            self.queue.put_nowait(case_id)

    async def request_card(self, case_id: int, version: int) -> None:
        """Have a case's card posted to the moderators: this process's card poster, or a job
        on the send lane."""
        if self.distributed:
            await store.defer_card(self.db, case_id, version)
        else:
            self.cards.put_nowait(case_id)

    async def follow_inputs(self) -> bool:
        """PostgreSQL mode: take up a roster or election file an admin replaced through another
        process (the stored file is the one in use). True when something was reloaded."""
        roster = await store.get_setting(self.db, ROSTER_SETTING)
        uploads = await store.get_setting(self.db, ELECTIONS_SETTING)
        changed = False
        if roster and roster != self.roster_source:
            data = await asyncio.to_thread(self.files.read, roster)
            self.pool.roster = await asyncio.to_thread(roster_index, self.config, data, roster)
            self.roster_source, changed = roster, True
            log.info("roster reloaded: %d entries", len(self.pool.roster))
        if uploads and uploads != self.election_source:
            elections, source = await _initial_elections(
                self.config, self.db, self.files, strict=False
            )
            self.pool.election, self.election_source, changed = elections, source, True
            log.info("election files reloaded")
        return changed

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.config.telegram.admin_ids

    def sign(self, payload: str) -> str:
        """A short MAC so button payloads cannot be forged to act on another case."""
        digest = hmac.new(self.callback_key, payload.encode(), hashlib.sha256).hexdigest()
        return digest[:10]

    async def replace_roster(self, data: bytes, filename: str) -> RosterChange:
        """Validate, index, store and swap in a new roster (all or nothing)."""
        load = await asyncio.to_thread(parse_roster, data, filename)
        if not load.entries:
            raise RosterError(t.ROSTER_NO_VALID_ROWS)
        index = await asyncio.to_thread(
            roster_index, self.config, data, filename, lambda: load.entries
        )
        # Comparing a million rows takes seconds: off the event loop.
        added, updated, removed, unchanged = await asyncio.to_thread(
            _compare, self.roster, index, load.entries
        )
        suffix = PurePath(filename).suffix.lower() or ".csv"
        relative = f"roster/{hashlib.sha256(data).hexdigest()}{suffix}"
        await asyncio.to_thread(self.files.write, relative, data)
        await store.set_setting(self.db, ROSTER_SETTING, relative)
        self.pool.roster, self.roster_source = index, relative
        log.info("roster replaced: %d entries", len(load.entries))
        return RosterChange(len(load.entries), added, updated, removed, unchanged, load)

    async def replace_election(self, text: str) -> tuple[Election, bool]:
        """Validate an uploaded election file and add it, or replace the election of the same
        name; (the election, whether it was added). Kept across restarts."""
        election = parse_election(text)
        data = text.encode()
        relative = f"election/{hashlib.sha256(data).hexdigest()}.toml"
        await asyncio.to_thread(self.files.write, relative, data)
        uploads = _uploads(await store.get_setting(self.db, ELECTIONS_SETTING))
        uploads[election.name] = relative
        source = json.dumps(uploads, sort_keys=True)
        await store.set_setting(self.db, ELECTIONS_SETTING, source)
        added = self.elections.get(election.name) is None
        self.pool.election, self.election_source = self.elections.with_election(election), source
        return election, added


def _compare(
    old: RosterIndex, new: RosterIndex, entries: list[RosterEntry]
) -> tuple[int, int, int, int]:
    """(added, updated, removed, unchanged) between two rosters, by NIP."""
    added = updated = unchanged = 0
    for entry in entries:
        before = old.get(entry.nip)
        if before is None:
            added += 1
        elif before == entry:
            unchanged += 1
        else:
            updated += 1
    removed = sum(1 for e in old if new.get(e.nip) is None)
    return added, updated, removed, unchanged


async def _stored_input(
    db: async_sessionmaker[AsyncSession],
    files: Files,
    key: str,
    configured: Path | None,
    folder: str,
    *,
    what: str,
    config_key: str,
    strict: bool,
    publish: bool,
) -> tuple[bytes, str] | None:
    """The bytes of an input file and their name: the stored one (an admin's upload, or the
    first start's file) wins. `strict` (a `netra worker`): a configured file other than the
    stored one is refused, naming both versions. `publish` (PostgreSQL): the configured file
    is stored when none is yet, so workers on other machines read the same bytes."""
    stored = await store.get_setting(db, key)
    if stored and not await asyncio.to_thread(files.exists, stored):
        stored = None
    mine = configured.read_bytes() if configured is not None else None
    if stored is not None:
        if strict and mine is not None and hashlib.sha256(mine).hexdigest() not in stored:
            since = await store.setting_changed_at(db, key)
            raise ConfigError(
                t.INPUT_MISMATCH.format(
                    what=what,
                    path=configured,
                    mine=hashlib.sha256(mine).hexdigest()[:12],
                    theirs=PurePath(stored).stem[:12],
                    since=t.when(since),
                    key=config_key,
                )
            )
        return await asyncio.to_thread(files.read, stored), stored
    if mine is None or configured is None:
        return None
    if not publish:
        return mine, configured.name
    suffix = configured.suffix.lower() or ".bin"
    relative = f"{folder}/{hashlib.sha256(mine).hexdigest()}{suffix}"
    await asyncio.to_thread(files.write, relative, mine)
    await store.set_setting(db, key, relative)
    return mine, relative


async def _initial_roster(
    config: Config, db: async_sessionmaker[AsyncSession], files: Files, *, strict: bool
) -> tuple[RosterIndex, str | None]:
    """The roster in use and (PostgreSQL) the stored file it came from."""
    roster_file = await _stored_input(
        db,
        files,
        ROSTER_SETTING,
        config.roster,
        "roster",
        what=t.INPUT_ROSTER,
        config_key="roster",
        strict=strict,
        publish=config.distributed,
    )
    if roster_file is None:
        log.warning("no roster configured: every poster will be unmatched until /roster")
        return RosterIndex([]), None
    index = await asyncio.to_thread(roster_index, config, *roster_file)
    return index, roster_file[1] if config.distributed else None


def roster_index(
    config: Config,
    data: bytes,
    filename: str,
    entries: Callable[[], list[RosterEntry]] | None = None,
) -> RosterIndex:
    """The roster file's index, shared through a file in the data folder by every process
    on this machine: opened if built before (same SHA-256), else built, saved and opened."""

    def parsed() -> list[RosterEntry]:
        load = parse_roster(data, filename)
        if load.problems:
            log.warning("roster: %d rows rejected", len(load.problems))
        return load.entries

    return RosterIndex.cached(data, config.data_dir / "roster-index", entries or parsed)


def _uploads(value: str | None) -> dict[str, str]:
    return dict(json.loads(value)) if value else {}


def load_elections(config: Config) -> ElectionSet:
    """The configured election files, validated; an invalid one names its file."""
    loaded = []
    for path in config.election_files():
        try:
            loaded.append(parse_election(path.read_text(encoding="utf-8")))
        except (ElectionError, OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path.name}: {exc}") from exc
    if not loaded:
        raise ConfigError(t.CONFIG_NO_ELECTION)
    try:
        return ElectionSet(tuple(loaded))
    except ElectionError as exc:
        raise ConfigError(str(exc)) from exc


async def _initial_elections(
    config: Config, db: async_sessionmaker[AsyncSession], files: Files, *, strict: bool
) -> tuple[ElectionSet, str | None]:
    """The configured elections, then those admins uploaded with /election (an upload
    replaces the election of its name, or adds one); and the uploads' record, which a
    PostgreSQL process follows (`Services.follow_inputs`)."""

    def read(path: str | None) -> Election | None:
        if not path or not files.exists(path):
            return None
        return parse_election(files.read(path).decode("utf-8"))

    legacy = read(await store.get_setting(db, ELECTION_SETTING))
    source = await store.get_setting(db, ELECTIONS_SETTING)
    uploads = _uploads(source)
    stored = [e for e in map(read, uploads.values()) if e is not None]
    try:
        if config.distributed:
            elections = await _published_elections(config, db, files, strict=strict)
        else:
            elections = load_elections(config)
    except ConfigError:
        if legacy is None and not stored:
            raise
        elections = ElectionSet(((legacy or stored[0]),))
    if legacy is not None:
        # Uploaded before many elections: it replaced the one election, whatever its name.
        elections = ElectionSet((legacy, *elections.elections[1:]))
    for election in stored:
        elections = elections.with_election(election)
    return elections, source


def _files_digest(hexdigests: Iterable[str]) -> str:
    """One version for a set of election files, whatever their order."""
    return hashlib.sha256("".join(sorted(hexdigests)).encode()).hexdigest()


async def _published_elections(
    config: Config, db: async_sessionmaker[AsyncSession], files: Files, *, strict: bool
) -> ElectionSet:
    """PostgreSQL: the configured election files as the first process stored them, so a
    process on another machine reads the same bytes; a `netra worker` configured with other
    files is refused, naming both versions."""
    paths = config.election_files()
    mine = [path.read_bytes() for path in paths]
    value = await store.get_setting(db, ELECTIONS_CONFIGURED_SETTING)
    stored: list[str] = json.loads(value) if value else []
    if not stored:
        if not mine:
            raise ConfigError(t.CONFIG_NO_ELECTION)
        for data in mine:
            stored.append(f"election/{hashlib.sha256(data).hexdigest()}.toml")
            await asyncio.to_thread(files.write, stored[-1], data)
        await store.set_setting(db, ELECTIONS_CONFIGURED_SETTING, json.dumps(stored))
    # The stored files are named by their SHA-256: both versions are digests of the same form.
    digest = _files_digest(hashlib.sha256(data).hexdigest() for data in mine)
    theirs = _files_digest(PurePath(relative).stem for relative in stored)
    if strict and mine and theirs != digest:
        since = await store.setting_changed_at(db, ELECTIONS_CONFIGURED_SETTING)
        raise ConfigError(
            t.INPUT_MISMATCH.format(
                what=t.INPUT_ELECTION,
                path=", ".join(str(p) for p in paths),
                mine=digest[:12],
                theirs=theirs[:12],
                since=t.when(since),
                key="elections",
            )
        )
    loaded = []
    for relative in stored:
        data = await asyncio.to_thread(files.read, relative)
        loaded.append(parse_election(data.decode("utf-8")))
    return ElectionSet(tuple(loaded))


async def start_services(config: Config, *, worker: bool = False) -> Services:
    """Migrate the database, load roster and election, start the analysis pool. A `worker`
    (`netra worker`) refuses a roster or election file other than the one in use."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    url = config.database_url
    await store.migrate(url)
    engine = store.create_engine(url)
    db = store.session_factory(engine)
    files = open_files(url, config.data_dir)
    try:
        roster, roster_source = await _initial_roster(config, db, files, strict=worker)
        elections, election_source = await _initial_elections(config, db, files, strict=worker)
    except BaseException:
        files.close()
        await engine.dispose()
        raise
    pool = AnalysisPool(
        roster,
        elections,
        workers=config.ocr.workers or None,
        engine=make_engine(config.ocr.engine, config.ocr.languages),
        thresholds=config.thresholds,
    )
    key_source = config.telegram.token or config.webhook_secret or "netra-local"
    key = hashlib.sha256(b"netra-callback:" + key_source.encode()).digest()
    return Services(
        config=config,
        engine=engine,
        db=db,
        pool=pool,
        files=files,
        callback_key=key,
        roster_source=roster_source,
        election_source=election_source,
    )


async def stop_services(services: Services) -> None:
    for task in services.tasks:
        task.cancel()
    await asyncio.gather(*services.tasks, return_exceptions=True)
    services.pool.close()
    services.files.close()
    await services.engine.dispose()
