"""Deliveries a channel already handled, so a retried delivery (Slack's X-Slack-Retry-Num) is dropped."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.channel_tables import DeliveryRow
from bot.storage.tables import NAME

KEPT_FOR = timedelta(days=1)  # Slack retries a delivery within minutes; older ids are pruned


def claim_delivery(session: Session, channel: str, delivery_id: str, now: datetime) -> bool:
    """True the first time `delivery_id` is claimed on `channel`; False for a retry, also when both
    arrive at the same moment in two processes (the unique constraint decides)."""
    key = delivery_id[:NAME]
    if session.scalar(select(DeliveryRow.id).where(DeliveryRow.channel == channel,
                                                   DeliveryRow.delivery_id == key)) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(DeliveryRow(channel=channel, delivery_id=key, created_at=now))
    except IntegrityError:
        return False
    session.execute(delete(DeliveryRow).where(DeliveryRow.created_at < now - KEPT_FOR))
    return True
