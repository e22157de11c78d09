"""Simulated dialogues: a stakeholder gives the opening answer and answers each probe from the case.

    outcome = simulate_dialogue(engine, case, max_probes=3)

Every engine call goes through `bot.interview.probing.engine_turn`, the function the interview calls, so the
simulation asks exactly the probes the interview would ask, with the same context. A probe about a level
the case has no reply for gets a "not sure" (the Not sure button).
"""

from __future__ import annotations

import time

from bot.errors import InvalidInputError
from bot.evaluation import metrics
from bot.evaluation.cases import DialogueCase
from bot.evaluation.report import DialogueOutcome, DialogueReport, KindScores, OpeningScores
from bot.interview.probing import EngineCall, engine_turn
from bot.suggestion.models import ProbeAnswer, ProbeExchange, Suggestion, SuggestionEngine


def simulate_dialogue(engine: SuggestionEngine, case: DialogueCase, max_probes: int,
                      latencies: list[float] | None = None) -> tuple[list[Suggestion], list[int]]:
    """Every suggestion of the dialogue in order (the first on the opening alone, the last the one shown) and
    the level of each probe asked. No suggestion at all when the engine refused the opening (empty...)."""
    exchanges: list[ProbeExchange] = []
    turns: list[Suggestion] = []
    while True:
        call = EngineCall(horizon=case.horizon, exchanges=exchanges, level_now=case.level_now)
        start = time.perf_counter()
        try:
            turn = engine_turn(engine, case.characteristic, case.opening, call, max_probes)
        except InvalidInputError:
            return turns, [e.probe.level for e in exchanges]
        finally:
            if latencies is not None:
                latencies.append((time.perf_counter() - start) * 1000)
        turns.append(turn.suggestion)
        if turn.probe is None:
            return turns, [e.probe.level for e in exchanges]
        reply = case.replies.get(str(turn.probe.level))
        exchanges.append(ProbeExchange(probe=turn.probe, reply=reply) if reply
                         else ProbeExchange(probe=turn.probe, reply="", answer=ProbeAnswer.UNSURE))


def dialogue_report(cases: list[DialogueCase], outcomes: list[DialogueOutcome]) -> DialogueReport:
    """Exact, within-one, QWK and big misses of the final levels and of the openings alone; probes asked."""
    final = [o.predicted for o in outcomes]
    opening = [o.opening_predicted for o in outcomes]
    expected = [c.expected_level for c in cases]
    acceptable = [c.acceptable for c in cases]
    probes = [len(o.probes) for o in outcomes]
    by_kind: dict[str, KindScores] = {}
    for kind in sorted({c.opening_kind for c in cases if c.opening_kind}):
        chosen = [i for i, c in enumerate(cases) if c.opening_kind == kind]
        by_kind[kind] = KindScores(
            n=len(chosen),
            exact=round(metrics.exact_rate([final[i] for i in chosen], [acceptable[i] for i in chosen]), 4),
            opening_exact=round(metrics.exact_rate([opening[i] for i in chosen], [acceptable[i] for i in chosen]), 4))
    return DialogueReport(
        n=len(cases),
        answered=sum(p is not None for p in final),
        exact=round(metrics.exact_rate(final, acceptable), 4),
        within_one=round(metrics.within_one_rate(final, expected, acceptable), 4),
        qwk=round(metrics.quadratic_weighted_kappa(*metrics.answered_pairs(final, expected)), 4),
        off_by_3_or_more=metrics.off_by_at_least(final, expected, 3),
        probes_mean=round(sum(probes) / len(probes), 4) if probes else 0.0,
        probes_max=max(probes, default=0),
        opening=OpeningScores(
            exact=round(metrics.exact_rate(opening, acceptable), 4),
            within_one=round(metrics.within_one_rate(opening, expected, acceptable), 4),
            qwk=round(metrics.quadratic_weighted_kappa(*metrics.answered_pairs(opening, expected)), 4),
            off_by_3_or_more=metrics.off_by_at_least(opening, expected, 3)),
        by_opening_kind=by_kind,
        cases=outcomes,
    )


def run_dialogues(engine: SuggestionEngine, cases: list[DialogueCase], max_probes: int,
                  latencies: list[float] | None = None) -> tuple[DialogueReport, list[Suggestion]]:
    """Simulate every dialogue; the report, and every suggestion made on the way (for the citation check)."""
    outcomes, made = [], []
    for case in cases:
        turns, probes = simulate_dialogue(engine, case, max_probes, latencies)
        outcomes.append(DialogueOutcome(
            id=case.id, characteristic=case.characteristic, expected=case.expected_level,
            predicted=turns[-1].level if turns else None, probes=probes,
            opening_predicted=turns[0].level if turns else None, opening_kind=case.opening_kind))
        made += turns
    return dialogue_report(cases, outcomes), made
