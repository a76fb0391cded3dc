#!/usr/bin/env python3
"""Builds src/data/phrases.tsv, the table of set phrases (提法) learned from the reference corpus.

Usage (not part of the build; the output is committed, and tests/phrase_table.rs checks that
the script still gives it byte for byte):
    python3 scripts/build-phrase-table.py [REFCORPUS_DIR] > src/data/phrases.tsv
REFCORPUS_DIR defaults to ../shared/refcorpus beside the repository. Python 3.11 standard
library only.

Input. The government work reports 1954-2023 (gwr-zh.jsonl), the reports to the Party's
congresses (congress-zh.jsonl, dated by the congress's year) and Xi Jinping's English
speeches (xi-speeches-en.jsonl, dated by their date); Wikisource's licence notes at the end
of each document are cut off. Chinese text is folded first: NFKC
(full-width digits and letters), then the commonest traditional characters to simplified
ones (TRAD, SIMP below: the older reports are partly traditional). Chinese candidates are
character n-grams of 3 to 12 characters inside clauses, a clause being a run of Han
characters (any punctuation, digit or Latin letter ends it). English candidates are word
n-grams of 2 to 8 lower-cased words inside clauses delimited by punctuation (8, not 6:
the English formulations run long, "community with a shared future for mankind" has 7).

A set phrase is a string whose form is stable and which recurs across documents and years:
  * recurrence: used in at least MIN_DOCS (3) documents spanning at least two different
    years. Counting is level-wise (an n-gram is counted only when both its (n-1)-grams
    passed), so the whole space of n-grams is never held in memory.
  * cohesion: the minimum pointwise mutual information over the binary splits,
    min over a+b=w of log(f(w) N / (f(a) f(b))), at least MIN_PMI (2 nats): high only when
    every split binds, so a string that merely juxtaposes two frequent parts goes.
  * boundary freedom: the left and right branching entropies (entropy of the character or
    word before and after each occurrence; the start or end of a clause counts as a new
    neighbour every time; English articles are passed over) both at least MIN_ENTROPY
    (1.0 nats for Chinese, 0.9 for English). A fragment that always continues the same way
    (主义现代化 is always 社会主义现代化: left entropy 0) fails on that side.
  * whole words at the edges (Chinese): at most MAX_CUT (40%) of the occurrences may begin
    or end inside a word of src/data/zh_words.txt, i.e. the character before the phrase and
    its first character, or its last character and the one after it, make a word (力支持
    is nearly always 大力支持, 有力支持, 全力支持: it cuts a word).
Then pruning:
  * generic edges: a Chinese phrase may not begin or end with a function word, pronoun,
    generic adverb or verb of action (STOP_EDGE, STOP_HEAD, STOP_TAIL: 的, 和, 是, 要, 在,
    了, 等, 我们, 进一步, 实施, 坚持 ...: the table keeps 科教兴国战略, not
    实施科教兴国战略). A one-character stop word at an edge is forgiven when it belongs to a
    word there in a phrase of four or more characters (原则 ends 和平共处五项原则, 实事求是
    ends in 是). No enumerator (一是) and nothing that reads as a quantity (百分之, 三百零,
    增加到一, 第). An English phrase may not begin or end with a stop word (EN_STOP).
  * two common words: a phrase that is two words of the word list is kept only when most
    uses of one of them are inside it, f(w) / min(f(a), f(b)) at least
    MIN_DEPENDENCY_TWO_WORDS (0.12): 改革开放 (0.45) stays, 目标任务 (0.06) goes.
  * subsumed fragments: a candidate contained in a longer kept candidate with nearly the
    same document count and frequency (at least SUBSUME, 85%, of both) is a piece of it.
  * size: candidates are ranked by score = log2(1 + docs) x min(left, right entropy) x
    min(PMI, PMI_CAP) / PMI_CAP (recurrence, freedom, cohesion) and the best MAX_ZH Chinese
    and MAX_EN English ones kept, which holds the table near 4,850 rows and about 64 KB
    gzipped. Chinese forms of the lexicon (src/data/lexicon.tsv, names and aliases) skip
    every test but recurrence and the rank cut: they are known formulations.
  * lexicon entries: the row of an entry's Chinese name counts the documents in which the
    app's lexicon matcher finds the entry (entry_documents: any of its forms, the longest
    match at each place winning), not where its name stands as a substring, so that the
    record agrees with the counts the app shows (放管服 is found where 简政放权、放管结合、
    优化服务 is spelled out; 生态文明 is not found inside 生态文明制度体系). Every entry found
    in MIN_DOCS documents or more has a row.

Output: a first comment line, a header, then one row per phrase sorted by phrase (code
point order): phrase, lang (zh|en), first_year, last_year, docs (documents using it),
total_docs_of_that_kind (documents in the collections counted for kind), kind (gwr,
congress or speech when every document using it is of that collection, else mixed, whose
total is gwr plus congress), gloss (the preferred English rendering from the lexicon when
the phrase is one of its Chinese forms; empty otherwise). Every number printed is an
integer; iteration is over sorted keys, so the same input gives the same bytes.
"""
import collections
import json
import math
import os
import re
import sys
import unicodedata

