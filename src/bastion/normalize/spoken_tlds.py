"""Top-level domains said aloud: ``hamsterbet dian kang mu``, ``gaybubble닷컴``,
``bong88netドットコム``, ``csgoreactor dot see oh em``, ``hunkybingo點康母``.

A spammer writes the TLD as it sounds, in the script of the message: Chinese characters or
their pinyin (``康姆``, ``kāng mǔ``), Korean (``컴``, ``오알지``), Japanese katakana (``コム``,
``ティーブイ``) or the English names of its letters (``see oh em``). Each form counts only right
after a dot or a word for it (``dian``, ``点``, ``닷``, ``ドット``, ``dot``), where no sentence
puts it. :func:`spoken_tlds` gives the second reading (:mod:`bastion.normalize.readings`) with
each such TLD written in ASCII; the unmasker then reads the dot word as it always does, and a
host of the reading counts only when the intel lists it.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.tables import DOT_HOMOPHONES
from bastion.suffixes import is_tld

ZH_TLDS: Final = {
    "com": "康姆 肯姆 考姆 科姆 卡姆 抗姆 康母 扣姆 口姆 寇姆 蔻姆 考母 康木 康目"
    " 西欧艾姆 希欧艾姆",
    "net": "奈特 耐特 内特 乃特 恩意踢 捏特",
    "org": "欧格 奥格 欧阿吉",
    "vip": "维普 威普 微屁",
    "top": "拓普 托普 陶普",
    "site": "赛特 塞特",
    "cc": "西西 希希 凯瑞",
    "tv": "踢威 替威 提维",
    "xyz": "艾克斯歪贼",
    "info": "因佛 英佛",
    "club": "克拉布 可乐布",
}
"""Chinese characters that sound like a TLD (or spell its letters: ``西欧艾姆``)."""
PINYIN_TLDS: Final = {
    "com": "kang mu|ken mu|kao mu|ke mu|kou mu|kang mo",
    "net": "nai te|nei te|nie te",
    "org": "ou ge|ao ge",
    "vip": "wei pu",
    "top": "tuo pu|ta pu",
    "site": "sai te",
    "cc": "xi xi",
    "tv": "ti wei",
    "info": "yin fo",
}
"""The same sounds in pinyin, each syllable with or without its tone (``kāng mǔ``, ``kang1mu3``)."""
ZHUYIN_TLDS: Final = {
    "com": "ㄎㄤ ㄇㄨˇ|ㄎㄤ ㄇㄨ|ㄎㄤㄇㄨˇ|ㄎㄤㄇㄨ|ㄎㄤˉ ㄇㄨˇ",
    "net": "ㄋㄟˋ ㄊㄜˋ|ㄋㄞˇ ㄊㄜˋ",
}
"""The same sounds in Zhuyin (Bopomofo), as Taiwan writes them (``ㄉㄧㄢˇ ㄎㄤ ㄇㄨˇ``)."""
KO_TLDS: Final = {
    "com": "컴",
    "net": "넷",
    "org": "오알지 오그",
    "tv": "티비 티브이",
    "cc": "씨씨",
    "co": "씨오",
    "biz": "비즈",
    "info": "인포",
    "top": "탑",
    "vip": "브이아이피",
    "io": "아이오",
    "me": "미",
    "kr": "케이알",
    "cn": "씨엔",
    "jp": "제이피",
    "xyz": "엑스와이지",
    "club": "클럽",
    "site": "사이트",
    "shop": "샵",
    "online": "온라인",
}
"""Korean: the TLD as it is said after 닷 (``닷컴``, ``닷오알지``)."""
JA_TLDS: Final = {
    "com": "コム こむ",
    "net": "ネット ねっと",
    "org": "オルグ オーグ オーアールジー",
    "tv": "ティーブイ ティービー ティーヴィー",
    "cc": "シーシー",
    "co": "シーオー",
    "biz": "ビズ",
    "info": "インフォ",
    "top": "トップ",
    "vip": "ブイアイピー",
    "io": "アイオー",
    "me": "ミー",
    "jp": "ジェーピー ジェイピー",
    "cn": "シーエヌ",
    "xyz": "エックスワイゼット",
    "club": "クラブ",
    "site": "サイト",
    "shop": "ショップ",
    "online": "オンライン",
}
"""Japanese: the TLD as it is said after ドット (``ドットコム``, ``どっとこむ``)."""
TH_TLDS: Final = {
    "com": "คอม ค็อม",
    "net": "เน็ต เน็ท",
    "org": "ออร์ก ออร์ค โออาร์จี",
    "info": "อินโฟ",
    "top": "ท็อป",
    "vip": "วีไอพี",
    "xyz": "เอ็กซ์วายแซด",
    "club": "คลับ",
    "shop": "ช็อป",
    "online": "ออนไลน์",
}
"""Thai: the TLD as it is said after ``ดอท`` or ``จุด`` (``ดอท คอม``)."""
RU_TLDS: Final = {
    "com": "ком",
    "net": "нет",
    "org": "орг",
    "info": "инфо",
    "ru": "ру",
    "top": "топ",
    "xyz": "икс игрек зет",
}
"""Russian: the TLD after ``точка`` or ``дот`` (``точка ком``, ``дот ком``)."""
AR_TLDS: Final = {
    "com": "كوم كم",
    "net": "نت",
    "org": "اورج أورج",
    "info": "انفو",
}
"""Arabic: the TLD after ``نقطة`` or ``دوت`` (``دوت كوم``)."""
EN_TLDS: Final = {
    "com": "kom|kahm|komm|comm|cahm|kawm|cawm|kohm|kum",
    "net": "nett|neht|nehtt|nettt",
    "org": "orrg|awg|orgg|ohrg|awrg",
    "vip": "veep|vipp|veeip|vee-eye-pee|vee eye pee",
    "top": "topp|tahp|tawp|tahpp",
    "xyz": "ex why zed|ex why zee|ex-why-zed|ex-why-zee",
    "info": "infoh|inffo|infoe|inphoh|infoo",
    "club": "klub|clubb|kluhb|klubb",
    "live": "lyve|lyv|livv",
    "site": "syte|sait|sighte",
    "online": "onlyne|onlain|onnline",
    "shop": "shopp|shawp|shahp",
    "store": "stor|stoar",
    "cc": "see see|cee cee|see-see",
    "tv": "tee vee|tee-vee|teevee",
    "win": "wyn|winn",
    "bet": "bett|beht",
    "fun": "funn|fuhn",
    "pro": "proh|pro-oh",
    "biz": "bizz|bihz",
    "xxx": "triple ex|triple x|ex ex ex",
    "me": "mee",
    "io": "eye oh|eye-oh",
    "app": "ap|appp",
    "click": "klik|klick|clik",
    "link": "lynk|linc",
    "asia": "aysha|aizha",
}
"""English respellings of a TLD (``dot kom``, ``.veep``, ``dot tahp``, ``dot ex why zed``): only
right after a dot or ``dot``, where a sentence seldom puts them; a reading, kept when listed."""
LETTER_NAMES: Final = {
    "a": "ay", "b": "bee", "c": "see|cee|sea", "d": "dee", "e": "ee", "f": "ef|eff",
    "g": "gee|jee", "h": "aitch|haitch", "i": "eye", "j": "jay", "k": "kay", "l": "el|ell",
    "m": "em", "n": "en", "o": "oh", "p": "pee", "q": "cue|queue", "r": "ar", "s": "ess",
    "t": "tee|tea", "u": "you|yoo", "v": "vee", "w": "double-you|double you|dubya",
    "x": "ex", "y": "why|wye", "z": "zee|zed",
}  # fmt: skip
"""English names of the letters (``see oh em`` is ``com``)."""

_TONED: Final = {
    "a": "aāáǎàă", "e": "eēéěè", "i": "iīíǐì", "o": "oōóǒò", "u": "uūúǔùüǖǘǚǜ",
}  # fmt: skip


def _syllable(syllable: str) -> str:
    """A pinyin syllable with any tone mark on its vowels, or a tone number after it."""
    body = "".join(f"[{_TONED[c]}{_TONED[c].upper()}]" if c in _TONED else c for c in syllable)
    return f"{body}[1-5]?"


def _pinyin(word: str) -> str:
    """A pinyin word's syllables, written apart, hyphenated or run together."""
    return r"[ \-]?".join(_syllable(s) for s in word.split())


