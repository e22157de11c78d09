"""The part of a message that asks.

A long Slack message gives context first and asks later: "For the record, our comments on the maturity framework
are mostly about the resilience row. [...] What's the actual closing date for the vote?" What it asks for is in its
first question and what follows it (a trailing "honest opinion pls" is part of the ask); the sentences before say
why: a need stated there ("We want to scale the pilot to six hubs. Is there a funding call open?") is the
reason for asking, not what is asked, unless it names guidance itself ("We want guidance on baselining. What did
peer cities use?"). A message with no question mark, or that opens with its question, is read whole.
"""

from __future__ import annotations

from bot.retrieval.query import sentences_of


def split_at_the_ask(message: str) -> tuple[str, str]:
    """The context before the message's first question, and the message from that question on; no context when
    it has no question or opens with it."""
    sentences = sentences_of(message)
    first = next((i for i, sentence in enumerate(sentences) if "?" in sentence), 0)
    return (" ".join(sentences[:first]), " ".join(sentences[first:])) if first else ("", message)
