"""The raw statements of the enforcer's bulk writes (``bastion.service.enforcer``): strikes,
actions, notices, the restricted accounts, the content flags of items, the accounts a campaign
actioned, and the accounts read with their live strikes."""

from __future__ import annotations

from typing import Final

from bastion.store.bulk import BulkInsert, BulkUpdate

ACCOUNT_UPDATE: Final = BulkUpdate(
    "accounts",
    "id",
    (
        "status",
        "suspended_until",
        "monetization",
        "followers_frozen",
        "follower_count",
        "updated_at",
    ),
    ("text", "timestamptz", "text", "boolean", "bigint", "timestamptz"),
)
STRIKE_INSERT: Final = BulkInsert(
    "strikes",
    (
        "tenant_id",
        "account_id",
        "item_id",
        "violation_id",
        "category",
        "severity",
        "expires_at",
        "created_at",
    ),
    ("bigint", "bigint", "bigint", "bigint", "text", "text", "timestamptz", "timestamptz"),
    conflict="ON CONFLICT (account_id, item_id, category) DO NOTHING",
)
ACTION_INSERT: Final = BulkInsert(
    "actions",
    (
        "tenant_id",
        "item_id",
        "account_id",
        "violation_id",
        "dedupe_key",
        "kind",
        "actor",
        "reason",
        "statement_of_reasons",
        "expires_at",
        "created_at",
    ),
    (
        "bigint",
        "bigint",
        "bigint",
        "bigint",
        "text",
        "text",
        "text",
        "text",
        "json",
        "timestamptz",
        "timestamptz",
    ),
    conflict="ON CONFLICT (tenant_id, dedupe_key) DO NOTHING",
    returning="dedupe_key, id",
)
CAMPAIGN_ACCOUNT_INSERT: Final = BulkInsert(
    "campaign_accounts",
    ("tenant_id", "campaign_id", "account_id", "created_at"),
    ("bigint", "bigint", "bigint", "timestamptz"),
    conflict="ON CONFLICT (campaign_id, account_id) DO NOTHING",
    returning="account_id",
)
"""The accounts a batch actioned under a campaign; the rows returned are the ones new to it."""
NOTICE_INSERT: Final = BulkInsert(
    "notices",
    ("tenant_id", "event", "payload", "attempts", "next_attempt_at", "status", "created_at"),
    ("bigint", "text", "jsonb", "integer", "timestamptz", "text", "timestamptz"),
)
SQLITE_ITEM_FLAGS: Final = (
    "UPDATE items SET content_removed = content_removed OR ?, "
    "link_disabled = link_disabled OR ?, labeled = labeled OR ? WHERE tenant_id = ? AND id = ?"
)
"""The content flags of the items a batch acted on, each flag only ever turned on: one row (and
one new row version) per item, whatever flags it gets; PostgreSQL reads the rows from arrays."""
PG_ITEM_FLAGS: Final = (
    "UPDATE items AS t SET content_removed = t.content_removed OR v.content_removed, "
    "link_disabled = t.link_disabled OR v.link_disabled, labeled = t.labeled OR v.labeled "
    "FROM unnest(%b::boolean[], %b::boolean[], %b::boolean[], %b::bigint[]) "
    "AS v(content_removed, link_disabled, labeled, id) WHERE t.tenant_id = %s AND t.id = v.id"
)
ACCOUNT_STRIKES: Final = (
    "SELECT a.id, a.external_id, a.status, a.suspended_until, a.monetization, "
    "a.followers_frozen, a.follower_count, s.item_id, s.category, s.severity, s.created_at "
    "FROM accounts a LEFT OUTER JOIN strikes s ON s.account_id = a.id AND s.tenant_id = ? "
    "AND s.reversed_at IS NULL AND s.created_at > ? "
    "WHERE a.tenant_id = ? AND a.id {ids} ORDER BY a.id{lock}"
)
"""The accounts of a batch, each with its live strikes (if any)."""
PG_ACCOUNT_STRIKES: Final = ACCOUNT_STRIKES.replace("?", "%s").format(
    ids="= ANY(%b::bigint[])", lock=" FOR UPDATE OF a"
)
CASE_INSERT: Final = BulkInsert(
    "cases",
    (
        "tenant_id",
        "item_id",
        "account_id",
        "status",
        "priority",
        "reason",
        "created_at",
        "updated_at",
    ),
    ("bigint", "bigint", "bigint", "text", "integer", "text", "timestamptz", "timestamptz"),
    returning="item_id, id",
)
"""Review cases automation opens (``claimed_by``/``claimed_at`` stay NULL)."""
CASE_PRIORITY: Final = BulkUpdate(
    "cases", "id", ("priority", "updated_at"), ("integer", "timestamptz")
)
"""An open case's priority raised by a stronger reason to review its item."""
SQLITE_ITEM_LOCK: Final = "SELECT id FROM items WHERE tenant_id = ? AND id IN ({})"
"""The items a batch opens cases for (SQLite: the write lock is held already)."""
PG_ITEM_LOCK: Final = (
    "SELECT id FROM items WHERE tenant_id = %s AND id = ANY(%b::bigint[]) ORDER BY id FOR UPDATE"
)
SQLITE_OPEN_CASES: Final = (
    "SELECT id, item_id, priority FROM cases WHERE tenant_id = ? AND item_id IN ({}) "
    "AND status IN ('open', 'claimed') ORDER BY id"
)
"""The open or claimed cases of the items, oldest first (the one a new reason merges into)."""
PG_OPEN_CASES: Final = (
    "SELECT id, item_id, priority FROM cases WHERE tenant_id = %s "
    "AND item_id = ANY(%b::bigint[]) AND status IN ('open', 'claimed') ORDER BY id"
)
