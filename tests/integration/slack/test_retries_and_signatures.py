"""Slack's retries never record twice; bad or stale signatures are refused; acks come back at once."""

from __future__ import annotations

import json
import threading
import time

import pytest

from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Role
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import answers_of
from tests.support.slack.simulator import dm_message, event_callback

from .backends import BACKENDS
from .harness import SlackHarness, is_card, next_post

ASSESSMENT = "Riverton 2026"


def start_interview(slack: SlackHarness, user: str = "UANA") -> None:
    slack.service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                                    stakeholders=[user])
    slack.press(user, ActionId.START, CardRef(assessment=ASSESSMENT))
    next_post(slack, f"D{user}", 0, lambda call: is_card(call, "1.1.1", "now", "question"))


def stored_answers(slack: SlackHarness, user: str = "UANA") -> list[str]:
    with slack.service.database.session() as session:
        assessment = get_assessment(session, ASSESSMENT)
        return [a.text for a in answers_of(session, get_participant(session, assessment, user, Role.STAKEHOLDER).id)]


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_retried_event_records_the_answer_once(slack: SlackHarness) -> None:
    start_interview(slack)
    before = len(slack.posts("DUANA"))
    first = slack.dm("UANA", "Our strategy has outcome targets, level 3.", event_id="Ev0RETRY1")
    next_post(slack, "DUANA", before, lambda call: is_card(call, "1.1.1", "now", "suggestion"))
    # Slack thought the first delivery was lost and sends the very same event again, twice.
    retried = [slack.dm("UANA", "Our strategy has outcome targets, level 3.", event_id="Ev0RETRY1", retry_num=n)
               for n in (1, 2)]
    assert first.status == 200 and all(r.status == 200 for r in retried)
    time.sleep(0.5)  # give a wrongly duplicated reply the time to show up
    assert stored_answers(slack) == ["Our strategy has outcome targets, level 3."]
    assert len(slack.posts("DUANA")) == before + 1  # one suggestion card, no second one


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_an_event_and_its_retry_arriving_together_record_once(slack: SlackHarness) -> None:
    start_interview(slack)
    body = json.dumps(event_callback(dm_message("UANA", "The plan is written down, level 2."), "Ev0RACE"))
    results = []
    threads = [threading.Thread(target=lambda n=n: results.append(
        slack.sender.post(body, "application/json", retry_num=n))) for n in (None, 1, 2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status for r in results] == [200] * 4
    next_post(slack, "DUANA", 0, lambda call: is_card(call, "1.1.1", "now", "suggestion"))
    time.sleep(0.5)
    assert stored_answers(slack) == ["The plan is written down, level 2."]


def test_a_bad_signature_is_refused_and_nothing_happens(slack: SlackHarness) -> None:
    start_interview(slack)
    calls_before = len(slack.mock.calls())
    body = json.dumps(event_callback(dm_message("UANA", "level 5, trust me")))
    forged = slack.sender.post(body, "application/json", signature="v0=" + "0" * 64)
    assert forged.status == 401
    unsigned = slack.sender.post(body, "application/json", signature="")
    assert unsigned.status == 401
    time.sleep(0.3)
    assert stored_answers(slack) == []
    assert len(slack.mock.calls()) == calls_before


def test_a_stale_signature_is_refused(slack: SlackHarness) -> None:
    start_interview(slack)
    body = json.dumps(event_callback(dm_message("UANA", "level 5, replayed")))
    six_minutes_ago = int(time.time()) - 6 * 60
    stale = slack.sender.post(body, "application/json", timestamp=six_minutes_ago)  # correctly signed, but old
    assert stale.status == 401
    time.sleep(0.3)
    assert stored_answers(slack) == []


def test_acks_come_back_well_within_three_seconds(slack: SlackHarness) -> None:
    start_interview(slack)
    for n in range(5):
        slack.dm("UANA", f"status {n}" if n % 2 else "help")
    slowest = max(result.seconds for result in slack.sent)
    assert slowest < 1.0, f"slowest ack {slowest:.3f}s"


def test_a_press_on_an_old_card_is_refused_politely(slack: SlackHarness) -> None:
    start_interview(slack)
    before = len(slack.posts("DUANA"))
    slack.dm("UANA", "Our strategy has outcome targets, level 3.")
    card = next_post(slack, "DUANA", before, lambda call: is_card(call, "1.1.1", "now", "suggestion"))
    old = CardRef.parse(card.args["blocks"][-2]["block_id"])
    slack.press("UANA", ActionId.CONFIRM, old)
    next_post(slack, "DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    slack.press("UANA", ActionId.CONFIRM, old)  # a double press, or a press on the old card later
    note = slack.mock.wait_for("chat.postEphemeral", user="UANA")[0]
    assert "That card is no longer current: your interview has moved on" in note.args["text"]
    confirmed = slack.service.scoring_input(ASSESSMENT).confirmed
    assert [(c.characteristic, c.level_now, c.level_two_years) for c in confirmed] == [("1.1.1", 3, None)]
