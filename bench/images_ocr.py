"""Text in pictures: Bastion's recall of links and handles, benign act rate and images/s with OCR.

A generated suite of posters, phone screenshots and avatars carrying a link to a domain of the
real gambling list or a messaging handle, in Chinese and English, written the ways spam writes
them (``bet888点com``, ``bet888 点 com``, ``bet888。com``, ``bet888 dot com``, plain hosts and
URLs, ``加V：id``, ``Telegram @id``, a host split over two lines), with varied fonts, sizes,
colours, backgrounds, slight rotation and JPEG compression; beside them pictures of ordinary text
(the benign set) and photograph stand-ins with no text (smooth colour fields, soft shapes and
grain: what the gate should skip). Every picture is scanned by ``Scanner.scan`` over the
evaluation home as a platform sends it (JPEG bytes in ``Item.image_data``), pinned to one core.

Figures: links and handles found (an expected host is found when an entity's registrable domain
or host is it; a handle when an entity of a handle kind has its id), per family, and listed
items allowed; benign pictures acted on and sent to review; images/s (wall clock, and per CPU
second of this process) for the whole suite; the gate's skip rate on the photographs and on the
text pictures (its misses). A handle the recogniser nearly read otherwise is reported in each
reading, flagged ``ocr_unsure`` (the item goes to review): found counts a handle found in any
reading; ``found_handles_read_one_way`` only by a handle not so flagged,
``handle_pictures_unsure`` is the share of handle pictures with such a handle and
``handle_readings_per_picture`` the handles reported per handle picture. The peer, on the
same bytes in the same run: RapidOCR called directly with its defaults (angle classifier on)
and a plain substring search of the expected host or handle in its joined lines. Bars
(issue 7): >= 95 % found, benign act <= 1 %.
``python -m bench.images_ocr [--images N] [--benign N] [--photos N] [--home DIR] [--seed N ...]
[--suites classic,fresh,holdout,holdout97,holdout<N>] [--peer-suites ...] [--out NAME]``
(``--seed 131`` adds a held-out suite ``holdout131``, the fresh generator on that seed; a suite
name ending ``-g2``, ``holdout131-g2``, draws it with version 2 of the fresh generator, where
no line of a 128 px avatar runs past its edge: ``GENERATOR``; without it, version 1, as every
figure before it).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import string
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from PIL import Image, ImageDraw, ImageFilter

from bench import common
from bench.images_qr import listed_hosts
from bench.throughput import one_core
from tests.extract.images import text_pictures

BAR_FOUND = 0.95
HOLDOUT_SEED = 71
"""Seed of the held-out suite: the fresh suite's generator on pictures nobody looked at while
fixing the misses of the classic and fresh suites (the OCR readings of
``bastion.extract.ocr_readings`` came from those), so its figure is not one the code was tuned
to."""
NEW_HOLDOUT_SEED = 97
"""Seed of a second held-out suite (``holdout97``), added when the first held-out figure had
been reported: nobody looked at its pictures while fixing the misses of the classic and fresh
suites, so it measures the fixes made after the first held-out figure was known."""
BAR_BENIGN_ACT = 0.01
HANDLE_KINDS = frozenset({"wechat", "qq", "telegram", "whatsapp", "line"})


@dataclass(frozen=True, slots=True)
class Picture:
    family: str
    layout: str
    data: bytes
    expected: str
    """The host or handle id the picture carries ("" for benign pictures and photos)."""
    kind: str
    """``host``, ``handle``, ``benign`` or ``photo``."""
    clipped: bool = False
    """A line holding part of the link or handle runs past the picture's edge even at the
    smallest size (a long line on a 128 px avatar): part of it, or its cue, is not in the
    picture. Counted like any
    picture; ``found_visible`` leaves these out."""
    suite: str = "classic"
    """``classic`` (the first suite, unchanged), ``fresh`` (fonts, sizes, backgrounds and
    handle forms added later, on another seed) or ``holdout`` (the fresh generator on a third
    seed, kept out of sight while the misses of the other two were fixed) or ``holdout97`` (a
    fourth seed, added after the first held-out figure was known)."""

    @property
    def group(self) -> str:
        """``layout/language/link|handle``: the per-family figure this picture counts in."""
        kind = "handle" if self.kind == "handle" else "link"
        return f"{self.layout}/{self.family[:2]}/{kind}"


def _handle(rng: random.Random) -> str:
    head = rng.choice(string.ascii_lowercase)
    tail = "".join(
        rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(5, 9))
    )
    return head + tail[:-2] + "_" + tail[-2:] if rng.random() < 0.4 else head + tail


def _spam_lines(rng: random.Random, host: str, handle: str, family: str) -> list[str]:
    label, _, tld = host.partition(".")
    return {
        "zh_spelled_dot": ["最新网址", f"{label}点{tld}", "注册送彩金"],
        "zh_spaced_dot": [f"官网 {label} 点 {tld}", "首存即送 88 元"],
        "zh_ideographic_stop": [f"永久域名 {label}。{tld}", "信誉平台 放心玩"],
        "zh_split_lines": [f"最新网址 {label}", f"点{tld} 注册就送"],
        "zh_plain_host": ["老虎机 真人 体育", f"{host}"],
        "en_url": ["Play now and win", f"https://{host}/vip"],
        "en_www": [f"www.{host}", "Daily bonus for new players"],
        "en_dot_word": ["Jackpot every hour", f"{label} dot {tld}"],
        "zh_wechat": ["代理招商 日结", f"加V：{handle}"],
        "zh_wechat_word": [f"微信 {handle}", "上分下分 秒到账"],
        "en_telegram": ["VIP signals group", f"Telegram @{handle}"],
        "en_tme": ["Join our channel", f"t.me/{handle}"],
        "zh_qq": ["客服在线 24小时", f"QQ：{handle}"],
        "zh_feiji": ["担保交易 不怕跑路", f"飞机 @{handle}"],
        "en_contact_tg": [f"Contact: @{handle} on Telegram", "Fast payouts"],
    }[family]


SPAM_FAMILIES = (
    "zh_spelled_dot",
    "zh_spaced_dot",
    "zh_ideographic_stop",
    "zh_split_lines",
    "zh_plain_host",
    "en_url",
    "en_www",
    "en_dot_word",
    "zh_wechat",
    "zh_wechat_word",
    "en_telegram",
    "en_tme",
)
FRESH_FAMILIES = (*SPAM_FAMILIES, "zh_qq", "zh_feiji", "en_contact_tg")
"""The fresh suite's families: the classic ones and handle forms the code was not written
against (a QQ number, Telegram behind the Chinese slang ``飞机``, the handle before its cue)."""
HANDLE_FAMILIES = frozenset(
    {"zh_wechat", "zh_wechat_word", "en_telegram", "en_tme", "zh_qq", "zh_feiji", "en_contact_tg"}
)
BENIGN_LINES = (
    ["Happy birthday Anna!", "See you at 7 pm"],
    ["SALE 50% OFF", "Tuesday only, all shoes"],
    ["Meeting notes", "1. budget 2. hiring 3. dates"],
    ["Fresh bread daily", "Open 8am to 6pm"],
    ["Lost cat: grey tabby", "Call the front desk"],
    ["今晚一起看球吗", "明天下午三点开会"],
    ["周末愉快", "记得带伞 下午有雨"],
    ["新品上市 全场八折", "欢迎光临本店"],
    ["生日快乐 天天开心", "我们爱你"],
    ["Team dinner on Friday", "The menu is in the group chat"],
    ["Quarterly report", "Revenue up 4% on last year"],
    ["学习使我快乐", "第三章 习题答案"],
)
LAYOUTS = ("poster", "screenshot", "avatar")


def _contrast_pair(rng: random.Random) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    dark = tuple(rng.randrange(0, 90) for _ in range(3))
    light = tuple(rng.randrange(190, 256) for _ in range(3))
    pair = (light, dark) if rng.random() < 0.7 else (dark, light)
    return pair  # type: ignore[return-value]


FRESH_LATIN_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Oblique.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf",
)
"""Latin faces the classic suite does not use (those on the machine are drawn from; Droid Sans
Fallback and Noto Mono lack Latin glyphs or digits and would draw empty boxes)."""


def _fresh_fonts() -> tuple[str, ...]:
    return tuple(p for p in FRESH_LATIN_FONTS if Path(p).is_file()) or text_pictures.latin_fonts()


GENERATOR: Final = 2
"""Version of the fresh generator new suites are drawn with (``--suites NAME-g2``). Version 1
(a suite named without ``-g``, as every figure before it) draws a 128 px avatar even when its
longest line does not fit at the 10 px floor, so part of the link, handle or cue runs past the
picture's edge (``Picture.clipped``: a person could not read it either); version 2 draws such
an avatar at 320 px, the fresh suite's other avatar side, and is otherwise the same."""
GENERATORS: Final = (1, GENERATOR)
_AVATAR_MARGIN: Final = 16
"""Widest left margin of a 128 px avatar's text (``render_checked``: 12 px) and the 4 px kept
right of it."""


