"""URLs, bare domains, IP addresses, e-mail and deep links: values, exact spans, negatives."""

from __future__ import annotations

import itertools

import pytest

from bastion.extract import find_entities
from tests.extract.conftest import found, kinds_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "visit http://Bet888.com/reg?code=1).",
            [("url", "http://Bet888.com/reg?code=1", (6, 34), "http://Bet888.com/reg?code=1")],
        ),
        (
            "HTTPS://bet888.com/a, ok",
            [("url", "https://bet888.com/a", (0, 20), "HTTPS://bet888.com/a")],
        ),
        (
            "see (https://en.wikipedia.org/wiki/Foo_(bar)) now",
            [
                (
                    "url",
                    "https://en.wikipedia.org/wiki/Foo_(bar)",
                    (5, 44),
                    "https://en.wikipedia.org/wiki/Foo_(bar)",
                )
            ],
        ),
        ("官网http://bet888.com注册", [("url", "http://bet888.com", (2, 19), "http://bet888.com")]),
        (
            "点击 https://t.cn/RxyZab。",
            [("url", "https://t.cn/RxyZab", (3, 22), "https://t.cn/RxyZab")],
        ),
        ("go to www.bet888.com.", [("url", "www.bet888.com", (6, 20), "www.bet888.com")]),
        (
            "注册 bet888.com/reg?code=1，送彩金",
            [("url", "bet888.com/reg?code=1", (3, 24), "bet888.com/reg?code=1")],
        ),
        (
            "ftp://files.example.org/x.zip",
            [("url", "ftp://files.example.org/x.zip", (0, 29), "ftp://files.example.org/x.zip")],
        ),
        ("“http://bet888.com”", [("url", "http://bet888.com", (1, 18), "http://bet888.com")]),
        ("'http://bet888.com/x'", [("url", "http://bet888.com/x", (1, 20), "http://bet888.com/x")]),
    ],
)
def test_urls(text: str, expected: list[tuple[str, str, tuple[int, int], str]]) -> None:
    assert found(text) == expected


def test_url_fields() -> None:
    (entity,) = find_entities("http://paypal.com@EVIL.com:8080/login")
    assert (entity.kind, entity.host, entity.flags) == ("url", "evil.com", ["userinfo"])
    (www,) = find_entities("www.Bet888.com/x")
    assert (www.host, www.flags) == ("www.bet888.com", ["no_scheme"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("官网bet888.com注册", [("domain", "bet888.com", (2, 12), "bet888.com")]),
        ("官网 bet888。com 注册送彩金", [("domain", "bet888.com", (3, 13), "bet888。com")]),
        ("Visit BET888.COM now", [("domain", "bet888.com", (6, 16), "BET888.COM")]),
        ("bet888.com.Hello there", [("domain", "bet888.com", (0, 10), "bet888.com")]),
        ("news at bbc.co.uk today", [("domain", "bbc.co.uk", (8, 17), "bbc.co.uk")]),
        ("bet888 dot com", [("domain", "bet888.com", (0, 14), "bet888 dot com")]),
        ("café.com", [("domain", "café.com", (0, 8), "café.com")]),
        ("xn--caf-dma.com", [("domain", "xn--caf-dma.com", (0, 15), "xn--caf-dma.com")]),
        (
            "run setup.py from http://x.org",
            [
                ("domain", "setup.py", (4, 12), "setup.py"),
                ("url", "http://x.org", (18, 30), "http://x.org"),
            ],
        ),
    ],
)
def test_domains(text: str, expected: list[tuple[str, str, tuple[int, int], str]]) -> None:
    assert found(text) == expected


def test_domain_fields() -> None:
    (entity,) = find_entities("官网 bet888。com")
    assert entity.host == "bet888.com"
    assert entity.flags == ["spelled_dot", "no_scheme"]
    (idn,) = find_entities("see café.com")
    assert idn.host == "xn--caf-dma.com"
    (homoglyph,) = find_entities("ВЕТ888.СОМ")
    assert (homoglyph.value, "homoglyph" in homoglyph.flags) == ("bet888.com", True)


