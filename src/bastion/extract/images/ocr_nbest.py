"""Other readings of the id on an OCR line: what the recogniser nearly read.

RapidOCR's recogniser gives, for each of a line's time steps, a probability for every glyph;
its own reading takes the likeliest glyph at each step. In a random id that reading leans on
the neighbours and misreads confidently (``uiplz0`` for ``uip1zo``, ``xipsq2y`` for
``xlpsq2y``, ``g3r5j7_j`` for ``g3r5j7_ij``), while the glyph it passed over keeps much of the
probability. A prefix beam search over the same probabilities (``BEAM_WIDTH`` prefixes,
glyphs under ``PRUNE`` at a step ignored) gives the likeliest readings of the whole line; the
id after a cue is taken from each (``id_span``), readings that differ only outside the id or
in spaces are merged (their probabilities added), and every id at ``MIN_RATIO`` or more of the
likeliest one's probability is another reading of the id, unless it is one the beam makes of
a line's geometry rather than its glyphs (``plausible``: an underscore lost or doubled, the
id cut at a space, the ``on`` of ``on Telegram`` glued on). A space inside an id at the end of
a line (``微信 mcmjof r``, ``飞机 @bztr uf``; ids hold no spaces) gives the id closed and with
an underscore (what a cut-off underscore leaves); so does one before ``on Telegram`` after a
mention (``@svnm 61 on Telegram``). At most ``MAX_READINGS`` a line.

The readings are reported beside the line (``ImageCode.readings``), never instead of it: the
scanner reads the id of each, flags every handle of the line ``ocr_unsure`` (the policy sends
it to review) and looks every reading up in the lists. Pure numpy and ``re`` over short
strings; the search costs at most ``MAX_STEPS x BEAM_WIDTH x TOP_GLYPHS`` steps of Python (a
cued line of 80 steps: about a millisecond).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import re2

from bastion.normalize.cues import CUES
from bastion.normalize.re2syntax import to_re2

BEAM_WIDTH: Final = 8
"""Prefixes the beam search keeps at each step."""
PRUNE: Final = 0.01
"""Glyph probability under which a step's glyph is not tried."""
TOP_GLYPHS: Final = 4
"""Glyphs tried at a step at most, the likeliest (a line of noise spreads a step's probability
over dozens of glyphs: the search stays ``steps x BEAM_WIDTH x TOP_GLYPHS``)."""
MIN_RATIO: Final = 0.1
"""Share of the likeliest id's probability another id needs to be reported beside it."""
MAX_READINGS: Final = 4
"""Other readings of a line's id at most."""
MAX_STEPS: Final = 160
"""Time steps a searched line has at most (1,280 px at the recogniser's 48 px height; a spam
picture's cued line takes 40-120); a longer line gets no other readings. A line of noise at
this length costs about 0.05 CPU s."""
MAX_LINES: Final = 2
"""Cued lines of a frame searched at most (a spam picture carries one or two ids)."""
MIN_ID: Final = 4
"""Shortest run after a cue taken for an id."""
MAX_TAIL: Final = 3
"""Longest piece after a space inside an id at the end of a line that is taken as the id's
end (``mcmjof r``); a longer one is a word of its own."""

_CUE = re2.compile(f"(?:{to_re2('|'.join(CUES))}|@|t\\.me/)")
_SKIP = re.compile(r"[ :\uff1a@]{0,4}")
_ID = re.compile(r"[A-Za-z0-9_]+?(?=(?:on|via)?[Tt]elegram|[^A-Za-z0-9_]|$)")
"""An id, without a Telegram cue glued after it (``@m1tja7n28onTelegram``): each step's
lookahead reads a few characters, so the match stays linear."""
_TAIL = re.compile(
    rf" ([A-Za-z0-9_]{{1,{MAX_TAIL}}})(?=$|[^\x00-\x7f]| (?:on|via) ?[Tt]elegram(?![A-Za-z]))"
)
"""A short piece after one space that ends the id: at the end of the line, before other script,
or before the Telegram cue of a mention (``Contact: @svnm 61 on Telegram``)."""


def id_span(text: str) -> tuple[int, int] | None:
    """Where the id after the first cue of ``text`` lies (a cue, then spaces, a colon or an
    ``@``, then ``MIN_ID`` id characters or more), with a short piece after one space at the
    end of the line (``mcmjof r``) counted in; None when no cue is followed by an id."""
    for cue in _CUE.finditer(text):
        start = _SKIP.match(text, cue.end()).end()  # type: ignore[union-attr]
        run = _ID.match(text, start)
        if run is None or run.end() - run.start() < MIN_ID:
            continue
        tail = _TAIL.match(text, run.end())
        return (run.start(), tail.end() if tail else run.end())
    return None


def closed(ident: str) -> list[str]:
    """An id as read, or with its inner space closed and read as an underscore."""
    if " " not in ident:
        return [ident]
    return [ident.replace(" ", ""), ident.replace(" ", "_")]


