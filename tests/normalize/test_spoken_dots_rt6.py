"""Dots and top-level domains said in words (red team 6): the word for "dot" in more languages
and romanisations, 点 by its homophones, with a measure word or as erhua, and look-alike letters
in the TLD. Each is tested on its own wording with hosts of the sinfonietta gambling list: found
and acted on, with no other host; and the wrong hosts the same texts used to give.
"""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from bastion.extract import has_candidates


def scanned(scanner: Scanner, text: str) -> tuple[list[str], str]:
    result = scanner.scan(Item(id="spoken", text=text, surface="post"))
    hosts = [e.registrable_domain or e.host for e in result.entities if e.host]
    return hosts, result.verdict


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # the word for "dot" in more languages, spaced, bracketed or glued in brackets
        ("new link: gate777 nöqtə com", "gate777.com"),
        ("hot videos -> ibet789 (крапка) com", "ibet789.com"),
        ("new link: ibet789[punkts]com", "ibet789.com"),
        ("new link: gate777 (ចុច) com", "gate777.com"),
        ("play at marsbet400 taškas com", "marsbet400.com"),
        ("claim today 10bet (ponc) com", "10bet.com"),
        ("only real ones know nikebet წერტილი net", "nikebet.net"),
        ("visit leonbets кропка net", "leonbets.net"),
        ("topwin [புள்ளி] cc", "topwin.cc"),
        ("gate777 tačka com", "gate777.com"),
        # 点 romanised: Min Nan, Wade-Giles, Cantonese, with or without the tone
        ("官網 gate777 tiǎn com", "gate777.com"),
        ("ibet789 tien3 com 加入會員", "ibet789.com"),
        ("來 marsbet400 tiam2 com 報名", "marsbet400.com"),
        ("新網址係 klik4d dim2 top，記得收藏", "klik4d.top"),
        ("入ibet789 dim com搵我哋，送你彩金", "ibet789.com"),
        ("gate777 啲 com 嗰度好多嘢睇", "gate777.com"),
        ("上gate777點(dim)com睇下啦", "gate777.com"),
        ("topplay dyen cc 加入會員", "topplay.cc"),
        # 点 with a measure word, as erhua, or small
        ("想看的都在gate777 加个点 com，懂的来", "gate777.com"),
        ("防走失网址 ibet789 中间一个点 com 每日更新", "ibet789.com"),
        ("官网marsbet400 點兒 com 注册就送88元", "marsbet400.com"),
        ("老铁们，leonbets 小點 net 今晚开奖", "leonbets.net"),
        ("gate777 加個點 com", "gate777.com"),
        # characters read dian for 点
        ("gate777掂com 首充百分百返还", "gate777.com"),
        ("老铁们，klik4d傎top 今晚开奖", "klik4d.top"),
        ("最新地址：ibet789钿com 懂的都懂", "ibet789.com"),
        ("csgopot癫win（谐音）", "csgopot.win"),
        ("官網 marsbet400顛com", "marsbet400.com"),
        # Cyrillic look-alikes in the TLD, after a plain or an ideographic dot
        ("官网ibet789.сом 注册就送88元", "ibet789.com"),
        ("老铁们，gate777。cом 今晚开奖", "gate777.com"),
        ("官网ｇａｔｅ７７７點сом 注册", "gate777.com"),
        ("最新 klik4d。тор 收藏", "klik4d.top"),
        # symbols drawn as the TLD's letters
        ("taiv8 gate777.c°m 首充百分百返还", "gate777.com"),
        ("claim your bonus today ibet789.<om", "ibet789.com"),
        ("老铁们，gate777.(om 今晚开奖", "gate777.com"),
        ("想看的都在marsbet400.c()m，懂的来", "marsbet400.com"),
        ("想看的都在10bet.¢om，懂的来", "10bet.com"),
        ("leonbets.n€t", "leonbets.net"),
        ("nikebet.ne† 注册", "nikebet.net"),
        ("topwin.¢c", "topwin.cc"),
        ("gate777.(com)", "gate777.com"),
        # the TLD said aloud after a dot: pinyin, Chinese, Korean, katakana, letter names
        ("最新地址：gate777 DIAN KANGMU，收藏不迷路", "gate777.com"),
        ("老铁们，ibet789 diǎn kāng mǔ 今晚开奖", "ibet789.com"),
        ("官网marsbet400 dian kang1 mu3 注册就送", "marsbet400.com"),
        ("leonbets 点 nai te 注册", "leonbets.net"),
        ("klik4d dian tuo-pu", "klik4d.top"),
        ("ibet789點康母 首充百分百返还", "ibet789.com"),
        ("topwin点西西", "topwin.cc"),
        ("gate777典康姆 首充", "gate777.com"),
        ("가입하면 보너스 gate777닷컴 에서 확인하세요", "gate777.com"),
        ("지금 바로 jagobetting닷오알지 에서 확인하세요", "jagobetting.org"),
        ("nikebet 닷 넷 에서", "nikebet.net"),
        ("今すぐ登録 ibet789ドットコム まで", "ibet789.com"),
        ("詳しくはleonbetsドットネット まで", "leonbets.net"),
        ("gate777どっとこむ まで", "gate777.com"),
        ("leonbets ドット ネット", "leonbets.net"),
        ("gate777 dot see oh em <- ending spelled letter by letter", "gate777.com"),
        ("go to marsbet400 dot see-oh-em (spell the ending out)", "marsbet400.com"),
        ("site is nikebet dot en ee tee, type the letters", "nikebet.net"),
        ("topplay dot see cee", "topplay.cc"),
        ("csgopot DOT DOUBLE-YOU EYE EN", "csgopot.win"),
        # a prose word for the dot is one in brackets
        ("support desk moved to gate777[pika]com, log in there", "gate777.com"),
        ("new link: ibet789 (pika) com", "ibet789.com"),
        ("gate777 (dim) com", "gate777.com"),
        # look-alike TLD after a dot set apart
        ("claim your bonus today ibet789 . сом", "ibet789.com"),
        ("gate777 (dot) сом 首充百分百返还", "gate777.com"),
        ("最新地址：ibet789 丶 сом，收藏不迷路", "ibet789.com"),
        # the dot word glued in a username, in capitals or with the TLD shouted
        ("GATE777DOTCOM", "gate777.com"),
        ("NIKEBETDOTNET", "nikebet.net"),
        ("csgopotDotWIN", "csgopot.win"),
        ("topwinDotCC", "topwin.cc"),
        # the labels swapped, and the message says so
        ("最新地址：vip.casinoonline88（前后两段调换一下），收藏不迷路", "casinoonline88.vip"),
        ("想看的都在com.gate777（前后两段调换一下），懂的来", "gate777.com"),
        ("new link: com . ibet789 (swap the two halves around the dot)", "ibet789.com"),
        ("net.leonbets - read it the other way round", "leonbets.net"),
        ("官網 com點marsbet400 前後對調", "marsbet400.com"),
        # the dot's place counted from the end of the name
        ("最新地址：gate777com （最后3个字母前面加个点），收藏不迷路", "gate777.com"),
        ("Join now at klik4dtop (put a dot before the last 3 letters)", "klik4d.top"),
        ("csgopotwin - add a dot before the final three letters", "csgopot.win"),
        ("官網 ibet789com（最後三個字母前面加點）", "ibet789.com"),
        ("topwincc, insert a dot before the last 2 characters", "topwin.cc"),
        # a letter of the TLD masked out: every filling is tried, only a listed host counts
        ("Join now at ibet789 dot c*m and get 100 free spins", "ibet789.com"),
        ("hot videos every night -> gate777 dot c🙈m", "gate777.com"),
        ("new link: nikebet dot n_t", "nikebet.net"),
        ("marsbet400.c?m 注册", "marsbet400.com"),
        ("klik4d 点 t*p", "klik4d.top"),
    ],
)
def test_the_host_is_found_and_acted_on(scanner: Scanner, text: str, host: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == [host]
    assert verdict == "act"
    assert has_candidates(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("上ibet789 dim2 com睇下啦", "dim2.com"),
        ("官網 gate777 tien3 com", "tien3.com"),
        ("官網 gate777 tiam2 com", "tiam2.com"),
        ("claim your bonus today gate777.<om", "gate777.om"),
        ("老铁们，ibet789.(om 今晚开奖", "ibet789.om"),
    ],
)
def test_a_dot_word_or_symbol_gives_no_other_host(scanner: Scanner, text: str, wrong: str) -> None:
    hosts, _ = scanned(scanner, text)
    assert wrong not in hosts


@pytest.mark.parametrize(
    "text",
    [
        "the lights went dim in the hall",
        "carpe diem my friends",
        "khong co tien co gi dau",
        "anh tien me lam roi",
        "呢個app啲design好靚",
        "我哋啲 app 好用",
        "点儿都唔好笑 ok",
        "他有点儿累了, ok?",
        "it was 1.5€ net, v2.5° cooler",
        "我是西西。西西很开心",
        "polka dot see you there",
        "닷컴 버블 시대",
        "I LOVE THE DOTCOM ERA",
        "the lights (dim) on",
        "Я люблю . сом",
        "thanks. *hug* see you",
        "com.example swap the two halves",
        "I will swap the parts later, ok?",
    ],
)
def test_prose_with_the_words_stays_clean(scanner: Scanner, text: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == []
    assert verdict == "allow"
