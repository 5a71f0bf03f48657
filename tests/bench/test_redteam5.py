"""Red team 5: the generator is fixed by its seed; the scorer calls a wrong host a wrong host."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.redteam5 import Case, build
from bench.redteam5_eval import judge, peer_hit


def _entity(kind: str, value: str, host: str | None = None, flags: tuple[str, ...] = ()) -> Any:
    return SimpleNamespace(
        kind=kind, value=value, host=host, registrable_domain=host, flags=list(flags)
    )


def _result(verdict: str, *entities: Any) -> Any:
    return SimpleNamespace(verdict=verdict, entities=list(entities), truncated=False)


LINK = Case(
    "x-0",
    "x",
    "link",
    "post",
    "zh",
    "官网 bet 888 点 com",
    "host",
    ("bet888.com",),
    ("www.google.com",),
)
QQ = Case("q-0", "q", "handle", "post", "zh", "QQ：一二三四五六七八九", "qq", ("123456789",))


def test_generator_is_deterministic(shared_data: Path) -> None:
    first = build(shared_data, per_family=3)
    second = build(shared_data, per_family=3)
    assert [c.to_dict() for c in first] == [c.to_dict() for c in second]
    assert {c.group for c in first} == {"link", "handle", "review", "benign"}
    assert len({c.family for c in first if c.group in ("link", "handle")}) >= 50
    assert all(c.expected for c in first if c.group != "benign")
    assert all(":" in c.source for c in first if c.group == "link")


def test_a_shorter_host_is_a_wrong_host_not_a_hit() -> None:
    outcome = judge(LINK, _result("act", _entity("domain", "888.com", "888.com")))
    assert not outcome.found and not outcome.hit
    assert outcome.wrong == ["domain:888.com"]


def test_the_true_host_is_a_hit_and_a_decoy_the_text_holds_is_not_wrong() -> None:
    outcome = judge(
        LINK,
        _result(
            "act",
            _entity("url", "https://bet888.com/", "bet888.com"),
            _entity("url", "http://www.google.com/", "www.google.com"),
        ),
    )
    assert outcome.found and outcome.hit and outcome.wrong == []
    assert not judge(LINK, _result("allow", _entity("domain", "bet888.com", "bet888.com"))).hit


def test_a_shorter_qq_number_is_a_wrong_id() -> None:
    outcome = judge(QQ, _result("review", _entity("qq", "12345678")))
    assert not outcome.found and outcome.wrong == ["qq:12345678"]
    assert judge(QQ, _result("allow", _entity("qq", "123456789"))).found


def test_peers_are_scored_by_the_same_rule() -> None:
    assert peer_hit(LINK, ["https://bet888.com/x"]) == (True, False)
    assert peer_hit(LINK, ["888.com"]) == (False, True)
    assert peer_hit(LINK, ["https://www.google.com/"]) == (False, False)
