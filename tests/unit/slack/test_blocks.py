"""Block Kit rendering: snapshots of every card, and Slack's size limits on long text."""

from __future__ import annotations

import json

import pytest

from bot.adapters.slack import blocks, card_blocks
from bot.adapters.slack.limits import CONTEXT_TEXT, MESSAGE_BLOCKS, SECTION_TEXT, truncate
from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Progress, Reply, ReplyKind
from bot.knowledge import load_knowledge_base
from bot.retrieval.standards import StandardHit
from bot.suggestion.models import Citation, CitationKind, Evidence, Probe, Suggestion
from tests.conftest import KNOWLEDGE_DIR

from .snapshot import assert_snapshot

LEVELS = {1: "Initial", 2: "Managed", 3: "Defined", 4: "Integrated", 5: "Sustainably optimising"}
LABEL = load_knowledge_base(KNOWLEDGE_DIR).reference_label  # people read "MMSSC 1.1.1, level 3", not ids


def question() -> Reply:
    return Reply(kind=ReplyKind.QUESTION, text="1.1.1 ...", characteristic="1.1.1",
                 characteristic_name="An outcomes-focused city vision and strategy", horizon="now",
                 question="Does your city have a vision & strategy <with outcomes>?",
                 ladder=["1 Initial: no vision", "2 Managed: a vision on paper", "3 Defined: outcomes defined"],
                 progress=Progress(done=11, total=31))


def suggestion(level: int | None = 3, rationale: str = "Level 3: the answer evidences defined outcomes.") -> Reply:
    s = Suggestion(characteristic="1.1.1", level=level, confidence=0.72, rationale=rationale,
                   citations=[Citation(kind=CitationKind.CRITERION, id="1.1.1/L3", characteristic="1.1.1", level=3,
                                       text="Outcomes are defined for the whole city."),
                              Citation(kind=CitationKind.STANDARD, id="ISO 37106", text="Guidance on the vision.")],
                   follow_up=None if level else "Which outcomes does the strategy name?",
                   engine="fake", knowledge_version="v1", abstain_reason=None if level else "too thin")
    return Reply(kind=ReplyKind.SUGGESTION, text="Suggested level 3", characteristic="1.1.1", horizon="now",
                 suggestion=s, progress=Progress(done=11, total=31))


def test_question_card_snapshot() -> None:
    assert_snapshot("question", card_blocks.interview_blocks(question(), "Riverton 2026", LEVELS, LABEL))


def test_suggestion_card_snapshot() -> None:
    assert_snapshot("suggestion", card_blocks.interview_blocks(suggestion(), "Riverton 2026", LEVELS, LABEL))


def test_abstention_card_has_follow_up_and_no_confirm() -> None:
    rendered = card_blocks.interview_blocks(suggestion(level=None), "Riverton 2026", LEVELS, LABEL)
    assert_snapshot("abstention", rendered)
    text = json.dumps(rendered)
    assert "Which outcomes does the strategy name?" in text
    assert ActionId.CONFIRM.value not in text
    assert ActionId.CHOOSE_LEVEL.value in text


def test_suggestion_card_buttons_carry_the_card() -> None:
    rendered = card_blocks.suggestion_blocks(suggestion(), "Riverton 2026", LEVELS, LABEL)
    actions = next(b for b in rendered if b["type"] == "actions")
    confirm = next(e for e in actions["elements"] if e["action_id"] == ActionId.CONFIRM)
    assert CardRef.parse(confirm["value"]) == CardRef(assessment="Riverton 2026", characteristic="1.1.1")
    assert CardRef.parse(actions["block_id"]).characteristic == "1.1.1"
    select = next(e for e in actions["elements"] if e["type"] == "static_select")
    assert [o["value"] for o in select["options"]] == ["1", "2", "3", "4", "5"]


def test_citations_become_a_context_block() -> None:
    rendered = card_blocks.suggestion_blocks(suggestion(), "Riverton 2026", LEVELS, LABEL)
    contexts = [b for b in rendered if b["type"] == "context"]
    assert contexts[0]["elements"][0]["text"] == "*MMSSC 1.1.1, level 3*: Outcomes are defined for the whole city."
    assert "1.1.1/L3" not in json.dumps(rendered)  # the knowledge-base id stays in the data, not on screen
    assert len(contexts[0]["elements"]) == 2


def test_progress_is_shown_as_n_of_31() -> None:
    assert "11 of 31" in json.dumps(card_blocks.interview_blocks(question(), "A", LEVELS, LABEL))


