"""Red team 6, link families (part 1): dots and TLDs written as pictures, words and other scripts.

Each family takes a listed host and writes it as a careful reader still recovers it without
guessing. Part 2 (``redteam6_links2.py``) holds the layouts, fields and compositions.
"""

from __future__ import annotations

import random

from bench.redteam6 import Draft, Family, Pools
from bench.redteam6_text import (
    CYR,
    FIN_DIGITS,
    en_place_value,
    has_digits,
    lang_of,
    link,
    one_run,
    spaced,
    wrap,
    zh_place_value,
)

BALLS = ("⚫", "⚪", "🔘", "🔴", "🔵", "●", "◉", "⦿", "🟠", "🟢")
TLD_ZH = {"com": ("康姆", "康母"), "net": ("耐特", "奈特"), "cc": ("西西",), "top": ("托普",)}
TLD_KO = {"com": "닷컴", "net": "닷넷", "org": "닷오알지", "tv": "닷티비"}
TLD_JA = {"com": "ドットコム", "net": "ドットネット", "tv": "ドットティーブイ"}
TLD_CYR = {
    "com": ("сом", "соm", "сοm", "cом"),
    "net": ("nеt", "пеt", "nеτ"),
    "top": ("тор", "tор", "toр"),
    "org": ("оrg", "оrɡ"),
}
LETTER_NAMES = {
    "a": "ay", "b": "bee", "c": "see", "e": "ee", "g": "gee", "i": "eye", "l": "el", "m": "em",
    "n": "en", "o": "oh", "p": "pee", "r": "ar", "t": "tee", "v": "vee", "x": "ex", "z": "zee",
    "f": "ef", "h": "aitch", "s": "ess", "u": "you", "w": "double-you", "y": "why",
}  # fmt: skip
DOT_WORDS_NEW = (
    "punct", "točka", "tačka", "pika", "taškas", "punkts", "крапка", "цэг", "nuqta", "nöqtə",
    "pikë", "punktur", "nukta", "წერტილი", "կետ", "ចុច", "ຈຸດ", "ڈاٹ", "புள்ளி", "ponc",
)  # fmt: skip
DIAN_HOMOPHONES_NEW = ("踮", "惦", "掂", "颠", "巅", "癫", "玷", "钿", "阽", "傎")
RARE_DOTS = ("ꞏ", "⸰", "◦", "⦁", "𐄁", "⠂", "˙", "⚬", "⊙", "⨀")
SYMBOL_TLDS = {"com": ("c()m", "¢om", "(om", "<om", "c°m", "cⓞm", "c◯m"), "net": ("n€t", "ne†")}


def emoji_ball_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    lang = lang_of(rng)
    return link(wrap(rng, f"{h.name}{rng.choice(BALLS)}{h.tld}", lang), h, lang)


