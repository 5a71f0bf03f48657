"""Values the message tells the reader to compute or edit, read as told or withheld.

A spammer writes the link or id wrong on purpose and says how to fix it: ``i9bet(16+7).com``
(do the sum: ``i9bet23.com``), ``QQ (2078020577+572334785)``,
``VX：hayun-45660 （a和y之间补一个o）`` (``haoyun-45660``),
``rzizczhx_jcvlwuwbv5j1z4x (read every other character)``,
``implode('_', ['crypto', 'club172'])``, ``haoyun-依酒尔寺溜`` (sound-alike digits), dice and
clock faces for digits (``we⚀win⚃;com``, ``4v0🕐.tv``). Read as written, each gives a value that
is another one (``i9bet.com``, the first number, ``haoyun-``): Bastion must never report it.

Each pass below applies the edit where the reading is certain (trick ``instruction``); where it
is not (the letters to insert between occur twice, a clock face past nine, a character masked
with ``▢`` or ``??``), the disguised token is marked ``withheld``: the finders still see it, the
scanner reports nothing for it and sends the item to review (``scan.withheld``).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize import code_joins, digit_forms
from bastion.normalize.ciphers import SHIFT_HINT
from bastion.normalize.cues import CUES
from bastion.normalize.instructions import GATE as INSTRUCTED
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_NUMERALS, DOT_CHARS

INSTRUCTION: Final = "instruction"
_INSTRUCTED_RE: Final = re.compile(INSTRUCTED)
WITHHELD: Final = "withheld"

_CUE: Final = f"(?:{'|'.join(CUES)})"
_SUM_RE: Final = re.compile(
    r"[(（][ ]?(?P<terms>[0-9]{1,12}(?:[ ]?[+＋][ ]?[0-9]{1,12}){1,3})[ ]?[)）]"
)
_GLUE: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.")
"""A sum glued to one of these is a piece of a name or an address (``(19+16).(176+9)``)."""
_CUE_BEFORE_RE: Final = re.compile(f"{_CUE}[ \t:：]{{0,3}}(?:加|add|is|:|：)?[ \t:：]{{0,2}}$")
_NUMBER_BEFORE_RE: Final = re.compile(
    f"{digit_forms.NUMBER_CUE}[ \t:：]{{0,3}}(?:me:?[ ]|加|add )?[ \t:：]{{0,2}}"
    r"\+?[0-9][0-9 \-]{0,15}$"
)
"""A sum among the digit groups of a cued number (``call 131 (4087+4730) 0489``)."""
_SUM_HINT_RE: Final = re.compile(
    r"(?i:do the sums?|add (?:it|them) up)|算一下|算一算|加起来|括号里"
)

_PAIR: Final = r"[A-Za-z0-9_\-]"
_INSERT_RE: Final = re.compile(
    rf"(?i:(?:put|add|insert)[ ](?:the|an?)[ ](?P<c1>{_PAIR})[ ](?:back[ ])?(?:in[ ])?between[ ]"
    rf"(?P<a1>{_PAIR})[ ]and[ ](?P<b1>{_PAIR}))"
    rf"|(?P<a2>{_PAIR})[ ]?[和与跟][ ]?(?P<b2>{_PAIR})[ ]?(?:之间|中间)"
    rf"(?:补|加|插入?|少了?|放)(?:回)?(?:一个|一|个)?(?:字母)?[ ]?(?P<c2>{_PAIR})"
)
_EVERY_OTHER_RE: Final = re.compile(
    r"(?i:read[ ]every[ ](?:other|second)[ ](?:character|letter|char)s?"
    r"|every[ ](?:other|second)[ ](?:character|letter)[ ]only)"
    r"|隔一个字读一个|隔一个读一个|隔一位读一位"
)
EVERY_OTHER_TRIGGER: Final = r"(?i:every[ ](?:other|second)[ ](?:character|letter|char))|隔一[个位]"
"""The hint's words, a pre-check clause: the value before it holds no dot a finder sees."""
_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9_\-.]+")

SOUND_DIGITS: Final = frozenset(digit_forms.SOUNDS)
"""The sound-alike digit characters (``extract.tails`` reads a host glued after one)."""
_CUT_ID_RE: Final = re.compile(
    rf"[A-Za-z0-9][A-Za-z0-9_\-]{{1,30}}[_\-](?=(?![{''.join(CJK_NUMERALS)}])[\u3400-\u9fff])"
)
"""An id that ends in its joiner right before Chinese characters: the rest is written some
way Bastion could not read (``haoyun-``), so it is not an id."""

