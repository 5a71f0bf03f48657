"""``has_candidates``: the scanner's hot path, a sound microsecond test for "nothing to find".

Soundness (checked by a hypothesis property test): ``extract_entities(unmask(t))`` is non-empty
only if a finder fires on ``t`` itself or an unmask pass changed ``t`` on the way to an entity.
Each clause is a superset of one such trigger:

* finders on plain text: a dot before a Public Suffix List TLD (every host, e-mail and
  ``t.me`` ends so) or a dotted quad, a colon before slashes (``scheme://``), two close colons
  (IPv6), a mobile shape (also spaced or dotted), ``+`` and seven digits, a cue with the start of an
  id or an id before its cue;
* unmask passes (``bastion.normalize``): a character its tables fold (full-width, homoglyph,
  invisible...); a spelled or ideographic dot that the pass would accept before a TLD (only the
  last separator of a host matters); colon-ish then slashes (``hxxp``); spaced single letters
  (six in a row, or next to a dot-ish gap, or after ``www``); five digits holding a Chinese
  numeral; the start of a base64 or hex ``http`` (encoded URLs). ``[at]`` -> ``@`` needs no
  clause: an e-mail still needs a dotted host.

The clauses run as one RE2 set; texts over ``GATE_MAX`` use the exact ``re`` twin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Final

from bastion.extract._gates import GATE_MAX, Gate
from bastion.extract.encoded import TRIGGER as ENCODED_TRIGGER
from bastion.extract.handles import CUE_CLAUSES
from bastion.extract.hosts import IDN
from bastion.extract.phones import PHONE_CLAUSES
from bastion.normalize.broken import DIGIT_SEP
from bastion.normalize.ciphers import HEX_BYTES as CIPHER_HEX_BYTES
from bastion.normalize.ciphers import HINTS as CIPHER_HINTS
from bastion.normalize.ciphers import LEGEND_ASCII_GATE
from bastion.normalize.ciphers import PINYIN_NUMBER as CIPHER_PINYIN_NUMBER
from bastion.normalize.code_joins import TRIGGER as CODE_JOIN_TRIGGER
from bastion.normalize.defang import (
    AT_WORDS,
    BRACKETS,
    CJK_DOT_WORDS,
    DOT_CORE,
    DOT_WORDS,
    DROP_GATE,
    PROSE_DOT_TRIGGER,
    SPAM_TLDS,
    STAND_IN_TLDS,
)
from bastion.normalize.digit_forms import PICTURED, SOUNDS
from bastion.normalize.digit_forms import PRECHECK as DIGIT_FORMS
from bastion.normalize.drawn_o import TRIGGER as DRAWN_O_TRIGGER
from bastion.normalize.edit_hints import EVERY_OTHER_TRIGGER
from bastion.normalize.guess import CAMEL_TRIGGER, GLUED_CAPS_TRIGGER
from bastion.normalize.guess import PICTOGRAPHS as CUT_EMOJI
from bastion.normalize.handle_containers import TRIGGER as HANDLE_CONTAINERS_TRIGGER
from bastion.normalize.handle_ids import SPOKEN_DIGITS, TICKER_TRIGGER
from bastion.normalize.id_parts import TRIGGER as ID_PARTS_TRIGGER
from bastion.normalize.instructions import TRIGGER as INSTRUCTION_TRIGGER
from bastion.normalize.ip_dots import TRIGGER as IP_DOTS_TRIGGER
from bastion.normalize.latex import TRIGGER as LATEX_TRIGGER
from bastion.normalize.layout import ASIDE_GATE
from bastion.normalize.layout import GATE as LAYOUT_GATE
from bastion.normalize.leet import GATE as LEET_GATE
from bastion.normalize.leet import LOOKALIKES
from bastion.normalize.letter_style_tables import MATH_LETTERS
from bastion.normalize.letter_styles import ART_GATE as LETTER_ART_GATE
from bastion.normalize.letter_styles import hint_chars as letter_hint_chars
from bastion.normalize.letter_styles import precheck_clauses as letter_clauses
from bastion.normalize.ligatures import TRIGGER as LIGATURE
from bastion.normalize.markup import GATE as MARKUP_GATE
from bastion.normalize.markup import strip as strip_markup
from bastion.normalize.number_layouts import TRIGGER as NUMBER_LAYOUT_TRIGGER
from bastion.normalize.numerals import TRIGGER_ZH as ZH_NUMBER_TRIGGER
from bastion.normalize.phone_cued import PARTS_TRIGGER as PHONE_PARTS_TRIGGER
from bastion.normalize.phone_forms import TRIGGERS as PHONE_FORM_TRIGGERS
from bastion.normalize.reading_order import GATE as READING_ORDER_GATE
from bastion.normalize.readings import PRECHECK_CLAUSES as READING_CLAUSES
from bastion.normalize.readings import REVERSED_CLAUSE
from bastion.normalize.regional import TRIGGER as REGIONAL_TRIGGER
from bastion.normalize.rows import TRIGGER as ROWS_TRIGGER
from bastion.normalize.rules import COMMON_TLDS, EMOJI_LETTER_TRIGGER, ROMAN_RE
from bastion.normalize.said_words import TRIGGER as SAID_WORDS_TRIGGER
from bastion.normalize.split_fields import TRIGGER as SPLIT_FIELDS_TRIGGER
from bastion.normalize.tables import (
    CJK_DOTS,
    CJK_NUMERALS,
    DOT_CHARS,
    ROMAN_FIRST,
    ROMAN_LAST,
    char_class,
    tables,
)
from bastion.normalize.triggers import TLD, ascii_tlds, word_trie

_AN = "A-Za-z0-9"
_APOSTROPHE_TLDS = (
    "cc|tv|me|io|co|in|us|uk|ru|de|vn|cn|jp|kr|id|ph|th|my|sg|hk|tw|la|ws|to|nl|fr|it|es"
)
_NUM = "".join(CJK_NUMERALS)
_TLDS = "|".join(sorted(COMMON_TLDS))
_GAP1 = r"(?:[^\w\r\n]|_)"
_LEET_DIGITS = "".join(sorted(c for c in LOOKALIKES if c.isdigit() or c in "〇○◯"))
"""Digits a guessed TLD may be spelt with (``a9`` is ``ag``): every one the leet reader takes."""
_UNIT = f"(?<![{_AN}])[{_AN}]"
_PUNCT = r"[!-/:-@\[-`{-~]"
"""ASCII punctuation (``s/u/n/点/w/i/n``: one symbol sets every character apart)."""


_TLD = f"{TLD}(?![{_AN}\\-])"
_LONG_TLD = f"{word_trie([t for t in ascii_tlds() if len(t) >= 4 and t.isalpha()])}(?![{_AN}\\-])"
"""A TLD of four or more letters, lower case (``saonidh. world``; ``. in``, ``. me`` are prose)."""
_HEXISH = "[0-9A-Fa-fxX]"
_IPV4ISH = f"{_HEXISH}\\.{_HEXISH}{{1,12}}\\.{_HEXISH}{{1,12}}\\.{_HEXISH}"
_DOTS_SPACED = "(?:\\s{1,2}\\.\\s{0,2}|\\.\\s{1,2})"
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_REVERSED_HOST = (
    "[A-Za-z0-9]\\.[A-Za-z0-9.\\-]{0,60}[^\\n]{0,24}"
    "(?:倒过来|反过来|倒着|反着|倒序|(?i:backwards|reversed?))"
)
_ASCII_CLAUSES = (
    # finders on plain text: hosts end in a dot and a TLD (or are dotted digits)
    f"[{_AN}]\\.{_TLD}",
    # hosts only a second reading holds (bastion.normalize.readings)
    *READING_CLAUSES,
    LETTER_ART_GATE,  # letters drawn in ASCII art (bastion.normalize.letter_styles)
    LEGEND_ASCII_GATE,  # ``b$t888.com ($=e)``: a legend of an ASCII symbol (normalize.ciphers)
    f"[{_AN}]\\.(?:[a-z]{{2,24}}[A-Z0-9]|[A-Z]{{2,24}}[a-z0-9])",  # a TLD with words glued on
    # ... in mixed case (``No.vEisp``: ``no.ve``, ``wq.MeW``: ``wq.me``; found by make fuzz)
    f"[{_AN}]\\.(?:[a-z][A-Z]|[A-Za-z]{{2,24}}[A-Z0-9])",
    _IPV4ISH,
    r"[:：;；]\s?[\]\)\}]?\s{0,2}[/／\\＼]\s?[/／\\＼]",
    r"(?i:h(?:\s{0,2}[tx*_]){2}\s{0,2}p(?:\s{0,2}s)?)\s{0,2}(?:[\])}>]\s?)?"
    r"(?:/{2}|_{2}[A-Za-z0-9]|[:：][/／][A-Za-z0-9])",  # ``https:/host`` (found by make fuzz)
    ":[0-9A-Fa-f]{0,4}:",
    *PHONE_CLAUSES,
    f"1[3-9][0-9]{{0,2}}{DIGIT_SEP}[0-9]|1{DIGIT_SEP}[3-9]{DIGIT_SEP}[0-9]",
    *CUE_CLAUSES,
    *PHONE_FORM_TRIGGERS,
    PHONE_PARTS_TRIGGER,
    ID_PARTS_TRIGGER,
    SPLIT_FIELDS_TRIGGER,
    # spelled dots: only the separator before the TLD matters, and it must be acceptable
    r"[\[\(\{（【]\s?(?:[Dd][Oo][Tt]|[.。点．])",
    r"\s[Dd][Oo][Tt]\s",
    f"(?:[0-9][{_AN}\\-]{{0,62}}|[Ww]{{3}}){_DOTS_SPACED}{_TLD}",
    f"{_DOTS_SPACED}(?i:{_TLDS})(?![{_AN}\\-])",
    f"[{_AN}\\-]\\s{{1,2}}\\.{_TLD}",
    # defanged dots: brackets, backslash, glued or foreign dot words, digits in the TLD
    f"[{_AN}] ?[{BRACKETS}]{{1,3}} ?{DOT_CORE} ?[{BRACKETS}]{{0,3}} ?[{_AN}]"
    f"|[{_AN}] ?{DOT_CORE} ?[{BRACKETS}]{{1,3}} ?[{_AN}]",
    f"[{_AN}]\\\\\\.|[A-Za-z0-9](?:DOT|Dot)[a-z0-9]|[-_.](?i:d[o0]t)[-_.]",
    CAMEL_TRIGGER,
    GLUED_CAPS_TRIGGER,
    "[A-Za-z0-9]-(?:com|net|org|vip|club|top|xyz|info|bet|win|live|cc|tv|site|shop|fun|pro)"
    "(?:[^A-Za-z0-9_.@-]|$)|[A-Za-z0-9]{6}com(?:[^A-Za-z0-9_.@-]|$)",
    "[a-z0-9]dot(?:com|net|org|info|xyz|top|vip|club|site|shop|cc|tv|bet|win|live|pro|io|me|co)"
    "(?:[^A-Za-z0-9-]|$)",
    f"\\s(?i:{'|'.join(DOT_WORDS)}|point\\s{{1,2}}(?:com|net|org))\\s",
    LEET_GATE,
    f"[{_AN}](?:\\.\\.|[,，*#^~|]|__)(?:{STAND_IN_TLDS})(?![{_AN}\\-])",
    f"[{_AN}] {{0,2}}(?:{CJK_DOT_WORDS})|[{_AN}]圈[aA]|[+➕＋]\\s{{0,2}}\\.{_TLD}|%2[Ee]",
    f"[{_AN}] {{1,2}}(?:[•·*~=\\-_]{{1,2}}(?i:dot)|(?i:dot)[•·*~=\\-_])",
    PROSE_DOT_TRIGGER,
    f"[0-9][{_AN}]{{0,8}} {{1,2}}(?:{SPAM_TLDS})(?![{_AN}\\-.])",
    f"[{_CJK}] {{0,2}}[{_AN}\\-]{{4,63}} {{1,2}}(?:{SPAM_TLDS})(?![{_AN}\\-.])",
    f"[{_AN}] {{1,2}}(?:{SPAM_TLDS}) {{0,2}}[{_CJK}]",
    "&(?:#0{0,3}46|#[xX]0{0,3}2[eE]|period)",
    ENCODED_TRIGGER,
    f'[」】)）\\]}}>》』〕］"*＂＊] {{0,2}}(?:[.。．点點]|(?i:dot)) {{0,2}}{_TLD}',
    # a drop-a-symbol instruction: the token it speaks of holds a letter or digit
    f"[{_AN}][^{_AN}\\n]{{0,3}}(?:{DROP_GATE})|(?:{DROP_GATE})[^{_AN}\\n]{{0,3}}[{_AN}]",
    _REVERSED_HOST,
    f"(?:[.。．点點]|(?i:dot)|[\\])]) {{0,2}}(?:[a-z] {{1,2}}[a-z0-9]|[A-Z] {{1,2}}[A-Z0-9])"
    f"(?: {{1,2}}[a-zA-Z0-9]){{0,4}}(?![{_AN}])",
    r"[A-Za-z0-9]\s(?i:d[ .\-_*]{1,2}o[ .\-_*]{1,2}t)\s",
    # a host broken over lines or spaced out around its dot
    f"\\.[ \t]*\r?\n[ \t]*{_TLD}|\\n[ \t]*\\.[ \t]*(?:\r?\n[ \t]*)?{_TLD}",
    f"\\n[ \t]*[>》→•·▪◦‣⁃｜|\\-–—*+]{{1,2}}[ \t]*\\.{_TLD}",
    # pieces added up (``jun8 + 8bet + 点biz``: bastion.normalize.readings)
    "[+＋➕][ \t]{0,2}点[ \t]{0,2}[A-Za-z]{2}",
    f"\\.[{_AN}]{{1,5}}[ \t]*\r?\n[ \t]*[{_AN}]{{1,5}}(?![{_AN}.\\-])",
    f"[{_AN}][ \t\u3000]{{1,2}}\\.[ \t\u3000]{{1,2}}(?:[a-z0-9]|[A-Z][A-Z0-9])",
    f"\\n(?:[ \t]*[{_AN}.][ \t]*\r?\n){{3}}",
    # spaced letters: six single units, or a unit before a dot-ish gap, or www before a gap
    f"(?<![{_AN}])[{_AN}](?:{_GAP1}[{_AN}]){{5}}(?![{_AN}])",
    f"{_UNIT}{_GAP1}{{1,3}}[{_AN}]{_GAP1}{{0,2}}[.。｡]",
    f"{_UNIT}{_GAP1}{{0,2}}[.。｡]{_GAP1}{{0,2}}[{_AN}]{_GAP1}{{1,3}}[{_AN}](?![{_AN}])",
    f"{_UNIT}\\s{{1,2}}(?:[{CJK_DOTS}]|(?i:dot))\\s{{1,2}}[{_AN}]\\s{{1,2}}[{_AN}]",
    f"{_UNIT}{_PUNCT}{{1,2}}[点點]{_PUNCT}{{1,2}}[{_AN}]{_PUNCT}{{1,3}}[{_AN}](?![{_AN}])",
    f"[Ww]{{3}}{_GAP1}",
    # guessed readings (bastion.normalize.guess): stand-in dots, glued dian, described TLDs
    f"[{_AN}](?:_{{1,2}}|[,，、‚﹐､]| ?(?i:dian)|\\s{{1,2}}point\\s{{1,2}})"
    f"(?:{TLD}|[A-Za-z]{{0,3}}[{_LEET_DIGITS}][A-Za-z0-9]{{0,2}})(?![{_AN}\\-])",
    f"[{_AN}]\\s{{0,2}}[，,]?\\s{{0,2}}[（(]?\\s{{0,2}}(?:后缀|后面加|后面是|加上|再加|结尾)",
    # ASCII punctuation for the dot before a TLD (``bitsaloon:com``; guessed, kept if listed)
    f"[{_AN}]{{3}}[;:!|`](?:{TLD})(?![{_AN}\\-_@'`])",
    # ... an apostrophe only before a TLD of three letters or a common two-letter one (``you're``)
    f"[{_AN}]{{3}}'(?:[A-Za-z]{{3,24}}|(?i:{_APOSTROPHE_TLDS}))(?:[^{_AN}\\-_@'`]|$)",
    # ``标题：x⏎在标题后面加 点com``: the TLD mentioned apart from the name (readings)
    r"(?:加|后缀|结尾)[是上]?\s{0,3}[:：]?\s{0,3}(?:\.|点)\s{0,2}[A-Za-z]{2}",
    f"[a-z0-9]\\. {{1,2}}{_LONG_TLD}",
    # ``aa. DOT``: .dot is a TLD too, and a TLD described anywhere in the text (``后面加``) lets
    # the guessed reading take ``. `` as its dot (the clauses above read "dot" as a spelled dot)
    f"[{_AN}]\\. {{1,2}}(?i:dot)(?![{_AN}\\-])",
    # instructions in prose (bastion.normalize.instructions): their keywords
    INSTRUCTION_TRIGGER,
    # a host or id built by a line of code, a sum in brackets (bastion.normalize.edit_hints)
    CODE_JOIN_TRIGGER,
    NUMBER_LAYOUT_TRIGGER,
    r"[(（] ?[0-9]{1,12} ?[+＋] ?[0-9]",
    # a host or id in a cipher or code, the key named (bastion.normalize.ciphers, .codes)
    CIPHER_HINTS,
    CIPHER_HEX_BYTES,
    CIPHER_PINYIN_NUMBER,
    # layouts (bastion.normalize.layout): a framed column, a chat log, an acrostic's hint
    LAYOUT_GATE,
    ROWS_TRIGGER,
    LATEX_TRIGGER,
    ASIDE_GATE,
    # values read in the order their layout gives (bastion.normalize.reading_order)
    READING_ORDER_GATE,
    EVERY_OTHER_TRIGGER,
    # digits and letters said in words of another language (bastion.normalize.said_words)
    SAID_WORDS_TRIGGER,
    # ids in hashtags, middle-dot groups, quoted replies (bastion.normalize.handle_containers)
    HANDLE_CONTAINERS_TRIGGER,
)
_APART: Final = (
    (CUE_CLAUSES[0], ID_PARTS_TRIGGER, INSTRUCTION_TRIGGER),
    (REVERSED_CLAUSE, _REVERSED_HOST),
    (SAID_WORDS_TRIGGER,),
)
"""Clauses in RE2 sets of their own (``Gate``'s ``apart``): a cue's eight separators, the
id-parts trigger's, the instruction trigger's loop over words (``one ... dot com``) and a
reversed host's 60-character windows each multiplied the DFA states of the other 80 clauses.
In one set a message never seen before cost about 460 us (ASCII) or 190 us (other text) of
state building; so split, about 55 and 40 us, and the warm sets run faster too (5.0 against
6.1 us, 3.6 against 4.0 us on the clean messages; ``bench.gate_sets``). The reversed hosts'
set is asked only when a text holds one of their words' characters."""
_ASCII = Gate((*_ASCII_CLAUSES, MARKUP_GATE), _APART)
_ONLY_MARKUP_ASCII: Final = [len(_ASCII_CLAUSES)]
"""The ASCII set's answer when markup (tags, references, escapes) is all it found: the text
is read again with the markup undone (:func:`_after_markup`)."""
ASCII_MATCH = _ASCII.text_matcher()
"""The ASCII clause sets' match on a text (indices of the clauses found)."""
_ASCII_FOUND = _ASCII.text_matcher(weak=_ONLY_MARKUP_ASCII)
"""``ASCII_MATCH`` for ``has_candidates``, which asks only whether a clause other than markup
occurs: once the main set finds one, the sets apart are not asked."""


_MATH: Final = re.escape("".join(sorted(MATH_LETTERS)))


def _lettered_class() -> str:
    """The look-alike letters but the operators (``∩ ∪ ⊂``: emoticons use them, ``╭∩╮``)."""
    t = tables()
    return char_class([cp for cp in t.homoglyph if chr(cp) not in MATH_LETTERS])


@cache
def _wide() -> Gate:
    """The clause set for non-ASCII text; builds normalize's character tables on first use."""
    t = tables()
    dots = char_class([ord(c) for c in DOT_CHARS])
    numeral_run = "|".join(f"[0-9]{{{i}}}[{_NUM}][0-9{_NUM}]{{{4 - i}}}" for i in range(5))
    clauses = (
        f"[{t.same_class}{t.other_class}{_lettered_class()}]",
        # operators drawn as letters only beside a letter, digit or dot (``O(∩_∩)O`` stays)
        f"[{_AN}.][{_MATH}]|[{_MATH}][{_AN}.]",
        ROMAN_RE.pattern,
        f"[{_AN}{IDN}]\\.(?:{_TLD}|[{_AN}\\-]{{0,62}}[{IDN}])",
        f"[{_AN}]\\s{{0,2}}(?:\\.\\s{{0,2}})?[{CJK_DOTS}](?:\\s{{0,2}}[{CJK_DOTS}.]){{0,6}}"
        f"\\s{{0,2}}{_TLD}",
        f"\\s(?:{'|'.join(AT_WORDS + DOT_WORDS)})\\s",
        numeral_run,
        f"[{_NUM}] ?[{BRACKETS}]{{0,3}} ?(?:\\.|。|点|點|．) ?[{BRACKETS}]{{0,3}} ?{_TLD}",
        f"[.。．点點][A-Za-z]{{1,10}}[{CUT_EMOJI}]{{1,3}}[A-Za-z0-9]",
        # letters one to a bracket round any dot glyph (``[p][o][r][n]・[c][o][m]``; make fuzz)
        f"[{_AN}] ?[{BRACKETS}]{{1,3}} ?[{dots}]|[{dots}] ?[{BRACKETS}]{{1,3}} ?[{_AN}]",
        f"[{_AN}\\-][{_NUM}]{{1,6}}\\s?[{BRACKETS}]{{0,3}}\\s?(?:\\.|。|点|點)",
        f"{EMOJI_LETTER_TRIGGER}[A-Za-z0-9.]",
        TICKER_TRIGGER,
        *letter_clauses(),
        f"{LIGATURE}\\s{{0,2}}[.{CJK_DOTS}]",  # ``emcœngineering∙com`` (normalize.ligatures)
        IP_DOTS_TRIGGER,
        DRAWN_O_TRIGGER,  # ``zo88.◌rg`` (normalize.drawn_o)
        REGIONAL_TRIGGER,  # ``🇧 🇪 🇹  .  🇨 🇴 🇲`` (normalize.regional)
        ZH_NUMBER_TRIGGER,
        DIGIT_FORMS,
        # ``n~n^4+5 点 t~v``, ``g🎰o🎰8🎰8 ● l🎰i🎰v🎰e``: symbols or emoji between the letters,
        # a spaced dot glyph
        f"{_UNIT}\\s{{1,2}}[{CJK_DOTS}]\\s{{1,2}}[{_AN}]{_GAP1}{{1,2}}[{_AN}](?![{_AN}])",
        *_ASCII_CLAUSES[1:],
        MARKUP_GATE,
    )
    return Gate(clauses, _APART)


_HINTS = "0-9A-Za-z.:：;；@~+。点．嘀嗒"
"""With a folded character or a Chinese numeral, the characters of which every match of every
non-ASCII clause holds one: each clause needs an ASCII letter or digit, or a dot, colon, ``@``,
``~`` or ``+`` (a cue's first id character), or a folded character, a numeral, ``。点．``
after a bracket, or ``嘀``/``嗒`` (Morse said in Chinese, the hinted codes' key word). A property
test checks this against the exact clauses."""


@cache
def _wide_hint() -> Callable[[str], object]:
    """``re`` search for a hint character: one bitmap class (any astral character counts), so a
    scan costs ~2 ns a character, against ~450 ns for encoding and calling the RE2 set."""
    t = tables()
    roman = range(ROMAN_FIRST, ROMAN_LAST + 1)
    said = [*map(ord, SPOKEN_DIGITS), *map(ord, PICTURED), *map(ord, SOUNDS)]
    said += _said_words_chars()
    folded = [*t.same, *t.other, *t.homoglyph, *said, *roman]
    bmp = char_class([cp for cp in folded if cp <= 0xFFFF])
    letters = re.escape(letter_hint_chars()) + LIGATURE[1:-1]
    return re.compile(f"[{_HINTS}{letters}{bmp}\\U00010000-\\U0010ffff]").search


def _said_words_chars() -> list[int]:
    """Characters of which every match of the said-words clause holds one (its words are in
    scripts with no ASCII: ``엘 아이 엔 쩜 컴``)."""
    from bastion.detect._needs import needed_chars

    chars = needed_chars([SAID_WORDS_TRIGGER], lambda _: False)
    assert chars is not None
    return sorted(chars)


@cache
def _edge_deletions() -> str:
    """Characters unmasking deletes outright (invisible, combining overlays)."""
    return "".join(chr(cp) for cp, folded in tables().other.items() if not folded)


@cache
def _edge_deletable() -> frozenset[str]:
    """``_edge_deletions`` as a set: ``str.strip`` with its 750 characters rebuilds a filter of
    them on every call, so the edges are looked up first (most texts have none there)."""
    return frozenset(_edge_deletions())


_wide_match: Callable[[str], list[int]] | None = None
"""The non-ASCII clause sets' match on a text, set on first use (see :func:`wide_checks`); once
the main set finds a clause other than markup, the sets apart are not asked."""
_hint: Callable[[str], object] | None = None


def has_candidates(text: str) -> bool:
    """False only when ``extract_entities(unmask(text))`` is certainly empty.

    One RE2 set scan, called on the compiled set directly: the scanner's hot path. A non-ASCII
    hit is re-checked without the deletable characters at the text's edges (YouTube comments end
    in U+FEFF): deleting a character with nothing on one side joins nothing, so the rest decides.
    """
    try:
        ascii_only = text.isascii()
    except AttributeError:
        raise TypeError(f"text must be a str, got {type(text).__name__}") from None
    if ascii_only:
        if len(text) > GATE_MAX:
            return _ASCII.search(text)
        hits = _ASCII_FOUND(text)
        return bool(hits) and (hits != _ONLY_MARKUP_ASCII or _after_markup(text))
    if len(text) > GATE_MAX:
        if not _wide().search(text):
            return False
    else:
        hint, match = (_hint, _wide_match) if _hint and _wide_match else wide_checks()
        if hint(text) is None:
            return False
        hits = match(text)
        if not hits:
            return False
        if len(hits) == 1 and hits[0] == _wide_markup():
            return _after_markup(text)
    return confirm_wide(text)


@cache
def _wide_markup() -> int:
    """The index of the markup clause in the non-ASCII set (its last)."""
    return len(_wide().sources) - 1


def _after_markup(text: str) -> bool:
    """``has_candidates`` of ``text`` with its markup undone (the unmasker's first pass), when
    markup is all the clause sets found: ``<br />`` and ``&#39;`` in a comment alone call for
    nothing. Reads the undone text once; markup left in it only counts as markup."""
    stripped = strip_markup(text)
    if stripped == text:
        return False
    hits = _ASCII.hits(stripped) if stripped.isascii() else _wide().hits(stripped)
    if not hits:
        return False
    if stripped.isascii():
        return hits != frozenset(_ONLY_MARKUP_ASCII)
    return hits != frozenset({_wide_markup()}) and confirm_wide(stripped)


def confirm_wide(text: str) -> bool:
    """``has_candidates`` of a non-ASCII ``text`` on which the clause set has matched."""
    deletable = _edge_deletable()
    if text[:1] not in deletable and text[-1:] not in deletable:
        return True
    core = text.strip(_edge_deletions())
    return len(core) == len(text) or "\u202e" in text or has_candidates(core)


def wide_checks() -> tuple[Callable[[str], object], Callable[[str], list[int]]]:
    """The non-ASCII pre-check, built on first call: a hint search on the text (None: nothing to
    find) and the clause sets' match on it (empty: nothing to find)."""
    global _hint, _wide_match
    if _hint is None or _wide_match is None:
        _hint, _wide_match = _wide_hint(), _wide().text_matcher(weak=[_wide_markup()])
    return _hint, _wide_match


def warm() -> None:
    """Compile the non-ASCII clause set now rather than on the first non-ASCII message."""
    wide_checks()
    _edge_deletable()
