"""The replies the interview sends: pure functions from the knowledge base and state to `Reply`, in the
words channels share (`wording`)."""

from __future__ import annotations

from collections.abc import Collection

from bot.interview.decisions import PendingSuggestion
from bot.interview.messages import CardPosition, Horizon, Outcome, Progress, Reply, ReplyKind, Step
from bot.interview.state import InterviewState
from bot.interview.wording import (
    EARLIER_ANSWER_CHARS,
    EARLIER_ANSWER_LEAD,
    EARLIER_ANSWER_NOTE,
    PROBE_ANSWER_WORDS,
    PROBE_BUTTONS,
    abstain_reason_words,
    counter_evidence_lines,
    earlier_answer_quote,
    more_words,
    position_words,
    probe_place,
    settled_words,
    shorten,
)
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import MAX_ANSWER_CHARS, ProbeAnswer, Suggestion

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


def ladder(kb: KnowledgeBase, characteristic_id: str) -> list[str]:
    """One line per level: "3 Defined: <summary>"."""
    c = kb.characteristic(characteristic_id)
    return [f"{level.level} {kb.level_name(level.level)}: {level.summary}" for level in c.levels]


def question_reply(kb: KnowledgeBase, characteristic_id: str, horizon: Horizon, position: int, total: int,
                   level_now: int | None = None, *, recorded: int | None = None, earlier: str | None = None) -> Reply:
    """The question of a characteristic, number `position` of `total` in the interview's order; `recorded` is
    the level now already on record and `earlier` the answer given before to this question (after back or
    edit), shown so the stakeholder can build on it."""
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
    before = [f"{EARLIER_ANSWER_LEAD} {earlier_answer_quote(earlier)}", EARLIER_ANSWER_NOTE] if earlier else []
    text = "\n".join([f"{c.id} {c.name} ({position_words(position, total)})", question, *lines, *before, hint])
    return Reply(kind=ReplyKind.QUESTION, text=text, characteristic=c.id, characteristic_name=c.name,
                 horizon=horizon, position=position, total=total, question=question, ladder=lines, hint=hint,
                 recorded_level=recorded if horizon == Horizon.NOW else None, earlier_answer=earlier)


SUGGESTION_HINT = ("Type yes to confirm, another level with a reason (e.g. 4 because ...), don't know, skip, "
                   "or add detail.")
ABSTENTION_HINT = "Answer that, or type a level 1-5 with a reason, don't know or skip."


def suggestion_reply(kb: KnowledgeBase, suggestion: Suggestion, horizon: Horizon) -> Reply:
    c = kb.characteristic(suggestion.characteristic)
    untold = [e for e in suggestion.counter_evidence if e.quote.strip().rstrip(".") not in suggestion.rationale]
    counter, hidden = counter_evidence_lines(untold, lambda i: kb.reference_label(i) if kb.has_entry(i) else i)
    counter += [more_words(hidden)] if hidden else []
    if suggestion.level is None:
        reason = abstain_reason_words(suggestion.abstain_reason)
        lines = [f"I can't suggest a level yet: {reason}.", *counter]
        if suggestion.follow_up:
            lines.append(suggestion.follow_up)
        hint = ABSTENTION_HINT
    else:
        headline = f"Level {suggestion.level} ({kb.level_name(suggestion.level)})"
        settled = settled_words(suggestion.settled)
        # the default engine's rationale opens with the level, cites the criteria in words and quotes what
        # stops the next level; the JSON keeps the ids
        if suggestion.rationale.startswith(headline):
            lines = [suggestion.rationale, f"{settled[0].upper()}{settled[1:]}."]
        else:
            lines = [f"Suggested {headline[0].lower()}{headline[1:]}, {settled}.", suggestion.rationale]
        lines += counter
        if not suggestion.settled and suggestion.follow_up:
            lines.append(f"To be surer: {suggestion.follow_up}")
        hint = SUGGESTION_HINT
    return Reply(kind=ReplyKind.SUGGESTION, text="\n".join([*lines, hint]), characteristic=c.id,
                 characteristic_name=c.name, horizon=horizon, hint=hint, suggestion=suggestion,
                 not_in_place=counter)


PROBE_HINT = ("Reply yes, partly (say where), no, not yet (say when), or in your own words. Or type suggest now, "
              "a level 1-5, don't know or skip.")
PROBE_SET_ASIDE = "You asked for a level now instead."


def probe_reply(kb: KnowledgeBase, pending: PendingSuggestion, horizon: Horizon, position: int, total: int,
                limit: int) -> Reply:
    """The probe of the best suggestion so far, asked before any level is shown: the person answers it."""
    probe = pending.suggestion.probe
    assert probe is not None
    c = kb.characteristic(pending.suggestion.characteristic)
    number = len(pending.exchanges) + 1
    when = "" if horizon == Horizon.NOW else ", in two years"
    lead = f"{c.id} {c.name} ({position_words(position, total)}{when}) \u2014 {probe_place(number, limit)}"
    return Reply(kind=ReplyKind.PROBE, text="\n".join([lead, probe.question, PROBE_HINT]), characteristic=c.id,
                 characteristic_name=c.name, horizon=horizon, position=position, total=total,
                 question=probe.question, hint=PROBE_HINT, probe=probe, probe_answers=list(PROBE_BUTTONS),
                 probe_number=number, probe_limit=limit)


def probe_done_reply(pending: PendingSuggestion, horizon: Horizon, answer: ProbeAnswer | None,
                     said: str | None) -> Reply:
    """The probe on show is no longer asked: answered (a button's `answer`, or the words `said`), or set aside
    with "suggest now" (neither). A channel with cards marks the probe's card with `text`."""
    probe = pending.suggestion.probe
    if said:
        text = f"You answered: \u201c{shorten(said, EARLIER_ANSWER_CHARS)}\u201d"
    elif answer is not None:
        text = f"You answered: {PROBE_ANSWER_WORDS[answer]}"
    else:
        text = PROBE_SET_ASIDE
    return Reply(kind=ReplyKind.PROBE_DONE, text=text, characteristic=pending.suggestion.characteristic,
                 horizon=horizon, probe=probe, probe_number=len(pending.exchanges) + 1, probe_answer=answer)


OUTCOME_WORDS = {Outcome.CONFIRMED: "confirmed", Outcome.OVERRIDDEN: "your choice over the suggestion",
                 Outcome.CHOSEN: "your choice", Outcome.DONT_KNOW: "don't know", Outcome.SKIPPED: "skipped"}


def recorded_reply(kb: KnowledgeBase, characteristic_id: str, horizon: Horizon, level: int | None,
                   outcome: Outcome) -> Reply:
    what = OUTCOME_WORDS[outcome]
    when = "now" if horizon == Horizon.NOW else "in two years"
    shown = f"level {level} ({kb.level_name(level)})" if level else "no level"
    return Reply(kind=ReplyKind.RECORDED, text=f"Recorded for {characteristic_id} {when}: {shown} — {what}.",
                 characteristic=characteristic_id, horizon=horizon, recorded_level=level, outcome=outcome)


def stale_card_reply(card: CardPosition) -> Reply:
    """A press on a card the interview has moved past (an old card, or the second of a double click)."""
    when = "now" if card.horizon == Horizon.NOW else "in two years"
    return Reply(kind=ReplyKind.STALE, text=f"That card is for {card.characteristic} ({when}); the interview has "
                 "moved on, so nothing was changed. Please use the latest message.",
                 characteristic=card.characteristic, horizon=card.horizon)


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
