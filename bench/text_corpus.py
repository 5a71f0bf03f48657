"""Training texts for the shipped text-intent model, written from domain knowledge.

Nothing here is copied from an evaluation set: these are fraud scripts, solicitations and
ordinary messages composed by the team (Chinese and English) and expanded by slot filling with a
fixed seed. They teach the model the shapes of the trades the issue names: impersonated police,
customer service and acquaintances, loan and refund scams, gambling and sex-service offers and
off-platform diversion; and, as negatives, the ordinary messages they hide among (chat, work,
family, deliveries, bank and carrier notices, shop marketing with an unsubscribe line).
``build(seed)`` returns ``(text, labels)`` rows, labels a set of categories (empty = normal).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Final

SLOTS: Final[dict[str, Sequence[str]]] = {
    "city": [
        "北京",
        "上海",
        "广州",
        "深圳",
        "杭州",
        "成都",
        "武汉",
        "南京",
        "西安",
        "重庆",
        "天津",
        "苏州",
    ],
    "police": [
        "公安局",
        "派出所",
        "刑侦大队",
        "经侦支队",
        "反诈中心",
        "检察院",
        "人民法院",
        "网警大队",
    ],
    "official": ["警官", "民警", "检察官", "法官", "办案人员", "专案组"],
    "crime": ["洗钱", "非法集资", "贩卖个人信息", "跨境赌博", "电信诈骗", "走私", "非法出入境"],
    "platform": [
        "淘宝",
        "京东",
        "拼多多",
        "抖音",
        "快手",
        "支付宝",
        "微信支付",
        "美团",
        "顺丰",
        "唯品会",
    ],
    "item": ["衣服", "护肤品", "手机壳", "零食", "快递包裹", "鞋子", "家电", "玩具"],
    "loanapp": ["借呗", "微粒贷", "京东金条", "网商贷", "360借条", "安逸花", "信用贷"],
    "amount": [
        "5000",
        "8000",
        "1万",
        "2万",
        "3万",
        "5万",
        "10万",
        "20万",
        "30000",
        "50000",
        "2000",
    ],
    "leader": ["王总", "李总", "张局", "刘主任", "陈经理", "赵校长", "孙处长", "周书记"],
    "relative": ["你表哥", "你大学同学", "你二姨", "老同学", "你侄子", "你战友", "你舅舅"],
    "gamble": [
        "百家乐",
        "真人荷官",
        "时时彩",
        "北京赛车",
        "体育投注",
        "六合彩",
        "幸运飞艇",
        "老虎机",
        "棋牌",
    ],
    "contact": [
        "加微信",
        "加V",
        "加vx",
        "加QQ",
        "扫码进群",
        "私聊我",
        "加我好友",
        "添加客服微信",
        "联系飞机",
    ],
    "handle": ["abc8899", "kefu668", "vip_520", "qq 12345678", "wx: mm8866", "tg@vip888", "ww1688"],
    "girl": ["学生妹", "少妇", "模特", "空姐", "小姐姐", "外围女", "嫩模"],
    "svc": ["上门服务", "全套服务", "包夜", "一条龙服务", "快餐", "特殊服务", "同城约"],
    "name": [
        "小王",
        "小李",
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "陈静",
        "杨帆",
        "老赵",
        "阿明",
        "小美",
    ],
    "shop": [
        "万达广场",
        "苏宁易购",
        "屈臣氏",
        "星巴克",
        "优衣库",
        "华润万家",
        "永辉超市",
        "海底捞",
        "肯德基",
    ],
    "time": ["明天上午", "今晚七点", "周六下午", "下周一", "后天", "月底", "本周五"],
    "bank": ["工商银行", "建设银行", "农业银行", "中国银行", "招商银行", "交通银行", "邮储银行"],
    "carrier": ["中国移动", "中国联通", "中国电信"],
    "en_org": [
        "IRS",
        "the police",
        "HMRC",
        "the FBI",
        "Social Security",
        "Amazon support",
        "PayPal",
    ],
    "en_brand": ["Amazon", "PayPal", "Apple", "Netflix", "your bank", "DHL", "USPS", "Microsoft"],
    "en_amt": ["$500", "$1,000", "$2,500", "£250", "£1000", "$5000", "$150"],
    "en_name": ["Tom", "Anna", "Mike", "Sarah", "Dave", "Lucy", "James", "Emma", "mum", "dad"],
    "en_handle": [
        "@luckybet88",
        "wa.me/447700900",
        "t.me/vipgirls",
        "kik: hotanna22",
        "snap: cutie_99",
    ],
    "phone": ["13812345678", "139 1234 5678", "15900001111", "186-2233-4455", "021-66778899"],
    "en_phone": [
        "07700 900123",
        "+1 202 555 0147",
        "555-0199",
        "(415) 555 0123",
        "+44 20 7946 0958",
    ],
    "en_game": [
        "casino",
        "slots",
        "sports betting",
        "poker",
        "roulette",
        "baccarat",
        "live casino",
    ],
}

# Chinese fraud scripts: impersonated police / prosecutors / courts / government.
ZH_SCAM: Final = [
    "您好，这里是{city}{police}，您的身份证涉嫌一起{crime}案件，请立即配合调查，不要告诉任何人。",
    "我是{city}{police}的{official}，你名下的银行卡涉嫌{crime}，需要把资金转入安全账户接受审查。",
    "{city}{police}通知：您涉嫌{crime}，已被列为嫌疑人，请下载指定软件视频配合笔录，否则将冻结您的账户。",
    "您有一张来自{city}{police}的传票，涉及{crime}案，请按9转人工{official}处理，逾期将强制执行。",
    "您的医保卡在{city}被异地盗刷，涉嫌{crime}，现转接{police}{official}为您核实，请提供银行卡号和验证码。",
    "{official}正在办理{crime}专案，需要核查你的资金是否清白，请将{amount}元转到国家清查账户，查清后退还。",
    "这是{city}{police}发出的逮捕令，你涉嫌{crime}，如需撤销请缴纳保证金{amount}元。",
    # impersonated customer service: refunds, memberships, logistics
    "您好，我是{platform}客服，您购买的{item}存在质量问题，我们将为您办理双倍理赔退款，请添加客服微信处理。",
    "尊敬的用户，您在{platform}开通了会员服务，每月将自动扣费{amount}元，如需取消请联系客服办理。",
    "您好，这里是{platform}官方客服，您的快递在运输中丢失，我们将赔偿您{amount}元，请点击链接填写银行卡信息。",
    "{platform}客服：您的账户被误设为代理商，每月扣费，需要您配合操作关闭，否则会影响征信。",
    "您好，我是{platform}的理赔专员，退款需要通过备用金借款验证流水，到账后原路返回给我们。",
    "您的{platform}账号存在异常交易风险，请在共享屏幕下按照客服指引操作，把余额转入安全账户。",
    "我们是{platform}售后中心，由于系统故障您被重复扣款，请提供验证码以便为您退款。",
    # loans and credit
    "无抵押无担保，凭身份证即可贷款{amount}元，秒批秒下款，黑户也能办，详情加微信。",
    "您好，您在{loanapp}的额度已提升至{amount}元，因流水不足需先缴纳解冻金才能提现。",
    "您申请的{amount}元贷款已审批通过，但银行卡号填写错误导致资金冻结，需交保证金解冻。",
    "我是{loanapp}工作人员，您的学生贷款记录未注销，会影响征信，请按要求把借款额度转出清零。",
    "征信修复、黑户贷款、网贷逾期协商，内部渠道当天下款，联系专员{handle}。",
    "急用钱？{loanapp}内部通道，不看征信，最高可借{amount}，先交手续费{amount}元即可放款。",
    # investment, jobs, rebates
    "刷单兼职，一单一结，日赚三五百，宝妈学生都可以做，有意者{contact}。",
    "跟着导师炒股，内幕消息稳赚不赔，高回报投资项目，带你月入过万，{contact}。",
    "数字货币理财，保本保息，日收益百分之五，拉人还有返利，名额有限速进群。",
    "恭喜您获得{platform}周年庆大奖{amount}元，请先缴纳个人所得税后领取奖金。",
    # impersonated leaders and acquaintances
    "我是{leader}，换了新号码，明天来我办公室一趟，先帮我转{amount}给一个合作方，回头还你。",
    "{name}，我是{leader}，我在开会不方便接电话，有笔款急需周转，你先打{amount}到这个账户。",
    "我是{relative}，在国外遇到点麻烦，手机快没电了，急需{amount}元，你先转到这张卡上，别告诉家里人。",
    "妈，我手机掉水里了这是新号，学校要交培训费{amount}元，你直接转给老师的卡吧。",
    "老同学，好久不见，我是{relative}，最近资金周转不开，能不能借我{amount}，下周一定还。",
    "你儿子出车祸了正在医院抢救，需要马上交手术费{amount}元，请转到医院账户。",
    "领导让我通知你，把{amount}元先转到这个账户，他加了你QQ，按他说的办，不要打电话。",
]
ZH_GAMBLING: Final = [
    "{gamble}官方平台，首充送彩金，日赚千元不是梦，{contact}{handle}。",
    "专业{gamble}计划群，稳赚包赢，回血上岸就找我，{contact}。",
    "真人荷官在线发牌，{gamble}、电子游艺任你玩，注册就送{amount}彩金，出款秒到。",
    "网上{gamble}，大额无忧，24小时上分下分，{contact}{handle}。",
    "{gamble}必中计划，跟单就赚，返水百分之二，新人首存翻倍。",
    "欧洲杯赌球开户，盘口最全，投注即送，代理佣金高达50%，{contact}。",
    "输了想回本？{gamble}专业导师带单，保证回血，{contact}。",
    "在线娱乐城，{gamble}、捕鱼、棋牌，充{amount}送{amount}，提现秒到账。",
]
ZH_SEX: Final = [
    "{city}同城{girl}{svc}，真实照片，{contact}{handle}。",
    "寂寞吗？{girl}在线裸聊，一对一视频，{contact}。",
    "高端{girl}上门，包夜{amount}，安全放心，{contact}{handle}。",
    "{city}本地约炮，附近的{girl}等你来撩，{contact}。",
    "看片福利群，成人视频每日更新，{contact}{handle}。",
    "{svc}，{girl}随叫随到，酒店宾馆均可，{contact}。",
    "福利姬私房照，一夜情交友，同城约，{contact}。",
]
ZH_DIVERSION: Final = [
    "这里说话不方便，{contact}{handle}详聊。",
    "想了解的{contact}，{handle}，备注来意。",
    "平台限制太多，大家{contact}，我拉你们进群。",
    "资料都在群里，{contact}领取，{handle}。",
    "有需要的朋友{contact}，私下交流，{handle}。",
    "主页看不到联系方式，{contact}：{handle}。",
]
EN_SCAM: Final = [
    "This is {en_org}. Your account has been suspended due to suspicious activity. Verify "
    "now or face arrest.",
    "{en_org} notice: you owe {en_amt} in back taxes. Pay today with gift cards to avoid "
    "legal action.",
    "Your {en_brand} account is locked. Confirm your card details at the link below "
    "within 24 hours.",
    "Hi {en_name}, I lost my phone, this is my new number. Can you send me {en_amt} "
    "urgently? I'll pay you back tomorrow.",
    "Congratulations! You have won a {en_amt} gift card. Call now to claim your prize "
    "before it expires.",
    "Your package could not be delivered. Pay a {en_amt} redelivery fee here to reschedule.",
    "Guaranteed profit: invest {en_amt} in crypto today and double your money in a week. "
    "DM me for details.",
    "Earn {en_amt} per day working from home, no experience needed. Contact our recruiter "
    "on WhatsApp.",
    "We noticed an unauthorized purchase on your {en_brand} account. Reply with the "
    "verification code to cancel it.",
    "You are pre-approved for a loan of {en_amt}, no credit check. Pay the processing fee "
    "to release the funds.",
    "Refund of {en_amt} is pending. To receive it, install the support app and let our "
    "agent access your screen.",
    "URGENT: your bank account will be frozen. Transfer your savings to a safe account "
    "our officer will give you.",
]
EN_GAMBLING: Final = [
    "Best online {en_game}, 200% welcome bonus and free spins. Sign up with code VIP and "
    "win big: {en_handle}",
    "Join our {en_game} tips group, 100% sure wins every day, message {en_handle}",
    "Deposit {en_amt} get {en_amt} free! Play {en_game} now, instant withdrawals.",
    "Fixed matches available, guaranteed odds, contact {en_handle} for today's sure bet.",
    "Live {en_game} 24/7, jackpot every hour, register and claim your bonus now.",
]
EN_SEX: Final = [
    "Hot local girls want to meet you tonight, no strings attached. Message {en_handle}",
    "Lonely? Private cam shows and nudes, add me {en_handle}",
    "Escort service available in your area, incall and outcall, discreet. Text {en_handle}",
    "Sexy singles near you, hookup tonight, click my profile.",
    "Send me a message for my private videos {en_handle} xx",
]
EN_DIVERSION: Final = [
    "Can't talk here, add me on {en_handle} and I'll explain.",
    "Check out my channel and subscribe, I post every day!",
    "DM me on Telegram for the full details: {en_handle}",
    "For the link, message me on WhatsApp {en_handle}",
    "Follow my page and contact me privately, {en_handle}",
]
ZH_NORMAL: Final = [
    "{name}，{time}一起吃饭吧，我订了{shop}附近的位子。",
    "会议改到{time}了，麻烦大家准时参加，材料我发群里了。",
    "妈，我{time}回家，不用来接我，记得给我留点饭。",
    "今天天气不错，{time}要不要去公园散步？",
    "快递已经放在门口的柜子里了，{name}记得取一下。",
    "报告我改好了，你看看还有什么需要补充的。",
    "孩子{time}开家长会，你有空去一趟吗？",
    "【{bank}】您尾号8821的账户于{time}转入人民币{amount}元，余额以实际为准。",
    "【{carrier}】尊敬的客户，您本月套餐内流量已使用80%，可发送短信查询详情。",
    "【{platform}】您的订单已发货，快递单号SF1234567890，请注意查收。",
    "您的验证码是482913，5分钟内有效，请勿泄露给他人。",
    "【{shop}】周年庆全场八折，会员积分翻倍，欢迎光临，退订回T。",
    "{shop}新品上市，{time}起到店消费满100减20，详询门店，回TD退订。",
    "尊敬的会员，您的积分即将到期，可到{shop}兑换礼品，感谢您的支持。",
    "【{carrier}】您的话费余额不足10元，为避免停机请及时充值。",
    "{city}今天有小雨，气温12到18度，出门记得带伞。",
    "这个周末带孩子去{city}玩了两天，吃了好多好吃的。",
    "谢谢{name}昨天帮忙，改天请你喝咖啡。",
    "{leader}，方案已经发到您邮箱了，请您有空时审阅。",
    "各位家长好，{time}学校组织春游，请给孩子准备好午餐和水。",
    "物业通知：{time}小区停水检修，请各位业主提前储水。",
    "您预约的{city}人民医院门诊已成功，请于{time}携带身份证就诊。",
    "【{city}{police}】反诈提醒：公检法不会通过电话办案，更没有安全账户，请勿向陌生人转账。",
    "【{bank}】温馨提示：请勿向任何人透露验证码，谨防诈骗。",
    "提醒：{platform}客服不会要求您开启屏幕共享，如遇此类情况请立即挂断。",
    "我刚看了那部电影，结局太感人了，推荐你也去看看。",
    "老师您好，孩子今天有点发烧，想请一天假，谢谢。",
    "今晚的球赛太精彩了，最后一分钟绝杀！",
    "下班顺路买点菜吧，家里没有鸡蛋了。",
    "{name}生日快乐！祝你天天开心，万事如意。",
    "本店{time}开业，进店有礼，欢迎新老顾客光临，地址：{city}{shop}一楼。",
    "您的{loanapp}账单已出，本期应还{amount}元，请按时还款以免影响信用。",
    "{city}地铁{time}起调整运营时间，请乘客合理安排出行。",
    "感谢您参加我们的活动，问卷链接已发送，填写后可获得小礼品。",
    "感谢您对我们孩子的关心，我们会继续配合学校的工作。",
    "有事打我电话{phone}，晚上都在家。",
    "我换新号码了：{phone}，麻烦存一下。",
    "快递员电话{phone}，到楼下了给他打个电话。",
    "师傅的电话是{phone}，你直接跟他约时间吧。",
    "到了给我打电话，{phone}。",
    "xxx，xxx，这些都写在表格里了，你看一下。",
    "房租我已经转给你了，{amount}元，麻烦查收一下。",
    "【{platform}】您的退款{amount}元已原路退回，预计1-3个工作日到账。",
    "【{platform}】您申请的售后已处理完毕，感谢您的耐心等待。",
    "尊敬的车主，您的爱车保养到期了，{time}到店保养享工时费八折，预约电话见门店，退订回T。",
    "{city}楼盘火热认购中，首付低至两成，地铁口精装小区，欢迎来电咨询，退订回TD。",
    "暑期英语培训班开始报名啦，小班教学，名师授课，报名即送教材，详询前台。",
    "亲爱的顾客，{shop}冬季新款羽绒服到店，老顾客凭会员卡享九折优惠，回T退订。",
    "美容院周年店庆，护理项目买一送一，名额有限，欢迎预约体验。",
    "【{carrier}】尊敬的客户，您已成功办理{amount}分钟通话套餐，次月生效，感谢使用。",
    "【{carrier}】本月账单已出，消费{amount}元，如有疑问请拨打官方客服热线。",
    "【{bank}】您的信用卡本期账单{amount}元，最后还款日为{time}，请按时还款。",
    "【{bank}】您尾号3302的信用卡消费人民币{amount}元，如非本人操作请致电官方客服。",
    "您的保单将于{time}到期，如需续保请联系您的保险顾问或到营业网点办理。",
    "{city}人才交流会{time}在会展中心举行，百家企业现场招聘，欢迎求职者参加。",
    "诚邀您参加{time}在{city}举办的行业峰会，会议议程详见附件，期待您的光临。",
    "新春快乐！感谢您一年来的支持，祝您和家人身体健康，阖家幸福。",
    "中秋节快乐，{shop}全体员工祝您团圆美满，月饼礼盒到店有售。",
    "【{city}政务服务】您提交的社保转移申请已受理，请留意后续短信通知。",
    "【{city}交警】您的机动车有一条违法记录，请及时登录官方平台查询处理。",
    "您好，我是{shop}的店长{name}，您预订的蛋糕已经做好了，{time}可以来取。",
    "老板，上次那批货已经发出了，物流单号我发你微信上了。",
    "{name}，公司{time}聚餐，AA制，每人{amount}元，记得报名。",
    "装修公司{time}开展家装节活动，签约送家电，免费上门量房设计，退订回T。",
    "健身房新店开业，年卡特价，前一百名送私教课两节，欢迎到店咨询。",
    "您的快递由于地址不详暂存驿站，请凭取件码到{shop}旁驿站领取。",
    "亲，您在本店购买的{item}已发货，收到后有任何问题可以随时联系店铺客服哦。",
    "本周六{city}图书馆举办亲子阅读活动，免费参加，欢迎家长带孩子来。",
    "各位同事，{time}系统升级维护，期间暂停服务，请提前做好安排。",
    "药店会员日，全场药品九五折，慢病用药满额赠送血压测量服务。",
]
EN_NORMAL: Final = [
    "Hey {en_name}, are we still on for dinner tonight?",
    "I'll be home late, can you pick up some milk?",
    "Meeting moved to 3pm, see you in room 4.",
    "Thanks for the birthday wishes, had a great day!",
    "Your {en_brand} order has shipped and will arrive Thursday.",
    "Reminder: your dentist appointment is tomorrow at 10am.",
    "Did you watch the game last night? Unbelievable finish.",
    "Happy new year {en_name}! Hope to see you soon.",
    "Can you send me the notes from today's lecture?",
    "Call me on {en_phone} when you land.",
    "My new number is {en_phone}, save it.",
    "Text me at {en_phone} if you're running late.",
    "The plumber's number is {en_phone}, he said call after 6.",
    "ok, a, b and c are done, x and y next",
    "Running 10 minutes late, sorry!",
    "{en_brand} will never ask for your password or a verification code by text.",
    "Great video, the part about the history was really interesting.",
    "This song always makes me smile, thanks for sharing.",
]
TEMPLATES: Final[tuple[tuple[Sequence[str], frozenset[str], int], ...]] = (
    (ZH_SCAM, frozenset({"scam"}), 60),
    (ZH_GAMBLING, frozenset({"gambling"}), 60),
    (ZH_SEX, frozenset({"sexual_services"}), 60),
    (ZH_DIVERSION, frozenset({"diversion"}), 40),
    (EN_SCAM, frozenset({"scam"}), 40),
    (EN_GAMBLING, frozenset({"gambling"}), 50),
    (EN_SEX, frozenset({"sexual_services"}), 50),
    (EN_DIVERSION, frozenset({"diversion"}), 30),
    (ZH_NORMAL, frozenset(), 60),
    (EN_NORMAL, frozenset(), 20),
)
"""(templates, labels, fills per template)."""


def _fill(template: str, rng: random.Random) -> str:
    out, rest = [], template
    while "{" in rest:
        before, _, tail = rest.partition("{")
        slot, _, rest = tail.partition("}")
        out += [before, rng.choice(SLOTS[slot])]
    out.append(rest)
    return "".join(out)


def build(seed: int) -> list[tuple[str, frozenset[str]]]:
    """Every template filled ``fills`` times (duplicates dropped), in a fixed order."""
    rng = random.Random(seed)
    rows: list[tuple[str, frozenset[str]]] = []
    seen: set[str] = set()
    for templates, labels, fills in TEMPLATES:
        for template in templates:
            for _ in range(fills):
                text = _fill(template, rng)
                if text not in seen:
                    seen.add(text)
                    rows.append((text, labels))
    return rows
