"""Check one parsed content file against its JSON Schema, with messages an editor can act on.

Links between files (the schemas' ``x-id`` and ``x-ref``) are checked afterwards, across all the
files at once, by :mod:`guide_site.cross_refs`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from guide_site.errors import ContentError
from guide_site.yaml_source import JsonPath, ParsedYaml

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys",
    "null": "nothing",
}


@cache
def load_schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    for python_type, name in ((str, "text"), (int, "a whole number"), (float, "a number")):
        if isinstance(value, python_type):
            return f"{name} ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return "nothing" if value is None else type(value).__name__


def _expected_types(schema_type: str | list[str]) -> str:
    names = [schema_type] if isinstance(schema_type, str) else schema_type
    return " or ".join(_TYPE_NAMES.get(name, name) for name in names)


def _where(path: JsonPath) -> str:
    named = [part for part in path if isinstance(part, str)]
    return f"'{named[-1]}'" if named else "this file"


def _friendly(error: ValidationError) -> tuple[JsonPath, str, bool]:
    """Turn one jsonschema error into (where, message, points at a key)."""
    path: JsonPath = tuple(error.absolute_path)
    keyword, schema = error.validator, error.schema
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        key = extra[0] if extra else "?"
        return (
            (*path, key),
            f"unknown key '{key}'; expected one of: {', '.join(allowed)}",
            True,
        )
    if keyword == "required" and isinstance(error.instance, dict):
        missing = next(key for key in error.validator_value if key not in error.instance)
        return path, f"missing required key '{missing}' in {_where(path)}", False
    if keyword == "type":
        expected = _expected_types(error.validator_value)
        return path, f"{_where(path)} is {_describe(error.instance)}; expected {expected}", False
    if keyword == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return path, f"{error.instance!r} is not allowed here; expected one of: {options}", False
    hint = schema.get("description")
    suffix = f" ({hint})" if isinstance(hint, str) and len(hint) < 120 else ""
    return path, f"{_where(path)}: {error.message}{suffix}", False


def schema_problems(parsed: ParsedYaml, schema: dict[str, Any]) -> list[ContentError]:
    """Every way one file breaks its schema, each at the place it is written."""
    errors = []
    for error in Draft202012Validator(schema).iter_errors(parsed.data):
        json_path, message, at_key = _friendly(_most_specific(error))
        errors.append(parsed.error(json_path, message, key=at_key))
    return errors


def _most_specific(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf failures, report the deepest cause, as an editor would look for it."""
    if error.context:
        return max(error.context, key=lambda sub: len(sub.absolute_path))
    return error
