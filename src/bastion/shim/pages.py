"""The shim's pages (warning, block, not valid) in English and Chinese.

Everything shown comes from the click decision and is escaped by Jinja2's autoescape; the pages
load only ``/static/shim.css`` and ``/static/shim.js`` from the app itself, so the strict
Content-Security-Policy (``CSP``) holds: no inline script or style, nothing from elsewhere, and no
framing. Wording is qualified ("may be", "suspected"): the shim reports a finding, not a verdict
of a court.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from jinja2 import Environment, FunctionLoader, select_autoescape

CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
LANGUAGES: Final = ("en", "zh")

TEXT: Final[dict[str, dict[str, str]]] = {
    "en": {
        "lang": "en",
        "other_language": "中文",
        "site": "Site:",
        "category": "Suspected:",
        "reason": "Why:",
        "back": "Go back",
        "continue": "Continue anyway (not recommended)",
        "footer": "This page was shown by the platform's link protection. If you think it is "
        "wrong, report it to the platform.",
        "warn_title": "This link may be harmful",
        "warn_message": "The site this link leads to is suspected of breaking the platform's "
        "rules. It may be unsafe or illegal.",
        "block_title": "This link has been blocked",
        "block_message": "The site this link leads to is suspected of stealing passwords or "
        "spreading malicious software, so the platform does not open it.",
        "refuse_title": "This link is not valid",
        "refuse_message": "This link was changed or has expired, so it cannot be opened from here.",
    },
    "zh": {
        "lang": "zh-CN",
        "other_language": "English",
        "site": "网站：",
        "category": "疑似：",
        "reason": "原因：",
        "back": "返回",
        "continue": "仍要访问（不建议）",
        "footer": "此页面由平台的链接保护功能显示。如认为有误，请向平台举报。",
        "warn_title": "此链接可能有害",
        "warn_message": "该链接指向的网站疑似违反平台规则，可能不安全或违法。",
        "block_title": "此链接已被拦截",
        "block_message": "该链接指向的网站疑似窃取密码或传播恶意软件，平台不予打开。",
        "refuse_title": "此链接无效",
        "refuse_message": "此链接已被修改或已失效，无法从此处打开。",
    },
}
CATEGORY_LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "gambling": "illegal gambling",
        "porn": "pornography",
        "sexual_services": "sexual services",
        "scam": "scam or fraud",
        "phishing": "phishing",
        "malware": "malicious software",
        "evasion": "a hidden link",
        "shortener": "a short link whose destination could not be checked",
    },
    "zh": {
        "gambling": "非法赌博",
        "porn": "色情",
        "sexual_services": "色情服务",
        "scam": "诈骗",
        "phishing": "钓鱼网站",
        "malware": "恶意软件",
        "evasion": "隐藏链接",
        "shortener": "无法核实去向的短链接",
    },
}


def _template(name: str) -> str:
    return files("bastion.shim").joinpath("templates", name).read_text(encoding="utf-8")


_ENV = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(default=True))


def language(query_lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` when it names a language we have, else the first of ``Accept-Language``."""
    if query_lang in LANGUAGES:
        return query_lang
    for part in (accept_language or "")[:200].split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "en"


def render(
    decision: str,
    lang: str,
    *,
    host: str = "",
    category: str = "",
    reason: str = "",
    continue_link: str | None = None,
    lang_link: str = "",
) -> str:
    """One page; ``decision`` is warn, block or refuse."""
    text = TEXT[lang]
    labels = CATEGORY_LABELS[lang]
    return _ENV.get_template("page.html.j2").render(
        t=text,
        decision=decision,
        title=text[f"{decision}_title"],
        message=text[f"{decision}_message"],
        host=host,
        category=category,
        category_label=labels.get(category, category),
        reason=reason if lang == "en" else "",
        continue_link=continue_link,
        lang_link=lang_link,
    )
