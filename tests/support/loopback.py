"""The loopback receiver: one HTTP server on 127.0.0.1 for every test that sends a request out.

Webhook deliveries (signed POSTs), feed downloads (GETs) and, later, address-pinning and
redirect tests all run against it: no test touches the internet. Use the ``loopback_receiver``
fixture of ``tests/conftest.py``; this module holds its types.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bastion.enforce.webhooks import HEADER, verify


@dataclass(frozen=True)
class Request:
    """One request as the server saw it. ``valid`` is the webhook signature check (``None``
    when the receiver has no ``secret``)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    valid: bool | None

    def header(self, name: str) -> str | None:
        """A header by name, case-insensitively."""
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Route:
    status: int
    headers: dict[str, str]
    body: bytes
    sized: bool


@dataclass
class LoopbackReceiver:
    """Records every request in ``received`` and answers as the test steers it.

    Answer to a request, first rule that applies:
    1. a path on hold (``hold``) waits until ``release()`` (or the end of the test), so a client
       timeout is certain without any sleep racing it;
    2. with ``secret`` set, a POST whose signature ``verify`` rejects (at ``now``, else the real
       clock) gets 401, like a platform would;
    3. the next status queued in ``statuses`` (empty body); one is taken per request;
    4. the route ``serve`` set for the path;
    5. otherwise 204 for a POST, 404 for anything else.
    """

    port: int = 0
    scheme: str = "http"
    secret: bytes | None = None
    now: datetime | None = None
    statuses: list[int] = field(default_factory=list)
    received: list[Request] = field(default_factory=list)
    routes: dict[str, Route] = field(default_factory=dict)
    held: set[str | None] = field(default_factory=set)
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hooks") -> str:
        """The loopback URL of ``path`` on this server."""
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def serve(
        self, path: str, body: bytes, status: int = 200, *, sized: bool = True, **headers: str
    ) -> str:
        """Answer ``path`` with ``body``; header names take ``_`` for ``-`` (``Content_Type``).
        ``sized=False`` sends no Content-Length (body until the connection closes), as a lying
        server would. Returns the URL."""
        named = {name.replace("_", "-"): value for name, value in headers.items()}
        self.routes[path] = Route(status, named, body, sized)
        return self.url(path)

    def hold(self, path: str | None = None) -> None:
        """Keep requests to ``path`` (every path when ``None``) waiting until ``release()``."""
        self.held.add(path)

    def release(self) -> None:
        self.released.set()

    @property
    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [request.path for request in self.received]

    @property
    def hosts(self) -> list[str | None]:
        """The ``Host`` header of each request so far, in order (address-pinning tests)."""
        return [request.header("Host") for request in self.received]

    def _answer(self, request: Request) -> tuple[int, dict[str, str], bytes, bool]:
        with self.lock:
            self.received.append(request)
            queued = self.statuses.pop(0) if self.statuses else None
        if None in self.held or request.path in self.held:
            self.released.wait()
        if request.valid is False:
            return 401, {}, b"", True
        if queued is not None:
            return queued, {}, b"", True
        route = self.routes.get(request.path)
        if route is not None:
            return route.status, route.headers, route.body, route.sized
        if request.method == "POST":
            return 204, {}, b"", True
        return 404, {}, b"not found", True


def _handler(receiver: LoopbackReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
            valid = None
            if receiver.secret is not None and self.command == "POST":
                now = receiver.now or datetime.now(UTC)
                valid = verify(receiver.secret, self.headers.get(HEADER, ""), body, now)
            request = Request(self.command, self.path, dict(self.headers.items()), body, valid)
            status, headers, payload, sized = receiver._answer(request)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if sized and "content-length" not in {n.lower() for n in headers}:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                for start in range(0, len(payload), 8192):
                    self.wfile.write(payload[start : start + 8192])
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = _handle

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@contextmanager
def running_receiver(tls: ssl.SSLContext | None = None) -> Iterator[LoopbackReceiver]:
    """A started receiver on an ephemeral port (HTTPS with ``tls``, a server context); stopped
    (held requests released) on exit."""
    receiver = LoopbackReceiver(scheme="https" if tls is not None else "http")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield receiver
    finally:
        receiver.release()
        server.shutdown()
        server.server_close()
        thread.join()
