"""Make, check and publish the plan builder's browser runtime.

Most of a bare Pyodide boot is Python compiling its standard library from ``.py``, on every
visit. So the build makes the runtime once, in Node with the pinned Pyodide
(``runtime_build.mjs``), offline:

- ``python-stdlib-<hash>.zip``: only the standard-library modules Pyodide's start-up and the
  engine use, precompiled to ``.pyc`` by Pyodide's own Python; passed to Pyodide as ``stdLibURL``;
- ``guide-engine-<hash>.zip``: the engine, precompiled too, with its data; it goes on sys.path;
- ``core-<hash>/``: Pyodide's loader and WebAssembly, unchanged.

It then starts the engine on the new files and runs every request and import statement again:
the build fails, naming the module, if anything is missing or any answer differs. Each file's
name carries its content hash (GitHub Pages cannot send cache headers, so a name must change
when its bytes do), and the engine worker is told the names (``stamp_engine_worker``).

The result is cached by a hash of everything it is made from, like the engine itself.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_site.engine_bundle import ENGINE_PACKAGE, ENGINE_PACKAGE_DATA, BundleError
from guide_site.engine_imports import EngineImports, engine_imports

NODE_SCRIPT = Path(__file__).with_name("runtime_build.mjs")
BOOT_MODULE = Path("overrides/assets/javascripts/guide/engine-boot.mjs")
ENGINE_WORKER = "assets/javascripts/guide/engine-worker.mjs"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB_ZIP = "python-stdlib.zip"
ENGINE_ZIP = "guide-engine.zip"
REPORT = "runtime.json"
NODE_TIMEOUT_S = 600
KEPT_RUNTIMES = 8
STRIP_STDLIB_DOCSTRINGS = True
"""The library's docstrings are a seventh of its bytes and nothing the engine reads: they go,
as under ``python -OO`` (asserts stay). The engine's own code is compiled as written."""
_MISSING = re.compile(r"No module named '([^']+)'")
_RUNTIME_STAMP = re.compile(r"/\* @runtime \*/.*?/\* @end \*/", re.S)
_CORE_IMPORT = re.compile(r'(import \{ loadPyodide \} from ")[^"]*(pyodide\.mjs";)')


@dataclass(frozen=True)
class RuntimeFiles:
    folder: Path
    """The cached runtime: the two zips and the build's report."""
    pyodide_dir: Path
    """The pinned Pyodide (node_modules/pyodide), whose core is published unchanged."""


def _short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _engine_files(staged: Path, imports: EngineImports) -> dict[str, Path]:
    """The engine's files for the browser: the modules its entry point reaches, and its data."""
    package = staged / ENGINE_PACKAGE
    files = {}
    for module in imports.modules:
        parts = module.split(".")
        path = staged.joinpath(*parts, "__init__.py")
        if not path.is_file():
            path = staged.joinpath(*parts).with_suffix(".py")
        files[path.relative_to(staged).as_posix()] = path
    for path in sorted(package.rglob("*")):
        name = path.relative_to(package).as_posix()
        if path.is_file() and any(fnmatch.fnmatch(name, p) for p in ENGINE_PACKAGE_DATA):
            files[path.relative_to(staged).as_posix()] = path
    return dict(sorted(files.items()))


