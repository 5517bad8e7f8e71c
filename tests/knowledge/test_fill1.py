"""Claims given to TCM herbs and mushrooms that were names only (real graph): pinellia lowers CYP3A activity in rats,
jujube fruit extract induces CYP1A2 in rats, Phellinus linteus polysaccharides stimulate immune cells in vitro, and
Antrodia lowered platelet counts in a small randomised trial with chemotherapy. Each reaches a finding at its honest
level; a drug outside the claim stays silent."""

from __future__ import annotations

import pytest
from drugcheck import pair


@pytest.mark.parametrize(("drug", "drug_name", "supplement", "supplement_name", "severity", "word"), [
    # rats only: CYP3A inhibition reaches a sensitive CYP3A substrate as a minor, in-vitro-only finding
    ("midazolam 7.5 mg at night", "midazolam", "ban xia (pinellia) 9 g daily", "pinellia", "minor", "exposure"),
    # rats only: CYP1A2 induction by fruit extracts lowers a CYP1A2 substrate's exposure
    ("tizanidine 4 mg three times daily", "tizanidine", "jujube extract 500 mg daily", "jujube", "minor", "lower"),
    # in vitro immune stimulation against intended immunosuppression: theoretical, minor
    ("tacrolimus 2 mg twice daily", "tacrolimus", "Phellinus linteus 1 g daily", "Phellinus linteus", "minor",
     "oppose"),
    # the randomised trial with chemotherapy: curated class entry, minor
    ("carboplatin AUC 5 every 3 weeks", "carboplatin", "Antrodia cinnamomea 20 mL twice daily", "Antrodia", "minor",
     "platelet"),
])
def test_claim_reaches_a_finding(real_checker, drug, drug_name, supplement, supplement_name, severity, word):
    result = real_checker.check(drugs=[drug], supplements=[supplement])
    found = pair(result, supplement_name, drug_name)
    assert found, [(f.supplement.name, f.drug and f.drug.name, f.title) for f in result.findings]
    assert found[0].severity.value == severity
    assert word in found[0].title.lower()


def test_antrodia_entry_names_the_trial_setting(real_checker):
    result = real_checker.check(drugs=["paclitaxel 80 mg/m2 weekly"], supplements=["Antrodia camphorata"])
    found = pair(result, "Antrodia", "paclitaxel")
    assert found and found[0].evidence.level.value == "clinical"
    assert "platelet counts" in found[0].management


def test_no_finding_outside_the_claims(real_checker):
    # metformin is not a CYP1A2 or CYP3A4 substrate of note, not an immunosuppressant, not chemotherapy
    result = real_checker.check(
        drugs=["metformin 500 mg twice daily"],
        supplements=["jujube extract 500 mg daily", "pinellia 9 g daily", "Phellinus linteus 1 g daily", "Antrodia"])
    assert not [f for f in result.findings if f.drug is not None], [f.title for f in result.findings]
