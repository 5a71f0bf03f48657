"""Red team 6, should-review and benign families.

Should-review: a reader cannot be sure of the host (a letter hidden, a TLD half masked, a digit
that may be a letter) or a handle is offered with harmful wording the README does not list: the
item must be ``review`` (or ``act`` on the true host), never ``allow`` and never a wrong host.
Benign: real-looking clean text that resembles the tricks (versions, prices, chemistry, code,
scores, ordinals, company signatures, bullets drawn as dots, `닷컴` and `сом` in prose...).
"""

from __future__ import annotations

import random

from bench.redteam6 import Draft, Family, Pools
from bench.redteam6_ids import mobile, tg_user, wechat_id
from bench.redteam6_text import en_place_value, wrap, zh_place_value

LEET = {"e": "3", "o": "0", "i": "1", "a": "4", "s": "5", "t": "7"}


def masked_letter_symbol(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: sum(c.isalpha() for c in h.name) >= 4)
    k = rng.choice([i for i, c in enumerate(h.name) if c.isalpha() and 0 < i < len(h.name) - 1])
    name = h.name[:k] + rng.choice(("🙈", "■", "❓", "░", "_")) + h.name[k + 1 :]
    text = wrap(rng, f"{name}.{h.tld}", "zh") + rng.choice(("（缺的字母自己猜）", "", " 懂的补全"))
    return Draft(text, (h.host,), lang="zh", source=h.source)


def tld_half_masked(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: h.tld in ("com", "net"))
    masked, alt = {"com": ("c_m", "cam"), "net": ("n_t", "nat")}[h.tld]
    masked = masked.replace("_", rng.choice(("*", "_", "?", "🙈")))
    text = wrap(rng, f"{h.name} dot {masked}", "en")
    return Draft(text, (h.host,), others=(f"{h.name}.{alt}",), source=h.source)


def leet_in_name(rng: random.Random, p: Pools) -> Draft:
    h = p.host(lambda h: any(c in LEET for c in h.name))
    k = rng.choice([i for i, c in enumerate(h.name) if c in LEET])
    name = h.name[:k] + LEET[h.name[k]] + h.name[k + 1 :]
    lang = rng.choice(("zh", "en"))
    text = wrap(rng, f"{name} 点 {h.tld}" if lang == "zh" else f"{name} dot {h.tld}", lang)
    return Draft(text, (h.host,), others=(f"{name}.{h.tld}",), lang=lang, source=h.source)


