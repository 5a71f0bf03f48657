"""Red team 8: the messages around a planted host or id, written the way real spam is written.

The templates follow the shapes of the real spam in ``shared/data`` (UCI SMS spam: prizes, "call
now", T&Cs and STOP lines; the Chinese telecom fraud texts: bank points expiring, parcels
returned, ETC cards, loan "customer service", part-time brushing jobs; Weibo and YouTube spam:
"check out my channel", gambling groups). Three families carry a real spam message of the sets
themselves with the disguised host appended (:func:`real_carrier`).
"""

from __future__ import annotations

import csv
import random
import re
from functools import lru_cache
from pathlib import Path

from bench.common import sms, telecom, youtube

LONG: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "gambling": (
            "【澳门新葡京】新会员首存100送58，每日返水1.2%，无上限！官网：{h} 回T退订",
            "兄弟们，今晚英超稳了，老地方{h}，注册就送88彩金，带你一起上岸",
            "真人荷官在线发牌，存款秒到，提款五分钟到账，网址{h}，认准唯一官方",
            "体彩内部计划群，胜率90%以上，不中包赔，进{h}看历史战绩",
            "PG电子爆分了！今晚充值送30%，{h} 客服24小时在线",
        ),
        "porn": (
            "寂寞的夜晚谁陪你？同城真人视频，点这里{h}，新人免费体验30分钟",
            "福利网站更新了，高清无码每日上新，地址{h}，收藏防失联",
            "附近的妹妹在线等你，上门服务安全可靠，入口{h}",
            "今晚主播尺度大开，会员免费看，{h} 进来就知道",
        ),
        "phishing": (
            "【中国建设银行】尊敬的客户，您的账户积分12680即将清零，请及时登录{h}兑换现金礼品",
            "【顺丰速运】您的快递因地址不详被退回，请在24小时内登录{h}重新填写收货信息",
            "【ETC服务】您的ETC卡已失效，为避免影响出行，请立即进入{h}认证",
            "【国家税务总局】您有一笔个税退款待领取，请于今日内登录{h}办理",
        ),
        "scam": (
            "您好，我是京东金融客服，您的白条利率超过国家标准需要注销，请登录{h}按提示操作",
            "宝妈兼职，在家手机刷单，日结200-500，详情{h}",
            "恭喜您获得抖音周年庆三等奖，奖金58000元，领取请登录{h}，验证码3897",
            "USDT理财，日收益3%，稳赚不赔，导师带单，平台{h}",
        ),
        "malware": (
            "您的手机存在安全风险，请立即下载最新安全补丁{h}",
            "班级相册已打包好了，{h} 密码1234，下载后安装查看",
            "【医保局】电子医保卡需升级，请下载新版APP：{h}",
        ),
    },
    "en": {
        "gambling": (
            "Free £50 bet + 100 free spins for new players! Join {h} today. 18+ T&Cs apply",
            "WIN BIG tonight! Deposit 20 get 60 to play with at {h} Txt STOP to opt out",
            "guys this casino actually pays out, got $2k yesterday lol -> {h}",
            "Exclusive VIP slots bonus unlocked. Claim before midnight: {h}",
        ),
        "porn": (
            "Hot singles in your area want to meet tonight. Free sign up at {h} (18+)",
            "u up? 😘 my private pics are here {h} dont tell anyone",
            "New uncensored videos every day, members watch free at {h}",
        ),
        "phishing": (
            "Your package could not be delivered due to an incomplete address. "
            "Update at {h} within 24h",
            "Your Netflix account has been suspended. Verify your billing details at {h}",
            "Security alert: unusual sign-in attempt on your account. Secure it now: {h}",
            "HMRC: you are due a tax refund of £268.40. Claim online at {h}",
        ),
        "scam": (
            "URGENT! You have won a £1,000 cash prize. To claim visit {h} now. T&Cs apply",
            "Earn $300-$500 daily from your phone. No experience needed. Start at {h}",
            "Congratulations! Your number won our weekly draw. "
            "Claim your iPhone 15 at {h} code X52",
            "Check out my channel! jk, real money here {h} I'll subscribe back",
        ),
        "malware": (
            "Download the security update to keep your device safe: {h}",
            "Your photos from the party are up, install the viewer from {h}",
            "Flash player out of date. Get the new version at {h}",
        ),
    },
}
SHORT: dict[str, dict[str, tuple[str, ...]]] = {
    "username": {"zh": ("{h}", "官网{h}"), "en": ("{h}", "vip {h}")},
    "display_name": {
        "zh": ("客服小雅🌸{h}", "🎰{h}🎰", "稳赚导师｜{h}"),
        "en": ("Lucky Girl | {h}", "✨{h}✨", "Mia 💋 {h}"),
    },
    "bio": {
        "zh": ("合作请进{h}", "每天送彩金 👉 {h}", "想看更多的来{h}"),
        "en": ("📍{h} | DM for promo", "link in bio → {h}", "18+ only ➡ {h}"),
    },
    "livestream": {
        "zh": ("🔴直播中 今晚送彩金 {h}", "主播带你赢钱，上车 {h}"),
        "en": ("LIVE: free spins giveaway → {h}", "🔴 LIVE payouts tonight {h}"),
    },
    "listing": {
        "zh": ("全新iPhone 15 Pro 仅售1999，下单请到{h}", "99新名牌包，正品保证，看图去{h}"),
        "en": ("Brand new PS5 $199, order at {h}", "Designer bags 90% off, pics on {h}"),
    },
    "map_place": {
        "zh": ("{h}娱乐城", "澳门葡京({h})", "足浴会所 {h}"),
        "en": ("Golden Palace Casino {h}", "Spa & Massage {h}", "VIP Lounge ({h})"),
    },
}
LONG_SURFACES = ("post", "comment", "chat")
# a carrier must hold no host of its own (the planted one is the only host in the case)
_HOSTISH = re.compile(r"(?i)https?:|www|\w\.(?:com|net|org|co|uk|biz|info|tv|me|ly)\b")


