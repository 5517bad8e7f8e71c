"""Severity a pharmacist can sign: the label first, curated precedence, one row per concern, fitting advice."""

from __future__ import annotations

import re

import pytest
from suppcheck.inference import _CANCER_CLASSES, CATEGORY_RANK, LEVELS, _fmt

SJW = "https://w3id.org/suppcheck/supplement/st-johns-wort"
GRAPEFRUIT = "https://w3id.org/suppcheck/supplement/grapefruit"


def _in_category(kb, supplement: str, li) -> bool:
    """Whether the graph grades the supplement (clinically) as a perpetrator of the label's category."""
    for claim in kb.modulations_of(supplement):
        if (claim.target == li.target and claim.action == li.action and claim.strength in CATEGORY_RANK
                and claim.evidence in ("clinical", "case-report")
                and (li.strength == "any" or CATEGORY_RANK[claim.strength] >= CATEGORY_RANK[li.strength])):
            return True
    return False


def _oral_anticancer(kb) -> list[str]:
    return sorted(e.id for e in kb.of_kind("drug") if e.route == "oral"
                  and {c.rsplit("/", 1)[-1] for c in kb.class_closure.get(e.id, ())} & _CANCER_CLASSES)


def _label_avoid_pairs(kb) -> list[tuple[str, str]]:
    pairs = set()
    for drug in _oral_anticancer(kb):
        for li in kb.label_instructions.get(drug, ()):
            if li.instruction not in ("avoid", "contraindicated"):
                continue
            for supp in (SJW, GRAPEFRUIT):
                if supp in li.products or (li.target and _in_category(kb, supp, li)):
                    pairs.add((drug, supp))
    return sorted(pairs)


def test_label_avoid_toward_grapefruit_or_st_johns_wort_is_major(real_checker):
    kb = real_checker.kb
    pairs = _label_avoid_pairs(kb)
    assert len(pairs) >= 20, f"only {len(pairs)} label pairs: the label instructions did not load"
    lower = []
    for drug, supp in pairs:
        result = real_checker.check(drugs=[kb.name_of(drug)], supplements=[kb.name_of(supp)])
        found = [f for f in result.findings if f.drug and f.drug.id == drug and f.supplement.id == supp]
        if not found or found[0].severity.value != "major":
            lower.append((kb.name_of(drug), kb.name_of(supp), found[0].severity.value if found else "none"))
    assert not lower, f"the label says avoid, yet these print lower: {lower}"


def test_label_finding_quotes_the_label_and_cites_it(real_checker):
    kb = real_checker.kb
    drug, supp = next((d, s) for d, s in _label_avoid_pairs(kb)
                      if any(s in li.products and li.label_text for li in kb.label_instructions[d]))
    [finding] = [f for f in real_checker.check(drugs=[kb.name_of(drug)], supplements=[kb.name_of(supp)]).findings
                 if f.drug]
    assert "the label says" in finding.title and '"' in finding.management
    label_sources = {s for li in kb.label_instructions[drug] for s in li.sources}
    titles = {kb.sources[s]["title"] for s in label_sources}
    assert titles & {s.title for s in finding.evidence.sources}


def test_no_adjustment_label_is_never_above_minor(real_checker):
    kb = real_checker.kb
    checked = 0
    for drug, instructions in kb.label_instructions.items():
        for li in instructions:
            if li.instruction != "no-adjustment":
                continue
            for supp in li.products:
                result = real_checker.check(drugs=[kb.name_of(drug)], supplements=[kb.name_of(supp)])
                for f in result.findings:
                    if f.drug and "the label says" in f.title:
                        checked += 1
                        assert f.severity.value == "minor", f.title
    assert checked >= 1


# ----------------------------------------------------------------------------- precedence
def test_a_class_entry_for_the_drugs_own_class_outranks_a_broader_one(real_checker):
    [finding] = [f for f in real_checker.check(drugs=["warfarin"], supplements=["turmeric"]).findings if f.drug]
    assert "warfarin" in finding.title.lower() or "INR" in finding.title, finding.title
    assert any(n.startswith("also:") and "DOAC" in n for n in finding.notes)


