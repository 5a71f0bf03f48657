"""Red team 6: how one case is judged (Bastion's ``ScanResult`` and a peer's extracted strings).

The matching rules are red team 5's (its ``host_keys``) so the figures compare: a host matches
on itself, its registrable domain or its IDNA form; a handle on the id as a reader types it
(digits for phones, QQ and WhatsApp, national significant number for phones). A Kakao id counts
when any handle entity carries it (Bastion reads it as a ``kakao`` entity).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.redteam5_eval import host_keys
from bench.redteam6 import Case

HANDLE_KINDS = frozenset({"wechat", "qq", "telegram", "whatsapp", "line", "kakao", "phone"})
CASE_HANDLE_KINDS = HANDLE_KINDS
HOST_KINDS = frozenset({"url", "domain", "ip", "email", "deeplink"})
MESSENGER_HOSTS = frozenset(
    {
        "t.me",
        "telegram.me",
        "wa.me",
        "whatsapp.com",
        "api.whatsapp.com",
        "web.whatsapp.com",
        "qq.com",
        "line.me",
        "page.line.me",
    }
)


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _nsn(number: str) -> str:
    """National significant number of an E.164 (``447...``) or mainland (``1[3-9]...``) number."""
    import phonenumbers

    d = digits(number)
    if len(d) == 11 and d.startswith("1") and d[1] in "3456789":
        return d
    try:
        return str(phonenumbers.parse("+" + d).national_number)
    except phonenumbers.NumberParseException:
        return d


def handle_value(kind: str, value: str) -> str:
    """An id as a reader types it: lower case, no ``@``, no ``t.me/`` or query around it."""
    v = value.strip().lower()
    if kind in ("phone", "whatsapp", "qq"):
        return digits(v)
    v = v.split("?", 1)[0].rstrip("/")
    v = v.rsplit("/", 1)[-1] if "/" in v else v
    return v.lstrip("@~")


def handle_matches(kind: str, value: str, expected: Iterable[str]) -> bool:
    v = handle_value(kind, value)
    for e in expected:
        if kind in ("phone", "whatsapp"):
            n = _nsn(e)
            if v and len(v) >= len(n) and v.endswith(n) and len(v) <= len(n) + 4:
                return True
        if v == e.lower():
            return True
    return False


@dataclass(slots=True)
class Outcome:
    """What Bastion did with one case."""

    verdict: str
    found: bool
    wrong: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


def judge(case: Case, result: Any) -> Outcome:
    """Score one ``ScanResult``: the planted host or id found, and any host or id reported that
    is neither it nor one the text really holds (a decoy, the redirector, a candidate reading)."""
    expected_hosts = host_keys(case.expected) if case.kind in ("host", "ip") else set()
    ok_hosts = expected_hosts | host_keys(case.others) | MESSENGER_HOSTS
    found = False
    wrong: list[str] = []
    shown: list[str] = []
    for e in result.entities:
        shown.append(f"{e.kind}:{e.value}" + (f" [{','.join(e.flags)}]" if e.flags else ""))
        if e.kind in HOST_KINDS:
            hosts = [h for h in (e.host, e.registrable_domain) if h]
            if not hosts:
                continue
            keys = host_keys(hosts)
            if keys & expected_hosts or (
                "redirect_target" in e.flags and any(h in e.value.lower() for h in case.expected)
            ):
                found = True
            elif case.kind in CASE_HANDLE_KINDS and e.kind == "email":
                continue  # a QQ mailbox is also a mail address
            elif not keys & ok_hosts and case.group != "benign":
                wrong.append(f"{e.kind}:{hosts[0]}")
        elif e.kind in HANDLE_KINDS and case.kind in CASE_HANDLE_KINDS:
            if handle_matches(case.kind, e.value, case.expected):
                found = True
            elif not handle_matches(case.kind, e.value, case.others):
                wrong.append(f"{e.kind}:{e.value}")
    return Outcome(result.verdict, found, wrong, shown)


def peer_hit(case: Case, extracted: list[str]) -> tuple[bool, bool]:
    """(found, wrong) for a peer's extracted strings, by the same rules as :func:`judge`."""
    from bench.peers import found as peer_found
    from bench.recall import url_host

    if case.kind in ("host", "ip"):
        want = host_keys(case.expected)
        ok = want | host_keys(case.others) | MESSENGER_HOSTS
        hit = wrong = False
        for x in extracted:
            if x.startswith("tel:"):
                continue
            host = url_host(x.strip().strip("<>\"'"))
            if not host:
                continue
            keys = host_keys([host])
            if keys & want:
                hit = True
            elif not keys & ok:
                wrong = True
        return hit, wrong
    kind = "telegram" if case.kind == "kakao" else case.kind
    return any(peer_found(kind, e, extracted) for e in case.expected), False
