from __future__ import annotations

from collections.abc import Collection

from bot.knowledge import KnowledgeBase
from bot.retrieval.aspects import aspects_of, names_its_need, with_aspects_covered, with_only
from bot.retrieval.retriever import EntryKind, RetrievalMode, RetrievedEntry
from bot.retrieval.standards import each_aspect_covered
from bot.retrieval.standards_ranking import rank_standards

TWO_NEEDS = ("Benefits for the digital programme: I need guidance on benefit mapping and tracking, and separately "
             "a standard set of KPIs we can report against for city services.")


def test_the_things_a_sentence_lists_are_its_aspects():
    assert aspects_of(TWO_NEEDS) == [
        "Benefits for the digital programme: I need guidance on benefit mapping and tracking",
        "a standard set of KPIs we can report against for city services.",
    ]
    assert aspects_of("general city performance indicators + the resilience specific ones") == [
        "general city performance indicators", "the resilience specific ones"]


def test_a_plain_and_a_new_sentence_or_a_long_list_are_not_aspects():
    assert aspects_of("indicators for city services and quality of life") == []
    assert aspects_of("We track KPIs on our strategy. We need to tie this into our management system.") == []
    assert aspects_of("a; b; c") == []  # too short to be needs
    # four things: a rambling list, not a question of several needs
    assert aspects_of("open data portals; identity management; procurement rules; digital inclusion work") == []


def test_an_aspect_is_ranked_with_the_question_around_it():
    question = "We're rewriting our vision. It needs to (a) line up with local needs (b) use what smart tech can do."
    first, second = aspects_of(question)
    assert (first, second) == ("line up with local needs", "use what smart tech can do.")
    assert with_only(first, question, [first, second]).startswith("We're rewriting our vision.")
    assert second not in with_only(first, question, [first, second])


def test_an_aspect_naming_no_kind_of_help_takes_the_questions():
    assert names_its_need("a standard set of KPIs")
    assert not names_its_need("the resilience specific ones")


def test_each_aspects_best_moves_up_behind_the_best():
    ranked = ["ISO 37120", "ISO 37122", "ISO 37123", "ISO 37106"]
    assert with_aspects_covered(ranked, ["ISO 37106", "ISO 37120"]) == [
        "ISO 37120", "ISO 37106", "ISO 37122", "ISO 37123"]
    assert with_aspects_covered(ranked, ["ISO 37104"]) == [
        "ISO 37120", "ISO 37104", "ISO 37122", "ISO 37123", "ISO 37106"]
    assert with_aspects_covered([], ["ISO 37104"]) == []


class _ByWord:
    """Benefit words retrieve ISO 37106's benefit row, anything else ISO 37120's description."""

    def search(self, query: str, *, k: int = 5, kinds: Collection[EntryKind] | None = None,
               characteristic: str | None = None, mode: RetrievalMode = RetrievalMode.HYBRID) -> list[RetrievedEntry]:
        if "benefit mapping" in query and "KPIs" not in query:
            return [RetrievedEntry(id="annexB:1.5:1", kind=EntryKind.ANNEX_B, text="", score=1.0)]
        return [RetrievedEntry(id="ISO 37120", kind=EntryKind.STANDARD, text="", score=1.0)]


def test_a_question_listing_two_needs_gets_the_best_standard_of_each_in_its_top_three(kb: KnowledgeBase):
    whole = rank_standards(_ByWord().search("KPIs"), kb)
    assert "ISO 37106" not in [item.standard for item in whole[:3]]
    covered = [item.standard for item in each_aspect_covered(TWO_NEEDS, whole, kb, _ByWord())]
    assert covered[:2] == ["ISO 37120", "ISO 37106"]
    assert each_aspect_covered("KPIs for city services", whole, kb, _ByWord()) == whole
