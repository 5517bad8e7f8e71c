"""Resolve names against the graph: exact, then normalised, then fuzzy (rapidfuzz), never silently."""

from __future__ import annotations

import re
from collections.abc import Iterator

from suppcheck.kb import KnowledgeBase
from suppcheck.lines import SALTS, is_descriptive_word
from suppcheck.models import Candidate, Match, Status
from suppcheck.structs import field, record
from suppcheck.text import clean, lazy_re, normalize

ACCEPT = 85.0  # fuzz.ratio at or above which a near name is offered as the closest entity
SUGGEST = 60.0  # below ACCEPT and above this: a "did you mean" candidate
MARGIN = 3.0  # two entities closer than this to the best score make the name ambiguous
MIN_FUZZY_LENGTH = 5  # shorter names (NAC, EGCG) must match exactly
SUGGEST_FLOOR = 75.0
# The entity kinds that names resolve to, with the role each answers to.
# "did you mean" lists nothing further away than this
_MATCHED = {"supplement": "supplement", "drug": "drug", "regimen": "drug", "product": "supplement"}
# Words after a name that turn it into something else: "vitamin K antagonist" is not vitamin K.
_NOT_THE_THING = {"antagonist", "antagonists", "agonist", "agonists", "inhibitor", "inhibitors", "receptor",
                  "receptors", "blocker", "blockers", "free", "deficiency", "deficient", "level", "levels", "test",
                  "testing", "allergy", "allergic", "intolerance", "analogue", "analog", "antidote", "toxicity"}
_NOISE = lazy_re(r"\((?:[^()]*)\)|\[(?:[^\[\]]*)\]")
MAX_NAME_CHARS = 300  # a name is matched on at most this many characters ...
MAX_NAME_WORDS = 40  # ... and words; longer names are not recognised (see Resolver.too_long)


@record
class Resolution:
    """What one name resolved to."""

    status: Status
    match: Match | None = None
    candidates: list[Candidate] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    matched: tuple[str, ...] = ()  # the name's words the match used (normalised)
    brand: tuple[str, ...] = ()  # capitalised words before the name, read as a brand ("Nature Made")


@record
class Leftover:
    """What a name says beyond its match: other entities it names, and words that name nothing known."""

    others: list[tuple[str, list[str]]] = field(default_factory=list)  # (words as written, entity ids)
    unread: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.others and not self.unread


