"""The one rule table of the authorisation matrix: for each route, keyed by namespace and name
(a glob for the routes the admin makes for every model), what each role gets for each method.

An outcome is a class of answers: `page` (200), `moved` (a redirect elsewhere than the sign-in
form), `login` (a redirect to the sign-in form), `denied` (403, or 404 that hides a record),
`missing` (404), `refused` (405), `allow` (204 with Allow), `throttled` never."""

from __future__ import annotations

from collections.abc import Callable
from fnmatch import fnmatchcase

from tests.security.roles import Role

READS = ("GET", "HEAD")
WRITES = ("PUT", "PATCH", "DELETE")
METHODS = ("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE")
Rule = Callable[[Role, str], frozenset[str]]


def _one(*outcomes: str) -> frozenset[str]:
    return frozenset(outcomes)


# What staff without the permission may get: a 403, a 404 that does not say whether the record
# exists, or the admin's redirect to its index with a message. Never the page.
DENIED = _one("denied", "missing", "moved")
# A POST of a form the role may only view: the form again (Django's admin shows a view-only
# user the page), or a refusal; the test asserts that nothing was written either way.
NOT_WRITTEN = _one("page", "denied", "missing", "moved")


def read_only(read: str = "page") -> Rule:
    """A public route: the same for every role; only GET, HEAD and OPTIONS are answered."""

    def rule(role: Role, method: str) -> frozenset[str]:
        if method in READS:
            return _one(read)
        return _one("allow") if method == "OPTIONS" else _one("refused")

    return rule


def back_office(
    allowed: Callable[[Role], bool],
    *,
    post: bool = True,
    writes: Callable[[Role], bool] | None = None,
) -> Rule:
    """A back-office route: signed-out readers and non-staff users are sent to sign in, staff
    without the permission are denied, the others get the page (or a redirect, or a 404 for
    a record that is not there); POST only where the view takes a form, and only by a role
    `writes` allows where it is given (a viewer may open a change form, not send it)."""

    def rule(role: Role, method: str) -> frozenset[str]:
        if method == "OPTIONS":
            return _one("allow")
        if method in WRITES or (method == "POST" and not post and role.staff):
            return _one("refused")
        if not role.staff:
            return _one("login")  # signing in comes before the method is looked at
        if method == "POST" and writes is not None and not writes(role) and allowed(role):
            return NOT_WRITTEN  # a form the role may see but not send: shown again, or refused
        if allowed(role):
            return _one("page", "moved", "missing")
        return DENIED

    return rule


def _staff(role: Role) -> bool:
    return role.staff


def _superuser(role: Role) -> bool:
    return role.superuser


def _viewer_of(app: str) -> Callable[[Role], bool]:
    return lambda role: role.superuser or app in role.views


def _nobody(role: Role) -> bool:
    return False


def sign_in(role: Role, method: str) -> frozenset[str]:
    """The sign-in form: shown to everyone; staff already signed in are sent on by a GET."""
    if method == "OPTIONS":
        return _one("allow")
    if method in WRITES:
        return _one("refused")
    return _one("moved") if role.staff and method == "GET" else _one("page")


def sign_out(role: Role, method: str) -> frozenset[str]:
    """Signing out takes a POST only (a GET could be forged by a link)."""
    if method == "OPTIONS":
        return _one("allow")
    if method != "POST":
        return _one("refused", "moved")
    return _one("page") if role.staff else _one("login", "moved")


def workflow(
    allowed: Callable[[Role], bool], *, post: str | None = None, signed_in: str = "page"
) -> Rule:
    """A page of the review workflow: signed-out readers are sent to its sign-in form
    (`moved`), signed-in roles the rule does not allow are refused (403), the others get
    `signed_in`; POST (a form sent empty: `422`) only where `post` says what it gives."""

    def rule(role: Role, method: str) -> frozenset[str]:
        if method == "OPTIONS":
            return _one("allow")
        if method in WRITES or (method == "POST" and post is None):
            return _one("refused")
        if not role.signed_in:
            return _one("moved")
        if not allowed(role):
            return _one("denied")
        return _one(post) if method == "POST" and post is not None else _one(signed_in)

    return rule


