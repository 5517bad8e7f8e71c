"""The public data contract: inputs, items, findings and the check result (schema_version "1")."""

from __future__ import annotations

from datetime import date
from enum import Enum

from suppcheck.errors import InputError
from suppcheck.records import Field, Record

SCHEMA_VERSION = "1"


class Severity(str, Enum):
    """How much a finding matters: minor < moderate < major."""

    minor = "minor"
    moderate = "moderate"
    major = "major"

    @property
    def rank(self) -> int:
        return ("minor", "moderate", "major").index(self._value_)


class EvidenceLevel(str, Enum):
    """What kind of evidence stands behind a claim, strongest first."""

    clinical = "clinical"
    case_report = "case-report"
    preclinical = "preclinical"
    theoretical = "theoretical"

    @property
    def rank(self) -> int:
        return ("theoretical", "preclinical", "case-report", "clinical").index(self.value)


class Kind(str, Enum):
    pharmacokinetic = "pharmacokinetic"
    pharmacodynamic = "pharmacodynamic"
    context = "context"


class Basis(str, Enum):
    curated = "curated"
    inferred = "inferred"


class Status(str, Enum):
    recognized = "recognized"
    ambiguous = "ambiguous"
    unrecognized = "unrecognized"


class Role(str, Enum):
    drug = "drug"
    supplement = "supplement"


class _Out(Record):
    _pydantic_config = {"frozen": True}


class _In(Record):
    _pydantic_config = {"extra": "forbid"}


# ----------------------------------------------------------------------------- inputs
class RegimenEntry(_In):
    """One regimen line given as a mapping: a name and an optional dose text."""

    name: str = Field(min_length=1, description="Drug or supplement name, as written")
    dose: str | None = Field(default=None, description="Dose text, such as '5 mg twice daily'")
    form: str | None = Field(default=None, description="'extract' or 'food' when known")

    def text(self) -> str:
        return f"{self.name} {self.dose}".strip() if self.dose else self.name

    def _check(self) -> None:
        # Built directly (not through model_validate): the types the contract gives, as pydantic checked them.
        if not isinstance(self.name, str) or not self.name:
            raise InputError("a regimen entry needs a non-empty name (text)", where="name")
        for key in ("dose", "form"):
            if getattr(self, key) is not None and not isinstance(getattr(self, key), str):
                raise InputError(f"expected text or nothing, not {type(getattr(self, key)).__name__}", where=key)


class Regimen(_In):
    """A patient's regimen: drugs, supplements and clinical contexts."""

    drugs: list[str | RegimenEntry] = Field(default_factory=list, description="Drugs, as text or mappings")
    supplements: list[str | RegimenEntry] = Field(default_factory=list, description="Supplements and botanicals")
    context: list[str] = Field(default_factory=list,
                               description="radiation, surgery, neutropenia, thrombocytopenia, lab-testing")
    surgery_date: date | None = Field(default=None, description="Date of planned surgery (YYYY-MM-DD): the report "
                                                                "gives stop-by dates from it")

    def _check(self) -> None:
        # Built directly (not through model_validate): lists of text or entries, never a bare string read
        # letter by letter; a mapping becomes an entry; a date may be given as YYYY-MM-DD.
        values = self.__dict__
        for key in ("drugs", "supplements", "context"):
            value = values[key]
            if not isinstance(value, (list, tuple)):
                raise InputError(f"expected a list, not {type(value).__name__}", where=key)
            entries = []
            for n, entry in enumerate(value):
                if isinstance(entry, dict) and key != "context":
                    entry = RegimenEntry.model_validate(entry)
                if not isinstance(entry, str) and (key == "context" or not isinstance(entry, RegimenEntry)):
                    raise InputError(f"expected a name (text), not {type(entry).__name__}", where=f"{key}[{n}]")
                entries.append(entry)
            values[key] = entries
        day = values["surgery_date"]
        if isinstance(day, str):
            try:
                values["surgery_date"] = date.fromisoformat(day.strip())
            except ValueError:
                raise InputError(f"'{day[:40]}' is not a date: give it as YYYY-MM-DD", where="surgery_date") from None
        elif day is not None and not isinstance(day, date):
            raise InputError(f"expected a date, not {type(day).__name__}", where="surgery_date")


# ----------------------------------------------------------------------------- items
class Match(_Out):
    id: str = Field(description="IRI of the graph entity")
    name: str = Field(description="Preferred name of the entity")
    method: str = Field(description="exact | normalized | code (RxNorm) | regimen (a drug of a named regimen) | "
                                    "product (an ingredient of a named product)")
    score: float = Field(description="Match score, 100 for exact")


