"""Everything the build checks, in one pipeline that collects every problem before it stops.

Like MkDocs' ``Config.validate()``: each file against its schema, then the checks across files
(one pass for every reference, what the engine needs, plain English), then what only running
shows (the example plans through the engine, every page through its template). A stage runs
only on content the stages before it passed, so one mistake gives one line, not a cascade.
``guide_site check``, ``mkdocs build`` and ``mkdocs serve`` all run this, so they report the
same lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide_site.diary_checks import diary_problems
from guide_site.engine_checks import engine_problems
from guide_site.engine_data import EngineData, build_engine_data
from guide_site.errors import ContentError, ContentErrors
from guide_site.examples import example_problems
from guide_site.loader import Content, ContentFiles, read_content
from guide_site.readability import check_pages
from guide_site.render import RenderedPage, RenderError, render_pages


@dataclass(frozen=True)
class CheckedContent:
    """Content that passed every check, with what the build makes of it."""

    content: Content
    engine_data: EngineData
    pages: list[RenderedPage]
    warnings: list[ContentError]
    """Problems a build only warns about (a page left out of the nav); strict builds stop."""


def check_content(content_dir: Path, *, shown_relative_to: Path | None = None) -> CheckedContent:
    """Check all content as the build does; raise ContentErrors listing every problem."""
    files = read_content(content_dir, shown_relative_to=shown_relative_to)
    each_file_valid = not files.errors
    files.link()
    files.errors += _page_file_names(files)
    if each_file_valid:  # these read content plainly, so they need every file to fit its schema
        files.errors += engine_problems(files)
        files.errors += diary_problems(files)
        files.errors += check_pages({key: doc.parsed for key, doc in files.documents.items()})
    _stop_on_errors(files)
    engine_data = build_engine_data(files.content)
    files.errors += example_problems(files, engine_data)
    _stop_on_errors(files)
    try:
        pages = render_pages(files.content, engine_data)
    except RenderError as problem:
        files.errors.append(files.error(problem.page_key, ("template",), str(problem)))
        pages = []
    _stop_on_errors(files)
    return CheckedContent(files.content, engine_data, pages, sorted(set(files.warnings)))


def _stop_on_errors(files: ContentFiles) -> None:
    if files.errors:
        raise ContentErrors(files.errors, files.warnings)


def _page_file_names(files: ContentFiles) -> list[ContentError]:
    """A page's address is its id; its file carries the same name, so editors find it."""
    return [
        files.error(
            key,
            ("id",),
            f"page id '{document.parsed.data['id']}' differs from its "
            f"file name; expected '{key.removeprefix('pages/')}' (or rename the file)",
        )
        for key, document in files.documents.items()
        if key.startswith("pages/")
        and isinstance(document.parsed.data, dict)
        and isinstance(document.parsed.data.get("id"), str)
        and document.parsed.data["id"] != key.removeprefix("pages/")
    ]
