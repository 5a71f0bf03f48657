"""A listed site's name still readable in the text, whatever is wrapped around or between its
letters: ``t̟í🅿️w͍n̖𐩐com``, ``ꓳꓦꓣꓔꓗꓐꓠꓓꓲꓔㄉㄧㄢˇcom``, ``top88(占灬)fun``, ``b·e·t·8·8·8``.

The unmasker reads the tricks it was taught; a new one (a new dot word, a new letter style, a new
glyph between the letters) leaves no host for a finder, and the listed link is allowed. But a
spammer must keep the site's *name* readable for people. So this detector folds the text to a
skeleton (letters of every style, full-width, homoglyphs and leet digits to one ASCII letter;
marks, invisibles, emoji, symbols and other scripts dropped, kept only as word breaks) and looks
for the second-level label of a listed host (``bet888`` of ``bet888.com``) in it, with a
multi-pattern automaton built once per scanner from the intel index.

A name in running words must be a site's name and not a word: only labels with a digit or of
some length are taken, the name must stand alone (a word break, or the text's edge, on both
sides), and it is reported when one of these says it is a site: the letters are disguised
(folded glyphs, marks or invisibles between them, letters split one by one), the listed host's
ending follows within a few words (``nvmgroup(ㄉㄧㄢˇ)com``), or the label has digits (or is
long) and stands as one token (``k8live75.c⭕〽️``). A name the finders already read as an
entity is left to them. The policy sends the item to a person (``link.listed_name``): the
reading is a guess about a name, never a host reported, so it is reviewed rather than acted on.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise
from typing import Final

import ahocorasick

from bastion.detect.base import DetectContext, Resources
from bastion.intel import IntelIndex
from bastion.model import Item, Signal
from bastion.normalize.letter_style_tables import FAUX_CYRILLIC, MIRRORED, SYLLABICS
from bastion.normalize.tables import tables
from bastion.suffixes import suffix_list

LABEL: Final = "link.listed_name"
SCORE: Final = 0.5
MIN_LABEL: Final = 5
"""Skeleton characters a label needs (``bet88``); shorter names are words and ids."""
MIN_LETTERS: Final = 3
LONG_LABEL: Final = 14
"""A label of letters only this long may stand as a plain token (``tobacconewswire``)."""
MAX_GAP: Final = 4
"""Characters a disguise puts between two letters of a name (``b⭐e⭐t``); more are two words."""
TLD_WINDOW: Final = 4
"""Word pieces after a name within which its listed ending may stand (``x full stop sign com``)."""
MAX_HITS: Final = 16
"""Automaton hits examined per text (a text of listed names costs no more)."""
MAX_NAMED: Final = 3
_LEET: Final = str.maketrans("013457", "oleast")
_SEPARATOR: Final = " "
_MARK: Final = "\x00"
"""Stands for a deleted invisible or combining mark, so folded positions stay the original's."""
_PIECE: Final = re.compile(r"[a-z0-9\x00]+")
_NOT_LETTER: Final = re.compile(r"[^a-z0-9]+")
_NOT_ALPHA: Final = re.compile(r"[^a-z]+")
_TOKEN: Final = re.compile(rf"[0-9A-Za-z]{{{MIN_LABEL},}}")
"""An ASCII token long enough to be a listed label (the gate: ``sre`` is linear on this)."""
_TOKENS: Final = _TOKEN.findall
_PROSE_GAP: Final = frozenset(" \t\n\r,.!?;:'\"-()&/")
_BIDI_REVERSE: Final = "\u202e"
_MIRRORED: Final = frozenset(g for g in MIRRORED if not g.isascii() and g not in "яи")
"""Glyphs only mirror writing uses (``moɔ።ɒttomoiᴙɒm``; not the Cyrillic letters of prose)."""
_STROKED: Final = dict(zip("øØđĐłŁħĦ", "ooddllhh", strict=True))
"""Letters of European prose with a stroke no decomposition removes (read as accented ones)."""
_STYLE_LETTERS: Final = frozenset(g for g in (*FAUX_CYRILLIC, *SYLLABICS) if len(g) == 1)
_MIRROR_SEARCH: Final = re.compile(f"[{''.join(sorted(_MIRRORED))}]").search
_LABEL_FOLD: Final = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZi013457", "abcdefghljklmnopqrstuvwxyzloleast", "-_."
)


