"""Where a verdict comes from: the pure ``Scanner`` in this process, or ``POST /v1/check``.

Both return the same ``Decision``. In-process mode scans text on Synapse's event loop (the scan
core is pure and costs microseconds for most messages) and pictures on a worker thread, then hands
flagged results to ``IngestWorker``. Remote mode asks a running ``bastion serve`` (which scans,
enforces and stores in one call) on a worker thread with a timeout; when the server cannot
answer, the callback's fail-open/closed choice decides.
"""

from __future__ import annotations

import base64
import logging
from typing import Any, Final, Protocol

import httpx

from bastion.extract import has_candidates
from bastion.integrations.synapse.config import ModuleConfig
from bastion.integrations.synapse.decision import Decision, decide, decide_result, unavailable
from bastion.integrations.synapse.ingest import IngestWorker, ProcessIngest
from bastion.model import Item, ScanResult
from bastion.scanner import Scanner

log = logging.getLogger("bastion.synapse")
MAX_RESPONSE: Final = 4 * 1024 * 1024


class Backend(Protocol):
    def check(self, item: Item, callback: str) -> Decision:
        """Blocking; the module calls it inline (text, in-process) or on a worker thread."""
        ...

    def close(self) -> None: ...


class InProcessBackend:
    """The home's index and policy, loaded once; decisions queued for ingest per ``ingest``."""

    def __init__(self, config: ModuleConfig, scanner: Scanner | None = None) -> None:
        if config.home is None:
            raise ValueError("in_process mode needs a home")
        self.config = config
        self.scanner = scanner or Scanner.load(config.home, ocr=config.ocr)
        self.ingest: IngestWorker | ProcessIngest | None = None
        if config.ingest != "none" and config.tenant:
            kind = ProcessIngest if config.ingest_process else IngestWorker
            self.ingest = kind(config.home, config.tenant, upkeep_interval=config.upkeep_interval)
            self.ingest.start()

    def scan(self, item: Item) -> ScanResult:
        return self.scanner.scan(item)

    def check(self, item: Item, callback: str) -> Decision:
        result = self.scanner.scan(item)
        if self.ingest is not None and (self.config.ingest == "all" or result.verdict != "allow"):
            self.ingest.submit(item, result)
        return decide_result(result, item.surface, self.config.strict_surfaces)

    def close(self) -> None:
        if self.ingest is not None:
            self.ingest.stop()


def item_record(item: Item) -> dict[str, Any]:
    """The ``/v1/check`` body for ``item`` (pictures inline as base64)."""
    record: dict[str, Any] = {"id": item.id, "surface": item.surface, "platform": item.platform}
    if item.text:
        record["text"] = item.text
    if item.account_id:
        record["account_id"] = item.account_id
    if item.meta:
        record["meta"] = item.meta
    images = [i for i in item.image_data if i.data is not None]
    if images:
        record["images"] = [
            {"data": base64.b64encode(i.data or b"").decode("ascii")} for i in images
        ]
    return record


class RemoteBackend:
    """``POST {url}/v1/check`` with a platform key; one pooled client shared by worker threads."""

    def __init__(
        self, config: ModuleConfig, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        if not config.url or not config.api_key:
            raise ValueError("remote mode needs url and api_key")
        self.config = config
        self.client = httpx.Client(
            base_url=config.url,
            timeout=httpx.Timeout(config.timeout),
            headers={"Authorization": f"Bearer {config.api_key}"},
            follow_redirects=False,
            transport=transport,
        )

    def check(self, item: Item, callback: str) -> Decision:
        try:
            response = self.client.post("/v1/check", json=item_record(item))
            if response.status_code != 200:
                raise ValueError(f"HTTP {response.status_code}: {response.text[:200]}")
            if len(response.content) > MAX_RESPONSE:
                raise ValueError("response too large")
            body = response.json()
            verdict = body["verdict"]
            violations = body.get("violations") or []
            if not isinstance(verdict, str) or not isinstance(violations, list):
                raise ValueError("response has no verdict")
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            links = bool(item.text) and has_candidates(item.text)
            refuse = not self.config.fails_open(callback, links=links)
            log.warning(
                "bastion unavailable for %s (%s): %s %s",
                item.id,
                callback,
                "refusing" if refuse else "letting through",
                type(exc).__name__,
            )
            return unavailable(item.surface, refuse=refuse)
        return decide(item.surface, verdict, violations, self.config.strict_surfaces)

    def close(self) -> None:
        self.client.close()


def build_backend(config: ModuleConfig) -> InProcessBackend | RemoteBackend:
    if config.mode == "remote":
        return RemoteBackend(config)
    return InProcessBackend(config)
