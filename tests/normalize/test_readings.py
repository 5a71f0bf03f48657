"""Second readings (bastion.normalize.readings): each reader undoes a class of disguise."""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from bastion.extract import extract_entities, has_candidates
from bastion.extract.rereading import JOINED, REREAD, reread, settle
from bastion.model import Entity
from bastion.normalize import unmask
from bastion.normalize.readings import read_again
from tests.support.readings import hosts_read


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("官网 ɯoɔ˙uʌ8ʞq （倒着看）", "bk8vn.com"),
        ("see ʇǝu˙ǝʇᴉɥʍoʇʞɔɐlq (turn your phone)", "blacktowhite.net"),
        ("老哥们 moc 点 313pd （倒着看） 这个台子", "dp313.com"),
        ("at m o c . 4 2 t e b 9 i (flip it)", "i9bet24.com"),
        ("(two, four, kilo, alpha, romeo, alpha, dot, victor, november)", "24kara.vn"),
        ("(mike - echo - dash - oscar - period - india - oscar)", "me-o.io"),
        ("网址：字母w、w、w，点，字母a、b、c，数字八八，最后点com", "www.abc88.com"),
        ("#cdn2.porn #text #biz (join the tags)", "cdn2.porntext.biz"),
        ("#tubev #dotpro", "tubev.pro"),
        ("join the boxes\n| 7balln | ew | 点 | com |\n|---|---|", "7ballnew.com"),
        ("║ ｓａｎｔａｎ┃ｄｅｒ┃点┃ｐｕｂ ║", "santander.pub"),
        ("tubes\n↑上下两行连起来↓\nex。pro", "tubesex.pro"),
        (
            "[09:25] Lily: 分开发的，连起来\n09:25 Lily：api2.sin8\n"
            "09:25 Lily：8\n09:26 Lily：。com",
            "api2.sin88.com",
        ),
        ("handle: hcomicbook\nbio: same as my handle, ending .com", "hcomicbook.com"),
        ("type rgames in your browser and put .org at the end", "rgames.org"),
        ("go straight to mrmobi then dot com", "mrmobi.com"),
        ("plusdonny (shh) . (don't tell) info", "plusdonny.info"),
        ("https⦅://⦆de⦅.⦆hairyporn⦅.⦆info", "de.hairyporn.info"),
        ("www﹙点﹚vg770﹙点﹚com", "www.vg770.com"),
        ("gXenXusX.oXkcXftXyzXe★in (buang huruf X, ★ = .)", "genus.okcftyze.in"),
        (
            "m o b i l e c o u r a n t ＃ com (убери пробелы, ＃ замени на точку)",
            "mobilecourant.com",
        ),
        ("🅅🅂🄿🄾⒭⒯⒮⊙🄿🅁🄾", "vsports.pro"),
        ("ᏴeᏚtᏙiᎡtսaᏞ。cօm", "bestvirtual.com"),
        ("link: xhmastẹr chấm ñãmẽ nạp", "xhmaster.name"),
        ("H🧧A🧧I🧧T🧧E🧧N🧧⚫🧧C🧧O🧧M", "haiten.com"),
        ("czechlesbians 点肯姆（肯姆就是com）", "czechlesbians.com"),
        ("官网deca·(b)(e)(t)（bet）", "deca.bet"),
        ("www ． latinopoker ． eu", "www.latinopoker.eu"),
        # NATO spelling with digits among the words, a plain TLD after the spelled dot
        ("网址按字母念：Kilo-8-Alfa-Sierra-India-Alfa-Two-3 dot com", "k8asia23.com"),
        ("spell it out: Bravo Echo Tango Three Zero 0 Zero dot com", "bet3000.com"),
        # an address read aloud digit by digit: no letter, still a reading (red team 5)
        (
            "Visit http colon slash slash one seven eight dot two one eight dot nine six dot four",
            "178.218.96.4",
        ),
        ("Victor November Quebec 8 dot Charlie Oscar Mike", "vnq8.com"),
        # a name given in steps or in pieces added up
        ("先输入km，再输入isa68，最后加点com", "kmisa68.com"),
        ("第一段biend 第二段o9 第三段.com", "biendo9.com"),
        ("type webcan, then ix, then .com", "webcanix.com"),
        ("first mobil then bet and finally .com", "mobilbet.com"),
        ("jun8 + 8bet + 点biz 连起来", "jun88bet.biz"),
        ("harmonium + hut + dot com, no spaces", "harmoniumhut.com"),
        # pieces on bulleted or quoted lines
        ("link (join the lines):\n｜jav\n｜trust\n｜.com\n", "javtrust.com"),
        ("网址分行写了，连起来：\n→ uh\n→ tube\n→ .fun\n", "uhtube.fun"),
        ("连起来：\n> atub\n> ex\n> .com\n", "atubex.com"),
        # one letter at a time between one symbol, 点 before the TLD
        ("s~h~b~e~t~4~0点c~o~m", "shbet40.com"),
        ("w/8/8/e/a/s/y点c/o/m", "w88easy.com"),
        # rare dot glyphs, circles for o, dot words spelled another way
        ("deco\u200bbg۰com", "decobg.com"),
        ("wwwxxx𐄁CC", "wwwxxx.cc"),
        ("ｐｏｒｎｋｅｎ·com", "pornken.com"),
        ("uberskins॰net", "uberskins.net"),
        ("nowbetvn点c口m", "nowbetvn.com"),
        ("p◎rnsitespace.c◎m", "pornsitespace.com"),
        ("官网okvip.pr⚪ 注册就送", "okvip.pro"),
        ("k8tip06 dawt com", "k8tip06.com"),
        ("bets4all _dot_ c o m", "bets4all.com"),
        ("b52 <d0t> c c", "b52.cc"),
        # labelled fields, diacritics before a dot word, TLD homophones
        ("\nSite name: bettor\nEnding: .com\n", "bettor.com"),
        ("\n域名前缀 ｘｏｓｏ６６｜域名后缀 .me\n", "xoso66.me"),
        ("name: friporno / domain ending: com", "friporno.com"),
        ("zîratsúbe dot cõm", "ziratsube.com"),
        ("上lüçky88vn点çom，输了包赔", "lucky88vn.com"),
        ("福利站 sexfluids dot 康母", "sexfluids.com"),
        ("官网 qh231 点扣姆", "qh231.com"),
        ("新地址 i9bet31 点 西欧艾姆", "i9bet31.com"),
    ],
)
def test_a_reader_recovers_the_host(text: str, host: str) -> None:
    assert host in hosts_read(text)
    assert has_candidates(text), "the scanner must reach the readers"


