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

from bastion.normalize.ciphers import SHIFT_HINT
from bastion.normalize.cues import CUES
from bastion.normalize.instructions import GATE as INSTRUCTED
from bastion.normalize.result import Group, Work

INSTRUCTION: Final = "instruction"
_INSTRUCTED_RE: Final = re.compile(INSTRUCTED)
WITHHELD: Final = "withheld"

_CUE: Final = f"(?:{'|'.join(CUES)})"
_SUM_RE: Final = re.compile(
    r"(?P<pre>[A-Za-z0-9\-]?)[(（][ ]?(?P<terms>[0-9]{1,12}(?:[ ]?[+＋][ ]?[0-9]{1,12}){1,3})"
    r"[ ]?[)）](?P<post>[A-Za-z0-9\-.]?)"
)
_CUE_BEFORE_RE: Final = re.compile(f"{_CUE}[ \t:：]{{0,3}}(?:加|add|is|:|：)?[ \t:：]{{0,2}}$")

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
_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9_\-.]+")

_QUOTED: Final = r"""(?:'[A-Za-z0-9_\-.]{1,32}'|"[A-Za-z0-9_\-.]{1,32}")"""
_LIST: Final = rf"\[[ ]?{_QUOTED}(?:[ ]?,[ ]?{_QUOTED}){{1,5}}[ ]?,?[ ]?\]"
_SEP: Final = r"""(?P<q>['"])(?P<sep>[_\-.]?)(?P=q)"""
_JOIN_RE: Final = re.compile(
    rf"(?P<l1>{_LIST})\.join\([ ]?{_SEP}[ ]?\)"
    rf"|(?P<s2>['\"][_\-.]?['\"])\.join\([ ]?(?P<l2>{_LIST})[ ]?\)"
    rf"|(?i:implode|join)\([ ]?(?P<s3>['\"][_\-.]?['\"])[ ]?,[ ]?(?P<l3>{_LIST})[ ]?\)"
)
_PIECE_RE: Final = re.compile(r"""['"]([A-Za-z0-9_\-.]*)['"]""")

_SOUNDS: Final = {
    **dict.fromkeys("依衣伊医", "1"),
    **dict.fromkeys("尔儿耳饵", "2"),
    **dict.fromkeys("伞散叁山", "3"),
    **dict.fromkeys("寺死思丝司", "4"),
    **dict.fromkeys("无吾舞呜午", "5"),
    **dict.fromkeys("溜留刘流", "6"),
    **dict.fromkeys("妻期漆栖", "7"),
    **dict.fromkeys("巴吧扒疤", "8"),
    **dict.fromkeys("酒久玖韭", "9"),
    **dict.fromkeys("灵铃玲凌", "0"),
}
"""Characters read like a digit in Mandarin but not the numeral itself (the numerals are
``rules.cjk_numeral_pass``'s): ``依酒尔寺溜`` is 19246."""
SOUND_DIGITS: Final = frozenset(_SOUNDS)
"""The characters of :data:`_SOUNDS` (``extract.tails`` reads a host glued after one)."""
_SOUND_RE: Final = re.compile(
    rf"(?<=[A-Za-z0-9_\-])[{''.join(_SOUNDS)}一二三四五六七八九零〇]{{3,16}}"
)
_CUT_ID_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{1,30}[_\-](?=[\u3400-\u9fff])")
"""An id that ends in its joiner right before Chinese characters: the rest is written some
way Bastion could not read (``haoyun-``), so it is not an id."""

_DICE: Final = {chr(0x2680 + k): str(k + 1) for k in range(6)}
_CLOCKS: Final = {chr(0x1F550 + k): str(k + 1) for k in range(9)}
_UNSURE_FACES: Final = "".join(chr(cp) for cp in range(0x1F559, 0x1F568))
"""Ten to twelve o'clock and the half hours: one digit or two? Not for sure."""
_FACES: Final = "".join(_DICE) + "".join(_CLOCKS) + _UNSURE_FACES
_FACE_RUN_RE: Final = re.compile(
    rf"(?:[A-Za-z0-9\-]{{0,63}}[{_FACES}][\ufe0f]?){{1,63}}[A-Za-z0-9\-]{{0,63}}"
)
_LABEL_END_RE: Final = re.compile(r"[(\[{（【]?[ ]?[.。]")
"""What ends a host's label (``5🕘🕘🕘(.com``: the bracketed dot of a defanged host)."""
_ART_BEFORE: Final = frozenset("(|[{<\\/")
"""A bracket or stroke glued before the digits: ASCII art for a letter (``(f🕕🕗`` is ``cf68``)."""
_FACE_HINT_RE: Final = re.compile(
    r"(?i:dice|clock)|骰子|钟|表盘|(?:QQ|扣扣|微信|VX|WX|WhatsApp|WA|电话|手机)"
)

_MASK: Final = "▢□■▪◻◼⬜⬛●○◯✱✲＊*?？"
_MASKED_RE: Final = re.compile(
    rf"[A-Za-z0-9](?:[{_MASK}]{{1,6}}[A-Za-z0-9\-]{{0,63}}){{1,32}}(?:[.][A-Za-z0-9\-]{{1,63}}){{0,8}}"
    rf"[.][A-Za-z]{{2,24}}"
)
"""A host with characters masked out (``h▢c▢inyxuaa.xyz``, ``vwi**hethao.com``): whatever is
read, it is only its tail."""

