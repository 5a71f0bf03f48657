"""Lookalike spellings of a host's name: ``b3t888.com`` is read as ``bet888.com``, ``p0rnhub`` as
``pornhub``, ``rnybet`` as ``mybet``.

Up to three digits between letters are leetspeak (``d33pcli3nts``); a digit run at an end
(``888``, ``365``) is part of the name and stays. Only the registrable label changes, and
at most :data:`MAX_VARIANTS` spellings are produced, so a lookup costs a bounded number of index
probes. The reputation detector asks the index for these only when the host as written is not
listed.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Final

from bastion.suffixes import registrable_domain

MAX_VARIANTS: Final = 8
_LEET: Final = {"0": "o", "1": "li", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
_LETTER_PAIRS: Final = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_INNER_DIGIT: Final = re.compile(
    r"(?<=[a-z])[0-9]{1,3}(?=[a-z])|^[0-9](?=[a-z]{2})|(?<=[a-z]{2})[0-9]$"
)


def lookalike_hosts(host: str) -> list[str]:
    """Registrable domains that ``host`` imitates by leetspeak or letter pairs (not ``host``)."""
    domain = registrable_domain(host)
    if domain is None or "." not in domain:
        return []
    label, _, suffix = domain.partition(".")
    spellings = _leet(label) | _pairs(label)
    spellings.discard(label)
    return [f"{name}.{suffix}" for name in sorted(spellings)[:MAX_VARIANTS]]


def _leet(label: str) -> set[str]:
    positions = [i for m in _INNER_DIGIT.finditer(label) for i in range(m.start(), m.end())]
    if not positions:
        return set()
    choices = [_LEET.get(label[i], label[i]) for i in positions]
    spellings: set[str] = set()
    for letters in product(*choices):
        chars = list(label)
        for i, letter in zip(positions, letters, strict=True):
            chars[i] = letter
        spellings.add("".join(chars))
        if len(spellings) >= MAX_VARIANTS:
            break
    return spellings


def _pairs(label: str) -> set[str]:
    return {label.replace(pair, single) for pair, single in _LETTER_PAIRS if pair in label}
