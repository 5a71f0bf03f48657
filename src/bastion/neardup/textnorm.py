"""Text normalisation for near-duplicate detection: what a farm changes between copies goes away.

Copies of one farm post differ by punctuation, emoji (Unicode pictographs and Weibo's ``[泪]``
codes), hashtags (``#话题#``, ``#topic``), links and @mentions, swapped words, full-width forms,
case and traditional vs. simplified characters. ``normalise`` removes or folds all of these and
keeps only letters and digits, so two such copies normalise to nearly the same string; shingles
(``bastion.neardup.minhash``) are character n-grams of it, so a swapped pair of words changes
only the few n-grams at the two seams.

Traditional -> simplified is a character table taken from OpenCC's ``t2s`` conversion
(``t2s_table``, built once per process at the edge, since OpenCC reads its dictionaries from
files). The scan core receives the finished table and only calls ``str.translate``.

The noise pattern is stdlib ``re`` (google-re2's binding costs 20 microseconds a call on short
texts): every alternative starts with a literal and repeats a bounded class, so the work at
each position is bounded (at most 300 characters) and the whole pass stays linear.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Final

NORMALISATION_VERSION: Final = 1
"""Bumped whenever ``normalise`` changes what it returns: an index compiled under another
version would no longer match, so loading it fails instead."""

_NOISE: Final = re.compile(
    r"#[^#\s]{1,40}#"  # Weibo hashtag #话题#
    r"|#[0-9a-z_]{1,40}"  # #topic
    r"|\[[^\[\]\s]{1,8}\]"  # Weibo emoticon code [泪]
    r"|(?:https?|hxxps?)://[!-~]{0,300}|www\.[!-~]{1,300}"  # links
    r"|@[^\s:：,，。.!?！？()（）]{1,30}"  # mentions (Weibo "//@name:")
)
_NOISE_MARKS: Final = ("#", "[", "//", "@", "www.")
_HAN_RANGES: Final = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


def normalise(text: str, t2s: Mapping[int, str] | None = None, *, keep_tags: bool = False) -> str:
    """Letters and digits of ``text``: NFKC, case-folded, simplified, without noise.

    ``keep_tags`` keeps hashtag words (for trending-topic matching, where ``#话题#`` is exactly
    what is looked for); otherwise hashtags, emoticon codes, links and @mentions are dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not keep_tags and any(mark in folded for mark in _NOISE_MARKS):
        folded = _NOISE.sub(" ", folded)
    if t2s is not None:
        folded = folded.translate(t2s)
    return "".join(ch for ch in folded if ch.isalnum())


@cache
def t2s_table() -> Mapping[int, str]:
    """Traditional -> simplified for single Han characters, from OpenCC's ``t2s`` config.

    Each character is converted on its own line, so phrase rules never join neighbours; only
    characters that change and stay one character are kept (``str.translate`` table). OpenCC
    reads its dictionary files here, so this runs at the edge, never during a scan."""
    import opencc  # edge only: reads dictionary files

    converter = opencc.OpenCC("t2s")
    chars = [chr(c) for low, high in _HAN_RANGES for c in range(low, high + 1)]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise ValueError("OpenCC t2s changed the number of lines; cannot build the table")
    return {
        ord(source): target
        for source, target in zip(chars, converted, strict=True)
        if target != source and len(target) == 1
    }
