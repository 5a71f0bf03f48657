"""Link families of red team 4: each composes two or three tricks a reader undoes without guessing.

A family is ``(rng, pools, index, name) -> Case``; its host is a real listed one (see
``bench.redteam4.load_pools``) and the case's ``tricks`` say what was done to it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.redteam4 import TEXT_SURFACES, Case, Pools, body, wrap

NAME_SURFACES = ("display_name", "map_place")

FW = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
CN_DIGITS = "零一二三四五六七八九"
EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            "alfa",
            "bravo",
            "charlie",
            "delta",
            "echo",
            "foxtrot",
            "golf",
            "hotel",
            "india",
            "juliett",
            "kilo",
            "lima",
            "mike",
            "november",
            "oscar",
            "papa",
            "quebec",
            "romeo",
            "sierra",
            "tango",
            "uniform",
            "victor",
            "whiskey",
            "xray",
            "yankee",
            "zulu",
        ],
        strict=True,
    )
)


def fullwidth(s: str) -> str:
    return "".join(FW.get(c, c) for c in s)


def split(host: str) -> tuple[str, str]:
    name, _, tld = host.partition(".")
    return name, tld


def pick(
    rng: random.Random, pools: Pools, lang: str, pred: Callable[[str], bool] | None = None
) -> str:
    """A listed host for a message in ``lang`` that satisfies ``pred`` (seeded tries)."""
    groups = (
        [pools.zh_gamble, pools.zh_gamble, pools.porn]
        if lang == "zh"
        else [pools.en_gamble, pools.porn, pools.scam, pools.phishing]
    )
    for _ in range(4000):
        host = rng.choice(rng.choice(groups))
        if pred is None or pred(host):
            return host
    raise ValueError(f"no host in the {lang} pools satisfies the family's condition")


def has_digit(h: str) -> bool:
    return any(c.isdigit() for c in split(h)[0])


def make_case(
    rng: random.Random,
    pools: Pools,
    i: int,
    family: str,
    host: str,
    link: str,
    tricks: tuple[str, ...],
    lang: str,
    surfaces: tuple[str, ...] | None = None,
    **extra: object,
) -> Case:
    """A link case; a name field (username, display name, map place) holds the link alone, a
    username only when the link has no blank in it."""
    if surfaces is None:
        compact = not any(ch.isspace() for ch in link)
        surfaces = TEXT_SURFACES + NAME_SURFACES + (("username",) if compact else ())
    surface = rng.choice(surfaces)
    category = pools.category(host) or "malware"
    if surface == "username":
        text = link
    elif surface in NAME_SURFACES:
        text = wrap(lang, surface, link)
    else:
        text = wrap(lang, surface, body(rng, lang, category, link))
    return Case(
        id=f"{family}-{i:03d}",
        family=family,
        kind="link",
        surface=surface,
        lang=lang,
        text=text,
        expect=host,
        tricks=tricks,
        category=category,
        **extra,  # type: ignore[arg-type]
    )


def lang_of(rng: random.Random) -> str:
    return rng.choice(("zh", "en"))


# ------------------------------------------------------------------ dots, invisibles, glyphs

RARE_DOTS = (
    "\ua4f8",
    "\u2024",
    "\u2027",
    "\u2e33",
    "\u02d9",
    "\u0387",
    "\u2219",
    "\u2981",
    "\u25cf",
    "\u22c5",
    "\u06f0",
    "\u0970",
    "\U00010101",
)


def rare_dot_glyphs(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    dot = rng.choice(RARE_DOTS)
    tricks = ["rare_dot"]
    second = rng.choice(("fullwidth", "zwsp", "upper_tld", "glued_cjk"))
    if second == "fullwidth":
        name = fullwidth(name)
    elif second == "zwsp":
        k = rng.randrange(1, len(name))
        name = name[:k] + "\u200b" + name[k:]
    elif second == "upper_tld":
        tld = tld.upper()
    tricks.append(second)
    link = f"{name}{dot}{tld}"
    if second == "glued_cjk":
        lang = "zh"
        link = f"网址{link}进入"
    return make_case(rng, pools, i, fam, host, link, tuple(tricks), lang)


INVISIBLES = (
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\u180e",
    "\u034f",
    "\u061c",
    "\u17b4",
    "\u17b5",
    "\u206a",
    "\u206b",
    "\u206c",
    "\u206d",
    "\u206e",
    "\u206f",
    "\U0001d173",
    "\U0001d175",
    "\U0001d179",
    "\U000e0001",
    "\U000e0041",
    "\U000e0062",
    "\U000e002e",
    "\U000e0020",
    "\ufeff",
    "\u2066",
    "\u2069",
)


def tag_and_rare_invisibles(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    chars = list(name)
    for _ in range(rng.randint(2, 4)):
        k = rng.randrange(1, len(chars))
        chars.insert(k, rng.choice(INVISIBLES))
    dot = rng.choice((".", " 点 " if lang == "zh" else " dot ", "。", "．"))
    tail = tld[:1] + rng.choice(INVISIBLES) + tld[1:] if rng.random() < 0.5 else tld
    link = "".join(chars) + dot + tail
    tricks = ("rare_invisibles", "spelled_dot" if dot != "." else "real_dot")
    return make_case(rng, pools, i, fam, host, link, tricks, lang)


def paren_char(c: str) -> str:
    if "a" <= c <= "z":
        return chr(0x249C + ord(c) - 97)
    if "1" <= c <= "9":
        return chr(0x2474 + int(c) - 1)
    return "⓪" if c == "0" else c


def parenthesized_alnum(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    dot = rng.choice((".", "．", "点" if lang == "zh" else " dot "))
    tld_s = "".join(map(paren_char, tld)) if rng.random() < 0.5 else tld
    link = "".join(map(paren_char, name)) + dot + tld_s
    return make_case(rng, pools, i, fam, host, link, ("parenthesized", "dot_variant"), lang)


COLONS = ("\u2236", "\uff1a", "\ua789", "\u02d0")
SLASHES = ("\u2044", "\u2215", "\u29f8", "\uff0f", "\u2571", "\u27cb")


def scheme_lookalike_punct(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    colon, sl = rng.choice(COLONS), rng.choice(SLASHES)
    dot = rng.choice((".", ".", "\uff0e", "。"))
    path = rng.choice(("register?code=8899", "vip", "login", "app/download", "?ref=520"))
    scheme = rng.choice(("https", "http", "HTTPS"))
    link = f"{scheme}{colon}{sl}{sl}{name}{dot}{tld}{sl}{path}"
    return make_case(rng, pools, i, fam, host, link, ("colon_lookalike", "slash_lookalike"), lang)


DECOYS = (
    "google.com",
    "paypal.com",
    "apple.com",
    "microsoft.com",
    "amazon.com",
    "taobao.com",
    "jd.com",
    "facebook.com",
    "icloud.com",
    "alipay.com",
)


def userinfo_decoy(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    decoy = rng.choice(DECOYS)
    form = rng.randrange(4)
    if form == 0:
        link, t = f"https://{decoy}@{host}/login", "plain"
    elif form == 1:
        link, t = f"hxxps://{decoy}@{name}[.]{tld}/verify", "defang"
    elif form == 2:
        link, t = f"https://{decoy}:443@{host}/", "password"
    else:
        link, t = f"https://www.{decoy}@{name}．{tld}/account", "fullwidth_dot"
    return make_case(rng, pools, i, fam, host, link, ("userinfo_decoy", t), lang, decoys=(decoy,))


def markdown_href_decoy(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    decoy = rng.choice(DECOYS)
    label = "点这里领取" if lang == "zh" else "click here"
    forms = (
        (f"[{decoy}](https://{host}/r)", "markdown"),
        (f"[{label}](hxxps://{name}[.]{tld})", "markdown_defang"),
        (f'<a href="//{host}">{decoy}</a>', "protocol_relative"),
        (f'<a href="hxxps://{name}[.]{tld}" title="{decoy}">{decoy}</a>', "html_defang"),
        (f"[{decoy}][1]\n\n[1]: https://{host}", "markdown_reference"),
    )
    link, t = rng.choice(forms)
    return make_case(rng, pools, i, fam, host, link, ("href_decoy", t), lang, decoys=(decoy,))


def spoken_scheme_punct(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    if lang == "zh":
        sch = rng.choice(("https", "h t t p s", "http"))
        colon = rng.choice(("冒号", "：", "加冒号"))
        slashes = rng.choice(("斜杠斜杠", "双斜杠", "两个斜杠", "//"))
        link = f"{sch} {colon} {slashes} {name} 点 {tld} 斜杠 reg"
    else:
        sch = rng.choice(("https", "h-t-t-p-s", "http"))
        slashes = rng.choice(("slash slash", "forward slash forward slash", "double slash"))
        link = f"{sch} colon {slashes} {name} dot {tld} slash join"
    return make_case(rng, pools, i, fam, host, link, ("spoken_colon", "spoken_slash"), lang)


def www_as_3w(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = "zh" if rng.random() < 0.75 else "en"
    host = pick(rng, pools, lang)
    name, tld = split(host)
    pre = rng.choice(("3w.", "3W点", "三W点", "www点", "ＷＷＷ．", "ⓦⓦⓦ.", "w w w 。"))
    dot = rng.choice(("点", "。", "．", " . "))
    link = f"{pre}{name}{dot}{tld}"
    return make_case(
        rng,
        pools,
        i,
        fam,
        host,
        link,
        ("www_variant", "dot_variant"),
        lang,
        accept_subdomain=True,
    )


def separated_by_host_chars(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    sep = rng.choice(("-", "_", "~", "/", "^", "="))
    dot = rng.choice((f"{sep}.{sep}", " . ", "点" if lang == "zh" else " dot "))
    link = sep.join(name) + dot + sep.join(tld)
    return make_case(rng, pools, i, fam, host, link, ("separated_letters", "sep_" + sep), lang)


BRACKETS = ("【{}】", "[{}]", "({})", "〔{}〕", "「{}」", "《{}》", "{{{}}}", "〈{}〉")


def letters_each_bracketed(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    br = rng.choice(BRACKETS)
    dot = rng.choice((".", "点" if lang == "zh" else "dot"))
    link = "".join(br.format(c) for c in name) + br.format(dot) + "".join(br.format(c) for c in tld)
    return make_case(rng, pools, i, fam, host, link, ("bracket_each", "dot_variant"), lang)


def camel_dot_glued(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    word = rng.choice(("Dot", "DoT", "D0t", "Dott"))
    tld_s = tld.capitalize()
    tricks = ["camel_case", "glued_dot_word"]
    if "o" in tld_s and rng.random() < 0.4:
        tld_s = tld_s.replace("o", "0")
        tricks.append("leet_tld")
    link = f"{name.capitalize()}{word}{tld_s}"
    if rng.random() < 0.4:
        link += rng.choice(("Now", "VIP", "Official"))
        tricks.append("glued_after")
    return make_case(rng, pools, i, fam, host, link, tuple(tricks), lang)


ACCENT = {
    "a": "áàâäãå",
    "e": "éèêë",
    "i": "íìîï",
    "o": "óòôöõ",
    "u": "úùûü",
    "c": "ç",
    "n": "ñ",
}


def diacritic_name_and_tld(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: any(c in ACCENT for c in split(h)[1]))
    name, tld = split(host)

    def accent(s: str, n: int) -> str:
        idx = [k for k, c in enumerate(s) if c in ACCENT]
        chosen = set(rng.sample(idx, min(n, len(idx))))
        return "".join(rng.choice(ACCENT[c]) if k in chosen else c for k, c in enumerate(s))

    dot = rng.choice((".", ".", "点" if lang == "zh" else " dot "))
    link = accent(name, 2) + dot + accent(tld, 1)
    return make_case(rng, pools, i, fam, host, link, ("diacritics", "accented_tld"), lang)


FLIP = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz0123456789.-",
        "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz0ƖᄅƐㄣϛ9ㄥ86˙-",
        strict=True,
    )
)


def upside_down_with_hint(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    flipped = "".join(FLIP[c] for c in reversed(host))
    hint = rng.choice(
        ("（手机倒过来看）", "（倒着看👆）", "（把屏幕转180度）")
        if lang == "zh"
        else ("(flip your phone)", "(read it upside down)", "(turn your screen around)")
    )
    return make_case(rng, pools, i, fam, host, f"{flipped} {hint}", ("upside_down", "hint"), lang)


def email_spoken_at(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = "zh" if rng.random() < 0.7 else "en"
    host = pick(rng, pools, lang)
    name, tld = split(host)
    local = rng.choice(("kefu", "service", "vip", "support", "admin", "cs", "help"))
    if lang == "zh":
        at = rng.choice(("艾特", "小老鼠", "@符号", "at符号", "（at）", "＠"))
        dot = rng.choice(("点", "。", "．", "(点)"))
        link = f"邮箱 {local} {at} {name}{dot}{tld}"
    else:
        link = f"email {fullwidth(local)}＠{fullwidth(name)}．{fullwidth(tld)}"
        at = "fullwidth"
    return make_case(rng, pools, i, fam, host, link, ("email", "spoken_at:" + at), lang)


def ip_spelled(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    ip = rng.choice(pools.ips)
    dot = rng.choice(("点", "。", "[.]", " . ", "．", "丶"))
    digits = (
        rng.choice(("ascii", "fullwidth", "cn"))
        if lang == "zh"
        else rng.choice(("ascii", "fullwidth"))
    )

    def d(s: str) -> str:
        if digits == "fullwidth":
            return fullwidth(s)
        if digits == "cn":
            return "".join(CN_DIGITS[int(c)] for c in s)
        return s

    link = dot.join(d(p) for p in ip.split("."))
    tricks = ["ip", "dot:" + dot.strip(), "digits:" + digits]
    if rng.random() < 0.5:
        link = f"http://{link}" + rng.choice((":8080/", "：8888／a", "/setup.exe"))
        tricks.append("scheme_port")
    surface = rng.choice(TEXT_SURFACES)
    text = wrap(lang, surface, body(rng, lang, "malware", link))
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="link",
        surface=surface,
        lang=lang,
        text=text,
        expect=ip,
        tricks=tuple(tricks),
        category="malware",
    )


def port_path_fullwidth(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    dot = rng.choice(("点", "。", "．"))
    port = rng.choice(("8888", "8443", "9999", "6688"))
    path = rng.choice(("reg？code＝8899", "vip", "m／index", "app"))
    n = fullwidth(name) if rng.random() < 0.3 else name
    link = f"{n}{dot}{tld}：{port}／{path}"
    return make_case(rng, pools, i, fam, host, link, ("fullwidth_port", "fullwidth_path"), lang)


def quoted_reply_lines(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: len(split(h)[0]) >= 4)
    name, tld = split(host)
    k = rng.randrange(2, len(name) - 1)
    pieces = [name[:k], name[k:], "." + tld]
    pre = rng.choice(("> ", "》", "｜", "• ", "- ", "→ "))
    hint = "网址分行写了，连起来：" if lang == "zh" else "link (join the lines):"
    link = hint + "\n" + "\n".join(pre + p for p in pieces) + "\n"
    return make_case(
        rng,
        pools,
        i,
        fam,
        host,
        link,
        ("line_pieces", "quote_prefix", "hint"),
        lang,
        surfaces=("post", "chat", "comment", "bio"),
    )


HTML_GAPS = ("<!-- -->", "<!---->", "<wbr>", "<wbr/>", "&shy;", "<span></span>", "&#8203;")


def html_comments_wbr(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    chars = list(name)
    for _ in range(rng.randint(1, 2)):
        chars.insert(rng.randrange(1, len(chars)), rng.choice(HTML_GAPS))
    dot = rng.choice((".", "&#x2E;", "&#46;", "<wbr>."))
    link = "".join(chars) + dot + tld
    return make_case(rng, pools, i, fam, host, link, ("html_gap", "entity_dot"), lang)


def enclosed_letter(rng: random.Random, c: str) -> str:
    k = ord(c) - 97
    return rng.choice((chr(0x1F170 + k), chr(0x1F130 + k), chr(0x24B6 + k), chr(0x24D0 + k)))


def keycap_enclosed_mix(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, has_digit)
    name, tld = split(host)

    def enc(s: str) -> str:
        return "".join(c + "\ufe0f\u20e3" if c.isdigit() else enclosed_letter(rng, c) for c in s)

    dot = rng.choice(("⏺", "•", "🔸", "⚫", "🔘"))
    link = enc(name) + dot + enc(tld)
    return make_case(rng, pools, i, fam, host, link, ("keycap", "enclosed", "emoji_dot"), lang)


def repeat_count_digits(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    import re

    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: re.search(r"(\d)\1{1,3}", split(h)[0]) is not None)
    name, tld = split(host)
    m = re.search(r"(\d)\1{1,3}", name)
    assert m
    n, dg = len(m.group(0)), m.group(1)
    if lang == "zh":
        said = f"{'两三四五'[n - 2]}个{dg}"
        link = f"{name[: m.start()]}{said}{name[m.end() :]} 点 {tld}"
    else:
        said = f"{('double', 'triple', 'four times')[n - 2]} {EN_DIGITS[int(dg)]}"
        head, tail = name[: m.start()], name[m.end() :]
        link = " ".join(p for p in (head, said, tail) if p) + f" dot {tld} (no spaces)"
    return make_case(rng, pools, i, fam, host, link, ("repeat_count", "spelled_dot"), lang)


O_LOOKS = ("○", "◯", "◎", "口", "⚪", "ⓞ", "〇", "０")


def tld_o_lookalike(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: "o" in split(h)[1])
    name, tld = split(host)
    o = rng.choice(O_LOOKS)
    dot = rng.choice((".", "点", "。"))
    tricks = ["o_lookalike_tld", "dot_variant"]
    if "o" in name and rng.random() < 0.3:
        name = name.replace("o", o)
        tricks.append("o_lookalike_name")
    link = f"{name}{dot}{tld.replace('o', o)}"
    return make_case(rng, pools, i, fam, host, link, tuple(tricks), lang)


def nato_spelling(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: len(split(h)[0]) <= 9)
    name, tld = split(host)

    def spell(s: str) -> str:
        words = [
            (EN_DIGITS[int(c)] if rng.random() < 0.5 else c) if c.isdigit() else NATO[c] for c in s
        ]
        return rng.choice((" ", "-")).join(w.capitalize() for w in words)

    tld_s = spell(tld) if rng.random() < 0.5 else tld
    intro = "网址按字母念：" if lang == "zh" else "spell it out: "
    link = f"{intro}{spell(name)} dot {tld_s}"
    return make_case(rng, pools, i, fam, host, link, ("nato", "spelled_dot"), lang)


def labelled_fields(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    n = fullwidth(name) if rng.random() < 0.3 else name
    if lang == "zh":
        link = rng.choice(
            (
                f"\n网站：{n}\n后缀：{tld}\n",
                f"\n域名前缀 {n}｜域名后缀 .{tld}\n",
                f"\n名字：{n}\n结尾：点{tld}\n",
            )
        )
    else:
        link = rng.choice(
            (f"\nSite name: {n}\nEnding: .{tld}\n", f"\nname: {n} / domain ending: {tld}\n")
        )
    return make_case(
        rng,
        pools,
        i,
        fam,
        host,
        link,
        ("labelled_fields", "line_break"),
        lang,
        surfaces=("listing", "bio", "post", "chat"),
    )


def three_part_instruction(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: len(split(h)[0]) >= 4)
    name, tld = split(host)
    k = rng.randrange(2, len(name) - 1)
    a, b = name[:k], name[k:]
    if lang == "zh":
        link = rng.choice(
            (
                f"先输入{a}，再输入{b}，最后加点{tld}",
                f"第一段{a} 第二段{b} 第三段.{tld}",
                f"{a} + {b} + 点{tld} 连起来",
            )
        )
    else:
        link = rng.choice(
            (
                f"type {a}, then {b}, then .{tld}",
                f"{a} + {b} + dot {tld}, no spaces",
                f"first {a} then {b} and finally .{tld}",
            )
        )
    return make_case(rng, pools, i, fam, host, link, ("three_parts", "instruction"), lang)


DOT_WORDS = ("d0t", "dawt", "D0T", "dOt", "(d0t)", "[d0t]", "<d0t>", "_dot_", "~dot~", "d.o.t")


def dot_word_variants(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    word = rng.choice(DOT_WORDS)
    tld_s = rng.choice((tld, tld.upper(), " ".join(tld)))
    link = f"{name} {word} {tld_s}"
    return make_case(rng, pools, i, fam, host, link, ("dot_word_variant", "tld_form"), lang)


DEFANG_DOTS = ("[.]", "(.)", "{.}", " . ", "[dot]", "(dot)", "[[.]]", "[(.)]", "( . )")


def phish_multilabel_defang(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    host = rng.choice(pools.multi_label)
    parts = host.split(".")
    out = parts[0]
    for p in parts[1:]:
        out += rng.choice(DEFANG_DOTS) + p
    scheme = rng.choice(("hxxps://", "hXXp://", "https[:]//", "hxxps[://]", ""))
    path = rng.choice(("", "[/]login", "/verify/account", "[/]secure"))
    link = f"{scheme}{out}{path}"
    return make_case(
        rng, pools, i, fam, host, link, ("mixed_defang", "multi_label", "defanged_scheme"), "en"
    )


EMOJI = ("🔥", "💋", "👉", "🎰", "💰", "🌸", "⭐", "❤️", "👨‍👩‍👧", "👍🏻", "🎲", "💎", "🍑", "✨")


def mixed_emoji_between_letters(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: len(h) <= 14)
    link = "".join(
        c + (rng.choice(EMOJI) if k < len(host) - 1 and c != "." and host[k + 1] != "." else "")
        for k, c in enumerate(host)
    )
    return make_case(rng, pools, i, fam, host, link, ("emoji_between", "mixed_emoji"), lang)


def username_dotcom(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    forms = [f"{name}_dot_{tld}", f"www_{name}_{tld}", f"{name}点{tld}_客服"]
    if tld == "com":
        forms += [f"{name}dotcom", f"{name.capitalize()}DotCom"]
    link = rng.choice(forms)
    return make_case(
        rng,
        pools,
        i,
        fam,
        host,
        link,
        ("username_form", "no_dot"),
        lang,
        surfaces=("username", "display_name"),
    )


def among_numbers(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    dot = rng.choice(("点", "。", " . ") if lang == "zh" else (" . ", " dot ", "(.)"))
    t = tld.upper() if rng.random() < 0.4 else tld
    link = f"{name}{dot}{t}"
    if lang == "zh":
        text = rng.choice(
            (
                f"今晚8点开奖｜官网{link}｜充100送38.8｜v2.0新版",
                f"3.5折福利 {link} 10:30准时开抢 9.9元包邮",
            )
        )
    else:
        text = rng.choice(
            (
                f"Tonight 8.30pm | {link} | deposit $10.50 get 200% | v2.1",
                f"ver 3.2.1 out!! {link} 9.5/10 rating, 2.5x payout",
            )
        )
    surface = rng.choice(("post", "listing", "livestream", "comment"))
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="link",
        surface=surface,
        lang=lang,
        text=wrap(lang, surface, text),
        expect=host,
        tricks=("numbers_around", "spelled_dot", "upper_tld"),
        category=pools.category(host),
    )


CIRCLED = {c: chr(0x24D0 + ord(c) - 97) for c in "abcdefghijklmnopqrstuvwxyz"}


def circled_place_and_live(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = "zh"
    host = pick(rng, pools, lang, lambda h: not has_digit(h))
    name, tld = split(host)

    def circ(s: str) -> str:
        return "".join(CIRCLED.get(c, c) for c in s)

    link = f"{circ(name)} ⓓⓞⓣ {circ(tld)}"
    return make_case(
        rng,
        pools,
        i,
        fam,
        host,
        link,
        ("circled", "circled_dot_word"),
        lang,
        surfaces=("map_place", "livestream", "display_name"),
    )


CYR = {
    "a": "а",
    "c": "с",
    "e": "е",
    "i": "і",
    "j": "ј",
    "o": "о",
    "p": "р",
    "s": "ѕ",
    "x": "х",
    "y": "у",
    "h": "һ",
    "d": "ԁ",
    "l": "ӏ",
    "q": "ԛ",
    "w": "ԝ",
    "k": "κ",
    "v": "ν",
    "u": "υ",
}


def whole_name_lookalikes(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: all(c in CYR or c.isdigit() for c in split(h)[0]))
    name, tld = split(host)
    look = "".join(CYR.get(c, c) for c in name)
    tld_s = "".join(CYR.get(c, c) for c in tld) if rng.random() < 0.5 else tld
    dot = "。" if rng.random() < 0.3 else "."
    link = f"{look}{dot}{tld_s}"
    return make_case(rng, pools, i, fam, host, link, ("whole_name_cyrillic", "tld_mixed"), lang)


SPACES = ("\u3000", "\u00a0", "\u2009", "\u202f", "\u205f", "\u2007", "\u2002", "\u2003", "\u200a")


def exotic_spaces_spread(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: len(h) <= 14)
    name, tld = split(host)
    sp = rng.choice(SPACES)
    dot = rng.choice(("．", "。", "点" if lang == "zh" else "."))
    mixed = rng.random() < 0.5

    def s() -> str:
        return rng.choice(SPACES) if mixed else sp

    link = "".join(c + s() for c in name) + dot + s() + s().join(tld)
    return make_case(rng, pools, i, fam, host, link, ("exotic_spaces", "dot_variant"), lang)


def nested_defang(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang)
    name, tld = split(host)
    dot = rng.choice(
        ("[[.]]", "[(.)]", "([.])", "[ . ]", "( . )", "[ dot ]", "(DOT)", "{{.}}", "<<.>>")
    )
    scheme = rng.choice(("hXXps[:]//", "hxxp[:]//", "h**ps://", "hxxps[://]", "hxxps:[/][/]", ""))
    path = rng.choice(("", "[/]login", "[/]reg"))
    link = f"{scheme}{name}{dot}{tld}{path}"
    return make_case(rng, pools, i, fam, host, link, ("nested_defang", "defanged_scheme"), lang)


def weibo_hashtag(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = "zh"
    host = pick(rng, pools, lang)
    name, tld = split(host)
    n = fullwidth(name) if rng.random() < 0.3 else name
    form = rng.choice(
        (
            f"#{n}点{tld}#",
            f"#{n}。{tld}#",
            f"#{n.capitalize()}Dot{tld.capitalize()}",
            f"#今晚开奖# #{n}点{tld}#",
        )
    )
    return make_case(rng, pools, i, fam, host, form, ("hashtag", "spelled_dot"), lang)


FILLERS = (
    ("♥", "去掉爱心", "skip the hearts"),
    ("~", "把~去掉", "remove all the ~"),
    ("★", "删掉所有星星", "ignore the stars"),
    ("x", "去掉x", "minus the x's"),
)
FOREIGN = ("(quita los {f})", "(enlève les {f})", "(entferne die {f})", "(bỏ dấu {f})")


def filler_with_instruction(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = lang_of(rng)
    host = pick(rng, pools, lang, lambda h: "x" not in h)
    name, tld = split(host)
    f, zh_hint, en_hint = rng.choice(FILLERS)
    chars = list(name)
    for _ in range(rng.randint(2, 3)):
        chars.insert(rng.randrange(1, len(chars)), f)
    dot = rng.choice((".", "点" if lang == "zh" else " dot "))
    if lang == "zh":
        hint, t = f"（{zh_hint}）", "zh_instruction"
    elif rng.random() < 0.5:
        hint, t = f"({en_hint})", "en_instruction"
    else:
        hint, t = rng.choice(FOREIGN).format(f=f), "foreign_instruction"
    link = "".join(chars) + dot + tld + " " + hint
    return make_case(rng, pools, i, fam, host, link, ("filler", t), lang)


LINK_FAMILIES = {
    "l_rare_dot_glyphs": rare_dot_glyphs,
    "l_tag_and_rare_invisibles": tag_and_rare_invisibles,
    "l_parenthesized_alnum": parenthesized_alnum,
    "l_scheme_lookalike_punct": scheme_lookalike_punct,
    "l_userinfo_decoy": userinfo_decoy,
    "l_markdown_href_decoy": markdown_href_decoy,
    "l_spoken_scheme_punct": spoken_scheme_punct,
    "l_www_as_3w": www_as_3w,
    "l_separated_by_host_chars": separated_by_host_chars,
    "l_letters_each_bracketed": letters_each_bracketed,
    "l_camel_dot_glued": camel_dot_glued,
    "l_diacritic_name_and_tld": diacritic_name_and_tld,
    "l_upside_down_with_hint": upside_down_with_hint,
    "l_email_spoken_at": email_spoken_at,
    "l_ip_spelled": ip_spelled,
    "l_port_path_fullwidth": port_path_fullwidth,
    "l_quoted_reply_lines": quoted_reply_lines,
    "l_html_comments_wbr": html_comments_wbr,
    "l_keycap_enclosed_mix": keycap_enclosed_mix,
    "l_repeat_count_digits": repeat_count_digits,
    "l_tld_o_lookalike": tld_o_lookalike,
    "l_nato_spelling": nato_spelling,
    "l_labelled_fields": labelled_fields,
    "l_three_part_instruction": three_part_instruction,
    "l_dot_word_variants": dot_word_variants,
    "l_phish_multilabel_defang": phish_multilabel_defang,
    "l_mixed_emoji_between_letters": mixed_emoji_between_letters,
    "l_username_dotcom": username_dotcom,
    "l_among_numbers": among_numbers,
    "l_circled_place_and_live": circled_place_and_live,
    "l_whole_name_lookalikes": whole_name_lookalikes,
    "l_exotic_spaces_spread": exotic_spaces_spread,
    "l_nested_defang": nested_defang,
    "l_weibo_hashtag": weibo_hashtag,
    "l_filler_with_instruction": filler_with_instruction,
}
