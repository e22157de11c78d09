"""From retrieved entries to the standards they point at, best first (pure functions).

Every retrieved entry names one or more standards: a standard's own description names itself, an
Annex B row names its standard and the ISO 37106 sub-component or ISO 37104 clause, an Annex C row
names an ISO 18091 function, and a level's criteria point at the Annex B rows of its sub-dimension.
A standard's score sums what its entries contribute, each weighted by the entry's rank and by how
directly it names the standard; the first (strongest) contribution supplies the `why`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import RefKind
from bot.retrieval.documents import ISO_18091
from bot.retrieval.retriever import EntryKind, RetrievedEntry


class RankingWeights(BaseModel):
    """How much each kind of entry counts for the standards it names (chosen on the dev cases)."""

    model_config = ConfigDict(frozen=True)

    standard: float = 1.0
    annex_b: float = 1.0
    annex_c: float = 0.8
    criterion: float = 0.15
    rank_offset: float = 1.0  # an entry at rank r (from 0) counts 1 / (r + rank_offset)
    repeat_decay: float = 1.0  # the n-th contribution to the same standard counts repeat_decay ** n


DEFAULT_WEIGHTS = RankingWeights()


class Contribution(BaseModel):
    model_config = ConfigDict(frozen=True)

    standard: str
    ref: str | None
    ref_kind: str | None
    why: str
    source: str
    source_kind: str  # "Table 3", "Annex B", "Annex C", ...
    weight: float


class RankedStandard(BaseModel):
    model_config = ConfigDict(frozen=True)

    standard: str
    score: float
    best: Contribution
    refs: list[str]
    sources: list[str]
    via: list[str]  # the retrieved entry ids that led here, best first


def contributions_of_entry(entry: RetrievedEntry, kb: KnowledgeBase, weights: RankingWeights) -> list[Contribution]:
    """The standards one retrieved entry names, with the text that says why."""
    if entry.kind == EntryKind.STANDARD:
        standard = kb.standard(entry.id)
        return [Contribution(standard=standard.id, ref=None, ref_kind=None, why=standard.description,
                             source=standard.id, source_kind=standard.source, weight=weights.standard)]
    if entry.kind == EntryKind.ANNEX_B:
        row = next(row for row in kb.annex_b if row.id == entry.id)
        return [Contribution(standard=row.standard, ref=row.ref, ref_kind=_ref_kind(row.ref_kind), why=row.guidance,
                             source=row.id, source_kind="Annex B", weight=weights.annex_b)]
    if entry.kind == EntryKind.ANNEX_C:
        function = next(function for function in kb.annex_c if function.id == entry.id)
        purpose = kb.sub_dimension(function.purpose).name
        why = (f"ISO 18091 function {function.code} ({function.function}) is one of the local-government "
               f"functions that contribute most directly to the purpose {purpose} (Annex C).")
        return [Contribution(standard=ISO_18091, ref=function.code, ref_kind="iso18091_function", why=why,
                             source=function.id, source_kind="Annex C", weight=weights.annex_c)]
    characteristic = kb.characteristic(entry.characteristic or "")
    return [
        Contribution(standard=row.standard, ref=row.ref, ref_kind=_ref_kind(row.ref_kind), why=row.guidance,
                     source=row.id, source_kind="Annex B", weight=weights.criterion)
        for row in kb.annex_b_for_characteristic(characteristic)
    ]


def rank_standards(
    entries: Sequence[RetrievedEntry], kb: KnowledgeBase, weights: RankingWeights = DEFAULT_WEIGHTS
) -> list[RankedStandard]:
    """Standards named by the retrieved entries (given best first), ordered by their summed contributions.

    Within a standard, the source entry with the largest summed contribution (say, an Annex B row
    plus the criteria of its sub-dimension) supplies the `ref` and the `why`.
    """
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}
    by_source: dict[str, dict[str, tuple[float, Contribution]]] = {}
    via: dict[str, list[str]] = {}
    for rank, entry in enumerate(entries):
        for contribution in contributions_of_entry(entry, kb, weights):
            key = contribution.standard
            value = contribution.weight / (rank + weights.rank_offset) * weights.repeat_decay ** counts.get(key, 0)
            counts[key] = counts.get(key, 0) + 1
            scores[key] = scores.get(key, 0.0) + value
            sources = by_source.setdefault(key, {})
            previous = sources.get(contribution.source, (0.0, contribution))[0]
            sources[contribution.source] = (previous + value, contribution)
            via.setdefault(key, []).append(entry.id)
    ranked = []
    for key, score in scores.items():
        ordered = sorted(by_source[key].values(), key=lambda item: -item[0])
        ranked.append(RankedStandard(
            standard=key,
            score=round(score, 6),
            best=ordered[0][1],
            refs=_unique(contribution.ref for _, contribution in ordered),
            sources=_unique(contribution.source for _, contribution in ordered),
            via=_unique(via[key]),
        ))
    return sorted(ranked, key=lambda item: (-item.score, item.standard))


def _ref_kind(ref_kind: RefKind | None) -> str | None:
    return ref_kind.value if ref_kind else None


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
