"""The words every channel shares: how a place in the interview, an earlier answer, a settled level, a
probe's buttons and counter-evidence are said. Channels show the core's `Reply` fields their own way,
but in these words, so each piece of wording lives once (`replies` builds the replies with them).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.suggestion.models import Evidence, ProbeAnswer

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


def position_words(position: int, total: int) -> str:
    """ "question 3 of 31": where a characteristic's question stands in the interview."""
    return f"question {position} of {total}"


def probe_place(number: int, limit: int) -> str:
    """ "before a level: question 1 of at most 3": where a probe stands."""
    return f"before a level: question {number} of at most {limit}"


EARLIER_ANSWER_LEAD = "Your earlier answer:"
EARLIER_ANSWER_NOTE = "What you type now is read together with it, so you can add to it or correct it."
EARLIER_ANSWER_CHARS = 300


def earlier_answer_quote(earlier: str) -> str:
    """An earlier answer as a question shows it: one line, shortened, in quotation marks (not escaped)."""
    return f"\u201c{shorten(earlier, EARLIER_ANSWER_CHARS)}\u201d"


SETTLED_WORDS = {True: "settled", False: "not settled"}


def settled_words(settled: bool) -> str:
    """ "settled" or "not settled" (`Suggestion.settled`): shown instead of the engine's confidence, which
    separates right from wrong suggestions too weakly to be read as a number (AUROC about 0.6 on the evals)."""
    return SETTLED_WORDS[settled]


# The replies a channel offers as buttons; "not yet" is best typed with its date ("not yet, planned for 2027").
PROBE_BUTTONS = (ProbeAnswer.YES, ProbeAnswer.PARTLY, ProbeAnswer.NO, ProbeAnswer.UNSURE)
PROBE_ANSWER_WORDS = {ProbeAnswer.YES: "Yes", ProbeAnswer.PARTLY: "Partly", ProbeAnswer.NO: "No",
                      ProbeAnswer.NOT_YET: "Not yet", ProbeAnswer.UNSURE: "Not sure"}

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


def more_words(hidden: int) -> str:
    """ "and 2 more": the counter-evidence lines not shown."""
    return f"and {hidden} more"


def shorten(text: str, limit: int = 160) -> str:
    """One line for display: whitespace flattened, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
