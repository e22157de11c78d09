"""Probe cards over HTTP: answered with a button or typed, updated in place with the reply, "Suggest a level
now", double clicks, retried deliveries and old probe cards. The engine asks a probe for each "[P4]" mark
of the answer; a reply starting with "yes" (or the Yes button) lifts the level to the probe's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.slack.refs import ActionId, CardRef
from bot.config import Settings
from bot.interview.messages import Horizon, Outcome
from bot.knowledge import KnowledgeBase
from bot.storage.tables import AnswerRow
from bot.suggestion.models import ProbeAnswer
from tests.support.fakes import FakeEngine
from tests.support.slack.cards import card_of, double_click, is_card_after_answer, press_on, probe_button
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall

from .backends import BACKENDS
from .harness import SlackHarness, is_card, next_post, post_text, start_harness

ASSESSMENT = "Riverton 2026"
DM = "DUANA"


@pytest.fixture
def slack(kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> Iterator[SlackHarness]:
    mock_api.set_user("UANA", "Ana Lima")
    harness = start_harness(kb, slack_settings, mock_api, engine=FakeEngine(kb))
    harness.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                      stakeholders=["UANA"])
    harness.press("UANA", ActionId.START, CardRef(assessment=ASSESSMENT))
    next_post(harness, DM, 0, lambda call: is_card(call, "1.1.1", "now", "question"))
    yield harness
    harness.stop()


def card_after(slack: SlackHarness, before: int, horizon: str = "now") -> RecordedCall:
    """The probe or suggestion card that follows an answer or a probe reply."""
    return next_post(slack, DM, before, lambda call: is_card_after_answer(call, "1.1.1", horizon))


def say(slack: SlackHarness, text: str, **kwargs: Any) -> RecordedCall:
    before = len(slack.posts(DM))
    slack.dm("UANA", text, **kwargs)
    return card_after(slack, before)


def press(slack: SlackHarness, call: RecordedCall, action_id: ActionId) -> RecordedCall:
    before = len(slack.posts(DM))
    slack.sender.interaction(press_on("UANA", call, action_id))
    return card_after(slack, before)


def as_it_stands(slack: SlackHarness, call: RecordedCall) -> tuple[str, bool, str]:
    """A card once updated: its last line, whether it kept buttons, and everything it shows."""
    blocks = slack.mock.updated_message(DM, call.response["ts"])["blocks"]
    return blocks[-1]["elements"][0]["text"], any(b["type"] == "actions" for b in blocks), str(blocks)


def probe_replies(slack: SlackHarness) -> list[tuple[str, str | None]]:
    with slack.service.database.session() as session:
        rows = session.scalars(select(AnswerRow).where(AnswerRow.kind == "probe_reply").order_by(AnswerRow.id))
        return [(row.text, row.probe_answer) for row in rows]


def no_warnings(slack: SlackHarness) -> bool:
    return not any(":warning:" in post_text(call) for call in slack.posts(DM))


def test_a_probe_is_answered_by_a_button_or_typed_and_its_card_shows_the_reply(slack: SlackHarness) -> None:
    first = say(slack, "We have a strategy [L2] [P3] [P4]")
    card = card_of(first)
    assert card is not None and card.kind == "probe" and card.ref.suggestion_id is not None
    shown = post_text(first)
    assert "Is level 3 of 1.1.1 in place?" in shown and "before a level: question 1 of at most 3" in shown
    assert "Suggested" not in shown  # no level is shown with a probe

    second = press(slack, first, probe_button(ProbeAnswer.PARTLY))
    assert "before a level: question 2 of at most 3" in post_text(second)
    line, buttons, content = as_it_stands(slack, first)
    assert (line, buttons) == ("You answered: Partly", False) and "Is level 3 of 1.1.1 in place?" in content

    suggestion = say(slack, "yes, since 2021 <for real>")
    assert card_of(suggestion) is not None and card_of(suggestion).kind == "suggestion"  # type: ignore[union-attr]
    assert "*Suggested level now: 4" in post_text(suggestion)  # the typed yes to level 4 counted
    line, buttons, _ = as_it_stands(slack, second)
    assert (line, buttons) == ("You answered: \u201cyes, since 2021 &lt;for real&gt;\u201d", False)
    assert probe_replies(slack) == [("", "partly"), ("yes, since 2021 <for real>", None)]
    assert no_warnings(slack)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_double_click_on_a_probe_button_answers_once_and_notes_the_second_quietly(slack: SlackHarness) -> None:
    probe = say(slack, "We have a strategy [L2] [P3] [P4]")
    before = len(slack.posts(DM))
    double_click(slack.sender, "UANA", probe, probe_button(ProbeAnswer.YES))
    card_after(slack, before)
    note = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert "no longer current" in note.args["text"] and "nothing was changed" in note.args["text"]
    time.sleep(0.5)  # time for a wrong warning or a second card to show up
    assert len([c for c in slack.posts(DM)[before:] if is_card_after_answer(c, "1.1.1", "now")]) == 1
    assert probe_replies(slack) == [("", "yes")] and no_warnings(slack)
    assert as_it_stands(slack, probe)[:2] == ("You answered: Yes", False)


def test_a_retried_delivery_of_a_typed_reply_is_read_once(slack: SlackHarness) -> None:
    say(slack, "We have a strategy [L2] [P3] [P4]")
    before = len(slack.posts(DM))
    slack.dm("UANA", "partly, only in transport", event_id="EvREPLY1")
    slack.dm("UANA", "partly, only in transport", event_id="EvREPLY1", retry_num=1)
    card_after(slack, before)
    time.sleep(0.5)
    assert len([c for c in slack.posts(DM)[before:] if is_card_after_answer(c, "1.1.1", "now")]) == 1
    assert probe_replies(slack) == [("partly, only in transport", None)]


def test_suggest_now_shows_the_level_and_an_old_probe_card_then_changes_nothing(slack: SlackHarness) -> None:
    probe = say(slack, "We have a strategy [L2] [P3] [P4]")
    suggestion = press(slack, probe, ActionId.SUGGEST_NOW)
    assert "*Suggested level now: 2" in post_text(suggestion) and "(not settled)" in post_text(suggestion)
    assert as_it_stands(slack, probe)[:2] == ("You asked for a level now instead.", False)
    # the probe card as it was posted, pressed later: the same suggestion is on show, but no probe is asked
    slack.sender.interaction(press_on("UANA", probe, probe_button(ProbeAnswer.NO)))
    note = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert "no longer current" in note.args["text"]
    before = len(slack.posts(DM))
    slack.sender.interaction(press_on("UANA", suggestion, ActionId.CONFIRM))
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    confirmed = [(c.characteristic, c.level, c.outcome) for c in slack.service.review(ASSESSMENT).confirmations]
    assert confirmed == [("1.1.1", 2, Outcome.CONFIRMED)]
    assert probe_replies(slack) == [] and no_warnings(slack)


def test_a_level_typed_at_a_probe_decides_the_question_and_closes_its_probe_card(slack: SlackHarness) -> None:
    probe = say(slack, "We have a strategy [L2] [P3]")
    before = len(slack.posts(DM))
    slack.dm("UANA", "4 because every department reports on it")
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    line, buttons, _ = as_it_stands(slack, probe)
    assert (line, buttons) == ("\u2713 Level 4 chosen instead of the suggestion by Ana Lima", False)
    probe_two_years = say_two_years(slack, "By 2027 the targets are adopted [L4] [P5]")
    assert "level in two years" in post_text(probe_two_years)
    suggestion = press_two_years(slack, probe_two_years, probe_button(ProbeAnswer.UNSURE))
    assert as_it_stands(slack, probe_two_years)[:2] == ("You answered: Not sure", False)
    assert "Suggested level in two years" in post_text(suggestion)
    levels = {(c.horizon, c.level) for c in slack.service.review(ASSESSMENT).confirmations}
    assert levels == {(Horizon.NOW, 4)}


def say_two_years(slack: SlackHarness, text: str) -> RecordedCall:
    before = len(slack.posts(DM))
    slack.dm("UANA", text)
    return card_after(slack, before, "two_years")


def press_two_years(slack: SlackHarness, call: RecordedCall, action_id: ActionId) -> RecordedCall:
    before = len(slack.posts(DM))
    slack.sender.interaction(press_on("UANA", call, action_id))
    return card_after(slack, before, "two_years")
