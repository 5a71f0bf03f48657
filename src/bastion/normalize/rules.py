"""The unmasking passes. Each scans the current folded text with precompiled, bounded regexes and
hands its edits to :class:`Work`, which composes the offset map.

Contextual tricks (spelled dots, spaced letters, ``at``) only fire when the result is a plausible
host with a known public suffix, so prose such as ``一点点``, ``I got a dot`` or ``U.S.A.`` is left
alone.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from bastion.normalize.result import Edit, Group, Work
from bastion.normalize.tables import CJK_DOTS, CJK_NUMERALS, Tables
from bastion.suffixes import has_known_suffix, is_tld, registrable_domain

COMMON_TLDS: Final = frozenset(
    {"com", "net", "org", "cn", "cc", "top", "vip", "xyz", "info", "club", "site", "online"}
    | {"shop", "ru", "hk", "tw", "io", "app"}
)
"""TLDs spammers use most; an ambiguous dot (``。``, ``、``, ``. ``) before one counts as a dot."""

_STOPWORDS: Final = frozenset(
    {"a", "an", "the", "this", "that", "my", "your", "our", "their", "his", "her", "its", "of"}
    | {"in", "on", "at", "to", "as", "big", "old", "first", "new"}
)
"""Left words that make ``X dot com`` prose (``a dot com company``) rather than a host."""

_LABEL: Final = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}"
_OPEN: Final = r"[\[\(\{（【]"
_CLOSE: Final = r"[\]\)\}）】]"
_SPELLED_DOT: Final = (
    rf"\s{{0,2}}{_OPEN}\s?(?:dot|\.|。|点|．)\s?{_CLOSE}\s{{0,2}}"
    r"|\s{1,2}dot\s{1,2}"
    rf"|\s{{0,2}}[{CJK_DOTS}]\s{{0,2}}"
    r"|\s{1,2}\.\s{0,2}|\.\s{1,2}"
)
_CHAIN_SEP: Final = rf"(?:{_SPELLED_DOT}|\.)"

_CHAIN_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9-]){_LABEL}(?:\.{_LABEL}){{0,8}}(?:{_SPELLED_DOT}){_LABEL}"
    rf"(?:{_CHAIN_SEP}{_LABEL}){{0,8}}(?![A-Za-z0-9-])",
    re.I,
)
_LABEL_RE: Final = re.compile(_LABEL)
_SEP_RE: Final = re.compile(_CHAIN_SEP, re.I)

_HXXP_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])h(?:\s{0,2}[tx*_]){2}\s{0,2}p(?:\s{0,2}(s))?\s{0,2}"
    r"(?:[\[\(\{]\s?[:：]\s?[/／]\s?[/／]\s?[\]\)\}]"
    r"|(?:[:：;；]|[\[\(\{]\s?[:：]\s?[\]\)\}])\s{0,2}[/／\\＼]\s?[/／\\＼])",
    re.I,
)

_CJK_NUM_CLASS: Final = "".join(CJK_NUMERALS)
_CJK_RUN_RE: Final = re.compile(rf"[0-9{_CJK_NUM_CLASS}]{{5,}}")
_CJK_TABLE: Final = str.maketrans(CJK_NUMERALS)

_GAP: Final = (
    rf"(?:\s{{0,2}}{_OPEN}(?:dot|\.){_CLOSE}\s{{0,2}}|\s{{1,2}}dot\s{{1,2}}"
    r"|(?:[^\w\r\n'’]|_){1,3})"
)
"""Between spaced letters: a spelled dot or 1-3 spaces/symbols/emoji (apostrophes join words)."""
_UNIT: Final = r"[A-Za-z0-9](?![A-Za-z0-9])"
_SPACED_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?P<lead>https?://(?:www)?|www)(?P<lg>{_GAP})?)?"
    rf"(?P<run>{_UNIT}(?:{_GAP}{_UNIT}){{2,255}})"
    rf"(?:(?P<tg>{_GAP})(?P<tail>[A-Za-z0-9]{{2,63}})(?![A-Za-z0-9]))?",
    re.I,
)
_UNIT_RE: Final = re.compile(rf"(?<![A-Za-z0-9]){_UNIT}")
_DOT_CHARS: Final = frozenset(".。．｡﹒")
_HOSTY_RE: Final = re.compile(r"[.。．｡﹒@]|dot", re.I)
_HOST_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,252}[a-z0-9])?")

_AT_RE: Final = re.compile(
    r"(?<![A-Za-z0-9._+\-/?=&#%@])(?P<local>[A-Za-z0-9][A-Za-z0-9._+-]{0,63})"
    rf"(?P<at>\s{{0,2}}{_OPEN}\s?(?:at|@)\s?{_CLOSE}\s{{0,2}}|(?P<bare>\s{{1,2}}at\s{{1,2}})"
    r"|#|\s{1,2}@\s{0,2}|@\s{1,2}|\s{0,2}艾特\s{0,2})"
    rf"(?P<host>{_LABEL}(?:\.{_LABEL}){{1,8}})",
    re.I,
)
_ASCII_LETTER_RE: Final = re.compile(r"[A-Za-z]")
_TOKEN_RE: Final = re.compile(
    r"[A-Za-z0-9._@:/\-\u00c0-\u02af\u0300-\u036f\u0370-\u058f\u1c80-\u1c8f"
    r"\u1d00-\u1dbf\u1e00-\u1fff\ua640-\ua69f\ua720-\ua7ff\uab30-\uab6f]+"
)


def char_pass(work: Work, tables: Tables, pattern: re.Pattern[str]) -> None:
    """NFKC-style folds, invisible and combining deletions: one group per run or char."""
    groups: list[Group] = []
    text = work.text
    for m in pattern.finditer(text):
        start, end = m.span()
        if m.lastgroup == "same":
            groups.append(("nfkc", start, end, [(start, end, m[0].translate(tables.same))]))
        else:
            name = tables.other_names[m[0]]
            groups.append((name, start, end, [(start, end, tables.other[ord(m[0])])]))
    work.apply(groups)


def homoglyph_pass(work: Work, tables: Tables, pattern: re.Pattern[str]) -> None:
    """Fold confusable letters in tokens that mix them with ASCII (TR39 mixed-script idea).

    A token folds only when every letter in it becomes ASCII and it already holds an ASCII letter
    (``рayрal``) or folds to a host with a known suffix (``ВЕТ888.СОМ``); ``сайт.рф`` stays.
    """
    text = work.text
    groups: list[Group] = []
    for m in _TOKEN_RE.finditer(text):
        token = m[0]
        if pattern.search(token) is None:
            continue
        folded = token.translate(tables.homoglyph)
        if not folded.isascii():
            continue
        if _ASCII_LETTER_RE.search(token) is None:
            host = folded.strip("./:@-").lower()
            if "." not in host or not has_known_suffix(host):
                continue
        start, end = m.span()
        groups.append(("homoglyph", start, end, [(start, end, folded)]))
    work.apply(groups)


def hxxp_pass(work: Work) -> None:
    """``hxxp``, ``h t t p``, ``http[:]//``, ``https;//``, ``[://]`` ... -> ``http(s)://``."""
    groups: list[Group] = []
    for m in _HXXP_RE.finditer(work.text):
        canon = "https://" if m[1] else "http://"
        if m[0].lower() != canon:
            start, end = m.span()
            groups.append(("hxxp", start, end, [(start, end, canon)]))
    work.apply(groups)


