"""Lighthouse mobile performance of every page, for `make bench`.

Lighthouse (the pinned npm package) runs Debian's Chromium on each page of the built site, served
as GitHub Pages serves it (gzip), with its default mobile settings: a phone's screen, a simulated
slow 4G network and a slowed-down CPU. A first visit: each run starts from an empty profile.

The CPU slowdown is calibrated the way Lighthouse's documentation (docs/throttling.md) says to:
its default 4x turns a high-end desktop into a mid-tier phone, so on a slower machine it
emulates a much slower phone than intended (Lighthouse then warns "The tested device appears to
have a slower CPU than Lighthouse expects"). Lighthouse measures this machine's speed (its
benchmark index) on a first run, and the slowdown that targets a mid-tier phone is taken from the
documentation's table; the report prints both.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.browser.conftest import CHROMIUM

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
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


def score_page(root_url: str, route: str, cpu_slowdown: float | None) -> PageScore:
    report = run_lighthouse(root_url + route, cpu_slowdown)
    audits = report["audits"]
    return PageScore(
        route=route or "(home)",
        score=round(report["categories"]["performance"]["score"] * 100),
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        benchmark_index=report["environment"]["benchmarkIndex"],
        cpu_slowdown=report["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
    )


@dataclass(frozen=True)
class Scores:
    uncalibrated: PageScore
    """The first page at Lighthouse's default 4x: the run that measures this machine."""
    pages: list[PageScore]
    """Every page at the calibrated slowdown."""


def score_pages(root_url: str, routes: list[str]) -> Scores:
    """Measure this machine on the first page, then score every page at the calibrated slowdown."""
    probe = score_page(root_url, routes[0], cpu_slowdown=None)
    slowdown = mid_tier_phone_slowdown(probe.benchmark_index)
    return Scores(probe, [score_page(root_url, route, slowdown) for route in routes])


def report_scores(scores: Scores, out: Callable[[str], object]) -> None:
    probe = scores.uncalibrated
    slowdown = mid_tier_phone_slowdown(probe.benchmark_index)
    out(
        f"Lighthouse mobile performance: simulated slow 4G, CPU slowdown {slowdown:g}x, "
        f"calibrated to this machine's benchmark index {probe.benchmark_index:.0f} "
        "(Lighthouse's docs/throttling.md)"
    )
    out(f"{'page':<28}{'score':>6}{'LCP ms':>9}{'TBT ms':>9}")
    for page in scores.pages:
        out(f"{page.route:<28}{page.score:>6}{page.lcp_ms:>9.0f}{page.tbt_ms:>9.0f}")
    out(
        f"  uncalibrated (default {probe.cpu_slowdown:g}x) on {probe.route}: score {probe.score}, "
        f"LCP {probe.lcp_ms:.0f} ms, TBT {probe.tbt_ms:.0f} ms"
    )
