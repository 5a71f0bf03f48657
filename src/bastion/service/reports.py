"""User reports (notices): file one, merge duplicates into one open case, follow the outcome.

Reports about the same item (or the same account, when no item is named) land in one open case,
whose priority rises with the worst reason given, with every *distinct* reporter (one person
reporting twice does not count twice, so brigading by one reporter cannot push a case up) and,
above everything else, when a trusted flagger (DSA Art. 22) reported it. Reporters are rate
limited over sliding windows, by reporter id and by a keyed hash of their IP; the raw IP is never
stored. A reporter follows their report with a token derived from the server secret (HMAC of the
report id), so nothing extra is stored and nobody else can read the outcome.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from sqlalchemy import func, literal, select, text
from sqlalchemy.orm import Session

from bastion.model import BUILTIN_CATEGORIES
from bastion.service.errors import Conflict, InvalidInput, NotFound, RateLimited
from bastion.service.reporters import is_muted, keys_of
from bastion.store import audit
from bastion.store.enums import CaseStatus, Decision
from bastion.store.models import Account, Case, Item, Report, Review

REPORT_REASONS: Final = (*BUILTIN_CATEGORIES, "other")
MAX_REPORT_TEXT: Final = 2000
MAX_REPORTER_ID: Final = 255

REASON_WEIGHT: Final[dict[str, int]] = {
    "phishing": 50,
    "malware": 50,
    "scam": 40,
    "sexual_services": 30,
    "porn": 30,
    "gambling": 20,
}
"""Base priority by reason: harms that hit the reporter directly (credentials, devices) first."""
OTHER_WEIGHT: Final = 10
PER_EXTRA_REPORTER: Final = 5
MAX_EXTRA_REPORTERS: Final = 10
TRUSTED_BONUS: Final = 100
"""Larger than any sum of the rest, so a trusted flagger's case always comes first."""

OPEN_STATUSES: Final = (CaseStatus.OPEN, CaseStatus.CLAIMED)
SECRET_FILE: Final = "report-secret.key"


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most ``count`` reports per reporter within any ``window``."""

    count: int
    window: timedelta

    def __post_init__(self) -> None:
        if self.count < 1 or self.window <= timedelta(0):
            raise ValueError("a rate limit needs count >= 1 and a positive window")


@dataclass(frozen=True, slots=True)
class ReportConfig:
    """Vocabulary, bounds and limits for reports; ``secret`` keys the IP hash and report tokens."""

    secret: bytes
    reasons: tuple[str, ...] = REPORT_REASONS
    max_text: int = MAX_REPORT_TEXT
    limits: tuple[RateLimit, ...] = (
        RateLimit(10, timedelta(minutes=10)),
        RateLimit(50, timedelta(days=1)),
    )
    trusted_limits: tuple[RateLimit, ...] = (RateLimit(2000, timedelta(hours=1)),)
    weights: dict[str, int] = field(default_factory=lambda: dict(REASON_WEIGHT))

    def __post_init__(self) -> None:
        if len(self.secret) < 16:
            raise ValueError("the report secret must be at least 16 bytes")
        if "other" not in self.reasons:
            raise ValueError("report reasons must include 'other'")

    def weight(self, reason: str) -> int:
        return self.weights.get(reason, OTHER_WEIGHT)


def load_secret(home: Path) -> bytes:
    """The server secret in ``home/report-secret.key``, created (mode 0600) on first use."""
    path = Path(home).expanduser() / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_bytes().strip()
        if len(secret) < 16:
            raise ValueError(
                f"{path} holds fewer than 16 bytes; delete it to make a new one"
            ) from None
        return secret
    value = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return value


@dataclass(frozen=True, slots=True)
class Reporter:
    """Who reports: a platform user id and/or the client IP; ``trusted`` marks a trusted flagger."""

    id: str | None = None
    ip: str | None = None
    trusted: bool = False


@dataclass(frozen=True, slots=True)
class ReportReceipt:
    """A filed report, the case it opened or joined (None when its reporter is muted: stored,
    counted, never queued), whether it merged into an open case, and the reporter's token."""

    report: Report
    joined: Case | None
    merged: bool
    token: str

    @property
    def case(self) -> Case:
        if self.joined is None:
            raise Conflict(f"report {self.report.id} is from a muted reporter and joined no case")
        return self.joined


