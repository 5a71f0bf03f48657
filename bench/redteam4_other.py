"""Handle, should-review and benign families of red team 4 (see ``bench/redteam4.py``)."""

from __future__ import annotations

import random

from bench.redteam4 import Case, Family, Pools
from bench.redteam4_links import CN_DIGITS, EN_DIGITS, fullwidth, pick, split

FIN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CIRC = "⓪①②③④⑤⑥⑦⑧⑨"
NAMES = (
    "lily",
    "xiaomei",
    "tiantian",
    "meimei",
    "haoyun",
    "kefu",
    "duchang",
    "bjl",
    "jiejie",
    "anna",
    "coco",
    "yuyu",
    "mimi",
    "lucky",
    "wenwen",
    "vip",
    "dafa",
    "qiqi",
)
ZH_HARM = (
    "百家乐包赢",
    "彩金天天送",
    "同城上门服务",
    "看片资源加",
    "日赚500稳赚不赔",
    "代理招募 高返佣",
)
ZH_SOFT = ("有问题随时问", "周末有空聊", "资料发你")
EN_HARM = (
    "guaranteed profit crypto signals",
    "VIP betting tips 95% win rate",
    "escort service tonight",
    "sugar daddy wanted",
    "work from home $300/day",
)
CN_MOBILE = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "158",
    "166",
    "177",
    "178",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
)


def wechat_id(rng: random.Random, sep: str = "") -> str:
    name = rng.choice(NAMES)
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(3, 5)))
    return f"{name}{sep}{digits}" if len(name) + len(digits) >= 6 else f"{name}{sep}88{digits}"


def qq_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(
        rng.choice("0123456789") for _ in range(rng.randint(7, 9))
    )


def tg_name(rng: random.Random) -> str:
    return (
        rng.choice(("casino", "lucky", "vip", "hot", "bet", "girl", "crypto"))
        + "_"
        + rng.choice(NAMES)
        + str(rng.randint(10, 999))
    )


def cn_mobile(rng: random.Random) -> str:
    return rng.choice(CN_MOBILE) + "".join(rng.choice("0123456789") for _ in range(8))


INTL = (
    ("1", ("202", "212", "305", "415", "646", "718"), 7),
    ("44", ("7700", "7911", "7400"), 6),
    ("60", ("12", "16", "17"), 7),
    ("63", ("917", "918", "927"), 7),
    ("852", ("6", "9", "5"), 7),
    ("65", ("8", "9"), 7),
)


def intl_mobile(rng: random.Random) -> tuple[str, str, str]:
    """(country code, area/prefix, rest), validated by phonenumbers (the scanner's own check)."""
    import phonenumbers

    for _ in range(200):
        cc, prefixes, n = rng.choice(INTL)
        pre = rng.choice(prefixes)
        rest = str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
        if cc == "1":
            rest = rest[:3].replace("555", "556") + rest[3:]
        num = phonenumbers.parse(f"+{cc}{pre}{rest}")
        if phonenumbers.is_valid_number(num):
            return cc, pre, rest
    raise ValueError("no valid international number generated")


def handle_case(
    fam: str,
    i: int,
    surface: str,
    lang: str,
    text: str,
    expect: str,
    kind: str,
    tricks: tuple[str, ...],
    harmful: bool,
    case_kind: str = "handle",
) -> Case:
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind=case_kind,
        surface=surface,
        lang=lang,
        text=text,
        expect=expect,
        handle_kind=kind,
        tricks=tricks,
        wording="harmful" if harmful else "",
    )


def digit_form(rng: random.Random, d: str, forms: tuple[str, ...]) -> str:
    f = rng.choice(forms)
    k = int(d)
    return {
        "ascii": d,
        "fw": fullwidth(d),
        "circ": CIRC[k],
        "fin": FIN_DIGITS[k],
        "cn": CN_DIGITS[k],
        "keycap": d + "\ufe0f\u20e3",
    }[f]


