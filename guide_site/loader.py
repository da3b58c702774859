"""Load every content file, check it against the schema its modeline names, and link the files.

The ``# yaml-language-server: $schema=...`` line at the top of each file is the one place that
says which schema applies, so editors and the build can never disagree about it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guide_site.errors import ContentError, ContentErrors
from guide_site.readability import check_pages
from guide_site.schema_check import IdIndex, check_against_schema, load_schema
from guide_site.yaml_source import ParsedYaml, parse_yaml

Content = dict[str, Any]
"""Loaded content: the file's path below content/ without ``.yml`` (``"pages/history"``) -> data."""

_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<schema>\S+)\s*$", re.MULTILINE)


def content_files(content_dir: Path) -> list[Path]:
    """Every YAML content file, in a stable order."""
    return sorted(path for path in content_dir.rglob("*.yml") if "schemas" not in path.parts)


def content_key(content_dir: Path, path: Path) -> str:
    return path.relative_to(content_dir).with_suffix("").as_posix()


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


def load_content(content_dir: Path, *, shown_relative_to: Path | None = None) -> Content:
    """Load and validate all content, or raise ContentErrors listing every problem found.

    Paths in messages are shown relative to ``shown_relative_to`` (default: the working
    directory when possible) so they can be clicked in a terminal or editor.
    """
    base = shown_relative_to or Path.cwd()
    problems: list[ContentError] = []
    documents: list[tuple[str, ParsedYaml, dict[str, Any]]] = []
    unparsed = False
    for path in content_files(content_dir):
        shown = _shown(path, base)
        text = path.read_text(encoding="utf-8")
        schema_path, schema_problems = _schema_for(path, text, shown)
        parsed, parse_problems = parse_yaml(text, shown)
        problems += schema_problems + parse_problems
        if parsed.data is None and parse_problems:
            unparsed = True
        elif schema_path is not None:
            documents.append((content_key(content_dir, path), parsed, load_schema(schema_path)))

    index = IdIndex(complete=not unparsed)
    for _key, parsed, schema in documents:  # first pass: learn every id before checking refs
        problems += check_against_schema(parsed, schema, index, collect=True)
    for _key, parsed, schema in documents:
        problems += check_against_schema(parsed, schema, index, collect=False)
    problems += check_pages({key: parsed for key, parsed, _schema in documents})
    if problems:
        raise ContentErrors(problems)
    return {key: parsed.data for key, parsed, _schema in documents}


def _shown(path: Path, base: Path) -> Path:
    try:
        return path.resolve().relative_to(base.resolve())
    except ValueError:
        return path
