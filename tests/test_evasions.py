"""Evasion families of issue 6: each disguise of a listed host is acted on, with the right host.

One family per class of trick, several members each, Chinese and English carriers, every
surface. The listed hosts are real entries of the sinfonietta gambling list.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from bastion import Item, Scanner
from bastion.canon.lookalike import lookalike_hosts
from bastion.intel.feeds import import_feeds
from bastion.model import Surface

FAMILIES: dict[str, list[tuple[str, str | None]]] = {
    "traditional_dot": [
        ("官网 188bet點com 注册", "188bet.com"),
        ("https://188bet點com/app", "188bet.com"),
        ("http://bet11888•com/vip", "bet11888.com"),
        ("最新地址 bet11888 點 com", "bet11888.com"),
    ],
    "leet_tld": [
        ("188bet。c0m 注册就送", "188bet.com"),
        ("visit 188bet d0t c0m now", "188bet.com"),
        ("188bet.C0M", "188bet.com"),
        ("188bet ⭐ c0m", "188bet.com"),
        ("网址 bet11888点c〇m", "bet11888.com"),
        ("828bet[.]n3t", "828bet.net"),
    ],
    "roman_numerals": [
        ("1ⅧⅧbet.com 注册", "188bet.com"),
        ("betⅠⅠⅧⅧⅧ.com", "bet11888.com"),
    ],
    "emoji_around_dot": [
        ("188bet⭐.❤com", "188bet.com"),
        ("188bet❤.💋com 今晚", "188bet.com"),
        ("188bet💋💋com", "188bet.com"),
        ("12bet 🔸.🔸 com", "12bet.com"),
    ],
    "odd_scheme": [
        ("tcp://188bet.com/x", "188bet.com"),
        ("xxxx://188bet.com", "188bet.com"),
        ("rtmp://12bet.com/live 直播", "12bet.com"),
    ],
    "mangled_scheme": [
        ("http__188bet.com/x", "188bet.com"),
        ("http//188bet.com", "188bet.com"),
        ("[https]://188bet.com", "188bet.com"),
        ("(http)://188bet.com/reg", "188bet.com"),
        ("<hxxps>://12bet.com", "12bet.com"),
        ("https:/188bet.com/reg", "188bet.com"),
        ("htps://188bet.com", "188bet.com"),
        ("hhtp://bet11888.com", "bet11888.com"),
        ("https:\\/\\/12bet.com\\/reg", "12bet.com"),
    ],
    "brackets": [
        ("188bet[.]com[/]x", "188bet.com"),
        ("188bet[.com", "188bet.com"),
        ("188bet.]com", "188bet.com"),
        ("188bet].[com", "188bet.com"),
        ("188bet}.{com", "188bet.com"),
        ("188bet<.>com", "188bet.com"),
        ("188bet【.】com", "188bet.com"),
        ("https://188betᐧcom", "188bet.com"),
        ("bet11888 (.) com", "bet11888.com"),
    ],
    "bracketed_hyphen": [
        ("bet[-]csgo[.]com", "bet-csgo.com"),
        ("访问 b[-]bets(.)com", "b-bets.com"),
    ],
    "glued_dot_word": [
        ("188betDOTcom", "188bet.com"),
        ("188bet-dot-com", "188bet.com"),
        ("188bet_dot_com", "188bet.com"),
        ("bet11888Dotcom 注册", "bet11888.com"),
    ],
    "escaped_dot": [
        ("188bet\\.com", "188bet.com"),
        ("访问 bet11888\\.com", "bet11888.com"),
    ],
    "foreign_dot_word": [
        ("188bet punto com", "188bet.com"),
        ("188bet punkt com", "188bet.com"),
        ("188bet ponto com", "188bet.com"),
        ("188bet dian com 注册", "188bet.com"),
    ],
    "foreign_at_word": [
        ("kefu arroba 188bet.com", "188bet.com"),
    ],
    "glued_before": [
        ("ssl //188bet.com", "188bet.com"),
        ("-https://188bet.com", "188bet.com"),
        ("注册:https://188bet.com", "188bet.com"),
    ],
    "markdown_after": [
        ("https://188bet.com)[x](mailto:a@ibm.com)", "188bet.com"),
        ("[click](https://188bet.com)[more](https://ibm.com)", "188bet.com"),
    ],
    "stand_in_dot": [
        ("188bet..com", "188bet.com"),
        ("188bet,com 注册送", "188bet.com"),
        ("188bet，com", "188bet.com"),
        ("188bet*com", "188bet.com"),
        ("bet11888#com", "bet11888.com"),
        ("play at 188bet com tonight", "188bet.com"),
        ("官网 bet11888 com 注册", "bet11888.com"),
    ],
    "spaced_tld_letters": [
        ("188bet 点 c o m", "188bet.com"),
        ("188bet dot c o m now", "188bet.com"),
        ("bet11888。C O M", "bet11888.com"),
        ("188bet [.] c o m", "188bet.com"),
        ("188bet d o t com", "188bet.com"),
    ],
    "bracketed_dot_words": [
        ("188bet(punto)com", "188bet.com"),
        ("bet11888 [punkt] com", "bet11888.com"),
        ("188bet(dian)com", "188bet.com"),
        ("188bet DIAN com", "188bet.com"),
        ("188betドットcom", "188bet.com"),
        ("188bet chấm com", "188bet.com"),
        ("188bet《.》com", "188bet.com"),
    ],
    "plus_joined": [
        ("188 ➕ bet ➕ .com", "188bet.com"),
        ("bet + 11888 + .com 注册", "bet11888.com"),
    ],
    "underscore_and_comma": [
        ("bet11888__com", "bet11888.com"),
    ],
    "percent_encoded": [
        ("https%3A%2F%2F188bet%2Ecom%2Freg", "188bet.com"),
        ("go http%3A%2F%2Fbet11888.com", "bet11888.com"),
    ],
    "quan_at": [
        ("kefu21圈a188bet.com", "188bet.com"),
    ],
    "small_caps": [
        ("官网 ʙᴇᴛ11888.com", "bet11888.com"),
    ],
    "pieces_in_brackets": [
        ("188(bet)点com", "188bet.com"),
        ("详情bet「11888」.com", "bet11888.com"),
    ],
    "reader_instructions": [
        ("188去bet.com（去掉中文）", "188bet.com"),
        ("官网 moc.88811teb（倒过来看）", "bet11888.com"),
    ],
    "space_before_dot": [
        ("官网 bet11888 .com 注册", "bet11888.com"),
        ("188bet .com official", "188bet.com"),
    ],
    "html_entities": [
        ("188bet&#46;com", "188bet.com"),
        ("https&#58;&#47;&#47;188bet&period;com", "188bet.com"),
        ("bet11888&#x2E;com", "bet11888.com"),
    ],
    "typo_tld": [
        ("188bet.corn", "188bet.com"),
        ("188bet dot c0rn", "188bet.com"),
    ],
    "zalgo": [
        ("1̴8̷8̸b̵e̴t̶.̷c̸o̵m̴", "188bet.com"),
        ("b̡̛e͝t͟1͠1͢8͡8͜8.com", "bet11888.com"),
    ],
    "regional_letters": [
        ("188🇧🇪🇹.com", "188bet.com"),
    ],
    "vertical": [
        ("b\ne\nt\n1\n1\n8\n8\n8\n.\nc\no\nm", "bet11888.com"),
    ],
    "emoji_inside_name": [
        ("188b🎰et.com 注册", "188bet.com"),
        ("https://bet11🀄888.com", "bet11888.com"),
        ("官网 bet-c❤️sgo。com", "bet-csgo.com"),
        ("ac🍑tionbets(.)com 今晚", "actionbets.com"),
        ("https://allstar💋bet dot com", "allstarbet.com"),
    ],
    "stand_in_underscore_comma": [
        ("188bet_com 注册送", "188bet.com"),
        ("actionbets__com", "actionbets.com"),
        ("https://allstarbet,com", "allstarbet.com"),
        ("www.apollobet，com", "apollobet.com"),
        ("sportsbet、io 体育", "sportsbet.io"),
        ("ｂｅｓｔｃａｓｉｎｏ_com", "bestcasino.com"),
        ("bet11888，c0m", "bet11888.com"),
        ("188bet__c0m 注册", "188bet.com"),
        ("188bet‚com", "188bet.com"),
        ("188bet﹐com", "188bet.com"),
    ],
    "emoji_inside_tld": [
        ("bet11888.c🎰om", "bet11888.com"),
        ("188bet。c💋om 注册", "188bet.com"),
    ],
    "pinyin_dian_glued": [
        ("188betdiancom", "188bet.com"),
        ("官网 actionbetsDIANcom", "actionbets.com"),
        ("super88dianclub", "super88.club"),
        ("188bet diancom", "188bet.com"),
        ("188betdianc0m", "188bet.com"),
    ],
    "described_tld": [
        ("域名188bet，后缀com", "188bet.com"),
        ("actionbets 后缀是 com", "actionbets.com"),
        ("apollobet（后面加.com）", "apollobet.com"),
        ("bestcasino 加上 .com 注册", "bestcasino.com"),
        ("域名：allstarbet，后缀为.com", "allstarbet.com"),
        ("bet11888 后缀 c0m", "bet11888.com"),
    ],
    "drop_a_symbol": [
        ("188bet#.#com（去掉#）", "188bet.com"),
        ("actionbets#.#com (delete #)", "actionbets.com"),
        ("apollo*bet*.*com（删除星号）", "apollobet.com"),
        ("bet-#csgo#.#com remove all #", "bet-csgo.com"),
    ],
    "quoted_pieces": [
        ('188"bet"点com', "188bet.com"),
        ("bet11*888*。com", "bet11888.com"),
        ("bet-【csgo】。com", "bet-csgo.com"),
        ("action［bets］[.]com", "actionbets.com"),
    ],
    "numerals_in_name": [
        ("bet幺幺捌捌捌.com", "bet11888.com"),
        ("九九bet(.)com", "99bet.com"),
        ("一八八bet【点】com", "188bet.com"),
        ("二二bet。com", "22bet.com"),
    ],
    "full_width_brackets": [
        ("188BeT［.］cOm", "188bet.com"),
        ("actionbets｛.｝com", "actionbets.com"),
        ("apollobet［dot］com", "apollobet.com"),
    ],
    "more_dot_words": [
        ("188bet titik com", "188bet.com"),
        ("actionbets จุด com", "actionbets.com"),
        ("apollobet 닷 com", "apollobet.com"),
        ("allstarbet(point)com", "allstarbet.com"),
        ("betguardian point me", "betguardian.me"),
        ("188bet(TITIK)com", "188bet.com"),
    ],
    "instructed_backwards": [
        ("moc.stebnoitca (read it backwards)", "actionbets.com"),
    ],
    "space_after_dot": [
        ("super88. club 注册", "super88.club"),
        ("etherdice.  io", "etherdice.io"),
    ],
    "glued_upper_dot": [
        ("ACTIONBETSDOTcom", "actionbets.com"),
        ("ssl //🅐🅒🅣🅘🅞🅝🅑🅔🅣🅢DOTcom", "actionbets.com"),
    ],
    "homoglyph_beside_digits": [
        ("188bеt[dot]com", "188bet.com"),
    ],
    "emoji_decoration_after_a_whole_host": [
        ("188bet.com 🔥 VIP", "188bet.com"),
        ("188bet.com 👉 app 注册就送", "188bet.com"),
        ("188bet.com 👉 cn", "188bet.com"),
        ("Support 24/7 👉 188bet.com", "188bet.com"),
        ("1/2 🔥 188bet.com", "188bet.com"),
        ("ibm.com/123 👉 188bet.com", "188bet.com"),
        ("客服24/7\n👉 bet11888.com", "bet11888.com"),
    ],
    "emoji_letters_with_symbol_letters": [
        ("👉 🅱️e💲t©️🅰️💲ino.com 注册", "bestcasino.com"),
        ("bob©️🅰️💲ino.c🅾️Ⓜ️", "bobcasino.com"),
        ("be💲te©asino.com", "bestecasino.com"),
    ],
    "tld_with_words_glued_on": [
        ("188bet.comGET100FREE", "188bet.com"),
        ("注册 188BET.COM4free 送彩金", "188bet.com"),
        ("visit bet11888.comNOW", "bet11888.com"),
    ],
    "partial_bidi_override": [
        ("VIP casino 188bet.\u202emoc ", "188bet.com"),
        ("claim now 188\u202emoc.teb \n注册", "188bet.com"),
        ("slots bet11\u202emoc.888\u202c today", "bet11888.com"),
    ],
    "dot_glyphs_of_other_scripts": [
        ("188bet۔com", "188bet.com"),
        ("188bet։com 注册", "188bet.com"),
        ("官网 188bet･com", "188bet.com"),
        ("188bet∘com", "188bet.com"),
        ("bet11888܂com", "bet11888.com"),
        ("bet11888᛫com", "bet11888.com"),
    ],
    "url_forms_browsers_read": [
        ("https:/\\188bet.com/reg", "188bet.com"),
        ("https:\\\\188bet.com", "188bet.com"),
        ("https://%31%38%38bet.com/x", "188bet.com"),
        ("https://188bet.com\\@ibm.com 登录", "188bet.com"),
    ],
    "broken_lines": [
        ("bet\n11888\n.\ncom", "bet11888.com"),
        ("最新网址\n188\nbet\n.com\n收藏", "188bet.com"),
        ("188bet.c\nom", "188bet.com"),
        ("官网 bet 11888 . com 注册", "bet11888.com"),
    ],
    "markup_tags_split_a_host": [
        ("188b<font color=red>et</font><b>.</b>com", "188bet.com"),
        ("bet<b>11888</b>.com 注册", "bet11888.com"),
        ("[url][b]12[/b][size=5]bet[/size].com[/url]", "12bet.com"),
        ("官网[color=red]action[/color][i]bets[/i].com", "actionbets.com"),
        ('<a href="https://188bet.com/reg">点这里</a>', "188bet.com"),
        ("[1][8][8][b][e][t][.][c][o][m] 注册", "188bet.com"),
    ],
    "character_references": [
        ("&#49;&#x38;8bet&#46;&#X63;om", "188bet.com"),
        ("https&colon;&sol;&sol;bet11888&nbsp;&period;&nbsp;com", "bet11888.com"),
        ("12bet&ensp;&#x2e;&ensp;com 每日爆分", "12bet.com"),
    ],
    "program_escapes_and_concatenation": [
        ("188bet\\u002ecom", "188bet.com"),
        ("bet\\u00311888\\056com 首充", "bet11888.com"),
        ("12bet\\x2ecom", "12bet.com"),
        ('"188" + "bet" + ".com"', "188bet.com"),
        ("“action” ＋ “bets” ＋ “.com”", "actionbets.com"),
        ("'12be' ++ 't' ++ '.com'", "12bet.com"),
    ],
    "dot_words_of_the_world": [
        ("188bet tečka com", "188bet.com"),
        ("12bet tuldok com", "12bet.com"),
        ("actionbets 점 com", "actionbets.com"),
        ("bet11888 точку com", "bet11888.com"),
        ("188BET fullstop com", "188bet.com"),
        ("12bet PERIOD com", "12bet.com"),
        ("actionbets diǎn com", "actionbets.com"),
        ("188bet dian3 com", "188bet.com"),
        ("bet11888 ピリオド com", "bet11888.com"),
    ],
    "chinese_full_stop_words": [
        ("官网１８８ｂｅｔ圆点com 注册", "188bet.com"),
        ("12bet小圆点com", "12bet.com"),
        ("actionbets 句号 com", "actionbets.com"),
        ("bet11888小数点com", "bet11888.com"),
        ("188bet句点com", "188bet.com"),
    ],
    "decorated_dot_word": [
        ("188bet •dot• com", "188bet.com"),
        ("12BET dot- com", "12bet.com"),
    ],
    "dot_glyph_between_spaced_letters": [
        ("1 8 8 b e t ⋅ c o m", "188bet.com"),
        ("a c t i o n b e t s ⸱ c o m", "actionbets.com"),
        ("b  e  t  1  1  8  8  8  ᐧ  c  o  m", "bet11888.com"),
        ("1\u30008\u30008\u3000b\u3000e\u3000t\u3000点\u3000c\u3000o\u3000m", "188bet.com"),
        ("1̲ 2̲ b̲ e̲ t̲ . c̲ o̲ m̲ T&C apply", "12bet.com"),
    ],
    "greek_and_cyrillic_letters_unmapped_by_tr39": [
        ("κ8νn58 点 cοm", None),
        ("188bеτ (.) cοm", "188bet.com"),
        ("αcτiοnbeτs 点 com", "actionbets.com"),
    ],
    "line_end_hyphen": [
        ("访问\n188-\nbet.com", "188bet.com"),
        ("claim at\nbet11-\n888.com", "bet11888.com"),
    ],
    "framed_column": [
        ("║1║\n║8║\n║8║\n║b║\n║e║\n║t║\n║.║\n║c║\n║o║\n║m║", "188bet.com"),
        (
            "最新网址 VIP100\n┃b┃\n┃e┃\n┃t┃\n┃1┃\n┃1┃\n┃8┃\n┃8┃\n┃8┃\n┃.┃\n┃c┃\n┃o┃\n┃m┃",
            "bet11888.com",
        ),
        ("【1】\n【2】\n【b】\n【e】\n【t】\n【.】\n【c】\n【o】\n【m】", "12bet.com"),
        ("▌a▐\n▌c▐\n▌t▐\n▌i▐\n▌o▐\n▌n▐\n▌b▐\n▌e▐\n▌t▐\n▌s▐\n▌.▐\n▌c▐\n▌o▐\n▌m▐", "actionbets.com"),
    ],
    "chat_log_lines": [
        (
            "send 0.1 get 1 back ->\n[16:43] 老王: 188\n[16:43] 老王: bet\n[16:44] 老王: .com",
            "188bet.com",
        ),
        (
            "每日爆分\n[17:46] Amy: a\n[17:46] Amy: ctionbets\n[17:47] Amy: .com\nbye",
            "actionbets.com",
        ),
        ("Amy: bet\nAmy: 11888\nAmy: .com", "bet11888.com"),
    ],
    "acrostic_with_its_hint": [
        (
            "claim now!\ntake the first character of every line\n1 one\n2 two\nbanana\neagle"
            "\ntiger\n. (dot)\ncherry\norange\nmango",
            "12bet.com",
        ),
        (
            "(read the first letter of each line)\n1 one\n8 eight\n8 eight\nbig\nend\ntop"
            "\n. dot\ncat\nowl\nmoon",
            "188bet.com",
        ),
        ("藏头诗\n1号门\n2号楼\nbig\nend\ntop\n. 点\ncat\nowl\nmoon", "12bet.com"),
    ],
    "reversed_spaced_letters": [
        ("ｍ ｏ ｃ ． ｔ ｅ ｂ ８ ８ １ (read it backwards)", "188bet.com"),
        ("就在m o c . s t e b n o i t c a （倒着看）", "actionbets.com"),
    ],
    "zalgo_of_every_script": [
        ("𝗯҉̕𝗲͜͡𝘁҉͘𝟭͜𝟭𝟴𝟴𝟴【.】𝗰𝗼𝗺", "bet11888.com"),
        ("1҈8҈8҈bet.com", "188bet.com"),
    ],
    "column_with_ideographic_dots": [
        ("竖着看👇\n1\n8\n8\nb\ne\nt\n点\nc\no\nm\n注册送88", "188bet.com"),
        ("read down 👇\nw\nw\nw\n点\n1\n2\nb\ne\nt\n点\nc\no\nm\nfree bonus", "12bet.com"),
    ],
    "first_column_grid": [
        (
            "第一列竖读就是网址\n1 | 捕鱼达人\n8 | 电子游戏\n8 | 无限代理\nb | 体育赛事"
            "\ne | 彩票开奖\nt | 捕鱼达人\n· | 秒提现\nc | 棋牌竞技\no | 百家乐\nm | 真人视讯",
            "188bet.com",
        ),
        (
            "first column top to bottom = site\na  sports\nc  crypto ok\nt  VIP club"
            "\ni  live\no  slots\nn  bonus\nb  fast\ne  cash\nt  spins\ns  poker\n。  odds"
            "\nc  x\no  y\nm  z",
            "actionbets.com",
        ),
    ],
    "chat_log_header_lines": [
        (
            "[19:41] 小美: 网址发你，连起来\n小美 19:41\n188bet\n小美 19:41\n。\n小美 19:42\ncom",
            "188bet.com",
        ),
        ("Coco 17:25\n12\nCoco 17:25\nbet\nCoco 17:26\n.com", "12bet.com"),
        ("15:01 Coco：bet11888\n15:01 Coco：点\n15:02 Coco：com", "bet11888.com"),
    ],
    "homophones_of_dian": [
        ("官网 188bet典com（典就是点）", "188bet.com"),
        ("bet11888垫com 谐音自己懂", "bet11888.com"),
        ("ａｃｔｉｏｎｂｅｔｓ滇com 谐音", "actionbets.com"),
        ("网址：12bet店com（店就是点）", "12bet.com"),
    ],
    "dot_words_of_more_languages": [
        ("사이트 188bet 쩜 com", "188bet.com"),
        ("lt 12bet쩜com", "12bet.com"),
        ("سایت bet11888 نقطه com", "bet11888.com"),
        ("เว็บ actionbets ดอท com", "actionbets.com"),
        ("188bet тчк com", "188bet.com"),
    ],
    "asides_between_name_dot_and_tld": [
        ("Verify at 188bet (don't tell) . (don't tell) com within 24 hours", "188bet.com"),
        ("www.actionbets ~ dot (shh) com - instant", "actionbets.com"),
        ("at bet11888 (shh) dot com", "bet11888.com"),
    ],
    "struck_decoy_letter": [
        ("188bex̶t.com 注册", "188bet.com"),
        ("ac̶tionbets.com", None),
        ("官网bet1q̶1888.com", "bet11888.com"),
    ],
}
CASES = [
    (family, text, host)
    for family, members in FAMILIES.items()
    for text, host in members
    if host is not None
]
SURFACES: tuple[Surface, ...] = ("username", "bio", "post", "comment", "chat", "listing")


@pytest.mark.parametrize(("family", "text", "host"), CASES)
def test_listed_host_is_found_and_acted_on(
    scanner: Scanner, family: str, text: str, host: str
) -> None:
    for surface in SURFACES:
        result = scanner.scan(Item(id=family, text=text, surface=surface))
        hosts = [e.registrable_domain for e in result.entities if e.categories]
        assert hosts == [host], (surface, hosts)
        assert result.verdict == "act", (surface, result.to_dict())
        for entity in result.entities:
            assert entity.raw == text[entity.span[0] : entity.span[1]]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("QQ：5351722 🔥 VIP", "qq", "5351722"),
        ("加微信：abc8899 🔥 VIP 百家乐", "wechat", "abc8899"),
        ("t.me/abcdef 👉 VIP", "telegram", "abcdef"),
        ("LINE: abc123 🎰 app", "line", "abc123"),
        ("电话 13812345678 💰 win", "phone", "13812345678"),
    ],
)
def test_an_emoji_after_a_handle_is_no_dot(
    scanner: Scanner, text: str, kind: str, value: str
) -> None:
    """The id a cue offers stays an id: ``5351722.vip`` would be a wrong host and lose the QQ."""
    result = scanner.scan(Item(id="decor", text=text))
    assert [(e.kind, e.value) for e in result.entities] == [(kind, value)]


@pytest.mark.parametrize(("family", "text", "host"), CASES)
def test_no_other_host_is_reported(scanner: Scanner, family: str, text: str, host: str) -> None:
    result = scanner.scan(Item(id=family, text=text))
    named = {e.registrable_domain for e in result.entities if e.registrable_domain}
    assert host in named
    assert named <= {host, "ibm.com"}, named


PROSE = [
    "The point is simple. Com'on!",
    "Version 1.10 is out, see release 2.1o notes",
    "a[.5] and b[0] in code",
    "I love you ❤ so much, my dear ❤ com on",
    "Score 3.0 and 2.1o, c0m",
    "We met at the dot-com bubble",
    "I was\nhere.\nNext line",
    "价格 3 . 5 元",
    "http is a protocol; ftp too",
    "Use C:\\Users\\bob\\file.txt",
    "see\nexample.com\ntoday",
    "Really good song .<br />you know love song song.\ufeff",
    "if a<b and c>d then &lt;DECIMAL&gt; . Your account",
    "T&C apply &amp; more, I <3 you, **really** __so__ `much`",
    'print("a" + "b") and "x" + "y.z"',
    "the period of time was short, full stop. Com on",
    "淘宝店 天猫店 京东店",
    "我们一起看句号和圆点的用法",
    "s̶t̶r̶u̶c̶k̶ words and a hot l i n e",
]


GUESS_PROSE = [
    "my_name is bob, hello_world",
    "a,b,c and x、y, xxx，xxx",
    "I went home. today is fine. world peace",
    "Indian food tonight, the point is simple, Indian com",
    "四个人一起去，价格四k元",
    "see https://example.com/foo_bar/ and report_final.docx",
    "tg_casino_vip",
    "xnx-vi🀄deos.fun and 四reallearner.com and unip ulp . ru",
]


@pytest.mark.parametrize("text", GUESS_PROSE)
def test_guessed_readings_give_no_unlisted_host(scanner: Scanner, text: str) -> None:
    """A guess (a stand-in dot, a cut word) is kept only when listed: benign or unlisted text
    gets no host from it, and a host cut out of a word (``deos.fun``) is not reported."""
    result = scanner.scan(Item(id="guess", text=text))
    guessed = [e for e in result.entities if {"weak_dot", "weak_join", "split_word"} & set(e.flags)]
    assert guessed == [], [e.value for e in guessed]
    named = {e.registrable_domain for e in result.entities} - {"example.com", None}
    assert not named - {"docx"}, named
    assert result.verdict == "allow"


def test_a_cut_word_takes_the_listed_joined_reading(scanner: Scanner) -> None:
    """``1🎰2bet.com``: joined, the listed ``12bet.com``; cut, ``2bet.com``, which gives way."""
    result = scanner.scan(Item(id="cut", text="1🎰2bet.com 注册"))
    assert [e.registrable_domain for e in result.entities] == ["12bet.com"]
    assert result.verdict == "act"


@pytest.mark.parametrize("text", PROSE)
def test_prose_gets_no_invented_host(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="p", text=text))
    named = [e.registrable_domain for e in result.entities]
    assert all(name in ("example.com",) for name in named), named
    assert result.verdict == "allow"


LEETSPEAK = [
    ("b3t11888 d0t c0m 注册", "b3t11888.com", "bet11888.com"),
    ("visit 828b3t.net", "828b3t.net", "828bet.net"),
    ("官网 B3T11888.C0M", "b3t11888.com", "bet11888.com"),
]


@pytest.mark.parametrize(("text", "written", "listed"), LEETSPEAK)
def test_leetspeak_label_takes_the_listing_it_imitates(
    scanner: Scanner, text: str, written: str, listed: str
) -> None:
    result = scanner.scan(Item(id="leet", text=text))
    assert result.verdict == "act", result.to_dict()
    [entity] = result.entities
    assert entity.registrable_domain == written
    assert "lookalike" in entity.flags and entity.categories == ["gambling"]
    assert listed in lookalike_hosts(written)


def test_unlisted_leetspeak_stays_allowed(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="leet", text="see h0m3work.com today"))
    assert result.verdict == "allow"
    assert all("lookalike" not in e.flags for e in result.entities)


def test_unreadable_name_goes_to_review(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="amb", text="play bet 11888 . com tonight"))
    assert result.verdict == "review", result.to_dict()
    assert "ambiguous_host" in result.entities[0].flags
    plain = scanner.scan(Item(id="amb", text="see kidsmediausa . com"))
    assert all("ambiguous_host" not in e.flags for e in plain.entities)


PROSE_CASE = [
    ("verify at sYnotTip.Cz now", "synottip.cz"),
    ("Toyskids.Info", "toyskids.info"),
    ("Claim it at ebarus dot me before midnight", "ebarus.me"),
    ("Win big at brca🌟be today!", "brca.be"),
    ("x.com", "x.com"),
    ("go to q.ws tonight", "q.ws"),
]


def test_listed_host_in_prose_case_is_still_acted_on(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    home = tmp_path_factory.mktemp("prose-home")
    feed = home / "gambling.txt"
    feed.write_text("".join(f"{host}\n" for _, host in PROSE_CASE), encoding="utf-8")
    import_feeds(home, feed, category="gambling", source="operator")
    scanner = Scanner.load(home)
    for text, host in PROSE_CASE:
        result = scanner.scan(Item(id="prose", text=text))
        assert result.verdict == "act", result.to_dict()
        assert [e.registrable_domain for e in result.entities] == [host]
        assert "prose_like" in result.entities[0].flags
    clean = scanner.scan(
        Item(id="prose", text="her.love is great and Wife.how too, xxx、xxx, a.in b.ws, see.comNOW")
    )
    assert clean.entities == [] and clean.verdict == "allow"


@pytest.mark.parametrize(
    "text",
    ["加微信 abc123 \ud800", "a-8⃣c}OT.8@İ[İ", "İ İ İ . c o m", "\ud800 bet888[.]com \udfff"],
)
def test_probes_never_crash(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="probe", text=text))
    assert result.verdict in ("allow", "review", "act")


def test_link_behind_a_redirector_takes_the_target_listing(scanner: Scanner) -> None:
    for text in (
        "https://l.facebook.com/l.php?u=https%3A%2F%2F188bet.com%2F",
        "Lucky https://www.google.com/url?q=https://bet11888.com",
        "https://l.facebook.com/l.php?u=https%3A%2F%2F188bet.com&h=AT0x",
    ):
        result = scanner.scan(Item(id="redirect", text=text))
        assert result.verdict == "act", result.to_dict()
        assert "redirect_target" in result.entities[0].flags
        [inner] = [e for e in result.entities if "embedded" in e.flags]
        assert inner.registrable_domain in ("188bet.com", "bet11888.com") and inner.categories
    plain = scanner.scan(Item(id="redirect", text="https://www.google.com/url?q=https://ibm.com"))
    assert plain.verdict == "allow"


DIGIT_RUNS = [
    ("最新地址QQ：3 - 9 - 6 - 5 - 4 - 5 - 5 - 8 - 2 - 9，收藏", "qq", "3965455829"),
    ("加qq 1  3  5  2  1  7  3  2  1  0 百家乐", "qq", "1352173210"),
    ("call 191_13_23_64_06 now", "phone", "19113236406"),
    ("热线 1·8·7·3·4·2·9·3·7·4·6", "phone", "18734293746"),
    ("进手机 152 - 1367 - 2095", "phone", "15213672095"),
    ("here QQ：1766  734 百家乐", "qq", "1766734"),
    ("see qq号码 6706 - 2134", "qq", "67062134"),
    ("call 13.5917.03.863", "phone", "13591703863"),
    ("热线150-7604-109-6", "phone", "15076041096"),
    ("QQ：六 八 三 一 五 三 三 四 洞 洞", "qq", "6831533400"),
    ("QQ：七九二七九洞三八四三", "qq", "7927903843"),
    ("来电 幺拐洞2两八三洞1洞8", "phone", "17022830108"),
    ("来电 幺6勾洞三勾幺幺两四三", "phone", "16903911243"),
]


@pytest.mark.parametrize(("text", "kind", "value"), DIGIT_RUNS)
def test_digits_in_separated_groups_are_joined(
    scanner: Scanner, text: str, kind: str, value: str
) -> None:
    result = scanner.scan(Item(id="digits", text=text))
    assert [(e.kind, e.value) for e in result.entities] == [(kind, value)]


ADDRESSES_THAT_SPELL_A_MOBILE = [
    ("http://177.130.49.120/", "url", "177.130.49.120"),
    ("server 177.130.49.120 down", "ip", "177.130.49.120"),
    ("访问 139.112.34.255 注册", "ip", "139.112.34.255"),
    ("https://188.166.23.101:8443/login", "url", "188.166.23.101"),
    ("见 http://150.95.110.20/index.html", "url", "150.95.110.20"),
]


@pytest.mark.parametrize(("text", "kind", "host"), ADDRESSES_THAT_SPELL_A_MOBILE)
def test_an_address_whose_digits_spell_a_mobile_stays_an_address(
    scanner: Scanner, text: str, kind: str, host: str
) -> None:
    """Red team 3: four dotted groups read as a mainland mobile turned a listed IP into a phone
    (a wrong entity and an allowed listed host)."""
    entities = scanner.scan(Item(id="ip", text=text)).entities
    assert [e.kind for e in entities] == [kind]
    assert host in entities[0].value and entities[0].kind != "phone"


@pytest.mark.parametrize(
    "text",
    ["on 2024-12-06 at 192.168.100.200", "热线 138 1234 5678 2024年", "2024.12.06 v1.2.3.4"],
)
def test_dates_addresses_and_years_are_not_joined(scanner: Scanner, text: str) -> None:
    values = [e.value for e in scanner.scan(Item(id="digits", text=text)).entities]
    assert "20241206" not in values and not any(v.endswith("2024") for v in values)


@pytest.mark.parametrize(
    "text",
    [
        "https://188bet-com.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en",
        "真人荷官 https://www.google.com/amp/s/188bet.com/reg",
        "https://188bet-com.cdn.ampproject.org/c/s/188bet.com/",
        "https://webcache.googleusercontent.com/search?q=cache:188bet.com",
        "https://archive.ph/188bet.com",
        "https://web.archive.org/web/2020*/188bet.com",
    ],
)
def test_a_site_served_through_a_proxy_or_cache_is_acted_on(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="proxy", text=text))
    assert result.verdict == "act", result.to_dict()
    assert [e.registrable_domain for e in result.entities if e.categories] == ["188bet.com"]


def test_a_proxy_link_to_nothing_in_particular_is_no_site(scanner: Scanner) -> None:
    for text in ("https://www.google.com/search?q=hello", "https://archive.ph/ABCdE"):
        result = scanner.scan(Item(id="proxy", text=text))
        assert [e.host for e in result.entities] == [urlsplit(text).hostname]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("ac̶tionbets.com 注册", "ationbets.com"),
        ("κ8νn58 点 cοm", "k8vn58.com"),
        ("claim at\nfi-\nnexio.com", "finexio.com"),
    ],
)
def test_an_unlisted_reading_is_whole_and_a_struck_one_reviewed(
    scanner: Scanner, text: str, host: str
) -> None:
    """Never the tail of a label (``n58.com`` out of ``κ8νn58``); a word read without its
    struck-out letter is a likely reading, not a sure one: a person looks."""
    result = scanner.scan(Item(id="whole", text=text))
    assert [e.registrable_domain for e in result.entities] == [host]
    if "\u0336" in text or "-\n" in text:
        assert result.verdict == "review", result.to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "work from home $300/day WeChat: zyda57",
        "看片资源加 QQ：3013755779",
        "sugar daddy wanted <b>WeChat</b>: <i>zyda57</i>",
        "加QQ 389136839 代理招募 高返佣",
        "DM me for the full video telegram @vip_pro6431",
    ],
)
def test_a_handle_offered_with_harmful_wording_is_reviewed(scanner: Scanner, text: str) -> None:
    """Job scams, porn-resource selling, sugar dating, gambling-agent rebates: README promises
    review for a handle offered with such wording, on every surface."""
    for surface in SURFACES:
        result = scanner.scan(Item(id="wording", text=text, surface=surface))
        assert result.verdict == "review", (surface, result.to_dict())


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("whatsapp://send?phone=447620145165 VIP", "whatsapp", "+447620145165"),
        ("line://ti/p/@vip_8533 同城上门服务", "line", "@vip_8533"),
        ("tg://resolve?domain=casino_vip88", "telegram", "casino_vip88"),
    ],
)
def test_a_messenger_app_link_is_its_handle(
    scanner: Scanner, text: str, kind: str, value: str
) -> None:
    """App links open the same account as ``wa.me`` / ``line.me`` / ``t.me``: handle rules and
    handle lists see them."""
    result = scanner.scan(Item(id="app", text=text))
    assert [(e.kind, e.value) for e in result.entities] == [(kind, value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("escort 24/7 L I N E : jotian6902", "line:jotian6902"), ("h o t l i n e . c o m", None)],
)
def test_a_spelled_cue_name_stands_alone(scanner: Scanner, text: str, value: str | None) -> None:
    """``L I N E`` after ``24/7`` is the cue; inside longer spaced text it is letters of a host."""
    result = scanner.scan(Item(id="cue", text=text))
    found = [f"{e.kind}:{e.value}" for e in result.entities]
    assert found == ([value] if value else ["domain:hotline.com"]), found
