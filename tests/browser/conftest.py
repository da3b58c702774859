"""Debian's Chromium driven by Python Playwright (Playwright cannot download browsers here).

Every test here that opens a browser is marked ``browser`` (so `make test-fast` can leave them
out). Most run the page against the stand-in engine (tests/support/stand_in_engine.py), which
answers in milliseconds; tests marked ``pyodide`` get the site's real engine in Pyodide, for what
only Pyodide can show: that it boots, fails cleanly, works offline, and carries a plan end to end.

Those stand-in tests also get a search index of no pages: Material builds its index in a worker
on every page load, a fifth of a page load's processor time here (0.1 s of 0.55 s, measured).
Tests that search are marked ``search`` (or ``pyodide``) and get the site's own index.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.server import SEARCH_INDEX_PATH, ServedSite, serve
from tests.support.stand_in_engine import StandInEngine

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's full Chromium: what Lighthouse and the benchmark measure, as a person's browser."""
HEADLESS_CHROMIUM = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"
"""Debian's headless build of the same Chromium (same Blink, V8 and DevTools protocol, no
browser window code), which Playwright itself runs for headless tests: the browser tests use it.
Measured here on 62 browser tests: 164 s against 255 s with the full browser in headless mode."""
# Without these, Chromium keeps calling Google's hosts, which this network refuses.
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_BROWSER = "GUIDE_TESTS_WITHOUT_BROWSER"
"""Set by `make test-fast`: launching a browser is then a mistake in the test selection."""

NewContext = Callable[..., BrowserContext]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the browser, wherever it is, so `-m "not browser"` skips it."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def uses_real_engine(request: pytest.FixtureRequest) -> bool:
    return request.node.get_closest_marker("pyodide") is not None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if os.environ.get(NO_BROWSER):
        pytest.fail(f"{NO_BROWSER} is set, yet a test asked for the browser: mark it `browser`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=HEADLESS_CHROMIUM, args=QUIET_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def stand_in_engine(built_site: Path) -> StandInEngine:
    return StandInEngine(built_site)


@pytest.fixture(scope="session")
def search_index_of_no_pages(built_site: Path) -> bytes:
    """The built site's search index with its settings and without its pages."""
    index = json.loads((built_site / SEARCH_INDEX_PATH).read_text(encoding="utf-8"))
    return json.dumps({**index, "docs": []}).encode()


@pytest.fixture
def served_site(
    request: pytest.FixtureRequest,
    built_site: Path,
    site_port: int,
    stand_in_engine: StandInEngine,
    search_index_of_no_pages: bytes,
) -> Iterator[ServedSite]:
    """The built site; with the stand-in engine and a search index of no pages, unless the
    test is marked ``pyodide`` (or, for the search index, ``search``)."""
    real_engine = uses_real_engine(request)
    searches = real_engine or request.node.get_closest_marker("search") is not None
    with serve(
        built_site,
        port=site_port,
        engine=None if real_engine else stand_in_engine,
        search_index=None if searches else search_index_of_no_pages,
    ) as site:
        yield site


@pytest.fixture
def new_context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[NewContext]:
    """Open browser contexts for this test; all are closed after it.

    With the stand-in engine, service workers are blocked: the site's worker would keep (and
    check against the release manifest) files that the stand-in replaces.
    """
    opened: list[BrowserContext] = []
    # en-US: date fields then take month, day, year, as questionnaire.type_date types them.
    defaults: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "en-US"}
    if not uses_real_engine(request):
        defaults["service_workers"] = "block"

    def open_context(**options: Any) -> BrowserContext:
        context = browser.new_context(**{**defaults, **options})
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context: NewContext, served_site: ServedSite) -> Page:
    """A fresh page; every request it makes is recorded for the off-origin checks."""
    opened = new_context().new_page()
    opened.requests_seen = []  # type: ignore[attr-defined]
    opened.on("request", lambda request: opened.requests_seen.append(request.url))  # type: ignore[attr-defined]
    return opened
