"""Every route of the URL configuration, with each hostile value of tests/security/payloads.py
in each path segment, each query parameter the route reads (and one it does not, and as a
parameter's name) and each field of its forms: a 4xx or a correct page, never a 5xx, and never
a payload with markup in it shown unescaped. New routes are walked without being listed."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve
from django.urls.exceptions import Resolver404

from mercwatch.api.strict import accepted
from tests.security.payloads import PAYLOADS, reflected
from tests.security.routes import Route, path_of, routes

ROUTES = routes()
ADMIN = "admin"
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')


def _admin(route: Route) -> bool:
    return route.namespace == ADMIN


def parameters(path: str) -> frozenset[str]:
    """Give the query parameters the view at `path` reads (a site page's declared ones, an API
    operation's), else the ones a list or a back-office page takes."""
    if path.startswith("/api/v1/"):
        return accepted(path.split("?")[0]) or frozenset()
    try:
        view = resolve(path.split("?")[0]).func
    except Resolver404:
        return frozenset()
    return frozenset(getattr(view, "known_parameters", ()))


def check(client: Client, method: str, path: str, data: dict[str, str] | None = None) -> str:
    """Send one request; give what is wrong with the answer ("" when nothing is)."""
    response = client.generic(method, path) if data is None else client.post(path, data)
    if response.status_code >= 500:
        return f"{method} {path[:120]!r}: {response.status_code}"
    kind = response.get("Content-Type", "")
    streamed = getattr(response, "streaming_content", [])
    body = b"".join(streamed) if response.streaming else response.content
    text = body.decode(errors="replace")
    if kind.startswith("text/html"):
        for name, payload in PAYLOADS.items():
            if reflected(payload, text):
                return f"{method} {path[:120]!r}: {name} shown unescaped"
    return ""


def segments(route: Route, path: str, payload: str) -> list[str]:
    """Give `path` with each of its segments that a parameter of the route fills in turn
    replaced by `payload` (a fixed segment replaced is a path of no route: `unknown_paths`)."""
    parts = path.split("?")[0].strip("/").split("/")
    fixed = set(re.split(r"[/^$]", route.pattern))
    quoted = quote(payload, safe="")
    return [
        "/" + "/".join([*parts[:i], quoted, *parts[i + 1 :]]) + "/"
        for i, part in enumerate(parts)
        if part not in fixed
    ]


def queries(path: str, payload: str) -> list[str]:
    """Give `path` with `payload` as each parameter it reads, as one it does not, and as a
    parameter's name."""
    base = path.split("?")[0]
    value = quote(payload, safe="")
    names = [*sorted(parameters(base)), "unknown"]
    return [f"{base}?{name}={value}" for name in names] + [f"{base}?{value}=1"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_hostile_values_in_paths_and_queries_get_a_4xx_or_a_correct_page(
    mini_db: Any, settings: Any, route: Route
) -> None:
    settings.API_RATE_LIMIT = settings.SEARCH_RATE_LIMIT = 0  # a flood is not what is tested
    client = Client(raise_request_exception=False)
    path = path_of(route)
    wrong = []
    for payload in PAYLOADS.values():
        asked = segments(route, path, payload)
        if not _admin(route):  # the back office's queries are walked signed in, below
            asked += queries(path, payload)
        wrong += [w for p in asked if (w := check(client, "GET", p))]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [r for r in ROUTES if _admin(r) and r.name.endswith("_changelist")],
    ids=lambda r: r.key,
)
def test_the_back_office_lists_take_hostile_searches_orders_and_filters(
    mini_db: Any, admin_client: Any, route: Route
) -> None:
    path = path_of(route)
    wrong = []
    for payload in PAYLOADS.values():
        value = quote(payload, safe="")
        search = f"{path}?q={value}"  # the search reaches the database: alone
        rest = f"{path}?o={value}&p={value}&_changelist_filters={value}&{value}={value}"
        wrong += [
            w for w in (check(admin_client, "GET", search), check(admin_client, "GET", rest)) if w
        ]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/", "/governments/", "/api/v1/", "/admin/", "/downloads/"])
def test_a_hostile_path_of_no_route_is_a_404_that_shows_it_escaped(
    admin_client: Any, client: Any, prefix: str
) -> None:
    wrong = []
    for payload in PAYLOADS.values():
        path = prefix + quote(payload, safe="") + "/"
        wrong += [w for w in (check(client, "GET", path), check(admin_client, "GET", path)) if w]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", [r for r in ROUTES if _admin(r) and r.name.endswith("_add")], ids=lambda r: r.key
)
def test_each_field_of_each_back_office_form_takes_hostile_values(
    mini_db: Any, admin_client: Any, route: Route
) -> None:
    path = path_of(route)
    form = admin_client.get(path)
    if form.status_code == 403:
        pytest.skip("records of this kind are not added in the back office")
    assert form.status_code == 200
    fields = sorted(set(FIELD.findall(form.content.decode())) - {"csrfmiddlewaretoken"})
    assert fields, path
    wrong = []
    for payload in PAYLOADS.values():
        data = dict.fromkeys(fields, payload)
        wrong += [w for w in [check(admin_client, "POST", path, data)] if w]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PAYLOADS))
