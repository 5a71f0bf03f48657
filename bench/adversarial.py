"""A seeded generator of adversarial messages: two or three evasion tricks composed at once.

``bench.obfuscation_suite`` hides one listed domain with one trick. Spammers stack them: a
Roman-numeral label behind a bracketed scheme, a Cyrillic label with a spelled dot, a QQ number
split by spaces after a cue word broken by a heart. Each family here is such a composition over
real listed registrable domains (``HOST_SOURCES``) and real-looking handles, inside templates for
every surface, in Chinese and English, worded the way the spam in ``shared/data`` is worded.

Every case records the tricks it used, the expected registrable domain (or handle), and the
least verdict it deserves. The rule is the issue's: where a careful reader recovers the target
without guessing, the case is in the recall bar (``in_bar``); the ``ambiguous`` and
``peer_encoded`` families are not, and expect only ``review`` and no wrong host.

``python -m bench.adversarial [--dump FILE]`` prints one example per family.
"""

from __future__ import annotations

import argparse
import base64
import functools
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bastion.suffixes import registrable_domain
from bench import common, tricks
from bench.obfuscation_suite import HOST_SOURCES, _valid_phone

SEED = 20261206
SURFACES = (
    "username", "display_name", "bio", "post", "comment", "chat", "livestream", "listing",
    "map_place",
)  # fmt: skip
PADDING = ("\u200b", " ", "\u3000", "\ufe0f", "\u2060", "\u00ad", "\u2800")
Token = tuple[str, list[str]]
"""(disguised token, names of the tricks composed into it)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One adversarial message and what a careful reader recovers from it."""

    id: str
    family: str
    kind: str
    """``link`` (expected is a registrable domain) or a handle kind (wechat, qq, ...)."""
    expected: str
    text: str
    surface: str
    lang: str
    category: str
    tricks: tuple[str, ...]
    token: str
    min_verdict: str
    in_bar: bool = True
    decoys: tuple[str, ...] = field(default=())
    """Other registrable domains legitimately present in the text (a mailto, a redirector)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- character tables


def _shift(text: str, lower: int | None, upper: int | None, digit: int | None) -> str:
    out = []
    for c in text:
        if "a" <= c <= "z" and lower is not None:
            out.append(chr(lower + ord(c) - 97))
        elif "A" <= c <= "Z" and upper is not None:
            out.append(chr(upper + ord(c) - 65))
        elif "0" <= c <= "9" and digit is not None:
            out.append(chr(digit + ord(c) - 48))
        else:
            out.append(c)
    return "".join(out)


MATH_STYLES: dict[str, tuple[int, int, int]] = {
    "bold": (0x1D41A, 0x1D400, 0x1D7CE),
    "sans_bold": (0x1D5EE, 0x1D5D4, 0x1D7EC),
    "monospace": (0x1D68A, 0x1D670, 0x1D7F6),
    "double_struck": (0x1D552, 0x1D538, 0x1D7D8),
}
SMALL_CAPS = dict(zip("abcdefghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))
CIRCLED_LOWER, NEG_CIRCLED, NEG_SQUARED = 0x24D0, 0x1F150, 0x1F170
ROMAN = {str(d): chr(0x215F + d) for d in range(1, 10)}
KEYCAP = "\ufe0f\u20e3"
LEET = {"e": "3", "o": "0"}
LEET_TLD = {"o": "0", "e": "3"}
MIXED_DIGITS: tuple[Callable[[str], str], ...] = (
    lambda d: d,
    tricks.fullwidth,
    tricks.circled,
    lambda d: tricks.CN_DIGITS[int(d)],
    lambda d: _shift(d, None, None, 0x1D7CE),
    lambda d: d + KEYCAP,
)


def enclosed(text: str, rng: random.Random) -> str:
    """Circled (ⓑⓔⓣ①), negative circled (🅑🅔🅣) or negative squared (🅱🅴🆃) letters."""
    style = rng.choice(("circled", "neg_circled", "neg_squared"))
    out = []
    for c in text:
        if c.isdigit():
            out.append(tricks.circled(c) if style == "circled" else c)
        elif "a" <= c <= "z":
            base = {"circled": CIRCLED_LOWER, "neg_circled": NEG_CIRCLED}.get(style, NEG_SQUARED)
            out.append(chr(base + ord(c) - 97))
        else:
            out.append(c)
    return "".join(out)


def homoglyph_any(text: str, rng: random.Random) -> str:
    table = tricks.CYRILLIC if rng.random() < 0.7 else tricks.GREEK
    if not any(c in table for c in text):
        table = tricks.CYRILLIC
    return tricks.homoglyphs(text, table, rng)


# ---------------------------------------------------------------- host families


def _split(domain: str) -> tuple[str, str]:
    name, _, tld = domain.partition(".")
    return name, tld


def _scheme(rng: random.Random, p: float = 0.5) -> str:
    return rng.choice(("http://", "https://", "www.")) if rng.random() < p else ""


def _path(rng: random.Random) -> str:
    return rng.choice(("", "", "/", "/reg", "/vip", "/m/index.html", "/?code=8x2k", "/app"))


def _case_mix(text: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.4 else c for c in text)


def _leet(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in text)


def _dot_traditional(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    lab, t = (tricks.fullwidth(name), "fullwidth") if rng.random() < 0.4 else (name, "plain")
    return _scheme(rng, 0.3) + lab + "點" + tld + _path(rng), ["點", t]


def _leet_tld(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    dot = rng.choice((".", "。", " dot ", "．", "点"))
    return _case_mix(name, rng) + dot + _leet(tld, LEET_TLD), ["leet_tld", f"dot:{dot.strip()}"]


def _leet_label(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    dot = rng.choice((" d0t ", "。", " dot ", "(d0t)"))
    return _leet(name, LEET) + dot + _leet(tld, LEET_TLD), ["leet_label", "leet_tld", "dot"]


def _roman_digits(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    lab = "".join(ROMAN.get(c, c) for c in name)
    dot = rng.choice((".", "。", "[.]", " dot "))
    return _scheme(rng) + lab + dot + tld, ["roman_digits", f"dot:{dot.strip()}"]


def _emoji_around_dot(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    e1, e2 = rng.choice((*tricks.EMOJI_SEPARATORS, "❤", "💋")), rng.choice(("❤", "💋", "🔥", "⭐"))
    form = rng.choice((f"{e1}.{e2}", f"{e1}.", f".{e2}", f" {e1} . {e2} "))
    return _scheme(rng, 0.3) + name + form + tld, ["emoji_around_dot", "scheme?"]


def _scheme_unknown(d: str, rng: random.Random) -> Token:
    scheme = rng.choice(("tcp://", "udp://", "xxxx://", "xxxxx://", "xXxX://", "ftp://", "ws://"))
    host = d if rng.random() < 0.5 else d.replace(".", "[.]")
    return scheme + host + rng.choice(("/x", "/reg", ":8080/vip", "")), ["scheme_unknown", "dot?"]


def _scheme_mangled(d: str, rng: random.Random) -> Token:
    scheme = rng.choice(("http__", "https__", "http//", "https//", "http:\\\\", "https:/",
                         "http ://", "https:// ", "http:///", "htps://", "hxxps[:]//"))  # fmt: skip
    return scheme + _case_mix(d, rng) + rng.choice(("/x", "/reg", "")), ["scheme_mangled", "case"]


def _scheme_bracketed(d: str, rng: random.Random) -> Token:
    scheme = rng.choice(("[https]://", "(http)://", "[http]://", "(https)://", "http[:]//",
                         "http[://]", "https[:]//", "{https}://"))  # fmt: skip
    host = d if rng.random() < 0.5 else d.replace(".", rng.choice(("[.]", "(.)")))
    return scheme + host + _path(rng), ["scheme_bracketed", "dot?"]


def _bracket_path(d: str, rng: random.Random) -> Token:
    path = rng.choice(("[/]x", "[/]reg[/]vip", "[/]m[/]index[.]html", "[/]app"))
    return _scheme(rng, 0.4) + d.replace(".", "[.]") + path, ["dot_bracket", "path_bracket"]


def _half_bracket(d: str, rng: random.Random) -> Token:
    form = rng.choice(("[.", ".]", "[.[", "].]", "(.", ".)"))
    return _scheme(rng, 0.4) + d.replace(".", form) + _path(rng), [f"half_bracket:{form}"]


def _bracket_hyphen(d: str, rng: random.Random) -> Token:
    dot = rng.choice((".", "[.]"))
    return d.replace("-", "[-]").replace(".", dot), ["hyphen_bracket", f"dot:{dot}"]


def _dash_dot_dash(d: str, rng: random.Random) -> Token:
    form = rng.choice(("-dot-", "-DOT-", "_dot_"))
    return _scheme(rng, 0.3) + d.replace(".", form), [f"spelled_dot:{form}"]


def _glued_dot(d: str, rng: random.Random) -> Token:
    return _scheme(rng, 0.3) + d.replace(".", "DOT") + _path(rng), ["glued_DOT", "scheme?"]


def _escaped_dot(d: str, rng: random.Random) -> Token:
    return _scheme(rng, 0.4) + d.replace(".", "\\.") + _path(rng), ["escaped_dot"]


def _inverted_brackets(d: str, rng: random.Random) -> Token:
    form = rng.choice(("].[", "}.{", ").("))
    return _scheme(rng, 0.3) + d.replace(".", form), [f"inverted:{form}"]


def _foreign_dot_word(d: str, rng: random.Random) -> Token:
    word = rng.choice(
        (" punto ", "(punto)", " [punto] ", " punkt ", "(punkt)", "[punkt]", " ponto ")
    )
    return d.replace(".", word), [f"dot_word:{word.strip()}"]


def _markdown_mailto(d: str, rng: random.Random) -> Token:
    return "https://" + d + _path(rng), ["adjacent_markdown"]


def _glued_prefix(d: str, rng: random.Random) -> Token:
    lead = rng.choice(("ssl //", "-https://", "--http://", "网址https://", "地址//", "=>https://",
                       "链接:https://", "»http://", "👉https://", "copy:"))  # fmt: skip
    return lead + d + _path(rng), ["glued_prefix"]


def _linebreak_spaced(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    if rng.random() < 0.5:
        cut = rng.randint(1, len(name) - 1)
        parts = [name[:cut], name[cut:], ".", tld]
    else:
        parts = [*name, ".", *tld]
    return "\n".join(parts), ["line_broken", "spaced"]


def _padding(d: str, rng: random.Random) -> Token:
    pad = rng.choice(PADDING) * rng.randint(20_000, 24_000)
    inner, trick = rng.choice(((d, "plain"), (d.replace(".", "[.]"), "dot_bracket"),
                               (tricks.fullwidth(d), "fullwidth")))  # fmt: skip
    return pad + _scheme(rng) + inner, [f"padding:U+{ord(pad[0]):04X}", trick]


def _homoglyph_spelled_dot(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    dot = rng.choice((" dot ", "(dot)", "点", "[dot]", "。"))
    return homoglyph_any(name, rng) + dot + tld, ["homoglyph", f"dot:{dot.strip()}"]


def _keycap_digits(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    lab = "".join(c + KEYCAP if c.isdigit() else c for c in name)
    return _scheme(rng, 0.3) + lab + rng.choice((".", "。", " . ")) + tld, ["keycap", "dot"]


def _math_alnum(d: str, rng: random.Random) -> Token:
    style = rng.choice(sorted(MATH_STYLES))
    low, up, dig = MATH_STYLES[style]
    text = _shift(d, low, up, dig)
    dot = rng.choice((".", "。", " dot "))
    return text.replace(".", dot), [f"math:{style}", f"dot:{dot.strip()}"]


def _small_caps(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    lab = "".join(SMALL_CAPS.get(c, c) for c in name)
    return lab + rng.choice((".", "。", "[.]")) + tld, ["small_caps", "dot"]


def _enclosed_letters(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    return enclosed(name, rng) + rng.choice((".", "。", "．")) + enclosed(tld, rng), ["enclosed"]


def _reversed_instructed(d: str, rng: random.Random) -> Token:
    note = rng.choice(("（倒过来看）", "（反着读）", " (read it backwards)", "（倒序输入）"))
    return d[::-1] + note, ["reversed", "instruction"]


def _cn_described(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    form = rng.choice(("{n} 后缀.{t}", "{n}（后面加.{t}）", "{n} 加上 .{t}", "{n} + .{t}",
                       "域名{n}，后缀{t}", "{n} 后缀是 {t}"))  # fmt: skip
    return form.format(n=name, t=tld), ["cn_described_tld"]


def _remove_instruction(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    style = rng.randrange(3)
    if style == 0:
        return " ".join(d) + rng.choice(("（去掉空格）", "(去空格)", " (remove spaces)")), [
            "spaced", "instruction"]  # fmt: skip
    if style == 1:
        cut = rng.randint(1, len(name) - 1)
        junk = rng.choice(("删", "去", "掉", "中文"))
        return name[:cut] + junk + name[cut:] + "." + tld + "（去掉中文）", [
            "cn_junk",
            "instruction",
        ]
    return d.replace(".", "#.#") + rng.choice(("（去掉#）", " (delete #)")), ["junk", "instruction"]


def _html_entity(d: str, rng: random.Random) -> Token:
    ent = rng.choice(("&#46;", "&#x2E;", "&#x2e;", "&period;"))
    return _scheme(rng) + d.replace(".", ent) + _path(rng), [f"html_entity:{ent}"]


def _percent_encoded(d: str, rng: random.Random) -> Token:
    if rng.random() < 0.5:
        return "https%3A%2F%2F" + d + "%2Freg", ["percent:scheme"]
    return rng.choice(("http://", "https://")) + d.replace(".", "%2E") + "/x", ["percent:dot"]


def _markup_wrapped(d: str, rng: random.Random) -> Token:
    url = rng.choice(("https://", "http://", "")) + d + _path(rng)
    form = rng.choice(('[点这里]({u})', '[url={u}]进入[/url]', '[url]{u}[/url]',
                       '<a href="{u}">官网</a>', "<{u}>", "[{u}]({u})"))  # fmt: skip
    return form.format(u=url), ["markup", "scheme?"]


def _redirect_param(d: str, rng: random.Random) -> Token:
    wrap = rng.choice(("https://www.google.com/url?q=https://{d}", "https://www.baidu.com/link?url=http://{d}",
                       "https://l.facebook.com/l.php?u=https%3A%2F%2F{d}%2F"))  # fmt: skip
    return wrap.format(d=d), ["redirect_param"]


def _unicode_dot_variants(d: str, rng: random.Random) -> Token:
    dot = rng.choice(("․", "﹒", "｡", "∙", "•", "・", "ᐧ", "⋅", "·"))
    return _scheme(rng, 0.3) + _case_mix(d, rng).replace(".", dot), [f"dot:U+{ord(dot):04X}"]


def _comma_dot(d: str, rng: random.Random) -> Token:
    dot = rng.choice((",", "，", "、"))
    return _scheme(rng, 0.4) + d.replace(".", dot), [f"dot:{dot}"]


def _space_dot(d: str, rng: random.Random) -> Token:
    dot = rng.choice((" . ", " .", ". ", " 。 "))
    return d.replace(".", dot), ["spaced_dot"]


def _pinyin_dian(d: str, rng: random.Random) -> Token:
    dot = rng.choice((" dian ", "dian", " DIAN ", "(dian)"))
    return d.replace(".", dot), ["pinyin_dian"]


def _fullwidth_leet(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    return tricks.fullwidth(name + rng.choice((".", "。")) + _leet(tld, LEET_TLD)), [
        "fullwidth", "leet_tld"]  # fmt: skip


def _zero_width_scheme(d: str, rng: random.Random) -> Token:
    return tricks.insert_zero_width(rng.choice(("https://", "http://")) + d, rng) + _path(rng), [
        "zero_width", "scheme"]  # fmt: skip


def _combining_marks(d: str, rng: random.Random) -> Token:
    """Strike-through, underline or stacked diacritics on every character (b̶e̶t̶, z̴a̴l̴g̴o̴)."""
    mark = rng.choice(("\u0336", "\u0332", "\u0335", "\u0334", "\u0301\u0316", "\u0338"))
    return _scheme(rng, 0.3) + "".join(c + mark for c in d), [f"combining:U+{ord(mark[0]):04X}"]


SUPERSCRIPT = dict(zip("abcdefghijklmnoprstuvwxyz0123456789",
                       "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))  # fmt: skip


def _superscript(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    lab = "".join(SUPERSCRIPT.get(c, c) for c in name)
    return lab + rng.choice((".", "。", " dot ")) + tld, ["superscript", "dot"]


def _cn_bracket_dot(d: str, rng: random.Random) -> Token:
    dot = rng.choice(("（.）", "【.】", "「.」", "(点)", "【点】", "［.］", "〔.〕", "《.》"))
    return _case_mix(d, rng).replace(".", dot), [f"dot:{dot}", "case"]


def _spaced_fullwidth(d: str, rng: random.Random) -> Token:
    sep = rng.choice(("\u3000", " ", "|", "/"))
    return sep.join(tricks.fullwidth(d)), ["fullwidth", f"spaced:U+{ord(sep):04X}"]


def _email_cn_at(d: str, rng: random.Random) -> Token:
    local = rng.choice(("kefu", "vip", "service", "support")) + str(rng.randint(1, 99))
    at = rng.choice(("艾特", "圈a", "#", "(at)", "＠", " at "))
    note = "（#换成@）" if at == "#" else ""
    dot = rng.choice((".", "点", "."))
    return local + at + d.replace(".", dot) + note, [f"at:{at}", f"dot:{dot}"]


def _double_scheme(d: str, rng: random.Random) -> Token:
    lead = rng.choice(
        ("https://https://", "http://http//", "https://www.https://", "http:/https://")
    )
    return lead + d + _path(rng), ["double_scheme"]


def _userinfo_at(d: str, rng: random.Random) -> Token:
    fake = rng.choice(("www.google.com", "apple.com", "www.taobao.com", "paypal.com"))
    return f"https://{fake}@{d}{_path(rng)}", ["userinfo_decoy"]


def _linebreak_after_dot(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    return _scheme(rng, 0.5) + name + rng.choice((".\n", "\n.", ".\r\n")) + tld, ["line_broken"]


def _bidi_override(d: str, rng: random.Random) -> Token:
    """Stored reversed inside RIGHT-TO-LEFT OVERRIDE: the reader sees the domain as it is."""
    return "\u202e" + (_path(rng)[::-1] + d[::-1]) + "\u202c", ["bidi_rlo", "reversed_storage"]


EXOTIC_INVISIBLE = (
    *("\u00ad", "\u034f", "\u2061", "\u2062", "\u2063", "\u2064", "\u180e", "\u3164"),
    *("\uffa0", "\u17b4", "\U000e0020", "\U000e0041", "\ufe00", "\u200e", "\u2800"),
)


def _invisible_exotic(d: str, rng: random.Random) -> Token:
    """Format, filler and tag characters that render as nothing (soft hyphen, Hangul filler...)."""
    chars = list(d)
    for i in sorted(rng.sample(range(1, len(chars)), min(3, len(chars) - 1)), reverse=True):
        chars.insert(i, rng.choice(EXOTIC_INVISIBLE))
    return _scheme(rng, 0.5) + "".join(chars), ["invisible_exotic", "scheme?"]


def _homoglyph_tld(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    dot = rng.choice((".", "。", "．"))
    return _scheme(rng, 0.4) + name + dot + homoglyph_any(tld, rng), ["homoglyph_tld", "dot"]


def _zw_in_dot_word(d: str, rng: random.Random) -> Token:
    zw = rng.choice(tricks.ZERO_WIDTH)
    word = rng.choice((f" d{zw}ot ", f"[{zw}.{zw}]", f"{zw}点{zw}", f"(d{zw}o{zw}t)", f" D{zw}OT "))
    return d.replace(".", word), ["zero_width", "spelled_dot"]


def _underscore_dot(d: str, rng: random.Random) -> Token:
    return d.replace(".", rng.choice(("_", "__", "_dot_"))), ["underscore_dot"]


def _tld_lookalike_symbols(d: str, rng: random.Random) -> Token:
    """The o of a TLD drawn as a symbol: c○m, c〇m, cⓞm, c0m."""
    name, tld = _split(d)
    o = rng.choice(("○", "〇", "ⓞ", "0", "◯"))
    dot = rng.choice((".", "。", "点", " dot "))
    return _scheme(rng, 0.3) + name + dot + tld.replace("o", o), [f"tld_o:{o}", f"dot:{dot}"]


def _cn_digits_in_label(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    table = rng.choice((tricks.CN_DIGITS, CN_FINANCIAL, tricks.CIRCLED))
    lab = "".join(table[int(c)] if c.isdigit() else c for c in name)
    return _scheme(rng, 0.4) + lab + rng.choice((".", "。", "点")) + tld, ["cn_digits", "dot"]


def _multi_spelled_dots(d: str, rng: random.Random) -> Token:
    dot = rng.choice((" dot ", "点", "[.]", " . ", "(点)", "。"))
    lead = rng.choice(("www", "m", "vip", "h5"))
    scheme = rng.choice(("", "https://", "h t t p s : / / ", "http[:]//"))
    return scheme + lead + dot + d.replace(".", dot), ["subdomain", f"dot:{dot.strip()}", "scheme?"]


def _tld_parenthesized(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    form = rng.choice(("{n}(.{t})", "{n}【.{t}】", "{n}（.{t}）", "{n} (.{t})", "{n}[.{t}]"))
    return form.format(n=name, t=tld), ["tld_bracketed"]


def _dot_word_more_languages(d: str, rng: random.Random) -> Token:
    """The spelled dot in the languages of the Vietnamese, Thai, Russian and other lists."""
    words = (" chấm ", " cham ", " точка ", " titik ", " point ", "ドット", " 닷 ", " จุด ")
    word = rng.choice((*words, "(chấm)", "[точка]"))
    return d.replace(".", word), [f"dot_word:{word.strip()}"]


def _quoted_pieces(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    left, right = rng.choice((("【", "】"), ('"', '"'), ("「", "」"), ("(", ")"), ("*", "*")))
    lab = name[:cut] + left + name[cut:] + right
    return lab + rng.choice((".", "。", "点")) + tld, ["quoted_piece", "dot"]


def _emoji_inside_label(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    emoji = rng.choice(("🎰", "💰", "🔥", "❤️", "🍑", "💋", "🀄"))
    return _scheme(rng, 0.4) + name[:cut] + emoji + name[cut:] + "." + tld, ["emoji_in_label"]


def _plus_joined(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    plus = rng.choice((" + ", "+", " ➕ ", "＋"))
    return plus.join((name[:cut], name[cut:], "." + tld)), ["plus_joined"]


STACK_LABEL: dict[str, Callable[[str, random.Random], str]] = {
    "plain": lambda t, rng: t,
    "case": _case_mix,
    "fullwidth": lambda t, rng: tricks.fullwidth(t),
    "homoglyph": lambda t, rng: homoglyph_any(t, rng) if any(c in tricks.CYRILLIC for c in t)
    else t,
    "math_bold": lambda t, rng: _shift(t, *MATH_STYLES["bold"]),
    "enclosed": enclosed,
    "keycap": lambda t, rng: "".join(c + KEYCAP if c.isdigit() else c for c in t),
    "zero_width": lambda t, rng: tricks.insert_zero_width(t, rng) if len(t) > 3 else t,
}  # fmt: skip
STACK_DOT = (".", "。", "點", "点", "[.]", "(.)", "{.}", " dot ", "(dot)", "[dot]", "-dot-", "DOT",
             "\\.", "].[", "}.{", " punto ", "․", "﹒", "｡", "・", ",", " . ", "⭐.❤", "&#46;",
             "%2E", "[.", ".]")  # fmt: skip
STACK_SCHEME = ("", "https://", "hxxps://", "tcp://", "http__", "[https]://", "(http)://",
                "http[:]//", "h t t p s : / / ", "ssl //", "https:\\\\", "www.")  # fmt: skip


def _stack3(d: str, rng: random.Random) -> Token:
    """Three independent tricks at once: a glyph form of the label, a dot form, a scheme form."""
    name, tld = _split(d)
    glyph = rng.choice(sorted(STACK_LABEL))
    dot, scheme = rng.choice(STACK_DOT), rng.choice(STACK_SCHEME)
    token = scheme + STACK_LABEL[glyph](name, rng) + dot + tld
    return token, [f"label:{glyph}", f"dot:{dot.strip() or 'space'}", f"scheme:{scheme.strip()}"]


def _two_label_suffix(d: str, rng: random.Random) -> Token:
    """``bet888.co.uk`` with each dot disguised on its own: the suffix must stay whole."""
    parts = d.split(".")
    dots = [rng.choice((".", "。", " dot ", "点", "[.]", "(.)", "．")) for _ in parts[1:]]
    body = parts[0] + "".join(dot + part for dot, part in zip(dots, parts[1:], strict=True))
    return _scheme(rng, 0.4) + body + _path(rng), ["two_label_suffix", *(f"dot:{x}" for x in dots)]


def _peer_defang(d: str, rng: random.Random) -> Token:
    """The defang forms iocextract's README documents (written here from its table)."""
    name, tld = _split(d)
    forms = (
        f"{name}[.]{tld}/path", f"{name}(.){tld}/path", f"{name}\\.{tld}/path",
        f"http://{name}[.{tld}/path", f"http://{d}[/]path", f"http:// {name} .{tld} /path",
        f"http__{d}/path", f"http:\\\\{d}/path", f"http[:]//{d}/path", f"hxxp://{d}/path",
        f"hxxp__ {name}( .{tld}[/]path", f"http%3A%2F%2f{name}%2E{tld}%2Fpath",
        f"me[@]{d}", f"me(@){d}", f"me{{@}}{d}", f"me at {d}", f"me@{name} dot {tld}",
        f"me@{name}{{.}}{tld}", f"me@}} {name}[.{tld}", f"me@{name} [.] {tld}",
    )  # fmt: skip
    return rng.choice(forms), ["peer_defang"]


