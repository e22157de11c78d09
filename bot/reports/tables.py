"""The rows every tabular format shares (CSV, XLSX, Markdown, HTML): one place decides the columns."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from bot.scoring.results import AssessmentResult, CharacteristicResult, ConsensusSource, GroupScore

Cell = str | int | Decimal | None

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
                 "completeness_percent", "rated", "dont_know_or_skipped", "rated_percent")
NOT_RATED = "not rated"


def level_label(result: AssessmentResult, level: int | None) -> str:
    """'3 Fulfilled', or '' when there is no level."""
    return "" if level is None else f"{level} {result.level_name(level)}"


def level_or_not_rated(result: AssessmentResult, level: int | None) -> str:
    """'3 Fulfilled', or 'not rated': a missing level is never shown as 0 or left to look like one."""
    return level_label(result, level) or NOT_RATED


def counted(count: int, word: str, plural: str | None = None) -> str:
    """'1 stakeholder', '3 stakeholders', '0 stakeholders'."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


def consensus_from(c: CharacteristicResult) -> str:
    """Where a consensus level comes from, with the facilitator's reason: 'facilitator fay: workshop agreed'."""
    if c.consensus_now_source == ConsensusSource.FACILITATOR:
        who = f"facilitator {c.consensus_set_by}" if c.consensus_set_by else "facilitator"
        return f"{who}: {c.consensus_reason}" if c.consensus_reason else who
    if c.consensus_now_source == ConsensusSource.MEDIAN:
        return f"median of {counted(c.rated, 'level')}"
    return NOT_RATED


def confirmed_text(rated: int, expected: int, dont_know_or_skipped: int) -> str:
    """'2 of 4 confirmed; 1 skipped or don't know' for a characteristic's row."""
    text = f"{rated} of {expected} confirmed"
    return f"{text}; {dont_know_or_skipped} skipped or don't know" if dont_know_or_skipped else text


def completeness_sentence(result: AssessmentResult) -> str:
    """The headline on completeness: only confirmed levels count; skips and "don't know" are said apart."""
    c = result.completeness
    return (f"{c.rated} of {c.expected} levels confirmed ({c.rated_percent}% complete); "
            f"{c.dont_know_or_skipped} skipped or don't know; "
            f"{counted(len(result.not_rated), 'characteristic')} not rated yet.")


def weakest_intro(result: AssessmentResult) -> str:
    """Which characteristics the weakest are ranked among, and how many could not be ranked."""
    rated = len(result.characteristics) - len(result.not_rated)
    if not rated:
        return "Nothing is rated yet, so nothing can be ranked."
    text = (f"The lowest consensus levels now, ranked among the {counted(rated, 'rated characteristic')} "
            "(ties by id).")
    if result.not_rated:
        verb = "is" if len(result.not_rated) == 1 else "are"
        text += (f" {counted(len(result.not_rated), 'characteristic')} {verb} not rated yet and not ranked: "
                 f"{', '.join(result.not_rated)}.")
    return text


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
    """Overall, then each dimension followed by its sub-dimensions (scores as numbers with two decimals)."""
    def row(level: str, group: GroupScore) -> list[Cell]:
        return [level, group.id, group.name, group.score_now, group.score_two_years,
                group.gap, group.scored, group.characteristics, group.completeness_percent,
                group.rated, group.dont_know_or_skipped, group.rated_percent]

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
        ("Stakeholders",
         f"{len(result.stakeholders)}: {', '.join(map(result.person, result.stakeholders)) or 'none yet'}"),
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
        f"{counted(m.confirmations, 'confirmation')}: {m.suggestions_accepted} at the suggested level, "
        f"{m.suggestions_overridden} at another level than suggested, {m.without_suggestion} without a "
        f"suggestion. {counted(m.facilitator_consensus, 'characteristic')} "
        f"{'has' if m.facilitator_consensus == 1 else 'have'} a facilitator's consensus level.",
        m.aggregation_rule,
        m.rounding_rule,
        "A disagreement is a characteristic whose confirmed levels now are two or more levels apart.",
    ]
