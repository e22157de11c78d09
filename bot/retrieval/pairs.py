"""Standards the draft names together, and how a partner follows a retrieved standard (pure functions).

A Table 3 or Annex B entry that names more than one standard pairs them: "ISO 37104 ... apply the
general requirements of ISO 37101", "ISO 37122 and ISO 37123 supplement ISO 37120", "... is available
in ISO/IEC 30182 and ISO 37100". An Annex B row that builds on the row before it ("ISO 37104 ... how such
approaches can best be applied", after ISO 37106's benefit mapping, tracking and delivery) makes the
earlier standard its partner, one way: the later one needs it, not the reverse. The pairs are read from
the knowledge data, never listed by hand, so they change when the knowledge changes. When one standard of
a pair is ranked, its partner scores at least `share` of its score, so it follows it (a partner that ranks
higher on its own keeps its place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from bot.knowledge import KnowledgeBase

# "ISO 37106", "ISO/TS 37151", "ISO/IEC 18384-2", "ISO/30145", "ISO 37104:2019"; group 1 is the number
STANDARD_MENTION = re.compile(r"\bISO(?:\s*/\s*(?:IEC|TS|TR))*\s*/?\s*(\d{4,5}(?:-\d+)?)", re.IGNORECASE)
# a standard's number alone, as people type it ("we signed up to 37101 last year"); years have four digits
BARE_STANDARD_NUMBER = re.compile(r"(?<![\w./-])(\d{5}(?:-\d+)?)(?![\w/]|[.,]\d)")
PAIRING_SOURCES = ("Table 3", "Annex B")  # where the draft describes standards (clause 2 only cites them)


class Partner(BaseModel):
    """A standard named in the same entry as another; `source` is that entry (a knowledge-base id)."""

    model_config = ConfigDict(frozen=True)

    standard: str
    source: str
    source_kind: str  # "Table 3" or "Annex B"


def standard_number(standard_id: str) -> str:
    """The number of a standard id ("ISO/IEC 18384-2" -> "18384-2"); the id itself when it has none."""
    match = STANDARD_MENTION.search(standard_id)
    return match.group(1) if match else standard_id


def numbers_named_in(text: str) -> set[str]:
    """The standard numbers `text` names, with "ISO" or alone ("ISO/TS 37151", "37101")."""
    return {match.group(1) for pattern in (STANDARD_MENTION, BARE_STANDARD_NUMBER) for match in pattern.finditer(text)}


def standards_named_in(text: str, kb: KnowledgeBase) -> list[str]:
    """The knowledge base's standards that `text` names, in order of first mention."""
    by_number = {standard_number(standard.id): standard.id for standard in kb.standards}
    named = (by_number.get(match.group(1)) for match in STANDARD_MENTION.finditer(text))
    return list(dict.fromkeys(standard for standard in named if standard))


def standard_partners(kb: KnowledgeBase) -> dict[str, list[Partner]]:
    """Every standard's partners: the other standards named in a Table 3 or Annex B entry with it.

    Each partner is listed once, with the first entry (Table 3 before Annex B, in the draft's order)
    that names both.
    """
    entries = [(standard.id, standard.id, standard.description, standard.source)
               for standard in kb.standards if standard.source in PAIRING_SOURCES]
    entries += [(row.id, row.standard, row.guidance, "Annex B") for row in kb.annex_b]
    partners: dict[str, dict[str, Partner]] = {}
    for position, row in enumerate(kb.annex_b):  # one way: the row that builds on another needs it, not back
        antecedent = _referred_back_to(kb, position)
        if antecedent is not None and antecedent != row.standard:
            partners.setdefault(row.standard, {}).setdefault(
                antecedent, Partner(standard=antecedent, source=row.id, source_kind="Annex B"))
    for entry_id, own, text, kind in entries:
        named = list(dict.fromkeys([own, *standards_named_in(text, kb)]))
        for standard in named:
            for other in named:
                if other != standard:
                    partners.setdefault(standard, {}).setdefault(
                        other, Partner(standard=other, source=entry_id, source_kind=kind))
    return {standard: list(found.values()) for standard, found in partners.items()}


# An Annex B row that builds on the row before it: "ISO 37104 (Clause 4.5) provides guidance on how such approaches
# can best be applied ..." after ISO 37106's benefit mapping, tracking and delivery
_REFERS_BACK = re.compile(r"\bsuch\b", re.IGNORECASE)


def _referred_back_to(kb: KnowledgeBase, position: int) -> str | None:
    """The standard of the Annex B row before this one in its sub-dimension, when this row refers back to it."""
    row = kb.annex_b[position]
    before = kb.annex_b[position - 1] if position > 0 else None
    if before is None or before.sub_dimension != row.sub_dimension or not _REFERS_BACK.search(row.guidance):
        return None
    return before.standard


def partner_scores(
    scores: Sequence[tuple[str, float]], partners: dict[str, list[Partner]], share: float
) -> dict[str, tuple[float, str, Partner]]:
    """The partners lifted by a ranked standard: {partner: (new score, the standard it follows, pairing)}.

    `scores` are the ranked standards, best first. A partner is lifted to `share` of the score of the
    best-ranked standard it is paired with, unless it already scores at least that much on its own.
    Only standards ranked on their own lift partners (a lifted partner does not lift its own).
    """
    own = dict(scores)
    lifted: dict[str, tuple[float, str, Partner]] = {}
    for standard, score in scores:
        for partner in partners.get(standard, []):
            target = round(share * score, 6)
            current = max(own.get(partner.standard, 0.0), lifted.get(partner.standard, (0.0,))[0])
            if target > current:
                lifted[partner.standard] = (target, standard, partner)
    return lifted
