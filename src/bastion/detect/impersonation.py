"""Impersonation: profiles that pose as a protected entity (a military unit, a state body, a news
outlet, an anchor, a brand) or invent one from authority words.

The registry of protected entities is compiled offline (``bastion entities import``, see
``bastion.entities``) into a set of folded keys, and loaded at the edge through ``load_asset``;
this module only folds the profile text and runs Aho-Corasick automata over it (linear time).

Folding makes disguises collapse onto the registry's own keys: width, case and accents; Unicode
confusables (Cyrillic ``е`` for ``e``); leet digits and symbols between letters (``F8I``,
``N@SA``); ``rn`` and ``vv`` (read as ``m`` and ``w``); traditional characters (the compiled
OpenCC table); every space, symbol and invisible character removed. A second reading replaces
each Chinese character by its pinyin (the compiled pypinyin table), so ``zhongguojunwang`` and the
homophone ``中国君网`` meet ``中国军网``. Per registry name the compiler also writes partial names
(a contiguous part holding an institution word), acronyms (``FBI``) and its words (a name whose
words all appear, in any order, is ``reorder``).

What is flagged (only on username, display_name, bio and avatar items; posts may talk about
bodies): a registry name in any of those forms, an avatar within ``LOGO_DISTANCE`` bits of an
entry's logo (PDQ), and names invented from authority words (``authority_name``: a strong
institution word such as 指挥部 or "News Agency", or an institution noun after a level of state
or a place, "Chinese Red Army Command", 上海发布). A bio is prose that may *mention* a body, so a
bio counts only when it also claims to be an account of one (``SELF_CLAIM``). An account listed
among any entry's ``verified_accounts`` (by ``account_id``, or a username equal to one) is never
flagged. Text past ``MAX_CHARS`` of a field is not read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import ahocorasick

from bastion.detect.authority_words import (
    BARE_CLAIMS,
    END_HEADS,
    HEADS,
    QUALIFIERS,
    SELF_CLAIM,
    STRONG,
)
from bastion.detect.base import DetectContext, Resources
from bastion.model import Item, Signal

IMPERSONATION: Final = "impersonation"
AUTHORITY: Final = "authority_name"
CATEGORY: Final = "impersonation"
PROFILE_SURFACES: Final = frozenset({"username", "display_name", "bio", "avatar"})
MAX_CHARS: Final = 1_000
"""Characters of one field (or one line read from an avatar) that are folded and searched."""
MAX_SIGNALS: Final = 8
LOGO_DISTANCE: Final = 31
"""PDQ bits within which an avatar is an entry's logo (the distance feeds use for pictures)."""
MIN_LOGO_QUALITY: Final = 30
MIN_PINYIN_KEY: Final = 6

SCORES: Final = {
    "exact": 0.95,
    "variant": 0.9,
    "pinyin": 0.85,
    "reorder": 0.8,
    "partial": 0.75,
    "abbreviation": 0.7,
    "logo": 0.9,
    "authority": 0.6,
}
"""Score of a match by how it was made; a name and the same entry's logo together score 1.0."""
_RANK: Final = {how: i for i, how in enumerate(SCORES)}

