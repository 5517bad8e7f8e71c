"""The checker: resolve a regimen, reason over every pair, merge and rank the findings."""

from __future__ import annotations

import _thread
import copy
import gc
import re

from suppcheck.dosing import FISH_OIL, ParsedItem, nutrient_convert, parse_item, route_of
from suppcheck.errors import InputError
from suppcheck.inference import LEVELS, SEVERITIES, Chain, PairReasoner, Party, applies, concern_of
from suppcheck.kb import KnowledgeBase
from suppcheck.lines import MAX_LINE_CHARS, MAX_PARTS, has_separator, split_line
from suppcheck.matching import Resolution, Resolver
from suppcheck.models import (
    Alternative,
    Basis,
    CheckResult,
    Component,
    Concern,
    Contributor,
    Evidence,
    EvidenceLevel,
    Finding,
    Item,
    ItemRef,
    Kind,
    KnowledgeInfo,
    Match,
    Mechanism,
    Reading,
    Regimen,
    RegimenEntry,
    Role,
    Severity,
    Source,
    Status,
    Summary,
)
from suppcheck.structs import field, record
from suppcheck.text import lazy_re, normalize

MAX_ITEMS = 20_000
NEGATIONS = {"avoid", "avoiding", "no", "not", "without", "stop", "stopped", "held", "hold", "discontinued",
             "except", "never"}
MAX_PAIRS = 250_000
COVERAGE = ("Covers only what the suppcheck knowledge graph (version {version}) knows; the absence of a "
            "finding is not proof of safety.")


@record
class _Pair:
    supp: Party
    drug: Party | None
    context: str | None
    chains: list[Chain] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bump: bool = False


# Entities a line may name that stand for several: a regimen's drugs, a product's ingredients.
_BARE_D = lazy_re(r"[+&,/]\s*D3?\b")
_NAMED_SETS = frozenset({"regimen", "product"})



def drug_drug_line(drugs: int) -> str:
    """The standing line that drug-drug interactions are not evaluated, with the count of drugs listed."""
    if drugs < 2:
        return ("Drug-drug interactions are not evaluated by suppcheck; check the prescription drugs with a "
                "drug-drug interaction reference.")
    return (f"Drug-drug interactions are NOT evaluated: the {drugs} drugs listed were not checked against each "
            "other. Check them with a drug-drug interaction reference.")

def _context_id(iri: str | None) -> str | None:
    """A context's id as the contract gives it: the last part of its IRI (surgery, radiation)."""
    return iri.rsplit("/", 1)[-1] if iri else None

