"""Serve a built site under a GitHub Pages-like project sub-path, and log every request.

With an ``engine`` (see stand_in_engine.py), the server also plays the tests' stand-in engine:
it serves the stand-in worker in place of the real one and answers its POSTs with ``engine``.
With a ``search_index``, it serves that in place of Material's (tests/browser/conftest.py).
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.stand_in_engine import ENDPOINT_PATH, STAND_IN_WORKER, WORKER_PATH

SUB_PATH = "/acupressure-guide/"
SEARCH_INDEX_PATH = "search/search_index.json"
STOP_CHECK_S = 0.02


@dataclass
class ServedSite:
    root_url: str
    requests: list[str] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    """Path suffixes answered with 404, to test what happens when a file cannot load; a suffix
    may hold ``*`` for a file's content hash, ``python-stdlib-*.zip``."""
    engine: Callable[[str], str] | None = None
    """The stand-in engine (JSON text in and out), or None for the site's real Pyodide worker."""
    search_index: bytes | None = None
    """Served in place of Material's search index, or None for the site's own."""


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib declares it as a class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
    }

    def __init__(self, *args: object, site: ServedSite, **kwargs: object) -> None:
        self.site = site
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        if self.site.engine is not None and path.split("?")[0] == SUB_PATH + WORKER_PATH:
            return str(STAND_IN_WORKER)
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def do_GET(self) -> None:
        self.site.requests.append(self.path)
        path = self.path.split("?")[0]
        if any(fnmatch(path, "*" + suffix) for suffix in self.site.blocked):
            self.send_error(404, "blocked by the test")
            return
        if self.site.search_index is not None and path == SUB_PATH + SEARCH_INDEX_PATH:
            self._send(self.site.search_index, "application/json")
            return
        super().do_GET()

    def do_POST(self) -> None:
        self.site.requests.append(self.path)
        if self.site.engine is None or self.path != SUB_PATH + ENDPOINT_PATH:
            self.send_error(404, "only the stand-in engine takes POSTs")
            return
        length = int(self.headers.get("Content-Length") or 0)
        reply = self.site.engine(self.rfile.read(length).decode("utf-8")).encode("utf-8")
        self._send(reply, "application/json; charset=utf-8")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a connection mid-download (a page left, a test ended) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(
    site_dir: Path,
    port: int = 0,
    engine: Callable[[str], str] | None = None,
    search_index: bytes | None = None,
) -> Iterator[ServedSite]:
    """Serve ``site_dir`` at http://127.0.0.1:<port>/acupressure-guide/ for the block."""
    site = ServedSite(root_url="", engine=engine, search_index=search_index)
    handler = partial(_Handler, directory=str(site_dir), site=site)
    server = _Server(("127.0.0.1", port), handler)
    site.root_url = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    with running(server):
        yield site


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[None]:
    """Serve in a background thread for the block, then stop and free the port.

    ``shutdown`` waits for the serving loop to look at its stop flag, which it does once a poll
    interval: the default half second, after every browser test, added up to a minute a run.
    """
    thread = threading.Thread(target=server.serve_forever, args=(STOP_CHECK_S,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
