"""What an ingest left in a store, in natural keys only (item and account external ids, dedupe
keys), so two stores filled by different paths, batch sizes or restarts compare equal exactly
when they hold the same cases, actions, strikes, statements, audit entries and counters.

Database ids differ between two stores (accounts are created in another order, a killed run
skips ids), so every id is replaced by what it names: ``item:17`` by the item's external id,
an action id by its dedupe key, a statement id by the item and category it was built for.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from sqlalchemy import select

from bastion.store import Store
from bastion.store.models import (
    Account,
    Action,
    AuditEvent,
    Campaign,
    Case,
    Item,
    Strike,
)

_STATEMENT_ID = re.compile(r"^sor-\d+-(\d+)-(.*)$")
_KEY = re.compile(r"^enf:(\d+):(.*)$")


def snapshot(store: Store) -> dict[str, Any]:
    """Every row ingest writes, keyed naturally; the audit log as a multiset of entries."""
    with store.transaction(readonly=True) as session:
        items = {r.id: r for r in session.scalars(select(Item))}
        accounts = {r.id: r for r in session.scalars(select(Account))}
        ext = {i: r.external_id for i, r in items.items()}
        acct = {i: r.external_id for i, r in accounts.items()}

        def key(dedupe: str) -> str:
            found = _KEY.match(dedupe)
            return f"enf:{ext[int(found[1])]}:{found[2]}" if found else dedupe

        def statement_id(value: str | None) -> str | None:
            found = _STATEMENT_ID.match(value or "")
            return f"sor:{ext[int(found[1])]}:{found[2]}" if found else value

        actions = list(session.scalars(select(Action)))
        action_key = {a.id: key(a.dedupe_key) for a in actions}
        cases = list(session.scalars(select(Case)))
        case_item = {c.id: ext.get(c.item_id or 0) for c in cases}

        def statement(raw: dict[str, Any] | None) -> dict[str, Any] | None:
            if raw is None:
                return None
            return {**raw, "statement_id": statement_id(raw["statement_id"])}

        def payload(raw: dict[str, Any]) -> str:
            out = dict(raw)
            if "statement_id" in out:
                out["statement_id"] = statement_id(out["statement_id"])
            if "actions" in out:
                out["actions"] = [{**a, "id": action_key.get(a["id"])} for a in out["actions"]]
            if "case" in out:
                out["case"] = case_item.get(out["case"])
            return json.dumps(out, sort_keys=True)

        def subject(raw: str) -> str:
            kind, _, number = raw.partition(":")
            if kind == "item" and number.isdigit():
                return f"item:{ext[int(number)]}"
            if kind == "case" and number.isdigit():
                return f"case-of:{case_item[int(number)]}"
            return raw

        audit = Counter(
            (e.actor, e.action, subject(e.subject), payload(e.payload), e.created_at.isoformat())
            for e in session.scalars(select(AuditEvent))
            if e.action != "campaign.created"
        )
        return {
            "items": sorted(
                (
                    r.external_id,
                    acct.get(r.account_id or 0),
                    str(r.verdict),
                    r.content_removed,
                    r.link_disabled,
                    r.labeled,
                )
                for r in items.values()
            ),
            "accounts": sorted(
                (
                    r.external_id,
                    str(r.status),
                    r.suspended_until,
                    str(r.monetization),
                    r.followers_frozen,
                    r.follower_count,
                )
                for r in accounts.values()
            ),
            "strikes": sorted(
                (
                    acct[s.account_id],
                    ext[s.item_id],
                    s.category,
                    str(s.severity),
                    s.expires_at,
                    s.reversed_at,
                )
                for s in session.scalars(select(Strike))
            ),
            "actions": sorted(
                (
                    action_key[a.id],
                    ext.get(a.item_id or 0),
                    acct.get(a.account_id or 0),
                    str(a.kind),
                    str(a.actor),
                    a.reason,
                    a.expires_at,
                    json.dumps(statement(a.statement_of_reasons), sort_keys=True),
                )
                for a in actions
            ),
            "cases": sorted(
                (
                    ext.get(c.item_id or 0),
                    acct.get(c.account_id or 0),
                    str(c.status),
                    c.priority,
                    c.reason,
                )
                for c in cases
            ),
            "audit": sorted(audit.items()),
            "campaigns": sorted(
                (c.name, c.items_matched, c.links_disabled, c.actions_taken, c.accounts_matched)
                for c in session.scalars(select(Campaign))
            ),
        }
