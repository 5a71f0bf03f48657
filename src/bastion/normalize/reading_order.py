"""Layouts that tell the reader in which order to take the characters of a host or an id.

A spammer breaks the value so no finder sees it whole and lets the layout say how to read it:
pieces numbered out of order (``② 888  ① bet  ③ .com``, ``#2 c  #1 lu`` with ``put the pieces
in order``), one character a line in a staircase (``b⏎  e⏎    t⏎      .⏎        c…``), every
character typed twice (``bbeett..ccoomm`` with ``每个字符都打了两遍``) and, as a second reading,
the last character of each line (``what a club⏎what a time⏎…`` with ``read the last character
of each line``). Each reader here rewrites only where the message says how to read (a hint) or
where the shape is one no prose takes (a staircase of single characters); the value it writes
carries the trick ``layout``. Work is linear in the text: one regex scan per reader, lines and
pieces capped (``MAX_PIECES``, ``MAX_STEPS``, ``MAX_LINE``).

Every other character after a hint is ``bastion.normalize.edit_hints``' (it also reads a
filler ideograph after every character); inserted letters are there too.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from bastion.normalize.result import Group, Work

LAYOUT: Final = "layout"
MAX_PIECES: Final = 9
"""Numbered pieces of one value at most (the labels run ① to ⑨)."""
MAX_PIECE: Final = 40
"""Characters of one piece at most: a piece is a part of one host or id."""
MAX_STEPS: Final = 80
"""Lines of one staircase at most (a host is at most 253 characters; a staircase that long is
none a reader would climb)."""
MAX_LINE: Final = 60
"""Characters of a line whose last one a telestich takes, at most."""

# --- numbered pieces --------------------------------------------------------------------------

_ZH_DIGITS: Final = dict(zip("一二三四五六七八九", "123456789", strict=True))
_N: Final = "[1-9一二三四五六七八九]"
_LABEL_RE: Final = re.compile(
    r"(?<![^\s:：,，;；|｜])"
    r"(?:(?P<circled>[\u2460-\u2468\u2776-\u277e])"
    rf"|第(?P<part>{_N})(?:段|部分|节|块|截|部)"
    rf"|[(（](?P<paren>{_N})[)）]"
    r"|#(?P<hash>[1-9])"
    r"|(?P<half>[1-9])[)）]"
    r"|(?i:part|piece)[ ]?(?P<word>[1-9])[ ]?[:：]?)"
    r"(?=[ \t\u3000])"
)
"""A piece's number: ``①``, ``第2段``, ``(三)``, ``#3``, ``1)``, ``part 2:``, set apart before
its piece (``bet(2)`` or ``2)`` inside a word is no label)."""
_ORDER_HINT_RE: Final = re.compile(
    r"(?i:in[ ](?:the[ ]right[ ])?order|put[ ](?:the[ ]pieces|them|it)[ ]together"
    r"|join[ ](?:the[ ])?(?:pieces|parts)|reorder|by[ ]number)"
    r"|按(?:序号|顺序|编号|数字)|拼(?:起来|接|在一起|成)|连起来|排好|顺序"
)
_SEPARATOR_AFTER_RE: Final = re.compile(r"(?:[,，;；、]|[ \t\u3000][/|｜])[ \t\u3000]*$")
"""What parts a piece from the next label (``888,``, ``888 /``); a stroke glued to a piece
(``|top``) may be its dot."""
_WHOLE_HOST_RE: Final = re.compile(r"(?<!(?i:www))(?<=[A-Za-z0-9])\.[A-Za-z]{2}")
"""A name, a dot and a TLD's start inside one piece (``www.`` opens a name, it is no host)."""
_LAST_PIECE_END_RE: Final = re.compile(r"[ \t\u3000]{1,2}[(（【\[]|[ \t\u3000]{2}|[\n，！？；]")

