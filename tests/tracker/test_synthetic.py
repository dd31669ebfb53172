"""The synthetic data directory is valid and N times larger."""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command

from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.services.assessments import assess


def test_synthetic_directory_is_valid_and_scaled(mini_dir, tmp_path):
    out = tmp_path / "synthetic"
    call_command(
        "synthesize", str(out), "--scale", "3", "--source", str(mini_dir), stdout=io.StringIO()
    )
    checked = check_dir(out)
    assert checked.errors == []
    original, synthetic = check_dir(mini_dir).snapshot, checked.snapshot
    assert len(synthetic.measures) == 3 * len(original.measures)
    assert len(synthetic.sources) == 3 * len(original.sources)
    assert "vendor-one-s2" in synthetic.actors
    assert synthetic.measures["us-entity-list-2021-s2"].targets[0].actor == "vendor-one-s2"
    (a,) = assess(synthetic, as_of=dt.date(2022, 1, 1), actors=["US"], provisions=["blueprint/5"])
    assert a.level == "enforced"
    assert len([c for c in a.contributions if c.kind == "measure"]) == 6