class Candidate(_Out):
    id: str = Field(description="IRI of a possible entity")
    name: str = Field(description="Preferred name")
    score: float = Field(description="Similarity score 0-100")


class Dose(_Out):
    amount: float | None = Field(default=None, description="Amount per administration")
    unit: str | None = Field(default=None, description="mg, g, mcg, IU, mL, unit, or per body weight or area: "
                                                       "mg/m2, mg/kg, mcg/kg, IU/kg, unit/kg")
    per_day: float | None = Field(default=None, description="Amount per day, in unit, when the frequency is known")
    text: str = Field(description="The dose text as written")
    frequency: float | None = Field(default=None, description="Times a day it is taken (0.14 for weekly), when said")
    count: float | None = Field(default=None, description="Units of dose taken at a time (4 capsules), when given")
    strength: float | None = Field(default=None, description="Amount per unit of dose, when a count was given")
    route: str | None = Field(default=None, description="Route named on the line: oral, iv, sc, im, topical, "
                                                         "transdermal, inhaled, sublingual")


class Component(_Out):
    input: str = Field(description="The part of the line that names one thing, as written")
    status: Status = Field(description="recognized, ambiguous or unrecognized")
    match: Match | None = Field(default=None, description="The entity it resolved to")
    candidates: list[Candidate] = Field(default_factory=list,
                                        description="Possible entities, for ambiguous and unrecognized parts")
    dose: Dose | None = Field(default=None, description="Parsed dose of this part, when one was given")


class Reading(_Out):
    unread: list[str] = Field(default_factory=list,
                              description="Parts of the line that name nothing the graph knows, and so were not checked")
    notes: list[str] = Field(default_factory=list, description="How the line was read: dose ranges, limits, assumptions")


class Item(_Out):
    _remember_text = True  # a line's item is remembered and shared between results (json_text)
    input: str = Field(description="The regimen line exactly as given")
    role: Role = Field(description="drug or supplement, as given")
    status: Status = Field(description="recognized, ambiguous or unrecognized (for a line naming several things: "
                                       "of the parts that were read)")
    match: Match | None = Field(default=None,
                                description="The entity it resolved to (null for a line naming several things)")
    candidates: list[Candidate] = Field(default_factory=list,
                                        description="Possible entities, for ambiguous and unrecognized items")
    dose: Dose | None = Field(default=None, description="Parsed dose, when one was given")
    components: list[Component] = Field(default_factory=list,
                                        description="The parts of a line that names several things, each read on its own")
    reading: Reading | None = Field(default=None, description="What could not be read on the line, and how it was read")


# ----------------------------------------------------------------------------- findings
class ItemRef(_Out):
    input: str = Field(description="The regimen item's input text")
    id: str = Field(description="IRI of the entity assumed for it")
    name: str = Field(description="Entity name")


class Mechanism(_Out):
    target: str = Field(description="Enzyme or transporter, such as CYP3A4")
    action: str = Field(description="inhibition or induction")
    strength: str | None = Field(default=None, description="strong, moderate, weak, unknown; null when not graded")


class Source(_Out):
    _remember_text = True  # shared between findings and results: its JSON text is written once (json_text)
    pmid: str | None = Field(default=None, description="PubMed identifier")
    doi: str | None = Field(default=None, description="DOI")
    title: str = Field(description="Title of the publication or label")
    venue: str | None = Field(default=None, description="Journal or publisher")
    year: int | None = Field(default=None, description="Year of publication")
    url: str | None = Field(default=None, description="Link to the source")


class Evidence(_Out):
    level: EvidenceLevel = Field(description="clinical, case-report, preclinical or theoretical")
    basis: Basis = Field(description="curated (a reviewed pair) or inferred (from graph facts)")
    summary: str = Field(description="What the evidence shows, in a few sentences")
    sources: list[Source] = Field(min_length=1, description="The sources behind the finding")


class Alternative(_Out):
    _remember_text = True  # one per alternative of the graph, shared between findings (json_text)
    text: str = Field(description="What to take or do instead, in words a clinician can say")
    evidence: EvidenceLevel = Field(description="clinical, case-report, preclinical or theoretical")
    sources: list[Source] = Field(min_length=1, description="The sources behind the alternative")


