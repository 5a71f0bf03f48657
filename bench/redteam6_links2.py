"""Red team 6, link families (part 2): profile, listing, map and stream fields, mixed direction,
decoys, IPs, and two or three tricks composed."""

from __future__ import annotations

import random
from urllib.parse import quote

from bench.redteam6 import Draft, Family, Pools
from bench.redteam6_links import (
    BALLS,
    DIAN_HOMOPHONES_NEW,
    LINK_FAMILIES_1,
    RARE_DOTS,
    TLD_CYR,
)
from bench.redteam6_text import (
    FIN_DIGITS,
    ZH_DIGITS,
    fullwidth,
    has_digits,
    keycaps,
    lang_of,
    link,
    spaced,
    wrap,
)

NATO = {
    "a": "alfa", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
    "g": "golf", "h": "hotel", "i": "india", "j": "juliett", "k": "kilo", "l": "lima",
    "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
    "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "xray",
    "y": "yankee", "z": "zulu",
}  # fmt: skip
BIDI = ("\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c")
MODIFIER = dict(zip("abdegiklmnoprstuvwz", "ᵃᵇᵈᵉᵍⁱᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷᶻ", strict=True))
MOD_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))


def profile_name_plus_bio(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    lang = lang_of(rng)
    if lang == "zh":
        text = rng.choice(
            (
                "用户名：{n}\n简介：官网=用户名+.{t}",
                "昵称：{n}｜签名：昵称后面加点{t}就是官网",
                "名字：{n}\n个人简介：网址就是我的名字，后缀{t}",
            )
        )
    else:
        text = rng.choice(
            (
                "username: {n}\nbio: my site is my username dot {t}",
                "name: {n}\nabout: add .{t} to my name for the link",
                "display name: {n}\nbio: (name) + .{t} = where the videos are",
            )
        )
    return link(text.format(n=h.name, t=h.tld), h, lang, surface="bio")


def listing_fields_split(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    text = rng.choice(
        (
            "商品标题：爆款T恤 夏季新款\n颜色分类：{n}\n尺码：.{t}\n备注：网址=颜色+尺码",
            "宝贝名称：手机壳\n型号：{n}\n规格：{t}\n详情：型号点规格，进去领券",
            "Title: phone case\nColour: {n}\nSize: {t}\nNote: colour dot size = our new shop",
        )
    )
    lang = "en" if text.startswith("Title") else "zh"
    return link(text.format(n=h.name, t=h.tld), h, lang, surface="listing")


def livestream_title(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    name = fullwidth(h.name) if rng.random() < 0.5 else spaced(h.name)
    dot = rng.choice(("点", "⚫", "．", "丶"))
    title = rng.choice(("【直播中】{x} 今晚开奖", "🔴LIVE {x} 进来领红包", "{x}｜主播带你赢"))
    return link(title.format(x=f"{name}{dot}{h.tld}"), h, "zh", surface="livestream")


def map_place_name(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    dot = rng.choice(("【点】", " ‧ ", "點", "（.）"))
    place = rng.choice(
        ("{x}娱乐城(旗舰店)", "{x} 24H营业厅", "{x}体验馆·朝阳路88号", "{X} Club & Lounge")
    )
    x = f"{h.name}{dot}{h.tld}"
    return link(place.format(x=x, X=x.upper()), h, "zh", surface="map_place")


def username_glued_dot_word(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    form = rng.choice(("{n}dot{t}", "{n}_dot_{t}", "{n}點{t}", "{N}DOT{T}", "{n}Dot{T}"))
    text = form.format(n=h.name, t=h.tld, N=h.name.upper(), T=h.tld.upper())
    return link(text, h, "en", surface="username")


def bidi_marks_in_host(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    cut = rng.randrange(1, len(h.name))
    a, b = rng.choice(BIDI), rng.choice(BIDI)
    host = f"{h.name[:cut]}{a}{h.name[cut:]}{b}.{h.tld}"
    text = rng.choice(
        ("زوروا موقعنا {x} الآن واحصل على المكافأة", "היכנסו ל-{x} עכשיו", "{x} ← الرابط الجديد")
    )
    return link(text.format(x=host), h, "ar")


def www_as_3w(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    form = rng.choice(("3W点{n}点{t}", "三W.{n}.{t}", "3w。{n}。{t}", "ｗｗｗ点{n}点{t}"))
    return link(wrap(rng, form.format(n=h.name, t=h.tld), "zh"), h, "zh")


def markdown_link_decoy(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    decoy = rng.choice(p.clean_hosts)
    form = rng.choice(
        ("[{d}](https://{h}/)", "[官方 {d}](http://www.{h}/login)", "[{d}](<https://{h}>)")
    )
    return link("click " + form.format(d=decoy, h=h.host) + " to verify", h, "en", others=(decoy,))


def html_anchor_decoy(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    decoy = rng.choice(p.clean_hosts)
    form = rng.choice(
        (
            '<a href="https://{h}/">www.{d}</a>',
            "<a href='http://{h}/?r=1' title='{d}'>{d}</a>",
            '<a class="btn" href="//{h}">https://{d}/</a>',
        )
    )
    return link("Your account: " + form.format(h=h.host, d=decoy), h, "en", others=(decoy,))


def redirector_params(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    target = quote(f"https://{h.host}/", safe="")
    form, outer = rng.choice(
        (
            ("https://l.facebook.com/l.php?u={t}&h=AT0x", "facebook.com"),
            ("https://www.youtube.com/redirect?event=video&q={t}", "youtube.com"),
            ("https://vk.com/away.php?to={t}", "vk.com"),
            ("https://www.google.com/url?sa=t&url={t}&usg=AOv", "google.com"),
            ("https://link.zhihu.com/?target={t}", "zhihu.com"),
        )
    )
    return link(f"see {form.format(t=target)}", h, "en", others=(outer,))


def fancy_at_email(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    at = rng.choice(("＠", "﹫", " ⓐ ", "(a)", "[a]", "🅐"))
    dot = rng.choice(("․", " 点 ", "。", "⚫"))
    user = rng.choice(("kefu", "support", "vip", "service"))
    return link(f"客服邮箱 {user}{at}{h.name}{dot}{h.tld}", h, "zh")


def ip_financial_numerals(rng: random.Random, p: Pools) -> Draft:
    ip = rng.choice(p.ips)
    dot = rng.choice(("点", "點", "。"))
    text = dot.join(_financial(o) for o in ip.split("."))
    return Draft(f"备用线路 {text} 直接访问", (ip,), kind="ip", lang="zh", source=f"ip:{ip}")


def _financial(octet: str) -> str:
    return "".join(FIN_DIGITS[int(c)] for c in octet)


def ip_ball_dots(rng: random.Random, p: Pools) -> Draft:
    ip = rng.choice(p.ips)
    b = rng.choice(BALLS)
    text = b.join(ip.split(".")) if rng.random() < 0.5 else f" {b} ".join(ip.split("."))
    return Draft(f"server: http://{text}/ login", (ip,), kind="ip", source=f"ip:{ip}")


def fullwidth_spaced_homophone(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    dot = rng.choice((*DIAN_HOMOPHONES_NEW, "典", "碘"))
    x = f"{spaced(fullwidth(h.name))} {dot} {spaced(fullwidth(h.tld))}"
    return link(wrap(rng, x, "zh"), h, "zh")


def swapped_labels_hint(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    lang = lang_of(rng)
    if lang == "zh":
        x = f"{h.tld}.{h.name}（前后两段调换一下）"
    else:
        x = f"{h.tld} . {h.name} (swap the two halves around the dot)"
    return link(wrap(rng, x, lang), h, lang)


def nato_with_chinese_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.name.isalpha() and len(h.name) <= 10)
    name = " ".join(NATO[c] for c in h.name)
    return link(f"首字母拼：{name} 点 {h.tld}", h, "zh")


def keycap_digits_homophone(rng: random.Random, p: Pools) -> Draft:
    h = p.host(has_digits)
    x = f"{keycaps(h.name)}{rng.choice(('典', '店', '颠', '掂'))}{h.tld}"
    return link(wrap(rng, x, "zh"), h, "zh")


def modifier_letters_rare_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: all(c in MODIFIER or c in MOD_DIGITS for c in h.name + h.tld))
    conv = {**MODIFIER, **MOD_DIGITS}
    x = "".join(conv[c] for c in h.name) + rng.choice(RARE_DOTS) + "".join(conv[c] for c in h.tld)
    lang = lang_of(rng)
    return link(wrap(rng, x, lang), h, lang)


def colloquial_numerals(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: any(c in "23" for c in h.name))
    table = {"2": "俩", "3": "仨"}
    name = "".join(table.get(c, ZH_DIGITS[int(c)]) if c.isdigit() else c for c in h.name)
    return link(wrap(rng, f"{name}点{h.tld}", "zh"), h, "zh")


def emoji_between_letters_ball_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    e = rng.choice(("🍀", "💎", "🌸", "🎰", "🔥"))
    x = f"{e.join(h.name)} {rng.choice(BALLS)} {e.join(h.tld)}"
    lang = lang_of(rng)
    return link(wrap(rng, x, lang), h, lang)


def spaced_pinyin_tone_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    x = f"{spaced(h.name)} {rng.choice(('diǎn', 'diăn', 'DIǍN', 'dian3'))} {spaced(h.tld)}"
    return link(wrap(rng, x, "zh"), h, "zh")


def fullwidth_cyrillic_tld_trad_dot(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in TLD_CYR)
    x = f"{fullwidth(h.name)}點{rng.choice(TLD_CYR[h.tld])}"
    return link(wrap(rng, x, "zh"), h, "zh")


def financial_spaced_fullwidth(rng: random.Random, p: Pools) -> Draft:
    h = p.host(has_digits)
    name = "".join(FIN_DIGITS[int(c)] if c.isdigit() else fullwidth(c) for c in h.name)
    x = f"{spaced(name)} 點 {spaced(fullwidth(h.tld))}"
    return link(wrap(rng, x, "zh"), h, "zh")


def display_name_tld_in_bio(rng: random.Random, p: Pools) -> Draft:
    h = p.host()
    text = rng.choice(
        (
            "{n}\n——\n主页后缀 {t}，中间加点",
            "{n} 🔞\nbio: ending is {t} (put a dot before it)",
        )
    )
    return link(text.format(n=h.name, t=h.tld), h, "zh", surface="display_name")


LINK_FAMILIES_2: dict[str, Family] = {
    "l_profile_name_plus_bio": profile_name_plus_bio,
    "l_listing_fields_split": listing_fields_split,
    "l_livestream_title": livestream_title,
    "l_map_place_name": map_place_name,
    "l_username_glued_dot_word": username_glued_dot_word,
    "l_bidi_marks_in_host": bidi_marks_in_host,
    "l_www_as_3w": www_as_3w,
    "l_markdown_link_decoy": markdown_link_decoy,
    "l_html_anchor_decoy": html_anchor_decoy,
    "l_redirector_params": redirector_params,
    "l_fancy_at_email": fancy_at_email,
    "l_ip_financial_numerals": ip_financial_numerals,
    "l_ip_ball_dots": ip_ball_dots,
    "l_fullwidth_spaced_homophone": fullwidth_spaced_homophone,
    "l_swapped_labels_hint": swapped_labels_hint,
    "l_nato_with_chinese_dot": nato_with_chinese_dot,
    "l_keycap_digits_homophone": keycap_digits_homophone,
    "l_modifier_letters_rare_dot": modifier_letters_rare_dot,
    "l_colloquial_numerals": colloquial_numerals,
    "l_emoji_between_letters_ball_dot": emoji_between_letters_ball_dot,
    "l_spaced_pinyin_tone_dot": spaced_pinyin_tone_dot,
    "l_fullwidth_cyrillic_tld_trad_dot": fullwidth_cyrillic_tld_trad_dot,
    "l_financial_spaced_fullwidth": financial_spaced_fullwidth,
    "l_display_name_tld_in_bio": display_name_tld_in_bio,
}


LINK_FAMILIES: dict[str, Family] = {**LINK_FAMILIES_1, **LINK_FAMILIES_2}
