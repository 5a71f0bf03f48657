"""A rumour through the real scanner, ingest and store (SQLite and PostgreSQL): labelled and
queued for a person, never removed, never struck, however often the account repeats it."""

from __future__ import annotations

from sqlalchemy import select

from bastion import Scanner
from bastion.detect.claimlist import Claim
from bastion.detect.rumours import ClaimIndex
from bastion.enforce import Ladder
from bastion.intel import IntelIndex
from bastion.model import Item
from bastion.policy import Policy
from bastion.service import enforce_result
from bastion.store import Store
from bastion.store.models import Action, Case, Strike
from bastion.store.models import Item as ItemRow
from tests.service.conftest import T0, TenantInfo

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
