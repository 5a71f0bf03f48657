"""``bastion scan``: batch scanning of JSON Lines (``bastion explain`` is in ``cli.explain``).

Output line N always answers input line N: a bad line is reported with its number and written as
an error record, a blank line as a skip record, and the run goes on; bad lines make it exit 1.
Every message printed through Rich has its user text escaped, so markup in content is shown.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bastion.atomic import AtomicTextFile
from bastion.cli.common import HomeOption, fail, one_line
from bastion.image_inputs import with_images
from bastion.intel import IntelIndexError
from bastion.model import DEFAULT_MAX_TEXT_CHARS, VERDICTS, InputError, Item, ScanResult
from bastion.policy import PolicyError
from bastion.scanner import Scanner

CSV_COLUMNS = ("id", "verdict", "entities", "categories", "rules", "outcomes", "truncated", "error")
BOM = b"\xef\xbb\xbf"
BLANK_LINE = "blank line"
NoFeedsOption = Annotated[
    bool,
    typer.Option(
        "--no-feeds",
        help="scan with no intel index (no link is listed); without it a missing index is an error",
    ),
]

NoOcrOption = Annotated[
    bool,
    typer.Option(
        "--no-ocr",
        help="do not read text in pictures (QR codes and picture hashes are still read)",
    ),
]


@dataclass(slots=True)
class ScanSummary:
    """Counters shown at the end of ``bastion scan``."""

    items: int = 0
    errors: int = 0
    blank: int = 0
    truncated: int = 0
    entities: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_surface: Counter[str] = field(default_factory=Counter)
    entity_kinds: Counter[str] = field(default_factory=Counter)
    images: int = 0
    image_errors: int = 0
    image_codes: int = 0
    images_ai: int = 0
    provenance_errors: int = 0

    def add(self, item: Item, result: ScanResult) -> None:
        self.items += 1
        for image in result.images:
            self.images += 1
            self.image_errors += image.error is not None
            self.image_codes += len(image.codes)
            self.images_ai += image.declared_ai
            self.provenance_errors += image.provenance_error is not None
        self.truncated += result.truncated
        self.entities += len(result.entities)
        self.verdicts[result.verdict] += 1
        for entity in result.entities:
            self.entity_kinds[entity.kind] += 1
        for violation in result.violations:
            self.by_category[violation.category] += 1
            self.by_surface[item.surface] += 1


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """Number raw input lines from 1, blank ones included (each gets an output line too).

    A UTF-8 byte order mark opening the first line (Windows editors write one) is dropped.
    """
    for number, raw in enumerate(stream, start=1):
        yield number, raw[len(BOM) :] if number == 1 and raw.startswith(BOM) else raw


def parse_line(raw: bytes) -> Item:
    """Decode one JSON Lines record into an Item, or raise InputError with the reason."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    return Item.from_dict(record)


def record_id(raw: bytes) -> Any:
    """Best-effort id of a bad record, so its error line can be matched to the input."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    item_id = record.get("id") if isinstance(record, dict) else None
    return item_id if isinstance(item_id, str | int) and not isinstance(item_id, bool) else None


class ResultWriter:
    """Writes result records as JSON Lines or CSV, one per input record, in input order."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.csv = csv.writer(out) if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writerow(CSV_COLUMNS)

    def result(self, result: ScanResult) -> None:
        if self.csv is None:
            self.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            return
        self.csv.writerow(
            [
                result.id,
                result.verdict,
                len(result.entities),
                ";".join(sorted({c for e in result.entities for c in e.categories})),
                ";".join(v.rule for v in result.violations),
                ";".join(v.outcome for v in result.violations),
                "true" if result.truncated else "",
                "",
            ]
        )

    def error(self, line: int, item_id: Any, message: str) -> None:
        if self.csv is None:
            record = {"id": item_id, "line": line, "error": message}
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        self.csv.writerow([item_id or "", "", "", "", "", "", "", f"line {line}: {message}"])

    def skip(self, line: int, reason: str) -> None:
        """A line that holds no record (a blank line): kept in place so line numbers still match."""
        if self.csv is None:
            record = {"id": None, "line": line, "skipped": reason}
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        self.csv.writerow(["", "", "", "", "", "", "", f"line {line}: skipped: {reason}"])


