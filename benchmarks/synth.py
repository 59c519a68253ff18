"""Synthetic raw pages of the genre, for the build benchmarks.

`generate(out_dir, n, seed)` writes `out_dir/0000000.txt` ... : local and provincial articles on
网信 work as a browser copy of the page would give them (navigation, breadcrumb, share buttons,
title, date/source line, author and post, numbered sections, editor line, copyright footer).
About 60% are Simplified, 25% Traditional (OpenCC `s2tw`, as a site's auto converter prints it)
and 15% Traditional with pinyin debris (`網(wǎng)絡`). Each file is 5-20 KB of UTF-8.

Speed: all phrase material is expanded into clause pools once at import, and the pools are
converted to Traditional with one OpenCC call, so a Traditional page is the `s2tw` text of its
Simplified twin assembled from converted pieces (no OpenCC call per page, which would cost
~3 ms each). A page is assembled by joining pooled clauses; place names, people and numbers
are filled in with one `str.format_map` per page. Pinyin debris is put into copies of the
Traditional pools (one `str.translate` per pool string, once per debris table).

Pages differ: every sentence joins 2-4 clauses drawn from pools of thousands, with the page's
own places, people, dates and numbers, so no two pages are near duplicates (5-character
shingle Jaccard far below the 0.8 of `policy_corpus.dedup`).

    python benchmarks/synth.py OUT_DIR N [--seed S] [--workers W]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

MIN_BYTES = 5 * 1024
MAX_BYTES = 20 * 1024
#: share of Simplified pages, then Traditional; the rest are Traditional with pinyin debris
P_HANS, P_HANT = 0.60, 0.85
#: pool sizes: clauses per kind expanded at import
POOL = 3000

# ---------------------------------------------------------------------------------------------
# Places: province (full name, short name, ICP abbreviation), prefectures with counties.
# Every name is a GB/T 2260 division of about 2016-2017 (the gazetteer the region stage uses).
# A prefecture written `name=short` is written `short` in running text (延边州); a municipality
# has its districts directly.
# ---------------------------------------------------------------------------------------------
_PLACES = """\
北京市|北京|京|海淀区 朝阳区 丰台区 通州区 昌平区 大兴区
天津市|天津|津|和平区 滨海新区 南开区 蓟州区 武清区 西青区
上海市|上海|沪|浦东新区 徐汇区 闵行区 嘉定区 松江区 青浦区
重庆市|重庆|渝|渝北区 万州区 涪陵区 忠县 巫山县 永川区
河北省|河北|冀|石家庄市:正定县 平山县 藁城区;保定市:涿州市 阜平县 安国市;张家口市:张北县 崇礼区 蔚县
山西省|山西|晋|太原市:小店区 清徐县 阳曲县;大同市:阳高县 浑源县 广灵县;长治市:襄垣县 武乡县 沁源县
内蒙古自治区|内蒙古|蒙|呼和浩特市:赛罕区 托克托县 武川县;包头市:昆都仑区 固阳县 土默特右旗;鄂尔多斯市:东胜区 准格尔旗 乌审旗
辽宁省|辽宁|辽|沈阳市:浑南区 新民市 康平县;大连市:金州区 庄河市 瓦房店市;鞍山市:海城市 台安县 岫岩满族自治县
吉林省|吉林|吉|长春市:九台区 农安县 德惠市;吉林市:桦甸市 蛟河市 舒兰市;延边朝鲜族自治州=延边州:延吉市 珲春市 敦化市
黑龙江省|黑龙江|黑|哈尔滨市:道里区 南岗区 五常市;齐齐哈尔市:龙沙区 讷河市 克山县;大庆市:萨尔图区 肇源县 林甸县
江苏省|江苏|苏|南京市:江宁区 溧水区 高淳区;苏州市:昆山市 张家港市 吴江区;无锡市:江阴市 宜兴市 梁溪区
浙江省|浙江|浙|杭州市:余杭区 桐庐县 淳安县;湖州市:安吉县 德清县 长兴县;温州市:乐清市 瑞安市 永嘉县;丽水市:松阳县 遂昌县 景宁畲族自治县
安徽省|安徽|皖|合肥市:庐阳区 肥西县 长丰县;芜湖市:南陵县 繁昌县 芜湖县;黄山市:歙县 黟县 休宁县
福建省|福建|闽|福州市:闽侯县 福清市 连江县;厦门市:思明区 湖里区 同安区;泉州市:晋江市 石狮市 安溪县
江西省|江西|赣|南昌市:南昌县 进贤县 新建区;赣州市:瑞金市 于都县 兴国县;九江市:武宁县 修水县 彭泽县
山东省|山东|鲁|济南市:历下区 商河县 平阴县;青岛市:黄岛区 胶州市 平度市;潍坊市:寿光市 诸城市 青州市
河南省|河南|豫|郑州市:金水区 中牟县 巩义市;洛阳市:栾川县 嵩县 偃师市;开封市:兰考县 尉氏县 杞县
湖北省|湖北|鄂|武汉市:江汉区 武昌区 黄陂区;宜昌市:夷陵区 当阳市 秭归县;恩施土家族苗族自治州=恩施州:恩施市 利川市 巴东县
湖南省|湖南|湘|长沙市:岳麓区 浏阳市 长沙县;湘潭市:韶山市 湘乡市 湘潭县;湘西土家族苗族自治州=湘西州:吉首市 凤凰县 花垣县
广东省|广东|粤|广州市:天河区 番禺区 从化区;深圳市:南山区 福田区 宝安区;珠海市:香洲区 斗门区 金湾区;佛山市:顺德区 南海区 高明区
广西壮族自治区|广西|桂|南宁市:青秀区 武鸣区 横县;桂林市:阳朔县 兴安县 龙胜各族自治县;柳州市:融水苗族自治县 三江侗族自治县 柳城县
海南省|海南|琼|海口市:美兰区 龙华区 秀英区;三亚市:吉阳区 天涯区 海棠区
四川省|四川|蜀|成都市:武侯区 金堂县 都江堰市;绵阳市:江油市 三台县 北川羌族自治县;阿坝藏族羌族自治州=阿坝州:汶川县 九寨沟县 马尔康市
贵州省|贵州|黔|贵阳市:观山湖区 花溪区 修文县;遵义市:仁怀市 湄潭县 赤水市;黔东南苗族侗族自治州=黔东南州:凯里市 雷山县 黎平县
云南省|云南|滇|昆明市:五华区 呈贡区 安宁市;大理白族自治州=大理州:大理市 宾川县 剑川县;西双版纳傣族自治州=西双版纳州:景洪市 勐腊县 勐海县
西藏自治区|西藏|藏|拉萨市:堆龙德庆区 林周县 墨竹工卡县;日喀则市:桑珠孜区 江孜县 定日县;林芝市:巴宜区 米林县 波密县
陕西省|陕西|陕|西安市:雁塔区 碑林区 长安区;延安市:宝塔区 延川县 黄陵县;宝鸡市:凤翔县 眉县 陇县
甘肃省|甘肃|陇|兰州市:榆中县 永登县 皋兰县;天水市:秦州区 麦积区 甘谷县;张掖市:甘州区 临泽县 高台县
青海省|青海|青|西宁市:城东区 湟中县 大通回族土族自治县;海东市:乐都区 平安区 互助土族自治县
宁夏回族自治区|宁夏|宁|银川市:兴庆区 永宁县 贺兰县;固原市:原州区 隆德县 泾源县;吴忠市:利通区 青铜峡市 盐池县
新疆维吾尔自治区|新疆|新|乌鲁木齐市:天山区 沙依巴克区 米东区;昌吉回族自治州=昌吉州:昌吉市 玛纳斯县 呼图壁县;喀什地区=喀什地区:喀什市 疏附县 莎车县
"""


def _places() -> list[tuple[str, ...]]:
    """(P, ps, pc, pw, ab, C, cs, cc, Y, ys, yc, yw) for every county of the table."""
    rows = []
    for line in _PLACES.splitlines():
        full, short, ab, rest = line.split("|")
        if full.endswith("自治区"):
            pc, pw = full + "党委", "全区"
        elif full.endswith("省"):
            pc, pw = short + "省委", "全省"
        else:
            pc, pw = short + "市委", "全市"
        # a municipality lists its districts directly
        prefectures = [tuple(p.split(":")) for p in rest.split(";")] if ":" in rest else [(full, rest)]
        for pref, counties in prefectures:
            city, _, cs = pref.partition("=")
            if not cs:
                cs = city[:-1] if city.endswith("市") else city
            cc = cs[:-2] + "地委" if cs.endswith("地区") else cs + "委" if cs.endswith("州") else cs + "市委"
            if city == full:
                cc = pc
            for y in counties.split():
                ys = y[:-1] if len(y) > 2 and y[-1] in "县区市旗" and "自治" not in y else y
                yw = "全" + y[-1] if y[-1] in "县区市旗" else "全县"
                rows.append((full, short, pc, pw, ab, city, cs, cc, y, ys, y + "委", yw))
    return rows


def _words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------------------------
# Phrase material (Simplified). Placeholders in braces are filled per page:
#   P ps pc pw ab C cs cc Y ys yc yw   places (see _places)
#   F fs fc fw                          the page's focus (province, prefecture or county)
#   n0..n7 (counts) p0..p3 (growth %) q0..q3 (rates %) r0 (rank) f0 f1 (decimals) y (year) mo (month)
# ---------------------------------------------------------------------------------------------
VERBS = _words("""深入开展 持续推进 扎实推进 大力实施 全面加强 着力完善 积极探索 统筹推进 加快构建 不断健全 认真落实 系统谋划
精心组织 务实推动 稳步推进 创新开展 常态化开展 纵深推进 高标准推进 集中开展 有序推进 全力抓好 全面推进 聚力推进 统筹抓好
一体推进 协同推进 持续深化 不断完善 加快推进 切实加强 全面落实 着力推动 积极推动 大力推进""")

OBJECTS = _words("""网络生态治理 网上正面宣传 网络综合治理体系建设 关键信息基础设施安全保护 数据安全管理 个人信息保护 网络安全宣传教育
网络文明建设 “清朗·{fs}”系列专项行动 网络意识形态工作责任制落实 网络安全工作责任制落实 数字乡村建设 数字政府建设 网上群众工作
网络舆情应对处置 网络谣言治理 未成年人网络保护 网络直播和短视频乱象整治 涉企侵权信息举报处置 网络执法工作 互联网企业党建工作
网络安全态势感知平台建设 网信人才队伍建设 互联网应急指挥体系建设 算法综合治理 生成式人工智能服务管理 移动互联网应用程序管理
“网络水军”整治 网络暴力治理 防范电信网络诈骗宣传 IPv6规模部署 5G网络建设 千兆光网建设 数据要素市场培育 公共数据开放共享
政务新媒体规范管理 县级融媒体中心建设 网络普法宣传 网络安全实战攻防演练 网络安全等级保护 数据出境安全评估 网络辟谣联动机制建设
网络文明志愿服务 “{fs}好网民”工程 网上理论宣传 重大主题网上宣传 国际传播能力建设 网络安全检查 网信系统干部教育培训
网上重大主题宣传 网络举报受理处置 “自媒体”乱象整治 网站平台属地管理 网络信息内容生态建设 网络空间法治建设
智慧城市建设 数字经济发展 产业数字化转型 数字惠民服务 网络安全产业发展 “网格+网信”融合治理 基层网信工作体系建设
网络安全进社区活动 网络安全进校园活动 网络直播带货规范管理 农村电商发展 网络正能量精品创作 网络主题宣传活动
“指尖上的形式主义”整治 网上政务服务“一网通办” 网络安全人才培养 数据分类分级保护 网络安全事件应急处置
《网络安全法》宣传贯彻 《数据安全法》《个人信息保护法》学习宣传 《未成年人网络保护条例》宣传解读
《{P}网络生态治理工作实施方案》各项任务 《{F}“十四五”数字经济发展规划》重点任务""")

PURPOSES = _words("""推动网信事业高质量发展 切实维护网民合法权益 不断提升网络安全防护能力 为经济社会发展营造良好网络环境
确保各项任务落地见效 形成齐抓共管的工作格局 筑牢网络安全防线 进一步压实属地管理责任 让正能量产生大流量
推动网上网下同心圆越画越大 不断增强人民群众获得感幸福感安全感 为{fs}高质量发展提供有力支撑 切实防范化解重大网络安全风险
推动网络空间日益清朗 让党的创新理论飞入寻常百姓家 打通基层网络治理“最后一公里” 不断巩固壮大网上主流思想舆论
推动形成党委领导、政府管理、企业履责、社会监督、网民自律的多主体参与格局 为中国式现代化{ps}实践凝聚网上正能量
让数字红利惠及更多群众 提升基层网络治理效能 推动网络治理由“单兵作战”向“协同作战”转变 不断提升网上舆论引导能力
推动数字技术与实体经济深度融合 以高水平安全保障高质量发展 为乡村振兴注入数字动能 推动数字化改革走深走实
实现问题发现、分流交办、跟踪督办、结果反馈全链条闭环管理 让群众办事少跑腿、数据多跑路 持续提升网民网络素养
确保互联网在法治轨道上健康运行 推动网信工作与中心工作同频共振 为建设网络强国贡献{fs}力量""")

OUTCOMES = _words("""网络空间日益清朗 主流思想舆论不断壮大 网络安全屏障更加牢固 群众获得感持续增强 网络生态持续向好
网上舆论环境持续向好 数字经济发展势头强劲 基层网信工作力量明显加强 网络安全意识显著提升 工作机制更加健全
网络文明新风蔚然成风 网信工作质效稳步提升 网络综合治理能力明显增强 数字治理水平持续提升 网络安全保障体系日趋完善
干部群众参与热情高涨 网上群众工作成效明显 网民满意度稳步提高 典型经验在全国推广 多项工作走在全国前列""")

FACTS = _words("""累计处置违法违规账号{n0}个 清理各类违法和不良信息{f0}万余条 受理网络举报{n1}件 办结率达到{q0}%
培训基层网信干部{n2}余人次 覆盖{n3}个乡镇(街道) 建成网络文明实践站{n4}个 开展网络安全检查{n5}次
发现并整改安全隐患{n6}处 约谈督促整改网站平台{n7}家 发布辟谣信息{n1}条 网络直播带货销售额突破{f1}亿元
数字经济核心产业增加值同比增长{p1}% 5G基站总数达到{n0}个 群众满意率达到{q1}% 组织网络安全宣传活动{n5}场
推出网络主题宣传产品{n6}件 全网阅读量超过{f1}亿次 处置网上群众诉求{n2}余件 平均处置时长缩短{p3}%
惠及群众{f0}万人次 参与网民超过{f1}万人次 政务服务事项网上可办率达到{q2}% 累计开展网络安全应急演练{n4}次
在{y}年度考核中位列{pw}第{r0}位 行政村光纤和4G覆盖率均达到{q3}% 网络文明志愿者队伍扩大到{n3}支""")

OPENERS = _words("""近年来, 今年以来, {y}年以来, 党的二十大以来, 下一步, 与此同时, 此外, 在此基础上, 截至{y}年{mo}月底,
据统计, 实践中, 对此, 为此, 具体工作中, 在{Y}, 在{C}, 今后一个时期, 围绕年度目标, 面对新形势新任务,""")

SUBJECTS = _words("""{fc}网信办 {fw}网信系统 各级网信部门 我们 {cc}网信办 {yc}网信办 {fs} 各地各部门 {pc}网信委
{fw}各级党委(党组) 相关职能部门 {ys} {cs} {pc}网信办 {F}各部门 网信部门 {fw}上下""")

MEANS = _words("""通过{v}{o} 围绕{o} 依托{o} 聚焦{o} 结合{o} 以{o}为抓手 以{o}为牵引 在{o}方面 针对{o}中的突出问题
坚持把{o}摆在突出位置 立足{F}实际 对标{o}要求""")

HEADS_A = _words("""坚持党管互联网 坚持正确方向 坚持以人民为中心 坚持守正创新 坚持统筹发展和安全 坚持依法治网 坚持数字赋能
坚持系统观念 坚持问题导向 坚持改革创新 坚持胸怀天下 坚持固本强基 坚持精准施策 坚持协同联动 坚持开放合作""")

HEADS_B = _words("""把牢网上舆论主导权 筑牢网络安全屏障 营造清朗网络空间 激活{fs}发展动力 提升数字治理水平 压实网信工作责任
构建网络安全防护体系 以信息化赋能高质量发展 走好网上群众路线 推动网信事业高质量发展 凝聚网上正能量
夯实基层网络治理基础 释放数字经济新动能 守好网络安全底线 唱响网上主旋律 做强网上正面宣传 深化网上交流合作""")

QUOTES = _words("""互联网是当前宣传思想工作的主阵地 没有网络安全就没有国家安全，没有信息化就没有现代化 依法加强网络空间治理
网信事业要发展，必须贯彻以人民为中心的发展思想 要充分发挥信息化对经济社会发展的引领作用 坚持推动构建网络空间命运共同体
网络空间是亿万民众共同的精神家园 网络安全为人民，网络安全靠人民 正能量是总要求，管得住是硬道理，用得好是真本事""")

TITLE_A = _words("""深入贯彻习近平总书记关于网络强国的重要思想 以习近平总书记关于网络强国的重要思想为指引 坚定不移走好网上群众路线
以数字化改革赋能网络综合治理 以高水平安全护航高质量发展 奋力推进新时代网信事业高质量发展 统筹发展和安全
以“清朗”行动营造良好网络生态 以网络文明建设凝聚奋进力量 以信息化驱动现代化""")

TITLE_B = _words("""奋力书写网信事业发展的{ps}篇章 积极探索中国特色治网之道的{fs}路径 推动{fs}网信事业高质量发展 奋力开创{fs}网信事业发展新局面
为中国式现代化{fs}实践提供有力支撑 绘就数字{fs}新图景 筑牢{fs}网络安全屏障 谱写网络强国建设的{fs}新篇""")

CLOSINGS = [
    "做好新时代网信工作使命光荣、责任重大。我们将坚定拥护“两个确立”、坚决做到“两个维护”,以实干实绩推动网信事业高质量发展,为谱写中国式现代化{fs}篇章贡献网信力量。",
    "新征程上,{fw}网信系统将更加紧密地团结在以习近平同志为核心的党中央周围,守正创新、担当作为,奋力推动网络强国建设在{fs}落地生根、开花结果。",
    "下一步,{fs}将持续完善工作机制,推动网信工作与经济社会发展深度融合,为建设更高水平的平安{fs}、法治{fs}营造良好网络环境。",
    "{fc}网信办相关负责人表示,将以此为契机,进一步健全常态化工作机制,推动各项工作落地落细,让网络空间更加清朗。",
]

TITLE_NEWS = _words("""{F}{v}{o} {fs}:{v}{o} {F}扎实推进{o} {fs}多措并举推进{o} {F}召开{o}工作推进会 {fc}网信办部署开展{o}
{fs}:以{o}赋能基层治理 {F}{o}工作取得新成效 {fs}打造“网信+网格”新样板 {F}启动{y}年{o}专项行动""")

POSTS_PROVINCE = ["{pc}常委、宣传部部长", "{pc}网信办主任", "{pc}网信办副主任", "{pc}常委、宣传部部长,{pc}网信办主任"]
POSTS_CITY = ["{cc}书记、{cc}网信委主任", "{cc}常委、宣传部部长", "{cc}网信办主任", "{cc}常委、宣传部部长、{cc}网信办主任"]
POSTS_COUNTY = ["{yc}书记、{yc}网信委主任", "中共{yc}书记", "{yc}常委、宣传部部长", "{yc}网信办主任"]

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏文斌海波峰宁浩凯翔宇晨欣怡雪琳佳悦思远航书立新正阳光荣晓东春梅兰松柏清泉雨露晶晗婷颖博睿哲瑞祥福安康健龙凤")

PAPERS = ["{ps}日报", "{cs}日报", "{cs}晚报", "{ps}法治报", "中国网信杂志", "{fc}网信办", "网信{ps}", "{ps}网信", "新华网", "人民网-{ps}频道", "{cs}发布"]
NAVS = [
    "{site}  |  首页  新闻  时评  视频  专题  数字报  网信{ps}",
    "{site} 首页 | 新闻 | 时政 | 县市 | 理论 | 视频 | 专题",
    "首页 | 走进{F} | 新闻中心 | 政务公开 | 政务服务 | 互动交流 | 专题专栏",
    "{site}首页|频道|{ps}频道|时政|社会|经济|文旅|视频|图片",
    "{site} 首页 {ps}新闻 国内 国际 评论 视觉 专题",
]
CRUMBS = ["您现在的位置:首页 > 要闻 > {cs}", "当前位置:首页 > 新闻中心 > 网信动态", "当前位置:首页 > 理论", "{site} > 新闻 > {ps}新闻",
          "您现在的位置:首页 > {ps}新闻 > 网信{ps}", "首页 > 网信工作 > 工作动态", "当前位置:首页 > 新闻中心 > 部门动态"]
SITES = ["{ps}新闻网", "{cs}新闻网", "{ps}网信网", "中国{ps}网", "{cs}网", "{ps}日报网", "{F}人民政府", "{cs}融媒"]
SHARES = ["分享\n分享到\n分享到微信", "分享到:微信 微博 QQ空间", "分享让更多人看到", "扫一扫在手机打开当前页\n分享到:微信 微博 QQ空间",
          "【打印】【关闭】", "打印本页  关闭窗口"]
FOOTERS = [
    "{site}版权所有 未经书面授权不得转载、摘编或建立镜像\n{ab}ICP备{icp}号-1  {ab}公网安备{icp2}号",
    "版权所有:{site}  主办:{cs}融媒体中心  {ab}ICP备{icp}号",
    "关于我们 | 广告服务 | 网站声明 | 联系我们\n{site}版权所有 未经许可不得转载  {ab}ICP备{icp}号",
    "版权所有:{site}  主办:{F}人民政府办公室  承办:{cs}大数据中心\n{ab}ICP备{icp}号  {ab}公网安备{icp2}号",
    "{site}版权说明:凡注明来源为“{site}”的作品,未经授权禁止转载、使用,违者必究。如需使用,请与本网联系。\n版权保护:本网登载的内容(包括文字、图片、多媒体资讯等)版权属{site}所有。",
]
RELATED = ["{fs}召开网信工作会议", "{fs}开展网络安全宣传进万家活动", "{fs}举办网络文明节", "{cs}部署网络生态治理工作", "{ys}推进数字乡村建设"]


def _expand(rng: random.Random) -> dict[str, list[str]]:
    """The clause pools: every kind expanded POOL times from the phrase lists (fixed rng)."""
    c = rng.choice

    def vo() -> str:
        return c(VERBS) + c(OBJECTS)

    def means() -> str:
        return c(MEANS).replace("{v}", c(VERBS)).replace("{o}", c(OBJECTS))

    def pur() -> str:
        return c(PURPOSES) if rng.random() < 0.6 else c(("不断提升", "进一步提升", "有效提升", "全面提升")) + c(OBJECTS) + "水平"

    def fact() -> str:
        return c(FACTS) if rng.random() < 0.6 else c(("其中,", "全年", "一年来,", "目前,")) + c(FACTS)

    def act() -> str:
        return c(SUBJECTS) + vo()

    firsts = (act, lambda: means() + "," + act(), lambda: act() + "," + vo(), lambda: means() + "," + vo(), lambda: vo() + "," + vo())
    seconds = (pur, lambda: vo() + "," + pur(), fact, lambda: fact() + "," + fact(), lambda: fact() + "," + c(OUTCOMES),
               lambda: c(OUTCOMES), lambda: vo() + "," + fact() + "," + c(OUTCOMES))
    pools: dict[str, list[str]] = {
        # a sentence is [opener] first "," second "。": a first half says who does what, a second what for or with what result
        "first": [c(firsts)() for _ in range(POOL * 2)],
        "second": [c(seconds)() for _ in range(POOL * 2)],
        "vo": [vo() for _ in range(POOL // 4)],
        "out": list(OUTCOMES),
        "open": list(OPENERS),
        "head": [c(HEADS_A) + "," + c(HEADS_B) for _ in range(POOL // 4)] + [vo() for _ in range(POOL // 4)]
        + ["以" + c(OBJECTS) + "为引领,推动" + c(OBJECTS) for _ in range(POOL // 8)],
        "quote": ["习近平总书记指出,“" + q.replace("，", ",") + "”。" for q in QUOTES],
        "title_a": list(TITLE_A),
        "title_b": list(TITLE_B),
        "title_news": [t.replace("{v}", c(VERBS)).replace("{o}", c(OBJECTS)) for t in TITLE_NEWS for _ in range(POOL // 40)],
        "closing": list(CLOSINGS),
        "post_province": POSTS_PROVINCE,
        "post_city": POSTS_CITY,
        "post_county": POSTS_COUNTY,
        "surname": SURNAMES,
        "given": GIVEN,
        "paper": PAPERS,
        "nav": NAVS,
        "crumb": CRUMBS,
        "site": SITES,
        "share": SHARES,
        "footer": FOOTERS,
        "related": RELATED,
    }
    places = _places()
    for k, name in enumerate(("P", "ps", "pc", "pw", "ab", "C", "cs", "cc", "Y", "ys", "yc", "yw")):
        pools["place_" + name] = [row[k] for row in places]
    return pools


#: chrome words written literally by the page builders, converted with the pools
_LITERALS = [
    "来源:", "来源: ", "发布时间:", "发布日期:", "时间:", "浏览次数:", "字号:大 中 小", "字号:[大 中 小]", "【字体:大 中 小】",
    "作者:", "作者系", "作者为", "本报讯", "记者", "通讯员", "本报记者", "编辑:", "审核:", "责任编辑:", "【责任编辑:", "(责编:",
    "在《中国网信》杂志发表署名文章", "来源:《中国网信》", "杂志", "年第", "期", "文/", "相关阅读", "原标题:", "日", "年", "月",
    "中国网信杂志", "(作者系中共{yc}书记、{yc}网信委主任)", "(作者系中共{cc}书记、{cc}网信委主任)", "(作者为{pc}网信办副主任)",
]


def _convert_pools(pools: dict[str, list[str]]) -> dict[str, list[str]]:
    """The same pools in Traditional script: one OpenCC `s2tw` call over all their strings."""
    import opencc

    keys = list(pools)
    flat = [s for k in keys for s in pools[k]] + _LITERALS
    assert not any("\n\n\n" in s for s in flat)
    sep = "\n\n\n"  # multi-line entries (footers) contain single newlines only
    converted = opencc.OpenCC("s2tw").convert(sep.join(flat)).split(sep)
    assert len(converted) == len(flat), "OpenCC changed the separators"
    out, i = {}, 0
    for k in keys:
        out[k] = converted[i : i + len(pools[k])]
        i += len(pools[k])
    out["literal"] = converted[i:]
    return out


#: Traditional character → toned syllable, as a site's annotator printed them (`網(wǎng)`)
PINYIN = {
    "網": "wǎng", "發": "fā", "業": "yè", "展": "zhǎn", "數": "shù", "為": "wèi", "動": "dòng", "進": "jìn", "設": "shè",
    "經": "jīng", "聯": "lián", "產": "chǎn", "實": "shí", "區": "qū", "關": "guān", "統": "tǒng", "縣": "xiàn", "監": "jiān",
    "現": "xiàn", "構": "gòu", "時": "shí", "創": "chuàng", "優": "yōu", "體": "tǐ", "態": "tài", "務": "wù", "結": "jié",
    "驅": "qū", "續": "xù", "執": "zhí", "鄉": "xiāng", "農": "nóng", "轉": "zhuǎn", "質": "zhì", "環": "huán", "協": "xié",
    "內": "nèi", "醫": "yī", "調": "diào", "衛": "wèi", "節": "jié", "穩": "wěn", "濟": "jì", "戰": "zhàn", "開": "kāi",
    "據": "jù", "點": "diǎn", "傳": "chuán", "強": "qiáng", "險": "xiǎn", "辦": "bàn", "層": "céng", "級": "jí", "對": "duì",
    "處": "chǔ", "機": "jī", "題": "tí", "護": "hù", "營": "yíng", "專": "zhuān", "項": "xiàng", "場": "chǎng", "應": "yīng",
}


def _debris_tables(rng: random.Random, count: int = 6) -> list[dict[int, str]]:
    """`str.translate` tables, each annotating a different subset of PINYIN (the annotator's own choice)."""
    keys = sorted(PINYIN)
    tables = []
    for _ in range(count):
        chosen = rng.sample(keys, rng.randint(len(keys) // 3, len(keys)))
        if "網" not in chosen and rng.random() < 0.8:
            chosen.append("網")
        tables.append({ord(ch): f"{ch}({PINYIN[ch]})" for ch in chosen})
    return tables


_HANS = _expand(random.Random(20240229))
_HANT = _convert_pools(_HANS)
_HANS["literal"] = list(_LITERALS)
_DEBRIS = _debris_tables(random.Random(7))
_CACHE: dict[tuple[str, int], tuple[dict[str, list[str]], dict[str, str]]] = {}


def _pools(script: str, table: int = 0) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(pools, literals) of a script; `Hant+pinyin` pools carry the debris of `_DEBRIS[table]`.

    Debris is put into the pools once (translating a whole page costs ~2 ms, the pools ~0.1 s once).
    """
    key = (script, table if script == "Hant+pinyin" else 0)
    if key not in _CACHE:
        if script == "Hans":
            pools = _HANS
        elif script == "Hant":
            pools = _HANT
        else:
            t = _DEBRIS[table]
            pools = {k: [x.translate(t) for x in v] for k, v in _HANT.items()}
        _CACHE[key] = (pools, dict(zip(_LITERALS, pools["literal"], strict=True)))
    return _CACHE[key]


class _Page:
    """The random draws of one page, from the pools of its script (Simplified and Traditional pools are aligned)."""

    def __init__(self, rng: random.Random, v: dict[str, list[str]]) -> None:
        self.rng, self.v = rng, v
        r = rng.random
        first, second, opn, vo = v["first"], v["second"], v["open"], v["vo"]
        nf, ns, nop, nv = len(first), len(second), len(opn), len(vo)

        def sentence() -> str:  # locals only: it runs ~80 times a page
            if r() < 0.35:
                return opn[int(r() * nop)] + first[int(r() * nf)] + "," + second[int(r() * ns)] + "。"
            return first[int(r() * nf)] + "," + second[int(r() * ns)] + "。"

        def paragraph(indent: str, lead: bool) -> str:
            text = "".join([sentence() for _ in range(2 + int(r() * 4))])
            return indent + (vo[int(r() * nv)] + "。 " + text if lead else text)

        self.sentence, self.paragraph = sentence, paragraph

    def pick(self, kind: str) -> str:
        pool = self.v[kind]
        return pool[int(self.rng.random() * len(pool))]

    def name(self) -> str:
        r = self.rng.random
        g = self.v["given"]
        given = g[int(r() * len(g))] + (g[int(r() * len(g))] if r() < 0.7 else "")
        return self.pick("surname") + given


def _numbers(r: Callable[[], float]) -> dict[str, str]:
    """Counts, percentages, decimals and a rank of one page, from `random.random`."""
    values = {f"n{k}": str(20 + int(r() * 10 ** (2 + int(r() * 4)))) for k in range(8)}
    values.update({f"p{k}": f"{5 + int(r() * 55)}.{int(r() * 10)}" for k in range(4)})
    values.update({f"q{k}": f"{85 + int(r() * 15)}" + (f".{int(r() * 10)}" if r() < 0.5 else "") for k in range(4)})
    values.update({f"f{k}": f"{1 + int(r() * 99)}.{1 + int(r() * 9)}" for k in range(2)}, r0=str(1 + int(r() * 16)))
    return values


def page_text(k: int, seed: int = 0) -> tuple[str, str]:
    """(text, script) of page k: script is `Hans`, `Hant` or `Hant+pinyin`."""
    rng = random.Random(seed * 1_000_003 + k)
    r = rng.random
    x = r()
    script = "Hans" if x < P_HANS else "Hant" if x < P_HANT else "Hant+pinyin"
    v, lit = _pools(script, int(r() * len(_DEBRIS)))
    pg = _Page(rng, v)
    target = rng.randint(MIN_BYTES + 800, MAX_BYTES - 1500)
    if script == "Hant+pinyin":
        target = int(target / 1.3)

    # places, focus, people, dates
    i = int(r() * len(v["place_P"]))
    vals = {name: v["place_" + name][i] for name in ("P", "ps", "pc", "pw", "ab", "C", "cs", "cc", "Y", "ys", "yc", "yw")}
    level = rng.choice(("province", "province", "city", "county"))
    if level == "province":
        vals.update(F=vals["P"], fs=vals["ps"], fc=vals["pc"], fw=vals["pw"])
    elif level == "city":
        whole = "全" + ("市" if vals["C"].endswith("市") else "州" if vals["C"].endswith("州") else "地区")
        vals.update(F=vals["C"], fs=vals["cs"], fc=vals["cc"], fw=whole)
    else:
        vals.update(F=vals["Y"], fs=vals["ys"], fc=vals["yc"], fw=vals["yw"])
    vals.update(_numbers(r))
    year, mo, day = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
    hh, mm, ss = rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59)
    vals.update(y=str(year - rng.randint(0, 2)), mo=str(mo), icp=f"{rng.randint(5, 23):02d}{rng.randint(0, 999999):06d}",
                icp2=str(rng.randint(10**13, 10**14 - 1)))
    vals["site"] = pg.pick("site").format_map(vals)
    author, editor, checker, reporter, corr = pg.name(), pg.name(), pg.name(), pg.name(), pg.name()
    post = pg.pick("post_" + level)
    paper = pg.pick("paper")
    date = rng.choice((f"{year}-{mo:02d}-{day:02d} {hh:02d}:{mm:02d}", f"{year}年{mo}月{day}日 {hh:02d}:{mm:02d}",
                       f"{year}/{mo:02d}/{day:02d} {hh:02d}:{mm:02d}:{ss:02d}", f"{year}-{mo:02d}-{day:02d}", f"{year}.{mo:02d}.{day:02d}",
                       f"{year}-{mo:02d}-{day:02d} {hh:02d}:{mm:02d}:{ss:02d}"))
    kind = rng.choice(("zgwx", "news", "news", "article", "theory"))
    indent = rng.choice(("", "  ", "\u3000\u3000")) if kind != "zgwx" else ""
    numbered = kind != "zgwx" or r() < 0.4
    sub_numbered = r() < 0.5
    sep = "\n\n" if r() < 0.7 else "\n"

    # chrome above and below the body
    head: list[str] = []
    tail: list[str] = []
    if kind == "zgwx":  # a signed article in 《中国网信》 reprinted by a portal
        hosting = post + author + lit["在《中国网信》杂志发表署名文章"]
        head += [hosting, hosting, lit["来源: "] + lit["中国网信杂志"], f"{year}-{mo:02d}-{day:02d} {hh:02d}:{mm:02d} ", pg.pick("share"),
                 pg.pick("title_a"), pg.pick("title_b"), author, post]
        tail += [lit["来源:《中国网信》"] + f"{year}" + lit["年第"] + f"{rng.randint(1, 12)}" + lit["期"], lit["【责任编辑:"] + editor + "】"]
    else:
        head += [pg.pick("nav"), pg.pick("crumb"), pg.pick("title_news")]
        if kind == "theory" and r() < 0.5:
            head.append("——" + pg.pick("title_b"))
        if kind == "news":  # a newspaper report
            head.append(date + "  " + lit["来源:"] + paper + ("  " + lit["字号:大 中 小"] if r() < 0.5 else ""))
            if r() < 0.5:
                head.append(lit["本报记者"] + " " + reporter)
        elif kind == "article":  # a local secretary's article, post at the end
            head.append(f"{lit['作者:']}{author}  {lit['来源:']}{paper}  {lit['发布时间:']}{date}  {lit['浏览次数:']}{rng.randint(100, 9999)}")
            head.append(rng.choice((lit["字号:[大 中 小]"], lit["【字体:大 中 小】"])) + "  " + pg.pick("share").replace("\n", "  "))
            closing = "(作者系中共{yc}书记、{yc}网信委主任)" if level == "county" else "(作者系中共{cc}书记、{cc}网信委主任)"
            tail.append(indent + lit[closing if level != "province" else "(作者为{pc}网信办副主任)"])
        else:  # theory: author and post on one line under the date/source line
            head.append(date + " " + lit["来源:"] + paper)
            head.append(lit["作者:"] + author + " " + post)
        tail.append(rng.choice((lit["编辑:"] + editor + "  " + lit["审核:"] + checker, lit["责任编辑:"] + editor, lit["编辑:"] + editor)))
        tail.append(pg.pick("share"))
        if r() < 0.4:
            tail.append(lit["相关阅读"])
            tail += [f"· {pg.pick('related')} {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(3)]
    footer = pg.pick("footer")

    # body: lead, numbered sections with sub-points, closing
    if kind == "news":
        lead = f"{indent}{lit['本报讯']}({lit['记者']} {reporter} {lit['通讯员']} {corr}){pg.sentence()}{pg.sentence()}"
    else:
        lead = pg.paragraph(indent, False)
    closing = indent + pg.pick("closing") + (f"({lit['记者']} {reporter})" if kind == "news" and r() < 0.5 else "")
    body: list[str] = []
    size = sum(len(s) for s in (*head, *tail, footer, lead, closing)) * 3
    nums = "一二三四五六七八九十"
    sec = 0
    while size < target and sec < 10:
        body.append(indent + (nums[sec] + "、" if numbered else "") + pg.pick("head"))
        if kind == "zgwx" and r() < 0.5:
            body.append(pg.pick("quote") + pg.sentence())
        for j in range(1 + int(r() * 4)):
            if sub_numbered and kind != "news":
                body.append(indent + "(" + nums[j] + ")" + pg.pick("vo"))
            for _ in range(1 + int(r() * 2)):
                p = pg.paragraph(indent, lead=not sub_numbered and r() < 0.5)
                body.append(p)
                size += len(p) * 3
            if size >= target:
                break
        sec += 1

    def render() -> str:
        return sep.join([*head, lead, *body, closing, *tail, footer]).format_map(vals)

    text = render()
    size = len(text.encode("utf-8"))
    while size > MAX_BYTES - 100:  # too long: drop paragraphs from the middle
        del body[len(body) // 2]
        text = render()
        size = len(text.encode("utf-8"))
    while size < MIN_BYTES + 100:  # too short: one more paragraph
        body.append(pg.paragraph(indent, False))
        text = render()
        size = len(text.encode("utf-8"))
    if script == "Hant+pinyin" and r() < 0.2:
        text = text.replace("(wǎng)", "?wǎng)", 1)  # an annotation whose `(` was lost
    return text, script


def generate(out_dir: Path, n: int, seed: int = 0, workers: int = 1) -> int:
    """Write n pages `out_dir/{k:07d}.txt` (deterministic for the seed); the total number of bytes.

    Page k depends only on (seed, k), so `workers` processes (fork) write the same files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if workers <= 1 or n < 2000:
        return _write_range(out_dir, 0, n, seed)
    import multiprocessing

    for t in range(len(_DEBRIS)):  # build the debris pools once, before the fork
        _pools("Hant+pinyin", t)
    step = -(-n // (workers * 8))
    chunks = [(out_dir, a, min(n, a + step), seed) for a in range(0, n, step)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return sum(pool.starmap(_write_range, chunks))


def _write_range(out_dir: Path, start: int, stop: int, seed: int) -> int:
    total = 0
    for k in range(start, stop):
        data = page_text(k, seed)[0].encode("utf-8")
        with open(out_dir / f"{k:07d}.txt", "wb") as fh:
            fh.write(data)
        total += len(data)
    return total


def mutate(out_dir: Path, fraction: float, seed: int = 1) -> int:
    """Change about `fraction` of the pages (a sentence appended to a body paragraph); the number changed."""
    out_dir = Path(out_dir)
    paths = sorted(out_dir.glob("*.txt"))
    if not paths or fraction <= 0:
        return 0
    rng = random.Random(seed)
    chosen = rng.sample(paths, min(len(paths), max(1, round(fraction * len(paths)))))
    for path in chosen:
        text = path.read_text(encoding="utf-8")
        script = "Hans" if not any(ch in text for ch in "網們這說與發") else "Hant+pinyin" if "(wǎng)" in text else "Hant"
        pg = _Page(rng, _pools(script)[0])
        vals = _numbers(rng.random) | {"y": str(rng.randint(2019, 2024)), "mo": str(rng.randint(1, 12))}
        while True:  # a sentence naming no place (the page's places are not known here)
            try:
                sentence = (pg.pick("vo") + "," + pg.pick("second") + "。").format_map(vals)
                break
            except KeyError:
                continue
        lines = text.split("\n")
        longest = max(range(len(lines)), key=lambda j: len(lines[j]))  # a body paragraph
        lines[longest] += sentence
        path.write_text("\n".join(lines), encoding="utf-8")
    return len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic raw pages to OUT_DIR.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="processes writing pages (default: 1)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    total = generate(args.out_dir, args.n, args.seed, args.workers)
    dt = time.perf_counter() - t0
    print(f"{args.n} files, {total / 2**20:.1f} MiB in {dt:.2f} s ({args.n / dt:.0f} files/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
