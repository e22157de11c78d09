"""Cross-reference checks run on every load: counts, unique ids and links between files."""

from __future__ import annotations

from collections import Counter

from bot.errors import KnowledgeBaseError
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import LEVELS, DimensionKind, Family

EXPECTED_ENABLERS = 25
EXPECTED_PURPOSES = 6


def check_cross_references(kb: KnowledgeBase) -> None:
    _check_unique("dimensions.json", "dimensions[].id", [d.id for d in kb.dimensions])
    _check_unique("dimensions.json", "sub_dimensions[].id", [s.id for s in kb.sub_dimensions])
    _check_unique("characteristics/*.json", "characteristics[].id", kb.characteristic_ids)
    _check_unique("standards.json", "standards[].id", [s.id for s in kb.standards])
    _check_unique("annex_b.json", "entries[].id", [e.id for e in kb.annex_b])
    _check_unique("annex_c.json", "functions[] (purpose, code)", [f.id for f in kb.annex_c])
    _check_levels(kb)
    _check_characteristics(kb)
    _check_annex_b(kb)
    _check_annex_c(kb)


def _check_unique(name: str, field: str, ids: list[str]) -> None:
    repeated = sorted(i for i, count in Counter(ids).items() if count > 1)
    if repeated:
        raise KnowledgeBaseError(f"{name}: {field} must be unique, repeated: {', '.join(repeated)}")


def _check_levels(kb: KnowledgeBase) -> None:
    if tuple(n.level for n in kb.level_names) != LEVELS:
        raise KnowledgeBaseError("levels.json: levels must name levels 1-5 in order")
    if {f.id for f in kb.families} != set(Family):
        raise KnowledgeBaseError(f"levels.json: families must be exactly {', '.join(sorted(Family))}")
    for family in kb.families:
        if tuple(d.level for d in family.definitions) != LEVELS:
            raise KnowledgeBaseError(f"levels.json: families[{family.id}].definitions must cover levels 1-5 in order")


def _check_characteristics(kb: KnowledgeBase) -> None:
    sub_dimensions = {s.id: d for d in kb.dimensions for s in d.sub_dimensions}
    enablers = purposes = 0
    for c in kb.characteristics:
        where = f"characteristics/*.json: characteristic {c.id}"
        dimension = sub_dimensions.get(c.sub_dimension)
        if dimension is None:
            raise KnowledgeBaseError(f"{where}: sub_dimension '{c.sub_dimension}' is not in dimensions.json")
        if dimension.id != c.dimension:
            raise KnowledgeBaseError(
                f"{where}: sub_dimension '{c.sub_dimension}' belongs to dimension {dimension.id}"
            )
        is_purpose = dimension.kind == DimensionKind.PURPOSE
        if is_purpose != (c.family == Family.PURPOSE):
            raise KnowledgeBaseError(
                f"{where}: family '{c.family}' does not fit a {dimension.kind} dimension"
            )
        purposes += is_purpose
        enablers += not is_purpose
        for level in c.levels:
            if level.level >= 2 and not _is_question(level.probe):
                raise KnowledgeBaseError(f"{where}: levels[{level.level}].probe must be a question ending in '?'")
            for condition in level.conditions:
                prefix = f"{c.id}/{level.level}/"
                if not condition.id.startswith(prefix):
                    raise KnowledgeBaseError(
                        f"{where}: levels[{level.level}].conditions id '{condition.id}' must start with '{prefix}'"
                    )
                if level.level >= 2 and not _is_question(condition.question):
                    raise KnowledgeBaseError(f"{where}: condition {condition.id}: question must end in '?'")
    condition_ids = [cond.id for c in kb.characteristics for level in c.levels for cond in level.conditions]
    _check_unique("characteristics/*.json", "conditions[].id", condition_ids)
    if (enablers, purposes) != (EXPECTED_ENABLERS, EXPECTED_PURPOSES):
        raise KnowledgeBaseError(
            f"characteristics/*.json: expected {EXPECTED_ENABLERS} smart enablers and {EXPECTED_PURPOSES} "
            f"purposes, found {enablers} and {purposes}"
        )
    empty = [s.id for s in kb.sub_dimensions if not kb.characteristics_in_sub_dimension(s.id)]
    if empty:
        raise KnowledgeBaseError(f"dimensions.json: sub-dimensions without characteristics: {', '.join(empty)}")


def _is_question(text: str | None) -> bool:
    return bool(text and text.strip().endswith("?"))


def _check_annex_b(kb: KnowledgeBase) -> None:
    dimensions = {d.id: d for d in kb.dimensions}
    for entry in kb.annex_b:
        where = f"annex_b.json: entry {entry.id}"
        if entry.standard not in kb.standards_by_id:
            raise KnowledgeBaseError(f"{where}: standard '{entry.standard}' is not in standards.json")
        if entry.dimension not in dimensions:
            raise KnowledgeBaseError(f"{where}: dimension '{entry.dimension}' is not in dimensions.json")
        own = {s.id for s in dimensions[entry.dimension].sub_dimensions}
        if entry.sub_dimension is not None and entry.sub_dimension not in own:
            raise KnowledgeBaseError(
                f"{where}: sub_dimension '{entry.sub_dimension}' is not in dimension {entry.dimension}"
            )
        if (entry.ref is None) != (entry.ref_kind is None):
            raise KnowledgeBaseError(f"{where}: ref and ref_kind must be given together")
    unmapped = [s.id for s in kb.sub_dimensions if not kb.annex_b_for_sub_dimension(s.id)]
    if unmapped:
        raise KnowledgeBaseError(f"annex_b.json: sub-dimensions with no supporting standard: {', '.join(unmapped)}")


def _check_annex_c(kb: KnowledgeBase) -> None:
    purposes = {c.id for c in kb.characteristics if c.family == Family.PURPOSE}
    for function in kb.annex_c:
        if function.purpose not in purposes:
            raise KnowledgeBaseError(
                f"annex_c.json: function {function.code}: purpose '{function.purpose}' is not a purpose"
            )
    unmapped = sorted(p for p in purposes if not kb.annex_c_for_purpose(p))
    if unmapped:
        raise KnowledgeBaseError(f"annex_c.json: purposes with no ISO 18091 function: {', '.join(unmapped)}")
