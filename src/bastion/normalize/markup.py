"""Markup read the way a reader sees it rendered: the first unmasking pass.

Bios, forum posts and listings are stored as HTML, BBCode, markdown or program text, and the
reader sees them rendered: ``bet<b>888</b>.com``, ``[b]bet[/b][i]888[/i].com``,
``**vx**：`abc88```, ``&#98;&#101;&#116;888.com``, ``https&colon;&sol;&sol;bet888&nbsp;.com``,
``bet888\\u002ecom``, ``"bet" + "888" + ".com"`` all read as one plain host or handle. Read as
text, the tag names become labels (``[size=5]ol[/size].com`` gave ``size.com``, a real other
site), which is worse than a miss. This pass drops known tags (keeping any attribute value that
holds a dot or colon, so ``<a href="https://x.com">`` keeps its link), decodes character
references and program escapes that stand for a printable character, drops markdown emphasis
and joins quoted string pieces.

Only known HTML and BBCode tag names count as tags (``a<b and c>d`` with unknown names is
prose); block tags become a line break so two paragraphs never join into one host. Every regex is
bounded and the pass is one ``re`` scan per form, so its cost is linear in the text.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from functools import lru_cache
from typing import Final

from bastion.normalize.hostwords import words
from bastion.normalize.result import Edit, Group, Work
from bastion.normalize.rules import names_host
from bastion.suffixes import has_known_suffix

_INLINE: Final = words(
    "a b i u s em strong font span small big sup sub mark code del ins strike tt kbd var "
    "abbr cite q label wbr nobr bdi bdo ruby rb rtc"
)
_BLOCK: Final = words(
    "br p div li ul ol tr td th table tbody thead h1 h2 h3 h4 h5 h6 hr blockquote pre img "
    "center section article header footer"
)
_TAG_NAMES: Final = "|".join(sorted(_INLINE | _BLOCK, key=lambda n: (-len(n), n)))
_BLOCK_NAMES: Final = frozenset(_BLOCK)

_TAG_RE: Final = re.compile(
    rf"<(?P<close>/)?(?P<name>{_TAG_NAMES})(?![A-Za-z0-9])(?P<attrs>[^<>\n]{{0,200}}?)/?>",
    re.I,
)
"""An HTML tag with a known name (attributes bounded, on one line)."""
_BBCODE_NAMES: Final = (
    "b|i|u|s|url|color|colour|size|font|quote|code|img|center|left|right|email|highlight"
    "|sup|sub|spoiler|strike|align|indent|list|\\*"
)
_BBCODE_RE: Final = re.compile(
    rf"\[(?P<close>/)?(?P<name>{_BBCODE_NAMES})(?:=(?P<value>[^\[\]\n]{{0,120}}))?\]", re.I
)
_ATTR_VALUE_RE: Final = re.compile(r"""=\s?(?:"([^"]{1,200})"|'([^']{1,200})'|([^\s"'>]{1,200}))""")
_REF_RE: Final = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,15});|&#[0-9]{1,7}|&#[xX][0-9A-Fa-f]{1,6}"
)
"""A character reference: numeric with or without ``;``, named with ``;`` (``T&C`` is prose)."""
_ESCAPE_RE: Final = re.compile(
    r"\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|([0-3][0-7]{2}))"
)
"""JavaScript, Python and C escapes: ``\\u002e``, ``\\u{2e}``, ``\\x2e``, ``\\056``."""
_EMPHASIS_RE: Final = re.compile(
    r"\*\*([^*\n]{1,64})\*\*|`([^`\n]{1,64})`"
    r"|(?<![A-Za-z0-9])(?:__([^_\n]{1,64})__|~~([^~\n]{1,64})~~)(?![A-Za-z0-9])"
)
"""Markdown emphasis, strike-through and inline code around a short span (``**vx**``,
`` `id` ``, ``__微信__``); ``__`` only apart from letters (``http__host`` is a mangled scheme)."""
_STRUCK_RE: Final = re.compile(r"~~([^~\s]{1,24})~~(?=[A-Za-z0-9])")
"""Markdown strike-through glued to the word that replaces it (``bet88。~~net~~com``)."""
_HEAD_RE: Final = re.compile(r"[^\s~]{1,64}$")
_TAIL_RE: Final = re.compile(r"[^\s~]{1,64}")
_READ_DOTS: Final = str.maketrans("。｡．", "...")
_SPOILER_RE: Final = re.compile(r"\|\|([^|\n]{1,64})\|\||>!([^!<>\n]{1,64})!<")
"""A spoiler (Discord ``||x||``, Reddit ``>!x!<``): one click shows the text in its line."""
_QUOTES: Final = "\"'“”‘’＂＇「」"
_PIECE: Final = rf"[{_QUOTES}][A-Za-z0-9.\-/:@_]{{1,63}}[{_QUOTES}]"
_CONCAT_RE: Final = re.compile(rf"{_PIECE}(?:\s{{0,2}}(?:\+|＋|➕){{1,2}}\s{{0,2}}{_PIECE}){{1,8}}")
"""Quoted pieces joined by ``+`` (JavaScript, Python) or ``++`` (Haskell): one string."""
_PIECE_RE: Final = re.compile(rf"[{_QUOTES}]([A-Za-z0-9.\-/:@_]{{1,63}})[{_QUOTES}]")

