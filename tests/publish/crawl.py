"""Read a built site the way a browser would: every reference a page, stylesheet or module makes.

Used by the link checker (on the files) and the sub-path tests (over HTTP). Knows nothing about
our content: it finds references in HTML attributes, CSS ``url()``/``@import``, ES module imports
and ``new URL(..., import.meta.url)``, and the sitemap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make a browser (or a reader's click) fetch something.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
NOT_FETCHED = ("mailto:", "tel:", "data:", "blob:", "about:")
_CSS_URL = re.compile(
    r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3"""
)
_MODULE_SPECIFIER = re.compile(
    r"""(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])(?P<spec>\.{1,2}/[^'"]+)\1"""
    r"""|new\s+URL\(\s*(['"])(?P<url>[^'"]+)\3\s*,\s*import\.meta\.url\s*\)"""
)
_SITEMAP_LOC = re.compile(r"<loc>\s*(?P<url>[^<\s]+)\s*</loc>")


@dataclass(frozen=True)
class Reference:
    source: str
    """Site-relative path of the file that makes the reference, e.g. ``plan/index.html``."""
    url: str
    """The reference as written."""
    resolved: str
    """Absolute URL, resolved against where ``source`` is published."""
    element: str
    """What makes it: an HTML element's name (``a``, ``script``...), ``css``, ``module`` or
    ``sitemap``."""

    @property
    def followed_by_reader(self) -> bool:
        """A link a reader may follow, rather than something the browser loads by itself."""
        return self.element in ("a", "area", "sitemap")


def page_route(path: str) -> str:
    """Where a file is published, relative to the site root: ``plan/index.html`` → ``plan/``."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


class BuiltSite:
    """A built site and the public address it was built for (its ``site_url``)."""

    def __init__(self, site_dir: Path, site_url: str | None = None) -> None:
        self.dir = site_dir
        self.site_url = site_url or self._site_url_from_canonical()
        self.base_path = urlsplit(self.site_url).path

    def _site_url_from_canonical(self) -> str:
        soup = BeautifulSoup((self.dir / "index.html").read_text(encoding="utf-8"), "html.parser")
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None, "index.html has no canonical link: is site_url set?"
        return str(canonical["href"])

    @cached_property
    def files(self) -> set[str]:
        return {p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*") if p.is_file()}

    @cached_property
    def pages(self) -> list[str]:
        return sorted(name for name in self.files if name.endswith(".html"))

    def url_of(self, path: str, root_url: str | None = None) -> str:
        return (root_url or self.site_url) + page_route(path)

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.dir / path).read_text(encoding="utf-8"), "html.parser")

    @cached_property
    def _anchors(self) -> dict[str, set[str]]:
        anchors = {}
        for page in self.pages:
            soup = self.soup(page)
            anchors[page] = {str(t["id"]) for t in soup.find_all(id=True)} | {
                str(t["name"]) for t in soup.find_all(["a"], attrs={"name": True})
            }
        return anchors

    def anchors(self, page: str) -> set[str]:
        return self._anchors.get(page, set())

    # -- references -------------------------------------------------------------------------

    def references(self, root_url: str | None = None) -> list[Reference]:
        """Every reference in every page, stylesheet, module and the sitemap."""
        found: list[Reference] = []
        for name in sorted(self.files):
            if name.endswith(".html"):
                raw = self._html_references(name)
            elif name.endswith(".css"):
                raw = [("css", url) for url in self._css_references(name)]
            elif name.endswith(".mjs"):
                raw = [("module", url) for url in self._module_references(name)]
            elif name == "sitemap.xml":
                raw = [("sitemap", m["url"]) for m in _SITEMAP_LOC.finditer(self._text(name))]
            else:
                continue
            base = self.url_of(name, root_url)
            for element, url in raw:
                url = url.strip()
                if url and not url.lower().startswith(NOT_FETCHED):
                    found.append(Reference(name, url, urljoin(base, url), element))
        return found

    def _text(self, name: str) -> str:
        return (self.dir / name).read_text(encoding="utf-8")

    def _html_references(self, name: str) -> list[tuple[str, str]]:
        urls = []
        for tag in self.soup(name).find_all(list(URL_ATTRIBUTES)):
            for attribute in URL_ATTRIBUTES[tag.name]:
                value = tag.get(attribute)
                if value is None:
                    continue
                if attribute == "srcset":
                    parts = [part.split()[0] for part in str(value).split(",") if part.strip()]
                    urls += [(tag.name, part) for part in parts]
                else:
                    urls.append((tag.name, str(value)))
        return urls

    def _css_references(self, name: str) -> list[str]:
        return [m["url"] or m["imp"] for m in _CSS_URL.finditer(self._text(name))]

    def _module_references(self, name: str) -> list[str]:
        return [m["spec"] or m["url"] for m in _MODULE_SPECIFIER.finditer(self._text(name))]

    # -- resolving --------------------------------------------------------------------------

    def is_internal(self, url: str, root_url: str | None = None) -> bool:
        """Whether ``url`` points into this site (as built, or as served from ``root_url``)."""
        parts = urlsplit(url)
        origins = {urlsplit(self.site_url)[:2]} | ({urlsplit(root_url)[:2]} if root_url else set())
        return (parts.scheme, parts.netloc) in origins

    def file_for(self, url: str) -> str | None:
        """The site file an internal URL is answered with, or None if there is none."""
        path = unquote(urlsplit(urldefrag(url).url).path)
        if not path.startswith(self.base_path):
            return None  # outside the project's sub-path: GitHub Pages would not serve it
        name = path[len(self.base_path) :]
        if name == "" or name.endswith("/"):
            name += "index.html"
        return name if name in self.files else None

    def resolves(self, reference: Reference) -> bool:
        """Whether an internal reference finds what it points to.

        A module may name a folder (Pyodide's ``indexURL``): that folder must hold files.
        """
        if self.file_for(reference.resolved) is not None:
            return True
        if reference.element == "module" and reference.url.endswith("/"):
            folder = unquote(urlsplit(reference.resolved).path)[len(self.base_path) :]
            return reference.resolved.startswith(self.site_url) and any(
                name.startswith(folder) for name in self.files
            )
        return False
