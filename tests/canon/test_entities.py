"""canonicalize_entity fills value / host / registrable_domain per entity kind."""

from __future__ import annotations

import pytest

from bastion.canon import canonicalize_entity
from bastion.model import Entity


def _entity(kind: str, value: str, **extra: object) -> Entity:
    return Entity(kind=kind, raw=value, span=(0, len(value)), value=value, **extra)  # type: ignore[arg-type]


def test_url() -> None:
    entity = _entity("url", "HTTP://WWW.Bet888.COM:80/a/../reg?x=1#top")
    canonicalize_entity(entity)
    assert entity.value == "http://www.bet888.com/reg?x=1"
    assert entity.host == "www.bet888.com"
    assert entity.registrable_domain == "bet888.com"
    assert entity.flags == []


def test_url_idn_and_private_suffix() -> None:
    entity = _entity("url", "https://Bücher.de/x")
    canonicalize_entity(entity)
    assert entity.host == "xn--bcher-kva.de"
    assert entity.registrable_domain == "xn--bcher-kva.de"
    github = _entity("url", "https://evil.github.io/login")
    canonicalize_entity(github)
    assert github.registrable_domain == "evil.github.io"


@pytest.mark.parametrize(
    ("url", "host"),
    [("http://3232235777/x", "192.168.1.1"), ("http://[0::1]:81/", "::1")],
)
def test_url_with_ip_host(url: str, host: str) -> None:
    entity = _entity("url", url)
    canonicalize_entity(entity)
    assert entity.host == host
    assert entity.registrable_domain == host


def test_domain() -> None:
    entity = _entity("domain", "WWW.例子.中国")
    canonicalize_entity(entity)
    assert entity.value == "www.例子.中国"
    assert entity.host == "www.xn--fsqu00a.xn--fiqs8s"
    assert entity.registrable_domain == "xn--fsqu00a.xn--fiqs8s"


def test_email() -> None:
    entity = _entity("email", "Agent.Smith@Mail.Bet888.COM")
    canonicalize_entity(entity)
    assert entity.value == "agent.smith@mail.bet888.com"
    assert entity.host == "mail.bet888.com"
    assert entity.registrable_domain == "bet888.com"


@pytest.mark.parametrize(
    ("raw", "value"), [("0xC0A80001", "192.168.0.1"), ("[2001:DB8::1]", "2001:db8::1")]
)
def test_ip(raw: str, value: str) -> None:
    entity = _entity("ip", raw)
    canonicalize_entity(entity)
    assert entity.value == value
    assert entity.host == value
    assert entity.registrable_domain == value


def test_deeplink_scheme_lowercased() -> None:
    entity = _entity("deeplink", "WeiXin://dl/Chat?ID=AbC")
    canonicalize_entity(entity)
    assert entity.value == "weixin://dl/Chat?ID=AbC"
    assert entity.host is None
    assert entity.registrable_domain is None


def test_handle_untouched_and_unknown_suffix() -> None:
    handle = _entity("wechat", "WXID_abc")
    canonicalize_entity(handle)
    assert (handle.value, handle.host, handle.flags) == ("WXID_abc", None, [])
    local = _entity("url", "http://intranet.localdomain/")
    canonicalize_entity(local)
    assert local.host == "intranet.localdomain"
    assert local.registrable_domain is None


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("url", "http://example.com:99999/"),
        ("url", "javascript:alert(1)"),
        ("ip", "999.1.1.1"),
        ("email", "@example.com"),
        ("domain", "..."),
    ],
)
def test_uncanonical_keeps_raw_value(kind: str, raw: str) -> None:
    entity = _entity(kind, raw)
    canonicalize_entity(entity)
    canonicalize_entity(entity)
    assert entity.value == raw
    assert entity.flags == ["uncanonical"]
    assert entity.registrable_domain is None
