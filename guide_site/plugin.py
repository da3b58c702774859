"""The thin MkDocs adapter: every real step is a plain function elsewhere in guide_site.

- ``on_config``: check all content (:func:`guide_site.pipeline.check_content`; problems abort
  with path:line:col lines) and set the nav from site.yml.
- ``on_files``: add every rendered page as a generated file; a page the nav leaves out fails a
  strict build through MkDocs' own ``validation.omitted_files``.
- ``on_post_build``: make (or take from the cache) the engine's browser runtime, with the engine
  data made from this content, publish it into the site under content-hashed names and point
  the engine worker at it, then finish the release (CSP on every page, the service worker's
  manifest).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from guide_site.engine_bundle import BundleError, stage_engine
from guide_site.engine_data import engine_json
from guide_site.errors import ContentErrors
from guide_site.pipeline import CheckedContent, check_content
from guide_site.release import finish_release
from guide_site.runtime_bundle import prepare_runtime, publish_runtime, stamp_engine_worker
from guide_site.runtime_requests import engine_requests

log = get_plugin_logger(__name__)


class GuidePluginConfig(Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the YAML content and its schemas."""

    pyodide_dir = opt.Type(str, default="assets/pyodide")
    """Where, inside the built site, the engine's browser runtime is published."""

    runtime_cache_dir = opt.Type(str, default="build/runtime")
    """Where browser runtimes are kept between builds, one per version of what they are made of."""


class GuidePlugin(BasePlugin[GuidePluginConfig]):
    checked: CheckedContent | None = None
    serving = False
    """Under `mkdocs serve`, pages get no CSP (the live-reload script is inline) and no cache."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.repo_root = Path(config.config_file_path).parent
        self.checked = self._check(Path(self.config.content_dir))
        for warning in self.checked.warnings:
            log.warning(str(warning))
        nav = set(self.checked.content["site"]["nav"])
        config.nav = [
            {page.nav_title: page.src_uri} for page in self.checked.pages if page.page_id in nav
        ]
        return config

    def _check(self, content_dir: Path) -> CheckedContent:
        try:
            return check_content(content_dir, shown_relative_to=self.repo_root)
        except ContentErrors as problems:
            if not (self.serving and self.checked is not None):
                raise PluginError(f"content problems:\n{problems}") from None
            # A rebuild under `mkdocs serve`: say what is wrong and keep the last good content,
            # instead of stopping the server with a traceback.
            for line in str(problems).splitlines():
                log.error(line)
            log.error("content problems: still serving the last good content until they are fixed")
            return self.checked

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(Path(self.config.content_dir).resolve()))  # wherever it is
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.checked is not None
        for page in self.checked.pages:
            generated = File.generated(config, page.src_uri, content=page.markdown)
            generated.edit_uri = page.source
            files.append(generated)
        return files

    @event_priority(-100)  # after every other plugin has written into site/
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.checked is not None
        site_dir = Path(config.site_dir)
        examples = self.checked.content.get("examples", {}).get("examples", [])
        try:
            with tempfile.TemporaryDirectory(prefix="guide-engine-") as staging:
                staged = stage_engine(
                    self.repo_root, Path(staging), engine_json(self.checked.engine_data)
                )
                runtime = prepare_runtime(
                    self.repo_root,
                    staged,
                    engine_requests(self.checked.engine_data, examples),
                    self.repo_root / self.config.runtime_cache_dir,
                )
            published = publish_runtime(runtime, site_dir / self.config.pyodide_dir)
            stamp_engine_worker(site_dir, self.config.pyodide_dir, published)
        except BundleError as problem:
            raise PluginError(str(problem)) from None
        log.debug("browser runtime %s published", runtime.folder.name)
        # Last: the CSP hashes and the service worker's manifest cover every file written above.
        release = finish_release(site_dir, serving=self.serving)
        log.debug("release %s", release)
