"""The evidence probe: one short question about the rung the engine is least sure of.

The question comes from the knowledge base: a level's `probe` asks about everything the level adds; a
condition's `question` about that condition alone. When part of a level was already said, only the
rest is asked about, so nobody is asked what they have just said.
"""

from __future__ import annotations

from bot.knowledge.models import Characteristic, Condition
from bot.suggestion.explanation import plain_statement
from bot.suggestion.models import Horizon, Probe

MAX_CONDITIONS_ASKED = 2  # one short question: at most two conditions in it


TWO_YEARS_LEAD = "On current plans, in two years: "


def probe_for_rung(characteristic: Characteristic, level: int, open_conditions: list[Condition],
                   horizon: Horizon = Horizon.NOW) -> Probe:
    """The probe about `level`, asking about its open conditions (all of them when none was said); for
    the two-year question, asked about the plans."""
    everything = characteristic.level(level).conditions
    asked = open_conditions or list(everything)
    if len(asked) == len(everything) and characteristic.level(level).probe:
        question = characteristic.level(level).probe or ""
    else:
        asked = asked[:MAX_CONDITIONS_ASKED]
        question = " And ".join(_lower_first(condition_question(c)) if i else condition_question(c)
                                for i, c in enumerate(asked))
    if horizon == Horizon.TWO_YEARS:
        question = TWO_YEARS_LEAD + _lower_first(question)
    return Probe(level=level, conditions=[c.id for c in asked], question=question)


def _lower_first(question: str) -> str:
    first = question.split(" ", 1)[0]
    return question if len(first) > 1 and first.isupper() else question[:1].lower() + question[1:]


def condition_question(condition: Condition) -> str:
    """The condition's own question, or its text turned into one."""
    if condition.question:
        return condition.question
    return f"Is this true for your city: {plain_statement(condition.text)}?"
