"""``make screenshots``: each main page in a real Chromium, saved under ``docs/screenshots/``.

Builds a throw-away home with the sample feeds, a tenant, two console users and a few flagged
messages, serves the app on loopback, and photographs the pages a moderator, a user and the
public meet. Offline: the browser resolves nothing but loopback.
"""

from __future__ import annotations

import sys
import tempfile
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
        app = create_app(
            store=store, scanner=Scanner.load(home), ladder=Ladder.default(), signer=signer
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
