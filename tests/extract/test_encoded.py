"""URLs written in base64 or hex: decoded like iocextract does, flagged ``encoded``."""

from __future__ import annotations

import base64

import pytest

from bastion import Item
from bastion.extract import find_entities, has_candidates
from bastion.extract.encoded import MAX_DECODED
from tests.extract.conftest import default_scanner, found
from tests.support.work import assert_linear


def _b64(url: str, *, urlsafe: bool = False, pad: bool = True) -> str:
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    token = encode(url.encode()).decode()
    return token if pad else token.rstrip("=")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (f"详情{_b64('http://reckersdrees.de/path')}", "http://reckersdrees.de/path"),
        (f"【直播】同城约炮｜{_b64('http://onlyincest.com/p')}", "http://onlyincest.com/p"),
        (f"copy {_b64('https://bet888.com/x?a=1', pad=False)} to a decoder", None),
        (f"see {_b64('https://bet888.com/?q=~~~>', urlsafe=True)}", "https://bet888.com/?q=~~~"),
        (b"http://i-sds.com/path".hex() + " club", "http://i-sds.com/path"),
        ("HEX " + b"https://bet888.com/".hex().upper(), "https://bet888.com/"),
    ],
)
def test_encoded_urls_are_decoded(text: str, url: str | None) -> None:
    assert has_candidates(text)
    [entity] = find_entities(text)
    assert entity.kind == "url" and {"encoded", "instruction"} & set(entity.flags)  # HEX: a hint
    assert entity.value == (url or "https://bet888.com/x?a=1")
    assert text[entity.span[0] : entity.span[1]] == entity.raw


@pytest.mark.parametrize(
    "text",
    [
        _b64("ftp://bet888.com/"),  # not http
        "aHR0cGJsYWJsYQ==",  # "httpblabla": no URL
        "xaHR0cDovL3JlY2tlcnNkcmVlcy5kZS9wYXRo",  # glued to a letter: part of a longer token
        "687474703a2f2f" + "zz" * 10,  # the hex stops at once
        "aHR0cDovL//////////8=",  # decodes to bytes that are no text
    ],
)
def test_what_is_no_encoded_url(text: str) -> None:
    assert [e for e in find_entities(text) if "encoded" in e.flags] == []


def test_a_bare_host_the_hex_letters_spell_is_dropped() -> None:
    text = b"http://i-sds.com/path".hex() + " club"
    assert [(kind, value) for kind, value, _, _ in found(text)] == [
        ("url", "http://i-sds.com/path")
    ]


def test_policy_sends_an_unlisted_encoded_link_to_review() -> None:
    result = default_scanner().scan(Item(id="e", text=f"加我 {_b64('http://unlisted.example/')}"))
    assert result.verdict == "review"
    assert [v.rule for v in result.violations] == ["link.encoded"]


def test_long_tokens_are_cut_and_linear() -> None:
    long_url = "http://bet888.com/" + "a" * 10_000
    [entity] = find_entities(_b64(long_url))
    assert entity.host == "bet888.com" and len(entity.value) <= MAX_DECODED
    assert_linear(find_entities, "aHR0cDovL2JldDg4OC5jb20v", 4_000)
