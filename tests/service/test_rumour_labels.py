"""A rumour through the real scanner, ingest and store (SQLite and PostgreSQL): labelled and
queued for a person, never removed, never struck, however often the account repeats it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bastion import Scanner
from bastion.detect.claimlist import Claim
from bastion.detect.rumours import ClaimIndex
from bastion.enforce import Ladder
from bastion.intel import IntelIndex
from bastion.model import Item
from bastion.policy import Policy
from bastion.service import enforce_result
from bastion.service.decide import decide_case
from bastion.service.errors import InvalidInput
from bastion.service.findings import LABEL_ONLY
from bastion.service.review import claim_case
from bastion.store import Store
from bastion.store.models import Action, Case, Strike
from bastion.store.models import Item as ItemRow
from tests.service.conftest import T0, TenantInfo
from tests.service.test_review import reported_case

CLAIM = Claim("5G towers spread the coronavirus", "False", "https://factcheck.example/5g")


def test_a_rumour_is_labelled_and_reviewed_never_removed(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    scanner = Scanner(IntelIndex.empty(), Policy.default(), assets={"rumours": ClaimIndex([CLAIM])})
    for n in range(4):  # a repeat offender climbs no ladder
        item = Item(
            id=f"r{n}",
            text=f"share! 5G towers spread the coronavirus #{n}",
            surface="post",
            account_id="u-rumour",
            platform="demo",
        )
        result = scanner.scan(item)
        assert result.verdict == "review"
        with store.transaction() as session:
            outcome = enforce_result(
                session, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0
            )
        assert [a.kind for a in outcome.actions] == ["label"]
    with store.transaction(readonly=True) as session:
        rows = session.scalars(select(ItemRow).where(ItemRow.tenant_id == tenant.id)).all()
        assert len(rows) == 4
        assert all(r.labeled and not r.content_removed and not r.link_disabled for r in rows)
        assert session.scalars(select(Strike)).all() == []
        kinds = {str(a.kind) for a in session.scalars(select(Action)).all()}
        assert kinds == {"label"}
        cases = session.scalars(select(Case).where(Case.tenant_id == tenant.id)).all()
        assert len(cases) == 4


def test_a_moderator_upholding_a_rumour_labels_and_limits_never_removes(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """The review case a rumour opens, upheld: the rumour ladder's label (and, on a repeat, its
    warning and monetization limit), never a removal; choosing a removal is refused."""
    scanner = Scanner(IntelIndex.empty(), Policy.default(), assets={"rumours": ClaimIndex([CLAIM])})
    decided = []
    for n in range(3):
        item = Item(
            id=f"m{n}",
            text=f"5G towers spread the coronavirus, pass it on #{n}",
            surface="post",
            account_id="u-repeat",
            platform="demo",
        )
        with store.transaction() as session:
            enforce_result(
                session,
                tenant_id=tenant.id,
                item=item,
                result=scanner.scan(item),
                ladder=ladder,
                now=T0,
            )
        with store.transaction() as session:
            row = session.scalars(select(ItemRow).where(ItemRow.external_id == item.id)).one()
            case_id = session.scalars(select(Case.id).where(Case.item_id == row.id)).one()
            claim_case(session, tenant.id, case_id, "ann", now=T0)
            if n == 2:
                with pytest.raises(InvalidInput, match="never removed"):
                    decide_case(
                        session,
                        tenant.id,
                        case_id,
                        moderator="ann",
                        decision="change_action",
                        action_kind="remove_content",
                        now=T0,
                        ladder=ladder,
                    )
                continue
            outcome = decide_case(
                session,
                tenant.id,
                case_id,
                moderator="ann",
                decision="uphold",
                now=T0,
                ladder=ladder,
            )
            decided.append([str(a.kind) for a in outcome.actions])
    # rumour/low ladder: [label], then [label, warn]; no remove_content or disable_link.
    assert decided == [["label"], ["label", "warn"]]
    with store.transaction(readonly=True) as session:
        rows = session.scalars(select(ItemRow).where(ItemRow.tenant_id == tenant.id)).all()
        assert all(not r.content_removed and not r.link_disabled for r in rows)
        assert all(r.labeled for r in rows)
        kinds = {str(a.kind) for a in session.scalars(select(Action)).all()}
        assert not kinds & {"remove_content", "disable_link"}
        assert [s.category for s in session.scalars(select(Strike)).all()] == ["rumour"] * 2


def test_a_reported_post_upheld_as_rumour_is_labelled_not_removed(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """No scan finding, only a report: the moderator naming category rumour labels the post
    (any other category still removes a reported post, as before)."""
    assert "rumour" in LABEL_ONLY
    cases = {
        name: reported_case(store, tenant, ladder, f"p-{name}", reason="other")
        for name in ("rumour", "scam")
    }
    with store.transaction() as session:
        kinds = {}
        for category, case_id in cases.items():
            claim_case(session, tenant.id, case_id, "ann", now=T0)
            outcome = decide_case(
                session,
                tenant.id,
                case_id,
                moderator="ann",
                decision="uphold",
                category=category,
                now=T0,
                ladder=ladder,
            )
            kinds[category] = [str(a.kind) for a in outcome.actions]
    assert kinds["rumour"] == ["label", "warn"]  # rumour/high (a report is rated high): no removal
    assert "remove_content" in kinds["scam"]
    with store.transaction(readonly=True) as session:
        post = session.scalars(select(ItemRow).where(ItemRow.external_id == "p-rumour")).one()
        assert post.labeled and not post.content_removed