def cjk_numeral_pass(work: Work) -> None:
    """Runs of >= 5 digits with >= 2 Chinese numerals (``1三8一2三4五``) -> ASCII digits."""
    groups: list[Group] = []
    for m in _CJK_RUN_RE.finditer(work.text):
        run = m[0]
        folded = run.translate(_CJK_TABLE)
        if sum(a != b for a, b in zip(run, folded, strict=True)) >= 2:
            start, end = m.span()
            groups.append(("cjk_numeral", start, end, [(start, end, folded)]))
    work.apply(groups)


def _sep_kind(sep: str) -> str:
    core = sep.strip()
    if core == ".":
        return "plain" if sep == "." else "dotspace"
    if core.lower() == "dot" or core == "点" or core[:1] in "[({（【":
        return "word" if core.lower() == "dot" else "strong"
    return "weak"


def _acceptable(kind: str, left: str, tld: str) -> bool:
    """Whether a separator of ``kind`` after label ``left`` in a host ending in ``tld`` is a dot."""
    if kind in ("plain", "strong"):
        return True
    if kind == "word" and left.lower() in _STOPWORDS:
        return False
    if left.lower() == "www":
        return True
    if kind == "dotspace":
        return len(left) >= 2 and tld.lower() in COMMON_TLDS and not tld.istitle()
    if any(c.isdigit() for c in left):
        return True
    return (len(left) >= 2 and tld.lower() in COMMON_TLDS) or (kind == "word" and len(tld) == 2)


def spelled_dot_pass(work: Work) -> None:
    """`` dot ``, ``[.]``, ``点``, ``。`` between host labels -> ``.`` if a TLD ends the host."""
    text = work.text
    groups: list[Group] = []
    for m in _CHAIN_RE.finditer(text):
        labels: list[tuple[int, int]] = []
        seps: list[tuple[int, int, str]] = []
        pos = m.start()
        while pos < m.end():
            label = _LABEL_RE.match(text, pos, m.end())
            if label is None:
                break
            labels.append(label.span())
            sep = _SEP_RE.match(text, label.end(), m.end())
            if sep is None or _LABEL_RE.match(text, sep.end(), m.end()) is None:
                break
            seps.append((sep.start(), sep.end(), _sep_kind(sep[0])))
            pos = sep.end()
        words = [text[a:b] for a, b in labels]
        tlds = [w for w in words[1:] if not w.isdigit() and is_tld(w)]
        first = 0
        for k in range(1, len(labels) + 1):
            if k < len(labels) and tlds and _acceptable(seps[k - 1][2], words[k - 1], tlds[-1]):
                continue
            group = _dotted(text, labels[first:k], seps[first : k - 1], words[first:k])
            if group is not None:
                groups.append(group)
            first = k
    work.apply(groups)


