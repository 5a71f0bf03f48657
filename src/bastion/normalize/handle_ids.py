"""Ids written in pieces right after a messenger cue: what a reader joins, joined here.

After ``微信``, ``QQ``, ``飞机``... (any disguise of them, ``bastion.normalize.cues``) the next
thing is an id, so pieces a reader puts together are one id there:

* single characters set apart by one repeated gap: ``V：x i a o m e i``, ``h · a · p · p · y``,
  ``l*i*n*d*a``, ``x\\u3000i\\u3000a``, one character a line, ``a-m-y---3-6`` (every other one a
  hyphen);
* pieces split by emoji or symbols, which no id holds: ``fu❤li❤274960``, ``kk73🔥943🔥vip``;
* digit groups after a QQ, WeChat or WhatsApp cue: ``377-916``, ``9520.60``, ``72-631-185-4``;
* Chinese numerals among the digits, financial and spoken ones too: ``九 六 六 四``,
  ``陆3零593肆``, ``两1柒63叁1``;
* the cue, the separator and the id on separate lines: ``V\\n：\\nduchang-2295``; spaces after
  an ``@`` (``飞机 @ bet_vip``);
* what an instruction right after the id says: ``ha去oyun掉88（去掉中文）`` drops the Chinese,
  ``66_nuyoah（倒过来）`` reads it backwards;
* look-alike letters in a QQ number: ``1O2254678`` (O for 0, l or I for 1).

A messenger's name spelled letter by letter (``W h a t s A p p``) is joined into the cue, and a
mainland mobile read aloud (``幺9幺30两八0八七七``, ``幺三八 一二三四 五六七八``) into digits,
wherever they stand.

Joining the pieces here, before the dot passes run, is also what keeps ``fu❤li`` from reading
as the host ``fu.li``: an id owned by a cue is never a host. Ids are only folded after a cue,
so prose with numerals, dates and prices is untouched; a lone-character cue (``薇``, ``扣``)
does not join digit groups (``扣 1500.50`` is an amount).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from bastion.normalize.cues import (
    CUE_LINE,
    CUE_QQ,
    CUE_TELEGRAM,
    CUE_WECHAT,
    CUE_WHATSAPP,
    CUES,
    FILL,
    SEP_CHARS,
    SYLLABLES,
    SYMBOLS,
)
from bastion.normalize.re2syntax import to_re2
from bastion.normalize.result import Edit, Group, Work
from bastion.normalize.tables import CJK_NUMERALS, DIGIT_WORDS

SPOKEN_DIGITS: Final = {**CJK_NUMERALS, "两": "2", "兩": "2", "洞": "0", "拐": "7", "勾": "9"}
"""Numerals read as digits in an id: Chinese, financial (壹贰叁), spoken (幺 for 1, 两 for 2)
and the radio readings (洞 for 0, 拐 for 7, 勾 for 9), only after a cue or eleven in a row."""
_NUM: Final = "".join(SPOKEN_DIGITS)
_TO_DIGITS: Final = str.maketrans(SPOKEN_DIGITS)
_NUM_: Final = _NUM + "_"
"""What marks a run after a cue and a line break as an id, not the next line's prose: a digit
(numerals too) or an ``_`` (``飞机👇`` then ``anking_official`` a letter a line)."""
_UNIT: Final = f"A-Za-z0-9_\\-{_NUM}"
_JUNK: Final = f" \t\r\n\u3000\xa0·‧•・.*#~^|/\\\\,，、。{SYMBOLS}"
"""Gaps a spammer puts between the pieces of an id."""
_ID_RUN: Final = f"[{_UNIT}]{{1,40}}(?:[{_JUNK}]{{1,3}}[{_UNIT}]{{1,40}}){{0,40}}"
_HANZI_JUNK: Final = f"(?:(?![{_NUM}])[\u4e00-\u9fff])"
_ID_RUN_HANZI: Final = (
    f"[{_UNIT}]{{1,40}}(?:(?:[{_JUNK}]|{_HANZI_JUNK}){{1,3}}[{_UNIT}]{{1,40}}){{0,40}}"
)
"""An id with Chinese characters put inside it, read when the message says to drop them."""
_CUE_SEP: Final = (
    f"(?:{SEP_CHARS}{{0,2}}[ \t](?:is|Is|IS)[ \t]{{1,2}}|(?:{SEP_CHARS}|\r?\n|@){{0,6}})"
)

_FIRST: Final = (
    "VvWwQqKkTtFfDdLlAaGg+➕＋加扌群纸紙瓦賴赖🐧✈🛩🛫🛬薇嶶威徽小绿🟢💚ᐯᎳ球秋ไラوㄨㄎㄑㄈㄉ卫텔"
    + "".join(SYLLABLES[s] for s in ("wei", "kou", "qi", "fei", "dian"))
)
"""Every character a cue can begin with: the pattern is only tried there."""
_CUE: Final = (
    f"(?=[{_FIRST}])(?:(?P<wechat>{CUE_WECHAT})|(?P<qq>{CUE_QQ})|(?P<telegram>{CUE_TELEGRAM})"
    f"|(?P<whatsapp>{CUE_WHATSAPP})|(?P<line>{CUE_LINE}))(?P<sep>{_CUE_SEP})"
)
_CUED_ID_RE: Final = re.compile(f"{_CUE}(?P<id>{_ID_RUN})")
_ID_RUN_RE: Final = re.compile(_ID_RUN)
_CUED_ID_HANZI_RE: Final = re.compile(f"{_CUE}(?P<id>{_ID_RUN_HANZI})")
_REMOVE: Final = (
    "去掉中文|去掉汉字|去除中文|删除中文|删掉中文|去中文|去汉字|(?i:remove (?:the )?chinese)"
)
_REVERSE: Final = "倒过来|反过来|倒着|反着|倒序|(?i:backwards|reversed?)"
REVERSE_WORDS: Final = _REVERSE
"""Words telling the reader to read an id backwards (a superset, for the pre-check)."""
_REVERSE_WHOLE: Final = (
    "(?:倒过来|反过来|倒着|反着|倒序)(?:[看读念写输打填加搜]|(?![\u4e00-\u9fff]))"
    "|(?i:(?:(?:type|read|enter|write|input|search|add)(?: it| this| the id)? )?"
    "(?:backwards|reversed?))\\b"
)
"""A whole instruction to reverse (``倒过来``, ``反着读``, ``倒着输入``, ``type it backwards``),
not a phrase (``倒过来的世界``)."""
_REMOVE_RE: Final = re.compile(_REMOVE)
_INSTRUCTION_RE: Final = re.compile(
    f"[ \t]{{0,2}}[（(【\\[「]?(?:(?P<remove>{_REMOVE})|(?P<reverse>{_REVERSE_WHOLE}))"
)
"""What the message tells the reader to do with the id just before: drop the Chinese characters
in it (``ha去oyun掉88（去掉中文）``) or read it backwards (``66_nuyoah（倒过来）``)."""
_SPOKEN_MOBILE_RE: Final = re.compile(
    f"(?<![0-9{_NUM}])[1幺一壹](?:(?P<gap>[ \u3000·\\-]{{0,2}})[0-9{_NUM}]"
    f"(?:(?P=gap)[0-9{_NUM}]){{9}}|[0-9{_NUM}]{{2}}(?P<group>[ \u3000·\\-]{{1,2}})"
    f"[0-9{_NUM}]{{4}}(?P=group)[0-9{_NUM}]{{4}})(?![0-9{_NUM}])"
)
"""A mainland mobile read aloud (``幺9幺30两八0八七七``): no prose has eleven numerals so."""
_CUE_NAMES: Final = ("whatsapp", "wechat", "weixin", "telegram", "line")


def _spelled(word: str, index: int) -> str:
    gap = f"g{index}"
    rest = "".join(f"(?P={gap}){c}" for c in word[2:])
    return f"{word[0]}(?P<{gap}>[ .*·\\-]{{1,3}}){word[1]}{rest}"


_SPELLED_CUE_RE: Final = re.compile(
    "(?i)(?<![a-z])(?:"
    + "|".join(_spelled(word, i) for i, word in enumerate(_CUE_NAMES))
    + ")(?![a-z])"
)
"""``W h a t s A p p``: a messenger's name spelled out is its name (never the host
``whats.app``)."""
_UNIT_BEFORE_RE: Final = re.compile(r"(?:^|(?<=[ .*·\-]))[A-Za-z0-9][ .*·\-]{1,3}\Z")
_UNIT_AFTER_RE: Final = re.compile(r"[ .*·\-]{1,3}[A-Za-z0-9](?![A-Za-z0-9])")
"""A single letter or digit spaced like the cue's letters, just before or after it (``24/7 L I N E``
has none: the ``7`` ends a word)."""
SPELLED_CUE_GATE: Final = (
    "(?i:" + "|".join("[ .*·\\-]{1,3}".join(word[:4]) for word in _CUE_NAMES) + ")"
)
SPOKEN_GATE: Final = (
    f"[1幺一壹](?:(?:[ \u3000·\\-]{{0,2}}[0-9{_NUM}]){{10}}"
    f"|[0-9{_NUM}]{{2}}[ \u3000·\\-]{{1,2}}[0-9{_NUM}]{{4}})"
)
"""A superset of the spoken mobile's trigger."""
NUMERAL_ID: Final = f"[{_NUM}](?:[{_JUNK}\\-_]{{0,3}}[0-9{_NUM}]){{4}}"
"""An id that starts with a numeral: five numerals or digits, pieces apart or not."""

