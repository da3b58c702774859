"""Put every control of a page in a state (hover, focus, active...) and check how it looks.

Hover and active are forced with the DevTools protocol's ``CSS.forcePseudoState`` on every
control at once, so one axe run checks them all. Keyboard focus is real: after a Tab press (so
the browser shows focus as it does for keyboard users), each control is focused in turn, from
the last to the first, as Shift+Tab would, and its focus indicator is measured in the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations

CONTROLS = ", ".join(
    [
        "a[href]",
        "button",
        "input:not([type=hidden])",
        "select",
        "textarea",
        "summary",
        "label[for]",  # Material's header buttons (search, palette) are labels
        "[tabindex]:not([tabindex='-1'])",
    ]
)
CONTRAST_RULES = ["color-contrast", "link-in-text-block", "target-size"]
SCHEMES = ["light", "dark"]

# Material's palette is a pair of radio inputs, one for each media query of mkdocs.yml's
# `palette`; choosing one (as its toggle in the header does) switches the page's colours.
CHOOSE_PALETTE = """(media) => {
  const input = document.querySelector(`input[data-md-color-media="${media}"]`);
  if (!input) throw new Error(`no palette for ${media}`);
  if (!input.checked) input.click();
}"""


def show_scheme(page: Page, scheme: str) -> None:
    """Show ``page`` in the light or the dark scheme, as it stands, whatever state it is in.

    The reader's preference changes (for what reads it, such as native controls) and Material's
    palette is switched as its toggle switches it, so a state built once is checked in both.
    """
    media = f"(prefers-color-scheme: {scheme})"
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.evaluate(CHOOSE_PALETTE, media)
    expect(page.locator("body")).to_have_attribute("data-md-color-media", media)
    page.evaluate("() => new Promise((shown) => requestAnimationFrame(() => shown()))")


def each_scheme(page: Page) -> Iterator[str]:
    """Show ``page`` in each scheme in turn; yields the scheme's name.

    The scheme the page shows now comes first: each switch restyles the whole page (with every
    control in a forced state, the slowest step of these checks), so none is made for nothing.
    """
    shown = page.evaluate("document.body.dataset.mdColorMedia ?? ''")
    for scheme in sorted(SCHEMES, key=lambda scheme: shown != f"(prefers-color-scheme: {scheme})"):
        show_scheme(page, scheme)
        yield scheme


# Each forced state makes Chromium restyle the page at once (about 15 ms a control on the diary
# report): while the states are forced, the part's contents are skipped for style and layout
# (content-visibility), at their own size so nothing moves or scrolls, and are restyled once.
SKIP_STYLE = """(within) => {
  for (const part of document.querySelectorAll(within === "html" ? "body" : within)) {
    const box = part.getBoundingClientRect();
    part.dataset.styleBeforeForcing = part.style.cssText;
    part.style.containIntrinsicSize = `${box.width}px ${box.height}px`;
    part.style.contentVisibility = "hidden";
  }
}"""
RESTYLE = """(within) => {
  for (const part of document.querySelectorAll(within === "html" ? "body" : within)) {
    part.style.cssText = part.dataset.styleBeforeForcing;
    delete part.dataset.styleBeforeForcing;
  }
}"""


@contextmanager
def forced_state(page: Page, state: str, within: str = "html") -> Iterator[None]:
    """Force ``state`` (e.g. "hover") on every control in ``within`` for the block.

    One DevTools call a control, the slow part of these checks: a state is forced once, with
    the page restyled once, and then judged in each scheme.
    """
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        selector = ", ".join(f"{within} {control}" for control in CONTROLS.split(", "))
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        page.evaluate(SKIP_STYLE, within)
        try:
            for node in nodes["nodeIds"]:
                forced = {"nodeId": node, "forcedPseudoClasses": [state]}
                session.send("CSS.forcePseudoState", forced)
        finally:
            page.evaluate(RESTYLE, within)
        yield
    finally:
        session.detach()  # forced states end with the session


def contrast_in_each_scheme(
    page: Page, state: str, within: str = "html"
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """axe's contrast and target-size findings with every control in ``within`` in ``state``,
    in each scheme in turn: yields the scheme's name and what axe found."""
    with forced_state(page, state, within):
        for scheme in each_scheme(page):
            yield scheme, axe_violations(page, rules=CONTRAST_RULES, within=within)


# Measured in the page: for each tabbable control, from the last to the first, what is wrong
# with its focus indicator (none, too thin, too faint against what is behind it) and whether
# the sticky header hides it. Colours are sRGB; contrast is WCAG's relative luminance ratio.
FOCUS_PROBLEMS = """(within) => {
  const channels = (colour) => (colour.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const rgba = channels(getComputedStyle(node).backgroundColor);
      if (rgba.length === 3 || (rgba.length === 4 && rgba[3] > 0.5)) return rgba.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility === "visible";
  };
  const name = (element) =>
    element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "") +
    ` "${(element.textContent || element.value || element.title || "").trim().slice(0, 30)}"`;
  const header = document.querySelector(".md-header");
  const tabbable = [...document.querySelectorAll(within)].flatMap((part) => [
    ...part.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]")
  ]).filter((element) =>
    element.tabIndex >= 0 && !element.disabled && !element.closest("[hidden], [inert]") &&
    getComputedStyle(element).display !== "none" &&
    // Tab reaches a radio group once, at its chosen radio (or its first if none is chosen).
    !(element.type === "radio" && element.name && !element.checked &&
      document.querySelector(`input[type=radio][name="${CSS.escape(element.name)}"]:checked`))
  );
  const problems = [];
  for (const element of tabbable.reverse()) {
    element.focus();
    if (document.activeElement !== element) continue; // not focusable after all
    // A control drawn by its label (a styled radio or checkbox, Material's toggles) shows its
    // focus there: measure what the person sees.
    const drawnBy = [element.nextElementSibling, ...(element.labels || [])].filter(
      (other) => other?.tagName === "LABEL" && shown(other));
    const seen = shown(element) && element.getBoundingClientRect().width > 2
      ? element : drawnBy[0];
    if (!seen) continue; // off screen until used (e.g. Material's skip link is measured below)
    const style = getComputedStyle(seen);
    const width = parseFloat(style.outlineWidth) || 0;
    const outlined = style.outlineStyle !== "none" && width >= 2;
    if (!outlined) {
      problems.push(`${name(element)}: no focus outline 2px or wider (${style.outline})`);
    } else {
      const ratio = contrast(channels(style.outlineColor), backgroundOf(seen.parentElement));
      if (ratio < 3) problems.push(`${name(element)}: focus outline ${ratio.toFixed(2)}:1`);
    }
    if (header && !header.contains(seen)) {
      // Hidden if the header is on top at every one of a few points across the control.
      const box = seen.getBoundingClientRect();
      const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].map(
        ([x, y]) => [box.left + x * box.width, box.top + y * box.height]);
      const covered = points.every(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return top !== null && header.contains(top);
      });
      if (covered) problems.push(`${name(element)}: focused, but hidden under the sticky header`);
    }
  }
  return problems;
}"""


def focus_problems(page: Page, within: str = "html") -> list[str]:
    """What is wrong with the focus indicator of each control in ``within``, as the page is."""
    page.keyboard.press("Tab")  # keyboard use: the browser now shows focus as :focus-visible
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    return list(page.evaluate(FOCUS_PROBLEMS, within))
