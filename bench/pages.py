"""Server time of the link shim's click decision and of the console's case page (issue 9 bars).

* Shim: the decision itself (signature check, click-time scan, page render: ``shim_core``, the
  bar's "server time", p99 <= 1 ms) and ``GET /l`` end to end through the test client
  (``shim``, which adds the framework and transport), for a clean, a listed and a phishing URL.
* Shim under load (``shim_under_load``): the app under uvicorn on loopback, clicked by a
  *second process* with several threads for a few seconds; the figure is the decision time the
  server reports in its ``Server-Timing`` header (same span as ``shim_core``, now sharing the
  process with the event loop and concurrent requests; ``cpu`` is the CPU the request's thread
  spent in that span, without the waits for the interpreter lock), beside the client's round trip.
* Case page: ``GET /console/cases/{id}`` for a case whose item holds 50 entities and 4 pictures
  (QR codes, boxed on the page), whose account has 20 earlier items acted on; bar p99 <= 100 ms.
  The pictures themselves are separate requests (``/console/cases/{id}/pictures/{n}``), timed
  apart (``case_picture``).

``python -m bench.pages [--rounds N] [--load-seconds S]``
"""

from __future__ import annotations

import argparse
import base64
import multiprocessing
import os
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from bastion.api import create_app
from bastion.cli import app as cli_app
from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.service.users import create_user
from bastion.shim.decide import decide
from bastion.shim.pages import render
from bastion.shim.signing import LinkSigner
from bastion.store import Store
from bastion.store.queries import create_tenant, issue_api_key
from bench import common
from tests.extract.images import pictures
from tests.support.live import serving

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"
URLS = {
    "clean": "https://example.org/recipes?id=4",
    "listed (warn)": "http://12bet.com/register",
    "phishing (block)": "https://0001interac.com/login",
}


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 3),
        "n": len(ordered),
    }


def _timed(client: TestClient, path: str, rounds: int) -> list[float]:
    for _ in range(20):
        client.get(path, follow_redirects=False)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(path, follow_redirects=False)
        samples.append(time.perf_counter() - start)
    return samples


def _core(signer: LinkSigner, scanner: Scanner, url: str, rounds: int) -> list[float]:
    """The shim's own work per click: verify the signature, scan, render the page."""
    signed = signer.signature(url, "acme")
    samples = []
    for _ in range(rounds + 20):
        start = time.perf_counter()
        assert signer.verify(url, "acme", signed)
        click = decide(scanner, url)
        if click.decision != "redirect":
            render(click.decision, "en", host=click.host, category=click.category)
        samples.append(time.perf_counter() - start)
    return samples[20:]


TIMING = re.compile(r"shim;dur=([0-9.]+), cpu;dur=([0-9.]+)")
LOAD_THREADS = 8


def _clicker(base: str, links: list[str], seconds: float, threads: int) -> dict[str, list[float]]:
    """Run in a second process: ``threads`` clients click the links round-robin for
    ``seconds``; returns the server's decision times and the round trips, in seconds."""
    server: list[float] = []
    server_cpu: list[float] = []
    trips: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def work(offset: int) -> None:
        mine_server, mine_cpu, mine_trips = [], [], []
        with httpx.Client(base_url=base, timeout=30) as client:
            n = offset
            while time.monotonic() < stop:
                start = time.perf_counter()
                response = client.get(links[n % len(links)], follow_redirects=False)
                mine_trips.append(time.perf_counter() - start)
                found = TIMING.search(response.headers.get("server-timing", ""))
                if found is None:
                    raise RuntimeError(f"no Server-Timing on {response.status_code}")
                mine_server.append(float(found.group(1)) / 1000)
                mine_cpu.append(float(found.group(2)) / 1000)
                n += 1
        with lock:
            server.extend(mine_server)
            server_cpu.extend(mine_cpu)
            trips.extend(mine_trips)

    pool = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return {"server": server, "server_cpu": server_cpu, "trips": trips}


def _under_load(app: Any, links: list[str], seconds: float) -> dict[str, Any]:
    """The shim under uvicorn, clicked from a second (spawned) process."""
    with serving(app) as base:
        with httpx.Client(base_url=base) as warm:
            for link in links * 10:
                warm.get(link, follow_redirects=False)
        spawn = multiprocessing.get_context("spawn")
        with spawn.Pool(1) as pool:
            got = pool.apply(_clicker, (base, links, seconds, LOAD_THREADS))
    server, trips = got["server"], got["trips"]
    return {
        "server_decision": _percentiles(server),
        "server_decision_cpu": _percentiles(got["server_cpu"]),
        "round_trip": _percentiles(trips),
        "clicks_per_s": round(len(trips) / seconds, 1),
        "client_threads": LOAD_THREADS,
        "seconds": seconds,
    }


