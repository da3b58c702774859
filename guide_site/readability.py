"""Plain English, checked at build: each page section's reading grade and each sentence's length.

Tired readers on phones should not need more than a grade-9 reading level, nor hold more than
about 30 words in their head at once. The limits live in content/site.yml (``readability``); this
module measures the prose of a page file and reports, as positioned content errors, every section
above the grade limit and every sentence above the word limit.

What counts as a section's prose (decided once, here):

- a page's ``summary`` is measured as its own section;
- for each of ``sections``: the ``body``, every tab's ``body``, every claim's ``statement`` and
  ``finding``, every story's ``text``, every question's ``question`` and ``answer``, and the
  note's ``body``;
- not prose: ids, headings, tab labels, note titles, the page's ``description`` (one line for
  search results, not read as running text), and structured data a section ``show``\\s from other
  files (those files are not page files).

Before measuring, Markdown is reduced to the words a reader sees: a link keeps its text and loses
its address, emphasis and code marks go, inline HTML tags and attribute lists (``{ .sources }``)
go, citation marks such as ``[[3]](references.md#ref-x)`` go. Each list item, and each paragraph,
ends a sentence even without a full stop, so a bulleted list is read as short sentences rather
than one long one.

The grade is textstat's Flesch-Kincaid grade (textstat 0.7.3: syllables from pyphen, no network).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from guide_site.errors import ContentError
from guide_site.yaml_source import JsonPath, ParsedYaml

with warnings.catch_warnings():
    # textstat 0.7.3 imports pkg_resources, which warns that it is deprecated; that is the price
    # of the release that works offline (see pyproject.toml), not a problem in our content.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import textstat

SECTION_FIELDS: tuple[JsonPath, ...] = (
    ("body",),
    ("tabs", "*", "body"),
    ("claims", "*", "statement"),
    ("claims", "*", "finding"),
    ("stories", "*", "text"),
    ("questions", "*", "question"),
    ("questions", "*", "answer"),
    ("note", "body"),
)
"""Where a section's prose is written; ``*`` stands for every item of a list."""

_CITATION = re.compile(r"\[\[\d+\]\]\([^)]*\)")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]*>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}|\{ [#.][^}]*\}")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_CLOSERS = "\"'\u2019\u201d)\\]"  # quotes and brackets that may follow a full stop
_ENDS_SENTENCE = re.compile(rf"[.!?][{_CLOSERS}]*$")
# A sentence ends at . ! or ? (and any closing quote) followed by space; the few abbreviations
# the guide could use are protected first.
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|Prof|et al|approx)\.", re.I)
_SENTENCE_END = re.compile(rf"(?:(?<=[.!?])|(?<=[.!?][{_CLOSERS}]))\s+")
_PROTECTED_DOT = "\u2024"  # one-dot leader: looks like a dot, ends no sentence


@dataclass(frozen=True)
class ReadabilityLimits:
    """The most a section may demand of a reader (from site.yml ``readability``)."""

    max_grade: float
    max_sentence_words: int


def limits_from_site(site: Any) -> ReadabilityLimits | None:
    """The limits site.yml sets, or None when it sets none (or sets them wrongly: the schema
    check reports that)."""
    settings = site.get("readability") if isinstance(site, Mapping) else None
    if not isinstance(settings, Mapping):
        return None
    grade, words = settings.get("max_grade"), settings.get("max_sentence_words")
    if not _is_number(grade) or not isinstance(words, int) or isinstance(words, bool):
        return None
    return ReadabilityLimits(float(grade), words)


def plain_text(markdown: str) -> str:
    """The words a reader sees in a Markdown fragment, each list item and paragraph ending a
    sentence."""
    text = _CITATION.sub("", markdown)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ATTRIBUTES.sub("", text)
    text = _MARKS.sub("", text)
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        item: list[str] = []
        for line in block.splitlines():
            if _LIST_ITEM.match(line) and item:
                units.append(" ".join(item))
                item = []
            item.append(_LIST_ITEM.sub("", line).strip())
        units.append(" ".join(item))
    return " ".join(_end_sentence(" ".join(unit.split())) for unit in units if unit.strip())


def sentences(text: str) -> list[str]:
    """Split plain text into sentences."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(1) + _PROTECTED_DOT, text)
    parts = _SENTENCE_END.split(protected)
    return [part.replace(_PROTECTED_DOT, ".").strip() for part in parts if part.strip()]


def word_count(sentence: str) -> int:
    return int(textstat.lexicon_count(sentence))


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain text."""
    return float(textstat.flesch_kincaid_grade(text))


def page_sections(data: Any) -> Iterator[tuple[JsonPath, str, list[tuple[JsonPath, str]]]]:
    """Each measured section of a page: where it is, its name, and its prose fields."""
    if not isinstance(data, Mapping):
        return
    if isinstance(data.get("summary"), str):
        yield ("summary",), "summary", [(("summary",), data["summary"])]
    sections = data.get("sections")
    if not isinstance(sections, list):
        return
    for index, section in enumerate(sections):
        if not isinstance(section, Mapping):
            continue
        name = section["id"] if isinstance(section.get("id"), str) else str(index + 1)
        fields = [
            ((("sections", index, *path)), text)
            for pattern in SECTION_FIELDS
            for path, text in _values(section, pattern)
        ]
        if fields:
            yield ("sections", index), name, fields


def readability_problems(parsed: ParsedYaml, limits: ReadabilityLimits) -> list[ContentError]:
    """Every section of one page file above the grade limit, and every sentence above the word
    limit, each at its place in the file."""
    problems = []
    for where, name, fields in page_sections(parsed.data):
        prose = {path: plain_text(text) for path, text in fields}
        section_grade = grade(" ".join(prose.values()))
        if section_grade > limits.max_grade:
            problems.append(
                parsed.error(
                    where,
                    f"section '{name}' reads at grade {section_grade:g} (limit "
                    f"{limits.max_grade:g}); use shorter sentences and everyday words",
                )
            )
        for path, text in prose.items():
            for sentence in sentences(text):
                words = word_count(sentence)
                if words > limits.max_sentence_words:
                    problems.append(
                        parsed.error(
                            path,
                            f"sentence of {words} words (limit {limits.max_sentence_words}): "
                            f"'{_opening(sentence)}'; split it",
                        )
                    )
    return problems


def check_pages(documents: Mapping[str, ParsedYaml]) -> list[ContentError]:
    """The readability problems of every page file among the parsed content files (by key below
    content/, e.g. ``"pages/history"``), with the limits ``"site"`` sets; none if it sets none."""
    site = documents.get("site")
    limits = limits_from_site(site.data if site is not None else None)
    if limits is None:
        return []
    pages = [parsed for key, parsed in sorted(documents.items()) if key.startswith("pages/")]
    return [problem for page in pages for problem in readability_problems(page, limits)]


def _values(node: Any, pattern: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if not pattern:
        if isinstance(node, str):
            yield (), node
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                for path, text in _values(item, rest):
                    yield (index, *path), text
    elif isinstance(node, Mapping) and head in node:
        for path, text in _values(node[head], rest):
            yield (head, *path), text


def _end_sentence(unit: str) -> str:
    """A list's lead-in ('You could ask:') and an unpunctuated item end a sentence too."""
    if _ENDS_SENTENCE.search(unit):
        return unit
    return (unit[:-1] if unit[-1] in ":;," else unit) + "."


def _opening(sentence: str, words: int = 8) -> str:
    opening = sentence.split()
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