_LEET: Final = {
    "0": "o",
    "1": "i",
    "l": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "8": "b",
    "9": "g",
    "2": "z",
    "6": "b",
}
_BETWEEN_LETTERS: Final = {"@": "a", "$": "s"}
_EXTRA_FOLDS: Final = {
    # Greek and Armenian letters used as Latin ones that the TR39 table leaves out, and the
    # CJK strokes used as separators (丨 between characters reads as a bar, not a word).
    "ϲ": "c",
    "ε": "e",
    "α": "a",
    "ι": "i",
    "ο": "o",
    "ν": "v",
    "κ": "k",
    "τ": "t",
    "ρ": "p",
    "υ": "u",
    "ω": "w",
    "ո": "n",
    "ս": "u",
    "ӏ": "l",
    "丨": "",
    "丶": "",
    "〡": "",
}
_COMMON_WORDS: Final = frozenset(
    [
        "all",
        "and",
        "are",
        "art",
        "act",
        "arc",
        "ace",
        "aid",
        "aim",
        "air",
        "ask",
        "bad",
        "bag",
        "bar",
        "bat",
        "bed",
        "big",
        "bit",
        "box",
        "bus",
        "but",
        "buy",
        "can",
        "car",
        "cat",
        "cow",
        "cry",
        "cup",
        "cut",
        "dad",
        "day",
        "did",
        "dog",
        "dry",
        "ear",
        "eat",
        "egg",
        "end",
        "eye",
        "fan",
        "far",
        "fat",
        "few",
        "fit",
        "fly",
        "for",
        "fun",
        "get",
        "god",
        "gun",
        "guy",
        "has",
        "hat",
        "him",
        "his",
        "hit",
        "hot",
        "how",
        "ice",
        "ill",
        "ink",
        "its",
        "job",
        "joy",
        "key",
        "kid",
        "law",
        "lay",
        "leg",
        "let",
        "lie",
        "lot",
        "low",
        "mad",
        "man",
        "map",
        "men",
        "mix",
        "mom",
        "mud",
        "net",
        "new",
        "nor",
        "not",
        "now",
        "nut",
        "odd",
        "off",
        "oil",
        "old",
        "one",
        "our",
        "out",
        "own",
        "pay",
        "pen",
        "pet",
        "pie",
        "pig",
        "pin",
        "pop",
        "pot",
        "put",
        "raw",
        "red",
        "rid",
        "row",
        "run",
        "sad",
        "say",
        "sea",
        "see",
        "set",
        "she",
        "sit",
        "six",
        "sky",
        "son",
        "sun",
        "tax",
        "tea",
        "ten",
        "the",
        "tie",
        "tip",
        "toe",
        "too",
        "top",
        "toy",
        "try",
        "two",
        "use",
        "war",
        "was",
        "way",
        "wet",
        "who",
        "why",
        "win",
        "yes",
        "yet",
        "you",
        "zoo",
        "also",
        "back",
        "best",
        "blue",
        "body",
        "book",
        "boss",
        "call",
        "care",
        "city",
        "cool",
        "dark",
        "dead",
        "deal",
        "dear",
        "door",
        "down",
        "easy",
        "epic",
        "face",
        "fact",
        "fair",
        "fake",
        "fire",
        "fish",
        "five",
        "food",
        "four",
        "free",
        "game",
        "gift",
        "girl",
        "gold",
        "good",
        "hand",
        "hard",
        "hate",
        "head",
        "help",
        "here",
        "hero",
        "home",
        "hope",
        "huge",
        "idea",
        "just",
        "kill",
        "king",
        "kiss",
        "lady",
        "last",
        "life",
        "like",
        "line",
        "live",
        "long",
        "look",
        "lord",
        "love",
        "luck",
        "made",
        "main",
        "make",
        "many",
        "mask",
        "mind",
        "miss",
        "more",
        "most",
        "move",
        "much",
        "must",
        "name",
        "need",
        "news",
        "next",
        "nice",
        "none",
        "only",
        "open",
        "over",
        "page",
        "park",
        "play",
        "plus",
        "pure",
        "real",
        "rich",
        "road",
        "rock",
        "safe",
        "same",
        "save",
        "shop",
        "show",
        "side",
        "sing",
        "some",
        "song",
        "soul",
        "star",
        "stop",
        "such",
        "sure",
        "take",
        "talk",
        "team",
        "tell",
        "than",
        "that",
        "them",
        "then",
        "they",
        "this",
        "time",
        "tips",
        "tree",
        "true",
        "very",
        "view",
        "vote",
        "want",
        "wave",
        "week",
        "well",
        "what",
        "when",
        "wild",
        "will",
        "wind",
        "wise",
        "with",
        "wolf",
        "word",
        "work",
        "year",
        "your",
        "zero",
        "fps",
        "rpg",
        "mmo",
        "mvp",
        "omg",
        "wtf",
        "bff",
        "diy",
        "ceo",
        "vip",
        "ufc",
        "nba",
        "nfl",
        "mlb",
        "nhl",
        "gta",
        "asmr",
    ]
)
"""Words that an acronym of a registry name may spell (ART, FIRE): not read as the acronym."""


