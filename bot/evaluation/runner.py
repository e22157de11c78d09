"""Run the evaluation: the engine and the baselines over the cases of one directory.

    report = run_evaluation(load_case_set(Path("evals/cases/dev")), engine, kb, embedder, retriever)

Runs whichever of levels.jsonl, abstain.jsonl, standards.jsonl and dialogues.jsonl the directory holds.
Every engine call goes through `bot.interview.probing.engine_turn`, as in the interview: a single answer is
one call (level cases of the two-year question with that horizon), a dialogue as many as the probes asked.
Latency is measured on warm calls (the engine's conditions are embedded before the clock starts).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from pydantic import BaseModel

from bot.errors import InvalidInputError
from bot.evaluation import metrics
from bot.evaluation.baselines import BM25NearestLevel, EmbeddingNearestLevel, LevelPredictor, MostCommonLevel
from bot.evaluation.cases import CaseSet, LevelCase, StandardsCase
from bot.evaluation.dialogues import run_dialogues
from bot.evaluation.report import (
    AbstainReport,
    CaseOutcome,
    CitationReport,
    ConfidenceReport,
    EvalReport,
    LatencyReport,
    LevelReport,
    LevelScores,
    StandardsMiss,
    StandardsModeScores,
    StandardsReport,
)
from bot.interview.probing import EngineCall, engine_turn
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder
from bot.suggestion.models import Horizon, Suggestion, SuggestionEngine

STANDARDS_MODES = ("hybrid", "dense", "bm25")
NOTHING = "nothing"  # the answer kind of a question judged outside the model
INVALID = "invalid"  # a question refused as unusable (no words, too long): no standard either


class StandardsOutcome(BaseModel):
    """What "which standard helps" answered: its kind (matched, closest_match, clarify, nothing) and the
    standard ids it listed, best first."""

    kind: str
    standards: list[str]


StandardsRanker = Callable[[str, str], StandardsOutcome]  # (question, mode) -> the answer


def run_evaluation(
    cases: CaseSet,
    engine: SuggestionEngine,
    kb: KnowledgeBase,
    embedder: Embedder,
    rank_standards: StandardsRanker | None = None,
    max_probes: int = 3,
) -> EvalReport:
    warm_up = getattr(engine, "warm_up", None) or getattr(getattr(engine, "fallback", None), "warm_up", None)
    if callable(warm_up):
        warm_up(sorted({c.characteristic for c in cases.levels + cases.abstain} |
                       {c.characteristic for c in cases.dialogues}))
    latencies: list[float] = []
    now_cases = [c for c in cases.levels if c.horizon == Horizon.NOW]
    two_year_cases = [c for c in cases.levels if c.horizon == Horizon.TWO_YEARS]
    level_results = [_suggest(engine, case, latencies) for case in now_cases]
    two_year_results = [_suggest(engine, case, latencies) for case in two_year_cases]
    abstain_results = [_suggest(engine, case, latencies) for case in cases.abstain]
    dialogues, dialogue_suggestions = run_dialogues(engine, cases.dialogues, max_probes, latencies)
    all_results = [r for r in level_results + two_year_results + abstain_results if r is not None]
    all_results += dialogue_suggestions

    report = EvalReport(
        cases=cases.directory,
        engine=engine.name,
        embedder=embedder.name,
        knowledge_version=kb.version,
        citations=citation_report(all_results, kb.has_entry),
        latency=LatencyReport(calls=len(latencies), p50_ms=round(metrics.percentile(latencies, 50), 2),
                              p95_ms=round(metrics.percentile(latencies, 95), 2)),
    )
    predicted = [r.level if r else None for r in level_results]
    if now_cases:
        report.levels = level_report(now_cases, predicted)
        report.confidence = confidence_report(now_cases, level_results)
        for baseline in _baselines(now_cases, kb, embedder):
            guesses: list[int | None] = [baseline.predict(c.characteristic, c.answer) for c in now_cases]
            report.baselines[baseline.name] = level_scores(now_cases, guesses)
    if two_year_cases:
        report.two_years = level_scores(two_year_cases, [r.level if r else None for r in two_year_results])
    if cases.dialogues:
        report.dialogues = dialogues
    if cases.abstain:
        abstained = [r.level if r else None for r in abstain_results]
        reasons = Counter((r.abstain_reason or "unspecified") if r else "invalid_input"
                          for r in abstain_results if r is None or r.level is None)
        report.abstain = AbstainReport(n=len(cases.abstain), recall=round(metrics.abstain_recall(abstained), 4),
                                       reasons=dict(sorted(reasons.items())))
    if cases.standards:
        report.standards = standards_report(cases.standards, rank_standards)
    report.misses = _misses(now_cases + two_year_cases + cases.abstain,
                            level_results + two_year_results + abstain_results)
    return report


def _suggest(engine: SuggestionEngine, case: LevelCase, latencies: list[float]) -> Suggestion | None:
    """The engine's suggestion on a single answer (its first call, before any probe); None when it refused
    the input (an empty answer counts as abstaining)."""
    start = time.perf_counter()
    try:
        call = EngineCall(horizon=case.horizon, level_now=case.level_now)
        result = engine_turn(engine, case.characteristic, case.answer, call, max_probes=0).suggestion
    except InvalidInputError:
        return None
    finally:
        latencies.append((time.perf_counter() - start) * 1000)
    return result


def level_scores(cases: list[LevelCase], predicted: list[int | None]) -> LevelScores:
    expected = [c.expected_level or 0 for c in cases]
    acceptable = [c.acceptable for c in cases]
    answered_expected, answered_predicted = metrics.answered_pairs(predicted, expected)
    return LevelScores(
        n=len(cases),
        answered=len(answered_predicted),
        exact=round(metrics.exact_rate(predicted, acceptable), 4),
        within_one=round(metrics.within_one_rate(predicted, expected, acceptable), 4),
        qwk=round(metrics.quadratic_weighted_kappa(answered_expected, answered_predicted), 4),
        mae=round(metrics.mean_absolute_error(answered_expected, answered_predicted), 4),
        false_abstain_rate=round(metrics.false_abstain_rate(predicted), 4),
        off_by_3_or_more=metrics.off_by_at_least(predicted, expected, 3),
    )


def level_report(cases: list[LevelCase], predicted: list[int | None]) -> LevelReport:
    overall = level_scores(cases, predicted)
    per_dimension = {}
    for dimension in sorted({c.dimension for c in cases}):
        chosen = [i for i, c in enumerate(cases) if c.dimension == dimension]
        per_dimension[dimension] = level_scores([cases[i] for i in chosen], [predicted[i] for i in chosen])
    confusion = metrics.confusion_matrix([c.expected_level or 1 for c in cases], predicted)
    return LevelReport(**overall.model_dump(), confusion=confusion, per_dimension=per_dimension)


def confidence_report(cases: list[LevelCase], results: list[Suggestion | None]) -> ConfidenceReport:
    """Mean confidence of the answered level cases, exact against not exact (abstentions left out)."""
    answered = [(c, r) for c, r in zip(cases, results, strict=True) if r is not None and r.level is not None]
    confidences = [r.confidence for _, r in answered]
    exact = [r.level in c.acceptable for c, r in answered]
    mean_exact, mean_not_exact = metrics.confidence_by_outcome(confidences, exact)
    separation = metrics.auroc(confidences, exact)
    return ConfidenceReport(n_exact=sum(exact), n_not_exact=len(exact) - sum(exact),
                            mean_exact=round(mean_exact, 4), mean_not_exact=round(mean_not_exact, 4),
                            gap=round(mean_exact - mean_not_exact, 4),
                            auroc=round(separation, 4) if separation is not None else None)


def citation_report(results: list[Suggestion], resolves: Callable[[str], bool]) -> CitationReport:
    ids = [c.id for r in results for c in r.citations] + [e.criterion for r in results for e in r.evidence]
    ids += [e.criterion for r in results for e in r.counter_evidence]
    ids += [condition for r in results if r.probe is not None for condition in r.probe.conditions]
    invalid = sorted({i for i in ids if not resolves(i)})
    return CitationReport(cited=len(ids), valid=sum(resolves(i) for i in ids),
                          validity=round(metrics.citation_validity(ids, resolves), 4), invalid_ids=invalid)


def standards_report(cases: list[StandardsCase], rank: StandardsRanker | None) -> StandardsReport:
    """recall@1, recall@3 (every expected standard), MRR over the on-topic questions, and how often an
    on-topic question got nothing and an off-topic one got a standard, per retrieval mode."""
    if rank is None:
        return StandardsReport(n=len(cases), modes={}, error="no standards ranker available")
    on_topic = [c for c in cases if not c.off_topic]
    off_topic = [c for c in cases if c.off_topic]
    modes, misses = {}, []
    for mode in STANDARDS_MODES:
        on_answers = [rank(c.question, mode) for c in on_topic]
        off_answers = [rank(c.question, mode) for c in off_topic]
        modes[mode] = standards_mode_scores(on_topic, on_answers, off_answers)
        if mode == "hybrid":
            misses = standards_misses(on_topic, on_answers, off_topic, off_answers)
    return StandardsReport(n=len(cases), modes=modes, misses=misses)


def standards_mode_scores(
    on_topic: list[StandardsCase], on_answers: list[StandardsOutcome], off_answers: list[StandardsOutcome]
) -> StandardsModeScores:
    ranked = [answer.standards for answer in on_answers]
    expected = [case.expected_standards for case in on_topic]
    unanswered = sum(answer.kind in (NOTHING, INVALID) for answer in on_answers)
    answered = sum(bool(answer.standards) for answer in off_answers)
    return StandardsModeScores(
        recall_at_1=round(metrics.recall_at_k(ranked, expected, 1), 4),
        recall_at_3=round(metrics.recall_all_at_k(ranked, expected, 3), 4),
        recall_at_3_any=round(metrics.recall_at_k(ranked, expected, 3), 4),
        mrr=round(metrics.mean_reciprocal_rank(ranked, expected), 4),
        on_topic=len(on_answers),
        on_topic_unanswered=unanswered,
        on_topic_unanswered_rate=round(metrics.share(unanswered, len(on_answers)), 4),
        off_topic=len(off_answers),
        off_topic_answered=answered,
        off_topic_answered_rate=round(metrics.share(answered, len(off_answers)), 4),
        on_topic_kinds=dict(sorted(Counter(answer.kind for answer in on_answers).items())),
        off_topic_kinds=dict(sorted(Counter(answer.kind for answer in off_answers).items())),
    )


def standards_misses(
    on_topic: list[StandardsCase], on_answers: list[StandardsOutcome],
    off_topic: list[StandardsCase], off_answers: list[StandardsOutcome],
) -> list[StandardsMiss]:
    misses = [
        StandardsMiss(id=case.id, kind=answer.kind, expected=case.expected_standards, top=answer.standards[:3])
        for case, answer in zip(on_topic, on_answers, strict=True)
        if metrics.recall_all_at_k([answer.standards], [case.expected_standards], 3) < 1
    ]
    misses += [StandardsMiss(id=case.id, kind=answer.kind, expected=[], top=answer.standards[:3])
               for case, answer in zip(off_topic, off_answers, strict=True) if answer.standards]
    return misses


def _baselines(cases: list[LevelCase], kb: KnowledgeBase, embedder: Embedder) -> list[LevelPredictor]:
    common = MostCommonLevel([c.expected_level for c in cases if c.expected_level is not None])
    return [common, EmbeddingNearestLevel(kb, embedder), BM25NearestLevel(kb)]


def _misses(cases: list[LevelCase], results: list[Suggestion | None]) -> list[CaseOutcome]:
    misses = []
    for case, result in zip(cases, results, strict=True):
        level = result.level if result else None
        if (case.expected_level is None and level is None) or (level is not None and level in case.acceptable):
            continue
        misses.append(CaseOutcome(
            id=case.id, characteristic=case.characteristic, horizon=case.horizon.value, expected=case.expected_level,
            acceptable=case.acceptable, predicted=level, confidence=result.confidence if result else 0.0,
            abstain_reason=result.abstain_reason if result else "invalid_input",
            fallback_reason=result.fallback_reason if result else None,
        ))
    return misses
