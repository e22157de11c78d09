"""Cards a channel posted with buttons on them, so that a decision can update them in place."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from bot.storage.channel_tables import PostedCardRow
from bot.storage.tables import Base


class PostedCard(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    assessment: str
    characteristic: str
    horizon: str
    kind: str
    conversation: str
    message_id: str
    content_json: str


def record_posted_card(session: Session, *, channel: str, person: str, assessment: str, characteristic: str,
                       horizon: str, kind: str, conversation: str, message_id: str, content_json: str,
                       now: datetime) -> None:
    session.execute(insert(_CARDS), {
        "channel": channel, "person": person, "assessment": assessment, "characteristic": characteristic,
        "horizon": horizon, "kind": kind, "conversation": conversation, "message_id": message_id,
        "content_json": content_json, "posted_at": now})


def close_open_cards(session: Session, *, channel: str, person: str, assessment: str, characteristic: str,
                     horizon: str, now: datetime, kind: str | None = None) -> list[PostedCard]:
    """Mark the open cards of one question (of one `kind`, or all) closed and return them, oldest first.
    Closing happens once: one `UPDATE ... RETURNING` writes and reads them (under SQLite's write lock; on
    PostgreSQL a second closer waits for the first's row locks, then finds them closed), so two processes
    closing at the same moment never both get a card."""
    values = {"b_channel": channel, "b_person": person, "b_assessment": assessment,
              "b_characteristic": characteristic, "b_horizon": horizon, "b_closed_at": now}
    if kind is None:
        rows = session.execute(_CLOSE_OPEN_CARDS, values).all()
    else:
        rows = session.execute(_CLOSE_OPEN_CARDS_OF_KIND, {**values, "b_kind": kind}).all()
    return [PostedCard.model_validate(row._asdict()) for row in sorted(rows, key=lambda row: row.id)]


_CARDS = Base.metadata.tables[PostedCardRow.__tablename__]
_OPEN_CARDS = (update(_CARDS).where(
    _CARDS.c.channel == bindparam("b_channel"), _CARDS.c.person == bindparam("b_person"),
    _CARDS.c.assessment == bindparam("b_assessment"), _CARDS.c.characteristic == bindparam("b_characteristic"),
    _CARDS.c.horizon == bindparam("b_horizon"), _CARDS.c.closed_at.is_(None)))
_CARD_COLUMNS = [_CARDS.c[name] for name in PostedCard.model_fields]
_CLOSE_OPEN_CARDS = _OPEN_CARDS.values(closed_at=bindparam("b_closed_at")).returning(*_CARD_COLUMNS)
_CLOSE_OPEN_CARDS_OF_KIND = (_OPEN_CARDS.where(_CARDS.c.kind == bindparam("b_kind"))
                             .values(closed_at=bindparam("b_closed_at")).returning(*_CARD_COLUMNS))
