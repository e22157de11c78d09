"""'loading the model…' on standard error when the embedding model's first load takes more than a second.

A first `suggest`, `ask` or interview answer in a new process loads the model: 10-25 s on a busy
2-core machine. Standard error keeps `--json` output and piped transcripts clean.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from rich.console import Console

LOADING_MESSAGE = "loading the model…"
NOTICE_AFTER_SECONDS = 1.0


@contextmanager
def delayed_notice(console: Console, message: str, after: float = NOTICE_AFTER_SECONDS) -> Iterator[None]:
    """Print `message` on `console` if the block is still running `after` seconds in; otherwise nothing."""
    timer = threading.Timer(after, lambda: console.print(message, style="dim", highlight=False))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def model_loading_notice() -> AbstractContextManager[None]:
    """The hook `AppContext` wraps the model load in."""
    from bot.adapters.cli.common import error_console

    return delayed_notice(error_console, LOADING_MESSAGE)
