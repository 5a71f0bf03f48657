"""Words that tell a reader to decode or assemble what a message writes, in several languages.

A spammer who ciphers a link or id names the cipher so a person can undo it: ``Atbash：a换z``,
``binary ASCII``, ``mirror the alphabet``, ``base32``, ``摩斯电码``,
``字母按英文读音写的，连起来不加空格``, ``viết liền, số đọc bằng chữ``,
``(say it out loud, no spaces)``, ``每位数字加一``, ``=CONCATENATE(...)``, ``***换成...``.
Where no reader undoes it, what a finder reads there is the ciphertext, or the readable end of
a spelled name (``... ee ex dot com`` gives ``ex.com``): another site or id than the one
meant. ``bastion.extract.unsure`` withholds such readings, and the ``decode_hints`` detector
sends the message to a person even when nothing was read.

The words are written for RE2 (no look-around) so the detector's gate is one linear search.
"""

from __future__ import annotations

from typing import Final

from bastion.normalize.cues import SYMBOLS

_EN: Final = (
    r"\b(?:decode|decoded|decoding|decipher|decrypt|encoded|ciphered|cipher|atbash|rot ?\d{1,2}"
    r"|caesar|base ?(?:32|58|64|85|16)|binary|morse|ascii|hexadecimal|hex to|counting rods?"
    r"|mirror(?:ed)? (?:the )?alphabet|(?:reversed?|backwards?) alphabet|alphabet (?:reversed"
    r"|backwards)|one key to the (?:right|left)|(?:shift|move) each key|keyboard shift"
    r"|letter by letter|spell(?:ed|t)? (?:it )?out|say (?:it|them) (?:out loud|aloud)"
    r"|read (?:it |them )?(?:out loud|aloud)|no spaces|without (?:the )?spaces"
    r"|remove (?:the )?spaces"
    r"|join (?:them|it|the (?:pieces|parts|letters|words))|put (?:them|it|the pieces) together"
    r"|(?:subtract|minus|take) one from|one too (?:high|low)|each digit|every digit|digits? shifted"
    r"|concatenate|printf|replace (?:the )?(?:x+|\*+|\{\w+\}|\[\w*\]) with"
    r"|(?:where|with) (?:x{2,}|\*{2,}|\{\w+\}) (?:is|=)"
    r"|fill in (?:the )?(?:blanks?|x+|_+|\*+|\{\w+\})"
    r"|(?:link|url|site|address|website|domain|name) (?:is |was )?encrypted"
    r"|encrypted (?:link|url|site|address|website|domain)|know the key"
    r"|(?:hidden|missing|masked) (?:characters|letters|digits)"
    r"|written backwards|read (?:it |them )?backwards|(?:is|are) reversed|in reverse"
    r"|(?:first|second|other|last) half of the (?:site|link|url|address|name|id))\b"
)
"""English: ciphers named, spelling read aloud, joins, digit shifts, a placeholder to fill, one
half of the site (the other given elsewhere)."""
_ZH: Final = (
    r"解码|解密|译码|密码表|二进制|十六进制|十进制|(?i:ascii)码|摩斯|摩尔斯|嘀是|嗒是|字母表倒|字母倒"
    r"|键盘[^，。,\n]{0,8}(?:错|偏|移|右|左)|往右错|往左错|(?:英文|英语|字母)的?读音|按读音|读音写|连起来|不加空格|去掉空格|拼起来"
    r"|拼在一起|连在一起|算筹|(?:数字|每位|每个数字)[^，。,\n]{0,6}(?:加|减)了?[1一]"
    r"|(?:加|减)[1一]才是|减回去"
    r"|(?:(?i:x){2,}|\*{2,}|_{3,}|【】|\{\w+\}|\[\w*\])[ ]?(?:换成|替换成|替换为|填|=|＝)"
    r"|把(?:(?i:x){2,}|\*{2,}|_{3,})"
    r"|倒着写|倒着读|反着写|反过来读|倒过来读|倒序|加密了|已加密|(?:网址|链接|地址|域名)加密"
    r"|加密的?(?:网址|链接|地址|域名)|密文|都会解|星号|隐藏的?(?:字|位|数字)"
    r"|(?:网址|链接|地址|域名|账号|微信号?)?(?:前|后)半(?:截|段|部分)"
)
"""Chinese: 解码, 二进制, 摩斯, 字母表倒过来, 键盘往右错了一位, 连起来不加空格, 每位数字加一,
``XXX换成``, 网址加密了, 网址前半截 (the rest given elsewhere)."""
_VI: Final = (
    r"(?i:viết liền|đọc bằng chữ|viết bằng chữ|ghép lại|không cách|không dấu cách|giải mã"
    r"|đảo ngược|mã morse|nhị phân|trừ (?:đi )?một|bớt một)"
)
_ES: Final = (
    r"(?i:decodifica|descifra|sin espacios|todo junto|en binario|código morse|al revés"
    r"|deletread|letra por letra|resta uno|réstale uno|reemplaza|sustituye)"
)
_RU: Final = (
    r"(?i:расшифру|декодиру|без пробелов|слитно|двоичн|азбук[аеу] морзе|морзянк|в обратном порядке"
    r"|задом наперёд|замени|по буквам|вычти)"
)
_KO: Final = (
    r"해독|복호화|디코딩|띄어쓰기 ?없이|붙여서|붙여 ?쓰|이진수|모스 ?부호|거꾸로|바꿔서|한 ?글자씩"
)
_JA: Final = (
    r"解読|デコード|復号|スペースなし|空白なし|繋げて|つなげて|二進数|モールス|逆から|置き換え"
    r"|読み替え"
)
_SHEET: Final = (
    r"=\s?(?i:concat(?:enate)?|textjoin)\s?\(|\$\(\s?printf|(?i:\bjoin\s?\(\s?\[)"
    r"|=\s?\"[^\"\n]{0,40}\"\s?&\s?\"|\(\s?\"[^\"\n]{0,40}\"\s{1,2}\"[^\"\n]{0,40}\"\s{1,2}\""
)
"""A spreadsheet or shell join written out (``=CONCATENATE("fb","88",".com")``)."""

