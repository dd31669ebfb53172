"""The loader's limits on text fields."""

from __future__ import annotations

import inspect
import pathlib
from typing import Any

import pytest
from django.apps import apps
from pydantic import BaseModel

from mercwatch.tracker import limits
from mercwatch.tracker.loader import schemas
from mercwatch.tracker.loader.validate import check_dir
from tests.tracker.test_loader_errors import measure


def errors_of(root: pathlib.Path) -> list[str]:
    return [str(e) for e in check_dir(root).errors]


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
    if issubclass(model, schemas.Strict) and model is not schemas.Strict
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
