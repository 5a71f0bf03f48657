"""Feed file formats -> normalised rules, with every unusable line counted and explained.

A rule is ``(kind, value)``: ``domain`` (host and subdomains), ``full`` (exact host), ``keyword``
(substring of a host), ``regexp`` (RE2 pattern over a host), ``url`` (canonical URL), ``ip``
(exact address), ``cidr`` (network) or ``pdq`` (the perceptual hash of a listed picture, 64 hex
digits). Parsers never drop a line silently: a line that yields no
rule is either a comment/boilerplate (``ignored``) or ``skipped`` with a reason and line number.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from bastion.intel.hosts import (
    RuleError,
    normalize_host,
    normalize_keyword,
    normalize_network,
    normalize_regexp,
    parse_ip,
)
from bastion.intel.urls import url_rule

FORMATS: Final = (
    "hosts",
    "domains",
    "adblock",
    "urlhaus",
    "phishtank",
    "urls",
    "v2fly",
    "ips",
    "pdq",
)
RULE_KINDS: Final = ("domain", "full", "keyword", "regexp", "url", "ip", "cidr", "pdq")
MAX_EXAMPLES: Final = 20
HOSTS_BOILERPLATE: Final = frozenset(
    {
        "localhost",
        "localhost.localdomain",
        "local",
        "broadcasthost",
        "ip6-localhost",
        "ip6-loopback",
        "ip6-localnet",
        "ip6-mcastprefix",
        "ip6-allnodes",
        "ip6-allrouters",
        "ip6-allhosts",
        "0.0.0.0",
    }
)
_V2FLY_TYPES: Final = frozenset({"domain", "full", "keyword", "regexp"})


class FeedError(ValueError):
    """A feed that cannot be imported at all (unknown format, no valid entry, unreadable)."""


@dataclass(slots=True)
class ParsedFeed:
    """The outcome of parsing one feed: rules in first-seen order plus an account of the rest."""

    format: str
    rules: dict[tuple[str, str], None] = field(default_factory=dict)
    lines: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[int, str]] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)
    attributes: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, value: str) -> None:
        key = (kind, value)
        if key in self.rules:
            self.duplicates += 1
        else:
            self.rules[key] = None

    def skip(self, line: int, reason: str) -> None:
        self.skipped[reason] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append((line, reason))

    def counts(self) -> dict[str, int]:
        """Entries by rule kind, e.g. ``{"domain": 1849}``."""
        return dict(Counter(kind for kind, _ in self.rules))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def _host_or_ip(
    feed: ParsedFeed, lineno: int, value: str, kind: str = "domain", *, allow_tld: bool = False
) -> None:
    ip = parse_ip(value)
    if ip is not None:
        feed.add("ip", ip)
        return
    try:
        feed.add(kind, normalize_host(value, allow_tld=allow_tld))
    except RuleError as exc:
        feed.skip(lineno, str(exc))


def _content_lines(text: str, comments: str = "#") -> Iterator[tuple[int, str]]:
    """Numbered, stripped, non-empty lines that do not start with a comment character."""
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and stripped[0] not in comments:
            yield lineno, stripped


def _strip_inline_comment(line: str) -> str:
    cut = line.find(" #")
    tab = line.find("\t#")
    cuts = [c for c in (cut, tab) if c >= 0]
    return line[: min(cuts)].rstrip() if cuts else line


def parse_hosts(text: str, feed: ParsedFeed) -> None:
    for lineno, line in _content_lines(text):
        tokens = _strip_inline_comment(line).split()
        if parse_ip(tokens[0]) is None and tokens[0] != "0.0.0.0":
            feed.skip(lineno, "hosts line must start with an IP address")
            continue
        if len(tokens) < 2:
            feed.skip(lineno, "hosts line without a host name")
            continue
        for name in tokens[1:]:
            if name.lower() in HOSTS_BOILERPLATE:
                feed.ignored["hosts boilerplate"] += 1
            else:
                _host_or_ip(feed, lineno, name)


def parse_domains(text: str, feed: ParsedFeed) -> None:
    for lineno, line in _content_lines(text, "#!"):
        value = _strip_inline_comment(line)
        if len(value.split()) != 1:
            feed.skip(lineno, "more than one token on the line")
            continue
        _host_or_ip(feed, lineno, value)


def parse_adblock(text: str, feed: ParsedFeed) -> None:
    for lineno, line in _content_lines(text, "!["):
        if "##" in line or "#@#" in line or "#?#" in line or "#$#" in line:
            feed.skip(lineno, "cosmetic rule")
        elif line.startswith("@@"):
            feed.skip(lineno, "exception rule")
        elif not line.startswith("||"):
            feed.skip(lineno, "not a ||domain^ rule")
        else:
            body = line[2:].split("$", 1)[0]
            if body.endswith("^|"):
                body = body[:-1]
            host = body[:-1]
            if host.startswith("*."):
                host = host[2:]
            if not body.endswith("^") or any(c in host for c in "/*^|:?"):
                feed.skip(lineno, "not a ||domain^ rule")
            else:
                _host_or_ip(feed, lineno, host)


def _add_url(feed: ParsedFeed, lineno: int, raw: str) -> None:
    try:
        kind, value = url_rule(raw)
    except RuleError as exc:
        feed.skip(lineno, str(exc))
        return
    feed.add(kind, value)


def parse_urls(text: str, feed: ParsedFeed) -> None:
    for lineno, line in _content_lines(text, "#!"):
        if len(line.split()) != 1:
            feed.skip(lineno, "more than one token on the line")
        else:
            _add_url(feed, lineno, line)


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line number they start on; ``#`` comment lines are skipped."""
    numbered = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")
    ]
    reader = csv.reader(line for _, line in numbered)
    consumed = 0
    try:
        for row in reader:
            start = numbered[consumed][0]
            consumed = reader.line_num
            if row and any(cell.strip() for cell in row):
                yield start, row
    except csv.Error as exc:
        line = numbered[min(consumed, len(numbered) - 1)][0]
        raise FeedError(f"line {line}: unreadable CSV ({exc})") from None


