"""A picture declared AI-generated, through the real scanner, ingest, store and report (SQLite
and PostgreSQL): labelled, never removed or struck, explained in the statement of reasons, and
counted by its detection source beside text, QR and picture-hash findings."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bastion import Scanner
from bastion.enforce import Ladder, to_dsa
from bastion.model import ImageInput, Item
from bastion.report.stats import read_snapshot, transparency_stats
from bastion.service import enforce_result
from bastion.service.accounts import statement_from_dict
from bastion.store import Store
from bastion.store.models import Action, Entity, Strike, Violation
from bastion.store.models import Item as ItemRow
from tests.extract.images import pictures
from tests.extract.images import provenance_files as files
from tests.service.conftest import T0, TenantInfo

LISTED = "https://188bet.com/"  # in the example feeds as gambling


def _item(item_id: str, data: bytes, *, account: str = "u-ai", **fields: object) -> Item:
    return Item(
        id=item_id,
        surface=str(fields.get("surface", "post")),
        account_id=account,
        platform="demo",
        text=str(fields.get("text", "")),
        meta=dict(fields.get("meta", {})),  # type: ignore[call-overload]
        images=("upload.png",),
        image_data=(ImageInput("upload.png", data),),
    )


def _enforce(store: Store, tenant: TenantInfo, scanner: Scanner, item: Item, ladder: Ladder):  # type: ignore[no-untyped-def]
    result = scanner.scan(item)
    with store.transaction() as session:
        outcome = enforce_result(
            session, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0
        )
    return result, outcome


def test_an_ai_picture_is_labelled_with_reasons_and_no_strike(
    store: Store, tenant: TenantInfo, ladder: Ladder, scanner: Scanner
) -> None:
    # The account already has strikes: a label is no penalty and never climbs the ladder.
    for n in range(2):
        text = f"官网 188bet.com 注册送彩金 {n}"
        _enforce(store, tenant, scanner, _item(f"g{n}", files.picture(), text=text), ladder)
    result, outcome = _enforce(
        store, tenant, scanner, _item("ai-1", files.signed(files.picture())), ladder
    )
    assert result.verdict == "label"
    assert [v.rule for v in result.violations] == ["media.ai_unlabelled"]
    assert [a.kind for a in outcome.actions] == ["label"]
    assert outcome.decisions[0].strike_number == 0
    with store.transaction(readonly=True) as session:
        row = session.scalars(select(ItemRow).where(ItemRow.external_id == "ai-1")).one()
        assert row.labeled and not row.content_removed and not row.link_disabled
        assert str(row.verdict) == "label"
        assert session.scalars(select(Strike).where(Strike.item_id == row.id)).all() == []
        violation = session.scalars(select(Violation).where(Violation.item_id == row.id)).one()
        assert (str(violation.outcome), violation.sources) == ("label", "provenance")
        action = session.scalars(select(Action).where(Action.item_id == row.id)).one()
        statement = statement_from_dict(action.statement_of_reasons or {})
    [fact] = statement.provenance
    assert (fact.image, fact.source, fact.digital_source_type, fact.validation) == (
        0,
        "c2pa",
        "trainedAlgorithmicMedia",
        "Valid",
    )
    assert fact.signer == files.SIGNER_ORG and fact.generator == "DreamGen 2.1"
    record = to_dsa(statement)
    assert record["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_LABELLED"]
    assert "content_removed" not in str(record)
    facts = record["decision_facts"]
    assert "Picture 1 of the post declares it was made by AI (trainedAlgorithmicMedia" in facts
    assert files.SIGNER_ORG not in facts  # no names in the public export
    assert "AI label" in statement.ground.explanation


def test_a_labelled_item_or_an_unlabelled_surface_gets_nothing(
    store: Store, tenant: TenantInfo, ladder: Ladder, scanner: Scanner
) -> None:
    data = files.with_xmp(files.xmp_packet("trainedAlgorithmicMedia"))
    labelled = _item("ai-ok", data, meta={"ai_label": True})
    avatar = _item("ai-avatar", data, surface="avatar")
    for item in (labelled, avatar):
        result, outcome = _enforce(store, tenant, scanner, item, ladder)
        assert result.verdict == "allow" and outcome.actions == []
        assert [s.label for s in result.signals] == ["provenance.ai_generated"]


def test_the_report_counts_actions_by_detection_source(
    store: Store, tenant: TenantInfo, ladder: Ladder, scanner: Scanner
) -> None:
    qr = pictures.encode(pictures.qr(LISTED).convert("RGB"))
    items = [
        _item("t", files.picture(), text="官网 188bet.com 注册送彩金", account="u-t"),
        _item("q", qr, account="u-q"),
        _item("p", files.signed(files.picture()), account="u-p"),
    ]
    for item in items:
        _enforce(store, tenant, scanner, item, ladder)
    with store.transaction(readonly=True) as session:
        origins = {
            (e.kind, e.origin, tuple(e.box) if e.box else None)
            for e in session.scalars(select(Entity))
        }
    assert ("domain", "text", None) in origins
    assert any(origin == "image:0:qr" and box for _kind, origin, box in origins)
    stats = read_snapshot(
        store,
        lambda s: transparency_stats(
            s, date_from=T0.date(), date_to=(T0 + timedelta(days=1)).date()
        ),
    )
    by_source = stats.dimension_totals("detected_by")
    assert set(by_source) == {"text", "qr", "provenance"}
    assert by_source["provenance"] == 1  # the one label
    assert stats.breakdowns["detected_by"]["provenance"]["lighter_penalties"] == 1
    assert stats.breakdowns["detected_by"]["qr"]["items_removed"] >= 1
    assert sum(by_source.values()) == stats.totals.live