def _qr_data_uri(text: str) -> str:
    data = pictures.encode(pictures.qr(text))
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def run(rounds: int, load_seconds: float = 10.0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        arguments = ["feeds", "import", str(REPO / "examples" / "feeds"), "--category"]
        CliRunner().invoke(cli_app, [*arguments, "from-file", "--source", "s", "--home", str(home)])
        store = Store.open(home=home)
        with store.transaction() as session:
            tenant = create_tenant(session, slug="acme", name="Acme")
            create_user(session, tenant.id, "alice", PASSWORD, "senior")
            key = issue_api_key(session, tenant.id, "platform")[1]
        signer = LinkSigner.generate()
        app = create_app(
            store=store, scanner=Scanner.load(home), ladder=Ladder.default(), signer=signer
        )
        results: dict[str, Any] = {"shim": {}, "shim_core": {}, "case_page": {}}
        links = [signer.link(url, "acme") for url in URLS.values()]
        results["shim_under_load"] = _under_load(app, links, load_seconds)
        scanner = app.state.bastion.scanner
        for name, url in URLS.items():
            results["shim_core"][name] = _percentiles(_core(signer, scanner, url, rounds))
        with TestClient(app) as client:
            for name, url in URLS.items():
                link = signer.link(url, "acme")
                results["shim"][name] = _percentiles(_timed(client, link, rounds))
            bearer = {"Authorization": f"Bearer {key}"}
            handles = " ".join(f"飞机 @tg_casino_vip{n} 每日爆分" for n in range(50))
            for n in range(20):
                client.post(
                    "/v1/check",
                    json={"id": f"old-{n}", "text": "官网 12bet.com", "account_id": "u-1"},
                    headers=bearer,
                )
            images = [_qr_data_uri(f"https://example.org/menu/{n}") for n in range(4)]
            checked = client.post(
                "/v1/check",
                json={"id": "big", "text": handles, "account_id": "u-1", "images": images},
                headers=bearer,
            )
            assert checked.status_code == 200, checked.text
            client.post(
                "/v1/reports",
                json={"item_id": "big", "reason": "gambling", "reporter_id": "r-1"},
                headers=bearer,
            )
            client.post(
                "/v1/check",
                json={"id": "small", "text": "飞机 @tg_casino_vip 每日爆分", "account_id": "u-2"},
                headers=bearer,
            )
            form = client.get("/console/login")
            token = form.text.split('name="csrf" value="')[1].split('"')[0]
            client.post(
                "/console/login",
                data={"csrf": token, "tenant": "acme", "username": "alice", "password": PASSWORD},
            )
            queue = client.get("/console/queue").text
            case_ids = re.findall(r'href="/console/cases/(\d+)"', queue)
            pages = {c: client.get(f"/console/cases/{c}").text for c in case_ids}
            case_id = next(c for c, text in pages.items() if "<code>big</code>" in text)
            small_id = next(c for c, text in pages.items() if "<code>small</code>" in text)
            shown = client.get(f"/console/cases/{case_id}").text
            account = client.get("/v1/accounts/u-1", headers=bearer).json()
            page = _timed(client, f"/console/cases/{case_id}", max(rounds // 10, 50))
            picture = _timed(client, f"/console/cases/{case_id}/pictures/0", 50)
            results["case_page"] = {
                **_percentiles(page),
                "entities_in_item": shown.count('<mark class="entity"'),
                "pictures_shown": shown.count("/pictures/"),
                "boxes_drawn": shown.count('<rect class="box'),
                "earlier_actions": len(account.get("actions", [])),
                "bytes": len(shown.encode()),
            }
            results["case_picture"] = _percentiles(picture)
            small = _timed(client, f"/console/cases/{small_id}", max(rounds // 10, 50))
            results["case_page_small"] = {
                **_percentiles(small),
                "note": "peer in the same run: one entity, no picture, no history",
            }
        store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--load-seconds", type=float, default=10.0)
    args = parser.parse_args()
    results = run(args.rounds, args.load_seconds)
    payload = {
        "bars": {"shim_p99_ms": 1.0, "case_page_p99_ms": 100.0},
        "load": os.getloadavg()[0],
        **results,
    }
    path = common.write_result("pages", payload)
    for kind in ("shim_core", "shim"):
        for name, figures in results[kind].items():
            p50, p99 = figures["p50_ms"], figures["p99_ms"]
            print(f"{kind:9} {name:18} p50 {p50:7.3f} ms  p99 {p99:7.3f} ms")
    load = results["shim_under_load"]
    for name in ("server_decision", "server_decision_cpu", "round_trip"):
        p50, p99 = load[name]["p50_ms"], load[name]["p99_ms"]
        print(f"under load {name:16} p50 {p50:7.3f} ms  p99 {p99:7.3f} ms")
    print(f"under load {load['clicks_per_s']} clicks/s from {load['client_threads']} threads")
    page = results["case_page"]
    print(f"case page           p50 {page['p50_ms']:7.3f} ms  p99 {page['p99_ms']:7.3f} ms")
    print(f"  ({page['entities_in_item']} entities, {page['pictures_shown']} pictures, ", end="")
    print(f"{page['boxes_drawn']} boxes, {page['earlier_actions']} earlier actions)")
    small = results["case_page_small"]
    print(f"small case page     p50 {small['p50_ms']:7.3f} ms  p99 {small['p99_ms']:7.3f} ms")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