def _fresh_canvas(
    rng: random.Random, lines: list[str], layout: str, generator: int = 1
) -> tuple[Image.Image, tuple[int, int, int], tuple[int, int, int], str, int]:
    """The fresh suite's canvas: other sizes (128 and 320 px avatars, 750 x 1334 phone
    screenshots, 1280 and 1600 px posters, reduced by the OCR stage), and backgrounds the
    classic suite lacks: gradients, stripes, and a photograph with a panel under the text.
    ``generator`` 2 and later: a 128 px avatar whose text does not fit is drawn at 320 px."""
    background, fill = _contrast_pair(rng)
    latin = rng.choice(_fresh_fonts())
    if layout == "avatar":
        side = rng.choice((128, 320))
        if generator >= 2 and _overflows(lines, 10, side - _AVATAR_MARGIN, latin):
            side = 320
        size = (side, side)
        longest = max(len(line) for line in lines)
        font_size = max(12, min(40, int(side * 0.9 / max(4, longest))))
    elif layout == "screenshot":
        size = (750, 1334)
        font_size = rng.randint(30, 40)
    else:
        size = rng.choice(((1280, 720), (1600, 900), (900, 1200)))
        font_size = rng.randint(40, 72)
    style = rng.choice(("gradient", "stripes", "photo"))
    if style == "photo":
        image = text_pictures.photo(rng.randrange(10**6), size)
    else:
        image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    if style == "gradient":
        other = tuple(min(255, max(0, c + rng.randint(-50, 50))) for c in background)
        for y in range(size[1]):
            t = y / max(1, size[1] - 1)
            shade = tuple(
                round(a * (1 - t) + b * t) for a, b in zip(background, other, strict=True)
            )
            draw.line((0, y, size[0], y), fill=shade)
    elif style == "stripes":
        shade = tuple(min(255, max(0, c + rng.choice((-25, 25)))) for c in background)
        width = rng.randint(6, 30)
        for x in range(-size[1], size[0], 2 * width):
            draw.polygon(
                ((x, 0), (x + width, 0), (x + width + size[1], size[1]), (x + size[1], size[1])),
                fill=shade,
            )
    else:  # a panel under the text, as an app's caption or a sticker
        top = size[1] // 4
        draw.rectangle((0, top, size[0], top + len(lines) * font_size * 2), fill=background)
    return image, background, fill, latin, font_size


