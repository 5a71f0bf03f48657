"""Red team 6, handle families: cues of Korean, Cantonese, Taiwanese and Russian usage, misspelt
and pictured cues, app links, vanity (keypad) and Zalo phones, ids split over fields or written
in look-alike letters. Half the cases carry harmful wording (``harmful``): there the item must be
at least ``review``."""

from __future__ import annotations

import random

from bench.redteam6 import Draft, Family, Pools
from bench.redteam6_ids import (
    harm,
    keypad_number,
    line_id,
    mobile,
    qq_number,
    tg_user,
    wechat_id,
)
from bench.redteam6_text import CYR, FIN_DIGITS, ZH_DIGITS, fullwidth, keycaps

NEUTRAL = {
    "zh": ("有事联系", "合作请加", "详情咨询"),
    "yue": ("有嘢搵我", "查詢請聯絡", "合作傾下"),
    "nan": ("有問題", "歡迎詢問", "合作請洽"),
    "en": ("questions?", "for collabs", "reach me"),
    "ko": ("문의", "연락 주세요", "상담"),
    "ru": ("по вопросам", "пишите", "связь"),
    "vi": ("liên hệ", "hỏi đáp", "tư vấn"),
}


def handle(
    rng: random.Random,
    core: str,
    expected: str,
    kind: str,
    lang: str,
    surface: str = "post",
    template: str = "",
) -> Draft:
    harmful = rng.random() < 0.5
    lead = harm(rng, lang) if harmful else rng.choice(NEUTRAL.get(lang, NEUTRAL["en"]))
    text = f"{lead} {core}" if rng.random() < 0.6 else f"{core} {lead}"
    return Draft(
        text, (expected,), kind=kind, surface=surface, harmful=harmful, lang=lang, template=template
    )


def kakao_cues(rng: random.Random, p: Pools) -> Draft:
    i = line_id(rng).replace(".", "")
    cue = rng.choice(
        (
            "카톡 아이디: {i}",
            "카카오톡 ID {i}",
            "KakaoTalk: {i}",
            "카톡 {i} 추가",
            "오픈채팅 카톡ID {i}",
        )
    )
    return handle(rng, cue.format(i=i), i, "kakao", "ko", template=cue)


