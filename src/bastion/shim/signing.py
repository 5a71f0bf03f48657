"""Signed shim links: ``/l?u=URL&t=TENANT&s=KID.SIGNATURE``.

The shim redirects only to what Bastion signed, so it can never serve as an open redirect: the
signature is an HMAC-SHA256 over the key id, the tenant and the exact URL, checked in constant
time. Keys rotate: the newest key signs, every key still on file verifies, and retiring a key
kills the links it signed (their clicks get the "link not valid" page, never a redirect).

Keys live in ``$BASTION_HOME/shim-keys.json`` (mode 0600), created on first use with 256 random
bits per key. The file is written atomically, so a failed rotation leaves the old keys.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import urlencode

from bastion.atomic import write_bytes_atomically

KEYS_FILE: Final = "shim-keys.json"
MAX_URL_CHARS: Final = 4096
"""Longer URLs are not signed (and not followed): browsers and proxies truncate them anyway."""
MAX_KEYS: Final = 16
_KID = re.compile(r"k[0-9]{1,6}")
_SIG_CHARS: Final = 43  # unpadded base64url of 32 bytes


class ShimKeyError(ValueError):
    """A keys file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class LinkSigner:
    """Signs and verifies shim links with a ring of keys (``current`` signs)."""

    keys: dict[str, bytes]
    current: str
    _order: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.current not in self.keys:
            raise ShimKeyError(f"the current key {self.current!r} is not in the ring")
        for kid, key in self.keys.items():
            if not _KID.fullmatch(kid) or len(key) < 32:
                raise ShimKeyError(f"key {kid!r} needs an id like k1 and at least 32 bytes")
        object.__setattr__(self, "_order", tuple(sorted(self.keys, key=_kid_number)))

    @classmethod
    def generate(cls) -> LinkSigner:
        return cls({"k1": secrets.token_bytes(32)}, "k1")

    def signature(self, url: str, tenant: str = "", kid: str | None = None) -> str:
        """``KID.SIGNATURE`` for ``url`` shown to ``tenant``'s users."""
        kid = kid or self.current
        mac = hmac.new(self.keys[kid], _message(kid, tenant, url), hashlib.sha256).digest()
        return f"{kid}.{base64.urlsafe_b64encode(mac).decode('ascii').rstrip('=')}"

    def verify(self, url: str, tenant: str, signed: str) -> bool:
        """True only for a signature this ring made for exactly this URL and tenant."""
        kid, dot, _sig = signed.partition(".")
        if not dot or kid not in self.keys or len(signed) != len(kid) + 1 + _SIG_CHARS:
            return False
        if len(url) > MAX_URL_CHARS:
            return False
        return hmac.compare_digest(self.signature(url, tenant, kid), signed)

    def link(self, url: str, tenant: str = "", base: str = "") -> str:
        """The shim link for ``url``: ``{base}/l?u=…&t=…&s=…`` (``t`` omitted when empty)."""
        if len(url) > MAX_URL_CHARS:
            raise ValueError(f"a URL longer than {MAX_URL_CHARS} characters is not signed")
        query = {"u": url, **({"t": tenant} if tenant else {}), "s": self.signature(url, tenant)}
        return f"{base.rstrip('/')}/l?{urlencode(query)}"

    def rotated(self) -> LinkSigner:
        """A ring with one new key that signs from now on; older keys still verify."""
        if len(self.keys) >= MAX_KEYS:
            raise ShimKeyError(f"at most {MAX_KEYS} keys; retire old ones first")
        kid = f"k{_kid_number(self._order[-1]) + 1}"
        return LinkSigner({**self.keys, kid: secrets.token_bytes(32)}, kid)

    def retired(self, kid: str) -> LinkSigner:
        """The ring without ``kid``: links it signed stop working at once."""
        if kid not in self.keys:
            raise ShimKeyError(f"no key {kid!r} (keys: {', '.join(self._order)})")
        if kid == self.current:
            raise ShimKeyError(f"{kid!r} is the signing key; rotate first")
        return LinkSigner({k: v for k, v in self.keys.items() if k != kid}, self.current)

    def key_ids(self) -> tuple[str, ...]:
        return self._order


def _kid_number(kid: str) -> int:
    return int(kid[1:])


def _message(kid: str, tenant: str, url: str) -> bytes:
    return b"\0".join((b"bastion-shim-v1", kid.encode(), tenant.encode(), url.encode()))


def load_signer(home: Path, *, create: bool = True) -> LinkSigner:
    """The ring in ``home``; a new one is written there first when ``create`` and none exists."""
    path = home / KEYS_FILE
    if not path.exists():
        if not create:
            raise ShimKeyError(f"{path}: no shim keys (run `bastion shim rotate` to make one)")
        signer = LinkSigner.generate()
        save_signer(home, signer)
        return signer
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = {kid: base64.b64decode(value, validate=True) for kid, value in data["keys"].items()}
        return LinkSigner(keys, data["current"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ShimKeyError(f"{path}: not a shim keys file ({type(exc).__name__}: {exc})") from None


def save_signer(home: Path, signer: LinkSigner) -> None:
    """Write the ring atomically with mode 0600."""
    home.mkdir(parents=True, exist_ok=True)
    data = {
        "current": signer.current,
        "keys": {kid: base64.b64encode(signer.keys[kid]).decode() for kid in signer.key_ids()},
    }
    text = json.dumps(data, indent=2) + "\n"
    write_bytes_atomically(home / KEYS_FILE, text.encode("utf-8"), mode=0o600)
