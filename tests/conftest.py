"""Shared fixtures: one real site build per test session, served under a project sub-path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.support.server import SUB_PATH, ServedSite, free_port, serve

REPO = Path(__file__).resolve().parents[1]

# No property test is a timing test: on this shared machine, under a parallel run, one example
# can take ten times as long as it does alone, which Hypothesis's deadline calls a failure.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")


def pytest_configure(config: pytest.Config) -> None:
    """Give the engine its data the way a development checkout does: a file named by
    GUIDE_ENGINE_DATA (never inside the source tree), so ``build_plan()`` without ``data=`` and
    the ``guide-engine`` command in a subprocess use the content under test."""
    from guide_engine.packaged_data import DATA_FILE_VARIABLE
    from guide_site.engine_data import write_engine_json
    from tests.support.content import ENGINE_DATA

    folder = Path(tempfile.mkdtemp(prefix="guide-engine-data-"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ[DATA_FILE_VARIABLE] = str(write_engine_json(ENGINE_DATA, folder / "engine.json"))
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker: the run's only process
        prepare_shared_engine_bundle()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked `long`) go first, so that in a parallel run they start at once
    and the run's last minute is not spent waiting for one of them alone."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable


def prepare_shared_engine_bundle() -> None:
    """Make the browser runtime that every site build reuses, once, before any test runs.

    `make test` runs the tests in parallel workers (pytest-xdist), and each builds its own site;
    with the runtime already in the build cache, no two of them make it at the same time.
    """
    from guide_site.engine_bundle import stage_engine
    from guide_site.engine_data import engine_json
    from guide_site.plugin import GuidePlugin
    from guide_site.runtime_bundle import prepare_runtime
    from guide_site.runtime_requests import engine_requests
    from tests.support.content import CONTENT, ENGINE_DATA

    cache_dir = dict(GuidePlugin.config_scheme)["runtime_cache_dir"].default
    examples = CONTENT.get("examples", {}).get("examples", [])
    with tempfile.TemporaryDirectory(prefix="guide-engine-") as staging:
        staged = stage_engine(REPO, Path(staging), engine_json(ENGINE_DATA))
        prepare_runtime(REPO, staged, engine_requests(ENGINE_DATA, examples), REPO / cache_dir)


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the test server will use, known before the build so site_url can match it."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real content built with `mkdocs build --strict`, as `make build` does.

    Its site_url is the test server's own address, as on GitHub Pages: Material's instant
    navigation only follows links that the sitemap lists under site_url.
    """
    site_dir = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{site_port}{SUB_PATH}",
        },
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture
def served_site(built_site: Path, site_port: int) -> Iterator[ServedSite]:
    with serve(built_site, port=site_port) as site:
        yield site
