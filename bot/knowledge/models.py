"""Typed models of the MMSSC knowledge base. Loaded and cross-checked by `loader.py`."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

LEVELS = (1, 2, 3, 4, 5)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DimensionKind(StrEnum):
    ENABLER = "enabler"
    PURPOSE = "purpose"


class Family(StrEnum):
    """Which column of Table 2 defines the levels of a characteristic."""

    INTEGRATED_CITIZEN_CENTRIC = "integrated_citizen_centric"
    OPEN_COLLABORATIVE = "open_collaborative"
    PURPOSE = "purpose"


class RefKind(StrEnum):
    ISO37106_SUBCOMPONENT = "iso37106_subcomponent"
    ISO37104_CLAUSE = "iso37104_clause"


class SubDimension(Frozen):
    id: str
    name: str


class Dimension(Frozen):
    id: str
    name: str
    kind: DimensionKind
    description: str
    sub_dimensions: list[SubDimension] = Field(min_length=1)


class LevelName(Frozen):
    level: int = Field(ge=1, le=5)
    name: str


class LevelDefinition(Frozen):
    level: int = Field(ge=1, le=5)
    text: str = Field(min_length=1)


class LevelFamily(Frozen):
    id: Family
    name: str
    definitions: list[LevelDefinition]


class Condition(Frozen):
    """One requirement a level adds; `cues` are everyday phrases that evidence it, `question` asks about it
    in plain words (an evidence probe about this condition alone)."""

    id: str
    text: str = Field(min_length=1)
    cues: list[str] = Field(default_factory=list)
    question: str | None = None


class Level(Frozen):
    """One level of a characteristic: the draft's `criteria`, our short `summary`, the `conditions` it adds,
    and `probe`, a plain yes/no question about all of them (levels 2-5)."""

    level: int = Field(ge=1, le=5)
    criteria: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    conditions: list[Condition] = Field(min_length=1)
    probe: str | None = None


class Characteristic(Frozen):
    id: str
    name: str
    sub_dimension: str
    family: Family
    question: str = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)
    levels: list[Level]

    @field_validator("levels")
    @classmethod
    def _five_levels_in_order(cls, levels: list[Level]) -> list[Level]:
        found = tuple(level.level for level in levels)
        if found != LEVELS:
            raise ValueError(f"levels must be exactly 1-5 in order, found {list(found)}")
        return levels

    def level(self, number: int) -> Level:
        return self.levels[number - 1]

    @property
    def dimension(self) -> str:
        return self.id.split(".")[0]


class Standard(Frozen):
    id: str
    title: str
    description: str = Field(min_length=1)
    source: str


class AnnexBEntry(Frozen):
    id: str
    dimension: str
    sub_dimension: str | None
    standard: str
    ref: str | None = None
    ref_kind: RefKind | None = None
    guidance: str = Field(min_length=1)


class AnnexCFunction(Frozen):
    purpose: str
    code: str
    function: str

    @property
    def id(self) -> str:
        return f"annexC:{self.purpose}:{self.code}"
