"""A site's ending after a name no reader could read: ``✿✿✿.com``, ``见 ✿✿✿ dot com``,
``🎰🎰 点 top``, or after a dot no reader knew: ``sky88▲top``, ``ab12 英文小圆点儿 com``.

Where a reader in ``bastion.normalize`` recovers the name, the finders report the host and the
lists are asked. Where the name is glyphs no pass reads (symbols, pictographs, letters of a
script a name in ASCII is not written in), no finder reports anything and the item would be
allowed, although the message plainly gives a site's ending. A careful person can see a link is
offered but not which one, so this detector says so: a TLD after a dot (written, full-width,
ideographic, bracketed or spelled) whose name ends in such a glyph, at a place no reported
entity covers (a reading that only reads as prose and is kept only when listed covers nothing),
emits ``link.unread_host`` and the policy sends the item to a person. A name
ending in an ASCII letter or digit is the finders' to judge (``Mr.Li``, ``my_site.com``) and a
name in Chinese characters is no disguise (``官网.com`` is read as Chinese text before a link).
"""

from __future__ import annotations

import re
from typing import Final

import re2

from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.extract.hosts import PROSE_LIKE
from bastion.model import Item, Signal
from bastion.normalize.country_names import COUNTRY_NAMES

LABEL: Final = "link.unread_host"
SCORE: Final = 0.5
TLDS: Final = (
    "com", "net", "org", "info", "biz", "xyz", "top", "vip", "club", "site", "online", "live",
    "fun", "icu", "cyou", "sbs", "bond", "buzz", "rest", "shop", "store", "cc", "tk", "ml",
    "ga", "cf", "gq", "cn", "ru", "pw", "ws", "tv", "vn", "br", "pl", "uk", "au", "za", "cl",
    "ph", "hk", "tw", "jp", "kr", "ua", "ir", "pk", "bd", "ng", "ke", "co", "io", "gg", "eu",
    "asia", "mobi", "pro", "name", "win", "bet", "casino", "poker", "porn", "sex", "xxx",
    "adult", "loan", "cash", "money", "bid", "stream", "tech", "space", "website", "cloud",
    "link", "click", "one", "life", "today", "world", "work", "ltd", "agency", "email",
    "network", "center", "plus", "red", "pink", "kim", "ink", "lol", "xin", "wang", "ren"
)  # fmt: skip
"""Endings of sites on the real lists (``../shared/data``, by count) and endings spammers buy,
less those a glued English or pinyin word makes (``.in``, ``.it``, ``.me``, ``.li``, ``.de``)."""
_GLYPH: Final = (
    r"[^\x00-\x7F\s\x{2000}-\x{206F}\x{3000}-\x{303F}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}"
    r"\x{F900}-\x{FAFF}\x{FE30}-\x{FE4F}\x{FF00}-\x{FFEF}\x{20000}-\x{3FFFF}]"
)
"""Not ASCII, not a space, not general punctuation, not a Chinese character or punctuation,
not a full-width form (those fold to ASCII and are read)."""
_SEPARATOR: Final = (
    r"(?:[「『（(【\[]?[.。．｡][」』）)】\]]?|[ \t]{0,2}(?:点|點|(?i:dot)|\(\.\)|\[\.\]"
    r"|\((?i:dot)\)|\[(?i:dot)\]|（点）|【点】|\(点\))[ \t]{0,2})"
)
"""Dots as written, bracketed or spelled (``「。」``, ``[dot]``, ``点``)."""
_SYMBOL: Final = (
    r"[\x{00A1}-\x{00BF}\x{00D7}\x{00F7}\x{2022}-\x{2027}\x{2030}-\x{205E}"
    r"\x{2100}-\x{2BFF}\x{FE50}-\x{FE6B}\x{1F000}-\x{1FAFF}]"
)
"""A symbol, bullet or pictograph standing where a dot goes (``sky88▲top``, ``k8vn65★com``);
not a dash (``xx—xxx元``) nor Chinese punctuation (``原价xxx、xxx元``)."""
_DOT_WORD: Final = r"(?:[\p{Han}]{1,5}(?:点|點)|[\p{Han}]{0,5}(?:句号|句號))[儿兒]?"
"""A Chinese phrase ending in a dot's name (``半角句号``, ``英文小圆点儿``, ``小黑点``,
``英文的点``), not a word that begins with one (``点击VIP专区``, ``DIGIT点名``), nor 点
alone after a name (``今晚9点live`` is a time; ``bet888点com`` the readers read)."""
_TLD: Final = rf"((?i:{'|'.join(TLDS)}))(?:[^A-Za-z0-9\-]|$)"
_COUNTRY: Final = "|".join(
    sorted(
        {
            re.escape(name).replace(r"\ ", "[ \t]")
            for en, zh in COUNTRY_NAMES.values()
            for name in (*en.split("|"), *zh.split("|"))
            if name
        },
        key=lambda name: (-len(name), name),
    )
)
"""A country's name standing for its TLD (``点 印度``, ``dot India``: ``country_tlds``)."""
_MARKER_RES: Final = (
    re2.compile(rf"{_GLYPH}({_SEPARATOR}){_TLD}"),
    re2.compile(rf"[A-Za-z0-9]({_SYMBOL}){_TLD}"),
    re2.compile(rf"(?:{_GLYPH}|[A-Za-z0-9])([ \t]{{0,2}}{_DOT_WORD}[ \t]{{0,2}}){_TLD}"),
    re2.compile(
        rf"{_GLYPH}({_SEPARATOR}|[ \t]{{0,2}}{_DOT_WORD}[ \t]{{0,2}})((?i:{_COUNTRY}))"
        r"(?:[^A-Za-z]|$)"
    ),
)
"""An ending after: a name ending in an unread glyph and a dot; a name and a symbol glued on both
sides where a dot goes; a name and a Chinese phrase naming a dot; a name ending in an unread
glyph, a dot and a country's name for its TLD (never after a name in ASCII: ``2点 日本料理``).
Where a reader knew the form, an entity covers the place and nothing is said."""
_DOTTISH: Final = re.compile(
    "[.。．｡点點句\xa1-\xbf\xd7\xf7\u2022-\u2027\u2030-\u205e\u2100-\u2bff\ufe50-\ufe6b"
    "\U0001f000-\U0001faff]|(?i:dot)"
).search
"""A character every marker holds: most texts without one are passed at once."""
_LATIN_LETTER: Final = re.compile("[A-Za-z]").search
"""Every TLD is ASCII letters: a text without one can hold only a country's name for it."""
_HAS_GLYPH: Final = re.compile(
    "[^\x00-\x7f\t\n\f\r \u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
).search
"""``re``: ``_GLYPH`` (RE2's ``\\s`` is ``[\\t\\n\\f\\r ]``): the country form needs one."""


