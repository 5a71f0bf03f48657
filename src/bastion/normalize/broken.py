"""Hosts broken into pieces: one piece a line (``bet\\n888\\n.\\ncom``), or pieces set apart by
spaces next to Chinese text (``官网 bet 888 . com 注册``).

A reader joins the pieces; joining only the last two (``888.com``) names a different site. The
pieces are joined only when together they make a plausible host and no piece is a host on its
own (``see\\nbet888.com`` keeps its line), and spaced pieces only next to Chinese, Japanese or
Korean text, where no English sentence is being written.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from bastion.normalize.hostwords import COMMON_TLDS, COMMON_WORDS, cjk_near
from bastion.normalize.result import Edit, Group, Work
from bastion.suffixes import registrable_domain

_PIECE: Final = r"[A-Za-z0-9.\-]{1,24}"
_LINE_GAP: Final = r"[ \t]{0,4}\r?\n[ \t]{0,4}"
_SPACE_GAP: Final = r"[ \t\u3000]{1,2}"
_LINES_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9.\-]){_PIECE}(?:{_LINE_GAP}{_PIECE}){{1,40}}(?![A-Za-z0-9.\-])"
)
_SPACED_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9.\-]){_PIECE}(?:{_SPACE_GAP}{_PIECE}){{2,8}}(?![A-Za-z0-9.\-])"
)
_PIECE_RE: Final = re.compile(_PIECE)
_HOST_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,252}[a-z0-9])?")

_OTHER_SEP: Final = "_·•|/.\u2010-\u2015\u2212\ufe58\ufe63\uff0d~～丨｜、‧"
"""Separators other than a bare space, ``-`` or ``.``: dashes of every width, ``~``, ``丨``,
``、``."""
_RANGE_SEPS: Final = frozenset("-~～\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")
"""Two numbers around one of these, the second larger, are a range (``3000～5000``), not an id."""
_QQ_BEFORE: Final = re.compile("(?:[Qq]|扣)[号號群]?[ \t:：]{0,2}$")
"""A QQ cue right before the digits: ``QQ６４４～６１１９`` is one number, not a range."""
DIGIT_SEP: Final = (
    rf"(?:[ \t]{{1,3}}(?:[\-{_OTHER_SEP}][ \t]{{1,3}})?|[{_OTHER_SEP}]|[ \t]?-[ \t]?)"
)
DIGIT_GATE: Final = f"[0-9]{DIGIT_SEP}[0-9]"
"""A superset of the digit-run pass's trigger (two digit groups with a separator)."""
GATE: Final = (
    r"\.[A-Za-z0-9]{0,5}[ \t]*\r?\n|\n[ \t]*[A-Za-z0-9]{0,5}\."
    "|[A-Za-z0-9][ \t\u3000]{1,2}\\.[ \t\u3000]{1,2}[A-Za-z0-9]"
)
"""A cheap superset of the pass's trigger: a line break or a spaced dot beside a host piece."""


def _host(candidate: str) -> bool:
    """A plausible host name: valid characters, a known suffix, a name of two or more characters."""
    low = candidate.lower()
    if "." not in low.strip(".") or _HOST_RE.fullmatch(low) is None or ".." in low:
        return False
    domain = registrable_domain(low)
    return domain is not None and len(domain.split(".", 1)[0]) >= 2


def _hosty(host: str) -> bool:
    """No sentence runs on here: the TLD is not title case (``here.\nNext``) and the host holds
    a digit or ends in a TLD that spam favours."""
    tld = host.rsplit(".", 1)[1]
    if tld.istitle() and len(tld) > 1:
        return False
    return any(c.isdigit() for c in host) or tld.lower() in COMMON_TLDS


_PROSE_WORDS: Final = COMMON_WORDS | {
    "a",
    "an",
    "the",
    "to",
    "at",
    "on",
    "in",
    "go",
    "see",
    "via",
    "i",
    "am",
    "is",
    "are",
    "was",
}


def _ambiguous(words: list[str]) -> int | None:
    """In English text, ``bet 888 . com``: is the site ``888.com`` or ``bet888.com``? A reader
    cannot tell when the name before the dot is all digits or one or two characters and a short
    non-word precedes it. Returns the index of that word (four words: it, name, dot, TLD)."""
    for i in range(len(words) - 3):
        before, name, dot, tld = words[i : i + 4]
        if dot != "." or not (name.isdigit() or len(name) <= 2):
            continue
        short = before.isalnum() and len(before) <= 6 and before.lower() not in _PROSE_WORDS
        if short and _host(f"{before}{name}.{tld}"):
            return i
    return None


def _cut_name(words: list[str]) -> int | None:
    """``unip ulp . ru``, ``www bet703 . com``: a short piece before a name of three characters,
    or ``www`` before a name, may be the name's head (``unipulp.ru``, ``wwwbet703.com``).
    Returns the index of that piece; both readings are then guesses, kept only if listed."""
    for i in range(len(words) - 3):
        before, name, dot, tld = words[i : i + 4]
        if dot != "." or not before.isalnum() or before.lower() in _PROSE_WORDS:
            continue
        www = before.lower() == "www"
        if (www or (len(name) == 3 and len(before) <= 6)) and _host(f"{before}{name}.{tld}"):
            return i
    return None


