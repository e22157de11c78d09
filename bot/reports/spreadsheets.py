"""CSV and XLSX exports for the people who live in spreadsheets.

CSV: UTF-8 with a byte-order mark (so spreadsheet programs read accents right), comma-separated,
one file per table. XLSX: sheets Stakeholders, Consensus, Scores and About. Both are byte-identical for
the same result: the XLSX's document dates come from the data's as-of time and its zip entries carry
a fixed timestamp.

Names, reasons and every other text may come from anyone who can name an assessment, so no cell is
ever a formula: a CSV text cell that a spreadsheet would read as one (it starts with =, +, -, @, a tab
or a carriage return) gets a leading ' (OWASP's advice), and XLSX text is always stored as a string
(with Excel's quote prefix when it looks like a formula).
Numbers stay numbers: scores are XLSX numbers shown with two decimals.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from bot.reports.tables import (
    CONSENSUS_COLUMNS,
    SCORE_COLUMNS,
    STAKEHOLDER_COLUMNS,
    Cell,
    consensus_rows,
    provenance_items,
    score_rows,
    stakeholder_rows,
)
from bot.scoring.results import AssessmentResult

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FALLBACK_DATE = datetime(2000, 1, 1)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SCORE_FORMAT = "0.00"
GAP_FORMAT = "+0.00;-0.00;0.00"


def neutralise_formula(value: Cell) -> Cell:
    """A text cell that a spreadsheet would run as a formula, with a leading ' so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(["" if cell is None else neutralise_formula(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def stakeholder_csv(result: AssessmentResult) -> bytes:
    """One row per stakeholder and characteristic."""
    return csv_bytes(STAKEHOLDER_COLUMNS, stakeholder_rows(result))


def consensus_csv(result: AssessmentResult) -> bytes:
    """One row per characteristic: consensus, spread, gap."""
    return csv_bytes(CONSENSUS_COLUMNS, consensus_rows(result))


def xlsx_bytes(result: AssessmentResult) -> bytes:
    """The workbook: Stakeholders, Consensus, Scores and About sheets."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    _sheet(workbook, "Stakeholders", STAKEHOLDER_COLUMNS, stakeholder_rows(result))
    _sheet(workbook, "Consensus", CONSENSUS_COLUMNS, consensus_rows(result))
    _sheet(workbook, "Scores", SCORE_COLUMNS, score_rows(result))
    _sheet(workbook, "About", ("item", "value"), [[label, value] for label, value in provenance_items(result)])
    stamp = _as_of_datetime(result.as_of)
    workbook.properties.creator = "mmssc"
    workbook.properties.lastModifiedBy = "mmssc"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.properties.title = f"MMSSC self-assessment: {result.assessment}"
    buffer = io.BytesIO()
    workbook.save(buffer)  # stamps `modified` with the clock: put the data's time back below
    workbook.properties.modified = stamp
    return _with_fixed_zip_times(buffer.getvalue(), {ARC_CORE: tostring(workbook.properties.to_tree())})


def _sheet(workbook: Workbook, title: str, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for column, cell in zip(columns, sheet[sheet.max_row], strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes a formula of any text starting with "="
                if cell.value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True  # Excel's own "this is text": it stays text when the cell is edited
            elif isinstance(cell.value, Decimal):
                cell.number_format = GAP_FORMAT if column == "gap" else SCORE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(columns, start=1):
        widest = max([len(str(column))] + [len(str(row[index - 1] or "")) for row in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, widest + 2))


def _as_of_datetime(as_of: str | None) -> datetime:
    """The data's as-of time (naive UTC, as openpyxl wants), or a fixed date; never the clock."""
    if not as_of:
        return _FALLBACK_DATE
    try:
        parsed = datetime.fromisoformat(as_of)
    except ValueError:
        return _FALLBACK_DATE
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def _with_fixed_zip_times(data: bytes, replace: dict[str, bytes]) -> bytes:
    """Rewrite the zip with a fixed timestamp on every entry (openpyxl stamps entries with the clock)
    and with the entries in `replace` swapped for the given bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, replace.get(info.filename) or source.read(info.filename))
    return out.getvalue()
