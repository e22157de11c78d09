"""Ask a probe or show the suggestion: the one decision the interview and the eval's dialogues share.

    turn = engine_turn(engine, "1.1.1", "We adopted a strategy in 2019",
                       EngineCall(horizon=Horizon.NOW, exchanges=[...], earlier_answers=[...]), max_probes=3)
    if turn.probe is not None:   # ask it before showing a level
        ...
    else:                        # show turn.suggestion: settled, probes used up, or not allowed
        ...

The interview (`InterviewService`) gathers the ingredients from the audit trail, the eval's dialogue
simulation (`evals/dialogues.py`) from a case; both call `engine_turn`, so they make the same engine
calls with the same context and take the same decision.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.suggestion.models import (
    Horizon,
    Probe,
    Suggestion,
    SuggestionContext,
    SuggestionEngine,
)


class EngineCall(SuggestionContext):
    """What an engine call is given besides the characteristic and the answer text: the engine's context
    (`suggestion_context` passes it on) and whether its probe may be asked."""

    may_probe: bool = True  # False: show the suggestion whatever the engine would ask (a level is on show)


class EngineTurn(BaseModel):
    """The engine's suggestion (its best level so far, or an abstention) and the probe to ask now, if any."""

    model_config = ConfigDict(frozen=True)

    suggestion: Suggestion
    context: SuggestionContext  # exactly what the engine was given besides the answer
    probe: Probe | None = None  # ask this before showing a level; None: show the suggestion


def suggestion_context(call: EngineCall) -> SuggestionContext:
    """The context of an engine call; the level now only goes with the two-year question."""
    return SuggestionContext(
        horizon=call.horizon, exchanges=list(call.exchanges), earlier_answers=list(call.earlier_answers),
        level_now=call.level_now if call.horizon == Horizon.TWO_YEARS else None)


def probe_to_ask(suggestion: Suggestion, call: EngineCall, max_probes: int) -> Probe | None:
    """The engine's probe when the interview should ask it: the level is not settled, fewer than
    `max_probes` probes were asked on this question and horizon, probing is allowed, and the same
    question was not asked already (an engine that repeats itself gets its suggestion shown instead)."""
    probe = suggestion.probe
    if probe is None or not call.may_probe or len(call.exchanges) >= max_probes:
        return None
    asked = {" ".join(exchange.probe.question.lower().split()) for exchange in call.exchanges}
    if " ".join(probe.question.lower().split()) in asked:
        return None
    return probe


def engine_turn(engine: SuggestionEngine, characteristic_id: str, answer: str, call: EngineCall,
                max_probes: int) -> EngineTurn:
    """Call the engine once with the whole context and decide: ask its probe, or show its suggestion.

    Raises what the engine raises (`InvalidInputError` for an empty or over-long answer).
    """
    context = suggestion_context(call)
    suggestion = engine.suggest(characteristic_id, answer, context)
    return EngineTurn(suggestion=suggestion, context=context, probe=probe_to_ask(suggestion, call, max_probes))
