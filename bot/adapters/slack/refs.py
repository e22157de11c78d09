"""What a button, select or modal carries back to the bot: the action ids and the card they belong to.

A card names its assessment, characteristic and horizon (and the suggestion it shows), so a press on
an old card is recognised by the interview under its position lock (`InterviewEvent.card`) and not
applied to whatever the interview shows now.
"""

from __future__ import annotations

import json
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.adapters.slack.limits import BLOCK_ID
from bot.errors import InvalidInputError
from bot.interview.messages import CardPosition, Horizon
from bot.suggestion.models import ProbeAnswer


class ActionId(StrEnum):
    START = "interview_start"
    CONFIRM = "interview_confirm"
    CHOOSE_LEVEL = "interview_choose_level"
    DONT_KNOW = "interview_dont_know"
    SKIP = "interview_skip"
    SAME = "interview_same_as_now"
    PROBE_YES = "interview_probe_yes"  # a probe card's replies: one action per answer (unique in their block)
    PROBE_PARTLY = "interview_probe_partly"
    PROBE_NO = "interview_probe_no"
    PROBE_NOT_YET = "interview_probe_not_yet"
    PROBE_UNSURE = "interview_probe_unsure"
    SUGGEST_NOW = "interview_suggest_now"
    OVERRIDE_MODAL = "interview_override_reason"
    CONSENSUS = "review_set_consensus"
    CONSENSUS_MODAL = "review_consensus_modal"


PROBE_ACTIONS = {ProbeAnswer.YES: ActionId.PROBE_YES, ProbeAnswer.PARTLY: ActionId.PROBE_PARTLY,
                 ProbeAnswer.NO: ActionId.PROBE_NO, ProbeAnswer.NOT_YET: ActionId.PROBE_NOT_YET,
                 ProbeAnswer.UNSURE: ActionId.PROBE_UNSURE}
PROBE_ANSWER_OF = {action: answer for answer, action in PROBE_ACTIONS.items()}


class CardRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    assessment: str
    characteristic: str = ""
    horizon: str = "now"
    level: int | None = Field(default=None, ge=1, le=5)
    channel: str | None = None
    suggestion_id: int | None = None  # a suggestion card: the stored suggestion it shows
    dimension: str | None = None  # a Start button: begin with this dimension
    probe: bool = False  # a probe card (its suggestion is the one kept back while the probe is asked)

    def value(self) -> str:
        """Compact JSON for a button value or a modal's private_metadata."""
        data = {"a": self.assessment, "c": self.characteristic, "h": self.horizon, "l": self.level,
                "ch": self.channel, "s": self.suggestion_id, "d": self.dimension, "p": 1 if self.probe else None}
        return json.dumps({k: v for k, v in data.items() if v not in (None, "")}, ensure_ascii=False,
                          separators=(",", ":"))

    def block_id(self) -> str:
        """The same JSON as a block id (at most 255 characters: a long assessment name is left out)."""
        value = self.value()
        if len(value) <= BLOCK_ID:
            return value
        return CardRef(assessment="", characteristic=self.characteristic, horizon=self.horizon,
                       suggestion_id=self.suggestion_id, probe=self.probe).value()

    def position(self) -> CardPosition | None:
        """Where the interview stood when the card was shown; None for a card of no characteristic (Start)."""
        if not self.characteristic:
            return None
        horizon = Horizon.TWO_YEARS if self.horizon == Horizon.TWO_YEARS.value else Horizon.NOW
        return CardPosition(characteristic=self.characteristic, horizon=horizon, suggestion_id=self.suggestion_id,
                            probe=self.probe)

    @classmethod
    def parse(cls, value: str) -> CardRef:
        """Read a value written by `value()`; `InvalidInputError` for anything else."""
        try:
            data = json.loads(value)
            return cls(assessment=data.get("a", ""), characteristic=data.get("c", ""), horizon=data.get("h", "now"),
                       level=data.get("l"), channel=data.get("ch"), suggestion_id=data.get("s"),
                       dimension=data.get("d"), probe=bool(data.get("p")))
        except (ValueError, AttributeError, ValidationError) as error:
            raise InvalidInputError("This button's data could not be read; please use the latest message.") from error
