"""Red team 9: link families, a real listed host (or malware IP) under one to three disguises.

A family is a *disguise* (host -> the text standing for it, the host or URL written plainly,
and the hint a reader needs, if any) placed in a template of its surface and language
(:mod:`bench.redteam9_text`). The case's ``key`` is the same template holding the host plainly.
Where a disguise leaves a different, real-looking host in the text (a name ciphered before a
plain TLD), that literal host is in ``others``: a scanner reporting it is not wrong, only
fooled.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import redteam9_tricks as t
from bench.redteam7 import SURFACES, Case, Host, Pools
from bench.redteam8_text import real_carrier
from bench.redteam9_text import LONG_SURFACES, place

Rng = random.Random
# rng, host, lang -> (text standing for the host, the host or URL written plainly, hint, others)
Disguise = Callable[[Rng, Host, str], tuple[str, str, str, tuple[str, ...]]]
Builder = Callable[[Rng, Pools, int], Case]
Accept = Callable[[Host], bool]

HINTS: dict[str, dict[str, tuple[str, ...]]] = {
    "atbash": {
        "zh": ("Atbash：a换z，b换y，以此类推", "字母表倒过来对应，a=z b=y"),
        "en": ("Atbash: a<->z, b<->y and so on", "mirror the alphabet, a=z b=y"),
    },
    "keyboard": {
        "zh": ("键盘上每个键都往右错了一位，往左退回来",),
        "en": ("typed one key to the right on a QWERTY keyboard, shift each key back left",),
    },
    "labels": {
        "zh": ("每一段都倒着写的", "点隔开的每段反过来读"),
        "en": ("each part between the dots is written backwards",),
    },
    "letter_names": {
        "zh": ("字母按英文读音写的，连起来不加空格",),
        "en": ("spelled out letter by letter, no spaces", "say it out loud, no spaces"),
    },
    "binary": {"zh": ("二进制ASCII", "二进制转文字"), "en": ("binary ASCII", "binary to text")},
    "ascii": {"zh": ("ASCII码", "十进制ASCII码"), "en": ("ASCII codes", "decimal ASCII")},
    "base32": {"zh": ("base32解码",), "en": ("base32", "decode base32")},
    "morse_didah": {
        "zh": ("摩斯电码，嘀是点，嗒是划", "嘀嗒摩斯码"),
        "en": ("Morse: 嘀 = dit, 嗒 = dah",),
    },
    "morse": {"zh": ("摩斯电码",), "en": ("Morse code", "in morse")},
    "rods": {"zh": ("数字是算筹写的", "算筹数字"), "en": ("digits as counting rods",)},
    "plus_one": {
        "zh": ("每个数字减1才是真的", "数字都加了1，自己减回去"),
        "en": ("subtract one from every digit", "each digit is one too high"),
    },
    "base64_rev": {
        "zh": ("先倒过来再base64解码",),
        "en": ("reverse it, then base64 decode",),
    },
}


def hint(rng: Rng, name: str, lang: str) -> str:
    return rng.choice(HINTS[name]["zh" if lang == "zh" else "en"])


def script_hint(script: str, lang: str) -> str:
    _, zh, en = t.DIGIT_SCRIPTS[script]
    return zh if lang == "zh" else en


# ---- host filters ----------------------------------------------------------------------------


def has_digits(h: Host) -> bool:
    return any(c.isdigit() for c in h.name)


def digits_no_zero(h: Host) -> bool:
    return has_digits(h) and "0" not in h.name


def name_has(table: dict[str, str]) -> Accept:
    return lambda h: any(c in table for c in h.name)


def host_has(table: dict[str, str]) -> Accept:
    return lambda h: any(c in table for c in h.host)


def short_name(h: Host) -> bool:
    return len(h.name) <= 9


def vn_digits(h: Host) -> bool:
    return h.source.startswith("hostsvn-gambling-vn/") and has_digits(h)


def both(*fns: Accept) -> Accept:
    return lambda h: all(f(h) for f in fns)


# ---- disguise builders -----------------------------------------------------------------------


def _then(*fns: t.Fn) -> t.Fn:
    def fn(rng: Rng, s: str) -> str:
        for f in fns:
            s = f(rng, s)
        return s

    return fn


def whole(fn: t.Fn, hint_name: str = "") -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        return fn(rng, h.host), h.host, hint(rng, hint_name, lang) if hint_name else "", ()

    return d


def parts(
    name: t.Fn | None = None,
    dot: Callable[[Rng, str], str] | None = None,
    tld: t.Fn | None = None,
    hint_name: str = "",
) -> Disguise:
    """Disguise the name, the dot and the TLD apart."""

    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        s = (name(rng, h.name) if name else h.name) + (dot(rng, lang) if dot else ".")
        s += tld(rng, h.tld) if tld else h.tld
        return s, h.host, hint(rng, hint_name, lang) if hint_name else "", ()

    return d


def spot(rng: Rng, _lang: str) -> str:
    return rng.choice(t.SPOT_DOTS)


def dot_word(rng: Rng, _lang: str) -> str:
    return f" {rng.choice(t.RARE_DOT_WORDS)} "


_HOSTLIKE = re.compile(r"[a-z0-9-]+\.[a-z]{2,}")


def cipher(fn: Callable[[str], str], hint_name: str, dot: Callable[[Rng, str], str] | None = None,
           after: t.Fn | None = None) -> Disguise:  # fmt: skip
    """A keyed cipher over the whole host (``dot`` replaces its dot afterwards)."""

    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        s = fn(h.name) + dot(rng, lang) + fn(h.tld) if dot else fn(h.host)
        # the cipher text read with a plain dot: a host the text holds, not a wrong one
        read = fn(h.name) + "." + fn(h.tld)
        literal = (read,) if _HOSTLIKE.fullmatch(read) else ()
        if after:
            s = after(rng, s)
        return s, h.host, hint(rng, hint_name, lang), literal

    return d


def d_letter_names(dot: Callable[[Rng, str], str] | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        sep = dot(rng, lang) if dot else " dot "
        return t.letter_names(h.name) + sep + h.tld, h.host, hint(rng, "letter_names", lang), ()

    return d


def d_rods(dot: Callable[[Rng, str], str] | None = None, letters: t.Fn | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        name = t.rods(rng, h.name)
        if letters:
            name = letters(rng, name)
        return name + (dot(rng, lang) if dot else ".") + h.tld, h.host, hint(rng, "rods", lang), ()

    return d


def d_script_digits(letters: t.Fn | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        script = rng.choice(sorted(t.DIGIT_SCRIPTS))
        name = t.script_digits(script)(rng, h.name)
        if letters:
            name = letters(rng, name)
        return name + "." + h.tld, h.host, script_hint(script, lang), ()

    return d


def d_vi_digits(dot: Callable[[Rng, str], str] | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        name = t.digit_words(t.VI_DIGITS)(rng, h.name)
        sep = dot(rng, lang) if dot else "."
        note = rng.choice(("viết liền, số đọc bằng chữ", "số viết bằng chữ, viết liền không cách"))
        return name + sep + h.tld, h.host, note, ()

    return d


def d_plus_one(letters: t.Fn | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        shifted = t.digits_plus_one(h.name) + "." + h.tld
        shown = letters(rng, t.digits_plus_one(h.name)) + "." + h.tld if letters else shifted
        return shown, h.host, hint(rng, "plus_one", lang), (shifted,)

    return d


def d_placeholder(letters: t.Fn | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        name = letters(rng, h.name) if letters else h.name
        ph = rng.choice(("XXX", "___", "【】", "{site}", "***"))
        if lang == "zh":
            form = rng.choice(
                (f"{ph}.{h.tld}（{ph}换成{name}）", f"{ph}.{h.tld}，{ph}填{name}",
                 f"网址是{ph}.{h.tld}，把{ph}替换为{name}")
            )  # fmt: skip
        else:
            form = rng.choice(
                (f"{ph}.{h.tld} ({ph} = {name})", f"{ph}.{h.tld}, fill in {ph} with {name}",
                 f"{ph}.{h.tld} where {ph} is {name}")
            )  # fmt: skip
        return form, h.host, "", ()

    return d


def d_legend(k: int, dot: Callable[[Rng, str], str] | None = None,
             letters: t.Fn | None = None) -> Disguise:  # fmt: skip
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        name, key = t.multi_legend(rng, h.name, k)
        if letters:
            name = letters(rng, name)
        return name + (dot(rng, lang) if dot else ".") + h.tld, h.host, key, ()

    return d


def d_code_join(letters: t.Fn | None = None) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        name = letters(rng, h.name) if letters else h.name
        return t.code_join(rng, name, h.tld), h.host, "", ()

    return d


def d_morse_name(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
    s = t.morse_didah(h.name) + rng.choice((" 点 ", " 。 ", " dot ")) + h.tld
    return s, h.host, hint(rng, "morse_didah", lang), ()


def d_base64_reversed(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
    return t.b64(h.host)[::-1], h.host, hint(rng, "base64_rev", lang), ()


LURES = ("www.paypal.com", "accounts.google.com", "www.icbc.com.cn", "login.live.com")


def ip_disguise(form: str, userinfo: bool = False) -> Disguise:
    def d(rng: Rng, h: Host, lang: str) -> tuple[str, str, str, tuple[str, ...]]:
        v = t.ip_v6_mapped(rng, h.host) if form == "v6" else t.ip_short(h.host)
        port = rng.choice(("", ":8080", ":8443")) if userinfo else ""
        lure = rng.choice(LURES) + "@" if userinfo else ""
        path = rng.choice(("/", "/login", "/app.apk"))
        return f"http://{lure}{v}{port}{path}", f"http://{h.host}{port}{path}", "", ()

    return d


# ---- families --------------------------------------------------------------------------------

INSULAR = t.sub_letters(t.INSULAR)
MATH = t.sub_letters(t.MATH_LETTERS)
SUBSCRIPT = t.sub_letters(t.SUBSCRIPT, 0.6)
LIG = t.ligatures


def fullwidth(_rng: Rng, s: str) -> str:
    return "".join(chr(0xFF01 + ord(c) - 0x21) if "!" <= c <= "~" else c for c in s)


IP: Accept = lambda h: True  # noqa: E731  (marks an IP family: the host is drawn from the IP list)
LIG_NAME: Accept = lambda h: t.has_ligature(h.name)  # noqa: E731
LIG_HOST: Accept = lambda h: t.has_ligature(h.host)  # noqa: E731

Spec = tuple[Disguise, Accept | None, tuple[str, ...], str]  # carrier

SPECS: dict[str, Spec] = {
    # one trick each
    "l_insular_letters": (whole(INSULAR), host_has(t.INSULAR), ("insular",), ""),
    "l_math_operator_letters": (whole(MATH), host_has(t.MATH_LETTERS), ("math_letters",), ""),
    "l_nfkc_kept_ligatures": (whole(LIG), LIG_HOST, ("ligatures",), ""),
    "l_subscript_letters": (whole(SUBSCRIPT), host_has(t.SUBSCRIPT), ("subscript",), ""),
    "l_atbash_hint": (cipher(t.atbash, "atbash"), None, ("atbash", "hint"), ""),
    "l_keyboard_right_hint": (cipher(t.keyboard_right, "keyboard"), None, ("keyboard_right", "hint"), ""),  # noqa: E501
    "l_labels_each_reversed_hint": (cipher(t.labels_reversed, "labels"), None, ("labels_reversed", "hint"), ""),  # noqa: E501
    "l_letter_names_en": (d_letter_names(), short_name, ("letter_names", "hint"), ""),
    "l_binary_ascii_hint": (cipher(t.binary, "binary"), None, ("binary", "hint"), ""),
    "l_decimal_ascii_hint": (cipher(t.ascii_codes, "ascii"), None, ("ascii_codes", "hint"), ""),
    "l_base32_hint": (cipher(t.b32, "base32"), None, ("base32", "hint"), ""),
    "l_morse_didah_hint": (cipher(t.morse_didah, "morse_didah"), None, ("morse_didah", "hint"), ""),
    "l_morse_typographic": (cipher(t.morse_typographic, "morse"), None, ("morse_typographic", "hint"), ""),  # noqa: E501
    "l_counting_rod_digits": (d_rods(), digits_no_zero, ("rods", "hint"), ""),
    "l_other_script_digits": (d_script_digits(), has_digits, ("script_digits", "hint"), ""),
    "l_vietnamese_digit_words": (d_vi_digits(), vn_digits, ("vi_digit_words",), ""),
    "l_digits_plus_one_hint": (d_plus_one(), has_digits, ("plus_one", "hint"), ""),
    "l_placeholder_filled": (d_placeholder(), None, ("placeholder",), ""),
    "l_two_symbol_legend": (d_legend(2), None, ("legend2",), ""),
    "l_spreadsheet_shell_join": (d_code_join(), None, ("code_join_new",), ""),
    "l_spot_dots": (parts(dot=spot), None, ("spot_dot",), ""),
    "l_dot_words_rare_languages": (parts(dot=dot_word), None, ("rare_dot_word",), ""),
    "l_ip_v6_mapped": (ip_disguise("v6"), IP, ("ip_v6_mapped",), ""),
    "l_ip_short_form": (ip_disguise("short"), IP, ("ip_short",), ""),
    # two at once
    "c_insular_spot_dot": (parts(name=INSULAR, dot=spot), name_has(t.INSULAR), ("insular", "spot_dot"), ""),  # noqa: E501
    "c_math_letters_rare_dot_word": (parts(name=MATH, dot=dot_word), name_has(t.MATH_LETTERS), ("math_letters", "rare_dot_word"), ""),  # noqa: E501
    "c_ligatures_spot_dot": (parts(name=LIG, dot=spot), LIG_NAME, ("ligatures", "spot_dot"), ""),
    "c_subscript_insular": (whole(_then(INSULAR, SUBSCRIPT)), both(host_has(t.INSULAR), host_has(t.SUBSCRIPT)), ("insular", "subscript"), ""),  # noqa: E501
    "c_atbash_spot_dot": (cipher(t.atbash, "atbash", dot=spot), None, ("atbash", "spot_dot", "hint"), ""),  # noqa: E501
    "c_labels_reversed_insular": (cipher(t.labels_reversed, "labels", after=INSULAR), host_has(t.INSULAR), ("labels_reversed", "insular", "hint"), ""),  # noqa: E501
    "c_letter_names_rare_dot_word": (d_letter_names(dot_word), short_name, ("letter_names", "rare_dot_word", "hint"), ""),  # noqa: E501
    "c_counting_rods_spot_dot": (d_rods(dot=spot), digits_no_zero, ("rods", "spot_dot", "hint"), ""),  # noqa: E501
    "c_script_digits_math_letters": (d_script_digits(MATH), both(has_digits, name_has(t.MATH_LETTERS)), ("script_digits", "math_letters", "hint"), ""),  # noqa: E501
    "c_digits_plus_one_insular": (d_plus_one(INSULAR), both(has_digits, name_has(t.INSULAR)), ("plus_one", "insular", "hint"), ""),  # noqa: E501
    "c_placeholder_math_letters": (d_placeholder(MATH), name_has(t.MATH_LETTERS), ("placeholder", "math_letters"), ""),  # noqa: E501
    "c_legend_spot_dot": (d_legend(2, dot=spot), None, ("legend2", "spot_dot"), ""),
    "c_code_join_insular": (d_code_join(INSULAR), name_has(t.INSULAR), ("code_join_new", "insular"), ""),  # noqa: E501
    "c_ip_v6_mapped_userinfo": (ip_disguise("v6", userinfo=True), IP, ("ip_v6_mapped", "userinfo"), ""),  # noqa: E501
    "c_ip_short_userinfo_port": (ip_disguise("short", userinfo=True), IP, ("ip_short", "userinfo"), ""),  # noqa: E501
    "c_morse_didah_name_dot": (d_morse_name, None, ("morse_didah", "spelled_dot", "hint"), ""),
    "c_vietnamese_digits_spot_dot": (d_vi_digits(spot), vn_digits, ("vi_digit_words", "spot_dot"), ""),  # noqa: E501
    "c_base64_reversed_hint": (d_base64_reversed, None, ("base64", "reversed", "hint"), ""),
    # three at once
    "c3_insular_math_spot_dot": (parts(name=_then(INSULAR, MATH), dot=spot), both(name_has(t.INSULAR), name_has(t.MATH_LETTERS)), ("insular", "math_letters", "spot_dot"), ""),  # noqa: E501
    "c3_ligatures_subscript_dot_word": (parts(name=_then(LIG, SUBSCRIPT), dot=dot_word), both(LIG_NAME, name_has(t.SUBSCRIPT)), ("ligatures", "subscript", "rare_dot_word"), ""),  # noqa: E501
    "c3_rods_insular_dot_word": (d_rods(dot=dot_word, letters=INSULAR), both(digits_no_zero, name_has(t.INSULAR)), ("rods", "insular", "rare_dot_word", "hint"), ""),  # noqa: E501
    "c3_atbash_fullwidth_spot_dot": (cipher(t.atbash, "atbash", dot=spot, after=fullwidth), None, ("atbash", "fullwidth", "spot_dot", "hint"), ""),  # noqa: E501
    "c3_legend_math_spot_dot": (d_legend(2, dot=spot, letters=MATH), name_has(t.MATH_LETTERS), ("legend2", "math_letters", "spot_dot"), ""),  # noqa: E501
    # real spam of the shared sets as the carrier
    "r_real_sms_spam_insular": (whole(INSULAR), host_has(t.INSULAR), ("real_sms_spam", "insular"), "sms_spam"),  # noqa: E501
    "r_real_telecom_fraud_spot_dot": (parts(dot=spot), None, ("real_telecom_fraud", "spot_dot"), "telecom_fraud"),  # noqa: E501
    "r_real_youtube_spam_math_letters": (whole(MATH), host_has(t.MATH_LETTERS), ("real_youtube_spam", "math_letters"), "youtube_spam"),  # noqa: E501
}  # fmt: skip


def with_hint(rng: Rng, lang: str, piece: str, hint_text: str) -> str:
    if not hint_text:
        return piece
    if lang == "zh":
        return rng.choice((f"{piece}（{hint_text}）", f"{hint_text}：{piece}"))
    return rng.choice((f"{piece} ({hint_text})", f"{hint_text}: {piece}"))


_SPELLED_TLD = re.compile(r"(?i)\b(?:com|net|org|dot)\b")


def carrier_text(rng: Rng, pools: Pools, which: str) -> str:
    """A real spam message with ``{h}`` appended, holding no host of its own, even spelled
    (``swagFriends com``)."""
    for _ in range(200):
        s = real_carrier(rng, pools.data, which)
        if not _SPELLED_TLD.search(s.replace("{h}", "")):
            return s
    raise RuntimeError("no clean carrier")


def make(spec: Spec) -> Builder:
    disguise, accept, tricks, carrier = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = "zh" if i % 2 == 0 else "en"
        is_ip = accept is IP
        h = pools.ip(rng) if is_ip else pools.host(rng, accept)
        if accept is vn_digits or (accept is not None and "vi_digit_words" in tricks):
            lang = "vi"
        if carrier:
            surface = rng.choice(LONG_SURFACES)
            lang = "zh" if carrier == "telecom_fraud" else "en"
            template = carrier_text(rng, pools, carrier)
        else:
            surface = SURFACES[rng.randrange(len(SURFACES))]
            template = place(rng, surface, lang, h.category)
        piece, plain, hint_text, others = disguise(rng, h, lang)
        text = template.replace("{h}", with_hint(rng, lang, piece, hint_text))
        return Case(
            id="", family="", group="link", kind="ip" if is_ip else "host", surface=surface,
            lang=lang, text=text, expected=(h.host,), source=h.source,
            others=tuple(x for x in LURES if x in text) + others,
            key=template.replace("{h}", plain), tricks=tricks,
        )  # fmt: skip

    return build


def link_families() -> dict[str, Builder]:
    return {name: make(spec) for name, spec in SPECS.items()}
