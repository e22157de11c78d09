"""The kind of document a question asks for: a set of indicators is not a guide.

"We need resilience indicators we can compare with other towns" asks for indicators: the standards whose
titles say they are indicators (Table 3: ISO 37120, 37122, 37123) answer it before guidance that merely
mentions resilience, and among them the one whose title names what the indicators are for ("resilient",
"smart") comes first. So does a glossary: "what do words like 'resilience' mean?" asks for the standard whose title
says it is a vocabulary (ISO 37100). Only standards the retrieval already ranked are reordered; none is added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.knowledge import KnowledgeBase
from bot.retrieval.standards_ranking import RankedStandard
from bot.words import FUNCTION_WORDS

# "indicators", "KPIs", "metrics", "measures of how well we cope", "a list of numbers everyone defines the same way"
_ASKS_FOR_INDICATORS = re.compile(
    r"\b(?:indicators?|kpis?|metrics|measures\s+(?:of|for)|(?:list|set)\s+of\s+(?:numbers|figures|measures)"
    r"|statistics|comparable\s+(?:numbers|figures|data))\b", re.IGNORECASE)
_INDICATOR_TITLE = re.compile(r"\bIndicators\s+for\s+(.+)$")
# "an agreed glossary", "what words like 'resilience' mean": the standard whose title says it is a vocabulary
# (not "terminology", which the concept model answers as well: "smart city terminology and reference models")
_ASKS_FOR_WORDS = re.compile(r"\b(?:vocabulary|glossary"
                             r"|definitions\s+of\s+(?:the\s+|key\s+)*(?:terms|words)"
                             r"|(?:words|terms)\s+(?:like\s+)?[^?.]{0,80}\bmean)\b", re.IGNORECASE)
_VOCABULARY_TITLE = re.compile(r"\bVocabulary$")
_WORD = re.compile(r"[a-z]+")
_GENERIC_TITLE_WORDS = frozenset({"city", "cities", "community", "communities"})
_STEM = 6  # "resilient" and "resilience" share their first six letters


def sought_kind_first(question: str, ranked: Sequence[RankedStandard], kb: KnowledgeBase) -> list[RankedStandard]:
    """`ranked` with the indicator standards first when the question asks for indicators (stable within each
    group), the one whose title names the question's subject ahead of the others; with the vocabulary first when it
    asks what words mean."""
    if not _ASKS_FOR_INDICATORS.search(question):
        if _ASKS_FOR_WORDS.search(question):
            vocabularies = {standard.id for standard in kb.standards if _VOCABULARY_TITLE.search(standard.title)}
            return sorted(ranked, key=lambda standard: standard.standard not in vocabularies)
        return list(ranked)
    subjects = indicator_subjects(kb)
    asked = _stems(question)

    def order(position: int) -> tuple[int, int]:
        words = subjects.get(ranked[position].standard)
        return (0 if words and words & asked else 1, position)

    return [ranked[position] for position in sorted(range(len(ranked)), key=order)]


def indicator_subjects(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The standards whose titles say they are indicators, with the (stemmed) words of what they are for:
    {"ISO 37123": {"resili"}, "ISO 37122": {"smart"}, "ISO 37120": {"servic", "qualit", "life"}}."""
    subjects = {}
    for standard in kb.standards:
        match = _INDICATOR_TITLE.search(standard.title)
        if match:
            subjects[standard.id] = _stems(match.group(1))
    return subjects


def _stems(text: str) -> frozenset[str]:
    return frozenset(word[:_STEM] for word in _WORD.findall(text.lower())
                     if word not in FUNCTION_WORDS and word not in _GENERIC_TITLE_WORDS)