def _fold_char(char: str) -> str:
    """One character as a skeleton letter (lower case, leet digits read as letters)."""
    return char.lower().translate(_LEET).replace("i", "l")


def _skeleton(label: str) -> str:
    """An ASCII label (or ending) as the skeleton the folded text is searched in."""
    return label.translate(_LABEL_FOLD)


@cache
def _fold_table() -> tuple[dict[int, str], frozenset[int], frozenset[int]]:
    """Code point -> one skeleton letter, ``_MARK`` (renders as nothing) or ``_SEPARATOR``; the
    code points that are only accented Latin letters (no disguise: ``vídeo``); the letters of
    other scripts or stroked forms drawn for Latin ones (``Д``, ``ƀ``, ``ꓳ``), as opposed to the
    styled forms Unicode itself folds (``𝐚``, ``ⓐ``, ``ａ``) that fancy display names use."""
    table: dict[int, str] = {}
    for cp in range(128):
        char = chr(cp)
        table[cp] = _fold_char(char) if char.isalnum() else _SEPARATOR
    t = tables()
    for cp, value in t.other.items():
        if value == "":
            table[cp] = _MARK
    extra = {ord(k): v for k, v in (FAUX_CYRILLIC | SYLLABICS).items() if len(k) == 1}
    for cp, value in {**t.same, **t.homoglyph, **extra}.items():
        if len(value) == 1 and value.isascii() and value.isalnum():
            table[cp] = _fold_char(value)
    lookalikes = {cp for cp in (*t.homoglyph, *(ord(g) for g in MIRRORED)) if cp >= 128}
    lookalikes -= set(t.same) | set(extra)  # faux Cyrillic and syllabics are styles, not spoofs
    accented = {ord(c) for c in _STROKED}
    table.update((ord(c), _fold_char(b)) for c, b in _STROKED.items())
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[:1]
        if cp not in table and base.isascii() and base.isalpha():
            table[cp] = _fold_char(base)
            accented.add(cp)
    accented.update(range(0xFF01, 0xFF5F))  # full-width ASCII: a Chinese keyboard's own
    return table, frozenset(accented), frozenset(lookalikes)


@dataclass(frozen=True, slots=True)
class _Name:
    """A listed label's skeleton: the hosts it names, their labels and endings' skeletons."""

    skeleton: str
    hosts: tuple[str, ...]
    labels: tuple[str, ...]
    kinds: tuple[str, ...]
    """Per label: ``digits`` (``bet888``), ``random`` letters (``kqlxtqptsmys``) or ``word``-like
    letters (``luckystar``: fancy display names draw such words in styled letters)."""
    endings: tuple[str, ...]
    category: str


def _admitted(label: str, skeleton: str) -> bool:
    """A label distinctive enough to be looked for: long enough, some letters, not one glyph."""
    if len(skeleton) < MIN_LABEL or len(set(skeleton)) < 3:
        return False
    return len(_NOT_ALPHA.sub("", label)) >= MIN_LETTERS


DIGITS: Final = "digits"
RANDOM: Final = "random"
WORD: Final = "word"
RANDOM_BELOW: Final = -4.2
"""Mean log-probability per letter pair (English pairs) below which a label of letters is no
word (``luckystar`` -3.5, ``facebook`` -3.7; ``nvmgroup`` -4.4, ``ovrtkbndit`` -5.2)."""
MIN_RANDOM: Final = 7
"""Shorter labels count as words whatever their letters (``lucky`` scores as random: five
letters are too few to tell, and fancy display names draw short words)."""
PLAIN_RANDOM: Final = 8
"""A label of random letters this long may stand as a plain token (``nvmgroup``; shorter ones
are often pinyin brand names, which English letter pairs also call random: ``taobao``)."""


