"""Evidence chains for one supplement and one drug or context: curated, pharmacokinetic, pharmacodynamic."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from suppcheck.dosing import amount_in_unit, convert
from suppcheck.kb import Claim, Conditions, Interaction, KnowledgeBase, Rule
from suppcheck.models import Dose

SEVERITIES = ("minor", "moderate", "major")
MAX_DOSES_A_DAY = 4  # a dose with no frequency is assumed taken at most four times a day
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


@dataclass
class Party:
    """One side of a pair: a regimen item resolved to one entity."""

    input: str
    entity: str
    dose: Dose | None = None
    form: str | None = None
    assumption: str | None = None
    key: tuple = field(init=False, repr=False)

    def __post_init__(self) -> None:
        d = self.dose
        self.key = (self.entity, self.form, (d.amount, d.unit, d.per_day) if d is not None else None)


@dataclass
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

    @property
    def rank(self) -> tuple[int, int, int]:
        return (self.severity, LEVELS.index(self.evidence), 1 if self.basis == "curated" else 0)


def applies(cond: Conditions, party: Party) -> tuple[bool, str | None]:
    """Whether a claim's dose and form conditions hold for this item, and what to say when unsure."""
    notes = []
    if cond.form == "extract":
        if party.form == "food":
            return False, None
        if party.form is None:
            notes.append("applies to concentrated extracts and supplements, not to food or beverage amounts")
    if cond.min_dose is not None and cond.dose_unit:
        threshold = f"{cond.min_dose:g} {cond.dose_unit} a day"
        dose = party.dose
        if dose is None or dose.amount is None or dose.unit is None:
            notes.append(f"applies at {threshold} or more; no dose was given")
        else:
            per_day = convert(dose.per_day, dose.unit, cond.dose_unit) if dose.per_day is not None else None
            once = convert(dose.amount, dose.unit, cond.dose_unit)
            if once is None:
                # Labels often give both units: "25 mcg (1,000 IU)".
                once = amount_in_unit(dose.text, cond.dose_unit)
                if once is not None and dose.per_day is not None and dose.amount:
                    per_day = once * dose.per_day / dose.amount
            if per_day is not None:
                if per_day < cond.min_dose:
                    return False, None
            elif once is None:
                notes.append(f"applies at {threshold} or more; the dose given ({dose.text}) could not be compared")
            elif once * MAX_DOSES_A_DAY < cond.min_dose:
                return False, None  # even taken four times a day it stays below the threshold
            elif once < cond.min_dose:
                notes.append(f"applies at {threshold} or more; the dose given ({dose.text}) does not say how often")
    return True, "; ".join(notes) or None


def _fmt(template: str, **names: str) -> str:
    try:
        return template.format(**names)
    except (KeyError, IndexError, ValueError):
        return template


