"""A user name after a contact word, no messenger named (red team 6): reviewed beside harmful
wording, left alone elsewhere, and never reported as a handle of an app nobody named."""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(
    "text",
    [
        "casino bonus every day, dm lucky_spin77",
        "girls available near you — ask angel_mia21",
        "sure win tips tonight, message tip_master9 now",
        "sugar daddy wants a sugar baby -> rich_dad2024",
        "no credit check loans, contact us at loan_desk88",
        "escort in town, hit up rosa_vip5",
    ],
)
def test_harmful_wording_and_an_account_name_go_to_review(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert result.verdict == "review", result.to_dict()
    assert "handle.unnamed_harmful" in [v.rule for v in result.violations]
    assert result.entities == []


@pytest.mark.parametrize(
    "text",
    [
        "dm john_doe1 for the meeting notes",
        "ask for the file report_2024 at the casino night",
        "casino night! message me for tickets",
        "the sexy_beast variable is set in config_v2",
        "escort the kids home, text mum_mobile later",
    ],
)
def test_other_account_names_or_no_harmful_wording_stay_allowed(
    scanner: Scanner, text: str
) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert result.verdict == "allow", result.to_dict()
