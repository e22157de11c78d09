"""Alembic environment: runs on the connection `Database.migrate` hands over, or, for the `alembic` command
run from the repository root (alembic.ini), on `sqlalchemy.url` if set, else the configured database."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, text

from bot.config import Settings
from bot.storage.database import Database
from bot.storage.tables import Base

MIGRATION_LOCK_KEY = 37107  # a PostgreSQL advisory lock: two processes never migrate at once

target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
    connection.commit()
else:
    if context.config.config_file_name is not None:  # the `alembic` command, with alembic.ini's logging
        fileConfig(context.config.config_file_name, disable_existing_loggers=False)
    url = context.config.get_main_option("sqlalchemy.url") or Settings().resolved_database_url
    database = Database.from_url(url, migrate=False)  # the product's engine: SQLite's folder, pragmas, locking
    with database.engine.connect() as fresh:
        run_migrations(fresh)
        fresh.commit()
    database.dispose()
