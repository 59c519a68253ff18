"""Named patterns and marker vocabularies of the genre, kept apart from the logic that uses them.

Every pattern describes a page shape (a line of share buttons, a copyright footer, a byline in
brackets), never the wording of one article.
"""

from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAN_RE = re.compile(f"[{HAN}]")
NOT_HAN = re.compile(f"[^{HAN}]+")


def is_han(char: str) -> bool:
    """True for a CJK ideograph."""
    return _HAN_RE.match(char) is not None


#: Above this length the count runs in numpy, which costs a fixed few microseconds but is
#: twenty times faster per character than the regular expression.
_LONG_TEXT = 256


def han_count(text: str) -> int:
    """Number of CJK ideographs in a text."""
    if len(text) < _LONG_TEXT:
        return len(text) - len(_HAN_RE.sub("", text))
    import numpy as np

    c = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return int(np.count_nonzero(
        ((c >= 0x3400) & (c <= 0x4DBF)) | ((c >= 0x4E00) & (c <= 0x9FFF)) | ((c >= 0xF900) & (c <= 0xFAFF))
        | ((c >= 0x20000) & (c <= 0x2FFFF))
    ))


# --- normalisation ---------------------------------------------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: One or more toned syllables (`wǎng`, `rìdiàn`): no toned vowel is a plain letter, so each `[a-zü]*` stops at the
#: next toned vowel and the match is linear.
_SYLLABLE = f"(?:[a-zü]*+[{_TONED}])++[a-zü]*+"
#: `網(wǎng)`: a toned syllable in brackets right after a character; or `?lián)`, whose `(` a
#: garbled page lost (the toned syllable directly after a non-letter, closed by `)`).
PINYIN_DEBRIS = re.compile(f"(?<=[{HAN}?)\\]])\\({_SYLLABLE}\\)|(?<![a-zA-Zü{_TONED}(]){_SYLLABLE}\\)")
#: `天 津`: single characters spaced out to fill a heading's width.
LETTER_SPACED = re.compile(f"[{HAN}](?: +[{HAN}]){{1,5}}")
#: `?;ヂ?`: question marks and stray kana where a site garbled characters.
GARBLED = re.compile(f"[{HAN}]\\?[^\\s\\w]|\\?[\u30a0-\u30ff]|[\u30a0-\u30ff]\\?")

