"""Hosts that are only the readable end of a disguised name: withheld, never reported.

A finder reads a host from the first character it can read: in ``7|<88i.com``,
``fo|\\|g|-||_|a77.com`` or ``rɑstƴpɑstƴ34.top`` that is ``88i.com``, ``a77.com``, ``stƴ34.top``,
each another site than the one written. And a name that mixes ASCII with letters of another
script or rare Latin letters (``ядјдѕlфt77.net``, ``e678ƴ.com``) is an IDN nobody types: a
reader reads a Latin name in it. Neither is a host Bastion can report for sure, so both are
flagged ``withheld``: the scanner drops them and sends the item to a person (``scan.withheld``).

Not a tail: a host glued to Chinese, Japanese, Korean, Thai, Arabic or Hebrew writing
(``官网bet.com``), where no space is written between words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from bastion.extract._types import UnmaskedLike
from bastion.model import WITHHELD_FLAG, Entity
from bastion.normalize import as_in
from bastion.normalize.decode_hints import LETTERLIKE_MATH
from bastion.normalize.edit_hints import SOUND_DIGITS
from bastion.normalize.rules import EMOJI_LETTERS

_IDS: Final = frozenset({"wechat", "qq", "telegram", "line"})
_NUMBERS: Final = frozenset({"whatsapp", "phone"})
"""Read in pieces like the ids (``② 9  ① +65954229``), but a phone is never cut at a letter."""
_CONNECTIVES: Final = frozenset(
    {"then", "and", "next", "finally", "last", "plus", "after", "followed", "lastly", "also"}
)
"""Words that join the pieces of a spelled name (``..., 9, then dot com``): never its name."""
_SOUNDS_LIKE: Final = r"(?:won|too|to|for|fore|ate|oh|tree|free|nein)"
_DIGIT_SAID: Final = (
    rf"(?:{_SOUNDS_LIKE}|zero|one|two|three|four|five|six|seven|eight|nine|double|triple)"
)
_SAID_ON: Final = re.compile(rf"(?i:[ ,\-]{{1,2}}{_SOUNDS_LIKE}[ ,\-]{{1,2}}{_DIGIT_SAID}\b)")
"""A number read aloud that goes on in sound-alike words (``... six six ate two``): cut."""
_DIGIT_WORD_ON: Final = re.compile(
    r"(?i:[ ,\-]{1,2}(?:zero|one|two|three|four|five|six|seven|eight|nine)\b)"
)
"""A number that goes on in digit words (``+6三 98七三91 eight 4一2``): only its head was read."""
_PIECE_MARKS: Final = re.compile(
    r"(?:[(（](?:[1-9]|[一二三四五六七八九])[)）]|[\u2460-\u2473\u2776-\u277f])[ \t\u3000]"
)
_ORDER_HINT: Final = re.compile(r"(?i:in[ ]order|order[ ]of|numbered)|序号|顺序|按编号")
_LINE_HINT: Final = re.compile(
    r"(?i:(?:first|last|initial|final)[ ](?:letter|character|char)s?[ ]of[ ](?:each|every)[ ]line)"
    r"|每行|每一行|各行"
)

_GLUE_SYMBOLS: Final = frozenset("|\\▢□■▪◻◼⬜⬛●○◯✱✲＊〡〢〣〤〥〦〧〨〩〸〹〺") | LETTERLIKE_MATH
"""Masks, ASCII-art strokes, the Suzhou numerals (``bk〨go``: 〨 is 8) and the mathematical
operators shaped like letters (``m∊dspx.biz``: ``∊`` is ``e``)."""
_ART: Final = frozenset("|\\/<>(){}[]")
"""``|)``, ``\\/\\/``, ``><``: letters drawn in ASCII art, glued to what a finder read."""
_LAST_HINT: Final = re.compile(r"(?i:last|final)|最后|末")
_SPELLED_CONNECTIVE: Final = re.compile(
    r"(?i:[,\s](?:then|and|next|finally|last|lastly|plus|after|also)[\s,]+(?:dot|点)\b)"
)
_LEET_K: Final = frozenset({"|<", "/<", "\\<", "|{"})
"""Letters drawn in ASCII art that end in ``<`` (``|<`` is ``k``)."""
_NO_SPACE_SCRIPTS: Final = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x0F00, 0x0FFF))
_WORD_SCRIPTS_END: Final = 0x2E80
"""Letters below this code point (Latin, Greek, Cyrillic, Armenian, Cherokee, syllabics...) are
written with spaces between words; CJK, kana and Hangul are not."""
_WORD_SCRIPTS_HIGH: Final = ((0xA4D0, 0xA4FF), (0xA640, 0xA7FF), (0xAB30, 0xAB6F))
"""Lisu (``ꓚꓧꓰꓰꓣ``), Cyrillic Extended-B and the Latin Extended-D and -E letters (``ꙅ``,
``ꝗ``)."""
_COMMON_LATIN_END: Final = 0x0180
"""Latin-1 and Latin Extended-A: the letters of European names (``münchen.de``, ``łódź.pl``)."""


_GAME_PIECES: Final = (0x1F007, 0x1F0FF)
_COUNTING_RODS: Final = (0x1D360, 0x1D378)
"""Counting-rod numerals (``fb𝍧𝍧day.com``: 𝍧 is 8): digits in disguise."""
"""Numbered mahjong tiles, dominoes and playing cards: digits in disguise (``bk🀎vie``: 🀎 is
8); the winds and dragons before them (``🀄``) are decoration."""


def _glued(char: str) -> bool:
    if char in _GLUE_SYMBOLS:
        return True
    cp = ord(char)
    if _GAME_PIECES[0] <= cp <= _GAME_PIECES[1] or _COUNTING_RODS[0] <= cp <= _COUNTING_RODS[1]:
        return True
    if unicodedata.category(char) == "Sc":
        return char not in _COMMON_CURRENCY
    if not char.isalpha() or char.isascii():
        return False
    if cp >= _WORD_SCRIPTS_END:
        return any(lo <= cp <= hi for lo, hi in _WORD_SCRIPTS_HIGH)
    return not any(lo <= cp <= hi for lo, hi in _NO_SPACE_SCRIPTS)


_COMMON_CURRENCY: Final = frozenset("$¢£¥€₩₹￥￡")
"""Currency signs written before prices (``¥885``); the rest are letters in disguise (``₮``)."""


def _currency_in_name(before: str) -> bool:
    """A common currency sign glued after a letter or a disguised one (``xp€rt``, ``₳€888``):
    a letter of the name (``€`` for ``e``), not a price's sign, which stands after a space."""
    return (
        len(before) == 2
        and before[1] in _COMMON_CURRENCY
        and (before[0].isalpha() or _glued(before[0]))
    )


