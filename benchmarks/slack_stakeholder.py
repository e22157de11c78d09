"""One simulated stakeholder of `mmssc bench slack`: presses Start, answers, confirms, moves on.

It only does what a person in Slack does (signed events and interactions over HTTP) and reads the
bot's messages from the mock Web API; it measures each ack and the time to the bot's reply.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from bot.adapters.slack.refs import ActionId, CardRef
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall
from tests.support.slack.simulator import SignedSlackSender, SlackHttpResult, block_action, dm_message

log = logging.getLogger(__name__)


@dataclass
class StakeholderTally:
    ack_seconds: list[float] = field(default_factory=list)
    replies: list[tuple[float, float, str]] = field(default_factory=list)  # (sent at, seconds, characteristic)
    answers: list[str] = field(default_factory=list)  # every distinct answer sent
    retries: int = 0
    refused: int = 0
    missing_replies: int = 0


@dataclass(frozen=True)
class Card:
    ref: CardRef
    suggestion: bool  # a suggestion card (it has the level menu), else a question card
    can_confirm: bool


def card_of(call: RecordedCall) -> Card | None:
    """The interview card a posted message shows, if it is one."""
    for block in call.args.get("blocks") or []:
        if block.get("type") == "actions" and str(block.get("block_id", "")).startswith("{"):
            elements = block.get("elements", [])
            return Card(ref=CardRef.parse(block["block_id"]),
                        suggestion=any(e.get("type") == "static_select" for e in elements),
                        can_confirm=any(e.get("action_id") == ActionId.CONFIRM for e in elements))
    return None


def is_card(call: RecordedCall, characteristic: str, horizon: str, suggestion: bool) -> bool:
    card = card_of(call)
    return (card is not None and card.suggestion == suggestion
            and (card.ref.characteristic, card.ref.horizon) == (characteristic, horizon))


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
        self.answered = 0

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
            card = self._answer(characteristic)
            before = len(self.mock.posts_to(self.dm))
            if card.can_confirm:
                self._press(ActionId.CONFIRM, card.ref)
            else:  # the engine abstained: choose a level with a reason, as a person would type it
                self._say("3 because that is where we are")
            self._wait_for_question(before, characteristic, "two_years")
            before = len(self.mock.posts_to(self.dm))
            self._say("same")
            if index + 1 < len(self.characteristics):
                self._wait_for_question(before, self.characteristics[index + 1], "now")
            else:
                self.mock.wait_for_post(self.dm, before, timeout=self.timeout)

    def _answer(self, characteristic: str) -> Card:
        """Send an answer (sometimes twice, as a Slack retry) and wait for the suggestion card."""
        self.answered += 1
        text = (f"{self.user} on {characteristic}: our strategy is published with outcome targets that city "
                f"leaders track every year, and departments report on them.")
        event_id = f"Ev{self.user}x{self.answered}"
        before = len(self.mock.posts_to(self.dm))
        sent_at = time.monotonic()
        self._count(self.sender.next().event(dm_message(self.user, text), event_id=event_id))
        self.tally.answers.append(text)
        if self.retry_every and self.answered % self.retry_every == 0:
            self._count(self.sender.next().event(dm_message(self.user, text), event_id=event_id, retry_num=1))
            self.tally.retries += 1
        call = self.mock.wait_for_post(self.dm, before, lambda c: is_card(c, characteristic, "now", True),
                                       timeout=self.timeout)
        self.tally.replies.append((sent_at, call.at - sent_at, characteristic))
        card = card_of(call)
        assert card is not None
        return card

    def _wait_for_question(self, after: int, characteristic: str, horizon: str) -> None:
        self.mock.wait_for_post(self.dm, after, lambda c: is_card(c, characteristic, horizon, False),
                                timeout=self.timeout)

    def _press(self, action_id: ActionId, ref: CardRef) -> None:
        action = {"action_id": action_id.value, "block_id": ref.block_id(), "value": ref.value(), "type": "button"}
        self._count(self.sender.next().interaction(block_action(self.user, action, channel=self.dm)))

    def _say(self, text: str) -> None:
        self._count(self.sender.next().event(dm_message(self.user, text)))

    def _count(self, result: SlackHttpResult) -> None:
        self.tally.ack_seconds.append(result.seconds)
        if result.status != 200:
            self.tally.refused += 1
