"""Hand-written text for the sample content: ordinary posts and the carriers spam hides in.

The clean lines are deliberately full of things that look like links or handles to a naive
filter (prices, versions, times, file names, "飞机" meaning a flight, "微信" without an id,
benign and allow-listed links), so the demo shows Bastion leaving them alone. ``{x}`` in a
carrier is where the obfuscated link or handle goes.
"""

from __future__ import annotations

CLEAN_ZH: tuple[tuple[str, str], ...] = (
    ("post", "今天终于把毕业论文交上去了，感谢导师这半年的耐心指导！"),
    ("post", "周末带娃去了动物园，熊猫一直在睡觉，门票才30元挺划算的。"),
    ("post", "新买的咖啡机到了，第一杯拿铁的拉花有点丑，但味道还不错😂"),
    ("post", "杭州今天下了一整天的雨，西湖边人很少，拍了几张照片。"),
    ("post", "分享一个番茄炒蛋的小窍门：鸡蛋先炒到七分熟盛出来，最后再回锅。"),
    ("post", "iOS 18.2 更新之后电池掉电好快，有人遇到同样的问题吗？"),
    ("post", "报告.pdf 和 数据表.xlsx 已经上传到群文件了，大家记得下载。"),
    ("post", "这家店的牛肉面 ¥28.5 一碗，汤头浓郁，推荐！"),
    ("post", "今年的双十一我只买了猫粮和一双跑鞋，理性消费。"),
    ("post", "早上 7:30 的地铁真的太挤了，下次还是早点出门。"),
    ("post", "第3.2节的公式推导看不懂，有没有同学可以讲一下？"),
    ("post", "飞机晚点了两个小时，在机场吃了碗很贵的面。"),
    ("post", "版本 v2.3.1 修复了登录闪退的问题，建议大家升级。"),
    ("post", "我们小区楼下新开了一家烘焙店，面包都是现烤的。"),
    ("post", "跑完人生第一个半程马拉松，用时 2:05:33，腿已经不是自己的了。"),
    ("comment", "说得太对了，支持一下！"),
    ("comment", "楼主拍得真好看，请问用的什么相机？"),
    ("comment", "哈哈哈哈笑死我了"),
    ("comment", "这个问题我也遇到过，重启一下路由器就好了。"),
    ("comment", "已关注，期待下一期视频"),
    ("comment", "我微信上已经发给你了，记得查收。"),
    ("comment", "QQ音乐的会员最近打折，可以考虑一下。"),
    ("comment", "坐标上海，周六有人一起去看展吗？"),
    ("comment", "1.5倍速看完了，干货满满。"),
    ("comment", "同意楼上，价格 99.9 确实有点贵。"),
    ("chat", "妈，我到学校了，别担心。"),
    ("chat", "明天下午三点开会，记得带电脑。"),
    ("chat", "晚上吃火锅还是烤肉？你定吧"),
    ("chat", "快递到了放门口就行，谢谢师傅"),
    ("chat", "会议纪要我整理好了，发你邮箱了。"),
    ("chat", "这周的作业是第5章课后题1-8题"),
    ("chat", "我在星巴克等你，靠窗的位置"),
    ("chat", "群里的接龙大家填一下，截止到周五。"),
    ("moment", "今天是我们结婚十周年，谢谢你一直在身边❤️"),
    ("moment", "终于学会了游泳，给自己点个赞👍"),
    ("moment", "周末的爬山计划泡汤了，在家看了一天电影。"),
)

CLEAN_EN: tuple[tuple[str, str], ...] = (
    ("post", "Finally finished the marathon in 4:12:07. My legs are done for the week."),
    ("post", "Release notes for v3.10.2 are out: faster startup and fewer crashes."),
    ("post", "Does anyone know a good dentist near Mission St.? Mine retired."),
    ("post", "Grandma's apple pie recipe: 6 apples, 1 cup sugar, 2 tsp cinnamon. Bake 45 min."),
    ("comment", "Great video! The part at 3:45 was hilarious."),
    ("comment", "Agreed, e.g. the second option is cheaper at $19.99."),
    ("comment", "I uploaded the slides as final_v2.pptx, check the shared drive."),
    ("chat", "Running 10 min late, grab a table pls"),
    ("chat", "Can you send me the report by 5pm? Thanks!"),
)

