"""`/assess` and `/standards` (and mentions) over HTTP: what facilitators and anyone else see."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.adapters.slack.mock_web_api import MockSlackWebApi
from bot.adapters.slack.simulator import app_mention
from bot.config import Settings
from bot.interview.messages import EventKind, InterviewEvent
from bot.knowledge import KnowledgeBase

from .harness import SlackHarness, post_text, start_harness

ASSESSMENT = "Riverton 2026"


@pytest.fixture
def indexed(kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> Iterator[SlackHarness]:
    """The bot answering "which standard" from the real retrieval index (hashing embedder, fast)."""
    harness = start_harness(kb, slack_settings, mock_api, standards_from_index=True)
    yield harness
    harness.stop()


def test_usage_errors_and_help_are_answered_in_the_ack(slack: SlackHarness) -> None:
    assert "Unknown `/assess frobnicate`" in slack.command("/assess", "frobnicate", "UFAC").body
    assert "`/assess new <community> <cycle>`" in slack.command("/assess", "", "UFAC").body
    assert "Usage: `/assess new" in slack.command("/assess", "new Riverton", "UFAC").body
    assert "Ask a question" in slack.command("/standards", "   ", "UANY").body


def test_status_shows_progress_per_stakeholder(slack: SlackHarness) -> None:
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    slack.wait_posts("CFACIL", 1)
    slack.command("/assess", "invite <@UANA> <@UBOB>", "UFAC")
    invited = slack.mock.wait_for("chat.postEphemeral", user="UFAC")[0]
    assert "Invited <@UANA>, <@UBOB>" in invited.args["text"]
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.START), "terminal")
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.SKIP), "terminal")
    slack.command("/assess", "status", "UFAC")
    status = slack.mock.wait_for("chat.postEphemeral", count=2, user="UFAC")[1]
    text = post_text(status)
    assert "Progress: Riverton 2026" in text
    assert "User UANA — 1 of 31 · at 1.1.2 · 1 skipped" in text  # the names users.info gave (the mock's)
    assert "User UBOB — 0 of 31 · not started" in text


def test_only_facilitators_invite_or_see_status(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.command("/assess", f"invite <@UEVE> {ASSESSMENT}", "UANA")
    refusal = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert refusal.args["text"] == "Only facilitators can do this."
    assert slack.service.show_assessment(ASSESSMENT).stakeholders == ["UANA"]
    slack.command("/assess", "status", "UEVE")  # facilitates nothing
    told = slack.mock.wait_for("chat.postEphemeral", user="UEVE")[0]
    assert "You do not facilitate an assessment yet" in told.args["text"]


def test_another_facilitator_can_be_added(slack: SlackHarness) -> None:
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    slack.wait_posts("CFACIL", 1)
    slack.command("/assess", "facilitator <@UDEB>", "UFAC")
    slack.mock.wait_for("chat.postEphemeral", user="UFAC")
    assert slack.service.show_assessment(ASSESSMENT).facilitators == ["UDEB", "UFAC"]


def test_report_posts_the_summary_and_the_radar_chart(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.START), "terminal")
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.TEXT, text="3 because it is so"), "terminal")
    slack.command("/assess", "report", "UFAC")
    summary = slack.wait_posts("CFACIL", 1)[0]
    assert "Results: Riverton 2026" in post_text(summary)
    completed = slack.mock.wait_for("files.completeUploadExternal", timeout=30)[0]
    assert completed.args["channel_id"] == "CFACIL"
    upload = slack.mock.calls("upload")[0]
    assert upload.args["_bytes"] > 10_000  # a real PNG went up


def test_a_channel_the_bot_cannot_post_in_is_reported_to_the_person(slack: SlackHarness) -> None:
    slack.mock.fail_next("chat.postMessage", "not_in_channel")
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC", channel="CPRIVATE")
    told = slack.wait_posts("DUFAC", 1)[0]
    assert "I could not reach <#CPRIVATE> (chat.postMessage: not_in_channel)" in told.args["text"]
    assert "/invite @mmssc" in told.args["text"]


def test_a_rate_limited_post_is_retried(slack: SlackHarness) -> None:
    slack.mock.rate_limit_next("chat.postMessage", times=1, retry_after=0)
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    posts = slack.wait_posts("CFACIL", 2, timeout=15)  # the refused attempt, then the retry
    assert posts[0].response == {"ok": False, "error": "ratelimited"}
    assert posts[1].response["ok"] is True


def test_standards_command_answers_in_a_thread_with_cited_standards(indexed: SlackHarness,
                                                                     kb: KnowledgeBase) -> None:
    result = indexed.command("/standards", "we want an open data portal that startups actually use", "UANY",
                             channel="CGENERAL")
    assert result.status == 200
    asked, answer = indexed.wait_posts("CGENERAL", 2, timeout=60)
    assert "<@UANY> asked: we want an open data portal" in post_text(asked)
    assert answer.args["thread_ts"] == asked.response["ts"]
    cited = [b["text"]["text"] for b in answer.args["blocks"][1:] if b["type"] == "section"]
    assert cited, post_text(answer)
    for line in cited:  # each headed by its readable reference, never a machine id
        reference = line.split("*")[1]
        assert reference.split(",")[0].split(" (")[0] in kb.standards_by_id, reference
    assert "annexB" not in json.dumps(answer.args["blocks"])


def test_a_mention_is_answered_in_its_thread(indexed: SlackHarness) -> None:
    mention = app_mention("UANY", "CGENERAL", "is there a standard for smart city infrastructure?")
    assert indexed.sender.event(mention).status == 200
    answer = indexed.wait_posts("CGENERAL", 1, timeout=60)[0]
    assert answer.args["thread_ts"] == mention["ts"]
    assert "ISO" in post_text(answer)
    empty = app_mention("UANY", "CGENERAL", "")
    indexed.sender.event(empty)
    told = indexed.wait_posts("CGENERAL", 2)[1]
    assert "Ask a question" in told.args["text"] and told.args["thread_ts"] == empty["ts"]
