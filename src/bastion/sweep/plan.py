"""Cut the inputs of a local sweep into chunks a worker can read on its own, and read one.

A chunk is a byte range of whole lines (JSON Lines), of whole records (CSV: a newline inside
quotes does not end a record), or a row range of one Parquet row group. The cut depends only on
the files and ``chunk_items``, so a resumed sweep cuts them the same way and skips the chunks it
committed. Chunk ids (``SSSS-CCCCCC``) name the result files, which makes a redone chunk
overwrite its own files and never add a second copy.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pyarrow.parquet as pq

from bastion.sweep.defaults import DEFAULT_CHUNK_ITEMS
from bastion.sweep.records import format_of

BLOCK: Final = 1 << 24


@dataclass(frozen=True, slots=True)
class Source:
    """One input file as planned: where it is and what it was (a changed file is a new sweep)."""

    path: str
    format: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, given_format: str | None = None) -> Source:
        resolved = path.resolve()
        stat = resolved.stat()
        return cls(
            str(resolved), format_of(str(resolved), given_format), stat.st_size, stat.st_mtime_ns
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
        }


@dataclass(frozen=True, slots=True)
class Chunk:
    """Records of one source: bytes ``[start, end)`` (JSON Lines, CSV) or rows ``[start, end)``
    of row group ``group`` (Parquet). ``items`` counts the lines or rows it holds."""

    source: int
    number: int
    start: int
    end: int
    items: int
    group: int = -1

    @property
    def id(self) -> str:
        return f"{self.source:04d}-{self.number:06d}"

    def to_list(self) -> list[int]:
        return [self.source, self.number, self.start, self.end, self.items, self.group]

    @classmethod
    def from_list(cls, raw: list[int]) -> Chunk:
        return cls(*raw)


def expand_inputs(inputs: list[str], given_format: str | None = None) -> list[Source]:
    """Files named, and the files of folders named (sorted, by known suffix), as sources."""
    sources: list[Source] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _known(p, given_format))
            if not found:
                raise ValueError(f"no .jsonl, .csv or .parquet file under {path}")
            sources.extend(Source.of(p, given_format) for p in found)
        elif path.is_file():
            sources.append(Source.of(path, given_format))
        else:
            raise ValueError(f"no such input file or folder: {path}")
    return sources


def _known(path: Path, given_format: str | None) -> bool:
    if path.name.startswith((".", "_")):
        return False
    try:
        format_of(str(path), given_format)
    except ValueError:
        return False
    return True


def plan_chunks(sources: list[Source], chunk_items: int = DEFAULT_CHUNK_ITEMS) -> list[Chunk]:
    if chunk_items < 1:
        raise ValueError("chunk_items must be at least 1")
    chunks: list[Chunk] = []
    for number, source in enumerate(sources):
        if source.format == "jsonl":
            chunks.extend(_line_chunks(number, Path(source.path), chunk_items))
        elif source.format == "csv":
            chunks.extend(_csv_chunks(number, Path(source.path), chunk_items))
        else:
            chunks.extend(_parquet_chunks(number, Path(source.path), chunk_items))
    return chunks


def _line_chunks(source: int, path: Path, chunk_items: int) -> Iterator[Chunk]:
    """Byte ranges of ``chunk_items`` lines, found a 16 MiB block at a time."""
    start = offset = lines = number = 0
    last = b"\n"
    with path.open("rb") as stream:
        while block := stream.read(BLOCK):
            last = block[-1:]
            position = 0
            while True:
                wanted = chunk_items - lines
                if block.count(b"\n", position) < wanted:
                    lines += block.count(b"\n", position)
                    break
                for _ in range(wanted):
                    position = block.index(b"\n", position) + 1
                end = offset + position
                yield Chunk(source, number, start, end, chunk_items)
                number += 1
                start, lines = end, 0
            offset += len(block)
    if offset > start:
        yield Chunk(source, number, start, offset, lines + (last != b"\n"))


def _csv_chunks(source: int, path: Path, chunk_items: int) -> Iterator[Chunk]:
    """Byte ranges of ``chunk_items`` CSV records after the header; a record ends at a newline
    outside quotes (an even count of ``"`` so far, as RFC 4180 doubles a quote inside one)."""
    with path.open("rb") as stream:
        header = b""
        quotes = 0
        for line in stream:
            header += line
            quotes += line.count(b'"')
            if quotes % 2 == 0:
                break
        start = offset = len(header)
        records = number = 0
        quotes = 0
        for line in stream:
            offset += len(line)
            quotes += line.count(b'"')
            if quotes % 2:
                continue
            records += 1
            if records == chunk_items:
                yield Chunk(source, number, start, offset, records)
                number += 1
                start, records = offset, 0
        if offset > start:
            yield Chunk(source, number, start, offset, records + (quotes % 2))


def _parquet_chunks(source: int, path: Path, chunk_items: int) -> Iterator[Chunk]:
    metadata = pq.ParquetFile(path).metadata
    number = 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        for start in range(0, rows, chunk_items):
            end = min(rows, start + chunk_items)
            yield Chunk(source, number, start, end, end - start, group)
            number += 1


def read_lines(path: str, chunk: Chunk) -> list[str]:
    """The chunk's lines, decoded (an undecodable byte becomes U+FFFD, as Spark reads text)."""
    with open(path, "rb") as stream:
        stream.seek(chunk.start)
        data = stream.read(chunk.end - chunk.start)
    return [line.removesuffix("\r") for line in data.decode("utf-8", "replace").split("\n")][
        : chunk.items
    ]


def csv_header(path: str) -> list[str]:
    with open(path, encoding="utf-8", errors="replace", newline="") as stream:
        return next(csv.reader(stream), [])


def read_csv_rows(path: str, chunk: Chunk, header: list[str]) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as stream:
        stream.seek(chunk.start)
        data = stream.read(chunk.end - chunk.start)
    text = io.StringIO(data.decode("utf-8", "replace"), newline="")
    for cells in csv.reader(text):
        yield dict(zip(header, cells, strict=False))


def read_parquet_rows(path: str, chunk: Chunk) -> list[dict[str, Any]]:
    table = pq.ParquetFile(path).read_row_group(chunk.group)
    rows: list[dict[str, Any]] = table.slice(chunk.start, chunk.end - chunk.start).to_pylist()
    return rows


def fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
