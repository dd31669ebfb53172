"""Public pages; each page's JSON twin is the same path ending in `.json` instead of `/`."""

from django.urls import include, re_path

from mercwatch.site import feed_views, views

FMT = r"(?P<fmt>/|\.json)"
ACTOR = r"(?P<actor_id>[A-Za-z0-9-]+)"
SECTION = r"(?P<section>governments|companies|organisations|vendors)"
ASSESSED = r"(?P<section>governments|companies|organisations)"
PROVISION = r"(?P<framework>[a-z0-9-]+)/(?P<number>[0-9]+(?:\.[0-9]+)?)"
SLUG = r"[a-z0-9][a-z0-9-]*"
LISTING = r"[A-Za-z0-9][A-Za-z0-9-]*"  # an imported entry's key (the MISP galaxy's UUID)
PAGE = r"(?:/page/(?P<page>[0-9]+))?"  # a list's later pages (site/services/paging.py)

app_name = "site"
urlpatterns = [
    re_path(r"^$", views.home, name="home"),
    re_path(r"^index(?P<fmt>\.json)$", views.home, name="home-json"),
    re_path(rf"^{SECTION}{FMT}$", views.directory, name="directory"),
    re_path(
        rf"^{SECTION}/{ACTOR}/feed\.atom$",
        feed_views.actor_feed,
        name="actor-feed",
    ),
    re_path(rf"^{ASSESSED}/{ACTOR}/measures{PAGE}{FMT}$", views.timeline, name="timeline"),
    re_path(
        rf"^{ASSESSED}/{ACTOR}/evidence/{PROVISION}{PAGE}{FMT}$", views.evidence, name="evidence"
    ),
    re_path(rf"^governments/{ACTOR}{FMT}$", views.government, name="government"),
    re_path(
        rf"^(?P<section>companies|organisations)/{ACTOR}{FMT}$",
        views.organisation,
        name="organisation",
    ),
    re_path(rf"^vendors/listed{PAGE}{FMT}$", views.listings, name="listings"),
    re_path(rf"^vendors/listed/(?P<listing_id>{LISTING}){FMT}$", views.listing, name="listing"),
    re_path(rf"^vendors/{ACTOR}{FMT}$", views.vendor, name="vendor"),
    re_path(rf"^vendors/{ACTOR}/products/(?P<product>{SLUG}){FMT}$", views.product, name="product"),
    re_path(rf"^market/cross-checks{FMT}$", views.crosschecks_page, name="crosschecks"),
    re_path(rf"^provisions{FMT}$", views.provisions, name="provisions"),
    re_path(
        rf"^provisions/{PROVISION}/feed\.atom$", feed_views.provision_feed, name="provision-feed"
    ),
    re_path(rf"^provisions/{PROVISION}{PAGE}{FMT}$", views.provision, name="provision"),
    re_path(rf"^measures/(?P<measure_id>{SLUG}){FMT}$", views.measure, name="measure"),
    re_path(rf"^sources/(?P<source_id>{SLUG}){FMT}$", views.source, name="source"),
    re_path(rf"^compare{FMT}$", views.compare, name="compare"),
    re_path(rf"^search{PAGE}{FMT}$", views.search, name="search"),
    re_path(rf"^methodology{FMT}$", views.methodology, name="methodology"),
    re_path(r"^changes/feed\.atom$", feed_views.all_changes, name="changes-feed"),
    re_path(rf"^changes{PAGE}{FMT}$", views.changes_page, name="changes"),
    re_path(r"^history/", include("mercwatch.site.history_urls")),
    re_path(r"^editions", include("mercwatch.workflow.urls")),
    re_path(r"^screen/", include("mercwatch.screening.urls")),
]
