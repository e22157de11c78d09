"""`mmssc ask` rendering for each kind of answer, read from the structured fields."""

from __future__ import annotations

from rich.console import Console

from bot.adapters.cli.retrieval_commands import render_standards_answer
from bot.knowledge import KnowledgeBase
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards import StandardHit, StandardsAnswer
from bot.retrieval.topics import TopicHit


def rendered(answer: StandardsAnswer) -> str:
    console = Console(record=True, width=140)
    render_standards_answer(answer, console)
    return console.export_text()


def topic(kb: KnowledgeBase, characteristic_id: str) -> TopicHit:
    characteristic = kb.characteristic(characteristic_id)
    sub = kb.sub_dimension(characteristic.sub_dimension)
    return TopicHit(characteristic=characteristic.id, name=characteristic.name, sub_dimension=sub.id,
                    sub_dimension_name=sub.name, similarity=0.4)


def hit(kb: KnowledgeBase, source: str, standard: str, paired_with: str | None = None) -> StandardHit:
    return StandardHit(id=standard, ref=None, why="[bold]the draft's words[/bold]", source=source, score=1.0,
                       reference=kb.reference_label(source), paired_with=paired_with)


def test_a_clarifying_answer_lists_the_nearest_topics(kb: KnowledgeBase):
    answer = StandardsAnswer(question="q", answer="Which of them do you mean?", standards=[], relevant=False,
                             kind=AnswerKind.CLARIFY, topics=[topic(kb, "2.3.1"), topic(kb, "2.3.2")])
    text = rendered(answer)
    assert "Which topic do you mean?" in text and "Nearest topics in the model" in text
    assert "2.3.1" in text and "Digital inclusion" in text and "Channel management" in text


def test_a_closest_match_says_so_and_shows_references_not_ids(kb: KnowledgeBase):
    answer = StandardsAnswer(question="q", answer="Closest match: ...", relevant=True, kind=AnswerKind.CLOSEST_MATCH,
                             standards=[hit(kb, "annexB:2.3:1", "ISO 37106"),
                                        hit(kb, "annexB:4:2", "ISO 37104", paired_with="ISO 37101")],
                             topics=[topic(kb, "2.3.1")])
    text = rendered(answer)
    assert "Closest match, best first" in text and "Nearest topic: 2.3.1 Digital inclusion" in text
    assert "ISO 37106, sub-component B11 (Annex B)" in text and "named with ISO 37101 in the draft" in text
    assert "annexB" not in text and "[bold]the draft's words[/bold]" in text  # text, not markup


def test_nothing_says_no_standard_found():
    answer = StandardsAnswer(question="q", answer="Nothing matches.", standards=[], relevant=False,
                             kind=AnswerKind.NOTHING)
    assert "No standard found" in rendered(answer)
