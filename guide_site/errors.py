"""Content problems that point at the exact place in a YAML file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, at a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ContentErrors(Exception):
    """Every problem found in the content, reported together so an editor can fix them in one go.

    ``warnings`` are problems the build only warns about (a strict build still stops on them).
    """

    def __init__(
        self, errors: Iterable[ContentError], warnings: Iterable[ContentError] = ()
    ) -> None:
        self.errors = sorted(set(errors))
        self.warnings = sorted(set(warnings) - set(self.errors))
        super().__init__("\n".join(str(problem) for problem in self.errors + self.warnings))
