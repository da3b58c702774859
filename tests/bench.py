"""Plan builder timings in Chromium, for `make bench`: ``python -m tests.bench [--site DIR]``.

A benchmark, not a test: it prints figures and asserts nothing. In one Chromium run, against the
built site (``site/``, from `make build`) served under the project sub-path:

1. Start-up. The time from opening the plan builder page to its engine being ready, against a
   bare Pyodide boot of the same files (a module worker that only calls ``loadPyodide``, served
   from the same origin), each from a fresh browser context (nothing cached) and again on a
   reload (browser cache warm). The ratio is what the page, the engine wheel and importing the
   engine add to Pyodide's own start.
2. Plan. On one page, the time from pressing "Build my plan" to the plan on screen (the next
   frame after it is in the page), over repeated submits: median and 95th percentile.

Both are measured inside the page with ``performance.now()``, so Playwright's own messaging is
not counted.
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from tests.bench_publish import publish_bench
from tests.browser.conftest import CHROMIUM, QUIET_FLAGS
from tests.browser.questionnaire import TYPICAL_ANSWERS, fill_answers
from tests.support.server import serve

REPO = Path(__file__).resolve().parents[1]
BOOT_RUNS = 5
SUBMITS = 40
TIMEOUT_MS = 120_000

# Records when the builder's status first says the engine is ready (plan-builder.mjs sets
# data-state on it), in the page's own clock, which starts when navigation starts.
WATCH_READY = """
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-engine-status][data-state="ready"]')) {
    window.__engineReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true, attributes: true });
"""

BARE_PAGE = """<!doctype html><html lang="en"><title>Bare Pyodide boot</title>
<script type="module" src="bare.mjs"></script></html>"""
BARE_PAGE_SCRIPT = """
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = () => { window.__engineReadyAt = performance.now(); };
"""
BARE_WORKER = """
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href });
postMessage("ready");
"""
BARE_FILES = {
    "bare.html": ("text/html", BARE_PAGE),
    "bare.mjs": ("text/javascript", BARE_PAGE_SCRIPT),
    "bare-worker.mjs": ("text/javascript", BARE_WORKER),
}

# Press the button and resolve with the milliseconds until the plan is on screen.
SUBMIT_AND_TIME = """() => new Promise((resolve) => {
  const result = document.querySelector("[data-plan-result]");
  const body = result.querySelector("[data-plan-body]");
  const button = document.querySelector("[data-plan-form] [type=submit]");
  const observer = new MutationObserver(() => {
    if (!result.hidden && body.querySelector("h2")) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(result, { subtree: true, childList: true, attributes: true });
  const start = performance.now();
  button.click();
})"""


@dataclass
class BootTimes:
    cold: list[float]
    warm: list[float]


def serve_bare_boot(context: BrowserContext, root_url: str) -> str:
    """Answer the bare boot's three files from memory, at the site's own origin."""
    base = root_url + "__bench__/"

    def answer(route: Route) -> None:
        name = route.request.url.removeprefix(base)
        content_type, body = BARE_FILES[name]
        route.fulfill(status=200, content_type=content_type, body=body)

    context.route(base + "*", answer)
    return base + "bare.html"


def time_to_ready(page: Page, url: str) -> tuple[float, float]:
    """Milliseconds from navigation start to ready: opened fresh, then reloaded."""
    times = []
    for load in (lambda: page.goto(url), page.reload):
        load()
        page.wait_for_function("window.__engineReadyAt !== undefined", timeout=TIMEOUT_MS)
        times.append(float(page.evaluate("window.__engineReadyAt")))
    return times[0], times[1]


def measure_boots(
    browser: Browser, root_url: str, runs: int = BOOT_RUNS
) -> tuple[BootTimes, BootTimes]:
    builder, bare = BootTimes([], []), BootTimes([], [])
    for _ in range(runs):  # alternating, so both meet the same machine conditions
        for times, open_page in ((builder, _builder_page), (bare, _bare_page)):
            context = browser.new_context(bypass_csp=True)  # Playwright polls with eval
            try:
                page, url = open_page(context, root_url)
                cold, warm = time_to_ready(page, url)
                times.cold.append(cold)
                times.warm.append(warm)
            finally:
                context.close()
    return builder, bare


def _builder_page(context: BrowserContext, root_url: str) -> tuple[Page, str]:
    context.add_init_script(WATCH_READY)
    return context.new_page(), root_url + "plan/"


def _bare_page(context: BrowserContext, root_url: str) -> tuple[Page, str]:
    url = serve_bare_boot(context, root_url)
    return context.new_page(), url


def measure_submits(browser: Browser, root_url: str, submits: int = SUBMITS) -> list[float]:
    context = browser.new_context(bypass_csp=True)  # Playwright polls with eval
    try:
        context.add_init_script(WATCH_READY)
        page = context.new_page()
        page.goto(root_url + "plan/")
        page.wait_for_function("window.__engineReadyAt !== undefined", timeout=TIMEOUT_MS)
        fill_answers(page, TYPICAL_ANSWERS)
        change = page.get_by_role("button", name="Change answers")
        minutes = page.get_by_label("How many minutes")
        times = []
        for submit in range(submits):
            if submit:
                change.click()
                minutes.fill(str(10 + submit % 40))  # a different plan each time
            times.append(float(page.evaluate(SUBMIT_AND_TIME)))
        return times
    finally:
        context.close()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def report(
    version: str, builder: BootTimes, bare: BootTimes, submits: list[float], out: Callable
) -> None:
    median = statistics.median
    out(f"Plan builder benchmark, Chromium {version}")
    runs = len(builder.cold)
    out(f"{runs} start-ups of each page and {len(submits)} submits; milliseconds by the page's")
    out("own clock, medians unless marked.")
    out("")
    out(f"{'page open -> engine ready':34} {'plan builder':>13} {'bare Pyodide':>13} {'ratio':>6}")
    for name, ours, theirs in (("cold (fresh context)", builder.cold, bare.cold),
                               ("warm (reload, cached)", builder.warm, bare.warm)):  # fmt: skip
        ratio = median(ours) / median(theirs)
        out(f"  {name:32} {median(ours):13.0f} {median(theirs):13.0f} {ratio:6.2f}")
    out("")
    out(f"{'button -> plan on screen':34} {'median':>13} {'p95':>13}")
    out(f"  {'':32} {median(submits):13.1f} {percentile(submits, 0.95):13.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="a built site")
    args = parser.parse_args(argv)
    if not (args.site / "plan" / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run `make build` first")
    with serve(args.site) as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
        try:
            builder, bare = measure_boots(browser, site.root_url)
            submits = measure_submits(browser, site.root_url)
            report(browser.version, builder, bare, submits, print)
        finally:
            browser.close()
    print()
    publish_bench()  # build time and bytes per page kind, first and repeat visit
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
