"""The JSON Schema of the check result (the README's JSON contract), exported into schema/ in the repository.

Regenerate with: python -m suppcheck.schema > schema/check-result.schema.json
"""

from __future__ import annotations

import json

from suppcheck.models import CheckResult


def check_result_schema() -> dict:
    schema = CheckResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://w3id.org/suppcheck/schema/check-result-1.json"
    return schema


def main() -> None:
    print(json.dumps(check_result_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
