"""The signed-in user's account pages."""

from django.urls import path

from mercwatch.accounts import views

app_name = "accounts"
urlpatterns = [path("account/tokens/", views.tokens, name="tokens")]
