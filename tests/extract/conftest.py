"""Shared helpers: entities as comparable tuples."""

from __future__ import annotations

from bastion.extract import find_entities


def found(text: str) -> list[tuple[str, str, tuple[int, int], str]]:
    """``(kind, value, span, raw)`` for every entity, checking ``raw == text[span]`` on the way."""
    result = []
    for entity in find_entities(text):
        assert entity.raw == text[entity.span[0] : entity.span[1]]
        result.append((entity.kind, entity.value, entity.span, entity.raw))
    return result


def kinds_values(text: str) -> list[tuple[str, str]]:
    return [(kind, value) for kind, value, _, _ in found(text)]
