"""The operator's list of debunked claims: read, validate, compile into the home, load.

``bastion claims import FILE`` takes either

* ClaimReview JSON (schema.org): one object, a list of them, a ``{"@graph": [...]}`` document or
  JSON Lines, each with ``claimReviewed`` (the claim), ``reviewRating.alternateName`` (the
  verdict: "False", "Misleading", "谣言", ...) and ``url`` (the fact-check); or
* CSV with the header ``claim, verdict, source_url``.

Every record is checked before anything is written; a mistake is one line naming the file, the
line and the field (``claims.csv line 7: 'source_url' is not an http(s) URL``). The compiled list
(``claims/claims.json`` in the home) is written to a temporary file and renamed over the old one,
so a failed import leaves the previous list in force. An import replaces the whole list.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from bastion.atomic import write_bytes_atomically
from bastion.detect.textterms import terms

DIRECTORY: Final = "claims"
FILE: Final = "claims.json"
FORMAT_VERSION: Final = 1
MAX_CLAIM_CHARS: Final = 2_000
MAX_FIELD_CHARS: Final = 500
MAX_CLAIMS: Final = 200_000
MIN_TERMS: Final = 3
"""A claim must give at least this many index terms (about four Chinese characters or three
content words): shorter ones would match half the platform."""
CSV_COLUMNS: Final = ("claim", "verdict", "source_url")


class ClaimListError(ValueError):
    """A claim file that cannot be imported; the message is one line."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One debunked claim as the operator listed it."""

    claim: str
    verdict: str
    source_url: str


def path_in(home: Path) -> Path:
    return home / DIRECTORY / FILE


def _check(where: str, claim: Any, verdict: Any, url: Any) -> Claim:
    for name, value, limit in (
        ("claim", claim, MAX_CLAIM_CHARS),
        ("verdict", verdict, MAX_FIELD_CHARS),
        ("source_url", url, MAX_FIELD_CHARS),
    ):
        if not isinstance(value, str) or not value.strip():
            raise ClaimListError(f"{where}: {name!r} is missing or empty")
        if len(value) > limit:
            raise ClaimListError(f"{where}: {name!r} is longer than {limit} characters")
        if "\x00" in value:
            raise ClaimListError(f"{where}: {name!r} holds a NUL character")
    assert isinstance(claim, str) and isinstance(verdict, str) and isinstance(url, str)
    if not url.strip().lower().startswith(("http://", "https://")):
        raise ClaimListError(f"{where}: 'source_url' is not an http(s) URL: {url[:80]!r}")
    if len(terms(claim)) < MIN_TERMS:
        raise ClaimListError(
            f"{where}: the claim {claim[:60]!r} is too short to match safely "
            f"(fewer than {MIN_TERMS} words or character pairs)"
        )
    return Claim(" ".join(claim.split()), verdict.strip(), url.strip())


def _from_review(where: str, record: Any) -> Claim:
    if not isinstance(record, dict):
        raise ClaimListError(f"{where}: a ClaimReview must be a JSON object")
    kind = record.get("@type", "ClaimReview")
    if kind != "ClaimReview" and not (isinstance(kind, list) and "ClaimReview" in kind):
        raise ClaimListError(f"{where}: '@type' is {kind!r}, not 'ClaimReview'")
    rating = record.get("reviewRating")
    if not isinstance(rating, dict):
        raise ClaimListError(f"{where}: 'reviewRating' is missing or not an object")
    return _check(
        where, record.get("claimReviewed"), rating.get("alternateName"), record.get("url")
    )


def _json_records(text: str, name: str) -> list[tuple[int, Any]]:
    """(line, value) of each ClaimReview: a list's elements, a graph's, one object, or JSON
    Lines; the line is where the object starts."""
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())

    def line_at(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def fail(exc: json.JSONDecodeError, offset: int = 0) -> ClaimListError:
        return ClaimListError(f"{name} line {line_at(offset + exc.pos)}: invalid JSON: {exc.msg}")

    if text.startswith("[", start):
        pos, out = start + 1, list[tuple[int, Any]]()
        while True:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text):
                raise ClaimListError(f"{name} line {line_at(pos)}: the JSON list is not closed")
            if text[pos] == "]":
                if text[pos + 1 :].strip():
                    raise ClaimListError(f"{name} line {line_at(pos + 1)}: text after the list")
                return out
            try:
                value, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise fail(exc) from None
            out.append((line_at(pos), value))
            pos = end
    records: list[tuple[int, Any]] = []
    pos = start
    while pos < len(text):
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise fail(exc) from None
        if isinstance(value, dict) and isinstance(value.get("@graph"), list):
            records.extend((line_at(pos), v) for v in value["@graph"])
        else:
            records.append((line_at(pos), value))
        pos = end
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
    return records


def parse(data: bytes, name: str) -> list[Claim]:
    """Every claim of a ClaimReview JSON or ``claim,verdict,source_url`` CSV file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimListError(f"{name}: not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise ClaimListError(f"{name}: the file is empty")
    if text.lstrip()[:1] in "[{":
        claims = [_from_review(f"{name} line {line}", r) for line, r in _json_records(text, name)]
    else:
        claims = _csv_claims(text, name)
    if not claims:
        raise ClaimListError(f"{name}: no claims in the file")
    if len(claims) > MAX_CLAIMS:
        raise ClaimListError(f"{name}: more than {MAX_CLAIMS:,} claims")
    return list(dict.fromkeys(claims))


def _csv_claims(text: str, name: str) -> list[Claim]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise ClaimListError(f"{name} line 1: {exc}") from None
    if tuple(header[:3]) != CSV_COLUMNS:
        raise ClaimListError(
            f"{name} line 1: the header must be {', '.join(CSV_COLUMNS)} (got {', '.join(header)})"
        )
    out = []
    try:
        for row in reader:
            where = f"{name} line {reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ClaimListError(f"{where}: {len(row)} fields, the header has {len(header)}")
            out.append(_check(where, row[0], row[1], row[2]))
    except csv.Error as exc:
        raise ClaimListError(f"{name} line {reader.line_num}: {exc}") from None
    return out


def write(home: Path, claims: list[Claim]) -> Path:
    """Compile ``claims`` into the home atomically (temporary file, then rename)."""
    target = path_in(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "format": FORMAT_VERSION,
        "claims": [
            {"claim": c.claim, "verdict": c.verdict, "source_url": c.source_url} for c in claims
        ],
    }
    write_bytes_atomically(target, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    return target


def import_file(home: Path, source: Path) -> list[Claim]:
    """Read, validate and compile ``source`` into ``home``; nothing is written on error."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ClaimListError(f"{source}: cannot read: {exc.strerror or exc}") from None
    claims = parse(data, source.name)
    write(home, claims)
    return claims


def read(home: Path) -> list[Claim] | None:
    """The compiled list of ``home``, None when there is none; ValueError when it is damaged."""
    path = path_in(home)
    if not path.is_file():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT_VERSION:
            raise ValueError(f"format {body.get('format')!r}, expected {FORMAT_VERSION}")
        return [Claim(r["claim"], r["verdict"], r["source_url"]) for r in body["claims"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: damaged claim list ({exc}); import it again") from None