MIN_DOCS = 3
ZH_MIN_N, ZH_MAX_N = 3, 12
EN_MIN_N, EN_MAX_N = 2, 8
MIN_ENTROPY_ZH = 1.0
MIN_ENTROPY_EN = 0.9
MIN_PMI = 2.0
MIN_DEPENDENCY_TWO_WORDS = 0.12
SUBSUME = 0.85
MAX_CUT = 0.4
PMI_CAP = 8.0
MAX_ZH = 4200
MAX_EN = 350

CONGRESS_YEAR = {1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969,
                 10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007,
                 18: 2012, 19: 2017, 20: 2022}

# The commonest traditional characters (and old variants) of the older reports, folded to the
# simplified forms the recent reports use. Not a converter: enough that counts agree.
TRAD = (
    '國業這會經個産發對爲於關現設計來農動進資機還並過劃時須員應議濟萬點實內亞當組運黨後聯費種學問題級營務'
    '爭團東領從數術約沒織長許廣將財幾體總係軍戰勞間統區兩達難餘據權灣結華條門衆際說協積導羣嚴衞項視規鬥'
    '備佔證預億職續別質壞認變參繼極無購蘇選損張復災願與額報輸節遠樣標誤則敎鮮勢較識確鐵錯採護給訂憲準適'
    '勝擧顧敵製養擴裏辦綫僑謂為論壓鞏獨斷圖構號漢僅緊賣產見戶銷狀廠車談習顯滅糧場罷偉轉檢驗絕礎電滿紀響'
    '蘭愛醫階婦評針揮險徹貨隨輕穩貪屬堅礦執幫貿違蔣績脫陸暫佈勵奮責單觀築層價擁稅汚馬處調幹榮歷擺鎮噸鋼'
    '艱鄉縣厲脅撾澤貸驟專創討類麽舊潤盡郵裝亂負懷監盜騙傾誼撓歐該盤屆註吳傳鄧圍貧細補雖換潛飛陽環貫畝澇'
    '買繳納竊遺藥礙兒記離簽擊殘締誠誌緬終維艦隊況決夠閥陳訓搶賴淸鍛煉鋪順聽綱歸紙態瀋畢熱請龐鬆麥豐紡趕'
    '魚荊縮漸舖軌週範雜覺頓幣療裡獎揚藝貢獻慮孫轄惡獲慣審羅爾聲錫觸雙紛蠻橫奪敗緩賓刼峽聖韓譯遷線煙糾幷'
    '們麼與氣開問義區號認務勢聯廣讓邊費隻總頭風門鬧歡樂書畫東車馬鳥龍齊齒龜麗點黨鄰鄭醜鐘錢鋒銀鑒閱闊'
    '隱雲靜韻頁頂順須領頻顆題額顏願類顧餘館饑驅驚髒鬥魯鮮鹽黃齡劍劑勁勸動勝區協則剛劉創際陣陰陸隨險'
    '鄉總積穩稱稅種稿穀窮競築簡糧紅約級紀紐純紗紙級紹終組結絡給統絲經綜綠維網緒線編緣練縱績織繩繫繼續'
    '罰罷羅義習聖聞職聯聽肅脅脈脫腦臘臨與舉艦艱藝節範葉蓋蘇處號蟲蠶術衛衝補裝製複襲見規視親覽觀觸計'
    '訂認討訓記設許訴診詞試詩話該詳認誕語誤說誰課調談請諸論謀講謝證識譜議護讀變讓豈豐貝負財責貧貨販貫'
    '貸費貿賀資賊賓賜賞賠賢賤質購賽贊贏趕趨跡躍車軌軍軒軟載輔輕輝輩輪輯輸轉轟辦辭農迴這連進遊運過達違遙'
    '遞遠適遲遷選遺遼還邊郵鄉醫釋針鈍鈔鉛銀銅銷鋼錄錦鍵鎖鏈鐘鑄長門閃閉開閒間閘閣閩關闡防隊陽階際陳陸隨'
    '險隱隸雖雙雜雞離難電霧靈靜響頃項順須頌預頑頒頓頗領頻題額顏顛類顯飄飛飢飯飲飽飾養餓館首馬馮馳駐駕'
    '騎騰驗驅驟體髮鬆魏魚鮮鳥鳴鴨鵝鹹鹽麥麵黃黨齊齒龍'
)
SIMP = (
    '国业这会经个产发对为于关现设计来农动进资机还并过划时须员应议济万点实内亚当组运党后联费种学问题级营务'
    '争团东领从数术约没织长许广将财几体总系军战劳间统区两达难余据权湾结华条门众际说协积导群严卫项视规斗'
    '备占证预亿职续别质坏认变参继极无购苏选损张复灾愿与额报输节远样标误则教鲜势较识确铁错采护给订宪准适'
    '胜举顾敌制养扩里办线侨谓为论压巩独断图构号汉仅紧卖产见户销状厂车谈习显灭粮场罢伟转检验绝础电满纪响'
    '兰爱医阶妇评针挥险彻货随轻稳贪属坚矿执帮贸违蒋绩脱陆暂布励奋责单观筑层价拥税污马处调干荣历摆镇吨钢'
    '艰乡县厉胁挝泽贷骤专创讨类么旧润尽邮装乱负怀监盗骗倾谊挠欧该盘届注吴传邓围贫细补虽换潜飞阳环贯亩涝'
    '买缴纳窃遗药碍儿记离签击残缔诚志缅终维舰队况决够阀陈训抢赖清锻炼铺顺听纲归纸态沈毕热请庞松麦丰纺赶'
    '鱼荆缩渐铺轨周范杂觉顿币疗里奖扬艺贡献虑孙辖恶获惯审罗尔声锡触双纷蛮横夺败缓宾劫峡圣韩译迁线烟纠并'
    '们么与气开问义区号认务势联广让边费只总头风门闹欢乐书画东车马鸟龙齐齿龟丽点党邻郑丑钟钱锋银鉴阅阔'
    '隐云静韵页顶顺须领频颗题额颜愿类顾余馆饥驱惊脏斗鲁鲜盐黄龄剑剂劲劝动胜区协则刚刘创际阵阴陆随险'
    '乡总积稳称税种稿谷穷竞筑简粮红约级纪纽纯纱纸级绍终组结络给统丝经综绿维网绪线编缘练纵绩织绳系继续'
    '罚罢罗义习圣闻职联听肃胁脉脱脑腊临与举舰艰艺节范叶盖苏处号虫蚕术卫冲补装制复袭见规视亲览观触计'
    '订认讨训记设许诉诊词试诗话该详认诞语误说谁课调谈请诸论谋讲谢证识谱议护读变让岂丰贝负财责贫货贩贯'
    '贷费贸贺资贼宾赐赏赔贤贱质购赛赞赢赶趋迹跃车轨军轩软载辅轻辉辈轮辑输转轰办辞农回这连进游运过达违遥'
    '递远适迟迁选遗辽还边邮乡医释针钝钞铅银铜销钢录锦键锁链钟铸长门闪闭开闲间闸阁闽关阐防队阳阶际陈陆随'
    '险隐隶虽双杂鸡离难电雾灵静响顷项顺须颂预顽颁顿颇领频题额颜颠类显飘飞饥饭饮饱饰养饿馆首马冯驰驻驾'
    '骑腾验驱骤体发松魏鱼鲜鸟鸣鸭鹅咸盐麦面黄党齐齿龙'
)
assert len(TRAD) == len(SIMP), (len(TRAD), len(SIMP))
FOLD = {ord(t): s for t, s in zip(TRAD, SIMP)}

