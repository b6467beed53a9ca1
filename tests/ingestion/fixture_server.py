"""A real HTTP server on 127.0.0.1 that plays recorded responses, for connector tests.

Each route (a path, optionally with query parameters that must be present)
answers with its scripted responses in turn, the last one repeating: a 429
with `Retry-After`, then a 500, then the recorded page. Every request is kept
(`requests`) so a test can assert what the connector asked for.

    with FixtureServer() as server:
        server.route("/search.json", Reply.file(FIXTURES / "reddit" / "search.json"))
        base_url = server.url
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SHARED_FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fixtures"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_seconds: float = 0.0  # to make a client time out

    @classmethod
    def file(cls, path: Path, content_type: str = "application/json", **headers: str) -> Reply:
        return cls(200, path.read_bytes(), {"Content-Type": content_type, **headers})

    @classmethod
    def text(
        cls,
        body: str,
        status: int = 200,
        content_type: str = "application/json",
        delay_seconds: float = 0.0,
        **headers: str,
    ) -> Reply:
        return cls(status, body.encode(), {"Content-Type": content_type, **headers}, delay_seconds)


@dataclass(frozen=True)
class Request:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class FixtureServer:
    def __init__(self) -> None:
        self.routes: list[tuple[str, dict[str, str], list[Reply]]] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query, keep_blank_values=True)
                with server._lock:
                    server.requests.append(Request(parts.path, query, dict(self.headers)))
                    reply = server._next_reply(parts.path, query)
                if reply.delay_seconds:
                    time.sleep(reply.delay_seconds)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                # The client may have given up (a timeout test).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path: str, *replies: Reply, params: dict[str, str] | None = None) -> None:
        """Answer GET `path` (with at least `params`) by `replies` in turn, the last one repeating."""
        with self._lock:
            self.routes.insert(0, (path, params or {}, list(replies)))

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def _next_reply(self, path: str, query: dict[str, list[str]]) -> Reply:
        for route_path, params, replies in self.routes:
            if route_path == path and all(query.get(k) == [v] for k, v in params.items()):
                return replies.pop(0) if len(replies) > 1 else replies[0]
        return Reply.text('{"error": "no such fixture"}', status=404)

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