_LETTER_SYMBOLS: Final = frozenset(EMOJI_LETTERS) | frozenset("ℹⓂ")
"""Symbols written for letters (``p®️i〽️e©️urves``): a host read after one is its tail."""
_ENCLOSED: Final = ((0x24B6, 0x24E9), (0x1F130, 0x1F189))
"""Circled and squared letters (``Ⓜ️``, ``🅾️``)."""
_MARKS: Final = frozenset({"Mn", "Me", "Cf"})


def _letter_symbol(original: str, at: int, step: int) -> bool:
    """Whether the first visible character from ``at`` (going by ``step``, past variation
    selectors and combining marks) is a symbol or enclosed letter standing for a letter."""
    k = at
    for _ in range(12):
        if not 0 <= k < len(original):
            return False
        char = original[k]
        if unicodedata.category(char) not in _MARKS:
            cp = ord(char)
            return char in _LETTER_SYMBOLS or any(lo <= cp <= hi for lo, hi in _ENCLOSED)
        k += step
    return False


def _sound_digit_in_name(text: str, start: int) -> bool:
    """``v酒win.com``, ``euro尔寺sports.com``: characters read as digits (酒 is 9) between a
    name's letters, not a word of the Chinese text before a host."""
    k = start
    while k > 0 and start - k < 16 and text[k - 1] in SOUND_DIGITS:
        k -= 1
    if not (k < start and k > 0):
        return False
    before = text[k - 1]
    return (before.isascii() and before.isalnum()) or _glued(before)  # ``ɍeⱥł伞寺溜ɍɇⱥl``


