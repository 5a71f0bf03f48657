"""Red team 12's tricks: glyph tables and the small transforms its families compose.

Each table reads back one way (``tests/bench/test_redteam12.py`` checks it), so a careful reader
who knows the style recovers every letter and digit without guessing:

- letter styles of fancy-text generators no earlier team named: the Yi-syllable style
  (``ꌃꍟ꓄``), the "Cherokee" style (``ᏰᏋᏖ``, not TR39's look-alikes), the katakana style
  (``乃乇ｲ``), the Greek-ish style (``вєт``), the bracket-underline style (``[̲̅b]``), and a
  salad of real look-alikes from four scripts in one name (Armenian, Cherokee, Lisu, Coptic);
- digits of Indic and other scripts (Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada,
  Malayalam, Myanmar, NKo, Osmanya, Javanese, Ol Chiki, …), Ethiopic numerals (additive, no
  zero), dingbat and parenthesized digits, and several numeral systems mixed in one name;
- digits said in Hindi, Indonesian, Turkish, Tagalog and Swahili;
- the dot said in Amharic, Georgian, Armenian, Mongolian, Khmer, Burmese, Sinhala, Persian,
  Lithuanian, Latvian, Albanian, Slovene, Icelandic, Hausa, Swahili; "dot com" written in Indic
  scripts;
- a TLD as its Chinese meaning (``顶部的英文``), as its sound in Chinese characters (``奈特``), as
  the country whose capital is named, as the ``🔝`` / ``🔛`` emoji;
- noise a note tells the reader to drop: lowercase letters among capitals, superscript letters,
  letters marked with a dot below, emoji (ZWJ sequences) between the characters.
"""

from __future__ import annotations

import random

LOWER = "abcdefghijklmnopqrstuvwxyz"


def _table(glyphs: str | list[str]) -> dict[str, str]:
    seq = list(glyphs)
    assert len(seq) == 26, len(seq)
    return dict(zip(LOWER, seq, strict=True))


YI = _table("ꍏꌃꉓꀸꍟꎇꁅꃅꀤꀭꀘ꒒ꂵꈤꂦꉣꆰꋪꌗ꓄ꀎꃴꅏꊼꌩꁴ")
CHEROKEE_STYLE = _table("ᏗᏰፈᎴᏋᎦᎶᏂᎥᏠᏦᏝᎷᏁᎧᎮᎤᏒᏕᏖᏬᏉᏇጀᎩፚ")
KATAKANA_STYLE = _table("ﾑ乃ᄃり乇ｷムんﾉﾌズﾚﾶ刀のｱゐ尺丂ｲひ√Wﾒﾘ乙")
GREEKISH = _table("αв¢∂єƒgнιנкℓмησρqяѕтυνωχуz")
STYLES: dict[str, dict[str, str]] = {
    "yi": YI,
    "cherokee_style": CHEROKEE_STYLE,
    "katakana_style": KATAKANA_STYLE,
    "greekish": GREEKISH,
}