HSURF = ("post", "comment", "chat", "bio", "livestream", "listing", "display_name")

# --------------------------------------------------------------------------- handles


def wechat_new_cues(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    cue = rng.choice(
        (
            "徽信",
            "徽❤信",
            "Wēixìn",
            "wēi xìn",
            "ᴡᴇᴄʜᴀᴛ",
            "ＷｅＣｈａｔ",
            "𝐖𝐞𝐂𝐡𝐚𝐭",
            "卫星",
            "V·X",
            "ⓥⓧ",
            "🅥🅧",
            "wei❤xin",
        )
    )
    wid = wechat_id(rng, rng.choice(("", "_", "-")))
    sep = rng.choice(("：", ":", " ", "→", "➡️", "="))
    shown = fullwidth(wid) if rng.random() < 0.3 else wid
    harm = rng.random() < 0.5
    tail = rng.choice(ZH_HARM if harm else ZH_SOFT)
    text = f"加{cue}{sep}{shown} {tail}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "zh",
        text,
        wid,
        "wechat",
        ("new_cue", "fullwidth_id" if shown != wid else "plain_id"),
        harm,
    )


def qq_group_slang(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    cue = rng.choice(
        (
            "Q裙",
            "扣裙",
            "企鹅裙",
            "🐧裙",
            "扣扣裙",
            "Q君",
            "抠抠",
            "叩叩",
            "寇寇",
            "扣♂扣",
            "ＱＱ群",
            "Ｑ群号",
            "q.q",
            "Q❤Q",
        )
    )
    qq = qq_number(rng)
    forms = rng.choice(
        (("ascii", "fw"), ("circ", "ascii"), ("fin", "cn"), ("ascii", "fin", "circ"))
    )
    sep = rng.choice(("", "", "·", "‧", " "))
    digits = [digit_form(rng, d, forms) for d in qq]
    if sep:
        k = rng.randrange(3, len(digits) - 2)
        digits.insert(k, sep)
    harm = rng.random() < 0.6
    text = f"{cue}：{''.join(digits)} {rng.choice(ZH_HARM if harm else ZH_SOFT)}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "zh",
        text,
        qq,
        "qq",
        ("group_slang", "mixed_digits", "sep" if sep else "nosep"),
        harm,
    )


def tg_link_aliases(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    name = tg_name(rng)
    host = rng.choice(("telegram.me", "telegram.dog", "t.me"))
    dot = rng.choice(("点", "[.]", "。", " . ", "．", "(.)"))
    sl = rng.choice(("/", "／", " / ", "[/]"))
    scheme = rng.choice(("", "https://", "hxxps://"))
    if rng.random() < 0.2:
        link = f"tg[:]//resolve?domain={name}"
    else:
        link = f"{scheme}{host.replace('.', dot)}{sl}{name}"
    lang = rng.choice(("zh", "en"))
    harm = rng.random() < 0.6
    words = (ZH_HARM if harm else ZH_SOFT) if lang == "zh" else (EN_HARM if harm else ("say hi",))
    text = f"{rng.choice(words)} 👉 {link}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        lang,
        text,
        name,
        "telegram",
        ("tg_alias_host", "defanged_dot", "defanged_slash"),
        harm,
    )


