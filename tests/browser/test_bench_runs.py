"""`make bench` keeps working against the real, locked-down site: a smoke run, no timings."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.bench import measure_boots, measure_submits, report
from tests.support.server import ServedSite


@pytest.mark.pyodide
def test_the_benchmark_measures_and_reports(browser: Browser, served_site: ServedSite) -> None:
    builder, bare = measure_boots(browser, served_site.root_url, runs=1)
    submits = measure_submits(browser, served_site.root_url, submits=2)
    lines: list[str] = []
    report(browser.version, builder, bare, submits, lines.append)

    assert all(t > 0 for t in [*builder.cold, *builder.warm, *bare.cold, *bare.warm, *submits])
    assert lines[1].startswith("1 start-ups of each page and 2 submits")
    assert any(line.strip().startswith("cold (fresh context)") for line in lines)