def place(rng: random.Random, surface: str, lang: str, category: str) -> str:
    """A template with one ``{h}``, chosen for the surface (short fields get short ones)."""
    if surface in SHORT:
        return rng.choice(SHORT[surface][lang])
    return rng.choice(LONG[lang].get(category, LONG[lang]["scam"]))


@lru_cache(maxsize=4)
def _real(data: Path, which: str) -> tuple[str, ...]:
    if which == "sms_spam":
        return tuple(
            t
            for lab, t in sms(data)
            if lab == "spam" and 40 < len(t) < 200 and not _HOSTISH.search(t)
        )
    if which == "telecom_fraud":
        return tuple(
            t[:140] for lab, t in telecom(data) if lab in ("2", "3") and not _HOSTISH.search(t)
        )
    if which == "youtube_spam":
        return tuple(
            t for lab, t in youtube(data)
            if lab == "1" and 20 < len(t) < 220 and not _HOSTISH.search(t) and "/" not in t
        )  # fmt: skip
    if which == "sms_ham":
        return tuple(t for lab, t in sms(data) if lab == "ham" and len(t) > 20)
    if which == "telecom_normal":
        return tuple(t[:200] for lab, t in telecom(data) if lab == "0")
    if which == "youtube_ham":
        return tuple(t for lab, t in youtube(data) if lab == "0" and len(t) > 15)
    if which == "weibo":
        from bench.common import weibo_comments

        return tuple(t for t in weibo_comments(data, 6000) if len(t) > 8)
    if which == "dotgov":
        path = data / "us-dotgov-domains" / "current-full.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t")
            next(rows)
            return tuple(r[0].lower() for r in rows if r and r[0].count(".") == 1)
    raise ValueError(which)


def real(rng: random.Random, data: Path, which: str) -> str:
    texts = _real(data, which)
    return texts[rng.randrange(len(texts))]


def real_carrier(rng: random.Random, data: Path, which: str) -> str:
    """A real spam message with ``{h}`` appended the way such a message points to a site."""
    body = real(rng, data, which).replace("{", "(").replace("}", ")").strip()
    if which == "telecom_fraud":
        return body + rng.choice(("，详情登录{h}", "。操作入口：{h}", "，请点击{h}"))
    return body + rng.choice((" More info: {h}", " Claim at {h}", " → {h}"))
