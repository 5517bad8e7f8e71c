"""A synthetic FHIR Bulk Data export of N patients, seeded and reproducible, for `suppcheck screen`.

    python benchmarks/synth_bulk.py OUT_DIR --patients 10000 [--seed 7] [--gzip] [--flat OUT.csv]

Writes Patient.ndjson, Medication.ndjson, MedicationStatement.ndjson and MedicationRequest.ndjson
(".ndjson.gz" with --gzip) and a manifest (synth-manifest.json). Each patient gets drugs (as
MedicationRequests, half of them with an RxNorm coding) and supplements (as MedicationStatements,
some through a referenced Medication, products with their ingredients), drawn from the graph's names,
with doses; some names are misspelt, some brand or other names, some unknown to the graph; some
resources are stopped, completed or cancelled; a few patients have no medication at all. Malformed
lines are mixed in: lines cut short after the subject (their patient can still be told), resources
with a negative dose (valid JSON, refused by the reader), and lines of garbage that name no patient.

--flat writes the same patients as a flat table (patient_id, role, text, dose, status): the rows a
reader should get from the export, for every resource that is not malformed. The manifest lists the
patients, the rows a screen must write (patients plus garbage lines) and the patients whose lines
include a malformed one.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
# Supplements that people with cancer commonly take: drawn more often than the rest of the graph.
COMMON_SUPPLEMENTS = ("turmeric", "fish oil", "vitamin D", "ginger", "green tea", "melatonin", "St John's wort", "ginkgo",
                      "milk thistle", "probiotics", "vitamin C", "magnesium", "garlic", "echinacea", "multivitamin",
                      "calcium", "coenzyme Q10", "ashwagandha", "medicinal mushrooms", "vitamin E", "cannabidiol")
COMMON_DRUGS = ("tamoxifen", "letrozole", "anastrozole", "capecitabine", "imatinib", "ibrutinib", "warfarin", "apixaban",
                "ondansetron", "dexamethasone", "olaparib", "palbociclib", "abemaciclib", "osimertinib", "paclitaxel",
                "cyclophosphamide", "doxorubicin", "cisplatin", "carboplatin", "oxaliplatin", "methotrexate",
                "enzalutamide", "abiraterone", "lenalidomide", "sertraline", "omeprazole", "metformin", "levothyroxine")
UNKNOWN = ("zzqx root", "Dr. Ming's harmony blend", "moon dust tonic", "essiac-like herbal tea blend no. 9",
           "qrvx extract", "unlabelled brown capsules")
SUPPLEMENT_DOSES = ("500 mg daily", "1000 mg twice daily", "2 capsules daily", "1 g three times daily", "300 mg daily",
                    "4 g daily", "2000 IU daily", "1 tablet daily", "", "100 mg twice daily", "3 cups daily")
DRUG_DOSES = ("400 mg daily", "20 mg daily", "5 mg daily", "1000 mg twice daily", "2.5 mg daily", "150 mg twice daily",
              "8 mg every 8 hours", "", "100 mg daily", "50 mg/m2 weekly")
STOPPED_STATEMENT = ("stopped", "completed", "not-taken", "entered-in-error")
STOPPED_REQUEST = ("stopped", "completed", "cancelled", "entered-in-error")


def graph_names() -> dict[str, Any]:
    """Drug, supplement and product names from the bundled graph (and RxNorm codes of drugs)."""
    from suppcheck import KnowledgeBase

    kb = KnowledgeBase.load()
    drugs = sorted((e for e in kb.of_kind("drug") if not e.deprecated), key=lambda e: e.id)
    supps = sorted((e for e in kb.of_kind("supplement") if not e.deprecated), key=lambda e: e.id)
    products = sorted((e for e in kb.of_kind("product") if e.parts), key=lambda e: e.id)
    return {
        "drugs": [(e.name, list(e.alt), e.rxcui[0] if e.rxcui else None) for e in drugs],
        "supplements": [(e.name, list(e.alt)) for e in supps],
        "products": [(e.name, [kb.name_of(p) for p in e.parts]) for e in products],
    }


def misspell(rng: random.Random, name: str) -> str:
    """One typing slip: two letters swapped, a letter dropped or doubled."""
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    if len(letters) < 5:
        return name
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0 and name[i + 1].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind == 1:
        return name[:i] + name[i + 1:]
    return name[:i] + name[i] + name[i:]


def _open(path: Path, compress: bool):
    if compress:
        return gzip.open(path.with_name(path.name + ".gz"), "wt", encoding="utf-8", newline="\n", compresslevel=3)
    return path.open("w", encoding="utf-8", newline="\n")


def generate(out_dir: str | Path, patients: int, seed: int = 7, compress: bool = False, flat: str | Path | None = None,
             malformed: float = 0.004, garbage: float = 0.002, names: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write the export; its manifest (also written as synth-manifest.json)."""
    rng = random.Random(seed)
    names = names or graph_names()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    drugs, supps, products = names["drugs"], names["supplements"], names["products"]
    by_name = {n: (n, alt) for n, alt in supps}
    common_supps = [by_name[n] for n in COMMON_SUPPLEMENTS if n in by_name]
    drug_names = {d[0]: d for d in drugs}
    common_drugs = [drug_names[n] for n in COMMON_DRUGS if n in drug_names]
    files = {k: _open(out / f"{k}.ndjson", compress) for k in ("Patient", "Medication", "MedicationStatement",
                                                                 "MedicationRequest")}
    flat_handle = flat_writer = None
    if flat is not None:
        flat_handle = Path(flat).open("w", encoding="utf-8", newline="")  # noqa: SIM115 - closed at the end
        flat_writer = csv.writer(flat_handle)
        flat_writer.writerow(["patient_id", "role", "text", "dose", "status"])
    media: dict[str, str] = {}  # Medication id per supplement or product name, written once
    manifest: dict[str, Any] = {"seed": seed, "patients": patients, "garbage_lines": 0, "malformed_lines": 0,
                                "tainted": [], "resources": 0, "compressed": compress}
    counter = 0

    def write(kind: str, res: dict[str, Any], pid: str, rows: list[list[str]]) -> None:
        """A resource line, sometimes malformed; its flat rows when it is not."""
        nonlocal counter
        counter += 1
        manifest["resources"] += 1
        roll = rng.random()
        if roll < malformed / 2:
            text = json.dumps(res, ensure_ascii=False)
            cut = text.index('"subject"') + len(json.dumps({"subject": res["subject"]})) + rng.randrange(1, 20)
            files[kind].write(text[:cut] + "\n")  # cut short after its subject
            manifest["malformed_lines"] += 1
            manifest["tainted"].append(pid)
            return
        if roll < malformed:
            res = dict(res, status="active")  # a stopped resource is skipped before its dose is read
            res["dosage" if kind == "MedicationStatement" else "dosageInstruction"] = [
                {"doseAndRate": [{"doseQuantity": {"value": -rng.randrange(1, 500), "unit": "mg"}}]}]
            files[kind].write(json.dumps(res, ensure_ascii=False) + "\n")  # a negative dose: refused
            manifest["malformed_lines"] += 1
            manifest["tainted"].append(pid)
            return
        files[kind].write(json.dumps(res, ensure_ascii=False) + "\n")
        if rng.random() < garbage:
            files[kind].write(rng.choice(('{"resourceType": "Medicati', "}{", "not json at all",
                                          '{"resourceType": "MedicationStatement", "status": "active"}')) + "\n")
            manifest["garbage_lines"] += 1
        if flat_writer is not None:
            for row in rows:
                flat_writer.writerow([pid, *row])

    def dosage(choices: tuple[str, ...]) -> tuple[list[dict[str, Any]], str]:
        text = rng.choice(choices)
        if not text:
            return [], ""
        if rng.random() < 0.2 and text.endswith(" mg daily") and text.split()[0].isdigit():
            value = int(text.split()[0])
            return [{"doseAndRate": [{"doseQuantity": {"value": value, "unit": "mg"}}],
                     "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}}], text
        return [{"text": text}], text

    for n in range(patients):
        pid = f"p{n:07d}"
        files["Patient"].write(json.dumps({"resourceType": "Patient", "id": pid, "gender": rng.choice(("female", "male")),
                                           "birthDate": f"{rng.randrange(1935, 2000)}-0{rng.randrange(1, 10)}-1"
                                                        f"{rng.randrange(0, 10)}"}) + "\n")
        if rng.random() < 0.03:
            continue  # a patient with no medication on record
        subject = {"reference": f"Patient/{pid}"}
        for k in range(rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))):
            name, alt, rxcui = rng.choice(common_drugs) if common_drugs and rng.random() < 0.6 else rng.choice(drugs)
            shown = rng.choice(alt) if alt and rng.random() < 0.1 else name
            status = rng.choice(STOPPED_REQUEST) if rng.random() < 0.08 else "active"
            concept: dict[str, Any] = {"text": shown}
            if rxcui and rng.random() < 0.5:
                concept = {"coding": [{"system": RXNORM, "code": rxcui, "display": name}]}
                shown = name
            doses, dose_text = dosage(DRUG_DOSES)
            res = {"resourceType": "MedicationRequest", "id": f"{pid}-r{k}", "status": status, "intent": "order",
                   "subject": subject, "medicationCodeableConcept": concept}
            if doses:
                res["dosageInstruction"] = doses
            write("MedicationRequest", res, pid, [["drug", shown, dose_text, status]])
        for k in range(rng.choice((0, 0, 1, 1, 2, 2, 3, 4, 5))):
            roll = rng.random()
            status = rng.choice(STOPPED_STATEMENT) if rng.random() < 0.1 else "active"
            doses, dose_text = dosage(SUPPLEMENT_DOSES)
            res = {"resourceType": "MedicationStatement", "id": f"{pid}-s{k}", "status": status, "subject": subject}
            if roll < 0.08 and products:
                status = "active"  # a stopped product would be one skipped resource but several flat rows
                res["status"] = status
                product, parts = rng.choice(products)
                res["medicationReference"] = {"reference": f"Medication/{_medication(files, media, product, parts)}"}
                rows = [["supplement", part, dose_text, status] for part in parts]
            else:
                if roll < 0.15:
                    shown = rng.choice(UNKNOWN)
                else:
                    name, alt = rng.choice(common_supps) if common_supps and rng.random() < 0.6 else rng.choice(supps)
                    shown = rng.choice(alt) if alt and rng.random() < 0.1 else name
                    if rng.random() < 0.05:
                        shown = misspell(rng, shown)
                if roll < 0.25 and shown not in UNKNOWN:
                    res["medicationReference"] = {"reference": f"Medication/{_medication(files, media, shown, [])}"}
                else:
                    res["medicationCodeableConcept"] = {"text": shown}
                rows = [["supplement", shown, dose_text, status]]
            if doses:
                res["dosage"] = doses
            write("MedicationStatement", res, pid, rows)
    for handle in files.values():
        handle.close()
    if flat_handle is not None:
        flat_handle.close()
    manifest["tainted"] = sorted(set(manifest["tainted"]))
    manifest["rows"] = patients + manifest["garbage_lines"]
    (out / "synth-manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _medication(files: dict[str, Any], media: dict[str, str], name: str, parts: list[str]) -> str:
    """The id of the Medication for a name (a product with its ingredients), written the first time it is used."""
    if name not in media:
        mid = media[name] = f"med{len(media):05d}"
        res: dict[str, Any] = {"resourceType": "Medication", "id": mid, "code": {"text": name}}
        if parts:
            res["ingredient"] = [{"itemCodeableConcept": {"text": part}} for part in parts]
        files["Medication"].write(json.dumps(res, ensure_ascii=False) + "\n")
    return media[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--gzip", action="store_true", help="write .ndjson.gz files")
    parser.add_argument("--flat", help="also write the same patients as a flat CSV table")
    parser.add_argument("--malformed", type=float, default=0.004, help="share of resource lines that are malformed")
    parser.add_argument("--garbage", type=float, default=0.002, help="share of lines followed by a garbage line")
    args = parser.parse_args(argv)
    manifest = generate(args.out_dir, args.patients, args.seed, args.gzip, args.flat, args.malformed, args.garbage)
    print(f"{manifest['patients']:,} patients, {manifest['resources']:,} resources, {manifest['malformed_lines']:,} "
          f"malformed and {manifest['garbage_lines']:,} garbage lines -> {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
