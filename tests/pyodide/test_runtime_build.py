"""The build's runtime step: in real Pyodide under Node it finds, compiles and checks what the
engine needs, fails naming the module when one is missing, and gives the same bytes every time.

Each test makes a runtime from a staged copy of the engine into its own cache folder, as the
plugin does (guide_site/plugin.py), so nothing here is taken from an earlier build.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from guide_site.engine_bundle import BundleError, stage_engine
from guide_site.engine_data import engine_json
from guide_site.runtime_bundle import (
    ENGINE_ZIP,
    STDLIB_ZIP,
    RuntimeFiles,
    prepare_runtime,
    read_runtime_stamp,
)
from guide_site.runtime_requests import engine_requests
from tests.support.content import CONTENT, ENGINE_DATA, REPO

pytestmark = pytest.mark.long  # each makes a runtime in Node

REQUESTS = engine_requests(ENGINE_DATA, CONTENT["examples"]["examples"])


def staged_engine(tmp_path: Path, *, web_py_extra: str = "") -> Path:
    """The engine as the plugin stages it, its browser entry point optionally given more code."""
    staged = stage_engine(REPO, tmp_path / "staged", engine_json(ENGINE_DATA))
    if web_py_extra:
        web = staged / "guide_engine" / "web.py"
        web.write_text(web.read_text(encoding="utf-8") + web_py_extra, encoding="utf-8")
    return staged


def make_runtime(tmp_path: Path, staged: Path, **options: tuple[str, ...]) -> RuntimeFiles:
    return prepare_runtime(REPO, staged, REQUESTS, tmp_path / "cache", **options)


def stdlib_members(runtime: RuntimeFiles) -> set[str]:
    with zipfile.ZipFile(runtime.folder / STDLIB_ZIP) as archive:
        return set(archive.namelist())


def test_the_same_inputs_give_the_same_bytes_as_the_sites_runtime(
    tmp_path: Path, built_site: Path
) -> None:
    """Reproducible: made afresh here, the zips equal the ones the site build published."""
    runtime = make_runtime(tmp_path, staged_engine(tmp_path))
    stamp = read_runtime_stamp(built_site)
    worker_dir = built_site / "assets/javascripts/guide"
    for name, key in ((STDLIB_ZIP, "stdLibURL"), (ENGINE_ZIP, "engineURL")):
        published = (worker_dir / stamp[key]).read_bytes()
        assert (runtime.folder / name).read_bytes() == published, name


def test_a_module_missing_from_the_trimmed_library_fails_the_build_by_name(
    tmp_path: Path,
) -> None:
    with pytest.raises(BundleError) as failure:
        make_runtime(tmp_path, staged_engine(tmp_path), omit=("html.entities",))
    message = str(failure.value)
    assert "the browser runtime cannot run the engine" in message
    assert "lacks module 'html.entities'" in message
    assert not list((tmp_path / "cache").glob("*/runtime.json")), "a failed runtime was cached"


def test_a_lazy_import_no_request_reaches_is_still_in_the_runtime(tmp_path: Path) -> None:
    """The engine's import statements are walked, not only run: one inside a function counts."""
    lazy = "\n\ndef _never_called() -> None:\n    import tomllib  # noqa: F401\n"
    runtime = make_runtime(tmp_path, staged_engine(tmp_path, web_py_extra=lazy))
    assert "tomllib/__init__.pyc" in stdlib_members(runtime)


def test_a_lazy_import_pyodide_cannot_satisfy_fails_the_build_where_it_stands(
    tmp_path: Path,
) -> None:
    lazy = "\n\ndef _never_called() -> None:\n    import yaml  # noqa: F401\n"
    staged = staged_engine(tmp_path, web_py_extra=lazy)
    line = len((staged / "guide_engine/web.py").read_text(encoding="utf-8").splitlines())
    with pytest.raises(BundleError) as failure:
        make_runtime(tmp_path, staged)
    assert f"guide_engine/web.py:{line}: `import yaml` fails in Pyodide" in str(failure.value)
    assert "No module named 'yaml'" in str(failure.value)
