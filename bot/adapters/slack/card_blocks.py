"""Block Kit for the interview: the core's replies as cards (question, probe, suggestion), a card once
decided, the invitation and the modal that asks why another level was chosen. Pure functions.

People see readable references ("MMSSC 1.1.1, level 3"), never knowledge-base ids: `label` turns an id
into one (`KnowledgeBase.reference_label`). Every text from a person or the knowledge base is escaped once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.adapters.slack.blocks import (
    STANDARDS_INTRO,
    Block,
    button,
    context,
    fit_message,
    header,
    horizon_label,
    horizon_value,
    level_options,
    modal,
    notice_blocks,
    plain_fallback,
    progress_line,
    reason_input,
    section,
    standards_blocks,
    standards_fallback,
)
from bot.adapters.slack.limits import escape
from bot.adapters.slack.refs import PROBE_ACTIONS, ActionId, CardRef
from bot.interview.messages import Horizon, Outcome, Reply, ReplyKind
from bot.interview.wording import (
    EARLIER_ANSWER_LEAD,
    EARLIER_ANSWER_NOTE,
    PROBE_ANSWER_WORDS,
    earlier_answer_quote,
    more_words,
    probe_place,
    settled_words,
)
from bot.interview.wording import counter_evidence_lines as counter_evidence_lines_in_words
from bot.suggestion.models import Evidence, Suggestion

Label = Callable[[str], str]  # a knowledge-base id -> what people read
CARD_HINT = "card_hint"  # the block_id of a card's how-to-answer line, dropped once the card is decided


def fallback_text(reply: Reply, level_names: Mapping[int, str] | None = None) -> str:
    """The notification text of an interview message, from the reply's fields (no knowledge-base ids)."""
    names = level_names or {}
    suggestion = reply.suggestion
    if reply.kind == ReplyKind.QUESTION:
        text = f"{reply.characteristic} {reply.characteristic_name or ''}: {reply.question or ''}"
    elif reply.kind == ReplyKind.PROBE and reply.probe is not None:
        text = f"{reply.characteristic} {reply.characteristic_name or ''}: {reply.probe.question}"
    elif reply.kind == ReplyKind.SUGGESTION and suggestion is not None and suggestion.level is not None:
        text = (f"Suggested {horizon_label(reply.horizon)} for {suggestion.characteristic}: level {suggestion.level} "
                f"{names.get(suggestion.level, '')}. Confirm it or choose another level.")
    elif reply.kind == ReplyKind.SUGGESTION and suggestion is not None:
        text = f"No level suggested yet for {suggestion.characteristic}. {suggestion.follow_up or ''}"
    elif reply.kind == ReplyKind.STANDARDS:
        return standards_fallback(reply.standards, reply.text)
    else:
        text = reply.text
    return plain_fallback(text)


# -- the interview ----------------------------------------------------------------------------


def interview_blocks(reply: Reply, assessment: str, level_names: dict[int, str], label: Label) -> list[Block]:
    """The blocks for any interview reply (question, suggestion card, or a notice)."""
    if reply.kind == ReplyKind.QUESTION:
        return fit_message(question_blocks(reply, assessment))
    if reply.kind == ReplyKind.PROBE and reply.probe is not None:
        return fit_message(probe_blocks(reply, assessment))
    if reply.kind == ReplyKind.SUGGESTION and reply.suggestion is not None:
        return fit_message(suggestion_blocks(reply, assessment, level_names, label))
    if reply.kind == ReplyKind.STANDARDS:
        intro = STANDARDS_INTRO if reply.standards else reply.text
        return fit_message(standards_blocks(intro, reply.standards))
    return fit_message(notice_blocks(reply))


