"""The one error diary checks raise: every problem, each with its own message from content."""

from __future__ import annotations

from collections.abc import Mapping


class DiaryError(ValueError):
    """Some diary entries cannot be used; ``errors`` maps where to one message.

    Keys are ``entries/<index>/<field>`` for an entry's field (index into the list given) and
    ``entries`` for the list as a whole, so a page can show each message by its field.
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{key}: {message}" for key, message in self.errors.items()))
