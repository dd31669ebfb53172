"""The edition pages: the list, one edition with its citation and files, the diff of two, the
Atom feed of editions; and, for reviewers, freezing and publishing. Thin: each parses, calls
one service and renders (HTML or its JSON twin)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mercwatch.core.origin import origin
from mercwatch.site.twin import respond
from mercwatch.store.writes import Refused
from mercwatch.workflow import editions, gate, services
from mercwatch.workflow.forms import FreezeForm, PublishForm
from mercwatch.workflow.models import FrozenEdition
from mercwatch.workflow.pages import as_record, diff_rows, diff_url, edition_url

PERMISSION = "workflow.freeze_edition"
FEED_LIMIT = 50


def _may_freeze(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated and request.user.has_perm(PERMISSION))


def reviewers(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Let through those with the permission to freeze editions (the reviewer's role and
    admins); send signed-out readers to sign in, and refuse everyone else."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(PERMISSION):
            return HttpResponseForbidden(_("Freezing editions needs the reviewer's permission."))
        return view(request, *args, **kwargs)

    return wrapper


def _edition(request: HttpRequest, key: str) -> FrozenEdition:
    try:
        return services.edition(key, drafts=_may_freeze(request))
    except services.NoEdition:
        raise Http404(_("No such edition.")) from None


@require_http_methods(["GET", "HEAD"])
def edition_list(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """Every published edition, newest first (drafts too, for reviewers)."""
    shown = FrozenEdition.objects.all() if _may_freeze(request) else editions.published()
    rows = list(shown.order_by("-day", "-frozen_at"))
    base = origin(request)
    context = {
        "editions": [(e, edition_url(e)) for e in rows],
        "may_freeze": _may_freeze(request),
        "json": lambda: {"editions": [as_record(e, base) for e in rows]},
    }
    return respond(request, fmt, "workflow/editions.html", context)


@require_http_methods(["GET", "HEAD"])
def edition_page(request: HttpRequest, edition_id: str, fmt: str = "/") -> HttpResponseBase:
    """One edition: what it is, its citation, its files, the diff from the one before."""
    found = _edition(request, edition_id)
    if found.pk != edition_id:  # an edition record's ID: the edition that froze it
        return HttpResponseRedirect(edition_url(found, fmt))
    return _edition_response(request, found, fmt, PublishForm(), [])


def _edition_response(
    request: HttpRequest, found: FrozenEdition, fmt: str, form: PublishForm, refused: list[str]
) -> HttpResponse:
    record = as_record(found, origin(request))
    previous = editions.previous_of(found)
    others = [e for e in editions.published() if e.pk != found.pk]
    context = {
        "edition": found,
        "record": record,
        "previous": previous,
        "previous_diff": None if previous is None else diff_url(previous, found),
        "others": [(e, diff_url(e, found)) for e in others],
        "form": form,
        "refused": refused,
        "may_publish": _may_freeze(request) and found.published_at is None,
        "json": record,
    }
    if refused:  # the gate's answer to a publication: the page again, with its reasons
        return render(request, "workflow/edition.html", context, status=409)
    return respond(request, fmt, "workflow/edition.html", context)


@require_http_methods(["GET", "HEAD"])
def diff_page(request: HttpRequest, before: str, after: str, fmt: str = "/") -> HttpResponseBase:
    """What changed from one edition to another."""
    a, b = _edition(request, before), _edition(request, after)
    if (a.pk, b.pk) != (before, after):
        return HttpResponseRedirect(diff_url(a, b, fmt))
    found = services.diff_of(a, b)
    context = {
        "before": a,
        "after": b,
        "before_url": edition_url(a),
        "after_url": edition_url(b),
        "rows": diff_rows(found),
        "json": found.as_dict,
    }
    return respond(request, fmt, "workflow/diff.html", context)


@require_http_methods(["GET", "HEAD"])
def edition_file(request: HttpRequest, edition_id: str, filename: str) -> HttpResponse:
    """One stored file of an edition, as it was built when the edition was frozen."""
    found = _edition(request, edition_id)
    item = found.files.filter(filename=filename).first()
    if item is None:
        raise Http404(_("No such file."))
    response = HttpResponse(bytes(item.content), content_type=item.media_type)
    response["Content-Disposition"] = content_disposition_header(True, item.filename)
    response["ETag"] = f'"{item.sha256}"'
    response["Cache-Control"] = "public, max-age=31536000, immutable"  # it never changes
    return response


@require_http_methods(["GET", "HEAD"])
def edition_feed(request: HttpRequest) -> HttpResponse:
    """The Atom feed of published editions, newest first, each with what changed since the one
    before it."""
    base = origin(request)
    feed = Atom1Feed(
        title=_("mercwatch: editions"),
        link=base + _list_url(),
        feed_url=base + request.path,
        id=base + request.path,
        description=_("Every published edition of the tracker"),
        author_name="mercwatch",
    )
    newest = list(editions.published().order_by("-published_at")[:FEED_LIMIT])
    titles = dict(FrozenEdition.objects.values_list("id", "title"))
    for found in newest:
        text = found.notes or found.title
        counts = found.since_previous
        if counts:
            text += " " + _(
                "Since “%(title)s”: %(rose)d statuses rose, %(fell)d fell; %(added)d measures "
                "added, %(changed)d changed, %(retracted)d retracted."
            ) % {
                **counts,
                "changed": counts["measures_changed"],
                "title": titles.get(counts["edition"], counts["edition"]),
            }
        previous = FrozenEdition.objects.filter(pk=counts.get("edition")).first()
        link = base + (edition_url(found) if previous is None else diff_url(previous, found))
        feed.add_item(
            title=found.title,
            link=link,
            description=text,
            unique_id=f"tag:mercwatch,{found.day.isoformat()}:edition/{found.pk}",
            unique_id_is_permalink=False,
            pubdate=found.published_at,
            updateddate=found.published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def _list_url() -> str:
    return reverse("site:editions:list", kwargs={"fmt": "/"})


@reviewers
@require_http_methods(["GET", "HEAD", "POST"])
def freeze_form(request: HttpRequest) -> HttpResponse:
    """Freeze the current state as an edition (stored as a draft, to publish next)."""
    form = FreezeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            found = editions.freeze(
                title=form.cleaned_data["title"],
                notes=form.cleaned_data["notes"],
                day=form.cleaned_data["day"],
                user=request.user,
            )
        except (editions.EditionError, Refused) as exc:
            error = str(exc)
        else:
            return HttpResponseRedirect(edition_url(found))
    return render(request, "workflow/freeze.html", {"form": form, "error": error})


@reviewers
@require_http_methods(["POST"])
def publish(request: HttpRequest, edition_id: str) -> HttpResponseBase:
    """Publish a frozen edition through the gate, or show why the gate refuses it."""
    found = _edition(request, edition_id)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _edition_response(request, found, "/", form, [_("The form has errors.")])
    try:
        gate.publish(found, retractions=form.cleaned_data["retractions"], user=request.user)
    except gate.GateRefused as exc:
        return _edition_response(request, found, "/", form, exc.reasons)
    except (editions.EditionError, Refused) as exc:
        return _edition_response(request, found, "/", form, [str(exc)])
    return HttpResponseRedirect(edition_url(found))