def test_mrkdwn_control_characters_are_escaped() -> None:
    text = json.dumps(card_blocks.question_blocks(question(), "A"))
    assert "&amp;" in text and "&lt;with outcomes&gt;" in text


def test_long_rationale_is_cut_for_display_only() -> None:
    long = "word " * 5000
    reply = suggestion(rationale=long)
    rendered = card_blocks.suggestion_blocks(reply, "A", LEVELS, LABEL)
    for block in rendered:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_TEXT
    assert reply.suggestion is not None and reply.suggestion.rationale == long  # the model is untouched
    assert len(card_blocks.fallback_text(Reply(kind=ReplyKind.INFO, text=long))) <= 3000
    assert len(card_blocks.fallback_text(reply, LEVELS)) <= 3000


def hit(standard: str, why: str, reference: str, paired_with: str | None = None) -> StandardHit:
    return StandardHit(id=standard, ref=None, why=why, source="-", score=1.0, reference=reference,
                       paired_with=paired_with)


def test_messages_never_exceed_fifty_blocks() -> None:
    many = [hit(f"ISO {n}", "helps", f"ISO {n} (Annex B)") for n in range(80)]
    rendered = blocks.standards_blocks("Here is what helps.", many)
    assert len(rendered) == MESSAGE_BLOCKS
    assert "more items not shown" in rendered[-1]["elements"][0]["text"]


def test_standards_answer_snapshot() -> None:
    rendered = blocks.standards_blocks("ISO 37106 helps most.", [
        hit("ISO 37106", "Guidance on open data.", "ISO 37106, sub-component B8 (Annex B)"),
        hit("ISO/IEC 30182", "A <concept> model & more.", "ISO/IEC 30182 (Annex B)"),
        hit("ISO 37100", "Terminology.", "ISO 37100 (Annex B)", paired_with="ISO/IEC 30182")])
    assert_snapshot("standards", rendered)
    assert "annexB" not in json.dumps(rendered) and "&lt;concept&gt; model &amp; more" in json.dumps(rendered)


def test_notices_snapshot() -> None:
    assert_snapshot("notices", [
        card_blocks.interview_blocks(Reply(kind=kind, text=f"{kind.value} text", progress=Progress(done=3, total=31)),
                                "A", LEVELS, LABEL)
        for kind in (ReplyKind.RECORDED, ReplyKind.ERROR, ReplyKind.COMPLETE, ReplyKind.HELP)])


def test_invitation_and_override_modal_snapshot() -> None:
    ref = CardRef(assessment="Riverton 2026", characteristic="1.1.1", horizon="two_years")
    assert_snapshot("invitation", card_blocks.invitation_blocks("Riverton 2026", "UFAC"))
    modal = card_blocks.override_modal(ref, 4, "Integrated", "DU1")
    assert_snapshot("override_modal", modal)
    assert CardRef.parse(modal["private_metadata"]).level == 4


@pytest.mark.parametrize("limit", [1, 5, 75])
def test_truncate_respects_the_limit(limit: int) -> None:
    assert len(truncate("x" * 200, limit)) == limit
    assert truncate("short", 75) == "short"


def test_a_revisited_question_card_says_what_is_on_record_and_that_skip_keeps_it() -> None:
    fresh = json.dumps(card_blocks.interview_blocks(question(), "Riverton 2026", LEVELS, LABEL))
    revisited = question().model_copy(update={"recorded_level": 3})
    text = json.dumps(card_blocks.interview_blocks(revisited, "Riverton 2026", LEVELS, LABEL))
    assert "Recorded so far" not in fresh
    assert "Recorded so far: level 3. *Skip* keeps it" in text


def test_consensus_modal_snapshot_asks_for_both_levels() -> None:
    from bot.adapters.slack.review_blocks import LEVEL_NOW, LEVEL_TWO_YEARS, consensus_modal

    ref = CardRef(assessment="Riverton 2026", characteristic="1.1.1", channel="DUFAC")
    modal = consensus_modal(ref, "An outcomes-focused city vision and strategy", LEVELS,
                            "now: Ana (UANA) 1, UBOB 4", earlier_now=2, earlier_two_years=None)
    assert_snapshot("consensus_modal", modal)
    selects = {b["block_id"]: b for b in modal["blocks"] if b["type"] == "input" and b["block_id"] != "reason"}
    assert list(selects) == [LEVEL_NOW, LEVEL_TWO_YEARS]
    assert selects[LEVEL_NOW]["element"]["initial_option"]["value"] == "2"
    assert "initial_option" not in selects[LEVEL_TWO_YEARS]["element"] and selects[LEVEL_TWO_YEARS]["optional"]
    assert CardRef.parse(modal["private_metadata"]) == ref


