"""Command line for maintainers; see :mod:`guide_site.cli`."""

from __future__ import annotations

from guide_site.cli import main

raise SystemExit(main())
