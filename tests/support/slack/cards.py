"""Read the bot's interview cards as a person sees them, and press their buttons as Slack sends a press.

A posted message is a card when it has an actions block whose block id is a card reference: a question
card, a probe card (its reference is marked as a probe) or a suggestion card (it has the level menu).
Used by the tests and by `mmssc bench slack`, so simulated people read cards one way.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.adapters.slack.refs import PROBE_ACTIONS, ActionId, CardRef
from bot.suggestion.models import ProbeAnswer
from tests.support.slack.mock_recorder import RecordedCall
from tests.support.slack.simulator import SignedSlackSender, block_action


class CardKind(StrEnum):
    QUESTION = "question"
    PROBE = "probe"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Card:
    ref: CardRef
    kind: CardKind
    action_ids: tuple[str, ...]  # the buttons and menus it offers

    @property
    def can_confirm(self) -> bool:
        return ActionId.CONFIRM.value in self.action_ids

    def offers(self, action_id: ActionId) -> bool:
        return action_id.value in self.action_ids


def card_of(call: RecordedCall) -> Card | None:
    """The interview card a posted message shows, if it is one."""
    for block in call.args.get("blocks") or []:
        if block.get("type") == "actions" and str(block.get("block_id", "")).startswith("{"):
            elements = block.get("elements", [])
            ref = CardRef.parse(block["block_id"])
            kind = (CardKind.PROBE if ref.probe
                    else CardKind.SUGGESTION if any(e.get("type") == "static_select" for e in elements)
                    else CardKind.QUESTION)
            return Card(ref=ref, kind=kind, action_ids=tuple(str(e.get("action_id", "")) for e in elements))
    return None


def is_card(call: RecordedCall, characteristic: str, horizon: str, kind: CardKind | str | None = None) -> bool:
    """A posted card of this characteristic and horizon (of `kind`, or any kind)."""
    card = card_of(call)
    return (card is not None and (card.ref.characteristic, card.ref.horizon) == (characteristic, horizon)
            and (kind is None or card.kind == kind))


def is_card_after_answer(call: RecordedCall, characteristic: str, horizon: str) -> bool:
    """What the bot shows after an answer or a probe reply: a probe card or a suggestion card."""
    card = card_of(call)
    return (card is not None and card.kind in (CardKind.PROBE, CardKind.SUGGESTION)
            and (card.ref.characteristic, card.ref.horizon) == (characteristic, horizon))


def press_on(user: str, call: RecordedCall, action_id: ActionId) -> dict[str, Any]:
    """The block_actions payload of a press on a button of a posted card, with the container and message
    Slack sends along (not sent yet: send it with `SignedSlackSender.interaction`)."""
    card = card_of(call)
    assert card is not None, "not a card"
    channel = call.args["channel"]
    payload = block_action(user, {"action_id": action_id.value, "block_id": card.ref.block_id(),
                                  "value": card.ref.value(), "type": "button"}, channel=channel)
    payload["container"]["message_ts"] = payload["message"]["ts"] = call.response["ts"]
    payload["message"]["blocks"] = call.args["blocks"]
    return payload


def double_click(sender: SignedSlackSender, user: str, call: RecordedCall, action_id: ActionId) -> None:
    """Two presses of one button 3 ms apart (two deliveries with their own action_ts), sent at once."""
    presses = [press_on(user, call, action_id) for _ in range(2)]
    presses[1]["actions"][0]["action_ts"] = f"{float(presses[0]['actions'][0]['action_ts']) + 0.003:.6f}"
    threads = [threading.Thread(target=sender.interaction, args=(press,)) for press in presses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def probe_button(answer: ProbeAnswer) -> ActionId:
    """The button of a probe card that gives `answer`."""
    return PROBE_ACTIONS[answer]
