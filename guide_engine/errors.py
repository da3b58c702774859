"""The one error the engine raises for bad answers."""

from __future__ import annotations

from collections.abc import Mapping


class AnswersError(ValueError):
    """Some answers cannot make a plan; ``errors`` maps each question id to one message.

    Messages are written for the person filling in the form (GOV.UK style: "Select…",
    "Enter…"), so a form can show them as they are, next to the question.
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{key}: {message}" for key, message in self.errors.items()))