@dataclass(frozen=True, slots=True)
class ReportView:
    """What a reporter may learn: their report and the outcome, never who decided or who else."""

    id: int
    reason: str
    target_kind: str
    target_id: str
    status: str
    created_at: datetime
    decided_at: datetime | None


def ip_hash(config: ReportConfig, tenant_id: int, ip: str) -> str:
    """Keyed, per-tenant hash of an IP: usable for limits, useless for re-identification."""
    message = f"ip:{tenant_id}:{ip.strip().lower()}".encode()
    return hmac.new(config.secret, message, hashlib.sha256).hexdigest()


def report_token(config: ReportConfig, tenant_id: int, report_id: int) -> str:
    digest = hmac.new(config.secret, f"report:{tenant_id}:{report_id}".encode(), hashlib.sha256)
    return "rpt_" + digest.hexdigest()[:40]


def check_token(config: ReportConfig, tenant_id: int, report_id: int, token: str) -> bool:
    return hmac.compare_digest(report_token(config, tenant_id, report_id), token)


def file_report(
    session: Session,
    tenant_id: int,
    *,
    reason: str,
    reporter: Reporter,
    now: datetime,
    config: ReportConfig,
    item_id: str | None = None,
    account_id: str | None = None,
    text_: str = "",
) -> ReportReceipt:
    """Record a report on an item or account (external ids) and merge it into the open case.

    Raises InvalidInput for a bad reason, text or target, NotFound for an unknown target and
    RateLimited (with ``retry_after`` seconds) when the reporter is over a limit.
    """
    check_report(config, reason, text_, item_id, account_id, reporter)
    hashed_ip = ip_hash(config, tenant_id, reporter.ip) if reporter.ip else None

    item, account = _lock_target(session, tenant_id, item_id, account_id)
    _enforce_limits(session, tenant_id, reporter, hashed_ip, now, config)
    if not reporter.trusted and is_muted(session, tenant_id, keys_of(reporter.id, hashed_ip)):
        return _file_muted(
            session, tenant_id, reporter, hashed_ip, item, account, reason, text_, now, config
        )

    case = _open_case(session, tenant_id, item, account)
    merged = case is not None
    if case is None:
        case = Case(
            tenant_id=tenant_id,
            item_id=item.id if item else None,
            account_id=item.account_id if item else account.id if account else None,
            status=CaseStatus.OPEN,
            priority=0,
            reason=f"report:{reason}",
            created_at=now,
            updated_at=now,
        )
        session.add(case)
        session.flush()
        audit.append(
            session,
            actor=_actor(reporter),
            action="case.opened",
            subject=f"case:{case.id}",
            payload={"source": "report", "reason": reason, "target": _target(item, account)},
            tenant_id=tenant_id,
            created_at=now,
        )
    report = _stored_report(
        session, tenant_id, reporter, hashed_ip, item, account, reason, text_, case.id, now
    )
    before = case.priority
    case.priority = max(case.priority, case_priority(session, tenant_id, case.id, config))
    case.updated_at = now
    session.flush()
    audit.append(
        session,
        actor=_actor(reporter),
        action="report.filed",
        subject=f"report:{report.id}",
        payload={
            "case": case.id,
            "merged": merged,
            "reason": reason,
            "trusted_flagger": reporter.trusted,
            "priority": [before, case.priority],
            "target": _target(item, account),
        },
        tenant_id=tenant_id,
        created_at=now,
    )
    return ReportReceipt(report, case, merged, report_token(config, tenant_id, report.id))


