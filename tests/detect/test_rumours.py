"""Rumours: the claim list import (ClaimReview JSON and CSV), the matcher, and the promise that a
rumour is labelled and reviewed, never removed by any policy rule or ladder step."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bastion import Scanner
from bastion.cli import app
from bastion.detect import claimlist
from bastion.detect.base import DetectContext, Resources
from bastion.detect.claimlist import Claim, ClaimListError, parse
from bastion.detect.registry import declared_labels
from bastion.detect.rumours import ClaimIndex, RumourDetector
from bastion.enforce import Ladder
from bastion.intel import IntelIndex
from bastion.model import SEVERITIES, Item, Violation
from bastion.policy import Policy
from bastion.policy.loader import load_policy
from tests.detect.test_contract import no_io

CLAIMS = [
    Claim("5G towers spread the coronavirus", "False", "https://factcheck.example/5g"),
    Claim(
        "宁波妇儿医院一妇女携婴儿跳楼身亡，因负担不起医疗费",
        "谣言",
        "https://piyao.example/1",
    ),
    Claim("Drinking bleach cures covid in three days", "False", "https://factcheck.example/b"),
]
REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "5G towers spread the coronavirus",
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
    "url": "https://factcheck.example/5g",
}


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    assets = {"rumours": ClaimIndex(CLAIMS)}
    return Scanner(IntelIndex.empty(), Policy.default(), assets=assets)


# -- the claim list --------------------------------------------------------------------------


def test_claimreview_json_single_list_graph_and_lines() -> None:
    one = json.dumps(REVIEW).encode()
    assert parse(one, "r.json") == [CLAIMS[0]]
    many = json.dumps([REVIEW, {**REVIEW, "claimReviewed": CLAIMS[2].claim}]).encode()
    assert [c.claim for c in parse(many, "r.json")] == [CLAIMS[0].claim, CLAIMS[2].claim]
    graph = json.dumps({"@graph": [REVIEW]}).encode()
    assert parse(graph, "g.json") == [CLAIMS[0]]
    lines = json.dumps(REVIEW) + "\n" + json.dumps({**REVIEW, "url": "https://x.example/2"})
    assert len(parse(lines.encode(), "r.jsonl")) == 2


def test_csv_claims() -> None:
    data = "claim,verdict,source_url\n" + "\n".join(
        f'"{c.claim}",{c.verdict},{c.source_url}' for c in CLAIMS
    )
    assert parse(data.encode(), "c.csv") == CLAIMS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '[\n  {"@type": "ClaimReview", "claimReviewed": "5G towers spread the coronavirus",'
            ' "reviewRating": {"alternateName": "False"}, "url": "https://a.example"},\n'
            '  {"@type": "ClaimReview", "claimReviewed": "x y z w v",\n'
            '   "reviewRating": {}, "url": "https://a.example"}\n]',
            "r.json line 3: 'verdict' is missing or empty",
        ),
        ('[\n {"claimReviewed": 1 "x"}\n]', "r.json line 2: invalid JSON"),
        ('{"@type": "Article"}', "r.json line 1: '@type' is 'Article', not 'ClaimReview'"),
        (
            "claim,verdict,source_url\n5G towers spread the coronavirus,False,ftp://x\n",
            "r.json line 2: 'source_url' is not an http(s) URL",
        ),
        ("claim,verdict\nx,y\n", "r.json line 1: the header must be claim, verdict, source_url"),
        ("claim,verdict,source_url\n谣言,False,https://a.example\n", "too short to match"),
        ("claim,verdict,source_url\na b c d,False\n", "r.json line 2: 2 fields, the header has 3"),
    ],
)
def test_mistakes_are_one_line_with_the_line_number(data: str, message: str) -> None:
    with pytest.raises(ClaimListError) as caught:
        parse(data.encode(), "r.json")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_import_is_atomic_and_a_bad_file_leaves_the_old_list(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(f"claim,verdict,source_url\n{CLAIMS[0].claim},False,https://a.example\n")
    runner = CliRunner()
    done = runner.invoke(app, ["claims", "import", str(good), "--home", str(tmp_path / "h")])
    assert done.exit_code == 0, done.output
    before = claimlist.path_in(tmp_path / "h").read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "claim,verdict,source_url\nvaccines contain tracking microchips,False,https://a.example\n,,\nx,,\n"
    )
    failed = runner.invoke(app, ["claims", "import", str(bad), "--home", str(tmp_path / "h")])
    assert failed.exit_code == 1
    assert "bad.csv line 4: 'verdict' is missing or empty" in " ".join(failed.output.split())
    assert claimlist.path_in(tmp_path / "h").read_bytes() == before
    assert list(claimlist.path_in(tmp_path / "h").parent.iterdir()) == [
        claimlist.path_in(tmp_path / "h")
    ]
    loaded = RumourDetector.load_asset(tmp_path / "h")
    assert loaded is not None and loaded.claims[0].claim == CLAIMS[0].claim


def test_a_damaged_list_stops_the_load(tmp_path: Path) -> None:
    path = claimlist.path_in(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"format": 1, "claims": [{"claim": "x"}]}')
    with pytest.raises(ValueError, match="damaged claim list"):
        RumourDetector.load_asset(tmp_path)


# -- matching ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("WAKE UP: 5G towers are spreading the coronavirus!!", 0),
        ("寧波婦兒醫院一婦女攜嬰兒跳樓身亡，因負擔不起醫療費，轉發", 1),  # traditional
        ("转发：因负担不起医疗费，一妇女携婴儿在宁波妇儿医院跳楼身亡", 1),  # reordered
        ("宁波妇儿医院一妇女携婴儿跳楼身亡", 1),  # the first half only
        ("drinking bleach cures covid, my uncle says three days is enough", 2),
    ],
)
def test_restatements_match_their_claim(text: str, claim: int, scanner: Scanner) -> None:
    result = scanner.scan(Item("r", text=text, surface="post"))
    rumours = [s for s in result.signals if s.detector == "rumours"]
    assert rumours, text
    evidence = json.loads(rumours[0].evidence)
    assert evidence == {
        "claim": CLAIMS[claim].claim,
        "verdict": CLAIMS[claim].verdict,
        "source_url": CLAIMS[claim].source_url,
    }
    assert rumours[0].category == "rumour" and rumours[0].score >= 0.5
    assert result.verdict == "review"
    assert [(v.rule, v.category, v.outcome) for v in result.violations] == [
        ("rumour.restated", "rumour", "label"),
        ("rumour.review", "rumour", "review"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The 5G rollout in our town finished this week",
        "宁波今天天气很好，医院门口人很多",
        "Is it true that bleach is dangerous? Yes, never drink it.",
        "我妈妈今天去医院看病了",
        "",
    ],
)
def test_same_topic_talk_does_not_match(text: str, scanner: Scanner) -> None:
    result = scanner.scan(Item("n", text=text, surface="post"))
    assert [s for s in result.signals if s.detector == "rumours"] == []


def test_matching_with_claims_loaded_is_pure() -> None:
    detector = RumourDetector(Resources(IntelIndex.empty(), {"rumours": ClaimIndex(CLAIMS)}))
    text = "5G towers spread the coronavirus " * 400
    context = DetectContext(Item("p", text=text), text, text, [], Resources(IntelIndex.empty()))
    with no_io():
        first = detector.detect(context)
        second = detector.detect(context)
    assert first == second and len(first) == 1


def test_without_a_list_the_detector_wants_nothing() -> None:
    detector = RumourDetector(Resources(IntelIndex.empty()))
    assert detector.gate(Item("x", text=CLAIMS[0].claim)) is False


# -- never removed ---------------------------------------------------------------------------


def test_no_default_rule_can_remove_or_disable_a_rumour() -> None:
    """Every rule a rumour signal can match says label or review, on every surface override too."""
    data = resources.files("bastion").joinpath("policies", "default.yaml").read_bytes()
    spec = load_policy(data, "default.yaml", declared_labels()).spec
    matching = [r for r in spec.rules if "rumour" in (r.when.signals or ())]
    assert matching
    for rule in matching:
        assert rule.outcome in ("label", "review"), rule.id
        assert all(o.outcome in (None, "label", "review", "allow") for o in rule.overrides)
    assert {r.outcome for r in matching} == {"label", "review"}
    assert all(
        r.violation.category != "rumour" or r.outcome in ("label", "review") for r in spec.rules
    )


@pytest.mark.parametrize("surface", ["post", "comment", "bio", "username", "chat", "livestream"])
def test_a_rumour_only_item_is_reviewed_on_every_surface(surface: str, scanner: Scanner) -> None:
    result = scanner.scan(Item("s", text=CLAIMS[0].claim + " share it", surface=surface))
    assert result.verdict == "review"
    assert {v.outcome for v in result.violations} == {"label", "review"}


def test_the_ladder_never_removes_a_rumour() -> None:
    ladder = Ladder.default()
    now = datetime(2026, 12, 6, tzinfo=UTC)
    for severity in SEVERITIES:
        key, steps = ladder.steps_for("rumour", severity)
        assert key == "rumour"
        kinds = {step.kind for row in steps for step in row}
        assert "label" in kinds
        assert not kinds & {"remove_content", "disable_link", "ban", "temp_suspend"}
        # automation: the label rule labels without a strike, the review rule plans nothing
        label = Violation("rumour.restated", "rumour", severity, 0.8, "label")
        labelled = ladder.decide(label, "label", [], now)
        assert (labelled.kinds, labelled.adds_strike) == (("label",), False)
        review = Violation("rumour.review", "rumour", severity, 0.8, "review")
        decision = ladder.decide(review, "label", [], now)
        assert (decision.status, decision.actions, decision.adds_strike) == ("review", (), False)


def test_only_the_head_of_a_long_text_is_read() -> None:
    index = ClaimIndex(CLAIMS)
    filler = "weather report sunny. " * 200  # 4,400 characters
    assert index.match(CLAIMS[0].claim + " " + filler)
    assert index.match(filler + CLAIMS[0].claim) == []
