"""First facts of drugs that carried none: for each, one finding its new facts give, and a control (real graph).

Each drug gets, from its US prescribing information (or the EU or Swiss product information, or a PubMed source),
the properties its siblings carry (glucose lowering, bleeding, serotonergic, CNS depressant, chelation, blood
pressure ...), its enzyme roles and the label's instructions on inhibitors, inducers or named products.
"""

from __future__ import annotations

import pytest

_RANK = {"none": 0, "minor": 1, "moderate": 2, "major": 3}


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# (drug line, drug name, supplement line, supplement name, expected severity)
FINDINGS = [
    # insulin named without its type: what every insulin's label says of insulin itself
    ("insulin 10 units before meals", "insulin (type not given)", "berberine 500 mg three times daily", "berberine",
     "moderate"),
    ("sliding scale insulin", "insulin (type not given)", "licorice root 2 g daily", "licorice", "moderate"),
    # glucose-lowering drugs and NSAIDs
    ("Humulin R 10 units before meals", "regular human insulin", "berberine 500 mg three times daily", "berberine",
     "moderate"),
    ("semaglutide 1 mg weekly", "semaglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Victoza 1.2 mg daily", "liraglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Trulicity 1.5 mg weekly", "dulaglutide", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Jardiance 10 mg daily", "empagliflozin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("empagliflozin 25 mg daily", "empagliflozin", "hibiscus tea", "hibiscus", "moderate"),
    ("Farxiga 10 mg daily", "dapagliflozin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Januvia 100 mg daily", "sitagliptin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Tradjenta 5 mg daily", "linagliptin", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("linagliptin 5 mg daily", "linagliptin", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("Actos 30 mg daily", "pioglitazone", "berberine 500 mg three times daily", "berberine", "moderate"),
    ("pioglitazone 30 mg daily", "pioglitazone", "magnolia bark extract", "magnolia bark", "minor"),
    ("Celebrex 200 mg daily", "celecoxib", "fish oil 4 g daily", "fish oil", "moderate"),
    ("celecoxib 200 mg twice daily", "celecoxib", "ginkgo biloba 240 mg daily", "ginkgo", "moderate"),
    ("celecoxib 200 mg daily", "celecoxib", "CBD oil 25 mg daily", "cannabidiol (CBD)", "minor"),
    ("Toradol 10 mg every 6 hours", "ketorolac", "ginkgo biloba 240 mg daily", "ginkgo", "moderate"),
    ("Mobic 15 mg daily", "meloxicam", "fish oil 4 g daily", "fish oil", "moderate"),
    ("meloxicam 7.5 mg daily", "meloxicam", "CBD oil 25 mg daily", "cannabidiol (CBD)", "minor"),
    # psychiatric, neurological and antiemetic drugs
    ("vortioxetine 10 mg daily", "vortioxetine", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("vortioxetine 10 mg daily", "vortioxetine", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("cyclobenzaprine 10 mg three times daily", "cyclobenzaprine", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("risperidone 2 mg daily", "risperidone", "valerian 500 mg at night", "valerian", "moderate"),
    ("risperidone 2 mg daily", "risperidone", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("prochlorperazine 10 mg every 6 hours as needed", "prochlorperazine", "valerian 500 mg at night", "valerian",
     "moderate"),
    ("topiramate 50 mg twice daily", "topiramate", "valerian 500 mg at night", "valerian", "moderate"),
    ("methylphenidate 10 mg twice daily", "methylphenidate", "yohimbe 5 mg daily", "yohimbe", "moderate"),
    ("nabilone 1 mg twice daily", "nabilone", "valerian 500 mg at night", "valerian", "moderate"),
    ("donepezil 10 mg at night", "donepezil", "licorice root extract 1 g daily", "licorice", "moderate"),
    # anti-infective, gastrointestinal and antiemetic drugs
    ("minocycline 100 mg twice daily", "minocycline", "calcium 600 mg daily", "calcium", "moderate"),
    ("esomeprazole 40 mg daily", "esomeprazole", "St John's wort 300 mg three times daily", "St John's wort", "minor"),
    ("rifabutin 300 mg daily", "rifabutin", "goldenseal 1 g daily", "goldenseal", "moderate"),
    ("metronidazole 500 mg three times daily", "metronidazole", "vitamin B6 200 mg daily", "vitamin B6", "moderate"),
    ("letermovir 480 mg daily", "letermovir", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("palonosetron 0.25 mg IV", "palonosetron", "5-HTP 100 mg daily", "5-HTP", "moderate"),
    ("fosaprepitant 150 mg IV", "fosaprepitant", "St John's wort 300 mg three times daily", "St John's wort", "major"),
    ("dapsone 100 mg daily", "dapsone", "fish oil 4 g daily", "fish oil", "minor"),
    ("sucralfate 1 g four times daily", "sucralfate", "niacin 2 g daily", "niacin", "moderate"),
    ("famotidine 20 mg twice daily", "famotidine", "caffeine 200 mg daily", "caffeine", "minor"),
    # hormones, supportive and other drugs
    ("tadalafil 5 mg daily", "tadalafil", "garlic extract 600 mg daily", "garlic", "moderate"),
    ("tadalafil 5 mg daily", "tadalafil", "St John's wort 300 mg three times daily", "St John's wort", "moderate"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "grapefruit juice 250 mL daily", "grapefruit", "moderate"),
    ("fludrocortisone 0.1 mg daily", "fludrocortisone", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("megestrol acetate 800 mg daily", "megestrol acetate", "niacin 1 g daily", "niacin", "moderate"),
    ("testosterone enanthate 75 mg weekly", "testosterone", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "kava 250 mg daily", "kava", "moderate"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "fish oil 4 g daily", "fish oil", "minor"),
    ("avatrombopag 20 mg daily", "avatrombopag", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("epoetin alfa 40000 units weekly", "epoetin alfa", "caffeine 400 mg daily", "caffeine", "moderate"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "calcium 600 mg daily", "calcium", "minor"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "red yeast rice 1200 mg daily", "red yeast rice", "moderate"),
    ("octreotide 100 mcg three times daily", "octreotide", "niacin 1 g daily", "niacin", "moderate"),
    # statins, antacids, decongestants and other drugs
    ("pravastatin 40 mg daily", "pravastatin", "red yeast rice 1200 mg daily", "red yeast rice", "moderate"),
    ("Maalox 20 mL after meals", "aluminium and magnesium hydroxide", "peppermint oil capsules 0.2 mL three times daily",
     "peppermint", "minor"),
    ("phenylephrine 10 mg every 4 hours", "phenylephrine", "yohimbe 5 mg daily", "yohimbe", "moderate"),
    ("pentamidine 4 mg/kg IV daily", "pentamidine", "licorice root extract 1 g daily", "licorice", "moderate"),
    ("Kadcyla 3.6 mg/kg every 3 weeks", "trastuzumab emtansine", "kava 250 mg daily", "kava", "moderate"),
    ("allopurinol 300 mg daily", "allopurinol", "kava 250 mg daily", "kava", "moderate"),
    ("febuxostat 40 mg daily", "febuxostat", "kava 250 mg daily", "kava", "moderate"),
    ("Zyrtec 10 mg daily", "cetirizine", "valerian 500 mg at night", "valerian", "moderate"),
    ("atovaquone 1500 mg daily", "atovaquone", "ashwagandha 600 mg daily", "ashwagandha", "moderate"),
    ("entecavir 0.5 mg daily", "entecavir", "black cohosh 40 mg daily", "black cohosh", "moderate"),
    # label instructions and properties read again (aripiprazole: the ABILIFY dose adjustment for strong CYP3A4
    # inducers; darbepoetin alfa: blood pressure, as epoetin alfa)
    ("aripiprazole 10 mg daily", "aripiprazole", "St John's wort 300 mg three times daily", "St John's wort",
     "moderate"),
    ("Aranesp 100 mcg every 2 weeks", "darbepoetin alfa", "caffeine 400 mg daily", "caffeine", "moderate"),
]

# (drug line, drug name, supplement line, supplement name, severity, words of the finding's title): a finding that
# is not the pair's worst, found by its title
CHAINS = [
    ("modafinil 200 mg daily", "modafinil", "red yeast rice 1200 mg daily", "red yeast rice", "minor",
     "modafinil may lower"),
]

# (drug line, drug name, supplement line, supplement name): nothing reaches the pair.
SILENT = [
    ("insulin 10 units before meals", "insulin (type not given)", "vitamin C 500 mg daily", "vitamin C"),
    # glucose-lowering drugs and NSAIDs
    ("Humulin R 10 units before meals", "regular human insulin", "fish oil 1 g daily", "fish oil"),
    ("Ozempic 1 mg weekly", "semaglutide", "fish oil 1 g daily", "fish oil"),
    ("liraglutide 1.8 mg daily", "liraglutide", "vitamin C 500 mg daily", "vitamin C"),
    ("dulaglutide 1.5 mg weekly", "dulaglutide", "magnesium 300 mg daily", "magnesium"),
    ("empagliflozin 10 mg daily", "empagliflozin", "zinc 15 mg daily", "zinc"),
    ("dapagliflozin 10 mg daily", "dapagliflozin", "fish oil 1 g daily", "fish oil"),
    ("sitagliptin 100 mg daily", "sitagliptin", "vitamin D 1000 IU daily", "vitamin D"),
    ("linagliptin 5 mg daily", "linagliptin", "calcium carbonate 500 mg daily", "calcium"),
    ("pioglitazone 30 mg daily", "pioglitazone", "fish oil 1 g daily", "fish oil"),
    # below the antiplatelet threshold of fish oil (3 g a day)
    ("celecoxib 200 mg daily", "celecoxib", "fish oil 1 g daily", "fish oil"),
    ("ketorolac 10 mg every 6 hours", "ketorolac", "magnesium 300 mg daily", "magnesium"),
    ("meloxicam 15 mg daily", "meloxicam", "vitamin C 500 mg daily", "vitamin C"),
    # psychiatric, neurological and antiemetic drugs
    ("vortioxetine 10 mg daily", "vortioxetine", "fish oil 1 g daily", "fish oil"),
    ("cyclobenzaprine 10 mg three times daily", "cyclobenzaprine", "calcium 500 mg daily", "calcium"),
    ("risperidone 2 mg daily", "risperidone", "5-HTP 100 mg daily", "5-HTP"),
    ("prochlorperazine 10 mg every 6 hours as needed", "prochlorperazine", "vitamin C 500 mg daily", "vitamin C"),
    ("topiramate 50 mg twice daily", "topiramate", "5-HTP 100 mg daily", "5-HTP"),
    ("methylphenidate 10 mg twice daily", "methylphenidate", "valerian 500 mg at night", "valerian"),
    ("modafinil 200 mg daily", "modafinil", "melatonin 3 mg at night", "melatonin"),
    ("nabilone 1 mg twice daily", "nabilone", "calcium 500 mg daily", "calcium"),
    ("aripiprazole 10 mg daily", "aripiprazole", "fish oil 1 g daily", "fish oil"),
    ("donepezil 10 mg at night", "donepezil", "valerian 500 mg at night", "valerian"),
    # anti-infective, gastrointestinal and antiemetic drugs
    ("minocycline 100 mg twice daily", "minocycline", "fish oil 1 g daily", "fish oil"),
    ("esomeprazole 40 mg daily", "esomeprazole", "fish oil 1 g daily", "fish oil"),
    ("rifabutin 300 mg daily", "rifabutin", "fish oil 1 g daily", "fish oil"),
    ("metronidazole 500 mg three times daily", "metronidazole", "vitamin B6 25 mg daily", "vitamin B6"),
    ("letermovir 480 mg daily", "letermovir", "fish oil 1 g daily", "fish oil"),
    ("palonosetron 0.25 mg IV", "palonosetron", "calcium 600 mg daily", "calcium"),
    ("fosaprepitant 150 mg IV", "fosaprepitant", "fish oil 1 g daily", "fish oil"),
    ("dapsone 100 mg daily", "dapsone", "vitamin B6 200 mg daily", "vitamin B6"),
    ("sucralfate 1 g four times daily", "sucralfate", "niacin 500 mg daily", "niacin"),
    ("famotidine 20 mg twice daily", "famotidine", "fish oil 1 g daily", "fish oil"),
    # hormones, supportive and other drugs
    ("tadalafil 5 mg daily", "tadalafil", "vitamin C 500 mg daily", "vitamin C"),
    ("hydrocortisone 10 mg twice daily", "hydrocortisone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("fludrocortisone 0.1 mg daily", "fludrocortisone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("megestrol acetate 800 mg daily", "megestrol acetate", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("testosterone enanthate 75 mg weekly", "testosterone", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("trabectedin 1.5 mg/m2 every 3 weeks", "trabectedin", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("avatrombopag 20 mg daily", "avatrombopag", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("epoetin alfa 40000 units weekly", "epoetin alfa", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    ("pamidronate 90 mg every 4 weeks", "pamidronate", "iron 65 mg daily", "iron"),
    ("octreotide 100 mcg three times daily", "octreotide", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
    # statins, antacids, decongestants and other drugs
    ("pravastatin 40 mg daily", "pravastatin", "niacin 20 mg daily", "niacin"),
    ("Maalox 20 mL after meals", "aluminium and magnesium hydroxide", "fish oil 1 g daily", "fish oil"),
    ("phenylephrine 10 mg every 4 hours", "phenylephrine", "vitamin C 500 mg daily", "vitamin C"),
    ("pentamidine 4 mg/kg IV daily", "pentamidine", "fish oil 1 g daily", "fish oil"),
    ("Kadcyla 3.6 mg/kg every 3 weeks", "trastuzumab emtansine", "vitamin D 1000 IU daily", "vitamin D"),
    ("allopurinol 300 mg daily", "allopurinol", "vitamin C 500 mg daily", "vitamin C"),
    ("febuxostat 40 mg daily", "febuxostat", "fish oil 1 g daily", "fish oil"),
    ("cetirizine 10 mg daily", "cetirizine", "fish oil 1 g daily", "fish oil"),
    ("atovaquone 1500 mg daily", "atovaquone", "fish oil 1 g daily", "fish oil"),
    ("entecavir 0.5 mg daily", "entecavir", "vitamin C 500 mg daily", "vitamin C"),
    ("darbepoetin alfa 100 mcg every 2 weeks", "darbepoetin alfa", "coenzyme Q10 100 mg daily", "coenzyme Q10"),
]


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity"), FINDINGS)
def test_new_facts_give_a_finding(real_checker, drug, name, supplement, supp_name, severity):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = _pair(result, supp_name, name)
    assert found, f"{supp_name} + {name}: no finding"
    worst = max(found, key=lambda f: _RANK[f.severity.value])
    assert worst.severity.value == severity, (supp_name, name, [f.title for f in found])


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name", "severity", "words"), CHAINS)
def test_new_facts_reach_the_pair(real_checker, drug, name, supplement, supp_name, severity, words):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = [f for f in _pair(result, supp_name, name) if words in f.title]
    assert found, (supp_name, name, [f.title for f in _pair(result, supp_name, name)])
    assert found[0].severity.value == severity


@pytest.mark.parametrize(("drug", "name", "supplement", "supp_name"), SILENT)
def test_negative_control_stays_silent(real_checker, drug, name, supplement, supp_name):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    assert not _pair(result, supp_name, name)


@pytest.mark.parametrize(("line", "name"), [
    ("insulin", "insulin (type not given)"), ("sliding scale insulin", "insulin (type not given)"),
    ("insulin glargine 20 units at bedtime", "insulin glargine"), ("Humalog 5 units with meals", "insulin lispro"),
])
def test_insulin_without_its_type_is_read_as_such_and_a_named_insulin_as_itself(real_checker, line, name):
    from suppcheck.models import Role

    item, parties = real_checker.item(line, Role.drug)
    assert item.status.value == "recognized"
    assert [real_checker.kb.name_of(p.entity) for p in parties] == [name]


@pytest.mark.parametrize(("line", "severity"), [
    ("pentamidine 4 mg/kg IV daily", "moderate"), ("pentamidine 300 mg inhaled monthly", "minor"),
    ("NebuPent 300 mg monthly", "minor"),
])
def test_inhaled_pentamidine_is_a_form_breathed_in(real_checker, line, severity):
    """Pentamidine's QT, kidney and blood pressure facts are of intravenous use: an inhaled line keeps its
    findings, shown as minor."""
    result = real_checker.check(drugs=[line], supplements=["licorice root 2 g daily"])
    assert [f.severity.value for f in result.findings if f.drug] == [severity]


@pytest.mark.parametrize("line", ["Percocet 5/325 mg every 6 hours as needed", "Endocet 10/325 mg", "oxycodone/APAP 5/325"])
def test_an_oxycodone_and_acetaminophen_product_is_read_as_both_drugs(real_checker, line):
    from suppcheck.models import Role

    item, parties = real_checker.item(line, Role.drug)
    assert item.status.value == "recognized"
    assert sorted(real_checker.kb.name_of(p.entity) for p in parties) == ["acetaminophen", "oxycodone"]