_SPELL_GAP: Final = "[ \u3000·・\\-]"
_LONE_Q_SPACED_RE: Final = re.compile(
    f"(?<![A-Za-z0-9])(?P<cue>[Qq]|[扣蔻寇抠])(?P<gap>[ \t\u3000]{{1,2}})"
    f"(?P<id>[0-9{_NUM}](?P<g>{_SPELL_GAP})[0-9{_NUM}](?:(?P=g)[0-9{_NUM}]){{4,9}})"
    f"(?![0-9{_NUM}A-Za-z]|(?P=g)[0-9{_NUM}])"
)
LONE_Q_SPACED_GATE: Final = (
    f"(?:[Qq]|[扣蔻寇抠])[ \t\u3000]{{1,2}}[0-9{_NUM}]{_SPELL_GAP}[0-9{_NUM}]{_SPELL_GAP}"
    f"[0-9{_NUM}]{_SPELL_GAP}[0-9{_NUM}]{_SPELL_GAP}[0-9{_NUM}]{_SPELL_GAP}[0-9{_NUM}]"
)
"""RE2: a lone ``q`` or ``扣``, then six single numerals one gap apart (a superset of
:func:`_lone_q_spelled`)."""


def _lone_q_spelled(text: str) -> list[Group]:
    """``q 8 三 7 0 3 2 1 0``, ``扣 4-7-9-3-伍``: a lone ``q`` or ``扣`` and then a number spelled
    one numeral at a time, one gap throughout, six to eleven of them: no price, date or score is
    written so, and a reader takes it for a QQ number. The numerals become the digits and the
    gap after the cue a colon, the separator that makes a lone letter a cue (``q：83703210``)."""
    groups: list[Group] = []
    for m in _LONE_Q_SPACED_RE.finditer(text):
        digits = "".join(c for c in m["id"] if c != m["g"]).translate(_TO_DIGITS)
        if digits[0] == "0" or not digits.isdigit():
            continue
        start, end = m.span("gap")
        id_start, id_end = m.span("id")
        edits: list[Edit] = [(start, end, "："), (id_start, id_end, digits)]
        groups.append(("spaced_letters", start, id_end, edits))
    return groups


