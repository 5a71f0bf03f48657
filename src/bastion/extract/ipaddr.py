"""IP hosts as browsers read them: dotted, decimal, octal and hex IPv4 (inet_aton rules), IPv6.

Phishing links hide a dotted quad as ``http://3232235777/`` or ``0xC0.0xA8.0.1``; every form is
reduced to the dotted quad so the intel stage sees one key per address.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

_HEX = re.compile(r"0[xX][0-9A-Fa-f]{1,8}")
_OCT = re.compile(r"0[0-7]{1,11}")
_DEC = re.compile(r"0|[1-9][0-9]{0,9}")


def _part(text: str) -> tuple[int, str] | None:
    """One inet_aton component and its notation, or None when it is no number at all."""
    if _DEC.fullmatch(text):
        return int(text), "decimal"
    if _HEX.fullmatch(text):
        return int(text, 16), "hex"
    if _OCT.fullmatch(text):
        return int(text, 8), "octal"
    return None


_THOUSANDS: Final = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3}){0,6}\.000(?:\.[0-9]{3}){0,6}")
"""``1.000.000.000`` views: a number with thousands stops (a part of three zeros), no IP."""


def parse_ipv4(host: str, *, strict: bool) -> tuple[str, str | None] | None:
    """``(dotted quad, notation flag)`` for an IPv4 host, else None.

    ``strict`` (bare text) accepts only four components, since ``3232235777`` or ``10.1`` in prose
    are numbers; inside a URL the short forms are what a browser resolves. The flag is None for
    plain dotted decimal, else ``ip_decimal``/``ip_hex``/``ip_octal``/``ip_short``.
    """
    parts = host.split(".")
    if len(parts) > 4 or (strict and len(parts) != 4):
        return None
    if strict and _THOUSANDS.fullmatch(host):
        return None
    numbers: list[int] = []
    notations: set[str] = set()
    for text in parts:
        parsed = _part(text)
        if parsed is None:
            return None
        numbers.append(parsed[0])
        notations.add(parsed[1])
    head, last = numbers[:-1], numbers[-1]
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(head):
        value |= number << (8 * (3 - index))
    dotted = str(ipaddress.IPv4Address(value))
    if "hex" in notations:
        flag: str | None = "ip_hex"
    elif "octal" in notations:
        flag = "ip_octal"
    elif len(parts) == 1:
        flag = "ip_decimal"
    elif len(parts) < 4:
        flag = "ip_short"
    else:
        flag = None
    return dotted, flag


def parse_ipv6(text: str) -> str | None:
    """Compressed form of an IPv6 address (brackets and zone id stripped), else None."""
    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    inner = inner.split("%", 1)[0]
    try:
        return ipaddress.IPv6Address(inner).compressed
    except ValueError:
        return None
