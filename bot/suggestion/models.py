"""What a suggestion is: the level (or an abstention), why, and what it cites."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

MAX_ANSWER_CHARS = 20_000


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

    @property
    def abstained(self) -> bool:
        return self.level is None


class SuggestionEngine(Protocol):
    name: str

    def suggest(self, characteristic_id: str, answer: str) -> Suggestion:
        """Suggest a level for one characteristic from a stakeholder's own words.

        Raises `InvalidInputError` for an empty or over-long answer and `UnknownIdError` for an
        unknown characteristic id.
        """
        ...
