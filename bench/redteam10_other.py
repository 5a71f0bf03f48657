"""Red team 10: handle, should-review and benign families.

Handles: real-shaped WeChat, QQ, Telegram, WhatsApp, LINE ids and mainland phones behind cues in
Korean, Japanese, Thai, Arabic, Russian and Cantonese slang (``위챗``, ``テレ垢``, ``แอดไลน์``,
``واتساب``, ``微信傾``, ``🐧``), digits as Korean, Japanese and Thai words or Chinese financial
numerals, ids typed on the wrong keyboard (Zhuyin, ЙЦУКЕН), pairs swapped, look-alike letters in
a phone, middle-dot groups, and in new containers: vCards, hashtags, JSON, quoted replies,
``weixin://`` and ``mqqwpa://`` deep links, ``t.me/s/`` previews. Should-review: harmful
wordings no earlier team used (overseas "typist" jobs, hidden-camera videos, crypto "recovery",
pills without prescription) beside a plain id; a link with letters left to guess; a Vigenère
name whose key is "in DM". Benign: ordinary text that looks like the tricks (chess moves,
chemistry, attribute access, spoken decimals in Korean, Japanese and Thai, flags and keycaps,
LaTeX, Vietnamese addresses, private IPs).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench import redteam10_tricks as t
from bench.redteam7 import SURFACES, Case, Pools
from bench.redteam10_text import LONG_SURFACES

Rng = random.Random
Builder = Callable[[Rng, Pools, int], Case]

SYLLABLES = (
    "xiaoyu", "mimi", "lele", "honey", "kiki", "nana", "baobao", "luna", "coco", "bibi", "yoyo",
    "vicky", "jojo", "pink", "mango", "peach", "bobo", "ruby", "nini", "cherry",
)  # fmt: skip
WA_SHAPES = (("852", "6", 7), ("65", "8", 7), ("60", "1", 8), ("44", "7", 9), ("62", "8", 9))
FIN = "零壹贰叁肆伍陆柒捌玖"


def _digits(rng: Rng, n: int, pool: str = "0123456789") -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def new_id(
    rng: Rng, kind: str, sep: str | None = None, pool: str = "0123456789"
) -> tuple[str, str]:
    """(expected id, the id as written plainly in a message)."""
    if kind in ("wechat", "telegram", "line"):
        a, b = rng.sample(SYLLABLES, 2)
        if sep is None:
            sep = rng.choice(("", "_")) if kind != "line" else rng.choice(("", ".", "_"))
        v = f"{a}{sep}{b}{_digits(rng, rng.randint(2, 4), pool)}"
        return v, v
    if kind == "qq":
        v = rng.choice(pool.replace("0", "")) + _digits(rng, rng.randint(6, 9), pool)
        return v, v
    if kind == "whatsapp":
        cc, first, n = rng.choice(WA_SHAPES)
        nsn = first + _digits(rng, n, pool)
        return cc + nsn, f"+{cc} {nsn}"
    v = "1" + rng.choice("3589") + _digits(rng, 9, pool)
    return v, v


PLAIN_CUE = {
    "wechat": "微信", "qq": "QQ", "telegram": "Telegram", "whatsapp": "WhatsApp", "line": "LINE",
    "phone": "电话",
}  # fmt: skip
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "harmful": {
        "zh": (
            "网赌上岸导师，一对一带你回本，{c}：{id}",
            "全套服务，上门快，照片真人，{c} {id}",
            "信用卡套现，额度越高费率越低，{c}：{id}",
        ),
        "en": (
            "sugar daddy wanted, $500 per meet, {c}: {id}",
            "guaranteed 40% weekly return on crypto, my mentor's {c} {id}",
        ),
        "ko": ("토토 픽 유출, 100% 적중, {c}: {id}", "조건만남 24시간, {c} {id}"),
        "ja": ("裏バイト日給10万、即日払い、{c}：{id}", "パパ活募集中💕{c} {id}"),
        "th": ("เว็บพนันแจกเครดิตฟรี 500 บาท {c} {id}", "รับจ้างเปิดบัญชี รายได้ดี {c} {id}"),
        "ru": ("быстрые займы без проверок, {c}: {id}", "работа курьером, 200к в месяц, {c} {id}"),
        "ar": ("ربح مضمون من التداول يوميا، {c}: {id}", "قروض فورية بدون ضمانات {c} {id}"),
    },
    "neutral": {
        "zh": ("二手自行车出售，{c}：{id}", "找人一起拼车回老家，{c} {id}"),
        "en": ("selling my old textbooks, {c}: {id}", "looking for a tennis partner, {c} {id}"),
        "ko": ("중고 자전거 팝니다, {c}: {id}",),
        "ja": ("フリマで服を売ってます、{c}：{id}",),
        "th": ("ขายจักรยานมือสอง {c} {id}",),
        "ru": ("продаю велосипед, {c}: {id}",),
        "ar": ("للبيع دراجة مستعملة، {c}: {id}",),
    },
    "short": {
        "zh": ("{c}：{id}", "{c} {id} 💋"), "en": ("{c}: {id}",), "ko": ("{c}: {id}",),
        "ja": ("{c}：{id}",), "th": ("{c} {id}",), "ru": ("{c}: {id}",), "ar": ("{c}: {id}",),
    },
}  # fmt: skip

IdFn = Callable[[Rng, str, str], tuple[str, str]]  # (rng, id as written, lang) -> (shown, hint)


def plain(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    return s, ""


def fw_id(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    return t.fullwidth(s), ""


def word_digits(words: list[str], sep: str = " ") -> IdFn:
    def fn(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
        d = s.replace(" ", "")
        return sep.join(words[int(c)] if c.isdigit() else c for c in d), ""

    return fn


def fin_digits(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    return "".join(FIN[int(c)] for c in s), ""


def arabic_digits(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    d = s.replace(" ", "")
    return "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in d), ""


def vcard_id(kind: str) -> IdFn:
    def fn(rng: Rng, s: str, lang: str) -> tuple[str, str]:
        name = rng.choice(("Coco", "小雨", "Vicky Lee", "客服"))
        if kind == "wechat":
            field = rng.choice((f"X-WECHAT:{s}", f"NOTE:WeChat {s}", f"IMPP:weixin:{s}"))
        else:
            field = f"TEL;TYPE=cell:{t.fullwidth(s)}"
        return f"\nBEGIN:VCARD\nVERSION:3.0\nFN:{name}\n{field}\nEND:VCARD\n", ""

    return fn


def hashtag_id(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return f"#{s}", ""


def tme_s(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return rng.choice((f"t.me/s/{s}", f"https://t.me/s/{s}")), ""


def weixin_deeplink(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return rng.choice((f"weixin://contacts/profile/{s}", f"weixin://dl/chat?{s}")), ""


def mqq(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return f"mqqwpa://im/chat?chat_type=wpa&uin={s}&version=1", ""


def middle_dot_groups(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    cc, nsn = s.lstrip("+").split(" ")
    k = len(nsn) // 2
    return f"＋{cc}・{nsn[:k]}・{nsn[k:]}", ""


LOOK = {"0": "O", "1": "l", "8": "B", "5": "S"}


def lookalike_phone(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return "".join(LOOK[c] if c in LOOK and i > 0 and rng.random() < 0.6 else c
                   for i, c in enumerate(s)), ""  # fmt: skip


def pairs_swapped_tg(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    h = "每两个字符调换了顺序" if lang == "zh" else "every two characters swapped"
    return "@" + t.pairs_swapped(s), h


def zhuyin_line(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return t.zhuyin_keyboard(s), "注音鍵盤忘了切，照鍵位打回英文"


def russian_tg(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return "@" + t.russian_layout(s), "набрано в русской раскладке"


def thai_dot_line(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return s.replace(".", " จุด "), ""


def json_tg(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    note = rng.choice(("VIP", "客服", "support"))
    return '{"name":"' + note + '","tg":"@' + s + '"}', ""


def tags_id(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return t.tags_inside(rng, s), ""


def quoted(kind: str) -> IdFn:
    def fn(rng: Rng, s: str, lang: str) -> tuple[str, str]:
        return s, ""

    return fn


Cue = Callable[[Rng, str], str]


def cues(**by_lang: tuple[str, ...]) -> Cue:
    return lambda rng, lang: rng.choice(by_lang[lang])


# kind, id disguise, cue, tricks, languages, id options (sep, pool, literal)
H = tuple[str, IdFn, Cue, tuple[str, ...], tuple[str, ...], dict[str, object]]
NO3467 = "012589"
HANDLE_SPECS: dict[str, H] = {
    "h_wechat_korean_cue_fullwidth": ("wechat", fw_id, cues(ko=("위챗", "위챗 아이디", "웨이신")), ("ko_cue", "fullwidth"), ("ko",), {}),  # noqa: E501
    "h_line_thai_slang_cue": ("line", lambda r, s, lang: ("@" + s if r.random() < 0.5 else s, ""), cues(th=("แอดไลน์", "ทักไลน์", "ไลน์ไอดี", "แอดไลน์มาเลย")), ("th_slang_cue",), ("th",), {}),  # noqa: E501
    "h_telegram_japanese_slang_cue": ("telegram", lambda r, s, lang: ("@" + s, ""), cues(ja=("テレ垢", "テレグラムID", "テレ", "連絡はテレで")), ("ja_slang_cue",), ("ja",), {}),  # noqa: E501
    "h_whatsapp_korean_digit_words": ("whatsapp", word_digits(t.KO_DIGITS), cues(ko=("왓츠앱", "왓츠앱 번호")), ("ko_cue", "ko_digit_words"), ("ko",), {}),  # noqa: E501
    "h_phone_japanese_katakana_digits": ("phone", word_digits(t.JA_DIGITS, "・"), cues(ja=("電話番号", "お電話は", "TEL")), ("ja_digit_words",), ("ja",), {}),  # noqa: E501
    "h_phone_thai_digit_words": ("phone", word_digits(t.TH_DIGITS), cues(th=("โทร", "เบอร์โทร", "ติดต่อเบอร์")), ("th_digit_words", "th_cue"), ("th",), {}),  # noqa: E501
    "h_qq_penguin_emoji_financial_numerals": ("qq", fin_digits, cues(zh=("🐧", "🐧号", "企鹅🐧")), ("penguin_emoji_cue", "financial_numerals"), ("zh",), {}),  # noqa: E501
    "h_whatsapp_arabic_cue_digits": ("whatsapp", arabic_digits, cues(ar=("واتساب", "واتس", "راسلني واتساب")), ("ar_cue", "arabic_digits"), ("ar",), {}),  # noqa: E501
    "h_wechat_vcard_field": ("wechat", vcard_id("wechat"), cues(zh=("名片",), en=("my card",)), ("vcard",), ("zh", "en"), {}),  # noqa: E501
    "h_phone_vcard_fullwidth": ("phone", vcard_id("phone"), cues(zh=("名片",), en=("contact card",)), ("vcard", "fullwidth"), ("zh", "en"), {}),  # noqa: E501
    "h_wechat_hashtag_id": ("wechat", hashtag_id, cues(zh=("#微信", "#加微信", "#vx"), en=("#wechat", "#WeChatID")), ("hashtag",), ("zh", "en"), {"sep": ""}),  # noqa: E501
    "h_telegram_tme_s_preview": ("telegram", tme_s, cues(zh=("频道", "TG频道"), en=("channel", "preview")), ("tme_s_path",), ("zh", "en"), {}),  # noqa: E501
    "h_wechat_weixin_deeplink": ("wechat", weixin_deeplink, cues(zh=("点这里加我", "一键添加"), en=("tap to add me", "add me")), ("weixin_uri",), ("zh", "en"), {}),  # noqa: E501
    "h_qq_mqqwpa_deeplink": ("qq", mqq, cues(zh=("手机点这里聊", "一键聊天"), en=("chat with me", "tap to chat")), ("mqqwpa_uri",), ("zh", "en"), {}),  # noqa: E501
    "h_whatsapp_middle_dot_groups": ("whatsapp", middle_dot_groups, cues(zh=("WhatsApp", "WA"), en=("WhatsApp", "WA"), ja=("ワッツアップ", "WhatsApp")), ("middle_dot_groups", "fullwidth_plus"), ("zh", "en", "ja"), {}),  # noqa: E501
    "h_phone_lookalike_letters": ("phone", lookalike_phone, cues(zh=("电话", "手机", "来电"), en=("call", "phone")), ("lookalike_letters_phone",), ("zh", "en"), {}),  # noqa: E501
    "h_telegram_pairs_swapped_hint": ("telegram", pairs_swapped_tg, cues(zh=("TG", "飞机"), en=("Telegram", "TG")), ("pairs_swapped", "hint"), ("zh", "en"), {"literal": t.pairs_swapped}),  # noqa: E501
    "h_line_zhuyin_keyboard_hint": ("line", zhuyin_line, cues(zh=("LINE ID", "LINE")), ("zhuyin_keyboard", "hint"), ("zh",), {"sep": "", "pool": NO3467, "zhuyin": True}),  # noqa: E501
    "h_telegram_russian_layout_hint": ("telegram", russian_tg, cues(ru=("Телеграм", "ТГ", "пиши в тг")), ("russian_layout", "hint"), ("ru",), {"sep": ""}),  # noqa: E501
    "h_line_thai_dot_word": ("line", thai_dot_line, cues(th=("ไลน์ไอดี", "แอดไลน์")), ("th_dot_word",), ("th",), {"sep": "."}),  # noqa: E501
    "h_telegram_json_field": ("telegram", json_tg, cues(zh=("联系方式", "配置"), en=("contact", "config")), ("json",), ("zh", "en"), {}),  # noqa: E501
    "h_wechat_cantonese_cue_tag_chars": ("wechat", tags_id, cues(zh=("微信傾", "WeChat傾偈", "add我微信")), ("yue_cue", "tag_chars"), ("zh",), {}),  # noqa: E501
    "h_qq_quoted_reply": ("qq", quoted("qq"), cues(zh=("> 扣扣多少？\n", "> 你Q号发我\n"), en=("> what's your QQ?\n",)), ("quoted_reply_split",), ("zh", "en"), {}),  # noqa: E501
}  # fmt: skip


def fill(template: str, cue: str, shown: str) -> str:
    return template.replace("{c}", cue).replace("{id}", shown)


def make_handle(name: str, spec: H) -> Builder:
    kind, idfn, cue_fn, tricks, langs, opts = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = langs[i % len(langs)]
        surface = SURFACES[rng.randrange(len(SURFACES))]
        if name == "h_qq_quoted_reply" or "vcard" in name:
            surface = rng.choice(LONG_SURFACES)
        short = surface in ("username", "display_name", "map_place")
        harmful = not short and rng.random() < 0.5
        group = "short" if short else "harmful" if harmful else "neutral"
        template = rng.choice(TEMPLATES[group][lang])
        cue = cue_fn(rng, lang)
        sep = opts.get("sep")
        pool = str(opts.get("pool", "0123456789"))
        for _ in range(200):
            expected, written = new_id(rng, kind, sep if isinstance(sep, str) else None, pool)
            if not opts.get("zhuyin") or t.zhuyin_ok(written):
                break
        shown, hint_text = idfn(rng, written, lang)
        if hint_text:
            shown = f"{shown}（{hint_text}）" if lang in ("zh", "ja") else f"{shown} ({hint_text})"
        if name == "h_qq_quoted_reply":
            harmful = False
            answer = rng.choice(("{id}", "{id} 加我备注来意", "{id}，验证写朋友介绍"))
            if lang == "en":
                answer = rng.choice(("{id}", "{id}, say who sent you"))
            text = cue + answer.replace("{id}", shown)
            key = "QQ: " + answer.replace("{id}", written)
        else:
            text = fill(template, cue, shown)
            key = fill(template, PLAIN_CUE[kind], written)
        literal = opts.get("literal")
        others = (literal(written),) if callable(literal) else ()
        return Case(
            id="", family="", group="handle", kind=kind, surface=surface, lang=lang, text=text,
            expected=(expected,), others=others, harmful=harmful, key=key, tricks=tricks,
        )  # fmt: skip

    return build


def handle_families() -> dict[str, Builder]:
    return {name: make_handle(name, spec) for name, spec in HANDLE_SPECS.items()}


# ---- should-review ---------------------------------------------------------------------------

REVIEW_WORDING = {
    "r_overseas_typist_jobs_zh": (
        "高薪招聘海外打字员，月薪3万起，包机票包吃住，无需经验，{c}：{id}",
        "东南亚高薪客服岗，护照我们办，落地就上班，{c} {id}",
    ),
    "r_hidden_camera_videos_zh": (
        "酒店针孔偷拍合集，真实原版，不卡不糊，{c}：{id}",
        "更衣室隐藏摄像头视频，打包出售，{c} {id}",
    ),
    "r_crypto_recovery_en": (
        "lost your crypto to a scam? certified recovery hackers get 100% back, {c}: {id}",
        "we trace and recover stolen USDT, no recovery no fee, {c} {id}",
    ),
    "r_pills_no_prescription_en": (
        "Xanax, Oxy, Adderall, no prescription needed, discreet delivery, {c}: {id}",
        "ket and molly in stock, same day drop, {c} {id}",
    ),
}
REVIEW_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "wechat": {"zh": ("微信", "VX"), "en": ("WeChat",)},
    "qq": {"zh": ("QQ",), "en": ("QQ",)},
    "telegram": {"zh": ("TG", "电报"), "en": ("Telegram", "TG")},
    "whatsapp": {"zh": ("WhatsApp",), "en": ("WhatsApp", "WA")},
}


def make_review_handle(name: str) -> Builder:
    def build(rng: Rng, pools: Pools, i: int) -> Case:
        kind = ("wechat", "qq", "telegram", "whatsapp")[i % 4]
        template = REVIEW_WORDING[name][i % 2]
        lang = "en" if template.isascii() else "zh"
        cue = rng.choice(REVIEW_CUES[kind][lang])
        expected, written = new_id(rng, kind)
        text = fill(template, cue, written)
        return Case(
            id="", family="", group="review", kind=kind,
            surface=rng.choice((*LONG_SURFACES, "bio", "listing")), lang=lang, text=text,
            expected=(expected,), harmful=True, key=text, tricks=("harmful_wording",),
        )  # fmt: skip

    return build


def r_letters_to_guess(rng: Rng, pools: Pools, i: int) -> Case:
    """A link clearly offered, two letters of its name left for the reader to guess."""
    h = pools.host(rng, lambda x: sum(c.isalpha() for c in x.name) >= 4)
    idx = [k for k, c in enumerate(h.name) if c.isalpha()]
    hide = set(rng.sample(idx, 2))
    mark = rng.choice(("?", "＿", "□"))
    shown = "".join(mark if k in hide else c for k, c in enumerate(h.name)) + "." + h.tld
    lang = "zh" if i % 2 == 0 else "en"
    if lang == "zh":
        lead, tail = "新站开了，", "，空的两个字母自己猜，猜对就能进，注册送88"
    else:
        lead, tail = (
            "new site is up: ",
            " , guess the two missing letters and you're in, free spins",
        )
    return Case(
        id="", family="", group="review", kind="host", surface=rng.choice(SURFACES), lang=lang,
        text=f"{lead}{shown}{tail}", expected=(h.host,), harmful=True, source=h.source,
        key=f"{lead}{h.host}{tail}", tricks=("letters_to_guess",),
    )  # fmt: skip


def vigenere(s: str, key: str) -> str:
    out, k = [], 0
    for c in s:
        if c.isalpha():
            out.append(chr((ord(c) - 97 + ord(key[k % len(key)]) - 97) % 26 + 97))
            k += 1
        else:
            out.append(c)
    return "".join(out)


def r_vigenere_key_in_dm(rng: Rng, pools: Pools, i: int) -> Case:
    """Vigenère with the key withheld ("key in DM"): a reader cannot decode it."""
    h = pools.host(rng)
    key = "".join(rng.choice(t.LOWER) for _ in range(4))
    read = vigenere(h.name, key) + "." + h.tld
    lang = "zh" if i % 2 == 0 else "en"
    if lang == "zh":
        lead, tail = "新地址用维吉尼亚加密了：", "（密钥私聊我要），进去送彩金"
    else:
        lead, tail = "new address, Vigenère encrypted: ", " (DM me for the key), bonus inside"
    return Case(
        id="", family="", group="review", kind="host", surface=rng.choice(LONG_SURFACES),
        lang=lang, text=f"{lead}{read}{tail}", expected=(h.host,), others=(read,),
        harmful=True, source=h.source, key=f"{lead}{h.host}{tail}",
        tricks=("vigenere_no_key",),
    )  # fmt: skip


def review_families() -> dict[str, Builder]:
    out: dict[str, Builder] = {name: make_review_handle(name) for name in REVIEW_WORDING}
    out["r_letters_to_guess"] = r_letters_to_guess
    out["r_vigenere_key_in_dm"] = r_vigenere_key_in_dm
    return out


# ---- benign ----------------------------------------------------------------------------------


def _chess(r: Rng) -> str:
    return r.choice((
        "1.e4 e5 2.Nf3 Nc6 3.Bb5 a6 4.Ba4 Nf6，经典西班牙开局",
        "after 1.d4 Nf6 2.c4 e6 3.Nc3 Bb4 black has the Nimzo", "12...Qxd4?? 13.Bxf7+ 赢了",
        f"puzzle #{r.randint(100, 999)}: 1.Qh5+ Kg8 2.Qf7# mate in two",
    ))  # fmt: skip


def _chem(r: Rng) -> str:
    return r.choice((
        "CuSO₄·5H₂O 受热失去结晶水", "Na2CO3.10H2O is washing soda", "Fe₂O₃ + 3CO → 2Fe + 3CO₂",
        f"浓H2SO4浓度{r.randint(90, 98)}.3%，稀释时酸入水", "CH3COOH 的pKa约为4.76",
        "CaCl2.2H2O 用作干燥剂",
    ))  # fmt: skip


def _code(r: Rng) -> str:
    return r.choice((
        "df.head() 之后再 df.info() 看一下列类型", "use os.path.join(root, name) not string +",
        "console.log(user.id, config.io)", "import torch.nn as nn; model.train()",
        "self.stream.live = True  # 开播", "node.info.top 为空时会报 KeyError",
        "fix: app.store.cc 字段改名", "print(res.data.vip)",
    ))  # fmt: skip


def _versions(r: Rng) -> str:
    a, b, c = r.randint(1, 30), r.randint(0, 20), r.randint(0, 9)
    return r.choice((
        f"升级到 v{a}.{b}.{c}-rc.1 以后好多了", f"iOS {r.randint(15, 18)}.{b % 8}.{c} 的 bug 还在",
        f"Node {a}.{b}.{c} LTS, npm {c + 8}.{b}.0", f"固件版本 {a}.{b}.{c}.{r.randint(1000, 9999)}",
    ))  # fmt: skip


def _prices(r: Rng) -> str:
    return r.choice((
        f"₩{r.randint(5, 99)},900 짜장면 한 그릇", f"¥{r.randint(1, 9)}.{r.randint(100, 999)} 円（税込）",  # noqa: E501
        f"฿{r.randint(100, 999)}.00 ต่อชิ้น", f"€{r.randint(1, 9)}.50 le café",
        f"US$ {r.randint(1, 99)}.99 / month", f"到手价 {r.randint(10, 99)}.8 元，买二送一",
    ))  # fmt: skip


def _dates(r: Rng) -> str:
    y, m, d = r.randint(2019, 2027), r.randint(1, 12), r.randint(1, 28)
    return r.choice((
        f"{y}.{m:02d}.{d:02d} 开学", f"due {d:02d}.{m:02d}.{y}",
        f"令和{r.randint(1, 8)}.{m}.{d} 発行",
        f"{m}.{d} 生日快乐🎂", f"{y}.{m}.{d}~{y}.{m}.{d + 1} 展期",
    ))  # fmt: skip


def _vi_address(r: Rng) -> str:
    return r.choice((
        f"{r.randint(1, 300)} Nguyễn Huệ, P.Bến Nghé, Q.1, TP.HCM",
        f"Số {r.randint(1, 99)} ngõ {r.randint(1, 200)} Tp.Hà Nội, giao hàng trước 5h",
        "Khách sạn ở Q.3, gần chợ Bến Thành, giá 1.2 triệu/đêm", "Tôi ở TP.Đà Nẵng, tầm 3.5km",
    ))  # fmt: skip


def _zh_prose(r: Rng) -> str:
    return r.choice((
        f"这条视频播放量{r.randint(1, 9)}.{r.randint(1, 9)}万，点赞一点点", "第3.5节讲的是极限",
        "早上8.30到公司，晚上6.30下班", "今天有点累。明天见。", "我的天……这也太贵了吧",
        "A股今天涨了1.25%，收在3.1k点",
    ))  # fmt: skip


def _emoticons(r: Rng) -> str:
    return r.choice((
        "好的呀 (^.^)", "what o.O", "又加班 -.-||", "(｡•́︿•̀｡) 不开心", "ヽ(•‿•)ノ yay", "T.T 好难",
        "^_^ ok", "(｡･ω･｡)ﾉ♡ 早安",
    ))  # fmt: skip


def _math(r: Rng) -> str:
    return r.choice((
        "a·b = |a||b|cosθ", f"f(x) = {r.randint(1, 9)}.5x + 2.0",
        "0.1 + 0.2 ≠ 0.3 in floating point",
        "∑ᵢ xᵢ² ≥ 0", "sin²x + cos²x = 1", "x ∈ ℝ, x² ≥ 0",
    ))  # fmt: skip


def _en_address(r: Rng) -> str:
    return r.choice((
        f"No. {r.randint(1, 200)} Jianguo Rd., Chaoyang Dist., Beijing",
        "St. Mark's Pl., New York, NY", f"Apt. {r.randint(1, 20)}B, 221B Baker St., London",
        f"Unit {r.randint(1, 30)}, Blk. 5, Jalan Besar, S'pore",
    ))  # fmt: skip


def _spoken_decimals(r: Rng) -> str:
    a, b = r.randint(1, 9), r.randint(1, 9)
    return r.choice((
        f"평점 {a}쩜{b}, 맛집 인정", f"버전 {a} 쩜 {b} 업데이트 했어요", f"視力は{a}てん{b}です",
        f"ราคา {a} จุด {b} ล้านบาท", f"키 백칠십{a} 쩜 {b}", "닷컴 버블 때 주식 샀다가 망했음",
        "ドットコム・バブルの頃の話",
    ))  # fmt: skip


def _flags_keycaps(r: Rng) -> str:
    return r.choice((
        "🇰🇷 2-1 🇯🇵 what a game", "🇧🇷 vs 🇦🇷 3:0 ⚽", "步骤：1️⃣ 洗手 2️⃣ 切菜 3️⃣ 下锅",
        "🇨🇳🇺🇸🇬🇧 trip photos", "Top 3: 1️⃣ Tokyo 2️⃣ Seoul 3️⃣ Bangkok", "#️⃣ 今日话题",
    ))  # fmt: skip


def _latex(r: Rng) -> str:
    return r.choice((
        "$\\frac{1}{2}mv^2$ 就是动能", "$x_{n+1} = x_n - f(x_n)/f'(x_n)$",
        "\\textbf{Theorem 2.1} Let $G$ be a group.", "\\texttt{main.py} 里改一下",
        "\\url{} 里别放中文",
    ))  # fmt: skip


def _private_ips(r: Rng) -> str:
    return r.choice((
        "路由器后台 192.168.1.1，密码在底部", f"gateway is 10.0.{r.randint(0, 9)}.1",
        "本地起服务 localhost:8080 或 127.0.0.1:8000", f"打印机 IP 192.168.0.{r.randint(2, 250)}",
    ))  # fmt: skip


def _unicode_notes(r: Rng) -> str:
    return r.choice((
        "U+00E9 是 é 的码位", "the emoji 😂 is U+1F602", "全角空格是 U+3000",
        "ROT13 和 base64 都不是加密", "棋盘密码是古希腊人发明的",
    ))  # fmt: skip


BENIGN: dict[str, Callable[[Rng], str]] = {
    "b_chess_notation": _chess,
    "b_chemistry_formulas": _chem,
    "b_code_attribute_access": _code,
    "b_semver_and_firmware": _versions,
    "b_prices_many_currencies": _prices,
    "b_dotted_dates": _dates,
    "b_vietnamese_addresses": _vi_address,
    "b_chinese_prose_dots": _zh_prose,
    "b_emoticons_with_dots": _emoticons,
    "b_math_expressions": _math,
    "b_street_addresses_abbrev": _en_address,
    "b_spoken_decimals_ko_ja_th": _spoken_decimals,
    "b_flags_and_keycaps": _flags_keycaps,
    "b_latex_homework": _latex,
    "b_private_ips_localhost": _private_ips,
    "b_unicode_and_cipher_talk": _unicode_notes,
}


def make_benign(fn: Callable[[Rng], str]) -> Builder:
    def build(rng: Rng, pools: Pools, i: int) -> Case:
        text = fn(rng)
        lang = "en" if sum(c.isascii() for c in text) > 0.7 * len(text) else "zh"
        return Case(
            id="", family="", group="benign", kind="none", surface=rng.choice(SURFACES),
            lang=lang, text=text, expected=(), key=text,
        )  # fmt: skip

    return build


def benign_families() -> dict[str, Builder]:
    return {name: make_benign(fn) for name, fn in BENIGN.items()}
