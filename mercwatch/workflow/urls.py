"""The edition pages, under /editions (mercwatch/site/urls.py); each page's JSON twin is the same
path ending in `.json` instead of `/`."""

from django.urls import include, re_path

from mercwatch.workflow import views

FMT = r"(?P<fmt>/|\.json)"
ID = r"[a-z0-9][a-z0-9-]*"

# The reviewer's forms take POST: their namespace is one of the writable (core/methods.py).
forms = [
    re_path(r"^freeze/$", views.freeze_form, name="freeze"),
    re_path(rf"^(?P<edition_id>{ID})/publish/$", views.publish, name="publish"),
]
pages = [
    re_path(r"^feed\.atom$", views.edition_feed, name="feed"),
    re_path(rf"^(?P<edition_id>{ID}){FMT}$", views.edition_page, name="edition"),
    re_path(rf"^(?P<before>{ID})/diff/(?P<after>{ID}){FMT}$", views.diff_page, name="diff"),
    re_path(
        rf"^(?P<edition_id>{ID})/files/(?P<filename>[A-Za-z0-9._-]+)$",
        views.edition_file,
        name="file",
    ),
]

app_name = "editions"
urlpatterns = [
    re_path(rf"^{FMT}$", views.edition_list, name="list"),  # /editions/ and /editions.json
    re_path(r"^/", include((forms, "edition-forms"))),
    re_path(r"^/", include(pages)),
]