class Checker:
    """Checks regimens against one knowledge base; build once, call `check` many times."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or KnowledgeBase.load()
        self.resolver = Resolver(self.kb)
        self.reasoner = PairReasoner(self.kb)
        self._items: dict[tuple, tuple[Item, list[Party]]] = {}
        self._refs: dict[tuple[str, str], ItemRef] = {}
        self._pair_memo: dict[tuple, list[Chain]] = {}
        self._finding_memo: dict[tuple, Finding | None] = {}
        self._results: dict[tuple, tuple[list, CheckResult]] = {}  # by the identity of remembered items
        self._indexes: dict[tuple, _ReachIndex] = {}  # the regimen's drugs by what they offer (see _pairs)
        self._label_rows: dict[tuple, object] = {}  # label rows read as ingredients (suppcheck.labels)
        self._label_items: dict[tuple, tuple] = {}  # and those ingredients as items
        self._mechanisms: dict[tuple, Mechanism] = {}
        self._sources: dict[str, Source] = {}  # built on first citation: a check cites few of the graph's sources
        self._alternative_records: dict[int, tuple] = {}  # likewise, one per alternative of the graph
        self.info = KnowledgeInfo(version=self.kb.version, sha256=self.kb.sha256, triples=self.kb.triples)

    def _mechanism(self, mechanism: tuple[str, str, str | None]) -> Mechanism:
        """A mechanism record: frozen, so one per (target, action, strength) serves every finding."""
        found = self._mechanisms.get(mechanism)
        if found is None:
            target, action, strength = mechanism
            found = self._mechanisms[mechanism] = Mechanism(target=target, action=action, strength=strength)
        return found

    def _source(self, iri: str) -> Source | None:
        found = self._sources.get(iri)
        if found is None and iri in self.kb.sources:
            found = self._sources[iri] = Source(**self.kb.sources[iri])
        return found

    # ------------------------------------------------------------------ public
    def check(self, drugs: list[str | RegimenEntry] | None = None, supplements: list[str | RegimenEntry] | None = None,
              context: list[str] | None = None) -> CheckResult:
        """Check drugs and supplements (text lines or entries) in the given clinical contexts."""
        regimen = Regimen.model_construct(drugs=_entries(drugs, "drugs"), supplements=_entries(supplements, "supplements"),
                                          context=[_text(c, "context") for c in _as_list(context, "context")])
        return self.check_regimen(regimen)

    def check_regimen(self, regimen: Regimen) -> CheckResult:
        """Check a Regimen (or a mapping of the same shape)."""
        if isinstance(regimen, dict):
            from suppcheck.regimen_io import regimen_from_data

            regimen = regimen_from_data(regimen, where="regimen")
        if not isinstance(regimen, Regimen):
            raise InputError(f"expected a Regimen or a mapping, not {type(regimen).__name__}", where="regimen")
        n = len(regimen.drugs) + len(regimen.supplements)
        if n == 0:
            raise InputError("the regimen is empty: give at least one drug or supplement", where="regimen")
        if n > MAX_ITEMS:
            raise InputError(f"{n} items is more than the {MAX_ITEMS} a regimen may hold", where="regimen")
        contexts = [self._context(c) for c in regimen.context]
        paused = _pause_collector(n)
        try:
            prepared = [self._item(entry, role) for role, entries in ((Role.drug, regimen.drugs),
                                                                      (Role.supplement, regimen.supplements))
                        for entry in entries]
            return self.check_prepared(prepared, contexts)
        finally:
            if paused:
                _resume_collector()

    def clear_memos(self, pairs: bool = True, items: bool = True) -> None:
        """Forget what was remembered of input: items, names, bands, pairs, findings and results (for measuring
        a first check); with `pairs=False`, only findings and results (for measuring what a check does after
        its pairs are reasoned); with `items=False`, all but the lines read and their names (for measuring the
        reasoning over items already read). The graph's own per-entity indexes (an entity's labels, dose
        conditions, curated index, substrate roles), built on an entity's first use, stay as the graph does."""
        self._refs.clear()
        self._finding_memo.clear()
        self._results.clear()
        if not pairs:
            return
        self._pair_memo.clear()
        self._indexes.clear()
        self.reasoner._memo.clear()
        if not items:
            return
        self._items.clear()
        self._label_rows.clear()
        self._label_items.clear()
        self.resolver._memo.clear()

    def check_prepared(self, prepared: list[tuple[Item, list[Party]]], contexts: list[str]) -> CheckResult:
        """Check items already parsed and resolved (label readers use this); contexts are IRIs.

        The same remembered items again (an order screen fires on every change of the order; a batch meets the
        same product for many people) give the remembered result, by the identity of the entries: a new result
        record over the same findings, with new lists.
        """
        key = (tuple(map(id, prepared)), tuple(contexts))
        hit = self._results.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], prepared, strict=True)):
            result = hit[1]
            return CheckResult(knowledge=self.info, items=list(result.items), findings=list(result.findings),
                               concerns=list(result.concerns), summary=result.summary)
        result = self._check_prepared(prepared, contexts)
        if len(self._results) > 5_000:
            self._results.clear()
        self._results[key] = (tuple(prepared), result)
        return result

    def _check_prepared(self, prepared: list[tuple[Item, list[Party]]], contexts: list[str]) -> CheckResult:
        items = [item for item, _ in prepared]
        parties = [p for _, ps in prepared for p in ps]
        # The same line given twice is the same item: reason over it once (findings name its input).
        unique = list({(p.input, p.entity): p for p in parties}.values())
        supps = [p for p in unique if self.kb.entities[p.entity].kind == "supplement"]
        drugs = [p for p in unique if self.kb.entities[p.entity].kind == "drug"]
        if len(supps) * max(len(drugs), 1) > MAX_PAIRS:
            raise InputError(f"{len(supps)} distinct supplements x {len(drugs)} distinct drugs is more than the "
                             f"{MAX_PAIRS} pairs one check reasons over; split the regimen", where="regimen")
        pairs = self._pairs(supps, drugs, contexts)
        self._cumulative(pairs, supps, drugs, contexts)
        built = [(p, self._finding(p)) for p in pairs]
        findings = sorted((f for _, f in built if f is not None), key=_order)
        return CheckResult(knowledge=self.info, items=items, findings=findings, concerns=self._concerns(built),
                           summary=self._summary(items, findings))

    def resolve(self, name: str, role: str | None = None):
        """Resolve one name (no dose) against the graph."""
        return self.resolver.resolve(name, role)

    # ------------------------------------------------------------------ items
    def contexts(self, names: list[str]) -> list[str]:
        """Context IRIs for names; an unknown context is an input error."""
        return [self._context(c) for c in names]

    def item(self, entry: str | RegimenEntry, role: Role) -> tuple[Item, list[Party]]:
        """Parse and resolve one regimen line."""
        return self._item(entry, role)

    def coded_item(self, text: str, role: Role, iri: str) -> tuple[Item, list[Party]]:
        """An item already identified by a code (RxNorm): no name matching."""
        parsed = parse_item(text)
        entity = self.kb.entities[iri]
        item = Item(input=text, role=role, status=Status.recognized,
                    match=Match(id=iri, name=entity.name, method="code", score=100.0), dose=parsed.dose)
        return item, [Party(text, iri, parsed.dose, parsed.form)]

    def _context(self, name: str) -> str:
        if not isinstance(name, str) or not name.strip():
            raise InputError("a context must be a non-empty name", where="context")
        _text(name, "context")
        iri = self.resolver.resolve_context(name)
        if iri is None:
            known = ", ".join(sorted(e.id.rsplit("/", 1)[-1] for e in self.kb.of_kind("context")))
            raise InputError(f"unknown context '{name}'; use one of: {known}", where="context")
        return iri

    def _item(self, entry: str | RegimenEntry, role: Role) -> tuple[Item, list[Party]]:
        key = (entry if isinstance(entry, str) else entry.model_dump_json(), role)
        found = self._items.get(key)
        if found is None:
            if len(self._items) > 50_000:
                self._items.clear()
            found = self._items[key] = self._parse_item(entry, role)
        return found

    def _parse_item(self, entry: str | RegimenEntry, role: Role) -> tuple[Item, list[Party]]:
        if isinstance(entry, RegimenEntry):
            text, form_hint = entry.text(), entry.form
        else:
            text, form_hint = entry, None
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"an empty {role.value} entry", where=f"{role.value}s")
        _text(text, f"{role.value}s")
        if len(text) > MAX_LINE_CHARS:
            reading = Reading(unread=[_clip(text)],
                              notes=[f"a line of {len(text)} characters is longer than the {MAX_LINE_CHARS} read"])
            return Item(input=text, role=role, status=Status.unrecognized, reading=reading), []
        # "caffeine-free green tea": the words say what the product lacks, not a second product (caffeine).
        parsed = parse_item(_CAFFEINE_FREE_WORDS.sub("decaffeinated", text), form_hint)
        res = self.resolver.resolve(parsed.name, role.value)
        left = self.resolver.leftover(parsed.name, res)
        if (parsed.form is None and role is Role.supplement and res.matched and "tea" not in res.matched
                and _TEA.find(text)):
            # "ginger tea", "chamomile tea": a brewed tea of a herb whose name is not itself a tea is a beverage
            # amount, so what holds only for extracts does not reach it ("green tea" names the plant).
            parsed = ParsedItem(parsed.text, parsed.name, parsed.dose, "food",
                                (*parsed.notes, "read as a brewed tea: what holds only for extracts and supplements "
                                                "does not apply"))
        elif parsed.form is None and role is Role.supplement and res.matched and _DRINK.find(text):
            # "golden milk", "turmeric latte": a drink made with the spice is a food amount, as a tea is
            parsed = ParsedItem(parsed.text, parsed.name, parsed.dose, "food",
                                (*parsed.notes, "read as a drink: what holds only for extracts and supplements "
                                                "does not apply"))
        if parsed.dose is not None and parsed.dose.amount is None and parsed.dose.count is not None:
            # A count read from a line with no amount may be part of a name ("Se-Natal 19 Chewable"): the
            # whole line, read as a name, wins when it names something else cleanly.
            whole = self.resolver.resolve(text, role.value)
            if (whole.status is Status.recognized and set(whole.entities) != set(res.entities)
                    and self.resolver.leftover(text, whole).clean):
                parsed, res, left = ParsedItem(text, text, None, parsed.form), whole, self.resolver.leftover(text, whole)
        # Names after the dose ("ginkgo 120 mg and St John's wort 300 mg") are parts too.
        more = parsed.dose is not None and self._names_more(parsed.dose.text, res)
        # "calcium 600 + D": on a supplement line a bare D is vitamin D (never on a drug line).
        more = more or (role is Role.supplement and bool(_BARE_D.find(text)))
        if res.status is not Status.unrecognized and left.clean and not more:
            return self._single(text, role, parsed, res)
        parts = self._slash_names(text, split_line(text), role)
        if len(parts) < 2 and res.status is Status.unrecognized:
            return self._single(text, role, parsed, res)
        return self._combination(text, role, form_hint, parts)

    def _single(self, text: str, role: Role, parsed: ParsedItem, res: Resolution) -> tuple[Item, list[Party]]:
        """A line that names one thing (or nothing known); a regimen ("FOLFOX") is read as its drugs."""
        if res.entities and all(self.kb.entities[i].kind in _NAMED_SETS for i in res.entities):
            return self._regimen(text, role, parsed, res)
        notes = [*self._read_notes(parsed, res.entities), *_conversions(res, parsed)]
        if res.brand:
            notes.insert(0, f"'{' '.join(res.brand)}' read as a brand name")
        parties = self._parties(text, parsed, res)
        if any(p.caffeine_free and CAFFEINE in self.kb.entities[p.entity].constituents for p in parties):
            notes.append("read as decaffeinated or EGCG alone: what rests on the caffeine of tea is not counted")
        skin = self._on_skin(text, role, res.entities)
        if skin:
            notes.append(skin)
            for party in parties:
                party.on_skin = route_of(text) or "topical"
        reading = Reading(notes=notes) if notes else None
        item = Item(input=text, role=role, status=res.status, match=res.match, candidates=res.candidates,
                    dose=parsed.dose, reading=reading)
        return item, parties

    def _read_notes(self, parsed: ParsedItem, entities: list[str]) -> tuple[str, ...]:
        """The line's reading notes, without the one that says a route is checked as taken by mouth when every
        drug it names is given that way in the graph (an infusion of an infused drug: its facts are for that)."""
        route = parsed.dose.route if parsed.dose is not None else None
        if not route or route == "oral" or not entities:
            return parsed.notes
        for iri in entities:
            entity = self.kb.entities[iri]
            if entity.kind != "drug" or route not in {r.strip() for r in (entity.route or "").split(",")}:
                return parsed.notes
        return tuple(n for n in parsed.notes if not n.startswith(f"route {route}:"))

    def _on_skin(self, text: str, role: Role, entities: list[str]) -> str | None:
        """A drug line for a cream, ointment or lotion of a drug whose graph entity is not used on the skin
        (tretinoin cream against oral tretinoin, fluorouracil cream against the infusion), or for an inhaled or
        nasal form of one whose graph facts are for use by mouth (an inhaler of budesonide, whose label read is
        the capsules'): the graph's facts are for the drug in the blood, which such a form gives little of.
        Its findings are kept, as minor."""
        route = route_of(text) if role is Role.drug else None
        if route not in ("topical", "inhaled") or not entities:
            return None
        routes = []
        for iri in entities:
            entity = self.kb.entities[iri]
            own = {r.strip() for r in (entity.route or "").split(",") if r.strip()}
            if entity.kind != "drug" or not own or route in own:
                return None
            routes.append(f"{entity.name} ({', '.join(sorted(own))})")
        if route == "inhaled":
            return (f"an inhaled or nasal form: the graph describes {', '.join(routes)}, not a form breathed in or "
                    "sprayed in the nose; how much reaches the blood this way is not in the graph, so findings with "
                    "this drug are shown as minor, for information: check the product")
        return (f"a form for the skin: the graph describes {', '.join(routes)}, not a form put on the skin; how "
                "much reaches the blood from the skin is not in the graph, so findings with this drug are shown "
                "as minor, for information: check the product")

    def _regimen(self, text: str, role: Role, parsed: ParsedItem, res: Resolution) -> tuple[Item, list[Party]]:
        """A named regimen (FOLFOX) is read as its drugs, a named product (Zyflamend) as its ingredients."""
        regimens = [self.kb.entities[i] for i in res.entities]
        drugs = list(dict.fromkeys(d for r in regimens for d in r.parts))
        product = any(r.kind == "product" for r in regimens)
        components, parties = [], []
        for drug in drugs:
            entity = self.kb.entities[drug]
            components.append(Component(input=entity.name, status=Status.recognized,
                                        match=Match(id=drug, name=entity.name, method="product" if product else "regimen",
                                                    score=100.0)))
            # A product's dose is the product's, not an ingredient's: its ingredients are checked undosed.
            parties.append(Party(text, drug, None, parsed.form))
        skin_notes = []
        if role is Role.drug and not product:
            # An inhaler of two drugs (Symbicort): each drug whose graph facts are for use by mouth is read as the
            # inhaled form it is here, as a line naming that drug alone would be (see _on_skin).
            for party in parties:
                skin = self._on_skin(text, role, [party.entity])
                if skin:
                    party.on_skin = route_of(text) or "topical"
                    skin_notes.append(skin)
        names = " or ".join(r.name for r in regimens)
        what = "ingredients" if product else "drugs"
        notes = [f"{names} read as {f'the {what} of each' if len(regimens) > 1 else f'its {what}'}: "
                 f"{', '.join(c.input for c in components)}", *parsed.notes, *skin_notes]
        # A product family whose contents vary ("digestive enzymes"), or a compounded set ("magic mouthwash"), says
        # so, and what to check.
        notes += [r.definition for r in regimens if r.definition]
        item = Item(input=text, role=role, status=res.status, match=res.match, candidates=res.candidates,
                    dose=parsed.dose, components=components, reading=Reading(notes=notes))
        return item, parties

    def _slash_names(self, text: str, parts: list[str], role: Role) -> list[str]:
        """Parts the split took apart at a slash that together are one name ("necitumumab + gem/cis": gem/cis is
        gemcitabine with cisplatin): joined again where neither reads alone and the whole is recognised."""
        if "/" not in text or len(parts) < 2:
            return parts
        out: list[str] = []
        for part in parts:
            if out:
                joined = f"{out[-1]}/{part}"
                if (joined in text and self.resolver.resolve(out[-1], role.value).status is Status.unrecognized
                        and self.resolver.resolve(part, role.value).status is Status.unrecognized
                        and self.resolver.resolve(joined, role.value).status is Status.recognized):
                    out[-1] = joined
                    continue
            out.append(part)
        return out

    def _combination(self, text: str, role: Role, form_hint: str | None,
                     parts: list[str]) -> tuple[Item, list[Party]]:
        """A line that names several things: each part is read on its own, and nothing is ignored."""
        components: list[Component] = []
        parties: list[Party] = []
        unread: list[str] = []
        notes: list[str] = []
        if len(parts) > MAX_PARTS:
            unread.append(_clip(", ".join(parts[MAX_PARTS:])))
            notes.append(f"only the first {MAX_PARTS} parts of the line were read")
            parts = parts[:MAX_PARTS]
        for part in parts:
            first = part.split(maxsplit=1)[0].casefold() if part.split() else ""
            if first in NEGATIONS:
                # "imatinib 400 mg daily, avoid grapefruit": an instruction, not a product taken.
                notes.append(f"'{_clip(part)}' was read as an instruction, not as a product taken, and not checked")
                continue
            parsed = parse_item(part, form_hint)
            res = self.resolver.resolve(parsed.name, role.value)
            left = self.resolver.leftover(parsed.name, res)
            notes.extend(self._read_notes(parsed, res.entities))
            notes.extend(_conversions(res, parsed))
            components.append(Component(input=part, status=res.status, match=res.match, candidates=res.candidates,
                                        dose=parsed.dose))
            if res.status is Status.unrecognized:
                unread.append(part)
                continue
            if res.entities and all(self.kb.entities[i].kind in _NAMED_SETS for i in res.entities):
                # A regimen or product: its drugs; what follows its name in the part is read as for any name
                # ("Biktarvy warfarin": warfarin too, never dropped).
                sub_item, sub_parties = self._regimen(text, role, parsed, res)
                components += sub_item.components
                parties += sub_parties
                if sub_item.reading is not None:
                    notes.extend(sub_item.reading.notes)
            else:
                parties += self._parties(text, parsed, res)
            after_dose = self._other_names(parsed.dose.text, res) if parsed.dose else []
            for words, ids in [*left.others, *after_dose]:
                other = self._decide(ids, role)
                components.append(Component(input=words, status=other.status, match=other.match,
                                            candidates=other.candidates))
                parties += self._parties(text, parsed, other, dosed=False)
            unread += left.unread
        unread, product = _product_name(text, unread, components)
        if product:
            notes.append(f"'{product}' read as a product name: its ingredients are the ones listed")
        if re.search(r"\.\.\.|…|\betc\b", text):
            unread.append("ingredients the line leaves out ('...')")
        read = [c for c in components if c.status is not Status.unrecognized]
        if not read:
            status = Status.unrecognized
        elif any(c.status is Status.ambiguous for c in read):
            status = Status.ambiguous
        else:
            status = Status.recognized
        if unread:
            notes.append("read only in part: " + "; ".join(f"'{u}'" for u in unread) + " named nothing the graph "
                         "knows and was not checked")
        reading = Reading(unread=unread, notes=list(dict.fromkeys(notes)))
        item = Item(input=text, role=role, status=status, components=components, reading=reading,
                    candidates=[c for comp in components if comp.status is Status.unrecognized
                                for c in comp.candidates][:5])
        return item, parties

    def _names_more(self, dose_text: str, res: Resolution) -> bool:
        """Whether a line's dose text names another part: a separator with a second part after it, or a name
        of another entity. Text with no separator and no word that begins a name names nothing."""
        if not has_separator(dose_text):
            heads = self.kb.name_heads
            if not any(w in heads for w in normalize(dose_text).split()):
                return False
        return len(split_line(dose_text)) > 1 or bool(self._other_names(dose_text, res))

    def _other_names(self, text: str, res: Resolution) -> list[tuple[str, list[str]]]:
        """Entities named in a dose text other than the one the line names ("d-alpha tocopherol" is vitamin E)."""
        mine = set(res.entities)
        return [(words, ids) for words, ids in self.resolver.names_in(text).others if mine.isdisjoint(ids)]

    def _decide(self, ids: list[str], role: Role) -> Resolution:
        return self.resolver._decide(ids, "normalized", 100.0, role.value)

    def _parties(self, text: str, parsed: ParsedItem, res: Resolution, dosed: bool = True) -> list[Party]:
        if res.status is Status.unrecognized:
            return []
        parties = []
        dose = parsed.dose if dosed else None
        for iri in res.entities:
            assumption = None
            if res.status is Status.ambiguous and len(res.entities) == 1:
                assumption = (f"'{parsed.name}' is not a name the graph knows exactly: this finding assumes the "
                              f"closest name, {self.kb.name_of(iri)}; check that it is what the patient takes")
            elif res.status is Status.ambiguous:
                others = ", ".join(self.kb.name_of(i) for i in res.entities if i != iri)
                assumption = (f"'{parsed.name}' is ambiguous: this finding assumes {self.kb.name_of(iri)} "
                              f"(also possible: {others})")
            parties.append(Party(text, iri, dose, parsed.form, assumption, caffeine_free=caffeine_free(text),
                                 smoked=smoked(text) if self.reasoner.has_form(iri, "smoked") else None))
        return parties

    # ------------------------------------------------------------------ reasoning
    def _pairs(self, supps: list[Party], drugs: list[Party], contexts: list[str]) -> list[_Pair]:
        pairs = []
        seen_advisory: set[tuple[str, str]] = set()
        band = self.reasoner.band
        key = tuple(band(d) for d in drugs)  # what a drug offers depends on its band alone (see _drug_reach)
        index = self._indexes.get(key)
        if index is None:
            if len(self._indexes) > 5_000:
                self._indexes.clear()
            index = self._indexes[key] = _ReachIndex([self._drug_reach(d) for d in drugs])
        for s in supps:
            for n in index.drugs_for(s.entity, self._supp_reach(s)):
                d = drugs[n]
                chains = self._pair_chains(s, d)
                if chains and d.on_skin:
                    chains = [_on_skin(c, d.on_skin) for c in chains]
                if chains:
                    pairs.append(_Pair(s, d, None, chains))
            for c in dict.fromkeys(contexts):
                pair = _Pair(s, None, c)
                curated, _ = self.reasoner.curated(s, None, c)
                pair.chains = [ch for ch in (self.reasoner.curated_chain(ix, s, None) for ix in curated) if ch]
                if not any(ix.severity == "none" for ix in curated):
                    pair.chains += [ch for _, ch in self.reasoner.rules(s, None, c)]
                pairs.append(pair)
            if (s.input, s.entity) not in seen_advisory:
                seen_advisory.add((s.input, s.entity))
                advisories, _ = self.reasoner.curated(s, None, None)
                for ix in advisories:
                    chain = self.reasoner.curated_chain(ix, s)
                    if chain:
                        pairs.append(_Pair(s, None, None, [chain]))
        return pairs

    def _pair_chains(self, s: Party, d: Party) -> list[Chain]:
        """The chains of a (supplement item, drug) pair: a pure function of the graph, so remembered."""
        key = (s.band or self.reasoner.band(s), d.entity)
        found = self._pair_memo.get(key)
        if found is None:
            if len(self._pair_memo) > 200_000:
                self._pair_memo.clear()
            found = self._pair_memo[key] = self._compute_pair_chains(s, d)
        return list(found)

    def _supp_reach(self, s: Party) -> tuple[frozenset, frozenset, frozenset, frozenset]:
        """What a supplement item can meet in a drug: drugs and classes its curated entries name, targets it
        modulates, targets it is a substrate of, and the drug properties its rules pair with."""
        def compute():
            named: set[str] = set()
            for ix in self.kb.interactions_by_supplement.get(s.entity, ()):
                if ix.context is None:
                    named.update(ix.drugs)
                    named.update(ix.classes)
            modulated = frozenset(c.target for c, _n, _c in self.reasoner.effective_modulations(s))
            substrate = frozenset(r.target for r in self.kb.substrates.get(s.entity, ()))
            rules = self.reasoner._remember(("rules", s.band or self.reasoner.band(s)),
                                            lambda: self.reasoner._candidate_rules(s))
            partners = frozenset(p for rule, _claim in rules for p in rule.drug_properties)
            return frozenset(named), modulated, substrate, partners
        return self.reasoner._remember(("reach", s.band or self.reasoner.band(s)), compute)

    def _drug_reach(self, d: Party) -> tuple[frozenset, frozenset, frozenset, frozenset, frozenset]:
        """What a drug offers a supplement: itself and its classes, the targets it is a substrate of, those it
        modulates, its properties, and the products and perpetrator targets its label speaks of."""
        def compute():
            kb = self.kb
            own = frozenset({d.entity, *kb.class_closure.get(d.entity, ())})
            substrate = frozenset(r.target for r in kb.substrates.get(d.entity, ()))
            modulated = frozenset(c.target for c, _n, _c in self.reasoner.effective_modulations(d, d.entity))
            props = frozenset(self.reasoner.drug_properties(d.entity))
            label = frozenset(x for li in kb.label_instructions.get(d.entity, ()) for x in (*li.products, li.target) if x)
            return own, substrate, modulated, props, label
        return self.reasoner._remember(("reach", d.band or self.reasoner.band(d)), compute)

    def _may_interact(self, s: Party, d: Party) -> bool:
        """False only when no curated entry, label instruction, enzyme chain or rule can join the pair."""
        return _reaches(s.entity, self._supp_reach(s), self._drug_reach(d))

    def _compute_pair_chains(self, s: Party, d: Party) -> list[Chain]:
        curated, specific = self.reasoner.curated(s, d.entity, None)
        if curated:
            curated = self._closest_class_speaks(curated, s, d.entity)
            chains = [ch for ch in (self.reasoner.curated_chain(ix, s, d.entity) for ix in curated) if ch]
        else:
            chains = []
        label = self.reasoner.label_chains(s, d)
        chains += label
        # Per kind of concern: an entry curated for this drug, or a curated "none", speaks for its kind, and
        # inference of that kind adds nothing; the other kinds are still reasoned (a curated exposure entry
        # does not hide an additive-sedation or serotonergic rule).
        silenced = {ix.kind for ix in curated if ix.severity == "none" or (specific and d.entity in ix.drugs)} \
            if curated else _NOTHING
        if "pharmacokinetic" not in silenced:
            # The label speaks for the pathways it names (a named product: for the whole pair).
            if not label:
                chains += self.reasoner.pharmacokinetic(s, d)
            else:
                exposure = [c for c in label if c.kind == "pharmacokinetic"]
                inferred = self.reasoner.pharmacokinetic(s, d)
                if any(c.instruction == "monitor" for c in exposure):
                    stricter = [*inferred, *(c for c in chains if c.tier == 1 and c.kind == "pharmacokinetic")]
                    if stricter:
                        exposure = _monitor_is_a_floor(chains, exposure, stricter)
                spoken = {m[0] for c in exposure if c.tier for m in c.mechanisms}
                if not any(not c.mechanisms for c in exposure if c.tier):
                    chains += [c for c in inferred if not {m[0] for m in c.mechanisms} & spoken]
        chains += [ch for _, ch in self.reasoner.rules(s, d, None) if ch.kind not in silenced]
        if curated and any(ix.severity == "none" and d.entity in ix.drugs for ix in curated):
            # A human study of this very pair found nothing relevant: inference of another kind that rests
            # only on laboratory data or reasoning does not speak over it.
            chains = [c for c in chains if c.basis != "inferred" or c.evidence not in ("preclinical", "theoretical")]
        return chains

    def _closest_class_speaks(self, curated: list, s: Party, drug: str) -> list:
        """A curated "none" for the drug's closer class silences entries of its kind for broader classes
        (no effect with insulin outranks a minor entry for antidiabetic drugs as a whole)."""
        nones = [ix for ix in curated if ix.severity == "none" and drug not in ix.drugs and ix.classes
                 and applies(ix.conditions, s)[0]]
        if not nones:
            return curated
        distance = self.kb.class_distance(drug)

        def closest(ix) -> int:
            return min((distance[c] for c in ix.classes if c in distance), default=99)

        floor: dict[str, int] = {}
        for ix in nones:
            floor[ix.kind] = min(floor.get(ix.kind, 99), closest(ix))
        return [ix for ix in curated if drug in ix.drugs or not ix.classes or ix.kind not in floor
                or ix.severity == "none" or closest(ix) <= floor[ix.kind]]

    def _cumulative(self, pairs: list[_Pair], supps: list[Party], drugs: list[Party], contexts: list[str]) -> None:
        """Several supplements adding to one concern: name them all; three or more that count raise it.

        A supplement counts toward the raise only when its effect rests on clinical or case-report
        evidence and applies at the dose given; one whose dose is unknown is named, with a note.
        """
        if len(supps) < 2:
            return
        holders: dict[str, set[int]] = {}  # each property, the supplements (by position) that hold it
        for n, s in enumerate(supps):
            for prop in self.reasoner.supplement_properties(s):
                holders.setdefault(prop, set()).add(n)
        index = None
        for rule in self.kb.rules:
            if not rule.cumulative:
                continue
            held_by = [holders[p] for p in rule.supplement_properties if p in holders]
            members = set().union(*held_by)
            if len(members) < 2:
                continue
            if index is None:
                index = {(p.supp.input, p.supp.entity, p.drug.input if p.drug else None, p.context): p for p in pairs}
            standing = {s.key: self._standing(s, rule) if n in members else None for n, s in enumerate(supps)}
            with_prop = [s for s in supps if standing[s.key] is not None]
            names = list(dict.fromkeys(self.kb.name_of(s.entity) + standing[s.key] for s in with_prop))
            if len(names) < 2:
                continue
            counted = {self.kb.name_of(s.entity) for s in with_prop if standing[s.key] == ""}
            partners: list[tuple[str | None, str | None]] = []
            for d in drugs:
                if d.on_skin:
                    continue  # a form for the skin adds little to a systemic concern (see _on_skin)
                if not self.reasoner.drug_properties(d.entity).keys().isdisjoint(rule.drug_properties):
                    partners.append((d.input, None))
            partners += [(None, c) for c in contexts if c in rule.contexts]
            concern = ", ".join(self.kb.name_of(p) for p in rule.supplement_properties)
            note = f"{len(names)} supplements in this regimen add to the same concern ({concern}): {', '.join(names)}"
            for drug_input, ctx in partners:
                for s in with_prop:
                    pair = index.get((s.input, s.entity, drug_input, ctx))
                    if pair is None or not pair.chains:
                        continue
                    if len(counted) >= 3 and standing[s.key] == "":
                        pair.bump = True
                    if note not in pair.notes:
                        pair.notes.append(note)

    def _standing(self, s: Party, rule) -> str | None:
        """None: no such effect at this dose; "": counts; else the reason it is only named."""
        props = self.reasoner.supplement_properties(s)
        hits = [props[p] for p in rule.supplement_properties if p in props]
        if not hits:
            return None
        claim, note = max(hits, key=lambda h: LEVELS.index(h[0].evidence))
        if claim.evidence not in ("clinical", "case-report"):
            return f" ({claim.evidence} only)"
        if note and "applies at" in note:
            return " (dose not known: not counted)"
        return ""

    def _curated_concern(self, pair: _Pair, chain: Chain) -> str | None:
        """The concern a curated effect entry speaks to ("fish oil with BTK inhibitors: added bleeding risk" is
        bleeding): that of the rule joining a property the graph gives the supplement (at any dose) to one of
        the drug's, when exactly one rule does."""
        if chain.basis != "curated" or chain.kind != "pharmacodynamic" or pair.drug is None:
            return None
        reasoner, supp = self.reasoner, pair.supp.entity

        def rules_of_supplement() -> list:
            by_property = reasoner._rules_by_property
            rules = {id(r): r for c in self.kb.properties_of(supp) if c.property
                     for r in by_property.get(c.property, ()) if r.cumulative}
            return [(rule, reasoner._rule_words.get(id(rule), ("", concern_of(self.kb, rule)))[1])
                    for rule in rules.values()]
        rules = reasoner._fact(("concern rules", supp), rules_of_supplement)
        if not rules:
            return None
        drug_props = reasoner.drug_properties(pair.drug.entity)
        found = {concern for rule, concern in rules if any(p in drug_props for p in rule.drug_properties)}
        return found.pop() if len(found) == 1 else None

    def _concerns(self, built: list[tuple[_Pair, Finding | None]]) -> list[Concern]:
        """One group per concern that two or more supplements add to with the same drug or context."""
        groups: dict[tuple[str, str | None, str | None], list[tuple[_Pair, Finding, Chain]]] = {}
        for pair, finding in built:
            if finding is None:
                continue
            # A rule's chain names its concern; a curated effect entry joins the concern of its kind when no rule
            # chain of the pair speaks for it.
            named = [(chain.concern, chain) for chain in pair.chains if chain.concern]
            if not named:
                named = [(c, chain) for chain in pair.chains for c in (self._curated_concern(pair, chain),) if c]
            for concern, chain in named:
                if concern:
                    key = (concern, pair.drug.input if pair.drug else None, pair.context)
                    members = groups.setdefault(key, [])
                    if not any(m[0] is pair for m in members):
                        members.append((pair, finding, chain))
        out = []
        for (concern, _drug, context), members in groups.items():
            if len({m[0].supp.entity for m in members}) < 2:
                continue
            # The most severe member speaks; among equals, one whose rule speaks for the group as a whole.
            worst = max(members, key=lambda m: (m[1].severity.rank, m[2].rule_management is not None))
            pair = worst[0]
            contributors = [self._contributor(m[0].supp, Role.supplement) for m in members]
            if pair.drug:
                contributors.append(self._contributor(pair.drug, Role.drug))
            out.append(Concern(concern=concern, severity=worst[1].severity, drug=worst[1].drug,
                               context=_context_id(context), context_label=self.kb.name_of(context) if context else None,
                               contributors=contributors,
                               management=worst[2].rule_management or worst[1].management,
                               findings=[m[1].title for m in members]))
        return sorted(out, key=lambda c: (-c.severity.rank, c.concern, c.drug.name if c.drug else c.context or ""))

    # ------------------------------------------------------------------ output
    def _finding(self, pair: _Pair) -> Finding | None:
        """The finding of a pair; its chains are a pure function of the items, so it is remembered."""
        if not pair.chains:
            return None
        d = pair.drug
        band = self.reasoner.band
        key = (band(pair.supp), pair.supp.input, pair.supp.assumption, band(d) if d else None, d.input if d else None,
               d.assumption if d else None, pair.context, tuple(pair.notes), pair.bump, len(pair.chains))
        found = self._finding_memo.get(key)
        if found is None:
            if len(self._finding_memo) > 100_000:
                self._finding_memo.clear()
            found = self._finding_memo[key] = self._build_finding(pair)
        return found

    def _build_finding(self, pair: _Pair) -> Finding | None:
        if len(pair.chains) == 1:
            top = pair.chains[0]
            chains = pair.chains
        else:
            top = headline(pair.chains)
            chains = [top, *sorted((c for c in pair.chains if c is not top), key=lambda c: (c.tier, *c.rank),
                                   reverse=True)]
        # The cumulative rule raises only well-evidenced chains, and never a theoretical one to major.
        bump = pair.bump and top.evidence in ("clinical", "case-report") and top.severity < 2
        severity = top.severity + (1 if bump else 0)
        notes = [*top.notes, *pair.notes]
        if bump:
            notes.append("severity raised one step for the cumulative risk (three or more supplements with "
                         "clinical or case-report evidence at the doses given)")
        if pair.supp.assumption:
            notes.insert(0, pair.supp.assumption)
        if pair.drug and pair.drug.assumption:
            notes.insert(0, pair.drug.assumption)
        if len(chains) == 1:
            mechanisms, source_ids = dict.fromkeys(top.mechanisms), dict.fromkeys(top.sources)
        else:
            for other in chains[1:]:
                notes.append(f"also: {other.title} ({SEVERITIES[other.severity]}, {other.evidence}, {other.basis})")
            mechanisms = dict.fromkeys(m for c in chains for m in c.mechanisms)
            source_ids = dict.fromkeys(s for c in chains for s in c.sources)
        known = self._sources
        sources = [x for x in (known.get(i) or self._source(i) for i in source_ids) if x is not None]
        if not sources:
            return None  # a finding without a source cannot be shown (the graph validator forbids it)
        if len(sources) > 1:
            sources.sort(key=_unindexed)
        summaries = (top.summary or "",) if len(chains) == 1 else dict.fromkeys(c.summary for c in chains if c.summary)
        return Finding(
            severity=_SEVERITY[severity], title=top.title,
            supplement=self._ref(pair.supp), drug=self._ref(pair.drug) if pair.drug else None,
            context=_context_id(pair.context), context_label=self.kb.name_of(pair.context) if pair.context else None,
            kind=_KIND[top.kind], mechanisms=[self._mechanism(m) for m in mechanisms],
            effect=top.effect, management=top.management,
            evidence=Evidence(level=_LEVEL[top.evidence], basis=_BASIS[top.basis], summary=" ".join(summaries),
                              sources=sources),
            notes=list(dict.fromkeys(notes)), alternatives=self._alternatives(pair))

    def _alternatives(self, pair: _Pair) -> list[Alternative]:
        if pair.supp.entity not in self.kb.alternatives:
            return []
        out = []
        for alt in self.kb.alternatives_for(pair.supp.entity, pair.drug.entity if pair.drug else None, pair.context):
            found = self._alternative_records.get(id(alt))
            if found is None or found[0] is not alt:
                sources = [x for x in map(self._source, alt.sources) if x is not None]
                record = Alternative(text=alt.text, evidence=alt.evidence, sources=sources) if sources else None
                found = self._alternative_records[id(alt)] = (alt, record)
            if found[1] is not None:
                out.append(found[1])
        return out

    def _contributor(self, party: Party, role: Role) -> Contributor:
        ref = self._ref(party)
        return Contributor(input=ref.input, id=ref.id, name=ref.name, role=role)

    def _ref(self, party: Party) -> ItemRef:
        key = (party.input, party.entity)
        ref = self._refs.get(key)
        if ref is None:
            if len(self._refs) > 50_000:
                self._refs.clear()
            ref = self._refs[key] = ItemRef(input=party.input, id=party.entity, name=self.kb.name_of(party.entity))
        return ref

    def _summary(self, items: list[Item], findings: list[Finding]) -> Summary:
        counts = {s: 0 for s in ("major", "moderate", "minor")}
        for f in findings:
            counts[f.severity._value_] += 1
        highest = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
        not_checked = [i.input for i in items
                       if i.status is Status.unrecognized or (i.reading is not None and i.reading.unread)]
        drugs = sum(1 + max(len(i.components) - 1, 0) for i in items if i.role is Role.drug and i.status is not
                    Status.unrecognized)
        return Summary(highest_severity=highest, counts=counts, not_checked=not_checked,
                       coverage=COVERAGE.format(version=self.kb.version), drug_drug=drug_drug_line(drugs))


