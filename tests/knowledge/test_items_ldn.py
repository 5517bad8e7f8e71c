"""Low-dose naltrexone and methylene blue (real graph).

Their names resolve to them (bare "naltrexone", the 50 mg drug, does not), and the findings a clinician sees
follow their sources: the naltrexone label's contraindication with opioid analgesics, and the FDA's warning
and the PROVAYBLUE boxed warning on serotonin syndrome with SSRIs, SNRIs and opioids. Each has a negative
control that must stay silent.
"""

from __future__ import annotations

import pytest
from suppcheck.models import Role


def _pair(result, supplement: str, drug: str):
    return [f for f in result.findings
            if f.supplement.name == supplement and f.drug is not None and f.drug.name == drug]


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize(("line", "expected"), [
    ("low-dose naltrexone 4.5 mg at night", "low-dose naltrexone"),
    ("low dose naltrexone 3 mg", "low-dose naltrexone"),
    ("LDN 1.5 mg nightly", "low-dose naltrexone"),
    ("methylene blue 15 mg daily", "methylene blue"),
    ("methylthioninium chloride", "methylene blue"),
    ("ProvayBlue", "methylene blue"),
])
def test_names_resolve(real_checker, line, expected):
    item, _ = real_checker.item(line, Role.supplement)
    assert item.match is not None and item.match.name == expected, line


def test_bare_naltrexone_is_not_taken_for_the_low_dose_product(real_checker):
    item, _ = real_checker.item("naltrexone 50 mg daily", Role.supplement)
    assert item.match is None or item.match.name != "low-dose naltrexone"


# ----------------------------------------------------------------------------- low-dose naltrexone
@pytest.mark.parametrize("drug", ["morphine 10 mg every 4 hours", "oxycodone 5 mg", "methadone 10 mg twice daily",
                                  "buprenorphine"])
def test_ldn_with_an_opioid_is_major(real_checker, drug):
    result = real_checker.check(drugs=[drug], supplements=["LDN 4.5 mg at night"])
    name = drug.split()[0]
    [f] = _pair(result, "low-dose naltrexone", name)
    assert f.severity.value == "major"
    assert "opioid" in f.title.lower() and "withdrawal" in f.title.lower()
    assert "contraindicates" in f.management


def test_ldn_with_a_drug_that_is_not_an_opioid_is_silent(real_checker):
    result = real_checker.check(drugs=["letrozole 2.5 mg daily"], supplements=["low-dose naltrexone 4.5 mg"])
    assert not [f for f in result.findings if f.supplement.name == "low-dose naltrexone"]


# ----------------------------------------------------------------------------- methylene blue
@pytest.mark.parametrize(("drug", "name", "word"), [
    ("sertraline 50 mg daily", "sertraline", "ssri"),
    ("escitalopram 10 mg", "escitalopram", "ssri"),
    ("venlafaxine 75 mg daily", "venlafaxine", "snri"),
    ("duloxetine 60 mg daily", "duloxetine", "snri"),
    ("oxycodone 5 mg every 6 hours", "oxycodone", "opioid"),
])
def test_methylene_blue_serotonin_syndrome_is_major(real_checker, drug, name, word):
    result = real_checker.check(drugs=[drug], supplements=["methylene blue 15 mg daily"])
    [f] = _pair(result, "methylene blue", name)
    assert f.severity.value == "major"
    assert "serotonin syndrome" in f.title.lower() and word in f.title.lower()


def test_methylene_blue_adds_to_another_serotonergic_drug(real_checker):
    """A serotonergic drug outside the named classes gets the serotonergic rule, not a curated major."""
    result = real_checker.check(drugs=["amitriptyline 10 mg at night"], supplements=["methylene blue 15 mg"])
    [f] = _pair(result, "methylene blue", "amitriptyline")
    assert "serotonergic" in f.title
    assert f.severity.value == "moderate"


def test_methylene_blue_with_a_drug_that_is_not_serotonergic_is_silent(real_checker):
    result = real_checker.check(drugs=["tamoxifen 20 mg daily"], supplements=["methylene blue 15 mg daily"])
    assert not [f for f in result.findings if f.supplement.name == "methylene blue"]


@pytest.mark.parametrize(("drug", "name"), [
    ("sumatriptan 50 mg as needed", "sumatriptan"),
    ("Maxalt 10 mg at migraine onset", "rizatriptan"),
    ("zolmitriptan 2.5 mg prn", "zolmitriptan"),
])
def test_methylene_blue_with_a_triptan_cleared_by_mao_a_is_major(real_checker, drug, name):
    """The triptan's label contraindicates MAO-A inhibitors, and the FDA calls methylene blue one."""
    result = real_checker.check(drugs=[drug], supplements=["methylene blue 15 mg daily"])
    [f] = _pair(result, "methylene blue", name)
    assert f.severity.value == "major" and "MAO-A" in f.title
    assert f.evidence.basis.value == "curated"


def test_methylene_blue_with_a_triptan_not_cleared_by_mao_a_keeps_the_serotonergic_rule(real_checker):
    result = real_checker.check(drugs=["eletriptan 40 mg prn"], supplements=["methylene blue 15 mg daily"])
    [f] = _pair(result, "methylene blue", "eletriptan")
    assert f.severity.value == "moderate" and "serotonergic" in f.title


def test_methylene_blue_is_graded_an_mao_a_inhibitor(real_checker):
    kb = real_checker.kb
    [claim] = [c for c in kb.modulations_of("https://w3id.org/suppcheck/supplement/methylene-blue")
               if c.target.endswith("/MAOA")]
    assert claim.action == "inhibition" and claim.evidence == "case-report"
