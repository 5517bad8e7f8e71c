"""Stop-before-surgery times in the bundled graph: each source's time is recorded, the longest is used."""

from __future__ import annotations

import pytest

SUPP = "https://w3id.org/suppcheck/supplement/"
SRC = "https://w3id.org/suppcheck/source/"
JAMA_2001 = SRC + "doi-10.1001-jama.286.2.208"        # Ang-Lee, Moss, Yuan, JAMA 2001 (PMID 11448284)
ANAESTHESIA_2002 = SRC + "pmid12190754"              # Hodges & Kam, Anaesthesia 2002
BLEEDING_2022 = SRC + "pmid36304597"                 # Dietary supplements and bleeding, 2022


@pytest.fixture(scope="module")
def kb(real_checker):
    return real_checker.kb


def _days_from(kb, supplement: str, source: str) -> list[float]:
    return [w.days for w in kb.washouts.get(SUPP + supplement, []) if source in w.sources]


@pytest.mark.parametrize("supplement, days", [
    ("garlic", 7.0),            # at least 7 days
    ("ginkgo", 1.5),            # at least 36 hours
    ("panax-ginseng", 7.0),     # at least 7 days
    ("american-ginseng", 7.0),
    ("kava", 1.0),              # at least 24 hours
    ("ephedra", 1.0),           # at least 24 hours
    ("st-johns-wort", 5.0),     # at least 5 days
])
def test_the_jama_review_times_are_recorded(kb, supplement, days):
    assert _days_from(kb, supplement, JAMA_2001) == [days]


@pytest.mark.parametrize("supplement", [
    "echinacea", "garlic", "ginkgo", "panax-ginseng", "st-johns-wort", "valerian", "ephedra", "kava",
    "grapefruit", "ginger"])
def test_the_anaesthesia_review_gives_two_weeks_for_the_herbs_it_names(kb, supplement):
    assert _days_from(kb, supplement, ANAESTHESIA_2002) == [14.0]


@pytest.mark.parametrize("supplement", ["garlic", "hawthorn", "cordyceps", "echinacea", "aloe-vera"])
def test_the_bleeding_review_gives_two_weeks(kb, supplement):
    assert _days_from(kb, supplement, BLEEDING_2022) == [14.0]


@pytest.mark.parametrize("supplement, days", [
    ("garlic", 14.0),           # 7 days (JAMA 2001) and 2 weeks (Anaesthesia 2002, bleeding review 2022)
    ("ginkgo", 14.0),           # 36 hours and 2 weeks
    ("st-johns-wort", 14.0),    # 5 days and 2 weeks
    ("hawthorn", 14.0),
])
def test_the_longest_time_is_the_one_used(kb, supplement, days):
    washout = kb.washout_days(SUPP + supplement)
    assert washout is not None and washout.days == days
    assert washout.days == max(w.days for w in kb.washouts[SUPP + supplement])


def test_echinacea_has_no_jama_time(kb):
    # The 2001 review gives "no data" for echinacea: only the two-week advice of the later reviews.
    assert not _days_from(kb, "echinacea", JAMA_2001)


def test_siberian_ginseng_is_not_given_the_panax_times(kb):
    assert kb.washout_days(SUPP + "siberian-ginseng") is None


@pytest.mark.parametrize("supplement", ["vitamin-d", "melatonin", "fish-oil"])
def test_a_supplement_no_source_times_has_none(kb, supplement):
    assert kb.washout_days(SUPP + supplement) is None


def test_every_time_cites_a_source_and_says_why(kb):
    for washouts in kb.washouts.values():
        for w in washouts:
            assert w.sources and w.note
            assert w.evidence in {"theoretical", "case-report"}
