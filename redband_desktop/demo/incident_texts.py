"""What the demo incidents say: a summary per category, criminal or public-order subtype and
fraud method, written as a clerk would note the call, with the place and a few details
filled in ({place} the compound, building or market zone; {n} a small number; {amount}
yuan). Kept apart from the generator so the words can grow without touching the counts."""

from __future__ import annotations

import random

SUMMARIES: dict[str, tuple[str, ...]] = {
    "dispute": (
        "{place}住户反映楼上漏水致天花板受损，双方发生争执",
        "{place}两户因装修噪音发生口角，请求民警到场",
        "{place}居民因楼道堆放杂物争吵，情绪激动",
        "{place}业主与物业因物业费和维修问题发生纠纷",
        "{place}两名车主因固定车位被占发生争执",
        "{place}一家人因赡养老人费用分担发生争吵",
        "{place}租客与房东因押金退还发生纠纷",
        "{place}商户与顾客因退货退款发生争执",
        "{place}居民遛狗未拴绳，狗咬伤邻居引发纠纷",
        "{place}夫妻因家庭琐事争吵，邻居报警",
    ),
    "criminal/burglary": ("{place}住户报称家中被盗，门锁有撬痕，损失现金{amount}元",
                          "{place}一楼住户窗户防盗网被剪，家中首饰被盗"),
    "criminal/vehicle_theft": ("{place}停车场一辆轿车车窗被砸，车内财物被盗",
                               "{place}车主报称车内手提包被盗，内有现金{amount}元"),
    "criminal/pickpocketing": ("{place}一顾客在人多处手机被扒窃", "{place}老人买菜时钱包被扒，内有现金{amount}元"),
    "criminal/robbery": ("{place}附近一女子夜间被持刀抢走手机和现金", "{place}一男子被两人拦住抢走财物"),
    "criminal/snatching": ("{place}门口一老人的金项链被骑车人抢夺", "{place}附近一女子挎包被飞车抢夺"),
    "criminal/in_person_fraud": ("{place}一老人被冒充“保健品专家”当面骗走{amount}元",
                                 "{place}商户收到假币，对方以“换零钱”为名当面诈骗"),
    "criminal/other": ("{place}发现一处私接电线窃电，已固定证据", "{place}一商户报称仓库货物被侵占"),
    "fraud/fake_shopping": ("{place}一居民网购低价商品付款后被拉黑，损失{amount}元",),
    "fraud/brushing": ("{place}一女士轻信“刷单返利”，连续转账{n}次，损失{amount}元",
                       "{place}店员下班后做“刷单兼职”被骗{amount}元"),
    "fraud/impersonation": ("{place}一老人接到冒充公检法电话，称其涉案，被骗转账{amount}元",),
    "fraud/investment": ("{place}一商户被拉入“投资群”，在虚假平台投入{amount}元无法提现",
                         "{place}居民轻信“内部消息”炒虚拟币，被骗{amount}元"),
    "fraud/romance": ("{place}一男子网恋后被诱导投资，损失{amount}元",),
    "fraud/loan": ("{place}一商户申请“无抵押贷款”，先后交“保证金”{amount}元未放款",),
    "fraud/other": ("{place}一居民接到冒充客服电话办理“退款”，被骗{amount}元",),
    "public_order/assault": ("{place}两人因琐事发生推搡，一人轻微受伤", "{place}一男子酒后殴打他人"),
    "public_order/theft": ("{place}一男子盗窃电动车电瓶被当场抓获", "{place}摊位货物被顺手拿走，价值{amount}元"),
    "public_order/disturbance": ("{place}有人酒后在公共场所滋事", "{place}有人在楼栋内大声吵闹，多次劝阻无效"),
    "public_order/property_damage": ("{place}一辆电动车被人故意划伤", "{place}单元门禁被人故意损坏"),
    "public_order/other": ("{place}发现有人聚众赌博", "{place}有人在小区内乱发小广告，屡劝不止"),
    "traffic": ("{place}门口两辆电动车剐蹭", "{place}出入口一辆轿车倒车时碰到行人，无大碍",
                "{place}路口车辆乱停堵塞通道"),
    "fire": ("{place}一住户厨房油锅起火，已自行扑灭", "{place}楼道电动车充电冒烟", "{place}垃圾桶起火"),
    "help": ("{place}一老人走失，家属求助", "{place}一儿童与家人走散", "{place}一住户被反锁门外，家中有老人",
             "{place}居民捡到钱包交至民警"),
    "complaint": ("{place}居民投诉夜间烧烤噪音扰民", "{place}举报有人群租", "{place}投诉商户占道经营"),
    "other": ("{place}群众咨询户籍办理事项", "{place}报称发现可疑人员，经核查无异常"),
}


def summary(rng: random.Random, category: str, sub: str, place: str, amount: object = None) -> str:
    """A summary of an incident at `place`; `amount` is its loss in yuan when it has one."""
    lines = SUMMARIES.get(f"{category}/{sub}") or SUMMARIES.get(category) or SUMMARIES["other"]
    amount = amount if amount is not None else rng.choice((300, 800, 1500, 2600, 4800))
    return rng.choice(lines).format(place=place, n=rng.randint(2, 9), amount=f"{amount:,.0f}")