def test_the_sign_in_form_takes_hostile_values(client: Any, name: str) -> None:
    payload = PAYLOADS[name]
    login = next(path_of(r) for r in ROUTES if r.key == f"{ADMIN}:login")
    wrong = check(client, "POST", login, {"username": payload, "password": payload})
    assert wrong == ""


# The review workflow (mercwatch/review/): every field of its forms takes hostile values, and
# markup in every free-text field of a submission is inert on every page that shows it.
XSS = [name for name in PAYLOADS if name.startswith("xss") or name == "template"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["review:submit", "accounts:tokens"])
def test_each_field_of_the_review_forms_takes_hostile_values(
    mini_db: Any, django_user_model: Any, settings: Any, name: str
) -> None:
    from mercwatch.accounts.roles import give_role

    settings.SUBMISSION_RATE_LIMIT = 0
    user = django_user_model.objects.create_user("payload-contributor")
    give_role(user, "contributor")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    path = next(path_of(r) for r in ROUTES if r.key == name)
    fields = sorted(set(FIELD.findall(client.get(path).content.decode())) - {"csrfmiddlewaretoken"})
    assert fields, path
    wrong = []
    for payload in PAYLOADS.values():
        wrong += [w for w in [check(client, "POST", path, dict.fromkeys(fields, payload))] if w]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", XSS)
def test_markup_in_a_submission_is_inert_on_every_page_that_shows_it(
    mini_db: Any, django_user_model: Any, name: str
) -> None:
    from django.urls import reverse
    from django.utils.html import escape

    from mercwatch.accounts.roles import give_role
    from mercwatch.review import services
    from tests.review.helpers import draft, proposal

    payload = PAYLOADS[name]
    people = {}
    for role in ("contributor", "editor", "reviewer"):
        people[role] = django_user_model.objects.create_user(f"payload-{role}")
        give_role(people[role], role)
    records = proposal()
    records["measures"][0].update(title=f"Pledge {payload}", summary=payload, note=payload)
    records["sources"][0].update(title=payload, note=payload, publisher=payload)
    submission = services.submit(
        people["contributor"],
        draft(title=payload, statement=payload, proposal=records, contact=payload,
              private_note=payload),
    )  # fmt: skip
    services.say(submission, user=people["editor"], text=payload)
    submission = services.edit(
        submission, user=people["editor"], seen=1, title=payload, statement=payload,
        proposal=records, reason=payload,
    )  # fmt: skip
    services.decide(submission, user=people["reviewer"], decision="approve", reason=payload,
                    seen=2)  # fmt: skip
    own = [
        reverse("review:submission", kwargs={"pk": submission.pk}),
        reverse("review:mine"),
        reverse("review:queue"),
    ]
    public = [
        reverse("site:measure", kwargs={"measure_id": "fr-submitted-pledge", "fmt": "/"}),
        reverse("site:timeline", kwargs={"section": "governments", "actor_id": "FR", "fmt": "/"}),
        reverse("site:source", kwargs={"source_id": "src-submitted-report", "fmt": "/"}),
        reverse("site:changes", kwargs={"fmt": "/"}),
        reverse("site:government", kwargs={"actor_id": "FR", "fmt": "/"}),
    ]
    wrong = []
    shown = 0
    for role, user in people.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for path in own + public:
            response = client.get(path)
            assert response.status_code in {200, 403}, (role, path, response.status_code)
            shown += response.status_code == 200 and escape(payload) in response.text
            wrong += [w for w in [check(client, "GET", path)] if w]
    anonymous = Client(raise_request_exception=False)
    for path in public:
        wrong += [w for w in [check(anonymous, "GET", path)] if w]
    assert wrong == []
    assert shown >= 6  # the payloads were there to be escaped


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PAYLOADS))
def test_the_screening_form_list_and_api_take_hostile_values(
    mini_db: Any, settings: Any, name: str
) -> None:
    """The screening page shows what it was sent (the names screened) escaped: each field of
    its form, a list uploaded with the value as a name and as a country, and the API's batch."""
    settings.API_RATE_LIMIT = settings.SEARCH_RATE_LIMIT = 0
    client = Client(raise_request_exception=False)
    payload = PAYLOADS[name]
    path = next(path_of(r) for r in ROUTES if r.key == "screening:screen")
    fields = ("name", "country", "as_of", "format")
    wrong = [check(client, "POST", path, dict.fromkeys(fields, payload))]
    wrong.append(check(client, "POST", path, {"name": payload}))
    wrong.append(check(client, "GET", f"{path}?name={quote(payload, safe='')}"))
    for row in ([payload, ""], ["NSO Group", payload]):
        body = io.StringIO()
        csv.writer(body).writerows([["name", "country"], row])
        upload = SimpleUploadedFile("names.csv", body.getvalue().encode("utf-8", "replace"))
        sent = client.post(path, {"file": upload})
        shown = [
            n for n, p in PAYLOADS.items() if reflected(p, sent.content.decode("utf-8", "replace"))
        ]
        wrong.append(
            f"list: {sent.status_code} {shown}" if sent.status_code >= 500 or shown else ""
        )
    batch = json.dumps({"names": [{"name": payload}, {"name": "x", "country": payload}]})
    api = client.post("/api/v1/screen", batch, content_type="application/json")
    wrong.append(f"API: {api.status_code}" if api.status_code >= 500 else "")
    assert [w for w in wrong if w] == []