@cache
def _letter_pairs() -> tuple[dict[str, float], dict[str, float]] | None:
    """Log-probabilities of English letter pairs (and a letter's floor), counted once from the
    English prose Python ships (``pydoc_data``); None where that module is absent (every label
    of letters then counts as a word: the cautious reading)."""
    try:
        from pydoc_data.topics import topics
    except ImportError:  # pragma: no cover - some distributions split it off
        return None
    pairs: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for word in re.findall(r"[a-z]+", " ".join(topics.values()).lower()):
        marked = f"^{word}$"
        for a, b in pairwise(marked):
            pairs[a + b] = pairs.get(a + b, 0) + 1
            firsts[a] = firsts.get(a, 0) + 1
    logp = {pair: math.log((n + 0.5) / (firsts[pair[0]] + 14)) for pair, n in pairs.items()}
    floor = {a: math.log(0.5 / (n + 14)) for a, n in firsts.items()}
    return logp, floor


def label_kind(label: str) -> str:
    """``digits``, ``random`` or ``word`` (see ``_Name.kinds``)."""
    bare = label.replace("-", "")
    if not bare.isalpha():
        return DIGITS
    model = _letter_pairs()
    if model is None:
        return WORD
    logp, floor = model
    marked = "^" + bare
    score = sum(logp.get(a + b, floor.get(a, -10.0)) for a, b in pairwise(marked))
    return RANDOM if len(bare) >= MIN_RANDOM and score / len(bare) < RANDOM_BELOW else WORD


def _plain_ok(label: str, kind: str) -> bool:
    """A label that names its site even as a plain token: digits with letters, random letters,
    or a long run of words (``tobacconewswire``)."""
    if kind == DIGITS:
        return True
    return len(label) >= (PLAIN_RANDOM if kind == RANDOM else LONG_LABEL)


def listed_names(hosts: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, _Name]:
    """Skeleton -> listed name, for the second-level labels of ``(host, categories)`` listed at
    their registrable level (a host listed under a platform's domain names no site of its own)."""
    psl = suffix_list()
    rules = getattr(psl, "_publicsuffix", None)
    wild = None if rules is None else {r[2:] for r in rules if r.startswith("*.")}
    public: dict[str, bool] = {}
    sites: dict[str, list[str]] = {}
    categories_of: dict[str, str] = {}
    for host, categories in hosts:
        bare = host[4:] if host.startswith("www.") else host
        label, _, rest = bare.partition(".")
        skeleton = _skeleton(label)
        if not rest or not skeleton.isascii() or not _admitted(label, skeleton):
            continue
        known = public.get(rest)
        if known is None:
            known = public[rest] = bool(psl.is_public(rest))
        if not known:
            continue
        if rules is None or wild is None or rest in wild:
            if psl.is_public(bare):
                continue
        elif bare in rules:
            continue
        found = sites.get(skeleton)
        if found is None:
            sites[skeleton] = [bare]
            categories_of[skeleton] = categories[0]
        else:
            found.append(bare)
    names: dict[str, _Name] = {}
    for skeleton, found in sites.items():
        labels = tuple(sorted({host.partition(".")[0].replace("-", "") for host in found}))
        names[skeleton] = _Name(
            skeleton,
            tuple(sorted(set(found))),
            labels,
            tuple(label_kind(label) for label in labels),
            tuple(sorted({_skeleton(host.partition(".")[2]) for host in found})),
            categories_of[skeleton],
        )
    return names


class _Built:
    """What a detector reads, built once per index version: the names, an automaton over their
    skeletons, and the labels that may stand as plain tokens (the gate's set)."""

    __slots__ = ("names", "plain", "skeletons")

    def __init__(self, names: dict[str, _Name]) -> None:
        self.names = names
        self.skeletons = ahocorasick.Automaton()
        plain: set[str] = set()
        for skeleton, entry in names.items():
            self.skeletons.add_word(skeleton, entry)
            plain.update(
                label
                for label, kind in zip(entry.labels, entry.kinds, strict=True)
                if _plain_ok(label, kind)
            )
        if names:
            self.skeletons.make_automaton()
        self.plain = frozenset(plain)


_BUILT: dict[str, _Built] = {}
"""Builds by index version (a version is one compile, never changed): scanners over the same
index (a server's policies, ``with_index`` back to it) share one."""
_KEEP_BUILT: Final = 2


