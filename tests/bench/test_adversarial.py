"""The adversarial generator: seeded, complete, and true to its labels (no peer is run here).

"True to its labels" is checked by a deliberately naive reader, independent of Bastion: it folds
compatibility forms, undoes the lookalike tables and keeps only letters and digits. Every in-bar
case must give back its expected host (label then suffix, in order) or handle that way, so a
mislabelled case (a target no reader could recover) fails here rather than skewing recall.
"""

from __future__ import annotations

import base64
import unicodedata
from pathlib import Path

import pytest

from bastion.model import Entity
from bench import adversarial, tricks
from bench.adversarial import Case, build_suite, families_of
from bench.adversarial_eval import bare_labels, bastion_found, wrong_hosts
from bench.peers import found, load_vectors, registrable_of

_INVERSE = {v: k for t in (tricks.CYRILLIC, tricks.GREEK) for k, v in t.items()}
_INVERSE |= {v: k for k, v in adversarial.SMALL_CAPS.items()} | {"○": "o", "◯": "o"}
_ROMAN = {v: k for k, v in adversarial.ROMAN.items()}
_CN = {
    c: str(i)
    for table in (tricks.CN_DIGITS, tricks.CN_DIGITS_ALT, adversarial.CN_FINANCIAL)
    for i, c in enumerate(table)
} | {"幺": "1", "两": "2"}


def skeleton(text: str) -> str:
    """Lower-case letters, digits, ``_`` and ``-`` of what a reader sees, lookalikes undone."""
    text = "".join(_ROMAN.get(c, c) for c in text)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKC", bare)
    for base in (adversarial.NEG_CIRCLED, adversarial.NEG_SQUARED):
        folded = "".join(
            chr(97 + ord(c) - base) if base <= ord(c) < base + 26 else c for c in folded
        )
    folded = "".join(_CN.get(c, _INVERSE.get(c, c)) for c in folded).lower()
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in "_-"))


def in_order(haystack: str, *needles: str) -> bool:
    pos = 0
    for needle in needles:
        found_at = haystack.find(needle, pos)
        if found_at < 0:
            return False
        pos = found_at + len(needle)
    return True


def readable(case: Case) -> bool:
    token = case.token
    if case.family == "peer_encoded":
        try:
            token = bytes.fromhex(token).decode()
        except ValueError:
            token = base64.b64decode(token).decode()
    seen = skeleton(token)
    views = {seen, seen[::-1], seen.replace("-", ""), seen.replace("_", "")}
    if case.kind == "link":
        name, *suffix = case.expected.split(".")
        leet_suffix = tuple(adversarial._leet(t, adversarial.LEET_TLD) for t in suffix)
        names = (name, adversarial._leet(name, adversarial.LEET))
        wants = {(n, *s) for n in names for s in (tuple(suffix), leet_suffix)}
        return any(in_order(v, *w) for v in views for w in wants)
    want = case.expected.lower()
    if case.kind == "qq":  # a QQ number is digits only: O is 0, l and I are 1
        views |= {v.translate(str.maketrans("oil", "011")) for v in views}
    if case.kind == "phone":
        want = want.removeprefix("86")
    return any(want in v or want.replace("-", "") in v for v in views)


@pytest.fixture(scope="module")
def suite(shared_data: Path) -> list[Case]:
    return build_suite(shared_data, per_family=4, padding_cases=2)


def test_deterministic_by_seed(shared_data: Path, suite: list[Case]) -> None:
    assert build_suite(shared_data, per_family=4, padding_cases=2) == suite
    assert build_suite(shared_data, per_family=4, padding_cases=2, seed=1) != suite


def test_every_family_surface_and_language(suite: list[Case]) -> None:
    families = set(adversarial.HOST_FAMILIES) | set(adversarial.HANDLE_FAMILIES)
    assert set(families_of(suite)) == families
    assert {c.surface for c in suite} == set(adversarial.SURFACES)
    assert {c.lang for c in suite} == {"zh", "en"}
    assert len({c.id for c in suite}) == len(suite)


