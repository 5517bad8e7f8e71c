"""Inhaled, nasal, antibiotic and gut fixed-dose combinations read as the drugs their records list (real graph):
Combivent Respimat, DuoNeb, Stiolto Respimat, Bevespi Aerosphere, Airsupra, Dymista, Unasyn and Librax."""

from __future__ import annotations

import pytest
from drugcheck import hits as _hits
from drugcheck import read_line as _read
from drugcheck import set_drugs as _drugs

IPRA_ALB = {"ipratropium", "albuterol"}
STIOLTO = {"tiotropium", "olodaterol"}
BEVESPI = {"glycopyrrolate", "formoterol"}
AIRSUPRA = {"albuterol", "budesonide"}
DYMISTA = {"azelastine", "fluticasone"}
UNASYN = {"ampicillin", "sulbactam"}
LIBRAX = {"chlordiazepoxide", "clidinium"}


@pytest.mark.parametrize("line, expected, name", [
    ("Combivent Respimat", IPRA_ALB, "Combivent Respimat"), ("Combivent", IPRA_ALB, "Combivent Respimat"),
    ("Combivent Respimat 1 inhalation four times daily", IPRA_ALB, "Combivent Respimat"),
    ("ipratropium/albuterol", IPRA_ALB, "Combivent Respimat"), ("ipratropium-albuterol nebs", IPRA_ALB, "Combivent Respimat"),
    ("ipratropium bromide and albuterol", IPRA_ALB, "Combivent Respimat"),
    ("DuoNeb", IPRA_ALB, "DuoNeb"), ("Duo-Neb", IPRA_ALB, "DuoNeb"),
    ("DuoNeb 3 mL via nebulizer every 6 hours", IPRA_ALB, "DuoNeb"),
    ("ipratropium bromide and albuterol sulfate 0.5 mg/3 mg nebulized QID", IPRA_ALB, "DuoNeb"),
    ("Stiolto Respimat", STIOLTO, "Stiolto Respimat"), ("Stiolto", STIOLTO, "Stiolto Respimat"),
    ("Stiolto Respimat 2.5/2.5 mcg 2 inhalations once daily", STIOLTO, "Stiolto Respimat"),
    ("tiotropium/olodaterol", STIOLTO, "Stiolto Respimat"),
    ("Bevespi Aerosphere", BEVESPI, "Bevespi Aerosphere"), ("Bevespi", BEVESPI, "Bevespi Aerosphere"),
    ("Bevespi Aerosphere 9/4.8 mcg 2 puffs twice daily", BEVESPI, "Bevespi Aerosphere"),
    ("glycopyrrolate/formoterol", BEVESPI, "Bevespi Aerosphere"),
    ("Airsupra", AIRSUPRA, "Airsupra"), ("Airsupra 90/80 mcg 2 puffs as needed", AIRSUPRA, "Airsupra"),
    ("albuterol/budesonide", AIRSUPRA, "Airsupra"),
    ("Dymista", DYMISTA, "Dymista"), ("Dymista 1 spray each nostril twice daily", DYMISTA, "Dymista"),
    ("azelastine/fluticasone", DYMISTA, "Dymista"), ("azelastine hydrochloride and fluticasone propionate", DYMISTA, "Dymista"),
    ("Unasyn", UNASYN, "Unasyn"), ("Unasyn 3 g IV every 6 hours", UNASYN, "Unasyn"),
    ("ampicillin/sulbactam", UNASYN, "Unasyn"), ("ampicillin-sulbactam 3 g IV q6h", UNASYN, "Unasyn"),
    ("Librax", LIBRAX, "Librax"), ("Librax 1 capsule three times daily before meals", LIBRAX, "Librax"),
    ("chlordiazepoxide/clidinium", LIBRAX, "Librax"), ("chlordiazepoxide-clidinium 5/2.5 mg TID", LIBRAX, "Librax"),
])
def test_a_combination_product_is_read_as_all_its_drugs(real_checker, line, expected, name):
    item = _read(real_checker, line)
    assert item.status.value == "recognized", item.status
    assert item.match is not None and item.match.name == name
    assert _drugs(item) == expected
    assert not item.reading.unread


@pytest.mark.parametrize("line, drug", [
    ("Atrovent", "ipratropium"), ("ProAir HFA", "albuterol"), ("Spiriva", "tiotropium"), ("Striverdi", "olodaterol"),
    ("Robinul", "glycopyrrolate"), ("Perforomist", "formoterol"), ("Pulmicort", "budesonide"), ("Astelin", "azelastine"),
    ("Flonase", "fluticasone"), ("ampicillin", "ampicillin"), ("sulbactam", "sulbactam"),
    ("chlordiazepoxide", "chlordiazepoxide"), ("clidinium bromide", "clidinium"),
])
def test_the_single_drugs_still_resolve_alone(real_checker, line, drug):
    res = real_checker.resolve(line, "drug")
    assert res.status.value == "recognized"
    assert res.match.name == drug


def test_a_finding_reaches_the_chlordiazepoxide_of_librax(real_checker):
    """Chlordiazepoxide is a benzodiazepine and a CNS depressant: valerian's sedation reaches it through a Librax line."""
    assert _hits(real_checker, "Librax 1 capsule three times daily", "valerian 450 mg at bedtime") == {
        "chlordiazepoxide": "moderate"}


def test_the_albuterol_of_duoneb_meets_liquorice(real_checker):
    assert _hits(real_checker, "DuoNeb 3 mL via nebulizer every 6 hours", "liquorice root 3 g daily").get("albuterol") == "moderate"


def test_the_ampicillin_of_unasyn_meets_probiotics(real_checker):
    """The antibiotic class entry (probiotics killed in the gut) reaches ampicillin, not the beta-lactamase inhibitor."""
    assert _hits(real_checker, "Unasyn 3 g IV every 6 hours", "probiotics") == {"ampicillin": "minor"}


def test_the_azelastine_of_dymista_meets_a_sedating_supplement(real_checker):
    assert _hits(real_checker, "Dymista 1 spray each nostril twice daily", "valerian 450 mg").get("azelastine") == "moderate"


def test_an_inhaler_without_a_fact_stays_silent(real_checker):
    """Neither tiotropium nor olodaterol carries an enzyme or a property fact: St John's wort finds nothing."""
    assert _hits(real_checker, "Stiolto Respimat 2 inhalations once daily", "St John's wort 300 mg three times daily") == {}
