"""``POST /v1/check`` answered ahead of the middleware stack and the router.

A check is most of what a busy server answers, and Starlette's middleware layers and FastAPI's
router (matching the path against every route, its scope bookkeeping) cost a check about as
much CPU as its own database writes. ``CheckFastPath`` sits outermost: for ``POST /v1/check``
it reads the body within the check's limit and asks ``direct_check`` (the direct path of
``bastion.api.routes.check``: a cached platform or admin key within its rate limit, a JSON body
that validates); when that answers, the response goes out with what the skipped layers add
(the security headers, the request counted and timed under ``/v1/check``), and an error is the
problem the app's exception handlers give. Anything else (another path, a declared body over
the limit or none declared, a request the direct path declines) goes down the full stack with
its body replayed, unchanged, so every refusal is the one the declared dependencies give.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bastion.api import problems
from bastion.api.deps import AppContext
from bastion.api.metrics import count_request
from bastion.api.routes.check import direct_check

CHECK_PATH: Final = "/v1/check"
ADDED_HEADERS: Final = ((b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"))
"""What ``SecurityHeaders`` adds to a ``/v1`` answer."""


class CheckFastPath:
    """ASGI middleware; see the module docstring. ``context`` gives the app's ``AppContext``
    (set once the app is built), ``limit`` is the check's body limit in bytes."""

    def __init__(self, app: ASGIApp, context: Callable[[], AppContext], limit: int) -> None:
        self.app = app
        self.context = context
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != CHECK_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        received: list[Message] = []
        body = await self._body(scope, receive, received)
        response = None
        if body is not None:
            try:
                response = await direct_check(self.context(), scope["headers"], body)
            except Exception as exc:  # rendered as the app's handlers would
                response = problems.answer(Request(scope), exc)
        if response is None:
            await self.app(scope, _replay(received, receive), send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": [*response.raw_headers, *ADDED_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": response.body})
        count_request(scope, CHECK_PATH, response.status_code, time.perf_counter() - started)

    async def _body(self, scope: Scope, receive: Receive, received: list[Message]) -> bytes | None:
        """The whole body when a valid ``Content-Length`` within the limit announced it and it
        arrived complete; None otherwise (``received`` keeps what was read, for the replay)."""
        declared = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
                break
        if declared is None or not declared.isdigit() or len(declared) > 18:
            return None
        if int(declared) > self.limit:
            return None
        chunks = []
        size = 0
        while True:
            message = await receive()
            received.append(message)
            if message["type"] != "http.request":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(received: list[Message], receive: Receive) -> Receive:
    """``receive`` as the app would have seen it: the messages already read, then the rest."""
    pending = list(received)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed
