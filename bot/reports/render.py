"""Render a scored result in any report format and write it to disk.

Formats: html (one self-contained page), md, csv (PATH and PATH with a `-consensus` suffix), json (the
canonical JSON of the result: its SHA-256 is the results hash) and xlsx. The radar chart alone is a PNG.
The same result always gives byte-identical files, written whole or not at all (`bot.files`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from bot.files import write_files_atomically
from bot.scoring.results import AssessmentResult


class ReportFormat(StrEnum):
    HTML = "html"
    MD = "md"
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"


def consensus_csv_path(out: Path) -> Path:
    """Where `--format csv` writes the consensus table: `results.csv` -> `results-consensus.csv`."""
    return out.with_name(f"{out.stem}-consensus{out.suffix or '.csv'}")


def render_report(result: AssessmentResult, report_format: ReportFormat, out: Path) -> dict[Path, bytes]:
    """The files of one report as {path: bytes}, without writing anything."""
    if report_format == ReportFormat.HTML:
        from bot.reports.html_report import render_html

        return {out: render_html(result).encode("utf-8")}
    if report_format == ReportFormat.MD:
        from bot.reports.markdown import render_markdown

        return {out: render_markdown(result).encode("utf-8")}
    if report_format == ReportFormat.CSV:
        from bot.reports.spreadsheets import consensus_csv, stakeholder_csv

        return {out: stakeholder_csv(result), consensus_csv_path(out): consensus_csv(result)}
    if report_format == ReportFormat.XLSX:
        from bot.reports.spreadsheets import xlsx_bytes

        return {out: xlsx_bytes(result)}
    return {out: result.canonical_json().encode("utf-8")}


def write_report(result: AssessmentResult, report_format: ReportFormat, out: Path) -> list[Path]:
    """Render and write one report; returns the paths written (two for csv). `EnvironmentFaultError`
    when a path cannot be written (then none is)."""
    return write_files_atomically(render_report(result, report_format, out))


def write_radar_chart(result: AssessmentResult, out: Path) -> Path:
    """The radar chart (now and in two years) as a PNG file, e.g. for Slack or the terminal."""
    from bot.reports.charts import radar_chart_png

    return write_files_atomically({out: radar_chart_png(result)})[0]
