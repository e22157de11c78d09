"""The databases storage tests run on: SQLite always, PostgreSQL when MMSSC_TEST_POSTGRES_URL is set
(`make test` starts one with scripts/postgres.sh). Each test gets a database of its own."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.storage import Database

POSTGRES_URL = os.environ.get("MMSSC_TEST_POSTGRES_URL")
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="MMSSC_TEST_POSTGRES_URL is not set")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[pytest.mark.postgres, needs_postgres]),
]


@contextlib.contextmanager
def fresh_database(backend: str, directory: Path) -> Iterator[Database]:
    """A new, migrated, empty database; dropped (PostgreSQL) afterwards."""
    if backend == "sqlite":
        database = Database.from_url(f"sqlite:///{directory / f'test-{uuid.uuid4().hex[:8]}.db'}")
        try:
            yield database
        finally:
            database.dispose()
        return
    assert POSTGRES_URL
    name = f"mmssc_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.from_url(make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class FixedClock:
    """Times that advance one second per call from a fixed start: stored times are reproducible."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, 0)):
        self.current = start

    def __call__(self) -> datetime:
        self.current += timedelta(seconds=1)
        return self.current
