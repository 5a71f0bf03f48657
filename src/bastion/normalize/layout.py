"""Layouts a reader follows: a host written down a column inside a frame (``┃b┃``), across the
lines of a chat log (``[16:43] 老王: bet``), or as the first letter of each line when the
message says so (an acrostic); a grid of columns after a hint to read down and a link
hard-wrapped at a fixed width (:mod:`bastion.normalize.grids`).

Each scan removes only what the layout adds (the frame, the speaker prefix, the rest of each
line); the pieces left are joined by the broken-host pass (one piece a line) or, for an
acrostic, here. Nothing is joined that the later passes would not accept as a host.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Final

from bastion.normalize.grids import dotty as _dotty
from bastion.normalize.grids import grid, wrapped
from bastion.normalize.grids import letter as _letter
from bastion.normalize.grids import line_runs as _runs
from bastion.normalize.hostwords import COMMON_TLDS, COMMON_WORDS
from bastion.normalize.result import Edit, Group, Work
from bastion.normalize.rules import names_host
from bastion.normalize.tables import DOT_CHARS
from bastion.suffixes import is_tld

FRAME_CHARS: Final = "\u2500-\u259f|｜丨\u2016\u2223\u01c0【】〖〗［］\\[\\]"
"""Box drawing, block elements, bars and brackets: what a column of letters is framed with."""
_FRAMED_LINE: Final = re.compile(
    rf"(?m)^[ \t]{{0,4}}(?P<left>[{FRAME_CHARS}]{{1,2}})[ \t]{{0,2}}"
    rf"(?P<piece>[^\s{FRAME_CHARS}]{{1,4}})[ \t]{{0,2}}"
    rf"(?P<right>[{FRAME_CHARS}]{{1,2}})[ \t]{{0,4}}$"
)
_CHAT_LINE: Final = re.compile(
    r"(?m)^[ \t]{0,4}(?P<prefix>(?:[\[(【]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\])】]?[ \t]{0,3})?"
    r"(?P<name>[^\s:：\[\]【】()]{1,16}(?:[ ][^\s:：\[\]【】()]{1,16})?)[ \t]{0,2}[:：][ \t]{0,3})"
    r"(?!//)(?P<piece>[^\s]{1,24})[ \t]{0,4}$"
)
_ACROSTIC_HINT: Final = re.compile(
    r"(?i:(?:first|1st|initial|starting)[ ]{1,2}(?:letter|character|char|symbol)s?[ ]{1,2}"
    r"(?:of|on|in)[ ]{1,2}(?:each|every|all(?:[ ]{1,2}the)?|the)[ ]{1,2}lines?"
    r"|(?:read|go)[ ]{1,2}(?:down|vertically)(?![A-Za-z])|acrostic"
    r"|(?:first|1st|left)[ ]{1,2}column)"
    r"|每(?:一)?行(?:的)?(?:第一个字|第一个字母|首字|开头|第一个)|藏头|竖着(?:读|看)|首字母"
    r"|第一列|首列|最左(?:边)?一?列"
)
"""``take the first character of every line``, ``read down``, ``first column top to bottom``,
``每行第一个字``, ``藏头``, ``第一列竖读``."""

GATE: Final = (
    rf"[{FRAME_CHARS}][ \t]{{0,2}}[A-Za-z0-9.][^\n]{{0,5}}[{FRAME_CHARS}][ \t]*\r?\n"
    r"|\n[ \t]*[\[(【]?[0-9]{1,2}:[0-9]{2}[^\n]{0,24}[:：]"
    r"|[:：][ \t]{0,3}[.。][A-Za-z]{2,24}[ \t]*(?:\r?\n|$)"
    r"|[^ \t\r\n:：][ \t]{1,2}[\[(]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\])]?[ \t]*\r?\n"
    r"|(?i:first[ ]{1,2}(?:letter|character|char|symbol)|read[ ]{1,2}(?:down|vertically)|acrostic)"
    r"|(?i:1st|initial|starting)[ ]{1,2}(?i:letter|char)"
    r"|每一?行|藏头|竖着|首字母|第一列|首列|最左|竖排|直排|竖读|竖看|竖写|从右|从左|右边开始|左边开始"
    r"|(?i:right[ ]to[ ]left|left[ ]to[ ]right|top[ ]to[ ]bottom)"
    r"|(?i:first|1st|left)[ ]{1,2}(?i:column)"
    r"|(?:^|\n)[ \t]{0,3}>[ \t]?[A-Za-z0-9.]"
    "|\\n[ \t\u3000]{0,4}[.点點。．丶·、﹒｡・•∙⋅‧˙︒][ \t\u3000]{0,4}\r?\n[ \t\u3000]{0,4}"
    "[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
    r"|(?:^|\n)[ \t]{0,3}(?i:http|www)[!-~]{0,36}[ \t]{0,4}\r?\n"
    r"[ \t]{0,3}[!-~]{1,40}[ \t]{0,4}(?:\r?\n|$)"
)
"""A superset of the texts the pass changes where a host can come out (RE2 syntax; a framed
piece holds an ASCII letter, digit or dot: a styled one is caught by its folded character)."""


_DOT_PIECE: Final = re.compile(r"(?i:\.|dot|\(dot\)|\[dot\]|\(\.\)|\[\.\])")


def _fold_piece(piece: str) -> str:
    """A piece as the host reads it: a dot word or character is the dot, a style is folded."""
    if piece in DOT_CHARS or _DOT_PIECE.fullmatch(piece):
        return "."
    return unicodedata.normalize("NFKC", piece)


def _joined(run: list[re.Match[str]]) -> str | None:
    """The pieces read as one word, when that word names a host (else they stay one a line,
    for the broken-host pass to weigh): a cue letter among them (``v``, ``q``) is a letter."""
    joined = "".join(_fold_piece(m["piece"]) for m in run)
    ok = joined.isascii() and names_host(joined.lower()) and "." in joined[1:-1]
    return joined if ok else None


def _piece_edits(run: list[re.Match[str]]) -> list[Edit]:
    """Delete what stands before each piece: its line's prefix or frame and, when the pieces
    read as one host, the previous line's end too (line break and closing frame), and write a
    dot word among them as the dot."""
    joined = _joined(run) is not None
    edits: list[Edit] = [(run[0].start(), run[0].start("piece"), "")]
    for before, m in itertools.pairwise(run):
        if joined:
            edits.append((before.end("piece"), m.start("piece"), ""))
        else:
            if m.re is _FRAMED_LINE:
                edits.append((before.end("piece"), before.end(), ""))
            edits.append((m.start(), m.start("piece"), ""))
    if joined:
        edits += [
            (m.start("piece"), m.end("piece"), ".")
            for m in run
            if m["piece"] != "." and _fold_piece(m["piece"]) == "."
        ]
        edits.sort()
    return edits


_HEADER_THEN_PIECE: Final = re.compile(
    r"(?m)^[ \t]{0,4}(?P<prefix>(?P<name>[^\s:：]{1,16}(?:[ ][^\s:：]{1,16})?)[ \t]{1,2}"
    r"[\[(]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\])]?[ \t]{0,4}\r?\n[ \t]{0,4})"
    r"(?P<piece>\S{1,24})[ \t]{0,4}$"
)
"""``小美 19:41⏎hititbet``: a message's header on its own line, then the message."""


