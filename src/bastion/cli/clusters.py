"""``bastion clusters`` and ``bastion topics``: near-duplicate clusters and trending topics.

``bastion clusters --in POSTS.jsonl --out CLUSTERS.jsonl`` groups near-duplicate posts (one line
per cluster); ``--index`` also compiles the farm clusters into the home, where the
``near_duplicates`` detector finds them. ``bastion topics import FILE`` compiles trending
topics into the home. Both write atomically: a failed run leaves what was there before.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from bastion.cli.common import HomeOption, fail
from bastion.config import resolve_home
from bastion.detect.near_duplicates import DIRECTORY, INDEX_FILE, TOPICS_FILE
from bastion.neardup.files import PostsError, cluster_posts, write_clusters
from bastion.neardup.index import compile_index
from bastion.neardup.minhash import MinHashParams
from bastion.neardup.textnorm import t2s_table
from bastion.neardup.topics import TopicsError, parse_topics, save_topics

topics_app = typer.Typer(
    help="Import the trending topics clout-chasing is judged on.", no_args_is_help=True
)


def clusters_command(
    posts: Annotated[Path, typer.Option("--in", help="posts as JSON Lines (id, text, account_id)")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="write one line per cluster: {cluster, members}"),
    ] = None,
    index: Annotated[
        bool,
        typer.Option("--index", help="also compile the farm clusters into the home's index"),
    ] = False,
    threshold: Annotated[
        float,
        typer.Option(help="estimated Jaccard similarity of two copies (0.5 to 1.0)"),
    ] = 0.5,
    min_members: Annotated[
        int, typer.Option(help="with --index: posts a cluster needs to be a farm")
    ] = 3,
    min_accounts: Annotated[
        int, typer.Option(help="with --index: distinct accounts a cluster needs to be a farm")
    ] = 2,
    home: HomeOption = None,
) -> None:
    """Group near-duplicate posts (MinHash LSH) and optionally index them as known farms."""
    if out is None and not index:
        fail("nothing to do: give --out CLUSTERS.jsonl, --index, or both")
    if not 0.5 <= threshold <= 1.0:
        fail("--threshold must be between 0.5 and 1.0")
    if min_members < 2 or min_accounts < 1:
        fail("--min-members must be at least 2 and --min-accounts at least 1")
    console = Console(highlight=False, soft_wrap=True)
    started = time.perf_counter()
    try:
        run = cluster_posts(posts, MinHashParams(threshold=threshold), t2s_table())
    except PostsError as exc:
        fail(str(exc))
    clustered = sum(len(c.members) for c in run.clusters)
    console.print(
        f"{run.posts:,} posts: {len(run.clusters):,} clusters holding {clustered:,} posts "
        f"in {time.perf_counter() - started:.1f} s"
    )
    if out is not None:
        try:
            write_clusters(run, out)
        except OSError as exc:
            fail(f"{out}: cannot write: {exc.strerror or exc}")
        console.print(f"wrote {escape(str(out))}")
    if index:
        compiled = compile_index(run, min_members=min_members, min_accounts=min_accounts)
        target = resolve_home(home) / DIRECTORY / INDEX_FILE
        try:
            compiled.save(target)
        except OSError as exc:
            fail(f"{target}: cannot write: {exc.strerror or exc}")
        console.print(
            f"indexed {len(compiled):,} farm clusters (at least {min_members} posts from "
            f"{min_accounts} accounts) into {escape(str(target))}"
        )


@topics_app.command("import")
def import_topics(
    file: Annotated[Path, typer.Argument(help="UTF-8 text, one trending topic a line")],
    home: HomeOption = None,
) -> None:
    """Replace the home's trending topics with those of FILE."""
    t2s = t2s_table()
    try:
        topics = parse_topics(file, t2s)
    except TopicsError as exc:
        fail(str(exc))
    target = resolve_home(home) / DIRECTORY / TOPICS_FILE
    try:
        save_topics(topics, target)
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror or exc}")
    Console(highlight=False, soft_wrap=True).print(
        f"imported {len(topics):,} trending topics into {escape(str(target))}"
    )
