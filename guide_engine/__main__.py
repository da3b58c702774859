"""``python -m guide_engine``: the same command line as ``guide-engine``."""

from __future__ import annotations

from guide_engine.cli import main

raise SystemExit(main())
