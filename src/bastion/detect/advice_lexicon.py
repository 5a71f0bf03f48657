"""Word lists of the unqualified-advice detector, written from domain knowledge (no corpus).

Two kinds of evidence must meet within ``WINDOW`` characters of each other:

* an **offer**: the words of someone selling a service or soliciting clients ("DM me for",
  "I can help you", "free consultation", "book a session", "私信咨询", "一对一", "加我", "包过",
  a price per session) or a promise no honest professional makes ("guaranteed", "包治", "稳赚");
* a **domain** word: the vocabulary of medicine, law, finance/investment, education or
  psychology.

Talk about health, law or money has domain words but no offer ("my doctor said", "股市大跌");
an offer of something else has no domain word ("I can help you move on Saturday"). Texts are
matched after ``textterms.fold`` (NFKC, lower case, simplified Chinese). English words stand
whole (``\\b``); Chinese words match anywhere.

The evaluation set (bench/vectors/credentials_eval.jsonl) was written before these lists and
is not used to tune them (README "Unqualified advice").
"""

from __future__ import annotations

from typing import Final

NOT_OFFERS: Final = ("专治各种不服", "专治不服")
"""Idioms that read like an offer and are not ("motorbikes: 专治各种不服", "cures all defiance");
removed before matching."""

DOMAINS: Final = ("medical", "legal", "financial", "education", "psychology")
WINDOW: Final = 120

OFFER_EN: Final = (
    r"\b(?:dm|pm|inbox|message|msg|text|whatsapp|telegram|contact|call|email|hit|ping)\s+(?:me|us)\b",
    r"\bdm\s+(?:for|to|me)\b",
    r"\b(?:i|we)\s*(?:can|will|'ll|ll)\s+(?:help|get|fix|cure|heal|treat|teach|show|guide|manage|"
    r"handle|represent|draft|write|change|diagnose|coach|be\s+your)\b",
    r"\b(?:i|we)\s+(?:offer|provide|help|cure|heal|treat|fix|write|teach|draft|handle|diagnose|"
    r"show|coach|guarantee|manage|specialize|specialise)\b",
    r"\blet\s+me\s+(?:be|help|guide|handle|fix|show|teach|manage|treat)\b",
    r"\bconsult(?:ation|ations)?\b",
    r"\b(?:book|schedule)\s+(?:a|an|your|now|today|my)\b",
    r"\b(?:sign\s+up|enrol+|apply|register|order|subscribe|join)\s+(?:now|today|my|our|via|here|to)\b",
    r"\blink\s+(?:in|below|in\s+my)\s*(?:bio)?\b",
    r"\b(?:guaranteed?|guarantees|100\s*%|money[\s-]back|no\s+cure\s+no\s+pay)\b",
    r"\b(?:private|1[\s-]?on[\s-]?1|one[\s-]on[\s-]one|1:1)\b",
    r"\b(?:limited|only\s+\d+)\s+(?:spots|slots|places|seats)\b|\bspots?\s+(?:are\s+)?limited\b",
    r"\$\s?\d+\s*(?:per|an|a|/)\s*(?:hour|session|hr|class|lesson)\b",
    r"\b(?:cheap|affordable|my|for|low)\s+(?:rates|fees|prices?|quotes?)\b|\bprice\s+list\b",
    r"\bfor\s+a\s+(?:quote|fraction)\b|\bserious\s+inquiries\b|\bfirst\s+session\s+free\b",
    r"\bno\s+(?:license|licence|lawyer|lawyers|labs|doctor|prescription)\s+(?:needed|required|"
    r"visit|necessary)\b|\bno\s+credit\s+check\b",
    r"\b(?:my|our)\s+(?:clinic|services|program|programme|course|clients|patients|vip|premium)\b",
    r"\b(?:sessions?|coaching|mentorship|lessons)\b.{0,40}\b(?:available|now|today|book|dm|apply)\b",
)

OFFER_ZH: Final = (
    r"私信(?:我|咨询|了解|预约|联系|获取|领取|详聊|发)|(?:请|欢迎|速|可|直接)私信|私聊|私我|加我|加v|"
    r"加微|加薇|加威|加扣|加q|加群|进群|微信详|联系我|找我|戳我|滴滴我|速来",
    r"(?:请|欢迎|免费|在线|速来|来|私信|加微信|微信)咨询|咨询(?:请|加|热线|电话|微信)|详询|详聊|预约",
    r"一对一|1对1|一对1|报名|招生(?:中|简章|咨询)|(?:正在|火热|现在|常年)招生|收徒|接单|训练营|特价|"
    r"名额(?:有限|不多)|限前",
    r"包治|包好|包过|保过|包赢|包拿|包出|包改变|包你|"
    r"保证(?:你|能|会|效果|有效|治|好|过|录|赚|收益|回报|胜|赢|成功|提高|提分|通过)|"
    r"无效退款|不成功退款|不过退款|不赢不收费|退款",
    r"根治|专治|见效|不复发|稳赚|保本|翻倍|带单|喊单|荐股|带你|跟着我|跟我学|我帮你|我来帮你|帮你|"
    r"我可以帮|我可以给你|我能帮|代写|代考|代做|代购|代办|拿货",
    r"有需要的|需要的(?:朋友|宝宝|家长|联系|私信|加)|想要的|想赚钱的|想报名的|(?:欢迎|请|可|的)留言|"
    r"留言(?:咨询|预约|获取|领取)",
    r"价格(?:面议|好商量|实惠|优惠)|[一每](?:份|次|节|小时|课)\s*\d+|\d+\s*元\s*[一每](?:份|次|节|小时)",
)

