"""The database, not only the helpers, refuses duplicates and out-of-vocabulary values."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from bastion.store import Store
from bastion.store import queries as q
from bastion.store.models import Action, Case, Strike, Violation
from bastion.store.types import utcnow


def _setup(store: Store) -> tuple[int, int, int]:
    with store.transaction() as session:
        tenant = q.create_tenant(session, slug="demo", name="Demo")
        item = q.upsert_item(session, tenant.id, "p-1", text="x", account_external_id="u-1").item
        assert item.account_id is not None
        return tenant.id, item.account_id, item.id


def _strike(tenant_id: int, account_id: int, item_id: int, category: str) -> Strike:
    return Strike(
        tenant_id=tenant_id,
        account_id=account_id,
        item_id=item_id,
        category=category,
        severity="high",
        expires_at=utcnow() + timedelta(days=90),
    )


def test_second_strike_for_same_account_item_category_is_rejected(store: Store) -> None:
    tenant_id, account_id, item_id = _setup(store)
    with store.transaction() as session:
        session.add(_strike(tenant_id, account_id, item_id, "gambling"))
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(_strike(tenant_id, account_id, item_id, "gambling"))
    with store.transaction() as session:
        session.add(_strike(tenant_id, account_id, item_id, "scam"))
    with store.transaction(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(Strike)) == 2


def test_same_item_and_violation_never_gets_a_second_action(store: Store) -> None:
    tenant_id, _account_id, item_id = _setup(store)
    with store.transaction() as session:
        violation = Violation(
            tenant_id=tenant_id,
            item_id=item_id,
            position=0,
            rule="link.listed",
            category="gambling",
            severity="high",
            confidence=1.0,
            outcome="disable_link",
        )
        session.add(violation)
        session.flush()
        violation_id = violation.id

    def action() -> Action:
        return Action(
            tenant_id=tenant_id,
            item_id=item_id,
            violation_id=violation_id,
            dedupe_key=f"item:{item_id}:violation:{violation_id}",
            kind="disable_link",
            actor="automation",
            statement_of_reasons={"ground": "illegal gambling link"},
        )

    with store.transaction() as session:
        session.add(action())
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(action())
    with store.transaction(readonly=True) as session:
        stored = session.scalars(select(Action)).one()
        assert stored.statement_of_reasons == {"ground": "illegal gambling link"}
        assert stored.kind == "disable_link" and stored.actor == "automation"


def test_check_constraints_refuse_bad_values_written_raw(store: Store) -> None:
    tenant_id, account_id, _ = _setup(store)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET status = 'zombie' WHERE id = :id"), {"id": account_id}
        )
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(Case(tenant_id=tenant_id, priority=1))


def test_orm_refuses_unknown_enum_value(store: Store) -> None:
    tenant_id, _account_id, item_id = _setup(store)
    with pytest.raises(StatementError, match="nuke"), store.transaction() as session:
        session.add(
            Action(
                tenant_id=tenant_id, item_id=item_id, dedupe_key="k", kind="nuke", actor="report"
            )
        )


def test_naive_datetimes_are_refused(store: Store) -> None:
    tenant_id, account_id, item_id = _setup(store)
    with pytest.raises(StatementError, match="naive"), store.transaction() as session:
        session.add(_strike(tenant_id, account_id, item_id, "porn"))
        strike = _strike(tenant_id, account_id, item_id, "scam")
        strike.expires_at = datetime(2030, 1, 1)
        session.add(strike)


def test_foreign_keys_are_enforced(store: Store) -> None:
    tenant_id, _, _ = _setup(store)
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(Case(tenant_id=tenant_id, item_id=999_999))
