"""Publishing, in Chromium: locked down but working, light articles, offline after one visit.

Every test serves the real build under the project sub-path (tests/support/server.py).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from guide_site.release import finish_release
from tests.browser.builder import READY
from tests.browser.questionnaire import TYPICAL_ANSWERS, WORDING, fill_answers
from tests.publish.crawl import BuiltSite, page_route
from tests.support.server import SUB_PATH, ServedSite, serve

ENGINE_DIR = SUB_PATH + "assets/pyodide/"
# Chromium logs CSP violations as console errors too; this also catches any it might not.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
  ` at ${event.sourceFile}:${event.lineNumber}`));
"""


@pytest.fixture(scope="module")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite(built_site)


def watch_for_problems(page: Page) -> list[str]:
    """Console errors, uncaught exceptions and CSP violations, from now on."""
    problems: list[str] = []
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and problems.append(f"{page.url}: {message.text} ({message.location.get('url')})")
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: uncaught {error}"))
    return problems


def wait_until(check: Callable[[], object], timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what or check}"
        time.sleep(0.1)


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_for_the_offline_copy(page: Page) -> None:
    """Until the service worker controls the page and has kept the release's pages."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_until(lambda: page.evaluate("!!navigator.serviceWorker.controller"), what="controller")


def expect_engine_ready(page: Page) -> None:
    status = page.get_by_role("status").filter(has_text="plan builder")
    expect(status).to_contain_text(READY, timeout=60_000)


def build_a_plan(page: Page) -> None:
    fill_answers(page, TYPICAL_ANSWERS)
    page.get_by_role("button", name="Build my plan").click()
    result = page.locator("[data-plan-result]")
    heading = result.get_by_role("heading", name=WORDING["weeks_heading"])
    expect(heading).to_be_visible(timeout=20_000)


def plan_pages(site: BuiltSite) -> set[str]:
    return {p for p in site.pages if "data-plan-builder" in (site.dir / p).read_text("utf-8")}


def engine_pages(site: BuiltSite) -> set[str]:
    """The pages that start the engine: the plan builder and the diary."""
    marks = ("data-plan-builder", "data-diary")
    return {p for p in site.pages if any(m in (site.dir / p).read_text("utf-8") for m in marks)}


@pytest.mark.long
@pytest.mark.pyodide
def test_every_page_and_the_plan_flow_run_with_no_csp_violation_or_console_error(
    page: Page, served_site: ServedSite, site: BuiltSite
) -> None:
    problems = watch_for_problems(page)
    for name in site.pages:
        page.goto(served_site.root_url + page_route(name))
        expect(page.locator(".md-content h1")).to_be_visible()

    # Material's own scripts at work: search (a worker and a fetch), then instant navigation.
    page.goto(served_site.root_url)
    page.keyboard.press("s")
    page.keyboard.type("sleep", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    page.get_by_role("navigation", name="Navigation").get_by_role("link").nth(1).click()
    page.wait_for_url(re.compile(r".+/.+/$"))
    expect(page.locator(".md-content h1")).to_be_visible()

    # The whole plan flow, and the links the engine puts in the plan.
    (plan,) = plan_pages(site)
    page.goto(served_site.root_url + page_route(plan))
    expect_engine_ready(page)
    build_a_plan(page)
    links = page.locator("[data-plan-result] a[href]").evaluate_all("as => as.map(a => a.href)")
    assert links, "the plan links to nothing"
    for href in links:
        if site.is_internal(href, served_site.root_url):
            served = href.replace(served_site.root_url, site.site_url, 1)
            target = site.file_for(served)
            assert target is not None, href
            anchor = href.partition("#")[2]
            assert not anchor or anchor in site.anchors(target), href
    wait_for_the_offline_copy(page)
    assert not problems, "\n".join(problems)
    # The engine came from the site's own Pyodide folder, and nothing from another host.
    seen = page.requests_seen  # type: ignore[attr-defined]
    assert any(url.startswith(served_site.root_url + "assets/pyodide/") for url in seen)
    assert [url for url in seen if not url.startswith(served_site.root_url)] == []


@pytest.mark.pyodide
def test_article_pages_load_none_of_pyodide(
    page: Page, served_site: ServedSite, site: BuiltSite
) -> None:
    articles = [name for name in site.pages if name not in engine_pages(site)]
    assert len(articles) >= 3
    for name in articles:
        page.goto(served_site.root_url + page_route(name))
    wait_for_the_offline_copy(page)  # the worker's own downloads are in the server's log too
    page.wait_for_load_state("networkidle")
    engine = [path for path in served_site.requests if path.startswith(ENGINE_DIR)]
    assert not engine, engine
    assert not [url for url in page.requests_seen if "/assets/pyodide/" in url]  # type: ignore[attr-defined]
    assert not [w.url for w in page.workers if "engine-worker" in w.url]


@pytest.mark.long
@pytest.mark.pyodide
def test_after_one_visit_the_plan_builder_boots_from_the_copy_and_works_offline(
    page: Page, served_site: ServedSite, site: BuiltSite
) -> None:
    problems = watch_for_problems(page)
    (plan,) = plan_pages(site)
    page.goto(served_site.root_url + page_route(plan))
    expect_engine_ready(page)
    # The page asks the service worker to keep the engine once it has started.
    expect(page.locator("html")).to_have_attribute(
        "data-offline-ready", re.compile(r"^[0-9a-f]{16}$"), timeout=30_000
    )

    # A second visit: the engine comes from the copy, not the server.
    first_visit = len(served_site.requests)
    page.reload()
    expect_engine_ready(page)
    again = [path for path in served_site.requests[first_visit:] if path.startswith(ENGINE_DIR)]
    assert not again, again

    # Offline: the browser has no network, and the server would answer only 404s anyway.
    page.context.set_offline(True)
    served_site.blocked.add("")
    offline = len(served_site.requests)
    page.reload()
    expect_engine_ready(page)
    build_a_plan(page)
    # Any other page too, even by an address with a query string (a static site ignores it).
    page.goto(served_site.root_url + page_route(site.pages[-1]) + "?from=elsewhere")
    expect(page.locator(".md-content h1")).to_be_visible()
    # Only the browser's own update check of sw.js may have tried the server.
    assert set(served_site.requests[offline:]) <= {SUB_PATH + "sw.js"}
    assert not problems, "\n".join(problems)


@pytest.mark.pyodide
def test_a_new_release_replaces_the_old_copy_and_keeps_the_engine(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    site_dir = tmp_path / "site"
    shutil.copytree(built_site, site_dir)
    site = BuiltSite(site_dir)
    (plan,) = plan_pages(site)
    article = next(name for name in site.pages if name.count("/") == 1 and name != plan)
    with serve(site_dir) as served:
        context = browser.new_context()
        page = context.new_page()
        problems = watch_for_problems(page)
        page.goto(served.root_url + page_route(plan))
        expect_engine_ready(page)
        expect(page.locator("html")).to_have_attribute(
            "data-offline-ready", re.compile(".+"), timeout=30_000
        )
        (old,) = cache_names(page)

        # Deploy a new release: one article's text changes, and so the release id.
        page_file = site_dir / article
        html = page_file.read_text(encoding="utf-8")
        page_file.write_text(
            html.replace("</article>", "<p>Updated in release two.</p></article>", 1),
            encoding="utf-8",
        )
        new = finish_release(site_dir)
        assert new and not old.endswith(new)
        deployed = len(served.requests)

        # The next visit shows the new page at once, and the new release replaces the old copy.
        page.goto(served.root_url + page_route(article))
        expect(page.get_by_text("Updated in release two.")).to_be_visible()
        wait_until(lambda: cache_names(page) == [f"guide-release-{new}"], what="the new cache")
        # The unchanged engine moved over to the new copy rather than being downloaded again.
        assert not [path for path in served.requests[deployed:] if path.startswith(ENGINE_DIR)]

        kept = page.evaluate(
            "async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)",
            f"guide-release-{new}",
        )
        engine = {
            served.root_url + name for name in site.files if name.startswith("assets/pyodide/")
        }
        assert {url for url in engine if not url.endswith(".map")} <= set(kept)

        # Offline, the copy is the new release.
        context.set_offline(True)
        page.reload()
        expect(page.get_by_text("Updated in release two.")).to_be_visible()
        context.close()
    assert not problems, "\n".join(problems)


def test_the_404_page_is_styled_at_any_depth(
    browser: Browser, served_site: ServedSite, site: BuiltSite
) -> None:
    """GitHub Pages answers a missing address with 404.html, however deep the address."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    problems = watch_for_problems(page)
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    missing = served_site.root_url + "no/such/page/here/"
    not_found = (site.dir / "404.html").read_bytes()
    page.route(
        missing, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html")
    )
    page.goto(missing)
    expect(page.get_by_role("heading", name=re.compile("404"))).to_be_visible()
    # Material's stylesheet applied: an unstyled header would be position: static.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
    assert failed == [missing]
    assert not [p for p in problems if "404" not in p or missing not in p], problems
    context.close()
