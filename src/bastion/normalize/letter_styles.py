"""Letters drawn in a "fancy text" style, read as the Latin letters they draw, where it is safe.

``₱ØⱤ₦ØĐØ₥Ø ĐØ₮ ₵Ø₥``, ``ДБЯИ።СФМ``, ``ᗷᑕᗰ88.com``, ``卂乃88点com``, ``|3e7|-|ub.com``,
``moc.ɘlqmɒxɘ (mirror writing)``. The alphabets are in :mod:`bastion.normalize.letter_style_tables`.
A style is read only where it cannot be ordinary text:

- currency signs: in a word of two of them or beside Latin letters (``₦500``, ``€12.50`` stay);
- faux Cyrillic and syllabics: in a word mixed with ASCII letters or digits (real Russian and
  Inuktitut never mix), or a word only of them that stands beside a dot, a TLD or a messenger
  cue on a line holding no other word of that script (``Привет.рф``, a Russian sentence stay);
- CJK shapes (``工口山几``: ordinary Chinese words): in a word glued to ASCII letters or digits
  and to no other Chinese character, beside a dot or after a messenger cue (a word only of them
  is read by the second reading, kept only when listed); ``ㄩ``, which generators read as ``u``
  or ``v``, is withheld;
- ASCII art: in a word holding ASCII letters beside a dot (``|3`` alone is an emoticon);
- mirror writing: only when the message says so (``mirror``, ``镜像``) or the word starts with a
  TLD backwards (``moc.``) and reads as a host once reversed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Final

from bastion.normalize.cues import CUES, ID_WORD, SEP_CHARS
from bastion.normalize.digit_forms import PICTURED
from bastion.normalize.full_stops import FULL_STOPS
from bastion.normalize.instructions import dropped_symbols
from bastion.normalize.letter_style_tables import (
    AMBIGUOUS,
    ASCII_ART,
    CJK_SHAPES,
    MIRRORED,
    STYLES,
)
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import DOT_CHARS, tables
from bastion.suffixes import has_known_suffix, is_tld

WITHHELD: Final = "withheld"
MAX_WORD: Final = 256
"""Longer words are no host or handle (a host is at most 253 characters): skipped, so the
passes' per-character work stays bounded by a word."""
_DROP_HINT: Final = re.compile(
    r"(?i:without|minus|remove|delete|drop|ignore|skip|take[ ]{1,2}out|leave[ ]{1,2}out|quita"
    r"|elimina|enl[eè]ve|supprime|entferne|bỏ|xóa|hapus|buang|убери|удали)|去掉|去除|删掉|删除|删去|忽略|不要"
).search
"""A cheap test for a drop instruction before :func:`instructions.dropped_symbols` parses it."""

_CUE_BEFORE: Final = re.compile(f"(?:{'|'.join(CUES)}){ID_WORD}{SEP_CHARS}{{0,3}}$")
_DOT_HAN: Final = "点點奌㸃。．丶"
_NOT_DOTS: Final = frozenset("，、：；！？…「」『』《》〈〉（）【】〔〕［］｛｝・·")
_ASCII_DOTS: Final = "."


def _dotish(ch: str) -> bool:
    """A character written for a dot: ``.``, the dot stand-ins, a full stop of another script
    (``። ᠃ ᙮ ៕``: punctuation outside ASCII and the Chinese marks)."""
    if ch == "." or ch in DOT_CHARS or ch in _DOT_HAN:
        return True
    return not ch.isascii() and ch not in _NOT_DOTS and unicodedata.category(ch) == "Po"


_AFTER: Final = re.compile(r"[ \t]{0,2}(\S)[ \t]{0,2}(\S)")
_DOT_WORD_AFTER: Final = re.compile(r"[ \t]{1,2}(?i:dot)[ \t]{1,2}\w")
_DOT_WORD_BEFORE: Final = re.compile(r"\w[ \t]{1,2}(?i:dot)[ \t]{1,2}$")