def _peer_encoded(d: str, rng: random.Random) -> Token:
    url = f"http://{d}/path"
    if rng.random() < 0.5:
        return url.encode().hex(), ["hex"]
    return base64.b64encode(url.encode()).decode(), ["base64"]


def _ambiguous(d: str, rng: random.Random) -> Token:
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    forms = (
        f"https://{name[:cut]}\n{name[cut:]}.{tld}", f"{_leet(name, LEET)} {tld}",
        f"{name} {tld}", f"{name[:cut]} {name[cut:]} . {tld}",
    )  # fmt: skip
    return rng.choice(forms), ["ambiguous"]


# ---------------------------------------------------------------- harder compositions (links)
# Each composes a class of issue 6's list with one or two more tricks, the way a spammer who has
# read the fixes would. They are generated after every other family, each with its own seeded
# generator, so adding one leaves every other case as it was.


def _emoji_in_label_dotted(d: str, rng: random.Random) -> Token:
    """An emoji inside the name and a disguised dot (``bet🎰888点com``, ``xnx-🀄videos。fun``)."""
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    emoji = rng.choice(("🎰", "💰", "🔥", "❤️", "🍑", "💋", "🀄", "🃏", "♠️"))
    dot = rng.choice(("。", "点", " dot ", "[.]", "(.)"))
    lab = name[:cut] + emoji + name[cut:]
    if rng.random() < 0.3:
        lab = tricks.fullwidth(lab)
    return _scheme(rng, 0.4) + lab + dot + tld, ["emoji_in_label", f"dot:{dot.strip()}"]