def test_curated_minor_outranks_an_inferred_moderate_on_the_same_concern(real_checker):
    [finding] = [f for f in real_checker.check(drugs=["apixaban"], supplements=["fish oil 4 g daily"]).findings
                 if f.drug]
    assert finding.evidence.basis.value == "curated" and finding.severity.value == "minor", finding.title
    assert any(n.startswith("also:") and "inferred" in n for n in finding.notes)


def test_inferred_findings_report_their_weakest_link(real_checker):
    kb = real_checker.kb
    result = real_checker.check(drugs=["tamoxifen"], supplements=["St John's wort"])
    [finding] = [f for f in result.findings if f.drug]
    assert finding.evidence.basis.value == "inferred"
    claims = [c for c in kb.modulations_of(SJW) if c.target.endswith("CYP3A4") and c.action == "induction"]
    roles = [r for r in kb.substrates.get("https://w3id.org/suppcheck/drug/tamoxifen", ()) if r.target.endswith("CYP3A4")]
    weakest = min(max((c.evidence for c in claims), key=LEVELS.index), max((r.evidence for r in roles), key=LEVELS.index),
                  key=LEVELS.index)
    assert LEVELS.index(finding.evidence.level.value) <= LEVELS.index(weakest)


# ----------------------------------------------------------------------------- one concern, one row
def test_five_antiplatelet_supplements_with_one_anticoagulant_make_one_group(real_checker):
    supplements = ["ginkgo 120 mg", "fish oil 4 g daily", "vitamin E 800 IU daily", "garlic 600 mg", "turmeric 1 g"]
    result = real_checker.check(drugs=["apixaban"], supplements=supplements)
    groups = [c for c in result.concerns if c.drug and c.drug.name == "apixaban"]
    assert len(groups) == 1, [c.concern for c in result.concerns]
    [group] = groups
    assert group.concern == "bleeding"
    assert {c.input for c in group.contributors} == {*supplements, "apixaban"}
    assert group.severity.rank == max(f.severity.rank for f in result.findings if f.drug)
    assert len([f for f in result.findings if f.drug]) == 5, "the pair findings stay for integrators"


def test_a_curated_effect_entry_joins_the_group_of_its_concern(real_checker):
    """Fish oil at 2 g is under its antiplatelet threshold, but its curated BTK-inhibitor entry speaks of added
    bleeding: it is named in ibrutinib's bleeding group, and the group's advice is the rule's, for all of them."""
    supplements = ["fish oil 2 g", "turmeric 500 mg", "garlic 1000 mg", "vitamin E 400 IU"]
    result = real_checker.check(drugs=["ibrutinib 420 mg daily"], supplements=supplements)
    fish = [f for f in result.findings if f.supplement.input == "fish oil 2 g" and f.drug]
    assert fish and fish[0].evidence.basis.value == "curated" and "bleeding" in fish[0].title
    [group] = [c for c in result.concerns if c.concern == "bleeding"]
    assert {c.input for c in group.contributors} == {*supplements, "ibrutinib 420 mg daily"}
    assert "fish oil supplements during BTK" not in group.management  # not one member's own advice


def test_renderers_show_the_group_once(real_checker):
    from suppcheck_cli.render import markdown

    supplements = ["ginkgo 120 mg", "fish oil 4 g daily", "vitamin E 800 IU daily", "garlic 600 mg"]
    text = markdown(real_checker.check(drugs=["apixaban"], supplements=supplements))
    rows = [line for line in text.splitlines() if line.startswith("| ") and "apixaban" in line]
    assert len(rows) == 1 and "bleeding:" in rows[0], rows


# ----------------------------------------------------------------------------- fitting advice
# Words that only fit some drugs, with the class a drug must be in for the text to name them.
_FITS = {r"\bINR\b": "vitamin-k-antagonist", r"\bBTK\b": "btk-inhibitor", r"\bTSH\b": "thyroid-hormone",
         r"\bDOACs?\b|direct oral anticoagulant": "anticoagulant", r"\bopioids?\b": "opioid",
         r"\bbenzodiazepines?\b": "benzodiazepine", r"\bchemotherapy\b": "cytotoxic-chemotherapy"}


