"""Properties: idempotence, only CanonError escapes, ASCII output, bounded time on hostile input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.canon import (
    CanonError,
    canonicalize_host,
    canonicalize_url,
    host_of,
    lookup_expressions,
    parse_ip_host,
)
from tests.support.work import count_steps, steps_of

TOKENS = [
    "http://", "https://", "HTTP:", "ftp://", "mailto:", "//", "/", "\\", ".", "..", "/./",
    "/../", ":", ":80", ":443", ":8080", "@", "user:pw@", "[", "]", "[::1]", "?", "#", "&", "=",
    "%", "%2", "%25", "%2e", "%2E", "%32", "%35", "%41", "%23", "%3F", "%2F", "%40", "%5B",
    "%00", "%80", "%C3%BC", "%ff", "a", "B", "www", "com", "xn--", "-", "0", "1", "0x", "0xff",
    "255", "256", "4294967295", "0300", "ü", "例子", "。", "．", "❤", "\u200d", " ", "\t",
    "\n", "\x01", "\x7f", "\x80", "\udc80", "\u3000", "ß", "İ",
]  # fmt: skip

url_like = st.lists(st.sampled_from(TOKENS), max_size=24).map("".join)
any_text = st.text(max_size=60)


def _check_url(url: str) -> None:
    try:
        canonical = canonicalize_url(url)
    except CanonError as error:
        assert str(error)
        return
    assert canonical.isascii()
    assert all(0x21 <= ord(c) <= 0x7E for c in canonical), canonical
    assert canonicalize_url(canonical) == canonical
    assert "://" in canonical
    host = host_of(canonical)
    assert host
    expressions = lookup_expressions(canonical)
    assert 1 <= len(expressions) <= 30
    assert len(set(expressions)) == len(expressions)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(url_like)
def test_url_tokens_idempotent(url: str) -> None:
    _check_url(url)


@settings(max_examples=500)
@given(st.one_of(any_text, st.builds("{}{}".format, st.sampled_from(["http://", ""]), any_text)))
def test_arbitrary_text_idempotent(url: str) -> None:
    _check_url(url)


@settings(max_examples=800)
@given(st.one_of(url_like, any_text))
def test_host_idempotent(host: str) -> None:
    try:
        canonical = canonicalize_host(host)
    except CanonError:
        return
    assert canonical
    assert all(0x21 <= ord(c) <= 0x7E for c in canonical)
    assert canonicalize_host(canonical) == canonical


@settings(max_examples=500)
@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=1), st.sampled_from("dox"))
def test_ipv4_spellings_round_trip(numbers: list[int], style: str) -> None:
    number = numbers[0]
    dotted = ".".join(str((number >> shift) & 0xFF) for shift in (24, 16, 8, 0))
    spelled = {"d": str(number), "o": f"0{number:o}", "x": f"0x{number:X}"}[style]
    assert parse_ip_host(spelled) == dotted
    assert canonicalize_url(f"http://{spelled}/") == f"http://{dotted}/"


HOSTILE = [
    "%25" * 33_000,
    "http://h/" + "%25" * 33_000,
    "http://h/%" + "25" * 49_000,
    "http://h" + "/.." * 33_000,
    "http://h" + "/./" * 33_000,
    "http://" + "a." * 50_000,
    "http://" + "." * 100_000,
    "http://" + "1" * 100_000 + "/",
    "http://" + "0x" + "f" * 100_000 + "/",
    "http://" + "ü" * 100_000 + "/",
    "http://" + "[" + ":" * 100_000 + "]/",
    "http://" + "@" * 100_000,
    "http://h.com:" + "1" * 100_000,
    "http://h/" + "//" * 50_000,
    "http://h/?" + "%%32%35" * 14_000,
    "a:" * 50_000,
    "\t" * 100_000,
]


@pytest.mark.parametrize("url", HOSTILE, ids=range(len(HOSTILE)))
def test_bounded_work_on_hostile_input(url: str) -> None:
    """Linear work: at most 120 steps a character (IDNA on non-ASCII hosts costs 113), counted
    on a 20,000-character prefix; the whole URL is checked uncounted."""
    _check_url(url)
    prefix = url[:20_000]
    steps_of(lambda: _check_url(prefix), budget=120 * len(prefix) + 1000)


def test_nested_escape_is_linear() -> None:
    """``%2525...25`` needs one decode pass per ``25``; the stack decoder does it in one."""
    url = "http://h/%" + "25" * 49_000
    canonical, steps = count_steps(lambda: canonicalize_url(url))
    assert canonical == "http://h/%25"
    assert steps <= 10 * len(url)  # one pass; a pass per "25" would be ~49,000 x len(url)
