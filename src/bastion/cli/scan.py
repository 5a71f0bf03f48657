"""``bastion scan`` and ``bastion explain``: batch scanning of JSON Lines, and one scan explained.

Bad lines are reported with their line number, written to the output as error records (so output
line N always answers input line N), counted, and make the run exit non-zero.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bastion.model import DEFAULT_MAX_TEXT_CHARS, SURFACES, InputError, Item, ScanResult
from bastion.scanner import Explanation, Scanner

CSV_COLUMNS = ("id", "verdict", "entities", "categories", "rules", "outcomes", "truncated", "error")


@dataclass(slots=True)
class ScanSummary:
    """Counters shown at the end of ``bastion scan``."""

    items: int = 0
    errors: int = 0
    truncated: int = 0
    entities: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_surface: Counter[str] = field(default_factory=Counter)
    entity_kinds: Counter[str] = field(default_factory=Counter)

    def add(self, item: Item, result: ScanResult) -> None:
        self.items += 1
        self.truncated += result.truncated
        self.entities += len(result.entities)
        self.verdicts[result.verdict] += 1
        for entity in result.entities:
            self.entity_kinds[entity.kind] += 1
        for violation in result.violations:
            self.by_category[violation.category] += 1
            self.by_surface[item.surface] += 1


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """Number raw input lines from 1, skipping blank ones (they are not records)."""
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, raw


def parse_line(raw: bytes) -> Item:
    """Decode one JSON Lines record into an Item, or raise InputError with the reason."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    return Item.from_dict(record)


def record_id(raw: bytes) -> Any:
    """Best-effort id of a bad record, so its error line can be matched to the input."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return record.get("id") if isinstance(record, dict) else None


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


def summary_table(summary: ScanSummary, seconds: float) -> Table:
    table = Table(title="bastion scan", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    rate = summary.items / seconds if seconds > 0 else 0.0
    table.add_row("items", str(summary.items))
    table.add_row("bad lines", str(summary.errors))
    table.add_row("truncated", str(summary.truncated))
    table.add_row("entities", str(summary.entities))
    for kind, count in sorted(summary.entity_kinds.items()):
        table.add_row(f"  entities: {kind}", str(count))
    for verdict in ("allow", "review", "act"):
        table.add_row(f"verdict {verdict}", str(summary.verdicts[verdict]))
    for category, count in summary.by_category.most_common():
        table.add_row(f"violations: {category}", str(count))
    for surface, count in summary.by_surface.most_common():
        table.add_row(f"violations on {surface}", str(count))
    table.add_row("time", f"{seconds:.2f} s")
    table.add_row("items/s", f"{rate:,.0f}")
    return table


def scan_stream(
    scanner: Scanner,
    stream: IO[bytes],
    writer: ResultWriter,
    errors: Console,
    progress: Progress | None,
) -> ScanSummary:
    summary = ScanSummary()
    task = progress.add_task("scanning", total=None) if progress else None
    for number, raw in read_lines(stream):
        try:
            item = parse_line(raw)
        except InputError as exc:
            summary.errors += 1
            errors.print(f"[red]line {number}:[/red] {exc}", markup=True, highlight=False)
            writer.error(number, record_id(raw), str(exc))
            continue
        result = scanner.scan(item)
        summary.add(item, result)
        writer.result(result)
        if progress is not None and task is not None:
            progress.advance(task)
    return summary


def scan_command(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSON Lines file, or - for stdin")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="results file (default: stdout)")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
    home: Annotated[Path | None, typer.Option(help="state directory ($BASTION_HOME)")] = None,
    policy: Annotated[Path | None, typer.Option(help="policy YAML to use instead")] = None,
    max_text_chars: Annotated[
        int,
        typer.Option(
            min=1,
            help="size limit per text (filler collapsed first); longer texts are still "
            "searched for links and handles, marked truncated and sent to review",
        ),
    ] = DEFAULT_MAX_TEXT_CHARS,
) -> None:
    """Scan every record of INPUT and write one result per line, in order."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"{fmt!r} is not one of jsonl, csv", param_hint="--format")
    errors = Console(stderr=True)
    scanner = Scanner.load(home, policy_path=policy, max_text_chars=max_text_chars)
    source: IO[bytes]
    if input_path == "-":
        source = sys.stdin.buffer
    else:
        path = Path(input_path)
        if not path.is_file():
            errors.print(f"[red]error:[/red] no such input file: {path}")
            raise typer.Exit(2)
        source = path.open("rb")
    stdout_wrapper: io.TextIOWrapper | None = None
    sink: IO[str]
    if out:
        sink = out.open("w", encoding="utf-8", newline="")
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
            summary = scan_stream(scanner, source, ResultWriter(sink, fmt), errors, progress)
    finally:
        if source is not sys.stdin.buffer:
            source.close()
        sink.flush()
        if stdout_wrapper is not None:
            stdout_wrapper.detach()
        else:
            sink.close()
    errors.print(summary_table(summary, time.perf_counter() - started))
    if summary.errors:
        errors.print(f"[red]{summary.errors} bad line(s); see the messages above[/red]")
        raise typer.Exit(1)


