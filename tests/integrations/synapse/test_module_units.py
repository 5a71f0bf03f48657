"""The module's parts without Synapse: config errors, the event mapping, decisions, the remote
backend's fail-open/closed choice, in-process ingest into the ladder, and the receiver."""

from __future__ import annotations

import json
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from bastion import Scanner
from bastion.enforce.webhooks import HEADER, NOTICE_HEADER, sign
from bastion.integrations.synapse.backends import InProcessBackend, RemoteBackend, item_record
from bastion.integrations.synapse.config import ConfigError, parse_config
from bastion.integrations.synapse.items import (
    account_id,
    event_id_of,
    event_item_id,
    event_items,
    member_item,
    user_id_of,
)
from bastion.integrations.synapse.receiver import PATH, ReceiverConfig, create_receiver
from bastion.model import Item
from bastion.store import Store
from tests.integrations.synapse.conftest import make_home

with warnings.catch_warnings():  # as in tests/api/conftest.py: httpx2 would need a newer idna
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

DISGUISED = "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"mode": "inprocess"}, "config key 'mode': is 'inprocess'; valid: in_process, remote"),
        ({"mode": "in_process"}, "config key 'home': in_process mode needs the Bastion home"),
        ({"home": "/h"}, "config key 'tenant': in_process mode ingests decisions into a tenant"),
        ({"mode": "remote", "api_key": "k"}, "config key 'url': remote mode needs the URL"),
        ({"mode": "remote", "url": "ftp://x", "api_key": "k"}, "config key 'url': must be an"),
        ({"mode": "remote", "url": "http://x"}, "config key 'api_key': remote mode needs"),
        ({"home": "/h", "tenant": "m", "timeout": 0}, "config key 'timeout': is 0; valid"),
        ({"home": "/h", "tenant": "m", "fail_open": {"check_evnt": True}}, "unknown callback"),
        ({"home": "/h", "tenant": "m", "strict_surfaces": ["nick"]}, "unknown 'nick'; valid:"),
        ({"home": "/h", "tenant": "m", "colour": 1}, "config key 'colour': is not a setting"),
        ({"home": "/h", "tenant": "m", "fail_open_links": "no"}, "must be true or false"),
    ],
)
def test_config_errors_name_the_key_and_the_valid_choices(
    raw: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match="bastion synapse module: ") as caught:
        parse_config(raw)
    assert message in str(caught.value)


def test_config_defaults_fail_closed_only_for_messages_with_links() -> None:
    config = parse_config({"mode": "remote", "url": "http://127.0.0.1:8000/", "api_key": "k"})
    assert config.url == "http://127.0.0.1:8000"
    assert not config.fails_open("check_event_for_spam", links=True)
    assert config.fails_open("check_event_for_spam", links=False)
    assert config.fails_open("check_media_file_for_spam", links=True)
    closed = parse_config(
        {
            "mode": "remote",
            "url": "http://x",
            "api_key": "k",
            "fail_open": {"check_media_file_for_spam": False},
        }
    )
    assert not closed.fails_open("check_media_file_for_spam", links=False)


def test_ids_round_trip_and_never_break_the_id_grammar() -> None:
    assert account_id("@alice:example.org") == "alice:example.org"
    assert user_id_of("alice:example.org") == "@alice:example.org"
    assert event_item_id("$abc-_DEF") == "ev:abc-_DEF"
    assert event_id_of("ev:abc-_DEF") == "$abc-_DEF"
    odd = account_id("@a/b=c:example.org")  # legal Matrix localpart characters, not Bastion's
    assert odd.startswith("h:") and user_id_of(odd) is None
    Item.from_dict({"id": event_item_id("$x/y=z"), "text": "t", "account_id": odd})


def test_event_mapping_picks_surfaces_and_joins_html() -> None:
    base = {"sender": "@a:hs", "room_id": "!r:hs"}
    html = {
        **base,
        "type": "m.room.message",
        "content": {
            "msgtype": "m.text",
            "body": "site",
            "format": "org.matrix.custom.html",
            "formatted_body": '<a href="https://188bet.com">site</a>',
        },
    }
    (item,) = event_items(html, event_id="$e1")
    assert (item.id, item.surface, item.account_id) == ("ev:e1", "chat", "a:hs")
    assert "188bet.com" in item.text and item.meta == {"matrix_room": "!r:hs"}
    name = {**base, "type": "m.room.name", "content": {"name": "casino"}}
    topic = {**base, "type": "m.room.topic", "content": {"topic": "t"}}
    assert [i.surface for i in event_items(name, event_id="$e2")] == ["display_name"]
    assert [i.surface for i in event_items(topic, event_id="$e3")] == ["bio"]
    reaction = {**base, "type": "m.reaction", "content": {"m.relates_to": {}}}
    assert event_items(reaction, event_id="$e4") == []
    unknown = {**base, "type": "m.room.message", "content": {"msgtype": "m.key.verification"}}
    assert event_items(unknown, event_id="$e5") == []
    one = member_item("@a:hs", "!r:hs", "Anna")
    assert one is not None and one == member_item("@a:hs", "!r:hs", "Anna")
    assert member_item("@a:hs", "!r:hs", "") is None


