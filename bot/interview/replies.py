"""The replies the interview sends: pure functions from the knowledge base and state to `Reply`."""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.interview.decisions import PendingSuggestion
from bot.interview.messages import CardPosition, Horizon, Outcome, Progress, Reply, ReplyKind, Step
from bot.interview.state import InterviewState
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import MAX_ANSWER_CHARS, Evidence, ProbeAnswer, Suggestion

TWO_YEAR_QUESTION = "Based on current plans, what level do you expect in two years?"

HELP_LINES = (
    "Answer in your own words and I suggest a level with the criteria it rests on.",
    "yes — confirm the suggested level",
    "3 because ... — choose a level yourself (1-5) with a short reason",
    "Before suggesting I may ask a short question or two: reply yes, partly (say where), no or not yet "
    "(say when), or in your own words",
    "suggest now — skip those questions and see the level I would suggest so far",
    "don't know / skip — move on (skipped ones can be answered later with edit)",
    "same — in the two-year question: the same level as now",
    "back — the previous question; edit 1.2.1 — change an earlier answer",
    "status — progress per dimension; pause / resume",
    "which standard helps with open data? (or: standard <question>) — ask about standards at any time",
    "answer: <text> — send text that looks like a command as an answer",
)


# The engine's abstain_reason is a code (the JSON contract); people read these words instead.
ABSTAIN_REASON_WORDS = {
    "dont_know": "the answer says you don't know",
    "gibberish": "I could not read the answer as a description",
    "instruction": "the answer reads like an instruction to me rather than a description of your community",
    "off_topic": "the answer does not seem to be about this characteristic",
    "question": "the answer is a question rather than a description",
    "thin_evidence": "the answer does not show enough to place a level",
    "llm_abstained": "the answer does not show enough to place a level",
}


def abstain_reason_words(code: str | None) -> str:
    """Plain words for an abstention code; an unknown code is shown with spaces, never with underscores."""
    if not code:
        return ABSTAIN_REASON_WORDS["thin_evidence"]
    return ABSTAIN_REASON_WORDS.get(code, code.replace("_", " "))


def ladder(kb: KnowledgeBase, characteristic_id: str) -> list[str]:
    """One line per level: "3 Defined: <summary>"."""
    c = kb.characteristic(characteristic_id)
    return [f"{level.level} {kb.level_name(level.level)}: {level.summary}" for level in c.levels]


def question_reply(kb: KnowledgeBase, characteristic_id: str, horizon: Horizon, position: str,
                   level_now: int | None = None, *, recorded: int | None = None, earlier: str | None = None) -> Reply:
    """The question of a characteristic; `recorded` is the level now already on record and `earlier` the
    answer given before to this question (after back or edit), shown so the stakeholder can build on it."""
    c = kb.characteristic(characteristic_id)
    lines = ladder(kb, characteristic_id)
    if horizon == Horizon.NOW:
        question = c.question
        hint = "Answer in your own words, or type a level 1-5 with a reason, don't know, skip or help."
        if recorded is not None:
            hint = (f"Recorded so far: level {recorded} ({kb.level_name(recorded)}); skip keeps it. Answer again to "
                    "change it, or type a level 1-5 with a reason.")
    else:
        question = TWO_YEAR_QUESTION
        same = f" (= {level_now} now)" if level_now else ""
        hint = f"Type a level 1-5, same{same}, don't know, skip, or describe the plans in your own words."
    before = []
    if earlier:
        before = [f"Your earlier answer: \u201c{shorten(earlier, 300)}\u201d",
                  "What you type now is read together with it, so you can add to it or correct it."]
    text = "\n".join([f"{c.id} {c.name} ({position})", question, *lines, *before, hint])
    return Reply(kind=ReplyKind.QUESTION, text=text, characteristic=c.id, characteristic_name=c.name,
                 horizon=horizon.value, question=question, ladder=lines,
                 recorded_level=recorded if horizon == Horizon.NOW else None, earlier_answer=earlier)


def suggestion_reply(kb: KnowledgeBase, suggestion: Suggestion, horizon: Horizon) -> Reply:
    c = kb.characteristic(suggestion.characteristic)
    if suggestion.level is None:
        reason = abstain_reason_words(suggestion.abstain_reason)
        lines = [f"I can't suggest a level yet: {reason}."]
        if suggestion.follow_up:
            lines.append(suggestion.follow_up)
        lines.append("Answer that, or type a level 1-5 with a reason, don't know or skip.")
    else:
        headline = f"Level {suggestion.level} ({kb.level_name(suggestion.level)})"
        # the default engine's rationale opens with the level and cites the criteria in words; the JSON keeps ids
        lines = [] if suggestion.rationale.startswith(headline) else [f"Suggested {headline[0].lower()}{headline[1:]}."]
        lines.append(suggestion.rationale)
        # the confidence separates right from wrong too weakly to show as a number (evals: AUROC below 0.75)
        lines.append("Settled." if suggestion.settled else "Not settled: more detail may change it.")
        if not suggestion.settled and suggestion.follow_up:
            lines.append(f"To be surer: {suggestion.follow_up}")
        lines.append("Type yes to confirm, another level with a reason (e.g. 4 because ...), "
                     "don't know, skip, or add detail.")
    return Reply(kind=ReplyKind.SUGGESTION, text="\n".join(lines), characteristic=c.id, characteristic_name=c.name,
                 horizon=horizon.value, suggestion=suggestion)


PROBE_HINT = ("Reply yes, partly (say where), no, not yet (say when), or in your own words. Or type suggest now, "
              "a level 1-5, don't know or skip.")


