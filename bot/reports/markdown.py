"""The report as Markdown: the same sections as the HTML report, with tables instead of charts.

Names, communities, cycles and reasons come from people: they are escaped (`md_text`) so that no
Markdown viewer renders a link, an image, emphasis or raw HTML (`<script>`, `<img onerror>`) from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
from bot.scoring.results import AssessmentResult, PriorityItem

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]~#])")  # emphasis, code, links and images, strikethrough, headings
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}  # raw HTML, autolinks, entity references
_BLOCK_START = re.compile(r"^(?:[+=-]|\d+(?=[.)]))")  # a list item or setext underline at a line's start


def _inline(value: object) -> str:
    text = " ".join(str(value if value is not None else "").splitlines())
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return "".join(_HTML_SPECIAL.get(char, char) for char in text)


def md_text(value: object) -> str:
    """Any text as Markdown that shows exactly that text, even at the start of a line: one line, no
    markup or HTML of its own."""
    text = _inline(value)
    return _BLOCK_START.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), text)


def _cell(value: object) -> str:
    # a cell never starts a line, so only inline markup and the column separator need escaping
    return _inline(value).replace("|", "\\|")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines + [""]


def _priority(result: AssessmentResult, item: PriorityItem) -> list[str]:
    lines = [f"### {item.characteristic} {item.name}", "",
             f"Level now: {level_label(result, item.consensus_now) or 'not rated'}; in two years: "
             f"{level_label(result, item.consensus_two_years) or 'not rated'}.", ""]
    if item.next_level is None:
        lines += ["Already at the highest level.", ""]
    else:
        lines += [f"**Next level: {item.next_level} {item.next_level_name}.**", "",
                  *(item.next_level_criteria or "").splitlines(), ""]
    if item.standards:
        lines += ["Standards that help (Annex B):", ""]
        lines += [f"- **{s.standard}**{' ' + s.ref if s.ref else ''}{' — ' + s.title if s.title else ''}: "
                  f"{s.guidance}" for s in item.standards]
        lines.append("")
    return lines


def render_markdown(result: AssessmentResult) -> str:
    """The whole report as a Markdown document."""
    overall = result.overall
    lines = [
        f"# MMSSC self-assessment: {md_text(result.assessment)}", "",
        f"{md_text(result.community)} · cycle {md_text(result.cycle)} · data as of {readable_as_of(result.as_of)}",
        "",
        f"Overall maturity now **{format_score(overall.score_now) or '–'}**, in two years on current plans "
        f"**{format_score(overall.score_two_years) or '–'}** (out of 5). "
        f"{counted(len(result.stakeholders), 'stakeholder')}; {completeness_sentence(result)} "
        f"Disagreements: {len(result.disagreements)} "
        "(characteristics whose confirmed levels now are two or more apart).", "",
        "## Where the community stands: now and in two years", "",
    ]
    lines += _table(
        ["Characteristic", "Name", "Now", "In two years", "Gap", "Consensus from", "Spread", "Levels confirmed"],
        [[c.id, c.name, level_or_not_rated(result, c.consensus_now), level_or_not_rated(result, c.consensus_two_years),
          format_gap(c.gap), consensus_from(c), c.spread, confirmed_text(c.rated, c.expected, c.answered - c.rated)]
         for c in result.characteristics],
    )
    lines += ["## Scores by dimension and sub-dimension", ""]
    groups = [result.overall]
    for dimension in result.dimensions:
        groups.append(dimension)
        groups += [s for s in result.sub_dimensions if s.id.split(".")[0] == dimension.id and s.id != dimension.id]
    lines += _table(["Id", "Name", "Now", "In two years", "Gap", "Characteristics scored", "Levels confirmed",
                     "Skipped or don't know"],
                    [[g.id, g.name, format_score(g.score_now) or "not rated",
                      format_score(g.score_two_years) or "not rated", format_gap(g.gap),
                      f"{g.scored}/{g.characteristics}", f"{g.rated_percent}%", g.dont_know_or_skipped]
                     for g in groups])
    lines += ["## Largest gaps between now and two years", ""]
    lines += _table(["Characteristic", "Name", "Now", "In two years", "Gap", "Standards that help"],
                    [[g.characteristic, g.name, level_label(result, g.consensus_now),
                      level_label(result, g.consensus_two_years), format_gap(g.gap),
                      ", ".join(sorted({s.standard for s in g.standards}))] for g in result.largest_gaps]
                    ) if result.largest_gaps else ["No characteristic is planned to rise.", ""]
    lines += ["## Where stakeholders disagree", ""]
    if result.disagreements:
        lines += _table(["Characteristic", "Name", "Lowest", "Highest", "Spread", "Consensus", "Levels given"],
                        [[d.characteristic, d.name, d.min_now, d.max_now, d.spread,
                          f"{level_or_not_rated(result, d.consensus_now)} "
                          f"({consensus_from(result.characteristic(d.characteristic))})",
                          "; ".join(f"{v.stakeholder}: {v.level}" for v in d.levels)] for d in result.disagreements])
    else:
        lines += ["No characteristic has confirmed levels two or more apart.", ""]
    lines += ["## The weakest characteristics: the next level and the standards that help", "",
              weakest_intro(result), ""]
    for item in result.weakest:
        lines += _priority(result, item)
    lines += ["## Method", ""]
    for sentence in method_sentences(result):
        lines += [sentence, ""]
    lines += ["## Provenance", ""]
    lines += _table(["Item", "Value"], provenance_items(result))
    return "\n".join(lines)
