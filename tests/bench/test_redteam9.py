"""The ninth red-team suite is deterministic by seed, has its families and a sound plain control.

No recall threshold here: the suite is held out, its figures live in bench/results/. Each planted
host or id must really be there for a careful reader: the case's ``key`` (the message read
plainly) holds it written plainly, with none of the disguise or its hint left, and every host
comes from the list row it names. With ``BASTION_BENCH_HOME`` set, the keys are also scanned.
"""

from __future__ import annotations

import base64
import os
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench import redteam9_tricks as t
from bench.common import REPO_ROOT, read_hosts, read_ips
from bench.redteam7 import Case, suite_sha256
from bench.redteam9 import GROUPS, PER_FAMILY, SEED, build, families

KINDS = {"host", "ip", "wechat", "qq", "telegram", "whatsapp", "line", "phone", "none"}
# families whose disguise leaves the planted value itself in the text (the trick is around it)
VALUE_KEPT = ("l_ip_v6_mapped", "c_ip_v6_mapped_userinfo")
# no glyph of a disguise may be left in a key (the plain control must be plain)
TRICK_GLYPHS = (
    set(t.INSULAR.values()) | set(t.MATH_LETTERS.values()) | set(t.LIGATURES.values())
    | set(t.SUBSCRIPT.values()) | set(t.RODS.values()) | set(t.SPOT_DOTS)
    | set(t.LEGEND_SYMBOLS) | {"嘀", "嗒", "—", "·"}
)  # fmt: skip
HINT_WORDS = ("Atbash", "ASCII", "base32", "base64", "Morse", "摩斯", "算筹", "减1", "二进制",
              "subtract one", "one key to the right", "往右错", "written backwards", "倒着",
              "counting rods", "数字是")  # fmt: skip


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
    again = build(data, per_family=4)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in suite]
    assert suite_sha256(again) == suite_sha256(suite)
    assert suite_sha256(build(data, seed=SEED + 1, per_family=4)) != suite_sha256(suite)


def test_every_group_has_its_families_and_no_earlier_team_name() -> None:
    fams = families()
    groups = Counter(group for group, _ in fams.values())
    assert groups["link"] >= 40 and groups["handle"] >= 15
    assert groups["review"] >= 6 and groups["benign"] >= 10
    assert set(groups) == set(GROUPS)
    assert PER_FAMILY == 40
    earlier = set()
    for n in range(2, 9):
        for path in (REPO_ROOT / "bench").glob(f"redteam{n}*.py"):
            earlier |= set(re.findall(r'"([lhrbc]3?_[a-z0-9_]+)"', path.read_text("utf-8")))
    assert not set(fams) & earlier


def test_compositions_carry_two_or_three_tricks(suite: list[Case]) -> None:
    for c in suite:
        if c.family.startswith("c3_"):
            assert len([x for x in c.tricks if x != "hint"]) >= 3, c.family
        elif c.family.startswith("c_"):
            assert len([x for x in c.tricks if x != "hint"]) >= 2, c.family


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
        if c.group == "link" and c.family not in VALUE_KEPT:
            assert c.expected[0] not in c.text, c  # disguised, not merely placed
        if c.group == "handle":
            assert c.text != c.key, c


def test_the_plain_control_is_plain(suite: list[Case]) -> None:
    """A key is the message as read: the value bounded as a word, no trick glyph, no hint."""
    for c in suite:
        if c.group in ("benign", "review"):
            continue
        assert not set(c.key) & TRICK_GLYPHS, c
        assert not any(w in c.key for w in HINT_WORDS), c
        v = c.expected[0]
        if c.kind in ("host", "ip"):
            m = re.search(
                r"(?<![A-Za-z0-9.-])" + re.escape(v) + r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])", c.key
            )
            assert m, c
        elif c.kind in ("wechat", "telegram", "line"):
            assert re.search(r"(?<![A-Za-z0-9_.])" + re.escape(v) + r"(?![A-Za-z0-9_])", c.key), c
        elif c.kind in ("qq", "phone"):
            assert re.search(r"(?<!\d)" + v + r"(?!\d)", c.key), c


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


def test_the_ciphers_decode_back() -> None:
    host = "bet888.com"
    rng = random.Random(1)
    assert t.atbash(t.atbash(host)) == host and t.atbash("bet") == "yvg"
    back = {v: k for k, v in t.QWERTY_RIGHT.items()}
    assert "".join(back.get(ch, ch) for ch in t.keyboard_right(host)) == host
    assert t.labels_reversed("888teb.moc") == host
    assert bytes(int(b, 2) for b in t.binary(host).split()).decode() == host
    assert bytes(int(b) for b in t.ascii_codes(host).split()).decode() == host
    assert base64.b32decode(t.b32(host)).decode() == host
    assert base64.b64decode(t.b64(host)[::-1][::-1]).decode() == host
    inverse = {v: k for k, v in t.MORSE.items()}
    didah = t.morse_didah(host).split(" / ")
    assert "".join(inverse[x.replace("嘀", ".").replace("嗒", "-")] for x in didah) == host
    typo = t.morse_typographic(host).split()
    assert "".join(inverse[x.replace("·", ".").replace("—", "-")] for x in typo) == host
    rods = {v: k for k, v in t.RODS.items()}
    assert "".join(rods.get(ch, ch) for ch in t.rods(rng, "bet888")) == "bet888"
    assert t.digits_plus_one("bet889") == "bet990"
    assert t.ip_from_short(t.ip_short("192.168.1.1")) == "192.168.1.1"
    assert t.ip_v6_mapped(random.Random(3), "192.168.1.1") in (
        "[::ffff:192.168.1.1]",
        "[::ffff:c0a8:101]",
    )
    names = {v: k for k, v in t.LETTER_NAMES.items()}
    assert "".join(names[w] for w in t.letter_names("bet").split()) == "bet"
    assert t.ligatures(rng, "goodaero") == "gꝏdæro"
    legend, key = t.multi_legend(random.Random(5), "bet888", 2)
    table = dict(pair.split("=") for pair in key.split())
    assert "".join(table.get(ch, ch) for ch in legend) == "bet888"


@pytest.mark.skipif(not os.environ.get("BASTION_BENCH_HOME"), reason="needs a bench home")
def test_the_plain_keys_scan_as_the_planted_value(suite: list[Case]) -> None:
    """With a bench home, the plain control itself: every link key acts on its host, every
    handle key finds its id (what bench/redteam_driver.plain_control reports as 100 %)."""
    from bench.common import load_scanner
    from bench.redteam6_score import judge

    scanner = load_scanner(Path(os.environ["BASTION_BENCH_HOME"]))
    for c in suite:
        if c.group not in ("link", "handle"):
            continue
        case: Any = c  # red team 7's case type, read by red team 6's judge as the driver does
        o = judge(case, scanner.scan({"id": c.id, "surface": c.surface, "text": c.key}))
        assert o.found and not o.wrong, (c.id, c.key, o.entities)
        if c.group == "link":
            assert o.verdict == "act", (c.id, c.key)
