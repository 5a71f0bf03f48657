"""Index terms for Chinese and English text: what the claim matcher counts as shared words.

Chinese has no spaces, so a run of Han characters becomes its overlapping character bigrams
(``谣言传播`` -> 谣言, 言传, 传播): no dictionary to ship, nothing that fails on new names, and a
bigram survives a swapped neighbour. jieba words were measured against bigrams in
``bench/rumours_eval.py`` and did no better (README "Benchmarks"), so nothing is added for
them. Text is NFKC-folded, case-folded and converted from traditional to simplified characters
(OpenCC ``t2s``) first, so ``謠言`` and ``谣言`` are one term. Latin words are lower-cased,
stop words dropped and lightly stemmed (``spreading`` -> ``spread``), digits kept whole
(``5g``, ``2024``).

``term_weight_factor`` down-weights terms made only of function characters (``的``, ``了``,
``the``): they say little about which claim a text restates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final, Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_HAN: Final = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN: Final = re.compile(rf"[{_HAN}]+|[a-z0-9]+(?:'[a-z]+)?")
_IS_HAN: Final = re.compile(rf"[{_HAN}]")
FUNCTION_CHARS: Final = frozenset(
    "的了是在我你他她它们这那有也就都和与及或而被把给对从向为之其个一不上下来去说要会能可以吗呢吧啊呀哦嘛"
    "着过又还很最更再所以因但如果就是到得地么什怎哪谁没"
)
"""Frequent Chinese function characters (written from grammar, not counted from any corpus)."""
_STOP_WORDS: Final = (
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those i you he she we they me him her us them my your his our "
    "their do does did have has had not no so than then there here what which who whom how "
    "why when where all any some can could will would should may might must just very also "
    "about into over after before up down out off again more most such only own same too"
)
ENGLISH_STOP: Final = frozenset(_STOP_WORDS.split(" "))
MAX_TERMS: Final = 4_096
"""A text contributes at most this many distinct terms: a claim, or the head of a long post."""


@cache
def _t2s() -> _Converter:
    """OpenCC's traditional-to-simplified converter, built once (it reads its dictionaries
    then, at load time, never while scanning)."""
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


@cache
def _s2t() -> _Converter:
    """OpenCC's simplified-to-traditional converter, built once: building one reads its
    dictionaries (about a tenth of a second), and pattern tables convert dozens of strings."""
    import opencc

    converter: _Converter = opencc.OpenCC("s2t")
    return converter


def simplified_to_traditional(text: str) -> str:
    """``text`` in traditional characters (for building patterns that must match both scripts;
    regular-expression syntax is ASCII and passes through)."""
    return _s2t().convert(text)


def prepare() -> None:
    """Load the converter now (at the edge), so the first scan does not read dictionaries."""
    _t2s()


def fold(text: str) -> str:
    """NFKC, case-folded, simplified Chinese."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    # RE2 and OpenCC take UTF-8: a lone surrogate (hostile input) would stop them; it becomes "?"
    folded = folded.encode("utf-8", "replace").decode("utf-8")
    if _IS_HAN.search(folded):
        folded = _t2s().convert(folded)
    return folded


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("es"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def terms(text: str, limit: int = MAX_TERMS) -> set[str]:
    """The distinct index terms of ``text`` (at most ``limit``)."""
    out: set[str] = set()
    for run in _TOKEN.findall(fold(text)):
        if run[0].isascii():
            word = run.replace("'", "")
            if word in ENGLISH_STOP or (len(word) < 2 and not word.isdigit()):
                continue
            out.add(_stem(word))
        elif len(run) == 1:
            if run not in FUNCTION_CHARS:
                out.add(run)
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
        if len(out) >= limit:
            break
    return out


def term_weight_factor(term: str) -> float:
    """1.0 for a content term; less for a bigram holding function characters."""
    if term.isascii():
        return 1.0
    function = sum(1 for char in term if char in FUNCTION_CHARS)
    if function == len(term):
        return 0.1
    return 0.5 if function else 1.0
