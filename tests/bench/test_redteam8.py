"""The eighth red-team suite is deterministic by seed, has its families and readable cases.

No recall threshold here: the suite is held out, its figures live in bench/results/redteam8.json.
Each planted host or id must really be there for a careful reader (the case's ``key``, the
message read plainly, holds it) and every host must come from the list row it names.
"""

from __future__ import annotations

import base64
import os
from collections import Counter
from pathlib import Path

import pytest

from bench import redteam8_tricks as t
from bench.common import REPO_ROOT, read_hosts, read_ips
from bench.redteam7 import Case, suite_sha256
from bench.redteam8 import GROUPS, PER_FAMILY, SEED, build, families

KINDS = {"host", "ip", "wechat", "qq", "telegram", "whatsapp", "line", "phone", "none"}
# families whose disguise leaves the host itself in the text (the trick is around it)
HOST_KEPT = (
    "l_fqdn_root_dot", "l_backslash_scheme", "l_javascript_uri", "l_data_uri",
    "l_redirect_double_encoded",
)  # fmt: skip


def _data() -> Path:
    for cand in (
        os.environ.get("BASTION_DATA"),
        REPO_ROOT.parent / "shared" / "data",
        REPO_ROOT.parent.parent / "shared" / "data",
        "/work/shared/data",
    ):
        if cand and (Path(cand) / "SOURCES.md").is_file():
            return Path(cand)
    pytest.skip("shared/data is not on this machine")


@pytest.fixture(scope="module")
def data() -> Path:
    return _data()


@pytest.fixture(scope="module")
def suite(data: Path) -> list[Case]:
    return build(data, per_family=4)


def test_the_same_seed_gives_the_same_sha_and_another_seed_another(
    data: Path, suite: list[Case]
) -> None:
    assert suite_sha256(build(data, per_family=4)) == suite_sha256(suite)
    assert suite_sha256(build(data, seed=SEED + 1, per_family=4)) != suite_sha256(suite)


def test_every_group_has_its_families() -> None:
    groups = Counter(group for group, _ in families().values())
    assert groups["link"] >= 55 and groups["handle"] >= 22
    assert groups["review"] >= 6 and groups["benign"] >= 15
    assert set(groups) == set(GROUPS)
    assert PER_FAMILY == 40


def test_every_case_is_well_formed_and_its_key_holds_the_value(suite: list[Case]) -> None:
    ids = [c.id for c in suite]
    assert len(ids) == len(set(ids))
    assert set(Counter(c.family for c in suite).values()) == {4}
    for c in suite:
        assert c.group in GROUPS and c.kind in KINDS and c.text.strip(), c
        if c.group == "benign":
            assert c.expected == () and c.kind == "none" and c.key == c.text, c
            continue
        plain = c.key.replace(" ", "").replace("+", "") if c.kind == "whatsapp" else c.key
        assert c.expected and c.expected[0] in plain, c
        if c.kind in ("qq", "phone", "whatsapp"):
            assert c.expected[0].isdigit(), c
        if c.group == "link" and not c.family.startswith(HOST_KEPT):
            assert c.expected[0] not in c.text, c  # disguised, not merely placed


def test_hosts_come_from_the_row_they_name(data: Path, suite: list[Case]) -> None:
    rows: dict[str, list[str]] = {}
    for c in suite:
        if not c.source:
            continue
        rel, _, row = c.source.rpartition(":")
        if rel not in rows:
            reader = read_ips if rel.endswith("_ip.txt") else read_hosts
            rows[rel] = list(reader(data / rel))
        assert rows[rel][int(row)] == c.expected[0], c.id


def test_the_ciphers_decode_back_to_the_host() -> None:
    host = "bet888.com"
    assert t.caesar(t.caesar(host, 1), -1) == host
    assert t.caesar(t.caesar(host, 13), 13) == host
    assert base64.b64decode(t.b64(host)).decode() == host
    assert bytes.fromhex(t.hex_bytes(host).replace(" ", "")).decode() == host
    inverse = {v: k for k, v in t.MORSE.items()}
    assert "".join(inverse[x] for x in t.morse(host).split()) == host
    assert t.ip_int("192.168.1.1") == 3232235777
    assert t.braille("ab1a") == "⠁⠃⠼⠁⠰⠁"  # a letter a-j after a number takes the letter sign
