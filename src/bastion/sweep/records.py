"""Input rows to items, scanned items to finding rows: what both sweep engines share.

Both engines call ``scan_jsonl_line`` / ``scan_row`` on every record and keep only what they
return, so the same input gives the same findings on a process pool and on Spark. A finding is
an item with at least one violation (enforced or shadow); a record that cannot be scanned is a
row under the ``error`` verdict. Every other item is counted, not written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pyarrow as pa

from bastion.image_inputs import with_images
from bastion.model import InputError, Item, ScanResult, Violation
from bastion.policy import verdict_of
from bastion.scanner import Scanner

FORMATS: Final = ("jsonl", "csv", "parquet")
SUFFIXES: Final = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
SUFFIXES_PARQUET: Final = (".parquet", ".pq")
ERROR_VERDICT: Final = "error"
MAX_ERROR_TEXT: Final = 1_000
"""An unscannable record keeps at most this many characters of its raw text, for a person."""
BOM: Final = "\ufeff"

FINDING_FIELDS: Final = [
    pa.field("item_id", pa.string()),
    pa.field("source", pa.string()),
    pa.field("platform", pa.string()),
    pa.field("surface", pa.string()),
    pa.field("account_id", pa.string()),
    pa.field("created_at", pa.string()),
    pa.field("text", pa.string()),
    pa.field("images", pa.list_(pa.string())),
    pa.field("rules", pa.list_(pa.string())),
    pa.field("categories", pa.list_(pa.string())),
    pa.field("outcomes", pa.list_(pa.string())),
    pa.field("modes", pa.list_(pa.string())),
    pa.field("entities", pa.list_(pa.string())),
    pa.field("shadow_verdict", pa.string()),
    pa.field("policy_version", pa.string()),
    pa.field("fingerprint", pa.string()),
    pa.field("result", pa.string()),
    pa.field("error", pa.string()),
]
FILE_SCHEMA: Final = pa.schema(FINDING_FIELDS)
"""The columns of every findings Parquet file; the verdict is the Hive partition
(``findings/verdict=act/...``)."""
ROW_SCHEMA: Final = pa.schema([*FINDING_FIELDS, pa.field("verdict", pa.string())])
"""What an engine produces before the partitioned write: the file columns plus ``verdict``."""
COLUMNS: Final = tuple(ROW_SCHEMA.names)


def format_of(path: str, given: str | None = None) -> str:
    """The input format of ``path`` (by suffix) unless ``given``; ValueError when unknown."""
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"format {given!r} is not one of {', '.join(FORMATS)}")
        return given
    lower = path.lower().rstrip("/")
    if lower.endswith(SUFFIXES_PARQUET):
        return "parquet"
    for suffix, name in SUFFIXES.items():
        if lower.endswith(suffix):
            return name
    raise ValueError(
        f"cannot tell the format of {path!r} from its name: use .jsonl, .csv or .parquet, "
        "or pass --format"
    )


@dataclass(slots=True)
class Tally:
    """What one batch of records held (findings are rows; the rest only counts)."""

    items: int = 0
    blank: int = 0
    errors: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.items += other.items
        self.blank += other.blank
        self.errors += other.errors
        for verdict, count in other.verdicts.items():
            self.verdicts[verdict] = self.verdicts.get(verdict, 0) + count

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "blank": self.blank,
            "errors": self.errors,
            "verdicts": dict(sorted(self.verdicts.items())),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Tally:
        return cls(int(raw["items"]), int(raw["blank"]), int(raw["errors"]), dict(raw["verdicts"]))


def item_from_row(row: Mapping[str, Any]) -> Item:
    """A CSV or Parquet row as an item: empty cells are absent, ``images`` may be a list or a
    JSON array in a string, ``meta`` an object or a JSON object in a string."""
    record: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or value == "":
            continue
        record[key] = value
    images = record.get("images")
    if isinstance(images, str):
        record["images"] = _json_cell(images, "images", list)
    meta = record.get("meta")
    if isinstance(meta, str):
        record["meta"] = _json_cell(meta, "meta", dict)
    elif isinstance(meta, list):  # a Parquet map column reads as key/value pairs
        record["meta"] = dict(meta)
    return Item.from_dict(record)


def _json_cell(value: str, name: str, kind: type) -> Any:
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        raise InputError(f"field {name!r} holds invalid JSON") from None
    if not isinstance(parsed, kind):
        raise InputError(f"field {name!r} must hold a JSON {kind.__name__}")
    return parsed


def item_from_line(line: str) -> Item:
    """One JSON Lines record (a leading byte order mark is dropped) as an item."""
    if line.startswith(BOM):
        line = line[1:]
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    return Item.from_dict(record)


class Batch:
    """Finding rows of one batch of records, column by column, with their tally."""

    __slots__ = ("columns", "tally")

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
        self.tally = Tally()

    def __len__(self) -> int:
        return len(self.columns["item_id"])

    def table(self) -> pa.Table:
        return pa.Table.from_pydict(self.columns, schema=ROW_SCHEMA)

    def scan_line(self, scanner: Scanner, line: str, source: str, base_dir: Path | None) -> None:
        """Scan one JSON Lines line; a blank one is only counted."""
        if not line.strip():
            self.tally.blank += 1
            return
        try:
            item = item_from_line(line)
        except (InputError, ValueError, TypeError) as exc:
            self._error(_line_id(line), line, source, exc)
            return
        self.scan_item(scanner, item, source, base_dir, line)

    def scan_row(
        self, scanner: Scanner, row: Mapping[str, Any], source: str, base_dir: Path | None
    ) -> None:
        """Scan one CSV or Parquet row."""
        try:
            item = item_from_row(row)
        except (InputError, ValueError, TypeError) as exc:
            raw = row.get("id")
            self._error(None if raw is None else str(raw), _row_text(row), source, exc)
            return
        self.scan_item(scanner, item, source, base_dir, None)

    def scan_item(
        self, scanner: Scanner, item: Item, source: str, base_dir: Path | None, raw: str | None
    ) -> None:
        try:
            result = scanner.scan(with_images(item, base_dir))
        except (InputError, RecursionError, ValueError, TypeError) as exc:
            self._error(item.id, raw if raw is not None else item.text, source, exc)
            return
        tally = self.tally
        tally.items += 1
        tally.verdicts[result.verdict] = tally.verdicts.get(result.verdict, 0) + 1
        if result.violations:
            self._finding(item, result, source)

    def _finding(self, item: Item, result: ScanResult, source: str) -> None:
        c = self.columns
        violations = result.violations
        c["item_id"].append(item.id)
        c["source"].append(source)
        c["platform"].append(item.platform)
        c["surface"].append(item.surface)
        c["account_id"].append(item.account_id)
        c["created_at"].append(item.created_at)
        c["text"].append(item.text)
        c["images"].append(list(item.images))
        c["rules"].append([v.rule for v in violations])
        c["categories"].append([v.category for v in violations])
        c["outcomes"].append([v.outcome for v in violations])
        c["modes"].append([v.mode for v in violations])
        c["entities"].append([f"{e.kind}:{e.value}" for e in result.entities])
        c["shadow_verdict"].append(shadow_verdict(violations))
        c["policy_version"].append(result.policy_version)
        c["fingerprint"].append(fingerprint(result))
        c["result"].append(json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True))
        c["error"].append(None)
        c["verdict"].append(result.verdict)

    def _error(self, item_id: str | None, raw: str, source: str, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
        self.tally.errors += 1
        c = self.columns
        for name in COLUMNS:
            c[name].append(None)
        c["item_id"][-1] = item_id
        c["source"][-1] = source
        c["text"][-1] = raw[:MAX_ERROR_TEXT]
        c["error"][-1] = message[:MAX_ERROR_TEXT]
        c["verdict"][-1] = ERROR_VERDICT


def shadow_verdict(violations: list[Violation]) -> str:
    """The verdict the item would get if the policy's shadow rules were enforced."""
    return verdict_of([v if v.mode == "enforce" else _enforced(v) for v in violations])


def _enforced(violation: Violation) -> Violation:
    return Violation(
        violation.rule,
        violation.category,
        violation.severity,
        violation.confidence,
        violation.outcome,
    )


def fingerprint(result: ScanResult) -> str:
    """What a diff compares: verdict, each violation (rule, category, outcome, mode) and each
    entity (kind, value, categories). Spans, scores and wording do not count as a change."""
    key = [
        result.verdict,
        [[v.rule, v.category, v.outcome, v.mode] for v in result.violations],
        sorted([e.kind, e.value, *e.categories] for e in result.entities),
    ]
    return hashlib.blake2b(json.dumps(key, ensure_ascii=False).encode(), digest_size=12).hexdigest()


def _line_id(line: str) -> str | None:
    try:
        record = json.loads(line.removeprefix(BOM))
    except (json.JSONDecodeError, RecursionError):
        return None
    item_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(item_id, str | int) and not isinstance(item_id, bool):
        return str(item_id)
    return None


def _row_text(row: Mapping[str, Any]) -> str:
    """A bad row for a person; empty cells left out (CSV readers differ on empty vs null)."""
    kept = {k: v for k, v in row.items() if v is not None and v != ""}
    try:
        return json.dumps(kept, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(kept)
