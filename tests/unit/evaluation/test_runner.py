"""The runner with a stand-in engine (faked at the SuggestionEngine interface) and tiny case files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import InvalidInputError
from bot.evaluation.cases import CaseFileError, load_case_set
from bot.evaluation.runner import run_evaluation
from bot.knowledge import KnowledgeBase
from bot.knowledge.base import criterion_id
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.models import Citation, CitationKind, Suggestion, SuggestionContext


class KeywordEngine:
    """Level = the first digit in the answer; 'bad-citation' cites an id that does not exist."""

    name = "keyword"

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        if not answer.strip():
            raise InvalidInputError("empty")
        digits = [int(ch) for ch in answer if ch in "12345"]
        level = digits[0] if digits else None
        cited = "no-such-entry" if "bad-citation" in answer else criterion_id(characteristic_id, level or 1)
        return Suggestion(characteristic=characteristic_id, level=level, confidence=0.5, rationale="r",
                          citations=[Citation(kind=CitationKind.CRITERION, id=cited, text="t")],
                          engine=self.name, knowledge_version=self.kb.version,
                          abstain_reason=None if level else "thin_evidence")


def write_cases(directory: Path) -> None:
    directory.mkdir()
    levels = [("a", "1.1.1", "level 3 answer", 3, [3]), ("b", "2.1.1", "level 2 answer", 3, [3, 4]),
              ("c", "4.1", "no digits bad-citation", 5, [5]), ("d", "1.2.1", "1 answer", 1, [1])]
    (directory / "levels.jsonl").write_text("\n".join(json.dumps(
        {"id": i, "characteristic": c, "answer": a, "expected_level": e, "acceptable_levels": ok})
        for i, c, a, e, ok in levels) + "\n", encoding="utf-8")
    abstain = [("x", "1.1.1", "no idea"), ("y", "1.1.1", " "), ("z", "3.2.1", "level 4 please")]
    (directory / "abstain.jsonl").write_text("\n".join(json.dumps(
        {"id": i, "characteristic": c, "answer": a, "expected_level": None, "acceptable_levels": []})
        for i, c, a in abstain) + "\n", encoding="utf-8")


def test_report_of_levels_abstentions_citations_and_baselines(tmp_path: Path, kb: KnowledgeBase) -> None:
    write_cases(tmp_path / "cases")
    report = run_evaluation(load_case_set(tmp_path / "cases"), KeywordEngine(kb), kb, HashingEmbedder())
    assert report.levels is not None
    assert report.levels.n == 4 and report.levels.answered == 3
    assert report.levels.exact == 0.5 and report.levels.within_one == 0.75
    assert report.levels.false_abstain_rate == 0.25
    assert report.levels.confusion[4] == [0, 0, 0, 0, 0, 1]
    assert set(report.levels.per_dimension) == {"1", "2", "4"}
    assert set(report.baselines) == {"most_common_level", "nearest_level_embedding", "nearest_level_bm25"}
    assert report.baselines["most_common_level"].exact == 0.5  # always 3
    assert report.abstain is not None and report.abstain.recall == pytest.approx(2 / 3, abs=1e-4)
    assert report.abstain.reasons == {"invalid_input": 1, "thin_evidence": 1}
    assert report.citations.invalid_ids == ["no-such-entry"]
    assert report.latency.calls == 7
    assert report.standards is None
    assert {m.id for m in report.misses} == {"b", "c", "z"}


def test_a_malformed_case_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "levels.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(CaseFileError, match="levels.jsonl:1"):
        load_case_set(tmp_path)


def test_report_has_a_confidence_line_of_exact_against_not_exact(tmp_path: Path, kb: KnowledgeBase) -> None:
    write_cases(tmp_path / "cases")
    report = run_evaluation(load_case_set(tmp_path / "cases"), KeywordEngine(kb), kb, HashingEmbedder())
    assert report.confidence is not None
    assert (report.confidence.n_exact, report.confidence.n_not_exact) == (2, 1)  # the abstention is left out
    assert report.confidence.mean_exact == 0.5 and report.confidence.gap == 0.0
    assert "confidence" in json.loads(report.model_dump_json())


def test_standards_report_ranks_on_topic_cases_and_counts_answers_on_both(kb: KnowledgeBase) -> None:
    from bot.evaluation.cases import StandardsCase
    from bot.evaluation.runner import StandardsOutcome, standards_report

    cases = [
        StandardsCase(id="pair", question="q1", expected_standards=["ISO 37101", "ISO 37104"]),
        StandardsCase(id="half", question="q2", expected_standards=["ISO 37100", "ISO/IEC 30182"]),
        StandardsCase(id="unsure", question="q3", expected_standards=["ISO 37106"]),
        StandardsCase(id="weather", question="q4", expected_standards=[]),
        StandardsCase(id="fine", question="q5", expected_standards=[]),
    ]
    answers = {
        "q1": StandardsOutcome(kind="matched", standards=["ISO 37101", "ISO 37104"]),
        "q2": StandardsOutcome(kind="closest_match", standards=["ISO 37106", "ISO/IEC 30182", "ISO 37104",
                                                                 "ISO 37100"]),
        "q3": StandardsOutcome(kind="nothing", standards=[]),
        "q4": StandardsOutcome(kind="clarify", standards=[]),
        "q5": StandardsOutcome(kind="closest_match", standards=["ISO 37104"]),
    }
    report = standards_report(cases, lambda question, mode: answers[question])
    hybrid = report.modes["hybrid"]
    assert (hybrid.recall_at_1, hybrid.recall_at_3, hybrid.recall_at_3_any) == (
        pytest.approx(1 / 3, abs=1e-4), pytest.approx(1 / 3, abs=1e-4), pytest.approx(2 / 3, abs=1e-4))
    assert hybrid.mrr == pytest.approx((1 + 1 / 2) / 3, abs=1e-4)
    assert (hybrid.on_topic, hybrid.on_topic_unanswered, hybrid.on_topic_unanswered_rate) == (3, 1, 0.3333)
    assert (hybrid.off_topic, hybrid.off_topic_answered, hybrid.off_topic_answered_rate) == (2, 1, 0.5)
    assert hybrid.on_topic_kinds == {"closest_match": 1, "matched": 1, "nothing": 1}
    assert hybrid.off_topic_kinds == {"clarify": 1, "closest_match": 1}
    assert [(m.id, m.kind) for m in report.misses] == [("half", "closest_match"), ("unsure", "nothing"),
                                                       ("fine", "closest_match")]
    assert set(report.modes) == {"hybrid", "dense", "bm25"}


def test_an_off_topic_case_has_no_expected_standards(tmp_path: Path) -> None:
    (tmp_path / "standards.jsonl").write_text(
        '{"id": "w", "question": "Will it rain?", "expected_standards": []}\n', encoding="utf-8")
    (case,) = load_case_set(tmp_path).standards
    assert case.off_topic and case.expected_refs == []


def test_a_question_refused_as_unusable_answers_nothing_on_both_sides() -> None:
    from bot.evaluation.cases import StandardsCase
    from bot.evaluation.runner import INVALID, StandardsOutcome, standards_report

    cases = [StandardsCase(id="emoji-on", question="q1", expected_standards=["ISO 37106"]),
             StandardsCase(id="emoji-off", question="q2", expected_standards=[])]
    report = standards_report(cases, lambda question, mode: StandardsOutcome(kind=INVALID, standards=[]))
    hybrid = report.modes["hybrid"]
    assert (hybrid.on_topic_unanswered, hybrid.off_topic_answered) == (1, 0)