class _MatchedNames:
    """The graph's names of what a line can name (supplements, drugs, products, regimens; not targets or
    classes), each with its entities, kept as they are first looked up rather than all at a command's start."""

    __slots__ = ("_names", "_matched", "_kept")

    def __init__(self, kb: KnowledgeBase) -> None:
        self._names = kb.names
        self._matched = frozenset(i for i, kind in kb.kinds.items() if kind in _MATCHED)
        self._kept: dict[str, list[str]] = {}

    def get(self, key: str, default: list[str] | None = None) -> list[str] | None:
        found = self._kept.get(key)
        if found is None:
            ids = self._names.get(key)
            if not ids:
                return default
            found = self._kept[key] = [i for i in ids if i in self._matched]
        return found or default

    def __getitem__(self, key: str) -> list[str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def every(self) -> list[str]:
        """Every name with an entity a line can name, in the graph's order."""
        return [key for key in self._names if self.get(key)]


class Resolver:
    """Name lookup over one knowledge base; build once, reuse for every item."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._keys = _MatchedNames(kb)
        # Prefixes are tried up to the longest name that begins with the same word (keys are single-spaced): a
        # prefix longer than any such name finds nothing, so the bound gives the same matches.
        self._heads = kb.name_heads
        self._choice_list: list[str] | None = None
        self._choice_longest = 0
        self._memo: dict[tuple[str, str | None], Resolution] = {}
        self._labels: dict[str, frozenset[str]] = {}

    @property
    def _choices(self) -> list[str]:
        """Every name a line can name, for near-name matching (built on the first name not matched exactly)."""
        if self._choice_list is None:
            self._choice_list = self._keys.every()
            self._choice_longest = max((k.count(" ") for k in self._choice_list), default=0) + 1
        return self._choice_list

    def resolve(self, name: str, role: str | None = None) -> Resolution:
        """Resolve a product or drug name (without its dose); results are remembered per name and role."""
        key = (name, role)
        found = self._memo.get(key)
        if found is None:
            found = self._resolve(name, role)
            if len(self._memo) < 50_000:
                self._memo[key] = found
        return found

    @staticmethod
    def too_long(name: str) -> bool:
        """Names past the bound are not matched: matching stays linear and a pasted paragraph is not a name."""
        return len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS

    def _resolve(self, name: str, role: str | None) -> Resolution:
        if self.too_long(name):
            return Resolution(Status.unrecognized)
        for variant in _variants(name):
            found = self._exact_or_prefix(variant, role)
            if found is not None:
                return found
        return self._after_brand(name, role) or self._fuzzy(name, role)

    def _after_brand(self, name: str, role: str | None) -> Resolution | None:
        """'Nature Made fish oil': up to three capitalised words before a name the graph knows whole."""
        words = clean(name).split()
        for k in range(1, min(3, len(words) - 1) + 1):
            lead = words[:k]
            if not all(w[:1].isupper() for w in lead):
                break
            rest = " ".join(words[k:])
            found = self._exact_or_prefix(rest, role)
            if found is not None and found.status is not Status.unrecognized \
                    and len(found.matched) == len(normalize(rest).split()):
                found.brand = tuple(normalize(" ".join(lead)).split())
                return found
        return None

    def _is_exact(self, name: str, ids: list[str]) -> bool:
        """Whether the name is, letter for letter (case aside), a name or synonym of one of these entities."""
        wanted = clean(name).casefold()
        return any(wanted in self._labels_of(i) for i in ids)

    def _labels_of(self, iri: str) -> frozenset[str]:
        """An entity's name and synonyms as written (cleaned, case folded); none for a deprecated entity."""
        found = self._labels.get(iri)
        if found is None:
            entity = self.kb.entities[iri]
            found = self._labels[iri] = frozenset() if entity.deprecated else frozenset(
                clean(label).casefold() for label in (entity.name, *entity.alt))
        return found

    def _exact_or_prefix(self, name: str, role: str | None) -> Resolution | None:
        key = normalize(name)
        tokens = key.split()
        for n in range(min(len(tokens), self._heads.get(tokens[0], 0) if tokens else 0), 0, -1):
            prefix = " ".join(tokens[:n])
            ids = self._keys.get(prefix)
            if ids and _NOT_THE_THING.isdisjoint(tokens[n:]):
                method = "exact" if n == len(tokens) and self._is_exact(name, ids) else "normalized"
                found = self._decide(ids, method, 100.0, role)
                found.matched = tuple(tokens[:n])
                return found
        return None

    def _decide(self, ids: list[str], method: str, score: float, role: str | None) -> Resolution:
        if len(ids) > 1:
            ids = sorted(set(ids), key=lambda i: (self._role_rank(i, role), self.kb.name_of(i)))
        if len(ids) > 1 and self._role_rank(ids[0], role) < self._role_rank(ids[1], role):
            ids = ids[:1]
        if len(ids) == 1:
            e = self.kb.entities[ids[0]]
            return Resolution(Status.recognized, Match(id=e.id, name=e.name, method=method, score=score),
                              entities=[e.id])
        cands = [Candidate(id=i, name=self.kb.name_of(i), score=score) for i in ids]
        return Resolution(Status.ambiguous, candidates=cands, entities=ids)

    def _role_rank(self, iri: str, role: str | None) -> int:
        kind = self.kb.entities[iri].kind
        return 0 if role is None or _MATCHED.get(kind) == role else 1

    def _fuzzy(self, name: str, role: str | None) -> Resolution:
        key = normalize(_NOISE.sub(" ", name))
        if not key:
            return Resolution(Status.unrecognized)
        tokens = key.split()
        if not _NOT_THE_THING.isdisjoint(tokens):
            return Resolution(Status.unrecognized)
        from rapidfuzz import fuzz, process  # only a name that matched nothing exactly pays for its import

        best: dict[str, float] = {}
        used: dict[str, int] = {}
        chosen: dict[str, str] = {}
        # Prefixes up to one word longer than the longest name: a misspelling rarely adds more.
        choices = self._choices
        for n in range(1, min(len(tokens), self._choice_longest + 1) + 1):
            query = " ".join(tokens[:n])
            if len(query) < MIN_FUZZY_LENGTH and query != key:
                continue
            for choice, score, _ in process.extract(query, choices, scorer=fuzz.ratio,
                                                    score_cutoff=SUGGEST, limit=6):
                for iri in self._keys[choice]:
                    if score > best.get(iri, 0.0):
                        best[iri], used[iri], chosen[iri] = score, n, choice
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self._role_rank(kv[0], role), self.kb.name_of(kv[0])))
        # "Did you mean" offers only names of the role asked for, and only close ones.
        offered = [(i, s) for i, s in ranked if s >= SUGGEST_FLOOR and self._role_rank(i, role) == 0]
        cands = [Candidate(id=i, name=self.kb.name_of(i), score=round(s, 1)) for i, s in offered[:5]]
        if not ranked or len(key) < MIN_FUZZY_LENGTH or ranked[0][1] < ACCEPT:
            return Resolution(Status.unrecognized, candidates=cands)
        top = ranked[0][1]
        close = [i for i, s in ranked if top - s < MARGIN and s >= ACCEPT]
        # A near name never crosses roles: a supplement line is not taken for a drug, nor the reverse.
        close = [i for i in close if self._role_rank(i, role) == 0]
        # A near name that is not a slip of the name it is near is not that thing (it stays a "did you mean").
        close = [i for i in close if not _not_a_slip(" ".join(tokens[:used[i]]), chosen[i])]
        if not close:
            return Resolution(Status.unrecognized, candidates=cands)
        query = " ".join(tokens[:used[close[0]]])
        if any(_another_name(query, chosen[i]) for i in close):
            # "valacyclovir" holds "acyclovir", "niacinamide" holds "niacin", "dang shen" is not "dan shen":
            # a name that contains another, or differs in a whole syllable, names a different thing.
            return Resolution(Status.unrecognized, candidates=[c for c in cands if c.id in close] or cands)
        # A near name is never taken silently: it is checked as the closest entity, and says so.
        return Resolution(Status.ambiguous, candidates=[Candidate(id=i, name=self.kb.name_of(i),
                                                                  score=round(best[i], 1)) for i in close],
                          entities=close, matched=tuple(tokens[:used[close[0]]]))

    def leftover(self, name: str, res: Resolution) -> Leftover:
        """The words of `name` that its match did not use: other entities named, or words nobody read."""
        if res.status is Status.unrecognized or self.too_long(name):
            return Leftover()
        rest = normalize(name).split()
        for word in (*res.matched, *res.brand):  # remove the words read, once each; keep the order of the rest
            if word in rest:
                rest.remove(word)
            else:  # read in the singular ("cranberries" as cranberry)
                plural = next((w for w in rest if _singular(w) == word), None)
                if plural is not None:
                    rest.remove(plural)
        # A salt word is read after a drug's name, and after a mineral's ("calcium acetate", "magnesium sulfate").
        drug_line = any(self.kb.entities[i].kind == "drug" or self.kb.entities[i].category == "mineral"
                        for i in res.entities)
        return self._scan(rest, set(res.entities), drug_line)

    def names_in(self, text: str) -> Leftover:
        """Entities named anywhere in `text` (a dose text may hide a second product), and unknown words."""
        if self.too_long(text):
            return Leftover(unread=[text[:80]])
        return self._scan(normalize(text).split(), set(), False)

    def _scan(self, rest: list[str], mine: set[str], drug_line: bool) -> Leftover:
        out = Leftover()
        i, run = 0, []
        while i < len(rest):
            n, ids = self._longest_at(rest, i)
            word = rest[i]
            if ids and (n > 1 or not (is_descriptive_word(word) or (drug_line and word in SALTS))):
                self._flush(run, out)
                if mine.isdisjoint(ids):
                    out.others.append((" ".join(rest[i:i + n]), ids))
                i += n
                continue
            if is_descriptive_word(word) or (drug_line and word in SALTS) or word in _NOT_THE_THING:
                self._flush(run, out)
            else:
                run.append(word)
            i += 1
        self._flush(run, out)
        return out

    def _longest_at(self, words: list[str], i: int) -> tuple[int, list[str]]:
        for n in range(min(self._heads.get(words[i], 0), len(words) - i), 0, -1):
            ids = self._keys.get(" ".join(words[i:i + n]))
            if ids:
                return n, ids
        return 0, []

    @staticmethod
    def _flush(run: list[str], out: Leftover) -> None:
        if run:
            out.unread.append(" ".join(run))
            run.clear()

    def resolve_context(self, name: str) -> str | None:
        """The IRI of a clinical context named by `name`, or None."""
        key = normalize(name)
        for iri in self.kb.names.get(key, []):
            if self.kb.entities[iri].kind == "context":
                return iri
        for entity in self.kb.of_kind("context"):
            if key == normalize(entity.id.rsplit("/", 1)[-1]):
                return entity.id
        return None


