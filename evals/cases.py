"""Evaluation cases: JSONL files, one object a line, validated into pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

LEVELS_FILE = "levels.jsonl"
ABSTAIN_FILE = "abstain.jsonl"
STANDARDS_FILE = "standards.jsonl"

M = TypeVar("M", bound=BaseModel)


class LevelCase(BaseModel):
    """An answer and the level it deserves (`expected_level` None: the engine should abstain)."""

    model_config = ConfigDict(frozen=True)

    id: str
    characteristic: str
    answer: str
    expected_level: int | None = Field(default=None, ge=1, le=5)
    acceptable_levels: list[int] = Field(default_factory=list)

    @property
    def dimension(self) -> str:
        return self.characteristic.split(".")[0]

    @property
    def acceptable(self) -> list[int]:
        if self.expected_level is None:
            return []
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

    @property
    def empty(self) -> bool:
        return not (self.levels or self.abstain or self.standards)


class CaseFileError(ValueError):
    """A case file is malformed; names the file and line."""


def load_case_set(directory: Path) -> CaseSet:
    """Whichever of levels.jsonl, abstain.jsonl and standards.jsonl the directory holds."""
    if not directory.is_dir():
        raise CaseFileError(f"{directory}: not a directory of eval cases")
    return CaseSet(
        directory=str(directory),
        levels=_read(directory / LEVELS_FILE, LevelCase),
        abstain=_read(directory / ABSTAIN_FILE, LevelCase),
        standards=_read(directory / STANDARDS_FILE, StandardsCase),
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