def render(
    rng: random.Random, lines: list[str], layout: str, fresh: bool = False, generator: int = 1
) -> Image.Image:
    """One picture of ``lines`` in ``layout``, with a random font, size, colours, background,
    rotation and, for posters, a patterned background (``fresh``: see ``_fresh_canvas``, drawn
    by version ``generator`` of it)."""
    return render_checked(rng, lines, layout, fresh, generator)[0]


def render_checked(
    rng: random.Random, lines: list[str], layout: str, fresh: bool = False, generator: int = 1
) -> tuple[Image.Image, list[str]]:
    """``render``, and the lines that run past the picture's right edge (worked out without
    drawing from ``rng``, so the pictures are the same)."""
    if fresh:
        image, background, fill, latin, font_size = _fresh_canvas(rng, lines, layout, generator)
        size = image.size
    else:
        background, fill = _contrast_pair(rng)
        latin = rng.choice(text_pictures.latin_fonts())
        if layout == "avatar":
            side = rng.choice((160, 200, 256))
            size = (side, side)
            longest = max(len(line) for line in lines)
            font_size = max(12, min(30, int(side * 0.9 / max(4, longest))))
        elif layout == "screenshot":
            size = (rng.choice((360, 414)), rng.choice((640, 720)))
            font_size = rng.randint(16, 24)
        else:
            size = (rng.choice((640, 800, 1024)), rng.choice((480, 600, 768)))
            font_size = rng.randint(26, 48)
        image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    if layout == "poster" and not fresh and rng.random() < 0.5:
        for _ in range(rng.randint(2, 5)):  # decorative shapes behind the text
            x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(30, 120)
            shade = tuple(min(255, max(0, c + rng.randint(-40, 40))) for c in background)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    if layout == "screenshot":  # chat bubbles and a header bar
        draw.rectangle((0, 0, size[0], 48), fill=tuple(max(0, c - 30) for c in background))
        draw_line = text_pictures.draw_line
        draw_line(draw, (12, 12), "Chat", size=36 if fresh else 18, fill=fill, latin=latin)
    top = size[1] // 4 if fresh else rng.randint(8, max(9, size[1] // 3))
    left = rng.randint(6, max(7, size[0] // 10))
    font_size = _fitting(lines, font_size, size[0] - left - 4, latin)
    clipped = [line for line in lines if _overflows([line], font_size, size[0] - left, latin)]
    for line in lines:
        text_pictures.draw_line(draw, (left, top), line, size=font_size, fill=fill, latin=latin)
        top += int(font_size * rng.uniform(1.3, 1.8))
    if rng.random() < 0.6:
        turn = Image.Resampling.BICUBIC
        image = image.rotate(rng.uniform(-4, 4), expand=True, fillcolor=background, resample=turn)
    if rng.random() < 0.3:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    return image, clipped


def _holds_part(line: str, expected: str) -> bool:
    """Whether ``line`` holds three characters or more of ``expected`` in a row (a line of the
    link or handle, or of a host split over two lines)."""
    line = line.lower().replace(" ", "")
    expected = expected.lower()
    return any(expected[i : i + 3] in line for i in range(max(0, len(expected) - 2)))


def _overflows(lines: list[str], font_size: int, width: int, latin: str) -> bool:
    """Whether a line at ``font_size`` is wider than ``width`` (``_fitting`` stops at 10 px)."""
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    return any(
        text_pictures.draw_line(scratch, (0, 0), line, size=font_size, latin=latin) > width
        for line in lines
    )


def _fitting(lines: list[str], font_size: int, width: int, latin: str) -> int:
    """The largest size up to ``font_size`` at which every line fits ``width`` (text cut off
    by the picture's edge is not in the picture, so it would not be a fair miss)."""
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    while font_size > 10 and any(
        text_pictures.draw_line(scratch, (0, 0), line, size=font_size, latin=latin) > width
        for line in lines
    ):
        font_size -= 2
    return font_size


def _jpeg(image: Image.Image, rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=rng.randint(60, 92))
    return buffer.getvalue()


FRESH_BENIGN_LINES = (
    ["Order 4471 has shipped", "Track it in the app"],
    ["Room 301, third floor", "Lift is on the left"],
    ["会员日 满100减20", "详情请咨询店员"],
    ["Call me at noon", "Love, Mum"],
    ["今天天气很好 适合出游", "公园门口见"],
)


def suite(
    hosts: list[str],
    count: int,
    benign: int,
    photos: int,
    seed: int = 17,
    *,
    fresh: bool = False,
    generator: int = 1,
) -> list[Picture]:
    """``count`` spam pictures cycling through the families and layouts, ``benign`` pictures
    of ordinary text, ``photos`` textless ones. ``fresh`` draws the fresh suite (its families,
    fonts, sizes and backgrounds) with version ``generator`` of its canvas (``GENERATOR``: a
    suite named ``-g2``); the classic one is unchanged byte for byte, and so is version 1."""
    if generator not in GENERATORS:
        raise ValueError(f"no generator version {generator}")
    rng = random.Random(seed)
    chinese = text_pictures.cjk_font() is not None
    held_out = {HOLDOUT_SEED: "holdout", NEW_HOLDOUT_SEED: "holdout97", 43: "fresh"}
    name = held_out.get(seed, f"holdout{seed}") if fresh else "classic"
    if fresh and generator > 1:
        name += f"-g{generator}"
    families = [
        f for f in (FRESH_FAMILIES if fresh else SPAM_FAMILIES) if chinese or f[:3] == "en_"
    ]
    out = []
    for n in range(count):
        family = families[n % len(families)]
        layout = LAYOUTS[(n // len(families)) % len(LAYOUTS)]
        host, handle = hosts[n % len(hosts)], _handle(rng)
        if family == "zh_qq":
            handle = str(rng.randint(10**7, 10**10 - 1))
        lines = _spam_lines(rng, host, handle, family)
        expected, kind = (handle, "handle") if family in HANDLE_FAMILIES else (host, "host")
        image, overflowing = render_checked(rng, lines, layout, fresh, generator)
        clipped = any(_holds_part(line, expected) for line in overflowing)
        data = _jpeg(image, rng)
        out.append(Picture(family, layout, data, expected, kind, clipped, name))
    plain = [
        lines
        for lines in BENIGN_LINES + (FRESH_BENIGN_LINES if fresh else ())
        if chinese or lines[0].isascii()
    ]
    for n in range(benign):
        layout = LAYOUTS[n % len(LAYOUTS)]
        image = render(rng, list(plain[n % len(plain)]), layout, fresh, generator)
        out.append(Picture("benign_text", layout, _jpeg(image, rng), "", "benign", suite=name))
    for n in range(photos):
        side = rng.choice(((480, 360), (1024, 768), (256, 256)))
        image = text_pictures.photo(seed * 1000 + n, side)
        out.append(Picture("photo", "photo", _jpeg(image, rng), "", "photo", suite=name))
    return out


_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "_": None, " ": None})


def confusable_key(ident: str) -> str:
    """An id with the glyphs OCR confuses in a random id (``0``/``o``, ``1``/``l``/``i``, a lost
    or spaced underscore) made one: for the second, looser handle figure only."""
    return ident.lower().translate(_CONFUSABLE)


def _found_by_bastion(
    result: Any, picture: Picture, *, loose: bool = False, sure: bool = False
) -> bool:
    """Whether the scan found the picture's host or handle (``loose``: up to confusables;
    ``sure``: by a handle not flagged ``ocr_unsure``, one the recogniser read one way only)."""
    for entity in result.entities:
        if sure and "ocr_unsure" in entity.flags:
            continue
        if picture.kind == "host" and picture.expected in (
            entity.registrable_domain,
            entity.host,
            entity.value,
        ):
            return True
        if entity.kind in HANDLE_KINDS and picture.kind == "handle":
            if entity.value.lower() == picture.expected.lower():
                return True
            if loose and confusable_key(entity.value) == confusable_key(picture.expected):
                return True
    return False


def bastion_run(scanner: Any, pictures: list[Picture]) -> dict[str, Any]:
    from bastion.model import ImageInput, Item

    ocr = next(d for d in scanner._images.decoders if d.name == "ocr")
    items = [
        Item(
            id=str(n), surface="post", images=("p.jpg",), image_data=(ImageInput("p.jpg", p.data),)
        )
        for n, p in enumerate(pictures)
    ]
    runs, skips = ocr.runs, ocr.gate_skips
    started, cpu_started = time.perf_counter(), time.process_time()
    results = []
    gated: list[bool] = []
    for item in items:
        before = ocr.runs
        results.append(scanner.scan(item))
        gated.append(ocr.runs == before)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    found: dict[str, list[bool]] = defaultdict(list)
    by_group: dict[str, list[bool]] = defaultdict(list)
    loose: list[bool] = []
    sure: list[bool] = []
    unsure: list[bool] = []
    readings: list[int] = []
    allowed_listed = 0
    guessed = 0
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    visible: list[bool] = []
    for picture, result in zip(pictures, results, strict=True):
        verdicts[picture.kind][result.verdict] += 1
        if picture.kind in ("host", "handle"):
            hit = _found_by_bastion(result, picture)
            found[picture.family].append(hit)
            if not picture.clipped:
                visible.append(hit)
            by_group[picture.group].append(hit)
            if picture.kind == "handle":
                loose.append(_found_by_bastion(result, picture, loose=True))
                sure.append(_found_by_bastion(result, picture, sure=True))
                handles = [e for e in result.entities if e.kind in HANDLE_KINDS]
                readings.append(len(handles))
                unsure.append(any("ocr_unsure" in e.flags for e in handles))
            if not hit:
                misses.append(_described(picture, result))
            elif any(
                "ocr_guess" in e.flags and picture.expected in (e.registrable_domain, e.host)
                for e in result.entities
            ):
                guessed += 1
            if picture.kind == "host" and result.verdict == "allow":
                allowed_listed += 1
        elif picture.kind == "benign" and result.verdict != "allow":
            misses.append(_described(picture, result))
    spam = [ok for hits in found.values() for ok in hits]
    benign = verdicts["benign"]
    photos = [s for p, s in zip(pictures, gated, strict=True) if p.kind == "photo"]
    texts = [s for p, s in zip(pictures, gated, strict=True) if p.kind != "photo"]
    return {
        "found": round(sum(spam) / max(1, len(spam)), 4),
        "found_links": _share(found, lambda f: f not in HANDLE_FAMILIES),
        "found_handles": _share(found, lambda f: f in HANDLE_FAMILIES),
        "found_visible": round(sum(visible) / max(1, len(visible)), 4),
        "clipped_pictures": len(spam) - len(visible),
        "found_handles_up_to_confusables": round(sum(loose) / max(1, len(loose)), 4),
        "found_handles_read_one_way": round(sum(sure) / max(1, len(sure)), 4),
        "handle_pictures_unsure": round(sum(unsure) / max(1, len(unsure)), 4),
        "handle_readings_per_picture": round(sum(readings) / max(1, len(readings)), 2),
        "found_by_family": {f: round(sum(h) / len(h), 3) for f, h in sorted(found.items())},
        "found_by_group": {
            g: f"{sum(h)}/{len(h)} = {sum(h) / len(h):.3f}" for g, h in sorted(by_group.items())
        },
        "listed_link_items_allowed": allowed_listed,
        "found_through_an_ocr_guess": guessed,
        "benign_act": round(benign["act"] / max(1, sum(benign.values())), 4),
        "benign_review": round(benign["review"] / max(1, sum(benign.values())), 4),
        "photos_acted_on": verdicts["photo"]["act"],
        "images_per_s": round(len(items) / wall, 2),
        "images_per_cpu_s": round(len(items) / max(cpu, 1e-9), 2),
        "gate_skip_rate_photos": round(sum(photos) / max(1, len(photos)), 4),
        "gate_skip_rate_text_pictures": round(sum(texts) / max(1, len(texts)), 4),
        "ocr_runs": ocr.runs - runs,
        "gate_skips": ocr.gate_skips - skips,
        "misses": misses[:60],
    }


def _described(picture: Picture, result: Any) -> dict[str, Any]:
    """A miss (or a benign picture not allowed) as the scan saw it, for reading."""
    return {
        "suite": picture.suite,
        "clipped": picture.clipped,
        "family": picture.family,
        "layout": picture.layout,
        "expected": picture.expected,
        "verdict": result.verdict,
        "lines": [
            f"{c.text} ({c.score})" for r in result.images for c in r.codes if c.decoder == "ocr"
        ],
        "entities": [(e.kind, e.value, e.flags) for e in result.entities],
    }


def _share(found: dict[str, list[bool]], keep: Callable[[str], bool]) -> float:
    hits = [ok for family, h in found.items() if keep(family) for ok in h]
    return round(sum(hits) / max(1, len(hits)), 4)


def peer_run(pictures: list[Picture]) -> dict[str, Any]:
    """RapidOCR with its defaults on every picture, then ``expected in joined text``."""
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    found: dict[str, list[bool]] = defaultdict(list)
    by_group: dict[str, list[bool]] = defaultdict(list)
    loose: list[bool] = []
    visible: list[bool] = []
    benign_hits = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for picture in pictures:
        image = np.asarray(Image.open(io.BytesIO(picture.data)).convert("RGB"))[:, :, ::-1]
        lines, _ = engine(np.ascontiguousarray(image))
        text = "\n".join(str(line[1]) for line in lines or ()).lower()
        if picture.kind in ("host", "handle"):
            hit = picture.expected.lower() in text
            found[picture.family].append(hit)
            if not picture.clipped:
                visible.append(hit)
            by_group[picture.group].append(hit)
            if picture.kind == "handle":
                loose.append(confusable_key(picture.expected) in confusable_key(text))
        elif picture.kind == "benign" and any(tld in text for tld in (".com", ".net", "@")):
            benign_hits += 1
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    spam = [ok for hits in found.values() for ok in hits]
    return {
        "found": round(sum(spam) / max(1, len(spam)), 4),
        "found_links": _share(found, lambda f: f not in HANDLE_FAMILIES),
        "found_handles": _share(found, lambda f: f in HANDLE_FAMILIES),
        "found_visible": round(sum(visible) / max(1, len(visible)), 4),
        "found_handles_up_to_confusables": round(sum(loose) / max(1, len(loose)), 4),
        "found_by_family": {f: round(sum(h) / len(h), 3) for f, h in sorted(found.items())},
        "found_by_group": {
            g: f"{sum(h)}/{len(h)} = {sum(h) / len(h):.3f}" for g, h in sorted(by_group.items())
        },
        "images_per_s": round(len(pictures) / wall, 2),
        "images_per_cpu_s": round(len(pictures) / max(cpu, 1e-9), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--images", type=int, default=120, help="pictures with a link or handle")
    parser.add_argument("--benign", type=int, default=100, help="pictures of ordinary text")
    parser.add_argument("--photos", type=int, default=40, help="pictures with no text")
    parser.add_argument("--fresh-images", type=int, default=150, help="fresh suite, spam")
    parser.add_argument("--fresh-benign", type=int, default=60, help="fresh suite, ordinary text")
    parser.add_argument("--holdout-images", type=int, default=150, help="held-out suite, spam")
    parser.add_argument("--holdout-benign", type=int, default=60, help="held-out, ordinary text")
    parser.add_argument("--holdout97-images", type=int, default=150, help="second held-out, spam")
    parser.add_argument("--holdout97-benign", type=int, default=60, help="second, ordinary text")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument(
        "--seed",
        type=int,
        action="append",
        default=[],
        help="another held-out suite: the fresh generator on this seed (suite holdout<SEED>)",
    )
    parser.add_argument(
        "--suites",
        default="",
        help="comma-separated suites to run (classic,fresh,holdout,holdout97,holdout<SEED>; "
        "a -g2 suffix draws a fresh suite with generator version 2); all",
    )
    parser.add_argument("--out", default="images_ocr", help="result name under bench/results")
    parser.add_argument("--peer-suites", default="", help="comma-separated suites the peer runs on")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    hosts = listed_hosts(data, 400)
    seeds = {"fresh": 43, "holdout": HOLDOUT_SEED, "holdout97": NEW_HOLDOUT_SEED}
    seeds.update({f"holdout{seed}": seed for seed in args.seed})
    counts = {
        "fresh": (args.fresh_images, args.fresh_benign),
        "holdout": (args.holdout_images, args.holdout_benign),
        "holdout97": (args.holdout97_images, args.holdout97_benign),
    }
    wanted = args.suites.split(",") if args.suites else ["classic", *seeds]
    suites = {}
    for name in wanted:
        base, _, version = name.partition("-g")
        if base == "classic" and not version:
            suites["classic"] = suite(hosts, args.images, args.benign, args.photos)
        elif base in seeds and (not version or version.isdigit()):
            spam, plain = counts.get(base, (args.holdout_images, args.holdout_benign))
            generator = int(version or 1)
            suites[name] = suite(
                hosts, spam, plain, 0, seed=seeds[base], fresh=True, generator=generator
            )
        else:
            parser.error(f"unknown suite {name} (add --seed N for holdout<N>)")
    result: dict[str, Any] = {
        "images": {name: len(pictures) for name, pictures in suites.items()},
        "by_kind": {
            name: dict(Counter(p.kind for p in pictures)) for name, pictures in suites.items()
        },
        "chinese": text_pictures.cjk_font() is not None,
        "cjk_font": text_pictures.cjk_font(),
        "load_before": list(os.getloadavg()),
    }
    with one_core() as cpu:
        result["cpu"] = cpu
        scanner.scan({"id": "warm", "text": "warm up"})
        for name, pictures in suites.items():
            if not pictures:
                continue
            result[f"bastion_{name}"] = bastion_run(scanner, pictures)
            peer_wanted = not args.peer_suites or name in args.peer_suites.split(",")
            if not args.no_peer and peer_wanted:
                result[f"peer_rapidocr_substring_{name}"] = peer_run(pictures)
    result["load_after"] = list(os.getloadavg())
    result["bars"] = {}
    for name in suites:
        ours = result.get(f"bastion_{name}")
        if ours:
            result["bars"][f"{name}_links"] = ours["found_links"] >= BAR_FOUND
            result["bars"][f"{name}_handles"] = ours["found_handles"] >= BAR_FOUND
            result["bars"][f"{name}_benign_act"] = ours["benign_act"] <= BAR_BENIGN_ACT
    result["bar_met"] = all(result["bars"].values())
    given = sys.argv[1:] if argv is None else argv
    result["command"] = "python -m bench.images_ocr " + " ".join(given)
    path = common.write_result(args.out, result)
    print(
        f"{'reader':40} {'found':>7} {'links':>7} {'handles':>8} {'~conf':>7} {'images/s':>9} "
        f"{'per CPU s':>9}"
    )
    for key in sorted(k for k in result if k.startswith(("bastion_", "peer_"))):
        figures = result[key]
        print(
            f"{key:40} {figures['found']:>7.2%} {figures['found_links']:>7.2%} "
            f"{figures['found_handles']:>8.2%} {figures['found_handles_up_to_confusables']:>7.2%} "
            f"{figures['images_per_s']:>9.2f} {figures['images_per_cpu_s']:>9.2f}"
        )
    for name in suites:
        ours = result.get(f"bastion_{name}")
        if not ours:
            continue
        print(f"{name} by group: {ours['found_by_group']}")
        print(
            f"{name}: found {ours['found_visible']:.2%} of the pictures whose text fits "
            f"({ours['clipped_pictures']} with text past the edge left out)"
        )
        print(
            f"{name}: handles found read one way {ours['found_handles_read_one_way']:.2%}, "
            f"handle pictures unsure {ours['handle_pictures_unsure']:.2%}, "
            f"handles reported per handle picture {ours['handle_readings_per_picture']}"
        )
        print(
            f"{name}: benign act {ours['benign_act']:.2%}, review {ours['benign_review']:.2%}; "
            f"listed-link pictures allowed {ours['listed_link_items_allowed']}; gate skipped "
            f"{ours['gate_skip_rate_photos']:.0%} of photos, "
            f"{ours['gate_skip_rate_text_pictures']:.1%} of text pictures"
        )
    print(f"load {result['load_before'][0]:.2f} -> {result['load_after'][0]:.2f}")
    print(f"bars: {result['bars']} -> {path}")
    return 1 if args.strict and not result["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
