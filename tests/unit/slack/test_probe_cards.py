"""Until probe cards land, a probe reaches the DM as a plain message that shows its question."""

from __future__ import annotations

import json
from pathlib import Path

from bot.adapters.slack import blocks
from bot.interview.decisions import PendingSuggestion
from bot.interview.messages import Horizon
from bot.interview.replies import probe_reply
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import Probe, Suggestion


def test_a_probe_is_a_message_with_its_question_escaped(kb: KnowledgeBase) -> None:
    probe = Probe(level=3, conditions=["1.1.1/3/a"], question="Is the vision <published> & reviewed?")
    suggestion = Suggestion(characteristic="1.1.1", level=2, confidence=0.5, rationale="r", engine="fake",
                            knowledge_version="k", probe=probe)
    reply = probe_reply(kb, PendingSuggestion(id=1, suggestion=suggestion, input_text="a"), Horizon.NOW,
                        "question 1 of 31", 3)
    rendered = json.dumps(blocks.interview_blocks(reply, "Lisbon 2026", {}, str))
    assert "Is the vision &lt;published&gt; &amp; reviewed?" in rendered
    assert "Is the vision" in blocks.fallback_text(reply)
    assert "Confirm level" not in rendered  # nothing to confirm while a probe is asked


def test_the_slack_bot_asks_at_most_the_configured_probes(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.adapters.slack.slackbot import SlackBot
    from bot.config import EmbedderKind, Settings
    from bot.context import AppContext
    from tests.unit.interview.fakes import FakeEngine

    context = AppContext(Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING, max_probes=1))
    context.engine = FakeEngine(context.kb)  # type: ignore[misc]  # the cached engine, replaced by a fake
    with ThreadPoolExecutor(max_workers=1) as executor:
        bot = SlackBot(context, executor)
        try:
            assert bot.service.max_probes == 1
        finally:
            bot.service.database.dispose()