def _may(*groups: str) -> Callable[[Role], bool]:
    return lambda role: role.superuser or bool(set(role.groups) & set(groups))


def _signed_in(role: Role) -> bool:
    return role.signed_in


def token_api(get: str = "401", post: str = "401") -> Rule:
    """A review-workflow operation of the API: a bearer token or 401 (a session is no
    token), whatever the role; other methods 405."""

    def rule(role: Role, method: str) -> frozenset[str]:
        if method == "OPTIONS":
            return _one("allow")
        if method in READS:
            return _one(get)
        return _one(post) if method == "POST" else _one("refused")

    return rule


def api(read: str = "page") -> Rule:
    return read_only(read)


def computed(read: str, post: str) -> Rule:
    """A public route that also takes a POST it computes from and writes nothing with (the
    screening form and API): the same for every role; PUT, PATCH and DELETE refused."""

    def rule(role: Role, method: str) -> frozenset[str]:
        if method in READS:
            return _one(read)
        if method == "POST":
            return _one(post)
        return _one("allow") if method == "OPTIONS" else _one("refused")

    return rule


SITE = read_only()
VIEWS = {  # the admin's views of each model, by the permission each needs
    "changelist": "view",
    "change": "view",
    "history": "view",
    "simple_history": "view",
    "add": "add",
    "delete": "delete",
}
RULES: dict[str, Rule] = {
    # The public site (mercwatch/site/urls.py) and the downloads (mercwatch/exports/urls.py).
    **{
        f"site:{name}": SITE
        for name in (
            "home",
            "home-json",
            "directory",
            "actor-feed",
            "timeline",
            "evidence",
            "government",
            "organisation",
            "vendor",
            "listings",
            "listing",
            "provisions",
            "provision-feed",
            "provision",
            "measure",
            "source",
            "compare",
            "search",
            "methodology",
            "changes-feed",
            "changes",
            "crosschecks",
        )
    },
    # The mini dataset's vendor has no product: the page is a 404 for everyone (the bundled
    # data's product pages: tests/site/test_vendor_pages.py).
    "site:product": read_only("missing"),
    # The history pages (mercwatch/site/history_urls.py); the mini data holds no relationship.
    **{
        f"site:history-{kind}": SITE
        for kind in ("actor", "measure", "source", "framework", "provision", "membership")
    },
    "site:history-override": SITE,
    "site:history-relationship": read_only("missing"),
    "screening:screen": computed("page", "400"),  # a POST without a name or a file: 400
    "exports:downloads": SITE,
    "exports:downloads-json": SITE,
    "exports:codebook": SITE,
    "exports:codebook-file": SITE,
    "exports:download": read_only("missing"),  # no edition is built in the test data
    # Frozen editions (mercwatch/workflow/urls.py): none is frozen in the test data.
    "editions:list": SITE,
    "editions:feed": SITE,
    "editions:edition": read_only("missing"),
    "editions:diff": read_only("missing"),
    "editions:file": read_only("missing"),
    "edition-forms:freeze": lambda role, method: _edition_form(role, method, post=True),
    "edition-forms:publish": lambda role, method: _edition_form(role, method, post=False),
    # The API (mercwatch/api/urls.py, and the routers under api-v1).
    ":api-docs": api(),
    ":api/v1/docs": api("moved"),
    ":api-console": api(),
    ":api-try": api("missing"),  # the console's form sends to it; no form given here
    ":api-problem": api(),
    ":api/v1/^(?P<rest>.*)$": api("missing"),
    **{
        f"api-v1:{name}": api()
        for name in (
            "openapi-json",
            "index",
            "list_frameworks",
            "get_framework",
            "list_provisions",
            "get_provision",
            "list_actors",
            "get_actor",
            "list_memberships",
            "list_sources",
            "get_source",
            "list_measures",
            "get_measure",
            "list_relationships",
            "list_assessments",
            "list_contributions",
            "list_editions",
            "list_changes",
        )
    },
    # Screening: GET asks for a name, POST for a body; without them, 422.
    "api-v1:screen_name": computed("422", "422"),
    "api-v1:screen_names": computed("422", "422"),
    "api-v1:get_edition": api("missing"),  # no edition in the test data
    "api-v1:diff_editions": api("missing"),
    "api-v1:list_contributions": api("422"),  # asks for an actor and a provision
    "api-v1:api-root": api(),  # the router's own root, behind the index at the same path
    # The review workflow (mercwatch/review/urls.py, mercwatch/accounts/urls.py and the API's
    # submissions router). The sample submission (1) does not exist: a 404 for every role.
    "review:submit": workflow(_may("contributor", "editor", "reviewer"), post="422"),
    "review:mine": workflow(_signed_in),
    "review:queue": workflow(_may("editor", "reviewer")),
    "review:submission": workflow(_signed_in, post="missing", signed_in="missing"),
    "review:sign-in": lambda role, method: (
        _one("allow")
        if method == "OPTIONS"
        else _one("refused")
        if method in WRITES
        else _one("page")
    ),
    "review:sign-out": lambda role, method: (
        _one("allow")
        if method == "OPTIONS"
        else _one("moved")
        if method == "POST"
        else _one("refused")
    ),
    "accounts:tokens": workflow(_signed_in, post="422"),
    "api-v1:submissions": token_api(),
    "api-v1:get_submission": token_api(post="refused"),
    "api-v1:decide_submission": token_api(get="refused"),
    # The back office (django.contrib.admin).
    "admin:login": sign_in,
    "admin:logout": sign_out,
    "admin:index": back_office(_staff),
    "admin:password_change": back_office(_staff),
    "admin:password_change_done": back_office(_staff, post=False),
    "admin:jsi18n": back_office(_staff, post=False),
    "admin:autocomplete": back_office(_nobody, post=False),  # 403 without its parameters
    "admin:view_on_site": back_office(lambda role: False, post=True),
    "admin:app_list": back_office(_viewer_of("tracker")),
    "admin:admin/(?P<url>.*)$": back_office(lambda role: False),
    "admin:admin/*/<path:object_id>/": back_office(lambda role: True),  # to the change view
    "admin:auth_user_password_change": back_office(_superuser),
    **{
        f"admin:auth_*_{view}": back_office(_superuser)
        for view in VIEWS
        if view != "simple_history"
    },
    **{
        f"admin:axes_*_{view}": back_office(_superuser)
        for view in VIEWS
        if view not in {"add", "simple_history"}
    },
    "admin:axes_*_add": back_office(_nobody),  # attempts are recorded, never added by hand
    # Two-factor devices (django-otp): superusers only; an app's secret, as its setup address
    # or its QR code, is never shown again (OTP_ADMIN_HIDE_SENSITIVE_DATA).
    **{
        f"admin:otp_*_{view}": back_office(_superuser) for view in VIEWS if view != "simple_history"
    },
    "admin:otp_totp_totpdevice_config": back_office(_nobody),
    "admin:otp_totp_totpdevice_qrcode": back_office(_nobody),
    **{
        f"admin:{app}_*_{v}": back_office(
            _viewer_of(app) if p == "view" else _superuser, writes=_superuser
        )
        for app in ("tracker", "market")
        for v, p in VIEWS.items()
    },
}


def _edition_form(role: Role, method: str, *, post: bool) -> frozenset[str]:
    """Freezing (a form) and publishing (a POST alone) an edition: the permission
    workflow.freeze_edition, which the reviewer's role and superusers hold."""
    if method == "OPTIONS":
        return _one("allow")
    if method in WRITES:
        return _one("refused")
    if not role.signed_in:
        return _one("login")
    if not (role.superuser or "reviewer" in role.groups):
        return DENIED
    if post:
        return _one("page", "moved", "missing")
    return _one("missing") if method == "POST" else _one("refused")  # no such edition


def rule_for(key: str) -> str | None:
    """Give the key of the rule for a route's key: its own, else the longest glob that matches
    (`tracker_*_simple_history` before `tracker_*_history`)."""
    if key in RULES:
        return key
    matches = [k for k in RULES if "*" in k and fnmatchcase(key, k)]
    return max(matches, key=len) if matches else None
