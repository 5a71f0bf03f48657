"""Second readings: what a careful reader writes down when a message tells them how to read it.

The unmasker (:mod:`bastion.normalize.unmask`) folds disguises in place, one character run at a
time. Some disguises are undone only by rereading a whole stretch: text printed upside down or
backwards, a host spelled in the NATO alphabet or letter by letter in Chinese (``字母b、e、t``),
hashtags or table cells to be joined, a host split over two labelled lines or chat messages, a
name with its top-level domain given elsewhere (``handle: foo`` / ``bio: same, ending .com``), an
instruction (``remove every X, ★ = .``), asides between the pieces, brackets nested round a dot,
letters from symbol blocks (🅱, ⒜, Cherokee, Armenian) and diacritics on a host.

Each reader here returns :class:`Reading` s: a window of the original text and the text a reader
makes of it. The scanner scans each reading like a message; a host it yields is a guess (the
pieces might have been meant otherwise), so it is flagged ``prose_like`` and kept only when the
intel lists it, and a reading that *joins* pieces (``joined``) also decides what the pieces
read alone are worth (:func:`bastion.extract.rereading.settle`). Readers are pure, bounded
(``MAX_READINGS`` a message, windows of at most ``MAX_WINDOW`` characters) and gated: one RE2
set says which can apply, so text with none of their marks pays one DFA pass.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, cast

import idna
import re2

from bastion.normalize import (
    as_in,
    country_tlds,
    letter_styles,
    reading_order,
    said_words,
    spoken_tlds,
    swapped,
)
from bastion.normalize.field_readings import GATE as FIELDS_GATE
from bastion.normalize.field_readings import field_hosts
from bastion.normalize.tables import CJK_NUMERALS, DOT_CHARS, DOT_EMOJI
from bastion.normalize.unmask import GATE_MEMORY
from bastion.suffixes import is_tld

MAX_READINGS: Final = 24
"""Readings of one message at most; each costs an unmask and a finder pass over its window."""
MAX_WINDOW: Final = 400
"""Longest window a reader rewrites (a disguised host and its instructions fit in far less)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """``text`` is how a careful reader reads ``original[start:end]``. ``joined``: the reading
    joins pieces that also read as hosts alone, which then are fragments of it; ``masked``: it
    fills a masked character with every one, so only a host listed as it is counts (a look-alike
    of a listed host is one of the other fillings); ``told``: it reads as the message's own hint
    says (the last character of each line), so what the first reading withheld there is no
    other host."""

    start: int
    end: int
    text: str
    joined: bool = False
    masked: bool = False
    told: bool = False


def _compile(pattern: str) -> re2._Regexp[str]:
    options = re2.Options()
    options.max_mem = 64 << 20
    return re2.compile(pattern, options)


# --- upside down and backwards ---------------------------------------------------------------

_FLIPPED: Final = {
    "ɐ": "a", "q": "b", "ɔ": "c", "p": "d", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɥ": "h", "ᴉ": "i",
    "ı": "i", "ɾ": "j", "ʞ": "k", "ꞁ": "l", "ן": "l", "l": "l", "ɯ": "m", "u": "n", "o": "o",
    "d": "p", "b": "q", "ɹ": "r", "s": "s", "ʇ": "t", "n": "u", "ʌ": "v", "ʍ": "w", "x": "x",
    "ʎ": "y", "z": "z", "∀": "a", "Ɔ": "c", "ᗡ": "d", "Ǝ": "e", "Ⅎ": "f", "⅁": "g", "ſ": "j",
    "˥": "l", "Ԁ": "p", "ᴚ": "r", "┴": "t", "∩": "u", "Λ": "v", "⅄": "y", "W": "m", "M": "w",
    "0": "0", "Ɩ": "1", "ᄅ": "2", "Ɛ": "3", "ㄣ": "4", "ϛ": "5", "9": "6", "ㄥ": "7", "8": "8",
    "6": "9", "˙": ".", ".": ".", "-": "-", "'": ",", "a": "ɐ", "c": "ɔ", "e": "ǝ", "f": "ɟ",
    "g": "ƃ", "h": "ɥ", "i": "ᴉ", "j": "ɾ", "k": "ʞ", "m": "ɯ", "r": "ɹ", "t": "ʇ", "v": "ʌ",
    "w": "ʍ", "y": "ʎ", "1": "Ɩ", "2": "ᄅ", "3": "Ɛ", "4": "ㄣ", "5": "ϛ", "7": "ㄥ",
}  # fmt: skip
"""An upside-down glyph and the character it shows when the phone is turned (read right to
left). Plain letters that stay letters when turned (``q`` shows ``b``) are included; those that
only a careless writer leaves unturned map to themselves' turned form and so drop the run."""
_TURNED_ONLY: Final = "ɐɔǝɟƃɥᴉɾʞꞁןɯɹʇʌʍʎ∀ƆᗡƎℲ⅁ſ˥ԀᴚΛ⅄Ɩᄅㄣϛㄥ˙"
_TURNED_RUN = _compile(
    "[" + "".join(sorted(set(_FLIPPED) - set("'-"))) + r"\-]{3,}"
)  # fmt: skip


def _upside_down(text: str) -> list[Reading]:
    out = []
    for m in _TURNED_RUN.finditer(text):
        run = m.group()
        if sum(ch in _TURNED_ONLY for ch in run) < 2:
            continue
        shown = "".join(_FLIPPED.get(ch, "") for ch in reversed(run))
        if shown and all(ch.isascii() for ch in shown):
            out.append(Reading(m.start(), m.end(), shown))
    return out


_BACKWARDS_CUE = (
    r"倒着看|倒着读|倒过来|反过来|反着|倒序|从右往左|从后往前"
    r"|(?i:flip\s?it|flipped|backwards?|reversed?|right\s?to\s?left|turn your phone|in reverse)"
)
_BACKWARDS = _compile(_BACKWARDS_CUE)


def _backwards(text: str) -> list[Reading]:
    """The stretch of the line before a ``read it backwards`` cue, reversed (and the stretch
    after it, for ``(reversed): moc.xyz``)."""
    out = []
    for m in _BACKWARDS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = max(line_start, m.start() - 120)
        if m.start() - start >= 4:
            out.append(Reading(start, m.start(), text[start : m.start()][::-1]))
        line_end = text.find("\n", m.end())
        end = min(len(text) if line_end < 0 else line_end, m.end() + 120)
        if end - m.end() >= 4:
            out.append(Reading(m.end(), end, text[m.end() : end][::-1]))
    return out


# --- spelled letter by letter -----------------------------------------------------------------

_NATO: Final = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e",
    "foxtrot": "f", "golf": "g", "hotel": "h", "india": "i", "juliett": "j", "juliet": "j",
    "kilo": "k", "lima": "l", "mike": "m", "november": "n", "oscar": "o", "papa": "p",
    "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u", "victor": "v",
    "whiskey": "w", "whisky": "w", "xray": "x", "x-ray": "x", "yankee": "y", "zulu": "z",
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "niner": "9", "dot": ".", "period": ".",
    "point": ".", "dash": "-", "hyphen": "-", "minus": "-",
}  # fmt: skip
_NATO_WORD = "(?:" + "|".join(sorted(_NATO, key=lambda w: (-len(w), w))) + ")"
_NATO_OR_DIGIT = rf"(?:{_NATO_WORD}|[0-9])"
_NATO_RUN = _compile(rf"(?i)\b{_NATO_OR_DIGIT}(?:[\s,;/\-–—]{{1,4}}{_NATO_OR_DIGIT}){{3,}}\b")
_NATO_TOKEN = _compile(rf"(?i)\b{_NATO_OR_DIGIT}\b")
_NATO_TLD = _compile(r"^[ \t]{1,3}([A-Za-z]{2,24})\b")
_NATO_GLYPH_TLD = _compile(
    rf"^[ \t\x{{3000}}]{{0,3}}(?:[{DOT_CHARS}{DOT_EMOJI}]\x{{fe0f}}?)[ \t\x{{3000}}]{{0,3}}"
    r"([A-Za-z]{2,24})\b"
)
"""A dot written as a glyph after the spelled run (``... alfa 点 com``, ``... alfa ● com``)."""
_SPOKEN_IPV4 = _compile(
    r"(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})"
)
"""An address read aloud digit by digit (``one seven eight dot two one eight dot ...``): no
letter in it, but no other pass reads it (red team 5 found this reader's letter rule lost it)."""


