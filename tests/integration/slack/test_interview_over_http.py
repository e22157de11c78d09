"""A whole interview through Slack: signed events, commands and interactions over real HTTP, the bot's
Web API calls recorded by the mock, the answers and levels checked in the database."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Horizon, Outcome, Role
from bot.knowledge import KnowledgeBase
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import answers_of
from tests.support.slack.mock_web_api import RecordedCall
from tests.support.slack.simulator import SlackHttpResult

from .backends import BACKENDS
from .harness import BOT_TOKEN, SlackHarness, assert_within_slack_limits, card_ref, is_card, next_post, post_text

ASSESSMENT = "Riverton 2026"
ANA = "UANA"
DM = f"D{ANA}"


def act(slack: SlackHarness, check: Callable[[RecordedCall], bool], send: Callable[..., SlackHttpResult],
        *args: Any) -> RecordedCall:
    """Send something as Ana (`send(*args)`) and return the bot's first later message to her passing `check`."""
    before = len(slack.posts(DM))
    result = send(*args)
    assert result.status == 200, result
    return next_post(slack, DM, before, check)


def question(cid: str, horizon: str = "now") -> Callable[[RecordedCall], bool]:
    return lambda call: is_card(call, cid, horizon, "question")


def suggestion(cid: str, horizon: str = "now") -> Callable[[RecordedCall], bool]:
    return lambda call: is_card(call, cid, horizon, "suggestion")


def opened_view(slack: SlackHarness, count: int) -> dict[str, Any]:
    view = slack.mock.wait_for("views.open", count=count)[-1].args["view"]
    return json.loads(view) if isinstance(view, str) else view


def set_up_assessment(slack: SlackHarness) -> None:
    assert slack.command("/assess", f"new {ASSESSMENT}", "UFAC").status == 200
    slack.wait_posts("CFACIL", 1)
    assert slack.command("/assess", f"invite <@{ANA}|ana>", "UFAC").status == 200
    invitation = slack.wait_posts(DM, 1)[0]
    assert "Start" in post_text(invitation) and ASSESSMENT in post_text(invitation)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_whole_interview_through_slack(slack: SlackHarness, kb: KnowledgeBase) -> None:
    set_up_assessment(slack)
    ids = kb.characteristic_ids
    first = act(slack, question(ids[0]), slack.press, ANA, ActionId.START, CardRef(assessment=ASSESSMENT))
    assert "Question 1 of 31" in post_text(first)

    status = act(slack, lambda call: "Progress: 0/31" in post_text(call), slack.dm, ANA, "status")
    assert "1 Strategy management" in post_text(status)
    modals = 0
    for index, cid in enumerate(ids):
        variant = index % 5
        after: tuple[Any, ...]
        if variant == 0:  # answer, confirm the suggestion; two years: the "Same as now" button
            card = act(slack, suggestion(cid), slack.dm, ANA,
                       f"We publish a strategy with outcome targets: level {1 + index % 5}.")
            assert "Suggested level now" in post_text(card)
            two_years = act(slack, question(cid, "two_years"), slack.press, ANA, ActionId.CONFIRM, card_ref(card))
            after = (slack.press, ANA, ActionId.SAME, card_ref(two_years))
        elif variant == 1:  # a vague answer: the bot abstains and asks; the follow-up answer places it
            card = act(slack, suggestion(cid), slack.dm, ANA, "We are working on it & it is <complicated>.")
            assert "Who owns the strategy" in post_text(card)
            assert ActionId.CONFIRM.value not in post_text(card)
            card = act(slack, suggestion(cid), slack.dm, ANA, "The mayor owns it and it is written down: level 2.")
            act(slack, question(cid, "two_years"), slack.press, ANA, ActionId.CONFIRM, card_ref(card))
            after = (slack.dm, ANA, "4")
        elif variant == 2:  # choose another level in the menu, say why in the modal; two years: don't know
            card = act(slack, suggestion(cid), slack.dm, ANA, "Every department reports on it, level 4.")
            modals += 1
            assert slack.choose(ANA, ActionId.CHOOSE_LEVEL, card_ref(card).block_id(), 2).status == 200
            view = opened_view(slack, modals)
            assert view["callback_id"] == ActionId.OVERRIDE_MODAL.value
            two_years = act(slack, question(cid, "two_years"), slack.submit, ANA, view,
                            "Only two departments report so far.")
            after = (slack.press, ANA, ActionId.DONT_KNOW, card_ref(two_years))
        elif variant == 3:  # skip from the question card
            after = (slack.press, ANA, ActionId.SKIP, CardRef(assessment=ASSESSMENT, characteristic=cid))
        else:  # don't know from the question card
            after = (slack.press, ANA, ActionId.DONT_KNOW, CardRef(assessment=ASSESSMENT, characteristic=cid))
        if index + 1 < len(ids):
            nxt = act(slack, question(ids[index + 1]), *after)
            assert f"Question {index + 2} of 31" in post_text(nxt)
        else:
            done = act(slack, lambda call: ":tada:" in post_text(call), *after)
            assert "interview is complete" in post_text(done)

    assert all(result.status == 200 for result in slack.sent)
    assert max(result.seconds for result in slack.sent) < 3.0  # every ack well within Slack's 3 seconds
    for call in slack.mock.calls("chat.postMessage"):
        assert_within_slack_limits(call)
    assert BOT_TOKEN not in json.dumps([call.args for call in slack.mock.calls()])  # tokens never in replies
    confirmed = {c.characteristic: c for c in slack.service.scoring_input(ASSESSMENT).confirmed if c.stakeholder == ANA}
    assert set(confirmed) == set(ids)
    for index, cid in enumerate(ids):
        expected_now = {0: 1 + index % 5, 1: 2, 2: 2, 3: None, 4: None}[index % 5]
        expected_later = {0: 1 + index % 5, 1: 4, 2: None, 3: None, 4: None}[index % 5]
        assert (confirmed[cid].level_now, confirmed[cid].level_two_years) == (expected_now, expected_later), cid
    overridden = [c for c in confirmed.values() if c.overridden]
    assert {c.characteristic for c in overridden} == {cid for i, cid in enumerate(ids) if i % 5 == 2}
    review = slack.service.review(ASSESSMENT)
    reasons = {(r.characteristic, r.horizon): r for r in review.confirmations}
    assert reasons[(ids[2], Horizon.NOW)].reason == "Only two departments report so far."
    assert reasons[(ids[3], Horizon.NOW)].outcome == Outcome.SKIPPED
    with slack.service.database.session() as session:
        assessment = get_assessment(session, ASSESSMENT)
        stored = answers_of(session, get_participant(session, assessment, ANA, Role.STAKEHOLDER).id)
    assert stored[1].text == "We are working on it & it is <complicated>."  # Slack's &amp; &lt; undone
