"""Latin ligatures NFKC keeps, read as their two letters in a host or id, or withheld.

``emcœngineering∙com``, ``hycninyxuꜳ.xyz``, ``微信：miꜵmiꜵ_sisi7749``: a ligature (``æ œ ꜳ ꜵ
ꜹ ꝏ ᵫ ꜩ``, :data:`letter_style_tables.LIGATURES`) is two letters to the eye, and nobody types an
IDN to visit ``emcœngineering.com``. A name holding one is read with its letters (trick
``homoglyph``) where the rest of the word is ASCII once the look-alike letters are folded and the
word holds an ASCII letter or digit, is a host's label (beside a dot or a dot word) or follows a
messenger cue; a host's label holding another non-ASCII letter (``blåbær.dk``: maybe a real IDN,
or another script) is withheld, never read as an IDN nor cut short. A word of prose
(``encyclopædia``) reads the same either way: no host is made of it without a dot.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from bastion.normalize.letter_style_tables import LETTER_FORMS, LIGATURES
from bastion.normalize.letter_styles import _beside_dot, _cued
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import tables

WITHHELD: Final = "withheld"
TRIGGER: Final = "[" + "".join(sorted(LIGATURES)) + "]"
"""RE2 and ``re``: a ligature (the pass runs only when one occurs)."""
_LIGATURE_RE: Final = re.compile(TRIGGER)
MAX_WORD: Final = 63


@cache
def _word_re() -> re.Pattern[str]:
    """A word around a ligature: ASCII letters, digits, ``_ -``, ligatures and the characters
    the look-alike and compatibility tables fold (``miꜵmiꜵ``, ``peₙₙyₛgꝏdₛ``), and the
    Latin, Greek and Cyrillic letters (``blåbær``: the word a reader sees)."""
    t = tables()
    folded = [chr(cp) for cp in (*t.same, *t.homoglyph) if cp <= 0xFFFF]
    body = re.escape("".join(sorted(set(folded) | set(LIGATURES))))
    letters = (
        "\\u00c0-\\u024f\\u0370-\\u058f\\u1e00-\\u1fff\\u2c60-\\u2c7f\\ua720-\\ua78e\\ua790-\\ua7ff"
    )
    return re.compile(f"[A-Za-z0-9_\\-{body}{letters}\\U00010000-\\U0010ffff]+")


@cache
def _fold() -> dict[int, str]:
    """The compatibility folds and the letter forms (insular, operators): a word holding any
    other non-ASCII letter (``blåbær``) may be a real IDN, so its ligatures are not read."""
    return {**tables().same, **{ord(ch): letter for ch, letter in LETTER_FORMS.items()}}


_NORDIC: Final = frozenset("øåØÅðþÐÞ")
_FRENCH: Final = frozenset("éèêëàâçîïôûùüÿÉÈÊÀÇ")
LIGATURE_LANGUAGE: Final = _NORDIC | _FRENCH
"""Letters of the languages that write ``æ`` or ``œ`` (Danish, Norwegian, Icelandic, French):
a text holding them elsewhere may name a real IDN with one (``Besøg kærlighed.dk``)."""
_LANGUAGE_OF: Final = {"æ": _NORDIC, "Æ": _NORDIC, "œ": _FRENCH, "Œ": _FRENCH}
"""Each ligature's own languages: ``æ`` beside an Albanian ``ë`` (``pikë``) is no Danish IDN."""


def ligature_pass(work: Work) -> None:
    """Read ligatures in hosts and cued ids; withhold a host label they sit in otherwise."""
    text = work.text
    groups: list[Group] = []
    word_re = _word_re()
    covered = 0
    for hit in _LIGATURE_RE.finditer(text):
        if hit.start() < covered:
            continue
        lo = hit.start()
        while lo > 0 and hit.start() - lo < MAX_WORD and word_re.fullmatch(text[lo - 1]):
            lo -= 1
        m = word_re.match(text, lo)
        if m is None:
            continue
        start, end = m.span()
        covered = end
        token = m[0]
        languages = frozenset().union(*(_LANGUAGE_OF.get(ch, ()) for ch in token))
        if not languages.isdisjoint(text[:start] + text[end:]):
            continue  # a language that writes the ligature: the word may be a real IDN
        host = _beside_dot(text, start, end)
        rest = "".join(ch for ch in token if ch not in LIGATURES).translate(_fold())
        if not rest.isascii():
            if host:
                groups.append((WITHHELD, start, end, []))
            continue
        if host or _cued(text, start) or any(ch.isalnum() for ch in rest):
            new = "".join(LIGATURES.get(ch, ch) for ch in token)
            edits = [
                (start + k, start + k + 1, LIGATURES[ch])
                for k, ch in enumerate(token)
                if ch in LIGATURES
            ]
            if new != token:
                groups.append(("homoglyph", start, end, edits))
    work.apply(groups)
