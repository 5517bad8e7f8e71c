"""Curated supplement-drug pairs, from studies in people and from the interaction lists of oncology herb
references (MSKCC About Herbs, CAM-Cancer, NCCIH) and the studies and labels they cite: the real graph gives
each entry's severity and kind.

Each pair below has its own curated entry, for the drug or for a class the drug belongs to; the finding for
the pair must come from that entry (its title), carry its severity, and cite a source. The "none" pairs were
studied and showed no relevant effect: the graph records them, and the pair gives no warning. Entries that
depend on a dose, a class or a context are also checked on the other side of their condition.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

# supplement as a patient writes it, drug, curated entry id, severity, kind, text in the title
CURATED = [
    ("St John's wort 300 mg three times daily", "oxycodone 10 mg q12h", "st-johns-wort--oxycodone",
     "moderate", "pharmacokinetic", "oxycodone"),
    ("St John's wort 300 mg three times daily", "alprazolam 0.5 mg TID", "st-johns-wort--alprazolam",
     "moderate", "pharmacokinetic", "alprazolam"),
    ("St John's wort 300 mg three times daily", "methadone 40 mg daily", "st-johns-wort--methadone",
     "major", "pharmacokinetic", "methadone"),
    ("St John's wort 300 mg three times daily", "verapamil 80 mg TID", "st-johns-wort--verapamil",
     "major", "pharmacokinetic", "verapamil"),
    ("St John's wort 300 mg three times daily", "clopidogrel 75 mg daily", "st-johns-wort--clopidogrel",
     "moderate", "pharmacokinetic", "clopidogrel"),
    ("St John's wort 300 mg three times daily", "amitriptyline 25 mg at night", "st-johns-wort--amitriptyline",
     "moderate", "pharmacokinetic", "amitriptyline"),
    ("grapefruit juice 200 mL three times daily", "clopidogrel 75 mg daily", "grapefruit--clopidogrel",
     "major", "pharmacokinetic", "clopidogrel"),
    ("grapefruit juice 200 mL three times daily", "ticagrelor 90 mg BID", "grapefruit--ticagrelor",
     "moderate", "pharmacokinetic", "ticagrelor"),
    ("grapefruit juice 200 mL daily", "diazepam 5 mg", "grapefruit--diazepam",
     "moderate", "pharmacokinetic", "diazepam"),
    ("grapefruit juice 200 mL daily", "carbamazepine 200 mg TID", "grapefruit--carbamazepine",
     "moderate", "pharmacokinetic", "carbamazepine"),
    ("ginkgo 120 mg twice daily", "trazodone 50 mg at night", "ginkgo--trazodone",
     "moderate", "pharmacodynamic", "trazodone"),
    ("noni juice 60 mL daily", "lisinopril 10 mg daily", "noni--cls-ace-inhibitor",
     "moderate", "pharmacodynamic", "potassium"),
    ("noni juice", "spironolactone 25 mg daily", "noni--cls-potassium-sparing-diuretic",
     "moderate", "pharmacodynamic", "potassium"),
    ("noni juice", "phenytoin 300 mg daily", "noni--phenytoin", "minor", "pharmacokinetic", "phenytoin"),
    ("maitake D-fraction", "warfarin 5 mg daily", "maitake--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("astragalus", "amlodipine 5 mg daily", "astragalus--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("black seed oil 1 g twice daily", "metformin 1000 mg BID", "black-seed--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("devil's claw", "famotidine 20 mg BID", "devils-claw--cls-h2-antagonist", "minor", "pharmacodynamic", "H2"),
    ("Essiac tea", "letrozole 2.5 mg daily", "essiac--cls-aromatase-inhibitor",
     "minor", "pharmacodynamic", "oestrogen"),
    ("chasteberry", "metoclopramide 10 mg TID", "chasteberry--cls-dopamine-antagonist",
     "minor", "pharmacodynamic", "dopamine"),
    ("olive leaf extract 500 mg twice daily", "lisinopril 10 mg daily", "olive-leaf--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("pau d'arco tea", "apixaban 5 mg BID", "pau-darco--cls-anticoagulant",
     "minor", "pharmacodynamic", "anticoagulant"),
    ("feverfew", "clopidogrel 75 mg daily", "feverfew--cls-antiplatelet", "minor", "pharmacodynamic", "antiplatelet"),
    ("ginger 1 g three times daily", "glipizide 5 mg daily", "ginger--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("chromium picolinate 200 mcg twice daily", "levothyroxine 100 mcg daily", "chromium--levothyroxine",
     "moderate", "pharmacokinetic", "levothyroxine"),
    ("niacin 2 g daily", "simvastatin 40 mg daily", "niacin--cls-statin",
     "moderate", "pharmacodynamic", "statin myopathy"),
    ("niacin 2 g daily", "atorvastatin 40 mg daily", "niacin--cls-statin",
     "moderate", "pharmacodynamic", "statin myopathy"),
    ("gymnema extract 500 mg twice daily", "glipizide 5 mg daily", "gymnema--cls-antidiabetic",
     "moderate", "pharmacodynamic", "glucose-lowering"),
    ("stinging nettle leaf extract 500 mg three times daily", "glimepiride 2 mg daily", "stinging-nettle--cls-antidiabetic",
     "moderate", "pharmacodynamic", "nettle"),
    ("L-carnitine 1 g daily", "warfarin 5 mg daily", "l-carnitine--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("kudzu root", "methotrexate 15 mg weekly", "kudzu--methotrexate", "minor", "pharmacokinetic", "methotrexate"),
    ("genistein 50 mg daily", "letrozole 2.5 mg daily", "genistein--letrozole",
     "minor", "pharmacodynamic", "letrozole"),
    ("hibiscus tea", "acetaminophen 1 g", "hibiscus--acetaminophen", "minor", "pharmacokinetic", "acetaminophen"),
    ("peppermint oil capsules", "omeprazole 20 mg daily", "peppermint--cls-proton-pump-inhibitor",
     "minor", "pharmacokinetic", "proton pump inhibitors"),
    ("NAC 600 mg daily", "cisplatin 75 mg/m2", "nac--cisplatin", "minor", "pharmacodynamic", "cisplatin"),
    ("huanglian", "cyclosporine 100 mg twice daily", "huanglian--cyclosporine",
     "minor", "pharmacokinetic", "cyclosporine"),
    ("coffee", "levothyroxine 100 mcg daily", "coffee--levothyroxine", "moderate", "pharmacokinetic", "levothyroxine"),
    ("coffee", "alendronate 70 mg weekly", "coffee--alendronate", "moderate", "pharmacokinetic", "alendronate"),
    ("coffee", "fluvoxamine 100 mg twice daily", "coffee--fluvoxamine", "moderate", "pharmacokinetic", "caffeine"),
    ("quercetin 500 mg twice daily", "diclofenac 50 mg three times daily", "quercetin--diclofenac",
     "moderate", "pharmacokinetic", "diclofenac"),
    ("quercetin 500 mg daily", "digoxin 0.125 mg daily", "quercetin--digoxin",
     "moderate", "pharmacokinetic", "digoxin"),
    ("quercetin 250 mg daily", "warfarin 5 mg daily", "quercetin--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("quercetin 500 mg daily", "amlodipine 5 mg daily", "quercetin--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("lycopene 15 mg daily", "lisinopril 10 mg daily", "lycopene--cls-antihypertensive",
     "minor", "pharmacodynamic", "blood pressure"),
    ("horsetail extract 300 mg three times daily", "furosemide 40 mg daily", "horsetail--cls-diuretic",
     "minor", "pharmacodynamic", "diuretic"),
    ("bilberry extract 500 mg daily", "glipizide 5 mg daily", "bilberry--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("vinpocetine 10 mg three times daily", "digoxin 0.125 mg daily", "vinpocetine--digoxin",
     "minor", "pharmacokinetic", "digoxin"),
    ("bacopa 300 mg daily", "amitriptyline 25 mg at night", "bacopa--amitriptyline",
     "minor", "pharmacokinetic", "amitriptyline"),
    ("L-arginine 3 g three times daily", "metformin 500 mg twice daily", "arginine--cls-antidiabetic",
     "minor", "pharmacodynamic", "glucose"),
    ("IV artesunate", "axitinib 5 mg twice daily", "iv-artesunate--axitinib", "minor", "pharmacokinetic", "axitinib"),
    ("IV artesunate", "rifampin 600 mg daily", "iv-artesunate--rifampin", "minor", "pharmacokinetic", "rifampin"),
    ("fenbendazole 222 mg daily", "pembrolizumab 200 mg every 3 weeks", "fenbendazole--cls-immune-checkpoint-inhibitor",
     "moderate", "pharmacodynamic", "checkpoint inhibitor"),
    ("dichloroacetate", "cisplatin 75 mg/m2", "dichloroacetate--cisplatin", "moderate", "pharmacodynamic", "cisplatin"),
    ("tribulus extract 500 mg twice daily", "glipizide 5 mg daily", "tribulus--cls-antidiabetic",
     "minor", "pharmacodynamic", "antidiabetic"),
    ("tongkat ali 200 mg daily", "propranolol 40 mg twice daily", "tongkat-ali--propranolol",
     "minor", "pharmacokinetic", "propranolol"),
    ("multivitamin daily", "warfarin 5 mg daily", "multivitamin--cls-vitamin-k-antagonist",
     "moderate", "pharmacodynamic", "INR"),
    ("multivitamin with minerals daily", "moxifloxacin 400 mg daily", "multivitamin--moxifloxacin",
     "moderate", "pharmacokinetic", "moxifloxacin"),
    ("baking soda", "gefitinib 250 mg daily", "sodium-bicarbonate--gefitinib",
     "moderate", "pharmacokinetic", "gefitinib"),
]

# supplement, drug (or None), context (or None), curated entry id: studied, no relevant interaction
NONE = [
    ("St John's wort 300 mg three times daily", "carbamazepine 400 mg daily", None, "st-johns-wort--carbamazepine"),
    ("goldenseal 1 g three times daily", "digoxin 0.125 mg daily", None, "goldenseal--digoxin"),
    ("kava 400 mg daily", "digoxin 0.125 mg daily", None, "kava--digoxin"),
    ("garlic extract 600 mg", "alprazolam 0.5 mg", None, "garlic--alprazolam"),
    ("grapefruit juice 200 mL daily", "prednisone 20 mg daily", None, "grapefruit--prednisone"),
    ("probiotics", "irinotecan 180 mg/m2 q2w", None, "probiotics--irinotecan"),
    ("propolis extract 125 mg three times daily", "midazolam 2 mg", None, "propolis--midazolam"),
    ("propolis", "losartan 50 mg daily", None, "propolis--losartan"),
    ("milk thistle 140 mg three times daily", "rosuvastatin 10 mg daily", None, "milk-thistle--rosuvastatin"),
    ("milk thistle 140 mg twice daily", "nifedipine 10 mg", None, "milk-thistle--nifedipine"),
    ("rhodiola", "warfarin 5 mg daily", None, "rhodiola--warfarin"),
    ("berberine 300 mg three times daily", "omeprazole 20 mg daily", None, "berberine--omeprazole"),
    ("evening primrose oil 1 g daily", "haloperidol 2 mg daily", None, "evening-primrose-oil--cls-antipsychotic"),
    ("evening primrose oil 1 g daily", "levetiracetam 500 mg twice daily", None,
     "evening-primrose-oil--cls-antiepileptic"),
    ("moringa leaf powder 8 g daily", "metformin 500 mg twice daily", None, "moringa--cls-antidiabetic"),
    ("passionflower 500 mg", None, "surgery", "passionflower--ctx-surgery"),
    ("royal jelly", "sunitinib 50 mg daily", None, "royal-jelly--cls-vegfr-tki"),
    ("royal jelly", "pazopanib 800 mg daily", None, "royal-jelly--cls-vegfr-tki"),
    ("hesperidin 500 mg daily", "amlodipine 5 mg daily", None, "hesperidin--cls-antihypertensive"),
    ("hesperidin 500 mg daily", "lisinopril 10 mg daily", None, "hesperidin--cls-antihypertensive"),
    ("royal jelly 1 g daily", "glipizide 5 mg daily", None, "royal-jelly--cls-antidiabetic"),
    ("multivitamin daily", "doxorubicin 60 mg/m2", None, "multivitamin--doxorubicin"),
    ("IP6 with inositol 3 g twice daily", "epirubicin 100 mg/m2", None, "ip6--epirubicin"),
    ("maca 3.5 g daily", "letrozole 2.5 mg daily", None, "maca--cls-aromatase-inhibitor"),
    ("tribulus extract 500 mg twice daily", "enzalutamide 160 mg daily", None, "tribulus--cls-antiandrogen"),
    ("rikkunshito 2.5 g three times daily", "cisplatin 50 mg/m2", None, "rikkunshito--cisplatin"),
    ("Huaier granule 20 g three times daily", "paclitaxel 80 mg/m2 weekly", None, "huaier--cls-cytotoxic-chemotherapy"),
]

# Further rows kept beside this file, one module per group of monographs (curated_rows_*.py, each with
# CURATED and NONE lists in the formats above).
for _path in sorted(Path(__file__).parent.glob("curated_rows_*.py")):
    _rows = runpy.run_path(str(_path))
    CURATED += _rows.get("CURATED", [])
    NONE += _rows.get("NONE", [])


def test_the_rows_beside_this_file_are_read():
    files = sorted(Path(__file__).parent.glob("curated_rows_*.py"))
    assert len(files) >= 5 and len(CURATED) >= 140 and len(NONE) >= 70, (len(files), len(CURATED), len(NONE))


def _curated(kb, ix_id):
    found = [ix for ix in kb.interactions if ix.id.endswith("/" + ix_id)]
    assert len(found) == 1, ix_id
    return found[0]


def _check(real_checker, supplement, drug):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    return result


def _pair_findings(result):
    return [f for f in result.findings if f.drug]


@pytest.mark.parametrize(("supplement", "drug", "ix_id", "severity", "kind", "text"), CURATED,
                         ids=[f"{c[2]}:{c[1].split()[0]}" for c in CURATED])
def test_curated_pair_gives_its_severity_and_kind(real_checker, supplement, drug, ix_id, severity, kind, text):
    ix = _curated(real_checker.kb, ix_id)
    assert (ix.severity, ix.kind) == (severity, kind)
    result = _check(real_checker, supplement, drug)
    pair = [f for f in _pair_findings(result) if f.title == ix.title]
    assert pair, f"{supplement} + {drug}: no finding from {ix_id}: {[(f.title, f.severity.value) for f in result.findings]}"
    finding = pair[0]
    assert finding.severity.value == severity, f"{finding.title}: {finding.severity.value}"
    assert finding.evidence.basis.value == "curated"
    assert text.lower() in finding.title.lower(), finding.title
    assert finding.management and finding.evidence.sources


@pytest.mark.parametrize(("supplement", "drug", "context", "ix_id"), NONE,
                         ids=[f"{c[3]}:{(c[1] or c[2]).split()[0]}" for c in NONE])
def test_pair_studied_without_effect_gives_no_warning(real_checker, supplement, drug, context, ix_id):
    assert _curated(real_checker.kb, ix_id).severity == "none"
    result = real_checker.check(drugs=[drug] if drug else [], supplements=[supplement],
                                context=[context] if context else [])
    assert all(i.status.value == "recognized" for i in result.items), [(i.input, i.status.value) for i in result.items]
    warned = [f for f in result.findings if (f.drug if drug else f.context) and f.severity.value != "none"]
    assert not warned, [(f.title, f.severity.value) for f in warned]


# ---------------------------------------------------------------- conditions of single entries
# curated entry id, supplement, drug: the entry's condition (dose, class) is not met, so it gives nothing
NOT_MET = [
    ("niacin--cls-statin", "niacin 20 mg daily", "simvastatin 40 mg daily"),  # applies from 1 g a day
    ("stinging-nettle--cls-antidiabetic", "stinging nettle leaf extract 500 mg three times daily",
     "atorvastatin 20 mg daily"),  # a statin is not an antidiabetic drug
    ("quercetin--diclofenac", "quercetin 250 mg daily", "diclofenac 50 mg three times daily"),  # 1 g a day studied
    ("horsetail--cls-diuretic", "horsetail extract 300 mg daily", "furosemide 40 mg daily"),  # below the trial dose
    ("horsetail--cls-diuretic", "horsetail extract 300 mg three times daily", "amlodipine 5 mg daily"),  # no diuretic
    ("arginine--cls-antidiabetic", "L-arginine 1 g daily", "metformin 500 mg twice daily"),  # 6.4 g a day studied
    ("tribulus--cls-antidiabetic", "tribulus extract 250 mg daily", "glipizide 5 mg daily"),  # 1,000 mg a day studied
]


@pytest.mark.parametrize(("ix_id", "supplement", "drug"), NOT_MET, ids=[f"{c[0]}:{c[1].split()[0]}" for c in NOT_MET])
def test_an_entry_whose_condition_is_not_met_gives_nothing(real_checker, ix_id, supplement, drug):
    ix = _curated(real_checker.kb, ix_id)
    assert ix.severity != "none"
    result = _check(real_checker, supplement, drug)
    assert not [f for f in result.findings if f.title == ix.title]


def test_no_effect_with_carbamazepine_replaces_the_inferred_induction_warning(real_checker):
    # Without the study, CYP3A4 induction would be inferred as a major concern for carbamazepine.
    result = real_checker.check(drugs=["carbamazepine 400 mg daily"], supplements=["St John's wort 300 mg TID"])
    assert not [f for f in result.findings if f.drug and f.severity.value in ("major", "moderate")]


def test_methadone_entry_keeps_the_serotonergic_warning_in_its_advice(real_checker):
    result = real_checker.check(drugs=["methadone 40 mg daily"], supplements=["St John's wort 300 mg TID"])
    finding = [f for f in result.findings if f.drug][0]
    assert finding.severity.value == "major"
    assert "serotonergic" in finding.management.lower()


def test_ginger_glucose_entry_needs_gram_doses(real_checker):
    # The trials used 1.6-4 g/day; 250 mg (at most 1 g/day) stays below the threshold.
    low = real_checker.check(drugs=["glipizide 5 mg daily"], supplements=["ginger 250 mg"])
    assert not [f for f in _pair_findings(low) if "glucose" in f.title.lower()]
    high = real_checker.check(drugs=["glipizide 5 mg daily"], supplements=["ginger 1 g three times daily"])
    assert [f for f in _pair_findings(high) if "glucose" in f.title.lower()]


def test_olive_leaf_entry_needs_the_trial_dose(real_checker):
    # 500 mg twice daily was studied; 100 mg once daily is far below it.
    low = real_checker.check(drugs=["lisinopril 10 mg daily"], supplements=["olive leaf extract 100 mg once daily"])
    assert not [f for f in _pair_findings(low) if f.evidence.basis.value == "curated"]


def test_noni_potassium_entry_reaches_every_ace_inhibitor_and_arb(real_checker):
    for drug in ("enalapril 10 mg daily", "ramipril 5 mg daily", "losartan 50 mg daily", "valsartan 80 mg daily"):
        result = real_checker.check(drugs=[drug], supplements=["noni juice"])
        titles = [f.title for f in _pair_findings(result) if f.severity.value == "moderate"]
        assert any("potassium" in t.lower() for t in titles), (drug, titles)


def test_quercetin_digoxin_entry_replaces_the_one_way_induction_chain(real_checker):
    # Without the entry the P-gp induction chain alone predicted lower digoxin levels; the pig study
    # showed a sharp rise, so the curated entry must speak for the pair's exposure.
    result = _check(real_checker, "quercetin 500 mg daily", "digoxin 0.125 mg daily")
    pk = [f for f in result.findings if f.drug and f.severity.value != "none"]
    assert len(pk) == 1 and pk[0].evidence.basis.value == "curated", [(f.title, f.evidence.basis.value) for f in pk]
    assert "lower digoxin exposure" not in pk[0].title.lower()


def test_coffee_entries_do_not_reach_unrelated_drugs(real_checker):
    result = _check(real_checker, "coffee", "metformin 500 mg twice daily")
    assert not [f for f in result.findings if f.drug and f.severity.value != "none"]


def test_cascara_advisory_fires_whatever_the_regimen(real_checker):
    ix = _curated(real_checker.kb, "cascara-sagrada--advisory")
    assert (ix.severity, ix.kind) == ("minor", "pharmacodynamic")
    result = _check(real_checker, "cascara sagrada 450 mg", "ondansetron 8 mg twice daily")
    assert [f for f in result.findings if f.title == ix.title and not f.drug]


def test_artesunate_ugt_entry_stays_in_the_notes_of_a_more_severe_finding(real_checker):
    # With imatinib the inferred liver-toxicity concern (moderate) leads; the curated exposure entry is kept
    # in the finding's notes rather than dropped.
    ix = _curated(real_checker.kb, "iv-artesunate--imatinib")
    result = real_checker.check(drugs=["imatinib 400 mg daily"], supplements=["IV artesunate"])
    pair = [f for f in result.findings if f.drug]
    assert pair and pair[0].severity.value == "moderate"
    assert any(ix.title in note for f in pair for note in f.notes), [f.notes for f in pair]


def test_artesunate_ugt_entry_does_not_reach_a_drug_outside_the_label_list(real_checker):
    # The artesunate labels name axitinib, vandetanib, imatinib and diclofenac; dasatinib is not among them.
    result = real_checker.check(drugs=["dasatinib 100 mg daily"], supplements=["IV artesunate"])
    assert not [f for f in result.findings if f.drug and "dihydroartemisinin" in f.title.lower()]


def test_dichloroacetate_during_radiotherapy_gives_no_warning(real_checker):
    # The randomised chemoradiotherapy trial found no loss of response and no excess of severe toxicity.
    ix = _curated(real_checker.kb, "dichloroacetate--ctx-radiation")
    assert (ix.severity, ix.kind) == ("none", "context")
    result = real_checker.check(drugs=[], supplements=["dichloroacetate"], context=["radiation"])
    assert not [f for f in result.findings if f.context and f.severity.value != "none"]


# Labels that speak of antacids as a class reach sodium bicarbonate as they reach calcium and magnesium.
@pytest.mark.parametrize(("drug", "severity", "words"), [
    ("sotorasib 960 mg daily", "major", "avoid"),
    ("selpercatinib 160 mg twice daily", "major", "avoid"),
    ("erlotinib 150 mg daily", "moderate", "separate"),
    ("dacomitinib 45 mg daily", "minor", "no dose adjustment"),
])
def test_an_antacid_label_reaches_sodium_bicarbonate(real_checker, drug, severity, words):
    [finding] = _pair_findings(_check(real_checker, "sodium bicarbonate 650 mg", drug))
    assert finding.severity.value == severity and words in finding.title and "antacid" in finding.management


def test_a_cation_label_does_not_reach_sodium_bicarbonate(real_checker):
    # Chelation needs a polyvalent cation: the ciprofloxacin label's separation is for magnesium and aluminium.
    assert not _pair_findings(_check(real_checker, "sodium bicarbonate 650 mg", "ciprofloxacin 500 mg twice daily"))
