"""One simulated stakeholder of `mmssc bench slack`: presses Start, answers, replies to the probes, confirms.

It only does what a person in Slack does (signed events and interactions over HTTP) and reads the
bot's cards from the mock Web API; it measures each ack and the time from each answer or probe reply to
the card that follows it (a probe card or a suggestion card). Probe replies take turns: a button
(Yes, Partly, No), a typed reply, and now and then "Suggest a level now".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.adapters.slack.refs import ActionId, CardRef
from bot.suggestion.models import ProbeAnswer
from tests.support.slack.cards import CardKind, card_of, is_card, is_card_after_answer, press_on, probe_button
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall
from tests.support.slack.simulator import SignedSlackSender, SlackHttpResult, block_action, dm_message

log = logging.getLogger(__name__)

BUTTONS = (ProbeAnswer.YES, ProbeAnswer.PARTLY, ProbeAnswer.NO)


@dataclass
class StakeholderTally:
    ack_seconds: list[float] = field(default_factory=list)
    replies: list[tuple[float, float, str, str]] = field(default_factory=list)  # (sent at, seconds, char., card kind)
    answers: list[str] = field(default_factory=list)  # every distinct text typed: answers and probe replies
    probe_buttons: int = 0  # probe replies given with a button (stored without text)
    probe_typed: int = 0  # probe replies typed (also in `answers`)
    suggest_now: int = 0  # "Suggest a level now" pressed
    retries: int = 0
    refused: int = 0
    missing_replies: int = 0


class RoundRobin:
    """Spreads one stakeholder's requests over the bot processes, as a load balancer would."""

    def __init__(self, senders: list[SignedSlackSender]):
        self.senders = senders
        self.turn = 0

    def next(self) -> SignedSlackSender:
        self.turn += 1
        return self.senders[self.turn % len(self.senders)]


class SimulatedStakeholder:
    """Presses Start (beginning with `dimension`), then answers `characteristics` in the interview's order."""

    def __init__(self, user: str, assessment: str, dimension: str | None, characteristics: list[str],
                 sender: RoundRobin, mock: MockSlackWebApi, tally: StakeholderTally, retry_every: int,
                 timeout: float, barrier: threading.Barrier):
        self.user, self.assessment, self.characteristics = user, assessment, characteristics
        self.dimension = dimension
        self.sender, self.mock, self.tally = sender, mock, tally
        self.retry_every, self.timeout, self.barrier = retry_every, timeout, barrier
        self.dm = f"D{user}"
        self.typed = 0  # texts typed that expect a card: every `retry_every`-th is delivered twice
        self.probes = 0  # probe cards answered so far: the way of replying takes turns

    def run(self) -> None:
        self.barrier.wait()
        try:
            self._interview()
        except TimeoutError as error:  # the bot did not answer in time: counted, and this person stops
            self.tally.missing_replies += 1
            log.warning("%s: %s", self.user, error)

    def _interview(self) -> None:
        first = self.characteristics[0]
        before = len(self.mock.posts_to(self.dm))
        self._press(ActionId.START, CardRef(assessment=self.assessment, dimension=self.dimension))
        self._wait_for_question(before, first, "now")
        for index, characteristic in enumerate(self.characteristics):
            card = self._type(characteristic, f"{self.user} on {characteristic}: our strategy is published with "
                                              "outcome targets that city leaders track every year, and departments "
                                              "report on them.")
            while (seen := card_of(card)) is not None and seen.kind == CardKind.PROBE:
                card = self._reply_to_probe(characteristic, card)
            before = len(self.mock.posts_to(self.dm))
            if seen is not None and seen.can_confirm:
                self._send(press_on(self.user, card, ActionId.CONFIRM))
            else:  # the engine abstained: choose a level with a reason, as a person would type it
                self._say("3 because that is where we are")
            self._wait_for_question(before, characteristic, "two_years")
            before = len(self.mock.posts_to(self.dm))
            self._say("same")
            if index + 1 < len(self.characteristics):
                self._wait_for_question(before, self.characteristics[index + 1], "now")
            else:
                self.mock.wait_for_post(self.dm, before, timeout=self.timeout)

    def _reply_to_probe(self, characteristic: str, probe: RecordedCall) -> RecordedCall:
        """Answer a probe card, taking turns: a button, a typed reply, a button, "Suggest a level now"."""
        self.probes += 1
        turn = self.probes % 4
        if turn == 2:
            self.tally.probe_typed += 1
            return self._type(characteristic, f"{self.user} on {characteristic}, probe {self.probes}: partly, only "
                                              "in two departments so far")
        action = ActionId.SUGGEST_NOW if turn == 0 else probe_button(BUTTONS[self.probes % len(BUTTONS)])
        if action == ActionId.SUGGEST_NOW:
            self.tally.suggest_now += 1
        else:
            self.tally.probe_buttons += 1
        return self._await_card(characteristic, lambda: self._send(press_on(self.user, probe, action)))

    def _type(self, characteristic: str, text: str) -> RecordedCall:
        """Type an answer or a probe reply (sometimes twice, as a Slack retry); the card that follows."""
        self.typed += 1
        event_id = f"Ev{self.user}x{self.typed}"
        self.tally.answers.append(text)

        def send() -> None:
            self._count(self.sender.next().event(dm_message(self.user, text), event_id=event_id))
            if self.retry_every and self.typed % self.retry_every == 0:
                self._count(self.sender.next().event(dm_message(self.user, text), event_id=event_id, retry_num=1))
                self.tally.retries += 1

        return self._await_card(characteristic, send)

    def _await_card(self, characteristic: str, act: Callable[[], None]) -> RecordedCall:
        """Do `act` and wait for the probe or suggestion card that follows; its latency is measured."""
        before = len(self.mock.posts_to(self.dm))
        sent_at = time.monotonic()
        act()
        call = self.mock.wait_for_post(self.dm, before, lambda c: is_card_after_answer(c, characteristic, "now"),
                                       timeout=self.timeout)
        card = card_of(call)
        assert card is not None
        self.tally.replies.append((sent_at, call.at - sent_at, characteristic, card.kind.value))
        return call

    def _wait_for_question(self, after: int, characteristic: str, horizon: str) -> None:
        self.mock.wait_for_post(self.dm, after, lambda c: is_card(c, characteristic, horizon, CardKind.QUESTION),
                                timeout=self.timeout)

    def _press(self, action_id: ActionId, ref: CardRef) -> None:
        action = {"action_id": action_id.value, "block_id": ref.block_id(), "value": ref.value(), "type": "button"}
        self._send(block_action(self.user, action, channel=self.dm))

    def _send(self, payload: dict[str, Any]) -> None:
        self._count(self.sender.next().interaction(payload))

    def _say(self, text: str) -> None:
        self._count(self.sender.next().event(dm_message(self.user, text)))

    def _count(self, result: SlackHttpResult) -> None:
        self.tally.ack_seconds.append(result.seconds)
        if result.status != 200:
            self.tally.refused += 1
