"""Other readings of an OCR line: what the recogniser does to links and handles, undone.

A line read from a picture is scanned as text (``bastion.scanner``); these are the further
readings of the same line the scanner also scans, one edit each, so the finders see what the
picture shows rather than what the recogniser made of it:

- **A cue after a mention** (``Contact: @dusg6629 on Telegram``): the handle finder takes a
  Telegram id after its cue (``Telegram @id``) and reads ``@id`` alone as a mention; the reading
  puts the cue before the mention. No letter changes, so a handle it yields counts as read.
- **Guesses** at the letters and dots the recogniser confuses or loses. Each changes the line
  and is a guess, so only a host a feed lists survives it (the scanner flags what a guess yields
  ``prose_like`` and ``ocr_guess``; handles from a guess are never kept):

  - a top-level domain read with look-alike glyphs after a dot, ``。``, ``点`` or ``dot``
    (``bounty点99`` for ``bounty点gg``, ``bovada。Iv`` for ``bovada.lv``, ``c0m``, ``corn``);
  - a dot lost before the top-level domain (``fikacasinocom``, ``https://betwaypt/vip``);
  - after a scheme or a ``www``, a dot lost before any top-level domain and the path's slash
    with it (``https:/betwayptvip``, ``wwwsurfcasino``);
  - one look-alike glyph in a host the line yields (``hawalicasino.com`` for
    ``hawaiicasino.com``: ``l``/``i``/``1``/``I``, ``o``/``0``, ``g``/``9``, ``s``/``5``).

Every reading is bounded (``MAX_GUESSES`` a line) and made with linear patterns; the module is
pure and imports no image library, so the scan core uses it without Pillow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, product
from typing import Final

from bastion.extract import extract_entities, has_candidates
from bastion.extract.hosts import PROSE_LIKE
from bastion.model import HANDLE_KINDS, HOST_KINDS, Entity
from bastion.normalize import unmask
from bastion.suffixes import is_tld

MAX_GUESSES: Final = 24
"""Guessed readings of one line at most (each is scanned like a line of text)."""
MAX_PICTURE_GUESSES: Final = 48
"""Guessed readings of one picture at most, in reading order: a spam picture's two or three
lines take a dozen; a page of forty lines with a host on each would take a thousand (about
1.5 CPU seconds) without this bound."""


class GuessBudget:
    """Guessed readings a picture has left (``MAX_PICTURE_GUESSES`` to start)."""

    __slots__ = ("left",)

    def __init__(self, left: int = MAX_PICTURE_GUESSES) -> None:
        self.left = left


MAX_LINE_CHARS: Final = 200
"""Lines longer than this get no guesses (a poster's lines are short; a wall of text is not
where a disguised host hides, and each guess costs a scan of the line)."""

_TELEGRAM_AFTER = re.compile(
    r"@(?P<id>[A-Za-z][A-Za-z0-9_]{4,31})"
    r"(?:[ \t]{1,2}(?:on|via|in|at)[ \t]{0,2}|(?:on|via)(?=[Tt]))"
    r"(?P<cue>[Tt]elegram|TG|[Tt]g|[Tt]ele)(?![A-Za-z])"
)
"""``@name on Telegram`` (the recogniser may drop every space: ``@nameonTelegram``; an ``on``
glued to the id before a space, ``@nameon Telegram``, is left alone: ``@jason Telegram`` reads
the same)."""

_GLYPHS: Final = {
    "0": "o",
    "o": "0",
    "O": "0o",
    "1": "li",
    "l": "i1",
    "i": "l1",
    "I": "li1",
    "|": "li",
    "9": "g",
    "g": "9",
    "5": "s",
    "s": "5",
}
"""Glyphs the recogniser takes for one another in Latin print, and what each may really be."""
_TLD_AFTER = re.compile(
    r"(?:[.。．]|点|[ \t]?(?:dot|DOT)[ \t]?)(?P<tld>[A-Za-z0-9|]{2,4})(?![A-Za-z0-9])"
)
"""A top-level domain's place: two to four letters or digits after a dot, ``。``, ``点`` or
``dot``."""
_RUN = re.compile(r"[A-Za-z0-9\-]{6,40}")
"""A run of letters and digits long enough to be a label glued to its top-level domain."""
_SUFFIXES: Final = (
    "com",
    "net",
    "org",
    "vip",
    "top",
    "xyz",
    "bet",
    "club",
    "info",
    "cc",
    "co",
    "io",
    "me",
    "tv",
    "cn",
    "hk",
    "tw",
    "uk",
    "pt",
    "gg",
    "lv",
    "pl",
    "de",
    "ru",
    "in",
    "ph",
    "vn",
    "th",
)
"""Top-level domains tried at the end of a run with no dot (``fikacasinocom``): the common
ones and those of gambling sites, not every TLD (``telegr.am``, ``signa.ls``)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """The line with one edit: ``text[start:end]`` replaced by ``insert``."""

    text: str
    start: int
    end: int
    insert: str
    guess: bool
    """True when the edit changes or adds letters or dots: what it yields is only a guess."""
    anchor: tuple[int, int] | None = None
    """Where in the line a span inside the edit lies (the id a moved cue points at)."""

    def span_in_line(self, span: tuple[int, int]) -> tuple[int, int]:
        """A span of this reading as a span of the line as read (the edited part maps to the
        part it replaced)."""
        grown = len(self.insert) - (self.end - self.start)

        def back(position: int) -> int:
            if position <= self.start:
                return position
            if position >= self.start + len(self.insert):
                return position - grown
            return self.end if position > self.start else self.start

        inside = self.start <= span[0] and span[1] <= self.start + len(self.insert)
        if inside and self.anchor is not None:
            return self.anchor
        lo, hi = back(span[0]), back(span[1])
        return (lo, max(lo, hi))


