"""Fixtures for the intel tests: a loopback HTTP server serving feeds (no internet in tests)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@dataclass
class FeedServer:
    """Routes path -> (status, headers, body); ``url(path)`` gives the loopback URL.

    Paths in ``slow_paths`` answer after a delay; ``unsized_paths`` are sent without a
    Content-Length (HTTP/1.0, body until the connection closes), as a lying server would.
    """

    port: int
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    slow_paths: dict[str, float] = field(default_factory=dict)
    unsized_paths: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    """The ``Host`` header of each request, in order."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: bytes, status: int = 200, **headers: str) -> str:
        self.routes[path] = (status, headers, body)
        return self.url(path)


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            server.hosts.append(self.headers.get("Host", ""))
            delay = server.slow_paths.get(self.path)
            if delay:
                time.sleep(delay)
            status, headers, body = server.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            unsized = self.path in server.unsized_paths
            if not unsized and "Content-Length" not in {n.replace("_", "-") for n in headers}:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for start in range(0, len(body), 8192):
                    self.wfile.write(body[start : start + 8192])
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A threaded HTTP server on 127.0.0.1 (ephemeral port), shut down after the test."""
    yield from _serve()


@dataclass(frozen=True)
class TestCA:
    """A throwaway CA and a server certificate it signed for ``name`` (made with openssl)."""

    __test__ = False
    name: str
    ca: Path
    cert: Path
    key: Path


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    out = tmp_path_factory.mktemp("tls")
    name = "feeds.example"

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=out, check=True, capture_output=True)

    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Bastion test CA",
    )
    run(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "leaf.key",
        "-out",
        "leaf.csr",
        "-subj",
        f"/CN={name}",
    )
    (out / "san.cnf").write_text(f"subjectAltName=DNS:{name}\n")
    run(
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
    )
    return TestCA(name, out / "ca.pem", out / "leaf.pem", out / "leaf.key")


@pytest.fixture
def tls_feed_server(test_ca: TestCA) -> Iterator[FeedServer]:
    """``feed_server`` over TLS with ``test_ca``'s certificate for ``feeds.example``."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(test_ca.cert, test_ca.key)
    yield from _serve(context)


def _serve(tls: ssl.SSLContext | None = None) -> Iterator[FeedServer]:
    state = FeedServer(port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
