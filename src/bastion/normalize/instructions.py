"""Links a reader assembles by following the words of the message.

Spammers write a link so no finder sees it and tell the reader how to rebuild it:
``win seven nine dot vip (no spaces)``, ``elitesingles , domain ending com``,
``后缀是com，前面是betsonlove``, ``first part bk8 , second part vie.com (put them together)``,
``2024xemwc=com = is a dot``, ``xnQxQxQgay.net without the Qs``, ``moc.llupogsc read from right
to left``. Each class below folds what the words say (trick ``instruction``) where the reading is
certain: an instruction names the symbol, the filler or the order, or the message says which
piece is the TLD. Where it is a guess (digits read aloud with no word saying to join them, a TLD
after ``and then``), the main reading marks the tail a cut word (``split_word``: ``nine dot vip``
is never reported unless listed) and the guessed reading (:mod:`bastion.normalize.guess`) joins it
(``weak_join``), kept only when the intel lists the host.

``TRIGGER`` is an RE2 superset of every scan here: the unmasker runs the pass, and the pre-check
lets the text through, only when it occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, Final, cast

import re2

from bastion.normalize.defang import DROP_GATE
from bastion.normalize.hostwords import PROSE_SAFE_TLDS, words
from bastion.normalize.re2syntax import to_re2
from bastion.normalize.result import Group, Work
from bastion.normalize.rules import names_host
from bastion.normalize.tables import DIGIT_WORDS
from bastion.normalize.triggers import TLD
from bastion.suffixes import is_tld

_LABEL: Final = r"[A-Za-z0-9][A-Za-z0-9\-]{0,62}"
_NAME: Final = rf"(?<![A-Za-z0-9\-.@/])(?P<name>{_LABEL})"
"""A name a piece of prose points to: a whole word (not the end of a host or path)."""
_TLD: Final = r"(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9\-])"
_DOT_WORD: Final = r"(?:[.。．点點]|(?i:dot)(?![A-Za-z]))"

_DIGIT_WORD: Final = f"(?i:{'|'.join(DIGIT_WORDS)})(?![A-Za-z])"
_PROSE_WORDS: Final = words(
    "a an the this that my your our their his her its of in on at to as is it go goto visit "
    "site website web link url address here there now and or then type enter search google "
    "open check see try use via from for with by number call text add plus page was"
)
"""Words before spoken digits that are the sentence, not the start of the name (``go to seven
nine dot vip``: the host is ``79.vip``)."""

_JOIN_RE: Final = re.compile(
    r"(?i:no\s{1,2}spaces?|without\s{1,2}(?:any\s{1,2})?spaces?|(?:all\s{1,2}|as\s{1,2})?one\s{1,2}word"
    r"|put\s{1,2}(?:them|it|these)\s{1,2}together|join\s{1,2}(?:them|it)|together)"
    r"|连起来|连在一起|拼起来|拼在一起|合起来|不要空格|没有空格|去掉空格|无空格|不带空格|自己拼"
)
"""Words telling the reader to write the pieces as one word."""

_TIMES: Final = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "quadruple": 4}
"""Words that count the digit after them (``double eight`` is 88)."""
_TIMES_WORD: Final = rf"(?:(?i:{'|'.join(_TIMES)})[ ]{{1,2}})"

_SPOKEN_RE: Final = re.compile(
    rf"{_NAME}?(?P<digits>(?(name)[ ]{{1,2}}|(?<![A-Za-z0-9\-]))"
    rf"(?:{_TIMES_WORD}?{_DIGIT_WORD}|{_TIMES_WORD}[0-9]{{1,24}}(?![A-Za-z]))"
    rf"(?:[ ]{{1,2}}[A-Za-z0-9]{{1,24}}){{0,8}}?)"
    rf"(?P<dot>[ ]{{1,2}}(?i:dot)[ ]{{1,2}}|[ ]{{1,2}}[.。点][ ]{{0,2}}|[.。点]){_TLD}"
)
"""``win seven nine dot vip``, ``i nine bet six six six dot com``, ``sodo one four . com``,
``mansion double eight dot com``: digits read aloud in a name, from one word before the first of
them to the dot."""

_COUNTED_ZH_RE: Final = re.compile(
    r"(?P<count>两|俩|三|四|五|六|[2-6])个(?P<digit>[0-9])(?P<more>[0-9]?)"
    r"(?=[A-Za-z0-9\-]{0,62}\s{0,2}(?:[.。．点點]|(?i:dot)(?![A-Za-z]))\s{0,2}[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-]))"
)
"""``vk两个8 点 com``, ``iwin三个8点com``: a digit and how many times it is written, inside a
name that goes on to its dot and TLD."""
_COUNTS: Final = {"两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6}

_TLD_AFTER_RE: Final = re.compile(
    rf"{_NAME}(?P<sep>[ ]{{0,2}}[,，:;\-(（]?[ ]{{0,3}}"
    r"(?:(?<![A-Za-z0-9])(?P<domain>(?:(?i:the|its|it's|and|domain|site|website|url|link|address)"
    r"[ ]{1,2}){0,3})"
    r"(?P<explicit>(?i:ending|ends[ ]{1,2}(?:with|in)|extension|suffix|tld)(?![A-Za-z0-9])"
    r"(?:[ ]{1,2}(?i:is|in|with|of))?[ ]{0,2}[:：]?[ ]{0,2}(?:(?i:dot)[ ]{1,2}|\.[ ]{0,2}|[\"'“])?)"
    r"|(?<![A-Za-z0-9])(?P<then>(?i:(?:and[ ]{1,2})?then(?:[ ]{1,2}add)?|plus|followed[ ]{1,2}by"
    r"|and[ ]{1,2}add))[ ]{1,2}(?:(?i:dot)[ ]{1,2}|\.[ ]?)"
    r"|(?<![A-Za-z0-9])(?P<one>(?i:it'?s|it[ ]{1,2}is)[ ]{1,2}the[ ]{1,2})(?:(?i:dot)[ ]{1,2}|\.)))"
    rf"{_TLD}(?P<after>[\"'”]?[ ]{{1,2}}(?i:one|version|site|at[ ]{{1,2}}the[ ]{{1,2}}end))?"
)
"""The TLD named in English after the name: ``x , domain ending com`` (a word for the domain
before the ending, or ``ends with`` a dotted TLD no file name ends in: ``x (ends with .com)``)
and ``x , its the .com one`` are certain, and so is ``x and then .me`` with ``at the end``
after it; ``x extension .py`` or ``x then .me`` is a guess."""
_ENDS_DOTTED_RE: Final = re.compile(r"^(?i:ends)[ ].*(?:\.|(?i:dot))[ ]*$")
"""``ends with .com``: certain without a word for the domain (``a happy ending com`` is not)."""
_DOMAIN_WORDS: Final = ("domain", "site", "url", "link", "address")

_ZH_SUFFIX: Final = r"(?:域名)?(?:后缀|尾缀|结尾)(?:是|为|用)?[：:]?\s{0,2}"
_ZH_HEAD: Final = (
    r"\s{0,2}[，,、；;。]?\s{0,2}(?:然后|再)?(?:前面|前缀|主体|名字|名称|主域名|域名|前边|前半)"
    r"(?:部分)?(?:是|为|加上?|写|输入|填)?[：:]?\s{0,2}"
)
_TLD_FIRST_RE: Final = re.compile(
    rf"(?:{_ZH_SUFFIX}(?P<dot1>{_DOT_WORD}\s{{0,2}})?(?P<tld1>[A-Za-z]{{2,24}})(?![A-Za-z0-9\-])"
    rf"|(?P<dot2>{_DOT_WORD}\s{{0,2}})?(?P<tld2>[A-Za-z]{{2,24}})\s{{0,2}}(?:结尾|后缀|收尾))"
    rf"{_ZH_HEAD}(?P<name>{_LABEL})"
    rf"|(?P<dot3>{_DOT_WORD}\s{{0,2}})(?P<tld3>[A-Za-z]{{2,24}})\s{{0,2}}的?(?:前面|之前|前边)"
    rf"(?:加上?|是|写上?|输入|放|填)\s{{0,2}}(?P<name3>{_LABEL})"
)
"""The TLD named in Chinese before the name: ``后缀是com，前面是x``, ``域名后缀.com，主体x``,
``com结尾，名字x``, ``点me前面加上x``."""
_NAME_FIRST_RE: Final = re.compile(
    rf"(?:先|首先)(?:输入|打上?|写上?|输|填)\s{{0,2}}{_NAME}(?P<sep>\s{{0,2}}[，,]?\s{{0,2}}"
    rf"(?:再|然后|后面|接着)(?:输入|打上?|写上?|加上?|接上?|填)\s{{0,2}}{_DOT_WORD}\s{{0,2}})"
    rf"{_TLD}"
)
"""``先输入x再输入点com``: the name, then the TLD, in two steps."""

_HALVES_RE: Final = re.compile(
    r"(?:前半段|前半部分|前半截|前一半|前段|上半段|第一段|第一部分"
    r"|(?i:first[ ]{1,2}(?:part|half|bit|piece)|part[ ]{1,2}(?:one|1)))"
    rf"\s{{0,2}}(?:是|为|(?i:is))?[：:]?\s{{0,2}}(?P<first>{_LABEL})"
    r"(?P<gap>\s{0,2}[，,、;；]?\s{0,2}(?i:and[ ]{1,2})?(?i:then[ ]{1,2})?"
    r"(?:后半段|后半部分|后半截|后一半|后段|下半段|第二段|第二部分"
    r"|(?i:(?:the[ ]{1,2})?second[ ]{1,2}(?:part|half|bit|piece)|part[ ]{1,2}(?:two|2)))"
    r"\s{0,2}(?:是|为|(?i:is))?[：:]?\s{0,2})(?=[A-Za-z0-9])"
)
"""``网址前半段x，后半段y点com``, ``first part x , second part y.com``: two halves of a name."""

_SYMBOLS: Final = r"(?:[^\w \t\n.。点,，、：；:\"'“”‘’()（）]|_)"
"""A symbol a message may name (ASCII, emoji, any mark that is not a letter, digit, space or a
bracket or quote of the instruction itself)."""
_REPLACE_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9])(?P<sym>{_SYMBOLS})[ ]{{0,2}}(?i:is|means|equals|stands[ ]{{1,2}}for|=)"
    r"[ ]{0,2}(?i:a[ ]{1,2}|the[ ]{1,2})?(?:(?i:dot|period|point)(?![A-Za-z])|\.)"
    rf"|(?P<sym3>{_SYMBOLS})[ ]{{0,2}}"
    r"(?:改成|换成|替换成|替换为|改为|换为|代表|表示|当作?|就是|是|=)[ ]{0,2}"
    r"(?:小数点|句点|圆点|[.。点]|(?i:dot)(?![A-Za-z]))"
    r"|(?i:replace|change|swap|turn)[ ]{1,2}(?i:(?:the|every|each|all)[ ]{1,2})?"
    rf"(?P<sym2>{_SYMBOLS})(?:'?s)?[ ]{{1,2}}(?i:with|by|to|for|into)[ ]{{1,2}}(?i:a[ ]{{1,2}})?"
    r"(?:(?i:dot|period)(?![A-Za-z])|\.)"
)
"""``= is a dot``, ``把=改成.``, ``（^换成点）``, ``%代表点``, ``把%替换成小数点``, ``replace ~ with
.``: a symbol the message says stands for the dot (the decimal point, 小数点, is one)."""

_DEFANG_DROP: Final = re.compile(DROP_GATE)
_FILLER_RE: Final = re.compile(
    r"(?:(?i:without|minus|remove|delete|drop|ignore|skip|take[ ]{1,2}out|leave[ ]{1,2}out)[ ]{1,2}"
    r"(?i:the[ ]{1,2}|all[ ]{1,2}(?:the[ ]{1,2})?|every[ ]{1,2}|each[ ]{1,2}|any[ ]{1,2})?"
    r"|(?:去掉|去除|删掉|删除|删去|不要|忽略)\s{0,2}(?:所有的?|全部的?)?(?:字母|数字)?)"
    r"[\"'“‘]?(?P<fill>[A-Za-z0-9_]{1,4}?|[@*#~^|/+=$%&!\-]{1,2}?)(?:'?s)?[\"'”’]?(?![A-Za-z0-9_])"
)
"""``without the Qs``, ``delete every ZZ``, ``(remove the _s)``, ``（去掉X）``: a filler written
inside the link that the reader is told to drop."""

_NAMED_FILLER_RE: Final = re.compile(
    r"(?:(?i:without|minus|remove|delete|drop|ignore|skip|quita(?:r)?|elimina(?:r)?|enl[eè]ve[sz]?"
    r"|supprime[sz]?|entferne|bỏ|xóa|hapus|buang|убери|удали)"
    r"(?:[ ]{1,2}(?i:the|all|every|each|any|les|los|las|la|le|die|der|das|alle|dấu|tous))"
    r"{0,3}[ ]{1,2}"
    r"|(?:去掉|去除|删掉|删除|删去|忽略|不要)\s{0,2}(?:所有的?|全部的?)?)"
    r"(?:(?P<word>(?i:stars?|asterisks?|hearts?|tildes?)|星星|星号|爱心|心心|桃心)"
    r"|(?P<sym>[^\w\s()（）\[\]\"'“”‘’.,，。:：;；!?！？])"
    r"|(?P<letter>[A-Za-z])(?:'?s)?)(?![A-Za-z0-9])"
)
"""``(ignore the stars)``, ``（去掉爱心）``, ``(enlève les ★)``, ``(quita los x)``, ``(bỏ dấu ~)``:
a filler the message names (a symbol, a word for one, or one letter) to be dropped from a name."""


def dropped_symbols(text: str) -> frozenset[str]:
    """The symbols a message tells the reader to drop (``(remove every $)``, ``（去掉#）``): no
    other pass may read them as letters first (``r$o$s$e`` is ``rose``, not currency signs)."""
    found = {m["fill"] for m in _FILLER_RE.finditer(text) if m["fill"] and not m["fill"].isalnum()}
    found.update(m["sym"] for m in _NAMED_FILLER_RE.finditer(text) if m["sym"])
    return frozenset(ch for sym in found for ch in sym)


_FILLER_WORDS: Final = {
    "star": "★☆✦✩✪✫✬✭✮✯✰⭐*＊", "asterisk": "*＊", "heart": "♥❤♡💕💖💗💓💘💝❣🖤💜💙💚💛🧡",
    "tilde": "~～", "星星": "★☆✦✩✪⭐*＊", "星号": "*＊★", "爱心": "♥❤♡💕💖💗💓💘💝❣",
    "心心": "♥❤♡💕💖💗", "桃心": "♥❤♡💕💖💗",
}  # fmt: skip
_THEN_DOT_RE: Final = re.compile(
    r"\s{0,2}(?:[点點。]|(?i:dot)(?![A-Za-z]))\s{0,2}(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9])"
)
_FILLER_REACH: Final = 200
"""How far from the instruction a name it speaks of may be."""
_MAX_KEYS: Final = 8
"""How many different symbols, fillers or TLDs one text's instructions may name before the rest
are ignored: a message names one or two; each costs a scan of every token of the text."""

_REVERSE_RE: Final = re.compile(
    r"(?i:right[ \-]{1,2}to[ \-]{1,2}left|from[ ]{1,2}the[ ]{1,2}(?:end|back|right)"
    r"|in[ ]{1,2}reverse|reverse[ ]{1,2}order|backward(?![A-Za-z])|mirror(?:ed)?(?![A-Za-z]))"
    r"|从右往左|从右到左|从右向左|从后往前|从后向前|从后面往前"
)
"""Reading order said in words (``read from right to left``) beyond the reverse words the
defanging pass knows (``backwards``, ``倒过来``)."""

_AN_DOT: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"
_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-/?=&%~^$|!;:*#+]{2,253}[A-Za-z0-9/]")

_DIGITS_ALT: Final = "|".join(DIGIT_WORDS)
_DOTTED: Final = r"[^ \t\r\n.]\.[^ \t\r\n.]"
"""A dot inside a token: what a filler dropped or a token reversed names a host with."""
_FILLER_KEY: Final = (
    r"(?:(?i:without|minus|remove|delete|drop|ignore|skip|take[ ]{1,2}out|leave[ ]{1,2}out)"
    r"[ ]{1,2}(?:(?i:the|all|every|each|any)[ ]{1,2}(?:(?i:the)[ ]{1,2})?)?[\"'“‘]?"
    r"(?:[A-Za-z0-9_]{0,3}[A-Z0-9_]|[@*#~^|/+=$%&!\-])"
    r"|(?:去掉|去除|删掉|删除|删去|不要|忽略)\s{0,2}(?:所有|全部)?的?(?:字母|数字)?[\"'“‘]?"
    r"[A-Za-z0-9_@*#~^|/+=$%&!\-])"
)
_NAMED_KEY: Final = (
    r"(?:(?i:without|minus|remove|delete|drop|ignore|skip|quita|elimina|enl[eè]ve|supprime"
    r"|entferne|bỏ|xóa|hapus|buang|убери|удали)[ ]|去掉|去除|删掉|删除|删去|忽略|不要)"
)
_DOT_NEAR: Final = rf"(?:{_DOTTED}|[A-Za-z0-9][点點][A-Za-z]|[ ](?i:dot)[ ])"
"""A dot or its word between letters: where a named filler can hide a host."""
_REVERSE_KEY: Final = (
    r"(?:(?i:right[ \-]{1,2}to[ \-]{1,2}left|from[ ]{1,2}the[ ]{1,2}(?:end|back|right)"
    r"|in[ ]{1,2}reverse|reverse[ ]{1,2}order|backward|mirror)"
    r"|从右往左|从右到左|从右向左|从后往前|从后向前|从后面往前)"
)
_INSERT_DOT_RE: Final = re.compile(
    r"(?i:add|put|insert|type)[ ]{1,2}(?i:a[ ]{1,2}|the[ ]{1,2})?(?:\.|(?i:dot)(?![A-Za-z]))"
    r"[ ]{1,2}(?i:before|in[ ]{1,2}front[ ]{1,2}of)[ ]{1,2}(?i:the[ ]{1,2})?[\"'“]?\.?"
    r"(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9])"
    r"|(?:在\s{0,2})?[\"'“]?(?<![A-Za-z0-9])(?P<tld2>[A-Za-z]{2,24})[\"'”]?\s{0,2}(?:前面?|之前|前边)"
    r"(?:加|添加|插入|补|打)(?:上|个|一个)?\s{0,2}(?:\.|点|。|(?i:dot))"
    r"|(?P<yourself>(?i:add[ ]{1,2}the[ ]{1,2}(?:dot|\.)[ ]{1,2}yourself)"
    r"|自己加(?:上|个)?(?:点|\.))"
)
"""``（在com前加.）``, ``（com前面加个点）``, ``add . before org``: a dot the reader puts before
the TLD; ``(add the dot yourself)`` does not say where, a guess."""
_COUNTS_EN: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS_ZH: Final = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_COUNTED_DOT_RE: Final = re.compile(
    r"(?i:add|put|insert|place|type)[ ]{1,2}(?i:a[ ]{1,2}|the[ ]{1,2})?(?:\.|(?i:dot|period))"
    r"[ ]{1,2}(?i:before|in[ ]{1,2}front[ ]{1,2}of)[ ]{1,2}(?i:the[ ]{1,2})?(?i:last|final)[ ]{1,2}"
    r"(?P<n>[2-6]|(?i:two|three|four|five|six))[ ]{1,2}(?i:letters|characters|chars)"
    r"|(?:最后|最後|末尾|倒数|倒數)(?:的)?(?P<n2>[2-6二两兩三四五六])(?:个|個|位)(?:字母|字符|字)?"
    r"(?:前面?|之前|前边|前邊)(?:加|添加|插入|补|補|打|放)(?:上|个|個|一个|一個)?\s{0,2}"
    r"(?:\.|点|點|。|(?i:dot))"
)
"""``madoutv (put a dot before the last 2 letters)``, ``pornsiteme（最后2个字母前面加个点）``:
the dot's place counted from the end of the name before the instruction."""
_LAST_TOKEN_RE: Final = re.compile(r"(?<![A-Za-z0-9\-.@/])[A-Za-z0-9][A-Za-z0-9\-]{2,70}")
_MASK_RE: Final = re.compile(
    r"(?:(?P<sym>[*＊]+)\s{0,2}(?:=|是|为|代表|表示|(?i:means|stands[ ]{1,2}for))|(?:星号|星星)"
    r"(?:是|为|代表|表示))\s{0,2}[\"'“]?(?P<fill>[A-Za-z0-9]{1,12})(?![A-Za-z0-9])"
)
"""``（星号是ada）``, ``(* = i)``: what the stars inside a host stand for."""
_STARS_RE: Final = re.compile(r"(?<=[A-Za-z0-9\-])[*＊]+|[*＊]+(?=[A-Za-z0-9\-])")

_KEYS: Final = (
    (
        "spoken",
        rf"(?:(?i:{'|'.join(DIGIT_WORDS)})|(?i:double|twice|triple|treble|quadruple)[ ]+[0-9]+)"
        r"(?:[ ]+[A-Za-z0-9]+)*"
        r"(?:[ ]{1,2}(?i:dot)[ ]{1,2}|[ ]{1,2}[.。点][ ]{0,2}|[.。点])"
        rf"{TLD}(?:[^A-Za-z0-9\-]|$)",
    ),
    (
        "tld_after",
        r"(?:^|[^A-Za-z0-9])(?i:ending|ends[ ]{1,2}(?:with|in)|extension|suffix|tld)[^A-Za-z0-9]"
        r"|(?i:then|plus|by|add|it'?s[ ]{1,2}the|is[ ]{1,2}the)[ ]{1,2}(?:(?i:add)[ ]{1,2})?"
        r"(?:(?i:dot)[ ]|\.)",
    ),
    (
        "tld_first",
        r"后缀|尾缀|结尾|收尾|[A-Za-z]\s{0,2}的?(?:前面|之前|前边)|先(?:输入|打|写|输|填)",
    ),
    (
        "halves",
        r"前半|前一半|前段|上半段|第一段|第一部分"
        r"|(?i:first[ ]{1,2}(?:part|half|bit|piece)|part[ ]{1,2}(?:one|1))",
    ),
    (
        "replace",
        rf"{_SYMBOLS}[ ]{{0,2}}(?i:is|means|equals|stands[ ]{{1,2}}for|=)[ ]{{0,2}}"
        r"(?:(?i:a|the)[ ]{1,2})?(?:(?i:dot|period|point)|\.)"
        rf"|{_SYMBOLS}[ ]{{0,2}}(?:改成|换成|替换成?|替换为|改为|换为|代表|表示|当|就是|是|=)"
        r"[ ]{0,2}(?:小数点|句点|圆点|[.。点]|(?i:dot))"
        r"|(?i:replace|change|swap|turn)[ ]{1,2}(?:(?i:the|every|each|all)[ ]{1,2})?"
        rf"{_SYMBOLS}",
    ),
    ("filler", rf"(?s:{_FILLER_KEY}.*{_DOTTED}|{_DOTTED}.*{_FILLER_KEY})"),
    ("named_filler", rf"(?s:{_NAMED_KEY}.*{_DOT_NEAR}|{_DOT_NEAR}.*{_NAMED_KEY})"),
    ("reverse", rf"(?s:{_REVERSE_KEY}.*{_DOTTED}|{_DOTTED}.*{_REVERSE_KEY})"),
    (
        "insert_dot",
        r"(?i:add|put|insert|type)[ ]{1,2}(?:(?i:a|the)[ ]{1,2})?(?:\.|(?i:dot))"
        r"|(?:前面?|之前|前边)(?:加|添加|插入|补|打)|自己加",
    ),
    ("mask", r"[*＊]\s{0,2}(?:=|是|为|代表|表示|(?i:means|stands))|星号|星星"),
    ("counted", r"(?:两|俩|三|四|五|六|[2-6])个[0-9]"),
)
"""Per scan of :func:`instruction_pass`, a superset of the texts it changes (its keywords)."""


@cache
def _key_set() -> Callable[[bytes], list[int]]:
    """The keys as one RE2 set: one DFA scan says which scans can change the text."""
    options = re2.Options()
    options.max_mem = _KEY_MEMORY
    compiled: Any = re2.Set.SearchSet(options)
    for _, pattern in _KEYS:
        compiled.Add(to_re2(pattern).encode())
    compiled.Compile()
    return cast("Callable[[bytes], list[int]]", compiled._set.Match)


_KEY_MEMORY: Final = 16 << 20
_KEY_MAX: Final = 4096
"""Longer texts run every scan: an RE2 set may give up on them (DFA budget) and match nothing."""


def _scans_for(text: str) -> list[int]:
    if len(text) > _KEY_MAX:
        return list(range(len(_KEYS)))
    return sorted(_key_set()(text.encode("utf-8", "surrogatepass")))


TRIGGER: Final = "|".join(pattern for _, pattern in _KEYS)
"""A superset of every scan of :func:`instruction_pass`, written for ``re`` without look-around:
the pre-check's clause, and through ``to_re2`` the pass's trigger."""


GATE: Final = "|".join(
    (
        rf"(?i:{'|'.join(DIGIT_WORDS)})[ .。点]",
        r"(?i:double|twice|triple|treble|quadruple)[ ]+[0-9]",
        r"(?i:ending|ends|extension|suffix|tld)[^A-Za-z0-9]",
        r"(?i:then|plus|by|add|the)[ ]+(?:(?i:add)[ ]+)?(?:(?i:dot)|\.)",
        r"后缀|尾缀|结尾|收尾|前面|之前|前边|先输入|先打|先写|先输|先填",
        r"前半|前一半|前段|上半段|第一段|第一部分"
        r"|(?i:first[ ]+(?:part|half|bit|piece)|part[ ]+(?:one|1))",
        rf"{_SYMBOLS}[ ]*(?:(?i:is|means|equals|stands)|=|改成|换成|替换|改为|换为|代表|表示|当"
        r"|就是|是)",
        r"(?i:replace|change|swap|turn)[ ]",
        r"(?i:without|minus|remove|delete|drop|ignore|skip|take[ ]+out|leave[ ]+out)[ ]",
        r"去掉|去除|删掉|删除|删去|不要|忽略|星号|星星|自己加|前(?:加|添加|插入|补|打)",
        r"(?i:quita|elimina|enl[eè]ve|supprime|entferne|bỏ|xóa|hapus|buang|убери|удали)[ ]",
        _REVERSE_KEY,
        r"(?i:add|put|insert|type)[ ]+(?:(?i:a|the)[ ]+)?(?:\.|(?i:dot))",
        r"[*＊]\s*(?:=|是|为|代表|表示|(?i:means|stands))",
        r"(?:两|俩|三|四|五|六|[2-6])个[0-9]",
    )
)
"""A cheap superset of :data:`TRIGGER` for the unmasker's gate set: keywords without the
bounded repeats and ``.*`` of the exact keys, which multiply the states of a DFA shared with
every other pass's gate (its cache then thrashes: 170 us a read instead of 3). The pass reads
the exact keys in a set of their own."""


def instruction_pass(work: Work) -> None:
    """Follow the message's instructions for rebuilding a link (see the module docstring); each
    scan runs only where its keywords occur."""
    taken = bytearray(len(work.text))
    groups: list[Group] = []
    for index in _scans_for(work.text):
        for group in _SCANS[index](work):
            start, end = group[1], group[2]
            if not any(taken[start:end]):
                taken[start:end] = b"\1" * (end - start)
                groups.append(group)
    groups.sort(key=lambda group: group[1])
    work.apply(groups)


def _halves(work: Work) -> list[Group]:
    """Join the two halves a message names (``first part x , second part y.com``)."""
    text = work.text
    found: list[Group] = []
    for m in _HALVES_RE.finditer(text):
        start, end = m.span("gap")
        found.append(("instruction", m.start("first"), end, [(start, end, "")]))
    return found


def _tld_first(work: Work) -> list[Group]:
    """Move a TLD named before its name behind it (``后缀是com，前面是x`` -> ``x.com``)."""
    text = work.text
    found: list[Group] = []
    for m in _TLD_FIRST_RE.finditer(text):
        which = next(i for i in ("1", "2", "3") if m["tld" + i] is not None)
        tld = m["tld" + which]
        name_group = "name3" if which == "3" else "name"
        name = m[name_group]
        if not is_tld(tld.lower()) or len(set(name.lower())) < 2:
            continue
        dot = m["dot" + which]
        tld_start = m.start("dot" + which) if dot is not None else m.start("tld" + which)
        a, b = m.span(name_group)
        edits = [(tld_start, m.end("tld" + which), ""), (a, b, f"{name}.{tld}")]
        found.append(("instruction", m.start(), b, edits))
    for m in _NAME_FIRST_RE.finditer(text):
        if is_tld(m["tld"].lower()):
            found.append(("instruction", m.start("name"), m.end("tld"), [(*m.span("sep"), ".")]))
    return found


def _tld_after(work: Work) -> list[Group]:
    """Put the TLD an English phrase names after the name (``x , domain ending com``)."""
    text = work.text
    found: list[Group] = []
    for m in _TLD_AFTER_RE.finditer(text):
        name = m["name"]
        if (
            not is_tld(m["tld"].lower())
            or name.lower() in _PROSE_WORDS
            or len(set(name.lower())) < 2
        ):
            continue
        start, end = m.span("sep")
        edits = [(start, end, ".")]
        if m["explicit"] is not None:
            named = any(word in m["domain"].lower() for word in _DOMAIN_WORDS)
            dotted = _ENDS_DOTTED_RE.search(m["explicit"]) is not None
            guess = not named and not (dotted and m["tld"].lower() in PROSE_SAFE_TLDS)
        else:
            guess = m["then"] is not None and not (m["after"] or "").lower().endswith("end")
        if not guess:
            found.append(("instruction", m.start(), m.end("tld"), edits))
        elif work.guess:
            found.append(("weak_join", m.start(), m.end("tld"), edits))
        else:
            found.append(("split_word", m.end("name"), m.end("tld"), []))
    return found


def _spoken_digits(work: Work) -> list[Group]:
    """Digits read aloud inside a name (``win seven nine dot vip``): joined when the message
    says to write it as one word, else a guess (two or more words) whose tail is a cut word."""
    text = work.text
    found: list[Group] = []
    for m in _SPOKEN_RE.finditer(text):
        words = m["digits"].split()
        if not is_tld(m["tld"].lower()) or any(w.lower() in _PROSE_WORDS for w in words):
            continue
        name, start = m["name"], m.start()
        digits_start = m.start("digits") + len(m["digits"]) - len(m["digits"].lstrip())
        if name is not None and name.lower() in _TIMES:  # ``double nine numbers``: a count
            words, name, digits_start = [name, *words], None, start
        joined, unsure = _spoken_run(words)
        certain = _JOIN_RE.search(text, m.end(), m.end() + 48) is not None
        if name is not None and (name.lower() in _PROSE_WORDS or _amid_words(text, start)):
            # ``go to seven nine`` (79) or ``go to go eight eight f`` (go88f): both readings
            if work.guess:
                edits = [(start, m.end("digits"), name + joined), (*m.span("dot"), ".")]
                found.append(("weak_join", start, m.end("tld"), edits))
            elif certain or len(words) >= 2:
                edits = [(digits_start, m.end("digits"), joined), (*m.span("dot"), ".")]
                found.append(("split_word", digits_start, m.end("tld"), edits))
            continue
        edits = [(start, m.end("digits"), _spoken(name or "") + joined), (*m.span("dot"), ".")]
        if certain:
            trick = "ambiguous_host" if unsure else "instruction"
            found.append((trick, start, m.end("tld"), edits))
        elif len(words) + (name is not None) < 2:
            continue
        elif work.guess:
            found.append(("weak_join", start, m.end("tld"), edits))
        else:
            last = m.start("digits") + m["digits"].rindex(words[-1])
            found.append(("split_word", last, m.end("tld"), []))
    return found


_WORD_BEFORE_RE: Final = re.compile(r"([A-Za-z]{1,24})[ ]{1,2}$")
_LEAD_WORDS: Final = words("join play register signup sign bet login log")


def _amid_words(text: str, start: int) -> bool:
    """The word before spoken digits follows another word of the sentence (``free spins daily
    six five``): it may be the sentence's (``651601.com``) or the name's (``daily651601.com``),
    so both readings are guesses; after a prose word, a lead verb or punctuation it is the
    name's (``go to bulldog seven``, ``Win big: bola eight``)."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 27), start)
    return before is not None and before[1].lower() not in _PROSE_WORDS | _LEAD_WORDS


def _spoken_run(words: list[str]) -> tuple[str, bool]:
    """Digits read aloud, joined, with the counted ones written out (``double eight`` is 88,
    ``four times zero`` 0000); unsure when a count falls on several digits (``double 82``: 882
    or 8282?), where the count is taken for the first."""
    out: list[str] = []
    times, unsure = 1, False
    for word in words:
        lower = word.lower()
        if lower in _TIMES:
            times = _TIMES[lower]
            continue
        if lower == "times" and out and len(out[-1]) == 1 and out[-1].isdigit():
            times = int(out.pop())
            continue
        said = _spoken(word)
        if times > 1:
            unsure = unsure or not said.isdigit() or len(said) > 1
            said = said[0] * times + said[1:]
            times = 1
        out.append(said)
    return "".join(out), unsure


def _counted_zh(work: Work) -> list[Group]:
    """``vk两个8 点 com`` is ``vk88.com``: a counted digit written out. A digit right after the
    counted one (``luck三个82``: 8882 or 828282?) makes the count unsure: it is taken for the
    first and the host flagged ``ambiguous_host`` (listed, acted on; unlisted, a person looks)."""
    found: list[Group] = []
    for m in _COUNTED_ZH_RE.finditer(work.text):
        count = _COUNTS.get(m["count"]) or int(m["count"])
        trick = "ambiguous_host" if m["more"] else "instruction"
        start, end = m.start(), m.end("digit")
        found.append((trick, start, end, [(start, end, m["digit"] * count)]))
    return found


def _spoken(word: str) -> str:
    lower = word.lower()
    return str(DIGIT_WORDS.index(lower)) if lower in DIGIT_WORDS else word


def _replaced_symbol(work: Work) -> list[Group]:
    """Read a symbol as the dot where the message says it is one (``x=com = is a dot``); the
    instruction's own symbol goes, so it reads as no dot either (``fun 🌹 is a dot``)."""
    text = work.text
    found: list[Group] = []
    dotted: dict[str, bool] = {}  # a symbol named again reads the same tokens again
    for instruction in _REPLACE_RE.finditer(text):
        which = next(g for g in ("sym", "sym2", "sym3") if instruction[g] is not None)
        symbol = instruction[which]
        if symbol not in dotted:
            if len(dotted) == _MAX_KEYS:
                continue
            replaced = _dotted_by(text, symbol)
            dotted[symbol] = bool(replaced)
            found.extend(replaced)  # given once: a later copy would lose to this one anyway
        if dotted[symbol]:
            start, end = instruction.span(which)
            found.append(("instruction", start, end, [(start, end, "")]))
    return found


def _dotted_by(text: str, symbol: str) -> list[Group]:
    """The tokens of ``text`` that name a host once ``symbol`` is read as the dot."""
    replaced: list[Group] = []
    for token in _token_re(symbol).finditer(text):
        if symbol not in token[0]:
            continue
        inside = re.sub(rf"(?<=[A-Za-z0-9]){re.escape(symbol)}+(?=[A-Za-z0-9])", ".", token[0])
        if inside != token[0] and names_host(inside) and not names_host(token[0]):
            replaced.append(_token_edit(token, inside))
    return replaced


def _dropped_filler(work: Work) -> list[Group]:
    """Drop the filler the message names from inside a host (``xnQxQxQgay.net without the
    Qs``)."""
    text = work.text
    found: list[Group] = []
    tried: set[str] = set()
    for instruction in _FILLER_RE.finditer(text):
        if _DEFANG_DROP.match(text, instruction.start()):
            continue  # the defanging pass drops this symbol (``(remove all #)``)
        fill = instruction["fill"]
        if fill in tried or len(tried) == _MAX_KEYS:
            continue  # a repeated instruction finds what the first found
        tried.add(fill)
        pattern = re.compile(rf"(?<=[A-Za-z0-9_.\-]){re.escape(fill)}(?=[A-Za-z0-9_.\-])")
        for token in _token_re(fill).finditer(text):
            if fill not in token[0]:
                continue
            inside = pattern.sub("", token[0])
            if inside != token[0] and names_host(inside) and _filler_ok(token[0], fill):
                found.append(_token_edit(token, inside))
    return found


def _named_filler(work: Work) -> list[Group]:
    """Drop the filler the message names, in words or other languages, from a name near the
    instruction (``norges★aut★o★maten.com (ignore the stars)``, ``to♥ng♥g♥a88点com （去掉爱心）``,
    ``d9betxx68.com （去掉x）``). A letter is a filler only where the name holds it twice or more
    (``example.com without the e`` names no filler), and named in an aside.

    The names within reach of each instruction are those of :class:`_FillerTokens`, read once
    a filler, each judged once: ``(remove #)`` a hundred times over reads the text once, not a
    hundred times 400 characters."""
    text = work.text
    found: list[Group] = []
    readers: dict[str, _FillerTokens] = {}
    for instruction in _NAMED_FILLER_RE.finditer(text):
        if instruction["word"] is not None:
            word = instruction["word"].lower()
            chars = _FILLER_WORDS.get(word.rstrip("s"), _FILLER_WORDS.get(word, ""))
        elif instruction["letter"] is not None:
            if text[max(0, instruction.start() - 2) : instruction.start()].strip()[-1:] not in (
                "(",
                "（",
            ):
                continue  # a letter only in an aside: ``(quita los x)``, not ``skip a line.com``
            chars = instruction["letter"]
        else:
            chars = instruction["sym"]
        lo = max(0, instruction.start() - _FILLER_REACH)
        hi = min(len(text), instruction.end() + _FILLER_REACH)
        for char in chars:
            if text.find(char, lo, hi) < 0:
                continue
            reader = readers.get(char)
            if reader is None:
                reader = _FillerTokens(text, char, whole=len(readers) < _MAX_KEYS)
                readers[char] = reader
            for start, end in reader.within(lo, hi):
                if instruction.start() <= start < instruction.end():
                    continue
                inside = reader.dropped(start, end)
                if inside is not None:
                    found.append(("instruction", start, end, [(start, end, inside)]))
            if found:
                break
    return found


class _FillerTokens:
    """The names holding filler ``char`` that :func:`_named_filler` reads within an
    instruction's reach, as ``token_re.finditer(text, lo, hi)`` finds them, and the name each
    reads as once the filler is dropped.

    ``whole``: the text's tokens are read once and those holding ``char`` kept; a window then
    takes those starting in it (a token starts only where a run of token characters does, so a
    window's scan finds no other), the one running past the window's end cut as the window's
    scan cuts it. Otherwise (a text naming many fillers) each window is scanned as it comes."""

    __slots__ = ("_ends", "_judged", "_starts", "char", "text", "token_re")

    def __init__(self, text: str, char: str, *, whole: bool) -> None:
        self.text, self.char = text, char
        fill = re.escape(char)
        self.token_re = re.compile(
            rf"(?<![A-Za-z0-9\-.{fill}])[A-Za-z0-9{fill}][A-Za-z0-9\-.{fill}]*[A-Za-z0-9]"
        )
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        if whole:
            spans = [m.span() for m in self.token_re.finditer(text) if char in m[0]]
            self._starts = [a for a, _ in spans]
            self._ends = [b for _, b in spans]
        self._judged: dict[tuple[int, int], str | None] = {}

    def within(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """The spans of the tokens ``finditer(text, lo, hi)`` finds (those without the filler
        may be left out: nothing drops from them)."""
        if self._starts is None:
            yield from (m.span() for m in self.token_re.finditer(self.text, lo, hi))
            return
        for index in range(bisect_left(self._starts, lo), len(self._starts)):
            start, end = self._starts[index], self._ends[index]
            if start >= hi:
                return
            if end > hi:
                cut = self.token_re.match(self.text, start, hi)
                if cut is None:
                    continue
                end = cut.end()
            yield start, end

    def dropped(self, start: int, end: int) -> str | None:
        """The token at ``start:end`` without its filler, where that names a host."""
        span = (start, end)
        if span not in self._judged:
            self._judged[span] = self._judge(start, end)
        return self._judged[span]

    def _judge(self, start: int, end: int) -> str | None:
        text, char = self.text, self.char
        token = text[start:end]
        inside = token.replace(char, "")
        if inside == token or (char.isalpha() and _inner(token, char) < 2):
            return None
        after = _THEN_DOT_RE.match(text, end)
        if names_host(inside) or (after is not None and names_host(f"{inside}.{after['tld']}")):
            return inside
        return None


def _inner(token: str, char: str) -> int:
    """How often ``char`` stands between two letters or digits of ``token``."""
    return sum(
        1
        for i in range(1, len(token) - 1)
        if token[i] == char and token[i - 1].isalnum() and token[i + 1].isalnum()
    )


def _inserted_dot(work: Work) -> list[Group]:
    """Put the dot before the TLD the message names (``flipfapcom（在com前加.）``); where it names
    none (``(add the dot yourself)``), the guessed reading tries the spam TLD a token ends in.

    An instruction speaks of the names before it; one naming a TLD named before (or none, as
    one before) reads only the names after the last one's (:class:`_NamesBefore`), for at most
    :data:`_MAX_KEYS` TLDs: what the earlier one found stands first either way."""
    text = work.text
    found: list[Group] = _counted_dot(text)
    readers: dict[str, _NamesBefore] = {}
    for instruction in _INSERT_DOT_RE.finditer(text):
        tld = instruction["tld"] or instruction["tld2"] or ""
        if tld and not is_tld(tld.lower()):
            continue
        reader = readers.get(tld.lower())
        if reader is None:
            if len(readers) == _MAX_KEYS:
                continue
            if tld:
                ending = re.compile(
                    rf"(?<![A-Za-z0-9\-.])[A-Za-z0-9\-]{{2,63}}(?={re.escape(tld)}"
                    rf"(?![A-Za-z0-9\-.]))",
                    re.I,
                )
                reader = readers[tld.lower()] = _NamesBefore(text, ending)
            else:
                reader = readers[""] = _NamesBefore(text, _GLUED_RE)
        for token in reader.new_before(instruction.start()):
            if tld:
                end = token.end()
                found.append(("instruction", token.start(), end + len(tld), [(end, end, ".")]))
                continue
            word = token[0].lower()
            glued = next(
                (t for t in _GLUED_TLDS if word.endswith(t) and len(word) > len(t) + 2), ""
            )
            if not glued:
                continue
            if work.guess:
                end = token.end() - len(glued)
                found.append(("weak_dot", token.start(), token.end(), [(end, end, ".")]))
            else:  # no host yet: the mark only calls for the guessed reading
                found.append(("split_word", token.start(), token.end(), []))
    return found


_TOKEN_CHARS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.@/"
)
"""What a name :func:`_inserted_dot` reads, or the character its look-arounds test, may hold."""


class _NamesBefore:
    """The names ``token_re.finditer(text, 0, before)`` finds, for growing ``before``, each
    given once: a name cannot hold a character outside :data:`_TOKEN_CHARS`, so the scan up to
    a later instruction finds what the last one found before the last such character, and is
    resumed there (the names after it may run further now and are read again)."""

    __slots__ = ("_given", "_resume", "text", "token_re")

    def __init__(self, text: str, token_re: re.Pattern[str]) -> None:
        self.text, self.token_re = text, token_re
        self._resume = 0
        self._given: set[tuple[int, int]] = set()

    def new_before(self, before: int) -> Iterator[re.Match[str]]:
        """The names before ``before`` not given yet (by span)."""
        text = self.text
        for token in self.token_re.finditer(text, self._resume, before):
            if token.span() not in self._given:
                self._given.add(token.span())
                yield token
        resume = max(self._resume, before)
        while resume > self._resume and text[resume - 1] in _TOKEN_CHARS:
            resume -= 1
        self._resume = resume


def _counted_dot(text: str) -> list[Group]:
    """The dot put before the last N letters of the name just before the instruction, where
    they make a TLD (``five88win`` -> ``five88.win``)."""
    found: list[Group] = []
    for instruction in _COUNTED_DOT_RE.finditer(text):
        said = (instruction["n"] or instruction["n2"]).lower()
        count = _COUNTS_EN.get(said) or _COUNTS_ZH.get(said) or int(said)
        line_start = text.rfind("\n", 0, instruction.start()) + 1
        tokens = list(_LAST_TOKEN_RE.finditer(text, line_start, instruction.start()))
        if not tokens or not count:
            continue
        token = tokens[-1]
        cut = token.end() - count
        if cut - token.start() >= 2 and is_tld(text[cut : token.end()].lower()):
            found.append(("instruction", token.start(), token.end(), [(cut, cut, ".")]))
    return found


_GLUED_RE: Final = re.compile(
    r"(?<![A-Za-z0-9\-.@/])[A-Za-z0-9][A-Za-z0-9\-]{3,70}(?![A-Za-z0-9\-.@])"
)
_GLUED_TLDS: Final = tuple(sorted(PROSE_SAFE_TLDS, key=lambda w: (-len(w), w)))
"""Spam TLDs a token may end in, longest first (``v9betwinnet`` -> ``v9betwin.net``)."""


def _unmasked_stars(work: Work) -> list[Group]:
    """Fill the stars inside a host with what the message says they stand for
    (``maj***honda.org（星号是ada）`` -> ``majadahonda.org``).

    The starred tokens are read once, and only those with a dot can name a host once filled (a
    fill is letters and digits); each fill is tried once, and at most :data:`_MAX_KEYS` of them,
    so a text of many instructions and many starred tokens costs their sum, not their product."""
    text = work.text
    tokens = [
        token
        for token in _token_re("*＊").finditer(text)
        if "." in token[0] and ("*" in token[0] or "＊" in token[0])
    ]
    if not tokens:
        return []
    for fill in _distinct(instruction["fill"] for instruction in _MASK_RE.finditer(text)):
        found: list[Group] = []
        for token in tokens:
            inside = _STARS_RE.sub(fill, token[0])
            if inside != token[0] and names_host(inside):
                found.append(_token_edit(token, inside))
        if found:
            return found
    return []


def _distinct(keys: Iterable[str]) -> Iterator[str]:
    """``keys`` without repeats, the first :data:`_MAX_KEYS` of them: an instruction repeated
    finds what it found the first time."""
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            continue
        if len(seen) == _MAX_KEYS:
            return
        seen.add(key)
        yield key


def _filler_ok(token: str, fill: str) -> bool:
    """A filler is dropped where it is one: a symbol, a capital in a name otherwise lower case
    (``atQeljQekontrasQt``), or capitals or digits written twice or more (``assZZignZZ``,
    ``3X1X3884X44``); lower-case letters are the name's own (``example.com without the e``)."""
    if not fill.replace("_", "!").isalnum():
        return True
    if fill == fill.lower() and not any(char.isdigit() for char in fill):
        return False
    rest = token.replace(fill, "")
    return (fill != fill.lower() and rest == rest.lower()) or token.count(fill) >= 2


def _reversed(work: Work) -> list[Group]:
    """Reverse a token that names a host only backwards when the message says to read it from
    the right (``moc.llupogsc read from right to left``)."""
    text = work.text
    if _REVERSE_RE.search(text) is None:
        return []
    found: list[Group] = []
    for token in _TOKEN_RE.finditer(text):
        flipped = token[0][::-1]
        if names_host(flipped) and not names_host(token[0]):
            found.append(_token_edit(token, flipped))
    return found


def _token_re(piece: str) -> re.Pattern[str]:
    """A link-like token that may hold ``piece`` (a symbol or filler the message names)."""
    extra = re.escape("".join(sorted(set(piece) - set(_AN_DOT))))
    return re.compile(
        rf"[A-Za-z0-9_{extra}][A-Za-z0-9_.\-/?=&%~^$|!;:*#+{extra}]{{2,253}}[A-Za-z0-9/]"
    )


def _token_edit(token: re.Match[str], new: str) -> Group:
    start, end = token.span()
    return ("instruction", start, end, [(start, end, new)])


_SCANS: Final = (
    _spoken_digits,
    _tld_after,
    _tld_first,
    _halves,
    _replaced_symbol,
    _dropped_filler,
    _named_filler,
    _reversed,
    _inserted_dot,
    _unmasked_stars,
    _counted_zh,
)
"""The scans, in the order of :data:`_KEYS`."""
assert len(_SCANS) == len(_KEYS)