def _built(index: IntelIndex) -> _Built:
    """The listed names of ``index`` and their automata (about 3 s of CPU for 300,000 listed
    hosts, once per index version)."""
    found = _BUILT.get(index.version)
    if found is not None:
        return found
    built = _Built(listed_names(index.listed_hosts()))
    if index.version != "empty":
        if len(_BUILT) >= _KEEP_BUILT:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[index.version] = built
    return built


class ListedNameDetector:
    """Emits ``link.listed_name`` for a listed site's name readable in the text but not read as
    a host."""

    name: Final = "listed_names"
    emits: Final = frozenset({LABEL})

    __slots__ = ("_accented", "_built", "_lookalikes", "_mirror", "_table", "gates")

    def __init__(self, resources: Resources) -> None:
        self._built = _built(resources.index)
        self._table, self._accented, self._lookalikes = _fold_table()
        self._mirror = self._table | {ord(g): _fold_char(c) for g, c in MIRRORED.items()}
        self.gates = bool(self._built.plain)
        """No plain listed label (an empty index): the gate is never true."""

    def gate(self, item: Item) -> bool:
        """A listed label that may stand as a plain token (``top88``), or a glyph of mirror
        writing, is in the text: only then is a text without link candidates folded (most other
        disguises of letters leave candidates, and those texts reach ``detect`` anyway)."""
        plain, text = self._built.plain, item.text
        if not plain:
            return False
        tokens = _TOKENS(text)
        if tokens:  # a loop, not ``any`` over a generator: most texts have no token at all
            for token in tokens:
                if token.lower() in plain:
                    return True
        return not text.isascii() and _MIRROR_SEARCH(text) is not None

    def detect(self, context: DetectContext) -> list[Signal]:
        if not self.gates:
            return []
        text = context.original
        taken = [
            (e.span[0], e.span[1], _skeleton(e.host.lower()))
            for e in context.entities
            if e.host and e.origin == "text"
        ]
        taken += [
            (e.span[0], e.span[1], "")  # a name written plainly in a link's path or query
            for e in context.entities
            if e.kind == "url" and e.origin == "text" and text[e.span[0] : e.span[1]] == e.raw
        ]
        named = self._read(text, self._table, taken)
        if _BIDI_REVERSE in text:
            named += self._read(text[::-1], self._table, [])
        if not _MIRRORED.isdisjoint(text):  # mirror writing: read right to left, glyphs turned
            named += self._read(text[::-1], self._mirror, [])
        if not named:
            return []
        read = {_skeleton(_label_of(e.host)) for e in context.entities if e.host}
        chosen = [n for n in dict.fromkeys(named) if n.skeleton not in read]
        if not chosen:
            return []
        first = chosen[0]
        shown = ", ".join(first.hosts[:MAX_NAMED])
        more = len(chosen) - 1
        return [
            Signal(
                detector=self.name,
                label=LABEL,
                score=SCORE,
                evidence=f"text names listed site {shown} in a disguised form"
                + (f" (and {more} more)" if more else ""),
                category=first.category,
            )
        ]

    def _read(
        self, text: str, table: dict[int, str], taken: list[tuple[int, int, str]]
    ) -> list[_Name]:
        """Listed names standing alone in ``text``'s skeleton with something saying a site; not
        the same letters the finders read as a host there (``www.paypal.com`` names no
        ``www--paypal``), though a host read otherwise from them does not hide the name."""
        folded = text.translate(table)
        skeleton = _NOT_LETTER.sub("", folded)  # the letters of the pieces below, in order
        hits = list(islice(self._built.skeletons.iter(skeleton), MAX_HITS))
        if not hits:
            return []
        letters: list[int] = []  # skeleton index -> position in ``folded`` (and ``text``)
        starts: set[int] = set()
        for piece in _PIECE.finditer(folded):
            lo, hi = piece.span()
            if _MARK in piece[0]:
                kept = [i for i in range(lo, hi) if folded[i] != _MARK]
                if kept:
                    starts.add(len(letters))
                    letters.extend(kept)
            else:  # most pieces: every position a letter
                starts.add(len(letters))
                letters.extend(range(lo, hi))
        ends = starts | {len(letters)}
        found: list[_Name] = []
        for end, entry in hits:
            start = end + 1 - len(entry.skeleton)
            if start not in starts:
                continue
            lo, hi = letters[start], letters[end] + 1
            if any(a < hi and lo < b and entry.skeleton in host for a, b, host in taken if host):
                continue
            plain = hi - lo == len(entry.skeleton) and text[lo:hi].isascii()
            if plain and any(a <= lo and hi <= b for a, b, host in taken if not host):
                continue
            if self._says_site(text, folded, skeleton, letters, ends, start, entry):
                found.append(entry)
        return found

    def _says_site(
        self,
        text: str,
        folded: str,
        skeleton: str,
        letters: list[int],
        ends: set[int],
        start: int,
        entry: _Name,
    ) -> bool:
        stop = start + len(entry.skeleton)
        positions = letters[start:stop]
        kept = [
            kind
            for label, kind in zip(entry.labels, entry.kinds, strict=True)
            if _digits_kept(text, positions, label)
        ]
        if not kept:
            return False  # ``plane`` is no reading of ``plan3``: a reader keeps the digits
        gaps = [b - a - 1 - folded.count(_MARK, a + 1, b) for a, b in pairwise(positions)]
        if max(gaps, default=0) > MAX_GAP:
            return False  # letters of two words far apart
        ending = next((e for e in entry.endings if skeleton.startswith(e, stop)), None)
        if stop not in ends:  # glued to its ending (``bet888com``) or inside a longer word
            return ending is not None and stop + len(ending) in ends
        if _ending_follows(skeleton, ends, stop, entry.endings):
            return True
        lo, hi = positions[0], positions[-1] + 1
        between = [text[i] for i in range(lo, hi) if not folded[i].isalnum() and folded[i] != _MARK]
        symbols = any(c not in _PROSE_GAP for c in between)
        split = sum(1 for g in gaps if g)
        one_by_one = split >= 3 and 2 * split >= len(positions) - 1
        if any(kind != WORD for kind in kept):
            drawn = _MARK in folded[lo:hi] or any(
                ord(text[i]) >= 128 and ord(text[i]) not in self._accented for i in positions
            )
            if drawn or symbols or one_by_one:
                return True  # letters drawn in other glyphs, marks or symbols between them
        elif symbols and one_by_one:
            return True  # a word split letter by letter with symbols (styled words are not)
        elif _spoofed(text, positions, self._lookalikes):
            return True  # a word in Latin letters mixed with look-alikes of other scripts
        return not split and any(
            _plain_ok(label, kind)
            for label, kind in zip(entry.labels, entry.kinds, strict=True)
            if kind in kept and _digits_kept(text, positions, label)
        )


