"""Static analysis of regexp rules, so most of them cost nothing at lookup time.

Feed regexps (v2fly's ``regexp:`` rules) are almost all of the form ``(^|\\.)BODY$`` where BODY
is a finite language: literals, small character classes, alternations and bounded repeats, e.g.
``(^|\\.)18tv[1-5]\\.com$``. Such a rule matches a host exactly when the host *is*, or ends with
``.`` plus, one of BODY's strings: it is a set of ``domain`` rules. ``fold_suffixes`` enumerates
that set (bounded), and the compiler puts the strings into the host trie, where the one walk
every lookup does anyway finds them.

The rest (unbounded repeats, ``.``, flags, ...) stay RE2 rules; ``required_literals`` finds
substrings one of which every match must contain, so a lookup runs RE2 only on hosts that an
Aho-Corasick pass over those literals lets through.

The parser accepts a small subset of RE2 syntax and gives up (``None``) on anything else, so
the analysis is exact for what it accepts and merely unhelpful for the rest.
"""

from __future__ import annotations

from typing import Final

FOLD_LIMIT: Final = 65_536
MAX_DEPTH: Final = 32
_DIGITS: Final = frozenset("0123456789")
_SPECIAL: Final = frozenset(".^$*+?()[]{}|\\")
_QUANTIFIERS: Final = frozenset("?*+{")

# AST: ("lit", c) | ("set", chars) | ("any",) | ("bol",) | ("eol",) | ("group", alternatives)
# | ("rep", node, min, max or -1); an alternative is a list of nodes.
Node = tuple[object, ...]


class _Unsupported(Exception):
    pass


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0
        self.depth = 0

    def parse(self) -> list[list[Node]]:
        alternatives = self._alternatives()
        if self.pos != len(self.text):
            raise _Unsupported
        return alternatives

    def _alternatives(self) -> list[list[Node]]:
        alternatives = [self._sequence()]
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            alternatives.append(self._sequence())
        return alternatives

    def _sequence(self) -> list[Node]:
        nodes: list[Node] = []
        text = self.text
        while self.pos < len(text) and text[self.pos] not in "|)":
            node = self._atom()
            if self.pos < len(text) and text[self.pos] in _QUANTIFIERS:
                if node[0] in ("bol", "eol"):
                    raise _Unsupported
                node = self._quantified(node)
            nodes.append(node)
        return nodes

    def _atom(self) -> Node:
        char = self.text[self.pos]
        self.pos += 1
        if char == "(":
            if self.text.startswith("?:", self.pos):
                self.pos += 2
            elif self.text.startswith("?P<", self.pos):
                close = self.text.find(">", self.pos)
                if close < 0:
                    raise _Unsupported
                self.pos = close + 1
            elif self.text.startswith("?", self.pos):
                raise _Unsupported  # flags such as (?i) change what literals mean
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _Unsupported
            alternatives = self._alternatives()
            self.depth -= 1
            if self.pos >= len(self.text) or self.text[self.pos] != ")":
                raise _Unsupported
            self.pos += 1
            return ("group", alternatives)
        if char == "[":
            return ("set", self._class())
        if char == "\\":
            return self._escape()
        if char == ".":
            return ("any",)
        if char == "^":
            return ("bol",)
        if char == "$":
            return ("eol",)
        if char in _SPECIAL:
            raise _Unsupported
        return ("lit", char)

    def _escape(self) -> Node:
        if self.pos >= len(self.text):
            raise _Unsupported
        char = self.text[self.pos]
        self.pos += 1
        if char == "d":
            return ("set", _DIGITS)
        if char.isascii() and not char.isalnum():
            return ("lit", char)
        raise _Unsupported

    def _class(self) -> frozenset[str]:
        text = self.text
        if self.pos < len(text) and text[self.pos] == "^":
            raise _Unsupported
        chars: set[str] = set()
        first = True
        while True:
            if self.pos >= len(text):
                raise _Unsupported
            char = text[self.pos]
            if char == "]" and not first:
                self.pos += 1
                return frozenset(chars)
            first = False
            self.pos += 1
            if char == "[":
                raise _Unsupported  # [[:alpha:]]
            if char == "\\":
                escaped = self._escape()
                if escaped[0] == "set":
                    chars.update(escaped[1])  # type: ignore[arg-type]
                    continue
                char = str(escaped[1])
            if (
                text.startswith("-", self.pos)
                and self.pos + 1 < len(text)
                and text[self.pos + 1] != "]"
            ):
                end = text[self.pos + 1]
                if end == "\\" or ord(end) < ord(char):
                    raise _Unsupported
                self.pos += 2
                chars.update(chr(code) for code in range(ord(char), ord(end) + 1))
            else:
                chars.add(char)

    def _quantified(self, node: Node) -> Node:
        char = self.text[self.pos]
        self.pos += 1
        if char == "?":
            low, high = 0, 1
        elif char == "*":
            low, high = 0, -1
        elif char == "+":
            low, high = 1, -1
        else:
            close = self.text.find("}", self.pos)
            if close < 0:
                raise _Unsupported
            low_text, comma, high_text = self.text[self.pos : close].partition(",")
            if not low_text.isdigit() or not (high_text.isdigit() or not high_text):
                raise _Unsupported
            low = int(low_text)
            high = int(high_text) if high_text else (-1 if comma else low)
            if (high != -1 and high < low) or low > 1000 or high > 1000:
                raise _Unsupported
            self.pos = close + 1
        if self.pos < len(self.text) and self.text[self.pos] == "?":
            self.pos += 1  # lazy: same language
        if self.pos < len(self.text) and self.text[self.pos] in _QUANTIFIERS:
            raise _Unsupported
        return ("rep", node, low, high)