def summary_table(summary: ScanSummary, seconds: float, feeds: str) -> Table:
    table = Table(title="bastion scan", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    rate = summary.items / seconds if seconds > 0 else 0.0
    table.add_row("intel index", escape(feeds))
    table.add_row("items", str(summary.items))
    table.add_row("bad lines", str(summary.errors))
    table.add_row("blank lines (skipped)", str(summary.blank))
    table.add_row("truncated", str(summary.truncated))
    if summary.images:
        table.add_row("images read", str(summary.images - summary.image_errors))
        table.add_row("images not readable", str(summary.image_errors))
        table.add_row("codes decoded from images", str(summary.image_codes))
        table.add_row("images declared AI-generated", str(summary.images_ai))
        table.add_row("provenance records not readable", str(summary.provenance_errors))
    table.add_row("entities", str(summary.entities))
    for kind, count in sorted(summary.entity_kinds.items()):
        table.add_row(f"  entities: {kind}", str(count))
    for verdict in VERDICTS:
        table.add_row(f"verdict {verdict}", str(summary.verdicts[verdict]))
    for category, count in summary.by_category.most_common():
        table.add_row(f"violations: {escape(category)}", str(count))
    for surface, count in summary.by_surface.most_common():
        table.add_row(f"violations on {escape(surface)}", str(count))
    table.add_row("time", f"{seconds:.2f} s")
    table.add_row("items/s", f"{rate:,.0f}")
    return table


def scan_stream(
    scanner: Scanner,
    stream: IO[bytes],
    writer: ResultWriter,
    errors: Console,
    progress: Progress | None,
    base_dir: Path | None = None,
) -> ScanSummary:
    """Scan every line; image paths are read relative to ``base_dir`` (default: the working
    directory)."""
    folder = base_dir or Path.cwd()
    summary = ScanSummary()
    task = progress.add_task("scanning", total=None) if progress else None
    for number, raw in read_lines(stream):
        if not raw.strip():
            summary.blank += 1
            writer.skip(number, BLANK_LINE)
            continue
        try:
            item = with_images(parse_line(raw), folder)
            result = scanner.scan(item)
        except (InputError, RecursionError, ValueError, TypeError) as exc:
            # One record's problem, never the run's: a scan that fails on a line is reported on
            # that line (and fails the run) rather than dropping every line after it.
            message = (
                one_line(exc)
                if isinstance(exc, InputError)
                else one_line(f"cannot scan: {type(exc).__name__}: {exc}")
            )
            summary.errors += 1
            errors.print(f"[red]line {number}:[/red] {escape(message)}", highlight=False)
            writer.error(number, record_id(raw), message)
            continue
        summary.add(item, result)
        writer.result(result)
        if progress is not None and task is not None:
            progress.advance(task)
    return summary


def load_scanner(
    home: Path | None,
    policy: Path | None,
    *,
    no_feeds: bool,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    ocr: bool = True,
) -> Scanner:
    """``Scanner.load`` or one error line and exit 1 (no index, a bad policy, unreadable files)."""
    try:
        return Scanner.load(
            home, policy_path=policy, max_text_chars=max_text_chars, no_feeds=no_feeds, ocr=ocr
        )
    except (IntelIndexError, PolicyError, OSError) as exc:
        fail(str(exc))


def feeds_label(scanner: Scanner, no_feeds: bool) -> str:
    return "none (--no-feeds)" if no_feeds else str(scanner.index.version)


def scan_command(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSON Lines file, or - for stdin")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="results file (default: stdout)")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
    home: HomeOption = None,
    policy: Annotated[Path | None, typer.Option(help="policy YAML to use instead")] = None,
    max_text_chars: Annotated[
        int,
        typer.Option(
            min=1,
            help="size limit per text (filler collapsed first); longer texts are still "
            "searched for links and handles, marked truncated and sent to review",
        ),
    ] = DEFAULT_MAX_TEXT_CHARS,
    no_feeds: NoFeedsOption = False,
    no_ocr: NoOcrOption = False,
) -> None:
    """Scan every record of INPUT and write one result per line, in order."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"{fmt!r} is not one of jsonl, csv", param_hint="--format")
    errors = Console(stderr=True, highlight=False)
    scanner = load_scanner(
        home, policy, no_feeds=no_feeds, max_text_chars=max_text_chars, ocr=not no_ocr
    )
    source: IO[bytes]
    if input_path == "-":
        source = sys.stdin.buffer
    else:
        path = Path(input_path)
        if not path.is_file():
            fail(f"no such input file: {path}", code=2)
        try:
            source = path.open("rb")
        except OSError as exc:
            fail(f"cannot read {path}: {exc.strerror or exc}", code=2)
    stdout_wrapper: io.TextIOWrapper | None = None
    sink: IO[str]
    pending: AtomicTextFile | None = None
    if out:
        try:
            if out.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if out.exists() and not out.is_file():  # a FIFO or a device: written as it is
                sink = out.open("w", encoding="utf-8", newline="")
            else:
                pending = AtomicTextFile(out)
                sink = pending.handle
        except OSError as exc:
            if source is not sys.stdin.buffer:
                source.close()
            fail(f"cannot write {out}: {exc.strerror or exc}")
    else:
        stdout_wrapper = io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="", write_through=True
        )
        sink = stdout_wrapper
    started = time.perf_counter()
    try:
        show = errors.is_terminal
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,} items"),
            TimeElapsedColumn(),
            console=errors,
            disable=not show,
        )
        with progress:
            summary = scan_stream(
                scanner,
                source,
                ResultWriter(sink, fmt),
                errors,
                progress,
                base_dir=None if input_path == "-" else Path(input_path).resolve().parent,
            )
        sink.flush()
        if pending is not None:
            pending.commit()
            pending = None
    except OSError as exc:
        kept = " (an earlier results file there is kept)" if out else ""
        fail(f"scan stopped by an I/O error ({out or 'stdout'}): {exc.strerror or exc}{kept}")
    finally:
        if source is not sys.stdin.buffer:
            source.close()
        if stdout_wrapper is not None:
            stdout_wrapper.detach()
        else:
            with contextlib.suppress(OSError):
                sink.close()
        if pending is not None:
            pending.discard()
    errors.print(
        summary_table(summary, time.perf_counter() - started, feeds_label(scanner, no_feeds))
    )
    if no_feeds:
        errors.print("[yellow]scanned with --no-feeds: no link was checked against feeds[/yellow]")
    if summary.errors:
        errors.print(f"[red]{summary.errors} bad line(s); see the messages above[/red]")
        raise typer.Exit(1)
