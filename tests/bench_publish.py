"""Publishing numbers for `make bench`: the site's build time, and the bytes each kind of page
costs on a first and on a repeat visit, measured in Chromium against the site served as GitHub
Pages serves it (``tests/support/pages_server.py``).

Bytes are response bodies, counted for every request the visit causes: the page, its workers
and the service worker (which, on a first visit, keeps a copy of the whole guide). Three sums:

- raw: the files' own sizes;
- gzip: what the server sent, gzipped as Pages gzips (text, JavaScript, JSON, WebAssembly; not
  zips, whose members are deflated already);
- brotli: the same files brotli-compressed (quality 11, as static hosts do), for a host that
  serves brotli.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import brotli
from playwright.sync_api import BrowserType, Page, expect

from tests.browser.conftest import CHROMIUM, QUIET_FLAGS
from tests.support.pages_server import PagesSite, Sent

REPO = Path(__file__).resolve().parents[1]
PAGE_KINDS = {"home": "", "article": "what-are-mats/", "plan builder": "plan/"}
MB = 1_000_000


@dataclass(frozen=True)
class Visit:
    kind: str
    visit: str  # "first" or "repeat"
    requests: int
    raw: int
    gzip: int
    brotli: int


def build_site(site_dir: Path, site_url: str) -> float:
    """Build the site as `make build` does; return the seconds it took."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError("mkdocs build failed:\n" + result.stdout + result.stderr)
    return time.perf_counter() - started


def _settle(page: Page, plan_builder: bool) -> None:
    """Wait until the visit is over: the offline copy kept and, on the plan page, the engine up."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if plan_builder:
        status = page.get_by_role("status").filter(has_text="plan builder")
        expect(status).to_contain_text("is ready", timeout=120_000)
        expect(page.locator("html")).to_have_attribute(
            "data-offline-ready", re.compile(".+"), timeout=60_000
        )
    page.wait_for_load_state("networkidle")


@cache
def _brotli_size(file: Path, quality: int) -> int:
    return len(brotli.compress(file.read_bytes(), quality=quality))


BROTLI_QUALITY = 11
"""As static hosts compress ahead of time; it takes about 30 s for the WebAssembly file alone."""


def _count(sent: list[Sent], kind: str, visit: str, brotli_quality: int) -> Visit:
    bodies = [r for r in sent if r.status == 200 and r.file is not None]
    return Visit(
        kind,
        visit,
        requests=len(sent),
        raw=sum(r.raw for r in bodies),
        gzip=sum(r.body for r in sent),
        brotli=sum(
            _brotli_size(r.file, brotli_quality) if r.compressible else r.raw  # type: ignore[arg-type]
            for r in bodies
        ),
    )


def measure_visits(
    browser_type: BrowserType,
    site: PagesSite,
    kinds: tuple[str, ...] = tuple(PAGE_KINDS),
    *,
    brotli_quality: int = BROTLI_QUALITY,
) -> list[Visit]:
    """Bytes of a first and a repeat visit to each kind of page, each in a fresh profile on disk.

    The profiles are on disk, like a reader's: an in-memory profile's small HTTP cache drops the
    9.6 MB WebAssembly file, so the service worker would download it a second time.
    """
    visits = []
    for kind in kinds:
        route = PAGE_KINDS[kind]
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
            context = browser_type.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=QUIET_FLAGS
            )
            page = context.pages[0] if context.pages else context.new_page()
            for visit in ("first", "repeat"):
                since = len(site.sent)
                if visit == "first":
                    page.goto(site.root_url + route)
                else:
                    page.reload()
                _settle(page, plan_builder=kind == "plan builder")
                visits.append(_count(site.sent[since:], kind, visit, brotli_quality))
            context.close()
    return visits


def _mb(count: int) -> str:
    return f"{count / MB:.2f} MB" if count >= 100_000 else f"{count / 1000:.1f} kB"


def report_visits(build_seconds: float, visits: list[Visit], out: Callable[[str], object]) -> None:
    out(f"site build (mkdocs build --strict, runtime cached): {build_seconds:.1f} s")
    out("bytes of response bodies (1 MB = 10^6 bytes); gzip as served, brotli as it would be")
    out(f"{'page kind':<14}{'visit':<8}{'requests':>9}{'raw':>11}{'gzip':>11}{'brotli':>11}")
    for v in visits:
        out(
            f"{v.kind:<14}{v.visit:<8}{v.requests:>9}"
            f"{_mb(v.raw):>11}{_mb(v.gzip):>11}{_mb(v.brotli):>11}"
        )
