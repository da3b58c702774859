"""Run axe-core (the pinned npm package) in a page and describe what it finds.

The site's Content-Security-Policy allows no inline script, so axe is injected into contexts
opened with ``bypass_csp=True`` (see ``axe_context``); the pages themselves are unchanged.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from playwright.sync_api import BrowserContext, Page

from tests.conftest import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_context(new_context: Callable[..., BrowserContext], **options: Any) -> BrowserContext:
    """A browser context (from the ``new_context`` fixture) where axe can run despite the CSP."""
    return new_context(bypass_csp=True, **options)


# The weighted audits of Lighthouse's accessibility category, each an axe rule of the same id.
LIGHTHOUSE_SCORED = """import("lighthouse").then(({ defaultConfig }) => console.log(JSON.stringify(
  defaultConfig.categories.accessibility.auditRefs.filter((ref) => ref.weight > 0)
    .map((ref) => ref.id))));"""


@cache
def lighthouse_scored_rules() -> tuple[str, ...]:
    """The axe rules that make up Lighthouse's accessibility score, read from the pinned
    Lighthouse (which runs the same axe-core package as these tests)."""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", LIGHTHOUSE_SCORED],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    rules = tuple(json.loads(done.stdout))
    assert rules, "Lighthouse's accessibility category weighs no audit"
    return rules


def axe_violations(
    page: Page,
    rules: list[str] | None = None,
    within: str = "html",
    and_rules: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The WCAG 2.2 A and AA violations axe finds in the page as it is now.

    ``rules`` runs only those rules; ``and_rules`` runs these as well as the WCAG ones (axe
    throws on a rule it does not know); ``within`` (a CSS selector) checks only that part.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate(
        """async ([given, within, andRules]) => {
            const only = andRules.length ? { type: "rule", values: [...new Set([
              ...axe.getRules(given.values).map((rule) => rule.ruleId), ...andRules])] } : given;
            // Colours judged mid-fade are neither the start nor the end: let transitions end.
            const ended = Promise.all(document.getAnimations().map((a) => a.finished));
            await Promise.race([ended, new Promise((done) => setTimeout(done, 2000))]);
            const context = { include: [...document.querySelectorAll(within)] };
            // Only violations are reported in full: axe then skips building selectors for
            // every node that passed, most of its time on a long page.
            const results = await axe.run(context, { runOnly: only, resultTypes: ["violations"] });
            return results.violations;
        }""",
        [only, within, list(and_rules)],
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
