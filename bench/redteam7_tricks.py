"""Red team 7: the disguises, one small reversible function each (letters, digits, dots, TLDs).

Every table here is one a careful reader undoes by eye or with the hint the message gives: the
"fancy text" styles of web generators (currency signs, faux Cyrillic, Canadian syllabics, letters
with a stroke, Chinese characters shaped like Latin capitals, ASCII-art leet), digits as dice,
clock faces, mahjong tiles, Hangzhou (Suzhou) numerals, Chinese sound-alikes or sums, dots as
rare full stops of other scripts, variant forms of 点 and ASCII punctuation, and TLDs said as a
country, as a sound or in mirror writing. ``bench/redteam7_links.py`` composes them.
"""

from __future__ import annotations

import random

CURRENCY = dict(zip("abcdefghijklmnopqrstuvwxyz", "₳฿₵Đ€₣₲ⱧłJ₭Ⱡ₥₦Ø₱QⱤ₴₮ɄV₩ӾɎⱫ", strict=True))
FAUX_CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "ДБСDЄҒGЂЇЈКLМИФРQЯЅГЦVШЖЧZ", strict=True))
SYLLABICS = dict(zip("abcdefghijklmnopqrstuvwxyz", "ᗩᗷᑕᗪEᖴGᕼIᒍKᒪᗰᑎOᑭᑫᖇᔕTᑌᐯᗯ᙭Yᘔ", strict=True))
STROKE = dict(zip("abcdefghijklmnopqrstuvwxyz", "ⱥƀȼđɇfǥħɨɉꝁłmnøᵽꝗɍsŧʉvwxɏƶ", strict=True))
CJK_SHAPES = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "卂乃匚刀乇下厶卄工丁长乚从几口尸㔿尺丂丅凵ㄩ山乂丫乙",
        strict=True,
    )
)
SAME_SCRIPT = {"a": "ɑ", "g": "ɡ", "i": "ı", "j": "ȷ", "c": "ꞓ", "y": "ƴ"}
ASCII_ART = {
    "b": "|3",
    "d": "|)",
    "h": "|-|",
    "k": "|<",
    "m": "/\\/\\",
    "n": "|\\|",
    "o": "()",
    "u": "|_|",
    "v": "\\/",
    "w": "\\/\\/",
    "x": "><",
    "l": "|_",
    "c": "(",
    "t": "7",
    "e": "3",
    "a": "4",
    "s": "5",
    "p": "|*",
}
MIRROR = {
    "b": "d",
    "d": "b",
    "p": "q",
    "q": "p",
    "e": "ɘ",
    "c": "ɔ",
    "s": "ꙅ",
    "z": "ƹ",
    "r": "ᴙ",
    "n": "ᴎ",
    "a": "ɒ",
    "f": "ꟻ",
    "g": "ϱ",
    "k": "ꓘ",
    "j": "ꞁ",
    "y": "ʏ",
    "2": "ς",
    "3": "Ɛ",
    "4": "ᔨ",
    "7": "Ͼ",
}

DICE = {"1": "⚀", "2": "⚁", "3": "⚂", "4": "⚃", "5": "⚄", "6": "⚅"}
CLOCK = {str(i): chr(0x1F54F + i) for i in range(1, 10)}  # 🕐 is one o'clock
MAHJONG = {str(i): chr(0x1F006 + i) for i in range(1, 10)}  # 🀇 is 一万
SUZHOU = dict(zip("0123456789", "〇〡〢〣〤〥〦〧〨〩", strict=True))
ZH_SOUNDS = dict(zip("0123456789", "灵依尔伞寺舞溜漆巴酒", strict=True))
EN_SOUNDS = {"1": "won", "2": "too", "4": "for", "8": "ate", "0": "oh"}
EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

RARE_STOPS = ("።", "᠃", "᙮", "៕", "⵰", "꘎", "꓿")
DIAN_VARIANTS = ("奌", "㸃")
ASCII_DOTS = (";", ":", "!", "|", "'", "`")

