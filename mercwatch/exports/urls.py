"""The Downloads page and its files."""

from django.urls import path

from mercwatch.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.downloads, name="downloads"),
    path("index.json", views.downloads_json, name="downloads-json"),
    path("codebook/", views.codebook, name="codebook"),
    path("codebook.md", views.codebook_file, name="codebook-file"),
    path("<slug:edition>/<str:filename>", views.download, name="download"),
]
