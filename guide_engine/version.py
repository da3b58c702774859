"""The engine's version, reported by ``web.respond({"action": "ping"})`` and in every plan."""

from __future__ import annotations

# Kept equal to pyproject.toml's version by a test; no importlib.metadata, because Pyodide may
# load the package from plain files without its distribution metadata.
__version__ = "0.1.0"
