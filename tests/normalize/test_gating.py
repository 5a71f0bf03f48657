"""The pass registry's triggers only skip work: a pass whose trigger is absent changes nothing.

Each trigger is an RE2 superset written by hand beside its pass's ``re`` pattern; these property
tests hold every trigger to its pass on adversarial fragments, and the whole unmasker to the same
unmasker with every trigger forced on.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable

import pytest
import re2
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bastion.normalize import hs_sets, rules, unmask
from bastion.normalize.result import Work

unmask_module = importlib.import_module("bastion.normalize.unmask")
PASSES = unmask_module.PASSES
PASSES_OF = {name: getattr(unmask_module, name) for name in ("_ASCII_STEPS", "_WIDE_STEPS")}

FRAGMENTS = [
    *"abcdeiklmnostuvwxyzABCKST0123456789",
    *"0123456789",
    "İ",
    "ı",
    "ſ",
    "\u212a",
    " ",
    "  ",
    "\t",
    "\n",
    "\u3000",
    "\xa0",
    "\x0b",
    "\x85",
    ".",
    "..",
    ". ",
    " .",
    " . ",
    "。",
    "．",
    "｡",
    "、",
    "·",
    "点",
    "點",
    "丶",
    "・",
    "﹒",
    "❤",
    "⭐",
    "💋",
    "dot",
    "Dot",
    " dot ",
    " DoT ",
    "d0t",
    "[.]",
    "(.)",
    "{.}",
    "[dot]",
    "(dot)",
    "【点】",
    "（.）",
    "@",
    " @ ",
    "[at]",
    "(@)",
    " at ",
    " AT ",
    "#",
    "艾特",
    "com",
    "net",
    "so",
    "co",
    "uk",
    "c0m",
    "C0M",
    "n3t",
    "corn",
    "〇",
    "◯",
    "!",
    "|",
    "$",
    "+",
    "-",
    "_",
    "/",
    "www",
    "bet888",
    "gmail",
]
adversarial = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
texts = st.one_of(adversarial, st.text(max_size=60))


def _triggered() -> list[tuple[str, object, object]]:
    return [(p.name, p.run, re2.compile(p.trigger)) for p in PASSES if p.trigger]


TRIGGERED = _triggered()


TRIGGERED_EXAMPLES = [
    "x y z w va.com",
    "a b c d e f.com",
    "https:// b e t 8 8",
    "w w w . b e t 8 8 8 . c o m",
    "p_a_f.com",
    "bob [at] gmail.com",
    "bob#gmail.com",
    "bet888 dot com",
    "bet888 . com",
    "bet888。c0m",
    "bet888.corn",
    # the instruction pass, one per scan
    "bet seven seven dot com (no spaces)",
    "bet888 , domain ending com",
    "后缀是com，前面是bet888",
    "first part bet , second part 888.com",
    "bet888=com = is a dot",
    "bQeQt888.com without the Qs",
    "moc.888teb read from right to left",
    "bet888com - add . before com",
    "b*t888.com (* = e)",
]
"""Texts each pass changes, one per branch of its trigger (random text rarely finds them)."""


@pytest.mark.parametrize("text", TRIGGERED_EXAMPLES)
def test_the_examples_are_changed_and_triggered(text: str) -> None:
    changed = []
    for name, run, trigger in TRIGGERED:
        work = Work(text, False, True)
        run(work)  # type: ignore[operator]
        if work.tricks:
            changed.append(name)
            assert trigger.search(text) is not None, (name, text)  # type: ignore[attr-defined]
    assert changed, text


@pytest.mark.slow
@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.booleans())
@example("0°A(A", False)  # the ASCII-art pass read ``A(A`` as ``AcA`` where its gate said no
def test_a_pass_changes_nothing_where_its_trigger_is_absent(text: str, weak: bool) -> None:
    for name, run, trigger in TRIGGERED:
        if trigger.search(text) is None:  # type: ignore[attr-defined]
            work = Work(text, False, weak)
            run(work)  # type: ignore[operator]
            assert work.text == text and not work.tricks, (name, text)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_triggers_skip_only_passes_that_would_do_nothing(text: str) -> None:
    gated = unmask(text, weak=True)
    with pytest.MonkeyPatch.context() as patch:
        for name in ("_ASCII_STEPS", "_WIDE_STEPS"):
            untriggered = [(run, when, 0, regate) for run, when, _, regate in PASSES_OF[name]]
            patch.setattr(unmask_module, name, tuple(untriggered))
        reference = unmask(text, weak=True)
    assert (gated.text, gated.tricks) == (reference.text, reference.tricks)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("bob [at] gmail dot com", "bob@gmail.com"),
        ("官网 bet888。c0m 注册", "官网 bet888.com 注册"),
        ("bet888[.]c0m", "bet888.com"),
        ("visit bet888 dot com now", "visit bet888.com now"),
    ],
)
def test_a_trigger_is_read_on_the_text_its_pass_is_given(text: str, folded: str) -> None:
    """``[at]`` before a spelled host, a leet TLD after a bracketed dot: the trigger only
    occurs once an earlier pass has folded the text."""
    assert unmask(text, weak=True).text == folded


def test_every_pass_has_a_name_and_a_family() -> None:
    names = [p.name for p in PASSES]
    assert len(set(names)) == len(names)
    assert all(p.when for p in PASSES)


_PLAIN_CHAIN = re.compile(
    r"(?<![A-Za-z0-9-])[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,62}){0,8}"
    rf"(?:{rules._SPELLED_DOT})[A-Za-z0-9][A-Za-z0-9-]{{0,62}}"
    rf"(?:{rules._CHAIN_SEP}[A-Za-z0-9][A-Za-z0-9-]{{0,62}}){{0,8}}(?![A-Za-z0-9-])",
    re.I,
)
"""The spelled-dot chain as first written: look-behind first, labels that backtrack."""


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_chain_pattern_matches_as_first_written(text: str) -> None:
    spans = [m.span() for m in rules._CHAIN_RE.finditer(text)]
    assert spans == [m.span() for m in _PLAIN_CHAIN.finditer(text)]


GUESSY = [*FRAGMENTS, "_", "__", ",", "，", "、", "dian", "后缀是", " point ", "world", "\n"]
guessy = st.lists(st.sampled_from(GUESSY), max_size=30).map("".join)


def _reading(unmasked: object) -> tuple[object, ...] | None:
    if unmasked is None:
        return None
    return tuple(getattr(unmasked, name) for name in ("text", "tricks", "starts", "ends"))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(guessy, st.text(max_size=60)))
def test_the_guessed_reading_takes_over_where_it_starts_to_differ(text: str) -> None:
    """The guessed reading resumes the main reading's work at the first pass that reads
    ``work.guess``: the same reading as running every pass again."""
    resumed = unmask(text, weak=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unmask_module, "_ASCII_RESUME", 0)
        patch.setattr(unmask_module, "_WIDE_RESUME", 0)
        again = unmask(text, weak=True)
    assert _reading(resumed) == _reading(again)
    assert _reading(resumed.alternate) == _reading(again.alternate)


def test_no_pass_before_the_guessed_reading_takes_over_reads_the_guess() -> None:
    """A pass that reads ``work.guess`` (or ``work.weak``, which the guess sets) must say so
    (``guessing=True``): the guessed reading takes over the main reading's result for it."""
    first = next(k for k, p in enumerate(PASSES) if p.guessing)
    for step in PASSES[:first]:
        body = inspect.getsource(step.run)
        assert ".guess" not in body and ".weak" not in body, step.name
    assert [p.name for p in PASSES if p.guessing] == [
        "instruction",
        "split",
        "broken_host",
        "spelled_dot",
    ]