# Real look-alikes (TR39 confusables of Latin letters) from several scripts; a name mixes them.
# Lisu's I and O are left out: a bare bar or ring in a mixed-case name could be l or 0.
SALAD: dict[str, dict[str, str]] = {
    "armenian": {"g": "ց", "h": "հ", "n": "ո", "o": "օ", "q": "զ", "u": "ս"},
    "cherokee": {
        "a": "Ꭺ", "b": "Ᏼ", "c": "Ꮯ", "d": "Ꭰ", "e": "Ꭼ", "g": "Ꮐ", "h": "Ꮋ", "j": "Ꭻ",
        "k": "Ꮶ", "l": "Ꮮ", "m": "Ꮇ", "p": "Ꮲ", "s": "Ꮪ", "t": "Ꭲ", "v": "Ꮩ", "w": "Ꮃ",
        "z": "Ꮓ",
    },
    "lisu": {
        "a": "ꓮ", "b": "ꓐ", "c": "ꓚ", "d": "ꓓ", "e": "ꓰ", "f": "ꓝ", "g": "ꓖ", "h": "ꓧ",
        "j": "ꓙ", "k": "ꓗ", "l": "ꓡ", "m": "ꓟ", "n": "ꓠ", "p": "ꓑ",
        "r": "ꓣ", "s": "ꓢ", "t": "ꓔ", "u": "ꓴ", "v": "ꓦ", "w": "ꓪ", "x": "ꓫ", "y": "ꓬ",
        "z": "ꓜ",
    },
    "coptic": {"c": "ⲥ", "k": "ⲕ", "n": "ⲛ", "o": "ⲟ", "p": "ⲣ", "r": "ⲅ", "x": "ⲭ", "y": "ⲩ"},
    "syllabics": {
        "b": "ᗷ", "c": "ᑕ", "d": "ᗪ", "h": "ᕼ", "j": "ᒍ", "l": "ᒪ", "n": "ᑎ", "p": "ᑭ",
        "r": "ᖇ", "s": "ᔕ", "v": "ᐯ", "w": "ᗯ", "x": "᙭",
    },
    "math_sans_bold": {c: chr(0x1D5EE + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")},
}  # fmt: skip
EMOJI_LETTERS = {"a": "🅰️", "b": "🅱️", "c": "©️", "i": "ℹ️", "m": "Ⓜ️", "o": "🅾️", "p": "🅿️",
                 "r": "®️", "x": "❌", "s": "💲"}  # fmt: skip


def styled(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in text)


def salad(text: str, rng: random.Random) -> str:
    """Each letter from one of the scripts that has a look-alike for it, scripts rotated (so a
    name mixes three or more: Armenian, Cherokee, Lisu, Coptic, syllabics, math sans bold)."""
    out = []
    order = list(SALAD)
    rng.shuffle(order)
    k = 0
    for c in text:
        options = [s for s in order if c in SALAD[s]]
        if options and c.isalpha():
            s = options[k % len(options)]
            k += 1
            out.append(SALAD[s][c])
        else:
            out.append(c)
    return "".join(out)


def bracket_underline(text: str) -> str:
    """The generators' "bracket" style: ``[̲̅b][̲̅e]`` (low line and overline on the bracket)."""
    return "".join(f"[\u0332\u0305{c}]" if c.isalnum() else c for c in text)


def combining_each(text: str, mark: str) -> str:
    return "".join(c + mark if c.strip() else c for c in text)


def wavy(text: str) -> str:
    return "≋" + "≋".join(text) + "≋"


# ---- digits -------------------------------------------------------------------------------

SCRIPT_ZERO: dict[str, int] = {
    "bengali": 0x9E6,
    "gujarati": 0xAE6,
    "gurmukhi": 0xA66,
    "tamil": 0xBE6,
    "telugu": 0xC66,
    "kannada": 0xCE6,
    "malayalam": 0xD66,
    "myanmar": 0x1040,
    "nko": 0x7C0,
    "osmanya": 0x104A0,
    "javanese": 0xA9D0,
    "ol_chiki": 0x1C50,
    "meetei": 0xABF0,
    "sundanese": 0x1BB0,
    "arabic_indic": 0x660,
    "persian": 0x6F0,
    "devanagari": 0x966,
    "fullwidth": 0xFF10,
}
SCRIPT_ZH = {
    "bengali": "孟加拉文",
    "gujarati": "古吉拉特文",
    "gurmukhi": "古木基文",
    "tamil": "泰米尔文",
    "telugu": "泰卢固文",
    "kannada": "卡纳达文",
    "malayalam": "马拉雅拉姆文",
    "myanmar": "缅文",
    "nko": "西非书面文",
    "osmanya": "奥斯曼亚文",
    "javanese": "爪哇文",
    "ol_chiki": "桑塔利文",
    "meetei": "曼尼普尔文",
    "sundanese": "巽他文",
}
SCRIPT_EN = {k: k.replace("_", " ").title() for k in SCRIPT_ZH}
SCRIPT_EN["nko"] = "N'Ko"
INDIC = tuple(SCRIPT_ZH)


def script_digits(text: str, script: str) -> str:
    zero = SCRIPT_ZERO[script]
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


ETHIOPIC_ONES = "፩፪፫፬፭፮፯፰፱"
ETHIOPIC_TENS = "፲፳፴፵፶፷፸፹፺"
ETHIOPIC_HUNDRED = "፻"


def ethiopic_digit(d: str) -> str:
    return ETHIOPIC_ONES[int(d) - 1]


def ethiopic_number(n: int) -> str:
    """1-255 in Ethiopic numerals (additive; ``፪፻`` is 200; there is no zero)."""
    assert 0 < n < 1000
    out = ""
    h, rest = divmod(n, 100)
    if h:
        out += ("" if h == 1 else ETHIOPIC_ONES[h - 1]) + ETHIOPIC_HUNDRED
    t, o = divmod(rest, 10)
    if t:
        out += ETHIOPIC_TENS[t - 1]
    if o:
        out += ETHIOPIC_ONES[o - 1]
    return out


DINGBAT = "🄋➀➁➂➃➄➅➆➇➈"  # circled sans-serif (🄋 is its zero)
DINGBAT_NEG = "🄌➊➋➌➍➎➏➐➑➒"
PAREN = ["0", "⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺", "⑻", "⑼"]
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
ZH_DIGITS = "〇一二三四五六七八九"
MIXED_SYSTEMS = ("arabic_indic", "devanagari", "fullwidth", "superscript", "circled", "zh",
                 "dingbat", "bengali", "gujarati", "persian")  # fmt: skip


def mixed_digit(d: str, system: str) -> str:
    i = int(d)
    if system == "superscript":
        return SUPERSCRIPT[i]
    if system == "circled":
        return CIRCLED[i]
    if system == "zh":
        return ZH_DIGITS[i]
    if system == "dingbat":
        return DINGBAT[i]
    return chr(SCRIPT_ZERO[system] + i)


def mixed_digits(text: str, rng: random.Random, systems: tuple[str, ...] = MIXED_SYSTEMS) -> str:
    """Each digit in a numeral system unlike its neighbour's (at least two systems per run)."""
    out = []
    last = ""
    for c in text:
        if c.isdigit():
            s = rng.choice([x for x in systems if x != last])
            last = s
            out.append(mixed_digit(c, s))
        else:
            out.append(c)
    return "".join(out)


DIGIT_WORDS: dict[str, tuple[str, ...]] = {
    "hindi": ("shunya", "ek", "do", "teen", "chaar", "paanch", "chhah", "saat", "aath", "nau"),
    "indonesian": ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                   "sembilan"),
    "turkish": ("sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"),
    "tagalog": ("sero", "isa", "dalawa", "tatlo", "apat", "lima", "anim", "pito", "walo", "siyam"),
    "swahili": ("sifuri", "moja", "mbili", "tatu", "nne", "tano", "sita", "saba", "nane", "tisa"),
}  # fmt: skip
DIGIT_LANG_NOTE = {
    "hindi": ("(numbers in Hindi)", "（数字是印地语）"),
    "indonesian": ("(angka dalam bahasa Indonesia)", "（数字是印尼语）"),
    "turkish": ("(sayılar Türkçe)", "（数字是土耳其语）"),
    "tagalog": ("(numbers in Tagalog)", "（数字是他加禄语）"),
    "swahili": ("(namba kwa Kiswahili)", "（数字是斯瓦希里语）"),
}


def said_digits(text: str, lang: str) -> str:
    """Letters kept as written, every digit its word, spaced like a dictation."""
    words = DIGIT_WORDS[lang]
    parts: list[str] = []
    buf = ""
    for c in text:
        if c.isdigit():
            if buf:
                parts.append(buf)
                buf = ""
            parts.append(words[int(c)])
        else:
            buf += c
    if buf:
        parts.append(buf)
    return " ".join(parts)


# ---- dots and TLDs ------------------------------------------------------------------------

DOT_WORDS: dict[str, str] = {
    "amharic": "ነጥብ",
    "georgian": "წერტილი",
    "armenian": "կետ",
    "mongolian": "цэг",
    "khmer": "ចុច",
    "burmese": "အစက်",
    "sinhala": "තිත",
    "persian": "نقطه",
    "lithuanian": "taškas",
    "latvian": "punkts",
    "albanian": "pikë",
    "slovene": "pika",
    "icelandic": "punktur",
    "hausa": "digo",
    "swahili": "nukta",
}

INDIC_DOT_COM: dict[str, str] = {
    "bengali": "ডট কম",
    "tamil": "டாட் காம்",
    "telugu": "డాట్ కామ్",
    "gujarati": "ડોટ કોમ",
    "gurmukhi": "ਡਾਟ ਕਾਮ",
    "kannada": "ಡಾಟ್ ಕಾಮ್",
    "malayalam": "ഡോട്ട് കോം",
}

TLD_MEANING_ZH: dict[str, str] = {
    "top": "“顶部”的英文单词",
    "win": "“赢”的英文单词",
    "club": "“俱乐部”的英文单词",
    "vip": "“贵宾”的英文缩写",
    "fun": "“乐趣”的英文单词",
    "online": "“在线”的英文单词",
    "bet": "“下注”的英文单词",
}
TLD_SOUND_ZH: dict[str, str] = {
    "net": "奈特",
    "top": "托普",
    "site": "赛特",
    "bet": "贝特",
    "club": "克拉布",
    "info": "因佛",
    "online": "昂莱恩",
}
CAPITALS: dict[str, tuple[str, str]] = {
    "vn": ("河内", "Hanoi"),
    "de": ("柏林", "Berlin"),
    "ru": ("莫斯科", "Moscow"),
    "jp": ("东京", "Tokyo"),
    "fr": ("巴黎", "Paris"),
    "it": ("罗马", "Rome"),
    "es": ("马德里", "Madrid"),
    "nl": ("阿姆斯特丹", "Amsterdam"),
    "pl": ("华沙", "Warsaw"),
    "uk": ("伦敦", "London"),
    "in": ("新德里", "New Delhi"),
    "kr": ("首尔", "Seoul"),
    "ph": ("马尼拉", "Manila"),
    "id": ("雅加达", "Jakarta"),
    "cz": ("布拉格", "Prague"),
    "hu": ("布达佩斯", "Budapest"),
    "ro": ("布加勒斯特", "Bucharest"),
    "se": ("斯德哥尔摩", "Stockholm"),
    "ch": ("伯尔尼", "Bern"),
    "at": ("维也纳", "Vienna"),
    "be": ("布鲁塞尔", "Brussels"),
    "pt": ("里斯本", "Lisbon"),
    "gr": ("雅典", "Athens"),
    "ca": ("渥太华", "Ottawa"),
    "mx": ("墨西哥城", "Mexico City"),
    "dk": ("哥本哈根", "Copenhagen"),
    "no": ("奥斯陆", "Oslo"),
    "fi": ("赫尔辛基", "Helsinki"),
    "sk": ("布拉迪斯拉发", "Bratislava"),
    "ua": ("基辅", "Kyiv"),
    "cn": ("北京", "Beijing"),
    "me": ("波德戈里察", "Podgorica"),
    "tv": ("富纳富提", "Funafuti"),
    "co": ("波哥大", "Bogotá"),
}
ENDONYMS: dict[str, str] = {
    "vn": "Việt Nam",
    "de": "Deutschland",
    "ru": "Россия",
    "jp": "日本国",
    "fr": "République française",
    "it": "Italia",
    "es": "España",
    "nl": "Nederland",
    "pl": "Polska",
    "kr": "대한민국",
    "cz": "Česko",
    "hu": "Magyarország",
    "ro": "România",
    "se": "Sverige",
    "gr": "Ελλάδα",
    "dk": "Danmark",
    "no": "Norge",
    "fi": "Suomi",
    "sk": "Slovensko",
    "ua": "Україна",
    "pt": "Portugal",
    "mx": "México",
}
FLAGS = {
    t: "".join(chr(0x1F1E6 + ord(c) - 97) for c in ("gb" if t == "uk" else t)) for t in CAPITALS
}
TLD_EMOJI = {"top": "🔝", "online": "🔛line"}


def capital_tld(tld: str, lang: str) -> str:
    zh, en = CAPITALS[tld]
    if lang == "zh":
        return f"（后缀是首都为{zh}的那个国家的国家域名）"
    return f"(the ending is the country code of the country whose capital is {en})"


# ---- noise a note names ---------------------------------------------------------------------

SUPER_LETTERS = _table("ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖ𐞥ʳˢᵗᵘᵛʷˣʸᶻ")
DOT_BELOW = "\u0323"
ZWJ_EMOJI = ("👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻", "🧑‍🚀", "❤️‍🔥", "🐻‍❄️", "👁️‍🗨️", "🧔🏻‍♂️")


def noise_letters(rng: random.Random, k: int) -> list[str]:
    return [rng.choice(LOWER) for _ in range(k)]


def lowercase_noise(text: str, rng: random.Random, keep: dict[str, str] | None = None) -> str:
    """Capitals (or ``keep``'s glyphs) carry the value; a lowercase letter after some of them."""
    out = []
    for c in text:
        out.append(keep.get(c, c.upper()) if keep else c.upper())
        if c.isalnum() and (rng.random() < 0.55 or len(out) == 1):
            out.append(rng.choice(LOWER))
    return "".join(out)


def superscript_noise(text: str, rng: random.Random) -> str:
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if c.isalnum() and i < len(text) - 1 and (rng.random() < 0.5 or i == 0):
            out.append(SUPER_LETTERS[rng.choice("abcdefghijklmnoprstuvwxyz")])
    return "".join(out)


def dot_below_decoys(text: str, rng: random.Random) -> str:
    """Letters with a dot below (decoys) put between the real ones, at least one."""
    out = []
    placed = 0
    for i, c in enumerate(text):
        out.append(c)
        if c.isalnum() and i < len(text) - 1 and (rng.random() < 0.4 or (placed == 0 and i == 1)):
            out.append(rng.choice(LOWER) + DOT_BELOW)
            placed += 1
    return "".join(out)


def emoji_noise(text: str, rng: random.Random) -> str:
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if i < len(text) - 1 and (rng.random() < 0.5 or i == 1):
            out.append(rng.choice(ZWJ_EMOJI))
    return "".join(out)


GERMAN_SPELLING = {
    "a": "Anton", "b": "Berta", "c": "Cäsar", "d": "Dora", "e": "Emil", "f": "Friedrich",
    "g": "Gustav", "h": "Heinrich", "i": "Ida", "j": "Julius", "k": "Kaufmann", "l": "Ludwig",
    "m": "Martha", "n": "Nordpol", "o": "Otto", "p": "Paula", "q": "Quelle", "r": "Richard",
    "s": "Samuel", "t": "Theodor", "u": "Ulrich", "v": "Viktor", "w": "Wilhelm", "x": "Xanthippe",
    "y": "Ypsilon", "z": "Zacharias",
}  # fmt: skip


def german_spelled(text: str) -> str:
    return ", ".join(GERMAN_SPELLING.get(c, c) for c in text)