_NOTHING: frozenset = frozenset()
_TEA = lazy_re(r"\bteas?\b", re.IGNORECASE)
_DRINK = lazy_re(r"\b(?:lattes?|(?:golden|turmeric) milk)\b", re.IGNORECASE)
_PAUSE_FROM = 40  # items: a regimen this long makes thousands of records in one go
_pause_lock = _thread.allocate_lock()  # not threading's: a command's start does not load threading for it
_pause = {"depth": 0, "was_enabled": False}


def _pause_collector(items: int) -> bool:
    """Pause the cycle collector for a long check, and say whether it did: the check makes thousands of small
    records and no reference cycles, and a collection in the middle of it would walk the whole graph's records
    for nothing (about a tenth of a 140 x 140 check). Nested and concurrent checks share one pause; the last
    one out (`_resume_collector`) restores the collector as it found it."""
    if items < _PAUSE_FROM:
        return False
    with _pause_lock:
        if _pause["depth"] == 0:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _pause["depth"] += 1
    return True


def _resume_collector() -> None:
    with _pause_lock:
        _pause["depth"] -= 1
        if _pause["depth"] == 0 and _pause["was_enabled"]:
            gc.enable()


_SEVERITY = [Severity(s) for s in SEVERITIES]
_BASIS = {b.value: b for b in Basis}
_KIND = {k.value: k for k in Kind}
_LEVEL = {e.value: e for e in EvidenceLevel}


