"""`/assess` and `/standards` (and mentions) over HTTP: what facilitators and anyone else see."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.interview.messages import EventKind, InterviewEvent
from bot.knowledge import KnowledgeBase
from tests.support.slack.mock_web_api import MockSlackWebApi, shown
from tests.support.slack.simulator import app_mention, slack_escape

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
    assert "`/assess new &lt;community&gt; &lt;cycle&gt;`" in slack.command("/assess", "", "UFAC").body
    assert "Usage: `/assess new" in slack.command("/assess", "new Riverton", "UFAC").body
    assert "Ask a question" in slack.command("/standards", "   ", "UANY").body
    assert "&lt;!channel&gt;" in slack.command("/assess", "<!channel>", "UFAC").body  # echoed, never a ping


def test_status_shows_progress_per_stakeholder(slack: SlackHarness) -> None:
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    slack.wait_posts("CFACIL", 1)
    slack.command("/assess", "invite <@UANA> <@UBOB>", "UFAC")
    invited = slack.responses(1)[0]  # answered through the command's response_url, privately
    assert invited.args["response_type"] == "ephemeral"
    assert "Invited <@UANA>, <@UBOB>" in invited.args["text"]
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.START), "terminal")
    slack.service.handle(ASSESSMENT, "UANA", InterviewEvent(kind=EventKind.SKIP), "terminal")
    slack.command("/assess", "status", "UFAC")
    text = post_text(slack.responses(2)[1])
    assert "Progress: Riverton 2026" in text
    assert "User UANA — 1 of 31 · at 1.1.2 · 1 skipped" in text  # the names users.info gave (the mock's)
    assert "User UBOB — 0 of 31 · not started" in text


def test_only_facilitators_invite_or_see_status(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.command("/assess", "invite <@UEVE>", "UANA")  # a stakeholder, naming no assessment
    refusal = slack.responses(1)[0]
    assert shown(refusal.args["text"]).startswith("Only facilitators of 'Riverton 2026' can invite stakeholders.")
    slack.command("/assess", f"invite <@UEVE> {ASSESSMENT}", "UANA")
    assert "Only facilitators of 'Riverton 2026'" in shown(slack.responses(2)[1].args["text"])
    assert slack.service.show_assessment(ASSESSMENT).stakeholders == ["UANA"]
    slack.command("/assess", "status", "UEVE")  # takes part in nothing
    assert "You do not facilitate an assessment yet" in slack.responses(3)[2].args["text"]


def test_outsiders_learn_no_assessment_names(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.command("/assess", "status Rivertn 2026", "UEVE")
    slack.command("/assess", f"status {ASSESSMENT}", "UEVE")
    typo, exact = (shown(call.args["text"]) for call in slack.responses(2))
    assert typo == "You take part in no assessment named 'Rivertn 2026'."  # no "Did you mean: Riverton 2026?"
    assert exact == "You take part in no assessment named 'Riverton 2026'."  # the same as for a name that is not
    from bot.adapters.slack.refs import ActionId, CardRef

    slack.press("UEVE", ActionId.START, CardRef(assessment=ASSESSMENT))  # a crafted Start button
    told = slack.mock.wait_for("chat.postEphemeral", user="UEVE")[0]
    assert "not a stakeholder of that assessment" in told.args["text"] and "Riverton" not in post_text(told)


def test_another_facilitator_can_be_added(slack: SlackHarness) -> None:
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    slack.wait_posts("CFACIL", 1)
    slack.command("/assess", "facilitator <@UDEB>", "UFAC")
    slack.responses(1)
    assert slack.service.show_assessment(ASSESSMENT).facilitators == ["UDEB", "UFAC"]


def test_escaped_text_is_stored_as_typed_and_shown_once_escaped(slack: SlackHarness) -> None:
    slack.command("/assess", "new " + slack_escape("Lisbon & Porto <North> 2026"), "UFAC")
    announcement = slack.wait_posts("CFACIL", 1)[0]
    assert [a.name for a in slack.service.list_assessments()] == ["Lisbon & Porto <North> 2026"]
    assert "created the assessment *Lisbon & Porto <North> 2026*" in shown(post_text(announcement))
    assert "&amp;amp;" not in post_text(announcement)  # escaped exactly once
    assert "Lisbon & Porto <North> 2026" in shown(announcement.args["text"])
    slack.command("/assess", "status " + slack_escape("Lisbon & Porto <North> 2026"), "UFAC")
    assert "Progress: Lisbon & Porto <North> 2026" in post_text(slack.responses(1)[0])  # found by its real name


def test_a_hostile_assessment_name_is_escaped_in_the_announcement_text_too(slack: SlackHarness) -> None:
    slack.command("/assess", "new " + slack_escape("<!channel> <http://evil|click> 2026"), "UFAC")
    announcement = slack.wait_posts("CFACIL", 1)[0]
    assert "<!channel>" not in announcement.args["text"] and "&lt;!channel&gt;" in announcement.args["text"]
    assert "<http://evil" not in post_text(announcement)  # the mock also checks every text (violations)


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


def test_a_channel_the_bot_is_not_in_gets_a_private_answer_there(slack: SlackHarness) -> None:
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC", channel="CPRIVATE")
    created = slack.responses(1)[0]
    assert created.args["response_type"] == "ephemeral"
    assert "created the assessment *Riverton 2026*" in post_text(created)
    assert "/invite @mmssc" in post_text(created)
    assert slack.posts("DUFAC") == []  # answered where the command was typed, not in a DM
    slack.command("/assess", "report", "UFAC", channel="CPRIVATE")
    report = slack.responses(2)[1]
    assert "Results: Riverton 2026" in post_text(report) and "/invite @mmssc" in post_text(report)
    assert slack.mock.calls("files.getUploadURLExternal") == []


def test_a_rate_limited_post_is_retried(slack: SlackHarness) -> None:
    slack.mock.rate_limit_next("chat.postMessage", times=1, retry_after=0)
    slack.command("/assess", f"new {ASSESSMENT}", "UFAC")
    posts = slack.wait_posts("CFACIL", 2, timeout=15)  # the refused attempt, then the retry
    assert posts[0].response == {"ok": False, "error": "ratelimited"}
    assert posts[1].response["ok"] is True


def test_standards_command_answers_in_a_thread_with_cited_standards(indexed: SlackHarness,
                                                                     kb: KnowledgeBase) -> None:
    question = "we want an open data portal that startups & SMEs actually use"
    result = indexed.command("/standards", slack_escape(question), "UANY", channel="CGENERAL")
    assert result.status == 200
    asked, answer = indexed.wait_posts("CGENERAL", 2, timeout=60)
    assert f"<@UANY> asked: {question.replace('&', '&amp;')}" in post_text(asked)  # escaped once, not twice
    assert answer.args["thread_ts"] == asked.response["ts"]
    cited = [b["text"]["text"] for b in answer.args["blocks"][1:] if b["type"] == "section"]
    assert cited, post_text(answer)
    for line in cited:  # each headed by its readable reference, never a machine id
        reference = line.split("*")[1]
        assert reference.split(",")[0].split(" (")[0] in kb.standards_by_id, reference
    assert "annexB" not in json.dumps(answer.args["blocks"])
    assert "annexB:" not in post_text(answer) and "annexC:" not in post_text(answer)  # readable references only


def test_standards_in_a_channel_without_the_bot_are_answered_through_the_response_url(
        indexed: SlackHarness) -> None:
    indexed.command("/standards", "which standard helps with open data?", "UANY", channel="CELSEWHERE")
    answer = indexed.responses(1, timeout=60)[0]
    assert answer.args["response_type"] == "ephemeral"
    assert "ISO" in post_text(answer) and "/invite @mmssc" in post_text(answer)
    assert indexed.posts("DUANY") == []  # no DM complaining about not_in_channel


def test_a_mention_is_answered_in_its_thread_once_even_when_slack_retries(indexed: SlackHarness) -> None:
    mention = app_mention("UANY", "CGENERAL", "is there a standard for smart city infrastructure?")
    assert indexed.sender.event(mention, event_id="EvMENTION1").status == 200
    answer = indexed.wait_posts("CGENERAL", 1, timeout=60)[0]
    assert answer.args["thread_ts"] == mention["ts"]
    assert "ISO" in post_text(answer)
    for retry in (1, 2):  # Slack did not see the ack in time and delivers the same event again
        assert indexed.sender.event(mention, event_id="EvMENTION1", retry_num=retry).status == 200
    empty = app_mention("UANY", "CGENERAL", "")
    indexed.sender.event(empty)
    told = indexed.wait_posts("CGENERAL", 2)[1]
    assert "Ask a question" in told.args["text"] and told.args["thread_ts"] == empty["ts"]
    time.sleep(0.5)  # time for a wrongly repeated answer to show up
    assert len(indexed.posts("CGENERAL")) == 2


def test_a_retried_command_or_facilitator_message_is_answered_once(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"])
    from tests.support.slack.simulator import dm_message

    for retry in (None, 1):
        slack.dm("UFAC", "hello?", event_id="EvFACDM", retry_num=retry)
    told = slack.wait_posts("DUFAC", 1)[0]
    assert "You facilitate *Riverton 2026*" in post_text(told) and "/assess invite" in post_text(told)
    assert "not taking part" not in post_text(told)
    slack.sender.event(dm_message("UEVE", "hi"), event_id="EvEVEDM")
    assert "not taking part in an assessment yet" in post_text(slack.wait_posts("DUEVE", 1)[0])
    time.sleep(0.5)
    assert len(slack.posts("DUFAC")) == 1
