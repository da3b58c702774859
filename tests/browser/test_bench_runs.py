"""`make bench` keeps working against the real, locked-down site: a smoke run, no timings.

Every part runs once, small: start-ups over a (fast) throttled link, submits, two diary saves
with 28 nights, the plan page's bytes, Lighthouse on one page. Only the shape of what it reports
is checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.bench import measure_diary_saves, measure_submits, report_diary_saves, report_submits
from tests.bench_lighthouse import Scores, report_scores, score_page
from tests.bench_publish import measure_visits, report_visits
from tests.bench_startup import bench_mounts, measure_startups, report_startups
from tests.support.pages_server import Link, serve_like_pages

QUICK_LINK = Link("quick link", latency_s=0.005, bytes_per_s=200e6)


@pytest.mark.long
@pytest.mark.pyodide
def test_the_benchmark_measures_and_reports(
    browser: Browser, built_site: Path, site_port: int, tmp_path: Path
) -> None:
    lines: list[str] = []
    with serve_like_pages(built_site, site_port, mounts=bench_mounts(tmp_path)) as site:
        site.throttle = QUICK_LINK
        builder, bare = measure_startups(browser.browser_type, site.root_url, rounds=1)
        site.throttle = None
        submits = measure_submits(browser, site.root_url, submits=2)
        diary = measure_diary_saves(browser, site.root_url, nights=28, saves=2)
        # A quick brotli: the smoke run checks the counting, not the best compression.
        visits = measure_visits(
            browser.browser_type, site, kinds=("plan builder",), brotli_quality=5
        )
        home = score_page(site.root_url, "", cpu_slowdown=1.0)
    report_startups([(QUICK_LINK.name, builder, bare)], lines.append)
    report_submits(submits, lines.append)
    report_diary_saves([(28, diary)], lines.append)
    report_visits(1.0, visits, lines.append)
    report_scores(Scores(uncalibrated=home, pages=[home]), lines.append)

    times = [*builder.first, *builder.repeat, *bare.first, *bare.repeat, *submits, *diary]
    assert len(times) == 8 and all(t > 0 for t in times)
    assert [(v.kind, v.visit) for v in visits] == [
        ("plan builder", "first"),
        ("plan builder", "repeat"),
    ]
    first = visits[0]
    assert first.raw > first.gzip > 0 and first.brotli > 0  # the runtime was downloaded
    assert 0 <= home.score <= 100 and home.lcp_ms > 0
    assert any(line.strip().startswith("quick link, repeat visit") for line in lines)
    assert any(line.startswith("plan builder  first") for line in lines)
    assert any(line.startswith("(home)") for line in lines)
    assert any(line.strip().startswith("28 nights, 2 saves, ms") for line in lines)
