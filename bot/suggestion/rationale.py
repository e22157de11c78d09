"""The rationale a city official reads: at most six short lines, in this order:

1. the level and what it means, with its reference ("MMSSC 1.1.1, level 3");
2. up to three lines of evidence: the person's own words, quoted whole, each with the level it shows,
   replies to probes, and a note when a level was assumed rather than described;
3. what stops the next level: the person's words saying it is not in place, or that it was not described;
4. the standard that helps with the next level ("ISO 37104 (Annex B)").

Machine ids never appear here; they stay in the suggestion's JSON (citations, evidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import AnnexBEntry, Characteristic
from bot.suggestion.models import Evidence, ProbeAnswer
from bot.suggestion.screening import AbstainReason

MAX_LINES = 6
MAX_EVIDENCE_LINES = 3
MAX_QUOTE_CHARS = 280

ABSTAIN_WORDS = {
    AbstainReason.DONT_KNOW: "the answer says it is not known",
    AbstainReason.GIBBERISH: "the answer could not be read as text about the city",
    AbstainReason.INSTRUCTION: "the answer tries to instruct the assistant instead of describing the city; "
                               "it is kept as data and nothing in it was obeyed",
    AbstainReason.OFF_TOPIC: "the answer does not seem to be about this characteristic",
    AbstainReason.QUESTION: "the answer is a question rather than a description",
    AbstainReason.THIN_EVIDENCE: "there is not enough evidence yet",
}

ANSWER_WORDS = {
    ProbeAnswer.YES: "yes",
    ProbeAnswer.PARTLY: "partly",
    ProbeAnswer.NO: "no",
    ProbeAnswer.NOT_YET: "not yet",
    ProbeAnswer.UNSURE: "not sure",
}


@dataclass(frozen=True)
class ReplyQuote:
    """A probe reply the rationale relies on: the level asked about, how it read, and the words typed."""

    level: int
    answer: ProbeAnswer
    words: str


def quoted(text: str) -> str:
    return f"“{' '.join(text.split()).rstrip('.,;:')}”"


def reference(characteristic: Characteristic, level: int) -> str:
    return f"MMSSC {characteristic.id}, level {level}"


def abstention_text(characteristic: Characteristic, reason: AbstainReason) -> str:
    return f"No level suggested for “{characteristic.name}” ({characteristic.id}): {ABSTAIN_WORDS[reason]}."


def rationale_text(
    kb: KnowledgeBase,
    characteristic: Characteristic,
    level: int,
    quotes: list[Evidence],
    replies: list[ReplyQuote],
    bridged: list[int],
    stopping: list[Evidence],
    stopping_reply: ReplyQuote | None,
    gap: AnnexBEntry | None,
) -> str:
    """The rationale of a suggested level (see the module docstring). `quotes` support levels up to
    `level`; `stopping` are the person's words saying level + 1 is not in place."""
    lines = [f"Level {level} ({kb.level_name(level)}): {characteristic.level(level).summary} "
             f"({reference(characteristic, level)})."]
    evidence = _evidence_lines(characteristic, quotes, replies, bridged, level)
    closing = _closing_lines(kb, characteristic, level, stopping, stopping_reply, gap)
    room = MAX_LINES - len(lines) - len(closing)
    lines += evidence[: max(1, min(MAX_EVIDENCE_LINES, room))] + closing
    return "\n".join(dict.fromkeys(lines))


def _evidence_lines(characteristic: Characteristic, quotes: list[Evidence], replies: list[ReplyQuote],
                    bridged: list[int], level: int) -> list[str]:
    lines = []
    for reply in sorted(replies, key=lambda r: -r.level):
        said = quoted(reply.words) if reply.words else ANSWER_WORDS[reply.answer]
        lines.append(f"Asked about level {reply.level}, you said {said}.")
    shown: dict[str, int] = {}
    for quote in quotes:
        if len(quote.quote) > MAX_QUOTE_CHARS:
            continue  # a whole paragraph is no quote; it stays in the suggestion's evidence
        shown[quote.quote] = max(shown.get(quote.quote, 0), _level_of(quote.criterion))
    for text, shows in sorted(shown.items(), key=lambda item: -item[1]):
        lines.append(f"{quoted(text)} ({reference(characteristic, shows)}).")
    if bridged:
        which = " and ".join(str(b) for b in bridged)
        word = "Level" if len(bridged) == 1 else "Levels"
        lines.append(f"{word} {which} not described; assumed from the evidence for level {level}.")
    return lines


def _closing_lines(kb: KnowledgeBase, characteristic: Characteristic, level: int, stopping: list[Evidence],
                   stopping_reply: ReplyQuote | None, gap: AnnexBEntry | None) -> list[str]:
    if level >= 5:
        return []
    following = characteristic.level(level + 1)
    what = f"level {level + 1} ({following.summary[:1].lower()}{following.summary[1:]})"
    if stopping_reply is not None:
        said = quoted(stopping_reply.words) if stopping_reply.words else ANSWER_WORDS[stopping_reply.answer]
        lines = [f"Not {what}: asked about it, you said {said}."]
    elif stopping:
        lines = [f"Not {what}: you said {quoted(stopping[0].quote)}."]
    else:
        lines = [f"Not shown yet: {what}."]
    if gap is not None:
        lines.append(f"{kb.reference_label(gap.id)} helps with level {level + 1}.")
    return lines


def _level_of(condition_id: str) -> int:
    return int(condition_id.split("/")[1])