_LOOK_ALIKE_DIGITS: Final = "OoIliZzEASsGbTBgq"
CUED_GATE: Final = (
    f"{LONE_Q_SPACED_GATE}|"
    f"(?:{to_re2('|'.join(CUES))})(?:{_CUE_SEP}[{_UNIT}]+"
    f"(?:[{_JUNK}]{{1,3}}[{_UNIT}]|[{_NUM}]|[0-9][\\-_][0-9]|[A-Za-z0-9_]-[A-Za-z0-9_]-"
    f"|[0-9][{_LOOK_ALIKE_DIGITS}]|[{_LOOK_ALIKE_DIGITS}][0-9])"
    f"|{_CUE_SEP}{NUMERAL_ID}|{SEP_CHARS}{{0,6}}\r?\n|{_CUE_SEP}@[ \t\u3000]"
    "|[^\n]{0,8}[A-Za-z0-9_\\-][$*#%&!~=+|][A-Za-z0-9_\\-][$*#%&!~=+|])"
    f"|{SPELLED_CUE_GATE}|{_REMOVE}|{_REVERSE}"
)
"""A superset of the cued fold's trigger (RE2 syntax): a cue, then a gap inside an id, a
numeral, digit groups, a hyphen between every character, a line break, or a filler symbol
between characters (``k$i$k$i``)."""
_RUN_RE: Final = re.compile(f"[{_UNIT}]+")
_SYMBOL_RE: Final = re.compile(f"[{SYMBOLS}]+")
_DECORATION_RE: Final = re.compile(
    f"[ \t\u3000]{{1,2}}[{SYMBOLS}]{{1,3}}[ \t\u3000]{{0,2}}(?=[A-Za-z])"
)
"""``QQ：5351722 🔥 VIP``: an emoji set apart after an id decorates it; it is no dot (the id is
not the host ``5351722.vip``), so it becomes a line break, which no pass reads as a dot."""
_SPACED_SYMBOL_RE: Final = re.compile(f"[ \u3000][{SYMBOLS}]{{1,2}}[ \u3000]")
_DIGIT_GROUPS_RE: Final = re.compile(
    f"[0-9{_NUM}]{{1,5}}(?P<gap>[ \t\u3000]{{1,3}}(?:[\\-_·•.|/][ \t\u3000]{{1,3}})?"
    f"|[\\-_·•.|/、*]|[ \t]?-[ \t]?)[0-9{_NUM}]{{1,5}}(?:(?P=gap)[0-9{_NUM}]{{1,5}}){{0,10}}"
    f"(?![0-9{_NUM}A-Za-z])"
)
_DIGITS_RE: Final = re.compile(f"[0-9{_NUM}]+")
_LETTER_TO_DIGIT: Final = str.maketrans(_LOOK_ALIKE_DIGITS, "00111223455667899")
"""Letters drawn for the digits they look like (``BZS33l70``: B 8, Z 2, S 5, l 1)."""
_LETTER_DIGITS_RE: Final = re.compile(
    f"[1-9IliZzEASsGbTBgq][0-9{_LOOK_ALIKE_DIGITS}]{{4,10}}(?![A-Za-z0-9_\\-])"
)
_DATE_RE: Final = re.compile("(?:19|20)[0-9]{2}[^0-9]{1,3}[01]?[0-9][^0-9]{1,3}[0-3]?[0-9]")
_LONE: Final = frozenset("薇嶶威徽扣蔻寇抠赖")
_FILL_RE: Final = re.compile(FILL)
_INTERLEAVED_MIN: Final = 11
"""``a-m-y---3-6-4-9``: this many characters or more, every other one a hyphen, is one id
spelled out (no id is written that way)."""