def _longest(forms: list[str]) -> str:
    return "|".join(sorted(forms, key=lambda w: (-len(w), w)))


def _forms(table: dict[str, str], sep: str = " ") -> dict[str, str]:
    """Each written form of ``table`` -> its TLD (or letter)."""
    return {form: key for key, forms in table.items() for form in forms.split(sep)}


_FOREIGN: Final = _forms(TH_TLDS) | _forms(RU_TLDS, "|") | _forms(AR_TLDS)
_WRITTEN: Final = (
    _forms(ZH_TLDS) | _forms(ZHUYIN_TLDS, "|") | _forms(KO_TLDS) | _forms(JA_TLDS) | _FOREIGN
)
_EN: Final = {re.sub(r"[ \-]+", " ", form): tld for form, tld in _forms(EN_TLDS, "|").items()}
_EN_FORM: Final = _longest([form.replace(" ", r"[ \-]") for form in _EN])
_PINYIN: Final = [
    (re.compile(_pinyin(word), re.I), tld) for word, tld in _forms(PINYIN_TLDS, "|").items()
]
_LETTERS: Final = {
    re.sub(r"[ \-]+", " ", name): letter for name, letter in _forms(LETTER_NAMES, "|").items()
}
_NAME: Final = _longest([name.replace(" ", r"[ \-]") for name in _LETTERS])
_DOT: Final = (
    rf"(?:[点點.。·．丶{DOT_HOMOPHONES}]|(?i:dian|diǎn|diăn|dian3|dot)|닷|점|쩜|ドット|どっと"
    r"|ㄉㄧㄢˇ?|てん|テン|ดอท|ด็อท|จุด|(?i:точка|дот)|نقطة|نقطه|دوت|دات)"
)
"""A dot, a character read like 点, or a word for it, after which a spoken TLD may follow."""