def _drug_names(kb) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in kb.of_kind("drug"):
        for name in (e.name, *e.alt):
            if len(name) >= 5:
                out.setdefault(name.lower(), set()).add(e.id)
    return out


def test_every_rule_names_nothing_the_drug_is_not(real_checker):
    kb, reasoner = real_checker.kb, real_checker.reasoner
    names = _drug_names(kb)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    checked, wrong = 0, []
    for rule in kb.rules:
        for drug in kb.of_kind("drug"):
            props = {c.property for c in kb.properties_of(drug.id)}
            if not props & set(rule.drug_properties):
                continue
            text = _fmt(reasoner.rule_management(rule, drug.id), drug=drug.name, supplement="the supplement",
                        context="")
            checked += 1
            closure = {c.rsplit("/", 1)[-1] for c in kb.class_closure.get(drug.id, ())}
            for word, cls in _FITS.items():
                if re.search(word, text, re.IGNORECASE if word.islower() else 0) and cls not in closure:
                    wrong.append((rule.id.rsplit("/", 1)[-1], drug.name, word))
            for hit in pattern.findall(text.lower()):
                if drug.id not in names[hit]:
                    wrong.append((rule.id.rsplit("/", 1)[-1], drug.name, hit))
    assert checked >= 100, checked
    assert not wrong, f"management that names what the drug is not: {sorted(set(wrong))[:20]}"


def test_every_curated_class_entry_names_no_test_or_class_the_drug_is_not(real_checker):
    """A curated entry for a class shows its management for every drug of the class: INR checks belong to the
    vitamin K antagonists, so an entry for all anticoagulants gives them in sc:managementFor."""
    kb, reasoner = real_checker.kb, real_checker.reasoner
    # Why a supplement is taken ("ginger for chemotherapy nausea") is not a word about the drug.
    fits = {word: cls for word, cls in _FITS.items() if cls != "cytotoxic-chemotherapy"}
    checked, wrong = 0, []
    for entries in kb.interactions_by_supplement.values():
        for ix in entries:
            if not ix.classes or ix.context:
                continue
            for drug in kb.of_kind("drug"):
                closure = kb.class_closure.get(drug.id, ())
                if drug.id in ix.drugs or not set(ix.classes) & set(closure):
                    continue
                text = reasoner.management_for(ix.management, ix.class_management, drug.id)
                checked += 1
                names = {c.rsplit("/", 1)[-1] for c in closure}
                for word, cls in fits.items():
                    if re.search(word, text, re.IGNORECASE if word.islower() else 0) and cls not in names:
                        wrong.append((ix.id.rsplit("/", 1)[-1], drug.name, word))
    assert checked >= 1000, checked
    assert not wrong, f"management that names what the drug is not: {sorted(set(wrong))[:20]}"


def test_a_curated_class_entry_gives_warfarin_its_inr_check_and_a_doac_none(real_checker):
    for supplement in ("melatonin", "reishi", "pau d'arco", "horse chestnut"):
        result = real_checker.check(drugs=["warfarin", "apixaban"], supplements=[supplement])
        by_drug = {f.drug.name: f.management for f in result.findings if f.drug and f.kind.value == "pharmacodynamic"}
        assert re.search(r"\bINR\b", by_drug["warfarin"]), (supplement, by_drug)
        assert not re.search(r"\bINR\b", by_drug["apixaban"]), (supplement, by_drug)


@pytest.mark.parametrize("drug", ["tamoxifen", "letrozole", "venetoclax", "imatinib", "osimertinib"])
def test_lower_exposure_of_a_cancer_drug_is_never_monitor_for_loss_of_effect(real_checker, drug):
    for f in real_checker.check(drugs=[drug], supplements=["St John's wort"]).findings:
        assert not re.search(r"monitor [^.]*(response|effect|efficacy)", f.management, re.IGNORECASE), f.management


