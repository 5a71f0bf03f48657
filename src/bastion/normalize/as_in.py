"""Letters spelled out "as in" a word: ``b as in boy, e as in egg, t as in tiger, 8, 8, then dot
com``, ``b（boy的b），e（egg的e），t（tiger的t） 点 越南的国家域名``,
``WeChat: l as in lion, u as in umbrella, _, 2, 8``.

Spelling over the phone leaves no host or id for a finder to see. A run of two or more such
letters (each word starting with its letter, the Chinese gloss ending with it again), with digits
and ``_ . -`` said plainly between them, is the name it spells: :func:`as_in_pass` folds it in
the main reading (so a cue before it gives its id, and ``then dot com`` after it its host), and
:func:`as_in_readings` gives the second reading where the TLD after it is said as a sound or a
country (:mod:`bastion.normalize.spoken_tlds`, :mod:`bastion.normalize.country_tlds`), kept only
when the intel lists the host. A run must start with a spelled letter: ``I, b as in boy`` is no
``Ib``.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize import country_tlds, spoken_tlds
from bastion.normalize.edit_hints import WITHHELD
from bastion.normalize.result import Group, Work

_WORD: Final = r"[A-Za-z][A-Za-z'\-]{0,20}"
_EN_ITEM: Final = rf"[A-Za-z][ \t]{{1,2}}(?i:as[ \t]{{1,2}}in)[ \t]{{1,2}}{_WORD}"
_ZH_ITEM: Final = rf"[A-Za-z][ \t]?[（(]{_WORD}的[A-Za-z][)）]"
_PLAIN_ITEM: Final = r"[0-9_.\-]"
_SEP: Final = r"[ \t]{0,2}[,，、;；][ \t]{0,2}"
_RUN_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_EN_ITEM}|{_ZH_ITEM})"
    rf"(?:{_SEP}(?:{_EN_ITEM}|{_ZH_ITEM}|{_PLAIN_ITEM}(?![A-Za-z0-9]))){{1,63}}"
)
_ITEM_RE: Final = re.compile(
    rf"(?P<en>(?P<el>[A-Za-z])[ \t]{{1,2}}(?i:as[ \t]{{1,2}}in)[ \t]{{1,2}}(?P<ew>{_WORD}))"
    rf"|(?P<zh>(?P<zl>[A-Za-z])[ \t]?[（(](?P<zw>{_WORD})的(?P<zt>[A-Za-z])[)）])"
    rf"|(?P<plain>{_PLAIN_ITEM})"
)
_THEN_RE: Final = re.compile(
    r"[ \t]{0,2}[,，、]?[ \t]{0,2}(?:(?i:(?:and[ \t]{1,2})?then)|然后|最后|再)[ \t]{0,2}[,，]?"
    r"[ \t]{0,2}(?=(?i:dot)(?![A-Za-z])|[.。点點])"
)
"""``, then dot com`` / ``，然后点com`` after the run: the connector goes."""
TRICK: Final = "instruction"
_CUT_RE: Final = re.compile(r"(?:^|[\s,，、;；:：])\S{1,2}[ \t]{0,2}[,，、;；][ \t]{0,2}$")
"""A short token and a separator right before a run (``k as in kite, 🕗, s as in sun``): the run
is the tail of a longer spelling with a piece Bastion cannot read, so its value is withheld."""
_TAIL: Final = 80
"""How much of the line after a run its reading takes (the TLD said after it)."""

TRIGGER: Final = (
    r"[A-Za-z][ \t]{1,2}(?i:as[ \t]{1,2}in)[ \t]{1,2}[A-Za-z][A-Za-z'\-]{0,20}[ \t]{0,2}[,，、;；]"
    r"|[A-Za-z][ \t]?[（(][A-Za-z][A-Za-z'\-]{0,20}的[A-Za-z][)）]"
)
"""RE2: one spelled letter and a separator (the unmasker's gate, the readers' and the
pre-check's clause)."""


def _letter(item: re.Match[str]) -> str | None:
    """The character an item says, or None when its word does not spell it."""
    if item["en"]:
        letter, word = item["el"], item["ew"]
        return letter if word[0].lower() == letter.lower() else None
    if item["zh"]:
        letter, word, tail = item["zl"], item["zw"], item["zt"]
        ok = word[0].lower() == letter.lower() == tail.lower()
        return letter if ok else None
    return item["plain"]


def _runs(text: str) -> list[tuple[int, int, str, list[tuple[int, int, str]], bool]]:
    """``(start, end, name, edits, cut)`` of each spelled run (end after a ``then`` connector;
    ``cut``: a piece before it is unread)."""
    out = []
    for run in _RUN_RE.finditer(text):
        edits: list[tuple[int, int, str]] = []
        name: list[str] = []
        spelled = 0
        pos = run.start()
        ok = True
        for item in _ITEM_RE.finditer(text, run.start(), run.end()):
            letter = _letter(item)
            if letter is None:
                ok = False
                break
            spelled += item["plain"] is None
            edits.append((pos, item.end(), letter))
            name.append(letter)
            pos = item.end()
        while name and not name[-1].isalnum():  # ``., `` closing a sentence is no part of it
            name.pop()
            edits.pop()
            pos = edits[-1][1] if edits else run.start()
        if not ok or spelled < 2 or not name:
            continue
        end = pos
        then = _THEN_RE.match(text, end)
        if then is not None:
            gap = " " if text[then.end() : then.end() + 1].isascii() else ""
            edits.append((end, then.end(), gap))
            end = then.end()
        cut = _CUT_RE.search(text, max(0, run.start() - 8), run.start()) is not None
        out.append((run.start(), end, "".join(name), edits, cut))
    return out


def spelled_at(text: str, pos: int) -> bool:
    """A spelled run starts at ``pos`` of ``text`` (its ``then dot`` is the run's, no cut)."""
    run = _RUN_RE.match(text, pos)
    return run is not None and any(r[0] == 0 for r in _runs(text[pos : run.end()]))


def as_in_pass(work: Work) -> None:
    """Fold each spelled run to the name it spells (trick ``instruction``: rebuilt as the words
    say; ``withheld`` when a piece before it is unread)."""
    groups: list[Group] = [
        (WITHHELD if cut else TRICK, a, b, edits) for a, b, _, edits, cut in _runs(work.text)
    ]
    if groups:
        work.apply(groups)


def as_in_readings(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)``: each run folded with the rest of its line, the TLD after it written
    in ASCII where it is said as a sound or a country; only runs whose line says one."""
    out = []
    for start, end, _, edits, cut in _runs(text):
        if cut:
            continue
        line_end = text.find("\n", end)
        stop = min(len(text) if line_end < 0 else line_end, end + _TAIL)
        folded = "".join(new for _, _, new in edits) + text[end:stop]
        hosts = country_tlds.country_hosts(folded)
        if hosts and hosts[0][0] == 0:
            out.append((start, stop, f" {hosts[0][2]} "))
            continue
        spoken = spoken_tlds.spoken_tlds(folded)
        if spoken is not None:
            out.append((start, stop, f" {spoken} "))
    return out
