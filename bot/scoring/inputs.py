"""What scoring takes in: the confirmed levels of one assessment, as storage hands them over.

Only human-confirmed levels ever reach scoring; suggestions never do.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ConfirmedLevel(BaseModel):
    """One stakeholder's confirmed level for one characteristic (the latest confirmation wins).

    `level_now` / `level_two_years` are None when the stakeholder said "don't know" or skipped.
    """

    model_config = ConfigDict(frozen=True)

    stakeholder: str
    characteristic: str
    level_now: int | None = Field(default=None, ge=1, le=5)
    level_two_years: int | None = Field(default=None, ge=1, le=5)
    suggested_level: int | None = Field(default=None, ge=1, le=5)
    overridden: bool = False
    confirmed_by: str
    confirmed_at: str | None = None  # ISO 8601, for provenance only


class ConsensusLevel(BaseModel):
    """A facilitator's consensus level for one characteristic (moderated assessment, draft 5.1)."""

    model_config = ConfigDict(frozen=True)

    characteristic: str
    level_now: int = Field(ge=1, le=5)
    level_two_years: int | None = Field(default=None, ge=1, le=5)
    set_by: str
    reason: str = ""


class ScoringInput(BaseModel):
    """Everything `score_assessment` needs; sorted by the caller or not, the result is the same."""

    model_config = ConfigDict(frozen=True)

    assessment: str
    community: str
    cycle: str
    knowledge_version: str
    stakeholders: list[str]
    confirmed: list[ConfirmedLevel]
    consensus: list[ConsensusLevel] = Field(default_factory=list)
    as_of: str | None = None  # ISO 8601 time of the latest confirmation: reports print this, never "now"
    display_names: dict[str, str] = Field(default_factory=dict)  # person -> name shown (reports only, not scored)
