"""``StatementBook`` (one statement built per template, then filled per item) gives, item after
item, exactly the dict ``statement_to_dict(build_statement(...))`` gives, and refuses the same
bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.enforce.ladder import Ladder, StrikeRecord
from bastion.enforce.reasons import ReasonsConfig, build_statement, statement_to_dict
from bastion.enforce.statements import StatementBook
from bastion.model import Entity, ImageReport, ProvenanceClaim, ScanResult, Violation

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
LADDER = Ladder.default()
CATEGORIES = ("gambling", "scam", "porn", "synthetic_media", "custom_cat")
TEXTS = st.text(alphabet="ab.c/ 中@+-_%?&", max_size=12)


@st.composite
def entities(draw: st.DrawFn) -> Entity:
    kind = draw(st.sampled_from(("domain", "url", "phone", "wechat")))
    start = draw(st.integers(0, 40))
    image = draw(st.booleans())
    return Entity(
        kind,
        draw(TEXTS),
        (start, start + draw(st.integers(1, 20))),
        draw(TEXTS),
        registrable_domain=draw(st.none() | TEXTS),
        categories=draw(st.lists(st.sampled_from(CATEGORIES), max_size=2)),
        sources=draw(st.lists(st.sampled_from(("feed:a", "cue:b")), max_size=2)),
        origin="image:0:qr" if image else "text",
        box=(1, 2, 30, 40) if image else None,
    )


SHAPES = st.tuples(
    st.sampled_from(CATEGORIES),
    st.sampled_from(("link.listed", "handle.cue")),
    st.sampled_from(("low", "high", "critical")),
    st.sampled_from(("disable_link", "remove", "label")),
    st.integers(0, 3),
)
"""What a template is keyed on: category, rule, severity, outcome and the account's strikes."""


@st.composite
def findings(
    draw: st.DrawFn, shape: tuple[str, str, str, str, int]
) -> tuple[ScanResult, Violation, int, str, datetime | None, bool, str]:
    category, rule, severity, outcome, strikes = shape
    found = draw(st.lists(entities(), min_size=1, max_size=4))
    others = draw(st.lists(st.sampled_from(("link.listed", "handle.cue", "ai.label")), max_size=2))
    origins = ["image:0:provenance"] if draw(st.booleans()) else []
    main = Violation(
        rule,
        category,
        severity,
        1.0,
        outcome,
        draw(st.lists(st.integers(0, len(found) - 1), max_size=2)),
        origins=origins,
    )
    modes = st.sampled_from(("enforce", "shadow"))
    extra = [Violation(r, category, "low", 0.5, "review", [], mode=draw(modes)) for r in others]
    claim = ProvenanceClaim("c2pa", ai=True, digital_source_type="trainedAlgorithmicMedia")
    images = [ImageReport(0, "a.png", provenance=[claim])] if origins else []
    result = ScanResult(
        draw(st.sampled_from(("p-1", "p/2 é", "p-3"))),
        "act",
        found,
        [main, *extra],
        policy_version=draw(st.sampled_from(("", "pol-1"))),
        images=images,
    )
    account = draw(st.sampled_from(("u-1", "u 2/é", "")))
    dated = draw(st.none() | st.just(NOW - timedelta(days=3)))
    has_images = draw(st.booleans())
    surface = draw(st.sampled_from(("post", "avatar")))
    return result, main, strikes, account, dated, has_images, surface


BATCHES = st.lists(SHAPES, min_size=1, max_size=2).flatmap(
    lambda shapes: st.lists(st.sampled_from(shapes).flatmap(findings), min_size=1, max_size=12)
)


CONFIG = ReasonsConfig(appeal_url_template="/a/{statement_id}?i={item_id}&u={account_id}")


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(BATCHES)
def test_filled_statements_equal_built_ones(
    cases: list[tuple[ScanResult, Violation, int, str, datetime | None, bool, str]],
) -> None:
    book = StatementBook(CONFIG, NOW, source="voluntary", automated_decision="full")
    for n, (result, violation, strikes, account, dated, has_images, surface) in enumerate(cases):
        history = [StrikeRecord(violation.category, "high", NOW - timedelta(days=1))] * strikes
        decision = LADDER.decide(violation, violation.outcome, history, NOW)
        if decision.status != "act" or not decision.actions:
            continue
        arguments = {
            "statement_id": f"sor-1-{n}-{violation.category}",
            "account_id": account,
            "now": NOW,
            "content_date": dated,
            "has_images": has_images,
            "surface": surface,
        }
        expected = statement_to_dict(
            build_statement(
                result,
                violation,
                decision,
                config=CONFIG,
                source="voluntary",
                automated_decision="full",
                **arguments,  # type: ignore[arg-type]
            )
        )
        filled = book.statement(result, violation, decision, **arguments)  # type: ignore[arg-type]
        text = book.statement_text(result, violation, decision, **arguments)  # type: ignore[arg-type]
        assert filled == expected
        assert list(filled) == list(expected)
        assert text == json.dumps(expected)


def test_templates_are_reused_and_bad_input_is_refused_as_before() -> None:
    entity = Entity(
        "domain", "bet.com", (0, 7), "bet.com", "bet.com", "bet.com", categories=["gambling"]
    )
    violation = Violation("link.listed", "gambling", "high", 1.0, "disable_link", [0])
    decision = LADDER.decide(violation, "disable_link", [], NOW)
    book = StatementBook(ReasonsConfig(), NOW, source="voluntary", automated_decision="full")
    common = {"account_id": "u", "now": NOW, "content_date": None, "has_images": False}
    for n in range(5):
        result = ScanResult(f"p-{n}", "act", [entity], [violation])
        book.statement(result, violation, decision, statement_id=f"s-{n}", surface="post", **common)  # type: ignore[arg-type]
    assert len(book.templates) == 1
    result = ScanResult("p-9", "act", [entity], [violation])
    with pytest.raises(ValueError, match="statement_id"):
        book.statement(result, violation, decision, statement_id="bad id", surface="", **common)  # type: ignore[arg-type]
    pointing = Violation("link.listed", "gambling", "high", 1.0, "disable_link", [3])
    with pytest.raises(ValueError, match="missing entity 3"):
        book.statement(
            ScanResult("p-8", "act", [entity], [pointing]), pointing, decision,
            statement_id="s-8", surface="", **common,  # type: ignore[arg-type]
        )  # fmt: skip
    naive = {**common, "content_date": datetime(2026, 1, 1)}
    with pytest.raises(ValueError, match="timezone-aware"):
        book.statement(result, violation, decision, statement_id="s-9", surface="", **naive)  # type: ignore[arg-type]