def is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded to registry keys: ``text[j]`` came from ``original[pos[j]]``; ``brk[j]`` says a
    word starts at ``j`` (after a space or symbol, a lower-to-upper or script change)."""

    text: str
    pos: tuple[int, ...]
    brk: tuple[bool, ...]

    def starts_word(self, j: int) -> bool:
        return j == 0 or j >= len(self.text) or self.brk[j]


def fold(text: str, fold_map: Mapping[int, str]) -> Folded:
    """Fold ``text`` (see the module docstring); linear in its length."""
    out: list[str] = []
    pos: list[int] = []
    brk: list[bool] = []
    last = -2
    for i, char in enumerate(text):
        mapped = fold_map.get(ord(char))
        if mapped is None:
            mapped = char.lower()
            if not mapped.isascii() and not is_cjk(mapped):
                mapped = unicodedata.normalize("NFD", mapped)[:1]
            if mapped in _BETWEEN_LETTERS and 0 < i < len(text) - 1:
                left, right = text[i - 1], text[i + 1]
                if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
                    mapped = _BETWEEN_LETTERS[mapped]
        for piece in mapped:
            c = piece.lower()
            c = _LEET.get(c, c)
            if not c.isalnum():
                continue
            if out and ((c == "n" and out[-1] == "r") or (c == "v" == out[-1])):
                out[-1] = "m" if c == "n" else "w"
                last = i
                continue
            if i == last:
                starts = False
            elif i > last + 1 or not out:
                starts = True
            else:
                a, b = text[i - 1], char
                after = text[i + 1] if i + 1 < len(text) else ""
                starts = (
                    not a.isalnum()
                    or not b.isalnum()
                    or (a.islower() and b.isupper())
                    or (a.isupper() and b.isupper() and after.islower())
                    or (is_cjk(a) != is_cjk(b))
                )
            out.append(c)
            pos.append(i)
            brk.append(starts)
            last = i
    return Folded("".join(out), tuple(pos), tuple(brk))


def to_pinyin(folded: Folded, pinyin: Mapping[str, str]) -> Folded:
    """The pinyin reading of a folded text: each Chinese character replaced by its syllable."""
    out: list[str] = []
    pos: list[int] = []
    brk: list[bool] = []
    for j, char in enumerate(folded.text):
        syllable = pinyin.get(char, char) if is_cjk(char) else char
        for k, letter in enumerate(syllable):
            out.append(letter)
            pos.append(folded.pos[j])
            brk.append(folded.brk[j] if k == 0 else False)
    return Folded("".join(out), tuple(pos), tuple(brk))


@dataclass(frozen=True, slots=True)
class Entry:
    """One protected entity as imported."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    verified_accounts: tuple[str, ...] = ()
    logo: str | None = None
    """PDQ hash (64 hex digits) of the entry's logo, or None."""


def account_key(account: str) -> str:
    """How a verified account is compared: case-folded, without a leading ``@`` or spaces."""
    return account.strip().lstrip("@").casefold()


@dataclass(frozen=True, slots=True)
class Hit:
    entry: int
    how: str
    start: int
    end: int
    """Span in the original text."""
    key: str


