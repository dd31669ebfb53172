"""Screening's quality, measured on the labelled set (evaluation.yaml, ≥ 250 cases): precision
and recall at the default threshold are at least 0.97, and the set is what it says."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.conf import settings

from mercwatch.screening.evaluation import cases_of, evaluate, predictor
from mercwatch.screening.index import build

SET = Path(__file__).parent / "evaluation.yaml"


def test_the_set_holds_every_kind_of_case():
    cases = cases_of(SET)
    assert len(cases) >= 250
    kinds = Counter(c.variant.split(" (")[0] for c in cases)
    for kind in ("name", "alias", "legal form", "word order", "misspelling", "initials",
                 "transliterated", "negative"):  # fmt: skip
        assert kinds[kind] >= 8, kind
    scripts = {c.variant for c in cases if c.variant.startswith("transliterated")}
    assert scripts == {f"transliterated ({s})" for s in ("Cyrillic", "Greek", "Hebrew")}
    assert len({c.query for c in cases}) == len(cases)  # no case twice


def test_every_expected_candidate_is_in_the_bundled_data(bundled_data):
    named = {e for c in cases_of(SET) for e in c.expect}
    assert named <= set(bundled_data.actors)


def test_precision_and_recall_at_the_default_threshold(bundled_data):
    scores = evaluate(cases_of(SET), predictor(build(bundled_data), settings.SCREEN_THRESHOLD))
    assert scores.precision >= 0.97, scores.wrong
    assert scores.recall >= 0.97, scores.wrong


def test_the_measure_can_fail(bundled_data):
    # The same set at a threshold no fuzzy or transliterated match reaches loses recall.
    scores = evaluate(cases_of(SET), predictor(build(bundled_data), 0.94))
    assert scores.recall < 0.9
