"""The character pass finds runs with one bitmap class and splits them in Python; it must give
exactly the groups of the plain two-class regex it replaced (astral classes made that one slow)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.normalize import rules, unmask
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import tables
from bastion.normalize.unmask import _compiled


def _plain_pass(work: Work) -> None:
    t = tables()
    pattern = re.compile(rf"(?P<same>[{t.same_class}]+)|(?P<other>[{t.other_class}])")
    groups: list[Group] = []
    for m in pattern.finditer(work.text):
        start, end = m.span()
        if m.lastgroup == "same":
            groups.append(("nfkc", start, end, [(start, end, m[0].translate(t.same))]))
        else:
            groups.append((t.other_names[m[0]], start, end, [(start, end, t.other[ord(m[0])])]))
    work.apply(groups)


def _state(work: Work) -> tuple[object, ...]:
    steps = [(s.name, s.original_span, s.before, s.after) for s in work.steps]
    return work.text, work.tricks, work.starts, work.ends, steps


def _fast(text: str) -> tuple[object, ...]:
    work = Work(text, True)
    rules.char_pass(work, tables(), _compiled().chars)
    return _state(work)


def _plain(text: str) -> tuple[object, ...]:
    work = Work(text, True)
    _plain_pass(work)
    return _state(work)


PIECES = [
    *"ab 1.中",
    "ｂｅｔ",
    "８８８",
    "．",
    "\u200b",
    "\ufeff",
    "\u0336",
    "\ufe0f",
    "①",
    "❶",
    "ⓑ",
    "𝐛𝐞𝐭",
    "𝟖",
    "\U000e0041",
    "😀",
    "🎲",
    "\U0001f170",
    "ﬁ",
    "㎏",
]
pieces = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(pieces, st.text(max_size=40)))
def test_char_pass_matches_the_plain_regex(text: str) -> None:
    assert _fast(text) == _plain(text)


def test_astral_runs_split_around_emoji() -> None:
    assert unmask("𝐛𝐞𝐭😀𝟖𝟖𝟖").text == "bet😀888"
    assert unmask("ｂｅｔ\u200b８８８").text == "bet888"
