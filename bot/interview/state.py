"""Where one stakeholder's interview stands, and how to move through the characteristics.

`InterviewState` is stored as it is (storage's `interview_positions` row), so a restart resumes at the
exact step. The functions here are pure: the order of the characteristics and the next one to ask.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel

from bot.interview.messages import CardPosition, Horizon, Step
from bot.knowledge import KnowledgeBase

NOW_STEPS = frozenset({Step.AWAIT_ANSWER_NOW, Step.AWAIT_PROBE_NOW, Step.AWAIT_CONFIRM_NOW, Step.AWAIT_REASON})
TWO_YEAR_STEPS = frozenset({Step.AWAIT_ANSWER_TWO_YEARS, Step.AWAIT_PROBE_TWO_YEARS, Step.AWAIT_CONFIRM_TWO_YEARS})
ANSWER_STEPS = frozenset({Step.AWAIT_ANSWER_NOW, Step.AWAIT_ANSWER_TWO_YEARS})
PROBE_STEPS = frozenset({Step.AWAIT_PROBE_NOW, Step.AWAIT_PROBE_TWO_YEARS})
CONFIRM_STEPS = frozenset({Step.AWAIT_CONFIRM_NOW, Step.AWAIT_CONFIRM_TWO_YEARS})


class InterviewState(BaseModel):
    step: Step = Step.NOT_STARTED
    characteristic: str | None = None
    start_dimension: str | None = None
    # the suggestion on show (AWAIT_CONFIRM_*, AWAIT_REASON), or the best one so far, kept back while its
    # probe is asked (AWAIT_PROBE_*): a probe or a suggestion is pending, never both
    pending_suggestion_id: int | None = None
    pending_level: int | None = None  # AWAIT_REASON: the level picked, waiting for why
    reason_step: Step | None = None  # AWAIT_REASON: the step the level was picked in
    paused_step: Step | None = None  # PAUSED: the step to resume
    return_characteristic: str | None = None  # after an edit: where to go back to
    return_step: Step | None = None
    return_suggestion_id: int | None = None
    unsuggested_answer_id: int | None = None  # an answer stored whose suggestion never arrived (Ctrl-C, crash)
    version: int = 0  # incremented on every stored change (optimistic concurrency)

    @property
    def horizon(self) -> Horizon:
        return horizon_of(self.step)


    def at(self, characteristic: str, step: Step, suggestion_id: int | None = None) -> InterviewState:
        """This state moved to a step of a characteristic; everything pending is dropped."""
        return self.model_copy(update={
            "characteristic": characteristic, "step": step, "pending_suggestion_id": suggestion_id,
            "pending_level": None, "reason_step": None, "paused_step": None,
            "unsuggested_answer_id": None,
        })


def horizon_of(step: Step) -> Horizon:
    """The horizon a step asks about (a step of neither, e.g. paused, counts as now)."""
    return Horizon.TWO_YEARS if step in TWO_YEAR_STEPS else Horizon.NOW


def probe_step(horizon: Horizon) -> Step:
    return Step.AWAIT_PROBE_NOW if horizon == Horizon.NOW else Step.AWAIT_PROBE_TWO_YEARS


def confirm_step(horizon: Horizon) -> Step:
    return Step.AWAIT_CONFIRM_NOW if horizon == Horizon.NOW else Step.AWAIT_CONFIRM_TWO_YEARS


def interview_order(kb: KnowledgeBase, start_dimension: str | None = None) -> list[str]:
    """Every characteristic id in the model's order; a chosen dimension comes first, the rest follow.

    >>> interview_order(kb, "3")[:2]
    ['3.1.1', '3.1.2']
    """
    ids = kb.characteristic_ids
    if not start_dimension:
        return ids
    first = [c for c in ids if c.split(".")[0] == start_dimension]
    return first + [c for c in ids if c not in first]


def next_characteristic(order: list[str], current: str | None, handled: Collection[str]) -> str | None:
    """The first characteristic after `current` (wrapping round) with nothing recorded yet; None when done."""
    start = order.index(current) + 1 if current in order else 0
    for offset in range(len(order)):
        candidate = order[(start + offset) % len(order)]
        if candidate not in handled and candidate != current:
            return candidate
    return None


def previous_characteristic(order: list[str], current: str) -> str | None:
    index = order.index(current)
    return order[index - 1] if index > 0 else None


def card_is_current(state: InterviewState, card: CardPosition) -> bool:
    """Whether a press on `card` applies to where the interview stands: the same characteristic and
    horizon and, for a suggestion or probe card, the same suggestion; a probe card only while its probe is
    asked and no reply to it is on its way to the engine (not once "suggest now" shows the same suggestion,
    nor for the second click of a double click handled by another process). A paused interview says so
    itself."""
    if state.step == Step.PAUSED:
        return True
    if state.characteristic != card.characteristic or state.step in (Step.NOT_STARTED, Step.COMPLETE):
        return False
    if state.horizon != card.horizon:
        return False
    if card.probe and (state.step not in PROBE_STEPS or state.unsuggested_answer_id is not None):
        return False
    return card.suggestion_id is None or card.suggestion_id == state.pending_suggestion_id


def card_may_apply(step: Step, characteristic: str | None, card: CardPosition | None) -> bool:
    """A quick look, without the position lock, whether a press on `card` may still apply to an interview at
    `step` of `characteristic` (e.g. before asking for a reason in a modal): false only for a card of another
    characteristic or of the other horizon. The interview itself decides under its lock (`card_is_current`);
    a paused, complete or unstarted interview says itself what to do."""
    if card is None or step in (Step.PAUSED, Step.COMPLETE, Step.NOT_STARTED):
        return True
    if characteristic != card.characteristic:
        return False
    if step == Step.AWAIT_REASON:
        return True
    return horizon_of(step) == card.horizon
