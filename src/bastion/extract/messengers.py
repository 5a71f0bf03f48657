"""Messenger links (``t.me``, ``wa.me``, ``line.me``, ``tg://resolve``) reduced to the handle.

For these hosts the host itself is harmless and universal; what identifies the off-platform
contact is the account in the path, so the finder reports a handle entity instead of a URL.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import parse_qs, unquote

_TG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
_TG_INVITE = re.compile(r"(?:\+|joinchat/)[A-Za-z0-9_\-]{6,64}")
_TG_PATHS = frozenset(
    {"share", "addstickers", "addemoji", "addtheme", "addlist", "proxy", "socks", "iv"}
    | {"setlanguage", "login", "confirmphone", "invoice", "boost", "contact", "bg"}
)
"""Telegram's own pages (``t.me/share/url?url=...`` shares the link in ``url``), never a user:
the URL stays a URL, and the link it carries is read from it."""
_WA_NUMBER = re.compile(r"[0-9]{6,15}")
_LINE_ID = re.compile(r"[~@]?[A-Za-z0-9._\-]{2,40}")
_LINE_PATHS = ("ti/p/", "r/ti/p/")

TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
WHATSAPP_HOSTS = frozenset({"wa.me", "api.whatsapp.com", "whatsapp.com", "web.whatsapp.com"})
LINE_HOSTS = frozenset({"line.me", "page.line.me"})
"""``page.line.me/ID`` is the profile page of the official account ``@ID``."""
QQ_HOSTS = frozenset({"wpa.qq.com", "wpa1.qq.com", "wpa2.qq.com"})
QQ_SCHEMES = frozenset({"tencent", "mqqwpa", "mqqapi", "mqq"})
"""QQ's chat links: ``wpa.qq.com/msgrd?uin=N`` on web pages, ``tencent://message/?uin=N`` and
``mqqwpa://im/chat?uin=N`` to open the app; ``uin`` is the QQ number."""
MESSENGER_HOSTS = TELEGRAM_HOSTS | WHATSAPP_HOSTS | LINE_HOSTS | QQ_HOSTS
_QQ_UIN = re.compile(r"[1-9][0-9]{4,10}")


def _query(path: str) -> dict[str, list[str]]:
    query = path.partition("?")[2].partition("#")[0]
    return parse_qs(query, keep_blank_values=False)


def _telegram(path: str) -> str | None:
    head = path.lstrip("/").partition("?")[0].partition("#")[0]
    invite = _TG_INVITE.match(head)
    if invite:
        return invite.group()
    segments = head.split("/")
    first = segments[1] if segments[0].lower() == "s" and len(segments) > 1 else segments[0]
    if first.lower() in _TG_PATHS:
        return None
    return first if _TG_NAME.fullmatch(first) else None


def _whatsapp(host: str, path: str) -> str | None:
    if host == "wa.me":
        number = path.lstrip("/").partition("?")[0].partition("/")[0].lstrip("+")
        return "+" + number if _WA_NUMBER.fullmatch(number) else None
    if path.lower().startswith("/send"):
        phones = _query(path).get("phone")
        if phones:
            digits = re.sub(r"[^0-9]", "", phones[0])
            return "+" + digits if _WA_NUMBER.fullmatch(digits) else None
    return None


def _line_page(path: str) -> str | None:
    """``page.line.me/ID`` or ``page.line.me/?accountId=ID``: the official account ``@ID``."""
    head = unquote(path.lstrip("/").partition("?")[0].partition("#")[0]).partition("/")[0]
    if not head:
        ids = [v[0] for k, v in _query(path).items() if k.lower() == "accountid"]
        head = ids[0] if ids else ""
    ident = head.lstrip("@~")
    return "@" + ident if len(ident) >= 3 and _LINE_ID.fullmatch(ident) else None


def _line(path: str) -> str | None:
    head = unquote(path.lstrip("/").partition("?")[0].partition("#")[0])
    lowered = head.lower()
    for prefix in _LINE_PATHS:
        if lowered.startswith(prefix):
            ident = head[len(prefix) :].partition("/")[0]
            if _LINE_ID.fullmatch(ident):
                return ident.lstrip("~")
    return None


def _qq_uin(path: str) -> str | None:
    """The QQ number in a chat link's ``uin`` parameter (names are case-blind there)."""
    for key, values in _query(path).items():
        if key.lower() == "uin" and _QQ_UIN.fullmatch(values[0]):
            return values[0]
    return None


def messenger_handle(host: str, path: str) -> tuple[str, str] | None:
    """``(kind, value)`` when ``host`` + ``path`` (path, query, fragment) names a messenger account.

    ``host`` is lower-case ASCII without ``www.``. Values: a Telegram username or invite
    (``+hash``), a WhatsApp number as ``+digits``, a LINE id (``@`` kept for official accounts).
    """
    if host in TELEGRAM_HOSTS:
        name = _telegram(path)
        return ("telegram", name) if name else None
    if host in WHATSAPP_HOSTS:
        number = _whatsapp(host, path)
        return ("whatsapp", number) if number else None
    if host in LINE_HOSTS:
        ident = _line_page(path) if host == "page.line.me" else _line(path)
        return ("line", ident) if ident else None
    if host in QQ_HOSTS:
        uin = _qq_uin(path)
        return ("qq", uin) if uin else None
    return None


def tg_deeplink_handle(rest: str) -> str | None:
    """The username in ``tg://resolve?domain=NAME`` (``rest`` is everything after ``tg://``)."""
    if not rest.lower().startswith("resolve"):
        return None
    names = _query(rest).get("domain")
    if names and _TG_NAME.fullmatch(names[0]):
        return names[0]
    return None


def deeplink_handle(scheme: str, rest: str) -> tuple[str, str] | None:
    """``(kind, value)`` for a messenger app link: ``tg://resolve?domain=NAME``,
    ``whatsapp://send?phone=NUMBER``, ``line://ti/p/@ID`` open the same account as their web
    links (``t.me``, ``wa.me``, ``line.me``), so they are the same handle; ``tencent://`` and
    ``mqqwpa://`` links name a QQ number (``rest``: everything after ``scheme://``)."""
    if scheme == "tg":
        name = tg_deeplink_handle(rest)
        return ("telegram", name) if name else None
    if scheme == "whatsapp":
        number = _whatsapp("api.whatsapp.com", "/" + rest)
        return ("whatsapp", number) if number else None
    if scheme == "line":
        ident = _line(rest)
        return ("line", ident) if ident else None
    if scheme in QQ_SCHEMES:
        uin = _qq_uin(rest)
        return ("qq", uin) if uin else None
    if scheme == "weixin":
        wxid = _weixin(rest)
        return ("wechat", wxid) if wxid else None
    return None


_WEIXIN_ID: Final = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{5,19}")
_WEIXIN_PATH: Final = re.compile(
    r"(?i:contacts/profile/|dl/(?:chat|profile|add|contact)(?:/|\?(?:username=|id=)?))"
    r"([A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-])"
)


def _weixin(rest: str) -> str | None:
    """The WeChat id in ``weixin://contacts/profile/ID`` or ``weixin://dl/chat?ID`` (the app
    opens that account's profile or chat), else None."""
    m = _WEIXIN_PATH.match(rest)
    return m[1] if m is not None and _WEIXIN_ID.fullmatch(m[1]) else None
