"""Short links opened one hop at a time, and only while the hop is a known shortener.

A spammer who knows the link is listed posts a short link to it instead: the text holds only
the shortener's host, which no feed lists as gambling. At click time the shim asks where the
short link leads before it lets anyone through. The expander is careful about what it fetches:

* it sends a request only for a URL whose host the intel calls a shortener (``is_shortener``);
  the first hop that is not a shortener is the destination and is never fetched;
* every connection goes through ``bastion.netguard`` (only global addresses, the checked
  address pinned, no proxy), so a short link cannot make the server reach its own network;
* at most ``max_hops`` requests, ``hop_timeout`` seconds each and ``deadline`` seconds in all,
  enforced from outside the request so a server trickling its headers cannot hold the caller;
* no body is read: only the status line and headers (h11 bounds their size), and a
  ``Location`` longer than ``MAX_LOCATION_CHARS`` stops the walk; the transport is used
  directly, so no client logic of its own follows or rewrites a redirect;
* only ``http`` and ``https`` hops are followed; any other scheme is reported as the end.

``Expansion.complete`` is False when the walk stopped before it knew the destination (time,
hops, a refused address, a network error); callers fail closed on that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from bastion.netguard import (
    AddressPolicy,
    AddressRefused,
    GuardedTransport,
    Resolver,
    refusal_reason,
    system_resolver,
)

MAX_HOPS: Final = 5
HOP_TIMEOUT: Final = 2.0
DEADLINE: Final = 4.0
MAX_LOCATION_CHARS: Final = 8192
USER_AGENT: Final = "bastion-shortlink-check/1 (+https://github.com/bastion)"
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_WORKERS: Final = 4

Stop = Literal[
    "destination",
    "no_redirect",
    "other_scheme",
    "max_hops",
    "deadline",
    "refused",
    "error",
]
"""Why the walk ended. The first three know the destination; the rest do not."""
_COMPLETE: Final = frozenset({"destination", "no_redirect", "other_scheme"})


@dataclass(frozen=True, slots=True)
class Expansion:
    """Where a link led: ``chain`` holds every URL after the first, in order."""

    start: str
    chain: tuple[str, ...]
    stop: Stop
    detail: str = ""

    @property
    def final(self) -> str:
        return self.chain[-1] if self.chain else self.start

    @property
    def complete(self) -> bool:
        return self.stop in _COMPLETE

    @property
    def requests(self) -> int:
        """How many requests were sent (every hop but the destination was fetched)."""
        return len(self.chain) + (0 if self.stop == "destination" else 1)


class ShortLinkExpander:
    """Follows redirects of known shorteners; one instance is shared by a server's requests."""

    def __init__(
        self,
        *,
        max_hops: int = MAX_HOPS,
        hop_timeout: float = HOP_TIMEOUT,
        deadline: float = DEADLINE,
        resolver: Resolver = system_resolver,
        policy: AddressPolicy = refusal_reason,
    ) -> None:
        if max_hops < 1 or hop_timeout <= 0 or deadline <= 0:
            raise ValueError("max_hops >= 1, hop_timeout > 0 and deadline > 0 are required")
        self.max_hops, self.hop_timeout, self.deadline = max_hops, hop_timeout, deadline
        self._transport = GuardedTransport(resolver=resolver, policy=policy)
        self._timeouts = httpx.Timeout(hop_timeout).as_dict()
        self._pool = ThreadPoolExecutor(_WORKERS, thread_name_prefix="shortlink")
        self._lock = threading.Lock()
        self._closed = False

    def expand(self, url: str, is_shortener: Callable[[str], bool]) -> Expansion:
        """Walk from ``url`` while each hop ``is_shortener``; never raises for network trouble."""
        future: Future[Expansion] = self._pool.submit(self._walk, url, is_shortener)
        try:
            return future.result(timeout=self.deadline)
        except FutureTimeout:
            future.cancel()
            return Expansion(url, (), "deadline", f"no answer within {self.deadline:g} s")

    def _walk(self, url: str, is_shortener: Callable[[str], bool]) -> Expansion:
        chain: list[str] = []
        current = url
        for _ in range(self.max_hops):
            if not is_shortener(current):
                return Expansion(url, tuple(chain), "destination")
            step = self._hop(current)
            if isinstance(step, Expansion):
                return Expansion(url, tuple(chain), step.stop, step.detail)
            if step is None:
                return Expansion(url, tuple(chain), "no_redirect")
            chain.append(step)
            if urlsplit(step).scheme.lower() not in ("http", "https"):
                return Expansion(url, tuple(chain), "other_scheme")
            current = step
        if not is_shortener(current):
            return Expansion(url, tuple(chain), "destination")
        return Expansion(url, tuple(chain), "max_hops", f"more than {self.max_hops} redirects")

    def _hop(self, url: str) -> str | Expansion | None:
        """The next URL, ``None`` when the answer is not a redirect, or the reason to stop."""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return Expansion(url, (), "other_scheme")
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        try:
            request = httpx.Request("GET", url, headers=headers)
            request.extensions["timeout"] = self._timeouts
            response = self._transport.handle_request(request)
            try:
                if response.status_code not in _REDIRECTS:
                    return None
                location = response.headers.get("location", "")
            finally:
                response.close()
        except AddressRefused as exc:
            return Expansion(url, (), "refused", str(exc))
        except httpx.TimeoutException:
            return Expansion(url, (), "deadline", f"{url[:200]} timed out")
        except (httpx.HTTPError, ValueError) as exc:
            return Expansion(url, (), "error", f"{type(exc).__name__}: {str(exc)[:200]}")
        if not location:
            return None
        if len(location) > MAX_LOCATION_CHARS:
            return Expansion(url, (), "error", "Location header longer than the limit")
        try:
            return str(urljoin(url, str(location).strip()))
        except ValueError as exc:
            return Expansion(url, (), "error", f"bad Location: {str(exc)[:200]}")

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._transport.close()

    def __enter__(self) -> ShortLinkExpander:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
