"""The HTML report: content, structure, self-containment, accessibility and determinism."""

from __future__ import annotations

import base64
import html
import io
import re
from html.parser import HTMLParser

from PIL import Image

from bot.knowledge import KnowledgeBase
from bot.reports.charts import LATER_COLOUR, NOW_COLOUR
from bot.reports.html_report import SECTIONS, render_html
from bot.scoring.results import AssessmentResult


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(document: str) -> Collector:
    collector = Collector()
    collector.feed(document)
    return collector


def plain_text(document: str) -> str:
    return " ".join(" ".join(parse(document).text).split())


def test_every_section_the_issue_lists_is_there_in_order(sample_html: str) -> None:
    positions = [sample_html.index(f'<section id="{anchor}"') for anchor, _ in SECTIONS]
    assert positions == sorted(positions)
    text = plain_text(sample_html)
    for _, title in SECTIONS:
        assert title in text


def test_numbers_come_from_the_result(sample_html: str, sample_result: AssessmentResult) -> None:
    text = plain_text(sample_html)
    assert f"Overall level now {sample_result.overall.score_now}" in text
    for dimension in sample_result.dimensions:
        assert f"{dimension.id} {dimension.name} {dimension.score_now} {dimension.score_two_years}" in text
    for c in sample_result.characteristics:
        assert c.name in text
    for d in sample_result.disagreements:
        assert re.search(rf"{re.escape(d.characteristic)} {re.escape(d.name)} {d.min_now} {d.max_now} {d.spread}", text)


def test_weakest_show_next_level_criteria_and_annex_b(sample_html: str, sample_result: AssessmentResult,
                                                      kb: KnowledgeBase) -> None:
    text = plain_text(sample_html)
    for item in sample_result.weakest:
        assert item.next_level is not None
        criteria = kb.characteristic(item.characteristic).level(item.next_level).criteria
        first_line = " ".join(criteria.splitlines()[0].split()).lstrip("-• ").strip()
        assert first_line in text
        for help_ in item.standards:
            assert " ".join(help_.guidance.split()) in text


def test_method_and_provenance(sample_html: str, sample_result: AssessmentResult) -> None:
    text = plain_text(sample_html)
    assert sample_result.sha256 in text
    assert sample_result.knowledge_version in text
    assert sample_result.as_of is not None and sample_result.as_of in text
    for person in sample_result.confirmed_by:
        assert person in text
    assert "ties resolved downwards" in text and "half up" in text
    assert f"{sample_result.method.confirmations} confirmations" in text


def test_self_contained_no_scripts_no_remote_resources(sample_html: str) -> None:
    tags = parse(sample_html).tags
    assert not [t for t, _ in tags if t in {"script", "link", "iframe", "object", "embed"}]
    for tag, attrs in tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, value)
    assert "url(" not in sample_html and "@import" not in sample_html


def test_charts_are_inline_pngs_with_text_alternatives(sample_html: str) -> None:
    images = [attrs for tag, attrs in parse(sample_html).tags if tag == "img"]
    assert len(images) == 2
    for attrs in images:
        src = attrs["src"] or ""
        assert src.startswith("data:image/png;base64,")
        image = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
        assert image.format == "PNG" and image.width > 500
        assert len(attrs.get("alt") or "") > 80
    assert sample_html.count("<figcaption>") == 2
    radar_alt = images[0]["alt"] or ""
    assert "now" in radar_alt and "two years" in radar_alt and "1 to 5" in radar_alt


def test_tables_are_semantic(sample_html: str) -> None:
    tables = sample_html.count("<table>")
    assert tables >= 3
    assert sample_html.count("<caption>") == tables
    headers = [attrs for tag, attrs in parse(sample_html).tags if tag == "th"]
    assert headers and all(attrs.get("scope") in {"col", "row"} for attrs in headers)
    assert '<html lang="en">' in sample_html and "<main>" in sample_html and "<title>" in sample_html


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_have_good_contrast(sample_html: str) -> None:
    variables = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", sample_html))
    white = "#ffffff"
    for text_colour in ("ink", "muted", "accent", "later"):
        assert contrast(variables[text_colour], white) >= 4.5, text_colour
        assert contrast(variables[text_colour], variables["band"]) >= 4.5, text_colour
    assert contrast(white, "#0b3a66") >= 4.5  # table headers
    assert contrast(NOW_COLOUR, white) >= 4.5 and contrast(LATER_COLOUR, white) >= 4.5


def test_prints_well(sample_html: str) -> None:
    print_css = sample_html[sample_html.index("@media print"):]
    assert "break-inside: avoid" in print_css and "table-header-group" in print_css and "@page" in print_css


def test_same_result_same_bytes_and_text_is_escaped(sample_result: AssessmentResult, sample_html: str) -> None:
    assert render_html(sample_result) == sample_html
    hostile = sample_result.model_copy(update={"assessment": "<script>alert(1)</script> & Co"})
    document = render_html(hostile)
    assert "<script>" not in document
    assert html.escape("<script>alert(1)</script> & Co") in document


def test_who_gave_which_level_names_people_not_counts(sample_html: str, sample_result: AssessmentResult) -> None:
    assert sample_result.disagreements
    d = sample_result.disagreements[0]
    names = sorted(v.stakeholder for v in d.levels if v.level == d.min_now)
    assert f"level {d.min_now}: {html.escape(', '.join(names))}" in sample_html
    assert not re.search(r"level \d: \d+ \(", sample_html)


def test_heading_shows_a_readable_date() -> None:
    from bot.reports.tables import readable_as_of

    assert readable_as_of("2026-11-23T15:23:08.546584Z") == "23 November 2026, 15:23 UTC"
    assert readable_as_of(None) == "no confirmation yet"
