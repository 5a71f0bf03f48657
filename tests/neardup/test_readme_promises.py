"""What the README's "Content farms and clout-chasing" section promises, held to the code."""

from __future__ import annotations

import inspect
from datetime import timedelta

from bastion.cli.clusters import clusters_command
from bastion.detect.near_duplicates import MASS_POSTING, SURFACES
from bastion.enforce.ladder import Ladder, StrikeRecord
from bastion.model import Violation
from bastion.neardup.index import REPRESENTATIVES
from bastion.neardup.minhash import MIN_CHARS, SHINGLE, MinHashParams, signatures
from tests.conftest import REPO
from tests.enforce.test_ladder import NOW

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Content farms and clout-chasing", 1)[1].split("\n## ", 1)[0]


def test_the_numbers_in_the_readme_are_the_code_defaults() -> None:
    params = MinHashParams()
    assert (params.num_perm, params.bands, params.rows, params.threshold) == (64, 16, 4, 0.5)
    assert "64 permutations, 16 bands of 4 rows, 16-bit" in SECTION
    assert SHINGLE == 3 and "character 3-grams" in SECTION
    assert MIN_CHARS == 8 and "fewer than 8 letters and digits" in SECTION
    assert REPRESENTATIVES == 64 and "up to 64\n  member signatures" in SECTION
    assert MASS_POSTING == 2 and "at least **2** members" in SECTION
    defaults = inspect.signature(clusters_command).parameters
    assert defaults["min_members"].default == 3 and "at least 3 posts" in SECTION
    assert defaults["min_accounts"].default == 2 and "at least 2\n  accounts" in SECTION
    for surface in SURFACES:
        assert f"`{surface}`" in SECTION


def test_a_signature_is_128_bytes_a_post() -> None:
    sig, _ = signatures(["a long enough text"], MinHashParams())
    assert sig.nbytes == 128 and "128 bytes of signature per post" in SECTION


def test_the_default_ladder_is_the_monetization_ladder_the_readme_describes() -> None:
    ladder = Ladder.default()
    clout = Violation("farm.clout_chasing", "clout_chasing", "high", 0.9, "remove")
    history: list[StrikeRecord] = []
    seen = []
    for day in range(4):
        now = NOW + timedelta(days=day)
        seen.append(ladder.decide(clout, "remove", history, now).kinds)
        history.append(StrikeRecord("clout_chasing", "high", now))
    assert seen == [
        ("remove_content", "warn", "suspend_monetization"),
        ("remove_content", "revoke_monetization"),
        ("remove_content", "revoke_monetization", "temp_suspend"),
        ("remove_content", "ban"),
    ]
    assert "suspend monetization 30 days, then revoke it" in SECTION
