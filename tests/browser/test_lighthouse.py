"""Lighthouse's accessibility audit scores 100 on every page of the site (issue 12).

Lighthouse (pinned in package.json) drives Debian's Chromium, started here once for all pages.
A score of 100 is not WCAG conformance (the axe tests beside this one check more, in more
states); it is what people who run Lighthouse on the site will see. Every page, not one of each
kind: a page's own content (a table, a long list of references) can fail where its template's
first page passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.browser.conftest import CHROMIUM, NO_BROWSER, QUIET_FLAGS
from tests.browser.test_plan_builder_access import EVERY_PAGE, page_url
from tests.conftest import REPO
from tests.support.server import ServedSite, free_port

RUNNER = Path(__file__).with_name("lighthouse.mjs")

pytestmark = pytest.mark.browser


@pytest.fixture
def debugging_port(tmp_path: Path) -> Iterator[int]:
    """A headless Chromium that Lighthouse can drive, on a port of its own."""
    if os.environ.get(NO_BROWSER):
        pytest.fail(f"{NO_BROWSER} is set, yet a test asked for the browser")
    port = free_port()
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    chromium = subprocess.Popen(
        [CHROMIUM, "--headless=new", f"--remote-debugging-port={port}", profile, *QUIET_FLAGS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(f"http://127.0.0.1:{port}/json/version", timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "Chromium never listened for Lighthouse"
                time.sleep(0.1)
        yield port
    finally:
        chromium.terminate()
        chromium.wait(timeout=10)


@pytest.mark.long
def test_lighthouse_accessibility_is_100_on_every_page(
    served_site: ServedSite, debugging_port: int
) -> None:
    # Lighthouse starts each page afresh; the offline copy would download the site each time.
    served_site.blocked.add("sw.js")
    urls = [page_url(served_site, page_id) for page_id in EVERY_PAGE]
    done = subprocess.run(
        ["node", str(RUNNER), str(debugging_port), *urls],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    assert done.returncode == 0, done.stderr
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [report["url"] for report in reports] == urls
    below = {
        report["url"]: report["failing"] or report["problems"]
        for report in reports
        if report["score"] != 1
    }
    assert not below, json.dumps(below, indent=2)
