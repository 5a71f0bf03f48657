"""A running server picks up a new intel compile without a restart.

``bastion feeds import`` compiles a new index version and switches the home's ``CURRENT`` pointer
to it atomically. ``IntelWatch`` looks at that pointer at most once per ``interval`` seconds and,
when it names a new version, opens it and rebuilds the scanner over it; requests in flight keep
the scanner they started with. A link disabled after it was posted is therefore refused on its
next click, and ``/v1/check`` judges by today's lists.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from bastion.intel import IntelIndex
from bastion.intel.compile import current_version
from bastion.scanner import Scanner

INTERVAL = 1.0


class IntelWatch:
    """Reopens the intel index of ``home`` when its ``CURRENT`` version changes."""

    def __init__(self, home: Path, *, interval: float = INTERVAL) -> None:
        self.home, self.interval = home, interval
        self.version = current_version(home)
        self._next = time.monotonic() + interval
        self._lock = threading.Lock()

    def refreshed(self, scanner: Scanner) -> Scanner:
        """``scanner`` itself, or a new one over the index version now current."""
        now = time.monotonic()
        if now < self._next:
            return scanner
        with self._lock:
            if now < self._next:
                return scanner
            self._next = now + self.interval
            version = current_version(self.home)
            if version is None or version == self.version:
                return scanner
            fresh = scanner.with_index(IntelIndex.open(self.home))
            self.version = version
            return fresh
