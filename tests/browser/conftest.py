"""Debian's Chromium driven by Python Playwright (Playwright cannot download browsers here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support.server import ServedSite

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, served_site: ServedSite) -> Iterator[Page]:
    """A fresh page; every request it makes is recorded for the off-origin checks."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requests_seen = []  # type: ignore[attr-defined]
    opened.on("request", lambda request: opened.requests_seen.append(request.url))  # type: ignore[attr-defined]
    yield opened
    context.close()
