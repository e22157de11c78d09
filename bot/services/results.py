"""A stored assessment scored, and its result kept: what `mmssc results`, `mmssc report` and Slack's
`/assess report` call (no adapter scores or stores a result itself)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.knowledge.base import KnowledgeBase
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment

if TYPE_CHECKING:
    from bot.storage.database import Database


def stored_assessment_result(database: Database, kb: KnowledgeBase, assessment: str,
                             now: datetime | None = None) -> AssessmentResult:
    """Score a stored assessment by name from its confirmed levels.

    With `now`, the result is also stored with its SHA-256 and knowledge version (once per distinct
    result), so the hash a report prints can be looked up later.

    >>> result = stored_assessment_result(ctx.database, ctx.kb, "Demo community 2026", now=clock())
    >>> radar_chart_png(result)  # e.g. for `/assess report` in Slack

    Raises `NotFoundError` (from storage) when there is no assessment of that name.
    """
    from bot.storage.queries import scoring_input_for
    from bot.storage.results import store_result

    with database.session() as session:
        result = score_assessment(scoring_input_for(session, assessment), kb)
        if now is not None:
            store_result(session, assessment_name=result.assessment, sha256=result.sha256,
                         knowledge_version=result.knowledge_version, result_json=result.canonical_json(), now=now)
    return result
