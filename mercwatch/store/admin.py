"""The editors' back office: every record with its revision history, every save checked.

Each add, change, delete or revert goes through the write path (`store.writes.apply`) with the
reason the editor gives and the editor as the revision's user. A change the checks refuse is
shown on the form – on the field at fault where there is one – and nothing is written.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import re_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.market.models import Product, Relationship
from mercwatch.store.writes import Refused, apply
from mercwatch.tracker.models import (
    Actor,
    Alias,
    Citation,
    Framework,
    Link,
    Measure,
    MeasureEvent,
    Membership,
    Methodology,
    Override,
    Provision,
    Source,
    Target,
)
from mercwatch.tracker.validator import Problem, dotted

REASON = "change_reason"
LABEL = "change_label"
_REFUSED = "_mercwatch_refused"


class CheckedAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """A model admin whose every write goes through the write path, with a reason."""

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        # The model form's fields: all that are shown but the reason, which the form adds.
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            kwargs["fields"] = [f for f in kwargs["fields"] if f not in {REASON, LABEL}]
        base = super().get_form(request, obj, **kwargs)
        refused: list[Problem] = getattr(request, _REFUSED, [])

        class Form(base):  # type: ignore[misc, valid-type]
            change_reason = forms.CharField(
                label=gettext_lazy("Reason for this change"),
                help_text=gettext_lazy("Kept with the revision and shown in the record's history."),
                max_length=200,
                widget=forms.TextInput(attrs={"size": 80}),
            )
            change_label = forms.ChoiceField(
                label=gettext_lazy("Kind of change"),
                help_text=gettext_lazy("Shown with the reason in the history and the changes."),
                choices=ChangeLabel.choices,
                initial=ChangeLabel.CORRECTION,
            )

            def clean(self) -> dict[str, Any]:
                cleaned: dict[str, Any] = super().clean()
                for problem in refused:
                    name = next((p for p in problem.loc if isinstance(p, str)), None)
                    text = _("Refused: %(reason)s") % {"reason": problem.reason}
                    if name in self.fields and len(problem.loc) == 1:
                        self.add_error(name, text)
                    else:
                        where = f"{problem.kind} {problem.key}, {dotted(problem.loc)}"
                        self.add_error(None, f"{where}: {text}")
                return cleaned

        return Form

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        named = {f for _name, opts in fieldsets for f in opts.get("fields", ())}
        if REASON in named:
            return fieldsets
        return [*fieldsets, (None, {"fields": [REASON, LABEL]})]

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        view = super().changeform_view
        reason = request.POST.get(REASON, "").strip() if request.method == "POST" else ""
        if not reason:  # a GET, or a form its missing reason makes invalid: nothing is written
            return view(request, object_id, form_url, extra_context)  # type: ignore[no-any-return]
        try:
            return apply(  # type: ignore[no-any-return]
                lambda: view(request, object_id, form_url, extra_context),
                reason=reason,
                user=request.user,
                label=_label(request),
            )
        except Refused as refused:
            setattr(request, _REFUSED, refused.problems)  # the form shows them; nothing saved
            return view(request, object_id, form_url, extra_context)  # type: ignore[no-any-return]

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        view = super().delete_view
        if request.method != "POST":
            return view(request, object_id, extra_context)  # type: ignore[no-any-return]
        reason = _("Deleted in the back office")
        return self._refusable(
            request,
            lambda: view(request, object_id, extra_context),
            reason,
            ChangeLabel.RETRACTION,
        )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        view = super().changelist_view
        if request.method != "POST":
            return view(request, extra_context)  # type: ignore[no-any-return]
        reason = _("Changed from the list in the back office")
        return self._refusable(request, lambda: view(request, extra_context), reason)

    def get_urls(self) -> list[Any]:
        """Give the admin's URLs, the revision form's taking an ID that holds a slash (a
        provision's, `blueprint/1`): django-simple-history's history list links it unquoted,
        which its own pattern (`[^/]+`) could not reverse."""
        first, *rest = super().get_urls()
        revision = re_path(r"^(.+)/history/([^/]+)/$", first.callback, name=first.name)
        return [revision, *rest]

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        view = super().history_form_view
        if request.method != "POST":
            return view(request, object_id, version_id, extra_context)  # type: ignore[no-any-return]
        reason = _("Reverted to an earlier revision in the back office")
        return self._refusable(
            request, lambda: view(request, object_id, version_id, extra_context), reason
        )

    def _refusable(
        self, request: HttpRequest, view: Any, reason: str, label: str | None = None
    ) -> HttpResponse:
        try:
            return apply(  # type: ignore[no-any-return]
                view, reason=reason, user=request.user, label=label
            )
        except Refused as refused:
            for problem in refused.problems:
                self.message_user(
                    request, _("Refused: %(problem)s") % {"problem": problem}, messages.ERROR
                )
            return HttpResponseRedirect(request.get_full_path())


def _label(request: HttpRequest) -> str | None:
    """Give the change label the editor chose (None, to derive it, for none or an unknown one:
    the form then says the choice is not valid, and nothing is written)."""
    label = request.POST.get(LABEL, "")
    return label if label in ChangeLabel.values else None


class LinkInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Link
    extra = 0


class EventInline(admin.TabularInline):  # type: ignore[type-arg]
    model = MeasureEvent
    extra = 0


class TargetInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Target
    extra = 0
    autocomplete_fields = ["actor"]


class CitationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Citation
    extra = 0
    fields = ["source", "excerpt", "locator", "stance", "position"]
    autocomplete_fields = ["source"]


@admin.register(Measure)
class MeasureAdmin(CheckedAdmin):
    list_display = ["id", "actor", "type", "date", "title"]
    list_filter = ["type"]
    search_fields = ["id", "title", "summary"]
    autocomplete_fields = ["actor"]
    inlines = [EventInline, LinkInline, TargetInline, CitationInline]


@admin.register(Actor)
class ActorAdmin(CheckedAdmin):
    list_display = ["id", "name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["id", "name", "aliases__name"]


@admin.register(Source)
class SourceAdmin(CheckedAdmin):
    list_display = ["id", "kind", "publisher", "published", "url"]
    list_filter = ["kind", "group"]
    search_fields = ["id", "url", "title", "publisher"]


@admin.register(Provision)
class ProvisionAdmin(CheckedAdmin):
    list_display = ["code", "title", "framework"]
    list_filter = ["framework"]


@admin.register(Relationship)
class RelationshipAdmin(CheckedAdmin):
    list_display = ["subject", "kind", "object", "since", "until"]
    list_filter = ["kind"]


@admin.register(Product)
class ProductAdmin(CheckedAdmin):
    list_display = ["id", "name", "vendor", "kind"]
    search_fields = ["id", "name"]


for model in (Framework, Membership, Override, Methodology, Alias):
    admin.site.register(model, CheckedAdmin)
