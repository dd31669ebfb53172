"""The site's pages of the review workflow: submit, one's own submissions, the queue, and a
submission's page with what the signed-in user may do to it (every rule: review/rules.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from mercwatch.core.throttle import per_minute, refused
from mercwatch.review import services
from mercwatch.review.forms import (
    EXAMPLE,
    MAX_PROPOSAL,
    DecisionForm,
    EditForm,
    MessageForm,
    SubmissionForm,
    read_proposal,
    shown,
    with_lines,
    yaml_problem,
)
from mercwatch.review.models import Submission
from mercwatch.review.proposal import problems as check_proposal
from mercwatch.review.rules import allowed
from mercwatch.review.states import OPEN
from mercwatch.tracker.loader.yamlio import YamlError


def _sign_in(request: HttpRequest) -> HttpResponse:
    return redirect_to_login(request.get_full_path(), reverse("review:sign-in"))


def _field_errors(form: Any, exc: services.Invalid, document: Any) -> list[str]:
    """Put each problem at its form field; give those of the proposal, with their lines."""
    for name, reasons in exc.errors.items():
        if name in form.fields and name != "proposal":
            for reason in reasons:
                form.add_error(name, reason)
    return with_lines(exc.errors, document)


def _proposal_problems(request: HttpRequest) -> list[str]:
    text = request.POST.get("proposal", "")
    if not text or len(text) > MAX_PROPOSAL:
        return []  # the form's own message says it
    try:
        proposal, document = read_proposal(text)
    except YamlError as exc:
        return yaml_problem(exc)
    return with_lines(check_proposal(proposal, user=request.user), document)


def too_many(request: HttpRequest, wait: int) -> HttpResponse:
    context = {"limit": per_minute("submission"), "wait": wait}
    response = render(request, "review/429.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


@never_cache
def submit(request: HttpRequest) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return _sign_in(request)
    if not allowed(request.user, "submit"):
        raise PermissionDenied
    form = SubmissionForm(request.POST if request.method == "POST" else None)
    problems: list[str] = []
    if request.method == "POST":
        wait = refused(request, "submission")
        if wait is not None:
            return too_many(request, wait)
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal, document = read_proposal(data["proposal"])
            except YamlError as exc:
                proposal, document, problems = None, None, yaml_problem(exc)
            if proposal is not None:
                draft = services.Draft(
                    kind=data["kind"], title=data["title"], statement=data["statement"],
                    proposal=proposal, anonymous=data["anonymous"], contact=data["contact"],
                    private_note=data["private_note"],
                )  # fmt: skip
                try:
                    made = services.submit(request.user, draft)
                except services.Invalid as exc:
                    problems = _field_errors(form, exc, document)
                else:
                    return redirect("review:submission", pk=made.pk)
        else:  # the proposal's problems too, all at once
            problems = _proposal_problems(request)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "problems": problems, "example": EXAMPLE}
    return render(request, "review/submit.html", context, status=status)


@require_safe
@never_cache
def mine(request: HttpRequest) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return _sign_in(request)
    rows = Submission.objects.filter(author=request.user)
    return render(request, "review/mine.html", {"submissions": rows[:200]})


@require_safe
@never_cache
def queue(request: HttpRequest) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return _sign_in(request)
    if not allowed(request.user, "queue"):
        raise PermissionDenied
    rows = Submission.objects.filter(state__in=OPEN).select_related("author").order_by("created")
    return render(request, "review/queue.html", {"submissions": rows[:500]})


@never_cache
def submission(request: HttpRequest, pk: int) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return _sign_in(request)
    found = Submission.objects.filter(pk=pk).select_related("author").first()
    if found is None or not allowed(request.user, "view", found):
        raise Http404  # neither says whether it exists
    user = request.user
    edit = EditForm(initial={"version": found.version, "title": found.title,
                             "statement": found.statement,
                             "proposal": shown(found.proposal)})  # fmt: skip
    say = MessageForm()
    decide = DecisionForm(initial={"version": found.version})
    problems: list[str] = []
    stale: services.Stale | None = None
    status = 200
    if request.method == "POST":
        status = 422
        action = request.POST.get("action", "")
        try:
            if action == "edit":
                edit = EditForm(request.POST)
                document = None
                if edit.is_valid():
                    data = edit.cleaned_data
                    try:
                        proposal, document = read_proposal(data["proposal"])
                    except YamlError as exc:
                        problems = yaml_problem(exc)
                    else:
                        services.edit(
                            found, user=user, seen=data["version"], title=data["title"],
                            statement=data["statement"], proposal=proposal,
                            reason=data["reason"],
                        )  # fmt: skip
                        return redirect("review:submission", pk=found.pk)
            elif action == "say":
                say = MessageForm(request.POST)
                if say.is_valid():
                    services.say(found, user=user, text=say.cleaned_data["text"])
                    return redirect("review:submission", pk=found.pk)
            elif action == "decide":
                decide = DecisionForm(request.POST)
                if decide.is_valid():
                    data = decide.cleaned_data
                    services.decide(found, user=user, decision=data["decision"],
                                    reason=data["reason"], seen=data["version"])  # fmt: skip
                    return redirect("review:submission", pk=found.pk)
            else:
                status = 400
        except services.Invalid as exc:
            form = {"edit": edit, "say": say, "decide": decide}[action]
            problems = _field_errors(form, exc, document if action == "edit" else None)
        except services.Stale as exc:
            stale, status = exc, 409
            found.refresh_from_db()
            # The form again as it was sent, on the version now: sent again, it is knowingly so.
            kept = {**request.POST.dict(), "version": found.version}
            if action == "edit":
                edit = EditForm(initial=kept)
            else:
                decide = DecisionForm(initial=kept)
        found.refresh_from_db()
    context = {
        "submission": found,
        "private": getattr(found, "private", None) if found.author_id == user.pk
        or allowed(user, "queue") else None,
        "messages_": found.messages.select_related("author"),
        "transitions": found.transitions.select_related("user"),
        "can_edit": found.state in OPEN
        and (allowed(user, "revise", found) or allowed(user, "prepare", found)),
        "can_say": allowed(user, "answer", found) or allowed(user, "ask", found),
        "can_decide": found.state in OPEN and allowed(user, "decide", found),
        "edit": edit, "say": say, "decide": decide,
        "problems": problems, "stale": stale, "proposal_text": shown(found.proposal),
    }  # fmt: skip
    return render(request, "review/submission.html", context, status=status)
