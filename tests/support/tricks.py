"""The two checks every unmasking test makes: a trick is undone exactly, prose is left alone.

Case tables live with their tests (tests/normalize/test_tricks*.py, test_prose.py); the checks
live here once, so a stricter check reaches every table.
"""

from __future__ import annotations

from bastion.normalize import unmask

TRICK_FIELDS = ("original", "folded", "token", "raw", "tricks")
"""Parameter names of a trick case: the original text, the expected folded text, the token to
look up in it, the token's original substring, the trick names inside the token."""


def assert_trick_undone(
    original: str, folded: str, token: str, raw: str, tricks: list[str]
) -> None:
    """``unmask`` folds ``original`` to ``folded``; ``token`` maps back to exactly ``raw`` and
    carries exactly ``tricks``."""
    result = unmask(original)
    assert result.text == folded
    start = result.text.index(token)
    lo, hi = result.to_original(start, start + len(token))
    assert original[lo:hi] == raw
    assert result.tricks_in(start, start + len(token)) == tricks


def assert_left_alone(text: str) -> None:
    """Prose comes back unchanged: same text, no offset map, identity spans, no tricks."""
    result = unmask(text)
    assert result.text == text
    assert result.starts is None
    assert result.to_original(0, len(text)) == (0, len(text))
    assert result.tricks_in(0, len(text)) == []
    assert result.tricks == []
