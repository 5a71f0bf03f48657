"""An ``@`` written as an enclosed or bracketed ``a``: ``service🅐porndroids․com``,
``kefu(a)k8sup12.com``, ``vipⓐmobocasino 点 com``.

The character pass folds ``🅐`` and ``ⓐ`` to ``a`` and the spaced-letter pass drops brackets,
so the address became one long wrong host (``serviceaporndroids.com``). An ``a`` set apart by a
ring, a square or brackets between a mailbox name and a domain is the at sign. Where the message
names no mailbox (``邮箱``, ``email``, ``contact``) and the name before it is no usual mailbox
(``kefu``, ``support``), an enclosed ``a`` is as likely a fancy letter (``b🅐t365.com``) and is
left to the character pass; a bracketed one (``x(a)y.com``) is still read as an at sign, flagged
``ambiguous_host`` (a listed domain is acted on, a person sees the rest).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.normalize.tables import DOT_CHARS, DOT_EMOJI

_ENCLOSED_A: Final = "ⓐⒶ🅐🄰🅰⒜🄐﹫＠"
"""Circled, negative circled, squared, negative squared and parenthesized ``a``, and the small
and full-width at signs."""
_AT_GLYPH: Final = rf"(?:[{_ENCLOSED_A}]\ufe0f?|[(\[{{（【<][ ]?[aA][ ]?[)\]}}）】>])"
_DOMAIN_DOT: Final = (
    rf"(?:[ \t]{{0,2}}(?:[.․{DOT_CHARS}{DOT_EMOJI}]\ufe0f?|\(dot\)|dot)[ \t]{{0,2}})"
)
_AT_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9._\-])(?P<local>[A-Za-z0-9][A-Za-z0-9._\-]{{0,63}})(?P<at>{_AT_GLYPH})"
    rf"(?=[A-Za-z0-9][A-Za-z0-9\-]{{0,62}}{_DOMAIN_DOT}[A-Za-z]{{2,24}})"
)
TRIGGER: Final = rf"[A-Za-z0-9._\-](?:[{_ENCLOSED_A}]|[(\[{{（【<] ?[aA] ?[)\]}}）】>])[A-Za-z0-9]"
"""RE2 and ``re``: a superset of the at signs :func:`at_glyph_pass` reads."""

_MAIL_CUE_RE: Final = re.compile(r"邮箱|邮件|信箱|(?i:e-?mail|mail|contact|inbox|write to)")
_MAILBOXES: Final = frozenset(
    {"kefu", "service", "support", "vip", "admin", "info", "contact", "help", "mail", "hr"}
    | {"sales", "cs", "kf", "business", "biz", "office", "team", "hello", "ask", "official"}
)
"""Mailbox names that make the at sign certain without a cue (``kefu⒜x.com``)."""


def at_glyph_pass(work: Work) -> None:
    """``kefu🅐x․com``, ``vip(a)x 点 com`` -> ``kefu@x․com``, ``vip@x 点 com``."""
    text = work.text
    groups: list[Group] = []
    for m in _AT_RE.finditer(text):
        cued = _MAIL_CUE_RE.search(text, max(0, m.start() - 24), m.start()) is not None
        sure = cued or m["local"].lower() in _MAILBOXES
        if not sure and m["at"][0] in _ENCLOSED_A:
            continue  # ``b🅐t365.com``: a fancy letter as likely as an at sign
        start, end = m.span("at")
        groups.append(
            ("spelled_at" if sure else "ambiguous_host", m.start(), end, [(start, end, "@")])
        )
    work.apply(groups)