def harmful_handle_no_cue_en(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    text = rng.choice(
        (
            "casino bonus 500% today only, dm {i}",
            "sugar daddy looking for babies, allowance weekly — {i}",
            "fixed odds, 100% sure win, message {i} now",
            "girls available tonight, ask {i}",
        )
    ).format(i=i)
    return Draft(text, (i,), kind="telegram", harmful=True, template=text.split(",")[0])


def harmful_new_phrasing_zh(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    form = rng.choice(
        (
            "下注稳赚不赔，带你回本 V：{i}",
            "寂寞少妇同城交友，上门服务 微信 {i}",
            "刷单返利，一单一结 加V {i}",
            "内部渠道出U，汇率高 微信：{i}",
            "快速上岸，一天翻倍 vx：{i}",
        )
    )
    return Draft(form.format(i=i), (i,), kind="wechat", harmful=True, lang="zh", template=form)


def harmful_new_phrasing_en(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, rng.choice(("uk", "sg")))
    form = rng.choice(
        (
            "onlyfans leaks bundle, cheap — WhatsApp +{n}",
            "recover your lost crypto, pay after — WhatsApp +{n}",
            "mature content, discreet meets, WhatsApp +{n}",
            "double your bitcoin in 24h, WhatsApp +{n}",
            "buy verified bank accounts, WhatsApp +{n}",
        )
    )
    return Draft(form.format(n=n), (n,), kind="whatsapp", harmful=True, template=form)


def split_name_english(rng: random.Random, p: Pools) -> Draft:
    """``lucky spin88 dot com``: ``luckyspin88.com`` or ``spin88.com``? A reader cannot tell."""
    h = p.host(lambda h: len(h.name) >= 7)
    k = rng.randrange(3, len(h.name) - 3)
    tail = f"{h.name[k:]}.{h.tld}"
    text = wrap(rng, f"{h.name[:k]} {h.name[k:]} dot {h.tld}", "en")
    return Draft(text, (h.host,), others=(tail,), source=h.source)


REVIEW_FAMILIES: dict[str, Family] = {
    "r_split_name_english": split_name_english,
    "r_masked_letter_symbol": masked_letter_symbol,
    "r_tld_half_masked": tld_half_masked,
    "r_leet_in_name": leet_in_name,
    "r_harmful_handle_no_cue_en": harmful_handle_no_cue_en,
    "r_harmful_new_phrasing_zh": harmful_new_phrasing_zh,
    "r_harmful_new_phrasing_en": harmful_new_phrasing_en,
}


def _benign(
    rng: random.Random, forms: tuple[str, ...], lang: str = "en", **values: object
) -> Draft:
    """One form, or two joined as one message (more distinct cases from a few real shapes)."""
    picked = rng.sample(forms, 2) if len(forms) > 1 and rng.random() < 0.6 else [rng.choice(forms)]
    text = rng.choice(("\n", " ", " / ")).join(picked)
    return Draft(text.format(**values), (), kind="none", lang=lang, template=picked[0])


def version_strings(rng: random.Random, p: Pools) -> Draft:
    v = f"{rng.randrange(1, 20)}.{rng.randrange(0, 40)}.{rng.randrange(0, 9)}"
    forms = (
        "Update to v{v} now, it fixes the login bug",
        "Python {v} is out",
        "升级到{v}版本后卡顿",
        "build 10.0.{b}.{c} crashed again",
    )
    return _benign(rng, forms, v=v, b=rng.randrange(19000, 23000), c=rng.randrange(100, 4000))


def prices(rng: random.Random, p: Pools) -> Draft:
    a, b = rng.randrange(1, 999), rng.randrange(0, 99)
    forms = (
        "原价{a}.{b:02d} 现价{c}.80，今天包邮",
        "only ${a}.{b:02d} each, 2 for ${c}.00",
        "USD {a},{b:02d}9.00 incl. VAT",
        "¥{a}.{b:02d}/斤",
    )
    return _benign(rng, forms, a=a, b=b, c=max(1, a - 3))


def chemistry(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "NaHCO3 + CH3COOH -> CH3COONa + H2O + CO2",
        "pH 7.4, Ca(OH)2 0.5 mol/L, Fe2O3 traces",
        "实验：称取NaCl 5.85g溶于水，配成0.1mol/L",
        "C6H12O6 + 6O2 → 6CO2 + 6H2O, ΔH = -2.8 MJ",
    )
    return _benign(rng, forms)


def code_snippets(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "el.style.top = window.top.innerHeight + 'px'",
        "import os.path; print(os.path.join(a, b))",
        "self.com = serial.Serial(port); self.net.train()",
        "df.groupby('city').sum().to_csv('out.csv')",
        "const live = stream.live; app.vip = user.vip",
    )
    return _benign(rng, forms)


def sports_scores(rng: random.Random, p: Pools) -> Draft:
    a, b = rng.randrange(80, 130), rng.randrange(80, 130)
    forms = (
        "湖人 {a}:{b} 勇士，詹姆斯 30分",
        "FT: Arsenal 2-1 Chelsea, xG 1.8 vs 0.9",
        "Final {a}-{b}, he shot 48.5% from three",
        "中国队 3:0 日本队，第二局 25:{c}",
    )
    return _benign(rng, forms, a=a, b=b, c=rng.randrange(15, 24), lang="zh")


def chinese_ordinal(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "第一点，准时到；第二点，带身份证；第三点，别迟到。",
        "会议三点半开始，一点半前到公司",
        "点个赞再走，一点点心意",
        "康师傅方便面买一送一，姆妈说够吃了",
    )
    return _benign(rng, forms, lang="zh")


def email_signatures(rng: random.Random, p: Pools) -> Draft:
    host = rng.choice(p.clean_hosts)
    who = rng.choice(("John Smith", "Li Wei", "Maria Garcia"))
    forms = (
        "Best regards,\n{w}\nAccount Manager | {c}\n{u}@{h} | www.{h}\n+1 425 555 01{n}",
        "--\n{w}\n{c} Inc.\nhttps://www.{h}/contact",
        "此致\n{w}\n{c}（中国）有限公司\n邮箱：{u}@{h}",
    )
    c = host.split(".")[0].capitalize()
    return _benign(
        rng, forms, w=who, c=c, h=host, u=who.split()[0].lower(), n=rng.randrange(10, 99)
    )


def times_dates(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "meeting moved to 10.30, room 3.12",
        "2024.12.07 下午3点30分 在三楼",
        "Opening hours 9.00-17.30 Mon-Fri",
        "版本截止到12.31，请于1.15前提交",
    )
    return _benign(rng, forms, lang="zh")


def abbreviations(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "e.g. the U.S.A. and i.e. Ph.D. students",
        "Dr. Lee, St. Louis, No. 5 a.m. flight",
        "see fig. 3, vol. 2, pp. 14-20, et al.",
    )
    return _benign(rng, forms)


def contact_talk(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "周末聚餐，不认识路的加我微信 {w} 我发定位",
        "running club chat is on telegram, I'm @{t}",
        "搬家了，新手机号就是原来那个，微信{w}不变",
    )
    return _benign(rng, forms, lang="zh", w=wechat_id(rng), t=tg_user(rng))


def filenames_tld_like(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "attached report_2024.zip and demo.mov, see README.md",
        "run main.py then open index.html",
        "把 setup.exe 和 photo.png 发我，还有 notes.md",
    )
    return _benign(rng, forms)


def emoji_bullet_lists(rng: random.Random, p: Pools) -> Draft:
    b = rng.choice(("⚫", "🔘", "•", "◦", "🔴"))
    forms = (
        "shopping {b} milk {b} eggs {b} bread",
        "今日安排{b}开会{b}写周报{b}健身",
        "{b} item one\n{b} item two\n{b} done",
    )
    return _benign(rng, forms, b=b)


def korean_dotcom_prose(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "닷컴 버블 때 주식이 폭락했다",
        "2000년대 닷컴 열풍을 기억하나요",
        "the dot-com era ended in 2001",
    )
    return _benign(rng, forms, lang="ko")


def russian_som_prose(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "Поймал сома весом 10 кг на реке",
        "сом и карп: что лучше на ужин",
        "цена в сомах: 500 сом",
    )
    return _benign(rng, forms, lang="ru")


def cantonese_chat(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "聽日三點半喺旺角等，dim sum 食邊間？",
        "WhatsApp group 入面講咗，一點鐘開會",
        "我哋 TG 群組啲相好靚",
    )
    return _benign(rng, forms, lang="yue")


def dian_er_prose(rng: random.Random, p: Pools) -> Draft:
    forms = (
        "快点儿来，吃点儿东西再走",
        "网速慢点儿没关系，早点儿睡",
        "中间一个点儿都没变",
        "这道题小数点后两位",
    )
    return _benign(rng, forms, lang="zh")


def place_value_prose(rng: random.Random, p: Pools) -> Draft:
    n = rng.randrange(11, 9999)
    forms = (
        "一共{z}元，微信转账就行",
        "paid {e} dollars for the tickets",
        "这本杂志已经出到第{z}期了",
    )
    return _benign(rng, forms, z=zh_place_value(n), e=en_place_value(n))


BENIGN_FAMILIES: dict[str, Family] = {
    "b_dian_er_prose": dian_er_prose,
    "b_place_value_prose": place_value_prose,
    "b_version_strings": version_strings,
    "b_prices": prices,
    "b_chemistry": chemistry,
    "b_code_snippets": code_snippets,
    "b_sports_scores": sports_scores,
    "b_chinese_ordinal": chinese_ordinal,
    "b_email_signatures": email_signatures,
    "b_times_dates": times_dates,
    "b_abbreviations": abbreviations,
    "b_contact_talk": contact_talk,
    "b_filenames_tld_like": filenames_tld_like,
    "b_emoji_bullet_lists": emoji_bullet_lists,
    "b_korean_dotcom_prose": korean_dotcom_prose,
    "b_russian_som_prose": russian_som_prose,
    "b_cantonese_chat": cantonese_chat,
}