TRIGGER: Final = (
    r"[(（][ ]?[0-9]{1,12}[ ]?[+＋]|(?i:between)|之间|中间|(?i:every[ ](?:other|second))|隔一"
    r"|\.join\(|(?i:implode)\(|[A-Za-z0-9_\-][" + "".join(_SOUNDS) + r"一二三四五六七八九零〇]{3}"
    r"|[\x{2680}-\x{2685}\x{1F550}-\x{1F567}]"
    r"|[A-Za-z0-9][" + re.escape(_MASK) + r"]{1,6}[A-Za-z0-9.]"
)
"""An RE2 superset of every pass here: they run only when it occurs."""


def edit_hints_pass(work: Work) -> None:
    """Sums, code joins, dice and clock digits, sound-alike digits: the value as told. Masked
    letters too, before markup reads ``netv*rg*n`` as emphasis, unless the text holds an
    instruction that may fill or drop them (then :func:`masked_pass`, after the readers)."""
    if _INSTRUCTED_RE.search(work.text) is None:
        _apply(work, _masked)
    _apply(work, _sums)
    _apply(work, _joins)
    _apply(work, _faces)
    _apply(work, _sounds)


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
    for m in _SUM_RE.finditer(text):
        glued = bool(m["pre"] or m["post"])
        if not glued and _CUE_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()) is None:
            continue
        start, end = m.start() + len(m["pre"]), m.end() - len(m["post"])
        if start < last:
            continue
        total = sum(int(t) for t in re.split("[ ]?[+＋][ ]?", m["terms"]))
        groups.append((INSTRUCTION, start, end, [(start, end, str(total))]))
        last = end
    return groups


def _joins(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _JOIN_RE.finditer(text):
        if m["l1"]:
            pieces, sep = m["l1"], m["sep"]
        elif m["l2"]:
            pieces, sep = m["l2"], m["s2"][1:-1]
        else:
            pieces, sep = m["l3"], m["s3"][1:-1]
        joined = sep.join(_PIECE_RE.findall(pieces))
        start, end = m.span()
        groups.append((INSTRUCTION, start, end, [(start, end, joined)]))
    return groups


def _faces(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _FACE_RUN_RE.finditer(text):
        run = m[0]
        hinted = _FACE_HINT_RE.search(text) is not None
        lettered = any("a" <= ch.lower() <= "z" for ch in run)
        if not hinted and not lettered and len(run) < 3:
            continue
        one_pip_only = set(run) & set(_FACES) <= {"⚀"}
        if one_pip_only and not hinted:
            continue  # ``bet⚀com``: a die with one pip is a dot (``normalize.defang``)
        start, end = m.span()
        label = _LABEL_END_RE.match(text, end) is not None
        leet = (lettered or label) and any(ch.isdigit() and ch.isascii() for ch in run)
        leet = leet or (start > 0 and text[start - 1] in _ART_BEFORE)
        if leet or any(ch in _UNSURE_FACES for ch in run):
            if hinted or lettered:
                groups.append((WITHHELD, start, end, []))
            continue
        edits = [
            (start + k, start + k + 1, _DICE.get(ch) or _CLOCKS.get(ch) or "")
            for k, ch in enumerate(run)
            if ch in _DICE or ch in _CLOCKS or ch == "\ufe0f"
        ]
        groups.append((INSTRUCTION, start, end, edits))
    return groups


def _sounds(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _SOUND_RE.finditer(text):
        run = m[0]
        if not any(ch in _SOUNDS for ch in run):
            continue  # plain numerals: rules.cjk_numeral_pass
        digits = "".join(_SOUNDS.get(ch) or _NUMERALS[ch] for ch in run)
        start, end = m.span()
        groups.append((INSTRUCTION, start, end, [(start, end, digits)]))
    return groups


_NUMERALS: Final = dict(zip("一二三四五六七八九零〇", "12345678900", strict=True))


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


def _inserts(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _INSERT_RE.finditer(text):
        a, b, c = (m["a1"], m["b1"], m["c1"]) if m["a1"] else (m["a2"], m["b2"], m["c2"])
        pair = (a + b).lower()
        tokens = _tokens_before(text, m.start())
        token = next((t for t in tokens if pair in _named(t[0]).lower()), None)
        if token is None:
            token = next((t for t in tokens if _hosty(t[0])), None)
            if token is not None:
                groups.append((WITHHELD, token.start(), token.end(), []))
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
        token = _before(text, m.start())
        if token is None or len(token[0]) < 6:
            continue
        value = token[0]
        start, end = token.span()
        if "." in value:
            groups.append((WITHHELD, start, end, []))
            continue
        edits = [(start + k, start + k + 1, "") for k in range(1, len(value), 2)]
        groups.append((INSTRUCTION, start, end, edits))
    return groups


def _masked(text: str) -> list[Group]:
    if SHIFT_HINT.search(text) is not None:
        return []  # ``sv**r.com (digits typed with shift)``: ``*`` is 8 (``normalize.ciphers``)
    return [(WITHHELD, m.start(), m.end(), []) for m in _MASKED_RE.finditer(text)]


def _cut_ids(text: str) -> list[Group]:
    return [(WITHHELD, m.start(), m.end(), []) for m in _CUT_ID_RE.finditer(text)]