def _dotted(
    text: str, labels: list[tuple[int, int]], seps: list[tuple[int, int, str]], words: list[str]
) -> Group | None:
    """The spelled-dot group for one segment of acceptable separators, if it ends in a TLD."""
    for j in range(len(labels) - 1, 0, -1):
        tld = words[j]
        if tld.isdigit() or not is_tld(tld):
            continue
        spelled = [(a, b) for a, b, kind in seps[:j] if kind != "plain"]
        if not spelled:
            return None
        edits: list[Edit] = [(a, b, ".") for a, b in spelled if text[a:b] != "."]
        return ("spelled_dot", labels[0][0], labels[j][1], edits) if edits else None
    return None


def _gap_value(gap: str) -> str:
    if any(c in _DOT_CHARS for c in gap) or "dot" in gap.lower():
        return "."
    return "@" if "@" in gap else ""


def _plausible(candidate: str) -> bool:
    low = candidate.lower()
    if low.startswith(("http://", "https://", "www.")):
        return len(low.split("//", 1)[-1]) > 4
    host = low.rsplit("@", 1)[-1]
    if "." not in host or _HOST_RE.fullmatch(host) is None:
        return False
    domain = registrable_domain(host)
    return domain is not None and len(domain.split(".", 1)[0]) >= 2


def _collapse(tokens: list[str], gaps: list[str]) -> list[str] | None:
    """Gap replacements that turn the spaced tokens into a host, or None if none does."""
    values = [_gap_value(g) for g in gaps]
    units = sum(len(t) == 1 for t in tokens)
    uniform = len(set(gaps)) == 1 and len(gaps[0]) == 1
    if uniform and units >= 6:
        joined = "".join(tokens)
        bounds = [sum(len(t) for t in tokens[: i + 1]) for i in range(len(gaps))]
        for i in range(len(bounds)):
            name, tld = joined[: bounds[i]], joined[bounds[i] :]
            if len(name) < 2 or tld.isdigit() or not is_tld(tld):
                continue
            if tld.lower() in COMMON_TLDS or any(c.isdigit() for c in name):
                values = ["." if b == bounds[i] else "" for b in bounds]
                if joined[:3].lower() == "www" and 3 in bounds and bounds[i] > 4:
                    values[bounds.index(3)] = "."
                return values
    if units < 4 and len(tokens[0]) == 1:
        return None
    candidate = tokens[0] + "".join(v + t for v, t in zip(values, tokens[1:], strict=True))
    return values if _plausible(candidate) else None


def spaced_pass(work: Work) -> None:
    """``w w w . b e t 8 8 8 . c o m``, ``b🎲e🎲t``, ``b-e-t-8-8-8 .com`` -> ``bet888.com``."""
    text = work.text
    groups: list[Group] = []
    for m in _SPACED_RE.finditer(text):
        spans = [u.span() for u in _UNIT_RE.finditer(text, m.start("run"), m.end("run"))]
        if len(spans) < 6 and not m["lead"] and _HOSTY_RE.search(m[0]) is None:
            continue
        heads = [True, False] if m["lead"] and m["lg"] else [False]
        tails = [[m.span("tail")], []] if m["tail"] else [[]]
        options = ((head, tail) for head in heads for tail in tails)
        found = (_spaced_group(text, head, spans, tail, m) for head, tail in options)
        group = next((g for g in found if g is not None), None)
        if group is not None:
            groups.append(group)
    work.apply(groups)


def _spaced_group(
    text: str,
    head: bool,
    spans: list[tuple[int, int]],
    tail: list[tuple[int, int]],
    m: re.Match[str],
) -> Group | None:
    """The group collapsing the units (with or without lead and tail word), if plausible."""
    tokens_spans = ([m.span("lead")] if head else []) + spans + tail
    gap_spans = [(a[1], b[0]) for a, b in pairwise(tokens_spans)]
    tokens = [text[a:b] for a, b in tokens_spans]
    gaps = [text[a:b] for a, b in gap_spans]
    if any(not g for g in gaps):
        return None
    values = _collapse(tokens, gaps)
    if values is None:
        return None
    edits: list[Edit] = [
        (a, b, v) for (a, b), g, v in zip(gap_spans, gaps, values, strict=True) if g != v
    ]
    return ("spaced_letters", tokens_spans[0][0], tokens_spans[-1][1], edits) if edits else None


def spelled_at_pass(work: Work) -> None:
    """``bob [at] gmail.com``, ``bob#gmail.com``, ``bob at gmail dot com`` -> ``bob@gmail.com``."""
    text = work.text
    groups: list[Group] = []
    for m in _AT_RE.finditer(text):
        labels = m["host"].split(".")
        host_end = m.end()
        while len(labels) >= 2 and not has_known_suffix(".".join(labels)):
            host_end -= len(labels.pop()) + 1
        if len(labels) < 2:
            continue
        if m["bare"] and not work.touched("spelled_dot", m.start("host"), host_end):
            continue
        start, end = m.span("at")
        groups.append(("spelled_at", m.start(), host_end, [(start, end, "@")]))
    work.apply(groups)
