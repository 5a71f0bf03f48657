"""Writing a file of the home so that a crash or a full disk leaves the old one whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO


def write_bytes_atomically(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Temp file beside ``path``, synced, then ``os.replace``: readers see the old file or the new
    one, never a half; a failed write removes the temp file and leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            _publish(handle, Path(temp), path, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class AtomicTextFile:
    """``write_bytes_atomically`` for output written as it is made (scan results): ``handle``
    writes into a temp file beside ``path``; ``commit`` syncs it and renames it over ``path``;
    ``discard`` (also after a failed commit) removes it and leaves the old file whole. The new
    file gets the mode a plain ``open`` would give it (0666 less the umask)."""

    def __init__(self, path: Path) -> None:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.path, self.temp = path, Path(temp)
        self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.handle.flush()
        _publish(self.handle, self.temp, self.path, 0o666 & ~umask())

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        self.temp.unlink(missing_ok=True)


def _publish(handle: IO[bytes] | IO[str], temp: Path, path: Path, mode: int) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.chmod(temp, mode)
    os.replace(temp, path)


def umask() -> int:
    """The process umask (read by setting it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
