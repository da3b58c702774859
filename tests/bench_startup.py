"""Start-up timings for `make bench`: the plan builder's engine against a bare Pyodide boot.

"Ready" is the time, by the page's own clock (from navigation start), until the engine answers:
for the plan builder, until its status says so; for the bare boot, until a module worker that
only calls ``loadPyodide`` on the **stock** npm files (``node_modules/pyodide``, served at the
same origin, ``__bench__/stock/``) has booted. Each round visits both, interleaved, so both
meet the same machine.

Each visit is made in a browser profile on disk (``launch_persistent_context``), as a reader's
is: a "first" visit in a new profile, then a "repeat" visit after closing the browser and opening
it again on the same profile, which then has its HTTP cache and, for the guide, the service
worker's copy. (An in-memory profile's small HTTP cache drops the 9.6 MB WebAssembly file, so its
"reload" downloads everything again.) Before the guide's repeat visit, its first visit waits
until the service worker has kept the engine, as it would for a reader who stayed a moment.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserType

from tests.browser.conftest import CHROMIUM, QUIET_FLAGS

REPO = Path(__file__).resolve().parents[1]
STOCK_PYODIDE = REPO / "node_modules" / "pyodide"
BENCH_DIR = "__bench__/"
TIMEOUT_MS = 180_000

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

BARE_FILES = {
    "bare.html": """<!doctype html><html lang="en"><title>Bare Pyodide boot</title>
<script type="module" src="bare.mjs"></script></html>""",
    "bare.mjs": """
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = () => { window.__engineReadyAt = performance.now(); };
""",
    "bare-worker.mjs": """
import { loadPyodide } from "./stock/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./stock/", import.meta.url).href });
postMessage("ready");
""",
}


def bench_mounts(folder: Path) -> dict[str, Path]:
    """Write the bare boot's page into ``folder``; the folders to serve inside the sub-path."""
    for name, text in BARE_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {BENCH_DIR: folder, BENCH_DIR + "stock/": STOCK_PYODIDE}


@dataclass
class StartupTimes:
    first: list[float] = field(default_factory=list)
    repeat: list[float] = field(default_factory=list)


def _visit(browser_type: BrowserType, profile: str, url: str, *, keep_engine: bool) -> float:
    # Playwright's waiting evaluates code, which the site's CSP (rightly) forbids.
    context = browser_type.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=QUIET_FLAGS, bypass_csp=True
    )
    try:
        context.add_init_script(WATCH_READY)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(url)
        page.wait_for_function("window.__engineReadyAt !== undefined", timeout=TIMEOUT_MS)
        ready = float(page.evaluate("window.__engineReadyAt"))
        if keep_engine:
            page.wait_for_function(
                "document.documentElement.dataset.offlineReady", timeout=TIMEOUT_MS
            )
        return ready
    finally:
        context.close()


def measure_startups(
    browser_type: BrowserType, root_url: str, rounds: int
) -> tuple[StartupTimes, StartupTimes]:
    """First and repeat visits of the plan builder and of the bare boot, ``rounds`` each."""
    builder, bare = StartupTimes(), StartupTimes()
    pages = ((builder, root_url + "plan/", True), (bare, root_url + BENCH_DIR + "bare.html", False))
    for _ in range(rounds):
        for times, url, is_guide in pages:
            with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                times.first.append(_visit(browser_type, profile, url, keep_engine=is_guide))
                times.repeat.append(_visit(browser_type, profile, url, keep_engine=False))
    return builder, bare


def report_startups(
    results: list[tuple[str, StartupTimes, StartupTimes]], out: Callable[[str], object]
) -> None:
    """One line per network and visit: medians (ms) and the ratio to the bare boot."""
    median = statistics.median
    out(f"{'page open -> engine ready':44} {'plan builder':>12} {'bare stock':>11} {'ratio':>6}")
    for network, builder, bare in results:
        for visit in ("first", "repeat"):
            ours, theirs = median(getattr(builder, visit)), median(getattr(bare, visit))
            label = f"{network}, {visit} visit"
            out(f"  {label:42} {ours:12.0f} {theirs:11.0f} {ours / theirs:6.2f}")