def _nato(text: str) -> list[Reading]:
    """``Kilo-8-Alfa dot Charlie-Oscar-Mike``, ``Bravo Echo Tango Three 0 dot com``: letters in
    the NATO alphabet, digits as words or figures, the TLD spelled too or written plainly."""
    out = []
    for m in _NATO_RUN.finditer(text):
        spelled = "".join(_NATO.get(t.lower(), t) for t in _NATO_TOKEN.findall(m.group()))
        if not any(ch.isalpha() for ch in spelled) and not _SPOKEN_IPV4.fullmatch(spelled):
            continue  # digits read aloud (``seven seven seven dot com``): the instruction pass's
        end = m.end()
        if spelled.endswith(".") and (tld := _NATO_TLD.match(text[end : end + 30])):
            spelled += tld.group(1).lower()
            end += tld.end()
        elif not spelled.endswith(".") and (tld := _NATO_GLYPH_TLD.match(text[end : end + 30])):
            spelled += "." + tld.group(1).lower()
            end += tld.end()
        if "." in spelled.strip("."):
            out.append(Reading(m.start(), end, f" {spelled} ", joined=True))
    return out


_SPOKEN_ZH = _compile(r"(?:字母|数字)[^\n]{0,300}?(?:点|\.|dot)\s?[A-Za-z]{2,12}")
_SPOKEN_DROP = _compile(r"字母|数字|然后是|然后|接着是|接着|最后是|最后|后缀是|后缀|[，、,：:\s]")
_SPOKEN_SIGNS: Final = {"横杠": "-", "杠": "-", "减号": "-", "下划线": "_"}


def _spoken_zh(text: str) -> list[Reading]:
    """``字母b、e、t，数字八八，点com``: letters named one by one, digits in words."""
    out = []
    for m in _SPOKEN_ZH.finditer(text):
        said = _SPOKEN_DROP.sub("", m.group())
        for word, sign in _SPOKEN_SIGNS.items():
            said = said.replace(word, sign)
        said = "".join(CJK_NUMERALS.get(ch, ch) for ch in said)
        out.append(Reading(m.start(), m.end(), f" {said} ", joined=True))
    return out


# --- pieces to be joined ----------------------------------------------------------------------

_DOT_PREFIX = _compile(r"^(?:\.|。|点|點|(?i:dot))")
_HASHTAGS = _compile(r"#[^\s#]{1,60}(?:[ \t\x{3000}]{1,3}#[^\s#]{1,60}){1,5}")


def _hashtags(text: str) -> list[Reading]:
    """``#cdn2.porn #text #biz``: the tags joined, and joined with a dot before the last."""
    out = []
    for m in _HASHTAGS.finditer(text):
        tags = [t for t in m.group().replace("\u3000", " ").split() if t.strip("#")]
        names = [t.lstrip("#") for t in tags]
        out.append(Reading(m.start(), m.end(), " " + "".join(names) + " ", joined=True))
        if len(names) >= 2:
            last = _DOT_PREFIX.sub("", names[-1])
            dotted = "".join(names[:-1]) + "." + last
            out.append(Reading(m.start(), m.end(), f" {dotted} ", joined=True))
    return out


_GLUED_TLDS: Final = (
    "com", "net", "org", "info", "biz", "xyz", "top", "vip", "club", "site", "online", "shop",
    "live", "pro", "tv", "cc", "co", "me", "io", "app", "fun", "win", "bet", "one", "blog",
    "porn", "sex", "xxx", "adult", "tube", "cam", "sexy", "casino", "ru", "in", "us", "to",
    "su", "ro", "de", "uk", "fr", "it", "es", "pl", "nl", "br", "jp", "kr", "vn", "id", "ph",
    "th", "my", "cn", "hk", "tw", "ws", "cf", "ga", "gq", "ml", "tk", "pw", "cz", "sk", "hu",
)  # fmt: skip
"""Top-level domains a hashtag ends in when a host is written as one (``#xxxbunkercom``): the
generic ones spam favours and the country codes its lists hold most."""
_GLUED_TAG = _compile(
    r"#([A-Za-z0-9][A-Za-z0-9\-]{1,60}(?i:" + "|".join(_GLUED_TLDS) + r"))(?:[^A-Za-z0-9\-]|$)"
)


def _glued_tld_tags(text: str) -> list[Reading]:
    """``#freepornvideosco``: a hashtag that is a host with its dot left out. Each way to cut a
    known top-level domain off its end is a name a reader may see (``freepornvideos.co``), and
    only a listed one is kept: a tag is a word as often as a host."""
    out = []
    for m in _GLUED_TAG.finditer(text):
        tag = m.group(1)
        low = tag.lower()
        names = [
            f"{tag[: -len(tld)]}.{tag[-len(tld) :]}"
            for tld in _GLUED_TLDS
            if low.endswith(tld) and len(tag) - len(tld) >= 3 and tag[-len(tld) - 1] != "-"
        ]
        if names:
            out.append(Reading(m.start(1), m.end(1), f" {' '.join(names)} ", joined=True))
    return out


_CELL_SEP = "|│┃║┆┊╎"
_BOX_LINE = _compile(rf"[^\n]*[{_CELL_SEP}][^\n]*[{_CELL_SEP}][^\n]*")
_BOX_DROP = _compile(rf"[{_CELL_SEP}\s]")


def _boxes(text: str) -> list[Reading]:
    """A table row (``| ohyea | h1080 | . | com |``): its cells joined."""
    out = []
    for m in _BOX_LINE.finditer(text):
        if len(m.group()) > MAX_WINDOW:
            continue
        joined = _BOX_DROP.sub("", m.group())
        if any(ch.isalnum() for ch in joined):
            out.append(Reading(m.start(), m.end(), f" {joined} ", joined=True))
    return out


_JOIN_CUE = (
    r"连起来|拼起来|合起来|接起来|连在一起|分开写|分开发|两行|上下|前半|后半|第[一二1-2][段行]"
    r"|(?i:\bjoin|combine|together|in parts|two lines|first half|second half|split)"
)
_LINE_LABEL = _compile(
    r"^\s*(?:[>》→•·▪◦‣⁃｜\-–—*+]{1,2}\s?)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?"
    r"(?:(?i:first|second|1st|2nd|part\s?[12])\s?(?i:half|part)?\s*[:：]?\s*"
    r"|第[一二三四1-4][段行部分]{1,2}\s*[:：]?\s*"
    r"|[^\s:：]{1,16}(?:\s\d{1,2}:\d{2})?\s*[:：]\s*)?"
)
_PIECE = _compile(
    r"^[A-Za-z0-9\-_.。．点\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}]{1,80}"
    r"(?:\s{1,2}(?i:dot|点)\s{0,2}[A-Za-z]{2,12})?$|^(?i:dot|点)\s?[A-Za-z]{2,12}$"
)
_HEADER = _compile(r"^[^\n]{0,24}\d{1,2}:\d{2}\]?\s*$")
_LATIN = _compile(r"[A-Za-z0-9\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}]")


