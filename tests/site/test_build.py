"""The real content, built with `mkdocs build --strict`, gives the pages and bundle we expect."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide_site.render import page_src_uri
from guide_site.runtime_bundle import ENGINE_WORKER, PYODIDE_CORE, read_runtime_stamp
from tests.support.content import CONTENT, PAGES, REPO

NAV = CONTENT["site"]["nav"]


def html_path(site: Path, page_id: str) -> Path:
    uri = page_src_uri(page_id)
    return site / ("index.html" if uri == "index.md" else f"{uri.removesuffix('.md')}/index.html")


def soup(site: Path, page_id: str) -> BeautifulSoup:
    page = BeautifulSoup(html_path(site, page_id).read_text(encoding="utf-8"), "html.parser")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    return page


@pytest.mark.parametrize("page_id", NAV)
def test_every_page_is_generated_from_its_content(built_site: Path, page_id: str) -> None:
    page = soup(built_site, page_id)
    assert page.h1 is not None and page.h1.get_text(strip=True) == PAGES[page_id]["title"]
    notice = page.find(string=lambda text: text and "Educational, not medical advice" in text)
    assert notice is not None, "the not-medical-advice notice is missing"
    assert f"Last reviewed: {CONTENT['site']['last_reviewed']}" in page.get_text()
    for section in PAGES[page_id].get("sections", []):
        heading = page.find(id=section["id"])
        assert heading is not None and section["heading"] in heading.get_text()


def test_navigation_lists_the_pages_in_content_order(built_site: Path) -> None:
    nav = soup(built_site, "home").select("nav.md-nav--primary > ul > li > a")
    expected = [PAGES[page_id].get("nav_title", PAGES[page_id]["title"]) for page_id in NAV]
    assert [link.get_text(strip=True) for link in nav] == expected


def test_plan_page_holds_the_form_and_a_live_status(built_site: Path) -> None:
    page = soup(built_site, "plan")
    status = page.select_one("[data-engine-status]")
    assert status is not None and status["aria-live"] == "polite" and status["role"] == "status"
    form = page.select_one("form[data-plan-form]")
    assert form is not None and form.has_attr("novalidate")
    names = {control["name"] for control in form.select("input[name]")}
    asked = {question["id"] for question in CONTENT["questionnaire"]["questions"]}
    assert names == asked


def test_the_site_carries_the_runtime_made_at_build_under_content_hashed_names(
    built_site: Path,
) -> None:
    """GitHub Pages cannot send cache headers, so a runtime file's name changes with its bytes."""
    worker = built_site / ENGINE_WORKER
    stamp = read_runtime_stamp(built_site)
    at = worker.parent
    core = (at / stamp["indexURL"]).resolve()
    assert re.fullmatch(r"core-[0-9a-f]{16}", core.name), core.name
    for name in PYODIDE_CORE:  # Pyodide's own files, unchanged
        assert (core / name).read_bytes() == (REPO / "node_modules/pyodide" / name).read_bytes()
    # The worker imports the loader from that same folder.
    assert f'from "{stamp["indexURL"]}pyodide.mjs";' in worker.read_text(encoding="utf-8")
    for key, stem in (("stdLibURL", "python-stdlib"), ("engineURL", "guide-engine")):
        file = (at / stamp[key]).resolve()
        digest = hashlib.sha256(file.read_bytes())
        assert file.name == f"{stem}-{digest.hexdigest()[:16]}.zip"
    engine = (at / stamp["engineURL"]).read_bytes()
    assert (
        stamp["engineIntegrity"]
        == "sha256-" + base64.b64encode(hashlib.sha256(engine).digest()).decode()
    )
    npm_lock = json.loads((REPO / "node_modules/pyodide/pyodide-lock.json").read_text("utf-8"))
    assert stamp["lockInfo"] == npm_lock["info"]
    # Nothing else of Pyodide's is published: no stock library, no package list, no wheel.
    published = {path.name for path in (built_site / "assets/pyodide").rglob("*")}
    assert not {"python_stdlib.zip", "pyodide-lock.json"} & published
    assert not any(name.endswith(".whl") for name in published)


def test_the_runtime_zips_hold_only_precompiled_modules(built_site: Path) -> None:
    """Unchecked hash-based .pyc (PEP 552), so Python neither compiles nor stats a source."""
    stamp = read_runtime_stamp(built_site)
    at = (built_site / ENGINE_WORKER).parent
    with zipfile.ZipFile(at / stamp["stdLibURL"]) as stdlib:
        names = stdlib.namelist()
        assert names and all(name.endswith(".pyc") for name in names)
        headers = {stdlib.read(name)[:8] for name in names}
    assert len(headers) == 1  # one magic number, and flags 1: hash-based, never checked
    assert next(iter(headers))[4:] == (1).to_bytes(4, "little")
    assert {"json/__init__.pyc", "datetime.pyc", "html/__init__.pyc"} <= set(names)
    assert "unittest/__init__.pyc" not in names  # trimmed: nothing the engine does not use
    with zipfile.ZipFile(at / stamp["engineURL"]) as engine:
        members = set(engine.namelist())
    assert {"guide_engine/web.pyc", "guide_engine/data/engine.json"} <= members
    assert not any(name.endswith(".py") for name in members)
    assert "guide_engine/cli.pyc" not in members  # the browser never reaches the command line


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ):
            for element in page.find_all(tag):
                address = element.get(attribute, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preload" not in element.get("rel", [])
                ):
                    continue
                assert not address.startswith(("http:", "https:", "//")), f"{html}: {address}"
