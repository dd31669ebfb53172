"""Measuring screening on a labelled set (tests/screening/evaluation.yaml): precision, recall
and F1 of a matcher at a threshold, the test's and the benchmark's alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mercwatch.screening.index import Index
from mercwatch.screening.matcher import match

Predict = Callable[[str], str | None]  # a query → the best candidate at the threshold, or None


@dataclass(frozen=True)
class Case:
    query: str
    expect: frozenset[str]  # empty for a negative
    variant: str


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def cases_of(path: Path) -> list[Case]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(c["query"], frozenset(c["expect"] or ()), c["variant"]) for c in doc["cases"]]


def evaluate(cases: list[Case], predict: Predict) -> Scores:
    """Count each case: right when the best match is one it expects (a negative: none)."""
    scores = Scores()
    for case in cases:
        got = predict(case.query)
        if case.expect and got in case.expect:
            scores.tp += 1
            continue
        if not case.expect and got is None:
            scores.tn += 1
            continue
        if got is not None:
            scores.fp += 1
        if case.expect:
            scores.fn += 1
        scores.wrong.append(f"{case.variant}: {case.query!r} gave {got}, not {sorted(case.expect)}")
    return scores


def predictor(index: Index, threshold: float) -> Predict:
    """Give mercwatch's matcher as a predictor: its best candidate at or above `threshold`."""

    def predict(query: str) -> str | None:
        hits = match(query, index)
        return hits[0].entry.candidate if hits and hits[0].score >= threshold else None

    return predict