def _set_apart(text: str, run: list[re.Match[str]]) -> list[Edit]:
    """A blank line before the run, so its pieces are not joined to the line above."""
    start = run[0].start()
    return [(start - 1, start, "\n\n")] if start and text[start - 1] == "\n" else []


def _set_apart_after(text: str, run: list[re.Match[str]]) -> list[Edit]:
    """A blank line after the run, so its pieces are not joined to the line below."""
    end = run[-1].end()
    return [(end, end + 1, "\n\n")] if text[end : end + 1] == "\n" else []


def _frames(text: str) -> list[Group]:
    """``║g║\\n║a║\\n...``: one piece a line between frame characters; the frames go."""
    groups: list[Group] = []
    for run in _runs(list(_FRAMED_LINE.finditer(text)), text):
        if len(run) < 3:
            continue
        edits: list[Edit] = _set_apart(text, run) + _piece_edits(run)
        edits += [(run[-1].end("piece"), run[-1].end(), ""), *_set_apart_after(text, run)]
        groups.append(("layout", edits[0][0], edits[-1][1], edits))
    return groups


def _chat(text: str) -> list[Group]:
    """``[16:43] 老王: bet\\n[16:43] 老王: 888\\n[16:44] 老王: .com``: one speaker's lines, each
    one piece; the time stamps and the speaker's name go."""
    groups: list[Group] = []
    runs = _runs(list(_CHAT_LINE.finditer(text)), text)
    runs += _runs(list(_HEADER_THEN_PIECE.finditer(text)), text)
    for run in runs:
        speakers = {m["name"] for m in run}
        stamped = all(m["prefix"][:1] in "[(【0123456789" for m in run)
        stamped = stamped or run[0].re is _HEADER_THEN_PIECE
        if len(speakers) != 1 or not (stamped or len(run) >= 3):
            continue
        if not any(_fold_piece(m["piece"]) == "." or "." in m["piece"] for m in run):
            continue
        edits = _set_apart(text, run) + _piece_edits(run)
        edits += _set_apart_after(text, run)
        groups.append(("layout", edits[0][0], edits[-1][1], edits))
    return groups