def _interleaved(run: str) -> bool:
    return (
        len(run) >= _INTERLEAVED_MIN
        and len(run) % 2 == 1
        and all(run[i] == "-" for i in range(1, len(run), 2))
    )


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the unit runs in ``text[start:end]``."""
    return [m.span() for m in _RUN_RE.finditer(text, start, end)]


_NUMERAL_TAIL_RE: Final = re.compile(
    f"[A-Za-z][A-Za-z_\\-]{{1,19}}[0-9{_NUM}]{{0,8}}[{_NUM}][0-9{_NUM}]{{2,10}}"
)
"""``tianmi陆七三一``: letters, then the id's digits as numerals (three or more)."""
_WORD_TO_DIGIT: Final = {word: str(i) for i, word in enumerate(DIGIT_WORDS)} | {"oh": "0"}


def _spoken_tail(text: str, runs: list[tuple[int, int]]) -> Group | None:
    """``mohao one six seven seven``: an id's letters, then its digits said in English words
    (three or more, and nothing else after the letters)."""
    if len(runs) < 4:
        return None
    head = text[runs[0][0] : runs[0][1]]
    words = [text[a:b].lower() for a, b in runs[1:]]
    if (
        not head.isalpha()
        or len(head) < 2
        or head.lower() in _WORD_TO_DIGIT
        or not all(word in _WORD_TO_DIGIT for word in words)
    ):
        return None
    digits = "".join(_WORD_TO_DIGIT[word] for word in words)
    start, end = runs[0][0], runs[-1][1]
    return ("spaced_letters", start, end, [(runs[0][1], end, digits)])


def _uniform_singles(text: str, runs: list[tuple[int, int]]) -> int:
    """How many leading runs are single characters apart by one repeated gap (0 if < 5); the
    digits of an id may come last as one group after the same gap (``y y a 九陆九伍``,
    ``m*i*j*i*n*l*o*n*g*_*柒零二玖``), with three single characters or more before them."""
    count = 1
    if runs[0][1] - runs[0][0] != 1:
        return 0
    gap = text[runs[0][1] : runs[1][0]] if len(runs) > 1 else ""
    for (_, a_end), (b_start, b_end) in pairwise(runs):
        if text[a_end:b_start] != gap:
            break
        if b_end - b_start != 1:
            if count >= 3 and _DIGITS_RE.fullmatch(text, b_start, b_end):
                return count + 1
            break
        count += 1
    return count if count >= 5 else 0


