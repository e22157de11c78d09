"""A deterministic, made-up multi-stakeholder assessment, for tests, benchmarks and demos.

It is generated from a seed (no clock, no randomness from the machine), covers every characteristic of
the knowledge base, and contains what real assessments contain: "don't know" answers, unanswered
questions, overridden suggestions, stakeholders who disagree, and a few facilitator consensus levels.
"""

from __future__ import annotations

import random

from bot.knowledge.base import KnowledgeBase
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel, ScoringInput

ROLES = (
    "planning", "digital services", "finance", "housing", "transport", "environment", "public health",
    "civil society", "business chamber", "university", "utilities", "police", "education", "youth council",
)


def sample_stakeholders(count: int) -> list[str]:
    """`count` stakeholder names such as 's01-planning'."""
    return [f"s{index + 1:02d}-{ROLES[index % len(ROLES)].replace(' ', '-')}" for index in range(count)]


def sample_scoring_input(
    kb: KnowledgeBase,
    stakeholders: int = 20,
    seed: int = 37107,
    assessment: str = "Sample city 2026",
) -> ScoringInput:
    """A reproducible assessment of every characteristic by `stakeholders` people."""
    rng = random.Random(seed)
    names = sample_stakeholders(stakeholders)
    confirmed: list[ConfirmedLevel] = []
    consensus: list[ConsensusLevel] = []
    for position, characteristic in enumerate(kb.characteristics):
        typical = 1 + (position * 7 + seed) % 4  # 1-4, varied across characteristics
        planned = rng.choice((0, 0, 1, 1, 1, 2))
        lean = rng.choice((-1, 1))  # most people agree within one level, on one side of the typical level
        for stakeholder_index, stakeholder in enumerate(names):
            roll = rng.random()
            if roll < 0.03:
                continue  # not answered yet
            minute = (position * stakeholders + stakeholder_index) % 60
            when = f"2026-03-{1 + stakeholder_index % 28:02d}T{9 + position % 8:02d}:{minute:02d}:00+00:00"
            if roll < 0.08:
                confirmed.append(ConfirmedLevel(stakeholder=stakeholder, characteristic=characteristic.id,
                                                confirmed_by=stakeholder, confirmed_at=when))
                continue  # "don't know"
            shift = rng.choice((0, 0, 0, lean)) + (2 if position % 9 == 4 and stakeholder_index % 5 == 0 else 0)
            now = min(5, max(1, typical + shift))
            later = min(5, now + planned + rng.choice((0, 0, 0, 1)))
            suggested = now if rng.random() < 0.8 else min(5, max(1, now + rng.choice((-1, 1))))
            confirmed.append(ConfirmedLevel(
                stakeholder=stakeholder,
                characteristic=characteristic.id,
                level_now=now,
                level_two_years=later if rng.random() > 0.05 else None,
                suggested_level=suggested,
                overridden=suggested != now,
                confirmed_by=stakeholder if stakeholder_index % 4 else "facilitator-ana",
                confirmed_at=when,
            ))
        if position % 10 == 3:
            consensus.append(ConsensusLevel(characteristic=characteristic.id, level_now=typical,
                                            level_two_years=min(5, typical + planned), set_by="facilitator-ana",
                                            reason="Agreed at the workshop after reviewing the evidence."))
    latest = max(c.confirmed_at or "" for c in confirmed) if confirmed else None
    return ScoringInput(
        assessment=assessment,
        community="Sample city",
        cycle="2026",
        knowledge_version=kb.version,
        stakeholders=names,
        confirmed=confirmed,
        consensus=consensus,
        as_of=latest,
    )
