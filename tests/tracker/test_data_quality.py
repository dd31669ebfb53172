"""The bundled data's source records and dates: complete, consistent, one event of each kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.snapshot import Cite, Measure, Snapshot, Source

# Sources whose title could not be read in any stored copy (their addresses carry no words
# either); each is listed in docs/data-gaps.md. The list may only shrink.
UNTITLED = frozenset(
    {
        "bifrost-eu-export-controls",
        "calcalistech-nso-trial-losses-2025",
        "exportcompliancedaily-ofac-intellexa-2024-09",
        "fsec-al-masarir-judgment-2026",
        "hrw-greek-spyware-law-2022-12-08",
        "israelnationalnews-apple-sues-nso-2021",
        "israelnationalnews-deca-declaration-2021-12-06",
        "jornada-co-pegasus-us-funding-2024",
        "koreaherald-nis-rcs-2015-07-16",
        "lexology-deca-cyber-export-draft-2016",
        "oiguskantsler-ylevaade-2015-julgeolekuasutused",
        "reddigital-chile-pdi-phantom-summons-2015",
        "redteamnews-apple-notifications-2025",
        "rtl-luxembourg-nso-2021",
        "scribd-amabhungane-media-summary-2021",
        "taipeitimes-meta-surveillance-for-hire-2021",
        "thecyberwire-copasir-paragon-2025-06",
        "yomiuri-japan-active-cyber-defense-2025-05-16",
    }
)

# Events that may come before the sources reporting them: a rule's effective date or an end date
# is often announced in advance.
SCHEDULABLE = frozenset({"in-force", "ended", "repealed"})


@pytest.fixture(scope="module")
def sources(bundled_data: Snapshot) -> dict[str, Source]:
    return dict(bundled_data.sources)


def test_every_source_has_a_publisher(sources):
    missing = sorted(i for i, s in sources.items() if not s.publisher.strip())
    assert missing == []


# A title is what the page shows as its headline, never words made up from its address: a source
# whose stored copy shows none says so in its note ("Title not read") until someone reads it.
NOT_READ = "Title not read"
# How many sources have no title today; it may only go down.
MOST_UNTITLED = 122  # 119, and 3 reports of accepted MVT findings: the index gives addresses only


def test_every_source_has_a_title_or_says_why_not(sources):
    untitled = {i for i, s in sources.items() if not s.title.strip()}
    unexplained = sorted(i for i in untitled - UNTITLED if NOT_READ not in sources[i].note)
    assert unexplained == [], "give these sources their headline, or say why there is none"
    assert sorted(UNTITLED - untitled) == [], "these now have a title: drop them from UNTITLED"
    assert len(untitled) <= MOST_UNTITLED, "fewer untitled sources than before: lower the bound"


def test_no_title_is_marked_as_not_read(sources):
    assert sorted(i for i, s in sources.items() if s.title.strip() and NOT_READ in s.note) == []


def test_the_recorded_untitled_sources_are_named_in_data_gaps(bundled_dir: Path):
    gaps = (bundled_dir.parent / "docs" / "data-gaps.md").read_text(encoding="utf-8")
    assert sorted(i for i in UNTITLED if f"`{i}`" not in gaps) == []


def _dated(files) -> Iterator[tuple[str, PartialDate, tuple[Cite, ...]]]:
    """Give every dated claim with the sources cited for that date: what, when, cited by what.

    A measure's own source list may hold background published before the act (a bill, a draft),
    so only the sources an event or a membership cites for its date are checked.
    """
    for m in _measures(files):
        for e in m.events:
            if e.kind not in SCHEDULABLE:
                yield f"{m.id} ({e.kind})", e.date, e.sources
    for framework, members in files.memberships.items():
        for mem in members:
            if mem.since is not None:
                yield f"{framework}:{mem.actor}", mem.since, mem.sources


def _measures(files) -> list[Measure]:
    return list(files.measures.values())


def test_no_date_is_later_than_a_dated_source_that_reports_it(bundled_data, sources):
    late = []
    for what, date, cites in _dated(bundled_data):
        for c in cites:
            published = sources[c.source].published
            if c.stance == "supports" and published and date.first_day() > published.last_day():
                late.append(f"{what}: {date} after {c.source} ({published})")
    assert late == []


def test_a_measure_date_is_as_precise_as_its_own_event_on_the_same_period(bundled_data):
    coarse = []
    for m in _measures(bundled_data):
        for e in m.events:
            within = (
                m.date.first_day() <= e.date.first_day() <= e.date.last_day() <= m.date.last_day()
            )
            if within and e.date.precision > m.date.precision:
                coarse.append(f"{m.id}: {m.date}, but its {e.kind} event is {e.date}")
    assert coarse == []


def test_no_measure_has_two_events_of_one_kind(bundled_data):
    doubled = []
    for m in _measures(bundled_data):
        kinds = Counter(e.kind for e in m.events)
        doubled += [f"{m.id}: {k} x{n}" for k, n in sorted(kinds.items()) if n > 1]
    assert doubled == []