def test_links_are_listed_registrable_domains(shared_data: Path, suite: list[Case]) -> None:
    data = shared_data.resolve()
    listed = {h for dots in (1, 2) for _, h in adversarial.host_pool(data, dots)}
    for case in suite:
        assert case.token in case.text, case.id
        if case.kind == "link":
            assert case.expected in listed, case.id
        assert case.min_verdict == ("act" if case.kind == "link" and case.in_bar else "review")
        assert case.in_bar == (case.family not in adversarial.OUTSIDE_BAR)
        if case.kind != "link":
            words = adversarial.WORDING[case.category][case.lang]
            assert any(w in case.text for w in words), case.id


def test_issue_families_are_generated() -> None:
    generated = set(adversarial.HOST_FAMILIES) | set(adversarial.HANDLE_FAMILIES)
    assert not adversarial.ISSUE_FAMILIES - generated


def test_every_in_bar_target_is_recoverable_by_a_naive_reader(suite: list[Case]) -> None:
    unreadable = [
        (c.id, c.token, c.expected)
        for c in suite
        if c.family != "ambiguous_link" and not readable(c)
    ]
    assert unreadable == []


def test_negatives_are_unlisted_and_benign(shared_data: Path) -> None:
    negatives = adversarial.build_negatives(shared_data, per_family=1)
    listed = {host for _, host in adversarial.host_pool(shared_data.resolve())}
    assert negatives == adversarial.build_negatives(shared_data, per_family=1)
    assert negatives and all(c.expected not in listed for c in negatives)
    assert all(c.min_verdict == "allow" and not c.in_bar for c in negatives)
    assert all(readable(c) for c in negatives)


def test_padding_really_pads(suite: list[Case]) -> None:
    for case in suite:
        if case.family in ("padding", "h_padding"):
            assert len(case.text) > 20_000


def test_skeleton_reader_rejects_a_wrong_label() -> None:
    case = Case("x", "leet_tld", "link", "bet888.com", "t", "post", "en", "gambling", (), "b3t.c0m",
                "act")  # fmt: skip
    assert not readable(case)
    assert readable(Case(**{**case.to_dict(), "token": "b3t888 d0t c0m", "tricks": ()}))


def ent(kind: str, value: str, host: str | None, rd: str | None = None) -> Entity:
    return Entity(kind=kind, raw=value, span=(0, 1), value=value, host=host, registrable_domain=rd)


def test_scoring_found_and_wrong_host() -> None:
    case = Case("x", "f", "link", "bet888.com", "t", "post", "en", "gambling", (), "t", "act",
                decoys=("ibm.com",))  # fmt: skip
    good = ent("url", "http://m.bet888.com/", "m.bet888.com", "bet888.com")
    assert bastion_found(case, [good])
    assert wrong_hosts(case, [good, ent("email", "a@ibm.com", "ibm.com", "ibm.com")]) == []
    assert wrong_hosts(case, [ent("domain", "888.com", "888.com", "888.com")]) == ["888.com"]
    assert not bastion_found(case, [ent("deeplink", "ws://bet888.com/x", None)])
    label = ent("url", "http://bet888/", "bet888")
    assert wrong_hosts(case, [label]) == [] and bare_labels(case, [label]) == ["bet888"]


def test_peer_matching() -> None:
    assert registrable_of("hxxp://x.bet888.com/a") == "bet888.com"
    assert registrable_of("kefu@mail.bet888.com") == "bet888.com"
    assert found("link", "bet888.com", ["http://www.bet888.com/reg"])
    assert not found("link", "bet888.com", ["http://888.com"])
    assert found("qq", "10225467", ["tel:1022 5467"])
    assert found("telegram", "vip_88", ["https://t.me/vip_88"])
    assert not found("wechat", "vip_88", ["https://t.me/vip_88"])


def test_committed_vectors_load() -> None:
    vectors = load_vectors()
    assert vectors, "bench/vectors holds no vectors"
    assert all(v.expected == registrable_of(v.expected) for v in vectors)
