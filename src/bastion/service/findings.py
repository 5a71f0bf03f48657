"""The finding a moderator's decision rests on: which violation, how severe, what content floor.

Preferably the item's worst violation of its *current* scan (``items.result``), so a confirmed
review case strikes exactly as automation would have. Failing that, the reported reason: the
moderator has confirmed a policy violation the scanner did not see, rated ``REPORTED_SEVERITY``
unless they say otherwise.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.model import SEVERITIES, Entity
from bastion.model import Violation as Finding
from bastion.service.errors import InvalidInput
from bastion.service.reports import REASON_WEIGHT
from bastion.store.models import Case, Item, Report
from bastion.store.models import Violation as ViolationRow

_SEVERITY_RANK: Final = {s: i for i, s in enumerate(SEVERITIES)}
ACTING_OUTCOMES: Final = ("remove", "disable_link")
LINK_KINDS: Final = frozenset({"url", "domain", "ip", "deeplink", "qr"})
REPORTED_SEVERITY: Final = "high"
LABEL_ONLY: Final = frozenset({"rumour"})
"""Categories whose content is labelled, never removed or link-disabled, whoever decides: a
moderator upholding a rumour labels it and the ladder may limit the account (warn, monetization),
as the regulation on rumours asks."""
REMOVING_KINDS: Final = frozenset({"remove_content", "disable_link"})


def finding_for(
    session: Session, case: Case, item: Item | None, category: str | None, severity: str | None
) -> tuple[Finding, list[Entity], int | None]:
    """The violation the decision rests on, the scan's entities, and the stored violation id."""
    data = item.result if item is not None and isinstance(item.result, dict) else {}
    entities = _entities(data.get("entities"))
    found = [
        v
        for v in data.get("violations") or []
        if isinstance(v, dict) and (category is None or v.get("category") == category)
    ]
    best = max(found, key=lambda v: _SEVERITY_RANK.get(str(v.get("severity")), -1), default=None)
    if best is not None and best.get("severity") in _SEVERITY_RANK:
        cat = str(best.get("category"))
        rule = str(best.get("rule"))[:128]
        outcome = str(best.get("outcome"))
        raw_entities = best.get("entities")
        indices = (
            [i for i in raw_entities if isinstance(i, int)]
            if isinstance(raw_entities, list)
            else []
        )
        finding = Finding(
            rule=rule,
            category=cat,
            severity=severity or str(best["severity"]),
            confidence=1.0,
            outcome=_outcome(cat, outcome, indices, entities),
            entities=[i for i in indices if 0 <= i < len(entities)],
        )
        assert item is not None
        violation_id = session.scalar(
            select(ViolationRow.id)
            .where(
                ViolationRow.tenant_id == case.tenant_id,
                ViolationRow.item_id == item.id,
                ViolationRow.rule == rule,
                ViolationRow.category == cat,
            )
            .order_by(ViolationRow.position.desc())
            .limit(1)
        )
        return finding, entities, violation_id
    if category is None:
        reasons = session.scalars(
            select(Report.reason).where(
                Report.tenant_id == case.tenant_id, Report.case_id == case.id
            )
        ).all()
        if not reasons:
            raise InvalidInput("this case has no violation or report: give a category")
        category = max(set(reasons), key=lambda r: (REASON_WEIGHT.get(r, 0), reasons.count(r), r))
    finding = Finding(
        rule="review.confirmed_report",
        category=category,
        severity=severity or REPORTED_SEVERITY,
        confidence=1.0,
        outcome="label" if category in LABEL_ONLY else "remove",
    )
    return finding, entities, None


def _outcome(category: str, outcome: str, indices: list[int], entities: list[Entity]) -> str:
    """The content outcome a confirmed violation carries: a label for a label-only category
    (whatever its rule said), else the rule's acting outcome or the proportionate floor."""
    if category in LABEL_ONLY:
        return "label"
    return outcome if outcome in ACTING_OUTCOMES else _floor(indices, entities)


def _floor(indices: list[int], entities: list[Entity]) -> str:
    """Content outcome for a violation automation only queued: disabling the links it found is
    the proportionate floor; with no link to point at, the content itself goes."""
    kinds = {entities[i].kind for i in indices if 0 <= i < len(entities)}
    return "disable_link" if kinds & LINK_KINDS else "remove"


def _entities(raw: Any) -> list[Entity]:
    """Entities of a stored scan result (wire format), skipping malformed records."""
    out: list[Entity] = []
    for e in raw if isinstance(raw, list) else []:
        try:
            categories = e.get("categories") or ([e["category"]] if e.get("category") else [])
            out.append(
                Entity(
                    kind=str(e["kind"]),
                    raw=str(e.get("raw", "")),
                    span=(int(e["span"][0]), int(e["span"][1])),
                    value=str(e.get("value", "")),
                    registrable_domain=e.get("registrable_domain"),
                    categories=[str(c) for c in categories],
                    sources=[str(s) for s in e.get("sources") or []],
                )
            )
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            continue
    return out
