"""Readings a careful reader may take but cannot be sure of: a second, guessed reading.

Some disguises have two readings. ``xnx-vi🀄deos.fun`` is ``xnx-videos.fun`` (an emoji inside a
name) or ``xnx-vi.deos.fun`` (an emoji as a dot); ``四k-netflix.net`` starts with a numeral or a
Chinese word; ``levieuxsinge_com``, ``today,in``, ``freexvideosdiantv`` and ``abc 后缀是 com``
are a host only if ``_``, ``,``, a glued ``dian`` or the words around them stand for a dot.

The main reading marks a host cut out of a longer word (trick ``split_word``) and leaves the
guesses alone, so handles (``kefu_vip``) and prose are read as before. When a guess can apply,
the unmasker builds a second reading with the guesses folded (tricks ``weak_dot`` and
``weak_join``); every host either reading makes from a guess is flagged ``prose_like`` and kept
by the scanner only when the intel lists it, so a guess never gives benign text a new host and
never reports a site the text may not hold.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize import leet
from bastion.normalize.hostwords import PROSE_SAFE_TLDS
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_NUMERALS, DOT_EMOJI
from bastion.suffixes import is_tld

_AN: Final = "A-Za-z0-9"
_NUMERALS: Final = "".join(CJK_NUMERALS)
_DOTS: Final = r"(?:\s{0,2}(?:\.|。|点|點|．)\s{0,2}|\s{1,2}(?i:dot)\s{1,2})"
PICTOGRAPHS: Final = DOT_EMOJI + "\u2600-\u27bf\U0001f000-\U0001f2ff"
"""Emoji, dingbats and game pieces (``🀄``) a spammer glues inside a name."""
_TAIL: Final = rf"-?[{_AN}][{_AN}\-]{{0,62}}{_DOTS}[A-Za-z]"
"""The rest of a host after a cut: a label, then a dot and the start of a TLD."""

_SPLIT_RE: Final = re.compile(
    rf"(?P<emoji>(?<=[{_AN}\-])(?<![{PICTOGRAPHS}][{_AN}])[{PICTOGRAPHS}]{{1,3}}(?={_TAIL}))"
    rf"|(?P<numeral>(?<![{_AN}{_NUMERALS}\-])[{_NUMERALS}]"
    rf"(?=[{_AN}][{_AN}\-]{{0,62}}{_DOTS}[A-Za-z]))"
    rf"|(?P<line>(?<=://)[{_AN}\-]{{1,63}}(?P<gap>[ \t]{{0,4}}\r?\n[ \t]{{0,4}})(?={_TAIL}))"
    rf"|(?P<mask>(?:(?<=[{_AN}])|(?<![{_AN}\-./=&*?？□■]))[*?？□■]"
    rf"(?=-?[{_AN}][{_AN}\-]{{0,62}}{_DOTS}[A-Za-z]))"
    rf"|(?<=[.。．点點])(?P<head>[A-Za-z]{{1,10}})(?P<tld>[{PICTOGRAPHS}]{{1,3}})"
    rf"(?=(?P<rest>[A-Za-z0-9]{{1,10}})(?![{_AN}\-.。．点點]))"
)
"""Where a word may have been cut: an emoji glued inside a name that goes on to its dot
(``xnx-vi🀄deos.fun``; not the last gap of letters spaced by emoji, ``b🎲e🎲t🎲8.com``), one
Chinese numeral glued before a name (``四k-netflix。net``: four, or a word), a line break after
a scheme's first piece (``https://porn\\npatrons.com``), an emoji inside a TLD (``bet.c🎰om``), a
character masked out of a name (``cas*noonline88.vip``, ``mi?et.cc``, ``*wicopy.com``,
``fre*-porn.club``: the tail is no host; the second readings try every character in the mask,
:mod:`bastion.normalize.readings`), not a markdown star pair (``*bet.com*``)."""
SPLIT_GATE: Final = (
    rf"[{_AN}\-][{PICTOGRAPHS}]{{1,3}}-?[{_AN}]"
    rf"|[{_NUMERALS}][{_AN}][{_AN}\-]{{0,62}}{_DOTS}[A-Za-z]"
    rf"|://[{_AN}\-]{{1,63}}[ \t]{{0,4}}\r?\n"
    rf"|[{_AN}][*?？□■]-?[{_AN}]|(?:^|[^{_AN}\-./=&])[*?？□■][{_AN}][{_AN}\-]{{0,62}}[.。点點．]"
    rf"|[.。．点點][A-Za-z]{{1,10}}[{PICTOGRAPHS}]{{1,3}}[A-Za-z0-9]"
)
"""A superset of ``_SPLIT_RE`` for the unmasker's gate (no look-around)."""