def probe_reply(kb: KnowledgeBase, pending: PendingSuggestion, horizon: Horizon, position: str,
                limit: int) -> Reply:
    """The probe of the best suggestion so far, asked before any level is shown: the person answers it."""
    probe = pending.suggestion.probe
    assert probe is not None
    c = kb.characteristic(pending.suggestion.characteristic)
    number = len(pending.exchanges) + 1
    when = "" if horizon == Horizon.NOW else ", in two years"
    lead = f"{c.id} {c.name} ({position}{when}) — before I suggest a level, question {number} of at most {limit}:"
    return Reply(kind=ReplyKind.PROBE, text="\n".join([lead, probe.question, PROBE_HINT]), characteristic=c.id,
                 characteristic_name=c.name, horizon=horizon.value, question=probe.question, probe=probe,
                 probe_answers=list(ProbeAnswer), probe_number=number, probe_limit=limit)


OUTCOME_WORDS = {Outcome.CONFIRMED: "confirmed", Outcome.OVERRIDDEN: "your choice over the suggestion",
                 Outcome.CHOSEN: "your choice", Outcome.DONT_KNOW: "don't know", Outcome.SKIPPED: "skipped"}


def recorded_reply(kb: KnowledgeBase, characteristic_id: str, horizon: Horizon, level: int | None,
                   outcome: Outcome) -> Reply:
    what = OUTCOME_WORDS[outcome]
    when = "now" if horizon == Horizon.NOW else "in two years"
    shown = f"level {level} ({kb.level_name(level)})" if level else "no level"
    return Reply(kind=ReplyKind.RECORDED, text=f"Recorded for {characteristic_id} {when}: {shown} — {what}.",
                 characteristic=characteristic_id, horizon=horizon.value, recorded_level=level, outcome=outcome)


def stale_card_reply(card: CardPosition) -> Reply:
    """A press on a card the interview has moved past (an old card, or the second of a double click)."""
    when = "now" if card.horizon == Horizon.NOW else "in two years"
    return Reply(kind=ReplyKind.STALE, text=f"That card is for {card.characteristic} ({when}); the interview has "
                 "moved on, so nothing was changed. Please use the latest message.",
                 characteristic=card.characteristic, horizon=card.horizon.value)


def progress_of(kb: KnowledgeBase, handled: Collection[str]) -> Progress:
    per_dimension = {
        d.id: (sum(1 for c in kb.characteristics_in_dimension(d.id) if c.id in handled),
               len(kb.characteristics_in_dimension(d.id)))
        for d in kb.dimensions
    }
    done = sum(1 for c in kb.characteristic_ids if c in handled)
    return Progress(done=done, total=len(kb.characteristics), per_dimension=per_dimension)


def status_reply(kb: KnowledgeBase, state: InterviewState, handled: Collection[str],
                 skipped: Collection[str]) -> Reply:
    progress = progress_of(kb, handled)
    lines = [f"Progress: {progress.done}/{progress.total} characteristics"
             + (f" ({len(skipped)} skipped: {', '.join(sorted(skipped))})" if skipped else "")]
    for dimension in kb.dimensions:
        done, total = progress.per_dimension[dimension.id]
        lines.append(f"  {dimension.id} {dimension.name}: {done}/{total}")
    if state.step == Step.COMPLETE:
        lines.append("The interview is complete.")
    elif state.step == Step.PAUSED:
        lines.append("The interview is paused; type resume to carry on.")
    elif state.characteristic:
        lines.append(f"Now at {state.characteristic} ({'two years' if state.horizon == Horizon.TWO_YEARS else 'now'}).")
    return Reply(kind=ReplyKind.STATUS, text="\n".join(lines), characteristic=state.characteristic,
                 progress=progress)


def help_reply() -> Reply:
    return Reply(kind=ReplyKind.HELP, text="\n".join(HELP_LINES))


def info(text: str, characteristic: str | None = None) -> Reply:
    return Reply(kind=ReplyKind.INFO, text=text, characteristic=characteristic)


def error(text: str, characteristic: str | None = None) -> Reply:
    return Reply(kind=ReplyKind.ERROR, text=text, characteristic=characteristic)


def too_long_error(length: int, characteristic: str | None) -> Reply:
    return error(f"Your answer ({length:,} characters) is saved in full, but it is too long for a suggestion "
                 f"(at most {MAX_ANSWER_CHARS:,} characters). Please send a shorter summary, or type a level 1-5 "
                 "with a reason, don't know or skip.", characteristic)


def complete_reply(kb: KnowledgeBase, handled: Collection[str], skipped: Collection[str]) -> Reply:
    progress = progress_of(kb, handled)
    text = f"Thank you — the interview is complete ({progress.done - len(skipped)}/{progress.total} answered"
    text += f", skipped: {', '.join(sorted(skipped))})." if skipped else ")."
    text += " Type edit <id> (e.g. edit 1.2.1) to change or add an answer."
    return Reply(kind=ReplyKind.COMPLETE, text=text, progress=progress)


COUNTER_EVIDENCE_SHOWN = 3
QUOTE_CHARS = 200


def counter_evidence_lines(items: list[Evidence],
                           reference: Callable[[str], str] | None = None) -> tuple[list[str], int]:
    """Quotes that say a condition is not in place, one line each for the first few, and how many
    more there are; every channel shows them in these words. `reference` turns a criterion id into
    what the channel shows (e.g. `KnowledgeBase.reference_label`); the id itself by default."""
    def cited(criterion: str) -> str:
        return reference(criterion) if reference else criterion

    lines = [f"Not in place yet: \u201c{shorten(item.quote, QUOTE_CHARS)}\u201d [{cited(item.criterion)}]"
             for item in items[:COUNTER_EVIDENCE_SHOWN]]
    return lines, max(0, len(items) - COUNTER_EVIDENCE_SHOWN)


def shorten(text: str, limit: int = 160) -> str:
    """One line for display: whitespace flattened, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
