"""``make screenshots``: each main page in a real Chromium, saved under ``docs/screenshots/``.

Builds a throw-away home with the sample feeds, a tenant, two console users and a few flagged
messages, serves the app on loopback, and photographs the pages a moderator, a user and the
public meet. Offline: the browser resolves nothing but loopback.
"""

from __future__ import annotations

import base64
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from typer.testing import CliRunner

from bastion.api import create_app
from bastion.cli import app as cli_app
from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.service.users import create_user
from bastion.shim.signing import LinkSigner
from bastion.store import Store
from bastion.store.queries import create_tenant, issue_api_key
from tests.extract.images import pictures
from tests.support.browser import chromium
from tests.support.live import serving

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASSWORD = "correct horse battery"
MESSAGES = [
    "飞机 @tg_casino_vip8 每日爆分 注册就送",
    "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金 加V：bet_8899",
    "WhatsApp +1 202 555 0147 guaranteed profit crypto signals",
    "热线1 8 0 0 7 2 6 5 5 4 6 代理招募 高返佣",
]


class Clock:
    """The app's clock, moved a day on before the dashboard so today's activity is in its
    window (the transparency figures cover whole days up to yesterday)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def _qr(text: str) -> str:
    data = pictures.encode(pictures.poster((pictures.qr(text), (160, 70))))
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        imported = CliRunner().invoke(
            cli_app,
            ["feeds", "import", str(REPO / "examples" / "feeds"), "--category", "from-file",
             "--source", "sample", "--home", str(home)],
        )  # fmt: skip
        if imported.exit_code != 0:
            print(imported.output, file=sys.stderr)
            return 1
        store = Store.open(home=home)
        with store.transaction() as session:
            tenant = create_tenant(session, slug="acme", name="Acme")
            create_user(session, tenant.id, "alice", PASSWORD, "senior")
            key = issue_api_key(session, tenant.id, "platform")[1]
        signer = LinkSigner.generate()
        clock = Clock()
        app = create_app(
            store=store,
            scanner=Scanner.load(home),
            ladder=Ladder.default(),
            signer=signer,
            clock=clock,
        )
        offline = "--host-resolver-rules=MAP * ~NOTFOUND,EXCLUDE 127.0.0.1"
        bearer = {"Authorization": f"Bearer {key}"}
        with (
            serving(app) as base,
            chromium([offline]) as browser,
            httpx.Client(base_url=base, headers=bearer, timeout=60) as api,
        ):
            for n, text in enumerate(MESSAGES):
                api.post("/v1/check", json={"id": f"m-{n}", "text": text, "account_id": f"u-{n}"})
            api.post(
                "/v1/check",
                json={
                    "id": "qr-1",
                    "text": "扫码进群 加飞机 @tg_casino_vip9",
                    "account_id": "u-qr",
                    "images": [_qr("http://12bet.com/register"), _qr("https://example.org/menu")],
                },
            )
            api.post(
                "/v1/reports", json={"item_id": "qr-1", "reason": "gambling", "reporter_id": "r-1"}
            )
            for n, reporter in enumerate(("r-helpful", "r-helpful", "r-noisy", "r-noisy")):
                item = f"m-{n % len(MESSAGES)}"
                api.post(
                    "/v1/reports", json={"item_id": item, "reason": "scam", "reporter_id": reporter}
                )
            for link in (
                signer.link("http://12bet.com/register", "acme", base),
                signer.link("https://example.org/", "acme", base),
                signer.link("https://0001interac.com/login", "acme", base),
            ):
                api.get(link, follow_redirects=False)
            page = browser.new_page(viewport={"width": 1280, "height": 800})

            def shot(name: str) -> None:
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
                print(f"wrote docs/screenshots/{name}.png")

            page.goto(f"{base}/console/login?tenant=acme")
            shot("console-sign-in")
            page.fill("#username", "alice")
            page.fill("#password", PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{base}/console/queue")
            shot("console-queue")
            page.keyboard.press("n")
            page.wait_for_selector("#decide-uphold")
            shot("console-case")
            page.keyboard.press("Control+k")
            shot("console-palette")
            page.keyboard.press("Escape")
            page.goto(f"{base}/console/queue")
            page.locator("tr", has_text="扫码进群").locator("a").first.click()
            page.wait_for_selector("#pictures")
            page.click("label[for=reveal-0]")
            page.wait_for_timeout(300)
            page.locator("#pictures").screenshot(path=str(OUT / "console-case-pictures.png"))
            print("wrote docs/screenshots/console-case-pictures.png")
            page.goto(f"{base}/console/queue")
            for key in ("n", "u", "d", "e"):  # claim, uphold, dismiss, escalate to the seniors
                page.keyboard.press(key)
                page.wait_for_selector("#decide-uphold")
            page.goto(f"{base}/console/queue?scope=senior")
            shot("console-senior-queue")
            page.goto(f"{base}/console/reports")
            shot("console-reports")
            time.sleep(6)  # shim clicks are written every 5 s
            clock.offset = timedelta(days=1)
            page.goto(f"{base}/console/login?tenant=acme")  # a day later the session has ended
            page.fill("#username", "alice")
            page.fill("#password", PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{base}/console/queue")
            page.goto(f"{base}/console/transparency")
            shot("console-transparency")
            page.goto(signer.link("http://12bet.com/register", "acme", base))
            shot("shim-warning")
            page.goto(signer.link("https://0001interac.com/login", "acme", base) + "&lang=zh")
            shot("shim-block-zh")
            page.goto(f"{base}/p/acme/report")
            shot("public-report")
            page.goto(f"{base}/p/acme/transparency")
            shot("public-transparency")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
