"""Red team 9: the messages around a planted host or id, on every surface, as spam is written.

New wordings (none copied from red teams 7 and 8): gambling "agents" and rebate groups, private
live shows, parcel, tax, toll and bank-card phishing, refund and loan "customer service",
investment coaches, fake app updates; Vietnamese gambling ads for the hosts of the Vietnamese
list; short forms for a username, a display name, a bio, a live title, a listing and a map
place. Real spam of the shared sets carries three families (``bench.redteam8_text.real_carrier``
reads them, so the sets are read the same way).
"""

from __future__ import annotations

import random

LONG: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "gambling": (
            "老哥，这个平台出款特别快，我昨晚提了3万，地址{h}，报我名字送彩金",
            "百家乐带打群，跟单稳赚，每天三场，进群先去{h}注册账号",
            "世界杯竞猜开启，首充1000送1000，流水一倍即可提现，官方入口{h}",
            "【永利皇宫】周末返水加码至1.8%，老会员登录{h}领取",
            "捕鱼、老虎机、真人视讯一站全有，新人体验金68元，{h}",
        ),
        "porn": (
            "深夜福利，私密直播间今晚开放，{h} 进去先看五分钟免费",
            "同城约会，真实照片，不满意不收费，戳{h}",
            "会员专享高清资源，每日更新一百部，网址{h}，记得收藏",
        ),
        "phishing": (
            "【邮政EMS】您的包裹地址不完整，无法派送，请于今日登录{h}补充地址，逾期退回",
            "【工商银行】您的银行卡将于明日冻结，请立即登录{h}完成身份核验",
            "【12306】您购买的车票因系统原因需要重新认证，点击{h}办理退款",
            "【社保中心】您的社保卡补贴到账，请登录{h}领取，今日有效",
        ),
        "scam": (
            "您好，您在我平台的贷款已审批通过，额度5万，请下载{h}查看放款进度",
            "兼职点赞员，一单3元，日入300+，手机就能做，报名{h}",
            "跟着老师买，这只股票下周翻倍，内部消息群在{h}",
            "您的快递丢失了，我们按三倍赔付，请到{h}填写理赔信息",
        ),
        "malware": (
            "微信群里说的那个视频就在这，{h}，下载后打开",
            "【交管12123】您有一条违章未处理，请安装新版{h}查看",
            "手机中毒了？下载清理大师{h}一键杀毒",
        ),
    },
    "en": {
        "gambling": (
            "Bro this site actually pays, cashed out 3k last night. Sign up at {h} with my code",
            "Daily football tips 95% hit rate, place your bets on {h} and thank me later",
            "New players: deposit 10, play with 50. Slots, roulette, live dealers at {h}",
            "VIP cashback raised to 25% this weekend only. Log in at {h}",
        ),
        "porn": (
            "Bored tonight? Local girls streaming live right now at {h} (18+ only)",
            "my OnlyFans got banned so I moved everything here {h} 🙈",
            "Free uncensored clips, new ones daily, bookmark {h}",
        ),
        "phishing": (
            "USPS: your parcel is on hold due to an unpaid fee of $1.99. Pay at {h} today",
            "Your Apple ID was locked for security reasons. Unlock it at {h}",
            "Toll notice: you have an unpaid balance of $6.35. Avoid a late fee at {h}",
            "Chase: a payment of $849.00 was flagged. If this wasn't you, cancel at {h}",
        ),
        "scam": (
            "Hi, this is the hiring team. Remote job, $45/hour, no interview. Apply at {h}",
            "I turned $200 into $8,000 with this bot. Copy my trades at {h}",
            "You qualify for a $5,000 loan, no credit check. Finish your application at {h}",
            "Amazon refund of $129.99 pending. Confirm your details at {h}",
        ),
        "malware": (
            "Your phone has 3 viruses! Remove them now with the free cleaner at {h}",
            "Here's the video everyone's talking about, download it from {h}",
            "Chrome update required to view this page: {h}",
        ),
    },
    "vi": {
        "gambling": (
            "Nhà cái uy tín số 1, nạp đầu tặng 100%, rút tiền 5 phút, đăng ký tại {h}",
            "Soi kèo miễn phí mỗi ngày, vào {h} nhận code 88k",
            "Tài xỉu, nổ hũ, bắn cá đổi thưởng, link chính thức {h}",
        ),
    },
}
SHORT: dict[str, dict[str, tuple[str, ...]]] = {
    "username": {"zh": ("{h}", "{h}官方"), "en": ("{h}", "{h}_official"), "vi": ("{h}",)},
    "display_name": {
        "zh": ("小美💕{h}", "彩金客服 {h}", "💰{h}💰"),
        "en": ("Sophie 💕 {h}", "Casino Tips | {h}", "💰 {h} 💰"),
        "vi": ("Em Hương 💕 {h}",),
    },
    "bio": {
        "zh": ("商务合作 👉 {h}", "新人福利在{h}", "看我主页{h}"),
        "en": ("💌 collabs: {h}", "my exclusive stuff → {h}", "free bonus code at {h}"),
        "vi": ("Liên hệ hợp tác 👉 {h}",),
    },
    "livestream": {
        "zh": ("🔴正在直播 开奖啦 {h}", "今晚抽奖，上车{h}"),
        "en": ("🔴 LIVE jackpot hunt, join {h}", "LIVE now: free chips at {h}"),
        "vi": ("🔴 LIVE nổ hũ tại {h}",),
    },
    "listing": {
        "zh": ("原装AirPods Pro 199包邮，下单去{h}", "茅台飞天1499一瓶，货到付款，{h}"),
        "en": ("iPhone 15 Pro Max $249, order at {h}", "Rolex Submariner $180, shop at {h}"),
        "vi": ("iPhone 15 giá 3 triệu, đặt hàng {h}",),
    },
    "map_place": {
        "zh": ("{h}棋牌室", "皇冠娱乐({h})", "养生会所 {h}"),
        "en": ("Royal Casino Lounge {h}", "Thai Massage {h}", "Lucky Club ({h})"),
        "vi": ("Sòng bài {h}",),
    },
}
LONG_SURFACES = ("post", "comment", "chat")


def place(rng: random.Random, surface: str, lang: str, category: str) -> str:
    """A template with one ``{h}``, chosen for the surface (short fields get short ones)."""
    if surface in SHORT:
        return rng.choice(SHORT[surface][lang])
    table = LONG[lang]
    return rng.choice(table.get(category, table.get("scam", table["gambling"])))
