"""Finders for everything with a host: URLs, deep links, bare domains, IP addresses, e-mail.

Regexes only propose; Python validates (Public Suffix List, IDNA, ``ipaddress``), because the
grammar of "looks like a host" is cheap while "is a host" needs tables. Every quantifier is
bounded and every pattern starts with a look-behind that fails inside a word, so a match attempt
costs O(63) at most once per word: linear on any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from urllib.parse import unquote

import idna

from bastion.extract._types import Candidate
from bastion.extract.ipaddr import parse_ipv4, parse_ipv6
from bastion.extract.messengers import MESSENGER_HOSTS, deeplink_handle, messenger_handle
from bastion.normalize.hostwords import (
    CJK_WORD_HOST_MIN,
    cjk_near,
    is_weird_case,
    plausible_words_host,
    sentence_break,
    word_tld,
)
from bastion.suffixes import has_known_suffix, is_tld, public_suffix, registrable_domain

IDN = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
    "\u0e00-\u0e7f\u1e00-\u1eff\u2c60-\u2c7f"  # Greek, Thai, Vietnamese, Latin Extended-C
)
_LABEL = f"[A-Za-z0-9{IDN}][A-Za-z0-9\\-{IDN}]{{0,62}}"
_HOST = f"{_LABEL}(?:\\.{_LABEL}){{1,20}}"
_PATH = f"[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%{IDN}]"
_AUTH = f"[A-Za-z0-9\\-._~%!$&*+,;=:@{IDN}]"
"""Authority characters; brackets and parentheses end it (``https://bet888.com)[x](mailto:…)``)
except around an IPv6 literal."""

_SCHEME_URL = re.compile(
    r"(?<![A-Za-z0-9+])([A-Za-z][A-Za-z0-9+\-.]{0,31})://"
    f"((?:[A-Za-z0-9\\-._~%!$&*+,;=:]{{0,64}}@)?\\[[0-9A-Fa-f:.]{{2,45}}\\](?::[0-9]{{1,5}})?"
    f"(?:[/?#]{_PATH}{{0,2048}})?|{_AUTH}{{0,255}}(?:[/?#]{_PATH}{{0,2048}})?)"
)
_BARE_HOST = re.compile(
    f"([A-Za-z0-9{IDN}](?<![A-Za-z0-9_{IDN}.\\\\].)(?<![A-Za-z0-9_.~%:\\-]/.)"
    f"(?<![A-Za-z0-9{IDN}]-.)"
    f"[A-Za-z0-9\\-{IDN}]{{0,62}}(?:\\.{_LABEL}){{1,20}})"
    f"(?::([0-9]{{1,5}}))?([/?#]{_PATH}{{0,2048}})?"
)
"""A host not inside a word or a path. It starts with its first character's class, with the
look-behinds after it, so ``re`` skips other characters in a fast loop instead of trying a match
at each."""
_EMAIL = re.compile(f"(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9][A-Za-z0-9._%+\\-]{{0,63}})@({_HOST})")
_IPV6 = re.compile(
    r"(?<![0-9A-Za-z_:.\-\[])(\[)?([0-9A-Fa-f:]{2,39}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3})?)(\])?"
    r"(?![0-9A-Za-z_:])"
)
_WEB_SCHEMES = {
    "http": "http",
    "https": "https",
    "ftp": "ftp",
    "hxxp": "http",
    "hxxps": "https",
    "ttp": "http",
    "ttps": "https",
    "htp": "http",
    "htps": "https",
    "hhtp": "http",
    "hhtps": "https",
    "htttp": "http",
    "htttps": "https",
    "hppt": "http",
    "hppts": "https",
}
"""Web schemes, with the defanged (``hxxp``), clipped (``ttp``, ``htps``) and stuttered
(``hhtp``, ``htttps``) spellings."""
FILE_EXTENSIONS = frozenset({"py", "sh", "md", "so", "zip", "mov", "java", "run", "cab"})
"""TLDs that are common file extensions (``setup.py``); ``.rs``, ``.pl``, ``.ml`` and ``.ps``
are not here: far more hosts than file names end so in messages."""
_CLASSIC_TLDS = frozenset({"com", "net", "org", "cn"})
_RUN_ON = re.compile("(?<![A-Za-z0-9.])[A-Za-z]{2,40}\\.([A-Za-z]{1,40})(?![A-Za-z0-9.])")
_PLAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?")
_OPENERS = {")": "(", "]": "[", "}": "{"}


def trim_trailing(text: str) -> int:
    """Length of ``text`` without trailing sentence punctuation; balanced brackets are kept."""
    end = len(text)
    counts: dict[str, int] = {}
    while end:
        char = text[end - 1]
        if char in ".,;:!?'\"*":
            end -= 1
        elif char in _OPENERS:
            if char not in counts:
                counts[char] = text.count(char, 0, end)
                counts[_OPENERS[char]] = text.count(_OPENERS[char], 0, end)
            if counts[_OPENERS[char]] >= counts[char]:
                break
            counts[char] -= 1
            end -= 1
        else:
            break
    return end


def _punycode_label(label: str) -> bool:
    """An ``xn--`` label whose punycode decodes: valid IDNA, or a symbol name IDNA 2008 refuses
    but browsers still resolve (``xn--df-oiy.ws`` is ``✪df.ws``); either way a real host."""
    try:
        idna.decode(label)
        return True
    except idna.IDNAError:
        pass
    try:
        return bool(label[4:].encode("ascii").decode("punycode"))
    except UnicodeError:
        return False


@lru_cache(maxsize=65536)
def ascii_host(host: str) -> str | None:
    """Lower-case IDNA (punycode) form of a dotted host name, or None when it is no valid name.

    Cached (bounded, pure): spam repeats its hosts, and each costs a regex per label and, for
    non-ASCII labels, an IDNA encoding."""
    labels = host.split(".")
    out: list[str] = []
    for label in labels:
        if label.isascii():
            if not _PLAIN_LABEL.fullmatch(label):
                return None
            lowered = label.lower()
            if lowered.startswith("xn--") and not _punycode_label(lowered):
                return None
            out.append(lowered)
        else:
            try:
                out.append(idna.encode(label, uts46=True).decode("ascii"))
            except idna.IDNAError:
                return None
    return ".".join(out)


class _Context:
    """Facts about the whole text that the bare-domain rules need, each computed once."""

    __slots__ = ("_run_ons", "has_web", "prose_like", "text", "vouched")

    def __init__(
        self, text: str, vouched: Callable[[int, int], bool] | None, prose_like: bool = False
    ) -> None:
        self.text = text
        self.prose_like = prose_like
        lowered = text.lower()
        self.has_web = "http" in lowered or "www" in lowered
        self.vouched = vouched
        self._run_ons: list[tuple[int, int]] | None = None

    def runs_sentences_together(self, start: int, end: int) -> bool:
        """Whether the writer also joins words with a bare dot elsewhere (``start.i shall``,
        ``ah.the``): then ``tomorrow.call`` is one more sentence run on, not a host."""
        if self._run_ons is None:
            self._run_ons = []
            for match in _RUN_ON.finditer(self.text):
                if not is_tld(match[1]):
                    self._run_ons.append(match.span())
                    if len(self._run_ons) == 2:
                        break
        return any(e <= start or s >= end for s, e in self._run_ons)


def _bare_domain_ok(ctx: _Context, span: tuple[int, int], labels: list[str], host: str) -> bool:
    """Rules that keep prose (``Mr.Smith``, ``setup.py``, ``end.Next``) out of bare domains.

    A host that unmasking produced (``ctx.vouched``) skips the prose rules: nobody disguises a
    sentence.
    """
    registrable = registrable_domain(host)
    if registrable is None or len(registrable.split(".", 1)[0]) < 2:
        return False
    tld = host.rsplit(".", 1)[1]
    if tld in FILE_EXTENSIONS and not ctx.has_web:
        return False
    if not all(label.isascii() and label.isalpha() for label in labels):
        return True
    # Only words: a sentence run together ("her.love", "today.Tomorrow") unless the suffix is
    # a multi-label one (bbc.co.uk), the case is no prose case, or the words look like a host.
    if "." in (public_suffix(host) or ""):
        return True
    if ctx.vouched is not None and ctx.vouched(*span):
        return True
    left, last = labels[-2], labels[-1]
    if tld not in _CLASSIC_TLDS and sentence_break(left, last) and not left.isupper():
        return False
    if is_weird_case(left) or is_weird_case(last):
        return True
    if cjk_near(ctx.text, *span):
        return plausible_words_host(left, tld, min_left=CJK_WORD_HOST_MIN)
    return plausible_words_host(left, tld) and (
        not word_tld(tld) or not ctx.runs_sentences_together(*span)
    )


PROSE_LIKE = "prose_like"
"""A ``word.word`` that reads as prose (``Toyskids.Info``, ``brca。be``): reported only if the
intel lists it, since a listed host written in prose case is still that host."""


def _prose_may_hold(host: str) -> bool:
    """Single-letter names (``x.com``, ``t.co``) are real hosts that prose also makes (``a.in``):
    they come here, kept only when listed."""
    if registrable_domain(host) is None:
        return False
    return host.rsplit(".", 1)[1] not in FILE_EXTENSIONS


def _bare_ipv4(match_text: str, start: int) -> Candidate | None:
    parsed = parse_ipv4(match_text, strict=True)
    if parsed is None:
        return None
    dotted, flag = parsed
    flags = (flag,) if flag else ()
    return Candidate("ip", start, start + len(match_text), match_text, host=dotted, flags=flags)


def _bare_hosts(text: str) -> Iterator[re.Match[str]]:
    """``_BARE_HOST.finditer(text)``, skipping ahead: a host's first dot ends a label of at most
    63 characters, so no match starts more than 63 characters before the next dot."""
    search = _BARE_HOST.search
    find = text.find
    pos = 0
    while True:
        dot = find(".", pos)
        if dot < 0:
            return
        match = search(text, max(pos, dot - 63))
        if match is None:
            return
        yield match
        pos = match.end()


def _find_bare(text: str, out: list[Candidate], ctx: _Context) -> None:
    for match in _bare_hosts(text):
        host_text = match.group(1)
        start = match.start()
        ip = _bare_ipv4(host_text, start)
        if ip is not None:
            out.append(ip)
            continue
        labels = host_text.split(".")
        port = match.group(2)
        tail = match.group(3) or ""
        tail = tail[: trim_trailing(tail)]
        for count in range(len(labels), 1, -1):
            kept = labels[:count]
            host = ascii_host(".".join(kept))
            if host is None or not has_known_suffix(host):
                continue
            host_end = start + sum(len(label) + 1 for label in kept) - 1
            is_web = count == len(labels) and (tail != "" or port is not None)
            if is_web or host.startswith("www."):
                end = host_end
                if count == len(labels):
                    end += (len(port) + 1 if port else 0) + len(tail)
                value = ".".join(kept) + text[host_end:end]
                out.append(_web_candidate(start, end, value, host, tail, ("no_scheme",)))
            else:
                value = ".".join(kept).lower()
                flags: tuple[str, ...] = ("no_scheme",)
                if not _bare_domain_ok(ctx, (start, host_end), kept, host):
                    if not ctx.prose_like or not _prose_may_hold(host):
                        break
                    flags = (*flags, PROSE_LIKE)
                out.append(Candidate("domain", start, host_end, value, host=host, flags=flags))
            break
        else:
            if ctx.prose_like and len(labels) >= 2:
                glued = _glued_tail(start, labels)
                if glued is not None:
                    out.append(glued)


_CASE_OR_DIGIT = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[a-z0-9])")


def _glued_tail(start: int, labels: list[str]) -> Candidate | None:
    """``palmerbet.comGET100FREE``, ``HOST.COM4free``: a TLD with words glued to it where the
    case changes or a digit starts (no TLD holds a digit). The host before the glue is a guess,
    so it comes flagged ``prose_like``: kept only when listed."""
    last = labels[-1]
    cut = _CASE_OR_DIGIT.search(last, 2)
    if cut is None or cut.start() > 24:
        return None
    kept = [*labels[:-1], last[: cut.start()]]
    host = ascii_host(".".join(kept))
    if host is None or not has_known_suffix(host) or not _prose_may_hold(host):
        return None
    end = start + sum(len(label) + 1 for label in kept) - 1
    flags = ("no_scheme", PROSE_LIKE)
    return Candidate("domain", start, end, host, host=host, flags=flags)


def _web_candidate(
    start: int, end: int, value: str, host: str, path: str, flags: tuple[str, ...]
) -> Candidate:
    """A URL candidate, or the messenger handle it names (``t.me/name`` -> telegram ``name``)."""
    bare = host[4:] if host.startswith("www.") else host
    if bare in MESSENGER_HOSTS:
        handle = messenger_handle(bare, path)
        if handle is not None:
            return Candidate(handle[0], start, end, handle[1], flags=("from_url",))
    return Candidate("url", start, end, value, host=host, flags=flags)


_MARKDOWN_JOINS = ("](", ")[", ")(", "][")


def _markdown_cut(rest: str) -> str:
    """A URL ends where markdown starts the next piece (``…/x)[text](mailto:…)``)."""
    cut = len(rest)
    for join in _MARKDOWN_JOINS:
        index = rest.find(join)
        if 0 <= index < cut:
            cut = index + 1 if join[0] == ")" or join[0] == "]" else index
    return rest[:cut]


def _authority_host(authority: str) -> tuple[str, tuple[str, ...]] | None:
    """Host key and flags for a URL authority (userinfo and port stripped), None if invalid."""
    flags: tuple[str, ...] = ()
    _, at, hostport = authority.rpartition("@")
    if at:
        flags = ("userinfo",)
    if hostport.startswith("["):
        close = hostport.find("]")
        v6 = parse_ipv6(hostport[: close + 1]) if close > 0 else None
        rest = hostport[close + 1 :]
        if v6 is None or (rest and not (rest[0] == ":" and rest[1:].isdigit())):
            return None
        return v6, (*flags, "ip_host")
    host, colon, port = hostport.partition(":")
    if colon and not (port.isascii() and port.isdigit()):
        return None
    if "%" in host:  # a browser decodes the host: https://%70%61lmerbet.com is palmerbet.com
        host = unquote(host)
    host = host.rstrip(".")
    if not host:
        return None
    ip = parse_ipv4(host, strict=False)
    if ip is not None:
        return ip[0], (*flags, "ip_host", *((ip[1],) if ip[1] else ()))
    name = ascii_host(host)
    if name is None:
        return None
    return name, flags


_INNER_SCHEME = re.compile(r"(?<![A-Za-z0-9])(?i:https?|hxxps?)://")
EMBEDDED = "embedded"
"""A web link inside another link's path or query (a redirector's target:
``google.com/url?q=https://bet888.com``), reported as its own entity beside the outer one."""
_MAX_EMBEDDED = 4