def test_a_doac_never_gets_inr_advice(real_checker):
    for doac in ("apixaban", "rivaroxaban", "edoxaban", "dabigatran"):
        result = real_checker.check(drugs=[doac], supplements=["ginkgo", "fish oil 4 g", "garlic", "vitamin E 800 IU"])
        texts = [f.management for f in result.findings] + [c.management for c in result.concerns]
        assert not any(re.search(r"\bINR\b", t) for t in texts), (doac, texts)


def test_a_curated_entry_speaks_for_its_own_kind_only(real_checker):
    """St John's wort with methadone: curated for its exposure effect; the serotonergic rule still reasons."""
    kb = real_checker.kb
    curated = [ix for ix in kb.interactions if ix.id.endswith("/st-johns-wort--methadone")]
    assert curated and curated[0].kind == "pharmacokinetic"
    [finding] = [f for f in real_checker.check(drugs=["methadone"], supplements=["St John's wort"]).findings if f.drug]
    assert finding.evidence.basis.value == "curated" and finding.kind.value == "pharmacokinetic"
    assert any("serotonergic" in n for n in finding.notes), finding.notes


def test_binding_in_the_gut_is_an_exposure_concern(real_checker):
    """The cation rule is pharmacokinetic: the label's separation window and the curated "none" for calcium
    with moxifloxacin speak for it."""
    [finding] = [f for f in real_checker.check(drugs=["ciprofloxacin"], supplements=["calcium 600 mg"]).findings
                 if f.drug]
    assert finding.kind.value == "pharmacokinetic"
    none = [f for f in real_checker.check(drugs=["moxifloxacin"], supplements=["calcium 600 mg"]).findings if f.drug]
    assert not none, [(f.title, f.severity.value) for f in none]


def test_a_labels_word_on_a_products_effect_sets_a_pharmacodynamic_floor(real_checker):
    """The warfarin label's botanicals (monitor), isotretinoin's vitamin A (avoid): at least moderate, as an effect
    (not an exposure) concern, saying what the label says."""
    kb = real_checker.kb
    pd = [(drug, supp, li) for drug, lis in kb.label_instructions.items() for li in lis
          if li.kind == "pharmacodynamic" for supp in li.products]
    assert len(pd) >= 8, f"only {len(pd)} pharmacodynamic label pairs loaded"
    for drug, supp, li in pd:
        result = real_checker.check(drugs=[kb.name_of(drug)], supplements=[kb.name_of(supp)])
        [finding] = [f for f in result.findings if f.drug and f.supplement.id == supp]
        assert finding.severity.rank >= 1, (kb.name_of(supp), finding.severity)
        assert "exposure" not in finding.effect or finding.kind.value == "pharmacokinetic", finding.title
        said = re.compile(rf"the label says {li.instruction}( with)? {re.escape(kb.name_of(supp))}")
        assert said.search(finding.title) or any(said.search(n) for n in finding.notes), (kb.name_of(supp), finding.title)


def test_a_stricter_class_entry_keeps_the_headline_over_the_labels_monitor(real_checker):
    [finding] = [f for f in real_checker.check(drugs=["warfarin"], supplements=["danshen"]).findings if f.drug]
    assert finding.severity.value == "major" and "potentiates" in finding.title
    [bromelain] = [f for f in real_checker.check(drugs=["warfarin"], supplements=["bromelain"]).findings if f.drug]
    assert bromelain.severity.value == "moderate" and "INR" in bromelain.management


def test_a_study_with_a_strong_inducer_grades_st_johns_wort_against_that_drug(real_checker):
    """Tamoxifen changes moderately with inhibitors but lost 86% of its AUC with rifampin: St John's wort, a strong
    CYP3A4 inducer in people, is major with it, and the finding says why."""
    kb = real_checker.kb
    roles = [(drug, role) for drug, rs in kb.substrates.items() for role in rs if role.induction_fold]
    assert roles, "no substrate role carries sc:inductionFoldChange"
    for drug, role in roles:
        result = real_checker.check(drugs=[kb.name_of(drug)], supplements=["St John's wort"])
        chains = [f for f in result.findings if f.drug and f.drug.id == drug and f.evidence.basis.value == "inferred"]
        if role.induction_fold <= 0.2 and chains:
            assert chains[0].severity.value == "major", (kb.name_of(drug), chains[0].severity.value)
            # the note says where the grade came from when the study changed it
            if role.sensitivity != "sensitive" and not real_checker.reasoner.induction_sensitivity(drug, role.target):
                assert any("sensitivity to induction from a clinical study" in n for n in chains[0].notes)
    [tamoxifen] = [f for f in real_checker.check(drugs=["tamoxifen 20 mg daily"],
                                                 supplements=["St John's wort 300 mg TID"]).findings if f.drug]
    assert tamoxifen.severity.value == "major" and "Avoid" in tamoxifen.management