def question_blocks(reply: Reply, assessment: str) -> list[Block]:
    ref = CardRef(assessment=assessment, characteristic=reply.characteristic or "", horizon=horizon_value(reply))
    title = f"{reply.characteristic} {reply.characteristic_name or ''}".strip()
    blocks: list[Block] = [header(title), section(f"*{escape(reply.question or reply.text)}*")]
    if reply.ladder:
        blocks.append(section("\n".join(escape(line) for line in reply.ladder)))
    if reply.earlier_answer:
        earlier = escape(earlier_answer_quote(reply.earlier_answer))
        blocks.append(section(f"*{EARLIER_ANSWER_LEAD}* {earlier}\n_{EARLIER_ANSWER_NOTE}_"))
    if reply.recorded_level is not None:
        blocks.append(context(f"Recorded so far: level {reply.recorded_level}. *Skip* keeps it; answer again to "
                              "change it."))
    hint = context(f"_{horizon_label(reply.horizon)}_ · reply in this conversation with your answer",
                   progress_line(reply))
    blocks.append({**hint, "block_id": CARD_HINT})
    elements = [button("Don't know", ActionId.DONT_KNOW, ref.value()), button("Skip", ActionId.SKIP, ref.value())]
    if reply.horizon == Horizon.TWO_YEARS:
        elements.insert(0, button("Same as now", ActionId.SAME, ref.value()))
    blocks.append({"type": "actions", "block_id": ref.block_id(), "elements": elements})
    return blocks


def suggestion_blocks(reply: Reply, assessment: str, level_names: dict[int, str], label: Label) -> list[Block]:
    suggestion = reply.suggestion
    assert suggestion is not None
    ref = CardRef(assessment=assessment, characteristic=suggestion.characteristic, horizon=horizon_value(reply),
                  suggestion_id=reply.suggestion_id)
    blocks: list[Block] = [section(suggestion_headline(suggestion, level_names, reply.horizon))]
    if suggestion.rationale:
        blocks.append(section(escape(suggestion.rationale)))
    if suggestion.citations:
        blocks.append(context(*[f"*{escape(label(c.id))}*: {escape(c.text)}" for c in suggestion.citations]))
    if suggestion.counter_evidence:
        blocks.append(context(*counter_evidence_lines(suggestion.counter_evidence, label)))
    if suggestion.follow_up:
        lead = "Tell me a little more:" if suggestion.abstained else "To be surer:"
        blocks.append(section(f"*{lead}* {escape(suggestion.follow_up)}"))
    elements: list[Block] = []
    if not suggestion.abstained:
        elements.append(button(f"Confirm level {suggestion.level}", ActionId.CONFIRM, ref.value(), style="primary"))
    elements.append({"type": "static_select", "action_id": ActionId.CHOOSE_LEVEL,
                     "placeholder": {"type": "plain_text", "text": "Choose another level"},
                     "options": level_options(level_names)})
    elements.append(button("Don't know", ActionId.DONT_KNOW, ref.value()))
    elements.append(button("Skip", ActionId.SKIP, ref.value()))
    blocks.append({"type": "actions", "block_id": ref.block_id(), "elements": elements})
    blocks.append({**context(f"_{horizon_label(reply.horizon)}_", progress_line(reply)), "block_id": CARD_HINT})
    return blocks


def counter_evidence_lines(items: list[Evidence], label: Label) -> list[str]:
    """The interview's counter-evidence lines, with readable references, escaped for mrkdwn."""
    lines, hidden = counter_evidence_lines_in_words(items, label)
    return [escape(line) for line in lines] + ([f"_{more_words(hidden)}_"] if hidden else [])


def suggestion_headline(suggestion: Suggestion, level_names: dict[int, str], horizon: str | None) -> str:
    """The level and whether the engine counts it settled; never its confidence, which separates right from
    wrong suggestions too weakly to be shown as a number."""
    if suggestion.abstained:
        return f"*No level suggested yet* for {suggestion.characteristic} ({horizon_label(horizon)})."
    name = level_names.get(suggestion.level or 0, "")
    settled = settled_words(suggestion.settled)
    return f"*Suggested {horizon_label(horizon)}: {suggestion.level} {escape(name)}* ({settled})"


PROBE_CARD_HINT = ("Press a button, or reply here in your own words (e.g. _partly, only in transport_ or _not yet, "
                   "planned for 2027_).")
