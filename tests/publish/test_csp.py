"""Locked down: every page carries one Content-Security-Policy that allows only the site itself.

The browser tests (tests/browser/test_publish.py) check that the policy breaks nothing; these
check the policy itself, on the built files.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide_site.csp import add_policy, content_security_policy, inline_script_hashes
from tests.publish.crawl import BuiltSite

SHA256_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')


@pytest.fixture(scope="module")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite(built_site)


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def page_policies(site: BuiltSite) -> dict[str, list[str]]:
    return {
        page: [m["policy"] for m in CSP_META.finditer((site.dir / page).read_text("utf-8"))]
        for page in site.pages
    }


def test_every_page_has_one_policy_and_the_same_one(site: BuiltSite) -> None:
    policies = page_policies(site)
    missing = [page for page, found in policies.items() if len(found) != 1]
    assert not missing, f"pages without exactly one CSP meta (is finish_release wired?): {missing}"
    assert len({found[0] for found in policies.values()}) == 1


def test_the_policy_comes_first_in_head(site: BuiltSite) -> None:
    """A meta policy only covers what follows it: nothing loads or runs before it."""
    for page in site.pages:
        head = site.soup(page).head
        assert head is not None
        elements = head.find_all(True)
        assert elements[0].get("charset"), page
        assert elements[1].get("http-equiv") == "Content-Security-Policy", page


def test_the_policy_allows_only_the_site_itself(site: BuiltSite) -> None:
    policy = directives(page_policies(site)["index.html"][0])
    assert policy["default-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    # No host, no wildcard, no 'unsafe-inline'/'unsafe-eval': only these, and data: for icons.
    keywords = {"'self'", "'none'", "'wasm-unsafe-eval'"}
    for name, sources in policy.items():
        for source in sources:
            allowed = source in keywords or SHA256_SOURCE.fullmatch(source)
            assert allowed or (name == "img-src" and source == "data:"), (name, source)


def test_every_inline_script_is_allowed_by_its_hash(site: BuiltSite) -> None:
    allowed = set(directives(page_policies(site)["index.html"][0])["script-src"])
    seen = 0
    for page in site.pages:
        for script in site.soup(page).find_all("script", src=False):
            if script.get("type") in (None, "module", "text/javascript"):
                seen += 1
                assert sha256_source(script.string or "") in allowed, (page, script.string)
    assert seen, "no inline script found: the check above proves nothing"


def test_no_inline_event_handlers_or_javascript_urls(site: BuiltSite) -> None:
    found = []
    for page in site.pages:
        for tag in site.soup(page).find_all(True):
            for name, value in tag.attrs.items():
                if name.lower().startswith("on"):
                    found.append(f"{page}: <{tag.name} {name}>")
                elif isinstance(value, str) and value.strip().lower().startswith("javascript:"):
                    found.append(f"{page}: <{tag.name} {name}={value!r}>")
    assert not found, found


def test_every_page_sends_no_referrer(site: BuiltSite) -> None:
    for page in site.pages:
        referrer = site.soup(page).find("meta", attrs={"name": "referrer"})
        assert referrer is not None and referrer["content"] == "no-referrer", page


# -- the functions behind it, on small inputs ----------------------------------------------


def test_only_scripts_a_browser_runs_are_hashed() -> None:
    html = (
        "<script>run()</script>"
        '<script type="module">go()</script>'
        '<script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
    )
    assert inline_script_hashes(html) == {sha256_source("run()"), sha256_source("go()")}


def test_the_policy_lists_hashes_and_nothing_loose() -> None:
    policy = directives(content_security_policy({"'sha256-abc='"}, set()))
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]
    assert policy["style-src"] == ["'self'"]


def test_adding_the_policy_twice_leaves_one(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head>'
        "<body><script>hello()</script></body></html>",
        encoding="utf-8",
    )
    first = add_policy(tmp_path)
    second = add_policy(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert first == second
    assert len(CSP_META.findall(html)) == 1
    assert sha256_source("hello()") in first
    assert BeautifulSoup(html, "html.parser").head.find_all(True)[1]["http-equiv"]  # type: ignore[union-attr]