_MASK: Final = "▢□■▪◻◼⬜⬛●○◯✱✲＊*?？"
_MASKED_RE: Final = re.compile(
    rf"[A-Za-z0-9](?:[{_MASK}]{{1,6}}+[A-Za-z0-9\-]{{0,63}}+){{1,32}}"
    rf"(?:[.][A-Za-z0-9\-]{{1,63}}){{0,8}}[.][A-Za-z]{{2,24}}"
)
"""A host with characters masked out (``h▢c▢inyxuaa.xyz``, ``vwi**hethao.com``): whatever is
read, it is only its tail. The runs are possessive: the masks and the letters are apart, so
splitting a run of stars another way (``***`` as 1+2, 2+1, 1+1+1) can only fail again, and
trying every split of 25 stars before a word with no TLD took seconds (fuzz run fuzz9)."""

TRIGGER: Final = (
    r"[(（][ ]?[0-9]{1,12}[ ]?[+＋]|(?i:between)|之间|中间|(?i:every[ ](?:other|second))|隔一"
    r"|"
    + code_joins.TRIGGER
    + "|"
    + digit_forms.TRIGGER
    + r"|[A-Za-z0-9]["
    + re.escape(_MASK)
    + r"]{1,6}[A-Za-z0-9.]"
)
"""An RE2 superset of every pass here: they run only when it occurs."""


def edit_hints_pass(work: Work) -> None:
    """Sums, code joins, dice and clock digits, sound-alike digits: the value as told. Masked
    letters too, before markup reads ``netv*rg*n`` as emphasis, unless the text holds an
    instruction that may fill or drop them (then :func:`masked_pass`, after the readers)."""
    if _INSTRUCTED_RE.search(work.text) is None:
        _apply(work, _masked)
    _apply(work, _sums)
    _apply(work, code_joins.joins)
    _apply(work, digit_forms.pictured)
    _apply(work, digit_forms.sounds)


def edit_instructions_pass(work: Work) -> None:
    """Letters to insert, every other character, ids cut at Chinese text."""
    _apply(work, _inserts)
    _apply(work, _every_other)
    _apply(work, _cut_ids)


def masked_pass(work: Work) -> None:
    """Masked letters that no instruction filled or dropped (``bob***sino.com（星号是ca）`` and
    ``bu*ll*dog*777.com without the *s`` are ``normalize.instructions``'): the host is withheld.
    """
    _apply(work, _masked)


def _apply(work: Work, reader: object) -> None:
    groups = reader(work.text)  # type: ignore[operator]
    if groups:
        work.apply(sorted(groups, key=lambda g: g[1]))


def _sums(text: str) -> list[Group]:
    groups: list[Group] = []
    last = -1
    hinted: bool | None = None
    for m in _SUM_RE.finditer(text):
        start, end = m.span()
        glued = text[start - 1 : start] in _GLUE or text[end : end + 1] in _GLUE
        if not glued and not _cued(text, start):
            if hinted is None:
                hinted = _SUM_HINT_RE.search(text) is not None
            if not hinted:
                continue
        if start < last:
            continue
        total = sum(int(t) for t in re.split("[ ]?[+＋][ ]?", m["terms"]))
        groups.append((INSTRUCTION, start, end, [(start, end, str(total))]))
        last = end
    return groups


def _cued(text: str, at: int) -> bool:
    return (
        _CUE_BEFORE_RE.search(text, max(0, at - 24), at) is not None
        or _NUMBER_BEFORE_RE.search(text, max(0, at - 40), at) is not None
    )


def _tokens_before(text: str, at: int) -> list[re.Match[str]]:
    """The tokens before ``at`` on its line, nearest first (what a hint speaks of)."""
    line_start = text.rfind("\n", 0, at) + 1
    return [
        m
        for m in reversed(list(_TOKEN_RE.finditer(text, max(line_start, at - 240), at)))
        if any(ch.isalnum() for ch in m[0]) and len(m[0].strip("-.")) >= 3
    ]


