"""Red team 8: link families, a real listed host (or malware IP) under one to three new disguises.

A family is a *disguise* (host -> the text standing for it, and the hint a reader needs, if
any) placed in a spam template of its surface and language (:mod:`bench.redteam8_text`). The
case's ``key`` is the same template holding the host written plainly.
"""

from __future__ import annotations

import random
import urllib.parse
from collections.abc import Callable

from bench import redteam8_tricks as t
from bench.redteam7 import SURFACES, Case, Host, Pools
from bench.redteam8_text import LONG_SURFACES, place, real_carrier

Rng = random.Random
# host, lang -> (text standing for the host, the host or URL written plainly, hint or "")
Disguise = Callable[[Rng, Host, str], tuple[str, str, str]]
Builder = Callable[[Rng, Pools, int], Case]

HINTS: dict[str, dict[str, tuple[str, ...]]] = {
    "pinyin": {"zh": ("数字用拼音写的", "数字是拼音"), "en": ("numbers in pinyin",)},
    "shift": {
        "zh": ("数字是按着Shift打的", "数字键按了shift"),
        "en": ("digits typed with Shift held", "numbers typed with shift on"),
    },
    "braille": {"zh": ("盲文", "盲文写的网址"), "en": ("Braille", "in braille")},
    "morse": {"zh": ("摩斯密码", "摩尔斯电码"), "en": ("Morse code", "morse")},
    "a1z26": {"zh": ("字母表序号 A=1 Z=26",), "en": ("A=1 … Z=26", "letter numbers a1z26")},
    "caesar": {
        "zh": ("每个字母往前退一位才是真网址", "字母都后移了一位，往回退一位"),
        "en": ("shift each letter back by one", "every letter moved one forward, undo it"),
    },
    "rot13": {"zh": ("ROT13", "rot13解码"), "en": ("ROT13", "rot13 it")},
    "t9": {"zh": ("老手机九宫格按键", "九宫格连按"), "en": ("old phone keypad taps", "T9 taps")},
    "nato": {
        "zh": ("北约字母取首字母", "航空字母表，取每个词的首字母"),
        "en": ("NATO alphabet, in Chinese",),
    },
    "base64": {"zh": ("base64解码", "复制去base64解码"), "en": ("base64", "decode b64")},
    "hex": {"zh": ("十六进制", "hex转文字"), "en": ("hex", "hex to text")},
}


def hint(rng: Rng, name: str, lang: str) -> str:
    return rng.choice(HINTS[name][lang])


def letters_only(h: Host) -> bool:
    return h.name.isalpha() and len(h.name) <= 10


def has_digits(h: Host) -> bool:
    return any(c.isdigit() for c in h.name)


def digits_no_zero(h: Host) -> bool:
    return has_digits(h) and "0" not in h.name


def cc_tld(h: Host) -> bool:
    return h.tld in t.FLAGS


def whole(fn: t.Fn, hint_name: str = "") -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
        return fn(rng, h.host), h.host, hint(rng, hint_name, lang) if hint_name else ""

    return d


def parts(
    name: t.Fn | None = None,
    dot: Callable[[Rng, str], str] | None = None,
    tld: Callable[[Rng, str], str] | None = None,
    after: t.Fn | None = None,
    hint_name: str = "",
) -> Disguise:
    """Disguise the name, the dot and the TLD apart, then (``after``) the whole."""

    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
        s = (name(rng, h.name) if name else h.name) + (dot(rng, lang) if dot else ".")
        s += tld(rng, h.tld) if tld else h.tld
        if after:
            s = after(rng, s)
        return s, h.host, hint(rng, hint_name, lang) if hint_name else ""

    return d


def dot_of(choices: tuple[str, ...]) -> Callable[[Rng, str], str]:
    return lambda rng, _lang: rng.choice(choices)


def dot_words(rng: Rng, lang: str) -> str:
    w = rng.choice(t.DOT_WORDS_NEW[:4] if lang == "zh" else t.DOT_WORDS_NEW[4:])
    return w if lang == "zh" else f" {w} "


def flag_tld(rng: Rng, tld: str) -> str:
    return t.FLAGS[tld]