APART_EXAMPLES = [
    "weixin: lucky8899",
    "加微信 abc_123456 好友",
    "one two three dot com",
    "bet888[.]com",
    "b e t 8 8 8 . c o m",
    "bob [at] gmail dot com",
    "Ｂｅｔ８８８。ｃｏｍ",
    "plain words, nothing here.",
]


def _one_set(gate: object) -> Callable[[str], int]:
    """One RE2 set of the gate's patterns: the reference for sets apart, and for Hyperscan."""
    gates = list(gate.gates)  # type: ignore[attr-defined]
    match = hs_sets.re2_set([pattern for pattern, _ in gates], unmask_module.GATE_MEMORY)

    def read(text: str) -> int:
        bits = 0
        for index in match(text.encode("utf-8", "surrogatepass")):
            bits |= gates[index][1]
        return bits

    return read


ONE_SET = {
    True: _one_set(unmask_module._ASCII_GATE),
    False: _one_set(unmask_module._compiled().gate),
}


def _apart_agrees(text: str) -> None:
    gate = unmask_module._ASCII_GATE if text.isascii() else unmask_module._compiled().gate
    assert gate.read(text) == ONE_SET[text.isascii()](text)


@pytest.mark.parametrize("text", APART_EXAMPLES)
def test_gate_sets_apart_read_what_one_set_reads(text: str) -> None:
    """The gate's patterns split over several RE2 sets call for the very passes one set does."""
    _apart_agrees(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_gate_sets_apart_agree_on_generated_text(text: str) -> None:
    _apart_agrees(text)


def test_gate_sets_apart_exist() -> None:
    for gate in (unmask_module._ASCII_GATE, unmask_module._compiled().gate):
        union = [pattern for pattern, _ in gate.gates]
        sets = 1 if hs_sets.on_hyperscan(union) else 1 + len(unmask_module._APART)
        assert len(gate._sets) == sets
