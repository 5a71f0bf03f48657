"""The impersonation detector keeps the README's promises: every match family, the authority
words and their benign neighbours, bios and sentences, verified accounts, logos, bounds, purity."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from bastion import Scanner
from bastion.detect import impersonation as imp
from bastion.detect.base import DetectContext, Resources
from bastion.detect.registry import DetectorError
from bastion.entities import COMPILED, import_entities, load_document, load_registry
from bastion.intel import IntelIndex
from bastion.model import ImageInput, Item, Signal
from tests.detect.test_contract import no_io
from tests.support.work import count_steps

ENTITIES = """\
name,kind,aliases,verified_accounts,logo
Federal Bureau of Investigation,government,FBI,fbi.gov|@FBI,
Centers for Disease Control and Prevention,public_institution,,cdc.gov,
Department of State,government,,state.gov,
中国军网,military,,81.cn,
新华社,news_media,新华通讯社|Xinhua News Agency,xinhuanet.com,
中国疾病预防控制中心,public_institution,,chinacdc.cn,
Savannah River National Laboratory,government,,,
Acme Rocket Works,brand,,acme_official,logo.png
"""


def _logo(seed: int) -> Image.Image:
    image = Image.new("RGB", (256, 256), (20 + seed, 60, 200))
    draw = ImageDraw.Draw(image)
    draw.ellipse((30 + seed, 30, 200, 220), fill=(240, 200, 10))
    draw.rectangle((90, 60 + seed, 240, 120), fill=(10, 10, 10))
    draw.text((40, 200), "ACME", fill=(255, 255, 255))
    return image


@pytest.fixture(scope="module")
def registry_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("entities-home")
    (home / "in").mkdir()
    _logo(0).save(home / "in" / "logo.png")
    (home / "in" / "entities.csv").write_text(ENTITIES, encoding="utf-8")
    import_entities(home / "in" / "entities.csv", home)
    return home


@pytest.fixture(scope="module")
def detector(registry_home: Path) -> imp.ImpersonationDetector:
    registry = load_registry(registry_home)
    return imp.ImpersonationDetector(Resources(IntelIndex.empty(), {"impersonation": registry}))


def detect(
    detector: imp.ImpersonationDetector,
    text: str,
    surface: str = "display_name",
    account: str = "",
    images: tuple[object, ...] = (),
) -> list[Signal]:
    item = Item("t", text=text, surface=surface, account_id=account)
    context = DetectContext(item, text, text, [], Resources(IntelIndex.empty()), images)  # type: ignore[arg-type]
    with no_io():
        return detector.detect(context)


def how(signals: list[Signal]) -> list[tuple[str, str]]:
    """(how, entry or words) of each signal, read back from its evidence."""
    out = []
    for signal in signals:
        fields = dict(part.split(": ", 1) for part in signal.evidence.split(" | "))
        out.append((fields["how"], fields.get("entry") or fields["words"]))
    return out


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Federal Bureau of Investigation",
            "display_name",
            ("exact", "Federal Bureau of Investigation"),
        ),
        (
            "Fеdеrаl Burеаu of Invеstigаtion",
            "display_name",
            ("variant", "Federal Bureau of Investigation"),
        ),
        (
            "F3deral Bur3au 0f Investigati0n",
            "display_name",
            ("variant", "Federal Bureau of Investigation"),
        ),
        ("中國軍網", "display_name", ("variant", "中国军网")),
        ("中·国★军丨网", "display_name", ("variant", "中国军网")),
        ("zhongguojunwang", "username", ("pinyin", "中国军网")),
        ("Zhong Guo Jun Wang", "display_name", ("pinyin", "中国军网")),
        ("中国君网", "display_name", ("pinyin", "中国军网")),
        ("State Department", "display_name", ("reorder", "Department of State")),
        (
            "Centers for Disease Control",
            "display_name",
            ("partial", "Centers for Disease Control and Prevention"),
        ),
        ("疾病预防控制中心", "display_name", ("partial", "中国疾病预防控制中心")),
        ("FBI_HQ", "username", ("abbreviation", "Federal Bureau of Investigation")),
        ("The SRNL", "display_name", ("abbreviation", "Savannah River National Laboratory")),
        ("fbi official", "display_name", ("abbreviation", "Federal Bureau of Investigation")),
        ("Xinhua News Agency", "display_name", ("exact", "新华社")),
    ],
)
def test_each_family_names_its_entry(
    detector: imp.ImpersonationDetector, text: str, surface: str, expected: tuple[str, str]
) -> None:
    signals = detect(detector, text, surface)
    assert how(signals)[0] == expected
    assert signals[0].label == imp.IMPERSONATION
    assert signals[0].category == "impersonation"
    assert signals[0].score == imp.SCORES[expected[0]]
    assert "kind: " in signals[0].evidence


def test_a_span_points_at_what_the_user_wrote(detector: imp.ImpersonationDetector) -> None:
    text = "★ 中國軍網 官方"
    (signal,) = detect(detector, text)
    assert signal.span is not None
    assert text[signal.span[0] : signal.span[1]] == "中國軍網"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Chinese Red Army Command", "red army"),
        ("Strategic Missile Force", "missile force"),
        ("Pacific Press Agency", "press agency"),
        ("Trade Command", "command"),
        ("北方战区指挥部", "战区"),
        ("上海发布", "发布"),
        ("武陵山区疾控", "疾控"),
        ("东方新闻社", "新闻社"),
        ("星河融媒体", "融媒体"),
        ("滨海电视台", "电视台"),
        ("四川省公安厅官方", "公安厅"),
    ],
)
def test_names_invented_from_authority_words_go_to_review(
    detector: imp.ImpersonationDetector, text: str, words: str
) -> None:
    signals = detect(detector, text)
    assert [s.label for s in signals] == [imp.AUTHORITY]
    assert how(signals) == [("authority words", words)]


@pytest.mark.parametrize(
    "text",
    [
        "Force of Nature Fitness",
        "Newsome",
        "新闻爱好者小王",
        "CypherBrothers",
        "Command Line Tips",
        "Daily Grind Coffee",
        "ART LOVER",
        "fbi",
        "盘锦市公安局又在自己查自己了",
        "央视现在的所作所为，将是新闻史上的奇迹。",
    ],
)
def test_ordinary_names_and_sentences_are_not_flagged(
    detector: imp.ImpersonationDetector, text: str
) -> None:
    assert detect(detector, text) == []


def test_a_bio_counts_only_when_it_claims_to_be_the_body(
    detector: imp.ImpersonationDetector,
) -> None:
    assert detect(detector, "据新华社报道，今天召开了会议", "bio") == []
    assert how(detect(detector, "新华社官方微博，欢迎关注", "bio")) == [("exact", "新华社")]
    assert how(detect(detector, "The official account of the FBI", "bio"))[0][1] == (
        "Federal Bureau of Investigation"
    )


def test_mentions_and_posts_are_not_read(detector: imp.ImpersonationDetector) -> None:
    assert detect(detector, "转发给 @新华社 看看", "display_name") == []
    assert detect(detector, "Federal Bureau of Investigation", "post") == []
    assert detect(detector, "Federal Bureau of Investigation", "comment") == []


@pytest.mark.parametrize(
    ("text", "surface", "account"),
    [
        ("Federal Bureau of Investigation", "display_name", "fbi.gov"),
        ("FBI official", "display_name", "@fbi"),
        ("中国军网官方微博", "bio", "81.CN"),
        ("fbi.gov", "username", "u-77"),
        ("Acme Rocket Works", "display_name", "acme_official"),
    ],
)
def test_verified_accounts_are_never_flagged(
    detector: imp.ImpersonationDetector, text: str, surface: str, account: str
) -> None:
    assert detect(detector, text, surface, account) == []
    assert detect(detector, text, surface, "someone-else") or surface == "username"


def _scan_avatar(registry_home: Path, image: Image.Image, text: str = "") -> list[Signal]:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=70)
    scanner = Scanner.load(registry_home, no_feeds=True, ocr=False)
    item = Item(
        "a",
        text=text,
        surface="avatar",
        images=("a.jpg",),
        image_data=(ImageInput("a.jpg", out.getvalue()),),
    )
    return [s for s in scanner.scan(item).signals if s.detector == "impersonation"]


def test_a_logo_matches_by_perceptual_hash(registry_home: Path) -> None:
    resized = _logo(0).resize((128, 128))
    (signal,) = _scan_avatar(registry_home, resized)
    assert how([signal]) == [("logo", "Acme Rocket Works")]
    assert signal.origin == "image:0:pdq"
    assert signal.score == imp.SCORES["logo"]
    framed = Image.new("RGB", (282, 282), (255, 255, 255))
    framed.paste(_logo(0), (13, 13))
    assert how(_scan_avatar(registry_home, framed)) == [("logo", "Acme Rocket Works")]
    other = Image.new("RGB", (256, 256), (250, 250, 250))
    ImageDraw.Draw(other).polygon([(0, 256), (128, 0), (256, 256)], fill=(0, 120, 0))
    assert _scan_avatar(registry_home, other) == []


def test_the_name_and_the_logo_together_score_one(registry_home: Path) -> None:
    signals = _scan_avatar(registry_home, _logo(0), text="Acme Rocket Works")
    assert max(s.score for s in signals) == 1.0


def test_the_scanner_sends_a_match_to_review_with_its_rule(registry_home: Path) -> None:
    scanner = Scanner.load(registry_home, no_feeds=True, ocr=False)
    result = scanner.scan({"id": "1", "text": "中國軍網", "surface": "display_name"})
    assert result.verdict == "review"
    assert [(v.rule, v.category, v.outcome) for v in result.violations] == [
        ("impersonation.entry", "impersonation", "review")
    ]
    invented = scanner.scan({"id": "2", "text": "Red Army Command", "surface": "username"})
    assert [v.rule for v in invented.violations] == ["impersonation.authority"]
    assert (
        scanner.scan({"id": "3", "text": "小王同学", "surface": "display_name"}).verdict == "allow"
    )


def test_a_home_without_a_registry_uses_the_packaged_one(tmp_path: Path) -> None:
    packaged = load_document(tmp_path)
    assert packaged["source"].startswith("bastion default")
    names = [e["name"] for e in packaged["entries"] if e["name"].endswith("日报")][:5]
    assert names
    scanner = Scanner.load(tmp_path, no_feeds=True, ocr=False)
    for name in names:
        result = scanner.scan({"id": "1", "text": name, "surface": "display_name"})
        assert result.verdict == "review", name


def test_a_damaged_registry_stops_the_load_in_one_line(tmp_path: Path) -> None:
    (tmp_path / COMPILED).write_bytes(b"not gzip")
    with pytest.raises(DetectorError) as caught:
        Scanner.load(tmp_path, no_feeds=True)
    assert str(caught.value).startswith("detector 'impersonation' cannot load its data: ")
    assert "\n" not in str(caught.value)


def test_work_is_bounded_by_the_field_limit(detector: imp.ImpersonationDetector) -> None:
    """A megabyte of text costs what its first ``MAX_CHARS`` cost: the rest is not read."""
    unit = "中国 Red Army Command 新华社 official FBI "
    _, small = count_steps(lambda: detect(detector, (unit * 100)[: imp.MAX_CHARS]))
    _, huge = count_steps(lambda: detect(detector, unit * 30_000))
    assert huge <= small * 1.05 + 500


def test_folding_is_linear(detector: imp.ImpersonationDetector) -> None:
    registry = load_registry(Path("/nonexistent"))
    _, short = count_steps(lambda: imp.fold("ab·c" * 100, registry.fold_map))
    _, long = count_steps(lambda: imp.fold("ab·c" * 1_000, registry.fold_map))
    assert long <= 11 * short


def test_signals_are_bounded(detector: imp.ImpersonationDetector) -> None:
    text = " ".join(["FBI", "中国军网", "新华社", "State Department", "CDC"] * 50)
    assert len(detect(detector, text)) <= imp.MAX_SIGNALS


def test_without_a_registry_the_gate_is_closed() -> None:
    bare = imp.ImpersonationDetector(Resources(IntelIndex.empty()))
    assert bare.gate(Item("1", text="Federal Bureau of Investigation", surface="username")) is False
    assert (
        bare.detect(
            DetectContext(
                Item("1", text="FBI", surface="username"),
                "FBI",
                "FBI",
                [],
                Resources(IntelIndex.empty()),
            )
        )
        == []
    )


def test_a_partial_name_shared_by_entries_needs_an_institution_noun(tmp_path: Path) -> None:
    source = tmp_path / "e.csv"
    source.write_text(
        "name,kind\n"
        "Kansas Department of Technology Services,government\n"
        "Ohio Department of Technology Services,government\n"
        "Kansas Office of Information Technology,government\n"
        "Ohio Office of Information Technology,government\n",
        encoding="utf-8",
    )
    import_entities(source, tmp_path)
    registry = load_registry(tmp_path)
    shared = imp.ImpersonationDetector(Resources(IntelIndex.empty(), {"impersonation": registry}))
    named = {entry for _, entry in how(detect(shared, "Department of Technology Services"))}
    assert named == {
        "Kansas Department of Technology Services",
        "Ohio Department of Technology Services",
    }
    assert detect(shared, "Information Technology") == []