def _lines(text: str) -> list[Reading]:
    """A host split over lines (``tubes`` / ``↑ join ↓`` / ``ex。pro``; chat messages; labelled
    halves): the piece lines of a run joined, skipping cue, header and empty lines."""
    if "\n" not in text:
        return []
    out = []
    run: list[str] = []
    run_start = run_end = 0
    offset = 0

    def flush() -> None:
        if len(run) >= 2:
            out.append(Reading(run_start, run_end, " " + "".join(run) + " ", joined=True))

    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        label = _LINE_LABEL.match(line)
        rest = line[label.end() if label else 0 :].strip()
        if rest and _PIECE.match(rest):
            if not run:
                run_start = start
            run.append(rest)
            run_end = start + len(line)
        elif not rest or _HEADER.match(line) or not _LATIN.search(rest) or _JOIN.search(line):
            continue
        else:
            flush()
            run = []
    flush()
    return out


_JOIN = _compile(_JOIN_CUE)

_STEP = (
    r"(?:先输入|先打|先写|首先输入|首先|先|再输入|再打|再写|再加上?|然后输入|然后是?|接着输入|接着是?"
    r"|最后加上?|最后输入|最后是?|第[一二三四五1-5]段|第[一二三四五1-5]部分"
    r"|(?i:first|type|then|and\s{1,2}then|next|and\s{1,2}finally|finally|lastly))"
)
_PARTS_RUN = _compile(
    rf"{_STEP}[\s:：,，]{{0,3}}[A-Za-z0-9\-]{{1,63}}"
    rf"(?:[\s,，、;；]{{0,3}}{_STEP}[\s:：,，]{{0,3}}[A-Za-z0-9\-]{{1,63}}){{1,4}}"
    rf"[\s,，、;；]{{0,3}}{_STEP}?[\s:：,，]{{0,3}}(?:点|\.|(?i:dot)\s?)\s{{0,2}}"
    r"(?P<tld>[A-Za-z]{2,24})\b"
)
_PART = _compile(rf"{_STEP}[\s:：,，]{{0,3}}([A-Za-z0-9\-]{{1,63}})")
_PLUSSED = _compile(
    r"(?:^|[^A-Za-z0-9\-])([A-Za-z0-9\-]{1,63}(?:\s{0,2}[+＋➕]\s{0,2}[A-Za-z0-9\-]{1,63}){1,5})"
    r"\s{0,2}[+＋➕]\s{0,2}(?:点|\.|(?i:dot)\s?)\s{0,2}([A-Za-z]{2,24})\b"
)
_PLUS = _compile(r"\s{0,2}[+＋➕]\s{0,2}")


def _parts(text: str) -> list[Reading]:
    """A name given in steps (``先输入km，再输入isa68，最后加点com``, ``type webcan, then ix, then
    .com``, ``第一段biend 第二段o9 第三段.com``) or in pieces added up (``jun8 + 8bet + 点biz``):
    the pieces joined, the TLD after a dot."""
    out = []
    for m in _PARTS_RUN.finditer(text):
        pieces = _PART.findall(text[m.start() : m.start(1)])
        name = "".join(p for p in pieces if p.lower() not in ("dot", "then", "and"))
        if name:
            out.append(Reading(m.start(), m.end(), f" {name}.{m.group(1)} ", joined=True))
    for m in _PLUSSED.finditer(text):
        name = _PLUS.sub("", m.group(1))
        out.append(Reading(m.start(1), m.end(), f" {name}.{m.group(2)} ", joined=True))
    return out


_TLD_MENTION = _compile(
    r"(?i)(?:(?:ending(?:\sis)?|end(?:s|ing)?\swith|后缀是?|结尾是?)\s{0,3}[:：]?\s{0,3}"
    r"(?:(?:\.|点|dot)\s{0,2})?"
    r"|(?:\+|put|then|add|plus|加上?)\s{0,3}(?:\.|点|dot)\s{0,2})(?P<tld>[a-z]{2,12})\b"
)
_NAME_TOKEN = _compile(
    r"[A-Za-z0-9\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}]"
    r"[A-Za-z0-9.\-_\x{ff0d}\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}]*"
    r"[A-Za-z0-9\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}]"
)
_NAME_STOP: Final = frozenset(
    [
        "the",
        "my",
        "a",
        "an",
        "and",
        "in",
        "to",
        "it",
        "is",
        "its",
        "it's",
        "your",
        "our",
        "name",
        "handle",
        "username",
        "bio",
        "about",
        "site",
        "type",
        "then",
        "put",
        "add",
        "with",
        "at",
        "go",
        "straight",
        "google",
        "show",
        "won't",
        "don't",
        "dot",
        "com",
        "net",
        "org",
        "browser",
        "end",
        "ending",
        "same",
        "as",
        "plus",
        "just",
    ]
)


def _tld_mentions(text: str) -> list[Reading]:
    """A name and its top-level domain said apart (``type foo in your browser and put .com at
    the end``, ``handle: foo`` / ``bio: same as my handle, ending .org``): each of the last few
    name-like tokens before the mention, with the domain put after it."""
    from bastion.suffixes import is_tld

    out = []
    for m in _TLD_MENTION.finditer(text):
        tld = m.group("tld").lower()
        if not is_tld(tld):
            continue
        begin = max(0, m.start() - 160)
        names = [
            t
            for t in _NAME_TOKEN.finditer(text[begin : m.start()])
            if t.group().lower() not in _NAME_STOP and not t.group().isdigit()
        ]
        for t in names[-4:]:
            start = begin + t.start()
            out.append(Reading(start, m.end(), f" {t.group()}.{tld} ", joined=True))
    return out


_SEPARATED = _compile(
    r"[A-Za-z0-9](?:[/~^=_\-][A-Za-z0-9]){3,62}[ \t]?(?:点|點|。|\.|(?i:dot))[ \t]?"
    r"[A-Za-z0-9](?:[/~^=_\-][A-Za-z0-9]){1,23}"
)
_SEPARATED_DOT = _compile(r"[ \t]?(?:点|點|。|\.|(?i:dot))[ \t]?")


def _separated(text: str) -> list[Reading]:
    """``s~h~b~e~t~4~0点c~o~m``, ``w/8/8/e/a/s/y点c/o/m``: one letter or digit at a time, one
    symbol between them throughout, a dot (or its word) before the TLD."""
    out = []
    for m in _SEPARATED.finditer(text):
        run = m.group()
        symbols = {ch for ch in _SEPARATED_DOT.sub("", run) if not ch.isalnum()}
        if len(symbols) != 1:
            continue
        name, tld = _SEPARATED_DOT.split(run, maxsplit=1)
        symbol = symbols.pop()
        joined = f"{name.replace(symbol, '')}.{tld.replace(symbol, '')}"
        out.append(Reading(m.start(), m.end(), f" {joined} ", joined=True))
    return out


_RARE_DOT = "\u00b7\u0387\u06f0\u0970\U00010101"
"""Dots the character tables leave (or read as a digit): middle dot and Greek ano teleia after
full-width letters, Extended Arabic-Indic zero ``۰``, Devanagari ``॰``, Aegean ``𐄁``."""
_HOSTISH = r"A-Za-z0-9\x{ff10}-\x{ff19}\x{ff21}-\x{ff3a}\x{ff41}-\x{ff5a}"
_RARE_DOTTED = _compile(
    rf"([{_HOSTISH}])[{_RARE_DOT[1:]}]([{_HOSTISH}])"
    r"|([\x{ff10}-\x{ff5a}])\x{00b7}([" + _HOSTISH + "])"
)