_LABEL_RE: Final = re.compile(rf"-?[{_AN}][{_AN}\-]{{0,62}}")

_TLDISH: Final = r"[A-Za-z][A-Za-z0-9〇○◯]{1,23}|[0-9〇○◯][A-Za-z0-9]{1,23}"
"""A TLD, maybe spelt with look-alike digits (``c0m``): read by :func:`_tld_reading`."""
_STAND_IN_RE: Final = re.compile(
    rf"(?<=[{_AN}])(?P<sep>_{{1,2}}|[,，、‚﹐､])(?P<tld>{_TLDISH})(?![{_AN}\-_@])"
)
"""``levieuxsinge_com``, ``happyliffe__click``, ``www.today,in``, ``sot、ae``: a stand-in dot
before a word that is a TLD."""
_ASCII_DOT_RE: Final = re.compile(
    rf"(?<=[{_AN}]{{3}})(?P<sep>[;:!|`]|'(?!(?i:re|ve|em)(?![A-Za-z])))"
    rf"(?P<tld>[A-Za-z]{{2,24}})(?![{_AN}\-_@'`])"
)
"""``taurusarmoryusa;com``, ``bitsaloon:com``, ``pornohotxxx!com``, ``tomwaterhouse'com``: ASCII
punctuation for the dot before a TLD. Prose puts the same marks there (``note:info``,
``yes!net``), so the guess is only ever kept for a listed host; an apostrophe before ``re``,
``ve`` or ``em`` is English (``you're``, ``how've``), never a dot."""
_DIAN_RE: Final = re.compile(
    rf"(?<=[{_AN}]{{2}})(?P<sep> ?(?:dian|DIAN|Dian))(?=(?P<tld>{_TLDISH})(?![{_AN}\-]))"
)
"""``freexvideosdiantv``, ``188bet diancom``: the pinyin of 点 glued to a name or its TLD."""
_DESCRIBED_RE: Final = re.compile(
    rf"(?<=[{_AN}])(?P<sep>\s{{0,2}}[，,]?\s{{0,2}}[（(]?\s{{0,2}}"
    r"(?:后缀(?:是|为|名)?|域名后缀|后面加上?|后面是|再加上?|加上|结尾是?)[：:]?\s{0,2}"
    r"(?:[.。点．]|dot\s)?\s{0,2})"
    rf"(?P<tld>{_TLDISH})(?P<close>\s{{0,2}}[）)])?(?![{_AN}\-])"
)
"""``abc 后缀是 com``, ``域名abc，后缀com``, ``abc（后面加.com）``, ``abc 加上 .com``: the TLD
described in words after the name."""
_GLUED_DOT_RE: Final = re.compile(
    rf"(?<=[a-z0-9]{{3}})(?P<sep>dot)(?P<tld>com|net|org|info|xyz|top|vip|club|site|shop|cc|tv"
    rf"|bet|win|live|pro|io|me|co)(?![{_AN}\-])"
)
"""``lovesexbodydotcom``: the dot word glued to the name and its TLD, lower case."""
_GLUED_CAPS: Final = "COM|NET|ORG|INFO|XYZ|TOP|VIP|CLUB|SITE|SHOP|CC|TV|BET|WIN|LIVE|PRO|IO|ME|CO"
_GLUED_DOT_CAPS_RE: Final = re.compile(
    rf"(?<=[A-Z0-9]{{3}})(?P<sep>DOT)(?P<tld>{_GLUED_CAPS})(?![{_AN}\-])"
)
"""``EKASIWAPDOTCOM``, ``SXYPRNDOTTOP``: the same in capitals (a username shouts)."""
GLUED_CAPS_TRIGGER: Final = rf"[A-Z0-9]DOT(?:{_GLUED_CAPS})(?:[^A-Za-z0-9\-]|$)"
"""RE2: where :data:`_GLUED_DOT_CAPS_RE` may match (the gates' clause)."""
_GLUED_TLD_RE: Final = re.compile(
    rf"(?<![{_AN}\-.@/_#])[{_AN}]{{3,62}}(?P<sep>-)(?P<tld>com|net|org|vip|club|top|xyz|info|bet"
    rf"|win|live|cc|tv|site|shop|fun|pro)(?![{_AN}\-_.@])"
    rf"|(?<![{_AN}\-.@/_#])[{_AN}]{{6,62}}(?P<sep2>)(?P<tld2>com)(?![{_AN}\-_.@])"
)
"""``tk777-vip``, ``taison1-club``, ``i9bet444com``: a name and its TLD glued, by a hyphen or
nothing (``com`` only, after six or more characters)."""
_WWW_UNDERSCORE_RE: Final = re.compile(
    rf"(?<![{_AN}_\-])(?i:www)(?P<sep0>_)[{_AN}][{_AN}\-]{{1,62}}(?P<sep>_)(?P<tld>{_TLDISH})"
    rf"(?![{_AN}\-_@])"
)
"""``www_betrebels_com``: a host written as a handle, ``_`` for each dot (read without the
``www``, as the registrable name it spells)."""
_POINT_RE: Final = re.compile(
    rf"(?<=[{_AN}])(?P<sep>\s{{1,2}}point\s{{1,2}})(?P<tld>[a-z]{{2,24}})"
    rf"(?![{_AN}\-])"
)
"""``frpbina point my``: ``point`` as the dot before any TLD (the main reading takes it only
before ``com``, ``net`` and ``org``)."""
GUESS_GATE: Final = re.compile(
    rf"[{_AN}](?:_{{1,2}}|[,，、‚﹐､])[A-Za-z0-9〇○◯]{{2}}|[{_AN}] ?(?i:dian)"
    rf"|[{_AN}]{{3}}[;:!|'`][A-Za-z]{{2}}"
    r"|后缀|后面加|后面是|加上|再加|结尾|\spoint\s|[a-z0-9]\. {1,2}[a-z]{4}"
    r"|[a-z0-9]dot(?:com|net|org|info|xyz|top|vip|club|site|shop|cc|tv|bet|win|live|pro|io|me|co)"
    r"(?:[^A-Za-z0-9\-]|$)"
    rf"|{GLUED_CAPS_TRIGGER}"
    r"|[A-Za-z0-9]-(?:com|net|org|vip|club|top|xyz|info|bet|win|live|cc|tv|site|shop|fun|pro)"
    r"(?:[^A-Za-z0-9\-_.@]|$)|[A-Za-z0-9]{6}com(?:[^A-Za-z0-9\-_.@]|$)"
)
"""A superset of the triggers of :func:`guess_pass` (and of ``. `` as a dot before a TLD of
four or more letters, ``saonidh. world``, which the spelled-dot pass takes when guessing). The
unmasker's RE2 gate reads it with the other families (and again after folding), so asking costs
nothing; texts too long for the gate use this compiled twin on the main reading's text."""


