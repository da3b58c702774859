"""Check parsed content against its JSON Schema, with messages an editor can act on.

Two keywords of our own link files together, so the schema alone says what refers to what:
- ``"x-id": "<kind>"`` marks a string as the id of a ``<kind>`` (ids must be unique per kind);
- ``"x-ref": "<kind>"`` marks a string as a reference that must name an existing ``<kind>`` id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

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


@dataclass
class IdIndex:
    """Every declared id, by kind, with where it was declared."""

    declared: dict[str, dict[str, ContentError]] = field(default_factory=dict)
    complete: bool = True
    """False when a file could not be parsed: its ids are unknown, so refs are not judged."""

    def known(self, kind: str) -> dict[str, ContentError]:
        return self.declared.setdefault(kind, {})


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
    if keyword == "required":
        missing = str(error.message).split("'")[1]
        return path, f"missing required key '{missing}' in {_where(path)}", False
    if keyword == "type":
        expected = _expected_types(error.validator_value)
        return path, f"{_where(path)} is {_describe(error.instance)}; expected {expected}", False
    if keyword == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return path, f"{error.instance!r} is not allowed here; expected one of: {options}", False
    if keyword == "x-ref":
        return path, str(error.message), False
    hint = schema.get("description")
    suffix = f" ({hint})" if isinstance(hint, str) and len(hint) < 120 else ""
    return path, f"{_where(path)}: {error.message}{suffix}", False


class _IdDeclared(ValidationError):
    """Not a problem: how the collecting pass learns where each id is written."""


def _validator_class(index: IdIndex, *, collect: bool) -> type:
    def declare_id(_validator: Any, kind: str, instance: Any, _schema: Any) -> Iterator[Any]:
        if collect and isinstance(instance, str):
            yield _IdDeclared(kind)

    def check_ref(_validator: Any, kind: str, instance: Any, _schema: Any) -> Iterator[Any]:
        if collect or not index.complete or not isinstance(instance, str):
            return
        known = index.known(kind)
        if instance not in known:
            choices = ", ".join(sorted(known)) or "none declared"
            yield ValidationError(f"unknown {kind} id '{instance}'; expected one of: {choices}")

    return validators.extend(Draft202012Validator, {"x-id": declare_id, "x-ref": check_ref})


def check_against_schema(
    parsed: ParsedYaml, schema: dict[str, Any], index: IdIndex, *, collect: bool
) -> list[ContentError]:
    """Validate one file, or (collecting pass) only record the ids it declares."""
    validator = _validator_class(index, collect=collect)(schema)
    errors: list[ContentError] = []
    for error in validator.iter_errors(parsed.data):
        if isinstance(error, _IdDeclared):
            errors.extend(_declare(parsed, index, str(error.message), error))
        elif not collect:
            json_path, message, at_key = _friendly(_most_specific(error))
            errors.append(parsed.error(json_path, message, key=at_key))
    return errors


def _declare(
    parsed: ParsedYaml, index: IdIndex, kind: str, error: ValidationError
) -> list[ContentError]:
    place = parsed.error(tuple(error.absolute_path), "")
    known = index.known(kind)
    if error.instance in known:
        first = known[error.instance]
        return [
            parsed.error(
                tuple(error.absolute_path),
                f"duplicate {kind} id '{error.instance}' (first declared at "
                f"{first.path}:{first.line}); expected every id once",
            )
        ]
    known[error.instance] = place
    return []


def _most_specific(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf failures, report the deepest cause, as an editor would look for it."""
    if error.context:
        return max(error.context, key=lambda sub: len(sub.absolute_path))
    return error
