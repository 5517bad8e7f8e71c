"""Label text as pasted or OCR'd: cleaning, OCR repairs, sections, rows, lists and the prose around them.

A label is read line by line. Headings open sections (ingredients, inactive ingredients, directions, warnings,
information); a warning or a piece of information never yields an active. Panel and list lines give rows (tier 0).
Running text gives rows only where a sentence says what the product holds (tier 1), and a title or the name a
paragraph begins with is read only when nothing else names a known ingredient (tier 2). Whether a row is
reported is decided against the graph in `labels`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from suppcheck.text import clean, normalize

# Stray symbols of printed panels: trademark signs, footnote daggers, bullets, table rules.
_STRAY = re.compile(r"[®™©†‡•·¤§¶|¦~^_=<>\[\]{}\\【】]+|\*+")
# A note kept with a pasted label ("# source: ...", "# scanned; page 2"); "# Supplement Facts" is markdown.
_COMMENT = re.compile(r"^\s*#+\s+[a-z][a-z ]{0,30}[:;]")
_MARKDOWN = re.compile(r"^\s*#+\s*")
_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙]|[-*]\s|\d{1,2}\.\s)")
# An amount token starts only where a run of digit-like characters starts: trying every position inside a
# long run (20,000 digits) backtracked to the run's end from each one, quadratic in the line.
_NUM_TOKEN = re.compile(r"(?<![0-9A-Za-z,.])([0-9OolI][0-9OolI,.]*[0-9OolI])"
                        r"(?=\s*(?:mg|mcg|g|iu|%|ug|rng|rncg|meg)\b)", re.IGNORECASE)
_UNIT_FIX = [(re.compile(r"(?<=\d)\s*rncg\b", re.IGNORECASE), " mcg"), (re.compile(r"(?<=\d)\s*rng\b", re.IGNORECASE), " mg"),
             (re.compile(r"(?<=\d)\s*meg\b", re.IGNORECASE), " mcg"), (re.compile(r"(?<=\d)\s*[lI]U\b"), " IU"),
             (re.compile(r"(?<=\d)\s*pg\b", re.IGNORECASE), " mcg")]
# Units spelt out ("1000 Milligrams", "4.6 Gram(s)") read as the short units the dose reader knows.
_UNIT_WORDS = [(re.compile(r"(?<=\d)\s*milligrams?\b", re.IGNORECASE), " mg"),
               (re.compile(r"(?<=\d)\s*micrograms?\b", re.IGNORECASE), " mcg"),
               (re.compile(r"(?<=\d)\s*grams?(?:\(s\))?(?![\w(])", re.IGNORECASE), " g")]
_MASS = r"(?:mg|mcg|ug|g|iu|ml)"
# Dot leaders between a name and its amount ("Zinc (oxide) ......... 25 mg").
_LEADER = re.compile(r"(?:\s*[.…]){3,}\s*")
# A vitamin letter run into its amount ("Vitamin B122 mcg" is B12 2 mcg, "Vitamin A450 mcg" is A 450 mcg).
_GLUED_VITAMIN = re.compile(rf"\b(vitamin\s*)([abcdek])(\d{{1,6}}(?:[.,]\d+)?)(?=\s*{_MASS}\b)", re.IGNORECASE)
_VITAMIN_NUMBERS = {"b": ("12", "1", "2", "3", "5", "6", "7", "9"), "d": ("2", "3"), "k": ("1", "2")}
# "Vitamin B 6" is vitamin B6 (a number that is not an amount, followed by no unit).
_SPACED_VITAMIN = re.compile(rf"\b(vitamin\s+)([bdk])\s+(\d{{1,2}})\b(?![.,]?\d)(?!\s*{_MASS}\b|\s*%)", re.IGNORECASE)
_GLUED_AMOUNT = re.compile(rf"(?<=[A-Za-z)\]])(?=\d[\d,.]{{0,12}}\s*{_MASS}\b)")
_GLUED_PERCENT = re.compile(r"(?<=[A-Za-z)])(?=\d{1,5}(?:\.\d+)?%)")
# Headings run into the word after them when a page loses its line breaks ("LiquidDescriptionWe prepare").
_GLUED_HEADING = re.compile(r"(?<=[a-z0-9.)])(Description|Potency|Ingredients|Directions|Suggested Use|Warnings?)"
                            r"(?=[A-Z])")

_KEYS_OTHER = (r"(?:the\s+)?(?:other|inactive|non-?\s?medicinal|auxiliary|shell|capsule\s+shell)\s+"
               r"(?:ingredients?|substances|composition)(?:\s+are)?|excipients?|in\s+a\s+base\s+of|"
               r"encapsulated\s+with[^:.]{0,40}|extraction\s+solvent|vegicaps?\s+capsule\s+shell")
_KEYS_INGREDIENTS = (r"(?:the\s+)?(?:medicinal|active|herbal|main)\s+(?:ingredients?(?:\(s\))?|substances?)"
                     r"(?:\s+(?:are|per\s+[\w.]+(?:\s+unit)?))?|herbal\s+active|ingredients?(?:\s+of\s+[^:.]{1,60})?|"
                     r"(?:dosage\s+form,\s*packaging,?\s+and\s+)?(?:product\s+)?composition|"
                     r"(?:each|every)\s[^:.]{0,60}?\b(?:contains?|provides?)|\d+\s*ml\s+contains?")
_KEYS_DIRECTIONS = (r"directions?(?:\s+for\s+use)?(?:\s+of\s+[^:.]{1,60})?|suggested\s+(?:use|dosage|dose)|"
                    r"recommended\s+(?:use|dose|adult\s+dose|daily\s+dosage|dosing)|dosage(?!\s+form)(?:\s*&\s*"
                    r"administration|\s+and\s+directions\s+for\s+use)?|dose|usage|how\s+to\s+(?:use|take)|"
                    r"adults?(?:\s+women)?|adult\s+dose|child'?s\s+dose|posology|method\s+of\s+administration")
_KEYS_WARNING = (r"warnings?|cautions?(?:\s+(?:and|&)\s+(?:warnings|contraindications))?|contra-?\s?indications?|"
                 r"drug\s+interactions?|interactions?|precautions?|side\s+effects|(?:known\s+)?adverse\s+reactions|"
                 r"risk\s+info(?:rmation)?|allergens?(?:\s+statement)?|allergy\s+information|disclaimer|"
                 r"storage(?:\s+temperature)?|pregnancy(?:\s+and\s+lactation)?|contains")
_KEYS_INFO = (r"indications?|uses|purpose|benefits?(?:\s+of\s[^:]{1,40})?|what\s+this\s+medicine\s+is\s+for|"
              r"(?:top\s+\d+\s+)?food\s+sources|deficiency\s+symptoms|daily\s+requirements(?:\s*\([^)]*\))?|"
              r"key\s+functions[^:]{0,40}|(?:common\s+)?supplement\s+forms(?:\s*\([^)]*\))?|"
              r"pharmacological\s+(?:classification|action)|scheduling\s+status|proprietary\s+name|dosage\s+form|"
              r"packaging|atc\s+code|clinical-pharmacological\s+group|therapeutic\s+(?:category|effects)|"
              r"marketing\s+(?:authorization\s+holder|status)|manufactured\s+by|category|dea\s+schedule|"
              r"properties|chinese\s+symptomology|actions?|how\s+it\s+works|clinical\s+applications|"
              r"tcm\s+functions|other\s+(?:information|safety\s+information)|product\s+(?:information|details)|"
              r"formula\s+notes|format|potency|strength|brand|unit\s+size|chinese\s+name|english\s+name|"
              r"pin-?\s?yin(?:\s+name)?|mandarin|romaji|kanji|kampo|npn\s+claim|recommended\s+use\s+or\s+purpose|"
              r"effects|label(?:\s+information[^:]*)?|nhric\s+code\(s\)|packager|"
              r"generic\s+name|statement\s+of\s+identity|principal\s+display\s+panel|ingredients\s+and\s+appearance|"
              r"parts\s+used|how\s+supplied|otc\s+-\s+[a-z ]+|important")
_KEYS_NEUTRAL = r"description|vitamins|minerals"


def _heading_rx(keys: str) -> re.Pattern[str]:
    """A heading: its words at the start of a line, then a colon, '~', a capital, a bracket or the line's end."""
    return re.compile(rf"^\s*(?:{keys})(?:\s*\([^()]{{1,30}}\))?\s*(?::|~|-(?=\s)|(?=\s+(?-i:[A-Z(\d]))|(?=\s*$))\s*",
                      re.IGNORECASE)