def _rare_dots(text: str) -> list[Reading]:
    """``decobg۰com``, ``wwwxxx𐄁CC``, ``ｐｏｒｎｋｅｎ·com``: a rare dot glyph between the letters
    of a host read as its dot."""
    read = _RARE_DOTTED.sub(
        lambda m: f"{m.group(1) or m.group(3)}.{m.group(2) or m.group(4)}", text
    )
    return [Reading(0, len(text), read)] if read != text else []


_O_GLYPHS = "口◎○◯⚪〇"
_O_BESIDE = _compile(rf"([A-Za-z.])[{_O_GLYPHS}]|[{_O_GLYPHS}](?:[{_O_GLYPHS}])?([A-Za-z])")


def _o_glyphs(text: str) -> list[Reading]:
    """``nowbetvn点c口m``, ``p◎rnsitespace.c◎m``, ``okvip.pr⚪``: a circle or box beside the
    letters of a host read as ``o``."""
    read = text
    for _ in range(2):  # ``c◎◎l``: a second pass takes the circle the first one left
        read = _O_BESIDE.sub(lambda m: (m.group(1) or "") + "o" + (m.group(2) or ""), read)
    return [Reading(0, len(text), read)] if read != text else []


_DOT_VARIANT = _compile(
    r"(?:^|[^A-Za-z0-9\-])([A-Za-z0-9][A-Za-z0-9\-]{1,62})[ \t]{0,2}"
    r"([\[(<{_][ \t]?)?((?i:dawt|d[o0]t|d\.o\.t|d-o-t))([ \t]?[\])>}_])?[ \t]{0,2}"
    r"((?:[A-Za-z][ \t]){1,11}[A-Za-z]|[A-Za-z]{2,12})(?:[^A-Za-z0-9]|$)"
)


def _dot_variants(text: str) -> list[Reading]:
    """``k8tip06 dawt com``, ``bets4all _dot_ c o m``, ``farimg (d0t) c o m``, ``b52 <d0t> c c``:
    the dot word spelled or wrapped another way, the TLD maybe spaced out."""
    out = []
    for m in _DOT_VARIANT.finditer(text):
        if not (m.group(2) or m.group(4)) and m.group(3) in ("dot", "Dot", "DOT"):
            continue  # the plain word: the main reading's
        tld = "".join(m.group(5).split())
        out.append(Reading(m.start(1), m.end(5), f" {m.group(1)}.{tld} ", joined=True))
    return out


# --- words and brackets between the pieces ---------------------------------------------------

_ASIDE = _compile(r"[(（][^()（）\n]{1,16}[)）]|[~～]")
_ASIDE_GATE = (
    r"[A-Za-z0-9]\s?(?:[(（][^()（）\n]{1,16}[)）]|[~～])\s?(?:\.|。|点|(?i:dot))\s?"
    r"(?:[(（][^()（）\n]{1,16}[)）]|[~～])?\s?[A-Za-z]"
)


def _asides(text: str) -> list[Reading]:
    """``foo (shh) dot (don't tell) com``: the short asides and tildes dropped."""
    cleaned = _ASIDE.sub(" ", text)
    return [Reading(0, len(text), tighten(cleaned))] if cleaned != text else []


_DOT_SOUNDS = r"(?i:dian|dot|dim|tiam|tien|diǎn|dian3|dim2|tiam2|tien3)"
"""点 said aloud: Mandarin, Cantonese, Min Nan and Wade-Giles romanisations."""
_GLOSSED = _compile(rf"([A-Za-z0-9\-点點])[(（](?:[一-鿿]{{1,4}}|{_DOT_SOUNDS})[)）]")
_GLOSS_GATE = (
    r"[A-Za-z0-9][(（][一-鿿]{1,4}[)）][A-Za-z0-9\-]{0,8}[(（][一-鿿]{1,4}[)）]"
    rf"|[点點][(（]{_DOT_SOUNDS}[)）]"
)


def _glosses(text: str) -> list[Reading]:
    """``t(提)k(开)88j(杰)点(dian)com``: each letter followed by how it sounds in Chinese, in
    brackets (and the dot by its pinyin): the glosses dropped."""
    read = _GLOSSED.sub(lambda m: m.group(1), text)
    return [Reading(0, len(text), read, joined=True)] if read != text else []


_NESTED = _compile(
    r"[⦅⁅⟨〈﹝﹙〔〖⟦〘⦗«‹⸨【\[({]\s?(\.|。|点|(?i:dot)|://|:|/|@)\s?[⦆⁆⟩〉﹞﹚〕〗⟧〙⦘»›⸩】\])}]"
)
_STARRED_SCHEME = _compile(r"(?i)\bh[*xX_]{2}p(s?)(?:[⦅⁅⟨〈﹝﹙]?:)")


def _nested(text: str) -> list[Reading]:
    """Brackets of any shape round a dot, colon or slashes (``⦅.⦆``, ``﹙点﹚``), ``h**ps``."""
    cleaned = _NESTED.sub(lambda m: m.group(1), text)
    cleaned = _STARRED_SCHEME.sub(lambda m: f"http{m.group(1)}:", cleaned)
    return [Reading(0, len(text), cleaned)] if cleaned != text else []


_SPACED_DOT = _compile(
    r"([A-Za-z0-9])[ \t\x{3000}]{0,3}([.．。点點])[ \t\x{3000}]{0,3}([A-Za-z0-9])"
)
_SPACES = _compile(r"[ \t\x{3000}]{2,}")


def tighten(text: str) -> str:
    """Runs of spaces made one, and spaces round a dot between letters or digits dropped."""
    text = _SPACES.sub(" ", text)
    return _SPACED_DOT.sub(lambda m: f"{m.group(1)}.{m.group(3)}", text)


def _spaced_dots(text: str) -> list[Reading]:
    """``www ． latinopoker ． eu``: the dots of a spaced host tightened."""
    tight = tighten(text)
    return [Reading(0, len(text), tight, joined=True)] if tight != text else []


_TLD_WORDS: Final = {
    "康姆": "com", "肯姆": "com", "考姆": "com", "科姆": "com", "卡姆": "com", "抗姆": "com",
    "康母": "com", "扣姆": "com", "口姆": "com", "寇姆": "com", "蔻姆": "com", "考母": "com",
    "西欧艾姆": "com", "希欧艾姆": "com", "西欧爱姆": "com", "恩意踢": "net",
    "奈特": "net", "耐特": "net", "内特": "net", "乃特": "net", "欧格": "org", "奥格": "org",
    "维普": "vip", "拓普": "top", "托普": "top", "赛特": "site", "凯瑞": "cc",
}  # fmt: skip
_TLD_WORD = _compile("|".join(_TLD_WORDS))
_LETTERS_IN_PARENS = _compile(r"(?:[(（][A-Za-z0-9][)）]){2,}")


_DOT_WORD_BEFORE = _compile(r"[ \t]?(?:(?i:dot)|。)[ \t]?((?i:com|net|org|vip|top|site|cc)\b)")


