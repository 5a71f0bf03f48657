"""Service-layer errors. Each carries the HTTP status the API turns it into (problem JSON), so
the service stays free of web code and the routes never guess which status a failure deserves."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: ``status`` and ``title`` describe the failure class, the message the case."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InvalidInput(ServiceError):
    status = 422
    title = "Invalid input"


class NotFound(ServiceError):
    status = 404
    title = "Not found"


class Forbidden(ServiceError):
    status = 403
    title = "Forbidden"


class Conflict(ServiceError):
    status = 409
    title = "Conflict"


class RateLimited(ServiceError):
    """Too many requests; ``retry_after`` is whole seconds until the next one would pass."""

    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
