"""One engine per page load: Material's instant navigation never starts a second worker.

(That the real engine boots in Pyodide, answers and calls no other host is in test_publish.py.)
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.builder import READY, engine_status, open_builder
from tests.support.server import SUB_PATH, ServedSite
from tests.support.stand_in_engine import WORKER_PATH


def test_the_worker_starts_once_across_instant_navigation(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    page.get_by_role("navigation", name="Navigation").get_by_role("link").first.click()
    page.wait_for_url(served_site.root_url)
    page.go_back()
    page.wait_for_url("**/plan/")
    # Back on the page, the running engine is reused: ready at once, no second worker.
    expect(engine_status(page)).to_contain_text(READY)
    assert served_site.requests.count(SUB_PATH + WORKER_PATH) == 1
    assert len([w for w in page.workers if w.url.endswith(WORKER_PATH)]) == 1
