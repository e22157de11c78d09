"""Block Kit for the interview: pure functions from the core's replies to Slack message dicts.

Nothing here calls Slack. Text is cut for display only (Slack: 3,000 characters a section, 150 a
header, 10 elements a context block, 50 blocks a message); storage keeps the whole answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.adapters.slack.limits import (
    BUTTON_TEXT,
    CONTEXT_ELEMENTS,
    CONTEXT_TEXT,
    FALLBACK_TEXT,
    HEADER_TEXT,
    MESSAGE_BLOCKS,
    SECTION_TEXT,
    VIEW_BLOCKS,
    escape,
    truncate,
)
from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.assessments import AssessmentDetail
from bot.interview.facilitation import ReviewReport
from bot.interview.messages import Horizon, Reply, ReplyKind, Step
from bot.scoring.results import AssessmentResult
from bot.suggestion.models import Suggestion

Block = dict[str, Any]
QUESTION_POSITION = re.compile(r"\bquestion (\d+) of (\d+)\b")


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_TEXT)}}


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": truncate(text, HEADER_TEXT), "emoji": False}}


def context(*texts: str) -> Block:
    elements = [{"type": "mrkdwn", "text": truncate(t, CONTEXT_TEXT)} for t in texts if t][:CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {"type": "button", "text": {"type": "plain_text", "text": truncate(text, BUTTON_TEXT)},
                      "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    return element


def level_options(level_names: dict[int, str]) -> list[Block]:
    return [{"text": {"type": "plain_text", "text": truncate(f"{level} {name}", BUTTON_TEXT)}, "value": str(level)}
            for level, name in sorted(level_names.items())]


def fit_message(blocks: list[Block]) -> list[Block]:
    """At most 50 blocks; the last one says how much was left out."""
    if len(blocks) <= MESSAGE_BLOCKS:
        return blocks
    kept = blocks[: MESSAGE_BLOCKS - 1]
    return [*kept, context(f"_{len(blocks) - len(kept)} more items not shown._")]


def fallback_text(reply: Reply) -> str:
    """The notification and screen-reader text of a message: the reply's plain text, cut to size."""
    return truncate(reply.text, FALLBACK_TEXT)


def progress_line(reply: Reply) -> str:
    """"12 of 31 characteristics done", or the question's place ("question 12 of 31") from its text."""
    if reply.progress is not None:
        return f"{reply.progress.done} of {reply.progress.total} characteristics done"
    match = QUESTION_POSITION.search(reply.text.split("\n", 1)[0])
    return f"Question {match.group(1)} of {match.group(2)}" if match else ""


def horizon_label(horizon: str | None) -> str:
    return "level in two years, based on current plans" if horizon == "two_years" else "level now"


# -- the interview ----------------------------------------------------------------------------


def interview_blocks(reply: Reply, assessment: str, level_names: dict[int, str]) -> list[Block]:
    """The blocks for any interview reply (question, suggestion card, or a notice)."""
    if reply.kind == ReplyKind.QUESTION:
        return fit_message(question_blocks(reply, assessment))
    if reply.kind == ReplyKind.SUGGESTION and reply.suggestion is not None:
        return fit_message(suggestion_blocks(reply, assessment, level_names))
    if reply.kind == ReplyKind.STANDARDS:
        return fit_message(standards_blocks(reply.text, reply.standards))
    return fit_message(notice_blocks(reply))


def question_blocks(reply: Reply, assessment: str) -> list[Block]:
    ref = CardRef(assessment=assessment, characteristic=reply.characteristic or "", horizon=reply.horizon or "now")
    title = f"{reply.characteristic} {reply.characteristic_name or ''}".strip()
    blocks: list[Block] = [header(title), section(f"*{escape(reply.question or reply.text)}*")]
    if reply.ladder:
        blocks.append(section("\n".join(escape(line) for line in reply.ladder)))
    if reply.recorded_level is not None:
        blocks.append(context(f"Recorded so far: level {reply.recorded_level}. *Skip* keeps it; answer again to "
                              "change it."))
    blocks.append(context(f"_{horizon_label(reply.horizon)}_ · reply in this conversation with your answer",
                          progress_line(reply)))
    elements = [button("Don't know", ActionId.DONT_KNOW, ref.value()), button("Skip", ActionId.SKIP, ref.value())]
    if reply.horizon == "two_years":
        elements.insert(0, button("Same as now", ActionId.SAME, ref.value()))
    blocks.append({"type": "actions", "block_id": ref.block_id(), "elements": elements})
    return blocks