def emoji_ball_dot_spaced(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    lang = lang_of(rng)
    b = rng.choice(BALLS)
    return link(wrap(rng, f"{spaced(h.name)} {b} {spaced(h.tld)}", lang), h, lang)


def tld_chinese_word(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_ZH)
    sep = rng.choice(("点", " 点 ", "點", "."))
    return link(wrap(rng, f"{h.name}{sep}{rng.choice(TLD_ZH[h.tld])}", "zh"), h, "zh")


def tld_pinyin_words(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld == "com")
    tail = rng.choice(("dian kang mu", "diǎn kāng mǔ", "dian kangmu", "DIAN KANGMU"))
    return link(wrap(rng, f"{h.name} {tail}", "zh"), h, "zh")


def tld_korean(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_KO)
    lead = rng.choice(("지금 바로 ", "가입하면 보너스 ", "주소 변경: ", ""))
    return link(f"{lead}{h.name}{TLD_KO[h.tld]} 에서 확인하세요", h, "ko")


def tld_katakana(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_JA)
    lead = rng.choice(("今すぐ登録 ", "新しいURLは ", "詳しくは", ""))
    return link(f"{lead}{h.name}{TLD_JA[h.tld]} まで", h, "ja")


def tld_cyrillic_lookalike(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_CYR)
    lang = lang_of(rng)
    dot = rng.choice((".", ".", "。", " . "))
    return link(wrap(rng, f"{h.name}{dot}{rng.choice(TLD_CYR[h.tld])}", lang), h, lang)


def tld_letter_names(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: all(c in LETTER_NAMES for c in h.tld))
    sep = rng.choice((" ", "-", " "))
    names = sep.join(LETTER_NAMES[c] for c in h.tld)
    text = rng.choice(
        (
            "go to {n} dot {t} (spell the ending out)",
            "site is {n} dot {t}, type the letters",
            "{n} dot {t} <- ending spelled letter by letter",
        )
    ).format(n=h.name, t=names)
    return link(text, h, "en")


def numerals_place_value_zh(rng: random.Random, p: Pools) -> Draft:
    h = p.host(one_run)
    run = "".join(c for c in h.name if c.isdigit())
    name = h.name.replace(run, zh_place_value(int(run)))
    dot = rng.choice(("点", "點", "."))
    return link(wrap(rng, f"{name}{dot}{h.tld}（数字写阿拉伯数字）", "zh"), h, "zh")


def numerals_place_value_en(rng: random.Random, p: Pools) -> Draft:
    h = p.host(one_run)
    run = "".join(c for c in h.name if c.isdigit())
    letters = h.name.replace(run, " ")
    head, _, tail = letters.partition(" ")
    words = en_place_value(int(run))
    text = f"{head} {words} {tail} dot {h.tld} (the number in digits, no spaces)"
    return link(text.replace("  ", " ").strip(), h, "en")


def financial_numerals_ball_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host(has_digits)
    name = "".join(FIN_DIGITS[int(c)] if c.isdigit() else c for c in h.name)
    return link(wrap(rng, f"{name}{rng.choice(BALLS)}{h.tld}", "zh"), h, "zh")


def dot_words_new_languages(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    word = rng.choice(DOT_WORDS_NEW)
    form = rng.choice(("{n} {w} {t}", "{n} ({w}) {t}", "{n}[{w}]{t}"))
    return link(wrap(rng, form.format(n=h.name, w=word, t=h.tld), "en"), h, "en")


def dian_homophones_new(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    hint = rng.choice(("", "（谐音）", "（你懂的）", " 懂的都懂"))
    return link(wrap(rng, f"{h.name}{rng.choice(DIAN_HOMOPHONES_NEW)}{h.tld}{hint}", "zh"), h, "zh")


def cantonese_dim(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    form = rng.choice(("{n} dim {t}", "{n} dim2 {t}", "{n}點(dim){t}", "{n} 啲 {t}"))
    text = rng.choice(
        ("上{x}睇下啦", "入{x}搵我哋，送你彩金", "新網址係{x}，記得收藏", "{x} 嗰度好多嘢睇")
    )
    return link(text.format(x=form.format(n=h.name, t=h.tld)), h, "yue")


def dot_romanisations(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    word = rng.choice(("tiám", "tiam2", "tien3", "tiǎn", "diem", "dyen"))
    text = rng.choice(("來 {n} {w} {t} 報名", "官網 {n} {w} {t}", "{n} {w} {t} 加入會員"))
    return link(text.format(n=h.name, w=word, t=h.tld), h, "nan")


def alternating_separators(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    seps = rng.sample(("-", "_", "~", "*", "|", "/", "+", "^"), 3)
    name = "".join(c + seps[i % 3] for i, c in enumerate(h.name))[:-1]
    tld = seps[0].join(h.tld)
    lang = lang_of(rng)
    dot = " 点 " if lang == "zh" else " (dot) "
    return link(wrap(rng, f"{name}{dot}{tld}", lang), h, lang)


def replace_instruction_new(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    x = rng.choice(("🍑", "💋", "🐸", "☘", "🌶", "&", "%", "🦋"))
    lang = lang_of(rng)
    if lang == "zh":
        hint = rng.choice(("（{x}改成点）", "（{x}代表.）", "（{x}=点）", "，把{x}替换成小数点"))
    else:
        hint = rng.choice(("(swap {x} for a dot)", "({x} means dot)", "- {x} is the dot"))
    return link(wrap(rng, f"{h.name}{x}{h.tld} " + hint.format(x=x), lang), h, lang)


def dot_before_last_letters(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    n = len(h.tld)
    lang = lang_of(rng)
    if lang == "zh":
        hint = f"（最后{n}个字母前面加个点）"
    else:
        hint = f"(put a dot before the last {n} letters)"
    return link(wrap(rng, f"{h.name}{h.tld} {hint}", lang), h, lang)


def dot_erhua(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    word = rng.choice(("点儿", "點兒", "加个点", "中间一个点", "小点"))
    return link(wrap(rng, f"{h.name} {word} {h.tld}", "zh"), h, "zh")


def rare_dot_glyphs(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    lang = lang_of(rng)
    return link(wrap(rng, f"{h.name}{rng.choice(RARE_DOTS)}{h.tld}", lang), h, lang)


def tld_symbol_lookalikes(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in SYMBOL_TLDS)
    lang = lang_of(rng)
    return link(wrap(rng, f"{h.name}.{rng.choice(SYMBOL_TLDS[h.tld])}", lang), h, lang)


def homoglyph_name_spelled_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_CYR and sum(c in CYR for c in h.name) >= 2)
    name = "".join(CYR.get(c, c) if i % 2 == 0 else c for i, c in enumerate(h.name))
    dot = rng.choice(("點", "点", "(dot)", "丶"))
    return link(wrap(rng, f"{name} {dot} {rng.choice(TLD_CYR[h.tld])}", "zh"), h, "zh")


def regional_letters_ball_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host()

    def ri(s: str) -> str:
        return "\u200b".join(chr(0x1F1E6 + ord(c) - 97) if c.isalpha() else c for c in s)

    lang = lang_of(rng)
    return link(wrap(rng, f"{ri(h.name)} {rng.choice(BALLS)} {ri(h.tld)}", lang), h, lang)


LINK_FAMILIES_1: dict[str, Family] = {
    "l_emoji_ball_dot": emoji_ball_dot,
    "l_emoji_ball_dot_spaced": emoji_ball_dot_spaced,
    "l_tld_chinese_word": tld_chinese_word,
    "l_tld_pinyin_words": tld_pinyin_words,
    "l_tld_korean": tld_korean,
    "l_tld_katakana": tld_katakana,
    "l_tld_cyrillic_lookalike": tld_cyrillic_lookalike,
    "l_tld_letter_names": tld_letter_names,
    "l_numerals_place_value_zh": numerals_place_value_zh,
    "l_numerals_place_value_en": numerals_place_value_en,
    "l_financial_numerals_ball_dot": financial_numerals_ball_dot,
    "l_dot_words_new_languages": dot_words_new_languages,
    "l_dian_homophones_new": dian_homophones_new,
    "l_cantonese_dim": cantonese_dim,
    "l_dot_romanisations": dot_romanisations,
    "l_alternating_separators": alternating_separators,
    "l_replace_instruction_new": replace_instruction_new,
    "l_dot_before_last_letters": dot_before_last_letters,
    "l_dot_erhua": dot_erhua,
    "l_rare_dot_glyphs": rare_dot_glyphs,
    "l_tld_symbol_lookalikes": tld_symbol_lookalikes,
    "l_homoglyph_name_spelled_dot": homoglyph_name_spelled_dot,
    "l_regional_letters_ball_dot": regional_letters_ball_dot,
}
