"""Serve a built site the way GitHub Pages does, for the benchmark: compressed, cacheable, and
optionally over a slow link.

- Text, JavaScript, JSON, SVG and WebAssembly go out gzipped when the browser accepts it; zips
  as they are (Pages compresses by content type, and a zip's members are deflated already).
- ``Cache-Control: max-age=600`` (all Pages allows), with ``Last-Modified`` and ``ETag`` for
  revalidation, so a browser's HTTP cache behaves as it would there.
- A missing file gets the site's own 404 page, with status 404.
- ``throttle`` (a ``Link``): every response waits the link's latency, and all responses share
  its bandwidth, so parallel downloads slow each other down as on a real connection. It covers
  the page, its workers and the service worker alike (DevTools' emulation, set on a page, does
  not reach what a service worker fetches).
- Every response is recorded (``Sent``): its file, raw size and bytes actually sent.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from functools import cache, partial
from pathlib import Path

from tests.support.server import SUB_PATH, ServedSite, _Handler, _Server, running

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/wasm",
                    "image/svg+xml", "application/xml", "application/manifest+json")  # fmt: skip
CHUNK = 16 * 1024


@dataclass(frozen=True)
class Link:
    """A network connection: one-way latency per request, shared download bandwidth."""

    name: str
    latency_s: float
    bytes_per_s: float


# Chrome DevTools' "Fast 4G" preset (9 Mbit/s down, 60 ms RTT, with DevTools' own adjustment
# factors: 0.9 x throughput, 2.75 x latency), the mobile profile the benchmark uses.
FAST_4G = Link("Fast 4G (DevTools preset: 8.1 Mbit/s, 165 ms)", 0.165, 9e6 * 0.9 / 8)


@dataclass
class Sent:
    path: str
    file: Path | None = None
    status: int = 0
    raw: int = 0
    """The file's own size (what an uncompressed transfer would send)."""
    body: int = 0
    """Bytes of body actually sent (gzipped where compressed)."""
    compressible: bool = False


@dataclass
class PagesSite(ServedSite):
    sent: list[Sent] = field(default_factory=list)
    throttle: Link | None = None
    mounts: dict[str, Path] = field(default_factory=dict)
    """Extra folders served inside the sub-path: ``{"__bench__/": folder}``."""
    _link_free_at: float = 0.0
    _link_lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_for_link(self, size: int) -> None:
        """Block until ``size`` bytes have crossed the shared link (first come, first served)."""
        if self.throttle is None:
            return
        with self._link_lock:
            start = max(time.monotonic(), self._link_free_at)
            self._link_free_at = start + size / self.throttle.bytes_per_s
            done = self._link_free_at
        time.sleep(max(0.0, done - time.monotonic()))


def content_type(path: Path) -> str:
    guessed = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
               ".json": "application/json", ".whl": "application/zip"}  # fmt: skip
    return (
        guessed.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


def is_compressible(path: Path) -> bool:
    return content_type(path).startswith(COMPRESSED_TYPES)


@cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), 6, mtime=0)


class _PagesHandler(_Handler):
    site: PagesSite
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers use with Pages

    def translate_path(self, path: str) -> str:
        inside = path.split("?")[0].split("#")[0]
        if inside.startswith(SUB_PATH):
            rest = inside[len(SUB_PATH) :]
            for prefix, folder in sorted(self.site.mounts.items(), key=lambda m: -len(m[0])):
                if rest.startswith(prefix):
                    return str(folder / rest[len(prefix) :])
        return super().translate_path(path)

    def do_GET(self) -> None:
        self.site.requests.append(self.path)
        record = Sent(self.path)
        self.site.sent.append(record)
        if self.site.throttle:
            time.sleep(self.site.throttle.latency_s)
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self._send(record, 301, {"Location": self.path.split("?")[0] + "/"}, b"")
                return
            file = file / "index.html"
        blocked = any(self.path.split("?")[0].endswith(s) for s in self.site.blocked)
        if blocked or not file.is_file():
            self._not_found(record)
            return
        self._file(record, file, 200)

    def _not_found(self, record: Sent) -> None:
        page = Path(self.directory) / "404.html"
        if page.is_file():
            self._file(record, page, 404)
        else:
            self._send(record, 404, {"Content-Type": "text/plain"}, b"not found")

    def _file(self, record: Sent, file: Path, status: int) -> None:
        stat = file.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        headers = {
            "Content-Type": content_type(file),
            "Cache-Control": "max-age=600",
            "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
            "ETag": etag,
            "Vary": "Accept-Encoding",
        }
        record.file, record.raw = file, stat.st_size
        record.compressible = is_compressible(file)
        if status == 200 and self._not_modified(etag, stat.st_mtime):
            self._send(record, 304, headers, b"")
            return
        if record.compressible and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzipped(file, stat.st_mtime_ns)
            headers["Content-Encoding"] = "gzip"
        else:
            body = file.read_bytes()
        self._send(record, status, headers, body)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if self.headers.get("If-None-Match"):
            return etag in self.headers["If-None-Match"]
        since = self.headers.get("If-Modified-Since")
        try:
            return bool(since) and parsedate_to_datetime(since).timestamp() >= int(mtime)
        except (TypeError, ValueError):
            return False

    def _send(self, record: Sent, status: int, headers: dict[str, str], body: bytes) -> None:
        record.status = status
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            for start in range(0, len(body), CHUNK):
                chunk = body[start : start + CHUNK]
                self.site.wait_for_link(len(chunk))
                self.wfile.write(chunk)
                record.body += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the browser went away (a page closed): fine


@contextmanager
def serve_like_pages(
    site_dir: Path, port: int = 0, *, mounts: dict[str, Path] | None = None
) -> Iterator[PagesSite]:
    """Serve ``site_dir`` at http://127.0.0.1:<port>/acupressure-guide/ as Pages would."""
    site = PagesSite(root_url="", mounts=dict(mounts or {}))
    server = _Server(
        ("127.0.0.1", port), partial(_PagesHandler, directory=str(site_dir), site=site)
    )
    site.root_url = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    # Compressed before the first request, as a CDN's cache would hold them: compressing the
    # 9.6 MB WebAssembly file on the fly would add a second to whichever visit came first.
    for folder in (site_dir, *site.mounts.values()):
        for file in folder.rglob("*"):
            if file.is_file() and is_compressible(file):
                _gzipped(file, file.stat().st_mtime_ns)
    with running(server):
        yield site
