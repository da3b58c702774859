"""The foundation's riskiest path: our engine, in self-hosted Pyodide, in a worker, in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.questionnaire import TYPICAL_ANSWERS, fill_answers
from tests.support.server import ServedSite

READY = "The plan builder is ready"


@pytest.mark.pyodide
def test_the_engine_answers_in_the_browser_with_no_other_host(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(served_site.root_url + "plan/")
    status = page.get_by_role("status").filter(has_text="plan builder")
    expect(status).to_contain_text(READY, timeout=60_000)

    fill_answers(page, TYPICAL_ANSWERS)
    page.get_by_role("button", name="Build my plan").click()

    plan = page.locator("[data-plan-result]")
    expect(plan.get_by_text("Week 1", exact=False).first).to_be_visible(timeout=20_000)
    origin = served_site.root_url.split("/acupressure-guide/")[0]
    assert page.requests_seen, "no requests recorded"  # type: ignore[attr-defined]
    assert all(url.startswith(served_site.root_url) for url in page.requests_seen), [  # type: ignore[attr-defined]
        url
        for url in page.requests_seen
        if not url.startswith(origin)  # type: ignore[attr-defined]
    ]
    assert any(url.endswith(".whl") for url in page.requests_seen)  # type: ignore[attr-defined]


@pytest.mark.pyodide
def test_the_worker_starts_once_across_instant_navigation(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(served_site.root_url + "plan/")
    expect(page.get_by_role("status").filter(has_text="plan builder")).to_contain_text(
        READY, timeout=60_000
    )
    page.get_by_role("navigation", name="Navigation").get_by_role("link").first.click()
    page.wait_for_url(served_site.root_url)
    page.go_back()
    page.wait_for_url("**/plan/")
    # Back on the page, the running engine is reused: ready at once, no second boot.
    expect(page.get_by_role("status").filter(has_text="plan builder")).to_contain_text(READY)
    wasm_loads = [url for url in page.requests_seen if url.endswith("pyodide.asm.wasm")]  # type: ignore[attr-defined]
    assert len(wasm_loads) == 1
