"""Dated level changes between two dates, and editions loaded from the data directory."""

from __future__ import annotations

import datetime as dt

from mercwatch.tracker.changes import changes_between
from mercwatch.tracker.loader.validate import snapshot_from_dir
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.services.inputs import inputs_from

D = dt.date.fromisoformat


def test_changes_are_dated_with_their_causes(mini_dir):
    data = snapshot_from_dir(mini_dir)
    found = changes_between(
        methodology_of(data), inputs_from(data), D("2021-01-01"), D("2023-12-31")
    )
    summary = [
        (c.date.isoformat(), c.actor, c.provision, c.before.level, c.after.level, c.causes)
        for c in found
    ]
    assert summary == [
        ("2021-04-15", "US", "blueprint/5", "no-evidence", "partial", ("us-ofac-2021",)),
        ("2021-11-03", "US", "blueprint/5", "partial", "enforced", ("us-entity-list-2021",)),
        ("2022-06-01", "US", "blueprint/2", "no-evidence", "adopted", ("us-temporary-rule",)),
        ("2022-12-31", "FR", "blueprint/1", "no-evidence", "commitment", ("fr-call",)),
        ("2023-01-10", "US", "blueprint/2", "adopted", "no-evidence", ("us-temporary-rule",)),
        ("2023-03-30", "FR", "blueprint/2", "no-evidence", "commitment", ("joint-statement:FR",)),
    ]
    assert found[1].id == "2021-11-03/US/blueprint/5"


def test_a_day_where_nothing_changes_level_is_not_a_change(mini_dir):
    data = snapshot_from_dir(mini_dir)
    found = changes_between(
        methodology_of(data),
        inputs_from(data),
        D("2023-03-29"),
        D("2023-03-30"),
        provisions={"blueprint/1"},
    )
    assert found == []  # FR already had a commitment on blueprint/1 from its 2022 call


def test_bundled_editions_load_with_their_methodology(bundled_dir):
    data = snapshot_from_dir(bundled_dir)
    assert [e.id for e in data.editions] == ["2023-11-blueprint-baseline", "2026-11"]
    assert all(e.methodology in data.methodologies for e in data.editions)


def test_an_edition_with_an_unknown_methodology_is_an_error(mini_dir, write):
    from mercwatch.tracker.loader.validate import check_dir

    write(
        "editions.yaml",
        "editions:\n  - id: e1\n    title: E\n    as_of: '2024-01-01'\n"
        "    published: '2024-02-01'\n    methodology: '1999.1'\n",
    )
    errors = [str(e) for e in check_dir(mini_dir).errors]
    assert errors == [
        f"{mini_dir}/editions.yaml:6: editions[0].methodology: no methodology '1999.1'"
    ]
