"""The OpenAPI document is valid OpenAPI, and real answers of the API match the schemas it names."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests.api.examples import document, url_of

PROBLEM = "application/problem+json"


def operations() -> list[tuple[str, dict[str, Any]]]:
    return [(path, op["get"]) for path, op in document()["paths"].items()]


def validator(doc: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": doc["components"]})


def test_the_openapi_document_passes_the_openapi_validator():
    validate(document())


def test_the_problem_schema_every_error_names_is_defined():
    doc = document()
    for path, operation in operations():
        for code, response in operation["responses"].items():
            for content in response.get("content", {}).values():
                ref = content["schema"].get("$ref", "")
                if ref:
                    assert ref.rsplit("/", 1)[1] in doc["components"]["schemas"], (path, code)


@pytest.mark.parametrize("path", [path for path, _op in operations()])
def test_a_real_answer_of_each_operation_matches_its_schema(api, path):
    doc = document()
    operation = doc["paths"][path]["get"]
    response = api.get(url_of(path, operation))
    assert response.status_code == 200, response.content
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    errors = [e.message for e in validator(doc, schema).iter_errors(json.loads(response.content))]
    assert errors == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/measures?colour=red",
        "/api/v1/measures?limit=1&limit=2",
        "/api/v1/actors/ZZ",
        "/api/v1/assessments?as_of=2021-02-30",
        "/api/v1/measures?limit=0",
        "/api/v1/actors?kind=poem",
    ],
)
def test_real_problems_match_the_problem_schema(api, url):
    doc = document()
    response = api.get(url)
    assert response["Content-Type"] == PROBLEM
    problem = json.loads(response.content)
    schema = {"$ref": "#/components/schemas/ProblemOut"}
    assert [e.message for e in validator(doc, schema).iter_errors(problem)] == []