COUNTRY = {
    "vn": ("Vietnam", "越南"),
    "cn": ("China", "中国"),
    "de": ("Germany", "德国"),
    "ru": ("Russia", "俄罗斯"),
    "jp": ("Japan", "日本"),
    "fr": ("France", "法国"),
    "it": ("Italy", "意大利"),
    "es": ("Spain", "西班牙"),
    "nl": ("the Netherlands", "荷兰"),
    "pl": ("Poland", "波兰"),
    "br": ("Brazil", "巴西"),
    "uk": ("the UK", "英国"),
    "in": ("India", "印度"),
    "kr": ("South Korea", "韩国"),
    "th": ("Thailand", "泰国"),
    "ph": ("the Philippines", "菲律宾"),
    "id": ("Indonesia", "印尼"),
    "cz": ("Czechia", "捷克"),
    "hu": ("Hungary", "匈牙利"),
    "ro": ("Romania", "罗马尼亚"),
    "se": ("Sweden", "瑞典"),
    "ch": ("Switzerland", "瑞士"),
    "at": ("Austria", "奥地利"),
    "be": ("Belgium", "比利时"),
    "pt": ("Portugal", "葡萄牙"),
    "gr": ("Greece", "希腊"),
    "tr": ("Turkey", "土耳其"),
    "ca": ("Canada", "加拿大"),
    "au": ("Australia", "澳大利亚"),
    "mx": ("Mexico", "墨西哥"),
    "ar": ("Argentina", "阿根廷"),
    "dk": ("Denmark", "丹麦"),
    "no": ("Norway", "挪威"),
    "fi": ("Finland", "芬兰"),
    "sk": ("Slovakia", "斯洛伐克"),
    "ua": ("Ukraine", "乌克兰"),
}
TLD_SOUNDS = {
    "com": ("kom", "kahm", "comm"),
    "net": ("nett", "neht"),
    "org": ("orrg", "awg"),
    "vip": ("veep", "vipp"),
    "top": ("topp", "tahp"),
    "xyz": ("ex why zed",),
    "info": ("infoh", "inffo"),
    "club": ("klub", "clubb"),
    "live": ("lyve",),
    "site": ("syte",),
    "online": ("onlyne",),
    "cc": ("see see",),
    "tv": ("tee vee",),
}

AS_IN = {
    "a": "apple",
    "b": "boy",
    "c": "cat",
    "d": "dog",
    "e": "egg",
    "f": "fox",
    "g": "girl",
    "h": "hat",
    "i": "ice",
    "j": "jam",
    "k": "kite",
    "l": "lion",
    "m": "moon",
    "n": "nose",
    "o": "orange",
    "p": "pig",
    "q": "queen",
    "r": "rain",
    "s": "sun",
    "t": "tiger",
    "u": "umbrella",
    "v": "van",
    "w": "water",
    "x": "x-ray",
    "y": "yellow",
    "z": "zebra",
}


def letters(s: str, table: dict[str, str], rng: random.Random, share: float = 1.0) -> str:
    """Letters of ``s`` through ``table``; each with probability ``share`` (at least one)."""
    picks = [i for i, ch in enumerate(s) if ch in table]
    if not picks:
        return s
    chosen = {i for i in picks if rng.random() < share} or {rng.choice(picks)}
    return "".join(table[ch] if i in chosen else ch for i, ch in enumerate(s))


def digits(s: str, style: str, rng: random.Random) -> str:
    """Digits of ``s`` in ``style``; a digit the style has no picture for stays a digit."""
    if style == "sum":
        return _sums(s, rng)
    table = {
        "dice": DICE,
        "clock": CLOCK,
        "mahjong": MAHJONG,
        "suzhou": SUZHOU,
        "zh_sounds": ZH_SOUNDS,
    }[style]
    return "".join(table.get(ch, ch) for ch in s)


def _sums(s: str, rng: random.Random) -> str:
    """Each run of two or more digits as a sum in brackets (``888`` -> ``(800+88)``)."""
    out: list[str] = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j].isdigit():
            j += 1
        run = s[i:j]
        if len(run) >= 2 and not run.startswith("0"):
            n = int(run)
            a = rng.randint(1, n - 1)
            out.append(f"({a}+{n - a})")
            i = j
        elif run:
            out.append(run)
            i = j
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


DIGIT_HINTS = {
    "dice": ("(dice = digits)", "（骰子就是数字）"),
    "clock": ("(clock faces = digits)", "（钟点就是数字）"),
    "mahjong": ("(the tiles are digits)", "（麻将牌是数字）"),
    "suzhou": ("(Suzhou numerals)", "（苏州码子）"),
    "zh_sounds": ("(Chinese sound-alike digits)", "（数字谐音）"),
    "sum": ("(do the sums)", "（括号里算一下）"),
}


def spell_as_in(s: str, lang: str) -> str:
    """``b as in boy, e as in egg, 8, 8`` (digits said as digits)."""
    parts = [f"{ch} as in {AS_IN[ch]}" if ch in AS_IN else ch for ch in s]
    if lang == "zh":
        parts = [f"{ch}（{AS_IN[ch]}的{ch}）" if ch in AS_IN else ch for ch in s]
        return "，".join(parts)
    return ", ".join(parts)


def mirror(s: str) -> str:
    """Mirror writing: reversed, each glyph flipped where a flipped form exists."""
    return "".join(MIRROR.get(ch, ch) for ch in reversed(s))


def interleave(s: str, rng: random.Random) -> str:
    """A filler letter after every character: the reader keeps the 1st, 3rd, 5th..."""
    fill = "qxzjkvw"
    return "".join(ch + rng.choice(fill) for ch in s)


def doubled(s: str) -> str:
    return "".join(ch * 2 for ch in s)