_KEYS = [("other", _KEYS_OTHER), ("ingredients", _KEYS_INGREDIENTS), ("directions", _KEYS_DIRECTIONS),
         ("warning", _KEYS_WARNING), ("info", _KEYS_INFO), ("neutral", _KEYS_NEUTRAL)]
_HEADINGS = [(kind, _heading_rx(keys)) for kind, keys in _KEYS]
# A heading in capitals may hold its words anywhere ("ACTIVE INGREDIENT (In each tablet)").
_CAPS_HEADINGS = [(kind, re.compile(rf"\b(?:{keys})\b", re.IGNORECASE)) for kind, keys in _KEYS]
# Lines that start a section in their own words, with no heading word before them.
_STARTERS = [
    ("directions", re.compile(r"^\s*(?:adults?\s+)?(?:take|chew|steep|brew|mix|dissolve|shake|add|place|decoct|"
                              r"swallow|serve|release|use)\s+(?:\d+|one|two|three|a|an|up|the|well|1|2)\b",
                              re.IGNORECASE)),
    ("warning", re.compile(r"^\s*(?:keep\s+out|do\s+not\s+(?:use|take)|consult|store\b|distributed|manufactured|"
                           r"made\s+in|these\s+statements|the\s+statements|this\s+product\s+is\s+not|lot\b|exp\b|"
                           r"best\s+by|questions|www\.|visit|if\s+you\s+take\s+other|before\s+you\s+take|"
                           r"ask\s+(?:a|your)\s+(?:doctor|pharmacist)|talk\s+to|if\s+pregnant|accidental\s+overdose)",
                           re.IGNORECASE)),
    ("free", re.compile(r"^\s*(?:this\s+product\s+)?(?:does\s+not\s+contain|contains\s+no|free\s+of)\s*:?\s*$",
                        re.IGNORECASE)),
]
_BASE_OF = re.compile(r"^\s*(?:in\s+a\s+base\s+of|encapsulated\s+with[^:]{0,40}:)\s*", re.IGNORECASE)
_PANEL = re.compile(r"^\s*(?:supplement|nutrition)\s+facts\b", re.IGNORECASE)
_SERVING = re.compile(r"^\s*(?:serv(?:ing|ice)\s+size|servings?\s+per\s+container|approximately\s+\d+\s+servings)\b",
                      re.IGNORECASE)
_TABLE_HEADER = re.compile(r"\bamount\s+per\s+(?:serving|capsule|tablet|softgel|\d)|\bamt\s+per\s+serving|"
                           r"%\s*d(?:aily)?\s*v(?:alue)?\b|%\s*nrv|\bper\s+serving\b|\bdosage\s*\(mg", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\s*(?:\*+|†|‡)?\s*(?:percent\s+)?daily\s+values?\b|^\s*\*+\s*daily|^\s*%?\s*dv\s+not|"
                       r"not\s+established|^\s*\d\)\s", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:contains?\s+no|does\s+not\s+contain|free\s+of|no\s+added|never|without|not\s+contain)\b",
                      re.IGNORECASE)
_FREE = re.compile(r"\b(free|free\s+of|does\s+not\s+contain|contains\s+no|no\s+added|without|non-gmo|never)\b",
                   re.IGNORECASE)
_MACRO = re.compile(r"^\s*(includes|calories(\s+from\s+fat)?|total\s+fat|saturated\s+fat|trans\s+fat|"
                    r"(poly|mono)unsaturated\s+fat|cholesterol|total\s+carbohydrates?|dietary\s+fiber|total\s+sugars|"
                    r"sugars|added\s+sugars|protein|sodium)\b", re.IGNORECASE)
_QUALIFIER = re.compile(r"^\(?\s*(standardi[sz]ed|std\.?|providing|yielding|containing|supplying|as\s|from\s|"
                        r"min(imum)?\.?\s|equivalent|which\s+provides|incl\.?\s)", re.IGNORECASE)
_BLEND = re.compile(r"\b(blend|complex|proprietary|formula|matrix|mix)\b", re.IGNORECASE)
# Inline section starts in a label whose line breaks were lost ("... drops ingredients: proprietary blend: ...").
_INLINE = re.compile(
    r"(?<=[\s.;,)])(?=(?:(?:other|inactive|non-?medicinal|medicinal|active|shell)\s+ingredients?|"
    r"ingredients?(?:\s+of\s+[^:.]{1,60})?|directions(?:\s+for\s+use)?(?:\s+of\s+[^:.]{1,60})?|"
    r"suggested\s+(?:use|dosage)|serving\s+size|servings\s+per\s+container|warnings?|cautions?(?:\s*&\s*"
    r"contraindications)?|contra-?\s?indications|allergens?(?:\s+statement)?|storage(?:\s+temperature)?|"
    r"indications|formula\s+notes|vegicaps?\s+capsule\s+shell|encapsulated\s+with[^:.]{0,40}|"
    r"each\s[^:.]{0,60}?(?:contains?|provides?)|supplement\s+facts)\s*[:~])|(?<=[\s.;,)])(?=in\s+a\s+base\s+of\b|"
    r"contains\s+no\b|keep\s+out\s+of\b)", re.IGNORECASE)
_HEADING_LEAD = re.compile(r"\b(?:other|inactive|non-?\s?medicinal|medicinal|active|shell|herbal|main|capsule|"
                           r"suggested|recommended|dosage\s+and|natural|organic|following|all|the)\s*$",
                           re.IGNORECASE)
# A sentence ends at a stop before a capital, not after an initial or a short form ("L. casei", "St. John's").
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)%\]\"'”’*])(?<!\b[A-Z])(?<!\bSt)(?<!\bNo)(?<!\bmin)(?<!\bDr)(?<!\bvs)"
                           r"(?<!\bincl)(?<!\bapprox)(?<!\bspp)(?<!\bvit)(?<!\bcaps)(?<!\btab)(?<!\be\.g)(?<!\bi\.e)"
                           r"[.!?](?:\*+)?\s+(?=[A-Z\"“(\d])")