def _edited(line: str, start: int, end: int, insert: str, *, guess: bool) -> Reading:
    return Reading(line[:start] + insert + line[end:], start, end, insert, guess)


def readings(line: str) -> list[Reading]:
    """The other readings of an OCR line: the sure ones first, then at most ``MAX_GUESSES``
    guesses."""
    out = [
        Reading(
            f"{line[: match.start()]}{match['cue']} @{match['id']} {line[match.end() :]}",
            match.start(),
            match.end(),
            f"{match['cue']} @{match['id']} ",
            guess=False,
            anchor=(match.start("id"), match.end("id")),
        )
        for match in _TELEGRAM_AFTER.finditer(line)
    ]
    if len(line) > MAX_LINE_CHARS:
        return out
    guesses: list[Reading] = []
    seen: set[str] = {line}
    for reading in (
        *_tld_guesses(line),
        *_lost_dots(line),
        *_lost_url_dots(line),
        *_spaces_in_host(line),
    ):
        if reading.text not in seen and len(guesses) < MAX_GUESSES:
            seen.add(reading.text)
            guesses.append(reading)
    return out + guesses


def host_guesses(line: str, span: tuple[int, int], room: int) -> list[Reading]:
    """Readings of ``line`` with one look-alike glyph of ``line[span]`` (a host the line
    yields) swapped, at most ``room``."""
    out: list[Reading] = []
    for position in range(span[0], min(span[1], len(line))):
        for other in _GLYPHS.get(line[position], ""):
            if len(out) >= room:
                return out
            out.append(_edited(line, position, position + 1, other, guess=True))
    return out


def _tld_guesses(line: str) -> list[Reading]:
    """A top-level domain read with look-alike glyphs (``99``, ``Iv``, ``c0m``, ``corn``)."""
    out = []
    for match in _TLD_AFTER.finditer(line):
        written = match["tld"]
        if is_tld(written):
            continue
        options = [_GLYPHS.get(c, "") + c.lower() for c in written.replace("rn", "m")]
        for letters in product(*options):
            tld = "".join(letters)
            if tld != written.lower() and is_tld(tld):
                out.append(_edited(line, match.start("tld"), match.end("tld"), tld, guess=True))
    return out


