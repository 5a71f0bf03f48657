"""Readings that are only a piece, a placeholder or the ciphertext of a value: withheld.

A finder reads what is written. Where the message writes a value in a way no pass undid, that
reading is another site or id than the one meant, and Bastion must never report it:

- a glyph standing for a letter dropped, not read (``ros∊g∪ag∪a7468`` read ``rosgaga7468``), or
  a symbol the message's own legend names (``⚡=n``) glued to or lost from the value;
- the readable end of a name spelled out in words: the host's name follows, across single
  spaces, letter names, digit words or single letters (``... bee ee ex dot com`` gives
  ``ex.com``, ``hi tám tám vip ba.com`` gives ``ba.com``), or a word with a disguised glyph
  (``k∊masajaka∪ punkto com`` gives ``punkto.com``);
- a placeholder the message fills elsewhere (``{site}.com where {site} is ...``,
  ``XXX9302（XXX换成...）``);
- a name that mixes ASCII with a ligature (``polærunity.top``) in a text not written in a
  language that uses it: an IDN nobody types;
- a label that mixes ASCII letters with letters of a script other than Latin, Greek
  or Cyrillic (``tonggaแปดแปด.com``: digits said in Thai), or with Latin letters no language
  writes (``ɮet888.com``, from a fancy-font generator): registries refuse such names, so the
  letters are a disguise of something no pass read;
- a value glued after a run of such letters (not Chinese characters), or of letter- and
  digit-shaped symbols (``b℮t888.com``; not emoji, dashes or other decoration), that itself
  follows an ASCII letter or digit (``bet구구casino.net``, ``wハチハチbet.com``): the value's
  start is a piece of a name no pass read;
- a value read exactly as written beside words telling the reader to decode it (``Atbash``,
  ``typed one key to the right``, ``viết liền``): the ciphertext, not the value.

Each is flagged ``withheld``: the scanner drops it and sends the item to review
(``scan.withheld``). A value a pass did decode (flag ``instruction``) is not read as written.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Final

from bastion.extract._anchors import first_class
from bastion.extract._gates import GATE_MAX
from bastion.extract.hosts import PROSE_LIKE
from bastion.model import WITHHELD_FLAG, Entity
from bastion.normalize.decode_hints import HINT, HINT_FLAGS, LETTERLIKE_MATH, instructs
from bastion.normalize.hs_sets import re2_set
from bastion.normalize.ligatures import LIGATURE_LANGUAGE
from bastion.normalize.unmask import GATE_MEMORY
from bastion.suffixes import is_tld, registrable_domain

_HOSTY: Final = frozenset({"domain", "url"})
_IDS: Final = frozenset({"wechat", "qq", "telegram", "line", "whatsapp", "phone", "email"})
_UNHINTED: Final = frozenset({"instruction", "prose_like", "defang", "layout"})
"""Flags of a value a pass read as the message says (symbols dropped, lines joined: not as
written), or of words that read as a host (``NOW 🔴 free``), which the scanner keeps only when
listed."""


def _guarded_hint() -> str:
    """The hint behind a look-ahead for its first characters (``re`` then rejects most positions
    of a text with one class test instead of trying every branch): the same matches. The first
    characters are read with the inner ``(?i:`` groups as plain ones, as the whole pattern is
    case-folded anyway (``HINT_FLAGS``), and the look-ahead's class is folded with it."""
    first = first_class(HINT.replace("(?i:", "(?:"))
    return HINT if first is None else f"(?={first})(?:{HINT})"


_HINT_RE: Final = re.compile(HINT_FLAGS + _guarded_hint())
_ODD_ASCII_SPACE: Final = re.compile("[\x0b\x1c-\x1f]").search
"""ASCII characters ``re``'s ``\\s`` takes and RE2's does not."""


@cache
def _hint_tests() -> tuple[Callable[[bytes], list[int]], Callable[[str], object]]:
    """The hint as an RE2 set, and a search for a character every match of it holds
    (``bastion.detect._needs``, case variants included); built on first use."""
    from bastion.detect._needs import needed_chars
    from bastion.normalize.tables import char_class

    needs = needed_chars([HINT_FLAGS + HINT], lambda _: False)
    search = re.compile(f"[{char_class(sorted(needs))}]").search if needs else (lambda _: True)
    return re2_set([HINT_FLAGS + HINT], GATE_MEMORY), search


def _may_hold_hint(text: str) -> bool:
    """False only when ``_HINT_RE`` finds nothing in ``text``: a text outside ASCII needs one
    of the hint's needed characters; on ASCII text RE2 finds what ``re`` finds (``\\b``,
    ``\\d``, ``\\w`` and case folding agree there, and no non-ASCII letter of the hint
    folds to an ASCII one; ``\\s`` differs only on the characters ``_ODD_ASCII_SPACE`` finds,
    which go to ``re``), asked as an RE2 set: most texts hold no hint."""
    found, needs = _hint_tests()
    if not text.isascii():
        return needs(text) is not None
    if len(text) > GATE_MAX or _ODD_ASCII_SPACE(text) is not None:
        return True
    return bool(found(text.encode("ascii")))


_HINT_REACH: Final = 80
_ASSEMBLY_RE: Final = re.compile(
    r"(?i)^(?:no spaces|without (?:the )?spaces|remove (?:the )?spaces|join (?:them|it|the "
    r"(?:pieces|parts|letters|words))|put (?:them|it|the pieces) together|连起来|不加空格|去掉空格"
    r"|拼起来|拼在一起|连在一起|星号|viết liền|ghép lại|không cách|không dấu cách|sin espacios"
    r"|todo junto|без пробелов|слитно|띄어쓰기 ?없이|붙여서|붙여 ?쓰|スペースなし|空白なし|繋げて"
    r"|つなげて)$"
)
"""Hints that only say to drop the separators or join the pieces: a value read with its
separators dropped (``l*i*n*d*a（去掉星号）``) did as they say."""
"""How far from the value its decoding instruction may stand."""
_RODS: Final = (0x1D360, 0x1D378)

_LETTER_NAMES: Final = frozenset(
    [
        "ay",
        "bee",
        "be",
        "see",
        "cee",
        "dee",
        "ee",
        "ef",
        "eff",
        "gee",
        "aitch",
        "haitch",
        "eye",
        "jay",
        "kay",
        "el",
        "ell",
        "em",
        "en",
        "oh",
        "pee",
        "cue",
        "queue",
        "ar",
        "ess",
        "tee",
        "you",
        "vee",
        "double-u",
        "doubleu",
        "dubya",
        "ex",
        "why",
        "wye",
        "zed",
        "zee",
    ]
)
_DIGIT_WORDS: Final = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "không",
        "một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "linh",
        "lẻ",
        "cero",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
    ]
)
_WORD_LETTERS: Final = frozenset("aAI")
"""Single letters that are words (``a``, ``I``): no spelled letter."""
_TOKEN_BEFORE: Final = re.compile(r"(\S+)[ ]{1,2}\Z")

