"""A seeded, deterministic platform: accounts with profiles, and two months of content.

Accounts are regular users (heavy-tailed activity, some verified with large followings),
occasional offenders (one dirty link in the whole period, the "shared a betting site once" case)
and bad actors (a minority that keeps posting dirty content: listed links and contact handles in
posts, comments and chats, and often in their profiles). Bad actors keep arriving during the
campaign, as spam waves do after bans. Every random choice comes from ``random.Random`` seeded by
(seed, purpose, day), so a day's items do not depend on how earlier days went, and a run with
the same seed and sizes reproduces the same platform byte for byte.

An item's ground truth (clean, or the category of harm it carries) is returned beside it; the
runner uses it only to play users, reporters and moderators, never to decide enforcement.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Final

from bastion.model import Item
from scenario import content
from scenario.corpus import HANDLE_CATEGORIES, Corpus

GenItem = tuple[Item, str]
"""An item and its ground truth: ``""`` for clean, else the category of harm it carries."""

ACTIVE_HOURS: Final = 20
"""Content is created from 00:00 to 20:00 UTC; the review shift works 20:00-24:00."""
BAD_CATEGORIES: Final = {
    "gambling": 0.35,
    "porn": 0.2,
    "scam": 0.2,
    "phishing": 0.1,
    "sexual_services": 0.15,
}
OCCASIONAL_CATEGORIES: Final = {"gambling": 0.4, "porn": 0.3, "scam": 0.3}
DIRTY_SURFACES: Final = {"post": 0.5, "comment": 0.3, "chat": 0.2}


@dataclass(frozen=True, slots=True)
class Config:
    """Sizes and shares of the platform; ``comments``/``chats`` follow ``posts``."""

    accounts: int = 100_000
    posts: int = 1_000_000
    seed: int = 7
    days: int = 61
    start: date = date(2026, 3, 1)
    comment_ratio: float = 0.5
    chat_ratio: float = 0.25
    bad_share: float = 0.025
    occasional_share: float = 0.02
    late_join_share: float = 0.15
    verified_share: float = 0.01

    def __post_init__(self) -> None:
        if self.accounts < 100:
            raise ValueError("the platform needs at least 100 accounts")
        if self.posts < self.days:
            raise ValueError(f"the platform needs at least {self.days} posts (one a day)")
        if not 2 <= self.days <= 366:
            raise ValueError("a campaign lasts 2-366 days")

    @property
    def comments(self) -> int:
        return round(self.posts * self.comment_ratio)

    @property
    def chats(self) -> int:
        return round(self.posts * self.chat_ratio)

    @property
    def end(self) -> date:
        """Last day of the campaign (inclusive)."""
        return self.start + timedelta(days=self.days - 1)

    def day_start(self, day: int) -> datetime:
        return datetime.combine(self.start + timedelta(days=day), time.min, tzinfo=UTC)


@dataclass(slots=True)
class Account:
    index: int
    ext: str
    kind: str  # regular, occasional, bad
    category: str
    joined_day: int
    joined_at: datetime
    verified: bool
    followers: int
    weight: float
    rate: float = 0.0
    offence_day: int = -1
    domains: tuple[str, ...] = ()
    maker: str = ""


class Platform:
    """The generated platform; ``profile_items`` and ``content_items`` yield one day each."""

    def __init__(self, config: Config, corpus: Corpus) -> None:
        self.config = config
        self.corpus = corpus
        self.accounts = _accounts(config, corpus)
        order = sorted(self.accounts, key=lambda a: (a.joined_day, a.index))
        self._order = order
        self._cum = list(accumulate(a.weight for a in order))
        joined = [a.joined_day for a in order]
        self._active = [bisect.bisect_right(joined, d) for d in range(config.days)]
        self._bad = [a for a in self.accounts if a.kind == "bad"]
        self.by_ext = {a.ext: a for a in self.accounts}

    def joining(self, day: int) -> list[Account]:
        """Accounts that join on ``day`` (day 0: every account that existed before)."""
        return [a for a in self._order if a.joined_day == day]

    def profile_items(self, day: int) -> list[GenItem]:
        """Username, display name and bio of the accounts joining on ``day`` (day 0: everyone
        who existed before the campaign, swept once at its start)."""
        rng = random.Random(f"{self.config.seed}/profiles/{day}")
        out: list[GenItem] = []
        for account in self.joining(day):
            stamp = account.joined_at.isoformat()
            name, name_truth = content.display_name(rng), ""
            bio, bio_truth = rng.choice(self.corpus.bios) if rng.random() < 0.6 else "", ""
            if account.kind == "bad":
                if account.domains and rng.random() < 0.1:
                    name, name_truth = content.name_text(account.domains[0], rng), account.category
                if rng.random() < 0.4:
                    if account.domains:
                        bio = content.link_text(account.category, account.domains[0], rng)
                        bio_truth = account.category
                    else:
                        bio = content.bio_handle_text(account.maker, rng)
                        bio_truth = account.category
            fields = [
                ("username", content.username(rng, account.index), ""),
                ("display_name", name, name_truth),
                ("bio", bio, bio_truth),
            ]
            for surface, text, truth in fields:
                if text:
                    item = Item(
                        id=f"{account.ext}:{surface}",
                        text=text,
                        surface=surface,
                        account_id=account.ext,
                        created_at=stamp,
                    )
                    out.append((item, truth))
        return out

    def content_items(self, day: int) -> list[GenItem]:
        """The posts, comments and chats created on ``day``, oldest first."""
        cfg = self.config
        rng = random.Random(f"{cfg.seed}/content/{day}")
        start = cfg.day_start(day)
        span = ACTIVE_HOURS * 3600.0
        out: list[tuple[float, Item, str]] = []
        active = self._active[day]
        total_weight = self._cum[active - 1] if active else 0.0
        for surface, total, prefix, pool in (
            ("post", cfg.posts, "p", self.corpus.posts),
            ("comment", cfg.comments, "c", self.corpus.comments),
            ("chat", cfg.chats, "m", self.corpus.chats),
        ):
            count = total // cfg.days + (1 if day < total % cfg.days else 0)
            for n in range(count):
                account = self._order[bisect.bisect_right(self._cum, rng.random() * total_weight)]
                offset = self._after_join(account, day, rng.random() * span)
                item_id = f"{prefix}-{day:03d}-{n:07d}"
                out.append((offset, self._item(item_id, surface, rng.choice(pool), account), ""))
        for account in self._bad:
            if account.joined_day > day:
                continue
            attempts = int(account.rate) + (1 if rng.random() < account.rate % 1 else 0)
            for n in range(attempts):
                surface = _pick(rng, DIRTY_SURFACES)
                offset = self._after_join(account, day, rng.random() * span)
                text = self._dirty(account, rng)
                item_id = f"x-{day:03d}-{account.index:07d}-{n}"
                out.append((offset, self._item(item_id, surface, text, account), account.category))
        for account in self.accounts:
            if account.offence_day == day:
                offset = self._after_join(account, day, rng.random() * span)
                domain = rng.choice(self.corpus.domains[account.category])
                text = content.link_text(account.category, domain, rng)
                surface = rng.choice(("post", "comment"))
                item_id = f"o-{day:03d}-{account.index:07d}"
                out.append((offset, self._item(item_id, surface, text, account), account.category))
        out.sort(key=lambda e: (e[0], e[1].id))
        result = []
        for offset, item, truth in out:
            item.created_at = (start + timedelta(seconds=offset)).isoformat()
            result.append((item, truth))
        return result

    def _after_join(self, account: Account, day: int, offset: float) -> float:
        if account.joined_day != day:
            return offset
        joined = (account.joined_at - self.config.day_start(day)).total_seconds()
        return max(offset, min(joined + 60.0, ACTIVE_HOURS * 3600.0 - 1))

    @staticmethod
    def _item(item_id: str, surface: str, text: str, account: Account) -> Item:
        return Item(id=item_id, text=text, surface=surface, account_id=account.ext)

    def _dirty(self, account: Account, rng: random.Random) -> str:
        use_handle = not account.domains or (
            account.category in HANDLE_CATEGORIES and rng.random() < 0.3
        )
        if use_handle:
            return content.handle_text(account.category, account.maker, rng)
        return content.link_text(account.category, rng.choice(account.domains), rng)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _accounts(config: Config, corpus: Corpus) -> list[Account]:
    rng = random.Random(f"{config.seed}/accounts")
    n = config.accounts
    roles = list(range(n))
    rng.shuffle(roles)
    n_bad = max(4, round(n * config.bad_share))
    n_occ = max(4, round(n * config.occasional_share))
    bad, occasional = set(roles[:n_bad]), set(roles[n_bad : n_bad + n_occ])
    epoch = config.day_start(0)
    out = []
    for i in range(n):
        kind = "bad" if i in bad else "occasional" if i in occasional else "regular"
        late = rng.random() < (0.7 if kind == "bad" else config.late_join_share)
        joined_day = rng.randint(1, config.days - 1) if late else 0
        if joined_day:
            joined_at = config.day_start(joined_day) + timedelta(
                seconds=rng.random() * ACTIVE_HOURS * 3600 * 0.9
            )
        else:
            joined_at = epoch - timedelta(seconds=rng.randint(3600, 2 * 365 * 86400))
        verified = kind == "regular" and rng.random() < config.verified_share
        followers = min(int(rng.paretovariate(1.2) * 20) - 20, 5_000_000)
        if verified:
            followers = followers * 100 + 10_000
        account = Account(
            index=i,
            ext=f"u{i:07d}",
            kind=kind,
            category="",
            joined_day=joined_day,
            joined_at=joined_at,
            verified=verified,
            followers=followers,
            weight=0.0 if kind == "bad" else rng.paretovariate(1.6),
        )
        if kind == "bad":
            account.category = _pick(rng, BAD_CATEGORIES)
            account.rate = rng.uniform(0.3, 2.5)
            pool = corpus.domains.get(account.category, [])
            if pool:
                account.domains = tuple(rng.sample(pool, min(len(pool), rng.randint(1, 3))))
            account.maker = rng.choice(corpus.handle_makers)
        elif kind == "occasional":
            account.category = _pick(rng, OCCASIONAL_CATEGORIES)
            account.offence_day = rng.randint(joined_day, config.days - 1)
        out.append(account)
    return out
