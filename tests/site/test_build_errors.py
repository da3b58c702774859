"""A broken content file stops `mkdocs build` with path:line:col lines and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.site.test_loader import HOME, make_content


def build(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Broken\ndocs_dir: docs\ntheme:\n  name: material\nplugins:\n  - guide\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def test_broken_content_fails_the_build_with_clickable_lines(tmp_path: Path) -> None:
    broken = HOME.replace("title: Home", "title: [Home") + "colour: blue\n"
    make_content(
        tmp_path,
        {
            "pages/home.yml": broken,
            "pages/extra.yml": HOME.replace("id: home", "id: extra") + "colour: red\n",
        },
    )

    result = build(tmp_path)

    assert result.returncode != 0
    assert "content/pages/home.yml:4:9: YAML syntax:" in result.stderr
    assert "content/pages/extra.yml:6:1: unknown key 'colour'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_guide_site_check_reports_the_same_lines(tmp_path: Path) -> None:
    make_content(tmp_path, {"pages/home.yml": HOME + "colour: blue\n"})
    result = subprocess.run(
        [sys.executable, "-m", "guide_site", "check", "content"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("content/pages/home.yml:6:1: unknown key 'colour'")
    assert "Traceback" not in result.stderr
