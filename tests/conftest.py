"""Fixtures shared by every test package: an isolated BASTION_HOME, the real data sets, the
loopback receiver, and the Hypothesis profile (no deadlines: no test asserts wall-clock time)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bastion import Scanner
from bastion.intel.feeds import import_feeds
from tests.support.loopback import LoopbackReceiver, running_receiver

REPO = Path(__file__).resolve().parents[1]

# A deadline or the too_slow health check fails a test because the machine was busy.
settings.register_profile("bastion", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bastion")


def find_shared_data() -> Path | None:
    """``$BASTION_DATA``, else the first ``shared/data`` beside the repo or beside one of its
    parents (a git worktree sits one level deeper than the clone); ``None`` when absent."""
    named = os.environ.get("BASTION_DATA")
    if named:
        return Path(named) if Path(named).is_dir() else None
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty state directory, also exported as BASTION_HOME for CLI code paths."""
    root = tmp_path / "bastion-home"
    root.mkdir()
    monkeypatch.setenv("BASTION_HOME", str(root))
    return root


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data sets of ../shared/data (development split): the one way tests read them.

    Missing, the tests that need them skip, except under ``CI=true``, where that is a failure.
    """
    found = find_shared_data()
    if found is None:
        reason = "real data sets not found (../shared/data or $BASTION_DATA)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.fixture
def loopback_receiver() -> Iterator[LoopbackReceiver]:
    """An HTTP server on 127.0.0.1 (ephemeral port) for webhooks, feeds and any outbound call.

    ``url(path)`` gives its address; ``received`` lists every ``Request`` (method, path, headers,
    body, ``valid`` signature) and ``paths`` their paths. Steer it with ``serve(path, body,
    status, sized=..., **headers)`` for routes, ``statuses`` (a queue of statuses for the next
    requests), ``secret`` (+ ``now``) to verify webhook signatures (bad ones get 401), and
    ``hold(path)`` to keep requests waiting until the test ends (certain client timeouts).
    See tests/support/loopback.py.
    """
    with running_receiver() as receiver:
        yield receiver


@pytest.fixture(scope="session")
def scanner(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Scanner:
    """A scanner over the real sinfonietta gambling list (read-only, shared by the scan tests)."""
    home = tmp_path_factory.mktemp("gambling-home")
    import_feeds(
        home,
        shared_data / "sinfonietta-hostfiles" / "gambling.txt",
        category="gambling",
        source="gambling",
    )
    return Scanner.load(home)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files holding tests marked ``slow`` or ``synapse`` (servers, Synapse, Spark, scenarios,
    faults, large property tests) run first, then the other files, most tests first. ``make
    test`` hands whole files to one worker per core in this order (``--no-loadscope-reorder``),
    so the long files start early instead of leaving one worker running alone at the end."""
    count: dict[str, int] = {}
    heavy: set[str] = set()
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        count[path] = count.get(path, 0) + 1
        if any(item.iter_markers("slow")) or any(item.iter_markers("synapse")):
            heavy.add(path)
    order = {path: n for n, path in enumerate(count)}

    def rank(item: pytest.Item) -> tuple[bool, int, int]:
        path = item.nodeid.split("::", 1)[0]
        return path not in heavy, -count[path] if path not in heavy else 0, order[path]

    items.sort(key=rank)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Importing Synapse (tests/integrations/synapse) sets Pillow's global
    ``ImageFile.LOAD_TRUNCATED_IMAGES``; the rest of the suite runs with Pillow's default."""
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