# --- line kinds -----------------------------------------------------------------------------
#: Whole lines that are page chrome: share buttons, font-size switches, print/close links.
CHROME_LINE = re.compile(
    r"(?:分享|分享到.{0,12}|分享让更多人看到|分享至.{0,12}|一键分享|转发|收藏|点赞|在看|打印|打印本页|"
    r"打印此页|打印文章|关闭|关闭窗口|关闭本页|返回|返回顶部|返回首页|回到顶部|顶部|"
    r"-?\s*评论|-?\s*关注|评论\s*\d*|关注我们|我要评论|发表评论|网友评论|查看评论|"
    r"相关推荐|相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|更多|"
    r"A\+\s*A-|A\+|A-|A|[【\[]?\s*(?:大|中|小)(?:\s*(?:大|中|小)){1,2}\s*[】\]]?|"
    r"[【\[]?(?:字号|字体)\s*[::]?.{0,16}|(?:大|中|小)字号|【?\s*纠错\s*】?|"
    r"扫一扫.{0,30}|.{0,20}扫码.{0,20}|.{0,20}二维码.{0,20}|微信|微博|QQ空间|QQ好友|朋友圈|"
    r"(?:上|下)一篇.{0,80}|用手机看|手机看|手机版|电脑版|登录|注册|首页|"
    # a reading-time badge and an e-paper's navigation
    r"图片|视频|欢迎(?:访问|光临|来到).{0,40}|本篇文章\s*+\d+\s*+字.{0,12}|.{0,8}阅读(?:时间|需要|约需)\s*+[::]?\s*+\d+\s*分钟.{0,8}|返回目录|标题导航|版面导航|"
    r"上一版|下一版|上一期|下一期|往期回顾|"
    r"\S+\.(?:jpe?g|png|gif|webp|bmp))",
    re.IGNORECASE,
)
#: Breadcrumb trails: `当前位置: 首页 > 要闻`, `您的位置:首页>新闻`.
_CRUMB = r"[^\s>»›]{1,12}+"  # a crumb never holds a separator, so the trail parses one way only
_CRUMB_SEP = r"\s*+(?:>>?|»|›)\s*+"
#: Anchored at the line's start (use `match`); `HOME_CRUMB` finds a trail anywhere in the line.
HOME_CRUMB = re.compile(r"首页\s*(?:>|»|›)")
BREADCRUMB = re.compile(
    r"^(?:您|你)?(?:当前|现在)?(?:的)?(?:所在)?(?:的)?位置\s*(?:[::]|(?=首页))"
    f"|^{_CRUMB}{_CRUMB_SEP}{_CRUMB}(?:{_CRUMB_SEP}{_CRUMB})*+\\s*+(?:>>?|»|›)?$"
    # the tail of a trail printed without separators: `中新网福建新闻正文`
    r"|^\S{0,14}(?:网|新闻|频道|首页|栏目)\s*正文$"
)
#: Navigation menus on one line: three or more separators.
MENU_LINE = re.compile(r"(?:[^|｜]*+[|｜]){2,}+[^|｜]*+")
#: Where an event took place, `在郑州召开`: a venue, not what the article is about.
VENUE = re.compile(r"在[^,,。;:在]{2,10}?(?:召开|举行|开幕|闭幕|举办|开班|启动|揭牌)")
#: A local subject's own words, by the suffix of the unit meant: `省委`, `市委`, `州委`, `县委` (not `委员`), `全省`,
#: `我市`, `本县`. An article about one place speaks of it this way without always naming it in full. `山东省委`
#: names its place: only a bare `省委` (after no character of a name) speaks of the page's own unit.
LEVEL_MARKER = re.compile(r"[全我本]([省市州县区旗盟])|(?:(?<![\u4e00-\u9fff])|(?<=[在由和及与的对是]))([省市州县区旗盟])委(?!员)")
#: An address or a piece of one where a name should be.
URL_LIKE = re.compile(r"[:/]|^(?:https?|www)\b", re.IGNORECASE)
#: A forum member's profile box (`TA的每日心情 | 开心 2022-6-6 12:22`, `签到天数: 5 天`) and the forum's sign-up
#: prompts: chrome, and their dates are no page's.
FORUM_PROFILE = re.compile(r"每日心情|签到天数|最后登录|注册时间|在线时间|阅读权限|马上注册|立即注册|才可以下载或查看")
#: A row of publication names, `《X日报》 《X报》 …`: an e-paper's or portal's masthead menu.
TITLE_LIST_LINE = re.compile(r"(?:《[^《》]{1,20}》\s*+){2,}+")
#: The line under a speech's title: `在X会议上的讲话` (a note on the occasion, not part of the title).
SPEECH_NOTE = re.compile(r"^在[^。!?;]{2,60}?上的(?:讲话|发言|致辞|报告|演讲|主旨演讲|工作报告)(?:\s*[((][^()()]{0,40}[))])?$")
#: A deck line naming who attended: `X Y出席`, `X作出批示 Y参加`.
ATTENDANCE_LINE = re.compile(r"(?:出席|参加|列席|陪同|致辞|讲话|作主旨演讲|主持)(?:会议|活动|仪式)?$")
#: A bullet opening a deck line or a marked byline: `●两年来…`, `■X Y`.
BULLET = "●■◆▲★"
#: Footer lines: copyright, licences, ICP numbers, reporting hotlines, site credits.
#: A footer's words. The reporting centre (举报中心) is a footer item only with its number, address or mailbox:
#: in this genre it is also what articles are about.
FOOTER_LINE = re.compile(
    r"版权所有|版权说明|版权声明|版权保护|版权属|copyright|©|ICP[备证][\s字第]*\d|公网安备|公安备案|许可证|"
    r"举报电话|举报邮箱|(?:举报中心|违法和不良信息举报)[^。]{0,30}?(?:\d{5}|@|www\.|https?:|网址|电话|邮箱|入口)|"
    r"主办单位|主办\s*[::]|联合主办|承办\s*[::]|技术支持|"
    r"网站地图|联系我们|关于我们|广告服务|投稿邮箱|未经.{0,10}(?:授权|许可).{0,10}(?:转载|使用)|"
    r"(?:不得|禁止)转载|all rights reserved",
    re.IGNORECASE,
)
#: Counters and reviewer credits that carry nothing the record keeps.
COUNTER_LINE = re.compile(
    r"(?:浏览|阅读|点击|访问|查看)(?:次数|量|数|率)?\s*+[::]?\s*+\d++\s*+次?|(?<!\d)\d++\s*+(?:次浏览|人阅读|次阅读)"
)
REVIEWER_LABEL = re.compile(r"(?:审核|审校|校对|终审|初审|复审|值班编辑|监制|策划|统筹|制作|设计|视频|摄影|图片)\s*[::]")
#: Photo captions and credits: `图为…`, `新华社记者 X 摄`, `(X 摄)`.
CAPTION_LINE = re.compile(r"^(?:图为|图\s*\d*\s*[::]|图片来源|\(?图/)|(?:摄|供图|制图|/摄)\s*[))]?$")
#: Editor's notes that introduce a reprint.
#: Search the last `NOTE_TAIL` characters with `EDITORS_NOTE_END`; `match` the start with `EDITORS_NOTE_START`.
EDITORS_NOTE_END = re.compile(r"(?:全文(?:转发|转载|刊发|刊登)?如下|原文如下|文章如下|全文内容如下|现全文刊发|现予刊发|现转载如下)\s*[::。]?$")
EDITORS_NOTE_START = re.compile(r"(?:编者按|编者的话|编辑按)\s*[::]")
NOTE_TAIL = 24
#: The hosting page's announcement of a signed article: `X在《Y》杂志(2022年第3期)发表署名文章`.
ANNOUNCEMENT = re.compile(
    r"(?P<who>[^,,。;;::“”]{0,80}?)在《(?P<pub>[^《》]{1,80})》(?:杂志|期刊|报)?(?:上)?\s*+(?P<issue>\d{4}年第?\d+期)?(?:上)?\s*+"
    r"(?:发表|刊发|刊登)(?:了)?(?:署名|理论)?(?:文章|评论|述评)"
)
#: The same announcement with the publication first: `2025年第3期《Y》杂志刊发X省委书记王某署名文章`.
ANNOUNCEMENT_PUB_FIRST = re.compile(
    r"(?P<issue>(?:19|20)\d{2}\s*年\s*第?\s*\d{1,3}\s*期)?\s*+《(?P<pub>[^《》]{1,80})》(?:杂志|期刊|报)?(?:上)?\s*+"
    r"(?:发表|刊发|刊登)(?:了)?(?P<who>[^,,。;;::“”《》]{2,80}?)的?(?:署名|理论)(?:文章|评论|述评)"
)
ANNOUNCEMENTS = (ANNOUNCEMENT, ANNOUNCEMENT_PUB_FIRST)
#: Time words that open an editor's note before the signer: `近日,`.
NOTE_LEAD = re.compile(r"^(?:近日|日前|近期|此前|日前|今天|昨天|\d{1,2}月\d{1,2}日)\s*[,,]?")

