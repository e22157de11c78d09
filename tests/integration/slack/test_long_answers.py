"""Long answers are kept whole in storage while every message stays within Slack's limits."""

from __future__ import annotations

from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Role
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import answers_of

from .harness import SlackHarness, assert_within_slack_limits, is_card, next_post, post_text

ASSESSMENT = "Riverton 2026"


def test_a_long_answer_is_stored_whole_and_messages_stay_within_limits(slack: SlackHarness) -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=["UANA"])
    slack.press("UANA", ActionId.START, CardRef(assessment=ASSESSMENT))
    next_post(slack, "DUANA", 0, lambda call: is_card(call, "1.1.1", "now", "question"))

    sentence = "Our vision & strategy <2030> names outcome targets for housing, transport and air quality. "
    huge = (sentence * 450)[:39_000]
    before = len(slack.posts("DUANA"))
    slack.dm("UANA", huge)  # Slack's own limit for a message is 40,000 characters
    told = next_post(slack, "DUANA", before)
    assert "39,000 characters" in post_text(told) and "saved in full" in post_text(told)

    long_but_usable = ("We publish the strategy and track it yearly. " * 420)[:18_000] + " level 4"
    before = len(slack.posts("DUANA"))
    slack.dm("UANA", long_but_usable)
    next_post(slack, "DUANA", before, lambda call: is_card(call, "1.1.1", "now", "suggestion"))

    with slack.service.database.session() as session:
        record = get_assessment(session, ASSESSMENT)
        stored = [a.text for a in answers_of(session, get_participant(session, record, "UANA", Role.STAKEHOLDER).id)]
    assert stored == [huge, long_but_usable]  # whole, and with & < > as typed
    for call in slack.posts("DUANA"):
        assert_within_slack_limits(call)
