"""A whole assessment the way Slack drives it: `mmssc serve` as a real process over HTTP, signed requests,
and a mock Web API that enforces Slack's rules (membership, one modal per trigger within 3 s, chat.update
on existing messages only, mrkdwn escaped once). New, invite, two stakeholders answering, confirm and
override, a double click, a retried event, the Home review, consensus, status and the report."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.review_blocks import LEVEL_NOW, LEVEL_TWO_YEARS
from bot.config import EmbedderKind, Settings
from bot.interview.messages import Horizon, Outcome
from bot.storage import Database
from bot.storage.assessments import get_assessment
from bot.storage.review import latest_confirmations, latest_consensus
from tests.support.slack.bot_processes import BotProcesses, child_environment
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall, shown
from tests.support.slack.simulator import (
    SignedSlackSender,
    app_home_opened,
    block_action,
    dm_message,
    slack_escape,
    view_submission,
)

from .harness import BOT_TOKEN, SIGNING_SECRET, card_ref, is_card, post_text, view_of

ASSESSMENT = "Riverton & Co 2026"
PEOPLE = {"UANA": "Ana Lima", "UBOB": "Bob Stone", "UFAC": "Fay Costa"}


class Slack:
    """Slack's side of the conversation with one `mmssc serve` process."""

    def __init__(self, mock: MockSlackWebApi, sender: SignedSlackSender):
        self.mock, self.sender = mock, sender

    def command(self, text: str, user: str = "UFAC", command: str = "/assess") -> RecordedCall | None:
        before = len(self.mock.calls("response_url"))
        assert self.sender.command(command, text, user, "CFACIL").status == 200
        if command != "/assess" or text.startswith("new") or text == "report":
            return None
        return self.mock.wait_for("response_url", count=before + 1, timeout=30)[before]

    def posts(self, channel: str) -> int:
        return len(self.mock.posts_to(channel))

    def next_post(self, channel: str, after: int, check: Callable[[RecordedCall], bool]) -> RecordedCall:
        return self.mock.wait_for_post(channel, after, check, timeout=60)

    def say(self, user: str, text: str, **kwargs: Any) -> None:
        assert self.sender.event(dm_message(user, text), **kwargs).status == 200

    def press(self, user: str, call: RecordedCall, action_id: ActionId) -> dict[str, Any]:
        """The payload of a press on a posted card (not sent yet)."""
        ref = card_ref(call)
        payload = block_action(user, {"action_id": action_id.value, "block_id": ref.block_id(), "value": ref.value(),
                                      "type": "button"}, channel=f"D{user}")
        payload["container"]["message_ts"] = payload["message"]["ts"] = call.response["ts"]
        payload["message"]["blocks"] = call.args["blocks"]
        return payload

    def send(self, payload: dict[str, Any]) -> None:
        assert self.sender.interaction(payload).status == 200

    def last_line(self, user: str, call: RecordedCall) -> str:
        blocks = self.mock.updated_message(f"D{user}", call.response["ts"], timeout=30)["blocks"]
        assert not any(b["type"] == "actions" for b in blocks), "a decided card keeps no buttons"
        return str(blocks[-1]["elements"][0]["text"])

    def home(self, user: str) -> dict[str, Any]:
        before = len(self.mock.calls("views.publish"))
        assert self.sender.event(app_home_opened(user)).status == 200
        return view_of(self.mock.wait_for("views.publish", count=before + 1, timeout=30)[before])


@pytest.fixture
def slack(tmp_path: Path) -> Iterator[Slack]:
    settings = Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)
    with MockSlackWebApi(member_of=("CFACIL",)) as mock:
        for user, name in PEOPLE.items():
            mock.set_user(user, name)
        env = child_environment(settings, data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'a.db'}",
                                api_url=mock.base_url, bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET)
        with BotProcesses(1, env, tmp_path) as bots:
            yield Slack(mock, SignedSlackSender(bots.urls[0], SIGNING_SECRET, timeout=30,
                                                response_urls=mock.response_url_for))
        assert mock.violations() == []


