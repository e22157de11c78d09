"""The result of one evaluation run, as pydantic models (written to evals/results/*.json)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LevelScores(BaseModel):
    n: int
    answered: int  # cases with a level (not abstained on)
    exact: float  # predicted level in acceptable_levels; an abstention is a miss
    within_one: float
    qwk: float  # over the answered cases
    mae: float  # over the answered cases
    false_abstain_rate: float
    off_by_3_or_more: int = 0  # answered cases three or more levels away from the expected level


class LevelReport(LevelScores):
    confusion: list[list[int]]  # rows: expected 1-5; columns: predicted 1-5, then "abstained"
    per_dimension: dict[str, LevelScores]


class ConfidenceReport(BaseModel):
    """Calibration over the level cases the engine answered: is it surer when it is right?"""

    n_exact: int
    n_not_exact: int
    mean_exact: float
    mean_not_exact: float
    gap: float  # mean_exact - mean_not_exact; above 0 when confidence tells right from wrong
    auroc: float | None = None  # how well confidence separates exact from not exact (0.5: chance); None: one kind


class AbstainReport(BaseModel):
    n: int
    recall: float
    reasons: dict[str, int] = Field(default_factory=dict)


class CitationReport(BaseModel):
    cited: int
    valid: int
    validity: float
    invalid_ids: list[str] = Field(default_factory=list)


class LatencyReport(BaseModel):
    calls: int
    p50_ms: float
    p95_ms: float


class StandardsModeScores(BaseModel):
    """Ranking over the on-topic questions; answering over both kinds (an off-topic case expects nothing)."""

    recall_at_1: float  # an expected standard first
    recall_at_3: float  # every expected standard (up to three) in the top three
    recall_at_3_any: float  # at least one expected standard in the top three (the earlier definition)
    mrr: float  # of the first expected standard
    on_topic: int = 0
    on_topic_unanswered: int = 0  # answered with nothing (neither a standard nor a clarifying question)
    on_topic_unanswered_rate: float = 0.0
    off_topic: int = 0
    off_topic_answered: int = 0  # answered with at least one standard
    off_topic_answered_rate: float = 0.0
    on_topic_kinds: dict[str, int] = Field(default_factory=dict)  # matched, closest_match, clarify, nothing
    off_topic_kinds: dict[str, int] = Field(default_factory=dict)


class StandardsMiss(BaseModel):
    """A hybrid-mode case not answered as expected: an expected standard outside the top three, or an
    off-topic question answered with a standard."""

    id: str
    kind: str
    expected: list[str]
    top: list[str]


class StandardsReport(BaseModel):
    n: int
    modes: dict[str, StandardsModeScores]
    misses: list[StandardsMiss] = Field(default_factory=list)
    error: str | None = None


class CaseOutcome(BaseModel):
    id: str
    characteristic: str
    horizon: str = "now"  # "two_years" for a level case of the two-year question
    expected: int | None
    acceptable: list[int]
    predicted: int | None
    confidence: float
    abstain_reason: str | None = None
    fallback_reason: str | None = None


class DialogueOutcome(BaseModel):
    """One simulated dialogue: the level suggested at the end, and the level of each probe asked, in order."""

    id: str
    characteristic: str
    expected: int
    predicted: int | None
    probes: list[int]
    opening_predicted: int | None  # the first call's level, on the opening alone
    opening_kind: str | None = None


class OpeningScores(BaseModel):
    """The first engine call of each dialogue, on the opening alone (before any probe)."""

    exact: float
    within_one: float
    qwk: float
    off_by_3_or_more: int


class KindScores(BaseModel):
    n: int
    exact: float
    opening_exact: float


class DialogueReport(BaseModel):
    n: int
    answered: int
    exact: float
    within_one: float
    qwk: float
    off_by_3_or_more: int
    probes_mean: float
    probes_max: int
    opening: OpeningScores
    by_opening_kind: dict[str, KindScores] = Field(default_factory=dict)
    cases: list[DialogueOutcome] = Field(default_factory=list)


class EvalReport(BaseModel):
    cases: str
    engine: str
    embedder: str
    knowledge_version: str
    levels: LevelReport | None = None  # the level cases of the level now
    two_years: LevelScores | None = None  # the level cases with "horizon": "two_years"
    dialogues: DialogueReport | None = None
    baselines: dict[str, LevelScores] = Field(default_factory=dict)
    abstain: AbstainReport | None = None
    citations: CitationReport
    latency: LatencyReport
    confidence: ConfidenceReport | None = None
    standards: StandardsReport | None = None
    misses: list[CaseOutcome] = Field(default_factory=list)  # level cases not exact, abstain cases answered
