"""The deterministic wording of a standards answer, one function per kind (pure functions).

People read references (`ISO 37106, sub-component B8 (Annex B)`), never machine ids: each hit carries
`KnowledgeBase.reference_label` of its source as `reference`, the one wording used everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.retrieval.topics import TopicHit

if TYPE_CHECKING:
    from bot.retrieval.standards import StandardHit

NOTHING_RELEVANT = (
    "Nothing in the MMSSC draft's standards mapping (Table 3, Annex B and Annex C) matches this question, "
    "so no standard is suggested. Try describing the part of the community's work you want to improve, "
    "for example open data, procurement, digital inclusion, infrastructure or one of the six purposes."
)
NOT_ENGLISH = (
    "I can only read questions in English for now: the MMSSC draft and its standards mapping are in English. "
    "Could you ask again in English? For example: which standard helps with open data?"
)


def outside_the_model(standard: str) -> str:
    """The answer to a question about a standard the draft does not map ("is ISO 50001 the one?")."""
    return (
        f"{standard} is not among the standards the MMSSC draft maps (Table 3, Annex B and Annex C), so I "
        "cannot say how it helps. Ask me about the part of the community's work you want to improve, for "
        "example open data, procurement or digital inclusion, and I will name the draft's standards for it."
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def outside_the_fields(field: str) -> str:
    """The answer to a question about a management system for a field the draft's standards do not cover."""
    return (
        f"The MMSSC draft maps no standard for {_article(field)} {field} management system, so I cannot name one. "
        "Ask me about the part of the community's work you want to improve, for example open data, procurement "
        "or digital inclusion, and I will name the draft's standards for it."
    )


def in_another_field(field: str) -> str:
    """The answer to a question that belongs to a field of other standards (`bot.retrieval.other_fields`)."""
    return (
        f"This looks like a question for the standards of another field ({field}), which the MMSSC draft does not "
        "map, so I cannot name one. Ask me about the part of the community's work you want to improve, for example "
        "open data, procurement or digital inclusion, and I will name the draft's standards for it."
    )


MATCHED_HEADING = "Standards that help, best first (from the MMSSC draft's Table 3, Annex B and Annex C):"
CLOSEST_HEADING = (
    "Closest match: nothing in the MMSSC draft's standards mapping fits this question exactly, so check "
    "that these fit what you mean. Best first:"
)


def standard_line(number: int, hit: StandardHit) -> str:
    """`2. ISO 37104 (Annex B): <the draft's words> (named with ISO 37101 in the draft)`."""
    paired = f" (named with {hit.paired_with} in the draft)" if hit.paired_with else ""
    return f"{number}. {hit.reference}: {hit.why}{paired}"


def topic_label(topic: TopicHit) -> str:
    """`2.3.1 Digital inclusion (Channels and access)`; the sub-dimension only when its name differs."""
    where = f" ({topic.sub_dimension_name})" if topic.sub_dimension_name != topic.name else ""
    return f"{topic.characteristic} {topic.name}{where}"


def compose_standards_answer(hits: Sequence[StandardHit]) -> str:
    """A confident answer: the standards best first, each with the draft's words and its reference."""
    return "\n".join([MATCHED_HEADING, *(standard_line(n, hit) for n, hit in enumerate(hits, start=1))])


def compose_closest_match(hits: Sequence[StandardHit], topics: Sequence[TopicHit]) -> str:
    """A hedged answer: the closest standards, and the model's topic nearest to the question."""
    lines = [CLOSEST_HEADING, *(standard_line(n, hit) for n, hit in enumerate(hits, start=1))]
    if topics:
        lines.append(f"The nearest topic in the model is {topic_label(topics[0])}.")
    return "\n".join(lines)


def compose_clarifying_question(topics: Sequence[TopicHit]) -> str:
    """No standard yet: the two or three nearest topics, and a question about which one is meant."""
    if not topics:
        return NOTHING_RELEVANT
    listed = "; ".join(topic_label(topic) for topic in topics)
    return (
        "I am not sure which part of the MMSSC this is about, so I have not picked a standard. "
        f"The nearest topics in the model are: {listed}. Which of them do you mean? Ask again with it, "
        f"for example: which standard helps with {topics[0].name.lower()}?"
    )