_LABEL_GATE: Final = (
    "(?:[①-⑨❶-❾]|第[1-9一二三四五六七八九](?:段|部|节|块|截)"
    "|[(（][1-9一二三四五六七八九][)）]|#[1-9]|[1-9][)）]|(?i:part|piece) ?[1-9] ?[:：]?)"
)
NUMBERED_GATE: Final = f"{_LABEL_GATE}[ \t　][^\n]{{1,80}}[ \t　]{_LABEL_GATE}"
"""Two labels on a line, each before a piece (RE2 and ``re`` syntax)."""


def _number(m: re.Match[str]) -> tuple[str, int]:
    """The label's style and its number."""
    style = m.lastgroup or ""
    raw = m[style]
    if style == "circled":
        base = 0x2460 if raw <= "\u2468" else 0x2776
        return style, ord(raw) - base + 1
    return style, int(_ZH_DIGITS.get(raw, raw))


def _numbered(text: str) -> list[Group]:
    """``③ .top  ② ur  ① unityrulesy``: pieces numbered out of order (or in order after a hint
    to join them), one line, one label style, the numbers 1 to n each once; the pieces joined
    in their order replace the run. A piece holding a space (``dot the country code of``)
    keeps one before it."""
    hinted = _ORDER_HINT_RE.search(text) is not None
    groups: list[Group] = []
    labels = list(_LABEL_RE.finditer(text))
    k = 0
    while k < len(labels):
        run = [labels[k]]
        style = _number(labels[k])[0]
        j = k + 1
        while j < len(labels) and len(run) < MAX_PIECES:
            gap = text[run[-1].end() : labels[j].start()]
            if "\n" in gap or len(gap.strip()) > MAX_PIECE or _number(labels[j])[0] != style:
                break
            run.append(labels[j])
            j += 1
        k = j
        group = _join_run(text, run, hinted)
        if group is not None:
            groups.append(group)
    return groups


def _join_run(text: str, run: list[re.Match[str]], hinted: bool) -> Group | None:
    numbers = [_number(m)[1] for m in run]
    if len(run) < 2 or sorted(numbers) != list(range(1, len(run) + 1)):
        return None
    if numbers == sorted(numbers) and not hinted:
        return None  # a list in order is a list, unless the message says to join it
    pieces = [text[a.end() : b.start()] for a, b in itertools.pairwise(run)]
    tail_start = run[-1].end()
    while tail_start < len(text) and text[tail_start] in " \t\u3000":
        tail_start += 1
    stop = _LAST_PIECE_END_RE.search(text, tail_start, tail_start + MAX_PIECE + 1)
    tail_end = stop.start() if stop is not None else min(len(text), tail_start + MAX_PIECE + 1)
    if tail_end - tail_start > MAX_PIECE or tail_end == tail_start:
        return None
    pieces.append(text[tail_start:tail_end])
    pieces = [_SEPARATOR_AFTER_RE.sub("", piece.strip()) for piece in pieces]
    if not all(pieces):
        return None
    ordered = [piece for _, piece in sorted(zip(numbers, pieces, strict=True))]
    if any(_WHOLE_HOST_RE.search(piece) for piece in ordered):
        return None  # ``(2) bet.com (1) hi``: a host of its own in a piece, no piece of one
    value = "".join(" " + p if any(ch.isspace() for ch in p) else p for p in ordered)
    start = run[0].start()
    return (LAYOUT, start, tail_end, [(start, tail_end, value.strip())])


# --- staircases -------------------------------------------------------------------------------

_STEP_RE: Final = re.compile(r"(?m)^(?P<indent>[ \t\u3000]*)(?P<ch>\S\ufe0f?)(?P<rest>[ \t]*)$")
_LAST_STEP_RE: Final = re.compile(r"(?P<indent>[ \t\u3000]*)(?P<ch>\S\ufe0f?)(?=[ \t]{2,}\S)")
STAIRCASE_GATE: Final = (
    r"\n[ \t]*[^\s][ \t]*\r?\n[ \t]+[^\s][ \t]*\r?\n[ \t]+[^\s][ \t]*\r?\n[ \t]+[^\s]"
)
MIN_STEPS: Final = 5
"""Single characters a staircase holds at least (a short host or a five-digit id)."""


