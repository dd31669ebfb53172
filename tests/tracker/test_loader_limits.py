"""The loader's limits: file size, YAML nesting, text fields, symbolic links, undecodable bytes."""

from __future__ import annotations

import inspect
import pathlib
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from pydantic import BaseModel

from mercwatch.tracker import limits
from mercwatch.tracker.loader import schemas
from mercwatch.tracker.loader.validate import check_dir, check_texts
from mercwatch.tracker.values import Strict
from tests.tracker.test_loader_errors import measure

FILE_LIMIT = "over the limit of 4,194,304 bytes (4 MiB)"


def errors_of(root: pathlib.Path) -> list[str]:
    return [str(e) for e in check_dir(root).errors]


def test_a_file_over_the_size_limit_is_refused_from_its_size_unread(mini_dir, monkeypatch):
    big = mini_dir / "sources" / "big.yaml"
    with big.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MiB long, nothing written
    opened: list[pathlib.Path] = []
    real_open = pathlib.Path.open

    def recording_open(self: pathlib.Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", recording_open)
    errors = errors_of(mini_dir)
    assert errors == [f"{big}:1: (file): too large: 52,428,800 bytes, {FILE_LIMIT}"]
    assert big not in opened
    assert mini_dir / "sources" / "test.yaml" in opened


def test_a_file_of_exactly_the_size_limit_is_read(mini_dir):
    text = "sources:\n  - id: src-padded\n    url: https://padded.example/\n    kind: secondary\n"
    padding = limits.FILE_BYTES - len(text) - 2
    path = mini_dir / "sources" / "padded.yaml"
    path.write_text(text + "#" + "x" * padding + "\n", encoding="utf-8")
    assert path.stat().st_size == limits.FILE_BYTES
    data = check_dir(mini_dir)
    assert data.errors == []
    assert "src-padded" in data.snapshot.sources


def test_an_in_memory_file_over_the_size_limit_is_refused_unparsed():
    text = "# " + "é" * (limits.FILE_BYTES // 2)  # fewer characters than the limit, more bytes
    errors = [str(e) for e in check_texts({"sources/big.yaml": text}).errors]
    assert f"sources/big.yaml:1: (file): too large: 4,194,306 bytes, {FILE_LIMIT}" in errors


RATIONALE_LINK = "    links:\n      - provision: blueprint/1\n        level: partial\n"
FIELD_CASES = [
    (
        "long prose: a rationale",
        "measures/US/extra.yaml",
        measure(extra=RATIONALE_LINK + "        rationale: {value}\n"),
        limits.PROSE,
        "measures/US/extra.yaml:12: measures[0].links[0].rationale",
    ),
    (
        "long prose: a source's note",
        "sources/more.yaml",
        "sources:\n  - id: src-more\n    url: https://more.example/\n    kind: secondary\n"
        "    note: {value}\n",
        limits.PROSE,
        "sources/more.yaml:5: sources[0].note",
    ),
    (
        "a name",
        "actors/vendors/vendor-two.yaml",
        "id: vendor-two\nkind: vendor\nname: {value}\n",
        limits.NAME,
        "actors/vendors/vendor-two.yaml:3: name",
    ),
    (
        "a measure's title",
        "measures/US/extra.yaml",
        measure().replace("title: A law", "title: {value}"),
        limits.NAME,
        "measures/US/extra.yaml:4: measures[0].title",
    ),
    (
        "a source's title",
        "sources/more.yaml",
        "sources:\n  - id: src-more\n    url: https://more.example/\n    kind: secondary\n"
        "    title: {value}\n",
        limits.SOURCE_TITLE,
        "sources/more.yaml:5: sources[0].title",
    ),
    (
        "a citation's locator",
        "measures/US/extra.yaml",
        measure(sources="      - source: src-primary\n        locator: {value}"),
        limits.SHORT_NAME,
        "measures/US/extra.yaml:9: measures[0].sources[0].locator",
    ),
]


@pytest.mark.parametrize(
    ("relative", "template", "limit", "where"),
    [c[1:] for c in FIELD_CASES],
    ids=[c[0] for c in FIELD_CASES],
)
def test_a_text_field_over_its_limit_is_refused_with_file_line_field_and_limit(
    mini_dir, write, relative, template, limit, where
):
    write(relative, template.format(value="a" * limit))
    assert errors_of(mini_dir) == []
    write(relative, template.format(value="a" * (limit + 1)))
    reason = f"must be at most {limit:,} characters, got {limit + 1:,}"
    assert errors_of(mini_dir) == [f"{mini_dir}/{where}: {reason}"]


def test_a_long_value_outside_its_vocabulary_is_quoted_cut_short(mini_dir, write):
    write("measures/US/extra.yaml", measure().replace("type: law", "type: " + "v" * 5000))
    (error,) = errors_of(mini_dir)
    quoted = "'" + "v" * 59 + "… (5,000 characters)"
    assert error.startswith(f"{mini_dir}/measures/US/extra.yaml:3: measures[0].type: {quoted} ")
    assert "is not allowed: 'law', " in error
    assert "v" * 60 not in error


# (schema, field, database model, column): a longer value would pass the check, then fail the load.
COLUMNS = [
    (schemas.FrameworkFile, "id", "tracker.Framework", "id"),
    (schemas.FrameworkFile, "title", "tracker.Framework", "title"),
    (schemas.FrameworkFile, "short_title", "tracker.Framework", "short_title"),
    (schemas.FrameworkFile, "publisher", "tracker.Framework", "publisher"),
    (schemas.FrameworkFile, "url", "tracker.Framework", "url"),
    (schemas.ProvisionEntry, "code", "tracker.Provision", "code"),
    (schemas.ProvisionEntry, "number", "tracker.Provision", "number"),
    (schemas.ProvisionEntry, "title", "tracker.Provision", "title"),
    (schemas.ActorFile, "name", "tracker.Actor", "name"),
    (schemas.ActorFile, "official_name", "tracker.Actor", "official_name"),
    (schemas.AliasEntry, "name", "tracker.Alias", "name"),
    (schemas.MemberEntry, "role", "tracker.Membership", "role"),
    (schemas.SourceEntry, "id", "tracker.Source", "id"),
    (schemas.SourceEntry, "url", "tracker.Source", "url"),
    (schemas.SourceEntry, "title", "tracker.Source", "title"),
    (schemas.SourceEntry, "publisher", "tracker.Source", "publisher"),
    (schemas.SourceEntry, "archived_url", "tracker.Source", "archived_url"),
    (schemas.Cite, "source", "tracker.Source", "id"),
    (schemas.Cite, "locator", "tracker.Citation", "locator"),
    (schemas.MeasureEntry, "id", "tracker.Measure", "id"),
    (schemas.MeasureEntry, "title", "tracker.Measure", "title"),
    (schemas.LinkEntry, "provision", "tracker.Provision", "code"),
    (schemas.LinkEntry, "level", "tracker.Link", "level"),
    (schemas.OverrideEntry, "provision", "tracker.Provision", "code"),
    (schemas.OverrideEntry, "level", "tracker.Override", "level"),
    (schemas.ProductEntry, "id", "market.Product", "id"),
    (schemas.ProductEntry, "name", "market.Product", "name"),
    (schemas.ProductEntry, "kind", "market.Product", "kind"),
    (schemas.EditionEntry, "id", "workflow.Edition", "id"),
    (schemas.EditionEntry, "title", "workflow.Edition", "title"),
    (schemas.EditionEntry, "methodology", "workflow.Edition", "methodology"),
]


def _properties(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    if "$ref" in schema:  # a model that holds itself (a provision's provisions)
        schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    properties: dict[str, Any] = schema["properties"]
    return properties


def _max_length(model: type[BaseModel], name: str) -> int | None:
    prop = _properties(model)[name]
    found = [p["maxLength"] for p in [prop, *prop.get("anyOf", [])] if "maxLength" in p]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("schema", "name", "label", "column"),
    COLUMNS,
    ids=[f"{c[0].__name__}.{c[1]}" for c in COLUMNS],
)
def test_a_short_text_limit_is_the_size_of_its_database_column(schema, name, label, column):
    assert _max_length(schema, name) == apps.get_model(label)._meta.get_field(column).max_length


SCHEMAS = [
    model
    for _, model in inspect.getmembers(schemas, inspect.isclass)
    if issubclass(model, Strict) and model is not Strict
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=[m.__name__ for m in SCHEMAS])
def test_every_text_field_of_the_data_files_is_bounded(schema):
    for name, prop in _properties(schema).items():
        for option in [prop, *prop.get("anyOf", [])]:
            if option.get("type") != "string" or {"enum", "const", "format"} & set(option):
                continue  # not text, a closed vocabulary, or a date
            pattern = option.get("pattern", "")
            bounded = "maxLength" in option or (pattern and not {"*", "+"} & set(pattern))
            assert bounded, f"{schema.__name__}.{name} has no length limit"


YAML_CASES = [
    (
        "nesting deeper than the limit",
        "measures:\n  - id: us-extra\n    note: "
        + "[" * limits.NESTING
        + "]" * limits.NESTING
        + "\n",
        f"measures/US/extra.yaml:3: (file): nested too deep: at most {limits.NESTING} levels of "
        "mappings and lists",
    ),
    (
        "an alias expanding to an exponential document",
        "measures:\n  - &a [x, x, x, x, x, x, x, x, x]\n  - &b [*a, *a, *a, *a, *a, *a, *a]\n"
        "  - [*b, *b, *b, *b, *b, *b, *b, *b]\n",
        "measures/US/extra.yaml:2: (file): anchors and aliases are not allowed",  # the anchor
    ),
    (
        "a number with more digits than Python converts",
        measure().replace("type: law", "type: " + "7" * 5000),
        "measures/US/extra.yaml:3: (file): number too long: 5,000 digits",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in YAML_CASES], ids=[c[0] for c in YAML_CASES]
)
def test_a_yaml_bomb_is_refused_at_its_line(mini_dir, write, text, expected):
    write("measures/US/extra.yaml", text)
    assert errors_of(mini_dir) == [f"{mini_dir}/{expected}"]


def test_nesting_up_to_the_limit_is_read(mini_dir, write):
    depth = limits.NESTING - 3  # inside the file's mapping, the list and the measure's mapping
    write("measures/US/extra.yaml", measure(extra="    note: " + "[" * depth + "]" * depth + "\n"))
    # Read, then refused by the schema (a note is text): not by the nesting limit.
    assert errors_of(mini_dir) == [
        f"{mini_dir}/measures/US/extra.yaml:9: measures[0].note: Input should be a valid string"
    ]


def test_a_link_to_a_file_outside_the_data_directory_is_refused(mini_dir, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: vendor-two\nkind: vendor\nname: Vendor Two\n", encoding="utf-8")
    link = mini_dir / "actors" / "vendors" / "vendor-two.yaml"
    link.symlink_to(outside)
    data = check_dir(mini_dir)
    assert [str(e) for e in data.errors] == [
        f"{link}:1: (file): symbolic link to {outside.resolve()}, outside the data directory"
    ]
    assert "vendor-two" not in data.snapshot.actors


def test_a_link_to_a_directory_outside_the_data_directory_is_refused(mini_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "laws.yaml").write_text(measure().replace("us-extra", "de-law"), "utf-8")
    link = mini_dir / "measures" / "DE"
    link.symlink_to(elsewhere, target_is_directory=True)
    data = check_dir(mini_dir)
    assert [str(e) for e in data.errors] == [
        f"{link}:1: (directory): symbolic link to {elsewhere.resolve()}, outside the data directory"
    ]
    assert "de-law" not in data.snapshot.measures


def test_a_link_inside_the_data_directory_is_refused_too(mini_dir):
    target = mini_dir / "actors" / "vendors" / "vendor-one.yaml"
    link = mini_dir / "actors" / "vendors" / "vendor-two.yaml"
    link.symlink_to(target)
    assert errors_of(mini_dir) == [
        f"{link}:1: (file): symbolic link to {target.resolve()}: data files are read where "
        "they are, not through links"
    ]


def test_a_loop_of_links_is_refused(mini_dir):
    first, second = mini_dir / "sources" / "a.yaml", mini_dir / "sources" / "b.yaml"
    first.symlink_to(second)
    second.symlink_to(first)
    assert errors_of(mini_dir) == [
        f"{first}:1: (file): symbolic link to {second}, a loop of links",
        f"{second}:1: (file): symbolic link to {first}, a loop of links",
    ]


def test_a_hidden_link_is_skipped_like_any_hidden_file(mini_dir):
    (mini_dir / "actors" / ".#US.yaml").symlink_to("editor@host.1234")  # an editor's lock file
    assert errors_of(mini_dir) == []


def test_the_data_directory_itself_may_be_a_link(mini_dir, tmp_path):
    linked = tmp_path / "linked"
    linked.symlink_to(mini_dir, target_is_directory=True)
    assert errors_of(linked) == []


def test_an_undecodable_byte_is_reported_at_its_line_and_column(mini_dir):
    lines = [
        "sources:",
        "  - id: src-more",
        "    url: https://more.example/",
        "    kind: secondary",
        "    title: Zürich",
        "    publisher: Example",
        "    published: '2021'",
        "    language: de",
        "    retrieved: '2024-05-01'",
    ]
    path = mini_dir / "sources" / "more.yaml"
    # Line 10 ends in Latin-1: "é" is the byte 0xe9, after "ü" in UTF-8 (two bytes, one column).
    text = "\n".join(lines) + "\n    note: Zürich caf"
    path.write_bytes(text.encode("utf-8") + "é\n".encode("latin-1"))
    assert errors_of(mini_dir) == [
        f"{path}:10: (file): not UTF-8: invalid continuation byte (byte 0xe9, column 21)"
    ]


def test_a_control_character_is_reported_at_its_line(mini_dir):
    path = mini_dir / "sources" / "more.yaml"
    path.write_text("sources:\n  - id: src-more\n    title: a\x01b\n", encoding="utf-8")
    assert errors_of(mini_dir) == [
        f"{path}:3: (file): invalid YAML: control characters are not allowed (character #x0001)"
    ]


def test_every_limit_is_documented_with_its_value():
    text = (pathlib.Path(settings.BASE_DIR) / "docs" / "data.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    names = [name for name in vars(limits) if name.isupper()]
    assert len(names) >= 10
    for name in names:
        (row,) = [r for r in rows if f"(`{name}`)" in r]
        assert f"{getattr(limits, name):,}" in row, name
