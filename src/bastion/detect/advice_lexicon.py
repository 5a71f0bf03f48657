"""Word lists of the unqualified-advice detector, written from domain knowledge (no corpus).

Two kinds of evidence must meet within ``WINDOW`` characters of each other, as two different
words (a word that reads as both, such as 稳赚 or 翻倍, is one piece of evidence, not two):

* an **offer**. *Solicitations* are the words of someone selling a service to the reader or
  promising what no honest professional promises ("DM me for", "I can help you", "1-on-1",
  "私信咨询", "一对一", "加我", "包过", "稳赚"). *Commerce* words are what every shop, carrier
  and estate agent writes too ("call us", "book a", "sign up now", "请咨询", "详询", "预约",
  "特价", "报名", "联系我", "找我", "见效"): on their own they say a business sells something,
  not that someone offers advice;
* a **domain** word. *Service* words name the advice or service itself (a lawyer, a lawsuit, a
  treatment, a cure, tutoring, therapy, stock tips: 律师, 官司, 治疗, 根治, 辅导, 心理咨询,
  荐股); *topic* words name what people talk about (a pharmacy's 药, a jeweller's 黄金, a
  carrier's 翻倍 points, 投资 in an estate ad, a class, a visa, insomnia).

An offer is found when a solicitation meets any domain word, or a commerce word meets a service
word; a commerce word beside a topic word (a pharmacy's sale, "points doubled, ask in store") is
marketing, not advice. Talk about health, law or money has domain words but no offer ("my doctor
said", "股市大跌"); an offer of something else has no domain word ("I can help you move on
Saturday"). Texts are matched after ``textterms.fold`` (NFKC, lower case, simplified Chinese).
English words stand whole (``\\b``); Chinese words match anywhere.

The evaluation set (bench/vectors/credentials_eval.jsonl) was written before these lists and
is not used to tune them (README "Unqualified advice"). The split into solicitations and
commerce, service and topic words was made from what real marketing SMS and Weibo comments
were flagged for (bench/false_positives.py, the seeded dev half of each set).
"""

from __future__ import annotations

from typing import Final

NOT_OFFERS: Final = (
    "专治各种不服",
    "专治不服",
    "加v人士",
    "加v用户",
    "加v认证",
    "加v博主",
    "参加我",
    "增加我",
    "追加我",
    "更加我",
)
"""Idioms that read like a solicitation and are not, removed before matching: "专治各种不服"
("cures all defiance"), Weibo's 加V (a verified badge: "加V人士" is a verified user), 加我 inside
参加我们 / 增加我."""

DOMAINS: Final = ("medical", "legal", "financial", "education", "psychology")
WINDOW: Final = 120

OFFER_EN: Final = (
    r"\b(?:dm|pm|inbox|message|whatsapp|telegram|contact)\s+me\b",
    r"\b(?:dm|pm|inbox|whatsapp|telegram)\s+us\b",
    r"\bdm\s+(?:for|to)\b",
    r"\b(?:i|we)(?:\s+can|\s+will|'ll|’ll)\s+(?:help\s+you|get\s+you|cure|heal|treat|teach|"
    r"represent|draft|write|diagnose|coach|be\s+your)\b",
    r"\b(?:i|we)\s+(?:offer|provide|cure|heal|treat|write|teach|draft|diagnose|coach|guarantee|"
    r"specialize|specialise)\b",
    r"\blet\s+me\s+(?:be\s+your|help\s+you|guide\s+you|treat)\b",
    r"\blink\s+(?:in|below|in\s+my)\s*(?:bio)?\b",
    r"\b(?:guaranteed?|guarantees|money[\s-]back|no\s+cure\s+no\s+pay)\b",
    r"\b(?:1[\s-]?on[\s-]?1|one[\s-]on[\s-]one|1:1)\b",
    r"\bfirst\s+session\s+free\b|\bserious\s+inquiries\b",
    r"\bno\s+(?:license|licence|lawyer|lawyers|labs|doctor|prescription)\s+(?:needed|required|"
    r"visit|necessary)\b|\bno\s+credit\s+check\b",
)
"""Solicitations in English."""

