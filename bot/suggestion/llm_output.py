"""What the LLM must return, and the checks that decide whether we may believe it.

The reply is parsed as JSON into `LLMVerdict` (pydantic). It is then checked against the entries
the model was given and the answer it read: a citation outside those entries, a quote that is not
in the answer, an evidence condition that was not given, or a level outside 1-5 rejects it whole.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class LLMEvidence(BaseModel):
    model_config = ConfigDict(extra="ignore")

    quote: str = Field(min_length=1)
    criterion: str


class LLMVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    level: int | None = Field(default=None, ge=1, le=5)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    rationale: str = ""
    evidence: list[LLMEvidence] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    follow_up: str | None = None


class RejectedOutput(ValueError):
    """The model's reply cannot be trusted; the message says why (it becomes `fallback_reason`)."""


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)


def parse_verdict(content: Any) -> LLMVerdict:
    """The reply as a validated `LLMVerdict`; `RejectedOutput` for anything malformed."""
    text = content if isinstance(content, str) else _text_of(content)
    text = _FENCE.sub("", text.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise RejectedOutput("malformed output: no JSON object in the reply")
    try:
        data = json.loads(text[start : end + 1])
    except json.JSONDecodeError as error:
        raise RejectedOutput(f"malformed output: invalid JSON ({error.msg})") from error
    if not isinstance(data, dict):
        raise RejectedOutput("malformed output: the JSON is not an object")
    try:
        return LLMVerdict.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RejectedOutput(f"invalid output: {where}: {first['msg']}") from error


def check_verdict(verdict: LLMVerdict, answer: str, allowed_ids: set[str], condition_ids: set[str]) -> None:
    """Raise `RejectedOutput` unless every citation, quote and condition is grounded."""
    unknown = [i for i in verdict.citations if i not in allowed_ids]
    if unknown:
        raise RejectedOutput(f"hallucinated citation: {', '.join(unknown)} not among the entries given")
    normalised_answer = _normalise(answer)
    for item in verdict.evidence:
        if item.criterion not in condition_ids:
            raise RejectedOutput(f"hallucinated citation: evidence condition {item.criterion} was not given")
        if _normalise(item.quote) not in normalised_answer:
            raise RejectedOutput(f"quote not in the answer: “{item.quote[:80]}”")
    if verdict.level is not None and not verdict.evidence:
        raise RejectedOutput("a level without any quoted evidence")


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _text_of(content: Any) -> str:
    if isinstance(content, list):
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)
