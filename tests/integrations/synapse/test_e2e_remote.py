"""End to end, remote mode: Synapse asks a running Bastion API (``POST /v1/check``); when that API
is down, each callback follows its fail-open/closed choice from the README's snippet."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import httpx
import pytest

from bastion.cli.serve import build_app
from tests.integrations.synapse.conftest import (
    BastionHome,
    bound_socket,
    make_home,
    module_config,
    serving_on,
    start,
)
from tests.integrations.synapse.homeserver import Client, Homeserver, readme_snippet

pytestmark = pytest.mark.synapse

DISGUISED = "最新网址 188bet 点 com 注册送彩金"
CLEAN = "see you at the station at six"


@dataclass
class Remote:
    home: BastionHome
    hs: Homeserver
    api_url: str
    room: str
    alice: Client
    bob: Client
    api: ExitStack

    def account(self, user: Client) -> dict[str, object]:
        key = self.home.tenant.keys["platform"]
        response = httpx.get(
            f"{self.api_url}/v1/accounts/{user.user_id[1:]}",
            headers={"Authorization": f"Bearer {key}"},
            timeout=60,
        )
        return dict(response.json()) if response.status_code == 200 else {}


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Remote]:
    home = make_home(tmp_path_factory.mktemp("bastion-remote"))
    key_file = home.path / "synapse.key"
    key_file.write_text(home.tenant.keys["platform"] + "\n", encoding="utf-8")
    api_sock, api_url = bound_socket()
    # a generous timeout: the shared 2-core test machine can take seconds for a first check
    modules = module_config(
        readme_snippet("remote"), url=api_url, api_key_file=str(key_file), timeout=20.0
    )
    hs = start(tmp_path_factory.mktemp("synapse-remote"), modules)
    try:
        with ExitStack() as api:
            api.enter_context(serving_on(api_sock, build_app(home.path, upkeep_interval=None)))
            alice, bob = hs.register("alice"), hs.register("bob")
            room = alice.create_room()
            bob.join(room)
            yield Remote(home, hs, api_url, room, alice, bob, api)
    finally:
        hs.stop()


def test_disguised_listed_link_is_rejected_and_enforced_by_the_server(remote: Remote) -> None:
    response = remote.alice.send(remote.room, DISGUISED)
    assert response.status_code == 403, response.text
    error = response.json()
    assert error["errcode"] == "M_FORBIDDEN"
    assert error["org.bastion.rule"] == "link.listed"
    assert "gambling site" in error["error"]
    account = remote.account(remote.alice)
    assert account["active_strikes"] == 1  # the server stored and enforced the decision


def test_clean_message_is_delivered(remote: Remote) -> None:
    assert remote.alice.send(remote.room, CLEAN).status_code == 200
    assert CLEAN in remote.bob.bodies(remote.room)


def test_bastion_down_fails_closed_for_links_and_open_for_the_rest(remote: Remote) -> None:
    remote.api.close()  # the Bastion API stops; Synapse keeps running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{remote.api_url}/v1/stats", timeout=5)
    link = remote.alice.send(remote.room, "new mirror: example.org/join")
    assert link.status_code == 403, link.text
    error = link.json()
    assert error["org.bastion.verdict"] == "unavailable"
    assert error["error"] == (
        "This message could not be checked right now and was not accepted; try again shortly."
    )
    plain = "running late, start without me"
    assert remote.alice.send(remote.room, plain).status_code == 200
    assert plain in remote.bob.bodies(remote.room)
