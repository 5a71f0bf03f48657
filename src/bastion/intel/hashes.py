"""Listed pictures by perceptual hash: the ``pdq`` rules of the feeds, matched by Hamming distance.

Compiled into two files beside the tries: ``pdq.bin`` (32 bytes a hash, in rule order) and
``pdq.gid`` (a little-endian uint32 group id a hash, like ``hosts.gid``). A lookup XORs the
query with every listed hash and counts bits through a byte table: one pass of vector code
over 32 bytes a hash (a million listed pictures in about 30 ms), so lists of the size operators
keep answer in microseconds. Hashes are compared as 256 bits, most significant first, the way
``bastion.extract.images.hashes`` writes them.
"""

from __future__ import annotations

import sys
from array import array
from pathlib import Path
from typing import Final

import numpy as np

PDQ_BYTES: Final = 32
MATCH_DISTANCE: Final = 31
"""Bits two PDQ hashes may differ by and still be the same picture: the threshold the PDQ
authors give for 256-bit hashes (resized, recompressed, slightly cropped copies stay under it;
unrelated pictures differ by about 128)."""
_POPCOUNT: Final = np.array([bin(n).count("1") for n in range(256)], dtype=np.uint16)


def write_table(folder: Path, hashes: dict[str, int]) -> int:
    """Write ``pdq.bin`` and ``pdq.gid`` for ``hex -> group id``; the number of hashes."""
    ordered = sorted(hashes.items())
    blob = b"".join(bytes.fromhex(text) for text, _ in ordered)
    (folder / "pdq.bin").write_bytes(blob)
    gids = array("I", [gid for _, gid in ordered])
    if sys.byteorder != "little":
        gids.byteswap()
    (folder / "pdq.gid").write_bytes(gids.tobytes())
    return len(ordered)


class PdqTable:
    """The listed hashes of one index version (empty when it lists none)."""

    __slots__ = ("_gids", "_hashes")

    def __init__(self, folder: Path | None) -> None:
        path = folder / "pdq.bin" if folder is not None else None
        if path is None or not path.is_file() or path.stat().st_size == 0:
            self._hashes = np.zeros((0, PDQ_BYTES), dtype=np.uint8)
            self._gids = np.zeros(0, dtype="<u4")
            return
        self._hashes = np.fromfile(path, dtype=np.uint8).reshape(-1, PDQ_BYTES)
        self._gids = np.fromfile(folder / "pdq.gid", dtype="<u4")  # type: ignore[operator]
        if len(self._gids) != len(self._hashes):
            raise ValueError(f"{folder}: pdq.bin and pdq.gid disagree")

    def __len__(self) -> int:
        return len(self._hashes)

    def nearest(
        self, hex_hash: str, max_distance: int = MATCH_DISTANCE
    ) -> list[tuple[int, int, str]]:
        """``(distance, group id, listed hash)`` of every listed hash within ``max_distance``
        of ``hex_hash``, nearest first (at most 16)."""
        if not len(self._hashes) or len(hex_hash) != 2 * PDQ_BYTES:
            return []
        try:
            query = np.frombuffer(bytes.fromhex(hex_hash), dtype=np.uint8)
        except ValueError:
            return []
        distances = _POPCOUNT[np.bitwise_xor(self._hashes, query)].sum(axis=1)
        close = np.flatnonzero(distances <= max_distance)
        ranked = sorted(close.tolist(), key=lambda row: (int(distances[row]), row))[:16]
        return [
            (int(distances[row]), int(self._gids[row]), self._hashes[row].tobytes().hex())
            for row in ranked
        ]
