"""What a logger wrote, as its handlers would write it (after their filters)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collected_records(name: str) -> Iterator[tuple[logging.Logger, logging.Handler, list[str]]]:
    """The logger `name` with one handler that keeps every formatted record in the list it yields, not
    passed on to the root logger; removed afterwards."""
    logger = logging.getLogger(name)
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Collect()
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield logger, handler, records
    finally:
        logger.removeHandler(handler)
