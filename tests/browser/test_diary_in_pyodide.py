"""The diary page with the site's real engine in Pyodide, and its service worker: a night
logged and reported, no request that carries the diary, and the page working offline after
one visit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.builder import off_origin
from tests.browser.diary import (
    FAIR_TEST_ANSWERS,
    engine_result,
    expect_nights_in_report,
    log_evening,
    log_morning,
    nights_of_a_fair_test,
    open_diary,
    report,
    seed_storage,
)
from tests.browser.test_publish import wait_for_the_offline_copy
from tests.support.server import SUB_PATH, ServedSite

# A real Pyodide boot, from the network or from the offline copy: slow on a loaded machine.
BOOT_MS = 60_000


@pytest.mark.long
@pytest.mark.pyodide
def test_the_diary_runs_on_the_real_engine_and_offline_after_one_visit(
    page: Page, served_site: ServedSite
) -> None:
    sent: list[tuple[str, str, str | None]] = []
    page.on("request", lambda r: sent.append((r.method, r.url, r.post_data)))
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, None)
    open_diary(page, served_site)
    first, second = nights_of_a_fair_test(FAIR_TEST_ANSWERS, count=2)
    log_evening(page, first)
    log_morning(page, first)
    expect_nights_in_report(page, 1, timeout=BOOT_MS)
    expected = engine_result(FAIR_TEST_ANSWERS, [first])
    expect(report(page)).to_contain_text(expected["report"]["comparison"]["text"])

    # The page asks the service worker to keep the engine once it has started.
    wait_for_the_offline_copy(page)
    expect(page.locator("html")).to_have_attribute(
        "data-offline-ready", re.compile(r"^[0-9a-f]{16}$"), timeout=30_000
    )
    page.context.set_offline(True)
    served_site.blocked.add("")
    offline = len(served_site.requests)
    page.reload()
    expect_nights_in_report(page, 1, timeout=BOOT_MS)
    log_evening(page, second)
    expect_nights_in_report(page, 2, timeout=BOOT_MS)
    assert set(served_site.requests[offline:]) <= {SUB_PATH + "sw.js"}

    # Nothing was posted anywhere, nothing left the site, and no address carries a night.
    assert [url for method, url, _ in sent if method != "GET"] == []
    assert off_origin([url for _, url, _ in sent], served_site) == []
    assert not [url for _, url, _ in sent if first["night"] in url or second["night"] in url]