class _Down(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)


def _chat(text: str) -> Item:
    return Item(id="ev:x", text=text, surface="chat", platform="matrix", account_id="a:hs")


def test_remote_backend_follows_the_verdict_and_fails_per_callback() -> None:
    seen: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        assert request.headers["Authorization"] == "Bearer k"
        violations = [{"rule": "link.listed", "category": "gambling", "mode": "enforce"}]
        return httpx.Response(200, json={"verdict": "act", "violations": violations})

    config = parse_config({"mode": "remote", "url": "http://bastion", "api_key": "k"})
    up = RemoteBackend(config, transport=httpx.MockTransport(answer))
    decision = up.check(_chat(DISGUISED), "check_event_for_spam")
    assert decision.refuse and decision.rule == "link.listed"
    assert seen == [item_record(_chat(DISGUISED))]
    down = RemoteBackend(config, transport=_Down())
    assert down.check(_chat("join example.org now"), "check_event_for_spam").refuse
    assert not down.check(_chat("see you at six"), "check_event_for_spam").refuse
    assert down.check(_chat("see you at six"), "check_event_for_spam").verdict == "unavailable"
    broken = RemoteBackend(
        config, transport=httpx.MockTransport(lambda r: httpx.Response(500, text="boom"))
    )
    assert broken.check(_chat("join example.org now"), "check_event_for_spam").refuse


@pytest.mark.parametrize("process", [True, False], ids=["child-process", "thread"])
def test_in_process_backend_refuses_and_the_ladder_counts_strikes(
    tmp_path: Path, process: bool
) -> None:
    home = make_home(tmp_path / "home")
    config = parse_config(
        {
            "home": str(home.path),
            "tenant": "matrix",
            "upkeep_interval": 0,
            "ocr": False,
            "ingest_process": process,
        }
    )
    backend = InProcessBackend(config, Scanner.load(home.path, ocr=False))
    try:
        for n in range(2):
            item = Item(id=f"ev:{n}", text=DISGUISED, surface="chat", account_id="spam:hs")
            decision = backend.check(item, "check_event_for_spam")
            assert decision.refuse and decision.category == "gambling"
            assert decision.reason.startswith("This message was not accepted: it points to a")
        clean = backend.check(_chat("lunch?"), "check_event_for_spam")
        assert not clean.refuse and clean.verdict == "allow"
        name = Item(id="m:1", text="小美 加V：mei_8899", surface="display_name", account_id="a:hs")
        assert backend.check(name, "check_event_allowed").verdict == "review"
        assert backend.check(name, "check_event_allowed").refuse  # strict surface
        assert backend.ingest is not None and backend.ingest.flush(120)
    finally:
        backend.close()
    from bastion.service.accounts import account_view

    store = Store.open(home=home.path)
    try:
        view = store.run(lambda s: account_view(s, home.tenant.id, "spam:hs", datetime.now(UTC)))
    finally:
        store.engine.dispose()
    assert view["active_strikes"] == 2
    assert sorted(a["kind"] for a in view["actions"]) == [
        "disable_link",
        "disable_link",
        "suspend_monetization",
        "warn",
    ]


def _receiver(calls: list[str], status: int = 200) -> TestClient:
    def synapse(request: httpx.Request) -> httpx.Response:
        calls.append(f"{request.method} {request.url.raw_path.decode()} {request.content.decode()}")
        if "fetch_event" in request.url.path:
            return httpx.Response(404, json={"errcode": "M_NOT_FOUND"})
        return httpx.Response(status, json={})

    config = ReceiverConfig("http://synapse", "admin-token", b"whsec_test")
    app = create_receiver(config, transport=httpx.MockTransport(synapse))
    return TestClient(app)


def _post(
    client: TestClient,
    event: str,
    data: dict[str, Any],
    *,
    secret: bytes = b"whsec_test",
    notice: str = "ntc_1",
) -> httpx.Response:
    body = json.dumps({"id": notice, "event": event, "data": data}).encode()
    now = int(datetime.now(UTC).timestamp())
    headers = {
        HEADER: sign(secret, now, body),
        NOTICE_HEADER: notice,
        "Content-Type": "application/json",
    }
    response: httpx.Response = client.post(PATH, content=body, headers=headers)
    return response