def _another_name(query: str, choice: str) -> bool:
    """Whether a near name is more likely another real name than a typing slip of `choice`."""
    q, c = query.replace(" ", ""), choice.replace(" ", "")
    if q != c and (q in c or c in q) and abs(len(q) - len(c)) >= 2:
        return True  # one name holds the other with letters to spare (valacyclovir, niacinamide)
    qw, cw = query.split(), choice.split()
    if len(qw) == len(cw) and len(qw) > 1:
        # Short syllables (pinyin: "dang shen" against "dan shen"): one that extends another is another word.
        return any(a != b and min(len(a), len(b)) <= 5 and (a.startswith(b) or b.startswith(a))
                   for a, b in zip(qw, cw, strict=True))
    return False


def _not_a_slip(query: str, choice: str) -> bool:
    """Whether a near name is too far from `choice` to be a typing slip of it. A slip is a letter dropped,
    added, changed or two swapped, once or twice: three edits apart is another word ("clotrimazole" is not
    co-trimoxazole). The same long ending after another start is a sibling of a drug family ("mebendazole" is
    not fenbendazole, "pitavastatin" not pravastatin); a spelling that only adds a letter ("oestradiol") is
    not caught here."""
    from rapidfuzz.distance import OSA  # only near names get here, after rapidfuzz is loaded

    q, c = query.replace(" ", ""), choice.replace(" ", "")
    if OSA.distance(q, c) > 2:
        return True
    ending = _common_ending(q, c)
    return ending >= 6 and len(q) > ending and len(c) > ending and OSA.distance(q[:-ending], c[:-ending]) >= 2


