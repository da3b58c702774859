"""Check diary entries and put them in one canonical form, with a message per field at fault.

An entry is one night: its date (the evening the night began) with an evening check-in, a
morning check-in, or both. Values come from a form (text), a CSV file (text) or JSON; each is
accepted in its natural form. Normalised: every field present, None when not given;
``stop_signs`` a list in content order; times "HH:MM"; numbers int.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from guide_engine.clock import format_time, parse_time
from guide_engine.diary.errors import DiaryError
from guide_engine.diary.fields import (
    EVENING,
    FIELD_IDS,
    MAT_NOT_USED,
    MAT_USED,
    MORNING,
    WITH_THE_MAT,
)
from guide_engine.diary.timeline import place

Entry = dict[str, Any]
Field = Mapping[str, Any]

_WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EARLIEST, _LATEST = date(2000, 1, 1), date(2999, 12, 31)


class _Problem(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def fields_by_id(diary: Mapping[str, Any]) -> dict[str, Field]:
    return {field["id"]: field for field in diary["fields"]}


def check_entry(raw: object, diary: Mapping[str, Any]) -> Entry:
    """The normalised entry, or DiaryError with ``{field_id: message}``."""
    messages = diary["entry_errors"]
    if not isinstance(raw, Mapping):
        raise DiaryError({"night": messages["not_an_entry"]})
    fields = fields_by_id(diary)
    errors = {str(key): messages["unknown_field"] for key in raw if key not in fields}
    entry: Entry = {}
    for field_id in FIELD_IDS:
        try:
            entry[field_id] = _value(fields[field_id], raw.get(field_id))
        except _Problem as problem:
            errors[field_id] = _message(fields[field_id], problem.kind)
            entry[field_id] = None
    if entry["stop_signs"] is None:
        entry["stop_signs"] = []
    given = {field_id for field_id in FIELD_IDS if not _is_blank(raw.get(field_id))}
    if "night" not in errors and entry["night"] is None:
        errors["night"] = _message(fields["night"], "missing")
    if not given - {"night"}:
        errors.setdefault("mat_used", messages["empty"])
    if given & set(EVENING):
        errors = {**_evening_problems(entry, fields, messages), **errors}
    if given & set(MORNING):
        errors = {**_morning_problems(entry, diary, errors), **errors}
    if errors:
        raise DiaryError({field_id: errors[field_id] for field_id in _ordered(errors)})
    return entry


def check_entries(raw: object, diary: Mapping[str, Any]) -> list[Entry]:
    """Every entry checked, in order of night; DiaryError keys ``entries/<i>/<field>``."""
    messages = diary["entry_errors"]
    if not isinstance(raw, list | tuple):
        raise DiaryError({"entries": messages["not_an_entry"]})
    if len(raw) > diary["limits"]["nights"]:
        raise DiaryError({"entries": messages["too_many"]})
    errors: dict[str, str] = {}
    entries: list[Entry] = []
    first_row: dict[str, int] = {}
    for index, item in enumerate(raw):
        try:
            entry = check_entry(item, diary)
        except DiaryError as problem:
            errors.update({f"entries/{index}/{key}": text for key, text in problem.errors.items()})
            continue
        if entry["night"] in first_row:
            where = str(first_row[entry["night"]] + 1)
            errors[f"entries/{index}/night"] = messages["duplicate_night"].replace("{row}", where)
            continue
        first_row[entry["night"]] = index
        entries.append(entry)
    if errors:
        raise DiaryError(errors)
    return sorted(entries, key=lambda entry: str(entry["night"]))


def has_evening(entry: Mapping[str, Any]) -> bool:
    return entry["mat_used"] is not None


def has_morning(entry: Mapping[str, Any]) -> bool:
    return entry["tried_to_sleep"] is not None


def _evening_problems(
    entry: Entry, fields: Mapping[str, Field], messages: Mapping[str, str]
) -> dict[str, str]:
    problems = {}
    if entry["mat_used"] is None:
        problems["mat_used"] = _message(fields["mat_used"], "missing")
    for field_id in WITH_THE_MAT:
        if entry["mat_used"] == MAT_USED and entry[field_id] is None:
            problems[field_id] = _message(fields[field_id], "missing")
        elif entry["mat_used"] == MAT_NOT_USED and entry[field_id] is not None:
            problems[field_id] = messages["not_without_mat"]
    return problems


def _morning_problems(
    entry: Entry, diary: Mapping[str, Any], already: Mapping[str, str]
) -> dict[str, str]:
    fields, messages = fields_by_id(diary), diary["entry_errors"]
    problems = {
        field_id: _message(fields[field_id], "missing")
        for field_id in MORNING
        if fields[field_id]["required"] and entry[field_id] is None and field_id not in already
    }
    if problems or any(field_id in already for field_id in MORNING):
        return problems  # the checks below need every time and number
    night = place(
        None if entry["into_bed"] is None else _minutes(entry["into_bed"]),
        _minutes(entry["tried_to_sleep"]),
        _minutes(entry["final_awakening"]),
        _minutes(entry["out_of_bed"]),
    )
    if night.out_of_bed > 60 * diary["limits"]["hours_in_bed"]:
        problems["out_of_bed"] = messages["too_long_in_bed"]
    elif entry["awakenings"] == 0 and entry["waso_minutes"] > 0:
        problems["waso_minutes"] = messages["awake_without_waking"]
    elif (
        entry["sol_minutes"] + entry["waso_minutes"] > night.final_awakening - night.tried_to_sleep
    ):
        blamed = "waso_minutes" if entry["waso_minutes"] else "sol_minutes"
        problems[blamed] = messages["more_awake_than_asleep"]
    return problems


def _minutes(clock: str) -> int:
    minutes = parse_time(clock)
    assert minutes is not None  # only checked times reach here
    return minutes


def _ordered(errors: Mapping[str, str]) -> list[str]:
    """Fields in the check-in's order, then anything unknown, as a form lists them."""
    known = [field_id for field_id in FIELD_IDS if field_id in errors]
    return known + [key for key in errors if key not in FIELD_IDS]


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def _value(field: Field, value: object) -> Any:
    if _is_blank(value):
        return None
    return _PARSERS[field["kind"]](field, value)


