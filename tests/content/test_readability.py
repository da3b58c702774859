"""Plain English is checked at build: a section above the grade limit, or a sentence above the
word limit, is a positioned `path:line:col` problem; prose within the limits is not.

The limits are read from content/site.yml, as the build reads them. Each example is a small
content folder in tmp_path with the real schemas, loaded the way the build loads it.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_site.loader import read_content
from guide_site.readability import (
    ReadabilityLimits,
    check_pages,
    grade,
    limits_from_site,
    plain_text,
    sentences,
    word_count,
)
from tests.support.content import CONTENT_DIR, REPO

SITE = textwrap.dedent("""\
    # yaml-language-server: $schema=schemas/site.schema.json
    title: Test site
    description: A site for tests.
    last_reviewed: "2026-12-02"
    next_review: "2027-06-02"
    disclaimer: Educational only.
    readability:
      max_grade: {max_grade}
      max_sentence_words: {max_sentence_words}
    nav: [home]
    """)

REFERENCES = textwrap.dedent("""\
    # yaml-language-server: $schema=schemas/references.schema.json
    groups:
      - id: mat_studies
        heading: Studies of mats
    references:
      - id: kjellgren-2011
        group: mat_studies
        authors: Kjellgren A
        year: 2011
        title: Does relaxation on a bed of nails induce beneficial effects?
        published_in: Alternative Medicine Studies 2011;1:e5
    """)

PAGE = textwrap.dedent("""\
    # yaml-language-server: $schema=../schemas/page.schema.json
    id: home
    title: Home
    template: article
    summary: You lie on the mat. It feels warm.
    sections:
      - id: plain
        heading: Plain
        body: The mat is soft. You lie on it for ten minutes. Then you get up slowly.
      - id: checked
        heading: Checked
        body: >-
          {body}
    """)

# Long words in long sentences: far above any sensible grade limit, but no sentence over it.
DENSE = (
    "Comprehensive physiological investigations demonstrated considerable heterogeneity "
    "regarding autonomic cardiovascular responsiveness. Methodological limitations "
    "substantially complicated interpretation of the accumulated observational evidence."
)
SIMPLE = "Lie down on the mat. Breathe out slowly. Get up when you are ready."


@pytest.fixture(scope="module")
def limits(content: dict[str, Any]) -> ReadabilityLimits:
    found = limits_from_site(content["site"])
    assert found is not None, "content/site.yml sets no readability limits"
    return found


def problems(tmp_path: Path, limits: ReadabilityLimits, body: str) -> list[str]:
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content" / "schemas", folder / "schemas")
    site = SITE.format(
        max_grade=f"{limits.max_grade:g}", max_sentence_words=limits.max_sentence_words
    )
    files = {
        "site.yml": site,
        "references.yml": REFERENCES,
        "pages/home.yml": PAGE.format(body=body),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    files = read_content(folder, shown_relative_to=tmp_path)
    assert files.errors == []
    pages = {key: document.parsed for key, document in files.documents.items()}
    return [str(problem) for problem in check_pages(pages)]


def simple_words(count: int) -> str:
    """A sentence of ``count`` one-syllable words: long, but easy."""
    words = ("the cat sat on a mat and we all saw it " * count).split()[:count]
    return " ".join(words).capitalize() + "."


def test_a_section_above_the_grade_limit_is_reported_at_the_section(
    tmp_path: Path, limits: ReadabilityLimits
) -> None:
    assert grade(DENSE) > limits.max_grade
    [problem] = problems(tmp_path, limits, DENSE)
    # The section starts on line 10 (`- id: checked`), column 5; its body on line 12.
    assert problem.startswith("content/pages/home.yml:10:5: section 'checked' reads at grade ")
    assert f"(limit {limits.max_grade:g})" in problem


def test_a_section_within_the_grade_limit_is_not_reported(
    tmp_path: Path, limits: ReadabilityLimits
) -> None:
    assert grade(SIMPLE) <= limits.max_grade
    assert problems(tmp_path, limits, SIMPLE) == []


def test_a_sentence_over_the_word_limit_is_reported_at_its_text(
    tmp_path: Path, limits: ReadabilityLimits
) -> None:
    words = limits.max_sentence_words + 1
    assert problems(tmp_path, limits, simple_words(words)) == [
        f"content/pages/home.yml:12:11: sentence of {words} words "
        f"(limit {limits.max_sentence_words}): 'The cat sat on a mat and we…'; split it"
    ]


def test_a_sentence_at_the_word_limit_is_not_reported(
    tmp_path: Path, limits: ReadabilityLimits
) -> None:
    assert problems(tmp_path, limits, simple_words(limits.max_sentence_words)) == []


def test_no_limits_in_site_yml_means_no_readability_check() -> None:
    assert limits_from_site({"title": "A site"}) is None
    assert limits_from_site({"readability": {"max_grade": "9"}}) is None


def test_the_guide_itself_is_within_the_limits_its_content_sets() -> None:
    """The build would have refused it otherwise; this says so where a reader will look."""
    pages = {key: document.parsed for key, document in read_content(CONTENT_DIR).documents.items()}
    assert check_pages(pages) == []


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("See [the routine](routine.md#duration) first", "See the routine first."),
        ("Studies differ [[3]](references.md#ref-kisker-2023).", "Studies differ ."),
        ("**Start gently.** Wear a *thin* layer", "Start gently. Wear a thin layer."),
        (
            "You could ask:\n\n- one thing\n- another thing",
            "You could ask. one thing. another thing.",
        ),
        ("Sources: [[1]](references.md#ref-x)\n{ .sources }", "Sources."),
    ],
    ids=["link text stays", "citation marks go", "emphasis goes", "lists", "attributes go"],
)
def test_prose_is_the_words_a_reader_sees(markdown: str, expected: str) -> None:
    assert plain_text(markdown) == expected


@given(
    st.lists(
        st.lists(st.sampled_from(["mat", "spikes", "warm", "rest", "slowly"]), min_size=1),
        min_size=1,
        max_size=8,
    )
)
def test_each_list_item_is_its_own_sentence(items: list[list[str]]) -> None:
    """However many items, and however long, a list never reads as one long sentence."""
    markdown = "\n".join("- " + " ".join(words) for words in items)
    found = sentences(plain_text(markdown))
    assert [word_count(sentence) for sentence in found] == [len(words) for words in items]