def _spoofed(text: str, positions: list[int], lookalikes: frozenset[int]) -> bool:
    """Latin letters mixed with look-alikes of other scripts (``ƀɇŧwⱥɏ``, ``pаypal`` with a
    Cyrillic ``а``), and no letter of a style (faux Cyrillic ``Д``, syllabics): styled words are
    fancy display names (``DЂДЯМД``)."""
    chars = [text[i] for i in positions]
    return (
        any(ord(c) in lookalikes for c in chars)
        and any(c.isascii() for c in chars)
        and not any(c in _STYLE_LETTERS for c in chars)
    )


def _digits_kept(text: str, positions: list[int], label: str) -> bool:
    """Every digit of ``label`` is a digit in the text (in any script) where the name has it."""
    return len(label) == len(positions) and all(
        text[i].isdigit() for i, c in zip(positions, label, strict=True) if c.isdigit()
    )


def _ending_follows(skeleton: str, ends: set[int], stop: int, endings: tuple[str, ...]) -> bool:
    """One of the listed endings stands as its own piece within a few pieces after ``stop``."""
    cuts = sorted(c for c in ends if c >= stop)[: TLD_WINDOW + 3]
    for i, lo in enumerate(cuts[:TLD_WINDOW]):
        for hi in cuts[i + 1 :]:
            if skeleton[lo:hi] in endings:
                return True
    return False


def _label_of(host: str) -> str:
    bare = host.lower()[4:] if host.lower().startswith("www.") else host.lower()
    return bare.partition(".")[0]