# --- metadata labels ------------------------------------------------------------------------
_LABEL_WORDS = (
    "新闻来源|信息来源|文章来源|稿件来源|来源|稿源|出处|作者|文章作者|撰稿|撰文|责任编辑|责编|编辑|发布时间|发布日期|发表时间|发表日期|"
    "发文时间|时间|日期|更新时间|浏览次数|阅读次数|点击数|字号|审核|审校|校对|终审|初审|供稿|通讯员|摄影"
)
LABEL = re.compile(f"(?:{_LABEL_WORDS})\\s*[::]")
SOURCE_LABEL = re.compile(r"(?:新闻来源|信息来源|文章来源|稿件来源|来源|稿源|出处|转载自|转自|来自)\s*[::/]?\s*")
SOURCE_BRACKETED = re.compile(r"^[((]\s*+(?:来源|稿源|转自|来自)\s*+(?:[::]\s*+)?(?P<value>[^))\s][^))]*+)[))]$")
AUTHOR_LABEL = re.compile(r"(?:文章作者|作者|撰稿|撰文|文|(?<![\u4e00-\u9fff])记者(?=\s*[::]))\s*[::/|]\s*")
EDITOR_LABEL = re.compile(r"(?<![总主])(?:责任编辑|责编|编辑|网络编辑|网页编辑)\s*[::]\s*")
DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表日期|发文时间|发文日期|时间|日期|更新时间|发布)\s*[::]\s*")
#: Stop a label's value at the next label, a date or a wide gap.
VALUE_END = re.compile(f"\\s{{2,}}|\\s*(?={LABEL.pattern})|\\s+(?=\\d{{4}}[-/.年])|\\s*[|｜【】\\[\\]]")

