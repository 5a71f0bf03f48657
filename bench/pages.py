"""Server time of the link shim's click decision and of the console's case page (issue 9 bars).

* Shim: the decision itself (signature check, click-time scan, page render: ``shim_core``, the
  bar's "server time", p99 <= 1 ms) and ``GET /l`` end to end through the test client
  (``shim``, which adds the framework and transport), for a clean, a listed and a phishing URL.
* Case page: ``GET /console/cases/{id}`` for a case whose item holds 50 entities, whose account
  has 20 earlier actions; bar p99 <= 100 ms. (Images are not yet drawn on the case page, so the
  "4 images" part of the bar is not exercised; said in the result.)

Both through Starlette's TestClient, so the figure is the app's own time plus the in-process
transport, no network. ``python -m bench.pages [--rounds N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

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


def run(rounds: int) -> dict[str, Any]:
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
            checked = client.post(
                "/v1/check",
                json={"id": "big", "text": handles, "account_id": "u-1"},
                headers=bearer,
            ).json()
            entities = len(checked["result"]["entities"]) if "result" in checked else None
            form = client.get("/console/login")
            token = form.text.split('name="csrf" value="')[1].split('"')[0]
            client.post(
                "/console/login",
                data={"csrf": token, "tenant": "acme", "username": "alice", "password": PASSWORD},
            )
            queue = client.get("/console/queue").text
            case_id = queue.split('href="/console/cases/')[1].split('"')[0]
            page = _timed(client, f"/console/cases/{case_id}", max(rounds // 10, 50))
            results["case_page"] = {
                **_percentiles(page),
                "entities_in_item": entities,
                "earlier_actions": 20,
                "images": 0,
            }
        store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    args = parser.parse_args()
    results = run(args.rounds)
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
    page = results["case_page"]
    print(f"case page           p50 {page['p50_ms']:7.3f} ms  p99 {page['p99_ms']:7.3f} ms")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