def _stand_in_glyphs(d: str, rng: random.Random) -> Token:
    """``_``, ``__``, ``,``, ``，`` or ``、`` as the dot, with a glyph form of the name."""
    name, tld = _split(d)
    dot = rng.choice(("_", "__", ",", "，", "、"))
    glyph = rng.choice(("plain", "fullwidth", "math_bold", "case"))
    lab = {"plain": name, "fullwidth": tricks.fullwidth(name), "case": _case_mix(name, rng),
           "math_bold": _shift(name, *MATH_STYLES["bold"])}[glyph]  # fmt: skip
    return _scheme(rng, 0.4) + lab + dot + tld, [f"dot:{dot}", f"label:{glyph}"]


def _dian_glued_case(d: str, rng: random.Random) -> Token:
    """A glued ``dian`` in any case, with a zero-width character or a scheme around it."""
    name, tld = _split(d)
    word = rng.choice(("dian", "DIAN", "Dian"))
    token = name + word + tld
    if rng.random() < 0.4:
        token = tricks.insert_zero_width(token, rng)
    return _scheme(rng, 0.3) + token, ["pinyin_dian", "case", "zero_width?"]


def _described_tld_more(d: str, rng: random.Random) -> Token:
    """The TLD described in other words, the name in a glyph form."""
    name, tld = _split(d)
    lab = tricks.fullwidth(name) if rng.random() < 0.3 else name
    form = rng.choice(("域名：{n}，后缀为.{t}", "{n}（后缀：{t}）", "{n} 后面加上 .{t}",
                       "{n}，结尾是.{t}", "{n} 再加 .{t}", "域名{n} 后缀名{t}"))  # fmt: skip
    return form.format(n=lab, t=tld), ["cn_described_tld", "fullwidth?"]


def _drop_symbol_instruction(d: str, rng: random.Random) -> Token:
    """Junk symbols through the host and an instruction to drop them (``去掉*``, ``delete ~``)."""
    name, tld = _split(d)
    sym = rng.choice(("#", "*", "~", "^"))
    cut = rng.randint(1, len(name) - 1)
    token = name[:cut] + sym + name[cut:] + sym + "." + sym + tld
    word = {"#": "井号", "*": "星号"}.get(sym, sym)
    note = rng.choice(
        (f"（去掉{sym}）", f"(delete {sym})", f"（删除{word}）", f" remove all {sym}")
    )
    return token + note, ["junk", "instruction"]


