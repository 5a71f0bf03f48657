"""Disguises a careful reader undoes without guessing (red team 5's character and reading
families), each tested on its own wording and hosts of the sinfonietta gambling list: found and
acted on, with no other host; and the wrong hosts the same texts used to give.
"""

from __future__ import annotations

import idna
import pytest

from bastion import Item, Scanner
from bastion.extract import has_candidates
from tests.support.readings import hosts_read


def scanned(scanner: Scanner, text: str) -> tuple[list[str], str]:
    result = scanner.scan(Item(id="class", text=text, surface="post"))
    hosts = [e.registrable_domain or e.host for e in result.entities if e.host]
    return hosts, result.verdict


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # each label reversed in place, the message says so
        ("最新地址 murtnec-ottol.moc（每一段都倒着读）", "lotto-centrum.com"),
        ("our mirror is 8211teb.moc - read every label in reverse", "bet1128.com"),
        ("ｔｏｏｌｖ．ｏｉ (each part backwards)", "vloot.io"),
        ("每段倒着读：777etag.moc 注册送彩金", "gate777.com"),
        # one symbol between the characters, the dot spelled between two of them
        ("m/a/r/s/b/e/t/4/0/0/点/c/o/m", "marsbet400.com"),
        ("官网 g~a~t~e~7~7~7~点~c~o~m（去掉波浪线）", "gate777.com"),
        ("c/s/g/o/-/s/a/l/o/o/n/點/c/o/m 送皮肤", "csgo-saloon.com"),
        ("i/b/e/t/7/8/9/点/c/o/m (drop the slashes)", "ibet789.com"),
        # each letter followed by its sound in brackets, the dot by its pinyin
        ("福利 m(艾姆)a(诶)n(恩)s(艾斯)i(爱)o(欧)n(恩)88点(dian)com 速来", "mansion88.com"),
        ("g(吉)g(吉)点(dian)bet", "gg.bet"),
        # parenthesized digits and letters (NFKC gives ``(1)``): the digits stay in the name
        ("⑴⑵⒝⒠⒯。⒞⒪⒨", "12bet.com"),
        ("玩 ⑽⒝⒠⒯．⒞⒪⒨", "10bet.com"),
        # a count word starts the spoken digits; a word of the sentence before them is a guess
        ("triple seven dot com (no spaces)", "777.com"),
        ("hot picks daily one zero bet dot com (no spaces)", "10bet.com"),
        # digits in brackets glued into a name are the name's, not an aside
        ("gate(777).com", "gate777.com"),
        ("官网 ibet(789)。com", "ibet789.com"),
        # a search for the host: the first result is the site
        ("百度一下 https://www.baidu.com/s?wd=gate777点com 第一个就是", "baidu.com"),
        ("https://duckduckgo.com/?q=vloot.io&ia=web", "duckduckgo.com"),
        # a masked character where the name starts or before a hyphen: every filling is tried
        ("官网 ?ate777.com（?号自己猜）", "gate777.com"),
        ("new csg*-saloon.com (guess the *)", "csgo-saloon.com"),
    ],
)
def test_the_host_is_found_and_acted_on(scanner: Scanner, text: str, host: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == [host]
    assert verdict == "act"


def test_a_searched_host_lends_its_listing_to_the_search_link(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="q", text="https://www.bing.com/search?q=ibet789.com"))
    [entity] = result.entities
    assert "redirect_target" in entity.flags and entity.categories == ["gambling"]


@pytest.mark.parametrize(
    "text",
    [
        "https://www.google.com/search?q=how+to+cook+rice",
        "https://www.bing.com/search?q=gate777.com+review",  # more than a host: a question
        "https://www.google.com/search?q=vloot",
    ],
)
def test_a_search_for_other_words_is_not_the_site(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="q", text=text))
    assert result.verdict == "allow"
    assert all("redirect_target" not in e.flags for e in result.entities)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("t/a/i/m/a/n/c/l/u/b/点/a/p/p (remove the slashes)", "taiman.club"),
        ("new mirror avahbranup.ni (each part backwards)", "avahbranup.ni"),
        ("backup site qwzxv.top (each part backwards)", "qwzxv.top"),  # reversed: no host
        ("double nine numbers dot com all one word", "double9numbers.com"),
        ("free spins daily six five one six zero one dot com (no spaces)", "daily651601.com"),
        ("𝐖𝐞𝐂𝐡𝐚𝐭➡️vip_0433", "wechat.vip"),
        ("WhatsApp➡️win_2024 私聊", "whatsapp.win"),
        ("bet(888).com", "bet.com"),
        ("⑶⒯⒳⒳⒳。⒞⒪⒨", "txxx.com"),
        ("资源 １８８[.]1玖𝟐[.]伍④[.]３〇 更新", "188.192.54.3"),
        # a masked first character, a mask before a hyphen: the rest is a piece, no host
        ("官网 *qzxwv.com（*号自己猜）", "qzxwv.com"),
        ("site is qz*-zzqx.club (you can guess the *)", "zzqx.club"),
    ],
)
def test_a_misread_host_is_never_reported(scanner: Scanner, text: str, wrong: str) -> None:
    hosts, _ = scanned(scanner, text)
    assert wrong not in hosts


@pytest.mark.parametrize(
    ("text", "ip"),
    [
        ("服务器 ❶❾❸点𝟏𝟎𝟗点壹叁肆点２２６", "193.109.134.226"),
        ("新地址 𝟗𝟓。贰一六。⓪。四三 复制打开", "95.216.0.43"),
        ("ip 4⑤ dot 一七 dot 四1 dot 壹叁⑧ login", "45.17.41.138"),
        ("资源 １８８[.]1玖𝟐[.]伍④[.]３〇 更新", "188.192.54.30"),
    ],
)
def test_a_dotted_quad_of_mixed_digit_forms_is_one_address(text: str, ip: str) -> None:
    assert ip in hosts_read(text)
    assert has_candidates(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("наш сайт: казино-вулкан 点 рф", "казино-вулкан.рф"),
        ("ค่าสิโน99。com เข้าเลย", "ค่าสิโน99.com"),
        ("lotto-cɑsino 点 net", "lotto-cɑsino.net"),  # IPA alpha: a letter of the name
        ("Official  ñandú-apuestas dot com ", "ñandú-apuestas.com"),
    ],
)
def test_an_internationalised_name_before_a_spelled_dot_is_read_as_written(
    text: str, name: str
) -> None:
    assert idna.encode(name, uts46=True).decode("ascii") in hosts_read(text)
    assert has_candidates(text)


@pytest.mark.parametrize(
    "text",
    [
        "价格 3/4/点/5 元",
        "iPhone(苹果)手机 A(甲)级 好评",
        "each part backwards 3.14 is pi",
        "Café crème。Très bon",
        "版本 v1.2(测试)版",
        "说明见 *readme.md* 和 _config.yml",
    ],
)
def test_benign_text_gives_no_host(scanner: Scanner, text: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == []
    assert verdict == "allow"
