"""Publishing numbers for `make bench`: the site's build time, and the bytes each kind of page
costs on a first and on a repeat visit, measured in Chromium.

Call ``publish_bench()`` (it builds the site into a temporary folder, serves it under the project
sub-path, prints a table and returns the numbers), or run ``python -m tests.bench_publish``.

Bytes are counted as the test server writes them, headers included, for every request the visit
causes: the page, its workers and the service worker (which, on a first visit, keeps a copy of
the whole guide). The test server does not compress; GitHub Pages gzips, so an estimate of that
("gzip est.") counts each file downloaded in full at its gzip -6 size.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import BinaryIO

from playwright.sync_api import Page, expect, sync_playwright

from tests.browser.conftest import CHROMIUM, QUIET_FLAGS
from tests.support.server import SUB_PATH, ServedSite, _Handler, _Server, free_port, running

REPO = Path(__file__).resolve().parents[1]
PAGE_KINDS = {"home": "", "article": "what-are-mats/", "plan builder": "plan/"}


@dataclass
class Sent:
    """What the server wrote for one request."""

    path: str
    status: int = 0
    bytes: int = 0


@dataclass
class CountingSite(ServedSite):
    sent: list[Sent] = field(default_factory=list)


class _CountingWriter:
    def __init__(self, raw: BinaryIO, record: Sent) -> None:
        self._raw = raw
        self._record = record

    def write(self, data: bytes) -> int:
        self._record.bytes += len(data)
        if not self._record.status and data.startswith(b"HTTP/"):
            self._record.status = int(data.split()[1])
        return self._raw.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._raw, name)


class _CountingHandler(_Handler):
    site: CountingSite

    def do_GET(self) -> None:
        record = Sent(self.path)
        self.site.sent.append(record)
        self.wfile = _CountingWriter(self.wfile, record)  # type: ignore[assignment]
        super().do_GET()


@contextmanager
def _serve_counting(site_dir: Path, port: int) -> Iterator[CountingSite]:
    site = CountingSite(root_url=f"http://127.0.0.1:{port}{SUB_PATH}")
    server = _Server(
        ("127.0.0.1", port), partial(_CountingHandler, directory=str(site_dir), site=site)
    )
    with running(server):
        yield site


@dataclass(frozen=True)
class Visit:
    kind: str
    visit: str  # "first" or "repeat"
    requests: int
    bytes: int
    gzip_estimate: int


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


def _count(site: CountingSite, since: int, site_dir: Path, kind: str, visit: str) -> Visit:
    sent = site.sent[since:]
    estimate = 0
    for record in sent:
        if record.status == 200:
            estimate += _gzip_size(site_dir, record.path.split("?")[0])
    return Visit(kind, visit, len(sent), sum(r.bytes for r in sent), estimate)


@cache
def _gzip_size(site_dir: Path, path: str) -> int:
    name = path[len(SUB_PATH) :]
    file = site_dir / (name + "index.html" if name == "" or name.endswith("/") else name)
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


def measure_visits(site_dir: Path, port: int) -> list[Visit]:
    """Bytes of a first and a repeat visit to each kind of page, each in a fresh browser profile.

    The profiles are on disk, like a reader's: an in-memory (incognito) profile's small HTTP cache
    drops the 9.6 MB WebAssembly file, so the service worker would download it a second time.
    """
    visits = []
    with _serve_counting(site_dir, port) as site, sync_playwright() as playwright:
        for kind, route in PAGE_KINDS.items():
            with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile, executable_path=CHROMIUM, args=QUIET_FLAGS
                )
                page = context.new_page()
                for visit in ("first", "repeat"):
                    since = len(site.sent)
                    if visit == "first":
                        page.goto(site.root_url + route)
                    else:
                        page.reload()
                    _settle(page, plan_builder=kind == "plan builder")
                    visits.append(_count(site, since, site_dir, kind, visit))
                context.close()
    return visits


def _kb(count: int) -> str:
    return f"{count / 1024:,.1f} kB"


def publish_bench(out: Callable[[str], object] = print) -> dict[str, object]:
    """Build, then measure; print a table with ``out`` and return the numbers."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = Path(folder)
        build_seconds = build_site(site_dir, f"http://127.0.0.1:{port}{SUB_PATH}")
        visits = measure_visits(site_dir, port)
    out(f"site build (mkdocs build --strict, engine wheel cached): {build_seconds:.1f} s")
    out(f"{'page kind':<14}{'visit':<8}{'requests':>9}{'bytes sent':>13}{'gzip est.':>12}")
    for v in visits:
        out(f"{v.kind:<14}{v.visit:<8}{v.requests:>9}{_kb(v.bytes):>13}{_kb(v.gzip_estimate):>12}")
    return {"build_seconds": build_seconds, "visits": visits}


if __name__ == "__main__":
    publish_bench()
