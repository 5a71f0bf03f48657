"""HTTP API latency and throughput: ``POST /v1/check`` against a real ``bastion serve``.

The server runs as its own process on loopback (SQLite in a temp home, or PostgreSQL in a
throwaway database when ``--backend postgres``), with the example feeds imported. The load comes
from another process: an open-loop uvloop generator speaking HTTP/1.1 over keep-alive
connections (up to 512; httpx itself saturates near 500 requests/s) that sends requests on a
fixed schedule
(``rate`` per second for ``--duration`` seconds) whether or not earlier ones have returned, and
measures each latency from its *scheduled* send time, so a stalled server cannot hide its queue
(no coordinated omission). Traffic is the seeded real-message mix of ``bench.throughput`` with a
listed link spliced into 3% of messages; every request is a new item of one of 20,000 accounts.

The search doubles the rate until p99 exceeds ``--p99-ms`` (default 20) or errors appear, then
bisects; the result is the highest tested rate that held. Default 60 s per step; ``--quick`` 5 s.

Each step also records the server's CPU time per request (the server process and its workers,
from /proc): on a shared machine latency stretches with everyone's load, CPU per request far less.

``python -m bench.bench_api [--backend sqlite|postgres|both] [--quick] [--workers N] [--rate R]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SERVE = "import typer; from bastion.cli.serve import serve_command; typer.run(serve_command)"
ACCOUNTS = 20_000
DIRTY = 0.03
MAX_CONNECTIONS = 512
IDLE_SECONDS = 2.0


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def messages(count: int) -> list[str]:
    from bench import common
    from bench.bench_ingest import listed_hosts
    from bench.throughput import message_mix

    rng = random.Random(5)
    hosts = listed_hosts()
    out = []
    for text in message_mix(common.data_dir(None), count):
        if rng.random() < DIRTY:
            text = f"{text[:120]} visit {rng.choice(hosts)}"
        out.append(text[:2000])
    return out


class _Conn:
    """One keep-alive HTTP/1.1 connection; requests are written by hand (httpx tops out near
    500 requests/s per core, far below what the server holds)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.used = time.perf_counter()

    def reusable(self) -> bool:
        """Like any HTTP client's pool: drop connections idle longer than the server keeps them
        (uvicorn closes after 5 s), or already closed by it."""
        if self.reader.at_eof() or self.writer.is_closing():
            return False
        if time.perf_counter() - self.used > IDLE_SECONDS:
            self.writer.close()
            return False
        return True

    async def post(self, head: bytes, body: bytes) -> int:
        self.writer.write(head + str(len(body)).encode() + b"\r\n\r\n" + body)
        header = await self.reader.readuntil(b"\r\n\r\n")
        status = int(header[9:12])
        length = 0
        for line in header.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"connection" and b"close" in value.lower():
                self.writer.close()
        if length:
            await self.reader.readexactly(length)
        self.used = time.perf_counter()
        return status


async def _drive(url: str, key: str, rate: float, duration: float, run_id: str) -> dict[str, Any]:
    host, _, port = url.removeprefix("http://").partition(":")
    texts = messages(min(50_000, int(rate * duration) + 1))
    rng = random.Random(run_id)
    total = int(rate * duration)
    bodies = [
        json.dumps(
            {
                "id": f"{run_id}-{n}",
                "account_id": f"u-{int(ACCOUNTS * rng.random() ** 2)}",
                "platform": "bench",
                "text": texts[n % len(texts)],
            }
        ).encode()
        for n in range(total)
    ]
    head = (
        f"POST /v1/check HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\nContent-Length: "
    ).encode()
    latencies: list[float] = []
    service: list[float] = []
    errors: dict[str, int] = {}
    idle: list[_Conn] = []
    opened = 0
    slots = asyncio.Semaphore(MAX_CONNECTIONS)

    async def one(n: int, due: float) -> None:
        nonlocal opened
        async with slots:
            conn = None
            while idle and conn is None:
                conn = idle.pop()
                if not conn.reusable():
                    conn = None
            try:
                if conn is None:
                    opened += 1
                    conn = _Conn(*await asyncio.open_connection(host, int(port)))
                sent = time.perf_counter()
                status = await conn.post(head, bodies[n])
                ok, label = status == 200, f"HTTP {status}"
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                ok, label, conn = False, type(exc).__name__, None
            done = time.perf_counter()
            if conn is not None and not conn.writer.is_closing():
                idle.append(conn)
        if ok:
            latencies.append(done - due)
            service.append(done - sent)
        else:
            errors[label] = errors.get(label, 0) + 1

    tasks = set()
    start = time.perf_counter() + 0.2
    for n in range(total):
        due = start + n / rate
        delay = due - time.perf_counter()
        if delay > 0.0005:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(n, due))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    while tasks:
        await asyncio.gather(*list(tasks))
    elapsed = time.perf_counter() - start
    for conn in idle:
        conn.writer.close()
    return {
        "rate": rate,
        "sent": total,
        "ok": len(latencies),
        "errors": errors,
        "connections": opened,
        "achieved_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(max(latencies, default=float("nan")) * 1000, 2),
        "service_p99_ms": round(_percentile(service, 0.99) * 1000, 2),
    }


