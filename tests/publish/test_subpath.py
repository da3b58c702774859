"""The site works under a GitHub Pages project sub-path (``/<repo>/``), as the tests serve it.

Everything is fetched over HTTP from http://127.0.0.1:PORT/acupressure-guide/, where anything
outside the sub-path is a 404, as it would be on ``<user>.github.io/<repo>/``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

from guide_site.runtime_bundle import ENGINE_WORKER, PYODIDE_CORE, read_runtime_stamp
from tests.publish.crawl import BuiltSite, page_route
from tests.support.server import SUB_PATH, ServedSite, serve


@pytest.fixture(scope="module")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite(built_site)


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[ServedSite]:
    with serve(built_site) as served_site:
        yield served_site


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, b""


def test_the_site_is_built_for_the_sub_path(site: BuiltSite) -> None:
    assert site.base_path == SUB_PATH


def test_every_file_is_served_under_the_sub_path(site: BuiltSite, served: ServedSite) -> None:
    wrong = []
    for name in sorted(site.files):
        status, body = fetch(served.root_url + name)
        if status != 200 or body != (site.dir / name).read_bytes():
            wrong.append(f"{name}: {status}")
    assert not wrong, wrong


def test_every_page_loads_at_its_public_address(site: BuiltSite, served: ServedSite) -> None:
    for page in site.pages:
        status, body = fetch(served.root_url + page_route(page))
        assert status == 200, page
        assert b"<html" in body


def test_every_reference_resolves_as_served(site: BuiltSite, served: ServedSite) -> None:
    """Each page's links and assets, resolved against where the page is served, load."""
    checked: dict[str, int] = {}
    broken = []
    for reference in site.references(served.root_url):
        if not site.is_internal(reference.resolved, served.root_url):
            continue
        url = reference.resolved.partition("#")[0]
        if reference.element == "module" and url.endswith("/"):
            continue  # a folder (Pyodide's indexURL); its files are checked below
        url = served.root_url + url[len(site.site_url) :] if url.startswith(site.site_url) else url
        if url not in checked:
            checked[url] = fetch(url)[0]
        if checked[url] != 200:
            broken.append(f"{reference.source}: {reference.url} → {url} ({checked[url]})")
    assert len(checked) > 20
    assert not broken, broken


def test_the_404_page_loads_its_styles_and_scripts_from_any_depth(
    site: BuiltSite, served: ServedSite
) -> None:
    """GitHub Pages answers any missing address with 404.html, so its URLs must be absolute."""
    not_found = site.soup("404.html")
    assets = [tag["href"] for tag in not_found.find_all("link", rel="stylesheet")] + [
        tag["src"] for tag in not_found.find_all("script", src=True)
    ]
    assert any("main" in str(href) for href in assets), "404.html has no theme stylesheet"
    for deep in ("missing", "a/b/c/missing/", "plan/missing.html"):
        address = served.root_url + deep
        for asset in assets:
            url = urljoin(address, str(asset))
            assert urlsplit(url).path.startswith(SUB_PATH), (deep, asset)
            assert fetch(url)[0] == 200, (deep, asset)


def test_the_search_index_is_served_and_points_at_real_pages(
    site: BuiltSite, served: ServedSite
) -> None:
    status, body = fetch(served.root_url + "search/search_index.json")
    assert status == 200
    docs = json.loads(body)["docs"]
    assert docs
    for doc in docs:
        location, _, anchor = doc["location"].partition("#")
        target = site.file_for(site.site_url + location)
        assert target is not None, doc["location"]
        assert not anchor or anchor in site.anchors(target), doc["location"]


def test_the_sitemap_lists_every_page_under_the_sub_path(
    site: BuiltSite, served: ServedSite
) -> None:
    assert fetch(served.root_url + "sitemap.xml")[0] == 200
    locations = [r.resolved for r in site.references() if r.element == "sitemap"]
    listed = {site.file_for(url) for url in locations}
    assert all(urlsplit(url).path.startswith(SUB_PATH) for url in locations)
    assert listed == set(site.pages) - {"404.html"}
    for url in locations:
        assert fetch(served.root_url + url[len(site.site_url) :])[0] == 200, url


def test_the_runtime_files_are_served_where_the_worker_looks_for_them(
    built_site: Path, served: ServedSite
) -> None:
    stamp = read_runtime_stamp(built_site)
    worker_url = served.root_url + ENGINE_WORKER
    for core in PYODIDE_CORE:
        assert fetch(urljoin(worker_url, stamp["indexURL"] + core))[0] == 200, core
    assert fetch(urljoin(worker_url, stamp["stdLibURL"]))[0] == 200
    status, engine = fetch(urljoin(worker_url, stamp["engineURL"]))
    assert status == 200
    # The worker fetches the engine with this integrity: its bytes must match.
    digest = base64.b64encode(hashlib.sha256(engine).digest()).decode()
    assert stamp["engineIntegrity"] == f"sha256-{digest}"