def _quoted_dotted(d: str, rng: random.Random) -> Token:
    """A piece of the name in quotes, stars or full-width brackets, then a disguised dot."""
    name, tld = _split(d)
    cut = rng.randint(1, len(name) - 1)
    left, right = rng.choice((('"', '"'), ("*", "*"), ("［", "］"), ("【", "】"), ("＊", "＊")))
    dot = rng.choice(("。", "点", "[.]", "．"))
    return name[:cut] + left + name[cut:] + right + dot + tld, ["quoted_piece", f"dot:{dot}"]


def _cn_numerals_end(d: str, rng: random.Random) -> Token:
    """Chinese or financial numerals for the digits, then a bracketed or spelled dot."""
    name, tld = _split(d)
    table = rng.choice((tricks.CN_DIGITS, CN_FINANCIAL))
    lab = "".join(table[int(c)] if c.isdigit() else c for c in name)
    dot = rng.choice(("【点】", "（.）", "点", "。", "［.］"))
    return _scheme(rng, 0.3) + lab + dot + tld, ["cn_digits", f"dot:{dot}"]


def _fullwidth_bracket_dot(d: str, rng: random.Random) -> Token:
    """Full-width brackets around the dot or the word ``dot``, case mixed."""
    name, tld = _split(d)
    dot = rng.choice(("［.］", "｛.｝", "［dot］", "［。］", "｛点｝"))
    return _scheme(rng, 0.3) + _case_mix(name, rng) + dot + tld, [f"dot:{dot}", "case"]


def _dot_word_bracketed(d: str, rng: random.Random) -> Token:
    """``titik``, ``จุด``, ``닷``, ``point`` as the dot, in brackets or upper case."""
    name, tld = _split(d)
    word = rng.choice(("titik", "TITIK", "จุด", "닷", "point"))
    form = rng.choice((" {w} ", "({w})", "[{w}]", " {w} "))
    return name + form.format(w=word) + tld, [f"dot_word:{word}", "bracket?"]


def _redirect_defanged(d: str, rng: random.Random) -> Token:
    """A redirector whose target is itself percent-encoded or defanged."""
    inner = rng.choice(("https%3A%2F%2F{d}%2F", "http://{d}/", "https%3A%2F%2F{d}"))
    wrap = rng.choice(("https://l.facebook.com/l.php?u=", "https://www.google.com/url?q=",
                       "https://www.baidu.com/link?url="))  # fmt: skip
    return wrap + inner.format(d=d) + rng.choice(("", "&h=AT0x", "&sa=D")), ["redirect", "encoded?"]


def _leet_edges_spelled(d: str, rng: random.Random) -> Token:
    """Leetspeak at the edges of the name and inside its hyphen pieces, a spelled dot."""
    name, tld = _split(d)
    lab = "".join(LEET.get(c, c) for c in name)
    dot = rng.choice((" d0t ", "。", "(dot)", "点"))
    return lab + dot + tld, ["leet_label", f"dot:{dot.strip()}"]


def _space_dot_long_tld(d: str, rng: random.Random) -> Token:
    """``. `` before a TLD of four or more letters (``saonidh. world``), after a scheme or not."""
    name, tld = _split(d)
    return _scheme(rng, 0.3) + name + rng.choice((". ", ".  ")) + tld, ["space_dot", "scheme?"]


def _emoji_inside_tld(d: str, rng: random.Random) -> Token:
    """An emoji inside the TLD after a real or disguised dot (``bet888.c🎰om``)."""
    name, tld = _split(d)
    cut = rng.randint(1, len(tld) - 1)
    emoji = rng.choice(("🎰", "💰", "🔥", "❤️", "💋", "🀄"))
    dot = rng.choice((".", "。", "．"))
    return _scheme(rng, 0.3) + name + dot + tld[:cut] + emoji + tld[cut:], ["emoji_in_tld"]


def _stand_in_leet_tld(d: str, rng: random.Random) -> Token:
    """A stand-in dot before a TLD spelt with digits (``bet888，c0m``, ``bet888__n3t``)."""
    name, tld = _split(d)
    dot = rng.choice(("_", "__", ",", "，", "、", " 后缀 ", "dian"))
    return name + dot + _leet(tld, LEET_TLD), [f"dot:{dot.strip()}", "leet_tld"]


HostFamily = tuple[Callable[[str, random.Random], Token], Callable[[str], bool]]
ANY: Callable[[str], bool] = lambda d: True  # noqa: E731
HOST_FAMILIES: dict[str, HostFamily] = {
    "control_plain": (lambda d, rng: (_scheme(rng) + d + _path(rng), ["control"]), ANY),
    "dot_traditional": (_dot_traditional, ANY),
    "leet_tld": (_leet_tld, lambda d: any(c in LEET_TLD for c in _split(d)[1])),
    "leet_label": (_leet_label, lambda d: any(c in LEET for c in _split(d)[0])),
    "roman_digits": (_roman_digits, lambda d: "0" not in d and any(c in ROMAN for c in d)),
    "emoji_around_dot": (_emoji_around_dot, ANY),
    "scheme_unknown": (_scheme_unknown, ANY),
    "scheme_mangled": (_scheme_mangled, ANY),
    "scheme_bracketed": (_scheme_bracketed, ANY),
    "bracket_path": (_bracket_path, ANY),
    "half_bracket": (_half_bracket, ANY),
    "bracket_hyphen": (_bracket_hyphen, lambda d: "-" in d),
    "dash_dot_dash": (_dash_dot_dash, lambda d: "-" not in d),
    "glued_DOT": (_glued_dot, lambda d: d.islower()),
    "escaped_dot": (_escaped_dot, ANY),
    "inverted_brackets": (_inverted_brackets, ANY),
    "foreign_dot_word": (_foreign_dot_word, ANY),
    "adjacent_markdown_mailto": (_markdown_mailto, ANY),
    "glued_prefix": (_glued_prefix, ANY),
    "linebreak_spaced": (_linebreak_spaced, lambda d: len(_split(d)[0]) >= 2),
    "padding": (_padding, ANY),
    "homoglyph_spelled_dot": (
        _homoglyph_spelled_dot,
        lambda d: any(c in tricks.CYRILLIC for c in _split(d)[0]),
    ),
    "keycap_digits": (_keycap_digits, lambda d: any(c.isdigit() for c in _split(d)[0])),
    "math_alnum": (_math_alnum, ANY),
    "small_caps": (_small_caps, lambda d: not any(c in "qx" for c in _split(d)[0])),
    "enclosed_letters": (_enclosed_letters, ANY),
    "reversed_instructed": (_reversed_instructed, ANY),
    "cn_described_tld": (_cn_described, ANY),
    "remove_instruction": (_remove_instruction, lambda d: len(_split(d)[0]) >= 2),
    "html_entity": (_html_entity, ANY),
    "percent_encoded": (_percent_encoded, ANY),
    "markup_wrapped": (_markup_wrapped, ANY),
    "redirect_param": (_redirect_param, ANY),
    "unicode_dot_variants": (_unicode_dot_variants, ANY),
    "comma_dot": (_comma_dot, ANY),
    "space_dot": (_space_dot, ANY),
    "pinyin_dian": (_pinyin_dian, ANY),
    "fullwidth_leet_tld": (_fullwidth_leet, lambda d: any(c in LEET_TLD for c in _split(d)[1])),
    "zero_width_scheme": (_zero_width_scheme, ANY),
    "combining_marks": (_combining_marks, ANY),
    "superscript": (_superscript, lambda d: "q" not in _split(d)[0]),
    "cn_bracket_dot": (_cn_bracket_dot, ANY),
    "spaced_fullwidth": (_spaced_fullwidth, ANY),
    "email_cn_at": (_email_cn_at, ANY),
    "double_scheme": (_double_scheme, ANY),
    "userinfo_decoy": (_userinfo_at, ANY),
    "linebreak_after_dot": (_linebreak_after_dot, ANY),
    "bidi_override": (_bidi_override, ANY),
    "invisible_exotic": (_invisible_exotic, ANY),
    "homoglyph_tld": (_homoglyph_tld, lambda d: any(c in tricks.CYRILLIC for c in _split(d)[1])),
    "zw_in_dot_word": (_zw_in_dot_word, ANY),
    "underscore_dot": (_underscore_dot, lambda d: "_" not in d),
    "tld_lookalike_symbols": (_tld_lookalike_symbols, lambda d: "o" in _split(d)[1]),
    "cn_digits_in_label": (_cn_digits_in_label, lambda d: any(c.isdigit() for c in _split(d)[0])),
    "multi_spelled_dots": (_multi_spelled_dots, ANY),
    "tld_parenthesized": (_tld_parenthesized, ANY),
    "dot_word_more_languages": (_dot_word_more_languages, ANY),
    "quoted_pieces": (_quoted_pieces, lambda d: len(_split(d)[0]) >= 2),
    "emoji_inside_label": (_emoji_inside_label, lambda d: len(_split(d)[0]) >= 2),
    "plus_joined": (_plus_joined, lambda d: len(_split(d)[0]) >= 2),
    "stack3": (_stack3, ANY),
    "two_label_suffix": (_two_label_suffix, ANY),
    "peer_defang": (_peer_defang, ANY),
    "peer_encoded": (_peer_encoded, ANY),
    "ambiguous_link": (_ambiguous, lambda d: len(_split(d)[0]) >= 3),
    "emoji_in_label_dotted": (_emoji_in_label_dotted, lambda d: len(_split(d)[0]) >= 2),
    "stand_in_glyphs": (_stand_in_glyphs, lambda d: "_" not in d and len(set(_split(d)[0])) > 1),
    "dian_glued_case": (_dian_glued_case, lambda d: "dian" not in d.lower()),
    "described_tld_more": (_described_tld_more, ANY),
    "drop_symbol_instruction": (_drop_symbol_instruction, lambda d: len(_split(d)[0]) >= 2),
    "quoted_dotted": (_quoted_dotted, lambda d: len(_split(d)[0]) >= 2),
    "cn_numerals_end": (_cn_numerals_end, lambda d: any(c.isdigit() for c in _split(d)[0])),
    "fullwidth_bracket_dot": (_fullwidth_bracket_dot, ANY),
    "dot_word_bracketed": (_dot_word_bracketed, ANY),
    "redirect_defanged": (_redirect_defanged, ANY),
    "leet_edges_spelled": (_leet_edges_spelled, lambda d: any(c in LEET for c in _split(d)[0])),
    "space_dot_long_tld": (
        _space_dot_long_tld,
        lambda d: len(_split(d)[1]) >= 4 and _split(d)[1].isalpha(),
    ),
    "emoji_inside_tld": (_emoji_inside_tld, lambda d: len(_split(d)[1]) >= 2),
    "stand_in_leet_tld": (
        _stand_in_leet_tld,
        lambda d: any(c in LEET_TLD for c in _split(d)[1]) and len(set(_split(d)[0])) > 1,
    ),
}
HARDER_FAMILIES = frozenset(
    list(HOST_FAMILIES)[list(HOST_FAMILIES).index("emoji_in_label_dotted") :]
)
"""Families added after the suite's figures were first published: each is generated after the
handle families with a generator seeded by its name, so every older case stays as it was."""
ISSUE_FAMILIES = frozenset(
    {
        "dot_traditional",
        "leet_tld",
        "leet_label",
        "roman_digits",
        "emoji_around_dot",
        "scheme_unknown",
        "scheme_mangled",
        "scheme_bracketed",
        "bracket_path",
        "half_bracket",
        "bracket_hyphen",
        "dash_dot_dash",
        "glued_DOT",
        "escaped_dot",
        "inverted_brackets",
        "foreign_dot_word",
        "adjacent_markdown_mailto",
        "glued_prefix",
        "linebreak_spaced",
        "padding",
        "h_cue_symbol_break",
        "h_cue_homophone",
        "h_cue_pinyin",
        "h_cue_english",
        "h_qq_separated",
        "h_phone_separated",
        "h_padding",
    }
)
"""Classes named in issue 6 section 1; the rest are invented here (or the peers' own forms)."""
"""Family -> (make token from a listed domain, which domains the family can use)."""
TWO_LABEL = frozenset({"two_label_suffix"})
"""Families drawn from listed domains under a two-label public suffix (co.uk, com.br...)."""
OUTSIDE_BAR = frozenset({"peer_encoded", "ambiguous_link", "ambiguous_handle"})
"""Families a careful reader cannot undo without a tool or a guess: review expected, no bar."""
REDIRECTORS = {"google.com", "baidu.com", "facebook.com", "apple.com", "taobao.com", "paypal.com"}
"""Hosts a template or family puts in the text on purpose (redirectors, userinfo decoys)."""