def _symbol_split(text: str, runs: list[tuple[int, int]]) -> int:
    """How many leading runs are split by emoji or symbols (0 if fewer than two): touching
    (``fu❤li❤2749``), or spaced the same way each time (``kk73 🔥 943 🔥 vip``, three pieces or
    more: one spaced emoji after an id is decoration)."""
    gaps = [text[a_end:b_start] for (_, a_end), (b_start, _) in pairwise(runs)]
    count = 1
    for gap in gaps:
        if _SYMBOL_RE.fullmatch(gap) is None:
            break
        count += 1
    if count >= 2:
        return count
    count = 1
    for gap in gaps:
        if gap != gaps[0] or _SPACED_SYMBOL_RE.fullmatch(gap) is None:
            break
        count += 1
    return count if count >= 3 else 0


def _join(text: str, runs: list[tuple[int, int]]) -> list[Edit]:
    """Edits deleting the gaps between ``runs`` and turning numerals into digits."""
    edits: list[Edit] = []
    for i, (start, end) in enumerate(runs):
        if i:
            edits.append((runs[i - 1][1], start, ""))
        edits.extend(_numerals(text, start, end))
    return edits


def _numerals(text: str, start: int, end: int) -> list[Edit]:
    piece = text[start:end]
    folded = piece.translate(_TO_DIGITS)
    return [] if folded == piece else [(start, end, folded)]


def _digit_groups(text: str, start: int, kind: str, lone: bool, bare: bool) -> Group | None:
    """``377-916``, ``9520.60``, ``六、九、四``: digit groups with one repeated gap after a cue.
    Single digits end where a longer group starts (``QQ 1 2 3 4 5 6 7 8 2024``: a year), and
    after a bare letter (``Q: 1999.99``, a question and its answer) a decimal is a number."""
    m = _DIGIT_GROUPS_RE.match(text, start)
    if m is None or kind in ("telegram", "line") or _DATE_RE.fullmatch(m[0]):
        return None
    runs = [p.span() for p in _DIGITS_RE.finditer(text, m.start(), m.end())]
    singles = next((i for i, (a, b) in enumerate(runs) if b - a > 1), len(runs))
    if singles >= 5:
        runs = runs[:singles]
    elif lone:
        return None
    size = sum(b - a for a, b in runs)
    if not 5 <= size <= (11 if kind == "qq" else 15):
        return None
    decimal = len(runs) == 2 and m["gap"] == "." and runs[1][1] - runs[1][0] <= 2
    if bare and decimal:
        return None
    edits = _join(text, runs)
    return ("spaced_letters", runs[0][0], runs[-1][1], edits) if edits else None


def _letter_digits(text: str, start: int, end: int) -> Group | None:
    """``1O2254678``, ``894II54582``, ``BZS33l70``: after a QQ cue, a letter is the digit it
    looks like (a QQ number is digits only); a third of its characters at least must be
    digits, and its letters (but ``l``, ``O`` and ``o``) of one case."""
    m = _LETTER_DIGITS_RE.match(text, start, end)
    if m is None or m[0].isdigit():
        return None
    digits = sum(c.isdigit() for c in m[0])
    cases = {c.isupper() for c in m[0] if c.isalpha() and c not in "lOo"}  # O, o: one shape
    if digits < 2 or 3 * digits < len(m[0]) or len(cases) > 1:  # ``Bob12``: a name
        return None
    return ("leet", start, m.end(), [(start, m.end(), m[0].translate(_LETTER_TO_DIGIT))])


