"""The one place where the CLI turns environment faults into one line and a non-zero exit.

Commands only catch what a person typed wrong (`user_errors`); anything the machine gets wrong (the
database server is down, the SQLite file is read-only, a path cannot be written, a setting cannot be
read) travels up to `FaultReportingGroup`, the root command's class, which prints what failed and
what to do on standard error, with secrets redacted, and exits with 1. Anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import errno
import logging
from typing import Any

import typer
from pydantic import ValidationError
from rich.markup import escape

from bot.adapters.cli.help_format import HelpGroup
from bot.errors import MMSSCError
from bot.redaction import redact

log = logging.getLogger("bot.cli")

EXIT_FAILURE = 1


class FaultReportingGroup(HelpGroup):
    """The `mmssc` group: tidies the help, runs the command, and reports environment faults in one line."""

    def invoke(self, ctx: Any) -> Any:  # typer's own (vendored) click.Context
        try:
            return super().invoke(ctx)
        except Exception as error:
            line = describe_fault(error)
            if line is None:
                raise
            log.debug("environment fault", exc_info=error)  # the whole story with --verbose
            from bot.adapters.cli.common import error_console

            error_console.print(f"[bold red]Error:[/] {escape(redact(line))}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_FAILURE) from None


def describe_fault(error: BaseException) -> str | None:
    """What failed and what to do, for a fault of the environment; None for a bug, a usage error or an exit."""
    if isinstance(error, MMSSCError):
        return str(error)
    if isinstance(error, ValidationError) and error.title == "Settings":
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "?"
        if not name.startswith(("MMSSC_", "SLACK_", "DATABASE_URL")):
            name = f"MMSSC_{name}"
        return f"The setting {name} cannot be used ({first['msg']}). Fix that environment variable and try again."
    database_line = _database_fault(error)
    if database_line is not None:
        return database_line
    if isinstance(error, UnicodeDecodeError):
        return (f"A file is not valid UTF-8 ({error.reason} at byte {error.start}). Save it as UTF-8 and try "
                "again.")
    if isinstance(error, OSError) and error.errno != errno.EPIPE:
        where = f" {error.filename}" if error.filename else ""
        return f"Cannot use{where}: {error.strerror or error}. Check the path and its permissions."
    return None


def _database_fault(error: BaseException) -> str | None:
    from bot.adapters.cli.common import state
    from bot.storage.faults import explain_database_fault

    url = state.context.settings.resolved_database_url if state.context is not None else ""
    return explain_database_fault(error, url)
