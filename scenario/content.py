"""Dirty text as it appears in the wild: a listed domain or a contact handle, hidden with a trick
from ``bench.tricks``, inside a carrier sentence with the vocabulary of its trade.

Carriers are category-specific so handle posts carry the cue words (solicitation + gambling,
adult or fraud vocabulary) a human moderator would recognise; the link carriers borrow the shapes
of ``bench.obfuscation_suite``.
"""

from __future__ import annotations

import random
from typing import Final

from bench import obfuscation_suite, tricks

LINK_CARRIERS: Final[dict[str, tuple[str, ...]]] = {
    "gambling": ("官网{x}注册就送888元彩金", "最新地址：{x} 收藏不迷路", "{x} 首充返水百分之三十",
                 "备用网址 {x} 防失联", "百家乐真人视讯 {x} 爆分了", "Win big at {x} today!",
                 "best casino bonus of the week: {x}", "sports betting odds boosted at {x}"),
    "porn": ("老司机都懂的{x}，今晚更新", "福利视频在这里 {x}", "复制{x}到浏览器打开，你懂的",
             "hot pics here -> {x}", "new videos every night {x}", "{x} free for the first week"),
    "scam": ("刷单日结，高回报，入口{x}", "内幕消息，稳赚不赔，详情见{x}", "点击{x}领取新人福利",
             "guaranteed profit, join at {x}", "double your money in 7 days: {x}",
             "investment opportunity, register at {x}"),
    "phishing": ("您的账户存在异常，请登录{x}完成验证",
                 "【积分提醒】您的积分即将清零，请访问{x}兑换",
                 "Your account is locked, verify at {x} now",
                 "Claim your reward at {x} before midnight", "parcel on hold, update details: {x}"),
}  # fmt: skip
HANDLE_CARRIERS: Final[dict[str, tuple[str, ...]]] = {
    "gambling": ("百家乐上分下分，私聊{x}", "时时彩包赢带你回本，详询{x}",
                 "真人视讯首充送彩金，加我{x}",
                 "sports betting tips every day, add me {x}", "casino rebates, dm me {x}"),
    "scam": ("兼职刷单，日结，{x}", "日赚三千，带单稳赚，加我{x}", "征信修复 秒下款 私聊{x}",
             "crypto signals, guaranteed profit, dm me {x}", "forex signals, message me {x}"),
    "sexual_services": ("同城约，上门服务，私聊{x}", "学生妹包夜 联系我{x}", "全套服务 滴滴我{x}",
                        "escort service tonight, text me {x}", "hookup tonight? dm me {x}"),
}  # fmt: skip
BIO_HANDLE_CARRIERS: Final = ("私信我 {x}", "合作请联系我 {x}", "{x} 加我备注来意", "dm me {x}")
NAME_CARRIERS: Final = ("{x}官方客服", "{x} 官网", "official {x}")
COMMON_TRICKS: Final = ("plain", "scheme", "www_path")
HOST_TRICK_NAMES: Final = tuple(sorted(tricks.HOST_TRICKS))
_MAKERS: Final = obfuscation_suite.handle_makers()


def hide_domain(domain: str, rng: random.Random) -> tuple[str, str]:
    """(token, trick): plain-ish forms 40% of the time, any trick of ``bench.tricks`` otherwise."""
    name = rng.choice(COMMON_TRICKS) if rng.random() < 0.4 else rng.choice(HOST_TRICK_NAMES)
    return tricks.HOST_TRICKS[name](domain, rng), name


def handle_token(maker: str, rng: random.Random) -> str:
    """A contact handle written with the named trick of ``bench.obfuscation_suite``."""
    return _MAKERS[maker][1](rng)[0]


def link_text(category: str, domain: str, rng: random.Random) -> str:
    token, _ = hide_domain(domain, rng)
    return rng.choice(LINK_CARRIERS[category]).format(x=token)


def handle_text(category: str, maker: str, rng: random.Random) -> str:
    return rng.choice(HANDLE_CARRIERS[category]).format(x=handle_token(maker, rng))


def bio_handle_text(maker: str, rng: random.Random) -> str:
    return rng.choice(BIO_HANDLE_CARRIERS).format(x=handle_token(maker, rng))


def name_text(domain: str, rng: random.Random) -> str:
    token, _ = hide_domain(domain, rng)
    return rng.choice(NAME_CARRIERS).format(x=token)


SYLLABLES: Final = ("an", "bo", "chen", "da", "fei", "gu", "hao", "jia", "kai", "li", "ming",
                    "na", "ping", "qi", "rui", "shu", "tian", "wei", "xin", "yu", "zhi", "lo",
                    "mar", "ka", "ten", "sol", "rin", "vel", "dor", "ami")  # fmt: skip
SURNAMES: Final = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN: Final = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def username(rng: random.Random, index: int) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    return f"{stem}{rng.choice(('', '_', '.'))}{index % 10_000}"


def display_name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return " ".join(rng.choice(SYLLABLES).capitalize() for _ in range(2))
