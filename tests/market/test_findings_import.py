"""Findings from the MVT project's index and Amnesty Tech's investigations: proposed for an
editor, metadata only, and written as curated, sourced measures when accepted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mercwatch.market.imports import amnesty, findings, mvt
from mercwatch.market.imports.errors import BadInput
from mercwatch.store.current import current_snapshot
from tests.market.galaxy import AMNESTY, MVT, run

INDEX = """\
indicators:
  -
    type: github
    name: Vendor One Spyware Indicators of Compromise
    sources:
      - Acme Security
      - Nobody Known
    references:
      - https://example.org/acme-vendor-one-report
      - https://example.org/vendor-one-press
    github:
      owner: someone
      repo: indicators
      path: 2022-06-23_vendor_one/vendor-one.stix2
  -
    name: Undated Vendor One Indicators
    sources:
      - Acme Security
    references:
      - https://example.org/undated
    github:
      path: vendor_one/undated.stix2
"""


def test_the_mvt_index_gives_products_organisations_reports_and_dates():
    entries = mvt.read_index(MVT)
    assert len(entries) == 15
    quadream = next(e for e in entries if e.name.startswith("Quadream"))
    assert quadream.organisations == ("Citizen Lab", "Microsoft")
    assert quadream.date == "2023-04-11"
    assert quadream.reports[0] == (
        "https://citizenlab.ca/2023/04/spyware-vendor-quadream-exploits-victims-customers/"
    )
    undated = next(e for e in entries if e.name.startswith("Candiru"))
    assert undated.date is None  # its folder carries no date: nothing is made up


def test_amnesty_folders_give_dated_investigations_at_the_commit_taken():
    entries = amnesty.read_index(AMNESTY)
    assert len(entries) == 16
    cytrox = next(e for e in entries if "cytrox" in e.name)
    assert cytrox.date == "2021-12-16"
    assert cytrox.organisations == ("Amnesty International",)
    commit = "3d8f248a0d015f183724ae7d096a5c46a8bb5fc7"
    assert cytrox.reports == (f"{amnesty.REPOSITORY}/tree/{commit}/2021-12-16_cytrox",)


def test_the_proposal_resolves_what_the_curated_data_knows(bundled_data):
    without = replace(
        bundled_data,
        measures={k: m for k, m in bundled_data.measures.items() if not k.startswith("mvt-")},
    )
    proposal = findings.propose("mvt", MVT, without)
    ready = {(f.organisation, f.vendor) for f in proposal.ready}
    assert ready == {("citizen-lab", "quadream"), ("microsoft", "quadream"), ("google", "rcs-lab")}
    assert "organisation Amnesty International" in proposal.unknown
    # Once accepted (the bundled data holds them), they are not proposed again.
    again = findings.propose("mvt", MVT, bundled_data)
    assert again.ready == []
    assert again.counts["in the data already"] == 3


def test_amnesty_investigations_wait_for_amnesty_to_be_a_curated_actor(bundled_data):
    proposal = findings.propose("amnesty", AMNESTY, bundled_data)
    assert proposal.ready == []
    assert proposal.counts["organisation unknown"] == 16
    named = {f.vendor for f in proposal.findings if f.vendor}
    assert {"nso-group", "cytrox-ad", "gamma"} <= named


@pytest.mark.django_db
def test_accepted_findings_are_written_as_sourced_measures_once(mini_db, tmp_path):
    index = tmp_path / "indicators.yaml"
    index.write_text(INDEX, encoding="utf-8")
    out = run("mvt", str(index))
    assert "1 finding(s) resolve; give --accept to write them" in out
    assert "unknown to the curated data: organisation Nobody Known" in out
    assert not any(k.startswith("mvt-") for k in current_snapshot().measures)
    out = run("mvt", str(index), "--accept")
    assert "accepted: 1 measure(s)" in out
    data = current_snapshot()
    [measure] = [m for k, m in data.measures.items() if k.startswith("mvt-")]
    assert (measure.actor, measure.family, measure.type) == ("acme", "findings", "threat-report")
    assert str(measure.date) == "2022-06-23"
    assert [t.actor for t in measure.targets] == ["vendor-one"]
    assert measure.links == ()  # an editor links it to a provision, with a rationale
    urls = [data.sources[c.source].url for c in measure.sources]
    assert urls == [
        "https://example.org/acme-vendor-one-report",
        "https://example.org/vendor-one-press",
    ]
    assert all("Title not read" in data.sources[c.source].note for c in measure.sources)
    out = run("mvt", str(index), "--accept")
    assert "accepted: 0 measure(s)" in out
    assert current_snapshot().measures == data.measures


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("indicators: [", "not YAML"),
        ("other: 1\n", "expected a mapping with an 'indicators' list"),
        ("indicators:\n  - sources: [Acme]\n", "entry 1: no name"),
        ("indicators:\n  - name: X\n    references: [ftp://x]\n", "entry 1 ('X'): references"),
    ],
)
def test_a_bad_index_names_the_file_and_entry(tmp_path, text, said):
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as raised:
        mvt.read_index(path)
    assert str(path) in str(raised.value)
    assert said in str(raised.value)


def test_a_bad_folder_name_is_refused_by_line(tmp_path):
    path = tmp_path / "folders.txt"
    path.write_text("2021-12-16_cytrox\nnot a folder\n", encoding="utf-8")
    with pytest.raises(BadInput, match="line 2: 'not a folder' is not a folder named"):
        amnesty.read_index(path)