_KEYED: Final = (
    r"(?i:\b(?:polybius|rail ?fence|zig ?zag cipher|a1z26"
    r"|unicode code ?points?|swap (?:each|every) (?:pair|two) (?:of )?(?:characters|letters)"
    r"|(?:characters|letters|halves) (?:are )?swapped"
    r"|swap(?:ped)? (?:the )?(?:two )?halves|interleave them|(?:russian|zhuyin|bopomofo|korean"
    r"|hangul|japanese|kana|wrong) (?:keyboard|layout|ime)|keyboard layout|ime (?:still )?on"
    r"|(?:dm|pm|ask) me for the key)\b|раскладк|йцукен)"
    r"|棋盘密码|棋盤密碼|栅栏|柵欄|字母(?:按|用)?序号|第几个字母|第幾個字母|(?i:unicode) ?码位"
    r"|注音(?:键盘|鍵盤)"
    r"|(?:俄文|俄语|韩文|日文)(?:键盘|输入法)|照键位|照鍵位|按同一个键位|(?:密钥|密鑰)私聊|私聊.{0,3}(?:密钥|密鑰)"
    r"|沿对角线|對角線讀"
    r"|两两(?:调换|交换|对调)|每两个字符|前后两半|한영|(?:영문|한글) ?자판|かな入力|ローマ字入力"
    r"|キーボード配列|キー配置"
)
"""Keys of the ciphers and layouts ``normalize.keyed_codes`` reads: ``Polybius``, ``rail
fence``, ``swap each pair``, ``A1Z26``/``字母序号``, code points, a keyboard layout left on
(``注音``, ``俄文键盘``, ``раскладка``, ``한영``, ``かな入力``), a key kept back (``DM me for the
key``, ``密钥私聊``)."""

_LEGEND: Final = f"[{SYMBOLS}]\ufe0f?[ ]?[=＝][ ]?[A-Za-z0-9](?:[^A-Za-z0-9]|$)"
"""A legend: a symbol the message says stands for a letter or digit (``🍋=f``, ``★=e``)."""

HINT: Final = f"(?:{_EN}|{_ZH}|{_VI}|{_ES}|{_RU}|{_KO}|{_JA}|{_SHEET}|{_LEGEND}|{_KEYED})"
"""RE2 and ``re``: an instruction to decode or assemble what the message writes."""
HINT_FLAGS: Final = "(?i)"
"""Case folded: ``Binary ASCII``, ``BASE32``."""


