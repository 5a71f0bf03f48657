"""The stage API: find_entities, extract_entities on any Unmasked, entity fields, bad input."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities, find_entities, has_candidates
from bastion.model import Entity
from bastion.normalize import unmask


class Plain:
    """An identity ``Unmasked`` (the contract is structural)."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end

    def tricks_in(self, start: int, end: int) -> list[str]:
        return []


def test_extract_accepts_any_unmasked() -> None:
    (entity,) = extract_entities(Plain("go bet888.com"))
    assert entity == Entity(
        kind="domain",
        raw="bet888.com",
        span=(3, 13),
        value="bet888.com",
        host="bet888.com",
        flags=["no_scheme"],
    )


def test_spans_map_to_original_and_flags_come_from_unmask() -> None:
    text = "官网：ｂｅｔ８８８．ｃｏｍ，微信：ａｂｃ１２３４"
    entities = find_entities(text)
    assert [(e.kind, e.value, e.raw) for e in entities] == [
        ("domain", "bet888.com", "ｂｅｔ８８８．ｃｏｍ"),
        ("wechat", "abc1234", "ａｂｃ１２３４"),
    ]
    assert all(text[e.span[0] : e.span[1]] == e.raw for e in entities)
    assert entities[0].flags == ["nfkc", "no_scheme"]
    assert entities[1].flags == ["nfkc"] and entities[1].cue == "微信"


def test_find_equals_unmask_then_extract() -> None:
    for text in ["b e t 8 8 8 . c o m", "hxxp://evil[.]com", "vx：abc12345", "plain text"]:
        assert find_entities(text) == extract_entities(unmask(text))


def test_canon_fields_are_left_unset() -> None:
    (entity,) = find_entities("http://bet888.com/x")
    assert entity.registrable_domain is None
    assert entity.categories == [] and entity.sources == []


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        find_entities(b"bet888.com")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        has_candidates(None)  # type: ignore[arg-type]


def test_lone_surrogates_do_not_crash() -> None:
    assert find_entities("\ud800 bet888.com \udfff")[0].value == "bet888.com"
