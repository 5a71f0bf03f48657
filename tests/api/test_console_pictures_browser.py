"""The case page's pictures in a real Chromium: blurred until a click reveals them (no script),
drawn under the console's strict CSP with no violation, the QR find boxed."""

from __future__ import annotations

import base64
from pathlib import Path

import httpx

from bastion.api import create_app
from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.service.users import create_user
from bastion.store import Store
from bastion.store.queries import issue_api_key
from tests.extract.images import pictures
from tests.service.conftest import make_tenant
from tests.support.browser import chromium
from tests.support.live import serving

PASSWORD = "correct horse battery"


def test_a_picture_is_blurred_until_revealed(tmp_path: Path, scanner: Scanner) -> None:
    store = Store.open(home=tmp_path / "home")
    tenant = make_tenant(store, "acme")
    with store.transaction() as session:
        create_user(session, tenant.id, "alice", PASSWORD, "moderator")
        platform = issue_api_key(session, tenant.id, "platform")[1]
    app = create_app(store=store, scanner=scanner, ladder=Ladder.default())
    picture = pictures.encode(pictures.poster((pictures.qr("http://12bet.com/register"), (90, 60))))
    offline = "--host-resolver-rules=MAP * ~NOTFOUND,EXCLUDE 127.0.0.1"
    bearer = {"Authorization": f"Bearer {platform}"}
    with (
        serving(app) as base,
        chromium([offline]) as browser,
        httpx.Client(base_url=base, headers=bearer, timeout=60) as api,
    ):
        image = {"data": base64.b64encode(picture).decode(), "type": "image/png"}
        api.post("/v1/check", json={"id": "q-1", "text": "扫码", "images": [image]})
        api.post("/v1/reports", json={"item_id": "q-1", "reason": "gambling", "reporter_id": "r"})
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.extend([m.text] if m.type == "error" else []))
        page.goto(f"{base}/console/login?tenant=acme")
        page.fill("#username", "alice")
        page.fill("#password", PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/console/queue")
        page.keyboard.press("n")
        page.wait_for_selector("#picture-0 svg image")
        image_filter = "el => getComputedStyle(el).filter"
        assert "blur" in page.eval_on_selector("#picture-0 svg image", image_filter)
        assert page.locator("#picture-0 rect.box.listed").count() == 1
        loaded = page.evaluate(
            "async () => { const r = await fetch(document.querySelector('#picture-0 svg image')"
            ".getAttribute('href')); return [r.status, r.headers.get('content-type')]; }"
        )
        assert loaded == [200, "image/png"]
        page.click("label[for=reveal-0]")
        assert page.eval_on_selector("#picture-0 svg image", image_filter) == "none"
        page.click("label[for=reveal-0]")
        assert "blur" in page.eval_on_selector("#picture-0 svg image", image_filter)
        assert problems == []
    store.close()