def _tld_words(text: str) -> list[Reading]:
    """``点肯姆`` (``com`` said in Chinese sounds), ``·(b)(e)(t)``: the domain written out."""
    read = _TLD_WORD.sub(lambda m: _TLD_WORDS[m.group()], text)
    read = _LETTERS_IN_PARENS.sub(
        lambda m: "".join(ch for ch in m.group() if ch.isascii() and ch.isalnum()), read
    )
    read = _DOT_WORD_BEFORE.sub(lambda m: "." + m.group(1), read.replace("·", "."))
    read = tighten(read)
    return [Reading(0, len(text), read)] if read != text else []


def _spoken_tlds(text: str) -> list[Reading]:
    """``hamsterbet dian kang mu``, ``gaybubble닷컴``, ``x dot see oh em``: the TLD said aloud
    after a dot, written (:mod:`bastion.normalize.spoken_tlds`)."""
    read = spoken_tlds.spoken_tlds(text)
    return [Reading(0, len(text), read)] if read is not None else []


def _said_fillings(text: str) -> list[Reading]:
    """``피 오 알 엔 오 에이치 디 이 사 쩜 컴``: letters and digits said in Korean where ``오`` and
    ``이`` are a letter or a digit; the reading lists every host the run may spell, so only one
    the intel lists counts (:func:`bastion.normalize.said_words.fillings`)."""
    return [
        Reading(start, end, f" {' '.join(hosts)} ", joined=True, masked=True)
        for start, end, hosts in said_words.fillings(text)
    ]


def _country_tlds(text: str) -> list[Reading]:
    """``x dot the country code of Denmark``, ``x 点 越南的国家域名``: a TLD given as its country
    (:mod:`bastion.normalize.country_tlds`)."""
    return [Reading(a, b, f" {host} ") for a, b, host in country_tlds.country_hosts(text)]


def _as_in(text: str) -> list[Reading]:
    """``b as in boy, e as in egg, then dot kahm``: letters spelled out, the TLD after them said
    as a sound or a country (:mod:`bastion.normalize.as_in`)."""
    return [Reading(a, b, read, joined=True) for a, b, read in as_in.as_in_readings(text)]


def _swapped(text: str) -> list[Reading]:
    """``com.sharesome（前后两段调换一下）``: a TLD-first pair read in order, as the message
    says (:mod:`bastion.normalize.swapped`)."""
    return [Reading(a, b, f" {host} ") for a, b, host in swapped.swapped_labels(text)]


_IDN_LETTER = "\u00c0-\u02af\u0300-\u036f\u0370-\u04ff\u0e00-\u0e7f\u1e00-\u1eff\u2c60-\u2c7f"
"""Letters of an internationalised name that no Chinese sentence holds: accented and IPA Latin,
Greek, Cyrillic, Thai (and the marks that sit on them)."""
_IDN_SPELLED_DOT = r"(?:[ \t]?[。．｡][ \t]?|[ \t]?[点點][ \t]?|[ \t](?i:dot)[ \t])"
_IDN_TLD = "([A-Za-z]{2,24}|[\u0400-\u04ff]{2,12})"
_IDN_DOT = _compile(
    rf"([A-Za-z0-9\-]{{0,62}}[{_IDN_LETTER}][{_IDN_LETTER}A-Za-z0-9\-]{{0,62}})"
    rf"{_IDN_SPELLED_DOT}{_IDN_TLD}"
)
_IDN_GATE = rf"[{_IDN_LETTER}][A-Za-z0-9\-]{{0,12}}{_IDN_SPELLED_DOT}"


def _punycode(name: str) -> str:
    """``name`` in its ASCII (``xn--``) form, so no later fold turns it into another name (the
    IPA ``ɑ`` of ``amazongeschenkkɑrten`` is a letter of the name, not a Latin ``a``); as
    written when it is no valid name."""
    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return name


def _idn_dots(text: str) -> list[Reading]:
    """``зрелки。net``, ``сахне 点 рф``, ``ดูคลิปเย็ด2。com``: an ideographic or spelled dot
    after a name with letters of another script (or accents), read as the dot of an
    internationalised name: once as written (a whole name of look-alike letters, ``һора。com``,
    then folds to the name it imitates) and once in its ASCII form (the name itself)."""
    dotted = _IDN_DOT.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
    if dotted == text:
        return []
    encoded = _IDN_DOT.sub(lambda m: _punycode(f"{m.group(1)}.{m.group(2)}"), text)
    return [Reading(0, len(text), dotted), Reading(0, len(text), encoded)]


_IP_DOT = r"\s?(?:[.。．点點丶]|\(\.\)|\[\.\]|(?i:dot))\s?"
_DOTTED_IP = _compile(rf"(?:^|[^0-9])([0-9]{{1,3}}(?:{_IP_DOT}[0-9]{{1,3}}){{3}})(?:[^0-9]|$)")
_IP_SEPARATOR = _compile(_IP_DOT)
_DIGIT_FORMS: Final = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width
    **{chr(0x1D7CE + i): str(i % 10) for i in range(50)},  # mathematical bold, double-struck...
    **{chr(0x2460 + i): str(i + 1) for i in range(9)},  # circled ①
    **{chr(0x2776 + i): str(i + 1) for i in range(9)},  # dingbat negative circled ❶
    **{chr(0x2780 + i): str(i + 1) for i in range(9)},  # dingbat circled sans-serif ➀
    **{chr(0x278A + i): str(i + 1) for i in range(9)},  # dingbat negative circled sans-serif ➊
    **{chr(0x24F5 + i): str(i + 1) for i in range(9)},  # double circled ⓵
    "⓪": "0", "⓿": "0", "🄋": "0", "🄌": "0",
}  # fmt: skip
"""Digits from other blocks, one character each, read as ASCII digits."""
_IP_DIGITS: Final = str.maketrans({**_DIGIT_FORMS, **CJK_NUMERALS})
"""Digit forms and Chinese numerals (financial ones too), one character each, read as digits
(offsets hold): a writer mixes them freely in one address (``１８０点壹①4点１５１点91``)."""
_IP_DIGIT_CLASS = "0-9０-９\U0001d7ce-\U0001d7ff①-⑨❶-➓⓵-⓽⓪⓿\U0001f10b\U0001f10c" + "".join(
    CJK_NUMERALS
)
"""The characters of :data:`_IP_DIGITS` as a class body (literal: ``re`` and RE2 read it)."""
_IP_GATE_DOT = r"\s?(?:[。．点點丶]|\s\.\s|\(\.\)|\[\.\]|(?i:dot))\s?"


def _dotted_ips(text: str) -> list[Reading]:
    """``223。150。154。114``, ``95 . 216 . 0 . 43``, ``46点17点41点138``, ``１９３丶１０９…``,
    ``一二三。一二二。六八。九四``: a dotted quad whose digits are full-width or Chinese and whose
    dots are spaced, ideographic, spelled or bracketed, written plainly."""
    folded = text.translate(_IP_DIGITS)
    if len(folded) != len(text):
        return []
    pieces = []
    last = 0
    for m in _DOTTED_IP.finditer(folded):
        pieces.append(text[last : m.start(1)])
        pieces.append(_IP_SEPARATOR.sub(".", m.group(1)))
        last = m.end(1)
    if not pieces:
        return []
    read = "".join(pieces) + text[last:]
    return [Reading(0, len(text), read, joined=True)] if read != text else []


# --- instructions -----------------------------------------------------------------------------

_INSTRUCTION = _compile(
    r"[(（][^()（）\n]{0,60}(?i:remove|delete|drop|replace|without|去掉|去除|删掉|删除|换成|替换|"
    r"xóa|bỏ|hapus|buang|удали|убери|замени|quita|elimina|entferne|supprime|spasi|空格|"
    r"=)[^()（）\n]{0,60}[)）]"
)
_SPACE_WORD = _compile(r"(?i)space|空格|spasi|cách|пробел|espacio|leerzeichen|espace")
_KEEP_IN_INSTRUCTION: Final = frozenset(".=()（），,:：。、'\"-")


