"""The protected-entity registry at the edge: read an operator's file, validate it, compile it into
folded keys and write it atomically into the home; load the compiled registry for the scanner.

Input (CSV with a header, or JSON Lines): ``name``, ``kind`` (one of ``KINDS``), ``aliases`` and
``verified_accounts`` (``|``-separated in CSV; a list or a ``|`` string in JSON), optional
``logo`` (an image path, relative to the file's folder). Every problem is one line naming the file
and line; any problem stops the import and leaves the compiled registry as it was.

Compiling runs OpenCC (traditional -> simplified) and pypinyin once over the CJK block and writes
their tables into the compiled file, so the scan core folds text with two dictionaries and never
loads either library. Keys per entry: each name and alias folded (``name``), their pinyin
(``pinyin``), partial names that keep an institution word (``partial``), acronyms of names with
three or more words and all-capital aliases (``abbreviation``), and the words of the name
(``reorder``). A partial name shared by two entries is dropped: it names neither.

A home without a compiled registry uses the one packaged with Bastion (``DEFAULT``), built by
``python -m bench.build_entities`` from CC0 and MIT data (README "Licences of bundled data").
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from bastion.atomic import write_bytes_atomically
from bastion.detect.authority_words import END_HEADS, GENERIC, HEADS, QUALIFIERS
from bastion.detect.impersonation import (
    MIN_PINYIN_KEY,
    EntityRegistry,
    Entry,
    fold,
    fold_map_of,
    is_cjk,
)

KINDS: Final = (
    "military",
    "news_media",
    "anchor",
    "government",
    "public_institution",
    "official",
    "brand",
)
COLUMNS: Final = ("name", "kind", "aliases", "verified_accounts", "logo")
COMPILED: Final = "entities.json.gz"
"""The compiled registry's file name in the home."""
DEFAULT: Final = "entities_default.json.gz"
"""The packaged registry (``bastion/data``), used by a home without one of its own."""
FORMAT: Final = "bastion-entities/1"
MAX_ENTRIES: Final = 200_000
MAX_FIELD: Final = 300
MAX_LIST: Final = 64
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
MIN_LATIN_KEY: Final = 4
MIN_CJK_KEY: Final = 3
MAX_SHARED_PARTIAL: Final = 8
"""A partial name shared by more entries than this names none of them."""
_CORPORATE = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|\s*,?\s*(?:co\.?,?\s*)?(?:ltd|limited|inc|llc)\.?)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


