"""Red team 10: link families, a real listed host (or malware IP) under one to three disguises.

A family is a *disguise* (host -> the text standing for it, the host or URL written plainly, the
hint a reader needs, and hosts the text really holds) placed in a template of its surface and
language (:mod:`bench.redteam10_text`). The case's ``key`` is the same template holding the host
plainly. Where a disguise leaves a different, real-looking host in the text (a name ciphered
before a plain TLD, a lure in the userinfo), that literal host is in ``others``: a scanner
reporting it is not wrong, only fooled.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import redteam10_tricks as t
from bench.redteam7 import SURFACES, Case, Host, Pools
from bench.redteam8_text import real_carrier
from bench.redteam10_text import LONG_SURFACES, place

Rng = random.Random
Out = tuple[str, str, str, tuple[str, ...]]  # shown, plain, hint, others
Disguise = Callable[[Rng, Host, str], Out]
Builder = Callable[[Rng, Pools, int], Case]
Accept = Callable[[Host], bool]

_HOSTLIKE = re.compile(r"[a-z0-9-]+\.[a-z]{2,}")
LURES = ("support.apple.com", "www.amazon.com", "accounts.google.com", "www.icbc.com.cn")

HINTS: dict[str, dict[str, str]] = {
    "zhuyin": {
        "zh": "忘了切输入法，用注音键盘打的，照键位换回英文",
        "en": "typed with the Zhuyin IME still on, map each symbol back to its key",
    },
    "russian": {
        "ru": "набрано в русской раскладке, переключи на английскую",
        "zh": "俄文键盘没切换，按同一个键位换回英文",
        "en": "typed on a Russian keyboard layout, press the same keys in English",
    },
    "codepoints": {"zh": "Unicode码位", "en": "Unicode code points"},
    "rot47": {"zh": "ROT47解密", "en": "ROT47"},
    "base58": {"zh": "base58解码", "en": "base58 decode"},
    "polybius": {
        "zh": "棋盘密码5×5（i和j同格），每两位是行和列",
        "en": "Polybius square 5x5 (i and j share a cell), row then column",
    },
    "rail": {
        "zh": "先写第1、3、5…个字符，再写第2、4、6…个，交替拼回去",
        "en": "the 1st, 3rd, 5th... characters first, then the 2nd, 4th...; interleave them back",
    },
    "pairs": {
        "zh": "每两个字符调换了顺序，换回来",
        "en": "every two characters are swapped, swap them back",
    },
    "halves": {"zh": "名字前后两半对调了", "en": "the two halves of the name are swapped"},
    "binary_ip": {"zh": "IP每段是二进制", "en": "each part of the IP in binary"},
    "roman_ip": {"zh": "IP每段用罗马数字写的", "en": "IP written in Roman numerals"},
    "ko_digits": {"ko": "숫자는 한글로 읽은 것, 붙여서 쓰세요"},
    "ja_digits": {"ja": "数字はカタカナ読み、つなげて入力"},
    "th_digits": {"th": "ตัวเลขเขียนเป็นคำ พิมพ์ติดกัน"},
    "ja_letters": {"ja": "英字はカタカナ読み、つなげて入力"},
    "ko_letters": {"ko": "알파벳을 읽는 소리로 씀, 붙여서 입력"},
    "th_letters": {"th": "ตัวอักษรอังกฤษเขียนตามเสียงอ่าน พิมพ์ติดกัน"},
}


def hint(name: str, lang: str) -> str:
    table = HINTS[name]
    return table.get(lang) or table.get("en") or next(iter(table.values()))


def literal(read: str) -> tuple[str, ...]:
    return (read,) if _HOSTLIKE.fullmatch(read) else ()


# ---- host filters ----------------------------------------------------------------------------


def has_digits(h: Host) -> bool:
    return any(c.isdigit() for c in h.name)


def short_name(h: Host) -> bool:
    return 4 <= len(h.name) <= 9


def sound_tld(h: Host) -> bool:
    return h.tld in ("com", "net", "org")


def o_tld(h: Host) -> bool:
    return "o" in h.tld


def both(*fns: Accept) -> Accept:
    return lambda h: all(f(h) for f in fns)


IP: Accept = lambda h: True  # noqa: E731  (marks an IP family)

# ---- disguises -------------------------------------------------------------------------------


def d_zhuyin(rng: Rng, h: Host, lang: str) -> Out:
    return t.zhuyin_keyboard(h.name) + "." + h.tld, h.host, hint("zhuyin", lang), ()


def d_zhuyin_o(rng: Rng, h: Host, lang: str) -> Out:
    shown = t.zhuyin_keyboard(h.name) + "." + t.o_shape_tld(rng, h.tld)
    return shown, h.host, hint("zhuyin", lang), ()


def d_russian(rng: Rng, h: Host, lang: str) -> Out:
    return (
        t.russian_layout(h.name) + "." + t.russian_layout(h.tld),
        h.host,
        hint("russian", lang),
        (),
    )


def d_digit_words(words: list[str], hint_name: str, sep: str = "") -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        return t.digit_words(words, h.name, sep) + "." + h.tld, h.host, hint(hint_name, lang), ()

    return d


def d_euro_digits(rng: Rng, h: Host, lang: str) -> Out:
    which = "ru" if lang == "ru" else rng.choice(("de", "fr"))
    shown = t.digit_words(t.EURO_DIGITS[which], h.name) + "." + h.tld
    return shown, h.host, t.EURO_HINT[which], ()


def d_letter_names(table: dict[str, str], hint_name: str, digits: list[str] | None = None,
                   dot: str = " . ", tld_sound: str = "") -> Disguise:  # fmt: skip
    def d(rng: Rng, h: Host, lang: str) -> Out:
        tld = t.TLD_SOUNDS[tld_sound][h.tld] if tld_sound else h.tld
        shown = t.letter_names(table, h.name, digits) + dot + tld
        return shown, h.host, hint(hint_name, lang), ()

    return d


def d_tld_sound(rng: Rng, h: Host, lang: str) -> Out:
    dot = {"ko": " 닷", "ja": "ドット", "th": " ดอท ", "ru": " точка "}[lang]
    return h.name + dot + t.TLD_SOUNDS[lang][h.tld], h.host, "", ()


def d_colloquial_dot(rng: Rng, h: Host, lang: str) -> Out:
    dot = rng.choice(t.COLLOQUIAL_DOTS.get(lang, t.COLLOQUIAL_DOTS["other"]))
    return h.name + f" {dot} " + h.tld, h.host, "", ()


def d_o_circle(rng: Rng, h: Host, lang: str) -> Out:
    return h.name + "." + t.o_shape_tld(rng, h.tld), h.host, "", ()


def whole(fn: Callable[[str], str], hint_name: str) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        return fn(h.host), h.host, hint(hint_name, lang), ()

    return d


def name_cipher(fn: Callable[[str], str], hint_name: str,
                tld: Callable[[Rng, str], str] | None = None,
                after: Callable[[str], str] | None = None) -> Disguise:  # fmt: skip
    """A keyed transformation of the name, the TLD plain (or drawn by ``tld``)."""

    def d(rng: Rng, h: Host, lang: str) -> Out:
        read = fn(h.name) + "." + h.tld
        shown = fn(h.name) + "." + (tld(rng, h.tld) if tld else h.tld)
        if after:
            shown = after(shown)
        return shown, h.host, hint(hint_name, lang), literal(read)

    return d


def d_polybius(rng: Rng, h: Host, lang: str) -> Out:
    return t.polybius(h.name) + " . " + h.tld, h.host, hint("polybius", lang), ()


def d_grid(rng: Rng, h: Host, lang: str) -> Out:
    grid = t.diagonal_grid(rng, h.name)
    if lang == "zh":
        note = f"从左上到右下沿对角线读出名字，后面加 .{h.tld}"
    else:
        note = f"read the diagonal top-left to bottom-right, then add .{h.tld}"
    return "\n" + grid + "\n", h.host, note, ()


def d_a1z26_zh(rng: Rng, h: Host, lang: str) -> Out:
    shown = t.a1z26_zh(h.name) + "，点" + h.tld
    return shown, h.host, "字母按序号写的（一=a，二=b…），〔〕里是数字", ()


def d_latex(tags: bool = False) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        name = t.tags_inside(rng, h.name) if tags else h.name
        return t.latex(rng, name, h.tld), h.host, "", ()

    return d


def d_vcard(percent: bool = False) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        host = t.percent_some(rng, h.host) if percent else h.host
        url = "URL;TYPE=work:https://" + host + "/"
        width = rng.randint(
            len("URL;TYPE=work:https://") + 2, len("URL;TYPE=work:https://") + len(host) - 2
        )
        name = rng.choice(("VIP客服", "Lucky Club", "Anna Kim", "官方"))
        card = f"\nBEGIN:VCARD\nVERSION:4.0\nFN:{name}\n{t.vcard_fold(url, width)}\nEND:VCARD\n"
        return card, f"https://{h.host}/", "", ()

    return d


def d_table(keycaps: bool = False, o_circle: bool = False) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        tld = t.o_shape_tld(rng, h.tld) if o_circle else h.tld
        chars = list(h.name) + ["."] + ([tld] if o_circle else list(tld))
        head = "| # | 字 |\n|---|---|" if lang == "zh" else "| # | char |\n|---|---|"
        rows = [
            f"| {i} | {t.KEYCAP[c] if keycaps and c.isdigit() else c} |"
            for i, c in enumerate(chars, 1)
        ]
        return "\n" + head + "\n" + "\n".join(rows) + "\n", h.host, "", ()

    return d


def d_code_fence(rng: Rng, h: Host, lang: str) -> Out:
    body = "\n".join(h.host)
    return "\n```\n" + body + "\n```\n", h.host, "", ()


def d_quoted_reply(rng: Rng, h: Host, lang: str) -> Out:
    if lang == "zh":
        s = f"\n> 老哥网址发一下\n{h.name}\n> 后缀呢？\n.{h.tld} 别打错\n"
    else:
        s = f"\n> what's the site again?\n{h.name}\n> and the ending?\n.{h.tld}\n"
    return s, h.host, "", ()


def d_keycap_regional(rng: Rng, h: Host, lang: str) -> Out:
    return t.keycap_regional(h.name) + "  .  " + t.keycap_regional(h.tld), h.host, "", ()


def d_fw_super(rng: Rng, h: Host, lang: str) -> Out:
    return t.fw_super_alternating(h.name) + "｡" + t.fw_super_alternating(h.tld), h.host, "", ()


def d_tags_jjeom(rng: Rng, h: Host, lang: str) -> Out:
    return t.tags_inside(rng, h.name) + " 쩜 " + h.tld, h.host, "", ()


def d_zalgo_o(rng: Rng, h: Host, lang: str) -> Out:
    return t.zalgo(rng, h.name) + "." + t.o_shape_tld(rng, h.tld), h.host, "", ()


UPPER_GREEK = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν",
               "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ"}  # fmt: skip


def d_greek_upper(rng: Rng, h: Host, lang: str) -> Out:
    up = h.host.upper()
    idx = [i for i, c in enumerate(up) if c in UPPER_GREEK]
    pick = set(rng.sample(idx, max(1, len(idx) // 2)))
    shown = "".join(UPPER_GREEK[c] if i in pick else c for i, c in enumerate(up))
    path = rng.choice(("/", "/LOGIN", "/?ref=VIP"))
    return f"HTTPS://{shown}.{path}", f"https://{h.host}{path.lower()}", "", ()


def d_userinfo_port_percent(rng: Rng, h: Host, lang: str) -> Out:
    lure = rng.choice(LURES)
    port = rng.choice((":8080", ":8443", ":2087"))
    path = rng.choice(("/", "/verify", "/app.apk"))
    shown = f"https://{lure}:443@{t.percent_some(rng, h.host)}{port}{path}"
    return shown, f"https://{h.host}{port}{path}", "", (lure,)


def d_json_redirect(rng: Rng, h: Host, lang: str) -> Out:
    inner = f"https%253A%252F%252F{h.host}%252F"
    shown = (
        '{"title":"' + rng.choice(("活动", "promo", "bonus")) + '","link":"https:\\/\\/'
        f'www.google.com\\/url?q={inner}&sa=D"}}'
    )
    return shown, f"https://{h.host}/", "", ("www.google.com", "google.com")


def d_ip(form: str) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> Out:
        path = rng.choice(("/", "/login", "/app.apk", "/dl"))
        if form == "binary_userinfo":
            lure = rng.choice(LURES)
            port = rng.choice((":8080", ":8888"))
            shown = f"http://{lure}@{t.ip_binary(h.host)}{port}{path}"
            return shown, f"http://{h.host}{port}{path}", hint("binary_ip", lang), (lure,)
        if form == "binary":
            return (
                f"http://{t.ip_binary(h.host)}{path}",
                f"http://{h.host}{path}",
                hint("binary_ip", lang),
                (),
            )
        if form == "roman":
            return (
                f"http://{t.ip_roman(h.host)}{path}",
                f"http://{h.host}{path}",
                hint("roman_ip", lang),
                (),
            )
        arpa = t.ip_arpa(h.host)
        if lang == "zh":
            s = f"服务器反向解析是 {arpa}，直接用这台的IP访问{path}"
        else:
            s = f"the server's reverse DNS is {arpa}, open its IP directly{path}"
        return s, f"http://{h.host}{path}", "", (arpa,)

    return d


def d_ko_digits_jjeom(rng: Rng, h: Host, lang: str) -> Out:
    shown = t.digit_words(t.KO_DIGITS, h.name, "") + " 쩜 " + t.TLD_SOUNDS["ko"][h.tld]
    return shown, h.host, hint("ko_digits", lang), ()


# ---- families --------------------------------------------------------------------------------

LANGS_ZE = ("zh", "en")
ALL = SURFACES
LONG_ONLY = (*LONG_SURFACES, "bio")


def zhuyin_name(h: Host) -> bool:
    return t.zhuyin_ok(h.name)


def poly_name(h: Host) -> bool:
    return t.polybius_ok(h.name)


def swaps(h: Host) -> bool:
    return len(h.name) >= 4 and t.pairs_swapped(h.name) != h.name


def even_halves(h: Host) -> bool:
    return len(h.name) % 2 == 0 and t.halves_swapped(h.name) != h.name


def greek_host(h: Host) -> bool:
    return any(c in UPPER_GREEK for c in h.host.upper())


def o_fw(rng: Rng, tld: str) -> str:
    return t.o_shape_tld(rng, tld)


Spec = tuple[Disguise, Accept | None, tuple[str, ...], tuple[str, ...], tuple[str, ...], str]
# disguise, host filter, tricks, languages, surfaces, carrier

SPECS: dict[str, Spec] = {
    # wrong keyboard
    "l_zhuyin_keyboard_hint": (d_zhuyin, zhuyin_name, ("zhuyin_keyboard", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "l_russian_layout_hint": (d_russian, None, ("russian_layout", "hint"), ("ru", "zh", "en"), ALL, ""),  # noqa: E501
    # digits and letters said in other languages
    "l_korean_digit_words": (d_digit_words(t.KO_DIGITS, "ko_digits"), has_digits, ("ko_digit_words", "hint"), ("ko",), ALL, ""),  # noqa: E501
    "l_japanese_katakana_digits": (d_digit_words(t.JA_DIGITS, "ja_digits"), has_digits, ("ja_digit_words", "hint"), ("ja",), ALL, ""),  # noqa: E501
    "l_thai_digit_words": (d_digit_words(t.TH_DIGITS, "th_digits"), has_digits, ("th_digit_words", "hint"), ("th",), ALL, ""),  # noqa: E501
    "l_german_french_russian_digit_words": (d_euro_digits, has_digits, ("euro_digit_words", "hint"), ("en", "ru"), ALL, ""),  # noqa: E501
    "l_katakana_letter_names": (d_letter_names(t.KATAKANA_LETTERS, "ja_letters", t.JA_DIGITS, " . ", ""), short_name, ("katakana_letters", "hint"), ("ja",), ALL, ""),  # noqa: E501
    "l_hangul_letter_names": (d_letter_names(t.HANGUL_LETTERS, "ko_letters", None, " . "), short_name, ("hangul_letters", "hint"), ("ko",), ALL, ""),  # noqa: E501
    "l_thai_letter_names_tld_sound": (d_letter_names(t.THAI_LETTERS, "th_letters", None, " ดอท ", "th"), both(short_name, sound_tld), ("thai_letters", "tld_sound", "hint"), ("th",), ALL, ""),  # noqa: E501
    # dots and TLDs
    "l_tld_sounds_ko_ja_th_ru": (d_tld_sound, sound_tld, ("tld_sound_foreign",), ("ko", "ja", "th", "ru"), ALL, ""),  # noqa: E501
    "l_colloquial_dot_words": (d_colloquial_dot, None, ("colloquial_dot",), ("ko", "ja", "th", "en"), ALL, ""),  # noqa: E501
    "l_tld_o_drawn_circle": (d_o_circle, o_tld, ("o_circle_tld",), LANGS_ZE, ALL, ""),
    # codes and ciphers with their key
    "l_unicode_codepoints": (whole(t.codepoints, "codepoints"), None, ("codepoints", "hint"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "l_rot47_hint": (whole(t.rot47, "rot47"), None, ("rot47", "hint"), LANGS_ZE, ALL, ""),
    "l_base58_hint": (whole(t.base58, "base58"), None, ("base58", "hint"), LANGS_ZE, ALL, ""),
    "l_polybius_square_hint": (d_polybius, poly_name, ("polybius", "hint"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "l_rail_fence_hint": (name_cipher(t.rail_fence, "rail"), short_name, ("rail_fence", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "l_pairs_swapped_hint": (name_cipher(t.pairs_swapped, "pairs"), swaps, ("pairs_swapped", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "l_halves_swapped_hint": (name_cipher(t.halves_swapped, "halves"), even_halves, ("halves_swapped", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "l_grid_diagonal_hint": (d_grid, short_name, ("grid_diagonal", "hint"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "l_a1z26_chinese_numerals": (d_a1z26_zh, None, ("a1z26_zh_numerals", "hint"), ("zh",), ALL, ""),
    # markup and layouts
    "l_latex_markup": (d_latex(), None, ("latex",), LANGS_ZE, ALL, ""),
    "l_vcard_folded_url": (d_vcard(), None, ("vcard_fold",), LANGS_ZE, LONG_ONLY, ""),
    "l_markdown_table_char_rows": (d_table(), None, ("md_table_vertical",), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "l_code_fence_vertical": (d_code_fence, None, ("code_fence_vertical",), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "l_quoted_reply_name_then_tld": (d_quoted_reply, None, ("quoted_reply_split",), LANGS_ZE, LONG_SURFACES, ""),  # noqa: E501
    # IPs
    "l_ip_binary_octets_hint": (d_ip("binary"), IP, ("ip_binary", "hint"), LANGS_ZE, ALL, ""),
    "l_ip_roman_octets": (d_ip("roman"), IP, ("ip_roman", "hint"), LANGS_ZE, ALL, ""),
    "l_ip_reverse_dns_arpa": (d_ip("arpa"), IP, ("ip_arpa",), LANGS_ZE, LONG_SURFACES, ""),
    # known tricks composed anew
    "c_keycap_digits_regional_letters": (d_keycap_regional, None, ("keycap", "regional_letters"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_fullwidth_superscript_alternating_halfwidth_stop": (d_fw_super, None, ("fullwidth", "superscript", "halfwidth_stop"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_tag_chars_korean_jjeom": (d_tags_jjeom, None, ("tag_chars", "colloquial_dot"), ("ko",), ALL, ""),  # noqa: E501
    "c_zalgo_o_circle_tld": (d_zalgo_o, o_tld, ("zalgo", "o_circle_tld"), LANGS_ZE, ALL, ""),
    "c_greek_upper_trailing_dot_scheme": (d_greek_upper, greek_host, ("greek_homoglyph_upper", "root_dot", "upper_scheme"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_userinfo_port_percent_host": (d_userinfo_port_percent, None, ("userinfo", "port", "percent_host"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_json_escaped_double_encoded_redirect": (d_json_redirect, None, ("json_escape", "redirect_double_encoded"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "c_zhuyin_keyboard_o_circle": (d_zhuyin_o, both(zhuyin_name, o_tld), ("zhuyin_keyboard", "o_circle_tld", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_pairs_swapped_o_circle": (name_cipher(t.pairs_swapped, "pairs", tld=o_fw), both(swaps, o_tld), ("pairs_swapped", "o_circle_tld", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_rail_fence_fullwidth": (name_cipher(t.rail_fence, "rail", after=t.fullwidth), short_name, ("rail_fence", "fullwidth", "hint"), LANGS_ZE, ALL, ""),  # noqa: E501
    "c_korean_digits_jjeom_tld_sound": (d_ko_digits_jjeom, both(has_digits, sound_tld), ("ko_digit_words", "colloquial_dot", "tld_sound", "hint"), ("ko",), ALL, ""),  # noqa: E501
    "c_latex_tag_chars": (d_latex(tags=True), None, ("latex", "tag_chars"), LANGS_ZE, ALL, ""),
    "c_ip_binary_userinfo_port": (d_ip("binary_userinfo"), IP, ("ip_binary", "userinfo", "port", "hint"), LANGS_ZE, LONG_SURFACES, ""),  # noqa: E501
    # three at once
    "c3_table_keycaps_o_circle": (d_table(keycaps=True, o_circle=True), o_tld, ("md_table_vertical", "keycap", "o_circle_tld"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "c3_vcard_folded_percent_host": (d_vcard(percent=True), None, ("vcard_fold", "percent_host"), LANGS_ZE, LONG_ONLY, ""),  # noqa: E501
    "c3_hangul_letters_digits_jjeom_tld": (d_letter_names(t.HANGUL_LETTERS, "ko_letters", t.KO_DIGITS, " 쩜 ", "ko"), both(short_name, sound_tld), ("hangul_letters", "ko_digit_words", "colloquial_dot", "tld_sound", "hint"), ("ko",), ALL, ""),  # noqa: E501
    "c3_katakana_letters_digits_tld_sound": (d_letter_names(t.KATAKANA_LETTERS, "ja_letters", t.JA_DIGITS, "・ドット・", "ja"), both(short_name, sound_tld), ("katakana_letters", "ja_digit_words", "tld_sound", "hint"), ("ja",), ALL, ""),  # noqa: E501
    # real spam of the shared sets as the carrier
    "r_real_sms_spam_o_circle_tld": (d_o_circle, o_tld, ("real_sms_spam", "o_circle_tld"), ("en",), LONG_SURFACES, "sms_spam"),  # noqa: E501
    "r_real_telecom_fraud_a1z26_zh": (d_a1z26_zh, None, ("real_telecom_fraud", "a1z26_zh_numerals", "hint"), ("zh",), LONG_SURFACES, "telecom_fraud"),  # noqa: E501
    "r_real_youtube_spam_pairs_swapped": (name_cipher(t.pairs_swapped, "pairs"), swaps, ("real_youtube_spam", "pairs_swapped", "hint"), ("en",), LONG_SURFACES, "youtube_spam"),  # noqa: E501
}  # fmt: skip


def with_hint(rng: Rng, lang: str, piece: str, hint_text: str) -> str:
    if not hint_text:
        return piece
    if lang in ("zh", "ja"):
        return rng.choice((f"{piece}（{hint_text}）", f"{hint_text}：{piece}"))
    return rng.choice((f"{piece} ({hint_text})", f"{hint_text}: {piece}"))


_SPELLED_TLD = re.compile(r"(?i)\b(?:com|net|org|dot)\b")


def carrier_text(rng: Rng, pools: Pools, which: str) -> str:
    for _ in range(200):
        s = real_carrier(rng, pools.data, which)
        if not _SPELLED_TLD.search(s.replace("{h}", "")):
            return s
    raise RuntimeError("no clean carrier")


def make(spec: Spec) -> Builder:
    disguise, accept, tricks, langs, surfaces, carrier = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = langs[i % len(langs)]
        is_ip = accept is IP
        h = pools.ip(rng) if is_ip else pools.host(rng, accept)
        surface = surfaces[rng.randrange(len(surfaces))]
        if carrier:
            template = carrier_text(rng, pools, carrier)
        else:
            template = place(rng, surface, lang, h.category)
        piece, plain, hint_text, others = disguise(rng, h, lang)
        text = template.replace("{h}", with_hint(rng, lang, piece, hint_text))
        return Case(
            id="", family="", group="link", kind="ip" if is_ip else "host", surface=surface,
            lang=lang, text=text, expected=(h.host,), source=h.source, others=others,
            key=template.replace("{h}", plain), tricks=tricks,
        )  # fmt: skip

    return build


def link_families() -> dict[str, Builder]:
    return {name: make(spec) for name, spec in SPECS.items()}
