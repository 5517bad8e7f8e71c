"""A batch repeats rows: the same row is read once and gives the same records, and a label screened after
others gives exactly what it gives on a checker that has seen nothing."""

from __future__ import annotations

from pathlib import Path

from suppcheck import Checker, KnowledgeBase
from suppcheck.labels import check_label
from suppcheck.models import Regimen

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "labels"
REGIMEN = Regimen(drugs=["warfarin 5 mg daily", "imatinib 400 mg daily", "tamoxifen 20 mg"])


def test_the_same_row_gives_the_same_records_and_the_same_result_as_a_fresh_checker():
    texts = [p.read_text(encoding="utf-8") for p in sorted(LABELS.glob("*.txt"))]
    seen = Checker(KnowledgeBase.load())
    for text in texts:  # the checker meets every label once before
        check_label(seen, text, REGIMEN)
    for n, text in enumerate(texts):
        again_reading, again = check_label(seen, text + f"\nLot {n}", REGIMEN)
        fresh_reading, fresh = check_label(Checker(KnowledgeBase.load()), text + f"\nLot {n}", REGIMEN)
        assert again_reading.model_dump() == fresh_reading.model_dump(), n
        assert again.model_dump() == fresh.model_dump(), n
    first, _ = check_label(seen, texts[0], REGIMEN)
    second, _ = check_label(seen, texts[0] + "\nLot 99", REGIMEN)
    assert first.ingredients and all(a is b for a, b in zip(first.ingredients, second.ingredients, strict=True))


def test_a_row_with_another_serving_count_is_read_again():
    checker = Checker(KnowledgeBase.load())
    once, _ = check_label(checker, "Supplement Facts\nServing size: 1 capsule\nGinkgo biloba leaf extract 120 mg\n"
                                   "Directions: take 1 capsule daily", REGIMEN)
    twice, _ = check_label(checker, "Supplement Facts\nServing size: 1 capsule\nGinkgo biloba leaf extract 120 mg\n"
                                    "Directions: take 1 capsule twice daily", REGIMEN)
    assert once.ingredients[0].per_day != twice.ingredients[0].per_day
    assert once.ingredients[0] is not twice.ingredients[0]
