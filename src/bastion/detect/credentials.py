"""Unqualified advice: accounts that offer medical, legal, financial, educational or
psychological advice or services without a credential for that domain.

The operator keeps the credential table (``bastion credentials import FILE``: CSV
``account_id, domain, issuer, id``); it is validated line by line, compiled into the home
(``credentials/credentials.json``) atomically, and loaded at the edge (``load_asset``).

A text (a bio, a post, a display name: any surface) *offers* advice in a domain when an offer
phrase and a domain word, two different words, meet within ``advice_lexicon.WINDOW``
characters, and at least one of them is strong: a solicitation beside any domain word, or a
commerce word ("请咨询", "book a") beside a service word ("律师", "therapy"). See that module
for why: talk about health, law or money is not an offer, and neither is a pharmacy's or a
carrier's sale. Each domain found yields
one ``unqualified_advice`` signal (category ``unqualified_advice``, evidence naming the domain
and both phrases) unless the item's ``account_id`` holds a credential for that domain. An item
without an ``account_id`` cannot show a credential, so its offers are flagged. The default
policy sends these to review.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, cast

import re2

from bastion.atomic import write_bytes_atomically
from bastion.detect._needs import needed_chars
from bastion.detect.advice_lexicon import (
    COMMERCE_EN,
    COMMERCE_ZH,
    DOMAINS,
    NOT_OFFERS,
    OFFER_EN,
    OFFER_ZH,
    SERVICE_EN,
    SERVICE_ZH,
    TOPIC_EN,
    TOPIC_ZH,
    WINDOW,
)
from bastion.detect.base import DetectContext, Resources
from bastion.detect.textterms import fold, prepare, simplified_to_traditional
from bastion.model import Item, Signal
from bastion.normalize.tables import char_class
from bastion.normalize.unmask import GATE_MEMORY

LABEL: Final = "unqualified_advice"
CATEGORY: Final = "unqualified_advice"
DIRECTORY: Final = "credentials"
FILE: Final = "credentials.json"
CSV_COLUMNS: Final = ("account_id", "domain", "issuer", "id")
FORMAT_VERSION: Final = 1
MAX_FIELD_CHARS: Final = 256
SCAN_CHARS: Final = 5_000
MIN_TEXT_CHARS: Final = 4
SCORE: Final = 0.8


class CredentialError(ValueError):
    """A credential file that cannot be imported; the message is one line."""


@dataclass(frozen=True, slots=True)
class Credential:
    account_id: str
    domain: str
    issuer: str
    id: str


class CredentialTable:
    """Which domains each account holds a credential for."""

    __slots__ = ("_domains", "records")

    def __init__(self, records: list[Credential]) -> None:
        self.records = tuple(records)
        domains: dict[str, set[str]] = {}
        for record in records:
            domains.setdefault(record.account_id, set()).add(record.domain)
        self._domains = {k: frozenset(v) for k, v in domains.items()}

    def domains_of(self, account_id: str) -> frozenset[str]:
        return self._domains.get(account_id, frozenset()) if account_id else frozenset()

    def __len__(self) -> int:
        return len(self.records)


def parse(data: bytes, name: str) -> list[Credential]:
    """Every row of an ``account_id,domain,issuer,id`` CSV; one-line errors with line numbers."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CredentialError(f"{name}: not UTF-8 (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    out: list[Credential] = []
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if tuple(header) != CSV_COLUMNS:
            raise CredentialError(
                f"{name} line 1: the header must be {', '.join(CSV_COLUMNS)} "
                f"(got {', '.join(header) or 'nothing'})"
            )
        for row in reader:
            where = f"{name} line {reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(CSV_COLUMNS):
                raise CredentialError(f"{where}: {len(row)} fields, expected {len(CSV_COLUMNS)}")
            cells = [cell.strip() for cell in row]
            for column, cell in zip(CSV_COLUMNS, cells, strict=True):
                if not cell:
                    raise CredentialError(f"{where}: {column!r} is empty")
                if len(cell) > MAX_FIELD_CHARS or "\x00" in cell:
                    raise CredentialError(
                        f"{where}: {column!r} is longer than {MAX_FIELD_CHARS} characters or "
                        "holds a NUL"
                    )
            if cells[1].lower() not in DOMAINS:
                raise CredentialError(
                    f"{where}: domain {cells[1]!r} is not one of {', '.join(DOMAINS)}"
                )
            out.append(Credential(cells[0], cells[1].lower(), cells[2], cells[3]))
    except csv.Error as exc:
        raise CredentialError(f"{name} line {reader.line_num}: {exc}") from None
    if not out:
        raise CredentialError(f"{name}: no credentials in the file")
    return list(dict.fromkeys(out))


def import_file(home: Path, source: Path) -> list[Credential]:
    """Validate ``source`` and compile it into ``home`` atomically; nothing written on error."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CredentialError(f"{source}: cannot read: {exc.strerror or exc}") from None
    records = parse(data, source.name)
    target = home / DIRECTORY / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {"format": FORMAT_VERSION, "credentials": [list(_fields(r)) for r in records]}
    write_bytes_atomically(target, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    return records


def _fields(record: Credential) -> tuple[str, str, str, str]:
    return (record.account_id, record.domain, record.issuer, record.id)


def read(home: Path) -> CredentialTable | None:
    """The compiled table of ``home``; None when there is none; ValueError when damaged."""
    path = home / DIRECTORY / FILE
    if not path.is_file():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT_VERSION:
            raise ValueError(f"format {body.get('format')!r}, expected {FORMAT_VERSION}")
        records = [Credential(*map(str, row)) for row in body["credentials"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: damaged credential table ({exc}); import it again") from None
    if any(r.domain not in DOMAINS for r in records):
        raise ValueError(f"{path}: damaged credential table (unknown domain); import it again")
    return CredentialTable(records)


def _compile(pattern: str) -> re2._Regexp[str]:
    options = re2.Options()
    options.max_mem = 64 << 20
    return re2.compile(pattern, options)


def _either(*patterns: str) -> re2._Regexp[str]:
    return _compile("|".join(f"(?:{p})" for p in patterns))


_SOLICIT: Final = _either(*OFFER_EN, *OFFER_ZH)
_COMMERCE: Final = _either(*COMMERCE_EN, *COMMERCE_ZH)
_SERVICE: Final = {domain: _either(SERVICE_EN[domain], SERVICE_ZH[domain]) for domain in DOMAINS}
_TOPIC: Final = {domain: _either(TOPIC_EN[domain], TOPIC_ZH[domain]) for domain in DOMAINS}
_OFFERS: Final = (*OFFER_EN, *OFFER_ZH, *COMMERCE_EN, *COMMERCE_ZH)
_WORDS: Final = (
    *SERVICE_EN.values(),
    *SERVICE_ZH.values(),
    *TOPIC_EN.values(),
    *TOPIC_ZH.values(),
)
SET_MAX: Final = 4_096
"""Longer texts are read by single patterns, which never give up: an RE2 set may exhaust its
DFA budget on a long text and report no match, which must not skip one."""


def _both(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """``patterns`` and their traditional-script twins, any case (for the text as written)."""
    twins = (*patterns, *map(simplified_to_traditional, patterns))
    return tuple(f"(?i:{p})" for p in dict.fromkeys(twins))


class _OfferAndDomain:
    """Whether a text holds an offer phrase *and* a domain word, in one RE2 set pass: a
    necessary condition of ``offers_in`` (which also needs them within ``WINDOW``)."""

    __slots__ = ("_domain", "_match", "_offer", "_offers")

    def __init__(self, offers: tuple[str, ...], words: tuple[str, ...]) -> None:
        options = re2.Options()
        options.max_mem = GATE_MEMORY
        compiled: Any = re2.Set.SearchSet(options)
        for pattern in (*offers, *words):
            compiled.Add(pattern.encode())
        compiled.Compile()
        self._match = cast("Callable[[bytes], list[int]]", compiled._set.Match)
        self._offers = len(offers)
        self._offer = _compile("|".join(f"(?:{p})" for p in offers))
        self._domain = _compile("|".join(f"(?:{p})" for p in words))

    def __call__(self, text: str) -> bool:
        if len(text) > SET_MAX:
            text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates: "?"
            return self._offer.search(text) is not None and self._domain.search(text) is not None
        hits = self._match(text.encode("utf-8", "surrogatepass"))
        return bool(hits) and min(hits) < self._offers <= max(hits)

    def hits(self, text: str) -> frozenset[int] | None:
        """Indices (offers first, then words) of the patterns that occur in ``text``, when it
        needs an offer and a word to be worth reading; None for a text too long for the set,
        in which any pattern may occur."""
        if len(text) > SET_MAX:
            return None if self(text) else frozenset()
        hits = self._match(text.encode("utf-8", "surrogatepass"))
        if hits and min(hits) < self._offers <= max(hits):
            return frozenset(hits)
        return frozenset()


_RAW_TEST: Final = _OfferAndDomain(_both(_OFFERS), _both(_WORDS))
"""On the raw text, both scripts, any case: what ``gate`` asks."""


def _ascii_alnum(code: int) -> bool:
    return code < 0x80 and chr(code).isalnum()


def _char_search(chars: frozenset[int] | None) -> Callable[[str], object]:
    """``re`` search for any of ``chars`` (None: every text holds one)."""
    if chars is None:
        return lambda _: True
    return re.compile(f"[{char_class(sorted(chars))}]").search


@cache
def _char_tests() -> tuple[Callable[[str], object], Callable[[str], object]]:
    """Searches for the characters every offer phrase and every domain word needs in a text
    without ASCII letters and digits; built on first use (parsing the lexicon takes ~0.1 s)."""
    return (
        _char_search(needed_chars(_both(_OFFERS), _ascii_alnum)),
        _char_search(needed_chars(_both(_WORDS), _ascii_alnum)),
    )


_HAS_ASCII: Final = re.compile("[0-9A-Za-z]").search


def may_offer(text: str) -> bool:
    """False only when ``_RAW_TEST(text)`` is certainly false: a text with no ASCII letter or
    digit must hold a character every offer phrase needs and one every domain word needs
    (``bastion.detect._needs``). Two class searches instead of encoding the text for an RE2 set:
    most messages end here."""
    if _HAS_ASCII(text) is not None:
        return True
    offer_char, word_char = _char_tests()
    return offer_char(text) is not None and word_char(text) is not None


_FOLDED_TEST: Final = _OfferAndDomain(_OFFERS, _WORDS)
"""On the folded text, the very patterns ``offers_in`` reads: an exact first test."""


def _positions(*groups: tuple[str, ...]) -> frozenset[int]:
    """Positions in ``_FOLDED_TEST``'s patterns (``_OFFERS`` then ``_WORDS``) of ``groups``'
    patterns: each of ``offers_in``'s regexes is the union of such a group."""
    patterns = (*_OFFERS, *_WORDS)
    wanted = {p for group in groups for p in group}
    return frozenset(i for i, p in enumerate(patterns) if p in wanted)


_SOLICIT_AT: Final = _positions(OFFER_EN, OFFER_ZH)
_COMMERCE_AT: Final = _positions(COMMERCE_EN, COMMERCE_ZH)
_SERVICE_AT: Final = {d: _positions((SERVICE_EN[d], SERVICE_ZH[d])) for d in DOMAINS}
_TOPIC_AT: Final = {d: _positions((TOPIC_EN[d], TOPIC_ZH[d])) for d in DOMAINS}


@dataclass(frozen=True, slots=True)
class Offer:
    domain: str
    offer: str
    word: str


_Span = tuple[int, int, str]


def _spans(pattern: re2._Regexp[str], text: str) -> list[_Span]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _near(word: _Span, offers: list[_Span]) -> str | None:
    """The first offer within ``WINDOW`` of ``word`` that is another word (no overlap)."""
    start, end, _ = word
    for offer_start, offer_end, phrase in offers:
        apart = offer_end <= start or end <= offer_start
        if apart and offer_start - WINDOW <= start and end <= offer_end + WINDOW:
            return phrase
    return None


_ACCOUNT_NAME: Final = re.compile("@[a-z0-9_.]{2,32}|(?<![a-z0-9_])[a-z][a-z0-9]*_[a-z0-9_]*[0-9]")
"""``@crypto_tian212``, ``stock_guru88``: an account's name, not the topic its words name (a
running club's ``I'm @crypto_tian212`` offers no financial advice)."""


def offers_in(text: str) -> list[Offer]:
    """Each domain in which ``text`` offers advice, with the phrases that show it: a
    solicitation near a service or topic word, or a commerce word near a service word."""
    folded = fold(text[:SCAN_CHARS])
    hits = _FOLDED_TEST.hits(folded)
    if hits is not None and not hits:
        return []
    for idiom in NOT_OFFERS:
        if idiom in folded:
            folded = folded.replace(idiom, " " * len(idiom))
            hits = None  # blanking an idiom may part words: every pattern is read again
    if "_" in folded or "@" in folded:
        blanked = _ACCOUNT_NAME.sub(lambda m: " " * len(m[0]), folded)
        if blanked != folded:
            folded, hits = blanked, None

    def spans(pattern: re2._Regexp[str], positions: frozenset[int]) -> list[_Span]:
        """``_spans``, skipped when the set found none of the union's patterns."""
        if hits is not None and hits.isdisjoint(positions):
            return []
        return _spans(pattern, folded)

    solicits = spans(_SOLICIT, _SOLICIT_AT)
    commerce = spans(_COMMERCE, _COMMERCE_AT)
    if not solicits and not commerce:
        return []
    both = solicits + commerce
    found = []
    for domain in DOMAINS:
        near = None
        for word in spans(_SERVICE[domain], _SERVICE_AT[domain]):
            near = _near(word, both)
            if near is not None:
                break
        if near is None and solicits:
            for word in spans(_TOPIC[domain], _TOPIC_AT[domain]):
                near = _near(word, solicits)
                if near is not None:
                    break
        if near is not None:
            found.append(Offer(domain, near.strip(), word[2].strip()))
    return found


class CredentialDetector:
    """Emits ``unqualified_advice`` for an offer of advice in a domain the account holds no
    credential for."""

    name: Final = "credentials"
    emits: Final = frozenset({LABEL})

    __slots__ = ("_table",)

    def __init__(self, resources: Resources) -> None:
        self._table = resources.asset(self.name, CredentialTable) or CredentialTable([])
        prepare()
        _char_tests()  # with the scanner, not on the first message

    @classmethod
    def load_asset(cls, home: Path) -> CredentialTable | None:
        return read(home)

    def gate(self, item: Item) -> bool:
        text = item.text
        return len(text) >= MIN_TEXT_CHARS and may_offer(text) and _RAW_TEST(text)

    def detect(self, context: DetectContext) -> list[Signal]:
        text = context.text
        if len(text) < MIN_TEXT_CHARS:
            return []
        held = self._table.domains_of(context.item.account_id)
        return [
            Signal(
                detector=self.name,
                label=LABEL,
                score=SCORE,
                evidence=f"{offer.domain}: offer {offer.offer[:80]!r} near {offer.word[:80]!r}",
                category=CATEGORY,
            )
            for offer in offers_in(text)
            if offer.domain not in held
        ]
