"""Chinese fraud scripts and ordinary messages composed from parts, for the shipped text model.

Written by the team from domain knowledge of how these scams run (public anti-fraud advice:
impersonated police, prosecutors and health officials, "customer service" refunds and
membership cancellations, loan and credit-limit "unfreezing" fees, impersonated bosses,
relatives and old classmates, part-time brushing jobs, investment and crypto "mentors"), and of
the ordinary messages they hide among (shop, salon, pharmacy, estate-agent, insurance and carrier
marketing, bank notices, chat). No text was copied from any data set.

A script is built from a scheme's parts (who speaks, the hook, what the victim must do, the
pressure, the close), each part drawn from many paraphrases, in one of several styles (a
terse SMS, a spoken call transcript, a chat message). ``build(seed)`` returns ``(text,
labels)`` rows with a fixed seed, duplicates dropped.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Final

S: Final[dict[str, Sequence[str]]] = {
    "city": "北京 上海 广州 深圳 杭州 成都 武汉 南京 西安 重庆 天津 苏州 郑州 长沙 沈阳 青岛 大连 "
    "厦门 昆明 合肥 济南 福州 无锡 宁波 东莞 佛山 哈尔滨 石家庄 南昌 贵阳 太原 兰州 榆林 "
    "九江 开原 泉州".split(),
    "district": "朝阳区 海淀区 浦东新区 静安区 天河区 南山区 西湖区 锦江区 江汉区 鼓楼区 "
    "雁塔区 渝中区 和平区 高新区 经开区".split(),
    "surname": "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 朱 胡 郭 何 林 罗 高".split(),
    "police": "公安局 派出所 刑侦大队 经侦支队 反诈中心 网警支队 公安厅刑侦总队 出入境管理局 "
    "交警大队 治安大队".split(),
    "court": "人民检察院 人民法院 中级人民法院 检察院反贪局 最高人民检察院".split(),
    "gov": "银保监会 证监会 社保局 医保局 税务局 市场监管局 卫健委 疾控中心 防疫办 "
    "综合治理办公室 通信管理局 人社局 教育局 住建局 网信办".split(),
    "officer": "警官 民警 刑警 检察官 法官 书记员 专案组组长 办案民警 工作人员 科长 队长".split(),
    "crime": "洗钱 非法集资 贩卖个人信息 跨境赌博 电信诈骗 走私 非法出入境 涉黑洗钱 "
    "帮助信息网络犯罪 冒用身份开户 非法经营 贩毒 偷税漏税 医保卡套现 非法买卖银行卡".split(),
    "evidence": "逮捕令 通缉令 冻结管制令 刑事拘留令 传票 协查通报 资产冻结通知书 "
    "法院判决书 立案决定书".split(),
    "safe": "安全账户 国家清查账户 监管账户 资金核查账户 专用保证金账户 公证账户".split(),
    "app": "会议软件 屏幕共享软件 指定APP 安全防护APP 云会议APP 办案专用软件 企业微信 "
    "网络会议室 远程协助软件 反诈专用APP 视频会议软件".split(),
    "im": "QQ 微信 企业微信 QQ群 微信群 钉钉 飞机 Telegram 抖音私信 专属群".split(),
    "platform": "淘宝 京东 拼多多 抖音 快手 支付宝 微信支付 美团 顺丰 唯品会 闲鱼 "
    "小红书 天猫 苏宁 携程 饿了么 得物 当当 中通快递 韵达快递 圆通快递 申通快递".split(),
    "item": "衣服 护肤品 手机壳 零食 快递包裹 鞋子 家电 玩具 洗发水 面膜 保健品 "
    "茶叶 奶粉 水果 耳机 沐浴露 化妆品 书包".split(),
    "course": "英语课程 考研网课 会计培训 理财课 瑜伽课 少儿编程 驾校培训 职业技能培训 "
    "网络课程 成人学历".split(),
    "loanapp": "借呗 微粒贷 京东金条 网商贷 360借条 安逸花 信用贷 花呗 分期乐 "
    "度小满 招联金融 美团借钱 平安普惠 中原消费金融 宜人贷".split(),
    "bank": "工商银行 建设银行 农业银行 中国银行 招商银行 交通银行 邮储银行 浦发银行 "
    "民生银行 兴业银行 平安银行 中信银行 光大银行".split(),
    "amount": "3000 5000 8000 1万 2万 3万 5万 10万 20万 30000 50000 2000 6800 "
    "12000 1.5万 4万 8万 15万 50万 9800".split(),
    "small": "200 300 500 680 800 999 1000 1200 1500 2000 2980 3000 1888".split(),
    "leader": "王总 李总 张局 刘主任 陈经理 赵校长 孙处长 周书记 吴董 郑院长 "
    "黄局长 马科长 董事长 你们老板 公司领导 杨主任".split(),
    "kin": "你表哥 你大学同学 你二姨 老同学 你侄子 你战友 你舅舅 你外甥 你孙子 你儿子 "
    "你女儿 你表弟 你堂姐 你初中同学 你老乡 你以前的同事 你小姨".split(),
    "kin_self": "我是你侄子 我是你外甥 是我，你孙子 妈，是我 爸，是我 我是你儿子 "
    "我是你大学室友 我是你老同学 我是你表弟 我是你初中同桌 我是你战友 是我呀，你老乡".split(),
    "trouble": "在外面跟人打架被派出所扣了 出车祸了撞了人 在国外手机网络出了问题 "
    "打牌输了钱被扣住不让走 嫖娼被抓了 住院急需交押金 在学校摔伤了正在抢救 "
    "被人骗了欠了一大笔钱 出差钱包被偷了 在机场买不了回国的机票 生意上资金周转不开 "
    "要交培训费 要交罚款才能放人".split(),
    "job": "刷单 点赞关注 抖音点赞 淘宝补单 打字录入 手工活外发 游戏代练 网络兼职 "
    "做任务 看视频赚钱 微信阅读".split(),
    "invest": "数字货币 比特币 USDT 虚拟币 外汇 黄金期货 原始股 区块链项目 基金内幕 "
    "股票内幕 理财产品 养老项目".split(),
    "gamble": "百家乐 真人荷官 时时彩 北京赛车 体育投注 六合彩 幸运飞艇 老虎机 棋牌 "
    "捕鱼 快三 赛车pk10".split(),
    "girl": "学生妹 少妇 模特 空姐 小姐姐 外围女 嫩模 萝莉 熟女 兼职妹".split(),
    "svc": "上门服务 全套服务 包夜 一条龙服务 快餐 特殊服务 同城约 按摩全套 陪睡".split(),
    "contact": "加微信 加V 加vx 加QQ 扫码进群 私聊我 加我好友 添加客服微信 联系飞机 "
    "加群 戳头像 私信".split(),
    "handle": "abc8899 kefu668 vip_520 qq 12345678 wx:mm8866 tg@vip888 ww1688 "
    "XXXXXXX xxxxxxxx vx888999 kf_2024".split(),
    "name": "小王 小李 张伟 王芳 李娜 刘洋 陈静 杨帆 老赵 阿明 小美 小陈 晓杰 丽丽 "
    "阿珍 小姚 雅琴 志强 秀英 建国".split(),
    "shop": "万达广场 苏宁易购 屈臣氏 星巴克 优衣库 华润万家 永辉超市 海底捞 肯德基 "
    "老百姓大药房 益丰大药房 周大福 红星美凯龙 国美电器 银泰百货 沃尔玛 大润发 "
    "名创优品 良品铺子 安踏".split(),
    "salon": "美容院 养生馆 SPA会所 美发店 美甲店 足浴店 瑜伽馆 健身房 月子中心 "
    "养生会所 皮肤管理中心 中医馆".split(),
    "estate": "阳光花园 滨江壹号 御景湾 君悦华庭 中央公园 翡翠城 紫金湾 外滩玺园 "
    "锦绣江南 金色家园 世纪名城".split(),
    "carrier": "中国移动 中国联通 中国电信".split(),
    "festival": "三八妇女节 五一 国庆 中秋 春节 元宵节 双十一 双十二 618 七夕 "
    "母亲节 父亲节 元旦 店庆 周年庆 情人节 开学季 年终".split(),
    "time": "明天上午 今晚七点 周六下午 下周一 后天 月底 本周五 这周末 x月x日 "
    "3月8日 明早九点".split(),
    "insure": "车险 寿险 重疾险 意外险 财产险 医疗险 养老保险".split(),
    "kin_third": "男子 女子 大学生 老人 司机 店主 外卖小哥 女教师 村干部 公务员 医生".split(),
    "year": "1998 2008 2012 2015 2019 2021".split(),
    "show": "那部电视剧 春晚 世界杯决赛 新出的综艺 这部电影 一场演唱会".split(),
    "goods": "羽绒服 阿胶 月饼礼盒 护理卡 家电 冬装 春装 空调 家具 橱柜 茶叶 "
    "儿童鞋服 皮草 金饰 眼镜".split(),
}

# --- fraud schemes: parts -------------------------------------------------------------------

POLICE_WHO: Final = [
    "您好，这里是{city}{police}",
    "你好，我是{city}{police}的{officer}，警号{handle}",
    "我是{city}{district}{police}的{surname}{officer}",
    "您好，我是{city}{court}的{officer}",
    "这里是{city}{gov}，我是{surname}{officer}",
    "喂，你好，是{surname}先生吗？我是{city}{police}的",
    "您好！我是{city}{gov}的工作人员",
    "你好，我这边是{city}{police}{officer}，有件事需要跟你核实",
    "我是{city}{court}{officer}，现在正式通知你",
    "您好，{city}{gov}来电",
]
POLICE_HOOK: Final = [
    "你名下的银行卡涉嫌一起{crime}案件",
    "您的身份证被不法分子冒用，涉嫌{crime}",
    "我们在侦办一起{crime}案时发现了你的个人信息",
    "有人用你的身份信息办理了银行卡，卷入了{crime}",
    "你的医保卡在{city}被异地盗刷，涉嫌{crime}",
    "你的健康码变成了红码，可能有人用你的信息{crime}",
    "你有一张{evidence}，涉及{crime}",
    "你的账户有一笔资金来源不明，被列入{crime}调查名单",
    "你的快递包裹里查出违禁物品，涉嫌{crime}",
    "您之前反映的贷款问题已经处理好了，但需要变更个人信息",
    "你名下的手机号被用于{crime}，已经被多名受害人举报",
    "你去过高风险地区，需要核实你的行程，否则将被追责",
    "您的社保卡存在异常，涉嫌{crime}，即将被冻结",
]
POLICE_ASK: Final = [
    "请立即配合调查，不要告诉任何人",
    "需要把资金转入{safe}接受审查，查清后原路退还",
    "请下载{app}，和我们视频做笔录",
    "请添加{officer}的{im}，我把{evidence}发给你看",
    "请找一个安静的地方，比如酒店房间，单独配合我们",
    "请把银行卡号和验证码告诉我们进行核实",
    "需要缴纳保证金{amount}元，才能撤销{evidence}",
    "你要证明自己的清白，就把名下所有资金转到{safe}",
    "请按我说的步骤操作手机，打开共享屏幕",
    "我们会把你拉进一个只有我们两个人的{im}，案件细节在里面沟通",
    "请你先把{loanapp}里的额度借出来，转入{safe}做资金清查",
    "按9转接{officer}处理",
]
POLICE_PRESSURE: Final = [
    "这是秘密侦查，泄露案情要负法律责任",
    "如果不配合，我们将冻结你名下所有账户",
    "否则{time}前我们会上门对你采取强制措施",
    "逾期将强制执行并通报你的单位",
    "不要挂电话，也不要告诉家人，否则影响案件办理",
    "你的嫌疑现在还没有排除，请务必配合",
    "不配合的话会被列为同案嫌疑人",
    "",
]

SERVICE_WHO: Final = [
    "您好，我是{platform}客服",
    "尊敬的用户您好，这里是{platform}官方客服中心",
    "您好，我是{platform}的理赔专员{name}",
    "亲，我这边是{platform}售后部门的",
    "尊敬的客户，这里是{platform}物流理赔中心",
    "您好，我是您购买{item}的那家店铺的客服",
    "你好，我们这里是{course}机构客服部",
    "尊敬的会员，我是{platform}会员中心的工作人员",
    "您好，这里是{bank}信用卡中心",
    "您好，我是{platform}平台的客户经理",
]
SERVICE_HOOK: Final = [
    "您购买的{item}检测出质量问题，我们将为您办理双倍理赔退款",
    "您的{item}在运输途中丢失了，我们将赔偿您{small}元",
    "您被误设为{platform}的代理商，每月会自动扣费{small}元",
    "您开通的{platform}会员即将自动续费，每月扣费{small}元",
    "您之前报名的{course}可以申请全额退款了",
    "由于系统故障您被重复扣款，需要为您退款",
    "您的{platform}账户存在异常交易风险，需要解除",
    "您的百万保障服务试用期到了，不关闭将每月扣费",
    "您的学生账户没有注销，会影响您的征信",
    "您的快递因为地址不详被退回，需要重新登记",
    "因业务员操作失误，您被注册成了我们的加盟商",
    "您的订单被风控拦截，货款被冻结在平台",
]
SERVICE_ASK: Final = [
    "请添加我们的理赔客服{im}，按照指引操作",
    "请点击链接填写银行卡信息和验证码",
    "请下载{app}，开启屏幕共享，我们远程帮您操作",
    "需要您先在{loanapp}借出一笔备用金验证流水，退款到账后原路返回",
    "请提供收到的验证码以便为您退款",
    "请加入我们的{im}：{handle}，在群里办理退款手续",
    "请按照客服指引把余额转入{safe}",
    "需要您打开支付宝备用金，配合我们完成退款流程",
    "请扫码添加专属客服，核实身份后办理",
    "请在{im}里把银行卡号、身份证号发给我们登记",
]
SERVICE_CLOSE: Final = [
    "否则会影响您的征信",
    "逾期将无法办理，费用不予退还",
    "此业务今天必须处理完毕",
    "操作期间请不要接听其他电话",
    "给您带来的不便深感抱歉",
    "",
]

LOAN_WHO: Final = [
    "您好，我是{loanapp}的工作人员",
    "你好，我是{bank}信贷部的客户经理",
    "您好，我是贷款公司的业务员{name}",
    "我是{city}某金融服务公司的贷款顾问",
    "你好，我是{loanapp}客服专员",
    "您好，这里是{bank}信用卡中心，我是{surname}经理",
    "你好，我们是正规持牌金融机构",
]
LOAN_HOOK: Final = [
    "无抵押无担保，凭身份证即可贷款{amount}元，秒批秒下款",
    "您的额度已提升至{amount}元，但因流水不足需先缴纳解冻金才能提现",
    "您申请的{amount}元贷款已审批通过，但银行卡号填写错误导致资金冻结",
    "黑户、网贷逾期也能办，内部渠道当天下款",
    "您的信用评分很高，可以为您办理{amount}大额信用卡",
    "我们可以帮您把贷款利率下调，减轻还款压力",
    "征信修复、网贷逾期协商，包过",
    "不看征信，不查负债，最高可借{amount}",
    "您有一笔{amount}的额度可以提取，我们帮您操作提出来",
    "您有资金需求吗？低利率快速审批，当天放款",
    "您的信用卡可以提额到{amount}，只需配合验资",
]
LOAN_ASK: Final = [
    "需要先交手续费{small}元才能放款",
    "请先缴纳{small}元保证金证明还款能力",
    "请添加我的{im}，下载我们的APP申请",
    "请扫码下载{app}注册，填写银行卡和验证码",
    "需要您先转一笔{small}元的解冻金，到账后一起退还",
    "加入我们的{im}{handle}，群里有专人指导办理",
    "请把您的{loanapp}额度借出来转给我们做流水",
    "请把身份证正反面和银行卡照片发给我",
]
LOAN_CLOSE: Final = [
    "名额有限，先到先得",
    "今天办理今天到账",
    "超时资金将被退回，影响您的信用",
    "放款后手续费全额退还",
    "",
]

KIN_OPEN: Final = [
    "{kin_self}",
    "{kin_self}，换了新号码",
    "喂，听得出我是谁吗？我是{kin}",
    "是我，{leader}，换了个新号",
    "我是{leader}，明天来我办公室一趟",
    "{name}，我是{leader}，我在开会不方便接电话",
    "你好，我是你孩子的班主任{surname}老师",
    "嗨，还记得我吗？我是{kin}",
    "这是我新的微信，我是{leader}",
    "领导让我通知你",
]
KIN_HOOK: Final = [
    "我{trouble}",
    "我现在{trouble}，手机快没电了",
    "你儿子{trouble}，情况很紧急",
    "有笔款急需周转，对方催得很紧",
    "我这边有个合作方要付款，我不方便转",
    "学校要交培训费{small}元",
    "我在外地{trouble}，他们不让我走",
    "我朋友要帮忙买机票，但我这边付不了款",
    "之前你不是想花呗套现吗，我姐夫有收款码可以帮你",
    "我这边出了点事，不敢跟家里说",
]
KIN_ASK: Final = [
    "你先打{amount}到这个账户，回头我还你",
    "急需{amount}元，你先转到这张卡上",
    "你直接转给老师的卡吧，账号我发你",
    "帮我转{amount}给他们，不然我回不去",
    "你先垫付一下，我明天就还你",
    "能不能借我{amount}，下周一定还",
    "你帮我代付一下机票钱，我把对方的账户发给你",
    "钱直接汇到对方账户上，账号是****",
    "你加一下他的{im}，按他说的办",
    "你扫一下这个二维码付款就行",
]
KIN_PRESSURE: Final = [
    "别告诉家里人",
    "不要打电话，我现在不方便接",
    "快！出去再跟你解释",
    "千万别让我爸妈知道",
    "这事很急，你抓紧",
    "别声张，事后我再跟你说",
    "",
]

JOB_PARTS: Final = [
    [
        "{job}兼职，一单一结",
        "招聘{job}兼职，在家就能做",
        "宝妈学生都可以做的{job}",
        "{job}任务，动动手指就赚钱",
        "诚招网络兼职，做{job}",
    ],
    [
        "日赚三五百",
        "每单返佣金{small}",
        "时间自由，日结工资",
        "先做三单体验，佣金秒到",
        "充值越多返利越高",
        "前几单本金加佣金马上返还",
    ],
    [
        "有意者{contact}",
        "{contact}{handle}领取任务",
        "加入{im}接单",
        "下载{app}注册后联系派单员",
        "需要先垫付货款，完成任务一起返还",
    ],
]
INVEST_PARTS: Final = [
    [
        "跟着导师做{invest}",
        "{invest}内部消息",
        "我们的{invest}项目",
        "老师带你投资{invest}",
        "我在一个{invest}平台上赚了不少",
    ],
    [
        "稳赚不赔，日收益百分之五",
        "保本保息，月入过万",
        "高回报零风险",
        "三个月翻倍",
        "拉人入会还有返利",
        "现在入场是最佳时机",
    ],
    [
        "名额有限速进群",
        "{contact}{handle}",
        "下载{app}开户",
        "先充值{small}元体验",
        "加入{im}跟单",
    ],
]
GAMBLE_PARTS: Final = [
    [
        "{gamble}官方平台",
        "专业{gamble}计划群",
        "真人荷官在线发牌",
        "网上{gamble}娱乐城",
        "输了想回本？{gamble}导师带单",
    ],
    [
        "首充送彩金",
        "稳赚包赢，回血上岸",
        "注册就送{small}元彩金",
        "24小时上分下分",
        "返水百分之二，出款秒到",
        "充{small}送{small}",
    ],
    ["{contact}{handle}", "{contact}", "点击注册", "加入{im}跟单"],
]
SEX_PARTS: Final = [
    [
        "{city}同城{girl}{svc}",
        "寂寞吗？{girl}在线裸聊",
        "高端{girl}上门",
        "{city}本地约炮",
        "看片福利群，成人视频每日更新",
        "附近的{girl}等你来撩",
    ],
    [
        "真实照片，安全放心",
        "包夜{small}",
        "一对一视频",
        "酒店宾馆均可",
        "随叫随到",
        "",
    ],
    ["{contact}{handle}", "{contact}", "私信我看照片"],
]

SCHEMES: Final = (
    ("scam", (POLICE_WHO, POLICE_HOOK, POLICE_ASK, POLICE_PRESSURE), 900),
    ("scam", (SERVICE_WHO, SERVICE_HOOK, SERVICE_ASK, SERVICE_CLOSE), 900),
    ("scam", (LOAN_WHO, LOAN_HOOK, LOAN_ASK, LOAN_CLOSE), 700),
    ("scam", (KIN_OPEN, KIN_HOOK, KIN_ASK, KIN_PRESSURE), 1100),
    ("scam", tuple(JOB_PARTS), 250),
    ("scam", tuple(INVEST_PARTS), 250),
    ("gambling", tuple(GAMBLE_PARTS), 250),
    ("sexual_services", tuple(SEX_PARTS), 250),
)

# Spoken-call and long-message connectives, so scripts come in more than one register.
LINKS: Final = [
    "，",
    "。",
    "，现在",
    "。我打电话来是想通知你，",
    "，我们发现",
    "。事情是这样的，",
    "，为了保护你的财产安全，",
    "。为了尽快解决这个问题，",
    "，所以",
    "！",
    "。另外，",
    "，因此需要你",
]
ENDS: Final = ["。", "！", "", "。谢谢配合。", "，请尽快处理。", "……", "。请务必重视！"]

# --- ordinary messages: parts ------------------------------------------------------------------

NORMAL_PARTS: Final = [
    # shop and salon marketing (they greet, name themselves and announce offers too)
    [
        [
            "尊敬的顾客您好",
            "亲爱的会员",
            "您好，我是{shop}的{name}",
            "美女你好，我是{salon}的{name}",
            "{festival}快乐",
            "好消息",
            "尊敬的会员您好，感谢您一直以来的支持",
            "您好！我是{city}{salon}的店长{name}",
            "贵宾您好",
            "新年好，我是{shop}小{surname}",
        ],
        [
            "为庆祝{festival}，本店特推出优惠活动",
            "{festival}期间全场{goods}八折起",
            "充值护理卡{small}元送{small}元",
            "{time}起到店消费满{small}减{small}",
            "新款{goods}到店，老顾客凭会员卡享九折",
            "会员日全场折上折，积分可抵现",
            "买两个疗程送一次体验",
            "进店有礼，扫码关注即送小礼品",
            "限时秒杀，部分商品低至五折",
        ],
        [
            "欢迎新老顾客光临",
            "详询门店",
            "地址：{city}{shop}一楼",
            "回T退订",
            "退订回TD",
            "名额有限，欢迎预约",
            "活动时间有限，先到先得",
            "咨询电话见门店",
        ],
    ],
    # estate agents, car dealers and insurance agents (they mention loans and money)
    [
        [
            "您好，我是{estate}置业顾问{name}",
            "哥您好，我是{estate}的{name}",
            "您好，我是{city}二手车市场的客户经理{name}",
            "先生您好，我是{bank}的保险顾问{name}",
            "您好，我是人保{insure}业务员{name}",
            "新年好，我是中介小{surname}",
            "您好，我是4S店销售顾问{name}",
        ],
        [
            "本月活动首付低至两成，银行贷款可办",
            "{estate}精装小区，地铁口，不限购可贷款",
            "购买{insure}送{small}元油卡",
            "您的{insure}快到期了，续保有优惠",
            "店内新车到店，分期购车零利率",
            "以后有二手车资源请联系我",
            "新房源南北通透，业主急售",
            "买{insure}送保养和洗车",
        ],
        [
            "欢迎来电咨询",
            "有需要随时联系我",
            "欢迎到售楼处看房",
            "退订回T",
            "期待您的光临",
            "详情可来店了解",
        ],
    ],
    # carriers, banks and services notices (money, codes and links, all legitimate)
    [
        [
            "【{carrier}】尊敬的客户",
            "【{bank}】",
            "【{platform}】",
            "【{city}政务服务】",
            "【{carrier}】您好",
        ],
        [
            "您本月套餐内流量已使用80%",
            "您尾号8821的账户于{time}转入人民币{amount}元",
            "您的信用卡本期账单{small}元，请按时还款",
            "您的订单已发货，请注意查收",
            "您的验证码是482913，5分钟内有效，请勿泄露给他人",
            "交费满{small}元即送流量",
            "您提交的申请已受理，请留意后续短信",
            "您已成功办理{small}分钟通话套餐，次月生效",
            "您的话费余额不足10元，请及时充值",
            "您的退款{small}元已原路退回",
            "参与活动即可赢取精美礼品",
            "下载官方客户端即可领取新人大礼包",
            "点击链接参与抽奖，赢取{goods}和话费",
            "为您推荐一款热门手游，下载即送豪华礼包",
            "关注我们的微信公众号，每日签到领流量",
            "您的积分即将过期，可登录APP兑换礼品",
            "存{small}元送{small}元话费，活动仅剩三天",
            "诚邀您参加创业分享会，名额有限",
            "校园实习招募开始啦，欢迎同学们报名",
        ],
        [
            "如非本人操作请致电官方客服",
            "感谢您的使用",
            "详情可登录官方APP查询",
            "回复1查询详情",
            "退订回T",
            "",
        ],
    ],
    # chat and work
    [
        [
            "{name}",
            "妈",
            "老公",
            "各位同事",
            "各位家长好",
            "老师您好",
            "{leader}",
            "兄弟",
        ],
        [
            "{time}一起吃饭吧，我订了{shop}附近的位子",
            "会议改到{time}了，材料我发群里了",
            "我{time}回家，记得给我留点饭",
            "孩子今天有点发烧，想请一天假",
            "方案已经发到您邮箱了，请您审阅",
            "房租我已经转给你了，{small}元，查收一下",
            "快递放在门口的柜子里了，记得取",
            "{time}学校组织春游，请准备好午餐和水",
            "公司{time}聚餐，AA制，每人{small}元",
            "上次借你的{small}块我转给你了",
            "我手机没电了，晚点给你回电话",
            "帮我在{platform}上买一下{item}吧，钱我转你",
            "{city}今天下雨，出门记得带伞",
        ],
        ["谢谢", "好的", "", "辛苦了", "收到请回复", "明天见"],
    ],
    # news and social posts told in the third person: crimes, police, courts, money, officials
    [
        [
            "【{city}{district}突发】",
            "#{city}新闻#",
            "今天上午，{city}{district}",
            "据媒体报道，{city}一名男子",
            "网友爆料：{city}某小区",
            "昨晚{time}，{city}街头",
            "【转】",
            "热议！{city}一位{kin_third}",
            "朋友传来的消息：",
            "{year}年，{city}",
            "@{name} 在微博中称，",
        ],
        [
            "一辆货车与轿车相撞，造成两人受伤",
            "一名{kin_third}涉嫌{crime}被警方刑事拘留",
            "某局原副局长因受贿{amount}元被判处有期徒刑十年",
            "小区发生火灾，消防员救出三名被困群众",
            "一名三岁女孩在超市附近走失，家人急寻",
            "红十字会为灾区募集捐款{amount}元",
            "多名学生因考试作弊被学校开除",
            "交警查处酒驾{small}起，罚款并暂扣驾照",
            "一男子因醉酒闹事被行政拘留十五日",
            "当地政府宣布投入{amount}万元修建新学校",
            "一位老人在医院排队时突发疾病，医生紧急抢救",
            "暴雨导致多条道路积水，地铁临时停运",
            "法院一审判决被告赔偿原告{amount}元",
            "某明星被曝逃税，税务部门已介入调查",
            "一名骗子冒充公安骗走老人积蓄，警方已抓获嫌疑人",
            "工人讨薪无果，劳动监察部门介入",
        ],
        [
            "目前警方已介入调查",
            "事件引发网友热议",
            "大家怎么看？",
            "求扩散，请大家帮忙转发",
            "真是让人心寒",
            "希望有关部门尽快给个说法",
            "具体原因还在调查中",
            "转发周知，提醒身边的人",
            "值得反思！",
            "（图转）",
            "",
        ],
    ],
    # opinions, hobbies and daily life posts
    [
        [
            "今天",
            "周末",
            "说真的，",
            "刚看完{show}",
            "终于",
            "早上起来发现",
            "感觉",
        ],
        [
            "去{city}玩了一趟，人山人海，吃了好多小吃",
            "这部剧的结局太感人了，哭得稀里哗啦",
            "国足又输了，心累",
            "{city}的房价越来越高，年轻人压力太大了",
            "股市又跌了，基金绿得发慌",
            "孩子考上了重点高中，全家都很开心",
            "加班到十点才下班，打工人太难了",
            "学做了一道红烧肉，家人都说好吃",
            "下雪了，整座城市都安静了",
            "看到一只流浪猫，给它买了点猫粮",
            "公司年会抽中了一等奖，开心",
            "这家店的火锅真的绝了，强烈推荐",
        ],
        ["[哈哈]", "[泪]", "！！！", "，大家觉得呢？", "", "~", "[赞]"],
    ],
    # anti-fraud advisories (name the scams, warn against them)
    [
        [
            "【{city}{police}】反诈提醒",
            "【{bank}】温馨提示",
            "【{platform}】安全提醒",
            "【{city}反诈中心】",
        ],
        [
            "公检法机关不会通过电话办案，更没有安全账户",
            "{platform}客服不会要求您开启屏幕共享或借款验证流水",
            "刷单返利都是诈骗，不要轻信",
            "冒充领导、熟人借钱的，请先电话核实",
            "网络贷款先交费的都是诈骗",
            "请勿向任何人透露验证码",
        ],
        ["如遇可疑情况请拨打96110", "谨防诈骗", "请提醒身边的家人朋友", ""],
    ],
]
NORMAL_COUNTS: Final = (1100, 700, 900, 800, 1200, 600, 250)


def _fill(template: str, rng: random.Random) -> str:
    out, rest = [], template
    while "{" in rest:
        before, _, tail = rest.partition("{")
        slot, _, rest = tail.partition("}")
        out += [before, rng.choice(S[slot])]
    out.append(rest)
    return "".join(out)


def _script(parts: Sequence[Sequence[str]], rng: random.Random) -> str:
    """One text: a paraphrase of each part (a later part sometimes left out), joined by a
    connective or punctuation, in a terse, spoken or chat register."""
    chosen = [_fill(rng.choice(part), rng) for part in parts]
    if len(chosen) > 3 and rng.random() < 0.3:
        chosen.pop()
    chosen = [c for c in chosen if c]
    text = chosen[0]
    for piece in chosen[1:]:
        text += rng.choice(LINKS) + piece
    text += rng.choice(ENDS)
    style = rng.random()
    if style < 0.15:
        text = text.replace("，", ",").replace("。", ".")
    elif style < 0.25:
        text = "“" + text + "”"
    elif style < 0.32:
        text = text.replace("您", "你")
    return text


def build(seed: int) -> list[tuple[str, frozenset[str]]]:
    """Every scheme and ordinary kind drawn its number of times (duplicates dropped)."""
    rng = random.Random(seed)
    rows: list[tuple[str, frozenset[str]]] = []
    seen: set[str] = set()

    def add(text: str, labels: frozenset[str]) -> None:
        if text not in seen:
            seen.add(text)
            rows.append((text, labels))

    for label, parts, count in SCHEMES:
        for _ in range(count):
            add(_script(parts, rng), frozenset({label}))
    for parts, count in zip(NORMAL_PARTS, NORMAL_COUNTS, strict=True):
        for _ in range(count):
            add(_script(parts, rng), frozenset())
    return rows