def suggestion_blocks(reply: Reply, assessment: str, level_names: dict[int, str]) -> list[Block]:
    suggestion = reply.suggestion
    assert suggestion is not None
    ref = CardRef(assessment=assessment, characteristic=suggestion.characteristic, horizon=reply.horizon or "now")
    blocks: list[Block] = [section(suggestion_headline(suggestion, level_names, reply.horizon))]
    if suggestion.rationale:
        blocks.append(section(escape(suggestion.rationale)))
    if suggestion.citations:
        blocks.append(context(*[f"`{escape(c.id)}` {escape(c.text)}" for c in suggestion.citations]))
    if suggestion.abstained and suggestion.follow_up:
        blocks.append(section(f"*Tell me a little more:* {escape(suggestion.follow_up)}"))
    elements: list[Block] = []
    if not suggestion.abstained:
        elements.append(button(f"Confirm level {suggestion.level}", ActionId.CONFIRM, ref.value(), style="primary"))
    elements.append({"type": "static_select", "action_id": ActionId.CHOOSE_LEVEL,
                     "placeholder": {"type": "plain_text", "text": "Choose another level"},
                     "options": level_options(level_names)})
    elements.append(button("Don't know", ActionId.DONT_KNOW, ref.value()))
    elements.append(button("Skip", ActionId.SKIP, ref.value()))
    blocks.append({"type": "actions", "block_id": ref.block_id(), "elements": elements})
    blocks.append(context(f"_{horizon_label(reply.horizon)}_", progress_line(reply)))
    return blocks


def suggestion_headline(suggestion: Suggestion, level_names: dict[int, str], horizon: str | None) -> str:
    if suggestion.abstained:
        return f"*No level suggested yet* for {suggestion.characteristic} ({horizon_label(horizon)})."
    name = level_names.get(suggestion.level or 0, "")
    return (f"*Suggested {horizon_label(horizon)}: {suggestion.level} {escape(name)}* "
            f"(confidence {round(suggestion.confidence * 100)}%)")


def notice_blocks(reply: Reply) -> list[Block]:
    """Recorded, status, help, info, error and complete replies: the text, then progress if known."""
    prefix = {ReplyKind.ERROR: ":warning: ", ReplyKind.COMPLETE: ":tada: ", ReplyKind.RECORDED: ":white_check_mark: "}
    blocks = [section(prefix.get(reply.kind, "") + escape(reply.text))]
    if reply.progress is not None and reply.kind != ReplyKind.STATUS:
        blocks.append(context(progress_line(reply)))
    return blocks


def standards_blocks(answer: str, standards: list[dict[str, str | None]]) -> list[Block]:
    """An answer to "which standard helps with X": the answer, then one section per standard."""
    blocks: list[Block] = [section(escape(answer))]
    for standard in standards:
        ref = f" ({escape(standard['ref'] or '')})" if standard.get("ref") else ""
        blocks.append(section(f"*{escape(standard.get('id') or '')}*{ref}: {escape(standard.get('why') or '')}"))
        if standard.get("source"):
            blocks.append(context(f"Source: {escape(standard['source'] or '')}"))
    return fit_message(blocks)


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
    metadata = CardRef(assessment=ref.assessment, characteristic=ref.characteristic, horizon=ref.horizon,
                       level=level, channel=channel)
    return {
        "type": "modal",
        "callback_id": ActionId.OVERRIDE_MODAL,
        "private_metadata": metadata.value(),
        "title": {"type": "plain_text", "text": "Choose another level"},
        "submit": {"type": "plain_text", "text": "Record"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            section(f"You chose *{level} {escape(level_name)}* for {escape(ref.characteristic)} "
                    f"({horizon_label(ref.horizon)})."),
            {"type": "input", "block_id": "reason", "label": {"type": "plain_text", "text": "Why this level?"},
             "element": {"type": "plain_text_input", "action_id": "reason", "multiline": True,
                         "max_length": 3000}},
        ],
    }


# -- facilitator: results ---------------------------------------------------------------------


def results_summary_blocks(result: AssessmentResult) -> list[Block]:
    """`/assess report`: overall and per-dimension scores, completeness, disagreements, weakest areas."""
    def score(value: object) -> str:
        return "–" if value is None else str(value)

    overall = result.overall
    blocks: list[Block] = [
        header(f"Results: {result.assessment}"),
        section(f"*Overall* {score(overall.score_now)} now → {score(overall.score_two_years)} in two years · "
                f"{result.completeness.percent}% complete ({len(result.stakeholders)} stakeholders)"),
    ]
    lines = [f"*{escape(d.id)} {escape(d.name)}*: {score(d.score_now)} → {score(d.score_two_years)} "
             f"({d.completeness_percent}% complete)" for d in result.dimensions]
    blocks.append(section("\n".join(lines)))
    if result.disagreements:
        blocks.append(section("*Disagreements* (spread of 2 or more): " + ", ".join(
            f"{escape(d.characteristic)} ({d.min_now}–{d.max_now})" for d in result.disagreements)))
    for item in result.weakest[:3]:
        helps = ", ".join(escape(s.standard) + (f" {escape(s.ref)}" if s.ref else "") for s in item.standards[:3])
        blocks.append(section(f"*Weakest: {escape(item.characteristic)} {escape(item.name)}* at "
                              f"{score(item.consensus_now)}. Helps: {helps or '–'}"))
    blocks.append(context(f"Scoring {escape(result.method.aggregation_rule)} · knowledge "
                          f"{escape(result.knowledge_version[:12])} · results {escape(result.sha256[:12])}"))
    return fit_message(blocks)


