"""The adapter's edges: Slack's escaping undone once, delivery ids, one person's work in order, decided cards."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.adapters.slack import blocks, card_blocks
from bot.adapters.slack.commands import slack_text_to_plain
from bot.adapters.slack.ordering import PerPersonQueue
from bot.adapters.slack.refs import CardRef
from bot.adapters.slack.slackbot import delivery_id, person_of
from bot.interview.messages import CardPosition, Horizon, Outcome, Reply, ReplyKind
from bot.suggestion.models import Suggestion


@pytest.mark.parametrize("delivered, typed", [
    ("data sharing &amp; privacy", "data sharing & privacy"),
    ("a &lt;b&gt; &amp;amp; c", "a <b> &amp; c"),  # undone once: what the person typed was "&amp;"
    ("see <https://example.org/x?a=1&amp;b=2|example.org>", "see example.org"),
    ("see <https://example.org>", "see https://example.org"),
    ("ask <#C0123|general> and <!here>", "ask #general and @here"),
    ("thanks <@U0123ABC>", "thanks <@U0123ABC>"),  # people stay their stable id
])
def test_slack_text_becomes_what_the_person_typed(delivered: str, typed: str) -> None:
    assert slack_text_to_plain(delivered) == typed


def test_each_delivery_has_a_stable_id_and_a_person() -> None:
    event = {"event_id": "Ev1", "event": {"type": "app_mention", "user": "UANA"}}
    command = {"command": "/assess", "trigger_id": "1.2.3", "user_id": "UFAC"}
    press = {"type": "block_actions", "user": {"id": "UBOB"}, "actions": [{"action_ts": "9.1", "action_id": "x"}]}
    submission = {"type": "view_submission", "user": {"id": "UFAC"}, "view": {"id": "V1", "hash": "h"}}
    assert [delivery_id(b) for b in (event, command, press, submission)] == [
        "event:Ev1", "command:1.2.3", "action:9.1:UBOB:x", "view:V1:h"]
    assert [person_of(b) for b in (event, command, press, submission)] == ["UANA", "UFAC", "UBOB", "UFAC"]
    assert delivery_id({"type": "url_verification"}) is None


def test_one_persons_work_runs_in_order_and_others_run_alongside() -> None:
    done: list[str] = []
    lock = threading.Lock()
    release = threading.Event()

    def work(name: str, wait: bool = False) -> None:
        if wait:
            release.wait(5)
        with lock:
            done.append(name)

    with ThreadPoolExecutor(max_workers=4) as pool:
        queue = PerPersonQueue(pool)
        queue.submit("UANA", lambda: work("ana-1", wait=True))
        for n in range(2, 6):
            queue.submit("UANA", lambda n=n: work(f"ana-{n}"))
        queue.submit("UBOB", lambda: work("bob-1"))
        deadline = time.monotonic() + 5
        while "bob-1" not in done and time.monotonic() < deadline:
            time.sleep(0.01)
        assert done == ["bob-1"]  # Bob is not held up by Ana's slow first step
        release.set()
    assert [name for name in done if name.startswith("ana")] == [f"ana-{n}" for n in range(1, 6)]


def test_a_failing_task_does_not_stop_the_persons_queue() -> None:
    done: list[int] = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        queue = PerPersonQueue(pool)
        queue.submit("UANA", lambda: (_ for _ in ()).throw(RuntimeError("boom")))
        queue.submit("UANA", lambda: done.append(2))
    assert done == [2]


@pytest.mark.parametrize("outcome, level, horizon, words", [
    (Outcome.CONFIRMED, 3, "now", "\u2713 Level 3 confirmed by Ana Lima"),
    (Outcome.OVERRIDDEN, 2, "now", "\u2713 Level 2 chosen instead of the suggestion by Ana Lima"),
    (Outcome.CHOSEN, 4, "two_years", "\u2713 Level 4 in two years chosen by Ana Lima"),
    (Outcome.DONT_KNOW, None, "now", "\u2713 \u201cDon't know\u201d recorded by Ana Lima"),
    (Outcome.SKIPPED, None, "two_years", "\u2713 Skipped in two years by Ana Lima"),
])
def test_a_decided_card_says_what_was_decided_and_by_whom(outcome: Outcome, level: int | None, horizon: str,
                                                         words: str) -> None:
    assert card_blocks.outcome_words(outcome, level, horizon, "Ana Lima") == words


def test_a_decided_card_keeps_its_content_and_drops_its_buttons_and_hint() -> None:
    card = [blocks.section("*Suggested*"), blocks.context("MMSSC 1.1.1, level 3: ..."),
            {"type": "actions", "block_id": "{}", "elements": []},
            {**blocks.context("_level now_ · reply here"), "block_id": card_blocks.CARD_HINT}]
    decided = card_blocks.decided_card(card_blocks.card_content(card), "\u2713 Level 3 confirmed by Ana &lt;x&gt;")
    assert [b["type"] for b in decided] == ["section", "context", "context"]
    assert decided[-1]["elements"][0]["text"] == "\u2713 Level 3 confirmed by Ana &lt;x&gt;"


def test_notification_texts_are_escaped_and_name_no_knowledge_base_ids() -> None:
    suggestion = Suggestion(characteristic="1.1.1", level=3, confidence=0.7, rationale="r", engine="e",
                            knowledge_version="v")
    card = Reply(kind=ReplyKind.SUGGESTION, text="Suggested level 3 ...\n• 1.1.1/L3: criteria", horizon="now",
                 suggestion=suggestion, characteristic="1.1.1")
    assert card_blocks.fallback_text(card, {3: "Defined"}) == ("Suggested level now for 1.1.1: level 3 Defined. "
                                                               "Confirm it or choose another level.")
    from bot.retrieval.standards import StandardHit

    hit = StandardHit(id="ISO 37106", ref="B8", why="w", source="annexB:2.2:1", score=1.0,
                      reference="ISO 37106, sub-component B8 (Annex B)")
    standards = Reply(kind=ReplyKind.STANDARDS, text="1. ISO 37106: why [annexB:2.2:1]", standards=[hit])
    assert card_blocks.fallback_text(standards) == "Standards that help: ISO 37106, sub-component B8 (Annex B)"
    assert blocks.plain_fallback("Ping <!channel> & co") == "Ping &lt;!channel&gt; &amp; co"


def test_a_card_carries_its_position_back_to_the_interview() -> None:
    ref = CardRef(assessment="A", characteristic="1.1.1", horizon="two_years", suggestion_id=42)
    assert CardRef.parse(ref.value()) == ref and CardRef.parse(ref.block_id()).suggestion_id == 42
    assert ref.position() == CardPosition(characteristic="1.1.1", horizon=Horizon.TWO_YEARS, suggestion_id=42)
    assert CardRef(assessment="A").position() is None  # the Start button is no card of a question