def _fingerprint(
    repo_root: Path, pyodide_dir: Path, engine: dict[str, Path], job: dict[str, Any]
) -> str:
    digest = hashlib.sha256()
    for path in (
        pyodide_dir / "package.json",
        pyodide_dir / "pyodide-lock.json",
        pyodide_dir / "python_stdlib.zip",
        NODE_SCRIPT,
        Path(__file__),
        repo_root / BOOT_MODULE,
    ):
        digest.update(path.read_bytes())
    for name, path in engine.items():
        digest.update(name.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(job, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _write_source_zip(engine: dict[str, Path], target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for name, path in engine.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), path.read_bytes())


def _run_node(job_file: Path, report_file: Path) -> dict[str, Any]:
    try:
        result = subprocess.run(
            ["node", str(NODE_SCRIPT), str(job_file)],
            capture_output=True,
            text=True,
            timeout=NODE_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        raise BundleError("node is not installed: the browser runtime is made with it") from None
    if result.returncode != 0 or not report_file.is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise BundleError("making the browser runtime failed: " + " | ".join(detail))
    return dict(json.loads(report_file.read_text(encoding="utf-8")))


def _missing_modules(texts: list[str | None]) -> list[str]:
    return sorted({m for text in texts if text for m in _MISSING.findall(text)})


def check_runtime_report(report: dict[str, Any], job: dict[str, Any]) -> list[str]:
    """Every way the trimmed runtime fell short of the stock one, one line each."""
    stock, trimmed = report["stock"], report["trimmed"]
    where = {s["statement"]: s["where"] for s in job["statements"]}
    if stock.get("failed"):
        return [f"the engine does not start in Pyodide at all: {stock['failed']}"]
    problems = [
        f"{where[statement]}: `{statement}` fails in Pyodide: {failure}"
        for statement, failure in zip(job["imports"], stock["imports"], strict=True)
        if failure
    ]
    if problems:
        return problems
    if trimmed.get("failed"):
        missing = _missing_modules([trimmed["failed"]])
        named = f" lacks module {', '.join(map(repr, missing))}" if missing else " fails"
        return [f"the engine does not start on the trimmed runtime, which{named}: "
                f"{trimmed['failed']}"]  # fmt: skip
    for statement, failure in zip(job["imports"], trimmed["imports"], strict=True):
        if failure:
            problems.append(
                f"{where[statement]}: `{statement}` fails on the trimmed runtime: {failure}"
            )
    differ = [
        (request, got)
        for request, want, got in zip(
            job["requests"], stock["responses"], trimmed["responses"], strict=True
        )
        if want != got
    ]
    for request, got in differ:
        missing = _missing_modules([got])
        why = f"it lacks module {', '.join(map(repr, missing))}" if missing else "it answers"
        problems.append(f"request {request[:80]}: on the trimmed runtime {why}: {got[:200]}")
    return problems


def prepare_runtime(
    repo_root: Path,
    staged: Path,
    requests: list[str],
    cache_dir: Path,
    *,
    omit: tuple[str, ...] = (),
) -> RuntimeFiles:
    """Make (or take from the cache) the runtime for the engine staged under ``staged``.

    ``requests`` are request texts that together take every path of the engine
    (``runtime_requests.engine_requests``). ``omit`` leaves standard-library modules out of
    the trimmed library, to test that the check catches a missing one.
    """
    pyodide_dir = repo_root / "node_modules" / "pyodide"
    if not (pyodide_dir / "pyodide-lock.json").is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (or `make setup`)")
    imports = engine_imports(staged)
    engine = _engine_files(staged, imports)
    job: dict[str, Any] = {
        "requests": requests,
        "imports": [s.statement for s in imports.statements],
        "statements": [{"statement": s.statement, "where": s.where} for s in imports.statements],
        "omit": list(omit),
        "stripStdlibDocstrings": STRIP_STDLIB_DOCSTRINGS,
    }
    folder = cache_dir / _fingerprint(repo_root, pyodide_dir, engine, job)
    if (folder / REPORT).is_file():
        return RuntimeFiles(folder, pyodide_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Made aside and moved in whole, so a build that stops half way (or runs beside another)
    # never leaves a half-made runtime where the next build would take it.
    partial = Path(tempfile.mkdtemp(prefix=f"{folder.name}.partial-", dir=cache_dir))
    _write_source_zip(engine, partial / "engine-src.zip")
    job_file = partial / "job.json"
    job_file.write_text(
        json.dumps(
            {
                **job,
                "pyodide": str(pyodide_dir) + "/",
                "boot": str(repo_root / BOOT_MODULE),
                "engineSource": str(partial / "engine-src.zip"),
                "out": str(partial),
                "stdlibName": STDLIB_ZIP,
                "engineName": ENGINE_ZIP,
                "report": str(partial / "node-report.json"),
            }
        ),
        encoding="utf-8",
    )
    try:
        report = _run_node(job_file, partial / "node-report.json")
        problems = check_runtime_report(report, job)
        if problems:
            raise BundleError("the browser runtime cannot run the engine:\n" + "\n".join(problems))
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    summary = {
        "python": report["stock"]["python"],
        "stdlib": report["stock"]["stdlib"],
        "engine": report["stock"]["engine"],
        "requests": len(requests),
        "imports": job["statements"],
    }
    (partial / REPORT).write_text(json.dumps(summary, indent=1), encoding="utf-8")
    for leftover in ("engine-src.zip", "job.json", "node-report.json"):
        (partial / leftover).unlink()
    try:
        partial.rename(folder)
    except OSError:  # another build made the same runtime meanwhile: the same bytes
        shutil.rmtree(partial, ignore_errors=True)
    _forget_old_runtimes(cache_dir)
    return RuntimeFiles(folder, pyodide_dir)


def _forget_old_runtimes(cache_dir: Path, keep: int = KEPT_RUNTIMES) -> None:
    """Each edit of the engine or its data makes a runtime; keep only the newest few."""
    made = sorted(
        (path for path in cache_dir.iterdir() if (path / REPORT).is_file()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in made[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _integrity(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def publish_runtime(runtime: RuntimeFiles, dest: Path) -> dict[str, Any]:
    """Copy the runtime into the site folder ``dest`` under content-hashed names.

    Returns where each file went (paths relative to ``dest``) and what the worker needs to know.
    """
    dest.mkdir(parents=True, exist_ok=True)
    core = hashlib.sha256()
    for name in PYODIDE_CORE:
        core.update(name.encode() + b"\0" + (runtime.pyodide_dir / name).read_bytes())
    core_dir = f"core-{core.hexdigest()[:16]}/"
    (dest / core_dir).mkdir(exist_ok=True)
    for name in (*PYODIDE_CORE, "pyodide.mjs.map"):
        shutil.copy2(runtime.pyodide_dir / name, dest / core_dir / name)
    published = {}
    for name in (STDLIB_ZIP, ENGINE_ZIP):
        data = (runtime.folder / name).read_bytes()
        stem, suffix = name.rsplit(".", 1)
        published[name] = f"{stem}-{_short_hash(data)}.{suffix}"
        (dest / published[name]).write_bytes(data)
    lock = json.loads((runtime.pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {
        "indexURL": core_dir,
        "stdLibURL": published[STDLIB_ZIP],
        "engineURL": published[ENGINE_ZIP],
        "engineIntegrity": _integrity((runtime.folder / ENGINE_ZIP).read_bytes()),
        "lockInfo": lock["info"],
    }


def stamp_engine_worker(site_dir: Path, runtime_dir: str, published: dict[str, Any]) -> None:
    """Point the published engine worker at the runtime's hashed files (relative to itself)."""
    worker = site_dir / ENGINE_WORKER
    source = worker.read_text(encoding="utf-8")
    to_runtime = posixpath.relpath(runtime_dir, posixpath.dirname(ENGINE_WORKER)) + "/"
    urls = {key: to_runtime + value for key, value in published.items() if key.endswith("URL")}
    stamp = json.dumps({**published, **urls}, separators=(",", ":"), sort_keys=True)
    stamped, runtimes = _RUNTIME_STAMP.subn(lambda _: f"/* @runtime */ {stamp} /* @end */", source)
    core = to_runtime + published["indexURL"]
    stamped, cores = _CORE_IMPORT.subn(lambda m: m[1] + core + m[2], stamped)
    if (runtimes, cores) != (1, 1):
        raise BundleError(
            f"{worker}: expected one /* @runtime */ ... /* @end */ placeholder and one "
            '`import { loadPyodide } from ".../pyodide.mjs";`'
        )
    worker.write_text(stamped, encoding="utf-8")


def read_runtime_stamp(site_dir: Path) -> dict[str, Any]:
    """What ``stamp_engine_worker`` wrote into a built site's worker (URLs relative to it)."""
    source = (site_dir / ENGINE_WORKER).read_text(encoding="utf-8")
    match = _RUNTIME_STAMP.search(source)
    stamp = match and json.loads(match[0].removeprefix("/* @runtime */").removesuffix("/* @end */"))
    if not isinstance(stamp, dict):
        raise BundleError(f"{site_dir / ENGINE_WORKER}: not stamped with a runtime")
    return stamp
