"""The derived character tables: what folds, what never does."""

from __future__ import annotations

import unicodedata

from bastion.normalize.tables import CJK_NUMERALS, DOT_CHARS, tables


def test_fullwidth_and_math_letters_fold_to_ascii() -> None:
    t = tables()
    assert "ｂｅｔ８８８＠．／".translate(t.same) == "bet888@./"
    assert "𝐛𝕖𝓽𝟴".translate(t.same) == "bet8"


def test_every_decimal_digit_folds_to_its_value() -> None:
    t = tables()
    for cp in range(0x80, 0x10000):
        char = chr(cp)
        digit = unicodedata.digit(char, None)
        if digit is not None:
            assert t.same.get(cp) == str(digit), hex(cp)


def test_enclosed_numbers_lose_their_punctuation() -> None:
    t = tables()
    assert "⑴⒈❶➀⓵".translate(t.same) == "11111"
    assert "⑩⑽⒑⓾⑳".translate(t.other) == "1010101020"


def test_ellipsis_and_colon_are_not_folded() -> None:
    t = tables()
    for char in "…：。、·｡":
        assert ord(char) not in t.same and ord(char) not in t.other


def test_invisibles_are_deleted() -> None:
    t = tables()
    for char in "\u200b\u200c\u200d\u2060\u00ad\u202e\ufe0f\ufeff\U000e0100":
        assert t.other.get(ord(char)) == "", hex(ord(char))


def test_homoglyphs_cover_scripts_but_never_cjk() -> None:
    t = tables()
    assert "раураӏ".translate(t.homoglyph) == "paypal"
    assert "ΑΒΕ".translate(t.homoglyph) == "ABE"
    assert "օ".translate(t.homoglyph) == "o"
    for cp in t.homoglyph:
        assert not (0x2E80 <= cp <= 0xA4CF or 0xAC00 <= cp <= 0xD7AF), hex(cp)
        assert t.homoglyph[cp].isascii() and t.homoglyph[cp].isalnum()
    for char in (
        "口工一二〇ー" + "".join(CJK_NUMERALS) + DOT_CHARS.replace("．", "").replace("﹒", "")
    ):
        assert ord(char) not in t.homoglyph and ord(char) not in t.same


def test_tables_are_built_once() -> None:
    assert tables() is tables()
