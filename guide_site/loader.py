"""Read every content file, check it against the schema its modeline names, and link the files.

The ``# yaml-language-server: $schema=...`` line at the top of each file is the one place that
says which schema applies, so editors and the build can never disagree about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide_site.cross_refs import CrossReferenceResult, annotate, cross_reference
from guide_site.errors import ContentError, ContentErrors
from guide_site.schema_check import load_schema, schema_problems
from guide_site.yaml_source import JsonPath, ParsedYaml, parse_yaml

Content = dict[str, Any]
"""Loaded content: the file's path below content/ without ``.yml`` (``"pages/history"``) -> data."""

_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<schema>\S+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """One content file: where it is shown, what it holds (with positions), and its schema."""

    parsed: ParsedYaml
    schema: dict[str, Any]


@dataclass
class ContentFiles:
    """Every content file read and checked against its schema, with the problems found so far."""

    documents: dict[str, Document] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    complete: bool = True
    """False when a file could not be parsed: its ids are unknown, so links are not judged."""

    @property
    def content(self) -> Content:
        return {key: document.parsed.data for key, document in self.documents.items()}

    def error(
        self, key: str, json_path: JsonPath, message: str, *, at_key: bool = False
    ) -> ContentError:
        """A problem at a place in the file ``key`` (``"plan"``, ``"pages/routine"``)."""
        return self.documents[key].parsed.error(json_path, message, key=at_key)

    def link(self) -> CrossReferenceResult | None:
        """Resolve every x-id/x-ref across the files, adding the problems; None if incomplete."""
        if not self.complete:
            return None
        result = cross_reference(
            [annotate(document.parsed, document.schema) for document in self.documents.values()]
        )
        self.errors += result.errors
        self.warnings += result.warnings
        return result


def content_files(content_dir: Path) -> list[Path]:
    """Every YAML content file, in a stable order."""
    return sorted(path for path in content_dir.rglob("*.yml") if "schemas" not in path.parts)


def content_key(content_dir: Path, path: Path) -> str:
    return path.relative_to(content_dir).with_suffix("").as_posix()


def read_content(content_dir: Path, *, shown_relative_to: Path | None = None) -> ContentFiles:
    """Parse every file and check it against its own schema (links between files come later).

    Paths in messages are shown relative to ``shown_relative_to`` (default: the working
    directory when possible) so they can be clicked in a terminal or editor.
    """
    base = shown_relative_to or Path.cwd()
    files = ContentFiles()
    if not content_dir.is_dir():
        files.errors.append(ContentError(content_dir, 1, 1, "no content folder here"))
        files.complete = False
        return files
    for path in content_files(content_dir):
        shown = _shown(path, base)
        text = path.read_text(encoding="utf-8")
        schema_path, schema_errors = _schema_for(path, text, shown)
        parsed, parse_errors = parse_yaml(text, shown)
        files.errors += schema_errors + parse_errors
        if schema_path is None or (parsed.data is None and parse_errors):
            files.complete = False
        else:
            schema = load_schema(schema_path)
            files.errors += schema_problems(parsed, schema)
            files.documents[content_key(content_dir, path)] = Document(parsed, schema)
    return files


def load_content(content_dir: Path, *, shown_relative_to: Path | None = None) -> Content:
    """Every file parsed, checked against its schema and linked, or ContentErrors naming all."""
    files = read_content(content_dir, shown_relative_to=shown_relative_to)
    files.link()
    if files.errors:
        raise ContentErrors(files.errors)
    return files.content


def _schema_for(path: Path, text: str, shown: Path) -> tuple[Path | None, list[ContentError]]:
    match = _MODELINE.search(text)
    if match is None:
        return None, [
            ContentError(
                shown,
                1,
                1,
                "no schema named; expected a first line like "
                "'# yaml-language-server: $schema=schemas/page.schema.json'",
            )
        ]
    schema_path = (path.parent / match["schema"]).resolve()
    if not schema_path.is_file():
        line = text[: match.start()].count("\n") + 1
        return None, [
            ContentError(
                shown,
                line,
                match.start("schema") - match.start() + 1,
                f"schema file '{match['schema']}' does not exist",
            )
        ]
    return schema_path, []


def _shown(path: Path, base: Path) -> Path:
    try:
        return path.resolve().relative_to(base.resolve())
    except ValueError:
        return path
