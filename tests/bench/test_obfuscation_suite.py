"""The suite builder on a tiny real subset: complete, deterministic, and true to its labels."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import phonenumbers
import pytest

from bastion.suffixes import registrable_domain
from bench import common, tricks
from bench.obfuscation_suite import (
    HOST_SOURCES,
    Case,
    build_suite,
    deeplink_forms,
    email_forms,
    handle_makers,
    phone_makers,
    suite_host_ok,
    tricks_of,
)


@pytest.fixture(scope="module")
def suite(shared_data: Path) -> list[Case]:
    return build_suite(shared_data, domains=4, handles=3, ips=3)


def test_suite_has_every_trick(suite: list[Case]) -> None:
    import random

    expected = set(tricks.HOST_TRICKS) | set(handle_makers()) | set(phone_makers())
    expected |= set(email_forms("a", "b.com")) | set(deeplink_forms(random.Random(0)))
    expected |= {"ip:dotted", "ip:url", "ip:decimal", "ip:octal", "ip:hex", "ip:hex_int"}
    assert set(tricks_of(suite)) == expected
    assert len({c.id for c in suite}) == len(suite)


def test_suite_is_deterministic(shared_data: Path, suite: list[Case]) -> None:
    assert build_suite(shared_data, domains=4, handles=3, ips=3) == suite
    assert build_suite(shared_data, domains=4, handles=3, ips=3, seed=2) != suite


def test_host_cases_use_listed_registrable_domains(shared_data: Path, suite: list[Case]) -> None:
    listed = {
        h
        for paths in HOST_SOURCES.values()
        for p in paths
        for h in common.read_hosts(shared_data / p)
    }
    hosts = [c for c in suite if c.kind == "host"]
    assert len({c.value for c in hosts}) == 4 * len(HOST_SOURCES)
    for case in hosts:
        assert case.value in listed and registrable_domain(case.value) == case.value
        assert case.token in case.text


def test_handle_values_match_their_tokens(suite: list[Case]) -> None:
    for case in suite:
        if case.kind == "qq" and case.trick in ("qq:digits", "qq:group"):
            assert case.value in case.token and re.fullmatch(r"[1-9]\d{5,9}", case.value)
        elif case.kind in ("wechat", "telegram", "line"):
            assert case.value in case.token.lower()
        elif case.kind in ("phone", "whatsapp"):
            number = phonenumbers.parse("+" + case.value)
            assert phonenumbers.is_valid_number(number), case
        elif case.kind == "deeplink":
            assert case.token.startswith(case.value + "://")


def test_ip_forms_decode_to_the_listed_address(suite: list[Case]) -> None:
    for case in (c for c in suite if c.kind == "ip"):
        host = case.token.removeprefix("http://").split("/")[0]
        if case.trick in ("ip:decimal", "ip:hex_int"):
            decoded = str(ipaddress.IPv4Address(int(host, 0)))
        else:
            base = 8 if case.trick == "ip:octal" else 16 if case.trick == "ip:hex" else 10
            decoded = ".".join(str(int(p, base)) for p in host.split("."))
        assert decoded == case.value, case


def test_suite_host_filter() -> None:
    assert suite_host_ok("188bet.com")
    assert not suite_host_ok("www.188bet.com")
    assert not suite_host_ok("888.com")
    assert not suite_host_ok("xn--fiqs8s.com")
    assert not suite_host_ok("a-very-long-domain-name-here.com")


def test_read_ips_keeps_only_dotted_quads(tmp_path: Path) -> None:
    path = tmp_path / "ips.txt"
    path.write_text("1.2.3.4\n10.0.0.0/8\n300.1.1.1\n01.2.3.4\n# c\n8.8.8.8\n", encoding="utf-8")
    assert list(common.read_ips(path)) == ["1.2.3.4", "8.8.8.8"]
