"""Red team 12's link families: a real listed host under two or three tricks at once.

Each family draws a host by seed from the gambling, porn, scam, phishing and ransomware lists
(``bench.redteam7.Pools``; a family that needs a TLD of its own, a digit or no zero in the name
says so in ``accept``) or a malware IP, disguises it with ``bench/redteam12_tricks.py`` and sets
it in a line of ``bench/redteam12_text.py`` or a profile / chat / listing layout. The key is the
same message with the host written plainly, notes to the reader dropped.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import redteam12_tricks as t
from bench.redteam7 import Builder, Case, Host, Pools
from bench.redteam12_text import link_template

Inline = Callable[[random.Random, Host, str], tuple[str, str]]
Block = Callable[[random.Random, Host, str, str], tuple[str, str]]
Accept = Callable[[Host], bool]

SURFACES = ("post", "comment", "chat", "bio", "display_name", "livestream", "listing")


def has_digit(h: Host) -> bool:
    return any(c.isdigit() for c in h.name)


def spoken(language: str) -> Accept:
    """A name with digits whose letter runs are no digit word of ``language`` (``lima88`` is
    not read aloud in Indonesian, where ``lima`` is 5): the dictation reads one way."""
    words = set(t.DIGIT_WORDS[language])
    return lambda h: has_digit(h) and not words & set(re.findall(r"[a-z]+", h.name))


def digit_no_zero(h: Host) -> bool:
    return has_digit(h) and "0" not in h.name


def tld_in(tlds: object) -> Accept:
    return lambda h: h.tld in tlds  # type: ignore[operator]


def both(a: Accept, b: Accept) -> Accept:
    return lambda h: a(h) and b(h)


def letters(name: str, letter: Callable[[str], str], digit: Callable[[str], str]) -> str:
    return "".join(letter(c) if c.isalpha() else digit(c) if c.isdigit() else c for c in name)


def _case(h: Host, lang: str, surface: str, text: str, key: str, tricks: tuple[str, ...]) -> Case:
    return Case(
        id="",
        family="",
        group="",
        kind="ip" if h.category == "malware" and h.host.replace(".", "").isdigit() else "host",
        surface=surface,
        lang=lang,
        text=text,
        expected=(h.host,),
        harmful=True,
        source=h.source,
        key=key,
        tricks=tricks,
    )


def inline_family(
    tricks: tuple[str, ...],
    make: Inline,
    accept: Accept | None = None,
    langs: tuple[str, ...] = ("zh", "en"),
    surfaces: tuple[str, ...] = SURFACES,
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        h = pools.host(rng, accept)
        lang = langs[i % len(langs)]
        tpl = link_template(rng, lang)
        shown, note = make(rng, h, lang)
        text = tpl.format(v=shown) + (f" {note}" if note else "")
        return _case(h, lang, rng.choice(surfaces), text, tpl.format(v=h.host), tricks)

    return build


def block_family(
    tricks: tuple[str, ...],
    make: Block,
    accept: Accept | None = None,
    langs: tuple[str, ...] = ("zh", "en"),
    surfaces: tuple[str, ...] = ("bio",),
    ip: bool = False,
) -> Builder:
    """A layout over several lines; ``make`` gets the wording line (``{v}`` to fill)."""

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        h = pools.ip(rng) if ip else pools.host(rng, accept)
        lang = langs[i % len(langs)]
        tpl = link_template(rng, lang)
        text, key = make(rng, h, lang, tpl)
        return _case(h, lang, rng.choice(surfaces), text, key, tricks)

    return build


def ip_family(
    tricks: tuple[str, ...], make: Inline, langs: tuple[str, ...] = ("zh", "en")
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        for _ in range(200):
            h = pools.ip(rng)
            if "0" not in h.host and all(0 < int(o) < 256 for o in h.host.split(".")):
                break
        lang = langs[i % len(langs)]
        tpl = link_template(rng, lang)
        path = rng.choice(("/dl", "/app.apk", "/login", "/x"))
        shown, note = make(rng, h, lang)
        text = tpl.format(v=f"http://{shown}{path}") + (f" {note}" if note else "")
        key = tpl.format(v=f"http://{h.host}{path}")
        return _case(h, lang, rng.choice(("post", "chat", "comment")), text, key, tricks)

    return build


# ---- pieces -----------------------------------------------------------------------------------


def style_name(name: str, table: dict[str, str]) -> str:
    return t.styled(name, table)


def cap_note(h: Host, lang: str) -> str:
    return t.capital_tld(h.tld, lang)


def dot(rng: random.Random, lang: str) -> str:
    return rng.choice(("点", "。", ".")) if lang == "zh" else rng.choice((".", " dot "))


CC = tld_in(set(t.CAPITALS) - {"uk"})  # the UK's flag and ISO code say GB, its TLD is .uk
MEANING = tld_in(t.TLD_MEANING_ZH)
SOUND = tld_in(t.TLD_SOUND_ZH)


def _script_note(script: str, lang: str) -> str:
    return f"（数字是{t.SCRIPT_ZH[script]}）" if lang == "zh" else f"({t.SCRIPT_EN[script]} digits)"


def _mixed_note(lang: str) -> str:
    return "（数字混用了几种写法）" if lang == "zh" else "(the digits are in mixed numeral systems)"


# ---- inline families ------------------------------------------------------------------------


def yi_capital(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return style_name(h.name, t.YI), cap_note(h, lang)


def yi_mixed_digits_dot_word(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    lang_dot = rng.choice(list(t.DOT_WORDS))
    name = letters(
        h.name, lambda c: t.YI[c], lambda c: t.mixed_digit(c, rng.choice(t.MIXED_SYSTEMS))
    )
    return f"{name} {t.DOT_WORDS[lang_dot]} {h.tld}", _mixed_note(lang) if has_digit(h) else ""


def cherokee_meaning(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{style_name(h.name, t.CHEROKEE_STYLE)}点", f"（点后面是{t.TLD_MEANING_ZH[h.tld]}）"


def katakana_sound(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = f"{style_name(h.name, t.KATAKANA_STYLE)}点{t.TLD_SOUND_ZH[h.tld]}"
    return shown, "（后缀按读音写的）"


def katakana_dingbat(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    table = rng.choice((t.DINGBAT, t.DINGBAT_NEG))
    name = letters(h.name, lambda c: t.KATAKANA_STYLE[c], lambda c: table[int(c)])
    return f"{name}。{style_name(h.tld, t.KATAKANA_STYLE)}", ""


def greekish_top(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{style_name(h.name, t.GREEKISH)}.{t.TLD_EMOJI[h.tld]}", ""


def greekish_capital_en(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{style_name(h.name, t.GREEKISH)} dot", t.capital_tld(h.tld, "en")


def salad_ethiopic(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = letters(t.salad(h.name, rng), lambda c: c, t.ethiopic_digit)
    note = "（数字是埃塞俄比亚数字）" if lang == "zh" else "(Ethiopic numerals)"
    return f"{name}.{t.salad(h.tld, rng)}", note


def salad_bengali_dot_com(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(t.INDIC)
    name = letters(t.salad(h.name, rng), lambda c: c, lambda c: t.script_digits(c, script))
    dc = t.INDIC_DOT_COM.get(script) or t.INDIC_DOT_COM["bengali"]
    return f"{name} {dc}", _script_note(script, lang) if has_digit(h) else ""


def bracket_flag(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{t.bracket_underline(h.name)} ➕ {t.FLAGS[h.tld]}", (
        "（后缀是国旗那个国家）" if lang == "zh" else "(the ending is that flag's country code)"
    )


def decoy_dot_below_zh_dot(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    note = (
        "（下面带点的字母是干扰，去掉）"
        if lang == "zh"
        else "(drop the letters with a dot under them)"
    )
    return f"{t.dot_below_decoys(h.name, rng)}{dot(rng, lang)}{h.tld}", note


def decoy_dot_below_capital(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    note = "（带下点的字母不要）" if lang == "zh" else "(skip letters with a dot below)"
    return f"{t.dot_below_decoys(h.name, rng)} {'点' if lang == 'zh' else 'dot'}", note + cap_note(
        h, lang
    )


BOLD_CAPS = {c: chr(0x1D400 + i) for i, c in enumerate(t.LOWER)}


def lowercase_noise_bold(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = t.lowercase_noise(h.host, rng, BOLD_CAPS)
    note = "（小写字母都是干扰，只看大写）" if lang == "zh" else "(ignore every lowercase letter)"
    return shown, note


def lowercase_noise_sound(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = f"{t.lowercase_noise(h.name, rng)} 点 {t.TLD_SOUND_ZH[h.tld]}"
    return shown, "（小写字母去掉；后缀按读音写）"


def superscript_noise_indic(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(t.INDIC)
    name = t.script_digits(t.superscript_noise(h.name, rng), script)
    note = "（小的上标字母不算）" if lang == "zh" else "(ignore the small raised letters)"
    return f"{name}.{h.tld}", note + _script_note(script, lang)


def superscript_noise_greekish(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = t.superscript_noise(style_name(h.name, t.GREEKISH), rng)
    note = "（上标小字母是干扰）" if lang == "zh" else "(the tiny raised letters are filler)"
    return f"{shown}{dot(rng, lang)}{h.tld}", note


def emoji_noise_yi(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = t.emoji_noise(style_name(h.name, t.YI), rng)
    note = "（去掉所有表情）" if lang == "zh" else "(remove all the emoji)"
    return f"{shown}.{style_name(h.tld, t.YI)}", note


def emoji_noise_mixed(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    shown = t.emoji_noise(t.mixed_digits(h.name, rng), rng)
    note = "（表情都删掉）" if lang == "zh" else "(delete the emoji)"
    return f"{shown} {'点' if lang == 'zh' else 'dot'} {h.tld}", note + _mixed_note(lang)


def said(language: str, dot_word: str = "dot") -> Inline:
    def make(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
        en, zh = t.DIGIT_LANG_NOTE[language]
        return f"{t.said_digits(h.name, language)} {dot_word} {h.tld}", zh if lang == "zh" else en

    return make


def said_capital(language: str, dot_word: str) -> Inline:
    def make(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
        en, zh = t.DIGIT_LANG_NOTE[language]
        return f"{t.said_digits(h.name, language)} {dot_word}", (
            zh if lang == "zh" else en
        ) + cap_note(h, lang)

    return make


def indic_dot_com(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(list(t.INDIC_DOT_COM))
    return f"{t.script_digits(h.name, script)} {t.INDIC_DOT_COM[script]}", _script_note(
        script, lang
    )


def dot_word_salad(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word = t.DOT_WORDS[rng.choice(list(t.DOT_WORDS))]
    return f"{t.salad(h.name, rng)} {word} {t.salad(h.tld, rng)}", ""


def dot_word_cherokee(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word = t.DOT_WORDS[rng.choice(list(t.DOT_WORDS))]
    return (
        f"{style_name(h.name, t.CHEROKEE_STYLE)} ({word}) {style_name(h.tld, t.CHEROKEE_STYLE)}",
        "",
    )


def paren_digits_katakana_sound(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = letters(h.name, lambda c: t.KATAKANA_STYLE[c], lambda c: t.PAREN[int(c)])
    return f"{name}点{t.TLD_SOUND_ZH[h.tld]}", "（后缀是读音）"


def wavy_capital(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{t.wavy(h.name)} {'点' if lang == 'zh' else 'dot'}", cap_note(h, lang)


def seagull_meaning(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    mark = rng.choice(("\u033c", "\u0332", "\u0333", "\u0305"))
    return f"{t.combining_each(h.name, mark)}点", f"（后缀是{t.TLD_MEANING_ZH[h.tld]}）"


def top_emoji_noise(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    note = "（只看大写）" if lang == "zh" else "(capitals only)"
    return f"{t.lowercase_noise(h.name, rng)}.{t.TLD_EMOJI[h.tld]}", note


def online_emoji_yi(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{style_name(h.name, t.YI)}.{t.TLD_EMOJI[h.tld]}", ""


def german_spelling(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    spelled = t.german_spelled(h.name)
    note = (
        "（德语拼读字母表，取每个词的首字母）"
        if lang == "zh"
        else "(German spelling alphabet: first letter of each word)"
    )
    return f"{spelled} Punkt {h.tld}", note


def mixed_digits_capital_zh(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = t.mixed_digits(style_name(h.name, rng.choice((t.YI, t.CHEROKEE_STYLE))), rng)
    return f"{name} 点", _mixed_note(lang) + cap_note(h, lang)


def greekish_flag_mixed(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = t.mixed_digits(style_name(h.name, t.GREEKISH), rng)
    return f"{name} . {t.FLAGS[h.tld]}", _mixed_note(lang) + (
        "（后缀看国旗）" if lang == "zh" else "(ending = the flag's country)"
    )


def endonym_salad(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    country = t.ENDONYMS[h.tld]
    if lang == "zh":
        return f"{t.salad(h.name, rng)} 点", f"（后缀是「{country}」这个国家的域名）"
    return f"{t.salad(h.name, rng)} dot", f"(the ending is the country code of {country})"


def emoji_letters_mixed_capital(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = letters(
        h.name,
        lambda c: t.EMOJI_LETTERS.get(c, c),
        lambda c: t.mixed_digit(c, rng.choice(t.MIXED_SYSTEMS)),
    )
    return f"{name} {'点' if lang == 'zh' else 'dot'}", _mixed_note(lang) + cap_note(h, lang)


# ---- IPs --------------------------------------------------------------------------------------


def ip_ethiopic_amharic(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    octets = [t.ethiopic_number(int(o)) for o in h.host.split(".")]
    note = "（埃塞俄比亚数字，ነጥብ是点）" if lang == "zh" else "(Ethiopic numerals, ነጥብ = dot)"
    return " ነጥብ ".join(octets), note


def ip_mixed_indic_octets(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    scripts = rng.sample(t.INDIC, 4)
    octets = [t.script_digits(o, s) for o, s in zip(h.host.split("."), scripts, strict=True)]
    names = (
        "、".join(t.SCRIPT_ZH[s] for s in scripts)
        if lang == "zh"
        else ", ".join(t.SCRIPT_EN[s] for s in scripts)
    )
    note = f"（四段数字依次是{names}）" if lang == "zh" else f"(the four numbers are in {names})"
    return "。".join(octets) if lang == "zh" else ".".join(octets), note


def ip_said(language: str) -> Inline:
    def make(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
        en, zh = t.DIGIT_LANG_NOTE[language]
        return " dot ".join(t.said_digits(o, language) for o in h.host.split(".")), (
            zh if lang == "zh" else en
        )

    return make


# ---- layouts ----------------------------------------------------------------------------------


def _line(tpl: str, v: str) -> str:
    return tpl.format(v=v)


def yi_bio_lines(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    bullet = rng.choice(("✨", "🌸", "💎", "▪️"))
    name = letters(
        h.name, lambda c: t.YI[c], lambda c: t.mixed_digit(c, rng.choice(t.MIXED_SYSTEMS))
    )
    cut = max(1, len(name) // 2)
    lines = [
        _line(tpl, "👇"),
        f"{bullet}{name[:cut]}",
        f"{bullet}{name[cut:]}",
        f"{bullet}{'点' if lang == 'zh' else 'dot'}",
        f"{bullet}{h.tld}",
    ]
    if has_digit(h):
        lines.append(_mixed_note(lang))
    return "\n".join(lines), _line(tpl, h.host)


def cherokee_nick_pinned(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    script = rng.choice(t.INDIC)
    name = letters(h.name, lambda c: t.CHEROKEE_STYLE[c], lambda c: t.script_digits(c, script))
    note = _script_note(script, lang) if has_digit(h) else ""
    if lang == "zh":
        text = f"昵称：{name}\n{_line(tpl, '网址就是我的昵称')}\n"
        text += f"📌置顶评论：昵称后面加 .{h.tld} 就能打开" + note
    else:
        text = f"name: {name}\n{_line(tpl, 'my display name')}\n"
        text += f"📌 pinned: add .{h.tld} after my name" + (" " + note if note else "")
    return text, _line(tpl, h.host)


def username_same_yi_capital(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    name = style_name(h.name, t.YI)
    if lang == "zh":
        bio = _line(tpl, "网址=用户名+点+国家后缀")
        text = f"用户名：{name}\n简介：{bio} {t.capital_tld(h.tld, 'zh')}"
    else:
        bio = _line(tpl, "same as my username, dot, then the country ending")
        text = f"username: {name}\nbio: {bio} {t.capital_tld(h.tld, 'en')}"
    return text, _line(tpl, h.host)


def nick_pinned_katakana_meaning(
    rng: random.Random, h: Host, lang: str, tpl: str
) -> tuple[str, str]:
    name = style_name(h.name, t.KATAKANA_STYLE)
    text = (f"【昵称】{name}\n{_line(tpl, '看昵称')}\n"
            f"【置顶】昵称 + 点 + {t.TLD_MEANING_ZH[h.tld]}")  # fmt: skip
    return text, _line(tpl, h.host)


def live_title_greekish(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    name = t.mixed_digits(style_name(h.name, t.GREEKISH), rng)
    head = "🔴直播中｜今晚百家乐带打｜" if lang == "zh" else "🔴LIVE | baccarat all night | "
    text = f"{head}{name} {'点' if lang == 'zh' else 'dot'} {h.tld}"
    if has_digit(h):
        text += " " + _mixed_note(lang)
    return text, f"{head}{h.host}"


def listing_salad_flag(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    code = rng.randint(1000, 9999)
    if lang == "zh":
        head = f"【商品】会员充值卡 编号 #{code}\n【说明】拍下后去 "
        tail = f"\n（后缀看国旗 {t.FLAGS[h.tld]}）"
    else:
        head = f"ITEM: premium card #{code}\nDETAILS: after payment go to "
        tail = f"\n(the ending is the country of {t.FLAGS[h.tld]})"
    return f"{head}{t.salad(h.name, rng)} + {t.FLAGS[h.tld]}{tail}", f"{head}{h.host}"


def map_place_cherokee_capital(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    name = style_name(h.name, t.CHEROKEE_STYLE)
    if lang == "zh":
        head = "养生会所（24小时）｜预约 "
        text = f"{head}{name} 点 ｜{t.capital_tld(h.tld, 'zh')}"
    else:
        head = "VIP Spa & Massage 24h | book at "
        text = f"{head}{name} dot | {t.capital_tld(h.tld, 'en')}"
    return text, f"{head}{h.host}"


def chat_voice_indonesian(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    said = t.said_digits(h.name, "indonesian")
    en, zh = t.DIGIT_LANG_NOTE["indonesian"]
    if lang == "zh":
        text = f"A：网址多少？\nB：[语音转文字] {said} titik {h.tld}\nB：{zh}\nA：好的"
        key = f"A：网址多少？\nB：{h.host}\nA：好的"
    else:
        text = (
            f"A: what's the site?\nB: [voice message, transcribed] {said} titik {h.tld}"
            f"\nB: {en}\nA: ok"
        )
        key = f"A: what's the site?\nB: {h.host}\nA: ok"
    return text, key


def dingbat_neg_bio_lines(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    name = letters(h.name, lambda c: c, lambda c: t.DINGBAT_NEG[int(c)])
    lines = [_line(tpl, "⬇️"), *[f"{c}" for c in name], "点" if lang == "zh" else "dot", h.tld]
    return "\n".join(lines), _line(tpl, h.host)


def three_surfaces(rng: random.Random, h: Host, lang: str, tpl: str) -> tuple[str, str]:
    cut = max(2, len(h.name) // 2)
    head, tail = h.name[:cut], h.name[cut:]
    a = style_name(head, t.YI)
    b = t.superscript_noise(tail, rng) if tail else ""
    cc = h.tld in t.CAPITALS and h.tld != "uk"
    if lang == "zh":
        ending = t.capital_tld(h.tld, "zh") if cc else "，后缀 " + h.tld
        text = f"用户名：{a}\n简介：{b}（上标小字母不算）\n评论区置顶：前面两段连起来{ending}"
    else:
        ending = " " + t.capital_tld(h.tld, "en") if cc else ", ending ." + h.tld
        text = f"username: {a}\nbio: {b} (skip the tiny raised letters)"
        text += f"\npinned comment: join the two{ending}"
    text += f"\n{_line(tpl, '👆')}"
    return text, _line(tpl, h.host)


def link_families() -> dict[str, Builder]:
    I, B = inline_family, block_family  # noqa: E741
    return {
        "l_yi_capital_city_tld": I(("yi_style", "tld_by_capital"), yi_capital, CC),
        "l_yi_mixed_numerals_rare_dot_word": I(
            ("yi_style", "mixed_numerals", "dot_word_15_languages"),
            yi_mixed_digits_dot_word,
            has_digit,
        ),
        "l_cherokee_style_tld_meaning_zh": I(
            ("cherokee_style", "tld_as_chinese_meaning"), cherokee_meaning, MEANING, ("zh",)
        ),
        "l_katakana_style_tld_sound_zh": I(
            ("katakana_style", "tld_as_chinese_sound"), katakana_sound, SOUND, ("zh",)
        ),
        "l_katakana_style_dingbat_digits": I(
            ("katakana_style", "dingbat_digits", "ideographic_stop"), katakana_dingbat, has_digit
        ),
        "l_greekish_top_emoji": I(
            ("greekish_style", "tld_emoji_top"), greekish_top, tld_in({"top"})
        ),
        "l_greekish_capital_city_en": I(
            ("greekish_style", "tld_by_capital"), greekish_capital_en, CC, ("en",)
        ),
        "l_salad_four_scripts_ethiopic_digits": I(
            ("lookalike_salad", "ethiopic_digits"), salad_ethiopic, digit_no_zero
        ),
        "l_salad_indic_digits_indic_dot_com": I(
            ("lookalike_salad", "indic_digits", "dot_com_in_indic_script"),
            salad_bengali_dot_com,
            tld_in({"com"}),
        ),
        "l_bracket_underline_flag_plus": I(
            ("bracket_underline_style", "flag_tld", "plus_join"), bracket_flag, CC
        ),
        "l_decoy_letters_dot_below": I(
            ("decoys_marked_dot_below", "named_noise"), decoy_dot_below_zh_dot
        ),
        "l_decoy_dot_below_capital_city": I(
            ("decoys_marked_dot_below", "tld_by_capital"), decoy_dot_below_capital, CC
        ),
        "l_lowercase_noise_bold_capitals": I(
            ("lowercase_noise", "math_bold_capitals"), lowercase_noise_bold
        ),
        "l_lowercase_noise_tld_sound_zh": I(
            ("lowercase_noise", "tld_as_chinese_sound"), lowercase_noise_sound, SOUND, ("zh",)
        ),
        "l_superscript_noise_indic_digits": I(
            ("superscript_letter_noise", "indic_digits"), superscript_noise_indic, has_digit
        ),
        "l_superscript_noise_greekish": I(
            ("superscript_letter_noise", "greekish_style"), superscript_noise_greekish
        ),
        "l_zwj_emoji_noise_yi": I(("zwj_emoji_noise", "yi_style"), emoji_noise_yi),
        "l_zwj_emoji_noise_mixed_numerals": I(
            ("zwj_emoji_noise", "mixed_numerals", "spelled_dot"), emoji_noise_mixed, has_digit
        ),
        "l_said_hindi_digits": I(
            ("digits_said_hindi", "spelled_dot"), said("hindi"), spoken("hindi")
        ),
        "l_said_indonesian_titik_capital": I(
            ("digits_said_indonesian", "tld_by_capital"),
            said_capital("indonesian", "titik"),
            both(spoken("indonesian"), CC),
        ),
        "l_said_turkish_nokta": I(
            ("digits_said_turkish", "dot_word"), said("turkish", "nokta"), spoken("turkish")
        ),
        "l_said_tagalog_tuldok": I(
            ("digits_said_tagalog", "dot_word"), said("tagalog", "tuldok"), spoken("tagalog")
        ),
        "l_said_swahili_nukta": I(
            ("digits_said_swahili", "dot_word_swahili"), said("swahili", "nukta"), spoken("swahili")
        ),
        "l_indic_digits_indic_dot_com": I(
            ("indic_digits", "dot_com_in_indic_script"),
            indic_dot_com,
            both(has_digit, tld_in({"com"})),
        ),
        "l_rare_dot_word_salad": I(("dot_word_15_languages", "lookalike_salad"), dot_word_salad),
        "l_rare_dot_word_cherokee_style": I(
            ("dot_word_15_languages", "cherokee_style", "bracketed_dot"), dot_word_cherokee
        ),
        "l_paren_digits_katakana_tld_sound": I(
            ("parenthesized_digits", "katakana_style", "tld_as_chinese_sound"),
            paren_digits_katakana_sound,
            both(digit_no_zero, SOUND),
            ("zh",),
        ),
        "l_wavy_joiner_capital_city": I(("wavy_joiner", "tld_by_capital"), wavy_capital, CC),
        "l_underline_marks_tld_meaning": I(
            ("combining_underline_each", "tld_as_chinese_meaning"),
            seagull_meaning,
            MEANING,
            ("zh",),
        ),
        "l_top_emoji_lowercase_noise": I(
            ("tld_emoji_top", "lowercase_noise"), top_emoji_noise, tld_in({"top"})
        ),
        "l_online_emoji_yi": I(
            ("tld_emoji_online", "yi_style"), online_emoji_yi, tld_in({"online"})
        ),
        "l_german_spelling_alphabet": I(("german_spelling_alphabet", "dot_word"), german_spelling),
        "l_mixed_numerals_styled_capital_zh": I(
            ("mixed_numerals", "yi_or_cherokee_style", "tld_by_capital"),
            mixed_digits_capital_zh,
            both(has_digit, CC),
            ("zh",),
        ),
        "l_greekish_mixed_numerals_flag": I(
            ("greekish_style", "mixed_numerals", "flag_tld"),
            greekish_flag_mixed,
            both(has_digit, CC),
        ),
        "l_tld_country_endonym_salad": I(
            ("tld_by_country_endonym", "lookalike_salad"), endonym_salad, tld_in(t.ENDONYMS)
        ),
        "l_emoji_letters_mixed_numerals_capital": I(
            ("emoji_letters", "mixed_numerals", "tld_by_capital"),
            emoji_letters_mixed_capital,
            both(has_digit, CC),
        ),
        "l_ip_ethiopic_numerals_amharic_dot": ip_family(
            ("ip", "ethiopic_numerals_additive", "dot_word_amharic"), ip_ethiopic_amharic
        ),
        "l_ip_four_indic_scripts": ip_family(
            ("ip", "indic_digits_per_octet"), ip_mixed_indic_octets
        ),
        "l_ip_said_hindi": ip_family(("ip", "digits_said_hindi"), ip_said("hindi")),
        "l_bio_lines_yi_mixed_numerals": B(
            ("bio_lines", "yi_style", "mixed_numerals"), yi_bio_lines, has_digit
        ),
        "l_nick_pinned_cherokee_indic_digits": B(
            ("nickname_and_pinned_comment", "cherokee_style", "indic_digits"),
            cherokee_nick_pinned,
            surfaces=("display_name", "comment", "bio"),
        ),
        "l_username_same_yi_capital_city": B(
            ("same_as_username", "yi_style", "tld_by_capital"),
            username_same_yi_capital,
            CC,
            surfaces=("bio", "username"),
        ),
        "l_nick_pinned_katakana_meaning": B(
            ("nickname_and_pinned_comment", "katakana_style", "tld_as_chinese_meaning"),
            nick_pinned_katakana_meaning,
            MEANING,
            ("zh",),
            ("display_name", "comment"),
        ),
        "l_live_title_greekish_mixed_numerals": B(
            ("live_title", "greekish_style", "mixed_numerals"),
            live_title_greekish,
            has_digit,
            surfaces=("livestream",),
        ),
        "l_listing_salad_flag": B(
            ("listing", "lookalike_salad", "flag_tld"),
            listing_salad_flag,
            CC,
            surfaces=("listing",),
        ),
        "l_map_place_cherokee_capital_city": B(
            ("map_place", "cherokee_style", "tld_by_capital"),
            map_place_cherokee_capital,
            CC,
            surfaces=("map_place",),
        ),
        "l_chat_voice_indonesian_digits": B(
            ("chat_voice_transcript", "digits_said_indonesian", "dot_word"),
            chat_voice_indonesian,
            spoken("indonesian"),
            surfaces=("chat",),
        ),
        "l_bio_column_dingbat_negative": B(
            ("one_char_a_line", "dingbat_negative_digits"), dingbat_neg_bio_lines, has_digit
        ),
        "l_three_surfaces_yi_superscript": B(
            ("username_bio_pinned_split", "yi_style", "superscript_letter_noise"),
            three_surfaces,
            surfaces=("bio", "username", "comment"),
        ),
    }
