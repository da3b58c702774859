"""Parse YAML while remembering where every key and value came from.

PyYAML forgets positions once it builds Python objects and silently keeps the last of two
duplicate keys; editors need both fixed, so we walk the node tree ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide_site.errors import ContentError

JsonPath = tuple[str | int, ...]


def _keeping_dates_as_text(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A SafeLoader that keeps dates as plain text, as JSON Schema expects."""
    keeping = type(f"Content{loader.__name__}", (loader,), {})
    keeping.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return keeping


# libyaml's parser, when PyYAML has it (its wheels do), reads content about ten times faster,
# with the same nodes and marks; the pure Python one explains a syntax error better ("expected
# ',' or ']', but got '<stream end>'" where libyaml says "did not find expected ',' or ']'"), so
# a document libyaml rejects is read again by it for the message.
_FAST_LOADER = _keeping_dates_as_text(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_EXPLAINING_LOADER = _keeping_dates_as_text(yaml.SafeLoader)


@dataclass
class ParsedYaml:
    """A parsed document with the 1-based (line, column) of each value and each mapping key."""

    path: Path
    data: Any
    value_marks: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, json_path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """Where a path is written; falls back to its nearest written parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(json_path)
        while probe:
            if probe in marks:
                return marks[probe]
            if probe in self.value_marks:
                return self.value_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def error(self, json_path: JsonPath, message: str, *, key: bool = False) -> ContentError:
        line, column = self.position(json_path, key=key)
        return ContentError(self.path, line, column, message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(text: str, path: Path) -> tuple[ParsedYaml, list[ContentError]]:
    """Parse one document; syntax errors and duplicate keys come back as ContentErrors.

    After a syntax error ``data`` is None; after duplicate keys it holds the first of each.
    """
    try:
        loader, root = _compose(text, _FAST_LOADER)
    except yaml.YAMLError:
        try:
            loader, root = _compose(text, _EXPLAINING_LOADER)
        except yaml.YAMLError as exc:
            return ParsedYaml(path, None), [_syntax_error(path, exc)]
        # Only libyaml rejected it: rare, and then the slower parser's reading is the one used.
    parsed = ParsedYaml(path, None)
    problems: list[ContentError] = []

    def convert(node: yaml.Node, json_path: JsonPath) -> Any:
        parsed.value_marks[json_path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                child = (*json_path, key)
                if key in result:
                    first_line = parsed.key_marks[child][0]
                    problems.append(
                        ContentError(
                            path,
                            *_mark(key_node),
                            f"duplicate key '{key}' (first written on line {first_line}); "
                            "expected each key once",
                        )
                    )
                    continue
                parsed.key_marks[child] = _mark(key_node)
                result[key] = convert(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*json_path, index)) for index, item in enumerate(node.value)]
        return loader.construct_object(node, deep=True)

    parsed.data = None if root is None else convert(root, ())
    return parsed, problems


def _compose(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.SafeLoader, Any]:
    """The document's root node, and the loader that can construct values from its nodes."""
    loader = loader_class(text)
    try:
        return loader, loader.get_single_node()
    finally:
        loader.dispose()


def _syntax_error(path: Path, exc: yaml.YAMLError) -> ContentError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "not valid YAML"
        return ContentError(path, line, column, f"YAML syntax: {problem}")
    return ContentError(path, 1, 1, f"YAML syntax: {exc}")
