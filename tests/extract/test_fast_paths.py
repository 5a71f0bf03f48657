"""The speed-ups of the extract stage find exactly what the plain forms find.

Each fast form is checked against a plain reference written here: the host finder that skips to
the next dot, the pre-check's re-check of text without edge invisibles, the RE2 word classes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.extract import extract_entities, has_candidates
from bastion.extract._gates import GATE_MEMORY, Gate, to_re2
from bastion.extract.hosts import _HOST, _PATH, IDN, _bare_hosts
from bastion.extract.precheck import (
    _APART,
    _ASCII,
    _edge_deletions,
    _wide,
    _wide_hint,
    confirm_wide,
)
from bastion.normalize import hs_sets, unmask
from bastion.normalize.instructions import TRIGGER as INSTRUCTION_TRIGGER
from tests.extract.test_precheck import adversarial

_PLAIN_BARE_HOST = re.compile(
    f"(?<![A-Za-z0-9_{IDN}.\\\\])(?<![A-Za-z0-9_.~%:\\-]/)(?<![A-Za-z0-9{IDN}]-)({_HOST})"
    f"(?::([0-9]{{1,5}}))?([/?#]{_PATH}{{0,2048}})?"
)
"""The bare-host pattern as first written: look-behinds first, tried at every position."""

HOSTY = [
    *"ab.c1-_/\\:~%éж中 .\u3000",
    "www.",
    "bet.com",
    "x.y.z",
    "a/",
    "1.2.3.4",
    ":80",
    "/p?q#f",
    "a" * 63,
    "b" * 64,
    ".net",
]
hosty = st.lists(st.sampled_from(HOSTY), max_size=30).map("".join)
EDGES = ["\ufeff", "\u200b", "\u200d", "\u2060", "\ufe0f", "\u0336", "\U000e0041"]
edges = st.lists(st.sampled_from(EDGES), max_size=3).map("".join)
BODY = [*"abc01 .:/@", "bet888", "com", "\u200b", "\ufeff", "．", "ｃｏｍ", "微信", "中文", " dot "]
body = st.lists(st.sampled_from(BODY), max_size=20).map("".join)


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(hosty, st.text(max_size=60)))
def test_bare_hosts_match_the_plain_pattern(text: str) -> None:
    assert _spans(_bare_hosts(text)) == _spans(_PLAIN_BARE_HOST.finditer(text))


def test_bare_hosts_skip_to_the_dot_but_not_past_a_label() -> None:
    for text in ("a" * 63 + ".com", "x " * 200 + "b" * 63 + ".net", "b" * 64 + ".com"):
        assert _spans(_bare_hosts(text)) == _spans(_PLAIN_BARE_HOST.finditer(text))
    assert [m[1] for m in _bare_hosts("visit " + "a" * 63 + ".com")] == ["a" * 63 + ".com"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edges, body, edges)
def test_edge_invisibles_never_hide_an_entity(head: str, text: str, tail: str) -> None:
    full = head + text + tail
    if not has_candidates(full):
        assert extract_entities(unmask(full)) == []


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edges, body, edges)
def test_edge_check_agrees_with_stripping(head: str, text: str, tail: str) -> None:
    """``confirm_wide`` looks at the edges before stripping: the answer is the plain form's."""
    full = head + text + tail + "中"
    core = full.strip(_edge_deletions())
    plain = len(core) == len(full) or "\u202e" in full or has_candidates(core)
    assert confirm_wide(full) == plain
    full = "中" + full
    core = full.strip(_edge_deletions())
    plain = len(core) == len(full) or "\u202e" in full or has_candidates(core)
    assert confirm_wide(full) == plain


def test_a_trailing_bom_alone_is_no_candidate() -> None:
    assert not has_candidates("Great song, love it :)\ufeff")
    assert not has_candidates("\ufeff\u200b今天天气不错\u200d")
    assert has_candidates("visit bet888.com\ufeff")
    assert has_candidates("bet888\u200b.com")
    assert extract_entities(unmask("visit bet888.com\ufeff"))[0].value == "bet888.com"


def test_re2_word_gaps_leave_out_cjk() -> None:
    converted = to_re2(r"(?:[^\w\r\n]|_)")
    assert "\\x{4E00}-\\x{9FFF}" in converted
    assert not has_candidates("感谢你们x年的陪伴，x月x日到x号")
    assert has_candidates("加我 b🎲e🎲t🎲8🎲8🎲8 呀")


def test_re2_spaces_inside_a_class_stay_inside_it() -> None:
    """``[^\\sA-Z]`` once became a class nested in a class, which RE2 reads as another pattern:
    the pre-check then missed ``q678~8334`` (a QQ id after a glued ``q``)."""
    assert to_re2(r"a[^\sA-Z]b") == r"a[^\s\p{Z}\x0b\x1c-\x1f\x85A-Z]b"
    assert to_re2(r"a\sb") == r"a[\s\p{Z}\x0b\x1c-\x1f\x85]b"
    assert to_re2(r"[]\s]") == r"[]\s\p{Z}\x0b\x1c-\x1f\x85]"
    assert has_candidates("z\x1bq678~8334")
    assert has_candidates("C*Ca.\x0bcn")


def _without_hints(text: str) -> str:
    hint = _wide_hint()
    return "".join(char for char in text if hint(char) is None)


