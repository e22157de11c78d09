"""Tables the channels keep beside the audit trail: people's display names, deliveries already handled,
and the cards a channel posted (so a decision can update its card in place).

Unlike the audit trail these rows are channel state: display names are replaced when a person is
renamed, and a card row is marked closed once its card shows the outcome. The audit trail never
depends on them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.tables import NAME, SHORT, Base


class DisplayNameRow(Base):
    """The name a channel shows for a person (participants.name is the stable id, e.g. a Slack user id)."""

    __tablename__ = "display_names"

    person: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(NAME))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DeliveryRow(Base):
    """A channel delivery already handled (e.g. a Slack event id): a retry of it is dropped. Kept a day
    (Slack retries within minutes), then pruned."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("channel", "delivery_id"), Index("ix_deliveries_created_at", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(SHORT))
    delivery_id: Mapped[str] = mapped_column(String(NAME))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PostedCardRow(Base):
    """An interview card a channel posted with its buttons, until a decision closes it."""

    __tablename__ = "posted_cards"
    __table_args__ = (Index("ix_posted_cards_open", "channel", "person", "characteristic", "horizon"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(SHORT))
    person: Mapped[str] = mapped_column(String(NAME))
    assessment: Mapped[str] = mapped_column(String(NAME))
    characteristic: Mapped[str] = mapped_column(String(SHORT))
    horizon: Mapped[str] = mapped_column(String(SHORT))
    kind: Mapped[str] = mapped_column(String(SHORT))  # "question" or "suggestion"
    conversation: Mapped[str] = mapped_column(String(NAME))  # where it was posted (a Slack channel id)
    message_id: Mapped[str] = mapped_column(String(NAME))  # the message's id there (a Slack ts)
    content_json: Mapped[str] = mapped_column(Text)  # what the card shows without its buttons
    posted_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
