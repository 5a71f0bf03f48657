"""Download a feed over HTTP(S) without becoming an SSRF or memory-exhaustion vector.

Feed URLs come from operators, but redirects and DNS come from the internet. Every connection,
the first and each redirect hop, goes through ``bastion.netguard``: the name is resolved once,
every address must be public (the same policy as webhooks) unless ``allow_private``, and the
socket connects to the address that was checked, so a DNS answer that changes between the check
and the connection (rebinding) cannot reach an internal host. Each network operation has a
timeout, the whole download has a deadline, and the body is streamed with a running byte count
that aborts beyond the size limit.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from bastion.intel.formats import FeedError
from bastion.netguard import (
    AddressPolicy,
    AddressRefused,
    Resolver,
    checked_addresses,
    guarded_client,
    refusal_reason,
    system_resolver,
)

DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_MAX_BYTES: Final = 200 * 1024 * 1024
DEFAULT_DEADLINE: Final = 600.0
MAX_REDIRECTS: Final = 5
USER_AGENT: Final = "bastion-feeds/0.1"
_HINT: Final = " (use --allow-private for feeds served on a private network)"


class FetchError(FeedError):
    """The feed could not be downloaded (refused address, HTTP error, timeout, too large)."""


@dataclass(slots=True, frozen=True)
class Fetched:
    """A downloaded feed body and where it finally came from."""

    url: str
    data: bytes
    sha256: str

    @property
    def name(self) -> str:
        """The last path segment (``gambling.txt``), used for format and category guesses."""
        return urlsplit(self.url).path.rstrip("/").rpartition("/")[2]


def _checked_parts(url: str) -> tuple[str, int]:
    """``(host, port)`` of an http(s) URL, or FetchError saying what is wrong with it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refusing {parts.scheme or 'scheme-less'} URL: only http and https")
    host = parts.hostname
    if not host:
        raise FetchError(f"URL has no host: {url[:200]}")
    try:
        return host, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"URL has an invalid port: {url[:200]}") from None


def check_url(
    url: str, *, allow_private: bool = False, resolver: Resolver = system_resolver
) -> None:
    """Refuse non-HTTP(S) URLs and hosts resolving to non-public addresses (unless allowed).

    A preflight for callers that want the answer before downloading; ``fetch`` does not rely on
    it, because its transport checks (and pins) the address of every connection it opens.
    """
    host, port = _checked_parts(url)
    try:
        checked_addresses(host, port, allow_private=allow_private, resolver=resolver)
    except AddressRefused as exc:
        raise FetchError(f"{exc}{_HINT}") from None
    except httpcore.ConnectError as exc:
        raise FetchError(str(exc)) from None


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float = DEFAULT_DEADLINE,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
    policy: AddressPolicy = refusal_reason,
) -> Fetched:
    """GET ``url`` (following up to five redirects, each hop checked) and return the whole body."""
    started = time.monotonic()
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    client = guarded_client(
        allow_private=allow_private, resolver=resolver, policy=policy, timeout=timeout
    )
    with client:
        for _ in range(MAX_REDIRECTS + 1):
            _checked_parts(url)
            try:
                with client.stream("GET", url, headers=headers) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError(f"redirect without Location from {url[:200]}")
                        url = urljoin(url, location)
                        continue
                    if response.status_code != 200:
                        raise FetchError(f"HTTP {response.status_code} from {url[:200]}")
                    data = _read_limited(response, url, max_bytes, started, deadline)
            except AddressRefused as exc:
                raise FetchError(f"{exc}{_HINT}") from None
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {timeout:g} s fetching {url[:200]}") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url[:200]}: {exc}") from None
            return Fetched(url=url, data=data, sha256=hashlib.sha256(data).hexdigest())
    raise FetchError(f"more than {MAX_REDIRECTS} redirects fetching {url[:200]}")


def _read_limited(
    response: httpx.Response, url: str, max_bytes: int, started: float, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url[:200]} declares {declared} bytes, over the {max_bytes} limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise FetchError(f"{url[:200]} is larger than the {max_bytes}-byte limit; aborted")
        if time.monotonic() - started > deadline:
            raise FetchError(f"{url[:200]} took longer than {deadline:g} s; aborted")
    return bytes(body)
