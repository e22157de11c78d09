"""Display names of people: what a channel shows instead of the stored id (e.g. "Ana Lima" for U0123ABC)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.channel_tables import DisplayNameRow
from bot.storage.tables import NAME


def display_names(session: Session, people: Iterable[str] | None = None) -> dict[str, str]:
    """The stored display name of each of `people` that has one (of everyone when None)."""
    query = select(DisplayNameRow.person, DisplayNameRow.display_name)
    if people is not None:
        wanted = sorted(set(people))
        if not wanted:
            return {}
        query = query.where(DisplayNameRow.person.in_(wanted))
    return {person: name for person, name in session.execute(query)}


def save_display_names(session: Session, names: Mapping[str, str], now: datetime) -> list[str]:
    """Store or replace display names (cut to the column's size); returns the people whose name changed."""
    changed = []
    stored = display_names(session, names)
    for person, raw in sorted(names.items()):
        name = " ".join(raw.split())[:NAME]
        if not name or stored.get(person) == name:
            continue
        row = session.get(DisplayNameRow, person)
        if row is None:
            session.add(DisplayNameRow(person=person, display_name=name, updated_at=now))
        else:
            row.display_name, row.updated_at = name, now
        changed.append(person)
    session.flush()
    return changed