_NAME_BEFORE_RE: Final = re.compile(rf"[{_AN}\-]{{1,63}}$")


def _tld_reading(token: str) -> str | None:
    """The TLD ``token`` is, or spells with look-alike digits (``c0m``), or None."""
    low = token.lower()
    return low if is_tld(low) else leet.read_tld(token)


def _name_ok(text: str, pos: int) -> bool:
    """A guessed dot needs a name before it of two or more different characters (``xxx，xxx``
    lists placeholders) that is not in a URL's path or query or a handle (``/foo_bar``,
    ``tg_casino_vip``)."""
    name = _NAME_BEFORE_RE.search(text, max(0, pos - 63), pos)
    if name is None or len(set(name[0].lower())) < 2:
        return False
    before = text[max(0, name.start() - 2) : name.start()]
    return before[-1:] not in ("/", "?", "=", "&", "#", "%", "_") or before == "//"


def split_pass(work: Work) -> None:
    """Mark (main reading) or join (guessed reading) a host that may be cut out of a word."""
    text = work.text
    groups: list[Group] = []
    for m in _SPLIT_RE.finditer(text):
        kind = m.lastgroup
        if kind == "line":
            start, end = m.span("gap")
        elif kind == "rest":
            if _tld_reading(m["head"] + m["rest"]) is None:
                continue
            start, end = m.span("tld")
        else:
            start, end = m.span()
        label = _LABEL_RE.match(text, end)
        tail_end = label.end() if label is not None else end
        if kind == "mask" and _starred_pair(text, start, tail_end):
            continue
        if work.guess and kind == "mask":
            continue
        if work.guess:
            value = CJK_NUMERALS[m[0]] if kind == "numeral" else ""
            groups.append(("weak_join", start, end, [(start, end, value)]))
            continue
        if kind == "line":
            groups.append(("ambiguous_host", m.start(), tail_end, []))
        groups.append(("split_word", start, tail_end, []))
    work.apply(groups)


