"""Finish a built site as a release: lock its pages down and give the service worker its manifest.

The service worker (``overrides/sw.js``, published as ``sw.js`` at the site root) keeps a copy of
the site for repeat and offline visits. It learns what to keep from a manifest written into it here:
every file's path and a short sha256 (its revision), in two groups:

- ``shell``: pages and their assets, kept when the worker installs (a few hundred kB);
- ``engine``: the browser runtime, Pyodide's core and the engine (about 12 MB, 5.2 MB as served),
  kept only once someone uses the plan builder, so article readers never download any of it.

The release id is a hash of the manifest, so every change to the site changes ``sw.js``; browsers
then install the new worker, which keeps the new release in a new cache and deletes the old one.
"""

from __future__ import annotations

import hashlib
import json
import re
from fnmatch import fnmatch
from pathlib import Path
from typing import TypedDict

from guide_site.csp import add_policy

SERVICE_WORKER = "sw.js"
ENGINE_DIR = "assets/pyodide/"
NOT_KEPT = (
    SERVICE_WORKER,  # browsers fetch the worker themselves, bypassing it
    "*.map",  # only developer tools ask for source maps
    "sitemap.xml.gz",  # for search engines; the plain sitemap.xml is kept
    # Material's search for languages other than the site's (English needs none of them).
    "assets/javascripts/lunr/*",
)
_PLACEHOLDER = re.compile(r"/\* @release \*/.*?/\* @end \*/", re.S)


class ReleaseManifest(TypedDict):
    id: str | None
    shell: dict[str, str]
    engine: dict[str, str]


def revision(path: Path) -> str:
    """The short content hash the service worker checks each downloaded file against."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def release_manifest(site_dir: Path) -> ReleaseManifest:
    """Every file the service worker may keep, with its revision, and the release id."""
    manifest = ReleaseManifest(id=None, shell={}, engine={})
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = path.relative_to(site_dir).as_posix()
        if any(fnmatch(name, pattern) for pattern in NOT_KEPT):
            continue
        group = manifest["engine"] if name.startswith(ENGINE_DIR) else manifest["shell"]
        group[name] = revision(path)
    listing = json.dumps([manifest["shell"], manifest["engine"]], sort_keys=True)
    manifest["id"] = hashlib.sha256(listing.encode()).hexdigest()[:16]
    return manifest


def stamp_service_worker(site_dir: Path, manifest: ReleaseManifest) -> None:
    """Write ``manifest`` into the published ``sw.js`` (an id of null keeps nothing: dev mode)."""
    worker = site_dir / SERVICE_WORKER
    source = worker.read_text(encoding="utf-8")
    if not _PLACEHOLDER.search(source):
        raise ValueError(f"{worker}: no /* @release */ ... /* @end */ placeholder to stamp")
    stamped = json.dumps(manifest, separators=(",", ":"), sort_keys=True)
    worker.write_text(
        _PLACEHOLDER.sub(lambda _: f"/* @release */ {stamped} /* @end */", source),
        encoding="utf-8",
    )


def finish_release(site_dir: Path, *, serving: bool = False) -> str | None:
    """Add the CSP to every page, then stamp the service worker; return the release id.

    Under ``mkdocs serve`` (``serving=True``) pages get no CSP, because the dev server injects an
    inline live-reload script, and the service worker keeps nothing, so edits show at once.
    """
    if serving:
        stamp_service_worker(site_dir, ReleaseManifest(id=None, shell={}, engine={}))
        return None
    add_policy(site_dir)
    manifest = release_manifest(site_dir)
    stamp_service_worker(site_dir, manifest)
    return manifest["id"]