class PairReasoner:
    """Builds the chains of one (supplement, drug) or (supplement, context) pair."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._memo: dict[tuple, object] = {}
        self._rules_by_property: dict[str, list[Rule]] = defaultdict(list)
        for rule in kb.rules:
            for prop in rule.supplement_properties:
                if rule not in self._rules_by_property[prop]:
                    self._rules_by_property[prop].append(rule)
        self._drug_props: dict[str, dict[str, Claim]] = {}

    def _remember(self, key: tuple, compute):
        """Per-item facts depend only on the entity, its dose and form: compute them once."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            found = self._memo[key] = compute()
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
        classes = self.kb.class_closure.get(drug, frozenset()) if drug else frozenset()
        for ix in self.kb.interactions_by_supplement.get(supp.entity, []):
            if context is not None:
                hit = ix.context == context and not ix.drugs and not ix.classes
            elif drug is not None:
                hit = ix.context is None and (drug in ix.drugs or bool(classes & set(ix.classes)))
                specific = specific or (hit and drug in ix.drugs)
            else:
                hit = ix.is_advisory
            if hit:
                found.append(ix)
        return found, specific

    def curated_chain(self, ix: Interaction, supp: Party) -> Chain | None:
        ok, note = applies(ix.conditions, supp)
        if not ok or ix.severity == "none":
            return None
        mechs = [(self.kb.name_of(t), a, self._strength(supp.entity, t, a)) for t, a in ix.mechanisms]
        summary = ix.summary or ix.effect
        if ix.mechanism_text:
            summary = f"{summary} Mechanism: {ix.mechanism_text}"
        return Chain(SEVERITIES.index(ix.severity), ix.kind, "curated", ix.evidence, ix.title, ix.effect,
                     ix.management, summary, list(ix.sources), mechs, [note] if note else [])

    def _strength(self, subject: str, target: str, action: str) -> str | None:
        best = None
        for claim in self.kb.modulations_of(subject):
            if claim.target == target and claim.action == action and claim.strength not in (None, "none"):
                if best is None or STRENGTHS.index(claim.strength) > STRENGTHS.index(best):
                    best = claim.strength
        return best

    # ------------------------------------------------------------------ pharmacokinetic
    def effective_modulations(self, party: Party, subject: str | None = None) -> list[tuple[Claim, str | None, str | None]]:
        """The modulation claims that stand for a subject: best claim per (target, action), in-vitro
        claims silenced by a clinical null result. Returns (claim, applicability note, conflict note)."""
        subject = subject or party.entity
        return self._remember(("mod", subject, party.key),
                              lambda: self._effective_modulations(party, subject))

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
        roles = self.kb.substrates.get(drug.entity, ())
        for claim, note, conflict in self.effective_modulations(supp) if roles else ():
            for role in roles:
                if role.target == claim.target:
                    chain = self._pk_chain(claim, role, supp, drug, modulator_is_supplement=True)
                    if chain:
                        chain.notes += [n for n in (note, conflict) if n]
                        chains.append(chain)
        supp_roles = self.kb.substrates.get(supp.entity, ())
        for claim, _note, conflict in self.effective_modulations(drug, drug.entity) if supp_roles else ():
            for role in supp_roles:
                if role.target == claim.target:
                    chain = self._pk_chain(claim, role, supp, drug, modulator_is_supplement=False)
                    if chain:
                        chain.notes += [n for n in (conflict,) if n]
                        chains.append(chain)
        return chains

    def _pk_chain(self, mod: Claim, role: Claim, supp: Party, drug: Party, modulator_is_supplement: bool) -> Chain | None:
        kb = self.kb
        strength = mod.strength or "unknown"
        severity = PK_TABLE.get((strength, role.sensitivity or "minor"))
        if severity is None:
            return None
        victim = drug.entity if modulator_is_supplement else supp.entity
        modulator = supp.entity if modulator_is_supplement else drug.entity
        vname, mname, target = kb.name_of(victim), kb.name_of(modulator), kb.name_of(mod.target or "")
        in_vitro = mod.evidence == "preclinical" or role.evidence == "preclinical"
        nti = any(p.property and p.property.endswith("/narrow-therapeutic-index") for p in kb.properties_of(victim))
        notes = []
        if nti and not in_vitro and severity < 2:
            severity += 1
            notes.append(f"{vname} has a narrow therapeutic index: severity raised one step")
        if in_vitro:
            severity = 0
        up = (mod.action == "inhibition") != role.prodrug
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
        return Chain(severity, "pharmacokinetic", "inferred", level, title, effect,
                     _pk_management(severity, up, vname, in_vitro), summary,
                     list(dict.fromkeys([*mod.sources, *role.sources])),
                     [(kb.name_of(mod.target or ""), mod.action or "", strength)], notes)

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
        candidates = self._remember(("rules", supp.key), lambda: self._candidate_rules(supp))
        if not candidates:
            return out
        drug_props = self.drug_properties(drug.entity) if drug else {}
        for rule, (sclaim, note) in candidates:
            if drug is not None:
                partner = [drug_props[p] for p in rule.drug_properties if p in drug_props]
                if not partner:
                    continue
            elif context is None or context not in rule.contexts:
                continue
            else:
                partner = []
            level = min(rule.evidence, sclaim.evidence, key=LEVELS.index)
            severity = SEVERITIES.index(rule.severity)
            notes = [note] if note else []
            if sclaim.evidence in ("preclinical", "theoretical"):
                # An effect seen only in vitro, or only reasoned, is capped at minor, like in-vitro PK data.
                severity = 0
                shown = "shown in vitro or in animals only" if sclaim.evidence == "preclinical" else "theoretical"
                notes.append(f"the {kb.name_of(sclaim.property or '')} effect of {kb.name_of(supp.entity)} is {shown}")
            names = {"supplement": kb.name_of(supp.entity), "drug": kb.name_of(drug.entity) if drug else "",
                     "context": kb.name_of(context) if context else ""}
            prop_names = ", ".join(kb.name_of(p) for p in rule.supplement_properties
                                   if p in self.supplement_properties(supp))
            summary = (rule.summary or rule.effect) + f" {names['supplement']}: {prop_names}" + (
                f" ({sclaim.note})" if sclaim.note else "") + "."
            if partner:
                summary += f" {names['drug']}: " + ", ".join(kb.name_of(c.property or "") for c in partner) + "."
            sources = [*rule.sources, *sclaim.sources, *(s for c in partner for s in c.sources)]
            chain = Chain(severity, "context" if context else "pharmacodynamic", "inferred", level,
                          _fmt(rule.title, **names), rule.effect, rule.management, summary,
                          list(dict.fromkeys(sources)), [], notes)
            out.append((rule, chain))
        return out

    def supplement_properties(self, supp: Party) -> dict[str, tuple[Claim, str | None]]:
        """Property IRI -> (best applicable claim, applicability note) for a supplement item."""
        return self._remember(("prop", supp.key), lambda: self._supplement_properties(supp))

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


def _pk_management(severity: int, up: bool, drug: str, in_vitro: bool) -> str:
    if in_vitro:
        return ("Evidence is in vitro only: no action beyond awareness, unless the drug has a narrow "
                "therapeutic index or toxicity appears.")
    if severity == 2:
        return (f"Avoid the combination; if it cannot be avoided, monitor closely for {drug} toxicity." if up
                else f"Avoid the combination: lower {drug} exposure may compromise its efficacy.")
    if severity == 1:
        return (f"Use with caution: prefer stopping the supplement during treatment, or monitor for {drug} "
                "adverse effects." if up else
                f"Use with caution: prefer stopping the supplement during treatment, or monitor {drug} "
                "response (and levels where measured).")
    return f"Probably of minor importance; be aware, and monitor if {drug} toxicity or loss of effect appears."
