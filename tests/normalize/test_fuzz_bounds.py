"""Work on the fuzz run's slowest inputs grows linearly (counted in steps, never seconds).

Each unit below repeats what one class of the million-input fuzz run's slow findings repeated
(``bench/results/fuzz_findings/``): the same instruction many times over many tokens (each
instruction rescanned every token: quadratic), spaced letters (prefix sums recomputed per gap),
and texts over the gate's 4,096 characters (every pass called). Each unit is read 450 and
3,600 characters long, under the gate's limit even as the guessed reading adds dots, so both
sizes take the same path.
"""

from __future__ import annotations

import pytest

from bastion.normalize import gate_windows, unmask, warm
from bastion.normalize.unmask import _ASCII_GATE
from tests.support.work import assert_linear

UNITS = [
    "(remove #)",  # named filler, no token holds it
    "a#b.com(remove #) ",  # named filler, every window holds tokens with it
    "x*y.com *=1a ",  # starred tokens times the instructions naming their fill
    "x*y *=1a ",  # starred tokens without a dot name no host
    "xcom add a dot before com ",  # names before an insert-dot instruction
    "xcom 在com前加. ",
    "winvip (add the dot yourself) ",
    "x=com = is a dot ",  # a symbol read as the dot
    "xQyQz.net without the Q ",  # a filler dropped
    "b e t ",  # spaced letters, one gap
]


@pytest.mark.parametrize("unit", UNITS)
def test_repeated_instructions_cost_linear_work(unit: str) -> None:
    """8x the text costs at most 12x the steps; a rescan per instruction would be 64x."""
    assert_linear(lambda text: unmask(text, weak=True), unit, 450)


def test_long_text_gate_reads_windows() -> None:
    """A text over the gate's limit calls the passes a short text of the same words calls
    (a window for a narrow trigger, the whole text for a wide one), and a trigger straddling two
    windows is found."""
    warm()
    prose = "hello there, see you at noon " * 300
    assert len(prose) > 4096
    plain = _ASCII_GATE.read(prose)
    assert plain == _ASCII_GATE.read(prose[:4000])  # as a short text of the same words reads
    cut = gate_windows.windows(prose + "x", 4096).__next__()
    start = len(cut) - gate_windows.OVERLAP // 2  # inside the first overlap
    dotted = prose[:start] + " bet888 dot com " + prose[start:]
    assert _ASCII_GATE.read(dotted) & ~plain
    assert unmask(dotted).text.count("bet888.com") == 1


def test_windows_cover_every_span_with_its_neighbours() -> None:
    """Each span up to ``OVERLAP - 2`` characters lies, with a character on each side, inside
    one window: a pattern that narrow reads in some window as in the whole text."""
    text = "".join(chr(0x4E00 + i) for i in range(9_000))
    starts = []
    for window in gate_windows.windows(text, 4096):
        starts.append(text.index(window))
        assert len(window) <= 4096
    ends = [s + 4096 for s in starts]
    assert ends[-1] >= len(text)
    width = gate_windows.OVERLAP - 2
    for a in range(1, len(text) - width - 1, 97):
        assert any(s <= a - 1 and a + width + 1 <= e for s, e in zip(starts, ends, strict=True))


@pytest.mark.parametrize(
    ("pattern", "width"),
    [
        (r"a[\s\p{Z}]{1,2}b", 4),
        (r"\x{1F600}x?", 2),
        (r"[[:alpha:]]{3}|\bq", 3),
        (r"a+", None),
        (r"[^\n]*", None),
    ],
)
def test_max_width_reads_re2_syntax(pattern: str, width: int | None) -> None:
    assert gate_windows.max_width(pattern) == width


def test_masked_host_runs_are_possessive() -> None:
    """Fuzz run fuzz9's slowest input (2.3 s for 169 characters: 25 stars between words, no TLD
    after) tried every split of the stars into the masked-host pattern's groups of one to
    three. Step counts do not see inside ``re``, so the shape is checked: the runs of masks and
    of letters inside the repeated group are possessive (they are apart, so no other split can
    succeed)."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse

    from bastion.normalize.edit_hints import _MASKED_RE

    group = next(arg for op, arg in sre_parse.parse(_MASKED_RE.pattern) if op == sre.MAX_REPEAT)
    body = list(group[2])  # the repeated group's items (a non-capturing group is inlined)
    assert [op for op, _ in body] == [sre.POSSESSIVE_REPEAT, sre.POSSESSIVE_REPEAT]
    stars = "take the first letter of every line" + "*" * 25 + "vx**take the first letter"
    assert _MASKED_RE.search(stars) is None
    assert _MASKED_RE.search("vwi**hethao.com")[0] == "i**hethao.com"  # type: ignore[index]
    text = stars + " h▢c▢inyxuaa.xyz"
    start = text.index("h▢")
    assert ("withheld", start, start + 15) in unmask(text).tricks  # still withheld
