"""Lighthouse mobile performance of every page, for `make bench`.

Lighthouse (the pinned npm package) runs Debian's Chromium on each page of the built site, served
as GitHub Pages serves it (gzip), with its default mobile settings: a phone's screen, a simulated
slow 4G network and a slowed-down CPU. A first visit: each run starts from an empty profile.

The CPU slowdown is calibrated the way Lighthouse's documentation (docs/throttling.md) says to:
its default 4x turns a high-end desktop into a mid-tier phone, so on a slower machine it
emulates a much slower phone than intended (Lighthouse then warns "The tested device appears to
have a slower CPU than Lighthouse expects"). Each run measures the machine's speed (its
benchmark index) as it starts; the slowdown that targets a mid-tier phone at that speed comes
from the documentation's table, and a run made at another slowdown than its own index calls for
is made again at the right one (this shared machine's speed changes from minute to minute). The
report prints each page's index and slowdown, and one page at the default 4x for comparison.

One run of a page varies by several points here (Lighthouse's docs/variability.md: "run
Lighthouse multiple times"), so each page is run several times and its median run, chosen by
Lighthouse's own rule (core/lib/median-run.js), is the one reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.browser.conftest import CHROMIUM

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
MEDIAN_RUN = Path(__file__).with_name("lighthouse_median.mjs")
RUNS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
TIMEOUT_S = 240


@dataclass(frozen=True)
class PageScore:
    route: str
    score: int
    lcp_ms: float
    tbt_ms: float
    benchmark_index: float
    cpu_slowdown: float
    runs: int = 1


def mid_tier_phone_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown Lighthouse's docs give for emulating a mid-tier phone on this machine.

    Their table: a high-end desktop (index 1500 and up) 4x; a low-end desktop (1000-1500) or a
    high-end phone (800-1200) 2x; a machine already in the mid-tier phone range (125-800) 1x.
    """
    if benchmark_index >= 1500:
        return 4.0
    if benchmark_index >= 800:
        return 2.0
    return 1.0


def run_lighthouse(url: str, cpu_slowdown: float | None = None) -> dict:
    """Lighthouse's JSON report of ``url`` (performance only, mobile defaults)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-600:]}")
    return dict(json.loads(result.stdout))


def median_run(reports: list[dict]) -> dict:
    """The median run of several reports of one page, by Lighthouse's computeMedianRun."""
    if len(reports) == 1:
        return reports[0]
    with tempfile.TemporaryDirectory(prefix="lighthouse-runs-") as folder:
        paths = []
        for index, report in enumerate(reports):
            paths.append(Path(folder) / f"run-{index}.json")
            paths[-1].write_text(json.dumps(report), encoding="utf-8")
        chosen = subprocess.run(
            ["node", str(MEDIAN_RUN), *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
    return reports[int(chosen.stdout)]


def page_score(route: str, report: dict, runs: int = 1) -> PageScore:
    audits = report["audits"]
    return PageScore(
        route=route or "(home)",
        score=round(report["categories"]["performance"]["score"] * 100),
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        benchmark_index=report["environment"]["benchmarkIndex"],
        cpu_slowdown=report["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
        runs=runs,
    )


def score_page(root_url: str, route: str, cpu_slowdown: float | None) -> PageScore:
    """One run of ``route``."""
    return page_score(route, run_lighthouse(root_url + route, cpu_slowdown))


@dataclass(frozen=True)
class Scores:
    uncalibrated: PageScore
    """The first page at Lighthouse's default 4x: the run that measures this machine."""
    pages: list[PageScore]
    """Every page at the calibrated slowdown."""


def calibrated_report(url: str, first_guess: float, tries: int = 3) -> dict:
    """A report of ``url`` made at the slowdown its own run's benchmark index calls for."""
    slowdown = first_guess
    for _ in range(tries):
        report = run_lighthouse(url, slowdown)
        wanted = mid_tier_phone_slowdown(report["environment"]["benchmarkIndex"])
        if wanted == slowdown:
            break
        slowdown = wanted
    return report


def score_pages(root_url: str, routes: list[str], runs: int = RUNS) -> Scores:
    """The first page at Lighthouse's default, then every page's median run at its calibrated
    slowdown. The runs go round the pages (every page once, then again), so that a busy minute
    on this shared machine spoils one run of several pages rather than every run of one."""
    probe = score_page(root_url, routes[0], cpu_slowdown=None)
    guess = mid_tier_phone_slowdown(probe.benchmark_index)
    reports: dict[str, list[dict]] = {route: [] for route in routes}
    for _ in range(runs):
        for route in routes:
            reports[route].append(calibrated_report(root_url + route, guess))
            guess = reports[route][-1]["configSettings"]["throttling"]["cpuSlowdownMultiplier"]
    pages = [page_score(route, median_run(reports[route]), runs) for route in routes]
    return Scores(probe, pages)


def report_scores(scores: Scores, out: Callable[[str], object]) -> None:
    runs = max(page.runs for page in scores.pages)
    out(
        "Lighthouse mobile performance: simulated slow 4G, CPU slowdown calibrated to each run's "
        f"benchmark index (docs/throttling.md); each page's median run of {runs}"
    )
    out(f"{'page':<24}{'score':>6}{'LCP ms':>9}{'TBT ms':>9}{'index':>8}{'CPU':>6}")
    for page in scores.pages:
        out(
            f"{page.route:<24}{page.score:>6}{page.lcp_ms:>9.0f}{page.tbt_ms:>9.0f}"
            f"{page.benchmark_index:>8.0f}{page.cpu_slowdown:>5g}x"
        )
    probe = scores.uncalibrated
    out(
        f"  {probe.route} at the default {probe.cpu_slowdown:g}x "
        f"(index {probe.benchmark_index:.0f}): score {probe.score}, "
        f"LCP {probe.lcp_ms:.0f} ms, TBT {probe.tbt_ms:.0f} ms"
    )
