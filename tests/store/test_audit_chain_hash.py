"""``chain_hash`` (the bulk writer's hash over a payload already in canonical JSON) gives the
digest ``event_hash`` gives, for any payload, tenant and text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.store.audit import canonical_json, chain_hash, event_hash

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(), JSON, max_size=4),
    st.none() | st.integers(0, 2**40),
    st.text(min_size=1),
    st.text(min_size=1),
    st.integers(1, 2**40),
    st.integers(-600, 600),
)
def test_chain_hash_equals_event_hash(
    payload: dict[str, object], tenant: int | None, actor: str, subject: str, seq: int, shift: int
) -> None:
    when = datetime(2026, 11, 20, 10, 0, 0, 1234, tzinfo=timezone(timedelta(minutes=shift)))
    common = {"seq": seq, "tenant_id": tenant, "actor": actor, "action": "a.b", "subject": subject}
    expected = event_hash("f" * 64, payload=payload, created_at=when, **common)  # type: ignore[arg-type]
    got = chain_hash("f" * 64, payload_json=canonical_json(payload), created_at=when, **common)  # type: ignore[arg-type]
    assert got == expected
    assert chain_hash("0" * 64, payload_json="{}", created_at=when.astimezone(UTC), **common) == (  # type: ignore[arg-type]
        event_hash("0" * 64, payload={}, created_at=when, **common)  # type: ignore[arg-type]
    )