def _stored_report(
    session: Session,
    tenant_id: int,
    reporter: Reporter,
    hashed_ip: str | None,
    item: Item | None,
    account: Account | None,
    reason: str,
    text_: str,
    case_id: int | None,
    now: datetime,
) -> Report:
    """The report row, flushed for its id; a muted one (no case) never counts as a trusted
    flagger's."""
    report = Report(
        tenant_id=tenant_id,
        reporter_id=reporter.id,
        reporter_ip_hash=hashed_ip,
        trusted_flagger=reporter.trusted and case_id is not None,
        item_id=item.id if item else None,
        account_id=account.id if account else None,
        reason=reason,
        text=text_,
        case_id=case_id,
        created_at=now,
    )
    session.add(report)
    session.flush()
    return report


def _file_muted(
    session: Session,
    tenant_id: int,
    reporter: Reporter,
    hashed_ip: str | None,
    item: Item | None,
    account: Account | None,
    reason: str,
    text_: str,
    now: datetime,
    config: ReportConfig,
) -> ReportReceipt:
    """A muted reporter's report: stored (and counted) with no case, so it never queues."""
    report = _stored_report(
        session, tenant_id, reporter, hashed_ip, item, account, reason, text_, None, now
    )
    audit.append(
        session,
        actor=_actor(reporter),
        action="report.filed",
        subject=f"report:{report.id}",
        payload={"case": None, "muted": True, "reason": reason, "target": _target(item, account)},
        tenant_id=tenant_id,
        created_at=now,
    )
    return ReportReceipt(report, None, False, report_token(config, tenant_id, report.id))


def check_report(
    config: ReportConfig,
    reason: str,
    text_: str,
    item_id: str | None,
    account_id: str | None,
    reporter: Reporter,
) -> None:
    """Refuse a malformed report with InvalidInput naming the problem."""
    if reason not in config.reasons:
        raise InvalidInput(f"reason {reason!r} is not one of {', '.join(config.reasons)}")
    if len(text_) > config.max_text:
        raise InvalidInput(f"report text is limited to {config.max_text} characters")
    if "\x00" in text_:
        raise InvalidInput("report text contains a NUL character")
    if (item_id is None) == (account_id is None):
        raise InvalidInput("report exactly one target: item_id or account_id")
    if reporter.id is not None and (
        not 0 < len(reporter.id) <= MAX_REPORTER_ID or "\x00" in reporter.id
    ):
        raise InvalidInput(f"reporter id must be 1-{MAX_REPORTER_ID} characters without NUL")
    for name, value in (("item_id", item_id), ("account_id", account_id)):
        if value is not None:
            _check_external(value, name)
    if not reporter.id and not reporter.ip:
        raise InvalidInput("a report needs a reporter id or the client address for rate limits")


def case_priority(session: Session, tenant_id: int, case_id: int, config: ReportConfig) -> int:
    """Worst reason + distinct reporters beyond the first (capped) + trusted flagger bonus."""
    who = func.coalesce(Report.reporter_id, literal("ip:").op("||")(Report.reporter_ip_hash))
    scope = (Report.tenant_id == tenant_id, Report.case_id == case_id)
    reasons = session.scalars(select(Report.reason).where(*scope).distinct()).all()
    distinct_reporters = session.scalar(select(func.count(func.distinct(who))).where(*scope)) or 0
    trusted = session.scalar(select(func.count()).where(*scope, Report.trusted_flagger.is_(True)))
    score = max((config.weight(r) for r in reasons), default=0)
    score += PER_EXTRA_REPORTER * min(max(distinct_reporters - 1, 0), MAX_EXTRA_REPORTERS)
    return score + (TRUSTED_BONUS if trusted else 0)


def get_report(session: Session, tenant_id: int, report_id: int) -> ReportView:
    """The reporter's view of one report of this tenant; NotFound otherwise."""
    report = session.scalars(
        select(Report).where(Report.tenant_id == tenant_id, Report.id == report_id)
    ).one_or_none()
    if report is None:
        raise NotFound(f"report {report_id} not found")
    status, decided_at = "received", None
    if report.case_id is not None:
        case = session.get(Case, report.case_id)
        if case is not None:
            status, decided_at = _outcome(session, case)
    target: Item | Account | None
    if report.item_id is not None:
        kind, target = "item", session.get(Item, report.item_id)
    else:
        kind, target = "account", session.get(Account, report.account_id)
    return ReportView(
        id=report.id,
        reason=report.reason,
        target_kind=kind,
        target_id=target.external_id if target is not None else "",
        status=status,
        created_at=report.created_at,
        decided_at=decided_at,
    )


