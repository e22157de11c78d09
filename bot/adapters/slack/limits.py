"""Slack's size limits, and cutting text to fit them for display (storage always keeps it whole)."""

from __future__ import annotations

SECTION_TEXT = 3000
HEADER_TEXT = 150
CONTEXT_TEXT = 2000
CONTEXT_ELEMENTS = 10
BUTTON_TEXT = 75
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
MESSAGE_TEXT = 40_000
FALLBACK_TEXT = 3000  # notification text: well under MESSAGE_TEXT, readable in a push notification
BLOCK_ID = 255
ACTION_VALUE = 2000
PRIVATE_METADATA = 3000

ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in "…" when something was cut."""
    if len(text) <= limit:
        return text
    return text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
