"""The whole knowledge base as one JSON-ready dict (`mmssc knowledge export --format json`)."""

from __future__ import annotations

from typing import Any

from bot.knowledge.base import KnowledgeBase


def export_knowledge_base(kb: KnowledgeBase) -> dict[str, Any]:
    sub_dimension_names = {s.id: s.name for s in kb.sub_dimensions}
    return {
        "version": kb.version,
        "dimensions": [d.model_dump(mode="json") for d in kb.dimensions],
        "level_definitions": [f.model_dump(mode="json") for f in kb.families],
        "characteristics": [
            {
                "id": c.id,
                "name": c.name,
                "dimension": c.dimension,
                "dimension_name": kb.dimension(c.dimension).name,
                "sub_dimension": c.sub_dimension,
                "sub_dimension_name": sub_dimension_names[c.sub_dimension],
                "family": c.family.value,
                "question": c.question,
                "notes": list(c.notes),
                "levels": [
                    {
                        "level": level.level,
                        "name": kb.level_name(level.level),
                        "criteria": level.criteria,
                        "summary": level.summary,
                        "conditions": [cond.model_dump(mode="json") for cond in level.conditions],
                    }
                    for level in c.levels
                ],
            }
            for c in kb.characteristics
        ],
        "standards": [s.model_dump(mode="json") for s in kb.standards],
        "annex_b": [e.model_dump(mode="json") for e in kb.annex_b],
        "annex_c": [{"id": f.id, **f.model_dump(mode="json")} for f in kb.annex_c],
    }
