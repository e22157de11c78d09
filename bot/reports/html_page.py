"""The HTML report's frame: escaping, the stylesheet (screen and print), figures and tables.

One self-contained file: charts are inline base64 PNGs, the stylesheet is inline, no scripts, no fonts
or images fetched from anywhere. Colours keep a contrast of at least 4.5:1 on white (WCAG AA).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

STYLE = """
:root { --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b4f8a; --later: #b34700; --rule: #c8ced6;
        --band: #f2f5f9; --warn-bg: #fff4e5; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
       "DejaVu Sans", Arial, sans-serif; }
main, header.report, nav.toc { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header.report { padding-top: 24px; border-bottom: 4px solid var(--accent); }
h1 { font-size: 1.9rem; margin: 0 0 4px; color: #0b3a66; }
h2 { font-size: 1.45rem; margin: 40px 0 12px; color: #0b3a66; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 24px 0 8px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
dl.key { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 24px; }
dl.key div { background: var(--band); border-left: 4px solid var(--accent); padding: 8px 14px; min-width: 170px; }
dl.key dt { font-size: .85rem; color: var(--muted); }
dl.key dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
dl.key dd.note { font-size: .85rem; font-weight: 400; color: var(--muted); }
.not-rated { color: var(--muted); font-style: italic; }
nav.toc ol { columns: 2; padding-left: 20px; }
a { color: var(--accent); }
figure { margin: 16px 0; }
figure img { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption { color: var(--muted); font-size: .95rem; margin-top: 6px; }
table { border-collapse: collapse; width: 100%; margin: 12px 0 20px; font-size: .93rem; }
caption { text-align: left; font-weight: 700; padding: 6px 0; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #0b3a66; color: #fff; }
tbody tr:nth-child(even) { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th, tr.group td { font-weight: 700; }
.flag { background: var(--warn-bg); border: 1px solid var(--later); padding: 0 6px; border-radius: 3px;
        font-size: .85rem; white-space: nowrap; }
article.priority { border: 1px solid var(--rule); border-left: 6px solid var(--later); padding: 4px 18px 12px;
                   margin: 16px 0; }
.criteria { background: var(--band); padding: 8px 14px; }
dl.provenance dt { font-weight: 700; margin-top: 8px; }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
footer { max-width: 1100px; margin: 40px auto; padding: 0 24px; color: var(--muted); font-size: .9rem; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { font-size: 10pt; }
  nav.toc { display: none; }
  main, header.report, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h2.new-page { break-before: page; }
  thead { display: table-header-group; }
  tr, figure, article.priority, dl.key div { break-inside: avoid; }
  figure img { max-height: 165mm; width: auto; }
  caption, h3 { break-after: avoid; }
  /* a caption never ends a page on its own: the header and the first two rows stay with it */
  thead { break-after: avoid; }
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; }
  thead th { background: #fff; color: #000; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
}
"""


def e(value: object) -> str:
    """HTML-escape any value; None becomes the empty string."""
    return "" if value is None else escape(str(value), quote=True)


def figure_html(png: bytes, alt: str, caption: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{e(alt)}">'
            f"<figcaption>{e(caption)}</figcaption></figure>")


def table_html(caption: str, header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = (),
               row_classes: Sequence[str] = ()) -> str:
    """A semantic table: caption, column headers with scope=col, the first cell of a row as scope=row."""
    num = ' class="num"'
    head = "".join(f'<th scope="col"{num if i in numeric else ""}>{e(h)}</th>' for i, h in enumerate(header))
    body = []
    for index, row in enumerate(rows):
        css = f' class="{row_classes[index]}"' if index < len(row_classes) and row_classes[index] else ""
        cells = [f'<th scope="row">{e(row[0])}</th>']
        cells += [f'<td{num if i in numeric else ""}>{_cell(value)}</td>' for i, value in enumerate(row) if i]
        body.append(f"<tr{css}>{''.join(cells)}</tr>")
    return (f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


class Markup(str):
    """Text that is already HTML and must not be escaped again."""


def _cell(value: object) -> str:
    return str(value) if isinstance(value, Markup) else e(value)


def criteria_html(text: str) -> str:
    """Criteria text with its '- ' bullet lines as a list."""
    parts: list[str] = []
    bullets: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "• ", "– ")):
            bullets.append(f"<li>{e(stripped[2:])}</li>")
            continue
        if bullets:
            parts.append(f"<ul>{''.join(bullets)}</ul>")
            bullets = []
        if stripped:
            parts.append(f"<p>{e(stripped)}</p>")
    if bullets:
        parts.append(f"<ul>{''.join(bullets)}</ul>")
    return f'<div class="criteria">{"".join(parts)}</div>'


def page_html(title: str, header: str, toc: Sequence[tuple[str, str]], sections: Sequence[str], footer: str) -> str:
    links = "".join(f'<li><a href="#{e(anchor)}">{e(label)}</a></li>' for anchor, label in toc)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header class="report">{header}</header>\n'
        f'<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{links}</ol></nav>\n'
        f"<main>\n{''.join(sections)}\n</main>\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )
