"""The terminal rendering: every reply kind prints, and nobody's text is read as Rich markup."""

from __future__ import annotations

from rich.console import Console

from bot.adapters.terminal.render import render_replies
from bot.interview.messages import Horizon, Reply, ReplyKind
from bot.interview.replies import question_reply, suggestion_reply
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import Evidence, Suggestion


def _printed(replies: list[Reply]) -> str:
    console = Console(record=True, width=120, color_system=None)
    render_replies(console, replies)
    return console.export_text()


def test_every_kind_of_reply_prints_its_text(kb: KnowledgeBase) -> None:
    question = question_reply(kb, "1.1.1", Horizon.NOW, 1, 31)
    suggestion = suggestion_reply(kb, Suggestion(characteristic="1.1.1", level=3, confidence=0.8, rationale="why",
                                                 engine="fake", knowledge_version="k"), Horizon.NOW)
    others = [Reply(kind=kind, text=f"text of {kind.value}") for kind in ReplyKind
              if kind not in (ReplyKind.QUESTION, ReplyKind.SUGGESTION, ReplyKind.PROBE_DONE)]
    printed = _printed([question, suggestion, *others])
    assert "1.1.1 An outcomes-focused city vision and strategy" in printed and "question 1 of 31" in printed
    assert kb.characteristic("1.1.1").question[:40] in printed
    assert all(line[:30] in printed for line in question.ladder)
    assert "Suggested level 3" in printed
    assert all(f"text of {r.kind.value}" in printed for r in others)
    # the reply to a probe is on screen as typed: the terminal prints nothing more for it
    assert _printed([Reply(kind=ReplyKind.PROBE_DONE, text="You answered: Partly")]) == ""


def test_a_suggestion_says_settled_or_not_instead_of_a_confidence_number(kb: KnowledgeBase) -> None:
    from bot.suggestion.models import Probe

    settled = Suggestion(characteristic="1.1.1", level=3, confidence=0.83, rationale="why", engine="fake",
                         knowledge_version="k")
    unsettled = settled.model_copy(update={"probe": Probe(level=4, question="Do leaders track it?")})
    assert "Suggested level 3 (Fulfilled), settled." in _printed([suggestion_reply(kb, settled, Horizon.NOW)])
    printed = _printed([suggestion_reply(kb, unsettled, Horizon.NOW)])
    assert "Suggested level 3 (Fulfilled), not settled." in printed
    assert "0.83" not in printed and "onfidence" not in printed


def test_markup_in_text_is_shown_as_typed() -> None:
    printed = _printed([Reply(kind=ReplyKind.ERROR, text="Unknown command '[bold]x[/bold]' [L3]")])
    assert "'[bold]x[/bold]' [L3]" in printed


def test_an_abstention_reads_in_words_not_as_a_code(kb: KnowledgeBase) -> None:
    from bot.interview.wording import ABSTAIN_REASON_WORDS
    for code in ("off_topic", "thin_evidence", "gibberish", "instruction", "question", "dont_know", "llm_abstained",
                 "some_new_code"):
        suggestion = Suggestion(characteristic="1.2.3", level=None, confidence=0.0, rationale="r", engine="fake",
                                knowledge_version="k", abstain_reason=code, follow_up="Who builds the skills?")
        text = suggestion_reply(kb, suggestion, Horizon.NOW).text
        assert "_" not in text.split("\n")[0], text
        assert ABSTAIN_REASON_WORDS.get(code, "some new code") in text
    printed = _printed([suggestion_reply(kb, Suggestion(
        characteristic="1.2.3", level=None, confidence=0.0, rationale="r", engine="fake", knowledge_version="k",
        abstain_reason="off_topic"), Horizon.NOW)])
    assert "does not seem to be about this characteristic" in printed and "off_topic" not in printed


def test_a_revisited_question_says_what_is_on_record(kb: KnowledgeBase) -> None:
    fresh = question_reply(kb, "1.1.1", Horizon.NOW, 1, 31)
    revisited = question_reply(kb, "1.1.1", Horizon.NOW, 1, 31, recorded=3)
    assert fresh.recorded_level is None and "Recorded so far" not in fresh.text
    assert revisited.recorded_level == 3
    assert "Recorded so far: level 3 (Fulfilled); skip keeps it." in _printed([revisited])


def test_a_low_confidence_suggestion_shows_what_is_not_in_place_and_how_to_be_surer(kb: KnowledgeBase) -> None:
    counter = [Evidence(quote="We have no published [bold]vision[/bold] yet.", criterion="1.1.1/3/a"),
               *(Evidence(quote=f"quote {n} " + "no " * 500, criterion=f"1.1.1/3/{n}") for n in range(4))]
    from bot.suggestion.models import Probe

    unsettled = Probe(level=3, conditions=["1.1.1/3/a"], question="Who signed the strategy off?")
    suggestion = Suggestion(characteristic="1.1.1", level=2, confidence=0.55, rationale="why", engine="fake",
                            knowledge_version="k", follow_up="Who signed the strategy off?", counter_evidence=counter,
                            probe=unsettled)
    printed = _printed([suggestion_reply(kb, suggestion, Horizon.NOW)])
    lines = [line.strip("│ ") for line in printed.splitlines()]
    assert "Not in place yet: \u201cWe have no published [bold]vision[/bold] yet.\u201d [MMSSC 1.1.1, level 3]" in lines
    assert "and 2 more" in lines and "1.1.1/3/3" not in printed  # briefly: the first three
    assert "quote 0 no no" in printed and "no " * 100 not in printed  # long quotes are shortened
    not_in_place = next(i for i, line in enumerate(lines) if line.startswith("Not in place yet"))
    assert lines.index("To be surer: Who signed the strategy off?") > not_in_place
    plain = _printed([suggestion_reply(kb, suggestion.model_copy(update={"counter_evidence": []}), Horizon.NOW)])
    assert "Not in place yet" not in plain and "To be surer: Who signed the strategy off?" in plain


