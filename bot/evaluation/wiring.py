"""Wire an evaluation run from an `AppContext`: the engine asked for, the embedder, the retriever."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.config import EngineKind
from bot.context import AppContext
from bot.errors import InvalidInputError
from bot.evaluation.cases import load_case_set
from bot.evaluation.report import EvalReport
from bot.evaluation.runner import INVALID, StandardsOutcome, StandardsRanker, run_evaluation
from bot.suggestion.factory import build_engine

log = logging.getLogger(__name__)


def standards_ranker(ctx: AppContext) -> StandardsRanker:
    """(question, mode) -> the answer's kind and standard ids, best first, through the retrieval service."""
    from bot.retrieval.retriever import RetrievalMode
    from bot.retrieval.standards import answer_standards_question

    def rank(question: str, mode: str) -> StandardsOutcome:
        try:
            answer = answer_standards_question(question, ctx.kb, ctx.retriever, mode=RetrievalMode(mode))
        except InvalidInputError:  # "👍" or a bare link: the person is told how to ask; no standard
            return StandardsOutcome(kind=INVALID, standards=[])
        return StandardsOutcome(kind=answer.kind.value, standards=[hit.id for hit in answer.standards])

    return rank


def evaluate_directory(ctx: AppContext, cases_dir: Path, engine: EngineKind = EngineKind.DEFAULT) -> EvalReport:
    """Run every case file of `cases_dir` against the chosen engine and the three baselines."""
    cases = load_case_set(cases_dir)
    settings = ctx.settings.model_copy(update={"engine": engine})
    suggestion_engine = build_engine(settings, ctx.kb, ctx.embedder)
    return run_evaluation(cases, suggestion_engine, ctx.kb, ctx.embedder,
                          standards_ranker(ctx) if cases.standards else None, max_probes=settings.max_probes)