_SPACES: Final = frozenset("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f")
"""Decoded references that render as a space (``&nbsp;``, ``&ensp;``, ``&#160;``)."""

GATE: Final = (
    r"</?[A-Za-z]|\[/?[A-Za-z]|&#[0-9xX]|&[A-Za-z][A-Za-z0-9]|\\[ux0-3]"
    r"|(?:\*\*|__|~~|`)[A-Za-z0-9]|[A-Za-z0-9](?:\*\*|__|~~|`)"
    r"|[A-Za-z0-9.][\"'“”‘’＂＇」]\s{0,2}[+＋➕]|[A-Za-z0-9]<!--"
    r"|[A-Za-z0-9.:]=\r?\n|=\r?\n[A-Za-z0-9.:]"
    r"|(?:\|\||>!)[A-Za-z0-9０-ｚ]|[A-Za-z0-9０-ｚ](?:\|\||!<)"
    r"|=\?[A-Za-z0-9][A-Za-z0-9_\-]{0,8}\?[BbQq]\?"
)
"""Where the pass can matter, as an ``re`` pattern (RE2 through ``to_re2``): short prefixes,
as a wide bounded repeat would bloat the shared gate DFAs; each branch holds an ASCII letter or
digit (the pre-check's hint search needs one), so emphasis counts only beside one."""


def _keep(attrs: str) -> str:
    """Attribute values a reader might follow (a dot or colon: ``href="https://x.com"``)."""
    values = [next(v for v in m.groups() if v is not None) for m in _ATTR_VALUE_RE.finditer(attrs)]
    return " ".join(v for v in values if "." in v or ":" in v)


def _tag(m: re.Match[str]) -> str:
    kept = _keep(m["attrs"]) if m["attrs"] else ""
    if kept:
        return f" {kept} "
    return "\n" if m["name"].lower() in _BLOCK_NAMES else ""


_CLOSING_RE: Final = re.compile(rf"\[/({_BBCODE_NAMES})\]", re.I)


@lru_cache(maxsize=4)
def _closed(text: str) -> frozenset[str]:
    """The BBCode names closed somewhere in ``text`` (one scan a text)."""
    return frozenset(name.lower() for name in _CLOSING_RE.findall(text))


def _bbcode(m: re.Match[str]) -> str | None:
    value = m["value"] or ""
    if "." in value or ":" in value:
        return f" {value} "
    if not m["close"] and not value and m["name"].lower() not in _closed(m.string):
        return None  # ``[v][i][r]``: letters in brackets, not an ``[i]`` tag never closed
    return ""


def _reference(m: re.Match[str]) -> str | None:
    decoded = html.unescape(m[0] if m[0].endswith(";") else m[0] + ";")
    if decoded.startswith("&") or len(decoded) != 1:
        return None
    if decoded in _SPACES:
        return " "
    if decoded in _UNSEEN:
        return ""
    return decoded if decoded.isalnum() or decoded in _LINK_PUNCT else None


_UNSEEN: Final = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
"""Decoded references that render as nothing inside a word (``&shy;``, ``&#8203;``, ``&zwj;``):
the reader sees the letters either side joined (``liv&shy;egranny.net`` is ``livegranny.net``,
never ``egranny.net``)."""
_COMMENT_RE: Final = re.compile(r"<!--[^\n]{0,200}?-->")
"""An HTML comment on one line (``h<!-- -->awkbuzz``, ``<!---->``): it renders as nothing."""

