"""The HTML report: one self-contained, printable, accessible page built from a scored result."""

from __future__ import annotations

from bot.reports.charts import radar_chart_png, score_bars_png
from bot.reports.html_page import Markup, criteria_html, e, figure_html, page_html, table_html
from bot.reports.tables import (
    completeness_sentence,
    confirmed_text,
    consensus_from,
    counted,
    format_gap,
    format_score,
    level_label,
    level_or_not_rated,
    method_sentences,
    provenance_items,
    readable_as_of,
    weakest_intro,
)
from bot.scoring.results import AssessmentResult, GroupScore, PriorityItem

SECTIONS = (
    ("standing", "Where the community stands: now and in two years"),
    ("scores", "Scores by dimension and sub-dimension"),
    ("gaps", "Gaps between now and two years"),
    ("disagreements", "Where stakeholders disagree"),
    ("weakest", "The weakest characteristics: next level and standards that help"),
    ("method", "Method"),
    ("provenance", "Provenance"),
)


def _section(anchor: str, body: str, new_page: bool = False) -> str:
    title = dict(SECTIONS)[anchor]
    css = ' class="new-page"' if new_page else ""
    return (f'<section id="{anchor}" aria-labelledby="{anchor}-title">'
            f'<h2 id="{anchor}-title"{css}>{e(title)}</h2>{body}</section>\n')


def _header(result: AssessmentResult) -> str:
    o, c = result.overall, result.completeness
    cards = [("Overall level now", format_score(o.score_now) or "–", ""),
             ("In two years (current plans)", format_score(o.score_two_years) or "–", ""),
             ("Stakeholders", str(len(result.stakeholders)), ""),
             ("Levels confirmed", f"{c.rated_percent}%", f"{c.dont_know_or_skipped} skipped or don't know"),
             ("Disagreements", str(len(result.disagreements)), "")]
    key = "".join(f"<div><dt>{e(label)}</dt><dd>{e(value)}</dd>"
                  + (f'<dd class="note">{e(note)}</dd>' if note else "") + "</div>" for label, value, note in cards)
    return (f"<h1>MMSSC self-assessment: {e(result.assessment)}</h1>"
            f'<p class="meta">{e(result.community)} · cycle {e(result.cycle)} · '
            f"data as of {e(readable_as_of(result.as_of))} · {e(counted(len(result.stakeholders), 'stakeholder'))} · "
            "Maturity Model for Smart Sustainable Communities "
            f"(ISO/TS 37107 draft), levels 1 (Initial) to 5 (Sustainably optimising)</p>"
            f'<dl class="key">{key}</dl><p class="meta">{e(completeness_sentence(result))}</p>')


def _standing(result: AssessmentResult) -> str:
    rated = [c for c in result.characteristics if c.consensus_now is not None]
    highest = sorted(rated, key=lambda c: -(c.consensus_now or 0))[:3]
    lowest = [w.characteristic for w in result.weakest[:3]]
    alt = (f"Radar chart of the consensus level of each of the {len(result.characteristics)} characteristics, "
           f"now (solid blue line) and in two years (dashed orange line), on a scale of 1 to 5. Overall level now "
           f"{format_score(result.overall.score_now) or 'not rated'}, in two years "
           f"{format_score(result.overall.score_two_years) or 'not rated'}. Highest now: "
           f"{', '.join(c.id for c in highest) or 'none'}; lowest now: {', '.join(lowest) or 'none'}. "
           f"Not rated, so no point is drawn: {', '.join(result.not_rated) or 'none'}. "
           "Every value is in the table of gaps.")
    caption = ("Consensus level of every characteristic now (solid) and in two years on current plans (dashed). "
               "Characteristics are numbered by dimension: 1 strategy management, 2 citizen-centric service "
               "management, 3 digital and physical resource management, 4 purposes. The table of gaps below "
               "lists the same values.")
    if result.not_rated:
        caption += (f" {counted(len(result.not_rated), 'characteristic')} not rated yet (grey, “not rated”): "
                    "the line breaks there rather than dropping to the centre, which would read as a level.")
    return figure_html(radar_chart_png(result), alt, caption)


def _group_rows(result: AssessmentResult) -> tuple[list[GroupScore], list[str]]:
    groups, classes = [result.overall], ["group"]
    for dimension in result.dimensions:
        groups.append(dimension)
        classes.append("group")
        subs = [s for s in result.sub_dimensions if s.id.split(".")[0] == dimension.id and s.id != dimension.id]
        groups += subs
        classes += [""] * len(subs)
    return groups, classes


def _scores(result: AssessmentResult) -> str:
    groups, classes = _group_rows(result)
    alt = ("Bar chart of the mean consensus level of each dimension and sub-dimension, now (solid blue bars) and "
           "in two years (hatched orange bars). " + "; ".join(
               f"{d.name}: {format_score(d.score_now) or 'not rated'} now, "
               f"{format_score(d.score_two_years) or 'not rated'} in two years" for d in result.dimensions) + ".")
    table = table_html(
        "Mean consensus level per dimension and sub-dimension (rounded half up to two decimals)",
        ["Id", "Name", "Now", "In two years", "Gap", "Characteristics scored", "Levels confirmed",
         "Skipped or don't know"],
        [[g.id, g.name, format_score(g.score_now) or "not rated", format_score(g.score_two_years) or "not rated",
          format_gap(g.gap), f"{g.scored} of {g.characteristics}", f"{g.rated_percent}%", g.dont_know_or_skipped]
         for g in groups],
        numeric=(2, 3, 4, 6, 7), row_classes=classes)
    return figure_html(score_bars_png(result), alt, "Dimensions in bold, each followed by its sub-dimensions.") + table


