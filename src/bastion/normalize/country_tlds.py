"""Top-level domains given as a country: ``mrgreen dot the country code of Denmark``,
``ozfin, ending: Russia's two-letter code``, ``betflag 点 意大利的国家域名``, ``x+越南域名后缀``.

A filter that looks for ``.vn`` never sees ``越南的国家域名``; a reader knows the country's code.
Each country name (every ccTLD's, :mod:`bastion.normalize.country_names`) counts only inside a
phrase that says "its domain" or "its code" (``country code of``, ``'s domain``, ``的国家域名``,
``域名后缀``) right after a name and a dot, a plus, a comma or ``ending:``; the reading
(:mod:`bastion.normalize.readings`) writes ``name.cc``, and its host counts only when the intel
lists it, so ``+44 is the country code of the UK`` gives no host.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.country_names import COUNTRY_NAMES


def _name_class(name: str) -> str:
    """A country name as a pattern: any blank between words, ``and`` or ``&``."""
    words = [re.escape(w) for w in name.split()]
    return r"[ \t]".join(r"(?:and|&)" if w == "and" else w for w in words)


_EN: Final = {n.lower(): cc for cc, (en, _) in COUNTRY_NAMES.items() for n in en.split("|") if n}
_ZH: Final = {n: cc for cc, (_, zh) in COUNTRY_NAMES.items() for n in zh.split("|") if n}
_EN_NAME: Final = "|".join(_name_class(n) for n in sorted(_EN, key=lambda w: (-len(w), w)))
_ZH_NAME: Final = "|".join(re.escape(n) for n in sorted(_ZH, key=lambda w: (-len(w), w)))

_KIND: Final = (
    r"(?:country(?:[ \t-]code)?[ \t](?:top[ \t-]level[ \t])?(?:domain|code|tld|extension|ending"
    r"|suffix)|cctld|two[ \t-]letter[ \t](?:country[ \t])?code|national[ \t]domain)"
)
_EN_OF: Final = rf"(?:the[ \t])?{_KIND}[ \t](?:of|for)[ \t](?:the[ \t])?(?P<en_of>{_EN_NAME})"
"""``the country code of Russia``, ``the ccTLD for the Netherlands``."""
_EN_S: Final = (
    rf"(?:the[ \t])?(?P<en_s>{_EN_NAME})(?:'s|’s|s')?[ \t](?:own[ \t]|national[ \t])?"
    r"(?:country(?:[ \t-]code)?[ \t])?(?:(?:top[ \t-]level[ \t])?domain|code|tld|cctld"
    r"|extension|ending|suffix|two[ \t-]letter[ \t](?:country[ \t])?code)"
)
"""``Italy's country domain``, ``Russia's two-letter code``, ``the Vietnam domain``."""
_ZH_DESC: Final = (
    rf"(?P<zh>{_ZH_NAME})的?(?:国家|國家|国别|國別)?(?:顶级|頂級)?"
    r"(?:域名|代码|代碼|后缀|後綴)(?:后缀|後綴)?"
)
"""``越南的国家域名``, ``越南的国家代码``, ``越南域名后缀``."""
_GAP: Final = (
    r"[ \t]{0,2}(?:[.。．点點]|(?i:dot)|[+＋,，])?[ \t]{0,2}"
    r"(?:(?i:(?:the[ \t])?(?:ending|ends?[ \t](?:with|in)|suffix|tld|extension)(?:[ \t]is)?)"
    r"|后缀(?:是|为|為)?|後綴(?:是|為)?|结尾(?:是|为)?|加上?)?[ \t]{0,2}[:：]?[ \t]{0,2}"
)
"""Between the name and the phrase: a dot, plus or comma, maybe ``ending:`` or ``后缀是``."""
_COUNTRY_RE: Final = re.compile(
    r"(?<![A-Za-z0-9\-.])(?P<name>[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)"
    rf"(?P<gap>{_GAP})(?:(?i:{_EN_OF}|{_EN_S})(?![A-Za-z])|{_ZH_DESC})"
)

TRIGGER: Final = (
    r"(?i:country[ \t-](?:code|domain|tld|extension|ending|suffix)|two[ \t-]letter[ \t]"
    r"(?:country[ \t])?code|cctld|national[ \t]domain"
    r"|['’]s[ \t](?:own[ \t]|national[ \t])?(?:country[ \t])?(?:domain|code|tld|extension"
    r"|ending|suffix))"
    r"|(?:国家|國家|国别|國別)(?:顶级|頂級)?(?:域名|代码|代碼|后缀|後綴)|域名后缀|域名後綴"
    r"|的(?:域名|后缀|後綴)"
)
"""RE2: the words of a country-TLD phrase (the readers' gate and the pre-check's clause)."""


_HALF_WIDTH: Final = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
"""Full-width ASCII to ASCII, one character for one (offsets hold): ``ｍｒｇｒｅｅｎ``."""


def country_hosts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, host)`` for each name followed by its TLD given as a country."""
    out: list[tuple[int, int, str]] = []
    for m in _COUNTRY_RE.finditer(text.translate(_HALF_WIDTH)):
        if m["zh"]:
            cc = _ZH[m["zh"]]
        else:
            said = re.sub(r"[ \t]+", " ", (m["en_of"] or m["en_s"]).lower()).replace("&", "and")
            cc = _EN[said]
        out.append((m.start(), m.end(), f"{m['name'].lower()}.{cc}"))
    return out