SUGGEST_NOW_BUTTON = "Suggest a level now"


def probe_blocks(reply: Reply, assessment: str) -> list[Block]:
    """A probe asked before any level: the question, where it stands ("before a level: question 1 of at most
    3"), a button per reply the interview offers and "Suggest a level now". Its buttons carry the suggestion
    kept back, marked as a probe card, so a press after the probe was answered changes nothing."""
    assert reply.probe is not None
    ref = CardRef(assessment=assessment, characteristic=reply.characteristic or "", horizon=horizon_value(reply),
                  suggestion_id=reply.suggestion_id, probe=True)
    title = f"{reply.characteristic} {reply.characteristic_name or ''}".strip()
    place = probe_place(reply.probe_number or 1, reply.probe_limit or 1)
    elements = [button(PROBE_ANSWER_WORDS[answer], PROBE_ACTIONS[answer], ref.value())
                for answer in reply.probe_answers]
    elements.append(button(SUGGEST_NOW_BUTTON, ActionId.SUGGEST_NOW, ref.value()))
    return [
        header(title),
        section(f"*{escape(reply.probe.question)}*"),
        context(f"_{horizon_label(reply.horizon)}_ \u00b7 {place}", progress_line(reply)),
        {**context(PROBE_CARD_HINT), "block_id": CARD_HINT},
        {"type": "actions", "block_id": ref.block_id(), "elements": elements},
    ]


# -- a decided card, updated in place ----------------------------------------------------------

OUTCOME_WORDS = {Outcome.CONFIRMED: "confirmed", Outcome.OVERRIDDEN: "chosen instead of the suggestion",
                 Outcome.CHOSEN: "chosen"}


def card_content(blocks: list[Block]) -> list[Block]:
    """What a card keeps once it is decided: everything but its buttons and its how-to-answer line."""
    return [b for b in blocks if b.get("type") != "actions" and b.get("block_id") != CARD_HINT]


def outcome_words(outcome: Outcome, level: int | None, horizon: str | None, who: str) -> str:
    """ "✓ Level 3 confirmed by Ana Lima": what a decided card says, in plain text."""
    when = " in two years" if horizon == Horizon.TWO_YEARS else ""
    if outcome in OUTCOME_WORDS and level is not None:
        return f"\u2713 Level {level}{when} {OUTCOME_WORDS[outcome]} by {who}"
    if outcome == Outcome.DONT_KNOW:
        return f"\u2713 \u201cDon't know\u201d{when} recorded by {who}"
    return f"\u2713 Skipped{when} by {who}"


def decided_card(content: list[Block], line: str) -> list[Block]:
    """A card after the decision: its content, then what was decided; no buttons."""
    return fit_message([*content, context(line)])


# -- invitations and the override modal -------------------------------------------------------


def invitation_blocks(assessment: str, facilitator: str) -> list[Block]:
    return [
        section(f"<@{facilitator}> invites you to the maturity self-assessment *{escape(assessment)}*. "
                "I'll ask about 31 characteristics of your community, one at a time; you answer in your own "
                "words, I suggest a level with the criteria behind it, and you confirm or choose another."),
        context("Type `help`, `status`, `back` or `pause` here at any time. You can stop and come back later."),
        {"type": "actions", "block_id": "invitation", "elements": [
            button("Start", ActionId.START, CardRef(assessment=assessment, characteristic="", horizon="now").value(),
                   style="primary")]},
    ]


def override_modal(ref: CardRef, level: int, level_name: str, channel: str) -> Block:
    """The modal that asks why a stakeholder chose another level than the one suggested."""
    metadata = ref.model_copy(update={"level": level, "channel": channel})
    return modal(ActionId.OVERRIDE_MODAL, metadata.value(), "Choose another level", [
        section(f"You chose *{level} {escape(level_name)}* for {escape(ref.characteristic)} "
                f"({horizon_label(ref.horizon)})."),
        reason_input("reason", "Why this level?"),
    ])
