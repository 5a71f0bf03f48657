"""RE2 patterns rewritten for Hyperscan: exactly where the syntaxes differ, else as supersets.

Hyperscan (``HS_FLAG_UTF8``, no ``UCP``) reads RE2's syntax alike but for ``\\s`` (Hyperscan's
takes ``\\v`` too, so ``\\S`` misses it), ``$`` (Hyperscan's also matches before a final newline)
and ``X{0}`` (refused). :func:`for_hyperscan` rewrites those exactly. Patterns it still cannot
compile (an anchor inside a group, a pattern past its length limit) get a superset:
:func:`superset` drops zero-width assertions (each only ever narrows a match) and
:func:`split_to_fit` splits alternations and cuts a sequence to a prefix (a match of the whole
starts with a match of its prefix). A small parser of the syntax the gates use does this.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_SPACE = "\\t\\n\\f\\r "
"""RE2's ``\\s``."""
_ASSERTIONS = frozenset({"^", "$", "\\z", "\\A", "\\b", "\\B"})
_QUANT = re.compile(r"\{(\d+)(,(\d*))?\}\??|[*+?]\??")
_OPENER = re.compile(r"\((?:\?(?:[a-zA-Z]*:|P<\w+>|<\w+>))?")
_FLAGS_ONLY = re.compile(r"\(\?[a-zA-Z]+\)")
_ANY = "(?s:.)"


class Unsupported(ValueError):
    """A construct this parser does not rewrite."""


@dataclass(slots=True)
class _Group:
    opener: str
    alternatives: list[list[_Atom]]


@dataclass(slots=True)
class _Atom:
    core: str | _Group
    quant: str = ""


def _escape_end(pattern: str, at: int) -> int:
    """End of the escape starting at ``pattern[at] == '\\\\'``."""
    if at + 1 >= len(pattern):
        raise Unsupported("trailing backslash")
    kind = pattern[at + 1]
    if kind == "Q":
        raise Unsupported("\\Q")
    if kind in "xpP" and at + 2 < len(pattern) and pattern[at + 2] == "{":
        close = pattern.find("}", at)
        if close < 0:
            raise Unsupported("open brace")
        return close + 1
    if kind == "x":
        return at + 4
    return at + 2


def _class_end(pattern: str, at: int) -> int:
    i = at + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i = _escape_end(pattern, i)
        elif char == "[" and pattern.startswith("[:", i):
            close = pattern.find(":]", i + 2)
            i = i + 1 if close < 0 else close + 2
        elif char == "]":
            return i + 1
        else:
            i += 1
    raise Unsupported("open class")


def _parse(pattern: str) -> list[list[_Atom]]:
    stack: list[tuple[str, list[list[_Atom]]]] = [("", [[]])]
    i = 0
    while i < len(pattern):
        char = pattern[i]
        alternatives = stack[-1][1]
        if char == "|":
            alternatives.append([])
            i += 1
            continue
        if char == ")":
            if len(stack) == 1:
                raise Unsupported("unbalanced )")
            opener, inner = stack.pop()
            core: str | _Group = _Group(opener, inner)
            i += 1
        elif char == "(":
            flags = _FLAGS_ONLY.match(pattern, i)
            if flags:
                core, i = flags.group(), flags.end()
            else:
                opened = _OPENER.match(pattern, i)
                assert opened is not None
                stack.append((opened.group(), [[]]))
                i = opened.end()
                continue
        elif char == "\\":
            end = _escape_end(pattern, i)
            core, i = pattern[i:end], end
        elif char == "[":
            end = _class_end(pattern, i)
            core, i = pattern[i:end], end
        else:
            core, i = char, i + 1
        quant = _QUANT.match(pattern, i)
        if quant and char not in "^$":
            i = quant.end()
        stack[-1][1][-1].append(_Atom(core, quant.group() if quant else ""))
    if len(stack) != 1:
        raise Unsupported("unbalanced (")
    return stack[0][1]


def _exact_core(core: str) -> str:
    if core == "\\s":
        return f"[{_SPACE}]"
    if core == "\\S":
        return f"[^{_SPACE}]"
    if core == "$":
        return "\\z"
    if core.startswith("["):
        return _exact_class(core)
    return core