def _parse(pattern: str) -> list[list[Node]] | None:
    try:
        return _Parser(pattern).parse()
    except _Unsupported:
        return None


class _TooMany(Exception):
    pass


def _merge_literals(nodes: list[Node]) -> list[Node]:
    """Runs of literal characters as one literal, so a set followed by a long literal costs one
    concatenation per string instead of one per character (``[a-z]{3}aaaa…``)."""
    merged: list[Node] = []
    run: list[str] = []
    for node in nodes:
        if node[0] == "lit":
            run.append(str(node[1]))
            continue
        if run:
            merged.append(("lit", "".join(run)))
            run = []
        merged.append(node)
    if run:
        merged.append(("lit", "".join(run)))
    return merged


def _expand_sequence(nodes: list[Node], limit: int) -> set[str]:
    strings = {""}
    for node in _merge_literals(_flatten(nodes)):
        options = _expand_node(node, limit)
        if len(strings) * len(options) > limit:
            raise _TooMany
        strings = {head + tail for head in strings for tail in options}
    return strings


def _expand_node(node: Node, limit: int) -> set[str]:
    kind = node[0]
    if kind == "lit":
        return {str(node[1])}
    if kind == "set":
        chars: frozenset[str] = node[1]  # type: ignore[assignment]
        if len(chars) > limit:
            raise _TooMany
        return set(chars)
    if kind == "group":
        alternatives: list[list[Node]] = node[1]  # type: ignore[assignment]
        result: set[str] = set()
        for alternative in alternatives:
            result |= _expand_sequence(alternative, limit)
            if len(result) > limit:
                raise _TooMany
        return result
    if kind == "rep":
        inner: Node = node[1]  # type: ignore[assignment]
        low, high = int(str(node[2])), int(str(node[3]))
        if high < 0:
            raise _TooMany
        unit = _expand_node(inner, limit)
        result, current = set(), {""}
        for count in range(high + 1):
            if count >= low:
                result |= current
                if len(result) > limit:
                    raise _TooMany
            if count < high:
                if len(current) * len(unit) > limit:
                    raise _TooMany
                current = {head + tail for head in current for tail in unit}
        return result
    raise _TooMany  # any, bol, eol inside the body


def _is_label_start(node: Node) -> bool:
    """``(^|\\.)`` or ``(\\.|^)``, capturing or not."""
    if node[0] != "group":
        return False
    alternatives: list[list[Node]] = node[1]  # type: ignore[assignment]
    shapes = sorted(tuple(alternative) for alternative in alternatives)
    return shapes == [(("bol",),), (("lit", "."),)]


def fold_suffixes(pattern: str, limit: int = FOLD_LIMIT) -> list[str] | None:
    """The strings S such that ``pattern`` matches a host iff it is, or ends with ``.`` + S.

    ``None`` when the pattern is not ``(^|\\.)BODY$`` with a finite BODY of at most ``limit``
    strings. The empty string is left out (it would match only an empty host).
    """
    parsed = _parse(pattern)
    if parsed is None or len(parsed) != 1:
        return None
    nodes = parsed[0]
    if len(nodes) < 3 or not _is_label_start(nodes[0]) or nodes[-1] != ("eol",):
        return None
    try:
        strings = _expand_sequence(nodes[1:-1], limit)
    except _TooMany:
        return None
    return sorted(s for s in strings if s)


def _flatten(nodes: list[Node]) -> list[Node]:
    flat: list[Node] = []
    for node in nodes:
        alternatives = node[1] if node[0] == "group" else None
        if isinstance(alternatives, list) and len(alternatives) == 1:
            flat.extend(_flatten(alternatives[0]))
        else:
            flat.append(node)
    return flat


def required_literals(pattern: str) -> list[str] | None:
    """Substrings one of which every match of ``pattern`` contains, or ``None`` if unknown.

    One literal per top-level alternative: the longest run of plain characters in it.
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    literals: list[str] = []
    for alternative in parsed:
        best, run = "", ""
        for node in [*_flatten(alternative), ("end",)]:
            if node[0] == "lit":
                run += str(node[1])
                continue
            if len(run) > len(best):
                best = run
            run = ""
        if not best:
            return None
        literals.append(best)
    return sorted(set(literals))
