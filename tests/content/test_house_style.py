"""House style and editorial rules that hold on every page: editors' notes stay private, every
page says when it was reviewed and when it is next due, CBT-I is spelled out at first use, and
the spelling is British."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from guide_site.render import TEMPLATES, page_src_uri

CBT_I_IN_FULL = "cognitive behavioural therapy for insomnia (CBT-I)"
AMERICAN_SPELLINGS = ["apnea", "behavior", "color", "center", "favorite", "hemophilia", "pediatric"]


def editor_notes(data: Any) -> Iterator[str]:
    """Every ``editor_note`` anywhere in the content."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "editor_note":
                yield value
            else:
                yield from editor_notes(value)
    elif isinstance(data, list):
        for item in data:
            yield from editor_notes(item)


def page_texts(site: Path) -> dict[str, str]:
    """The visible text of every built page, by its path in the site."""
    return {
        str(path.relative_to(site)): " ".join(
            BeautifulSoup(path.read_text("utf-8"), "html.parser").get_text(" ").split()
        )
        for path in site.rglob("*.html")
    }


def flat(text: str) -> str:
    return " ".join(text.split())


def test_no_template_ever_outputs_an_editors_note() -> None:
    for template in TEMPLATES.rglob("*.j2"):
        assert "editor_note" not in template.read_text("utf-8"), template.name


def test_editors_notes_never_appear_on_the_site(built_site: Path, content: dict[str, Any]) -> None:
    notes = [flat(note) for note in editor_notes(content)]
    assert notes, "expected editors' notes in the content for this test to check"
    for where, text in page_texts(built_site).items():
        for note in notes:
            assert note not in text, f"{where} shows an editor's note: {note[:60]!r}"
            # Not even a telling part of it, such as its first sentence.
            assert note.split(". ")[0] not in text, f"{where} shows part of an editor's note"


def test_every_page_says_when_it_was_reviewed_and_when_it_is_next_due(
    built_site: Path, content: dict[str, Any], pages: dict[str, dict[str, Any]]
) -> None:
    site = content["site"]
    assert site["next_review"] > site["last_reviewed"]
    texts = page_texts(built_site)
    for page_id in pages:
        where = str(Path(page_src_uri(page_id)).with_suffix("")).replace("index", "")
        path = (Path(where) / "index.html").as_posix().lstrip("/")
        text = texts[path]
        assert f"Last reviewed: {site['last_reviewed']}" in text, page_id
        assert f"Next review due: {site['next_review']}" in text, page_id


def test_cbt_i_is_spelled_out_where_each_page_first_uses_it(rendered: dict[str, str]) -> None:
    checked = 0
    for page_id, markdown in rendered.items():
        text = flat(re.sub(r"(?s)^---.*?---", "", markdown))  # the page, without front matter
        first = text.find("CBT-I")
        if first == -1:
            continue
        checked += 1
        before = text[max(0, first - len(CBT_I_IN_FULL)) : first + len("CBT-I)")]
        assert CBT_I_IN_FULL.lower() in before.lower(), f"{page_id}: {before!r}"
    assert checked >= 5


@pytest.mark.parametrize("spelling", AMERICAN_SPELLINGS)
def test_the_guide_uses_british_spelling(spelling: str, rendered: dict[str, str]) -> None:
    """Outside the references list, whose titles stay as published."""
    for page_id, markdown in rendered.items():
        text = markdown if page_id != "references" else markdown.split("{ #sources }")[0]
        assert spelling not in text.lower(), f"{page_id} spells {spelling!r}"