def _lost_dots(line: str) -> list[Reading]:
    """A dot the recogniser lost before a common top-level domain (``fikacasinocom``)."""
    out = []
    for match in _RUN.finditer(line):
        run = match.group().lower()
        if match.end() < len(line) and line[match.end()] in ".。．":
            continue
        for tld in _SUFFIXES:
            if run.endswith(tld) and len(run) - len(tld) >= 3 and run[-len(tld) - 1] != "-":
                cut = match.end() - len(tld)
                out.append(_edited(line, cut, cut, ".", guess=True))
    return out


_URL_RUN = re.compile(r"(?i)(?:(?<=:/)|(?<=://)|(?<=\bwww)|(?<=^www))[A-Za-z0-9\-]{5,40}")
"""A run right after a scheme (``https://``, or ``https:/`` with a slash lost) or a ``www`` with
its dot lost: the start of a host, whatever its top-level domain."""
MIN_LABEL: Final = 3
"""Shortest label left before a top-level domain a lost dot is put back in front of."""


def _lost_url_dots(line: str) -> list[Reading]:
    """A dot lost before any top-level domain, and the slash of a path glued after it, where the
    run follows a scheme or a ``www`` (``https://hrwagerag/vip``, ``https:/betwayptvip``,
    ``wwwsurfcasino``): the place says a host starts here, so every cut where the run's head
    ends in a top-level domain is tried (the host's end, then the cut nearest it first)."""
    out = []
    for match in _URL_RUN.finditer(line):
        run = match.group()
        if match.end() < len(line) and line[match.end()] in ".。．":
            continue
        www = line[max(0, match.start() - 3) : match.start()].lower() == "www"
        for cut in range(len(run), MIN_LABEL + 1, -1):
            for size in range(2, min(7, cut - MIN_LABEL + 1)):
                if not is_tld(run[cut - size : cut].lower()):
                    continue
                host = f"{run[: cut - size]}.{run[cut - size : cut]}"
                insert = ("." if www else "") + host + (f"/{run[cut:]}" if cut < len(run) else "")
                out.append(_edited(line, match.start(), match.end(), insert, guess=True))
    return out


_WORDS = re.compile(r"[A-Za-z0-9\-./:]+ [A-Za-z0-9\-./:](?:[A-Za-z0-9\-./:]| [A-Za-z0-9\-./:])*")
"""Latin words one space apart: where the recogniser puts a space inside a host."""
_DOTTED = re.compile(r"[A-Za-z0-9]\.|\.[A-Za-z0-9]")
"""A dot against a letter or digit: a word of a host."""
SPACE_REACH: Final = 2
"""Words before a dotted word, and after it, a space inside a host is closed across."""


def _spaces_in_host(line: str) -> list[Reading]:
    """Spaces the recogniser put inside a host (``www.haj per. com``, ``bet 365.com``,
    ``casino. com``): around each word with a dot, the words up to ``SPACE_REACH`` before and
    after it joined without their spaces, the spans nearest the dotted word first. Each is a
    guess (the spaces may be real: ``see bet365.com now``), so only a listed host survives."""
    out: list[Reading] = []
    for run in _WORDS.finditer(line):
        words = list(re.finditer(r"\S+", run.group()))
        for at, word in enumerate(words):
            if not _DOTTED.search(word.group()):
                continue
            for size in range(1, 2 * SPACE_REACH + 1):
                for first in range(max(0, at - SPACE_REACH), at + 1):
                    last = first + size
                    if last < at or last >= len(words) or last - at > SPACE_REACH:
                        continue
                    start = run.start() + words[first].start()
                    end = run.start() + words[last].end()
                    joined = line[start:end].replace(" ", "")
                    out.append(_edited(line, start, end, joined, guess=True))
    return out


OCR_GUESS: Final = "ocr_guess"
"""Flag of an entity only a guessed reading of an OCR line yields (kept only when listed)."""


