"""Layouts a reader undoes whole: a host written in columns of a grid after a hint to read down
(``竖排，从右往左读``), and a link hard-wrapped at a fixed width over lines of one token each.

Both become the host (or link) they spell in one edit; nothing is joined unless it reads as a
host, and a wrap whose breaks could be read two ways is flagged ``ambiguous_host``. The line
helpers here are shared with :mod:`bastion.normalize.layout`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Final

from bastion.normalize.result import Edit, Group
from bastion.normalize.tables import DOT_CHARS
from bastion.suffixes import has_known_suffix


def line_runs(matches: list[re.Match[str]], text: str) -> list[list[re.Match[str]]]:
    """Matches on consecutive lines, grouped (two or more a group)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in matches:
        if current and text.count("\n", current[-1].end(), m.start()) == 1:
            between = text[current[-1].end() : m.start()]
            if between.strip() == "":
                current.append(m)
                continue
        if len(current) >= 2:
            runs.append(current)
        current = [m]
    if len(current) >= 2:
        runs.append(current)
    return runs


def dotty(char: str) -> bool:
    return char == "." or char in DOT_CHARS


def letter(char: str) -> bool:
    """An ASCII letter or digit, as written or in a style that folds to one, a hyphen or a
    dot."""
    if dotty(char) or char in "-－":
        return True
    return unicodedata.normalize("NFKC", char).isascii() and char.isalnum()


_VERTICAL_HINT: Final = re.compile(
    r"竖排|直排|竖(?:着)?(?:读|看|写)|从右(?:往|到|向)左|右边开始|从左(?:往|到|向)右|左边开始"
    r"|(?i:right[ ]to[ ]left|left[ ]to[ ]right|top[ ]to[ ]bottom|read[ ](?:down|vertically))"
)
"""``竖排，从右往左读``, ``竖着看，右边开始``, ``read top to bottom, right to left``: columns
follow."""
_LEFT_FIRST: Final = re.compile(r"从左(?:往|到|向)右|左边开始|(?i:left[ ]to[ ]right)")
_PAD: Final = " \u3000"


def _cell(char: str) -> bool:
    return char in _PAD or letter(char)


def _grid_rows(text: str, start: int) -> tuple[list[str], int]:
    """The rows of a grid of cells from ``start`` (a line start): every row as wide as the
    first (two to eight cells), the last may have the message go on after a space. Returns the
    rows and where the last one ends."""
    rows: list[str] = []
    width = 0
    pos = end = start
    while pos < len(text) and len(rows) < 16:
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop].rstrip(" \t\r")
        if not rows:
            width = len(line)
            if not 2 <= width <= 8 or line[0] in _PAD:
                break
        row = line[:width]
        if len(row) < width or not all(_cell(c) for c in row):
            break
        if len(line) > width and not line[width].isspace():
            break
        rows.append(row)
        end = pos + width
        if len(line) > width:
            break  # the message goes on after the last row
        pos = stop + 1
    return rows, end


def _read_columns(rows: list[str], left_first: bool) -> str | None:
    """The cells read down each column, the columns from the right (or the left); padding
    only below a column's last character. None when that reads as no host."""
    order = range(len(rows[0])) if left_first else range(len(rows[0]) - 1, -1, -1)
    chars: list[str] = []
    for col in order:
        column = [row[col] for row in rows]
        filled = "".join(column).rstrip(_PAD)
        if not filled or any(c in _PAD for c in filled):
            return None
        chars += filled
    folded = "".join("." if dotty(c) else unicodedata.normalize("NFKC", c) for c in chars)
    low = folded.lower()
    ok = low.isascii() and _HOST_SHAPE.fullmatch(low) is not None and has_known_suffix(low)
    return low if ok else None


_HOST_SHAPE: Final = re.compile(r"[a-z0-9](?:[a-z0-9\-]{0,63}\.){1,126}[a-z]{2,24}")


def grid(text: str) -> list[Group]:
    """``竖排，从右往左读：⏎ｃｔｂ⏎ｏｕａ⏎ｍｂｂ⏎　ｅｅ⏎　。ｓ``: a host written in columns
    read top to bottom, the columns right to left as Chinese vertical text runs (left to right
    when the hint says so), after a hint that says to read down; the grid becomes the host."""
    groups: list[Group] = []
    for hint in itertools.islice(_VERTICAL_HINT.finditer(text), 4):
        line_end = text.find("\n", hint.end())
        if line_end < 0 or line_end - hint.end() > 8:
            continue
        start = line_end + 1
        rows, end = _grid_rows(text, start)
        if len(rows) < 2:
            continue
        host = _read_columns(rows, _LEFT_FIRST.search(text, hint.start(), line_end) is not None)
        if host is not None and "." in host:
            groups.append(("layout", start, end, [(start, end, host)]))
            break
    return groups


_TOKEN_LINE: Final = re.compile(r"(?m)^[ \t]{0,3}(?P<piece>[!-~]{1,40})[ \t]{0,4}$")
_URL_START: Final = re.compile(r"(?i:https?://|www\.)")
_URL_HOST: Final = re.compile(r"(?i:https?://)?(?P<host>[A-Za-z0-9.\-]*)(?P<end>[/?#:]?)")


def _host_done(url: str) -> bool:
    """``url`` (a link's beginning) already holds a whole host: one ending in a known suffix
    that a path, query or port follows, or that may end there."""
    m = _URL_HOST.match(url)
    return m is not None and has_known_suffix(m["host"].lower().strip("."))


def _cut_after_host(pieces: list[str]) -> bool:
    """A line of the link ends just after a whole host and the next goes on with host
    characters (``https://www.bet.co⏎m/x``): the host could end there (looked at while the
    host lasts, 255 characters at most)."""
    so_far = ""
    for piece, after in itertools.pairwise(pieces):
        so_far += piece
        m = _URL_HOST.fullmatch(so_far)
        if m is None or m["end"] or len(so_far) > 255:
            return False
        if has_known_suffix(m["host"].lower()) and after[:1] not in "/?#:":
            return True
    return False


def wrapped(text: str) -> list[Group]:
    """``https:/⏎/www.da⏎ftsex.m⏎e/#/reg``: a link hard-wrapped at a fixed width, one token a
    line, every line as long as the first but the last: the line breaks go. Two lines join only
    when the first holds no whole host yet (``https://www.rc-c⏎hems.org``); a break that falls
    just after a whole host (``bet.co⏎m/x``) leaves the reading unsure (``ambiguous_host``)."""
    groups: list[Group] = []
    for run in line_runs(list(_TOKEN_LINE.finditer(text)), text):
        pieces = [m["piece"] for m in run]
        i = 0
        while i < len(run) - 1:
            head = "".join(pieces[i : i + 8])[:8]
            if pieces[i][:1] not in "hHwW" or _URL_START.match(head) is None:
                i += 1
                continue
            width = len(pieces[i])
            j = i + 1
            while j < len(run) and _URL_START.match(pieces[j]) is None:
                j += 1
                if len(pieces[j - 1]) != width:
                    break
            taken = run[i:j]
            i = j
            if len(taken) < 2 or (len(taken) == 2 and _host_done(taken[0]["piece"])):
                continue
            edits: list[Edit] = [
                (a.end("piece"), b.start("piece"), "") for a, b in itertools.pairwise(taken)
            ]
            start, end = taken[0].start("piece"), taken[-1].end("piece")
            if _cut_after_host(pieces[i - len(taken) : i]):
                groups.append(("ambiguous_host", start, end, []))
            groups.append(("layout", start, end, edits))
    return groups