def _rare_letter(char: str) -> bool:
    """A non-ASCII letter that is not a European one nor an accented ASCII letter."""
    if char.isascii() or not char.isalpha():
        return False
    if ord(char) < _COMMON_LATIN_END:
        return False
    base = unicodedata.normalize("NFKD", char)[:1]
    return not base.isascii()


def _mixed(host: str) -> bool:
    labels = host.split(".")
    ascii_tld = labels[-1].isascii()
    for label in labels[:-1]:
        if label.isascii():
            continue
        ascii_letter = any(ch.isascii() and ch.isalpha() for ch in label)
        ascii_digit = any(ch.isascii() and ch.isdigit() for ch in label)
        if (ascii_letter or (ascii_digit and ascii_tld)) and any(
            _rare_letter(ch) and _glued(ch) for ch in label
        ):
            return True
        if ascii_letter and ascii_digit and any(_unfolded_letter(ch) for ch in label):
            return True  # ``sodø14``: a name of ASCII letters and digits with a letter drawn in
    return False


def _unfolded_letter(char: str) -> bool:
    """A Latin letter with a stroke or slash no base letter folds from (``ø``, ``đ``, ``ł``)."""
    return (
        not char.isascii()
        and char.isalpha()
        and not unicodedata.normalize("NFKD", char)[:1].isascii()
    )


def _art(before: str) -> bool:
    """``|)``, ``\\/``: a letter drawn in ASCII art; ``//`` is a mangled scheme's slashes
    (``ssl //host``), no letter."""
    return before in _LEET_K or (
        len(before) == 2
        and before != "//"
        and before[0] in _ART
        and before[1] in _ART
        and before[1] not in "([{"
    )


_MASK_ON: Final = re.compile(r"[*＊]{1,4}[A-Za-z0-9_]")
_MASK_BEFORE: Final = re.compile(r"[A-Za-z0-9_][*＊]{1,4}\Z")
"""A run of asterisks glued between characters of a value (``sugarmoo**6``): masked characters,
never markdown's ``**bold**`` (which a space or the text's edge bounds)."""


def _cut_after(original: str, end: int, handle: bool) -> bool:
    """The value goes on past ``end`` in letters no finder read (``KiKi_ᑌᔕdT602``,
    ``81686-uʏuʏ``, ``qot.btꙅʏuᴙ``)."""
    after = original[end : end + 2]
    if not after or (not handle and after[0] in "/\\"):
        return False  # a path goes on after a host (browsers read ``\\`` as ``/``)
    if after[0] in "*＊" and _MASK_ON.match(original, end):
        return True  # ``felix_**fu953``: characters held back inside the value
    if after[0] in "-_" and len(after) > 1:
        return (handle and after[1].isascii() and after[1].isalpha()) or _glued(after[1])
    return _glued(after[0])


def _in_pieces(original: str) -> tuple[int, int] | None:
    """Where a message gives a value in numbered pieces to put in order (``(2) et(72+9)
    (1) i9b (3) .com``): a reading of it that the layout reader did not make is a piece."""
    marks = list(_PIECE_MARKS.finditer(original))
    if len({m[0] for m in marks}) < 2 or _ORDER_HINT.search(original) is None:
        return None
    return marks[0].start(), marks[-1].end() + 40


