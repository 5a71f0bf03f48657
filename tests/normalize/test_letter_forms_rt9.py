"""Letter forms read with no key (red team 9): insular letters, operators drawn as letters,
ligatures NFKC keeps, spot dots; each composed with another trick, never an IDN or a host cut
short, and ordinary text with the same glyphs left alone."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.extract.precheck import has_candidates
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask


def _values(text: str) -> list[tuple[str, str, bool]]:
    entities = reread(text, extract_entities(unmask(text, weak=True), prose_like=True))
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


READ = [
    # (text, kind, value)
    ("报名ꞅpꞃinᵹꝼielꝺ.neꞇ", "domain", "springfield.net"),
    ("shop at ꞅunꞅeꞇꞏcom today", "domain", "sunset.com"),
    ("free code at ⊤o∪r∩∊y∣a∩∊.⊂om", "domain", "tourneylane.com"),
    ("see ᵹ∊∩iu∣∣aꞏinfo now", "domain", "geniulla.info"),
    ("ma∩79 pikë org", "domain", "man79.org"),
    ("ꞃₒꞅₑꞃꝺ.cₒₘ", "domain", "roserd.com"),
    ("下单去moonꜳrt.xyz", "domain", "moonaart.xyz"),
    ("visit emcœngineering∙com", "domain", "emcoengineering.com"),
    ("order at æ58888ॱcom", "domain", "ae58888.com"),
    ("shop at pₒlæᵣᵤₙiₜy pikë top", "domain", "polaerunity.top"),  # ë is not a language of æ
    ("gꝏdₛₜeeₗ nuqta vn", "domain", "goodsteel.vn"),
    ("微信：miꜵmiꜵ_sisi77", "wechat", "miaomiao_sisi77"),
    ("VX mꝏn_aᵹenꞇ897", "wechat", "moon_agent897"),
    ("WeChat: g∊g∊moo∩26", "wechat", "gegemoon26"),
    ("bqbbsfdwॱbe", "domain", "bqbbsfdw.be"),
    ("tadalafil⁘com", "domain", "tadalafil.com"),
    ("🟩泡泡：rosesugar5306", "wechat", "rosesugar5306"),
    ("邮箱 40067874 爱特 qq⦁com", "email", "40067874@qq.com"),
    ("找我LINE ID g∪ag∪aꞏdar∣i∩g5523", "line", "guagua.darling5523"),
    ("LINE: xiaox∪∊∙lulu61", "line", "xiaoxue.lulu61"),
    ("line id darling⸳miaomiao24 💕", "line", "darling.miaomiao24"),
]


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_read_as_a_careful_reader_does(text: str, kind: str, value: str) -> None:
    values = _values(text)
    assert (kind, value, False) in values, values
    assert all(v == value or w for k, v, w in values if k == kind), values


def test_a_ligature_host_with_another_non_ascii_letter_is_withheld() -> None:
    values = _values("visit blåbær.dk")
    assert values, values
    assert all(withheld for _, _, withheld in values), values


PLAIN = [
    "Let A ∩ B be the set, and x ∈ S, p ∨ q, P(A∣B) = 0.5",
    "an encyclopædia entry on the Æsir, cœur and œuvre",
    "the insular ꝺ and ꝼ in Old English manuscripts",
    "Mục lục ॱ chapter ⁘ notes",
    "LINE is our chat app · see you there",
]


@pytest.mark.parametrize("text", PLAIN)
def test_ordinary_text_with_the_glyphs_gives_nothing(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text", ["an encyclopædia entry on the Æsir", "cœur et âme"])
def test_a_ligature_in_prose_is_no_candidate(text: str) -> None:
    assert not has_candidates(text)