def unsure(counter: list[Evidence]) -> Reply:
    """A suggestion the engine has not settled ("suggest now" before its probe): a level, a question to be
    surer, and quotes against a condition."""
    reply = suggestion(level=2, rationale="Level 2: a vision is on paper; its outcomes are not yet defined.")
    assert reply.suggestion is not None
    s = reply.suggestion.model_copy(update={"confidence": 0.55, "follow_up": "Who signed the strategy off?",
                                            "counter_evidence": counter, "probe": Probe(
                                                level=3, conditions=["1.1.1/3/a"], question="Are outcomes set?")})
    return reply.model_copy(update={"suggestion": s})


def test_a_low_confidence_card_asks_to_be_surer_and_shows_what_is_not_in_place() -> None:
    counter = [Evidence(quote="We have no published vision <yet> & no date.", criterion="1.1.1/3/a")]
    rendered = card_blocks.interview_blocks(unsure(counter), "Riverton 2026", LEVELS, LABEL)
    assert_snapshot("suggestion_unsure", rendered)
    texts = [e["text"] for b in rendered if b["type"] == "context" for e in b["elements"]]
    assert ("Not in place yet: \u201cWe have no published vision &lt;yet&gt; &amp; no date.\u201d "
            "[MMSSC 1.1.1, level 3]") in texts
    sections = [b["text"]["text"] for b in rendered if b["type"] == "section"]
    assert "*To be surer:* Who signed the strategy off?" in sections
    assert "Tell me a little more" not in json.dumps(rendered)
    assert ActionId.CONFIRM.value in json.dumps(rendered)  # still a suggestion to confirm


def test_a_card_says_settled_or_not_settled_never_a_confidence_number() -> None:
    settled = card_blocks.interview_blocks(suggestion(), "A", LEVELS, LABEL)
    assert settled[0]["text"]["text"] == "*Suggested level now: 3 Defined* (settled)"
    unsettled = card_blocks.interview_blocks(unsure([]), "A", LEVELS, LABEL)
    assert unsettled[0]["text"]["text"] == "*Suggested level now: 2 Managed* (not settled)"
    assert "%" not in json.dumps(settled + unsettled) and "confidence" not in json.dumps(settled + unsettled)


def test_a_confident_card_without_follow_up_or_counter_evidence_shows_neither() -> None:
    text = json.dumps(card_blocks.interview_blocks(suggestion(), "A", LEVELS, LABEL))
    assert "To be surer" not in text and "Not in place yet" not in text


def test_counter_evidence_is_brief_and_within_slack_limits() -> None:
    counter = [Evidence(quote=f"quote {n} " + "no " * 2000, criterion="1.1.1/3/a") for n in range(5)]
    rendered = card_blocks.suggestion_blocks(unsure(counter), "A", LEVELS, LABEL)
    block = next(b for b in rendered if b["type"] == "context" and "Not in place yet" in json.dumps(b))
    texts = [e["text"] for e in block["elements"]]
    assert len(texts) == 4 and texts[-1] == "_and 2 more_"
    assert all(len(t) <= CONTEXT_TEXT for t in texts) and all(len(t) < 260 for t in texts[:3])
    assert texts[0].startswith("Not in place yet: \u201cquote 0 no no")
    assert texts[0].endswith("\u201d [MMSSC 1.1.1, level 3]")


def test_a_revisited_question_card_shows_the_earlier_answer_shortened() -> None:
    revisited = question().model_copy(update={"recorded_level": 3,
                                              "earlier_answer": "We adopted a vision <in 2021>\n\nwith outcomes."})
    rendered = card_blocks.interview_blocks(revisited, "Riverton 2026", LEVELS, LABEL)
    assert_snapshot("question_revisited", rendered)
    sections = [b["text"]["text"] for b in rendered if b["type"] == "section"]
    assert any(t.startswith("*Your earlier answer:* \u201cWe adopted a vision &lt;in 2021&gt; with outcomes.\u201d")
               for t in sections)
    assert "Your earlier answer" not in json.dumps(card_blocks.interview_blocks(question(), "A", LEVELS, LABEL))
    long = question().model_copy(update={"earlier_answer": "word " * 5000})
    earlier = next(b["text"]["text"] for b in card_blocks.question_blocks(long, "A")
                   if "earlier answer" in json.dumps(b))
    assert len(earlier) < 450 and earlier.count("word") < 70 and "\u2026" in earlier