def generate(url: str, key: str, rate: float, duration: float) -> dict[str, Any]:
    """Run one open-loop step in a separate process; returns its figures."""
    command = [
        sys.executable,
        "-m",
        "bench.bench_api",
        "--generate",
        url,
        key,
        str(rate),
        str(duration),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=duration * 5 + 120
    )
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed: {done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare_home(home: Path, url: str | None) -> str:
    from typer.testing import CliRunner

    from bastion.cli import app as cli_app
    from bastion.store import Store
    from bastion.store.queries import create_tenant, issue_api_key
    from bench import common

    feeds = common.REPO_ROOT / "examples" / "feeds"
    outcome = CliRunner().invoke(
        cli_app, ["feeds", "import", str(feeds), "--category", "from-file", "--home", str(home)]
    )
    if outcome.exit_code != 0:
        raise SystemExit(outcome.output)
    with Store.open(home=home, url=url) as store, store.transaction() as session:
        tenant = create_tenant(session, slug="bench", name="Bench")
        return issue_api_key(session, tenant.id, "platform")[1]


class Server:
    """``bastion serve`` in a child process on a free loopback port."""

    def __init__(self, home: Path, url: str | None, workers: int) -> None:
        self.port = _port()
        env = dict(os.environ)
        env.pop("BASTION_DATABASE_URL", None)
        if url:
            env["BASTION_DATABASE_URL"] = url
        command = [
            sys.executable,
            "-c",
            SERVE,
            "--port",
            str(self.port),
            "--home",
            str(home),
            "--workers",
            str(workers),
            "--upkeep",
            "0",
        ]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        self._wait()

    def _wait(self) -> None:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("bastion serve exited at start")
            try:
                httpx.get(self.url + "/openapi.json", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError("bastion serve did not start in 60 s")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and every process under it (the
        workers), read from /proc: the server's cost per request, which a busy machine
        stretches far less than latency."""
        return _tree_cpu(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _tree_cpu(root: int) -> float:
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def search(
    url: str,
    key: str,
    duration: float,
    p99_ms: float,
    start: float,
    bisect: int = 3,
    cpu: Callable[[], float] | None = None,
    only: float | None = None,
) -> dict[str, Any]:
    """Double the rate until p99 breaks the bound (or errors appear), halving first if even the
    start rate fails, then bisect ``bisect`` times between the last rate that held and the first
    that broke. ``only``: test that one rate and nothing else."""
    steps = []

    def holds(rate: float) -> bool:
        used = cpu() if cpu is not None else 0.0
        figures = generate(url, key, rate, duration)
        if cpu is not None and figures["ok"]:
            figures["server_cpu_ms_per_request"] = round((cpu() - used) * 1000 / figures["ok"], 3)
        figures["holds"] = not figures["errors"] and figures["p99_ms"] <= p99_ms
        steps.append(figures)
        print(
            f"  {rate:8.0f} rps: p50 {figures['p50_ms']:7.2f} ms  p99 {figures['p99_ms']:8.2f} ms"
            f"  achieved {figures['achieved_rps']:8.1f}  errors {figures['errors'] or 0}"
            f"  server CPU {figures.get('server_cpu_ms_per_request', '-')} ms/request",
            flush=True,
        )
        return bool(figures["holds"])

    if only is not None:
        held = holds(only)
        best = steps[0] if held else None
        return {"max_rate_p99_ok": only if held else 0.0, "at_best": best, "steps": steps}
    good, bad = 0.0, None
    rate = start
    while bad is None and rate <= 20_000:
        if holds(rate):
            good, rate = rate, rate * 2
        else:
            bad = rate
    while not good and bad is not None and bad > 10:
        rate = round(bad / 2)
        if holds(rate):
            good = rate
        else:
            bad = rate
    if bad is not None and good:
        for _ in range(bisect):
            middle = round((good + bad) / 2)
            if holds(middle):
                good = middle
            else:
                bad = middle
    best = max((s for s in steps if s["holds"]), key=lambda s: s["rate"], default=None)
    return {"max_rate_p99_ok": good, "at_best": best, "steps": steps}


def bench_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = None
    name = ""
    url = None
    if backend == "postgres":
        admin = create_engine(args.pg_admin_url, isolation_level="AUTOCOMMIT")
        name = f"bastion_bench_{secrets.token_hex(4)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(args.pg_admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            key = _prepare_home(home, url)
            server = Server(home, url, args.workers)
            try:
                print(f"{backend}: server on {server.url} ({args.workers} worker(s))", flush=True)
                generate(server.url, key, 50, 2)  # warm-up
                result = search(
                    server.url,
                    key,
                    args.duration,
                    args.p99_ms,
                    args.start_rate,
                    args.bisect,
                    server.cpu_seconds,
                    args.rate,
                )
            finally:
                server.stop()
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return {"backend": backend, "workers": args.workers, "duration_s": args.duration, **result}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--generate":
        url, key, rate, duration = argv[1], argv[2], float(argv[3]), float(argv[4])
        run_id = secrets.token_hex(4)
        import uvloop

        print(json.dumps(uvloop.run(_drive(url, key, rate, duration, run_id))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per rate step")
    parser.add_argument("--quick", action="store_true", help="5 s per step")
    parser.add_argument("--p99-ms", type=float, default=20.0)
    parser.add_argument("--start-rate", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rate", type=float, help="test this one rate instead of searching")
    parser.add_argument("--bisect", type=int, default=3, help="bisection steps after doubling")
    parser.add_argument(
        "--pg-admin-url", default=os.environ.get("BASTION_BENCH_PG_ADMIN_URL", PG_ADMIN_URL)
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 5.0
    from bench import common

    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    for backend in backends:
        figures = bench_backend(backend, args)
        best = figures["at_best"] or {}
        print(
            f"{backend}: highest rate with p99 <= {args.p99_ms:g} ms: "
            f"{figures['max_rate_p99_ok']:.0f} rps (p50 {best.get('p50_ms')} ms, "
            f"p99 {best.get('p99_ms')} ms)"
        )
        suffix = f"_w{args.workers}" if args.workers > 1 else ""
        print(f"results: {common.write_result(f'api_{backend}{suffix}', figures)}")


if __name__ == "__main__":
    main()
