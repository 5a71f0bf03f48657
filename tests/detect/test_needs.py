"""``needed_chars``: every match of every pattern holds one of the characters it names, on texts
without the excluded characters; so a text holding none of them cannot match."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.detect._needs import needed_chars

PATTERNS = [
    r"私信(?:我|咨询)|加微|一对一",
    r"(?i:dm\s+me|book\s+a)",  # (?i): K and ſ match k and s
    r"(?i:ks)",
    r"(?<![A-Za-z])[Ww][Ee][Ii]信",
    r"[^a]b{2}c?",
    r"x{0,2}y|z+",
    r"(?:律师|lawyer)[ ]{0,2}(?=[:：])",
    r"\b(?:cure[sd]?|heal)\b",
    r"[一二三][0-9]{2,}",
    r"(?:a|)[b-d]",
]
ALPHABET = [*"私信我咨询加微一对二三律师:： abcdksyxzKſWweimeobolawyrhu019\n", "\u212a"]
texts = st.lists(st.sampled_from(ALPHABET), max_size=16).map("".join)


def _ascii_alnum(code: int) -> bool:
    return code < 0x80 and chr(code).isalnum()


def _nothing(code: int) -> bool:
    return False


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATTERNS), texts, st.booleans())
def test_a_match_holds_a_needed_character(pattern: str, text: str, exclude_ascii: bool) -> None:
    excluded = _ascii_alnum if exclude_ascii else _nothing
    needed = needed_chars([pattern], excluded)
    if needed is None or any(excluded(ord(char)) for char in text):
        return
    if re.search(pattern, text):
        assert any(ord(char) in needed for char in text), (pattern, text)


def test_the_needs_are_narrow_where_they_can_be() -> None:
    # each branch takes its rarest character in real messages: 加 over 微, 对 over 一
    assert needed_chars(["加微|一对一"], _nothing) == frozenset({ord("加"), ord("对")})
    assert needed_chars([r"(?i:dm\s+me)"], _ascii_alnum) == frozenset()  # needs ASCII: dead
    kelvin = needed_chars([r"(?i:k)"], _ascii_alnum)
    assert kelvin is not None and 0x212A in kelvin
    assert needed_chars([r"a?"], _nothing) is None  # matches the empty text
    assert needed_chars([r"[^a]"], _nothing) is None  # any character but one
    assert needed_chars([r"(?=x)y"], _nothing) == frozenset({ord("y")})