def _find_scheme(text: str, out: list[Candidate]) -> None:
    for match in _SCHEME_URL.finditer(text):
        found = _scheme_candidate(text, match)
        if found is None:
            continue
        candidate, path_start = found
        out.append(candidate)
        if candidate.kind != "url":
            continue
        proxied = _proxied(candidate, text[path_start : candidate.end])
        if proxied is not None and "://" not in text[path_start : candidate.end]:
            out.append(proxied)
        if path_start >= candidate.end:
            continue
        inner_urls = _INNER_SCHEME.finditer(text, path_start, candidate.end)
        for _, inner in zip(range(_MAX_EMBEDDED), inner_urls, strict=False):
            stop = text.find("&", inner.start(), candidate.end)
            nested = _SCHEME_URL.match(text, inner.start(), stop if stop > 0 else candidate.end)
            made = _scheme_candidate(text, nested) if nested is not None else None
            if made is not None and made[0].kind == "url":
                nested_url = made[0]
                nested_url.flags = (*nested_url.flags, EMBEDDED)
                out.append(nested_url)


_PROXY_PATH = re.compile(
    r"/(?:amp/s|c/s|c|web/[0-9]{0,14}\*?|[0-9]{14}|newest|wip/[A-Za-z0-9]{1,16})/"
    r"(?:https?://)?([A-Za-z0-9.\-]{4,253})"
    r"|[?&]q=cache:(?:[A-Za-z0-9_\-]{0,20}:)?(?:https?://)?([A-Za-z0-9.\-]{4,253})"
)
_ARCHIVE_ROOT = re.compile(r"/(?:https?://)?([A-Za-z0-9.\-]{4,253})")
_PATH_PROXIES = ("google.", "ampproject.org", "archive.org", "googleusercontent.com")
_ARCHIVES = ("archive.ph", "archive.today", "archive.is", "archive.li", "archive.vn")


