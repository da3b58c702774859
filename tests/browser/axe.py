"""Run axe-core (the pinned npm package) in a page and describe what it finds.

The site's Content-Security-Policy allows no inline script, so axe is injected into contexts
opened with ``bypass_csp=True`` (see ``axe_context``); the pages themselves are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import BrowserContext, Page

from tests.conftest import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_context(new_context: Callable[..., BrowserContext], **options: Any) -> BrowserContext:
    """A browser context (from the ``new_context`` fixture) where axe can run despite the CSP."""
    return new_context(bypass_csp=True, **options)


def axe_violations(
    page: Page, rules: list[str] | None = None, within: str = "html"
) -> list[dict[str, Any]]:
    """The WCAG 2.2 A and AA violations axe finds in the page as it is now.

    ``rules`` runs only those rules; ``within`` (a CSS selector) checks only that part.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate(
        """async ([only, within]) => {
            // Colours judged mid-fade are neither the start nor the end: let transitions end.
            const ended = Promise.all(document.getAnimations().map((a) => a.finished));
            await Promise.race([ended, new Promise((done) => setTimeout(done, 2000))]);
            const context = { include: [...document.querySelectorAll(within)] };
            // Only violations are reported in full: axe then skips building selectors for
            // every node that passed, most of its time on a long page.
            const results = await axe.run(context, { runOnly: only, resultTypes: ["violations"] });
            return results.violations;
        }""",
        [only, within],
    )
    return list(result)


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per failing element: rule, impact, the element and axe's advice."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])}: "
                f"{node['failureSummary'].replace(chr(10), ' ')}"
            )
    return "\n".join(lines)
