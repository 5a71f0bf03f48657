"""The local sweep engine: a process pool over chunks, each committed atomically.

Each worker process loads the ``Scanner`` once (pool initializer; the sweep's own process, which
has loaded one already, is one of the workers) and then scans whole chunks: it reads its byte or
row range itself, writes one Parquet file per verdict under a temporary name, syncs and renames
it to its final, chunk-named place, and last writes the chunk's commit marker
(``_chunks/ID.json``: its files and counts). A run killed at any point (``kill -9``) leaves
committed chunks whole; the next run with the same inputs skips them, deletes whatever an
uncommitted chunk left, and redoes only those: no finding is lost or written twice.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pyarrow.compute as pc
import pyarrow.parquet as pq

from bastion.atomic import write_bytes_atomically
from bastion.model import DEFAULT_MAX_TEXT_CHARS
from bastion.scanner import Scanner
from bastion.sweep.plan import (
    Chunk,
    Source,
    csv_header,
    fsync_dir,
    read_csv_rows,
    read_lines,
    read_parquet_rows,
)
from bastion.sweep.records import Batch, Tally
from bastion.sweep.results import CHUNKS, FINDINGS, SweepError

IN_FLIGHT_PER_WORKER: Final = 2


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How every worker builds its scanner (the same on both engines)."""

    home: str
    policy: str | None = None
    no_feeds: bool = False
    ocr: bool = True
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS

    def scanner(self, home: str | None = None) -> Scanner:
        return Scanner.load(
            Path(home or self.home),
            policy_path=self.policy,
            no_feeds=self.no_feeds,
            ocr=self.ocr,
            max_text_chars=self.max_text_chars,
        )


_WORKER: dict[str, Scanner] = {}
"""The scanner of this worker process, set once by ``_init_worker`` (pool processes only)."""


def _init_worker(options: ScanOptions) -> None:
    _WORKER["scanner"] = options.scanner()


def scan_chunk(scanner: Scanner, source: Source, chunk: Chunk) -> Batch:
    """Scan every record of one chunk with the shared record functions."""
    batch = Batch()
    base = Path(source.path).parent
    if source.format == "jsonl":
        for line in read_lines(source.path, chunk):
            batch.scan_line(scanner, line, source.path, base)
    elif source.format == "csv":
        header = csv_header(source.path)
        for row in read_csv_rows(source.path, chunk, header):
            batch.scan_row(scanner, row, source.path, base)
    else:
        for row in read_parquet_rows(source.path, chunk):
            batch.scan_row(scanner, row, source.path, base)
    return batch


def commit_chunk(out: Path, chunk_id: str, batch: Batch) -> Tally:
    """Write the chunk's files (temp name, fsync, rename), then its commit marker."""
    table = batch.table()
    files: list[str] = []
    if table.num_rows:
        for verdict in sorted(set(table.column("verdict").to_pylist())):
            part = table.filter(pc.equal(table["verdict"], verdict)).drop_columns(["verdict"])
            relative = f"{FINDINGS}/verdict={verdict}/{chunk_id}.parquet"
            final = out / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            temp = final.parent / f".{chunk_id}.parquet.tmp"
            try:
                pq.write_table(part, temp)
                with temp.open("rb") as handle:
                    os.fsync(handle.fileno())
                os.replace(temp, final)
            except BaseException:
                temp.unlink(missing_ok=True)  # a full disk leaves no half file behind
                raise
            fsync_dir(final.parent)
            files.append(relative)
    marker = {"files": files, "tally": batch.tally.to_dict()}
    write_bytes_atomically(out / CHUNKS / f"{chunk_id}.json", json.dumps(marker).encode())
    return batch.tally


def run_chunk(out: str, source: Source, chunk: Chunk) -> tuple[str, dict[str, Any]]:
    """A pool task: scan and commit one chunk with this worker's scanner."""
    batch = scan_chunk(_WORKER["scanner"], source, chunk)
    return chunk.id, commit_chunk(Path(out), chunk.id, batch).to_dict()


def committed_chunks(out: Path) -> dict[str, Tally]:
    """Tallies of the chunks whose commit marker is written, by chunk id."""
    done: dict[str, Tally] = {}
    for marker in (out / CHUNKS).glob("*.json"):
        done[marker.stem] = Tally.from_dict(json.loads(marker.read_text("utf-8"))["tally"])
    return done


def clear_uncommitted(out: Path, chunk_ids: set[str]) -> int:
    """Delete files a killed run left for chunks it had not committed; returns how many."""
    removed = 0
    for path in (out / FINDINGS).glob("verdict=*/*"):
        name = path.name.removeprefix(".").removesuffix(".tmp").removesuffix(".parquet")
        if name in chunk_ids:
            path.unlink()
            removed += 1
    return removed


def run_pool(
    out: Path,
    sources: list[Source],
    chunks: list[Chunk],
    options: ScanOptions,
    workers: int,
    on_done: Callable[[Chunk, Tally], None],
    scanner: Scanner | None = None,
) -> None:
    """Scan and commit ``chunks`` on ``workers`` processes (spawned: nothing inherited).

    With ``scanner`` (the caller's, already loaded) this process is one of the ``workers``: it
    scans a chunk whenever its pool processes each have their next chunks queued, so no loaded
    scanner sits idle while another process loads its own (about 1.7 CPU seconds and a few
    hundred MB per process, and the RE2 gate caches each process builds on its own)."""
    context = multiprocessing.get_context("spawn")
    queue = deque(chunks)
    spawned = max(1, workers - (scanner is not None))
    limit = spawned * IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(
        max_workers=spawned,
        mp_context=context,
        initializer=_init_worker,
        initargs=(options,),
    ) as pool:
        running: dict[Future[tuple[str, dict[str, Any]]], Chunk] = {}
        while queue or running:
            while queue and len(running) < limit:
                chunk = queue.popleft()
                running[pool.submit(run_chunk, str(out), sources[chunk.source], chunk)] = chunk
            if scanner is not None and queue:
                chunk = queue.popleft()
                try:
                    batch = scan_chunk(scanner, sources[chunk.source], chunk)
                    tally = commit_chunk(out, chunk.id, batch)
                except (OSError, ValueError) as exc:
                    raise _failed(chunk, exc) from exc
                on_done(chunk, tally)
                finished = {future for future in running if future.done()}
            else:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = running.pop(future)
                try:
                    _, counts = future.result()
                except (OSError, ValueError, BrokenProcessPool) as exc:
                    raise _failed(chunk, exc) from exc
                on_done(chunk, Tally.from_dict(counts))


def _failed(chunk: Chunk, exc: BaseException) -> SweepError:
    return SweepError(
        f"chunk {chunk.id} failed ({type(exc).__name__}: {exc}); the chunks committed so far "
        "are kept: rerun the same command to resume"
    )
