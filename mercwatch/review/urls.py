"""The review workflow's pages."""

from django.contrib.auth import views as auth_views
from django.urls import path

from mercwatch.review import views

app_name = "review"
urlpatterns = [
    path("submit/", views.submit, name="submit"),
    path("submissions/", views.mine, name="mine"),
    path("submissions/<int:pk>/", views.submission, name="submission"),
    path("review/", views.queue, name="queue"),
    path(
        "account/sign-in/",
        auth_views.LoginView.as_view(template_name="review/sign_in.html"),
        name="sign-in",
    ),
    path(
        "account/sign-out/", auth_views.LogoutView.as_view(next_page="site:home"), name="sign-out"
    ),
]