# --- dates ----------------------------------------------------------------------------------
#: A clock time as the `time` field holds it: H:MM or HH:MM, optionally :SS.
VALID_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")
#: `2023-07-27`, `2023年7月27日`, an e-paper's `2024 年/1 月/29 日`, with the time after it when printed.
DATE_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年/?)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月/?)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*+[/.]?\s*+(?P<t>\d{1,2}:\d{2}(?::\d{2})?))?(?!\d)"  # `2023/01/10/ 17:30`: a trailing slash before the time
)
DATE_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?:\s+(?P<t>\d{1,2}:\d{2}(?::\d{2})?))?(?!\d)")

# --- bylines and posts ----------------------------------------------------------------------
_NOT_NAME = "(?!记者|通讯员|实习生|评论员|摄影|编辑|本报|特约|见习|首席|全媒|融媒)"
#: A name neither starts nor ends with 和, the separator of a list of names that is a Han character too:
#: otherwise `和和和…` splits into names in exponentially many ways.
_NAME = f"{_NOT_NAME}(?!和)(?:[{HAN}]{{2,4}}|[{HAN}]{{1,6}}·[{HAN}]{{1,8}})(?<!和)(?<!报道)"
NAME = re.compile(f"(?:{_NAME})")
NAMES = re.compile(f"(?:{_NAME})(?:\\s*+[、,,和]\\s*+(?:{_NAME}))*")
NAME_LINE = re.compile(
    f"(?:作者\\s*[::]?\\s*|文\\s*[/|｜]\\s*)?(?P<names>{NAMES.pattern})(?:\\s+(?:图|摄影|图片|摄)\\s*[/:：]\\s*\\S+)?"
)
#: A marked byline line: `文/王某`, `□王 某` (letter-spaced), `作者:王某`, with `本文首发X` after it.
BYLINE_MARKED = re.compile(
    f"^(?:文\\s*[/|｜]|[□■]|作者\\s*[::])\\s*+(?P<names>{NAMES.pattern}(?: {_NAME}){{0,3}}|[{HAN}](?: [{HAN}]){{1,3}})"
    f"\\s*(?:本文首发(?:于)?(?P<first>[{HAN}A-Za-z0-9]{{2,24}}))?$"
)
#: A channel word after an outlet's name: `无界新闻客户端` → 无界新闻.
CHANNEL_WORD = re.compile(r"(?:客户端|微信公众号|公众号|官方微信|官微|网站|APP|App|杂志)$")
#: Words a position ends with; a line with one of these is an official post, not a title.
POST_WORD = (
    "书记|副书记|部长|主任|省长|市长|县长|区长|州长|旗长|盟长|镇长|乡长|主席|委员|常委|厅长|局长|处长|"
    "院长|校长|秘书长|组长|总编辑|社长|司长|署长|专员|检察长|参事|馆长|理事长|会长|总经理|董事长|"
    "研究员|教授|主任委员|负责人|成员|干部|总编|台长"
)
POST_END = re.compile(f"(?:{POST_WORD})$")
POST_ANY = re.compile(f"(?:{POST_WORD})")
#: `X省委`, `X县委`: an organisation of the party or government in a post.
NEWSROOM_ROLE = re.compile(r"(?:本报|本台|本刊|本网|新华社|人民日报|央视)?(?:特约|首席|见习|实习)?(?:记者|通讯员|评论员|编辑|实习生|主持人|撰稿人)")
#: A post with one short bracketed note inside: `(作者系X主任、宣传部副部长(兼))`.
_POST_TEXT = r"(?:[^()()]|[((][^()()]{1,6}[))])*?(?:[^()()\s]|[((][^()()]{1,6}[))])"
SIGNED_POST = re.compile(f"[((]?\\s*+作者(?:系|为|是|单位\\s*+[::])\\s*+(?P<post>{_POST_TEXT})\\s*+[))]?$")
TRAILING_BYLINE = re.compile(
    f"(?:(?<=[。!?”\"])|^)\\s*[((]\\s*(?:(?:本报|本台)?(?:特约|首席|见习)?(?:记者|通讯员|实习生)\\s*)?"
    f"(?P<names>{NAMES.pattern}(?:(?:\\s+|\\s*(?:记者|通讯员|实习生)\\s*)(?:{_NAME}))*)\\s*[))]\\s*[|｜]?$"
)
#: A bracketed byline opening the body, after an optional dateline: `本报讯(记者 王某)`,
#: `央广网长沙9月17日消息(记者王某 通讯员李某)`, `中新网福建新闻9月5日电 (王某)`, an outlet's other name in brackets
#: before the mark (`荆楚网(湖北日报网)讯(记者 王某)`), several outlets (`某报、某网(x.cn)、某客户端讯`). Matched on the
#: paragraph's first characters only, so its cost is bounded whatever the line.
OPENING_BYLINE = re.compile(
    f"^(?P<dateline>(?:[{HAN}0-9 、\\-—]|[((][{HAN}A-Za-z0-9.]{{2,20}}[))]){{0,40}}?(?:讯|电|消息|报道))?[\\s?]*+[((](?P<body>[^()()]{{2,40}})[))]"
)
OPENING_SCAN = 120
#: A reporter's credit closing a paragraph: `…。(记者 王某 实习生 李某)`, `(记者 王某报道)`; only a credit with a
#: newsroom role counts (`reporter_names`), and only the end of a paragraph is searched.
CLOSING_REPORTER = re.compile(r"(?<=[。!?”\"])\s*+[((](?P<body>[^()()]{2,40}?)(?:报道)?[))]\s*$")
#: A newsroom role before a reporter's name (`湖南日报记者`, `全媒记者`, `通讯员`).
#: A reporter's rank before the role word.
_RANK = "(?:特约|首席|见习|全媒体?|融媒体?)"
REPORTER_ROLE = re.compile(f"{_RANK}?(?:记者|通讯员|实习生)|文\\s*/\\s*(?:图|摄)?|图\\s*/\\s*文")
#: A photo credit closing a bracketed byline: `(王某 李某 图 张某)` → the writers are 王某 and 李某.
PHOTO_CREDIT = re.compile(r"\s+(?:图|摄影?|图片)\s*[/:：]?\s*[^\s]+(?:\s+[^\s]+)?$")
#: A site's "today" widget: `2021年08月18日 星期三` alone on a line, the day the page was viewed.
TODAY_WIDGET = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]$")
#: A trailing `(宣传部王某)`, `(市委网信办 王 某)`: the writer's unit, then the writer.
ORG_BYLINE = re.compile(
    f"(?:(?<=[。!?”\"])|^)\\s*[((]\\s*(?P<org>[{HAN}]{{2,12}}?(?:部|办|委|局|厅|中心|处|科|站|所|院|馆|队|社|报|台|网))"
    f"\\s*(?P<name>[{HAN}]{{2,3}}(?: [{HAN}]{{2,3}}){{0,3}}|[{HAN}] [{HAN}]{{1,2}}|[{HAN}] [{HAN}] [{HAN}])\\s*[))]\\s*[|｜]?$"
)
#: Last characters of a name that make it a verb or a credit, not a person: `(市委网信办供稿)`.
NOT_NAME_END = re.compile(r"(?:稿|图|供|理|道|布|发|辑|摄|讯|报|办|网|文|宣)$")
#: `记者 王某`, `新华社记者 王某、李某`, `海报新闻特约评论员 王某`, `湖北日报全媒记者 王某 通讯员 李某`: a byline
#: line, with the outlet the reporter writes for in front (`本报` names none).
REPORTER_LINE = re.compile(
    f"^(?P<outlet>本报|本台|本网|本刊|[{HAN}·•]{{2,16}}?)?{_RANK}?(?:记者|评论员|通讯员)\\s*"
    f"(?P<names>{NAMES.pattern}(?:\\s+(?:{_NAME}))*)(?:\\s*(?:通讯员|实习生|{_RANK}记者)\\s*(?P<others>{NAMES.pattern}(?:\\s+(?:{_NAME}))*))?"
    f"(?:\\s+[{HAN}]{{0,6}}报道)?$"
)
#: A dateline opening the first paragraph: `湖北日报讯`, `新华社北京3月5日电`.
#: Its lead is an outlet, maybe with a place or channel after it (`中新网福建新闻`, `新华社北京`), and maybe its other
#: name in brackets (`荆楚网(湖北日报网)讯`).
DATELINE = re.compile(f"^(?P<lead>[{HAN}]{{2,20}}?(?: [{HAN}]{{2,8}})?)(?:[((][{HAN}]{{2,12}}[))])?(?:讯|消息|(?:\\d{{1,2}}月)?\\d{{1,2}}日(?:电|讯|消息))")
#: A reporter's dateline opening the body without brackets: `东方网记者王某11月15日报道:`, `某某日报记者 王某 李某报道`.
#: The outlet comes first, the names run to the date or to 报道/电 (bounded: at most four names).
REPORTER_DATELINE = re.compile(
    f"^(?P<outlet>[{HAN}]{{2,12}}?){_RANK}?记者\\s*+(?P<names>[{HAN}]{{2,3}}?(?:[ 、][{HAN}]{{2,3}}?){{0,3}})"
    f"\\s*+(?:(?:\\d{{1,2}}月)?\\d{{1,2}}日)?(?:报道|电)[::,,]?"
)
#: What a page asks of its reader under the text: share, comment, collect, like.
READER_PROMPT = re.compile(r"分享|收藏|评论|点赞|感想|转发|扫一扫|扫码")
#: A dateline naming several outlets: `市场星报、安徽财经网(xomn.cn)、掌中安徽讯`.
MULTI_DATELINE = re.compile(f"^(?P<outlets>(?:[{HAN}A-Za-z0-9]{{2,12}}(?:[((][^()()]{{1,20}}[))])?、){{1,3}}[{HAN}A-Za-z0-9]{{2,12}})(?:讯|消息)")
#: Words of a site's bar, never of a headline: apps, accounts, logins, official-site links.
SITE_CHROME_WORDS = re.compile(r"微信|手机看|客户端下载|APP|登录|注册|入口|官网|官方网站")
INTERVIEW_MARK = re.compile(r"专访|访谈|对话|答记者问|^记者\s*[::]|^问\s*[::]|^答\s*[::]|[((]记者")
TITLE_NAME_PREFIX = re.compile(f"^(?P<names>{NAMES.pattern})\\s*[::]\\s*(?P<title>.{{6,}})$")
ORIGINAL_TITLE = re.compile(r"^[((【\[]?\s*原标题\s*[::]\s*(?P<title>.+?)\s*[))】\]]?$")
#: A site name appended to a page title: `… - 人民网`, `…_新闻中心_中国网`.
TITLE_SITE_SUFFIX = re.compile(
    f"\\s*(?:[-_|｜]|——|--)\\s*(?:[{HAN}A-Za-z0-9·]{{2,16}}(?:网|站|频道|中心|新闻|首页|门户|在线|日报|晚报|官网|手机版)"
    r"|[A-Za-z0-9.-]+\.(?:cn|com|net|org|gov\.cn))$"
)
SUBTITLE_DASH = re.compile(r"^\s*(?:——|--|—)\s*")

