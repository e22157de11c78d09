"""The rationale a city official reads: short sentences, conditions in plain words, and the id of every
entry relied on in square brackets after its text ("… the objectives are aligned with United Nations
sustainable development goals [1.1.1/3/b]"), so each bracketed id resolves with `KnowledgeBase.has_entry`.

A quote that supports a condition "shows that" it holds; a quote that denies a condition "says this is
not in place"; the two are never mixed.
"""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.knowledge.base import criterion_id
from bot.knowledge.models import AnnexBEntry, Characteristic
from bot.suggestion.decision import LevelDecision
from bot.suggestion.explanation import plain_statement
from bot.suggestion.models import Evidence
from bot.suggestion.screening import AbstainReason

ABSTAIN_WORDS = {
    AbstainReason.DONT_KNOW: "the answer says it is not known",
    AbstainReason.GIBBERISH: "the answer could not be read as text about the city",
    AbstainReason.INSTRUCTION: "the answer tries to instruct the assistant instead of describing the city",
    AbstainReason.OFF_TOPIC: "the answer does not seem to be about this characteristic",
    AbstainReason.QUESTION: "the answer is a question rather than a description",
    AbstainReason.THIN_EVIDENCE: "there is not enough evidence yet",
}


def words_list(items: list[str], joiner: str = "and") -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def levels_words(levels: list[int]) -> str:
    """"Level 3 was", "Levels 2, 3 and 4 were"."""
    if len(levels) == 1:
        return f"Level {levels[0]} was"
    return f"Levels {words_list([str(level) for level in levels])} were"


def cited(kb: KnowledgeBase, condition_id: str) -> str:
    """A condition in plain words with its id after it."""
    return f"{plain_statement(kb.conditions_by_id[condition_id].text)} [{condition_id}]"


def by_quote(quotes: list[Evidence]) -> list[tuple[str, list[str]]]:
    """The condition ids of each quote, quotes in the order they first appear."""
    grouped: dict[str, list[str]] = {}
    for quote in quotes:
        grouped.setdefault(quote.quote, [])
        if quote.criterion not in grouped[quote.quote]:
            grouped[quote.quote].append(quote.criterion)
    return list(grouped.items())


def quoted(text: str) -> str:
    return f"“{text.strip().rstrip('.,;:')}”"


def supporting_sentences(kb: KnowledgeBase, quotes: list[Evidence]) -> list[str]:
    sentences = []
    for quote, ids in by_quote(quotes):
        clauses = words_list([f"that {cited(kb, i)}" for i in ids])
        sentences.append(f"{quoted(quote)} shows {clauses}.")
    return sentences


def counter_sentences(kb: KnowledgeBase, counter: list[Evidence], level: int, quotes: list[Evidence]) -> list[str]:
    """Denials: of conditions above the level (they stop it), or below it (outweighed by the rest)."""
    sentences = []
    supporting = {q.quote for q in quotes}
    for quote, ids in by_quote(counter):
        above = [i for i in ids if _level_of(i) > level]
        below = [i for i in ids if _level_of(i) <= level]
        if above:
            these = "this is" if len(above) == 1 else "these are"
            says = "also says" if quote in supporting else "says"
            sentences.append(f"{quoted(quote)} {says} {these} not in place yet: "
                             f"{'; '.join(cited(kb, i) for i in above)}.")
        if below:
            sentences.append(f"{quoted(quote)} limits {'; '.join(cited(kb, i) for i in below)}. The rest of the "
                             "answer outweighs that limitation.")
    return sentences


def confidence_sentence(decision: LevelDecision) -> str | None:
    """Why the confidence is low, in words (None when it is not low)."""
    basis = decision.basis
    if basis is None or not basis.low:
        return None
    reasons = []
    if basis.pieces <= 1:
        reasons.append("the answer gives one piece of evidence")
    if basis.bridged:
        reasons.append("some levels were assumed rather than described")
    if basis.hedges:
        reasons.append("the answer hedges or limits what it says")
    if basis.adjacent and decision.level is not None:
        reasons.append(f"part of level {decision.level + 1} is there too")
    if basis.strength < 0.5:
        reasons.append("the wording matches the criteria only loosely")
    if basis.completeness < 1.0 and not basis.bridged:
        reasons.append("not every condition of the level is described")
    return f"Confidence is low because {words_list(reasons or ['the evidence is thin'])}."


def rationale_text(
    kb: KnowledgeBase,
    characteristic: Characteristic,
    decision: LevelDecision,
    quotes: list[Evidence],
    counter: list[Evidence],
    gap: AnnexBEntry | None,
) -> str:
    name = f"“{characteristic.name}”"
    if decision.level is None:
        reason = ABSTAIN_WORDS[decision.abstain_reason or AbstainReason.THIN_EVIDENCE]
        if decision.abstain_reason == AbstainReason.INSTRUCTION:
            reason += "; the answer is kept as data and nothing in it was obeyed"
        return f"No level suggested for {name} ({characteristic.id}): {reason}."
    level = decision.level
    parts = [f"Suggested level {level} ({kb.level_name(level)}) for {name} [{criterion_id(characteristic.id, level)}]."]
    parts += supporting_sentences(kb, quotes)
    if decision.bridged_levels:
        them = "it" if len(decision.bridged_levels) == 1 else "them"
        parts.append(f"{levels_words(decision.bridged_levels)} not described. The suggestion assumes {them} "
                     f"from the evidence for level {level}.")
    parts += counter_sentences(kb, counter, level, quotes)
    if decision.missing:
        denied = {c.criterion for c in counter}
        names = "; ".join(cited(kb, e.condition.id) for e in decision.missing if e.condition.id not in denied)
        if names:
            parts.append(f"Not yet shown for level {level + 1}: {names}.")
        if gap is not None:
            ref = f" {gap.ref}" if gap.ref else ""
            parts.append(f"For level {level + 1}, the standard {gap.standard}{ref} can help [{gap.id}].")
    sentence = confidence_sentence(decision)
    if sentence:
        parts.append(sentence)
    return " ".join(parts)


def _level_of(condition_id: str) -> int:
    return int(condition_id.split("/")[1])