def _hinted_clauses() -> re.Pattern[str]:
    """Every non-ASCII clause but the reader-instruction keywords (``星号``, ``后缀``, ``*=``):
    those alone name no host, and the text they act on holds letters (see the next test)."""
    patterns = [p if isinstance(p, str) else p.pattern for p in _wide().patterns]
    return re.compile("|".join(f"(?:{p})" for p in patterns if p != INSTRUCTION_TRIGGER))


@pytest.mark.slow
@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(adversarial, st.text(max_size=80)))
def test_no_wide_clause_matches_without_a_hint_character(text: str) -> None:
    stripped = _without_hints(text) + "中"
    assert _hinted_clauses().search(stripped) is None, stripped
    assert not has_candidates(stripped)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            ["星号", "后缀是", "前面加", "前半段", "*=", "＊是", "去掉", "倒过来", "。"]
        ),
        max_size=6,
    ).map("".join),
    st.one_of(adversarial, st.text(max_size=60)),
)
def test_a_text_without_hint_characters_holds_no_entity(keys: str, text: str) -> None:
    """The hint search may skip a text that holds only instruction keywords: without a letter,
    digit or folded character nothing in it can become a host or a handle."""
    stripped = _without_hints(keys + text)
    assert extract_entities(unmask(stripped, weak=True), prose_like=True) == [], stripped


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adversarial)
def test_wide_hint_passes_every_clause_match(text: str) -> None:
    text += "中"
    if _wide().exact.search(text):
        assert _wide_hint()(text) is not None


_APART_CASES = [
    "moc.888teb read it backwards",
    "moc.888teb 倒过来读",
    "官网 moc。888teb 反过来看",
    "weixin: lucky8899",
    "加微信 abc_123456",
    "vx：abc12345 (微信)",
    "one two three dot com",
    "nine eight bet dot net please",
    "第一段 bet 第二段 888 后缀 com",
    "plain words, nothing here.",
    "今天天气很好。",
    "",
]


@cache
def _one_set(ascii_only: bool) -> Callable[[bytes], list[int]]:
    """One RE2 set of all the clauses: the reference for the sets apart, and for Hyperscan."""
    gate = _ASCII if ascii_only else _wide()
    return hs_sets.re2_set([to_re2(p) for p in gate.sources], GATE_MEMORY)


@cache
def _text_matcher(
    ascii_only: bool, weak: tuple[int, ...] | None = None
) -> Callable[[str], list[int]]:
    """``text_matcher`` built once per gate (building one reads every pattern's needed
    characters: most of a second, which the scanner pays once at load)."""
    gate = _ASCII if ascii_only else _wide()
    return gate.text_matcher() if weak is None else gate.text_matcher(weak=list(weak))


def _apart_agrees(text: str) -> None:
    gate = _ASCII if text.isascii() else _wide()
    whole = _one_set(text.isascii())(text.encode("utf-8", "surrogatepass"))
    assert sorted(_text_matcher(text.isascii())(text)) == sorted(whole)
    assert sorted(gate.matcher()(text.encode("utf-8", "surrogatepass"))) == sorted(whole)


@pytest.mark.parametrize("text", _APART_CASES)
def test_sets_apart_find_what_one_set_finds(text: str) -> None:
    """The pre-check's clauses split over several sets (some asked only when a text holds a
    character they need) report the very clauses one set of them all reports."""
    _apart_agrees(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adversarial)
def test_sets_apart_agree_with_one_set_on_generated_text(text: str) -> None:
    _apart_agrees(text)


def test_precheck_sets_its_state_multipliers_apart() -> None:
    """The clauses of ``precheck._APART`` run in RE2 sets of their own, in both gates (one
    Hyperscan database holds them all: it builds no states per text)."""
    for gate in (_ASCII, _wide()):
        on_hyperscan = hs_sets.on_hyperscan([to_re2(pattern) for pattern in gate.sources])
        sets = 1 if on_hyperscan else 1 + len(_APART)
        assert len(gate.groups) == sets
        assert sorted(i for group in gate.groups for i in group) == list(range(len(gate.sources)))


def _decisive_agrees(text: str, gate: Gate, weak: list[int]) -> None:
    ascii_only = gate is _ASCII
    whole = _text_matcher(ascii_only)(text)
    found = _text_matcher(ascii_only, tuple(weak))(text)
    assert set(found) <= set(whole)
    assert bool(set(found) - set(weak)) == bool(set(whole) - set(weak))
    assert (not found) == (not whole)


@pytest.mark.parametrize("text", [*_APART_CASES, "<b>hi</b>", "a<br />b &#39;c", "你好<br>"])
def test_stopping_after_the_main_set_keeps_the_answer(text: str) -> None:
    """``text_matcher(weak=...)`` (``has_candidates``' match) may leave out the sets apart once
    the main set found a clause outside ``weak``: whether such a clause occurs, and whether any
    does, stay as the full match says."""
    for gate, weak in ((_ASCII, [len(_ASCII.sources) - 1]), (_wide(), [len(_wide().sources) - 1])):
        _decisive_agrees(text, gate, weak)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adversarial)
def test_stopping_after_the_main_set_agrees_on_generated_text(text: str) -> None:
    gate = _ASCII if text.isascii() else _wide()
    _decisive_agrees(text, gate, [len(gate.sources) - 1])
