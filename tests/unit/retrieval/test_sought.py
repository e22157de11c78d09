"""A question asking for indicators gets the indicator standard its title names ahead of guidance."""

from bot.knowledge import KnowledgeBase
from bot.retrieval.sought import indicator_subjects, sought_kind_first
from bot.retrieval.standards_ranking import Contribution, RankedStandard


def _ranked(*standards: str) -> list[RankedStandard]:
    def one(standard: str, score: float) -> RankedStandard:
        best = Contribution(standard=standard, ref=None, ref_kind=None, why="w", source=standard,
                            source_kind="Table 3", weight=1.0)
        return RankedStandard(standard=standard, score=score, best=best, refs=[], sources=[standard], via=[])

    return [one(standard, 1.0 - 0.1 * position) for position, standard in enumerate(standards)]


def test_the_indicator_standards_are_read_from_their_titles(kb: KnowledgeBase) -> None:
    subjects = indicator_subjects(kb)
    assert set(subjects) == {"ISO 37120", "ISO 37122", "ISO 37123"}
    assert "resili" in subjects["ISO 37123"] and "smart" in subjects["ISO 37122"]


def test_indicators_for_the_subject_asked_come_first(kb: KnowledgeBase) -> None:
    ranked = _ranked("ISO 37104", "ISO 37101", "ISO 37120", "ISO 37123")
    reordered = sought_kind_first("we need resilience indicators to compare with other towns", ranked, kb)
    assert [item.standard for item in reordered] == ["ISO 37123", "ISO 37104", "ISO 37101", "ISO 37120"]


def test_without_indicators_asked_for_or_a_subject_named_the_order_stands(kb: KnowledgeBase) -> None:
    ranked = _ranked("ISO 37104", "ISO 37123", "ISO 37122")
    assert sought_kind_first("how do we plan for resilience?", ranked, kb) == ranked
    assert sought_kind_first("which indicators should we report?", ranked, kb) == ranked


def test_metrics_and_comparable_numbers_ask_for_indicators(kb: KnowledgeBase) -> None:
    ranked = _ranked("ISO 37104", "ISO 37101", "ISO 37123")
    reordered = sought_kind_first("we want measures of how resilient we are, comparable with other cities", ranked, kb)
    assert [item.standard for item in reordered][0] == "ISO 37123"


def test_what_words_mean_asks_for_the_vocabulary(kb: KnowledgeBase) -> None:
    ranked = _ranked("ISO 37104", "ISO 37123", "ISO 37100")
    reordered = sought_kind_first("What do words like 'resilience' and 'community' mean? Is there a glossary?", ranked,
                                  kb)
    assert [item.standard for item in reordered] == ["ISO 37100", "ISO 37104", "ISO 37123"]
    assert sought_kind_first("how do we plan for resilience?", ranked, kb) == ranked
