"""Hostile input: no crash and bounded time for every parser on attacker-controlled text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.enforce.actions import parse_duration
from bastion.enforce.dsa import valid_puid
from bastion.enforce.ladder import Ladder, LadderError
from bastion.enforce.webhooks import SignatureError, parse_header, verify
from tests.support.work import steps_of

NOW = datetime(2026, 11, 20, tzinfo=UTC)
SECRET = b"s3cret"
ADVERSARIAL = [
    "a." * 25_000,
    "1" * 50_000,
    "7" * 49_999 + "d",
    "t=" + "1" * 50_000,
    "t=1,v1=" + "a" * 50_000,
    ("v1=," * 12_500),
    "=" * 50_000,
    "-_" * 25_000 + " ",
    "\u200b7d" * 10_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_long_adversarial_strings_are_rejected_quickly(text: str) -> None:
    """Rejected on their length: the Python work does not grow with the text (seen: 25)."""

    def reject() -> None:
        with pytest.raises(ValueError):
            parse_duration(text)
        with pytest.raises(SignatureError):
            parse_header(text)
        assert not verify(SECRET, text, b"{}", NOW)
        assert not valid_puid(text)

    assert steps_of(reject) <= 500


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parsers_never_crash_on_arbitrary_text(text: str) -> None:
    try:
        assert parse_duration(text).total_seconds() >= 3600
    except ValueError as exc:
        assert "duration" in str(exc)
    try:
        timestamp, signatures = parse_header(text)
        assert timestamp >= 0 and signatures
    except SignatureError:
        pass
    assert not verify(SECRET, text, text.encode("utf-8", "replace"), NOW)
    assert valid_puid(text) == (
        0 < len(text) <= 500 and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)
    )


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_arbitrary_yaml_structures_fail_only_with_ladder_error(tree: object) -> None:
    import yaml

    text = yaml.safe_dump({"version": 1, "decay": "1d", "ladders": tree})
    try:
        Ladder.from_text(text)
    except LadderError as exc:
        assert exc.problems and all(" line " in p for p in exc.problems)


def test_alias_expansion_is_bounded() -> None:
    """A billion-laughs style file: aliases reuse nodes, and step/action caps bound the walk."""
    lines = ["version: 1", "decay: 1d", "a: &a [warn, warn, warn, warn, warn, warn, warn, warn]"]
    text = (
        "\n".join(lines)
        + "\nladders:\n"
        + "".join(
            f"  c{i}: {{low: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]}}\n" for i in range(500)
        )
    )
    with pytest.raises(LadderError) as info:
        steps_of(lambda: Ladder.from_text(text), budget=300 * len(text))  # seen: 145 a char
    assert len(info.value.problems) == 101
    assert info.value.problems[-1].endswith("more problems")
