"""Disguised messenger cues, spaced ids and phones, by family, through ``Scanner.scan``.

Each family is a way of hiding the cue or the id; every example must give the right entity
(kind and canonical value) on every surface, and with gambling or fraud wording and an
invitation the default policy must send it to review or further. The negatives are real prose
shapes (dates, prices, order numbers, ordinary words that share a cue's characters).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bastion import Item, Scanner
from bastion.model import SURFACES
from tests.extract.conftest import REPO, assert_handle_on_every_surface, default_scanner

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "symbol_inside_cue": [
        ("加薇❤信：abc8899", "wechat", "abc8899"),
        ("微 信 abc8899", "wechat", "abc8899"),
        ("微-信：abc8899", "wechat", "abc8899"),
        ("微💗信 abc8899", "wechat", "abc8899"),
        ("V 信：abc8899", "wechat", "abc8899"),
        ("微\n信：abc8899", "wechat", "abc8899"),
        ("Q.Q 10225467", "qq", "10225467"),
        ("Q Q：10225467", "qq", "10225467"),
        ("扣-扣 10225467", "qq", "10225467"),
        ("企⭐鹅 10225467", "qq", "10225467"),
        ("飞✨机 @bet_vip88", "telegram", "bet_vip88"),
        ("T G @casino_king", "telegram", "casino_king"),
        ("whats app +1 202 555 0147", "whatsapp", "+12025550147"),
    ],
    "homophone_cue": [
        ("徽芯 abc8899", "wechat", "abc8899"),
        ("威❤：7788abc", "wechat", "7788abc"),
        ("危信：lily_99", "wechat", "lily_99"),
        ("威芯 abc8899", "wechat", "abc8899"),
        ("薇芯：abc8899", "wechat", "abc8899"),
        ("蔻蔻 10225467", "qq", "10225467"),
        ("抠抠：10225467", "qq", "10225467"),
        ("寇寇 10225467", "qq", "10225467"),
        ("扌口扌口 10225467", "qq", "10225467"),
        ("加扣 10225467", "qq", "10225467"),
        ("🐧 10225467", "qq", "10225467"),
        ("企饿 10225467", "qq", "10225467"),
        ("灰机：bet_vip88", "telegram", "bet_vip88"),
        ("飞鸡 @bet_vip88", "telegram", "bet_vip88"),
        ("电豹 @bet_vip88", "telegram", "bet_vip88"),
        ("✈️ @bet_vip88", "telegram", "bet_vip88"),
        ("🛩 @bet_vip88", "telegram", "bet_vip88"),
    ],
    "pinyin_and_abbreviation": [
        ("v➕ bet_6688", "wechat", "bet_6688"),
        ("kou扣 1234567890", "qq", "1234567890"),
        ("wechat id: lily99", "wechat", "lily99"),
        ("weixin: abc8899", "wechat", "abc8899"),
        ("wei xin abc8899", "wechat", "abc8899"),
        ("v x abc8899", "wechat", "abc8899"),
        ("WeChat号 lily99", "wechat", "lily99"),
        ("vchat: lily99", "wechat", "lily99"),
        ("koukou 10225467", "qq", "10225467"),
        ("kou kou 10225467", "qq", "10225467"),
        ("qq号码：10225467", "qq", "10225467"),
        ("tele: @bet_vip88", "telegram", "bet_vip88"),
        ("telegram id: bet_vip88", "telegram", "bet_vip88"),
        ("feiji bet_vip88", "telegram", "bet_vip88"),
        ("dianbao: bet_vip88", "telegram", "bet_vip88"),
        ("tg: @bet_vip88", "telegram", "bet_vip88"),
        ("wsp 0812345678", "whatsapp", "0812345678"),
        ("WhatsApp: +44 7700 900123", "whatsapp", "+447700900123"),
        ("Line ID: lucky_77", "line", "lucky_77"),
    ],
    "traditional_and_fullwidth": [
        ("微訊：abc8899", "wechat", "abc8899"),
        ("電報 @bet_vip88", "telegram", "bet_vip88"),
        ("飛機：bet_vip88", "telegram", "bet_vip88"),
        ("賴：lucky_77", "line", "lucky_77"),
        ("ＶＸ：ａｂｃ８８９９", "wechat", "abc8899"),
        ("ｑｑ　１０２２５４６７", "qq", "10225467"),
        ("扣扣：①②③④⑤⑥⑦⑧⑨", "qq", "123456789"),
    ],
    "spaced_id": [
        ("加qq 1 0 2 2 5 4 6 7 8", "qq", "102254678"),
        ("扣扣：1-0-2-2-5-4-6-7", "qq", "10225467"),
        ("微信：a b c 8 8 9 9", "wechat", "abc8899"),
        ("vx a.b.c.8.8.9.9", "wechat", "abc8899"),
        ("微信「abc8899」", "wechat", "abc8899"),
        ("vx（abc8899）", "wechat", "abc8899"),
    ],
    "cue_after_id": [
        ("abc8899 (vx)", "wechat", "abc8899"),
        ("1234567890扣", "qq", "1234567890"),
        ("10225467 QQ", "qq", "10225467"),
        ("bet_vip88【飞机】", "telegram", "bet_vip88"),
        ("haoyun4381（薇）", "wechat", "haoyun4381"),
        ("vip-84 ←微信", "wechat", "vip-84"),
        ("yinghe8499cs ←微信到浏览器打开", "wechat", "yinghe8499cs"),
        ("dafa-1162 ← 加我V信", "wechat", "dafa-1162"),
        ("meimei16924 是我V", "wechat", "meimei16924"),
        ("tiyu04062cs 是我的微信", "wechat", "tiyu04062cs"),
        ("9895133618 是我的扣扣", "qq", "9895133618"),
        ("kefu_66 is my wechat", "wechat", "kefu_66"),
    ],
    "spaced_id_after_cue": [
        (
            "加V x\u3000i\u3000a\u3000o\u3000m\u3000e\u3000i\u3000_\u30007\u30007",
            "wechat",
            "xiaomei_77",
        ),
        ("V：h · a · p · p · y · _ · 0 · 9 · 4", "wechat", "happy_094"),
        ("wx：d  u  c  h  a  n  g  2  3  7\ncasino bonus", "wechat", "duchang237"),
        ("微信 m e i m e i - 1 0", "wechat", "meimei-10"),
        ("V：l*i*n*d*a*-*5*5*4*3*1（去掉星号）", "wechat", "linda-55431"),
        ("V：x#i#a#o#m#e#i#9#5#6（去掉#）", "wechat", "xiaomei956"),
        ("V：a-m-y---3-6-4-9-v-i-p（去掉横线）", "wechat", "amy-3649vip"),
        ("威❤：b~o~s~s~-~2~0~1~1~6", "wechat", "boss-20116"),
    ],
    "emoji_split_id": [
        ("加薇 fu❤️li❤️274960", "wechat", "fuli274960"),
        ("微信：kk73🔥943🔥vip", "wechat", "kk73943vip"),
        ("V：xi⭐aom⭐ei-7327", "wechat", "xiaomei-7327"),
        ("vx号 is hap🎲py🎲_97", "wechat", "happy_97"),
        ("QQ：1☆1☆9139", "qq", "119139"),
        ("V：kk73 🔥 943 🔥 vip", "wechat", "kk73943vip"),
        ("微信：fu ❤️ li ❤️ 2749 百家乐", "wechat", "fuli2749"),
    ],
    "numerals_in_id": [
        ("扣扣：九 六 六 四 三 一 四 一", "qq", "96643141"),
        ("QQ 六、九、四、二、五、〇、一、一", "qq", "69425011"),
        ("企鹅 四-六-四-八-〇-一-三", "qq", "4648013"),
        ("加Q 陆3零593肆", "qq", "6305934"),
        ("QQ 97690柒88", "qq", "97690788"),
        ("加q 2️⃣零八１6️⃣8️⃣七", "qq", "2081687"),
        ("QQ 𝟒1⑧𝟑5️⃣𝟎⓪𝟒五", "qq", "418350045"),
        ("加Q 两1柒63叁1", "qq", "2176331"),
    ],
    "digit_groups_after_cue": [
        ("扣扣 9520.60", "qq", "952060"),
        ("Q：377-916", "qq", "377916"),
        ("Q：72-631-185-4", "qq", "726311854"),
        ("QQ：452 048 3", "qq", "4520483"),
        ("加qq 32 - 6493", "qq", "326493"),
        ("企鹅号 450.49.505.8", "qq", "450495058"),
        ("Q➡️166·8771·38·0", "qq", "1668771380"),
    ],
    "line_breaks": [
        ("V\n：\nduchang-2295", "wechat", "duchang-2295"),
        ("加V\nhappy06hk", "wechat", "happy06hk"),
        ("微\n信\nboss-18966", "wechat", "boss-18966"),
        ("微信：\nk\ne\nf\nu\n_\n2\n4\n6\n3", "wechat", "kefu_2463"),
        ("QQ：\n112071", "qq", "112071"),
        ("威❤：\nb e t _ 1 5", "wechat", "bet_15"),
    ],
    "cue_words_more": [
        ("加卫信:boss_5224", "wechat", "boss_5224"),
        ("加V亻言：tiyu-703753", "wechat", "tiyu-703753"),
        ("加加溦信 boss-264958", "wechat", "boss-264958"),
        ("qie鹅 2861283", "qq", "2861283"),
        ("加q 2081687", "qq", "2081687"),
        ("收usdtWeChat: fuli1889", "wechat", "fuli1889"),
        ("收usdtQQ：5418250", "qq", "5418250"),
        ("my wechat is bet_276671", "wechat", "bet_276671"),
        ("详情威❤：haoyun_99", "wechat", "haoyun_99"),
        ("认准威❤➡️meimei5849", "wechat", "meimei5849"),
        ("百家乐包赢薇【happy-85032】", "wechat", "happy-85032"),
        ("飞机搜索 bet09", "telegram", "bet09"),
        ("telegram search: lucky3047", "telegram", "lucky3047"),
        ("t . me / ace_48926x", "telegram", "ace_48926x"),
        ("W h a t s A p p +852 9091 4111", "whatsapp", "+85290914111"),
        ("w . e . c . h . a . t id: kk9448", "wechat", "kk9448"),
        ("T-E-L-E-G-R-A-M @bet_vip88", "telegram", "bet_vip88"),
        ("🐧 is ⑤⑥３50️⃣0️⃣", "qq", "563500"),
    ],
    "instruction_after_id": [
        ("微信：tiyu_5去5掉90cs(去掉汉字)", "wechat", "tiyu_5590cs"),
        ("加薇 fuli2不268要hk 去掉中文", "wechat", "fuli2268hk"),
        ("V：d去uchang_51掉11x（去掉中文）", "wechat", "duchang_5111x"),
        ("微信：335-kk(反着读)", "wechat", "kk-533"),
        ("加薇 11_uyit【倒序】", "wechat", "tiyu_11"),
        ("微信：iv10082-ehgniy 倒着看", "wechat", "yinghe-28001vi"),
        ("微信：abc123（倒过来的世界）", "wechat", "abc123"),
    ],
    "search_cue": [
        ("微信搜索 fuli-9957a", "wechat", "fuli-9957a"),
        ("wx搜 kefu-30933cs", "wechat", "kefu-30933cs"),
        ("V信搜一搜：linda_601591", "wechat", "linda_601591"),
        ("QQ search: 4417514503", "qq", "4417514503"),
        ("扣扣搜：769332", "qq", "769332"),
    ],
    "decoration_after_id": [
        ("百家乐 QQ：5351722 🔥 VIP", "qq", "5351722"),
        ("百家乐 微信：lucky_8899 🔥 VIP", "wechat", "lucky_8899"),
        ("微信：lucky8899 👉 app", "wechat", "lucky8899"),
        ("t.me/lucky88 🔥 VIP", "telegram", "lucky88"),
        ("LINE: lucky88 🎰 club", "line", "lucky88"),
    ],
    "more_cue_spellings": [
        ("约炮同城 扣Q 5351722", "qq", "5351722"),
        ("casino Telegrm: miro_5887", "telegram", "miro_5887"),
        ("telgram: bet_vip88", "telegram", "bet_vip88"),
        ("escort wa。me/60165123768", "whatsapp", "60165123768"),
        ("上门服务 賴 id starhao_4617", "line", "starhao_4617"),
        ("sex chat L I N E : geao2039", "line", "geao2039"),
        ("nudes ไลน์: joxige_1015", "line", "joxige_1015"),
        ("profit VV: xinli3332", "wechat", "xinli3332"),
        ("QQ：186*2814*8559", "qq", "18628148559"),
    ],
    "role_word_after_cue": [
        ("微信客服：abc123", "wechat", "abc123"),
        ("QQ客服 12345678", "qq", "12345678"),
        ("加微信好友：abc123", "wechat", "abc123"),
        ("QQ交流群：123456789", "qq", "123456789"),
        ("飞机频道：bet_vip88", "telegram", "bet_vip88"),
        ("企鹅客服 10225467", "qq", "10225467"),
    ],
    "letter_digits_in_qq": [
        ("QQ：1O2254678", "qq", "102254678"),
        ("扣扣 894II54582", "qq", "8941154582"),
        ("加q 48Olo7", "qq", "480107"),
        ("Q号：2l5568", "qq", "215568"),
    ],
    "telegram_at_spaced": [
        ("飞机 ＠ happy755", "telegram", "happy755"),
        ("TG：@ d a f a _ 1 0", "telegram", "dafa_10"),
        ("telegram @ f u l i _ 7 8 2 9 5 3", "telegram", "fuli_782953"),
        ("纸飞机 @v · i · p · 9 · 5 · 4 · a", "telegram", "vip954a"),
    ],
    "phone": [
        ("热线1 8 0 0 7 2 6 5 5 4 6", "phone", "18007265546"),
        ("1.3.8.1.2.3.4.5.6.7.8", "phone", "13812345678"),
        ("电话138-1234-5678", "phone", "13812345678"),
        ("tel 138.1234.5678", "phone", "13812345678"),
        ("+86 138 1234 5678", "phone", "+8613812345678"),
        ("+86-13812345678", "phone", "+8613812345678"),
        ("(+86)13812345678", "phone", "+8613812345678"),
        ("0086 138 1234 5678", "phone", "+8613812345678"),
        ("+86 1 3 8 1 2 3 4 5 6 7 8", "phone", "+8613812345678"),
        ("①③⑧-①②③④-⑤⑥⑦⑧", "phone", "13812345678"),
        ("热线 一三八一二三四五六七八", "phone", "13812345678"),
        ("call +1 202 555 0147", "phone", "+12025550147"),
        ("热线幺9幺30两八0八七七", "phone", "19130280877"),
        ("手机 幺  8  6  幺  3  八  八  三  3  8  两", "phone", "18613883382"),
        ("电话：幺-八-零-两-5-3-六-4-5-5-六", "phone", "18025364556"),
        ("手机 +86-1_5_2_4_8_8_5_7_0_0_5", "phone", "+8615248857005"),
        ("Tel: +86-186 - 22 - 2087 - 23", "phone", "+8618622208723"),
        ("Tel: +86-1804·60·893·55", "phone", "+8618046089355"),
        ("热线 幺8九 幺6零四 75幺7", "phone", "18916047517"),
        ("电话：幺八9·0幺七七·40三9", "phone", "18901774039"),
    ],
    "digit_groups_with_cjk_separators": [
        ("手机号：178丨0513丨4230", "phone", "17805134230"),
        ("电话：163–8353–8107", "phone", "16383538107"),
        ("电话：198—8691—4890", "phone", "19886914890"),
        ("电话：138、1234、5678", "phone", "13812345678"),
        ("热线 150－7604－1096", "phone", "15076041096"),
        ("加QQ３８９１３６～８３９", "qq", "389136839"),
        ("加QQ３１８３‧４７５８", "qq", "31834758"),
        ("QQ：644～6119", "qq", "6446119"),
        ("扣扣 470、102030", "qq", "470102030"),
    ],
    "full_width_plus": [
        ("ⓦⓐ: ＋１２０ ２８９ ２８０ ０８", "whatsapp", "+12028928008"),
        ("WhatsApp：＋５５１ １９６ ２０５ ５９７ ９", "whatsapp", "+5511962055979"),
    ],
    "messenger_names_of_other_languages": [
        ("加 телеграм @girls_club1110", "telegram", "girls_club1110"),
        ("Телеграм: @vip_agent3949", "telegram", "vip_agent3949"),
        ("テレグラム @signals_agent3949", "telegram", "signals_agent3949"),
        ("텔레그램 @bet_agent2840", "telegram", "bet_agent2840"),
        ("เทเลแกรม @bet_agent2840", "telegram", "bet_agent2840"),
        ("تلگرام @bet_agent2840", "telegram", "bet_agent2840"),
        ("टेलीग्राम @bet_agent2840", "telegram", "bet_agent2840"),
        ("왓츠앱: +44761 041 9529", "whatsapp", "+447610419529"),
        ("ватсап: +44761 041 9529", "whatsapp", "+447610419529"),
        ("ワッツアップ: +44761 041 9529", "whatsapp", "+447610419529"),
        ("zapzap: +55 11 97900 3339", "whatsapp", "+5511979003339"),
        ("واتس: +44761 041 9529", "whatsapp", "+447610419529"),
    ],
    "english_phrasing_around_the_id": [
        ("DM on tele, handle is casino_boss9974", "telegram", "casino_boss9974"),
        ("find us on telegram: username vip_king9160", "telegram", "vip_king9160"),
        ("hit me up on the blue plane app → vip_pro6431", "telegram", "vip_pro6431"),
        ("my TG handle — vip_pro6431", "telegram", "vip_pro6431"),
        ("search vip_pro6431 in Telegram", "telegram", "vip_pro6431"),
        ("wechat account: abc_123", "wechat", "abc_123"),
    ],
    "wechat_in_other_languages": [
        ("ウィーチャット：caiqi_29656", "wechat", "caiqi_29656"),
        ("위챗 아이디: yuna30193fa", "wechat", "yuna30193fa"),
        ("вичат: abc_1234", "wechat", "abc_1234"),
    ],
    "symbols_said_as_words": [
        ("wechat id: cocojia underscore 36234", "wechat", "cocojia_36234"),
        ("微信号：baoyu(下划线)14381", "wechat", "baoyu_14381"),
        ("telegram: qi(underscore)club949", "telegram", "qi_club949"),
        ("微信：vip(dash)club949", "wechat", "vip-club949"),
        ("VX：bjl底线2575 有问题随时问", "wechat", "bjl_2575"),
        ("薇❤：bjl杠3224", "wechat", "bjl-3224"),
        ("VX：kefu减号8533", "wechat", "kefu-8533"),
        ("VX：qiqi底杠440", "wechat", "qiqi_440"),
        ("薇❤：lucky下横线28337", "wechat", "lucky_28337"),
        ("wechat id meimei minus 85819", "wechat", "meimei-85819"),
        ("hmu wechat id duchang low line 49831", "wechat", "duchang_49831"),
    ],
    "id_pointed_to_far_from_its_cue": [
        ("加我扣扣，通过后发你内部资料，名额有限先到先得。号是：761308841", "qq", "761308841"),
        (
            "add me on telegram (limited spots, first come first served), my id is girl_coco315",
            "telegram",
            "girl_coco315",
        ),
        ("加我薇❤信，备注小红书来的，不然不通过哦～。号是：dafa_11380", "wechat", "dafa_11380"),
    ],
    "phone_groups_split_by_asides": [
        ("有事打 178（别打错）8348（晚上打）5017", "phone", "17883485017"),
        ("约打 199—24小时—9357(白天忙)2924", "phone", "19993572924"),
        ("call +65 (9) [text only] 863 - (after 6pm) - 2196", "phone", "+6598632196"),
    ],
    "phone_groups_joined_by_dash_lookalikes": [
        ("联系电话：+86 155⁃4704⁃9112", "phone", "+8615547049112"),
        ("☎️：187丶9908丶5804", "phone", "18799085804"),
        ("📞：１８０一３４４６一５９１０", "phone", "18034465910"),
        ("手机：(86)180⁃8940⁃7058", "phone", "+8618089407058"),
        ("热线：86-177—9609—3678", "phone", "+8617796093678"),
    ],
    "telegram_link_forms": [
        ("👉 tg[:]//resolve?domain=bet_mimi52", "telegram", "bet_mimi52"),
        ("hxxps://telegram．me / crypto_dafa108", "telegram", "crypto_dafa108"),
        ("telegram . dog/crypto_qiqi226", "telegram", "crypto_qiqi226"),
        ("say hi 👉 tg://resolve?domain=lucky_vip320", "telegram", "lucky_vip320"),
    ],
    "qq_group_slang_and_grouped_numerals": [
        ("🐧裙：6501９964４４ 代理招募", "qq", "6501996444"),
        ("Q君：874⑨③①‧162 百家乐包赢", "qq", "874931162"),
        ("叩叩：七捌八七‧一叁贰叁 彩金天天送", "qq", "78871323"),
        ("Q❤Q：肆7玖叁·捌零⓪肆⓪⑥", "qq", "4793800406"),
        ("扣裙：32⑤6 ⑥叁⑥叁⑤7", "qq", "3256636357"),
        ("扣扣：④①⑤·③⑨②·②⑤⑧·③", "qq", "4153922583"),
        ("球球：八八二 七二二 九五八 九", "qq", "8827229589"),
    ],
    "wechat_in_tone_marked_pinyin": [
        ("加Wēixìn：dafa-32372", "wechat", "dafa-32372"),
        ("加wēi xìn→haoyun-11662", "wechat", "haoyun-11662"),
        ("加V·X→wenwen-38688 资料发你", "wechat", "wenwen-38688"),
    ],
    "reverse_instruction_with_a_verb": [
        ("qq: 32948741 (type it backwards)", "qq", "14784923"),
        ("Q：98690591 （倒着输入）", "qq", "19509689"),
        ("wechat: 6758naitna (type it backwards)", "wechat", "antian8576"),
    ],
    "ticker_glued_before_the_id": [
        ("跑分 收usdthaoyun430x 是我V", "wechat", "haoyun430x"),
        ("收usdtvx：caiwu_4418", "wechat", "caiwu_4418"),
        ("换btcQQ：10225467", "qq", "10225467"),
    ],
}
CASES = [(family, *case) for family, cases in FAMILIES.items() for case in cases]
HARMFUL = [
    "联系我 百家乐包赢",
    "contact me, guaranteed profit crypto signals",
    "加我 上门服务 包夜",
]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
def test_family_gives_the_entity_on_every_surface(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    assert_handle_on_every_surface(scanner, family, text, kind, value)


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
@pytest.mark.parametrize("wording", HARMFUL)
def test_family_with_harmful_wording_is_not_allowed(
    scanner: Scanner, family: str, text: str, kind: str, value: str, wording: str
) -> None:
    if kind == "phone":
        pytest.skip("a plain phone number is allowed by design unless listed or prize bait")
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"{text}\n{wording}", surface=surface))
        assert (kind, value) in [(e.kind, e.value) for e in result.entities], (family, surface)
        assert result.verdict in ("review", "act"), (family, surface, result.to_dict())


@pytest.mark.parametrize(
    "text",
    [
        "我相信 2024年会更好",
        "每月扣 50000元工资",
        "扣 12 分，扣款 123456 元",
        "坐飞机 CA1234 去北京",
        "飞机票 3000元，电报局 1920年",
        "明治维新 1868年",
        "唯心：abc123 主义",
        "充电宝 10000mAh",
        "微信支付 满100减20",
        "QQ音乐 会员 12元",
        "赵薇：abc123",
        "权威：abc123 发布",
        "威信 50000元",
        "稍微等一下 abc123",
        "订单号 20261124001 已发货",
        "日期 2026-11-24 金额 13800.00 元",
        "会议 10:30，房间 1 2 3",
        "价格 1 3 8 元",
        "1 3 8 1 2 3 4 5 6 7 8 9 0",
        "Line up at 10:30 with 12345 people",
        "what app do you use?",
        "A T G C sequence",
        "order 4401234567 shipped",
        "I will text you tomorrow, qq",
        "The Wa River is 12345 km",
        "订单 20261124001 扣 50 元",
        "充值 100000 QQ币",
        "deadline 2024 line",
        "深圳航空所属ZH955T飞机，疑机械故障",
        "波音 B737MAX飞机 停飞",
        "TCs SAE Box326 CW25WX 150ppm",
        "size 30 w x 40 h, 2024 v x 5000",
        "飞机 @Tasha杀手 好看",
        "QQ群 2024-12-06 更新",
        "微信搜索 云购全球",
        "赵薇好友：abc123",
        "微信好友 abcdef",
        "微信红包 88888",
        "Tel: 12345678",
        "I love VV so much",
        "Q: 1999.99 is the price",
        "V：12.50 a cup",
        "QQ：hello world",
        "扣 1500.50 元",
        "每月扣 1500.50",
        "两三个人，一二三四五",
        "我们两个一起去了五六次",
        "价格 1 2 3 4 5 元",
        "微信支付 满 1 0 0 减 2 0",
        "V 8 折",
        "第一二三四五六七八九十名",
        "赵薇：abc123",
        "wechat is great",
        "加V\nthanks",
        "daily 🐧 is fun",
        "一位新用户：abc123",
        "每月3、7、13、17、23日检查",
        "月薪 15000～200000 元",
        "I posted 2 photos on telegram",
        "take the first line of every song",
        "zap the bugs: 100 points",
        "my line account is great",
        "账号是 abc12345",
        "my id is great",
        "号是多少",
        "I will call you between 1 (or 2) and 3",
        "时间：10 30 开会",
        "Q君说：你好",
    ],
)
def test_prose_has_no_handle_or_phone(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="comment"))
    assert result.entities == [], [(e.kind, e.value) for e in result.entities]
    assert result.verdict == "allow"


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("加薇 fu❤️li❤️274960", "fu.li"),
        ("微信：kk73🔥943🔥vip", "943.vip"),
        ("V：bet🔥888🔥com", "888.com"),
        ("V：kk73 🔥 943 🔥 vip", "943.vip"),
        ("百家乐 QQ：5351722 🔥 VIP", "5351722.vip"),
        ("微信：lucky8899 👉 app", "lucky8899.app"),
        ("W h a t s A p p +852 9091 4111", "whats.app"),
    ],
)
def test_an_id_owned_by_a_cue_is_never_a_host(scanner: Scanner, text: str, host: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="chat"))
    assert [e for e in result.entities if e.host or e.kind in ("url", "domain")] == []
    assert all(host not in (e.value or "") for e in result.entities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("热线 138 1234 5678 2024年12月", [("phone", "13812345678")]),
        ("QQ 12345678 2024", [("qq", "12345678")]),
        ("QQ 1 2 3 4 5 6 7 8 2024", [("qq", "12345678")]),
        ("联系电话 1 3 8 1 2 3 4 5 6 7 8，2024-12-01 截止", [("phone", "13812345678")]),
        ("微信 13812345678，价格 99 元", [("wechat", "13812345678")]),
    ],
)
def test_numbers_are_not_glued_to_dates_or_prices(
    scanner: Scanner, text: str, expected: list[tuple[str, str]]
) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="chat"))
    assert [(e.kind, e.value) for e in result.entities] == expected


def test_homophone_table_is_generated_from_its_script() -> None:
    pytest.importorskip("pypinyin")
    done = subprocess.run(
        [sys.executable, "-m", "bench.build_cue_homophones", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