def _instructions(text: str) -> list[Reading]:
    """``gXenXusX★in (remove X, ★ = .)``: the stretch before the instruction with each symbol
    it names dropped or read as a dot, and spaces kept, dropped or read as dots."""
    out = []
    for m in _INSTRUCTION.finditer(text):
        said = m.group()[1:-1]
        symbols = []
        for i, ch in enumerate(said):
            if ch.isspace() or ch in _KEEP_IN_INSTRUCTION:
                continue
            if ch.isalnum():
                alone = (i == 0 or not said[i - 1].isalpha()) and (
                    i + 1 == len(said) or not said[i + 1].isalpha()
                )
                if not (ch.isascii() and alone):
                    continue
            if ch not in symbols:
                symbols.append(ch)
        symbols = symbols[:2]
        line_start = text.rfind("\n", 0, m.start()) + 1
        tokens = text[line_start : m.start()].split()
        if not tokens or not symbols:
            continue
        # the last token; a short one (a top-level domain) takes the one before; then the
        # single letters of a spaced-out name
        taken = 2 if len(tokens) > 1 and len(tokens[-1]) <= 4 else 1
        keep = tokens[-taken:]
        for token in reversed(tokens[:-taken]):
            if len(token) > 1:
                break
            keep.insert(0, token)
        segment = " ".join(keep)
        start = text.rfind(keep[0], line_start, m.start())
        spaces = ("", ".") if _SPACE_WORD.search(said) else (" ",)
        for mask in range(1 << len(symbols)):
            read = segment
            for bit, symbol in enumerate(symbols):
                read = read.replace(symbol, "." if mask >> bit & 1 else "")
            for space in spaces:
                out.append(Reading(start, m.end(), f" {read.replace(' ', space)} ", joined=True))
    return out


# --- a character masked out -------------------------------------------------------------------

_BLOCK_MASKS: Final = "░▒▓█▀▄▌▐▬▮▯◻◼◽◾⬛⬜❓❔"
"""Shade and block elements, squares and question marks: a cell blacked out or left blank."""
_MASKS: Final = "*?？□■_＿🙈🙉🙊" + _BLOCK_MASKS
_MASKED = _compile(
    rf"(?:^|[^A-Za-z0-9\-.{_MASKS}])((?:[A-Za-z0-9][A-Za-z0-9\-]{{0,62}})?)([{_MASKS}])"
    r"([A-Za-z0-9\-]{0,63}(?:\.[A-Za-z0-9\-]{1,63}){0,3}\.[A-Za-z]{2,24})(?:[^A-Za-z0-9\-]|$)"
)
_EDGE_MASKS: Final = "*?？□■" + _BLOCK_MASKS
"""Masks that may also stand first in a name, last before its dot or beside a hyphen
(``*wicopy.com``, ``txx*.party``, ``fre*-porn.club``); an ``_`` there is the name's own."""
_FILLS: Final = "abcdefghijklmnopqrstuvwxyz0123456789-"
_MOST_MASKED: Final = 2


def _masked(text: str) -> list[Reading]:
    """``cas*noonline88.vip (guess the missing one)``, ``ri□vip.tv``: a character masked out of a
    name. A reader cannot know it, so the reading lists the name with every character in the
    mask: a host kept from it is one the intel lists (``casinoonline88.vip``), and the tail the
    first reading made (``noonline88.vip``) is a piece of it."""
    out = []
    for m in _MASKED.finditer(text):
        head, mask, tail = m.group(1), m.group(2), m.group(3)
        inner = head[-1:].isalnum() and tail[:1].isalnum()
        if not inner and (mask not in _EDGE_MASKS or (not head and not tail[:1].isalnum())):
            continue
        if not head and text[m.end(3) : m.end(3) + 1] == mask:
            continue  # ``*bet.com*``: emphasis, not a masked letter
        names = " ".join(f"{head}{fill}{tail}" for fill in _FILLS)
        out.append(
            Reading(m.start(2) - len(head), m.end(3), f" {names} ", joined=True, masked=True)
        )
        if len(out) == _MOST_MASKED:
            break
    return out


_TLD_MASKS: Final = "*?？_＿□■❓░\U0001f300-\U0001faff"
_TLD_MASKED_GATE: Final = (
    r"[A-Za-z0-9][ \t]{0,2}(?:\.|。|点|點|(?i:dot))[ \t]{0,2}"
    rf"(?:[A-Za-z]{{1,3}}[{_TLD_MASKS}][A-Za-z]{{0,3}}|[{_TLD_MASKS}][A-Za-z]{{1,3}})"
)
_TLD_MASKED = _compile(
    r"(?:^|[^A-Za-z0-9\-.])([A-Za-z0-9][A-Za-z0-9\-]{1,62})[ \t]{0,2}(?:\.|。|点|點|(?i:dot))"
    rf"[ \t]{{0,2}}([A-Za-z]{{0,3}})[{_TLD_MASKS}]([A-Za-z]{{0,3}})(?:[^A-Za-z0-9]|$)"
)


def _masked_tlds(text: str) -> list[Reading]:
    """``buyanalvids dot c*m``, ``nohu35 dot c?m``, ``x dot n🙈t``: a character masked out of
    the TLD. The reading lists the name under every TLD a letter in the mask makes; only a host
    listed as it is counts (the writer may mean ``.cam`` as well as ``.com``)."""
    out = []
    for m in _TLD_MASKED.finditer(text):
        name, head, tail = m.group(1), m.group(2), m.group(3)
        if not head + tail:
            continue
        tlds = [f"{head}{c}{tail}".lower() for c in "abcdefghijklmnopqrstuvwxyz"]
        hosts = " ".join(f"{name}.{tld}" for tld in tlds if is_tld(tld))
        if hosts:
            out.append(Reading(m.start(1), m.end(3) + 1, f" {hosts} ", masked=True))
        if len(out) == _MOST_MASKED:
            break
    return out


# --- letters from other blocks ------------------------------------------------------------------

_GLYPHS: dict[int, str] = {
    **{0x1F130 + i: chr(0x41 + i) for i in range(26)},  # squared 🄰
    **{0x1F170 + i: chr(0x41 + i) for i in range(26)},  # negative squared 🅰
    **{0x1F150 + i: chr(0x41 + i) for i in range(26)},  # negative circled 🅐
    **{0x249C + i: chr(0x61 + i) for i in range(26)},  # parenthesized ⒜
    **{0x2474 + i: str(i + 1) for i in range(20)},  # parenthesized digits ⑴ (NFKD: "(1)")
    **{ord(k): v for k, v in {
        "⊙": ".", "⏺": ".", "⚫": ".", "●": ".", "•": ".", "∙": ".", "◉": ".", "⦁": ".",
        "\u20e3": "", "\ufe0f": "",
        # Cherokee capitals that pass for Latin
        "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭵ": "i",
        "Ꭻ": "J", "Ꮶ": "K", "Ꮮ": "L", "Ꮇ": "M", "Ꮎ": "O", "Ꮲ": "P", "Ꭱ": "R", "Ꮪ": "S",
        "Ꮥ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮃ": "W", "Ꮤ": "W", "Ꮓ": "Z", "Ꭹ": "y", "Ꮍ": "y",
        "Ꮄ": "l", "Ꮟ": "b", "Ꮒ": "h", "Ꭿ": "A", "Ꮑ": "N",
        # Armenian
        "օ": "o", "ս": "u", "ո": "n", "ժ": "d", "հ": "h", "ց": "g", "զ": "q", "ք": "p",
        "ռ": "n", "ա": "w", "լ": "l", "Ս": "U", "Օ": "O", "Տ": "S", "ւ": "l", "ɡ": "g",
        # Greek and Latin look-alikes the main tables leave
        "ρ": "p", "υ": "u", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "α": "a",
        "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ł": "l", "ø": "o", "ŧ": "t", "ƀ": "b",
        "ⱪ": "k", "ɨ": "i", "ʉ": "u",
    }.items()},
}  # fmt: skip
_GLYPH_RUN = _compile(
    r"[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}（）【】，。：、！？]*"
    r"(?:[\x{1F130}-\x{1F189}\x{249C}-\x{24B5}\x{13A0}-\x{13F4}\x{0531}-\x{058F}\x{20E3}"
    r"⊙⏺⚫●•∙◉⦁ρυονικτα\p{Mn}đðħıłøŧƀⱪɨʉ\x{00C0}-\x{024F}\x{1E00}-\x{1EFF}])"
    r"[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}（）【】，：、！？]*"
)


