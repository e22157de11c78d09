"""A whole assessment the way Slack drives it: `mmssc serve` as a real process over HTTP, signed requests,
and a mock Web API that enforces Slack's rules (membership, one modal per trigger within 3 s, chat.update
on existing messages only, mrkdwn escaped once). New, invite, two stakeholders answering with evidence
probes (a button, typed replies, "suggest now"), confirm and override, double clicks on a probe button and
on Confirm, retried deliveries of an answer and of a probe reply, the Home review, consensus, status and
the report. The engine is the default one with the hashing embedder: deterministic, and it asks probes."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.review_blocks import LEVEL_NOW, LEVEL_TWO_YEARS
from bot.config import EmbedderKind, Settings
from bot.interview.messages import Horizon, Outcome
from bot.storage import Database
from bot.storage.assessments import get_assessment
from bot.storage.review import latest_confirmations, latest_consensus
from bot.storage.tables import AnswerRow
from bot.suggestion.models import ProbeAnswer
from tests.support.slack.bot_processes import BotProcesses, child_environment
from tests.support.slack.cards import (
    CardKind,
    card_of,
    double_click,
    is_card_after_answer,
    press_on,
    probe_button,
)
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
        return press_on(user, call, action_id)

    def double_click(self, user: str, call: RecordedCall, action_id: ActionId) -> None:
        double_click(self.sender, user, call, action_id)

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


def answer(slack: Slack, user: str, characteristic: str, text: str, kind: CardKind, **kwargs: Any) -> RecordedCall:
    """Type `text` (an answer or a probe reply); the card that follows must be a `kind` card."""
    dm = f"D{user}"
    before = slack.posts(dm)
    slack.say(user, text, **kwargs)
    return expect(slack.next_post(dm, before, lambda call: is_card_after_answer(call, characteristic, "now")), kind)


def expect(call: RecordedCall, kind: CardKind) -> RecordedCall:
    card = card_of(call)
    assert card is not None and card.kind == kind, f"expected a {kind} card, got {post_text(call)[:400]}"
    return call


def probe_replies(tmp_path: Path) -> list[tuple[str, str, str | None]]:
    database = Database.from_url(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with database.session() as session:
            rows = session.scalars(select(AnswerRow).where(AnswerRow.kind == "probe_reply").order_by(AnswerRow.id))
            return [(row.characteristic, row.text, row.probe_answer) for row in rows]
    finally:
        database.dispose()


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

    # Ana starts and answers 1.1.1: the engine asks a probe first. She double-clicks Partly: one reply is
    # read, the probe card shows it, the second press only gets a quiet note.
    slack.send(block_action("UANA", {"action_id": ActionId.START.value, "value": CardRef(assessment=ASSESSMENT)
                                     .value(), "block_id": "invitation", "type": "button"}, channel="DUANA"))
    slack.next_post("DUANA", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
    probe = answer(slack, "UANA", "1.1.1", "Our vision & strategy <2030> sets outcome targets that the city "
                                           "leaders publish and track every year.", CardKind.PROBE)
    assert "before a level: question 1 of at most 3" in post_text(probe) and "Suggested" not in post_text(probe)
    before = slack.posts("DUANA")
    slack.double_click("UANA", probe, probe_button(ProbeAnswer.PARTLY))
    card = expect(slack.next_post("DUANA", before, lambda call: is_card_after_answer(call, "1.1.1", "now")),
                  CardKind.SUGGESTION)
    assert "no longer current" in slack.mock.wait_for("chat.postEphemeral", user="UANA", timeout=30)[0].args["text"]
    assert slack.last_line("UANA", probe) == "You answered: Partly"
    assert probe_replies(tmp_path) == [("1.1.1", "", "partly")]

    # Ana double-clicks Confirm: recorded once, the second press only gets a note.
    ana_level = card_ref(card)
    before = slack.posts("DUANA")
    slack.double_click("UANA", card, ActionId.CONFIRM)
    two_years = slack.next_post("DUANA", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    notes = slack.mock.wait_for("chat.postEphemeral", count=2, user="UANA", timeout=30)
    assert "no longer current" in notes[1].args["text"]
    assert slack.last_line("UANA", card).endswith("confirmed by Ana Lima")
    assert ana_level.suggestion_id is not None
    before = slack.posts("DUANA")
    slack.send(slack.press("UANA", two_years, ActionId.SAME))
    slack.next_post("DUANA", before, lambda call: is_card(call, "1.1.2", "now", "question"))
    assert f"Level {ana_level_now(tmp_path)} in two years chosen by Ana Lima" in slack.last_line("UANA", two_years)

    # 1.1.2: the answer and the typed reply to its probe are each delivered twice (Slack retries): each is
    # read once. At the second probe Ana types "suggest now", then chooses another level with a reason.
    first_probe = answer(slack, "UANA", "1.1.2", "We publish a plan with targets and report on it.", CardKind.PROBE,
                         event_id="EvANA112")
    slack.say("UANA", "We publish a plan with targets and report on it.", event_id="EvANA112", retry_num=1)
    reply = "no, not yet: the plan <says> nothing about data & partnerships"
    second_probe = answer(slack, "UANA", "1.1.2", reply, CardKind.PROBE, event_id="EvANA112P")
    slack.say("UANA", reply, event_id="EvANA112P", retry_num=1)
    assert "before a level: question 2 of at most 3" in post_text(second_probe)
    assert shown(slack.last_line("UANA", first_probe)) == f"You answered: \u201c{reply}\u201d"
    card = answer(slack, "UANA", "1.1.2", "suggest now", CardKind.SUGGESTION)
    assert slack.last_line("UANA", second_probe) == "You asked for a level now instead."
    assert "(not settled)" in post_text(card)  # shown before the engine had what it asked for
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
    cards = [card_of(c) for c in slack.mock.posts_to("DUANA") if is_card_after_answer(c, "1.1.2", "now")]
    assert [c.kind for c in cards if c] == [CardKind.PROBE, CardKind.PROBE, CardKind.SUGGESTION]  # none twice
    assert probe_replies(tmp_path) == [("1.1.1", "", "partly"), ("1.1.2", reply, None)]

    # Bob answers 1.1.1 in his words, replies to the probe by typing, and overrides the suggestion with a
    # level far from Ana's: a disagreement.
    bob_level = 1 if (ana_now := confirmed_now(tmp_path)["UANA"]) >= 3 else 5
    slack.send(block_action("UBOB", {"action_id": ActionId.START.value, "value": CardRef(assessment=ASSESSMENT)
                                     .value(), "block_id": "invitation", "type": "button"}, channel="DUBOB"))
    question = slack.next_post("DUBOB", 1, lambda call: is_card(call, "1.1.1", "now", "question"))
    bob_probe = answer(slack, "UBOB", "1.1.1", "The mayor has a vision on paper, but nobody tracks it.", CardKind.PROBE)
    # a "no" just above the level the answer rests on: the engine checks that level once, as an assessor would
    bob_check = answer(slack, "UBOB", "1.1.1", "no, we have not set outcome targets yet", CardKind.PROBE)
    assert "before a level: question 2 of at most 3" in post_text(bob_check)
    bob_card = answer(slack, "UBOB", "1.1.1", "yes, the vision is published on our website", CardKind.SUGGESTION)
    assert slack.last_line("UBOB", bob_probe) == "You answered: \u201cno, we have not set outcome targets yet\u201d"
    bob_suggested = card_ref(bob_card)
    before = slack.posts("DUBOB")
    slack.say("UBOB", f"{bob_level} because that is where we really are")
    slack.next_post("DUBOB", before, lambda call: is_card(call, "1.1.1", "two_years", "question"))
    assert slack.last_line("UBOB", question) == slack.last_line("UBOB", bob_card) == (
        f"\u2713 Level {bob_level} chosen instead of the suggestion by Bob Stone")
    assert bob_suggested.suggestion_id is not None

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
        assert levels[("UBOB", "1.1.1", Horizon.NOW)] == (bob_level, Outcome.OVERRIDDEN)
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
