"""Structured logs for ``bastion serve --log-format json``: one JSON object per line on stderr.

Every record carries ``ts`` (UTC, ISO 8601), ``level``, ``logger``, ``msg`` and ``pid`` (which
worker), plus the fields a caller passed in ``extra={"fields": {...}}``. Access records
(``bastion.access``, written by ``RequestMetrics`` when ``--access-log`` is on) add ``method``,
``route`` (the route template), ``path`` (without the query string: ``/l?u=…`` carries the URL a
user clicked), ``status`` and ``duration_ms``. uvicorn's own access log is switched off in this
mode, because it prints the query string.
"""

from __future__ import annotations

import copy
import json
import logging
import os
from datetime import UTC, datetime
from typing import Any, Final

from uvicorn.config import LOGGING_CONFIG

ACCESS_LOGGER: Final = "bastion.access"


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON; hostile text stays inside JSON strings."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": os.getpid(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update({k: v for k, v in fields.items() if k not in entry})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_config(fmt: str, level: str, *, access_log: bool) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for uvicorn: ``text`` (uvicorn's own) or ``json``."""
    if fmt not in ("text", "json"):
        raise ValueError(f"unknown log format {fmt!r}: use text or json")
    upper = level.upper()
    if fmt == "text":
        config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
        config["loggers"]["bastion"] = {"handlers": ["default"], "level": upper}
        return config
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"json": handler},
        "loggers": {
            "uvicorn": {"handlers": ["json"], "level": upper, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "bastion": {"handlers": ["json"], "level": upper, "propagate": False},
            ACCESS_LOGGER: {
                "handlers": ["json"] if access_log else [],
                "level": "INFO" if access_log else "CRITICAL",
                "propagate": False,
            },
        },
    }
