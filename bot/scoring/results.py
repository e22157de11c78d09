"""The scored result of one assessment: a pydantic model with a canonical JSON form and its hash.

`canonical_json()` is the contract: `json.dumps(model_dump(mode="json"), sort_keys=True,
separators=(",", ":"), ensure_ascii=False)`. Scores are `Decimal`s with two places and serialise as
strings ("2.50"); levels are integers. The same confirmed inputs and knowledge give byte-identical JSON.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCORING_VERSION = "1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RatingStatus(StrEnum):
    RATED = "rated"  # a confirmed level now
    DONT_KNOW = "dont_know"  # confirmed as "don't know" or skipped: counts for completeness only
    NOT_ANSWERED = "not_answered"  # no confirmation yet


class ConsensusSource(StrEnum):
    FACILITATOR = "facilitator"
    MEDIAN = "median"
    NONE = "none"  # nobody gave a level


class StakeholderLevel(_Frozen):
    """One stakeholder's confirmed levels for one characteristic (one CSV row)."""

    stakeholder: str
    characteristic: str
    status: RatingStatus
    level_now: int | None = None
    level_two_years: int | None = None
    gap: int | None = None  # two-year level minus level now, when both are known
    suggested_level: int | None = None
    overridden: bool = False
    confirmed_by: str | None = None
    confirmed_at: str | None = None


class CharacteristicResult(_Frozen):
    id: str
    name: str
    dimension: str
    sub_dimension: str
    answered: int  # stakeholders with a confirmation, "don't know" included
    rated: int  # stakeholders with a confirmed level now
    expected: int
    median_now: int | None
    min_now: int | None
    max_now: int | None
    spread: int | None  # max_now - min_now
    disagreement: bool  # spread >= 2
    consensus_now: int | None
    consensus_now_source: ConsensusSource
    consensus_two_years: int | None
    consensus_two_years_source: ConsensusSource
    consensus_set_by: str | None = None
    consensus_reason: str = ""
    gap: int | None  # consensus_two_years - consensus_now


class GroupScore(_Frozen):
    """A sub-dimension, a dimension or the whole model."""

    id: str
    name: str
    characteristics: int
    scored: int  # characteristics with a consensus level now
    score_now: Decimal | None
    score_two_years: Decimal | None
    gap: Decimal | None
    answered: int
    expected: int
    completeness_percent: int  # answered (skipped and "don't know" included) over expected
    rated: int  # answers with a confirmed level now
    dont_know_or_skipped: int  # answered without a level: "don't know" or skipped
    rated_percent: int  # rated over expected: what reports call complete


class StandardHelp(_Frozen):
    """An Annex B row: a standard that helps with a characteristic's sub-dimension or dimension."""

    annex_b_id: str
    standard: str
    title: str
    ref: str | None
    guidance: str


class PriorityItem(_Frozen):
    """A weak characteristic or a large gap, with the next level's criteria and the standards that help."""

    characteristic: str
    name: str
    sub_dimension: str
    consensus_now: int | None
    consensus_two_years: int | None
    gap: int | None
    next_level: int | None  # None at level 5
    next_level_name: str | None
    next_level_criteria: str | None
    standards: list[StandardHelp]


class StakeholderValue(_Frozen):
    stakeholder: str
    level: int


class Disagreement(_Frozen):
    characteristic: str
    name: str
    min_now: int
    max_now: int
    spread: int
    consensus_now: int | None
    consensus_now_source: ConsensusSource
    levels: list[StakeholderValue]


class Completeness(_Frozen):
    answered: int
    rated: int
    expected: int
    percent: int  # answered (skipped and "don't know" included) over expected
    dont_know_or_skipped: int  # answered without a level
    rated_percent: int  # rated over expected: only confirmed levels count as complete


class MethodSummary(_Frozen):
    """How the levels were suggested, confirmed and aggregated."""

    aggregation_rule: str
    rounding_rule: str
    confirmations: int
    suggestions_accepted: int  # confirmed at the suggested level
    suggestions_overridden: int  # a person chose another level than the suggestion
    without_suggestion: int
    facilitator_consensus: int  # characteristics whose consensus a facilitator set


class AssessmentResult(_Frozen):
    scoring_version: str = SCORING_VERSION
    assessment: str
    community: str
    cycle: str
    as_of: str | None
    knowledge_version: str  # the knowledge base the result was scored with
    inputs_knowledge_version: str  # the knowledge version storage recorded for the assessment
    level_names: list[str]
    stakeholders: list[str]
    confirmed_by: list[str]
    consensus_set_by: list[str]
    stakeholder_levels: list[StakeholderLevel]
    characteristics: list[CharacteristicResult]
    sub_dimensions: list[GroupScore]
    dimensions: list[GroupScore]
    overall: GroupScore
    completeness: Completeness
    weakest: list[PriorityItem]  # ranked among rated characteristics only
    not_rated: list[str]  # characteristics without a consensus level now, by id: never ranked, never level 0
    largest_gaps: list[PriorityItem]
    disagreements: list[Disagreement]
    method: MethodSummary
    # person -> the name a channel stored for them; for reports to show, outside the canonical JSON and its hash
    display_names: dict[str, str] = Field(default_factory=dict, exclude=True)

    def canonical_json(self) -> str:
        """Sorted keys, compact separators, UTF-8 text: the bytes the hash is taken of."""
        return json.dumps(
            self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def characteristic(self, characteristic_id: str) -> CharacteristicResult:
        return next(c for c in self.characteristics if c.id == characteristic_id)

    def level_name(self, level: int) -> str:
        return self.level_names[level - 1]

    def person(self, who: str) -> str:
        """How reports name a person: "Ana Lima (U0123ABC)" when a display name is known, else the id."""
        name = self.display_names.get(who)
        return f"{name} ({who})" if name and name != who else who