def test_an_abstention_with_counter_evidence_puts_it_before_the_follow_up(kb: KnowledgeBase) -> None:
    suggestion = Suggestion(characteristic="1.1.1", level=None, confidence=0.0, rationale="r", engine="fake",
                            knowledge_version="k", follow_up="Who builds the skills?", abstain_reason="thin_evidence",
                            counter_evidence=[Evidence(quote="Nobody does.", criterion="1.1.1/2/a")])
    lines = [line.strip("│ ") for line in _printed([suggestion_reply(kb, suggestion, Horizon.NOW)]).splitlines()]
    denial = "Not in place yet: \u201cNobody does.\u201d [MMSSC 1.1.1, level 2]"
    assert lines.index(denial) < lines.index("Who builds the skills?")


def test_a_revisited_question_shows_the_earlier_answer_shortened(kb: KnowledgeBase) -> None:
    revisited = question_reply(kb, "1.1.1", Horizon.NOW, 1, 31, recorded=3,
                               earlier="We adopted a [i]vision[/i] in 2021\n\nwith outcomes.")
    printed = _printed([revisited])
    assert "Your earlier answer: \u201cWe adopted a [i]vision[/i] in 2021 with outcomes.\u201d" in printed
    assert "read together with it" in printed
    assert "Your earlier answer" not in _printed([question_reply(kb, "1.1.1", Horizon.NOW, 1, 31)])
    long = _printed([question_reply(kb, "1.1.1", Horizon.TWO_YEARS, 1, 31, earlier="word " * 5000)])
    assert "Your earlier answer: \u201cword word" in long and long.count("word") < 80


def test_a_probe_prints_as_a_question_with_its_place(kb: KnowledgeBase) -> None:
    from bot.interview.decisions import PendingSuggestion
    from bot.interview.replies import probe_reply
    from bot.suggestion.models import Probe

    probe = Probe(level=3, conditions=["1.1.1/3/a"], question="Is the vision [bold]published[/bold]?")
    suggestion = Suggestion(characteristic="1.1.1", level=2, confidence=0.5, rationale="r", engine="fake",
                            knowledge_version="k", probe=probe)
    reply = probe_reply(kb, PendingSuggestion(id=1, suggestion=suggestion, input_text="a"), Horizon.TWO_YEARS,
                        1, 31, 3)
    printed = _printed([reply])
    assert "Is the vision [bold]published[/bold]?" in printed  # hostile markup shown as typed
    assert "question 1 of at most 3" in printed and "in two years" in printed and "suggest now" in printed
    assert "Suggested" not in printed and "level 2" not in printed  # no level is shown with a probe


def test_a_long_title_is_shortened_at_a_word_and_shown_whole_in_the_panel(kb: KnowledgeBase) -> None:
    from bot.adapters.terminal.render import fit_title

    name = "1.4.2 Open and collaborative procurement and supplier management"
    assert fit_title(name, " — in two years", 80) == name + " — in two years"
    assert fit_title(name, " — in two years", 50) == "1.4.2 Open and collaborative… — in two years"
    assert fit_title(name, "", 8) == "1.4.2…"
    console = Console(record=True, width=60, color_system=None)
    render_replies(console, [question_reply(kb, "1.4.2", Horizon.TWO_YEARS, 9, 31, level_now=2)])
    printed = console.export_text()
    top = printed.splitlines()[0]
    assert top.startswith("╭─ 1.4.2 Open and collaborative… — in two years ─") and top.endswith("╮")
    assert "1.4.2 Open and collaborative procurement and supplier" in printed and "management — in two years" in printed


def test_standards_are_rendered_from_their_fields_by_kind(kb: KnowledgeBase) -> None:
    from bot.retrieval.relevance import AnswerKind
    from bot.retrieval.standards import StandardHit
    from bot.retrieval.topics import TopicHit

    hits = [StandardHit(id="ISO 37104", ref=None, why="[b]operational guidance[/b]", source="annexB:4:2", score=1.0,
                        reference=kb.reference_label("annexB:4:2")),
            StandardHit(id="ISO 37101", ref=None, why="a management system", source="ISO 37101", score=0.7,
                        reference="ISO 37101", paired_with="ISO 37104")]
    topic = TopicHit(characteristic="4.2", name="Preservation and improvement of the environment", sub_dimension="4.2",
                     sub_dimension_name="Preservation and improvement of the environment", similarity=0.4)
    matched = Reply(kind=ReplyKind.STANDARDS, text="core text", standards=hits, standards_kind=AnswerKind.MATCHED)
    closest = matched.model_copy(update={"standards_kind": AnswerKind.CLOSEST_MATCH, "topics": [topic]})
    clarify = Reply(kind=ReplyKind.STANDARDS, text="Which of them do you mean?", standards_kind=AnswerKind.CLARIFY,
                    topics=[topic])
    printed = _printed([matched, closest, clarify])
    assert "Standards that help, best first" in printed
    assert "1. ISO 37104 (Annex B): [b]operational guidance[/b]" in printed
    assert "2. ISO 37101: a management system (named with ISO 37104 in the draft)" in printed
    assert "Closest match" in printed and "Nearest topic in the model: 4.2 Preservation and improvement" in printed
    assert "Which topic do you mean?" in printed and "Which of them do you mean?" in printed
    assert "annexB" not in printed