# ---------------------------------------------------------------- handle families

Handle = tuple[str, str, str, list[str]]
"""(token, handle kind, expected value, tricks)."""


def _wid(rng: random.Random) -> str:
    return tricks.handle_id(rng).lower()


def _control_handle(rng: random.Random) -> Handle:
    """Undisguised: tells an unmasking miss from a policy gap (section 2 of the issue)."""
    if rng.random() < 0.5:
        wid = _wid(rng)
        return rng.choice(("加微信：", "微信 ", "WeChat: ")) + wid, "wechat", wid, ["control"]
    qq = tricks.qq_number(rng)
    return rng.choice(("QQ：", "加QQ ")) + qq, "qq", qq, ["control"]


def _cue_symbol_break(rng: random.Random) -> Handle:
    cue = rng.choice(("加薇❤信", "威❤", "v➕", "V❤X", "微_信", "微-信", "微.信", "薇♥信", "wei❤xin",
                      "加✚V", "ⓥⓧ", "+Ⓥ"))  # fmt: skip
    wid = _wid(rng)
    return cue + rng.choice(("：", ":", " ", "： ")) + wid, "wechat", wid, ["cue_symbol", "sep"]


def _cue_homophone(rng: random.Random) -> Handle:
    cue = rng.choice(
        (
            "薇信",
            "威信",
            "维信",
            "徽信",
            "溦信",
            "嶶信",
            "微芯",
            "V亻言",
            "卫信",
            "vx号",
            "薇",
            "威",
        )
    )
    wid = _wid(rng)
    return "加" + cue + rng.choice(("：", ":", " ")) + wid, "wechat", wid, ["cue_homophone"]


def _cue_pinyin(rng: random.Random) -> Handle:
    if rng.random() < 0.5:
        cue = rng.choice(("weixin", "wei xin", "WX", "vx", "V X", "weixin号", "Vx"))
        wid = _wid(rng)
        return f"{cue}：{wid}", "wechat", wid, ["cue_pinyin"]
    cue = rng.choice(("kou扣", "koukou", "kou kou", "扣 扣", "抠抠", "寇寇", "qie鹅", "Q Q"))
    qq = tricks.qq_number(rng)
    return f"{cue} {qq}", "qq", qq, ["cue_pinyin", "digits"]


def _cue_english(rng: random.Random) -> Handle:
    wid = _wid(rng)
    cue = rng.choice(("wechat id: ", "WeChat ID - ", "add my wechat: ", "Wechat👉 ", "WECHAT ID ",
                      "my wechat is ", "We Chat: "))  # fmt: skip
    return cue + wid, "wechat", wid, ["cue_english"]


def _separated(digits: str, rng: random.Random) -> tuple[str, str]:
    sep = rng.choice((" ", ".", "-", " - ", "  ", "_", "·"))
    if rng.random() < 0.5:
        return sep.join(digits), f"sep:{sep!r}"
    text, pos = [], 0
    while pos < len(digits):
        size = rng.randint(2, 4)
        text.append(digits[pos : pos + size])
        pos += size
    return sep.join(text), f"chunks:{sep!r}"


def _qq_spaced(rng: random.Random) -> Handle:
    qq = tricks.qq_number(rng)
    body, how = _separated(qq, rng)
    cue = rng.choice(("加qq ", "QQ：", "扣扣 ", "企鹅号 ", "Q：", "qq号码 "))
    return cue + body, "qq", qq, ["qq_separated", how]


def _phone_spaced(rng: random.Random) -> Handle:
    mobile = tricks.cn_mobile(rng)
    body, how = _separated(mobile, rng)
    prefix = rng.choice(("", "", "+86 ", "+86-", "(+86)", "0086 ", "+8 6 ", "＋８６ "))
    cue = rng.choice(("热线", "电话：", "手机 ", "Tel: ", "call ", "来电 "))
    return cue + prefix + body, "phone", "86" + mobile, ["phone_separated", how, "cc?"]


def _digits_keycap(rng: random.Random) -> Handle:
    qq = tricks.qq_number(rng)
    return "QQ：" + "".join(c + KEYCAP for c in qq), "qq", qq, ["keycap"]


def _digits_mixed(rng: random.Random) -> Handle:
    qq = tricks.qq_number(rng)
    body = "".join(rng.choice(MIXED_DIGITS)(c) for c in qq)
    return rng.choice(("扣扣：", "QQ ", "Q号：", "加q ")) + body, "qq", qq, ["mixed_digit_forms"]


def _telegram_disguised(rng: random.Random) -> Handle:
    name = tricks.handle_id(rng, lo=5, hi=20, style="telegram").lower()
    form = rng.choice(("飞机 @{n}", "✈️ @{n}", "纸飞机：{n}", "TG：{n}", "t点me/{n}", "t . me / {n}",
                       "t[.]me/{n}", "电报：@{n}", "ＴＧ＠{n}", "tg ➜ @{n}"))  # fmt: skip
    return form.format(n=name), "telegram", name, ["telegram_cue"]


def _whatsapp_intl(rng: random.Random) -> Handle:
    digits, intl = _valid_phone(rng)
    forms = ("WhatsApp {p}", "whatsapp: {p}", "WA {p}", "wa点me/{d}", "W h a t s A p p {p}")
    form = rng.choice((*forms, "WhatsApp ➕{d}"))
    return form.format(p=intl, d=digits), "whatsapp", digits, ["whatsapp_cue", "intl"]


def _handle_linebreak(rng: random.Random) -> Handle:
    wid = _wid(rng)
    if rng.random() < 0.25:
        return "微信：\n" + "\n".join(wid), "wechat", wid, ["line_broken", "spaced_id"]
    form = rng.choice(("微\n信\n{w}", "加V\n{w}", "V\n：\n{w}", "薇\n信：{w}"))
    return form.format(w=wid), "wechat", wid, ["line_broken"]


def _handle_padding(rng: random.Random) -> Handle:
    wid = _wid(rng)
    pad = rng.choice(PADDING) * rng.randint(20_000, 24_000)
    return pad + "加微信：" + wid, "wechat", wid, [f"padding:U+{ord(pad[0]):04X}"]


def _handle_glyphs(rng: random.Random) -> Handle:
    wid = _wid(rng)
    shown = tricks.fullwidth(wid) if rng.random() < 0.5 else _shift(wid, 0x1D41A, None, 0x1D7CE)
    cue = rng.choice(("ｗｘ：", "𝐕𝐗：", "微信：", "ＶＸ "))
    return cue + shown, "wechat", wid, ["glyph_id", "glyph_cue"]


def _handle_remove_instruction(rng: random.Random) -> Handle:
    wid = _wid(rng)
    sep = rng.choice(("-", "*", "#"))
    note = {"-": "（去掉横线）", "*": "（去掉星号）", "#": "（去掉#）"}[sep]
    return "V：" + sep.join(wid) + note, "wechat", wid, ["junk", "instruction"]


