"""The content under test (tests/support/content.py), loaded and rendered once per session."""

from __future__ import annotations

from typing import Any

import pytest

from guide_site.loader import Content
from tests.support.content import CHECKED


@pytest.fixture(scope="session")
def content() -> Content:
    return CHECKED.content


@pytest.fixture(scope="session")
def pages(content: Content) -> dict[str, dict[str, Any]]:
    """Every page's data, by page id."""
    return {data["id"]: data for key, data in content.items() if key.startswith("pages/")}


@pytest.fixture(scope="session")
def rendered() -> dict[str, str]:
    """Every page's generated Markdown, by page id."""
    return {page.page_id: page.markdown for page in CHECKED.pages}
