"""RFC 9457 problem details for every error the API returns.

Every failure, whether raised by FastAPI (validation, unknown route), by the service layer
(``ServiceError`` subclasses carry their status) or unexpected, leaves as
``application/problem+json`` with ``type``, ``title``, ``status``, ``detail`` and ``instance``.
Validation problems add ``errors``: one entry per invalid field with a JSON pointer, as in the
RFC's own example. A body that is not JSON gets a plain sentence (``request body is not valid
JSON: ...``; a non-JSON content type is 415), not a field list. Unexpected errors are logged with
a reference id and never leak internals.
"""

from __future__ import annotations

import logging
import secrets
from http import HTTPStatus
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bastion.model import InputError
from bastion.service.errors import RateLimited, ServiceError

PROBLEM_TYPE: Final = "application/problem+json"
TYPE_BASE: Final = "/problems/"
log = logging.getLogger("bastion.api")


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_TYPE


def problem(
    status: int,
    detail: str,
    *,
    instance: str = "",
    title: str | None = None,
    kind: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> ProblemResponse:
    """A problem+json response; ``kind`` names the problem type (default: from the status)."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    slug = kind or phrase.lower().replace(" ", "-").replace("'", "")
    body: dict[str, Any] = {
        "type": TYPE_BASE + slug,
        "title": title or phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    body.update(extra)
    return ProblemResponse(body, status_code=status, headers=headers)


def _pointer(loc: tuple[Any, ...]) -> tuple[str, str]:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        where, parts = parts[0], parts[1:]
    else:
        where = "body"
    field = ".".join(parts) or where
    escaped = [p.replace("~", "~0").replace("/", "~1") for p in parts]
    return field, "#/" + "/".join(escaped) if where == "body" else f"{where}:{field}"


def _validation(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    if isinstance(exc.body, bytes | bytearray):
        # FastAPI hands the raw bytes to the model when the body was not declared as JSON.
        declared = request.headers.get("content-type")
        return problem(
            415,
            "request body must be JSON: send Content-Type: application/json"
            + (f" (got {declared[:100]!r})" if declared else " (no Content-Type was sent)"),
            instance=request.url.path,
        )
    for error in exc.errors():
        if error.get("type") == "json_invalid":
            reason = str((error.get("ctx") or {}).get("error", "decode error"))
            position = tuple(error.get("loc", ()))[-1:]
            where = f" at position {position[0]}" if position else ""
            return problem(
                422,
                f"request body is not valid JSON: {reason}{where}",
                instance=request.url.path,
                title="Invalid JSON",
                kind="invalid-json",
            )
    errors = []
    whole_body: str | None = None
    for error in exc.errors():
        field, pointer = _pointer(tuple(error.get("loc", ())))
        errors.append({"field": field, "pointer": pointer, "detail": str(error.get("msg", ""))})
        if tuple(error.get("loc", ())) == ("body",):
            whole_body = (
                "request body is missing: send a JSON object"
                if error.get("type") == "missing"
                else f"request body must be a JSON object, not {_json_kind(error.get('input'))}"
            )
    names = ", ".join(sorted({e["field"] for e in errors})) or "request"
    return problem(
        422,
        whole_body or f"invalid fields: {names}",
        instance=request.url.path,
        title="Invalid request",
        kind="validation",
        errors=errors,
    )


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "that"


def _http(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if isinstance(exc.__cause__, RecursionError):
        detail = "request body is not valid JSON: nested too deeply"
    headers = dict(exc.headers) if exc.headers else None
    return problem(exc.status_code, detail, instance=request.url.path, headers=headers)


def _service(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, ServiceError)
    headers: dict[str, str] = dict(getattr(exc, "headers", None) or {})
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(max(1, exc.retry_after))
    slug = type(exc).__name__
    kind = "".join("-" + c.lower() if c.isupper() else c for c in slug).lstrip("-")
    return problem(
        exc.status,
        exc.detail,
        instance=request.url.path,
        title=exc.title,
        kind=kind,
        headers=headers or None,
    )


def _input(request: Request, exc: Exception) -> ProblemResponse:
    return problem(
        422, str(exc), instance=request.url.path, title="Invalid input", kind="invalid-input"
    )


def _unexpected(request: Request, exc: Exception) -> ProblemResponse:
    reference = secrets.token_hex(6)
    log.error("unhandled error %s on %s", reference, request.url.path, exc_info=exc)
    return problem(
        500,
        f"the server failed to handle this request (reference {reference})",
        instance=request.url.path,
        title="Internal server error",
        kind="internal",
        reference=reference,
    )


_HANDLERS: Final = (
    (RequestValidationError, _validation),
    (StarletteHTTPException, _http),
    (ServiceError, _service),
    (InputError, _input),
    (Exception, _unexpected),
)
"""Each error class and its rendering, the catch-all last (the classes share no subclass)."""


def install(app: FastAPI) -> None:
    """Route every error class to its problem+json rendering."""
    for kind, handler in _HANDLERS:
        app.add_exception_handler(kind, handler)


def answer(request: Request, exc: Exception) -> ProblemResponse:
    """The problem the installed handlers give for ``exc``, for code that answers outside the
    app's exception middleware (``bastion.api.fastpath``)."""
    for kind, handler in _HANDLERS:
        if isinstance(exc, kind):
            return handler(request, exc)
    return _unexpected(request, exc)
