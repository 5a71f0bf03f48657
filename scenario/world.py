"""What one scenario run shares: store, tenant, campaign, platform, ledger and ground truth."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import insert
from sqlalchemy.orm import Session

from bastion.enforce import Ladder
from bastion.scanner import Scanner
from bastion.service.campaigns import create_campaign
from bastion.service.reports import ReportConfig
from bastion.store import Store
from bastion.store.models import Account as AccountRow
from bastion.store.queries import create_tenant
from scenario.generate import Account, Platform
from scenario.ledger import Decision, Ledger

CAMPAIGN_CATEGORIES: Final = ["gambling", "porn", "sexual_services", "scam", "phishing", "malware"]
MODERATORS: Final = tuple(f"mod-{n:02d}" for n in range(1, 9))
TRUSTED_FLAGGERS: Final = ("tf-consumer-watch", "tf-cyber-police", "tf-antifraud-ngo")


@dataclass(slots=True)
class World:
    store: Store
    tenant_id: int
    slug: str
    campaign_id: int
    platform: Platform
    scanner: Scanner
    ladder: Ladder
    reports: ReportConfig
    ledger: Ledger = field(default_factory=Ledger)
    truth: dict[str, str] = field(default_factory=dict)
    """Ground truth of the dirty items ingested (external id -> category); absent = clean."""
    acted: dict[str, int] = field(default_factory=dict)
    """Items with a content action at ingest (external id -> item row id)."""
    appeal_plan: dict[int, list[Decision]] = field(default_factory=lambda: defaultdict(list))
    """Decisions their users will appeal, by the day they will do it."""
    open_appeals: list[tuple[int, Decision, int]] = field(default_factory=list)
    """Appeals filed and not yet decided: (appeal id, the decision, day filed)."""
    appeal_rng: random.Random = field(default_factory=random.Random)

    def rng(self, purpose: str, day: int) -> random.Random:
        return random.Random(f"{self.platform.config.seed}/{purpose}/{day}")

    def at(self, day: int, hours: float) -> datetime:
        return self.platform.config.day_start(day) + timedelta(hours=hours)


def insert_accounts(session: Session, tenant_id: int, accounts: list[Account]) -> None:
    """Register accounts as the platform's user sync would: verified flag, followers, join time."""
    rows = [
        {
            "tenant_id": tenant_id,
            "external_id": a.ext,
            "verified": a.verified,
            "monetization": "active",
            "follower_count": a.followers,
            "followers_frozen": False,
            "status": "active",
            "created_at": a.joined_at,
            "updated_at": a.joined_at,
        }
        for a in accounts
    ]
    for begin in range(0, len(rows), 5000):
        session.execute(insert(AccountRow), rows[begin : begin + 5000])


def open_world(store: Store, platform: Platform, scanner: Scanner, reports: ReportConfig) -> World:
    """Create the tenant (the platform) and the campaign; accounts arrive day by day."""
    cfg = platform.config
    slug = f"scn{cfg.seed}"
    start = cfg.day_start(0)
    end = cfg.day_start(cfg.days)
    with store.transaction() as session:
        tenant = create_tenant(session, slug=slug, name=f"Scenario platform (seed {cfg.seed})")
        campaign = create_campaign(
            session,
            tenant.id,
            name=f"Spring {cfg.start.year} clean-up: gambling, porn, scam and phishing links",
            scope={"categories": CAMPAIGN_CATEGORIES},
            starts_at=start,
            ends_at=end,
            now=start,
        )
        tenant_id = tenant.id
    return World(
        store=store,
        tenant_id=tenant_id,
        slug=slug,
        campaign_id=campaign.id,
        platform=platform,
        scanner=scanner,
        ladder=Ladder.default(),
        reports=reports,
        appeal_rng=random.Random(f"{cfg.seed}/appeals"),
    )
