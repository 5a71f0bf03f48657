"""The README's rows for digit forms, code joins, rare full stops, ciphers, decodings and composed
tricks: each example there reads as the row says (the TLD-as-a-country, respelled and "as in"
rows are second readings kept only when listed: ``test_dots_tlds_rt7.py`` holds their examples
against the real list)."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask

README_EXAMPLES = [
    ("we⚀win⚃.com", "domain", "we1win4.com"),
    ("rush🀎🀎🀎.com", "domain", "rush888.com"),
    ("ku〦〡〇〦.net", "domain", "ku6106.net"),
    ("官网 v酒win奌com （数字谐音）", "domain", "v9win.com"),
    ("QQ：〡〧〡〦〇〇 （苏州码子）", "qq", "171600"),
    ("bet(800+88).com", "domain", "bet888.com"),
    ('site = "bet"+"888"+".com"', "domain", "bet888.com"),
    ("WeChat: ['lucky','77'].join('')", "wechat", "lucky77"),
    ("bet888።com", "domain", "bet888.com"),
    ("bet888᠃vip", "domain", "bet888.vip"),
    ("bet888奌com", "domain", "bet888.com"),
    ("联系Telegram：@dvnakvnb4796（ROT13）", "telegram", "qianxiao4796"),
    ("（A=1 … Z=26）看 2-9-5-12-5-18-20.de", "domain", "bielert.de"),
    ("登录2 555 555 33 6 999 . com（九宫格按键）", "domain", "allemy.com"),
    ("-... . - ---.. ---.. ---.. .-.-.- -.-. --- -- (morse code)", "domain", "bet888.com"),
    ("进k8win占+灬com看", "domain", "k8win.com"),
    ("=?UTF-8?B?dmlzaXQgdncxMDkuY29t?=", "domain", "vw109.com"),
    ("TG =?UTF-8?Q?t=2Eme=2Fhaoyun9594?=", "telegram", "haoyun9594"),
    ("t.me/%66%61%5F%73%77%65%65%74", "telegram", "fa_sweet"),
    ("hex: 70 6c 61 6e 65 74 2e 6f 72 67", "domain", "planet.org"),
    ("奥斯卡、祖鲁、狐步、印迪亚、诺文伯 .ru（北约字母取首字母）", "domain", "ozfin.ru"),
    ("vx 基洛 艾可 狐步 尤尼福姆 _ 印迪亚 1 0（北约字母取首字母）", "wechat", "kefu_i10"),
    ("QQ号 BZS33l70", "qq", "82533170"),
    ("QQ no.: 47SZSS5S", "qq", "47525555"),
    ("电话yī liù sì èr sì liù bā bā èr qī yāo", "phone", "16424688271"),
    ("₱ØrnØⱧĐ⚁⚃.₵Ø₥", "domain", "pornohd24.com"),
    ("moɔ።ɒttomoiᴙɒm （镜像字）", "domain", "mariomotta.com"),
    ("moɔ点〨〨〨ᴎiwi （镜像字）（苏州码子）", "domain", "iwin888.com"),
    ("sping〣〦〩᙮club", "domain", "sping369.club"),
    ("noꞃꞇhꝼiꝼꞇeen.com", "domain", "northfifteen.com"),
    ("⊤op9∩ha⊂ai.⊤op", "domain", "top9nhacai.top"),
    ("emcœngineering∙com", "domain", "emcoengineering.com"),
    ("btcconcreteॱnet", "domain", "btcconcrete.net"),
    ("green bubble app sisifortune026", "wechat", "sisifortune026"),
    ("Atbash：a换z，b换y：ofxpbhkrm.xln", "domain", "luckyspin.com"),
    ("键盘上每个键都往右错了一位：;ivlu[om/vp,", "domain", "luckypin.com"),
    ("w99u3.com（数字都加了1，自己减回去）", "domain", "w88u2.com"),
    ("ꞅpin𝍧𝍥.com（算筹数字）", "domain", "spin86.com"),
    (
        "em ay ex four oh dee ay ess dot com (spelled out letter by letter)",
        "domain",
        "max4odas.com",
    ),
    ('=CONCAT("luck";"yspin";".top")', "domain", "luckyspin.top"),
]


def test_readme_ligature_in_an_idn_label_is_withheld() -> None:
    found = extract_entities(unmask("blåbær.dk", weak=True), prose_like=True)
    assert found, found
    assert all("withheld" in e.flags for e in found), found


@pytest.mark.parametrize(("text", "kind", "value"), README_EXAMPLES)
def test_readme_example_reads_as_the_row_says(text: str, kind: str, value: str) -> None:
    found = [
        (e.kind, e.value)
        for e in extract_entities(unmask(text, weak=True), prose_like=True)
        if "withheld" not in e.flags
    ]
    assert found == [(kind, value)]


def test_a_guessed_ascii_dot_is_no_dot_in_english_contractions() -> None:
    found = extract_entities(unmask("you're right, we've won", weak=True), prose_like=True)
    assert [e.value for e in found] == []
