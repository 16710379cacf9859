"""Word tables for the demo data: place names, organisations, personal names, regions.

The demo station is modelled on 金家河派出所 (Xishan branch, Kunming) as described in the
news report the project started from. Place and company names are plausible but made
up; they only have to look like what a clerk in Xishan would type. Weights are rough
frequencies, chosen so that lists, searches and statistics behave as they would with the
real roster (many 王/李/张, few compound surnames, most people registered in Xishan).
The tables are laid out by hand (formatter off) so that each stays readable as a table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from redband_desktop.domain.enums import Background, Gender


@dataclass(frozen=True)
class Special:
    """A volunteer written by hand: people from the news report and awkward names.

    An empty `site_name` means "any compound".
    """

    name: str
    surname: str
    gender: Gender
    region: str
    birth_year: int
    site_name: str
    background: Background
    zone_name: str | None = None
    joined_on: date | None = None
    notes: str = ""


def random_name(rng: random.Random, gender: Gender, birth_year: int) -> tuple[str, str]:
    """(full name, surname) in the fashion of the birth year; never one of `SPECIALS`."""
    era = "old" if birth_year <= 1965 else "mid" if birth_year <= 1985 else "young"
    key = (era, gender.value)
    surnames, weights = zip(*SURNAMES, strict=True)
    reserved = {sp.name for sp in SPECIALS} | AVOID_NAMES
    while True:
        surname = rng.choices(surnames, weights)[0]
        if rng.random() < 0.3:
            given = rng.choice(GIVEN_SINGLE[key])
        else:
            given = rng.choice(GIVEN_FIRST[key]) + rng.choice(GIVEN_SECOND[key])
        doubled = len(given) == 2 and given[0] == given[1]  # 雪雪 reads as a slip
        if surname + given not in reserved and not doubled:
            return surname + given, surname


def random_region(rng: random.Random, background: Background) -> str:
    """A region code for someone of this background (see `REGION_MIX`)."""
    group = rng.choices(tuple(REGIONS), REGION_MIX[background.value])[0]
    return rng.choice(REGIONS[group])


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# fmt: off

# (district name, community officer, roads its sites lie on). 陈卿 is named in the report.
DISTRICTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("金家河片区", "陈卿", ("金家河路", "前卫西路")),
    ("梁家河片区", "李建明", ("梁家河路", "滇池路")),
    ("前兴片区", "杨晓东", ("前兴路", "兴苑路")),
    ("日新片区", "王瑞", ("日新中路", "日新西路")),
    ("明波片区", "赵云峰", ("明波路", "广福路")),
    ("福海片区", "周丽萍", ("福海路", "海埂路")),
)

# More than the 43 needed, so the seed decides which appear; all are unique. Old unit
# dormitories (宿舍) and villages-turned-compounds (新村) sit beside modern estates.
COMPOUND_NAMES: tuple[str, ...] = _words("""
    金色家园 滇池春城小区 马街新村 梁家河小区 金家河小区 前卫花园 日新小区 明波小区
    福海花园 兴苑小区 春城丽景 前兴家园 怡景园 碧水云天 海源小区 阳光花园 翠湖苑 水岸名居
    金碧苑 书香门第 锦苑小区 康乐小区 和平新村 省建工宿舍 铁路宿舍 供电局宿舍 粮食局宿舍
    烟草公司宿舍 西山区教育局宿舍 滇池明珠花园 广福嘉园 日新雅苑 梁家河新村 金家河村
    前卫小区 海埂花园 福德苑 宏盛家园 银海小区 盛世花城 云天小区 万兴苑 明珠小区 滇池南苑
    兴和家园 瑞和园 新河小区 西华园
