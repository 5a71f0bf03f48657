"""A user clicks rewritten links in a real Chromium: a clean one lands with no referrer; the same
link, disabled after it was posted, shows the warning page; "Go back" works with the page's CSP;
a phishing link shows the block page, in Chinese on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bastion.api import create_app
from bastion.api.live import IntelWatch
from bastion.cli import app as cli_app
from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.shim.signing import LinkSigner
from bastion.store import Store
from tests.support.browser import chromium
from tests.support.live import Landing, serving

LATE = "luckyspin-newsite.com"
PHISH = "0001interac-secure.com"


def _import(home: Path, feeds: Path, listed: dict[str, list[str]]) -> None:
    for category, hosts in listed.items():
        (feeds / f"{category}.txt").write_text("\n".join(hosts) + "\n", encoding="utf-8")
    arguments = ["feeds", "import", str(feeds), "--category", "from-file", "--source", "t"]
    outcome = CliRunner().invoke(cli_app, [*arguments, "--home", str(home)])
    assert outcome.exit_code == 0, outcome.output


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    home, feeds = tmp_path / "home", tmp_path / "feeds"
    feeds.mkdir()
    _import(home, feeds, {"gambling": ["12bet.com"], "phishing": [PHISH]})
    signer = LinkSigner.generate()
    store = Store.open(home=home)
    app = create_app(
        store=store,
        scanner=Scanner.load(home),
        ladder=Ladder.default(),
        signer=signer,
        intel=IntelWatch(home, interval=0.0),
    )
    with Landing().running() as landing, serving(app) as base:
        mapped = f"MAP {LATE} 127.0.0.1:{landing.port}"
        rules = f"--host-resolver-rules={mapped},MAP * ~NOTFOUND,EXCLUDE 127.0.0.1"
        with chromium([rules]) as browser:
            yield {
                "home": home,
                "feeds": feeds,
                "signer": signer,
                "base": base,
                "landing": landing,
                "browser": browser,
            }
    store.close()


def test_a_link_disabled_after_posting_warns_on_the_next_click(world: dict[str, Any]) -> None:
    signer: LinkSigner = world["signer"]
    landing: Landing = world["landing"]
    link = signer.link(f"http://{LATE}/promo?ref=chat", "", world["base"])
    page = world["browser"].new_page()
    csp_errors: list[str] = []
    page.on(
        "console", lambda m: csp_errors.append(m.text) if "Content Security" in m.text else None
    )

    page.goto(link)
    assert page.locator("#landed").inner_text() == "landed"
    assert landing.paths == ["/promo?ref=chat"] and landing.referers == [None]

    _import(world["home"], world["feeds"], {"gambling": ["12bet.com", LATE]})
    page.goto(world["base"] + "/static/shim.css")  # somewhere to come back to
    page.goto(link)
    assert page.locator("#title").inner_text() == "This link may be harmful"
    assert page.locator("#host").inner_text() == LATE
    assert page.locator("#category").inner_text() == "illegal gambling"
    assert page.locator("#continue").count() == 0
    assert len(landing.paths) == 1
    page.locator("#back").click()
    page.wait_for_url(world["base"] + "/static/shim.css")
    assert csp_errors == []


def test_phishing_is_blocked_and_the_page_speaks_chinese(world: dict[str, Any]) -> None:
    signer: LinkSigner = world["signer"]
    link = signer.link(f"https://{PHISH}/login", "", world["base"])
    page = world["browser"].new_page()
    response = page.goto(link)
    assert response is not None and response.status == 403
    assert page.locator("#title").inner_text() == "This link has been blocked"
    page.locator("nav.lang a").click()
    assert page.locator("#title").inner_text() == "此链接已被拦截"
    assert page.locator("#category").inner_text() == "钓鱼网站"


def test_a_tampered_link_goes_nowhere(world: dict[str, Any]) -> None:
    signer: LinkSigner = world["signer"]
    link = signer.link(f"http://{LATE}/promo", "", world["base"]).replace("promo", "other")
    page = world["browser"].new_page()
    response = page.goto(link)
    assert response is not None and response.status == 400
    assert page.locator("#title").inner_text() == "This link is not valid"
    assert world["landing"].paths == []
