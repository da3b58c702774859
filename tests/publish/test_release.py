"""Each build is a release: the service worker carries its manifest, and a new build a new id."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from guide_site.release import SERVICE_WORKER, finish_release, release_manifest
from tests.publish.crawl import BuiltSite

REPO = Path(__file__).resolve().parents[2]
STAMPED = re.compile(r"/\* @release \*/ (?P<manifest>.*?) /\* @end \*/", re.S)


def stamped_manifest(site_dir: Path) -> dict:
    match = STAMPED.search((site_dir / SERVICE_WORKER).read_text(encoding="utf-8"))
    assert match, "sw.js has no release placeholder"
    return json.loads(match["manifest"])


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict:
    return stamped_manifest(built_site)


def test_the_service_worker_is_published_at_the_site_root(built_site: Path) -> None:
    """At the root, its scope is the whole site, whatever sub-path serves it."""
    assert (built_site / SERVICE_WORKER).is_file()
    site = BuiltSite(built_site)
    register = (built_site / "assets/javascripts/sw-register.mjs").read_text(encoding="utf-8")
    assert 'new URL("../../sw.js", import.meta.url)' in register
    assert all("sw-register.mjs" in (built_site / page).read_text("utf-8") for page in site.pages)


def test_the_build_stamps_a_release_id(manifest: dict) -> None:
    assert re.fullmatch(r"[0-9a-f]{16}", manifest["id"] or ""), (
        "sw.js is not stamped: call finish_release from the plugin's on_post_build"
    )


def test_the_manifest_holds_every_page_and_the_whole_engine(
    built_site: Path, manifest: dict
) -> None:
    site = BuiltSite(built_site)
    assert set(site.pages) <= set(manifest["shell"])
    assert {"search/search_index.json", "sitemap.xml"} <= set(manifest["shell"])
    engine_files = {
        name
        for name in site.files
        if name.startswith("assets/pyodide/") and not name.endswith(".map")
    }
    assert set(manifest["engine"]) == engine_files
    assert any(name.endswith("/pyodide.asm.wasm") for name in engine_files)
    assert any(name.startswith("assets/pyodide/python-stdlib-") for name in engine_files)
    assert any(name.startswith("assets/pyodide/guide-engine-") for name in engine_files)
    # Article readers never download the engine: none of it is in the part kept at install.
    assert not any(name.startswith("assets/pyodide/") for name in manifest["shell"])
    assert not any(name.endswith(".map") or name == SERVICE_WORKER for name in manifest["shell"])


def test_every_revision_is_the_published_files_hash(built_site: Path, manifest: dict) -> None:
    """Computed after the CSP went into the pages: the worker checks downloads against these."""
    for group in ("shell", "engine"):
        for name, revision in manifest[group].items():
            digest = hashlib.sha256((built_site / name).read_bytes()).hexdigest()
            assert digest[:16] == revision, name


# -- finish_release on a small site ----------------------------------------------------------


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head>'
        "<body><p>One</p><script>hi()</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "assets/pyodide").mkdir(parents=True)
    (tmp_path / "assets/pyodide/pyodide.asm.wasm").write_bytes(b"\0asm")
    (tmp_path / SERVICE_WORKER).write_text(
        (REPO / "overrides" / SERVICE_WORKER).read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path


def test_a_changed_file_makes_a_new_release(small_site: Path) -> None:
    first = finish_release(small_site)
    assert finish_release(small_site) == first  # the same files: the same release
    page = small_site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("One", "Two"), encoding="utf-8")
    second = finish_release(small_site)
    assert second != first
    assert stamped_manifest(small_site)["id"] == second
    assert stamped_manifest(small_site)["engine"] == release_manifest(small_site)["engine"]


def test_under_mkdocs_serve_nothing_is_kept_and_live_reload_may_run(small_site: Path) -> None:
    assert finish_release(small_site, serving=True) is None
    assert stamped_manifest(small_site) == {"id": None, "shell": {}, "engine": {}}
    assert "Content-Security-Policy" not in (small_site / "index.html").read_text("utf-8")
