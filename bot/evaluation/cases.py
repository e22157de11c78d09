"""Evaluation cases: JSONL files, one object a line, validated into pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.suggestion.models import Horizon

LEVELS_FILE = "levels.jsonl"
ABSTAIN_FILE = "abstain.jsonl"
STANDARDS_FILE = "standards.jsonl"
DIALOGUES_FILE = "dialogues.jsonl"
LEVEL_KEYS = ("1", "2", "3", "4", "5")

M = TypeVar("M", bound=BaseModel)


class LevelCase(BaseModel):
    """An answer and the level it deserves (`expected_level` None: the engine should abstain)."""

    model_config = ConfigDict(frozen=True)

    id: str
    characteristic: str
    answer: str
    expected_level: int | None = Field(default=None, ge=1, le=5)
    acceptable_levels: list[int] = Field(default_factory=list)
    horizon: Horizon = Horizon.NOW  # "two_years": the answer describes plans, suggested for the two-year question
    level_now: int | None = Field(default=None, ge=1, le=5)  # two_years: the level recorded now, if known

    @property
    def dimension(self) -> str:
        return self.characteristic.split(".")[0]

    @property
    def acceptable(self) -> list[int]:
        if self.expected_level is None:
            return []
        return sorted(set(self.acceptable_levels) | {self.expected_level})


class DialogueCase(BaseModel):
    """An opening answer and the stakeholder's reply to a probe about each level ("1".."5").

    A simulated stakeholder gives the opening; when the assistant probes level L it replies `replies[L]`.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    characteristic: str
    opening: str
    replies: dict[str, str]
    expected_level: int = Field(ge=1, le=5)
    acceptable_levels: list[int] = Field(default_factory=list)
    horizon: Horizon = Horizon.NOW
    level_now: int | None = Field(default=None, ge=1, le=5)
    opening_kind: str | None = None  # how the opening reads, e.g. "complete", "partial", "misleading"

    @field_validator("replies")
    @classmethod
    def _levels_as_keys(cls, replies: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(replies) - set(LEVEL_KEYS))
        if unknown:
            raise ValueError(f"replies are keyed by level \"1\".. \"5\", not {unknown}")
        return replies

    @property
    def dimension(self) -> str:
        return self.characteristic.split(".")[0]

    @property
    def acceptable(self) -> list[int]:
        return sorted(set(self.acceptable_levels) | {self.expected_level})


class StandardsCase(BaseModel):
    """A "which standard helps" question; no `expected_standards` means it is outside the model."""

    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    expected_standards: list[str]
    expected_refs: list[str] = Field(default_factory=list)

    @property
    def off_topic(self) -> bool:
        return not self.expected_standards


class CaseSet(BaseModel):
    directory: str
    levels: list[LevelCase] = Field(default_factory=list)
    abstain: list[LevelCase] = Field(default_factory=list)
    standards: list[StandardsCase] = Field(default_factory=list)
    dialogues: list[DialogueCase] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.levels or self.abstain or self.standards or self.dialogues)


class CaseFileError(ValueError):
    """A case file is malformed; names the file and line."""


def load_case_set(directory: Path) -> CaseSet:
    """Whichever of levels.jsonl, abstain.jsonl, standards.jsonl and dialogues.jsonl the directory holds."""
    if not directory.is_dir():
        raise CaseFileError(f"{directory}: not a directory of eval cases")
    return CaseSet(
        directory=str(directory),
        levels=_read(directory / LEVELS_FILE, LevelCase),
        abstain=_read(directory / ABSTAIN_FILE, LevelCase),
        standards=_read(directory / STANDARDS_FILE, StandardsCase),
        dialogues=_read(directory / DIALOGUES_FILE, DialogueCase),
    )


def _read(path: Path, model: type[M]) -> list[M]:
    if not path.exists():
        return []
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            raise CaseFileError(f"{path}:{number}: {error}") from error
    return cases