def _unindexed(source: Source) -> bool:
    """Sources with a PubMed record first (a stable sort keeps the chains' order otherwise)."""
    return source.pmid is None


CAFFEINE = "https://w3id.org/suppcheck/constituent/caffeine"
_CAFFEINE_FREE_WORDS = lazy_re(r"\bcaffeine[- ]free\b", re.IGNORECASE)
_CAFFEINE_FREE = lazy_re(r"\b(?:decaf(?:feinated)?|caffeine[- ]free|egcg|epigallocatechin(?:[- ]3)?[- ]gallate)\b",
                            re.IGNORECASE)


_SMOKE_WORDS: list[re.Pattern] = []  # compiled on first use: only a product whose facts rest on smoke asks


def smoked(text: str) -> bool | None:
    """Whether a line says its product is smoked (True), names a form that is not (False), or says neither.
    Claims that rest on smoke (`sc:form "smoked"`: smoke induces CYP1A2) apply only when it may be smoked."""
    if not _SMOKE_WORDS:
        _SMOKE_WORDS[:] = [
            re.compile(r"\b(?:smok\w*|joints?|blunts?|spliffs?|pipe|cigarettes?|cigars?)\b", re.IGNORECASE),
            re.compile(r"\b(?:oils?|edibles?|gumm(?:y|ies)|capsules?|caps|softgels?|tinctures?|drops|tablets?|"
                       r"sprays?|lozenges?|chocolates?|brownies?|cookies?|candy|candies|beverages?|drinks?|tea|"
                       r"vape|vaped|vaping|vapori[sz]ed|vaporizer|topical|cream|balm|lotion|salve)\b", re.IGNORECASE)]
    if _SMOKE_WORDS[0].search(text):
        return True
    if _SMOKE_WORDS[1].search(text):
        return False
    return None


