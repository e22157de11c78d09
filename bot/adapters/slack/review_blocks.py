"""Block Kit for facilitators: `/assess status`, the results summary, the App Home and the consensus modal.

Pure functions, like `blocks`. People are stored by Slack user id; `names` maps ids to the display
names the adapter resolved (`SlackPeople`). A person without a name is shown as a mention of their
id (Slack shows the name if it can), a non-Slack name (added from the terminal) as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.adapters.slack.blocks import (
    Block,
    button,
    context,
    fit_message,
    header,
    horizon_label,
    level_options,
    modal,
    plain_fallback,
    reason_input,
    section,
)
from bot.adapters.slack.limits import VIEW_BLOCKS, escape
from bot.adapters.slack.people import SLACK_USER_ID
from bot.adapters.slack.refs import ActionId, CardRef
from bot.interview.messages import Horizon, Step
from bot.interview.wording import settled_words
from bot.scoring.results import AssessmentResult
from bot.services.assessments import AssessmentDetail
from bot.services.facilitation import ReviewReport

Names = Mapping[str, str]
STEP_LABELS = {Step.NOT_STARTED: "not started", Step.PAUSED: "paused", Step.COMPLETE: "complete"}
NO_NAMES: Names = {}


def person(user: str, names: Names = NO_NAMES) -> str:
    """The display name when one is known, else a Slack id as a mention, else the stored name as text."""
    name = names.get(user)
    if name and name != user:
        return escape(name)
    return f"<@{user}>" if SLACK_USER_ID.match(user) else escape(user)


def people_in(reviews: Sequence[tuple[ReviewReport, AssessmentDetail]]) -> list[str]:
    """Every person a set of reviews shows, once each (for resolving their names in one go)."""
    found: list[str] = []
    for review, detail in reviews:
        found += [p.stakeholder for p in detail.progress] + list(detail.facilitators)
        found += [p.stakeholder for p in review.pending] + [who for d in review.disagreements for who in d.levels]
    return list(dict.fromkeys(found))


def levels_line(levels: Mapping[str, int], names: Names = NO_NAMES) -> str:
    return " · ".join(f"{person(who, names)} {level}" for who, level in levels.items())


# -- results ----------------------------------------------------------------------------------


def results_summary_blocks(result: AssessmentResult, names: Names = NO_NAMES) -> list[Block]:
    """`/assess report`: overall and per-dimension scores, completeness, disagreements, weakest areas."""
    def score(value: object) -> str:
        return "–" if value is None else str(value)

    overall = result.overall
    blocks: list[Block] = [
        header(f"Results: {result.assessment}"),
        section(f"*Overall* {score(overall.score_now)} now → {score(overall.score_two_years)} in two years · "
                f"{result.completeness.rated_percent}% of levels confirmed, "
                f"{result.completeness.dont_know_or_skipped} skipped or don't know "
                f"({len(result.stakeholders)} stakeholder{'' if len(result.stakeholders) == 1 else 's'})"),
    ]
    lines = [f"*{escape(d.id)} {escape(d.name)}*: {score(d.score_now)} → {score(d.score_two_years)} "
             f"({d.rated_percent}% confirmed)" for d in result.dimensions]
    blocks.append(section("\n".join(lines)))
    if result.disagreements:
        blocks.append(section("*Disagreements* (spread of 2 or more): " + ", ".join(
            f"{escape(d.characteristic)} ({d.min_now}–{d.max_now})" for d in result.disagreements)))
    for item in result.weakest[:3]:
        helps = ", ".join(escape(s.standard) + (f" {escape(s.ref)}" if s.ref else "") for s in item.standards[:3])
        blocks.append(section(f"*Weakest: {escape(item.characteristic)} {escape(item.name)}* at "
                              f"{score(item.consensus_now)}. Helps: {helps or '–'}"))
    if result.stakeholders:
        blocks.append(context("Stakeholders: " + ", ".join(person(who, names) for who in result.stakeholders)))
    blocks.append(context(f"Scoring {escape(result.method.aggregation_rule)} · knowledge "
                          f"{escape(result.knowledge_version[:12])} · results {escape(result.sha256[:12])}"))
    return fit_message(blocks)


def results_summary_text(result: AssessmentResult) -> str:
    """The summary's notification text: plain words, escaped."""
    return plain_fallback(f"Results of {result.assessment}: overall {result.overall.score_now} now, "
                          f"{result.overall.score_two_years} in two years, {result.completeness.rated_percent}% of "
                          "levels confirmed.")


# -- status and the App Home ------------------------------------------------------------------


def where_label(step: Step, characteristic: str | None) -> str:
    label = STEP_LABELS.get(step)
    if label and not (step == Step.PAUSED and characteristic):
        return label
    at = f"at {characteristic}" if characteristic else ""
    return f"{label} {at}" if label else at


def status_blocks(detail: AssessmentDetail, names: Names = NO_NAMES) -> list[Block]:
    """`/assess status`: one line per stakeholder, e.g. "Ana Lima — 12 of 31 · at 1.3.2"."""
    lines = []
    for p in detail.progress:
        extra = f" · {len(p.skipped)} skipped" if p.skipped else ""
        extra += f" · {len(p.dont_know)} don't know" if p.dont_know else ""
        lines.append(f"{person(p.stakeholder, names)} — {p.progress.done} of {p.progress.total} · "
                     f"{where_label(p.step, p.characteristic)}{extra}")
    body = "\n".join(lines) or "No stakeholders yet: invite them with `/assess invite @a @b`."
    return fit_message([header(f"Progress: {detail.name}"), section(body),
                        context(f"Facilitators: {', '.join(person(f, names) for f in detail.facilitators)}")])


