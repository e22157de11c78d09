"""What every CLI command shares: the app context, consoles, and turning errors into exit codes."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from bot.adapters.cli.loading import model_loading_notice
from bot.config import Settings
from bot.context import AppContext
from bot.errors import InvalidInputError, KnowledgeBaseError, MMSSCError, NotFoundError, PermissionDeniedError
from bot.redaction import redact

console = Console()
error_console = Console(stderr=True)
log = logging.getLogger("bot.cli")

EXIT_USAGE = 2  # bad input: unknown id, empty answer...
EXIT_FAILURE = 1


class _State:
    context: AppContext | None = None

    def configure(self, settings: Settings) -> None:
        self.context = AppContext(settings, model_loading=model_loading_notice)

    @property
    def ctx(self) -> AppContext:
        if self.context is None:
            self.configure(Settings())
        assert self.context is not None
        return self.context


state = _State()


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a person can fix into a clear message and an exit code; never a trace."""
    try:
        yield
    except (InvalidInputError, NotFoundError, PermissionDeniedError) as error:
        error_console.print(f"[bold red]Error:[/] {said(error)}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from error
    except KnowledgeBaseError as error:
        error_console.print(f"[bold red]Knowledge base error:[/] {said(error)}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_FAILURE) from error
    except MMSSCError as error:
        log.debug("command failed", exc_info=error)
        error_console.print(f"[bold red]Error:[/] {said(error)}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_FAILURE) from error


def said(error: BaseException | str) -> str:
    """An error message ready for Rich: secrets redacted, and what a person typed never read as markup."""
    return escape(redact(str(error)))


def print_json(data: Any) -> None:
    """Print JSON to standard output, plain (no colour codes), for scripts."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False))
