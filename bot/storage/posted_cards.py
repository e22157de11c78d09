"""Cards a channel posted with buttons on them, so that a decision can update them in place."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.storage.channel_tables import PostedCardRow


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
    session.add(PostedCardRow(channel=channel, person=person, assessment=assessment, characteristic=characteristic,
                              horizon=horizon, kind=kind, conversation=conversation, message_id=message_id,
                              content_json=content_json, posted_at=now))


def close_open_cards(session: Session, *, channel: str, person: str, assessment: str, characteristic: str,
                     horizon: str, now: datetime, kind: str | None = None) -> list[PostedCard]:
    """Mark the open cards of one question (of one `kind`, or all) closed and return them, oldest first.
    Closing happens once: the rows are locked while they are read (SQLite's write lock, PostgreSQL's row
    locks), so two processes closing at the same moment never both get a card."""
    query = (select(PostedCardRow).where(
        PostedCardRow.channel == channel, PostedCardRow.person == person, PostedCardRow.assessment == assessment,
        PostedCardRow.characteristic == characteristic, PostedCardRow.horizon == horizon,
        PostedCardRow.closed_at.is_(None)).order_by(PostedCardRow.id).with_for_update())
    if kind is not None:
        query = query.where(PostedCardRow.kind == kind)
    rows = list(session.scalars(query))
    if rows:
        session.execute(update(PostedCardRow).where(PostedCardRow.id.in_([row.id for row in rows]))
                        .values(closed_at=now).execution_options(synchronize_session=False))
    return [PostedCard(id=row.id, assessment=row.assessment, characteristic=row.characteristic, horizon=row.horizon,
                       kind=row.kind, conversation=row.conversation, message_id=row.message_id,
                       content_json=row.content_json) for row in rows]