def test_receiver_suspends_restores_and_dedupes() -> None:
    calls: list[str] = []
    with _receiver(calls) as client:
        decision = {
            "account": "spam:hs",
            "item": "ev:abc",
            "rule": "link.listed",
            "actions": [{"kind": "remove_content"}, {"kind": "temp_suspend"}],
        }
        response = _post(client, "enforcement.decision", decision)
        assert response.status_code == 200 and response.json()["done"] == ["suspend @spam:hs"]
        assert calls == [
            'PUT /_synapse/admin/v1/suspend/%40spam%3Ahs {"suspend":true}',
            "GET /_synapse/admin/v1/fetch_event/%24abc ",  # refused, never stored: no redaction
        ]
        assert _post(client, "enforcement.decision", decision).json()["duplicate"] is True
        assert len(calls) == 2
        reversed_ = {"account": "spam:hs", "operations": [{"reverses": "temp_suspend"}]}
        assert _post(client, "action.reversed", reversed_, notice="ntc_2").status_code == 200
        assert calls[-1] == 'PUT /_synapse/admin/v1/suspend/%40spam%3Ahs {"suspend":false}'
        ban = {"account": "spam:hs", "actions": [{"kind": "ban"}]}
        _post(client, "enforcement.decision", ban, notice="ntc_3")
        assert calls[-1] == 'POST /_synapse/admin/v1/deactivate/%40spam%3Ahs {"erase":false}'
        expired = {"account": "spam:hs", "after": {"status": "active"}}
        _post(client, "account.restored", expired, notice="ntc_4")
        assert calls[-1].endswith('{"suspend":false}')
        assert _post(client, "case.opened", {"case": 1}, notice="ntc_5").json()["done"] == []


def test_receiver_applies_a_moderators_case_decision_like_the_scans_own() -> None:
    calls: list[str] = []
    with _receiver(calls) as client:
        decided = {
            "case": 7,
            "decision": "change_action",
            "item": "ev:abc",
            "account": "spam:hs",
            "actions": [{"id": 1, "kind": "ban", "expires_at": None}],
        }
        assert _post(client, "case.decided", decided).json()["done"] == ["deactivate @spam:hs"]
        dismissed = {"case": 8, "decision": "dismiss", "account": "spam:hs", "actions": []}
        assert _post(client, "case.decided", dismissed, notice="ntc_2").json()["done"] == []
        assert calls == ['POST /_synapse/admin/v1/deactivate/%40spam%3Ahs {"erase":false}']


def test_receiver_refuses_bad_signatures_and_asks_for_a_retry_when_synapse_fails() -> None:
    calls: list[str] = []
    with _receiver(calls, status=502) as client:
        data = {"account": "spam:hs", "actions": [{"kind": "temp_suspend"}]}
        assert _post(client, "enforcement.decision", data, secret=b"wrong").status_code == 401
        assert calls == []
        failed = _post(client, "enforcement.decision", data)
        assert failed.status_code == 503  # the outbox retries with backoff, then dead-letters
        assert "HTTP 502" in failed.json()["error"]


def test_latency_benchmark_times_each_message_once_new_and_stores_every_flagged_decision(
    tmp_path: Path,
) -> None:
    """``bench.synapse_latency``'s callback pass on a few messages (counts, not times): each
    message is new to exactly one ingest setting, then comes again through both; the flagged
    ones the ingest setting saw are all in the store afterwards."""
    from bench.synapse_latency import callback_latency

    with warnings.catch_warnings():  # Synapse's import (once) meets its dependencies' deprecations
        warnings.simplefilter("ignore", DeprecationWarning)
        import synapse.module_api
        import synapse.spam_checker_api  # noqa: F401
    home = make_home(tmp_path / "home")
    texts = [f"{DISGUISED} {n}" for n in range(5)] + [f"lunch at {n}?" for n in range(5)]
    warm = [f"{DISGUISED} w{n}" for n in range(3)] + ["see you tomorrow"]
    out = callback_latency(home.path, texts, warm)
    on, off = out["flagged"], out["none"]
    assert on["first_sight"]["thread_cpu"]["n"] == off["first_sight"]["thread_cpu"]["n"] == 5
    assert on["repeat"]["thread_cpu"]["n"] == off["repeat"]["thread_cpu"]["n"] == 10
    assert on["refused"] == off["refused"] == 5
    assert on["ingest_flushed"] and "ingest" not in off
    assert on["ingest"]["distinct_items"] == 3 + 5  # the disguised ones, warm-up included
    assert on["ingest"]["stored_items"] == on["ingest"]["distinct_items"]
    assert set(out["ingest_cost_thread_cpu"]) == {"first_sight", "repeat"}
