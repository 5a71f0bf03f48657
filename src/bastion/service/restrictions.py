"""Read the restrictions in force on accounts from the store (``bastion.enforce.in_force``).

Automated batches (``service.enforcer``) and a moderator's decision (``service.decide``) both ask
the ladder to hold an account action that an equal or stronger restriction already covers, so
both read the rows the same way: unreversed, unexpired account actions of a covering kind, and
the account's standing itself (a ban or a revocation with no action on record still covers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.enforce.in_force import COVERING_KINDS, Restriction
from bastion.service.actions import AccountState
from bastion.service.ingest_store import chunks
from bastion.store.enums import AccountStatus, Monetization
from bastion.store.models import Account, Action


def is_restricted(account: Account | AccountState) -> bool:
    """An active account with nothing restricted has nothing in force: no read needed."""
    return (
        account.status != AccountStatus.ACTIVE
        or account.monetization != Monetization.ACTIVE
        or bool(account.followers_frozen)
    )


def load_in_force(
    session: Session, tenant_id: int, accounts: Iterable[Account | AccountState], now: datetime
) -> dict[int, list[Restriction]]:
    """The restrictions in force at ``now`` on each restricted account, by account id."""
    restricted = {a.id: a for a in accounts if is_restricted(a)}
    found: dict[int, list[Restriction]] = defaultdict(list)
    for part in chunks(sorted(restricted)):
        for row in session.execute(
            select(Action.account_id, Action.kind, Action.created_at, Action.expires_at)
            .where(
                Action.tenant_id == tenant_id,
                Action.account_id.in_(part),
                Action.reversed_at.is_(None),
                Action.kind.in_(COVERING_KINDS),
                (Action.expires_at.is_(None)) | (Action.expires_at > now),
            )
            .order_by(Action.id)
        ):
            expires = row.expires_at
            duration = None if expires is None else expires - row.created_at
            found[row.account_id].append(Restriction(str(row.kind), duration, expires))
    for account_id, account in restricted.items():
        held = {r.kind for r in found[account_id]}
        if account.status == AccountStatus.BANNED and "ban" not in held:
            found[account_id].append(Restriction("ban"))
        if account.monetization == Monetization.REVOKED and "revoke_monetization" not in held:
            found[account_id].append(Restriction("revoke_monetization"))
    return found