def _proxied(candidate: Candidate, path: str) -> Candidate | None:
    """The site a proxy or cache serves under its own name: ``bet-888-com.translate.goog``
    (hyphens for dots, ``--`` for a hyphen), ``google.com/amp/s/bet888.com``,
    ``…cdn.ampproject.org/c/s/bet888.com``, ``archive.ph/bet888.com``,
    ``webcache.googleusercontent.com/search?q=cache:bet888.com``. Reported beside the outer link
    like a redirector's target (flag ``embedded``)."""
    host = candidate.host or ""
    inner: str | None = None
    if host.endswith(".translate.goog"):
        label = host[: -len(".translate.goog")].rsplit(".", 1)[-1]
        inner = label.replace("--", "\0").replace("-", ".").replace("\0", "-")
    else:
        if host.endswith(_ARCHIVES):
            found = _PROXY_PATH.match(path) or _ARCHIVE_ROOT.match(path)
        elif any(mark in host for mark in _PATH_PROXIES):
            found = _PROXY_PATH.search(path)
        else:
            return None
        if found is not None:
            inner = next(group for group in found.groups() if group is not None)
    if inner is None:
        return None
    name = ascii_host(inner.strip(".").lower())
    if name is None or name == host or not has_known_suffix(name):
        return None
    return Candidate(
        "url", candidate.start, candidate.end, f"http://{name}/", host=name, flags=(EMBEDDED,)
    )


