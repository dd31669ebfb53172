"""The history pages, under `/history/`: one a kind of record, each with its JSON twin."""

from django.urls import re_path

from mercwatch.site.history_views import record_history
from mercwatch.site.urls import ACTOR, FMT, PAGE, PROVISION, SLUG

RELATIONSHIP = r"(?P<subject>[A-Za-z0-9-]+)/(?P<relation>[a-z-]+)/(?P<object>[A-Za-z0-9-]+)"
ROUTES = {
    "actor": rf"actors/{ACTOR}",
    "measure": rf"measures/(?P<measure_id>{SLUG})",
    "source": rf"sources/(?P<source_id>{SLUG})",
    "framework": rf"frameworks/(?P<fid>{SLUG})",
    "provision": rf"provisions/{PROVISION}",
    "membership": rf"memberships/(?P<fid>{SLUG})/{ACTOR}",
    "override": rf"overrides/{ACTOR}/{PROVISION}",
    "relationship": rf"relationships/{RELATIONSHIP}",
}
urlpatterns = [
    re_path(rf"^{path}{PAGE}{FMT}$", record_history, {"kind": kind}, name=f"history-{kind}")
    for kind, path in ROUTES.items()
]