def telegram_misspelt(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    cue = rng.choice(
        (
            "telegarm",
            "telgram",
            "telegeram",
            "tele-gram",
            "teIegram",
            "ᴛᴇʟᴇɢʀᴀᴍ",
            "tlegram",
            "telegran",
        )
    )
    at = rng.choice(("@", "", " @"))
    return handle(rng, f"{cue}: {at}{i}", i, "telegram", "en", template=cue)


def telegram_russian_slang(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    cue = rng.choice(
        ("пиши в телегу: @{i}", "телега: @{i}", "тележка @{i}", "в телеге {i}", "тгк: {i}")
    )
    return handle(rng, cue.format(i=i), i, "telegram", "ru", template=cue)


def telegram_cantonese(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    cue = rng.choice(
        ("TG搵我 {i}", "飛機搵我：{i}", "電報傾 @{i}", "加我TG啦 {i}", "Telegram 搵 {i}")
    )
    return handle(rng, cue.format(i=i), i, "telegram", "yue", template=cue)


def whatsapp_hk_cantonese(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, "hk")
    local = n[3:]
    shown = rng.choice((f"{local[:4]} {local[4:]}", f"+852 {local[:4]} {local[4:]}", local))
    cue = rng.choice(
        ("WhatsApp我 {n}", "WA我 {n}", "wtsapp：{n}", "whatsapp 搵我 {n}", "WhatsApp 黎 {n}")
    )
    return handle(rng, cue.format(n=shown), n, "whatsapp", "yue", template=cue)


def whatsapp_misspellings(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, rng.choice(("uk", "sg", "my")))
    cue = rng.choice(
        ("whtsapp", "wtsapp", "whatapp", "whastapp", "wattsapp", "whatsap", "whatzapp", "wazzap")
    )
    return handle(rng, f"{cue} +{n}", n, "whatsapp", "en", template=cue)


def line_taiwanese(rng: random.Random, p: Pools) -> Draft:
    i = line_id(rng)
    cue = rng.choice(
        (
            "加賴 {i}",
            "賴我：{i}",
            "私賴 {i}",
            "來賴 ID：{i}",
            "LINE搜尋 {i}",
            "賴：@{i}",
            "加line好友 {i}",
        )
    )
    return handle(rng, cue.format(i=i), i, "line", "nan", template=cue)


def line_link_variants(rng: random.Random, p: Pools) -> Draft:
    i = line_id(rng).replace(".", "_")
    form = rng.choice(
        (
            "https://line.me/R/ti/p/%40{i}",
            "line.me/ti/p/~{i}",
            "https://page.line.me/{i}",
            "https://line.me/R/ti/p/@{i}?from=page",
        )
    )
    return handle(rng, form.format(i=i), i, "line", "en", template=form)


def whatsapp_api_links(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, rng.choice(("uk", "sg", "my", "hk")))
    form = rng.choice(
        (
            "https://api.whatsapp.com/send?phone={n}&text=hi",
            "https://web.whatsapp.com/send?phone={n}",
            "whatsapp.com/send/?phone=%2B{n}&type=phone_number",
            "https://wa.me/{n}?text=I%27m%20interested",
        )
    )
    return handle(rng, form.format(n=n), n, "whatsapp", "en", template=form)


def phone_keypad_letters(rng: random.Random, p: Pools) -> Draft:
    shown, n = keypad_number(rng)
    cue = rng.choice(
        ("call or text {s}", "WhatsApp {s}", "tel: {s}", "hotline {s} (keypad letters)")
    )
    return handle(rng, cue.format(s=shown), n, "phone", "en", template=cue)


def wechat_v_pictured(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    cue = rng.choice(
        ("✌️：{i}", "√信：{i}", "✅信 {i}", "ⓥⓧ：{i}", "𝕍𝕩：{i}", "✌🏻信 {i}", "加✌ {i}")
    )
    return handle(rng, cue.format(i=i), i, "wechat", "zh", template=cue)


def wechat_novel_homophones(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    cue = rng.choice(
        ("徽信", "威伈", "危信", "葳信", "溦信", "V字头软件", "绿色聊天软件", "wei❤xin", "微 X")
    )
    return handle(rng, f"{cue}：{i}", i, "wechat", "zh", template=cue)


def cues_in_jyutping(rng: random.Random, p: Pools) -> Draft:
    if rng.random() < 0.5:
        i, kind, cue = wechat_id(rng), "wechat", rng.choice(("mei4 seon3", "mei seon", "MEI4SEON3"))
    else:
        i, kind, cue = tg_user(rng), "telegram", rng.choice(("fei1 gei1", "din6 bou3", "fei gei"))
    return handle(rng, f"加我 {cue}：{i}", i, kind, "yue", template=cue)


def english_slang_cues(rng: random.Random, p: Pools) -> Draft:
    if rng.random() < 0.5:
        i, kind = tg_user(rng), "telegram"
        cue = rng.choice(
            (
                "hmu on tele @{i}",
                "slide into my tg: {i}",
                "my tele is {i}",
                "paper plane app -> {i}",
            )
        )
    else:
        i, kind = "+" + mobile(rng, "uk"), "whatsapp"
        cue = rng.choice(
            ("wassap me {i}", "holla on WA {i}", "the green phone app: {i}", "whatsie {i}")
        )
    return handle(rng, cue.format(i=i), i.lstrip("+"), kind, "en", template=cue)


def zalo_phone(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, "vn")
    local = "0" + n[2:]
    shown = rng.choice(
        (f"{local[:4]} {local[4:7]} {local[7:]}", f"{local[:4]}.{local[4:7]}.{local[7:]}", local)
    )
    cue = rng.choice(("Zalo: {s}", "kết bạn Zalo {s}", "zalo {s}", "ZL: {s}"))
    return handle(rng, cue.format(s=shown), n, "phone", "vi", template=cue)


def telegram_homoglyph_id(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    disguised = "".join(CYR[c] if c in CYR and k % 2 else c for k, c in enumerate(i))
    cue = rng.choice(("TG：@{i}", "telegram: @{i}", "飞机：{i}", "t.me/{i}"))
    return handle(rng, cue.format(i=disguised), i, "telegram", "zh", template=cue)


def qq_keycaps_homophone_cue(rng: random.Random, p: Pools) -> Draft:
    q = qq_number(rng)
    cue = rng.choice(("蔻蔻：{q}", "扣❤扣 {q}", "抠抠 {q}", "Q❤Q：{q}", "企🐧：{q}"))
    return handle(rng, cue.format(q=keycaps(q)), q, "qq", "zh", template=cue)


def whatsapp_chinese_numerals(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, rng.choice(("sg", "my", "hk")))
    table = rng.choice((ZH_DIGITS, FIN_DIGITS))
    cc = len(n) - 8 if not n.startswith("60") else 2
    shown = (
        "+" + "".join(table[int(c)] for c in n[:cc]) + " " + "".join(table[int(c)] for c in n[cc:])
    )
    cue = rng.choice(("WhatsApp：{s}", "瓦次艾普 {s}", "WA：{s}"))
    return handle(rng, cue.format(s=shown), n, "whatsapp", "zh", template=cue)


def whatsapp_keycaps(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, rng.choice(("uk", "sg")))
    cue = rng.choice(("WhatsApp ➕{s}", "WA 👉 +{s}", "whatsapp: {s}"))
    return handle(rng, cue.format(s=keycaps(n)), n, "whatsapp", "en", template=cue)


def handle_split_name_bio(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    cut = rng.randrange(2, len(i) - 1)
    form = rng.choice(
        (
            "昵称：{a}\n简介：{b}（昵称+简介=V号）",
            "名字：{a}\n签名：后半段{b}，连起来是薇信",
            "name: {a}\nbio: ...{b} (name + this = my wechat)",
        )
    )
    return handle(
        rng, form.format(a=i[:cut], b=i[cut:]), i, "wechat", "zh", surface="bio", template=form
    )


def wechat_fullwidth_emoji_cue_after(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    e = rng.choice(("🌸", "💎", "🍓"))
    shown = e.join(fullwidth(part) for part in (i[: len(i) // 2], i[len(i) // 2 :]))
    cue = rng.choice(("{s} ← 薇", "{s}（绿泡泡）", "{s} 是我的威", "{s} ✌信"))
    return handle(rng, cue.format(s=shown) + f"（去掉{e}）", i, "wechat", "zh", template=cue)


def tme_chinese_slash(rng: random.Random, p: Pools) -> Draft:
    i = tg_user(rng)
    form = rng.choice(
        ("t点me斜杠{i}", "t.me 斜线 {i}", "t。me／{i}", "t 點 me 斜槓 {i}", "tee dot me slash {i}")
    )
    return handle(rng, form.format(i=i), i, "telegram", "zh", template=form)


def phone_cn_financial_balls(rng: random.Random, p: Pools) -> Draft:
    n = mobile(rng, "cn")[2:]
    b = rng.choice(("⚫", "🔘", "•", "◉"))
    groups = (n[:3], n[3:7], n[7:])
    shown = b.join("".join(FIN_DIGITS[int(c)] for c in g) for g in groups)
    cue = rng.choice(("電話：{s}", "热线 {s}", "手机号 {s}", "打给我 {s}"))
    return handle(rng, cue.format(s=shown), n, "phone", "zh", template=cue)


def qq_mail_fullwidth_dot(rng: random.Random, p: Pools) -> Draft:
    q = qq_number(rng)
    form = rng.choice(("{q}＠ｑｑ．ｃｏｍ", "{q}@qq点com", "{q} at qq dot com", "{q}﹫QQ。COM"))
    return handle(rng, "邮箱 " + form.format(q=q), q, "qq", "zh", template=form)


def username_glued_cue(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    form = rng.choice(("vx·{i}", "V❤{i}", "薇{i}", "威_{i}", "wx丨{i}"))
    return handle(rng, form.format(i=i), i, "wechat", "zh", surface="username", template=form)


def livestream_title_handle(rng: random.Random, p: Pools) -> Draft:
    i = wechat_id(rng)
    form = rng.choice(
        ("【直播】进群加薇❤：{i} 送福利", "🔴LIVE 卫星 {i} 私聊", "直播间同款找✌信 {i}")
    )
    return handle(rng, form.format(i=i), i, "wechat", "zh", surface="livestream", template=form)


def qq_new_cues(rng: random.Random, p: Pools) -> Draft:
    q = qq_number(rng)
    cue = rng.choice(("鹅号", "企鹅号码", "鹅厂号", "QQ 號", "Ｑ號", "蔻蔻号", "抠抠号"))
    shown = fullwidth(q) if rng.random() < 0.5 else " ".join(q)
    return handle(rng, f"{cue}：{shown}", q, "qq", "zh", template=cue)


def line_misspelt(rng: random.Random, p: Pools) -> Draft:
    i = line_id(rng)
    cue = rng.choice(("Iine ID", "L!NE", "LlNE id", "ＬＩＮＥ ＩＤ", "line帳號", "L1NE"))
    return handle(rng, f"{cue}: {i}", i, "line", "en", template=cue)


HANDLE_FAMILIES: dict[str, Family] = {
    "h_qq_new_cues": qq_new_cues,
    "h_line_misspelt": line_misspelt,
    "h_kakao_cues": kakao_cues,
    "h_telegram_misspelt": telegram_misspelt,
    "h_telegram_russian_slang": telegram_russian_slang,
    "h_telegram_cantonese": telegram_cantonese,
    "h_whatsapp_hk_cantonese": whatsapp_hk_cantonese,
    "h_whatsapp_misspellings": whatsapp_misspellings,
    "h_line_taiwanese": line_taiwanese,
    "h_line_link_variants": line_link_variants,
    "h_whatsapp_api_links": whatsapp_api_links,
    "h_phone_keypad_letters": phone_keypad_letters,
    "h_wechat_v_pictured": wechat_v_pictured,
    "h_wechat_novel_homophones": wechat_novel_homophones,
    "h_cues_in_jyutping": cues_in_jyutping,
    "h_english_slang_cues": english_slang_cues,
    "h_zalo_phone": zalo_phone,
    "h_telegram_homoglyph_id": telegram_homoglyph_id,
    "h_qq_keycaps_homophone_cue": qq_keycaps_homophone_cue,
    "h_whatsapp_chinese_numerals": whatsapp_chinese_numerals,
    "h_whatsapp_keycaps": whatsapp_keycaps,
    "h_handle_split_name_bio": handle_split_name_bio,
    "h_wechat_fullwidth_emoji_cue_after": wechat_fullwidth_emoji_cue_after,
    "h_tme_chinese_slash": tme_chinese_slash,
    "h_phone_cn_financial_balls": phone_cn_financial_balls,
    "h_qq_mail_fullwidth_dot": qq_mail_fullwidth_dot,
    "h_username_glued_cue": username_glued_cue,
    "h_livestream_title_handle": livestream_title_handle,
}
