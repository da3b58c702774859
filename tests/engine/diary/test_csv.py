"""The diary as CSV: export then import gives the same diary; a bad file is reported row by row
and column by column, with content's messages, and nothing half-imported."""

from __future__ import annotations

import csv
import io

from hypothesis import given

from guide_engine.diary.csv_file import COLUMNS, MEASURE_COLUMNS, export_csv, import_csv
from guide_engine.diary.entries import check_entries
from guide_engine.diary.fields import FIELD_IDS
from guide_engine.diary.fields import MAT_NOT_USED as NO
from guide_engine.diary.measures import night_measures
from tests.engine.diary.strategies import diaries
from tests.engine.diary.support import DIARY, FIELDS, entry, evening, morning, night
from tests.engine.support import engine_settings

FILE_ERRORS = DIARY["file_errors"]


def sample() -> list[dict]:
    sign = DIARY["stop_signs"][0]["id"]
    return check_entries(
        [
            entry(0, evening(), morning("23:10", into="22:50")),
            entry(1, evening(used=False)),
            entry(3, morning("00:40", final="07:30", out="07:40")),
            entry(4, evening(stop=(sign, DIARY["stop_signs"][1]["id"])), morning()),
        ],
        DIARY,
    )


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_columns_are_the_diary_fields_then_the_measures() -> None:
    text = export_csv(sample(), DIARY)
    assert text.endswith("\r\n") and "\r\n" in text
    header, *body = rows(text)
    assert header == list(COLUMNS) == [*FIELD_IDS, *MEASURE_COLUMNS]
    assert [row[0] for row in body] == [night(0), night(1), night(3), night(4)]
    first = dict(zip(header, body[0], strict=True))
    measures = night_measures(sample()[0], DIARY)
    assert measures is not None
    assert first["tst_minutes"] == str(measures["tst"])
    assert first["se_percent"] == str(measures["se"])
    assert dict(zip(header, body[1], strict=True))["tst_minutes"] == ""


def test_export_then_import_gives_the_same_entries() -> None:
    imported = import_csv(export_csv(sample(), DIARY), DIARY)
    assert imported.problems == []
    assert imported.entries == sample()
    preview = imported.preview()
    assert (preview["nights"], preview["first_night"], preview["last_night"]) == (
        4,
        night(0),
        night(4),
    )
    assert (preview["evenings"], preview["mornings"]) == (3, 3)


@engine_settings
@given(diaries())
def test_any_diary_survives_the_round_trip(entries: list) -> None:
    checked = check_entries(entries, DIARY)
    assert import_csv(export_csv(checked, DIARY), DIARY).entries == checked


def test_columns_may_come_in_any_order_and_a_byte_order_mark_is_fine() -> None:
    header, *body = rows(export_csv(sample(), DIARY))
    order = list(reversed(range(len(header))))
    shuffled = io.StringIO()
    writer = csv.writer(shuffled)
    for row in [header, *body]:
        writer.writerow([row[i] for i in order])
    assert import_csv("\ufeff" + shuffled.getvalue(), DIARY).entries == sample()


def test_each_bad_cell_is_reported_by_row_and_column_with_its_field_message() -> None:
    header, *body = rows(export_csv(sample(), DIARY))
    column = {name: index for index, name in enumerate(header)}
    body[0][column["sol_minutes"]] = "twenty"
    body[2][column["tried_to_sleep"]] = "25:61"
    body[3][column["stop_signs"]] = "hiccups"
    text = "\r\n".join(",".join(row) for row in [header, *body]) + "\r\n"
    result = import_csv(text, DIARY)
    assert [problem.line() for problem in result.problems] == [
        f"2:{column['sol_minutes'] + 1}: {FIELDS['sol_minutes']['errors']['invalid']}",
        f"4:{column['tried_to_sleep'] + 1}: {FIELDS['tried_to_sleep']['errors']['invalid']}",
        f"5:{column['stop_signs'] + 1}: {FIELDS['stop_signs']['errors']['invalid']}",
    ]
    assert [e["night"] for e in result.entries] == [night(1)]  # only the good row


def test_a_repeated_night_names_the_first_row() -> None:
    text = f"night,mat_used\r\n{night(0)},{NO}\r\n{night(0)},{NO}\r\n"
    [problem] = import_csv(text, DIARY).problems
    assert (problem.row, problem.column) == (3, 1)
    assert problem.message == DIARY["entry_errors"]["duplicate_night"].replace("{row}", "2")


def test_problems_with_the_file_as_a_whole() -> None:
    assert [p.message for p in import_csv("", DIARY).problems] == [FILE_ERRORS["empty_file"]]
    [unknown] = import_csv("night,mood\r\n", DIARY).problems
    assert (unknown.row, unknown.column) == (1, 2)
    assert unknown.message.startswith(FILE_ERRORS["unknown_column"].split("{")[0])
    [no_night] = import_csv("mat_used\r\nno\r\n", DIARY).problems
    assert no_night.message == FILE_ERRORS["no_night_column"]
    [twice] = import_csv("night,night\r\n", DIARY).problems
    assert (twice.column, twice.message) == (2, FILE_ERRORS["repeated_column"])
    [extra] = import_csv(f"night,mat_used\r\n{night(0)},{NO},surprise\r\n", DIARY).problems
    assert (extra.row, extra.column, extra.message) == (2, 3, FILE_ERRORS["extra_cells"])


def test_blank_lines_and_short_rows_are_fine() -> None:
    text = f"night,mat_used,mat_minutes\r\n\r\n{night(0)},{NO}\r\n\r\n"
    result = import_csv(text, DIARY)
    assert result.problems == [] and [e["night"] for e in result.entries] == [night(0)]