def legend_name(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s, key = t.legend(rng, h.name)
    return s + "." + h.tld, h.host, key


def url(host: str, rng: Rng) -> str:
    return f"https://{host}/" if rng.random() < 0.5 else f"https://www.{host}/"


# ---- disguises that need more than a table ---------------------------------------------------


def d_a1z26(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.a1z26(h.name) + "." + h.tld, h.host, hint(rng, "a1z26", lang)


def d_t9(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.t9(h.name) + " . " + h.tld, h.host, hint(rng, "t9", lang)


def d_t9_chaizi(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return (
        t.t9(h.name) + " " + rng.choice(t.CHAIZI_DOT) + " " + h.tld,
        h.host,
        hint(rng, "t9", lang),
    )


def d_nato(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.nato_zh(h.name) + " ." + h.tld, h.host, hint(rng, "nato", lang)


def d_nato_flag(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.nato_zh(h.name) + " " + t.FLAGS[h.tld], h.host, hint(rng, "nato", lang)


def d_morse(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.morse(h.host), h.host, hint(rng, "morse", lang)


def d_braille(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = t.braille(h.host) if rng.random() < 0.5 else t.braille(h.name) + "." + h.tld
    return s, h.host, hint(rng, "braille", lang)


def d_caesar(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.caesar(h.host, 1), h.host, hint(rng, "caesar", lang)


def d_rot13(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.caesar(h.host, 13), h.host, hint(rng, "rot13", lang)


def d_rot13_fullwidth(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = "".join(chr(0xFF41 + ord(c) - 97) if c in t.LOWER else c for c in t.caesar(h.host, 13))
    return s, h.host, hint(rng, "rot13", lang)


def d_caesar_entities(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return (
        t.named_entities("https://" + t.caesar(h.host, 1)),
        "https://" + h.host,
        hint(rng, "caesar", lang),
    )


def d_base64(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    return t.b64(u), u, hint(rng, "base64", lang)


def d_hex(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.hex_bytes(h.host), h.host, hint(rng, "hex", lang)


def d_pinyin(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return t.pinyin_digits(rng, h.name) + "." + h.tld, h.host, hint(rng, "pinyin", lang)


def d_pinyin_zhuyin(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = t.pinyin_digits(rng, h.name) + " " + rng.choice(t.ZHUYIN_DOT) + " " + h.tld
    return s, h.host, hint(rng, "pinyin", lang)


def d_shift(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    return (
        t.digits_with(t.SHIFT_DIGITS)(rng, h.name) + "." + h.tld,
        h.host,
        hint(rng, "shift", lang),
    )


def d_shift_enclosing(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = t.digits_with(t.SHIFT_DIGITS)(rng, h.name)
    s = "".join(c + rng.choice(t.ENCLOSING) if c.isalpha() else c for c in s)
    return s + "." + h.tld, h.host, hint(rng, "shift", lang)


def d_legend_zhuyin(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s, key = t.legend(rng, h.name)
    return s + " " + rng.choice(t.ZHUYIN_DOT) + " " + t.ZHUYIN_COM, h.host, key


def d_named_entities(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    return t.named_entities(u), u, ""


def d_redirect_double(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    target = urllib.parse.quote(urllib.parse.quote(u, safe=""), safe="")
    base = rng.choice(
        ("https://www.google.com/url?sa=t&url=", "https://l.facebook.com/l.php?u=",
         "https://www.youtube.com/redirect?event=comments&q=")
    )  # fmt: skip
    return base + target, base + u, ""


def d_mime(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    lead = "官网 " if lang == "zh" else "visit "
    return (t.mime_q if rng.random() < 0.6 else t.mime_b)(lead + h.host), lead + h.host, ""


def d_javascript(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    label = "点我领取" if lang == "zh" else "claim here"
    s = rng.choice(
        (f"[{label}](javascript:location.href='{u}')",
         f"<a href=\"javascript:window.open('{u}')\">{label}</a>",
         f"javascript:void(location='{u}')")
    )  # fmt: skip
    return s, u, ""


def d_javascript_entities(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    label = "点我领取" if lang == "zh" else "claim here"
    inner = t.named_entities(u)
    return f'<a href="javascript:location=&apos;{inner}&apos;">{label}</a>', u, ""


def d_data_uri(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    s = rng.choice(
        (f"data:text/html,<script>location='{u}'</script>",
         f"data:text/html,<meta http-equiv=refresh content='0;url={u}'>")
    )  # fmt: skip
    return s, u, ""


def d_data_uri_b64(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    u = url(h.host, rng)
    return "data:text/html;base64," + t.b64(f"<script>location='{u}'</script>"), u, ""


def d_backslash(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = rng.choice((f"https:\\\\{h.host}\\", f"https:/\\{h.host}/", f"http:\\\\www.{h.host}\\vip"))
    return s, f"https://{h.host}/", ""


def d_fqdn(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
    s = rng.choice((f"https://{h.host}./", f"http://www.{h.host}.:80/", f"https://{h.host}./vip"))
    return s, f"https://{h.host}/", ""


def ip_disguise(form: str, wrap: str = "") -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str]:
        v = t.ip_forms(rng, h.host, form)
        if wrap == "backslash":
            return f"http:\\\\{v}\\", f"http://{h.host}/", ""
        if wrap == "userinfo":
            lure = rng.choice(("www.paypal.com", "login.microsoftonline.com", "www.icbc.com.cn"))
            return f"http://{lure}@{v}/", f"http://{h.host}/", ""
        return f"http://{v}/", f"http://{h.host}/", ""

    return d


# ---- families --------------------------------------------------------------------------------

LISU = t.sub_letters(t.LISU)
COPTIC = t.sub_letters(t.COPTIC, 0.7)
ROMAN_LETTERS = t.sub_letters(t.ROMAN_LETTERS)
ROMAN_DIGITS = t.digits_with(t.ROMAN_DIGITS)
SEGMENTED = t.digits_with(t.SEGMENTED)
ZHUYIN = dot_of(t.ZHUYIN_DOT)
CHAIZI = dot_of(t.CHAIZI_DOT)
STOPS = dot_of(t.RARE_STOPS)


def _then(*fns: t.Fn) -> t.Fn:
    def fn(rng: Rng, s: str) -> str:
        for f in fns:
            s = f(rng, s)
        return s

    return fn


def _has(chars: str) -> Callable[[Host], bool]:
    return lambda h: any(c in chars for c in h.host)


Spec = tuple[Disguise, Callable[[Host], bool] | None, tuple[str, ...], str]  # carrier
IP = lambda h: True  # noqa: E731  (marks an IP family: the host is drawn from the IP list)

SPECS: dict[str, Spec] = {
    # one new trick each
    "l_lisu_letters": (whole(LISU), None, ("lisu",), ""),
    "l_coptic_letters": (whole(COPTIC), _has("aeiknoprtxyc"), ("coptic",), ""),
    "l_roman_numeral_letters": (whole(ROMAN_LETTERS), _has("cdilmvx"), ("roman_letters",), ""),
    "l_roman_numeral_digits": (parts(name=ROMAN_DIGITS), digits_no_zero, ("roman_digits",), ""),
    "l_segmented_digits": (parts(name=SEGMENTED), has_digits, ("segmented_digits",), ""),
    "l_pinyin_tone_digits": (d_pinyin, has_digits, ("pinyin_digits", "hint"), ""),
    "l_shift_symbol_digits": (d_shift, has_digits, ("shift_digits", "hint"), ""),
    "l_legend_symbol": (legend_name, None, ("legend",), ""),
    "l_emoji_letters": (whole(t.emoji_letters), None, ("emoji_letters",), ""),
    "l_style_salad": (whole(t.style_salad), None, ("style_salad",), ""),
    "l_enclosing_marks": (whole(t.enclosing_marks), None, ("enclosing_marks",), ""),
    "l_zalgo_heavy": (whole(t.zalgo), None, ("zalgo",), ""),
    "l_rare_invisibles": (whole(t.invisibles), None, ("rare_invisibles",), ""),
    "l_rlo_override": (whole(t.rlo), None, ("rlo",), ""),
    "l_braille_letters": (d_braille, None, ("braille", "hint"), ""),
    "l_morse_code": (d_morse, None, ("morse", "hint"), ""),
    "l_a1z26": (d_a1z26, letters_only, ("a1z26", "hint"), ""),
    "l_caesar_shift": (d_caesar, None, ("caesar", "hint"), ""),
    "l_rot13": (d_rot13, None, ("rot13", "hint"), ""),
    "l_t9_multitap": (d_t9, letters_only, ("t9", "hint"), ""),
    "l_nato_chinese": (d_nato, letters_only, ("nato_zh", "hint"), ""),
    "l_html5_named_entities": (d_named_entities, None, ("named_entities",), ""),
    "l_redirect_double_encoded": (d_redirect_double, None, ("double_percent", "redirect"), ""),
    "l_mime_encoded_word": (d_mime, None, ("mime_word",), ""),
    "l_base64_hint": (d_base64, None, ("base64", "hint"), ""),
    "l_hex_bytes_hint": (d_hex, None, ("hex", "hint"), ""),
    "l_javascript_uri": (d_javascript, None, ("javascript_uri",), ""),
    "l_data_uri": (d_data_uri, None, ("data_uri",), ""),
    "l_ip_decimal_integer": (ip_disguise("decimal"), IP, ("ip_decimal",), ""),
    "l_ip_hex_integer": (ip_disguise("hex"), IP, ("ip_hex",), ""),
    "l_ip_octal_dotted": (ip_disguise("octal"), IP, ("ip_octal",), ""),
    "l_ip_mixed_radix": (ip_disguise("mixed"), IP, ("ip_mixed",), ""),
    "l_backslash_scheme": (d_backslash, None, ("backslash_scheme",), ""),
    "l_fqdn_root_dot": (d_fqdn, None, ("root_dot",), ""),
    "l_flag_emoji_tld": (parts(tld=flag_tld), cc_tld, ("flag_tld",), ""),
    "l_zhuyin_dot": (parts(dot=ZHUYIN), None, ("zhuyin_dot",), ""),
    "l_zhuyin_dot_com": (parts(dot=ZHUYIN, tld=lambda r, s: t.ZHUYIN_COM), lambda h: h.tld == "com", ("zhuyin_dot", "zhuyin_com"), ""),  # noqa: E501
    "l_chaizi_dot": (parts(dot=CHAIZI), None, ("chaizi_dot",), ""),
    "l_dot_words_new": (parts(dot=dot_words), None, ("dot_words_new",), ""),
    "l_rare_stops": (parts(dot=STOPS), None, ("rare_stops",), ""),
    # two or three at once
    "c_lisu_zhuyin_dot": (parts(name=LISU, dot=ZHUYIN), None, ("lisu", "zhuyin_dot"), ""),
    "c_zalgo_rlo": (whole(_then(t.zalgo, t.rlo)), None, ("zalgo", "rlo"), ""),
    "c_style_salad_rare_stop": (parts(name=t.style_salad, dot=STOPS, tld=t.style_salad), None, ("style_salad", "rare_stops"), ""),  # noqa: E501
    "c_emoji_letters_chaizi_dot": (parts(name=t.emoji_letters, dot=CHAIZI, tld=t.emoji_letters), None, ("emoji_letters", "chaizi_dot"), ""),  # noqa: E501
    "c_rot13_fullwidth": (d_rot13_fullwidth, None, ("rot13", "fullwidth", "hint"), ""),
    "c_caesar_named_entities": (d_caesar_entities, None, ("caesar", "named_entities", "hint"), ""),
    "c_roman_digits_flag_tld": (parts(name=ROMAN_DIGITS, tld=flag_tld), lambda h: digits_no_zero(h) and cc_tld(h), ("roman_digits", "flag_tld"), ""),  # noqa: E501
    "c_segmented_invisibles": (whole(_then(SEGMENTED, t.invisibles)), has_digits, ("segmented_digits", "rare_invisibles"), ""),  # noqa: E501
    "c_pinyin_digits_zhuyin_dot": (d_pinyin_zhuyin, has_digits, ("pinyin_digits", "zhuyin_dot", "hint"), ""),  # noqa: E501
    "c_enclosing_dot_words": (parts(name=t.enclosing_marks, dot=dot_words), None, ("enclosing_marks", "dot_words_new"), ""),  # noqa: E501
    "c_coptic_rlo": (whole(_then(COPTIC, t.rlo)), _has("aeiknoprtxyc"), ("coptic", "rlo"), ""),
    "c_ip_decimal_backslash": (ip_disguise("decimal", "backslash"), IP, ("ip_decimal", "backslash_scheme"), ""),  # noqa: E501
    "c_ip_hex_userinfo": (ip_disguise("dotted_hex", "userinfo"), IP, ("ip_hex", "userinfo"), ""),
    "c_javascript_named_entities": (d_javascript_entities, None, ("javascript_uri", "named_entities"), ""),  # noqa: E501
    "c_data_uri_base64": (d_data_uri_b64, None, ("data_uri", "base64"), ""),
    "c_lisu_segmented_digits": (parts(name=_then(LISU, SEGMENTED)), has_digits, ("lisu", "segmented_digits"), ""),  # noqa: E501
    "c_roman_letters_roman_digits": (whole(_then(ROMAN_DIGITS, ROMAN_LETTERS)), digits_no_zero, ("roman_letters", "roman_digits"), ""),  # noqa: E501
    "c_t9_chaizi_dot": (d_t9_chaizi, letters_only, ("t9", "chaizi_dot", "hint"), ""),
    "c_nato_chinese_flag_tld": (d_nato_flag, lambda h: letters_only(h) and cc_tld(h), ("nato_zh", "flag_tld", "hint"), ""),  # noqa: E501
    "c_shift_digits_enclosing": (d_shift_enclosing, has_digits, ("shift_digits", "enclosing_marks", "hint"), ""),  # noqa: E501
    "c3_zalgo_emoji_letters_rare_stop": (parts(name=_then(t.emoji_letters, t.zalgo), dot=STOPS), None, ("emoji_letters", "zalgo", "rare_stops"), ""),  # noqa: E501
    "c3_invisibles_style_salad_flag": (parts(name=_then(t.style_salad, t.invisibles), tld=flag_tld), cc_tld, ("style_salad", "rare_invisibles", "flag_tld"), ""),  # noqa: E501
    "c3_legend_zhuyin_dot_com": (d_legend_zhuyin, lambda h: h.tld == "com", ("legend", "zhuyin_dot", "zhuyin_com"), ""),  # noqa: E501
    "c3_rlo_lisu_backslash": (lambda r, h, lang: (f"https:\\\\{t.rlo(r, LISU(r, h.host))}\\", f"https://{h.host}/", ""), None, ("rlo", "lisu", "backslash_scheme"), ""),  # noqa: E501
    # real spam of the shared sets as the carrier
    "r_real_sms_spam_emoji_letters": (whole(t.emoji_letters), None, ("real_sms_spam", "emoji_letters"), "sms_spam"),  # noqa: E501
    "r_real_telecom_fraud_chaizi_dot": (parts(dot=CHAIZI), None, ("real_telecom_fraud", "chaizi_dot"), "telecom_fraud"),  # noqa: E501
    "r_real_youtube_spam_style_salad": (whole(t.style_salad), None, ("real_youtube_spam", "style_salad"), "youtube_spam"),  # noqa: E501
}  # fmt: skip


LURES = (
    "www.google.com", "l.facebook.com", "www.youtube.com", "www.paypal.com",
    "login.microsoftonline.com", "www.icbc.com.cn",
)  # fmt: skip


def with_hint(rng: Rng, lang: str, piece: str, hint_text: str) -> str:
    if not hint_text:
        return piece
    if lang == "zh":
        return rng.choice((f"{piece}（{hint_text}）", f"{hint_text}：{piece}"))
    return rng.choice((f"{piece} ({hint_text})", f"{hint_text}: {piece}"))


def make(spec: Spec) -> Builder:
    disguise, accept, tricks, carrier = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = "zh" if i % 2 == 0 else "en"
        is_ip = accept is IP
        h = pools.ip(rng) if is_ip else pools.host(rng, accept)
        if carrier:
            surface = rng.choice(LONG_SURFACES)
            lang = "zh" if carrier == "telecom_fraud" else "en"
            template = real_carrier(rng, pools.data, carrier)
        else:
            surface = SURFACES[rng.randrange(len(SURFACES))]
            template = place(rng, surface, lang, h.category)
        piece, plain, hint_text = disguise(rng, h, lang)
        text = template.replace("{h}", with_hint(rng, lang, piece, hint_text))
        return Case(
            id="", family="", group="link", kind="ip" if is_ip else "host", surface=surface,
            lang=lang, text=text, expected=(h.host,), source=h.source,
            others=tuple(x for x in LURES if x in text),
            key=template.replace("{h}", plain), tricks=tricks,
        )  # fmt: skip

    return build


def link_families() -> dict[str, Builder]:
    return {name: make(spec) for name, spec in SPECS.items()}
