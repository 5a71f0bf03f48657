# ruff: noqa: E501  (prose quoting CJK and full-width text, whose display width ruff counts double)
"""Red team 2's failing families grouped into classes, each with a diagnosis from the outside.

Written after the first run (commit 523a632) from the misses alone (Bastion's code unread): what a
careful reader does with these messages that Bastion does not. ``bench.redteam2_eval`` prints
each class with its families' recall and 2-3 examples into ``bench/results/redteam2_misses.md``.
"""

from __future__ import annotations

CLASSES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "Markup is read as text, not rendered",
        (
            "html_tag_split",
            "bbcode_split_tags",
            "wechat_markup",
            "html_numeric_every_char",
            "html_named_entities_scheme",
            "wechat_html_entities",
        ),
        "Bios, forum posts and listings are stored as HTML, BBCode or markdown, and the reader "
        "sees them rendered: `bet<b>888</b>.com`, `[b]bet[/b][i]888[/i].com`, `**vx**：`abc88``, "
        "`&#98;&#101;&#116;888.com`, `https&colon;&sol;&sol;bet888&nbsp;&period;&nbsp;com`, "
        "`微信&colon;abc8899` all read as a plain host or handle. Bastion decodes only the entities "
        "that stand for a dot (`&#46;`, `&period;`), not entity-encoded letters, `&colon;`, `&sol;`, "
        "or `&nbsp;`/`&#160;`/`&ensp;` padding, and it does not drop tags or BBCode/markdown "
        "emphasis before joining. Worse than a miss: the tag names become hosts, so "
        "`[size=5]ol[/size].com` reports `size.com` and `[color=red]x[/color].com` `color.com` "
        "(real, other sites), and `usdde<i>x</i><b>.</b>io` reports `ixib.bio`. A reader strips "
        "markup (tags, `[x]...[/x]`, `**`, backticks) and decodes every character reference "
        "before looking for hosts.",
    ),
    (
        "Dot words and dot brackets outside the closed list",
        (
            "small_caps_juhao",
            "dotword_zh_juhao_fullwidth",
            "dotword_en_period",
            "dotword_world_languages",
            "dian_tone_marks",
            "dot_lookalike_spaced",
            "mixed_width_case_cjk_brackets",
            "telegram_tme_disguised",
            "fullwidth_ideo_space_dotword",
        ),
        "A reader recognises any word that names the full stop: Chinese `句号`, `句点`, `圆点`, "
        "`小圆点`, `小数点`; English `period`, `full stop`, `d.o.t`, `•dot•`; `punt`, `tuldok`, "
        "`ピリオド`, `점`, `डॉट`, `نقطة`, `τελεία`, `bodka`, `tečka`; pinyin with its tone "
        "(`diǎn`, `dian3`); and any pair of brackets around a dot (`〖.〗`, `〈.〉`, `『.』`, "
        "`〔.〕`). Bastion's dot vocabulary is a fixed list (README table), so each new word or "
        "bracket pair is a family of its own that allows a listed host. Dot look-alike symbols "
        "(`⋅ ∙ • ‧ ⸱ ᛫ ・ · ᐧ ⸳`) work glued (`luckycasino⋅com`) but not between spaced letters "
        "(`l u c k y ⋅ c o m`), where only `.`, `．`, `﹒`, `․` work; `︒` and `܁` fail both ways. "
        "Wrong hosts follow: `x •dot• com` gives `x.dot.com`, `x dian3 com` gives `dian3.com`, "
        "`ｖ　９　ｂｅｔｖｉ　点　ｃｏｍ` gives `v9bet.vi`.",
    ),
    (
        "Layouts: reading order and per-line framing",
        (
            "box_vertical_layout",
            "acrostic_with_hint",
            "chat_log_split",
            "reversed_fullwidth_spaced",
        ),
        "A reader follows the layout: one character per line inside box-drawing frames (`┃b┃`), "
        "the first letter of each line when the message says so, a chat log whose lines carry a "
        "`[20:01] name:` prefix, and a spaced full-width string `ｍ ｏ ｃ ． ...` with `(read it "
        "backwards)`. Bastion joins only bare one-piece-a-line text and reverses only unspaced "
        "strings; framing characters, speaker prefixes and acrostic hints defeat it. (The same "
        "box layout works for a WeChat id after its cue, so the handle path already strips the "
        "frame.)",
    ),
    (
        "Programming notation",
        ("js_escapes", "code_string_concat"),
        "Technical spammers write `bet888\\u002ecom`, `\\x2e`, `\\056`, or string "
        "concatenation `'bet' + '888' + '.com'` / `“bet”＋“888”＋“.com”`. A reader who knows the "
        "notation evaluates it; Bastion decodes `https:\\/\\/` but no other escape, and its "
        "plus-sign join does not take quoted pieces.",
    ),
    (
        "Digit groups with CJK separators and radio digits",
        (
            "phone_cn_separators",
            "qq_fullwidth_groups",
            "qq_zero_forms_spaced",
            "phone_spoken_radio",
            "edge_whatsapp_styled_fullwidth_groups",
        ),
        "`138—1234—5678`, `163–8353–8107`, `178丨0513丨4230`, `138、1234、5678`; QQ numbers "
        "`３８９１３６～８３９`, `１８６‧７１１３`; radio digits `洞` (0), `拐` (7), `勾` (9) beside "
        "`幺`/`两`; WhatsApp numbers as full-width `＋` and three-digit groups. A reader reads one "
        "number. Bastion accepts `-`, `.`, spaces and emoji between groups but not dashes of "
        "other widths, `、`, `～`, `丨`, `‧`; and where it does find a QQ number it stops at the "
        "first unknown separator and reports a *wrong, shorter id* (`qq:389136` for `389136839`, "
        "`qq:68315334` for `6831533400`).",
    ),
    (
        "Messenger cues in other languages and English phrasing",
        ("telegram_cue_world", "telegram_english_phrasing", "whatsapp_cue_world"),
        "`телеграм @x`, `تلگرام`, `テレグラム`, `텔레그램`, `เทเลแกรม`; `DM on tele, handle is x`, "
        "`my TG handle — x`, `search x in Telegram`, `hit me up on the blue plane app → x`; "
        "`왓츠앱`. Bastion's cue list covers Chinese street names in depth but few other "
        "languages, and the English id-after-cue phrasing needs the id right after the cue: "
        "`find us on telegram: username x` reports the handle `telegram:username`.",
    ),
    (
        "Messenger deep links kept as deeplinks",
        ("whatsapp_api_links", "line_styled"),
        "`whatsapp://send?phone=447620145165` and `line://ti/p/@id` are found as `deeplink` "
        "entities but never as the WhatsApp number or LINE id they open (while `wa.me/`, "
        "`api.whatsapp.com/send?phone=` and `line.me/R/ti/p/@` are), so handle rules and handle "
        "lists never see them.",
    ),
    (
        "Composed letter styles that break token boundaries",
        (
            "edge_fullwidth_spaced_emoji_sep",
            "edge_zalgo_math_brackets",
            "edge_math_spaced_tags",
            "homoglyph_tld_dotword",
            "edge_enclosing_homoglyph",
            "underline_marks_spaced",
        ),
        "Each trick alone is handled; stacked, they are not: full-width letters separated by the "
        "same emoji (`ｔ💰ｒ💰ａ...点 ｃ💰ｏ💰ｍ`), math sans letters each carrying two Zalgo marks "
        "(incl. U+0489) before `【.】`, spaced math letters with tag characters (gives the wrong "
        "host `justbasic.shop` for `justbasicshop.com`), and spaced letters each with an "
        "underline mark (`n̲ i̲ c̲ e̲ 点 c̲ o̲ m̲`; unspaced they pass). "
        "Greek `κ` (kappa) is not read as `k` and splits the name, giving wrong hosts that are "
        "real other sites (`κ8νn58 点 cοm` -> `n58.com`, `bаnκlοginus` -> `ginus.com`). A reader "
        "folds each character first and then reads the string.",
    ),
    (
        "Handles offered with spam wording are allowed",
        (),
        "README and issue 6 promise `review` for a handle offered with gambling, sex-service or "
        "scam wording. Found handles are allowed after `DM me for the full video`, `sugar daddy "
        "wanted`, `work from home $300/day`, `看片资源加` (porn resources), `代理招募 高返佣` "
        "(gambling-agent recruitment), while `百家乐包赢`, `兼职日结` and `casino VIP agent` do "
        "reach review: the wording list lacks sex-service and job-scam English and some Chinese "
        "recruitment words. Table: `handle_wording` in redteam2.json.",
    ),
    (
        "Two readings resolved to one (should_review)",
        (
            "review_struck_decoy_letter",
            "review_line_end_hyphen",
            "review_keyboard_adjacent",
            "review_hashtag_split",
            "review_tld_transliterated_zh",
        ),
        "Where a reader is unsure, the rule is `review`, never a wrong host. Bastion picks one "
        "reading and allows: a struck-out letter (`espacx̶ejeux.com`) is kept and the host "
        "`espacxejeux.com` reported; a word broken at a line-end hyphen (`fi-\\nnexio.com`) "
        "reports the tail `nexio.com` (a real other site); a one-key typo beside `(typo, you "
        "know the one)`, `#name #com` and `点 康姆` are allowed with nothing flagged.",
    ),
)
