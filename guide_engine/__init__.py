"""Guide engine: questionnaire answers in, a safe personal starter plan out.

Standard library only, so the same code runs in the reader's browser (Pyodide) and on the
command line, with byte-identical results. The questionnaire and the plan rules are data
(``data/engine.json``), generated from content/ at build time.
"""

from __future__ import annotations

from guide_engine.errors import AnswersError
from guide_engine.plan import build_plan, questionnaire
from guide_engine.version import __version__

__all__ = ["AnswersError", "__version__", "build_plan", "questionnaire"]
