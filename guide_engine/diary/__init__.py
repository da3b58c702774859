"""The nightly diary: check-ins in, a report out (measures, adapted plan, fair comparison)."""

from __future__ import annotations

from guide_engine.diary.errors import DiaryError
from guide_engine.diary.report import diary_report

__all__ = ["DiaryError", "diary_report"]
