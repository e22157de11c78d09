"""The rows every tabular format shares (CSV, XLSX, Markdown, HTML): one place decides the columns."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from bot.scoring.results import AssessmentResult, GroupScore

Cell = str | int | None

STAKEHOLDER_COLUMNS = (
    "assessment", "stakeholder", "dimension", "sub_dimension", "characteristic", "characteristic_name",
    "status", "level_now", "level_now_name", "level_two_years", "level_two_years_name", "gap",
    "suggested_level", "overridden", "confirmed_by", "confirmed_at", "stakeholder_name",
)
CONSENSUS_COLUMNS = (
    "assessment", "dimension", "sub_dimension", "characteristic", "characteristic_name",
    "consensus_now", "consensus_now_name", "consensus_now_source", "consensus_two_years",
    "consensus_two_years_name", "consensus_two_years_source", "gap", "median_now", "min_now", "max_now",
    "spread", "disagreement", "answered", "rated", "expected", "consensus_set_by", "consensus_reason",
)
SCORE_COLUMNS = ("level", "id", "name", "score_now", "score_two_years", "gap", "scored", "characteristics",
                 "completeness_percent")


def level_label(result: AssessmentResult, level: int | None) -> str:
    """'3 Fulfilled', or '' when there is no level."""
    return "" if level is None else f"{level} {result.level_name(level)}"


def format_score(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def format_gap(value: int | Decimal | None) -> str:
    """A signed gap: '+1', '0', '-0.50'; '' when unknown."""
    if value is None:
        return ""
    return f"+{value}" if value > 0 else str(value)


def stakeholder_rows(result: AssessmentResult) -> list[list[Cell]]:
    """One row per stakeholder and characteristic, unanswered ones included."""
    by_id = {c.id: c for c in result.characteristics}
    rows: list[list[Cell]] = []
    for row in result.stakeholder_levels:
        characteristic = by_id[row.characteristic]
        rows.append([
            result.assessment, row.stakeholder, characteristic.dimension, characteristic.sub_dimension,
            row.characteristic, characteristic.name, row.status.value, row.level_now,
            result.level_name(row.level_now) if row.level_now else "", row.level_two_years,
            result.level_name(row.level_two_years) if row.level_two_years else "", row.gap,
            row.suggested_level, "yes" if row.overridden else "no", row.confirmed_by or "",
            row.confirmed_at or "", result.display_names.get(row.stakeholder, ""),
        ])
    return rows


def consensus_rows(result: AssessmentResult) -> list[list[Cell]]:
    """One row per characteristic: the consensus now and in two years, the spread and completeness."""
    rows: list[list[Cell]] = []
    for c in result.characteristics:
        rows.append([
            result.assessment, c.dimension, c.sub_dimension, c.id, c.name, c.consensus_now,
            result.level_name(c.consensus_now) if c.consensus_now else "", c.consensus_now_source.value,
            c.consensus_two_years, result.level_name(c.consensus_two_years) if c.consensus_two_years else "",
            c.consensus_two_years_source.value, c.gap, c.median_now, c.min_now, c.max_now, c.spread,
            "yes" if c.disagreement else "no", c.answered, c.rated, c.expected, c.consensus_set_by or "",
            c.consensus_reason,
        ])
    return rows


def score_rows(result: AssessmentResult) -> list[list[Cell]]:
    """Overall, then each dimension followed by its sub-dimensions (scores as text, e.g. '2.50')."""
    def row(level: str, group: GroupScore) -> list[Cell]:
        return [level, group.id, group.name, format_score(group.score_now), format_score(group.score_two_years),
                format_gap(group.gap), group.scored, group.characteristics, group.completeness_percent]

    rows = [row("overall", result.overall)]
    for dimension in result.dimensions:
        rows.append(row("dimension", dimension))
        rows.extend(row("sub-dimension", sub) for sub in result.sub_dimensions
                    if sub.id.split(".")[0] == dimension.id and sub.id != dimension.id)
    return rows


def readable_as_of(as_of: str | None) -> str:
    """'23 November 2026, 15:23 UTC' for a heading; provenance keeps the exact ISO time."""
    if not as_of:
        return "no confirmation yet"
    try:
        moment = datetime.fromisoformat(as_of.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return as_of
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def provenance_items(result: AssessmentResult) -> list[tuple[str, str]]:
    """Label / value pairs that say where the result comes from."""
    items = [
        ("Assessment", result.assessment),
        ("Community", result.community),
        ("Cycle", result.cycle),
        ("Data as of", result.as_of or "no confirmation yet"),
        ("Knowledge version", result.knowledge_version),
    ]
    if result.inputs_knowledge_version != result.knowledge_version:
        items.append(("Knowledge version recorded with the assessment", result.inputs_knowledge_version))
    items += [
        ("Results hash (SHA-256 of the canonical JSON)", result.sha256),
        ("Scoring version", result.scoring_version),
        ("Stakeholders", f"{len(result.stakeholders)}: {', '.join(map(result.person, result.stakeholders))}"),
        ("Levels confirmed by", ", ".join(map(result.person, result.confirmed_by)) or "nobody yet"),
        ("Consensus set by", ", ".join(map(result.person, result.consensus_set_by)) or "no facilitator consensus"),
    ]
    return items


def method_sentences(result: AssessmentResult) -> list[str]:
    """The method in plain sentences, for the HTML and Markdown reports."""
    m = result.method
    return [
        "Each stakeholder answered the interview question of each characteristic. The assistant suggested a "
        "maturity level with a rationale citing the draft's criteria; a person then confirmed the level now "
        "and the level expected in two years on current plans, or answered \"don't know\".",
        f"{m.confirmations} confirmations: {m.suggestions_accepted} at the suggested level, "
        f"{m.suggestions_overridden} at another level than suggested, {m.without_suggestion} without a "
        f"suggestion. {m.facilitator_consensus} characteristics have a facilitator's consensus level.",
        m.aggregation_rule,
        m.rounding_rule,
        "A disagreement is a characteristic whose confirmed levels now are two or more levels apart.",
    ]
