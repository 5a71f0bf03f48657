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


def test_gate_patterns_keep_their_meaning() -> None:
    """The gates put each pattern behind a look-ahead of its first class: same matches."""
    from bastion.extract._gates import _guarded

    samples = ["微 信 abc8899", "x.COM", "a.Com b", "QQ 12345", "bet888 dot com", "1 3 8"]
    for raw in [*handles.CUE_CLAUSES, "[a-z]\\.(?i:com)", "(?i:www)\\.x"]:
        for text in samples:
            plain = re.search(raw, text)
            guarded = re.search(_guarded(raw), text)
            assert (plain is None) == (guarded is None), (raw, text)


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.slow
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


@pytest.mark.parametrize("pattern", [".x", "[^a]b", "a*", "(?:a|)b?", "(?i:ab)", "(?i)ab"])
def test_unanchorable_patterns_fall_back(pattern: str) -> None:
    assert first_class(pattern) is None
    compiled = re.compile(pattern)
    assert anchored_finditer(compiled) == compiled.finditer