def _line_cue(rng: random.Random) -> Handle:
    name = tricks.handle_id(rng, lo=4, hi=18, style="telegram").lower()
    cue = rng.choice(("賴：", "加賴 ", "LINE：", "line id ", "Ｌｉｎｅ："))
    return cue + name, "line", name, ["line_cue"]


CN_FINANCIAL = "零壹贰叁肆伍陆柒捌玖"


def _cn_financial_digits(rng: random.Random) -> Handle:
    """Financial numerals (壹贰叁), spoken 幺 for 1 and 两 for 2, mixed with plain digits."""
    qq = tricks.qq_number(rng)
    spoken = {"1": "幺", "2": "两"}
    body = "".join(rng.choice((CN_FINANCIAL[int(c)], spoken.get(c, c), c)) for c in qq)
    return rng.choice(("扣扣：", "QQ ", "加Q ")) + body, "qq", qq, ["cn_financial_digits"]


def _cue_emoji(rng: random.Random) -> Handle:
    if rng.random() < 0.5:
        qq = tricks.qq_number(rng)
        return rng.choice(("🐧：", "🐧 ", "加🐧 ")) + qq, "qq", qq, ["emoji_cue:penguin"]
    name = tricks.handle_id(rng, lo=5, hi=20, style="telegram").lower()
    return rng.choice(("✈️ ", "🛩️@", "🛫 @")) + name, "telegram", name, ["emoji_cue:plane"]


def _bracketed_id(rng: random.Random) -> Handle:
    wid = _wid(rng)
    left, right = rng.choice((("【", "】"), ("「", "」"), ("[", "]"), ("（", "）"), ("<", ">")))
    cue = rng.choice(("加V", "微信", "薇", "V："))
    return f"{cue}{left}{wid}{right}", "wechat", wid, ["bracketed_id"]


def _spaced_id(rng: random.Random) -> Handle:
    wid = _wid(rng)
    sep = rng.choice((" ", "  ", "\u3000", " · "))
    return (
        rng.choice(("V：", "微信 ", "wx：", "加V ")) + sep.join(wid),
        "wechat",
        wid,
        ["spaced_id"],
    )


def _cn_digits_spaced(rng: random.Random) -> Handle:
    qq = tricks.qq_number(rng)
    body = rng.choice((" ", "、", "-")).join(tricks.cn_numerals(qq, rng))
    return rng.choice(("扣扣：", "QQ ", "企鹅 ")) + body, "qq", qq, ["cn_digits", "separated"]


def _same_number(rng: random.Random) -> Handle:
    """A mobile offered as both phone and WeChat (电话微信同号), often spaced."""
    mobile = tricks.cn_mobile(rng)
    body, how = _separated(mobile, rng) if rng.random() < 0.5 else (mobile, "plain")
    cue = rng.choice(("电话微信同号：", "手机/微信同号 ", "V信同号 ", "微信同手机 "))
    return cue + body, "phone", "86" + mobile, ["same_number_cue", how]


def _telegram_search(rng: random.Random) -> Handle:
    name = tricks.handle_id(rng, lo=5, hi=20, style="telegram").lower()
    cue = rng.choice(("TG搜 ", "电报搜索：", "飞机搜索 ", "telegram search: ", "纸飞机搜 @"))
    return cue + name, "telegram", name, ["search_cue"]


def _phone_cn_spoken(rng: random.Random) -> Handle:
    """A mobile read aloud: 幺 for 1, 两 for 2, the rest in Chinese numerals or digits."""
    mobile = tricks.cn_mobile(rng)
    spoken = {"1": "幺", "2": "两"}
    body = "".join(spoken.get(c) or rng.choice((tricks.CN_DIGITS[int(c)], c)) for c in mobile)
    return rng.choice(("电话：", "手机 ", "热线", "打")) + body, "phone", "86" + mobile, ["spoken"]


def _emoji_split_id(rng: random.Random) -> Handle:
    wid = _wid(rng)
    emoji = rng.choice(("🔥", "❤️", "⭐", "💋", "🌹"))
    cut = sorted(rng.sample(range(1, len(wid)), min(2, len(wid) - 1)))
    parts = [wid[: cut[0]], *(wid[a:b] for a, b in zip(cut, [*cut[1:], len(wid)], strict=True))]
    cue = rng.choice(("V：", "微信：", "加薇 "))
    return cue + emoji.join(parts), "wechat", wid, ["emoji_split_id"]


def _cue_after_id(rng: random.Random) -> Handle:
    wid = _wid(rng)
    form = rng.choice(("{w}（微信）", "{w}（薇）", "{w} 是我V", "{w} ←微信", "{w}(wechat)"))
    return form.format(w=wid), "wechat", wid, ["cue_after"]


H_CUES = {"wechat": ("微信", "薇信", "威❤", "V➕", "wx", "wechat id", "加V", "VX号", "ｗｘ"),
          "qq": ("QQ", "扣扣", "企鹅", "🐧", "kou扣", "Q号", "ＱＱ")}  # fmt: skip
H_SEPS = ("：", ":", " ", "：\n", " - ", "➡️", "👉", "【")
ID_FORMS: dict[str, Callable[[str, random.Random], str]] = {
    "plain": lambda t, rng: t,
    "fullwidth": lambda t, rng: tricks.fullwidth(t),
    "math_bold": lambda t, rng: _shift(t, *MATH_STYLES["bold"]),
    "spaced": lambda t, rng: " ".join(t),
    "dotted": lambda t, rng: ".".join(t) if t.isdigit() else t,
    "circled": lambda t, rng: tricks.circled(t) if t.isdigit() else t,
    "cn_numerals": lambda t, rng: tricks.cn_numerals(t, rng) if t.isdigit() else t,
    "keycap": lambda t, rng: "".join(c + KEYCAP if c.isdigit() else c for c in t),
    "zero_width": lambda t, rng: tricks.insert_zero_width(t, rng),
}


def _h_stack3(rng: random.Random) -> Handle:
    """Three handle tricks at once: a disguised cue, a separator, a disguised id."""
    kind = rng.choice(("wechat", "qq"))
    value = _wid(rng) if kind == "wechat" else tricks.qq_number(rng)
    cue, sep, form = rng.choice(H_CUES[kind]), rng.choice(H_SEPS), rng.choice(sorted(ID_FORMS))
    token = cue + sep + ID_FORMS[form](value, rng) + ("】" if sep == "【" else "")
    return token, kind, value, [f"cue:{cue}", f"sep:{sep.strip() or 'space'}", f"id:{form}"]


def _ambiguous_handle(rng: random.Random) -> Handle:
    wid = _wid(rng)
    return rng.choice(("V" + wid, "找我 " + wid, "+" + wid)), "wechat", wid, ["no_cue"]


PIECE_GAPS = (" ", "\u3000", " · ", "*", "\n", "  ", "#", "・", "~")
PIECE_EMOJI = ("❤️", "🔥", "⭐", "💋", "🌹", "✨", "🎲", "💰", "♥", "☆")


def _in_pieces(value: str, rng: random.Random) -> tuple[str, str]:
    """An id broken the ways a reader still joins: spaced, emoji-split, numerals, digit groups."""
    forms = ["spaced", "emoji_split", "spaced_emoji_split"]
    if value.isdigit():
        forms += ["cn_spaced", "financial", "groups", "circled_mix"]
    form = rng.choice(forms)
    if form == "spaced":
        return rng.choice(PIECE_GAPS).join(value), form
    if form == "emoji_split":
        cuts = sorted(rng.sample(range(1, len(value)), min(rng.randint(1, 3), len(value) - 1)))
        parts = [value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)], strict=True)]
        return rng.choice(PIECE_EMOJI).join(parts), form
    if form == "spaced_emoji_split":
        cuts = sorted(rng.sample(range(1, len(value)), min(rng.randint(2, 3), len(value) - 1)))
        parts = [value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)], strict=True)]
        return f" {rng.choice(PIECE_EMOJI)} ".join(parts), form
    if form == "cn_spaced":
        return rng.choice((" ", "、", "·", "-")).join(tricks.cn_numerals(value, rng)), form
    if form == "financial":
        spoken = {"1": "幺", "2": "两"}
        body = [rng.choice((CN_FINANCIAL[int(c)], spoken.get(c, c), c)) for c in value]
        return rng.choice(("", " ")).join(body), form
    if form == "groups":
        return _separated(value, rng)[0], form
    return "".join(rng.choice(MIXED_DIGITS)(c) for c in value), form


PIECE_CUES = {
    "wechat": ("薇❤信", "卫信", "V亻言", "溦信", "wei信", "V X", "威❤", "加V", "ｗｘ", "WeChat",
               "V", "vx号"),
    "qq": ("扣扣", "qie鹅", "企❤鹅", "加q", "kou扣", "🐧", "Q号", "ＱＱ", "蔻蔻", "Q"),
}  # fmt: skip
PIECE_SEPS = ("：", ":", " ", "：\n", "\n：\n", " 👉 ", "➡️", " is ", "\n")


def _pieces_stack(rng: random.Random) -> Handle:
    """A disguised cue, a separator (line breaks too) and an id in pieces, composed."""
    kind = rng.choice(("wechat", "qq"))
    value = _wid(rng) if kind == "wechat" else tricks.qq_number(rng)
    cue, sep = rng.choice(PIECE_CUES[kind]), rng.choice(PIECE_SEPS)
    if cue in ("V", "Q"):  # a bare letter is a cue only before a colon or an arrow
        sep = rng.choice(("：", "\n：\n", "➡️", " 👉 ", "：\n"))
    body, form = _in_pieces(value, rng)
    return cue + sep + body, kind, value, [f"cue:{cue}", f"sep:{sep.strip() or 'space'}", form]