def test_a_drug_that_lowers_a_supplements_exposure_is_minor_and_says_so(real_checker):
    """Carbamazepine induces the CYP3A4 that clears red yeast rice's monacolin: the supplement may do less, and
    nothing of the drug's treatment is at stake. A drug that raises it (clarithromycin) stays a real warning."""
    down = real_checker.check(drugs=["carbamazepine"], supplements=["red yeast rice"])
    [f] = [f for f in down.findings if f.drug and "lower red yeast rice exposure" in f.title]
    assert f.severity.value == "minor"
    assert "relapse" not in f.management and "during red yeast rice treatment" not in f.management
    assert "work less" in f.management
    up = real_checker.check(drugs=["clarithromycin"], supplements=["red yeast rice"])
    [g] = [g for g in up.findings if g.drug and "raise red yeast rice exposure" in g.title]
    assert g.severity.value in ("moderate", "major") and "side effects" in g.management


def test_what_rests_on_smoke_needs_a_form_that_may_be_smoked(real_checker):
    """Cannabis smoke induces CYP1A2 (the olanzapine entry): an oil or a gummy gives no smoke; a joint does; a bare
    'cannabis' may be smoked, so it is flagged with a note saying so."""
    def titles(line):
        result = real_checker.check(drugs=["olanzapine 5 mg qhs"], supplements=[line])
        return {f.title: f.notes for f in result.findings if f.drug}
    entry = "Stopping cannabis or tobacco smoking can raise olanzapine levels"
    assert entry not in titles("cannabis oil 10 drops") and entry not in titles("THC gummies 10 mg")
    assert entry in titles("marijuana joint nightly")
    bare = titles("cannabis")
    assert entry in bare and any("smoked" in n for n in bare[entry])


def test_a_brewed_herbal_tea_is_a_beverage_amount(real_checker):
    """'ginger tea' is a beverage: the ginger-supplement entry before surgery (supplements only) does not reach it,
    and the item says why; 'ginger 500 mg' meets it; chamomile tea keeps its warfarin case reports."""
    def titles(line):
        result = real_checker.check(drugs=["warfarin"], supplements=[line], context=["surgery"])
        return [f.title for f in result.findings], result.items[1]
    tea, item = titles("ginger tea")
    capsule, _ = titles("ginger 500 mg")
    surgery = [t for t in capsule if "surgery" in t]
    assert surgery and not set(surgery) & set(tea)
    assert any("brewed tea" in n for n in item.reading.notes)
    chamomile, _ = titles("chamomile tea")
    assert any("warfarin" in t.lower() for t in chamomile)



def test_a_turmeric_drink_is_a_food_amount(real_checker):
    """'turmeric latte' is a drink: the warfarin entries for curcumin supplements do not reach it; capsules meet them."""
    drink = real_checker.check(drugs=["warfarin"], supplements=["turmeric latte"])
    capsules = real_checker.check(drugs=["warfarin"], supplements=["turmeric 1000 mg"])
    assert drink.items[1].match.name == capsules.items[1].match.name
    assert capsules.findings and not drink.findings
    assert any("read as a drink" in n for n in drink.items[1].reading.notes)