def _staircases(text: str) -> list[Group]:
    """``b⏎  e⏎    t⏎      .⏎        c⏎          o⏎            m``: one character a line, each
    line indented further than the one before; the characters joined replace the staircase (a
    space before it, so it is not glued to the line above; the last step may share its line
    with the message after two spaces)."""
    groups: list[Group] = []
    steps: list[tuple[int, int, str, int]] = []  # line start, char end, char, indent width
    pos = 0
    lines = text.split("\n")
    for line in lines:
        m = _STEP_RE.fullmatch(line) or _LAST_STEP_RE.match(line)
        width = len(m["indent"].expandtabs(4)) if m else -1
        if m is not None and (not steps or width > steps[-1][3]) and len(steps) < MAX_STEPS:
            steps.append((pos, pos + m.end("ch"), m["ch"], width))
        else:
            _close(text, steps, groups)
            steps = [] if m is None else [(pos, pos + m.end("ch"), m["ch"], width)]
        if m is not None and m.re is _LAST_STEP_RE:
            _close(text, steps, groups)
            steps = []
        pos += len(line) + 1
    _close(text, steps, groups)
    return groups


def _close(text: str, steps: list[tuple[int, int, str, int]], groups: list[Group]) -> None:
    if len(steps) < MIN_STEPS:
        return
    start = steps[0][0] - 1 if steps[0][0] > 0 else 0
    end = steps[-1][1]
    value = "".join(ch for _, _, ch, _ in steps)
    groups.append(
        (LAYOUT, start, end, [(start, end, (" " if start < steps[0][0] else "") + value)])
    )


# --- every character twice --------------------------------------------------------------------

_DOUBLED_HINT_RE: Final = re.compile(
    r"(?i:(?:every|each)[ ](?:character|letter|char|symbol)[ ](?:is[ ]|was[ ])?"
    r"(?:typed|written|doubled|repeated)(?:[ ]twice)?|(?:typed|written)[ ]twice|double[ ]letters)"
    r"|每个(?:字符|字母|字)都?(?:打|写|重复)了?两(?:遍|次)|每个(?:字符|字母|字)都?重复"
)
DOUBLED_GATE: Final = (
    r"(?i:every|each) (?i:character|letter|char|symbol)|(?i:typed|written) (?i:twice)"
    r"|(?i:double letters)|每个(?:字符|字母|字)"
)
_RUN_RE: Final = re.compile(r"\S+")
MIN_DOUBLED: Final = 8
"""Characters of a doubled run at least (four characters typed twice)."""


def _doubled(text: str) -> list[Group]:
    """``ssiirrooddeess..ccoomm （每个字符都打了两遍）``: the run of pairs nearest before the
    hint, on its line, read once (a prefix glued before it, ``官网：``, stays)."""
    groups: list[Group] = []
    for hint in _DOUBLED_HINT_RE.finditer(text):
        line_start = text.rfind("\n", 0, hint.start()) + 1
        runs = list(_RUN_RE.finditer(text, max(line_start, hint.start() - 240), hint.start()))
        for run in reversed(runs):
            end = run.end()
            while end > run.start() and not text[end - 1].isalnum():
                end -= 1  # ``ccoomm,``: punctuation after the pairs
            begin = end
            while begin - 2 >= run.start() and text[begin - 2] == text[begin - 1]:
                begin -= 2
            if end - begin >= MIN_DOUBLED:
                edits = [(k, k + 1, "") for k in range(begin + 1, end, 2)]
                groups.append((LAYOUT, begin, end, edits))
                break
    return _disjoint(groups)


def _disjoint(groups: list[Group]) -> list[Group]:
    out: list[Group] = []
    last = -1
    for group in sorted(groups, key=lambda g: g[1]):
        if group[1] >= last:
            out.append(group)
            last = group[2]
    return out


# --- the pass ---------------------------------------------------------------------------------

GATE: Final = "|".join((NUMBERED_GATE, STAIRCASE_GATE, DOUBLED_GATE))
"""An RE2 superset of every text the pass changes."""


