"""Stage the engine for the browser: the ``guide_engine`` package as it ships, with its data.

The staged package is what the browser runtime is made from (``runtime_bundle``): its modules,
precompiled, and its data files (``ENGINE_PACKAGE_DATA``), the same files a wheel of it holds.
The engine data made from content is staged here (``guide_engine/data/engine.json``), in the
build folder; the source tree never holds it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ENGINE_PACKAGE = "guide_engine"
ENGINE_PACKAGE_DATA = ("py.typed", "data/*.json")
"""The package's files besides its modules (as ``[tool.setuptools.package-data]`` says)."""
DATA_FILE = Path(ENGINE_PACKAGE, "data", "engine.json")


class BundleError(RuntimeError):
    """The engine could not be bundled; the message says what to do."""


def _engine_sources(repo_root: Path) -> list[Path]:
    package = repo_root / ENGINE_PACKAGE
    return sorted(
        path
        for path in package.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        and path.relative_to(repo_root) != DATA_FILE  # left by an older build: not a source
    )


def stage_engine(repo_root: Path, staging: Path, engine_data: str) -> Path:
    """Copy the engine package, with ``engine_data`` (engine.json text), into ``staging``.

    ``staging`` is emptied first; it then holds ``guide_engine/`` as it ships, so it can go on
    sys.path. Returns ``staging``.
    """
    shutil.rmtree(staging, ignore_errors=True)
    for path in _engine_sources(repo_root):
        target = staging / path.relative_to(repo_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    if not (staging / ENGINE_PACKAGE / "__init__.py").is_file():
        raise BundleError(f"{repo_root / ENGINE_PACKAGE}: the engine package is missing")
    (staging / DATA_FILE).parent.mkdir(parents=True, exist_ok=True)
    (staging / DATA_FILE).write_text(engine_data, encoding="utf-8", newline="\n")
    return staging
