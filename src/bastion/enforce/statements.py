"""Statements of reasons for a whole batch: built once per template, filled in per item.

A bulk ingest decides thousands of items alike (same rule, category, severity, actions and
strike number), and most of a statement depends on nothing else: the ground, the DSA category,
the actions, the territorial scope, the appeal deadline. ``StatementBook`` builds the first
statement of each template with ``build_statement`` and, for the next items, copies it and fills
only what names the item (ids, facts, rules, policy version, appeal URL, provenance). The result
is the dict ``statement_to_dict(build_statement(...))`` gives, field for field (tested); building
every one from scratch was about half of ingest's CPU.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Final, NamedTuple
from urllib.parse import quote

from bastion.enforce import dsa
from bastion.enforce.actions import PlannedAction, require_aware
from bastion.enforce.in_force import HeldAction
from bastion.enforce.ladder import Decision
from bastion.enforce.reasons import (
    ReasonsConfig,
    build_statement,
    plain,
    provenance_facts,
    statement_to_dict,
)
from bastion.model import ScanResult, Violation

PER_ITEM: Final = frozenset(
    {
        "statement_id",
        "item_id",
        "account_id",
        "content_date",
        "facts",
        "rules",
        "policy_version",
        "redress",
        "surface",
        "provenance",
    }
)
"""The fields ``statement`` fills per item; every other one is the template's."""
_Key = tuple[str, str, str, str, tuple[PlannedAction, ...], int, bool, tuple[HeldAction, ...]]


class _Template(NamedTuple):
    """The first statement of a template and its JSON text cut around the per-item fields:
    ``chunks[0] + enc(values[order[0]]) + chunks[1] + ...``, ``json.dumps`` field for field."""

    statement: dict[str, Any]
    chunks: tuple[str, ...]
    order: tuple[str, ...]


def _template(built: dict[str, Any]) -> _Template:
    chunks: list[str] = []
    order: list[str] = []
    text = "{"
    for n, (name, value) in enumerate(built.items()):
        text += ("" if n == 0 else ", ") + f"{_encode(name)}: "
        if name in PER_ITEM:
            chunks.append(text)
            order.append(name)
            text = ""
        else:
            text += _encode(value)
    chunks.append(text + "}")
    return _Template(built, tuple(chunks), tuple(order))


