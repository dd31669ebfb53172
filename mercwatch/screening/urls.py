"""The screening page, included from the site's URLs at /screen/."""

from django.urls import re_path

from mercwatch.screening import views

app_name = "screening"
urlpatterns = [re_path(r"^$", views.screen_page, name="screen")]