COMMERCE_EN: Final = (
    r"\b(?:call|text|msg|email|hit|ping|contact|message)\s+(?:me|us)\b",
    r"\b(?:i|we)(?:\s+can|\s+will|'ll|’ll)\s+(?:help|get|fix|show|guide|manage|handle|"
    r"change)\b",
    r"\b(?:i|we)\s+(?:help|fix|show|manage|handle)\b",
    r"\blet\s+me\s+(?:help|guide|handle|fix|show|teach|manage)\b",
    r"\bconsult(?:ation|ations)?\b",
    r"\b(?:book|schedule)\s+(?:a|an|your|now|today|my)\b",
    r"\b(?:sign\s+up|enrol+|apply|register|order|subscribe|join)\s+(?:now|today|my|our|via|here|to)\b",
    r"\b100\s*%|\bprivate\b",
    r"\b(?:limited|only\s+\d+)\s+(?:spots|slots|places|seats)\b|\bspots?\s+(?:are\s+)?limited\b",
    r"\$\s?\d+\s*(?:per|an|a|/)\s*(?:hour|session|hr|class|lesson)\b",
    r"\b(?:cheap|affordable|my|for|low)\s+(?:rates|fees|prices?|quotes?)\b|\bprice\s+list\b",
    r"\bfor\s+a\s+(?:quote|fraction)\b",
    r"\b(?:my|our)\s+(?:clinic|services|program|programme|course|clients|patients|vip|premium)\b",
    r"\b(?:sessions?|coaching|mentorship|lessons)\b.{0,40}\b(?:available|now|today|book|dm|apply)\b",
)
"""Commerce words in English."""

OFFER_ZH: Final = (
    r"私信(?:我|咨询|了解|预约|联系|获取|领取|详聊|发)|(?:请|欢迎|速|可|直接)私信|私聊|私我|加我|加v|"
    r"加微|加薇|加威|加扣|加q|加群|进群|微信详|戳我|滴滴我",
    r"(?:私信|加微信|微信)咨询|咨询(?:加|微信)|详聊",
    r"一对一|1对1|一对1|收徒|接单",
    r"包治|包好|包过|保过|包赢|包拿|包出|包改变|包你(?:过|好|赚|赢|瘦|上岸|拿证|通过|满分|考上)|"
    r"保证(?:你|能|会|效果|有效|治|好|过|录|赚|收益|回报|胜|赢|成功|提高|提分|通过)|"
    r"无效退款|不成功退款|不过退款|不赢不收费",
    r"根治|专治|不复发|稳赚|保本|带单|喊单|荐股|带你|跟着我|跟我学|我帮你|我来帮你|"
    r"我可以帮|我可以给你|我能帮|代写|代考|代做",
    r"需要的(?:朋友|宝宝|家长|联系|私信|加)|想赚钱的",
)
"""Solicitations in Chinese."""

COMMERCE_ZH: Final = (
    r"(?:请|欢迎|免费|在线|速来|来)咨询|咨询(?:请|热线|电话)|详询|预约|速来|联系我们|联系我司",
    r"报名|招生(?:中|简章|咨询)|(?:正在|火热|现在|常年)招生|训练营|特价|名额(?:有限|不多)|限前",
    r"退款|翻倍|帮你|代购|代办|拿货|有需要的|想要的|想报名的|联系我|找我|见效",
    r"(?:欢迎|请|可|的)留言|留言(?:咨询|预约|获取|领取)",
    r"价格(?:面议|好商量|实惠|优惠)|[一每](?:份|次|节|小时|课)\s*\d+|\d+\s*元\s*[一每](?:份|次|节|小时)",
)
"""Commerce words in Chinese."""

SERVICE_EN: Final = {
    "medical": (
        r"\b(?:cure[sd]?|curable|heal|heals|healing|healer|treatments?|remed(?:y|ies)|"
        r"prescriptions?|xanax|adderall|diagnos\w*)\b"
    ),
    "legal": (
        r"\b(?:lawyers?|attorneys?|lawsuits?|sue|court\s+filings?|case\s+(?:dismissed|review)|"
        r"paralegal|litigation|expunge\w*|legal\s+(?:advice|help|services?|counsel))\b"
    ),
    "financial": (
        r"\b(?:invest\w*|forex|fx|trading|trader|signals|portfolio|passive\s+income|"
        r"credit\s+(?:check|repair)|bad\s+credit|double\s+your\s+money|make\s+money|earn\s+money|"
        r"\$\d[\d,]*\s*(?:daily|a\s+day|per\s+day|weekly|a\s+week)|options\s+trading|"
        r"binary\s+options|debt\s+relief)\b"
    ),
    "education": (
        r"\b(?:essays?|dissertations?|thesis|assignments?|homework|tutor\w*|coursework|"
        r"plagiarism)\b"
    ),
    "psychology": r"\b(?:therapy|therapist|counsel\w*|hypno\w*|psycholog\w*)\b",
}
"""Service words in English."""

