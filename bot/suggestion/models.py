"""What a suggestion is: the level (or an abstention), why, and what it cites."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, computed_field

MAX_ANSWER_CHARS = 20_000


class Horizon(StrEnum):
    """The draft's two columns: the level now, and the level expected in two years on current plans."""

    NOW = "now"
    TWO_YEARS = "two_years"


class ProbeAnswer(StrEnum):
    """How a reply to an evidence probe reads: the buttons in Slack, or typed words read by the engine."""

    YES = "yes"
    PARTLY = "partly"  # "only in transport", "in some departments"
    NO = "no"
    NOT_YET = "not_yet"  # "planned for 2027", "in draft"
    UNSURE = "unsure"  # "not sure", "I'd have to check"


class Probe(BaseModel):
    """One short question about the criteria of one level, asked when the evidence does not settle it.

    `conditions` are the condition ids the question is about (all resolve in the knowledge base).
    """

    model_config = ConfigDict(frozen=True)

    level: int = Field(ge=1, le=5)
    conditions: list[str] = Field(default_factory=list)
    question: str


class ProbeExchange(BaseModel):
    """A probe that was asked and the stakeholder's reply to it, as the engine is given it back."""

    model_config = ConfigDict(frozen=True)

    probe: Probe
    reply: str = ""  # what the person typed ("" when they only pressed a button)
    answer: ProbeAnswer | None = None  # a button's explicit reading; None: the engine reads `reply`


class SuggestionContext(BaseModel):
    """Everything besides the answer that a suggestion may depend on; the defaults are a lone answer now."""

    model_config = ConfigDict(frozen=True)

    horizon: Horizon = Horizon.NOW
    exchanges: list[ProbeExchange] = Field(default_factory=list)  # probes asked on this question, in order
    earlier_answers: list[str] = Field(default_factory=list)  # this person's answers to other characteristics
    level_now: int | None = Field(default=None, ge=1, le=5)  # the two-year question: the level recorded now


class CitationKind(StrEnum):
    CRITERION = "criterion"
    STANDARD = "standard"


class Citation(BaseModel):
    """A pointer to a knowledge-base entry; `id` always resolves with `KnowledgeBase.has_entry`."""

    model_config = ConfigDict(frozen=True)

    kind: CitationKind
    id: str
    characteristic: str | None = None
    level: int | None = None
    text: str


class Evidence(BaseModel):
    """A sentence of the stakeholder's answer, quoted verbatim, and a condition it bears on.

    In `Suggestion.evidence` the quote supports the condition; in `Suggestion.counter_evidence` it says
    the condition is not in place ("We have no published vision" against "the vision is published").
    """

    model_config = ConfigDict(frozen=True)

    quote: str
    criterion: str  # condition id, e.g. "1.2.1/3/a"


class Suggestion(BaseModel):
    """The JSON contract of `mmssc suggest --json` (issue #4); extra fields may be added."""

    characteristic: str
    level: int | None = Field(default=None, ge=1, le=5)
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    citations: list[Citation] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)  # quotes that support the condition named
    missing: list[str] = Field(default_factory=list)
    follow_up: str | None = None
    engine: str
    knowledge_version: str
    fallback_reason: str | None = None
    abstain_reason: str | None = None
    counter_evidence: list[Evidence] = Field(default_factory=list)  # quotes saying the condition is not in place
    horizon: Horizon = Horizon.NOW
    probe: Probe | None = None  # what the engine would ask next when the level is not settled; None: settled

    @property
    def abstained(self) -> bool:
        return self.level is None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def settled(self) -> bool:
        """Whether the engine needs no more evidence for this level (it has no probe to ask); in the JSON
        too, since channels show "settled / not settled" rather than the confidence number."""
        return self.probe is None


class SuggestionEngine(Protocol):
    name: str

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        """Suggest a level for one characteristic from a stakeholder's own words.

        `context` carries the horizon, the probes asked so far with their replies, the person's answers to
        other characteristics and, for the two-year question, the level now. Without it: a lone answer now.

        Raises `InvalidInputError` for an empty or over-long answer and `UnknownIdError` for an
        unknown characteristic id.
        """
        ...