_NOT_GLUED: Final = "(?![\u0e00-\u0e7f\u0400-\u04ff\u0600-\u06ff])"
"""(``re`` only) a Thai, Russian or Arabic TLD sound is a word of its own (``คอม`` of
``คอมพิวเตอร์``, computer, is none)."""


def _spoken(word_end: str) -> str:
    """The spoken forms after a name and its dot (``word_end``: what must follow each letter
    name): letter names only after ``dot`` (``. You are`` and ``See you`` are sentences), no
    form after Chinese (``店内特价`` is no ``店`` dot and ``内特``)."""
    name = f"(?:{_NAME}){word_end}"
    return (
        rf"[A-Za-z0-9][ \t]{{0,2}}{_DOT}[ \t]{{0,2}}"
        rf"(?:(?P<zh>{_longest([*_forms(ZH_TLDS), *_forms(ZHUYIN_TLDS, '|')])})"
        rf"|(?P<ko>{_longest(list(_forms(KO_TLDS)))})"
        rf"|(?P<ja>{_longest(list(_forms(JA_TLDS)))})"
        rf"|(?P<foreign>(?i:{_longest(list(_FOREIGN))}){word_end and _NOT_GLUED})"
        rf"|(?P<pinyin>(?i:{_longest([_pinyin(w) for w in _forms(PINYIN_TLDS, '|')])}))"
        rf"|(?P<en>(?i:{_EN_FORM}){word_end or '(?:[^A-Za-z]|$)'}))"
        rf"|[A-Za-z0-9][ \t]{{1,2}}(?i:dot)[ \t]{{1,2}}"
        rf"(?P<names>(?i:{name}(?:[ \-]{{1,2}}{name}){{1,5}}))"
    )


TRIGGER: Final = _spoken("")
"""RE2: a dot or its word, then a spoken TLD (the readers' gate and the pre-check's clause)."""
_SPOKEN_RE: Final = re.compile(f"(?:{_spoken('(?![A-Za-z])')})(?![A-Za-z])")


def _tld_of(match: re.Match[str]) -> str | None:
    """The TLD a spoken form says, or None (letter names that spell none)."""
    kind = match.lastgroup
    said = match[kind] if kind else ""
    if kind in ("zh", "ko", "ja"):
        return _WRITTEN[said]
    if kind == "foreign":
        return _WRITTEN[said.lower()]
    if kind == "en":
        return _EN[re.sub(r"[ \-]+", " ", said.lower())]
    if kind == "pinyin":
        return next((tld for form, tld in _PINYIN if form.fullmatch(said)), None)
    names = re.split(r"[ \-]{1,2}", said.lower())
    letters: list[str] = []
    i = 0
    while i < len(names):  # ``double you`` is one name, ``w``
        pair = " ".join(names[i : i + 2])
        if pair in _LETTERS:
            letters.append(_LETTERS[pair])
            i += 2
        elif names[i] in _LETTERS:
            letters.append(_LETTERS[names[i]])
            i += 1
        else:
            return None
    tld = "".join(letters)
    return tld if is_tld(tld) else None


def spoken_tlds(text: str) -> str | None:
    """``text`` with each TLD said aloud after a dot written in ASCII, or None if it has none."""
    pieces: list[str] = []
    last = 0
    for m in _SPOKEN_RE.finditer(text):
        kind = m.lastgroup
        tld = _tld_of(m)
        if tld is None or kind is None:
            continue
        start, end = m.span(kind)
        pieces += [text[last:start], tld]
        last = end
    if not pieces:
        return None
    return "".join(pieces) + text[last:]
