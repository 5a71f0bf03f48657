"""``bastion tenants ...`` and ``bastion serve`` (mounted on a local Typer app until the lead
registers them in ``bastion.cli``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from bastion.cli import app as bastion_app
from bastion.cli.serve import build_app, serve_command
from bastion.cli.tenants import tenants_app
from tests.support.live import free_port, wait_until_serving

app = typer.Typer()
app.add_typer(tenants_app, name="tenants")
app.command("serve")(serve_command)
runner = CliRunner()


def test_tenants_create_key_list_and_webhook(tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    made = runner.invoke(app, ["tenants", "create", "Acme Social", "--home", home])
    assert made.exit_code == 0, made.output
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("bst_")
    again = runner.invoke(app, ["tenants", "create", "Acme Social", "--home", home])
    assert again.exit_code == 1 and "already exists" in again.stderr
    bad = runner.invoke(app, ["tenants", "create", "X", "--role", "root", "--home", home])
    assert bad.exit_code == 1 and "root" in bad.stderr
    mod = runner.invoke(
        app, ["tenants", "key", "acme-social", "--role", "moderator", "--home", home]
    )
    assert mod.exit_code == 0 and mod.stdout.strip().startswith("bst_")
    hook = runner.invoke(
        app,
        [
            "tenants",
            "webhook",
            "acme-social",
            "--url",
            "http://127.0.0.1:9/h",
            "--allow-private",
            "--home",
            home,
        ],
    )
    assert hook.exit_code == 0 and hook.stdout.strip().startswith("whsec_")
    listing = runner.invoke(app, ["tenants", "list", "--home", home])
    assert "acme-social\tAcme Social\tmoderator, platform\thttp://127.0.0.1:9/h" in listing.stdout
    missing = runner.invoke(app, ["tenants", "key", "nobody", "--home", home])
    assert missing.exit_code == 1


@pytest.mark.slow
def test_serve_answers_over_loopback(tmp_path: Path) -> None:
    home = tmp_path / "serve-home"
    feeds = Path(__file__).resolve().parents[2] / "examples" / "feeds"
    imported = runner.invoke(
        bastion_app,
        ["feeds", "import", str(feeds), "--category", "from-file", "--home", str(home)],
    )
    assert imported.exit_code == 0, imported.output
    made = runner.invoke(app, ["tenants", "create", "Demo", "--home", str(home)])
    key = made.stdout.strip().splitlines()[-1]
    port = free_port()
    code = "import typer; from bastion.cli.serve import serve_command; typer.run(serve_command)"
    server = subprocess.Popen(
        [sys.executable, "-c", code, "--port", str(port), "--home", str(home)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url, server)
        headers = {"Authorization": f"Bearer {key}"}
        body = {"id": "p-1", "account_id": "u-1", "text": "see 10bet.com"}
        response = httpx.post(url + "/v1/check", json=body, headers=headers, timeout=60)
        assert response.status_code == 200, response.text
        assert response.json()["verdict"] == "act"
        assert httpx.get(url + "/v1/stats", timeout=60).status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=60)
        if server.stderr is not None:
            server.stderr.close()


def test_served_app_keeps_its_report_secret_across_restarts(tmp_path: Path) -> None:
    first = build_app(tmp_path, upkeep_interval=None, no_feeds=True).state.bastion.settings.reports
    second = build_app(tmp_path, upkeep_interval=None, no_feeds=True).state.bastion.settings.reports
    assert first is not None and second is not None
    assert len(first.secret) >= 32
    assert first.secret == second.secret
