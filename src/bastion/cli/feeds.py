"""``bastion feeds ...``: import threat-intel and operator lists, list what is loaded.

Thin layer over ``bastion.intel``: it resolves ``$BASTION_HOME``, prints what happened (counts,
the first bad lines with their numbers) and turns ``FeedError`` into a clear message and exit 1.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bastion.cli.common import HomeOption, fail
from bastion.config import resolve_home
from bastion.intel import FORMATS, FeedError, IntelIndex, IntelIndexError
from bastion.intel.compile import CompiledIndex
from bastion.intel.feeds import FROM_FILE, import_feeds, remove_feeds
from bastion.intel.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from bastion.intel.hosts import parse_ip
from bastion.intel.store import FeedManifest, list_feeds

feeds_app = typer.Typer(
    help="Import and list threat-intel feeds and operator lists.", no_args_is_help=True
)
SHOWN_BAD_LINES = 5


def _console() -> Console:
    """Wide when not a terminal, so piped or captured tables are not squeezed to 80 columns."""
    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n:,}" for kind, n in sorted(counts.items()))


def _report_import(console: Console, manifest: FeedManifest) -> None:
    console.print(
        f"imported [bold]{escape(manifest.source)}/{escape(manifest.category)}[/bold] "
        f"({escape(manifest.format)}) from {escape(manifest.origin)}: "
        f"{manifest.entries:,} entries ({escape(_counts(manifest.counts))})"
        + (f", {manifest.duplicates:,} duplicates" if manifest.duplicates else "")
    )
    if manifest.ignored:
        console.print(f"  ignored: {escape(_counts(manifest.ignored))}")
    if manifest.skipped:
        console.print(f"  [yellow]skipped {manifest.skipped:,} bad lines[/yellow]")
        for lineno, reason in manifest.skipped_examples[:SHOWN_BAD_LINES]:
            console.print(f"    line {lineno}: {escape(reason)}")
        if manifest.skipped > SHOWN_BAD_LINES:
            console.print("    ... (all reasons in the feed manifest)")


def _report_index(console: Console, index: CompiledIndex) -> None:
    stats = index.stats
    console.print(
        f"index {escape(index.version)}: {stats['host_keys']:,} host keys, "
        f"{stats['url_keys']:,} URL keys, "
        f"{stats['keywords']:,} keywords, {stats['regexps']:,} regexps, {stats['cidrs']:,} networks"
        f", {stats.get('pdq_hashes', 0):,} picture hashes"
        f" from {stats['feeds']} feeds in {stats['compile_seconds']:.2f} s"
    )


@feeds_app.command("import")
def import_command(
    target: Annotated[str, typer.Argument(help="feed file, directory of feed files, or URL")],
    category: Annotated[
        str,
        typer.Option(
            "--category",
            "-c",
            help=f"category of the entries (gambling, porn, scam, allow, shortener, ...) or "
            f"'{FROM_FILE}' to use each file's stem",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help=f"one of {', '.join(FORMATS)}; guessed when omitted"),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", "-s", help="source name (default: file/host name)")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="allow URLs on loopback/private/link-local addresses")
    ] = False,
    timeout: Annotated[float, typer.Option(help="network timeout in seconds")] = DEFAULT_TIMEOUT,
    max_bytes: Annotated[int, typer.Option(help="largest download accepted")] = DEFAULT_MAX_BYTES,
    home: HomeOption = None,
) -> None:
    """Import a feed (replacing an earlier import of the same source and category)."""
    try:
        result = import_feeds(
            resolve_home(home),
            target,
            category=category,
            fmt=fmt,
            source=source,
            allow_private=allow_private,
            timeout=timeout,
            max_bytes=max_bytes,
        )
    except (FeedError, OSError) as exc:
        fail(str(exc))
    console = _console()
    for manifest in result.manifests:
        _report_import(console, manifest)
    _report_index(console, result.index)


@feeds_app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="print manifests as JSON")] = False,
    home: HomeOption = None,
) -> None:
    """Show every imported feed and the current index version."""
    root = resolve_home(home)
    try:
        manifests = list_feeds(root)
    except FeedError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps([m.to_dict() for m in manifests], indent=2, ensure_ascii=False))
        return
    console = _console()
    if not manifests:
        console.print(f"no feeds imported under {escape(str(root))}")
        return
    table = Table(title=f"feeds in {escape(str(root))}")
    for column in ("source", "category", "format", "entries by kind", "skipped", "imported at"):
        table.add_column(column, no_wrap=column != "entries by kind")
    table.add_column("origin", overflow="fold")
    for m in manifests:
        table.add_row(
            *(
                escape(cell)
                for cell in (
                    m.source,
                    m.category,
                    m.format,
                    _counts(m.counts),
                    f"{m.skipped:,}",
                    m.imported_at,
                    m.origin,
                )
            )
        )
    console.print(table)
    try:
        index = IntelIndex.open(root)
        console.print(f"current index: {escape(index.version)}")
    except IntelIndexError as exc:
        console.print(f"[yellow]{escape(str(exc))}[/yellow]")


@feeds_app.command("remove")
def remove_command(
    source: Annotated[str, typer.Argument(help="source name as shown by 'feeds list'")],
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="only this category")
    ] = None,
    home: HomeOption = None,
) -> None:
    """Delete an imported feed (or one category of it) and recompile the index."""
    try:
        removed, index = remove_feeds(resolve_home(home), source, category)
    except FeedError as exc:
        fail(str(exc))
    console = _console()
    console.print(f"removed {removed} feed(s) of {escape(source)}")
    _report_index(console, index)


@feeds_app.command("lookup")
def lookup_command(
    values: Annotated[list[str], typer.Argument(help="hosts, IPs or URLs to look up")],
    home: HomeOption = None,
) -> None:
    """Show what the current index says about hosts, IPs or URLs (exit 0 even when unlisted)."""
    from bastion.canon import CanonError, canonicalize_url

    try:
        index = IntelIndex.open(resolve_home(home))
    except IntelIndexError as exc:
        fail(str(exc))
    for value in values:
        try:
            if "/" in value or "://" in value:
                match = index.lookup_url(canonicalize_url(value))
            elif parse_ip(value) is not None:
                match = index.lookup_ip(value)
            else:
                match = index.lookup_host(value)
        except CanonError as exc:
            fail(f"{value!r}: {exc}")
        if match is None:
            typer.echo(f"{value}\tnot listed")
            continue
        verdict = "allowed" if match.allowed else ",".join(match.categories) or "-"
        flags = " shortener" if match.shortener else ""
        typer.echo(
            f"{value}\t{verdict}{flags}\t{match.match_type}:{match.matched}\t"
            + ",".join(match.sources)
        )
