"""Listing and revoking API keys: the CLI and the admin endpoint; a revoked key stops at once,
even when the server holds it in its auth cache and another process revoked it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bastion.cli import app as bastion_app
from bastion.store import audit
from tests.api.conftest import BastionClient

runner = CliRunner()


def _key_id(client: BastionClient, role: str) -> int:
    listed = client.get("/v1/keys", headers=client.auth("admin"))
    assert listed.status_code == 200, listed.text
    return int(next(k["id"] for k in listed.json()["keys"] if k["role"] == role))


def _until(condition, attempts: int = 200):  # type: ignore[no-untyped-def]
    """Poll ``condition`` (PostgreSQL's listener starts in the background); bounded."""
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.05)
    return False


def _cached(api: BastionClient, role: str) -> bool:
    """True once the server trusts a cached lookup for ``role``'s key (the cache is live)."""
    assert api.get("/v1/stats", headers=api.auth(role)).status_code == 200
    cache = api.app.state.bastion.key_cache  # type: ignore[attr-defined]
    return any(p is not None and p.role == role for p, _, _ in cache.values())


def test_cli_revocation_ends_a_cached_key_at_once(
    api: BastionClient, backend_url: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI is another process's store: only the key generation tells this server."""
    assert _until(lambda: _cached(api, "platform")), "auth cache never used"
    key_id = _key_id(api, "platform")
    if backend_url:
        monkeypatch.setenv("BASTION_DATABASE_URL", backend_url)
    else:
        monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    home = str(tmp_path / "home")
    done = runner.invoke(bastion_app, ["tenants", "revoke", str(key_id), "--home", home])
    assert done.exit_code == 0, done.output
    assert "revoked" in done.stderr
    if backend_url is None:  # SQLite: the very next request
        assert api.get("/v1/stats", headers=api.auth("platform")).status_code == 401
    else:  # PostgreSQL: as soon as the NOTIFY arrives
        assert _until(lambda: api.get("/v1/stats", headers=api.auth("platform")).status_code == 401)
    assert api.get("/v1/stats", headers=api.auth("moderator")).status_code == 200
    listed = runner.invoke(bastion_app, ["tenants", "keys", "--all", "--home", home])
    line = next(row for row in listed.stdout.splitlines() if row.startswith(f"{key_id}\t"))
    assert "\tplatform\t" in line and line.split("\t")[4] != "-"
    live = runner.invoke(bastion_app, ["tenants", "keys", api.tenant.slug, "--home", home])
    assert f"{key_id}\t" not in live.stdout and "\tmoderator\t" in live.stdout
    again = runner.invoke(bastion_app, ["tenants", "revoke", str(key_id), "--home", home])
    assert again.exit_code == 0 and "already revoked" in again.stderr
    missing = runner.invoke(bastion_app, ["tenants", "revoke", "999999", "--home", home])
    assert missing.exit_code == 1 and "no API key with id 999999" in missing.stderr


def test_admin_lists_and_revokes_its_tenants_keys(api: BastionClient) -> None:
    assert _until(lambda: _cached(api, "moderator"))
    listed = api.get("/v1/keys", headers=api.auth("admin")).json()["keys"]
    assert sorted(k["role"] for k in listed) == ["admin", "moderator", "platform", "public"]
    assert all(k["revoked_at"] is None for k in listed)
    assert not any(v.startswith("bst_") for k in listed for v in map(str, k.values()))
    moderator = _key_id(api, "moderator")
    revoked = api.post(f"/v1/keys/{moderator}:revoke", headers=api.auth("admin"))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert api.get("/v1/stats", headers=api.auth("moderator")).status_code == 401
    twice = api.post(f"/v1/keys/{moderator}:revoke", headers=api.auth("admin"))
    assert twice.json()["revoked_at"] == revoked.json()["revoked_at"]
    theirs = api.get("/v1/keys", headers=api.auth("admin", other=True)).json()["keys"]
    foreign = api.post(f"/v1/keys/{theirs[0]['id']}:revoke", headers=api.auth("admin"))
    assert foreign.status_code == 404
    assert api.get("/v1/stats", headers=api.auth("platform", other=True)).status_code == 200
    for role in ("platform", "public"):
        assert api.get("/v1/keys", headers=api.auth(role)).status_code == 403
    with api.store.transaction(readonly=True) as session:
        assert audit.verify(session).ok
