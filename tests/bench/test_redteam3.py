"""The third red-team suite is reproducible and keeps a ground truth a human can recover.

No test here measures Bastion: the suite's figures live in ``bench/results/redteam3.json``.
A small "reader" undoes each disguise with the generator's own tables (inverse maps, NFKC,
removal of decoration) and checks that the planted host or handle is really in the message.
"""

from __future__ import annotations

import html
import ipaddress
import re
import socket
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from bench import redteam3 as rt
from bench.redteam3 import Case, build_suite


@pytest.fixture(scope="module")
def suite(shared_data: Path) -> list[Case]:
    return build_suite(shared_data)


def _inverse() -> dict[str, str]:
    inv: dict[str, str] = {}
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        for fn in (
            rt.circled,
            rt.parenthesized,
            rt.negative_squared,
            rt.squared,
            rt.superscript,
            rt.small_caps,
            rt.fullwidth,
            *rt.MATH_STYLES.values(),
        ):
            out = fn(c)
            if out != c:
                inv[out] = c
        inv[chr(0x1F1E6 + ord(c) - 97) if c.isalpha() else c] = c
    for table in rt.HOMOGLYPHS.values():
        for latin, glyph in table.items():
            inv[glyph] = latin
    for digits in (rt.CN_DIGITS, rt.CN_FIN, rt.CIRCLED_DIGITS):
        for d, glyph in enumerate(digits):
            inv[glyph] = str(d)
    for d, glyph in enumerate(rt.SUBSCRIPT_DIGITS):
        inv[glyph] = str(d)
    inv |= {"幺": "1", "đ": "d", "ç": "c", "ñ": "n", "⓿": "0", "⁻": "-", "\u2212": "-"}
    return inv


INVERSE = _inverse()


def read(text: str, keep: str = "-") -> str:
    """Lower-case ASCII letters, digits and ``keep`` of ``text`` with every disguise undone."""
    text = html.unescape(unquote(text))
    mapped = "".join(INVERSE.get(c, c) for c in text)
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", mapped))
    plain = "".join(INVERSE.get(c, c) for c in decomposed if not unicodedata.combining(c)).lower()
    return "".join(c for c in plain if (c.isascii() and c.isalnum()) or c in keep)


def labels_in_order(host: str, text: str) -> bool:
    pos = 0
    for label in host.split("."):
        pos = text.find(label, pos)
        if pos < 0:
            return False
        pos += len(label)
    return True


def host_readable(case: Case) -> bool:
    family, host, text = case.family, case.expect, case.text
    lines = text.split("\n")
    if family == "l_ip_literal":
        shown = re.search(r"//([0-9a-fA-Fx.]+)", text)
        if shown is None:
            return False
        return socket.inet_aton(shown.group(1)) == ipaddress.IPv4Address(host).packed
    if family == "l_idn_unicode":
        uni = host.encode("ascii").decode("idna")
        return all(label in text for label in uni.split("."))
    if family in ("l_column_grid", "l_acrostic"):
        firsts = "".join(read(line[0], keep=".-") or "." for line in lines[1:] if line)
        return firsts.replace("..", ".").strip(".") == host or firsts == host
    if family == "l_nato":
        inner = re.search(r"\(([^)]*)\)$|\(([^)]*)\)", text)
        assert inner
        words = re.split(r"[ ,\-]+", inner.group(1) or inner.group(2))
        nato = {w: c for c, w in rt.NATO.items()}
        spelled = "".join(
            nato.get(w) or str(rt.DIGIT_WORDS.index(w))
            if w in nato or w in rt.DIGIT_WORDS
            else "."
            if w.lower() in ("dot", "period")
            else "-"
            if w == "dash"
            else "?"
            for w in words
            if w
        )
        return spelled == host
    if family == "l_chatlog":
        body = "\n".join(lines[1:])
        body = re.sub(r"\[?\d\d:\d\d\]?", " ", body)
        for nick in rt.CHAT_NICKS:
            body = body.replace(nick, " ")
        return labels_in_order(host, read(body))
    if family == "l2_upside_down":
        flipped = {v: k for k, v in rt.UPSIDE.items()}
        body = "".join(flipped.get(c, c) for c in reversed(text))
        return labels_in_order(host, read(body))
    if family == "l2_spoken_zh":
        return labels_in_order(host, read(text.replace("横杠", "-")))
    if family == "l_reversed":
        return labels_in_order(host, read(text)[::-1])
    if family == "l_instruction":
        cleaned = re.sub(r"\([^)]*\)|（[^）]*）", "", text)
        for filler in "$~#^":
            cleaned = cleaned.replace(filler, "")
        cleaned = re.sub(r"[XQZ]", "", cleaned)
        return labels_in_order(host, read(cleaned))
    if family in ("l_two_lines", "l_hashtag"):
        name = host.rpartition(".")[0].replace(".", "")
        flat = read(text, keep="")
        tokens = [read(t) for t in re.split(r"[\s#：:]+", text)]
        joined = any(
            (a + b).startswith(name) for i, a in enumerate(tokens) for b in tokens[i + 1 :] if a
        )
        return joined and host.rpartition(".")[2] in flat
    return labels_in_order(host, read(text))