HAN_RUN = re.compile(r'[\u3007\u4e00-\u9fff]+')

# A Chinese phrase may not begin (STOP_HEAD) or end (STOP_TAIL) with these: function words,
# pronouns, generic verbs and adverbs that attach to anything.
STOP_EDGE = ('的 地 得 了 着 过 和 与 及 并 或 而 且 是 为 在 要 把 被 将 于 从 向 对 由 使 让 给 等 也 都 就 又 '
             '还 才 再 其 之 所 此 这 那 我 你 他 它 们 有 没 不 很 更 最 已 正 个 些 种 者 则 即 若 如 但 因 故 '
             '我们 我国 你们 他们 它们 这些 那些 这个 这是 一些 一个 一步 进一步 更加 更好 必须 应当 应该 需要 '
             '能够 可以 继续 已经 正在 不断 努力 一定 一切 所有 各项 各种 其中 以及 同时 并且 而且 '
             '通过 按照 根据 关于 对于 为了 由于 今年 去年 明年 今后 目前 现在 当前 过去 各级 方面')
# 一是 … 十是, 其一: the enumerators of a list.
ENUMERATOR = re.compile(r'^[一二三四五六七八九十]是|^其[一二三四五六七八九十]')
# Single characters allowed at one edge only: 上下外后 etc. end no phrase; 届次项 (measure words
# after a numeral) begin none.
STOP_HEAD = set(STOP_EDGE.split()) | set('届次项条位名批份年月日亿万千百相越')
STOP_TAIL = set(STOP_EDGE.split()) | set('上下中里内外后前间时年月日到来去起成第新')
# Function words that end or begin no phrase even when the word list has a word there
# (its 竟是, 移到, 在思想上); 是 ends only a four-character word (实事求是).
NEVER_HEAD = set('的得了着并或在把被到是')
NEVER_TAIL = set('的地得了着和与及并或在把被对到')
STOP_HEAD |= {'特别是', '尤其是', '特别', '无论', '究竟', '不管'}
# Verbs and adverbs of action that govern a formulation without being part of it: the table
# keeps 科教兴国战略, not 实施科教兴国战略 (an added or dropped modifier is a change of its own).
STOP_HEAD |= set('实施 坚持 加强 推进 深化 落实 贯彻 实行 推动 促进 加快 深入 大力 积极 认真 切实 着力 全力 逐步 '
                 '始终 坚决 坚定不移 更好 充分 有效 扎实 稳步 认真 努力 必须 进一步'.split())