""")

# (name, zones) for the markets; 大商汇 is the large market of the report.
MARKETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("大商汇", ("卫浴洁具区", "建材五金区", "家居灯饰区", "日用百货区", "食品副食区")),
    ("日新农贸市场", ("蔬菜水果区", "干鲜果品区")),
)

# (name, is a government organ). The rest are enterprises with their own guards.
ORGANIZATIONS: tuple[tuple[str, bool], ...] = (
    ("西山区前卫街道办事处", True),
    ("西山区市场监督管理局", True),
    ("西山区人力资源和社会保障局", True),
    ("西山区住房和城乡建设局", True),
    ("西山区教育体育局", True),
    ("国家税务总局昆明市西山区税务局", True),
    ("西山区卫生健康局", True),
    ("西山区民政局", True),
    ("西山区司法局", True),
    ("西山区城市管理局", True),
    ("西山区退役军人事务局", True),
    ("云南滇池建材有限公司", False),
    ("昆明前兴物流有限公司", False),
    ("昆明金家河商贸有限公司", False),
    ("云南康源医药有限公司", False),
    ("昆明日新汽车服务有限公司", False),
    ("昆明兴苑物业服务有限公司", False),
)

# Skill name and how likely it is for each background (missing = 1.0).
SKILLS: tuple[tuple[str, dict[str, float]], ...] = (
    ("急救", {"enterprise_security": 2.0, "organ_staff": 1.5}),
    ("消防", {"enterprise_security": 3.0, "property_staff": 2.5}),
    ("调解", {"retired_cadre": 3.0, "party_member": 2.5}),
    ("反诈宣传", {"merchant": 3.0, "party_member": 1.5}),
    ("摄影", {}),
    ("驾驶", {"enterprise_security": 1.5, "merchant": 1.5}),
    ("方言翻译", {"merchant": 1.5}),
    ("法律知识", {"retired_cadre": 2.0, "organ_staff": 2.5}),
    ("电脑操作", {"organ_staff": 2.5, "property_staff": 1.5}),
)

# Surname and weight (per mille, roughly). Yunnan adds 段, 普, 和, 字 to the national list.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 72), ("李", 80), ("张", 68), ("刘", 52), ("陈", 48), ("杨", 45), ("赵", 28),
    ("黄", 22), ("周", 20), ("吴", 19), ("徐", 15), ("孙", 14), ("胡", 13), ("朱", 12),
    ("高", 11), ("林", 10), ("何", 12), ("郭", 10), ("马", 12), ("罗", 14), ("梁", 7),
    ("宋", 6), ("郑", 6), ("谢", 6), ("韩", 5), ("唐", 6), ("冯", 5), ("于", 4),
    ("董", 5), ("萧", 3), ("程", 4), ("曹", 4), ("袁", 5), ("邓", 5), ("许", 4),
    ("傅", 3), ("沈", 3), ("曾", 4), ("彭", 4), ("吕", 3), ("苏", 4), ("卢", 3),
    ("蒋", 3), ("蔡", 3), ("贾", 3), ("丁", 3), ("魏", 3), ("薛", 2), ("叶", 3),
    ("余", 4), ("潘", 3), ("杜", 3), ("戴", 2), ("夏", 2), ("钟", 2), ("汪", 2),
    ("田", 3), ("任", 2), ("姜", 2), ("范", 2), ("方", 2), ("石", 3), ("姚", 2),
    ("谭", 2), ("廖", 2), ("邹", 2), ("熊", 3), ("金", 2), ("陆", 2), ("孔", 1),
    ("白", 3), ("崔", 1), ("康", 1), ("毛", 2), ("邱", 1), ("秦", 1), ("江", 1),
    ("史", 1), ("顾", 1), ("侯", 1), ("邵", 1), ("孟", 1), ("龙", 2), ("段", 4),
    ("雷", 2), ("钱", 1), ("汤", 1), ("尹", 2), ("黎", 1), ("常", 1), ("武", 1),
    ("普", 2), ("和", 1), ("施", 2), ("鲁", 1), ("岳", 1), ("字", 1),
    # Compound surnames are rare but must appear: they test pinyin and layout.
    ("欧阳", 1.5), ("司马", 0.8), ("上官", 0.8), ("诸葛", 0.5), ("东方", 0.5), ("皇甫", 0.4),
)

# Given names by birth era ("old" to 1965, "mid" to 1985, then "young") and gender: a
# single character, or a first and a second character combined (which keeps repeated
# full names about as rare as on a real roster). Characters with several readings
# (长, 乐, 重 ...) are left out so that pinyin search finds every demo volunteer.
GIVEN_SINGLE: dict[tuple[str, str], str] = {
    ("old", "M"): "军强华明林勇斌平忠祥福彬",      ("old", "F"): "英兰芳珍萍梅琴华秀凤",
    ("mid", "M"): "伟勇军斌涛磊刚强健峰鹏波辉",    ("mid", "F"): "丽艳敏静燕霞娟红玲芳琼梅",
    ("young", "M"): "浩宇杰鑫超鹏磊帅翔博",        ("young", "F"): "婷雪倩颖洁琳悦璐瑶欣",
}
GIVEN_FIRST: dict[tuple[str, str], str] = {
    ("old", "M"): "建国卫志德文永振学家世福金宝树光正", ("old", "F"): "秀桂玉淑凤素翠丽美月金琼",
    ("mid", "M"): "海建晓文永春立俊云宏德小振家志国",   ("mid", "F"): "丽晓春海艳红雪云美金秋玉",
    ("young", "M"): "子浩宇俊家博嘉天明志梓晨一文思", ("young", "F"): "佳欣思雨梦诗婉雅晓紫子玉若",
}
GIVEN_SECOND: dict[tuple[str, str], str] = {
    ("old", "M"): "国华军明强平林忠祥生山民成富荣昌", ("old", "F"): "英兰珍华芬梅芳琴莲仙云萍",
    ("mid", "M"): "涛波平明东斌刚雷新峰飞伟胜宇龙军", ("mid", "F"): "萍燕红霞梅娟仙玲琼凤芳华",
    ("young", "M"): "豪然航杰文诚宇轩远阳鸣健涛睿",   ("young", "F"): "怡雨萱洁琪婷瑶涵雪琳悦欣",
}
# Combinations that read as jokes or infamous people; a demo should not make a room laugh.
AVOID_NAMES = frozenset({"杨伟", "潘金莲", "李莲英"})

# Region-code groups (GB/T 2260 codes in use since the 1980s) and where people come from.
REGIONS: dict[str, tuple[str, ...]] = {
    "xishan": ("530112",),
    "kunming": ("530102", "530103", "530111"),  # 五华, 盘龙, 官渡
    "yunnan": ("530113", "530124", "530302", "530381", "530402", "532301", "532901",
               "530602", "532501", "532502", "530702", "532801"),
    "sichuan": ("510104", "510107", "510108", "511302", "511102", "513401", "510722",
                "511621"),
    "elsewhere": ("520102", "522401", "500101", "500103"),
}
# Weights of the region groups above, per background: long-time residents and cadres were
# registered in Kunming; market traders come from all over the south-west.
REGION_MIX: dict[str, tuple[float, float, float, float, float]] = {
    "retired_cadre": (70, 20, 9, 1, 0),
    "party_member": (68, 18, 12, 2, 0),
    "resident": (60, 15, 18, 5, 2),
    "property_staff": (45, 15, 30, 7, 3),
    "merchant": (22, 12, 36, 20, 10),
    "organ_staff": (45, 35, 17, 2, 1),
    "enterprise_security": (35, 20, 35, 6, 4),
}

# Inclusive birth-year range per background (retired cadres born 1945-1965).
BIRTH_YEARS: dict[str, tuple[int, int]] = {
    "retired_cadre": (1945, 1965), "party_member": (1945, 1975), "resident": (1950, 2002),
    "property_staff": (1965, 2000), "merchant": (1966, 2002), "organ_staff": (1968, 2000),
    "enterprise_security": (1965, 2001),
}
# Share of men per background: guards are mostly men, keen residents mostly women.
MALE_SHARE: dict[str, float] = {
    "retired_cadre": 0.6, "party_member": 0.55, "resident": 0.4, "property_staff": 0.55,
    "merchant": 0.5, "organ_staff": 0.55, "enterprise_security": 0.85,
}
# Share of CPC members per background (old Party members all are); the rest get 0.06.
CPC_SHARE: dict[str, float] = {
    "retired_cadre": 0.85, "party_member": 1.0, "organ_staff": 0.6,
    "enterprise_security": 0.15, "resident": 0.12,
}

# Backgrounds (with weights) of the volunteers recruited at each kind of site; organs
# bring their own staff plus the contracted guards at their gates.
BACKGROUND_MIX: dict[str, dict[Background, float]] = {
    "compound": {Background.RETIRED_CADRE: 24, Background.PARTY_MEMBER: 24,
                 Background.RESIDENT: 40, Background.PROPERTY_STAFF: 12},
    "market": {Background.MERCHANT: 86, Background.PROPERTY_STAFF: 14},
    "organ": {Background.ORGAN_STAFF: 75, Background.ENTERPRISE_SECURITY: 25},
    "organization": {Background.ENTERPRISE_SECURITY: 1},
}

# Reasons written in the status history, by the status entered and the kind of site.
STATUS_REASONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("suspended", "compound"): ("身体原因", "照顾家人", "回老家探亲", "术后休养", "外出务工暂停"),
    ("suspended", "market"): ("外出务工暂停", "回老家探亲", "店铺装修暂停营业", "身体原因"),
    ("suspended", "organization"): ("工作繁忙暂停", "外派学习", "身体原因"),
    ("left", "compound"): ("搬离辖区", "身体原因", "年事已高，家属不同意继续参加", "随子女异地生活"),
    ("left", "market"): ("店铺搬迁", "离职返乡", "搬离辖区"),
    ("left", "organization"): ("工作调动", "退休", "离职"),
}

# Mobile prefixes of the three carriers, for 11-digit numbers.
MOBILE_PREFIXES: tuple[str, ...] = _words("""
    130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 177 180
    181 182 183 185 186 187 188 189 199
""")

SPECIALS: tuple[Special, ...] = (
    # 张洁 of the report: from Sichuan, runs a bathroom-fittings shop at 大商汇.
    Special("张洁", "张", Gender.FEMALE, "510722", 1991, "大商汇", Background.MERCHANT,
            zone_name="卫浴洁具区", joined_on=date(2021, 8, 20),
            notes="大商汇卫浴用品店负责人，曾遭遇电信网络诈骗，现为市场反诈宣传骨干"),
    # A four-character name with a compound surname, and a name with the separator ·.
    Special("欧阳明月", "欧阳", Gender.FEMALE, "530112", 1978, "", Background.RESIDENT),
    Special("阿依古丽·买买提", "阿", Gender.FEMALE, "650102", 1986, "日新农贸市场",
            Background.MERCHANT, zone_name="干鲜果品区"),
)

# fmt: on