class EntityRegistry:
    """The compiled registry, read-only: entries, key automata and folding tables.

    Built from the compiled JSON document (``bastion.entities`` writes and reads it) plus the
    unmasker's character table; building it does no I/O."""

    def __init__(self, document: Mapping[str, Any], base_fold: Mapping[int, str]) -> None:
        self.entries: tuple[Entry, ...] = tuple(
            Entry(
                name=e["name"],
                kind=e["kind"],
                aliases=tuple(e.get("aliases", ())),
                verified_accounts=tuple(e.get("verified_accounts", ())),
                logo=e.get("logo"),
            )
            for e in document["entries"]
        )
        self.version: str = str(document.get("version", ""))
        fold_map = fold_map_of(base_fold, document.get("t2s", {}))
        self.fold_map: Mapping[int, str] = fold_map
        self._common = frozenset(fold(word, fold_map).text for word in _COMMON_WORDS)
        self.pinyin: Mapping[str, str] = dict(document.get("pinyin", {}))
        self.verified: frozenset[str] = frozenset(
            account_key(a) for entry in self.entries for a in entry.verified_accounts
        )
        self.names = _automaton(
            (key, (entry, how)) for key, entry, how in document["keys"] if how != "pinyin"
        )
        self.pinyin_keys = _automaton(
            (key, (entry, how)) for key, entry, how in document["keys"] if how == "pinyin"
        )
        tokens: dict[int, tuple[str, ...]] = {
            int(entry): tuple(words) for entry, words in document.get("tokens", {}).items()
        }
        self.entry_tokens = tokens
        frequency: dict[str, int] = {}
        for words in tokens.values():
            for word in set(words):
                frequency[word] = frequency.get(word, 0) + 1
        anchored: dict[str, list[int]] = {}
        for entry, words in tokens.items():
            rarest = min(words, key=lambda w: (frequency[w], w))
            anchored.setdefault(rarest, []).append(entry)
        connectors = {"of", "the", "and", "for", "on", "in"}
        self.words = _automaton(
            (word, tuple(anchored.get(word, ()))) for word in set(frequency) | connectors
        )
        self.logos: tuple[tuple[int, int], ...] = tuple(
            (i, int(logo, 16))
            for i, entry in enumerate(self.entries)
            for logo in (entry.logo or "").split()
        )
        self._authority = _automaton(_authority_keys(fold_map))

    def fold(self, text: str) -> Folded:
        return fold(text[:MAX_CHARS], self.fold_map)

    def is_verified(self, item: Item) -> bool:
        if item.account_id and account_key(item.account_id) in self.verified:
            return True
        return item.surface == "username" and account_key(item.text) in self.verified

    def name_hits(self, original: str, folded: Folded, claimed: bool) -> list[Hit]:
        """Registry names, aliases, partial names, acronyms and pinyin readings in the text.

        Latin keys must stand as words: a name must start or end one ("CypherBrothers" does not
        hold "Other"), a partial name or an acronym both; an acronym also needs capitals or a
        claim of authority beside it ("FBI", "fbi official"), and is never a common word."""
        hits: list[Hit] = []
        text = folded.text
        for end, (key, values) in _iter(self.names, text):
            start = end - len(key) + 1
            latin = text[start].isascii()
            at_start, at_end = folded.starts_word(start), folded.starts_word(end + 1)
            for entry, how in values:
                if latin and not (at_start or at_end):
                    continue
                if latin and how in ("partial", "abbreviation") and not (at_start and at_end):
                    continue
                lo, hi = folded.pos[start], folded.pos[end] + 1
                written = original[lo:hi]
                if how == "abbreviation" and (
                    key in self._common
                    or not all(c.isalpha() for c in written)
                    or not (claimed or _upper(written))
                ):
                    continue
                if how == "name":
                    how = "exact" if self._verbatim(entry, written) else "variant"
                hits.append(Hit(entry, how, lo, hi, key))
        if len(self.pinyin_keys):
            reading = to_pinyin(folded, self.pinyin)
            for end, (key, values) in _iter(self.pinyin_keys, reading.text):
                start = end - len(key) + 1
                if len(key) < 10 and not (
                    reading.starts_word(start) or reading.starts_word(end + 1)
                ):
                    continue
                lo, hi = reading.pos[start], reading.pos[end] + 1
                hits.extend(Hit(entry, "pinyin", lo, hi, key) for entry, _ in values)
        hits.extend(self._reordered(folded))
        return hits

    def _verbatim(self, entry: int, written: str) -> bool:
        said = " ".join(written.casefold().split())
        found = self.entries[entry]
        return any(said == " ".join(n.casefold().split()) for n in (found.name, *found.aliases))

    def _reordered(self, folded: Folded) -> list[Hit]:
        """Entries all of whose words stand in the text as words, in any order."""
        spans = [
            (end - len(word) + 1, end + 1, word, v)
            for end, (word, v) in _iter(self.words, folded.text)
        ]
        starts = {s for s, _, _, _ in spans}
        ends = {e for _, e, _, _ in spans}
        present: dict[str, tuple[int, int]] = {}
        for s, e, word, _ in spans:
            if (folded.starts_word(s) or s in ends) and (folded.starts_word(e) or e in starts):
                present.setdefault(word, (s, e))
        hits: list[Hit] = []
        for s, e, word, (entries,) in spans:
            if present.get(word) != (s, e):
                continue
            for entry in entries:
                words = self.entry_tokens[entry]
                if all(w in present for w in words):
                    places = [present[w] for w in words]
                    lo = folded.pos[min(p[0] for p in places)]
                    hi = folded.pos[max(p[1] for p in places) - 1] + 1
                    hits.append(Hit(entry, "reorder", lo, hi, " ".join(words)))
        return hits

    def authority(self, folded: Folded) -> tuple[str | None, bool]:
        """``(claim, self_claim)``: the authority wording that makes a name invented from
        authority words, and whether the text claims to be an account of a body.

        A claim is a strong word (指挥部, "News Agency"); a qualifier then an institution noun
        at most ``MAX_GAP`` characters or words apart ("Chinese ... Command", 上海发布); or a
        unit noun that ends the name ("Trade Command", 世纪发布). In Chinese, where words are
        not spaced, a claim must also end its run of characters but for ``MAX_TAIL`` of them
        (names end with the institution: 盘锦市公安局 is a name, 盘锦市公安局又在自己查自己了
        is a sentence); other lexicon words do not count in either distance."""
        text = folded.text
        spans = []
        for end, (key, values) in _iter(self._authority, text):
            groups, word = values[0]
            spans.append((end - len(key) + 1, end + 1, groups, word))
        starts = {s for s, _, _, _ in spans}
        ends = {e for _, e, _, _ in spans}
        anchored = [
            (s, e, kinds, word)
            for s, e, kinds, word in sorted(spans)
            if not text[s].isascii()
            or ((folded.starts_word(s) or s in ends) and (folded.starts_word(e) or e in starts))
        ]
        covered = [False] * (len(text) + 1)
        for s, e, _, _ in anchored:
            for k in range(s, e):
                covered[k] = True
        covered[len(text)] = True
        strong: str | None = None
        head: str | None = None
        bare: str | None = None
        self_claim = False
        qualifiers: list[tuple[int, int, str]] = []
        for s, e, kinds, word in anchored:
            if "self" in kinds:
                self_claim = True
            cjk = not text[s].isascii()
            if cjk and _tail(folded, covered, e) > MAX_TAIL:
                if "qualifier" in kinds:
                    qualifiers.append((s, e, word))
                continue
            if "strong" in kinds and word in BARE_CLAIMS:
                bare = bare or word
            elif "strong" in kinds and strong is None:
                strong = word
            if "end" in kinds and head is None and _tail(folded, covered, e, to_end=True) == 0:
                head = word
            if "head" in kinds and head is None:
                for qs, qe, qualifier in qualifiers:
                    if qs < s and _gap(folded, covered, qe, s, cjk) <= MAX_GAP:
                        head = f"{qualifier} … {word}"
                        break
            if "qualifier" in kinds:
                qualifiers.append((s, e, word))
        return strong or head or bare, self_claim