def _id_group(text: str, start: int, end: int, kind: str, core: str) -> Group | None:
    """The fold of the id run ``text[start:end]`` right after a cue (``core``: the cue without
    its filling and ``加``), if it needs one."""
    lone = core in _LONE
    digits = _digit_groups(text, start, kind, lone, core in ("V", "v", "Q", "q"))
    if digits is not None:
        return digits
    if kind == "qq" and not lone:
        letters = _letter_digits(text, start, end)
        if letters is not None:
            return letters
    runs = _pieces(text, start, end)
    spoken = _spoken_tail(text, runs)
    if spoken is not None:
        return spoken
    (first_start, first_end), first = runs[0], text[runs[0][0] : runs[0][1]]
    if _interleaved(first):
        compact = first[::2].translate(_TO_DIGITS)
        return ("spaced_letters", first_start, first_end, [(first_start, first_end, compact)])
    count = _uniform_singles(text, runs) or _symbol_split(text, runs)
    if count:
        kept = runs[:count]
        name = "spaced_letters"
    else:
        kept = runs[:1]
        name = "cjk_numeral"
    edits = _join(text, kept)
    if not edits:
        return None
    joined = "".join(text[a:b] for a, b in kept).translate(_TO_DIGITS)
    if len(joined) < 5 or (
        name == "cjk_numeral"
        and not joined.isdigit()
        and not _NUMERAL_TAIL_RE.fullmatch(text, kept[0][0], kept[0][1])
    ):
        return None
    return (name, kept[0][0], kept[-1][1], edits)


def _instructed(text: str, start: int, end: int) -> Group | None:
    """The id as the instruction after it says to read it, if one follows."""
    m = _INSTRUCTION_RE.match(text, end)
    if m is None:
        return None
    runs = _pieces(text, start, end)
    if m["remove"] and len(runs) > 1:
        return ("defang", start, end, _join(text, runs))
    ident = text[start:end]
    if m["reverse"] and len(runs) == 1 and len(ident) >= 5:
        return ("bidi", start, end, [(start, end, ident[::-1])])
    return None


def _plain_end(text: str, m: re.Match[str]) -> int:
    """Where the id run of ``m`` ends when Chinese characters are no gaps."""
    if m.re is _CUED_ID_RE:
        return m.end("id")
    plain = _ID_RUN_RE.match(text, m.start("id"))
    return plain.end() if plain else m.end("id")


def _sep_edits(sep: str, offset: int, id_has_digit: bool) -> list[Edit]:
    """Line breaks between a cue and its id go (a space where no separator is left), and so
    do spaces after an ``@`` (``飞机 @ bet_vip``)."""
    at = sep.rfind("@")
    if at >= 0 and sep[at + 1 :].strip(" \t\u3000") == "" and len(sep) > at + 1:
        return [(offset + at + 1, offset + len(sep), "")]
    if "\n" not in sep or not id_has_digit:
        return []
    strong = any(c in ":：" for c in sep)
    edits: list[Edit] = []
    for m in re.finditer("[ \t]*\r?\n[ \t]*", sep):
        edits.append((offset + m.start(), offset + m.end(), "" if strong else " "))
    if not strong and edits:
        edits = edits[:1] + [(a, b, "") for a, b, _ in edits[1:]]
    return edits


TICKER_TRIGGER: Final = "[收换換兑兌出买買卖賣求](?i:usdt|usdc|busd|btc|trx)[A-Za-z0-9]"
"""``收usdthaoyun430x 是我V``, ``收usdtvx 8144_uwiac``: a coin's ticker after a trading verb
(RE2 syntax; a superset of the glued-ticker fold's trigger)."""
_TICKER_RE: Final = re.compile(
    "(?<=[收换換兑兌出买買卖賣求])(?i:usdt|usdc|busd|btc|trx)(?=[A-Za-z0-9])"
)


def glued_ticker_pass(work: Work) -> None:
    """Set a coin's ticker apart from the id or cue glued after it (``收usdt haoyun430x``): a
    reader sees "take USDT" and then the id; read glued, the id would be ``usdthaoyun430x``."""
    groups: list[Group] = [
        ("spaced_letters", m.start(), m.end(), [(m.start(), m.end(), m[0] + " ")])
        for m in _TICKER_RE.finditer(work.text)
    ]
    work.apply(groups)