class Finding(_Out):
    _remember_text = True  # a pair's finding is remembered and shared between results (json_text)
    severity: Severity
    title: str = Field(description="One line: what happens")
    supplement: ItemRef = Field(description="The supplement item involved")
    drug: ItemRef | None = Field(default=None, description="The drug item involved; null for context findings and advisories")
    context: str | None = Field(default=None, description="The clinical context's id (radiation, surgery, neutropenia, "
                                                          "thrombocytopenia, lab-testing ...) for context findings")
    context_label: str | None = Field(default=None, description="The context's display name, for people")
    kind: Kind
    mechanisms: list[Mechanism] = Field(default_factory=list, description="Enzyme and transporter mechanisms")
    effect: str = Field(description="The expected effect")
    management: str = Field(description="What to do")
    evidence: Evidence
    notes: list[str] = Field(default_factory=list,
                             description="Dose and form conditions, assumptions for ambiguous names, cumulative risk")
    alternatives: list[Alternative] = Field(default_factory=list,
                                            description="What to take or do instead of the supplement for this concern "
                                                        "(food sources, a non-interacting option), each sourced")


class Contributor(_Out):
    input: str = Field(description="The regimen item's input text")
    id: str = Field(description="IRI of the entity")
    name: str = Field(description="Entity name")
    role: Role = Field(description="drug or supplement")


class Concern(_Out):
    _remember_text = True  # shared by results of the same remembered items (json_text)
    concern: str = Field(description="What several items add to: bleeding, liver injury, sedation, serotonin toxicity ...")
    severity: Severity = Field(description="The highest severity among the pair findings it groups")
    drug: ItemRef | None = Field(default=None, description="The drug the supplements add to; null for a context")
    context: str | None = Field(default=None, description="The clinical context's id, for a context concern")
    context_label: str | None = Field(default=None, description="The context's display name, for people")
    contributors: list[Contributor] = Field(description="Every supplement and the drug that add to the concern")
    management: str = Field(description="One thing to do for the whole group")
    findings: list[str] = Field(description="Titles of the pair findings grouped here (they stay in findings)")


class KnowledgeInfo(_Out):
    _remember_text = True  # one per checker, in every result (json_text)
    version: str = Field(description="Graph version (owl:versionInfo)")
    sha256: str = Field(description="Hash of the graph files")
    triples: int = Field(description="Number of triples in the graph")


class Summary(_Out):
    _remember_text = True  # shared by results of the same remembered items (json_text)
    highest_severity: Severity | None = Field(description="Highest severity among findings, null when none")
    counts: dict[str, int] = Field(description="Findings per severity")
    not_checked: list[str] = Field(description="Inputs that were not recognised, or were read only in part (see the "
                                               "item's reading.unread), and so were not (fully) checked")
    coverage: str = Field(description="What an empty or partial result covers")
    drug_drug: str = Field(default="", description="The standing line that drug-drug interactions are not evaluated, "
                                                   "with the number of drugs listed")


class CheckResult(_Out):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this JSON contract")
    knowledge: KnowledgeInfo
    items: list[Item]
    findings: list[Finding]
    concerns: list[Concern] = Field(default_factory=list,
                                    description="One entry per concern that several supplements add to with the same "
                                                "drug or context; renderers show it once instead of per pair")
    summary: Summary

    def rows(self) -> list[tuple[Concern | None, list[Finding]]]:
        """Findings as people read them: one row per finding, except that the pharmacodynamic and context
        findings of a concern group make one row, placed where the first of them stands."""
        grouped: dict[int, Concern] = {}
        for concern in self.concerns:
            inputs = {c.input for c in concern.contributors if c.role is Role.supplement}
            for n, f in enumerate(self.findings):
                if concern.drug is not None:
                    same = f.drug is not None and f.drug.input == concern.drug.input
                else:
                    same = f.drug is None and f.context == concern.context
                if same and f.kind is not Kind.pharmacokinetic and f.title in concern.findings \
                        and f.supplement.input in inputs and n not in grouped:
                    grouped[n] = concern
        rows: list[tuple[Concern | None, list[Finding]]] = []
        shown: set[int] = set()
        for n, f in enumerate(self.findings):
            concern = grouped.get(n)
            if concern is None:
                rows.append((None, [f]))
            elif id(concern) not in shown:
                shown.add(id(concern))
                rows.append((concern, [m for i, m in enumerate(self.findings) if grouped.get(i) is concern]))
        return rows

    def _check(self) -> None:
        total = sum(self.summary.counts.values())
        if total != len(self.findings):
            raise ValueError("summary counts do not match the findings")