@pytest.mark.parametrize(
    "text",
    [
        "Mr.Smith and Mrs.Jones",
        "e.g. this, i.e. that",
        "pi is 3.14 roughly",
        "open report.pdf and setup.py and README.md",
        "价格¥1,299.00 元",
        "日期2026.11.24 出发",
        "version v1.2.3 and 1.2.3",
        "Hello.World and today.Tomorrow",
        "a.io is short",
        "the file archive.zip",
        "U.S.A. and a.m. and p.m.",
        "time 10:30:45 and ratio 2:1",
        "std::vector and a::b",
        "1.2.3.4.5 is not an address",
        "999.1.1.1 is not an address",
        "我7点到，一点点小事",
        "",
    ],
)
def test_not_hosts(text: str) -> None:
    assert find_entities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IP 192.168.1.1 ok", [("ip", "192.168.1.1", (3, 14), "192.168.1.1")]),
        ("to 0300.0250.0.1", [("ip", "0300.0250.0.1", (3, 16), "0300.0250.0.1")]),
        ("to 0xC0.0xA8.0.1", [("ip", "0xC0.0xA8.0.1", (3, 16), "0xC0.0xA8.0.1")]),
        ("bare [2001:db8::1] here", [("ip", "[2001:db8::1]", (5, 18), "[2001:db8::1]")]),
        ("bare 2001:db8::1 here", [("ip", "2001:db8::1", (5, 16), "2001:db8::1")]),
        ("http://3232235777/x", [("url", "http://3232235777/x", (0, 19), "http://3232235777/x")]),
    ],
)
def test_ips(text: str, expected: list[tuple[str, str, tuple[int, int], str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "host", "flags"),
    [
        ("0300.0250.0.1", "192.168.0.1", ["ip_octal"]),
        ("0xC0.0xA8.0.1", "192.168.0.1", ["ip_hex"]),
        ("http://3232235777/", "192.168.1.1", ["ip_host", "ip_decimal"]),
        ("http://0xC0A80001/", "192.168.0.1", ["ip_host", "ip_hex"]),
        ("http://10.1/", "10.0.0.1", ["ip_host", "ip_short"]),
        ("http://[::1]:8080/a", "::1", ["ip_host"]),
        ("[2001:DB8:0::1]", "2001:db8::1", []),
    ],
)
def test_ip_hosts(text: str, host: str, flags: list[str]) -> None:
    (entity,) = find_entities(text)
    assert (entity.host, entity.flags) == (host, flags)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mail John.Doe@Example.COM now",
            [("email", "john.doe@example.com", (5, 25), "John.Doe@Example.COM")],
        ),
        (
            "联系12345678@qq.com。",  # a QQ mailbox names the QQ number too
            [
                ("email", "12345678@qq.com", (2, 17), "12345678@qq.com"),
                ("qq", "12345678", (2, 10), "12345678"),
            ],
        ),
        ("bob [at] gmail.com", [("email", "bob@gmail.com", (0, 18), "bob [at] gmail.com")]),
        ("x@report.pdf", []),
        ("@weibo_user hi", []),
    ],
)
def test_emails(text: str, expected: list[tuple[str, str, tuple[int, int], str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("打开 weixin://dl/chat?abc 加好友", "weixin://dl/chat?abc"),
        (
            "alipays://platformapi/startapp?appId=20000067",
            "alipays://platformapi/startapp?appId=20000067",
        ),
        ("alipay://x", "alipay://x"),
        # (with a ``uin`` it names a QQ number: tests/extract/test_handle_classes_rt5.py)
        ("mqqapi://card/show_pslcard?version=1", "mqqapi://card/show_pslcard?version=1"),
        ("mqqwpa://im/chat?uin=1", "mqqwpa://im/chat?uin=1"),
        ("openapp.jdmobile://virtual?params=1", "openapp.jdmobile://virtual?params=1"),
        ("snssdk1128://user/profile/1", "snssdk1128://user/profile/1"),
        ("WhatsApp://send?text=hi", "whatsapp://send?text=hi"),
        ("intent://scan/#Intent;scheme=zxing;end", "intent://scan/#Intent;scheme=zxing;end"),
        ("taobao://item.taobao.com/item.htm?id=1", "taobao://item.taobao.com/item.htm?id=1"),
    ],
)
def test_deeplinks(text: str, value: str) -> None:
    assert kinds_values(text) == [("deeplink", value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("t.me/spamchannel", [("telegram", "spamchannel")]),
        ("https://t.me/+AbCdEf123456", [("telegram", "+AbCdEf123456")]),
        ("telegram.me/joinchat/AbCdEf123", [("telegram", "joinchat/AbCdEf123")]),
        ("https://t.me/s/news_chan/12", [("telegram", "news_chan")]),
        ("tg://resolve?domain=spam_bot", [("telegram", "spam_bot")]),
        ("tg://join?invite=abc", [("deeplink", "tg://join?invite=abc")]),
        ("https://wa.me/8613812345678?text=hi", [("whatsapp", "+8613812345678")]),
        (
            "https://api.whatsapp.com/send?phone=+1%20415%20555%202671",
            [("whatsapp", "+14155552671")],
        ),
        ("https://line.me/R/ti/p/@abc123", [("line", "@abc123")]),
        ("line.me/ti/p/~john_doe", [("line", "john_doe")]),
        ("https://line.me/R/ti/p/%40shop01", [("line", "@shop01")]),
        ("https://t.me/", [("url", "https://t.me/")]),
    ],
)
def test_messenger_links_become_handles(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


def test_messenger_link_span_covers_the_link() -> None:
    assert found("加 https://t.me/abc_def 私聊") == [
        ("telegram", "abc_def", (2, 22), "https://t.me/abc_def")
    ]


def test_reading_order_and_no_overlap() -> None:
    text = "mail a@bet.com or http://x.bet.com/p?q=a@b.com and 1.2.3.4"
    entities = find_entities(text)
    assert [e.kind for e in entities] == ["email", "url", "ip"]
    spans = [e.span for e in entities]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("悼念 ttp://t.cn/zWdeAa0 吧", "http://t.cn/zWdeAa0"),
        ("hxxps://evil.com/x", "https://evil.com/x"),
        ("点此abchttp://bet.com", "http://bet.com"),
    ],
)
def test_defanged_and_clipped_schemes(text: str, value: str) -> None:
    (entity,) = find_entities(text)
    assert (entity.kind, entity.value) == ("url", value)