SPOKEN_SYMBOL_TRIGGER: Final = (
    "(?i:underscore|under score|underline|low line|dash[)）]|hyphen[)）]"
    "|[ ](?:dash|hyphen|minus)[ ]{1,2}[0-9])"
    "|下划线|下劃線|底线|底線|底杠|下横线|下橫線|横杠|横线|中划线|短横线|减号|[A-Za-z0-9]杠[A-Za-z0-9]"
)
"""A superset of the spoken-symbol fold's trigger (RE2 syntax)."""
_UNDERSCORE: Final = "(?i:underscore|under score)|下划线|下劃線|底线|底線"
_SPOKEN_SYMBOL_RE: Final = re.compile(
    "(?<=[A-Za-z0-9])(?:"
    f"[ ]{{0,2}}[(（](?P<u>{_UNDERSCORE})[)）][ ]{{0,2}}"
    "|[ ]{1,2}(?P<u2>(?i:underscore|underline|low[ ]line))[ ]{1,2}"
    "|(?P<u3>下划线|下劃線|底线|底線|底杠|下横线|下橫線)"
    "|[ ]{1,2}(?P<h2>(?i:dash|hyphen|minus))[ ]{1,2}(?=[0-9])"
    "|(?P<h3>横杠|横线|中划线|短横线|减号|杠)"
    "|[ ]{0,2}[(（](?P<h>(?i:dash|hyphen)|横杠|中划线|减号)[)）][ ]{0,2})"
    "(?=[A-Za-z0-9])"
)
"""``cocojia underscore 36234``, ``baoyu(下划线)14381``, ``qi(dash)club``, ``yunwin dash 91215``,
``vipling横杠81071``, ``bjl底线2575``, ``kefu减号8533``, ``meimei minus 85819``: an id's symbol
said as a word; read as the word, the id would end before it
(``cocojia``, a wrong handle). A bare spaced ``dash`` counts only before digits (``a dash of``)."""


def _under(m: re.Match[str]) -> bool:
    return bool(m["u"] or m["u2"] or m["u3"])


def spoken_symbol_pass(work: Work) -> None:
    """Write an id's symbol said as a word as the symbol (``_``, ``-``)."""
    groups: list[Group] = [
        ("spaced_letters", m.start(), m.end(), [(m.start(), m.end(), "_" if _under(m) else "-")])
        for m in _SPOKEN_SYMBOL_RE.finditer(work.text)
    ]
    work.apply(groups)


_CHAT_STAMP: Final = re.compile("[ \t]{0,4}[\\[(【]?[0-9]{1,2}:[0-9]{2}")
_FILLER_SYMBOLS: Final = "$*#%&!~^=+|"
_FILLED_RE: Final = re.compile(
    f"{_CUE}(?P<id>[A-Za-z0-9_\\-](?P<f>[{re.escape(_FILLER_SYMBOLS)}])[A-Za-z0-9_\\-]"
    "(?:(?P=f)[A-Za-z0-9_\\-]){2,40})[ \t]{0,2}[(（](?P<say>[^)）\n]{1,24})[)）]"
)
_DROP_WORDS: Final = re.compile(
    "(?i:remove|delete|drop|without|ignore|skip|take out|leave out)"
    "|去掉|去除|删掉|删除|删去|不要|忽略"
)


def _filled(text: str) -> list[Group]:
    """``k$i$k$i$n$a$_$4$3 (remove every $)``, ``b$e$i（把$全部去掉）``: a symbol between every
    character of the id after a cue, and right after the id, in brackets, the message says to
    drop that symbol (the whole id: ``m*i*_*柒零（去掉星号）`` is joined elsewhere)."""
    groups: list[Group] = []
    if "(" not in text and "（" not in text:  # the pattern's bracket: no need to look for cues
        return groups
    for m in _FILLED_RE.finditer(text):
        say, fill = m["say"], m["f"]
        if fill not in say or _DROP_WORDS.search(say) is None:
            continue
        start, end = m.span("id")
        edits: list[Edit] = [(i, i + 1, "") for i in range(start, end) if text[i] == fill]
        groups.append(("defang", start, end, edits))
    return groups


_CUE_THEN_REVERSE_RE: Final = re.compile(
    f"{_CUE}(?P<say>[,，]?[ \t]{{0,2}}[（(【\\[「]?[ \t]{{0,2}}(?:{_REVERSE_WHOLE})"
    "[^:：)）】\\]」\n]{0,12}"
    f"[)）】\\]」]?)(?P<colon>[ \t]{{0,2}}[:：=＝]?[ \t]{{0,2}})(?:@[ \t]{{0,2}})?"
    "(?P<id>[A-Za-z0-9][A-Za-z0-9_\\-]{4,31})(?![A-Za-z0-9_\\-])"
)
"""``微信（倒着输）65579_imnait``, ``V信号反过来：58624ykcul``, ``QQ (read it backwards): 4321987``:
the instruction to reverse stands between the cue and the id."""
_REVERSE_WORD: Final = re.compile("[倒反]|(?i:backwards|reverse)")
"""In every match of ``_REVERSE_WHOLE``: a search for it costs far less than for the cues."""


