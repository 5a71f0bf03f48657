"""Every trick must hide the domain without destroying it: undoing the trick gives it back."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from bench import tricks

DOMAINS = ("188bet.com", "happy-luck.co.uk", "pornhub.com", "secure-paypal.net", "v9bet.vip")
_INVERSE = {v: k for table in (tricks.CYRILLIC, tricks.GREEK) for k, v in table.items()}
_DOT_WORDS = ("(dot)", "[.]", "{.}", " dot ", "点", "丶", "·", "。", *tricks.EMOJI_SEPARATORS)
VISIBLE_DOMAIN = {"plain", "mixed_case", "scheme", "www_path", "hxxp", "h_star_p", "spaced_scheme"}
"""Tricks that disguise only the case or the scheme, leaving the domain itself readable."""
_SCHEMES = re.compile(r"^(?:https?|hxxps?|h\*\*ps?)://|^h t t p(?: s)? : / / ")


def reveal(token: str) -> str:
    """A deliberately independent, naive undo of every trick (for checking, not detecting)."""
    text = unicodedata.normalize("NFKC", token)
    text = "".join(_INVERSE.get(c, c) for c in text if c not in tricks.ZERO_WIDTH).lower()
    text = _SCHEMES.sub("", text)
    for word in _DOT_WORDS:
        text = text.replace(word, ".")
    text = text.removeprefix("www.").split("/")[0]
    for sep in (" ", *tricks.SYMBOL_SEPARATORS):
        text = text.replace(sep, "")
    return text


@pytest.mark.parametrize("trick", list(tricks.HOST_TRICKS))
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_host_trick_is_reversible(trick: str, domain: str) -> None:
    rng = random.Random(f"{trick}:{domain}")
    for _ in range(5):
        token = tricks.HOST_TRICKS[trick](domain, rng)
        assert reveal(token) == domain, (trick, token)
        if trick not in VISIBLE_DOMAIN:
            assert domain not in token, f"{trick} left the domain in plain sight: {token!r}"


def test_fullwidth_maps_every_ascii_printable() -> None:
    assert tricks.fullwidth("bet888.com/A?") == "ｂｅｔ８８８．ｃｏｍ／Ａ？"
    assert tricks.fullwidth("中 文") == "中 文"


def test_homoglyphs_swap_only_lookalikes_and_need_one() -> None:
    rng = random.Random(3)
    out = tricks.homoglyphs("paypal.com", tricks.CYRILLIC, rng)
    assert out != "paypal.com" and len(out) == len("paypal.com")
    assert all(a == b or tricks.CYRILLIC[a] == b for a, b in zip("paypal.com", out, strict=True))
    with pytest.raises(ValueError, match="no letter"):
        tricks.homoglyphs("888.tk", tricks.GREEK, rng)


def test_zero_width_inserts_two_or_three_invisibles() -> None:
    rng = random.Random(5)
    for _ in range(20):
        out = tricks.insert_zero_width("188bet.com", rng)
        hidden = sum(c in tricks.ZERO_WIDTH for c in out)
        assert 2 <= hidden <= 3 and len(out) == len("188bet.com") + hidden


def test_numeral_forms_round_trip() -> None:
    rng = random.Random(1)
    cn = tricks.cn_numerals("1234567890", rng)
    table = tricks.CN_DIGITS if "零" in cn else tricks.CN_DIGITS_ALT
    assert "".join(str(table.index(c)) for c in cn) == "1234567890"
    assert tricks.circled("905") == "⑨⓪⑤"


def test_generated_ids_look_real() -> None:
    rng = random.Random(9)
    for _ in range(200):
        qq = tricks.qq_number(rng)
        assert qq.isdigit() and qq[0] != "0" and 6 <= len(qq) <= 10
        mobile = tricks.cn_mobile(rng)
        assert re.fullmatch(r"1[3-9]\d{9}", mobile)
        wid = tricks.handle_id(rng)
        assert re.fullmatch(r"[a-z][a-z0-9_-]{5,13}", wid), wid
        tg = tricks.handle_id(rng, lo=5, hi=20, style="telegram")
        assert re.fullmatch(r"[a-z][a-z0-9_]{4,19}", tg), tg