class StatementBook:
    """Statement dicts for one batch decided at ``now`` by one actor; not shared across
    batches (the deadline and decision date are ``now``'s)."""

    __slots__ = (
        "_appeal_url",
        "_automated",
        "_now",
        "_now_text",
        "_source",
        "config",
        "templates",
    )

    def __init__(
        self, config: ReasonsConfig, now: datetime, *, source: str, automated_decision: str
    ) -> None:
        self.config = config
        self._now = require_aware(now, "now")
        self._now_text = plain(now)
        self._source = source
        self._automated = automated_decision
        self._appeal_url = config.appeal_url_template
        self.templates: dict[_Key, _Template] = {}
        """Per template: its first statement, and its JSON text around the per-item fields."""

    def statement_text(
        self,
        result: ScanResult,
        violation: Violation,
        decision: Decision,
        *,
        statement_id: str,
        account_id: str,
        now: datetime,
        content_date: datetime | None,
        has_images: bool,
        surface: str,
    ) -> str:
        """``json.dumps(statement(...))``, where the fields the template fixes were serialised
        once per template (the statement is most of an action row's bytes)."""
        arguments = (statement_id, account_id, now, content_date, has_images, surface)
        template, values = self._fill(result, violation, decision, *arguments)
        if values is None:
            return json.dumps(template.statement)
        return _text(template, values)

    def statement(
        self,
        result: ScanResult,
        violation: Violation,
        decision: Decision,
        *,
        statement_id: str,
        account_id: str,
        now: datetime,
        content_date: datetime | None,
        has_images: bool,
        surface: str,
    ) -> dict[str, Any]:
        """``statement_to_dict(build_statement(...))`` for these arguments (same errors too)."""
        arguments = (statement_id, account_id, now, content_date, has_images, surface)
        template, values = self._fill(result, violation, decision, *arguments)
        return template.statement if values is None else {**template.statement, **values}

    def _fill(
        self,
        result: ScanResult,
        violation: Violation,
        decision: Decision,
        statement_id: str,
        account_id: str,
        now: datetime,
        content_date: datetime | None,
        has_images: bool,
        surface: str,
    ) -> tuple[_Template, dict[str, Any] | None]:
        """The template and this item's values of the ``PER_ITEM`` fields; values None when
        the template's statement is this item's (built in full: the first of its template, or
        one decided at another ``now``, whose template is not kept)."""
        key = (
            violation.category,
            violation.rule,
            violation.severity,
            decision.status,
            decision.actions,
            decision.strike_number,
            has_images,
            decision.held,
        )
        found = self.templates.get(key)
        if (
            found is None
            or now != self._now
            or violation.category != decision.category
            or violation.rule != decision.rule
        ):
            built = statement_to_dict(
                build_statement(
                    result,
                    violation,
                    decision,
                    statement_id=statement_id,
                    account_id=account_id,
                    now=now,
                    config=self.config,
                    content_date=content_date,
                    has_images=has_images,
                    source=self._source,
                    automated_decision=self._automated,
                    surface=surface,
                )
            )
            if now != self._now:
                return _Template(built, (), ()), None
            template = self.templates[key] = _template(built)
            return template, None
        if not dsa.valid_puid(statement_id):
            raise ValueError("statement_id must be 1-500 characters of a-z, A-Z, 0-9, '-' or '_'")
        if content_date is not None:
            require_aware(content_date, "content_date")
        redress = dict(found.statement["redress"])
        redress["appeal_url"] = self._url(statement_id, result.id, account_id)
        values = {
            "statement_id": statement_id,
            "item_id": result.id,
            "account_id": account_id,
            "content_date": self._now_text if content_date is None else plain(content_date),
            "facts": _facts(result, violation),
            "rules": sorted(
                {
                    v.rule
                    for v in result.violations
                    if v.category == violation.category and v.mode == "enforce"
                }
                | {violation.rule}
            ),
            "policy_version": result.policy_version,
            "redress": redress,
            "surface": surface,
            "provenance": (plain(provenance_facts(result, violation)) if violation.origins else []),
        }
        return found, values

    def _url(self, statement_id: str, item_id: str, account_id: str) -> str:
        url = self._appeal_url
        for name, value in (
            ("statement_id", statement_id),
            ("item_id", item_id),
            ("account_id", account_id),
        ):
            field = "{" + name + "}"
            if field in url:  # quote only what the template uses (same URL, less work)
                url = url.replace(field, quote(value, safe=""))
        return url


_encode = json.JSONEncoder().encode
"""``json.dumps`` with its default settings, without its per-call argument handling."""


def _text(template: _Template, values: dict[str, Any]) -> str:
    chunks = template.chunks
    parts = [chunks[0]]
    for name, chunk in zip(template.order, chunks[1:], strict=True):
        parts.append(_encode(values[name]))
        parts.append(chunk)
    return "".join(parts)


def _facts(result: ScanResult, violation: Violation) -> list[dict[str, Any]]:
    """The entities the violation rests on, as ``plain(EntityFact)`` gives them."""
    entities = result.entities
    indices = violation.entities or [
        i for i, e in enumerate(entities) if violation.category in e.categories
    ]
    out = []
    for index in indices:
        if not 0 <= index < len(entities):
            raise ValueError(f"violation {violation.rule} points at missing entity {index}")
        e = entities[index]
        out.append(
            {
                "kind": e.kind,
                "raw": e.raw,
                "span": list(e.span),
                "value": e.value,
                "registrable_domain": e.registrable_domain,
                "categories": list(e.categories),
                "sources": list(e.sources),
                "origin": e.origin,
                "box": None if e.box is None else list(e.box),
            }
        )
    return out
