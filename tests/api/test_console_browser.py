"""A moderator's day in a real Chromium: sign in, claim, decide ten cases with the keyboard alone,
then a second (senior) moderator grants an appeal against one of those decisions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bastion.api import create_app
from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.service.users import create_user
from bastion.store import Store
from bastion.store.queries import issue_api_key
from tests.service.conftest import TenantInfo, make_tenant
from tests.support.browser import chromium
from tests.support.live import serving

PASSWORD = "correct horse battery"
CASES = 10


@pytest.fixture
def console(tmp_path: Path, scanner: Scanner) -> Iterator[dict[str, Any]]:
    store = Store.open(home=tmp_path / "home")
    tenant: TenantInfo = make_tenant(store, "acme")
    with store.transaction() as session:
        create_user(session, tenant.id, "alice", PASSWORD, "moderator")
        create_user(session, tenant.id, "bob", PASSWORD, "senior")
        platform = issue_api_key(session, tenant.id, "platform")[1]
    app = create_app(store=store, scanner=scanner, ladder=Ladder.default())
    offline = "--host-resolver-rules=MAP * ~NOTFOUND,EXCLUDE 127.0.0.1"
    bearer = {"Authorization": f"Bearer {platform}"}
    with (
        serving(app) as base,
        chromium([offline]) as browser,
        httpx.Client(base_url=base, headers=bearer, timeout=60) as api,
    ):
        for n in range(CASES):
            text = f"飞机 @tg_casino_vip{n} 每日爆分"
            checked = api.post(
                "/v1/check", json={"id": f"c-{n}", "text": text, "account_id": f"u-{n}"}
            )
            assert checked.json()["verdict"] == "review", checked.text
        yield {"base": base, "browser": browser, "api": api, "store": store}
    store.close()


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/console/login")
    page.fill("#tenant", "acme")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/console/queue")


def test_a_moderators_day_with_the_keyboard(console: dict[str, Any]) -> None:
    base, browser = console["base"], console["browser"]
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.extend([m.text] if m.type == "error" else []))
    _sign_in(page, base, "alice")
    assert page.locator("#queue-count").inner_text() == str(CASES)

    page.keyboard.press("n")
    decided: list[str] = []
    for n in range(CASES):
        page.wait_for_selector("#decide-uphold")
        title = page.locator("h1").inner_text()
        case_id = re.search(r"#(\d+)", title)
        assert case_id is not None
        decided.append(case_id.group(1))
        assert page.locator("mark.entity").count() >= 1
        page.keyboard.press("u" if n % 2 == 0 else "d")
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r".*/console/queue.*"))
    assert "queue is empty" in page.locator("#flash").inner_text()
    assert len(set(decided)) == CASES
    assert problems == []

    api = console["api"]
    actions = api.get("/v1/accounts/u-0").json()["actions"]
    upheld = next(a for a in actions if a["actor"] == "reviewer")
    appeal = api.post(
        "/v1/appeals", json={"action_id": upheld["id"], "appellant": "u-0", "text": "I was hacked"}
    ).json()

    second = browser.new_page()
    _sign_in(second, base, "bob")
    second.keyboard.press("Control+k")
    second.keyboard.type("appeals")
    second.keyboard.press("Enter")
    second.wait_for_url(f"{base}/console/appeals")
    row = second.locator(f"#appeal-{appeal['id']}")
    assert "I was hacked" in row.inner_text()
    row.locator("input[name=notes]").fill("account was compromised")
    row.locator("button.grant").click()
    assert "granted" in second.locator("#flash").inner_text()
    assert api.get("/v1/accounts/u-0").json()["active_strikes"] == 0


def test_the_palette_and_shortcuts_stay_out_of_text_fields(console: dict[str, Any]) -> None:
    base, browser = console["base"], console["browser"]
    page = browser.new_page()
    _sign_in(page, base, "alice")
    page.keyboard.press("n")
    page.wait_for_selector("#notes")
    page.click("#notes")
    page.keyboard.type("uuu dd")
    assert page.locator("#notes").input_value() == "uuu dd"
    assert page.locator("#decide-uphold").count() == 1