def handle_readable(case: Case) -> bool:
    want = case.expect
    if case.handle_kind == "phone":
        want = want.removeprefix("86")
    text = case.text
    if "symbol_words" in case.tricks:
        for word, symbol in (
            ("(下划线)", "_"),
            ("下划线", "_"),
            ("横杠", "-"),
            ("减号", "-"),
            ("(underscore)", "_"),
            (" underscore ", "_"),
            (" dash ", "-"),
        ):
            text = text.replace(word, symbol)
    if "digits_as_words" in case.tricks:
        names = {w: str(d) for d, w in enumerate(rt.DIGIT_WORDS)} | {"oh": "0"}
        out, times = [], 1
        for w in text.split():
            if w in ("double", "triple"):
                times = 2 if w == "double" else 3
            elif w in names:
                out.append(names[w] * times)
                times = 1
        text = "".join(out)
    if "chat_log" in case.tricks:
        text = re.sub(r"\[\d\d:\d\d\] ", "", text)
        for nick in rt.HANDLE_CHAT_NICKS:
            text = text.replace(nick + ": ", "")
    digits_only = want.isdigit()
    seen = read(text, keep="" if digits_only else "-_")
    if digits_only:
        seen = "".join(c for c in seen if c.isdigit())
    elif "filler" in case.tricks:
        seen = seen.replace("_", "") if "_" not in want else seen
    return want in seen or want[::-1] in seen


def test_suite_is_deterministic(suite: list[Case], shared_data: Path) -> None:
    again = build_suite(shared_data)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in suite]
    other = build_suite(shared_data, seed=rt.SEED + 1, per_family=3)
    assert [c.text for c in other[:20]] != [c.text for c in suite[:20]]


def test_every_family_is_large_and_composes_tricks(suite: list[Case]) -> None:
    sizes = Counter(c.family for c in suite)
    families = (
        set(rt.LINK_FAMILIES)
        | set(rt.HANDLE_FAMILIES)
        | set(rt.LINK_FAMILIES_2)
        | set(rt.HANDLE_FAMILIES_2)
    )
    assert families <= set(sizes)
    assert all(n >= 50 for n in sizes.values()), sizes
    assert len({c.id for c in suite}) == len(suite)
    for case in suite:
        if case.kind in ("link", "handle"):
            assert 2 <= len(case.tricks) <= 4, case
            assert case.expect and case.reading == case.expect
    assert {c.kind for c in suite} == {"link", "handle", "review", "benign"}


def test_planted_hosts_come_from_the_real_lists(suite: list[Case], shared_data: Path) -> None:
    lists: dict[str, set[str]] = {}
    for case in suite:
        if case.kind != "link":
            continue
        if case.source not in lists:
            path = shared_data / case.source
            lists[case.source] = (
                set(rt._read_list(path))
                if not case.source.endswith("_ip.txt")
                else set(path.read_text().split())
            )
        assert case.expect in lists[case.source], case.id
    links = [c.expect for c in suite if c.kind == "link" and c.family != "l_idn_unicode"]
    assert len(set(links)) == len(links)  # no host planted twice


def test_a_careful_reader_recovers_every_planted_host_and_handle(suite: list[Case]) -> None:
    unreadable = [
        c.id
        for c in suite
        if (c.kind == "link" and not host_readable(c))
        or (c.kind in ("handle", "review") and not handle_readable(c))
    ]
    assert not unreadable, unreadable[:10]


def test_benign_cases_hold_nothing_planted(suite: list[Case]) -> None:
    benign = [c for c in suite if c.kind == "benign"]
    assert len(benign) >= 600
    assert all(c.expect == "" for c in benign)
