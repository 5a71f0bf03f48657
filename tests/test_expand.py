"""Short links: followed only through known shorteners, only to global addresses, bounded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bastion.cli.serve import build_app
from bastion.expand import ShortLinkExpander
from bastion.intel.feeds import import_feeds
from bastion.scanner import Scanner
from bastion.shim.decide import decide
from tests.support.loopback import LoopbackReceiver

SHORTENERS = frozenset({"s.test", "t.test"})
LISTED = "bet-listed.test"


def _shortener(url: str) -> bool:
    return (urlsplit(url).hostname or "") in SHORTENERS


@pytest.fixture
def to_receiver(loopback_receiver: LoopbackReceiver) -> Iterator[ShortLinkExpander]:
    """An expander whose every name resolves to the loopback receiver (the test's internet)."""
    with ShortLinkExpander(
        resolver=lambda _host, _port: ["127.0.0.1"], policy=lambda _address: None, deadline=3.0
    ) as expander:
        yield expander


def _on(receiver: LoopbackReceiver, host: str, path: str) -> str:
    return f"http://{host}:{receiver.port}{path}"


def test_a_chain_of_shorteners_is_followed_to_the_first_host_that_is_not_one(
    loopback_receiver: LoopbackReceiver, to_receiver: ShortLinkExpander
) -> None:
    final = _on(loopback_receiver, LISTED, "/landing")
    second = _on(loopback_receiver, "t.test", "/b")
    loopback_receiver.serve("/a", b"", 301, Location=second)
    loopback_receiver.serve("/b", b"", 302, Location=final)
    expansion = to_receiver.expand(_on(loopback_receiver, "s.test", "/a"), _shortener)
    assert expansion.chain == (second, final)
    assert expansion.stop == "destination" and expansion.complete
    assert expansion.final == final and expansion.requests == 2
    assert loopback_receiver.paths == ["/a", "/b"]
    assert loopback_receiver.hosts == [
        f"s.test:{loopback_receiver.port}",
        f"t.test:{loopback_receiver.port}",
    ]


def test_a_host_that_is_not_a_shortener_is_never_fetched(
    loopback_receiver: LoopbackReceiver, to_receiver: ShortLinkExpander
) -> None:
    expansion = to_receiver.expand(_on(loopback_receiver, LISTED, "/x"), _shortener)
    assert expansion.stop == "destination" and expansion.chain == ()
    assert expansion.requests == 0 and loopback_receiver.paths == []


def test_relative_locations_resolve_against_the_hop(
    loopback_receiver: LoopbackReceiver, to_receiver: ShortLinkExpander
) -> None:
    loopback_receiver.serve("/a", b"", 302, Location="/b")
    loopback_receiver.serve("/b", b"", 307, Location=f"//{LISTED}/deep?q=1")
    expansion = to_receiver.expand(_on(loopback_receiver, "s.test", "/a"), _shortener)
    assert expansion.chain == (_on(loopback_receiver, "s.test", "/b"), f"http://{LISTED}/deep?q=1")
    assert expansion.complete


@pytest.mark.parametrize(
    ("status", "location", "stop", "complete"),
    [
        (200, None, "no_redirect", True),
        (404, None, "no_redirect", True),
        (302, None, "no_redirect", True),
        (302, "javascript:alert(1)", "other_scheme", True),
        (302, "weixin://dl/chat?bet_8899", "other_scheme", True),
        (302, "/a", "max_hops", False),
        (302, "http://[::1", "error", False),
        (302, "http://" + "a" * 9000, "error", False),
    ],
)
def test_how_a_walk_ends(
    loopback_receiver: LoopbackReceiver,
    to_receiver: ShortLinkExpander,
    status: int,
    location: str | None,
    stop: str,
    complete: bool,
) -> None:
    if location is None:
        loopback_receiver.serve("/a", b"<html>hello</html>", status)
    else:
        loopback_receiver.serve("/a", b"", status, Location=location)
    expansion = to_receiver.expand(_on(loopback_receiver, "s.test", "/a"), _shortener)
    assert (expansion.stop, expansion.complete) == (stop, complete)
    if stop == "max_hops":
        assert len(loopback_receiver.paths) == to_receiver.max_hops


def test_a_server_that_never_answers_ends_at_the_deadline(
    loopback_receiver: LoopbackReceiver,
) -> None:
    loopback_receiver.hold("/slow")
    with ShortLinkExpander(
        resolver=lambda _host, _port: ["127.0.0.1"],
        policy=lambda _address: None,
        hop_timeout=30.0,
        deadline=0.3,
    ) as expander:
        expansion = expander.expand(_on(loopback_receiver, "s.test", "/slow"), _shortener)
    assert expansion.stop == "deadline" and not expansion.complete
    loopback_receiver.release()


def test_the_default_policy_never_reaches_a_non_global_address(
    loopback_receiver: LoopbackReceiver,
) -> None:
    with ShortLinkExpander() as expander:
        for url in (loopback_receiver.url("/a"), _on(loopback_receiver, "localhost", "/a")):
            expansion = expander.expand(url, lambda _url: True)
            assert expansion.stop == "refused" and not expansion.complete, expansion
    assert loopback_receiver.paths == []


def test_a_redirect_into_the_private_network_is_refused_at_that_hop(
    loopback_receiver: LoopbackReceiver,
) -> None:
    """The first hop is 'public' (a stand-in policy lets the receiver count as public), the
    Location it sends names 10.0.0.1, which the same policy refuses."""
    loopback_receiver.serve("/a", b"", 302, Location="http://10.0.0.1/admin")

    def public_loopback_only(address: str) -> str | None:
        return None if address == "127.0.0.1" else f"{address} is not global"

    with ShortLinkExpander(policy=public_loopback_only) as expander:
        expansion = expander.expand(loopback_receiver.url("/a"), lambda _url: True)
    assert expansion.chain == ("http://10.0.0.1/admin",)
    assert expansion.stop == "refused"


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="max_hops"):
        ShortLinkExpander(max_hops=0)


