"""Storage records: times as text, the same on every database."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.storage.records import iso
from bot.storage.tables import Base


def test_iso_times_are_utc_with_microseconds_and_a_z() -> None:
    assert iso(datetime(2026, 3, 2, 9, 0, 0)) == "2026-03-02T09:00:00.000000Z"
    assert iso(datetime(2026, 3, 2, 9, 0, 0, 5, tzinfo=UTC)) == "2026-03-02T09:00:00.000005Z"


def test_only_the_position_table_is_meant_to_change() -> None:
    """Every table but interview_positions is append-only, so none but it has a version column."""
    versioned = {table.name for table in Base.metadata.sorted_tables if "version" in table.columns}
    assert versioned == {"interview_positions"}
