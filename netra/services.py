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
import logging
import weakref
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
from rules.errors import RosterError
from rules.roster import RosterLoad, parse_roster
from rules.roster_index import RosterIndex
from rules.types import RosterEntry
from wording import id as t

log = logging.getLogger(__name__)

ROSTER_SETTING = "roster_file"
MODERATOR_NAME_SETTING = "moderator_name:{}"  # display name of a moderator who decided
ELECTION_SETTING = "election_file"


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
    def election(self) -> Election:
        return self.pool.election

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
        election = await store.get_setting(self.db, ELECTION_SETTING)
        changed = False
        if roster and roster != self.roster_source:
            data = await asyncio.to_thread(self.files.read, roster)
            load = await asyncio.to_thread(parse_roster, data, roster)
            self.pool.roster = await asyncio.to_thread(RosterIndex, load.entries)
            self.roster_source, changed = roster, True
            log.info("roster reloaded: %d entries", len(load.entries))
        if election and election != self.election_source:
            data = await asyncio.to_thread(self.files.read, election)
            self.pool.election = parse_election(data.decode("utf-8"))
            self.election_source, changed = election, True
            log.info("election file reloaded")
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
        index = await asyncio.to_thread(RosterIndex, load.entries)
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

    async def replace_election(self, text: str) -> Election:
        election = parse_election(text)
        data = text.encode()
        relative = f"election/{hashlib.sha256(data).hexdigest()}.toml"
        await asyncio.to_thread(self.files.write, relative, data)
        await store.set_setting(self.db, ELECTION_SETTING, relative)
        self.pool.election, self.election_source = election, relative
        return election


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


@dataclass(frozen=True, slots=True)
class Inputs:
    """The roster and election a process starts with, and which stored files they are."""

    roster: RosterIndex
    election: Election
    roster_source: str | None
    election_source: str | None


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


async def _initial_inputs(
    config: Config, db: async_sessionmaker[AsyncSession], files: Files, *, strict: bool
) -> Inputs:
    publish = config.distributed
    common = {"strict": strict, "publish": publish}
    roster_file = await _stored_input(
        db,
        files,
        ROSTER_SETTING,
        config.roster,
        "roster",
        what=t.INPUT_ROSTER,
        config_key="roster",
        **common,
    )
    election_file = await _stored_input(
        db,
        files,
        ELECTION_SETTING,
        config.election,
        "election",
        what=t.INPUT_ELECTION,
        config_key="election",
        **common,
    )
    if election_file is None:
        raise ConfigError(t.CONFIG_NO_ELECTION)
    election = parse_election(election_file[0].decode("utf-8"))
    if roster_file is None:
        log.warning("no roster configured: every poster will be unmatched until /roster")
        roster = RosterIndex([])
    else:
        load = await asyncio.to_thread(parse_roster, roster_file[0], roster_file[1])
        if load.problems:
            log.warning("roster: %d rows rejected", len(load.problems))
        roster = await asyncio.to_thread(RosterIndex, load.entries)
    stored = (roster_file or (b"", None))[1] if publish else None
    return Inputs(roster, election, stored, election_file[1] if publish else None)


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
        inputs = await _initial_inputs(config, db, files, strict=worker)
    except BaseException:
        files.close()
        await engine.dispose()
        raise
    pool = AnalysisPool(
        inputs.roster,
        inputs.election,
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
        roster_source=inputs.roster_source,
        election_source=inputs.election_source,
    )


async def stop_services(services: Services) -> None:
    for task in services.tasks:
        task.cancel()
    await asyncio.gather(*services.tasks, return_exceptions=True)
    services.pool.close()
    services.files.close()
    await services.engine.dispose()
