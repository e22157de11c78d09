"""The database: one SQLAlchemy engine, migrated to the newest schema on connect, and transactions.

SQLite (the default, under the data directory) runs in WAL mode with foreign keys on, and every
transaction that may write starts with `BEGIN IMMEDIATE`, so two writers queue behind each other instead
of failing half-way; one that only reads (`Database.reading`) starts deferred and never waits for them.
PostgreSQL is used when `MMSSC_DATABASE_URL` (or `DATABASE_URL`) names it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_SECONDS = 30
_READ_ONLY = "mmssc_read_only"  # execution option of the connections `Database.reading` uses


class Database:
    """Open with `Database.connect(settings)`; write with `with database.session() as session: ...`.

    >>> database = Database.from_url("sqlite:////tmp/example.db")
    >>> with database.session() as session:   # commits on success, rolls back on any exception
    ...     ...
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False)
        self._writers = _writer_queue(engine)

    @classmethod
    def connect(cls, settings: Settings) -> Database:
        """The configured database, created and migrated (`alembic upgrade head`) as needed."""
        return cls.from_url(settings.resolved_database_url)

    @classmethod
    def from_url(cls, url: str, *, migrate: bool = True) -> Database:
        database = cls(_create_engine(url))
        if migrate:
            database.migrate()
        return database

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._writers, self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """One transaction that only reads, from one consistent snapshot. On SQLite it takes no write lock,
        so it never queues behind a writer; it must not write (it is rolled back)."""
        with self._read_sessions() as session:  # closing it rolls the transaction back
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest migration (safe to run from two processes at once)."""
        alembic_log = logging.getLogger("alembic")
        if alembic_log.level == logging.NOTSET:  # its INFO lines would fill every command's output
            alembic_log.setLevel(logging.WARNING)
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def dispose(self) -> None:
        self.engine.dispose()


_SQLITE_WRITERS: dict[str, threading.RLock] = {}
_SQLITE_WRITERS_GUARD = threading.Lock()


def _writer_queue(engine: Engine) -> contextlib.AbstractContextManager[Any]:
    """What a write transaction holds besides the database's own lock. SQLite's busy handler polls with
    growing sleeps (up to 100 ms), so under load its single write lock sits idle while the waiters sleep;
    the threads of one process queue for it on a lock of their own instead, and take it the moment it is
    free. Other processes still meet at SQLite's lock. PostgreSQL locks rows and needs none."""
    if engine.dialect.name != "sqlite":
        return contextlib.nullcontext()
    with _SQLITE_WRITERS_GUARD:
        return _SQLITE_WRITERS.setdefault(str(engine.url), threading.RLock())


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):  # a "file:" URI is SQLite's
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so `_begin_immediate` decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # The write lock is taken at BEGIN: a reader can never be refused when it later writes. A transaction
    # opened by `Database.reading` never writes, so it begins deferred and reads its WAL snapshot unlocked.
    if connection.get_execution_options().get(_READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