def caffeine_free(text: str) -> bool:
    """Whether a line says its product has next to no caffeine: decaffeinated, caffeine-free, or EGCG alone.
    Claims that rest on the caffeine of tea (`sc:form "caffeinated"`) do not apply to it."""
    return bool(_CAFFEINE_FREE.search(text))


def _on_skin(chain: Chain, route: str = "topical") -> Chain:
    """A chain of a drug put on the skin, or inhaled, whose graph facts are for the drug in the blood: minor, with
    why."""
    new = copy.copy(chain)
    new.severity = 0
    form = "an inhaled or nasal form" if route == "inhaled" else "a form for the skin"
    new.notes = [*chain.notes, f"shown as minor: the line names {form}, and the graph's facts are for "
                               "the drug taken by mouth or by infusion"]
    return new


class _ReachIndex:
    """The regimen's drugs by what they offer a supplement (see `_reaches`): the drugs a supplement can meet
    are found by looking up what it brings, not by trying it against every drug."""

    __slots__ = ("own", "substrate", "modulated", "props", "label")

    def __init__(self, reaches: list[tuple]) -> None:
        self.own: dict = {}
        self.substrate: dict = {}
        self.modulated: dict = {}
        self.props: dict = {}
        self.label: dict = {}
        for n, (own, substrate, modulated, props, label) in enumerate(reaches):
            for table, keys in ((self.own, own), (self.substrate, substrate), (self.modulated, modulated),
                                (self.props, props), (self.label, label)):
                for key in keys:
                    table.setdefault(key, []).append(n)

    def drugs_for(self, supp: str, s_reach: tuple) -> list[int]:
        """Indexes of the drugs the supplement can meet, in regimen order: the same as `_reaches` for each."""
        named, s_mod, s_sub, partners = s_reach
        found: set[int] = set()
        for table, keys in ((self.own, named), (self.substrate, s_mod), (self.modulated, s_sub),
                            (self.props, partners), (self.label, s_mod)):
            if len(keys) < len(table):
                for key in keys:
                    hit = table.get(key)
                    if hit:
                        found.update(hit)
            else:
                for key, hit in table.items():
                    if key in keys:
                        found.update(hit)
        hit = self.label.get(supp)
        if hit:
            found.update(hit)
        return sorted(found)