def answer(slack: Slack, user: str, characteristic: str, text: str, **kwargs: Any) -> RecordedCall:
    dm = f"D{user}"
    before = slack.posts(dm)
    slack.say(user, text, **kwargs)
    return slack.next_post(dm, before, lambda call: is_card(call, characteristic, "now", "suggestion"))


def test_a_whole_assessment_through_mmssc_serve(slack: Slack, tmp_path: Path) -> None:
    # A facilitator creates the assessment (typed with "&": Slack escapes it) and invites two people.
    slack.command("new " + slack_escape(ASSESSMENT))
    created = slack.mock.wait_for_post("CFACIL", 0, timeout=60)
    assert f"created the assessment *{ASSESSMENT}*" in shown(post_text(created))
    invited = slack.command("invite <@UANA|ana> <@UBOB|bob>")
    assert invited is not None and f"to *{ASSESSMENT}*" in shown(invited.args["text"])
    for user in ("UANA", "UBOB"):
        invitation = slack.next_post(f"D{user}", 0, lambda call: ActionId.START.value in post_text(call))
        assert ASSESSMENT in shown(post_text(invitation))

    # Ana starts, answers 1.1.1 and double-clicks Confirm: recorded once, the second press only gets a note.
    slack.send(block_action("UANA", {"action_id": ActionId.START.value, "value": CardRef(assessment=ASSESSMENT)
                                     .value(), "block_id": "invitation", "type": "button"}, channel="DUANA"))
    slack.next_post("DUANA", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
    card = answer(slack, "UANA", "1.1.1", "Our vision & strategy <2030> sets outcome targets that the city "
                                          "leaders publish and track every year.")
    if ActionId.CONFIRM.value not in post_text(card):  # the engine asked a follow-up: answer it
        card = answer(slack, "UANA", "1.1.1", "The council adopted it and every department reports on it.")
    ana_level = card_ref(card)
    before = slack.posts("DUANA")
    presses = [slack.press("UANA", card, ActionId.CONFIRM) for _ in range(2)]
    presses[1]["actions"][0]["action_ts"] = f"{float(presses[0]['actions'][0]['action_ts']) + 0.003:.6f}"
    threads = [threading.Thread(target=slack.send, args=(press,)) for press in presses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    two_years = slack.next_post("DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert "no longer current" in slack.mock.wait_for("chat.postEphemeral", user="UANA", timeout=30)[0].args["text"]
    assert slack.last_line("UANA", card).endswith("confirmed by Ana Lima")
    assert ana_level.suggestion_id is not None
    before = slack.posts("DUANA")
    slack.send(slack.press("UANA", two_years, ActionId.SAME))
    slack.next_post("DUANA", before, lambda call: is_card(call, "1.1.2", "now", "question"))
    assert f"Level {ana_level_now(tmp_path)} in two years chosen by Ana Lima" in slack.last_line("UANA", two_years)

    # 1.1.2: the answer is delivered twice (a Slack retry): one card; Ana chooses another level with a reason.
    card = answer(slack, "UANA", "1.1.2", "We publish a plan with targets and report on it.", event_id="EvANA112")
    slack.say("UANA", "We publish a plan with targets and report on it.", event_id="EvANA112", retry_num=1)
    choose = block_action("UANA", {"action_id": ActionId.CHOOSE_LEVEL.value, "block_id": card_ref(card).block_id(),
                                   "type": "static_select", "selected_option": {"value": "1", "text": {
                                       "type": "plain_text", "text": "1"}}}, channel="DUANA")
    slack.send(choose)
    modal = view_of(slack.mock.wait_for("views.open", timeout=30)[0])
    assert slack.mock.wait_for("views.open")[0].response["ok"] is True  # opened within 3 s, trigger used once
    before = slack.posts("DUANA")
    slack.send(view_submission("UANA", modal, {"reason": {"reason": "Only one department reports so far."}}))
    slack.next_post("DUANA", before, lambda call: is_card(call, "1.1.2", "two_years", "question"))
    assert slack.last_line("UANA", card) == "\u2713 Level 1 chosen instead of the suggestion by Ana Lima"
    assert len([c for c in slack.mock.posts_to("DUANA") if is_card(c, "1.1.2", "now", "suggestion")]) == 1

    # Bob answers 1.1.1 with a level far from Ana's: a disagreement.
    bob_level = 1 if (ana_now := confirmed_now(tmp_path)["UANA"]) >= 3 else 5
    slack.send(block_action("UBOB", {"action_id": ActionId.START.value, "value": CardRef(assessment=ASSESSMENT)
                                     .value(), "block_id": "invitation", "type": "button"}, channel="DUBOB"))
    question = slack.next_post("DUBOB", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
    before = slack.posts("DUBOB")
    slack.say("UBOB", f"{bob_level} because that is where we really are")
    slack.next_post("DUBOB", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert slack.last_line("UBOB", question) == f"\u2713 Level {bob_level} chosen by Bob Stone"

    # The facilitator reviews in the Home tab (names, not ids) and sets the consensus in the modal.
    home = slack.home("UFAC")
    text = json.dumps(home, ensure_ascii=False)
    assert "Disagreements* (1)" in text and "Ana Lima" in text and "Bob Stone" in text
    assert "<@U" not in text
    button = next(b for b in home["blocks"] if b.get("accessory", {}).get("action_id") == ActionId.CONSENSUS)
    slack.send(block_action("UFAC", {"action_id": ActionId.CONSENSUS.value, "block_id": button["block_id"],
                                     "value": button["accessory"]["value"], "type": "button"}, view=home))
    modal = view_of(slack.mock.wait_for("views.open", count=2, timeout=30)[1])
    assert "Ana Lima" in json.dumps(modal) and "UANA" not in json.dumps(modal).replace('"a":', "")
    before = len(slack.mock.calls("views.publish"))
    slack.send(view_submission("UFAC", modal, {"reason": {"reason": "Agreed at the workshop."}},
                               {LEVEL_NOW: {LEVEL_NOW: "3"}, LEVEL_TWO_YEARS: {LEVEL_TWO_YEARS: "4"}}))
    refreshed = view_of(slack.mock.wait_for("views.publish", count=before + 1, timeout=30)[before])
    assert "Consensus recorded for *1.1.1*" in json.dumps(refreshed)

    # Status and report, by name.
    status = slack.command("status")
    assert status is not None
    assert "Ana Lima — 2 of 31" in post_text(status) and "Bob Stone — 1 of 31" in post_text(status)
    slack.command("report")
    summary = slack.mock.wait_for_post("CFACIL", 1, timeout=60)
    assert f"Results: {ASSESSMENT}" in post_text(summary) and "Ana Lima" in post_text(summary)
    slack.mock.wait_for("files.completeUploadExternal", timeout=60)

    # What is stored: each level once, the override's reason, the consensus, the names.
    database = Database.from_url(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with database.session() as session:
            record = get_assessment(session, ASSESSMENT)
            confirmations = latest_confirmations(session, record.id)
            consensus = latest_consensus(session, record.id)
        levels = {(c.stakeholder, c.characteristic, c.horizon): (c.level, c.outcome) for c in confirmations}
        assert levels[("UANA", "1.1.1", Horizon.NOW)] == (ana_now, Outcome.CONFIRMED)
        assert levels[("UANA", "1.1.2", Horizon.NOW)] == (1, Outcome.OVERRIDDEN)
        assert levels[("UBOB", "1.1.1", Horizon.NOW)] == (bob_level, Outcome.CHOSEN)
        assert [(c.level_now, c.level_two_years) for c in consensus] == [(3, 4)]
        assert "Only one department reports so far." in [c.reason for c in confirmations]
    finally:
        database.dispose()
    time.sleep(0.3)
    assert not any(":warning:" in post_text(call) for user in ("UANA", "UBOB")
                   for call in slack.mock.posts_to(f"D{user}"))


def ana_level_now(tmp_path: Path) -> int:
    return confirmed_now(tmp_path)["UANA"]


def confirmed_now(tmp_path: Path) -> dict[str, int]:
    database = Database.from_url(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with database.session() as session:
            record = get_assessment(session, ASSESSMENT)
            return {c.stakeholder: c.level for c in latest_confirmations(session, record.id)
                    if c.characteristic == "1.1.1" and c.horizon == Horizon.NOW and c.level is not None}
    finally:
        database.dispose()