_HOST_AFTER_RE: Final = re.compile(r"[A-Za-z0-9\-.。．]*")


def _starred_pair(text: str, start: int, end: int) -> bool:
    """A mask with no letter before it that closes again after the host (``*bet.com*``):
    emphasis, not a masked character."""
    if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return False
    after = _HOST_AFTER_RE.match(text, end)
    close = after.end() if after is not None else end
    return text[close : close + 1] == text[start]


def guess_pass(work: Work) -> None:
    """Fold the guessed dots: stand-in ``_`` or ``,`` before a TLD, a glued ``dian``, a TLD
    described in words, ``point`` before any TLD (only in the guessed reading)."""
    text = work.text
    groups: list[Group] = []
    taken = bytearray(len(text))
    for pattern in (
        _WWW_UNDERSCORE_RE,
        _DESCRIBED_RE,
        _STAND_IN_RE,
        _ASCII_DOT_RE,
        _DIAN_RE,
        _GLUED_DOT_RE,
        _GLUED_DOT_CAPS_RE,
        _POINT_RE,
        _GLUED_TLD_RE,
    ):
        for m in pattern.finditer(text):
            glued = m.groupdict().get("tld2") is not None
            tld_group, sep_group = ("tld2", "sep2") if glued else ("tld", "sep")
            tld = _tld_reading(m[tld_group])
            start, end = m.span(sep_group)
            www = pattern is _WWW_UNDERSCORE_RE
            name_at = start if pattern is _GLUED_TLD_RE else m.start()
            if tld is None or not (www or _name_ok(text, name_at)):
                continue
            if any(taken[start : m.end(tld_group)]):
                continue
            edits = [(start, end, ".")]
            if m.groupdict().get("sep0"):
                edits.insert(0, (m.start(), m.end("sep0"), ""))
            if tld != m[tld_group].lower():
                edits.append((*m.span(tld_group), tld))
            end_tld = m.end(tld_group)
            if m.groupdict().get("close"):
                edits.append((*m.span("close"), ""))
                end_tld = m.end("close")
            taken[m.start() : end_tld] = b"\1" * (end_tld - m.start())
            groups.append(("weak_dot", start, end_tld, edits))
    groups.sort(key=lambda group: group[1])
    work.apply(groups)


_CAMEL_TLDS: Final = PROSE_SAFE_TLDS | {"me", "vn", "ru", "in", "us"}
_CAMEL_RE: Final = re.compile(
    r"(?<![A-Za-z0-9\-])(?P<name>[A-Z]?[a-z0-9][a-z0-9\-]{1,62})"
    r"(?P<dot>D[oO0][tT]{1,2}|DOT)(?P<tld>[A-Z][a-z0-9]{1,11}|[A-Z][A-Z0-9]{1,11}?)"
    r"(?P<tail>[A-Z][a-z]{1,10}|VIP|[A-Z]{2,4})?(?![A-Za-z0-9\-])"
)
"""``Bet888DotCom``, ``K8asia85DoTC0m``, ``SavagearmstoreDottC0mVIP``: a name in one word, the dot
word glued in camel case (``Dot``, ``DoT``, ``D0t``, ``Dott``) and a spam TLD, maybe in digits,
maybe with a word glued after it (``VIP``, ``Official``)."""
CAMEL_TRIGGER: Final = r"[a-z0-9](?:D[oO0][tT]{1,2}|DOT)[A-Z]"
"""RE2: where :func:`camel_dot_pass` can change a text (and the pre-check's clause)."""


def camel_dot_pass(work: Work) -> None:
    """``Bet888DotCom`` is ``bet888.com``: the glued dot word read as the dot and the TLD as
    written (a word glued after it set apart)."""
    text = work.text
    groups: list[Group] = []
    for m in _CAMEL_RE.finditer(text):
        tld, tld_end, tail = _tld_reading(m["tld"]), m.end("tld"), m["tail"]
        if (tld is None or tld not in _CAMEL_TLDS) and tail and (m["tld"] + tail).isupper():
            tld, tld_end, tail = _tld_reading(m["tld"] + tail), m.end("tail"), None  # ``DotCLUB``
        if tld is None or tld not in _CAMEL_TLDS:
            continue
        edits = [(*m.span("dot"), "."), (m.start("tld"), tld_end, tld)]
        if tail:
            edits.append((m.start("tail"), m.start("tail"), " "))
        groups.append(("spelled_dot", m.start("dot"), tld_end, edits))
    work.apply(groups)