def _reversed_after_cue(text: str) -> list[Group]:
    """The id read backwards, and the instruction between it and its cue dropped (a reader
    follows it; left in place it would part the cue from its id). The reversed id must carry a
    digit or an ``_``, as an id after a cue does."""
    groups: list[Group] = []
    if _REVERSE_WORD.search(text) is None:  # each match holds one: no need to look for cues
        return groups
    for m in _CUE_THEN_REVERSE_RE.finditer(text):
        ident = m["id"][::-1]
        if not any(c.isdigit() or c == "_" for c in ident) or not ident[0].isalnum():
            continue
        say_start, say_end = m.span("say")
        sep = m["sep"]
        opened = len(sep) - len(sep.rstrip("（(【[「"))
        say_start -= opened  # the bracket opening the instruction went to the cue's separator
        gap = "" if sep[: len(sep) - opened] or m["colon"] else " "
        start, end = m.span("id")
        edits: list[Edit] = [(say_start, say_end, gap), (start, end, ident)]
        groups.append(("bidi", say_start, end, edits))
    return groups


def cued_id_pass(work: Work) -> None:
    """Join the pieces of an id written right after a messenger cue (see the module doc)."""
    work.apply(_reversed_after_cue(work.text))
    work.apply(_lone_q_spelled(work.text))
    spelled: list[Group] = []
    for m in _SPELLED_CUE_RE.finditer(work.text):
        if _UNIT_BEFORE_RE.search(
            work.text, max(0, m.start() - 4), m.start()
        ) or _UNIT_AFTER_RE.match(work.text, m.end()):
            continue  # ``h o t l i n e . c o m``: a cue's letters inside longer spaced text
        width = 1 + len(next(g for g in m.groups() if g))
        edits: list[Edit] = [(i, i + width - 1, "") for i in range(m.start() + 1, m.end(), width)]
        spelled.append(("spaced_letters", m.start(), m.end(), edits))
    work.apply(spelled)
    work.apply(_filled(work.text))
    text = work.text
    groups: list[Group] = []
    pattern = _CUED_ID_HANZI_RE if _REMOVE_RE.search(text) else _CUED_ID_RE
    for m in pattern.finditer(text):
        kind = next(k for k in ("wechat", "qq", "telegram", "whatsapp", "line") if m[k])
        core = _FILL_RE.sub("", m[kind]).lstrip("加")
        group = _instructed(text, m.start("id"), m.end("id"))
        if group is None:
            group = _id_group(text, m.start("id"), _plain_end(text, m), kind, core)
        ident = m["id"] if group is None else text[group[1] : group[2]]
        if "\n" in m["sep"] and _CHAT_STAMP.match(text, m.start("sep") + m["sep"].rfind("\n") + 1):
            continue  # the next line of a chat log, its time first: not the id
        sep = _sep_edits(m["sep"], m.start("sep"), any(c.isdigit() or c in _NUM_ for c in ident))
        if sep:
            end, edits = (group[2], sep + group[3]) if group else (m.start("id"), sep)
            group = ("spaced_letters", m.start("sep"), end, edits)
        plain = _RUN_RE.match(text, m.start("id"))
        id_end = group[2] if group else plain.end() if plain else m.end("id")
        decoration = _DECORATION_RE.match(text, id_end)
        if decoration is not None:
            start, end = decoration.span()
            if group is None:
                group = ("spaced_letters", start, end, [])
            group = (group[0], group[1], end, [*group[3], (start, end, "\n")])
        if group is not None:
            groups.append(group)
    work.apply(groups)


def spoken_mobile_pass(work: Work) -> None:
    """``幺9幺30两八0八七七`` -> ``19130280877``: a mobile read aloud, 幺 and 两 included, one
    gap throughout or in its 3-4-4 groups (``幺三八 一二三四 五六七八``)."""
    groups: list[Group] = []
    for m in _SPOKEN_MOBILE_RE.finditer(work.text):
        written = "".join(_DIGITS_RE.findall(m[0]))
        digits = written.translate(_TO_DIGITS)
        if digits != written and digits[1] in "3456789":
            start, end = m.span()
            groups.append(("cjk_numeral", start, end, [(start, end, digits)]))
    work.apply(groups)