class EntityImportError(ValueError):
    """An import that cannot go ahead; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems")
        self.problems = problems


@dataclass(slots=True)
class ImportReport:
    entries: int
    merged: int
    keys: int
    logos: int
    by_kind: dict[str, int] = field(default_factory=dict)
    path: Path | None = None


# --- reading ------------------------------------------------------------------------------------


def _split(value: Any, what: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = [p.strip() for p in value.split("|")]
    elif isinstance(value, list) and all(isinstance(p, str) for p in value):
        parts = [p.strip() for p in value]
    else:
        raise ValueError(f"{what} must be a '|'-separated string or a list of strings")
    parts = [p for p in parts if p]
    if len(parts) > MAX_LIST:
        raise ValueError(f"{what} holds {len(parts)} values, at most {MAX_LIST}")
    for part in parts:
        if len(part) > MAX_FIELD:
            raise ValueError(f"{what} value longer than {MAX_FIELD} characters")
    return tuple(dict.fromkeys(parts))


def _entry(record: dict[str, Any], folder: Path, hash_logo: bool) -> Entry:
    unknown = sorted(set(record) - set(COLUMNS))
    if unknown:
        raise ValueError(f"unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is required")
    name = " ".join(name.split())
    if len(name) > MAX_FIELD:
        raise ValueError(f"'name' longer than {MAX_FIELD} characters")
    kind = record.get("kind")
    if not isinstance(kind, str) or kind.strip() not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    accounts = _split(record.get("verified_accounts"), "verified_accounts")
    for account in accounts:
        if any(c.isspace() for c in account):
            raise ValueError(f"verified account {account!r} holds a space")
    logo = record.get("logo")
    pdq = None
    if logo not in (None, ""):
        if not isinstance(logo, str):
            raise ValueError("'logo' must be an image path")
        pdq = _logo_hash(folder / logo) if hash_logo else logo
    return Entry(
        name=name,
        kind=kind.strip(),
        aliases=_split(record.get("aliases"), "aliases"),
        verified_accounts=accounts,
        logo=pdq,
    )


def _logo_hash(path: Path) -> str:
    """PDQ hashes of a logo file, space-separated: the logo as given (the hash the image stage
    gives avatars), then copies with a white border of 5 % and 10 % and cropped by 3 % and 6 %
    on every side, because PDQ does not survive a frame or a crop and avatars get both."""
    from PIL import Image, UnidentifiedImageError

    from bastion.extract.images.hashes import pdq_hash

    try:
        with Image.open(path) as image:
            image.load()
            frame = image.convert("RGBA")
    except (OSError, UnidentifiedImageError) as exc:
        raise ValueError(f"logo {str(path)!r} cannot be read: {exc}") from None
    white = Image.new("RGBA", frame.size, (255, 255, 255, 255))
    grey = Image.alpha_composite(white, frame).convert("L")
    width, height = grey.size
    copies = [grey]
    for share in (0.05, 0.10):
        pad = max(1, round(share * max(width, height)))
        framed = Image.new("L", (width + 2 * pad, height + 2 * pad), 255)
        framed.paste(grey, (pad, pad))
        copies.append(framed)
    for share in (0.03, 0.06):
        dx, dy = round(share * width), round(share * height)
        if width - 2 * dx > 8 and height - 2 * dy > 8:
            copies.append(grey.crop((dx, dy, width - dx, height - dy)))
    return " ".join(dict.fromkeys(pdq_hash(copy)[0] for copy in copies))


def read_entities(path: Path, *, hash_logos: bool = True) -> list[Entry]:
    """Entries of a CSV or JSON Lines file; every problem as ``FILE line N: ...``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise EntityImportError(
                [f"{path}: {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}"]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise EntityImportError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise EntityImportError([f"{path} line {line}: not UTF-8"]) from None
    jsonl = path.suffix.lower() in (".jsonl", ".ndjson", ".json") or text.lstrip().startswith("{")
    rows = _jsonl_rows(text) if jsonl else _csv_rows(text)
    entries: list[Entry] = []
    problems: list[str] = []
    for line, record in rows:
        if isinstance(record, str):
            problems.append(f"{path} line {line}: {record}")
            continue
        try:
            entries.append(_entry(record, path.parent, hash_logos))
        except ValueError as exc:
            problems.append(f"{path} line {line}: {exc}")
        if len(entries) > MAX_ENTRIES:
            problems.append(f"{path} line {line}: more than {MAX_ENTRIES:,} entries")
            break
    if not entries and not problems:
        problems.append(f"{path}: no entries")
    if problems:
        raise EntityImportError(problems)
    return entries


def _jsonl_rows(text: str) -> Iterable[tuple[int, dict[str, Any] | str]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield number, f"invalid JSON: {exc}"
            continue
        yield number, record if isinstance(record, dict) else "a line must be a JSON object"


def _csv_rows(text: str) -> Iterable[tuple[int, dict[str, Any] | str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield 1, f"bad CSV: {exc}"
        return
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("name", "kind") if c not in names]
    if missing:
        yield 1, f"header lacks {missing[0]!r} (columns: {', '.join(COLUMNS)})"
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, f"bad CSV: {exc}"
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield reader.line_num, f"{len(row)} fields, the header has {len(names)}"
            continue
        yield reader.line_num, dict(zip(names, row, strict=False))


def _merge(entries: list[Entry]) -> tuple[list[Entry], int]:
    """One entry per (folded name, kind): aliases and accounts of duplicates are merged."""
    seen: dict[tuple[str, str], int] = {}
    merged: list[Entry] = []
    for entry in entries:
        key = (" ".join(entry.name.casefold().split()), entry.kind)
        at = seen.get(key)
        if at is None:
            seen[key] = len(merged)
            merged.append(entry)
            continue
        old = merged[at]
        merged[at] = Entry(
            old.name,
            old.kind,
            tuple(dict.fromkeys((*old.aliases, *entry.aliases))),
            tuple(dict.fromkeys((*old.verified_accounts, *entry.verified_accounts))),
            old.logo or entry.logo,
        )
    return merged, len(entries) - len(merged)


# --- compiling ----------------------------------------------------------------------------------


def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(traditional -> simplified, character -> pinyin) over the CJK blocks, from OpenCC and
    pypinyin; each Chinese character maps to one character / one toneless syllable."""
    import opencc
    from pypinyin import lazy_pinyin

    converter = opencc.OpenCC("t2s")
    t2s: dict[str, str] = {}
    pinyin: dict[str, str] = {}
    for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for cp in range(lo, hi):
            char = chr(cp)
            simple = converter.convert(char)
            if simple != char and len(simple) == 1 and "\u3400" <= simple <= "\u9fff":
                t2s[char] = simple
            if cp < 0xA000:
                read = lazy_pinyin(char, errors="ignore")
                if read and read[0].isascii() and read[0].isalpha():
                    pinyin[char] = read[0]
    return t2s, pinyin


def _generic_words() -> frozenset[str]:
    """Stop words and the one-word institution nouns and qualifiers: a name made only of these
    ("National Guard", "Bureau of Investigation") is kept whole but yields no partial name."""
    words = set(GENERIC)
    words.update(w.casefold() for w in (*HEADS, *QUALIFIERS) if " " not in w)
    return frozenset(words)


@cache
def _cjk_qualifiers() -> re.Pattern[str]:
    words = sorted((q for q in QUALIFIERS if any(is_cjk(c) for c in q)), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


def _words(name: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(name)]


def _keys_for(
    entry: Entry,
    index: int,
    fold_map: dict[int, str],
    pinyin: dict[str, str],
    generic: frozenset[str],
) -> tuple[list[tuple[str, int, str]], list[str], set[str]]:
    """(keys, reorder words, partial keys) of one entry."""
    from pypinyin import lazy_pinyin

    qualifiers = _cjk_qualifiers()
    keys: list[tuple[str, int, str]] = []
    partials: set[str] = set()
    names = [entry.name, *entry.aliases]
    stripped = [_CORPORATE.sub("", n).strip() for n in names]
    names += [s for s in stripped if s and s not in names]
    for name in names:
        key = fold(name, fold_map).text
        cjk = any(is_cjk(c) for c in key)
        latin_words = [w for w in _words(name) if not any(is_cjk(c) for c in w)]
        if not cjk and name.isupper() and 3 <= len(key) <= 8 and " " not in name.strip():
            keys.append((key, index, "abbreviation"))
            continue
        if len(key) < (MIN_CJK_KEY if cjk else MIN_LATIN_KEY):
            continue
        if not cjk and len(latin_words) < 2 and (len(key) < 6 or key in generic):
            continue
        keys.append((key, index, "name"))
        if cjk:
            simple = "".join(fold_map.get(ord(c), c) for c in name)
            readings = {
                fold("".join(lazy_pinyin(simple, errors="ignore")), fold_map).text,
                "".join(pinyin.get(c, c) for c in key),
            }
            keys += [
                (r, index, "pinyin") for r in readings if len(r) >= MIN_PINYIN_KEY and r.isascii()
            ]
            partials |= _cjk_partials(key, qualifiers)
        else:
            partials |= _latin_partials(latin_words, generic, fold_map)
            content = [w for w in latin_words if w not in GENERIC]
            for words in (content, [w for w in _before_and(latin_words) if w not in GENERIC]):
                if len(words) >= 3:
                    keys.append(
                        (fold("".join(w[0] for w in words), fold_map).text, index, "abbreviation")
                    )
    main = [fold(w, fold_map).text for w in _words(entry.name) if w not in GENERIC]
    main = [w for w in dict.fromkeys(main) if len(w) >= 2 and w.isascii()]
    tokens = main if len(main) >= 2 and len(_words(entry.name)) <= 8 else []
    return keys, tokens, partials


def _before_and(words: list[str]) -> list[str]:
    return words[: words.index("and")] if "and" in words else []


def _cjk_partials(key: str, qualifiers: re.Pattern[str]) -> set[str]:
    """Prefixes and suffixes keeping three fifths of the name and four characters besides the
    levels of state and places (``中国人民`` of 中国人民银行 names no body)."""
    n = len(key)
    if n < 5:
        return set()
    least = max(4, -(-3 * n // 5))
    parts = {key[:k] for k in range(least, n)} | {key[n - k :] for k in range(least, n)}
    return {p for p in parts if len(qualifiers.sub("", p)) >= 4}


def _latin_partials(
    words: list[str], generic: frozenset[str], fold_map: dict[int, str]
) -> set[str]:
    content = [i for i, w in enumerate(words) if w not in GENERIC]
    if len(content) < 3 or len(words) > 12:
        return set()
    found: set[str] = set()
    for a in content:
        for b in content:
            if b <= a:
                continue
            window = words[a : b + 1]
            kept = [w for w in window if w not in GENERIC]
            if len(kept) < 2 or 2 * len(kept) < len(content) or len(window) == len(words):
                continue
            if all(w in generic for w in kept):
                continue
            found.add(fold(" ".join(window), fold_map).text)
    return found


def compile_entries(entries: list[Entry], *, source: str) -> dict[str, Any]:
    """The compiled document for ``entries`` (already validated)."""
    from bastion.normalize.tables import tables

    started = time.perf_counter()
    t2s, pinyin = _tables()
    fold_map = fold_map_of(_base_fold(tables()), t2s)
    generic = _generic_words()
    keys: list[tuple[str, int, str]] = []
    tokens: dict[str, list[str]] = {}
    partial_owners: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        own, words, partials = _keys_for(entry, i, fold_map, pinyin, generic)
        keys += own
        if words:
            tokens[str(i)] = words
        for key in partials:
            partial_owners.setdefault(key, set()).add(i)
    full = {key for key, _, how in keys if how == "name"}
    institutions = _institution_keys(fold_map)
    for key, owners in sorted(partial_owners.items()):
        if key in full:
            continue
        if len(owners) == 1:
            keys.append((key, next(iter(owners)), "partial"))
        elif len(owners) <= MAX_SHARED_PARTIAL and any(word in key for word in institutions):
            # "Department of Technology" of several states: each is named; "Civil Rights" is not
            keys += [(key, owner, "partial") for owner in sorted(owners)]
    keys = sorted(set(keys))
    body = {
        "entries": [
            {
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "verified_accounts": list(e.verified_accounts),
                **({"logo": e.logo} if e.logo else {}),
            }
            for e in entries
        ],
        "keys": [list(k) for k in keys],
        "tokens": tokens,
    }
    digest = hashlib.sha256(
        json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    return {
        "format": FORMAT,
        "version": digest[:12],
        "source": source,
        "compiled_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "compile_seconds": round(time.perf_counter() - started, 3),
        **body,
        "t2s": t2s,
        "pinyin": pinyin,
    }


def _institution_keys(fold_map: dict[int, str]) -> frozenset[str]:
    """Folded institution nouns (department, office, 委员会...) of at least six letters."""
    words = {fold(w, fold_map).text for w in (*HEADS, *END_HEADS) if " " not in w}
    return frozenset(w for w in words if len(w) >= 6 or any(is_cjk(c) for c in w))


def _base_fold(tables: Any) -> dict[int, str]:
    """The unmasker's one-character folds (width, compatibility forms, invisibles, confusables)."""
    base: dict[int, str] = {}
    base.update(tables.other)
    base.update(tables.same)
    base.update(tables.homoglyph)
    return base


def write_compiled(home: Path, document: dict[str, Any]) -> Path:
    """Write atomically (temporary file, then ``os.replace``): a failed write keeps the old one."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / COMPILED
    data = gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), mtime=0)
    write_bytes_atomically(target, data)
    return target


def import_entities(path: Path, home: Path, *, add_default: bool = False) -> ImportReport:
    """Validate ``path``, compile it (with the packaged entries if ``add_default``), write it."""
    entries = read_entities(path)
    if add_default:
        entries = [*entries, *packaged_entries()]
    entries, merged = _merge(entries)
    document = compile_entries(entries, source=str(path))
    written = write_compiled(home, document)
    by_kind: dict[str, int] = {}
    for entry in entries:
        by_kind[entry.kind] = by_kind.get(entry.kind, 0) + 1
    return ImportReport(
        entries=len(entries),
        merged=merged,
        keys=len(document["keys"]),
        logos=sum(1 for e in entries if e.logo),
        by_kind=by_kind,
        path=written,
    )


# --- loading ------------------------------------------------------------------------------------


def read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, ValueError) as exc:
        raise ValueError(f"{path}: not a compiled entity registry ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"{path}: not a compiled entity registry (format {FORMAT} expected)")
    return document


def default_path() -> Path:
    return Path(str(resources.files("bastion").joinpath("data", DEFAULT)))


def packaged_entries() -> list[Entry]:
    return [
        Entry(
            e["name"], e["kind"], tuple(e["aliases"]), tuple(e["verified_accounts"]), e.get("logo")
        )
        for e in read_document(default_path())["entries"]
    ]


def registry_path(home: Path) -> Path:
    """The registry a scanner of ``home`` uses: the home's own, else the packaged one."""
    own = home / COMPILED
    return own if own.is_file() else default_path()


def load_registry(home: Path) -> EntityRegistry:
    path = registry_path(home)
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


def load_document(home: Path) -> dict[str, Any]:
    return read_document(registry_path(home))


@cache
def _load(path: str, mtime_ns: int, size: int) -> EntityRegistry:
    """Cached per file version: a registry is read-only, so scanners may share it."""
    from bastion.normalize.tables import tables

    document = read_document(Path(path))
    try:
        return EntityRegistry(document, _base_fold(tables()))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: compiled entity registry is damaged ({exc})") from None
