"""Shared helpers: entities as comparable tuples, and a scanner with the default policy."""

from __future__ import annotations

from pathlib import Path

from bastion import Item, Scanner
from bastion.extract import find_entities
from bastion.intel.index import IntelIndex
from bastion.model import SURFACES
from bastion.policy import Policy


def found(text: str) -> list[tuple[str, str, tuple[int, int], str]]:
    """``(kind, value, span, raw)`` for every entity, checking ``raw == text[span]`` on the way."""
    result = []
    for entity in find_entities(text):
        assert entity.raw == text[entity.span[0] : entity.span[1]]
        result.append((entity.kind, entity.value, entity.span, entity.raw))
    return result


def kinds_values(text: str) -> list[tuple[str, str]]:
    return [(kind, value) for kind, value, _, _ in found(text)]


REPO = Path(__file__).resolve().parents[2]


def default_scanner() -> Scanner:
    """The default policy over an empty index: verdicts come from handles and wording alone."""
    return Scanner(index=IntelIndex.empty(), policy=Policy.default())


def assert_handle_on_every_surface(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    """The one entity ``(kind, value)`` on every surface, its ``raw`` the text at its span (an
    emoji after the text: a message rarely ends with the id)."""
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"{text} 😀", surface=surface))
        got = [(e.kind, e.value) for e in result.entities]
        assert got == [(kind, value)], (family, surface, got)
        (entity,) = result.entities
        assert entity.raw == text[entity.span[0] : entity.span[1]]


LINK_KINDS = frozenset({"url", "domain", "deeplink"})


def assert_no_handle_and_allowed(scanner: Scanner, text: str) -> None:
    """Prose a handle finder must leave alone: no entity but links, and the item allowed."""
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    handles = [(e.kind, e.value) for e in result.entities if e.kind not in LINK_KINDS]
    assert handles == [], (text, handles)
    assert result.verdict == "allow", result.to_dict()