def read_again(
    line: str,
    found: Sequence[Entity],
    cut: int | None = None,
    budget: GuessBudget | None = None,
) -> list[Entity]:
    """Entities the other readings of ``line`` yield that ``found`` (the line's own entities)
    lacks, spans in ``line``. Hosts from a guess are flagged ``prose_like`` and ``ocr_guess``
    (kept only when a feed lists them); anything else a guess yields is dropped. With ``cut``
    (two lines joined at ``cut``), only entities across the join count, all ``prose_like``.
    Guesses are taken from ``budget`` (the picture's) while it lasts."""
    budget = budget or GuessBudget(MAX_GUESSES)
    seen = {(e.kind, e.value) for e in found}
    all_readings = readings(line)
    room = MAX_GUESSES - sum(r.guess for r in all_readings)
    for entity in found:
        if entity.kind in HOST_KINDS and room > 0:
            more = host_guesses(line, entity.span, room)
            all_readings.extend(more)
            room -= len(more)
    out: list[Entity] = []
    for reading in all_readings:
        if reading.guess:
            if budget.left <= 0:
                continue
            budget.left -= 1
        if not has_candidates(reading.text):
            continue
        for entity in extract_entities(unmask(reading.text, weak=True), prose_like=True):
            if reading.guess and entity.kind not in HOST_KINDS:
                continue
            span = reading.span_in_line(entity.span)
            if cut is not None and not span[0] < cut < span[1]:
                continue
            if (entity.kind, entity.value) in seen:
                continue
            seen.add((entity.kind, entity.value))
            entity.span, entity.raw = span, line[span[0] : span[1]]
            flags = [PROSE_LIKE, OCR_GUESS] if reading.guess else []
            if cut is not None and PROSE_LIKE not in flags:
                flags.append(PROSE_LIKE)
            entity.flags.extend(f for f in flags if f not in entity.flags)
            out.append(entity)
    return out


def other_hosts(
    line: str, others: Sequence[str], found: Sequence[Entity], budget: GuessBudget
) -> list[Entity]:
    """Hosts the other readings of ``line`` (``others``: the line as the recogniser read it
    again, from its crop inside a margin) and their guesses (``read_again``) yield that
    ``found`` lacks: each a guess (``prose_like``, ``ocr_guess``: kept only when a feed lists
    it), one from the picture's ``budget`` a reading. Spans are the reading's, clipped to the
    line."""
    seen = {(e.kind, e.value) for e in found}
    out: list[Entity] = []
    for text in others:
        if budget.left <= 0:
            break
        budget.left -= 1
        if not has_candidates(text):
            continue
        read = extract_entities(unmask(text, weak=True), prose_like=True)
        read.extend(read_again(text, read, budget=budget))
        for entity in read:
            if entity.kind not in HOST_KINDS or (entity.kind, entity.value) in seen:
                continue
            seen.add((entity.kind, entity.value))
            lo = min(entity.span[0], len(line))
            entity.span = (lo, max(lo, min(entity.span[1], len(line))))
            entity.raw = line[entity.span[0] : entity.span[1]]
            entity.flags.extend(f for f in (PROSE_LIKE, OCR_GUESS) if f not in entity.flags)
            out.append(entity)
    return out


OCR_UNSURE: Final = "ocr_unsure"
"""Flag of a handle read from an OCR line the recogniser nearly read otherwise
(``ImageCode.readings``): every reading of it is reported with this flag."""


def unsure_handles(line: str, others: Sequence[str], found: Sequence[Entity]) -> list[Entity]:
    """Handles the other readings of ``line`` (``others``: the id after its cue read otherwise,
    as the recogniser nearly did) yield that ``found`` (the line's own entities) lacks, flagged
    ``ocr_unsure``; the handles of ``found`` are flagged too. Only handles: a host is read from
    the line as it is (and guessed at by ``read_again``). Spans are the reading's, clipped to
    the line."""
    if not others:
        return []
    seen = {(e.kind, e.value) for e in found}
    for entity in found:
        if entity.kind in HANDLE_KINDS and OCR_UNSURE not in entity.flags:
            entity.flags.append(OCR_UNSURE)
    out: list[Entity] = []
    for text in others:
        if not has_candidates(text):
            continue
        read = extract_entities(unmask(text, weak=True), prose_like=True)
        read.extend(read_again(text, read, budget=GuessBudget(0)))  # a cue after the id
        for entity in read:
            if entity.kind not in HANDLE_KINDS or (entity.kind, entity.value) in seen:
                continue
            seen.add((entity.kind, entity.value))
            lo = min(entity.span[0], len(line))
            entity.span = (lo, max(lo, min(entity.span[1], len(line))))
            entity.raw = line[entity.span[0] : entity.span[1]]
            entity.flags.append(OCR_UNSURE)
            out.append(entity)
    return out


