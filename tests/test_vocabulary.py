"""The flag vocabulary: policies may only name flags in ``ENTITY_FLAGS``, so the set must hold every
flag the normalizer, finders, canonicalizer and detectors emit, and nothing they never emit."""

from __future__ import annotations

import ast
import random

import pytest

from bastion.canon import canonicalize_entity
from bastion.canon.entities import UNCANONICAL
from bastion.detect.reputation import LOOKALIKE_FLAG, REDIRECT_FLAG, SHORTENER_FLAG
from bastion.extract import extract_entities, has_candidates
from bastion.extract.ocr_readings import OCR_GUESS, OCR_UNSURE, read_again, unsure_handles
from bastion.extract.rereading import JOINED, MASKED, REREAD, reread
from bastion.model import ENTITY_FLAGS, Entity
from bastion.normalize import unmask
from bench.tricks import HOST_TRICKS
from tests.conftest import REPO

EXAMPLES = {
    "nfkc": "ｂｅｔ８８８．ｃｏｍ",
    "invisible": "bet\u200b888.com",
    "combining": "be\u0336t888.com",
    "homoglyph": "bеt888.com",
    "hxxp": "hxxp://bet888.com/x",
    "cjk_numeral": "QQ 1二3四5六7八9",
    "spelled_dot": "bet888 dot com",
    "spaced_letters": "b e t 8 8 8 . c o m",
    "spelled_at": "bob [at] bet888 [dot] com",
    "no_scheme": "bet888.com",
    "defanged": "ttp://bet888.com/x",
    "from_url": "t.me/casino_vip88",
    "userinfo": "http://user:pw@bet888.com/",
    "ip_host": "http://1.2.3.4/x",
    "ip_decimal": "http://3232235777/",
    "ip_hex": "http://0xC0A80101/",
    "ip_octal": "http://0300.0250.01.01/",
    "ip_short": "http://192.168.257/",
    UNCANONICAL: "http://bet888.com:99999/",
    "defang": "bet888\\.com",
    "leet": "bet888.c0m",
    "bidi": "\u202emoc.888teb\u202c",
    "weak_dot": "verify at brca。be now",
    "weak_join": "go xnx-vi🀄deos.fun",
    "split_word": "go xnx-vi🀄deos.fun",
    "instruction": "win seven nine dot vip (no spaces)",
    "prose_like": "hot pics here -> sYnotTip.Cz",
    "encoded": "copy aHR0cDovL2JldDg4OC5jb20v to a decoder",
    "ambiguous_host": "play bet 888 . com now",
    "embedded": "https://www.google.com/url?q=https://bet888.com",
    "markup": "bet<b>888</b>&#46;com",
    "layout": "[09:25] Lily: 分开发的，连起来\n09:25 Lily：api2.sin8\n09:26 Lily：。com",
    "withheld": "free download at w▢n▢ingbet.xyz",
}
"""One input per flag that the text pipeline emits (``shortener``, ``lookalike`` and
``redirect_target`` come from the intel index)."""
READINGS = {
    REREAD: "free spins at pot 点 88der (flip it)",
    JOINED: "| pmc8 | 8 | . | com |",
    MASKED: "casino bonus cas*noonline88.vip (guess the missing one)",
}
"""One input per flag that only a second reading (``bastion.extract.rereading``) gives."""


def _flags(text: str) -> set[str]:
    """Flags as the scanner's text path produces them (weak folds and prose-like hosts on)."""
    if not has_candidates(text):
        return set()
    entities: list[Entity] = extract_entities(unmask(text, weak=True), prose_like=True)
    for entity in entities:
        canonicalize_entity(entity)
    return {flag for entity in entities for flag in entity.flags}


def test_vocabulary_has_no_duplicates_and_names_the_constants() -> None:
    assert len(set(ENTITY_FLAGS)) == len(ENTITY_FLAGS)
    index_flags = {SHORTENER_FLAG, LOOKALIKE_FLAG, REDIRECT_FLAG}
    assert index_flags | {UNCANONICAL} <= set(ENTITY_FLAGS)
    # ``ocr_guess`` and ``ocr_unsure`` come from the other readings of a picture's OCR lines,
    # never from text
    ocr = {OCR_GUESS, OCR_UNSURE}
    assert set(EXAMPLES) | set(READINGS) | index_flags | ocr == set(ENTITY_FLAGS)
    for flag, text in READINGS.items():
        assert any(flag in e.flags for e in reread(text, [])), flag
    assert any(OCR_GUESS in e.flags for e in read_again("永久域名fikacasinocom", []))
    assert any(OCR_UNSURE in e.flags for e in unsure_handles("微信 uip1z0", ("微信 uiplz0",), []))


@pytest.mark.parametrize(("flag", "text"), EXAMPLES.items(), ids=list(EXAMPLES))
def test_every_declared_flag_is_really_emitted(flag: str, text: str) -> None:
    assert flag in _flags(text)


def test_the_pipeline_emits_only_declared_flags() -> None:
    rng = random.Random(6)
    hosts = ("bet888.com", "casino-royal.net", "fastloan.top", "kefu88.vip")
    templates = ("官网 {} 注册送彩金", "visit {} now", "{}", "加V：{} 私聊")
    texts = [
        template.format(trick(host, rng))
        for host in hosts
        for trick in HOST_TRICKS.values()
        for template in templates
    ]
    texts += [
        *EXAMPLES.values(),
        "加薇信 abc8899 扣扣 ①②③④⑤⑥⑦⑧⑨",
        "kefu@bet888.com",
        "tg://resolve?x",
    ]
    emitted = set().union(*map(_flags, texts))
    assert emitted - set(ENTITY_FLAGS) == set()
    assert len(emitted) >= 10


def _test_vectors() -> list[str]:
    """Every string literal in the normalizer's and finders' tests: the disguises the team has
    written down, which grow with each new trick (and each new flag) someone adds."""
    texts: set[str] = set()
    for folder in ("normalize", "extract", "canon"):
        for path in sorted((REPO / "tests" / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                value = node.value if isinstance(node, ast.Constant) else None
                if isinstance(value, str) and 3 <= len(value) <= 400:
                    texts.add(value)
    return sorted(texts)


def test_the_test_vectors_emit_only_declared_flags() -> None:
    vectors = _test_vectors()
    assert len(vectors) > 300
    emitted: dict[str, str] = {}
    for text in vectors:
        for flag in _flags(text):
            emitted.setdefault(flag, text)
    unknown = {flag: text for flag, text in emitted.items() if flag not in ENTITY_FLAGS}
    assert not unknown, f"flags missing from bastion.model.ENTITY_FLAGS: {unknown}"


def test_default_policy_documents_every_flag() -> None:
    text = (REPO / "src" / "bastion" / "policies" / "default.yaml").read_text(encoding="utf-8")
    documented = set(
        text.split("#     flags", 1)[1]
        .split("#     not_flags", 1)[0]
        .replace(",", " ")
        .replace(".", " ")
        .split()
    )
    assert set(ENTITY_FLAGS) <= documented, set(ENTITY_FLAGS) - documented
