"""Server CPU per ``POST /v1/check`` in one process: the app ``bastion serve`` builds, driven
through its ASGI interface (every middleware, the route, group commit, the store), without the
HTTP socket. A busy shared machine stretches latency, not CPU, so this is the figure to compare.

Requests: ``bench.bench_api``'s traffic (the seeded real-message mix, 3 % with a listed link,
20,000 skewed accounts, every request a new item), ``--concurrency`` in flight at once so group
commit forms groups as under load. CPU is ``time.process_time`` (every thread of the process)
over ``--requests`` after ``--warmup``, plus on PostgreSQL the CPU of the
backends serving the database (``common.postgres_backend_cpu``); ``rps_per_core`` is what one core
would answer at that CPU per request; ``--scan-apart`` also times the scans of the same texts
in a fresh process, to split the scan (the scan core's) from the rest. ``--profile N`` prints the
top N functions of a ``yappi`` run (CPU clock, every thread: the event loop and group commit's
worker) of the measured requests; yappi is a developer tool, not a dependency (``pip install
yappi``); ``--spy FILE`` samples them with py-spy instead (raw collapsed stacks);
``--cprofile N`` prints the top N of the standard library's ``cProfile`` (thread CPU time
of the event loop's thread and of each group's transaction in the worker thread, merged),
needing nothing installed.
Every run counts the SQL statements the measured requests sent (SQLAlchemy's
``before_cursor_execute``, an ``executemany`` once) and the transactions committed, per request.

``python -m bench.api_cpu [--backend sqlite|postgres] [--requests N] [--concurrency C]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from bench import common
from bench.bench_api import ACCOUNTS, PG_ADMIN_URL, _prepare_home, messages


@contextmanager
def database(backend: str, admin_url: str) -> Iterator[str | None]:
    if backend != "postgres":
        yield None
        return
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"bastion_apicpu_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bodies(count: int, run_id: str) -> list[bytes]:
    texts = messages(count)
    rng = random.Random(run_id)
    return [
        json.dumps(
            {
                "id": f"{run_id}-{n}",
                "account_id": f"u-{int(ACCOUNTS * rng.random() ** 2)}",
                "platform": "bench",
                "text": texts[n % len(texts)],
            }
        ).encode()
        for n in range(count)
    ]


async def _call(app: Any, key: str, body: bytes) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/check",
        "raw_path": b"/v1/check",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"authorization", f"Bearer {key}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    sent = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status


async def _drive(app: Any, key: str, payloads: list[bytes], concurrency: int) -> dict[int, int]:
    statuses: dict[int, int] = {}
    queue = iter(payloads)

    async def worker() -> None:
        for body in queue:
            status = await _call(app, key, body)
            statuses[status] = statuses.get(status, 0) + 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return statuses


def _yappi() -> Any:
    try:
        import yappi  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise SystemExit("--profile needs yappi (pip install yappi)") from None
    yappi.set_clock_type("cpu")
    return yappi


def _scan_apart(home: Path, payloads: list[bytes], warmup: int) -> float:
    """CPU ms per scan of the measured texts in a fresh process (the app's process has built
    their RE2 states already), after scanning the warm-up texts as the app did."""
    script = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from bastion.model import Item\n"
        "from bastion.scanner import Scanner\n"
        "home, warmup = Path(sys.argv[1]), int(sys.argv[2])\n"
        "texts = json.load(sys.stdin)\n"
        "scanner = Scanner.load(home)\n"
        "items = [Item(id=f'x{n}', text=t, platform='bench') for n, t in enumerate(texts)]\n"
        "for item in items[:warmup]: scanner.scan(item)\n"
        "began = time.process_time()\n"
        "for item in items[warmup:]: scanner.scan(item)\n"
        "print((time.process_time() - began) * 1000 / (len(items) - warmup))\n"
    )
    texts = json.dumps([json.loads(b)["text"] for b in payloads])
    done = subprocess.run(
        [sys.executable, "-c", script, str(home), str(warmup)],
        input=texts,
        capture_output=True,
        text=True,
        check=True,
    )
    return round(float(done.stdout.strip().splitlines()[-1]), 3)


class _BackendWatch:
    """CPU seconds of the PostgreSQL backends serving ``url``'s database from now until
    ``stop``, backends that exit meanwhile included (the pool replaces connections): a child
    process polls /proc every 50 ms and keeps each backend's last reading, so its own CPU is
    not the bench's."""

    _SCRIPT = (
        "import signal, sys, time\n"
        "from bench.common import postgres_backend_cpu_by_pid as read\n"
        "url, seen, first = sys.argv[1], {}, None\n"
        "stop = []\n"
        "signal.signal(signal.SIGTERM, lambda *_: stop.append(1))\n"
        "first = read(url)\n"
        "print('ready', flush=True)\n"
        "while not stop:\n"
        "    seen.update(read(url))\n"
        "    time.sleep(0.05)\n"
        "seen.update(read(url))\n"
        "print(sum(v - first.get(p, 0.0) for p, v in seen.items()), flush=True)\n"
    )

    def __init__(self, url: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", self._SCRIPT, url], stdout=subprocess.PIPE, text=True
        )
        assert self.child.stdout is not None
        self.child.stdout.readline()

    def stop(self) -> float:
        self.child.send_signal(signal.SIGTERM)
        out, _ = self.child.communicate(timeout=60)
        return float(out.strip().splitlines()[-1])


