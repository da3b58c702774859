"""Lock the built pages down with a Content-Security-Policy ``<meta>`` (Pages cannot send headers).

The policy allows the site itself and nothing else: ``'wasm-unsafe-eval'`` for Pyodide, and
Material's few inline scripts (and styles) by their sha256, never ``'unsafe-inline'``. One policy,
the union over every page, goes on every page, so Material's instant navigation, which swaps pages
without reloading ``<head>``, never meets a page whose inline scripts the first page did not allow.

A ``<meta>`` policy only covers what comes after it, so it goes right after ``<meta charset>``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

REFERRER_POLICY = "no-referrer"

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b(?P<attrs>[^>]*)>(?P<body>.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# What add_policy inserted on an earlier run (mkdocs serve --dirty keeps unchanged pages).
_OURS = re.compile(
    r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>|<meta name=\"referrer\"[^>]*>", re.I
)
# Script types a browser runs; anything else (e.g. Material's JSON config) is data, not code.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> set[str]:
    """CSP sources for the inline scripts a browser would run in ``html``."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs = match["attrs"]
        script_type = _TYPE.search(attrs)
        if _SRC.search(attrs) or (script_type and script_type["type"].lower() not in _SCRIPT_TYPES):
            continue
        hashes.add(_sha256(match["body"]))
    return hashes


def inline_style_hashes(html: str) -> set[str]:
    """CSP sources for the ``<style>`` elements in ``html``."""
    return {_sha256(match["body"]) for match in _STYLE.finditer(html)}


def content_security_policy(script_hashes: Iterable[str], style_hashes: Iterable[str]) -> str:
    """The policy text: the site itself, Pyodide's WebAssembly, and the given inline code."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(script_hashes)],
        "style-src": ["'self'", *sorted(style_hashes)],
        # Material draws its icons with data: SVGs in CSS.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _meta_tags(policy: str) -> str:
    return (
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<meta name="referrer" content="{REFERRER_POLICY}">'
    )


def add_policy(site_dir: Path) -> str:
    """Put one policy covering every page's inline code on every HTML page; return the policy."""
    pages = {
        path: _OURS.sub("", path.read_text(encoding="utf-8")) for path in site_dir.rglob("*.html")
    }
    scripts: set[str] = set()
    styles: set[str] = set()
    for html in pages.values():
        scripts |= inline_script_hashes(html)
        styles |= inline_style_hashes(html)
    policy = content_security_policy(scripts, styles)
    for path, html in pages.items():
        charset = _CHARSET.search(html)
        if charset is None:  # not a themed page (e.g. a verbatim HTML file): leave it alone
            continue
        html = html[: charset.end()] + _meta_tags(policy) + html[charset.end() :]
        path.write_text(html, encoding="utf-8")
    return policy