def render_explanation(console: Console, explanation: Explanation) -> None:
    console.print(f"[bold]original:[/bold] {explanation.original!r}", highlight=False)
    console.print(f"[bold]unmasked:[/bold] {explanation.folded!r}", highlight=False)
    if not explanation.prechecked:
        console.print(
            "pre-check: nothing link-like and no detector's gate wants it; the fast path "
            "returns allow",
            highlight=False,
        )
    steps = Table(title="unmasking steps")
    for column in ("step", "span", "before", "after"):
        steps.add_column(column)
    for step in explanation.steps:
        span = f"{step.original_span[0]}-{step.original_span[1]}"
        steps.add_row(step.name, span, repr(step.before), repr(step.after))
    console.print(steps)
    found = Table(title="entities")
    for column in ("#", "kind", "raw", "span", "value", "category", "sources", "flags"):
        found.add_column(column)
    result = explanation.result
    for number, entity in enumerate(result.entities):
        found.add_row(
            str(number),
            entity.kind,
            repr(entity.raw),
            f"{entity.span[0]}-{entity.span[1]}",
            entity.value,
            ", ".join(entity.categories) or ("allowed" if entity.allowed else "unlisted"),
            ", ".join(entity.sources),
            ", ".join(entity.flags + ([f"cue={entity.cue}"] if entity.cue else [])),
        )
    console.print(found)
    if result.signals:
        signals = Table(title="detector signals")
        for column in ("detector", "label", "score", "category", "entities", "evidence"):
            signals.add_column(column)
        for signal in result.signals:
            signals.add_row(
                signal.detector,
                signal.label,
                f"{signal.score:.2f}",
                signal.category or "",
                ", ".join(map(str, signal.entities)),
                signal.evidence,
            )
        console.print(signals)
    rules = Table(title="violations")
    for column in ("rule", "category", "severity", "confidence", "outcome", "entities", "why"):
        rules.add_column(column)
    for violation in result.violations:
        rules.add_row(
            violation.rule + (" (shadow)" if violation.mode == "shadow" else ""),
            violation.category,
            violation.severity,
            f"{violation.confidence:.2f}",
            violation.outcome,
            ", ".join(map(str, violation.entities)),
            violation.reason,
        )
    console.print(rules)
    console.print(f"[bold]verdict:[/bold] {result.verdict}  (policy {result.policy_version})")


def explain_command(
    text: Annotated[str, typer.Argument(help="the text to scan")],
    surface: Annotated[str, typer.Option(help=f"one of: {', '.join(SURFACES)}")] = "post",
    home: Annotated[Path | None, typer.Option(help="state directory ($BASTION_HOME)")] = None,
    policy: Annotated[Path | None, typer.Option(help="policy YAML to use instead")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="print the result record as JSON")
    ] = False,
) -> None:
    """Show how TEXT is unmasked, which entities are found and why each was classified."""
    if surface not in SURFACES:
        raise typer.BadParameter(
            f"{surface!r} is not one of {', '.join(SURFACES)}", param_hint="--surface"
        )
    explanation = Scanner.load(home, policy_path=policy).explain(text, surface=surface)
    console = Console()
    if as_json:
        console.print_json(json.dumps(explanation.result.to_dict(), ensure_ascii=False))
        return
    render_explanation(console, explanation)
