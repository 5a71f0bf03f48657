"""Campaigns: named, time-boxed enforcement pushes with a scope and live counters.

A campaign counts, while it is live (``starts_at <= now < ends_at``), the items scanned in its
platform/surface scope, and for decisions in its category/rule scope the links disabled, the
actions taken and the *distinct* accounts actioned. Counters are bumped inside the ingest
transaction (``UPDATE ... SET n = n + delta``), so they are exact and a rolled-back batch leaves
them untouched. An empty scope list means "any".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bastion.enforce.actions import ACTION_TARGET, require_aware
from bastion.model import SURFACES
from bastion.service.errors import Conflict, InvalidInput, NotFound
from bastion.store import audit
from bastion.store import enforcement_sql as sql
from bastion.store.bulk import Stamps
from bastion.store.models import Campaign

SCOPE_KEYS: Final = ("platforms", "surfaces", "categories", "rules")
MAX_SCOPE_VALUES: Final = 200
MAX_DURATION: Final = timedelta(days=366)


@dataclass(slots=True, frozen=True)
class Scope:
    """What a campaign covers; empty sets match everything."""

    platforms: frozenset[str] = frozenset()
    surfaces: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, raw: Any) -> Scope:
        """Validate a scope object; InvalidInput names the bad key."""
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise InvalidInput("campaign scope must be an object")
        unknown = sorted(set(raw) - set(SCOPE_KEYS))
        if unknown:
            raise InvalidInput(f"unknown scope keys {unknown}; valid: {', '.join(SCOPE_KEYS)}")
        values: dict[str, frozenset[str]] = {}
        for key in SCOPE_KEYS:
            entry = raw.get(key) or []
            if not isinstance(entry, list) or not all(
                isinstance(v, str) and 0 < len(v) <= 128 for v in entry
            ):
                raise InvalidInput(f"scope.{key} must be a list of 1-128 character strings")
            if len(entry) > MAX_SCOPE_VALUES:
                raise InvalidInput(f"scope.{key} holds more than {MAX_SCOPE_VALUES} values")
            values[key] = frozenset(entry)
        bad = sorted(values["surfaces"] - set(SURFACES))
        if bad:
            raise InvalidInput(f"scope.surfaces has unknown surfaces {bad}")
        return cls(**values)

    def to_dict(self) -> dict[str, list[str]]:
        return {key: sorted(getattr(self, key)) for key in SCOPE_KEYS}

    def covers_item(self, platform: str, surface: str) -> bool:
        return (not self.platforms or platform in self.platforms) and (
            not self.surfaces or surface in self.surfaces
        )

    def covers_decision(self, category: str, rules: Iterable[str]) -> bool:
        if self.categories and category not in self.categories:
            return False
        return not self.rules or any(r in self.rules for r in rules)


@dataclass(slots=True)
class CampaignView:
    id: int
    name: str
    scope: dict[str, list[str]]
    starts_at: datetime
    ends_at: datetime | None
    items_scanned: int
    links_disabled: int
    accounts_actioned: int
    actions_taken: int
    live: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "scope": self.scope,
            "starts_at": _iso(self.starts_at),
            "ends_at": _iso(self.ends_at) if self.ends_at else None,
            "live": self.live,
            "counters": {
                "items_scanned": self.items_scanned,
                "links_disabled": self.links_disabled,
                "accounts_actioned": self.accounts_actioned,
                "actions_taken": self.actions_taken,
            },
        }


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _view(row: Campaign, now: datetime) -> CampaignView:
    live = row.starts_at <= now and (row.ends_at is None or now < row.ends_at)
    return CampaignView(
        row.id,
        row.name,
        Scope.from_dict(row.scope).to_dict(),
        row.starts_at,
        row.ends_at,
        row.items_matched,
        row.links_disabled,
        row.accounts_matched,
        row.actions_taken,
        live,
    )


def create_campaign(
    session: Session,
    tenant_id: int,
    *,
    name: str,
    scope: Any,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    actor: str = "admin",
) -> CampaignView:
    """Create a campaign; Conflict when the tenant already has one with this name."""
    require_aware(now, "now")
    name = name.strip() if isinstance(name, str) else ""
    if not 0 < len(name) <= 200 or "\x00" in name:
        raise InvalidInput("campaign name must be 1-200 characters")
    for label, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value.tzinfo is None:
            raise InvalidInput(f"{label} needs a time zone")
    if ends_at <= starts_at:
        raise InvalidInput("ends_at must be after starts_at")
    if ends_at - starts_at > MAX_DURATION:
        raise InvalidInput("a campaign may last at most 366 days")
    if ends_at <= now:
        raise InvalidInput("ends_at is in the past: the campaign would never be live")
    parsed = Scope.from_dict(scope)
    row = Campaign(
        tenant_id=tenant_id,
        name=name,
        scope=parsed.to_dict(),
        starts_at=starts_at,
        ends_at=ends_at,
        items_matched=0,
        accounts_matched=0,
        actions_taken=0,
        links_disabled=0,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise Conflict(f"a campaign named {name!r} already exists") from None
    audit.append(
        session,
        actor=actor,
        action="campaign.created",
        subject=f"campaign:{row.id}",
        payload={"name": name, "scope": parsed.to_dict(), "ends_at": _iso(ends_at)},
        tenant_id=tenant_id,
        created_at=now,
    )
    return _view(row, now)


def get_campaign(session: Session, tenant_id: int, campaign_id: int, now: datetime) -> CampaignView:
    row = session.scalars(
        select(Campaign).where(Campaign.tenant_id == tenant_id, Campaign.id == campaign_id)
    ).one_or_none()
    if row is None:
        raise NotFound(f"campaign {campaign_id} is not known to this tenant")
    return _view(row, now)


def list_campaigns(
    session: Session, tenant_id: int, now: datetime, *, live_only: bool = False, limit: int = 100
) -> list[CampaignView]:
    query = select(Campaign).where(Campaign.tenant_id == tenant_id)
    if live_only:
        query = query.where(Campaign.starts_at <= now, Campaign.ends_at > now)
    rows = session.scalars(query.order_by(Campaign.id.desc()).limit(limit)).all()
    return [_view(r, now) for r in rows]


@dataclass(slots=True)
class _Delta:
    items: int = 0
    links: int = 0
    actions: int = 0
    accounts: set[int] = field(default_factory=set)


class CampaignTally:
    """Counter increments for one ingest transaction, written once by ``flush``."""

    __slots__ = ("_deltas", "_scopes", "tenant_id")

    def __init__(self, tenant_id: int, scopes: list[tuple[int, Scope]]) -> None:
        self.tenant_id = tenant_id
        self._scopes = scopes
        self._deltas: dict[int, _Delta] = {cid: _Delta() for cid, _ in scopes}

    @classmethod
    def load(
        cls, session: Session, tenant_id: int, now: datetime, ids: Sequence[int] | None = None
    ) -> CampaignTally:
        """The tenant's live campaigns (all, or only ``ids``)."""
        query = select(Campaign.id, Campaign.scope).where(
            Campaign.tenant_id == tenant_id, Campaign.starts_at <= now, Campaign.ends_at > now
        )
        if ids is not None:
            query = query.where(Campaign.id.in_(list(ids)))
        rows = session.execute(query.order_by(Campaign.id)).all()
        return cls(tenant_id, [(r.id, Scope.from_dict(r.scope)) for r in rows])

    def __bool__(self) -> bool:
        return bool(self._scopes)

    def item(self, platform: str, surface: str) -> list[int]:
        """Count one scanned item; returns the campaigns whose scope covers it."""
        hits = []
        for cid, scope in self._scopes:
            if scope.covers_item(platform, surface):
                self._deltas[cid].items += 1
                hits.append(cid)
        return hits

    def decision(
        self,
        campaign_ids: list[int],
        category: str,
        rules: Iterable[str],
        kinds: Sequence[str],
        account_id: int | None,
    ) -> None:
        """Count the actions newly taken for one decision in the campaigns covering it."""
        if not kinds:
            return
        rule_list = list(rules)
        for cid, scope in self._scopes:
            if cid not in campaign_ids or not scope.covers_decision(category, rule_list):
                continue
            delta = self._deltas[cid]
            delta.actions += len(kinds)
            delta.links += sum(1 for k in kinds if k == "disable_link")
            if account_id is not None and any(ACTION_TARGET[k] == "account" for k in kinds):
                delta.accounts.add(account_id)

    def flush(self, session: Session, now: datetime) -> None:
        for cid, delta in self._deltas.items():
            accounts = 0
            if delta.accounts:
                # Raw driver SQL, one statement: per-row ORM parameters were most of its cost.
                session.flush()
                stamp = Stamps(session.get_bind().dialect.name == "sqlite")(now)
                rows = [(self.tenant_id, cid, a, stamp) for a in sorted(delta.accounts)]
                added = sql.CAMPAIGN_ACCOUNT_INSERT.run(session.connection(), rows)
                accounts = len(added)
            if delta.items or delta.actions or accounts:
                session.execute(
                    update(Campaign)
                    .where(Campaign.id == cid, Campaign.tenant_id == self.tenant_id)
                    .values(
                        items_matched=Campaign.items_matched + delta.items,
                        links_disabled=Campaign.links_disabled + delta.links,
                        actions_taken=Campaign.actions_taken + delta.actions,
                        accounts_matched=Campaign.accounts_matched + accounts,
                    )
                )
            self._deltas[cid] = _Delta()
