"""Evidence chains for one supplement and one drug or context: curated, pharmacokinetic, pharmacodynamic."""

from __future__ import annotations

from collections import defaultdict

from suppcheck.dosing import amount_in_unit, convert, nutrient_convert
from suppcheck.kb import Claim, Conditions, Interaction, KnowledgeBase, LabelInstruction, Rule
from suppcheck.models import Dose
from suppcheck.structs import field, record

SEVERITIES = ("minor", "moderate", "major")
LEVELS = ("theoretical", "preclinical", "case-report", "clinical")
STRENGTHS = ("unknown", "weak", "moderate", "strong")
# Modulator strength x substrate sensitivity -> severity index (None: no finding). FDA categories:
# a strong inhibitor raises a sensitive substrate's AUC >= 5-fold, a moderate one 2-5-fold.
PK_TABLE: dict[tuple[str, str], int | None] = {
    ("strong", "sensitive"): 2, ("strong", "moderate"): 1, ("strong", "minor"): 0,
    ("moderate", "sensitive"): 1, ("moderate", "moderate"): 1, ("moderate", "minor"): 0,
    ("weak", "sensitive"): 0, ("weak", "moderate"): 0, ("weak", "minor"): None,
    ("unknown", "sensitive"): 0, ("unknown", "moderate"): 0, ("unknown", "minor"): None,
}


@record
class Party:
    """One side of a pair: a regimen item resolved to one entity."""

    input: str
    entity: str
    dose: Dose | None = None
    form: str | None = None
    assumption: str | None = None
    on_skin: bool | str = False  # the route ("topical", "inhaled") of a drug line whose graph entity is not used so
    caffeine_free: bool = False  # a line that says decaffeinated, caffeine-free or EGCG: no caffeine to speak of
    smoked: bool | None = None  # the line says smoked (True), a form that is not smoked (False: oil, edible), or neither
    key: tuple = field(init=False, repr=False)
    # What the reasoning over this item depends on (see PairReasoner.band); set on first use.
    band: tuple | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        d = self.dose
        self.key = (self.entity, self.form, (d.amount, d.unit, d.per_day) if d is not None else None,
                    self.caffeine_free)


