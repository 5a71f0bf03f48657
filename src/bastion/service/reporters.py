"""Reporters as moderators see them: reputation from past outcomes, and muting an abusive one.

A reporter is known by their platform id (``id:<reporter id>``) or, without one, by the keyed
hash of their address (``ip:<hash>``, ``bastion.service.reports.ip_hash``): never the address.
Reputation is the share of their reports on decided cases that a moderator upheld (uphold or
change of action), with the counts it rests on, so one lucky report is not "100 %".

A muted reporter's reports are still stored (and counted in the transparency report and in
their own standing) but no longer open or join a case, so they stop reaching the queue and stop
raising priorities; the reporter is not told (their outcome page says "received"). Muting and
unmuting are audited, and unmuting restores the old behaviour for reports filed from then on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session

from bastion.service.errors import Conflict, InvalidInput, NotFound
from bastion.store import audit
from bastion.store.enums import Decision
from bastion.store.models import Report, ReporterMute, Review

MAX_REASON: Final = 500
MAX_KEY: Final = 300
UPHELD: Final = (Decision.UPHOLD, Decision.CHANGE_ACTION)


def reporter_key(reporter_id: str | None, ip_hash: str | None) -> str:
    """The one key a report's author is known by (their id when the platform gave one)."""
    if reporter_id:
        return f"id:{reporter_id}"
    if ip_hash:
        return f"ip:{ip_hash}"
    return ""


def keys_of(reporter_id: str | None, ip_hash: str | None) -> list[str]:
    """Every key a mute may name for this reporter: their id and their address hash."""
    return [k for k in (reporter_id and f"id:{reporter_id}", ip_hash and f"ip:{ip_hash}") if k]


@dataclass(frozen=True, slots=True)
class Standing:
    """A reporter's record: reports filed, how many were on decided cases, how many upheld."""

    key: str
    reports: int
    decided: int
    upheld: int
    muted: bool

    @property
    def reputation(self) -> float | None:
        """Share of decided reports upheld; None before any was decided."""
        return self.upheld / self.decided if self.decided else None

    @property
    def label(self) -> str:
        """How a page names the reporter: the id, or the start of the address hash."""
        kind, _, value = self.key.partition(":")
        return value if kind == "id" else f"address {value[:10]}"


def _matches(key: str) -> ColumnElement[bool]:
    kind, _, value = key.partition(":")
    if kind == "id" and value:
        return Report.reporter_id == value
    if kind == "ip" and value:
        return and_(Report.reporter_id.is_(None), Report.reporter_ip_hash == value)
    raise InvalidInput(f"reporter {key[:40]!r} is not id:<reporter id> or ip:<address hash>")


def check_key(key: str) -> str:
    if not 3 < len(key) <= MAX_KEY or "\x00" in key:
        raise InvalidInput(f"reporter key must be 4-{MAX_KEY} characters without NUL")
    _matches(key)
    return key


def standings(session: Session, tenant_id: int, keys: Iterable[str]) -> dict[str, Standing]:
    """Each reporter's standing, by key (one grouped query per kind of key)."""
    wanted = list(dict.fromkeys(check_key(k) for k in keys))
    muted = set(
        session.scalars(
            select(ReporterMute.reporter).where(
                ReporterMute.tenant_id == tenant_id, ReporterMute.reporter.in_(wanted)
            )
        )
    )
    decided = exists().where(Review.tenant_id == Report.tenant_id, Review.case_id == Report.case_id)
    upheld = exists().where(
        Review.tenant_id == Report.tenant_id,
        Review.case_id == Report.case_id,
        Review.decision.in_(UPHELD),
    )
    counts: dict[str, tuple[int, int, int]] = {}
    for kind, column, extra in (
        ("id", Report.reporter_id, None),
        ("ip", Report.reporter_ip_hash, Report.reporter_id.is_(None)),
    ):
        values = [k[3:] for k in wanted if k.startswith(f"{kind}:")]
        if not values:
            continue
        where = [Report.tenant_id == tenant_id, column.in_(values)]
        if extra is not None:
            where.append(extra)
        for value, total, n_decided, n_upheld in session.execute(
            select(
                column,
                func.count(),
                func.count().filter(decided),
                func.count().filter(upheld),
            )
            .where(*where)
            .group_by(column)
        ):
            counts[f"{kind}:{value}"] = (int(total), int(n_decided), int(n_upheld))
    return {k: Standing(k, *counts.get(k, (0, 0, 0)), muted=k in muted) for k in wanted}


def is_muted(session: Session, tenant_id: int, keys: Sequence[str]) -> bool:
    if not keys:
        return False
    found = session.scalar(
        select(func.count()).where(
            ReporterMute.tenant_id == tenant_id, ReporterMute.reporter.in_(keys)
        )
    )
    return bool(found)


def mute_reporter(
    session: Session, tenant_id: int, key: str, *, moderator: str, reason: str, now: datetime
) -> ReporterMute:
    """Stop ``key``'s future reports from entering the queue; Conflict if already muted."""
    check_key(key)
    reason = reason.strip()
    if not 0 < len(reason) <= MAX_REASON or "\x00" in reason:
        raise InvalidInput(f"give a reason of 1-{MAX_REASON} characters for muting")
    if not session.scalar(select(func.count()).where(Report.tenant_id == tenant_id, _matches(key))):
        raise NotFound("no report by this reporter")
    if is_muted(session, tenant_id, [key]):
        raise Conflict("this reporter is already muted")
    row = ReporterMute(
        tenant_id=tenant_id, reporter=key, muted_by=moderator, reason=reason, created_at=now
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        actor=f"moderator:{moderator}",
        action="reporter.muted",
        subject=f"reporter:{key}"[:255],
        payload={"reason": reason},
        tenant_id=tenant_id,
        created_at=now,
    )
    return row


def unmute_reporter(
    session: Session, tenant_id: int, key: str, *, moderator: str, now: datetime
) -> None:
    """Let ``key``'s reports reach the queue again; NotFound when they are not muted."""
    check_key(key)
    row = session.scalars(
        select(ReporterMute).where(
            ReporterMute.tenant_id == tenant_id, ReporterMute.reporter == key
        )
    ).one_or_none()
    if row is None:
        raise NotFound("this reporter is not muted")
    session.delete(row)
    session.flush()
    audit.append(
        session,
        actor=f"moderator:{moderator}",
        action="reporter.unmuted",
        subject=f"reporter:{key}"[:255],
        payload={"muted_by": row.muted_by, "muted_at": row.created_at.isoformat()},
        tenant_id=tenant_id,
        created_at=now,
    )
