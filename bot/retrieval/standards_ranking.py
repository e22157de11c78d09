"""From retrieved entries to the standards they point at, best first (pure functions).

Every retrieved entry names one or more standards: a standard's own description names itself, an
Annex B row names its standard and the ISO 37106 sub-component or ISO 37104 clause, an Annex C row
names an ISO 18091 function, and a level's criteria point at the Annex B rows of its sub-dimension.
A standard's score sums what its entries contribute, each weighted by the entry's rank and by how
directly it names the standard; the first (strongest) contribution supplies the `why`. Then the
partners the draft names with a ranked standard in one entry follow it (`bot.retrieval.pairs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import RefKind
from bot.retrieval.documents import ISO_18091
from bot.retrieval.pairs import Partner, partner_scores, standard_partners, standards_named_in
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
    partner_share: float = 0.7  # a ranked standard's partners score at least this share of its score


DEFAULT_WEIGHTS = RankingWeights()
RECITE_SHARE = 0.5  # a source of the nearest topic is quoted instead when it summed at least this share


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
    cited: list[Contribution] = []  # one contribution per source, strongest first (`best` is the first)
    cited_scores: list[float] = []  # what each of them summed to
    paired_with: str | None = None  # the standard this one follows as its partner
    pair_source: str | None = None  # the Table 3 / Annex B entry that names both


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
            cited=[contribution for _, contribution in ordered],
            cited_scores=[round(value, 6) for value, _ in ordered],
        ))
    return follow_partners(sorted(ranked, key=lambda item: (-item.score, item.standard)), kb, weights)


def follow_partners(
    ranked: Sequence[RankedStandard], kb: KnowledgeBase, weights: RankingWeights = DEFAULT_WEIGHTS
) -> list[RankedStandard]:
    """The ranking with each standard's partners lifted to `partner_share` of its score (then re-sorted).

    A partner that was not retrieved at all is cited with its own entry that names the standard it
    follows (ISO 37100's Annex B row names ISO/IEC 30182), or else its own Table 3 description.
    """
    if not ranked or weights.partner_share <= 0:
        return list(ranked)
    by_standard = {item.standard: item for item in ranked}
    lifted = partner_scores([(item.standard, item.score) for item in ranked], standard_partners(kb),
                            weights.partner_share)
    result = [item for item in ranked if item.standard not in lifted]
    for standard, (score, follows, partner) in lifted.items():
        if standard in by_standard:
            result.append(by_standard[standard].model_copy(
                update={"score": score, "paired_with": follows, "pair_source": partner.source}))
        else:
            best = _partner_contribution(kb, standard, follows, partner)
            result.append(RankedStandard(standard=standard, score=score, best=best, refs=[], sources=[best.source],
                                         via=[], paired_with=follows, pair_source=partner.source))
    order = {standard.id: position for position, standard in enumerate(kb.standards)}
    # equal scores (two partners of one standard) keep the draft's order of the standards
    return sorted(result, key=lambda item: (-item.score, order.get(item.standard, len(order)), item.standard))


def cite_from_sub_dimension(kb: KnowledgeBase, ranked: RankedStandard, sub_dimension: str) -> RankedStandard:
    """The standard cited with its strongest source in `sub_dimension` when it has one there.

    A question's nearest topic says which part of the model it is about; when the standard was also
    reached through that part (ISO 37106 through sub-component B11, digital inclusion, as well as B9),
    that is the row to quote, whichever row summed the larger contribution.
    """
    best_score = ranked.cited_scores[0] if ranked.cited_scores else 0.0
    chosen = next((c for c, value in zip(ranked.cited, ranked.cited_scores, strict=True)
                   if source_sub_dimension(kb, c.source) == sub_dimension and value >= RECITE_SHARE * best_score),
                  None)
    if chosen is None or chosen.source == ranked.best.source:
        return ranked
    return ranked.model_copy(update={
        "best": chosen,
        "refs": _unique([chosen.ref, *ranked.refs]),
        "sources": _unique([chosen.source, *ranked.sources]),
    })


def source_sub_dimension(kb: KnowledgeBase, entry_id: str) -> str | None:
    """The sub-dimension a cited entry belongs to: an Annex B row's own (`None` for the rows about a
    whole dimension), an Annex C function's purpose, a level's characteristic's; `None` for a standard."""
    row = next((row for row in kb.annex_b if row.id == entry_id), None)
    if row is not None:
        return row.sub_dimension
    function = next((function for function in kb.annex_c if function.id == entry_id), None)
    if function is not None:
        return function.purpose
    characteristic = entry_id.split("/")[0] if "/" in entry_id else None
    return kb.characteristic(characteristic).sub_dimension if characteristic in kb.characteristic_ids else None


def _partner_contribution(kb: KnowledgeBase, standard: str, follows: str, partner: Partner) -> Contribution:
    """The partner's own words: its Annex B row naming the standard it follows, or its description."""
    row = next((row for row in kb.annex_b
                if row.standard == standard and follows in standards_named_in(row.guidance, kb)), None)
    if row is not None:
        return Contribution(standard=standard, ref=row.ref, ref_kind=_ref_kind(row.ref_kind), why=row.guidance,
                            source=row.id, source_kind="Annex B", weight=0.0)
    own = kb.standard(standard)
    return Contribution(standard=standard, ref=None, ref_kind=None, why=own.description, source=own.id,
                        source_kind=own.source, weight=0.0)


def _ref_kind(ref_kind: RefKind | None) -> str | None:
    return ref_kind.value if ref_kind else None


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
