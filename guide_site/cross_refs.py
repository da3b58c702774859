"""One cross-reference pass over all content: ids declared once, every reference resolved.

The schemas say what refers to what, with three keywords of our own (JSON Schema ignores them):

- ``"x-id": KIND`` declares the string as an id of that kind; each id is declared once.
- ``"x-ref": KIND`` says the string must name a declared id of that kind.
- ``"x-id-from": {"kind", "in", "scope", "copy": {value: source kind}}`` declares, as ids of
  KIND, every id of the source kind that the string names (a question whose answers are the
  conditions of precautions.yml).

KIND may be scoped: ``{"kind": "answer", "in": "question", "scope": "1#"}`` means an answer of
the question that ``scope`` names. ``scope`` is a Relative JSON Pointer from the string ("3/id":
three levels up, then its ``id``; "1#": the key its parent has) or, when it does not start with
a digit, a literal id. A reference can also say ``"every": "error" | "warning"``: every declared
id (of the scope) must then appear in the list or among the keys it refers from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

from guide_site.errors import ContentError
from guide_site.yaml_source import JsonPath, ParsedYaml

_RELATIVE_POINTER = re.compile(r"(?P<up>0|[1-9][0-9]*)(?P<rest>#|(/.*)?)$")


@dataclass(frozen=True)
class IdKind:
    """What an ``x-id``/``x-ref``/``x-id-from`` keyword says."""

    kind: str
    of: str | None = None  # the kind of the scope's id ("question" for an answer)
    scope: str | None = None
    every: str | None = None  # "error" or "warning"
    copy: Mapping[str, str] = field(default_factory=dict)
    free_scopes: bool = False  # a scope with no ids of this kind accepts anything

    @classmethod
    def parse(cls, raw: Any) -> IdKind:
        if isinstance(raw, str):
            return cls(raw)
        return cls(
            raw["kind"],
            raw.get("in"),
            raw.get("scope"),
            raw.get("every"),
            raw.get("copy", {}),
            raw.get("free_scopes", False),
        )

    def named(self) -> str:
        return self.kind.replace("-", " ")


@dataclass(frozen=True)
class Annotation:
    """One keyword met on one value of one document."""

    keyword: str
    spec: IdKind
    value: Any
    path: JsonPath
    at_key: bool  # the value is a mapping key (from propertyNames)
    scope: Any  # the resolved scope, or None for an unscoped kind


@dataclass(frozen=True)
class Coverage:
    """A list or mapping that must name every id of its kind (``"every"``)."""

    spec: IdKind
    path: JsonPath
    scope: Any
    names: frozenset[str]


@dataclass
class DocumentAnnotations:
    parsed: ParsedYaml
    annotations: list[Annotation] = field(default_factory=list)
    coverages: list[Coverage] = field(default_factory=list)


class _Walker:
    """Walks a document beside its schema, following $ref and the branches the data takes."""

    def __init__(self, parsed: ParsedYaml, schema: Mapping[str, Any]) -> None:
        self.found = DocumentAnnotations(parsed)
        self.root_schema = schema
        self._validators: dict[int, Draft202012Validator] = {}

    def walk(self, value: Any, schema: Any, path: JsonPath, *, at_key: bool = False) -> None:
        if not isinstance(schema, Mapping):
            return
        if "$ref" in schema:
            self.walk(value, self._resolve(schema["$ref"]), path, at_key=at_key)
        for keyword in ("x-id", "x-ref", "x-id-from"):
            if keyword in schema:
                self._note(keyword, IdKind.parse(schema[keyword]), value, path, at_key)
        for branch in schema.get("allOf", []):
            self.walk(value, branch, path, at_key=at_key)
        for keyword in ("anyOf", "oneOf"):
            for branch in schema.get(keyword, []):
                if self._valid(value, branch):
                    self.walk(value, branch, path, at_key=at_key)
        if "if" in schema:
            taken = schema.get("then" if self._valid(value, schema["if"]) else "else")
            self.walk(value, taken, path, at_key=at_key)
        if isinstance(value, dict):
            self._walk_mapping(value, schema, path)
        elif isinstance(value, list) and isinstance(schema.get("items"), Mapping):
            for index, item in enumerate(value):
                self.walk(item, schema["items"], (*path, index))
            self._cover(schema["items"], path, [item for item in value if isinstance(item, str)])

    def _walk_mapping(
        self, value: dict[str, Any], schema: Mapping[str, Any], path: JsonPath
    ) -> None:
        properties = schema.get("properties", {})
        others = schema.get("additionalProperties")
        names = schema.get("propertyNames")
        for key, child in value.items():
            if names is not None:
                self.walk(key, names, (*path, key), at_key=True)
            if key in properties:
                self.walk(child, properties[key], (*path, key))
            elif isinstance(others, Mapping):
                self.walk(child, others, (*path, key))
        if isinstance(names, Mapping):
            self._cover(names, path, list(value))

    def _note(self, keyword: str, spec: IdKind, value: Any, path: JsonPath, at_key: bool) -> None:
        if not isinstance(value, str):
            return  # the schema check reports the wrong type
        scope = self._scope(spec, path)
        self.found.annotations.append(Annotation(keyword, spec, value, path, at_key, scope))

    def _cover(self, item_schema: Mapping[str, Any], path: JsonPath, names: list[str]) -> None:
        if "$ref" in item_schema:
            item_schema = self._resolve(item_schema["$ref"])
        raw = item_schema.get("x-ref")
        if raw is None:
            return
        spec = IdKind.parse(raw)
        if spec.every:
            # The scope is resolved as if from an item of the list (or a key of the mapping).
            scope = self._scope(spec, (*path, ""))
            self.found.coverages.append(Coverage(spec, path, scope, frozenset(names)))

    def _scope(self, spec: IdKind, path: JsonPath) -> Any:
        if spec.scope is None:
            return None
        match = _RELATIVE_POINTER.match(spec.scope)
        if match is None:
            return spec.scope  # a literal id
        return _follow(self.found.parsed.data, path, int(match["up"]), match["rest"])

    def _resolve(self, reference: str) -> Any:
        if not reference.startswith("#/"):
            raise ValueError(f"only local $ref is supported in content schemas: {reference}")
        node: Any = self.root_schema
        for part in reference[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def _valid(self, value: Any, schema: Any) -> bool:
        validator = self._validators.get(id(schema))
        if validator is None:
            defs = {"$defs": self.root_schema.get("$defs", {})}
            validator = Draft202012Validator({**defs, **schema})
            self._validators[id(schema)] = validator
        return bool(validator.is_valid(value))


def _follow(data: Any, path: JsonPath, up: int, rest: str) -> Any:
    """Evaluate a Relative JSON Pointer from ``path`` in ``data``; None if it leads nowhere."""
    if up > len(path):
        return None
    base = path[: len(path) - up]
    if rest == "#":
        return base[-1] if base else None
    node = data
    for part in (*base, *_pointer_parts(rest)):
        if isinstance(node, list):
            index = int(part) if isinstance(part, str) and part.isdigit() else part
            if not isinstance(index, int) or not 0 <= index < len(node):
                return None
            node = node[index]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _pointer_parts(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]


def annotate(parsed: ParsedYaml, schema: Mapping[str, Any]) -> DocumentAnnotations:
    """Every id declaration and reference in one document, by walking it beside its schema."""
    walker = _Walker(parsed, schema)
    walker.walk(parsed.data, schema, ())
    return walker.found


# --- resolving ------------------------------------------------------------------------------

Scoped = tuple[str, Any]  # (kind, scope)


@dataclass
class IdIndex:
    """Every declared id: (kind, scope) -> id -> where it was declared."""

    declared: dict[Scoped, dict[str, ContentError]] = field(default_factory=dict)

    def ids(self, kind: str, scope: Any = None) -> dict[str, ContentError]:
        return self.declared.get((kind, scope), {})

    def declare(
        self, spec: IdKind, scope: Any, value: str, place: ContentError
    ) -> ContentError | None:
        """Record an id; the problem if it was declared before."""
        known = self.declared.setdefault((spec.kind, scope), {})
        if value in known:
            first = known[value]
            return ContentError(
                place.path,
                place.line,
                place.column,
                f"duplicate {spec.named()} id '{value}'{_of(scope, spec.of)} (first "
                f"declared at {first.path}:{first.line}); expected every id once",
            )
        known[value] = place
        return None


@dataclass
class CrossReferenceResult:
    index: IdIndex
    errors: list[ContentError]
    warnings: list[ContentError]


def cross_reference(documents: list[DocumentAnnotations]) -> CrossReferenceResult:
    """Declare every id, then resolve every reference and coverage, collecting each problem."""
    index = IdIndex()
    errors: list[ContentError] = []
    warnings: list[ContentError] = []

    def place(document: DocumentAnnotations, path: JsonPath, *, key: bool) -> ContentError:
        return document.parsed.error(path, "", key=key)

    for document in documents:
        for note in document.annotations:
            if note.keyword == "x-id":
                where = place(document, note.path, key=note.at_key)
                problem = index.declare(note.spec, note.scope, note.value, where)
                errors += [problem] if problem else []
    for document in documents:  # ids copied from another kind, once every kind is known
        for note in document.annotations:
            if note.keyword == "x-id-from" and note.value in note.spec.copy:
                where = place(document, note.path, key=note.at_key)
                for copied in index.ids(note.spec.copy[note.value]):
                    problem = index.declare(note.spec, note.scope, copied, where)
                    errors += [problem] if problem else []
    for document in documents:
        for note in document.annotations:
            if note.keyword == "x-ref":
                message = _unresolved(index, note.spec, note.scope, note.value)
                if message:
                    errors.append(document.parsed.error(note.path, message, key=note.at_key))
        for coverage in document.coverages:
            message = _uncovered(index, coverage)
            if message:
                problem = document.parsed.error(coverage.path, message, key=True)
                (warnings if coverage.spec.every == "warning" else errors).append(problem)
    return CrossReferenceResult(index, errors, warnings)


def _unresolved(index: IdIndex, spec: IdKind, scope: Any, value: str) -> str | None:
    if spec.of is not None and scope not in index.ids(spec.of):
        return None  # the scope itself is unknown: the reference that names it says so
    known = index.ids(spec.kind, scope)
    if value in known:
        return None
    if not known:
        if spec.free_scopes:
            return None
        return (
            f"{_scope_name(spec, scope)} has no {spec.named()}s to choose from, "
            f"so '{value}' cannot be one"
        )
    return (
        f"unknown {spec.named()} '{value}'{_of(scope, spec.of)}; "
        f"expected one of: {', '.join(sorted(known))}"
    )


def _uncovered(index: IdIndex, coverage: Coverage) -> str | None:
    spec = coverage.spec
    if spec.of is not None and coverage.scope not in index.ids(spec.of):
        return None
    known = index.ids(spec.kind, coverage.scope)
    missing = sorted(name for name in known if name not in coverage.names)
    if not missing:
        return None
    listed = ", ".join(f"'{name}' ({known[name].path}:{known[name].line})" for name in missing)
    where = f"'{coverage.path[-1]}'" if coverage.path else "this file"
    noun = spec.named() + ("s" if len(missing) > 1 else "")
    return (
        f"{where} leaves out the {noun} {listed}{_of(coverage.scope, spec.of)}; "
        f"expected every {spec.named()} once"
    )


def _of(scope: Any, of: str | None) -> str:
    if scope is None:
        return ""
    return f" of {of.replace('-', ' ')} '{scope}'" if of else f" of '{scope}'"


def _scope_name(spec: IdKind, scope: Any) -> str:
    return f"{(spec.of or 'scope').replace('-', ' ')} '{scope}'" if scope is not None else "content"