def _told_apart(original: str, entity: Entity, pieces: tuple[int, int] | None) -> bool:
    """A reading the message's own layout says is not the value."""
    lo, hi = entity.span
    if pieces is not None and "layout" not in entity.flags and lo < pieces[1] and pieces[0] < hi:
        return True
    hint = _LINE_HINT.search(original) if "\n" in original[lo:hi] else None
    if hint is not None and (
        "layout" not in entity.flags
        or _LAST_HINT.search(original, max(0, hint.start() - 4), hint.end() + 8)
    ):
        return True  # the layout reader reads first letters: a hint of last ones denies it
    if entity.kind == "domain" and "spelled_dot" in entity.flags:
        name = (entity.host or entity.value).lower().split(".")
        if len(name) == 2 and name[0] in _CONNECTIVES:
            return True
        if as_in.spelled_at(original, lo):
            return False  # ``b as in boy, ..., then dot com``: the connective is the spelling's
        return _SPELLED_CONNECTIVE.search(original, lo, hi + 8) is not None
    return False


def withhold_cut_layouts(
    unmasked: UnmaskedLike, spans: list[tuple[int, int]], entities: list[Entity]
) -> None:
    """Flag ``withheld`` a value read through a layout that a finder cut where a character of
    the layout no pass could read stays glued (``b⏎ k⏎  巴⏎   b⏎    o…`` read ``bk巴bongda.com``
    gives ``bongda.com``; ``spans`` are the folded spans of ``entities``). A layout's pieces map
    to its whole span, so :func:`withhold_tails` cannot see that glue in the original."""
    folded = unmasked.text
    for (start, end), entity in zip(spans, entities, strict=True):
        if "layout" not in entity.flags or WITHHELD_FLAG in entity.flags:
            continue
        edges = [k for k in (start - 1, end) if 0 <= k < len(folded) and _cut_glyph(folded[k])]
        if any("layout" in unmasked.tricks_in(k, k + 1) for k in edges):
            entity.flags.append(WITHHELD_FLAG)


def _cut_glyph(char: str) -> bool:
    """A character a value may have been cut at: a letter, digit or symbol of no ASCII."""
    return not char.isascii() and (char.isalnum() or _glued(char) or char in SOUND_DIGITS)


def withhold_tails(original: str, entities: list[Entity]) -> list[Entity]:
    """Flag ``withheld`` the hosts and ids that begin or end glued to letters or symbols of the
    name they cut, the names that mix ASCII with rare letters, and the readings the message's
    layout says are pieces; ``entities`` is returned."""
    pieces: tuple[int, int] | None = None
    looked = False
    for entity in entities:
        if WITHHELD_FLAG in entity.flags:
            continue
        hosty = entity.kind in ("domain", "url")
        if entity.kind in _NUMBERS:
            if not looked:
                pieces, looked = _in_pieces(original), True
            spoken = any(ch.isalpha() for ch in entity.raw)
            if (
                _told_apart(original, entity, pieces)
                or (spoken and _SAID_ON.match(original, entity.span[1]))
                or _DIGIT_WORD_ON.match(original, entity.span[1])
            ):
                entity.flags.append(WITHHELD_FLAG)
            continue
        if entity.kind == "email" and _letter_symbol(original, entity.span[1], 1):
            entity.flags.append(WITHHELD_FLAG)  # ``x@y.c🅾️〽️``: its host goes on
            continue
        if not hosty and entity.kind not in _IDS:
            continue
        start, end = entity.span
        before = original[max(0, start - 2) : start]
        schemed = "://" in entity.raw[:12]
        glued = (
            bool(before)
            and not schemed
            and (
                _glued(before[-1])
                or _currency_in_name(before)
                or (hosty and _art(before))
                or _sound_digit_in_name(original, start)
                or _MASK_BEFORE.search(original, max(0, start - 5), start) is not None
            )
        )
        cut = (
            glued
            or (
                entity.kind == "qq"
                and original[end : end + 1].isascii()
                and original[end : end + 1].isalpha()
            )
            or _cut_after(original, end, not hosty)
            or (not schemed and _letter_symbol(original, start - 1, -1))
            or _letter_symbol(original, end, 1)
        )
        if not looked:
            pieces, looked = _in_pieces(original), True
        if (
            cut
            or (hosty and (_mixed(entity.value) or _mixed(entity.host or "")))
            or _told_apart(original, entity, pieces)
        ):
            entity.flags.append(WITHHELD_FLAG)
    return entities