def _message(field: Field, kind: str) -> str:
    errors = field["errors"]
    return str(errors.get(kind) or errors.get("invalid") or errors["missing"])


def _one_of(field: Field, value: object) -> str:
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text in _values(field):
        return text
    raise _Problem("invalid")


def _any_of(field: Field, value: object) -> list[str]:
    chosen = [value] if isinstance(value, str) else value
    if not isinstance(chosen, list | tuple) or not all(isinstance(item, str) for item in chosen):
        raise _Problem("invalid")
    values = _values(field)
    picked = {item.strip() for item in chosen}
    if not picked <= set(values):
        raise _Problem("invalid")
    return [value for value in values if value in picked]


def _time(_field: Field, value: object) -> str:
    minutes = parse_time(value) if isinstance(value, str) else None
    if minutes is None:
        raise _Problem("invalid")
    return format_time(minutes)


def _whole_number(field: Field, value: object) -> int:
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
        number = int(value.strip())
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise _Problem("invalid")
    if not field["min"] <= number <= field["max"]:
        raise _Problem("invalid")
    return number


def _date(_field: Field, value: object) -> str:
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise _Problem("invalid")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise _Problem("invalid") from None
    if not _EARLIEST <= day <= _LATEST:
        raise _Problem("invalid")
    return day.isoformat()


def _values(field: Field) -> list[str]:
    return [option["value"] for option in field["options"]]


_PARSERS: dict[str, Callable[[Field, object], Any]] = {
    "one_of": _one_of,
    "any_of": _any_of,
    "time": _time,
    "whole_number": _whole_number,
    "date": _date,
}


def with_entry(entries: list[Entry], entry: Entry) -> list[Entry]:
    """The diary with ``entry`` added, or replacing the entry for the same night (an edit)."""
    kept = [item for item in entries if item["night"] != entry["night"]]
    return sorted([*kept, entry], key=lambda item: str(item["night"]))


def without_night(entries: list[Entry], night: str) -> list[Entry]:
    """The diary with the night's entry deleted; a night that is not there changes nothing."""
    return [item for item in entries if item["night"] != night]
