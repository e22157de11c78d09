"""The knowledge base as one immutable object with lookups by id."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property

from bot.errors import UnknownIdError
from bot.knowledge.models import (
    AnnexBEntry,
    AnnexCFunction,
    Characteristic,
    Condition,
    Dimension,
    Family,
    LevelFamily,
    LevelName,
    RefKind,
    Standard,
    SubDimension,
)


def criterion_id(characteristic_id: str, level: int) -> str:
    """The citation id of one level's criteria, e.g. `1.2.1/L3`."""
    return f"{characteristic_id}/L{level}"


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    dimensions: list[Dimension]
    level_names: list[LevelName]
    families: list[LevelFamily]
    characteristics: list[Characteristic]
    standards: list[Standard]
    annex_b: list[AnnexBEntry]
    annex_c: list[AnnexCFunction]
    _characteristics_by_id: dict[str, Characteristic] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_characteristics_by_id", {c.id: c for c in self.characteristics})

    @property
    def short_version(self) -> str:
        return self.version[:12]

    # -- characteristics -----------------------------------------------------------------------

    @property
    def characteristic_ids(self) -> list[str]:
        return [c.id for c in self.characteristics]

    def characteristic(self, characteristic_id: str) -> Characteristic:
        """The characteristic with this id; `UnknownIdError` naming the closest ids otherwise."""
        key = characteristic_id.strip()
        if key in self._characteristics_by_id:
            return self._characteristics_by_id[key]
        raise UnknownIdError("characteristic", key, self.closest_characteristic_ids(key))

    def closest_characteristic_ids(self, text: str, limit: int = 3) -> list[str]:
        ids = self.characteristic_ids
        inside = [i for i in ids if text and i.startswith(text.rstrip(".") + ".")]
        if inside:  # a dimension or sub-dimension id ("1.2"): its characteristics, not look-alikes elsewhere
            return inside[:limit]
        close = difflib.get_close_matches(text, ids, n=limit, cutoff=0.5)
        if close:
            return close
        by_name = {c.name.lower(): c.id for c in self.characteristics}
        names = difflib.get_close_matches(text.lower(), list(by_name), n=limit, cutoff=0.3)
        return [by_name[n] for n in names] or [i for i in ids if i.startswith(text[:1])][:limit]

    def characteristics_in_dimension(self, dimension_id: str) -> list[Characteristic]:
        return [c for c in self.characteristics if c.dimension == dimension_id]

    def characteristics_in_sub_dimension(self, sub_dimension_id: str) -> list[Characteristic]:
        return [c for c in self.characteristics if c.sub_dimension == sub_dimension_id]

    # -- structure -----------------------------------------------------------------------------

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise UnknownIdError("dimension", dimension_id, [d.id for d in self.dimensions])

    @cached_property
    def sub_dimensions(self) -> list[SubDimension]:
        return [sub for dimension in self.dimensions for sub in dimension.sub_dimensions]

    def sub_dimension(self, sub_dimension_id: str) -> SubDimension:
        for sub in self.sub_dimensions:
            if sub.id == sub_dimension_id:
                return sub
        raise UnknownIdError("sub-dimension", sub_dimension_id, [])

    def level_name(self, level: int) -> str:
        return self.level_names[level - 1].name

    def family(self, family_id: Family) -> LevelFamily:
        return next(f for f in self.families if f.id == family_id)

    # -- standards and annexes -----------------------------------------------------------------

    @cached_property
    def standards_by_id(self) -> dict[str, Standard]:
        return {s.id: s for s in self.standards}

    def standard(self, standard_id: str) -> Standard:
        if standard_id in self.standards_by_id:
            return self.standards_by_id[standard_id]
        close = difflib.get_close_matches(standard_id, list(self.standards_by_id), n=3, cutoff=0.5)
        raise UnknownIdError("standard", standard_id, close)

    def annex_b_for_sub_dimension(self, sub_dimension_id: str) -> list[AnnexBEntry]:
        return [e for e in self.annex_b if e.sub_dimension == sub_dimension_id]

    def annex_b_for_characteristic(self, characteristic: Characteristic) -> list[AnnexBEntry]:
        """Annex B rows for the characteristic's sub-dimension, then dimension-wide rows."""
        own = self.annex_b_for_sub_dimension(characteristic.sub_dimension)
        overall = [e for e in self.annex_b if e.dimension == characteristic.dimension and e.sub_dimension is None]
        return own + overall

    def annex_c_for_purpose(self, purpose_id: str) -> list[AnnexCFunction]:
        return [f for f in self.annex_c if f.purpose == purpose_id]

    # -- citations -----------------------------------------------------------------------------

    @cached_property
    def conditions_by_id(self) -> dict[str, Condition]:
        return {
            condition.id: condition
            for c in self.characteristics
            for level in c.levels
            for condition in level.conditions
        }

    @cached_property
    def entry_ids(self) -> frozenset[str]:
        """Every id a citation may point at."""
        ids: set[str] = set(self.standards_by_id) | set(self.conditions_by_id)
        ids |= {criterion_id(c.id, level.level) for c in self.characteristics for level in c.levels}
        ids |= {e.id for e in self.annex_b} | {f.id for f in self.annex_c}
        return frozenset(ids)

    def has_entry(self, entry_id: str) -> bool:
        return entry_id in self.entry_ids

    def reference_label(self, entry_id: str) -> str:
        """How a person reads a citation id: the machine ids stay in JSON, people see these.

        >>> kb.reference_label("1.1.1/3/a"), kb.reference_label("1.1.1/L3")
        ('MMSSC 1.1.1, level 3', 'MMSSC 1.1.1, level 3')
        >>> kb.reference_label("annexB:2.3:1"), kb.reference_label("annexC:4.1:B.2.2")
        ('ISO 37106, sub-component B11 (Annex B)', 'ISO 18091, function B.2.2 (Annex C)')

        `UnknownIdError` for an id that is not an entry of the knowledge base.
        """
        if entry_id in self.conditions_by_id or entry_id in self._criterion_ids:
            characteristic, level = entry_id.split("/")[:2]
            return f"MMSSC {characteristic}, level {level.removeprefix('L')}"
        if entry_id in self.standards_by_id:
            return entry_id
        for entry in self.annex_b:
            if entry.id == entry_id:
                where = f", sub-component {entry.ref}" if entry.ref_kind == RefKind.ISO37106_SUBCOMPONENT else (
                    f", {entry.ref}" if entry.ref else "")
                return f"{entry.standard}{where} (Annex B)"
        for function in self.annex_c:
            if function.id == entry_id:
                return f"ISO 18091, function {function.code} (Annex C)"
        raise UnknownIdError("knowledge-base entry", entry_id, [])

    @cached_property
    def _criterion_ids(self) -> frozenset[str]:
        return frozenset(criterion_id(c.id, level.level) for c in self.characteristics for level in c.levels)
