"""The recall scorer counts exactly what it claims to, on hand-made cases and entities."""

from __future__ import annotations

import pytest

from bastion.model import Entity
from bench.obfuscation_suite import Case
from bench.recall import entity_matches, evaluate, peer_finders, peer_matches, url_host


def ent(kind: str, value: str, host: str | None = None, rd: str | None = None) -> Entity:
    return Entity(
        kind=kind, raw=value, span=(0, len(value)), value=value, host=host, registrable_domain=rd
    )


def case(n: int, trick: str, kind: str, value: str, text: str = "x") -> Case:
    return Case(f"c{n}", trick, kind, value, text, "en", text)


def test_host_matches_by_registrable_domain() -> None:
    url = ent("url", "http://www.188bet.com/reg", "www.188bet.com", "188bet.com")
    assert entity_matches("host", "188bet.com", url)
    assert entity_matches("host", "188bet.com", ent("domain", "m.188bet.com", "m.188bet.com"))
    assert not entity_matches("host", "188bet.co", url)
    assert not entity_matches(
        "host", "188bet.com", ent("email", "a@188bet.com", "188bet.com", "188bet.com")
    )


def test_ip_email_deeplink_matching() -> None:
    assert entity_matches("ip", "1.2.3.4", ent("ip", "1.2.3.4"))
    assert entity_matches("ip", "1.2.3.4", ent("url", "http://1.2.3.4/x", "1.2.3.4"))
    assert not entity_matches("ip", "1.2.3.4", ent("url", "http://16909060/", "16909060"))
    assert entity_matches("email", "scam.com", ent("email", "kefu@mail.scam.com"))
    assert not entity_matches(
        "email", "scam.com", ent("domain", "scam.com", "scam.com", "scam.com")
    )
    assert entity_matches("deeplink", "tg", ent("deeplink", "tg://resolve?domain=abc"))
    assert not entity_matches("deeplink", "tg", ent("deeplink", "tgx://a"))
    token = "tg://resolve?domain=lucky_88"
    assert entity_matches("deeplink", "tg", ent("telegram", "lucky_88"), token)
    assert not entity_matches("deeplink", "tg", ent("telegram", "other_1"), token)
    assert not entity_matches("deeplink", "tg", ent("url", "lucky_88"), token)


def test_handle_and_phone_matching() -> None:
    assert entity_matches("telegram", "lucky_88", ent("telegram", "@Lucky_88"))
    assert not entity_matches("telegram", "lucky_88", ent("wechat", "lucky_88"))
    assert entity_matches("qq", "12345678", ent("qq", "12345678"))
    assert not entity_matches("qq", "12345678", ent("qq", "2345678"))
    assert entity_matches("phone", "8613812345678", ent("phone", "+8613812345678"))
    assert entity_matches("phone", "8613812345678", ent("phone", "13812345678"))
    assert entity_matches("whatsapp", "8613812345678", ent("phone", "+86 138 1234 5678"))
    assert not entity_matches("phone", "8613812345678", ent("phone", "13812345679"))
    assert not entity_matches("phone", "8613812345678", ent("phone", "5678"))


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://www.188bet.com/x?y", "www.188bet.com"),
        ("188bet.com", "188bet.com"),
        ("mailto:a@scam.com", "scam.com"),
        ("a@scam.com", "scam.com"),
        ("http://[::1", None),
    ],
)
def test_url_host(url: str, host: str | None) -> None:
    assert url_host(url) == host


def test_peer_matching_rules() -> None:
    assert peer_matches("host", "188bet.com", ["nothing.org", "http://www.188bet.com/"])
    assert not peer_matches("host", "188bet.com", ["188bet.co"])
    assert not peer_matches("telegram", "abc12", ["t.me/abc12"])
    assert peer_matches("email", "scam.com", ["mailto:x@scam.com"])
    assert not peer_matches("email", "scam.com", ["scam.com"])
    assert peer_matches("ip", "1.2.3.4", ["http://1.2.3.4/x"])
    assert peer_matches("deeplink", "weixin", ["weixin://contacts/profile/abc"])


def test_evaluate_counts_hits_misses_and_peers() -> None:
    cases = [
        case(0, "plain", "host", "188bet.com", "go 188bet.com"),
        case(1, "plain", "host", "99bet.com", "go 99bet.com"),
        case(2, "dot_word", "host", "188bet.com", "go 188bet dot com"),
        case(3, "qq:digits", "qq", "12345678", "QQ 12345678"),
    ]
    found = {
        "c0": [ent("domain", "188bet.com", "188bet.com", "188bet.com")],
        "c1": [ent("domain", "99bet.co", "99bet.co", "99bet.co")],
        "c2": [ent("domain", "188bet.com", "188bet.com", "188bet.com")],
        "c3": [ent("qq", "12345678")],
    }
    summary = evaluate(
        cases,
        lambda c: (found[c.id], "act" if c.id != "c1" else "allow"),
        {"naive": lambda text: [w for w in text.split() if "." in w]},
    )
    assert summary["per_trick_pct"]["plain"] == {
        "cases": 2,
        "bastion": 50.0,
        "flagged": 50.0,
        "naive": 100.0,
    }
    assert summary["per_trick_pct"]["dot_word"]["naive"] == 0.0
    assert summary["overall_pct"] == {"bastion": 75.0, "flagged": 75.0, "naive": 50.0}
    assert summary["url_like_subset_pct"]["naive"] == pytest.approx(66.67)
    assert summary["bastion_miss_counts"] == {"plain": 1}
    assert summary["bastion_misses"]["plain"][0]["got"] == ["domain:99bet.co"]
    assert summary["bar_met"] is False


def test_real_peers_find_plain_urls() -> None:
    for name, find in peer_finders().items():
        assert peer_matches("host", "188bet.com", find("visit https://188bet.com/reg now")), name
        assert not peer_matches("host", "188bet.com", find("官网188bet。com注册")), name
