"""The signed-in user's API tokens: make one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from mercwatch.accounts.models import ApiToken, Scope
from mercwatch.accounts.tokens import issue, revoke


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices)


@never_cache
def tokens(request: HttpRequest) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("review:sign-in"))
    form = TokenForm()
    made = None
    status = 200
    if request.method == "POST":
        if "revoke" in request.POST:
            number = request.POST.get("revoke", "")
            row = (
                ApiToken.objects.filter(user=request.user, pk=int(number)).first()
                if number.isdigit() and len(number) < 19
                else None
            )
            if row is not None:
                revoke(row)
            else:
                status = 404
        else:
            form = TokenForm(request.POST)
            if form.is_valid():
                data = form.cleaned_data
                _row, made = issue(request.user, data["scope"], data["name"])
                form = TokenForm()
            else:
                status = 422
    rows = ApiToken.objects.filter(user=request.user)
    context = {"form": form, "tokens": rows, "made": made}
    return render(request, "accounts/tokens.html", context, status=status)
