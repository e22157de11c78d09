"""What the state machine decides, and the facts it decides on: plain models, no behaviour."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.interview.messages import Horizon, Outcome, Reply
from bot.interview.state import InterviewState
from bot.suggestion.models import Suggestion


class PendingSuggestion(BaseModel):
    """The suggestion on show, with exactly the text the engine saw (to add a follow-up answer to)."""

    model_config = ConfigDict(frozen=True)

    id: int
    suggestion: Suggestion
    input_text: str


class UnsuggestedAnswer(BaseModel):
    """An answer stored whose suggestion never arrived (Ctrl-C, a crash or a restart while the engine ran)."""

    model_config = ConfigDict(frozen=True)

    id: int
    text: str  # the answer as stored
    engine_input: str  # what the engine should see: earlier text of the same question, then this answer


class InterviewFacts(BaseModel):
    """What the decision needs from the stored trail of this stakeholder."""

    handled: frozenset[str] = frozenset()  # characteristics with a recorded outcome for "now"
    skipped: frozenset[str] = frozenset()  # ... whose latest "now" outcome is skipped
    level_now: int | None = None  # the current characteristic's recorded level now
    level_two_years: int | None = None  # ... and in two years (a revisited characteristic keeps it on skip)
    pending: PendingSuggestion | None = None  # the suggestion on show
    unsuggested: UnsuggestedAnswer | None = None  # an answer still waiting for its suggestion
    earlier_answer: str | None = None  # a revisited question (edit, back): what the engine saw last time


class AnswerToRecord(BaseModel):
    characteristic: str
    horizon: Horizon
    kind: str  # "answer" or "follow_up"
    text: str


class ConfirmationToRecord(BaseModel):
    characteristic: str
    horizon: Horizon
    level: int | None
    outcome: Outcome
    suggestion_id: int | None = None
    suggested_level: int | None = None
    reason: str = ""


class SuggestRequest(BaseModel):
    characteristic: str
    horizon: Horizon
    engine_input: str  # the answer, with earlier answers to the same question before it
    answer_id: int | None = None  # suggest on an answer stored earlier (resume) rather than a new one


class Decision(BaseModel):
    state: InterviewState
    replies: list[Reply] = Field(default_factory=list)
    answer: AnswerToRecord | None = None
    confirmation: ConfirmationToRecord | None = None
    suggest: SuggestRequest | None = None
    prompt: bool = False  # the service adds the prompt of the new state (question, suggestion...)