TOPIC_EN: Final = {
    "medical": (
        r"\b(?:doctor|dr|physician|diabetes|insulin|blood\s+pressure|cancer|infertility|thyroid|"
        r"eczema|psoriasis|back\s+pain|pain|weight\s+loss|lose\s+\d+\s*(?:lbs|kg|pounds)|"
        r"capsules?|pills?|supplements?|herbal|detox|erectile|hormone|symptoms?|clinic|medical|"
        r"medicine|meds|disease|parasites|autism|arthritis|hiv|covid|vaccines?|illness|skin|acne|"
        r"surgery|hypertension|impotence)\b"
    ),
    "legal": (
        r"\b(?:legal|laws?|court|custody|divorce|visas?|immigration|green\s+card|dui|eviction|"
        r"evict\w*|contracts?|landlords?|tenants?|disputes?|wills|asylum|deportation|bail|"
        r"criminal\s+record)\b"
    ),
    "financial": (
        r"\b(?:stocks?|shares|crypto\w*|bitcoin|btc|returns?|profits?|gains|loans?|"
        r"credit\s+scores?|dividends?|retirement|real\s+estate|mining|financial|wealth|mortgage)\b"
    ),
    "education": (
        r"\b(?:exams?|ielts|toefl|sat|gre|gmat|admissions?|grades?|class|classes|lessons?|"
        r"courses?|bootcamp|university|college|harvard|students?|diploma|degree)\b"
    ),
    "psychology": (
        r"\b(?:depress\w*|anxiety|anxious|trauma|ptsd|panic\s+attacks?|mental\s+health|ocd|adhd|"
        r"suicidal|couples|phobias?|grief|insomnia|self[\s-]harm|bipolar|eating\s+disorders?)\b"
    ),
}
"""Topic words in English."""

SERVICE_ZH: Final = {
    "medical": (
        r"医生|医师|名医|神医|老中医|治疗|治好|专治|根治|包治|医治|诊治|治病|看病|方子|偏方|秘方|"
        r"问诊|开方|针灸"
    ),
    "legal": (
        r"律师|官司|诉讼|起诉|仲裁|维权|讨债|要债|律师函|法务|上诉|答辩状|起诉状|减刑|抚养权|"
        r"法律(?:咨询|顾问|援助|服务)"
    ),
    "financial": r"牛股|原始股|操盘|荐股|带单|喊单|期货|外汇|币圈|比特币|下款|征信|稳赚|保本",
    "education": r"代考|代写|补习|辅导|家教|提分|保录",
    "psychology": r"心理|催眠|疏导|挽回|倾听",
}
"""Service words in Chinese."""

TOPIC_ZH: Final = {
    "medical": (
        r"疗程|中医|西医|疾病|病情|病人|病症|性病|妇科|药|减肥|瘦身|痛风|糖尿病|血糖|高血压|血压|不孕|癌|"
        r"肿瘤|牛皮癣|湿疹|白癜风|痘|失眠|壮阳|阳痿|早泄|近视|视力|保健品|胃|肝|肾|痔疮|脱发|调理"
    ),
    "legal": r"法律|纠纷|离婚|赔偿|签证|拒签|移民|刑事|合同|案件|判决|劳动仲裁",
    "financial": (
        r"炒股|股票|股市|涨停|收益|翻倍|理财|基金|黄金|贷款|到账|投资|赚钱|年化|回报|利息|低息|资金"
    ),
    "education": (
        r"论文|查重|出分|作业|考试|考研|雅思|托福|成绩|留学|文书|名校|教师资格|课程设计|毕业设计|英语|口语|"
        r"学习方法|培训|升学|高考|中考|期刊|学分|数学|语文|课程"
    ),
    "psychology": r"抑郁|焦虑|强迫症|恐惧症|情感|失恋|厌学|叛逆|创伤|自闭症|婚姻|走出来",
}
"""Topic words in Chinese."""