def _url_column(header: list[str]) -> int | None:
    lowered = [cell.strip().lower() for cell in header]
    return lowered.index("url") if "url" in lowered else None


def parse_urlhaus(text: str, feed: ParsedFeed) -> None:
    column = 2
    for lineno, row in _csv_rows(text):
        found = _url_column(row)
        if found is not None:
            column = found
            feed.ignored["header"] += 1
            continue
        if len(row) <= column:
            feed.skip(lineno, f"fewer than {column + 1} CSV columns")
            continue
        _add_url(feed, lineno, row[column].strip())


def parse_phishtank(text: str, feed: ParsedFeed) -> None:
    if text.lstrip().startswith("["):
        _parse_phishtank_json(text, feed)
        return
    column: int | None = None
    for lineno, row in _csv_rows(text):
        if column is None:
            column = _url_column(row)
            if column is None:
                raise FeedError("phishtank CSV needs a header row with a 'url' column")
            feed.ignored["header"] += 1
        elif len(row) <= column:
            feed.skip(lineno, f"fewer than {column + 1} CSV columns")
        else:
            _add_url(feed, lineno, row[column].strip())


def _parse_phishtank_json(text: str, feed: ParsedFeed) -> None:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(records, list):
        raise FeedError("phishtank JSON must be an array of objects")
    for number, record in enumerate(records, 1):
        url = record.get("url") if isinstance(record, dict) else None
        if not isinstance(url, str):
            feed.skip(number, "record has no string 'url' field (number = array position)")
        else:
            _add_url(feed, number, url.strip())


def _v2fly_rule(feed: ParsedFeed, lineno: int, kind: str, value: str) -> None:
    try:
        if kind in ("domain", "full"):
            _host_or_ip(feed, lineno, value, kind, allow_tld=kind == "domain")
        elif kind == "keyword":
            feed.add("keyword", normalize_keyword(value))
        else:
            feed.add("regexp", normalize_regexp(value))
    except RuleError as exc:
        feed.skip(lineno, str(exc))


def parse_v2fly(text: str, feed: ParsedFeed) -> None:
    first = text.lstrip("\ufeff").split("\n", 1)[0].lower().split("\t")
    if "rule_type" in first and "value" in first:
        _parse_v2fly_tsv(text, feed)
        return
    for lineno, line in _content_lines(text):
        tokens = _strip_inline_comment(line).split()
        rule, extra = tokens[0], tokens[1:]
        kind, sep, value = rule.partition(":")
        if not sep:
            kind, value = "domain", rule
        if kind == "include":
            feed.ignored["include"] += 1
            continue
        if kind not in _V2FLY_TYPES:
            feed.skip(lineno, f"unknown rule type {kind[:20]!r}")
            continue
        bad = [t for t in extra if not t.startswith(("@", "&"))]
        if bad:
            feed.skip(lineno, f"unexpected token {bad[0][:40]!r}")
            continue
        feed.attributes.update(t[1:] for t in extra if t.startswith("@"))
        _v2fly_rule(feed, lineno, kind, value)


