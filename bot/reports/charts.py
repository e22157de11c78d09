"""Charts as PNG bytes with matplotlib's Agg canvas: the radar of all characteristics and the score bars.

Deterministic: no pyplot global state, a fixed bundled font (DejaVu Sans), fixed size and resolution,
and no software or date metadata in the file, so the same result gives byte-identical PNGs.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from bot.scoring.results import AssessmentResult

NOW_COLOUR = "#0b4f8a"  # dark blue: 8.6:1 on white
LATER_COLOUR = "#b34700"  # dark orange: 5.2:1 on white; also dashed, so colour is never the only cue
GRID_COLOUR = "#6b6b6b"
TEXT_COLOUR = "#1a1a1a"
DPI = 100
_RC: Any = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.hashsalt": "mmssc",
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
}


@contextmanager
def _figure(width: float, height: float) -> Iterator[Figure]:
    with rc_context(_RC):
        figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        yield figure


def _png(figure: Figure, tight: bool = False) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None},
                   bbox_inches="tight" if tight else None, pad_inches=0.2)
    return buffer.getvalue()


def radar_chart_png(result: AssessmentResult) -> bytes:
    """A radar of every characteristic's consensus level now (solid) and in two years (dashed)."""
    items = result.characteristics
    count = len(items)
    angles = [2 * math.pi * index / count for index in range(count)]
    with _figure(9.0, 9.0) as figure:
        axes = cast(PolarAxes, figure.add_subplot(projection="polar"))
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.set_ylim(0, 5)
        axes.set_yticks([1, 2, 3, 4, 5])
        axes.set_yticklabels(["1", "2", "3", "4", "5"], color=GRID_COLOUR, fontsize=9)
        axes.set_rlabel_position(360 / count / 2)
        axes.set_xticks(angles)
        # a characteristic without a level now is labelled "not rated" (grey, italic) and the lines break
        # there: a point at the centre would read as a level below 1
        axes.set_xticklabels([c.id if c.consensus_now is not None else f"{c.id}\nnot rated" for c in items],
                             fontsize=9)
        for tick, c in zip(axes.get_xticklabels(), items, strict=True):
            if c.consensus_now is None:
                tick.set_color(GRID_COLOUR)
                tick.set_fontstyle("italic")
                tick.set_fontsize(8)
        axes.grid(color=GRID_COLOUR, linewidth=0.6, alpha=0.6)
        for values, colour, style, marker, label in (
            ([c.consensus_now for c in items], NOW_COLOUR, "-", "o", "Level now"),
            ([c.consensus_two_years for c in items], LATER_COLOUR, "--", "s", "Level in two years"),
        ):
            if all(v is None for v in values):
                continue
            radii = radar_radii(values)
            axes.plot(angles + angles[:1], radii + radii[:1], linestyle=style, color=colour,
                      linewidth=2, marker=marker, markersize=4, label=label)
            if style == "-" and None not in values:  # a filled area only where the outline is whole
                axes.fill(angles + angles[:1], radii + radii[:1], color=colour, alpha=0.12)
        if axes.get_lines():
            axes.legend(loc="upper right", bbox_to_anchor=(1.12, 1.1), frameon=False)
        else:
            axes.text(0, 0, "No levels confirmed yet", ha="center", va="center", fontsize=12)
        # parse_math=False: a "$" in the assessment's name is text, never matplotlib's math markup
        figure.suptitle(f"{result.assessment}: maturity level per characteristic", fontsize=12, y=0.98,
                        parse_math=False)
        return _png(figure, tight=True)


def radar_radii(levels: list[int | None]) -> list[float]:
    """The radar's radii: a missing level is NaN, where matplotlib breaks the line (never 0, the centre)."""
    return [math.nan if level is None else float(level) for level in levels]


def score_bars_png(result: AssessmentResult) -> bytes:
    """Horizontal bars of each dimension (bold) and its sub-dimensions, now and in two years."""
    rows: list[tuple[str, float | None, float | None, bool]] = []
    for dimension in result.dimensions:
        rows.append((_wrapped(f"{dimension.id} {dimension.name}"), _float(dimension.score_now),
                     _float(dimension.score_two_years), True))
        for sub in result.sub_dimensions:
            if sub.id.split(".")[0] == dimension.id and sub.id != dimension.id:
                rows.append((_wrapped(f"{sub.id} {sub.name}", indent="    "), _float(sub.score_now),
                             _float(sub.score_two_years), False))
    height = 1.2 + 0.42 * len(rows)
    with _figure(9.0, height) as figure:
        axes = figure.add_subplot()
        positions = list(range(len(rows)))[::-1]
        bar = 0.38
        axes.barh([p + bar / 2 for p in positions], [r[1] or 0 for r in rows], height=bar,
                  color=NOW_COLOUR, label="Now")
        axes.barh([p - bar / 2 for p in positions], [r[2] or 0 for r in rows], height=bar, color="white",
                  edgecolor=LATER_COLOUR, hatch="///", linewidth=1.2, label="In two years")
        for position, row in zip(positions, rows, strict=True):
            if row[1] is None and row[2] is None:
                axes.text(0.05, position, "not rated", va="center", fontsize=8, fontstyle="italic",
                          color=GRID_COLOUR)
        axes.set_yticks(positions)
        axes.set_yticklabels([r[0] for r in rows], fontsize=9)
        for label, row in zip(axes.get_yticklabels(), rows, strict=True):
            if row[3]:
                label.set_fontweight("bold")
        axes.set_xlim(0, 5)
        axes.set_xticks([0, 1, 2, 3, 4, 5])
        axes.set_xlabel("Mean consensus level (1 Initial - 5 Sustainably optimising)")
        axes.grid(axis="x", color=GRID_COLOUR, linewidth=0.5, alpha=0.5)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        figure.tight_layout()
        return _png(figure)


def _float(value: object) -> float | None:
    return None if value is None else float(str(value))


def _wrapped(text: str, width: int = 40, indent: str = "") -> str:
    """A bar label on up to two lines, broken between words: names are never cut."""
    return "\n".join(indent + line for line in textwrap.wrap(text, width, break_on_hyphens=False))
