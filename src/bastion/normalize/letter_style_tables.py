"""Alphabets of the "fancy text" generators: Latin letters drawn with other scripts' characters.

Each style is a whole alphabet, taken from the common generators (not only the letters one
spammer used), merged where generators differ; a character two generators read as different
letters is listed in :data:`AMBIGUOUS` and never read for sure. The passes that use them
(:mod:`bastion.normalize.letter_styles`) decide where a style may be read; the tables only say
what each character looks like.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final

CURRENCY: Final = {
    "₳": "a", "฿": "b", "₿": "b", "₵": "c", "¢": "c", "₡": "c", "Đ": "d", "đ": "d", "₫": "d",
    "Ɇ": "e", "ɇ": "e", "€": "e", "₠": "e", "₣": "f", "₲": "g", "₢": "g", "Ⱨ": "h", "ⱨ": "h",
    "ł": "i", "Ł": "i", "₭": "k", "Ⱡ": "l", "ⱡ": "l", "£": "l", "₤": "l", "₥": "m", "₦": "n",
    "Ø": "o", "ø": "o", "₱": "p", "₽": "p", "Ɽ": "r", "ɽ": "r", "₹": "r", "₴": "s", "$": "s",
    "₮": "t", "₸": "t", "Ʉ": "u", "ʉ": "u", "₩": "w", "Ӿ": "x", "ӿ": "x", "Ɏ": "y", "ɏ": "y",
    "¥": "y", "Ⱬ": "z", "ⱬ": "z",
}  # fmt: skip
"""Currency signs and barred letters as Latin (``₳฿₵ĐɆ₣₲ⱧłJ₭Ⱡ₥₦Ø₱QⱤ₴₮ɄV₩ӾɎⱫ`` and the
generators' variants ``₿ ¢ ₫ € £ ₽ ₹ ₸ ¥``). ``ł`` is an ``i`` here, an ``l`` in Polish: the
style decides (a word holding a currency sign reads it as the generators draw it, a word of
barred letters only as the stroke letter ``l``). ``$`` is an ``s`` only in a word of two such
signs or beside letters (``$264`` is a price)."""

FAUX_CYRILLIC: Final = {
    "Д": "a", "д": "a", "Б": "b", "б": "b", "Ъ": "b", "ъ": "b", "Ь": "b", "ь": "b",
    "Є": "e", "є": "e", "Ё": "e", "ё": "e", "Э": "e", "э": "e", "Ғ": "f", "ғ": "f",
    "Ђ": "h", "ђ": "h", "Ћ": "h", "ћ": "h", "Н": "h", "н": "h", "Ї": "i", "ї": "i",
    "І": "i", "і": "i", "Ќ": "k", "ќ": "k", "Ӄ": "k", "ӄ": "k", "Ҝ": "k", "ҝ": "k",
    "И": "n", "и": "n", "Й": "n", "й": "n", "П": "n", "Ф": "o", "ф": "o", "Ѳ": "o", "ѳ": "o",
    "Я": "r", "я": "r", "Ѓ": "r", "ѓ": "r", "Г": "t", "г": "r", "Ц": "u", "ц": "u",
    "Џ": "u", "џ": "u", "Ѵ": "v", "ѵ": "v", "Ш": "w", "ш": "w", "Щ": "w", "щ": "w",
    "Ѡ": "w", "ѡ": "w", "Ж": "x", "ж": "x", "Ч": "y", "ч": "y", "Ў": "y", "ў": "y",
}  # fmt: skip
"""Cyrillic letters the "faux Cyrillic" / "Russian style" generators draw Latin with
(``ДБСDЄҒGЂЇЈКLМИФРQЯЅГЦVШЖЧZ``, lower case ``дбсdєfgђїјкlмифрqяѕтцvшжчz``); the letters
TR39 already maps (``С Р К М Ѕ Ј Т Х О У``) come from the homoglyph table."""

SYLLABICS: Final = {
    "ᗩ": "a", "ᗅ": "a", "ᗷ": "b", "ᗸ": "b", "ᑕ": "c", "ᑢ": "c", "ᑤ": "c", "ᗪ": "d",
    "ᗞ": "d", "ᕲ": "d", "ᘿ": "e", "ᕮ": "e", "ᕦ": "e", "ᖴ": "f", "ᘜ": "g", "ᕼ": "h",
    "ᓰ": "i", "ᓮ": "i", "ᒍ": "j", "ᒚ": "j", "ᖽᐸ": "k", "ᐸ": "k", "ᒪ": "l", "ᒷ": "l",
    "ᗰ": "m", "ᘻ": "m", "ᑎ": "n", "ᘉ": "n", "ᓍ": "o", "ᑭ": "p", "ᕵ": "p", "ᑫ": "q",
    "ᕴ": "q", "ᖇ": "r", "ᖆ": "r", "ᔕ": "s", "ᖶ": "t", "ᑌ": "u", "ᑘ": "u", "ᐯ": "v",
    "ᐺ": "v", "ᗯ": "w", "ᘺ": "w", "᙭": "x", "ᖻ": "y", "ᘔ": "z", "ᗱ": "z",
}  # fmt: skip
"""Canadian syllabics the generators draw Latin with (``ᗩᗷᑕᗪEᖴGᕼIᒍKᒪᗰᑎOᑭᑫᖇᔕTᑌᐯᗯ᙭Yᘔ`` and
``ᗩᗷᑢᕲᘿᖴᘜᕼᓰᒚᖽᐸᒪᘻᘉᓍᕵᕴᖇSᖶᑘᐺᘺ᙭ᖻᗱ``); ``ᖽᐸ`` is one ``k``."""

CJK_SHAPES: Final = {
    "卂": "a", "丹": "a", "乃": "b", "匚": "c", "刀": "d", "乇": "e", "巳": "e",
    "下": "f",
    "千": "f", "厶": "g", "ム": "g", "卄": "h", "廾": "h", "工": "i", "丁": "j", "フ": "j",
    "ﾌ": "j", "亅": "j", "长": "k", "乚": "l", "ㄥ": "l", "从": "m", "爪": "m", "几": "n",
    "口": "o",
    "ㄖ": "o", "尸": "p", "卩": "p", "㔿": "q", "尺": "r", "丂": "s", "丅": "t", "ㄒ": "t",
    "凵": "u", "ㄩ": "u", "山": "w", "乂": "x", "ㄨ": "x", "丫": "y", "ㄚ": "y", "乙": "z",
    "丨": "i",
}  # fmt: skip
"""Chinese characters (and Bopomofo, kana) shaped like Latin capitals (``卂乃匚刀乇下厶卄工丁
长乚从几口尸㔿尺丂丅凵ㄩ山乂丫乙``, ``卂乃匚ᗪ乇千Ꮆ卄丨ﾌҜㄥ爪几ㄖ卩Ɋ尺丂ㄒㄩᐯ山乂ㄚ乙``).
``丨`` is an ``i`` only between two letters: it separates display names (``name丨bio``)."""

AMBIGUOUS: Final = {"ㄩ": "uv"}
"""Characters generators read as different letters (``ㄩ``: ``u`` in one, ``v`` in another)."""

ASCII_ART: Final = {
    "/\\/\\": "m", "|\\/|": "m", "\\/\\/": "w", "|-|": "h", "]-[": "h", "|_|": "u",
    "|\\|": "n", "/-\\": "a", "|3": "b", "|)": "d", "|<": "k", "|{": "k", "()": "o",
    "[]": "o", "\\/": "v", "><": "x", "|_": "l", "|*": "p", "|>": "p", "|2": "r",
    "|=": "f", "}{": "h",
}  # fmt: skip
"""Letters drawn with two or more ASCII symbols (``|3 |) |-| |< /\\/\\ |\\| () |_| \\/ ><``)."""

MIRRORED: Final = {
    "ɘ": "e", "ɔ": "c", "ꙅ": "s", "ƨ": "s", "ƹ": "z", "ᴙ": "r", "я": "r", "ᴎ": "n",
    "и": "n", "ɒ": "a", "ꟻ": "f", "ϱ": "g", "ꓘ": "k", "ʞ": "k", "ꞁ": "j", "ʏ": "y", "ς": "2",
    "Ɛ": "3", "ᔨ": "4", "Ͼ": "7", "ɿ": "r", "d": "b", "b": "d", "p": "q",
    "q": "p", "Ǫ": "q", "ᑫ": "p", "Ꮈ": "j",
}  # fmt: skip
"""Mirror writing: the glyph a letter shows in a mirror and the letter (``b`` and ``d``, ``p``
and ``q`` trade places)."""


@dataclass(frozen=True, slots=True)
class Style:
    """One alphabet: its name, character (or sequence) -> letter, and whether its characters
    are letters of a script people write prose in (Cyrillic, syllabics), so a word made only
    of them needs a host's or handle's context to be read."""

    name: str
    table: dict[str, str]
    script: bool


STYLES: Final = (
    Style("currency", CURRENCY, script=False),
    Style("faux_cyrillic", FAUX_CYRILLIC, script=True),
    Style("syllabics", SYLLABICS, script=True),
)
"""The styles the letter-style pass reads inside a word (registered here, in one place; the
CJK shapes, ASCII art and mirror writing have passes of their own in the same module)."""

_HOOKED: Final = re.compile(
    r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?:PALATAL |RETROFLEX |LEFT |)HOOK(?: TAIL)?"
    r"|LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?:CURL|TOPBAR|SWASH TAIL|TAIL|LONG LEG)"
    r"|LATIN (SMALL|CAPITAL) LETTER (?:SCRIPT|DOTLESS) ([A-Z])"
)
_HOOK_EXTRA: Final = {"ɑ": "a", "ʊ": "u", "ɩ": "i", "ɷ": "w"}
"""Latin letters whose names say no hook but which pass for one letter (alpha, upsilon)."""
HOOK_OVERRIDES: Final = {"ʋ": "v", "Ʋ": "V"}
"""Hooked letters TR39 maps to another letter (``ʋ``, a ``v`` with a hook, to ``u``): the
generators write them for the letter their name says."""


@cache
def hooked_letters() -> dict[int, str]:
    """Latin letters with a hook, curl or tail read as the letter (``ƴ`` ``ɓ`` ``ƙ`` ``ɗ`` ``ɠ``
    ``ɦ`` ``ȥ``; ``ɡ`` script g, ``ı`` ``ȷ`` dotless): the same-script look-alikes. Folded like
    the other homoglyphs, only in a word whose every letter then becomes ASCII."""
    result: dict[int, str] = {}
    for lo, hi in ((0x0180, 0x02B0), (0x1D00, 0x1DC0), (0x2C60, 0x2C80), (0xA720, 0xA800)):
        for cp in range(lo, hi):
            m = _HOOKED.fullmatch(unicodedata.name(chr(cp), ""))
            if m:
                case, letter = next((m[k], m[k + 1]) for k in (1, 3, 5) if m[k])
                result[cp] = letter if case == "CAPITAL" else letter.lower()
    for char, letter in _HOOK_EXTRA.items():
        result[ord(char)] = letter
    return result


INSULAR: Final = {
    "Ꝺ": "d", "ꝺ": "d", "Ꝼ": "f", "ꝼ": "f", "Ᵹ": "g", "ᵹ": "g", "Ꞃ": "r", "ꞃ": "r",
    "Ꞅ": "s", "ꞅ": "s", "Ꞇ": "t", "ꞇ": "t", "ꝛ": "r", "Ꝛ": "r",
}  # fmt: skip
"""The insular letters (``ꝺ ꝼ ᵹ ꞃ ꞅ ꞇ``, ``ꝛ`` r rotunda): the Latin letters as Irish and Old
English scribes drew them, written today only to slip a name past filters (``noꞃꞇhꝼiꝼꞇeen``).
Each is one letter and nothing else; read like the other look-alike letters (in a word whose
every letter then becomes ASCII, ``normalize.rules.homoglyph_pass``)."""

MATH_LETTERS: Final = {
    "∩": "n", "∪": "u", "⊂": "c", "∊": "e", "∈": "e", "⊤": "t", "∨": "v", "∣": "l",
}  # fmt: skip
"""Mathematical operators drawn like small letters (``⊤op9∩ha⊂ai.⊤op``): intersection ``n``,
union ``u``, subset ``c``, element-of ``e``, down tack ``t``, logical or ``v``, divides ``l``.
Read only in a word whose every letter then becomes ASCII and which holds an ASCII letter or
digit or folds to a host (``A ∩ B`` and ``x ∈ S`` stay: a lone operator is no word)."""

LETTER_FORMS: Final = INSULAR | MATH_LETTERS
"""Letter forms the look-alike table (``tables.tables().homoglyph``) folds."""

LIGATURES: Final = {
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ꜳ": "aa", "Ꜳ": "AA", "ꜵ": "ao", "Ꜵ": "AO",
    "ꜷ": "au", "Ꜷ": "AU", "ꜹ": "av", "Ꜹ": "AV", "ꜻ": "av", "Ꜻ": "AV", "ꜽ": "ay", "Ꜽ": "AY",
    "ꝏ": "oo", "Ꝏ": "OO", "ᵫ": "ue", "ꜩ": "tz", "Ꜩ": "TZ", "ꝡ": "vy", "Ꝡ": "VY", "ȸ": "db",
    "ȹ": "qp", "ʣ": "dz", "ʦ": "ts", "ʪ": "ls", "ʫ": "lz", "ꭣ": "uo",
}  # fmt: skip
"""Latin ligatures NFKC keeps (``ꜳ ꝏ ꜹ ᵫ ꜩ``, ``æ œ``): two letters in one glyph. A host
holding one is no IDN a careful reader would type (``emcœngineering.com`` is
``emcoengineering.com`` to the eye); ``normalize.ligatures`` reads them where the rest of the
name is ASCII and withholds the name otherwise."""