_STRUCK = _compile(r"[^\s][\x{0335}-\x{0338}]+")
"""A letter struck through (``ac̶tion``): the writer crossed it out, so the reading drops it."""


_ACCENTED = r"[ρυονικτα\p{Mn}đðħıłøŧƀⱪɨʉ\x{00C0}-\x{024F}\x{1E00}-\x{1EFF}]"
_GLYPH_GATE = (
    r"[\x{1F130}-\x{1F189}\x{249C}-\x{24B5}\x{13A0}-\x{13F4}\x{0531}-\x{058F}\x{20E3}]"
    r"|[A-Za-z0-9][⊙⏺⚫●][A-Za-z]"
    rf"|{_ACCENTED}[^\s]*(?:[.。．点]|\s[.。．点]|\s(?i:chấm|dot)\s)|[.。．点][^\s]*{_ACCENTED}"
    rf"|\s(?i:dot)\s[^\s]*{_ACCENTED}"
)
"""Letters from symbol blocks anywhere; diacritics and Greek look-alikes only in a word next to
a dot (an accented sentence is no disguise)."""


def _fold(run: str) -> str:
    run = _STRUCK.sub("", run)
    decomposed = unicodedata.normalize("NFKD", run.translate(_GLYPHS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_GLYPHS)


def _glyphs(text: str) -> list[Reading]:
    """Each line holding letters from symbol blocks or with diacritics, folded to plain Latin:
    ``🅅🅂🄿🄾⒭⒯⒮⊙🄿🅁🄾``, ``ᏴeᏚtᏙiᎡtսaᏞ``, ``xhmastẹr chấm ñãmẽ`` (``chấm``: Vietnamese for
    dot), keycap digits; dots with spaces round them tightened."""
    out = []
    seen = -1
    for m in _GLYPH_RUN.finditer(text):
        if m.start() < seen:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        seen = end
        if end - start > MAX_WINDOW:
            continue
        line = text[start:end]
        folded = _CHAM.sub(".", _fold(line))
        if folded != line:
            out.append(Reading(start, end, f" {tighten(folded)} "))
    return out


_CHAM = _compile(r"(?i)\s?\bcham\b\s?")


_INTERLEAVED = _compile(
    r"(?:[A-Za-z0-9⚫•⏺●·.](?:[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}][\x{FE0F}]?)){3,}"
    r"[A-Za-z0-9]"
)


def _interleaved(text: str) -> list[Reading]:
    """``H🧧A🧧I🧧T🧧⚫🧧C🧧O🧧M``: one letter between emoji; the emoji dropped."""
    out = []
    for m in _INTERLEAVED.finditer(text):
        kept = "".join(ch for ch in m.group() if ch.isascii() or ch in "⚫•⏺●·")
        out.append(Reading(m.start(), m.end(), " " + _fold(kept) + " ", joined=True))
    return out


# --- the readers and their gate ---------------------------------------------------------------

Reader = Callable[[str], list[Reading]]


def _cjk_shapes(text: str) -> list[Reading]:
    """``从工从工点乙乂丫``: Chinese characters shaped like Latin letters beside a dot
    (:mod:`bastion.normalize.letter_styles`)."""
    return [Reading(a, b, f" {tighten(read)} ") for a, b, read in letter_styles.cjk_readings(text)]


def _telestich(text: str) -> list[Reading]:
    """The last character of each line, after a hint that says so
    (:func:`bastion.normalize.reading_order.telestich`)."""
    return [
        Reading(a, b, value, joined=True, told=True)
        for a, b, value in reading_order.telestich(text)
    ]


def _fields(text: str) -> list[Reading]:
    """A host whose name and TLD sit in two labelled fields another names
    (:mod:`bastion.normalize.field_readings`)."""
    return [Reading(a, b, f" {host} ", joined=True) for a, b, host in field_hosts(text)]


READERS: Final[tuple[tuple[str, str, Reader], ...]] = (
    ("upside_down", f"[{_TURNED_ONLY}][^\\s]{{0,3}}[{_TURNED_ONLY}]", _upside_down),
    ("backwards", _BACKWARDS_CUE, _backwards),
    ("nato", rf"(?i)\b{_NATO_WORD}[\s,;/\-–—]{{1,4}}{_NATO_OR_DIGIT}[\s,;/\-–—]{{1,4}}"
     rf"{_NATO_OR_DIGIT}", _nato),
    ("spoken_zh", r"字母[A-Za-z][、,，]|数字[一二三四五六七八九〇零]{1,4}[，、,]", _spoken_zh),
    ("hashtags", r"#[^\s#]{1,60}[ \t\x{3000}]{1,3}#", _hashtags),
    ("boxes", rf"[{_CELL_SEP}][^\n]*[{_CELL_SEP}][^\n]*[{_CELL_SEP}]", _boxes),
    ("lines", rf"\n[^\n]*(?:{_JOIN_CUE})|(?:{_JOIN_CUE})[^\n]*\n", _lines),
    ("tld_mention", _TLD_MENTION.pattern, _tld_mentions),
    ("fields", FIELDS_GATE, _fields),
    ("telestich", reading_order.TELESTICH_GATE, _telestich),
    ("rare_dots", _RARE_DOTTED.pattern, _rare_dots),
    ("o_glyphs", rf"[A-Za-z.][{_O_GLYPHS}]|[{_O_GLYPHS}][A-Za-z]", _o_glyphs),
    ("dot_variants", r"(?i:dawt|d\.o\.t|d-o-t|[\[(<{_]d[o0]t[\])>}_]|\sd0t\s)|\sdOt\s|\sD0T\s",
     _dot_variants),
    ("separated", r"[A-Za-z0-9][/~^=_\-][A-Za-z0-9][/~^=_\-][A-Za-z0-9][/~^=_\-][A-Za-z0-9]",
     _separated),
    ("parts", rf"{_STEP}[\s:：,，]{{0,3}}[A-Za-z0-9]|[A-Za-z0-9]\s{{0,2}}[+＋➕]\s{{0,2}}"
     r"[A-Za-z0-9]", _parts),
    ("asides", _ASIDE_GATE, _asides),
    ("glosses", _GLOSS_GATE, _glosses),
    ("idn_dots", _IDN_GATE, _idn_dots),
    ("dotted_ips", rf"[{_IP_DIGIT_CLASS}]{{1,3}}{_IP_GATE_DOT}[{_IP_DIGIT_CLASS}]{{1,3}}"
     rf"\s?(?:[。．点點丶.]|\(\.\)|\[\.\]|(?i:dot))", _dotted_ips),
    ("spaced_dots", r"(?i)www[ \t\x{3000}]{1,3}[.．。][ \t\x{3000}]", _spaced_dots),
    ("tld_words", _TLD_WORD.pattern + r"|(?:[(（][A-Za-z0-9][)）]){2}", _tld_words),
    ("spoken_tlds", spoken_tlds.TRIGGER, _spoken_tlds),
    ("said_fillings", said_words.FILL_TRIGGER, _said_fillings),
    ("country_tlds", country_tlds.TRIGGER, _country_tlds),
    ("as_in", as_in.TRIGGER, _as_in),
    ("swapped", swapped.TRIGGER, _swapped),
    ("nested", _NESTED.pattern + r"|(?i:\bh[*]{2}ps?)", _nested),
    ("instructions", _INSTRUCTION.pattern, _instructions),
    ("glyphs", _GLYPH_GATE, _glyphs),
    ("interleaved", _INTERLEAVED.pattern, _interleaved),
    ("cjk_shapes", letter_styles.CJK_READ_GATE, _cjk_shapes),
    ("glued_tld_tags", _GLUED_TAG.pattern, _glued_tld_tags),
    ("masked_tlds", _TLD_MASKED_GATE, _masked_tlds),
    ("masked", rf"[A-Za-z0-9][{_MASKS}][A-Za-z0-9][A-Za-z0-9\-]{{0,62}}\.[A-Za-z]{{2}}"
     rf"|[{_EDGE_MASKS}][A-Za-z0-9\-][A-Za-z0-9\-]{{0,62}}\.[A-Za-z]{{2}}"
     rf"|[A-Za-z0-9][{_EDGE_MASKS}]\.[A-Za-z]{{2}}", _masked),
)  # fmt: skip
"""Every reader: a name, an RE2 pattern found in every text it reads again, the reader."""

_NATO_LETTER = (
    "(?:"
    + "|".join(sorted((w for w, c in _NATO.items() if c.isalpha()), key=lambda w: (-len(w), w)))
    + ")"
)
REVERSED_CLAUSE: Final = (
    r"(?:点|\. |\.[a-z]{1,6} )[^\n]{0,60}"
    r"(?:倒着|反过来|倒过来|(?i:flip it|backwards|right to left))"
)
"""A host to read backwards: a dot, then the word that says so within the line (a clause of
``PRECHECK_CLAUSES``, named: the pre-check gives its long window a DFA of its own)."""
PRECHECK_CLAUSES: Final = (
    _GLUED_TAG.pattern,
    rf"(?i:\b{_NATO_LETTER}[ \t,;/\-]{{1,4}}{_NATO_WORD}[ \t,;/\-]{{1,4}}{_NATO_WORD})",
    "#[^ \t\n#]{1,60}[ \t\u3000]{1,3}#(?:\\.|点|(?i:dot))?[A-Za-z]{2,12}",
    "(?:[点·.。]|(?i:dot)) ?(?:" + "|".join(_TLD_WORDS) + r")|[点·.] ?(?:[(（][A-Za-z0-9][)）]){2}",
    r"字母[A-Za-z][、,，]",
    spoken_tlds.TRIGGER,
    country_tlds.TRIGGER,
    as_in.TRIGGER,
    swapped.TRIGGER,
    _TLD_MASKED_GATE,
    REVERSED_CLAUSE,
    r" (?i:chấm) ",
    "[\u00c0-\u024f\u1e00-\u1eff][^ \t\n]{0,12}(?:[.。．点點][A-Za-z]| (?i:dot) )"
    "|(?:[.。．点點]| (?i:dot) )[A-Za-z]{1,4}[\u00c0-\u024f\u1e00-\u1eff]"
    "|(?i: dot )[\u00c0-\u024f\u1e00-\u1eff]"
    "|[A-Za-z0-9][^ \t\n]{0,2}[.。．点點][\u00c0-\u024f\u1e00-\u1eff]",
    f"[A-Za-z0-9\uff10-\uff5a][{_RARE_DOT[1:]}][A-Za-z0-9\uff10-\uff5a]"
    "|[\uff10-\uff5a]\u00b7[A-Za-z0-9\uff10-\uff5a]",
    r"[.。．点點][A-Za-z]{0,4}[口◎○◯⚪〇][a-z]|[.。．点點][A-Za-z]{1,4}[口◎○◯⚪〇]"
    r"|[a-z][口◎○◯⚪〇][a-z]",
    r"(?i:dawt|d\.o\.t|d-o-t|[\[(<{_]d[o0]t[\])>}_]|\sd0t\s)",
    r"[A-Za-z0-9][/~^=_\-][A-Za-z0-9][ \t]?(?:点|點|。)[ \t]?[A-Za-z0-9][/~^=_\-][A-Za-z0-9]",
    rf"[{_IP_DIGIT_CLASS}]{{1,3}}(?:[ \t]?[。．点點丶][ \t]?[{_IP_DIGIT_CLASS}]{{1,3}}){{3}}",
    r"[^ \t\n˙]˙[^ \t\n˙]",
    _GLOSS_GATE,
    rf"[{_IDN_LETTER}][A-Za-z0-9\-]{{0,12}}(?:[ \t]?[。．点][ \t]?|[ \t](?i:dot)[ \t])",
    r"[A-Za-z0-9][^ \t\nA-Za-z0-9]{1,2}[⚫•⏺●⊙][^ \t\nA-Za-z0-9]{0,2}[A-Za-z]",
    FIELDS_GATE,
    reading_order.TELESTICH_GATE,
)
"""Marks of a host only a second reading holds, with no dot before a top-level domain for the
pre-check to see (``kilo alpha dot victor``, ``#tubev #dotpro``, ``点肯姆``, ``ɯoɔ˙``): clauses
of :func:`bastion.extract.precheck.has_candidates`, in syntax both ``re`` and RE2 read."""


class _ReaderGate:
    """One RE2 set over every reader's pattern: which readers can apply to a text."""

    __slots__ = ("_match",)

    def __init__(self) -> None:
        options = re2.Options()
        options.max_mem = GATE_MEMORY
        compiled: Any = re2.Set.SearchSet(options)
        for _, pattern, _ in READERS:
            compiled.Add(pattern.encode())
        compiled.Compile()
        self._match = cast("Callable[[bytes], list[int]]", compiled._set.Match)

    def hits(self, text: str) -> list[int]:
        return self._match(text.encode())


_gate: _ReaderGate | None = None


def wanted(text: str) -> list[int]:
    """Indices in :data:`READERS` of the readers whose pattern occurs in ``text``."""
    global _gate
    if _gate is None:
        _gate = _ReaderGate()
    if len(text) > 4 * MAX_WINDOW * 10:
        return []
    return _gate.hits(_encodable(text))


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot carry, nor RE2 read) made U+FFFD; same
    length, so offsets hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def read_again(text: str) -> list[Reading]:
    """Every second reading of ``text`` (at most ``MAX_READINGS``), in reader order; none when
    no reader's pattern occurs."""
    hits = wanted(text)
    if not hits:
        return []
    text = _encodable(text)
    out: list[Reading] = []
    said: set[str] = set()
    for index in sorted(hits):
        for reading in READERS[index][2](text):
            if reading.text in said:
                continue
            if reading.end - reading.start <= MAX_WINDOW or reading.start == 0:
                said.add(reading.text)
                out.append(reading)
    return out[:MAX_READINGS]