STOP_TAIL |= {'重要', '重大', '主要', '根本', '基本', '全面', '新的'}
# Quantities and dates are not formulations.
NUMERALS = '零〇一二三四五六七八九十百千万亿两'
QUANTITY = re.compile(r'分之|[一二三四五六七八九十两][百千万亿零〇]|[百千万亿零〇][一二三四五六七八九十两]'
                      r'|[零〇一二三四五六七八九十百千万亿两](?:亿元|万元|万吨|亿吨|万人|亿人|公里|公斤|元|吨|倍|点|年|月|日)'
                      r'|^第|第$')

EN_STOP = set('''a an the and or but nor of to in on at by for with from into onto upon as than that this these those
it its it's itself they them their theirs we us our ours you your yours he him his she her i me my mine
is are was were be been being am do does did done have has had having will would shall should can could
may might must not no so such very too also just only even more most much many some any each every all
both either neither other another same own which who whom whose what when where why how there here then
now if while because since though although whether about over under between among through during before
after above below up down out off again further once s t one two three first second third new
need needs made make making continue continued last next year years let come going move held dear'''.split())
EN_CLAUSE = re.compile(r"[.,;:!?()\[\]{}\"“”‘’—–…/]|\s-\s|\s'|'\s")
EN_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def fold_zh(text):
    return unicodedata.normalize('NFKC', text).translate(FOLD)


BOILERPLATE = ('公有领域', '公有領域', '维基文库', 'Public domain', '著作权法')


