"""A loopback webhook receiver: checks signatures like a platform would, fails on request."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bastion.enforce.webhooks import HEADER, NOTICE_HEADER, verify

SECRET = b"whsec_test_3f9a0c"


@dataclass
class Receiver:
    """Server state the tests steer: fail the next N requests with ``fail_status``, or stall."""

    url: str
    fail_times: int = 0
    fail_status: int = 503
    stall_seconds: float = 0.0
    received: list[dict[str, object]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    receiver: Receiver

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        header = self.headers.get(HEADER, "")
        valid = verify(SECRET, header, body, datetime.now(UTC))
        state = self.receiver
        with state.lock:
            state.received.append(
                {"body": body, "valid": valid, "notice": self.headers.get(NOTICE_HEADER)}
            )
            failing = state.fail_times > 0
            if failing:
                state.fail_times -= 1
        if state.stall_seconds:
            time.sleep(state.stall_seconds)
        if not valid:
            status = 401
        elif failing:
            status = state.fail_status
        else:
            status = 204
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    state = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hooks/bastion")
    handler = type("Handler", (_Handler,), {"receiver": state})
    server.RequestHandlerClass = handler
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