def _monitor_is_a_floor(chains: list[Chain], exposure: list[Chain], stricter: list[Chain]) -> list[Chain]:
    """A label that asks only to monitor does not lower what the graph otherwise gives on its pathway: where an
    inferred chain, or a curated entry for the drug's class, on the pathway the label speaks of (or, for a product
    the label names, on any pathway) is stricter, the label's chain steps back to the inferred tier, so the
    stricter chain heads the finding and the label's words stay among its notes. A label that says no dose
    adjustment is needed still speaks over inference, and so does every stricter instruction."""
    out = []
    for c in exposure:
        if c.instruction == "monitor":
            pathways = {m[0] for m in c.mechanisms}
            if any(i.severity > c.severity and (not pathways or {m[0] for m in i.mechanisms} & pathways)
                   for i in stricter):
                stepped = copy.copy(c)
                stepped.tier = 0
                chains[next(n for n, x in enumerate(chains) if x is c)] = stepped
                c = stepped
        out.append(c)
    return out


def _reaches(supp: str, s_reach: tuple, d_reach: tuple) -> bool:
    """Whether a curated entry, a label instruction, an enzyme chain or a rule can join the pair; the test
    suite holds this against every pair of the graph."""
    named, s_mod, s_sub, partners = s_reach
    own, d_sub, d_mod, props, label = d_reach
    return bool(named & own or s_mod & d_sub or d_mod & s_sub or partners & props or supp in label or s_mod & label)