@record
class Chain:
    """One line of reasoning from graph facts to a concern."""

    severity: int
    kind: str
    basis: str
    evidence: str
    title: str
    effect: str
    management: str
    summary: str
    sources: list[str]
    mechanisms: list[tuple[str, str, str | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Precedence: 3 curated for this drug (or this context), 2 the drug's label, 1 curated for its class,
    # 0 inferred. Within a kind of concern the highest tier speaks, whatever the lower tiers say.
    tier: int = 0
    specificity: int = 0  # within a tier: a class entry for the drug's own class beats one for a broader class
    concern: str | None = None  # what a pharmacodynamic or context rule adds to (bleeding, sedation ...)
    rule_management: str | None = None
    instruction: str | None = None  # a label's chain: what the label says to do (avoid, monitor ...)

    @property
    def rank(self) -> tuple[int, int, int]:
        return (self.severity, LEVELS.index(self.evidence), 1 if self.basis == "curated" else 0)


def applies(cond: Conditions, party: Party) -> tuple[bool, str | None]:
    """Whether a claim's dose and form conditions hold for this item, and what to say when unsure."""
    notes = []
    if cond.form == "caffeinated" and party.caffeine_free:
        return False, None  # the claim rests on the caffeine a decaffeinated or EGCG-only product lacks
    if cond.form == "smoked":
        if party.smoked is False:
            return False, None  # the claim rests on smoke, which an oil, an edible or a capsule does not give
        if party.smoked is None:
            notes.append("applies when the product is smoked (the effect comes from the smoke), not to oils, "
                         "edibles or capsules")
    if cond.form == "extract":
        if party.form == "food":
            return False, None
        if party.form is None:
            notes.append("applies to concentrated extracts and supplements, not to food or beverage amounts")
    if cond.min_dose is not None and cond.dose_unit:
        threshold = f"{cond.min_dose:g} {cond.dose_unit} a day"
        dose = party.dose
        if dose is not None and dose.amount is None and dose.count is not None:
            notes.append(f"applies at {threshold} or more; the line gives a count ({dose.text}), not an amount")
        elif dose is None or dose.amount is None or dose.unit is None:
            notes.append(f"applies at {threshold} or more; no dose was given")
        else:
            once, per_day, how = _in_unit(dose, cond.dose_unit, party.entity)
            if how:
                notes.append(how)
            if per_day is not None:
                if per_day < cond.min_dose:
                    return False, None
            elif once is None:
                notes.append(f"applies at {threshold} or more; the dose given ({dose.text}) could not be compared")
            elif once < cond.min_dose:
                return False, None  # no frequency given: compared as taken once a day
            elif dose.frequency:  # less often than weekly: the amount of a dose day is compared
                notes.append(f"applies at {threshold} or more; the dose given ({dose.text}) is taken less often than "
                             "once a week (compared as one day's amount)")
            else:
                notes.append(f"applies at {threshold} or more; the dose given ({dose.text}) does not say how often "
                             "(compared as once a day)")
    return True, "; ".join(notes) or None


def _in_unit(dose: Dose, unit: str, entity: str) -> tuple[float | None, float | None, str | None]:
    """The dose (once, and per day when the frequency is known) in `unit`, and how it was converted."""
    amount = dose.amount or 0.0
    how = None
    converted = nutrient_convert(entity, amount, dose.unit or "", unit, dose.text)
    once = converted[0] if converted else convert(amount, dose.unit or "", unit)
    how = converted[1] if converted else None
    if once is None:
        converted = nutrient_convert(entity, amount, dose.unit or "", unit, dose.text)
        if converted is not None:
            once, how = converted
        else:
            # Labels often give both units: "25 mcg (1,000 IU)".
            once = amount_in_unit(dose.text, unit)
    if once is None:
        return None, None, how
    per_day = once * dose.per_day / amount if dose.per_day is not None and amount else None
    return once, per_day, how


def _sentence(text: str) -> str:
    """Advice begins as a sentence does, also when it begins with a name ("{drug} itself makes ...")."""
    return text[:1].upper() + text[1:]


def _fmt(template: str, **names: str) -> str:
    try:
        return template.format(**names)
    except (KeyError, IndexError, ValueError):
        return template


class PairReasoner:
    """Builds the chains of one (supplement, drug) or (supplement, context) pair."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._memo: dict[tuple, object] = {}  # what depends on an item's band (see band): memos of input
        # What depends on one entity of the graph alone (its curated index, substrate roles, class distances):
        # indexes of the graph, built on an entity's first use and kept as long as the graph is.
        self._facts: dict[tuple, object] = {}
        self._rules_by_property: dict[str, list[Rule]] = defaultdict(list)
        for rule in kb.rules:
            for prop in rule.supplement_properties:
                if rule not in self._rules_by_property[prop]:
                    self._rules_by_property[prop].append(rule)
        self._drug_props: dict[str, dict[str, Claim]] = {}
        # A drug's label instructions and class closure, asked for once per pair: plain dicts of the graph's own
        # (an entity's section of a fast cache part is a lazy mapping, slower to ask).
        self._instructions: dict[str, tuple | list] = {}
        self._closures: dict[str, frozenset | tuple] = {}
        self._entity_conditions: dict[str, tuple[Conditions, ...]] = {}  # the graph's, per entity (see band)
        # What a rule's text says of its groups does not depend on the pair: written once per rule.
        self._rule_words = {id(rule): (", ".join(kb.name_of(p) for p in rule.drug_properties), concern_of(kb, rule))
                            for rule in kb.rules}

    def band(self, party: Party) -> tuple:
        """What every chain of this item depends on: its entity, and how each dose or form condition the graph
        sets on the entity's facts reads for it (holds or not, with what note). Two lines of one supplement whose
        doses fall on the same side of every threshold reason alike ("turmeric 500 mg" and "turmeric 600 mg"
        where the graph's only threshold is 1 g), so what is remembered for one serves the other; any note
        that names the dose written makes its own band. A drug's facts carry no conditions: its entity alone."""
        found = party.band
        if found is None:
            conditions = self._conditions(party.entity)
            found = (party.entity, *(applies(c, party) for c in conditions)) if conditions else (party.entity,)
            party.band = found
        return found

    def has_form(self, entity: str, form: str) -> bool:
        """Whether a fact reasoned over for the entity holds only in this form ("smoked", "caffeinated")."""
        return any(c.form == form for c in self._conditions(entity))

    def _conditions(self, entity: str) -> tuple[Conditions, ...]:
        """Every distinct dose or form condition on the facts reasoned over for a supplement entity: its (and its
        constituents') modulation and property claims, its substrate roles and its curated entries."""
        found = self._entity_conditions.get(entity)
        if found is None:
            kb = self.kb
            found = ()
            if entity in kb.entities and kb.entities[entity].kind == "supplement":
                every = [c.conditions for c in (*kb.modulations_of(entity), *kb.properties_of(entity),
                                                *kb.substrates.get(entity, ()))]
                every += [ix.conditions for ix in kb.interactions_by_supplement.get(entity, ())]
                found = tuple(dict.fromkeys(c for c in every if c.form is not None
                                            or (c.min_dose is not None and c.dose_unit)))
            self._entity_conditions[entity] = found
        return found

    def _remember(self, key: tuple, compute):
        """Per-item facts depend only on the item's band (the last part of the key): compute them once. A band
        of the entity alone (a drug, or a supplement whose facts carry no dose or form condition) holds for
        every line that names the entity, so what it gives is a fact of the graph (see `_facts`)."""
        store = self._facts if len(key[-1]) == 1 else self._memo
        found = store.get(key)
        if found is None:
            if len(store) > 100_000:
                store.clear()
            found = store[key] = compute()
        return found

    def _fact(self, key: tuple, compute):
        """A fact of one entity of the graph (see `_facts`): computed on first use, then kept."""
        found = self._facts.get(key)
        if found is None:
            found = self._facts[key] = compute()
        return found

    def drug_properties(self, entity: str) -> dict[str, Claim]:
        found = self._drug_props.get(entity)
        if found is None:
            found = self._drug_props[entity] = {c.property: c for c in self.kb.properties_of(entity) if c.property}
        return found

    # ------------------------------------------------------------------ curated
    def curated(self, supp: Party, drug: str | None, context: str | None) -> tuple[list[Interaction], bool]:
        """Curated interactions for the pair, and whether one names the drug itself (not only a class)."""
        found, specific = [], False
        if context is None and drug is not None:
            # Entries for a drug are looked up by the drug and its classes, in the graph's order.
            by_drug, by_class = self._curated_index(supp.entity)
            if not by_drug and not by_class:
                return found, specific
            hits = set(by_drug.get(drug, ()))
            specific = bool(hits)
            closure = self._closures.get(drug) if by_class else ()
            if closure is None:
                closure = self._closures[drug] = self.kb.class_closure.get(drug, ())
            for cls in closure:
                hits.update(by_class.get(cls, ()))
            if not hits:
                return found, specific
            entries = self.kb.interactions_by_supplement[supp.entity]
            return [entries[n] for n in sorted(hits)], specific
        classes = self.kb.class_closure.get(drug, frozenset()) if drug else frozenset()
        for ix in self.kb.interactions_by_supplement.get(supp.entity, []):
            if context is not None:
                hit = ix.context == context and not ix.drugs and not ix.classes
            elif drug is not None:
                hit = ix.context is None and (drug in ix.drugs or not classes.isdisjoint(ix.classes))
                specific = specific or (hit and drug in ix.drugs)
            else:
                hit = ix.is_advisory
            if hit:
                found.append(ix)
        return found, specific

    def _curated_index(self, supp: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """A supplement's drug entries (no context) by the drug and by the class they name: positions in
        its list of curated entries."""
        def compute():
            by_drug: dict[str, list[int]] = {}
            by_class: dict[str, list[int]] = {}
            for n, ix in enumerate(self.kb.interactions_by_supplement.get(supp, ())):
                if ix.context is None:
                    for d in ix.drugs:
                        by_drug.setdefault(d, []).append(n)
                    for c in ix.classes:
                        by_class.setdefault(c, []).append(n)
            return by_drug, by_class
        return self._fact(("curated", supp), compute)

    def curated_chain(self, ix: Interaction, supp: Party, drug: str | None = None) -> Chain | None:
        """The chain of a curated entry; tier 3 when it names this drug (or is a context or advisory entry)."""
        ok, note = applies(ix.conditions, supp)
        if not ok or ix.severity == "none":
            return None
        mechs = [(self.kb.name_of(t), a, self._strength(supp.entity, t, a)) for t, a in ix.mechanisms]
        summary = ix.summary or ix.effect
        if ix.mechanism_text:
            summary = f"{summary} Mechanism: {ix.mechanism_text}"
        tier = 1 if drug is not None and drug not in ix.drugs else 3
        notes = [note] if note else []
        specificity = 0
        if tier == 1:
            distance = self.class_distance(drug)
            mine = [c for c in ix.classes if c in distance]
            specificity = -min((distance[c] for c in mine), default=99)
            notes.append(f"class-level entry ({', '.join(self.kb.name_of(c) for c in mine)}), not curated for "
                         f"{self.kb.name_of(drug)} itself")
        management = self.management_for(ix.management, ix.class_management, drug)
        return Chain(SEVERITIES.index(ix.severity), ix.kind, "curated", ix.evidence, ix.title, ix.effect,
                     management, summary, list(ix.sources), mechs, notes, tier=tier, specificity=specificity)

    def _strength(self, subject: str, target: str, action: str) -> str | None:
        best = None
        for claim in self.kb.modulations_of(subject):
            if (claim.target == target and claim.action == action and claim.strength not in (None, "none")
                    and (best is None or STRENGTHS.index(claim.strength) > STRENGTHS.index(best))):
                    best = claim.strength
        return best

    # ------------------------------------------------------------------ pharmacokinetic
    def effective_modulations(self, party: Party, subject: str | None = None) -> list[tuple[Claim, str | None, str | None]]:
        """The modulation claims that stand for a subject: best claim per (target, action), in-vitro
        claims silenced by a clinical null result. Returns (claim, applicability note, conflict note)."""
        subject = subject or party.entity
        key = ("mod", subject, party.band or self.band(party))
        found = (self._facts if len(key[-1]) == 1 else self._memo).get(key)
        if found is None:
            found = self._remember(key, lambda: self._effective_modulations(party, subject))
        return found

    def _effective_modulations(self, party: Party, subject: str) -> list[tuple[Claim, str | None, str | None]]:
        groups: dict[tuple[str, str], list[tuple[Claim, str | None]]] = defaultdict(list)
        for claim in self.kb.modulations_of(subject):
            ok, note = applies(claim.conditions, party) if self.kb.entities[subject].kind == "supplement" else (True, None)
            if ok and claim.target and claim.action:
                groups[(claim.target, claim.action)].append((claim, note))
        out = []
        for (_target, _action), claims in sorted(groups.items()):
            nulls = [c for c, _ in claims if c.strength == "none" and c.evidence in ("clinical", "case-report")]
            positive = [(c, n) for c, n in claims if c.strength != "none"]
            conflict = None
            if nulls:
                human = [(c, n) for c, n in positive if c.evidence in ("clinical", "case-report")]
                if not human:
                    continue  # a clinical study found no meaningful effect: in-vitro data do not stand
                positive = human
                conflict = "sources disagree: a clinical study found no meaningful effect on this pathway"
            if positive:
                claim, note = max(positive, key=lambda cn: (LEVELS.index(cn[0].evidence),
                                                            STRENGTHS.index(cn[0].strength or "unknown")))
                out.append((claim, note, conflict))
        return out

    def pharmacokinetic(self, supp: Party, drug: Party) -> list[Chain]:
        chains = []
        roles = self._roles_by_target(drug.entity)
        for claim, note, conflict in self.effective_modulations(supp) if roles else ():
            for role in roles.get(claim.target, ()):
                chain = self._pk_chain(claim, role, supp, drug, modulator_is_supplement=True)
                if chain:
                    chain.notes += [n for n in (note, conflict) if n]
                    chains.append(chain)
        supp_roles = self._roles_by_target(supp.entity)
        for claim, _note, conflict in self.effective_modulations(drug, drug.entity) if supp_roles else ():
            for role in supp_roles.get(claim.target, ()):
                # The supplement's own role holds only under its dose and form conditions, as its claims do
                # (tea's caffeine is not the substrate in a decaffeinated product).
                ok, role_note = applies(role.conditions, supp)
                if not ok:
                    continue
                chain = self._pk_chain(claim, role, supp, drug, modulator_is_supplement=False)
                if chain:
                    chain.notes += [n for n in (role_note, conflict) if n]
                    chains.append(chain)
        return chains

    def _acts_where_applied(self, entity: str) -> bool:
        """Whether the graph gives the drug only inhaled or topical routes (an inhaler, a cream)."""
        def compute() -> bool:
            found = self.kb.entities.get(entity)
            routes = {r.strip() for r in ((found.route or "") if found else "").split(",") if r.strip()}
            return bool(routes) and routes <= {"inhaled", "topical"}
        return self._fact(("acts where applied", entity), compute)

    def _roles_by_target(self, entity: str) -> dict[str | None, list[Claim]]:
        """An entity's substrate roles by their target, in the graph's order."""
        found = self._facts.get(("roles", entity))
        if found is not None:
            return found

        def compute():
            out: dict[str | None, list[Claim]] = {}
            for role in self.kb.substrates.get(entity, ()):
                out.setdefault(role.target, []).append(role)
            return out
        return self._fact(("roles", entity), compute)

    def _pk_chain(self, mod: Claim, role: Claim, supp: Party, drug: Party, modulator_is_supplement: bool) -> Chain | None:
        kb = self.kb
        strength = mod.strength or "unknown"
        victim = drug.entity if modulator_is_supplement else supp.entity
        sensitivity, label_sources, notes = role.sensitivity or "minor", [], []
        if mod.action == "induction" and not role.prodrug:
            # Many drugs change little with an inhibitor and a lot with an inducer: where the label gives
            # the fold change with a strong inducer, that sets the sensitivity to induction.
            from_label = self.induction_sensitivity(victim, mod.target or "")
            if from_label is not None and from_label[0] != sensitivity:
                sensitivity, li = from_label
                label_sources = list(li.sources)
                notes.append(f"sensitivity to induction from the {kb.name_of(victim)} label: exposure x"
                             f"{li.fold_change:g} with a strong inducer ({sensitivity})")
            elif from_label is None and role.induction_fold and _grade(role.induction_fold) != sensitivity:
                # No label figure: a clinical study with a strong inducer grades it the same way.
                sensitivity = _grade(role.induction_fold)
                notes.append(f"sensitivity to induction from a clinical study: {kb.name_of(victim)} exposure x"
                             f"{role.induction_fold:g} with a strong inducer ({sensitivity})")
        severity = PK_TABLE.get((strength, sensitivity))
        if severity is None:
            return None
        modulator = supp.entity if modulator_is_supplement else drug.entity
        vname, mname, target = kb.name_of(victim), kb.name_of(modulator), kb.name_of(mod.target or "")
        in_vitro = mod.evidence == "preclinical" or role.evidence == "preclinical"
        nti = self._narrow(victim)
        if nti and not in_vitro and severity < 2:
            severity += 1
            notes.append(f"{vname} has a narrow therapeutic index: severity raised one step")
        if in_vitro:
            severity = 0
        up = (mod.action == "inhibition") != role.prodrug
        if not modulator_is_supplement and not up and severity > 0:
            # The drug lowers the supplement's exposure: the supplement may do less, and nothing of the
            # drug's treatment is at stake.
            severity = 0
            notes.append(f"shown as minor: {mname} lowers the supplement's exposure, which adds no risk to "
                         f"{mname} treatment")
        if modulator_is_supplement and not up and severity > 0 and self._acts_where_applied(victim):
            # An inhaler or a cream acts where it is put: less of it in the blood does not weaken it.
            severity = 0
            notes.append(f"shown as minor: {vname} is used inhaled or on the skin and acts there, so lower blood "
                         "levels are not expected to weaken it")
        verb = "raise" if up else "lower"
        what = f"active {vname}" if role.prodrug else f"{vname} exposure"
        title = f"{mname} may {verb} {what} ({target} {mod.action})" + (" - in vitro only" if in_vitro else "")
        if role.prodrug:
            effect = (f"more conversion of {vname} to its active form (more effect and toxicity)" if up
                      else f"less conversion of {vname} to its active form (risk of reduced efficacy)")
        else:
            effect = f"increased {vname} exposure" if up else f"decreased {vname} exposure (risk of reduced efficacy)"
        level = min(mod.evidence, role.evidence, key=LEVELS.index)
        summary = (f"Inferred: {mname} {'inhibits' if mod.action == 'inhibition' else 'induces'} {target} "
                   f"({strength}, {mod.evidence}{': ' + mod.note if mod.note else ''}); {vname} is a "
                   f"{role.sensitivity} {target} substrate{' activated by it (prodrug)' if role.prodrug else ''}"
                   f"{' (' + role.note + ')' if role.note else ''}.")
        if modulator_is_supplement:
            management = _pk_management(severity, up, vname, in_vitro, self._monitored(victim))
        else:
            management = _supplement_exposure_management(up, vname, mname, in_vitro)
        return Chain(severity, "pharmacokinetic", "inferred", level, title, effect, management, summary,
                     list(dict.fromkeys([*mod.sources, *role.sources, *label_sources])),
                     [(kb.name_of(mod.target or ""), mod.action or "", strength)], notes)

    # ------------------------------------------------------------------ label instructions
    def label_chains(self, supp: Party, drug: Party) -> list[Chain]:
        """What the drug's prescribing information says to do with this product or with its category."""
        instructions = self._instructions.get(drug.entity)
        if instructions is None:
            instructions = self._instructions[drug.entity] = self.kb.label_instructions.get(drug.entity) or ()
        if not instructions:
            return []
        out = [self._label_chain(li, supp, drug, None, None) for li in instructions if supp.entity in li.products]
        named = {li.target for li in instructions
                 if supp.entity in li.products and li.target and li.kind == "pharmacokinetic"}
        instructions = [li for li in instructions if li.kind == "pharmacokinetic"]  # categories are of exposure
        for claim, note, _conflict in self.effective_modulations(supp):
            if claim.evidence not in ("clinical", "case-report") or claim.strength not in CATEGORY_RANK:
                continue  # only a clinically graded perpetrator belongs to a label's category
            if claim.target in named:
                continue
            li = _best_category(instructions, claim)
            if li is not None:
                out.append(self._label_chain(li, supp, drug, claim, note))
        return out

    def _label_chain(self, li: LabelInstruction, supp: Party, drug: Party, claim: Claim | None,
                     note: str | None) -> Chain:
        kb = self.kb
        dname, sname = kb.name_of(drug.entity), kb.name_of(supp.entity)
        if claim is None:
            what = sname
            level, basis, sources = li.evidence, "curated", list(li.sources)
            direction = self._product_direction(supp, drug)
            mechs: list[tuple[str, str, str | None]] = []
            summary = f"The {dname} prescribing information names {sname}."
        else:
            target = kb.name_of(claim.target or "")
            what = f"{'' if li.strength == 'any' else li.strength + ' '}{target} {_agent(claim.action)}s"
            level = min(li.evidence, claim.evidence, key=LEVELS.index)
            basis, sources = "inferred", list(dict.fromkeys([*li.sources, *claim.sources]))
            direction = "up" if claim.action == "inhibition" else "down"
            mechs = [(target, claim.action or "", claim.strength)]
            summary = (f"The {dname} prescribing information speaks to {what}; {sname} is graded a "
                       f"{claim.strength} {target} {_agent(claim.action)} ({claim.evidence}"
                       f"{': ' + claim.note if claim.note else ''}).")
        severity = INSTRUCTION_SEVERITY[li.instruction]
        if li.instruction == "monitor" and level not in ("clinical", "case-report"):
            severity = 0
        quote = f' The label: "{li.label_text}"' + (f" (section {li.section})." if li.section else ".") \
            if li.label_text else ""
        if li.fold_change:
            summary += f" The label gives a {li.fold_change:g}-fold change in {dname} exposure."
        if li.note:
            summary += f" {li.note}"
        if li.kind == "pharmacodynamic":
            effect = li.effect or f"changed {dname} effect"
        else:
            effect = {"up": f"increased {dname} exposure", "down": f"decreased {dname} exposure (risk of "
                      "reduced efficacy)"}.get(direction, f"changed {dname} absorption or exposure")
        notes = [n for n in (note,) if n]
        notes.append(f"severity from the {dname} label ({li.instruction.replace('-', ' ')})")
        return Chain(severity, li.kind, basis, level,
                     f"{sname} with {dname}: the label says {_INSTRUCTION_TITLE[li.instruction]} {what}",
                     effect, _label_management(li, dname, sname, what) + quote, summary, sources, mechs, notes,
                     tier=2, instruction=li.instruction)

    def _product_direction(self, supp: Party, drug: Party) -> str | None:
        """Up or down, from what the product does to a pathway the drug depends on, when the graph knows."""
        roles = {r.target for r in self.kb.substrates.get(drug.entity, ())}
        actions = {c.action for c, _n, _c in self.effective_modulations(supp) if c.target in roles}
        if actions == {"inhibition"}:
            return "up"
        if actions == {"induction"}:
            return "down"
        return None

    # ------------------------------------------------------------------ pharmacodynamic and context rules
    def _candidate_rules(self, supp: Party) -> list[tuple[Rule, tuple[Claim, str | None]]]:
        """Rules whose supplement side this item meets, with its best claim for the rule."""
        supp_props = self.supplement_properties(supp)
        out = []
        for rule in dict.fromkeys(r for p in supp_props for r in self._rules_by_property.get(p, ())):
            hits = [supp_props[p] for p in rule.supplement_properties if p in supp_props]
            out.append((rule, max(hits, key=lambda h: LEVELS.index(h[0].evidence))))
        return out

    def rules(self, supp: Party, drug: Party | None, context: str | None) -> list[tuple[Rule, Chain]]:
        kb = self.kb
        out = []
        band = supp.band or self.band(supp)
        memo = self._facts if len(band) == 1 else self._memo
        candidates = memo.get(("rules", band))
        if candidates is None:
            candidates = self._remember(("rules", band), lambda: self._candidate_rules(supp))
        if not candidates:
            return out
        drug_props = self.drug_properties(drug.entity) if drug else {}
        if drug is not None:
            wanted = memo.get(("wanted", band))
            if wanted is None:
                wanted = self._remember(("wanted", band), lambda: frozenset(
                    p for rule, _claim in candidates for p in rule.drug_properties))
            if wanted.isdisjoint(drug_props):
                return out  # no rule of this supplement pairs with anything the drug is
        sides = memo.get(("rule sides", band))
        if sides is None:
            sides = self._remember(("rule sides", band), lambda: self._rule_sides(supp, candidates))
        sname = kb.name_of(supp.entity)
        dname = kb.name_of(drug.entity) if drug else ""
        names = {"supplement": sname, "drug": dname, "context": kb.name_of(context) if context else ""}
        paired = self._rules_of_drug(drug.entity, drug_props) if drug is not None else None
        for rule, level, severity, before, after, head, head_sources in sides:
            if drug is not None:
                if id(rule) not in paired:
                    continue  # the drug has none of the rule's properties
                side = self._rule_drug_side(rule, drug.entity, drug_props)
                if side is None:
                    continue
                partner_level, tail, partner_sources, template = side
                # The finding is as strong as its weakest link: the rule, the supplement's claim, the drug's.
                if LEVELS.index(partner_level) < LEVELS.index(level):
                    level = partner_level
                group = self._rule_words[id(rule)][0]
                summary = head + tail
                sources = list(dict.fromkeys([*head_sources, *partner_sources]))
            elif context is None or context not in rule.contexts:
                continue
            else:
                template = self.rule_management(rule, None)
                group = names["context"]
                summary = head
                sources = list(dict.fromkeys(head_sources))
            notes = [*before, f"class-level: inferred from a rule for {group} as a group, not from a study of this pair",
                     *after]
            management = _sentence(_fmt(template, **names))
            chain = Chain(severity, "context" if context else rule.kind, "inferred", level,
                          _fmt(rule.title, **names), _fmt(rule.effect, **names), management, summary,
                          sources, [], notes, concern=self._rule_words[id(rule)][1],
                          rule_management=management)
            out.append((rule, chain))
        return out

    def _rule_sides(self, supp: Party, candidates: list) -> list[tuple]:
        """What a rule's chains take from the supplement item, once per band and rule: the rule and the claim's
        weaker evidence, the severity (capped at minor for an effect seen only in vitro or only reasoned), the
        notes before and after the class-level one, the summary's head and its sources."""
        kb = self.kb
        sname = kb.name_of(supp.entity)
        held = self.supplement_properties(supp)
        out = []
        for rule, (sclaim, note) in candidates:
            level = min(rule.evidence, sclaim.evidence, key=LEVELS.index)
            severity = SEVERITIES.index(rule.severity)
            after = []
            if sclaim.evidence in ("preclinical", "theoretical"):
                severity = 0
                shown = "shown in vitro or in animals only" if sclaim.evidence == "preclinical" else "theoretical"
                after.append(f"the {kb.name_of(sclaim.property or '')} effect of {sname} is {shown}")
            prop_names = ", ".join(kb.name_of(p) for p in rule.supplement_properties if p in held)
            head = (rule.summary or rule.effect) + f" {sname}: {prop_names}" + (
                f" ({sclaim.note})" if sclaim.note else "") + "."
            out.append((rule, level, severity, (note,) if note else (), tuple(after), head,
                        (*rule.sources, *sclaim.sources)))
        return out

    def _rules_of_drug(self, drug: str, drug_props: dict[str, Claim]) -> frozenset[int]:
        """The rules (by id) whose drug side this drug meets, a fact of the graph."""
        found = self._facts.get(("rules of drug", drug))
        if found is None:
            found = self._facts[("rules of drug", drug)] = frozenset(
                id(rule) for rule in self.kb.rules if not drug_props.keys().isdisjoint(rule.drug_properties))
        return found

    def _rule_drug_side(self, rule: Rule, drug: str, drug_props: dict[str, Claim]) -> tuple | None:
        """What a rule's chains take from the drug, a fact of the graph: the weakest evidence of the drug's
        claims the rule pairs with, the summary's tail, their sources and the management text for the drug's
        closest class; None when the drug has none of the rule's properties."""
        key = ("rule drug", id(rule), drug)
        found = self._facts.get(key)
        if found is None:
            partner = [drug_props[p] for p in rule.drug_properties if p in drug_props]
            if not partner:
                found = ()
            else:
                kb = self.kb
                tail = f" {kb.name_of(drug)}: " + ", ".join(kb.name_of(c.property or "") for c in partner) + "."
                found = (min((c.evidence for c in partner), key=LEVELS.index), tail,
                         tuple(s for c in partner for s in c.sources), self.rule_management(rule, drug))
            self._facts[key] = found
        return found or None

    def induction_sensitivity(self, drug: str, target: str) -> tuple[str, LabelInstruction] | None:
        """FDA-style grade from the label's AUC ratio with a strong inducer: <= 0.2 sensitive, <= 0.5 moderate."""
        for li in self.kb.label_instructions.get(drug, ()):
            if li.target == target and li.action == "induction" and li.strength == "strong" and li.fold_change:
                return _grade(li.fold_change), li
        return None

    def class_distance(self, drug: str) -> dict[str, int]:
        """The drug's classes by their distance from it (see KnowledgeBase.class_distance); not to be changed."""
        return self._fact(("distance", drug), lambda: self.kb.class_distance(drug))

    def _narrow(self, entity: str) -> bool:
        """Whether the graph gives the entity a narrow therapeutic index."""
        return self._fact(("nti", entity), lambda: any(
            p.property and p.property.endswith("/narrow-therapeutic-index") for p in self.kb.properties_of(entity)))

    def _monitored(self, drug: str) -> str | None:
        return self._fact(("monitored", drug), lambda: self.monitored_by(drug) or "") or None

    def monitored_by(self, drug: str) -> str | None:
        """What shows a loss of this drug's effect in time to act; None when only relapse would show it."""
        if self.kb.entities.get(drug) is None or self.kb.entities[drug].kind != "drug":
            return None
        closure = {c.rsplit("/", 1)[-1] for c in self.kb.class_closure.get(drug, ())}
        if closure & _CANCER_CLASSES:
            return None
        for cls, what in _MONITORED:
            if cls in closure:
                return what
        return "its clinical effect"

    def rule_management(self, rule: Rule, drug: str | None) -> str:
        """The rule's management for this drug: the text for its closest class where the rule has one."""
        return self.management_for(rule.management, rule.class_management, drug)

    def management_for(self, management: str, class_management: tuple[tuple[str, str], ...], drug: str | None) -> str:
        """A rule's or curated entry's management for this drug: the text for the drug's closest class where
        one is given (INR checks for vitamin K antagonists only), else the general text."""
        if drug is None or not class_management:
            return management
        distance = self.class_distance(drug)
        fitting = [(distance[c], text) for c, text in class_management if c in distance]
        return min(fitting)[1] if fitting else management

    def supplement_properties(self, supp: Party) -> dict[str, tuple[Claim, str | None]]:
        """Property IRI -> (best applicable claim, applicability note) for a supplement item."""
        return self._remember(("prop", supp.band or self.band(supp)), lambda: self._supplement_properties(supp))

    def _supplement_properties(self, supp: Party) -> dict[str, tuple[Claim, str | None]]:
        props: dict[str, tuple[Claim, str | None]] = {}
        for claim in self.kb.properties_of(supp.entity):
            ok, note = applies(claim.conditions, supp)
            if not ok or not claim.property:
                continue
            current = props.get(claim.property)
            if current is None or LEVELS.index(claim.evidence) > LEVELS.index(current[0].evidence):
                props[claim.property] = (claim, note)
        return props


# What a rule's supplement side adds to, in the words a clinician uses for the group.
_CONCERNS = {"anticoagulant": "bleeding", "antiplatelet": "bleeding", "hepatotoxic": "liver injury",
             "serotonergic": "serotonin toxicity", "cns-depressant": "sedation", "qt-prolonging": "QT prolongation",
             "hypokalaemic": "low potassium", "hypoglycaemic": "low blood glucose", "hypotensive": "low blood pressure",
             "antioxidant-high-dose": "reduced treatment effect (antioxidants)", "estrogenic": "estrogen stimulation",
             "immunostimulant": "immune stimulation", "polyvalent-cation": "reduced absorption",
             "photosensitising": "skin reactions to light or radiation"}


def concern_of(kb: KnowledgeBase, rule: Rule) -> str:
    """The concern a rule speaks to: a clinician's word for its supplement properties."""
    words = [_CONCERNS.get(p.rsplit("/", 1)[-1]) or kb.name_of(p) for p in rule.supplement_properties]
    return ", ".join(dict.fromkeys(words))


CATEGORY_RANK = {"weak": 1, "moderate": 2, "strong": 3}
INSTRUCTION_SEVERITY = {"contraindicated": 2, "avoid": 2, "reduce-dose": 1, "increase-dose": 1, "separate": 1,
                        "monitor": 1, "no-adjustment": 0}
_INSTRUCTION_TITLE = {"contraindicated": "it is contraindicated with", "avoid": "avoid",
                      "reduce-dose": "reduce the dose with", "increase-dose": "increase the dose with",
                      "separate": "separate doses from", "monitor": "monitor with",
                      "no-adjustment": "no dose adjustment is needed with"}


def _agent(action: str | None) -> str:
    return "inducer" if action == "induction" else "inhibitor"


def _best_category(instructions: list[LabelInstruction], claim: Claim) -> LabelInstruction | None:
    """The label's instruction for the most specific category this perpetrator falls in.

    A strong inducer falls in "strong inducers"; where the label speaks only of moderate ones, it
    falls there too (it lowers exposure at least as much); "any" is the least specific.
    """
    own = CATEGORY_RANK[claim.strength or "weak"]
    fitting = [li for li in instructions if li.target == claim.target and li.action == claim.action
               and li.strength is not None and (li.strength == "any" or CATEGORY_RANK[li.strength] <= own)]
    if not fitting:
        return None
    return max(fitting, key=lambda li: (CATEGORY_RANK.get(li.strength or "", 0), INSTRUCTION_SEVERITY[li.instruction]))


def _label_management(li: LabelInstruction, drug: str, supp: str, what: str) -> str:
    if li.instruction in ("contraindicated", "avoid"):
        verb = "is contraindicated" if li.instruction == "contraindicated" else "should be avoided"
        return (f"The {drug} label says use with {what} {verb}: stop {supp} during {drug} treatment, or choose "
                "another product.")
    if li.instruction in ("reduce-dose", "increase-dose"):
        return (f"The {drug} label adjusts the {drug} dose with {what}; prefer stopping {supp} rather than "
                f"changing the {drug} dose for a supplement, or have the prescriber adjust and monitor.")
    if li.instruction == "separate":
        hours = f" by at least {li.separate_hours:g} hours" if li.separate_hours else ""
        return f"Separate {supp} from {drug}{hours}, as the {drug} label says for {what}."
    if li.instruction == "monitor":
        return f"The {drug} label asks for monitoring with {what}: prefer stopping {supp}, or monitor as the label says."
    return f"The {drug} label needs no dose adjustment with {what}; no action beyond awareness."


# Cancer treatment's loss of effect shows only as progression or relapse: it cannot be monitored in
# time, so lower exposure is a reason to avoid, never to "monitor response".
_CANCER_CLASSES = {"oral-targeted-therapy", "kinase-inhibitor", "endocrine-therapy", "cytotoxic-chemotherapy",
                   "parp-inhibitor", "bcl2-inhibitor", "cdk46-inhibitor", "imid", "proteasome-inhibitor",
                   "antimetabolite", "alkylating-agent", "taxane", "platinum", "anthracycline",
                   "topoisomerase-inhibitor", "vinca-alkaloid", "hypomethylating-agent", "xpo1-inhibitor",
                   "kras-inhibitor", "idh-inhibitor", "hedgehog-inhibitor", "antibody-drug-conjugate",
                   "serm", "serd", "aromatase-inhibitor", "antiandrogen", "androgen-synthesis-inhibitor"}
# Where a loss of effect does show, what shows it (most specific class first).
_MONITORED = [("vitamin-k-antagonist", "the INR"), ("calcineurin-inhibitor", "trough levels"),
              ("mtor-inhibitor", "trough levels"), ("immunosuppressant", "trough levels"),
              ("antiepileptic", "drug levels and seizure control"), ("anticonvulsant", "drug levels and seizure control"),
              ("thyroid-hormone", "TSH"), ("cardiac-glycoside", "digoxin levels"),
              ("antihypertensive", "blood pressure"), ("antidiabetic", "blood glucose"), ("insulin", "blood glucose"),
              ("opioid", "pain control and withdrawal symptoms"), ("statin", "lipids"),
              ("antidepressant", "mood and symptoms"), ("antiemetic", "nausea control")]


def _pk_management(severity: int, up: bool, drug: str, in_vitro: bool, monitored: str | None = None) -> str:
    if in_vitro:
        return ("Evidence is in vitro only: no action beyond awareness, unless the drug has a narrow "
                "therapeutic index or toxicity appears.")
    if not up and monitored is None and severity >= 1:
        return (f"Avoid the combination: lower {drug} exposure may compromise its efficacy, and a loss of effect "
                "would show only as progression or relapse, too late to act on.")
    if severity == 2:
        return (f"Avoid the combination; if it cannot be avoided, monitor closely for {drug} toxicity." if up
                else f"Avoid the combination: lower {drug} exposure may compromise its efficacy; if it cannot be "
                     f"avoided, monitor {monitored}.")
    if severity == 1:
        return (f"Use with caution: prefer stopping the supplement during treatment, or monitor for {drug} "
                "adverse effects." if up else
                f"Use with caution: prefer stopping the supplement during treatment, or monitor {monitored}.")
    if not up and monitored is None:
        return f"Probably of minor importance; prefer stopping the supplement during {drug} treatment."
    return (f"Probably of minor importance; be aware, and watch for {drug} adverse effects." if up else
            f"Probably of minor importance; be aware, and monitor {monitored}.")


def _supplement_exposure_management(up: bool, supplement: str, drug: str, in_vitro: bool) -> str:
    """What to do when the drug changes the supplement's exposure (the supplement is the one affected)."""
    if in_vitro:
        return "Evidence is in vitro only: no action beyond awareness."
    drug = drug[:1].upper() + drug[1:]
    if up:
        return (f"{drug} may raise {supplement} levels: prefer stopping or lowering the supplement during {drug} "
                f"treatment, and watch for {supplement} side effects.")
    return (f"{drug} may make {supplement} work less; no added risk is expected. If {supplement} is taken for an "
            "effect that matters, check that effect or choose another option.")


def _grade(ratio: float) -> str:
    """FDA-style sensitivity to induction from the AUC ratio with a strong inducer."""
    return "sensitive" if ratio <= 0.2 else "moderate" if ratio <= 0.5 else "minor"