def _beside_dot(folded: str, start: int, end: int, art: bool = False) -> bool:
    """Whether ``folded[start:end]`` has a dot (or ``dot``) with a word on its other side (with
    ``art``, a word that may end in an art letter: ``h|)|).i|\\|f()``)."""
    after = _AFTER.match(folded, end)
    if after and _dotish(after[1]) and (after[2].isalnum() or _dotish(after[2])):
        return True
    before = folded[max(0, start - 3) : start].rstrip(" \t")
    if (
        len(before) >= 2
        and _dotish(before[-1])
        and (before[-2].isalnum() or (art and not before[-2].isspace()))
    ):
        return True
    return bool(
        _DOT_WORD_AFTER.match(folded, end)
        or _DOT_WORD_BEFORE.search(folded[max(0, start - 8) : start])
    )


def _glued_symbol(text: str, start: int, end: int) -> bool:
    """A pictograph glued to the word (``₱ØrnØⱧĐ⚁⚃.₵Ø₥``: dice for digits): what the word
    reads as is then only part of the name, so the value is withheld rather than cut short."""
    return any(
        0 <= k < len(text) and unicodedata.category(text[k]) == "So" and text[k] not in PICTURED
        for k in (start - 1, end)
    )  # a pictured digit (``⚂``, ``🕐``, ``🀎``) the digit pass reads goes on with the name