def _scheme_candidate(text: str, match: re.Match[str]) -> tuple[Candidate, int] | None:
    """The candidate of one ``scheme://…`` match and where its path starts, or None."""
    scheme = match.group(1)
    lowered = scheme.lower()
    start = match.start()
    if lowered not in _WEB_SCHEMES:
        for web in ("https", "http", "hxxps", "hxxp"):
            if lowered.endswith(web) and len(lowered) > len(web):
                start = match.start(1) + len(scheme) - len(web)
                lowered = web
                break
    rest = _markdown_cut(match.group(2))
    rest = rest[: trim_trailing(rest)]
    if not rest:
        return None
    end = match.start(2) + len(rest)
    cut = len(rest)
    for sep in "/?#":
        index = rest.find(sep)
        if 0 <= index < cut:
            cut = index
    found = _authority_host(rest[:cut])
    web_scheme = _WEB_SCHEMES.get(lowered)
    path_start = match.start(2) + cut
    if web_scheme is None:
        value = f"{lowered}://{rest}"
        handle = deeplink_handle(lowered, rest)
        if handle is not None:
            return Candidate(handle[0], start, end, handle[1], flags=("from_url",)), path_start
        if len(lowered) >= 2 or found is not None:
            known = found is not None and ("ip_host" in found[1] or has_known_suffix(found[0]))
            target = found[0] if found is not None and known else None
            return Candidate("deeplink", start, end, value, host=target), path_start
        return None
    if found is None:
        return None
    host, flags = found
    if lowered not in ("http", "https", "ftp"):
        flags = (*flags, "defanged")
    authority = rest[:cut]
    value = f"{web_scheme}://{authority}{rest[cut:]}"
    return _web_candidate(start, end, value, host, rest[cut:], flags), path_start


