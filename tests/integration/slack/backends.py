"""The key Slack tests run on SQLite and, when MMSSC_TEST_POSTGRES_URL is set, on a throwaway
PostgreSQL database of their own (as tests/integration/storage does):

    @pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.integration.storage.backends import BACKENDS, POSTGRES_URL

__all__ = ["BACKENDS", "fresh_postgres_url"]


@contextlib.contextmanager
def fresh_postgres_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (the bot migrates it on connect); dropped afterwards."""
    assert POSTGRES_URL, "MMSSC_TEST_POSTGRES_URL is not set"
    name = f"mmssc_slack_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