_FUNCTION = frozenset("""the is are was were of to for in with and a an that this it its has have be by as on from
which can may will should or not you your we our their they been but if at into than so also these those when
while do does who all any more most such there about after before between through during without within it's
been being would could them his her she he i each every contains contain provides provide includes include
helps help used made taken supports support""".split())
_OPEN_ENDS = (",", "-", "(", " and", " with")
_LETTERS3 = re.compile(r"[A-Za-z]{3}")
_AMOUNT = re.compile(r"\d\s*(mg|mcg|g|iu|ug|ml|billion|million|cfu)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LETTERS2 = re.compile(r"[A-Za-z]{2,}")
_INNER_BRACKETS = re.compile(r"\([^()]*\)")
_NAME_JOINERS = frozenset("and or in with of from a an as on".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words of a label that name the part, processing or quality of an ingredient, not a different one.
_BOTANICAL = re.compile(r"\b(root|roots|rhizome|bark|leaf|leaves|herb|seed|seeds|flower|flowers|berry|berries|"
                        r"fruit|tops|stem|sorrel|mushroom|extract|extractives|resin|bulb|peel|silk|wort|weed|"
                        r"oil|tincture|powder)\b", re.IGNORECASE)
_BINOMIAL_WORD = r"[A-Z][a-z]{2,}(?:a|us|um|is|es|ia|on|ix|ex|er|os|ys|yx|as|ea)"
_EPITHET = (r"(?!(?:root|roots|seed|seeds|leaf|leaves|herb|bark|flower|fruit|extract|powder|body|oil|capsule|"
            r"and|with|from|for|the|only)\b)(?:[a-z]{4,}|[A-Z][a-z]{3,})\b")
_BINOMIAL = re.compile(rf"\(\s*{_BINOMIAL_WORD}\s+{_EPITHET}(?:\s+(?:L\.?|[A-Z][a-z]*\.?))*\s*(?:[,;][^()]*)?\)")
_BARE_BINOMIAL = re.compile(rf"^{_BINOMIAL_WORD}\s+[a-z]{{3,}}(?:a|us|um|is|e|ae|i|ii|ens|ans|x|ea|ica|ata)\b")
# Pharmaceutical names of Chinese herbs: the part, then the genus in the genitive ("Radix Glycyrrhizae").
_TCM_PART = re.compile(r"\b(radix|rhizoma|herba|fructus|flos|semen|cortex|folium|ramulus|pericarpium|bulbus|"
                       r"caulis|sclerotium|stamen|plumula|gypsum|rx/rz|concha|spica|medulla|exocarpium)\b",
                       re.IGNORECASE)
_PINYIN = frozenset("""a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci
cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun
duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan
guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang
jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui
kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv ma mai
man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian
niang niao nie nin ning niu nong nou nu nuan nuo nv o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping
po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua
ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua
shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting
tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan
xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan
zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun
zuo""".split())
_VALUE_TAGS = re.compile(r"\b(mg|mcg|ug|g|iu|ml|cfus?|billion|million|rae|dfe|ne|kcal|calories?|calorie\(s\)|"
                         r"dv|nrv'?s?|of|per|day|serving)\b", re.IGNORECASE)
# Sentence shapes that say what the product holds.
_CONTENT_VERB = re.compile(r"\b(contains?|provides?|features?|includes?|offers?|combines?|delivers?|supplies|"
                           r"brings\s+in|(?:is|are)\s+made\s+(?:with|from))\b", re.IGNORECASE)
_PRODUCT_SUBJECT = re.compile(r"^(?:(?:this|our|the|each|every)\b[^,;]{0,60}?\b(?:product|supplement|formula|blend|"
                              r"tincture|medicine|remedy|capsule|tablet|softgel|caplet|tea|preparation|gumm(?:y|ie)|"
                              r"serving|dose|drop|spray|scoop|packet|sachet|chew|lozenge|vegicap|liquid|powder)s?\b"
                              r"(?:\s+also)?)?\s*$", re.IGNORECASE)
_INGREDIENTS_CUE = re.compile(r"\b(?:ingredients?|substances)\b\s*(?:[^.;:]{0,40}?\b(?:such\s+as|including|like|are|"
                              r"were)\b|:|,)\s*(?P<obj>.+)", re.IGNORECASE)
_ADDED_CUE = re.compile(r"\b(?:has|have|is|are|was|were)\s+(?:been\s+)?added\b", re.IGNORECASE)
_MIX_CUE = re.compile(r"\b(?:blend|combination|mixture)\s+of\b(?P<obj>.+)", re.IGNORECASE)
_NAMED_CUE = re.compile(r"\b(?:called|named|referred\s+to\s+as|known\s+as)\s+(?P<obj>.+)", re.IGNORECASE)
_DECOCT_CUE = re.compile(r"\b(?:decoct|boil|simmer|brew|cook)\b[^.]*?\bwith\s+(?P<obj>[^.,;]+)", re.IGNORECASE)
_SUBJECT_VERB = re.compile(r"\b(is|are|was|were|has|have|grows?|contains?|comes?|belongs?|refers?|helps?|may|can|"
                           r"acts?|works?|supports?|dissolves?|matters?|gets?|makes?|owes?|gives?|holds?|takes?)\b")
_SUBJECT_STOP = frozenset("""the this these that it its in a an our we you your for although as if when some many most
every each please do keep take there what how why both all no not only because since while like also one two
either on to with read ask talk before after""".split())
_ITEM_CUT = re.compile(r"\s+(?:with|in\s+a|in|for|to|that|which|used|each|who|where|so|because|as\s+well)\s+.*$|"
                       r"\s*[,;:(].*$", re.IGNORECASE)
_ITEM_LEAD = re.compile(r"^(?:(?:the|a|an|our|its|their|two|three|four|five|six|several|various|some|helpful|"
                        r"beneficial|powerful|further|other|key|main|active|medicinal|natural)\s+)+", re.IGNORECASE)
_SEGMENT_AMOUNT = re.compile(rf"\d[\d,.]*\s*{_MASS}\b(?:\s*\([^()]*\))?(?:\s*\d+%)?", re.IGNORECASE)
_AMOUNT_RUN = re.compile(rf"(?:\d[\d,.]*\s*{_MASS}\b\s*)+", re.IGNORECASE)
_FIRST_AMOUNT = re.compile(rf"\d[\d,.]*\s*{_MASS}\b", re.IGNORECASE)
_TRAILING_AMOUNT = re.compile(rf"\s\d[\d,.]*\s*{_MASS}$", re.IGNORECASE)
_AMOUNT_OF = re.compile(rf"^\s*(\d[\d,.]*\s*(?:-\s*\d[\d,.]*\s*)?{_MASS})\s+(?:of\s+)?(.+)$", re.IGNORECASE)


@dataclass
class Row:
    """One ingredient row of a facts panel, list or sentence, with lines wrapped onto it."""

    text: str
    qualifiers: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    tier: int = 0  # 0: panel or list; 1: a sentence saying what the product holds; 2: a title or a subject
    known_only: bool = False  # kept only if the graph knows it: it may be a heading or a word of prose
    scan: bool = False  # prose: the names the graph knows in it are read, not the text as one name


@dataclass
class LabelParts:
    """A label sorted: candidate ingredient rows, excipients, directions, serving and statements."""

    rows: list[Row] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    directions: str = ""
    serving: str = ""
    statements: list[str] = field(default_factory=list)
    macronutrients: list[str] = field(default_factory=list)
    had_panel: bool = False


def repair_ocr(line: str) -> str:
    """Fix common OCR slips in amounts and units: 5OO rng -> 500 mg, l00 meg -> 100 mcg."""
    line = _NUM_TOKEN.sub(lambda m: re.sub(r"[Oo]", "0", re.sub(r"[lI]", "1", m.group(1))), line)
    for pattern, repl in _UNIT_FIX:
        line = pattern.sub(repl, line)
    return line


def word_variants(name: str) -> list[str]:
    """OCR-repaired spellings of a name: 0 -> o, 1 -> l, rn -> m, inside words."""
    fixed = re.sub(r"(?<=[A-Za-z])0|0(?=[A-Za-z])", "o", name)
    fixed = re.sub(r"(?<=[A-Za-z])1|1(?=[a-z])", "l", fixed)
    out = [fixed] if fixed != name else []
    if "rn" in fixed:
        out.append(fixed.replace("rn", "m"))
    return out


def ocr_words(line: str) -> str:
    """A copy of a line with OCR slips inside words repaired, for recognising headers."""
    line = re.sub(r"(?<=[A-Za-z])[01]|[01](?=[A-Za-z])", lambda m: "o" if m.group(0) == "0" else "l", line)
    return line.replace("rn", "m")


def has_amount(line: str) -> bool:
    """Whether the line holds an amount (a number with a unit of mass, volume or count)."""
    return _amount_short(line) if len(line) <= 300 else _amount_any(line)


def _amount_any(line: str) -> bool:
    """The amount test itself (see has_amount)."""
    return bool(_AMOUNT.search(line))


def _vitamin_glue(match: re.Match[str]) -> str:
    """'Vitamin B122' -> 'Vitamin B12 2': the longest vitamin number that leaves an amount after it."""
    prefix, letter, digits = match.group(1), match.group(2), match.group(3)
    for number in _VITAMIN_NUMBERS.get(letter.lower(), ()):
        rest = digits[len(number):]
        if digits.startswith(number) and rest and rest[0] != "." and rest[0] != ",":
            return f"{prefix}{letter}{number} {rest}"
    return f"{prefix}{letter} {digits}"


def _spaced_vitamin(match: re.Match[str]) -> str:
    """'Vitamin B 6' -> 'Vitamin B6' when the number is a vitamin's."""
    number = match.group(3)
    if number in _VITAMIN_NUMBERS.get(match.group(2).lower(), ()):
        return f"{match.group(1)}{match.group(2)}{number}"
    return match.group(0)


def clean_line(raw: str) -> str:
    """One line cleaned: stray symbols, OCR slips, dot leaders and names run into their amounts."""
    # Batches repeat lines (the same products, the same warnings): short ones are cleaned once.
    return _clean_short(raw) if len(raw) <= 300 else _clean_line(raw)


def _clean_line(raw: str) -> str:
    """The cleaning itself (see clean_line)."""
    line = clean(_STRAY.sub(" ", raw.replace("\t", " ")))
    line = repair_ocr(line)
    for pattern, repl in _UNIT_WORDS:
        line = pattern.sub(repl, line)
    line = _LEADER.sub(" ", line)
    line = _GLUED_PERCENT.sub(" ", line)
    line = _GLUED_VITAMIN.sub(_vitamin_glue, line)
    line = _SPACED_VITAMIN.sub(_spaced_vitamin, line)
    line = _GLUED_AMOUNT.sub(" ", line)
    return line.strip(" ;")


def _is_prose(text: str) -> bool:
    """A sentence, not a row: several words, many of them the small words of running text."""
    return _prose_short(text) if len(text) <= 300 else _prose_any(text)


def _prose_any(text: str) -> bool:
    """The prose test itself (see _is_prose)."""
    words = [w.lower() for w in _WORD.findall(_INNER_BRACKETS.sub(" ", text))]
    if len(words) < 6:
        return False
    small = sum(w in _FUNCTION for w in words)
    # "and", "in", "of" also join the words of names ("Black Cohosh root in Pure Grain Alcohol and Water").
    strong = sum(w in _FUNCTION and w not in _NAME_JOINERS for w in words)
    return strong >= 2 or small >= 4


def _value_only(text: str) -> bool:
    """A cell holding only an amount, a percent or an index ('900 mcg', '100%', '-(2)', '1')."""
    return _value_short(text) if len(text) <= 300 else _value_any(text)


def _value_any(text: str) -> bool:
    """The value-cell test itself (see _value_only)."""
    return bool(_DIGIT.search(text)) and not _LETTERS2.search(_VALUE_TAGS.sub(" ", text))


def _split_sentences(text: str) -> list[str]:
    """The sentences of a run of text."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _depth_split(text: str, seps: str = ",;") -> list[str]:
    """Split at separators outside brackets; a comma between digits ('2,2-', '1,000') is not a separator."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _split_list(text: str) -> list[str]:
    """Comma or semicolon separated names, keeping commas inside parentheses; 'and' and '&' part the last two."""
    return list(_split_short(text)) if len(text) <= 300 else _split_any(text)


def _split_any(text: str) -> list[str]:
    """The list split itself (see _split_list)."""
    out = []
    for item in _depth_split(text):
        item = re.sub(r"^\s*(?:and|&|may\s+also\s+contain)\s+", "", item.strip(" .:*"), flags=re.IGNORECASE)
        for part in _depth_split(re.sub(r"\s+(?:and|&)\s+(?!/)", "\x00", item), "\x00"):
            part = part.replace("\x00", " and ").strip(" .:*")
            if part and re.search(r"[A-Za-z]", part):
                out.append(part)
    return out


def _latin_or_botanical(name: str) -> bool:
    """Whether a name reads as a plant: a Latin binomial, a Chinese pharmaceutical name or a plant part."""
    return bool(_BINOMIAL.search(name) or _BARE_BINOMIAL.match(name) or _TCM_PART.search(name)
                or _BOTANICAL.search(name))


@dataclass
class _Line:
    """One cleaned line of the label, and whether it was a bullet point."""

    text: str
    bullet: bool = False


def _unglue(text: str) -> str:
    """Headings run into the text before and after them, put on lines of their own."""
    return _GLUED_HEADING.sub(lambda m: "\n" + m.group(1) + ": ", text)


def _raw_lines(text: str) -> list[_Line]:
    """Cleaned lines, blank ones kept (they end sections), long run-on lines cut at section words."""
    out: list[_Line] = []
    for raw in _unglue(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        if _COMMENT.match(raw):
            continue  # "# source: https://...": a note kept with the text, not the label
        raw = _MARKDOWN.sub("", raw)
        bullet = bool(_BULLET.match(raw))
        line = clean_line(raw)
        for piece in _inline_split(line):
            if piece or not out or out[-1].text:
                out.append(_Line(piece, bullet))
    return out


def _inline_split(line: str) -> list[str]:
    """A long line cut where a section word starts ('... 2,000 iu other ingredients: ...')."""
    if len(line) <= 60 or has_amount(line[:20]):
        return [line]
    return list(_inline_short(line)) if len(line) <= 300 else _inline_any(line)


def _inline_any(line: str) -> list[str]:
    """The cut itself (see _inline_split)."""
    pieces: list[str] = []
    for piece in _INLINE.split(line):
        # "Other ingredients:" is one heading: a piece ending in the word before it is joined back.
        if pieces and _HEADING_LEAD.search(pieces[-1]):
            pieces[-1] += " " + piece.strip()
        else:
            pieces.append(piece.strip())
    return pieces


def _joins(line: str, nxt: _Line) -> bool:
    """Whether a wrapped line goes on with the next one: prose cut mid-sentence or an open bracket."""
    if not nxt.text or nxt.bullet or _value_only(nxt.text) or len(line) < 40:
        return False
    if line.count("(") > line.count(")"):
        return True
    if line[-1] in ".!?:;|" or has_amount(line[-12:]) or _heading(nxt.text) is not None:
        return False
    last = line.split()[-1].lower()
    return line[-1] in ",-/" or nxt.text[0].islower() or (last in _FUNCTION and _is_prose(line))


def _logical_lines(text: str) -> list[_Line]:
    """The label's lines, cleaned, cut at section words, and wrapped lines of running text joined."""
    lines = _raw_lines(text)
    out: list[_Line] = []
    for line in lines:
        if out and out[-1].text and _joins(out[-1].text, line):
            glue = "" if out[-1].text.endswith("-") and line.text[:1].isdigit() else " "
            out[-1] = _Line(out[-1].text + glue + line.text, out[-1].bullet)
        else:
            out.append(line)
    return out


def _heading(text: str) -> tuple[str, str] | None:
    """The kind of section a line opens and the rest of the line, or None."""
    return _heading_short(text) if len(text) <= 300 else _heading_any(text)


def _heading_any(text: str) -> tuple[str, str] | None:
    """The heading test itself (see _heading)."""
    text = re.sub(r"^\d+(?:\.\d+)*\s+(?=[A-Za-z])", "", text)  # "4.3 Contraindications"
    probe = ocr_words(text)
    if _PANEL.match(probe):
        return "panel", _PANEL.sub("", probe).strip(" :")
    if _SERVING.match(probe):
        after = re.split(r"(?<=[a-z)])\.\s+(?=[A-Za-z])", text, maxsplit=1)  # "serving size 1 drop. vitamin d3 ..."
        return "serving", after[1] if len(after) > 1 else ""
    short = len(text.split()) <= 8 and not has_amount(text)
    if short and _TABLE_HEADER.search(probe):
        return "header", ""
    if _FOOTNOTE.search(probe) and not has_amount(text):
        return "footnote", ""
    base = _BASE_OF.match(text)
    if base:
        return "other", text[base.end():].strip()  # "in a base of vegetable glycerin and water"
    for kind, rx in _HEADINGS:
        found = rx.match(text) or rx.match(probe)
        if found:
            return kind, text[found.end():].strip()
    for kind, rx in _STARTERS:
        if rx.match(probe):
            return kind, text
    if short and text.isupper() and len(text) > 3:
        for kind, rx in _CAPS_HEADINGS:
            if rx.search(probe):
                return kind, ""
    return None


def _qualifies(line: str, following: str) -> bool:
    """Whether a panel line says more about the row above ('standardized to ...', 'of Echinacea root', '(liver)')."""
    own_amount = has_amount(_without_brackets(line))
    bracketed = not _without_brackets(line).strip()
    return bool(_CONTINUATION.match(line) or (_QUALIFIER.match(line) and (_PROVIDING.match(line) or not own_amount))
                or (bracketed and not _value_only(following)))


def _amount_follows(line: str, following: str) -> bool:
    """Whether a name's amount is on the next line: '(Piper nigrum) 10 mg', 'extract 250 mg', '900 mcg'."""
    if not following or has_amount(_without_brackets(line)):
        return False
    if following.startswith("(") and _without_brackets(line).strip():
        return True
    return has_amount(_without_brackets(following)) and (following[:1].islower() or following[:1].isdigit())


def _amount_first(item: str) -> str:
    """'300mg of Passion Flower herb' -> 'Passion Flower herb 300mg': the dose reader reads the name first."""
    found = _AMOUNT_OF.match(item)
    if not found or not re.search(r"[A-Za-z]{3}", found.group(2)):
        return item
    name = re.sub(r"^(?:(?:dry\s+)?extract\s*(?:\([^)]*\))?\s*from\s+)", "", found.group(2), flags=re.IGNORECASE)
    name = re.split(r",?\s+(?:equivalent\s+to|which\s+provides|providing)\b|\s*[:;]\s", name, maxsplit=1,
                    flags=re.IGNORECASE)[0]
    return f"{name.strip(' ,.:')} {found.group(1)}"


def _row_items(line: str) -> list[str]:
    """A row line as its rows: items that each hold an amount, or a list with one amount among excipients."""
    items = [i.strip() for i in _depth_split(line) if i.strip()]
    amounts = sum(has_amount(i) for i in items)
    if len(items) >= 2 and amounts >= 2:
        return items
    # "Glycerin, water, ..., vitamin d 10 mcg": an ingredient list with the one active's amount in it.
    if len(items) >= 3 and amounts == 1 and sum(is_excipient(i) for i in items) * 2 >= len(items) - 1:
        return items
    segments = _amount_segments(line)
    return segments if len(segments) >= 2 else [line]


def _amount_segments(line: str) -> list[str]:
    """'magnesium (citrate) 150 mg melatonin 10 mg' -> two rows: each amount closes a row, outside brackets."""
    cuts, depth, seen = [], 0, 0
    for found in _SEGMENT_AMOUNT.finditer(line):
        depth += line.count("(", seen, found.start()) - line.count(")", seen, found.start())
        seen = found.start()
        if depth <= 0:
            cuts.append(found.end())
    if len(cuts) < 2:
        return [line]
    out, start = [], 0
    for end in cuts:
        piece = line[start:end].strip(" ,;")
        if re.search(r"[A-Za-z]{3}", re.sub(rf"\d[\d,.]*\s*{_MASS}\b", "", piece, flags=re.IGNORECASE)):
            out.append(piece)
        elif out:
            out[-1] += " " + piece
        start = end
    tail = line[start:].strip(" ,;.")
    if tail:
        out[-1] += " " + tail
    return out


def _runon_table(text: str) -> list[str]:
    """A table flattened into one line: each name and the first of its amounts, a leading header dropped."""
    rows: list[str] = []
    start = 0
    for found in _AMOUNT_RUN.finditer(text):
        name = _runon_name(text[start:found.start()])
        first = _FIRST_AMOUNT.match(found.group(0))
        if name and first:
            rows.append(f"{name} {first.group(0)}")  # "900mcg 900mcg": one amount per column, the first read
        start = found.end()
    tail = _runon_name(text[start:])
    if tail and _LETTERS3.search(tail):
        rows.append(tail)
    return rows


def _runon_name(segment: str) -> str:
    """The name in a run-on table cell: from its last 'Vitamin', else after the words wrapped from the row before."""
    words = segment.split()
    starts = [i for i, w in enumerate(words) if w == "Vitamin"]
    if starts:
        return " ".join(words[starts[-1]:])
    # The first capitalised word after the last small word starts the name (a header or wrap ends there).
    last_small = max((i for i, w in enumerate(words) if w.lower() in _FUNCTION or w.endswith(":")), default=-1)
    rest = words[last_small + 1:]
    return " ".join(rest[1:] if len(rest) > 2 and rest[0][:1].isupper() and rest[1][:1].isupper() else rest)


def _tcm_table(text: str) -> list[str]:
    """A flattened table of common name, pinyin and pharmaceutical name ('Licorice Gan Cao Radix Glycyrrhizae')."""
    text = re.sub(r"^.*?\bpharmaceutical\s+name\b", "", text, flags=re.IGNORECASE)
    words = text.split()
    parts = [i for i, w in enumerate(words) if _TCM_PART.fullmatch(w)]
    rows, prev_end = [], 0
    for n, p in enumerate(parts):
        k = p
        while k > prev_end and words[k - 1].lower() in _PINYIN:
            k -= 1
        if k == p:
            continue
        common = words[prev_end:k] if n else words[max(prev_end, k - 3):k]
        latin_end = p + 2
        nxt = parts[n + 1] if n + 1 < len(parts) else len(words)
        while latin_end < nxt and re.search(r"(ae|i|is|ii)$", words[latin_end]) and \
                words[latin_end].lower() not in _PINYIN and not _next_is_pinyin(words, latin_end + 1):
            latin_end += 1
        rows.append(f"{' '.join(common + words[k:p])} ({' '.join(words[p:min(latin_end, len(words))])})")
        prev_end = latin_end
    return rows


def _next_is_pinyin(words: list[str], i: int) -> bool:
    """Whether the word at i is a pinyin syllable."""
    return i < len(words) and words[i].lower() in _PINYIN


def _subject(sentence: str) -> str | None:
    """The leading noun phrase of a sentence that starts with a name ('Chaga mushroom (Inonotus obliquus) is ...')."""
    first = sentence.split(maxsplit=1)[0].strip("(,") if sentence.strip() else ""
    if not first[:1].isupper() or first.lower().strip(".,") in _SUBJECT_STOP:
        return None
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), sentence)
    verb = _SUBJECT_VERB.search(masked)
    if verb is None:
        return None
    subject = sentence[:verb.start()].strip(" ,")
    return subject if 0 < len(subject.split()) <= 12 else None


def _cue_items(obj: str) -> list[str]:
    """The names a sentence lists after its cue, cut where the list gives way to the rest of the sentence."""
    obj = re.split(r",\s+(?:each|that|which|to|used|work|boost|have|has|are|is)\b|\s+(?:that|which)\s+", obj,
                   maxsplit=1)[0]
    out = []
    for n, item in enumerate(_split_list(obj)):
        if n and re.match(r"^(?:a|an|the)\s", item.strip(), re.IGNORECASE):
            continue  # "X, a full-spectrum extract that ...": a phrase about the name before it
        item = _amount_first(item.strip())
        amount = _TRAILING_AMOUNT.search(item)
        name = item[:amount.start()] if amount else item
        name = _ITEM_LEAD.sub("", _ITEM_CUT.sub("", name)).strip(" .")
        words = name.split()
        if words and len(words) <= 5 and not any(w.lower() in _FUNCTION - {"of"} for w in words):
            out.append(name + (amount.group(0) if amount else ""))
    return out


class _Reader:
    """Walks the lines of one label, keeping the section it is in, and sorts each line."""

    def __init__(self, parts: LabelParts, known: Callable[[str], bool], panel_ahead: bool, alone: bool) -> None:
        self.parts = parts
        self.known = known
        self.section = "body"
        self.section_has_lines = False
        self.section_start = 0
        self.in_panel = False
        self.title_zone = panel_ahead  # before a facts panel: the product's title, not its rows
        self.past_panel = False
        self.pending = ""
        self.skip_values = False
        self.block: list[str] = []
        self.definitions: list[str] = []
        self.paragraph_start = True
        self.title_seen = False
        self.first_line = False
        self.alone = alone  # the label is one line of names ("turmeric, ginger"): each of them is an ingredient

    # ------------------------------------------------------------------ lines
    def run(self, lines: list[_Line]) -> None:
        """Read every line in order, then close what is still open."""
        following = [""] * len(lines)  # the next line with text after each line, found in one pass
        for i in range(len(lines) - 2, -1, -1):
            after = lines[i + 1].text
            following[i] = after if after.strip("* ") else following[i + 1]
        for line, nxt in zip(lines, following, strict=True):
            if line.text:
                self._line(line, nxt)
            else:
                self._blank()
        self._flush()

    def _blank(self) -> None:
        """A blank line: it ends a paragraph, a list of names and a section that has had its lines."""
        self._end_blocks()
        self.paragraph_start = True
        if self.section == "ingredients" and self.section_has_lines and not (self.parts.had_panel
                                                                             and not self.past_panel):
            self.in_panel = False
        if self.section in ("other", "directions", "warning", "info", "free", "ingredients") \
                and self.section_has_lines:
            self.section = "body"

    def _flush(self) -> None:
        """The end of the label: decide on what was gathered and still waits."""
        self._end_blocks()
        if self.pending:
            self._add(Row(self.pending, known_only=not has_amount(self.pending)))
            self.pending = ""

    def _line(self, line: _Line, nxt: str) -> None:
        """One line: a heading (maybe with text after it), a definition, running text, or content."""
        text = line.text.strip(" .")
        self.first_line, self.title_seen = not self.title_seen, True
        if self.section == "free" and (len(text.split()) > 5 or ":" in text):
            self.section = "body"  # a list of what the product lacks ends where its short items end
        head = _heading(text)
        if head is None:
            if self._definition(text):
                return
            if _is_prose(text):
                self._prose(text)
                return
            self._in_section(text, nxt, line.bullet, opened=False)
            return
        kind = "body"
        for _ in range(3):  # "Composition: Each capsule contains ..." holds two headings
            kind, rest = head
            self._end_blocks()
            self._open(kind, text if kind != "serving" else text[:len(text) - len(rest)].strip())
            if not rest or kind in ("header", "footnote"):
                return
            text = rest.strip(" .")
            head = _heading(text)
            if head is None or kind in ("directions", "warning", "info", "free"):
                break
        self._rest(kind, text, nxt, line.bullet)
        if kind in ("directions", "warning", "info") and not text.endswith(":"):
            # "Tongue Pale red", "Warnings: Do not ...": a heading with its text on its line covers that line.
            self.section = "body"

    def _rest(self, kind: str, text: str, nxt: str, bullet: bool) -> None:
        """The text after a heading: its first sentence belongs to the section, later prose is prose."""
        sentences = _split_sentences(text) if kind not in ("directions", "warning", "info", "free") else [text]
        for n, sentence in enumerate(sentences):
            if _is_prose(sentence) and (n or kind in ("neutral", "panel")):
                self._prose(sentence)
            else:
                self._in_section(sentence.strip(" ."), nxt, bullet, opened=n == 0)

    def _open(self, kind: str, text: str) -> None:
        """Enter the section a heading opens."""
        if kind == "panel":
            self.in_panel, self.section, self.parts.had_panel = True, "body", True
            self.title_zone = False
        elif kind == "serving":
            self.parts.serving = text
        elif kind == "header":
            self.in_panel, self.section = True, "panel" if self.section != "other" else "body"
        elif kind == "footnote":
            pass
        elif kind == "neutral":
            self.section = "body"
        else:
            self.section = kind
            if kind == "other":
                self.in_panel, self.past_panel = False, True
            if kind == "ingredients" and not self.past_panel:
                self.in_panel = True
        self.section_has_lines = False
        self.section_start = len(self.parts.rows)
        self.paragraph_start = True

    def _in_section(self, text: str, nxt: str, bullet: bool, opened: bool) -> None:
        """One line of text in the section it stands in: a statement, directions, excipients, or content."""
        section = self.section
        self.section_has_lines = True
        free = not has_amount(text) and bool(_FREE.search(text))
        if section == "directions":
            if free and not opened:
                self.parts.statements.append(text)
                return
            self.parts.directions += " " + text
            found = _DECOCT_CUE.search(text)  # "decoct the herbs with fresh reed rhizome": one more herb
            for item in _cue_items(found.group("obj")) if found else []:
                self._add(Row(item))
        elif section in ("warning", "info"):
            if free:
                self.parts.statements.append(text)
        elif section == "free" or (free and section != "other"):
            self.parts.statements.append(text)
        elif section == "other" and (opened or not has_amount(text)):
            self.parts.other.extend(_split_list(text))
        else:
            # A line with an amount after the inactive list is an active: calling it inactive would hide it.
            self.section = "body" if section == "other" else section
            self._content(text, nxt, bullet)

    def _content(self, text: str, nxt: str, bullet: bool) -> None:
        """A line that may name actives: a nutrition line, a value cell, a wrapped part, a row or a list."""
        if _MACRO.match(text):
            self.parts.macronutrients.append(text)
            self.skip_values = not has_amount(text)  # "Calories" then "|" then "10": the value is the macro's
            return
        if _value_only(text):
            if self.pending and not self.skip_values:
                pending, self.pending = self.pending, ""
                self._row_line(f"{pending} {text}", "")
            return
        self.skip_values = False
        if not _LETTERS2.search(text):
            return
        prev = self._prev()
        if prev is not None and not self.pending and _CONTINUATION.match(text) and text[:1].islower():
            prev.qualifiers.append(text)  # "of Echinacea purpurea root": the row before, wrapped
        elif self.section == "ingredients" and not has_amount(text):
            self._list_line(text, nxt)
        elif self.in_panel or (self.past_panel and has_amount(text)) or self.section == "ingredients":
            self._row_line(text, nxt)
        elif not self.title_zone:
            self._body_line(text, nxt, bullet)

    # ------------------------------------------------------------------ rows
    def _row_line(self, text: str, nxt: str) -> None:
        """A line of a panel: a flattened herb table, several rows on one line, or one row."""
        if "," not in text and len(_TCM_PART.findall(text)) >= 3:
            for row in _tcm_table(text):
                self._add(Row(row))
            return
        items = _row_items(text) if has_amount(text) else [text]
        if len(items) > 1:
            self._flush_pending()
            qualifier = False
            for item in items:
                # "Krill Oil 500 mg, providing EPA 60 mg, DHA 28 mg": what follows "providing" says what it holds.
                qualifier = qualifier or bool(_PROVIDING.match(item))
                prev = self._prev()
                if qualifier and prev is not None:
                    prev.qualifiers.append(item.strip("() "))
                else:
                    self._add_row(_amount_first(item), "")
            return
        self._add_row(_amount_first(text), nxt)

    def _runon(self, sentence: str) -> None:
        """A table flattened into a sentence, read only if most of its cells name what the graph knows."""
        rows = _runon_table(sentence)
        named = sum(self.known(_TRAILING_AMOUNT.sub("", row)) for row in rows)
        if named >= 2 and named * 2 >= len(rows):
            for row in rows:
                self._add(Row(row, known_only=True))

    def _flush_pending(self) -> None:
        """A name waiting for its amount is closed before a line of several rows."""
        pending, self.pending = self.pending, ""
        self._close(pending)

    def _list_line(self, text: str, nxt: str) -> None:
        """A line of an ingredient list: its items, or blend members, or a wrapped row."""
        if "," not in text and len(_TCM_PART.findall(text)) >= 3:
            for row in _tcm_table(text):
                self._add(Row(row))
            return
        items = _split_list(text)
        prev = self._prev()
        if prev is not None and (_BLEND.search(prev.text) or prev.members) and not self.pending:
            prev.members.extend(items)
            return
        if (_value_only(nxt) and len(items) == 1) or (nxt[:1] in "(" and has_amount(nxt) and nxt[:1]):
            self._add_row(text, nxt)  # a name whose amount is on the next line
            return
        for item in items:
            single = len(items) == 1 and not _latin_or_botanical(item)
            self._add(Row(item, known_only=single))

    def _prev(self) -> Row | None:
        """The row a wrapped line or a blend's members may go on: a panel row of this section."""
        if len(self.parts.rows) > self.section_start and self.parts.rows[-1].tier == 0:
            return self.parts.rows[-1]
        return None

    def _add(self, row: Row) -> None:
        """Keep a row; a bracketed cell under a row is a constituent of that row unless the graph knows it."""
        bracketed = re.match(r"^\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(.*)$", row.text)
        if row.tier == 0 and bracketed and not re.search(r"[A-Za-z]{3}", bracketed.group(2)):
            # "(C18:2n-6, LA) 110 mg" under a row: a constituent of the row above unless the graph knows it.
            prev = self._prev()
            if not any(self.known(p) for p in bracketed.group(1).split(",")) and prev is not None:
                prev.qualifiers.append(row.text)
                return
            row.known_only = True
        self.parts.rows.append(row)

    def _add_row(self, line: str, following: str) -> None:
        """Place one panel line: a new row, a wrapped part of one, a qualifier, or blend members."""
        pending, self.pending = self.pending, ""
        prev = self._prev()
        if prev is not None and not pending and _qualifies(line, following):
            prev.qualifiers.append(line.strip("() "))
            return
        head, _, members = line.partition(":")
        if members and _BLEND.search(head) and _LETTERS3.search(members):
            self._close(pending)
            self._add(Row(head.strip(), members=_split_list(members)))  # "Joint Blend 500 mg: Ginger, Turmeric"
            return
        if has_amount(_without_brackets(line)) or _value_only(line):
            if pending and (line[:1].islower() or line[:1] in "(,0123456789"):
                self._add(Row(f"{pending} {line}"))
            else:
                self._close(pending)
                self._add(Row(line))
            return
        if prev is not None and _BLEND.search(prev.text) and not pending and (":" not in line or "," in line):
            prev.members.extend(_split_list(line))
            return
        if pending and (line[:1].islower() or line[:1] in "(," or pending.endswith(_OPEN_ENDS)):
            self.pending = f"{pending} {line}"
            return
        self._close(pending)
        if line.endswith(_OPEN_ENDS) or _amount_follows(line, following):
            self.pending = line  # the row goes on, or its amount is on the next line
            return
        items = _split_list(line)
        if len(items) > 1 and all(is_excipient(i) or _LABEL_ONLY.fullmatch(i) for i in items):
            self.parts.other.extend(items)
            return
        for item in items if len(items) > 2 else [line]:
            self._add(Row(item, known_only=True))

    def _close(self, pending: str) -> None:
        """A name left waiting for its amount that never came: kept only if the graph knows it."""
        if pending:
            self._add(Row(pending, known_only=True))

    # ------------------------------------------------------------------ body lines without a panel
    def _body_line(self, text: str, nxt: str, bullet: bool) -> None:
        """A line outside any panel: a row with an amount, a list, a definition, a title or a Latin name."""
        if has_amount(text):
            self._end_blocks()
            self._row_line(text, nxt)
            return
        if not self.in_panel and self.parts.had_panel is False and self.first_line:
            self._title(text)  # read as a last resort; it opens a list of names only if it names one
            if not (self.alone or self.known(text) or (_latin_or_botanical(text) and not _BLEND.search(text))):
                return
        if _value_only(nxt) and has_amount(nxt):
            self.pending = text
            return
        self.block.append(text)

    def _definition(self, text: str) -> bool:
        """'Burdock Root - Alterative. Diuretic.': a name heading its own description, outside any panel."""
        if self.section != "body" or self.in_panel or self.title_zone:
            return False
        found = _DEFINITION.match(text)
        rest = (found.group(2) or "").strip() if found else ""
        if not found or _value_only(found.group(1)) or has_amount(found.group(1)) or (rest and not _is_prose(rest)):
            return False
        self.definitions.append(found.group(1))
        if rest:
            self.paragraph_start = False
            self._prose(rest, keep_blocks=True)
        return True

    def _title(self, text: str) -> None:
        """The label's first line, if it is a name: read only if the graph knows it, and only as a last resort."""
        if self.first_line and len(text.split()) <= 10 and not _BINOMIAL.search(text):
            self._add(Row(text, tier=2, known_only=True))

    def _end_blocks(self) -> None:
        """Decide on lines gathered without a heading: a list of names, or a run of 'Name - text' lines."""
        block, self.block = self.block, []
        definitions, self.definitions = self.definitions, []
        if definitions:
            botanical = sum(bool(_BOTANICAL.search(d)) for d in definitions) * 2 >= len(definitions)
            many = len(definitions) >= 2
            for name in definitions:
                if many:
                    self._add(Row(name, known_only=not botanical))
        if block:
            self._block(block)

    def _block(self, block: list[str]) -> None:
        """Lines of names with no heading: a list if most of its names are plants, Latin, known or inactive."""
        items = [i for text in block for i in _split_list(text.strip("() ") if text.startswith("(") else text)]
        if len(block) == 1 and items and _BINOMIAL.search(block[0]) and len(items[0].split()) <= 12:
            self._add(Row(items[0], qualifiers=items[1:], tier=2))  # "Japanese Knotweed (Fallopia japonica)"
            return
        if len(block) == 1 and len(items) < 3 and not self.alone:
            return
        items = [i for i in items if not _CLAIM.match(i)]
        latin = sum(_latin_or_botanical(i) for i in items)
        plain = sum(is_excipient(i) or self.known(i) for i in items)
        enough = len(items) >= 3 or latin + plain == len(items)
        named = (latin + plain) * 2 >= len(items) and (latin or plain > sum(map(is_excipient, items)))
        if self.alone or (enough and named):
            # A list of names most of which are plants or known: each of its names is an ingredient.
            for item in items:
                if is_excipient(item):
                    self.parts.other.append(item)
                else:
                    self._add(Row(item))
        elif all(is_excipient(i) for i in items) and len(items) >= 3:
            self.parts.other.extend(items)

    # ------------------------------------------------------------------ prose
    def _prose(self, text: str, keep_blocks: bool = False) -> None:
        """Running text: its headings acted on, and the sentences that say what the product holds kept."""
        if not keep_blocks:
            self._end_blocks()
        first = self.paragraph_start
        self.paragraph_start = False
        if self.section in ("warning", "info", "other", "free"):
            return
        if self.section == "directions":
            self._in_section(text, "", False, opened=False)
            return
        sentences = _split_sentences(text)
        if len(re.findall(rf"\d\s*{_MASS}\b", text, re.IGNORECASE)) >= 3:
            for sentence in sentences:
                if len(re.findall(rf"\d\s*{_MASS}\b", sentence, re.IGNORECASE)) >= 3:
                    self._runon(sentence)
        for n, sentence in enumerate(sentences):
            head = _heading(sentence)
            if head is not None:
                self._open(head[0], sentence)
                if head[1]:
                    # Rows inside running text count only where they name what the graph knows.
                    start = len(self.parts.rows)
                    self._in_section(head[1].strip(" ."), "", False, opened=True)
                    for row in self.parts.rows[start:]:
                        row.known_only = True
                continue
            if self.section in ("warning", "info", "other", "free", "directions"):
                if self.section == "directions":
                    self.parts.directions += " " + sentence
                continue
            self._sentence(sentence, first and n == 0)

    def _sentence(self, sentence: str, paragraph_start: bool) -> None:
        """One sentence of running text: what it says the product holds, and the name it starts with."""
        if _FREE.search(sentence) and not has_amount(sentence) and len(sentence.split()) < 25:
            self.parts.statements.append(sentence)
        if _NEGATED.search(sentence):
            return  # "Contains no sugar, salt, ...", "we never add melatonin": what the product lacks
        verb = _CONTENT_VERB.search(sentence)
        if verb and _PRODUCT_SUBJECT.match(sentence[:verb.start()]):
            for item in _cue_items(sentence[verb.end():]):
                self._add(Row(item, tier=1))
        found = _INGREDIENTS_CUE.search(sentence)
        if found:
            for item in _cue_items(found.group("obj")):
                self._add(Row(item, tier=1))
        if _ADDED_CUE.search(sentence):
            self._add(Row(sentence, tier=1, scan=True))
        for cue in (_MIX_CUE, _NAMED_CUE):
            found = cue.search(sentence)
            if found:
                self._add(Row(" ".join(found.group("obj").split()[:12]), tier=1, scan=True))
        if paragraph_start:
            subject = _subject(sentence)
            if subject:
                latin = bool(_BINOMIAL.search(subject) or _BARE_BINOMIAL.match(subject))
                self._add(Row(subject, tier=2, known_only=not latin))


_PROVIDING = re.compile(r"^\(?\s*(?:providing|yielding|containing|supplying|equivalent|which\s+provides|as\s|from\s|"
                        r"incl\.?\s)", re.IGNORECASE)
_CONTINUATION = re.compile(r"^(?:of|and|or|with|in|from|to|as|per)\s", re.IGNORECASE)
# Claims and uses, not names ("Helps calm the nervous system").
_CLAIM = re.compile(r"^(?:helps?|supports?|promotes?|relieves?|eases?|calms?|settles?|decreases?|boosts?|maintains?|"
                    r"soothes?|lowers?|improves?|reduces?|for|to|may|with)\b", re.IGNORECASE)
_DEFINITION = re.compile(r"^([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})\s*(?:\s-|:)(?:\s+(\S.*))?$")
_LABEL_ONLY = re.compile(r"natural|organic|certified|pure|vegan|vegetarian", re.IGNORECASE)
# Inactive ingredients (capsule shells, fillers, flow agents, colours, coatings, solvents): never actives.
EXCIPIENTS = {normalize(x) for x in """gelatin, gelatin capsule, bovine gelatin, vegetable capsule, veggie capsule,
vegetarian capsule, hypromellose, hydroxypropyl methylcellulose, HPMC, pullulan, cellulose, microcrystalline cellulose,
cellulose gel, vegetable cellulose, magnesium stearate, vegetable magnesium stearate, stearic acid, vegetable stearate,
silicon dioxide, silica, colloidal silicon dioxide, rice flour, rice bran, rice concentrate, maltodextrin,
dicalcium phosphate, calcium silicate, croscarmellose sodium, sodium starch glycolate, crospovidone, povidone,
titanium dioxide, talc, glycerin, vegetable glycerin, purified water, water, soybean oil, sunflower oil, olive oil,
safflower oil, medium chain triglycerides, MCT oil, beeswax, lecithin, soy lecithin, sunflower lecithin,
carnauba wax, shellac, pharmaceutical glaze, polyvinyl alcohol, polyethylene glycol, PEG, carrageenan, gum arabic,
acacia gum, xanthan gum, guar gum, pectin, agar, modified food starch, starch, corn starch, tapioca starch,
sucrose, sugar, glucose syrup, dextrose, sorbitol, xylitol, erythritol, mannitol, stevia, stevia leaf extract,
sucralose, citric acid, malic acid, natural flavor, natural flavors, artificial flavor, flavoring, color, colors,
caramel color, annatto, beet juice color, chlorophyllin, FD&C Red No. 40, FD&C Yellow No. 6, FD&C Blue No. 1,
iron oxide, iron oxides, sodium alginate, potassium sorbate, sodium benzoate, mixed tocopherols, rosemary extract,
ascorbyl palmitate, gellan gum, capsule, capsule shell, softgel shell, tablet coating, coating, mineral oil,
sodium polyphosphate, adipic acid, polysorbate 80, methyl paraben, methylparaben, propylparaben, sodium citrate,
ethyl vanillin, vanillin, sodium hydroxide, palm kernel oil, vegetable oil, calcium stearate, cellulose gum,
methylcellulose, triacetin, polydextrose, sodium laurilsulfate, sodium lauryl sulfate, sodium croscarmellose,
aniseed, fos, fructooligosaccharides, lactose, leucine, propylene glycol, isopropyl alcohol, ammonium hydroxide,
rice hull concentrate, organic rice hull concentrate, carbohydrate gum, vegetable carbohydrate gum""".replace(
    "\n", " ").split(",")}
# The last word of a listed item that makes it inactive, whatever else it is called ("FD&C Blue No. 1 lake").
_EXCIPIENT_HEADS = frozenset("""flavor flavors flavour flavours flavoring flavouring color colors colour colours
coloring colouring lake lakes dye dyes sweetener sweeteners sweetening preservative preservatives glaze wax waxes
stearate alcohol ethanol water glycerin glycerine menstruum emulsifier gum ink polymer polymers coating capsule
capsules softgel softgels shell gelatin filter filters tocopherols paraben agent agents starch""".split())
_EXCIPIENT_LEAD = re.compile(r"^(?:a\s+base\s+of|in|and|with|a|an|the|certified|organic|pure|natural|non\s?gmo|"
                             r"vegetable|vegetarian|veggie|vegan|plant\s+derived|distilled|deionized|purified|spring|"
                             r"grain|cane|yellow|white|\d+)\s+", re.IGNORECASE)
_EXCIPIENT_TAIL = re.compile(r"\s+(?:usp|nf|bp|ep|dihydrate|dihydrated|anhydrous|vegetable|powder|\d+)$",
                             re.IGNORECASE)
_DOSAGE_FORM = re.compile(r"^(?:hard\s+|soft\s+|coated\s+|clear\s+)?(?:capsules?|tablets?|softgels?|caplets?|"
                          r"vegicaps?|pcs|tablet\s+core)\b")
_ROLE = re.compile(r"\(\s*(?:emulsifier|antioxidant[^)]*|lubricant|carrier|anti-?caking\s+agent|dye|colou?r|"
                   r"preservative|sweetener|coating|capsule|flavou?r)\s*\)", re.IGNORECASE)


def _without_brackets(text: str) -> str:
    """The text with every bracketed part removed, nested ones included."""
    previous = None
    while previous != text:
        previous, text = text, _INNER_BRACKETS.sub(" ", text)
    return text


def is_excipient(name: str) -> bool:
    """Whether a listed name is an inactive ingredient (shell, filler, solvent, colour, flavour, coating)."""
    return _excipient_short(name) if len(name) <= 300 else _excipient_any(name)


def _excipient_any(name: str) -> bool:
    """The excipient test itself (see is_excipient)."""
    bare = _without_brackets(name)
    key = normalize(bare)
    if key in EXCIPIENTS or any(key.endswith(" " + x) or key == x for x in ("capsule", "capsules", "shell")):
        return True
    if key.startswith(("fd c ", "d c ")) or _ROLE.search(name) or _DOSAGE_FORM.match(key):
        return True
    stripped = None
    while stripped != key:
        stripped, key = key, _EXCIPIENT_TAIL.sub("", _EXCIPIENT_LEAD.sub("", key))
    words = key.split()
    return key in EXCIPIENTS or (bool(words) and words[-1] in _EXCIPIENT_HEADS and not has_amount(bare))


_clean_short = functools.lru_cache(maxsize=16384)(_clean_line)
_excipient_short = functools.lru_cache(maxsize=16384)(_excipient_any)
_amount_short = functools.lru_cache(maxsize=16384)(_amount_any)
_value_short = functools.lru_cache(maxsize=16384)(_value_any)
_split_short = functools.lru_cache(maxsize=16384)(lambda text: tuple(_split_any(text)))
_prose_short = functools.lru_cache(maxsize=16384)(_prose_any)
_heading_short = functools.lru_cache(maxsize=16384)(_heading_any)
_inline_short = functools.lru_cache(maxsize=16384)(lambda line: tuple(_inline_any(line)))


def split_label(text: str, known: Callable[[str], bool] | None = None) -> LabelParts:
    """Sort label lines into rows, excipients, directions, serving, statements; `known` says what the graph knows."""
    parts = LabelParts()
    lines = _logical_lines(text)
    panel_ahead = any(_PANEL.match(ocr_words(line.text)) for line in lines)
    alone = sum(bool(line.text) for line in lines) == 1
    _Reader(parts, known or (lambda _: False), panel_ahead, alone).run(lines)
    return parts
