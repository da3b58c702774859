"""The real content, built with `mkdocs build --strict`, gives the pages and bundle we expect."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide_site.engine_bundle import PYODIDE_CORE_FILES
from guide_site.render import page_src_uri
from tests.support.content import CONTENT, REPO

PAGES = {data["id"]: data for key, data in CONTENT.items() if key.startswith("pages/")}
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


def test_the_site_carries_pyodide_and_a_checked_engine_wheel(built_site: Path) -> None:
    bundle = built_site / "assets" / "pyodide"
    for name in PYODIDE_CORE_FILES:
        assert (bundle / name).stat().st_size > 0, name
    lock = json.loads((bundle / "pyodide-lock.json").read_text(encoding="utf-8"))
    engine = lock["packages"]["guide-engine"]
    wheel = bundle / engine["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == engine["sha256"]
    assert engine["imports"] == ["guide_engine"]
    npm_lock = json.loads((REPO / "node_modules/pyodide/pyodide-lock.json").read_text("utf-8"))
    assert lock["info"] == npm_lock["info"]  # the site's lockfile extends the pinned Pyodide's


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