_QUOTED_LINE: Final = re.compile(
    r"(?m)^[ \t]{0,3}(?P<prefix>>[ \t]?)(?P<piece>[^\s>]\S{0,39})[ \t]{0,4}$"
)
"""``> https://pu⏎> ssyporn4u.⏎> com/x``: a mail reply quoted and wrapped at a fixed width."""


def _quoted(text: str) -> list[Group]:
    """Lines of one token each behind a mail quote mark: the marks go and the pieces stay one a
    line, for the broken-host pass to join (``https://pu`` is never a host of its own)."""
    groups: list[Group] = []
    for run in _runs(list(_QUOTED_LINE.finditer(text)), text):
        if not any("." in m["piece"] or _fold_piece(m["piece"]) == "." for m in run):
            continue
        edits = _set_apart(text, run) + _piece_edits(run) + _set_apart_after(text, run)
        groups.append(("layout", edits[0][0], edits[-1][1], edits))
    return groups


_SINGLE_LINE: Final = re.compile(r"(?m)^[ \t\u3000]{0,4}(?P<piece>\S)[ \t\u3000]{0,4}$")
_TAIL_LINE: Final = re.compile(r"[ \t\u3000]{0,4}(?P<piece>\S)[ \t\u3000]{1,4}\S")
"""The line after a column whose first character, set apart by a space, ends the column and
the message goes on (``ｃ⏎ｏ⏎ｍ 亲测能提现``)."""


def _column_host(chars: list[str]) -> bool:
    folded = "".join("." if _dotty(c) else unicodedata.normalize("NFKC", c) for c in chars)
    return folded.isascii() and names_host(folded.lower()) and "." in folded[1:-1]


def _column(text: str) -> list[Group]:
    """``w\nw\nw\n点\nb\ne\nt\n点\na\ng``: one character a line, a dot written as ``点``
    or another dot character among them; joined when they name a host. The line after the
    column may begin with its last character, the message going on after a space: that
    character belongs to the column (``ｃ⏎ｏ⏎ｍ 验证`` is ``com``, never ``co``)."""
    groups: list[Group] = []
    for run in _runs(list(_SINGLE_LINE.finditer(text)), text):
        chars = [m["piece"] for m in run]
        if len(run) < 4 or not any(_dotty(c) for c in chars):
            continue
        end = run[-1].end()
        tail = _TAIL_LINE.match(text, end + 1) if text[end : end + 1] == "\n" else None
        if tail is not None and _letter(tail["piece"]) and not _dotty(tail["piece"]):
            if not _column_host([*chars, tail["piece"]]):
                if _column_host(chars):  # a host without its last character: unsure
                    groups.append(("ambiguous_host", run[0].start(), tail.end("piece"), []))
                continue
            run = [*run, tail]
        elif not _column_host(chars):
            continue
        edits: list[Edit] = _set_apart(text, run)
        edits += [(a.end("piece"), b.start("piece"), "") for a, b in itertools.pairwise(run)]
        edits += [(m.start("piece"), m.end("piece"), ".") for m in run if m["piece"] in DOT_CHARS]
        edits.sort()
        if tail is None:
            edits += _set_apart_after(text, run)
        groups.append(("layout", edits[0][0], edits[-1][1], edits))
    return groups


