"""The diary as a CSV file: export, and an import that is checked and previewed first.

One row per night, one column per diary field (named as the field, after the Consensus Sleep
Diary item it records), then the measures worked out from them. The first row names the
columns; on import their order is free, the measure columns are ignored (they are worked out
again) and every problem is reported with its row and column (both counted from 1, the
header being row 1), so nothing is half-imported: a page keeps what it had until the import
has no problems.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from guide_engine.diary.entries import Entry, check_entry
from guide_engine.diary.errors import DiaryError
from guide_engine.diary.fields import FIELD_IDS
from guide_engine.diary.measures import night_measures

MEASURE_COLUMNS = {"tst_minutes": "tst", "tib_minutes": "tib", "se_percent": "se"}
"""Exported for people who open the file in a spreadsheet; ignored on import."""
COLUMNS = (*FIELD_IDS, *MEASURE_COLUMNS)
LIST_SEPARATOR = ";"
"""Between the stop sign ids of one night."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: int
    """1-based; the column's position in the file (1 for a problem with the whole row)."""
    field: str
    message: str

    def line(self) -> str:
        return f"{self.row}:{self.column}: {self.message}"


@dataclass
class ImportResult:
    entries: list[Entry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def preview(self) -> dict[str, Any]:
        """What a page shows before it replaces the stored diary."""
        nights = [entry["night"] for entry in self.entries]
        return {
            "nights": len(nights),
            "first_night": min(nights, default=None),
            "last_night": max(nights, default=None),
            "evenings": sum(1 for entry in self.entries if entry["mat_used"] is not None),
            "mornings": sum(1 for entry in self.entries if entry["tried_to_sleep"] is not None),
            "problems": [
                {"row": p.row, "column": p.column, "field": p.field, "message": p.message}
                for p in self.problems
            ],
        }


def export_csv(entries: Sequence[Mapping[str, Any]], diary: Mapping[str, Any]) -> str:
    """Checked entries as CSV text (RFC 4180: CRLF line ends), in night order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=lambda item: str(item["night"])):
        measures = night_measures(entry, diary)
        cells = [_cell(entry[field_id]) for field_id in FIELD_IDS]
        cells += [
            "" if measures is None else _cell(measures[measure])
            for measure in MEASURE_COLUMNS.values()
        ]
        writer.writerow(cells)
    return out.getvalue()


def import_csv(text: str, diary: Mapping[str, Any]) -> ImportResult:
    """Every row checked; ``entries`` holds the good rows, ``problems`` every problem found."""
    words = diary["file_errors"]
    text = text.removeprefix("\ufeff")  # the byte-order mark some spreadsheets write
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or not any(cell.strip() for cell in rows[0]):
        return ImportResult(problems=[RowProblem(1, 1, "", words["empty_file"])])
    header = [cell.strip() for cell in rows[0]]
    problems = _header_problems(header, words)
    if "night" not in header:
        problems.append(RowProblem(1, 1, "", words["no_night_column"]))
    if problems:
        return ImportResult(problems=problems)

    result = ImportResult()
    seen: dict[str, int] = {}
    data_rows = 0
    for row_number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, e.g. at the end of a hand-edited file
        data_rows += 1
        if data_rows > diary["limits"]["nights"]:
            message = diary["entry_errors"]["too_many"]
            result.problems.append(RowProblem(row_number, 1, "", message))
            break
        if len(cells) > len(header):
            result.problems.append(
                RowProblem(row_number, len(header) + 1, "", words["extra_cells"])
            )
            continue
        raw = {
            name: _raw(name, value)
            for name, value in zip(header, cells, strict=False)
            if name in FIELD_IDS
        }
        try:
            entry = check_entry(raw, diary)
        except DiaryError as problem:
            result.problems += [
                RowProblem(row_number, _column(header, key), key, message)
                for key, message in problem.errors.items()
            ]
            continue
        if entry["night"] in seen:
            message = diary["entry_errors"]["duplicate_night"].replace(
                "{row}", str(seen[entry["night"]])
            )
            result.problems.append(
                RowProblem(row_number, _column(header, "night"), "night", message)
            )
            continue
        seen[entry["night"]] = row_number
        result.entries.append(entry)
    result.entries.sort(key=lambda entry: str(entry["night"]))
    return result


def _header_problems(header: list[str], words: Mapping[str, str]) -> list[RowProblem]:
    problems = []
    known = ", ".join(COLUMNS)
    for index, name in enumerate(header, start=1):
        if name not in COLUMNS:
            message = words["unknown_column"].replace("{columns}", known)
            problems.append(RowProblem(1, index, name, message))
        elif header.index(name) != index - 1:
            problems.append(RowProblem(1, index, name, words["repeated_column"]))
    return problems


def _raw(name: str, value: str) -> object:
    if name == "stop_signs":
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


def _column(header: list[str], field_id: str) -> int:
    return header.index(field_id) + 1 if field_id in header else 1


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)