_LEGEND_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])(?P<sym>[^\sA-Za-z0-9.,:;!?()\[\]（）【】=＝'\"])\ufe0f?[ ]?[=＝][ ]?"
    r"(?P<val>[A-Za-z0-9])(?![A-Za-z0-9])"
)
"""``🌵=e``, ``(🐟=a 🌙=r)``: a symbol the message says stands for one letter or digit."""
_VS: Final = "\ufe0f\ufe0e"
_HEAD: Final = re.compile(r"[A-Za-z0-9_\-]+")
"""The first label as written once the legend is applied (the dot after it may be any)."""

_BRACKETED_LABEL: Final = re.compile(r"[{\[<【][A-Za-z0-9_ ]{0,24}[}\]>】][ ]?[.。]")
"""``{site}.com``, ``[name].net``, ``<site>.top``, ``【】.com``: a label to fill in."""
_PLACEHOLDER: Final = re.compile(r"(?:X{2,}|x{3,}|\*{2,}|【】|\{\w+\}|\[\w*\]|<\w+>)")
_FILL_AFTER: Final = re.compile(
    r"[ ）)]{0,2}(?:[=＝:：]|换|替|填|->|→|(?i:\bis\b|\bmeans\b|\bstands\b|\bwith\b))"
)
_FILL_BEFORE: Final = re.compile(
    r"(?i:where|replace|fill(?: in)?|substitute)[ ]{1,2}\Z|[把将][ ]?\Z"
)

_LIGATURES: Final = frozenset("æœÆŒ")
_LIGATURE_LANGUAGE: Final = LIGATURE_LANGUAGE


_SPOT_DOTS: Final = frozenset("ꞏ⦁∙⸳ॱ‧◦·•・")
"""Dots an id may be cut at when no pass read them (``miaomiaoॱf∊∣ix074``)."""
_ENGLISH_DIGITS: Final = frozenset(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
)


def _name(entity: Entity) -> str:
    """The host as written (an IDN decoded), else the value; lower case."""
    host = (entity.host or "").lower()
    if "xn--" in host:
        with contextlib.suppress(UnicodeError):
            host = host.encode("ascii").decode("idna")
    return host or entity.value.lower()


def _disguise_glyph(char: str) -> bool:
    """A letter-shaped operator or a counting rod: a letter or digit written another way."""
    return char in LETTERLIKE_MATH or _RODS[0] <= ord(char) <= _RODS[1]


def _skeleton(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def _dropped(raw: str, value: str) -> bool:
    """A letter-shaped glyph inside ``raw`` that the reading dropped instead of reading."""
    if not any(_disguise_glyph(ch) for ch in raw):
        return False
    kept = _skeleton("".join(ch for ch in raw if not _disguise_glyph(ch)))
    return bool(kept) and _skeleton(value) in kept


def _legend(original: str) -> dict[str, str]:
    if "=" not in original and "＝" not in original:
        return {}
    return {m["sym"]: m["val"] for m in _LEGEND_RE.finditer(original) if not m["sym"].isalnum()}


def _legend_broken(original: str, entity: Entity, legend: dict[str, str]) -> bool:
    """A legend symbol glued to the value, or one inside it that the reading did not apply."""
    start, end = entity.span
    k = start - 1
    while k >= 0 and original[k] in _VS:
        k -= 1
    if k >= 0 and original[k] in legend:
        return True
    k = end
    while k < len(original) and original[k] in _VS:
        k += 1
    if k < len(original) and original[k] in legend:
        return True
    raw = original[start:end]
    if not any(ch in legend for ch in raw):
        return False
    decoded = "".join(legend.get(ch, ch) for ch in raw if ch not in _VS)
    head = _HEAD.match(decoded)
    label = _name(entity).split(".", 1)[0]
    return head is not None and _skeleton(head[0]) != _skeleton(label)


def _spelled_token(token: str) -> bool:
    word = token.lower()
    if word in _LETTER_NAMES or word in _DIGIT_WORDS:
        return True
    if len(token) == 1 and token.isascii() and token.isalnum():
        return token not in _WORD_LETTERS
    return False


def _spelled_tail(original: str, entity: Entity) -> bool:
    """The host's name follows, across single spaces, a spelled run (three tokens or more,
    counting its own name and allowing one short word among them; two when one is a word such
    as ``tám`` or ``ee``, so SMS's ``c u soon.xxx`` stays) or a word holding a disguised glyph:
    it is that run's end."""
    if entity.kind not in _HOSTY or "://" in entity.raw[:12]:
        return False
    start = entity.span[0]
    label, _, rest = _name(entity).partition(".")
    if _spelled_token(rest.rsplit(".", 1)[-1]):
        return False  # ``four dot one``: a number read aloud, its readers' business
    count = 1 if _spelled_token(label) else 0
    words = int(count == 1 and len(label) > 1)
    at, gap = start, False
    for _ in range(24):
        m = _TOKEN_BEFORE.search(original, max(0, at - 40), at)
        if m is None:
            break
        token = m[1]
        if any(_disguise_glyph(ch) for ch in token) and at == start:
            return True
        if not _spelled_token(token):
            if gap or count == 0 or not (token.isascii() and token.isalnum() and len(token) <= 5):
                break
            gap = True  # one short word inside the run (``hi tám tám vip ba.com``)
            at = m.start()
            continue
        count += 1
        words += len(token) > 1
        at = m.start()
    return count >= 3 or (count == 2 and words > 0 and not gap)


def _names_glued(raw: str, entity: Entity) -> bool:
    """Letter names or digit words of a spelled run kept as written inside the value a pass
    joined (``vee eight eight ay gee punktur com`` read ``vee88aygee.com``)."""
    spelled = [t.lower() for t in raw.split() if _spelled_token(t) and len(t) > 1]
    if len(spelled) < 3:
        return False
    name = _name(entity)
    return any(len(t) >= 3 and t not in _ENGLISH_DIGITS and t in name for t in spelled)


def _id_cut_at_dot(original: str, entity: Entity) -> bool:
    if entity.kind in _HOSTY:
        return False
    after = original[entity.span[1] : entity.span[1] + 2]
    return (
        len(after) == 2
        and after[0] in _SPOT_DOTS
        and ((after[1].isascii() and after[1].isalnum()) or _disguise_glyph(after[1]))
    )


def _placeholder(original: str, entity: Entity) -> bool:
    """A label or id part written as a placeholder the message fills in elsewhere."""
    start, end = entity.span
    if entity.kind in _HOSTY:
        lo = max(0, start - 1)
        m = _BRACKETED_LABEL.match(original, lo)
        if m is not None and m.start() < end:
            return True
    raw = original[max(0, start - 1) : end]
    for m in _PLACEHOLDER.finditer(raw):
        token = m[0]
        at = original.find(token)
        while at >= 0:
            if not (max(0, start - 1) <= at < end) and _fill_told(original, at, at + len(token)):
                return True
            at = original.find(token, at + len(token))
    return False


def _fill_told(original: str, start: int, end: int) -> bool:
    return (
        _FILL_AFTER.match(original, end) is not None
        or _FILL_BEFORE.search(original, max(0, start - 14), start) is not None
    )


def _ligature_idn(original: str, entity: Entity) -> bool:
    if entity.kind not in _HOSTY:
        return False
    name = _name(entity)
    if not any(ch in _LIGATURES for ch in name):
        return False
    if not any(ch.isascii() and ch.isalpha() for ch in name):
        return False
    start, end = entity.span
    rest = original[:start] + original[end:]
    return not any(ch in _LIGATURE_LANGUAGE or ch in _LIGATURES for ch in rest)


_SAME_SCRIPTS: Final = ("LATIN", "GREEK", "CYRILLIC")


def _mixed_script(entity: Entity) -> bool:
    if entity.kind not in _HOSTY:
        return False
    for label in _name(entity).split("."):
        if any(_rare_latin(ch) for ch in label):
            return True  # ``ǟǟ12111``: a fancy-font letter, in no name a registry sells
        if label.isascii() or not any(ch.isascii() and ch.isalpha() for ch in label):
            continue
        for ch in label:
            if ch.isascii() or not ch.isalpha():
                continue
            if _rare_latin(ch) or not unicodedata.name(ch, "").startswith(_SAME_SCRIPTS):
                return True
    return False


_GLUED_REACH: Final = 8


_RARE_LATIN: Final = (
    (0x0180, 0x024F),  # Latin Extended-B
    (0x0250, 0x02AF),  # IPA
    (0x1D00, 0x1DBF),  # phonetic extensions
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D (insular letters)
    (0xAB30, 0xAB6F),  # Latin Extended-E
)
_WRITTEN_LATIN: Final = frozenset("ƏəƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜȘșȚțǄǅǆǇǈǉǊǋǌ")
"""Letters of those blocks that languages write (Azerbaijani, Vietnamese, pinyin with tones,
Romanian, Croatian digraphs): words in them are no disguise."""


def _rare_latin(ch: str) -> bool:
    """A Latin letter no language's names are written in: what fancy-font generators use for
    ASCII letters (``ɮɛǟʊȶʏ``, insular ``ꞅꞇ``)."""
    code = ord(ch)
    return ch not in _WRITTEN_LATIN and any(lo <= code <= hi for lo, hi in _RARE_LATIN)


def _foreign_letter(ch: str) -> bool:
    """A letter of a script a name in ASCII does not continue into, or a Latin letter no
    language writes (``_rare_latin``), but Chinese characters (Chinese text runs into links
    with no space: ``访问bet888.com``)."""
    if ch.isascii() or not ch.isalpha():
        return False
    if _rare_latin(ch):
        return True
    name = unicodedata.name(ch, "")
    return not name.startswith((*_SAME_SCRIPTS, "CJK"))


_SHAPE_CATEGORIES: Final = frozenset({"So", "Sm", "Sc", "Sk", "No", "Nl"})
_DECORATION: Final = (
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, bullets, invisible marks
    (0x2190, 0x2BFF),  # arrows, technical, box drawing, shapes, dingbats, misc symbols
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE00, 0xFE6F),  # variation selectors, vertical and small forms
    (0xFF00, 0xFFEF),  # full-width forms
    (0x1F000, 0x1FBFF),  # emoji and pictographs
)
"""Symbols that decorate a message (``WELCOME🎉bet888.com``, ``site—bet888.com``): a name
glued after them is read as written."""


def _unread_glyph(ch: str) -> bool:
    """A character no pass read that stands where a letter or digit would: a foreign letter
    (``_foreign_letter``) or a letter- or digit-shaped symbol (``b℮t888``, ``∂ice``, ``Ⅺ``,
    ``₿et``), not a decoration (``_DECORATION``)."""
    if ch.isascii():
        return False
    if ch.isalpha():
        return _foreign_letter(ch)
    if unicodedata.category(ch) not in _SHAPE_CATEGORIES:
        return False
    code = ord(ch)
    return not any(lo <= code <= hi for lo, hi in _DECORATION)


_CHINESE_NUMERALS: Final = frozenset("〇零一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_KAOMOJI_REACH: Final = 12


def _glued_after_glyph(original: str, entity: Entity) -> bool:
    """The value starts right after glyphs no pass read that themselves follow an ASCII letter
    or digit (``b℮t888.com`` read ``t888.com``, ``t陆捌bet,org`` read ``bet.org``, ``dor(ﾉ◕ヮ◕)ﾉ
    et.com`` read ``et.com``): the value is the end of a name. The run may hold decoration and
    ASCII punctuation too, so long as one of its characters is an unread glyph or a Chinese
    numeral (``WELCOME🎉bet888.com`` and ``hi:)bet888.com`` are read as written)."""
    start = entity.span[0]
    at = start
    telling = False
    while at > 0 and start - at < _KAOMOJI_REACH:
        ch = original[at - 1]
        if ch.isspace() or (ch.isascii() and ch.isalnum()):
            break
        if _unread_glyph(ch) or ch in _CHINESE_NUMERALS:
            telling = True
        elif "\u4e00" <= ch <= "\u9fff" or ch in "\"'“”‘’「」『』【】：:，,":
            return False  # Chinese text or a quotation runs into the value: no name piece
        at -= 1
    if not telling or at == start or at == 0 or start - at >= _KAOMOJI_REACH:
        return False
    before = original[at - 1]
    return before.isascii() and before.isalnum()


_FIELD_WORDS: Final = frozenset(
    {
        "username", "user_name", "userid", "user_id", "id_type", "idtype", "avatar", "nickname",
        "nick", "display_name", "displayname", "bio", "profile", "account", "handle", "contact",
        "wechat", "weixin", "telegram", "whatsapp", "line", "qq", "name", "number", "phone",
    }
)  # fmt: skip
"""Labels of profile and form fields: an id read as one of them is the label, not the id
(``id_type = wechat`` read ``id_type``): dropped."""
_JUNK_NAMES: Final = frozenset({"www", "com", "net", "org", "http", "https"})
_SPACED_SCHEME: Final = re.compile(r":/{1,2}\s").search
SPELLED_DOT: Final = "spelled_dot"
_FUNCTION_WORDS: Final = (
    "the", "a", "an", "this", "that", "it", "its", "one", "and", "or", "of", "to", "in", "on",
    "at", "by", "for", "with", "my", "your", "our", "his", "her", "their", "is", "are", "was",
)  # fmt: skip
"""An English function word joined to a spelled or spaced ending (``the .net one``): prose."""
_SPECIAL_TLDS: Final = frozenset(
    {"onion", "i2p", "bit", "local", "localhost", "internal", "lan", "example", "test", "invalid"}
)
"""Endings no registry sells that a link may still carry (dark-web, reserved, intranet names)."""


def _field_label(entity: Entity) -> bool:
    return entity.kind in _IDS and entity.value.lower().lstrip("@") in _FIELD_WORDS


def _bogus(entity: Entity) -> bool:
    """A reading that is no value at all: an IPv4 address in ``0.0.0.0/8`` or of more than four
    numbers (a number read as an address, ``http:// ១៣៧`` read ``0.0.0.137``), one number read
    as an address from digits written otherwise (``11⒎8⒍7⒍161``), a host whose ending is no TLD
    (``www.fcb``) or whose name is ``www`` or a TLD word (``www.vn``, ``com.is``), a host that
    is a TLD alone after a spaced scheme (``http:// in front`` read ``http://in``;
    ``http://xxx`` is a placeholder) or an English function word joined to a spelled ending
    (``the .net one``). Readings kept only when listed (``prose_like``: ``http:xxx`` read
    ``http.xxx``) are left to that test."""
    host = (entity.host or "").lower().rstrip(".")
    if not host or entity.kind not in _HOSTY or PROSE_LIKE in entity.flags:
        return False
    labels = host.split(".")
    if len(labels) == 1 and is_tld(host) and _SPACED_SCHEME(entity.raw):
        return True  # ``http:// in front`` read ``http://in``
    registrable = registrable_domain(host)
    if SPELLED_DOT in entity.flags and registrable and registrable.split(".")[0] in _FUNCTION_WORDS:
        return True  # ``the .net one`` read ``the.net``
    if "ip_decimal" in entity.flags and not entity.raw.isascii():
        return True  # ``11⒎8⒍7⒍161`` (dots drawn in the digits) read as one decimal number
    if all(label.isdigit() for label in labels):
        return len(labels) != 4 or int(labels[0]) == 0  # one number: a decimal IP is converted
    if len(labels) < 2 or labels[-1] in _SPECIAL_TLDS or ":" in host:
        return False
    if not is_tld(labels[-1]):
        return labels[-1].isalpha()
    return registrable is not None and registrable.split(".")[0] in _JUNK_NAMES


def _as_written(entity: Entity) -> bool:
    """Every piece of the value stands as written in its raw text (no pass changed it)."""
    raw = entity.raw.lower()
    if _skeleton(raw) == _skeleton(_name(entity)):
        return True  # only separators dropped (``a=z b=y: zzimpmgsx.cba``)
    if entity.kind in _HOSTY:
        labels = [x for x in _name(entity).split(".") if x]
        return bool(labels) and all(label in raw for label in labels)
    value = entity.value.lower().lstrip("@+")
    return bool(value) and value in raw


def _hint_may_apply(entity: Entity) -> bool:
    """A value read as written and by no pass that did as a message says: only such a value
    can be the ciphertext an instruction beside it concerns (``_hinted``)."""
    return not (_UNHINTED & set(entity.flags)) and _as_written(entity)


def _hinted(original: str, entity: Entity, hints: list[tuple[int, int]]) -> bool:
    """``entity`` (``_hint_may_apply``) stands near an instruction to decode that is not its
    own name nor only a hint to join what it did join."""
    if not hints:
        return False
    start, end = entity.span
    name = _skeleton(_name(entity))
    joined = entity.raw.lower() != entity.value.lower()
    return any(
        lo - _HINT_REACH <= end
        and start <= hi + _HINT_REACH
        and _skeleton(original[lo:hi]) not in name  # ``see rot13.com``: named after it
        and not (joined and _ASSEMBLY_RE.match(original[lo:hi]))
        for lo, hi in hints
    )


def _inside_longer(entities: list[Entity]) -> list[bool]:
    """For each entity, whether it is a piece inside a longer value read at the same place
    (``four dot one`` of a spoken IP): that value is the reading, the piece gives way to it.
    One sort and sweep (a pair test of every two entities was quadratic in a long text)."""
    spans = [e.span for e in entities]
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    inside = [False] * len(spans)
    widest_end = -1
    k = 0
    while k < len(order):
        span = spans[order[k]]
        same = k
        while same < len(order) and spans[order[same]] == span:
            same += 1
        for i in order[k:same]:
            inside[i] = widest_end >= span[1]
        widest_end = max(widest_end, span[1])
        k = same
    return inside


def withhold_unsure(original: str, entities: list[Entity], *, hinted: bool = True) -> list[Entity]:
    """Flag ``withheld`` the readings this module's docstring lists; ``entities`` is returned,
    less handles that are a field's label (``微信（WECHAT）``, ``id_type = wechat``: no id was
    read there, and the label is none). ``hinted=False`` (a second reading's text) skips the
    value read as written beside an instruction: the reading already did as the message says."""
    if any(_field_label(entity) for entity in entities):
        entities = [entity for entity in entities if not _field_label(entity)]
    legend: dict[str, str] | None = None
    hints: list[tuple[int, int]] | None = None
    inside = _inside_longer(entities)
    for index, entity in enumerate(entities):
        if WITHHELD_FLAG in entity.flags or (entity.kind not in _HOSTY and entity.kind not in _IDS):
            continue
        if inside[index]:
            if _bogus(entity):  # an embedded link is looked up on its own: it must be one
                entity.flags.append(WITHHELD_FLAG)
            continue
        if legend is None:
            legend = _legend(original)
        raw = original[entity.span[0] : entity.span[1]]
        if (
            _dropped(raw, entity.value)
            or (legend and _legend_broken(original, entity, legend))
            or _spelled_tail(original, entity)
            or _names_glued(raw, entity)
            or _id_cut_at_dot(original, entity)
            or _placeholder(original, entity)
            or _ligature_idn(original, entity)
            or _mixed_script(entity)
            or _glued_after_glyph(original, entity)
            or _bogus(entity)
        ):
            entity.flags.append(WITHHELD_FLAG)
        elif hinted and _hint_may_apply(entity):
            if hints is None:  # read once, and only for a value an instruction may concern
                found = _HINT_RE.finditer(original) if _may_hold_hint(original) else ()
                hints = [m.span() for m in found if instructs(original, m.start())]
            if _hinted(original, entity, hints):
                entity.flags.append(WITHHELD_FLAG)
    return entities