def strip_boilerplate(text):
    """The text before Wikisource's licence notes: they (and the footnotes of the notes) end
    every document from the first paragraph naming the public domain or the copyright law."""
    paragraphs = text.split('\n\n')
    for i, p in enumerate(paragraphs):
        if any(b in p for b in BOILERPLATE):
            return '\n\n'.join(paragraphs[:i])
    return text


def load(refdir):
    """Documents as (kind, year, text), in file order."""
    docs = []
    with open(os.path.join(refdir, 'gwr-zh.jsonl'), encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            docs.append(('gwr', int(d['year']), strip_boilerplate(d['text'])))
    with open(os.path.join(refdir, 'congress-zh.jsonl'), encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            docs.append(('congress', CONGRESS_YEAR[int(d['congress'])], strip_boilerplate(d['text'])))
    with open(os.path.join(refdir, 'xi-speeches-en.jsonl'), encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            docs.append(('speech', int(d['date'][:4]), d['text']))
    return docs


def entropy(counter, boundary):
    """Branching entropy (nats) of a neighbour distribution; each boundary is its own neighbour."""
    total = sum(counter.values()) + boundary
    if total == 0:
        return 0.0
    h = 0.0
    for c in sorted(counter.values()):
        p = c / total
        h -= p * math.log(p)
    if boundary:
        h += boundary * (1 / total) * math.log(total)
    return h


class Stats:
    """N-gram counts over sequences (strings of characters or tuples of words)."""

    def __init__(self, units, min_n, max_n, docs_years):
        # units: list of (doc index, list of clauses); docs_years: year of each doc index.
        self.units = units
        self.years = docs_years
        self.freq = {}  # gram -> total frequency
        self.df = {}    # gram -> number of documents
        self.span = {}  # gram -> (first year, last year)
        self.docset = {}  # gram -> sorted tuple of doc indices (candidates only)
        self.total = 0
        self.count(min_n, max_n)

    def count(self, min_n, max_n):
        # Lengths 1 .. min_n-1: counted in full (the parts of any split).
        for n in range(1, max_n + 1):
            tf = collections.Counter()
            dset = collections.defaultdict(set)
            prev = self.freq if n > min_n else None
            for doc, clauses in self.units:
                for cl in clauses:
                    for i in range(len(cl) - n + 1):
                        g = cl[i:i + n]
                        if prev is not None and (g[:-1] not in frequent or g[1:] not in frequent):
                            continue
                        tf[g] += 1
                        dset[g].add(doc)
            if n == 1:
                self.total = sum(tf.values())
            frequent = set()
            for g in sorted(tf):
                ds = dset[g]
                ys = [self.years[d] for d in ds]
                self.freq[g] = tf[g]
                self.df[g] = len(ds)
                lo, hi = min(ys), max(ys)
                self.span[g] = (lo, hi)
                if n >= min_n - 1 and len(ds) >= MIN_DOCS and lo != hi:
                    frequent.add(g)
                    if n >= min_n:
                        self.docset[g] = tuple(sorted(ds))
            if n < min_n - 1:
                frequent = set(tf)
            if not frequent:
                break

    def pmi(self, g):
        """Minimum PMI over binary splits."""
        fg = self.freq[g]
        return min(math.log(fg * self.total / (self.freq[g[:k]] * self.freq[g[k:]])) for k in range(1, len(g)))

    def two_words(self, g, words):
        """When g is two words of the word list: the largest share of one word's occurrences
        that are inside g, f(g) / min(f(a), f(b)) (改革开放 0.5, 目标任务 0.03). Else None."""
        deps = [self.freq[g] / min(self.freq[g[:k]], self.freq[g[k:]])
                for k in range(2, len(g) - 1) if g[:k] in words and g[k:] in words]
        return max(deps) if deps else None

    def neighbours(self, grams, words=None, skip=()):
        """For each gram: left and right branching entropies, and (with a word list) the
        shares of its occurrences whose first or last character makes a word with the
        character(s) beside it, i.e. where the gram cuts a word in two. Left neighbours in
        `skip` (English articles) are passed over: "a" before a noun phrase says nothing of
        its boundary."""
        left = {g: collections.Counter() for g in grams}
        right = {g: collections.Counter() for g in grams}
        lb = collections.Counter()
        rb = collections.Counter()
        lcut = collections.Counter()
        rcut = collections.Counter()
        lengths = sorted({len(g) for g in grams})
        for _doc, clauses in self.units:
            for cl in clauses:
                m = len(cl)
                for n in lengths:
                    for i in range(m - n + 1):
                        g = cl[i:i + n]
                        if g not in left:
                            continue
                        j = i
                        while j > 0 and cl[j - 1] in skip:
                            j -= 1
                        if j == 0:
                            lb[g] += 1
                        else:
                            left[g][cl[j - 1]] += 1
                            if words is not None and (cl[i - 1] + g[0] in words
                                                      or (i > 1 and cl[i - 2:i] + g[0] in words)):
                                lcut[g] += 1
                        if i + n == m:
                            rb[g] += 1
                        else:
                            right[g][cl[i + n]] += 1
                            if words is not None and (g[-1] + cl[i + n] in words
                                                      or g[-1] + cl[i + n:i + n + 2] in words):
                                rcut[g] += 1
        out = {}
        for g in grams:
            occ = sum(left[g].values()) + lb[g]
            out[g] = (entropy(left[g], lb[g]), entropy(right[g], rb[g]), lcut[g] / occ, rcut[g] / occ)
        return out


def load_words(path):
    words = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            parts = line.split()
            if not parts:
                continue
            first = parts[0]
            for rest in parts[1:]:
                words.add(first + rest)
    return words


def lexicon_rows(path):
    """The lexicon's entries as (zh, en, aliases) columns, comments and header left out."""
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if cols[0] == 'zh' and len(cols) > 1 and cols[1] == 'en':
                continue
            cols += [''] * (5 - len(cols))
            yield cols[0], cols[1], cols[4]


def load_lexicon(path):
    """Chinese form -> preferred English rendering."""
    gloss = {}
    for zh, en, aliases in lexicon_rows(path):
        if not en:
            continue
        pref = en.split('|')[0].strip()
        for form in [zh] + aliases.split('|'):
            form = form.strip()
            if form and form not in gloss:
                gloss[form] = pref
    return gloss


# Quotations as the app reads them (src/findings/formulations.rs, OPEN_CLOSE; book titles
# in 《》 aside), up to 40 characters.
QUOTED = re.compile('“([^“”]{1,40})”|‘([^‘’]{1,40})’|「([^「」]{1,40})」|『([^『』]{1,40})』')


def load_entries(path):
    """Each lexicon entry with a Chinese label, as (label, its Chinese forms: label and aliases)."""
    return [(zh, [zh] + [a.strip() for a in aliases.split('|') if a.strip()])
            for zh, _, aliases in lexicon_rows(path) if zh]


def entry_documents(docs, entries):
    """For each entry label, the Chinese documents in which the app's lexicon matcher finds the
    entry (src/findings/lexicon.rs, `Lexicon::find`): at each character the longest form
    starting there wins; a form of another entry inside a match counts when it starts later
    and ends within it. So 生态文明 is not counted where it is only the start of
    生态文明制度体系, and 放管服 is counted where its spelled-out form 简政放权、放管结合、优化服务
    stands: the record of an entry is of what the app counts, not of a substring."""
    by_start = collections.defaultdict(list)
    for entry, (_, forms) in enumerate(entries):
        for form in forms:
            if len(form) >= 2:
                by_start[form[:2]].append((form, entry))
    for key in by_start:
        by_start[key].sort(key=lambda fe: (-len(fe[0]), fe[0], fe[1]))
    whole = {}
    for entry, (_, forms) in enumerate(entries):
        for form in forms:
            whole.setdefault(form, entry)
    found = collections.defaultdict(set)
    for idx, (kind, _, text) in enumerate(docs):
        if kind == 'speech':
            continue
        text = fold_zh(text)
        # A quotation that is a whole form of an entry is that entry (“三个代表”重要思想
        # prints 三个代表 in quotes inside the longer name).
        for inner in QUOTED.findall(text):
            inner = next(q for q in inner if q)
            if inner in whole:
                found[entries[whole[inner]][0]].add(idx)
        outer = None  # (end, entry) of the match the scan is inside
        for at in range(len(text) - 1):
            if outer is not None and at >= outer[0]:
                outer = None
            for form, entry in by_start.get(text[at:at + 2], ()):
                if not text.startswith(form, at):
                    continue
                end = at + len(form)
                if outer is None:
                    outer = (end, entry)
                elif not (end <= outer[0] and entry != outer[1]):
                    continue
                found[entries[entry][0]].add(idx)
                break
    return found


def generic_edge(g, words):
    """True when the phrase begins or ends with a stop word. A one-character stop word counts
    unless it is part of a word at that edge (原则, 实事求是 end in 则, 是) of a phrase of four
    or more characters (不可能, 几年来, 取决于 are words, not set phrases)."""
    for k in range(2, 5):
        if g[:k] in STOP_HEAD or g[-k:] in STOP_TAIL:
            return True
    spans = range(2, min(4, len(g)) + 1) if len(g) >= 4 else ()
    if g[0] in STOP_HEAD and (g[0] in NEVER_HEAD or not any(g[:k] in words for k in spans)):
        return True
    if g[-1] in STOP_TAIL and (g[-1] in NEVER_TAIL or not any(g[-k:] in words for k in spans)):
        return True
    if g[-1] == '是' and g[-4:] not in words:
        return True
    return bool(ENUMERATOR.match(g))


def longest_numeral_run(g):
    return max((len(r) for r in re.findall(f'[{NUMERALS}]+', g)), default=0)


def score(docs, le, re_, pmi):
    return math.log2(1 + docs) * min(le, re_) * min(pmi, PMI_CAP) / PMI_CAP


def drop_subsumed(cands, stats, protected=()):
    """The candidates less those contained in a longer candidate with nearly their document
    count and frequency (fragments of it); forms in `protected` always stay."""
    present = set(cands)
    keep = set(cands)
    for g in sorted(cands):
        n = len(g)
        for k in range(1, n):
            for i in range(n - k + 1):
                s = g[i:i + k]
                if s in present and s not in protected and stats.df[g] >= SUBSUME * stats.df[s] \
                        and stats.freq[g] >= SUBSUME * stats.freq[s]:
                    keep.discard(s)
    return keep


def build_zh(docs, words, lexicon):
    units = []
    years = []
    for idx, (kind, year, text) in enumerate(docs):
        years.append(year)
        if kind == 'speech':
            continue
        units.append((idx, HAN_RUN.findall(fold_zh(text))))
    stats = Stats(units, ZH_MIN_N, ZH_MAX_N, years)
    cands = {}
    why = {}
    for g in sorted(stats.docset):
        if g in lexicon:
            pass
        elif generic_edge(g, words):
            why[g] = 'stop edge'
            continue
        elif QUANTITY.search(g) or 2 * longest_numeral_run(g) >= len(g) or g[-1] in NUMERALS:
            why[g] = 'quantity'
            continue
        pmi = stats.pmi(g)
        if pmi < MIN_PMI and g not in lexicon:
            why[g] = f'pmi {pmi:.2f}'
            continue
        dep = stats.two_words(g, words)
        if dep is not None and dep < MIN_DEPENDENCY_TWO_WORDS and g not in lexicon:
            why[g] = f'two words dep {dep:.2f}'
            continue
        cands[g] = (pmi, dep or 0.0)
    ent = stats.neighbours(sorted(cands), words)
    kept = {}
    for g in sorted(cands):
        le, re_, lcut, rcut = ent[g]
        if min(le, re_) < MIN_ENTROPY_ZH and g not in lexicon:
            why[g] = f'entropy {le:.2f} {re_:.2f}'
            continue
        if max(lcut, rcut) > MAX_CUT and g not in lexicon:
            why[g] = f'cuts words {lcut:.2f} {rcut:.2f}'
            continue
        kept[g] = (le, re_) + cands[g]
    keep = drop_subsumed(sorted(kept), stats, lexicon)
    for g in kept:
        if g not in keep:
            why[g] = 'subsumed'
    return stats, {g: kept[g] for g in sorted(keep)}, why


def en_clauses(text):
    """Lower-cased word tuples of the clauses of an English text."""
    text = unicodedata.normalize('NFKC', text).replace('\u2019', "'").lower()
    out = []
    for part in EN_CLAUSE.split(text):
        ws = tuple(EN_WORD.findall(part))
        if ws:
            out.append(ws)
    return out


def build_en(docs):
    units = []
    years = []
    for idx, (kind, year, text) in enumerate(docs):
        years.append(year)
        if kind == 'speech':
            units.append((idx, en_clauses(text)))
    stats = Stats(units, EN_MIN_N, EN_MAX_N, years)
    cands = {}
    for g in sorted(stats.docset):
        if g[0] in EN_STOP or g[-1] in EN_STOP or any(w.isdigit() for w in g):
            continue
        pmi = stats.pmi(g)
        if pmi < MIN_PMI:
            continue
        cands[g] = (pmi, 0.0)
    ent = stats.neighbours(sorted(cands), skip={'a', 'an', 'the'})
    kept = {}
    for g in sorted(cands):
        le, re_, _, _ = ent[g]
        if min(le, re_) < MIN_ENTROPY_EN:
            continue
        kept[g] = (le, re_) + cands[g]
    keep = drop_subsumed(sorted(kept), stats)
    return stats, {g: kept[g] for g in sorted(keep)}


def rank(stats, kept, limit, must):
    """The best `limit` phrases by score, plus every phrase of `must`."""
    def key(g):
        le, re_, pmi, _ = kept[g]
        return (-round(score(stats.df[g], le, re_, pmi), 9), g)
    ordered = sorted(kept, key=key)
    return set(ordered[:limit]) | {g for g in kept if g in must}


def main(refdir):
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, '..', 'src', 'data')
    docs = load(refdir)
    words = load_words(os.path.join(data, 'zh_words.txt'))
    lexicon = load_lexicon(os.path.join(data, 'lexicon.tsv'))
    totals = collections.Counter(kind for kind, _, _ in docs)
    kinds = [kind for kind, _, _ in docs]
    rows = []
    zh_stats, zh_kept, _ = build_zh(docs, words, lexicon)
    en_stats, en_kept = build_en(docs)
    # A lexicon entry's record is of the documents where the app finds the entry (see
    # entry_documents), in place of its label's substring counts; an entry found in fewer
    # than MIN_DOCS documents has no row.
    labels = entry_documents(docs, load_entries(os.path.join(data, 'lexicon.tsv')))

    def record(docset):
        used = sorted({kinds[d] for d in docset})
        kind = used[0] if len(used) == 1 else 'mixed'
        total = totals[kind] if kind != 'mixed' else totals['gwr'] + totals['congress']
        years = [docs[d][1] for d in docset]
        return min(years), max(years), len(docset), total, kind

    for lang, stats, kept, limit, must in (('zh', zh_stats, zh_kept, MAX_ZH, lexicon),
                                          ('en', en_stats, en_kept, MAX_EN, ())):
        for g in sorted(rank(stats, kept, limit, must)):
            phrase = g if lang == 'zh' else ' '.join(g)
            if lang == 'zh' and phrase in labels:
                continue
            first, last, n, total, kind = record(stats.docset[g])
            gloss = lexicon.get(phrase, '') if lang == 'zh' else ''
            rows.append((phrase, lang, first, last, n, total, kind, gloss))
    for label in sorted(labels):
        if len(labels[label]) >= MIN_DOCS:
            first, last, n, total, kind = record(labels[label])
            rows.append((label, 'zh', first, last, n, total, kind, lexicon.get(label, '')))
    rows.sort()
    lines = [f'# tifa phrase table v1: built by scripts/build-phrase-table.py from refcorpus ('
             f'{totals["gwr"]} government work reports, {totals["congress"]} congress reports, '
             f'{totals["speech"]} English speeches); {len(rows)} phrases; see the script for the method.',
             'phrase\tlang\tfirst_year\tlast_year\tdocs\ttotal_docs_of_that_kind\tkind\tgloss']
    lines += ['\t'.join(str(x) for x in r) for r in rows]
    # UTF-8 and \n whatever the locale and platform.
    sys.stdout.buffer.write(('\n'.join(lines) + '\n').encode('utf-8'))


if __name__ == '__main__':
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'refcorpus'))
