"""Walk the engine's own import statements, from its browser entry point, lazy ones included.

The browser runtime holds only the standard-library modules the engine uses. Running the engine
at build finds most of them; this walk finds the rest: every ``import`` the engine's code could
reach, wherever it stands (inside a function too), so the build can run each one against the
trimmed runtime and fail if any is missing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ENGINE_PACKAGE = "guide_engine"
BROWSER_ENTRY = "guide_engine.web"


@dataclass(frozen=True)
class ImportStatement:
    statement: str
    """The statement as absolute Python, ``from importlib import resources``."""
    where: str
    """Its first place in the engine, ``guide_engine/packaged_data.py:7``."""


@dataclass(frozen=True)
class EngineImports:
    modules: list[str]
    """The engine's own modules the entry point can reach (packages included), sorted."""
    statements: list[ImportStatement]
    """Every import of something outside the engine, once each, in the order first met."""


def module_file(root: Path, module: str) -> Path | None:
    """The source of an engine module under ``root`` (the folder holding the package), or None."""
    base = root.joinpath(*module.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    anchor = package if is_package else package[:-1]
    anchor = anchor[: len(anchor) - (node.level - 1)]
    return ".".join([*anchor, *([node.module] if node.module else [])])


def _statements(
    tree: ast.Module, module: str, is_package: bool
) -> list[tuple[str, int, list[str]]]:
    """(statement, line, modules it may load) for each import in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((f"import {alias.name}", node.lineno, [alias.name]))
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, module, is_package)
            names = [alias.name for alias in node.names]
            # ``from package import name`` may load the submodule package.name.
            loads = [target, *(f"{target}.{name}" for name in names if name != "*")]
            found.append((f"from {target} import {', '.join(names)}", node.lineno, loads))
    return sorted(found, key=lambda item: item[1])


def _parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def engine_imports(root: Path, entry: str = BROWSER_ENTRY) -> EngineImports:
    """Follow ``entry``'s imports through the engine's modules under ``root``."""
    queue, seen = [*_parents(entry), entry], set()
    statements: dict[str, ImportStatement] = {}
    while queue:
        module = queue.pop(0)
        source = module_file(root, module)
        if module in seen or source is None:
            continue
        seen.add(module)
        tree = ast.parse(source.read_bytes(), filename=str(source))
        where = source.relative_to(root).as_posix()
        for statement, line, loads in _statements(tree, module, source.name == "__init__.py"):
            ours = [name for name in loads if name.split(".")[0] == ENGINE_PACKAGE]
            if ours:
                queue += [parent for name in ours for parent in [*_parents(name), name]]
            else:
                statements.setdefault(statement, ImportStatement(statement, f"{where}:{line}"))
    return EngineImports(modules=sorted(seen), statements=list(statements.values()))