def _gaps(result: AssessmentResult) -> str:
    flag = Markup('<span class="flag">disagreement</span>')
    rows = [[c.id, c.name, _level_cell(result, c.consensus_now), _level_cell(result, c.consensus_two_years),
             format_gap(c.gap), consensus_from(c),
             Markup(f"{e(c.spread)} {flag}") if c.disagreement else c.spread,
             confirmed_text(c.rated, c.expected, c.answered - c.rated)]
            for c in result.characteristics]
    table = table_html("Consensus level of every characteristic now and in two years",
                       ["Id", "Characteristic", "Now", "In two years", "Gap", "Consensus from", "Spread",
                        "Levels confirmed"], rows, numeric=(4, 6))
    if not result.largest_gaps:
        return "<p>No characteristic is planned to rise in the next two years.</p>" + table
    items = "".join(
        f"<li><strong>{e(g.characteristic)} {e(g.name)}</strong>: {e(level_label(result, g.consensus_now))} now, "
        f"{e(level_label(result, g.consensus_two_years))} in two years ({e(format_gap(g.gap))}). Standards that "
        f"help: {e(', '.join(sorted({s.standard for s in g.standards})) or 'none listed')}.</li>"
        for g in result.largest_gaps)
    return f"<h3>Largest planned improvements</h3><ol>{items}</ol>{table}"


def _disagreements(result: AssessmentResult) -> str:
    if not result.disagreements:
        return "<p>No characteristic has confirmed levels two or more apart.</p>"
    rows = []
    for d in result.disagreements:
        by_level: dict[int, list[str]] = {}
        for value in d.levels:
            by_level.setdefault(value.level, []).append(value.stakeholder)
        spread_text = "; ".join(f"level {lv}: {', '.join(names)}"
                                for lv, names in sorted(by_level.items()))
        source = consensus_from(result.characteristic(d.characteristic))
        rows.append([d.characteristic, d.name, d.min_now, d.max_now, d.spread,
                     f"{level_or_not_rated(result, d.consensus_now)} ({source})", spread_text])
    intro = ("<p>Characteristics whose confirmed levels now are two or more levels apart: worth discussing in a "
             "facilitated review before the results are used.</p>")
    return intro + table_html("Disagreements between stakeholders",
                              ["Id", "Characteristic", "Lowest", "Highest", "Spread", "Consensus",
                               "Who gave which level"], rows, numeric=(2, 3, 4))


def _level_cell(result: AssessmentResult, level: int | None) -> str | Markup:
    """A level in a table cell; a missing one says "not rated", greyed, never an empty cell or a 0."""
    return level_label(result, level) if level is not None else Markup('<span class="not-rated">not rated</span>')


def _weakest(result: AssessmentResult) -> str:
    return f"<p>{e(weakest_intro(result))}</p>" + "".join(_priority(result, item) for item in result.weakest)


def _priority(result: AssessmentResult, item: PriorityItem) -> str:
    head = (f"<h3>{e(item.characteristic)} {e(item.name)}</h3><p>Level now: "
            f"<strong>{e(level_label(result, item.consensus_now) or 'not rated')}</strong>; in two years: "
            f"<strong>{e(level_label(result, item.consensus_two_years) or 'not rated')}</strong>.</p>")
    if item.next_level is None:
        nxt = "<p>Already at the highest level.</p>"
    else:
        nxt = (f"<p>What level {item.next_level} ({e(item.next_level_name)}) asks for (levels are cumulative: "
               "what the levels below ask for still applies):</p>"
               + criteria_html(item.next_level_criteria or ""))
    standards = "".join(
        f"<li><strong>{e(s.standard)}</strong>{' ' + e(s.ref) if s.ref else ''}"
        f"{' — ' + e(s.title) if s.title else ''}: {e(s.guidance)}</li>" for s in item.standards)
    helps = f"<p>Standards that help (Annex B):</p><ul>{standards}</ul>" if standards else ""
    return f'<article class="priority">{head}{nxt}{helps}</article>'


def render_html(result: AssessmentResult) -> str:
    """The whole report as one self-contained HTML document."""
    method = "".join(f"<p>{e(sentence)}</p>" for sentence in method_sentences(result))
    provenance = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in provenance_items(result))
    sections = [
        _section("standing", _standing(result)),
        _section("scores", _scores(result), new_page=True),
        _section("gaps", _gaps(result), new_page=True),
        _section("disagreements", _disagreements(result)),
        _section("weakest", _weakest(result), new_page=True),
        _section("method", method),
        _section("provenance", f'<dl class="provenance">{provenance}</dl>'),
    ]
    footer = (f"Results hash {e(result.sha256)} · knowledge version {e(result.knowledge_version[:12])} · "
              "Generated by mmssc from confirmed levels only; suggestions never enter the scores.")
    return page_html(f"MMSSC self-assessment: {result.assessment}", _header(result), SECTIONS, sections, footer)