def _cue_spelled_out(rng: random.Random) -> Handle:
    """The messenger's name spelled letter by letter (``W h a t s A p p``, ``w.e.c.h.a.t``)."""
    gap = rng.choice((" ", ".", "-", "*", " . "))
    kind = rng.choice(("wechat", "telegram", "whatsapp"))
    if kind == "whatsapp":
        digits, intl = _valid_phone(rng)
        return gap.join(rng.choice(("WhatsApp", "whatsapp"))) + " " + intl, kind, digits, [gap]
    if kind == "telegram":
        name = tricks.handle_id(rng, lo=5, hi=20, style="telegram").lower()
        return gap.join(rng.choice(("Telegram", "TELEGRAM"))) + " @" + name, kind, name, [gap]
    wid = _wid(rng)
    cue = gap.join(rng.choice(("WeChat", "wechat", "weixin"))) + rng.choice((": ", "：", " id: "))
    return cue + wid, kind, wid, [gap]


def _phone_spoken_spaced(rng: random.Random) -> Handle:
    """A mobile read aloud and spaced out: ``幺 三 八 …``, ``1-3-八-…``."""
    mobile = tricks.cn_mobile(rng)
    spoken = {"1": "幺", "2": "两"}
    digits = [spoken.get(c) or rng.choice((tricks.CN_DIGITS[int(c)], c)) for c in mobile]
    body = rng.choice((" ", "-", "·", "  ")).join(digits)
    cue = rng.choice(("电话：", "手机 ", "热线 ", "打", "call "))
    return cue + body, "phone", "86" + mobile, ["spoken", "spaced"]


def _cue_after_pointer(rng: random.Random) -> Handle:
    """The id first, then an arrow or "is my" and a disguised cue."""
    if rng.random() < 0.3:
        qq = tricks.qq_number(rng)
        return qq + rng.choice((" ←扣扣", " ⬅️ QQ", "👈企鹅", " 是我的扣扣")), "qq", qq, ["pointer"]
    wid = _wid(rng)
    tails = (" ⬅️ 薇信", "👈VX", " <- 微信", " 是我的微信", "（威）", " ← 加我V信", "【V】",
             " is my wechat")  # fmt: skip
    tail = rng.choice(tails)
    return wid + tail, "wechat", wid, ["pointer"]


def _id_instruction(rng: random.Random) -> Handle:
    """An id with Chinese characters inside or written backwards, and the instruction to undo
    it (``ha去oyun掉88（去掉中文）``, ``66_nuyoah（倒过来）``)."""
    wid = _wid(rng)
    cue = rng.choice(("微信：", "V：", "加薇 ", "vx "))
    if rng.random() < 0.5:
        junk = iter(rng.choice(("去掉中文字", "删除汉字哦", "不要中文")))
        cuts = sorted(rng.sample(range(1, len(wid)), min(2, len(wid) - 1)))
        body = "".join(c + (next(junk) if i + 1 in cuts else "") for i, c in enumerate(wid))
        note = rng.choice(("（去掉中文）", "(去掉汉字)", "【去中文】", " 去掉中文"))
        return cue + body + note, "wechat", wid, ["cjk_junk", "instruction"]
    note = rng.choice(("（倒过来）", "(反着读)", "【倒序】", " 倒着看"))
    return cue + wid[::-1] + note, "wechat", wid, ["reversed", "instruction"]


def _telegram_at_spaced(rng: random.Random) -> Handle:
    """``飞机 @ b e t _ v i p``: the @name spaced out, or the @ set apart."""
    name = tricks.handle_id(rng, lo=5, hi=16, style="telegram").lower()
    cue = rng.choice(("飞机 ", "TG：", "纸飞机 ", "telegram ", "✈️ "))
    body = rng.choice(("@ ", "@", "＠ ")) + rng.choice((" ", " · ", "\u3000", "")).join(name)
    return cue + body, "telegram", name, ["at_spaced"]


def _phone_spoken_grouped(rng: random.Random) -> Handle:
    """A mobile read aloud in its usual 3-4-4 groups: ``幺三八 一二三四 五六七八``."""
    mobile = tricks.cn_mobile(rng)
    spoken = {"1": "幺", "2": "两"}
    digits = [spoken.get(c) or rng.choice((tricks.CN_DIGITS[int(c)], c)) for c in mobile]
    gap = rng.choice((" ", "-", "  ", "·"))
    body = "".join(digits[:3]) + gap + "".join(digits[3:7]) + gap + "".join(digits[7:])
    cue = rng.choice(("电话：", "手机 ", "热线 ", "打", "call ", "+86 "))
    return cue + body, "phone", "86" + mobile, ["spoken", "grouped"]


def _qq_letter_digits(rng: random.Random) -> Handle:
    """A QQ number with look-alike letters for digits (``1O2254678``: O for 0, l or I for 1)."""
    qq = tricks.qq_number(rng)
    while not any(c in "01" for c in qq[1:]):
        qq = tricks.qq_number(rng)
    swap = {"0": ("O", "o"), "1": ("l", "I")}
    body = qq[0] + "".join(rng.choice(swap[c]) if c in swap else c for c in qq[1:])
    cue = rng.choice(("QQ：", "扣扣 ", "企鹅号 ", "Q号：", "加q "))
    return cue + body, "qq", qq, ["letter_digits"]


def _search_cue(rng: random.Random) -> Handle:
    """Where to search for the id: ``微信搜索 abc123``, ``V信搜一搜：``, ``QQ搜索``."""
    if rng.random() < 0.35:
        qq = tricks.qq_number(rng)
        return rng.choice(("QQ搜索 ", "扣扣搜：", "QQ search: ")) + qq, "qq", qq, ["search"]
    wid = _wid(rng)
    cue = rng.choice(("微信搜索 ", "V信搜一搜：", "wx搜 ", "薇信搜索：", "search WeChat: "))
    return cue + wid, "wechat", wid, ["search"]


def _cue_role_word(rng: random.Random) -> Handle:
    """A word saying what the id is between the cue and the id: ``微信客服：``, ``QQ交流群``."""
    kind = rng.choice(("wechat", "qq", "telegram"))
    role = rng.choice(("客服", "好友", "咨询", "交流群", "公众号", "频道", "私聊", "小号"))
    sep = rng.choice(("：", ":", " ", " - "))
    if kind == "qq":
        qq = tricks.qq_number(rng)
        cue = rng.choice(("QQ", "扣扣", "企鹅", "ＱＱ"))
        return cue + role + sep + qq, kind, qq, [f"role:{role}"]
    if kind == "telegram":
        name = tricks.handle_id(rng, lo=5, hi=20, style="telegram").lower()
        return rng.choice(("飞机", "电报", "TG")) + role + sep + name, kind, name, [f"role:{role}"]
    wid = _wid(rng)
    cue = rng.choice(("微信", "加微信", "VX", "薇信", "V信"))
    return cue + role + sep + wid, kind, wid, [f"role:{role}"]


HANDLE_FAMILIES: dict[str, Callable[[random.Random], Handle]] = {
    "h_control": _control_handle,
    "h_cue_symbol_break": _cue_symbol_break,
    "h_cue_homophone": _cue_homophone,
    "h_cue_pinyin": _cue_pinyin,
    "h_cue_english": _cue_english,
    "h_qq_separated": _qq_spaced,
    "h_phone_separated": _phone_spaced,
    "h_keycap_digits": _digits_keycap,
    "h_mixed_digit_forms": _digits_mixed,
    "h_telegram_disguised": _telegram_disguised,
    "h_whatsapp_intl": _whatsapp_intl,
    "h_linebreak": _handle_linebreak,
    "h_padding": _handle_padding,
    "h_glyphs": _handle_glyphs,
    "h_remove_instruction": _handle_remove_instruction,
    "h_line_cue": _line_cue,
    "h_cn_financial_digits": _cn_financial_digits,
    "h_cue_emoji": _cue_emoji,
    "h_bracketed_id": _bracketed_id,
    "h_spaced_id": _spaced_id,
    "h_cn_digits_spaced": _cn_digits_spaced,
    "h_same_number": _same_number,
    "h_telegram_search": _telegram_search,
    "h_phone_cn_spoken": _phone_cn_spoken,
    "h_emoji_split_id": _emoji_split_id,
    "h_cue_after_id": _cue_after_id,
    "h_stack3": _h_stack3,
    "ambiguous_handle": _ambiguous_handle,
    "h_pieces_stack": _pieces_stack,
    "h_cue_spelled_out": _cue_spelled_out,
    "h_phone_spoken_spaced": _phone_spoken_spaced,
    "h_cue_after_pointer": _cue_after_pointer,
    "h_id_instruction": _id_instruction,
    "h_telegram_at_spaced": _telegram_at_spaced,
    "h_phone_spoken_grouped": _phone_spoken_grouped,
    "h_qq_letter_digits": _qq_letter_digits,
    "h_search_cue": _search_cue,
    "h_cue_role_word": _cue_role_word,
}
"""New families go last: the suite's random draws of the families before stay the same."""

# ---------------------------------------------------------------- templates

