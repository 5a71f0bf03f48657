"""``anchored_finditer`` finds exactly what ``finditer`` finds, for every finder pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from bastion.extract import handles, phones
from bastion.extract._anchors import anchored_finditer, first_class
from tests.extract.test_precheck import texts

PATTERNS = [
    handles._WECHAT,
    handles._QQ,
    handles._TELEGRAM,
    handles._WHATSAPP,
    handles._LINE,
    handles._REVERSED,
    phones._MOBILE,
]


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=800, deadline=None)
@given(texts)
def test_anchored_equals_finditer(text: str) -> None:
    for pattern in PATTERNS:
        assert _spans(anchored_finditer(pattern)(text)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?<![a-z])[Ab]c|x{0,2}y", "[Abxy]"),
        ("(?P<cue>微|🐧)(?P<sep>[ :]{0,4})[0-9]", "[微🐧]"),
        ("a?b", "[ab]"),
    ],
)
def test_first_class(pattern: str, expected: str) -> None:
    got = first_class(pattern)
    assert got is not None
    chars = {chr(cp) for cp in range(0x20, 0x20000) if re.fullmatch(got, chr(cp))}
    assert chars == {chr(cp) for cp in range(0x20, 0x20000) if re.fullmatch(expected, chr(cp))}


@pytest.mark.parametrize("pattern", [".x", "[^a]b", "a*", "(?:a|)b?"])
def test_unanchorable_patterns_fall_back(pattern: str) -> None:
    assert first_class(pattern) is None
    compiled = re.compile(pattern)
    assert anchored_finditer(compiled) == compiled.finditer
