"""Loading and validating content: every kind of mistake gives one precise path:line:col line."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from guide_site.errors import ContentErrors
from guide_site.loader import load_content

SCHEMAS = Path(__file__).with_name("schemas")  # small, stable schemas: these tests pin the loader

SITE = """\
# yaml-language-server: $schema=schemas/site.schema.json
title: Test site
description: A site for tests.
last_reviewed: "2026-11-24"
disclaimer: Educational only.
nav: [home]
"""

HOME = """\
# yaml-language-server: $schema=../schemas/page.schema.json
id: home
title: Home
template: article
summary: Hello.
"""

REFERENCES = """\
# yaml-language-server: $schema=schemas/references.schema.json
references:
  - id: olsson-2011
    authors: Olsson E
    year: 2011
    title: Relaxing on a bed of nails
    published_in: J Altern Complement Med
"""


def make_content(tmp_path: Path, files: dict[str, str]) -> Path:
    """A content folder with the test schemas and the given files (defaults for the rest)."""
    content = tmp_path / "content"
    shutil.copytree(SCHEMAS, content / "schemas")
    defaults = {"site.yml": SITE, "pages/home.yml": HOME, "references.yml": REFERENCES}
    for name, text in {**defaults, **files}.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return content


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    content = make_content(tmp_path, files)
    with pytest.raises(ContentErrors) as caught:
        load_content(content, shown_relative_to=tmp_path)
    return [str(error) for error in caught.value.errors]


def test_good_content_loads_into_plain_data(tmp_path: Path) -> None:
    content = load_content(make_content(tmp_path, {}), shown_relative_to=tmp_path)
    assert content["pages/home"]["title"] == "Home"
    assert content["site"]["last_reviewed"] == "2026-11-24"
    assert content["references"]["references"][0]["year"] == 2011


def test_yaml_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    broken = HOME + "sections:\n  - id: a\n    heading: [unclosed\n"
    assert problems(tmp_path, {"pages/home.yml": broken}) == [
        "content/pages/home.yml:9:1: YAML syntax: expected ',' or ']', but got '<stream end>'"
    ]


def test_duplicate_key_is_reported_where_it_is_repeated(tmp_path: Path) -> None:
    assert problems(tmp_path, {"pages/home.yml": HOME + "title: Again\n"}) == [
        "content/pages/home.yml:6:1: duplicate key 'title' (first written on line 3); "
        "expected each key once"
    ]


def test_unknown_key_names_the_keys_that_are_allowed(tmp_path: Path) -> None:
    [message] = problems(tmp_path, {"pages/home.yml": HOME + "colour: blue\n"})
    assert message.startswith("content/pages/home.yml:6:1: unknown key 'colour'; expected one of: ")
    assert "summary" in message and "title" in message


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    page = HOME.replace("title: Home", "title: 42")
    assert problems(tmp_path, {"pages/home.yml": page}) == [
        "content/pages/home.yml:3:8: 'title' is a whole number (42); expected text"
    ]


def test_missing_required_field_points_at_its_mapping(tmp_path: Path) -> None:
    page = HOME.replace("summary: Hello.\n", "")
    assert problems(tmp_path, {"pages/home.yml": page}) == [
        "content/pages/home.yml:2:1: missing required key 'summary' in this file"
    ]


def test_reference_to_an_unknown_id_lists_the_known_ones(tmp_path: Path) -> None:
    page = HOME + textwrap.dedent("""\
        sections:
          - id: effects
            heading: Effects
            claims:
              - statement: It relaxes people.
                evidence: mixed_or_no_effect
                refs: [olson-2011]
        """)
    assert problems(tmp_path, {"pages/home.yml": page}) == [
        "content/pages/home.yml:12:16: unknown reference 'olson-2011'; expected one of: olsson-2011"
    ]


def test_nav_must_name_existing_pages(tmp_path: Path) -> None:
    site = SITE.replace("nav: [home]", "nav: [home, history]")
    assert problems(tmp_path, {"site.yml": site}) == [
        "content/site.yml:6:13: unknown page 'history'; expected one of: home"
    ]


def test_duplicate_ids_are_reported_with_the_first_place(tmp_path: Path) -> None:
    twin = HOME.replace("title: Home", "title: Twin")
    assert problems(tmp_path, {"pages/twin.yml": twin}) == [
        "content/pages/twin.yml:2:5: duplicate page id 'home' (first declared at "
        "content/pages/home.yml:2); expected every id once"
    ]


def test_value_not_in_the_allowed_list(tmp_path: Path) -> None:
    page = HOME.replace("template: article", "template: poster")
    [message] = problems(tmp_path, {"pages/home.yml": page})
    assert message.startswith(
        "content/pages/home.yml:4:11: 'poster' is not allowed here; expected one of: article, home"
    )


def test_file_without_a_schema_line_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, {"notes.yml": "a: 1\n"}) == [
        "content/notes.yml:1:1: no schema named; expected a first line like "
        "'# yaml-language-server: $schema=schemas/page.schema.json'"
    ]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        {
            "pages/home.yml": HOME + "colour: blue\n",
            "site.yml": SITE.replace("nav: [home]", "nav: home"),
        },
    )
    assert [line.split(":")[0] for line in found] == ["content/pages/home.yml", "content/site.yml"]