CLEAN_ALLOWED_LINK: tuple[tuple[str, str], ...] = (
    ("post", "Tax season reminder: file on the official site {x} before April 15."),
    ("comment", "Official guidance is here: https://{x}/"),
    ("post", "办签证的朋友注意，以官网为准：{x}"),
)

CLEAN_PROFILE: tuple[tuple[str, str], ...] = (
    ("username", "xiaoming_1998"),
    ("username", "coffee_lover"),
    ("username", "hz_runner"),
    ("username", "lily.chen"),
    ("display_name", "爱吃火锅的小王"),
    ("display_name", "旅行中的猫"),
    ("display_name", "Dr. Zhang 张医生"),
    ("display_name", "Annie 🌸"),
    ("bio", "热爱摄影和徒步，偶尔写写代码。"),
    ("bio", "Product designer in Shenzhen. Opinions are my own."),
    ("bio", "两只猫的铲屎官 | 烘焙爱好者"),
    ("bio", "中学数学老师，分享学习方法。"),
    ("livestream", "周末一起学做川菜：回锅肉"),
    ("livestream", "考研数学冲刺直播 第12讲"),
    ("livestream", "Chill lofi coding stream — building a todo app"),
    ("listing", "九成新 Kindle Paperwhite，送保护套，¥450 包邮"),
    ("listing", "转让二手自行车，捷安特 ATX 660，同城自提"),
    ("listing", "Vintage desk lamp, works great, $25 pickup only"),
    ("map_place", "老王牛肉面（人民路店）"),
    ("map_place", "星光社区卫生服务中心"),
    ("map_place", "Blue Bottle Coffee"),
)

DIRTY_HOST: dict[str, tuple[tuple[str, str], ...]] = {
    "gambling": (
        ("post", "新用户注册{x}即送彩金388，百家乐、真人视讯、体育投注一站式"),
        ("post", "世界杯竞猜上{x}，首充100送100，提款秒到账"),
        ("comment", "兄弟们我在{x}赢了两万，真的能提现"),
        ("comment", "别在这里浪费时间了，来{x}玩两把"),
        ("chat", "哥，网址{x}，邀请码8866"),
        ("livestream", "今晚开奖直播 进{x}跟单"),
        ("bio", "官网：{x} 24小时在线客服"),
        ("display_name", "{x}官方"),
        ("map_place", "{x}体验中心"),
        ("post", "Best odds on the Premier League at {x}, 200% welcome bonus"),
        ("comment", "Casino bonus code VIP100 at {x} works!!"),
    ),
    "porn": (
        ("post", "今晚福利全在{x}，懂的来"),
        ("comment", "高清资源，点击{x}"),
        ("chat", "同城交友看这里{x}"),
        ("username", "{x}"),
        ("comment", "Hot singles near you: {x}"),
        ("bio", "18+ only → {x}"),
    ),
    "scam": (
        ("post", "刷单兼职日结三百，下载{x}"),
        ("comment", "投资理财年化百分之三十，平台{x}，稳赚不赔"),
        ("chat", "Congratulations! You won a $1000 gift card, claim at {x}"),
        ("listing", "低价代购名牌包，下单请到{x}"),
        ("post", "Crypto doubling event: send and receive 2x at {x}"),
    ),
    "phishing": (
        ("chat", "【顺丰速运】您的包裹地址异常，请于24小时内登录{x}更新"),
        ("chat", "【工商银行】您的账户将被冻结，请登录{x}验证身份"),
        ("chat", "Your Apple ID has been locked. Verify at {x}"),
        ("chat", "Netflix: payment declined, update your details at {x}"),
    ),
    "malware": (
        ("post", "最新破解版游戏下载：{x}"),
        ("comment", "Your device is infected! Get the cleaner from {x}"),
    ),
}

DIRTY_HANDLE: tuple[tuple[str, str], ...] = (
    ("comment", "兼职日结，有意{x}"),
    ("comment", "资源私聊，{x}"),
    ("post", "招代理，{x}，备注来意"),
    ("chat", "想赚钱的加我 {x}"),
    ("bio", "合作请联系 {x}"),
    ("display_name", "客服{x}"),
    ("livestream", "抽奖福利，{x} 领取"),
    ("listing", "高价回收游戏账号，{x}"),
    ("comment", "DM me {x} for the full video"),
    ("post", "Part-time job, $300/day, contact {x}"),
)