@pytest.fixture
def shortener_scanner(tmp_path: Path) -> Scanner:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "gambling.txt").write_text(f"{LISTED}\n")
    (feeds / "shortener.txt").write_text("s.test\nt.test\n")
    home = tmp_path / "home"
    home.mkdir()
    import_feeds(home, feeds, category="from-file", source="test")
    return Scanner.load(home)


def test_the_shim_judges_where_a_short_link_leads(
    loopback_receiver: LoopbackReceiver,
    to_receiver: ShortLinkExpander,
    shortener_scanner: Scanner,
) -> None:
    short = _on(loopback_receiver, "s.test", "/a")
    loopback_receiver.serve("/a", b"", 302, Location=f"http://{LISTED}/join")
    without = decide(shortener_scanner, short)
    assert without.decision == "redirect"
    click = decide(shortener_scanner, short, expander=to_receiver)
    assert click.decision == "warn" and click.category == "gambling"
    assert click.host == LISTED and not click.can_continue
    assert click.url == short
    assert "short link on s.test" in click.reason


def test_a_short_link_to_a_clean_site_still_redirects(
    loopback_receiver: LoopbackReceiver,
    to_receiver: ShortLinkExpander,
    shortener_scanner: Scanner,
) -> None:
    short = _on(loopback_receiver, "s.test", "/a")
    loopback_receiver.serve("/a", b"", 302, Location="https://example.org/recipes")
    click = decide(shortener_scanner, short, expander=to_receiver)
    assert click.decision == "redirect" and click.url == short


def test_a_short_link_that_cannot_be_followed_warns(
    loopback_receiver: LoopbackReceiver, shortener_scanner: Scanner
) -> None:
    with ShortLinkExpander(resolver=lambda _host, _port: ["127.0.0.1"]) as refusing:
        click = decide(shortener_scanner, _on(loopback_receiver, "s.test", "/a"), expander=refusing)
    assert click.decision == "warn" and click.category == "shortener"
    assert click.can_continue and "could not be checked (refused)" in click.reason


@pytest.mark.parametrize(("value", "on"), [(None, True), ("1", True), ("0", False)])
def test_serve_follows_short_links_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None, on: bool
) -> None:
    if value is None:
        monkeypatch.delenv("BASTION_SHIM_EXPAND", raising=False)
    else:
        monkeypatch.setenv("BASTION_SHIM_EXPAND", value)
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    ctx = build_app(tmp_path, upkeep_interval=None, no_feeds=True).state.bastion
    assert ctx.settings.shim_expand is on
    assert (ctx.expander is not None) is on
    if ctx.expander is not None:
        ctx.expander.close()
