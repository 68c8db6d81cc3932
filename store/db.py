"""Engine, sessions, transactions and migrations.

SQLite needs care to be safe under concurrent async writers: the driver's own transaction
handling is switched off (`isolation_level=None`) and every transaction is opened by us with
`BEGIN IMMEDIATE`, so writers queue on the busy timeout instead of failing with "database is
locked" or reading outside their transaction. Read-only work opts into a plain (deferred)
`BEGIN` via the `READ_ONLY` execution option, so WAL readers never wait for writers. Other
databases (postgresql+asyncpg) get a plain engine.

Every function of the store takes the `async_sessionmaker` (`Db`) and opens its own short
transaction (`transaction`), so no transaction is held across a Telegram round trip.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

Db = async_sessionmaker[AsyncSession]
T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
READ_ONLY = "netra_read_only"
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; for SQLite with WAL, foreign keys and BEGIN IMMEDIATE transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_async_engine(url, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, **kwargs)
    _install_sqlite_hooks(engine)
    return engine


def _install_sqlite_hooks(engine: AsyncEngine) -> None:
    """Pragmas on connect; our own BEGIN (IMMEDIATE unless read-only) on every transaction."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver must not emit BEGIN itself
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (the store returns plain dataclasses)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations, independent of the cwd."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


MIGRATION_LOCK = 0x4E65746D  # "Netm": PostgreSQL advisory lock key for migrations


async def migrate(url: str) -> None:
    """Bring the database to the newest schema (idempotent; call at start-up).

    On PostgreSQL several processes may start together (a bot and its workers, on several
    machines): the first takes a transaction-scoped advisory lock and migrates, the others
    wait for it, then find the schema at head and do nothing. DDL is transactional there, so
    a process killed mid-migration leaves the old schema, not half of the new one.
    """
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            await conn.run_sync(_upgrade, url)
    finally:
        await engine.dispose()


async def schema_revision(url: str) -> tuple[str | None, str]:
    """(the database's schema revision, the newest one Netra has): equal when migrated,
    None when the database was never migrated. Raises when it cannot be reached."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head() or ""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            current = await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
    finally:
        await engine.dispose()
    return current, head


def _upgrade(connection: Connection, url: str) -> None:
    cfg = alembic_config(url)
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


# ---------------------------------------------------------------- transactions


@asynccontextmanager
async def transaction(
    db: Db, *, read_only: bool = False, urgent: bool = False
) -> AsyncIterator[AsyncSession]:
    """One transaction; writers take SQLite's write lock up front (BEGIN IMMEDIATE).

    On SQLite, this process's writers first queue in `WriterQueue`: SQLite's busy handler
    retries after sleeps of up to 100 ms and favours whoever comes along at the right moment,
    so under load a writer waiting inside SQLite could starve for a second. `urgent` writers
    (marking an update done right after its reply went out: the shorter that gap, the fewer
    replies a crash makes the bot repeat) go before the others waiting. Writers of other
    processes still meet at BEGIN IMMEDIATE.
    """
    queue = None if read_only else _writer_queue(db)
    turn = queue.turn(urgent) if queue else contextlib.nullcontext()
    async with turn, db() as session, session.begin():
        if read_only:
            await session.connection(execution_options={READ_ONLY: True})
        yield session


class WriterQueue:
    """One writer at a time; urgent ones first, then in arrival order."""

    def __init__(self) -> None:
        self._busy = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = 0

    @asynccontextmanager
    async def turn(self, urgent: bool) -> AsyncIterator[None]:
        if self._busy or self._waiting:
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._seq += 1
            heapq.heappush(self._waiting, (0 if urgent else 1, self._seq, future))
            try:
                await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled():
                    self._next()  # our turn came as we were cancelled: pass it on
                raise
        self._busy = True
        try:
            yield
        finally:
            self._next()

    def _next(self) -> None:
        while self._waiting:
            _, _, future = heapq.heappop(self._waiting)
            if not future.done():
                future.set_result(None)  # stays busy: the turn passes straight on
                return
        self._busy = False


_WRITER_QUEUES: weakref.WeakKeyDictionary[Db, WriterQueue] = weakref.WeakKeyDictionary()


def _writer_queue(db: Db) -> WriterQueue | None:
    """This process's queue of SQLite writers for `db` (None for other databases)."""
    bind = db.kw.get("bind")
    if bind is None or bind.dialect.name != "sqlite":
        return None
    queue = _WRITER_QUEUES.get(db)
    if queue is None:
        queue = _WRITER_QUEUES[db] = WriterQueue()
    return queue


async def retry_on_conflict(attempt: Callable[[], Awaitable[T]], tries: int = 3) -> T:
    """Re-run a transaction that lost a unique-key race (PostgreSQL; SQLite serialises)."""
    for i in range(tries):
        try:
            return await attempt()
        except IntegrityError:
            if i == tries - 1:
                raise
    raise AssertionError("unreachable")


async def dialect_of(s: AsyncSession) -> str:
    """ "sqlite" or "postgresql": the few statements that differ choose by it."""
    return (await s.connection()).dialect.name