def home_view(reviews: Sequence[tuple[ReviewReport, AssessmentDetail]],
              interviews: Sequence[tuple[str, Step | None, str | None]], names: Names = NO_NAMES,
              notice: str | None = None) -> Block:
    """The App Home: `notice` (mrkdwn, e.g. "Consensus recorded ...") if any, each facilitated assessment's
    review (consensus buttons), then the person's interviews."""
    view_blocks: list[Block] = [section(notice), {"type": "divider"}] if notice else []
    for review, detail in reviews:
        view_blocks += facilitator_review_blocks(review, detail, names)
    if interviews:
        view_blocks.append(header("Your interviews"))
        for assessment, step, characteristic in interviews:
            block = section(f"*{escape(assessment)}*: {where_label(step or Step.NOT_STARTED, characteristic)}")
            if step != Step.COMPLETE:
                label = "Start" if step in (None, Step.NOT_STARTED) else "Resume"
                block["accessory"] = button(label, ActionId.START, CardRef(assessment=assessment).value())
            view_blocks.append(block)
    if len(view_blocks) == (2 if notice else 0):
        view_blocks.append(section("You are not part of an assessment yet. Facilitators start one with "
                                   "`/assess new <community> <cycle>` in a channel."))
    if len(view_blocks) > VIEW_BLOCKS:
        view_blocks = [*view_blocks[: VIEW_BLOCKS - 1], context("_More not shown: use `mmssc review`._")]
    return {"type": "home", "blocks": view_blocks}


def facilitator_review_blocks(review: ReviewReport, detail: AssessmentDetail, names: Names = NO_NAMES) -> list[Block]:
    name = review.assessment
    progress = [f"{person(p.stakeholder, names)} {p.progress.done} of {p.progress.total}" for p in detail.progress]
    out: list[Block] = [header(f"Review: {name}"),
                        context("Progress: " + (" · ".join(progress) if progress else "no stakeholders yet"))]
    pending = [f"{person(p.stakeholder, names)} {escape(p.characteristic)} ({horizon_label(p.horizon)}): "
               f"suggested {p.suggested_level or '–'}, {settled_words(p.settled)}"
               for p in review.pending[:15]]
    out.append(section("*Waiting for confirmation*\n" + ("\n".join(pending) or "Nothing is waiting.")))
    disagreements = [d for d in review.disagreements if d.horizon == Horizon.NOW]
    agreed = {c.characteristic: c for c in review.consensus}
    out.append(section(f"*Disagreements* ({len(disagreements)}): stakeholders' levels now two or more apart."
                       if disagreements else "*Disagreements*: none so far."))
    for d in disagreements[:20]:
        text = f"*{escape(d.characteristic)} {escape(d.name)}*\nnow: {levels_line(d.levels, names)}"
        settled = agreed.get(d.characteristic)
        if settled is not None:
            later = settled.level_two_years if settled.level_two_years is not None else "not set"
            text += f"\nconsensus now *{settled.level_now}*, in two years *{later}*"
        ref = CardRef(assessment=name, characteristic=d.characteristic)
        block = section(text)
        block["accessory"] = button("Set consensus", ActionId.CONSENSUS, ref.value())
        block["block_id"] = ref.block_id()
        out.append(block)
    out.append({"type": "divider"})
    return out


# -- the consensus modal ----------------------------------------------------------------------

LEVEL_NOW, LEVEL_TWO_YEARS, REASON = "level_now", "level_two_years", "reason"
NOT_SET = "none"  # the two-year select's "Not set" option: clears a level set before


def consensus_modal(ref: CardRef, characteristic_name: str, level_names: dict[int, str], spread: str,
                    earlier_now: int | None, earlier_two_years: int | None) -> Block:
    """Both consensus levels and a reason; the selects start at the levels set before, if any. The
    two-year select also offers "Not set", since a Slack select cannot be emptied once chosen."""
    def select(action_id: str, label: str, initial: int | None, optional: bool) -> Block:
        options = level_options(level_names)
        element: Block = {"type": "static_select", "action_id": action_id, "placeholder": {
            "type": "plain_text", "text": "Choose a level"}}
        if initial is not None and 1 <= initial <= len(options):
            element["initial_option"] = options[initial - 1]
        if optional:
            options = [*options, {"text": {"type": "plain_text", "text": "Not set"}, "value": NOT_SET}]
        element["options"] = options
        return {"type": "input", "block_id": action_id, "optional": optional, "element": element,
                "label": {"type": "plain_text", "text": label}}

    return modal(ActionId.CONSENSUS_MODAL, ref.value(), "Set consensus", [
        section(f"*{escape(ref.characteristic)} {escape(characteristic_name)}* in *{escape(ref.assessment)}*"),
        context(f"Stakeholders' levels: {escape(spread)}"),
        select(LEVEL_NOW, "Consensus level now", earlier_now, optional=False),
        select(LEVEL_TWO_YEARS, "Consensus level in two years (based on current plans)", earlier_two_years,
               optional=True),
        reason_input(REASON, "Why these levels? (kept in the audit trail)", optional=True),
    ])