def test_a_drug_used_only_inhaled_is_not_weakened_by_an_inducer(real_checker):
    """Salmeterol is a sensitive CYP3A4 substrate, but it acts in the airways: St John's wort lowering its blood
    levels is minor, with the reason; grapefruit raising them still counts."""
    result = real_checker.check(drugs=["Serevent"], supplements=["St John's wort", "grapefruit"])
    by_supp = {f.supplement.name: f for f in result.findings if f.drug and f.drug.name == "salmeterol"}
    assert by_supp["St John's wort"].severity.value == "minor"
    assert any("acts there" in n for n in by_supp["St John's wort"].notes), by_supp["St John's wort"].notes
    assert by_supp["grapefruit"].severity.rank >= 1


def test_an_inhaler_of_two_drugs_reads_the_one_taken_by_mouth_elsewhere_as_inhaled(real_checker):
    """Symbicort is budesonide with formoterol; budesonide's graph facts are for capsules, so the inhaler's are
    shown as minor with the inhaled-form note, as a Pulmicort line is."""
    result = real_checker.check(drugs=["Symbicort 160/4.5 2 puffs bid"], supplements=["grapefruit"])
    item = result.items[0]
    assert {c.match.name for c in item.components} == {"budesonide", "formoterol"}
    assert any("inhaled or nasal form" in n for n in item.reading.notes), item.reading.notes
    budesonide = [f for f in result.findings if f.drug and f.drug.name == "budesonide"]
    assert budesonide and all(f.severity.value == "minor" for f in budesonide)
    alone = real_checker.check(drugs=["budesonide 9 mg daily"], supplements=["grapefruit"])
    assert any(f.severity.rank >= 1 for f in alone.findings if f.drug)


def test_a_labels_monitor_is_a_floor_for_a_stricter_enzyme_chain(real_checker):
    # the tacrolimus label asks for trough levels with any CYP3A inhibitor, without a study of one (minor); goldenseal
    # is a clinically graded CYP3A4 inhibitor and tacrolimus a narrow-therapeutic-index substrate (moderate)
    kb = real_checker.kb
    drug = "https://w3id.org/suppcheck/drug/tacrolimus"
    assert any(li.instruction == "monitor" and li.action == "inhibition" for li in kb.label_instructions[drug])
    [f] = [f for f in real_checker.check(drugs=["tacrolimus"], supplements=["goldenseal"]).findings if f.drug]
    assert f.severity.value == "moderate"
    assert "CYP3A4 inhibition" in f.title
    assert any(n.startswith("also:") and "the label says monitor" in n for n in f.notes)


def test_a_label_without_a_dose_change_still_speaks_over_inference(real_checker):
    kb = real_checker.kb
    pairs = [(drug, li) for drug, lis in kb.label_instructions.items() for li in lis
             if li.instruction == "no-adjustment" and li.target and li.action == "inhibition"]
    assert pairs
    checked = 0
    for drug, li in pairs:
        supp = "https://w3id.org/suppcheck/supplement/goldenseal"
        found = [f for f in real_checker.check(drugs=[kb.name_of(drug)], supplements=["goldenseal"]).findings
                 if f.drug and f.drug.id == drug and f.supplement.id == supp]
        for f in found:
            if "CYP3A4" in kb.name_of(li.target) and any(m.target == "CYP3A4" for m in f.mechanisms):
                checked += 1
                assert f.severity.value == "minor", (kb.name_of(drug), f.title)
    assert checked, "no drug whose label says no adjustment with CYP3A4 inhibitors met goldenseal"


@pytest.mark.parametrize(("line", "drug"), [
    ("Airsupra", "budesonide"), ("Airsupra 90/80 mcg", "budesonide"), ("Bevespi Aerosphere", "glycopyrrolate"),
    ("Bevespi", "glycopyrrolate"),
])
def test_an_inhaler_brand_alone_is_read_as_inhaled(real_checker, line, drug):
    """A brand sold only as an inhaler or nebuliser, written without "puffs", is still read as inhaled: the drug of
    it whose graph facts are for use by mouth (budesonide capsules, glycopyrrolate tablets) is read as an inhaled form."""
    item = real_checker.check(drugs=[line], supplements=[]).items[0]
    assert drug in {c.match.name for c in item.components if c.match} | ({item.match.name} if item.match else set())
    assert any("inhaled or nasal form" in n for n in item.reading.notes), item.reading.notes
