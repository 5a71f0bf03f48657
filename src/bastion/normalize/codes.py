"""Morse code and Braille the message names, read as letters (``normalize.ciphers`` runs them).

``足浴会所 摩尔斯电码：.--. --- .-- ... --- -- . -.. . -. .-.-.- -.-. --- --`` and
``盲文写的网址：⠃⠕⠙⠽⠞⠁⠇⠅⠲⠉⠕⠍`` hold a host only for a reader who knows the code; the message
says which. Each reader decodes a run beside its hint with the standard table (ITU Morse,
English Braille grade 1: ``⠼`` starts digits, ``⠰`` letters again, ``⠲`` is the full stop)
into the host or id (trick ``instruction``); a run with a sign outside the table is withheld.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group

INSTRUCTION: Final = "instruction"
WITHHELD: Final = "withheld"

_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz0123456789"
_ITU: Final = (
    ".- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- "
    "-..- -.-- --.. ----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----."
)
MORSE: Final = dict(zip(_ITU.split(), _LETTERS, strict=True)) | {
    ".-.-.-": ".",
    "-....-": "-",
    "..--.-": "_",
    ".--.-.": "@",
}
"""ITU Morse: letters, digits and the signs a host or id holds."""
MORSE_HINT: Final = re.compile(r"(?i:\bmorse\b)|摩斯|摩尔斯|摩爾斯", re.ASCII)
_MORSE_RUN_RE: Final = re.compile(
    r"(?<![.\-A-Za-z0-9])[.\-]{1,7}(?:[ ]{1,3}(?:/[ ])?[.\-]{1,7}){2,127}(?![.\-A-Za-z0-9])"
)

_BRAILLE_LETTERS: Final = dict(
    zip("⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵", "abcdefghijklmnopqrstuvwxyz", strict=True)
)
_BRAILLE_DIGITS: Final = dict(zip("⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚", "1234567890", strict=True))
_NUMBER_SIGN: Final = "⠼"
_LETTER_SIGN: Final = "⠰"
_BRAILLE_SIGNS: Final = {"⠲": ".", "⠤": "-", "⠠⠤": "_"}
BRAILLE_HINT: Final = re.compile(r"(?i:\bbraille\b)|盲文|點字|点字", re.ASCII)
_BRAILLE_RUN_RE: Final = re.compile(r"[\u2800-\u28ff][\u2800-\u28ffA-Za-z0-9.\-_]*")

TRIGGER: Final = r"(?i:morse|braille)|摩斯|摩尔斯|摩爾斯|盲文|點字|点字"
"""RE2: the hints; the readers run only beside one."""


def morse(text: str) -> list[Group]:
    """Runs of dots and dashes beside a Morse hint, as letters."""
    if MORSE_HINT.search(text) is None:
        return []
    groups: list[Group] = []
    for m in _MORSE_RUN_RE.finditer(text):
        start, end = m.span()
        codes = m[0].replace("/", " ").split()
        letters = [MORSE.get(code) for code in codes]
        if all(letters):
            word = "".join(letter or "" for letter in letters)
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


def braille(text: str) -> list[Group]:
    """Runs of Braille cells beside a Braille hint, as letters and digits (ASCII kept)."""
    if BRAILLE_HINT.search(text) is None:
        return []
    groups: list[Group] = []
    for m in _BRAILLE_RUN_RE.finditer(text):
        start, end = m.span()
        word = _cells(m[0])
        if word is None:
            groups.append((WITHHELD, start, end, []))
        else:
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
    return groups


def _cells(run: str) -> str | None:
    """Grade-1 Braille ``run`` as ASCII, or None when a cell is outside the table."""
    out: list[str] = []
    digits = False
    k = 0
    while k < len(run):
        cell = run[k]
        pair = run[k : k + 2]
        k += 1
        if pair in _BRAILLE_SIGNS:
            out.append(_BRAILLE_SIGNS[pair])
            k += 1
            digits = False
        elif cell == _NUMBER_SIGN:
            digits = True
        elif cell == _LETTER_SIGN:
            digits = False
        elif cell in _BRAILLE_SIGNS:
            out.append(_BRAILLE_SIGNS[cell])
            digits = False
        elif digits and cell in _BRAILLE_DIGITS:
            out.append(_BRAILLE_DIGITS[cell])
        elif cell in _BRAILLE_LETTERS:
            out.append(_BRAILLE_LETTERS[cell])
            digits = False
        elif cell.isascii():
            out.append(cell)
            digits = False
        else:
            return None
    return "".join(out)
