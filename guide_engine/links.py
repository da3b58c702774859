"""Links from a plan step to the guide page that explains it.

The plan builder page lives at ``<site>/plan/`` and every other page at ``<site>/<id>/`` (the
home page at the site root), so relative links work under any GitHub Pages sub-path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def guide_href(page: str, anchor: str | None = None) -> str:
    base = "../" if page == "home" else f"../{page}/"
    return f"{base}#{anchor}" if anchor else base


def why(source: Mapping[str, Any]) -> dict[str, Any]:
    """A step's reason with its link, as the plan result carries it."""
    anchor = source.get("anchor")
    return {
        "text": source["text"],
        "link_text": source["link_text"],
        "page": source["page"],
        "anchor": anchor,
        "href": guide_href(source["page"], anchor),
    }