MAX_TAIL: Final = 4
MAX_GAP: Final = 4


def _tail(folded: Folded, covered: list[bool], end: int, *, to_end: bool = False) -> int:
    """Characters after ``end`` up to the end of their run (``to_end``: of the text) that no
    lexicon word covers; for Latin text, words."""
    count = 0
    latin = end < len(folded.text) and folded.text[end].isascii()
    for j in range(end, len(folded.text)):
        if not to_end and folded.brk[j] and j > end:
            break
        if not covered[j] and (not latin or folded.brk[j] or j == end):
            count += 1
    return count


def _gap(folded: Folded, covered: list[bool], start: int, end: int, cjk: bool) -> int:
    """Uncovered characters (Chinese) or words (Latin) between a qualifier and a noun."""
    if cjk:
        return sum(1 for j in range(start, end) if not covered[j])
    return sum(1 for j in range(start, end) if not covered[j] and folded.brk[j])


_MENTION: Final = re.compile(r"@[^\s@,，:：]{1,40}")
_SENTENCE: Final = frozenset("，。！？；")


def fold_map_of(base: Mapping[int, str], t2s: Mapping[str, str]) -> dict[int, str]:
    """The one-character folds: the unmasker's (``base``), traditional characters, the extras."""
    fold_map = dict(base)
    for trad, simp in t2s.items():
        fold_map[ord(trad)] = simp
    for char, folded in _EXTRA_FOLDS.items():
        fold_map[ord(char)] = folded
    return fold_map