@pytest.mark.parametrize(
    "text",
    [
        "For me the love should start with attraction.i should feel that I need her.love",
        "send you.my mom is out",
        "Howz pain.it will come down today.do as i said",
        "Wife.how she knew",
        "Nice.nice.how is it working?",
    ],
)
def test_sentences_run_together_are_not_domains(text: str) -> None:
    assert find_entities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Log in at icicibank.com now", "icicibank.com"),
        ("visit bet888.love now", "bet888.love"),
        ("read repubblica.it/news", "repubblica.it/news"),
        ("INDYAROCKS.COM to send", "indyarocks.com"),
        ("1stchoice.co.uk and more", "1stchoice.co.uk"),
    ],
)
def test_word_like_domains_that_are_domains(text: str, value: str) -> None:
    assert [e.value for e in find_entities(text)] == [value]


@pytest.mark.parametrize(
    ("text", "kind", "value", "host"),
    [
        ("сайт пример.рф тут", "domain", "пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("kaufen bücher.de jetzt", "domain", "bücher.de", "xn--bcher-kva.de"),
        ("http://пример.рф/путь", "url", "http://пример.рф/путь", "xn--e1afmkfd.xn--p1ai"),
        ("visit bet888.com:8080 now", "url", "bet888.com:8080", "bet888.com"),
    ],
)
def test_idn_and_ports(text: str, kind: str, value: str, host: str) -> None:
    (entity,) = find_entities(text)
    assert (entity.kind, entity.value, entity.host) == (kind, value, host)