_HIDDEN_RE: Final = re.compile(
    rf"<(?P<name>{_TAG_NAMES})(?![A-Za-z0-9])(?P<attrs>[^<>\n]{{1,200}}?)>"
    r"(?P<body>[^<>\n]{0,200})</(?P=name)\s?>",
    re.I,
)
"""An element with its text on one line, whose attributes may hide it (checked by ``_hidden``)."""
_HIDING_RE: Final = re.compile(
    r"display\s?:\s?none|visibility\s?:\s?hidden|(?:font-size|opacity|max-width|width)\s?:"
    r"\s?0(?:\.0+)?(?:px|pt|em|rem|%)?\s?(?:[;\"'}]|$)|(?:^|\s)hidden(?:\s|=|$)",
    re.I,
)
"""Styles and attributes that render an element as nothing (``display:none``, ``font-size:0``,
``hidden``); ``font-size:0.9em`` and ``aria-hidden`` still show."""


def _hidden(m: re.Match[str]) -> str | None:
    """A hidden element is not read at all: its text is noise planted inside a name
    (``stopre<span style="display:none">noise</span>ssnews.net`` is ``stopressnews.net``). A
    hidden text that could itself be a link or address (a dot, colon or at sign) is kept: hiding
    must never hide a listed link from the scan."""
    if _HIDING_RE.search(m["attrs"]) is None or not _LINK_FREE.isdisjoint(m["body"]):
        return None
    return ""


_LINK_FREE: Final = frozenset(".:@。．：＠")

_GLOSS_RE: Final = re.compile(
    r"<(?P<name>rt|rp)(?![A-Za-z0-9])[^<>\n]{0,200}>(?P<body>[^<>\n]{0,64})</(?P=name)\s?>", re.I
)
"""A ruby annotation (``<rt>``) or its fallback bracket (``<rp>``): shown above or beside the
base text, not in its line."""


def _gloss(m: re.Match[str]) -> str:
    """``<ruby>b<rt>比</rt></ruby>``: the reader reads the base letters along the line; the
    gloss over them is no part of the word. A gloss that could be a link stays, set apart."""
    return "" if _LINK_FREE.isdisjoint(m["body"]) else f" {m['body']} "


_LINK_PUNCT: Final = frozenset(".:/@-_?=%~。．：／＠")
"""Punctuation a decoded reference or escape may give (``&lt;`` stays: it is markup syntax)."""


def _escape(m: re.Match[str]) -> str | None:
    braced, four, two, octal = m.groups()
    code = int(octal, 8) if octal else int(braced or four or two, 16)
    char = chr(code)
    return char if code < 0x7F and (char.isalnum() or char in _LINK_PUNCT) else None


def _concat(m: re.Match[str]) -> str | None:
    joined = "".join(_PIECE_RE.findall(m[0]))
    return joined if "." in joined else None


_QP_BLOCK_RE: Final = re.compile(r"(?m)^(?:[^\n]{0,200}=\r?\n){1,200}[^\n]{0,200}")
"""Lines ending in ``=`` and the line after them: a quoted-printable body's soft line breaks."""
_QP_PIECE_RE: Final = re.compile(r"=(?:\r?\n|([0-9A-F]{2}))")


def _quoted_printable(m: re.Match[str]) -> str | None:
    """``https:/=⏎/www=2Ebet=⏎888=2Ecom``: an e-mail body in quoted-printable, as a mail
    reader shows it: soft line breaks go and each ``=XX`` is the byte it stands for (``=2E``
    the dot, ``=3D`` the equals sign, UTF-8 sequences their character). Only a block with an
    escape, decoding to printable UTF-8."""
    block = m[0]
    if _QP_ESCAPE_RE.search(block) is None:
        return None
    out = bytearray()
    pos = 0
    for piece in _QP_PIECE_RE.finditer(block):
        out += block[pos : piece.start()].encode("utf-8", "surrogatepass")
        if piece[1] is not None:
            out.append(int(piece[1], 16))
        pos = piece.end()
    out += block[pos:].encode("utf-8", "surrogatepass")
    try:
        decoded = out.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(c < " " and c not in "\t\r\n" for c in decoded):
        return None
    return decoded


_QP_ESCAPE_RE: Final = re.compile(r"=[0-9A-F]{2}")

