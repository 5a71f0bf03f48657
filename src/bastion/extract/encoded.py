"""URLs written in base64 or hex (``aHR0cDovL2JldDg4OC5jb20v``, ``687474703a2f2f…``).

No reader undoes these by eye, but a spammer's audience pastes them into a decoder, and threat
reports carry them the same way (iocextract decodes both). Only a token that decodes to a URL
starting with ``http://`` or ``https://`` counts: base64 of those always begins ``aHR0c`` and
hex ``687474703a2f2f`` / ``68747470733a2f2f``, so one literal search gates the pass. The
entity spans the encoded token, its value is the decoded URL and it is flagged ``encoded``.
"""

from __future__ import annotations

import base64
import binascii
import re

from bastion.extract._types import Candidate
from bastion.extract.hosts import find_hosts

ENCODED = "encoded"
TRIGGER = "aHR0c|(?i:68747470(?:73)?3a2f2f)|(?i:data:[a-z]{1,20}/[a-z0-9.+\\-]{1,40}[;,])"
"""What every encoded URL holds (a pre-check clause and the extractor's routing pattern)."""
MAX_DECODED = 2048
"""Longest decoded URL considered; longer tokens are cut there (the host comes first)."""

_TOKEN = re.compile(
    r"(?<![A-Za-z0-9+/_\-])aHR0c[A-Za-z0-9+/_\-]{6,2800}={0,2}"
    r"|(?<![0-9A-Fa-f])(?i:68747470(?:73)?3a2f2f)[0-9A-Fa-f]{8,4100}"
)


def _from_base64(token: str) -> bytes | None:
    core = token.rstrip("=")[: MAX_DECODED * 4 // 3]
    core = core[: len(core) - (len(core) % 4 == 1)]
    padded = core + "=" * (-len(core) % 4)
    altchars = b"-_" if ("-" in core or "_" in core) else None
    try:
        return base64.b64decode(padded, altchars=altchars, validate=True)
    except (binascii.Error, ValueError):
        return None


def _from_hex(token: str) -> bytes | None:
    core = token[: MAX_DECODED * 2]
    try:
        return bytes.fromhex(core[: len(core) - len(core) % 2])
    except ValueError:
        return None


def _decoded_url(token: str) -> str | None:
    """The printable URL a token decodes to, cut at the first byte that is not one."""
    raw = _from_base64(token) if token.startswith("aHR0c") else _from_hex(token)
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace")
    end = next((i for i, ch in enumerate(text) if ch == "\ufffd" or not ch.isprintable()), None)
    text = text[:end].split(" ", 1)[0]
    return text if text.startswith(("http://", "https://")) else None


_DATA_URI = re.compile(
    r"(?i:data:[a-z]{1,20}/[a-z0-9.+\-]{1,40}(?:;[a-z0-9.+\-]{1,20}=[^;,\s]{1,40}){0,3};base64,)"
    r"(?P<blob>[A-Za-z0-9+/]{8,2800}={0,2})"
)
"""A ``data:`` URI in base64 (``data:text/html;base64,PHNjcmlwdD5s...``): the page it holds
opens in the browser, and the link in it (a redirect, a form's target) is where it sends."""
_URL_IN_PAGE = re.compile(r"https?://[A-Za-z0-9.\-]{1,253}(?:[:/?#][^\s'\"<>\\]{0,400})?")


def _data_uri_url(blob: str) -> str | None:
    """The first URL in the page a ``data:`` URI's base64 holds."""
    raw = _from_base64(blob)
    if raw is None:
        return None
    found = _URL_IN_PAGE.search(raw.decode("utf-8", "replace"))
    return found.group() if found else None


def find_encoded(text: str, out: list[Candidate]) -> None:
    """Append a URL candidate for each base64 or hex token of ``text`` that decodes to one, and
    for each ``data:`` URI whose page in base64 links to one."""
    tokens = [(m, _decoded_url(m.group())) for m in _TOKEN.finditer(text)]
    if "data:" in text or "DATA:" in text:
        tokens += [(m, _data_uri_url(m["blob"])) for m in _DATA_URI.finditer(text)]
    for match, url in tokens:
        if url is None:
            continue
        inner: list[Candidate] = []
        find_hosts(url, inner, scheme=True, at=False, colons=False, dot=True, vouched=None)
        first = next((c for c in inner if c.start == 0 and c.kind == "url"), None)
        if first is None or first.host is None:
            continue
        out.append(
            Candidate(
                "url",
                match.start(),
                match.end(),
                first.value,
                host=first.host,
                flags=(*first.flags, ENCODED),
            )
        )