@pytest.mark.parametrize(
    "text",
    [
        "Reverse is cheating. That is not mathematics.",
        "one, two, three, go!",
        "Café crème à la française, très bon.",
        "尊敬的客户，请回复数字编号以订购该彩铃",
        "First we eat, then we sleep. Finally home",
        "seven seven seven dot com (no spaces)",
        "scores: nine one two dot three four five dot six seven eight dot nine",
        "妈呀Q口Q",
        "x·x节 优惠大派送",
    ],
)
def test_clean_text_has_no_reading_host(text: str) -> None:
    assert not hosts_read(text)


def test_a_surrogate_does_not_break_the_readers() -> None:
    assert read_again("#a.b #c\ud800 #com") is not None


def _host(host: str, span: tuple[int, int], flags: list[str], listed: bool) -> Entity:
    return Entity(
        kind="domain",
        raw=host,
        span=span,
        value=host,
        host=host,
        flags=flags,
        categories=["porn"] if listed else [],
    )


def test_a_listed_joined_host_outranks_its_pieces() -> None:
    piece = _host("ex.pro", (8, 14), [], listed=True)
    other = _host("unrelated.com", (30, 43), [], listed=False)
    joined = _host("tubesex.pro", (0, 14), [REREAD, JOINED, "prose_like"], listed=True)
    assert settle([joined, piece, other]) == {1}


def test_an_unlisted_joined_host_drops_unlisted_pieces_and_questions_listed_ones() -> None:
    unlisted_piece = _host("ex.pro", (8, 14), [], listed=False)
    listed_piece = _host("jav.net", (20, 27), [], listed=True)
    joined = _host("tubesex.pro", (0, 14), [REREAD, JOINED, "prose_like"], listed=False)
    joined2 = _host("12jav.net", (16, 27), [REREAD, JOINED, "prose_like"], listed=False)
    entities = [joined, unlisted_piece, joined2, listed_piece]
    assert settle(entities) == {1}
    assert "ambiguous_host" in listed_piece.flags


