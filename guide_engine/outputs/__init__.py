"""The plan as JSON, Markdown text, an HTML fragment or an iCalendar file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.outputs.diary_html import render_diary_html
from guide_engine.outputs.diary_text import render_diary_text
from guide_engine.outputs.html_fragment import render_html
from guide_engine.outputs.icalendar_file import CalendarUnavailable, render_ics
from guide_engine.outputs.json_text import render_json
from guide_engine.outputs.markdown_text import render_text

FORMATS = ("json", "text", "html", "ics")
DIARY_FORMATS = ("json", "text", "html")

__all__ = [
    "DIARY_FORMATS",
    "FORMATS",
    "CalendarUnavailable",
    "render",
    "render_diary",
    "render_diary_html",
    "render_diary_text",
    "render_html",
    "render_ics",
    "render_json",
    "render_text",
]


def render(
    plan: Mapping[str, Any], output_format: str, *, data: Mapping[str, Any] | None = None
) -> str:
    """The plan in one of FORMATS; ``data`` as for build_plan."""
    if output_format == "json":
        return render_json(plan)
    if output_format == "text":
        return render_text(plan, data=data)
    if output_format == "html":
        return render_html(plan, data=data)
    if output_format == "ics":
        return render_ics(plan, data=data)
    raise ValueError(f"unknown format {output_format!r}; expected one of: {', '.join(FORMATS)}")


def render_diary(
    report: Mapping[str, Any], output_format: str, *, data: Mapping[str, Any] | None = None
) -> str:
    """The diary report in one of DIARY_FORMATS; ``data`` as for diary_report."""
    if output_format == "json":
        return render_json(report)
    if output_format == "text":
        return render_diary_text(report, data=data)
    if output_format == "html":
        return render_diary_html(report, data=data)
    raise ValueError(
        f"unknown format {output_format!r}; expected one of: {', '.join(DIARY_FORMATS)}"
    )