def markers(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, tld)`` of each ending after an unread glyph in ``text`` (positions of the
    separator and the TLD, in code points); none in a text all ASCII or with no dot's sign."""
    if text.isascii() or _DOTTISH(text) is None:
        return []
    patterns = _MARKER_RES[:-1] if _LATIN_LETTER(text) else ()
    if _HAS_GLYPH(text):
        patterns = (*patterns, _MARKER_RES[-1])
    subject = re2_text(text) if patterns else ""
    found = {
        (match.start(1), match.end(2), match.group(2).lower())
        for pattern in patterns
        for match in pattern.finditer(subject)
    }
    return sorted(found)


class UnreadHostDetector:
    """Emits ``link.unread_host`` for a site's ending after a name in glyphs no pass read."""

    name: Final = "unread_hosts"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return bool(markers(item.text))

    def detect(self, context: DetectContext) -> list[Signal]:
        spans = [
            e.span
            for e in context.entities
            if e.origin == "text" and (PROSE_LIKE not in e.flags or e.categories)
        ]
        for start, end, tld in markers(context.original):
            if any(lo <= start and end <= hi for lo, hi in spans):
                continue
            name_start = max(0, start - 12)
            shown = context.original[name_start:end]
            return [
                Signal(
                    detector=self.name,
                    label=LABEL,
                    score=SCORE,
                    evidence=f"the ending .{tld} after a name no reader could read: {shown!r}",
                    span=(start, end),
                )
            ]
        return []