def test_reread_adds_only_new_hosts_with_the_window_as_span() -> None:
    text = "tubes\n↑上下两行连起来↓\nex。pro"
    first = extract_entities(unmask(text, weak=True), prose_like=True)
    both = reread(text, first)
    added = [e for e in both if REREAD in e.flags]
    assert [e.host for e in added] == ["tubesex.pro"]
    assert added[0].span == (0, len(text)) and JOINED in added[0].flags


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("http://ḁmazon．com", "xn--mazon-280b.com"),
        ("http://linkediṇ.com", "xn--linkedi-v13c.com"),
        ("vⱪ.com", "xn--v-pms.com"),
        ("http://ดูหนังโป๊ฟรี.com", "xn--72czpjuy5c8b0b6a0h8d.com"),
    ],
)
def test_letters_of_more_scripts_stay_in_an_internationalised_name(text: str, host: str) -> None:
    """Vietnamese letters, Latin Extended-C, Greek and Thai are label letters, not a cut."""
    assert host in [e.host for e in extract_entities(unmask(text, weak=True), prose_like=True)]


def test_an_ideographic_dot_after_a_non_latin_label_is_read_as_a_dot() -> None:
    assert "xn--e1adehe2a.net" in hosts_read("https://зрелки。net")


@pytest.mark.parametrize(
    ("text", "ip"),
    [
        ("请访问 http://223。150。154。114:8080 填写资料", "223.150.154.114"),
        ("at hxxp://46点17点41点138:81/", "46.17.41.138"),
        ("http://95 . 216 . 0 . 43/bins/x86", "95.216.0.43"),
        ("hxxp://183(.)196(.)44(.)104:8080/", "183.196.44.104"),
        ("http://１９３丶１０９丶１３４丶２２６:8080/", "193.109.134.226"),
        ("外挂免费下载 一二三。一二二。六八。九四", "123.122.68.94"),
        ("New cracked APK at 217丶73丶133丶87", "217.73.133.87"),
        ("发票请从 一二五点二二七点九六点七九 下载", "125.227.96.79"),
    ],
)
def test_a_dotted_quad_with_disguised_dots_is_one_address(text: str, ip: str) -> None:
    assert ip in hosts_read(text)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("casino bonus cas*noonline88.vip (guess the missing one)", "casinoonline88.vip"),
        ("看片 mi?et.cc （中间那位自己猜）", "mibet.cc"),
        ("百家乐 ri□vip.tv （中间那位自己猜）", "rikvip.tv"),
        ("casino bonus bestp_rnsites.cc (guess the missing one)", "bestpornsites.cc"),
    ],
)
def test_a_masked_character_is_tried_with_every_character(text: str, host: str) -> None:
    """A reader cannot know the masked character: the reading lists every filling, flagged
    ``masked`` (the scanner keeps one only when the intel lists it as it is)."""
    readings = [r for r in read_again(text) if r.masked]
    assert readings and all(r.joined for r in readings)
    assert host in hosts_read(text)
    assert has_candidates(text)


def test_a_masked_character_leaves_no_tail_host() -> None:
    """``noonline88.vip`` of ``cas*noonline88.vip`` is a piece, never a host of its own."""
    first = extract_entities(unmask("cas*noonline88.vip (guess)", weak=True), prose_like=True)
    assert all("split_word" in e.flags for e in first if e.host)


def test_a_listed_piece_inside_a_joined_hosts_letters_gives_way() -> None:
    """``hi88.vip`` (listed) read from ``h^i^8^8^v^i^p^3点c^o^m`` is a piece of ``hi88vip3.com``."""
    piece = _host("hi88.vip", (0, 20), [], listed=True)
    joined = _host("hi88vip3.com", (0, 30), [REREAD, JOINED, "prose_like"], listed=True)
    assert settle([joined, piece]) == {1}


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("casino bonus cas*noonline88.vip (guess the missing one)", "casinoonline88.vip"),
        ("百家乐 bw?n.com （中间那位自己猜）", "bwin.com"),
        ("www_bola88_com", "bola88.com"),
        ("小美🌸bulldog777dotcom", "bulldog777.com"),
        ("bulldog777-com", "bulldog777.com"),
        ("bulldog777com", "bulldog777.com"),
    ],
)
def test_a_guess_is_kept_when_listed_and_its_pieces_give_way(
    scanner: Scanner, text: str, host: str
) -> None:
    result = scanner.scan(Item(id="guess", text=text, surface="post"))
    assert [e.registrable_domain for e in result.entities] == [host]
    assert result.verdict == "act"


@pytest.mark.parametrize(
    "text",
    [
        "casino bonus zq*xwvkqzt.vip (guess the missing one)",
        "www_zqxwvkqzt_com",
        "zqxwvkqztdotcom",
        "zqxwvkqzt-com",
        "my_file.py is here",
    ],
)
def test_an_unlisted_guess_gives_no_host(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="guess", text=text, surface="post"))
    assert [e.host for e in result.entities] == []