def headline(chains: list[Chain]) -> Chain:
    """The chain that speaks for a pair.

    Per kind of concern, the most specific evidence speaks: curated for this drug, then its label,
    then curated for its class, then inference; the label outranks a curated entry only when it is
    more severe (the prescribing information sets the floor), and a label's word on a product's effect
    (pharmacodynamic) outranks a curated class entry only then too. Across kinds, the most severe speaks.
    """
    if len(chains) == 1:
        return chains[0]
    by_kind: dict[str, dict[int, tuple[tuple, Chain]]] = {}
    for c in chains:  # per kind and tier, the first chain of the highest (specificity, rank)
        tiers = by_kind.setdefault(c.kind, {})
        key = (c.specificity, *c.rank)
        held = tiers.get(c.tier)
        if held is None or key > held[0]:
            tiers[c.tier] = (key, c)
    winners = []
    for kind, tiers in by_kind.items():
        best = {t: held[1] for t, held in tiers.items()}
        if 3 in best and 2 in best and best[2].severity > best[3].severity:
            winners.append(best[2])
        elif kind == "pharmacodynamic" and 3 not in best and 2 in best and 1 in best and \
                best[1].severity >= best[2].severity:
            # A label's word on a product's effect ("check the INR with botanicals") is a floor: a curated
            # class entry that is as strict says more (what was seen, how often, what to do).
            winners.append(best[1])
        else:
            winners.append(best[max(best)])
    return max(winners, key=lambda c: (c.severity, c.tier, LEVELS.index(c.evidence)))


