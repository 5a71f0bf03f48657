"""Lookalike spellings of a host's name: ``b3t888.com`` is read as ``bet888.com``, ``p0rnhub`` as
``pornhub``, ``rnybet`` as ``mybet``, ``0ffic3car3365`` as ``officecare365``.

Each hyphen-separated piece of the registrable label is read run by run. A digit run between
letters is leetspeak (``d33pcli3nts``); a run at an edge of a piece may be part of the name
(``888``, ``365``, ``5dimes``) or letters of the word (``0ffice``, ``car3365`` -> ``care365``,
``vid30`` -> ``video``), so all are tried: the letter reading of the digit that touches the
letters, of the whole run, and the digits as written. Readings with the most letters come
first; only the registrable label changes, and at most :data:`MAX_VARIANTS` spellings are
produced, so a lookup costs a bounded number of index probes. The reputation detector asks the
index for these only when the host as written is not listed.
"""

from __future__ import annotations

import re
from itertools import islice, product
from typing import Final

from bastion.suffixes import registrable_domain

MAX_VARIANTS: Final = 12
_LEET: Final = {"0": "o", "1": "li", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
_LETTER_PAIRS: Final = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_RUN: Final = re.compile(r"[0-9@$]+|[^0-9@$]+")
_MAX_RUN: Final = 4
"""Longer digit runs are numbers (``20241206``), not letters."""


def lookalike_hosts(host: str) -> list[str]:
    """Registrable domains that ``host`` imitates by leetspeak or letter pairs (not ``host``)."""
    domain = registrable_domain(host)
    if domain is None or "." not in domain:
        return []
    label, _, suffix = domain.partition(".")
    spellings = [s for s in (*_leet(label), *sorted(_pairs(label))) if s != label]
    unique = list(dict.fromkeys(spellings))[:MAX_VARIANTS]
    return [f"{name}.{suffix}" for name in unique]


def _leet(label: str) -> list[str]:
    """Leetspeak readings of ``label``, the most letters first."""
    pieces = label.split("-")
    options = [_piece_options(piece) for piece in pieces]
    if all(len(choices) == 1 for choices in options):
        return []
    readings = ("-".join(parts) for parts in islice(product(*options), 4 * MAX_VARIANTS))
    ranked = sorted(dict.fromkeys(readings), key=lambda s: sum(c.isdigit() for c in s))
    return ranked[:MAX_VARIANTS]


def _piece_options(piece: str) -> list[str]:
    """Ways to read one hyphen-free piece: letter readings of its digit runs, or as written."""
    runs = _RUN.findall(piece)
    if not any(c.isalpha() for c in piece) or len(runs) == 1:
        return [piece]
    per_run: list[list[str]] = []
    for i, run in enumerate(runs):
        if run[0].isalpha() or len(run) > _MAX_RUN:
            per_run.append([run])
            continue
        before = i > 0
        after = i + 1 < len(runs)
        if before and after:
            per_run.append([*_letters(run), run])
        elif after:  # a run that starts the piece touches letters at its end: "0ffic", "5dim"
            edge = [run[:-1] + c for c in _LEET.get(run[-1], run[-1])]
            per_run.append([*edge, *_whole(run), run])
        else:  # a run that ends the piece touches letters at its start: "car3365", "vid30"
            edge = [c + run[1:] for c in _LEET.get(run[0], run[0])]
            per_run.append([*edge, *_whole(run), run])
    return ["".join(parts) for parts in islice(product(*per_run), 4 * MAX_VARIANTS)]


def _whole(run: str) -> list[str]:
    """A run of two or more look-alike digits read as letters (``30`` -> ``eo``); a run holding
    another digit (``365``) is a number."""
    return _letters(run) if len(run) > 1 and all(c in _LEET for c in run) else []


def _letters(run: str) -> list[str]:
    """Every run's letter reading (``1`` is ``i`` or ``l``)."""
    choices = [_LEET.get(c, c) for c in run]
    return ["".join(letters) for letters in islice(product(*choices), MAX_VARIANTS)]


def _pairs(label: str) -> set[str]:
    return {label.replace(pair, single) for pair, single in _LETTER_PAIRS if pair in label}
