"""Red team 11's link families: a real listed host (or malware IP) under two or three tricks.

Each family is a ``make(rng, host, lang) -> (value, note)``: the disguised link and, where a
reader needs one, the note that names the key (``（高棉数字）``, ``replace every ▲ with a dot``).
:func:`family` puts it in the listed site's own wording on a surface, or, for a ``block`` family
(a profile card, a chat log, a table), under a first line of that wording. The ``key`` is the
same wording with the host written plainly.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench import redteam11_tricks as t
from bench.redteam7 import Builder, Case, Host, Pools
from bench.redteam11_text import link_template

Make = Callable[[random.Random, Host, str], tuple[str, str]]
Accept = Callable[[Host], bool]
ALL = ("bio", "post", "comment", "chat", "livestream", "listing", "map_place", "display_name")
SHORT = ("username", "display_name", "bio", "post", "comment", "chat", "livestream")
BLOCK = ("bio", "post", "comment", "chat", "listing")


def family(
    tricks: tuple[str, ...],
    make: Make,
    *,
    accept: Accept | None = None,
    surfaces: tuple[str, ...] = ALL,
    langs: tuple[str, ...] = ("zh", "en"),
    ip: bool = False,
    block: bool = False,
    bare: bool = False,
    others: tuple[str, ...] = (),
) -> Builder:
    """``bare``: the disguise is the whole message (a parcel notice, a live title); its key is
    the plain link alone."""

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        h = pools.ip(rng) if ip else pools.host(rng, accept)
        lang = langs[i % len(langs)]
        surface = rng.choice(surfaces)
        value, note = make(rng, h, lang)
        plain = f"http://{h.host}/" if ip else h.host
        if bare or (surface == "username" and not block):
            text, key = value + (f" {note}" if note else ""), plain
        else:
            tpl = link_template(rng, lang, h.category)
            key = tpl.format(v=plain)
            if block:
                text = tpl.format(v="👇" if lang == "zh" else "below 👇") + "\n" + value
                text += f"\n{note}" if note else ""
            else:
                text = tpl.format(v=value) + (f" {note}" if note else "")
        return Case(
            id="",
            family="",
            group="",
            kind="ip" if ip else "host",
            surface=surface,
            lang=lang,
            text=text,
            expected=(h.host,),
            others=others,
            harmful=True,
            source=h.source,
            key=key,
            tricks=tricks,
        )

    return build


def _digits(h: Host) -> bool:
    return t.has_digit(h.name)


def _cards(h: Host) -> bool:
    return t.card_safe(h.name)


def _stop(h: Host) -> bool:
    return h.name[-1].isdigit()


def _country(h: Host) -> bool:
    return h.tld in t.COUNTRIES


def _digits_country(h: Host) -> bool:
    return _digits(h) and _country(h)


def _short(h: Host) -> bool:
    return len(h.name) <= 9


def _zh_dot(rng: random.Random) -> tuple[str, str]:
    word = rng.choice(t.ZH_DOTS)
    return word, t.ZH_DOT_NOTES[word]


def _country_word(h: Host, lang: str) -> str:
    zh, en = t.COUNTRIES[h.tld]
    return zh if lang == "zh" else en


# ---- letters -------------------------------------------------------------------------------


def thai_halfwidth(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    hint = "（花体字）" if lang == "zh" else "(fancy font)"
    return f"{t.thai_fancy(h.name)} {word} {h.tld}", f"{hint}{note}"


def thai_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    if lang == "zh":
        return f"{t.thai_fancy(h.name)} 点 {_country_word(h, lang)}", "（花体字，后缀是国家的那个）"
    return (
        f"{t.thai_fancy(h.name)} dot {_country_word(h, lang)}",
        "(fancy font; the country's ending)",
    )


def squiggle_symbol(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    sym = rng.choice(t.REPLACE_SYMBOLS)
    note = f"（把{sym}换成.）" if lang == "zh" else f"(replace the {sym} with a dot)"
    return f"{t.squiggle(h.name)}{sym}{t.squiggle(h.tld)}", note


def squiggle_cards(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = t.cards(t.squiggle(h.name), rng)
    return (
        f"{name}。{h.tld}",
        "（数字是扑克牌，A=1）" if lang == "zh" else "(digits are the cards, ace = 1)",
    )


def zh_letter_names(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    return f"{t.zh_letter_names(h.name)} {word} {h.tld}", f"（英文字母按中文念法写的）{note}"


def zh_letter_names_cards(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return (
        f"{t.cards(t.zh_letter_names(h.name), rng)} 点 {h.tld}",
        "（字母是中文念法，数字是扑克牌，A是1）",
    )


def emoji_legend_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    masked, key = t.legend(h.name, rng, t.EMOJI_POOL)
    if lang == "zh":
        return f"{masked} 点 {_country_word(h, lang)}", f"（{key}，后缀是国家）"
    return f"{masked} dot {_country_word(h, lang)}", f"({key}; the ending is the country's)"


def kaomoji_legend(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    masked, key = t.legend(h.name, rng, t.KAOMOJI_POOL, n=1)
    word, note = _zh_dot(rng)
    if lang == "zh":
        return f"{masked} {word} {h.tld}", f"（颜文字 {key}）{note}"
    return f"{masked} {word} {h.tld}", f"(kaomoji {key}; {word} = .)"


# ---- digits --------------------------------------------------------------------------------


def stop_digit_financial(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return t.name_with_stop_digit(h.name, h.tld, "financial"), ""


def stop_digit_squiggle_tld(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return t.name_with_stop_digit(h.name, t.squiggle(h.tld)), ""


def cards_black_dot(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    hint = "（数字看扑克牌）" if lang == "zh" else "(numbers = the cards)"
    return f"{t.cards(h.name, rng)} {word} {h.tld}", f"{hint}{note}"


def circled_triangle(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    sym = rng.choice(("▲", "◆", "♨"))
    note = f"(replace every {sym} with a dot)" if lang == "en" else f"（{sym}=点）"
    return f"{t.double_circled(h.name)}{sym}{h.tld}", note


def script_digits_dot_word(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(("khmer", "tibetan"))
    _, zh, en = t.SCRIPT_DIGITS[script]
    word, note = _zh_dot(rng)
    hint = f"（{zh}）" if lang == "zh" else f"({en})"
    return f"{t.script_digits(h.name, script)} {word} {h.tld}", hint + note


def script_digits_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(("mongolian", "lao"))
    _, zh, en = t.SCRIPT_DIGITS[script]
    if lang == "zh":
        return (
            f"{t.script_digits(h.name, script)} 点 {_country_word(h, lang)}",
            f"（{zh}，后缀是国家）",
        )
    return (
        f"{t.script_digits(h.name, script)} dot {_country_word(h, lang)}",
        f"({en}, country ending)",
    )


def corner_quoted_stop(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = t.double_circled(t.squiggle(h.name))
    return f"{name}「。」{h.tld}", "（「。」就是 .）" if lang == "zh" else "(「。」 is the dot)"


def pinyin_initial_dot(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return f"{t.double_circled(h.name)} d {h.tld}", "（d=点的拼音首字母）"


# ---- layouts and containers ----------------------------------------------------------------


def profile_three_fields(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    a, b = t.split_at(h.name, rng)
    word, note = _zh_dot(rng)
    if lang == "zh":
        return f"用户名：{a}\n昵称：{b}\n简介：官网 = 用户名 + 昵称 + {word} + {h.tld}", note
    return (
        f"username: {a}\ndisplay name: {b}\nbio: site = my username + display name, "
        f"then {word} (a dot), then {h.tld}",
        "",
    )


def profile_squiggle_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    a, b = t.split_at(h.name, rng)
    c = _country_word(h, lang)
    if lang == "zh":
        return (
            f"用户名：{t.squiggle(a)}\n昵称：{t.squiggle(b)}\n简介：两段连起来，点 {c}（国家后缀）",
            "",
        )
    return (
        f"username: {t.squiggle(a)}\ndisplay name: {t.squiggle(b)}\n"
        f"bio: join the two, dot {c} (the country ending)",
        "",
    )


def _stamps(rng: random.Random, n: int) -> list[str]:
    hh, mm = rng.randint(8, 22), rng.randint(0, 50)
    out = []
    for k in range(n):
        m = mm + k // 2
        out.append(f"{hh:02d}:{m:02d}")
    return out


def chat_recalled(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    a, b = t.split_at(h.name, rng)
    who = rng.choice(("小雨", "客服小美", "阿杰", "Lily"))
    s = _stamps(rng, 6)
    word, note = _zh_dot(rng)
    if lang == "zh":
        lines = [
            f"[{s[0]}] {who}: {a}",
            f"[{s[1]}] {who} 撤回了一条消息",
            f"[{s[2]}] {who}: 刚才打错了",
            f"[{s[3]}] {who}: {b}",
            f"[{s[4]}] {who}: {word}",
            f"[{s[5]}] {who}: {h.tld}",
        ]
        return "\n".join(lines), f"（连起来就是官网）{note}"
    lines = [
        f"[{s[0]}] {who}: {a}",
        f"[{s[1]}] {who} unsent a message",
        f"[{s[2]}] {who}: typo sorry",
        f"[{s[3]}] {who}: {b}",
        f"[{s[4]}] {who}: {word} (= .)",
        f"[{s[5]}] {who}: {h.tld}",
    ]
    return "\n".join(lines), "(put my lines together)"


def chat_two_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    who = rng.choice(("客服", "Mia", "老王"))
    s = _stamps(rng, 2)
    c = _country_word(h, lang)
    if lang == "zh":
        return f"{who} {s[0]}\n网站名 {t.financial(h.name)}\n{who} {s[1]}\n后缀是{c}的", ""
    return (
        f"{who} {s[0]}\nsite name {t.financial(h.name)}\n{who} {s[1]}\nending is {c}'s",
        "(数字是大写)",
    )


def quote_reply(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    who = rng.choice(("客服", "群主", "Anna"))
    if lang == "zh":
        return (
            f"「{who}：{t.squiggle(h.name)}」\n- - - - - - - - - - - - - - -\n后面加 {word}{h.tld}",
            note,
        )
    return (
        f"「{who}: {t.squiggle(h.name)}」\n- - - - - - - - - - - - - - -\nadd {word} (.) {h.tld}",
        "",
    )


def csv_rows(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    if lang == "zh":
        return (
            f"站名,后缀\n{t.financial(h.name)},{h.tld}",
            "（网址 = 站名 + 点 + 后缀，数字是大写）",
        )
    return f"name,ending\n{t.financial(h.name)},{h.tld}", "(site = name + dot + ending; 数字是大写)"


def key_value(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return (
        f"[client]\nsite_name = {t.double_circled(h.name)}\nsite_tld = {h.tld}\n"
        "site = ${site_name}.${site_tld}",
        "",
    )


def html_table(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    a, b = t.split_at(h.name, rng)
    dot = rng.choice(("&#12290;", "小黑点", "英文句号"))
    return f"<table><tr><td>{a}</td><td>{b}</td><td>{dot}</td><td>{h.tld}</td></tr></table>", ""


def markdown_table(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    if lang == "zh":
        return (
            f"| 名字 | 点 | 后缀 |\n|---|---|---|\n| {t.thai_fancy(h.name)} | ● | {h.tld} |",
            "（横着拼，名字是花体）",
        )
    return (
        f"| name | dot | ending |\n|---|---|---|\n| {t.thai_fancy(h.name)} | ● | {h.tld} |",
        "(read across; fancy font)",
    )


def bbcode_decoy(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    return f"[url=https://www.baidu.com]{t.squiggle(h.name)} {word} {h.tld}[/url]", note


def _rand_token(rng: random.Random, n: int) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    return "".join(rng.choice(alphabet) for _ in range(n))


def redirect_google(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return (
        f"https://www.google.com/url?q=https%3A%2F%2F{h.name}%E3%80%82{h.tld}%2F&sa=D"
        f"&usg=AOvVaw{_rand_token(rng, 12)}",
        "",
    )


def redirect_facebook(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    return (
        f"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.{t.financial(h.name)}%EF%BC%8E{h.tld}"
        f"%2F&h=AT{_rand_token(rng, 10)}",
        "（数字是大写）" if lang == "zh" else "(digits in 大写)",
    )


def apk_filename(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    ver = f"v{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}"
    if lang == "zh":
        return f"安装包：{t.financial(h.name)}点{h.tld}_{ver}.apk", "（文件名前半就是官网）"
    return (
        f"installer: {t.financial(h.name)}(dot){h.tld}_setup_{ver}.apk",
        "(the file name is the site)",
    )


def email_signature(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    brand = h.name.rstrip("0123456789").capitalize() or "Support"
    tel = f"+1 (415) 555-{rng.randint(1000, 9999)}"
    return f"--\n{brand} Support Team\nWeb: {h.name} ▪ {h.tld}\nTel: {tel}", ""


def tracking_sms(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    num = "SF" + "".join(str(rng.randint(0, 9)) for _ in range(13))
    a, b = t.split_at(h.name, rng)
    word, note = _zh_dot(rng)
    if lang == "zh":
        return (
            f"【顺丰速运】您的快件 {num} 因地址不详派送失败，请在24小时内访问 {a} {b} {word} {h.tld} "  # noqa: E501
            "更新地址，逾期退回。",
            note,
        )
    return (
        f"Parcel {num} could not be delivered. Update your address within 24h at {a} {b} "
        f"{word} {h.tld} (that word is a dot)",
        "",
    )


def app_listing(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    brand = (h.name.rstrip("0123456789") or h.name).capitalize()
    rate = f"4.{rng.randint(1, 9)}"
    size = f"{rng.randint(20, 90)}.{rng.randint(0, 9)}MB"
    if lang == "zh":
        return (
            f"应用名称：{brand}\n评分：{rate} ★★★★★\n大小：{size}\n官网：{t.squiggle(h.name)}★{h.tld}",  # noqa: E501
            "（官网里的★换成点）",
        )
    return (
        f"App: {brand}\nRating: {rate} ★★★★★\nSize: {size}\nWebsite: {t.squiggle(h.name)}★{h.tld}",
        "(in the website, the ★ is a dot)",
    )


def search_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    c = _country_word(h, lang)
    if lang == "zh":
        return f"百度搜「{t.financial(h.name)}」（数字换成阿拉伯数字），认准 点 {c} 结尾的那个", ""
    return f'google "{h.name}" and pick the one ending dot {c}', ""


def search_cards(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    if lang == "zh":
        return f"搜「{t.cards(h.name, rng)}」（扑克牌是数字，A=1），后缀选 .{h.tld}", ""
    return f'search "{t.cards(h.name, rng)}" (the cards are digits, ace = 1), the .{h.tld} one', ""


def reversed_thai(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    body = f"{t.thai_fancy(t.reverse(h.tld))} {word} {t.thai_fancy(t.reverse(h.name))}"
    if lang == "zh":
        return body, f"（整串倒着念，字母是花体）{note}"
    return body, f"(read it backwards, fancy letters; {word} = .)"


def reversed_cards(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    body = t.cards(t.reverse(h.host), rng)
    if lang == "zh":
        return body, "（倒过来读，扑克牌是数字）"
    return body, "(read it backwards; the cards are digits)"


LIVE_WORDS = {
    "zh": {
        "gambling": "百家乐带玩",
        "porn": "深夜福利秀",
        "scam": "带单稳赚",
        "phishing": "补贴领取教程",
        "malware": "外挂教学",
    },
    "en": {
        "gambling": "live roulette wins",
        "porn": "uncensored cam show",
        "scam": "free crypto giveaway",
        "phishing": "claim your refund",
        "malware": "free mod menu",
    },
}


def live_cards_country(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    c = _country_word(h, lang)
    word = LIVE_WORDS[lang][h.category]
    if lang == "zh":
        return f"🔴直播中 | {word} | {t.cards(h.name, rng)} 点 {c}", "（牌面是数字）"
    return f"🔴LIVE | {word} | {t.cards(h.name, rng)} dot {c}", "(card faces are digits)"


def map_place_stop_digit(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    name = t.name_with_stop_digit(h.name, h.tld, rng.choice(("", "financial")))
    shop = "体验店（24小时）" if lang == "zh" else "Lounge (open 24h)"
    return f"{name} {shop}", ""


def listing_code(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    sym = rng.choice(("-", "~", "_"))
    code = f"{t.financial(h.name)}{sym}{h.tld}"
    if lang == "zh":
        return f"商品编号：{code}", f"（编号里的{sym}换成.就是店铺官网，数字是大写）"
    return f"item code: {code}", f"(swap the {sym} for a dot to get the shop's site; 数字是大写)"


# ---- IPs ----------------------------------------------------------------------------------


def ip_stop_digits(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    octets = h.host.split(".")
    body = "".join(o[:-1] + t.fullstop_digit(o[-1]) for o in octets[:3]) + octets[3]
    return f"hxxp://{body}/dl", ""


def ip_script_dot_word(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    script = rng.choice(("khmer", "mongolian"))
    _, zh, en = t.SCRIPT_DIGITS[script]
    word, note = _zh_dot(rng)
    body = f" {word} ".join(t.script_digits(o, script) for o in h.host.split("."))
    hint = f"（{zh}）" if lang == "zh" else f"({en}; {word} = .)"
    return f"http:// {body}", hint + note


def ip_csv_octets(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    row = ",".join(h.host.split("."))
    if lang == "zh":
        return f"a,b,c,d\n{row}", "（四段用点连起来，前面加 http://）"
    return f"a,b,c,d\n{row}", "(join the four with dots, http:// in front)"


def ip_circled_dot(rng: random.Random, h: Host, lang: str) -> tuple[str, str]:
    word, note = _zh_dot(rng)
    body = f" {word} ".join(t.double_circled(o) for o in h.host.split("."))
    return f"http:// {body} /x", note


def link_families() -> dict[str, Builder]:
    return {
        "l_thai_fancy_halfwidth_stop": family(("thai_fancy", "zh_dot_word"), thai_halfwidth),
        "l_thai_fancy_country_name": family(
            ("thai_fancy", "country_name_tld"), thai_country, accept=_country
        ),
        "l_squiggle_symbol_replace": family(("squiggle", "replace_symbol"), squiggle_symbol),
        "l_squiggle_card_digits": family(
            ("squiggle", "card_digits", "ideographic_stop"), squiggle_cards, accept=_cards
        ),
        "l_stop_digit_financial": family(
            ("fullstop_digit_dot", "financial_numerals"),
            stop_digit_financial,
            accept=_stop,
            surfaces=SHORT,
        ),
        "l_stop_digit_squiggle_tld": family(
            ("fullstop_digit_dot", "squiggle_tld"),
            stop_digit_squiggle_tld,
            accept=_stop,
            surfaces=SHORT,
        ),
        "l_card_digits_zh_dot_word": family(
            ("card_digits", "zh_dot_word"), cards_black_dot, accept=_cards
        ),
        "l_double_circled_symbol": family(
            ("double_circled_digits", "replace_symbol"), circled_triangle, accept=_digits
        ),
        "l_script_digits_zh_dot_word": family(
            ("khmer_tibetan_digits", "zh_dot_word"), script_digits_dot_word, accept=_digits
        ),
        "l_script_digits_country_name": family(
            ("mongolian_lao_digits", "country_name_tld"),
            script_digits_country,
            accept=lambda h: _digits(h) and _country(h),
        ),
        "l_corner_quoted_stop_circled": family(
            ("squiggle", "double_circled_digits", "corner_quoted_stop"),
            corner_quoted_stop,
            accept=_digits,
        ),
        "l_zh_letter_names": family(
            ("zh_letter_names", "zh_dot_word"), zh_letter_names, accept=_short, langs=("zh",)
        ),
        "l_zh_letter_names_cards": family(
            ("zh_letter_names", "card_digits"),
            zh_letter_names_cards,
            accept=lambda h: _short(h) and _cards(h),
            langs=("zh",),
        ),
        "l_emoji_legend_country_name": family(
            ("emoji_legend", "country_name_tld"), emoji_legend_country, accept=_country
        ),
        "l_kaomoji_legend_zh_dot_word": family(("kaomoji_legend", "zh_dot_word"), kaomoji_legend),
        "l_pinyin_initial_dot_circled": family(
            ("pinyin_initial_dot", "double_circled_digits"),
            pinyin_initial_dot,
            accept=_digits,
            langs=("zh",),
        ),
        "l_profile_three_fields": family(
            ("profile_fields", "zh_dot_word"), profile_three_fields, surfaces=("bio",), block=True
        ),
        "l_profile_squiggle_country": family(
            ("profile_fields", "squiggle", "country_name_tld"),
            profile_squiggle_country,
            accept=_country,
            surfaces=("bio",),
            block=True,
        ),
        "l_chat_recalled_message": family(
            ("chat_log", "recalled_message", "zh_dot_word"),
            chat_recalled,
            surfaces=("chat",),
            block=True,
        ),
        "l_chat_two_lines_country": family(
            ("chat_log", "financial_numerals", "country_name_tld"),
            chat_two_country,
            accept=_digits_country,
            surfaces=("chat", "comment"),
            block=True,
        ),
        "l_quote_reply_squiggle": family(
            ("wechat_quote", "squiggle", "zh_dot_word"),
            quote_reply,
            surfaces=("chat", "comment"),
            block=True,
        ),
        "l_csv_rows_financial": family(
            ("csv_rows", "financial_numerals"), csv_rows, surfaces=BLOCK, block=True, accept=_digits
        ),
        "l_key_value_circled": family(
            ("key_value_config", "double_circled_digits"),
            key_value,
            surfaces=BLOCK,
            block=True,
            accept=_digits,
        ),
        "l_html_table_cells": family(
            ("html_table", "zh_dot_word"), html_table, surfaces=BLOCK, block=True
        ),
        "l_markdown_table_thai": family(
            ("markdown_table_columns", "thai_fancy"), markdown_table, surfaces=BLOCK, block=True
        ),
        "l_bbcode_decoy_squiggle": family(
            ("bbcode_decoy", "squiggle", "zh_dot_word"), bbcode_decoy, others=("baidu.com",)
        ),
        "l_redirect_google_ideographic_stop": family(
            ("redirector_query", "percent_ideographic_stop"),
            redirect_google,
            others=("google.com",),
        ),
        "l_redirect_facebook_fullwidth_stop": family(
            ("redirector_query", "percent_fullwidth_stop", "financial_numerals"),
            redirect_facebook,
            others=("facebook.com",),
            accept=_digits,
        ),
        "l_apk_filename_financial": family(
            ("file_name", "financial_numerals", "dot_word"), apk_filename, accept=_digits
        ),
        "l_email_signature_square_dot": family(
            ("email_signature", "square_dot"), email_signature, surfaces=BLOCK, block=True
        ),
        "l_tracking_sms_zh_dot_word": family(
            ("tracking_notice", "split_name", "zh_dot_word"),
            tracking_sms,
            surfaces=("chat", "post", "comment"),
            bare=True,
        ),
        "l_app_listing_star_dot": family(
            ("app_listing", "squiggle", "replace_symbol"),
            app_listing,
            surfaces=("listing", "post"),
            block=True,
        ),
        "l_search_brand_country_name": family(
            ("search_for", "financial_numerals", "country_name_tld"),
            search_country,
            accept=_digits_country,
        ),
        "l_search_brand_cards": family(("search_for", "card_digits"), search_cards, accept=_cards),
        "l_reversed_thai_zh_dot_word": family(
            ("reversed_hint", "thai_fancy", "zh_dot_word"), reversed_thai
        ),
        "l_reversed_card_digits": family(
            ("reversed_hint", "card_digits"), reversed_cards, accept=_cards
        ),
        "l_live_title_cards_country": family(
            ("live_title", "card_digits", "country_name_tld"),
            live_cards_country,
            accept=lambda h: _cards(h) and _country(h),
            surfaces=("livestream",),
            bare=True,
        ),
        "l_map_place_stop_digit": family(
            ("map_place", "fullstop_digit_dot", "financial_numerals"),
            map_place_stop_digit,
            accept=_stop,
            surfaces=("map_place",),
        ),
        "l_listing_code_symbol": family(
            ("product_code", "replace_symbol", "financial_numerals"),
            listing_code,
            surfaces=("listing",),
            accept=_digits,
        ),
        "l_ip_stop_digits": family(
            ("ip", "fullstop_digit_dot", "defanged_scheme"), ip_stop_digits, ip=True
        ),
        "l_ip_script_digits_dot_word": family(
            ("ip", "khmer_mongolian_digits", "zh_dot_word"), ip_script_dot_word, ip=True
        ),
        "l_ip_csv_octets": family(
            ("ip", "csv_rows"), ip_csv_octets, ip=True, surfaces=BLOCK, block=True
        ),
        "l_ip_double_circled_dot_word": family(
            ("ip", "double_circled_digits", "zh_dot_word"), ip_circled_dot, ip=True
        ),
    }