def _spy(path: Path) -> subprocess.Popen[bytes]:
    """``py-spy`` sampling this process (every thread, idle ones left out) until SIGINT; a
    developer tool, not a dependency (``pip install py-spy``)."""
    command = ["py-spy", "record", "--pid", str(os.getpid()), "-r", "250", "-f", "raw"]
    spy = subprocess.Popen([*command, "-o", str(path)], stderr=subprocess.DEVNULL)
    time.sleep(2)  # attached before the measured requests start
    return spy


class _Statements:
    """SQL statements sent (``before_cursor_execute``: an ``executemany`` counts once) and
    transactions committed on ``engine`` while attached; PostgreSQL's ``BEGIN`` and
    ``COMMIT`` are round trips the first does not see, SQLite's ``BEGIN IMMEDIATE`` is one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.statements = 0
        self.commits = 0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)

    def _statement(self, *_: Any) -> None:
        self.statements += 1

    def _commit(self, *_: Any) -> None:
        self.commits += 1

    def stop(self) -> tuple[int, int]:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)
        return self.statements, self.commits


class _CProfile:
    """``cProfile`` of the event loop's thread (enabled around the measured requests) and of
    each group commit transaction in whichever worker thread runs it; merged at the end."""

    def __init__(self, committer: Any) -> None:
        self.loop = self._make()
        self.workers: list[Any] = []
        self.committer = committer
        self.callers = ""
        self._write = committer._write
        committer._write = self._profiled

    @staticmethod
    def _make() -> Any:
        import cProfile

        return cProfile.Profile(time.thread_time)

    def _profiled(self, group: Any) -> None:
        profile = self._make()
        self.workers.append(profile)
        profile.enable()
        try:
            self._write(group)
        finally:
            profile.disable()

    def report(self, top: int, sort: str, requests: int) -> None:
        import io
        import pstats

        self.committer._write = self._write
        out = io.StringIO()
        stats = pstats.Stats(self.loop, stream=out)
        for profile in self.workers:
            stats.add(profile)
        stats.sort_stats("tottime" if sort == "tsub" else "cumulative").print_stats(top)
        if self.callers:
            stats.print_callers(self.callers)
        print(f"cProfile of {requests} requests (times are totals, divide by the requests)")
        print(out.getvalue())


def run(args: argparse.Namespace) -> dict[str, Any]:
    import uvloop

    from bastion.cli.serve import build_app

    run_id = secrets.token_hex(3)
    payloads = bodies(args.warmup + args.requests, run_id)
    with database(args.backend, args.pg_admin_url) as url, tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        key = _prepare_home(home, url)
        if url:
            os.environ["BASTION_DATABASE_URL"] = url
        app = build_app(home, upkeep_interval=None)
        loop = uvloop.new_event_loop()
        try:
            warm = loop.run_until_complete(
                _drive(app, key, payloads[: args.warmup], args.concurrency)
            )
            profiler = _yappi() if args.profile else None
            spy = _spy(args.spy) if args.spy else None
            backends = _BackendWatch(url) if url else None
            counted = _Statements(app.state.bastion.store.engine)
            cprofile = _CProfile(app.state.bastion.checks) if args.cprofile else None
            if cprofile is not None:
                cprofile.callers = args.callers
            cpu, wall = time.process_time(), time.perf_counter()
            if profiler is not None:
                profiler.start(builtins=True)
            if cprofile is not None:
                cprofile.loop.enable()
            statuses = loop.run_until_complete(
                _drive(app, key, payloads[args.warmup :], args.concurrency)
            )
            if cprofile is not None:
                cprofile.loop.disable()
            if profiler is not None:
                profiler.stop()
            statements, commits = counted.stop()
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=60)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            server = None if backends is None else backends.stop()
        finally:
            loop.close()
            app.state.bastion.keys.close()
            app.state.bastion.store.close()
        stats = app.state.bastion.checks.stats
        scan_ms = _scan_apart(home, payloads, args.warmup) if args.scan_apart else None
    if profiler is not None:
        found = profiler.get_func_stats()
        found.sort(args.sort, "desc")
        for stat in list(found)[: args.profile]:
            print(
                f"{stat.ncall:8d} {stat.tsub * 1000 / args.requests:8.3f} "
                f"{stat.ttot * 1000 / args.requests:8.3f}  {stat.module}:{stat.lineno} {stat.name}"
            )
        print("calls, own ms per request, total ms per request, function")
    if cprofile is not None:
        cprofile.report(args.cprofile, args.sort, args.requests)
    per_request = cpu * 1000 / args.requests
    server_ms = None if server is None else server * 1000 / args.requests
    return {
        "backend": args.backend,
        "requests": args.requests,
        "warmup": args.warmup,
        "concurrency": args.concurrency,
        "statuses": statuses,
        "warmup_statuses": warm,
        "cpu_ms_per_request": round(per_request, 3),
        "postgres_cpu_ms_per_request": None if server_ms is None else round(server_ms, 3),
        "scan_cpu_ms_per_request": scan_ms,
        "rps_per_core": round(1000 / (per_request + (server_ms or 0.0))),
        "statements_per_request": round(statements / args.requests, 3),
        "transactions_per_request": round(commits / args.requests, 3),
        "wall_s": round(wall, 2),
        "groups": stats.groups,
        "mean_group": round(stats.items / max(1, stats.groups), 2),
        "plain_checks": getattr(stats, "plain", None),
        "profiled": bool(profiler or cprofile),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scan-apart", action="store_true", help="also time the scans alone")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions")
    parser.add_argument("--cprofile", type=int, default=0, help="print cProfile's top N")
    parser.add_argument("--callers", default="", help="with --cprofile: callers of these")
    parser.add_argument("--spy", type=Path, help="py-spy raw samples of the measured requests")
    parser.add_argument("--sort", default="tsub", help="yappi sort key (tsub, ttot) for --profile")
    parser.add_argument("--pg-admin-url", default=PG_ADMIN_URL)
    parser.add_argument("--label", default="", help="write bench/results/api_cpu_<backend><label>")
    args = parser.parse_args(argv)
    figures = run(args)
    print(json.dumps(figures))
    if args.label:
        name = f"api_cpu_{args.backend}{args.label}"
        print(f"results: {common.write_result(name, figures)}")


if __name__ == "__main__":
    main()