def instructs(text: str, start: int) -> bool:
    """Whether the hint found at ``start`` tells a reader something: ``;base64,`` in a ``data:``
    URI only names the encoding of an attachment."""
    return not (start > 0 and text[start - 1] == ";")


CIPHERTEXT: Final = (
    r"[01]{7,8}(?:[ ,]{1,2}[01]{7,8}){3}"
    r"|\b\d{2,3}(?:[ ,]{1,2}\d{2,3}){5}\b"
    r"|[A-Za-z0-9+/]{12,}={0,6}|={1,2}[A-Za-z0-9+/]{8,}"
    r"|[A-Za-z0-9]{2,20}[.]?[;\[\]',][A-Za-z0-9;\[\]',./]"
    r"|[.\-·•—–_]{1,6}(?:[ /]{1,3}[.\-·•—–_]{1,6}){4}"
    r"|[嘀嗒滴答]{1,6}(?:[ /|]{1,3}[嘀嗒滴答]{1,6}){4}"
)
"""RE2 and ``re``: what an encoded value looks like with no dot in it: binary octets,
decimal character codes, a base32 / base64 run,
Morse in dots and dashes or in 嘀 and 嗒, letters typed one key off (``lw;cyw[yd``)."""

_TLDS: Final = (
    r"com|net|org|top|xyz|vip|info|biz|club|site|online|shop|cc|co|me|io|tv|in|ru|cn|vn|uk|de"
    r"|win|bet|app|live|pro|fun|asia|link|store|ly|to|ws|la|gg"
)
LINKISH: Final = (
    rf"[.。．｡∙⦁⸳‧◦ꞏॱ·•・][ ]?(?i:{_TLDS})\b|(?i:\bdotcom\b)"
    "|[A-Za-z0-9\u0400-\u04ff][ ]{1,2}(?i:dot|punto|punkt|chấm|точк[аиу])[ ]{1,2}"
    "[A-Za-z\u0400-\u04ff]"
    r"|[A-Za-z0-9][ ]{1,2}(?i:com|xyz|vip|biz|cn|vn|ru|top|info|net|org|club)\b"
    r"|[A-Za-z0-9][ ]?[点點][ ]?[A-Za-z]|닷|ドット"
    r"|(?i:\b(?:wechat|weixin|vx|wx|telegram|tg|whatsapp|wa|line|zalo|kakao|qq|signal)\b)"
    r"|微信|威信|薇信|扣扣|飞机|电报|(?:扣|企鹅|薇|威|[Vv])[ ]?[:：]|(?:^|\s)@[A-Za-z0-9_]"
    r"|[^\s][∙⦁⸳‧◦ꞏॱ·•・][A-Za-z]{2}|[A-Za-z0-9]{2}\.[A-Za-z]{2,6}\b"
    f"|{CIPHERTEXT}"
)
"""RE2 and ``re``: a link or handle may be in the message: a TLD after any dot, a dot word
between two words,
a TLD word after a name and a space (``nuqta com``), a messenger cue or an ``@name``, a name
with a dot of any TLD (the ciphertext's: ``yfnerk‧mvg``)."""

LETTERLIKE_MATH: Final = frozenset(
    "∀∂∃∄∅∆∇∈∉∊∋∌∍∏∐∑√∛∜∝∟∠∣∤∥∦∧∨∩∪∫∬∮⊂⊃⊄⊅⊆⊇⊏⊐⊓⊔⊢⊣⊤⊥⊦⊧⊨⋀⋁⋂⋃⋎⋏⋐⋑⋒⋓⋔⋲⋳⋴⋵⋶⋷⋸⋹⋺⋻⋼⋽⋾⋿⨅⨆⨉⨯⌈⌉⌊⌋⍳⍴⍵⍺"
)
"""Mathematical operators shaped like letters (``∊`` e, ``∩`` n, ``∪`` u, ``∨`` v, ``⊤`` T,
``⊂`` c, ``∣`` l): in a name they stand for letters. Dot-like, circled and relation signs
(``∙ ⋅ ∘ ⊙ ⨀ ≈``) are not here: a spot dot or a circled one is a dot (red team 6)."""