def tg_slang_cues(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    cue = rng.choice(
        (
            "飞鸡",
            "灰鸡",
            "🛩",
            "🛫",
            "✈︎",
            "纸飞机号",
            "小飞机",
            "电bao",
            "ｔｇ",
            "T.G",
            "T-G",
            "Ｔ Ｇ",
            "Телега",
            "telega",
        )
    )
    name = tg_name(rng)
    shown = rng.choice((name, "@" + name, "＠" + name, name.replace("_", "＿")))
    harm = rng.random() < 0.6
    lang = "en" if cue in ("Телега", "telega") else "zh"
    words = (ZH_HARM if harm else ZH_SOFT) if lang == "zh" else (EN_HARM if harm else ("say hi",))
    text = f"{cue}：{shown} {rng.choice(words)}"
    return handle_case(
        fam, i, rng.choice(HSURF), lang, text, name, "telegram", ("tg_slang", "id_form"), harm
    )


def whatsapp_translit(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    cue = rng.choice(
        (
            "瓦次普",
            "瓦茨艾普",
            "WA",
            "W/A",
            "guasap",
            "wasa",
            "📲",
            "What's App",
            "ＷｈａｔｓＡｐｐ",
            "Whatsap",
        )
    )
    cc, pre, rest = intl_mobile(rng)
    plus = rng.choice(("+", "＋", "00", "⁺"))
    sep = rng.choice((" ", "-", ".", " - ", "\u2011", "\u2212"))
    mid = len(rest) // 2
    num = f"{plus}{cc}{sep}{pre}{sep}{rest[:mid]}{sep}{rest[mid:]}"
    harm = rng.random() < 0.6
    lang = "zh" if cue in ("瓦次普", "瓦茨艾普") else "en"
    words = (ZH_HARM if harm else ZH_SOFT) if lang == "zh" else (EN_HARM if harm else ("text me",))
    text = f"{rng.choice(words)} {cue}: {num}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        lang,
        text,
        cc + pre + rest,
        "whatsapp",
        ("translit_cue", "plus_variant", "sep_variant"),
        harm,
    )


def line_fullwidth_at(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    cue = rng.choice(
        (
            "LINE：",
            "賴：",
            "赖：",
            "ライン：",
            "Ｌ Ｉ Ｎ Ｅ：",
            "L!NE：",
            "ＬＩＮＥ ＩＤ：",
            "line id ➜ ",
            "Line加好友：",
        )
    )
    lid = wechat_id(rng, rng.choice(("", ".", "_")))
    shown = rng.choice(("＠" + fullwidth(lid), "@" + lid, fullwidth(lid), "＠" + lid))
    harm = rng.random() < 0.5
    text = f"{cue}{shown} {rng.choice(ZH_HARM if harm else ZH_SOFT)}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "zh",
        text,
        lid,
        "line",
        ("line_cue_variant", "fullwidth_at"),
        harm,
    )


DASH_LOOKS = ("一", "ー", "−", "‐", "—", "–", "～", "_", "／", "．", "丶", "⁃")


def phone_dash_lookalikes(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    mob = cn_mobile(rng)
    sep = rng.choice(DASH_LOOKS)
    groups = [mob[:3], mob[3:7], mob[7:]]
    if rng.random() < 0.3:
        groups = [fullwidth(g) for g in groups]
    pre = rng.choice(("", "", "+86 ", "＋８６ ", "(86)", "0086-", "86-"))
    cue = rng.choice(("手机", "电话", "热线", "联系电话", "☎️", "📞", "致电"))
    harm = rng.random() < 0.5
    words = (
        ("无抵押贷款当天放款", "上门服务", "百家乐代理") if harm else ("快递到了请回电", "预约看房")
    )
    text = f"{rng.choice(words)} {cue}：{pre}{sep.join(groups)}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "zh",
        text,
        "86" + mob,
        "phone",
        ("dash_lookalike", "prefix_variant"),
        harm,
    )


ASIDES = ("（别打错）", "（晚上打）", "[非诚勿扰]", "（备注来意）", "—24小时—", "(白天忙)")


def phone_asides(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    harm = rng.random() < 0.5
    if rng.random() < 0.6:
        mob = cn_mobile(rng)
        a, b = rng.sample(ASIDES, 2)
        text = f"{'约' if harm else '有事'}打 {mob[:3]}{a}{mob[3:7]}{b}{mob[7:]}"
        if harm:
            text += " 同城上门"
        return handle_case(
            fam,
            i,
            rng.choice(HSURF),
            "zh",
            text,
            "86" + mob,
            "phone",
            ("digit_groups", "asides"),
            harm,
        )
    cc, pre, rest = intl_mobile(rng)
    text = (
        f"{rng.choice(EN_HARM) if harm else 'questions?'} call +{cc} ({pre}) [text only] "
        f"{rest[:3]} - (after 6pm) - {rest[3:]}"
    )
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "en",
        text,
        cc + pre + rest,
        "phone",
        ("digit_groups", "asides"),
        harm,
    )


HYPHEN_WORDS = {
    "-": ("横杠", "中划线", "减号", "短横线", "杠", "dash", "hyphen", "minus"),
    "_": ("下横线", "底线", "底杠", "underline", "low line"),
}


def spoken_hyphen_id(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    sym = rng.choice(("-", "_"))
    wid = wechat_id(rng, sym)
    word = rng.choice(HYPHEN_WORDS[sym])
    a, _, b = wid.partition(sym)
    lang = "en" if word.isascii() else "zh"
    harm = rng.random() < 0.5
    if lang == "zh":
        tail = rng.choice(ZH_HARM if harm else ZH_SOFT)
        text = f"{rng.choice(('微信', 'VX', '薇❤'))}：{a}{word}{b} {tail}"
    else:
        text = f"{rng.choice(EN_HARM) if harm else 'hmu'} wechat id {a} {word} {b}"
    return handle_case(
        fam, i, rng.choice(HSURF), lang, text, wid, "wechat", ("spoken_symbol", "cue_variant"), harm
    )


def cue_far_from_id(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    kind = rng.choice(("wechat", "qq", "telegram"))
    harm = rng.random() < 0.6
    if rng.random() < 0.7:
        cue = {
            "wechat": rng.choice(("薇❤信", "微信", "V信")),
            "qq": rng.choice(("扣扣", "QQ")),
            "telegram": rng.choice(("飞机", "纸飞机")),
        }[kind]
        filler = rng.choice(
            (
                "备注小红书来的，不然不通过哦～",
                "通过后发你内部资料，名额有限先到先得",
                "白天忙晚上回复，急事留言",
            )
        )
        ident = {"wechat": wechat_id(rng, "_"), "qq": qq_number(rng), "telegram": tg_name(rng)}[
            kind
        ]
        lead = rng.choice(ZH_HARM) + "，" if harm else ""
        text = f"{lead}加我{cue}，{filler}。号是：{ident}"
        lang = "zh"
    else:
        cue = {"wechat": "wechat", "qq": "QQ", "telegram": "telegram"}[kind]
        filler = rng.choice(
            (
                "mention you saw this post or I won't accept",
                "limited spots, first come first served",
            )
        )
        ident = {"wechat": wechat_id(rng, "_"), "qq": qq_number(rng), "telegram": tg_name(rng)}[
            kind
        ]
        lead = rng.choice(EN_HARM) + ". " if harm else ""
        text = f"{lead}add me on {cue} ({filler}), my id is {ident}"
        lang = "en"
    return handle_case(
        fam, i, rng.choice(HSURF), lang, text, ident, kind, ("cue_far", "filler_clause"), harm
    )


def id_digits_in_words_mixed(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    harm = rng.random() < 0.5
    tail = rng.choice(ZH_HARM if harm else ZH_SOFT)
    if rng.random() < 0.5:
        wid = wechat_id(rng)
        letters = "".join(c for c in wid if not c.isdigit())
        digits = wid[len(letters) :]
        shown = fullwidth(letters) + "".join(
            digit_form(rng, d, ("circ", "fin", "keycap", "cn", "fw")) for d in digits
        )
        text = f"{rng.choice(('微信', 'vx', 'V❤'))}：{shown} {tail}"
        return handle_case(
            fam,
            i,
            rng.choice(HSURF),
            "zh",
            text,
            wid,
            "wechat",
            ("fullwidth_letters", "mixed_digit_forms"),
            harm,
        )
    qq = qq_number(rng)
    shown = "".join(digit_form(rng, d, ("circ", "fin", "keycap", "cn", "fw", "ascii")) for d in qq)
    text = f"{rng.choice(('扣❤扣', 'Q❤Q', '企鹅'))}：{shown} {tail}"
    return handle_case(
        fam, i, rng.choice(HSURF), "zh", text, qq, "qq", ("broken_cue", "mixed_digit_forms"), harm
    )


def qq_mailbox(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    qq = qq_number(rng)
    form = rng.choice(
        (
            f"{qq}@qq.com",
            f"{fullwidth(qq)}＠ｑｑ．ｃｏｍ",
            f"{qq} 艾特 qq 点 com",
            f"{qq}(at)qq点com",
            f"{qq}@QQ。com",
        )
    )
    harm = rng.random() < 0.6
    lead = (
        rng.choice(("资源打包发你邮箱，联系", "有意者发邮件", "兼职日结，简历发"))
        if harm
        else rng.choice(("作业发我邮箱", "简历请投"))
    )
    text = f"{lead} {form}"
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "zh",
        text,
        qq,
        "qq",
        ("qq_mailbox", "spoken_or_fullwidth_at"),
        harm,
    )


RADIO = {"1": "幺", "7": "拐", "0": "洞", "9": "勾", "2": "两"}


def phone_mixed_words_digits(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    harm = rng.random() < 0.5
    if rng.random() < 0.5:
        mob = cn_mobile(rng)
        out = []
        for d in mob:
            f = rng.random()
            out.append(
                RADIO.get(d, FIN_DIGITS[int(d)])
                if f < 0.3
                else FIN_DIGITS[int(d)]
                if f < 0.5
                else d
            )
        said = f"{''.join(out[:3])} {''.join(out[3:7])} {''.join(out[7:])}"
        text = f"{'贷款秒批 ' if harm else ''}电话 {said}"
        return handle_case(
            fam,
            i,
            rng.choice(HSURF),
            "zh",
            text,
            "86" + mob,
            "phone",
            ("radio_and_financial", "groups"),
            harm,
        )
    cc, pre, rest = intl_mobile(rng)
    full = pre + rest
    words = []
    k = 0
    while k < len(full):
        d = full[k]
        if k + 1 < len(full) and full[k + 1] == d and rng.random() < 0.7:
            words.append(f"double {EN_DIGITS[int(d)]}")
            k += 2
            continue
        words.append(("oh" if d == "0" else EN_DIGITS[int(d)]) if rng.random() < 0.6 else d)
        k += 1
    cc_said = " ".join(EN_DIGITS[int(c)] for c in cc)
    text = (
        f"{rng.choice(EN_HARM) if harm else 'call me'} WhatsApp plus {cc_said}, {' '.join(words)}"
    )
    return handle_case(
        fam,
        i,
        rng.choice(HSURF),
        "en",
        text,
        cc + full,
        "whatsapp",
        ("words_and_digits", "double"),
        harm,
    )


# --------------------------------------------------------------------------- should review


def r_handle_no_cue(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    wid = wechat_id(rng, rng.choice(("", "_")))
    if rng.random() < 0.6:
        text = f"{rng.choice(ZH_HARM)}，{rng.choice(('找我', '私我', '加'))} {wid}"
        lang = "zh"
    else:
        text = f"{rng.choice(EN_HARM)}, add {wid}"
        lang = "en"
    return handle_case(
        fam,
        i,
        rng.choice(("post", "comment", "bio", "chat")),
        lang,
        text,
        wid,
        "wechat",
        ("no_cue", "harmful_wording"),
        True,
        case_kind="review",
    )


def r_glued_tld(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = rng.choice(("zh", "en"))
    host = pick(rng, pools, lang)
    name, tld = split(host)
    text = rng.choice((f"{name}{tld}", f"{name}_{tld}", f"{name}-{tld}", f"{name}{tld}官方"))
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="review",
        surface=rng.choice(("username", "display_name")),
        lang=lang,
        text=text,
        expect=host,
        tricks=("glued_tld", "no_dot"),
        category=pools.category(host),
        wording="harmful",
    )


def r_masked_char(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    lang = rng.choice(("zh", "en"))
    host = pick(rng, pools, lang, lambda h: len(split(h)[0]) >= 5)
    name, tld = split(host)
    k = rng.randrange(1, len(name) - 1)
    mask = rng.choice(("*", "?", "_", "□"))
    hint = "（中间那位自己猜）" if lang == "zh" else "(guess the missing one)"
    body = f"{name[:k]}{mask}{name[k + 1 :]}.{tld} {hint}"
    text = f"{rng.choice(('看片', '百家乐'))} {body}" if lang == "zh" else f"casino bonus {body}"
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="review",
        surface=rng.choice(("post", "comment", "chat")),
        lang=lang,
        text=text,
        expect=host,
        tricks=("masked_char", "hint"),
        category=pools.category(host),
        wording="harmful",
    )


def r_tld_homophone(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    host = pick(rng, pools, "zh", lambda h: h.endswith(".com"))
    name, _ = split(host)
    tail = rng.choice(("点 康姆", "点扣姆", "点 西欧艾姆", "dot 康母", "。考姆"))
    text = f"{rng.choice(('官网', '新地址', '福利站'))} {name} {tail} {rng.choice(ZH_HARM)}"
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="review",
        surface=rng.choice(("post", "comment", "chat", "livestream")),
        lang="zh",
        text=text,
        expect=host,
        tricks=("tld_homophone", "spelled_dot"),
        category=pools.category(host),
        wording="harmful",
    )


# --------------------------------------------------------------------------- benign


def benign(fam: str, i: int, surface: str, lang: str, text: str, tricks: tuple[str, ...]) -> Case:
    return Case(
        id=f"{fam}-{i:03d}",
        family=fam,
        kind="benign",
        surface=surface,
        lang=lang,
        text=text,
        tricks=tricks,
    )


def b_clock_with_latin(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    h = rng.randint(1, 12)
    word = rng.choice(("live", "top", "shop", "fun", "game", "news", "show", "club", "vip", "app"))
    text = rng.choice(
        (
            f"今晚{h}点{word}开播，记得来",
            f"明天{h}点{word}榜单更新",
            f"周六{h}点 {word} 见",
            f"{h}点{word}准时开始哦",
            f"下午{h}点半去{word}店拿快递",
        )
    )
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat", "livestream")),
        "zh",
        text,
        ("clock_dian", "latin_tld_word"),
    )


def b_versions_prices_times(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    v = f"{rng.randint(1, 17)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}"
    price = f"{rng.randint(1, 999)}.{rng.randint(10, 99)}"
    t = f"{rng.randint(7, 22)}:{rng.choice(('00', '15', '30', '45'))}"
    text = rng.choice(
        (
            f"升级到 v{v} 之后闪退，{t} 再试一次",
            f"价格 {price} 元，3.5折，No.1 热销",
            f"Python 3.11 vs 3.12: {v} fixes the bug, e.g. the parser",
            f"Mr.Li 说 {t} 开会，U.S. 同事也在",
            f"iOS {v} is out. Dr. Smith et al. approve, {price} USD",
            f"体重 {rng.randint(45, 90)}.{rng.randint(0, 9)}kg，跑了 2.5km 用时 {t}",
        )
    )
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat")),
        "zh" if "元" in text else "en",
        text,
        ("versions", "prices", "times"),
    )


FILES = (
    "report.pdf",
    "README.md",
    "setup.py",
    "data.zip",
    "clip.mov",
    "node.js",
    "ASP.NET",
    "build.sh",
    "logo.ai",
    "main.rs",
    "script.pl",
    "index.php",
    "notes.txt",
    "style.css",
)


def b_filenames_code(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    a, b = rng.sample(FILES, 2)
    text = rng.choice(
        (
            f"把 {a} 和 {b} 发我一下",
            f"see {a} and {b} in the repo",
            f"{a} 打不开，换成 {b} 吧",
            f"fixed a typo in {a}; {b} still fails",
        )
    )
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat")),
        "zh" if "发" in text or "打" in text else "en",
        text,
        ("file_names",),
    )


def b_clean_links_emails(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    form = rng.randrange(4)
    if form == 0:
        d = rng.choice(pools.clean_domains)
        text = f"contact us at hr@{d} or visit https://www.{d}/careers"
    elif form == 1:
        d = rng.choice(pools.clean_cn)
        name, tld = split(d)
        text = f"官网 {name} 点 {tld} 下单，包邮"
    elif form == 2:
        d = rng.choice(pools.clean_cn)
        text = f"详情见 {d}，或者邮件 service@{d}"
    else:
        text = f"作业发我邮箱 {qq_number(rng)}@qq.com，谢谢老师"
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat")),
        "zh" if form else "en",
        text,
        ("clean_link_or_email",),
    )


def b_spaced_caps_abbrev(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    text = rng.choice(
        (
            "G O O D  L U C K everyone!",
            "A.S.A.P. please",
            "born in the U.S.A.",
            "she got her Ph.D. at M.I.T.",
            "R.I.P. my old phone",
            "O.K. see u at 5 p.m.",
            "W.H.O. says wash hands",
            "I L O V E Y O U 💕",
            "T.G.I.F. 🎉",
            "Q&A at 3.30",
        )
    )
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat", "display_name")),
        "en",
        text,
        ("spaced_caps", "abbreviations"),
    )


def b_plain_handles_friendly(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
    wid = wechat_id(rng)
    text = rng.choice(
        (
            f"我的微信是{wid}，明天见面聊项目",
            f"周末爬山的朋友加我微信 {wid}",
            f"my wechat is {wid}, ping me about the conference",
            f"QQ {qq_number(rng)} 是班级群号",
        )
    )
    return benign(
        fam,
        i,
        rng.choice(("post", "comment", "chat")),
        "en" if "my" in text else "zh",
        text,
        ("friendly_handle",),
    )


def _real(key: str, lang: str) -> Family:
    def make(rng: random.Random, pools: Pools, i: int, fam: str) -> Case:
        text = rng.choice(pools.texts[key])
        return benign(fam, i, rng.choice(("post", "comment", "chat")), lang, text, ("real",))

    return make


OTHER_FAMILIES = {
    "h_wechat_new_cues": wechat_new_cues,
    "h_qq_group_slang": qq_group_slang,
    "h_tg_link_aliases": tg_link_aliases,
    "h_tg_slang_cues": tg_slang_cues,
    "h_whatsapp_translit": whatsapp_translit,
    "h_line_fullwidth_at": line_fullwidth_at,
    "h_phone_dash_lookalikes": phone_dash_lookalikes,
    "h_phone_asides": phone_asides,
    "h_spoken_hyphen_id": spoken_hyphen_id,
    "h_cue_far_from_id": cue_far_from_id,
    "h_id_digits_in_words_mixed": id_digits_in_words_mixed,
    "h_qq_mailbox": qq_mailbox,
    "h_phone_mixed_words_digits": phone_mixed_words_digits,
    "r_handle_no_cue": r_handle_no_cue,
    "r_glued_tld": r_glued_tld,
    "r_masked_char": r_masked_char,
    "r_tld_homophone": r_tld_homophone,
    "b_clock_with_latin": b_clock_with_latin,
    "b_versions_prices_times": b_versions_prices_times,
    "b_filenames_code": b_filenames_code,
    "b_clean_links_emails": b_clean_links_emails,
    "b_spaced_caps_abbrev": b_spaced_caps_abbrev,
    "b_plain_handles_friendly": b_plain_handles_friendly,
    "b_real_sms_ham": _real("sms_ham", "en"),
    "b_real_weibo": _real("weibo", "zh"),
    "b_real_telecom_normal": _real("telecom_normal", "zh"),
    "b_real_youtube_ham": _real("youtube_ham", "en"),
}
