"""How much a dot-word-dot-word token in running text looks like a host rather than prose.

Shared by the spelled-dot unmasking pass (is ``deca丶bet`` a host?) and the bare-domain finder of
``bastion.extract`` (is ``virginia.in`` a host?). The Public Suffix List says what *can* be a
host; these rules say what is plausible in a message. Measured on English SMS, YouTube comments
and Weibo: prose runs words together as ``her.love``, ``pain.it``, ``Wife.how``, ``end.Next``
(short common words, title case after the dot); spam hosts are brand words (``lutrija.rs``),
run-together words (``voyeurhit.tube``) and random case (``sYnotTip.Cz``).
"""

from __future__ import annotations

import re
from typing import Final


def words(text: str) -> frozenset[str]:
    """A set of the space-separated words of ``text`` (keeps long word tables readable)."""
    return frozenset(text.split())


COMMON_TLDS: Final = frozenset(
    {"com", "net", "org", "cn", "cc", "top", "vip", "xyz", "info", "club", "site", "online"}
    | {"shop", "ru", "hk", "tw", "io", "app"}
)
"""TLDs spammers use most; an ambiguous dot (``。``, ``、``, ``. ``) before one counts as a dot."""

WORD_TLDS: Final = words(
    "it my do be am is in to us as at by no so me pa ad im id la ma re st pe nu sb"
)
"""Two-letter TLDs that are also English words or chat-speak (``pain.it``, ``you.my``, ``SB``)."""

PROSE_SAFE_TLDS: Final = words(
    "com net org edu gov biz info xyz top vip club site online shop store app io co "
    "cc tv pro mobi asia name tel icu fun win bet live link click work buzz loan cash "
    "money casino poker games xxx porn sex adult pics tube ink bid cyou sbs cfd lat"
)
"""Longer TLDs plausible for a host even when its labels are plain words (and ``co``, ``tv``):
the classic ones and those that gambling, porn and phishing spam favours."""

WORD_HOST_MIN: Final = 8
"""A host of plain words under a word TLD (``toptrumps.in``) needs a left label this long;
prose runs short words together (``message.it``, ``joined.so``)."""


_CAMEL = re.compile("[a-z]{0,63}(?:[A-Z][a-z]{2,63}){1,16}")


CJK_WORD_HOST_MIN: Final = 4
"""The same, next to Chinese, Japanese or Korean text, where no English sentence runs on."""

COMMON_WORDS: Final = words(
    "this that these those with have from they them their there then than what when where "
    "which while will would could should about after again also always back because been "
    "before being come does done down even ever every first give going good great happy "
    "hello here home into just know last life like little live long look love made make "
    "many miss more most much must need never next nice night only open other over people "
    "play really right same shop show some sorry still such sure take talk tell thank thanks "
    "thing think time today tonight very want week well were work world year your yours "
    "baby best cool dear fine free game girl guys haha hehe last lol meet morning news okay "
    "team text wait watch"
)
"""Frequent short English words: next to Chinese text ``谢谢thanks。love``
and ``我的love丶life`` are English words, not the short brand a host name would be."""

_CJK_NEAR = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_SPACES = " \t\u3000"


def cjk_near(text: str, start: int, end: int) -> bool:
    """Whether the nearest character before ``start`` or after ``end`` (spaces skipped) is
    Chinese, Japanese or Korean and neither is an ASCII letter or digit: an ASCII ``word.word``
    there is no English sentence (``我累了。goodbye。my love`` still is)."""
    before = text[max(0, start - 4) : start].rstrip(_SPACES)[-1:]
    after = text[end : end + 4].lstrip(_SPACES)[:1]
    if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
        return False
    return any(_CJK_NEAR.match(char) for char in (before, after) if char)


def is_weird_case(label: str) -> bool:
    """Mixed case that prose and names never produce (``DEca``, ``LuTrIjA``, ``HPAv``);
    title case and camel case (``WanwenQuan``, ``iPhone``) are not weird."""
    if label.islower() or label.isupper() or len(label) < 2:
        return False
    return _CAMEL.fullmatch(label) is None


def sentence_break(left: str, tld: str) -> bool:
    """``end.Next``, ``Kao。Sb``: a capitalised word after the dot starts a new sentence, unless
    the left label is weird-cased and the TLD no word (``DEca.Bet``, ``SAzka.Cz``)."""
    if len(tld) < 2 or not tld.istitle() or any(c.isdigit() or c == "-" for c in left):
        return False
    return not (is_weird_case(left) and not word_tld(tld))


def word_tld(tld: str) -> bool:
    """True for a TLD that is (or may be) an ordinary word: a two-letter English word or any
    longer TLD outside :data:`PROSE_SAFE_TLDS` (``.love``, ``.how``, ``.one``, ``.website``)."""
    low = tld.lower()
    if len(low) == 2:
        return low in WORD_TLDS
    return low not in PROSE_SAFE_TLDS


def plausible_words_host(left: str, tld: str, *, min_left: int = WORD_HOST_MIN) -> bool:
    """Whether ``left`` + dot + ``tld`` (letters only, no other evidence) reads as a host."""
    if len(left) < 2:
        return False
    if not word_tld(tld):
        return True
    if is_weird_case(left) or is_weird_case(tld) or len(left) >= WORD_HOST_MIN:
        return True
    return len(left) >= min_left and left.lower() not in COMMON_WORDS