def _outcome(session: Session, case: Case) -> tuple[str, datetime | None]:
    if case.status == CaseStatus.OPEN:
        return "open", None
    if case.status == CaseStatus.CLAIMED:
        return "in_review", None
    review = session.scalars(
        select(Review)
        .where(Review.tenant_id == case.tenant_id, Review.case_id == case.id)
        .order_by(Review.id.desc())
        .limit(1)
    ).one_or_none()
    if review is None:
        return "closed", case.updated_at
    names = {
        Decision.UPHOLD: "upheld",
        Decision.DISMISS: "dismissed",
        Decision.CHANGE_ACTION: "upheld",
    }
    return names[review.decision], review.created_at


def _lock_target(
    session: Session, tenant_id: int, item_id: str | None, account_id: str | None
) -> tuple[Item | None, Account | None]:
    """Find the target and lock its row, so concurrent reports on it merge into one case."""
    if item_id is not None:
        _check_external(item_id, "item_id")
        item = session.scalars(
            select(Item)
            .where(Item.tenant_id == tenant_id, Item.external_id == item_id)
            .with_for_update()
        ).one_or_none()
        if item is None:
            raise NotFound(f"item {item_id!r} is not known to this tenant")
        return item, None
    assert account_id is not None
    _check_external(account_id, "account_id")
    account = session.scalars(
        select(Account)
        .where(Account.tenant_id == tenant_id, Account.external_id == account_id)
        .with_for_update()
    ).one_or_none()
    if account is None:
        raise NotFound(f"account {account_id!r} is not known to this tenant")
    return None, account


def _check_external(value: str, name: str) -> None:
    if not 0 < len(value) <= 255 or "\x00" in value:
        raise InvalidInput(f"{name} must be 1-255 characters without NUL")


def _open_case(
    session: Session, tenant_id: int, item: Item | None, account: Account | None
) -> Case | None:
    query = select(Case).where(Case.tenant_id == tenant_id, Case.status.in_(OPEN_STATUSES))
    if item is not None:
        query = query.where(Case.item_id == item.id)
    elif account is not None:
        query = query.where(Case.account_id == account.id, Case.item_id.is_(None))
    return session.scalars(query.order_by(Case.id).limit(1).with_for_update()).first()


def _enforce_limits(
    session: Session,
    tenant_id: int,
    reporter: Reporter,
    hashed_ip: str | None,
    now: datetime,
    config: ReportConfig,
) -> None:
    """Sliding windows per reporter id and per IP hash; raise RateLimited with Retry-After."""
    limits = config.trusted_limits if reporter.trusted else config.limits
    keys = []
    if reporter.id:
        keys.append((Report.reporter_id, reporter.id))
    if hashed_ip:
        keys.append((Report.reporter_ip_hash, hashed_ip))
    if session.get_bind().dialect.name == "postgresql":
        for _, value in keys:  # serialise one reporter's concurrent reports, not everyone's
            session.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"{tenant_id}:{value}"}
            )
    wait = 0.0
    for column, value in keys:
        for limit in limits:
            since = now - limit.window
            recent = session.scalars(
                select(Report.created_at)
                .where(Report.tenant_id == tenant_id, column == value, Report.created_at > since)
                .order_by(Report.created_at.desc())
                .limit(limit.count)
            ).all()
            if len(recent) >= limit.count:
                frees_at = recent[limit.count - 1] + limit.window
                wait = max(wait, (frees_at - now).total_seconds())
    if wait > 0:
        raise RateLimited("too many reports; try again later", retry_after=max(1, math.ceil(wait)))


def _actor(reporter: Reporter) -> str:
    if reporter.id:
        return f"reporter:{reporter.id}"[:255]
    return "reporter:anonymous"


def _target(item: Item | None, account: Account | None) -> dict[str, str]:
    if item is not None:
        return {"item": item.external_id}
    if account is not None:
        return {"account": account.external_id}
    raise Conflict("report without a target")
