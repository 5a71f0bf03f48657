"""Shared plumbing of the benchmarks: where the data is, how to read it, how to report.

Every benchmark reads the real sets in ``shared/data`` (the development split), writes its figures
to ``bench/results/<name>.json`` and prints a table, so numbers in the README can be re-derived.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO_ROOT / "bench" / "results"
HOME_ENV = "BASTION_BENCH_HOME"

EVAL_FEEDS: tuple[tuple[str, str, str, str], ...] = (
    ("sinfonietta-hostfiles/gambling.txt", "gambling", "domains", "sinfonietta"),
    ("hostsvn-gambling-vn/gambling_vn.txt", "gambling", "domains", "hostsvn"),
    ("v2fly-domain-list-community/category-betting-ru.tsv", "gambling", "v2fly", "v2fly"),
    ("sinfonietta-hostfiles/pornography.txt", "porn", "domains", "sinfonietta"),
    ("v2fly-domain-list-community/category-porn.tsv", "porn", "v2fly", "v2fly"),
    ("blocklistproject-lists/scam.txt", "scam", "domains", "blocklistproject"),
    ("blocklistproject-lists/phishing.txt", "phishing", "domains", "blocklistproject"),
    ("phishing-database-links/phishing-links-active.txt", "phishing", "urls", "phishing-database"),
    ("blocklistproject-lists/ransomware.txt", "malware", "domains", "blocklistproject"),
    ("blocklistproject-lists/malware_ip.txt", "malware", "ips", "blocklistproject-ip"),
    ("blocklistproject-lists/redirect.txt", "shortener", "domains", "blocklistproject"),
    ("v2fly-domain-list-community/category-urlshortner.tsv", "shortener", "v2fly", "v2fly"),
)
"""(path under shared/data, category, format, source name): the full lists, not the sample."""


def postgres_backend_cpu_by_pid(url: str) -> dict[int, float]:
    """``postgres_backend_cpu``'s backends one by one: CPU seconds by process id."""
    database = " " + url.rsplit("/", 1)[-1].split("?")[0] + " "
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            if not command.startswith("postgres: ") or database not in command:
                continue
            raw = Path(f"/proc/{entry}/stat").read_text()
        except (OSError, UnicodeDecodeError):
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        found[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    return found


def postgres_backend_cpu(url: str | None) -> float | None:
    """CPU seconds (user + system) so far of the local PostgreSQL backends serving the database
    of ``url``, read from /proc (a backend's command line names its database); None for SQLite
    or without /proc. Backends that already exited, and the shared WAL writer and checkpointer,
    are not counted: read it before the pool closes."""
    if not url or not Path("/proc").is_dir():
        return None
    return sum(postgres_backend_cpu_by_pid(url).values())


def data_dir(path: Path | None = None) -> Path:
    """``path``, else ``$BASTION_DATA``, else ``../shared/data`` beside the repo; must exist."""
    root = path or Path(os.environ.get("BASTION_DATA") or REPO_ROOT.parent / "shared" / "data")
    if not root.is_dir():
        raise SystemExit(f"error: data directory not found: {root} (pass --data or BASTION_DATA)")
    return root


def read_hosts(path: Path) -> Iterator[str]:
    """Hosts of a one-per-line list or of a v2fly TSV (only its ``domain``/``full`` rules)."""
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix == ".tsv":
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("rule_type") in ("domain", "full"):
                    yield row["value"].strip().lower()
            return
        for line in fh:
            host = line.strip().lower()
            if host and not host.startswith("#"):
                yield host


def read_ips(path: Path) -> Iterator[str]:
    """Dotted IPv4 addresses of a one-per-line list (CIDR blocks and junk are skipped)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(".")
        if len(parts) == 4 and all(
            p.isdigit() and int(p) < 256 and str(int(p)) == p for p in parts
        ):
            yield line.strip()


def sms(data: Path) -> list[tuple[str, str]]:
    """(label, text) of the UCI SMS Spam Collection; label is ``ham`` or ``spam``."""
    with (data / "sms-spam-collection" / "sms_spam.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        return [(r[0], r[1]) for r in rows if len(r) >= 2]


def telecom(data: Path) -> list[tuple[str, str]]:
    """(label_id, text) of the Chinese telecom texts; label_id ``0`` is normal traffic."""
    path = data / "telecom-fraud-texts-5" / "telecom_fraud_texts.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["label_id"], r["text"]) for r in csv.DictReader(fh)]


def youtube(data: Path) -> list[tuple[str, str]]:
    """(CLASS, CONTENT) of the YouTube comments; CLASS ``1`` is spam."""
    path = data / "youtube-spam-collection" / "youtube_spam.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["CLASS"], r["CONTENT"]) for r in csv.DictReader(fh)]


def weibo_comments(data: Path, limit: int) -> list[str]:
    """The first ``limit`` Weibo reposts/comments (real Chinese UGC, in file order)."""
    out: list[str] = []
    path = data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            out.append(json.loads(line)["text"])
    return out


def build_home(home: Path, data: Path) -> Path:
    """Import every evaluation feed (the full lists) into ``home``; source+category are unique."""
    from bastion.intel.feeds import FeedSpec, import_feed_set

    home.mkdir(parents=True, exist_ok=True)
    feeds = [FeedSpec(data / rel, cat, fmt, src) for rel, cat, fmt, src in EVAL_FEEDS]
    import_feed_set(home, feeds)
    return home


def scanner_home(home: Path | None, data: Path) -> Path:
    """The home to benchmark: given, else ``$BASTION_BENCH_HOME``, else a fresh temporary one."""
    if home is not None:
        return home
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV])
    tmp = Path(tempfile.mkdtemp(prefix="bastion-bench-"))
    print(f"building evaluation home in {tmp} ...", file=sys.stderr)
    return build_home(tmp, data)


def load_scanner(home: Path) -> Any:
    """``bastion.Scanner`` over ``home`` (imported late: the bench code runs without it too)."""
    from bastion.scanner import Scanner

    return Scanner.load(home=home)


def write_result(name: str, payload: dict[str, Any]) -> Path:
    """``bench/results/<name>.json``, written atomically so a crashed run leaves the old one."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def print_table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    """A Rich table on a terminal-capable install, else aligned plain text."""
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text
    except ImportError:
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
        print(title)
        for line in (columns, *rows):
            print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
        return
    table = Table(title=title)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    Console(width=max(100, min(200, 20 * len(columns)))).print(table)


def pct(part: int, whole: int) -> float:
    """Percentage rounded to 0.01; 0 for an empty whole."""
    return round(100.0 * part / whole, 2) if whole else 0.0
