"""The site's benchmark, for `make bench`.

``python -m tests.bench [--rounds N] [--no-lighthouse] [--lighthouse-runs N]``

A benchmark, not a test: it prints figures and asserts nothing. In one run, against one build of
the site, served under the project sub-path the way GitHub Pages serves it (gzip, ten-minute
cache headers; tests/support/pages_server.py):

1. Start-up (tests/bench_startup.py): page open -> engine ready, the plan builder against a bare
   ``loadPyodide`` of the stock Pyodide files, interleaved, on first and repeat visits (browser
   profiles on disk), on the local network and on a throttled mobile one (DevTools' Fast 4G
   figures, applied by the server so that workers and the service worker are slowed down too).
   Ratios below 1 mean the plan builder is ready sooner than Pyodide alone boots.
2. Plan: on one page, the time from pressing "Build my plan" to the plan on screen (the next
   frame after it is in the page), over repeated submits: median and 95th percentile.
   Diary: the same for a morning check-in saved on the diary page to the updated report on
   screen, with a diary of 28 and of 365 nights already kept in the browser.
3. Bytes (tests/bench_publish.py): each kind of page's first and repeat visit, raw, gzip as
   served, and brotli; and the build's time.
4. Lighthouse mobile performance of every page, with its LCP and TBT
   (tests/bench_lighthouse.py).
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.bench_lighthouse import RUNS as LIGHTHOUSE_RUNS
from tests.bench_lighthouse import report_scores, score_pages
from tests.bench_publish import build_site, measure_visits, report_visits
from tests.bench_startup import WATCH_READY, bench_mounts, measure_startups, report_startups
from tests.browser.conftest import CHROMIUM, QUIET_FLAGS
from tests.browser.diary import nights_of_a_fair_test, seed_storage
from tests.browser.questionnaire import TYPICAL_ANSWERS, fill_answers
from tests.publish.crawl import BuiltSite
from tests.support.pages_server import FAST_4G, serve_like_pages
from tests.support.server import SUB_PATH, ServedSite, free_port

MORNING_FIELDS = (
    "night",
    "tried_to_sleep",
    "sol_minutes",
    "awakenings",
    "waso_minutes",
    "final_awakening",
    "out_of_bed",
    "sleep_quality",
)
ROUNDS = 5
SUBMITS = 40
TIMEOUT_MS = 120_000

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


DIARY_NIGHTS = (28, 365)
DIARY_SAVES = 30

# Fill in the morning check-in with `entry` (sleep onset changed each time, so each save changes
# the report), press its button, and resolve with the milliseconds until the new report is on
# screen (the next frame after the engine's report replaces the old one).
SAVE_MORNING_AND_TIME = """([entry, sol]) => new Promise((resolve) => {
  const report = document.querySelector("[data-diary-report]");
  const form = document.querySelector('[data-check-in="morning"]');
  for (const [name, value] of Object.entries({ ...entry, sol_minutes: String(sol) })) {
    for (const input of form.querySelectorAll(`[name="${name}"]`)) {
      if (input.type === "radio") input.checked = input.value === value;
      else input.value = value;
    }
  }
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(report, { childList: true });
  const start = performance.now();
  form.querySelector("[type=submit]").click();
})"""


def measure_diary_saves(
    browser: Browser, root_url: str, nights: int, saves: int = DIARY_SAVES
) -> list[float]:
    """Check-in -> updated report, with ``nights`` nights already in the diary."""
    start = date.today() - timedelta(days=nights)
    answers = {**TYPICAL_ANSWERS, "start_date": start.isoformat(), "plan_kind": "fair_test"}
    answers["fair_test_seed"] = "4242"
    entries = nights_of_a_fair_test(answers, count=nights)
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        seed_storage(page, ServedSite(root_url=root_url), answers, entries)
        page.goto(root_url + "diary/")
        page.wait_for_function(
            f"document.querySelector('[data-diary-report]')?.dataset.nights === '{nights}'",
            timeout=TIMEOUT_MS,
        )
        last = {key: value for key, value in entries[-1].items() if key in MORNING_FIELDS}
        return [
            float(page.evaluate(SAVE_MORNING_AND_TIME, [last, 10 + save % 10]))
            for save in range(saves)
        ]
    finally:
        context.close()


def report_diary_saves(
    results: list[tuple[int, list[float]]], out: Callable[[str], object]
) -> None:
    out(f"{'diary check-in -> report on screen':44} {'median':>12} {'p95':>11}")
    for nights, times in results:
        label = f"{nights} nights, {len(times)} saves, ms"
        median, p95 = statistics.median(times), percentile(times, 0.95)
        out(f"  {label:42} {median:12.1f} {p95:11.1f}")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def report_submits(submits: list[float], out: Callable[[str], object]) -> None:
    out(f"{'button -> plan on screen':44} {'median':>12} {'p95':>11}")
    median = statistics.median(submits)
    out(f"  {len(submits)} submits, ms{'':31} {median:12.1f} {percentile(submits, 0.95):11.1f}")


def site_routes(site_dir: Path) -> list[str]:
    """Every page of the site (the 404 page aside), home first."""
    pages = BuiltSite(site_dir).pages
    routes = [page.removesuffix("index.html") for page in pages if page != "404.html"]
    return sorted(routes, key=lambda route: (route != "", route))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="start-ups of each page")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=LIGHTHOUSE_RUNS, help="Lighthouse runs of each page"
    )
    args = parser.parse_args(argv)
    out = print
    port = free_port()
    with (
        tempfile.TemporaryDirectory(prefix="bench-site-") as site_folder,
        tempfile.TemporaryDirectory(prefix="bench-bare-") as bare_folder,
    ):
        site_dir = Path(site_folder)
        build_seconds = build_site(site_dir, f"http://127.0.0.1:{port}{SUB_PATH}")
        mounts = bench_mounts(Path(bare_folder))
        with serve_like_pages(site_dir, port, mounts=mounts) as site, sync_playwright() as pw:
            startups = []
            for link in (None, FAST_4G):
                site.throttle = link
                builder, bare = measure_startups(pw.chromium, site.root_url, args.rounds)
                startups.append((link.name if link else "local network", builder, bare))
            site.throttle = None
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
            try:
                submits = measure_submits(browser, site.root_url)
                diary = [(n, measure_diary_saves(browser, site.root_url, n)) for n in DIARY_NIGHTS]
                version = browser.version
            finally:
                browser.close()
            visits = measure_visits(pw.chromium, site)
            scores = (
                None
                if args.no_lighthouse
                else score_pages(site.root_url, site_routes(site_dir), args.lighthouse_runs)
            )
    out(f"Benchmark, Chromium {version}; {args.rounds} rounds of start-ups, medians in ms")
    out("")
    report_startups(startups, out)
    out("")
    report_submits(submits, out)
    report_diary_saves(diary, out)
    out("")
    report_visits(build_seconds, visits, out)
    if scores:
        out("")
        report_scores(scores, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