def _parse_v2fly_tsv(text: str, feed: ParsedFeed) -> None:
    lines = text.lstrip("\ufeff").splitlines()
    reader = csv.reader(lines, delimiter="\t")
    header = [cell.strip().lower() for cell in next(reader)]
    feed.ignored["header"] += 1
    type_col, value_col = header.index("rule_type"), header.index("value")
    attr_col = header.index("attributes") if "attributes" in header else None
    for row in reader:
        lineno = reader.line_num
        if not row:
            continue
        if len(row) <= max(type_col, value_col):
            feed.skip(lineno, "missing rule_type/value column")
            continue
        kind = row[type_col].strip().lower()
        if kind == "include":
            feed.ignored["include"] += 1
            continue
        if kind not in _V2FLY_TYPES:
            feed.skip(lineno, f"unknown rule type {kind[:20]!r}")
            continue
        if attr_col is not None and attr_col < len(row):
            feed.attributes.update(a.strip() for a in row[attr_col].split(",") if a.strip())
        _v2fly_rule(feed, lineno, kind, row[value_col])


def parse_ips(text: str, feed: ParsedFeed) -> None:
    for lineno, line in _content_lines(text, "#;!"):
        value = _strip_inline_comment(line)
        try:
            network = normalize_network(value)
        except RuleError as exc:
            feed.skip(lineno, str(exc))
            continue
        feed.add("cidr" if "/" in network else "ip", network)


_PDQ: Final = re.compile(r"[0-9a-fA-F]{64}")
_PDQ_SPLIT: Final = re.compile(r"[\s,;|]+")


def parse_pdq(text: str, feed: ParsedFeed) -> None:
    """One PDQ hash a line (64 hex digits), as ThreatExchange and hash-list exports write them:
    the hash first, anything after a comma, tab or space (quality, a label) ignored, and a
    header line naming the columns skipped."""
    for lineno, line in _content_lines(text, "#"):
        first = _PDQ_SPLIT.split(line.strip(), maxsplit=1)[0].strip('"')
        if _PDQ.fullmatch(first):
            feed.add("pdq", first.lower())
        elif lineno == 1 and not any(c.isdigit() for c in first):
            feed.ignored["header"] += 1
        else:
            feed.skip(lineno, "not a PDQ hash (64 hex digits)")


_PARSERS: Final = {
    "hosts": parse_hosts,
    "domains": parse_domains,
    "adblock": parse_adblock,
    "urlhaus": parse_urlhaus,
    "phishtank": parse_phishtank,
    "urls": parse_urls,
    "v2fly": parse_v2fly,
    "ips": parse_ips,
    "pdq": parse_pdq,
}


def parse_text(text: str, fmt: str) -> ParsedFeed:
    """Parse a whole feed ``text`` as format ``fmt``; raise ``FeedError`` when nothing is usable."""
    if fmt not in _PARSERS:
        raise FeedError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    feed = ParsedFeed(format=fmt, lines=text.count("\n") + (0 if text.endswith("\n") else 1))
    _PARSERS[fmt](text.lstrip("\ufeff"), feed)
    if not feed.rules:
        detail = "; ".join(f"line {n}: {reason}" for n, reason in feed.examples[:5])
        suffix = f": {detail}" if detail else ""
        raise FeedError(f"no valid {fmt} entries ({feed.skipped_total} bad lines{suffix})")
    return feed


def _sample(text: str, limit: int = 200) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "!")):
            lines.append(stripped)
            if len(lines) >= limit:
                break
    return lines


def detect_format(text: str, name: str = "") -> str:
    """Guess the format from the first lines (and the file name); ``domains`` when unsure."""
    head = text.lstrip("\ufeff")[:65536]
    lower_name = name.lower()
    if head.lstrip().startswith("[") and not head.lstrip().startswith("[Adblock"):
        return "phishtank"
    if "urlhaus" in head[:4096].lower() or "urlhaus" in lower_name:
        return "urlhaus"
    sample = _sample(head)
    if not sample:
        return "adblock" if head.lstrip().startswith(("[Adblock", "!")) else "domains"
    first = sample[0].lower()
    if "rule_type" in first.split("\t") or (lower_name.endswith(".tsv") and "\t" in first):
        return "v2fly"
    if "," in first and "url" in [c.strip().strip('"') for c in first.split(",")]:
        return "phishtank"
    votes: Counter[str] = Counter(_vote(line) for line in sample)
    best, _ = max(votes.items(), key=lambda kv: (kv[1], kv[0] != "domains"))
    return best


def _vote(line: str) -> str:
    token = line.split()[0]
    if _PDQ.fullmatch(_PDQ_SPLIT.split(line, maxsplit=1)[0].strip('"')):
        return "pdq"
    if line.startswith("||") or "##" in line or line.startswith("@@||"):
        return "adblock"
    if token.partition(":")[0] in ("domain", "full", "keyword", "regexp", "include"):
        return "v2fly"
    if token.lower().startswith(("http://", "https://")):
        return "urls"
    if parse_ip(token) is not None or token == "0.0.0.0":
        return "hosts" if len(line.split()) > 1 else "ips"
    if "/" in token and parse_ip(token.split("/", 1)[0]) is not None:
        return "ips"
    return "domains"