_ENCODED_WORD_RE: Final = re.compile(
    r"=\?(?P<charset>[A-Za-z0-9][A-Za-z0-9_\-]{0,39})(?:\*[A-Za-z\-]{1,16})?"
    r"\?(?P<enc>[BbQq])\?(?P<body>[!->@-~]{1,600}?)\?="
)
"""An RFC 2047 encoded word (``=?UTF-8?B?dmlzaXQgdncxMDkuY29t?=``, ``=?UTF-8?Q?t=2Eme=2Fx?=``): a
mail header's non-ASCII text, which every mail reader shows decoded."""
_Q_ESCAPE_RE: Final = re.compile(r"=([0-9A-Fa-f]{2})")


def _encoded_word(m: re.Match[str]) -> str | None:
    """The text an encoded word stands for, when it decodes in its charset to printable text."""
    body = m["body"]
    raw = bytearray()
    try:
        if m["enc"] in "Bb":
            raw += base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
        else:
            pos = 0
            for e in _Q_ESCAPE_RE.finditer(body):
                raw += body[pos : e.start()].replace("_", " ").encode("ascii")
                raw.append(int(e[1], 16))
                pos = e.end()
            raw += body[pos:].replace("_", " ").encode("ascii")
        decoded = raw.decode(m["charset"])
    except (binascii.Error, ValueError, LookupError, UnicodeError):
        return None
    if not decoded or any(not c.isprintable() and c not in " \t" for c in decoded):
        return None
    return decoded


_FORMS: Final = (
    ("markup", _ENCODED_WORD_RE, _encoded_word),
    ("markup", _QP_BLOCK_RE, _quoted_printable),
    ("markup", _COMMENT_RE, lambda m: ""),
    ("markup", _HIDDEN_RE, _hidden),
    ("markup", _GLOSS_RE, _gloss),
    ("markup", _BBCODE_RE, _bbcode),
    ("markup", _TAG_RE, _tag),
    ("markup", _REF_RE, _reference),
    ("markup", _ESCAPE_RE, _escape),
    ("markup", _EMPHASIS_RE, lambda m: next(g for g in m.groups() if g is not None)),
    ("markup", _SPOILER_RE, lambda m: next(g for g in m.groups() if g is not None)),
    ("markup", _CONCAT_RE, _concat),
)


def _struck_groups(text: str) -> list[Group]:
    """``bet88。~~net~~com``: text struck through and the text that replaces it, glued: the
    reader reads the replacement (``bet88.com``), the struck text is dropped. When the word
    also names a host with the struck text kept (``bet~~777~~888.com``), the reading is
    flagged ``ambiguous_host``."""
    groups: list[Group] = []
    for m in _STRUCK_RE.finditer(text):
        head = _HEAD_RE.search(text, max(0, m.start() - 64), m.start())
        tail = _TAIL_RE.match(text, m.end(), m.end() + 64)
        word = (head[0] if head else "") + m[1] + (tail[0] if tail else "")
        kept = unicodedata.normalize("NFKC", word).translate(_READ_DOTS)
        if names_host(kept.lower()):
            groups.append(("ambiguous_host", m.start(), m.end(), []))
        groups.append(("markup", m.start(), m.end(), [(m.start(), m.end(), "")]))
    return groups


def markup_pass(work: Work) -> None:
    """Drop tags and emphasis, decode references and escapes, join quoted pieces; each form is
    applied as its own step, so a reference decoded to ``<`` never becomes a tag."""
    for name, pattern, replace in _FORMS:  # one trick name, "markup", for every form
        groups: list[Group] = []
        for m in pattern.finditer(work.text):
            new = replace(m)
            if new is None or new == m[0]:
                continue
            edit: Edit = (m.start(), m.end(), new)
            groups.append((name, m.start(), m.end(), [edit]))
        work.apply(groups)
        if pattern is _REF_RE:
            work.apply(_struck_groups(work.text))


def strip(text: str) -> str:
    """``text`` as the markup pass leaves it (the pre-check re-reads this)."""
    work = Work(text, False)
    markup_pass(work)
    return work.text


