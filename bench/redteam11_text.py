"""Red team 11's spam wording: what each kind of listed site says around its link, per language.

``{v}`` is where the disguised link goes; the same template with the plain host is the case's
``key``. No template names another host, so any other host a scanner reports is a wrong one.
"""

from __future__ import annotations

import random

LINK_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "gambling": (
            "真人百家乐 首充送100% 官网：{v}",
            "体育投注 天天返水1.5% 👉 {v}",
            "老虎机爆分 注册就送88元 {v} 秒提现",
            "新葡京线上娱乐 大额无忧 {v}",
            "世界杯竞猜 高赔率 Bet now：{v}",
        ),
        "porn": (
            "免费成人视频 无码高清 {v}",
            "同城约炮 私密直播 👉 {v}",
            "福利姬合集 每日更新 {v} 18+",
            "深夜福利 懂的来 {v}",
        ),
        "scam": (
            "日赚3000 兼职刷单 详情 {v}",
            "投资理财 稳赚不赔 带单 {v}",
            "低息贷款 秒到账 无视征信 {v}",
            "USDT搬砖 日收益8% 入口：{v}",
        ),
        "phishing": (
            "【账户异常】您的账户已被冻结，请登录 {v} 验证身份",
            "您的积分即将清零，请尽快兑换：{v}",
            "ETC认证失效，请访问 {v} 重新认证，逾期停用",
        ),
        "malware": (
            "破解版外挂 免费下载 {v}",
            "安装插件才能观看：{v}",
            "绿色版激活工具 {v} 亲测可用",
        ),
    },
    "en": {
        "gambling": (
            "Casino bonus 200% on first deposit 🎰 {v}",
            "Best odds live betting, instant withdrawals: {v}",
            "free spins no deposit 👉 {v}",
            "VIP baccarat tables open 24/7 at {v}",
        ),
        "porn": (
            "Hot singles in your area, free cams 18+ {v}",
            "leaked nudes full set here {v}",
            "xxx videos uncensored 👉 {v}",
        ),
        "scam": (
            "Earn $500/day from home, no experience needed {v}",
            "Crypto doubling, guaranteed profit. Join {v}",
            "You won an iPhone 15! Claim at {v}",
        ),
        "phishing": (
            "Your account has been suspended. Verify now: {v}",
            "USPS: your package is on hold, update your address at {v}",
            "Unusual sign-in detected, secure your account {v}",
        ),
        "malware": (
            "Free cracked software download {v}",
            "Install the codec to watch the video: {v}",
        ),
    },
}

HANDLE_TEMPLATES: dict[str, tuple[tuple[str, bool], ...]] = {
    "zh": (
        ("兼职刷单 日结300 加{cue}{v}", True),
        ("裸聊 一对一 真人 {cue}{v}", True),
        ("代理招募 高返佣 {cue}{v}", True),
        ("出售银行卡四件套 {cue}{v}", True),
        ("低价代充 游戏币 {cue}{v}", False),
        ("二手手机 同城面交 {cue}{v}", False),
    ),
    "en": (
        ("Sugar daddy looking for a sweet girl, allowance weekly {cue}{v}", True),
        ("Fresh fullz and bank logs, escrow ok {cue}{v}", True),
        ("Work from home, $300 a day, message {cue}{v}", True),
        ("Selling my old bike, message {cue}{v}", False),
    ),
}

CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "wechat": {"zh": ("微信：", "VX：", "薇：", "v信 ", "wx："), "en": ("WeChat: ", "wechat id ")},
    "qq": {"zh": ("QQ：", "扣扣 ", "企鹅号："), "en": ("QQ: ", "QQ number ")},
    "telegram": {"zh": ("飞机：", "TG：", "纸飞机 "), "en": ("Telegram: ", "TG ")},
    "whatsapp": {"zh": ("WhatsApp：", "瓦次艾普 "), "en": ("WhatsApp: ", "WA ")},
    "line": {"zh": ("LINE ID：", "賴 "), "en": ("LINE ID: ", "line: ")},
    "phone": {"zh": ("电话：", "手机 ", "热线 "), "en": ("call ", "Tel: ", "text me ")},
}


def link_template(rng: random.Random, lang: str, category: str) -> str:
    return rng.choice(LINK_TEMPLATES[lang][category])


def handle_template(rng: random.Random, lang: str) -> tuple[str, bool]:
    return rng.choice(HANDLE_TEMPLATES[lang])


def cue(rng: random.Random, kind: str, lang: str) -> str:
    return rng.choice(CUES[kind][lang])
