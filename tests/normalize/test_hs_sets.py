"""Hyperscan sets answer as RE2 sets do; the rewrites are exact or supersets; RE2 stands in."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.normalize import hs_sets, hs_syntax

_MEMORY = 64 << 20
_PATTERNS = (
    r"a\sb",  # RE2's \s has no \v; Hyperscan's has
    r"x\S",
    r"[\s.]y",
    r"end$",  # Hyperscan's $ also matches before a final newline
    r"(?:^|[^A-Za-z])cue",  # an anchor inside a group: Hyperscan refuses it
    r"[0-9]{0}[a-c][0-9]{2}",  # X{0}: refused
    r"(?i:dot)\s?com",
    r"\bword\b",
    "点[A-Za-z]{2}",
    "(?:q|w){1,3}[ \t]{0,2}(?:id|ID)",
    "",  # an empty pattern matches everywhere
)
_ALPHABET = "ab xyz\x0b\n\t.点QqwWidIDcue0123endworddotDOTcom-é"


def _re2(patterns: tuple[str, ...]) -> hs_sets.Match:
    return hs_sets.re2_set(patterns, _MEMORY)


@pytest.fixture(scope="module")
def hs_set() -> Iterator[hs_sets.Match]:
    """A Hyperscan set of the tricky patterns (the engine is opt-in: asked for here)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(hs_sets.ENGINE_ENV, "hyperscan")
        hs_sets.hyperscan.cache_clear()
        try:
            if hs_sets.hyperscan() is None:
                pytest.skip("hyperscan does not import here")
            yield hs_sets.compiled_set(_PATTERNS, _MEMORY)
        finally:
            patch.undo()
            hs_sets.hyperscan.cache_clear()


def test_the_default_uses_only_cached_databases(tmp_path: Path) -> None:
    """Unset, the engine is ``auto``: a set whose database is not in the cache is an RE2 set
    (no compile on a new machine), one whose database is cached runs on Hyperscan."""
    code = (
        "from bastion.normalize import hs_sets\n"
        "import sys\n"
        "if hs_sets.hyperscan() is None: print('none'); sys.exit()\n"
        "print(hs_sets.engine(), hs_sets.on_hyperscan(['abc', 'x$']))\n"
        "assert sorted(hs_sets.compiled_set(['abc', 'x$'], 1 << 20)(b'abcx')) == [0, 1]\n"
    )
    env = {"PATH": "/usr/bin:/bin", hs_sets.CACHE_ENV: str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    if first.stdout.strip() == "none":
        pytest.skip("hyperscan does not import here")
    assert first.stdout.strip() == "auto False"
    assert not list(tmp_path.glob("*.hs"))
    build = {**env, hs_sets.ENGINE_ENV: "hyperscan"}
    built = subprocess.run([sys.executable, "-c", code], env=build, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert built.stdout.strip() == "hyperscan True"
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "auto True"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_hyperscan_set_answers_as_re2(hs_set: hs_sets.Match, text: str) -> None:
    data = text.encode()
    assert sorted(hs_set(data)) == sorted(_re2(_PATTERNS)(data))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x0bb", {10}),
        ("x\x0b", {1, 10}),
        ("end\n", {10}),
        ("end", {3, 10}),
        ("cue", {4, 10}),
        ("acue", {10}),
        ("b12", {5, 10}),
        ("点co", {8, 10}),
        ("a\ud800b", {10}),  # not UTF-8: RE2 answers
    ],
)
def test_the_syntax_differences(hs_set: hs_sets.Match, text: str, expected: set[int]) -> None:
    data = text.encode("utf-8", "surrogatepass")
    assert set(_re2(_PATTERNS)(data)) == expected
    assert set(hs_set(data)) == expected


def test_rewrites() -> None:
    assert hs_syntax.for_hyperscan(r"a\sb") == "a[\\t\\n\\f\\r ]b"
    assert hs_syntax.for_hyperscan(r"[^\s.]$") == "[^\\t\\n\\f\\r .]\\z"
    assert hs_syntax.for_hyperscan(r"\\s") == r"\\s"  # an escaped backslash, then s
    assert hs_syntax.for_hyperscan("[0-9]{0}x") == "x"
    assert hs_syntax.superset(r"(?:^|[^a])\bx$") == "(?:|[^a])x"
    assert hs_syntax.alternatives("(?i:ab|cd)") == ["(?i:ab)", "(?i:cd)"]
    with pytest.raises(hs_syntax.Unsupported):
        hs_syntax.for_hyperscan(r"[\S]")


def test_split_to_fit_gives_a_superset() -> None:
    pattern = "(?:abc(?:de|fg)h|xyz)q"
    pieces = hs_syntax.split_to_fit(pattern, lambda e: len(e) <= 8)
    assert pieces
    for text in ("abcdehq", "abcfghq", "xyzq"):
        assert re2.search(pattern, text)
        assert any(re2.search(piece, text) for piece in pieces)


def test_re2_stands_in_when_turned_off() -> None:
    """``BASTION_GATES=re2`` (as where hyperscan does not import) builds RE2 sets, and the
    pre-check still answers."""
    code = (
        "from bastion.normalize import hs_sets\n"
        "from bastion.extract import has_candidates\n"
        "assert hs_sets.engine() == 're2', hs_sets.engine()\n"
        "assert has_candidates('visit example.com now')\n"
        "assert not has_candidates('see you at noon')\n"
    )
    env = {"BASTION_GATES": "re2", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_re2_stands_in_when_hyperscan_does_not_import() -> None:
    code = (
        "import sys\n"
        "sys.modules['hyperscan'] = None\n"
        "from bastion.normalize import hs_sets\n"
        "assert hs_sets.engine() == 're2'\n"
        "assert sorted(hs_sets.compiled_set(['a', 'b$'], 1 << 20)(b'ab')) == [0, 1]\n"
    )
    env = {hs_sets.ENGINE_ENV: "hyperscan", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_threads_scan_at_once(hs_set: hs_sets.Match) -> None:
    """Each thread scans with scratch space of its own (the API scans in worker threads)."""
    data = ("a b " * 20_000 + "end").encode()
    expected = sorted(_re2(_PATTERNS)(data))
    results: list[list[int]] = []

    def run() -> None:
        results.extend(sorted(hs_set(data)) for _ in range(30))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 120
