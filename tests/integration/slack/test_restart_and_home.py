"""State lives in the database: a restarted (or second) bot resumes exactly; the App Home and consensus."""

from __future__ import annotations

from bot.adapters.slack.mock_web_api import MockSlackWebApi
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.simulator import app_home_opened
from bot.config import Settings
from bot.interview.messages import EventKind, InterviewEvent
from bot.knowledge import KnowledgeBase

from .harness import SlackHarness, card_ref, is_card, next_post, post_text, start_harness, view_of

ASSESSMENT = "Riverton 2026"


def test_a_restart_mid_interview_resumes_exactly_where_it_was(
        kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> None:
    first = start_harness(kb, slack_settings, mock_api)
    first.command("/assess", f"new {ASSESSMENT}", "UFAC")
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
        assert "level 4" in post_text(second.posts("DUANA")[before]).lower()
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


def two_stakeholders_who_disagree(slack: SlackHarness) -> None:
    service = slack.service
    service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                              stakeholders=["UANA", "UBOB"])
    for user, level in (("UANA", 1), ("UBOB", 4)):
        service.handle(ASSESSMENT, user, InterviewEvent(kind=EventKind.START), "terminal")
        service.handle(ASSESSMENT, user, InterviewEvent(kind=EventKind.TEXT, text=f"{level} because we said so"),
                       "terminal")


def test_the_app_home_shows_the_facilitator_review(slack: SlackHarness) -> None:
    two_stakeholders_who_disagree(slack)
    assert slack.sender.event(app_home_opened("UFAC")).status == 200
    view = view_of(slack.mock.wait_for("views.publish", user_id="UFAC")[0])
    assert view["type"] == "home"
    text = str(view)
    assert "Review: Riverton 2026" in text and "Disagreements* (1)" in text
    assert "<@UANA> 1 · <@UBOB> 4" in text
    assert any(b.get("accessory", {}).get("action_id") == ActionId.CONSENSUS for b in view["blocks"])

    assert slack.sender.event(app_home_opened("UANA")).status == 200
    own = view_of(slack.mock.wait_for("views.publish", user_id="UANA")[0])
    assert "Your interviews" in str(own) and "Review:" not in str(own)
    resume = next(b["accessory"] for b in own["blocks"] if b.get("accessory", {}).get("action_id") == ActionId.START)
    assert resume["text"]["text"] == "Resume"


def test_only_facilitators_can_set_the_consensus(slack: SlackHarness) -> None:
    two_stakeholders_who_disagree(slack)
    slack.sender.event(app_home_opened("UFAC"))
    view = view_of(slack.mock.wait_for("views.publish", user_id="UFAC")[0])
    menu = next(b for b in view["blocks"] if b.get("accessory", {}).get("action_id") == ActionId.CONSENSUS)

    # A stakeholder presses the facilitator's menu (a shared screen, a forwarded view, a crafted request).
    assert slack.choose("UBOB", ActionId.CONSENSUS, menu["block_id"], 5, view=view).status == 200
    refusal = slack.mock.wait_for("chat.postEphemeral", user="UBOB")[0]
    assert refusal.args["text"] == "Only facilitators can do this."
    assert slack.service.review(ASSESSMENT).consensus == []

    assert slack.choose("UFAC", ActionId.CONSENSUS, menu["block_id"], 2, view=view).status == 200
    slack.mock.wait_for("views.publish", count=2, user_id="UFAC")
    consensus = slack.service.review(ASSESSMENT).consensus
    assert [(c.characteristic, c.level_now, c.set_by) for c in consensus] == [("1.1.1", 2, "UFAC")]
    assert "UANA 1, UBOB 4" in consensus[0].reason
    refreshed = view_of(slack.mock.wait_for("views.publish", count=2, user_id="UFAC")[1])
    assert "consensus *2*" in str(refreshed)