def _exact_class(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            end = _escape_end(text, i)
            escape = text[i:end]
            if escape == "\\S":
                raise Unsupported("\\S in a class")
            out.append(_SPACE if escape == "\\s" else escape)
            i = end
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _is_zero_repeat(quant: str) -> bool:
    match = _QUANT.fullmatch(quant)
    return bool(match and match.group(1) == "0" and match.group(3) in ("0", None))


def _render(alternatives: list[list[_Atom]], widen: bool) -> str:
    return "|".join(_render_seq(seq, widen) for seq in alternatives)


def _render_seq(seq: list[_Atom], widen: bool) -> str:
    parts = []
    for atom in seq:
        if atom.quant and _is_zero_repeat(atom.quant):
            continue
        if isinstance(atom.core, _Group):
            core = f"{atom.core.opener}{_render(atom.core.alternatives, widen)})"
        elif widen and atom.core in _ASSERTIONS:
            continue
        elif widen and atom.core.startswith("["):
            try:
                core = _exact_class(atom.core)
            except Unsupported:
                core = _ANY
        else:
            core = _exact_core(atom.core)
        parts.append(core + atom.quant)
    return "".join(parts)


def for_hyperscan(pattern: str) -> str:
    """``pattern`` (RE2 syntax) as Hyperscan reads it the same (``UTF8``, no ``UCP``)."""
    return _render(_parse(pattern), widen=False)


def superset(pattern: str) -> str:
    """:func:`for_hyperscan` without zero-width assertions: matches wherever ``pattern`` does."""
    return _render(_parse(pattern), widen=True)


def _wraps(opener: str) -> bool:
    return opener in ("(", "(?:") or opener.startswith("(?P<") or opener.endswith(":")


def _flat(alternatives: list[list[_Atom]]) -> tuple[str, list[list[_Atom]]]:
    """The alternatives under groups that span the whole pattern, and the flags opener that
    must wrap each of them (``(?i:``), or ``""``."""
    opener = ""
    while len(alternatives) == 1 and len(alternatives[0]) == 1:
        atom = alternatives[0][0]
        if atom.quant or not isinstance(atom.core, _Group) or not _wraps(atom.core.opener):
            break
        inner = atom.core.opener
        if inner.endswith(":") and inner != "(?:":
            if opener:
                break
            opener = inner
        alternatives = atom.core.alternatives
    return opener, alternatives


def _wrap(opener: str, text: str) -> str:
    return f"{opener}{text})" if opener else text


def alternatives(expression: str) -> list[str]:
    """``expression``'s top-level alternatives (their union is it), or it alone."""
    try:
        opener, flat = _flat(_parse(expression))
    except Unsupported:
        return [expression]
    if any(isinstance(a.core, str) and _FLAGS_ONLY.fullmatch(a.core) for s in flat for a in s):
        return [expression]
    return [_wrap(opener, _render_seq(seq, widen=False)) for seq in flat]


def split_to_fit(expression: str, fits: Callable[[str], bool]) -> list[str]:
    """Expressions whose union is a superset of ``expression``, each passing ``fits`` where
    possible: alternations split, a sequence that does not fit cut to its longest prefix that
    does (one that does not fit at all is returned as it is)."""
    if fits(expression):
        return [expression]
    opener, flat = _flat(_parse(expression))
    if len(flat) > 1:
        pieces = [_wrap(opener, _render_seq(seq, widen=False)) for seq in flat]
        return [out for piece in pieces for out in split_to_fit(piece, fits)]
    seq = flat[0] if flat else []
    if any(isinstance(a.core, str) and _FLAGS_ONLY.fullmatch(a.core) for a in seq):
        return [expression]
    low, high = 0, len(seq) - 1  # the longest fitting prefix of seq[:k], 1 <= k < len(seq)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(_wrap(opener, _render_seq(seq[:middle], widen=False))):
            low = middle
        else:
            high = middle - 1
    if low >= 1:
        return [_wrap(opener, _render_seq(seq[:low], widen=False))]
    first = seq[0] if seq else None
    if first is None or not isinstance(first.core, _Group) or _may_be_empty(first.quant):
        return [expression]
    inner = _wrap(opener, f"{first.core.opener}{_render(first.core.alternatives, False)})")
    if inner == expression:
        return [expression]
    return split_to_fit(inner, fits)


def _may_be_empty(quant: str) -> bool:
    if not quant:
        return False
    if quant[0] in "*?":
        return True
    match = _QUANT.fullmatch(quant)
    return bool(match and match.group(1) == "0")
