"""A probe in Slack is a card: its question, where it stands, Yes / Partly / No / Not sure and "Suggest a
level now"; its buttons carry the suggestion kept back; once answered it keeps its content and shows the reply."""

from __future__ import annotations

import json
from pathlib import Path

from bot.adapters.slack import blocks, card_blocks
from bot.adapters.slack.refs import PROBE_ANSWER_OF, ActionId, CardRef
from bot.interview.decisions import PendingSuggestion
from bot.interview.messages import Horizon, Reply
from bot.interview.replies import probe_done_reply, probe_reply
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import Probe, ProbeAnswer, ProbeExchange, Suggestion

from .snapshot import assert_snapshot

HOSTILE = "Is the vision <published> & reviewed by <!channel>?"


def pending(question: str = HOSTILE, exchanges: int = 0) -> PendingSuggestion:
    probe = Probe(level=3, conditions=["1.1.1/3/a"], question=question)
    suggestion = Suggestion(characteristic="1.1.1", level=2, confidence=0.5, rationale="r", engine="fake",
                            knowledge_version="k", probe=probe)
    earlier = [ProbeExchange(probe=probe, reply="yes")] * exchanges
    return PendingSuggestion(id=42, suggestion=suggestion, input_text="a", exchanges=earlier)


def asked(kb: KnowledgeBase, horizon: Horizon = Horizon.NOW, exchanges: int = 0) -> Reply:
    """A probe as the interview sends it, with the id of the suggestion kept back (as the service adds it)."""
    reply = probe_reply(kb, pending(exchanges=exchanges), horizon, 1, 31, 3)
    return reply.model_copy(update={"suggestion_id": 42})


def actions_of(rendered: list[blocks.Block]) -> blocks.Block:
    return next(b for b in rendered if b["type"] == "actions")


def test_probe_card_snapshot(kb: KnowledgeBase) -> None:
    assert_snapshot("probe", card_blocks.interview_blocks(asked(kb), "Riverton 2026", {}, str))


def test_a_probe_card_asks_its_question_escaped_and_says_where_it_stands(kb: KnowledgeBase) -> None:
    rendered = card_blocks.interview_blocks(asked(kb, exchanges=1), "Riverton 2026", {}, str)
    text = json.dumps(rendered, ensure_ascii=False)
    assert "*Is the vision &lt;published&gt; &amp; reviewed by &lt;!channel&gt;?*" in text
    assert "<!channel>" not in text and "<published>" not in text
    assert "_level now_ \u00b7 before a level: question 2 of at most 3" in text and "Question 1 of 31" in text
    assert "1.1.1/3/a" not in text and "Confirm level" not in text  # no machine ids; nothing to confirm yet
    later = json.dumps(card_blocks.interview_blocks(asked(kb, Horizon.TWO_YEARS), "Riverton 2026", {}, str))
    assert "level in two years" in later


def test_its_buttons_answer_the_probe_or_ask_for_a_level_and_carry_the_card(kb: KnowledgeBase) -> None:
    actions = actions_of(card_blocks.interview_blocks(asked(kb), "Riverton 2026", {}, str))
    labels = [e["text"]["text"] for e in actions["elements"]]
    assert labels == ["Yes", "Partly", "No", "Not sure", "Suggest a level now"]
    ids = [e["action_id"] for e in actions["elements"]]
    assert len(set(ids)) == len(ids)  # Slack requires unique action ids in a block
    assert [PROBE_ANSWER_OF[ActionId(i)] for i in ids[:4]] == [ProbeAnswer.YES, ProbeAnswer.PARTLY, ProbeAnswer.NO,
                                                               ProbeAnswer.UNSURE]
    assert ids[4] == ActionId.SUGGEST_NOW
    expected = CardRef(assessment="Riverton 2026", characteristic="1.1.1", suggestion_id=42, probe=True)
    assert {CardRef.parse(e["value"]) for e in actions["elements"]} == {expected}
    assert CardRef.parse(actions["block_id"]) == expected


def test_the_fallback_text_is_readable_and_escaped(kb: KnowledgeBase) -> None:
    fallback = card_blocks.fallback_text(asked(kb))
    assert fallback.startswith("1.1.1 An outcomes-focused city vision and strategy: Is the vision &lt;published&gt;")
    assert "<!channel>" not in fallback and "42" not in fallback and "1.1.1/3/a" not in fallback


def test_an_answered_probe_card_keeps_its_question_and_shows_the_reply_without_buttons(kb: KnowledgeBase) -> None:
    rendered = card_blocks.interview_blocks(asked(kb), "Riverton 2026", {}, str)
    typed = "partly, <only> in transport"
    for answer, said, line in [(ProbeAnswer.PARTLY, None, "You answered: Partly"),
                               (None, typed, f"You answered: \u201c{typed}\u201d"),
                               (None, None, "You asked for a level now instead.")]:
        done = probe_done_reply(pending(), Horizon.NOW, answer, said)
        assert done.text == line and done.characteristic == "1.1.1" and done.probe_number == 1
        updated = card_blocks.decided_card(card_blocks.card_content(rendered), blocks.escape(done.text))
        assert not any(b["type"] == "actions" for b in updated)
        assert "Press a button" not in json.dumps(updated)  # the how-to-answer line goes with the buttons
        assert updated[1] == rendered[1] and "question 1 of at most 3" in json.dumps(updated)
        assert updated[-1]["elements"][0]["text"] == blocks.escape(line)


def test_the_slack_bot_asks_at_most_the_configured_probes(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.adapters.slack.slackbot import SlackBot
    from bot.config import EmbedderKind, Settings
    from bot.context import AppContext
    from tests.support.fakes import FakeEngine

    context = AppContext(Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING, max_probes=1))
    context.engine = FakeEngine(context.kb)  # type: ignore[misc]  # the cached engine, replaced by a fake
    with ThreadPoolExecutor(max_workers=1) as executor:
        bot = SlackBot(context, executor)
        try:
            assert bot.service.max_probes == 1
        finally:
            bot.service.database.dispose()
