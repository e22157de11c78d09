"""Pure metric functions for the evaluation suite: lists in, numbers out, no I/O.

Level predictions are `int | None`; `None` is an abstention. Where a metric needs a level, an
abstention on a level case counts as a miss (exact, within-one) or is left out and reported as
coverage (QWK, MAE).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy

LEVELS = (1, 2, 3, 4, 5)


def exact_rate(predicted: Sequence[int | None], acceptable: Sequence[Sequence[int]]) -> float:
    """Share of cases whose predicted level is one of the acceptable levels."""
    _same_length(predicted, acceptable)
    if not predicted:
        return 0.0
    return sum(p is not None and p in ok for p, ok in zip(predicted, acceptable, strict=True)) / len(predicted)


def within_one_rate(
    predicted: Sequence[int | None], expected: Sequence[int], acceptable: Sequence[Sequence[int]]
) -> float:
    """Share of cases within one level of the expected level (or acceptable as they are)."""
    _same_length(predicted, expected)
    if not predicted:
        return 0.0
    hits = 0
    for p, e, ok in zip(predicted, expected, acceptable, strict=True):
        hits += p is not None and (p in ok or abs(p - e) <= 1)
    return hits / len(predicted)


def answered_pairs(predicted: Sequence[int | None], expected: Sequence[int]) -> tuple[list[int], list[int]]:
    """The (expected, predicted) levels of the cases that were not abstained on."""
    _same_length(predicted, expected)
    pairs = [(e, p) for p, e in zip(predicted, expected, strict=True) if p is not None]
    return [e for e, _ in pairs], [p for _, p in pairs]


def quadratic_weighted_kappa(
    expected: Sequence[int], predicted: Sequence[int], levels: Sequence[int] = LEVELS
) -> float:
    """Cohen's kappa with quadratic weights (scikit-learn's `cohen_kappa_score`): 1 is perfect agreement,
    0 is chance, below 0 is worse. One level throughout on both sides, where kappa is undefined, counts as
    perfect agreement.

    >>> quadratic_weighted_kappa([1, 2, 3], [1, 2, 3])
    1.0
    """
    _same_length(expected, predicted)
    if not expected:
        return 0.0
    if len(set(expected) | set(predicted)) == 1:
        return 1.0
    from sklearn.metrics import cohen_kappa_score

    return float(cohen_kappa_score(list(expected), list(predicted), labels=list(levels), weights="quadratic"))


def mean_absolute_error(expected: Sequence[int], predicted: Sequence[int]) -> float:
    _same_length(expected, predicted)
    if not expected:
        return 0.0
    return sum(abs(e - p) for e, p in zip(expected, predicted, strict=True)) / len(expected)


def confusion_matrix(
    expected: Sequence[int], predicted: Sequence[int | None], levels: Sequence[int] = LEVELS
) -> list[list[int]]:
    """Rows: expected level; columns: predicted level, then one last column for abstentions."""
    _same_length(expected, predicted)
    position = {level: i for i, level in enumerate(levels)}
    matrix = [[0] * (len(levels) + 1) for _ in levels]
    for e, p in zip(expected, predicted, strict=True):
        matrix[position[e]][len(levels) if p is None else position[p]] += 1
    return matrix


def abstain_recall(predicted_on_abstain_cases: Sequence[int | None]) -> float:
    """Share of the cases that call for an abstention on which the engine abstained."""
    if not predicted_on_abstain_cases:
        return 0.0
    return sum(p is None for p in predicted_on_abstain_cases) / len(predicted_on_abstain_cases)


def false_abstain_rate(predicted_on_level_cases: Sequence[int | None]) -> float:
    """Share of the cases that have a level on which the engine abstained anyway."""
    if not predicted_on_level_cases:
        return 0.0
    return sum(p is None for p in predicted_on_level_cases) / len(predicted_on_level_cases)


def recall_at_k(ranked: Sequence[Sequence[str]], expected: Sequence[Sequence[str]], k: int) -> float:
    """Share of questions with an expected item among the first k ranked items."""
    _same_length(ranked, expected)
    if not ranked:
        return 0.0
    return sum(any(item in set(ok) for item in r[:k]) for r, ok in zip(ranked, expected, strict=True)) / len(ranked)


def recall_all_at_k(ranked: Sequence[Sequence[str]], expected: Sequence[Sequence[str]], k: int) -> float:
    """Share of questions with every expected item among the first k (all k of them when more are expected)."""
    _same_length(ranked, expected)
    if not ranked:
        return 0.0
    hits = sum(len(set(ok) & set(r[:k])) >= min(len(set(ok)), k) for r, ok in zip(ranked, expected, strict=True))
    return hits / len(ranked)


def share(count: int, total: int) -> float:
    """count / total, 0.0 when there is nothing to count."""
    return count / total if total else 0.0


def mean_reciprocal_rank(ranked: Sequence[Sequence[str]], expected: Sequence[Sequence[str]]) -> float:
    """Mean of 1/rank of the first expected item (0 when none is listed)."""
    _same_length(ranked, expected)
    if not ranked:
        return 0.0
    total = 0.0
    for r, ok in zip(ranked, expected, strict=True):
        wanted = set(ok)
        total += next((1.0 / (rank + 1) for rank, item in enumerate(r) if item in wanted), 0.0)
    return total / len(ranked)


def citation_validity(cited_ids: Sequence[str], resolves: Callable[[str], bool]) -> float:
    """Share of cited ids that resolve to a knowledge-base entry (1.0 when nothing was cited)."""
    if not cited_ids:
        return 1.0
    return sum(bool(resolves(i)) for i in cited_ids) / len(cited_ids)


def off_by_at_least(predicted: Sequence[int | None], expected: Sequence[int], distance: int = 3) -> int:
    """How many answered cases are `distance` or more levels away from the expected level."""
    _same_length(predicted, expected)
    return sum(p is not None and abs(p - e) >= distance for p, e in zip(predicted, expected, strict=True))


def auroc(scores: Sequence[float], positive: Sequence[bool]) -> float | None:
    """Area under the ROC curve (scikit-learn's `roc_auc_score`): the chance that a random positive case
    scores above a random negative one; 0.5 is no better than chance. None without both kinds of case.

    >>> auroc([0.9, 0.8, 0.3], [True, False, False])
    1.0
    """
    _same_length(scores, positive)
    if len(set(positive)) < 2:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([bool(p) for p in positive], list(scores)))


def confidence_by_outcome(confidences: Sequence[float], exact: Sequence[bool]) -> tuple[float, float]:
    """Mean confidence of the exact and of the non-exact cases, (0.0 for a group with no case).

    A calibrated engine is surer when it is right: the first mean should be clearly above the second.

    >>> confidence_by_outcome([0.9, 0.7, 0.3], [True, True, False])
    (0.8, 0.3)
    """
    _same_length(confidences, exact)
    right = [c for c, ok in zip(confidences, exact, strict=True) if ok]
    wrong = [c for c, ok in zip(confidences, exact, strict=True) if not ok]
    return (sum(right) / len(right) if right else 0.0, sum(wrong) / len(wrong) if wrong else 0.0)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks (`numpy.percentile`); 0.0
    for no values. The project's one percentile: the eval's latency and every benchmark report with it."""
    if not values:
        return 0.0
    return float(numpy.percentile(numpy.asarray(values, dtype=float), q))


def most_common(values: Sequence[int]) -> int:
    """The most frequent value; the lowest one on a tie (deterministic)."""
    if not values:
        raise ValueError("most_common of an empty sequence")
    counts: dict[int, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v))


def _same_length(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"length mismatch: {len(a)} != {len(b)}")
