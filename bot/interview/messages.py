"""The language between channels and the interview: events in, replies out.

A channel (terminal, Slack) turns what a person did into an `InterviewEvent`, hands it to
`InterviewService.handle(...)`, and renders the `Reply` objects it gets back. Neither side knows how
the other works.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards import StandardHit
from bot.retrieval.topics import TopicHit
from bot.suggestion.models import Horizon as Horizon  # re-exported: the interview's language names horizons
from bot.suggestion.models import Probe, ProbeAnswer, Suggestion


class EventKind(StrEnum):
    START = "start"  # begin or resume (optionally at a dimension)
    TEXT = "text"  # free text: an answer, or a typed command (help, status, back, skip, pause...)
    CONFIRM = "confirm"  # accept the pending suggestion
    CHOOSE_LEVEL = "choose_level"  # pick another level, with a short reason
    DONT_KNOW = "dont_know"
    SKIP = "skip"
    PROBE_REPLY = "probe_reply"  # a reply to the question asked before a level (a button's `probe_answer`, or text)


class CardPosition(BaseModel):
    """The interview position a channel's card showed: a press on it only counts while the interview is there."""

    characteristic: str
    horizon: Horizon
    suggestion_id: int | None = None  # a suggestion or probe card: the suggestion it shows (or keeps back)
    probe: bool = False  # a probe card: it only applies while its probe is asked


class InterviewEvent(BaseModel):
    kind: EventKind
    text: str = ""
    level: int | None = Field(default=None, ge=1, le=5)
    reason: str = ""
    dimension: str | None = None  # with START: begin with this dimension
    event_id: str | None = None  # the channel's id for this event, used to drop retried duplicates
    probe_answer: ProbeAnswer | None = None  # with PROBE_REPLY: the button pressed (Yes, Partly, No, Not sure)
    card: CardPosition | None = None  # pressed on a card: checked against the position under its lock


class Step(StrEnum):
    """Where an interview stands; stored, so a restart resumes exactly here."""

    NOT_STARTED = "not_started"
    AWAIT_ANSWER_NOW = "await_answer_now"  # asked the question about the level now
    AWAIT_PROBE_NOW = "await_probe_now"  # a question about one level asked before suggesting, waiting for the reply
    AWAIT_CONFIRM_NOW = "await_confirm_now"  # suggestion shown, waiting for confirm/override
    AWAIT_ANSWER_TWO_YEARS = "await_answer_two_years"
    AWAIT_PROBE_TWO_YEARS = "await_probe_two_years"
    AWAIT_CONFIRM_TWO_YEARS = "await_confirm_two_years"
    AWAIT_REASON = "await_reason"  # a level other than the suggestion was picked: waiting for why
    PAUSED = "paused"
    COMPLETE = "complete"


class ReplyKind(StrEnum):
    QUESTION = "question"  # a characteristic's question (now or in two years)
    PROBE = "probe"  # one short question about the criteria of one level, asked before a level is suggested
    PROBE_DONE = "probe_done"  # a probe is no longer asked: its reply was stored, or "suggest now" set it aside
    SUGGESTION = "suggestion"  # a suggested level, or an abstention with a follow-up question
    RECORDED = "recorded"  # a confirmed / overridden / don't-know / skipped level was stored
    STATUS = "status"  # progress overall and per dimension
    HELP = "help"
    STANDARDS = "standards"  # an answer to "which standard helps with X"
    INFO = "info"  # paused, resumed, edit started...
    ERROR = "error"  # bad input: the interview carries on
    COMPLETE = "complete"
    STALE = "stale"  # a press on a card the interview has moved past: nothing was changed


class Progress(BaseModel):
    done: int
    total: int
    per_dimension: dict[str, tuple[int, int]] = Field(default_factory=dict)


class Reply(BaseModel):
    """One thing to show. `text` is plain text any channel can show as it is; the other fields are what a
    channel reads to show it its own way (a card, a panel). A channel never reads `text` to recover a field."""

    kind: ReplyKind
    text: str  # plain text any channel can show as it is
    characteristic: str | None = None
    characteristic_name: str | None = None
    horizon: Horizon | None = None
    position: int | None = None  # QUESTION, PROBE: the characteristic's place in the interview's order (1 = first)
    total: int | None = None  # ... of this many characteristics ("question 3 of 31": `wording.position_words`)
    question: str | None = None
    ladder: list[str] = Field(default_factory=list)  # "1 Initial: ...", one line per level
    hint: str | None = None  # QUESTION, PROBE, SUGGESTION: what the person can type now (the text's last line)
    recorded_level: int | None = None  # a question revisited (back, edit): the level now already on record
    earlier_answer: str | None = None  # ... and what the stakeholder answered to it before (whole)
    suggestion: Suggestion | None = None
    suggestion_id: int | None = None  # SUGGESTION, PROBE: the stored suggestion shown or kept back (a card carries it)
    outcome: Outcome | None = None  # RECORDED: how the level was settled (the level is `recorded_level`)
    progress: Progress | None = None
    standards: list[StandardHit] = Field(default_factory=list)  # "which standard helps": best first
    standards_kind: AnswerKind | None = None  # matched, closest_match, clarify or nothing
    topics: list[TopicHit] = Field(default_factory=list)  # the nearest topics (a clarifying answer offers them)
    probe: Probe | None = None  # PROBE, PROBE_DONE: the question (`probe.question`), its level and conditions
    probe_answers: list[ProbeAnswer] = Field(default_factory=list)  # PROBE: the replies a channel offers as buttons
    probe_number: int | None = None  # PROBE, PROBE_DONE: 1 for the first probe on this question and horizon
    probe_limit: int | None = None  # PROBE: at most this many probes before a level is suggested
    probe_answer: ProbeAnswer | None = None  # PROBE_DONE: the button pressed (None: typed, or "suggest now")
    not_in_place: list[str] = Field(default_factory=list)  # SUGGESTION: lines quoting what is not in place


class Outcome(StrEnum):
    """How a level was settled for one horizon; stored with every confirmation."""

    CONFIRMED = "confirmed"  # the suggested level, accepted
    OVERRIDDEN = "overridden"  # another level than the suggestion, with a reason
    CHOSEN = "chosen"  # a level picked directly, without a suggestion
    DONT_KNOW = "dont_know"
    SKIPPED = "skipped"


class Role(StrEnum):
    STAKEHOLDER = "stakeholder"
    FACILITATOR = "facilitator"