def _words_with(
    text: str, hits: re.Pattern[str], left: re.Pattern[str], word: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of ``word`` that hold a match of ``hits``, found from the hits (``left``:
    the run of word characters before one, ending the search window): a text with no hit
    costs one scan in C, and each word is read once."""
    pos, n = 0, len(text)
    while (hit := hits.search(text, pos)) is not None:
        at = hit.start()
        start = left.search(text, max(0, at - MAX_WORD), at)
        lo = start.start() if start else at
        hi = min(n, hit.end() + MAX_WORD)
        pos = hit.end()
        for m in word.finditer(text, lo, hi):
            if m.end() > at:
                if m.start() <= at:  # the word holding the hit (else the hit is in none)
                    if m.end() < hi or hi == n:
                        yield m
                    pos = max(pos, m.end())
                break


def _cued(text: str, start: int) -> bool:
    return _CUE_BEFORE.search(text, max(0, start - 24), start) is not None


@cache
def _compiled() -> tuple[re.Pattern[str], dict[str, tuple[str, str]], str, dict[str, str]]:
    """The word pattern, each character's (style, letter), the class of style characters and
    the one-to-one fold of every style character (for reading context)."""
    owner: dict[str, tuple[str, str]] = {}
    for style in STYLES:
        for glyph, letter in style.table.items():
            owner.setdefault(glyph, (style.name, letter))
    homoglyph = "".join(chr(cp) for cp in tables().homoglyph)
    singles = sorted({g for g in owner if len(g) == 1} | set(homoglyph))
    multi = sorted((g for g in owner if len(g) > 1), key=lambda w: (-len(w), w))
    klass = re.escape("".join(singles))
    pictured = re.escape("".join(PICTURED))  # digits the digit pass reads: ``₴⚃hØⱠdł₦₲s``
    word = re.compile(
        "(?:" + "".join(f"{re.escape(m)}|" for m in multi) + rf"[A-Za-z0-9_\-{klass}{pictured}])+"
    )
    flat = {g: letter for g, (_, letter) in owner.items() if len(g) == 1}
    style_class = re.escape("".join(g for g in owner if len(g) == 1))
    return word, owner, style_class, flat


@cache
def _word_left() -> re.Pattern[str]:
    klass = re.escape("".join(chr(cp) for cp in tables().homoglyph) + "".join(PICTURED))
    return re.compile(rf"[A-Za-z0-9_\-{_compiled()[2]}{klass}]*\Z")


@cache
def _flat_table() -> dict[int, str]:
    return str.maketrans(_compiled()[3])


@cache
def _style_search() -> Callable[[str], object]:
    return re.compile(f"[{_compiled()[2]}]").search


def style_chars() -> str:
    """A regex class body of every character a style in :data:`STYLES` draws with (the gate)."""
    return re.escape("".join(sorted({g for s in STYLES for g in s.table if len(g) == 1})))


_CURRENCY_ONLY: Final = frozenset("ⱧⱨⱠⱡⱤɽӾӿⱫⱬĐØɄɎɆ")
"""Letters the currency generators draw with (capitals; the stroke generators write small
barred letters): a word holding one is in the currency style, where ``ł`` is an ``i``."""
_STROKE_ONLY: Final = frozenset("ⱥƀȼđɇǥħɨɉꝁøᵽꝗɍŧʉɏƶ")
"""Small barred letters of the stroke generators, where ``ł`` is an ``l``; a word holding
neither kind (``kikł``) is withheld."""

_SCRIPT_RANGES: Final = {"faux_cyrillic": (0x0400, 0x052F), "syllabics": (0x1400, 0x167F)}


def _money(token: str) -> bool:
    """A sum: a currency sign, then a digit, and no other sign (``$5k``, ``₦500``, ``€12``;
    ``₭8ⱠłV€99`` is ``k8live99``)."""
    return (
        unicodedata.category(token[0]) == "Sc"
        and token[1:2].isdigit()
        and all(c.isascii() and c != "$" for c in token[1:])
    )


_IDN_TLD_AFTER: Final = re.compile(r"[.。．]\s?(\w{2,12})")


def _idn(text: str, start: int, end: int) -> bool:
    """The word is a name of an internationalised domain: a TLD as written (``рф``), or the
    name before one (``магазин24.рф``)."""
    if is_tld(text[start:end].lower()):
        return True
    after = _IDN_TLD_AFTER.match(text, end)
    return after is not None and not after[1].isascii() and is_tld(after[1].lower())


def _prose_in(line: str, style: str) -> bool:
    """More than two words of the style's script on the line: text in that script."""
    lo, hi = _SCRIPT_RANGES[style]
    words = re.findall(r"\w{2,}", line)
    return sum(1 for w in words if any(lo <= ord(c) <= hi for c in w)) > 2


def _style_capitals(token: str, new: str) -> str:
    """``new`` with the ASCII capitals of each styled piece (between ``_ - .``) in lower case:
    the generators draw some letters with Latin capitals (``ᔕᑌGᗩᖇ``: ``G`` is their ``g``)."""
    pieces = []
    at = 0
    for piece in re.split(r"([_\-.])", token):
        folded = new[at : at + len(piece)]
        at += len(piece)
        caps = [c for c in piece if c.isascii() and c.isalpha()]
        styled = any(not c.isascii() for c in piece)
        pieces.append(folded.lower() if styled and caps else folded)
    return "".join(pieces)


def styled_words_pass(work: Work) -> None:
    """Read words drawn in currency signs, faux Cyrillic or syllabics (see the module)."""
    text = work.text
    word_re, owner, _, _ = _compiled()
    homoglyph = tables().homoglyph
    folded_all = text.translate(_flat_table())
    styled = _style_search()
    groups: list[Group] = []
    hits = re.compile(f"[{_compiled()[2]}]")
    dropped = dropped_symbols(text) if _DROP_HINT(text) else frozenset()
    for m in _words_with(text, hits, _word_left(), word_re):
        token = m[0]
        if len(token) > MAX_WORD or not styled(token) or _money(token):
            continue
        if dropped and any(ch in dropped for ch in token):
            continue  # ``r$o$s$e (remove every $)``: a filler to drop, not a letter
        counts: dict[str, int] = {}
        out: list[str] = []
        i = 0
        ok = True
        while i < len(token):
            two = token[i : i + 2]
            if two in owner:
                style, letter = owner[two]
                counts[style] = counts.get(style, 0) + 1
                out.append(letter)
                i += 2
                continue
            ch = token[i]
            if ch in owner:
                style, letter = owner[ch]
                counts[style] = counts.get(style, 0) + 1
                out.append(letter)
            elif ch.isascii() or ch in PICTURED:
                out.append(ch)
            elif ord(ch) in homoglyph:
                out.append(homoglyph[ord(ch)])
            else:
                ok = False
                break
            i += 1
        if not ok or not counts:
            continue
        style = max(counts, key=lambda s: counts[s])
        n = sum(1 for c in token if not c.isascii() and c not in PICTURED)
        start, end = m.span()
        currency = any(c in _CURRENCY_ONLY or unicodedata.category(c) == "Sc" for c in token)
        stroke = any(c in _STROKE_ONLY for c in token)
        if "ł" in token or "Ł" in token:
            if stroke and not currency and len(out) == len(token):
                out = ["l" if c in "łŁ" else o for c, o in zip(token, out, strict=True)]
            elif stroke == currency:
                groups.append((WITHHELD, start, end, []))  # ``kikł``: an ``i`` or an ``l``
        if _glued_symbol(text, start, end):
            groups.append((WITHHELD, max(0, start - 1), min(len(text), end + 1), []))
        letters = any(c.isascii() and c.isalpha() for c in token)
        if style == "currency":
            if n < 2 and not letters and not _beside_dot(folded_all, start, end):
                continue  # a price: ``₦500``
        elif not letters:
            if n < 2 or not (_beside_dot(folded_all, start, end) or _cued(text, start)):
                continue
            if _idn(text, start, end):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if _prose_in(text[line_start : len(text) if line_end < 0 else line_end], style):
                continue
        new = "".join(out)
        if len(new) == len(token):
            new = _style_capitals(token, new)
        if new != token:
            groups.append(("homoglyph", start, end, [(start, end, new)]))
    work.apply(groups)


# --- CJK shapes ---------------------------------------------------------------------------------

_SHAPES: Final = "".join(c for c in CJK_SHAPES if c != "丨")
_STYLED: Final = "".join(sorted({g for s in STYLES for g in s.table if len(g) == 1} - {"$"}))
_STYLED_FOLD: Final = {g: t for s in STYLES for g, t in s.table.items() if len(g) == 1}
_CJK_WORD: Final = re.compile(
    rf"(?:[A-Za-z0-9_\-{_SHAPES}{_DOT_HAN}.{re.escape(_STYLED)}]"
    rf"|(?<=[A-Za-z0-9{_SHAPES}{re.escape(_STYLED)}])丨(?=[A-Za-z0-9{_SHAPES}{re.escape(_STYLED)}]))+"
)
_HAN: Final = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf]")
_SHAPE_HIT: Final = re.compile(f"[{_SHAPES}丨]")
_SHAPE_SEARCH: Final = _SHAPE_HIT.search
_CJK_LEFT: Final = re.compile(rf"[A-Za-z0-9_\-{_SHAPES}{_DOT_HAN}.{re.escape(_STYLED)}丨]*\Z")
_CJK_FOLD: Final = str.maketrans(_STYLED_FOLD | CJK_SHAPES)
_CJK_FOLDS: Final = (
    _CJK_FOLD,
    *(_CJK_FOLD | {ord(glyph): letter} for glyph, ls in AMBIGUOUS.items() for letter in ls[1:]),
)
_RARE_DIAN: Final = re.compile(r"[ \t]{0,2}[奌㸃][ \t]{0,2}")
"""Rare variants of 点, read as the dot in this second reading (whose hosts count only when
listed)."""
CJK_GATE: Final = rf"[A-Za-z0-9_\-][{_SHAPES}]|[{_SHAPES}][A-Za-z0-9_\-]"
CJK_READ_GATE: Final = (
    rf"[{_SHAPES}][ \t]{{0,2}}[{_DOT_HAN}.]|[{_DOT_HAN}.][ \t]{{0,2}}[{_SHAPES}]"
    rf"|[{''.join(AMBIGUOUS)}]"
)