def _joined(words: list[str], at_dot_break: bool) -> bool:
    """Whether these pieces, joined, make the host a reader sees (no piece a host alone)."""
    joined = "".join(words)
    if not _host(joined) or any(_host(w) for w in words):
        return False
    tld = joined.rsplit(".", 1)[1]
    if tld.istitle() and len(tld) > 1:
        return False
    return at_dot_break or _hosty(joined)


_DIGIT_RUN_RE: Final = re.compile(
    rf"(?:(?<![0-9A-Za-z.\-])|(?<=[Qq])|(?<=\+86-)|(?<=0086-))[0-9]{{1,6}}(?P<sep>{DIGIT_SEP})"
    r"[0-9]{1,6}(?:(?P=sep)[0-9]{1,4}){0,13}(?![0-9A-Za-z])"
)
"""Digits in groups set apart by one separator used throughout: ``3 - 9 - 6 - 5 - 4``,
``1  3  5  2``, ``191_13_23_64_06``, ``1·8·7·3``, ``152 - 1367 - 2095``; also right after a
``+86-`` country code."""


def digit_run_pass(work: Work) -> None:
    """Join a QQ number or phone written in separated groups (7 to 15 digits). Two groups do
    when the separator is no bare space, ``-`` or ``.`` (``6706 - 2134``, ``1766  734``); with a
    bare one only single digits do (``1.3.8.…``), or groups that make a mainland mobile
    (``150-7604-109-6``, ``13.5917.03.863``). So ``2024-12-06`` stays a date, ``192.168.1.20`` an
    address and ``138 1234 5678 2024年`` a phone beside a year. Four dotted groups that make an
    IPv4 address are never joined, even when their digits would spell a mobile
    (``177.130.49.120``): an address is a host the intel may list."""
    text = work.text
    groups: list[Group] = []
    pos = 0
    while (m := _DIGIT_RUN_RE.search(text, pos)) is not None:
        sep = m["sep"]
        parts = m[0].split(sep)
        joined = "".join(parts)
        plain = sep in ("-", ".", " ", "\t")
        single = len(parts) >= 3 and all(len(p) == 1 for p in parts)
        mobile = len(joined) == 11 and joined[0] == "1" and joined[1] in "3456789"
        if mobile and plain and [len(p) for p in parts] == [3, 4, 4]:
            mobile = False  # 138-3046-8131 is how mobiles are written; the finder reads it
        if sep == "." and _dotted_quad(parts):
            mobile = single = False  # 177.130.49.120 is an address, whatever its digits spell
        ranged = len(parts) == 2 and sep.strip() in _RANGE_SEPS and int(parts[1]) > int(parts[0])
        ranged = ranged or (sep.strip() == "、" and not mobile)  # 每月3、7、13、17日: a list
        ranged = ranged and _QQ_BEFORE.search(text, max(0, m.start() - 6), m.start()) is None
        if not 7 <= len(joined) <= 15 or not (mobile or single or not plain) or ranged:
            pos = m.start() + 1
            continue
        pos = m.end()
        edits: list[Edit] = []
        cut = m.start()
        for part in parts[:-1]:
            cut += len(part)
            edits.append((cut, cut + len(sep), ""))
            cut += len(sep)
        groups.append(("spaced_letters", m.start(), m.end(), edits))
    work.apply(groups)


def _dotted_quad(parts: list[str]) -> bool:
    return len(parts) == 4 and all(len(p) <= 3 and int(p) <= 255 for p in parts)


def broken_host_pass(work: Work) -> None:
    """Join the pieces of a host broken over lines or spaced out beside Chinese text."""
    text = work.text
    groups: list[Group] = []
    taken: list[tuple[int, int]] = []
    for m in _LINES_RE.finditer(text):
        pieces = [p.span() for p in _PIECE_RE.finditer(text, m.start(), m.end())]
        words = [text[a:b] for a, b in pieces]
        for count in range(len(pieces), 1, -1):
            head = words[:count]
            if not any("." in w for w in head):
                continue
            dot_break = any(w.endswith(".") for w in head[:-1]) or any(
                w.startswith(".") for w in head[1:]
            )
            if _joined(head, dot_break):
                edits: list[Edit] = [(a[1], b[0], "") for a, b in pairwise(pieces[:count])]
                groups.append(("spaced_letters", m.start(), pieces[count - 1][1], edits))
                taken.append((m.start(), m.end()))
                break
    for m in _SPACED_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        pieces = [p.span() for p in _PIECE_RE.finditer(text, m.start(), m.end())]
        words = [text[a:b] for a, b in pieces]
        if not cjk_near(text, m.start(), m.end()):
            ambiguous = _ambiguous(words)
            if ambiguous is not None:
                start, end = pieces[ambiguous][0], pieces[ambiguous + 3][1]
                groups.append(("ambiguous_host", start, end, []))
                continue
            cut = _cut_name(words) if "." in words else None
            if cut is not None and work.guess:
                gap = (pieces[cut][1], pieces[cut + 1][0])
                groups.append(("weak_join", *gap, [(*gap, "")]))
            elif cut is not None:
                groups.append(("split_word", pieces[cut + 1][0], pieces[cut + 3][1], []))
            continue
        if any("." in w for w in words) and _joined(words, False):
            edits = [(a[1], b[0], "") for a, b in pairwise(pieces)]
            groups.append(("spaced_letters", m.start(), m.end(), edits))
    groups.sort(key=lambda group: group[1])
    work.apply(groups)