_STRIKE: Final = "\u0335\u0336\u0337\u0338"
"""Combining stroke and solidus overlays: the letter under them is struck out."""
STRUCK_TRIGGER: Final = r"[\x{335}-\x{338}]"
"""RE2: where the struck-letter pass can change a text."""
_TOKEN_RE: Final = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff])*"
)
_LETTER_RE: Final = re.compile(r"[^\W_]([\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]*)")
_MOST_STRUCK: Final = 2
_STRIKE_RE: Final = re.compile(f"[{_STRIKE}]")
_TOKEN_BACK: Final = 64
"""How far back from a strike mark its word may start (longer words are not looked at whole)."""


def _token_start(text: str, mark: int) -> int:
    """Where the word holding the strike mark at ``mark`` starts (at most ``_TOKEN_BACK`` back)."""
    start = mark
    floor = max(0, mark - _TOKEN_BACK)
    while start > floor and (text[start - 1].isalnum() or unicodedata.combining(text[start - 1])):
        start -= 1
    return start


def struck_pass(work: Work) -> None:
    """``espacx̶ejeux.com``: one or two letters struck out in an otherwise plain word are a decoy
    the reader skips; they are dropped and the word flagged ``ambiguous_host`` (the struck
    reading is the likely one, not a sure one: unlisted, a person looks). Words struck or marked
    throughout (strike-through styling, Zalgo noise) keep their letters: the character pass
    drops the marks."""
    groups: list[Group] = []
    text = work.text
    pos = 0
    while (mark := _STRIKE_RE.search(text, pos)) is not None:
        m = _TOKEN_RE.match(text, _token_start(text, mark.start()))
        if m is None or m.end() <= mark.start():
            pos = mark.end()
            continue
        pos = m.end()
        struck: list[Edit] = []
        plain = 0
        for letter in _LETTER_RE.finditer(text, m.start(), m.end()):
            marks = letter[1]
            if not marks:
                plain += 1
            elif all(c in _STRIKE for c in marks):
                struck.append((letter.start(), letter.end(), ""))
            else:
                struck = []
                break
        if struck and len(struck) <= _MOST_STRUCK and plain >= 2 * len(struck) + 1:
            groups.append(("ambiguous_host", m.start(), m.end(), []))
            groups.append(("combining", m.start(), m.end(), struck))
    work.apply(groups)


_HYPHEN_BREAK_RE: Final = re.compile(
    r"(?<![A-Za-z0-9.\-])(?P<head>[A-Za-z0-9]{1,63})-[ \t]{0,4}\r?\n[ \t]{0,4}"
    r"(?P<tail>[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63}){1,4})(?![A-Za-z0-9\-])"
)
HYPHEN_TRIGGER: Final = r"[A-Za-z0-9]-[ \t]{0,4}\r?\n[ \t]{0,4}[A-Za-z0-9]"
"""RE2: where the line-end hyphen pass can change a text."""


def hyphen_break_pass(work: Work) -> None:
    """``fi-⏎nexio.com``: a word hyphenated at the end of a line is one word to the reader, so
    the host is ``finexio.com``, never the tail ``nexio.com`` (another site). The hyphen may also
    belong to the name (``fi-nexio.com``), so the joined host is flagged ``ambiguous_host``:
    listed, acted on; unlisted, a person looks."""
    groups: list[Group] = []
    text = work.text
    for m in _HYPHEN_BREAK_RE.finditer(text):
        if not has_known_suffix(m["tail"].lower()) or _fixed_width(text, m.start(), m.end("head")):
            continue
        groups.append(("ambiguous_host", m.start(), m.end(), []))
        groups.append(
            ("spaced_letters", m.start(), m.end(), [(m.end("head"), m.start("tail"), "")])
        )
    work.apply(groups)


def _fixed_width(text: str, start: int, end: int) -> bool:
    """``https:/⏎/www.et⏎hereum-⏎get.org``: the hyphen ends a line of one token as long as the
    one-token lines above it, up to one that begins a link: a link wrapped at a fixed width
    (the layout pass joins it), the hyphen kept."""
    line_start = text.rfind("\n", 0, start) + 1
    width = end + 1 - line_start
    line = text[line_start : end + 1]
    if width > 40 or any(c.isspace() for c in line):
        return False
    if line[:4].lower() in ("http", "www."):
        return True
    for _ in range(40):
        if line_start == 0:
            return False
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = text[above_start : line_start - 1].strip(" \t\r")
        if len(above) != width or any(c.isspace() for c in above):
            return False
        if above[:4].lower() in ("http", "www."):
            return True
        line_start = above_start
    return False
