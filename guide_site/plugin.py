"""The thin MkDocs adapter: every real step is a plain function elsewhere in guide_site.

- ``on_config``: load and validate content/ (errors abort with path:line:col lines), set the nav.
- ``on_files``: add the rendered pages as generated files.
- ``on_post_build``: copy the self-hosted Pyodide core and the engine bundle into the site, then
  finish the release (CSP on every page, the service worker's manifest).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from guide_site.engine_bundle import BundleError, copy_bundle, prepare_engine_bundle
from guide_site.engine_data import EngineDataError, build_engine_data, write_engine_json
from guide_site.errors import ContentErrors
from guide_site.loader import Content, load_content
from guide_site.release import finish_release
from guide_site.render import render_pages

log = get_plugin_logger(__name__)


class GuidePluginConfig(Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the YAML content and its schemas."""

    pyodide_dir = opt.Type(str, default="assets/pyodide")
    """Where, inside the built site, the Pyodide core and the engine wheel are published."""

    cache_dir = opt.Type(str, default="build/engine")
    """Where engine wheels are kept between builds, one per version of the engine's files."""


class GuidePlugin(BasePlugin[GuidePluginConfig]):
    content: Content
    serving = False
    """Under `mkdocs serve`, pages get no CSP (the live-reload script is inline) and no cache."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.repo_root = Path(config.config_file_path).parent
        try:
            self.content = load_content(
                Path(self.config.content_dir), shown_relative_to=self.repo_root
            )
            self.engine_data = build_engine_data(self.content)
        except (ContentErrors, EngineDataError) as problems:
            raise PluginError(f"content problems:\n{problems}") from None
        self.rendered = render_pages(self.content, self.engine_data)
        config.nav = [{page.nav_title: page.src_uri} for page in self.rendered]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.rendered:
            generated = File.generated(config, page.src_uri, content=page.markdown)
            generated.edit_uri = page.source
            files.append(generated)
        return files

    @event_priority(-100)  # after every other plugin has written into site/
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Written only when it changed, so `mkdocs serve`, which watches the engine, settles.
        write_engine_json(self.engine_data, self.repo_root / "guide_engine")
        try:
            bundle = prepare_engine_bundle(self.repo_root, self.repo_root / self.config.cache_dir)
            copy_bundle(self.repo_root, bundle, Path(config.site_dir) / self.config.pyodide_dir)
        except BundleError as problem:
            raise PluginError(str(problem)) from None
        log.debug("engine bundle %s copied", bundle.name)
        # Last: the CSP hashes and the service worker's manifest cover every file written above.
        release = finish_release(Path(config.site_dir), serving=self.serving)
        log.debug("release %s", release)
