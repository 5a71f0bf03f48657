"""Red team 6: real-shaped handles (WeChat, Telegram, LINE, Kakao ids, QQ numbers, phones)
and the harmful wording offered beside them, drawn by a seeded generator."""

from __future__ import annotations

import random

import phonenumbers

SYLLABLES = (
    "mei", "xiao", "lucky", "haoyun", "tian", "kiki", "baby", "jia", "ling", "yun", "star",
    "vip", "bao", "coco", "nana", "fafa", "win", "mimi", "lily", "sun", "dafa", "caishen",
)  # fmt: skip
WORDS = ("lucky", "happy", "sweet", "crypto", "money", "angel", "queen", "golden", "sexy", "vip")
KEYS = ("", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz")
KEYPAD = {c: str(d) for d, cs in enumerate(KEYS) for c in cs}
KEYPAD_WORDS = ("getcash", "wincash", "hotdate", "loannow", "fastpay", "bigwins", "betsnow")
US_AREAS = ("415", "212", "646", "305", "702", "312", "213")

HARM_ZH = (
    "百家乐包赢",
    "棋牌上分下分",
    "约炮资源",
    "高端外围",
    "网赚日结500",
    "彩票内部计划",
    "裸聊一对一",
    "贷款秒批不看征信",
)
HARM_EN = (
    "casino bonus 200%",
    "hot girls near you",
    "guaranteed crypto returns",
    "escort service 24/7",
    "fixed matches 100% sure",
    "instant loans no credit check",
    "nudes for sale",
)
HARM_KO = ("토토 가입머니 지급", "스포츠 배팅 고액 환전", "조건만남")
HARM_RU = ("ставки без проигрыша", "интим досуг", "заработок 500$ в день")


def wechat_id(rng: random.Random) -> str:
    a = rng.choice(SYLLABLES)
    b = rng.choice((*SYLLABLES, ""))
    sep = rng.choice(("", "_", "-", ""))
    return f"{a}{sep}{b}{rng.randrange(10, 99999)}"[:20]


def tg_user(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)}_{rng.choice(SYLLABLES)}{rng.randrange(1, 999)}"


def line_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}{rng.choice(('', '.', '_'))}{rng.randrange(10, 9999)}"


def qq_number(rng: random.Random) -> str:
    return str(rng.randrange(10**5, 10**10))


def _valid(number: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number))
    except phonenumbers.NumberParseException:
        return False


def mobile(rng: random.Random, country: str) -> str:
    """An E.164 mobile number ``phonenumbers`` calls valid (digits only, with country code)."""
    lead, rest = {
        "cn": ("86" + "1", 10),
        "hk": ("852", 8),
        "sg": ("65", 8),
        "uk": ("447", 9),
        "vn": ("849", 8),
        "my": ("601", 8),
    }[country]
    for _ in range(1000):
        digits = "".join(str(rng.randrange(10)) for _ in range(rest))
        if country == "cn":
            digits = rng.choice("3456789") + digits[1:]
        if country == "hk":
            digits = rng.choice("569") + digits[1:]
        if country == "sg":
            digits = rng.choice("89") + digits[1:]
        n = lead + digits
        if _valid("+" + n):
            return n
    raise RuntimeError(f"no valid {country} number drawn")


def keypad_number(rng: random.Random) -> tuple[str, str]:
    """(+1 area WORD as written, E.164 digits) for a US vanity number."""
    for _ in range(100):
        area, word = rng.choice(US_AREAS), rng.choice(KEYPAD_WORDS)
        digits = "1" + area + "".join(KEYPAD[c] for c in word)
        if _valid("+" + digits):
            return f"+1 ({area}) {word[:3].upper()}-{word[3:].upper()}", digits
    raise RuntimeError("no valid keypad number")


def harm(rng: random.Random, lang: str) -> str:
    table = {"zh": HARM_ZH, "yue": HARM_ZH, "ko": HARM_KO, "ru": HARM_RU}.get(lang, HARM_EN)
    return rng.choice(table)