def _upper(written: str) -> bool:
    """Written in capitals (look-alike letters of other scripts aside): ``FBI``, ``USCрAНA``."""
    letters = [c for c in written if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _authority_keys(fold_map: Mapping[int, str]) -> Iterable[tuple[str, Any]]:
    kinds: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for group, words in (
        ("strong", STRONG),
        ("head", HEADS),
        ("end", END_HEADS),
        ("qualifier", QUALIFIERS),
        ("self", SELF_CLAIM),
    ):
        for word in words:
            key = fold(word, fold_map).text
            if key:
                kinds.setdefault(key, set()).add(group)
                written.setdefault(key, word)
    return ((key, (frozenset(groups), written[key])) for key, groups in kinds.items())


def _automaton(pairs: Iterable[tuple[str, Any]]) -> Any:
    """An Aho-Corasick automaton ``key -> (key, values)``; values of equal keys are merged."""
    merged: dict[str, list[Any]] = {}
    for key, value in pairs:
        if key:
            merged.setdefault(key, []).append(value)
    automaton = ahocorasick.Automaton()
    for key, values in merged.items():
        automaton.add_word(key, (key, tuple(values)))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _iter(automaton: Any, text: str) -> Iterable[tuple[int, Any]]:
    if not text or not len(automaton):
        return ()
    result: Iterable[tuple[int, Any]] = automaton.iter(text)
    return result


class ImpersonationDetector:
    """Flags profiles posing as a registry entry, or as a body invented from authority words."""

    name: Final = "impersonation"
    emits: Final = frozenset({IMPERSONATION, AUTHORITY})
    __slots__ = ("_registry",)

    def __init__(self, resources: Resources) -> None:
        self._registry = resources.asset(self.name, EntityRegistry)

    @classmethod
    def load_asset(cls, home: Path) -> EntityRegistry:
        """The home's compiled registry (``bastion entities import``), else the packaged one."""
        from bastion.entities import load_registry  # edge: reads files

        return load_registry(home)

    @property
    def gates(self) -> bool:
        """False without a protected-entity registry: the gate is then never true."""
        return self._registry is not None

    def gate(self, item: Item) -> bool:
        return self._registry is not None and item.surface in PROFILE_SURFACES and bool(item.text)

    def detect(self, context: DetectContext) -> list[Signal]:
        registry = self._registry
        item = context.item
        if registry is None or item.surface not in PROFILE_SURFACES or registry.is_verified(item):
            return []
        signals: dict[tuple[int, str], Signal] = {}
        authority: list[Signal] = []
        fields: list[tuple[str, str]] = [("text", item.text)]
        for report in context.images:
            for code in report.codes:
                if code.decoder == "ocr":
                    fields.append((f"image:{report.index}:ocr", code.text))
        for origin, text in fields[: 1 + 40]:
            self._read(registry, item.surface, origin, text, signals, authority)
        found = list(signals.values())
        self._logos(registry, context, found)
        if not found and authority:
            found = authority[:1]
        found.sort(key=lambda s: (-s.score, s.evidence))
        return found[:MAX_SIGNALS]

    def _read(
        self,
        registry: EntityRegistry,
        surface: str,
        origin: str,
        text: str,
        signals: dict[tuple[int, str], Signal],
        authority: list[Signal],
    ) -> None:
        if not text:
            return
        if surface != "username":
            text = _MENTION.sub(lambda m: " " * len(m[0]), text)
        folded = registry.fold(text)
        if not folded.text:
            return
        claim, self_claim = registry.authority(folded)
        prose = surface == "bio" or len(text) > 120 or any(c in _SENTENCE for c in text)
        if prose and not self_claim:
            return
        if prose and claim in BARE_CLAIMS:
            claim = None  # "official account" in a bio claims to be official, not to be a body
        for hit in registry.name_hits(text, folded, bool(claim) or self_claim):
            key = (hit.entry, origin)
            old = signals.get(key)
            if old is not None and _RANK[_how(old)] <= _RANK[hit.how]:
                continue
            signals[key] = _signal(
                registry.entries[hit.entry],
                hit.how,
                SCORES[hit.how],
                text[hit.start : hit.end],
                origin,
                (hit.start, hit.end) if origin == "text" else None,
            )
        if claim is not None:
            strength = SCORES["authority"]
            authority.append(
                Signal(
                    detector=self.name,
                    label=AUTHORITY,
                    score=strength,
                    evidence=f"how: authority words | words: {claim} | text: {text[:120]}",
                    category=CATEGORY,
                    origin=origin,
                )
            )

    def _logos(self, registry: EntityRegistry, context: DetectContext, found: list[Signal]) -> None:
        if not registry.logos:
            return
        named = {s.evidence.split(" | ")[1] for s in found}
        for report in context.images:
            if report.pdq is None or (report.pdq_quality or 0) < MIN_LOGO_QUALITY:
                continue
            value = int(report.pdq, 16)
            best: tuple[int, int] | None = None
            for entry, logo in registry.logos:
                distance = (value ^ logo).bit_count()
                if distance <= LOGO_DISTANCE and (best is None or distance < best[0]):
                    best = (distance, entry)
            if best is None:
                continue
            distance, entry = best
            found_entry = registry.entries[entry]
            score = 1.0 if f"entry: {found_entry.name}" in named else SCORES["logo"]
            found.append(
                _signal(
                    found_entry,
                    "logo",
                    score,
                    f"{distance} bits from the logo",
                    f"image:{report.index}:pdq",
                    None,
                )
            )


def _how(signal: Signal) -> str:
    return signal.evidence.partition(" | ")[0].removeprefix("how: ")


def _signal(
    entry: Entry, how: str, score: float, written: str, origin: str, span: tuple[int, int] | None
) -> Signal:
    return Signal(
        detector=ImpersonationDetector.name,
        label=IMPERSONATION,
        score=score,
        evidence=f"how: {how} | entry: {entry.name} | kind: {entry.kind} | text: {written[:120]}",
        category=CATEGORY,
        span=span,
        origin=origin,
    )


def keys_of(texts: Sequence[str], fold_map: Mapping[int, str]) -> list[str]:
    """Folded keys of names (used by the compiler, so names and texts fold alike)."""
    return [fold(text, fold_map).text for text in texts]
