"""Cards that update in place once decided, double clicks, old cards, and one person's events in order."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Horizon
from tests.support.slack.cards import double_click, press_on
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall
from tests.support.slack.simulator import dm_message

from .backends import BACKENDS
from .harness import SlackHarness, card_ref, is_card, next_post, post_text, view_of

ASSESSMENT = "Riverton 2026"
DM = "DUANA"


@pytest.fixture(autouse=True)
def named(mock_api: MockSlackWebApi) -> None:
    mock_api.set_user("UANA", "Ana Lima")


def start(slack: SlackHarness) -> RecordedCall:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.press("UANA", ActionId.START, CardRef(assessment=ASSESSMENT))
    return next_post(slack, DM, 0, lambda call: is_card(call, "1.1.1", "now", "question"))


def suggestion_card(slack: SlackHarness, answer: str, horizon: str = "now") -> RecordedCall:
    before = len(slack.posts(DM))
    slack.dm("UANA", answer)
    return next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", horizon, "suggestion"))


def as_it_stands(slack: SlackHarness, call: RecordedCall) -> dict[str, Any]:
    """A card once it was updated (decided cards are updated right after the next message goes out)."""
    return slack.mock.updated_message(DM, call.response["ts"])


def decided(message: dict[str, Any]) -> tuple[str, bool]:
    """A card's last line and whether it still has buttons."""
    blocks = message["blocks"]
    return blocks[-1]["elements"][0]["text"], any(b["type"] == "actions" for b in blocks)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_confirmed_card_shows_the_outcome_in_place_and_loses_its_buttons(slack: SlackHarness) -> None:
    question = start(slack)
    card = suggestion_card(slack, "Outcome targets are published and tracked, level 3.")
    before = len(slack.posts(DM))
    slack.sender.interaction(press_on("UANA", card, ActionId.CONFIRM))
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert decided(as_it_stands(slack, card)) == ("\u2713 Level 3 confirmed by Ana Lima", False)
    assert decided(as_it_stands(slack, question)) == ("\u2713 Level 3 confirmed by Ana Lima", False)
    kept = json.dumps(as_it_stands(slack, card)["blocks"])
    assert "Suggested level now: 3" in kept and "MMSSC 1.1.1, level 3" in kept  # the content stays
    assert not any("Recorded for" in post_text(call) for call in slack.posts(DM))  # no separate "recorded" post
    updates = slack.mock.calls("chat.update")
    assert {call.args["ts"] for call in updates} == {card.response["ts"], question.response["ts"]}
    assert all(call.args["text"] == "\u2713 Level 3 confirmed by Ana Lima" for call in updates)


def test_a_typed_decision_updates_the_card_too(slack: SlackHarness) -> None:
    start(slack)
    card = suggestion_card(slack, "Every department reports against the targets, level 4.")
    before = len(slack.posts(DM))
    slack.dm("UANA", "yes")
    two_years = next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert decided(as_it_stands(slack, card)) == ("\u2713 Level 4 confirmed by Ana Lima", False)
    before = len(slack.posts(DM))
    slack.dm("UANA", "5 because the new plan is funded")
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.2", "now", "question"))
    assert decided(as_it_stands(slack, two_years)) == ("\u2713 Level 5 in two years chosen by Ana Lima", False)


def test_a_newer_suggestion_replaces_the_older_card(slack: SlackHarness) -> None:
    start(slack)
    vague = suggestion_card(slack, "We are working on it.")
    better = suggestion_card(slack, "The mayor owns it and it is written down: level 2.")
    line, buttons = decided(as_it_stands(slack, vague))
    assert line == "A newer suggestion below replaces this one." and not buttons
    assert card_ref(better).suggestion_id != card_ref(vague).suggestion_id


def test_an_override_in_the_modal_says_the_level_was_chosen_instead(slack: SlackHarness) -> None:
    start(slack)
    card = suggestion_card(slack, "Every department reports on it, level 4.")
    slack.choose("UANA", ActionId.CHOOSE_LEVEL, card_ref(card).block_id(), 2)
    view = view_of(slack.mock.wait_for("views.open")[0])
    before = len(slack.posts(DM))
    slack.submit("UANA", view, "Only two departments report so far.")
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert decided(as_it_stands(slack, card)) == ("\u2713 Level 2 chosen instead of the suggestion by Ana Lima",
                                                  False)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_double_click_records_once_and_warns_nobody(slack: SlackHarness) -> None:
    start(slack)
    card = suggestion_card(slack, "Outcome targets are published and tracked, level 3.")
    before = len(slack.posts(DM))
    double_click(slack.sender, "UANA", card, ActionId.CONFIRM)
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    note = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert "no longer current" in note.args["text"]
    time.sleep(0.5)  # time for a wrong warning or a second question to show up
    after = slack.posts(DM)[before:]
    assert not any(":warning:" in post_text(call) for call in after)
    assert len([call for call in after if is_card(call, "1.1.1", "two_years", "question")]) == 1
    confirmed = [c for c in slack.service.review(ASSESSMENT).confirmations if c.horizon == Horizon.NOW]
    assert [(c.characteristic, c.level) for c in confirmed] == [("1.1.1", 3)]


def test_an_old_card_pressed_later_gets_a_quiet_note_and_changes_nothing(slack: SlackHarness) -> None:
    question = start(slack)
    before = len(slack.posts(DM))
    slack.press("UANA", ActionId.SKIP, card_ref(question))
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.2", "now", "question"))
    slack.press("UANA", ActionId.DONT_KNOW, card_ref(question))  # the 1.1.1 card, long after
    note = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert note.args["channel"] == DM and "nothing was changed" in note.args["text"]
    outcomes = [(c.characteristic, c.outcome.value) for c in slack.service.review(ASSESSMENT).confirmations]
    assert outcomes == [("1.1.1", "skipped")]


def test_one_persons_events_are_handled_in_the_order_they_came(slack: SlackHarness) -> None:
    start(slack)
    card = suggestion_card(slack, "Outcome targets are published and tracked, level 3.")
    before = len(slack.posts(DM))
    # Confirm, then at once "same" for the two-year question: "same" must not overtake the confirmation.
    slack.sender.interaction(press_on("UANA", card, ActionId.CONFIRM))
    slack.sender.event(dm_message("UANA", "same"))
    next_post(slack, DM, before, lambda call: is_card(call, "1.1.2", "now", "question"))
    confirmed = {(c.characteristic, c.horizon.value): c.level for c in slack.service.review(ASSESSMENT).confirmations}
    assert confirmed == {("1.1.1", "now"): 3, ("1.1.1", "two_years"): 3}
    assert not any(":warning:" in post_text(call) for call in slack.posts(DM)[before:])
