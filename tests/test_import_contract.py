"""The scan core imports no I/O library: importing it in a fresh interpreter loads none of them.

``bastion.Scanner.scan`` must stay pure (no database, network or subprocess), and the surest sign
is that nothing on its import path can do such things. Loading a policy (pydantic) and reading
detector entry points (importlib.metadata) happen in ``Scanner.load``, outside this path.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

SCAN_CORE = (
    "bastion.model",
    "bastion.normalize",
    "bastion.extract",
    "bastion.canon",
    "bastion.intel.index",
    "bastion.detect.base",
    "bastion.detect.registry",
    "bastion.detect.reputation",
    "bastion.detect.near_duplicates",
    "bastion.policy",
    "bastion.limits",
    "bastion.scanner",
)
FORBIDDEN = frozenset(
    {
        "sqlalchemy",
        "alembic",
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "psycopg",
        "psycopg2",
        "psycopg_pool",
        "fastapi",
        "starlette",
        "uvicorn",
        "sqlite3",
        "_sqlite3",
        "socket",
        "_socket",
        "ssl",
        "_ssl",
        "requests",
        "urllib3",
        "http",
        "asyncio",
        "subprocess",
        "selectors",
        "multiprocessing",
        "concurrent",
        "jinja2",
        "typer",
        "rich",
        "pydantic",
    }
)
FORBIDDEN_SUBMODULES = frozenset({"urllib.request", "bastion.store", "bastion.api", "bastion.cli"})


def _modules_after_import(modules: tuple[str, ...]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout))


def test_scan_core_imports_no_io_library() -> None:
    loaded = _modules_after_import(SCAN_CORE)
    assert "bastion.scanner" in loaded
    bad = {m for m in loaded if m.split(".")[0] in FORBIDDEN}
    bad |= {m for m in loaded if any(m == s or m.startswith(s + ".") for s in FORBIDDEN_SUBMODULES)}
    assert not bad, f"the scan core imports I/O libraries: {sorted(bad)}"


def test_the_check_sees_an_io_import() -> None:
    loaded = _modules_after_import(("bastion.store",))
    assert "sqlalchemy" in {m.split(".")[0] for m in loaded}