LOOKALIKE_CLASSES: Final = ("1lI|", "0oO")
"""Glyphs the recogniser reads one for another in an id at any confidence: ``1``, ``l``, ``I``
(and ``|``); ``0``, ``o``, ``O``. Each class's readings are its digit and its small letter."""
_READ_AS: Final = {c: (kin[0], kin[1]) for kin in LOOKALIKE_CLASSES for c in kin}
MAX_LOOKALIKE_GLYPHS: Final = 3
"""Look-alike glyphs of one id read both ways at most (the first in the id): ``2**3 - 1`` other
readings. A spam id of six to ten random letters and digits holds one or two."""


def _swayed(ident: str, position: int) -> bool:
    """Whether the look-alike ``ident[position]`` reads as its neighbours do (a digit beside a
    digit, a letter beside a letter; an underscore skipped): the recogniser reads a random id
    in context, so such a reading may be the neighbours' doing (``d4l5bk5y`` read ``d415bk5y``,
    ``kpp6_o3`` read ``kpp6_03``, ``gmkpks_l9`` read ``gmkpks_19``). A reading against its
    neighbours (a ``0`` between letters) is the glyph's own."""
    digit = ident[position].isdigit()
    sides = []
    for step in (-1, 1):
        at = position + step
        while 0 <= at < len(ident) and ident[at] == "_":
            at += step
        if 0 <= at < len(ident) and ident[at] not in _READ_AS:
            sides.append(ident[at].isdigit())
    return digit in sides


def lookalike_ids(ident: str) -> list[str]:
    """The other readings of an id read from a picture whose look-alike glyphs
    (``LOOKALIKE_CLASSES``) read as their neighbours do (``_swayed``): each such glyph read as
    the other of its class, singly first, then in pairs, then all (the first
    ``MAX_LOOKALIKE_GLYPHS``). Only for an id that mixes letters and digits: an id of digits
    alone (a QQ number) holds digits, and one of letters alone is a word or a name."""
    if not (any(c.isdigit() for c in ident) and any(c.isalpha() for c in ident)):
        return []
    swayed = [i for i, c in enumerate(ident) if c in _READ_AS and _swayed(ident, i)]
    swayed = swayed[:MAX_LOOKALIKE_GLYPHS]
    out: list[str] = []
    for size in range(1, len(swayed) + 1):
        for chosen in combinations(swayed, size):
            glyphs = list(ident)
            for i in chosen:
                digit, letter = _READ_AS[glyphs[i]]
                glyphs[i] = letter if glyphs[i].isdigit() else digit
            out.append("".join(glyphs))
    return out


def lookalike_readings(line: str, found: Sequence[Entity]) -> tuple[str, ...]:
    """Readings of ``line`` (an OCR line) with the id of each messenger handle of ``found`` (the
    line's entities, spans in ``line``) read otherwise at its look-alike glyphs
    (``lookalike_ids``): for ``unsure_handles``, which reports each and flags every handle of
    the line ``ocr_unsure``, so the picture goes to review with all its readings looked up
    rather than be taken for one id. Handles of a guessed reading are skipped."""
    out: list[str] = []
    for entity in found:
        if entity.kind not in MESSENGER_KINDS or OCR_GUESS in entity.flags:
            continue
        lo, hi = entity.span
        where = line[lo:hi].lower().rfind(entity.value.lower())
        if where < 0 or hi > len(line):
            continue
        start = lo + where
        ident = line[start : start + len(entity.value)]
        for other in lookalike_ids(ident):
            text = line[:start] + other + line[start + len(ident) :]
            if text not in out:
                out.append(text)
    return tuple(out)


MESSENGER_KINDS: Final = HANDLE_KINDS - {"phone"}
"""Handles whose ids are letters and digits (a phone number is digits only)."""
