"""What SQL a piece of code runs: the statements sent to the database, and whether the ORM flushed.

>>> with statements_run(database.engine) as run:
...     close_open_cards(session, ...)
>>> run.statements          # ["UPDATE posted_cards SET closed_at=? WHERE ... RETURNING ..."]
>>> run.flushes             # ORM flushes (units of work) meanwhile: 0 when only Core statements ran
>>> run.orm_statements      # statements with ORM entities run through a session (compiled and loaded by the ORM)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import ORMExecuteState, Session


@dataclass
class StatementsRun:
    statements: list[str] = field(default_factory=list)
    flushes: int = 0
    orm_statements: int = 0

    def verbs(self) -> list[str]:
        """Each statement's first words ("SELECT", "INSERT INTO events", "UPDATE interview_positions")."""
        shown = []
        for statement in self.statements:
            words = statement.split()
            shown.append(" ".join(words[:3] if words[0] == "INSERT" else words[:2] if words[0] == "UPDATE"
                                  else words[:1]))
        return shown


@contextlib.contextmanager
def statements_run(engine: Engine) -> Iterator[StatementsRun]:
    """Record every statement `engine` sends (BEGIN included; COMMIT is not a statement), every ORM flush and
    every ORM statement."""
    run = StatementsRun()

    def executed(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        run.statements.append(" ".join(statement.split()))

    def flushed(*_: Any) -> None:
        run.flushes += 1

    def orm_executed(state: ORMExecuteState) -> None:
        run.orm_statements += state.is_orm_statement

    event.listen(engine, "before_cursor_execute", executed)
    event.listen(Session, "before_flush", flushed)
    event.listen(Session, "do_orm_execute", orm_executed)
    try:
        yield run
    finally:
        event.remove(engine, "before_cursor_execute", executed)
        event.remove(Session, "before_flush", flushed)
        event.remove(Session, "do_orm_execute", orm_executed)
