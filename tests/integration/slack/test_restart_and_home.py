"""State lives in the database: a restarted (or second) bot resumes exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.adapters.slack.refs import ActionId, CardRef
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from tests.support.slack.mock_web_api import MockSlackWebApi

from .backends import BACKENDS
from .harness import card_ref, is_card, next_post, post_text, start_harness

ASSESSMENT = "Riverton 2026"


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_restart_mid_interview_resumes_exactly_where_it_was(
        kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> None:
    first = start_harness(kb, slack_settings, mock_api)
    first.command("/assess", f"new {ASSESSMENT}", "UFAC")
    first.wait_posts("CFACIL", 1)  # a person sees the assessment created before inviting anyone
    first.command("/assess", "invite <@UANA>", "UFAC")
    first.wait_posts("DUANA", 1)
    first.press("UANA", ActionId.START, CardRef(assessment=ASSESSMENT))
    next_post(first, "DUANA", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
    before = len(first.posts("DUANA"))
    first.dm("UANA", "We track outcome targets publicly, level 4.")
    card = next_post(first, "DUANA", before, lambda call: is_card(call, "1.1.1", "now", "suggestion"))
    first.stop()  # the process goes away with a suggestion on show

    second = start_harness(kb, slack_settings, mock_api)  # a new App, service and engine: only the database remains
    try:
        before = len(second.posts("DUANA"))
        second.press("UANA", ActionId.CONFIRM, card_ref(card))  # the card from before the restart still works
        two_years = next_post(second, "DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
        # the card posted by the first process is updated in place by the second: it is in the database
        decided = second.mock.updated_message("DUANA", card.response["ts"])
        assert decided["updates"] == 1 and "Level 4 confirmed by User UANA" in str(decided["blocks"])
        before = len(second.posts("DUANA"))
        second.dm("UANA", "pause")
        next_post(second, "DUANA", before, lambda call: "paused" in post_text(call).lower())
    finally:
        second.stop()

    third = start_harness(kb, slack_settings, mock_api)  # days later
    try:
        before = len(third.posts("DUANA"))
        third.dm("UANA", "resume")
        resumed = next_post(third, "DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
        assert card_ref(resumed) == card_ref(two_years)
        levels = {c.characteristic: c.level_now for c in third.service.scoring_input(ASSESSMENT).confirmed}
        assert levels == {"1.1.1": 4}
    finally:
        third.stop()


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_two_processes_over_one_database_behave_as_one(
        kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> None:
    one, two = start_harness(kb, slack_settings, mock_api), start_harness(kb, slack_settings, mock_api)
    try:
        one.command("/assess", f"new {ASSESSMENT}", "UFAC")
        one.wait_posts("CFACIL", 1)
        two.command("/assess", "invite <@UANA>", "UFAC")  # the other process knows the assessment
        two.wait_posts("DUANA", 1)
        one.press("UANA", ActionId.START, CardRef(assessment=ASSESSMENT))
        next_post(one, "DUANA", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
        before = len(one.posts("DUANA"))
        two.dm("UANA", "Targets are published, level 3.")
        card = next_post(two, "DUANA", before, lambda call: is_card(call, "1.1.1", "now", "suggestion"))
        before = len(one.posts("DUANA"))
        one.press("UANA", ActionId.CONFIRM, card_ref(card))
        next_post(one, "DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
        assert [c.level_now for c in two.service.scoring_input(ASSESSMENT).confirmed] == [3]
    finally:
        one.stop()
        two.stop()