def _common_ending(a: str, b: str) -> int:
    n, most = 0, min(len(a), len(b))
    while n < most and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _variants(name: str) -> Iterator[str]:
    """The name as written, without bracketed parts, and each bracketed part alone; made one at a time, as most
    names are matched as written."""
    text = clean(name)
    yield text
    stripped = " ".join(_NOISE.sub(" ", text).split()).strip(" ,;:-")
    if stripped and stripped != text:
        yield stripped
    for inner in re.findall(r"\(([^()]*)\)", text):
        if inner.strip():
            yield inner.strip()
    unbalanced = text.replace("(", " ").replace(")", " ")
    if unbalanced != text:
        yield " ".join(unbalanced.split())
    # Shorthand that clinicians and patients write: "Vit C", "vit. D3".
    expanded = _MAG.sub("magnesium ", _SHORTHAND.sub("vitamin ", text))
    if expanded != text:
        yield expanded
    # Words before the name that only describe the product or how it is taken: "organic turmeric", "pure fish
    # oil", "decaffeinated green tea", "daily aspirin", "low dose aspirin", "weekly paclitaxel" (last: the name as
    # written, whole, is tried first, so "low-dose naltrexone" stays itself).
    words = text.split()
    lead = 0
    while lead < len(words) - 1 and (words[lead].casefold().strip(",") in _LEADING
                                     or _AMOUNT_WORD.fullmatch(words[lead])):
        lead += 1
    if lead:
        yield " ".join(words[lead:])
    # A plural of a name the graph knows in the singular: "cranberries", "Brazil nuts", "dried cranberries".
    for variant in (text, " ".join(words[lead:]) if lead else None):
        singular = " ".join(_singular(w) for w in variant.split()) if variant else ""
        if singular and singular != variant:
            yield singular


def _singular(word: str) -> str:
    """The singular of a plain English plural ("cranberries" -> "cranberry", "nuts" -> "nut"); other words as
    they are (a word ending in -ss, -us, -is or shorter than four letters is not a plural here)."""
    low = word.casefold()
    if len(low) < 4 or low.endswith(("ss", "us", "is")) or not low.endswith("s"):
        return word
    if low.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


_LEADING = frozenset("""organic natural pure raw wild fresh dried decaffeinated decaf premium virgin cold-pressed
whole-food wholefood standardized standardised
a an one two three four half glass glasses cup cups mug mugs oz ounce ounces fl bottle bottles serving servings
tsp tbsp teaspoon teaspoons tablespoon tablespoons scoop scoops handful of
daily weekly nightly once twice low high dose low-dose high-dose baby extra strength regular""".split())
# An amount before the name: "8 oz grapefruit juice", "2 cups of green tea", "1/2 cup".
_AMOUNT_WORD = lazy_re(r"\d+(?:[.,/]\d+)?")


_SHORTHAND = lazy_re(r"\bvit\.?\s*(?=[a-z0-9])", re.IGNORECASE)
# "Mag citrate", "mag oxide": magnesium, where a magnesium salt follows.
_MAG = lazy_re(r"\bmag\.?\s+(?=(?:citrate|oxide|glycinate|bisglycinate|chloride|malate|taurate|threonate|l-threonate|"
                  r"sulfate|sulphate|gluconate|lactate|aspartate|carbonate)\b)", re.IGNORECASE)