def _find_emails(text: str, out: list[Candidate]) -> None:
    for match in _EMAIL.finditer(text):
        local = match.group(1).rstrip(".")
        labels = match.group(2).split(".")
        for count in range(len(labels), 1, -1):
            host = ascii_host(".".join(labels[:count]))
            if host is not None and has_known_suffix(host):
                domain_end = match.start(2) + sum(len(x) + 1 for x in labels[:count]) - 1
                value = f"{local}@{'.'.join(labels[:count])}".lower()
                start = match.start(1)
                out.append(Candidate("email", start, domain_end, value, host=host))
                break


def _find_ipv6(text: str, out: list[Candidate]) -> None:
    for match in _IPV6.finditer(text):
        body = match.group(2)
        bracketed = bool(match.group(1) and match.group(3))
        if body.count(":") < 2:
            continue
        compressed = parse_ipv6(body)
        if compressed is None:
            continue
        groups = [g for g in body.split(":") if g]
        if not bracketed and (len(groups) < 2 or max(len(g) for g in groups) < 3):
            continue
        start, end = (match.start(1), match.end(3)) if bracketed else match.span(2)
        out.append(Candidate("ip", start, end, text[start:end], host=compressed))


def find_hosts(
    text: str,
    out: list[Candidate],
    *,
    scheme: bool,
    at: bool,
    colons: bool,
    dot: bool,
    vouched: Callable[[int, int], bool] | None = None,
    prose_like: bool = False,
) -> None:
    """Append URL, deep-link, domain, IP and e-mail candidates found in folded ``text``.

    The flags say which triggers occur (``://``, ``@``, two close colons, ``.``), so finders
    whose trigger is absent are skipped. ``vouched(start, end)`` says whether unmasking made
    that folded span (``deca[.]bet``): a disguised host is no prose, so the bare-domain rules
    that keep run-together sentences out do not apply to it. With ``prose_like`` the hosts those
    rules reject are reported too, flagged :data:`PROSE_LIKE`, for the scanner to keep if listed.
    """
    if scheme:
        _find_scheme(text, out)
    if at:
        _find_emails(text, out)
    if colons:
        _find_ipv6(text, out)
    if dot:
        _find_bare(text, out, _Context(text, vouched, prose_like))