def _reads_as_host(folded: str) -> bool:
    """``folded`` (a word, its dots as written) holds a name, a dot and a known suffix."""
    host = re.sub(f"[{_DOT_HAN}]", ".", folded).strip(".-_").lower()
    return "." in host and has_known_suffix(host) and all(host.split("."))


def cjk_shapes_pass(work: Work) -> None:
    """Read CJK shapes glued to ASCII letters or digits in a host or after a cue (``卂乃88点com``,
    ``LINE ID：从工从工1234``); a word glued to other Chinese characters is Chinese."""
    text = work.text
    groups: list[Group] = []
    for m in _words_with(text, _SHAPE_HIT, _CJK_LEFT, _CJK_WORD):
        token = m[0]
        if len(token) > MAX_WORD or not _SHAPE_SEARCH(token):
            continue
        start, end = m.span()
        shapes = [i for i, c in enumerate(token) if c in CJK_SHAPES or c in _STYLED_FOLD]
        if not shapes or not any(c.isascii() and c.isalnum() for c in token):
            continue
        if (start and _HAN.match(text[start - 1]) and text[start - 1] != "丨") or (
            end < len(text) and _HAN.match(text[end]) and text[end] != "丨"
        ):
            continue  # glued to a Chinese word
        if not any(c in CJK_SHAPES for c in token):
            continue
        folded = "".join(CJK_SHAPES.get(c) or _STYLED_FOLD.get(c, c) for c in token)
        cued = _cued(text, start)
        if not (cued or _reads_as_host(folded) or _beside_dot(text, start, end)):
            continue
        unsure = any(token[i] in AMBIGUOUS for i in shapes)
        edits = [(start + i, start + i + 1, folded[i]) for i in shapes]
        groups.append(("homoglyph", start, end, edits))
        if _glued_symbol(text, start, end) or unsure:
            groups.append((WITHHELD, start, end, []))  # ``ㄩ``: a ``u`` or a ``v``
    work.apply(groups)


