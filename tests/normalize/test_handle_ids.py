"""The fold of ids written in pieces after a messenger cue, and of spoken mobiles."""

from __future__ import annotations

import re

import pytest
import re2

from bastion.normalize import unmask
from bastion.normalize.handle_ids import (
    CUED_GATE,
    SPOKEN_GATE,
    cued_id_pass,
    spoken_mobile_pass,
)
from bastion.normalize.result import Work

FOLDS = [
    ("V：h · a · p · p · y · _ · 0 · 9", "V：happy_09"),
    ("wx：d  u  c  h  a  n  g  2  3  7\ncasino", "wx：duchang237\ncasino"),
    ("加薇 fu❤li❤274960 百家乐", "加薇 fuli274960 百家乐"),
    ("扣扣：九 六 六 四 三 一 四 一", "扣扣：96643141"),
    ("企鹅 四-六-四-八-〇-一-三", "企鹅 4648013"),
    ("加Q 陆3零593肆 同城", "加Q 6305934 同城"),
    ("Q：72-631-185-4", "Q：726311854"),
    ("V\n：\nduchang-2295", "V：duchang-2295"),
    ("加V\nhappy06hk", "加V happy06hk"),
    ("V：a-m-y---3-6-4-9-v-i-p（去掉横线）", "V：amy-3649vip（去掉横线）"),
    ("W h a t s A p p +852", "WhatsApp +852"),
    ("热线幺9幺30两八0八七七", "热线19130280877"),
    ("热线 幺三八 一二三四 五六七八", "热线 13812345678"),
    ("微信：ha去oyun掉88（去掉中文）", "微信：haoyun88（去掉中文）"),
    ("微信：66_nuyoah（倒过来）", "微信：haoyun_66（倒过来）"),
    ("飞机 @ b e t _ 8 8", "飞机 @bet_88"),
    ("电话：幺-八-零-两-5-3-六-4-5-5-六", "电话：18025364556"),
]
UNTOUCHED = [
    "QQ 12345678 2024",
    "QQ群 2024-12-06 更新",
    "扣 1500.50 元",
    "微信 abc123 百家乐",
    "微信：bet888.com",
    "我们两个一起去了五六次",
    "hello world, a b c",
    "加V\nthanks",
    "一二三四五六七八九十",
    "他说：倒过来看 abc123",
    "微信群 去掉中文 标题",
    "1 3 8 1 2 3 4 5 6 7 8",
]


@pytest.mark.parametrize(("text", "folded"), FOLDS)
def test_pieces_after_a_cue_are_joined(text: str, folded: str) -> None:
    result = unmask(text)
    assert result.text == folded
    assert result.tricks and {name for name, _, _ in result.tricks} <= {
        "spaced_letters",
        "cjk_numeral",
        "invisible",
        "defang",
        "bidi",
    }
    start = folded.index(folded.split("：")[-1].split()[-1][:3])
    lo, hi = result.to_original(start, len(folded))
    assert text[lo:hi].strip() and hi <= len(text)


@pytest.mark.parametrize("text", UNTOUCHED)
def test_nothing_away_from_a_cue_or_outside_an_id(text: str) -> None:
    work = Work(text, False)
    cued_id_pass(work)
    spoken_mobile_pass(work)
    assert work.text == text


@pytest.mark.parametrize(("text", "folded"), FOLDS)
def test_the_gates_see_every_fold(text: str, folded: str) -> None:
    """Each pass runs only when its gate matches: the gate must match every text it folds."""
    work = Work(text, False)
    cued_id_pass(work)
    spoken_mobile_pass(work)
    assert work.text == folded
    gates = re2.compile(f"(?:{CUED_GATE})|(?:{SPOKEN_GATE})")
    assert gates.search(text) is not None


_REVERSED_IDS = [
    "微信（倒着输）65579_imnait",
    "V信号反过来：58624ykcul",
    "QQ (read it backwards): 4321987",
    "qq (TYPE IT BACKWARDS): 4321987",
    "wechat (reversed) 98765_olleh",
    "vx反着打：1234abc_d",
    "微信倒序：8899_nauy",
    "Telegram (ENTER THE ID REVERSED): 99_kcul",
]


@pytest.mark.parametrize("text", _REVERSED_IDS)
def test_the_reverse_word_search_finds_every_reverse_instruction(text: str) -> None:
    """``_reversed_after_cue`` looks for cues only in a text where ``_REVERSE_WORD`` occurs: it
    does in every instruction to reverse, so the pass reads such an id as before."""
    from bastion.normalize.handle_ids import _CUE_THEN_REVERSE_RE, _REVERSE_WHOLE, _REVERSE_WORD

    wholes = [m[0] for m in re.finditer(_REVERSE_WHOLE, text)]
    assert wholes
    assert all(_REVERSE_WORD.search(whole) for whole in wholes)
    for m in _CUE_THEN_REVERSE_RE.finditer(text):
        assert _REVERSE_WORD.search(m[0]), m[0]
