"""Red team 10: the messages around a planted host, per surface and language, as spam is written.

New wordings (none copied from red teams 7-9): "sure bets" and sports tipsters, casino rebate
"VIP managers", cam shows, crypto airdrops and wallet "validation", customs and electricity bill
phishing, refund and delivery fees; Korean toto-site and casino ads, Japanese online-casino and
side-job spam, Thai online-casino (``เว็บตรง``) and loan spam, Russian casino and "earn from
home" spam. Short forms for a username, a display name, a bio, a live title, a listing and a map
place in every language.
"""

from __future__ import annotations

import random

LONG: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "gambling": (
            "兄弟们，今晚意甲稳胆三串一，跟我下注的都吃肉了，平台{h}，充值秒到",
            "真人百家乐新开台，荷官在线发牌，首存送38%，入口{h}，客服24小时",
            "【VIP经理】您的专属返水已到账，登录{h}查看，本周有效",
            "澳门新葡京官方授权，提款不限额，备用网址{h}",
        ),
        "porn": (
            "今晚十点主播一对一，露脸不收费，房间号在{h}",
            "学生妹私房照合集已更新，免费看三张，{h}",
        ),
        "phishing": (
            "【国家电网】您户号电费欠缴128.50元，明日停电，请立即前往{h}缴纳",
            "【海关总署】您的国际包裹需补缴关税23元，否则退回，缴费入口{h}",
            "【招商银行】您的信用卡积分即将清零，可兑换现金，登录{h}",
        ),
        "scam": (
            "币圈空投福利，绑定钱包即领500 USDT，活动页{h}",
            "抖音刷单日结，一单佣金15元，不收任何费用，注册{h}",
            "您有一笔医保退款待领取，请在{h}核对银行卡信息",
        ),
        "malware": (
            "群里的照片我打包了，在这{h}下载，解压密码123",
            "【公安反诈】请下载国家反诈中心新版{h}完成登记",
        ),
    },
    "en": {
        "gambling": (
            "Lock of the day: Over 2.5 in the Arsenal game. Tail me on {h}, 200% welcome bonus",
            "Your VIP manager here, 30% cashback credited for this week. Claim it at {h}",
            "Crash game paying 12x right now, get in at {h} before it resets",
        ),
        "porn": (
            "she's live on cam right now and it's free to watch for 10 min {h}",
            "leaked pics of the girl from the gym 👀 full set at {h}",
        ),
        "phishing": (
            "Electricity account overdue. Service will be disconnected tonight. Pay at {h}",
            "Customs: a parcel addressed to you is held for a fee of $2.40. Release it at {h}",
            "Your wallet needs validation to stay active. Connect it at {h} within 24h",
        ),
        "scam": (
            "Airdrop live! Claim 1,000 free tokens, first come first served at {h}",
            "Overpaid tax refund of $312.80 approved, enter your card at {h} to receive it",
            "Work from home, rate products, earn $300/day. Register at {h}",
        ),
        "malware": (
            "The photos from Saturday, zipped: {h} (password 1234)",
            "Your bank's new secure app, install from {h}",
        ),
    },
    "ko": {
        "gambling": (
            "먹튀 없는 메이저 토토사이트 추천, 가입 첫충 20% 지급, 주소 {h}",
            "실시간 바카라 카지노, 신규 가입시 3만원 쿠폰, 접속 {h}",
            "스포츠 픽 적중률 90%, 입금 보너스 {h} 에서 확인하세요",
        ),
        "scam": ("재택 부업 일당 30만원 보장, 신청은 {h}",),
    },
    "ja": {
        "gambling": (
            "オンラインカジノ新規登録で3万円ボーナス！今すぐ{h}へ",
            "スロットで一撃100万勝ちました、やってるのは{h}です",
        ),
        "scam": (
            "スマホだけで月収50万、副業希望の方は{h}から登録",
            "【重要】お客様のアカウントが停止されました。{h}で確認してください",
        ),
    },
    "th": {
        "gambling": (
            "เว็บตรงไม่ผ่านเอเย่นต์ ฝากถอนไม่มีขั้นต่ำ สมัครเลย {h}",
            "สล็อตแตกง่าย โบนัส 100% สมาชิกใหม่ เข้าเล่นที่ {h}",
        ),
        "scam": ("สินเชื่อด่วน ไม่เช็คบูโร อนุมัติใน 5 นาที สมัครที่ {h}",),
    },
    "ru": {
        "gambling": (
            "Лучшее онлайн казино, бонус 200% на первый депозит, заходи на {h}",
            "Ставки на спорт с кэшбэком 15%, регистрация на {h}",
        ),
        "scam": (
            "Заработок из дома от 5000 в день, подробности на {h}",
            "Ваша карта заблокирована, подтвердите данные на {h}",
        ),
    },
}
SHORT: dict[str, dict[str, tuple[str, ...]]] = {
    "username": {
        "zh": ("{h}", "{h}客服"),
        "en": ("{h}", "{h}_vip"),
        "ko": ("{h}",),
        "ja": ("{h}",),
        "th": ("{h}",),
        "ru": ("{h}",),
    },
    "display_name": {
        "zh": ("🎰{h}🎰", "小雪 | {h}"),
        "en": ("Mia 🔥 {h}", "Tips | {h}"),
        "ko": ("토토 {h}",),
        "ja": ("ゆい💋{h}",),
        "th": ("น้องมายด์ {h}",),
        "ru": ("Катя {h}",),
    },
    "bio": {
        "zh": ("合作请戳 {h}", "福利都在{h}"),
        "en": ("all my links → {h}", "bonus codes: {h}"),
        "ko": ("문의 {h}",),
        "ja": ("詳しくは{h}",),
        "th": ("ติดต่อ {h}",),
        "ru": ("все ссылки: {h}",),
    },
    "livestream": {
        "zh": ("🔴直播中 抽大奖 {h}",),
        "en": ("🔴 LIVE slots, join at {h}",),
        "ko": ("🔴 라이브 바카라 {h}",),
        "ja": ("🔴配信中 {h}",),
        "th": ("🔴 ไลฟ์สด {h}",),
        "ru": ("🔴 стрим казино {h}",),
    },
    "listing": {
        "zh": ("全新iPhone 16 仅售999，下单{h}",),
        "en": ("PS5 Slim brand new $99, buy at {h}",),
        "ko": ("아이폰 16 초특가 10만원 {h}",),
        "ja": ("iPhone16 新品 9800円 {h}",),
        "th": ("ไอโฟน 16 ราคา 3,000 บาท {h}",),
        "ru": ("iPhone 16 за 9990 руб, заказ {h}",),
    },
    "map_place": {
        "zh": ("{h}娱乐会所", "金沙棋牌({h})"),
        "en": ("Golden Palace Club {h}",),
        "ko": ("{h} 카지노",),
        "ja": ("{h} パチンコ",),
        "th": ("คาสิโน {h}",),
        "ru": ("Казино {h}",),
    },
}
LONG_SURFACES = ("post", "comment", "chat")


def place(rng: random.Random, surface: str, lang: str, category: str) -> str:
    """A template with one ``{h}``, chosen for the surface (short fields get short ones)."""
    if surface in SHORT:
        return rng.choice(SHORT[surface][lang])
    table = LONG[lang]
    return rng.choice(table.get(category, table.get("scam", table["gambling"])))
