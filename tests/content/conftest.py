"""The real content, loaded and rendered once per session for the content tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide_site.loader import Content, load_content
from guide_site.render import render_pages

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(REPO / "content", shown_relative_to=REPO)


@pytest.fixture(scope="session")
def pages(content: Content) -> dict[str, dict[str, Any]]:
    """Every page's data, by page id."""
    return {data["id"]: data for key, data in content.items() if key.startswith("pages/")}


@pytest.fixture(scope="session")
def rendered(content: Content) -> dict[str, str]:
    """Every page's generated Markdown, by page id."""
    return {page.page_id: page.markdown for page in render_pages(content)}