def results_summary_text(result: AssessmentResult) -> str:
    return truncate(f"Results of {result.assessment}: overall {result.overall.score_now} now, "
                    f"{result.overall.score_two_years} in two years, {result.completeness.percent}% complete.",
                    FALLBACK_TEXT)


# -- facilitator: status and the App Home -----------------------------------------------------

SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
STEP_LABELS = {Step.NOT_STARTED: "not started", Step.PAUSED: "paused", Step.COMPLETE: "complete"}


def person(name: str) -> str:
    """A Slack user id as a mention (Slack shows the name); any other stored name as text."""
    return f"<@{name}>" if SLACK_USER_ID.match(name) else escape(name)


def where_label(step: Step, characteristic: str | None) -> str:
    label = STEP_LABELS.get(step)
    if label and not (step == Step.PAUSED and characteristic):
        return label
    at = f"at {characteristic}" if characteristic else ""
    return f"{label} {at}" if label else at


def status_blocks(detail: AssessmentDetail) -> list[Block]:
    """`/assess status`: one line per stakeholder, e.g. "@ana — 12 of 31 · at 1.3.2"."""
    lines = []
    for p in detail.progress:
        extra = f" · {len(p.skipped)} skipped" if p.skipped else ""
        extra += f" · {len(p.dont_know)} don't know" if p.dont_know else ""
        lines.append(f"{person(p.stakeholder)} — {p.progress.done} of {p.progress.total} · "
                     f"{where_label(p.step, p.characteristic)}{extra}")
    body = "\n".join(lines) or "No stakeholders yet: invite them with `/assess invite @a @b`."
    return fit_message([header(f"Progress: {detail.name}"), section(body),
                        context(f"Facilitators: {', '.join(person(f) for f in detail.facilitators)}")])


def home_view(reviews: Sequence[tuple[ReviewReport, AssessmentDetail]],
              interviews: Sequence[tuple[str, Step | None, str | None]], level_names: dict[int, str]) -> Block:
    """The App Home: each facilitated assessment's review (consensus menus), then the person's interviews."""
    view_blocks: list[Block] = []
    for review, detail in reviews:
        view_blocks += facilitator_review_blocks(review, detail, level_names)
    if interviews:
        view_blocks.append(header("Your interviews"))
        for assessment, step, characteristic in interviews:
            block = section(f"*{escape(assessment)}*: {where_label(step or Step.NOT_STARTED, characteristic)}")
            if step != Step.COMPLETE:
                label = "Start" if step in (None, Step.NOT_STARTED) else "Resume"
                block["accessory"] = button(label, ActionId.START, CardRef(assessment=assessment).value())
            view_blocks.append(block)
    if not view_blocks:
        view_blocks.append(section("You are not part of an assessment yet. Facilitators start one with "
                                   "`/assess new <community> <cycle>` in a channel."))
    if len(view_blocks) > VIEW_BLOCKS:
        view_blocks = [*view_blocks[: VIEW_BLOCKS - 1], context("_More not shown: use `mmssc review`._")]
    return {"type": "home", "blocks": view_blocks}


def facilitator_review_blocks(review: ReviewReport, detail: AssessmentDetail,
                              level_names: dict[int, str]) -> list[Block]:
    name = review.assessment
    progress = [f"{person(p.stakeholder)} {p.progress.done} of {p.progress.total}" for p in detail.progress]
    out: list[Block] = [header(f"Review: {name}"),
                        context("Progress: " + (" · ".join(progress) if progress else "no stakeholders yet"))]
    pending = [f"{person(p.stakeholder)} {escape(p.characteristic)} ({horizon_label(p.horizon)}): suggested "
               f"{p.suggested_level or '–'}, confidence {round(p.confidence * 100)}%" for p in review.pending[:15]]
    out.append(section("*Waiting for confirmation*\n" + ("\n".join(pending) or "Nothing is waiting.")))
    disagreements = [d for d in review.disagreements if d.horizon == Horizon.NOW]
    out.append(section(f"*Disagreements* ({len(disagreements)}): stakeholders' levels two or more apart."
                       if disagreements else "*Disagreements*: none so far."))
    for d in disagreements[:20]:
        levels = " · ".join(f"{person(who)} {level}" for who, level in d.levels.items())
        agreed = f" — consensus *{d.consensus}*" if d.consensus else ""
        block = section(f"*{escape(d.characteristic)} {escape(d.name)}*: {levels}{agreed}")
        select: Block = {"type": "static_select", "action_id": ActionId.CONSENSUS,
                         "placeholder": {"type": "plain_text", "text": "Set consensus"},
                         "options": level_options(level_names)}
        if d.consensus:
            select["initial_option"] = level_options(level_names)[d.consensus - 1]
        block["accessory"] = select
        block["block_id"] = CardRef(assessment=name, characteristic=d.characteristic).block_id()
        out.append(block)
    out.append({"type": "divider"})
    return out
