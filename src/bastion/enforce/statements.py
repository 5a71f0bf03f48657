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
from typing import Any, Final
from urllib.parse import quote

from bastion.enforce import dsa
from bastion.enforce.actions import PlannedAction, require_aware
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
_Key = tuple[str, str, str, str, tuple[PlannedAction, ...], int, bool]


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
        self.templates: dict[_Key, tuple[dict[str, Any], dict[str, str]]] = {}
        """Per template: its first statement, and its fixed fields as JSON text."""

    def statement_json(
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
    ) -> tuple[dict[str, Any], str]:
        """``statement`` and its ``json.dumps`` text, where the fields the template fixes are
        serialised once per template (the statement is most of an action row's bytes)."""
        out, fixed = self._statement(
            result,
            violation,
            decision,
            statement_id=statement_id,
            account_id=account_id,
            now=now,
            content_date=content_date,
            has_images=has_images,
            surface=surface,
        )
        if fixed is None:
            return out, json.dumps(out)
        dumps = json.dumps
        body = ", ".join(
            f'"{name}": {fixed[name] if name in fixed else dumps(value)}'
            for name, value in out.items()
        )
        return out, "{" + body + "}"

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
        return self._statement(
            result,
            violation,
            decision,
            statement_id=statement_id,
            account_id=account_id,
            now=now,
            content_date=content_date,
            has_images=has_images,
            surface=surface,
        )[0]

    def _statement(
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
    ) -> tuple[dict[str, Any], dict[str, str] | None]:
        """The statement and, when it came from a template, the template's fixed fields as
        JSON text."""
        key = (
            violation.category,
            violation.rule,
            violation.severity,
            decision.status,
            decision.actions,
            decision.strike_number,
            has_images,
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
                return built, None
            fixed = {k: json.dumps(v) for k, v in built.items() if k not in PER_ITEM}
            self.templates[key] = (built, fixed)
            return built, fixed
        template, fixed = found
        if not dsa.valid_puid(statement_id):
            raise ValueError("statement_id must be 1-500 characters of a-z, A-Z, 0-9, '-' or '_'")
        if content_date is not None:
            require_aware(content_date, "content_date")
        out = dict(template)
        out["statement_id"] = statement_id
        out["item_id"] = result.id
        out["account_id"] = account_id
        out["content_date"] = self._now_text if content_date is None else plain(content_date)
        out["facts"] = _facts(result, violation)
        out["rules"] = sorted(
            {
                v.rule
                for v in result.violations
                if v.category == violation.category and v.mode == "enforce"
            }
            | {violation.rule}
        )
        out["policy_version"] = result.policy_version
        redress = dict(template["redress"])
        redress["appeal_url"] = self._url(statement_id, result.id, account_id)
        out["redress"] = redress
        out["surface"] = surface
        out["provenance"] = plain(provenance_facts(result, violation)) if violation.origins else []
        return out, fixed

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