def _product_name(text: str, unread: list[str], components: list[Component]) -> tuple[list[str], str | None]:
    """Words before a bracketed list of two or more known ingredients name the product, not a missed one."""
    inside = " ".join(re.findall(r"\(([^()]*)\)", text))
    if not unread or not inside:
        return unread, None
    listed = [c for c in components if c.match and normalize(c.match.name) in normalize(inside)
              or normalize(c.input) in normalize(inside)]
    if len(listed) < 2:
        return unread, None
    outside = set(normalize(re.sub(r"\([^()]*\)", " ", text)).split())
    product = [u for u in unread if set(u.split()) <= outside]
    return [u for u in unread if u not in product], " ".join(product) or None


def _conversions(res: Resolution, parsed: ParsedItem) -> list[str]:
    """Unit conversions that depend on the nutrient's form, stated on the item that uses them."""
    dose = parsed.dose
    if dose is None or dose.amount is None or dose.unit not in ("mg", "mcg", "IU", "g") or len(res.entities) != 1:
        return []
    if res.entities[0] == FISH_OIL:
        found = nutrient_convert(FISH_OIL, dose.amount, dose.unit, "g", dose.text)
        return [found[1]] if found else ["fish-oil thresholds are grams of EPA+DHA; the line gives the oil's "
                                         "weight, which holds less: compared as written, so it may over-warn"]
    for to in ("IU", "mg", "mcg"):
        if to != dose.unit or "dfe" in dose.text.lower():
            found = nutrient_convert(res.entities[0], dose.amount, dose.unit, to, dose.text)
            if found is not None:
                return [found[1]]
    return []


def _as_list(value: object, argument: str) -> list:
    """A string where a list is expected is one item; None is no items; other types are an input error."""
    if value is None:
        return []
    if isinstance(value, (str, RegimenEntry, dict)):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    raise InputError(f"expected a list of names, not {type(value).__name__}", where=argument)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"expected a name (text), not {type(value).__name__}", where=argument)
    if not value.isascii() and _SURROGATE.search(value):
        raise InputError("the text holds a lone surrogate, which is not valid Unicode", where=argument)
    return value


def _entries(value: object, argument: str) -> list[str | RegimenEntry]:
    out: list[str | RegimenEntry] = []
    for n, entry in enumerate(_as_list(value, argument)):
        where = f"{argument}[{n}]"
        if isinstance(entry, RegimenEntry):
            out.append(entry)
        elif isinstance(entry, dict):
            from pydantic import ValidationError  # validation of mappings only: not on the plain-text path

            try:
                out.append(RegimenEntry.model_validate(entry))
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors())
                raise InputError("a mapping entry needs a non-empty 'name' and may have 'dose' and 'form' "
                                 f"({problems[:200]})", where=where) from None
        else:
            out.append(_text(entry, where))
    return out


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SEVERITY_ORDER = {"major": -2, "moderate": -1, "minor": 0}  # -Severity.rank
_LEVEL_ORDER = {level: -n for n, level in enumerate(LEVELS)}


def _order(f: Finding) -> tuple:
    return (_SEVERITY_ORDER[f.severity._value_], _LEVEL_ORDER[f.evidence.level._value_], f.supplement.name.lower(),
            (f.drug.name.lower() if f.drug else ""), f.context or "", f.title)


_default: Checker | None = None


def default_checker() -> Checker:
    """The process-wide checker over the bundled graph, built on first use."""
    global _default
    if _default is None:
        _default = Checker()
    return _default