def beam_search(probs: np.ndarray[Any, Any], characters: Sequence[str]) -> list[tuple[str, float]]:
    """The likeliest readings of a line from the recogniser's step probabilities (blank at index
    0), most probable first, with their probability: a CTC prefix beam search. A prefix is kept
    as a string of ``chr(glyph index)`` (hashed and extended in C)."""
    beams: dict[str, list[float]] = {"": [1.0, 0.0]}  # prefix -> [ending in blank, in glyph]
    for row in probs[:MAX_STEPS]:
        tried = np.flatnonzero(row >= PRUNE)
        if len(tried) > TOP_GLYPHS:
            tried = tried[np.argsort(row[tried])[-TOP_GLYPHS:]]
        elif not len(tried):  # the likeliest glyph is always tried: the search never dies out
            tried = np.array([int(row.argmax())])
        options = [(chr(int(i)), float(row[i])) for i in tried]
        grown: dict[str, list[float]] = {}
        for prefix, (blank, glyph) in beams.items():
            total = blank + glyph
            last = prefix[-1:]
            for code, p in options:
                if code == "\0":
                    grown.setdefault(prefix, [0.0, 0.0])[0] += total * p
                elif code == last:  # a repeat extends only across a blank
                    grown.setdefault(prefix + code, [0.0, 0.0])[1] += blank * p
                    grown.setdefault(prefix, [0.0, 0.0])[1] += glyph * p
                else:
                    grown.setdefault(prefix + code, [0.0, 0.0])[1] += total * p
        beams = dict(sorted(grown.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:BEAM_WIDTH])
    return [
        ("".join(characters[ord(c)] for c in prefix if ord(c) < len(characters)), sum(p))
        for prefix, p in sorted(beams.items(), key=lambda kv: -sum(kv[1]))
    ]


def other_ids(text: str, probs: np.ndarray[Any, Any], characters: Sequence[str]) -> list[str]:
    """Other readings of the id on ``text`` (a cued line as read, mended or not, from the crop
    whose step probabilities are ``probs``), likeliest first, at most ``MAX_READINGS``; none
    when the line holds no id or its likeliest reading has no id."""
    span = id_span(text)
    if span is None or len(probs) > MAX_STEPS:
        return []
    read = text[span[0] : span[1]]
    weights: dict[str, float] = {}
    for line, p in beam_search(probs, characters):
        at = id_span(line)
        if at is None:
            continue
        for ident in closed(line[at[0] : at[1]]):
            weights[ident] = weights.get(ident, 0.0) + p
    out = [i for i in closed(read) if i != read]
    if weights:
        best = max(weights.values())
        for ident in sorted(weights, key=lambda i: -weights[i]):
            if weights[ident] < MIN_RATIO * best:
                break
            if ident not in out and plausible(ident, read):
                out.append(ident)
    return out[:MAX_READINGS]


def plausible(ident: str, read: str) -> bool:
    """Whether ``ident`` (a reading in the beam) may be the id read as ``read``: not the same
    but for case; no underscore of ``read`` taken away (the recogniser does not invent one: the
    beam drops it where its stroke is faint) nor doubled; as long give or take one glyph (a
    shorter one is the id cut at a space the beam put in, unless it is ``read`` without the
    ``on`` of ``@idon Telegram``); not ``read`` with that ``on`` glued to it."""
    squeezed, was = ident.replace("_", ""), read.replace("_", "").replace(" ", "")
    return (
        ident.lower() != read.lower()
        and ident.count("_") >= read.count("_")
        and "__" not in ident
        and (abs(len(squeezed) - len(was)) <= 1 or read in (ident + "on", ident + "via"))
        and ident not in (read + "on", read + "via")
    )


def with_id(text: str, ident: str) -> str:
    """``text`` with the id after its cue replaced by ``ident``."""
    span = id_span(text)
    if span is None:
        return text
    read = text[span[0] : span[1]]
    if read in (ident + "on", ident + "via"):  # @idon Telegram: the on is a word again
        ident = f"{ident} {read[len(ident) :]}"
    return text[: span[0]] + ident + text[span[1] :]


TALL: Final = frozenset("123456789bdfhkl")
"""Glyphs as tall as a ``0``: the digits and the letters with an ascender."""
SHORT: Final = frozenset("acemnrsuvwxz")
"""Glyphs as tall as an ``o``: the x-height letters."""
MIN_GAP: Final = 0.15
"""Share of the tall glyphs' height the x-height must be under for the two to be told apart."""
MARGIN: Final = 0.2
"""Share of that gap a round glyph's height must lie from the midpoint to be judged."""


def ink_heights(crop: np.ndarray[Any, Any], spans: Sequence[tuple[int, int]]) -> list[int]:
    """The height in pixels of the ink between each span of columns of ``crop`` (text darker
    or lighter than the ground: the ground is the border's median), 0 where there is none."""
    grey = crop.mean(axis=2) if crop.ndim == 3 else crop.astype(np.float64)
    border = np.concatenate((grey[0], grey[-1], grey[:, 0], grey[:, -1]))
    cut = (float(grey.max()) + float(grey.min())) / 2
    ink = grey < cut if float(np.median(border)) > cut else grey > cut
    heights = []
    for lo, hi in spans:
        rows = np.flatnonzero(ink[:, max(0, lo) : max(lo + 1, hi)].any(axis=1))
        heights.append(int(rows[-1] - rows[0] + 1) if len(rows) else 0)
    return heights


def round_glyphs(ident: str, heights: Sequence[int]) -> str:
    """``ident`` with each ``o`` or ``0`` judged by its height against the id's other glyphs
    (``heights``, one per glyph): a ``0`` is as tall as a digit or an ascender, an ``o`` as
    the x-height letters. A glyph is changed only where both kinds of reference glyph are in
    the id, the x-height is clearly under the tall height (``MIN_GAP``) and the glyph clearly
    on one side of the midpoint (``MARGIN``); otherwise it stays as read."""
    tall = [h for c, h in zip(ident, heights, strict=True) if c in TALL and h]
    short = [h for c, h in zip(ident, heights, strict=True) if c in SHORT and h]
    if not tall or not short:
        return ident
    high, low = float(np.median(tall)), float(np.median(short))
    gap = high - low
    if gap < MIN_GAP * high:
        return ident
    middle = (high + low) / 2
    out = []
    for char, height in zip(ident, heights, strict=True):
        if char in "o0O" and height:
            if height >= middle + MARGIN * gap:
                char = "0"
            elif height <= middle - MARGIN * gap:
                char = "o"
        out.append(char)
    return "".join(out)
