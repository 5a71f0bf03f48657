"""One home for every command: ``--home`` > ``$BASTION_HOME`` > ``./.bastion``.

Two real homes are built, a target and a decoy with different feeds, tenants and audit events.
Every command of the Typer tree is run with ``--home TARGET`` while ``$BASTION_HOME`` names the
decoy, and must act on the target: a command added without ``--home``, or without a case here,
fails this file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
import typer
from typer.testing import CliRunner, Result

from bastion.cli import app
from bastion.store import Store
from bastion.store.audit import verify

runner = CliRunner()


@dataclass(frozen=True)
class Home:
    root: Path
    name: str  # "target" or "decoy": in its feed source, tenant slug and listed domain

    @property
    def domain(self) -> str:
        return f"{self.name}-only-casino.com"

    @property
    def tenant(self) -> str:
        return f"{self.name}-t"

    def audit_events(self) -> int:
        with Store.open(home=self.root) as store:
            return store.run(verify, readonly=True).events_checked


def build_home(root: Path, name: str, tenants: int) -> Home:
    home = Home(root, name)
    feed = root.parent / f"{name}-feed.txt"
    feed.write_text(f"{home.domain}\n", encoding="utf-8")
    base = ["--home", str(root)]
    imported = runner.invoke(
        app, ["feeds", "import", str(feed), "-c", "gambling", "-f", "domains", "-s", name, *base]
    )
    assert imported.exit_code == 0, imported.output
    for n in range(tenants):
        slug = home.tenant if n == 0 else f"{home.tenant}{n}"
        made = runner.invoke(app, ["tenants", "create", slug, "--slug", slug, *base])
        assert made.exit_code == 0, made.output
    return home


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Home, Home]:
    """``(target, decoy)``; ``$BASTION_HOME`` is the decoy and the working directory is empty."""
    target = build_home(tmp_path / "target", "target", tenants=1)
    decoy = build_home(tmp_path / "decoy", "decoy", tenants=2)
    assert target.audit_events() != decoy.audit_events()
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("BASTION_HOME", str(decoy.root))
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    return target, decoy


def leaf_commands() -> dict[str, click.Command]:
    def walk(command: click.Command, path: str) -> dict[str, click.Command]:
        children = getattr(command, "commands", None)
        if not children:
            return {path: command}
        found: dict[str, click.Command] = {}
        for name, child in children.items():
            found.update(walk(child, f"{path} {name}".strip()))
        return found

    root: Any = typer.main.get_command(app)  # typer's bundled click: the same classes at run time
    return walk(root, "")


Check = Callable[[Result, Home, Home], None]
CASES: dict[str, tuple[list[str], Check]] = {}


def case(path: str, *argv: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        CASES[path] = (list(argv), check)
        return check

    return register


def ok(result: Result) -> None:
    assert result.exit_code == 0, (result.stdout, result.stderr)


@case("scan", "{input}")
def _scan(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    entities = {e["value"]: e.get("category") for e in json.loads(result.stdout)["entities"]}
    assert entities == {target.domain: "gambling", decoy.domain: None}


@case("explain", "see {target} and {decoy}", "--json")
def _explain(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    entities = {e["value"]: e.get("category") for e in json.loads(result.stdout)["entities"]}
    assert entities == {target.domain: "gambling", decoy.domain: None}


@case("serve", "--port", "9")
def _serve(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert f"home {target.root}" in result.stderr


@case("feeds import", "{newfeed}", "-c", "scam", "-f", "domains", "-s", "fresh")
def _feeds_import(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "feeds" / "fresh").is_dir()
    assert not (decoy.root / "feeds" / "fresh").exists()


@case("model train", "--data", "{labelled}", "--test-fraction", "0")
def _model_train(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "models" / "text_model.npz").is_file()
    assert not (decoy.root / "models").exists()


@case("feeds list", "--json")
def _feeds_list(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert [m["source"] for m in json.loads(result.stdout)] == ["target"]


@case("feeds lookup", "{target}", "{decoy}")
def _feeds_lookup(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert f"{target.domain}\tgambling" in result.stdout
    assert f"{decoy.domain}\tnot listed" in result.stdout


@case("feeds remove", "target")
def _feeds_remove(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert not (target.root / "feeds" / "target").exists()
    assert (decoy.root / "feeds" / "decoy").is_dir()


@case("tenants create", "Fresh Co")
def _tenants_create(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    listing = runner.invoke(app, ["tenants", "list", "--home", str(target.root)])
    assert "fresh-co\tFresh Co" in listing.stdout


@case("tenants key", "target-t", "--role", "moderator")
def _tenants_key(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert result.stdout.strip().startswith("bst_")


@case("tenants list")
def _tenants_list(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [target.tenant]


@case("tenants webhook", "target-t")
def _tenants_webhook(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert "off" in result.stderr


@case("report", "--from", "2026-01-01", "--to", "2026-01-31", "--tenant", "target-t")
def _report(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert json.loads(result.stdout)


@case("audit verify")
def _audit_verify(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert result.stdout.strip() == f"ok: {target.audit_events()} events"


@case("audit checkpoint")
def _audit_checkpoint(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "audit-checkpoints.jsonl").is_file()
    assert not (decoy.root / "audit-checkpoints.jsonl").exists()


@case("entities import", "{entities}")
def _entities_import(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "entities.json.gz").is_file()
    assert not (decoy.root / "entities.json.gz").exists()


@case("entities list", "--json")
def _entities_list(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert "中国军网" not in names  # the packaged registry: the target home has none of its own


@case("tenants keys")
def _tenants_keys(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    tenants = {line.split("\t")[1] for line in result.stdout.splitlines()[1:]}
    assert tenants == {target.tenant}


@case("tenants revoke", "1")
def _tenants_revoke(result: Result, target: Home, decoy: Home) -> None:
    ok(result)

    def revoked(home: Home) -> bool:
        listing = runner.invoke(app, ["tenants", "keys", "--all", "--home", str(home.root)])
        row = next(line for line in listing.stdout.splitlines() if line.startswith("1\t"))
        return row.split("\t")[4] != "-"

    assert revoked(target) and not revoked(decoy)


@case("shim rotate")
def _shim_rotate(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "shim-keys.json").is_file()


@case("shim keys")
def _shim_keys(result: Result, target: Home, decoy: Home) -> None:
    assert result.exit_code == 1 and str(target.root) in result.stderr


@case("shim retire", "k1")
def _shim_retire(result: Result, target: Home, decoy: Home) -> None:
    assert result.exit_code == 1 and str(target.root) in result.stderr


@case("shim sign", "https://example.org/")
def _shim_sign(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert result.stdout.startswith("/l?u=") and (target.root / "shim-keys.json").is_file()


@case("users create", "target-t", "alice", "--password-stdin")
def _users_create(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    listing = runner.invoke(app, ["users", "list", "target-t", "--home", str(target.root)])
    assert listing.stdout == "alice\tmoderator\tactive\n"


@case("users list", "target-t")
def _users_list(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert result.stdout == ""


@case("users reset", "target-t", "alice", "--password-stdin")
def _users_reset(result: Result, target: Home, decoy: Home) -> None:
    assert result.exit_code == 1 and "no user 'alice'" in result.stderr


@case("users disable", "target-t", "alice")
def _users_disable(result: Result, target: Home, decoy: Home) -> None:
    assert result.exit_code == 1 and "no user 'alice'" in result.stderr


@case("clusters", "--in", "{posts}", "--index")
def _clusters(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "near_duplicates" / "clusters.npz").is_file()
    assert not (decoy.root / "near_duplicates").exists()


@case("sweep", "{input}", "--workers", "1", "--campaign", "c1")
def _sweep(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "sweeps" / "c1").is_dir()
    assert not (decoy.root / "sweeps").exists()


@case("ingest", "{sweep}", "--tenant", "target-t", "--campaign", "c1")
def _ingest(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert target.audit_events() > 0


@case("topics import", "{topics}")
def _topics_import(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "near_duplicates" / "topics.json").is_file()
    assert not (decoy.root / "near_duplicates").exists()


@case("claims import", "{claims}")
def _claims_import(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "claims" / "claims.json").is_file()
    assert not (decoy.root / "claims").exists()


@case("credentials import", "{credentials}")
def _credentials_import(result: Result, target: Home, decoy: Home) -> None:
    ok(result)
    assert (target.root / "credentials" / "credentials.json").is_file()
    assert not (decoy.root / "credentials").exists()


def test_every_case_is_a_real_command() -> None:
    assert set(CASES) <= set(leaf_commands()), set(CASES) - set(leaf_commands())


@pytest.mark.parametrize("path", sorted(leaf_commands()))
def test_every_command_has_a_home_option(path: str) -> None:
    command = leaf_commands()[path]
    options = {opt for param in command.params for opt in getattr(param, "opts", [])}
    assert "--home" in options, f"`bastion {path}` has no --home option"


@pytest.mark.parametrize("path", sorted(leaf_commands()))
def test_every_command_acts_on_the_home_it_is_given(
    path: str, homes: tuple[Home, Home], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert path in CASES, f"`bastion {path}` needs a case in {__name__}"
    target, decoy = homes
    argv, check = CASES[path]
    newfeed = target.root.parent / "fresh.txt"
    newfeed.write_text("fresh-scam-host.com\n", encoding="utf-8")
    line = {"id": "1", "text": f"see {target.domain} and {decoy.domain}"}
    source = target.root.parent / "in.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    labelled = target.root.parent / "labelled.csv"
    rows = [f"百家乐首充送彩金{n},gambling\n明天{n}点一起吃饭,normal" for n in range(10)]
    labelled.write_text("text,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    entities = target.root.parent / "entities.csv"
    entities.write_text("name,kind\n中国军网,military\n", encoding="utf-8")
    posts = target.root.parent / "posts.jsonl"
    copies = [f"今天某地突发暴雨，大家注意出行安全，转发扩散 {'!' * n}" for n in range(4)]
    posts.write_text(
        "".join(
            json.dumps({"id": f"p{n}", "text": text, "account_id": f"a{n}"}) + "\n"
            for n, text in enumerate(copies)
        ),
        encoding="utf-8",
    )
    topics = target.root.parent / "topics.txt"
    topics.write_text("#某地暴雨#\n", encoding="utf-8")
    claims = target.root.parent / "claims.csv"
    claims.write_text(
        "claim,verdict,source_url\n5G towers spread the coronavirus,False,https://f.example/1\n",
        encoding="utf-8",
    )
    credentials = target.root.parent / "credentials.csv"
    credentials.write_text("account_id,domain,issuer,id\nu1,legal,Bar,7\n", encoding="utf-8")
    values = {
        "{labelled}": str(labelled),
        "{entities}": str(entities),
        "{claims}": str(claims),
        "{credentials}": str(credentials),
        "{posts}": str(posts),
        "{topics}": str(topics),
        "{input}": str(source),
        "{sweep}": str(target.root.parent / "sweep-out"),
        "{newfeed}": str(newfeed),
        "{target}": target.domain,
        "{decoy}": decoy.domain,
    }
    args = [value for arg in argv for value in [_fill(arg, values)]]
    if "{sweep}" in argv:  # ingest reads a finished sweep of the target home
        swept = runner.invoke(
            app,
            ["sweep", str(source), "--workers", "1", "--campaign", "c1",
             "--out", values["{sweep}"], "--home", str(target.root)],
        )  # fmt: skip
        ok(swept)
    # serve would block in uvicorn: record the app it built instead of listening.
    served: list[object] = []
    monkeypatch.setattr("bastion.cli.serve.uvicorn.run", lambda app, **kw: served.append(app))
    decoy_before = sorted(p.name for p in decoy.root.rglob("*"))
    password = "correct horse battery\n"  # for the commands that read one from stdin
    result = runner.invoke(app, [*path.split(), *args, "--home", str(target.root)], input=password)
    check(result, target, decoy)
    assert sorted(p.name for p in decoy.root.rglob("*")) == decoy_before
    assert not Path(".bastion").exists()
    if path == "serve":
        assert served, "serve did not build an app"


def _fill(arg: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        arg = arg.replace(key, value)
    return arg


def test_precedence_is_option_then_environment_then_dot_bastion(
    homes: tuple[Home, Home], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target, decoy = homes
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))  # ~/.bastion must never be used

    def sources(*args: str) -> list[str]:
        result = runner.invoke(app, ["feeds", "list", "--json", *args])
        ok(result)
        return [m["source"] for m in json.loads(result.stdout)]

    def audit(*args: str) -> str:
        result = runner.invoke(app, ["audit", "verify", *args])
        return str(result.stdout.strip() or result.stderr.strip())

    assert sources("--home", str(target.root)) == ["target"]
    assert sources() == ["decoy"]
    assert audit() == f"ok: {decoy.audit_events()} events"
    monkeypatch.delenv("BASTION_HOME")
    assert sources() == []
    assert "no Bastion store at .bastion/bastion.db" in audit()
    Path(".bastion").symlink_to(target.root)
    assert sources() == ["target"]
    assert audit() == f"ok: {target.audit_events()} events"
    assert not (tmp_path / "user-home").exists()