DOMAIN_EN: Final = {
    "medical": (
        r"\b(?:doctor|dr|physician|cure[sd]?|curable|heal|heals|healing|healer|treatments?|"
        r"remed(?:y|ies)|diabetes|insulin|blood\s+pressure|cancer|infertility|thyroid|eczema|"
        r"psoriasis|back\s+pain|pain|weight\s+loss|lose\s+\d+\s*(?:lbs|kg|pounds)|capsules?|"
        r"pills?|supplements?|herbal|detox|prescriptions?|xanax|adderall|erectile|hormone|"
        r"symptoms?|diagnos\w*|clinic|medical|medicine|meds|disease|parasites|autism|arthritis|"
        r"hiv|covid|vaccines?|illness|skin|acne|surgery|hypertension|impotence)\b"
    ),
    "legal": (
        r"\b(?:legal|lawyers?|attorneys?|laws?|lawsuits?|sue|court|custody|divorce|visas?|"
        r"immigration|green\s+card|dui|eviction|evict\w*|contracts?|landlords?|tenants?|"
        r"disputes?|court\s+filings?|wills|case\s+(?:dismissed|review)|paralegal|litigation|"
        r"asylum|deportation|bail|criminal\s+record|expunge\w*)\b"
    ),
    "financial": (
        r"\b(?:invest\w*|stocks?|shares|forex|fx|crypto\w*|bitcoin|btc|trading|trader|"
        r"signals|returns?|profits?|gains|portfolio|passive\s+income|loans?|credit\s+(?:scores?|"
        r"check|repair)|bad\s+credit|double\s+your\s+money|make\s+money|earn\s+money|"
        r"\$\d[\d,]*\s*(?:daily|a\s+day|per\s+day|weekly|a\s+week)|dividends?|retirement|"
        r"real\s+estate|mining|financial|wealth|options\s+trading|binary\s+options|"
        r"mortgage|debt\s+relief)\b"
    ),
    "education": (
        r"\b(?:essays?|dissertations?|thesis|assignments?|homework|exams?|tutor\w*|ielts|"
        r"toefl|sat|gre|gmat|admissions?|grades?|class|classes|lessons?|courses?|bootcamp|"
        r"university|college|harvard|students?|coursework|plagiarism|diploma|degree)\b"
    ),
    "psychology": (
        r"\b(?:depress\w*|anxiety|anxious|trauma|ptsd|panic\s+attacks?|therapy|therapist|"
        r"counsel\w*|mental\s+health|ocd|adhd|hypno\w*|suicidal|psycholog\w*|couples|"
        r"phobias?|grief|insomnia|self[\s-]harm|bipolar|eating\s+disorders?)\b"
    ),
}

DOMAIN_ZH: Final = {
    "medical": (
        r"中医|西医|医生|医师|名医|神医|老中医|治疗|治好|专治|根治|包治|医治|诊治|治病|病|药|方子|"
        r"偏方|秘方|疗程|调理|问诊|开方|减肥|瘦身|痛风|糖尿病|血糖|高血压|血压|不孕|癌|肿瘤|"
        r"牛皮癣|湿疹|白癜风|痘|失眠|壮阳|阳痿|早泄|近视|视力|针灸|保健品|胃|肝|肾|痔疮|脱发"
    ),
    "legal": (
        r"法律|律师|官司|诉讼|起诉|仲裁|纠纷|维权|讨债|要债|离婚|抚养权|赔偿|签证|拒签|移民|"
        r"律师函|刑事|减刑|合同|案件|法务|判决|上诉|劳动仲裁|答辩状|起诉状"
    ),
    "financial": (
        r"股票|炒股|股市|涨停|牛股|原始股|操盘|收益|翻倍|理财|基金|期货|外汇|黄金|币圈|比特币|"
        r"带单|喊单|荐股|贷款|下款|征信|到账|投资|赚钱|年化|保本|回报|利息|低息|稳赚|资金"
    ),
    "education": (
        r"论文|作业|考试|代考|考研|雅思|托福|补习|辅导|家教|提分|成绩|留学|文书|名校|保录|"
        r"教师资格|课程设计|毕业设计|英语|口语|学习方法|培训|升学|高考|中考|出分|查重|期刊|学分|"
        r"数学|语文|课程"
    ),
    "psychology": (
        r"心理|抑郁|焦虑|强迫症|恐惧症|情感|挽回|失恋|厌学|叛逆|催眠|创伤|自闭症|倾听|疏导|"
        r"婚姻|走出来"
    ),
}
