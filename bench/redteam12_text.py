"""Red team 12's wording: the spam lines its values are set in, and the messenger cues.

Spammers mix Chinese and English in one line, so a third of the templates do. ``{v}`` is where
the disguised value goes (the key puts the plain value there); wording never holds a dot-word or
a TLD of its own, so the only host in a message is the planted one.
"""

from __future__ import annotations

import random

LINK_ZH = (
    "🔥百家乐 真人视讯 老虎机 官网 {v} 首充送100%",
    "兄弟们新盘口上线了 {v} 注册就送88 秒到账",
    "看片不卡 无需翻墙 {v} 每晚更新",
    "同城约 真实照片 {v} 不满意不收费",
    "您的账户存在异常，请立即登录 {v} 完成验证，否则将冻结",
    "日赚3000 稳赚不赔 带单老师在 {v}",
    "破解版安装包在 {v} 免费领会员",
)
LINK_EN = (
    "🎰 live casino and slots, 200% welcome bonus ➜ {v}",
    "hot girls near you tonight, no signup fee 👉 {v}",
    "Your parcel is on hold, confirm your address at {v} within 24h",
    "crypto signals 10x guaranteed, join us at {v}",
    "free premium unlocked apk, download from {v}",
    "Your account was suspended! Verify now: {v}",
    "unlimited free spins 🎁 all new players 👉 {v}",
)
LINK_MIX = (
    "🔥 Casino VIP 真人百家乐 ➜ {v} 首存100送100",
    "free 看片 no VPN 👉 {v}",
    "USDT 日息5% guaranteed 稳赚 {v}",
    "约炮 hookup tonight 同城 {v}",
)

HANDLE_ZH = (
    ("兼职日结 动动手指一天300 加{cue} {v} 备注来意", True),
    ("{cue}：{v} 有事留言", False),
    ("出国高薪 包机票包住宿 {cue} {v}", True),
    ("约吗 学生妹 上门服务 {cue} {v}", True),
    ("二手闲置转让 有意私聊 {cue} {v}", False),
    ("稳赚带单 翻倍计划 {cue} {v}", True),
)
HANDLE_EN = (
    ("investment mentor, 20% weekly returns, {cue} {v}", True),
    ("add me on {cue}: {v}", False),
    ("escort service 24/7, outcall ok, {cue} {v}", True),
    ("selling my old bike, message me on {cue} {v}", False),
    ("work from home, earn $500/day, {cue} {v}", True),
)

CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "wechat": (("微信", "vx", "V信", "薇信", "wx"), ("WeChat", "wechat", "WeChat ID")),
    "qq": (("QQ", "扣扣", "🐧", "QQ号"), ("QQ", "QQ number")),
    "telegram": (("飞机", "电报", "TG", "纸飞机"), ("Telegram", "TG", "telegram")),
    "whatsapp": (("WhatsApp", "瓦次普", "WA"), ("WhatsApp", "WA", "whatsapp")),
    "line": (("LINE", "Line ID", "賴"), ("LINE", "Line ID", "line")),
    "phone": (("电话", "手机", "致电"), ("call", "phone", "tel")),
}


def link_template(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return rng.choice(LINK_ZH + LINK_MIX)
    return rng.choice(LINK_EN + LINK_MIX)


def handle_template(rng: random.Random, lang: str) -> tuple[str, bool]:
    return rng.choice(HANDLE_ZH if lang == "zh" else HANDLE_EN)


def cue(rng: random.Random, kind: str, lang: str) -> str:
    zh, en = CUES[kind]
    return rng.choice(zh if lang == "zh" else en)
