"""URL configuration."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("api/v1/", include("mercwatch.api.urls")),
    path("downloads/", include("mercwatch.exports.urls")),
    path("", include("mercwatch.review.urls")),
    path("", include("mercwatch.accounts.urls")),
    path("", include("mercwatch.site.urls")),
]

handler404 = "mercwatch.site.errors.not_found"
handler500 = "mercwatch.site.errors.server_error"
