"""Each kind of loader error names its file, line, field and reason; nothing is written."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from mercwatch.tracker.loader.validate import check_dir

MEASURE = """measures:
  - id: us-extra
    type: law
    title: A law
    summary: What it does.
    date: {date}
    sources:
{sources}
{extra}"""


def measure(date: str = "'2020'", sources: str = "      - src-primary", extra: str = "") -> str:
    return MEASURE.format(date=date, sources=sources, extra=extra)


CASES = [
    (
        "unknown field",
        "measures/US/extra.yaml",
        measure(extra="    colour: red\n"),
        "measures/US/extra.yaml:9: measures[0].colour: unknown field",
    ),
    (
        "bad date",
        "measures/US/extra.yaml",
        measure(date="'2020-02-30'"),
        "measures/US/extra.yaml:6: measures[0].date: day 30 is out of range for 2020-02",
    ),
    (
        "over-precise date",
        "measures/US/extra.yaml",
        measure(date="'2020-02-03T10:00'"),
        "measures/US/extra.yaml:6: measures[0].date: over-precise: '2020-02-03T10:00' has a "
        "time of day; write YYYY-MM-DD",
    ),
    (
        "dangling source",
        "measures/US/extra.yaml",
        measure(sources="      - no-such-source"),
        "measures/US/extra.yaml:8: measures[0].sources[0].source: unknown source 'no-such-source'",
    ),
    (
        "dangling target actor",
        "measures/US/extra.yaml",
        measure(extra="    targets:\n      - actor: nobody-here\n        role: designated\n"),
        "measures/US/extra.yaml:10: measures[0].targets[0].actor: unknown actor 'nobody-here'",
    ),
    (
        "dangling provision",
        "measures/US/extra.yaml",
        measure(
            extra="    links:\n      - provision: blueprint/99\n        level: partial\n"
            "        rationale: Why.\n"
        ),
        "measures/US/extra.yaml:10: measures[0].links[0].provision: unknown provision "
        "'blueprint/99'",
    ),
    (
        "unknown link level",
        "measures/US/extra.yaml",
        measure(
            extra="    links:\n      - provision: blueprint/1\n        level: great\n"
            "        rationale: Why.\n"
        ),
        "measures/US/extra.yaml:11: measures[0].links[0].level: 'great' is not a link level: "
        "adopted, commitment, enforced, partial",
    ),
    (
        "link without rationale",
        "measures/US/extra.yaml",
        measure(extra="    links:\n      - provision: blueprint/1\n        level: partial\n"),
        "measures/US/extra.yaml:10: measures[0].links[0].rationale: required field is missing",
    ),
    (
        "blank rationale",
        "measures/US/extra.yaml",
        measure(
            extra="    links:\n      - provision: blueprint/1\n        level: partial\n"
            "        rationale: '  '\n"
        ),
        "measures/US/extra.yaml:12: measures[0].links[0].rationale: must not be blank",
    ),
    (
        "measure without a source",
        "measures/US/extra.yaml",
        measure(sources="      []").replace("    sources:\n      []", "    sources: []"),
        "measures/US/extra.yaml:7: measures[0].sources: must not be empty",
    ),
    (
        "measure with no sources key",
        "measures/US/extra.yaml",
        "measures:\n  - id: us-extra\n    type: law\n    title: T\n    summary: S\n"
        "    date: '2020'\n",
        "measures/US/extra.yaml:2: measures[0].sources: required field is missing",
    ),
    (
        "duplicate measure ID across files",
        "measures/FR/more.yaml",
        measure().replace("us-extra", "us-ofac-2021"),
        "measures/US/designations.yaml:2: measures[0].id: duplicate measure 'us-ofac-2021' "
        "(first in {root}/measures/FR/more.yaml:2)",
    ),
    (
        "duplicate source URL",
        "sources/more.yaml",
        "sources:\n  - id: src-copy\n    url: https://press.example/story\n    kind: secondary\n",
        "sources/test.yaml:8: sources[1].url: duplicate source URL 'https://press.example/story' "
        "(first in {root}/sources/more.yaml:3)",
    ),
    (
        "closed vocabulary",
        "measures/US/extra.yaml",
        measure().replace("type: law", "type: vibes"),
        "measures/US/extra.yaml:3: measures[0].type: 'vibes' is not allowed:",
    ),
    (
        "invalid YAML",
        "measures/US/extra.yaml",
        "measures:\n  - id: us-extra\n    title: a: b\n",
        "measures/US/extra.yaml:3: (file): invalid YAML: mapping values are not allowed",
    ),
    (
        "duplicate key",
        "measures/US/extra.yaml",
        "measures:\n  - id: us-extra\n    id: us-again\n",
        "measures/US/extra.yaml:3: (file): duplicate key 'id' (first on line 2)",
    ),
    (
        "actor in the wrong directory",
        "actors/vendors/ZZ.yaml",
        "id: ZZ\nkind: country\nname: Nowhere\n",
        "actors/vendors/ZZ.yaml:2: kind: a country belongs in actors/countries/",
    ),
    (
        "file name differs from ID",
        "actors/vendors/vendor-two.yaml",
        "id: vendor-three\nkind: vendor\nname: Vendor\n",
        "actors/vendors/vendor-two.yaml:1: id: 'vendor-three' must match the file name "
        "'vendor-two'",
    ),
    (
        "measures of an unknown actor",
        "measures/nobody/things.yaml",
        measure(),
        "measures/nobody/things.yaml:1: (file): measures/nobody/: no actor 'nobody'",
    ),
    (
        "unknown file",
        "notes.txt",
        "hello",
        "notes.txt:1: (file): unknown file: data files end in .yaml",
    ),
    (
        "membership until before since",
        "memberships/paris-call.yaml",
        "framework: paris-call\nmembers:\n  - actor: FR\n    role: supporter\n"
        "    since: '2020'\n    until: '2019'\n    sources: [src-press]\n",
        "memberships/paris-call.yaml:6: members[0].until: 2019 is before since 2020",
    ),
    (
        "override with an unknown level",
        "overrides.yaml",
        "overrides:\n  - actor: US\n    provision: blueprint/1\n    level: superb\n"
        "    rationale: Why.\n",
        "overrides.yaml:4: overrides[0].level: 'superb' is not a level",
    ),
    (
        "a country ID that is not ISO alpha-2",
        "actors/countries/usa.yaml",
        "id: usa\nkind: country\nname: USA\n",
        "actors/countries/usa.yaml:1: id: a country's ID is its ISO 3166-1 alpha-2 code",
    ),
]


@pytest.mark.parametrize(
    ("relative", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_loader_error_names_file_line_field_and_reason(mini_dir, write, relative, text, expected):
    write(relative, text)
    errors = [str(e) for e in check_dir(mini_dir).errors]
    wanted = f"{mini_dir}/{expected.format(root=mini_dir)}"
    assert any(e.startswith(wanted) for e in errors), errors


def test_the_mini_dataset_is_valid(mini_dir):
    assert check_dir(mini_dir).errors == []


def test_every_error_of_a_run_is_reported(mini_dir, write):
    write("measures/US/extra.yaml", measure(extra="    colour: red\n"))
    write("actors/vendors/vendor-two.yaml", "id: vendor-two\nkind: vendor\nname: V\nsize: 3\n")
    errors = [str(e) for e in check_dir(mini_dir).errors]
    assert len(errors) == 2, errors
    assert errors[0].endswith("actors/vendors/vendor-two.yaml:4: size: unknown field")
    assert errors[1].endswith("measures/US/extra.yaml:9: measures[0].colour: unknown field")


def _snapshot() -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of ours, history included."""
    return {
        model._meta.label: sorted(
            tuple(str(v) for v in row) for row in model._default_manager.values_list()
        )
        for app in ("tracker", "market")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db
def test_failed_load_exits_non_zero_and_changes_nothing(mini_dir, write, capsys):
    call_command("load", str(mini_dir))
    before = _snapshot()
    write("measures/FR/declarations.yaml", measure().replace("us-extra", "fr-changed"))
    write("measures/US/extra.yaml", measure(date="'2020-02-30'"))
    with pytest.raises(SystemExit) as exit_info:
        call_command("load", str(mini_dir))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "measures/US/extra.yaml:6: measures[0].date: day 30 is out of range" in err
    assert "nothing was written" in err
    assert _snapshot() == before


@pytest.mark.django_db
def test_check_command_writes_nothing(mini_dir):
    call_command("validate", str(mini_dir))
    assert _snapshot() == {label: [] for label in _snapshot()}