WORDING: dict[str, dict[str, tuple[str, ...]]] = {
    "gambling": {"zh": ("百家乐包赢", "首充送彩金", "真人视讯 日日爆分", "体育投注 返水3%",
                        "棋牌上分秒到账"),
                 "en": ("casino bonus 200%", "baccarat VIP wins daily", "sports betting odds")},
    "porn": {"zh": ("同城约炮", "成人视频 免费看", "学生妹 上门服务", "福利视频 今晚更新"),
             "en": ("hookup tonight", "nudes and sex chat", "adult video free")},
    "scam": {"zh": ("刷单日赚三千", "高回报 稳赚不赔", "黑户贷款 秒下款", "跑分 收usdt"),
             "en": ("guaranteed profit", "crypto signals, double your money",
                    "investment opportunity")},
    "phishing": {"zh": ("您的账户已冻结 请验证", "快递异常 请补填地址", "积分即将清零 立即兑换"),
                 "en": ("your account is locked, verify now", "claim code expires today")},
}  # fmt: skip
"""Category -> language -> the trade's own words (the policy's cue vocabulary, as spam uses it)."""

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "username": {"zh": ("{x}", "{x} 官方", "客服 {x}", "{w}{x}"),
                 "en": ("{x}", "{x} official", "real {x}", "{w} {x}")},
    "display_name": {"zh": ("{x}｜{w}", "💰{x}💰", "小美 {x}"), "en": ("{x} | {w}", "Lucky {x}")},
    "bio": {"zh": ("{w}，认准{x}", "🔥{w}🔥 {x} 私聊", "主页：{x}\n{w}"),
            "en": ("{w} 👉 {x}", "Link: {x} | {w}", "{w}\nDM me or {x}")},
    "post": {"zh": ("【{w}】最新地址{x}，收藏不迷路", "{w}！复制{x}到浏览器打开", "{x} {w}"),
             "en": ("{w}!!! go to {x} now", "New link {x} ({w})", "🔥 {w} 🔥 {x}")},
    "comment": {"zh": ("楼主说得对，{w}看我主页 {x}", "{x} {w} 老司机都懂", "+1 {w} {x}"),
                "en": ("nice vid! {w} at {x}", "{x} <- {w}", "lol same. {w} {x}")},
    "chat": {"zh": ("在吗？{w}，加{x}", "哥 {w}\n{x}", "{x}\n{w} 速来"),
             "en": ("hey! {w} here {x}", "{x}\n{w}, msg me", "hi dear, {w}: {x}")},
    "livestream": {"zh": ("🔴直播中 {w} {x}", "今晚{w}，进{x}", "【直播】{w}｜{x}"),
                   "en": ("LIVE 🔴 {w} | {x}", "{w} stream -> {x}")},
    "listing": {"zh": ("全新正品 {w} 详情{x}", "低价转让，{w}，联系{x}", "【包邮】{w} {x}"),
                "en": ("Brand new, {w}, see {x}", "Cheap! {w} contact {x}")},
    "map_place": {"zh": ("{w}会所 {x}", "{x} 棋牌室", "24小时营业 {w} {x}"),
                  "en": ("{w} lounge {x}", "{x} club", "VIP room, {w}, {x}")},
}  # fmt: skip
"""Surface -> language -> templates; {x} is the disguised token, {w} the trade's wording."""


def _fill(
    surface: str, category: str, token: str, rng: random.Random, *, worded: bool = False
) -> tuple[str, str]:
    """Carry ``token`` in a template of ``surface``; ``worded`` keeps to templates with wording
    (a handle owes ``review`` only when offered with a harmful trade's words, issue section 2)."""
    lang = rng.choice(("zh", "en"))
    words = WORDING[category][lang]
    templates = [t for t in TEMPLATES[surface][lang] if not worded or "{w}" in t]
    return rng.choice(templates).format(x=token, w=rng.choice(words)), lang


# ---------------------------------------------------------------- the suite


def suite_host_ok(host: str, dots: int = 1) -> bool:
    """Listed registrable domains short enough to be typed by hand, ASCII, with letters;
    ``dots`` is 1 (``bet888.com``) or 2 for a two-label suffix (``bet888.co.uk``)."""
    label, _, suffix = host.partition(".")
    return (
        5 <= len(host) <= 24
        and host.isascii()
        and not host.startswith("xn--")
        and host.count(".") == dots
        and any(c.isalpha() for c in label)
        and all(c.isalnum() or c == "-" for c in label)
        and suffix.replace(".", "").isalpha()
        and registrable_domain(host) == host
    )


@functools.lru_cache(maxsize=4)
def host_pool(data: Path, dots: int = 1) -> list[tuple[str, str]]:
    """Every usable (category, domain) of the real lists, sorted (the first category wins)."""
    seen: dict[str, str] = {}
    for category, paths in HOST_SOURCES.items():
        for path in paths:
            for host in common.read_hosts(data / path):
                if host not in seen and suite_host_ok(host, dots):
                    seen[host] = category
    return sorted((c, h) for h, c in seen.items())


def _draw_host(
    pool: list[tuple[str, str]], ok: Callable[[str], bool], rng: random.Random
) -> tuple[str, str]:
    for _ in range(10_000):
        category, host = pool[rng.randrange(len(pool))]
        if ok(host):
            return category, host
    raise RuntimeError("no listed domain fits this family")


def _decoys(family: str, token: str, text: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Add the adjacent mailto of the issue's example; name the redirector domains present."""
    if family == "adjacent_markdown_mailto":
        benign = rng.choice(("ibm.com", "apple.com", "qq.com", "gmail.com", "outlook.com"))
        tail = rng.choice(
            (")[x](mailto:a@{b})", ")[联系](mailto:kefu@{b})", " [mail](mailto:vip@{b})")
        )
        text = text.replace(token, token + tail.format(b=benign), 1)
        return text, (benign,)
    return text, tuple(sorted(r for r in REDIRECTORS if r in text))


def build_suite(
    data: Path, *, per_family: int = 60, padding_cases: int = 12, seed: int = SEED
) -> list[Case]:
    """``per_family`` cases per family (``padding_cases`` for the 20k-character ones)."""
    rng = random.Random(seed)
    pool, pool2 = host_pool(data.resolve()), host_pool(data.resolve(), 2)
    cases: list[Case] = []
    for family, (make, ok) in HOST_FAMILIES.items():
        if family not in HARDER_FAMILIES:
            count = {"padding": padding_cases, "stack3": 4 * per_family}.get(family, per_family)
            drawn = pool2 if family in TWO_LABEL else pool
            _host_cases(cases, family, make, ok, rng, drawn, count)
    for family, make_handle in HANDLE_FAMILIES.items():
        stacked = {"h_stack3": 4 * per_family, "h_pieces_stack": 4 * per_family}
        count = {"h_padding": padding_cases, **stacked}.get(family, per_family)
        for i in range(count):
            token, kind, value, used = make_handle(rng)
            category = rng.choice(("gambling", "porn", "scam"))
            surface = SURFACES[len(cases) % len(SURFACES)]
            text, lang = _fill(surface, category, token, rng, worded=True)
            decoys = tuple(d for d in ("t.me", "wa.me") if d in token)
            cases.append(Case(
                f"{family}-{i:03d}", family, kind, value, text, surface, lang, category,
                tuple(used), token, "review", family not in OUTSIDE_BAR, decoys,
            ))  # fmt: skip
    for family in sorted(HARDER_FAMILIES, key=list(HOST_FAMILIES).index):
        make, ok = HOST_FAMILIES[family]
        _host_cases(cases, family, make, ok, random.Random(f"{seed}:{family}"), pool, per_family)
    return cases


def _host_cases(
    cases: list[Case],
    family: str,
    make: Callable[[str, random.Random], Token],
    ok: Callable[[str], bool],
    rng: random.Random,
    pool: list[tuple[str, str]],
    count: int,
) -> None:
    """Append ``count`` cases of one link family, drawn from ``pool`` with ``rng``."""
    for i in range(count):
        category, domain = _draw_host(pool, ok, rng)
        token, used = make(domain, rng)
        surface = SURFACES[len(cases) % len(SURFACES)]
        text, lang = _fill(surface, category, token, rng)
        text, decoys = _decoys(family, token, text, rng)
        in_bar = family not in OUTSIDE_BAR
        cases.append(Case(
            f"{family}-{i:03d}", family, "link", domain, text, surface, lang, category,
            tuple(used), token, "act" if in_bar else "review", in_bar, decoys,
        ))  # fmt: skip


NEG_TEMPLATES = {
    "zh": ("我们公司官网是{x}，欢迎访问", "资料在{x}上可以下载", "学校通知见{x}",
           "{x} 今天又宕机了？"),
    "en": ("the docs are at {x}", "our school site {x} is down again", "see {x} for the recipe",
           "{x} has the bus timetable"),
}  # fmt: skip
"""Ordinary sentences with no trade wording: a popular unlisted host here must never be ``act``."""


def build_negatives(data: Path, *, per_family: int = 8, seed: int = SEED) -> list[Case]:
    """Popular unlisted domains (Tranco) under the same tricks, in benign sentences.

    Measures what aggressive unmasking costs: a disguised but harmless host may be reported, yet
    must not be turned into a listed one. Tranco also ranks listed sites, so the evaluation drops
    any domain whose plain form Bastion already acts on.
    """
    rng = random.Random(seed + 1)
    listed = {h for _, h in host_pool(data.resolve())}
    path = data / "tranco-top-100k" / "tranco_top_100k.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    popular = sorted({r.split("\t")[1] for r in rows if "\t" in r} - listed)
    pool = [("benign", h) for h in popular if suite_host_ok(h)]
    cases: list[Case] = []
    for family, (make, ok) in HOST_FAMILIES.items():
        if family in OUTSIDE_BAR or family in ("padding", "control_plain"):
            continue
        for i in range(per_family):
            _, domain = _draw_host(pool, ok, rng)
            token, used = make(domain, rng)
            lang = rng.choice(("zh", "en"))
            text = rng.choice(NEG_TEMPLATES[lang]).format(x=token)
            surface = SURFACES[len(cases) % len(SURFACES)]
            cases.append(Case(f"neg-{family}-{i:03d}", family, "link", domain, text, surface, lang,
                              "benign", tuple(used), token, "allow", False))  # fmt: skip
    return cases


def families_of(cases: list[Case]) -> list[str]:
    return list(dict.fromkeys(c.family for c in cases))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the adversarial suite and show it.")
    parser.add_argument("--data", type=Path, default=None, help="shared/data directory")
    parser.add_argument("--dump", type=Path, default=None, help="write every case as JSONL")
    parser.add_argument("--per-family", type=int, default=60)
    args = parser.parse_args(argv)
    cases = build_suite(common.data_dir(args.data), per_family=args.per_family)
    counts = Counter(c.family for c in cases)
    rows = []
    for family in families_of(cases):
        example = next(c for c in cases if c.family == family)
        shown = example.text if len(example.text) < 200 else f"[{len(example.text)} chars]…"
        rows.append([family, str(counts[family]), shown.replace("\n", "⏎"), example.expected])
    common.print_table("Adversarial suite", ["family", "cases", "example", "expected"], rows)
    if args.dump:
        common.write_jsonl(args.dump, (c.to_dict() for c in cases))
    print(f"{len(cases)} cases in {len(counts)} families")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
