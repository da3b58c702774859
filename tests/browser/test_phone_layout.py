"""On a 360 px phone nothing scrolls sideways, and the comparison table becomes one card per aid."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from guide_site.render import page_src_uri
from tests.support.content import CONTENT
from tests.support.server import ServedSite

NAV = CONTENT["site"]["nav"]

# Elements of the page body that stick out past the right edge of the screen.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-content *')]
    .filter(element => element.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(element => `${element.tagName.toLowerCase()}.${element.className}`);
}"""


def open_page(browser: Browser, url: str, width: int) -> Page:
    page = browser.new_context(viewport={"width": width, "height": 740}).new_page()
    page.goto(url)
    return page


def url(site: ServedSite, page_id: str) -> str:
    uri = page_src_uri(page_id)
    return site.root_url + ("" if uri == "index.md" else uri.removesuffix(".md") + "/")


@pytest.mark.parametrize("page_id", NAV)
def test_nothing_scrolls_sideways_on_a_phone(
    browser: Browser, served_site: ServedSite, page_id: str
) -> None:
    page = open_page(browser, url(served_site, page_id), 360)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.evaluate(OVERFLOWING) == []
    finally:
        page.context.close()


@pytest.mark.parametrize(("width", "display"), [(360, "block"), (1600, "table-row")])
def test_the_comparison_rows_stack_into_cards_on_narrow_screens(
    browser: Browser, served_site: ServedSite, width: int, display: str
) -> None:
    page = open_page(browser, url(served_site, "comparison"), width)
    try:
        row = page.locator("table.comparison-table tbody tr").first
        assert row.evaluate("row => getComputedStyle(row).display") == display
        label = row.locator("td").first.evaluate(
            "cell => getComputedStyle(cell, '::before').content"
        )
        assert label == ('"Effectiveness and evidence"' if display == "block" else "none")
    finally:
        page.context.close()
