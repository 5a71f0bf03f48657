"""``to_re2``: rewrite a pattern written for ``re`` into a superset RE2 runs.

The RE2 gates (the unmasker's pass gates, the pre-check, the finder router) run patterns written
for ``re``, whose cue words carry look-arounds RE2 lacks.
"""

from __future__ import annotations

import re

_LOOKAROUND = re.compile(r"\(\?(<!|!|=)(\[[^\]]*\])\)")
_WS_BODY = "\\s\\p{Z}\\x0b\\x1c-\\x1f\\x85"
"""Every character ``re``'s ``\\s`` takes in a str: RE2's ``\\s`` is ``[\\t\\n\\f\\r ]``."""
_WORD_BLOCKS = ((0x3041, 0x3096), (0x30A1, 0x30FA), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))
"""Kana and CJK ideograph blocks: word characters to ``re``'s Unicode ``\\w`` (checked at
import), not to RE2's ASCII one. Adding them to ``[^\\w`` keeps Chinese text from reading as
gaps between spaced letters (``x月x.x.x号``)."""
_CJK_WORD = "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in _WORD_BLOCKS)
if not all(re.fullmatch(r"\w+", "".join(map(chr, range(lo, hi + 1)))) for lo, hi in _WORD_BLOCKS):
    _CJK_WORD = ""


def to_re2(pattern: str) -> str:
    """RE2 has no look-around and an ASCII ``\\s``; rewrite ``pattern`` to a superset it runs.

    ``(?<![X])`` (only ever at a pattern start) becomes ``(?:^|[^X])``, the same match existence;
    ``(?![X])`` becomes ``(?:$|[^X])`` at the pattern end and is dropped elsewhere (it would
    consume a character the rest needs); ``(?=[X])`` becomes ``[X]``. ``\\s`` widens to Unicode
    spaces, and RE2's ASCII ``\\w`` only widens ``[^\\w]`` classes (less so with the CJK blocks
    added to them).
    """

    def replace(match: re.Match[str]) -> str:
        kind, chars = match.group(1), match.group(2)
        if kind == "=":
            return chars
        negated = "[^" + chars[1:]
        if kind == "<!":
            return f"(?:^|{negated})"
        at_end = pattern[match.end() :].strip(")") == ""
        return f"(?:$|{negated})" if at_end else ""

    converted = _wide_spaces(_LOOKAROUND.sub(replace, pattern))
    converted = converted.replace("[^\\w", "[^\\w" + _CJK_WORD)
    if "(?<" in converted or "(?=" in converted or "(?!" in converted:
        raise ValueError(f"look-around left in gate pattern: {pattern!r}")
    return converted


def _wide_spaces(pattern: str) -> str:
    """Every ``\\s`` widened to ``re``'s spaces: a class of its own outside brackets, its
    members inside them (``[^\\sA-Z]``; a nested class would end the outer one)."""
    out: list[str] = []
    in_class = False
    k = 0
    while k < len(pattern):
        char = pattern[k]
        if char == "\\" and k + 1 < len(pattern):
            pair = pattern[k : k + 2]
            if pair == "\\s":
                out.append(_WS_BODY if in_class else f"[{_WS_BODY}]")
            else:
                out.append(pair)
            k += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if pattern.startswith("^", k + 1):
                out.append("^")
                k += 1
            if pattern.startswith("]", k + 1):  # a leading ``]`` is a member
                out.append("]")
                k += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        k += 1
    return "".join(out)
