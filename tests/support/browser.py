"""A real headless Chromium for page tests, shared by every browser test.

Debian's ``chromium`` driven by the ``playwright`` package (its own browser download is never
used); missing either skips locally and fails under ``CI=true``. The browser runs offline: no
background networking, no component updates, a fresh profile per launch.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("BASTION_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser test is required under CI=true: {reason}")
    pytest.skip(reason)


@contextmanager
def chromium(extra_args: Sequence[str] = ()) -> Iterator[Any]:
    """A launched browser; ``extra_args`` e.g. ``--host-resolver-rules=…`` to reach test servers."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("python package playwright is not installed")
    if not CHROMIUM.is_file():
        missing(f"{CHROMIUM} not found (apt-get install -y chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
        )
        try:
            yield browser
        finally:
            browser.close()
