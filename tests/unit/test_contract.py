"""The JSON contract: real output validates against the exported schema, and the schema is current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from suppcheck.schema import check_result_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "check-result.schema.json"


def test_exported_schema_is_current():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == check_result_schema(), (
        "schema/check-result.schema.json is stale: python -m suppcheck.schema > schema/check-result.schema.json")


def test_real_output_validates_and_has_the_design_keys(real_checker):
    result = real_checker.check(drugs=["imatinib 400 mg daily", "warfarin 5 mg daily"],
                                supplements=["St John's wort 300 mg three times daily", "ginkgo", "no such herb"],
                                context=["radiation"])
    doc = json.loads(result.model_dump_json())
    jsonschema.validate(doc, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    assert doc["schema_version"] == "1"
    assert set(doc) == {"schema_version", "knowledge", "items", "findings", "concerns", "summary"}
    assert set(doc["knowledge"]) == {"version", "sha256", "triples"}
    assert set(doc["summary"]) >= {"highest_severity", "counts", "not_checked"}
    assert doc["summary"]["not_checked"] == ["no such herb"]
    for finding in doc["findings"]:
        assert set(finding) >= {"severity", "title", "supplement", "drug", "context", "kind", "mechanisms",
                                "effect", "management", "evidence"}
        assert finding["evidence"]["sources"], "every finding carries its sources"
        assert finding["supplement"]["input"] in {i["input"] for i in doc["items"]}