def _acrostic(text: str) -> list[Group]:
    """The first character of each line after the hint (or before it, when the hint ends the
    message), joined: letters, digits and one dot or more, four characters at least."""
    hint = _ACROSTIC_HINT.search(text)
    if hint is None:
        return []
    hint_line_end = text.find("\n", hint.end())
    hint_line_start = text.rfind("\n", 0, hint.start()) + 1
    after = [] if hint_line_end < 0 else _lines(text, hint_line_end + 1, len(text))
    before = _lines(text, 0, max(0, hint_line_start - 1)) if hint_line_start else []
    lines = after if len(after) >= 4 else before[-40:] if len(before) >= 4 else after
    taken: list[tuple[int, int]] = []
    for start, end in lines:
        if not _letter(text[start]):
            break
        taken.append((start, end))
    lines = taken
    worded = sum(1 for start, end in lines if len(text[start:end].strip()) >= 2)
    dots = [text[start] for start, _ in lines if _dotty(text[start])]
    if len(lines) < 4 or not dots or worded * 2 < len(lines):
        return []  # one character a line is a column the broken-host pass reads as it is
    edits: list[Edit] = []
    for (start, _), (next_start, _) in itertools.pairwise(lines):
        edits.append((start + 1, next_start, ""))
    last_start, last_end = lines[-1]
    if last_end > last_start + 1:
        edits.append((last_start + 1, last_end, " "))
    return [("layout", lines[0][0], last_end, edits)]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(first non-blank character, line end) of the non-blank lines of ``text[start:end]``,
    stopping at the first blank line once some were read (64 lines at most)."""
    found: list[tuple[int, int]] = []
    pos = start
    while pos < end and len(found) < 64:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = text[pos:stop]
        stripped = line.lstrip(" \t\u3000")
        if stripped.strip():
            found.append((stop - len(stripped), stop))
        elif found:
            break
        pos = stop + 1
    return found


def layout_pass(work: Work) -> None:
    """Undo a frame, a chat log's prefixes, mail quote marks or an acrostic, so the pieces can
    be joined."""
    text = work.text
    groups = _frames(text) or _chat(text) or _quoted(text) or wrapped(text)
    groups = groups or grid(text) or _acrostic(text) or _column(text)
    work.apply(groups)


_ASIDE: Final = r"[ \t]{{0,2}}[(（](?P<{0}>[^()（）\n]{{1,24}})[)）][ \t]{{0,2}}"
_DOT_WORD: Final = r"[ \t]{0,2}(?:[.。．]|~[ ]?(?i:dot)|(?i:dot))[ \t]{0,2}"
_ASIDE_RE: Final = re.compile(
    r"(?<=[A-Za-z0-9])"
    + "(?:" + _ASIDE.format("a") + ")?"
    + f"(?P<dot>{_DOT_WORD})"
    + "(?:" + _ASIDE.format("b") + ")?"
    + r"(?=(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9\-]))"
)  # fmt: skip
ASIDE_GATE: Final = (
    r"[A-Za-z0-9][ \t]{0,2}[(（][^()（）\n]{1,24}[)）][ \t]{0,2}(?:[.。．~]|(?i:dot))"
    r"|(?:[.。．]|(?i:dot))[ \t]{0,2}[(（][^()（）\n]{1,24}[)）][ \t]{0,2}[A-Za-z]"
)
"""A superset of the texts :func:`aside_pass` changes (RE2 syntax)."""


_NAME_BEFORE: Final = re.compile(r"[A-Za-z0-9\-]{1,63}$")
_NAME_PIECE: Final = re.compile(r"[A-Za-z0-9\-]{1,24}")


def aside_pass(work: Work) -> None:
    """``seawaysexpress (don't tell) . (shh) com``: words in brackets set between a host's
    name, its dot and its TLD are an aside the reader skips; the dot stays, the asides go. Only
    words (a bracketed dot is the bracket-dot trick) and only before a real TLD."""
    text = work.text
    groups: list[Group] = []
    for m in _ASIDE_RE.finditer(text):
        asides = [m[k] for k in ("a", "b") if m[k] is not None]
        if not asides or any(_DOT_PIECE.fullmatch(a.strip()) for a in asides):
            continue
        if m["a"] is not None and text[m.start()] in "(（" and _NAME_PIECE.fullmatch(m["a"]):
            continue  # ``bet(888).com``: letters glued on both sides are the name's, not an aside
        tld = m["tld"]
        if not is_tld(tld.lower()) or (tld.istitle() and len(tld) > 1):
            continue  # ``it works (mostly). It is``: a sentence, not a TLD
        if m["dot"].strip() in ".。．" and tld.lower() not in COMMON_TLDS:
            continue
        name = _NAME_BEFORE.search(text, max(0, m.start() - 63), m.start())
        if name is None or name[0].lower() in COMMON_WORDS:
            continue  # ``it works (mostly) . com on``: a word of the sentence, not a name
        groups.append(("defang", m.start(), m.end(), [(m.start(), m.end(), ".")]))
    work.apply(groups)
