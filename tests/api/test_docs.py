"""docs/api.md stays true to the API: every path and every query parameter is documented."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from mercwatch.api.api import api

DOC = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text(encoding="utf-8")


def test_every_path_of_the_openapi_document_is_in_docs_api_md():
    for path in api.get_openapi_schema(path_prefix="/api/v1")["paths"]:
        assert f"`{path}`" in DOC, path


def test_every_query_parameter_is_in_docs_api_md():
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    for operations in schema["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    assert f"`{parameter['name']}`" in DOC, parameter["name"]


def test_docs_api_md_has_a_stability_promise_and_curl_examples():
    assert "## Stability promise" in DOC
    assert DOC.count("curl -s") >= 5
