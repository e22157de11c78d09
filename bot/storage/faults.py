"""Database failures a person can fix, said in one line: what failed and what to do.

Storage lets SQLAlchemy's errors travel up (fail loudly inside); an adapter's edge asks
`explain_database_fault` whether one is an environment fault (a server that does not answer, a
read-only or damaged SQLite file, a lock held too long) and shows the line instead of a traceback.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError

from bot.storage.database import SQLITE_BUSY_TIMEOUT_SECONDS


def database_location(url: str) -> str:
    """"the SQLite database /path/mmssc.db" or "the database at host:5432/name", never a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "the configured database"
    if parsed.get_backend_name() == "sqlite":
        return f"the SQLite database {(parsed.database or '(in memory)').removeprefix('file:')}"
    return f"the database at {parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def explain_database_fault(error: BaseException, url: str) -> str | None:
    """One line for a database error caused by the environment; None for anything else (a bug)."""
    if not isinstance(error, OperationalError | InterfaceError):
        return None
    cause = _first_line(error.orig if error.orig is not None else error)
    where = database_location(url)
    said = cause.lower()
    if "readonly" in said or "read-only" in said:
        return (f"Cannot write {where}: it is read-only ({cause}). Make the file and its folder writable, or set "
                "MMSSC_DATA_DIR to a writable folder. Nothing was recorded.")
    if "unable to open database file" in said:
        return (f"Cannot open {where} ({cause}). Check that its folder exists and is writable, or set "
                "MMSSC_DATA_DIR to another folder.")
    if "locked" in said or "busy" in said:
        return _sentence(f"{where} stayed locked by another process for {SQLITE_BUSY_TIMEOUT_SECONDS} s ({cause}). "
                         "Try again once it has finished.")
    if "full" in said:
        return f"Cannot write {where}: the disk is full ({cause}). Free some space and try again."
    if "not a database" in said or "malformed" in said or "disk i/o" in said:
        return (f"Cannot read {where}: the file is damaged ({cause}). Restore it from a backup, or move it "
                "aside to start with an empty database.")
    if "password authentication failed" in said or ("role" in said and "does not exist" in said):
        return _sentence(f"{where} refused the login ({cause}). Fix the user or password in MMSSC_DATABASE_URL.")
    if "database" in said and "does not exist" in said:
        return _sentence(f"{where} does not exist ({cause}). Create it (createdb) or fix MMSSC_DATABASE_URL.")
    if where.startswith("the SQLite"):
        return _sentence(f"{where} failed ({cause}). Check the file and its folder, or set MMSSC_DATA_DIR.")
    return (f"Cannot reach {where} ({cause}). Start the database server, or fix MMSSC_DATABASE_URL "
            "(or DATABASE_URL).")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__
