"""Shared fixtures: one real site build per test session, served under a project sub-path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import SUB_PATH, ServedSite, free_port, serve

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Generate the engine's data from content/ first, as a build would: it is not committed."""
    from guide_site.engine_data import engine_package_dir, write_engine_data
    from guide_site.loader import load_content

    write_engine_data(load_content(REPO / "content", shown_relative_to=REPO), engine_package_dir())


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
