"""What the state machine decides, and the facts it decides on: plain models, no behaviour."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.interview.messages import Horizon, Outcome, Reply
from bot.interview.state import InterviewState
from bot.suggestion.models import Probe, ProbeAnswer, ProbeExchange, Suggestion


class PendingSuggestion(BaseModel):
    """The suggestion on show (or kept back while its probe is asked), with exactly the text and the probe
    exchanges the engine saw (to add a follow-up answer or a probe reply to)."""

    model_config = ConfigDict(frozen=True)

    id: int
    suggestion: Suggestion
    input_text: str
    exchanges: list[ProbeExchange] = Field(default_factory=list)


class UnsuggestedAnswer(BaseModel):
    """An answer stored whose suggestion never arrived (Ctrl-C, a crash or a restart while the engine ran)."""

    model_config = ConfigDict(frozen=True)

    id: int
    text: str  # the answer as stored
    engine_input: str  # what the engine should see: earlier text of the same question, then this answer
    exchanges: list[ProbeExchange] = Field(default_factory=list)  # ... and the probes with their replies
    may_probe: bool = True  # False for a follow-up to a level on show: its suggestion is shown, never probed
    probe_reply: bool = False  # the answer replies to a probe (it is in `exchanges`, not in `engine_input`)


class InterviewFacts(BaseModel):
    """What the decision needs from the stored trail of this stakeholder."""

    handled: frozenset[str] = frozenset()  # characteristics with a recorded outcome for "now"
    skipped: frozenset[str] = frozenset()  # ... whose latest "now" outcome is skipped
    level_now: int | None = None  # the current characteristic's recorded level now
    level_two_years: int | None = None  # ... and in two years, at a two-year step (a revisit keeps it on skip)
    pending: PendingSuggestion | None = None  # the suggestion on show
    unsuggested: UnsuggestedAnswer | None = None  # an answer still waiting for its suggestion
    earlier_answer: str | None = None  # a revisited question (edit, back): what the engine saw last time
    earlier_exchanges: list[ProbeExchange] = Field(default_factory=list)  # ... and the probes it had


class AnswerToRecord(BaseModel):
    characteristic: str
    horizon: Horizon
    kind: str  # "answer", "follow_up" or "probe_reply"
    text: str
    probe: Probe | None = None  # probe_reply: the probe it answers
    probe_answer: ProbeAnswer | None = None  # probe_reply: a button's reading (None: the engine reads the text)


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
    exchanges: list[ProbeExchange] = Field(default_factory=list)  # the probes asked so far, with their replies
    may_probe: bool = True  # False: show the suggestion even if the engine would ask a probe


class Decision(BaseModel):
    state: InterviewState
    replies: list[Reply] = Field(default_factory=list)
    answer: AnswerToRecord | None = None
    confirmation: ConfirmationToRecord | None = None
    suggest: SuggestRequest | None = None
    prompt: bool = False  # the service adds the prompt of the new state (question, suggestion...)
