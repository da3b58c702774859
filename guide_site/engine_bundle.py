"""Bundle the engine for the browser: self-hosted Pyodide core, the engine wheel, a site lockfile.

``pyodide build`` needs the internet, and a pure-Python wheel is all Pyodide needs, so the wheel
comes from ``pip wheel``. pyodide-build's ``lockfile add-wheels`` then records it with its sha256,
which lets the browser load the engine by name, integrity-checked, while Pyodide boots.

The engine data made from content is staged into the wheel (``guide_engine/data/engine.json``)
here, in the build folder; the source tree never holds it.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ENGINE_PACKAGE = "guide_engine"
ENGINE_DISTRIBUTION = "guide-engine"
PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.mjs.map",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)


class BundleError(RuntimeError):
    """The engine could not be bundled; the message says what to do."""


KEPT_BUNDLES = 8
DATA_FILE = Path(ENGINE_PACKAGE, "data", "engine.json")


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


def _fingerprint(repo_root: Path, npm_lock: Path, engine_data: str) -> str:
    digest = hashlib.sha256(npm_lock.read_bytes())
    digest.update(engine_data.encode())
    for path in _engine_sources(repo_root):
        digest.update(path.relative_to(repo_root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def project_version(repo_root: Path) -> str:
    with (repo_root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _stage(repo_root: Path, staging: Path, engine_data: str) -> None:
    """A tiny source tree holding just the engine and its data, so the wheel needs nothing else."""
    for path in _engine_sources(repo_root):
        target = staging / path.relative_to(repo_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    (staging / DATA_FILE).parent.mkdir(parents=True, exist_ok=True)
    (staging / DATA_FILE).write_text(engine_data, encoding="utf-8", newline="\n")
    (staging / "pyproject.toml").write_text(
        "[build-system]\n"
        'requires = ["setuptools>=69"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        "[project]\n"
        f'name = "{ENGINE_DISTRIBUTION}"\n'
        f'version = "{project_version(repo_root)}"\n'
        'requires-python = ">=3.11"\n\n'
        "[tool.setuptools.packages.find]\n"
        f'include = ["{ENGINE_PACKAGE}*"]\n\n'
        "[tool.setuptools.package-data]\n"
        f'{ENGINE_PACKAGE} = ["py.typed", "data/*.json"]\n',
        encoding="utf-8",
    )


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise BundleError(f"{what} failed: " + " | ".join(detail))


def build_engine_wheel(repo_root: Path, out_dir: Path, engine_data: str) -> Path:
    """Build the engine's pure-Python wheel, with ``engine_data``, into ``out_dir``."""
    staging = out_dir / "src"
    shutil.rmtree(staging, ignore_errors=True)
    _stage(repo_root, staging, engine_data)
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out_dir),
            str(staging),
        ],
        "pip wheel for the engine",
    )
    shutil.rmtree(staging)
    wheels = sorted(out_dir.glob(f"{ENGINE_PACKAGE}-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one engine wheel in {out_dir}, found {len(wheels)}")
    return wheels[0]


def write_site_lockfile(npm_lock: Path, wheel: Path, out_dir: Path) -> Path:
    """Pyodide's own lockfile plus our wheel, as ``out_dir/pyodide-lock.json``."""
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    lockfile = out_dir / "pyodide-lock.json"
    _run(
        [
            str(pyodide_cli),
            "lockfile",
            "add-wheels",
            "--input",
            str(npm_lock),
            "--output",
            str(lockfile),
            "--base-path",
            str(out_dir),
            str(wheel),
        ],
        "pyodide lockfile add-wheels",
    )
    return lockfile


def prepare_engine_bundle(repo_root: Path, cache_dir: Path, engine_data: str) -> Path:
    """Wheel + lockfile for the engine and its data (engine.json text), built once per change."""
    npm_dir = repo_root / "node_modules" / "pyodide"
    npm_lock = npm_dir / "pyodide-lock.json"
    if not npm_lock.is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (or `make setup`)")
    bundle = cache_dir / _fingerprint(repo_root, npm_lock, engine_data)
    if (bundle / "pyodide-lock.json").is_file():
        return bundle
    shutil.rmtree(bundle, ignore_errors=True)
    bundle.mkdir(parents=True)
    wheel = build_engine_wheel(repo_root, bundle, engine_data)
    write_site_lockfile(npm_lock, wheel, bundle)
    _forget_old_bundles(cache_dir)
    return bundle


def _forget_old_bundles(cache_dir: Path, keep: int = KEPT_BUNDLES) -> None:
    """Each edit of content makes a bundle; keep only the newest few (another build may use one)."""
    bundles = sorted(
        (path for path in cache_dir.iterdir() if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in bundles[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def copy_bundle(repo_root: Path, bundle: Path, dest: Path) -> None:
    """Put the Pyodide core files, the engine wheel and the site lockfile into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    npm_dir = repo_root / "node_modules" / "pyodide"
    for name in PYODIDE_CORE_FILES:
        shutil.copy2(npm_dir / name, dest / name)
    for path in bundle.iterdir():
        shutil.copy2(path, dest / path.name)