# --- body -----------------------------------------------------------------------------------
SENTENCE_END = re.compile(r"[。!?;…]")
HEADING_CN_NUM = re.compile(r"^[一二三四五六七八九十百]+\s*[、.]\s*\S")
HEADING_PAREN_NUM = re.compile(r"^[((][一二三四五六七八九十]+[))]\s*\S")
HEADING_ARABIC = re.compile(r"^\d{1,2}\s*[、.．]\s*(?!\d)\S")
HEADING_DASH = re.compile(r"^(?:——|--)\s*(?P<text>[^。!?]+?)\s*[。!]?$")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
DOC_ALIAS = re.compile(r"(?:以下简称|下称|简称)\s*+《(?P<alias>[^《》]{1,80}+)》")

# --- footer facts ---------------------------------------------------------------------------
_SITE_NAME = r"[^\s©|｜:：,，。()（）“”\"]{2,30}?"
SITE_BEFORE_COPYRIGHT = re.compile(
    f"(?:^|\\s)(?P<site>{_SITE_NAME})\\s*(?:\\d{{4}}\\s*[-—–]\\s*\\d{{4}}\\s*)?(?:版权所有|版权说明|版权声明)"
)
SITE_AFTER_COPYRIGHT = re.compile(
    r"(?:版权所有|版权属于?|copyright)(?:[©:：\s]|\(c\))*+(?:\d{4}(?:\s*+[-—–]\s*+\d{4})?\s*+)?"
    f"(?P<site>{_SITE_NAME})(?=[\\s(（,，。|]|$|版权|all)",
    re.IGNORECASE,
)
SITE_SPONSOR = re.compile(f"主办(?:单位)?\\s*[::]\\s*(?P<site>{_SITE_NAME})(?=[\\s,，|]|$)")
#: A publisher's name standing alone under a date line: `新疆日报`, `网信天津`.
SOURCE_NAME = re.compile(f"[{HAN}A-Za-z0-9·-]{{2,20}}(?:报|网|杂志|社|台|卫视|办|客户端|公众号|号|频道|中心|新闻|发布|在线|传媒|网信|政府)")
SOURCE_ISSUE = re.compile(r"(?P<issue>(?:19|20)\d{2}\s*年\s*第?\s*\d{1,3}\s*期|第\s*\d{1,3}\s*期)")
SOURCE_ORG = re.compile(r"(?:网信办|委员会|党委|省委|市委|县委|区委|政府|办公室|厅|局)$")
#: A line naming a site or column rather than an article: `海南省人民政府网站`, `人民网首页`.
SITE_LIKE = re.compile(r"(?:网|网站|频道|门户|政府|在线|首页|客户端|专栏|专题|栏目)$")
RELATED_MARK = re.compile(r"^(?:相关推荐|相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢)")