def reading_order_pass(work: Work) -> None:
    """Numbered pieces, staircases and doubled characters, read in the order their layout
    gives; first of all passes, so the value's own disguises (dice digits, rare dots) are
    undone on the value as read."""
    groups = _disjoint(_numbered(work.text) + _staircases(work.text) + _doubled(work.text))
    if groups:
        work.apply(groups)


# --- the last character of each line (a second reading) ---------------------------------------

_TELESTICH_HINT_RE: Final = re.compile(
    r"(?i:(?:last|final|ending)[ ](?:letter|character|char|symbol)s?[ ](?:of|on|in)[ ]"
    r"(?:each|every|all(?:[ ]the)?|the)[ ]lines?|read[ ]the[ ]line[ ]ends|telestich)"
    r"|每(?:一)?行(?:的)?(?:最后一个(?:字符|字母|字)?|末尾|结尾|末字|尾字)|各行(?:最后|末尾)|藏尾"
)
TELESTICH_GATE: Final = (
    r"(?i:(?:last|final|ending) (?:letter|character|char|symbol)|line ends|telestich)"
    r"|每一?行的?(?:最后|末尾|结尾|末字|尾字)|各行(?:最后|末尾)|藏尾"
)
MIN_LINES: Final = 4


def telestich(text: str) -> list[tuple[int, int, str]]:
    """``what a club⏎what a time⏎…⏎(read the last character of each line)``: the lines right
    before the hint (or right after it, when it ends its line), each short, their last
    characters joined. Where the block starts is a guess unless a line no host ends heads it
    (the message's first line may be its header), so the block is then also read without its
    first line or two: windows and readings,
    for :mod:`bastion.normalize.readings` (kept only when the intel lists them)."""
    out: list[tuple[int, int, str]] = []
    for hint in _TELESTICH_HINT_RE.finditer(text):
        line_start = text.rfind("\n", 0, hint.start()) + 1
        lines = _lines_before(text, line_start)
        guesses = 1 if lines and _headed(text, lines[0][0]) else 3
        if len(lines) < MIN_LINES:
            lines, guesses = _lines_after(text, hint.end()), 1
        for skip in range(min(guesses, len(lines) - MIN_LINES + 1)):
            block = lines[skip:]
            value = "".join(text[end - 1] for _, end in block)
            out.append((block[0][0], block[-1][1], f" {value} "))
    return out


_SENTENCE_ENDS: Final = frozenset("，、：；！？（）【】「」…!?,;:()")


def _line_end(char: str) -> bool:
    """A line's last character that can be a host's: no Chinese word (``老虎机天天返水`` heads
    the message) and no sentence punctuation, but a dot (``就这样。``, ``so good.``)."""
    if char in "点點":
        return True
    return not ("\u3400" <= char <= "\u9fff") and char not in _SENTENCE_ENDS


def _headed(text: str, first: int) -> bool:
    """The line before the block (which starts at ``first``) ends in a character no host ends
    in: the block starts for sure where it does."""
    if first == 0:
        return False
    above = text[text.rfind("\n", 0, first - 1) + 1 : first - 1].rstrip()
    return bool(above) and not _line_end(above[-1])


def _lines_before(text: str, at: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines before ``at`` (the start of a line), without their trailing
    blanks, up to a blank or long line or ``MAX_STEPS`` lines."""
    spans: list[tuple[int, int]] = []
    end = at - 1
    while end > 0 and len(spans) < MAX_STEPS:
        start = text.rfind("\n", 0, end) + 1
        stripped = text[start:end].rstrip()
        if not stripped or len(stripped) > MAX_LINE or not _line_end(stripped[-1]):
            break
        spans.append((start, start + len(stripped)))
        end = start - 1
    return spans[::-1]


def _lines_after(text: str, at: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines after the line holding ``at``, as :func:`_lines_before`."""
    spans: list[tuple[int, int]] = []
    start = text.find("\n", at) + 1
    while 0 < start < len(text) and len(spans) < MAX_STEPS:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        stripped = text[start:end].rstrip()
        if not stripped or len(stripped) > MAX_LINE or not _line_end(stripped[-1]):
            break
        spans.append((start, start + len(stripped)))
        start = end + 1
    return spans