MAX_LINE: Final = 400
"""Longer lines get no second reading (the readers' window)."""


def _fold_line(line: str, table: dict[int, str]) -> str:
    """``line`` with each word of shapes not glued to another Chinese character folded."""
    pieces: list[str] = []
    last = 0
    for w in _CJK_WORD.finditer(line):
        a, b = w.span()
        if (a and _HAN.match(line[a - 1]) and line[a - 1] != "丨") or (
            b < len(line) and _HAN.match(line[b]) and line[b] != "丨"
        ):
            continue
        pieces += [line[last:a], w[0].translate(table)]
        last = b
    return _RARE_DIAN.sub(".", "".join(pieces) + line[last:])


def cjk_readings(text: str) -> list[tuple[int, int, str]]:
    """Each line holding CJK shapes beside a dot, with every shape not glued to another Chinese
    character read as its letter (each reading of an ambiguous one): windows and texts of a
    second reading, whose hosts count only when listed (``从工从工点乙乂丫``)."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(rf"[^\n]*[{_SHAPES}][^\n]*", text):
        line = m[0]
        if len(line) > MAX_LINE or not re.search(f"[.{_DOT_HAN}]", line):
            continue
        for table in _CJK_FOLDS:
            read = _fold_line(line, table)
            if read != line and all(read != r for _, _, r in out):
                out.append((m.start(), m.end(), read))
    return out


# --- ASCII art ----------------------------------------------------------------------------------

_ART: Final = "|".join(re.escape(k) for k in sorted(ASCII_ART, key=lambda w: (-len(w), w)))
_PICTURED: Final = re.escape("".join(PICTURED))
"""Pictured digits (``7|<🕗🕗i.com``): part of an art word, left for the digit pass to read."""
_ART_WORD: Final = re.compile(rf"(?:{_ART}|\((?=[A-Za-z(|])|[A-Za-z0-9{_PICTURED}])+")
_ART_HIT: Final = re.compile(rf"{_ART}|[A-Za-z0-9]\((?=[A-Za-z(])")
_ART_LEFT: Final = re.compile(rf"[A-Za-z0-9|/\\(){{}}\[\]<>_*=\-{_PICTURED}]*\Z")
_ESCAPED_SLASHES: Final = re.compile(r":\\/\\/")
"""``https:\\/\\/``: a message that escapes its slashes (JSON), where ``\\/`` is a slash."""
_ART_UNIT: Final = re.compile(rf"{_ART}|\(|[0-9{_PICTURED}]+|[A-Za-z]")
"""A run of digits (pictured ones too: ``🕑0🕑🕑`` is a number, its ``0`` no ``o``) is one unit."""
_ART_LEET: Final = {"3": "e", "4": "a", "5": "s", "7": "t", "0": "o", "(": "c"}
"""Digits and ``(`` the ASCII-art alphabets draw letters with, read so only inside a word that
holds art (``n3\\/\\/gift`` is ``newgift``); a run of three digits, or digits that start or
end the word (``|)an3``), stay a number."""
_ART_SYMBOLS: Final = frozenset("|/\\(){}[]<>-_*=")
"""Symbols an art letter is drawn with: one glued before a word the pass reads is a letter it
does not know (``|{}{ig.xyz``), so the word is only the name's tail."""
_GLUED_TAIL: Final = re.compile(r"[|/\\(){}\[\]<>*=]+[A-Za-z0-9][A-Za-z0-9.\-]*")
ART_GATE: Final = (
    r"[A-Za-z0-9](?:\|[3)<{_*>2=\\-]|\(\)|\\/|/\\|><|\[\])"
    r"|(?:\|[3)<{_*>2=\\-]|\(\)|\\/|/\\|><|\[\])[A-Za-z0-9]"
    r"|[A-Za-z0-9]\((?:\(|[A-Za-z])[A-Za-z]|[A-Za-z0-9]\}\{|\}\{[A-Za-z0-9]"
)

_ART_GATE_RE: Final = re.compile(ART_GATE)


def _unsure_edge(token: str, read: set[int]) -> bool:
    """A leet digit written at the start or end of an art word (``5\\/\\/fqg``), or in a run
    of digits the pass leaves (``j|_|n887r``): a digit or a letter, no reader can tell."""
    units = [(u.start(), u[0]) for u in _ART_UNIT.finditer(token)]
    for k, (at, unit) in enumerate(units):
        leet = [c in _ART_LEET and at + i not in read for i, c in enumerate(unit)]
        edge = k in (0, len(units) - 1)
        if unit.isdigit() and any(leet) and (edge or len(unit) > 2 or not all(leet)):
            return True
    return False


def _art_letters(token: str, read: set[int]) -> str:
    """``token`` with its art and inner leet digits read as letters; digits at ``read``
    (offsets in ``token``: another pass made them digits) stay digits."""
    units = [(u.start(), u[0]) for u in _ART_UNIT.finditer(token)]
    out: list[str] = []
    for k, (at, unit) in enumerate(units):
        if unit in ASCII_ART:
            out.append(ASCII_ART[unit])
        elif unit == "(" or (unit.isdigit() and len(unit) <= 2):
            inner = 0 < k < len(units) - 1 or (unit == "(" and k < len(units) - 1)
            leet = all(c in _ART_LEET for c in unit) and not read & set(range(at, at + len(unit)))
            out.append("".join(_ART_LEET[c] for c in unit) if inner and leet else unit)
        else:
            out.append(unit)
    return "".join(out)


def _rewritten(work: Work, at: int) -> bool:
    """Whether the character at ``at`` is not written so in the message (a pass read it)."""
    lo, hi = work.span(at, at + 1)
    return work.original[lo:hi] != work.text[at]


def ascii_art_pass(work: Work) -> None:
    """Read letters drawn with ASCII symbols in a word holding ASCII letters beside a dot."""
    text = work.text
    groups: list[Group] = []
    escaped = _ESCAPED_SLASHES.search(text) is not None
    for m in _words_with(text, _ART_HIT, _ART_LEFT, _ART_WORD):
        token = m[0]
        if len(token) > MAX_WORD or token.isalnum() or (escaped and "\\/" in token):
            continue
        letters = sum(c.isalpha() for c in token if c.isascii())
        if letters < 2 or token.isalnum() or not re.search(rf"{_ART}|[A-Za-z0-9]\(", token):
            continue
        start, end = m.span()
        if _ART_GATE_RE.search(text[max(0, start - 1) : end + 1]) is None:
            continue  # ``0°A(A``: no art letter the gate knows, so the pass reads nothing
        tail = _GLUED_TAIL.match(text, end)
        if tail and "." in tail[0]:  # ``|{]{ig.xyz``: an art letter it does not know, then more
            groups.append((WITHHELD, start, tail.end(), []))
        if not _beside_dot(text, start, end, art=True):
            continue
        read = {i for i, c in enumerate(token) if c.isdigit() and _rewritten(work, start + i)}
        groups.append(("homoglyph", start, end, [(start, end, _art_letters(token, read))]))
        glued = start > 0 and text[start - 1] in _ART_SYMBOLS
        if glued or _unsure_edge(token, read):
            groups.append((WITHHELD, max(0, start - 1), end, []))
    work.apply(groups)


# --- mirror writing -----------------------------------------------------------------------------

MIRROR_CUE: Final = r"(?i:mirror)|镜像|镜子|照镜|鏡像|鏡子|反写|反寫"
_MIRROR_CUE: Final = re.compile(MIRROR_CUE)
_MIRROR_CLASS: Final = re.escape("".join(MIRRORED))
_MIRROR_DOTS: Final = _DOT_HAN + FULL_STOPS + "".join(PICTURED)
"""Dots and digits a mirrored word may hold, each the same written either way round: the
Chinese dot stand-ins, the full stops of other scripts (``moɔ።ɒttomoiᴙɒm``) and pictured digits
(``moɔ点〨〨〨ᴎiwi``); reversed with the word and left for their own passes to read."""
_MIRROR_WORD: Final = re.compile(rf"[A-Za-z0-9_\-.{_MIRROR_CLASS}{_MIRROR_DOTS}]{{3,}}")
_AS_PLAIN: Final = str.maketrans(
    {**dict.fromkeys(_DOT_HAN + FULL_STOPS, "."), **{g: d for g, d in PICTURED.items()}}
)
_GLYPHS_ONLY: Final = frozenset(MIRRORED) - set("bdpq")
MIRROR_GATE: Final = f"[{''.join(sorted(_GLYPHS_ONLY))}]"
_MIRROR_HIT: Final = re.compile(MIRROR_GATE)
_TOLD_HIT: Final = re.compile(f"[{''.join(sorted(_GLYPHS_ONLY))}bdpq]")
"""When the message says it is mirrored, a word of ASCII letters mirrored too (``qiv点〡〡〡um``:
``q`` is a mirrored ``p``), still read only when it reads as a host reversed."""
_MIRROR_LEFT: Final = re.compile(rf"[A-Za-z0-9_\-.{_MIRROR_CLASS}{_MIRROR_DOTS}]*\Z")


def mirror_pass(work: Work) -> None:
    """Reverse a word in mirror writing and read its flipped glyphs (``b``/``d`` and ``p``/``q``
    trade places) when the message says it is mirrored, or when it starts with a TLD backwards
    and reads as a host reversed."""
    text = work.text
    told = _MIRROR_CUE.search(text) is not None
    hits = _TOLD_HIT if told else _MIRROR_HIT
    groups: list[Group] = []
    for m in _words_with(text, hits, _MIRROR_LEFT, _MIRROR_WORD):
        token = m[0]
        if len(token) > MAX_WORD or not hits.search(token):
            continue
        new = "".join(MIRRORED.get(c, c) for c in reversed(token))
        plain = new.translate(_AS_PLAIN)
        if not plain.isascii():
            continue
        start, end = m.span()
        if told and (_cued(text, start) or _reads_as_host(plain)):
            groups.append(("instruction", start, end, [(start, end, new)]))
        elif not told and _reads_as_host(plain):
            tld = plain.split(".")[-1].lower()
            if is_tld(tld) and len(tld) >= 3:
                groups.append(("instruction", start, end, [(start, end, new)]))
    work.apply(groups)


def precheck_clauses() -> tuple[str, ...]:
    """Clauses of :func:`bastion.extract.precheck.has_candidates` for the passes and the
    reader here (syntax ``re`` and RE2 both read)."""
    return (f"[{style_chars()}]", CJK_GATE, CJK_READ_GATE, MIRROR_GATE, ART_GATE)


def hint_chars() -> str:
    """Every non-ASCII character some match of :func:`precheck_clauses` holds (at least one per
    match), for the pre-check's hint class."""
    chars = {g for s in STYLES for g in s.table if len(g) == 1}
    return "".join(sorted(chars | set(_SHAPES) | set(_DOT_HAN) | _GLYPHS_ONLY))
