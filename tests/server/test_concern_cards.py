"""CDS Hooks: several supplements adding to one concern with one drug make one card, not one per pair."""

from __future__ import annotations

from fastapi.testclient import TestClient
from suppcheck_cli.service import create_app
from tests_support import fhir_bundle as _bundle


def test_patient_view_shows_a_bleeding_group_once(real_checker):
    client = TestClient(create_app(real_checker))
    meds = [("MedicationStatement", t, "active") for t in
            ("apixaban 5 mg BID", "ginkgo 120 mg", "fish oil 4 g daily", "vitamin E 800 IU daily", "garlic 600 mg")]
    body = {"hookInstance": "c0ffee00-0000-4000-8000-000000000001", "hook": "patient-view",
            "context": {"userId": "Practitioner/x", "patientId": "p1"}, "prefetch": {"medicationStatements": _bundle(meds)}}
    cards = client.post("/cds-services/suppcheck-patient-view", json=body).json()["cards"]
    bleeding = [c for c in cards if "bleeding with apixaban" in c["summary"]]
    assert len(bleeding) == 1, [c["summary"] for c in cards]
    assert all(name in bleeding[0]["summary"] for name in ("ginkgo", "fish oil", "garlic"))
    assert not any(c["summary"].startswith(("Moderate: Ginkgo", "Moderate: Garlic")) for c in cards)