def _before(text: str, at: int) -> re.Match[str] | None:
    tokens = _tokens_before(text, at)
    return tokens[0] if tokens else None


def _named(value: str) -> str:
    """The name of a host token without its TLD (``realdealbet`` of ``realdealbet.com``)."""
    return value.rsplit(".", 1)[0] if "." in value.strip(".") else value


def _hosty(value: str) -> bool:
    return "." in value.strip(".") or any(ch.isdigit() for ch in value) or "_" in value


def _dot_after(text: str, end: int) -> bool:
    """A dot stand-in right after a token (``blbymhjva꘎info``, ``figa㸃ru``): the token is a
    host's name whose dot a later pass reads, so it counts as a host, not a word (``$329``)."""
    rest = text[end : end + 3].lstrip(" ")
    return bool(rest) and rest[0] in DOT_CHARS


def _inserts(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _INSERT_RE.finditer(text):
        a, b, c = (m["a1"], m["b1"], m["c1"]) if m["a1"] else (m["a2"], m["b2"], m["c2"])
        pair = (a + b).lower()
        tokens = _tokens_before(text, m.start())
        hosty = [t for t in tokens if _hosty(t[0]) or _dot_after(text, t.end())]
        token = next((t for t in hosty or tokens if pair in _named(t[0]).lower()), None)
        if token is None:  # the host or id lacks the pair (a word nearer may hold it: ``Main``)
            groups.extend((WITHHELD, t.start(), t.end(), []) for t in hosty)
            continue
        name = _named(token[0]).lower()
        start = token.start()
        if sum(name.startswith(pair, k) for k in range(len(name))) == 1:  # ``xxx``: twice
            at = start + name.index(pair) + 1
            groups.append((INSTRUCTION, start, token.end(), [(at, at, c.lower())]))
        else:
            groups.append((WITHHELD, start, token.end(), []))
    return groups


def _every_other(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _EVERY_OTHER_RE.finditer(text):
        filled = _filled(text, m.start())
        if filled is not None:
            start, end = filled
            edits = [(k, k + 1, "") for k in range(start + 1, end, 2)]
            groups.append((INSTRUCTION, start, end, edits))
            groups.append(("layout", start, end, []))  # a value cut in it is withheld (tails)
            continue
        tokens = _tokens_before(text, m.start())
        token = next((t for t in tokens if _hosty(t[0])), tokens[0] if tokens else None)
        if token is None or len(token[0]) < 6:
            continue
        value = token[0]
        start, end = token.span()
        if any(value[k] == "." for k in range(1, len(value), 2)):
            groups.append((WITHHELD, start, end, []))  # a dot among the fillers: which is it?
            continue
        edits = [(start + k, start + k + 1, "") for k in range(1, len(value), 2)]
        groups.append((INSTRUCTION, start, end, edits))
    return groups


MIN_FILLED: Final = 4
"""Characters (each with its filler) a run read every other character holds at least."""


def _filler(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _filled(text: str, at: int) -> tuple[int, int] | None:
    """``b旺a旺o好b旺a财o好_福c运…3财 （隔一个字读一个）``: the nearest run before the hint, on its
    line, where an ideograph follows every character, as a span; None when no run is so made
    (plain letters between letters are :func:`_every_other`'s own case)."""
    line_start = max(text.rfind("\n", 0, at) + 1, at - 240)
    for run in reversed(list(_RUN_RE.finditer(text, line_start, at))):
        end = run.end()
        start = end
        while (
            start - 2 >= run.start()
            and _filler(text[start - 1])
            and (text[start - 2].isalnum() or text[start - 2] in "._-@+")
        ):
            start -= 2
        kept = text[start:end:2]
        if len(kept) >= MIN_FILLED and 2 * sum(ch.isascii() for ch in kept) >= len(kept):
            return start, end
    return None


_RUN_RE: Final = re.compile(r"[^\s(（]+")


def _masked(text: str) -> list[Group]:
    if SHIFT_HINT.search(text) is not None:
        return []  # ``sv**r.com (digits typed with shift)``: ``*`` is 8 (``normalize.ciphers``)
    return [(WITHHELD, m.start(), m.end(), []) for m in _MASKED_RE.finditer(text)]


def _cut_ids(text: str) -> list[Group]:
    return [(WITHHELD, m.start(), m.end(), []) for m in _CUT_ID_RE.finditer(text)]
